"""Retention on a large old store: short batches, saves beside it, stopped and finished later."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from intake_tui.privacy.forgetting import Removed
from intake_tui.privacy.retention import BATCH_SIZE, FIRST_BATCH, apply_retention
from intake_tui.sinks.jsonl import JsonlSink
from intake_tui.store import Store
from tests.helpers import FIXED_NOW
from tests.privacy.expired import LONG_AGO, fill, still_stored

#: The issue's bound: no draft save waits longer than this behind retention.
SAVE_WAIT_BOUND_S = 0.1
DRAFT_ID = "d0d0d0d0-0000-4000-8000-000000000001"


def _paths(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "intake.sqlite3", tmp_path / "inquiries.jsonl"


def _retain(store: Store, jsonl: Path, cancel: threading.Event | None = None) -> Removed | None:
    return apply_retention(
        store,
        JsonlSink(jsonl),
        days=365,
        now=FIXED_NOW,
        actor="op-07",
        trigger="tui",
        cancel=cancel,
    )


def _file_ids(jsonl: Path) -> set[str]:
    return {record["id"] for record in JsonlSink(jsonl).records()}


def _retention_entries(store_path: Path) -> list[dict[str, object]]:
    with Store.open(store_path) as store:
        return [e.details for e in store.audit_entries() if e.action == "retention"]


class _Transactions:
    """Records, from a connection's statement trace, how long each write transaction took."""

    def __init__(self) -> None:
        self.began: float | None = None
        self.held: list[float] = []
        self.on_begin: list[int] = []

    def __call__(self, statement: str) -> None:
        if statement.startswith("BEGIN IMMEDIATE"):
            self.began = time.perf_counter()
            self.on_begin.append(len(self.held))
        elif statement.startswith("COMMIT") and self.began is not None:
            self.held.append(time.perf_counter() - self.began)
            self.began = None


def test_thirty_thousand_expired_records_go_in_short_batches_while_drafts_are_saved(
    tmp_path: Path,
) -> None:
    store_path, jsonl = _paths(tmp_path)
    expired, recent = fill(store_path, jsonl, expired=30_000, recent=20)
    transactions = _Transactions()
    outcome: list[Removed | None] = []

    def retain() -> None:
        with Store.open(store_path, now=lambda: FIXED_NOW) as store:
            store._db.set_trace_callback(transactions)
            outcome.append(_retain(store, jsonl))

    waits: list[float] = []
    with Store.open(store_path, now=lambda: FIXED_NOW) as desk:
        worker = threading.Thread(target=retain)
        worker.start()
        while worker.is_alive():
            started = time.perf_counter()
            fields = {"company.name": f"苏州第{len(waits)}机械有限公司"}
            desk.save_draft(DRAFT_ID, fields, operator="op-07", started_at=FIXED_NOW.isoformat())
            waits.append(time.perf_counter() - started)
            # An operator's field, not a tight loop that would leave retention no turn.
            time.sleep(0.01)
        worker.join()

    [removed] = outcome
    assert removed is not None and len(removed.record_ids) == 30_000
    assert removed.file_lines == 30_000
    entries = _retention_entries(store_path)
    # One transaction per batch, each audited on its own and none larger than BATCH_SIZE.
    assert [e["batch"] for e in entries] == list(range(1, len(entries) + 1))
    assert len(transactions.held) == len(entries) >= 30_000 // BATCH_SIZE
    assert all(int(str(e["records"])) <= BATCH_SIZE for e in entries)
    assert sum(int(str(e["records"])) for e in entries) == 30_000
    # The operator's saves went on meanwhile, none waiting longer than the issue allows.
    assert len(waits) > len(entries), "drafts were saved while retention ran"
    assert max(waits) < SAVE_WAIT_BOUND_S, f"longest save wait {max(waits):.3f} s"
    print(
        f"\nsaves during retention: {len(waits)}, longest wait {max(waits) * 1e3:.1f} ms; "
        f"write transactions: {len(transactions.held)}, "
        f"longest held {max(transactions.held) * 1e3:.1f} ms"
    )
    assert still_stored(store_path, expired) == 0
    assert still_stored(store_path, [*recent, DRAFT_ID]) == len(recent) + 1
    assert _file_ids(jsonl) == set(recent)
    with Store.open(store_path) as store:
        assert store.integrity_check() == "ok"


def test_a_stopped_retention_keeps_its_batches_and_the_next_start_finishes_it(
    tmp_path: Path,
) -> None:
    store_path, jsonl = _paths(tmp_path)
    expired, recent = fill(store_path, jsonl, expired=3 * FIRST_BATCH, recent=5)
    stop = threading.Event()

    def stop_after_the_first_batch(statement: str) -> None:
        if statement.startswith("COMMIT"):
            stop.set()  # as the TUI does on quit: the batch being written still ends

    with Store.open(store_path, now=lambda: FIXED_NOW) as store:
        store._db.set_trace_callback(stop_after_the_first_batch)
        removed = _retain(store, jsonl, stop)
    assert removed is not None and len(removed.record_ids) == FIRST_BATCH
    # The file went first: none of the expired lines is left in it.
    assert _file_ids(jsonl) == set(recent)
    assert still_stored(store_path, expired) == 2 * FIRST_BATCH
    with Store.open(store_path) as store:
        assert store.integrity_check() == "ok"

    inode = jsonl.stat().st_ino
    with Store.open(store_path, now=lambda: FIXED_NOW) as store:
        finished = _retain(store, jsonl)
    assert finished is not None and len(finished.record_ids) == 2 * FIRST_BATCH
    assert finished.file_lines == 0 and jsonl.stat().st_ino == inode
    assert still_stored(store_path, expired) == 0
    assert still_stored(store_path, recent) == len(recent)
    assert sum(int(str(e["records"])) for e in _retention_entries(store_path)) == 3 * FIRST_BATCH


def test_a_retention_stopped_during_the_file_rewrite_changes_nothing(tmp_path: Path) -> None:
    store_path, jsonl = _paths(tmp_path)
    expired, _ = fill(store_path, jsonl, expired=50, recent=5)
    before = jsonl.read_bytes()
    stop = threading.Event()
    stop.set()
    with Store.open(store_path, now=lambda: FIXED_NOW) as store:
        assert _retain(store, jsonl, stop) is None
    assert jsonl.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert still_stored(store_path, expired) == 50
    assert _retention_entries(store_path) == []


def test_a_draft_edited_while_retention_runs_is_kept(tmp_path: Path) -> None:
    store_path, jsonl = _paths(tmp_path)
    expired, _ = fill(store_path, jsonl, expired=2 * FIRST_BATCH, recent=0)
    # An old draft, found expired with the rest, lands in the second batch.
    late = LONG_AGO.replace(hour=23)
    with Store.open(store_path, now=lambda: late) as old_desk:
        old_desk.save_draft(
            DRAFT_ID, {"company.name": "旧草稿"}, operator="op-07", started_at=late.isoformat()
        )
    transactions = _Transactions()

    def operator_resumes_the_draft(statement: str) -> None:
        transactions(statement)
        if statement.startswith("BEGIN IMMEDIATE") and transactions.on_begin == [0, 1]:
            # Between the first and the second batch, the operator edits the old draft.
            with Store.open(store_path, now=lambda: FIXED_NOW) as desk:
                fields = {"company.name": "旧草稿", "contact.name": "王先生"}
                desk.save_draft(DRAFT_ID, fields, operator="op-07", started_at=late.isoformat())

    with Store.open(store_path, now=lambda: FIXED_NOW) as store:
        store._db.set_trace_callback(operator_resumes_the_draft)
        removed = _retain(store, jsonl)
    assert removed is not None and DRAFT_ID not in removed.record_ids
    assert len(removed.record_ids) == len(expired)
    with Store.open(store_path) as store:
        draft = store.get_draft(DRAFT_ID)
    assert draft is not None and draft.fields["contact.name"] == "王先生"
