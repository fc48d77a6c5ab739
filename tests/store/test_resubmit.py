"""Correct-and-resend: a rejected record comes back as the same id, revision + 1."""

from __future__ import annotations

from intake_tui.store import Store
from intake_tui.store.models import StoredInquiry
from tests.store.factories import Clock, make_record

RECORD = "5c0ffee0-0000-4000-8000-000000000001"


def _reject(store: Store, revision: int = 1) -> None:
    store.claim_outbox("backend")
    store.set_outbox_status(
        RECORD, revision, "backend", "rejected", last_error="HTTP 422: mobile unknown"
    )


def _resend(store: Store, record_id: str) -> int | None:
    return store.resubmit_corrected(make_record(record_id), destinations=["backend"], actor="op")


def _stored(store: Store, record_id: str = RECORD) -> StoredInquiry:
    stored = store.get(record_id)
    assert stored is not None
    return stored


def test_a_rejected_record_becomes_the_next_revision_with_a_new_pending_row(
    store: Store, clock: Clock
) -> None:
    store.submit(make_record(RECORD), destinations=["backend", "file"], actor="op-01")
    store.set_outbox_status(RECORD, 1, "file", "delivered")
    _reject(store)
    clock.advance(minutes=5)

    corrected = make_record(RECORD, mobile="13912345678", created_at="2026-03-02T09:35:00+08:00")
    assert store.resubmit_corrected(corrected, destinations=["backend", "file"], actor="op-02") == 2

    stored = _stored(store)
    assert (stored.revision, stored.record["revision"]) == (2, 2)
    assert stored.record["contact"]["mobile"] == "13912345678"
    # The call keeps its original time; only the content and the revision change.
    assert stored.created_at == stored.record["created_at"] == "2026-03-01T10:00:00+08:00"
    rows = {(e.revision, e.destination): e.status for e in store.outbox_entries(RECORD)}
    assert rows == {
        (1, "backend"): "rejected",  # kept: nothing is deleted because of an outcome
        (1, "file"): "delivered",
        (2, "backend"): "pending",
        (2, "file"): "pending",
    }
    last = store.audit_entries(RECORD)[-1]
    assert (last.action, last.actor) == ("resubmitted", "op-02")
    assert last.details["revision"] == 2
    assert last.details["corrects"] == 1
    assert "13912345678" not in str(last.details)


def test_a_second_correction_needs_a_second_rejection(store: Store) -> None:
    store.submit(make_record(RECORD), destinations=["backend"], actor="op-01")
    _reject(store)
    assert _resend(store, RECORD) == 2
    # Revision 2 is pending, not rejected: correcting again is refused and changes nothing.
    assert _resend(store, RECORD) is None
    assert _stored(store).revision == 2
    _reject(store, revision=2)
    assert _resend(store, RECORD) == 3


def test_records_that_are_not_rejected_are_refused(store: Store) -> None:
    assert _resend(store, RECORD) is None
    store.save_draft(RECORD, {"company.name": "某公司"}, operator="op", started_at="2026-03-01")
    assert _resend(store, RECORD) is None
    assert _stored(store).status == "draft"

    other = "5c0ffee0-0000-4000-8000-000000000002"
    store.submit(make_record(other), destinations=["backend"], actor="op")
    assert _resend(store, other) is None
    assert [e.revision for e in store.outbox_entries(other)] == [1]


def test_current_revisions_tell_which_records_were_corrected(store: Store) -> None:
    many = [f"5c0ffee0-0000-4000-8000-{n:012d}" for n in range(1200)]
    store.submit_many([make_record(rid) for rid in many], destinations=["backend"], actor="op")
    store.claim_outbox("backend", limit=1)
    store.set_outbox_status(many[0], 1, "backend", "rejected", last_error="HTTP 422")
    store.resubmit_corrected(make_record(many[0]), destinations=["backend"], actor="op")

    revisions = store.current_revisions([*many, "not-stored", many[0]])
    assert len(revisions) == 1200  # beyond one statement's slice, each id once
    assert revisions[many[0]] == 2 and revisions[many[-1]] == 1
    assert "not-stored" not in revisions
    assert store.current_revisions([]) == {}
