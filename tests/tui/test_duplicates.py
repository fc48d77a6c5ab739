"""The duplicate hint: an earlier inquiry with the same mobile or company; F7 opens, F8 copies."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from intake_tui.i18n import render
from intake_tui.services.runtime import Runtime
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.capture import CaptureScreen
from intake_tui.tui.screens.record import RecordScreen
from tests.helpers import FIXED_NOW
from tests.tui.conftest import (
    STANDARD_BY_STEP,
    STANDARD_COMPANY,
    STANDARD_MOBILE,
    Caller,
    fixed_id,
    focused_path,
    keys,
    seed,
    settle,
    stored_record,
)

EARLIER = fixed_id(1)
UNRELATED = fixed_id(2)
TO_COMPANY = ("pagedown",) * 3
TO_MOBILE = ("pagedown",) * 5


def seed_earlier(runtime: Runtime) -> None:
    """One earlier call of the same caller (with a title and USCC) and one of somebody else."""
    when = FIXED_NOW - timedelta(days=30)
    seed(
        runtime,
        [
            stored_record(
                EARLIER,
                when,
                Caller(STANDARD_COMPANY, "张先生", STANDARD_MOBILE),
                contact__title="采购经理",
                company__uscc="91310000MA1FL8LX5F",
            ),
            stored_record(
                UNRELATED,
                when + timedelta(days=1),
                Caller("苏州精工有限公司", "王女士", "13912345678"),
            ),
        ],
    )


def duplicates_text(app: IntakeApp) -> str:
    """What the duplicate hint beside the form says."""
    return str(app.capture.query_one("#duplicates", Static).render())


async def test_the_same_mobile_shows_the_earlier_inquiry_masked(runtime: Runtime) -> None:
    seed_earlier(runtime)
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        assert duplicates_text(app) == ""
        await keys(pilot, *TO_MOBILE, STANDARD_MOBILE, "enter")
        await settle(pilot)
        shown = duplicates_text(app)
        assert render("tui.dup.title", "zh", count=1) in shown
        assert "135****8515" in shown and "张*" in shown
        assert STANDARD_MOBILE not in shown and "张先生" not in shown
        assert render("tui.dup.on.mobile", "zh") in shown
        assert "苏州精工" not in shown
        assert render("tui.dup.keys", "zh") in shown


async def test_the_same_company_shows_the_hint_too(runtime: Runtime) -> None:
    seed_earlier(runtime)
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *TO_COMPANY, STANDARD_COMPANY, "enter")
        await settle(pilot)
        shown = duplicates_text(app)
        assert render("tui.dup.title", "zh", count=1) in shown
        assert render("tui.dup.on.company", "zh") in shown


async def test_f8_copies_company_and_contact_from_the_earlier_inquiry(runtime: Runtime) -> None:
    seed_earlier(runtime)
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        first_steps = [k for step in ("need", "use", "tax") for k in STANDARD_BY_STEP[step]]
        await keys(pilot, *first_steps, "pagedown", "pagedown", STANDARD_MOBILE, "enter")
        await settle(pilot)
        assert focused_path(app) == "consent.contact"
        assert app.capture.session.text("company.name") == ""
        await keys(pilot, "f8")
        session = app.capture.session
        assert session.text("company.name") == STANDARD_COMPANY
        assert session.text("company.uscc") == "91310000MA1FL8LX5F"
        assert session.text("contact.name") == "张先生"
        assert session.text("contact.title") == "采购经理"
        assert app.capture.rows["contact.name"].current_text() == "张先生"
        # The cursor stays where the call is: in the consent field.
        assert focused_path(app) == "consent.contact"
        await keys(pilot, "1", "enter")
        await settle(pilot)
        stored = app.store.get(session.record_id)
        assert stored is not None and stored.status == "submitted"
        assert stored.record["company"]["name"] == STANDARD_COMPANY
        assert stored.record["company"]["uscc"] == "91310000MA1FL8LX5F"
        assert stored.record["contact"]["title"] == "采购经理"


async def test_f7_opens_the_earlier_inquiry_and_escape_comes_back(runtime: Runtime) -> None:
    seed_earlier(runtime)
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *TO_MOBILE, STANDARD_MOBILE, "enter")
        await settle(pilot)
        await keys(pilot, "f7")
        assert isinstance(app.screen, RecordScreen)
        assert app.screen.stored.id == EARLIER
        await keys(pilot, "escape")
        assert isinstance(app.screen, CaptureScreen)
        assert focused_path(app) == "consent.contact"


async def test_f7_and_f8_without_a_match_change_nothing(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *TO_MOBILE, STANDARD_MOBILE, "enter")
        await settle(pilot)
        assert duplicates_text(app) == ""
        await keys(pilot, "f7", "f8")
        assert isinstance(app.screen, CaptureScreen)
        assert app.capture.session.fields == {"contact.mobile": STANDARD_MOBILE}
