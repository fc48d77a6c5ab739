"""Fixtures for the end-to-end tests: a private tmux server and a config on a temporary folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import TMUX, Terminal


@pytest.fixture
def terminal(isolated_dirs: Path) -> Iterator[Terminal]:
    """A private tmux server, stopped after the test; skips when tmux is not installed."""
    if TMUX is None:
        pytest.skip("tmux is not installed (CI installs it)")
    term = Terminal(isolated_dirs)
    try:
        yield term
    finally:
        term.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data folder named in the config file (the app creates it)."""
    return tmp_path / "data"


@pytest.fixture
def config_file(tmp_path: Path, data_dir: Path) -> Path:
    """A config file whose [storage] data_dir is in tmp_path."""
    path = tmp_path / "intake_tui.toml"
    path.write_text(
        f'[app]\noperator = "op-e2e"\n\n[storage]\ndata_dir = {json.dumps(str(data_dir))}\n',
        encoding="utf-8",
    )
    return path
