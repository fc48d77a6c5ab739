"""One stored record in full (the detail view; lists stay masked)."""

from __future__ import annotations

import json

from rich.syntax import Syntax
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from intake_tui.i18n import render
from intake_tui.parsing.text import visible
from intake_tui.store.models import StoredInquiry
from intake_tui.tui import bindings


class RecordScreen(ModalScreen[None]):
    """The record's fields as stored."""

    BINDINGS = bindings.MODAL

    def __init__(self, stored: StoredInquiry) -> None:
        super().__init__()
        self.stored = stored

    def compose(self) -> ComposeResult:
        from intake_tui.tui.app import IntakeApp

        app = self.app
        lang = app.lang if isinstance(app, IntakeApp) else "zh"
        bindings.localise(self, lang)
        body = visible(json.dumps(self.stored.record, ensure_ascii=False, indent=2))
        with VerticalScroll(id="dialog"):
            yield Static(
                render(
                    "tui.record.title",
                    lang,
                    id=self.stored.id[:8],
                    status=render(f"cli.status.{self.stored.status}", lang),
                ),
                classes="dialog-title",
                markup=False,
            )
            yield Static(Syntax(body, "json", word_wrap=True, theme="ansi_dark"))
            yield Static(render("tui.help.close", lang), classes="dialog-hint", markup=False)

    def action_close(self) -> None:
        """Close."""
        self.dismiss()
