"""The configuration: one TOML file (or the built-in defaults) read into frozen models.

Import from here: :func:`load_config` finds and validates the file, :class:`Config` is
the result, :class:`ConfigError` lists every problem when the file is unusable, and
:func:`describe_config` shows the effective settings for ``check-config``.
"""

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
