"""The footer: the screen's keys and what they do, drawn by one widget."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget, can_focus=False):
    """Every key the screen shows (``Binding.show``), each with its description.

    Textual's ``Footer`` builds a widget per key. On the capture screen every widget costs
    time on each key press (Textual visits them all, and the whole screen is repainted as
    a field's text changes), so the keys are drawn here as one line of text instead. Keys
    are never clicked: the line only tells the operator which key does what.
    """

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        #: The line drawn, and the width it was drawn for.
        self._line: tuple[int, Text] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self._line = None
            self.refresh()

    def notify_style_update(self) -> None:
        """Styles changed (theme, NO_COLOR): draw the line again."""
        super().notify_style_update()
        self._line = None

    def render(self) -> Text:
        """The keys, left to right, in the order the screen declares them."""
        width = self.size.width
        if self._line is None or self._line[0] != width:
            self._line = (width, self._keys_line(width))
        return self._line[1]

    def _keys_line(self, width: int) -> Text:
        """The keys spaced as Textual's footer spaces them, or closer when that is too wide.

        Every key must stay visible on an 80-column terminal.
        """
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        dim = Style(dim=True)
        entries: list[tuple[str, str, Style]] = []
        shown_actions: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            # One entry per action, as Footer does (several keys may share an action).
            if not binding.show or binding.action in shown_actions:
                continue
            shown_actions.add(binding.action)
            entries.append(
                (
                    self.app.get_key_display(binding),
                    binding.description,
                    Style() if enabled else dim,
                )
            )
        for key_format, description_format in ((" {} ", "{} "), ("{} ", "{} ")):
            line = Text(no_wrap=True, overflow="crop", end="")
            for key, description, extra in entries:
                line.append(key_format.format(key), key_style + extra)
                line.append(description_format.format(description), description_style + extra)
            if line.cell_len <= width:
                break
        return line
