"""Opening the data file: private permissions, and foreign or newer files left untouched."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from intake_tui.store import Store, StoreError
from intake_tui.store.migrations import LATEST_VERSION
from tests.store.factories import make_record


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """A umask that would leave new files world-readable, to prove the store does not rely on it."""
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("permissive_umask")
def test_new_store_folder_and_files_are_private(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.submit(make_record("r1"), destinations=["file"], actor="op-01")
        wal = store_path.with_name(store_path.name + "-wal")
        shm = store_path.with_name(store_path.name + "-shm")
        assert wal.exists()
        assert shm.exists()
        assert _mode(store_path.parent) == 0o700
        assert _mode(store_path) == 0o600
        assert _mode(wal) == 0o600
        assert _mode(shm) == 0o600


def test_existing_folder_keeps_its_permissions(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    with Store.open(folder / "intake.sqlite3"):
        pass
    assert _mode(folder) == 0o755
    assert _mode(folder / "intake.sqlite3") == 0o600


def test_reopening_keeps_the_data_and_uses_wal(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.submit(make_record("r1"), destinations=["file"], actor="op-01")
    with Store.open(store_path) as store:
        assert store.get("r1") is not None
    with closing(sqlite3.connect(store_path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_an_empty_file_becomes_a_store(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.touch(mode=0o600)  # a file open to others is refused (see test_file_safety.py)
    with Store.open(store_path) as store:
        assert store.count() == 0


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {item.name: item.read_bytes() for item in folder.iterdir()}


@pytest.mark.parametrize(
    "content",
    [
        random.Random(7).randbytes(8192),
        b"name,mobile\n",
        b"SQLite format 3\x00" + random.Random(8).randbytes(4080),
    ],
    ids=["random bytes", "a CSV file", "damaged after the header"],
)
def test_a_file_that_is_not_a_store_is_refused_and_left_unchanged(
    store_path: Path, content: bytes
) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(content)
    before = _snapshot(store_path.parent)
    with pytest.raises(StoreError) as raised:
        Store.open(store_path)
    assert raised.value.key in {"store.not_a_database", "store.corrupt"}
    assert str(store_path) in raised.value.message.text("en")
    assert _snapshot(store_path.parent) == before


def test_a_damaged_store_is_refused_and_left_unchanged(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.submit(make_record("r1"), destinations=["file"], actor="op-01")
    genuine_header = store_path.read_bytes()[:100]
    store_path.write_bytes(genuine_header + random.Random(9).randbytes(8192 - 100))
    before = _snapshot(store_path.parent)
    with pytest.raises(StoreError) as raised:
        Store.open(store_path)
    assert raised.value.key in {"store.not_a_database", "store.corrupt"}
    assert _snapshot(store_path.parent) == before


def test_a_file_from_newer_code_is_refused_and_left_unchanged(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.submit(make_record("r1"), destinations=["file"], actor="op-01")
    with closing(sqlite3.connect(store_path)) as db:
        db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before = _snapshot(store_path.parent)
    with pytest.raises(StoreError) as raised:
        Store.open(store_path)
    assert raised.value.key == "store.newer_version"
    assert raised.value.message.params["found"] == LATEST_VERSION + 1
    for lang in ("zh", "en"):
        assert str(LATEST_VERSION) in raised.value.message.text(lang)
    assert _snapshot(store_path.parent) == before


def test_a_folder_in_place_of_the_file_is_refused(store_path: Path) -> None:
    store_path.mkdir(parents=True)
    with pytest.raises(StoreError) as raised:
        Store.open(store_path)
    assert raised.value.key == "store.cannot_open"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_folder_is_reported_as_such(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError) as raised:
            Store.open(folder / "intake.sqlite3")
    finally:
        folder.chmod(0o700)
    assert raised.value.key == "store.readonly"
