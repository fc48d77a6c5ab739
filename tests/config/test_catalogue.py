"""Every message the config area uses exists in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake_tui.config import Config
from intake_tui.config.explain import expectation_for
from intake_tui.config.model import ScriptSettings
from intake_tui.i18n import LANGUAGES
from intake_tui.i18n.catalogue import entries
from intake_tui.i18n.config import MESSAGES

CONFIG_SOURCES = Path(__file__).resolve().parents[2] / "src" / "intake_tui" / "config"


def test_every_entry_has_both_languages() -> None:
    for key, texts in MESSAGES.items():
        assert key.startswith("config."), key
        assert all(texts.get(lang) for lang in LANGUAGES), key


def test_every_key_named_in_the_code_exists() -> None:
    named: set[str] = set()
    for source in CONFIG_SOURCES.glob("*.py"):
        named |= set(re.findall(r'"(config\.[a-z_.]+[a-z_])"', source.read_text()))
    named |= {f"config.describe.source.{o}" for o in ("option", "env", "user", "default")}
    assert named, "the scan found nothing"
    assert sorted(named - set(entries())) == []


def _leaf_locations() -> list[tuple[str | int, ...]]:
    found: list[tuple[str | int, ...]] = []
    for section, info in Config.model_fields.items():
        if section == "script":
            continue
        annotation = info.annotation
        model = annotation if isinstance(annotation, type) else None
        if section == "locations":
            found += [("locations", 0, name) for name in ("id", "zh", "en")]
        elif model is not None:
            found += [(section, name) for name in model.model_fields]
    found += [("script", lang, "need") for lang in ScriptSettings.model_fields]
    return found


@pytest.mark.parametrize("loc", _leaf_locations(), ids=str)
def test_every_key_has_its_own_expectation_with_an_example(loc: tuple[str | int, ...]) -> None:
    message = expectation_for(loc, "string_type")
    assert not message.key.startswith("config.expect.type."), loc
    for lang in LANGUAGES:
        text = message.text(lang)
        assert "例如" in text or "e.g." in text, (loc, lang, text)
