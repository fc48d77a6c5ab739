"""``intake-tui`` without a command: the operator's capture screen."""

from __future__ import annotations

import argparse

from intake_tui.cli import exit_codes
from intake_tui.services.runtime import Runtime


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Start the TUI and return when the operator quits (store errors reach main as usual)."""
    from intake_tui.tui.app import IntakeApp

    app = IntakeApp(runtime, offline=bool(getattr(args, "offline", False)))
    app.run()
    return exit_codes.OK if app.return_code in (None, 0) else exit_codes.PARTIAL
