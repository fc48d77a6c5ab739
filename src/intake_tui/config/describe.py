"""The effective settings as text for ``check-config``: every value, resolved paths,
secrets hidden, then warnings.

The output is valid TOML (the explanations are comments), so a deployer can save it as
a starting file that reproduces exactly the settings shown.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from intake_tui.config.errors import localize
from intake_tui.config.loading import ENV_CONFIG_VAR, LoadedConfig
from intake_tui.config.warnings import config_warnings
from intake_tui.i18n import Lang, Message, render
from intake_tui.privacy.redaction import mask_url


def toml_value(value: Any) -> str:
    """*value* (text, number, true/false) written as a TOML value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    printable = all(ch.isprintable() or ch == "\n" for ch in text)
    if "\n" in text and printable:
        # A multi-line string keeps the notice readable; only \ and """ need escaping.
        escaped = text.replace("\\", "\\\\").replace('"""', '""\\"')
        return f'"""\n{escaped}"""'
    return json.dumps(text, ensure_ascii=False)


def _header(loaded: LoadedConfig, lang: Lang) -> str:
    if loaded.source is None:
        return render("config.describe.source.default", lang)
    key = f"config.describe.source.{loaded.origin}"
    return render(key, lang, path=str(loaded.source), env=ENV_CONFIG_VAR)


def _table(title: str, section: BaseModel, notes: Mapping[str, str]) -> list[str]:
    """``[title]`` and its plain values, each followed by its note as a comment."""
    lines = [f"[{title}]"]
    for name in type(section).model_fields:
        value = getattr(section, name)
        if isinstance(value, BaseModel):
            continue
        # Secret query parameters of a webhook address (key=, sign=, …) are hidden too.
        line = f"{name} = {toml_value(mask_url(value) if isinstance(value, str) else value)}"
        if name in notes:
            line += f"  # {notes[name]}"
        lines.append(line)
    return [*lines, ""]


def describe_config(
    loaded: LoadedConfig, lang: Lang, environ: Mapping[str, str] | None = None
) -> str:
    """The effective settings of *loaded* with a header naming their source.

    The token itself is never shown: only the name of its environment variable and
    whether that variable is set in *environ* (default ``os.environ``).
    """
    env = os.environ if environ is None else environ
    config = loaded.config
    resolved = "config.describe.resolved"
    data_dir_key = "config.describe.user_data_dir" if not config.storage.data_dir else resolved
    if config.backend.read_token(env) is None:
        token_key = "config.describe.token_unset"
    elif config.backend.token_problem(env) is not None:
        token_key = "config.describe.token_unsendable"
    else:
        token_key = "config.describe.token_set"
    backend_notes = {"token_env": render(token_key, lang)}
    if not config.backend.ca_bundle:
        backend_notes["ca_bundle"] = render("config.describe.system_store", lang)
    privacy_notes = {}
    if config.privacy.retention_days == 0:
        privacy_notes["retention_days"] = render("config.describe.keep_forever", lang)
    lines = [f"# {_header(loaded, lang)}", ""]
    lines += _table("app", config.app, {})
    lines += _table(
        "storage",
        config.storage,
        {
            "data_dir": render(data_dir_key, lang, path=str(config.data_dir_path())),
            "database": render(resolved, lang, path=str(config.database_path())),
        },
    )
    lines += _table(
        "file_sink",
        config.file_sink,
        {"path": render(resolved, lang, path=str(config.file_sink_path()))},
    )
    lines += _table("backend", config.backend, backend_notes)
    lines += _table("consent", config.consent, {})
    lines += _table("privacy", config.privacy, privacy_notes)
    lines += _table("script.zh", config.script.zh, {})
    lines += _table("script.en", config.script.en, {})
    lines += _table("ui", config.ui, {})
    for location in config.locations:
        lines += ["[[locations]]", *_table("", location, {})[1:]]
    lines += _warning_lines(config_warnings(config, env), lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _warning_lines(warnings: list[Message], lang: Lang) -> list[str]:
    if not warnings:
        return [f"# {render('config.describe.no_warnings', lang)}"]
    return [
        f"# {render('config.describe.warnings', lang)}",
        *(f"#   - {localize(w, lang)}" for w in warnings),
    ]
