"""A token that cannot go in an HTTP header is a configuration error, never a traceback.

HTTP header values are printable ASCII: the client raised on a token with a full-width
letter, a curly quote or a line break in it, for every record. ``sync`` now refuses to
start (exit 2) with a message naming the variable and what a token looks like, sends
nothing, and never shows the token; ``check-config`` warns about it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from intake_tui.config.token import token_problem
from tests.helpers import raw_record, run_cli

PATH = "/api/inquiries"
ENV = "INTAKE_TUI_TOKEN"
#: (token, the message key) for tokens no header can carry.
UNSENDABLE = [
    ("tok-ä-7f3c", "config.token.non_ascii"),
    ("令牌7f3c2b", "config.token.non_ascii"),
    ("tok-“7f3c”", "config.token.non_ascii"),
    ("tok-7f3c\nsecond-line", "config.token.line_break"),
    ("tok-7f3c\r\nX-Injected: 1", "config.token.line_break"),
    ("Bearer tok-7f3c", "config.token.space_or_control"),
    ("tok-\x007f3c", "config.token.space_or_control"),
]
IDS = ["umlaut", "chinese", "curly quotes", "newline", "header injection", "space", "nul"]


@pytest.mark.parametrize(("token", "key"), UNSENDABLE, ids=IDS)
def test_an_unsendable_token_is_named_without_being_shown(token: str, key: str) -> None:
    problem = token_problem(token, ENV)
    assert problem is not None and problem.key == key
    for lang in ("zh", "en"):
        text = problem.text(lang)
        assert ENV in text and "export" in text
        assert token not in text and "7f3c" not in text


def test_a_printable_ascii_token_is_fine() -> None:
    assert token_problem("eyJhbGciOi.J9-_~+/=", ENV) is None


def _desk(tmp_path: Path, httpserver: HTTPServer) -> Path:
    """A config with the backend at *httpserver*, and one record imported and queued."""
    config = tmp_path / "intake.toml"
    config.write_text(
        f'[storage]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
        f'[backend]\nenabled = true\nurl = "{httpserver.url_for(PATH)}"\ntimeout_s = 1\n',
        encoding="utf-8",
    )
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(raw_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import", str(source), "--config", str(config)).returncode == 0
    return config


#: Tokens an environment can hold (not NUL), for the installed command.
IN_ENV = [0, 1, 3, 4]


@pytest.mark.parametrize(
    ("token", "key"), [UNSENDABLE[i] for i in IN_ENV], ids=[IDS[i] for i in IN_ENV]
)
def test_sync_with_an_unsendable_token_exits_2_and_sends_nothing(
    httpserver: HTTPServer, tmp_path: Path, token: str, key: str
) -> None:
    config = _desk(tmp_path, httpserver)
    httpserver.expect_request(PATH, method="POST").respond_with_json({"id": "CRM-1"}, 201)
    result = run_cli("sync", "--config", str(config), "--lang", "en", env={ENV: token})
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 2, result.stderr
    assert f"the token in the environment variable {ENV} cannot be sent" in result.stderr
    assert "7f3c" not in result.stdout + result.stderr
    assert httpserver.log == []

    # Set right, the same record goes.
    fixed = run_cli("sync", "--config", str(config), env={ENV: "tok-7f3c"})
    assert fixed.returncode == 0, fixed.stderr
    assert [r.headers["Authorization"] for r, _ in httpserver.log] == ["Bearer tok-7f3c"]


def test_check_config_warns_about_an_unsendable_token(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    config = _desk(tmp_path, httpserver)
    result = run_cli("check-config", str(config), "--lang", "en", env={ENV: "tok-ä-7f3c"})
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
    assert "token: set, but it cannot be sent" in result.stdout
    assert f"the token in the environment variable {ENV} cannot be sent" in result.stdout
    assert "7f3c" not in result.stdout + result.stderr
