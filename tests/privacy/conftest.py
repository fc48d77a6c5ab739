"""At the end of the session: no log file written by the tests holds a mobile or a token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake_tui.privacy.redaction import mask_mobiles
from tests.privacy.support import TEST_TOKEN

# Test tokens across the suite follow one shape (tok-…-secret); any of them is a leak.
_TEST_TOKENS = re.compile(r"tok-[A-Za-z0-9-]*secret")
_UNREDACTED_BEARER = re.compile(r"(?i)bearer\s+(?!\[REDACTED\])\S")


def leaks_in(text: str) -> list[str]:
    """What in *text* must never be in a log: unmasked mobiles and tokens."""
    found = []
    if mask_mobiles(text) != text:
        found.append("unmasked mobile number")
    if TEST_TOKEN in text or _TEST_TOKENS.search(text):
        found.append("test token")
    if _UNREDACTED_BEARER.search(text):
        found.append("bearer credential")
    return found


def scan_logs(root: Path) -> dict[Path, list[str]]:
    """Every intake-tui log file under *root* that leaks, with what it leaks."""
    problems: dict[Path, list[str]] = {}
    for path in root.rglob("intake-tui.log*"):
        if path.is_file() and (found := leaks_in(path.read_text("utf-8", errors="replace"))):
            problems[path] = found
    return problems


@pytest.fixture(scope="session", autouse=True)
def logs_hold_no_personal_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After every test has run, scan the log folders of all of them (each test's tmp home)."""
    yield
    problems = scan_logs(tmp_path_factory.getbasetemp())
    assert not problems, f"log files leak personal data or secrets: {problems}"
