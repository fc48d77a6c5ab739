"""Import and validate read lines as an editor shows them, and one bad line spoils only itself.

Lines end at ``\\n`` or ``\\r\\n`` only: U+2028, U+2029 and U+0085 inside a JSON string are
data, and the line numbers in reports are the editor's. A line that cannot be decoded or
parsed is reported on its own; the lines after it are imported.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.helpers import raw_record, run_cli

HEADER = "use.description,contact.mobile,need.kind,need.floor_area_sqm,need.timeline,"
HEADER += "tax.annual_tax_wan,tax.registration,company.name,contact.name,consent.contact\n"
REST = "租赁厂房,3000平,3个月内,800,迁入,上海宝钢精密机械有限公司,张先生,是\n"


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "intake.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n')
    return config


def _line(**overrides: object) -> bytes:
    return (json.dumps(raw_record(**overrides), ensure_ascii=False) + "\n").encode()


def _mobiles(tmp_path: Path) -> list[str]:
    with sqlite3.connect(tmp_path / "data" / "intake.sqlite3") as db:
        rows = db.execute("SELECT record FROM inquiries ORDER BY rowid").fetchall()
    return [json.loads(row[0])["contact"]["mobile"] for row in rows]


def test_unicode_line_separators_inside_a_json_string_are_data(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        _line(use__description="精密\u2028装配\u2029检测\x85线", contact__mobile="13500000001")
        + b"\r\n"
        + _line(contact__mobile="13500000002").replace(b"\n", b"\r\n")
        + b'{"need": \n'
        + _line(contact__mobile="13500000004")
    )
    result = run_cli("import", str(source), "--config", str(_config(tmp_path)))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "第 4 行：-：不是有效的 JSON（第 10 列附近：Expecting value）；每行须为一个 JSON 对象"
    ]
    assert _mobiles(tmp_path) == ["13500000001", "13500000002", "13500000004"]


def test_validate_counts_the_same_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(_line(use__description="一\u2028二\x85三") + b"not json\n")
    result = run_cli("validate", str(source))
    lines = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert [line["ok"] for line in lines] == [True, False]
    assert result.returncode == 1


def test_one_undecodable_line_is_reported_and_the_rest_imported(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        _line(contact__mobile="13500000001")
        + b'{"company": {"name": "\xff\xfe\xfd"}}\n'
        + _line(contact__mobile="13500000003")
    )
    result = run_cli("import", str(source), "--config", str(_config(tmp_path)), "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("line 2: -: this line is not text")
    assert "2 stored" in result.stderr
    assert _mobiles(tmp_path) == ["13500000001", "13500000003"]


def test_a_gb18030_csv_with_one_line_in_another_encoding(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_bytes(
        (HEADER + f"精密加工,13500000001,{REST}").encode("gb18030")
        + f"精密加工,13500000002,{REST}".encode().replace("精".encode(), b"\xff\x80")
        + (f"电池材料,13500000003,{REST}").encode("gb18030")
    )
    result = run_cli("import", str(source), "--config", str(_config(tmp_path)), "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("line 3: -: this line is not text")
    assert _mobiles(tmp_path) == ["13500000001", "13500000003"]


def test_a_malformed_csv_row_does_not_stop_the_rows_after_it(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text(
        HEADER
        + f"精密加工,13500000001,{REST}"
        + f'"{"很长" * 70_000}",13500000002,{REST}'
        + f"电池材料,13500000003,{REST}",
        encoding="utf-8",
    )
    result = run_cli("import", str(source), "--config", str(_config(tmp_path)), "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("line 3: -: malformed CSV: field larger than field limit")
    assert _mobiles(tmp_path) == ["13500000001", "13500000003"]


def test_csv_lines_are_counted_as_an_editor_shows_them(tmp_path: Path) -> None:
    """A record is reported at the line it starts on (a quoted cell may span lines)."""
    source = tmp_path / "export.csv"
    source.write_bytes(
        (
            HEADER
            + f'"精密\r\n加工",021-66668888,{REST}'
            + f"电池\u2028材料,13500000002,{REST}"
            + f'"电池\n材料",13500000003,{REST}'
            + f"电池材料,021-66668888,{REST}"
        ).encode()
    )
    result = run_cli("import", str(source), "--config", str(_config(tmp_path)), "--lang", "en")
    assert result.returncode == 1
    reported = [line.split(":", 2)[:2] for line in result.stdout.splitlines()]
    assert reported == [["line 2", " contact.mobile"], ["line 7", " contact.mobile"]]
    assert _mobiles(tmp_path) == ["13500000002", "13500000003"]
