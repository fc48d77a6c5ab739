"""A bad file names the file, the dotted key, what was found and what is expected."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intake_tui.config import ConfigError, ConfigProblem, load_config, load_config_text
from intake_tui.i18n import LANGUAGES, Lang
from tests.config.helpers import LIBRARY_WORDS, write_config

TOKEN = "ghp_R4nd0mT0k3nV4lu3AbCdEf123456"


def _problems(text: str, tmp_path: Path, lang: Lang | None = None) -> ConfigError:
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, lang_hint=lang)
    return caught.value


def _only(error: ConfigError, key: str) -> ConfigProblem:
    matching = [p for p in error.problems if p.key == key]
    assert len(matching) == 1, error.render("en")
    return matching[0]


def _assert_clean(error: ConfigError) -> None:
    for lang in LANGUAGES:
        text = error.render(lang)
        assert not any(word in text for word in LIBRARY_WORDS), text
        assert "Traceback" not in text


def test_wrong_type_is_named_by_key_in_both_languages(tmp_path: Path) -> None:
    error = _problems('[backend]\ntimeout_s = "ten"\n', tmp_path)
    problem = _only(error, "backend.timeout_s")
    assert problem.file == str(tmp_path / "intake_tui.toml")
    assert problem.found == '"ten"（文字）'
    assert (
        "0.5" in problem.expected
        and "300" in problem.expected
        and "timeout_s = 10" in problem.expected
    )
    zh, en = error.render("zh"), error.render("en")
    assert zh.startswith(f"{problem.file}：backend.timeout_s：")
    assert en == (
        f'{problem.file}: backend.timeout_s: found "ten" (text); '
        "expected seconds between 0.5 and 300, e.g. timeout_s = 10"
    )
    _assert_clean(error)


def test_out_of_range_number(tmp_path: Path) -> None:
    error = _problems("[backend]\nmax_connections = 64\n", tmp_path, "en")
    problem = _only(error, "backend.max_connections")
    assert problem.found == "64 (a whole number)"
    assert problem.expected == "a whole number from 1 to 32, e.g. max_connections = 4"


def test_misspelt_key_suggests_the_closest_known_key(tmp_path: Path) -> None:
    error = _problems("[backend]\ntimout_s = 5\n", tmp_path, "en")
    problem = _only(error, "backend.timout_s")
    assert problem.expected == "a known key — did you mean backend.timeout_s?"
    zh = error.render("zh")
    assert "backend.timout_s" in zh and "是不是想写 backend.timeout_s" in zh


def test_misspelt_section_and_key_in_the_wrong_section(tmp_path: Path) -> None:
    error = _problems('[backnd]\nenabled = true\n[app]\ndata_dir = "x"\n', tmp_path, "en")
    assert "did you mean backend?" in _only(error, "backnd").expected
    assert "did you mean storage.data_dir?" in _only(error, "app.data_dir").expected


def test_unknown_key_without_a_close_match_lists_the_known_keys(tmp_path: Path) -> None:
    error = _problems("[ui]\nzzz = 1\n", tmp_path, "en")
    assert _only(error, "ui.zzz").expected == "one of the keys known here: show_script"


def test_bad_toml_syntax_reports_line_and_column(tmp_path: Path) -> None:
    error = _problems('[app]\nlanguage = "zh"\noperator = op-01\n', tmp_path)
    (problem,) = error.problems
    assert problem.key == ""
    assert "第 3 行第 12 列" in problem.found
    assert "operator = op-01" in problem.found
    assert "line 3, column 12" in error.render("en")
    _assert_clean(error)


def test_syntax_error_at_end_of_file(tmp_path: Path) -> None:
    error = _problems("[app\n", tmp_path, "en")
    assert "TOML syntax error" in error.render()


def test_duplicate_location_ids_name_the_later_entry(tmp_path: Path) -> None:
    text = (
        '[[locations]]\nid = "etdz"\nzh = "经开区"\nen = "ETDZ"\n'
        '[[locations]]\nid = "port"\nzh = "港区"\nen = "Port"\n'
        '[[locations]]\nid = "etdz"\nzh = "经开区二期"\nen = "ETDZ II"\n'
    )
    error = _problems(text, tmp_path)
    problem = _only(error, "locations[2].id")
    assert problem.found == '"etdz"（编号重复）'
    assert "locations[0]" in problem.expected
    assert "already used by locations[0]" in error.render("en")


def test_duplicate_ids_are_reported_together_with_a_broken_entry(tmp_path: Path) -> None:
    text = (
        '[[locations]]\nid = "a"\nzh = "甲"\nen = "A"\n'
        '[[locations]]\nid = "a"\nzh = "乙"\nen = "B"\n'
        '[[locations]]\nid = "Bad Id"\nzh = "丙"\n'
    )
    error = _problems(text, tmp_path, "en")
    keys = {p.key for p in error.problems}
    assert keys == {"locations[1].id", "locations[2].id", "locations[2].en"}


@pytest.mark.parametrize("key", ["token", "api_key", "password", "Bearer"])
def test_secret_key_in_the_file_is_refused_and_never_shown(tmp_path: Path, key: str) -> None:
    error = _problems(f'[backend]\n{key} = "{TOKEN}"\n', tmp_path)
    problem = _only(error, f"backend.{key}")
    assert "backend.token_env" in problem.expected
    assert "INTAKE_TUI_TOKEN" in problem.expected
    for lang in LANGUAGES:
        assert TOKEN not in error.render(lang)
    assert "environment variable named by backend.token_env" in error.render("en")


def test_token_pasted_as_token_env_is_refused_and_never_shown(tmp_path: Path) -> None:
    error = _problems(f'[backend]\ntoken_env = "{TOKEN}"\n', tmp_path, "en")
    problem = _only(error, "backend.token_env")
    assert "looks like the token itself" in problem.found
    assert TOKEN not in error.render("zh") + error.render("en")


def test_secret_suggestion_uses_the_files_own_variable_name(tmp_path: Path) -> None:
    error = _problems('[backend]\ntoken_env = "CRM_TOKEN"\ntoken = "x"\n', tmp_path, "en")
    assert "export CRM_TOKEN=" in _only(error, "backend.token").expected


def test_password_in_the_url_is_refused_and_hidden(tmp_path: Path) -> None:
    error = _problems('[backend]\nurl = "https://bot:hunter2@crm.example.org/in"\n', tmp_path)
    problem = _only(error, "backend.url")
    assert "hunter2" not in error.render("zh") + error.render("en")
    assert "backend.token_env" in problem.expected


def test_invalid_token_env_name_shows_an_example(tmp_path: Path) -> None:
    error = _problems('[backend]\ntoken_env = "my token"\n', tmp_path, "en")
    assert 'e.g. token_env = "INTAKE_TUI_TOKEN"' in _only(error, "backend.token_env").expected


def test_enabled_backend_needs_a_url(tmp_path: Path) -> None:
    error = _problems("[backend]\nenabled = true\n", tmp_path, "en")
    problem = _only(error, "backend.url")
    assert problem.found == "nothing (the key is missing)"
    assert "https://crm.example.org/api/inquiries" in problem.expected


def test_url_must_be_http_or_https(tmp_path: Path) -> None:
    error = _problems('[backend]\nurl = "ftp://crm.example.org/in"\n', tmp_path, "en")
    assert "not a complete http(s) address" in _only(error, "backend.url").found


def test_missing_ca_bundle_file(tmp_path: Path) -> None:
    error = _problems('[backend]\nca_bundle = "ca.pem"\n', tmp_path, "en")
    assert "no such file" in _only(error, "backend.ca_bundle").found


def test_retry_cap_below_base(tmp_path: Path) -> None:
    error = _problems("[backend]\nretry_base_s = 30\nretry_cap_s = 10\n", tmp_path, "en")
    assert "retry_base_s (30)" in _only(error, "backend.retry_cap_s").expected


def test_jsonl_file_must_not_be_the_database(tmp_path: Path) -> None:
    error = _problems('[file_sink]\npath = "intake.sqlite3"\n', tmp_path, "en")
    assert "other than storage.database" in _only(error, "file_sink.path").expected


def test_section_given_as_a_value(tmp_path: Path) -> None:
    error = _problems("backend = 3\n", tmp_path, "en")
    assert _only(error, "backend").expected == "a table, e.g. [backend]"


def test_several_problems_are_reported_together(tmp_path: Path) -> None:
    text = (
        '[app]\nlanguage = "fr"\noperater = "op-02"\n'
        '[backend]\ntimeout_s = "10"\nmax_connections = 0\n'
        "[privacy]\nretention_days = 5000\n"
    )
    error = _problems(text, tmp_path)
    keys = [p.key for p in error.problems]
    assert set(keys) == {
        "app.language",
        "app.operater",
        "backend.timeout_s",
        "backend.max_connections",
        "privacy.retention_days",
    }
    assert len(error.render("zh").splitlines()) == 5
    _assert_clean(error)


def test_render_language_follows_hint_then_file_then_chinese(tmp_path: Path) -> None:
    english_file = '[app]\nlanguage = "en"\n[ui]\nshow_script = "yes"\n'
    assert "found" in _problems(english_file, tmp_path).render()
    assert "实际为" in _problems(english_file, tmp_path, "zh").render()
    assert "实际为" in _problems('[app]\nlanguage = "fr"\n', tmp_path).render()
    assert _problems(english_file, tmp_path).lang == "en"


def test_problem_fields_are_worded_in_the_errors_language(tmp_path: Path) -> None:
    error = _problems("[ui]\nshow_script = 1\n", tmp_path, "en")
    assert error.problems[0].found == "1 (a whole number)"
    again = error.in_language("zh")
    assert again.problems[0].found == "1（整数）"
    assert again.render("en") == error.render("en")


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "intake_tui.toml"
    path.write_bytes('[app]\noperator = "坐席"\n'.encode("gbk"))
    with pytest.raises(ConfigError) as caught:
        load_config(path, lang_hint="en")
    assert "not UTF-8" in caught.value.render()
    assert "line 2" in caught.value.render()


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "intake_tui.toml"
    path.write_bytes('\ufeff[app]\noperator = "op-07"\n'.encode())
    assert load_config(path).config.app.operator == "op-07"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[app]\n")
    path.chmod(0)
    with pytest.raises(ConfigError) as caught:
        load_config(path, lang_hint="en")
    assert "cannot be read" in caught.value.render()


def test_text_loader_names_the_given_file() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config_text("[ui]\nshow_script = 2\n", file="deploy.toml")
    assert caught.value.render().startswith("deploy.toml：ui.show_script：")
