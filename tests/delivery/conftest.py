"""Fixtures for delivery: a real store file with a clock the tests move."""

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
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(tmp_path / "data" / "intake.sqlite3", now=clock) as opened:
        yield opened
