"""``intake-tui sync``: deliver every due record to the backend, retrying until done or timeout."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Final

from intake_tui.cli import exit_codes
from intake_tui.delivery.client import build_client
from intake_tui.delivery.sender import BACKEND, Attempt, Sender
from intake_tui.i18n import Lang, render
from intake_tui.services.runtime import Runtime
from intake_tui.store.database import Store
from intake_tui.store.models import OutboxEntry

#: Statuses of a backend row that still needs sending.
_OPEN: Final = ("pending", "waiting", "sending")
#: Longest single sleep, so the run notices its deadline and Ctrl-C promptly.
_MAX_NAP_S: Final = 1.0

Report = Callable[[Attempt], None]


def _line(attempt: Attempt, lang: Lang) -> str:
    """One plain progress line for an attempt."""
    detail = "" if attempt.status == "delivered" else f" — {attempt.message.text(lang)}"
    return render(
        "delivery.sync.line",
        lang,
        record_id=attempt.entry.record_id,
        revision=attempt.entry.revision,
        status=render(f"delivery.status.{attempt.status}", lang),
        detail=detail,
    )


def _open_rows(store: Store) -> list[OutboxEntry]:
    """Backend rows not yet delivered or rejected."""
    return [
        entry
        for status in _OPEN
        for entry in store.outbox_entries(destination=BACKEND, status=status)
    ]


def _seconds_until_due(rows: list[OutboxEntry], now: datetime) -> float:
    """Seconds until the earliest open row is due again (0 when one is due now)."""
    waits: list[float] = []
    for entry in rows:
        if entry.status == "pending" or entry.next_attempt_at is None:
            return 0.0
        waits.append((datetime.fromisoformat(entry.next_attempt_at) - now).total_seconds())
    return max(0.0, min(waits, default=0.0))


@contextmanager
def _reporter(lang: Lang, total: int) -> Iterator[Report]:
    """Progress output: a rich bar on a terminal, plain lines otherwise (logs, pipes)."""
    if not sys.stdout.isatty():
        yield lambda attempt: print(_line(attempt, lang), flush=True)
        return
    from rich.progress import Progress

    with Progress(transient=False) as progress:
        task = progress.add_task(render("delivery.sync.progress", lang), total=total or None)

        def report(attempt: Attempt) -> None:
            if attempt.status != "waiting":
                progress.advance(task)
            progress.console.print(_line(attempt, lang), markup=False, highlight=False)

        yield report


def _deliver_until_done(
    sender: Sender, store: Store, runtime: Runtime, timeout_s: float, report: Report
) -> None:
    """Send due rows round after round, sleeping until the next is due, until the deadline."""
    deadline = time.monotonic() + timeout_s
    while True:
        for attempt in sender.send_due():
            report(attempt)
        open_rows = _open_rows(store)
        remaining = deadline - time.monotonic()
        if not open_rows or remaining <= 0:
            return
        wait = _seconds_until_due(open_rows, runtime.now())
        if wait >= remaining:
            return
        time.sleep(min(wait, _MAX_NAP_S))


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Sync; exit 0 when nothing is left waiting or rejected, 1 otherwise, 2 when not set up."""
    lang = runtime.lang
    settings = runtime.config.backend
    if not settings.enabled:
        print(render("delivery.sync.disabled", lang), file=sys.stderr)
        return exit_codes.USAGE
    if not settings.url:
        print(render("delivery.sync.no_url", lang), file=sys.stderr)
        return exit_codes.USAGE
    timeout_s: float = args.timeout if args.timeout is not None else settings.sync_timeout_s
    token = settings.read_token(os.environ)
    with runtime.open_store() as store, build_client(settings) as client:
        sender = Sender(
            store, client, settings, token=token, actor=runtime.operator, lang=lang, now=runtime.now
        )
        delivered = 0

        with _reporter(lang, len(_open_rows(store))) as report:

            def count(attempt: Attempt) -> None:
                nonlocal delivered
                if attempt.status == "delivered":
                    delivered += 1
                report(attempt)

            _deliver_until_done(sender, store, runtime, timeout_s, count)
        left = _open_rows(store)
        rejected = store.outbox_entries(destination=BACKEND, status="rejected")
    summary = render(
        "delivery.sync.summary",
        lang,
        delivered=delivered,
        waiting=len(left),
        rejected=len(rejected),
    )
    print(summary, file=sys.stderr)
    for entry in [*left, *rejected]:
        print(
            render(
                "delivery.sync.reason",
                lang,
                record_id=entry.record_id,
                revision=entry.revision,
                status=render(f"delivery.status.{_shown_status(entry)}", lang),
                reason=entry.last_error or "-",
            ),
            file=sys.stderr,
        )
    return exit_codes.PARTIAL if left or rejected else exit_codes.OK


def _shown_status(entry: OutboxEntry) -> str:
    """The status word for the summary (pending and sending rows are still waiting)."""
    return "rejected" if entry.status == "rejected" else "waiting"
