"""``intake-tui purge --older-than DAYS``: remove records older than a number of days."""

from __future__ import annotations

import argparse
import sys

from intake_tui.cli import exit_codes
from intake_tui.cli.commands.forget import confirm_and_remove
from intake_tui.cli.options import MAX_DAYS
from intake_tui.i18n import render
from intake_tui.privacy.forgetting import cutoff_for, lines_to_remove, purge_plan
from intake_tui.services.runtime import Runtime


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Purge by age; exit 0 when done (or nothing old), 1 when declined, 2 on bad input."""
    lang = runtime.lang
    days: int = args.older_than
    if not 1 <= days <= MAX_DAYS:
        print(render("cli.purge.bad_days", lang, value=days), file=sys.stderr)
        return exit_codes.USAGE
    cutoff = cutoff_for(days, runtime.now())
    shown_cutoff = cutoff.isoformat(timespec="minutes").replace("T", " ")
    sink = runtime.file_sink()
    with runtime.open_store() as store:
        plan = purge_plan(store, sink, cutoff, details={"older_than_days": days})
        if not plan.records and lines_to_remove(plan, sink) == 0:
            print(render("cli.purge.nothing", lang, cutoff=shown_cutoff))
            return exit_codes.OK
        return confirm_and_remove(
            plan,
            store,
            sink,
            runtime,
            assume_yes=args.yes,
            heading=render("cli.purge.heading", lang, cutoff=shown_cutoff, days=days),
            example=f"intake-tui purge --older-than {days} --yes",
        )
