"""Which file is read: --config, then INTAKE_TUI_CONFIG, then the user file, then defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_tui import paths
from intake_tui.config import (
    DEFAULT_CONFIG,
    ENV_CONFIG_VAR,
    ConfigError,
    find_config_file,
    load_config,
)
from tests.config.helpers import write_config


def _operator_file(folder: Path, operator: str) -> Path:
    return write_config(folder, f'[app]\noperator = "{operator}"\n')


@pytest.fixture
def three_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """An explicit file, a file named by the environment, and the user's own file."""
    explicit = _operator_file(tmp_path / "explicit", "explicit")
    from_env = _operator_file(tmp_path / "env", "env")
    user = _operator_file(paths.user_config_dir(), "user")
    monkeypatch.setenv(ENV_CONFIG_VAR, str(from_env))
    return explicit, from_env, user


def test_no_file_anywhere_gives_the_built_in_defaults() -> None:
    assert find_config_file(None) is None
    loaded = load_config()
    assert loaded.config == DEFAULT_CONFIG
    assert loaded.source is None
    assert loaded.origin == "default"


def test_explicit_path_wins_over_everything(three_files: tuple[Path, Path, Path]) -> None:
    explicit, _, _ = three_files
    loaded = load_config(explicit)
    assert loaded.config.app.operator == "explicit"
    assert (loaded.source, loaded.origin) == (explicit, "option")


def test_environment_wins_over_the_user_file(three_files: tuple[Path, Path, Path]) -> None:
    _, from_env, _ = three_files
    loaded = load_config()
    assert loaded.config.app.operator == "env"
    assert (loaded.source, loaded.origin) == (from_env, "env")


def test_user_file_is_used_when_nothing_else_is_named(
    three_files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_CONFIG_VAR)
    _, _, user = three_files
    loaded = load_config()
    assert loaded.config.app.operator == "user"
    assert (loaded.source, loaded.origin) == (user, "user")
    assert find_config_file(None) == user


def test_empty_environment_variable_counts_as_unset(
    three_files: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CONFIG_VAR, "")
    assert load_config().config.app.operator == "user"


def test_missing_explicit_file_is_an_error_not_a_fallback(
    three_files: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError) as caught:
        load_config(missing)
    (problem,) = caught.value.problems
    assert problem.file == str(missing)
    assert problem.found == "文件不存在"
    assert str(paths.user_config_file()) in problem.expected


def test_missing_environment_file_is_an_error_naming_the_variable(
    three_files: tuple[Path, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CONFIG_VAR, str(tmp_path / "gone.toml"))
    with pytest.raises(ConfigError) as caught:
        find_config_file(None)
    assert ENV_CONFIG_VAR in caught.value.render("en")
    assert "gone.toml" in caught.value.render("zh")


def test_folder_given_as_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path, lang_hint="en")
    assert caught.value.problems[0].found == "a folder, not a file"
