"""The local file's backlog after a crash between a batch append and its "delivered" mark."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from intake_tui.services.submission import FILE, Submitter
from intake_tui.sinks.jsonl import JsonlSink, encode
from intake_tui.store import Store
from tests.store.factories import make_record


def test_a_whole_interrupted_batch_is_not_appended_twice(tmp_path: Path) -> None:
    """An import batch is appended in one write; a kill before its rows are marked
    delivered leaves all of them pending, more than the usual tail holds."""
    records = [
        {**make_record(f"00000000-0000-4000-8000-{n:012d}"), "use": {"description": "装配" * 200}}
        for n in range(600)
    ]
    sink = JsonlSink(tmp_path / "inquiries.jsonl")
    with Store.open(tmp_path / "intake.sqlite3") as store:
        store.submit_many(records, destinations=["backend", FILE], actor="op-01")
        # What the killed import had written: every line, none marked delivered yet.
        sink.path.write_bytes(b"".join(encode(record) for record in records))
        assert sink.path.stat().st_size > 1024 * 1024

        written = Submitter(store, sink, actor="op-01").flush_file_backlog()

        assert written == 0
        assert store.outbox_entries(destination=FILE, status="pending") == []
    lines = Counter(json.loads(line)["id"] for line in sink.path.read_text().splitlines())
    assert len(lines) == 600
    assert max(lines.values()) == 1


def test_the_lines_a_crash_did_not_write_are_appended(tmp_path: Path) -> None:
    records = [make_record(f"00000000-0000-4000-8000-{n:012d}") for n in range(10)]
    sink = JsonlSink(tmp_path / "inquiries.jsonl")
    with Store.open(tmp_path / "intake.sqlite3") as store:
        store.submit_many(records, destinations=["backend", FILE], actor="op-01")
        sink.path.write_bytes(b"".join(encode(record) for record in records[:4]))

        written = Submitter(store, sink, actor="op-01").flush_file_backlog()

    assert written == 6
    ids = [json.loads(line)["id"] for line in sink.path.read_text().splitlines()]
    assert ids == [record["id"] for record in records]
