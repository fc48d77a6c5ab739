"""``intake-tui import`` stores each row exactly once: ids derived from content, conflicts.

Rows without an ``id`` (spreadsheet exports) get one derived from their normalised
content, so a second import, or a re-run after kill -9, stores nothing twice; the same id
and revision with other content is a conflict (exit 1), and a higher revision needs
``--allow-newer-revisions``.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tests.helpers import COMMAND, raw_record, run_cli

RECORD_ID = "00000000-0000-4000-8000-000000000001"
HEADER = (
    "need.kind,need.floor_area_sqm,need.timeline,use.description,tax.annual_tax_wan,"
    "tax.registration,company.name,contact.name,contact.mobile,consent.contact\n"
)


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "intake.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[app]\noperator = "op-42"\n')
    return config


def _csv_row(number: int) -> str:
    return (
        f"租赁厂房,3000平,3个月内,精密零件加工第{number}条线,800,迁入,"
        f"上海宝钢精密机械有限公司,张先生,135{number:08d},是\n"
    )


def _stored(tmp_path: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(tmp_path / "data" / "intake.sqlite3") as db:
        rows = db.execute("SELECT record FROM inquiries ORDER BY rowid").fetchall()
    return [json.loads(row[0]) for row in rows]


def _filed(tmp_path: Path) -> list[dict[str, Any]]:
    text = (tmp_path / "data" / "inquiries.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.split("\n") if line]


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def test_the_same_idless_csv_imported_twice_stores_nothing_new(tmp_path: Path) -> None:
    config = _config(tmp_path)
    source = tmp_path / "export.csv"
    source.write_text(HEADER + "".join(_csv_row(n) for n in range(1, 4)), encoding="utf-8")

    first = run_cli("import", str(source), "--config", str(config))
    assert first.returncode == 0, first.stdout + first.stderr
    ids = [record["id"] for record in _stored(tmp_path)]
    again = run_cli("import", str(source), "--config", str(config))

    assert again.returncode == 0, again.stdout + again.stderr
    assert "新保存 0 条，已存在 3 条" in again.stderr
    assert [record["id"] for record in _stored(tmp_path)] == ids
    assert len(set(ids)) == 3
    assert [record["id"] for record in _filed(tmp_path)] == ids


def test_a_derived_id_ignores_spelling_but_not_content(tmp_path: Path) -> None:
    """The id comes from the normalised row: another spelling of one number is the same row."""
    config = _config(tmp_path)
    first = _jsonl(tmp_path / "a.jsonl", [raw_record(contact__mobile="13524678515")])
    second = _jsonl(
        tmp_path / "b.jsonl",
        [raw_record(contact__mobile="+86 135 2467 8515"), raw_record(contact__name="李女士")],
    )
    assert run_cli("import", str(first), "--config", str(config)).returncode == 0
    result = run_cli("import", str(second), "--config", str(config), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 stored, 1 already present" in result.stderr
    assert len(_stored(tmp_path)) == 2


def test_rows_repeated_inside_one_file_are_reported_and_stored_once(tmp_path: Path) -> None:
    config = _config(tmp_path)
    source = tmp_path / "export.csv"
    source.write_text(HEADER + _csv_row(1) + _csv_row(2) + _csv_row(1), encoding="utf-8")
    result = run_cli("import", str(source), "--config", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "第 4 行：-：与第 2 行完全相同，只保存一次" in result.stdout
    assert "新保存 2 条，已存在 0 条，文件内重复 1 条" in result.stderr
    assert len(_stored(tmp_path)) == 2
    assert len(_filed(tmp_path)) == 2


def test_the_same_id_and_revision_with_other_content_is_a_conflict(tmp_path: Path) -> None:
    config = _config(tmp_path)
    original = _jsonl(tmp_path / "a.jsonl", [{**raw_record(), "id": RECORD_ID}])
    changed = _jsonl(
        tmp_path / "b.jsonl",
        [
            raw_record(contact__name="李女士"),
            {**raw_record(company__name="苏州二号电子科技有限公司"), "id": RECORD_ID},
        ],
    )
    assert run_cli("import", str(original), "--config", str(config)).returncode == 0
    result = run_cli("import", str(changed), "--config", str(config), "--lang", "en")
    assert result.returncode == 1
    assert f"line 2: id: id {RECORD_ID} revision 1 is already stored with other content" in (
        result.stdout
    )
    assert "1 stored, 0 already present, 0 repeated within the file, 1 in conflict" in (
        result.stderr
    )
    stored = {r["id"]: r["company"]["name"] for r in _stored(tmp_path)}
    assert stored[RECORD_ID] == "上海宝钢精密机械有限公司"
    assert len(_filed(tmp_path)) == 2


def test_the_same_id_and_revision_twice_in_one_file_with_other_content(tmp_path: Path) -> None:
    config = _config(tmp_path)
    source = _jsonl(
        tmp_path / "a.jsonl",
        [
            {**raw_record(), "id": RECORD_ID},
            {**raw_record(company__name="苏州二号电子科技有限公司"), "id": RECORD_ID},
        ],
    )
    result = run_cli("import", str(source), "--config", str(config), "--lang", "en")
    assert result.returncode == 1
    assert f"line 2: id: id {RECORD_ID} revision 1 already appeared on line 1" in result.stdout
    assert [r["company"]["name"] for r in _stored(tmp_path)] == ["上海宝钢精密机械有限公司"]


def test_a_higher_revision_is_stored_only_when_allowed(tmp_path: Path) -> None:
    config = _config(tmp_path)
    original = _jsonl(tmp_path / "a.jsonl", [{**raw_record(), "id": RECORD_ID}])
    newer = _jsonl(
        tmp_path / "b.jsonl",
        [{**raw_record(company__name="苏州二号电子科技有限公司"), "id": RECORD_ID, "revision": 2}],
    )
    assert run_cli("import", str(original), "--config", str(config)).returncode == 0

    refused = run_cli("import", str(newer), "--config", str(config), "--lang", "en")
    assert refused.returncode == 1
    assert "line 1: revision: " in refused.stdout
    assert "--allow-newer-revisions" in refused.stdout
    assert [r["revision"] for r in _stored(tmp_path)] == [1]

    allowed = run_cli("import", str(newer), "--config", str(config), "--allow-newer-revisions")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert [(r["revision"], r["company"]["name"]) for r in _stored(tmp_path)] == [
        (2, "苏州二号电子科技有限公司")
    ]
    assert [r["revision"] for r in _filed(tmp_path)] == [1, 2]


def _count_stored(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM inquiries").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the file is still being created


def test_kill_9_mid_import_then_the_rerun_stores_exactly_the_files_rows(tmp_path: Path) -> None:
    config = _config(tmp_path)
    rows = 3000
    source = tmp_path / "export.csv"
    source.write_text(HEADER + "".join(_csv_row(n) for n in range(rows)), encoding="utf-8")
    database = tmp_path / "data" / "intake.sqlite3"

    child = subprocess.Popen(
        [str(COMMAND), "import", str(source), "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Kill as soon as the first batch is in: the import is then mid-way.
        while child.poll() is None and _count_stored(database) == 0:
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    assert 0 < _count_stored(database) < rows

    rerun = run_cli("import", str(source), "--config", str(config), timeout=300)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    stored = _stored(tmp_path)
    assert len(stored) == rows
    assert sorted(r["contact"]["mobile"] for r in stored) == [f"135{n:08d}" for n in range(rows)]
    filed = Counter(record["id"] for record in _filed(tmp_path))
    assert set(filed) == {record["id"] for record in stored}
    assert max(filed.values()) == 1
