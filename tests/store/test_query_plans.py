"""The duplicate lookups read indexes, never the whole table, and never sort in a temp tree.

The statements are the ones the store really runs (captured with SQLite's trace hook),
so a change to the SQL cannot slip past this test.
"""

from __future__ import annotations

import sqlite3

import pytest

from intake_tui.store import Store
from tests.store.factories import make_record


def _statements_run_by(store: Store, **lookup: str) -> list[str]:
    connection: sqlite3.Connection = store._db
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    try:
        store.find_duplicates(**lookup)
    finally:
        connection.set_trace_callback(None)
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def _plan(store: Store, statement: str) -> str:
    rows = store._db.execute(f"EXPLAIN QUERY PLAN {statement}").fetchall()
    return " | ".join(str(row[3]) for row in rows)


@pytest.fixture
def filled(store: Store) -> Store:
    store.submit_many(
        [
            make_record(f"r{n}", mobile=f"1380013{n:04d}", company=f"重庆{n}号工厂")
            for n in range(300)
        ],
        destinations=[],
        actor="import",
    )
    store.submit(make_record("hit"), destinations=[], actor="op-01")
    return store


@pytest.mark.parametrize(
    ("lookup", "index"),
    [
        ({"mobile": "13800138000"}, "inquiries_by_mobile"),
        ({"company": "上海宝钢精密机械有限公司"}, "inquiries_by_company"),
        ({"company": "shbg"}, "inquiries_by_initials"),
    ],
    ids=["mobile", "company", "initials"],
)
def test_each_lookup_searches_its_index(filled: Store, lookup: dict[str, str], index: str) -> None:
    plans = [_plan(filled, statement) for statement in _statements_run_by(filled, **lookup)]
    key_plans = [plan for plan in plans if index in plan]
    assert key_plans, plans
    for plan in key_plans:
        assert f"SEARCH inquiries USING COVERING INDEX {index}" in plan
    for plan in plans:
        assert "SCAN inquiries" not in plan, plan
    # Exact keys come out of their index newest first; only a prefix's few matches
    # (at most the sort cap) are sorted.
    if index != "inquiries_by_initials":
        assert not any("TEMP B-TREE" in plan for plan in plans), plans
    # Whole rows are fetched only for the few matches, by rowid.
    assert any("INTEGER PRIMARY KEY (rowid=?)" in plan for plan in plans)


def test_a_common_initials_prefix_walks_the_time_index_without_sorting(filled: Store) -> None:
    plans = [_plan(filled, statement) for statement in _statements_run_by(filled, company="cq")]
    assert any("SCAN inquiries USING INDEX inquiries_by_time" in plan for plan in plans), plans
    assert not any("TEMP B-TREE" in plan for plan in plans), plans
    assert [m.id for m in filled.find_duplicates(company="cq", limit=2)] == ["r299", "r298"]
