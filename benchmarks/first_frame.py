"""intake-tui started by the ``intake-tui`` command's own code, quitting at its first frame.

It runs the command's entry point with an empty command line, so the arguments, the
configuration lookup (``--config``, ``INTAKE_TUI_CONFIG``, the user folder, the
defaults), the store and the app are set up exactly as an operator's start does. Two
changes only, made by subclassing the app: it runs headless, and right after the capture
screen's first repaint with the cursor in need.kind it exits. tui_startup.py times it as
a whole process next to the issue's ``baseline_form.py --headless --exit``.

With ``--until ready`` it exits instead at the first repaint after the app reports the
configuration loaded and the store open (an app that loads before its first frame is
ready at once), which is when what the store holds can matter.

After the app has closed it prints when (CLOCK_MONOTONIC seconds, comparable with the
parent's clock) its imports were done, the first frame was drawn, and it exited::

    imported_monotonic=… frame_monotonic=… exit_monotonic=…

Exits non-zero when the cursor was never in need.kind.

    python benchmarks/first_frame.py [--until ready]
"""

from __future__ import annotations

import sys
import time
from typing import Any

from textual import events, on

import intake_tui.tui.app
from intake_tui.cli.main import main as intake_tui_main


def monotonic() -> float:
    """The clock the parent process reads too."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


IMPORTED = monotonic()
#: Seconds to wait for the cursor (and readiness) before calling the start-up wrong.
PATIENCE_S = 30.0
CURSOR_STATUS = 3
#: How often to look again while waiting for readiness (the resolution of that figure).
POLL_S = 0.002
FIRST_FIELD_ID = "f-need-kind"


class FirstFrameApp(intake_tui.tui.app.IntakeApp):
    """The operator's app, headless, closing itself once the capture screen is drawn."""

    #: When the capture screen was first drawn with the cursor in need.kind, and when the
    #: app was told to exit (class attributes: the command builds the instance).
    first_frame_at: float | None = None
    exit_at: float | None = None
    #: Also wait for the configuration and the store (``--until ready``).
    until_ready = False

    def run(self, **options: Any) -> Any:
        """Run as the command asks, but headless."""
        return super().run(**{**options, "headless": True})

    @on(events.Mount)
    def _watch_for_first_frame(self) -> None:
        # Mount handlers of every class in the MRO run, this one first, so the callback is queued
        # on the capture screen before IntakeApp.on_mount pushes it: it runs right after the
        # screen's first repaint, ahead of anything the screen itself schedules after it.
        self._after_capture_refresh()

    def _exit_now(self) -> None:
        type(self).exit_at = monotonic()
        self.exit()

    def _after_capture_refresh(self) -> None:
        self.capture.call_after_refresh(self._look)

    def _look(self) -> None:
        now = monotonic()
        focused = self.screen.focused
        cls = type(self)
        if self.screen is self.capture and focused is not None and focused.id == FIRST_FIELD_ID:
            cls.first_frame_at = cls.first_frame_at or now
            # An app without a `ready` flag loads everything before its first frame.
            if not self.until_ready or getattr(self, "ready", True):
                # As baseline_form.py does: exit from the first repaint's own callback.
                self._exit_now()
                return
        if now - IMPORTED < PATIENCE_S:
            # Look again shortly; re-posting at once would keep the loop from the loader.
            self.set_timer(POLL_S, self._after_capture_refresh)
            return
        where = focused.id if focused is not None else None
        self.exit(return_code=CURSOR_STATUS, message=f"cursor in {where!r}, not {FIRST_FIELD_ID}")


def main() -> int:
    """Run ``intake-tui`` with no arguments, the app swapped for the first-frame one."""
    # The command imports the app class from this module when it starts the TUI.
    intake_tui.tui.app.IntakeApp = FirstFrameApp  # type: ignore[misc]
    FirstFrameApp.until_ready = sys.argv[1:] == ["--until", "ready"]
    status = intake_tui_main([])
    if FirstFrameApp.exit_at is None or FirstFrameApp.first_frame_at is None:
        print("the capture screen was never ready with the cursor in need.kind", file=sys.stderr)
        return status or CURSOR_STATUS
    print(
        f"imported_monotonic={IMPORTED:.6f} frame_monotonic={FirstFrameApp.first_frame_at:.6f} "
        f"exit_monotonic={FirstFrameApp.exit_at:.6f}"
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
