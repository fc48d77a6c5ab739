"""Saving the inquiry on screen to a file the operator names: whole or not at all, private."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.i18n import LANGUAGES
from intake_tui.record.fields import FIELDS
from intake_tui.record.normalise import Filling
from intake_tui.services.capture import CaptureSession
from intake_tui.services.rescue import (
    FORMAT,
    RescueError,
    default_rescue_path,
    rescue_document,
    resolve_target,
    write_rescue,
)
from tests.fault_injection import immutable
from tests.helpers import FIXED_NOW

#: The standard inquiry as the capture screen keeps it (choices by code).
TYPED = {
    "need.kind": "factory_rent",
    "need.floor_area_sqm": "2000-3000",
    "need.timeline": "within_3m",
    "use.industry": "C",
    "use.description": "工业机器人减速器精密装配与检测",
    "tax.annual_tax_wan": "800",
    "tax.registration": "new_entity",
    "company.name": "上海宝钢精密机械有限公司",
    "contact.name": "张先生",
    "contact.mobile": "13524678515",
    "consent.contact": "true",
}
EXAMPLE_PREFIX = "/media/usb/intake-tui-"


def session_with(fields: dict[str, str]) -> CaptureSession:
    """A call being captured, at a fixed time, with *fields* typed."""
    session = CaptureSession(Filling(operator="op-07", now=lambda: FIXED_NOW))
    for path, text in fields.items():
        session.set(path, text)
    return session


def document(fields: dict[str, str] = TYPED) -> dict[str, Any]:
    return rescue_document(session_with(fields), saved_at=FIXED_NOW, lang="zh")


def names(folder: Path) -> list[str]:
    """What is in *folder*."""
    return sorted(path.name for path in folder.iterdir())


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write left behind."""
    return [name for name in names(folder) if name.endswith(".tmp")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder to save into (tmp_path also holds the test's home)."""
    made = tmp_path / "out"
    made.mkdir()
    return made


def test_a_valid_inquiry_carries_its_typed_fields_and_its_normalised_record() -> None:
    session = session_with(TYPED)
    saved = rescue_document(session, saved_at=FIXED_NOW, lang="zh")
    assert saved["format"] == FORMAT
    assert saved["id"] == session.record_id
    assert saved["fields"] == TYPED
    assert saved["valid"] is True
    assert saved["errors"] == []
    record = saved["record"]
    assert record["id"] == session.record_id
    assert record["contact"]["mobile"] == "13524678515"
    assert record["need"]["floor_area_sqm"] == {"min": 2000, "max": 3000}
    # It was not submitted: a later submit stamps the time.
    assert record["submitted_at"] is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_incomplete_inquiry_keeps_what_was_typed_and_says_what_is_missing(lang: str) -> None:
    typed = {path: text for path, text in TYPED.items() if path != "contact.mobile"}
    saved = rescue_document(session_with(typed), saved_at=FIXED_NOW, lang=lang)  # type: ignore[arg-type]
    assert saved["fields"] == typed
    assert (saved["valid"], saved["record"]) == (False, None)
    assert [error["field"] for error in saved["errors"]] == ["contact.mobile"]
    assert ("手机号" if lang == "zh" else "Mobile") in saved["errors"][0]["message"]


def test_the_file_is_private_whole_and_alone(folder: Path) -> None:
    saved = document()
    target = folder / "call.json"
    assert write_rescue(str(target), saved) == target
    assert json.loads(target.read_text(encoding="utf-8")) == saved
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert names(folder) == ["call.json"]


def test_the_default_is_in_the_home_folder_and_named_by_the_inquiry(isolated_dirs: Path) -> None:
    saved = document()
    expected = isolated_dirs / f"intake-tui-{saved['id'][:8]}.json"
    assert default_rescue_path(saved["id"]) == expected
    # "~" and a bare folder both take the default name.
    assert write_rescue("~", saved) == expected
    assert write_rescue(f"  {isolated_dirs}  ", saved) == expected
    assert json.loads(expected.read_text(encoding="utf-8"))["id"] == saved["id"]


def test_a_second_save_of_the_same_inquiry_replaces_the_first(tmp_path: Path) -> None:
    target = tmp_path / "call.json"
    first = document({"company.name": "上海宝钢精密机械有限公司"})
    write_rescue(str(target), first)
    later = {**first, "fields": {**first["fields"], "contact.name": "张先生"}}
    write_rescue(str(target), later)
    assert json.loads(target.read_text(encoding="utf-8"))["fields"] == later["fields"]


def test_another_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_text('{"mine": true}\n', encoding="utf-8")
    other_call = tmp_path / "other.json"
    write_rescue(str(other_call), document())
    for existing in (target, other_call):
        before = existing.read_bytes()
        with pytest.raises(RescueError) as raised:
            write_rescue(str(existing), document())
        assert raised.value.message.key == "tui.rescue.exists"
        assert existing.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("typed", "key"),
    [("", "tui.rescue.no_path"), ("   ", "tui.rescue.no_path"), ("nowhere/x.json", None)],
    ids=["empty", "blank", "missing-folder"],
)
def test_a_path_that_cannot_be_used_is_refused_with_an_example(
    tmp_path: Path, typed: str, key: str | None
) -> None:
    if key is None:
        typed, key = str(tmp_path / typed), "tui.rescue.no_folder"
    with pytest.raises(RescueError) as raised:
        write_rescue(typed, document())
    message = raised.value.message
    assert message.key == key
    for lang in LANGUAGES:
        assert EXAMPLE_PREFIX in message.text(lang)
    assert not (tmp_path / "nowhere").exists()


def test_a_full_disk_leaves_nothing_behind(folder: Path) -> None:
    """A real limit: the kernel refuses to grow files past RLIMIT_FSIZE (EFBIG), as on a full
    disk; SIGXFSZ is ignored so that the write fails instead of the process dying."""
    target = folder / "call.json"
    script = (
        "import json, resource, signal, sys\n"
        "from intake_tui.services.rescue import RescueError, write_rescue\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))\n"
        "try:\n"
        "    write_rescue(sys.argv[1], json.loads(sys.stdin.read()))\n"
        "except RescueError as error:\n"
        "    print(error.message.key)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        input=json.dumps(document()),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (ran.returncode, ran.stdout.strip(), ran.stderr) == (0, "tui.rescue.disk_full", "")
    assert names(folder) == []


def test_a_read_only_folder_is_refused_even_for_root(folder: Path) -> None:
    with immutable(folder), pytest.raises(RescueError) as raised:
        write_rescue(str(folder / "call.json"), document())
    assert raised.value.message.key == "tui.rescue.readonly"
    assert names(folder) == []


def test_a_folder_given_as_the_path_gets_the_default_name(tmp_path: Path) -> None:
    assert resolve_target(str(tmp_path), "0123456789") == tmp_path / "intake-tui-01234567.json"


TEXT_PATHS = [spec.path for spec in FIELDS if spec.kind == "text"]


@given(st.dictionaries(st.sampled_from(TEXT_PATHS), st.text(min_size=1, max_size=40), max_size=6))
def test_whatever_was_typed_comes_back_from_the_file(fields: dict[str, str]) -> None:
    saved = rescue_document(session_with(fields), saved_at=datetime.now().astimezone(), lang="en")
    with tempfile.TemporaryDirectory() as folder:
        target = write_rescue(str(Path(folder) / "call.json"), saved)
        assert json.loads(target.read_bytes())["fields"] == {
            path: text for path, text in fields.items() if text
        }
