"""Metadata at its limits: a named error for each, and the store survives what is accepted.

Revisions in Arabic-Indic or superscript digits, numbers past 64 bits, times at the
calendar's edges whose UTC instant does not exist, leap seconds, ``+24:00``, operators with
line breaks: each gives an error naming the key and saying what a right value looks like,
never an exception. Whatever the normaliser accepts is then stored in a real SQLite file,
listed and exported to JSONL, CSV and XLSX.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.exporting.writers import export
from intake_tui.i18n.catalogue import entries
from intake_tui.record.metadata import MAX_WHOLE
from intake_tui.record.normalise import Filling, normalise
from intake_tui.store import Store
from tests.helpers import FIXED_NOW, raw_record

FILL = Filling(operator="op-07", notice_version="2026-01", now=lambda: FIXED_NOW, submitted=True)
ID = "0b9f6a4e-6d1b-4c55-9a39-2f4d1f1c1e11"
TIME_KEYS = ["created_at", "submitted_at", "call.started_at", "call.ended_at"]


def with_meta(path: str, value: Any) -> dict[str, Any]:
    """The standard raw record with metadata *path* (dotted for call and consent) set."""
    record = raw_record()
    if "." in path:
        section, key = path.split(".", 1)
        record.setdefault(section, {})[key] = value
    else:
        record[path] = value
    return record


#: (key, value, the message key of the error).
REFUSED: list[tuple[str, Any, str]] = [
    ("revision", "١٢", "record.bad_revision"),  # Arabic-Indic digits: str.isdigit() is True
    ("revision", "²", "record.bad_revision"),  # isdigit() too, and int() raised on it
    ("revision", "１２", "record.bad_revision"),
    ("revision", 10**100, "record.bad_revision"),
    ("revision", 2**63, "record.bad_revision"),  # past SQLite's INTEGER
    ("revision", str(10**30), "record.bad_revision"),
    ("revision", True, "record.bad_revision"),
    ("revision", 0, "record.bad_revision"),
    ("id", "x" * 100_000, "record.bad_id"),
    ("id", 10**100, "record.bad_id"),
    ("id", "١b9f6a4e-6d1b-4c55-9a39-2f4d1f1c1e11", "record.bad_id"),
    ("id", "0b9f6a4e_6d1b_4c55_9a39_2f4d1f1c1e11", "record.bad_id"),
    ("schema_version", True, "record.schema_version"),
    ("schema_version", "١", "record.schema_version"),
    ("schema_version", 10**100, "record.schema_version"),
    ("operator", "op\n01", "record.bad_operator"),
    ("operator", "op\u200b01", "record.bad_operator"),
    ("operator", "o" * 65, "record.bad_operator"),
    ("operator", ["op-01"], "record.bad_operator"),
    ("call.duration_s", 10**30, "record.bad_duration"),
    ("call.duration_s", MAX_WHOLE + 1, "record.bad_duration"),
    ("consent.notice_version", {"v": 1}, "record.bad_notice_version"),
    ("consent.notice_version", "v\n1", "record.bad_notice_version"),
    *[
        (key, value, error)
        for key in TIME_KEYS
        for value, error in [
            ("0001-01-01T00:00:00+14:00", "record.timestamp_out_of_range"),
            ("9999-12-31T23:59:59-14:00", "record.timestamp_out_of_range"),
            ("2026-11-29T09:30:00", "record.timestamp_no_offset"),
            ("2016-12-31T23:59:60Z", "record.timestamp_leap_second"),
            ("2026-11-29T09:30:00+24:00", "record.timestamp_bad_offset"),
            ("2026-11-29T09:30:00+08:00:30", "record.bad_timestamp"),
            ("２０２６-11-29T09:30:00+08:00", "record.bad_timestamp"),
            ("20261129T093000Z", "record.bad_timestamp"),
            (1_764_379_800, "record.bad_timestamp"),
        ]
    ],
]


@pytest.mark.parametrize(
    ("key", "value", "error"), REFUSED, ids=[f"{k}={str(v)[:30]!r}" for k, v, _ in REFUSED]
)
def test_metadata_at_its_limits_is_a_named_error(key: str, value: Any, error: str) -> None:
    outcome = normalise(with_meta(key, value), FILL)
    assert not outcome.ok
    assert [(issue.field, issue.message.key) for issue in outcome.errors] == [(key, error)]
    for lang, hints in (
        ("zh", ("例如", "形如", "写 1")),
        ("en", ("e.g.", "looks like", "write 1")),
    ):
        text = outcome.errors[0].message.text(lang)
        assert any(hint in text for hint in hints), text  # what a right value looks like
        assert len(text) < 300 and "\n" not in text


#: (key, value, what the record holds).
ACCEPTED: list[tuple[str, Any, Any]] = [
    ("revision", " 3 ", 3),
    ("revision", "0012", 12),
    ("revision", MAX_WHOLE, MAX_WHOLE),
    ("id", f" {ID.upper()} ", ID),
    ("id", ID.replace("-", ""), ID),
    ("schema_version", " 1 ", 1),
    ("created_at", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
    ("created_at", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
    ("created_at", "0001-01-01T14:00:00+14:00", "0001-01-01T14:00:00+14:00"),
    ("created_at", "2026-11-29t09:30:00z", "2026-11-29T09:30:00Z"),
    ("created_at", "2026-11-29 09:30:00+23:59", "2026-11-29T09:30:00+23:59"),
    ("call.duration_s", MAX_WHOLE, MAX_WHOLE),
]


@pytest.mark.parametrize(("key", "value", "held"), ACCEPTED)
def test_metadata_at_the_edge_of_right_is_accepted_and_stored(
    tmp_path: Path, key: str, value: Any, held: Any
) -> None:
    outcome = normalise(with_meta(key, value), FILL)
    assert outcome.ok, outcome.errors
    document = outcome.inquiry.document()
    section, _, inner = key.partition(".")
    assert (document[section][inner] if inner else document[key]) == held
    _store_and_export(tmp_path, document)


def _store_and_export(folder: Path, document: dict[str, Any]) -> None:
    """Store *document*, list it, resubmit it corrected, export it in every format."""
    with Store.open(folder / "intake.sqlite3") as store:
        assert store.submit(document, destinations=["backend"], actor="op-07")
        [stored] = store.list()
        assert stored.record == document
        for fmt in ("jsonl", "csv", "xlsx"):
            assert export(folder / f"out.{fmt}", fmt, [dict(stored.record)], "zh") == 1
    lines = (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [document["id"]]


huge = st.integers(min_value=-(10**40), max_value=10**40)
digits_of_any_script = st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=5).map(
    lambda digits: f" {digits} "
)
offsets = st.builds(
    lambda sign, hours, minutes: f"{sign}{hours:02d}:{minutes:02d}",
    st.sampled_from("+-"),
    st.integers(0, 25),
    st.integers(0, 61),
) | st.sampled_from(["Z", "z", "", "+0800", "+08:00:30"])
extreme_times = st.builds(
    lambda year, month, day, second, offset: (
        f"{year:04d}-{month:02d}-{day:02d}T23:59:{second:02d}{offset}"
    ),
    st.sampled_from([1, 2, 1970, 2026, 9998, 9999]),
    st.sampled_from([1, 2, 12, 13]),
    st.sampled_from([1, 28, 29, 31, 32]),
    st.sampled_from([0, 59, 60]),
    offsets,
)
json_values = st.recursive(
    st.none() | st.booleans() | huge | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=3,
)
right_values = st.sampled_from(
    [" 3 ", 1, ID, "2026-11-29T09:30:00+08:00", "0001-01-01T00:00:00Z", "op-01", MAX_WHOLE]
)
meta_values = st.one_of(json_values, huge, digits_of_any_script, extreme_times, right_values)
META_KEYS = [
    "schema_version",
    "id",
    "revision",
    "operator",
    "call.duration_s",
    "consent.notice_version",
    *TIME_KEYS,
]


@given(st.dictionaries(st.sampled_from(META_KEYS), meta_values, min_size=1))
def test_any_metadata_gives_a_record_the_store_holds_or_named_errors(
    values: dict[str, Any],
) -> None:
    record = raw_record()
    for key, value in values.items():
        if "." in key:
            section, inner = key.split(".", 1)
            record[section] = {**record.get(section, {}), inner: value}
        else:
            record[key] = value
    outcome = normalise(record, FILL)
    known = entries()
    for issue in outcome.errors:
        assert issue.field in values
        assert issue.message.key in known
        assert issue.as_json("zh")["message"] and issue.as_json("en")["message"]
    if outcome.ok:
        with tempfile.TemporaryDirectory() as folder:
            _store_and_export(Path(folder), outcome.inquiry.document())
    else:
        assert outcome.errors
