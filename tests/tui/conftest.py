"""Fixtures for the operator's screens: an app on a fresh data folder, a still clock, key helpers.

Typed text is sent as key events, one per character, exactly as a terminal would send them;
the helper waits once per field rather than once per character so that a whole inquiry
takes a couple of seconds instead of several.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.containers import ScrollableContainer
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static

from intake_tui.config.loading import load_config
from intake_tui.i18n import Lang
from intake_tui.record.normalise import Filling, normalise
from intake_tui.services.runtime import Runtime
from intake_tui.store.database import Store
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.widgets.field_row import FieldInput, FieldRow
from tests.helpers import FIXED_NOW, raw_record

#: Key names pressed one at a time (everything longer than one character that is not
#: listed here is typed text).
KEY_NAMES = frozenset(
    {
        "enter",
        "escape",
        "tab",
        "shift+tab",
        "up",
        "down",
        "pageup",
        "pagedown",
        "delete",
        "backspace",
        "ctrl+a",
        "ctrl+q",
        *(f"f{n}" for n in range(1, 11)),
    }
)

#: The standard inquiry (shared/bench/standard_inquiry.json), as the operator keys it in.
STANDARD_BY_STEP: dict[str, tuple[str, ...]] = {
    "need": ("1", "2000-3000", "enter", "2"),
    "use": ("enter", "工业机器人减速器精密装配与检测", "enter"),
    "tax": ("800", "enter", "1"),
    "company": ("上海宝钢精密机械有限公司", "enter"),
    "contact": ("张先生", "enter"),
    "mobile": ("13524678515", "enter", "1"),
    "review": ("enter",),
}
STANDARD_KEYS: tuple[str, ...] = tuple(k for keys in STANDARD_BY_STEP.values() for k in keys)
STANDARD_MOBILE = "13524678515"
STANDARD_COMPANY = "上海宝钢精密机械有限公司"


def keys_before(step: str) -> tuple[str, ...]:
    """The standard inquiry's keys up to (not including) the first key of *step*'s fields."""
    order = list(STANDARD_BY_STEP)
    # Each step's keys end by moving the cursor into the next step, so the keys "of" a
    # step are the keys that lead into it.
    return tuple(k for s in order[: order.index(step)] for k in STANDARD_BY_STEP[s])


def key_count(items: Iterable[str]) -> int:
    """How many keys *items* stand for (typed text counts one key per character)."""
    return sum(1 if item in KEY_NAMES or len(item) == 1 else len(item) for item in items)


class StillClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        """Move the clock forward."""
        self.current += timedelta(**delta)


def write_config(folder: Path, *, lang: Lang = "zh", operator: str = "op-07") -> Path:
    """A config file keeping all data under *folder* / data."""
    path = folder / "intake_tui.toml"
    data_dir = (folder / "data").as_posix()
    path.write_text(
        f'[app]\nlanguage = "{lang}"\noperator = "{operator}"\n'
        f'[storage]\ndata_dir = "{data_dir}"\n',
        encoding="utf-8",
    )
    return path


def make_runtime(
    folder: Path, lang: Lang = "zh", clock: Callable[[], datetime] | None = None
) -> Runtime:
    """A runtime on a config in *folder*, with a still clock by default."""
    loaded = load_config(write_config(folder, lang=lang))
    return Runtime(loaded, lang, now=clock or StillClock())


@pytest.fixture
def clock() -> StillClock:
    return StillClock()


@pytest.fixture
def runtime(tmp_path: Path, clock: StillClock) -> Runtime:
    return make_runtime(tmp_path, "zh", clock)


@pytest.fixture
def app(runtime: Runtime) -> IntakeApp:
    return IntakeApp(runtime)


# -- driving the app ----------------------------------------------------------------------


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type *text* into the focused field, one key event per character."""
    app = pilot.app
    for character in text:
        event = events.Key(_character_to_key(character), character)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()


async def keys(pilot: Pilot[Any], *items: str) -> None:
    """Press key names and single characters one by one; type longer strings as text."""
    for item in items:
        if item in KEY_NAMES or len(item) == 1:
            await pilot.press(item)
        else:
            await type_text(pilot, item)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for the thread workers (duplicate lookup, history search) and the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def flush_drafts(app: IntakeApp) -> None:
    """Wait until every draft handed to the background saver is in the store."""
    assert app.saver is not None
    assert app.saver.flush()


def steady_cursor(pilot: Pilot[Any]) -> None:
    """Stop the cursor blinking so that a screenshot does not depend on timing."""
    for node in pilot.app.screen.query(Input):
        node.cursor_blink = False


# -- reading the screen -------------------------------------------------------------------


def intake(pilot: Pilot[Any]) -> IntakeApp:
    """The app under test, typed."""
    app = pilot.app
    assert isinstance(app, IntakeApp)
    return app


def focused_path(app: IntakeApp) -> str | None:
    """The dotted path of the field with the cursor, or None."""
    focused = app.focused
    return focused.spec.path if isinstance(focused, FieldInput) else None


def row(app: IntakeApp, path: str) -> FieldRow:
    """The capture row of field *path*."""
    return app.capture.rows[path]


def hint_widget(app: IntakeApp, path: str) -> Static:
    """The hint line under field *path*."""
    return row(app, path).query_one(".field-hint", Static)


def hint(app: IntakeApp, path: str) -> str:
    """The hint line under field *path*: as rendered when its step is on screen."""
    field = row(app, path)
    if not field.is_mounted:
        # Only the current step's rows are mounted; the others keep their hint.
        return field.hint_text
    return str(hint_widget(app, path).render())


def hint_classes(app: IntakeApp, path: str) -> set[str]:
    """The hint's style classes (``-error``, ``-warning``)."""
    field = row(app, path)
    if not field.is_mounted:
        return {"field-hint", field.hint_kind} - {""}
    return set(field.query_one(".field-hint", Static).classes)


def screen_text(pilot: Pilot[Any]) -> str:
    """Every character on the terminal now, line by line."""
    # The compositor is private, but it is the one place that holds the screen as text.
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def shown_in(pilot: Pilot[Any], widget: Widget) -> str:
    """The text on screen inside *widget* (borders and padding left out), without white space.

    Removing white space makes wrapped lines comparable with the message they wrap.
    """
    region = widget.content_region
    for ancestor in widget.ancestors:
        if isinstance(ancestor, ScrollableContainer):  # it clips what it holds
            region = region.intersection(ancestor.content_region)
    strips = pilot.app.screen._compositor.render_strips()
    lines = strips[region.y : region.bottom]
    return "".join("".join(s.crop(region.x, region.right).text.split()) for s in lines)


def compact(text: str) -> str:
    """*text* without white space (to compare with :func:`shown_in`)."""
    return "".join(text.split())


# -- stored records -----------------------------------------------------------------------


@dataclass(frozen=True)
class Caller:
    """The values that tell stored inquiries apart."""

    company: str
    contact: str
    mobile: str


def stored_record(
    record_id: str | uuid.UUID,
    when: datetime,
    caller: Caller,
    **overrides: Any,
) -> dict[str, Any]:
    """A normalised submitted record, made by the same normaliser the app uses."""
    raw = raw_record(
        company__name=caller.company,
        contact__name=caller.contact,
        contact__mobile=caller.mobile,
        **overrides,
    )
    raw["id"] = str(record_id)
    stamp = when.isoformat(timespec="seconds")
    raw["created_at"] = stamp
    raw["call"] = {"started_at": stamp}
    filling = replace(Filling(operator="op-01"), submitted=True, now=lambda: when)
    outcome = normalise(raw, filling)
    assert outcome.ok and outcome.inquiry is not None, outcome.errors
    return outcome.inquiry.document()


def fixed_id(number: int) -> str:
    """A stable record id (``0000000n-…``) so screens showing ids stay the same."""
    return str(uuid.UUID(int=number << 96 | number))


def seed(runtime: Runtime, records: Iterable[dict[str, Any]]) -> None:
    """Store *records* as submitted earlier, before the app opens the store."""
    with Store.open(runtime.config.database_path(), now=runtime.now) as store:
        store.submit_many(list(records), destinations=["backend"], actor="op-01")
