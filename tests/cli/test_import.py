"""``intake-tui import``: valid records stored, filed and queued; invalid ones reported by line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.helpers import raw_record, run_cli


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "intake.toml"
    data = tmp_path / "data"
    config.write_text(f'[storage]\ndata_dir = "{data}"\n[app]\noperator = "op-42"\n')
    return config


def _jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


def test_import_stores_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    config = _config(tmp_path)
    source = _jsonl(
        tmp_path / "in.jsonl",
        [
            raw_record(company__name="上海一号精密机械有限公司"),
            raw_record(contact__mobile="021-66668888"),
            raw_record(company__name="苏州二号电子科技有限公司", contact__mobile="13800138000"),
            raw_record(tax__annual_tax_wan=""),
        ],
    )
    result = run_cli("import", str(source), "--config", str(config))
    assert result.returncode == 1
    assert "第 2 行：contact.mobile：" in result.stdout
    assert "第 4 行：tax.annual_tax_wan：" in result.stdout
    assert "Traceback" not in result.stderr

    listing = run_cli("list", "--json", "--config", str(config))
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert sorted(row["company"] for row in rows) == [
        "上海一号精密机械有限公司",
        "苏州二号电子科技有限公司",
    ]
    assert {row["mobile"] for row in rows} == {"135****8515", "138****8000"}

    filed = [
        json.loads(line)
        for line in (tmp_path / "data" / "inquiries.jsonl").read_text().splitlines()
    ]
    assert [r["company"]["name"] for r in filed] == [
        "上海一号精密机械有限公司",
        "苏州二号电子科技有限公司",
    ]
    assert all(r["operator"] == "op-42" and r["submitted_at"] for r in filed)

    with sqlite3.connect(tmp_path / "data" / "intake.sqlite3") as db:
        outbox = db.execute(
            "SELECT destination, status FROM outbox ORDER BY destination"
        ).fetchall()
    assert sorted(outbox) == [("backend", "pending")] * 2 + [("file", "delivered")] * 2


def test_importing_the_same_file_twice_stores_nothing_new(tmp_path: Path) -> None:
    config = _config(tmp_path)
    records = [{**raw_record(), "id": f"00000000-0000-4000-8000-00000000000{i}"} for i in range(3)]
    source = _jsonl(tmp_path / "in.jsonl", records)
    assert run_cli("import", str(source), "--config", str(config)).returncode == 0
    again = run_cli("import", str(source), "--config", str(config))
    assert again.returncode == 0
    assert "已存在 3 条" in again.stderr
    lines = (tmp_path / "data" / "inquiries.jsonl").read_text().splitlines()
    assert len(lines) == 3


def test_import_csv(tmp_path: Path) -> None:
    config = _config(tmp_path)
    source = tmp_path / "calls.csv"
    source.write_text(
        "need.kind,need.floor_area_sqm,need.timeline,use.description,tax.annual_tax_wan,"
        "tax.registration,company.name,contact.name,contact.mobile,consent.contact\n"
        "租赁厂房,3000平,3个月内,精密零件加工,800,迁入,上海宝钢精密机械有限公司,张先生,13524678515,是\n"
    )
    result = run_cli("import", str(source), "--config", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    shown = run_cli("list", "--json", "--config", str(config), "--search", "shbg")
    assert len(shown.stdout.splitlines()) == 1


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run_cli("import", str(tmp_path / "nope.jsonl"), "--config", str(_config(tmp_path)))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
