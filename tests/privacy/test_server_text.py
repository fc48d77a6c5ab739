"""A server's words are untrusted: what `sync` stores and prints of them holds no secret."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from intake_tui import logs
from tests.helpers import raw_record, run_cli
from tests.privacy.free_text import holds_the_mobile
from tests.privacy.support import TEST_TOKEN, DataFolder, import_records, write_config

#: Secret parameters of a robot-webhook address, as such services sign their URLs.
URL_SECRETS = {"key": "kq7-url-key-value", "sign": "sg9-url-sign-value"}
QUERY = "?" + "&".join(f"{name}={value}" for name, value in URL_SECRETS.items())
ECHOED = {"secret": "se4-echoed-secret", "sig": "si5-echoed-sig"}
REDIRECT_TOKEN = "at6-redirect-access-token"
IDS = [f"8888888{n}-8888-4888-8888-888888888888" for n in range(5)]


def _answer(request: Request) -> Response:
    """Each record its own hostile answer, chosen by its idempotency key."""
    record = request.headers["Idempotency-Key"].split(".")[0]
    which = IDS.index(record)
    if which == 0:  # the token quoted in a JSON message, beside the caller's number
        body = {"message": f"token {TEST_TOKEN} refused for caller +86 135-2467-8515"}
        return Response(json.dumps(body), status=401, content_type="application/json")
    if which == 1:  # a long text page that is cut to length in the middle of the token
        return Response("x" * 290 + TEST_TOKEN + " is not valid", status=403)
    if which == 2:  # an error page that prints the request back
        echoed = "&".join(f"{name}={value}" for name, value in ECHOED.items())
        page = f"<html><body>Bad request to /hook?{echoed} Authorization: Bearer {TEST_TOKEN}"
        return Response(page + "</body></html>", status=422, content_type="text/html")
    if which == 3:  # a redirect whose new address carries a token of its own
        location = f"https://elsewhere.example.org/in?access_token={REDIRECT_TOKEN}"
        return Response(status=302, headers={"Location": location})
    return Response(json.dumps({"message": "缺少字段，请回电 １３５２４６７８５１５"}), status=400)


def _secrets() -> list[str]:
    """Every secret of this test, and long enough pieces of the token to be one."""
    return [
        TEST_TOKEN,
        TEST_TOKEN[:8],
        *URL_SECRETS.values(),
        *ECHOED.values(),
        REDIRECT_TOKEN,
    ]


def _leaks(folder: DataFolder, *outputs: str) -> list[str]:
    """Which secrets are in any file of the data folder (the store, its write-ahead log, the
    local file) or the log folder, or in the outputs; and whether an output prints the
    caller's number (the store and the local file hold it in the record, of course)."""
    found = []
    files = [
        path
        for root in (folder.data, logs.log_dir())
        if root.exists()
        for path in root.rglob("*")
        if path.is_file()
    ]
    assert any(path.name.endswith(".sqlite3") for path in files)
    for path in files:
        data = path.read_bytes()
        found += [f"{secret} in {path.name}" for secret in _secrets() if secret.encode() in data]
    for output in outputs:
        found += [f"{secret} printed" for secret in _secrets() if secret in output]
        if holds_the_mobile(output):
            found.append("mobile printed")
    return found


def test_hostile_answers_leave_no_secret_in_the_data_folder_or_the_output(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    url = httpserver.url_for("/hook") + QUERY
    folder = write_config(
        tmp_path, f'[backend]\nenabled = true\nurl = "{url}"\ntimeout_s = 2\nretry_base_s = 0.1\n'
    )
    import_records(folder, [{**raw_record(), "id": record_id} for record_id in IDS])
    httpserver.expect_request("/hook", method="POST").respond_with_handler(_answer)
    result = run_cli(
        "sync", "--config", str(folder.config), "--lang", "en", env={"INTAKE_TUI_TOKEN": TEST_TOKEN}
    )
    assert result.returncode == 1, result.stderr
    assert len(httpserver.log) == len(IDS)
    assert all(r.headers["Authorization"] == f"Bearer {TEST_TOKEN}" for r, _ in httpserver.log)
    with folder.open_store() as store:
        errors = {
            entry.record_id: entry.last_error or ""
            for entry in store.outbox_entries(destination="backend")
        }
        audit = [entry.details for entry in store.audit_entries()]
    assert "[REDACTED] refused for caller 135****8515" in errors[IDS[0]]
    assert errors[IDS[1]].count("x") >= 290 and "[REDACTED]" in errors[IDS[1]]
    assert "secret=[REDACTED]&sig=[REDACTED]" in errors[IDS[2]]
    assert "access_token=[REDACTED]" in errors[IDS[3]]
    assert "135****8515" in errors[IDS[4]]
    assert any("server_message" in details for details in audit)
    assert not holds_the_mobile(json.dumps([errors, audit], ensure_ascii=False))
    assert _leaks(folder, result.stdout, result.stderr) == []


def _closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_an_unreachable_webhook_address_is_stored_and_printed_with_its_secrets_masked(
    tmp_path: Path,
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/hook{QUERY}"
    folder = write_config(
        tmp_path,
        f'[backend]\nenabled = true\nurl = "{url}"\nconnect_timeout_s = 0.5\nretry_base_s = 5\n',
    )
    import_records(folder, [{**raw_record(), "id": IDS[0]}])
    result = run_cli(
        "sync", "--config", str(folder.config), "--timeout", "1", "--lang", "en",
        env={"INTAKE_TUI_TOKEN": TEST_TOKEN},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    with folder.open_store() as store:
        [entry] = store.outbox_entries(destination="backend")
    assert entry.status == "waiting"
    assert "/hook?key=[REDACTED]&sign=[REDACTED]" in (entry.last_error or "")
    assert "/hook?key=[REDACTED]&sign=[REDACTED]" in result.stdout + result.stderr
    assert _leaks(folder, result.stdout, result.stderr) == []
