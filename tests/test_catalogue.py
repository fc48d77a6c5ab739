"""The whole message catalogue: both languages everywhere, and every key the code names exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from textual.binding import Binding

from intake_tui.i18n import LANGUAGES
from intake_tui.i18n.catalogue import entries
from intake_tui.record.fields import FIELDS, STEPS
from intake_tui.store.models import STATUSES
from intake_tui.tui import bindings
from intake_tui.tui.screens.history import COLUMNS

SOURCES = Path(__file__).resolve().parents[1] / "src" / "intake_tui"
#: A quoted message key of one of the areas, written out in full (no f-string prefix).
KEY_LITERAL = re.compile(
    r"""["']((?:tui|cli|record|parsing|config|store)\.[a-z0-9_.]*[a-z0-9_])["']"""
)
BINDING_LISTS = {
    "GLOBAL": bindings.GLOBAL,
    "CAPTURE": bindings.CAPTURE,
    "REVIEW": bindings.REVIEW,
    "HISTORY": bindings.HISTORY,
    "DRAFTS": bindings.DRAFTS,
    "MODAL": bindings.MODAL,
}


def _placeholders(template: str) -> set[str]:
    """Placeholder names; ``{x_zh}``/``{x_en}`` (and ``{zh}``/``{en}``) count as one name."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {re.sub(r"(^|_)(zh|en)$", "", name) for name in names}


def _key_literals() -> dict[str, list[str]]:
    """Every complete message key written in the source, with the files that name it."""
    named: dict[str, list[str]] = {}
    for source in sorted(SOURCES.rglob("*.py")):
        if source.parent.name == "i18n":
            continue  # the catalogue defines keys; it does not use them
        for key in KEY_LITERAL.findall(source.read_text(encoding="utf-8")):
            named.setdefault(key, []).append(str(source.relative_to(SOURCES)))
    return named


@pytest.mark.parametrize("key", sorted(entries()))
def test_every_entry_has_both_languages(key: str) -> None:
    texts = entries()[key]
    assert set(texts) == set(LANGUAGES)
    if not key.startswith("tui.placeholder."):
        assert all(texts[lang].strip() for lang in LANGUAGES)
    assert _placeholders(texts["zh"]) == _placeholders(texts["en"])


def test_the_scan_finds_keys_of_every_area() -> None:
    areas = {key.split(".", 1)[0] for key in _key_literals()}
    assert areas >= {"tui", "cli", "record", "parsing", "config", "store"}


def test_every_key_named_in_the_source_exists() -> None:
    missing = {key: files for key, files in _key_literals().items() if key not in entries()}
    assert missing == {}


@pytest.mark.parametrize("name", sorted(BINDING_LISTS))
def test_every_binding_description_is_a_catalogue_key(name: str) -> None:
    for binding in BINDING_LISTS[name]:
        assert isinstance(binding, Binding)
        assert binding.description.startswith("tui.key."), binding
        assert binding.description in entries(), binding


def test_every_tui_key_written_in_bindings_exists() -> None:
    source = (SOURCES / "tui" / "bindings.py").read_text(encoding="utf-8")
    named = set(re.findall(r'"(tui\.key\.[a-z_]+)"', source))
    assert len(named) >= 20
    assert named - set(entries()) == set()


def test_keys_built_from_data_exist() -> None:
    """Keys the screens assemble at run time from field paths, steps, statuses and columns."""
    built = {
        *(f"tui.step.{step}" for step in (*STEPS, "review")),
        *(f"tui.placeholder.{spec.path}" for spec in FIELDS),
        *(f"cli.status.{status}" for status in STATUSES),
        *(f"cli.list.col.{column}" for column in COLUMNS),
        *(f"tui.dup.on.{key}" for key in ("mobile", "company", "initials")),
        *(f"tui.status.mode.{mode}" for mode in ("online", "offline")),
        *(f"tui.help.{part}.{k}" for part in ("key", "does") for k in ("enter", "tab", "digit")),
        *(f"tui.help.{part}.{k}" for part in ("key", "does") for k in ("filter", "arrows")),
    }
    assert sorted(built - set(entries())) == []
