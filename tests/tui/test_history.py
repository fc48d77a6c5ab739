"""F4 history: masked list, search by mobile / company / pinyin initials, pages, detail, prefill."""

from __future__ import annotations

from datetime import timedelta

import pytest
from rich.syntax import Syntax
from textual.widgets import DataTable, Input, Static

from intake_tui.i18n import render
from intake_tui.services.runtime import Runtime
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.capture import CaptureScreen
from intake_tui.tui.screens.history import HistoryScreen
from intake_tui.tui.screens.record import RecordScreen
from tests.helpers import FIXED_NOW
from tests.tui.conftest import (
    Caller,
    fixed_id,
    focused_path,
    keys,
    screen_text,
    seed,
    settle,
    stored_record,
    type_text,
)

CITIES = ("上海", "苏州", "无锡", "常州", "南通", "杭州", "宁波", "嘉兴", "合肥", "南京")
TRADES = (
    *("精密机械", "新材料", "电子科技", "汽车零部件", "生物医药", "智能装备"),
    *("包装印刷", "食品", "化工", "物流", "模具", "光伏"),
)
COUNT = len(CITIES) * len(TRADES)  # 120


def caller(number: int) -> Caller:
    """The company, contact and mobile of stored record *number* (all distinct)."""
    company = f"{CITIES[number % 10]}{TRADES[number // 10]}有限公司"
    return Caller(company, f"{'张王李赵陈'[number % 5]}先生", f"139{number:08d}")


@pytest.fixture
def history_app(runtime: Runtime) -> IntakeApp:
    """An app whose store holds 120 submitted inquiries, one an hour, newest = number 0."""
    seed(
        runtime,
        (
            stored_record(fixed_id(n + 1), FIXED_NOW - timedelta(hours=n), caller(n))
            for n in range(COUNT)
        ),
    )
    return IntakeApp(runtime)


def table_rows(app: IntakeApp) -> list[list[str]]:
    """The history table's cells as shown."""
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def footer(app: IntakeApp) -> str:
    """The line under the table."""
    return str(app.screen.query_one("#history-footer", Static).render())


async def search(pilot: object, app: IntakeApp, text: str) -> None:
    """Replace the search text and wait for the results."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    app.screen.query_one("#history-search", Input).value = ""
    await type_text(pilot, text)
    await settle(pilot)


async def test_history_is_masked_and_paged(history_app: IntakeApp) -> None:
    app = history_app
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "f4")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        rows = table_rows(app)
        assert len(rows) == 50
        assert rows[0][0] == fixed_id(1)[:8]
        assert rows[0][-2:] == ["张*", "139****0000"]
        assert footer(app) == render("tui.history.footer", "zh", page=1, shown=50, total=COUNT)
        shown = screen_text(pilot)
        assert not any(caller(n).mobile in shown for n in range(COUNT))
        assert "张先生" not in shown

        await keys(pilot, "pagedown")
        await settle(pilot)
        assert table_rows(app)[0][-1] == "139****0050"
        await keys(pilot, "pagedown")
        await settle(pilot)
        assert len(table_rows(app)) == 20
        assert footer(app) == render("tui.history.footer", "zh", page=3, shown=20, total=COUNT)
        await keys(pilot, "pagedown")  # the last page: nothing further
        await settle(pilot)
        assert footer(app) == render("tui.history.footer", "zh", page=3, shown=20, total=COUNT)
        await keys(pilot, "pageup")
        await settle(pilot)
        assert footer(app) == render("tui.history.footer", "zh", page=2, shown=50, total=COUNT)
        await keys(pilot, "escape")
        assert isinstance(app.screen, CaptureScreen)


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [
        ("13900000117", [117]),
        ("139 0000 0117", [117]),
        ("苏州光伏", [111]),
        ("szgf", [111]),
        ("精密机械", list(range(10))),
    ],
    ids=["mobile", "mobile-spaced", "company", "initials", "company-part"],
)
async def test_typing_filters_the_history(
    history_app: IntakeApp, typed: str, numbers: list[int]
) -> None:
    app = history_app
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "f4")
        await search(pilot, app, typed)
        assert [row[0] for row in table_rows(app)] == [fixed_id(n + 1)[:8] for n in numbers]
        expected = render(
            "tui.history.footer_search", "zh", page=1, shown=len(numbers), total=COUNT
        )
        assert footer(app) == expected


async def test_enter_opens_the_full_record_and_f3_prefills_a_new_call(
    history_app: IntakeApp,
) -> None:
    app = history_app
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "f4")
        await search(pilot, app, "szgf")
        await keys(pilot, "enter")  # from the search box into the results
        assert isinstance(app.focused, DataTable)
        await keys(pilot, "enter")
        assert isinstance(app.screen, RecordScreen)
        assert app.screen.stored.id == fixed_id(112)
        # The detail view is the one place with the full mobile number.
        body = app.screen.query_one("#dialog").query(Static)[1].content
        assert isinstance(body, Syntax)
        assert f'"mobile": "{caller(111).mobile}"' in body.code
        await keys(pilot, "escape")
        assert isinstance(app.screen, HistoryScreen)

        await keys(pilot, "f3")
        assert isinstance(app.screen, CaptureScreen)
        session = app.capture.session
        assert session.record_id != fixed_id(112)
        assert session.text("company.name") == caller(111).company
        assert session.text("contact.name") == caller(111).contact
        assert session.text("contact.mobile") == caller(111).mobile
        assert session.text("need.kind") == "factory_rent"
        assert session.text("need.floor_area_sqm") == "2000-3000"
        assert session.text("tax.annual_tax_wan") == "800"
        assert app.capture.rows["company.name"].current_text() == caller(111).company
        # The timeline is not carried over, so the cursor waits in the need step.
        assert app.capture.session.text("need.timeline") == ""
        assert focused_path(app) == "need.kind"


async def test_page_down_in_the_results_table_turns_the_page(history_app: IntakeApp) -> None:
    app = history_app
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "f4")
        await settle(pilot)
        await keys(pilot, "enter")
        assert isinstance(app.focused, DataTable)
        await keys(pilot, "pagedown")
        await settle(pilot)
        assert footer(app) == render("tui.history.footer", "zh", page=2, shown=50, total=COUNT)
