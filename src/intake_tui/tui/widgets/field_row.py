"""One field of the capture form: label, input, and the hint line under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Input, Label, Static

from intake_tui.i18n import Lang
from intake_tui.record.fields import FieldSpec
from intake_tui.services.capture import FieldCheck


def widget_id(path: str) -> str:
    """A DOM id for a dotted field path (``contact.mobile`` → ``f-contact-mobile``)."""
    return "f-" + path.replace(".", "-").replace("_", "-")


class FieldInput(Input):
    """The text input of a field; knows its dotted path.

    Operators type ahead (and IME input arrives in bursts), so keys can be queued here
    after Enter has already moved the cursor on: those are passed on to the field that
    now has the focus, in the order they were typed.
    """

    def __init__(self, spec: FieldSpec, *, placeholder: str = "") -> None:
        super().__init__(placeholder=placeholder, id=widget_id(spec.path), select_on_focus=True)
        self.spec = spec
        self._repaint_only = False

    def _watch_value(self, value: str) -> None:
        # Input asks for a layout pass on every change of its text (its virtual size follows
        # the text), and that screen-wide reflow is the dearest part of a key press. A
        # field's box is fixed (one line, the row's width; intake.tcss), so what is typed
        # never moves anything else: a repaint is all it needs.
        self._repaint_only = True
        try:
            super()._watch_value(value)
        finally:
            self._repaint_only = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Refresh; while the value is being updated, without a layout pass."""
        layout = layout and not self._repaint_only
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _typed_ahead(self, event: events.Key) -> bool:
        """Pass *event* to the newly focused input if the focus has moved on; True if passed."""
        if not self.is_attached:
            return False
        # The next field may still be mounting: its screen then holds the keys for it.
        waiting: list[events.Key] | None = getattr(self.screen, "keys_for_next_field", None)
        # The app's focus: after the last field the review screen may already be on top.
        focused = self.app.focused
        if waiting is None and (focused is None or focused is self):
            return False
        event.stop()
        event.prevent_default()
        key = events.Key(event.key, event.character)
        if waiting is not None:
            waiting.append(key)
        elif focused is not None:
            focused.post_message(key)
        return True

    async def _on_key(self, event: events.Key) -> None:
        if self._typed_ahead(event) or self._entered(event):
            return
        await super()._on_key(event)

    def _entered(self, event: events.Key) -> bool:
        """Enter, handled here and now: as a binding it would run only after the keys
        already queued behind it had been typed into this field."""
        if event.key != "enter":
            return False
        event.stop()
        event.prevent_default()
        row = self.parent
        if isinstance(row, FieldRow):
            row.submit_now()
        return True

    async def action_submit(self) -> None:
        """Enter: accept at once (not via a message) so the next key finds the next field."""
        row = self.parent
        if isinstance(row, FieldRow):
            row.submit_now()
        else:
            await super().action_submit()

    @property
    def raw(self) -> str:
        """The text the session should keep for this field."""
        return self.value


class FieldRow(Vertical):
    """Label + input + hint for one field."""

    DEFAULT_CSS = """
    FieldRow { height: auto; margin: 0 0 0 0; }
    FieldRow > .field-label { height: 1; color: $text-muted; }
    FieldRow.-required > .field-label { color: $text; }
    FieldRow > .field-hint { height: auto; color: $text-muted; padding: 0 1; }
    FieldRow > .field-hint.-error { color: $error; }
    FieldRow > .field-hint.-warning { color: $warning; }
    FieldRow.-detail { display: none; }
    FieldRow.-detail.-shown { display: block; }
    /* Classes, not inline styles: a row's replica copies its classes. */
    FieldRow.-off, FieldRow.-away, FieldRow.-detail.-shown.-away { display: none; }
    """

    class Accepted(Message):
        """The operator pressed Enter in this field."""

        def __init__(self, row: FieldRow, text: str) -> None:
            super().__init__()
            self.row = row
            self.text = text

    def __init__(self, spec: FieldSpec, lang: Lang, *, required: bool, placeholder: str) -> None:
        classes = "-required" if required else ""
        if spec.detail:
            classes += " -detail"
        super().__init__(classes=classes.strip())
        self.spec = spec
        self.lang = lang
        self.required = required
        self.placeholder = placeholder
        #: Called at once when the field is accepted (the capture screen moves the focus in
        #: it); without one, an :class:`Accepted` message is posted instead.
        self.on_accepted: Callable[[FieldRow, str], None] | None = None
        #: Called with the text on every change while it is typed (the live check).
        self.on_typed: Callable[[FieldRow, str], None] | None = None
        self._hint_state: tuple[str, str] = ("", "")
        self._drawn_lines = 0
        # Rows of later steps are mounted after the first frame; until then they keep
        # what they should show here.
        self._pending_text: str | None = None

    def compose(self) -> ComposeResult:
        mark = " *" if self.required else ""
        yield Label(f"{self.spec.label(self.lang)}{mark}", classes="field-label", markup=False)
        yield self.make_input()
        yield Static("", classes="field-hint", markup=False)

    def _unmounted_twin(self) -> FieldRow:
        """A new row for the same field (choice rows override this)."""
        return FieldRow(self.spec, self.lang, required=self.required, placeholder=self.placeholder)

    def replica(self) -> FieldRow:
        """A fresh, unmounted row showing what this one shows now.

        The capture screen keeps only the current step's rows in the DOM (every widget
        there costs time on each key press), and a widget once removed cannot be mounted
        again: a step's rows are replaced by replicas when it is left.
        """
        twin = self._unmounted_twin()
        twin._pending_text = self.current_text()
        twin._hint_state = self._hint_state
        twin.set_classes(self.classes)
        twin.on_accepted = self.on_accepted
        twin.on_typed = self.on_typed
        return twin

    def on_input_changed(self, event: Input.Changed) -> None:
        # Handled here rather than on the screen: bubbling up through every container to
        # the screen would cost a message hop per level on each key typed.
        if self.on_typed is not None:
            event.stop()
            self.on_typed(self, event.value)

    def make_input(self) -> Input:
        """The input widget (choice rows override this)."""
        return FieldInput(self.spec, placeholder=self.placeholder)

    @property
    def input(self) -> Input:
        """This row's input."""
        return self.query_one(Input)

    @property
    def path(self) -> str:
        """The field's dotted path."""
        return self.spec.path

    def on_mount(self) -> None:
        if self._pending_text is not None:
            # Not set_text: is_mounted becomes true only after this handler.
            self._show_text(self._pending_text)
            self._pending_text = None
        if self._hint_state != ("", ""):
            self._draw_hint()

    def show_check(self, check: FieldCheck) -> None:
        """Show an error, warnings, or the reading of the value; skip work when unchanged."""
        if check.error is not None:
            state = ("-error", "✗ " + check.error.text(self.lang))
        elif check.warnings:
            state = ("-warning", "! " + "；".join(w.text(self.lang) for w in check.warnings))
        else:
            state = ("", check.reading)
        if state == self._hint_state:
            return
        self._hint_state = state
        if self.is_mounted:
            self._draw_hint()

    def _draw_hint(self) -> None:
        state = self._hint_state
        hint = self.query_one(".field-hint", Static)
        hint.set_class(state[0] == "-error", "-error")
        hint.set_class(state[0] == "-warning", "-warning")
        # The hint changes on nearly every key while a value is typed; a layout pass is
        # needed only when it takes a different number of lines.
        lines = self._hint_lines(state[1], hint.size.width)
        hint.update(Text(state[1]), layout=lines != self._drawn_lines)
        self._drawn_lines = lines

    @staticmethod
    def _hint_lines(text: str, width: int) -> int:
        if not text:
            return 0
        return -(-cell_len(text) // max(1, width)) if width else -1

    @property
    def hint_text(self) -> str:
        """The hint line's text (also while the row is not mounted)."""
        return self._hint_state[1]

    @property
    def hint_kind(self) -> str:
        """``-error``, ``-warning`` or ``""`` for a plain reading."""
        return self._hint_state[0]

    @property
    def has_error(self) -> bool:
        """Whether the hint shows an error."""
        return self._hint_state[0] == "-error"

    def set_text(self, text: str) -> None:
        """Put *text* in the input (resume, prefill)."""
        if not self.is_mounted:
            self._pending_text = text
            return
        self._show_text(text)

    def _show_text(self, text: str) -> None:
        self.input.value = text

    def current_text(self) -> str:
        """What the session should store for this field."""
        if not self.is_mounted:
            return self._pending_text or ""
        return self.input.value

    def accepted(self, text: str) -> None:
        """Report that the operator accepted *text* for this field."""
        if self.on_accepted is not None:
            self.on_accepted(self, text)
        else:
            self.post_message(self.Accepted(self, text))

    def submit_now(self) -> None:
        """Enter in the input."""
        self.accepted(self.current_text())
