"""Submitted inquiries: idempotent submission, revisions, listing, search and counts."""

from __future__ import annotations

import pytest

from intake_tui.store import Store
from tests.store.factories import make_record


def test_submit_stores_the_record_queues_it_and_audits(store: Store) -> None:
    record = make_record("r1")
    assert store.submit(record, destinations=["file", "http", "file"], actor="op-01")
    stored = store.get("r1")
    assert stored is not None
    assert stored.record == record
    assert (stored.status, stored.revision, stored.operator) == ("submitted", 1, "op-01")
    outbox = store.outbox_entries("r1")
    assert [(e.destination, e.status, e.revision) for e in outbox] == [
        ("file", "pending", 1),
        ("http", "pending", 1),
    ]
    [entry] = store.audit_entries("r1")
    assert entry.action == "submitted"
    assert entry.details == {"revision": 1, "destinations": ["file", "http"]}


def test_submitting_the_same_revision_twice_stores_nothing_new(store: Store) -> None:
    assert store.submit(make_record("r1"), destinations=["file"], actor="op-01")
    changed = make_record("r1", company="别的公司")
    assert not store.submit(changed, destinations=["file", "http"], actor="import")
    stored = store.get("r1")
    assert stored is not None
    assert stored.record["company"]["name"] == "上海宝钢精密机械有限公司"
    assert len(store.outbox_entries()) == 1
    assert len(store.audit_entries()) == 1


def test_a_corrected_revision_replaces_the_record_and_is_queued_again(store: Store) -> None:
    store.submit(make_record("r1"), destinations=["http"], actor="op-01")
    assert store.submit(
        make_record("r1", revision=2, company="上海宝钢"), destinations=["http"], actor="op-01"
    )
    # An older revision arriving late (an old export imported again) is not a step back.
    assert not store.submit(make_record("r1", revision=1), destinations=["http"], actor="import")
    stored = store.get("r1")
    assert stored is not None
    assert (stored.revision, stored.record["company"]["name"]) == (2, "上海宝钢")
    assert [(e.revision, e.status) for e in store.outbox_entries("r1")] == [
        (1, "pending"),
        (2, "pending"),
    ]


def test_submit_many_is_one_transaction_reporting_each_record(store: Store) -> None:
    records = [make_record("a"), make_record("b"), make_record("a")]
    assert store.submit_many(records, destinations=["file"], actor="import") == [True, True, False]
    assert store.count(status="submitted") == 2


def test_a_record_without_id_is_refused_and_nothing_is_stored(store: Store) -> None:
    with pytest.raises(ValueError, match="id"):
        store.submit_many(
            [make_record("ok"), {"company": {"name": "x"}}], destinations=["file"], actor="import"
        )
    assert store.count() == 0
    assert store.outbox_entries() == []


def _fill(store: Store) -> None:
    store.submit(
        make_record(
            "0a1b-old",
            mobile="13900139000",
            company="苏州华兴电子科技有限公司",
            created_at="2026-02-01T09:00:00+08:00",
        ),
        destinations=[],
        actor="op-01",
    )
    store.submit(
        make_record(
            "0a2c-new",
            mobile="13800138000",
            company="上海宝钢精密机械有限公司",
            created_at="2026-02-03T09:00:00+08:00",
        ),
        destinations=[],
        actor="op-01",
    )
    store.save_draft(
        "ff00-draft",
        {"company.name": "上海宝钢新材料", "contact.mobile": "137 0000"},
        operator="op-01",
        started_at="2026-02-02T09:00:00+08:00",
    )


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        (None, ["0a2c-new", "ff00-draft", "0a1b-old"]),
        ("", ["0a2c-new", "ff00-draft", "0a1b-old"]),
        ("0a", ["0a2c-new", "0a1b-old"]),  # id prefix
        ("0A1B", ["0a1b-old"]),
        ("138", ["0a2c-new"]),  # mobile prefix
        ("+86 139 0013 9000", ["0a1b-old"]),  # whole mobile, as typed
        ("１３７", ["ff00-draft"]),  # a draft's partial mobile, full-width
        ("宝钢", ["0a2c-new", "ff00-draft"]),  # company key substring
        ("华兴电子科技有限公司", ["0a1b-old"]),
        ("shbg", ["0a2c-new", "ff00-draft"]),  # initials prefix
        ("SZHXDZKJYXGS", ["0a1b-old"]),  # full initials, form included
        ("无此公司", []),
        ("  ", ["0a2c-new", "ff00-draft", "0a1b-old"]),
        ("···", []),
    ],
)
def test_list_search(store: Store, search: str | None, expected: list[str]) -> None:
    _fill(store)
    assert [i.id for i in store.list(search=search)] == expected


def test_list_filters_by_status_and_pages(store: Store) -> None:
    _fill(store)
    assert [i.id for i in store.list(status="draft")] == ["ff00-draft"]
    assert [i.id for i in store.list(status="submitted", search="宝钢")] == ["0a2c-new"]
    assert [i.id for i in store.list(limit=1, offset=1)] == ["ff00-draft"]
    assert [i.id for i in store.list(limit=2, offset=2)] == ["0a1b-old"]
    assert store.count() == 3
    assert store.count(status="submitted") == 2
    assert store.count(status="draft") == 1
    with pytest.raises(ValueError, match="status"):
        store.list(status="submited")


def test_find_by_id_prefix(store: Store) -> None:
    _fill(store)
    assert [i.id for i in store.find_by_id_prefix("0a")] == ["0a1b-old", "0a2c-new"]
    assert [i.id for i in store.find_by_id_prefix("0a2", limit=2)] == ["0a2c-new"]
    assert [i.id for i in store.find_by_id_prefix("ff00")] == ["ff00-draft"]
    assert store.find_by_id_prefix("0b") == []
    assert store.find_by_id_prefix("  ") == []


def test_integrity_check_of_a_healthy_file(store: Store) -> None:
    _fill(store)
    assert store.integrity_check() == "ok"
