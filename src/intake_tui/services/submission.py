"""Submitting a record: the store, the outbox and the local file, in an order that loses nothing.

The store transaction comes first (the record and one outbox row per destination). The
local file is itself an outbox destination: it is appended and fsync'd at once, and its
row marked delivered; if the process dies in between, :meth:`Submitter.flush_file_backlog`
appends it on the next start (searching the whole file by id first, under the file's lock,
so a line is never doubled, however many lines other writers appended meanwhile).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from intake_tui.sinks.jsonl import JsonlSink
from intake_tui.store.admission import Admission, Candidate
from intake_tui.store.database import Store

if TYPE_CHECKING:
    from intake_tui.record.model import Inquiry

BACKEND = "backend"
FILE = "file"


@dataclass
class Submitter:
    """Submits normalised records into the store, the outbox and the local file."""

    store: Store
    sink: JsonlSink | None
    actor: str

    def destinations(self) -> list[str]:
        """Where a submitted record goes. The backend row is queued even while offline,
        so records captured offline are sent once a backend is configured."""
        return [BACKEND, FILE] if self.sink is not None else [BACKEND]

    def submit(self, inquiry: Inquiry) -> bool:
        """Store and queue *inquiry*; False when this id and revision were already submitted."""
        document = inquiry.document()
        created = self.store.submit(document, destinations=self.destinations(), actor=self.actor)
        if created and self.sink is not None:
            self.sink.append(document)
            self.store.set_outbox_status(document["id"], document["revision"], FILE, "delivered")
        return created

    def submit_checked(
        self, candidates: Sequence[Candidate], *, allow_newer: bool
    ) -> list[Admission]:
        """Store a batch of imported records (one transaction), then file the stored ones.

        The local file gets the batch in one append with one fsync; its outbox rows are
        marked delivered together afterwards (a crash in between is the file backlog).
        """
        verdicts = self.store.submit_checked(
            candidates, destinations=self.destinations(), actor=self.actor, allow_newer=allow_newer
        )
        stored = [c.record for c, v in zip(candidates, verdicts, strict=True) if v == "stored"]
        if stored and self.sink is not None:
            self.sink.append_many(stored)
            keys = [(str(record["id"]), int(record["revision"])) for record in stored]
            self.store.set_outbox_status_many(keys, FILE, "delivered")
        return verdicts

    def flush_file_backlog(self) -> int:
        """Append records whose file delivery was interrupted; returns how many were written."""
        if self.sink is None:
            return 0
        backlog: list[tuple[tuple[str, int], Mapping[str, Any]]] = []
        for entry in self.store.outbox_entries(destination=FILE, status="pending"):
            stored = self.store.get(entry.record_id)
            if stored is None or stored.revision != entry.revision:
                continue
            backlog.append(((entry.record_id, entry.revision), stored.record))
        if not backlog:
            return 0
        written = self.sink.append_missing_many([record for _, record in backlog])
        self.store.set_outbox_status_many([key for key, _ in backlog], FILE, "delivered")
        return written
