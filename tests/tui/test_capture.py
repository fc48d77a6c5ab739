"""Whole inquiries keyed in, submitted, and found in the store, the JSONL file and the outbox."""

from __future__ import annotations

import json
from typing import Any

from intake_tui.services.runtime import Runtime
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.capture import CaptureScreen
from intake_tui.tui.screens.review import SUBMIT, ReviewScreen
from tests.helpers import FIXED_NOW
from tests.tui.conftest import (
    STANDARD_BY_STEP,
    STANDARD_KEYS,
    flush_drafts,
    focused_path,
    key_count,
    keys,
    settle,
)

STAMP = FIXED_NOW.isoformat(timespec="seconds")


def jsonl_records(app: IntakeApp) -> list[dict[str, Any]]:
    """Every record in the local JSONL file."""
    assert app.runtime is not None
    path = app.runtime.config.file_sink_path()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def highlighted_action(app: IntakeApp) -> str | None:
    """The id of the review's highlighted action."""
    from textual.widgets import OptionList

    actions = app.screen.query_one(OptionList)
    assert actions.highlighted is not None
    return actions.get_option_at_index(actions.highlighted).id


def test_the_standard_inquiry_is_65_keys() -> None:
    assert key_count(STANDARD_KEYS) == 65


async def test_standard_inquiry_is_stored_filed_and_queued(runtime: Runtime) -> None:
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        assert focused_path(app) == "need.kind"
        await keys(pilot, *STANDARD_KEYS[:-1])
        assert isinstance(app.screen, ReviewScreen)
        assert highlighted_action(app) == SUBMIT
        record_id = app.capture.session.record_id

        await keys(pilot, *STANDARD_KEYS[-1:])
        await settle(pilot)
        flush_drafts(app)

        stored = app.store.get(record_id)
        assert stored is not None and stored.status == "submitted"
        record = stored.record
        assert record["need"]["kind"] == "factory_rent"
        assert record["need"]["floor_area_sqm"] == {"min": 2000, "max": 3000}
        assert record["need"]["timeline"] == "within_3m"
        assert record["use"] == {
            "industry": "C",
            "description": "工业机器人减速器精密装配与检测",
            "project_type": None,
            "total_investment_wan": None,
            "employees": None,
        }
        assert record["tax"]["annual_tax_wan"] == 800
        assert record["tax"]["registration"] == "new_entity"
        assert record["company"]["name"] == "上海宝钢精密机械有限公司"
        assert (record["contact"]["name"], record["contact"]["mobile"]) == ("张先生", "13524678515")
        assert record["consent"]["contact"] is True
        assert record["operator"] == "op-07"
        assert record["created_at"] == record["submitted_at"] == STAMP
        assert record["call"]["started_at"] == STAMP
        assert record["warnings"] == []

        assert jsonl_records(app) == [record]
        outbox = {entry.destination: entry.status for entry in app.store.outbox_entries(record_id)}
        assert outbox == {"backend": "pending", "file": "delivered"}

        # Ready for the next caller, and the submitted call is not left behind as a draft.
        assert isinstance(app.screen, CaptureScreen)
        assert focused_path(app) == "need.kind"
        assert app.capture.session.record_id != record_id
        assert app.capture.session.fields == {}
        assert app.store.list_drafts() == []
        assert [r.id for r in app.store.list()] == [record_id]

    # Nothing unfinished is offered when the app starts again on the same data.
    again = IntakeApp(runtime)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, CaptureScreen)
        assert focused_path(again) == "need.kind"


async def test_fresh_form_after_submit_shows_no_errors(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *STANDARD_KEYS)
        await settle(pilot)
        assert focused_path(app) == "need.kind"
        shown = {path: row.has_error for path, row in app.capture.rows.items()}
        assert not any(shown.values()), [path for path, error in shown.items() if error]


async def test_land_inquiry_with_details_and_money_in_yi(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "3")
        # Land replaces the floor area with the land area.
        assert focused_path(app) == "need.land_area_mu"
        assert not app.capture.rows["need.floor_area_sqm"].display
        await keys(pilot, "20亩", "enter")
        assert focused_path(app) == "need.timeline"
        await keys(pilot, "f6", "3")
        # With the details unfolded, the timeline leads into them; empty ones are skipped.
        assert focused_path(app) == "need.ceiling_height_m"
        await keys(pilot, "enter", "enter", "enter", "enter")
        assert focused_path(app) == "need.requirements"
        await keys(pilot, "危化品、废水", "enter", "需要独立变电站", "enter")
        assert focused_path(app) == "use.industry"
        await keys(pilot, "enter", "锂电池正极材料", "enter", "1.2亿", "enter", "2")
        await keys(pilot, "江苏新材料科技股份有限公司", "enter", "李女士", "enter")
        await keys(pilot, "+86 139 1234 5678", "enter", "1")
        assert isinstance(app.screen, ReviewScreen)
        record_id = app.capture.session.record_id
        await keys(pilot, "enter")
        await settle(pilot)

        stored = app.store.get(record_id)
        assert stored is not None and stored.status == "submitted"
        need = stored.record["need"]
        assert (need["kind"], need["land_area_mu"], need["floor_area_sqm"]) == ("land", 20, None)
        assert need["timeline"] == "within_6m"
        assert need["requirements"] == ["hazardous_chemicals", "wastewater"]
        assert need["notes"] == "需要独立变电站"
        assert stored.record["tax"]["annual_tax_wan"] == 12000
        assert stored.record["tax"]["registration"] == "relocation"
        assert stored.record["contact"]["mobile"] == "13912345678"
        assert jsonl_records(app) == [stored.record]
        assert app.store.list_drafts() == []


async def test_second_call_with_tax_unknown_after_a_submit(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *STANDARD_KEYS)
        await settle(pilot)
        first = app.store.list()[0].id

        # The same keys again, except that the caller does not know the tax.
        tax_keys = ("不详", "enter", "1")
        before = [k for step in ("need", "use") for k in STANDARD_BY_STEP[step]]
        after = [k for step in ("company", "contact", "mobile") for k in STANDARD_BY_STEP[step]]
        await keys(pilot, *before, *tax_keys, *after)
        assert isinstance(app.screen, ReviewScreen)
        second = app.capture.session.record_id
        await keys(pilot, "enter")
        await settle(pilot)
        flush_drafts(app)

        assert second != first
        stored = app.store.get(second)
        assert stored is not None and stored.status == "submitted"
        assert "annual_tax_wan" in stored.record["tax"]
        assert stored.record["tax"]["annual_tax_wan"] is None
        assert [r["id"] for r in jsonl_records(app)] == [first, second]
        assert jsonl_records(app)[1]["tax"]["annual_tax_wan"] is None
        assert stored.record["created_at"] == stored.record["call"]["started_at"] == STAMP
        assert {e.record_id for e in app.store.outbox_entries(status="pending")} == {first, second}
        assert app.store.list_drafts() == []
        assert focused_path(app) == "need.kind"
