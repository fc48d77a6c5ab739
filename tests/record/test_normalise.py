"""The normaliser: raw input → normalised record, errors and warnings by dotted path."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.i18n.catalogue import entries
from intake_tui.record.fields import FIELDS
from intake_tui.record.model import json_schema
from intake_tui.record.normalise import Filling, normalise
from tests.helpers import DELETE, FIXED_NOW, raw_record

FILL = Filling(operator="op-07", notice_version="2026-01", now=lambda: FIXED_NOW)


def fields_of(outcome: Any) -> list[str]:
    return [issue.field for issue in outcome.errors]


def test_standard_inquiry_normalises() -> None:
    outcome = normalise(raw_record(), FILL)
    assert outcome.ok, outcome.errors
    doc = outcome.inquiry.document()
    assert doc["need"]["kind"] == "factory_rent"
    assert doc["need"]["floor_area_sqm"] == {"min": 2000, "max": 3000}
    assert doc["need"]["timeline"] == "within_3m"
    assert doc["use"]["industry"] == "C"
    assert doc["tax"] == {
        "annual_tax_wan": 800,
        "annual_output_wan": None,
        "registration": "new_entity",
    }
    assert doc["company"]["name"] == "上海宝钢精密机械有限公司"
    assert doc["contact"]["mobile"] == "13524678515"
    assert doc["consent"] == {
        "contact": True,
        "share_with_parks": False,
        "notice_version": "2026-01",
    }
    assert doc["operator"] == "op-07"
    assert doc["schema_version"] == 1 and doc["revision"] == 1
    assert uuid.UUID(doc["id"])
    assert doc["created_at"] == "2026-11-29T09:30:00+08:00"
    assert doc["submitted_at"] is None
    assert doc["warnings"] == []


def test_dotted_and_nested_input_mean_the_same() -> None:
    nested = raw_record(id="0b9f6a4e-6d1b-4c55-9a39-2f4d1f1c1e11")
    flat: dict[str, Any] = {"id": nested["id"]}
    for section, inner in nested.items():
        if isinstance(inner, dict):
            flat.update({f"{section}.{key}": value for key, value in inner.items()})
    a, b = normalise(nested, FILL), normalise(flat, FILL)
    assert a.ok and b.ok
    assert a.inquiry.document() == b.inquiry.document()


@pytest.mark.parametrize(
    ("overrides", "field", "key"),
    [
        ({"tax__annual_tax_wan": ""}, "tax.annual_tax_wan", "record.empty_tax"),
        ({"tax__annual_tax_wan": DELETE}, "tax.annual_tax_wan", "record.tax_missing"),
        ({"consent__contact": False}, "consent.contact", "record.consent_required"),
        ({"consent__contact": DELETE}, "consent.contact", "record.consent_required"),
        ({"need__kind": "land"}, "need.land_area_mu", "record.land_area_required"),
        ({"need__floor_area_sqm": DELETE}, "need.floor_area_sqm", "record.floor_area_required"),
        ({"company__name": ""}, "company.name", "record.required"),
        ({"contact__mobile": DELETE}, "contact.mobile", "record.required"),
        ({"contact__moblie": "135"}, "contact.moblie", "record.unknown_field_suggest"),
        ({"need__timeline": ""}, "need.timeline", "record.required"),
    ],
)
def test_rule_errors_name_the_field(overrides: dict[str, Any], field: str, key: str) -> None:
    outcome = normalise(raw_record(**overrides), FILL)
    assert not outcome.ok
    assert [(i.field, i.message.key) for i in outcome.errors if i.field == field] == [(field, key)]


def test_tax_unknown_is_null_and_valid() -> None:
    for word in ("不详", "未知", "unknown", "?"):
        outcome = normalise(raw_record(tax__annual_tax_wan=word), FILL)
        assert outcome.ok, word
        assert outcome.inquiry.document()["tax"]["annual_tax_wan"] is None
    explicit_null = normalise(raw_record(tax__annual_tax_wan=None), FILL)
    assert explicit_null.ok


def test_land_needs_mu_but_no_floor_area() -> None:
    outcome = normalise(
        raw_record(need__kind="工业用地", need__floor_area_sqm=DELETE, need__land_area_mu="50亩"),
        FILL,
    )
    assert outcome.ok, outcome.errors
    assert outcome.inquiry.document()["need"]["land_area_mu"] == 50


def test_warning_does_not_block_and_is_kept_in_record() -> None:
    outcome = normalise(raw_record(company__name="宝钢精密机械"), FILL)
    assert outcome.ok
    assert [w.field for w in outcome.warnings] == ["company.name"]
    assert outcome.inquiry.document()["warnings"][0]["field"] == "company.name"


def test_error_messages_follow_language() -> None:
    bad = raw_record(consent__contact=False)
    zh = normalise(bad, FILL).errors[0].as_json("zh")["message"]
    en = normalise(bad, FILL).errors[0].as_json("en")["message"]
    assert "同意" in zh and "agree" in en


def test_metadata_given_is_checked() -> None:
    outcome = normalise(
        {
            **raw_record(),
            "id": "nope",
            "revision": 0,
            "created_at": "yesterday",
            "schema_version": 2,
        },
        FILL,
    )
    assert set(fields_of(outcome)) >= {"id", "revision", "created_at", "schema_version"}


def test_submitted_filling_stamps_times_and_duration() -> None:
    record = {**raw_record(), "call": {"started_at": "2026-11-29T09:28:30+08:00"}}
    outcome = normalise(record, Filling(now=lambda: FIXED_NOW, submitted=True))
    doc = outcome.inquiry.document()
    assert doc["submitted_at"] == "2026-11-29T09:30:00+08:00"
    assert doc["call"] == {
        "started_at": "2026-11-29T09:28:30+08:00",
        "ended_at": "2026-11-29T09:30:00+08:00",
        "duration_s": 90,
    }


def test_not_an_object() -> None:
    for raw in ([], "x", 5, None):
        outcome = normalise(raw, FILL)
        assert fields_of(outcome) == [""]


def test_normalising_a_normalised_record_changes_nothing() -> None:
    first = normalise(
        raw_record(need__requirements="废水、洁净车间", contact__alt_phone="021-66668888"), FILL
    )
    doc = first.inquiry.document()
    again = normalise(doc, FILL)
    assert again.ok, again.errors
    assert again.inquiry.document() == doc


def test_schema_lists_the_six_sections() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"need", "use", "tax", "company", "contact", "consent"} <= set(schema["properties"])


RAW_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@given(st.fixed_dictionaries({}, optional={spec.path: RAW_VALUES for spec in FIELDS}))
def test_any_raw_values_give_a_record_or_named_errors(raw: dict[str, Any]) -> None:
    outcome = normalise(raw, FILL)
    known = entries()
    for issue in outcome.errors + outcome.warnings:
        assert issue.message.key in known
        assert issue.as_json("zh")["message"] and issue.as_json("en")["message"]
    assert outcome.ok or outcome.errors
