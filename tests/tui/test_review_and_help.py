"""The review shows what will be submitted in full; F1 lists every key with its whole meaning."""

from __future__ import annotations

from textual.widgets import Static

from intake_tui.i18n import render
from intake_tui.tui import bindings
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.capture import CaptureScreen
from intake_tui.tui.screens.help import HelpScreen
from intake_tui.tui.screens.review import ReviewScreen
from tests.tui.conftest import STANDARD_BY_STEP, compact, keys, shown_in

LONG_DESCRIPTION = (
    "工业机器人减速器精密装配与检测以及配套的伺服电机控制系统研发和小批量试制生产线建设"
)


def help_table(app: IntakeApp) -> Static:
    """The key table of the help screen."""
    return app.screen.query_one("#dialog").query(Static)[1]


async def test_f1_lists_the_capture_keys_and_escape_closes_it(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        shown = shown_in(pilot, help_table(app))
        for key, meaning in bindings.describe(bindings.CAPTURE[1:], "zh"):
            assert compact(key + meaning) in shown
        await keys(pilot, "f1")  # pressed again: still one help screen
        assert len(app.screen_stack) == 3
        await keys(pilot, "escape")
        assert isinstance(app.screen, CaptureScreen)


async def test_f1_works_from_the_review(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "f2", "f1")
        assert isinstance(app.screen, HelpScreen)
        await keys(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_every_help_line_is_shown_whole(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "f1")
        shown = shown_in(pilot, help_table(app))
        for key in ("enter", "tab", "digit", "filter", "arrows"):
            assert compact(render(f"tui.help.does.{key}", "zh")) in shown, key


async def test_the_review_shows_a_long_description_whole(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *STANDARD_BY_STEP["need"], "enter", LONG_DESCRIPTION, "enter", "f2")
        assert isinstance(app.screen, ReviewScreen)
        assert LONG_DESCRIPTION in shown_in(pilot, app.screen.query_one("#values"))
