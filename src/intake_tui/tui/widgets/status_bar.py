"""Operator, call timer, delivery mode and the count waiting to be sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from intake_tui.i18n import Lang, render


class StatusBar(Static):
    """One line at the bottom of the capture screen."""

    DEFAULT_CSS = """
    StatusBar { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, lang: Lang) -> None:
        super().__init__("")
        self.lang = lang
        #: The runtime's clock and operator arrive with the configuration (see attach()).
        self.now: Callable[[], datetime] = lambda: datetime.now().astimezone()
        self.operator = "—"
        self.started_at: datetime | None = None
        self.mode = "offline"
        self.waiting = 0
        self.rejected = 0
        self._last = ""

    def on_mount(self) -> None:
        self.set_interval(1.0, self.redraw)
        self.redraw()

    def redraw(self) -> None:
        """Redraw, only when the text changed (the timer ticks every second)."""
        elapsed = ""
        if self.started_at is not None:
            seconds = int((self.now() - self.started_at).total_seconds())
            elapsed = f"{max(0, seconds) // 60:02d}:{max(0, seconds) % 60:02d}"
        parts = [
            render("tui.status.operator", self.lang, operator=self.operator),
            render("tui.status.call", self.lang, elapsed=elapsed or "--:--"),
            render(f"tui.status.mode.{self.mode}", self.lang),
            render("tui.status.waiting", self.lang, count=self.waiting),
        ]
        if self.rejected:
            parts.append(render("tui.status.rejected", self.lang, count=self.rejected))
        line = " │ ".join(parts)
        if line != self._last:
            self._last = line
            self.update(Text(line))
