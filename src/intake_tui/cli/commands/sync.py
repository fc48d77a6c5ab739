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

from intake_tui import STARTED_AT
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
#: Rows claimed per round, at most and at first. One transaction claims a batch and one
#: records its outcomes, so a large backlog costs two disk syncs per batch; the size then
#: follows the backend's pace so that a round takes about _ROUND_S (a slow backend gets
#: small batches, and a row never waits long behind the others of its batch).
MAX_BATCH: Final = 500
FIRST_BATCH: Final = 20
_ROUND_S: Final = 0.5
#: Seconds a run may still send when start-up alone used up its --timeout (a busy desk PC
#: can take a second or two to load the program): half of the second a run may overrun.
_LEAST_WORK_S: Final = 0.5

#: Shows the attempts of one batch.
Report = Callable[[list[Attempt]], None]


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


def _seconds_until_due(due: str | None, now: datetime) -> float:
    """Seconds until the earliest open row is due (*due* is UTC text, "" for now)."""
    if not due:
        return 0.0
    try:
        moment = datetime.fromisoformat(due)
    except ValueError:
        return _MAX_NAP_S  # not a time: look again after a nap rather than spin
    return max(0.0, (moment - now).total_seconds())


@contextmanager
def _reporter(lang: Lang, total: int) -> Iterator[Report]:
    """Progress output: a rich bar on a terminal, plain lines otherwise (logs, pipes)."""
    if not sys.stdout.isatty():
        # One write per batch: a line-by-line flush is a system call per record.
        yield lambda attempts: print(
            "\n".join(_line(attempt, lang) for attempt in attempts), flush=True
        )
        return
    from rich.progress import Progress

    with Progress(transient=False) as progress:
        task = progress.add_task(render("delivery.sync.progress", lang), total=total or None)

        def report(attempts: list[Attempt]) -> None:
            for attempt in attempts:
                if attempt.status != "waiting":
                    progress.advance(task)
                progress.console.print(
                    _line(attempt, lang), markup=False, emoji=False, highlight=False
                )

        yield report


def next_batch_size(sent: int, elapsed_s: float) -> int:
    """The next batch size after *sent* rows took *elapsed_s*: about _ROUND_S of work."""
    if sent <= 0:
        return FIRST_BATCH
    pace = sent * _ROUND_S / max(elapsed_s, 1e-3)
    # At most double at a time, so one lucky round does not claim a huge batch.
    return max(1, min(MAX_BATCH, 2 * sent, int(pace)))


def _pace(attempts: list[Attempt], elapsed_s: float) -> tuple[int, float]:
    """(rows settled, seconds spent on them) of a batch that took *elapsed_s*.

    Rows that came back to wait, and the time they took, are left out: one record whose
    server hangs every time would otherwise shrink the batches to that one record, which,
    always due again first, would hold back every other record of the run.
    """
    waited = [attempt for attempt in attempts if attempt.status == "waiting"]
    return len(attempts) - len(waited), elapsed_s - sum(attempt.seconds for attempt in waited)


def _deliver_until_done(
    sender: Sender, store: Store, runtime: Runtime, deadline: float, report: Report
) -> None:
    """Send due rows batch after batch, sleeping until the next is due, until *deadline*
    (``time.monotonic()``), which also cuts off a request still running then."""
    batch = FIRST_BATCH
    while True:
        started = time.monotonic()
        attempts = sender.send_due(limit=batch, until=deadline)
        if attempts:
            report(attempts)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        if len(attempts) == batch:
            # A full batch: more are probably due right now.
            batch = next_batch_size(*_pace(attempts, time.monotonic() - started))
            continue
        count, due = store.outbox_open_summary(BACKEND)
        if count == 0:
            return
        wait = _seconds_until_due(due, runtime.now())
        if wait >= remaining:
            return
        time.sleep(min(wait, _MAX_NAP_S))


def _deadline(timeout_s: float) -> float:
    """The run's hard end (``time.monotonic()``): *timeout_s* after the program started, as
    a caller measures it, or a moment after now if loading took all of that."""
    return max(STARTED_AT + timeout_s, time.monotonic() + min(timeout_s, _LEAST_WORK_S))


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
    token_problem = settings.token_problem(os.environ)
    if token_problem is not None:
        print(token_problem.text(lang), file=sys.stderr)
        return exit_codes.USAGE
    token = settings.read_token(os.environ)
    with (
        runtime.open_store() as store,
        build_client(settings) as client,
        Sender(
            store, client, settings, token=token, actor=runtime.operator, lang=lang, now=runtime.now
        ) as sender,
    ):
        delivered = 0

        with _reporter(lang, store.outbox_open_summary(BACKEND)[0]) as report:

            def count(attempts: list[Attempt]) -> None:
                nonlocal delivered
                delivered += sum(1 for attempt in attempts if attempt.status == "delivered")
                report(attempts)

            _deliver_until_done(sender, store, runtime, _deadline(timeout_s), count)
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
