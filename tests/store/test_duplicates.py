"""Duplicate lookup during a call: same mobile, same company, or typed initials."""

from __future__ import annotations

import pytest

from intake_tui.store import Store
from tests.store.factories import make_record


def _submit(store: Store, record_id: str, mobile: str, company: str, day: int) -> None:
    record = make_record(
        record_id, mobile=mobile, company=company, created_at=f"2026-02-{day:02d}T09:00:00+08:00"
    )
    store.submit(record, destinations=[], actor="op-01")


@pytest.fixture
def filled(store: Store) -> Store:
    _submit(store, "bg-1", "13800138000", "上海宝钢精密机械有限公司", 1)
    _submit(store, "bg-2", "13900139000", "上海宝钢精密机械股份有限公司", 3)
    _submit(store, "hx-1", "13800138000", "苏州华兴电子科技有限公司", 2)
    _submit(store, "other", "13700137000", "重庆长安汽车零部件有限公司", 4)
    store.save_draft(
        "draft",
        {"company.name": "上海宝钢 精密机械", "contact.mobile": "", "contact.name": "王女士"},
        operator="op-02",
        started_at="2026-02-05T09:00:00+08:00",
    )
    return store


def test_match_by_mobile_in_any_spelling_newest_first(filled: Store) -> None:
    matches = filled.find_duplicates(mobile="+86 138-0013-8000")
    assert [(m.id, m.matched_on) for m in matches] == [("hx-1", ("mobile",)), ("bg-1", ("mobile",))]
    assert matches[0].company_name == "苏州华兴电子科技有限公司"
    assert matches[0].contact_name == "张先生"
    assert matches[0].mobile == "13800138000"


def test_match_by_company_key_includes_drafts(filled: Store) -> None:
    matches = filled.find_duplicates(company="上海宝钢精密机械")
    assert [(m.id, m.status) for m in matches] == [
        ("draft", "draft"),
        ("bg-2", "submitted"),
        ("bg-1", "submitted"),
    ]
    assert matches[0].contact_name == "王女士"
    assert all(m.matched_on == ("company",) for m in matches)


def test_match_by_initials_prefix(filled: Store) -> None:
    assert [m.id for m in filled.find_duplicates(company="SHBG")] == ["draft", "bg-2", "bg-1"]
    assert [m.id for m in filled.find_duplicates(company="szhxdzkjyxgs")] == ["hx-1"]
    assert filled.find_duplicates(company="shbgx") == []
    # One letter is too little to mean a company.
    assert filled.find_duplicates(company="s") == []


def test_a_row_matching_several_keys_says_so_once(filled: Store) -> None:
    matches = filled.find_duplicates(mobile="13800138000", company="上海宝钢精密机械有限公司")
    assert [(m.id, m.matched_on) for m in matches] == [
        ("draft", ("company",)),
        ("bg-2", ("company",)),
        ("hx-1", ("mobile",)),
        ("bg-1", ("mobile", "company")),
    ]


def test_the_inquiry_being_captured_is_excluded_and_the_limit_still_filled(filled: Store) -> None:
    matches = filled.find_duplicates(company="上海宝钢精密机械", exclude_id="draft", limit=2)
    assert [m.id for m in matches] == ["bg-2", "bg-1"]
    assert [m.id for m in filled.find_duplicates(company="shbg", limit=1)] == ["draft"]


def test_nothing_to_look_up_finds_nothing(filled: Store) -> None:
    assert filled.find_duplicates() == []
    assert filled.find_duplicates(mobile=" - ", company="  ") == []
    assert filled.find_duplicates(mobile="13800138000", limit=0) == []
    # The draft's empty mobile is not a match for an empty or unknown number.
    assert filled.find_duplicates(mobile="13000000000") == []


def test_many_rows_sharing_a_short_prefix_still_give_the_newest(store: Store) -> None:
    records = [
        make_record(
            f"sh-{n:04d}",
            mobile=f"1380000{n:04d}",
            company=f"上海{n}号工厂",
            created_at=f"2026-01-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}+08:00",
        )
        for n in range(2500)  # more than the store sorts from the index
    ]
    store.submit_many(records, destinations=[], actor="import")
    assert [m.id for m in store.find_duplicates(company="sh", limit=3)] == [
        "sh-2499",
        "sh-2498",
        "sh-2497",
    ]
    assert [m.id for m in store.find_duplicates(company="sh", exclude_id="sh-2499", limit=1)] == [
        "sh-2498"
    ]
