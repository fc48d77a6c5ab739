"""Schema migrations: a file written by the first schema upgrades in place, data kept."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from intake_tui.store import Store
from intake_tui.store.keys import company_key
from intake_tui.store.migrations import LATEST_VERSION, MIGRATIONS, migrate
from tests.store.factories import make_record

_V1_INSERT = (
    "INSERT INTO inquiries (id, revision, status, created_at, created_utc, updated_at, "
    "submitted_at, operator, record, mobile_key, company_key, need_kind) "
    "VALUES (?, 1, ?, ?, ?, ?, ?, 'op-01', ?, ?, ?, ?)"
)


def _write_v1_file(path: Path) -> None:
    """A store as the first released schema left it: two inquiries and a draft."""
    path.parent.mkdir(parents=True)
    path.touch(mode=0o600)  # as private as the program makes its own: others' files are refused
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        migrate(db, path, target=1)
        for record_id, company, at in [
            ("s1", "上海宝钢精密机械有限公司", "2026-01-05T09:00:00+08:00"),
            ("s2", "重庆长安汽车零部件有限公司", "2026-01-06T09:00:00+08:00"),
        ]:
            record = make_record(record_id, company=company, created_at=at)
            db.execute(
                _V1_INSERT,
                (
                    record_id,
                    "submitted",
                    at,
                    at,
                    at,
                    at,
                    json.dumps(record, ensure_ascii=False),
                    "13800138000",
                    company_key(company),
                    "factory_rent",
                ),
            )
        draft = {"kind": "draft", "fields": {"company.name": "苏州华兴电子科技"}}
        db.execute(
            _V1_INSERT,
            (
                "d1",
                "draft",
                "2026-01-07T09:00:00+08:00",
                "2026-01-07T01:00:00Z",
                "2026-01-07T09:00:00+08:00",
                None,
                json.dumps(draft, ensure_ascii=False),
                "",
                company_key("苏州华兴电子科技"),
                None,
            ),
        )
        db.execute(
            _V1_INSERT,
            (
                "d2",
                "draft",
                "2026-01-08T09:00:00+08:00",
                "x",
                "x",
                None,
                '{"fields": {}}',
                "",
                "",
                None,
            ),
        )
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_version_1_file_is_upgraded_in_place(store_path: Path) -> None:
    _write_v1_file(store_path)
    with Store.open(store_path) as store:
        assert store.count() == 4
        first = store.get("s1")
        assert first is not None
        assert first.record["company"]["name"] == "上海宝钢精密机械有限公司"
        draft = store.get_draft("d1")
        assert draft is not None
        assert draft.fields == {"company.name": "苏州华兴电子科技"}
        # The new column is usable at once: typed initials find old rows.
        assert [m.id for m in store.find_duplicates(company="shbg")] == ["s1"]
        assert [m.id for m in store.find_duplicates(company="cqca")] == ["s2"]
        assert [m.id for m in store.find_duplicates(company="szhx")] == ["d1"]
    with closing(sqlite3.connect(store_path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        initials = dict(db.execute("SELECT id, company_initials FROM inquiries").fetchall())
        indexes = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
    assert initials == {"s1": "shbgjmjx", "s2": "cqcaqclbj", "d1": "szhxdzkj", "d2": ""}
    assert "inquiries_by_initials" in indexes


def test_latest_version_counts_the_migrations() -> None:
    assert LATEST_VERSION == len(MIGRATIONS) >= 2


def test_opening_a_current_file_again_changes_nothing(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.submit(make_record("r1"), destinations=["file"], actor="op-01")
    before = store_path.read_bytes()
    with Store.open(store_path):
        pass
    assert store_path.read_bytes() == before
