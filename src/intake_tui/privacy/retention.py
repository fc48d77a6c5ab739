"""``privacy.retention_days``, applied gently: in short batches, and stoppable between them.

Retention runs whenever the TUI or ``sync`` starts, and a store that has not run it for a
long time can hold tens of thousands of expired records. Removing them in one transaction
would hold the store's write lock for seconds (every draft save waits behind it) and lose
all of the work if the program is quit meanwhile. So:

1. the ids of the expired records are read (a read never blocks a writer in WAL mode);
2. the local file is rewritten once, without their lines (file first, as forget and purge
   do: if the program stops after this, the records are still in the store and the next
   start finds them again);
3. the store deletes them in batches of at most :data:`BATCH_SIZE`, each its own short
   transaction with its own ``retention`` audit entry. A batch is sized from how long the
   last one took, so that it keeps the write lock about :data:`BATCH_TARGET_S` on a slow
   disk as on a fast one, and is followed by a rest as long, in which waiting saves get
   their turn. A record edited or resubmitted since step 1 is kept. Setting *cancel*
   stops the job between two batches (or during the file rewrite, which then leaves the
   old file); the next start finishes it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

from intake_tui.privacy.forgetting import Removed, _record_id, _record_time_utc, cutoff_for
from intake_tui.sinks.jsonl import JsonlSink, LineFilter
from intake_tui.store.database import Store
from intake_tui.store.rows import utc_sort_key

#: The most records one transaction deletes.
BATCH_SIZE: Final = 500
#: The first batch, before the store's pace is known; and the fewest.
FIRST_BATCH: Final = 50
SMALLEST_BATCH: Final = 10
#: How long one batch should take: a draft save waits for at most about this long.
BATCH_TARGET_S: Final = 0.02

#: Lines of the local file read between two pauses that let other threads run.
_LINES_PER_YIELD: Final = 200

_log: Final = logging.getLogger(__name__)


class _Cancelled(Exception):
    """Raised inside the file rewrite to abandon it (the old file stays as it was)."""


def _line_filter(
    store: Store, expired: frozenset[str], cutoff_utc: str, cancel: threading.Event
) -> LineFilter:
    """Which lines of the local file retention removes.

    A line goes when it is old by its own date (or has none) and its record is expired,
    or is old and its record is no longer in the store at all (an earlier forget or purge
    stopped between the file and the store). A line newer than the cutoff always stays:
    its record was acted on after the expired ids were read.
    """
    in_store: dict[str, bool] = {}
    seen = 0

    def drops_line(raw: bytes, record: dict[str, Any] | None) -> bool:
        nonlocal seen
        seen += 1
        if seen % _LINES_PER_YIELD == 0:
            # Reading a large file is pure Python work: without a pause now and then, the
            # other threads of the process (the TUI's, a draft save) wait for the GIL.
            time.sleep(0)
        if cancel.is_set():
            raise _Cancelled
        record_id = _record_id(record)
        if record is None or record_id is None:
            return False  # a line that cannot be dated is left alone
        moment = _record_time_utc(record)
        if moment is not None and moment >= cutoff_utc:
            return False
        if record_id in expired:
            return True
        if moment is None:
            return False
        if record_id not in in_store:
            in_store[record_id] = bool(store.existing_ids([record_id]))
        return not in_store[record_id]

    return drops_line


def apply_retention(
    store: Store,
    sink: JsonlSink | None,
    *,
    days: int,
    now: datetime,
    actor: str,
    trigger: str,
    cancel: threading.Event | None = None,
    batch_size: int = BATCH_SIZE,
) -> Removed | None:
    """Remove what is older than the retention period; None when it is off or nothing is old.

    Costs one index probe when nothing is old. Returns what was removed, which is only part
    of it when *cancel* was set meanwhile. A file that cannot be rewritten is logged and
    retried on the next start, and the store is then left as it was.
    """
    if days <= 0:
        return None
    cutoff = cutoff_for(days, now)
    expired = store.idle_ids(cutoff)
    if not expired:
        return None
    stop = cancel if cancel is not None else threading.Event()
    details = {
        "cutoff": cutoff.isoformat(timespec="seconds"),
        "retention_days": days,
        "trigger": trigger,
    }
    try:
        lines = 0
        if sink is not None:
            cutoff_utc = utc_sort_key(cutoff.isoformat())
            lines = sink.rewrite(_line_filter(store, frozenset(expired), cutoff_utc, stop))
    except _Cancelled:
        _log.info("retention: stopped before the local file was rewritten")
        return None
    except OSError as error:
        _log.warning("retention: the local file could not be rewritten (%s); retrying later", error)
        return None
    removed = _erase_in_batches(store, expired, cutoff, actor, details, lines, stop, batch_size)
    _log.info(
        "retention: %d records (%d drafts, %d submitted), %d outbox rows, %d file lines removed%s",
        len(removed.record_ids),
        removed.drafts,
        removed.submitted,
        removed.outbox_rows,
        removed.file_lines,
        "; stopped before the end, the next start goes on" if stop.is_set() else "",
    )
    return removed


def next_batch_size(size: int, took_s: float, *, largest: int = BATCH_SIZE) -> int:
    """The size of the next batch after one of *size* records took *took_s* seconds.

    Aimed at :data:`BATCH_TARGET_S`; it at most doubles at a time, so one quick batch (the
    pages it needed happened to be cached) does not make the next one far too long.
    """
    aimed = int(size * BATCH_TARGET_S / max(took_s, 1e-4))
    return max(SMALLEST_BATCH, min(largest, 2 * size, aimed))


def _erase_in_batches(
    store: Store,
    ids: tuple[str, ...],
    cutoff: datetime,
    actor: str,
    details: Mapping[str, Any],
    file_lines: int,
    cancel: threading.Event,
    batch_size: int,
) -> Removed:
    """Delete *ids* from the store, a batch per transaction, until done or cancelled."""
    largest = max(1, batch_size)
    size = min(FIRST_BATCH, largest)
    start = number = 0
    removed: list[str] = []
    drafts = submitted = outbox_rows = 0
    while start < len(ids) and not cancel.is_set():
        batch = ids[start : start + size]
        start += len(batch)
        number += 1
        audited = {**details, "file_lines": file_lines if number == 1 else 0, "batch": number}
        began = time.monotonic()
        erased = store.erase(
            batch,
            action="retention",
            actor=actor,
            details=audited,
            idle_before=cutoff,
            # Folding the log into the file after each batch would keep other writers
            # waiting while it ran; it is copied after each, and emptied after the last.
            fold_log="gently" if start >= len(ids) else "later",
        )
        took = time.monotonic() - began
        size = next_batch_size(len(batch), took, largest=largest)
        # SQLite's locks are not queued: a save that found the lock taken sleeps (up to
        # 25 ms between tries at first) and could keep missing the moment between two
        # batches. A rest as long as the batch gives it that moment, and is where a quit
        # stops the job.
        cancel.wait(max(took, BATCH_TARGET_S))
        removed.extend(erased.record_ids)
        drafts += erased.drafts
        submitted += erased.submitted
        outbox_rows += erased.outbox_rows
    return Removed(tuple(removed), drafts, submitted, outbox_rows, file_lines)
