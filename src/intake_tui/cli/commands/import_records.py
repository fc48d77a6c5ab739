"""``intake-tui import FILE``: store every valid record as if captured, report the rest by line."""

from __future__ import annotations

import argparse
import sys

from intake_tui.cli import exit_codes
from intake_tui.cli.input_file import read_input
from intake_tui.i18n import Lang, render
from intake_tui.services.importing import Importer, LineIssue
from intake_tui.services.runtime import Runtime
from intake_tui.services.submission import Submitter


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Import; exit 1 when any record was invalid or in conflict (the rest are stored)."""
    records = read_input(args.file, args.format, runtime.lang)
    if records is None:
        return exit_codes.USAGE
    lang = runtime.lang
    with runtime.open_store() as store:
        submitter = Submitter(store, runtime.file_sink(), actor=runtime.operator)
        submitter.flush_file_backlog()
        importer = Importer(
            submitter,
            runtime.filling(submitted=True),
            report=lambda issue: _print_issue(issue, lang),
            allow_newer=bool(getattr(args, "allow_newer_revisions", False)),
        )
        tally = importer.run(records)
    sys.stdout.flush()
    print(
        render(
            "cli.import.summary",
            lang,
            stored=tally.stored,
            already=tally.already,
            repeated=tally.repeated,
            conflicts=tally.conflicts,
            invalid=tally.invalid,
        ),
        file=sys.stderr,
    )
    if records.failed:
        return exit_codes.USAGE
    return exit_codes.PARTIAL if tally.failed else exit_codes.OK


def _print_issue(issue: LineIssue, lang: Lang) -> None:
    text = issue.message.text(lang)
    print(render("cli.import.bad_line", lang, line=issue.line, field=issue.field, message=text))
