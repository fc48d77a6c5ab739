"""Start-up to the first interactive frame, side by side with a bare Textual form.

Each round runs these processes one after the other, so the kinds alternate:

- baseline: the issue's ``baseline_form.py --headless --exit``, exactly as given;
- baseline, timed: the same form through ``baseline_first_frame.py``, which also reports
  when its first frame was drawn;
- first frame: ``first_frame.py``, intake-tui started by the command's own code, exiting
  right after the capture screen's first repaint with the cursor in need.kind;
- ready: ``first_frame.py --until ready``, exiting once the configuration is loaded and
  the store is open (for an app that defers that work past its first frame).

Wall clock is timed around each process; CPU is the kernel's user + system time of the
child. Scenarios: an existing empty store, and a store of 100,000 submitted inquiries
(generated once into benchmarks/results/cache/). The issue's target: "first frame" at
most 1.3 × "baseline" (median of the per-round whole-process wall-clock ratios).

    python benchmarks/run.py tui_startup [--pairs 15] [--no-large-store]
    python benchmarks/tui_startup.py
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
from process_timing import ProcessFailed, ProcessHung, ProcessRun, median_ratio, timed_run
from tui_setup import LARGE_STORE_SIZE, baseline_dir, config_env, large_store_dir, write_config

TARGET_RATIO = 1.3
#: A start-up that has not ended after this long hangs.
TIMEOUT_S = 15.0
HERE = Path(__file__).resolve().parent
MONOTONIC = re.compile(r"(\w+)_monotonic=([0-9.]+)")
#: What the timed scripts report, in order: imports done, first frame, exit called.
MOMENTS = ("imported", "frame", "exit")
BASELINE, TIMED_BASELINE, FIRST_FRAME, READY = "baseline", "baseline, timed", "first frame", "ready"
#: What each process of a round is, in the order they run.
KINDS = (BASELINE, TIMED_BASELINE, FIRST_FRAME, READY)


@dataclass
class Scenario:
    """One store to start on, and the runs of each kind measured with it."""

    name: str
    config: Path
    runs: dict[str, list[ProcessRun]] = field(default_factory=lambda: {k: [] for k in KINDS})
    #: Kinds whose process did not end (killed after TIMEOUT_S), with what it printed.
    hangs: dict[str, str] = field(default_factory=dict)

    def figures(self, kind: str) -> dict[str, float]:
        """Medians (ms) of *kind*'s runs and the medians of their per-round ratios."""
        runs, baseline = self.runs[kind], self.runs[BASELINE]
        wall = [run.wall_s for run in runs]
        cpu = [run.cpu_s for run in runs]
        figures = {
            "runs": len(runs),
            "wall_ms": statistics.median(wall) * 1e3,
            "cpu_ms": statistics.median(cpu) * 1e3,
            "wall_ratio": median_ratio(wall, [run.wall_s for run in baseline]),
            "cpu_ratio": median_ratio(cpu, [run.cpu_s for run in baseline]),
        }
        if kind != BASELINE:
            moments = [milestones(run) for run in runs]
            for moment in MOMENTS:
                figures[f"{moment}_ms"] = statistics.median(m[moment] for m in moments) * 1e3
            timed = [milestones(run)["frame"] for run in self.runs[TIMED_BASELINE]]
            frames = [m["frame"] for m in moments]
            figures["frame_ratio"] = median_ratio(frames, timed)
        return figures


def milestones(run: ProcessRun) -> dict[str, float]:
    """Seconds from starting a timed script to each moment it reported (MOMENTS)."""
    found = {name: float(value) for name, value in MONOTONIC.findall(run.stdout)}
    if set(found) != set(MOMENTS):
        raise SystemExit(f"a timed start-up did not report {MOMENTS}:\n{run.stdout}")
    return {name: at - run.started_monotonic for name, at in found.items()}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this benchmark."""
    parser.add_argument("--pairs", type=int, default=15, help="rounds per scenario (>= 15)")
    parser.add_argument(
        "--no-large-store", action="store_true", help="skip the 100,000-inquiry scenario"
    )


def run(args: argparse.Namespace) -> Report:
    """Alternate baseline and intake-tui start-ups on each store and report the medians."""
    bench = baseline_dir()
    python = sys.executable
    commands = {
        BASELINE: [python, "baseline_form.py", "--headless", "--exit"],
        TIMED_BASELINE: [python, str(HERE / "baseline_first_frame.py"), "--headless", "--exit"],
        FIRST_FRAME: [python, str(HERE / "first_frame.py")],
        READY: [python, str(HERE / "first_frame.py"), "--until", "ready"],
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tui_startup-", dir=RESULTS_DIR) as temporary:
        folder = Path(temporary)
        scenarios = [Scenario("empty store", write_config(folder / "empty.toml", folder / "data"))]
        if not args.no_large_store:
            large = write_config(folder / "large.toml", large_store_dir())
            scenarios.append(Scenario(f"{LARGE_STORE_SIZE:,} inquiries", large))
        try:
            for scenario in scenarios:
                _measure(scenario, commands, bench, args.pairs)
        except ProcessFailed as failure:
            raise SystemExit(str(failure)) from None
    return _report(scenarios, args.pairs)


def _measure(scenario: Scenario, commands: dict[str, list[str]], bench: Path, rounds: int) -> None:
    """Run *rounds* rounds of every kind on *scenario*'s store (a kind that hangs is dropped)."""
    env = config_env(scenario.config)
    kinds = list(KINDS)
    for round_number in range(-1, rounds):
        for kind in list(kinds):
            try:
                run = timed_run(commands[kind], cwd=bench, env=env, timeout_s=TIMEOUT_S)
            except ProcessHung as hung:
                if kind in (BASELINE, TIMED_BASELINE):
                    raise SystemExit(str(hung)) from None
                # Recorded and reported instead of aborting: the other kinds still say a lot.
                scenario.hangs[kind] = str(hung)
                kinds.remove(kind)
                continue
            # Round -1 is untimed: it creates the empty store and fills the page cache.
            if round_number >= 0:
                scenario.runs[kind].append(run)


def _row(scenario: Scenario, kind: str, fig: dict[str, float] | None) -> list[str]:
    if fig is None:
        return [scenario.name, kind, f"did not exit within {TIMEOUT_S:.0f} s", *[""] * 7, "NOT met"]
    target = ""
    if kind == FIRST_FRAME:
        target = "met" if fig["wall_ratio"] <= TARGET_RATIO else "NOT met"
    moments = [f"{fig[f'{m}_ms']:.0f}" if f"{m}_ms" in fig else "—" for m in MOMENTS]
    return [
        scenario.name,
        kind,
        f"{fig['wall_ms']:.0f}",
        f"{fig['cpu_ms']:.0f}",
        f"{fig['wall_ratio']:.2f}",
        f"{fig['cpu_ratio']:.2f}",
        *moments,
        f"{fig['frame_ratio']:.2f}" if "frame_ratio" in fig else "—",
        target,
    ]


def _report(scenarios: list[Scenario], pairs: int) -> Report:
    report = Report("tui_startup")
    figures = {s.name: {k: s.figures(k) for k in KINDS if k not in s.hangs} for s in scenarios}
    rows = [
        _row(scenario, kind, figures[scenario.name].get(kind))
        for scenario in scenarios
        for kind in KINDS
    ]
    report.table(
        f"Start-up, whole processes ({pairs} rounds per store; kinds alternate in each round)",
        [
            "store",
            "process",
            "wall ms",
            "CPU ms",
            "wall × baseline",
            "CPU × baseline",
            "imported at ms",
            "first frame at ms",
            "exit called at ms",
            "first frame × timed baseline",
            f"target ≤ {TARGET_RATIO}",
        ],
        rows,
    )
    report.notes.append(
        "wall and CPU: medians over the rounds; '× baseline': median of the per-round ratios "
        "to the round's baseline run. CPU is user + system time of the child. The 'at' "
        "columns: from starting the process to the end of the script's imports, to the first "
        "repaint (capture screen, cursor in need.kind), and to the call of exit(), read from "
        "the monotonic clock inside the child; the rest of the wall time is shutting down "
        "(including threads still at work). 'first frame × timed baseline': median of the "
        "per-round ratios of first-frame moments."
    )
    for scenario in scenarios:
        for kind, output in scenario.hangs.items():
            report.notes.append(f"{scenario.name}, {kind}: HUNG. {output.strip()}")
    report.data = {
        "figures": figures,
        "hangs": {s.name: s.hangs for s in scenarios},
        "runs": {
            s.name: {kind: [[r.wall_s, r.cpu_s] for r in runs] for kind, runs in s.runs.items()}
            for s in scenarios
        },
    }
    return report


if __name__ == "__main__":
    import run as runner

    sys.exit(runner.main(["tui_startup", *sys.argv[1:]]))
