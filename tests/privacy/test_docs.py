"""docs/PRIVACY.md names real tests and real commands, so a new user can follow it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import run_cli

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "PRIVACY.md").read_text(encoding="utf-8")
CITED = sorted(set(re.findall(r"`(tests/[\w/]+\.py)::(\w+)", DOC)))


def test_the_page_cites_tests_for_every_promise() -> None:
    assert len(CITED) >= 30
    assert DOC.count("**Tests.**") == DOC.count("**Promise.**") == 6


@pytest.mark.parametrize(("path", "name"), CITED)
def test_every_cited_test_exists(path: str, name: str) -> None:
    source = (REPO / path).read_text(encoding="utf-8")
    assert re.search(rf"^(?:async )?def {name}\(", source, re.MULTILINE), f"{path}::{name}"


@pytest.mark.parametrize("command", ["forget", "purge", "show", "export", "list"])
def test_every_command_the_page_uses_exists(command: str) -> None:
    assert f"intake-tui {command}" in DOC
    assert run_cli(command, "--help").returncode == 0


RELIABILITY = (REPO / "docs" / "RELIABILITY.md").read_text(encoding="utf-8")
RELIABILITY_CITED = sorted(set(re.findall(r"`?(tests/[\w/]+\.py)::(\w+)", RELIABILITY)))


@pytest.mark.parametrize(("path", "name"), RELIABILITY_CITED)
def test_every_test_the_reliability_page_cites_exists(path: str, name: str) -> None:
    source = (REPO / path).read_text(encoding="utf-8")
    assert re.search(rf"^(?:async )?def {name}\(", source, re.MULTILINE), f"{path}::{name}"
