"""The local store: one SQLite file with drafts, submitted inquiries, outbox and audit log.

Every write is one short ``BEGIN IMMEDIATE`` transaction, so the TUI and a CLI command
can use the same file at once: the second writer waits (up to the busy timeout) instead
of failing. See :mod:`intake_tui.store.connection` for durability settings.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

from intake_tui.store import admission, audit, duplicates, erasure, outbox
from intake_tui.store.connection import open_connection
from intake_tui.store.erasure import Erasure
from intake_tui.store.errors import translating
from intake_tui.store.keys import mobile_key
from intake_tui.store.models import (
    STATUSES,
    AuditEntry,
    Draft,
    DuplicateMatch,
    OutboxEntry,
    OutboxStatus,
    StoredInquiry,
)
from intake_tui.store.rows import (
    INSERT_INQUIRY,
    UPDATE_INQUIRY,
    draft_from_row,
    draft_row,
    inquiry_from_row,
    submitted_row,
    utc_sort_key,
)
from intake_tui.store.search import prefix_condition, search_condition

Clock = Callable[[], datetime]

# `list` is a method of Store; these keep the built-in usable in its annotations.
Inquiries = list[StoredInquiry]
Drafts = list[Draft]
Matches = list[DuplicateMatch]
OutboxEntries = list[OutboxEntry]
Claims = list[outbox.Claim]
AuditEntries = list[AuditEntry]
Outcomes = list[bool]
FoldLog = Literal["wait", "gently", "later"]


def _local_now() -> datetime:
    """The current time with the local offset."""
    return datetime.now().astimezone()


def _changed_fields(old: Mapping[str, Any], new: Mapping[str, str]) -> list[str]:
    """Dotted paths whose text differs between two versions of a draft."""
    return sorted(
        path for path in old.keys() | new.keys() if old.get(path, "") != new.get(path, "")
    )


class Store:
    """The inquiry store on one SQLite file; open with :meth:`Store.open`."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path, now: Clock, secrets: Iterable[str] = ()
    ) -> None:
        self._db = connection
        self._path = path
        self._now = now
        # One connection shared by the TUI's worker threads: the lock keeps each
        # method's statements (and its transaction) together.
        self._lock = threading.RLock()
        # Values (the bearer token) that no stored error or audit line may contain.
        self._secrets: set[str] = set()
        for secret in secrets:
            self.protect(secret)

    @classmethod
    def open(cls, path: Path, *, now: Clock | None = None, secrets: Iterable[str] = ()) -> Store:
        """Open (creating or upgrading) the store file at *path*; raises StoreError.

        *secrets* (the configured token's value) are redacted from everything the store
        writes on a server's behalf: outbox errors and audit details.
        """
        path = Path(path).expanduser()
        connection = open_connection(path)
        return cls(connection, path, now or _local_now, secrets)

    def protect(self, secret: str | None) -> None:
        """Never write *secret* into an outbox error or an audit line of this store."""
        if secret and secret.strip():
            with self._lock:
                self._secrets.add(secret.strip())

    @property
    def path(self) -> Path:
        """The store file."""
        return self._path

    def close(self) -> None:
        """Close the file; the store cannot be used afterwards."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------

    def _timestamp(self) -> str:
        """Now as RFC 3339 with offset, to the second."""
        return self._now().isoformat(timespec="seconds")

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for statements that only read."""
        with self._lock, translating(self._path):
            yield self._db

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """The connection inside a write transaction, committed on success."""
        with self._lock, translating(self._path):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                # A failed COMMIT (disk full) can leave the transaction open; end it so
                # the next write starts clean.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _log_many(self, db: sqlite3.Connection, actor: str, lines: Sequence[audit.Line]) -> None:
        """Append many (action, record id, details) lines in the caller's transaction."""
        audit.append(db, self._timestamp(), actor, lines, secrets=self._secrets)

    def _log(
        self,
        db: sqlite3.Connection,
        action: str,
        actor: str,
        record_id: str | None,
        details: Mapping[str, Any],
    ) -> None:
        """Append to the audit log inside the caller's transaction."""
        audit.append(
            db, self._timestamp(), actor, [(action, record_id, details)], secrets=self._secrets
        )

    # -- drafts -----------------------------------------------------------------

    def save_draft(
        self, record_id: str, fields: Mapping[str, str], *, operator: str, started_at: str
    ) -> bool:
        """Create or update a draft; False (nothing written) when the id is already submitted.

        Audits ``created`` the first time and ``edited`` (with the changed field paths,
        never their values) when a later save changes something.
        """
        row = draft_row(
            record_id, fields, operator=operator, started_at=started_at, now=self._timestamp()
        )
        with self._writing() as db:
            existing = db.execute(
                "SELECT status, record FROM inquiries WHERE id = ?", (record_id,)
            ).fetchone()
            if existing is None:
                db.execute(INSERT_INQUIRY, row)
                filled = sorted(path for path, text in fields.items() if text)
                self._log(db, "created", operator, record_id, {"fields": filled})
                return True
            if existing["status"] != "draft":
                return False
            old_fields = json.loads(existing["record"]).get("fields", {})
            changed = _changed_fields(old_fields, fields)
            if changed:
                db.execute(UPDATE_INQUIRY, row)
                self._log(db, "edited", operator, record_id, {"fields": changed})
            return True

    def get_draft(self, record_id: str) -> Draft | None:
        """The draft with this id, or None (also when the id is submitted)."""
        with self._reading() as db:
            row = db.execute(
                "SELECT * FROM inquiries WHERE id = ? AND status = 'draft'", (record_id,)
            ).fetchone()
        return None if row is None else draft_from_row(row)

    def list_drafts(self) -> Drafts:
        """Every draft, newest first (calls to resume after a crash or a break)."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT * FROM inquiries WHERE status = 'draft' "
                "ORDER BY created_utc DESC, rowid DESC"
            ).fetchall()
        return [draft_from_row(row) for row in rows]

    def discard_draft(self, record_id: str, *, actor: str) -> bool:
        """Delete a draft (never a submitted inquiry); True when one was deleted."""
        with self._writing() as db:
            cursor = db.execute(
                "DELETE FROM inquiries WHERE id = ? AND status = 'draft'", (record_id,)
            )
            if cursor.rowcount == 0:
                return False
            self._log(db, "deleted", actor, record_id, {"status": "draft"})
            return True

    # -- submitted inquiries ----------------------------------------------------

    def submit(self, record: Mapping[str, Any], *, destinations: Sequence[str], actor: str) -> bool:
        """Store a normalised record as submitted and queue it for each destination.

        One transaction: a draft with the same id becomes submitted. Returns False and
        changes nothing when this id is already submitted at this revision or a later one.
        """
        return self.submit_many([record], destinations=destinations, actor=actor)[0]

    def submit_many(
        self, records: Sequence[Mapping[str, Any]], *, destinations: Sequence[str], actor: str
    ) -> Outcomes:
        """:meth:`submit` for many records in one transaction (one disk sync for an import)."""
        now = self._timestamp()
        targets = list(dict.fromkeys(destinations))
        stored: Outcomes = []
        with self._writing() as db:
            for record in records:
                stored.append(self._submit_one(db, record, targets, actor, now))
        return stored

    def submit_checked(
        self,
        candidates: Sequence[admission.Candidate],
        *,
        destinations: Sequence[str],
        actor: str,
        allow_newer: bool,
    ) -> list[admission.Admission]:
        """:meth:`submit_many` for an import: each record stored only when admitted.

        One transaction. A record already stored at its revision is "already" only when
        its content is the same, else a "conflict"; a higher revision is stored only when
        *allow_newer*. See :mod:`intake_tui.store.admission`.
        """
        now = self._timestamp()
        targets = list(dict.fromkeys(destinations))
        verdicts: list[admission.Admission] = []
        with self._writing() as db:
            for candidate in candidates:
                found = admission.verdict(db, candidate, allow_newer=allow_newer)
                if found is None:
                    stored = self._submit_one(db, candidate.record, targets, actor, now)
                    found = "stored" if stored else "already"
                verdicts.append(found)
        return verdicts

    def _submit_one(
        self,
        db: sqlite3.Connection,
        record: Mapping[str, Any],
        destinations: Sequence[str],
        actor: str,
        now: str,
    ) -> bool:
        """Insert or upgrade one submitted row with its outbox rows and audit line."""
        row = submitted_row(record, now=now)
        existing = db.execute(
            "SELECT status, revision, created_at FROM inquiries WHERE id = ?", (row["id"],)
        ).fetchone()
        if existing is None:
            db.execute(INSERT_INQUIRY, row)
        elif existing["status"] == "submitted" and existing["revision"] >= row["revision"]:
            return False
        else:
            if not record.get("created_at"):
                # The call started when the draft did, not when it was submitted.
                row["created_at"] = existing["created_at"]
                row["created_utc"] = utc_sort_key(existing["created_at"])
            db.execute(UPDATE_INQUIRY, row)
        outbox.add(db, row["id"], row["revision"], destinations, now)
        details = {"revision": row["revision"], "destinations": list(destinations)}
        self._log(db, "submitted", actor, row["id"], details)
        return True

    def resubmit_corrected(
        self, record: Mapping[str, Any], *, destinations: Sequence[str], actor: str
    ) -> int | None:
        """Store a corrected record as the next revision of a rejected one and queue it again.

        One transaction: only when the stored revision has a rejected outbox row does the
        record become revision + 1 (whatever revision and creation time *record* carries)
        with a new pending row per destination; the rejected row stays as it was. Returns
        the new revision, or None (nothing written) when the record is unknown, a draft, or
        not rejected.
        """
        record_id = str(record.get("id", ""))
        now = self._timestamp()
        with self._writing() as db:
            existing = db.execute(
                "SELECT status, revision, created_at FROM inquiries WHERE id = ?", (record_id,)
            ).fetchone()
            if existing is None or existing["status"] != "submitted":
                return None
            rejected = db.execute(
                "SELECT 1 FROM outbox WHERE record_id = ? AND revision = ? AND status = 'rejected'",
                (record_id, existing["revision"]),
            ).fetchone()
            if rejected is None:
                return None
            revision = int(existing["revision"]) + 1
            # A correction does not move the call in time: it keeps its place in lists.
            document = {**record, "revision": revision, "created_at": existing["created_at"]}
            db.execute(UPDATE_INQUIRY, submitted_row(document, now=now))
            targets = list(dict.fromkeys(destinations))
            outbox.add(db, record_id, revision, targets, now)
            details = {"revision": revision, "corrects": revision - 1, "destinations": targets}
            self._log(db, "resubmitted", actor, record_id, details)
            return revision

    def current_revisions(self, record_ids: Sequence[str]) -> dict[str, int]:
        """The stored revision of each of *record_ids* that exists (to tell corrected ones)."""
        ids = list(dict.fromkeys(record_ids))
        found: dict[str, int] = {}
        with self._reading() as db:
            # In slices: SQLite limits the number of bound parameters of one statement.
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                marks = ", ".join("?" for _ in part)
                rows = db.execute(
                    f"SELECT id, revision FROM inquiries WHERE id IN ({marks})", part
                ).fetchall()
                found.update((row["id"], int(row["revision"])) for row in rows)
        return found

    def get(self, record_id: str) -> StoredInquiry | None:
        """The inquiry (submitted or draft) with this id, or None."""
        with self._reading() as db:
            row = db.execute("SELECT * FROM inquiries WHERE id = ?", (record_id,)).fetchone()
        return None if row is None else inquiry_from_row(row)

    def find_by_id_prefix(self, prefix: str, *, limit: int = 10) -> Inquiries:
        """Inquiries whose id starts with *prefix* (as typed to ``show``), in id order."""
        prefix = prefix.strip()
        if not prefix:
            return []
        params: list[Any] = []
        condition = prefix_condition("id", prefix, params)
        with self._reading() as db:
            rows = db.execute(
                f"SELECT * FROM inquiries WHERE {condition} ORDER BY id LIMIT ?", [*params, limit]
            ).fetchall()
        return [inquiry_from_row(row) for row in rows]

    def list(
        self,
        *,
        status: str | None = None,
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Inquiries:
        """Inquiries newest first, optionally of one status and matching the search text."""
        condition, params = search_condition(search or "")
        if status is not None:
            self._check_status(status)
            condition += " AND status = ?"
            params.append(status)
        with self._reading() as db:
            rows = db.execute(
                f"SELECT * FROM inquiries WHERE {condition} "
                "ORDER BY created_utc DESC, rowid DESC LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        return [inquiry_from_row(row) for row in rows]

    def count(self, *, status: str | None = None) -> int:
        """How many inquiries there are (of one status)."""
        with self._reading() as db:
            if status is None:
                row = db.execute("SELECT count(*) FROM inquiries").fetchone()
            else:
                self._check_status(status)
                row = db.execute(
                    "SELECT count(*) FROM inquiries WHERE status = ?", (status,)
                ).fetchone()
        return int(row[0])

    @staticmethod
    def _check_status(status: str) -> None:
        """Refuse a status that no row can have (a typo would silently list nothing)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; expected one of {STATUSES}")

    def find_duplicates(
        self,
        *,
        mobile: str | None = None,
        company: str | None = None,
        exclude_id: str | None = None,
        limit: int = 5,
    ) -> Matches:
        """Earlier drafts or inquiries with this mobile, company, or initials prefix (``shbg``)."""
        with self._reading() as db:
            return duplicates.find_duplicates(
                db, mobile=mobile, company=company, exclude_id=exclude_id, limit=limit
            )

    # -- outbox -----------------------------------------------------------------

    def outbox_entries(
        self,
        record_id: str | None = None,
        *,
        destination: str | None = None,
        status: str | None = None,
    ) -> OutboxEntries:
        """Outbox rows, optionally only those of one record, destination and/or status."""
        with self._reading() as db:
            return outbox.entries(db, record_id=record_id, destination=destination, status=status)

    def outbox_counts(self) -> dict[str, int]:
        """Number of outbox rows per status, every status included."""
        with self._reading() as db:
            return outbox.counts(db)

    def claim_outbox(
        self, destination: str, *, limit: int = 10, lease: timedelta = outbox.DEFAULT_LEASE
    ) -> OutboxEntries:
        """Reserve due rows of *destination* for sending (status ``sending``) and return them."""
        with self._writing() as db:
            return outbox.claim(db, destination, now=self._now(), limit=limit, lease=lease)

    def set_outbox_status(
        self,
        record_id: str,
        revision: int,
        destination: str,
        status: OutboxStatus,
        *,
        next_attempt_at: str | None = None,
        last_error: str | None = None,
        remote_ref: str | None = None,
    ) -> bool:
        """Record a delivery outcome for one outbox row; False when the row does not exist."""
        with self._writing() as db:
            return outbox.update(
                db,
                record_id,
                revision,
                destination,
                status=status,
                now=self._timestamp(),
                next_attempt_at=next_attempt_at,
                last_error=last_error,
                remote_ref=remote_ref,
                secrets=self._secrets,
            )

    def set_outbox_status_many(
        self, keys: Sequence[tuple[str, int]], destination: str, status: OutboxStatus
    ) -> None:
        """:meth:`set_outbox_status` for many (record id, revision) rows in one transaction."""
        now = self._timestamp()
        with self._writing() as db:
            for record_id, revision in keys:
                outbox.update(
                    db,
                    record_id,
                    revision,
                    destination,
                    status=status,
                    now=now,
                    next_attempt_at=None,
                    last_error=None,
                    remote_ref=None,
                    secrets=self._secrets,
                )

    def claim_outbox_batch(
        self, destination: str, *, limit: int, lease: timedelta, actor: str
    ) -> Claims:
        """Reserve due rows for sending, audited as ``outbox.sending``, with their records.

        One transaction for the whole batch, and without a disk sync of its own (see
        :func:`outbox.unsynced`): a sender pays one disk sync per batch, at its outcomes.
        """
        with self._reading() as connection, outbox.unsynced(connection), self._writing() as db:
            entries = outbox.claim(db, destination, now=self._now(), limit=limit, lease=lease)
            if not entries:
                return []
            self._log_many(
                db,
                actor,
                [
                    (
                        "outbox.sending",
                        entry.record_id,
                        audit.outbox_details(entry, {"attempt": entry.attempts}),
                    )
                    for entry in entries
                ],
            )
            return outbox.with_records(db, entries)

    def finish_outbox(self, transitions: Sequence[outbox.Transition], *, actor: str) -> Outcomes:
        """Record the outcomes of claimed rows in one transaction, each with its audit line.

        An outcome whose claim was lost (the lease ran out and another sender took the row)
        changes nothing; it is audited as ``outbox.outcome_ignored``. Returns which applied.
        """
        now = self._timestamp()
        lines: list[tuple[str, str, Mapping[str, Any]]] = []
        with self._writing() as db:
            applied = outbox.finish(db, transitions, now=now, secrets=self._secrets)
            for transition, done in zip(transitions, applied, strict=True):
                action = f"outbox.{transition.status}" if done else "outbox.outcome_ignored"
                details = audit.outbox_details(transition.entry, transition.details)
                lines.append((action, transition.entry.record_id, details))
            self._log_many(db, actor, lines)
        return applied

    def release_outbox_claims(
        self, destination: str, *, actor: str, last_error: str, details: Mapping[str, Any]
    ) -> OutboxEntries:
        """Make rows left ``sending`` by a sender that is gone due again, audited as waiting."""
        now = self._timestamp()
        with self._writing() as db:
            released = outbox.release_claims(
                db, destination, now=now, last_error=last_error, secrets=self._secrets
            )
            self._log_many(
                db,
                actor,
                [
                    ("outbox.waiting", entry.record_id, audit.outbox_details(entry, details))
                    for entry in released
                ],
            )
        return released

    def outbox_open_summary(self, destination: str) -> tuple[int, str | None]:
        """Rows of *destination* still to send, and when the first is due (UTC; "" = now)."""
        with self._reading() as db:
            return outbox.open_summary(db, destination)

    # -- audit and health -------------------------------------------------------

    def audit(
        self,
        action: str,
        *,
        actor: str,
        record_id: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """Append an audit entry (e.g. ``exported``); mobile numbers in details are masked."""
        with self._writing() as db:
            self._log(db, action, actor, record_id, details or {})

    def audit_entries(self, record_id: str | None = None) -> AuditEntries:
        """The audit log in order, optionally only the entries about one record."""
        with self._reading() as db:
            return audit.entries(db, record_id)

    def quick_check(self) -> str:
        """SQLite's quicker check of every page (not of index contents): ``ok`` or problems."""
        return self._check("quick_check")

    def integrity_check(self) -> str:
        """SQLite's own consistency check of the file: ``ok`` or the problems found."""
        return self._check("integrity_check")

    def _check(self, pragma: str) -> str:
        with self._reading() as db:
            rows = db.execute(f"PRAGMA {pragma}").fetchall()
        return "\n".join(str(row[0]) for row in rows)

    # -- erasure (privacy) ------------------------------------------------------

    def with_mobile(self, mobile: str) -> Inquiries:
        """Drafts and inquiries holding this mobile (any spelling: +86, spaces), newest first."""
        key = mobile_key(mobile)
        if not key:
            return []
        with self._reading() as db:
            return [inquiry_from_row(row) for row in erasure.rows_with_mobile(db, key)]

    def idle_since(self, cutoff: datetime) -> Inquiries:
        """Inquiries submitted, and drafts last edited, before *cutoff*; oldest first."""
        with self._reading() as db:
            rows = erasure.rows_idle_since(db, utc_sort_key(cutoff.isoformat()))
        return [inquiry_from_row(row) for row in rows]

    def idle_ids(self, cutoff: datetime) -> tuple[str, ...]:
        """The ids of what :meth:`idle_since` returns, without loading the records."""
        with self._reading() as db:
            return tuple(erasure.idle_ids(db, utc_sort_key(cutoff.isoformat())))

    def existing_ids(self, record_ids: Sequence[str]) -> set[str]:
        """Those of *record_ids* that are stored."""
        with self._reading() as db:
            return erasure.existing_ids(db, record_ids)

    def erase(
        self,
        record_ids: Sequence[str],
        *,
        action: str,
        actor: str,
        details: Mapping[str, Any],
        idle_before: datetime | None = None,
        fold_log: FoldLog = "wait",
    ) -> Erasure:
        """Delete records with their outbox rows for good, audited as *action* in one transaction.

        The audit entry holds the ids and the counts plus *details*, which must not hold
        personal data (mobile-like numbers are masked anyway). An empty *record_ids* still
        writes the entry: a request that found nothing was still answered. With
        *idle_before*, only records still idle since then go (see :func:`erasure.still_idle`).
        *fold_log* says how the write-ahead log is then folded into the file: ``wait`` for
        readers to finish, ``gently`` (see :func:`erasure.checkpoint`), or ``later`` (only
        copied, by one of a series of erasures).
        """
        with self._lock:
            erasure.enable_secure_delete(self._db)
        with self._writing() as db:
            if idle_before is not None:
                cutoff_utc = utc_sort_key(idle_before.isoformat())
                record_ids = erasure.still_idle(db, record_ids, cutoff_utc)
            erased = erasure.erase(db, record_ids)
            audited = {
                **details,
                "records": len(erased.record_ids),
                "record_ids": list(erased.record_ids),
                "drafts": erased.drafts,
                "submitted": erased.submitted,
                "outbox_rows": erased.outbox_rows,
            }
            self._log(db, action, actor, None, audited)
        with self._reading() as db:
            if fold_log == "later":
                erasure.copy_log(db)
            else:
                erasure.checkpoint(db, wait=fold_log == "wait")
        return erased
