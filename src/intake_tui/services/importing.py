"""Importing records: read, normalise, and store in bounded batches, exactly once.

Rows are stored in batches (one transaction, one append and fsync of the local file per
batch), so memory stays flat however long the file is. A row without an ``id`` gets one
derived from its content (:mod:`intake_tui.record.content_id`), so the same file
imported again, or again after a crash mid-way, stores nothing twice. Within one file,
an exact repeat of an earlier row is reported and stored once; the same id and revision
with other content is a conflict, as it is against a record already stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from intake_tui.i18n import Message, message
from intake_tui.record import content_id
from intake_tui.record.normalise import Filling, normalise
from intake_tui.services.reading import BadInput, InputRecord
from intake_tui.services.submission import Submitter
from intake_tui.store.admission import Admission, Candidate

#: Rows per transaction: large enough that the disk syncs do not dominate, small enough
#: that memory stays flat and a crash loses (and a re-run redoes) little.
BATCH_SIZE = 500


@dataclass(frozen=True, slots=True)
class LineIssue:
    """Something to report about one input line; *field* is a dotted path or ``-``."""

    line: int
    field: str
    message: Message
    #: True for an invalid row or a conflict (exit 1); False for a notice (a repeat).
    failed: bool = True


@dataclass
class Tally:
    """What an import did, row by row."""

    stored: int = 0
    already: int = 0
    repeated: int = 0
    conflicts: int = 0
    invalid: int = 0

    @property
    def failed(self) -> bool:
        """Whether any row was invalid or in conflict (the command exits 1)."""
        return bool(self.invalid or self.conflicts)


@dataclass(frozen=True, slots=True)
class _Seen:
    """An earlier row of this file with an id: where, at which revision, with what content."""

    line: int
    revision: int
    digest: bytes


@dataclass
class _Pending:
    line: int
    candidate: Candidate


@dataclass
class Importer:
    """Imports rows through a :class:`Submitter`, reporting each problem as it is found."""

    submitter: Submitter
    filling: Filling
    report: Callable[[LineIssue], None]
    allow_newer: bool = False
    batch_size: int = BATCH_SIZE
    tally: Tally = field(default_factory=Tally)
    _seen: dict[str, _Seen] = field(default_factory=dict)
    _batch: list[_Pending] = field(default_factory=list)

    def run(self, items: Iterable[InputRecord | BadInput]) -> Tally:
        """Import every row of *items*; the batches are stored as they fill."""
        for item in items:
            if isinstance(item, BadInput):
                self._invalid(LineIssue(item.line, "-", item.message))
            else:
                self._take(item)
            if len(self._batch) >= self.batch_size:
                self._store_batch()
        self._store_batch()
        return self.tally

    def _invalid(self, issue: LineIssue) -> None:
        self.tally.invalid += 1
        self.report(issue)

    def _take(self, item: InputRecord) -> None:
        outcome = normalise(item.value, self.filling)
        if not outcome.ok or outcome.inquiry is None:
            self.tally.invalid += 1
            for issue in outcome.errors:
                self.report(LineIssue(item.line, issue.field or "-", issue.message))
            return
        assert isinstance(item.value, Mapping)
        document = outcome.inquiry.document()
        given = content_id.given_metadata(item.value)
        canonical = content_id.canonical(document, given)
        if content_id.is_blank_id(item.value):
            document["id"] = content_id.derived_id(canonical)
        record_id, revision = str(document["id"]), int(document["revision"])
        digest = content_id.digest(canonical)
        earlier = self._seen.get(record_id)
        if earlier is not None and earlier.revision == revision:
            if earlier.digest == digest:
                self.tally.repeated += 1
                self.report(
                    LineIssue(
                        item.line, "-", message("cli.import.repeat", first=earlier.line), False
                    )
                )
            else:
                self.tally.conflicts += 1
                self.report(
                    LineIssue(
                        item.line,
                        "id",
                        message(
                            "cli.import.conflict_in_file",
                            id=record_id,
                            revision=revision,
                            first=earlier.line,
                        ),
                    )
                )
            return
        self._seen[record_id] = _Seen(item.line, revision, digest)
        candidate = Candidate(document, _same_content(canonical, given))
        self._batch.append(_Pending(item.line, candidate))

    def _store_batch(self) -> None:
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        verdicts = self.submitter.submit_checked(
            [pending.candidate for pending in batch], allow_newer=self.allow_newer
        )
        for pending, verdict in zip(batch, verdicts, strict=True):
            self._count(pending, verdict)

    def _count(self, pending: _Pending, verdict: Admission) -> None:
        record = pending.candidate.record
        if verdict == "stored":
            self.tally.stored += 1
        elif verdict == "already":
            self.tally.already += 1
        else:
            self.tally.conflicts += 1
            conflict = verdict == "conflict"
            key = "cli.import.conflict" if conflict else "cli.import.newer"
            text = message(key, id=record["id"], revision=record["revision"])
            self.report(LineIssue(pending.line, "id" if conflict else "revision", text))


def _same_content(canonical: bytes, given: frozenset[str]) -> Callable[[Mapping[str, Any]], bool]:
    """Whether a stored record says what this row says (the metadata the row gives included)."""

    def same(stored: Mapping[str, Any]) -> bool:
        return content_id.canonical(stored, given) == canonical

    return same
