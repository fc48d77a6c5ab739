"""With the English interface, labels, footer, hints, errors and the review are all in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Label, OptionList

from intake_tui.i18n import render
from intake_tui.record.fields import BY_PATH, ParseContext
from intake_tui.record.normalise import parse_field
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.review import ReviewScreen
from tests.helpers import FIXED_NOW
from tests.tui.conftest import (
    STANDARD_KEYS,
    StillClock,
    compact,
    focused_path,
    hint,
    hint_widget,
    keys,
    make_runtime,
    screen_text,
    shown_in,
    type_text,
)

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def english_app(tmp_path: Path) -> IntakeApp:
    return IntakeApp(make_runtime(tmp_path, "en", StillClock()))


async def test_the_capture_screen_has_no_chinese(english_app: IntakeApp) -> None:
    app = english_app
    async with app.run_test(size=(100, 30)) as pilot:
        for step_keys in (("f6",), ("pagedown", "f6"), ("pagedown", "f6"), ("pagedown", "f6")):
            await keys(pilot, *step_keys)
            shown = screen_text(pilot)
            assert HAN.findall(shown) == [], shown


async def test_labels_footer_and_options_are_english(english_app: IntakeApp) -> None:
    app = english_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(pilot)
        for text in ("Need *", "Floor area *", "Timeline *", "f1 Help", "f2 Review", "f3 New call"):
            assert text in shown
        assert "1 Rent a factory  2 Buy a factory" in shown
        label = app.capture.rows["need.kind"].query_one(Label)
        assert str(label.render()) == "Need *"
        assert render("tui.placeholder.need.kind", "en") in shown
        assert render("tui.step.mobile", "en") in shown
        await type_text(pilot, "ware")
        await keys(pilot, "enter")
        assert app.capture.session.text("need.kind") == "warehouse"


async def test_errors_and_readings_are_english(english_app: IntakeApp) -> None:
    app = english_app
    landline = parse_field(
        BY_PATH["contact.mobile"], "021 6666 8888", ParseContext(today=FIXED_NOW.date())
    ).error
    assert landline is not None
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "pagedown", "pagedown", "1.2亿")
        assert hint(app, "tax.annual_tax_wan") == "= 12000 × 10k CNY"
        await keys(pilot, "pagedown", "pagedown", "pagedown", "021 6666 8888", "enter")
        assert focused_path(app) == "contact.mobile"
        assert hint(app, "contact.mobile") == "✗ " + landline.text("en")
        assert shown_in(pilot, hint_widget(app, "contact.mobile")) == compact(
            "✗ " + landline.text("en")
        )
        assert not HAN.search(landline.text("en"))


async def test_the_review_is_english(english_app: IntakeApp) -> None:
    app = english_app
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *STANDARD_KEYS[:-1])
        assert isinstance(app.screen, ReviewScreen)
        actions = app.screen.query_one(OptionList)
        assert str(actions.get_option_at_index(0).prompt) == render("tui.review.submit", "en")
        shown = screen_text(pilot)
        for text in ("Need", "Rent a factory", "Manufacturing", "Submit", "Back to form"):
            assert text in shown
