"""Turning validation failures into problems a deployer can act on.

The validation library's own wording never reaches the user: each failure becomes the
dotted key, the value actually found in the file (secrets hidden), and the catalogue's
description of a right value for that key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from intake_tui.config.errors import ConfigProblem
from intake_tui.config.model import DEFAULT_TOKEN_ENV, Config, duplicate_ids
from intake_tui.config.rules import CONFIG_ERROR_TYPE
from intake_tui.config.secrets import ENV_VAR_NAME, is_secret_key, looks_like_secret
from intake_tui.i18n import Lang, Message
from intake_tui.i18n.catalogue import entries

Loc = tuple[str | int, ...]

_MAX_SHOWN: Final = 60

# Fallback wording by failure type, for keys without an entry of their own.
_EXPECT_BY_TYPE: Final = {
    "bool_type": "config.expect.type.boolean",
    "bool_parsing": "config.expect.type.boolean",
    "int_type": "config.expect.type.integer",
    "int_parsing": "config.expect.type.integer",
    "int_from_float": "config.expect.type.integer",
    "float_type": "config.expect.type.number",
    "float_parsing": "config.expect.type.number",
    "finite_number": "config.expect.type.number",
    "string_type": "config.expect.type.text",
}
_TABLE_TYPES: Final = frozenset({"model_type", "model_attributes_type", "dict_type"})


_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")


def printable(text: str) -> str:
    """*text* with control and line-break characters escaped, so a problem stays one line."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def dotted(loc: Loc) -> str:
    """``("locations", 2, "id")`` -> ``"locations[2].id"`` (odd key names quoted as in TOML)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        name = (
            part if _BARE_KEY.fullmatch(part) else printable(json.dumps(part, ensure_ascii=False))
        )
        text += f".{name}" if text else name
    return text


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model class behind a field's annotation (looking inside tuples and lists)."""
    if get_origin(annotation) in (tuple, list):
        args = [a for a in get_args(annotation) if a is not Ellipsis]
        return _model_of(args[0]) if args else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def model_at(loc: Loc) -> type[BaseModel] | None:
    """The model that describes the table at *loc*, or None for a plain value."""
    model: type[BaseModel] | None = Config
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        model = _model_of(model.model_fields[part].annotation)
    return model


def _leaf_keys(model: type[BaseModel], prefix: Loc = ()) -> Iterator[Loc]:
    """Every dotted key the configuration knows, as locations."""
    for name, info in model.model_fields.items():
        inner = _model_of(info.annotation)
        if inner is None:
            yield (*prefix, name)
        else:
            yield from _leaf_keys(inner, (*prefix, name))


def suggest_key(loc: Loc) -> Message:
    """What to write instead of the unknown key at *loc*: the closest known key."""
    parent, name = loc[:-1], str(loc[-1])
    model = model_at(parent)
    known = list(model.model_fields) if model is not None else []
    by_lower = {k.lower(): k for k in known}
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.6)
    if close:
        suggestion = dotted((*parent, by_lower[close[0]]))
        return Message("config.expect.unknown_key.suggest", {"suggestion": suggestion})
    # A right key in the wrong table (data_dir under [app]) is a common slip.
    elsewhere = [dotted(k) for k in _leaf_keys(Config) if str(k[-1]).lower() == name.lower()]
    if elsewhere:
        return Message("config.expect.unknown_key.suggest", {"suggestion": elsewhere[0]})
    return Message("config.expect.unknown_key.list", {"known": ", ".join(known)})


def _lookup(raw: Any, loc: Loc) -> tuple[bool, Any]:
    """The value at *loc* in the parsed file, and whether it is there at all."""
    node = raw
    for part in loc:
        if isinstance(node, list):
            if not (isinstance(part, int) and 0 <= part < len(node)):
                return False, None
            node = node[part]
        elif isinstance(node, Mapping):
            if part not in node:
                return False, None
            node = node[part]
        else:
            return False, None
    return True, node


def _kind(value: Any) -> str:
    """The catalogue key naming the TOML kind of *value*."""
    if isinstance(value, bool):
        return "config.kind.boolean"
    if isinstance(value, int):
        return "config.kind.integer"
    if isinstance(value, float):
        return "config.kind.number"
    if isinstance(value, str):
        return "config.kind.text"
    if isinstance(value, Mapping):
        return "config.kind.table"
    if isinstance(value, list | tuple):
        return "config.kind.list"
    return "config.kind.datetime"


def _shorten(text: str) -> str:
    text = printable(text)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def show_value(value: Any) -> str:
    """*value* written roughly as it would appear in TOML, shortened for one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return _shorten(repr(value))
    if isinstance(value, str):
        return _shorten(json.dumps(value, ensure_ascii=False))
    if isinstance(value, Mapping):
        return "{…}"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return _shorten(json.dumps(value, ensure_ascii=False, default=str))


def _found(value: Any, note: str | None) -> Message:
    if note:
        return Message("config.found.noted", {"value": show_value(value), "note": Message(note)})
    return Message(
        "config.found.typed", {"value": show_value(value), "kind": Message(_kind(value))}
    )


def _hidden(note: str) -> Message:
    return Message("config.found.hidden", {"note": Message(note)})


def _should_hide(loc: Loc, value: Any) -> bool:
    """Secrets pasted into the file must not be repeated on screen or in logs."""
    if any(isinstance(part, str) and is_secret_key(part) for part in loc):
        return True
    return bool(loc) and loc[0] == "backend" and isinstance(value, str) and looks_like_secret(value)


def token_env_hint(raw: Mapping[str, Any]) -> str:
    """The variable name to suggest for the token: the file's own choice when usable."""
    _, name = _lookup(raw, ("backend", "token_env"))
    if isinstance(name, str) and ENV_VAR_NAME.fullmatch(name) and not looks_like_secret(name):
        return name
    return DEFAULT_TOKEN_ENV


def expectation_for(loc: Loc, error_type: str) -> Message:
    """The catalogue's description of a right value for the key at *loc*."""
    named = [str(part) for part in loc if isinstance(part, str)]
    if len(named) == 3 and named[0] == "script":
        return Message("config.expect.script.line")
    key = "config.expect." + ".".join(named)
    if key in entries():
        return Message(key)
    if error_type in _TABLE_TYPES or model_at(loc) is not None:
        return Message("config.expect.table", {"name": dotted(loc)})
    return Message(_EXPECT_BY_TYPE.get(error_type, "config.expect.type.other"))


def _problem_for(
    error: ErrorDetails, raw: Mapping[str, Any], file: str, lang: Lang
) -> ConfigProblem:
    error_type = error["type"]
    context: Mapping[str, Any] = error.get("ctx") or {}
    loc: Loc = tuple(error["loc"])
    if error_type == CONFIG_ERROR_TYPE:
        loc = (*loc, *context.get("at", ()))
    present, value = _lookup(raw, loc)
    found: Message
    if error_type == "extra_forbidden" and is_secret_key(str(loc[-1])):
        expected = Message("config.expect.secret", {"env": token_env_hint(raw)})
        found = _hidden("config.note.secret_key")
    elif error_type == "extra_forbidden":
        expected = suggest_key(loc)
        hide = _should_hide(loc, value) or looks_like_secret(str(value))
        found = (
            _hidden("config.note.unknown_key") if hide else _found(value, "config.note.unknown_key")
        )
    elif error_type == CONFIG_ERROR_TYPE:
        params = {"env": token_env_hint(raw), **context.get("params", {})}
        expected = Message(context["expected"], params)
        note: str | None = context.get("note")
        if context["expected"] == "config.expect.secret" or _should_hide(loc, value):
            found = _hidden(note or "config.note.secret_value")
        else:
            found = _found(value, note) if present else Message("config.found.missing")
    else:
        expected = expectation_for(loc, error_type)
        if not present:
            found = Message("config.found.missing")
        elif _should_hide(loc, value):
            found = _hidden("config.note.secret_value")
        else:
            found = _found(value, None)
    return ConfigProblem.worded(file, dotted(loc), found, expected, lang)


def _duplicate_id_problems(raw: Mapping[str, Any], file: str, lang: Lang) -> list[ConfigProblem]:
    """Repeated location ids, found in the file itself.

    The model checks uniqueness only once every entry is valid; reading the ids from the
    file reports a repeat in the same run as a broken entry.
    """
    _, items = _lookup(raw, ("locations",))
    if not isinstance(items, list):
        return []
    ids = [item.get("id") if isinstance(item, Mapping) else None for item in items]
    return [
        ConfigProblem.worded(
            file,
            dotted(("locations", index, "id")),
            _found(ids[index], "config.note.duplicate_id"),
            Message("config.expect.locations.unique", {"first": first}),
            lang,
        )
        for index, first in duplicate_ids(ids)
    ]


def problems_from(
    error: ValidationError, raw: Mapping[str, Any], file: str, lang: Lang
) -> list[ConfigProblem]:
    """Every failure in *error*, plus repeated location ids, naming *file* and the key."""
    problems = [_problem_for(detail, raw, file, lang) for detail in error.errors()]
    seen = {(p.key, p.expected) for p in problems}
    extra = [p for p in _duplicate_id_problems(raw, file, lang) if (p.key, p.expected) not in seen]
    return problems + extra


def language_of(raw: Mapping[str, Any]) -> Lang | None:
    """The file's ``app.language`` when that one key holds a valid value."""
    _, value = _lookup(raw, ("app", "language"))
    if value == "zh":
        return "zh"
    if value == "en":
        return "en"
    return None
