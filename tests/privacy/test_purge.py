"""``intake-tui purge`` and ``privacy.retention_days``: old records go, recent ones stay."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from intake_tui.config.loading import load_config
from intake_tui.services.runtime import Runtime
from tests.helpers import FIXED_NOW, raw_record, run_cli
from tests.privacy.support import (
    OLD_ID,
    OTHER_ID,
    TEST_TOKEN,
    DataFolder,
    import_records,
    old_record,
    run_in_terminal,
    write_config,
)

RECENT = {**raw_record(), "id": OTHER_ID}


def _seed(folder: DataFolder) -> None:
    import_records(folder, [old_record(), RECENT])


def _ids(folder: DataFolder) -> tuple[set[str], list[str]]:
    with folder.open_store() as store:
        stored = {s.id for s in store.list(limit=100)}
    return stored, [record["id"] for record in folder.file_records()]


def _audit(folder: DataFolder, action: str) -> list[dict[str, Any]]:
    with folder.open_store() as store:
        return [e.details for e in store.audit_entries() if e.action == action]


def test_purge_removes_only_what_is_older_than_the_days_given(tmp_path: Path) -> None:
    folder = write_config(tmp_path)
    _seed(folder)
    result = run_cli("purge", "--older-than", "365", "--yes", "--config", str(folder.config))
    assert result.returncode == 0, result.stderr
    assert "137****1111" in result.stdout and "13700001111" not in result.stdout
    assert _ids(folder) == ({OTHER_ID}, [OTHER_ID])
    [details] = _audit(folder, "purge")
    assert details["older_than_days"] == 365 and details["record_ids"] == [OLD_ID]
    assert details["file_lines"] == 1 and details["outbox_rows"] == 2
    assert not [p for p in folder.data.iterdir() if p.name.endswith(".tmp")]


def test_purge_asks_at_a_terminal_and_refuses_without_one(tmp_path: Path) -> None:
    folder = write_config(tmp_path)
    _seed(folder)
    refused = run_cli("purge", "--older-than", "365", "--config", str(folder.config))
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert _ids(folder)[0] == {OLD_ID, OTHER_ID}
    status, output = run_in_terminal(
        "purge", "--older-than", "365", "--config", str(folder.config), answer="y"
    )
    assert status == 0, output
    assert _ids(folder) == ({OTHER_ID}, [OTHER_ID])


def test_purge_with_nothing_old_changes_nothing(tmp_path: Path) -> None:
    folder = write_config(tmp_path)
    import_records(folder, [RECENT])
    before = folder.jsonl.stat().st_ino
    result = run_cli("purge", "--older-than", "30", "--config", str(folder.config))
    assert result.returncode == 0
    assert folder.jsonl.stat().st_ino == before
    assert _audit(folder, "purge") == []


@pytest.mark.parametrize("days", ["0", "-5", "99999"])
def test_purge_refuses_a_nonsense_period(tmp_path: Path, days: str) -> None:
    folder = write_config(tmp_path)
    result = run_cli("purge", f"--older-than={days}", "--yes", "--config", str(folder.config))
    assert result.returncode == 2
    assert "--older-than 730" in result.stderr and "Traceback" not in result.stderr


def test_a_line_left_only_in_the_file_is_purged_by_its_own_date(tmp_path: Path) -> None:
    folder = write_config(tmp_path)
    _seed(folder)
    with sqlite3.connect(folder.store_path) as db:  # an interrupted earlier purge
        db.execute("DELETE FROM inquiries WHERE id = ?", (OLD_ID,))
    result = run_cli("purge", "--older-than", "365", "--yes", "--config", str(folder.config))
    assert result.returncode == 0, result.stderr
    assert _ids(folder) == ({OTHER_ID}, [OTHER_ID])


def _runtime(folder: DataFolder, now: datetime) -> Runtime:
    return Runtime(load_config(folder.config), "zh", now=lambda: now)


def test_retention_removes_old_records_once_and_is_audited(tmp_path: Path) -> None:
    folder = write_config(tmp_path, "[privacy]\nretention_days = 365\n")
    _seed(folder)
    removed = _runtime(folder, FIXED_NOW).apply_retention(trigger="tui")
    assert removed is not None and removed.record_ids == (OLD_ID,) and removed.file_lines == 1
    assert _ids(folder) == ({OTHER_ID}, [OTHER_ID])
    [details] = _audit(folder, "retention")
    assert details["retention_days"] == 365 and details["trigger"] == "tui"
    # The next start finds nothing old: no rewrite, no second audit entry.
    inode = folder.jsonl.stat().st_ino
    assert _runtime(folder, FIXED_NOW).apply_retention(trigger="tui") is None
    assert folder.jsonl.stat().st_ino == inode
    assert len(_audit(folder, "retention")) == 1


def test_retention_zero_keeps_everything(tmp_path: Path) -> None:
    folder = write_config(tmp_path, "[privacy]\nretention_days = 0\n")
    _seed(folder)
    assert _runtime(folder, FIXED_NOW).apply_retention(trigger="tui") is None
    assert _ids(folder)[0] == {OLD_ID, OTHER_ID}


def test_the_default_retention_is_730_days(tmp_path: Path) -> None:
    folder = write_config(tmp_path)
    import_records(folder, [old_record(when="2025-01-01T10:00:00+08:00"), RECENT])
    assert _runtime(folder, FIXED_NOW).apply_retention(trigger="tui") is None  # < 730 days
    later = FIXED_NOW.replace(year=2027, month=1, day=2)
    removed = _runtime(folder, later).apply_retention(trigger="tui")
    assert removed is not None and removed.record_ids == (OLD_ID,)


def test_sync_applies_retention_before_sending(httpserver: HTTPServer, tmp_path: Path) -> None:
    backend = (
        f'[backend]\nenabled = true\nurl = "{httpserver.url_for("/api")}"\n'
        "timeout_s = 1\nconnect_timeout_s = 1\n[privacy]\nretention_days = 365\n"
    )
    folder = write_config(tmp_path, backend)
    _seed(folder)
    httpserver.expect_request("/api", method="POST").respond_with_json({"id": "X"}, status=201)
    result = run_cli("sync", "--config", str(folder.config), env={"INTAKE_TUI_TOKEN": TEST_TOKEN})
    assert result.returncode == 0, result.stderr
    assert [r.get_json()["id"] for r, _ in httpserver.log] == [OTHER_ID]  # the old one never left
    [details] = _audit(folder, "retention")
    assert details["trigger"] == "sync" and details["record_ids"] == [OLD_ID]


def test_the_age_lookup_reads_an_index(tmp_path: Path) -> None:
    folder = write_config(tmp_path)
    import_records(folder, [RECENT])
    statements: list[str] = []
    with folder.open_store() as store:
        store._db.set_trace_callback(statements.append)
        store.idle_since(FIXED_NOW)
        store.with_mobile("13524678515")
        store._db.set_trace_callback(None)
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        plans = [
            " ".join(str(row[3]) for row in store._db.execute(f"EXPLAIN QUERY PLAN {s}"))
            for s in selects
        ]
    assert len(plans) == 2
    assert "USING INDEX inquiries_by_time" in plans[0]
    assert "USING INDEX inquiries_by_mobile" in plans[1]
    assert not any(plan.startswith("SCAN inquiries") for plan in plans)


@pytest.mark.e2e
def test_the_tui_applies_retention_when_it_starts(isolated_dirs: Path, tmp_path: Path) -> None:
    from tests.e2e.terminal import TMUX, Terminal

    if TMUX is None:
        pytest.skip("tmux is not installed (CI installs it)")
    folder = write_config(tmp_path, "[privacy]\nretention_days = 365\n")
    _seed(folder)
    terminal = Terminal(isolated_dirs)
    try:
        terminal.start("--config", str(folder.config))
        deadline = time.monotonic() + 15
        while not _audit(folder, "retention") and time.monotonic() < deadline:
            time.sleep(0.1)
        terminal.press("C-q")
        terminal.wait_exit()
    finally:
        terminal.close()
    [details] = _audit(folder, "retention")
    assert details["trigger"] == "tui" and details["record_ids"] == [OLD_ID]
    assert _ids(folder) == ({OTHER_ID}, [OTHER_ID])
