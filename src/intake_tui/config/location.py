"""Which configuration file applies: --config, then INTAKE_TUI_CONFIG, then the user file.

Kept apart from validation so that the TUI can learn its language from the file before
the validating models (pydantic) are imported.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Final, Literal

from intake_tui import paths
from intake_tui.config.errors import ConfigError, ConfigProblem
from intake_tui.i18n import Lang, Message

ENV_CONFIG_VAR: Final = "INTAKE_TUI_CONFIG"

#: Where the configuration came from: --config, the environment, the user folder, none.
ConfigOrigin = Literal["option", "env", "user", "default"]


def file_problem(file: Path | str, found: Message, expected: Message) -> ConfigProblem:
    return ConfigProblem.worded(str(file), "", found, expected, "zh")


def _named_file(path: Path, origin: ConfigOrigin) -> Path:
    """*path* when it names an existing file; a problem otherwise (never a fallback)."""
    example = str(paths.user_config_file())
    if origin == "env":
        expected = Message(
            "config.expect.config_file_env", {"env": ENV_CONFIG_VAR, "example": example}
        )
    else:
        expected = Message("config.expect.config_file", {"example": example})
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError):
        # A name the file system rejects outright (too long, say) names no file either.
        is_dir, exists = False, False
    if is_dir:
        raise ConfigError([file_problem(path, Message("config.found.is_directory"), expected)])
    if not exists:
        raise ConfigError([file_problem(path, Message("config.found.no_file"), expected)])
    return path


def locate_config_file(explicit: str | Path | None) -> tuple[Path | None, ConfigOrigin]:
    """The file to read and why: --config, then INTAKE_TUI_CONFIG, then the user file."""
    if explicit is not None and str(explicit) != "":
        return _named_file(Path(explicit).expanduser().absolute(), "option"), "option"
    from_env = os.environ.get(ENV_CONFIG_VAR, "").strip()
    if from_env:
        return _named_file(Path(from_env).expanduser().absolute(), "env"), "env"
    user_file = paths.user_config_file()
    if user_file.exists():
        return user_file, "user"
    return None, "default"


def find_config_file(explicit: str | Path | None) -> Path | None:
    """The configuration file to use, or None for the built-in defaults.

    An explicit path or one named by INTAKE_TUI_CONFIG that does not exist raises
    :class:`ConfigError` instead of silently falling back.
    """
    return locate_config_file(explicit)[0]


def peek_language(explicit: str | Path | None) -> Lang:
    """The file's ``app.language`` without validating anything (Chinese when unsure).

    A broken file is reported in full by the real load; this only picks the language of
    the first frame.
    """
    try:
        source, _origin = locate_config_file(explicit)
        if source is None:
            return "zh"
        raw = tomllib.loads(source.read_bytes().decode("utf-8-sig"))
    except (ConfigError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return "zh"
    app = raw.get("app")
    language = app.get("language") if isinstance(app, dict) else None
    return "en" if language == "en" else "zh"
