"""The Textual application: owns the runtime, the store and the autosaver; screens do the UI."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.notifications import SeverityLevel

from intake_tui.config.errors import ConfigError
from intake_tui.i18n import Lang, render
from intake_tui.record.fields import BY_PATH
from intake_tui.record.normalise import Filling
from intake_tui.services.capture import CaptureSession
from intake_tui.store.errors import StoreError
from intake_tui.tui import bindings
from intake_tui.tui.background import in_daemon_thread
from intake_tui.tui.screens.capture import CaptureScreen

if TYPE_CHECKING:
    from intake_tui.services.autosave import DraftSaver
    from intake_tui.services.delivery_loop import DeliveryLoop, DeliveryState
    from intake_tui.services.runtime import Runtime
    from intake_tui.services.submission import Submitter
    from intake_tui.store.database import Store
    from intake_tui.store.models import StoredInquiry

_log = logging.getLogger(__name__)

#: Seconds a save failure stays on screen; the same failure is not shown again meanwhile.
FAULT_SHOWN_S = 30.0
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
    """intake-tui: the operator's capture tool.

    Given a ready :class:`Runtime` (tests, benchmarks) it opens the store at once. Given a
    ``loader`` (the ``intake-tui`` command) it paints the capture form first and loads the
    configuration and the store in a worker right after the first frame, so the operator
    can start typing while pydantic and SQLite are still being set up.
    """

    TITLE = "intake-tui"
    # Absolute, so that the stylesheet is found from subclasses defined elsewhere too.
    CSS_PATH = Path(__file__).with_name("intake.tcss")
    BINDINGS = bindings.GLOBAL
    ENABLE_COMMAND_PALETTE = False
    #: Background delivery (None in offline capture mode) and what it last reported.
    delivery: DeliveryLoop | None = None
    delivery_state: DeliveryState | None = None
    #: Ids of rejected records opened for correction: submitting them makes a new revision.
    corrections: frozenset[str] = frozenset()
    #: The last save failure shown and when (monotonic): the same failure is shown once a while.
    _fault_shown: tuple[str, float] = ("", 0.0)
    #: Whether a draft could not be saved since start; Ctrl+Q then asks before leaving input.
    _save_failed_once = False
    #: Ctrl+Q was pressed once with input that is not saved (the second press quits).
    _quit_asked = False

    def __init__(
        self,
        runtime: Runtime | None = None,
        *,
        loader: Callable[[], Runtime] | None = None,
        lang: Lang | None = None,
        offline: bool = False,
    ) -> None:
        super().__init__()
        if runtime is None and loader is None:
            raise ValueError("IntakeApp needs a runtime or a loader")
        self.runtime: Runtime | None = runtime
        self._loader = loader
        self.lang: Lang = runtime.lang if runtime is not None else (lang or "zh")
        self.offline_flag = offline
        self.offline = offline
        #: Set when the configuration or the store could not be loaded; the app then exits 2.
        self.load_error: ConfigError | StoreError | None = None
        bindings.localise(self, self.lang)
        self._store: Store | None = None
        #: Set on quit: retention, if it still runs, stops after its current batch.
        self._retention_stop = threading.Event()
        self.saver: DraftSaver | None = None
        self.submitter: Submitter | None = None
        self.capture = CaptureScreen(self.new_session(), self.lang)

    # -- life cycle ------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """Whether the configuration and the store are loaded."""
        return self._store is not None and self.runtime is not None

    @property
    def store(self) -> Store:
        """The open store (only once :attr:`ready`)."""
        if self._store is None:
            raise RuntimeError("the store is not open yet")
        return self._store

    def new_session(self) -> CaptureSession:
        """A fresh inquiry for a new call."""
        if self.runtime is None:
            return CaptureSession(Filling(lang=self.lang))
        return CaptureSession(self.runtime.filling(submitted=False))

    async def on_mount(self) -> None:
        await self.push_screen(self.capture)
        if self.runtime is not None:
            self._runtime_ready(self.runtime, self.runtime.open_store())
        else:
            # After the form's first frame, so that loading does not hold it back.
            self.capture.call_after_refresh(self._load_runtime)

    @work(exclusive=True, exit_on_error=False, group="load")
    async def _load_runtime(self) -> None:
        """Load and check the configuration and open the store, off the UI thread.

        An async worker awaiting a thread, not a thread worker calling back with
        ``call_from_thread``: if the operator quits meanwhile, the worker is simply
        cancelled, where a blocking call back into a closing app could hang the exit.
        """
        try:
            runtime, store = await in_daemon_thread(
                self._open_runtime, on_abandoned=lambda loaded: loaded[1].close()
            )
        except (ConfigError, StoreError) as error:
            self._load_failed(error)
            return
        self._runtime_ready(runtime, store)

    def _open_runtime(self) -> tuple[Runtime, Store]:
        """The slow part of start-up (runs in a thread): config, store, file backlog."""
        from intake_tui.services.submission import Submitter
        from intake_tui.store.errors import store_error

        assert self._loader is not None
        runtime = self._loader()
        store = runtime.open_store()
        try:
            # Damage in pages a start-up never reads would otherwise be found only later,
            # after the file backlog below (and retention, once ready) had written to it.
            if store.quick_check() != "ok":
                raise store_error("store.corrupt", store.path)
            Submitter(store, runtime.file_sink(), actor=runtime.operator).flush_file_backlog()
        except BaseException:
            store.close()
            raise
        return runtime, store

    def _load_failed(self, error: ConfigError | StoreError) -> None:
        self.load_error = error
        self.exit(return_code=2)

    def _runtime_ready(self, runtime: Runtime, store: Store) -> None:
        from intake_tui.services.autosave import DraftSaver
        from intake_tui.services.submission import Submitter

        self.runtime = runtime
        self._store = store
        self.offline = self.offline_flag or not runtime.config.backend.enabled
        self.saver = DraftSaver(store, runtime.operator, on_error=self._save_failed)
        self.submitter = Submitter(store, runtime.file_sink(), actor=runtime.operator)
        self.capture.attach(runtime)
        if self._loader is None:
            self._start_delivery(runtime)
        else:
            self._apply_retention(runtime)
        try:
            if self._loader is None:
                # Given a ready runtime (tests), the backlog is written here; the loader
                # already did it off the UI thread.
                self.submitter.flush_file_backlog()
            self.refresh_counts()
            others = any(d.id != self.capture.session.record_id for d in store.list_drafts())
        except StoreError as error:
            # A damaged store can pass the open and fail at its first reads: refuse it too.
            self._load_failed(error)
            return
        if self.capture.session.has_content():
            self.save_draft(self.capture.session)
        # Pinyin tables take a few hundred milliseconds to load: after start-up, not during.
        self.set_timer(2.0, self._warm_up_option_search)
        if others:
            self.open_drafts(offer_resume=True)

    @work(exclusive=True, exit_on_error=False, group="retention")
    async def _apply_retention(self, runtime: Runtime) -> None:
        """Apply ``privacy.retention_days`` beside the operator's work, then start delivery.

        In a daemon thread with its own store connection, in short batches: saves wait at
        most one batch, and quitting sets :attr:`_retention_stop` and never waits for it
        (the next start finishes the job). Delivery waits for it, so that records past the
        retention period are not sent on their way out.
        """
        from intake_tui.store.errors import StoreError

        def run() -> None:
            try:
                runtime.apply_retention(trigger="tui", cancel=self._retention_stop)
            except StoreError as error:
                _log.warning("retention: not applied (%s); retrying on the next start", error)

        await in_daemon_thread(run)
        self._start_delivery(runtime)

    @work(thread=True, group="warm-up")
    def _warm_up_option_search(self) -> None:
        from intake_tui.record.fields import FIELDS
        from intake_tui.tui.option_search import warm_up

        warm_up([spec.options for spec in FIELDS if spec.options is not None])

    async def action_quit(self) -> None:
        """Ctrl+Q: keep what is in the field being typed, write the draft, then quit.

        When drafts could not be saved (disk full, read-only), the first Ctrl+Q only says
        so: quitting then would lose the input, which Ctrl+S can still save elsewhere.
        """
        self._keep_current_field()
        if self.saver is not None:
            self.saver.flush()
        if self._save_failed_once and not self._quit_asked and not self._draft_is_stored():
            self._quit_asked = True
            self.notify(render("tui.fault.quit_unsaved", self.lang), severity="error", timeout=30)
            return
        self.exit()

    def _keep_current_field(self) -> None:
        """Keep what is in the capture field being typed (before quitting or saving as)."""
        if self.capture.is_mounted:
            row = self.capture.current_row()
            if row is not None:
                self.capture.keep_field(row)

    def _draft_is_stored(self) -> bool:
        """Whether the store holds the inquiry on screen as it is now (or there is nothing)."""
        session = self.capture.session
        if not session.has_content() or session.record_id in self.corrections:
            return True
        try:
            draft = self.store.get_draft(session.record_id) if self.ready else None
        except StoreError:
            return False
        return draft is not None and dict(draft.fields) == session.fields

    def on_unmount(self) -> None:
        self._retention_stop.set()
        self._stop_delivery()
        if self.saver is not None:
            self.saver.close()
        if self._store is not None:
            self._store.close()

    class DraftNotSaved(Message):
        """The draft saver could not write (posted from its thread)."""

        def __init__(self, error: StoreError) -> None:
            super().__init__()
            self.error = error

    def _save_failed(self, error: StoreError) -> None:
        # post_message, not call_from_thread: the UI thread may itself be waiting for the
        # saver (Ctrl+Q flushes it), and waiting on each other would hang the app.
        self.post_message(self.DraftNotSaved(error))

    @on(DraftNotSaved)
    def _draft_not_saved(self, event: DraftNotSaved) -> None:
        """Say that the draft was not saved, how to keep the input, and what to fix."""
        self._save_failed_once = True
        detail = event.error.message.text(self.lang)
        self.show_fault(render("tui.fault.draft_not_saved", self.lang, detail=detail))

    def show_fault(self, text: str) -> None:
        """Show a save failure; the same one again only after the last has gone from view.

        Every field left while the disk is full fails alike; one message says it all.
        """
        now = time.monotonic()
        shown, at = self._fault_shown
        if text == shown and now - at < FAULT_SHOWN_S:
            return
        self._fault_shown = (text, now)
        self.notify(text, severity="error", timeout=FAULT_SHOWN_S)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification, always shown as plain text: messages quote what was typed,
        file names and server replies, and ``[/]`` in those must not be read as markup."""
        del markup  # screens' notify passes markup=True by default; it is never wanted here
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # -- what screens ask of the app -------------------------------------------

    def save_draft(self, session: CaptureSession) -> None:
        """Queue the session's fields as its draft (written off the UI thread)."""
        if self.saver is not None:
            self.saver.save(session.record_id, session.fields, session.started_at_text)

    def refresh_counts(self) -> None:
        """Update the status bar's mode and counts from the store, at once (after a submit)."""
        from intake_tui.services.delivery_loop import DeliveryState, count_outbox

        if not self.ready:
            return
        waiting, rejected = count_outbox(self.store)
        mode = self.delivery_state.mode if self.delivery_state is not None else "online"
        self._show_delivery(DeliveryState("disabled" if self.offline else mode, waiting, rejected))

    def start_new_call(self) -> None:
        """Leave the current inquiry as it is (a draft, if anything was typed) and start anew."""
        self.capture.load_session(self.new_session())

    def resume(self, record_id: str) -> None:
        """Continue a saved draft."""
        draft = self.store.get_draft(record_id) if self.ready else None
        if draft is None or self.runtime is None:
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
        if session.record_id in self.corrections:
            from intake_tui.tui.screens.outbox import submit_correction

            return submit_correction(self, session)
        outcome = session.outcome()
        if not outcome.ok or outcome.inquiry is None:
            return None
        if self.saver is None or self.submitter is None:
            self.notify(render("tui.loading", self.lang), severity="warning")
            return None
        self.saver.forget(session.record_id)
        self.saver.flush()
        try:
            self.submitter.submit(outcome.inquiry)
        except StoreError as error:
            detail = error.message.text(self.lang)
            self.show_fault(render("tui.fault.submit_failed", self.lang, detail=detail))
            return None
        except OSError as error:
            if not self._file_write_failed(session.record_id, error):
                return None
        self.refresh_counts()
        self.wake_delivery()
        return session.record_id

    def _file_write_failed(self, record_id: str, error: OSError) -> bool:
        """The local file could not be appended; True when the store took the record anyway.

        Then the file's outbox row stays pending and the next start writes the line.
        """
        from intake_tui.store.datafile import os_error

        assert self.submitter is not None
        sink = self.submitter.sink
        path = sink.path if sink is not None else self.store.path
        try:
            stored = self.store.get(record_id)
        except StoreError:
            stored = None
        if stored is None or stored.status != "submitted":
            detail = os_error(error, path).message.text(self.lang)
            self.show_fault(render("tui.fault.submit_failed", self.lang, detail=detail))
            return False
        reason = error.strerror or str(error)
        text = render(
            "tui.fault.file_not_written", self.lang, id=record_id[:8], path=str(path), reason=reason
        )
        self.notify(text, severity="warning", timeout=FAULT_SHOWN_S)
        return True

    def action_save_as(self) -> None:
        """Ctrl+S: save the inquiry on screen to a file the operator names."""
        from intake_tui.services.rescue import default_rescue_path, rescue_document
        from intake_tui.tui.screens.rescue import RescueScreen

        if any(isinstance(screen, RescueScreen) for screen in self.screen_stack):
            return
        self._keep_current_field()
        session = self.capture.session
        lang = self.lang

        def document() -> dict[str, Any]:
            now = self.runtime.now() if self.runtime is not None else None
            return rescue_document(session, saved_at=now or session.filling.now(), lang=lang)

        def saved(path: Path | None) -> None:
            if path is not None:
                count = len(session.fields)
                self.notify(render("tui.rescue.saved", lang, path=str(path), count=count))

        default = default_rescue_path(session.record_id)
        # The failure the operator is acting on would otherwise cover the dialog's own hint.
        self.clear_notifications()
        self.push_screen(RescueScreen(document, default, lang), callback=saved)

    # -- screens ---------------------------------------------------------------

    def open_review(self) -> None:
        """Show the review of the current inquiry."""
        from intake_tui.tui.screens.review import ReviewScreen

        # Keys typed ahead can ask twice before the first review is on screen.
        if any(isinstance(screen, ReviewScreen) for screen in self.screen_stack):
            return
        self.push_screen(ReviewScreen(self.capture.session))

    def open_history(self) -> None:
        """Show the searchable history."""
        if not self.ready:
            return
        from intake_tui.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def open_drafts(self, *, offer_resume: bool = False) -> None:
        """Show the drafts (after a crash: offer to resume)."""
        if not self.ready:
            return
        from intake_tui.tui.screens.drafts import DraftsScreen

        self.push_screen(DraftsScreen(offer_resume=offer_resume))

    def show_record(self, record_id: str) -> None:
        """Show one stored record in full."""
        from intake_tui.tui.screens.record import RecordScreen

        stored = self.store.get(record_id) if self.ready else None
        if stored is not None:
            self.push_screen(RecordScreen(stored))

    def action_help(self) -> None:
        """Show the keys."""
        from intake_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # -- delivery --------------------------------------------------------------

    class DeliveryChanged(Message):
        """The background delivery reported a new state (posted from its thread)."""

        def __init__(self, state: DeliveryState) -> None:
            super().__init__()
            self.state = state

    def _start_delivery(self, runtime: Runtime) -> None:
        """Send in the background, with its own store connection; not in offline capture mode."""
        if self.offline or self.delivery is not None:
            return
        import os

        from intake_tui.services.delivery_loop import DeliveryLoop, DeliveryState

        settings = runtime.config.backend
        token_problem = settings.token_problem(os.environ)
        if token_problem is not None:
            # Every request would fail alike: say why once and send nothing.
            self.post_message(self.DeliveryChanged(DeliveryState("failing", problem=token_problem)))
            return
        self.delivery = DeliveryLoop(
            runtime.open_store,
            settings,
            token=settings.read_token(os.environ),
            actor=runtime.operator,
            lang=self.lang,
            now=runtime.now,
            # post_message is safe from another thread and never blocks a closing app.
            on_change=lambda state: self.post_message(self.DeliveryChanged(state)),
        )
        self.delivery.start()

    def _stop_delivery(self) -> None:
        """Ask the delivery thread to end; a request in flight is left to finish on its own."""
        if self.delivery is not None:
            self.delivery.stop(timeout=2.0)

    @on(DeliveryChanged)
    def _delivery_changed(self, event: DeliveryChanged) -> None:
        """Show the new state; say once why delivery stopped working, if it did."""
        previous = self.delivery_state
        self.delivery_state = event.state
        self._show_delivery(event.state)
        problem = event.state.problem
        if problem is not None and (previous is None or previous.problem != problem):
            detail = problem.text(self.lang)
            self.notify(
                render("tui.delivery.problem", self.lang, detail=detail),
                severity="warning",
                timeout=20,
            )
        from intake_tui.tui.screens.outbox import OutboxScreen

        for screen in self.screen_stack:
            if isinstance(screen, OutboxScreen) and screen.is_mounted:
                screen.load()

    def _show_delivery(self, state: DeliveryState) -> None:
        """Put the mode and counts into the status bar."""
        from intake_tui.tui.widgets.status_bar import StatusBar

        if self.capture.is_mounted:
            self.capture.query_one(StatusBar).show_delivery(state)

    def wake_delivery(self) -> None:
        """Have the background delivery look for due records now (never waits for it)."""
        if self.delivery is not None:
            self.delivery.wake()

    def send_now(self) -> bool:
        """Retry every waiting record at once; False in offline capture mode."""
        if self.delivery is None:
            return False
        self.delivery.send_now()
        return True

    def action_outbox(self) -> None:
        """F9: what is waiting or rejected."""
        if not self.ready:
            return
        from intake_tui.tui.screens.outbox import OutboxScreen

        if not any(isinstance(screen, OutboxScreen) for screen in self.screen_stack):
            self.push_screen(OutboxScreen())
