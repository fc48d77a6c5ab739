"""Duplicate lookup latency (Store.find_duplicates) at growing store sizes.

The TUI looks for earlier inquiries on every pause in typing the mobile or company, so a
lookup must stay far below what an operator notices. The bar: p99 <= 2 ms per lookup
with 100,000 stored inquiries. A bare rowid fetch on the same file is the baseline:
it is the cheapest read SQLite can do, so the ratio shows what the lookup itself adds.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from itertools import islice, pairwise
from pathlib import Path
from typing import Any

from common import RESULTS_DIR, Report, ms, summary
from generate import inquiries, mobile
from intake_tui.store import Store
from intake_tui.store.keys import company_initials
from intake_tui.store.migrations import LATEST_VERSION
from intake_tui.store.rows import INSERT_INQUIRY, submitted_row

BAR_SIZE = 100_000
BAR_P99_MS = 2.0
WARM_UP = 200


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this benchmark."""
    parser.add_argument(
        "--sizes", default="10000,100000,1000000", help="store sizes, comma-separated"
    )
    parser.add_argument("--lookups", type=int, default=2000, help="timed lookups per kind and size")
    parser.add_argument("--seed", type=int, default=20260302)
    parser.add_argument(
        "--rebuild", action="store_true", help="regenerate stores kept in benchmarks/results/cache"
    )


def build_store(path: Path, size: int, seed: int) -> float:
    """Create a store of *size* generated inquiries in one transaction; returns seconds."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    Store.open(path).close()  # the schema, exactly as the application creates it
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA synchronous = OFF")  # a throwaway fixture: no need to sync it
        db.execute("BEGIN")
        generated = inquiries(size, seed)
        while batch := list(islice(generated, 10_000)):
            rows = [submitted_row(record, now=record["submitted_at"]) for record in batch]
            db.executemany(INSERT_INQUIRY, rows)
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


def cached_store(size: int, seed: int, rebuild: bool) -> tuple[Path, float | None]:
    """The store file for *size*, built unless a matching one is cached."""
    path = RESULTS_DIR / "cache" / f"duplicate_lookup-{size}-seed{seed}-v{LATEST_VERSION}.sqlite3"
    if path.exists() and not rebuild:
        with closing(sqlite3.connect(path)) as db:
            if db.execute("SELECT count(*) FROM inquiries").fetchone()[0] == size:
                return path, None
    return path, build_store(path, size, seed)


def _typed_mobile(rng: random.Random, number: str) -> str:
    """A stored mobile as an operator might type it."""
    return rng.choice(
        (
            number,
            f"{number[:3]} {number[3:7]} {number[7:]}",
            f"+86 {number}",
            f"{number[:3]}-{number[3:]}",
        )
    )


def _typed_company(rng: random.Random, name: str) -> str:
    """A stored company name as an operator might type it (form dropped, spaces added)."""
    for form in ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司"):
        if name.endswith(form):
            bare = name[: -len(form)]
            return rng.choice((name, bare, bare[:2] + " " + bare[2:]))
    return name


def lookup_inputs(
    db: sqlite3.Connection, count: int, rng: random.Random
) -> dict[str, list[dict[str, str]]]:
    """The keyword arguments of *count* lookups of each kind, drawn from stored records."""
    size = db.execute("SELECT max(rowid) FROM inquiries").fetchone()[0]
    samples = []
    for rowid in (rng.randrange(1, size + 1) for _ in range(count)):
        record = db.execute(
            "SELECT json_extract(record, '$.contact.mobile'), "
            "json_extract(record, '$.company.name') FROM inquiries WHERE rowid = ?",
            (rowid,),
        ).fetchone()
        samples.append(record)
    return {
        "mobile, hit": [{"mobile": _typed_mobile(rng, m)} for m, _ in samples],
        "mobile, miss": [{"mobile": mobile(rng)} for _ in samples],
        "company name": [{"company": _typed_company(rng, c)} for _, c in samples],
        "initials, 4 letters": [{"company": company_initials(c)[:4].upper()} for _, c in samples],
        "initials, 2 letters": [{"company": company_initials(c)[:2]} for _, c in samples],
        "mobile + company": [
            {"mobile": _typed_mobile(rng, m), "company": _typed_company(rng, c)} for m, c in samples
        ],
    }


def _time(calls: list[Callable[[], Any]]) -> tuple[list[int], int]:
    """Per-call nanoseconds of *calls* (after a warm-up), and how many results they gave."""
    for call in calls[:WARM_UP]:
        call()
    samples: list[int] = []
    found = 0
    for call in calls:
        started = time.perf_counter_ns()
        result = call()
        samples.append(time.perf_counter_ns() - started)
        found += len(result) if isinstance(result, list) else 1
    return samples, found


def measure(path: Path, lookups: int, seed: int) -> dict[str, dict[str, float]]:
    """Timings of each lookup kind and of the rowid baseline on the store at *path*."""
    rng = random.Random(seed)
    figures: dict[str, dict[str, float]] = {}
    with closing(sqlite3.connect(path)) as db, Store.open(path) as store:
        size = db.execute("SELECT max(rowid) FROM inquiries").fetchone()[0]
        rowids = [rng.randrange(1, size + 1) for _ in range(lookups)]
        baseline_sql = "SELECT 1 FROM inquiries WHERE rowid = ?"
        samples, _ = _time([lambda r=r: db.execute(baseline_sql, (r,)).fetchall() for r in rowids])
        figures["baseline: rowid fetch"] = {**summary(samples), "matches": 1.0}
        for kind, inputs in lookup_inputs(db, lookups, rng).items():
            calls = [lambda kw=kw: store.find_duplicates(**kw) for kw in inputs]
            samples, found = _time(calls)
            figures[kind] = {**summary(samples), "matches": found / len(calls)}
    return figures


def run(args: argparse.Namespace) -> Report:
    """Build (or reuse) each store size, time the lookups, and report."""
    sizes = [int(size) for size in str(args.sizes).split(",")]
    report = Report("duplicate_lookup")
    results: dict[int, dict[str, dict[str, float]]] = {}
    build_seconds: dict[int, float | None] = {}
    for size in sizes:
        path, built = cached_store(size, args.seed, args.rebuild)
        build_seconds[size] = built
        results[size] = measure(path, args.lookups, args.seed + size)
    rows = []
    for size in sizes:
        base = results[size]["baseline: rowid fetch"]["median_ms"]
        for kind, fig in results[size].items():
            rows.append(
                [
                    f"{size:,}",
                    kind,
                    ms(fig["median_ms"]),
                    ms(fig["p99_ms"]),
                    ms(fig["max_ms"]),
                    f"{fig['matches']:.2f}",
                    f"{fig['median_ms'] / base:.1f}",
                ]
            )
    report.table(
        f"find_duplicates latency ({args.lookups} timed lookups per row, limit 5)",
        [
            "stored",
            "lookup",
            "median ms",
            "p99 ms",
            "max ms",
            "matches/lookup",
            "× baseline (median)",
        ],
        rows,
    )
    growth_rows = []
    for kind in results[sizes[0]]:
        steps = [
            f"{results[b][kind]['median_ms'] / results[a][kind]['median_ms']:.2f}"
            for a, b in pairwise(sizes)
        ]
        growth_rows.append([kind, *steps])
    report.table(
        "Growth of the median between sizes",
        ["lookup", *[f"{a:,} → {b:,}" for a, b in pairwise(sizes)]],
        growth_rows,
    )
    if BAR_SIZE in results:
        worst_kind, worst = max(
            ((k, f) for k, f in results[BAR_SIZE].items() if not k.startswith("baseline")),
            key=lambda item: item[1]["p99_ms"],
        )
        verdict = "met" if worst["p99_ms"] <= BAR_P99_MS else "NOT met"
        report.notes.append(
            f"Bar (p99 <= {BAR_P99_MS} ms at {BAR_SIZE:,}): {verdict}; worst p99 "
            f"{worst['p99_ms']:.3f} ms ({worst_kind})."
        )
    for size, seconds in build_seconds.items():
        if seconds is not None:
            report.notes.append(f"Built the {size:,}-inquiry store in {seconds:.0f} s.")
    report.data = {"sizes": sizes, "lookups": args.lookups, "seed": args.seed, "results": results}
    return report
