"""Any text at all, on every surface: markup-like, bracket-heavy, bidi and wide strings.

Each example stores the same generated string as a submitted inquiry (when the rules take
it) and as a draft (kept as typed, unchecked), then shows it on the CLI (``list``,
``show``) and on the screens (drafts offered at start, the review of the resumed draft,
history). Nothing may raise, and every surface must show the string itself, with the
characters that could act on a terminal written as ``\\uXXXX``.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable, OptionList

from intake_tui.cli.main import main
from intake_tui.privacy.masking import mask_name
from intake_tui.record.normalise import Filling, normalise
from intake_tui.store.database import Store
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.drafts import DraftsScreen
from intake_tui.tui.screens.history import HistoryScreen
from intake_tui.tui.screens.review import ReviewScreen
from tests.helpers import FIXED_NOW, raw_record
from tests.tui.conftest import compact, keys, make_runtime, settle, shown_in, write_config

#: Characters markup, links, emoji codes and escapes are made of; wide and CJK characters;
#: direction overrides and zero-width characters; an escape code.
ALPHABET = (
    *"[]/=@:#.,;!~`\\ -_'\"()",
    *"abclink",
    *"上海精密张",
    *"（）【】「」ＡＢ㎡",
    "😀",
    *"\u202e\u202d\u2066\u200b\u200d\u2060\ufeff\u061c",
    "\x1b",
)
NAMES = st.text(alphabet=ALPHABET, min_size=1, max_size=12).filter(lambda s: s.strip())
EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
DRAFT_ID = "d-any"
#: What must never reach the terminal as such (written as \uXXXX instead).
HIDDEN = frozenset("\u202e\u202d\u2066\u200b\u200d\u2060\ufeff\u061c\x1b")


def visible(text: str) -> str:
    """*text* as every surface must show it."""
    return "".join(f"\\u{ord(char):04x}" if char in HIDDEN else char for char in text)


def _seed(folder: Path, name: str) -> str | None:
    """The draft, and the submitted inquiry when the rules accept *name*; its id or None."""
    runtime = make_runtime(folder)
    company = name + "有限公司"
    raw = raw_record(company__name=company, contact__name=name, use__description=name + "装配")
    raw["id"] = "00000000-0000-4000-8000-000000000001"
    filling = replace(Filling(operator="op-01"), submitted=True, now=lambda: FIXED_NOW)
    outcome = normalise(raw, filling)
    with Store.open(runtime.config.database_path(), now=runtime.now) as store:
        store.save_draft(
            DRAFT_ID,
            {"company.name": company, "contact.name": name, "use.description": name},
            operator="op-07",
            started_at=FIXED_NOW.isoformat(),
        )
        if outcome.ok and outcome.inquiry is not None:
            store.submit_many([outcome.inquiry.document()], destinations=[], actor="op-01")
            return str(outcome.inquiry.id)
    return None


def _cli(*args: str) -> tuple[int, str]:
    """The command run in this process: (status, standard output)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    assert "Traceback" not in err.getvalue()
    return status, out.getvalue()


@EXAMPLES
@given(name=NAMES)
def test_the_cli_shows_any_name_as_it_is(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    with tempfile.TemporaryDirectory() as folder:
        submitted = _seed(Path(folder), name)
        config = str(write_config(Path(folder)))
        status, listed = _cli("list", "--status", "all", "--config", config)
        assert status == 0
        assert compact(visible(name + "有限公司")) in compact(listed)
        status, shown = _cli("show", DRAFT_ID, "--unmasked", "--config", config)
        assert status == 0
        assert "\x1b" not in shown and "\u202e" not in shown
        assert json.loads(shown)["record"]["fields"]["contact.name"] == name
        if submitted is not None:
            status, shown = _cli("show", submitted, "--unmasked", "--config", config)
            assert status == 0
            assert json.loads(shown)["record"]["contact"]["name"] == name.strip()


async def _screens(folder: Path, name: str) -> None:
    submitted = _seed(folder, name)
    app = IntakeApp(make_runtime(folder))
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftsScreen)
        offered = shown_in(pilot, app.screen.query_one(OptionList))
        assert compact(visible(name + "有限公司")) in offered
        await keys(pilot, "enter", "f2")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        values = shown_in(pilot, app.screen.query_one("#values"))
        assert compact(visible(name + "有限公司")) in values
        assert compact(visible(name)) in values
        await keys(pilot, "f2", "f4")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        cells = {
            str(cell)
            for index in range(app.screen.query_one(DataTable).row_count)
            for cell in app.screen.query_one(DataTable).get_row_at(index)
        }
        assert visible(name + "有限公司") in cells
        assert visible(mask_name(name)) in cells
        if submitted is not None:
            assert name.strip() + "有限公司" in cells or visible(name + "有限公司") in cells


@EXAMPLES
@given(name=NAMES)
def test_the_screens_show_any_name_as_it_is(name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_screens(Path(folder), name))
