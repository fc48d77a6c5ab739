"""F9: what is waiting to be sent or was rejected, why, and what to do about it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from intake_tui.i18n import Lang, render
from intake_tui.parsing.text import visible
from intake_tui.record.fields import FIELDS
from intake_tui.services.capture import CaptureSession
from intake_tui.services.delivery_loop import current_rejections, open_entries
from intake_tui.store.errors import StoreError
from intake_tui.store.models import OutboxEntry, StoredInquiry
from intake_tui.tui import bindings
from intake_tui.tui.access import intake_app

if TYPE_CHECKING:
    from intake_tui.services.runtime import Runtime
    from intake_tui.store.database import Store
    from intake_tui.tui.app import IntakeApp

#: Rows listed at most; an export always has them all.
SHOWN: Final = 500
COLUMNS: Final = ("id", "revision", "status", "attempts", "next", "company")


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """One listed record: its outbox row, its company, and the reason in plain words."""

    entry: OutboxEntry
    company: str
    reason: str


@dataclass(frozen=True, slots=True)
class Listing:
    """What the screen shows: the rows, and how many there are in all."""

    rows: list[OutboxRow]
    waiting: int
    rejected: int


def correction_session(runtime: Runtime, stored: StoredInquiry) -> CaptureSession:
    """A capture session holding a stored record's values as typed text: same id, same call."""
    from intake_tui.tui.app import field_text

    texts = {spec.path: field_text(stored.record, spec.path) for spec in FIELDS}
    fields = {path: text for path, text in texts.items() if text}
    filling = runtime.filling(submitted=False)
    return CaptureSession.resume(filling, stored.id, fields, stored.created_at)


def _reason(entry: OutboxEntry, lang: Lang, *, offline: bool) -> str:
    """Why the record is still here: the outcome's message as recorded, or why not sent yet."""
    if entry.last_error:
        return entry.last_error
    key = "tui.outbox.reason.offline_mode" if offline else "tui.outbox.reason.pending"
    return render(key, lang)


def _next_try(entry: OutboxEntry, now: datetime, lang: Lang, *, offline: bool) -> str:
    """When the record is tried again, in the operator's local time."""
    if entry.status == "rejected":
        return render("tui.outbox.next.after_correction", lang)
    if offline:
        return render("tui.outbox.next.offline_mode", lang)
    if entry.status == "sending":
        return render("tui.outbox.next.sending", lang)
    if entry.status == "pending" or not entry.next_attempt_at:
        return render("tui.outbox.next.soon", lang)
    try:
        due = datetime.fromisoformat(entry.next_attempt_at).astimezone(now.tzinfo)
    except ValueError:
        return render("tui.outbox.next.soon", lang)
    if due <= now:
        return render("tui.outbox.next.soon", lang)
    return due.strftime("%H:%M:%S" if due.date() == now.date() else "%m-%d %H:%M")


def _company(stored: StoredInquiry | None) -> str:
    company = stored.record.get("company") if stored is not None else None
    name = company.get("name") if isinstance(company, dict) else None
    return name if isinstance(name, str) else "—"


def read_listing(store: Store, lang: Lang, *, offline: bool) -> Listing:
    """Rejected records first (they need the operator), then those waiting, oldest first."""
    rejected = current_rejections(store)
    waiting = open_entries(store)
    rows = [
        OutboxRow(
            entry, _company(store.get(entry.record_id)), _reason(entry, lang, offline=offline)
        )
        for entry in [*rejected, *waiting][:SHOWN]
    ]
    return Listing(rows, len(waiting), len(rejected))


def outstanding_records(store: Store) -> list[StoredInquiry]:
    """The stored records of every waiting or rejected row, each once."""
    seen: dict[str, StoredInquiry] = {}
    for entry in [*current_rejections(store), *open_entries(store)]:
        stored = store.get(entry.record_id)
        if stored is not None and stored.status == "submitted":
            seen.setdefault(stored.id, stored)
    return list(seen.values())


def export_outstanding(store: Store, path: Path, lang: Lang, *, actor: str) -> int:
    """Write every waiting or rejected record, masked, as CSV to *path*; audited; 0 if none."""
    from intake_tui.exporting.writers import write_csv
    from intake_tui.privacy.masking import mask_record

    records = outstanding_records(store)
    if not records:
        return 0
    count = write_csv(path, (mask_record(stored.record) for stored in records), lang)
    details = {"format": "csv", "count": count, "unmasked": False, "file": str(path)}
    store.audit("exported", actor=actor, details={**details, "scope": "outbox"})
    return count


def open_correction(app: IntakeApp, record_id: str, reason: str) -> None:
    """Open a rejected record in the form; submitting it sends it as revision + 1."""
    stored = app.store.get(record_id) if app.ready else None
    if stored is None or stored.status != "submitted" or app.runtime is None:
        return
    app.corrections = app.corrections | {record_id}
    app.capture.load_session(correction_session(app.runtime, stored))
    lang = app.lang
    revision = stored.revision + 1
    message = render(
        "tui.outbox.correcting", lang, id=record_id[:8], reason=reason, revision=revision
    )
    app.notify(message, timeout=30)


def submit_correction(app: IntakeApp, session: CaptureSession) -> str | None:
    """Store a corrected record as the next revision and queue it; None when not stored."""
    outcome = session.outcome()
    if not outcome.ok or outcome.inquiry is None:
        return None
    lang = app.lang
    if app.submitter is None or app.runtime is None:
        app.notify(render("tui.loading", lang), severity="warning")
        return None
    record_id = session.record_id
    try:
        revision = app.store.resubmit_corrected(
            outcome.inquiry.document(),
            destinations=app.submitter.destinations(),
            actor=app.runtime.operator,
        )
        if revision is not None:
            # The new revision's line in the local file, written as for any submission.
            app.submitter.flush_file_backlog()
    except (StoreError, OSError) as error:
        text = error.message.text(lang) if isinstance(error, StoreError) else str(error)
        app.notify(render("tui.submit.failed", lang, detail=text), severity="error", timeout=30)
        return None
    if revision is None:
        refused = render("tui.correction.refused", lang, id=record_id[:8])
        app.notify(refused, severity="warning", timeout=20)
        return None
    app.corrections = app.corrections - {record_id}
    app.refresh_counts()
    app.wake_delivery()
    app.notify(render("tui.correction.done", lang, id=record_id[:8], revision=revision), timeout=10)
    return record_id


class OutboxScreen(Screen[None]):
    """The outbox: send now, correct and resend a rejection, export the list."""

    BINDINGS = bindings.OUTBOX

    def __init__(self) -> None:
        super().__init__()
        self.listing = Listing([], 0, 0)

    @property
    def intake(self) -> IntakeApp:
        """The app, typed."""
        return intake_app(self)

    def compose(self) -> ComposeResult:
        lang = self.intake.lang
        bindings.localise(self, lang)
        with Vertical():
            yield Static(render("tui.outbox.title", lang), classes="dialog-title", markup=False)
            table: DataTable[str | Text] = DataTable(id="outbox-table", cursor_type="row")
            for key in COLUMNS:
                table.add_column(render(f"tui.outbox.col.{key}", lang), key=key)
            yield table
            yield Static("", id="outbox-reason", markup=False)
            yield Static("", id="outbox-footer", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.load()

    @work(exclusive=True, group="outbox", exit_on_error=False)
    async def load(self) -> None:
        """Read the outbox off the UI thread, then show it (the newest read wins)."""
        intake = self.intake
        listing = await asyncio.to_thread(
            read_listing, intake.store, intake.lang, offline=intake.offline
        )
        self.show(listing)

    def show(self, listing: Listing) -> None:
        """Fill the table, keeping the cursor on the same record when it is still listed."""
        lang = self.intake.lang
        now = self.intake.runtime.now() if self.intake.runtime else datetime.now().astimezone()
        # Table cells are Rich text, which does not know theme variables: take the colour.
        warning = f"bold {self.app.current_theme.warning or ''}".strip()
        table = self.query_one(DataTable)
        kept = self._highlighted()
        self.listing = listing
        table.clear()
        for row in listing.rows:
            entry = row.entry
            status = Text(render(f"tui.outbox.status.{entry.status}", lang))
            if entry.status == "rejected":
                status.stylize(warning)
            table.add_row(
                Text(entry.record_id[:8]),
                Text(str(entry.revision)),
                status,
                Text(str(entry.attempts)),
                Text(_next_try(entry, now, lang, offline=self.intake.offline)),
                Text(visible(row.company)),
                key=f"{entry.record_id}.{entry.revision}",
            )
        if kept is not None:
            for index, row in enumerate(listing.rows):
                if row.entry.record_id == kept.entry.record_id:
                    table.move_cursor(row=index)
                    break
        self._show_reason()
        total = len(listing.rows)
        if not total:
            footer = render("tui.outbox.empty", lang)
        elif total < listing.waiting + listing.rejected:
            footer = render(
                "tui.outbox.footer_more",
                lang,
                waiting=listing.waiting,
                rejected=listing.rejected,
                shown=total,
            )
        else:
            footer = render(
                "tui.outbox.footer", lang, waiting=listing.waiting, rejected=listing.rejected
            )
        self.query_one("#outbox-footer", Static).update(Text(footer))

    def _highlighted(self) -> OutboxRow | None:
        table = self.query_one(DataTable)
        rows = self.listing.rows
        if not rows or table.cursor_row is None or not 0 <= table.cursor_row < len(rows):
            return None
        return rows[table.cursor_row]

    @on(DataTable.RowHighlighted)
    def _show_reason(self) -> None:
        """Under the table: the full reason of the highlighted record."""
        row = self._highlighted()
        reason = self.query_one("#outbox-reason", Static)
        if row is None:
            reason.update("")
            return
        label = render("tui.outbox.reason.label", self.intake.lang)
        # Text, not markup: a server's message may contain brackets.
        reason.update(Text.assemble((label, "bold"), row.reason))

    # -- actions ----------------------------------------------------------------

    def action_send_now(self) -> None:
        """Send every waiting record now (not in offline capture mode)."""
        lang = self.intake.lang
        if not self.intake.send_now():
            state = self.intake.delivery_state
            # No sender: offline capture mode, or a setting (the token) that stops every send.
            if state is not None and state.problem is not None:
                text = render("tui.delivery.problem", lang, detail=state.problem.text(lang))
            else:
                text = render("tui.outbox.offline_mode", lang)
            self.notify(text, severity="warning", timeout=10)
            return
        self.notify(render("tui.outbox.sending_now", lang))

    @on(DataTable.RowSelected)
    def action_correct(self) -> None:
        """Open the highlighted rejected record in the form, to correct and submit again."""
        row = self._highlighted()
        if row is None:
            return
        lang = self.intake.lang
        if row.entry.status != "rejected":
            status = render(f"tui.outbox.status.{row.entry.status}", lang)
            self.notify(render("tui.outbox.not_rejected", lang, status=status), severity="warning")
            return
        self.dismiss()
        open_correction(self.intake, row.entry.record_id, row.reason)

    def action_export(self) -> None:
        """Write every waiting or rejected record, masked, to a CSV file in the data folder."""
        runtime = self.intake.runtime
        if runtime is None:
            return
        stamp = runtime.now().strftime("%Y%m%d-%H%M%S")
        path = runtime.config.data_dir_path() / "exports" / f"outbox-{stamp}.csv"
        self.export(path)

    @work(exclusive=True, group="outbox-export", exit_on_error=False)
    async def export(self, path: Path) -> None:
        """Write the file off the UI thread; the message names the file."""
        intake = self.intake
        lang = intake.lang
        operator = intake.runtime.operator if intake.runtime else "—"
        try:
            count = await asyncio.to_thread(
                export_outstanding, intake.store, path, lang, actor=operator
            )
        except OSError as error:
            detail = error.strerror or str(error)
            message = render("tui.outbox.export_failed", lang, file=path, detail=detail)
            self.app.notify(message, severity="error", timeout=30)
            return
        except StoreError as error:  # a link where the file goes: refused, path and fix named
            self.app.notify(error.message.text(lang), severity="error", markup=False, timeout=30)
            return
        if not count:
            self.app.notify(render("tui.outbox.nothing_to_export", lang), severity="warning")
            return
        self.app.notify(render("tui.outbox.exported", lang, count=count, file=path), timeout=20)

    def action_close(self) -> None:
        """Back to the capture screen."""
        self.dismiss()
