"""Delivery as the operator sees it: the status bar's mode and counts, offline capture mode.

The backend is a real HTTP server on loopback (pytest-httpserver); the app's delivery loop
runs in its own thread, so tests poll the app's state with ``pilot.pause`` (bounded).
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from textual.content import Content
from textual.pilot import Pilot
from werkzeug import Request, Response

from intake_tui.config.loading import load_config
from intake_tui.i18n import Lang
from intake_tui.services.runtime import Runtime
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.widgets.status_bar import StatusBar
from tests.helpers import FIXED_NOW
from tests.tui.conftest import (
    STANDARD_KEYS,
    Caller,
    fixed_id,
    intake,
    keys,
    seed,
    settle,
    stored_record,
)

PATH = "/api/inquiries"
CALLER = Caller("苏州新材料科技股份有限公司", "李女士", "13912345678")
#: Generous bounds: other test runs share the machine's two cores.
PATIENCE_S = 30.0


def write_online_config(
    folder: Path, url: str, *, lang: Lang = "zh", timeout_s: float = 2, retry_cap_s: float = 1
) -> Path:
    """A config with the backend enabled at *url*, quick retries, data under *folder*."""
    path = folder / "intake_tui.toml"
    path.write_text(
        f'[app]\nlanguage = "{lang}"\noperator = "op-07"\n'
        f'[storage]\ndata_dir = "{(folder / "data").as_posix()}"\n'
        f'[backend]\nenabled = true\nurl = "{url}"\ntimeout_s = {timeout_s}\n'
        f"connect_timeout_s = 1\nretry_base_s = 0.2\nretry_cap_s = {retry_cap_s}\n",
        encoding="utf-8",
    )
    return path


def online_runtime(
    folder: Path, url: str, *, lang: Lang = "zh", timeout_s: float = 2, retry_cap_s: float = 1
) -> Runtime:
    """A runtime with the backend at *url* and the real clock (retries need time to pass)."""
    config = write_online_config(
        folder, url, lang=lang, timeout_s=timeout_s, retry_cap_s=retry_cap_s
    )
    return Runtime(load_config(config), lang)


def free_port() -> int:
    """A loopback port nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def status_text(app: IntakeApp) -> str:
    """The status bar's line as shown."""
    return app.capture.query_one(StatusBar).text


async def wait_until(pilot: Pilot[Any], check: Callable[[], bool], what: str) -> None:
    """Let the app run until *check* holds, without pressing anything (bounded)."""
    deadline = time.monotonic() + PATIENCE_S
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(
                f"not within {PATIENCE_S} s: {what}; status: {status_text(intake(pilot))}"
            )
        await pilot.pause(0.05)


async def capture_standard(pilot: Pilot[Any]) -> None:
    """Key in and submit the standard inquiry."""
    await settle(pilot)
    await keys(pilot, *STANDARD_KEYS)
    await settle(pilot)


def mode(app: IntakeApp) -> str | None:
    """The delivery mode the loop last reported."""
    return app.delivery_state.mode if app.delivery_state is not None else None


def stored_ids(app: IntakeApp) -> list[str]:
    """Ids of the submitted inquiries in the app's store."""
    return [stored.id for stored in app.store.list(status="submitted")]


async def test_the_done_when_scenario_offline_then_delivered_with_no_keypress(
    tmp_path: Path,
) -> None:
    port = free_port()
    app = IntakeApp(online_runtime(tmp_path, f"http://127.0.0.1:{port}{PATH}"))
    async with app.run_test(size=(100, 30)) as pilot:
        await capture_standard(pilot)
        [record_id] = stored_ids(app)
        await wait_until(pilot, lambda: mode(app) == "offline", "offline after the first attempt")
        assert "离线" in status_text(app) and "待发送 1" in status_text(app)
        assert "仅本地保存" not in status_text(app)  # not offline capture mode

        server = HTTPServer(host="127.0.0.1", port=port)
        server.expect_request(PATH, method="POST").respond_with_json({"id": "CRM-9"}, 201)
        server.start()
        try:
            await wait_until(pilot, lambda: "待发送 0" in status_text(app), "waiting 0")
            assert "在线" in status_text(app)
            [(request, _)] = server.log
            assert request.headers["Idempotency-Key"] == f"{record_id}.1"
            assert json.loads(request.get_data())["id"] == record_id
        finally:
            server.clear()
            server.stop()
    # Quitting stops the background sender.
    assert app.delivery is not None and not app.delivery.running


def test_offline_capture_mode_stores_and_files_then_a_later_online_start_sends(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    url = httpserver.url_for(PATH)
    httpserver.expect_request(PATH, method="POST").respond_with_data("", status=201)

    async def capture_offline() -> str:
        # Backend configured and reachable, but --offline: nothing may reach it.
        app = IntakeApp(online_runtime(tmp_path, url), offline=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await capture_standard(pilot)
            [record_id] = stored_ids(app)
            assert app.delivery is None
            assert "离线（仅本地保存）" in status_text(app)
            assert "待发送 1" in status_text(app)
            [row] = app.store.outbox_entries(record_id, destination="backend")
            assert row.status == "pending"
            lines = (tmp_path / "data" / "inquiries.jsonl").read_text(encoding="utf-8")
            assert [json.loads(line)["id"] for line in lines.splitlines()] == [record_id]
            return record_id

    record_id = asyncio.run(capture_offline())
    assert httpserver.log == []

    async def start_online() -> None:
        app = IntakeApp(online_runtime(tmp_path, url))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: "待发送 0" in status_text(app), "the backlog sent")
            assert mode(app) == "online"

    asyncio.run(start_online())
    assert [r.headers["Idempotency-Key"] for r, _ in httpserver.log] == [f"{record_id}.1"]


async def test_backend_disabled_in_the_config_is_offline_capture_mode_too(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    config = write_online_config(tmp_path, httpserver.url_for(PATH), lang="en")
    config.write_text(config.read_text().replace("enabled = true", "enabled = false"))
    runtime = Runtime(load_config(config), "en")
    seed(runtime, [stored_record(fixed_id(1), FIXED_NOW, CALLER)])
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.delivery is None
        assert "Offline (local only)" in status_text(app) and "Waiting 1" in status_text(app)
    assert httpserver.log == []


async def test_a_rejection_then_a_failing_backend_in_english(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_oneshot_request(PATH, method="POST").respond_with_json(
        {"message": "contact.mobile unknown"}, status=422
    )
    httpserver.expect_request(PATH, method="POST").respond_with_data("down", status=503)
    runtime = online_runtime(tmp_path, httpserver.url_for(PATH), lang="en")
    seed(runtime, [stored_record(fixed_id(1), FIXED_NOW, CALLER)])
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Rejected 1" in status_text(app), "the rejection shown")
        assert "Waiting 0" in status_text(app)
        assert "Online" in status_text(app)  # a rejection is an answer: the backend is there

        app.store.submit(
            stored_record(fixed_id(2), FIXED_NOW, CALLER), destinations=["backend"], actor="op"
        )
        app.wake_delivery()
        await wait_until(pilot, lambda: mode(app) == "failing", "the 503 seen")
        await wait_until(pilot, lambda: "Waiting 1" in status_text(app), "the count updated")
        assert "Backend failing" in status_text(app) and "Rejected 1" in status_text(app)
        assert status_text(app).endswith("Rejected 1 (F9)")  # and where to see them
        # The rejected count stands out in the theme's warning colour.
        content = app.capture.query_one(StatusBar).content
        assert isinstance(content, Content)
        styles = [str(span.style) for span in content.spans]
        assert any("$warning" in style for style in styles), styles


async def test_submitting_does_not_wait_for_a_slow_backend(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    arrived, release = threading.Event(), threading.Event()

    def slow(request: Request) -> Response:
        arrived.set()
        release.wait(PATIENCE_S)
        return Response("", status=201)

    httpserver.expect_request(PATH, method="POST").respond_with_handler(slow)
    runtime = online_runtime(tmp_path, httpserver.url_for(PATH), timeout_s=PATIENCE_S)
    seed(runtime, [stored_record(fixed_id(1), FIXED_NOW, CALLER)])
    app = IntakeApp(runtime)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, arrived.is_set, "the first request in flight")
            # The backend holds the first record; the next call is captured all the same.
            await capture_standard(pilot)
            assert len(stored_ids(app)) == 2
            assert not release.is_set()
            release.set()
            await wait_until(pilot, lambda: "待发送 0" in status_text(app), "both delivered")
    finally:
        release.set()
