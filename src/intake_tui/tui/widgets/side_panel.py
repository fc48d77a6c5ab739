"""Beside the form: the operator's script line for the step, and earlier inquiries that match."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from intake_tui.i18n import Lang, render
from intake_tui.parsing.text import visible
from intake_tui.privacy.masking import mask_mobile, mask_name

if TYPE_CHECKING:
    from intake_tui.store.models import DuplicateMatch


class SidePanel(Vertical):
    """Script and duplicate hint."""

    DEFAULT_CSS = """
    SidePanel { width: 34; height: 1fr; padding: 0 1; border-left: vkey $panel-lighten-2; }
    SidePanel > .script-title { color: $text-muted; }
    SidePanel > #script { height: auto; margin-bottom: 1; }
    SidePanel > #duplicates { height: auto; color: $warning; }
    """

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang
        self.matches: list[DuplicateMatch] = []

    def compose(self) -> ComposeResult:
        yield Static(render("tui.script.title", self.lang), classes="script-title", markup=False)
        yield Static("", id="script", markup=False)
        yield Static("", id="duplicates", markup=False)

    def show_script(self, line: str) -> None:
        """The script line for the current step (config text: an escape code in it is shown)."""
        self.query_one("#script", Static).update(Text(visible(line)))

    def show_matches(self, matches: list[DuplicateMatch]) -> None:
        """Earlier inquiries with the same mobile or company (masked)."""
        self.matches = matches
        widget = self.query_one("#duplicates", Static)
        if not matches:
            widget.update("")
            return
        text = Text(render("tui.dup.title", self.lang, count=len(matches)) + "\n", style="bold")
        for match in matches[:3]:
            on = "、".join(render(f"tui.dup.on.{key}", self.lang) for key in match.matched_on)
            status = render(f"cli.status.{match.status}", self.lang)
            text.append(
                f"· {match.created_at[:10]} {visible(match.company_name or '—')}\n"
                f"  {visible(mask_name(match.contact_name))} {mask_mobile(match.mobile)}"
                f" · {status} · {on}\n"
            )
        text.append(render("tui.dup.keys", self.lang), style="dim")
        widget.update(text)
