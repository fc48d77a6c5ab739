"""Where intake-tui keeps its configuration and data on this platform.

This is the only module that asks the platform for folders, so every part of the
program agrees on them (and tests can move them all by setting the XDG variables).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import platformdirs

APP_NAME: Final = "intake-tui"
CONFIG_FILE_NAME: Final = "intake_tui.toml"


def user_config_dir() -> Path:
    """The platform's per-user configuration folder for intake-tui (not created)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_config_file() -> Path:
    """The per-user configuration file that is read when no other file is named."""
    return user_config_dir() / CONFIG_FILE_NAME


def user_data_dir() -> Path:
    """The platform's per-user data folder for intake-tui (not created)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
