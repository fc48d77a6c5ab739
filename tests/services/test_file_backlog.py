"""The local file never doubles a line, even when a crash left its outbox row pending.

The crash window: the line was appended and fsync'd, then the process died before the
store noted the file row delivered. Other writers then appended more lines than any
"recent tail" holds. The repair on the next start must find the line by its id.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from intake_tui.services.submission import BACKEND, FILE, Submitter
from intake_tui.sinks.jsonl import JsonlSink, encode
from intake_tui.store import Store
from tests.helpers import raw_record, run_cli
from tests.store.factories import make_record

CRASHED_ID = "77777777-7777-4777-8777-777777777777"
#: Enough later lines to push the crashed one far from the end (about 400 KiB).
LATER_RECORDS = 50
PADDING = "精" * 2700


def _id_counts(path: Path) -> Counter[str]:
    return Counter(json.loads(line)["id"] for line in path.read_bytes().splitlines() if line)


def _submitted_as_a_desk_does(store: Store, sink: JsonlSink, record: dict[str, Any]) -> None:
    """What a submission does: store and queue, append, note the file row delivered."""
    store.submit(record, destinations=[BACKEND, FILE], actor="op-01")
    sink.append(record)
    store.set_outbox_status(record["id"], record["revision"], FILE, "delivered")


def _crash_window(data: Path) -> tuple[Path, Path]:
    """The crashed record appended but still pending for the file; then later writers."""
    store_path, file_path = data / "intake.sqlite3", data / "inquiries.jsonl"
    sink = JsonlSink(file_path)
    with Store.open(store_path) as store:
        crashed = make_record(CRASHED_ID, mobile="13524678515")
        store.submit(crashed, destinations=[BACKEND, FILE], actor="op-01")
        sink.append(crashed)  # ... and the process dies here
        for number in range(LATER_RECORDS):
            later = make_record(f"later-{number:04d}", mobile=f"1391111{number:04d}")
            later["use"]["description"] = PADDING
            _submitted_as_a_desk_does(store, sink, later)
        [pending] = store.outbox_entries(destination=FILE, status="pending")
        assert pending.record_id == CRASHED_ID
    assert file_path.stat().st_size > 300 * 1024  # far beyond any tail a check might read
    return store_path, file_path


def test_the_repair_finds_the_line_by_id_and_does_not_append_it_again(tmp_path: Path) -> None:
    store_path, file_path = _crash_window(tmp_path / "data")

    with Store.open(store_path) as store:
        written = Submitter(store, JsonlSink(file_path), actor="op-01").flush_file_backlog()
        assert written == 0
        assert store.outbox_entries(destination=FILE, status="pending") == []

    counts = _id_counts(file_path)
    assert counts[CRASHED_ID] == 1
    assert set(counts.values()) == {1}
    assert len(counts) == LATER_RECORDS + 1


def test_the_next_start_of_the_real_command_repairs_without_doubling(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _, file_path = _crash_window(data)
    config = tmp_path / "intake.toml"
    config.write_text(f'[storage]\ndata_dir = "{data}"\n')
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(raw_record(), ensure_ascii=False) + "\n", encoding="utf-8")

    result = run_cli("import", str(source), "--config", str(config))

    assert result.returncode == 0, result.stdout + result.stderr
    counts = _id_counts(file_path)
    assert counts[CRASHED_ID] == 1
    assert set(counts.values()) == {1}
    assert len(counts) == LATER_RECORDS + 2  # the crashed one, the later ones, the import


@pytest.mark.parametrize("revision", [1, 2])
def test_a_line_missing_from_the_file_is_still_written_once(tmp_path: Path, revision: int) -> None:
    """The other side of the check: a record truly absent (or only an older revision) goes in."""
    data = tmp_path / "data"
    sink = JsonlSink(data / "inquiries.jsonl")
    with Store.open(data / "intake.sqlite3") as store:
        first = make_record(CRASHED_ID)
        _submitted_as_a_desk_does(store, sink, first)
        if revision == 2:
            store.submit(make_record(CRASHED_ID, revision=2), destinations=[FILE], actor="op-01")
        else:
            other = make_record("88888888-8888-4888-8888-888888888888")
            store.submit(other, destinations=[FILE], actor="op-01")
        submitter = Submitter(store, sink, actor="op-01")
        assert submitter.flush_file_backlog() == 1
        assert submitter.flush_file_backlog() == 0
    lines = [json.loads(line) for line in sink.path.read_bytes().splitlines()]
    assert len(lines) == 2
    assert len({(line["id"], line["revision"]) for line in lines}) == 2


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
