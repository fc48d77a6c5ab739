"""The sender against a real loopback HTTP server: every answer lands in the right outbox state."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer, RequestHandler
from werkzeug import Request, Response

from intake_tui.config.model import BackendSettings
from intake_tui.delivery.client import USER_AGENT, build_client
from intake_tui.delivery.sender import BACKEND, Sender
from intake_tui.store import Store
from intake_tui.store.models import OutboxEntry
from tests.store.factories import Clock, make_record

RECORD_ID = "0f8e2c1a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
TOKEN = "tok-7c1e9a-secret"
PATH = "/api/inquiries"


def _settings(url: str) -> BackendSettings:
    return BackendSettings(
        enabled=True,
        url=url,
        timeout_s=0.5,
        connect_timeout_s=0.5,
        retry_base_s=10.0,
        retry_cap_s=600.0,
    )


@pytest.fixture
def client(httpserver: HTTPServer) -> Iterator[httpx.Client]:
    with build_client(_settings(httpserver.url_for(PATH))) as opened:
        yield opened


def _sender(store: Store, client: httpx.Client, url: str, clock: Clock) -> Sender:
    return Sender(
        store, client, _settings(url), token=TOKEN, actor="op-01", now=clock, random=lambda: 0.0
    )


@pytest.fixture
def sender(store: Store, client: httpx.Client, httpserver: HTTPServer, clock: Clock) -> Sender:
    store.submit(make_record(RECORD_ID), destinations=[BACKEND], actor="op-01")
    return _sender(store, client, httpserver.url_for(PATH), clock)


def _row(store: Store) -> OutboxEntry:
    (entry,) = store.outbox_entries(RECORD_ID, destination=BACKEND)
    return entry


def _expect(httpserver: HTTPServer) -> RequestHandler:
    return httpserver.expect_request(PATH, method="POST")


def test_201_with_an_id_is_delivered_with_the_remote_reference(
    httpserver: HTTPServer, sender: Sender, store: Store
) -> None:
    _expect(httpserver).respond_with_json({"id": "CRM-88"}, status=201)
    (attempt,) = sender.send_due()
    assert attempt.status == "delivered"
    row = _row(store)
    assert (row.status, row.remote_ref, row.attempts, row.last_error) == (
        "delivered",
        "CRM-88",
        1,
        None,
    )
    request, _ = httpserver.log[0]
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Idempotency-Key"] == f"{RECORD_ID}.1"
    assert request.headers["User-Agent"] == USER_AGENT
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    body = json.loads(request.get_data())
    assert body == make_record(RECORD_ID)
    assert "上海宝钢" in request.get_data().decode("utf-8")
    assert sender.send_due() == []


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (201, "", "text/plain"),
        (200, "{not json", "application/json"),
        (202, '["a list"]', "application/json"),
    ],
)
def test_2xx_without_a_usable_body_is_still_delivered(
    httpserver: HTTPServer, sender: Sender, store: Store, status: int, body: str, content_type: str
) -> None:
    _expect(httpserver).respond_with_data(body, status=status, content_type=content_type)
    (attempt,) = sender.send_due()
    assert attempt.status == "delivered"
    assert (_row(store).status, _row(store).remote_ref) == ("delivered", None)


def test_409_means_the_backend_already_has_it(
    httpserver: HTTPServer, sender: Sender, store: Store
) -> None:
    _expect(httpserver).respond_with_json({"ref": "R-1"}, status=409)
    (attempt,) = sender.send_due()
    assert attempt.status == "delivered"
    assert attempt.message.key == "delivery.already_there"
    assert _row(store).status == "delivered"


def test_422_is_rejected_with_the_server_message_and_never_resent(
    httpserver: HTTPServer, sender: Sender, store: Store, clock: Clock
) -> None:
    _expect(httpserver).respond_with_json({"message": "need.kind 不在允许的取值中"}, status=422)
    (attempt,) = sender.send_due()
    assert attempt.status == "rejected"
    row = _row(store)
    assert row.status == "rejected"
    assert row.last_error is not None and "need.kind 不在允许的取值中" in row.last_error
    assert "HTTP 422" in row.last_error
    clock.advance(days=2)
    assert sender.send_due() == []
    assert len(httpserver.log) == 1
    assert store.get(RECORD_ID) is not None


@pytest.mark.parametrize("status", [401, 403])
def test_auth_failures_are_rejected_and_point_at_the_token_variable(
    httpserver: HTTPServer, sender: Sender, store: Store, status: int
) -> None:
    _expect(httpserver).respond_with_data("bad token", status=status)
    (attempt,) = sender.send_due()
    assert attempt.status == "rejected"
    assert attempt.message.key == "delivery.rejected.auth"
    assert "INTAKE_TUI_TOKEN" in (_row(store).last_error or "")


def test_a_redirect_is_not_followed(httpserver: HTTPServer, sender: Sender, store: Store) -> None:
    _expect(httpserver).respond_with_data(
        "", status=301, headers={"Location": "https://crm.example.cn/api/inquiries"}
    )
    (attempt,) = sender.send_due()
    assert attempt.status == "rejected"
    assert "https://crm.example.cn/api/inquiries" in (_row(store).last_error or "")
    assert len(httpserver.log) == 1


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_in_seconds_sets_the_next_attempt(
    httpserver: HTTPServer, sender: Sender, store: Store, clock: Clock, status: int
) -> None:
    _expect(httpserver).respond_with_data("busy", status=status, headers={"Retry-After": "120"})
    start = clock()
    (attempt,) = sender.send_due()
    assert attempt.status == "waiting"
    row = _row(store)
    assert row.status == "waiting"
    assert row.next_attempt_at is not None
    assert datetime.fromisoformat(row.next_attempt_at) == start + timedelta(seconds=120)
    clock.advance(seconds=119)
    assert sender.send_due() == []
    clock.advance(seconds=2)
    assert [a.status for a in sender.send_due()] == ["waiting"]
    assert _row(store).attempts == 2


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_as_an_http_date(
    httpserver: HTTPServer, sender: Sender, store: Store, clock: Clock, status: int
) -> None:
    when = clock() + timedelta(minutes=5)
    _expect(httpserver).respond_with_data(
        "",
        status=status,
        headers={"Retry-After": format_datetime(when.astimezone(UTC), usegmt=True)},
    )
    sender.send_due()
    row = _row(store)
    assert row.status == "waiting"
    assert datetime.fromisoformat(row.next_attempt_at or "") == when


@pytest.mark.parametrize("status", [500, 408, 425])
def test_server_errors_back_off_exponentially(
    httpserver: HTTPServer, sender: Sender, store: Store, clock: Clock, status: int
) -> None:
    _expect(httpserver).respond_with_data("oops", status=status)
    waits = []
    for _ in range(3):
        start = clock()
        (attempt,) = sender.send_due()
        assert attempt.status == "waiting"
        assert attempt.next_attempt_at is not None
        waits.append((attempt.next_attempt_at - start).total_seconds())
        clock.current = attempt.next_attempt_at
    # retry_base_s=10 with the jitter draw at 0: half of 10, 20, 40.
    assert waits == [5, 10, 20]
    assert "HTTP" in (_row(store).last_error or "")


def test_a_slow_answer_times_out_and_the_retry_is_recognised_as_a_duplicate(
    httpserver: HTTPServer, sender: Sender, store: Store, clock: Clock
) -> None:
    seen: list[str] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers["Idempotency-Key"])
        if len(seen) == 1:
            time.sleep(1.0)  # stored, but answered after the client's 0.5 s timeout
            return Response(status=201)
        return Response(status=409)

    _expect(httpserver).respond_with_handler(handler)
    (first,) = sender.send_due()
    assert first.status == "waiting"
    assert first.message.key == "delivery.retry.timeout"
    clock.advance(hours=1)
    (second,) = sender.send_due()
    assert second.status == "delivered"
    assert seen == [f"{RECORD_ID}.1", f"{RECORD_ID}.1"]
    assert _row(store).status == "delivered"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_connection_refused_waits_and_keeps_the_record(store: Store, clock: Clock) -> None:
    store.submit(make_record(RECORD_ID), destinations=[BACKEND], actor="op-01")
    url = f"http://127.0.0.1:{_closed_port()}/api/inquiries"
    with build_client(_settings(url)) as client:
        (attempt,) = _sender(store, client, url, clock).send_due()
    assert attempt.status == "waiting"
    assert attempt.message.key == "delivery.retry.connect"
    assert url in (_row(store).last_error or "")
    assert store.get(RECORD_ID) is not None


def test_every_transition_is_audited_without_token_or_mobile(
    httpserver: HTTPServer, sender: Sender, store: Store, clock: Clock, tmp_path: Path
) -> None:
    handlers = [
        Response("down", status=503),
        Response(json.dumps({"id": "CRM-9"}), status=201, content_type="application/json"),
    ]
    _expect(httpserver).respond_with_handler(lambda _request: handlers.pop(0))
    sender.send_due()
    clock.advance(hours=1)
    sender.send_due()
    actions = [entry.action for entry in store.audit_entries(RECORD_ID)]
    assert actions == [
        "submitted",
        "outbox.sending",
        "outbox.waiting",
        "outbox.sending",
        "outbox.delivered",
    ]
    audit_text = json.dumps([entry.details for entry in store.audit_entries()])
    assert TOKEN not in audit_text
    assert "13800138000" not in audit_text
    store.close()
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path
