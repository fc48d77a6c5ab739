"""Whatever the file holds, loading ends in a Config or a ConfigError that renders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_tui.config import Config, ConfigError, load_config, load_config_text
from intake_tui.config.explain import model_at
from intake_tui.i18n import LANGUAGES
from tests.config.helpers import LIBRARY_WORDS, SAMPLE

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE_TEXT.splitlines()
KEY_LINES = [i for i, line in enumerate(SAMPLE_LINES) if re.match(r"^[a-z_]+ = \S", line)]

# The isolated folders are only read, never written, so sharing them between examples
# is harmless.
quick = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

SECTIONS = [*sorted(Config.model_fields), "script.zh", "script.en", "[locations]", "bogus"]
KEYS = sorted(
    {
        name
        for section in Config.model_fields
        if (m := model_at((section,)))
        for name in m.model_fields
    }
    | {"need", "review", "id", "zh", "en", "token", "timout_s"}
)


def _toml_float(number: float) -> str:
    """*number* as TOML writes it (nan and inf have their own spelling)."""
    if number != number:
        return "nan"
    if number in (float("inf"), float("-inf")):
        return "inf" if number > 0 else "-inf"
    return repr(number)


toml_values = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(_toml_float),
    st.booleans().map(lambda b: "true" if b else "false"),
    st.text(max_size=40).map(lambda s: json.dumps(s, ensure_ascii=False)),
    st.sampled_from(
        [
            '"zh"',
            '"en"',
            '""',
            "[]",
            "{}",
            "[1, 2]",
            '{ id = "x" }',
            "1979-05-27T07:32:00Z",
            "07:32:00",
            '"https://crm.example.org/in"',
            '"http://u:p@x.org"',
            '"~nosuchuser/x"',
            '"/"',
            '"ghp_abcdefghijklmnopqrstuvwxyz012345"',
        ]
    ),
)


def _assert_outcome(text: str) -> None:
    try:
        result = load_config_text(text, file="fuzz.toml", base_dir=SAMPLE.parent)
    except ConfigError as error:
        assert error.problems
        for lang in LANGUAGES:
            rendered = error.render(lang)
            assert rendered.count("\n") + 1 == len(error.problems)
            assert all(line.startswith("fuzz.toml") for line in rendered.splitlines())
            assert not any(word in rendered for word in LIBRARY_WORDS), rendered
    else:
        assert isinstance(result, Config)


@quick
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _assert_outcome(text)


@st.composite
def toml_like(draw: st.DrawFn) -> str:
    """Tables of key/value pairs built from the real names (each table and key once)."""
    pairs = st.dictionaries(st.sampled_from(KEYS), toml_values, max_size=5)
    top = draw(pairs)
    tables = draw(st.dictionaries(st.sampled_from(SECTIONS), pairs, max_size=5))
    lines = [f"{key} = {value}" for key, value in top.items() if key not in tables]
    for section, body in tables.items():
        lines.append(f"[{section}]")
        lines += [f"{key} = {value}" for key, value in body.items()]
    return "\n".join(lines) + "\n"


@quick
@given(toml_like())
def test_toml_built_from_real_names(text: str) -> None:
    _assert_outcome(text)


mutation = st.one_of(
    st.tuples(st.just("retype"), st.sampled_from(KEY_LINES), toml_values),
    st.tuples(st.just("delete"), st.integers(0, len(SAMPLE_LINES) - 1), st.none()),
    st.tuples(
        st.just("rename"),
        st.sampled_from(KEY_LINES),
        st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,12}", fullmatch=True),
    ),
)


@pytest.fixture(scope="module")
def config_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file that every mutated sample is written to in turn."""
    return tmp_path_factory.mktemp("fuzz") / "intake_tui.toml"


@quick
@given(st.lists(mutation, min_size=1, max_size=3))
def test_mutations_of_the_sample(
    config_file: Path, mutations: list[tuple[str, int, str | None]]
) -> None:
    lines = list(SAMPLE_LINES)
    for kind, index, replacement in mutations:
        key, sep, _ = lines[index].partition(" = ")
        if kind == "delete":
            lines[index] = ""
        elif sep and kind == "retype":
            lines[index] = f"{key} = {replacement}"
        elif sep and kind == "rename":
            lines[index] = lines[index].replace(key, str(replacement), 1)
    config_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        loaded = load_config(config_file)
    except ConfigError as error:
        assert error.problems
        for lang in LANGUAGES:
            rendered = error.render(lang)
            assert all(line.startswith(str(config_file)) for line in rendered.splitlines())
            assert not any(word in rendered for word in LIBRARY_WORDS), rendered
    else:
        assert isinstance(loaded.config, Config)
        assert loaded.source == config_file


def test_unmutated_sample_passes_the_same_check() -> None:
    assert isinstance(load_config_text(SAMPLE_TEXT), Config)
