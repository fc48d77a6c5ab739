"""Text from outside is data on every screen: names with markup, links and actions shown as typed.

A draft kept with such names is offered and resumed at start; history, the duplicate hint,
the review, the outbox with a server's message in markup, the record view and the
notifications that quote typed text all show the characters literally, and none of them
becomes a style, a terminal hyperlink or an action.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from werkzeug import Response

from intake_tui.config.loading import load_config
from intake_tui.services.runtime import Runtime
from intake_tui.store.database import Store
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.capture import CaptureScreen
from intake_tui.tui.screens.drafts import DraftsScreen
from intake_tui.tui.screens.history import HistoryScreen
from intake_tui.tui.screens.outbox import OutboxScreen
from intake_tui.tui.screens.record import RecordScreen
from intake_tui.tui.screens.rescue import RescueScreen
from intake_tui.tui.screens.review import ReviewScreen
from tests.helpers import FIXED_NOW
from tests.tui.conftest import (
    Caller,
    StillClock,
    compact,
    fixed_id,
    keys,
    keys_before,
    make_runtime,
    screen_text,
    seed,
    settle,
    shown_in,
    stored_record,
    write_config,
)
from tests.tui.test_delivery_status import PATH, online_runtime, status_text, wait_until

COMPANY = "上海[/]精密机械有限公司"
LINK = "[link=https://x]点我[/link]"
BOLD = "[bold]张"
ACTION = "[@click=app.quit]x[/]"
#: A draft as the operator left it: every free-text value holds markup.
DRAFT_FIELDS = {
    "need.kind": "factory_rent",
    "need.floor_area_sqm": "2000-3000",
    "need.timeline": "within_3m",
    "need.notes": ACTION + " 要行车",
    "use.industry": "C",
    "use.description": LINK + " 减速器装配",
    "company.name": COMPANY,
    "contact.name": BOLD,
    "contact.title": "[/bold]经理[",
}
SIZE = (160, 50)


def notices(app: IntakeApp) -> list[str]:
    """The notifications raised so far; each must be plain text."""
    shown = list(app._notifications)
    assert all(not notification.markup for notification in shown)
    return [notification.message for notification in shown]


def toasts(pilot: Pilot[Any]) -> list[str]:
    """The notifications on screen, as shown, without white space."""
    return [shown_in(pilot, toast) for toast in pilot.app.screen.query("Toast")]


def on_screen(pilot: Pilot[Any]) -> str:
    """Everything on the terminal, without white space."""
    return compact(screen_text(pilot))


def no_links(pilot: Pilot[Any]) -> None:
    """No cell on screen carries a link or a click action."""
    for strip in pilot.app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            assert style is None or not style.link, segment
            assert style is None or not style.meta.get("@click"), segment


async def test_a_markup_draft_is_offered_resumed_and_reviewed_as_typed(tmp_path: Path) -> None:
    runtime = make_runtime(tmp_path)
    with Store.open(runtime.config.database_path(), now=runtime.now) as store:
        store.save_draft(
            "d-markup", DRAFT_FIELDS, operator="op-07", started_at=FIXED_NOW.isoformat()
        )
    app = IntakeApp(runtime)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftsScreen)  # offered at start
        assert compact(COMPANY) in on_screen(pilot)

        await keys(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaptureScreen)
        assert app.capture.session.fields == DRAFT_FIELDS

        await keys(pilot, "f2")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        shown = on_screen(pilot)
        for text in DRAFT_FIELDS.values():
            if not text.isascii() or "[" in text:
                assert compact(text) in shown, text
        no_links(pilot)
        await keys(pilot, "f2")
        assert isinstance(app.screen, CaptureScreen)
    assert app.return_code in (None, 0)


async def test_history_duplicate_hint_and_record_show_markup_names(
    tmp_path: Path,
) -> None:
    runtime = make_runtime(tmp_path)
    earlier = stored_record(
        fixed_id(31), FIXED_NOW, Caller(COMPANY, BOLD, "13912345678"), use__description=LINK
    )
    seed(runtime, [earlier])
    app = IntakeApp(runtime)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await keys(pilot, "f4")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        cells = [str(cell) for cell in app.screen.query_one(DataTable).get_row_at(0)]
        assert COMPANY in cells and "[*" in cells  # the contact masked, the bracket kept
        assert compact(COMPANY) in on_screen(pilot)

        await keys(pilot, "tab", "enter")  # into the results; open the record
        await settle(pilot)
        assert isinstance(app.screen, RecordScreen)
        assert compact(LINK) in on_screen(pilot)
        no_links(pilot)
        await keys(pilot, "escape", "escape")
        await settle(pilot)

        assert isinstance(app.screen, CaptureScreen)
        await keys(pilot, *keys_before("company"), COMPANY, "enter")
        await settle(pilot)
        hint = str(app.capture.query_one("#duplicates", Static).render())
        assert COMPANY in hint
        assert compact(COMPANY) in on_screen(pilot)

        await keys(pilot, "f8")  # copy the earlier company and contact into this call
        await settle(pilot)
        assert app.capture.session.text("contact.name") == BOLD
        assert any("已复制" in text or "复制" in text for text in notices(app))


async def test_outbox_shows_a_markup_server_message_and_quotes_it_in_the_notification(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    said = f"{ACTION} 手机号 [red]有误[/] {LINK}"
    httpserver.expect_request(PATH, method="POST").respond_with_response(
        Response(
            json.dumps({"message": said}, ensure_ascii=False),
            status=422,
            content_type="application/json",
        )
    )
    runtime = online_runtime(tmp_path, httpserver.url_for(PATH), retry_cap_s=3600)
    rejected = fixed_id(41)
    seed(runtime, [stored_record(rejected, FIXED_NOW, Caller(COMPANY, BOLD, "13912345678"))])
    app = IntakeApp(runtime)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: "被退回 1" in status_text(app), "the rejection counted")
        await keys(pilot, "f9")
        await settle(pilot)
        assert isinstance(app.screen, OutboxScreen)
        reason = str(app.screen.query_one("#outbox-reason", Static).render())
        assert said in reason
        shown = on_screen(pilot)
        assert compact(said) in shown and compact(COMPANY) in shown
        no_links(pilot)

        await keys(pilot, "enter")  # correct it: the notice quotes the server's words
        await settle(pilot)
        assert isinstance(app.screen, CaptureScreen)
        assert any(said in text for text in notices(app))
        assert any(compact(said) in toast for toast in toasts(pilot))
        no_links(pilot)
    assert app.return_code in (None, 0)


async def test_a_save_as_path_with_markup_is_quoted_as_typed(tmp_path: Path) -> None:
    app = IntakeApp(make_runtime(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RescueScreen)
        field = app.screen.query_one("#rescue-path", Input)
        field.value = str(tmp_path / "[/]无此文件夹" / "[bold]x.json")
        await keys(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, RescueScreen)  # not written; the reason is shown
        assert "[/]无此文件夹" in app.screen.problem

        saved = tmp_path / "[link=x]来电[bold].json"
        field.value = str(saved)
        await keys(pilot, "enter")
        await settle(pilot)
        assert saved.exists(), (app.screen, getattr(app.screen, "problem", ""))
        assert any(str(saved) in text for text in notices(app))
        assert any(compact(saved.name) in toast for toast in toasts(pilot))


async def test_config_text_is_shown_never_acted_on(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    with config.open("a", encoding="utf-8") as file:
        file.write(
            '[script.zh]\nneed = "[bold]您好[/] \\u001b[2J 请问需要多大面积？"\n'
            '[[locations]]\nid = "park-a"\nzh = "[link=https://x]一号园区[/link]\\u001b]8;;"\n'
            'en = "Park A"\n'
        )
    app = IntakeApp(Runtime(load_config(config), "zh", now=StillClock()))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        script = str(app.capture.query_one("#script", Static).render())
        assert script == "[bold]您好[/] \\u001b[2J 请问需要多大面积？"
        await keys(pilot, "f6")
        await settle(pilot)
        shown = screen_text(pilot)
        assert "\x1b" not in shown
        assert compact("[link=https://x]一号园区[/link]\\u001b]8;;") in compact(shown)
        no_links(pilot)
