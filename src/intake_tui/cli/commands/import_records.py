"""``intake-tui import FILE``: store every valid record as if captured, report the rest by line."""

from __future__ import annotations

import argparse
import sys

from intake_tui.cli import exit_codes
from intake_tui.cli.input_file import read_input
from intake_tui.i18n import render
from intake_tui.record.normalise import normalise
from intake_tui.services.reading import BadInput
from intake_tui.services.runtime import Runtime
from intake_tui.services.submission import Submitter


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Import; exit 1 when any record was invalid (the valid ones are stored regardless)."""
    records = read_input(args.file, args.format, runtime.lang)
    if records is None:
        return exit_codes.USAGE
    lang = runtime.lang
    filling = runtime.filling(submitted=True)
    stored = already = invalid = 0
    with runtime.open_store() as store:
        submitter = Submitter(store, runtime.file_sink(), actor=runtime.operator)
        submitter.flush_file_backlog()
        for item in records:
            if isinstance(item, BadInput):
                invalid += 1
                print(
                    render(
                        "cli.import.bad_line",
                        lang,
                        line=item.line,
                        field="-",
                        message=item.message.text(lang),
                    )
                )
                continue
            outcome = normalise(item.value, filling)
            if not outcome.ok or outcome.inquiry is None:
                invalid += 1
                for issue in outcome.errors:
                    print(
                        render(
                            "cli.import.bad_line",
                            lang,
                            line=item.line,
                            field=issue.field or "-",
                            message=issue.message.text(lang),
                        )
                    )
                continue
            if submitter.submit(outcome.inquiry):
                stored += 1
            else:
                already += 1
    print(
        render("cli.import.summary", lang, stored=stored, already=already, invalid=invalid),
        file=sys.stderr,
    )
    return exit_codes.PARTIAL if invalid else exit_codes.OK
