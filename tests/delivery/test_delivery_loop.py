"""The background delivery loop against a real loopback HTTP server (pytest-httpserver)."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from intake_tui.config.model import BackendSettings
from intake_tui.delivery.outcome import Outcome
from intake_tui.i18n import Message
from intake_tui.services.delivery_loop import (
    DeliveryLoop,
    DeliveryState,
    Mode,
    count_outbox,
    mode_after,
    seconds_until_due,
)
from intake_tui.store import Store
from intake_tui.store.models import OutboxEntry
from tests.delivery.hostile_server import HOSTILE, hostile_server
from tests.store.factories import make_record

PATH = "/api/inquiries"
FIRST = "0f8e2c1a-5b6d-4e7f-8a9b-000000000001"
SECOND = "0f8e2c1a-5b6d-4e7f-8a9b-000000000002"
#: Generous: other test runs share the two cores.
PATIENCE_S = 20.0


def _now() -> datetime:
    return datetime.now().astimezone()


def _settings(url: str, *, retry_base_s: float = 0.1, retry_cap_s: float = 1.0) -> BackendSettings:
    return BackendSettings(
        enabled=True,
        url=url,
        timeout_s=2,
        connect_timeout_s=1,
        retry_base_s=retry_base_s,
        retry_cap_s=retry_cap_s,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class Harness:
    """A store file, a loop on it, and every state the loop reported."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "data" / "intake.sqlite3"
        self.store = Store.open(self.path, now=_now)
        self.states: list[DeliveryState] = []
        self.loop: DeliveryLoop | None = None

    def start(self, settings: BackendSettings, *, token: str | None = "tok-1") -> DeliveryLoop:
        self.loop = DeliveryLoop(
            lambda: Store.open(self.path, now=_now),
            settings,
            token=token,
            actor="op-01",
            lang="en",
            now=_now,
            on_change=self.states.append,
            idle_s=5.0,
        )
        self.loop.start()
        return self.loop

    def submit(self, record_id: str) -> None:
        self.store.submit(make_record(record_id), destinations=["backend"], actor="op-01")

    def wait_for(self, what: Callable[[DeliveryState], bool], description: str) -> DeliveryState:
        """Poll the loop's state until *what* holds (bounded)."""
        assert self.loop is not None
        deadline = time.monotonic() + PATIENCE_S
        while time.monotonic() < deadline:
            state = self.loop.state
            if self.states and what(state):
                return state
            time.sleep(0.02)
        raise AssertionError(f"no {description} within {PATIENCE_S} s; states: {self.states}")

    def settled(self, record_id: str) -> OutboxEntry:
        """The record's backend row once no request for it is in flight (bounded)."""
        deadline = time.monotonic() + PATIENCE_S
        while True:
            [row] = self.store.outbox_entries(record_id)
            if row.status != "sending" or time.monotonic() > deadline:
                return row
            time.sleep(0.02)

    def close(self) -> None:
        if self.loop is not None:
            assert self.loop.stop(timeout=PATIENCE_S)
        self.store.close()


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    opened = Harness(tmp_path)
    yield opened
    opened.close()


def _keys(httpserver: HTTPServer) -> list[str]:
    return [request.headers["Idempotency-Key"] for request, _ in httpserver.log]


def test_a_submission_is_delivered_after_a_wake_up(
    httpserver: HTTPServer, harness: Harness
) -> None:
    httpserver.expect_request(PATH, method="POST").respond_with_json({"id": "CRM-1"}, status=201)
    loop = harness.start(_settings(httpserver.url_for(PATH)))
    harness.wait_for(lambda s: s.waiting == 0, "first report")

    harness.submit(FIRST)
    loop.wake()
    state = harness.wait_for(lambda s: s.waiting == 0 and len(httpserver.log) == 1, "delivery")

    assert (state.mode, state.rejected) == ("online", 0)
    assert _keys(httpserver) == [f"{FIRST}.1"]
    request, _ = httpserver.log[0]
    assert request.headers["Authorization"] == "Bearer tok-1"
    # The server logs the request before the loop has recorded the answer; the state seen
    # above may still be the one from before the submission (waiting 0 both times).
    row = harness.settled(FIRST)
    assert (row.status, row.remote_ref) == ("delivered", "CRM-1")


def test_offline_while_nothing_listens_then_delivered_when_the_server_comes(
    harness: Harness,
) -> None:
    port = _free_port()
    harness.submit(FIRST)
    harness.start(_settings(f"http://127.0.0.1:{port}{PATH}"))
    offline = harness.wait_for(lambda s: s.mode == "offline", "offline state")
    assert offline.waiting == 1
    [row] = harness.store.outbox_entries(FIRST)
    assert row.status == "waiting" and row.last_error is not None
    assert "Cannot connect" in row.last_error

    server = HTTPServer(host="127.0.0.1", port=port)
    server.expect_request(PATH, method="POST").respond_with_data("", status=201)
    server.start()
    try:
        # No wake-up: the loop retries on its own when the backoff has passed.
        state = harness.wait_for(lambda s: s.waiting == 0, "delivery once the server is up")
        assert state.mode == "online"
        assert [request.headers["Idempotency-Key"] for request, _ in server.log] == [f"{FIRST}.1"]
    finally:
        server.clear()
        server.stop()


def test_5xx_makes_the_backend_failing_and_the_record_waits(
    httpserver: HTTPServer, harness: Harness
) -> None:
    httpserver.expect_request(PATH, method="POST").respond_with_data("down", status=503)
    harness.submit(FIRST)
    harness.start(_settings(httpserver.url_for(PATH), retry_base_s=60, retry_cap_s=600))
    state = harness.wait_for(lambda s: s.mode == "failing", "failing state")
    assert (state.waiting, state.rejected) == (1, 0)
    [row] = harness.store.outbox_entries(FIRST)
    assert row.status == "waiting"


def test_a_refused_token_is_failing_and_counted_as_rejected(
    httpserver: HTTPServer, harness: Harness
) -> None:
    httpserver.expect_request(PATH, method="POST").respond_with_json(
        {"message": "token expired"}, status=401
    )
    harness.submit(FIRST)
    harness.start(_settings(httpserver.url_for(PATH)), token="old")
    state = harness.wait_for(lambda s: s.rejected == 1, "rejection")
    assert (state.mode, state.waiting) == ("failing", 0)


def test_a_corrected_rejection_is_no_longer_counted_and_goes_out_as_revision_2(
    httpserver: HTTPServer, harness: Harness
) -> None:
    httpserver.expect_oneshot_request(PATH, method="POST").respond_with_json(
        {"message": "contact.mobile is not a mobile number"}, status=422
    )
    httpserver.expect_request(PATH, method="POST").respond_with_json({"id": "CRM-2"}, status=201)
    harness.submit(FIRST)
    loop = harness.start(_settings(httpserver.url_for(PATH)))
    rejected = harness.wait_for(lambda s: s.rejected == 1, "rejection")
    assert (rejected.mode, rejected.waiting) == ("online", 0)
    [row] = harness.store.outbox_entries(FIRST)
    assert row.last_error is not None and "contact.mobile is not a mobile number" in row.last_error

    corrected = make_record(FIRST, mobile="13912345678")
    assert harness.store.resubmit_corrected(corrected, destinations=["backend"], actor="op") == 2
    loop.wake()
    state = harness.wait_for(lambda s: s.rejected == 0 and s.waiting == 0, "resend")
    assert state.mode == "online"
    assert _keys(httpserver) == [f"{FIRST}.1", f"{FIRST}.2"]
    assert count_outbox(harness.store) == (0, 0)


def test_send_now_retries_a_waiting_record_before_its_time(
    httpserver: HTTPServer, harness: Harness
) -> None:
    httpserver.expect_oneshot_request(PATH, method="POST").respond_with_data("", status=503)
    httpserver.expect_request(PATH, method="POST").respond_with_data("", status=201)
    harness.submit(FIRST)
    # A retry a minute away: only "send now" can deliver within the test's patience.
    loop = harness.start(_settings(httpserver.url_for(PATH), retry_base_s=120, retry_cap_s=600))
    harness.wait_for(lambda s: s.mode == "failing", "failing state")

    loop.send_now()
    state = harness.wait_for(lambda s: s.waiting == 0, "delivery after send now")
    assert state.mode == "online"
    assert _keys(httpserver) == [f"{FIRST}.1", f"{FIRST}.1"]


def test_stop_ends_an_idle_loop(httpserver: HTTPServer, harness: Harness) -> None:
    loop = harness.start(_settings(httpserver.url_for(PATH)))
    harness.wait_for(lambda s: True, "first report")
    assert loop.running
    assert loop.stop(timeout=PATIENCE_S)
    assert not loop.running
    harness.submit(SECOND)
    loop.wake()  # a stopped loop sends nothing, and waking it is harmless
    assert httpserver.log == []


def test_an_unreadable_store_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    states: list[DeliveryState] = []
    loop = DeliveryLoop(
        lambda: Store.open(blocker / "intake.sqlite3", now=_now),
        _settings("http://127.0.0.1:9/"),
        token=None,
        actor="op-01",
        lang="en",
        now=_now,
        on_change=states.append,
    )
    loop.start()
    assert loop.stop(timeout=PATIENCE_S)
    assert len(states) == 1 and states[0].problem is not None


# -- the pure parts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "mode"),
    [
        (Outcome("delivered", Message("delivery.delivered"), 201), "online"),
        (Outcome("delivered", Message("delivery.already_there"), 409), "online"),
        (Outcome("rejected", Message("delivery.rejected.client"), 422), "online"),
        (Outcome("retry", Message("delivery.retry.status"), 503), "failing"),
        (Outcome("retry", Message("delivery.retry.status"), 429), "failing"),
        (Outcome("retry", Message("delivery.retry.timeout")), "failing"),
        (Outcome("rejected", Message("delivery.rejected.auth"), 401), "failing"),
        (Outcome("rejected", Message("delivery.rejected.redirect"), 301), "failing"),
        (Outcome("retry", Message("delivery.retry.connect")), "offline"),
        (Outcome("retry", Message("delivery.retry.network")), "offline"),
        (Outcome("rejected", Message("delivery.rejected.superseded")), None),
        (Outcome("rejected", Message("delivery.rejected.missing")), None),
    ],
)
def test_mode_after_each_kind_of_outcome(outcome: Outcome, mode: Mode | None) -> None:
    assert mode_after(outcome) == mode


def test_seconds_until_due() -> None:
    now = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    assert seconds_until_due(None, now) is None
    assert seconds_until_due("", now) == 0
    assert seconds_until_due("2026-03-02T01:00:05.000000Z", now) == 5
    assert seconds_until_due("2026-03-02T00:59:55.000000Z", now) == 0


@pytest.mark.parametrize("hostility", ["trickle-headers", "hang", "retry-after-1e9"])
def test_one_hostile_record_never_holds_back_the_others_in_the_background(
    harness: Harness, hostility: str
) -> None:
    ids = [f"0f8e2c1a-5b6d-4e7f-8a9b-{n:012d}" for n in range(1, 12)]
    with hostile_server(ids[0], HOSTILE[hostility]) as server:
        for one in ids:  # the hostile one first in the queue
            harness.submit(one)
        harness.start(_settings(server.url))
        state = harness.wait_for(lambda s: s.waiting == 1, "every other record delivered")
        rows = {one: harness.settled(one).status for one in ids}
        assert harness.loop is not None
        assert harness.loop.stop(timeout=PATIENCE_S)
        assert server.overlaps() == []

    assert state.problem is None
    assert rows == {ids[0]: "waiting", **dict.fromkeys(ids[1:], "delivered")}
