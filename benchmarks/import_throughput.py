"""Import throughput: `intake-tui import` of 100,000 id-less records vs a bare submit_many loop.

Both children read the same generated rows from a JSONL file into a fresh data folder, in
the same run, alternating. The import reads, normalises, derives each id from the row's
content and stores in batches (store, outbox and the local JSONL file); the bare loop
only decodes each line and hands it to the store's own ``Store.submit_many`` in batches
of the same size (the rows carry generated ids; no normalising, no local file). Peak RSS
is each child's own (``os.wait4``, the same figure ``getrusage(RUSAGE_CHILDREN)`` gives
for one child).

    python benchmarks/run.py import_throughput [--records 100000] [--rounds 3]
    python benchmarks/import_throughput.py bare ROWS_FILE DATA_DIR   (the bare loop alone)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
COMMAND = Path(sys.executable).parent / "intake-tui"
BATCH = 500
TARGET_RECORDS_PER_S = 2_000
TARGET_PEAK_MB = 150
PARTS = ("wall_s", "cpu_s", "peak_mb")


def bare_loop(rows_file: Path, data_dir: Path) -> None:
    """Store every line of *rows_file* with ``submit_many``, BATCH rows per transaction."""
    from intake_tui.store import Store

    with Store.open(data_dir / "intake.sqlite3") as store, rows_file.open("rb") as rows:
        batch: list[dict[str, Any]] = []
        for line in rows:
            batch.append(json.loads(line))
            if len(batch) == BATCH:
                store.submit_many(batch, destinations=["backend", "file"], actor="bench")
                batch = []
        store.submit_many(batch, destinations=["backend", "file"], actor="bench")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this benchmark."""
    parser.add_argument("--records", type=int, default=100_000, help="rows in the file")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind, alternating")
    parser.add_argument("--seed", type=int, default=20261207)


def _write_rows(folder: Path, count: int, seed: int) -> tuple[Path, Path]:
    """The id-less file the import reads, and the same rows with ids for the bare loop."""
    from generate import inquiries

    idless = folder / "rows.jsonl"
    with_ids = folder / "rows-with-ids.jsonl"
    with idless.open("w", encoding="utf-8") as plain, with_ids.open("w", encoding="utf-8") as ided:
        for record in inquiries(count, seed):
            ided.write(json.dumps(record, ensure_ascii=False) + "\n")
            del record["id"], record["warnings"]
            plain.write(json.dumps(record, ensure_ascii=False) + "\n")
    return idless, with_ids


def _measure(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from start to exit, the child's CPU seconds, and its peak RSS in MB."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{command[1:3]} exited {child.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def _count(data: Path) -> int:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(data / "intake.sqlite3")) as db:
        return int(db.execute("SELECT count(*) FROM inquiries").fetchone()[0])


def run(args: argparse.Namespace) -> Any:
    """Alternate bare loop and import runs; report records/s, peak RSS and the ratio."""
    from common import RESULTS_DIR

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    kinds = ["bare", "import"]
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(dir=RESULTS_DIR) as name:
        folder = Path(name)
        idless, with_ids = _write_rows(folder, args.records, args.seed)
        env = {**os.environ, "XDG_STATE_HOME": str(folder / "state")}
        for round_number in range(args.rounds):
            shift = round_number % len(kinds)
            for kind in kinds[shift:] + kinds[:shift]:
                data = folder / "data"
                shutil.rmtree(data, ignore_errors=True)
                data.mkdir()
                if kind == "bare":
                    command = [sys.executable, str(HERE), "bare", str(with_ids), str(data)]
                else:
                    config = folder / "import.toml"
                    config.write_text(f'[storage]\ndata_dir = "{data}"\n', encoding="utf-8")
                    command = [str(COMMAND), "import", str(idless), "--config", str(config)]
                wall, cpu, peak = _measure(command, env)
                if _count(data) != args.records:
                    raise RuntimeError(f"{kind} run {round_number} stored {_count(data)} rows")
                runs[kind].append({"wall_s": wall, "cpu_s": cpu, "peak_mb": peak})
                progress = f"  {kind} round {round_number}: {wall:.1f} s, {peak:.0f} MB"
                print(progress, file=sys.stderr)
    return _report(args, runs)


def _report(args: argparse.Namespace, runs: dict[str, list[dict[str, float]]]) -> Any:
    from common import Report

    report = Report("import_throughput")
    medians = {
        kind: {part: statistics.median(run[part] for run in done) for part in PARTS}
        for kind, done in runs.items()
    }
    rows = []
    for kind, label in (("bare", "bare submit_many loop"), ("import", "intake-tui import")):
        rows.append(
            [
                label,
                " / ".join(f"{run['wall_s']:.1f}" for run in runs[kind]),
                f"{args.records / medians[kind]['wall_s']:.0f}",
                f"{args.records / medians[kind]['cpu_s']:.0f}",
                f"{medians[kind]['peak_mb']:.0f}",
                f"{medians['bare']['wall_s'] / medians[kind]['wall_s']:.2f}",
            ]
        )
    report.table(
        f"Importing {args.records:,} records ({args.rounds} runs each, medians)",
        [
            "child",
            "runs s",
            "records/s",
            "records per CPU s",
            "peak RSS MB",
            "× bare records/s",
        ],
        rows,
    )
    rate = args.records / medians["import"]["wall_s"]
    peak = medians["import"]["peak_mb"]
    report.notes.append(
        f"intake-tui import: >= {TARGET_RECORDS_PER_S} records/s: "
        f"{'met' if rate >= TARGET_RECORDS_PER_S else 'NOT met'} ({rate:.0f}); "
        f"<= {TARGET_PEAK_MB} MB peak RSS: {'met' if peak <= TARGET_PEAK_MB else 'NOT met'} "
        f"({peak:.0f} MB)"
    )
    report.notes.append(
        "records/s: rows / (start to exit of the child); records per CPU s: rows / the "
        "child's user + system CPU (what a loaded machine does not take away); peak RSS and "
        "CPU: os.wait4 of the child"
    )
    report.data = {"records": args.records, "runs": runs, "medians": medians}
    return report


if __name__ == "__main__":
    if sys.argv[1:2] == ["bare"]:
        bare_loop(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.path.insert(0, str(HERE.parent))
        from run import main

        sys.exit(main(["import_throughput", *sys.argv[1:]]))
