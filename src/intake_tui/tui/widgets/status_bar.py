"""Operator, call timer, delivery mode and the counts waiting to be sent and rejected."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Final

from textual.content import Content
from textual.widgets import Static

from intake_tui.i18n import Lang, render

if TYPE_CHECKING:
    # Types only: the delivery loop brings httpx, which start-up does not need.
    from intake_tui.services.delivery_loop import DeliveryState, Mode

#: The words for each delivery mode. Offline capture mode keeps the wording the bar has
#: always used for it ("local only").
MODE_KEYS: Final[dict[Mode, str]] = {
    "online": "tui.status.mode.online",
    "offline": "tui.status.mode.unreachable",
    "failing": "tui.status.mode.backend_failing",
    "disabled": "tui.status.mode.offline",
}
#: How a mode stands out: trouble the operator should notice, in the theme's colours.
MODE_STYLES: Final[dict[Mode, str]] = {
    "online": "",
    "offline": "$warning",
    "failing": "$error bold",
    "disabled": "",
}
SEPARATOR: Final = " │ "


class StatusBar(Static):
    """One line at the bottom of the capture screen."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1; padding: 0 1; background: $panel; color: $text-muted;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(self, lang: Lang) -> None:
        super().__init__("", markup=False)
        self.lang = lang
        #: The runtime's clock and operator arrive with the configuration (see attach()).
        self.now: Callable[[], datetime] = lambda: datetime.now().astimezone()
        self.operator = "—"
        self.started_at: datetime | None = None
        self.mode: Mode = "disabled"
        self.waiting = 0
        self.rejected = 0
        self._last: tuple[str, ...] = ()

    def on_mount(self) -> None:
        self.set_interval(1.0, self.redraw)
        self.redraw()

    def show_delivery(self, state: DeliveryState) -> None:
        """Take the mode and counts of *state* and redraw."""
        self.mode = state.mode
        self.waiting = state.waiting
        self.rejected = state.rejected
        self.redraw()

    def redraw(self) -> None:
        """Redraw, only when the text changed (the timer ticks every second)."""
        elapsed = ""
        if self.started_at is not None:
            seconds = int((self.now() - self.started_at).total_seconds())
            elapsed = f"{max(0, seconds) // 60:02d}:{max(0, seconds) % 60:02d}"
        parts: list[tuple[str, str]] = [
            (render("tui.status.operator", self.lang, operator=self.operator), ""),
            (render("tui.status.call", self.lang, elapsed=elapsed or "--:--"), ""),
            (render(MODE_KEYS[self.mode], self.lang), MODE_STYLES[self.mode]),
            (render("tui.status.waiting", self.lang, count=self.waiting), ""),
        ]
        if self.rejected:
            parts.append(
                (render("tui.status.rejected", self.lang, count=self.rejected), "$warning bold")
            )
        if self.waiting or self.rejected:
            # Where to see them, on the last count: the footer has no room left at 80 columns.
            text, style = parts[-1]
            parts[-1] = (text + render("tui.status.outbox_hint", self.lang), style)
        key = tuple(text + "\0" + style for text, style in parts)
        if key == self._last:
            return
        self._last = key
        pieces: list[str | tuple[str, str]] = []
        for index, (text, style) in enumerate(parts):
            if index:
                pieces.append(SEPARATOR)
            pieces.append((text, style) if style else text)
        self.update(Content.assemble(*pieces))

    @property
    def text(self) -> str:
        """The line as shown, without styles."""
        return SEPARATOR.join(part.split("\0", 1)[0] for part in self._last)
