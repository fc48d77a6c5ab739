"""Batched delivery: claims and outcomes per batch, lost claims, dead senders, the lease's end."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from intake_tui.cli.commands.sync import FIRST_BATCH, MAX_BATCH, next_batch_size
from intake_tui.config.model import BackendSettings
from intake_tui.delivery.client import build_client
from intake_tui.delivery.presence import SenderPresence
from intake_tui.delivery.sender import BACKEND, Sender, request_body
from intake_tui.store import Store
from intake_tui.store.outbox import Transition
from tests.delivery.backend_stub import BackendStub, Incoming, running_backend
from tests.store.factories import Clock, make_record

MINUTE = timedelta(minutes=1)


@pytest.fixture
def stub() -> Iterator[BackendStub]:
    with running_backend(BackendStub()) as running:
        yield running


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with build_client(BackendSettings()) as opened:
        yield opened


def _sender(store: Store, client: httpx.Client, url: str, clock: Clock) -> Sender:
    settings = BackendSettings(enabled=True, url=url, timeout_s=0.5, connect_timeout_s=0.5)
    return Sender(store, client, settings, token="t", actor="op-01", now=clock)


def _queue(store: Store, *ids: str) -> None:
    store.submit_many([make_record(one) for one in ids], destinations=[BACKEND], actor="op-01")


def _actions(store: Store, record_id: str) -> list[tuple[str, object]]:
    return [(a.action, a.details.get("reason")) for a in store.audit_entries(record_id)]


def test_a_batch_claim_is_audited_and_carries_the_exact_request_bodies(store: Store) -> None:
    _queue(store, "r1", "r2", "r3")
    claims = store.claim_outbox_batch(BACKEND, limit=2, lease=MINUTE, actor="op-09")
    assert [(c.entry.record_id, c.entry.status, c.entry.attempts) for c in claims] == [
        ("r1", "sending", 1),
        ("r2", "sending", 1),
    ]
    for claim in claims:
        stored = store.get(claim.entry.record_id)
        assert stored is not None
        assert claim.stored_revision == stored.revision
        assert (claim.body or "").encode() == request_body(stored.record)
    [sending] = [a for a in store.audit_entries("r1") if a.action == "outbox.sending"]
    assert (sending.actor, sending.details) == (
        "op-09",
        {"destination": BACKEND, "revision": 1, "attempt": 1},
    )
    assert _actions(store, "r3") == [("submitted", None)]
    # The claim skipped its own disk sync; every other write still syncs.
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_due_retries_are_claimed_before_the_queue_which_goes_in_order(
    store: Store, clock: Clock
) -> None:
    _queue(store, "r1", "r2", "r3")
    [first] = store.claim_outbox_batch(BACKEND, limit=1, lease=MINUTE, actor="op-01")
    retry_at = (clock() + MINUTE).isoformat()
    waiting = Transition(first.entry, "waiting", next_attempt_at=retry_at, last_error="503")
    assert store.finish_outbox([waiting], actor="op-01") == [True]
    clock.advance(seconds=10)
    [second] = store.claim_outbox_batch(BACKEND, limit=1, lease=MINUTE, actor="op-01")
    assert second.entry.record_id == "r2"  # r1 is not due yet
    clock.advance(minutes=2)
    claims = store.claim_outbox_batch(BACKEND, limit=5, lease=MINUTE, actor="op-01")
    assert [(c.entry.record_id, c.entry.attempts) for c in claims] == [
        ("r1", 2),  # due first
        ("r2", 2),  # then the row whose sender's lease ran out (a sender that died)
        ("r3", 1),  # then the queue
    ]


def test_an_outcome_whose_claim_was_lost_changes_nothing_and_is_audited(
    store: Store, clock: Clock
) -> None:
    _queue(store, "r1", "r2")
    slow = store.claim_outbox_batch(BACKEND, limit=2, lease=MINUTE, actor="op-01")
    clock.advance(minutes=2)
    [taken] = store.claim_outbox_batch(BACKEND, limit=1, lease=MINUTE, actor="op-02")
    assert taken.entry.record_id == "r1"
    late = [Transition(claim.entry, "delivered", remote_ref="CRM-1") for claim in slow]
    # r1 belongs to the second sender now; r2's lease ran out too but nobody took it.
    assert store.finish_outbox(late, actor="op-01") == [False, True]
    rows = {e.record_id: e for e in store.outbox_entries(destination=BACKEND)}
    assert (rows["r1"].status, rows["r1"].attempts, rows["r1"].remote_ref) == ("sending", 2, None)
    assert (rows["r2"].status, rows["r2"].remote_ref) == ("delivered", "CRM-1")
    assert _actions(store, "r1")[-1] == ("outbox.outcome_ignored", None)
    assert store.finish_outbox([Transition(taken.entry, "delivered")], actor="op-02") == [True]


def test_releasing_claims_makes_rows_due_at_once_with_the_reason(
    store: Store, clock: Clock
) -> None:
    _queue(store, "r1", "r2")
    store.claim_outbox_batch(BACKEND, limit=2, lease=timedelta(hours=1), actor="op-01")
    released = store.release_outbox_claims(
        BACKEND, actor="op-02", last_error="interrupted", details={"reason": "why"}
    )
    assert sorted(entry.record_id for entry in released) == ["r1", "r2"]
    rows = store.outbox_entries(destination=BACKEND)
    assert {(e.status, e.last_error) for e in rows} == {("waiting", "interrupted")}
    assert _actions(store, "r1")[-1] == ("outbox.waiting", "why")
    again = store.claim_outbox_batch(BACKEND, limit=5, lease=MINUTE, actor="op-02")
    assert len(again) == 2  # due now, not in an hour


def test_presence_tells_whether_another_sender_is_alive(tmp_path: Path) -> None:
    path = tmp_path / "intake.sqlite3"
    calls: list[str] = []
    first, second, third = (SenderPresence(path) for _ in range(3))
    first.join(lambda: calls.append("first"))
    second.join(lambda: calls.append("second"))
    first.leave()
    third.join(lambda: calls.append("third"))  # the second is still alive
    second.leave()
    third.leave()
    SenderPresence(path).join(lambda: calls.append("fourth"))
    assert calls == ["first", "fourth"]


def test_a_new_sender_resends_what_a_dead_one_left_but_not_what_a_live_one_holds(
    store: Store, client: httpx.Client, stub: BackendStub, clock: Clock
) -> None:
    _queue(store, "r1")
    store.claim_outbox_batch(BACKEND, limit=1, lease=timedelta(hours=1), actor="dead")
    alive = SenderPresence(store.path)
    alive.join(lambda: None)
    assert _sender(store, client, stub.url, clock).send_due() == []  # held by a live sender
    alive.leave()
    [attempt] = _sender(store, client, stub.url, clock).send_due()
    assert attempt.status == "delivered"
    assert _actions(store, "r1")[-4:] == [
        ("outbox.sending", None),
        ("outbox.waiting", "delivery.retry.interrupted"),
        ("outbox.sending", None),
        ("outbox.delivered", "delivery.delivered"),
    ]


def test_rows_whose_lease_could_end_mid_request_are_not_sent_but_due_again(
    store: Store, client: httpx.Client, clock: Clock
) -> None:
    def slow_backend(_incoming: Incoming) -> None:
        clock.advance(seconds=20)  # each answer takes 20 s of the 31 s lease

    _queue(store, "r1", "r2", "r3", "r4")
    with running_backend(BackendStub(slow_backend)) as stub:
        sender = _sender(store, client, stub.url, clock)
        attempts = sender.send_due(limit=4)
        assert [a.status for a in attempts] == ["delivered", "delivered", "waiting", "waiting"]
        assert attempts[2].message.key == "delivery.retry.deferred"
        rows = {e.record_id: e for e in store.outbox_entries(destination=BACKEND)}
        assert (rows["r3"].status, rows["r3"].attempts) == ("waiting", 0)  # never tried
        assert [a.entry.record_id for a in sender.send_due(limit=4)] == ["r3", "r4"]
        assert len(stub.exchanges) == 4


def test_the_single_row_api_still_sends_a_claimed_row(
    store: Store, client: httpx.Client, stub: BackendStub, clock: Clock
) -> None:
    _queue(store, "r1")
    [entry] = store.claim_outbox(BACKEND)
    attempt = _sender(store, client, stub.url, clock).send(entry)
    assert attempt.status == "delivered"
    assert [e.status for e in store.outbox_entries("r1")] == ["delivered"]


def test_batches_follow_the_backends_pace_within_bounds() -> None:
    assert next_batch_size(0, 1.0) == FIRST_BATCH
    assert next_batch_size(20, 0.01) == 40  # fast: at most doubling
    assert next_batch_size(MAX_BATCH, 0.01) == MAX_BATCH
    assert next_batch_size(100, 10.0) == 5  # slow: about half a second per batch
    assert next_batch_size(3, 60.0) == 1


class Interrupted(BaseException):
    """Stands for Ctrl-C arriving while a batch is being sent."""


def test_an_interrupted_batch_keeps_what_it_learnt_and_makes_the_rest_due_at_once(
    store: Store, client: httpx.Client, clock: Clock
) -> None:
    pressed: list[bool] = []

    def sender_clock() -> datetime:
        if pressed and pressed.pop():
            raise Interrupted
        return clock()

    def second_request_presses_ctrl_c(incoming: Incoming) -> None:
        if incoming.key == "r2.1" and incoming.attempt == 1:
            pressed.append(True)  # the sender's next look at the clock is interrupted

    _queue(store, "r1", "r2", "r3")
    with running_backend(BackendStub(second_request_presses_ctrl_c)) as stub:
        settings = BackendSettings(enabled=True, url=stub.url, timeout_s=0.5)
        sender = Sender(store, client, settings, token=None, actor="op-01", now=sender_clock)
        with pytest.raises(Interrupted):
            sender.send_due(limit=3)
        rows = {e.record_id: e for e in store.outbox_entries(destination=BACKEND)}
        assert rows["r1"].status == "delivered"
        assert {rows[one].status for one in ("r2", "r3")} == {"waiting"}
        assert _actions(store, "r2")[-1] == ("outbox.waiting", "delivery.retry.interrupted")
        # Due at once: the next round sends both; r2 had arrived, so it is a repeat.
        assert [a.status for a in sender.send_due(limit=3)] == ["delivered", "delivered"]
        assert stub.outcomes_for("r2.1") == ["201", "409"]
