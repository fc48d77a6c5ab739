"""The configuration: one TOML file (or the built-in defaults) read into frozen models.

Import from here: :func:`load_config` finds and validates the file, :class:`Config` is
the result, :class:`ConfigError` lists every problem when the file is unusable, and
:func:`describe_config` shows the effective settings for ``check-config``.

Names are resolved on first use (PEP 562) so that importing one part of the package,
as the TUI does at start-up, does not import ``check-config``'s formatting too.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intake_tui.config.describe import describe_config
    from intake_tui.config.errors import ConfigError, ConfigProblem
    from intake_tui.config.loading import (
        ENV_CONFIG_VAR,
        ConfigOrigin,
        LoadedConfig,
        find_config_file,
        load_config,
        load_config_text,
        locate_config_file,
        read_config_file,
    )
    from intake_tui.config.model import (
        DEFAULT_CONFIG,
        AppSettings,
        BackendSettings,
        Config,
        ConsentSettings,
        FileSinkSettings,
        Location,
        PrivacySettings,
        ScriptLines,
        ScriptSettings,
        ScriptStep,
        StorageSettings,
        UiSettings,
    )
    from intake_tui.config.warnings import config_warnings

_HOMES: dict[str, str] = {
    "describe_config": "describe",
    "ConfigError": "errors",
    "ConfigProblem": "errors",
    "config_warnings": "warnings",
    **dict.fromkeys(
        (
            "ENV_CONFIG_VAR",
            "ConfigOrigin",
            "LoadedConfig",
            "find_config_file",
            "load_config",
            "load_config_text",
            "locate_config_file",
            "read_config_file",
        ),
        "loading",
    ),
    **dict.fromkeys(
        (
            "DEFAULT_CONFIG",
            "AppSettings",
            "BackendSettings",
            "Config",
            "ConsentSettings",
            "FileSinkSettings",
            "Location",
            "PrivacySettings",
            "ScriptLines",
            "ScriptSettings",
            "ScriptStep",
            "StorageSettings",
            "UiSettings",
        ),
        "model",
    ),
}

__all__ = [
    "DEFAULT_CONFIG",
    "ENV_CONFIG_VAR",
    "AppSettings",
    "BackendSettings",
    "Config",
    "ConfigError",
    "ConfigOrigin",
    "ConfigProblem",
    "ConsentSettings",
    "FileSinkSettings",
    "LoadedConfig",
    "Location",
    "PrivacySettings",
    "ScriptLines",
    "ScriptSettings",
    "ScriptStep",
    "StorageSettings",
    "UiSettings",
    "config_warnings",
    "describe_config",
    "find_config_file",
    "load_config",
    "load_config_text",
    "locate_config_file",
    "read_config_file",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"intake_tui.config.{home}"), name)
