"""Reaching the running :class:`IntakeApp`, typed, from any screen or widget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from intake_tui.tui.app import IntakeApp


def intake_app(node: DOMNode) -> IntakeApp:
    """The app *node* belongs to (imported late: app.py imports the screens)."""
    from intake_tui.tui.app import IntakeApp

    app = node.app
    assert isinstance(app, IntakeApp)
    return app
