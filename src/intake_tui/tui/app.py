"""The Textual application: owns the runtime, the store and the autosaver; screens do the UI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import App

from intake_tui.i18n import Lang, render
from intake_tui.record.fields import BY_PATH
from intake_tui.services.autosave import DraftSaver
from intake_tui.services.capture import CaptureSession
from intake_tui.services.runtime import Runtime
from intake_tui.services.submission import Submitter
from intake_tui.store.database import Store
from intake_tui.store.errors import StoreError
from intake_tui.store.models import StoredInquiry
from intake_tui.tui import bindings
from intake_tui.tui.screens.capture import CaptureScreen

#: Fields copied from an earlier inquiry of the same company or caller.
COPYABLE = (
    "company.name",
    "company.uscc",
    "company.ownership",
    "contact.name",
    "contact.title",
    "contact.mobile",
    "contact.alt_phone",
    "contact.wechat",
    "contact.email",
)
#: Fields carried into a new inquiry started from an earlier one (history, F3).
PREFILLED = (
    *COPYABLE,
    "need.kind",
    "need.floor_area_sqm",
    "need.land_area_mu",
    "use.industry",
    "use.description",
    "use.project_type",
    "tax.registration",
    "tax.annual_tax_wan",
)


def _plain_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def field_text(record: dict[str, Any], path: str) -> str:
    """A stored normalised value as the text an operator would type for it."""
    section, key = path.split(".", 1)
    value = record.get(section, {}).get(key) if isinstance(record.get(section), dict) else None
    if value is None:
        return "不详" if path == "tax.annual_tax_wan" and key in record.get(section, {}) else ""
    if isinstance(value, dict) and {"min", "max"} <= set(value):
        low, high = _plain_number(value["min"]), _plain_number(value["max"])
        return low if low == high else f"{low}-{high}"
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class IntakeApp(App[None]):
    """intake-tui: the operator's capture tool."""

    TITLE = "intake-tui"
    # Absolute, so that the stylesheet is found from subclasses defined elsewhere too.
    CSS_PATH = Path(__file__).with_name("intake.tcss")
    BINDINGS = bindings.GLOBAL
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, runtime: Runtime, *, offline: bool = False) -> None:
        super().__init__()
        self.runtime = runtime
        self.lang: Lang = runtime.lang
        self.offline = offline or not runtime.config.backend.enabled
        bindings.localise(self, self.lang)
        self.store: Store = runtime.open_store()
        self.saver = DraftSaver(self.store, runtime.operator, on_error=self._save_failed)
        self.submitter = Submitter(self.store, runtime.file_sink(), actor=runtime.operator)
        self.capture = CaptureScreen(self.new_session(), runtime)

    # -- life cycle ------------------------------------------------------------

    def new_session(self) -> CaptureSession:
        """A fresh inquiry for a new call."""
        return CaptureSession(self.runtime.filling(submitted=False))

    def on_mount(self) -> None:
        self.push_screen(self.capture)
        self.submitter.flush_file_backlog()
        self.refresh_counts()
        self._warm_up_option_search()
        drafts = self.store.list_drafts()
        if drafts:
            self.open_drafts(offer_resume=True)

    @work(thread=True, group="warm-up")
    def _warm_up_option_search(self) -> None:
        from intake_tui.record.fields import FIELDS
        from intake_tui.tui.option_search import warm_up

        warm_up([spec.options for spec in FIELDS if spec.options is not None])

    def on_unmount(self) -> None:
        self.saver.close()
        self.store.close()

    def _save_failed(self, error: StoreError) -> None:
        self.call_from_thread(
            self.notify, error.message.text(self.lang), severity="error", timeout=30
        )

    # -- what screens ask of the app -------------------------------------------

    def save_draft(self, session: CaptureSession) -> None:
        """Queue the session's fields as its draft (written off the UI thread)."""
        self.saver.save(session.record_id, session.fields, session.started_at_text)

    def refresh_counts(self) -> None:
        """Update the status bar's mode and waiting counts."""
        from intake_tui.tui.widgets.status_bar import StatusBar

        counts = self.store.outbox_counts()
        status = self.capture.query_one(StatusBar) if self.capture.is_mounted else None
        if status is None:
            return
        status.mode = "offline" if self.offline else "online"
        status.waiting = sum(counts.get(s, 0) for s in ("pending", "sending", "waiting"))
        status.rejected = counts.get("rejected", 0)
        status.redraw()

    def start_new_call(self) -> None:
        """Leave the current inquiry as it is (a draft, if anything was typed) and start anew."""
        self.capture.load_session(self.new_session())

    def resume(self, record_id: str) -> None:
        """Continue a saved draft."""
        draft = self.store.get_draft(record_id)
        if draft is None:
            return
        session = CaptureSession.resume(
            self.runtime.filling(submitted=False), draft.id, draft.fields, draft.started_at
        )
        self.capture.load_session(session)

    def prefill_from(self, stored: StoredInquiry) -> None:
        """Start a new inquiry carrying the company, contact and need of an earlier one."""
        session = self.new_session()
        for path in PREFILLED:
            text = (
                field_text(stored.record, path)
                if stored.status != "draft"
                else str(stored.record.get("fields", {}).get(path, ""))
            )
            if text and path in BY_PATH:
                session.set(path, text)
        self.capture.load_session(session)
        self.save_draft(session)

    def copyable_fields(self, stored: StoredInquiry) -> dict[str, str]:
        """Company and contact fields of an earlier inquiry, as typed text."""
        if stored.status == "draft":
            fields = stored.record.get("fields", {})
            return {p: str(fields[p]) for p in COPYABLE if fields.get(p)}
        copied = {path: field_text(stored.record, path) for path in COPYABLE}
        return {path: text for path, text in copied.items() if text}

    def submit(self, session: CaptureSession) -> str | None:
        """Store, file and queue the inquiry; returns its id, or None when it cannot be saved."""
        outcome = session.outcome()
        if not outcome.ok or outcome.inquiry is None:
            return None
        self.saver.forget(session.record_id)
        self.saver.flush()
        try:
            self.submitter.submit(outcome.inquiry)
        except (StoreError, OSError) as error:
            text = error.message.text(self.lang) if isinstance(error, StoreError) else str(error)
            self.notify(
                render("tui.submit.failed", self.lang, detail=text), severity="error", timeout=30
            )
            return None
        self.refresh_counts()
        return session.record_id

    # -- screens ---------------------------------------------------------------

    def open_review(self) -> None:
        """Show the review of the current inquiry."""
        from intake_tui.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(self.capture.session))

    def open_history(self) -> None:
        """Show the searchable history."""
        from intake_tui.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def open_drafts(self, *, offer_resume: bool = False) -> None:
        """Show the drafts (after a crash: offer to resume)."""
        from intake_tui.tui.screens.drafts import DraftsScreen

        self.push_screen(DraftsScreen(offer_resume=offer_resume))

    def show_record(self, record_id: str) -> None:
        """Show one stored record in full."""
        from intake_tui.tui.screens.record import RecordScreen

        stored = self.store.get(record_id)
        if stored is not None:
            self.push_screen(RecordScreen(stored))

    def action_help(self) -> None:
        """Show the keys."""
        from intake_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
