"""CPU time per key typed into a capture field, measured the way baseline_typing.py measures.

The issue's ``baseline_typing.py`` types into a bare Textual Input; this types the same
text (imported from that file), the same number of keys, at the same terminal size, into
the capture screen's company.name field of the real app, headless under Pilot, with
``time.process_time()`` around each ``await pilot.press(key)``. The configuration is
found as ``intake-tui`` finds it (set ``INTAKE_TUI_CONFIG`` to pick the store). Typing
starts once the store is open and the app's deferred start-up work has finished, so the
figure is the steady cost of a key. Prints the baseline's line format:

    keys=300 cpu_median_ms=0.000 cpu_p99_ms=0.000

    python benchmarks/capture_typing.py [KEYS]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

from textual.widgets import Input

from tui_setup import baseline_dir

sys.path.insert(0, str(baseline_dir()))
from baseline_typing import TEXT  # type: ignore[import-not-found]  # outside the repository

#: Seconds to let the app finish the work it defers after start-up (option-search warm-up).
SETTLE_S = 3.0
FIELD = "company.name"


async def main(count: int) -> None:
    """Type *count* keys into company.name and print the median and p99 CPU ms per key."""
    from intake_tui.services.runtime import load_runtime
    from intake_tui.tui.app import IntakeApp

    app = IntakeApp(load_runtime(None, None))
    async with app.run_test(size=(100, 40)) as pilot:
        while not app.capture.is_mounted or not getattr(app, "ready", True):
            await pilot.pause(0.05)
        await pilot.pause(SETTLE_S)
        await app.workers.wait_for_complete()
        app.capture.focus_path(FIELD)
        await pilot.pause()
        focused = app.focused
        if focused is None or focused.id != "f-company-name":
            raise SystemExit(f"the cursor is in {focused!r}, not in {FIELD}")
        keys = list((TEXT * (count // len(TEXT) + 1))[:count])
        costs = []
        for key in keys:
            start = time.process_time()
            await pilot.press(key)
            costs.append(time.process_time() - start)
        typed = focused.value if isinstance(focused, Input) else ""
        if typed != "".join(keys):
            raise SystemExit(f"{FIELD} holds {typed[:40]!r}…, not the {count} typed keys")
    costs.sort()
    p99 = costs[max(0, int(len(costs) * 0.99) - 1)]
    print(
        f"keys={count} cpu_median_ms={statistics.median(costs) * 1e3:.3f} "
        f"cpu_p99_ms={p99 * 1e3:.3f}"
    )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 300))
