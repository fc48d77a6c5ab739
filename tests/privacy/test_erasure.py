"""The store's erase: rows, outbox and echoed server text go; one audit line of ids stays."""

from __future__ import annotations

from pathlib import Path

from intake_tui.store import Store
from tests.store.factories import Clock, make_record


def test_erase_strips_server_text_from_the_records_audit_lines(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3", now=Clock()) as store:
        store.submit(make_record("a"), destinations=["backend"], actor="op")
        store.submit(make_record("b", mobile="13900001111"), destinations=["backend"], actor="op")
        for record_id in ("a", "b"):
            store.audit(
                "outbox.rejected",
                actor="op",
                record_id=record_id,
                details={
                    "server_message": "contact.name 张先生 is not allowed",
                    "http_status": 422,
                },
            )
        erased = store.erase(["a"], action="forget", actor="op-07", details={"by": "id"})
        assert (erased.record_ids, erased.submitted, erased.outbox_rows) == (("a",), 1, 1)
        kept = {
            e.record_id: e.details for e in store.audit_entries() if e.action.startswith("outbox")
        }
        assert kept["a"] == {"http_status": 422}
        assert "server_message" in kept["b"]
        [entry] = [e for e in store.audit_entries() if e.action == "forget"]
        assert entry.actor == "op-07" and entry.record_id is None
        assert entry.details["record_ids"] == ["a"] and entry.details["by"] == "id"
        assert store.existing_ids(["a", "b", "c"]) == {"b"}


def test_a_draft_typed_with_prefix_and_spaces_is_found_by_its_mobile(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3", now=Clock()) as store:
        store.save_draft(
            "d", {"contact.mobile": "+86 135 2467 8515"}, operator="op", started_at="2026-03-01"
        )
        store.save_draft("e", {"contact.mobile": "1352467"}, operator="op", started_at="2026-03-01")
        assert [s.id for s in store.with_mobile("0086-135-2467-8515")] == ["d"]
