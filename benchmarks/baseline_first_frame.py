"""The issue's baseline_form.py, run unchanged but reporting when its first frame was drawn.

It imports the baseline's app from the shared bench folder and adds one callback, queued
ahead of the baseline's own ``call_after_refresh(self.exit)``, that notes the time of
the first repaint, and notes when ``exit`` is called; the baseline then exits as it
always does. It prints the same line
as first_frame.py, so tui_startup.py can compare first frames as well as whole processes::

    imported_monotonic=… frame_monotonic=… exit_monotonic=…

    python benchmarks/baseline_first_frame.py --headless --exit
"""

from __future__ import annotations

import sys
import time

from textual import events, on

from tui_setup import baseline_dir

sys.path.insert(0, str(baseline_dir()))
from baseline_form import BareForm  # type: ignore[import-not-found]  # outside the repository


def monotonic() -> float:
    """The clock the parent process reads too."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


IMPORTED = monotonic()


class TimedBareForm(BareForm):  # type: ignore[misc]  # untyped: found at run time
    """The baseline form, noting its first repaint."""

    first_frame_at: float | None = None
    exit_at: float | None = None

    @on(events.Mount)
    def _watch_for_first_frame(self) -> None:
        # Runs before BareForm.on_mount, so this callback precedes the baseline's exit.
        self.call_after_refresh(self._first_frame)

    def _first_frame(self) -> None:
        type(self).first_frame_at = monotonic()

    def exit(self, *args: object, **kwargs: object) -> None:
        """Note when the baseline asks to exit, then exit."""
        type(self).exit_at = type(self).exit_at or monotonic()
        super().exit(*args, **kwargs)


def main() -> int:
    """Run the baseline form as its own ``__main__`` does, then print the moments."""
    TimedBareForm().run(headless="--headless" in sys.argv)
    if TimedBareForm.first_frame_at is None or TimedBareForm.exit_at is None:
        print("the baseline form was never drawn", file=sys.stderr)
        return 1
    print(
        f"imported_monotonic={IMPORTED:.6f} frame_monotonic={TimedBareForm.first_frame_at:.6f} "
        f"exit_monotonic={TimedBareForm.exit_at:.6f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
