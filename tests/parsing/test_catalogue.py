"""The parsing area's catalogue entries: complete, consistent, and used."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from intake_tui.i18n import LANGUAGES
from intake_tui.i18n.catalogue import entries
from intake_tui.i18n.parsing import MESSAGES

PARSING_SOURCES = Path(__file__).parents[2] / "src" / "intake_tui" / "parsing"


def _placeholders(template: str) -> set[str]:
    """Placeholder names, with the per-language suffixes _zh / _en folded together."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {re.sub(r"_(zh|en)$", "", name) for name in names}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_entry_has_both_languages_and_the_same_placeholders(key: str) -> None:
    texts = MESSAGES[key]
    assert key.startswith("parsing.")
    assert set(texts) == set(LANGUAGES)
    assert _placeholders(texts["zh"]) == _placeholders(texts["en"])
    for lang in LANGUAGES:
        assert not re.search(r"_en\}" if lang == "zh" else r"_zh\}", texts[lang])


def test_every_key_used_by_the_parsers_exists() -> None:
    used: set[str] = set()
    for path in PARSING_SOURCES.glob("*.py"):
        used |= set(re.findall(r"\"(parsing\.[a-z_]+)\"", path.read_text(encoding="utf-8")))
    assert used, "no message keys found in the parser sources"
    assert used - set(entries()) == set()


def test_every_entry_is_used_by_a_parser() -> None:
    sources = "".join(path.read_text(encoding="utf-8") for path in PARSING_SOURCES.glob("*.py"))
    unused = {key for key in MESSAGES if f'"{key}"' not in sources}
    assert unused == set()
