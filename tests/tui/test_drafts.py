"""Drafts: a new call keeps the current one; F5 resumes or discards; a restart offers them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from intake_tui.i18n import render
from intake_tui.store.database import Store
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.capture import CaptureScreen
from intake_tui.tui.screens.drafts import DraftsScreen
from tests.tui.conftest import StillClock, flush_drafts, focused_path, keys, make_runtime, settle

#: Part of a call: need and industry accepted, the description typed but not yet accepted.
PARTIAL = ("1", "2000-3000", "enter", "2", "enter", "精密减速器")
PARTIAL_FIELDS = {
    "need.kind": "factory_rent",
    "need.floor_area_sqm": "2000-3000",
    "need.timeline": "within_3m",
    "use.industry": "C",
    "use.description": "精密减速器",
}
OTHER_PARTIAL = ("6", "1.5万平", "enter")


def draft_lines(app: IntakeApp) -> list[str]:
    """The drafts list as shown."""
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def drafts_hint(app: IntakeApp) -> str:
    """The hint line under the drafts list."""
    return str(app.screen.query_one("#drafts-hint", Static).render())


async def test_a_new_call_keeps_the_current_one_as_a_draft_and_f5_resumes_it(
    app: IntakeApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *PARTIAL)
        first = app.capture.session.record_id
        await keys(pilot, "f3")
        flush_drafts(app)
        assert isinstance(app.screen, CaptureScreen)
        assert focused_path(app) == "need.kind"
        assert app.capture.session.record_id != first
        assert app.capture.session.fields == {}
        drafts = app.store.list_drafts()
        assert [d.id for d in drafts] == [first]
        assert dict(drafts[0].fields) == PARTIAL_FIELDS

        await keys(pilot, "f5")
        assert isinstance(app.screen, DraftsScreen)
        [line] = draft_lines(app)
        assert render("tui.drafts.no_company", "zh") in line
        assert "已填 5 项" in line

        await keys(pilot, "enter")
        assert isinstance(app.screen, CaptureScreen)
        assert app.capture.session.record_id == first
        assert app.capture.session.fields == PARTIAL_FIELDS
        # Rows of steps not on screen are not mounted; each keeps what it will show.
        shown = {path: app.capture.rows[path].current_text() for path in PARTIAL_FIELDS}
        assert shown == PARTIAL_FIELDS
        # The cursor waits in the first required field still empty.
        assert focused_path(app) == "tax.annual_tax_wan"


async def test_delete_asks_once_then_discards(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *PARTIAL, "f3", *OTHER_PARTIAL, "f3")
        flush_drafts(app)
        assert len(app.store.list_drafts()) == 2
        await keys(pilot, "f5")
        assert len(draft_lines(app)) == 2
        newest = app.store.list_drafts()[0].id

        await keys(pilot, "delete")
        assert drafts_hint(app) == render("tui.drafts.confirm", "zh")
        assert len(app.store.list_drafts()) == 2
        await keys(pilot, "delete")
        assert [d.id for d in app.store.list_drafts()] != [newest]
        assert len(app.store.list_drafts()) == 1
        assert len(draft_lines(app)) == 1
        assert drafts_hint(app) == render("tui.drafts.hint", "zh")

        await keys(pilot, "delete", "delete")
        assert app.store.list_drafts() == []
        # Nothing left to show: back to the call.
        assert isinstance(app.screen, CaptureScreen)


async def test_another_key_cancels_a_pending_discard(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *PARTIAL, "f3", "f5")
        await keys(pilot, "delete", "down", "delete")
        assert len(app.store.list_drafts()) == 1


async def test_escape_closes_the_drafts_and_keeps_them(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *PARTIAL, "f3", "f5")
        await keys(pilot, "escape")
        assert isinstance(app.screen, CaptureScreen)
        assert len(app.store.list_drafts()) == 1


async def test_a_restart_offers_the_unfinished_call_and_enter_resumes_it(tmp_path: Path) -> None:
    first_app = IntakeApp(make_runtime(tmp_path, clock=StillClock()))
    async with first_app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *PARTIAL, "enter")
        draft_id = first_app.capture.session.record_id
    # The first app is gone (as after a crash or a closed window); a new one starts.
    app = IntakeApp(make_runtime(tmp_path, clock=StillClock()))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftsScreen)
        title = app.screen.query_one(".dialog-title", Static).render()
        assert str(title) == render("tui.drafts.resume_title", "zh")
        assert len(draft_lines(app)) == 1
        await keys(pilot, "enter")
        assert isinstance(app.screen, CaptureScreen)
        assert app.capture.session.record_id == draft_id
        assert app.capture.session.fields == PARTIAL_FIELDS


async def test_quitting_keeps_the_text_of_the_field_being_typed(tmp_path: Path) -> None:
    first_app = IntakeApp(make_runtime(tmp_path, clock=StillClock()))
    async with first_app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *PARTIAL, "ctrl+q")
    with Store.open(make_runtime(tmp_path).config.database_path()) as store:
        [draft] = store.list_drafts()
    assert dict(draft.fields) == PARTIAL_FIELDS
