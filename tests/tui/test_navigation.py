"""Moving around the form: Esc back, PgUp/PgDn by step, Tab/Shift+Tab, review → field → review."""

from __future__ import annotations

from textual.widgets import OptionList

from intake_tui.services.runtime import Runtime
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.capture import CaptureScreen
from intake_tui.tui.screens.review import SUBMIT, ReviewScreen
from intake_tui.tui.widgets.step_bar import StepBar
from tests.tui.conftest import STANDARD_BY_STEP, focused_path, keys, settle


def review_actions(app: IntakeApp) -> list[str]:
    """The ids of the review's actions, in order."""
    actions = app.screen.query_one(OptionList)
    return [actions.get_option_at_index(i).id or "" for i in range(actions.option_count)]


async def test_escape_goes_back_one_field_and_a_fix_is_kept(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *STANDARD_BY_STEP["need"])
        assert focused_path(app) == "use.industry"
        await keys(pilot, "escape")
        # From a step's first field, back into the previous step's last field.
        assert focused_path(app) == "need.timeline"
        assert app.capture.query_one(StepBar).current == "need"
        await keys(pilot, "escape")
        assert focused_path(app) == "need.floor_area_sqm"
        # The old value is selected on arrival, so typing replaces it.
        await keys(pilot, "5000平", "enter")
        assert app.capture.session.text("need.floor_area_sqm") == "5000平"
        assert focused_path(app) == "need.timeline"
        # Enter on a choice that is already made keeps it and moves on.
        await keys(pilot, "enter")
        assert app.capture.session.text("need.timeline") == "within_3m"
        assert focused_path(app) == "use.industry"
        await keys(pilot, "escape", "escape", "escape", "escape")
        assert focused_path(app) == "need.kind"  # the very first field stays put


async def test_page_keys_move_by_step_and_past_the_last_step_open_the_review(
    app: IntakeApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        bar = app.capture.query_one(StepBar)
        expected = ["use.industry", "tax.annual_tax_wan", "company.name", "contact.name"]
        for path in expected:
            await keys(pilot, "pagedown")
            assert focused_path(app) == path
            assert bar.current == path.split(".")[0]
        await keys(pilot, "pagedown")
        assert focused_path(app) == "contact.mobile"
        assert bar.current == "mobile"
        await keys(pilot, "pageup", "pageup")
        assert focused_path(app) == "company.name"
        await keys(pilot, "pagedown", "pagedown", "pagedown")
        assert isinstance(app.screen, ReviewScreen)
        await keys(pilot, "escape")
        assert isinstance(app.screen, CaptureScreen)


async def test_tab_moves_on_even_with_an_error_and_keeps_the_text(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "1", "三千平米多", "tab")
        assert focused_path(app) == "need.timeline"
        assert app.capture.rows["need.floor_area_sqm"].has_error
        assert app.capture.session.text("need.floor_area_sqm") == "三千平米多"
        assert "need" in app.capture.query_one(StepBar).errors
        await keys(pilot, "shift+tab")
        assert focused_path(app) == "need.floor_area_sqm"
        await keys(pilot, "shift+tab")
        assert focused_path(app) == "need.kind"


async def test_tab_from_a_steps_last_field_goes_to_the_next_step(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "1", "3000", "tab")
        assert focused_path(app) == "need.timeline"
        await keys(pilot, "tab")
        assert focused_path(app) == "use.industry"


async def test_page_down_moves_to_the_next_step_even_when_the_form_scrolls(
    runtime: Runtime,
) -> None:
    app = IntakeApp(runtime)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "f6")
        assert app.capture.query_one("#form").max_scroll_y > 0
        await keys(pilot, "pagedown")
        assert focused_path(app) == "use.industry"


async def test_from_the_review_to_the_problem_and_back_to_submit(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        before = [
            k for s in ("need", "use", "tax", "company", "contact") for k in STANDARD_BY_STEP[s]
        ]
        await keys(pilot, *before, "021 6666 8888", "enter")
        assert focused_path(app) == "contact.mobile"  # an error keeps the cursor here
        await keys(pilot, "tab", "1")
        # Consent was the last field: the review opens, and it refuses to submit.
        assert isinstance(app.screen, ReviewScreen)
        actions = review_actions(app)
        assert SUBMIT not in actions
        assert actions[1] == "jump:0:contact.mobile"
        await keys(pilot, "f10")
        assert isinstance(app.screen, ReviewScreen)
        assert app.store.count(status="submitted") == 0

        await keys(pilot, "down", "enter")
        assert isinstance(app.screen, CaptureScreen)
        assert focused_path(app) == "contact.mobile"
        await keys(pilot, "13524678515", "enter")
        assert focused_path(app) == "consent.contact"
        await keys(pilot, "f2")
        assert isinstance(app.screen, ReviewScreen)
        assert review_actions(app) == [SUBMIT]
        record_id = app.capture.session.record_id
        await keys(pilot, "enter")
        await settle(pilot)
        stored = app.store.get(record_id)
        assert stored is not None and stored.status == "submitted"
        assert stored.record["contact"]["mobile"] == "13524678515"


async def test_next_problem_key_jumps_to_the_first_error(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *STANDARD_BY_STEP["need"], "f2")
        assert isinstance(app.screen, ReviewScreen)
        await keys(pilot, "n")
        assert isinstance(app.screen, CaptureScreen)
        assert focused_path(app) == "use.description"


async def test_ctrl_q_quits_from_any_screen(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "f4")
        await settle(pilot)
        await keys(pilot, "ctrl+q")
    assert app.return_code == 0
