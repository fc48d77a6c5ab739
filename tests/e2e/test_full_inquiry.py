"""A whole call keyed into the installed command: stored, filed, and listed masked."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.e2e.inquiry import (
    REVIEW_READY,
    STANDARD,
    draft_fields,
    integrity,
    key_in,
    open_form,
    read_rows,
    wait_for_draft,
)
from tests.e2e.terminal import Terminal

pytestmark = pytest.mark.e2e


def test_a_typed_inquiry_is_stored_filed_and_listed_masked(
    terminal: Terminal, config_file: Path, data_dir: Path
) -> None:
    open_form(terminal, config_file)
    key_in(terminal)
    review = [line.strip() for line in terminal.screen().splitlines()]
    for entry in STANDARD:
        value = entry.shown.removeprefix("= ")
        assert any(line.startswith(entry.label) and value in line for line in review), entry

    terminal.press("Enter")
    terminal.wait_for("已提交")
    terminal.press("F4")
    history = terminal.wait_for(
        "历史记录", "135****8515", "张*", "上海宝钢精密机械有限公司", "已提交"
    )
    assert "13524678515" not in history
    terminal.press("C-q")
    assert terminal.wait_exit() == 0

    database = data_dir / "intake.sqlite3"
    rows = read_rows(database)
    assert [row["status"] for row in rows] == ["submitted"]
    record = rows[0]["record"]
    assert record["need"]["kind"] == "factory_rent"
    assert record["need"]["floor_area_sqm"] == {"min": 2000, "max": 3000}
    assert record["need"]["timeline"] == "within_3m"
    assert record["use"]["industry"] == "C"
    assert record["use"]["description"] == "工业机器人减速器精密装配与检测"
    assert record["tax"]["annual_tax_wan"] == 800
    assert record["tax"]["registration"] == "new_entity"
    assert record["company"]["name"] == "上海宝钢精密机械有限公司"
    assert record["contact"] == {**record["contact"], "name": "张先生", "mobile": "13524678515"}
    assert record["consent"]["contact"] is True
    assert record["operator"] == "op-e2e"
    assert integrity(database) == "ok"

    lines = (data_dir / "inquiries.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [record]

    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for name in ("intake.sqlite3", "inquiries.jsonl"):
        assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600, name


def test_the_next_call_starts_clean_in_the_first_field(
    terminal: Terminal, config_file: Path
) -> None:
    open_form(terminal, config_file)
    key_in(terminal)
    terminal.press("Enter")
    terminal.wait_for("已提交")
    terminal.press("3")
    screen = terminal.wait_for("= 工业用地", "用地面积")
    assert "= 租赁厂房" not in screen
    assert "✗" not in screen, "a new call shows an error before anything wrong was typed"


def test_keys_typed_ahead_reach_the_fields_they_were_typed_for(
    terminal: Terminal, config_file: Path, data_dir: Path
) -> None:
    open_form(terminal, config_file)
    # One burst, as a busy machine or a remote terminal delivers a fast typist's keys.
    terminal.press(*[key for entry in STANDARD for key in (entry.text, entry.key) if key])
    # Wrong keys in a field end in an error on the step bar; right ones, in the review.
    screen = terminal.wait_until(
        lambda s: REVIEW_READY in s or "✗" in s.splitlines()[0], "the review or an error"
    )
    assert REVIEW_READY in screen
    # The draft is written off the UI thread: give the last field a moment to land.
    expected = {e.path: e.stored for e in STANDARD}
    wait_for_draft(data_dir / "intake.sqlite3", expected)
    assert draft_fields(data_dir / "intake.sqlite3") == expected


def test_quitting_at_once_leaves_no_draft(
    terminal: Terminal, config_file: Path, data_dir: Path
) -> None:
    open_form(terminal, config_file)
    terminal.press("C-q")
    assert terminal.wait_exit() == 0
    assert read_rows(data_dir / "intake.sqlite3") == []
