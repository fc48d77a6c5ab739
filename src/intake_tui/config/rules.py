"""Checks on single configuration values that a type alone cannot express.

Every failure is a :class:`PydanticCustomError` of type :data:`CONFIG_ERROR_TYPE` whose
context names catalogue keys, so the loader can word it in Chinese or English without
ever showing the validation library's own text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from pydantic import HttpUrl, TypeAdapter, ValidationError, ValidationInfo
from pydantic_core import PydanticCustomError

from intake_tui.config.secrets import ENV_VAR_NAME, looks_like_secret, url_carries_secret

CONFIG_ERROR_TYPE: Final = "intake_config"

_HTTP_URL: Final = TypeAdapter(HttpUrl)


def config_error(
    expected: str,
    *,
    note: str | None = None,
    at: tuple[str | int, ...] = (),
    **params: Any,
) -> PydanticCustomError:
    """A validation error worded by catalogue keys.

    *expected* says what a right value looks like, *note* (optional) says what is wrong
    with the value found, and *at* extends the location when a check on a whole section
    is really about one of its keys.
    """
    context = {"expected": expected, "note": note, "at": at, "params": params}
    return PydanticCustomError(CONFIG_ERROR_TYPE, "invalid configuration value", context)


def _base_dir(info: ValidationInfo) -> Path | None:
    """The folder of the file being loaded, when the loader passed one."""
    context = info.context
    if isinstance(context, dict):
        base = context.get("base_dir")
        if isinstance(base, Path):
            return base
    return None


def _plain_path(value: str, expected: str) -> Path:
    """*value* as a path with ``~`` expanded, refusing what no file system accepts."""
    if "\x00" in value:
        raise config_error(expected, note="config.note.bad_path")
    try:
        return Path(value).expanduser()
    except RuntimeError:
        # "~someone" for a user that does not exist.
        raise config_error(expected, note="config.note.bad_path") from None


def anchored_path(value: str, info: ValidationInfo, expected: str) -> str:
    """A path as written, made absolute against the config file's folder when relative."""
    if value == "":
        return value
    path = _plain_path(value, expected)
    base = _base_dir(info)
    if base is not None and not path.is_absolute():
        path = base / path
    return str(path)


def relative_file_name(value: str, expected: str) -> str:
    """A file path that is read relative to the data folder: non-empty, not a folder."""
    if value.strip() == "" or value.endswith(("/", "\\")):
        raise config_error(expected)
    _plain_path(value, expected)
    return value


def existing_file(value: str, info: ValidationInfo, expected: str) -> str:
    """An optional path that, when given, must name an existing readable file."""
    anchored = anchored_path(value, info, expected)
    if anchored == "":
        return anchored
    try:
        found = Path(anchored).is_file()
    except (OSError, ValueError):
        found = False
    if not found:
        raise config_error(expected, note="config.note.no_such_file")
    return anchored


def http_url(value: str, expected: str) -> str:
    """An empty string or an absolute http(s) address that carries no credentials."""
    if value == "":
        return value
    if value != value.strip():
        raise config_error(expected, note="config.note.not_http_url")
    try:
        _HTTP_URL.validate_python(value)
    except ValidationError:
        raise config_error(expected, note="config.note.not_http_url") from None
    if url_carries_secret(value):
        raise config_error("config.expect.secret", note="config.note.secret_in_url")
    return value


def env_var_name(value: str, expected: str) -> str:
    """The name of an environment variable, refusing a token pasted in its place."""
    if looks_like_secret(value):
        raise config_error("config.expect.secret", note="config.note.secret_value")
    if not ENV_VAR_NAME.fullmatch(value):
        raise config_error(expected)
    return value
