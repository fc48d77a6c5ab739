"""The Textual application: owns the runtime and switches screens; the UI lives in screens/."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from intake_tui.i18n import render
from intake_tui.services.runtime import Runtime


class IntakeApp(App[int]):
    """intake-tui."""

    TITLE = "intake-tui"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit", priority=True)]

    def __init__(self, runtime: Runtime, *, offline: bool = False) -> None:
        super().__init__()
        self.runtime = runtime
        self.offline = offline

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(render("tui.welcome", self.runtime.lang), id="welcome")
        yield Footer()
