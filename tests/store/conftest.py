"""Fixtures for the store tests: a real store file in tmp_path and a clock tests control."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intake_tui.store import Store
from tests.store.factories import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "intake.sqlite3"


@pytest.fixture
def store(store_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(store_path, now=clock) as opened:
        yield opened
