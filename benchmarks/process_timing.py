"""Timing whole child processes: wall clock around the run, CPU from the kernel's accounting."""

from __future__ import annotations

import resource
import shlex
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProcessRun:
    """One finished child process: seconds of wall clock and of CPU (user + system)."""

    wall_s: float
    cpu_s: float
    stdout: str
    #: When the child was started, on CLOCK_MONOTONIC (the clock children can read too).
    started_monotonic: float


class ProcessHung(Exception):
    """A child did not end in time (it was killed)."""


class ProcessFailed(Exception):
    """A child ended with a non-zero status."""


def _children_cpu_s() -> float:
    """CPU seconds of every child this process has waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(
    command: Sequence[str], *, cwd: Path, env: Mapping[str, str], timeout_s: float = 120.0
) -> ProcessRun:
    """Run *command* to completion; raises ProcessHung or ProcessFailed with its output."""
    cpu_before = _children_cpu_s()
    started_monotonic = time.clock_gettime(time.CLOCK_MONOTONIC)
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            list(command),
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout_s,
        )
    except subprocess.TimeoutExpired as expired:
        printed = b"".join(_as_bytes(out) for out in (expired.stdout, expired.stderr))
        raise ProcessHung(
            f"{shlex.join(command)} (in {cwd}) did not end within {timeout_s:.0f} s and was "
            f"killed; what it printed:\n{printed.decode(errors='replace')}"
        ) from None
    wall = time.perf_counter() - started
    # Only one child runs at a time, so the growth of the children's total is this one's.
    cpu = _children_cpu_s() - cpu_before
    if completed.returncode != 0:
        raise ProcessFailed(
            f"{shlex.join(command)} (in {cwd}) failed with status {completed.returncode}:\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return ProcessRun(wall, cpu, completed.stdout, started_monotonic)


def _as_bytes(output: str | bytes | None) -> bytes:
    """Output of a killed child (bytes even in text mode, or None when there was none)."""
    if output is None:
        return b""
    return output.encode() if isinstance(output, str) else output


def median_ratio(ours: Sequence[float], baseline: Sequence[float]) -> float:
    """The median of the pairwise ratios ours[i] / baseline[i]."""
    return statistics.median(a / b for a, b in zip(ours, baseline, strict=True))
