"""CPU per key typed into a capture field, side by side with a bare Textual Input.

Runs the issue's ``baseline_typing.py`` (A) and ``capture_typing.py`` (B: the same text,
key count and terminal size, typed into company.name of the real capture screen) as
child processes, alternating A B A B, and compares the medians of their per-run CPU
medians. Scenarios: an empty store, and a store of 100,000 submitted inquiries. The
issue's target: ours at most 1.5 × the baseline.

    python benchmarks/run.py tui_typing [--runs 5] [--keys 300] [--no-large-store]
    python benchmarks/tui_typing.py
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from common import RESULTS_DIR, Report
from process_timing import ProcessFailed, ProcessHung, ProcessRun, timed_run
from tui_setup import LARGE_STORE_SIZE, baseline_dir, config_env, large_store_dir, write_config

TARGET_RATIO = 1.5
#: A typing run that has not ended after this long hangs.
TIMEOUT_S = 300.0
CAPTURE_TYPING = Path(__file__).resolve().parent / "capture_typing.py"
RESULT_LINE = re.compile(r"keys=(\d+) cpu_median_ms=([0-9.]+) cpu_p99_ms=([0-9.]+)")


@dataclass(frozen=True)
class TypingRun:
    """What one typing process printed: CPU ms per key, median and p99."""

    median_ms: float
    p99_ms: float


@dataclass
class Scenario:
    """One store to type on, and the runs measured with it."""

    name: str
    config: Path
    baseline: list[TypingRun] = field(default_factory=list)
    ours: list[TypingRun] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """Medians of the per-run medians and p99s, and the ratio of the medians."""
        baseline = statistics.median(run.median_ms for run in self.baseline)
        ours = statistics.median(run.median_ms for run in self.ours)
        return {
            "runs": len(self.ours),
            "baseline_median_ms": baseline,
            "ours_median_ms": ours,
            "ratio": ours / baseline,
            "baseline_p99_ms": statistics.median(run.p99_ms for run in self.baseline),
            "ours_p99_ms": statistics.median(run.p99_ms for run in self.ours),
        }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this benchmark."""
    parser.add_argument("--runs", type=int, default=5, help="runs of each side per scenario")
    parser.add_argument("--keys", type=int, default=300, help="keys typed per run")
    parser.add_argument(
        "--no-large-store", action="store_true", help="skip the 100,000-inquiry scenario"
    )


def parse_result(run: ProcessRun, keys: int) -> TypingRun:
    """The figures a typing process printed; exits when it printed none."""
    match = RESULT_LINE.search(run.stdout)
    if match is None or int(match.group(1)) != keys:
        raise SystemExit(f"a typing run printed no result for {keys} keys:\n{run.stdout}")
    return TypingRun(float(match.group(2)), float(match.group(3)))


def run(args: argparse.Namespace) -> Report:
    """Alternate baseline and capture-screen typing runs on each store and report."""
    bench = baseline_dir()
    python = sys.executable
    baseline_command = [python, "baseline_typing.py", str(args.keys)]
    ours_command = [python, str(CAPTURE_TYPING), str(args.keys)]
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tui_typing-", dir=RESULTS_DIR) as temporary:
        folder = Path(temporary)
        scenarios = [Scenario("empty store", write_config(folder / "empty.toml", folder / "data"))]
        if not args.no_large_store:
            large = write_config(folder / "large.toml", large_store_dir())
            scenarios.append(Scenario(f"{LARGE_STORE_SIZE:,} inquiries", large))
        try:
            for scenario in scenarios:
                env = config_env(scenario.config)
                for _ in range(args.runs):
                    base = timed_run(baseline_command, cwd=bench, env=env, timeout_s=TIMEOUT_S)
                    scenario.baseline.append(parse_result(base, args.keys))
                    ours = timed_run(ours_command, cwd=bench, env=env, timeout_s=TIMEOUT_S)
                    scenario.ours.append(parse_result(ours, args.keys))
        except (ProcessFailed, ProcessHung) as failure:
            raise SystemExit(str(failure)) from None
    return _report(scenarios, args)


def _report(scenarios: list[Scenario], args: argparse.Namespace) -> Report:
    report = Report("tui_typing")
    figures = {scenario.name: scenario.figures() for scenario in scenarios}
    rows = [
        [
            name,
            f"{fig['baseline_median_ms']:.3f}",
            f"{fig['ours_median_ms']:.3f}",
            f"{fig['ratio']:.2f}",
            f"{fig['baseline_p99_ms']:.3f}",
            f"{fig['ours_p99_ms']:.3f}",
            "met" if fig["ratio"] <= TARGET_RATIO else "NOT met",
        ]
        for name, fig in figures.items()
    ]
    report.table(
        f"CPU ms per key, {args.keys} keys per run, {args.runs} runs of each side, alternating",
        [
            "store",
            "baseline median",
            "capture median",
            "ratio",
            "baseline p99",
            "capture p99",
            f"target ≤ {TARGET_RATIO}",
        ],
        rows,
    )
    report.notes.append(
        "Each cell is the median over runs of that run's figure (CPU ms per key press, "
        "time.process_time() around each await pilot.press(key)); ratio = capture median / "
        "baseline median."
    )
    report.data = {
        "figures": figures,
        "runs": {
            scenario.name: {
                "baseline": [[run.median_ms, run.p99_ms] for run in scenario.baseline],
                "ours": [[run.median_ms, run.p99_ms] for run in scenario.ours],
            }
            for scenario in scenarios
        },
    }
    return report


if __name__ == "__main__":
    import run as runner

    sys.exit(runner.main(["tui_typing", *sys.argv[1:]]))
