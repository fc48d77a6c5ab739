"""F9 outbox: waiting and rejected records with reasons, send now, correct-and-resend, export."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.widgets import DataTable, Static
from werkzeug import Request, Response

from intake_tui.services.runtime import Runtime
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.capture import CaptureScreen
from intake_tui.tui.screens.outbox import OutboxScreen
from tests.helpers import FIXED_NOW
from tests.tui.conftest import (
    Caller,
    fixed_id,
    focused_path,
    keys,
    seed,
    settle,
    stored_record,
)
from tests.tui.snapshot_cases import Compare, after, seed_outbox
from tests.tui.test_delivery_status import PATH, mode, online_runtime, status_text, wait_until

REJECTED = fixed_id(21)
WAITING = fixed_id(22)
CALLERS = {
    REJECTED: Caller("苏州新材料科技股份有限公司", "李女士", "13912345678"),
    WAITING: Caller("无锡智能装备有限公司", "王经理", "18612345678"),
}
SERVER_SAYS = "contact.mobile: 该号码已登记为其他企业的联系人"


class Backend:
    """A loopback backend whose answer per Idempotency-Key a test can change."""

    def __init__(self, server: HTTPServer) -> None:
        self.answers: dict[str, Response] = {}
        self.keys: list[str] = []
        server.expect_request(PATH, method="POST").respond_with_handler(self.handle)

    def handle(self, request: Request) -> Response:
        key = request.headers["Idempotency-Key"]
        self.keys.append(key)
        return self.answers.get(key) or Response('{"id": "CRM-1"}', status=201)


@pytest.fixture
def backend(httpserver: HTTPServer) -> Iterator[Backend]:
    yield Backend(httpserver)


def outbox_app(folder: Path, url: str, backend: Backend) -> IntakeApp:
    """An online app with two submitted records: the backend rejects one, holds off the other."""
    backend.answers[f"{REJECTED}.1"] = Response(
        json.dumps({"message": SERVER_SAYS}, ensure_ascii=False),
        status=422,
        content_type="application/json",
    )
    # Retry-After is capped by backend.retry_cap_s: a large cap keeps the record waiting.
    backend.answers[f"{WAITING}.1"] = Response("busy", status=503, headers={"Retry-After": "600"})
    runtime = online_runtime(folder, url, retry_cap_s=3600)
    seed(runtime, [stored_record(rid, FIXED_NOW, caller) for rid, caller in CALLERS.items()])
    return IntakeApp(runtime)


def listed(app: IntakeApp) -> list[list[str]]:
    """The outbox table's cells as shown."""
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def reason(app: IntakeApp) -> str:
    """The reason line under the table."""
    return str(app.screen.query_one("#outbox-reason", Static).render())


def notices(app: IntakeApp) -> list[str]:
    """The notifications raised so far."""
    return [notification.message for notification in app._notifications]


async def test_waiting_and_rejected_listed_with_reasons_then_send_now(
    tmp_path: Path, httpserver: HTTPServer, backend: Backend
) -> None:
    app = outbox_app(tmp_path, httpserver.url_for(PATH), backend)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: len(backend.keys) == 2, "both records tried")
        await wait_until(pilot, lambda: "被退回 1" in status_text(app), "the rejection counted")
        assert "待发送 1" in status_text(app)

        await keys(pilot, "f9")
        await settle(pilot)
        assert isinstance(app.screen, OutboxScreen)
        rows = listed(app)
        # Rejected first: it needs the operator; the waiting one retries by itself.
        assert [(r[0], r[2], r[5]) for r in rows] == [
            (REJECTED[:8], "被拒收", CALLERS[REJECTED].company),
            (WAITING[:8], "稍后重试", CALLERS[WAITING].company),
        ]
        assert rows[0][4] == "更正后"
        assert rows[1][3] == "1" and ":" in rows[1][4]  # one try; the next at a clock time
        assert SERVER_SAYS in reason(app) and "HTTP 422" in reason(app)
        await keys(pilot, "down")
        assert "HTTP 503" in reason(app)

        await keys(pilot, "enter")  # correcting is for rejected records only
        assert isinstance(app.screen, OutboxScreen)
        assert any("只有被拒收的记录需要更正" in text for text in notices(app))

        backend.answers.pop(f"{WAITING}.1")
        await keys(pilot, "f5")
        await wait_until(pilot, lambda: len(listed(app)) == 1, "the waiting record sent")
        assert listed(app)[0][0] == REJECTED[:8]
        assert backend.keys.count(f"{WAITING}.1") == 2
        assert "待发送 0" in status_text(app) and "被退回 1" in status_text(app)
        assert mode(app) == "online"


async def test_correct_and_resend_makes_revision_2(
    tmp_path: Path, httpserver: HTTPServer, backend: Backend
) -> None:
    app = outbox_app(tmp_path, httpserver.url_for(PATH), backend)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "被退回 1" in status_text(app), "the rejection counted")
        await keys(pilot, "f9")
        await settle(pilot)
        await keys(pilot, "f3")
        await settle(pilot)
        assert isinstance(app.screen, CaptureScreen)
        session = app.capture.session
        assert session.record_id == REJECTED
        assert session.text("company.name") == CALLERS[REJECTED].company
        assert any(SERVER_SAYS in text for text in notices(app))

        # The cursor is in the first field of the last step: the mobile the backend refused.
        assert focused_path(app) == "contact.mobile"
        await pilot.press("end", *["backspace"] * 11)
        await keys(pilot, "13524678515", "enter")
        assert focused_path(app) == "consent.contact"
        await keys(pilot, "f2", "f10")
        await settle(pilot)
        stored = app.store.get(REJECTED)
        assert stored is not None
        assert (stored.revision, stored.record["revision"]) == (2, 2)
        assert stored.record["contact"]["mobile"] == "13524678515"
        assert app.capture.session.record_id != REJECTED  # a new call was started

        await wait_until(
            pilot, lambda: f"{REJECTED}.2" in backend.keys, "revision 2 sent as <id>.2"
        )
        await wait_until(pilot, lambda: "被退回" not in status_text(app), "no rejection left")
        [delivered] = app.store.outbox_entries(REJECTED, destination="backend", status="delivered")
        assert delivered.revision == 2
        lines = (tmp_path / "data" / "inquiries.jsonl").read_text(encoding="utf-8").splitlines()
        assert [(r["id"], r["revision"]) for r in map(json.loads, lines)] == [(REJECTED, 2)]


async def test_offline_mode_lists_the_queue_refuses_send_now_and_exports_masked(
    runtime: Runtime,
) -> None:
    seed(runtime, [stored_record(rid, FIXED_NOW, caller) for rid, caller in CALLERS.items()])
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "f9")
        await settle(pilot)
        assert [(r[2], r[4]) for r in listed(app)] == [("待发送", "联网后")] * 2
        assert "离线模式" in reason(app)

        await keys(pilot, "f5")
        assert any("离线模式下不发送记录" in text for text in notices(app))

        await keys(pilot, "f7")
        await settle(pilot)
        exports = list((runtime.config.data_dir_path() / "exports").glob("outbox-*.csv"))
        assert len(exports) == 1
        assert any(str(exports[0]) in text for text in notices(app))
        text = exports[0].read_text(encoding="utf-8-sig")
        rows = list(csv.reader(text.splitlines()))
        assert {row[0] for row in rows[1:]} == set(CALLERS)
        assert "13912345678" not in text and "139****5678" in text
        [audit] = [e for e in app.store.audit_entries() if e.action == "exported"]
        assert audit.details["count"] == 2 and audit.details["unmasked"] is False

        await keys(pilot, "escape")
        assert isinstance(app.screen, CaptureScreen)


def test_outbox_screen(snap_compare: Compare, runtime: Runtime) -> None:
    seed_outbox(runtime)
    app = IntakeApp(runtime)
    assert snap_compare(app, terminal_size=(100, 30), run_before=after("f9"))


async def test_an_export_that_cannot_be_written_says_where_and_why(runtime: Runtime) -> None:
    seed(runtime, [stored_record(REJECTED, FIXED_NOW, CALLERS[REJECTED])])
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # A file where the exports folder should be.
        (runtime.config.data_dir_path() / "exports").write_text("", encoding="utf-8")
        await keys(pilot, "f9")
        await settle(pilot)
        await keys(pilot, "f7")
        await settle(pilot)
        [failure] = [text for text in notices(app) if "导出失败" in text]
        assert "exports" in failure and "storage.data_dir" in failure
        assert isinstance(app.screen, OutboxScreen)
