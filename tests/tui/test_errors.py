"""Errors show under their field in the operator's language and hold the cursor; warnings do not."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from intake_tui.i18n import Message, render
from intake_tui.record.fields import BY_PATH, ParseContext
from intake_tui.record.normalise import parse_field
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.review import SUBMIT, ReviewScreen
from tests.helpers import FIXED_NOW
from tests.tui.conftest import (
    STANDARD_BY_STEP,
    STANDARD_KEYS,
    compact,
    focused_path,
    hint,
    hint_classes,
    hint_widget,
    keys,
    settle,
    shown_in,
)

#: Keys that bring the cursor into each field under test (from need.kind).
REACH = {
    "need.floor_area_sqm": ("1",),
    "tax.annual_tax_wan": ("pagedown", "pagedown"),
    "company.name": ("pagedown", "pagedown", "pagedown"),
    "company.uscc": ("pagedown", "pagedown", "pagedown", "f6", "宝钢精密机械有限公司", "enter"),
    "contact.mobile": ("pagedown",) * 5,
}
USCC_VALID = "91310000MA1FL8LX5F"
USCC_BAD_CHECK = USCC_VALID[:-1] + "G"


def parser_error(path: str, text: str) -> Message:
    """The message the record's own parser gives for *text* in *path*."""
    result = parse_field(BY_PATH[path], text, ParseContext(today=FIXED_NOW.date()))
    assert result.error is not None, (path, text)
    return result.error


@pytest.mark.parametrize(
    ("path", "typed", "key"),
    [
        ("contact.mobile", "021 6666 8888", "parsing.mobile_landline"),
        ("contact.mobile", "400-820-8820", "parsing.mobile_service_number"),
        ("contact.mobile", "1352467", "parsing.mobile_digit_count"),
        ("need.floor_area_sqm", "20亩", "parsing.area_wrong_field"),
        ("company.uscc", USCC_BAD_CHECK, "parsing.uscc_check"),
        ("tax.annual_tax_wan", "", "record.empty_tax"),
    ],
    ids=["landline", "400-number", "few-digits", "mu-in-floor-area", "uscc-check", "tax-empty"],
)
async def test_an_error_shows_under_its_field_and_holds_the_cursor(
    app: IntakeApp, path: str, typed: str, key: str
) -> None:
    expected = parser_error(path, typed)
    assert expected.key == key
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *REACH[path])
        assert focused_path(app) == path
        if typed:
            await keys(pilot, typed)
        await keys(pilot, "enter")
        assert focused_path(app) == path
        assert hint(app, path) == "✗ " + expected.text("zh")
        assert "-error" in hint_classes(app, path)
        assert shown_in(pilot, hint_widget(app, path)) == compact(hint(app, path))


async def test_an_empty_required_field_stays_on_enter(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *REACH["company.name"], "enter")
        assert focused_path(app) == "company.name"
        assert hint(app, "company.name") == "✗ " + render(
            "record.required", "zh", zh="企业名称", en="Company name"
        )
        # Typing a name clears the error as it is typed, and Enter then moves on.
        await keys(pilot, "上海宝钢精密机械有限公司")
        assert hint_classes(app, "company.name") == {"field-hint"}
        await keys(pilot, "enter")
        assert focused_path(app) != "company.name"


async def test_an_empty_optional_field_is_skipped_without_error(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *REACH["company.uscc"])
        assert focused_path(app) == "company.uscc"
        await keys(pilot, "enter")
        assert focused_path(app) == "company.ownership"
        assert hint(app, "company.uscc") == ""


async def test_a_warning_is_quieter_and_does_not_block_submit(app: IntakeApp) -> None:
    warning = parse_field(
        BY_PATH["company.name"], "宝钢精密", ParseContext(today=FIXED_NOW.date())
    ).warnings[0]
    async with app.run_test(size=(100, 30)) as pilot:
        before = [k for s in ("need", "use", "tax") for k in STANDARD_BY_STEP[s]]
        await keys(pilot, *before, "宝钢精密", "enter")
        assert focused_path(app) == "contact.name"  # not held
        assert hint(app, "company.name") == "! " + warning.text("zh")
        assert hint_classes(app, "company.name") == {"field-hint", "-warning"}
        await keys(pilot, *STANDARD_BY_STEP["contact"], *STANDARD_BY_STEP["mobile"])
        assert isinstance(app.screen, ReviewScreen)
        actions = app.screen.query_one(OptionList)
        assert actions.get_option_at_index(0).id == SUBMIT
        assert compact("! " + warning.text("zh")) in shown_in(
            pilot, app.screen.query_one("#values")
        )
        record_id = app.capture.session.record_id
        await keys(pilot, "enter")
        await settle(pilot)
        stored = app.store.get(record_id)
        assert stored is not None and stored.status == "submitted"
        assert [w["field"] for w in stored.record["warnings"]] == ["company.name"]


async def test_consent_refused_blocks_submit_and_says_why(app: IntakeApp) -> None:
    refusal = render("record.consent_required", "zh")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await keys(pilot, *STANDARD_KEYS[:-2], "2")
        assert isinstance(app.screen, ReviewScreen)
        assert compact("✗ " + refusal) in shown_in(pilot, app.screen.query_one("#values"))
        actions = app.screen.query_one(OptionList)
        assert actions.get_option_at_index(0).id == "blocked"
        assert actions.get_option_at_index(1).id == "jump:0:consent.contact"
        await keys(pilot, "f10")
        assert isinstance(app.screen, ReviewScreen)
        toasts = [shown_in(pilot, toast) for toast in app.screen.query("Toast")]
        assert compact(render("tui.review.refused", "zh", count=1)) in toasts
        await settle(pilot)
        assert app.store.count(status="submitted") == 0
