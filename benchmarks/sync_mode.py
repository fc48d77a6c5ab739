"""What durability costs: Store.submit with synchronous=FULL (the store's choice) vs NORMAL.

In WAL mode NORMAL skips the sync at each commit, so the last saves can vanish when the
power goes; FULL syncs the WAL before submit returns. This measures the price per save
on the machine's real disk (the store file is created under benchmarks/results/).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import RESULTS_DIR, Report, ms, summary
from generate import inquiries
from intake_tui.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this benchmark."""
    parser.add_argument("--commits", type=int, default=300, help="timed submits per mode")


def _submit_timings(folder: Path, mode: str, count: int) -> list[int]:
    """Nanoseconds of each of *count* submits into a fresh store using *mode*."""
    with Store.open(folder / f"sync-{mode}.sqlite3") as store:
        # Benchmark-only: the product never lowers durability, so there is no public switch.
        store._db.execute(f"PRAGMA synchronous = {mode}")
        samples = []
        for record in inquiries(count, seed=7):
            started = time.perf_counter_ns()
            store.submit(record, destinations=["file", "http"], actor="bench")
            samples.append(time.perf_counter_ns() - started)
    return samples


def run(args: argparse.Namespace) -> Report:
    """Time submits in both modes and report."""
    report = Report("sync_mode")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    results = {}
    with tempfile.TemporaryDirectory(dir=RESULTS_DIR) as folder:
        for mode in ("NORMAL", "FULL"):
            results[mode] = summary(_submit_timings(Path(folder), mode, args.commits))
    report.table(
        f"Store.submit, one transaction each ({args.commits} per mode)",
        ["synchronous", "median ms", "p99 ms", "max ms"],
        [
            [mode, ms(f["median_ms"]), ms(f["p99_ms"]), ms(f["max_ms"])]
            for mode, f in results.items()
        ],
    )
    report.data = {"commits": args.commits, "results": results}
    return report
