"""Rewriting the local JSONL file: all or nothing, private, and no append lost meanwhile."""

from __future__ import annotations

import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from intake_tui.privacy.forgetting import forget_mobile_plan
from intake_tui.sinks.jsonl import JsonlSink
from intake_tui.store import Store
from tests.store.factories import make_record


def _sink(tmp_path: Path, count: int = 3) -> JsonlSink:
    sink = JsonlSink(tmp_path / "data" / "inquiries.jsonl")
    for n in range(count):
        sink.append(make_record(f"r{n}", mobile=f"1380013800{n}"))
    return sink


def _drop_r1(raw: bytes, record: dict[str, Any] | None) -> bool:
    return record is not None and record["id"] == "r1"


def _ids(sink: JsonlSink) -> list[str]:
    return [record["id"] for record in sink.records()]


def test_rewrite_removes_the_chosen_lines_into_a_private_new_file(tmp_path: Path) -> None:
    sink = _sink(tmp_path)
    sink.path.chmod(0o644)  # even a file someone loosened comes back private
    assert sink.count(_drop_r1) == 1
    assert sink.rewrite(_drop_r1) == 1
    assert _ids(sink) == ["r0", "r2"]
    assert stat.S_IMODE(sink.path.stat().st_mode) == 0o600
    assert [p.name for p in sink.path.parent.iterdir()] == ["inquiries.jsonl"]


def test_a_failure_midway_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    sink = _sink(tmp_path)
    before = sink.path.read_bytes()

    def breaks(raw: bytes, record: dict[str, Any] | None) -> bool:
        if record is not None and record["id"] == "r2":
            raise OSError(28, "No space left on device")
        return True

    with pytest.raises(OSError):
        sink.rewrite(breaks)
    assert sink.path.read_bytes() == before
    assert [p.name for p in sink.path.parent.iterdir()] == ["inquiries.jsonl"]


def test_nothing_to_remove_keeps_the_very_same_file(tmp_path: Path) -> None:
    sink = _sink(tmp_path)
    inode = sink.path.stat().st_ino
    assert sink.rewrite(lambda raw, record: False) == 0
    assert sink.path.stat().st_ino == inode


def test_an_append_during_a_rewrite_lands_in_the_new_file(tmp_path: Path) -> None:
    sink = _sink(tmp_path)
    reading = threading.Event()
    go_on = threading.Event()

    def slow_drop(raw: bytes, record: dict[str, Any] | None) -> bool:
        reading.set()
        assert go_on.wait(5)
        return _drop_r1(raw, record)

    rewriter = threading.Thread(target=sink.rewrite, args=(slow_drop,))
    rewriter.start()
    assert reading.wait(5)
    appender = threading.Thread(target=sink.append, args=(make_record("r9"),))
    appender.start()
    appender.join(0.3)
    assert appender.is_alive()  # waiting for the rewrite's lock, not writing to the old file
    go_on.set()
    rewriter.join(5)
    appender.join(5)
    assert _ids(sink) == ["r0", "r2", "r9"]


def test_a_torn_line_holding_the_mobile_is_removed_too(tmp_path: Path) -> None:
    sink = _sink(tmp_path)
    with sink.path.open("ab") as handle:
        handle.write(b'{"id":"torn","contact":{"mobile":"13524678515"')  # power cut mid-line
    sink.append(make_record("r3"))
    with Store.open(tmp_path / "data" / "intake.sqlite3") as store:
        plan = forget_mobile_plan(store, "13524678515")
    assert sink.rewrite(plan.drops_line) == 1
    assert b"13524678515" not in sink.path.read_bytes()
    assert _ids(sink) == ["r0", "r1", "r2", "r3"]
