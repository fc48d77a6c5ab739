"""The capture screen: six steps of fields, live checks, script, duplicate hint, status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import Input

from intake_tui.i18n import Lang, render
from intake_tui.record.fields import (
    BY_PATH,
    FIELDS,
    STEPS,
    FieldSpec,
    Step,
    always,
    fields_of_step,
)
from intake_tui.record.options import Option, OptionList
from intake_tui.services.capture import CaptureSession
from intake_tui.tui import bindings
from intake_tui.tui.access import intake_app
from intake_tui.tui.widgets.choice_row import ChoiceRow
from intake_tui.tui.widgets.field_row import FieldRow
from intake_tui.tui.widgets.key_bar import KeyBar
from intake_tui.tui.widgets.side_panel import SidePanel
from intake_tui.tui.widgets.status_bar import StatusBar
from intake_tui.tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from intake_tui.services.runtime import Runtime
    from intake_tui.store.models import DuplicateMatch
    from intake_tui.tui.app import IntakeApp

CONSENT_OPTIONS: OptionList = (
    Option("true", "已告知并同意", "Told, and agrees"),
    Option("false", "不同意", "Does not agree"),
)
#: Choice fields where a typed value outside the list is still meaningful.
FREE_TEXT_CHOICES = frozenset({"need.timeline"})
#: Which rows show only for land, and which only for premises.
LAND_ONLY = frozenset({"need.land_area_mu"})
PREMISES_ONLY = frozenset({"need.floor_area_sqm"})


class CaptureScreen(Screen[None]):
    """One inquiry, step by step."""

    BINDINGS = bindings.CAPTURE

    def __init__(self, session: CaptureSession, lang: Lang) -> None:
        super().__init__()
        self.session = session
        #: Set by :meth:`attach` once the configuration is loaded.
        self.runtime: Runtime | None = None
        self.lang: Lang = lang
        bindings.localise(self, self.lang)
        self.rows: dict[str, FieldRow] = {}
        for spec in FIELDS:
            row = self._make_row(spec)
            if row is not None:
                self.rows[spec.path] = row
        for row in self.rows.values():
            row.on_accepted = self.accept_row
            row.on_typed = self.check_typed
        for path in LAND_ONLY:
            # A new inquiry is not for land until the operator says so.
            self.rows[path].add_class("-off")
        self.step: Step = "need"
        self.details_shown: set[str] = set()
        #: Only the current step's rows are in the DOM: Textual visits every widget of a
        #: screen on each key press, so hidden rows would slow typing (docs/PERFORMANCE.md).
        #: The first frame has only the first step's main fields.
        self.mounted_steps: set[Step] = {STEPS[0]}
        #: What is mounted after the first frame: the first step's details.
        self._background_mounts: list[Step] = [STEPS[0]]
        #: Keys typed while the next field was still being mounted, replayed into it.
        self.keys_for_next_field: list[events.Key] | None = None

    @property
    def intake(self) -> IntakeApp:
        """The app, typed."""
        return intake_app(self)

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StepBar(self.lang)
        with Horizontal(id="body"):
            # Not focusable itself: Tab and the cursor go from field to field only.
            with VerticalScroll(id="form", can_focus=False):
                # The first frame needs only the first step's main fields.
                yield from self._step_rows(self.step, details=False)
            yield SidePanel(self.lang)
        yield StatusBar(self.lang)
        yield KeyBar()

    def _step_rows(self, step: Step, *, details: bool | None = None) -> list[FieldRow]:
        """The rows of *step* in order (only its details, or none of them, when asked)."""
        return [
            self.rows[spec.path]
            for spec in fields_of_step(step)
            if spec.path in self.rows and (details is None or spec.detail == details)
        ]

    def _mount_step(self, step: Step) -> None:
        """Mount what is not yet mounted of a step (its rows keep text and hint until then)."""
        self.mounted_steps.add(step)
        form = self._form
        batch: list[FieldRow] = []
        # Each run of missing rows goes in before the next row of the step already there,
        # so that the step's fields stay in their order.
        for row in self._step_rows(step):
            if row.parent is None:
                row.set_class(step != self.step, "-away")
                batch.append(row)
            elif batch and row.parent is form:
                form.mount_all(batch, before=row)
                batch = []
        if batch:
            form.mount_all(batch)

    @property
    def _form(self) -> VerticalScroll:
        return self.query_one("#form", VerticalScroll)

    def _mount_next_step(self) -> None:
        """After a frame, mount the next part not yet mounted, then schedule the one after.

        Each part is asked for once (a finite queue): while the app is closing, mounts
        never complete, and re-checking for parentless rows would loop forever.
        """
        if not self._background_mounts:
            return
        self._mount_step(self._background_mounts.pop(0))
        if self._background_mounts:
            self.call_after_refresh(self._mount_next_step)

    def _make_row(self, spec: FieldSpec) -> FieldRow | None:
        required = spec.required is always or spec.path in PREMISES_ONLY | LAND_ONLY
        placeholder = render(f"tui.placeholder.{spec.path}", self.lang)
        if spec.path == "need.preferred_location":
            return None  # built by attach() from the configured locations
        if spec.kind == "bool":
            return ChoiceRow(
                spec, CONSENT_OPTIONS, self.lang, required=required, placeholder=placeholder
            )
        if spec.kind in ("choice", "timeline") and spec.options is not None:
            return ChoiceRow(
                spec,
                spec.options,
                self.lang,
                required=required,
                placeholder=placeholder,
                free_text=spec.path in FREE_TEXT_CHOICES,
            )
        return FieldRow(spec, self.lang, required=required, placeholder=placeholder)

    def attach(self, runtime: Runtime) -> None:
        """The configuration is loaded: operator, clock, script, locations, session metadata."""
        self.runtime = runtime
        status = self.query_one(StatusBar)
        status.operator = runtime.operator
        status.now = runtime.now
        self.session.use_filling(runtime.filling(submitted=False))
        locations = runtime.config.locations
        path = "need.preferred_location"
        if locations and path not in self.rows:
            options = tuple(Option(loc.id, loc.label("zh"), loc.label("en")) for loc in locations)
            spec = BY_PATH[path]
            placeholder = render(f"tui.placeholder.{path}", self.lang)
            row = ChoiceRow(spec, options, self.lang, required=False, placeholder=placeholder)
            row.on_accepted = self.accept_row
            self.rows = {
                **{p: r for p, r in self.rows.items() if p != "need.notes"},
                path: row,
                "need.notes": self.rows["need.notes"],
            }
            row.set_text(self.session.text(path))
            if "need" in self.mounted_steps:
                self._mount_step("need")
            # Otherwise it is mounted with the rest of its step.
        self.query_one(SidePanel).show_script(self._script(self.step))
        status.redraw()

    def on_mount(self) -> None:
        status = self.query_one(StatusBar)
        status.started_at = self.session.started_at
        self.load_session(self.session)
        self.call_after_refresh(self._mount_next_step)

    # -- session --------------------------------------------------------------

    def load_session(self, session: CaptureSession) -> None:
        """Show *session* (new, resumed or prefilled) and put the cursor in its first field."""
        self.session = session
        for path, row in self.rows.items():
            row.set_text(session.text(path))
            text = session.text(path)
            row.show_check(session.check(path, text, self.lang, leaving=bool(text)))
        self._apply_kind()
        self.query_one(StatusBar).started_at = session.started_at
        self.query_one(StatusBar).redraw()
        self.query_one(SidePanel).show_matches([])
        self._refresh_steps()
        self.focus_row(self._first_row(self._first_open_step()))

    def _first_open_step(self) -> Step:
        for step in STEPS:
            for row in self._rows_of(step):
                if row.required and not self.session.text(row.path):
                    return step
        return "need" if not self.session.has_content() else STEPS[-1]

    # -- navigation -----------------------------------------------------------

    def _is_shown(self, row: FieldRow) -> bool:
        path = row.path
        if path in LAND_ONLY or path in PREMISES_ONLY:
            return not row.has_class("-off")
        return not row.spec.detail or row.spec.step in self.details_shown

    def _rows_of(self, step: Step) -> list[FieldRow]:
        return [row for row in self.rows.values() if row.spec.step == step and self._is_shown(row)]

    def _ordered_rows(self) -> list[FieldRow]:
        return [row for step in STEPS for row in self._rows_of(step)]

    def _first_row(self, step: Step) -> FieldRow:
        rows = self._rows_of(step)
        return rows[0] if rows else self._ordered_rows()[0]

    def focus_row(self, row: FieldRow) -> None:
        """Show the row's step and put the cursor in it."""
        self._show_step(row.spec.step)
        if not row.is_mounted:
            self._mount_step(row.spec.step)
            if self.keys_for_next_field is None:
                self.keys_for_next_field = []
            # Keys typed meanwhile are held by the screen and replayed into the row.
            self.run_worker(self._focus_once_mounted(row), group="focus", exclusive=True)
            return
        left = self.focused
        # set_focus (not Input.focus, which waits a turn): keys typed ahead must find it.
        self.set_focus(row.input, scroll_visible=False)
        held, self.keys_for_next_field = self.keys_for_next_field, None
        for key in held or ():
            row.input.post_message(key)
        row.scroll_visible(animate=False)
        for step in self.mounted_steps - {row.spec.step}:
            self._retire_step(step, left)

    async def _focus_once_mounted(self, row: FieldRow) -> None:
        """Wait until *row* is mounted (its step was just mounted), then focus it.

        Awaited in a worker: polling after each refresh would keep the screen busy and
        never let the new rows' own tasks run.
        """
        await AwaitMount(self, [row])
        if self.rows.get(row.path) is row:
            self.focus_row(row)

    def _retire_step(self, step: Step, left: Widget | None) -> None:
        """Take a step that was left out of the DOM, its rows replaced by unmounted replicas.

        Keys already queued for the input just left are passed on to the new field by
        that input (typed-ahead handling), so its row goes only after they are handled.
        """
        form = self._form
        in_box = [row for row in self._step_rows(step) if row.parent is form]
        # A row still mounting stays until the next change of step: its mount must
        # complete for anything waiting on it.
        leaving = [row for row in in_box if row.is_mounted]
        for row in leaving:
            if row.input is left:
                # What was typed there is kept, checked and saved before the row goes.
                self._store_field(row, row.current_text())
            self.rows[row.path] = row.replica()
        if len(leaving) == len(in_box):
            self.mounted_steps.discard(step)
        if not leaving:
            return
        if left is not None and any(row.input is left for row in leaving):
            left.call_later(self._remove_rows, form, leaving)
        else:
            self._remove_rows(form, leaving)

    @staticmethod
    def _remove_rows(form: VerticalScroll, rows: list[FieldRow]) -> None:
        # Not awaited: awaiting from a handler of the input being removed would deadlock.
        form.remove_children([row for row in rows if row.is_attached])

    def focus_path(self, path: str) -> None:
        """Jump to the field at *path* (from the review), unfolding details if needed."""
        row = self.rows.get(path)
        if row is None:
            return
        if row.spec.detail and row.spec.step not in self.details_shown:
            self._toggle_details(row.spec.step)
        self.focus_row(row)

    def _show_step(self, step: Step) -> None:
        if step == self.step and self.query_one(StepBar).current == step:
            return
        self.step = step
        # Rows of the step left stay mounted (hidden) until the cursor is in the new one.
        for row in self._form.query_children(FieldRow):
            row.set_class(row.spec.step != step, "-away")
        self.query_one(StepBar).current = step
        self.query_one(SidePanel).show_script(self._script(step))

    def _script(self, step: Step) -> str:
        if self.runtime is None:
            return ""
        config = self.runtime.config
        line = config.script.lines(self.lang).line(step) if config.ui.show_script else ""
        if step == "mobile":
            notice = config.consent.notice(self.lang)
            return f"{line}\n\n{notice}" if line else notice
        return line or ""

    def _advance_from(self, row: FieldRow) -> None:
        rows = self._ordered_rows()
        index = rows.index(row) if row in rows else -1
        if index + 1 < len(rows):
            self.focus_row(rows[index + 1])
        else:
            self.action_review()

    def current_row(self) -> FieldRow | None:
        """The row whose input has the cursor."""
        focused = self.focused
        for row in self.rows.values():
            if focused is not None and focused.parent is row:
                return row
        return None

    # -- events ---------------------------------------------------------------

    @on(FieldRow.Accepted)
    def accept(self, event: FieldRow.Accepted) -> None:
        """A row accepted without a direct handler (rows added later)."""
        self.accept_row(event.row, event.text)

    def accept_row(self, row: FieldRow, text: str) -> None:
        """Enter: keep the value, check it, and move on when it is right."""
        self._store_field(row, text, strict=True)
        if row.has_error:
            self.app.bell()
            return
        self._advance_from(row)

    def check_typed(self, row: FieldRow, text: str) -> None:
        """Check the value as it is typed (hint updates only when its text changes)."""
        if not isinstance(row, ChoiceRow) and self.rows.get(row.path) is row:
            row.show_check(self.session.check(row.path, text, self.lang))

    @on(Input.Blurred)
    def leave_field(self, event: Input.Blurred) -> None:
        """Leaving a field by any key keeps what was typed (and saves the draft)."""
        row = event.input.parent
        # A row already replaced (its step was left, or another inquiry loaded) holds
        # nothing the current inquiry should take.
        if isinstance(row, FieldRow) and row.is_attached and self.rows.get(row.path) is row:
            self._store_field(row, row.current_text())

    def keep_field(self, row: FieldRow) -> None:
        """Keep what is in *row* now (before quitting, say)."""
        self._store_field(row, row.current_text())

    def _store_field(self, row: FieldRow, text: str, *, strict: bool = False) -> None:
        """Keep *text* and show its check; ``strict`` (Enter) also reports a required blank."""
        path = row.path
        check = self.session.check(path, text, self.lang, leaving=strict or bool(text))
        row.show_check(check)
        if self.session.set(path, text):
            self.intake.save_draft(self.session)
            if path == "need.kind":
                self._apply_kind()
            if path in ("contact.mobile", "company.name") and check.ok and text:
                self.look_up_duplicates(
                    self.session.text("contact.mobile"),
                    self.session.text("company.name"),
                    self.session.record_id,
                )
        self._refresh_steps()

    def _apply_kind(self) -> None:
        """Show the land area for land, the floor area otherwise (no restyle when unchanged)."""
        land = self.session.text("need.kind") == "land"
        for path, shown in [(p, land) for p in LAND_ONLY] + [(p, not land) for p in PREMISES_ONLY]:
            row = self.rows[path]
            if row.has_class("-off") == (not shown):
                continue
            row.set_class(not shown, "-off")

    def _refresh_steps(self) -> None:
        done: set[str] = set()
        errors: set[str] = set()
        for step in STEPS:
            rows = self._rows_of(step)
            if any(row.has_error for row in rows):
                errors.add(step)
            elif all(self.session.text(r.path) or not r.required for r in rows) and any(
                self.session.text(r.path) for r in rows
            ):
                done.add(step)
        self.query_one(StepBar).mark_all(done, errors)

    # -- duplicates -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="duplicates")
    def look_up_duplicates(self, mobile: str, company: str, exclude: str) -> None:
        """Ask the store for earlier inquiries with this mobile or company (off the UI thread)."""
        if not self.intake.ready:
            return
        matches = self.intake.store.find_duplicates(
            mobile=mobile or None, company=company or None, exclude_id=exclude, limit=5
        )
        self.app.call_from_thread(self.query_one(SidePanel).show_matches, matches)

    def _first_match(self) -> DuplicateMatch | None:
        matches = self.query_one(SidePanel).matches
        return matches[0] if matches else None

    def action_open_duplicate(self) -> None:
        """Open the earlier inquiry shown in the hint."""
        match = self._first_match()
        if match is None:
            self.notify(render("tui.dup.none", self.lang), severity="warning")
            return
        self.intake.show_record(match.id)

    def action_copy_duplicate(self) -> None:
        """Copy company and contact details from the earlier inquiry into this one."""
        match = self._first_match()
        if match is None or not self.intake.ready:
            self.notify(render("tui.dup.none", self.lang), severity="warning")
            return
        stored = self.intake.store.get(match.id)
        if stored is None:
            return
        copied = self.intake.copyable_fields(stored)
        for path, text in copied.items():
            if path in self.rows:
                self.rows[path].set_text(text)
                self._store_field(self.rows[path], text)
        self.notify(render("tui.dup.copied", self.lang, count=len(copied)))

    # -- actions --------------------------------------------------------------

    def action_back(self) -> None:
        """Back one field (into the previous step from a step's first field)."""
        row = self.current_row()
        rows = self._ordered_rows()
        if row is None or row not in rows:
            return
        index = rows.index(row)
        if index > 0:
            self.focus_row(rows[index - 1])

    def action_next_field(self) -> None:
        """Tab: the next field, across steps, keeping what was typed (even with an error)."""
        row = self.current_row()
        rows = self._ordered_rows()
        if row is None or row not in rows:
            return
        self._store_field(row, row.current_text())
        index = rows.index(row)
        if index + 1 < len(rows):
            self.focus_row(rows[index + 1])
        else:
            self.action_review()

    def action_previous_step(self) -> None:
        """The first field of the previous step."""
        index = STEPS.index(self.step)
        if index > 0:
            self.focus_row(self._first_row(STEPS[index - 1]))

    def action_next_step(self) -> None:
        """The first field of the next step."""
        index = STEPS.index(self.step)
        if index + 1 < len(STEPS):
            self.focus_row(self._first_row(STEPS[index + 1]))
        else:
            self.action_review()

    def action_toggle_details(self) -> None:
        """Unfold or fold the optional details of the current step."""
        self._toggle_details(self.step)

    def _toggle_details(self, step: Step) -> None:
        shown = step not in self.details_shown
        (self.details_shown.add if shown else self.details_shown.discard)(step)
        self._mount_step(step)
        for row in self.rows.values():
            if row.spec.step == step and row.spec.detail:
                row.set_class(shown, "-shown")

    def action_review(self) -> None:
        """Open the review of the whole inquiry."""
        row = self.current_row()
        if row is not None:
            self._store_field(row, row.current_text())
        self.intake.open_review()

    def action_new_call(self) -> None:
        """Start a new inquiry; the current one stays as a draft."""
        row = self.current_row()
        if row is not None:
            self._store_field(row, row.current_text())
        kept = self.session.has_content()
        self.intake.start_new_call()
        if kept:
            self.notify(render("tui.new_call.kept", self.lang))

    def action_history(self) -> None:
        """Open the history of inquiries."""
        self.intake.open_history()

    def action_drafts(self) -> None:
        """Open the list of drafts."""
        self.intake.open_drafts()

    def all_specs(self) -> tuple[FieldSpec, ...]:
        """Every field shown on this screen."""
        return tuple(spec for spec in FIELDS if spec.path in self.rows)
