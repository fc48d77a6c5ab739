"""The local file's sink, piece by piece: lines, lookups by id, links, leftovers, a full disk.

Written against the mutants of ``sinks/jsonl.py`` that the broader tests let live; each
test states a promise of the file in its own terms.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from intake_tui.sinks.jsonl import JsonlSink, encode
from tests.fault_injection import fill_disk, small_disk

ID_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
ID_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"


@pytest.fixture
def sink(tmp_path: Path) -> JsonlSink:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return JsonlSink(folder / "inquiries.jsonl")


def _lines(sink: JsonlSink) -> list[bytes]:
    return sink.path.read_bytes().splitlines()


@contextmanager
def _held(path: Path) -> Iterator[None]:
    """Another program holding the file's lock (a rewrite in progress)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def test_a_line_is_compact_utf8_json() -> None:
    assert (
        encode({"company": "上海宝钢", "n": [1, 2]})
        == '{"company":"上海宝钢","n":[1,2]}\n'.encode()
    )


def test_a_new_file_is_private_whatever_the_umask(sink: JsonlSink) -> None:
    old = os.umask(0)
    try:
        sink.append({"id": ID_A, "revision": 1})
    finally:
        os.umask(old)
    assert sink.path.stat().st_mode & 0o777 == 0o600


def test_contains_finds_a_revision_anywhere_in_the_file(sink: JsonlSink) -> None:
    assert not sink.contains(ID_A, 1)  # no file yet
    sink.append({"id": ID_B, "revision": 1})
    sink.append({"id": ID_A, "revision": 1})
    sink.append({"id": "c", "revision": 1})
    assert sink.contains(ID_A, 1)
    assert not sink.contains(ID_A, 2)
    assert not sink.contains("dddd", 1)


def test_append_missing_writes_only_what_is_absent(sink: JsonlSink) -> None:
    assert sink.append_missing({"id": ID_B, "revision": 1})
    assert sink.append_missing({"id": ID_A, "revision": 1})
    assert not sink.append_missing({"id": ID_A, "revision": 1})
    assert sink.append_missing({"id": ID_A, "revision": 2})
    # Records without a text id cannot be looked up: they are written, never refused.
    assert sink.append_missing({"revision": 1})
    assert sink.append_missing({"id": 5, "revision": 1})
    assert len(_lines(sink)) == 5


def test_records_skip_torn_and_foreign_lines(sink: JsonlSink) -> None:
    sink.path.write_bytes(b'{"id": "x"}\n[1, 2]\n{"id": "y", "tor\n"plain"\n')
    sink.path.chmod(0o600)
    assert [record["id"] for record in sink.records()] == ["x"]


def test_count_and_rewrite_see_raw_bytes_and_count_every_line(sink: JsonlSink) -> None:
    assert sink.count(lambda raw, record: True) == 0  # no file yet
    assert sink.rewrite(lambda raw, record: True) == 0
    sink.append({"id": ID_A, "revision": 1, "mobile": "13524678515"})
    sink.append({"id": ID_A, "revision": 2, "mobile": "13524678515"})
    with sink.path.open("ab") as handle:
        handle.write(b'{"id": "torn", "mobile": "1352467')
    sink.append({"id": ID_B, "revision": 1})

    def drops(raw: bytes, record: dict[str, object] | None) -> bool:
        return b"1352467" in raw

    assert sink.count(drops) == 3
    assert sink.rewrite(drops) == 3
    assert [json.loads(line)["id"] for line in _lines(sink)] == [ID_B]


def test_reading_never_follows_a_link(sink: JsonlSink, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.jsonl"
    target.write_bytes(encode({"id": ID_A, "revision": 1}))
    sink.path.symlink_to(target)
    with pytest.raises(OSError):
        list(sink.records())
    with pytest.raises(OSError):
        sink.count(lambda raw, record: True)
    with pytest.raises(OSError):
        sink.contains(ID_A, 1)


def _leftover(sink: JsonlSink, name: str = "x1y2z3") -> Path:
    path = sink.path.with_name(f".{sink.path.name}.{name}.tmp")
    path.write_bytes(b'{"id": "copy"}\n')
    return path


def test_leftovers_are_removed_and_nothing_else(sink: JsonlSink) -> None:
    sink.append({"id": ID_A, "revision": 1})
    leftovers = [_leftover(sink), _leftover(sink, "second")]
    unrelated = [
        sink.path.with_name(".other.jsonl.abc.tmp"),
        sink.path.with_name(f"{sink.path.name}.bak"),
        sink.path.with_name(f".{sink.path.name}.abc.part"),
    ]
    for path in unrelated:
        path.write_bytes(b"keep")
    assert sink.remove_leftovers() == 2
    assert not any(path.exists() for path in leftovers)
    assert all(path.exists() for path in unrelated)
    assert sink.path.exists()
    assert sink.remove_leftovers() == 0


def test_a_leftover_without_its_file_is_removed_too(sink: JsonlSink) -> None:
    leftover = _leftover(sink)
    assert sink.remove_leftovers() == 1
    assert not leftover.exists()
    leftover = _leftover(sink)
    assert sink.rewrite(lambda raw, record: True) == 0
    assert not leftover.exists()


def test_a_running_rewrites_file_is_not_a_leftover(sink: JsonlSink) -> None:
    sink.append({"id": ID_A, "revision": 1})
    leftover = _leftover(sink)
    with _held(sink.path):
        assert sink.remove_leftovers() == 0
    assert leftover.exists()


def test_leftovers_beside_a_link_are_not_touched(sink: JsonlSink, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.jsonl"
    target.write_bytes(b"")
    sink.path.symlink_to(target)
    leftover = _leftover(sink)
    assert sink.remove_leftovers() == 0
    assert leftover.exists()


def _append_in_thread(sink: JsonlSink, record: dict[str, object]) -> threading.Thread:
    thread = threading.Thread(target=sink.append, args=(record,))
    thread.start()
    return thread


def test_an_appender_waiting_on_a_file_that_was_replaced_appends_to_the_new_one(
    sink: JsonlSink,
) -> None:
    sink.append({"id": ID_A, "revision": 1})
    with _held(sink.path):
        waiting = _append_in_thread(sink, {"id": ID_B, "revision": 1})
        replacement = sink.path.with_name("new.jsonl")
        replacement.write_bytes(encode({"id": "kept", "revision": 1}))
        replacement.chmod(0o600)
        replacement.replace(sink.path)
    waiting.join()
    assert [json.loads(line)["id"] for line in _lines(sink)] == ["kept", ID_B]


def test_an_appender_waiting_on_a_file_that_was_removed_creates_it_again(
    sink: JsonlSink,
) -> None:
    sink.append({"id": ID_A, "revision": 1})
    with _held(sink.path):
        waiting = _append_in_thread(sink, {"id": ID_B, "revision": 1})
        sink.path.unlink()
    waiting.join()
    assert [json.loads(line)["id"] for line in _lines(sink)] == [ID_B]


def test_a_full_disk_leaves_no_part_of_the_line(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", size_kib=1024) as disk:
        sink = JsonlSink(disk / "inquiries.jsonl")
        sink.append({"id": ID_A, "revision": 1})  # the file's page has room left
        before = sink.path.read_bytes()
        fill_disk(disk)
        with pytest.raises(OSError):
            sink.append({"id": ID_B, "revision": 1, "padding": "x" * 64 * 1024})
        assert sink.path.read_bytes() == before
