"""Ctrl+Q while retention works through a large old store: the app ends at once, and safely."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

from intake_tui.config.loading import load_config
from intake_tui.services.runtime import Runtime
from intake_tui.sinks.jsonl import JsonlSink
from intake_tui.store import Store
from tests.e2e.terminal import WAIT_S, Terminal
from tests.privacy.expired import fill, still_stored

pytestmark = pytest.mark.e2e


def _batches_done(store_path: Path) -> int:
    with Store.open(store_path) as store:
        return sum(1 for entry in store.audit_entries() if entry.action == "retention")


def test_quitting_during_a_long_retention_is_immediate_and_the_next_start_finishes_it(
    terminal: Terminal, config_file: Path, data_dir: Path
) -> None:
    with config_file.open("a", encoding="utf-8") as extra:
        extra.write("[privacy]\nretention_days = 365\n")
    store_path, jsonl = data_dir / "intake.sqlite3", data_dir / "inquiries.jsonl"
    # Dated from today: the real program runs on today's clock.
    today = datetime.now().astimezone()
    expired, recent = fill(store_path, jsonl, expired=10_000, recent=3, now=today)
    terminal.start("--config", str(config_file))
    deadline = time.monotonic() + WAIT_S
    while _batches_done(store_path) == 0:
        assert time.monotonic() < deadline, f"retention never started:\n{terminal.screen()}"
        time.sleep(0.05)
    terminal.press("C-q")
    assert terminal.wait_exit() == 0
    # The quit did not wait for the job: most of it is left, and what was done is kept.
    left = still_stored(store_path, expired)
    assert 0 < left < len(expired)
    with Store.open(store_path) as store:
        assert store.integrity_check() == "ok"
    # The file went first, whole.
    assert {record["id"] for record in JsonlSink(jsonl).records()} == set(recent)

    runtime = Runtime(load_config(config_file), "zh", now=lambda: today)
    finished = runtime.apply_retention(trigger="tui")
    assert finished is not None and len(finished.record_ids) == left
    assert still_stored(store_path, expired) == 0
    assert still_stored(store_path, recent) == len(recent)
