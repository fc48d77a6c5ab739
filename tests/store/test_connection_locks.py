"""A second store connection in one process must not cost the first its file locks.

The TUI holds the store open and opens a second connection for its background delivery.
Reading the file's header for that second open used to close a descriptor of the file,
which drops every POSIX lock the process holds on it; another program closing the store
then deleted the WAL under the TUI, and the TUI's later saves were lost.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from intake_tui.store import Store
from intake_tui.store.errors import StoreError

STARTED = "2026-11-29T09:30:00+08:00"


def another_program_reads_and_closes(database: Path) -> None:
    """What ``intake-tui list`` or ``export`` does to the file, in its own process."""
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('SELECT count(*) FROM inquiries').fetchall()\n"
        "c.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(database)], check=True, timeout=60)


def test_a_second_connection_in_the_process_keeps_the_first_ones_saves(tmp_path: Path) -> None:
    database = tmp_path / "data" / "intake.sqlite3"
    with Store.open(database) as tui:
        tui.save_draft("d-1", {"need.kind": "land"}, operator="op-07", started_at=STARTED)
        # The background delivery's own connection, opened and later closed.
        Store.open(database).close()
        another_program_reads_and_closes(database)
        assert database.with_name(database.name + "-wal").exists()
        tui.save_draft(
            "d-1",
            {"need.kind": "land", "need.notes": "later"},
            operator="op-07",
            started_at=STARTED,
        )
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as reader:
            (record,) = reader.execute("SELECT record FROM inquiries").fetchone()
        assert '"need.notes":"later"' in record


def test_a_file_opened_again_after_closing_is_checked_again(tmp_path: Path) -> None:
    database = tmp_path / "data" / "intake.sqlite3"
    Store.open(database).close()
    database.write_bytes(b"not a store\n" * 20)
    with pytest.raises(StoreError) as raised:
        Store.open(database).close()
    assert raised.value.key == "store.not_a_database"
