"""Opening the SQLite connection: file checks, pragmas, and the schema upgrade.

WAL with ``synchronous=FULL``: a commit is on disk before a store method returns, so a
power cut loses nothing that was reported saved (docs/PERFORMANCE.md has what that costs).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from intake_tui.store import datafile
from intake_tui.store.errors import BUSY_TIMEOUT_S, is_busy, store_error, translating
from intake_tui.store.migrations import LATEST_VERSION, migrate, user_version


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch a new file to WAL (the mode persists in the file, so this happens once).

    SQLite answers BUSY at once, without its busy handler, while another process holds the
    file during the switch (two programs creating the store together), so wait here.
    """
    if connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            # The answer is not checked: a file system without shared memory keeps the
            # old mode, which is slower for concurrent readers but still correct.
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def open_connection(path: Path) -> sqlite3.Connection:
    """An autocommit connection to the store at *path*, created or upgraded; raises StoreError."""
    datafile.prepare(path)
    with translating(path):
        connection = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            connection.row_factory = sqlite3.Row
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            connection.execute("PRAGMA foreign_keys = ON")
            # Read the version before anything writes (WAL switch included), so a file
            # from newer code is refused untouched.
            found = user_version(connection)
            if found > LATEST_VERSION:
                raise store_error(
                    "store.newer_version", path, found=found, supported=LATEST_VERSION
                )
            _use_wal(connection)
            # In WAL mode NORMAL may lose the last commits when the power goes.
            connection.execute("PRAGMA synchronous = FULL")
            migrate(connection, path)
        except BaseException:
            connection.close()
            raise
    return connection
