"""The delivery outbox and the audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest

from intake_tui.store import Store
from tests.store.factories import Clock, make_record


def test_counts_cover_every_status(store: Store) -> None:
    assert store.outbox_counts() == {
        "pending": 0,
        "sending": 0,
        "delivered": 0,
        "waiting": 0,
        "rejected": 0,
    }
    store.submit(make_record("r1"), destinations=["file", "http"], actor="op-01")
    store.submit(make_record("r2"), destinations=["http"], actor="op-01")
    assert store.outbox_counts()["pending"] == 3


def test_claim_deliver_retry_and_reject(store: Store, clock: Clock) -> None:
    store.submit(make_record("r1"), destinations=["http"], actor="op-01")
    store.submit(make_record("r2"), destinations=["http", "file"], actor="op-01")
    claimed = store.claim_outbox("http")
    assert [(e.record_id, e.status, e.attempts) for e in claimed] == [
        ("r1", "sending", 1),
        ("r2", "sending", 1),
    ]
    assert store.claim_outbox("http") == []  # reserved for the first sender

    assert store.set_outbox_status("r1", 1, "http", "delivered", remote_ref="CRM-17")
    retry_at = (clock() + timedelta(minutes=1)).isoformat()
    assert store.set_outbox_status(
        "r2", 1, "http", "waiting", next_attempt_at=retry_at, last_error="HTTP 503"
    )
    assert not store.set_outbox_status("nope", 1, "http", "delivered")
    assert store.claim_outbox("http") == []  # not due yet

    clock.advance(minutes=2)
    [again] = store.claim_outbox("http")
    assert (again.record_id, again.attempts, again.last_error) == ("r2", 2, "HTTP 503")
    store.set_outbox_status("r2", 1, "http", "rejected", last_error="HTTP 422: bad area")

    [delivered] = store.outbox_entries("r1")
    assert (delivered.status, delivered.remote_ref) == ("delivered", "CRM-17")
    assert [e.record_id for e in store.outbox_entries(status="rejected")] == ["r2"]
    [pending_file] = store.outbox_entries(destination="file", status="pending")
    assert (pending_file.record_id, pending_file.destination) == ("r2", "file")
    assert store.outbox_entries("r1", destination="file") == []
    assert store.outbox_counts() == {
        "pending": 1,  # r2 to the file destination is untouched
        "sending": 0,
        "delivered": 1,
        "waiting": 0,
        "rejected": 1,
    }
    # Delivery outcomes never remove the inquiry itself.
    assert store.count() == 2


def test_a_sender_that_died_releases_its_rows_when_the_lease_ends(
    store: Store, clock: Clock
) -> None:
    store.submit(make_record("r1"), destinations=["http"], actor="op-01")
    assert len(store.claim_outbox("http", lease=timedelta(minutes=5))) == 1
    clock.advance(minutes=4)
    assert store.claim_outbox("http") == []
    clock.advance(minutes=2)
    [reclaimed] = store.claim_outbox("http")
    assert reclaimed.attempts == 2


def test_an_unknown_outbox_status_is_refused(store: Store) -> None:
    store.submit(make_record("r1"), destinations=["http"], actor="op-01")
    with pytest.raises(ValueError, match="status"):
        store.set_outbox_status("r1", 1, "http", "done")  # type: ignore[arg-type]


def test_audit_entries_in_order_and_by_record(store: Store, clock: Clock) -> None:
    store.submit(make_record("r1"), destinations=["file"], actor="op-01")
    clock.advance(minutes=1)
    store.audit("exported", actor="op-02", details={"format": "xlsx", "rows": 1})
    store.audit("exported", actor="op-02", record_id="r1")
    log = store.audit_entries()
    assert [(e.seq, e.action, e.actor, e.record_id) for e in log] == [
        (1, "submitted", "op-01", "r1"),
        (2, "exported", "op-02", None),
        (3, "exported", "op-02", "r1"),
    ]
    assert log[1].details == {"format": "xlsx", "rows": 1}
    assert log[1].at == "2026-03-02T09:31:00+08:00"
    assert [e.seq for e in store.audit_entries("r1")] == [1, 3]


def test_audit_details_never_keep_a_mobile_number_in_plain(store: Store) -> None:
    store.audit("edited", actor="op-01", details={"note": "caller +86 13800138000", "n": 1})
    [entry] = store.audit_entries()
    # The country code goes with the number: the mask is the same in every spelling.
    assert entry.details == {"note": "caller 138****8000", "n": 1}
