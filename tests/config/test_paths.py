"""The platform folders follow the XDG variables the test fixture sets."""

from __future__ import annotations

from pathlib import Path

from intake_tui import paths


def test_config_folder_and_file_follow_xdg_config_home(isolated_dirs: Path) -> None:
    assert paths.user_config_dir() == isolated_dirs / ".config" / "intake-tui"
    assert paths.user_config_file() == isolated_dirs / ".config" / "intake-tui" / "intake_tui.toml"


def test_data_folder_follows_xdg_data_home(isolated_dirs: Path) -> None:
    assert paths.user_data_dir() == isolated_dirs / ".local" / "share" / "intake-tui"


def test_folders_are_not_created_by_asking(isolated_dirs: Path) -> None:
    paths.user_config_file()
    paths.user_data_dir()
    assert not paths.user_config_dir().exists()
    assert not paths.user_data_dir().exists()
