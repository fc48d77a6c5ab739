"""Issue 5: the disk fills or the data folder turns read-only while the operator is saving.

The faults are real (see tests/fault_injection.py): a small tmpfs under the data folder
filled to the last byte, and ``chattr +i``, which stops root too. What must hold each time:
a message in the operator's language naming what failed and what to do, the app running
on with the input on screen, Ctrl+S saving the inquiry elsewhere, and nothing half-written.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from intake_tui.config.loading import load_config
from intake_tui.i18n import Lang, Message, render
from intake_tui.record.normalise import normalise
from intake_tui.services.runtime import Runtime
from intake_tui.services.submission import Submitter
from intake_tui.tui.app import IntakeApp
from intake_tui.tui.screens.help import HelpScreen
from intake_tui.tui.screens.rescue import RescueScreen
from intake_tui.tui.screens.review import ReviewScreen
from tests.fault_injection import fill_disk, free_disk, immutable, small_disk, store_files
from tests.helpers import raw_record
from tests.tui.conftest import (
    STANDARD_BY_STEP,
    STANDARD_KEYS,
    StillClock,
    flush_drafts,
    keys,
    make_runtime,
    screen_text,
    settle,
)

DESCRIPTION = "工业机器人减速器精密装配与检测"
#: Every key of the standard inquiry up to the review (its Enter submits).
TO_REVIEW = STANDARD_KEYS[:-1]
PAGE = resource.getpagesize()


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """The data folder on its own small disk (filled by the test when it wants)."""
    with small_disk(tmp_path / "data") as folder:
        yield folder


def notices(app: IntakeApp) -> list[str]:
    """The notifications raised so far."""
    return [notification.message for notification in app._notifications]


def store_message(key: str, path: Path, lang: Lang) -> str:
    """A store error's text, as the store words it."""
    return Message(key, {"path": str(path), "seconds": 5, "reason": ""}).text(lang)


def stored(database: Path) -> list[dict[str, Any]]:
    """Every row of the store (id, status, record), read-only."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT id, status, record FROM inquiries").fetchall()
    return [{"id": i, "status": s, "record": json.loads(r)} for i, s, r in rows]


def integrity(database: Path) -> str:
    """``PRAGMA integrity_check`` of the store, read-only."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return ", ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))


async def save_as(pilot: Pilot[Any], app: IntakeApp, typed: str | None = None) -> Path:
    """Ctrl+S, optionally replace the suggested path, Enter; the file written."""
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(app.screen, RescueScreen)
    field = app.screen.query_one("#rescue-path", Input)
    if typed is not None:
        field.value = typed
    target = Path(field.value)
    await keys(pilot, "enter")
    await settle(pilot)
    assert not isinstance(app.screen, RescueScreen), app.screen
    return target


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_full_disk_while_typing_is_reported_and_the_input_saved_elsewhere(
    tmp_path: Path, full_disk: Path, isolated_dirs: Path, lang: Lang
) -> None:
    app = IntakeApp(make_runtime(tmp_path, lang, StillClock()))
    database = full_disk / "intake.sqlite3"
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await keys(pilot, *STANDARD_BY_STEP["need"])
        flush_drafts(app)
        fill_disk(full_disk)
        await keys(pilot, *STANDARD_BY_STEP["use"], *STANDARD_BY_STEP["tax"])
        flush_drafts(app)
        await settle(pilot)

        detail = store_message("store.disk_full", database, lang)
        expected = render("tui.fault.draft_not_saved", lang, detail=detail)
        # Each field left failed to save; the operator is told once.
        assert notices(app) == [expected]
        assert app.is_running
        # The input is still there, on screen too.
        assert app.capture.session.text("use.description") == DESCRIPTION
        await keys(pilot, "pageup", "pageup")
        await settle(pilot)
        assert DESCRIPTION in screen_text(pilot)

        rescued = await save_as(pilot, app)
        assert rescued == isolated_dirs / f"intake-tui-{app.capture.session.record_id[:8]}.json"
        saved = json.loads(rescued.read_text(encoding="utf-8"))
        assert saved["fields"] == app.capture.session.fields
        assert saved["fields"]["use.description"] == DESCRIPTION
        assert render("tui.rescue.saved", lang, path=str(rescued), count=7) in notices(app)

        # With room again, the next field left saves the whole draft.
        free_disk(full_disk)
        await keys(pilot, "pagedown", "pagedown", *STANDARD_BY_STEP["company"])
        flush_drafts(app)
        (draft,) = stored(database)
        assert draft["record"]["fields"] == app.capture.session.fields
        await keys(pilot, "ctrl+q")
    assert app.return_code == 0
    assert integrity(database) == "ok"


async def test_quitting_with_input_the_store_does_not_hold_asks_first(
    tmp_path: Path, full_disk: Path
) -> None:
    app = IntakeApp(make_runtime(tmp_path, "zh", StillClock()))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await keys(pilot, *STANDARD_BY_STEP["need"])
        flush_drafts(app)
        fill_disk(full_disk)
        await keys(pilot, *STANDARD_BY_STEP["use"])
        await keys(pilot, "ctrl+q")
        await settle(pilot)
        assert app.is_running
        assert notices(app)[-1] == render("tui.fault.quit_unsaved", "zh")
        await keys(pilot, "ctrl+q")
    assert app.return_code == 0
    assert integrity(full_disk / "intake.sqlite3") == "ok"


async def test_a_submit_on_a_full_disk_keeps_the_review_and_writes_nothing_half(
    tmp_path: Path, full_disk: Path
) -> None:
    app = IntakeApp(make_runtime(tmp_path, "zh", StillClock()))
    database = full_disk / "intake.sqlite3"
    jsonl = full_disk / "inquiries.jsonl"
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await keys(pilot, *TO_REVIEW)
        flush_drafts(app)
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        fill_disk(full_disk)
        await keys(pilot, "enter")
        await settle(pilot)

        detail = store_message("store.disk_full", database, "zh")
        assert render("tui.fault.submit_failed", "zh", detail=detail) in notices(app)
        assert isinstance(app.screen, ReviewScreen)
        assert app.capture.session.text("company.name") == STANDARD_BY_STEP["company"][0]
        record_id = app.capture.session.record_id

        rescued = await save_as(pilot, app, str(tmp_path / "call.json"))
        saved = json.loads(rescued.read_text(encoding="utf-8"))
        assert saved["valid"] is True
        assert saved["record"]["contact"]["mobile"] == "13524678515"

        assert [row["status"] for row in stored(database)] == ["draft"]
        assert not jsonl.exists() or jsonl.read_bytes() == b""
        assert integrity(database) == "ok"

        free_disk(full_disk)
        await keys(pilot, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReviewScreen)
    assert [(row["id"], row["status"]) for row in stored(database)] == [(record_id, "submitted")]
    lines = jsonl.read_bytes().splitlines(keepends=True)
    assert [json.loads(line)["id"] for line in lines] == [record_id]
    assert lines[-1].endswith(b"\n")
    assert integrity(database) == "ok"


async def test_a_data_folder_turned_read_only_while_typing(
    tmp_path: Path, isolated_dirs: Path
) -> None:
    lang: Lang = "zh"
    app = IntakeApp(make_runtime(tmp_path, lang, StillClock()))
    database = tmp_path / "data" / "intake.sqlite3"
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await keys(pilot, *STANDARD_BY_STEP["need"])
        flush_drafts(app)
        with immutable(*store_files(database)):
            await keys(pilot, *STANDARD_BY_STEP["use"])
            flush_drafts(app)
            await settle(pilot)
            # SQLite reports a refused write as an I/O error; either wording names the
            # file and says what to do.
            expected = {
                render("tui.fault.draft_not_saved", lang, detail=store_message(key, database, lang))
                for key in ("store.readonly", "store.io_error")
            }
            assert len(notices(app)) == 1 and notices(app)[0] in expected, notices(app)
            assert app.capture.session.text("use.description") == DESCRIPTION
            rescued = await save_as(pilot, app)
            assert rescued.parent == isolated_dirs
            saved = json.loads(rescued.read_text(encoding="utf-8"))
            assert saved["fields"]["use.description"] == DESCRIPTION
        # Writable again: the next field left saves everything typed meanwhile.
        await keys(pilot, *STANDARD_BY_STEP["tax"])
        flush_drafts(app)
        (draft,) = stored(database)
        assert draft["record"]["fields"] == app.capture.session.fields
        await keys(pilot, "ctrl+q")
    assert app.return_code == 0
    assert integrity(database) == "ok"


async def test_the_save_as_dialog_says_why_a_path_fails_and_keeps_it(
    tmp_path: Path, isolated_dirs: Path
) -> None:
    app = IntakeApp(make_runtime(tmp_path, "zh", StillClock()))
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *STANDARD_BY_STEP["need"])
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RescueScreen)
        await keys(pilot, "escape")
        assert not isinstance(app.screen, RescueScreen)
        assert list(isolated_dirs.glob("intake-tui-*.json")) == []

        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RescueScreen)
        missing = str(tmp_path / "no-such-folder" / "call.json")
        dialog.query_one("#rescue-path", Input).value = missing
        await keys(pilot, "enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "不存在" in dialog.problem and "/media/usb/intake-tui-" in dialog.problem
        assert dialog.query_one("#rescue-path", Input).value == missing

        target = await save_as_in_open_dialog(pilot, dialog, str(tmp_path / "call.json"))
        assert json.loads(target.read_text(encoding="utf-8"))["fields"]["need.kind"] == (
            "factory_rent"
        )


async def save_as_in_open_dialog(pilot: Pilot[Any], dialog: RescueScreen, typed: str) -> Path:
    """Replace the path in the open dialog and press Enter; the file written."""
    dialog.query_one("#rescue-path", Input).value = typed
    await keys(pilot, "enter")
    await settle(pilot)
    assert pilot.app.screen is not dialog
    return Path(typed)


async def test_f1_lists_save_as(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 60)) as pilot:
        await keys(pilot, "f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(pilot)
        assert "Ctrl+s" in text
        assert render("tui.key.save_as", "zh")[:6] in text


def fill_the_last_page(runtime: Runtime, jsonl: Path) -> None:
    """Submit inquiries (as an import would) until the file's last page has less room left
    than a line takes."""
    with runtime.open_store() as store:
        submitter = Submitter(store, runtime.file_sink(), actor="op-07")
        for count in range(1, 8):
            outcome = normalise(raw_record(), runtime.filling(submitted=True))
            assert outcome.inquiry is not None
            submitter.submit(outcome.inquiry)
            size = jsonl.stat().st_size
            if PAGE - size % PAGE < size / count:
                return
    raise AssertionError("the lines never came close to a page boundary")


async def submit_with_the_file_disk_full(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """Fill the local file's disk with its last page nearly full, submit an inquiry, then
    start again with room: (store, a copy of the JSONL file, notifications of the submit).

    A tmpfs hands out whole pages: the free end of the file's last page takes part of the
    next line before the disk refuses the rest, as on a real disk filling up mid-write.
    """
    files = tmp_path / "files"
    jsonl = files / "inquiries.jsonl"
    config = tmp_path / "intake_tui.toml"
    config.write_text(
        f'[app]\noperator = "op-07"\n[storage]\ndata_dir = "{tmp_path / "data"}"\n'
        f'[file_sink]\npath = "{jsonl}"\n',
        encoding="utf-8",
    )
    with small_disk(files, size_kib=512):
        runtime = Runtime(load_config(config), "zh", now=StillClock())
        fill_the_last_page(runtime, jsonl)
        fill_disk(files)
        app = IntakeApp(runtime)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await keys(pilot, *STANDARD_KEYS)
            await settle(pilot)
            shown = notices(app)
            assert not isinstance(app.screen, ReviewScreen)
            await keys(pilot, "ctrl+q")
        free_disk(files)
        # The next start writes the line the full disk refused.
        again = IntakeApp(Runtime(load_config(config), "zh", now=StillClock()))
        async with again.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await keys(pilot, "ctrl+q")
        kept = tmp_path / "inquiries.jsonl"
        kept.write_bytes(jsonl.read_bytes())
    return tmp_path / "data" / "intake.sqlite3", kept, shown


def parsed_lines(jsonl: Path) -> tuple[list[str], list[bytes]]:
    """(ids of the whole records, lines that are not a whole record) of a JSONL file."""
    ids: list[str] = []
    torn: list[bytes] = []
    for line in jsonl.read_bytes().splitlines(keepends=True):
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if isinstance(record, dict) and line.endswith(b"\n"):
            ids.append(str(record["id"]))
        else:
            torn.append(line)
    return ids, torn


async def test_a_full_disk_under_the_local_file_after_the_store_took_the_record(
    tmp_path: Path,
) -> None:
    database, jsonl, shown = await submit_with_the_file_disk_full(tmp_path)
    rows = stored(database)
    assert len(rows) >= 2 and {row["status"] for row in rows} == {"submitted"}
    reason = os.strerror(errno.ENOSPC)
    path = tmp_path / "files" / "inquiries.jsonl"
    expected = {
        render("tui.fault.file_not_written", "zh", id=row["id"][:8], path=str(path), reason=reason)
        for row in rows
    }
    assert len([text for text in shown if text in expected]) == 1, shown
    ids, _torn = parsed_lines(jsonl)
    assert sorted(ids) == sorted(row["id"] for row in rows)
    assert integrity(database) == "ok"


async def test_a_full_disk_under_the_local_file_leaves_no_partial_line(tmp_path: Path) -> None:
    _database, jsonl, _shown = await submit_with_the_file_disk_full(tmp_path)
    assert parsed_lines(jsonl)[1] == []
