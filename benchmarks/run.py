"""Run named benchmarks, print their markdown tables, and keep the figures as JSON.

    python benchmarks/run.py delivery_throughput [--records 10000] [--rounds 3]
    python benchmarks/run.py duplicate_lookup [--sizes 10000,100000,1000000] [--lookups 2000]
    python benchmarks/run.py import_throughput [--records 100000] [--rounds 3]
    python benchmarks/run.py sync_mode [--commits 300]
    python benchmarks/run.py tui_keys
    python benchmarks/run.py tui_startup [--pairs 15] [--no-large-store]
    python benchmarks/run.py tui_typing [--runs 5] [--keys 300] [--no-large-store]

Each benchmark is a module of this folder with ``add_arguments(parser)`` and
``run(args) -> Report``; results go to benchmarks/results/<name>-<time>.json (ignored by git).
"""

from __future__ import annotations

import argparse
import importlib
import json
import shlex
import sys
from datetime import datetime
from pathlib import Path

from common import RESULTS_DIR, machine

BENCHMARKS = (
    "delivery_throughput",
    "duplicate_lookup",
    "import_throughput",
    "sync_mode",
    "tui_keys",
    "tui_startup",
    "tui_typing",
)


def main(argv: list[str]) -> int:
    """Run the benchmarks named in *argv*; options after the names go to the benchmarks."""
    names: list[str] = []
    while argv and not argv[0].startswith("-"):
        names.extend(name for name in argv.pop(0).split(",") if name)
    unknown = [name for name in names if name not in BENCHMARKS]
    if not names or unknown:
        print(f"usage: run.py NAME [NAME ...] [options]; NAME is one of {', '.join(BENCHMARKS)}")
        return 2
    host = machine()
    print(f"machine: {json.dumps(host)}\n")
    for name in names:
        module = importlib.import_module(name)
        parser = argparse.ArgumentParser(prog=f"run.py {name}")
        module.add_arguments(parser)
        args, rest = parser.parse_known_args(argv)
        if rest and len(names) == 1:
            parser.error(f"unrecognised arguments: {' '.join(rest)}")
        report = module.run(args)
        print(report.markdown())
        stamp = datetime.now().astimezone()
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        out = RESULTS_DIR / f"{name}-{stamp:%Y%m%d-%H%M%S}.json"
        document = {
            "benchmark": name,
            "at": stamp.isoformat(timespec="seconds"),
            "command": shlex.join(["python", "benchmarks/run.py", *sys.argv[1:]]),
            "machine": host,
            "arguments": vars(args),
            "markdown": report.markdown(),
            "data": report.data,
        }
        out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(
            f"\nwritten: {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out}\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
