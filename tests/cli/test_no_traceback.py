"""The command line never shows a traceback, whatever file it is handed.

``validate`` gets generated JSON, JSONL and CSV files with random raw values in every field
(and lines that are not records at all); ``check-config`` gets generated TOML. Both run in
this process through ``main`` so that many examples fit in a quick run; a handful of the
nastiest files then go through the installed command as an operator would run it.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from intake_tui.cli.main import main
from intake_tui.record.fields import FIELDS
from intake_tui.record.normalise import CALL_KEYS, EXTRA_PATHS, METADATA_KEYS
from tests.config.test_config_mutations import documents, to_toml
from tests.helpers import raw_record, run_cli

PATHS = [spec.path for spec in FIELDS]
METADATA = ["schema_version", "id", "revision", "created_at", "submitted_at", "operator", "call"]
#: Every metadata key a record may carry, dotted inside its section.
METADATA_PATHS = [
    *(key for key in sorted(METADATA_KEYS) if key != "warnings"),
    *(f"call.{key}" for key in sorted(CALL_KEYS)),
    *sorted(EXTRA_PATHS),
]
fuzz = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
raw_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(),
        text,
        st.sampled_from(["五百万", "1.2亿", "2000-3000", "+86 135 2467 8515", "不详", "是", ""]),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=5,
)
#: Times at the calendar's edges, with offsets up to ±25:61, leap seconds, no offset at all.
extreme_times = st.builds(
    lambda year, month, day, clock, offset: f"{year:04d}-{month:02d}-{day:02d}T{clock}{offset}",
    st.sampled_from([1, 1970, 2026, 9999]),
    st.sampled_from([1, 2, 12, 13]),
    st.sampled_from([1, 29, 31]),
    st.sampled_from(["00:00:00", "13:59:59", "23:59:59", "23:59:60", "24:00:00"]),
    st.builds(
        lambda sign, hours, minutes: f"{sign}{hours:02d}:{minutes:02d}",
        st.sampled_from("+-"),
        st.integers(0, 25),
        st.sampled_from([0, 30, 59, 61]),
    )
    | st.sampled_from(["", "Z", "+0800", "+08:00:30"]),
)
#: Whole numbers as JSON numbers far past 64 bits, or as text in any script's digits.
huge_numbers = st.integers(min_value=-(10**40), max_value=10**40) | st.sampled_from(
    [2**53, 2**63, 2**64, -(2**63) - 1]
)
any_digits = st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=6)
metadata_values = st.one_of(
    raw_values, huge_numbers, huge_numbers.map(str), any_digits, extreme_times
)


@st.composite
def records(draw: st.DrawFn) -> Any:
    """A record-shaped object: random raw values under real fields, metadata, extra keys."""
    record: dict[str, Any] = draw(st.dictionaries(text, raw_values, max_size=2))
    for path in draw(st.lists(st.sampled_from(PATHS), unique=True, max_size=len(PATHS))):
        section, key = path.split(".", 1)
        if not isinstance(record.get(section), dict):
            record[section] = {}
        record[section][key] = draw(raw_values)
    for key in draw(st.lists(st.sampled_from(METADATA), unique=True, max_size=3)):
        record[key] = draw(metadata_values)
    if draw(st.booleans()):
        # Sections that are not objects at all.
        record[draw(st.sampled_from(["need", "contact", "consent"]))] = draw(raw_values)
    return record


#: One JSONL line: a record, any JSON value, or text that is not JSON.
jsonl_lines = st.one_of(
    records().map(lambda r: json.dumps(r, ensure_ascii=False)),
    raw_values.map(json.dumps),
    text.filter(lambda line: "\n" not in line and "\r" not in line),
    st.just(json.dumps(raw_record(), ensure_ascii=False)),
)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


csv_documents = st.builds(
    _csv,
    st.lists(st.one_of(st.sampled_from(PATHS), text), min_size=1, max_size=8),
    st.lists(st.lists(text, max_size=9), max_size=5),
)

#: (file suffix, file content) for validate.
inputs = st.one_of(
    st.lists(jsonl_lines, max_size=6).map(lambda lines: (".jsonl", "\n".join(lines))),
    st.lists(records(), max_size=4).map(lambda rs: (".json", json.dumps(rs))),
    records().map(lambda r: (".json", json.dumps(r, ensure_ascii=False, indent=2))),
    csv_documents.map(lambda body: (".csv", body)),
    st.binary(max_size=200).map(lambda data: (".dat", data)),
)


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in out + err
    return code, out, err


def _assert_result_lines(out: str, code: int) -> list[dict[str, Any]]:
    """Every output line is a well-formed result; exit 0 exactly when all are ok."""
    # Lines end at "\n" only: U+0085 or U+2028 inside a JSON string is not a line break.
    results = [json.loads(line) for line in out.split("\n") if line]
    for result in results:
        assert isinstance(result["ok"], bool)
        for issue in result.get("errors", []) + result["warnings"]:
            assert isinstance(issue["field"], str) and issue["message"].strip()
        assert result["ok"] or result["errors"]
    assert (code == 0) == all(result["ok"] for result in results)
    return results


@pytest.fixture
def input_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    return folder


@fuzz
@given(inputs, st.sampled_from([[], ["--lang", "en"]]))
def test_validate_any_file(
    capsys: pytest.CaptureFixture[str],
    input_folder: Path,
    suffix_and_content: tuple[str, str | bytes],
    lang: list[str],
) -> None:
    suffix, content = suffix_and_content
    path = input_folder / f"input{suffix}"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, ["validate", str(path), *lang])
    if code == 2:
        assert out == "" and str(path) in err  # the input could not be read at all
        return
    results = _assert_result_lines(out, code)
    if suffix in (".jsonl", ".json") and isinstance(content, str):
        assert len(results) == _expected_results(content)


def _expected_results(content: str) -> int:
    """Records in a JSON text: the items of an array, one value, or one per non-empty line."""
    if not content.strip():
        return 0
    try:
        whole = json.loads(content.strip())
    except ValueError:
        # Input lines end at "\n" only, as output lines do (a U+001E is data).
        return sum(1 for line in content.split("\n") if line.strip())
    return len(whole) if isinstance(whole, list) else 1


@fuzz
@given(documents, st.sampled_from([[], ["--lang", "en"]]))
def test_check_config_any_toml(
    capsys: pytest.CaptureFixture[str],
    input_folder: Path,
    document: dict[str, Any],
    lang: list[str],
) -> None:
    path = input_folder / "config.toml"
    path.write_text(to_toml(document), encoding="utf-8")
    code, _, err = _run(capsys, ["check-config", str(path), *lang])
    assert code in (0, 2)
    if code == 2:
        assert all(line.startswith(str(path)) for line in err.splitlines())


@fuzz
@given(st.text(max_size=200), records())
def test_validate_with_any_config(
    capsys: pytest.CaptureFixture[str], input_folder: Path, config_text: str, record: Any
) -> None:
    config = input_folder / "any.toml"
    config.write_text(config_text, encoding="utf-8")
    source = input_folder / "one.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    code, _, err = _run(capsys, ["validate", str(source), "--config", str(config)])
    if code == 2:
        assert str(config) in err


#: Files the installed command must handle: (name, command, suffix, content, exit status).
NASTY: list[tuple[str, str, str, bytes, int]] = [
    ("random bytes", "validate", ".jsonl", bytes(range(256)) * 8, 2),
    ("a CSV cell of 200 KB", "validate", ".csv", b"contact.mobile\n" + b"1" * 200_000 + b"\n", 1),
    ("a CSV quote never closed", "validate", ".csv", b'contact.mobile,need.kind\n"135,a\n', 1),
    ("NUL bytes in JSONL", "validate", ".jsonl", b'{"contact": {"mobile": "1\x0035"}}\n\x00\n', 1),
    ("UTF-16 text", "validate", ".json", json.dumps(raw_record()).encode("utf-16"), 2),
    ("TOML nested 5000 deep", "check-config", ".toml", b"a = " + b"[" * 5000 + b"]" * 5000, 2),
    ("NUL in a TOML string", "check-config", ".toml", b'[app]\noperator = "a\x00b"\n', 2),
    ("TOML in GBK", "check-config", ".toml", '[app]\noperator = "值班员"\n'.encode("gbk"), 2),
]


@pytest.mark.parametrize(
    ("command", "suffix", "content", "status"),
    [case[1:] for case in NASTY],
    ids=[case[0] for case in NASTY],
)
def test_the_installed_command_on_nasty_files(
    tmp_path: Path, command: str, suffix: str, content: bytes, status: int
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(content)
    result = run_cli(command, str(path))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == status, result.stderr


def test_the_installed_command_on_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    for command in ("validate", "check-config"):
        for path in (tmp_path, tmp_path / "absent.jsonl"):
            result = run_cli(command, str(path))
            assert result.returncode == 2
            assert "Traceback" not in result.stdout + result.stderr
            assert str(path) in result.stderr


@pytest.mark.parametrize("content", ["[" * 100_000, '{"a":' * 100_000], ids=["array", "object"])
def test_the_installed_command_on_json_nested_too_deep(tmp_path: Path, content: str) -> None:
    path = tmp_path / "deep.json"
    path.write_text(content + "\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1


def _with_metadata(values: dict[str, Any]) -> dict[str, Any]:
    """The standard raw record with metadata *values* by dotted path."""
    record = raw_record()
    for path, value in values.items():
        section, _, key = path.partition(".")
        if key:
            record[section] = {**record.get(section, {}), key: value}
        else:
            record[path] = value
    return record


@fuzz
@given(
    st.dictionaries(st.sampled_from(METADATA_PATHS), metadata_values, min_size=1, max_size=2),
    st.sampled_from([[], ["--lang", "en"]]),
)
@example({"revision": "²"}, [])
@example({"revision": 10**30}, [])
@example({"call.duration_s": 2**63}, [])
@example({"created_at": "0001-01-01T00:00:00+14:00"}, ["--lang", "en"])
@example({"call.ended_at": "9999-12-31T23:59:59-14:00"}, [])
@example({"operator": "op\n01"}, [])
def test_validate_every_metadata_key_at_its_limits(
    capsys: pytest.CaptureFixture[str],
    input_folder: Path,
    values: dict[str, Any],
    lang: list[str],
) -> None:
    path = input_folder / "meta.jsonl"
    path.write_text(json.dumps(_with_metadata(values), ensure_ascii=False) + "\n", "utf-8")
    code, out, _ = _run(capsys, ["validate", str(path), *lang])
    [result] = _assert_result_lines(out, code)
    # The rest of the record is right: any error names one of the keys set.
    assert {issue["field"] for issue in result.get("errors", [])} <= set(values)
    if result["ok"]:
        _assert_metadata_holds(result["inquiry"])


def _assert_metadata_holds(inquiry: dict[str, Any]) -> None:
    """What every store, export and backend can hold: bounded numbers, real instants."""
    call = inquiry["call"]
    assert 1 <= inquiry["revision"] <= 2**53 - 1
    assert call["duration_s"] is None or 0 <= call["duration_s"] <= 2**53 - 1
    times = [inquiry["created_at"], inquiry["submitted_at"], call["started_at"], call["ended_at"]]
    for moment in filter(None, times):
        datetime.fromisoformat(moment).astimezone(UTC)  # the instant exists in UTC
    assert inquiry["operator"].isprintable() and len(inquiry["operator"]) <= 64


#: Every numeric option: (command, option, smallest, largest right value).
NUMERIC_OPTIONS: list[tuple[str, str, float, float]] = [
    ("list", "--limit", 1, 1_000_000),
    ("sync", "--timeout", 0, 86_400),
    ("purge", "--older-than", 1, 36_500),
]
#: What each option's usage error shows as a right value.
EXAMPLES = {
    "--limit": "--limit 50",
    "--timeout": "--timeout 120",
    "--older-than": "--older-than 730",
}
option_values = st.one_of(
    huge_numbers.map(str),
    st.floats().map(repr),
    st.floats(allow_nan=False).map(lambda x: f"{x:f}"[:40]),
    any_digits,
    text,
    st.sampled_from(["0", "-1", "-0", " 5 ", "5.5", "1e309", "nan", "inf", "-inf", "+3", ""]),
)


@fuzz
@given(st.sampled_from(NUMERIC_OPTIONS), option_values, st.sampled_from(["zh", "en"]))
def test_every_numeric_option_takes_any_value(
    capsys: pytest.CaptureFixture[str],
    option: tuple[str, str, float, float],
    value: str,
    lang: str,
) -> None:
    command, name, least, most = option
    try:
        code = main([command, f"{name}={value}", "--lang", lang])
    except SystemExit as exit_:
        code = exit_.code  # argparse refused the value
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    accepted = name not in err
    if accepted:
        # Taken only when it is a finite number in range (sync then stops: no backend).
        number = float(value)
        assert least <= number <= most and (name == "--timeout" or number.is_integer())
        assert code in (0, 2)
    else:
        assert code == 2
        assert EXAMPLES[name] in err  # names the option and shows a right value


def _enabled_backend(folder: Path) -> Path:
    """A config whose backend is enabled at a loopback port nothing listens on."""
    config = folder / "intake.toml"
    config.write_text(
        f'[storage]\ndata_dir = "{(folder / "data").as_posix()}"\n'
        '[backend]\nenabled = true\nurl = "http://127.0.0.1:9/api/inquiries"\n',
        encoding="utf-8",
    )
    return config


#: (command and option, the value) for the installed command.
BAD_OPTIONS: list[tuple[str, str, str]] = [
    ("list", "--limit", str(10**30)),  # past SQLite's 64-bit integers
    ("list", "--limit", "١٢"),  # int() reads Arabic-Indic digits
    ("list", "--limit", "0"),
    ("sync", "--timeout", "nan"),
    ("sync", "--timeout", "inf"),
    ("sync", "--timeout", "1e309"),
    ("sync", "--timeout", "-1"),
    ("purge", "--older-than", "²"),
]


@pytest.mark.parametrize(
    ("command", "option", "value"), BAD_OPTIONS, ids=[f"{c} {o} {v}" for c, o, v in BAD_OPTIONS]
)
def test_the_installed_command_on_numeric_options_beyond_reason(
    tmp_path: Path, command: str, option: str, value: str
) -> None:
    config = _enabled_backend(tmp_path)
    result = run_cli(command, f"{option}={value}", "--config", str(config), timeout=30)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 2, result.stderr
    assert EXAMPLES[option] in result.stderr  # the option named, with a right value


def test_the_installed_import_on_metadata_at_its_limits(tmp_path: Path) -> None:
    config = _enabled_backend(tmp_path)
    lines = [
        raw_record(created_at="0001-01-01T00:00:00+14:00"),  # before the calendar in UTC
        raw_record(revision=10**30),  # past SQLite's INTEGER
        raw_record(revision="١٢"),
        raw_record(call={"started_at": "9999-12-31T23:59:59-14:00"}),
        raw_record(operator="op\n01"),
        raw_record(id="0b9f6a4e-6d1b-4c55-9a39-2f4d1f1c1e11"),
    ]
    source = tmp_path / "limits.jsonl"
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n")
    result = run_cli("import", str(source), "--config", str(config), "--lang", "en")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stderr
    for number, key in [
        (1, "created_at"),
        (2, "revision"),
        (3, "revision"),
        (4, "call.started_at"),
        (5, "operator"),
    ]:
        assert f"line {number}: {key}:" in result.stdout
    listing = run_cli("list", "--json", "--config", str(config))
    assert [json.loads(row)["id"] for row in listing.stdout.splitlines()] == [
        "0b9f6a4e-6d1b-4c55-9a39-2f4d1f1c1e11"
    ]
