"""Random TOML documents and structural mutations of the sample: a Config or a named error.

``test_fuzz.py`` retypes, deletes and renames single keys of the sample and feeds in
arbitrary text. This adds what it leaves out: whole random documents written by a real
serialiser (nested tables, arrays of tables, unicode keys and values, huge numbers), and
mutations that change the file's structure (a key or table duplicated, a key moved into
another table, a table turned into an array of tables, huge and unicode values). Whatever
the file holds, ``load_config`` returns a config or raises ConfigError whose every problem
names the file and, when the text is valid TOML, the dotted key it is about.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_tui.config import Config, ConfigError, load_config
from intake_tui.config.explain import model_at
from intake_tui.i18n import LANGUAGES
from tests.config.helpers import LIBRARY_WORDS, SAMPLE

SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").splitlines()
KEY_LINES = [i for i, line in enumerate(SAMPLE_LINES) if re.match(r"^[a-z_]+ = \S", line)]
HEADER_LINES = [i for i, line in enumerate(SAMPLE_LINES) if line.startswith("[")]
SECTIONS = sorted(Config.model_fields)
REAL_KEYS = sorted(
    {name for section in SECTIONS if (m := model_at((section,))) for name in m.model_fields}
)

# One file is rewritten for every example; the isolated home folders are only read.
fuzz = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

#: Text without surrogates (not encodable) and without control characters (which TOML only
#: allows escaped; the serialiser escapes what JSON escapes, and DEL is not among them).
toml_text = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=20)
names = st.one_of(st.sampled_from([*REAL_KEYS, *SECTIONS, "zh", "en", "id"]), toml_text)
HUGE = st.sampled_from([10**18, -(10**18), 2**63 - 1, -(2**63), 1e308, -1e308, 5e-324])
scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    HUGE,
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    toml_text,
    st.sampled_from(["１０", "١٠", "10\u200b", "🏭", "zh\u202e", "ｈｔｔｐｓ://例子.中国/接口"]),
    st.datetimes(timezones=st.sampled_from([dt.UTC, None])),
    st.dates(),
    st.times(),
)
toml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner, max_size=3),
    max_leaves=8,
)


def _key(name: str) -> str:
    """A TOML key: bare when it can be, else a quoted basic string."""
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)


def _value(value: Any) -> str:
    """A TOML inline value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"


def _is_table(value: Any) -> bool:
    """Whether *value* is written as ``[table]`` or ``[[array of tables]]`` rather than inline."""
    return isinstance(value, dict) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
    )


def to_toml(document: dict[str, Any]) -> str:
    """*document* as TOML: plain values first, then tables and arrays of tables."""
    lines = [f"{_key(k)} = {_value(v)}" for k, v in document.items() if not _is_table(v)]
    for name, value in document.items():
        tables = [value] if isinstance(value, dict) else value if _is_table(value) else []
        for table in tables:
            lines.append(f"[{_key(name)}]" if isinstance(value, dict) else f"[[{_key(name)}]]")
            lines += [f"{_key(k)} = {_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


tables = st.dictionaries(names, toml_values, max_size=5)
documents = st.dictionaries(
    names,
    st.one_of(tables, st.lists(tables, min_size=1, max_size=2), toml_values),
    max_size=6,
)


@pytest.fixture(scope="module")
def config_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one file every generated document is written to in turn."""
    return tmp_path_factory.mktemp("mutations") / "intake_tui.toml"


def _assert_config_or_named_error(path: Path, text: str) -> None:
    """Loading *text* from *path* gives a Config, or a ConfigError naming file and keys."""
    path.write_text(text, encoding="utf-8")
    try:
        valid_toml = isinstance(tomllib.loads(text), dict)
    except (tomllib.TOMLDecodeError, RecursionError):
        valid_toml = False
    try:
        loaded = load_config(path)
    except ConfigError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == str(path)
            # A file that is valid TOML has its problems at keys, never "the file".
            assert problem.key or not valid_toml, problem
        for lang in LANGUAGES:
            rendered = error.render(lang)
            assert len(rendered.splitlines()) == len(error.problems)
            for problem, line in zip(error.problems, rendered.splitlines(), strict=True):
                assert line.startswith(str(path)) and problem.key in line
            assert not any(word in rendered for word in LIBRARY_WORDS), rendered
    else:
        assert isinstance(loaded.config, Config)


@fuzz
@given(documents)
def test_random_toml_documents(config_file: Path, document: dict[str, Any]) -> None:
    text = to_toml(document)
    assert isinstance(tomllib.loads(text), dict)  # the serialiser writes valid TOML
    _assert_config_or_named_error(config_file, text)


@fuzz
@given(
    st.dictionaries(st.sampled_from(REAL_KEYS), toml_values, max_size=6), st.sampled_from(SECTIONS)
)
def test_random_values_under_real_keys(
    config_file: Path, values: dict[str, Any], section: str
) -> None:
    _assert_config_or_named_error(config_file, to_toml({section: values}))


mutations = st.one_of(
    st.tuples(st.just("duplicate"), st.sampled_from(KEY_LINES + HEADER_LINES), st.none()),
    st.tuples(st.just("move"), st.sampled_from(KEY_LINES), st.sampled_from(HEADER_LINES)),
    st.tuples(st.just("array_of_tables"), st.sampled_from(HEADER_LINES), st.none()),
    st.tuples(st.just("value"), st.sampled_from(KEY_LINES), toml_values),
    st.tuples(st.just("huge"), st.sampled_from(KEY_LINES), HUGE),
    st.tuples(st.just("unicode_key"), st.sampled_from(KEY_LINES), toml_text),
)


def _mutate(lines: list[str], kind: str, index: int, extra: Any) -> None:
    """Apply one mutation to the sample's *lines* in place."""
    key, sep, _ = lines[index].partition(" = ")
    if kind == "duplicate":
        lines.insert(index + 1, lines[index])
    elif kind == "move":
        lines.insert(extra + 1, lines.pop(index))
    elif kind == "array_of_tables" and not lines[index].startswith("[["):
        lines[index] = f"[{lines[index]}]"
    elif kind in ("value", "huge") and sep:
        lines[index] = f"{key} = {_value(extra)}"
    elif kind == "unicode_key" and sep:
        lines[index] = lines[index].replace(key, _key(str(extra) or "空"), 1)


@fuzz
@given(st.lists(mutations, min_size=1, max_size=4))
def test_structural_mutations_of_the_sample(
    config_file: Path, steps: list[tuple[str, int, Any]]
) -> None:
    lines = list(SAMPLE_LINES)
    for kind, index, extra in steps:
        # Earlier insertions shift lines; a mutation then lands on a neighbour, which is fine.
        _mutate(lines, kind, min(index, len(lines) - 1), extra)
    _assert_config_or_named_error(config_file, "\n".join(lines) + "\n")


@pytest.mark.parametrize(
    "text",
    [
        "[backend]\ntimeout_s = 1e999\n",
        "[backend]\nmax_connections = 99999999999999999999999999999\n",
        '[app]\nlanguage = "ｚｈ"\n',
        '[app]\noperator = "op-01"\noperator = "op-02"\n',
        "[app]\n[app]\n",
        '[[app]]\nlanguage = "zh"\n',
        '["后台"]\nurl = "https://例子.中国"\n',
        "app = 5\n",
        "a = " + "[" * 3000 + "]" * 3000 + "\n",
    ],
    ids=[
        "float overflow",
        "integer beyond 64 bits",
        "full-width value",
        "duplicate key",
        "duplicate table",
        "array of tables",
        "unicode table",
        "table as a number",
        "deep nesting",
    ],
)
def test_known_hard_cases(config_file: Path, text: str) -> None:
    _assert_config_or_named_error(config_file, text)
    with pytest.raises(ConfigError):
        load_config(config_file)
