"""What every benchmark module shares: the report shape, percentiles, the machine."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass
class Report:
    """One benchmark's outcome: markdown tables for people, data for the JSON file."""

    name: str
    tables: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def table(self, title: str, columns: list[str], rows: list[list[str]]) -> None:
        """Add a table (cells already formatted)."""
        self.tables.append((title, columns, rows))

    def markdown(self) -> str:
        """The report as markdown."""
        parts: list[str] = []
        for title, columns, rows in self.tables:
            parts.append(f"### {title}\n")
            parts.append("| " + " | ".join(columns) + " |")
            parts.append("|" + "|".join("---:" if i else "---" for i in range(len(columns))) + "|")
            parts.extend("| " + " | ".join(row) + " |" for row in rows)
            parts.append("")
        parts.extend(f"- {note}" for note in self.notes)
        return "\n".join(parts)


def percentile(samples_ns: list[int], fraction: float) -> float:
    """The *fraction* percentile (nearest rank) of nanosecond samples, in milliseconds."""
    ordered = sorted(samples_ns)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank] / 1e6


def summary(samples_ns: list[int]) -> dict[str, float]:
    """Median, p99, mean and max in milliseconds."""
    return {
        "median_ms": statistics.median(samples_ns) / 1e6,
        "p99_ms": percentile(samples_ns, 0.99),
        "mean_ms": statistics.fmean(samples_ns) / 1e6,
        "max_ms": max(samples_ns) / 1e6,
    }


def machine() -> dict[str, str]:
    """Where the figures were measured."""
    return {
        "nproc": str(os.cpu_count()),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "system": f"{platform.system()} {platform.release()}",
    }


def _cpu_model() -> str:
    """The CPU model name, where the system tells it."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ms(value: float) -> str:
    """Milliseconds for a table cell."""
    return f"{value:.3f}"
