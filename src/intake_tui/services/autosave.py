"""Saving drafts off the UI thread, in order, the newest snapshot winning.

Every accepted field change is handed to :meth:`DraftSaver.save`, which returns at once;
one background thread writes the newest snapshot of each draft. :meth:`flush` waits until
everything handed over is on disk (before a submit, and at exit).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from intake_tui.store.database import Store
from intake_tui.store.errors import StoreError


@dataclass(frozen=True, slots=True)
class _Snapshot:
    record_id: str
    fields: dict[str, str]
    started_at: str


class DraftSaver:
    """A single writer thread for draft snapshots."""

    def __init__(
        self,
        store: Store,
        operator: str,
        on_error: Callable[[StoreError], None] | None = None,
    ) -> None:
        self._store = store
        self._operator = operator
        self._on_error = on_error
        self._pending: dict[str, _Snapshot] = {}
        self._busy = False
        self._closed = False
        self._condition = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="draft-saver", daemon=True)
        self._thread.start()

    def save(self, record_id: str, fields: Mapping[str, str], started_at: str) -> None:
        """Queue the newest state of a draft; returns at once."""
        with self._condition:
            self._pending[record_id] = _Snapshot(record_id, dict(fields), started_at)
            self._condition.notify_all()

    def forget(self, record_id: str) -> None:
        """Drop a queued snapshot that must not be written (the draft was submitted)."""
        with self._condition:
            self._pending.pop(record_id, None)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued snapshot is written; False on timeout."""
        with self._condition:
            return self._condition.wait_for(
                lambda: not self._pending and not self._busy, timeout=timeout
            )

    def close(self) -> None:
        """Write what is queued, then stop the thread."""
        self.flush()
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending or self._closed)
                if self._closed and not self._pending:
                    return
                record_id = next(iter(self._pending))
                snapshot = self._pending.pop(record_id)
                self._busy = True
            try:
                self._store.save_draft(
                    snapshot.record_id,
                    snapshot.fields,
                    operator=self._operator,
                    started_at=snapshot.started_at,
                )
            except StoreError as error:
                if self._on_error is not None:
                    self._on_error(error)
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()
