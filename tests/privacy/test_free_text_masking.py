"""Masked views hide a mobile number wherever it was typed: in notes, titles, descriptions."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.helpers import raw_record, run_cli
from tests.privacy.free_text import holds_the_mobile, strings
from tests.privacy.support import DataFolder, import_records, write_config

RECORD_ID = "66666666-6666-4666-8666-666666666666"
DRAFT_ID = "77777777-7777-4777-8777-777777777777"
#: Free text of one record, each holding the caller's number in another spelling.
SPELLED = {
    "need__notes": "请打 135-2467-8515",
    "use__description": "精密装配，老板手机 １３５２４６７８５１５",
    "company__name": "上海宝钢精密机械有限公司（联系 0086 135 2467 8515）",
    "contact__title": "经理 +86 135-2467-8515",
    "contact__wechat": "wx13524678515",
}


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    seeded = write_config(tmp_path)
    import_records(seeded, [{**raw_record(**SPELLED), "id": RECORD_ID}])
    return seeded


def test_the_seeded_record_really_holds_every_spelling(folder: DataFolder) -> None:
    result = run_cli("show", RECORD_ID, "--unmasked", "--config", str(folder.config))
    shown = json.loads(result.stdout)["record"]
    texts = [shown["need"]["notes"], shown["use"]["description"], shown["contact"]["title"]]
    assert all(holds_the_mobile(text) for text in texts)
    assert holds_the_mobile(shown["company"]["name"])


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl"])
def test_a_masked_export_holds_no_mobile_in_any_text(folder: DataFolder, fmt: str) -> None:
    output = folder.config.parent / f"leads.{fmt}"
    result = run_cli("export", "--format", fmt, "-o", str(output), "--config", str(folder.config))
    assert result.returncode == 0, result.stderr
    cells = _cells(output, fmt)
    assert any("135****8515" in cell for cell in cells)
    assert any(cell == "请打 135****8515" for cell in cells)  # the note keeps its words
    assert [cell for cell in cells if holds_the_mobile(cell)] == []


def _cells(path: Path, fmt: str) -> list[str]:
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [cell for row in csv.reader(handle) for cell in row]
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).active
        assert sheet is not None
        return [str(value) for row in sheet.iter_rows(values_only=True) for value in row]
    lines = path.read_text(encoding="utf-8").splitlines()
    return [text for line in lines for text in strings(json.loads(line))]


def test_show_and_list_hold_no_mobile_in_any_text(folder: DataFolder) -> None:
    shown = run_cli("show", RECORD_ID[:8], "--config", str(folder.config))
    assert shown.returncode == 0, shown.stderr
    record = json.loads(shown.stdout)["record"]
    assert record["need"]["notes"] == "请打 135****8515"
    assert record["id"] == RECORD_ID  # an id is not free text: its digits stay
    assert [text for text in strings(record) if holds_the_mobile(text)] == []
    listed = run_cli("list", "--json", "--config", str(folder.config))
    table = run_cli("list", "--config", str(folder.config), env={"COLUMNS": "300"})
    assert listed.returncode == 0 and table.returncode == 0, listed.stderr + table.stderr
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert row["company"] == "上海宝钢精密机械有限公司（联系 135****8515）"
    assert not holds_the_mobile(listed.stdout) and not holds_the_mobile(table.stdout)
    assert "135****8515" in table.stdout


def test_a_drafts_typed_text_is_masked_in_show_and_list(tmp_path: Path) -> None:
    folder = write_config(tmp_path)
    with folder.open_store() as store:
        store.save_draft(
            DRAFT_ID,
            {
                "need.notes": "请打 135-2467-8515",
                "company.name": "宝钢（１３５ ２４６７ ８５１５）",
                "contact.mobile": "+86 135 2467 8515",
            },
            operator="op-07",
            started_at="2026-11-29T09:30:00+08:00",
        )
    shown = run_cli("show", DRAFT_ID[:8], "--config", str(folder.config))
    assert shown.returncode == 0, shown.stderr
    fields = json.loads(shown.stdout)["record"]["fields"]
    assert fields["need.notes"] == "请打 135****8515"
    listed = run_cli("list", "--status", "draft", "--json", "--config", str(folder.config))
    assert listed.returncode == 0, listed.stderr
    for output in (shown.stdout, listed.stdout):
        assert not holds_the_mobile(output)
