"""A store full of records past the retention period, with their lines in the local file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from intake_tui.record.normalise import Filling, normalise
from intake_tui.sinks.jsonl import encode
from intake_tui.store import Store
from tests.helpers import FIXED_NOW, raw_record

#: Well past a retention period of 365 days at FIXED_NOW.
LONG_AGO = FIXED_NOW - timedelta(days=800)
#: Inside it.
RECENTLY = FIXED_NOW - timedelta(days=3)


def record_id(number: int) -> str:
    """A stable id for the *number*-th generated record."""
    return f"{number:08x}-e1e1-4e1e-8e1e-e1e1e1e1e1e1"


def _document(number: int, when: datetime) -> dict[str, Any]:
    raw = {**raw_record(contact__mobile=f"139{number:08d}"), "id": record_id(number)}
    stamp = when.isoformat(timespec="seconds")
    raw["created_at"] = raw["submitted_at"] = stamp
    filling = replace(Filling(operator="op-07"), submitted=True, now=lambda: when)
    outcome = normalise(raw, filling)
    assert outcome.inquiry is not None, outcome.errors
    return outcome.inquiry.document()


def fill(
    store_path: Path, jsonl: Path, *, expired: int, recent: int, now: datetime = FIXED_NOW
) -> tuple[list[str], list[str]]:
    """Submit *expired* old and *recent* new records, as the app would (store, then file).

    Returns the ids of each. The old ones are a second apart, oldest first; ages are as
    :data:`LONG_AGO` and :data:`RECENTLY` are from FIXED_NOW, counted back from *now*.
    """
    long_ago, recently = now - (FIXED_NOW - LONG_AGO), now - (FIXED_NOW - RECENTLY)
    first = _document(0, long_ago)
    documents: list[dict[str, Any]] = []
    for number in range(expired + recent):
        when = long_ago + timedelta(seconds=number) if number < expired else recently
        stamp = when.isoformat(timespec="seconds")
        documents.append(
            {
                **first,
                "id": record_id(number),
                "created_at": stamp,
                "submitted_at": stamp,
                "contact": {**first["contact"], "mobile": f"139{number:08d}"},
            }
        )
    with Store.open(store_path, now=lambda: now) as store:
        for start in range(0, len(documents), 5_000):
            part = documents[start : start + 5_000]
            store.submit_many(part, destinations=["backend", "file"], actor="op-07")
    jsonl.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Private as the program makes it: a local file others may read is refused.
    jsonl.touch(mode=0o600)
    with jsonl.open("wb") as out:
        for document in documents:
            out.write(encode(document))
    with closing(sqlite3.connect(store_path, isolation_level=None)) as db:
        db.execute("UPDATE outbox SET status = 'delivered' WHERE destination = 'file'")
    ids = [document["id"] for document in documents]
    return ids[:expired], ids[expired:]


def still_stored(store_path: Path, ids: list[str]) -> int:
    """How many of *ids* the store holds (read with a connection of its own)."""
    with Store.open(store_path) as store:
        return len(store.existing_ids(ids))
