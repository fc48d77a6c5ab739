"""The six steps by name, which are done, which have errors, and where the operator is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from intake_tui.i18n import Lang, render
from intake_tui.record.fields import STEPS

NUMBERS = "①②③④⑤⑥⑦"


class StepBar(Static):
    """``① 需求 ✓  ② 用途 ●  ③ 税收 …  审核``."""

    DEFAULT_CSS = """
    StepBar { height: 1; padding: 0 1; background: $panel; }
    """

    current: reactive[str] = reactive("need")

    def __init__(self, lang: Lang) -> None:
        super().__init__("")
        self.lang = lang
        self.done: set[str] = set()
        self.errors: set[str] = set()
        self._drawn: Text | None = None

    def mark_all(self, done: set[str], errors: set[str]) -> None:
        """Record every step's state; redraw only when something changed."""
        if done == self.done and errors == self.errors:
            return
        self.done, self.errors = done, errors
        self.refresh_bar()

    def watch_current(self, _old: str, _new: str) -> None:
        self.refresh_bar()

    def on_mount(self) -> None:
        self.refresh_bar()

    def refresh_bar(self) -> None:
        """Redraw from the current state."""
        text = Text()
        for index, step in enumerate(STEPS):
            if index:
                text.append("  ")
            name = f"{NUMBERS[index]} {render(f'tui.step.{step}', self.lang)}"
            if step in self.errors:
                mark, style = " ✗", "bold red"
            elif step in self.done:
                mark, style = " ✓", "green"
            else:
                mark, style = "", ""
            if step == self.current:
                style = "bold reverse"
            text.append(name + mark, style=style)
        text.append("  ")
        review = render("tui.step.review", self.lang)
        text.append(review, style="bold reverse" if self.current == "review" else "dim")
        if text != self._drawn:
            self._drawn = text
            self.update(text)
