"""The built-in defaults, the sample file, and the helpers on the model."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from intake_tui import paths
from intake_tui.config import (
    DEFAULT_CONFIG,
    Config,
    Location,
    defaults,
    load_config,
    load_config_text,
    read_config_file,
)
from intake_tui.config.explain import model_at
from tests.config.helpers import SAMPLE, write_config

SAMPLE_LOCATIONS = (
    Location(id="hitech-zone", zh="高新技术产业开发区", en="Hi-Tech Industrial Development Zone"),
    Location(id="etdz", zh="经济技术开发区", en="Economic and Technological Development Zone"),
    Location(
        id="bonded-logistics", zh="综合保税区物流园", en="Comprehensive Bonded Zone Logistics Park"
    ),
)


def test_default_config_is_valid_when_validated_again() -> None:
    dumped = DEFAULT_CONFIG.model_dump()
    assert Config.model_validate(dumped) == DEFAULT_CONFIG


def test_defaults_match_the_spec() -> None:
    config = DEFAULT_CONFIG
    assert config.app.language == "zh"
    assert config.app.operator == "op-01"
    assert config.file_sink.enabled is True
    assert config.backend.enabled is False
    assert config.backend.token_env == "INTAKE_TUI_TOKEN"
    assert config.backend.timeout_s == 10
    assert config.consent.notice_version == "2026-01"
    assert config.locations == ()
    assert config.ui.show_script is True


def test_default_paths_are_in_the_user_data_folder() -> None:
    data = paths.user_data_dir()
    assert DEFAULT_CONFIG.data_dir_path() == data
    assert DEFAULT_CONFIG.database_path() == data / "intake.sqlite3"
    assert DEFAULT_CONFIG.file_sink_path() == data / "inquiries.jsonl"


def test_sample_loads_and_differs_from_defaults_only_by_example_values() -> None:
    loaded = load_config(SAMPLE)
    expected = DEFAULT_CONFIG.model_copy(
        update={
            "backend": DEFAULT_CONFIG.backend.model_copy(
                update={"url": "https://crm.example.org/api/inquiries"}
            ),
            "locations": SAMPLE_LOCATIONS,
        }
    )
    assert loaded.config == expected
    assert loaded.source == SAMPLE


def test_sample_sets_every_key_the_model_knows() -> None:
    raw = tomllib.loads(SAMPLE.read_text(encoding="utf-8"))
    assert len(raw["locations"]) == 3, "the sample shows example locations"
    for section in ("app", "storage", "file_sink", "backend", "consent", "privacy", "ui"):
        model = model_at((section,))
        assert model is not None
        assert set(raw[section]) == set(model.model_fields), section
    for lang in ("zh", "en"):
        model = model_at(("script", lang))
        assert model is not None
        assert set(raw["script"][lang]) == set(model.model_fields), lang
    assert set(raw) == set(Config.model_fields)


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _english_after_chinese(text: str) -> bool:
    """True when the line ends in English words (after any Chinese in it)."""
    tail = re.split(r"[\u4e00-\u9fff\uff00-\uffef。、]", text)[-1]
    return re.search(r"[A-Za-z]+[ :,/-]+[A-Za-z]+", tail) is not None


def test_every_sample_key_has_a_comment_chinese_first_then_english() -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    in_string = in_locations = False
    checked = 0
    for index, line in enumerate(lines):
        if in_string:
            in_string = not line.startswith('"""')
            continue
        in_locations = line == "[[locations]]" or (in_locations and not line.startswith("["))
        if not re.match(r"^[a-z_]+ = ", line) or in_locations:
            continue
        in_string = line.endswith('"""')
        block: list[str] = []
        above = index - 1
        while above >= 0 and lines[above].startswith("#"):
            block.insert(0, lines[above])
            above -= 1
        assert block, f"no comment above {line!r}"
        chinese = next(i for i, text in enumerate(block) if _has_cjk(text))
        english = [i for i, text in enumerate(block) if _english_after_chinese(text)]
        assert english and english[-1] >= chinese, (
            f"comment of {line!r} lacks English after Chinese"
        )
        checked += 1
    assert checked >= 30


def test_script_defaults_are_in_both_languages_and_partial_tables_keep_them() -> None:
    config = load_config_text('[script.zh]\nneed = "要多大面积？"\n')
    assert config.script.lines("zh").line("need") == "要多大面积？"
    assert config.script.lines("zh").line("use") == defaults.SCRIPT_ZH["use"]
    assert config.script.lines("en").line("need") == defaults.SCRIPT_EN["need"]


def test_notice_in_each_language() -> None:
    assert "投资促进办公室" in DEFAULT_CONFIG.consent.notice("zh")
    assert "Investment Promotion Office" in DEFAULT_CONFIG.consent.notice("en")


def test_relative_paths_are_taken_from_the_config_files_folder(tmp_path: Path) -> None:
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "ca.pem").write_text("-----BEGIN CERTIFICATE-----\n")
    config_file = write_config(
        tmp_path,
        '[storage]\ndata_dir = "data"\ndatabase = "db/intake.sqlite3"\n'
        '[backend]\nca_bundle = "certs/ca.pem"\n',
    )
    config = read_config_file(config_file)
    assert config.data_dir_path() == tmp_path / "data"
    assert config.database_path() == tmp_path / "data" / "db" / "intake.sqlite3"
    assert config.file_sink_path() == tmp_path / "data" / "inquiries.jsonl"
    assert config.backend.ca_bundle_path() == tmp_path / "certs" / "ca.pem"


def test_home_folder_is_expanded(isolated_dirs: Path) -> None:
    config = load_config_text('[storage]\ndata_dir = "~/hotline"\n')
    assert config.data_dir_path() == isolated_dirs / "hotline"


def test_location_lookup_and_labels() -> None:
    config = load_config(SAMPLE).config
    park = config.location("etdz")
    assert park is not None
    assert park.label("zh") == "经济技术开发区"
    assert park.label("en") == "Economic and Technological Development Zone"
    assert config.location("nowhere") is None


def test_token_is_read_from_the_named_variable_only() -> None:
    backend = DEFAULT_CONFIG.backend
    assert backend.read_token({"INTAKE_TUI_TOKEN": " abc "}) == "abc"
    assert backend.read_token({"INTAKE_TUI_TOKEN": ""}) is None
    assert backend.read_token({"OTHER": "abc"}) is None


def test_config_is_frozen() -> None:
    with pytest.raises(ValidationError):
        DEFAULT_CONFIG.app.operator = "op-02"  # type: ignore[misc]


@pytest.mark.parametrize(
    "url", ["https://crm.example.org/api/inquiries", "http://127.0.0.1:8080/in"]
)
def test_enabled_backend_accepts_http_and_https(url: str) -> None:
    config = load_config_text(f'[backend]\nenabled = true\nurl = "{url}"\n')
    assert config.backend.url == url
