"""Opening the SQLite connection: file checks, pragmas, and the schema upgrade.

WAL with ``synchronous=FULL``: a commit is on disk before a store method returns, so a
power cut loses nothing that was reported saved (docs/PERFORMANCE.md has what that costs).

A second connection in a process that already has the file open (the TUI's background
delivery) skips the raw file checks: closing any other descriptor of the file drops every
POSIX lock the process holds on it, SQLite's included. Another program closing the store
would then take itself for the last user and delete the WAL under the open connection,
whose later commits would be lost.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
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


class _Connection(sqlite3.Connection):
    """A connection that knows which file it holds open (see :func:`_open_here`)."""

    file_key = ""
    closed = False

    def close(self) -> None:
        """Close, and stop counting as an open user of the file."""
        self.closed = True
        super().close()


_open_connections: weakref.WeakSet[_Connection] = weakref.WeakSet()
_registry_lock = threading.Lock()


def _file_key(path: Path) -> str:
    """The same text for every spelling of one file's path."""
    return os.path.realpath(path)


def _open_here(key: str) -> bool:
    """Whether this process holds a connection to the file *key* open right now."""
    with _registry_lock:
        return any(c.file_key == key and not c.closed for c in list(_open_connections))


def open_connection(path: Path) -> sqlite3.Connection:
    """An autocommit connection to the store at *path*, created or upgraded; raises StoreError."""
    key = _file_key(path)
    # Checked and open already: reading its bytes again would cost this process its locks.
    if not _open_here(key):
        datafile.prepare(path)
    with translating(path):
        connection = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
            factory=_Connection,
        )
        connection.file_key = key
        with _registry_lock:
            _open_connections.add(connection)
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
