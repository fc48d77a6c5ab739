"""Ctrl+S: save the inquiry on screen to a file the operator names (when the store fails)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from intake_tui.i18n import Lang, render
from intake_tui.services.rescue import RescueError, write_rescue
from intake_tui.tui import bindings

#: Builds the document at the moment of saving, so that it holds the latest text.
DocumentSource = Callable[[], dict[str, Any]]


class RescueScreen(ModalScreen[Path | None]):
    """A path prefilled with a sensible default; Enter writes, Esc cancels.

    A failed write keeps the dialog open with the reason and the typed path, so the
    operator can try another place (a USB stick when the disk is full).
    """

    BINDINGS = bindings.MODAL
    DEFAULT_CSS = """
    RescueScreen #rescue-path {
        margin-top: 1;
    }
    RescueScreen #rescue-problem {
        color: $text-error;
        margin-top: 1;
    }
    """

    def __init__(self, document: DocumentSource, default: Path, lang: Lang) -> None:
        super().__init__()
        self._document = document
        self._default = default
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        bindings.localise(self, self.lang)
        with Vertical(id="dialog"):
            yield Static(
                render("tui.rescue.title", self.lang), classes="dialog-title", markup=False
            )
            yield Static(render("tui.rescue.prompt", self.lang), markup=False)
            yield Input(str(self._default), id="rescue-path", select_on_focus=False)
            yield Static("", id="rescue-problem", markup=False)

    def on_mount(self) -> None:
        field = self.query_one("#rescue-path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    @property
    def problem(self) -> str:
        """The reason the last attempt failed ("" when none failed)."""
        return str(self.query_one("#rescue-problem", Static).render())

    @on(Input.Submitted, "#rescue-path")
    def save(self, event: Input.Submitted) -> None:
        """Enter: write the file; close on success, say why and stay on failure."""
        try:
            path = write_rescue(event.value, self._document())
        except RescueError as error:
            self.query_one("#rescue-problem", Static).update(error.message.text(self.lang))
            self.app.bell()
            return
        self.dismiss(path)

    def action_close(self) -> None:
        """Esc: close without saving."""
        self.dismiss(None)
