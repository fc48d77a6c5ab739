"""``intake-tui validate`` run as the installed command: output lines and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import DELETE, raw_record, run_cli

#: (dotted field, what the operator typed, the normalised value) — the spec's input-rule examples.
ACCEPTED: list[tuple[str, Any, Any]] = [
    ("tax.annual_tax_wan", "500", 500),
    ("tax.annual_tax_wan", "500万", 500),
    ("tax.annual_tax_wan", "500万元", 500),
    ("tax.annual_tax_wan", "５００", 500),
    ("tax.annual_tax_wan", "5,000,000元", 500),
    ("tax.annual_tax_wan", "1.2亿", 12000),
    ("tax.annual_tax_wan", "五百万", 500),
    ("tax.annual_tax_wan", "两千万", 2000),
    ("tax.annual_tax_wan", "不详", None),
    ("tax.annual_tax_wan", "未知", None),
    ("tax.annual_tax_wan", "unknown", None),
    ("tax.annual_tax_wan", "?", None),
    ("use.total_investment_wan", "1.2亿元", 12000),
    ("need.floor_area_sqm", "3000", {"min": 3000, "max": 3000}),
    ("need.floor_area_sqm", "3000㎡", {"min": 3000, "max": 3000}),
    ("need.floor_area_sqm", "3000平", {"min": 3000, "max": 3000}),
    ("need.floor_area_sqm", "3000平米", {"min": 3000, "max": 3000}),
    ("need.floor_area_sqm", "3000平方米", {"min": 3000, "max": 3000}),
    ("need.floor_area_sqm", "3000 m2", {"min": 3000, "max": 3000}),
    ("need.floor_area_sqm", "1.5万平", {"min": 15000, "max": 15000}),
    ("need.floor_area_sqm", "三千平米", {"min": 3000, "max": 3000}),
    ("need.floor_area_sqm", "2000-3000", {"min": 2000, "max": 3000}),
    ("need.floor_area_sqm", "2000~3000", {"min": 2000, "max": 3000}),
    ("need.floor_area_sqm", "2000到3000", {"min": 2000, "max": 3000}),
    ("need.floor_area_sqm", "２０００－３０００", {"min": 2000, "max": 3000}),
    ("need.floor_area_sqm", {"min": 1000, "max": 1200}, {"min": 1000, "max": 1200}),
    ("need.kind", "租赁厂房", "factory_rent"),
    ("need.kind", "FACTORY_RENT", "factory_rent"),
    ("need.kind", "Rent a factory", "factory_rent"),
    ("use.industry", "制造业", "C"),
    ("use.industry", "c", "C"),
    ("need.timeline", "3个月内", "within_3m"),
    ("need.timeline", "2027-03", "2027-03"),
    ("contact.mobile", "135 2467 8515", "13524678515"),
    ("contact.mobile", "135-2467-8515", "13524678515"),
    ("contact.mobile", "１３５２４６７８５１５", "13524678515"),
    ("contact.mobile", "+86 135 2467 8515", "13524678515"),
    ("contact.mobile", "0086 13524678515", "13524678515"),
    ("contact.mobile", "8613524678515", "13524678515"),
    ("contact.alt_phone", "021-66668888", "+862166668888"),
    ("contact.alt_phone", "400-820-8820", "+864008208820"),
    ("company.name", "  上海宝钢   精密机械(集团)有限公司 ", "上海宝钢 精密机械（集团）有限公司"),
    ("company.uscc", "91110000 600037341l", "91110000600037341L"),
    ("need.requirements", "废水、洁净车间", ["wastewater", "cleanroom"]),
]

#: (dotted field, typed value, a word the Chinese message must contain).
REJECTED: list[tuple[str, Any, str]] = [
    ("tax.annual_tax_wan", "", "不能留空"),
    ("tax.annual_tax_wan", DELETE, "必填"),
    ("need.floor_area_sqm", "20亩", "用地面积"),
    ("need.floor_area_sqm", "3000-2000", "2000-3000"),
    ("contact.mobile", "021-66668888", "固定电话"),
    ("contact.mobile", "4008208820", "400"),
    ("contact.mobile", "1352467851", "11"),
    ("company.uscc", "91110000600037341X", "校验"),
    ("consent.contact", False, "同意"),
    ("need.kind", "买房子", "租赁厂房"),
]


def _lookup(record: dict[str, Any], dotted: str) -> Any:
    section, key = dotted.split(".", 1)
    return record[section][key]


def _validate(records: list[Any], *args: str) -> tuple[int, list[dict[str, Any]], str]:
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    result = run_cli("validate", *args, input=text)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return result.returncode, lines, result.stderr


def test_spec_examples_are_accepted_with_their_normalised_values() -> None:
    records = [raw_record(**{field.replace(".", "__"): raw}) for field, raw, _ in ACCEPTED]
    status, lines, stderr = _validate(records)
    assert stderr == ""
    assert len(lines) == len(ACCEPTED)
    for (field, raw, expected), line in zip(ACCEPTED, lines, strict=True):
        assert list(line) == ["ok", "inquiry", "warnings"], (field, raw, line)
        assert line["ok"] is True, (field, raw, line)
        assert _lookup(line["inquiry"], field) == expected, (field, raw)
    assert status == 0


def test_spec_errors_are_named_by_field_and_explained() -> None:
    records = [raw_record(**{field.replace(".", "__"): raw}) for field, raw, _ in REJECTED]
    status, lines, _ = _validate(records)
    assert status == 1
    for (field, raw, word), line in zip(REJECTED, lines, strict=True):
        assert list(line) == ["ok", "errors", "warnings"]
        assert line["ok"] is False
        fields = {error["field"]: error["message"] for error in line["errors"]}
        assert field in fields, (field, raw, line)
        assert word in fields[field], (field, raw, fields[field])


def test_output_keeps_input_order_and_reports_bad_lines() -> None:
    text = (
        "\n".join(
            [
                json.dumps(raw_record(), ensure_ascii=False),
                "{not json",
                "",
                "[1, 2]",
                json.dumps(raw_record(contact__mobile="12345"), ensure_ascii=False),
            ]
        )
        + "\n"
    )
    result = run_cli("validate", input=text)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["ok"] for line in lines] == [True, False, False, False]
    assert lines[1]["errors"][0]["field"] == ""
    assert lines[2]["errors"][0]["field"] == ""
    assert lines[3]["errors"][0]["field"] == "contact.mobile"
    assert result.returncode == 1


def test_a_json_array_and_a_single_object(tmp_path: Path) -> None:
    array = tmp_path / "batch.json"
    array.write_text(json.dumps([raw_record(), raw_record()], ensure_ascii=False, indent=2))
    result = run_cli("validate", str(array))
    assert result.returncode == 0
    assert [json.loads(x)["ok"] for x in result.stdout.splitlines()] == [True, True]
    single = tmp_path / "one.json"
    single.write_text(json.dumps(raw_record(), ensure_ascii=False, indent=2))
    assert len(run_cli("validate", str(single)).stdout.splitlines()) == 1


def test_warnings_do_not_block() -> None:
    status, lines, _ = _validate([raw_record(company__name="宝钢精密机械")])
    assert status == 0
    assert lines[0]["ok"] is True
    assert [w["field"] for w in lines[0]["warnings"]] == ["company.name"]


def test_english_messages() -> None:
    status, lines, _ = _validate([raw_record(contact__mobile="021-66668888")], "--lang", "en")
    assert status == 1
    message = lines[0]["errors"][0]["message"]
    assert "landline" in message.lower()


@pytest.mark.parametrize(
    "args",
    [("validate", "/no/such/file.jsonl"), ("validate", "--format", "xml"), ("validate", "a", "b")],
)
def test_unreadable_input_or_bad_arguments_exit_2(args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_csv_input_with_dotted_and_label_headers(tmp_path: Path) -> None:
    csv_file = tmp_path / "calls.csv"
    csv_file.write_text(
        "need.kind,需求面积,need.timeline,use.description,tax.annual_tax_wan,tax.registration,"
        "company.name,联系人,手机号,consent.contact\n"
        "租赁厂房,2000-3000,3个月内,精密零件加工,800,迁入,上海宝钢精密机械有限公司,张先生,13524678515,是\n"
        "工业用地,,6个月内,电池材料,,新设独立法人,某新能源有限公司,李女士,13800138000,是\n",
        encoding="utf-8-sig",
    )
    result = run_cli("validate", str(csv_file))
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert lines[0]["ok"] is True
    assert lines[0]["inquiry"]["tax"]["registration"] == "relocation"
    fields = {e["field"] for e in lines[1]["errors"]}
    assert fields == {"need.land_area_mu", "tax.annual_tax_wan"}
    assert result.returncode == 1
