"""What the TUI benchmarks share: the issue's baseline folder, config files, a large store.

The baselines of issue 3 (``baseline_form.py``, ``baseline_typing.py``) and the standard
inquiry live outside the repository, in ``/work/shared/bench`` or ``../shared/bench``
next to the repository root; they are looked up at run time and never copied.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from common import RESULTS_DIR
from generate import inquiries

REPO_ROOT = Path(__file__).resolve().parent.parent
BASELINE_FILES = ("baseline_form.py", "baseline_typing.py", "standard_inquiry.json")
BASELINE_DIRS = (Path("/work/shared/bench"), REPO_ROOT.parent / "shared" / "bench")
#: The store size of the issue's "with a large store" figures.
LARGE_STORE_SIZE = 100_000
LARGE_STORE_SEED = 20260303


def baseline_dir() -> Path:
    """The folder holding the issue's baselines; exits with a clear message when missing."""
    for folder in BASELINE_DIRS:
        if all((folder / name).is_file() for name in BASELINE_FILES):
            return folder
    tried = " or ".join(str(folder) for folder in BASELINE_DIRS)
    raise SystemExit(
        f"The baselines of issue 3 ({', '.join(BASELINE_FILES)}) were not found in {tried}. "
        "Put the shared bench folder there (read-only is fine) and run again."
    )


def standard_inquiry() -> dict[str, Any]:
    """The standard inquiry of the key-press benchmark, as the JSON file says it."""
    document: dict[str, Any] = json.loads(
        (baseline_dir() / "standard_inquiry.json").read_text(encoding="utf-8")
    )
    return document


def write_config(path: Path, data_dir: Path) -> Path:
    """A config file at *path* that keeps the store (and JSONL file) in *data_dir*."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A JSON string is a valid TOML basic string, so json.dumps quotes the path safely.
    path.write_text(f"[storage]\ndata_dir = {json.dumps(str(data_dir))}\n", encoding="utf-8")
    return path


def config_env(config: Path) -> dict[str, str]:
    """The environment for a child process that finds *config* the way intake-tui looks."""
    from intake_tui.config.loading import ENV_CONFIG_VAR

    return {**os.environ, ENV_CONFIG_VAR: str(config)}


def large_store_dir(size: int = LARGE_STORE_SIZE, seed: int = LARGE_STORE_SEED) -> Path:
    """A data folder whose store holds *size* submitted inquiries, built once and cached."""
    from intake_tui.store.migrations import LATEST_VERSION

    folder = RESULTS_DIR / "cache" / f"tui-store-{size}-seed{seed}-v{LATEST_VERSION}"
    database = folder / "intake.sqlite3"
    if database.exists() and _holds_recent(database, size):
        return folder
    build_large_store(database, size, seed)
    return folder


def _holds_recent(database: Path, size: int) -> bool:
    """Whether a cached store still holds *size* records, all inside the retention period.

    A store cached long ago (or by older code that dated its calls from 2022) would lose
    most of its records to retention the first time the TUI starts on it.
    """
    from intake_tui.config.defaults import RETENTION_DAYS
    from intake_tui.store.rows import utc_sort_key

    oldest_allowed = datetime.now(UTC) - timedelta(days=RETENTION_DAYS - 30)
    with closing(sqlite3.connect(database)) as db:
        count, oldest = db.execute("SELECT count(*), min(created_utc) FROM inquiries").fetchone()
    return bool(count == size and oldest and oldest >= utc_sort_key(oldest_allowed.isoformat()))


def build_large_store(database: Path, size: int, seed: int) -> float:
    """Fill a new store the way submitting does (record, outbox rows, audit line); seconds.

    The configuration is the default one (no backend), so each record's backend row stays
    pending, as on a real offline installation, and its file row is delivered.
    """
    from intake_tui.store import Store

    started = time.perf_counter()
    database.parent.mkdir(parents=True, exist_ok=True)
    for leftover in database.parent.glob(database.name + "*"):
        leftover.unlink()
    with Store.open(database) as store:
        generated = inquiries(size, seed)
        while batch := list(islice(generated, 10_000)):
            store.submit_many(batch, destinations=["backend", "file"], actor="bench")
    with closing(sqlite3.connect(database, isolation_level=None)) as db:
        # What Submitter.submit does after appending each record to the JSONL file.
        db.execute("UPDATE outbox SET status = 'delivered' WHERE destination = 'file'")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started
