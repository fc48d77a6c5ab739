"""A choice field: the option's number picks it; letters or Chinese (or pinyin initials) filter."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from intake_tui.i18n import Lang
from intake_tui.parsing.text import visible
from intake_tui.record.fields import FieldSpec
from intake_tui.record.options import Option, OptionList
from intake_tui.tui.option_search import matches
from intake_tui.tui.widgets.field_row import FieldInput, FieldRow

#: Long lists (the 20 industry sections) show this many matches; typing narrows them.
MAX_SHOWN = 9


class ChoiceInput(FieldInput):
    """The filter input of a choice field."""

    def __init__(self, spec: FieldSpec, options: OptionList, *, placeholder: str) -> None:
        super().__init__(spec, placeholder=placeholder)
        self.options = options

    @property
    def row(self) -> ChoiceRow:
        """The row this input belongs to."""
        parent = self.parent
        assert isinstance(parent, ChoiceRow)
        return parent

    async def _on_key(self, event: events.Key) -> None:
        if self._typed_ahead(event) or self._entered(event):
            return
        row = self.row
        character = event.character
        if character and character.isdigit() and row.accepts_number():
            number = int(character)
            if 1 <= number <= len(row.options) <= 9:
                event.stop()
                event.prevent_default()
                row.choose(row.options[number - 1])
                return
        if event.key in ("down", "up"):
            event.stop()
            event.prevent_default()
            row.move_highlight(1 if event.key == "down" else -1)
            return
        await Input._on_key(self, event)


class ChoiceRow(FieldRow):
    """Label, filter input, the numbered options, and the hint line."""

    DEFAULT_CSS = """
    ChoiceRow > .choice-options { height: auto; max-height: 3; color: $text-muted; padding: 0 1; }
    """

    def __init__(
        self,
        spec: FieldSpec,
        options: OptionList,
        lang: Lang,
        *,
        required: bool,
        placeholder: str,
        free_text: bool = False,
    ) -> None:
        super().__init__(spec, lang, required=required, placeholder=placeholder)
        self.options = options
        self.free_text = free_text
        self.chosen: Option | None = None
        self.shown_options: list[Option] = list(options)
        self.highlight = 0

    def compose(self) -> ComposeResult:
        mark = " *" if self.required else ""
        yield Label(f"{self.spec.label(self.lang)}{mark}", classes="field-label", markup=False)
        yield ChoiceInput(self.spec, self.options, placeholder=self.placeholder)
        yield Static(self._options_text(), classes="choice-options", markup=False)
        yield Static("", classes="field-hint", markup=False)

    def _unmounted_twin(self) -> ChoiceRow:
        return ChoiceRow(
            self.spec,
            self.options,
            self.lang,
            required=self.required,
            placeholder=self.placeholder,
            free_text=self.free_text,
        )

    def _options_text(self) -> Text:
        text = Text()
        numbered = len(self.options) <= 9
        for index, option in enumerate(self.shown_options[:MAX_SHOWN]):
            if index:
                text.append("  ")
            style = "reverse" if index == self.highlight and self.input_has_filter() else ""
            number = self.options.index(option) + 1
            prefix = f"{number} " if numbered else f"{option.code} "
            # Location names come from the config file: shown, never acted on.
            text.append(prefix + visible(option.label(self.lang)), style=style)
        return text

    def input_has_filter(self) -> bool:
        """Whether the operator is filtering (typed something that is not the chosen label)."""
        if not self.is_mounted:
            return False
        value = self.input.value
        return bool(value) and (self.chosen is None or value != self.chosen.label(self.lang))

    def accepts_number(self) -> bool:
        """A digit picks an option when nothing is typed yet or the field shows its choice."""
        value = self.input.value
        return (
            not value
            or (self.chosen is not None and value == self.chosen.label(self.lang))
            or (self.input.selection.start == 0 and self.input.selection.end == len(value))
        )

    def choose(self, option: Option) -> None:
        """Pick *option* and accept the field."""
        self.chosen = option
        self.input.value = option.label(self.lang)
        self.shown_options = list(self.options)
        self.highlight = 0
        self.query_one(".choice-options", Static).update(self._options_text())
        self.accepted(option.code)

    def move_highlight(self, step: int) -> None:
        """Move the highlighted option (arrow keys)."""
        if self.shown_options:
            self.highlight = (self.highlight + step) % len(self.shown_options)
            if not self.input_has_filter():
                self.choose_silently(self.shown_options[self.highlight])
            self.query_one(".choice-options", Static).update(self._options_text())

    def choose_silently(self, option: Option) -> None:
        """Show *option* as chosen without accepting the field."""
        self.chosen = option
        self.input.value = option.label(self.lang)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.input_has_filter():
            self.shown_options = matches(self.options, event.value, self.lang) or []
            self.highlight = 0
        else:
            self.shown_options = list(self.options)
        self.query_one(".choice-options", Static).update(self._options_text())

    def current_text(self) -> str:
        """The chosen option's code, or the typed text (a month for the timeline)."""
        if not self.is_mounted:
            return self._pending_text or ""
        value = self.input.value
        if self.chosen is not None and value == self.chosen.label(self.lang):
            return self.chosen.code
        return value

    def set_text(self, text: str) -> None:
        """Show a stored code (or free text) in the input."""
        if not self.is_mounted:
            self._pending_text = text
            return
        self._show_text(text)

    def _show_text(self, text: str) -> None:
        option = next((o for o in self.options if o.code == text), None)
        self.chosen = option
        self.input.value = option.label(self.lang) if option is not None else text

    def submit_now(self) -> None:
        """Enter: pick the highlighted match, the default, or take the typed text."""
        if self.input_has_filter() and self.shown_options:
            self.choose(self.shown_options[self.highlight])
            return
        if not self.input.value and self.spec.default and not isinstance(self.spec.default, tuple):
            default = next((o for o in self.options if o.code == self.spec.default), None)
            if default is not None:
                self.choose(default)
                return
        self.accepted(self.current_text())
