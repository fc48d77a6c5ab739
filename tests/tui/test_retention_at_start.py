"""Retention at start runs beside the operator: the app is ready and saves drafts meanwhile."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from intake_tui.config.loading import load_config
from intake_tui.services.runtime import Runtime
from intake_tui.store import Store
from intake_tui.tui.app import IntakeApp
from tests.privacy.expired import fill, still_stored
from tests.tui.conftest import StillClock, flush_drafts, keys, write_config

#: Generous bound for a loaded machine; a wait ends as soon as the state shows.
WAIT_S = 120.0


async def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


@pytest.mark.slow
async def test_the_tui_is_ready_and_saves_drafts_while_a_long_retention_runs(
    tmp_path: Path,
) -> None:
    config = write_config(tmp_path)
    with config.open("a", encoding="utf-8") as extra:
        extra.write("[privacy]\nretention_days = 365\n")
    store_path = tmp_path / "data" / "intake.sqlite3"
    expired, recent = fill(
        store_path, tmp_path / "data" / "inquiries.jsonl", expired=30_000, recent=3
    )
    runtime = Runtime(load_config(config), "zh", now=StillClock())
    app = IntakeApp(loader=lambda: runtime)
    async with app.run_test() as pilot:
        await _until(lambda: app.ready, "the store to be open")
        await keys(pilot, "1", "2000-3000", "enter")
        flush_drafts(app)
        with Store.open(store_path) as store:
            draft = store.get_draft(app.capture.session.record_id)
        # The draft is in the store while expired records still are too: retention was
        # still running (how far it got depends on the machine's speed, not on the program).
        assert draft is not None and draft.fields.get("need.floor_area_sqm") == "2000-3000"
        assert still_stored(store_path, expired) > 0
        await _until(lambda: still_stored(store_path, expired) == 0, "retention to finish")
        await pilot.press("ctrl+q")
    assert still_stored(store_path, recent) == len(recent)
    with Store.open(store_path) as store:
        entries = [e.details for e in store.audit_entries() if e.action == "retention"]
        assert store.get_draft(draft.id) is not None
    assert {e["trigger"] for e in entries} == {"tui"}
    assert sum(int(str(e["records"])) for e in entries) == len(expired)
