"""The store's schema as ordered migrations; ``PRAGMA user_version`` is the applied count.

Never edit a released migration: files in the field are at every version. Add a new one
at the end instead; it runs inside the same transaction as the version bump, so a file is
either upgraded completely or left as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Final

from intake_tui.store.errors import store_error
from intake_tui.store.keys import company_initials
from intake_tui.store.rows import display_names

Migration = Callable[[sqlite3.Connection], None]


def _statements(*sql: str) -> Migration:
    """A migration that runs *sql* statements in order (executescript would commit)."""

    def run(connection: sqlite3.Connection) -> None:
        for statement in sql:
            connection.execute(statement)

    return run


_V1_SCHEMA: Final = _statements(
    """
    CREATE TABLE inquiries (
        id           TEXT PRIMARY KEY NOT NULL,
        revision     INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
        created_at   TEXT NOT NULL,
        created_utc  TEXT NOT NULL,  -- created_at as UTC: sorts by instant across offsets
        updated_at   TEXT NOT NULL,
        submitted_at TEXT,
        operator     TEXT NOT NULL DEFAULT '',
        record       TEXT NOT NULL CHECK (json_valid(record)),
        mobile_key   TEXT NOT NULL DEFAULT '',
        company_key  TEXT NOT NULL DEFAULT '',
        need_kind    TEXT
    )
    """,
    # created_utc in every lookup index: equality lookups then come out newest first
    # straight from the index, with no sort step.
    "CREATE INDEX inquiries_by_status_time ON inquiries (status, created_utc)",
    "CREATE INDEX inquiries_by_time ON inquiries (created_utc)",
    "CREATE INDEX inquiries_by_mobile ON inquiries (mobile_key, created_utc)",
    "CREATE INDEX inquiries_by_company ON inquiries (company_key, created_utc)",
    """
    CREATE TABLE outbox (
        record_id       TEXT NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
        revision        INTEGER NOT NULL,
        destination     TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'pending' CHECK (
                            status IN ('pending', 'sending', 'delivered', 'waiting', 'rejected')
                        ),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error      TEXT,
        remote_ref      TEXT,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (record_id, revision, destination)
    )
    """,
    "CREATE INDEX outbox_by_status ON outbox (status, next_attempt_at)",
    # AUTOINCREMENT: a sequence number is never reused, even after the newest entries are
    # purged, so gaps in the trail stay visible.
    """
    CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        record_id TEXT,
        details   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
    )
    """,
    "CREATE INDEX audit_by_record ON audit_log (record_id, seq)",
)


def _v2_company_initials(connection: sqlite3.Connection) -> None:
    """Add pinyin initials of the company key, so operators can search by typing ``shbg``."""
    connection.execute("ALTER TABLE inquiries ADD COLUMN company_initials TEXT NOT NULL DEFAULT ''")
    # Backfilled from the stored documents with today's key rules; a later change of the
    # rules needs its own migration that recomputes every key column the same way.
    rows = connection.execute(
        "SELECT rowid, status, record FROM inquiries WHERE company_key <> ''"
    ).fetchall()
    updates = []
    for rowid, status, record in rows:
        company, _contact = display_names(status, json.loads(record))
        updates.append((company_initials(company), rowid))
    connection.executemany("UPDATE inquiries SET company_initials = ? WHERE rowid = ?", updates)
    connection.execute(
        "CREATE INDEX inquiries_by_initials ON inquiries (company_initials, created_utc)"
    )


#: Migration N (1-based) brings a file from user_version N-1 to N.
MIGRATIONS: Final[tuple[Migration, ...]] = (_V1_SCHEMA, _v2_company_initials)
LATEST_VERSION: Final = len(MIGRATIONS)


def user_version(connection: sqlite3.Connection) -> int:
    """The schema version recorded in the open file."""
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(connection: sqlite3.Connection, path: Path, *, target: int = LATEST_VERSION) -> int:
    """Upgrade the file to *target* in one write transaction; returns the version found.

    Refuses (StoreError ``store.newer_version``) a file newer than this code, before
    writing anything. *connection* must be in autocommit mode (isolation_level None).
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        found = user_version(connection)
        if found > LATEST_VERSION:
            raise store_error("store.newer_version", path, found=found, supported=LATEST_VERSION)
        for number in range(found + 1, target + 1):
            MIGRATIONS[number - 1](connection)
            connection.execute(f"PRAGMA user_version = {number:d}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return found
