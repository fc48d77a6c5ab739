"""The log: one private rotating file; every record masked, no credential ever written."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from intake_tui import logs
from intake_tui.privacy.redaction import redact
from tests.helpers import raw_record, run_cli
from tests.privacy.conftest import leaks_in
from tests.privacy.support import TEST_TOKEN, import_records, write_config

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)
prefixes = st.sampled_from(["", "+86", "+86 ", "+86-", "0086", "0086 ", "86", "86 ", "＋86 "])
separators = st.sampled_from(["", " ", "-", "\u3000", "\u00a0"])
# Text around the number: anything but digits (a digit would make it another number).
surroundings = st.text(
    alphabet=st.characters(blacklist_categories=("Nd", "Cs"), blacklist_characters="+＋"),
    max_size=20,
)


@st.composite
def spelled_mobiles(draw: st.DrawFn) -> tuple[str, str]:
    """(the mobile, how someone might have written it)."""
    mobile = draw(mobiles)
    cuts = draw(st.lists(st.integers(1, 10), unique=True, max_size=4))
    spelled = ""
    for index, digit in enumerate(mobile):
        if index in cuts:
            spelled += draw(separators)
        spelled += digit
    if draw(st.booleans()):
        spelled = spelled.translate(FULL_WIDTH)
    return mobile, draw(prefixes) + spelled


@given(spelled_mobiles(), surroundings, surroundings)
def test_every_spelling_of_a_mobile_is_masked(
    spelled: tuple[str, str], before: str, after: str
) -> None:
    mobile, text = spelled
    redacted = redact(f"{before}{text}{after}")
    assert f"{mobile[:3]}****{mobile[7:]}" in redacted
    assert mobile not in "".join(ch for ch in redacted if ch.isdigit())
    assert leaks_in(redacted) == []


@given(st.text(alphabet="ABCDEFabcdef0123456789-_.", min_size=8, max_size=40), surroundings)
def test_credentials_never_survive(token: str, around: str) -> None:
    lines = [
        f"{around}Authorization: Bearer {token}",
        f"{around}{{'authorization': 'Bearer {token}', 'accept': 'json'}}",
        f"{around}GET https://crm.example.org/api?token={token}&page=2",
        f"{around}the configured token is {token}",
    ]
    for line in lines:
        assert token not in redact(line, [token])


def test_numbers_that_are_not_mobiles_are_left_alone() -> None:
    text = "record 3f2a9c1e rev 2, HTTP 503, retry in 12.5 s, 2026-11-29 13:45:12, 021-66668888"
    assert redact(text) == text


@pytest.fixture
def installed() -> Iterator[Path]:
    """The program's logging, installed in this process, writing under the test's home."""
    logs.install_logging()
    yield logs.log_dir() / logs.LOG_FILE_NAME
    logs.uninstall_logging()


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_the_filter_sees_every_logger_arguments_and_tracebacks(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRM_TOKEN", TEST_TOKEN)
    logs.protect_env("CRM_TOKEN")
    logging.getLogger("intake_tui.anything").info("caller %s asked", "+86 135-2467-8515")
    logging.getLogger("httpx").warning("HTTP Request: POST %s", "https://x/api?token=" + TEST_TOKEN)
    logging.getLogger("some.library").warning(
        "headers %s", {"Authorization": f"Bearer {TEST_TOKEN}"}
    )
    try:
        raise ValueError(f"bad mobile 13524678515 with token {TEST_TOKEN}")
    except ValueError:
        logging.getLogger("intake_tui.crash").exception("failed for 13800138000")
    _flush()
    text = installed.read_text(encoding="utf-8")
    assert "135****8515" in text and "138****8000" in text
    assert "HTTP Request: POST" in text and "ValueError" in text
    assert leaks_in(text) == []
    assert stat.S_IMODE(installed.stat().st_mode) == 0o600
    assert stat.S_IMODE(installed.parent.stat().st_mode) == 0o700


def test_rotated_files_stay_private(installed: Path) -> None:
    line = "x" * 1000
    log = logging.getLogger("intake_tui.volume")
    for _ in range(logs.MAX_BYTES // 1000 + 50):
        log.info(line)
    _flush()
    rotated = sorted(installed.parent.glob(f"{logs.LOG_FILE_NAME}*"))
    assert len(rotated) >= 2
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in rotated)


def test_nothing_is_written_until_something_is_logged(installed: Path) -> None:
    assert not installed.parent.exists()


def test_sync_logs_requests_and_transitions_without_the_token(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    folder = write_config(
        tmp_path,
        f'[backend]\nenabled = true\nurl = "{httpserver.url_for("/api")}"\ntimeout_s = 1\n',
    )
    import_records(folder, [raw_record()])
    httpserver.expect_request("/api", method="POST").respond_with_json({"ref": "R1"}, status=201)
    result = run_cli("sync", "--config", str(folder.config), env={"INTAKE_TUI_TOKEN": TEST_TOKEN})
    assert result.returncode == 0, result.stderr
    [log_file] = logs.log_dir().glob(logs.LOG_FILE_NAME)
    text = log_file.read_text(encoding="utf-8")
    assert "-> delivered" in text  # the sender's transition
    # httpx's per-request INFO line is not written (the transition says it all).
    assert "HTTP Request: POST" not in text
    assert leaks_in(text) == []


def test_httpx_request_lines_pass_the_filter(installed: Path, httpserver: HTTPServer) -> None:
    # Quiet by default; a maintainer turning them back on still gets them redacted.
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    logging.getLogger("httpx").setLevel(logging.INFO)
    httpserver.expect_request("/api").respond_with_data("ok")
    with httpx.Client() as client:
        client.get(httpserver.url_for("/api") + "?token=" + TEST_TOKEN + "&mobile=13524678515")
    _flush()
    text = installed.read_text(encoding="utf-8")
    assert "HTTP Request: GET" in text
    assert leaks_in(text) == []
