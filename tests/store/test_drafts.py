"""Drafts: saved while typing, resumed after a break, never clobbering a submitted inquiry."""

from __future__ import annotations

from intake_tui.store import Store
from tests.store.factories import Clock, make_record

STARTED = "2026-03-02T09:30:00+08:00"


def test_a_draft_round_trips(store: Store) -> None:
    fields = {"company.name": "上海宝钢", "contact.mobile": "138 0013", "need.kind": "租赁厂房"}
    assert store.save_draft("d1", fields, operator="op-01", started_at=STARTED)
    draft = store.get_draft("d1")
    assert draft is not None
    assert draft.fields == fields
    assert draft.operator == "op-01"
    assert draft.started_at == STARTED
    assert draft.updated_at == "2026-03-02T09:30:00+08:00"


def test_saving_again_updates_and_audits_only_changed_paths(store: Store, clock: Clock) -> None:
    store.save_draft("d1", {"company.name": "上海宝钢"}, operator="op-01", started_at=STARTED)
    clock.advance(seconds=30)
    store.save_draft(
        "d1",
        {"company.name": "上海宝钢精密", "contact.name": "张先生"},
        operator="op-01",
        started_at=STARTED,
    )
    clock.advance(seconds=30)
    # An autosave with nothing new is not an edit.
    store.save_draft(
        "d1",
        {"company.name": "上海宝钢精密", "contact.name": "张先生"},
        operator="op-01",
        started_at=STARTED,
    )
    draft = store.get_draft("d1")
    assert draft is not None
    assert draft.fields["company.name"] == "上海宝钢精密"
    assert draft.updated_at == "2026-03-02T09:30:30+08:00"
    log = store.audit_entries("d1")
    assert [(e.action, e.details) for e in log] == [
        ("created", {"fields": ["company.name"]}),
        ("edited", {"fields": ["company.name", "contact.name"]}),
    ]
    # The audit trail names fields, never what the caller said.
    assert "张先生" not in repr(log)


def test_drafts_list_newest_first_and_only_drafts(store: Store) -> None:
    store.save_draft("old", {}, operator="op-01", started_at="2026-03-01T08:00:00+08:00")
    # Same day, other offset: 02:00Z is later than 00:00Z even though "02" < "08" as text.
    store.save_draft("new", {}, operator="op-02", started_at="2026-03-01T02:00:00+00:00")
    store.submit(make_record("sub"), destinations=[], actor="op-01")
    assert [d.id for d in store.list_drafts()] == ["new", "old"]


def test_a_draft_never_overwrites_a_submitted_inquiry(store: Store) -> None:
    store.submit(make_record("r1"), destinations=["file"], actor="op-01")
    assert not store.save_draft("r1", {"company.name": "x"}, operator="op-01", started_at=STARTED)
    stored = store.get("r1")
    assert stored is not None
    assert stored.status == "submitted"
    assert stored.record["company"]["name"] == "上海宝钢精密机械有限公司"
    assert store.get_draft("r1") is None


def test_discarding_deletes_drafts_only(store: Store) -> None:
    store.save_draft("d1", {"company.name": "x"}, operator="op-01", started_at=STARTED)
    store.submit(make_record("r1"), destinations=["file"], actor="op-01")
    assert store.discard_draft("d1", actor="op-01")
    assert not store.discard_draft("d1", actor="op-01")
    assert not store.discard_draft("r1", actor="op-01")
    assert store.get("d1") is None
    assert store.get("r1") is not None
    assert [e.action for e in store.audit_entries("d1")] == ["created", "deleted"]


def test_submitting_a_draft_turns_it_into_the_inquiry(store: Store, clock: Clock) -> None:
    store.save_draft("r1", {"company.name": "上海宝钢"}, operator="op-01", started_at=STARTED)
    clock.advance(minutes=2)
    record = make_record("r1")
    del record["created_at"]
    assert store.submit(record, destinations=["file"], actor="op-01")
    assert store.get_draft("r1") is None
    assert store.list_drafts() == []
    stored = store.get("r1")
    assert stored is not None
    assert stored.status == "submitted"
    assert stored.created_at == STARTED  # the call began with the draft
    assert stored.submitted_at == "2026-03-01T10:00:00+08:00"
    assert store.count() == 1
