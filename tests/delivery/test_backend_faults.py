"""The backend misbehaving: garbage, huge bodies, wrong content types, redirects, TLS errors.

Each case runs `intake-tui sync` against a real server on loopback and checks what an
operator and an auditor see afterwards: the outbox row's status and message, the audit
log, the sync summary and exit status, and that the record is still in the store, unchanged.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import socket
import ssl
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import trustme
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from intake_tui.config.model import BackendSettings
from intake_tui.delivery.client import build_client
from intake_tui.delivery.sender import BACKEND, Sender
from intake_tui.store import Store
from intake_tui.store.models import OutboxEntry
from tests.delivery.sync_support import TOKEN, Desk, make_desk, queue_normalised, record_id
from tests.helpers import run_cli
from tests.store.factories import Clock, make_record

PATH = "/api/inquiries"
RECORD = record_id(1, prefix=0xFA17)
#: Far more than the client may hold in memory for one answer.
HUGE_BYTES = 50 * 1024 * 1024
#: One chunk of a huge body, made once so that serving it allocates nothing.
MEGABYTE = b"x" * (1024 * 1024)
#: The most the Python heap may grow by while one huge answer is handled.
MEMORY_CEILING = 8 * 1024 * 1024
REASON_OF = {
    "delivered": "delivery.delivered",
    "rejected": "delivery.rejected.client",
    "waiting": "delivery.retry.status",
}


@dataclass(frozen=True)
class Aftermath:
    """Everything a sync run leaves behind for the one queued record."""

    code: int
    stderr: str
    row: OutboxEntry
    actions: list[str]
    #: The ``reason`` message key of each outbox audit entry, in order.
    reasons: list[str]


def _desk(tmp_path: Path, url: str, extra: str = "") -> Desk:
    """A desk whose backend is *url*, with the one record queued."""
    desk = make_desk(tmp_path / "desk", url, extra=extra)
    queue_normalised(desk, [RECORD])
    return desk


def _sync(desk: Desk, *extra: str) -> Aftermath:
    """Run `intake-tui sync` and read back the row, the audit log and the record."""
    with desk.store() as store:
        before = store.get(RECORD)
    result = run_cli("sync", "--config", str(desk.config), *extra, env={"INTAKE_TUI_TOKEN": TOKEN})
    assert "Traceback" not in result.stdout + result.stderr
    # Server text never reaches the terminal with its control characters.
    assert "\x1b" not in result.stdout + result.stderr
    with desk.store() as store:
        (row,) = store.outbox_entries(RECORD, destination=BACKEND)
        audit = store.audit_entries(RECORD)
        # Nothing is deleted or altered because of what the backend answered.
        assert before is not None
        assert store.get(RECORD) == before
        assert store.integrity_check() == "ok"
    return Aftermath(
        result.returncode,
        result.stderr,
        row,
        [entry.action for entry in audit],
        [str(entry.details.get("reason")) for entry in audit if entry.action != "submitted"],
    )


def _assert_audited(after: Aftermath, final: str, reason: str) -> None:
    """The audit log holds the submission, then sending → outcome pairs ending in *final*."""
    assert after.actions[0] == "submitted"
    pairs = after.actions[1:]
    assert pairs and len(pairs) % 2 == 0, after.actions
    assert set(pairs[0::2]) == {"outbox.sending"}
    assert pairs[-1] == f"outbox.{final}"
    assert after.reasons[-1] == reason


def _assert_summary(after: Aftermath) -> None:
    """The sync summary counts the record where it ended up and, unless delivered, says why."""
    counts = [int(after.row.status == status) for status in ("delivered", "waiting", "rejected")]
    line = "本次送达 {} 条；仍待发送 {} 条；被拒收 {} 条。".format(*counts)
    assert line in after.stderr, after.stderr
    if after.row.status != "delivered":
        (reason_line,) = [line for line in after.stderr.splitlines() if RECORD in line]
        assert (after.row.last_error or "-") in reason_line


def _assert_token_nowhere(folder: Path) -> None:
    """No file under *folder* (data, logs, config) holds the bearer token."""
    for path in folder.rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path


# -- garbage and wrong content types ---------------------------------------------------------

JSON = "application/json"
#: Answers in shapes the contract does not name: (status, body, content type, outcome, and
#: the text the operator is shown — for a delivery, the remote reference kept).
ODD_ANSWERS: dict[str, tuple[int, str | bytes, str, str, str | None]] = {
    # A 2xx is delivered whatever its body: the status decides.
    "2xx binary garbage as JSON": (200, bytes(range(256)) * 64, JSON, "delivered", None),
    "2xx HTML page": (
        200,
        "<html><body><h1>欢迎</h1></body></html>",
        "text/html",
        "delivered",
        None,
    ),
    "2xx XML": (201, "<ref>CRM-1</ref>", "application/xml", "delivered", None),
    "2xx JSON list": (201, '["CRM-1"]', JSON, "delivered", None),
    "2xx id that is an object": (201, '{"id": {"value": "CRM-1"}}', JSON, "delivered", None),
    "2xx id that is a boolean": (201, '{"id": true, "ref": null}', JSON, "delivered", None),
    "2xx JSON string": (202, '"accepted"', JSON, "delivered", None),
    "2xx nested too deep to parse": (200, "[" * 60_000, JSON, "delivered", None),
    "2xx id with escape codes": (201, '{"id": "CRM-\\u001b[2J7"}', JSON, "delivered", "CRM- [2J7"),
    "2xx id too long to be one": (201, json.dumps({"id": "A" * 5000}), JSON, "delivered", None),
    "2xx made-up charset": (200, '{"ref": "R-9"}', f"{JSON}; charset=klingon", "delivered", "R-9"),
    # Errors: classified by status, the server's words shown as one plain line.
    "HTML error page": (
        422,
        "<html><head><style>h1{color:red}</style><title>Error</title></head>"
        "<body><h1>公司名称与工商登记不符</h1><script>alert(1)</script></body></html>",
        "text/html; charset=utf-8",
        "rejected",
        "Error 公司名称与工商登记不符",
    ),
    "errors list as validate writes it": (
        422,
        json.dumps({"errors": [{"field": "contact.mobile", "message": "号码已停机"}]}),
        JSON,
        "rejected",
        "contact.mobile: 号码已停机",
    ),
    "JSON with unknown keys": (
        400,
        json.dumps({"code": 17, "msg": {"zh": "格式不对"}}, ensure_ascii=False),
        JSON,
        "rejected",
        '{"code": 17, "msg": {"zh": "格式不对"}}',
    ),
    "escape codes and a forged summary line": (
        422,
        json.dumps({"message": "\x1b]0;pwned\x07名称有误\r\n本次送达 99 条"}),
        JSON,
        "rejected",
        "]0;pwned 名称有误 本次送达 99 条",
    ),
    "HTML 500 from a proxy": (
        500,
        "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
        "text/html",
        "waiting",
        "HTTP 500",
    ),
}


@pytest.mark.parametrize(
    ("status", "body", "content_type", "final", "shown"), ODD_ANSWERS.values(), ids=ODD_ANSWERS
)
def test_an_answer_in_an_unexpected_shape_is_classified_and_shown_as_plain_text(
    httpserver: HTTPServer,
    tmp_path: Path,
    status: int,
    body: str | bytes,
    content_type: str,
    final: str,
    shown: str | None,
) -> None:
    httpserver.expect_request(PATH, method="POST").respond_with_data(
        body, status=status, content_type=content_type
    )
    after = _sync(_desk(tmp_path, httpserver.url_for(PATH)), "--timeout", "1")
    assert after.row.status == final
    _assert_audited(after, final, REASON_OF[final])
    _assert_summary(after)
    _assert_token_nowhere(tmp_path)
    if final == "delivered":
        assert after.code == 0
        assert (after.row.last_error, after.row.remote_ref) == (None, shown)
        assert len(httpserver.log) == 1
        return
    assert after.code == 1
    message = after.row.last_error or ""
    assert shown is not None and shown in message
    assert message.isprintable(), message
    # Markup, scripts and styles of an HTML page are not shown.
    assert [word for word in ("<", "alert(1)", "color:red") if word in message] == []


# -- huge bodies: the client reads a bounded prefix and hangs up -----------------------------


@dataclass
class HugeBody:
    """*prefix* and HUGE_BYTES more, served a megabyte at a time; counts what went out."""

    prefix: bytes = b""
    sent: int = 0

    def __len__(self) -> int:
        return len(self.prefix) + HUGE_BYTES

    def __iter__(self) -> Iterator[bytes]:
        for chunk in itertools.chain(
            [self.prefix], itertools.repeat(MEGABYTE, HUGE_BYTES // 2**20)
        ):
            yield chunk
            self.sent += len(chunk)


@pytest.mark.parametrize(
    ("status", "final", "code", "shown"),
    [
        (201, "delivered", 0, None),
        (422, "rejected", 1, "名称不符 xxxx"),
        (503, "waiting", 1, "HTTP 503"),
    ],
)
def test_a_huge_body_is_not_read_and_the_status_still_counts(
    httpserver: HTTPServer, tmp_path: Path, status: int, final: str, code: int, shown: str | None
) -> None:
    bodies: list[HugeBody] = []

    def handler(_request: Request) -> Response:
        bodies.append(HugeBody("名称不符 ".encode()))
        length = str(len(bodies[-1]))
        return Response(bodies[-1], status, {"Content-Length": length}, content_type="text/plain")

    httpserver.expect_request(PATH, method="POST").respond_with_handler(handler)
    after = _sync(_desk(tmp_path, httpserver.url_for(PATH)), "--timeout", "1")
    assert after.code == code
    assert after.row.status == final
    assert bodies and all(body.sent < len(body) for body in bodies), "a whole body was read"
    if shown is None:
        assert after.row.last_error is None
    else:
        assert shown in (after.row.last_error or "")
        assert len(after.row.last_error or "") < 1000
    _assert_audited(after, final, REASON_OF[final])
    _assert_summary(after)


class RawServer:
    """A loopback listener that answers every request with *answer()*, or never answers.

    Hand-rolled so that it counts every connection and byte, and so that serving allocates
    next to nothing: werkzeug reads 10 MB at a time, which would swamp the measurement of
    the client's heap in the same process.
    """

    def __init__(self, answer: Callable[[], Iterable[bytes]] | None = None) -> None:
        self._answer = answer
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}{PATH}"
        self.connections = 0
        self.received = b""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            self.connections += 1
            with connection:
                connection.settimeout(2.0)
                # OSError: the client hung up, which is what a bounded reader does.
                with contextlib.suppress(OSError):
                    self._converse(connection)

    def _converse(self, connection: socket.socket) -> None:
        while self._answer is None or not self._request_complete():
            chunk = connection.recv(65536)
            if not chunk:
                return
            self.received += chunk
        for chunk in self._answer():
            connection.sendall(chunk)

    def _request_complete(self) -> bool:
        head, found, body = self.received.partition(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        return bool(found) and len(body) >= (int(length[1]) if length else 0)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()


@contextmanager
def raw_server(answer: Callable[[], Iterable[bytes]] | None = None) -> Iterator[RawServer]:
    """A :class:`RawServer` for the length of the block."""
    server = RawServer(answer)
    try:
        yield server
    finally:
        server.close()


def _answer(status: str, body: Iterable[Any], length: int, **headers: str) -> Callable[[], Any]:
    """An HTTP/1.1 answer: *status*, *headers* (``Content_Type`` → ``Content-Type``), *body*."""
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {length}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    return lambda: itertools.chain([head], body)


def _send_once_measuring_memory(store: Store, url: str, clock: Clock) -> tuple[OutboxEntry, int]:
    """Send the queued record once in this process; the row and the peak heap growth."""
    store.submit(make_record(RECORD), destinations=[BACKEND], actor="op-01")
    settings = BackendSettings(enabled=True, url=url, timeout_s=2.0, connect_timeout_s=1.0)
    with build_client(settings) as client:
        sender = Sender(store, client, settings, token=TOKEN, actor="op-01", now=clock)
        tracemalloc.start()
        try:
            baseline, _ = tracemalloc.get_traced_memory()
            sender.send_due()
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
            sender.close()
    (row,) = store.outbox_entries(RECORD, destination=BACKEND)
    return row, peak - baseline


def test_memory_stays_small_while_a_huge_body_arrives(store: Store, clock: Clock) -> None:
    body = HugeBody(b'{"message": "')
    answer = _answer("422 Unprocessable", body, len(body), Content_Type="application/json")
    with raw_server(answer) as server:
        row, grown = _send_once_measuring_memory(store, server.url, clock)
    assert grown < MEMORY_CEILING, f"{grown / 2**20:.1f} MiB held for one answer"
    assert body.sent < len(body)
    assert row.status == "rejected"
    # What was read of a cut-off JSON body is shown as text, shortened.
    assert '{"message": "xxx' in (row.last_error or "")


def test_a_compressed_body_is_not_expanded(store: Store, clock: Clock) -> None:
    # 256 MiB of zeros packed into about 256 KiB: the "zip bomb" of an HTTP answer.
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join([*(packer.compress(bytes(2**20)) for _ in range(256)), packer.flush()])
    answer = _answer("422 Unprocessable", [bomb], len(bomb), Content_Encoding="gzip")
    with raw_server(answer) as server:
        row, grown = _send_once_measuring_memory(store, server.url, clock)
    assert b"accept-encoding: identity" in server.received.lower()
    assert grown < MEMORY_CEILING, f"{grown / 2**20:.1f} MiB held for one answer"
    assert row.status == "rejected"
    assert "HTTP 422" in (row.last_error or "")


def test_a_body_dripping_a_byte_at_a_time_is_cut_off_after_the_timeout(
    store: Store, clock: Clock
) -> None:
    def drip() -> Iterator[bytes]:
        for _ in range(1000):  # 200 s at this pace; each byte well inside the read timeout
            yield b"x"
            time.sleep(0.2)

    with raw_server(_answer("201 Created", drip(), 1000)) as server:
        started = time.monotonic()
        row, _ = _send_once_measuring_memory(store, server.url, clock)
    # The whole answer gets timeout_s (2 s) however it trickles in, so a claimed row is
    # never held far beyond its lease.
    assert time.monotonic() - started < 6
    assert row.status == "delivered"


# -- redirects to another origin: not followed, the other server hears nothing ---------------


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_to_another_origin_is_not_followed(
    httpserver: HTTPServer, tmp_path: Path, status: int
) -> None:
    with raw_server() as elsewhere:
        httpserver.expect_request(PATH, method="POST").respond_with_data(
            "", status=status, headers={"Location": elsewhere.url}
        )
        after = _sync(_desk(tmp_path, httpserver.url_for(PATH)))
    # The other origin got no connection at all, so it never saw the token or the record.
    assert (elsewhere.connections, elsewhere.received) == (0, b"")
    assert [request.headers["Authorization"] for request, _ in httpserver.log] == [
        f"Bearer {TOKEN}"
    ]
    assert after.code == 1
    assert after.row.status == "rejected"
    message = after.row.last_error or ""
    assert elsewhere.url in message and f"HTTP {status}" in message and "不跟随转址" in message
    _assert_audited(after, "rejected", "delivery.rejected.redirect")
    _assert_summary(after)
    _assert_token_nowhere(tmp_path)


# -- TLS: an untrusted certificate waits, a trusted CA bundle delivers -----------------------


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


@contextmanager
def https_server(authority: trustme.CA, *, self_signed: bool) -> Iterator[HTTPServer]:
    """An HTTPS backend on loopback: a certificate from *authority*, or the CA's own one."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    if self_signed:
        with authority.cert_pem.tempfile() as cert, authority.private_key_pem.tempfile() as key:
            context.load_cert_chain(cert, key)
    else:
        authority.issue_cert("127.0.0.1").configure_cert(context)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.expect_request(PATH, method="POST").respond_with_json({"id": "CRM-TLS"}, status=201)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _assert_tls_wait(after: Aftermath, url: str, reason_words: str) -> None:
    """The record waits with a message naming the server, the fault and backend.ca_bundle."""
    assert after.code == 1
    assert after.row.status == "waiting"
    message = after.row.last_error or ""
    assert url in message and reason_words in message and "backend.ca_bundle" in message
    assert "证书未通过验证" in message
    _assert_audited(after, "waiting", "delivery.retry.tls_certificate")
    _assert_summary(after)


def test_a_self_signed_certificate_is_refused_and_the_record_waits(
    authority: trustme.CA, tmp_path: Path
) -> None:
    with https_server(authority, self_signed=True) as server:
        url = server.url_for(PATH)
        after = _sync(_desk(tmp_path, url), "--timeout", "1")
        assert server.log == []
    _assert_tls_wait(after, url, "self-signed certificate")
    _assert_token_nowhere(tmp_path)


def test_an_unknown_authority_waits_until_its_ca_bundle_is_configured(
    authority: trustme.CA, tmp_path: Path
) -> None:
    with https_server(authority, self_signed=False) as server:
        url = server.url_for(PATH)
        desk = _desk(tmp_path, url)
        after = _sync(desk, "--timeout", "1")
        _assert_tls_wait(after, url, "unable to get local issuer certificate")
        assert server.log == []

        bundle = tmp_path / "in-house-ca.pem"
        authority.cert_pem.write_to_path(str(bundle))
        make_desk(tmp_path / "desk", url, extra=f'ca_bundle = "{bundle}"\n')
        after = _sync(desk)
        (request, _), *others = server.log
    assert after.code == 0
    assert (after.row.status, after.row.remote_ref, after.row.last_error) == (
        "delivered",
        "CRM-TLS",
        None,
    )
    assert "outbox.waiting" in after.actions
    _assert_audited(after, "delivered", "delivery.delivered")
    _assert_summary(after)
    assert others == []
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["Idempotency-Key"] == f"{RECORD}.1"
    _assert_token_nowhere(tmp_path)


def test_https_to_a_plain_http_port_is_a_handshake_failure(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    url = httpserver.url_for(PATH).replace("http://", "https://")
    after = _sync(_desk(tmp_path, url), "--timeout", "1")
    # Only TLS hellos arrived, which the plain server could not read as requests.
    assert httpserver.log == []
    assert after.code == 1
    assert after.row.status == "waiting"
    message = after.row.last_error or ""
    assert url in message and "backend.url" in message and "无法建立加密连接" in message
    _assert_audited(after, "waiting", "delivery.retry.tls_handshake")
    _assert_summary(after)
