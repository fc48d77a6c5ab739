"""The store's messages for people: present in both languages, naming the file, and used."""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from intake_tui.i18n import LANGUAGES, Message
from intake_tui.i18n.catalogue import entries
from intake_tui.i18n.store import MESSAGES
from intake_tui.store import Store, StoreError
from intake_tui.store.errors import BUSY_TIMEOUT_S

STORE_SOURCES = Path(__file__).resolve().parents[2] / "src" / "intake_tui" / "store"


def test_every_entry_has_both_languages_and_names_the_file() -> None:
    for key, texts in MESSAGES.items():
        assert key.startswith("store."), key
        for lang in LANGUAGES:
            assert "{path}" in texts[lang], (key, lang)
            assert "例如" in texts[lang] or "e.g." in texts[lang] or "example" in texts[lang], (
                key,
                lang,
            )


def test_every_key_named_in_the_code_exists() -> None:
    named: set[str] = set()
    for source in STORE_SOURCES.glob("*.py"):
        named |= set(re.findall(r'"(store\.[a-z_]+)"', source.read_text()))
    assert named, "the scan found nothing"
    assert sorted(named - set(entries())) == []


def test_rendering_fills_every_placeholder() -> None:
    params = {
        "path": "/data/intake.sqlite3",
        "found": 9,
        "supported": 2,
        "seconds": 5,
        "reason": "x",
        "target": "/media/usb/inquiries.jsonl",
        "owner": 65534,
        "fix": "chown 0 /data/intake.sqlite3",
        "mode": "0644",
    }
    for key in MESSAGES:
        for lang in LANGUAGES:
            text = Message(key, params).text(lang)
            assert "{" not in text, (key, lang, text)


@pytest.mark.slow
def test_a_writer_blocked_past_the_busy_timeout_gets_the_locked_message(
    store: Store, store_path: Path
) -> None:
    with closing(sqlite3.connect(store_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with pytest.raises(StoreError) as raised:
            store.save_draft("d1", {}, operator="op-01", started_at="2026-03-02T09:30:00+08:00")
        waited = time.monotonic() - started
        other.execute("ROLLBACK")
    assert raised.value.key == "store.locked"
    assert waited >= BUSY_TIMEOUT_S * 0.9
    # The store is usable again once the other writer is done.
    assert store.save_draft("d1", {}, operator="op-01", started_at="2026-03-02T09:30:00+08:00")
