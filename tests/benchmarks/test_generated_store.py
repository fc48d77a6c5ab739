"""The TUI benchmarks' generated store is dated like a store in use, so retention keeps it all."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from intake_tui.config.defaults import RETENTION_DAYS
from intake_tui.config.loading import ENV_CONFIG_VAR

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture
def bench() -> Iterator[tuple[ModuleType, ModuleType]]:
    """The benchmarks' generator and TUI set-up, imported as their scripts import them."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate
        import tui_setup

        yield generate, tui_setup
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_generated_calls_are_recent_and_inside_the_default_retention_period(
    bench: tuple[ModuleType, ModuleType],
) -> None:
    generate, _ = bench
    now = datetime.now().astimezone()
    records = list(generate.inquiries(3_000, 7))
    created = [datetime.fromisoformat(r["created_at"]) for r in records]
    assert created == sorted(created)
    assert now - timedelta(days=RETENTION_DAYS - 30) < created[0]
    assert max(datetime.fromisoformat(r["submitted_at"]) for r in records) <= now


def test_the_generated_store_keeps_all_its_records_when_ready_runs(
    bench: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    _, tui_setup = bench
    database = tmp_path / "data" / "intake.sqlite3"
    tui_setup.build_large_store(database, 2_000, 20260303)
    config = tui_setup.write_config(tmp_path / "large.toml", database.parent)
    ready = subprocess.run(
        [sys.executable, str(BENCHMARKS / "first_frame.py"), "--until", "ready"],
        env={**os.environ, ENV_CONFIG_VAR: str(config)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ready.returncode == 0, ready.stderr
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("SELECT count(*) FROM inquiries").fetchone()[0] == 2_000
        retention = db.execute("SELECT count(*) FROM audit_log WHERE action = 'retention'")
        assert retention.fetchone()[0] == 0
