"""Key bindings as declared data: one list feeds the footer, the help screen and a keymap.

Descriptions are catalogue keys, rendered in the operator's language when a screen is
created (:func:`localise`). No action is bound only to ctrl+h/i/j/m (terminals send those
as backspace, tab and enter) and nothing relies on ctrl+enter.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode

from intake_tui.i18n import Lang, render

HELP = Binding("f1", "app.help", "tui.key.help", id="help")
GLOBAL: Final[list[BindingType]] = [
    Binding("ctrl+q", "quit", "tui.key.quit", id="quit", priority=True),
    # Not in the footer (it is full on 80 columns): the help and every save failure name it.
    Binding("ctrl+s", "save_as", "tui.key.save_as", id="save-as", show=False),
]

CAPTURE: Final[list[BindingType]] = [
    HELP,
    Binding("f2", "review", "tui.key.review", id="review"),
    Binding("f3", "new_call", "tui.key.new_call", id="new-call"),
    Binding("f4", "history", "tui.key.history", id="history"),
    Binding("f5", "drafts", "tui.key.drafts", id="drafts"),
    Binding("f6", "toggle_details", "tui.key.details", id="details"),
    # Shown in the duplicate hint when there is something to open or copy.
    Binding("f7", "open_duplicate", "tui.key.open_duplicate", id="open-duplicate", show=False),
    Binding("f8", "copy_duplicate", "tui.key.copy_duplicate", id="copy-duplicate", show=False),
    # Shown in the status bar, next to the counts, whenever something waits or was rejected:
    # the footer is full on an 80-column terminal.
    Binding("f9", "app.outbox", "tui.key.outbox", id="outbox"),
    Binding("escape", "back", "tui.key.back", id="back", key_display="Esc"),
    # Tab walks every field of every step in order (the focus chain would wrap in one step).
    Binding("tab", "next_field", "tui.key.next_field", id="next-field", show=False, priority=True),
    Binding(
        "shift+tab",
        "back",
        "tui.key.back",
        id="previous-field",
        show=False,
        key_display="Shift+Tab",
        priority=True,
    ),
    # Priority: the scrolling form would otherwise take PgUp/PgDn for itself.
    Binding(
        "pageup",
        "previous_step",
        "tui.key.previous_step",
        id="previous-step",
        show=False,
        key_display="PgUp",
        priority=True,
    ),
    Binding(
        "pagedown",
        "next_step",
        "tui.key.next_step",
        id="next-step",
        show=False,
        key_display="PgDn",
        priority=True,
    ),
]

REVIEW: Final[list[BindingType]] = [
    HELP,
    Binding("f10", "submit", "tui.key.submit", id="submit", priority=True),
    Binding("f2,escape", "back_to_capture", "tui.key.back_to_capture", id="back-to-capture"),
    Binding("n", "next_problem", "tui.key.next_problem", id="next-problem"),
]

HISTORY: Final[list[BindingType]] = [
    HELP,
    Binding("escape,f4", "close", "tui.key.close", id="close-history"),
    Binding("f3", "prefill", "tui.key.prefill", id="prefill"),
    # Priority: the results table would otherwise scroll instead of turning the page.
    Binding(
        "pagedown",
        "next_page",
        "tui.key.next_page",
        id="next-page",
        key_display="PgDn",
        priority=True,
    ),
    Binding(
        "pageup",
        "previous_page",
        "tui.key.previous_page",
        id="previous-page",
        key_display="PgUp",
        priority=True,
    ),
]

DRAFTS: Final[list[BindingType]] = [
    Binding("escape,f5", "close", "tui.key.close", id="close-drafts"),
    Binding("delete", "discard", "tui.key.discard", id="discard"),
]

OUTBOX: Final[list[BindingType]] = [
    HELP,
    Binding("escape,f9", "close", "tui.key.close", id="close-outbox"),
    Binding("f5", "send_now", "tui.key.send_now", id="send-now"),
    # Enter on a rejected row does the same (the table's row selection).
    Binding("f3", "correct", "tui.key.correct", id="correct"),
    Binding("f7", "export", "tui.key.export", id="export"),
]

MODAL: Final[list[BindingType]] = [
    Binding("escape", "close", "tui.key.close", id="close"),
]


def localise(node: DOMNode, lang: Lang) -> None:
    """Replace the catalogue keys in *node*'s binding descriptions with text in *lang*."""
    translated: list[Binding] = []
    for _key, binding in node._bindings:
        if binding.description.startswith("tui.key."):
            binding = replace(binding, description=render(binding.description, lang))
        translated.append(binding)
    node._bindings = BindingsMap(translated)


def describe(bindings: list[BindingType], lang: Lang) -> list[tuple[str, str]]:
    """(keys, description) pairs for the help screen."""
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = binding.key_display or binding.key
        shown = " / ".join(k.strip().upper() if k.startswith("f") else k for k in keys.split(","))
        rows.append((shown.replace("ctrl+", "Ctrl+"), render(binding.description, lang)))
    return rows
