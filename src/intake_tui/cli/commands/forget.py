"""``intake-tui forget --mobile N | --id ID``: remove one caller's data from this computer.

Also home of the show-and-ask step that ``purge`` shares: what will go is printed (masked),
then removed only after a "y" typed at a terminal, or with ``--yes``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Final

from intake_tui.cli import exit_codes
from intake_tui.i18n import Lang, Message, render
from intake_tui.parsing.phone import parse_mobile
from intake_tui.parsing.text import visible
from intake_tui.privacy.forgetting import (
    Plan,
    carry_out,
    forget_id_plan,
    forget_mobile_plan,
    lines_to_remove,
    matching_ids,
)
from intake_tui.privacy.masking import mask_mobile
from intake_tui.services.runtime import Runtime
from intake_tui.services.summary import summarise
from intake_tui.sinks.jsonl import JsonlSink
from intake_tui.store.database import Store

#: Rows listed before the rest is summarised as "… and N more".
SHOWN_ROWS: Final = 20
_YES: Final = frozenset({"y", "yes", "是", "确认"})
_OPEN_DELIVERY: Final = frozenset({"pending", "waiting", "sending"})


def _undelivered(store: Store, plan: Plan) -> int:
    """How many of the plan's submitted records the backend has not received yet."""
    return sum(
        1
        for stored in plan.records
        if stored.status == "submitted"
        and any(
            entry.status in _OPEN_DELIVERY
            for entry in store.outbox_entries(stored.id, destination="backend")
        )
    )


def show_plan(plan: Plan, store: Store, lines: int, heading: str, lang: Lang) -> None:
    """Print what *plan* removes: masked rows, counts, and records not yet delivered."""
    print(heading)
    for stored in plan.records[:SHOWN_ROWS]:
        cells = summarise(stored, lang).cells()
        print("  " + "  ".join(visible(cell) for cell in cells if cell))
    if len(plan.records) > SHOWN_ROWS:
        print("  " + render("cli.removal.more", lang, count=len(plan.records) - SHOWN_ROWS))
    drafts = sum(1 for stored in plan.records if stored.status == "draft")
    counts = {"drafts": drafts, "submitted": len(plan.records) - drafts}
    print(render("cli.removal.counts", lang, records=len(plan.records), lines=lines, **counts))
    if undelivered := _undelivered(store, plan):
        print(render("cli.removal.undelivered", lang, count=undelivered))


def _confirmed(lang: Lang) -> bool:
    """Ask at the terminal; anything but a yes (or end of input) is a no."""
    sys.stdout.write(render("cli.removal.prompt", lang))
    sys.stdout.flush()
    return sys.stdin.readline().strip().lower() in _YES


def confirm_and_remove(
    plan: Plan,
    store: Store,
    sink: JsonlSink | None,
    runtime: Runtime,
    *,
    assume_yes: bool,
    heading: str,
    example: str,
) -> int:
    """Show the plan, ask unless *assume_yes*, remove; the exit status of the command.

    Without a terminal to ask at and without ``--yes`` nothing is removed (exit 2): a
    script must say explicitly that it means to delete.
    """
    lang = runtime.lang
    show_plan(plan, store, lines_to_remove(plan, sink), heading, lang)
    if not assume_yes:
        if not sys.stdin.isatty():
            print(render("cli.removal.needs_yes", lang, example=example), file=sys.stderr)
            return exit_codes.USAGE
        if not _confirmed(lang):
            print(render("cli.removal.cancelled", lang))
            return exit_codes.PARTIAL
    try:
        removed = carry_out(plan, store, sink, actor=runtime.operator)
    except OSError as error:
        assert sink is not None  # only the file can fail this way
        detail = error.strerror or str(error)
        print(
            render(
                "cli.removal.file_failed",
                lang,
                file=sink.path,
                folder=sink.path.parent,
                detail=detail,
            ),
            file=sys.stderr,
        )
        return exit_codes.PARTIAL
    print(
        render(
            "cli.removal.done",
            lang,
            records=len(removed.record_ids),
            outbox=removed.outbox_rows,
            lines=removed.file_lines,
        )
    )
    return exit_codes.OK


def _mobile(args: argparse.Namespace, lang: Lang) -> str | None:
    """The normalised ``--mobile`` value; prints why and returns None when it is not one."""
    parsed = parse_mobile(args.mobile)
    if parsed.error is None and parsed.value:
        return parsed.value
    reason = (parsed.error or Message("value.required")).text(lang)
    print(render("cli.forget.bad_mobile", lang, value=args.mobile, reason=reason), file=sys.stderr)
    return None


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Forget one caller; exit 0 when done (or nothing held), 1 when declined, 2 on bad input."""
    lang = runtime.lang
    sink = runtime.file_sink()
    mobile = None
    if args.mobile is not None and (mobile := _mobile(args, lang)) is None:
        return exit_codes.USAGE
    with runtime.open_store() as store:
        if mobile is not None:
            plan = forget_mobile_plan(store, mobile)
            who, option = mask_mobile(mobile), "--mobile 13800138000"
        else:
            ids = matching_ids(store, sink, args.id)
            if len(ids) != 1:
                key = "cli.forget.id_ambiguous" if ids else "cli.forget.id_not_found"
                print(render(key, lang, id=args.id), file=sys.stderr)
                return exit_codes.PARTIAL
            resolved = ids[0]
            plan = forget_id_plan(store, resolved)
            who, option = resolved[:8], f"--id {resolved[:8]}"
        if not plan.records and lines_to_remove(plan, sink) == 0:
            # Still audited: the request was answered, and when.
            carry_out(plan, store, sink, actor=runtime.operator)
            print(render("cli.forget.nothing", lang, who=who))
            return exit_codes.OK
        return confirm_and_remove(
            plan,
            store,
            sink,
            runtime,
            assume_yes=args.yes,
            heading=render("cli.forget.heading", lang, who=who),
            example=f"intake-tui forget {option} --yes",
        )
