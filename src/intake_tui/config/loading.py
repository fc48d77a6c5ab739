"""Finding the configuration file and reading it into a :class:`Config`.

Every failure (a missing or unreadable file, bad TOML, wrong values, unknown keys) ends
as one :class:`ConfigError` that lists all problems found, never as a traceback.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from intake_tui import paths
from intake_tui.config.errors import ConfigError, ConfigProblem
from intake_tui.config.explain import language_of, printable, problems_from
from intake_tui.config.location import (
    ENV_CONFIG_VAR,
    ConfigOrigin,
    file_problem,
    find_config_file,
    locate_config_file,
)
from intake_tui.config.model import DEFAULT_CONFIG, Config
from intake_tui.i18n import Lang, Message

# The error types are re-exported: callers catch ConfigError where they call load_config.
__all__ = [
    "ENV_CONFIG_VAR",
    "ConfigError",
    "ConfigOrigin",
    "ConfigProblem",
    "LoadedConfig",
    "find_config_file",
    "load_config",
    "load_config_text",
    "locate_config_file",
    "read_config_file",
]

_TOML_POSITION: Final = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END: Final = re.compile(r"\s*\(at end of document\)$")


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    """A validated configuration and the file it came from (None for the built-in one)."""

    config: Config
    source: Path | None
    origin: ConfigOrigin = "default"


def _toml_problem(file: str, text: str, error: tomllib.TOMLDecodeError) -> ConfigProblem:
    """A syntax error with its line and column and the offending line itself."""
    message = str(error)
    expected = Message("config.expect.toml")
    position = _TOML_POSITION.search(message)
    if position is None:
        detail = _TOML_AT_END.sub("", message)
        found = Message("config.found.toml_syntax_end", {"detail": detail})
        return file_problem(file, found, expected)
    line, column = int(position.group(1)), int(position.group(2))
    lines = text.splitlines()
    shown = printable(lines[line - 1].strip()) if 0 < line <= len(lines) else ""
    if len(shown) > 60:
        shown = shown[:59] + "…"
    params = {"line": line, "column": column, "detail": message[: position.start()], "text": shown}
    return file_problem(file, Message("config.found.toml_syntax", params), expected)


def _parse_toml(text: str, file: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([_toml_problem(file, text, error)]) from None
    except RecursionError:
        # Absurdly deep nesting: report it as the syntax problem it is.
        found = Message("config.found.toml_syntax_end", {"detail": "nesting too deep"})
        raise ConfigError([file_problem(file, found, Message("config.expect.toml"))]) from None


def load_config_text(
    text: str,
    *,
    file: str = "<config>",
    base_dir: Path | None = None,
    lang_hint: Lang | None = None,
) -> Config:
    """Validate configuration *text*; relative paths in it are taken from *base_dir*."""
    try:
        raw = _parse_toml(text, file)
    except ConfigError as error:
        raise error.in_language(lang_hint or "zh") from None
    lang: Lang = lang_hint or language_of(raw) or "zh"
    try:
        return Config.model_validate(raw, context={"base_dir": base_dir})
    except ValidationError as error:
        raise ConfigError(problems_from(error, raw, file, lang), lang) from None


def _read_text(path: Path) -> str:
    """The file's text, or a problem saying why it cannot be had."""
    expected_file = Message("config.expect.readable_file")
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        found = Message("config.found.is_directory")
        raise ConfigError([file_problem(path, found, expected_file)]) from None
    except FileNotFoundError:
        found = Message("config.found.no_file")
        expected = Message("config.expect.config_file", {"example": paths.user_config_file()})
        raise ConfigError([file_problem(path, found, expected)]) from None
    except OSError as error:
        found = Message(
            "config.found.unreadable", {"reason": error.strerror or type(error).__name__}
        )
        raise ConfigError([file_problem(path, found, expected_file)]) from None
    try:
        # utf-8-sig: editors on Windows often add a byte-order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        found = Message("config.found.not_utf8", {"line": line})
        raise ConfigError([file_problem(path, found, Message("config.expect.utf8"))]) from None


def read_config_file(path: Path, *, lang_hint: Lang | None = None) -> Config:
    """Read and validate one configuration file."""
    try:
        text = _read_text(path)
    except ConfigError as error:
        raise error.in_language(lang_hint or "zh") from None
    return load_config_text(text, file=str(path), base_dir=path.parent, lang_hint=lang_hint)


def load_config(
    explicit: str | Path | None = None, *, lang_hint: Lang | None = None
) -> LoadedConfig:
    """The effective configuration: the first file found, or the built-in defaults.

    Raises :class:`ConfigError` (worded in *lang_hint*, else the file's ``app.language``,
    else Chinese) listing every problem found.
    """
    try:
        source, origin = locate_config_file(explicit)
    except ConfigError as error:
        raise error.in_language(lang_hint or "zh") from None
    if source is None:
        return LoadedConfig(DEFAULT_CONFIG, None, "default")
    return LoadedConfig(read_config_file(source, lang_hint=lang_hint), source, origin)
