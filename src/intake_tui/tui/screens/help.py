"""F1: every key of every screen, from the same binding lists the footers use."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from intake_tui.i18n import Lang, render
from intake_tui.tui import bindings


def key_table(lang: Lang) -> Table:
    """The keyboard contract as a table."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    # Fold: Chinese has no spaces to wrap at, and "…" would hide the end of a description.
    table.add_column(overflow="fold")
    sections = (
        (
            "tui.help.fields",
            [
                (render(f"tui.help.key.{k}", lang), render(f"tui.help.does.{k}", lang))
                for k in ("enter", "tab", "digit", "filter", "arrows")
            ],
        ),
        ("tui.help.capture", bindings.describe(bindings.CAPTURE[1:], lang)),
        ("tui.help.review", bindings.describe(bindings.REVIEW[1:], lang)),
        ("tui.help.history", bindings.describe(bindings.HISTORY[1:], lang)),
        ("tui.help.drafts", bindings.describe(bindings.DRAFTS, lang)),
        ("tui.help.outbox", bindings.describe(bindings.OUTBOX[1:], lang)),
        ("tui.help.anywhere", bindings.describe([bindings.HELP, *bindings.GLOBAL], lang)),
    )
    for title, rows in sections:
        table.add_row(Text(render(title, lang)), "", style="reverse")
        for keys, what in rows:
            table.add_row(Text(f"  {keys}"), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    """The keys, by screen."""

    BINDINGS = bindings.MODAL

    def compose(self) -> ComposeResult:
        from intake_tui.tui.app import IntakeApp

        app = self.app
        lang: Lang = app.lang if isinstance(app, IntakeApp) else "zh"
        bindings.localise(self, lang)
        with VerticalScroll(id="dialog"):
            yield Static(render("tui.help.title", lang), classes="dialog-title", markup=False)
            yield Static(key_table(lang))
            yield Static(render("tui.help.close", lang), classes="dialog-hint", markup=False)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
