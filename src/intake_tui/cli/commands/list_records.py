"""``intake-tui list``: stored inquiries, newest first, personal data masked."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from intake_tui.cli import exit_codes
from intake_tui.i18n import render
from intake_tui.parsing.text import visible
from intake_tui.services.runtime import Runtime
from intake_tui.services.summary import summarise


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Print a table (or JSON lines with ``--json``)."""
    lang = runtime.lang
    status = None if args.status == "all" else args.status
    limit = max(1, args.limit)
    with runtime.open_store() as store:
        rows = store.list(status=status, search=args.search, limit=limit)
        total = store.count(status=status)
    summaries = [summarise(stored, lang) for stored in rows]
    if args.json:
        for summary in summaries:
            sys.stdout.write(json.dumps(summary.as_json(), ensure_ascii=False) + "\n")
        return exit_codes.OK
    _print_table(summaries, lang, shown=len(rows), total=total, searched=bool(args.search))
    return exit_codes.OK


def _print_table(
    summaries: list[Any], lang: Any, *, shown: int, total: int, searched: bool
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # Names and notes are data: never markup, emoji codes or links.
    console = Console(markup=False, emoji=False, highlight=False)
    if not summaries:
        console.print(render("cli.list.empty", lang))
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for key in ("id", "when", "status", "need", "company", "contact", "mobile"):
        table.add_column(render(f"cli.list.col.{key}", lang), no_wrap=key in ("id", "mobile"))
    for summary in summaries:
        table.add_row(*(Text(visible(cell)) for cell in summary.cells()))
    console.print(table)
    note = "cli.list.footer_search" if searched else "cli.list.footer"
    console.print(render(note, lang, shown=shown, total=total), style="dim")
