"""Masking a record's personal values, and every mobile number in its texts."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from intake_tui.privacy.masking import (
    mask_draft,
    mask_email,
    mask_mobile,
    mask_name,
    mask_phone,
    mask_record,
    mask_text,
)

RECORD_ID = "3f2a9c1e-1352-4678-851a-0b1c2d3e4f5a"


@pytest.mark.parametrize(
    ("mobile", "expected"),
    [
        ("13524678515", "135****8515"),
        (" 13524678515 ", "135****8515"),
        ("1352467851a", "*******851a"),  # eleven characters, not all digits
        ("135246785", "*****6785"),
        ("12345", "*2345"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_mask_mobile(mobile: str, expected: str) -> None:
    assert mask_mobile(mobile) == expected


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("+8613524678515", "+86135****8515"),
        ("+862166668888", "+86216***8888"),
        ("+8623456789012", "+86234****9012"),
        ("+86123456789", "+86123**6789"),  # nine digits: the shortest that keeps its start
        ("+8612345678", "+86****5678"),  # eight: only the last four
        ("+861234567", "+86***4567"),
        ("+86123", "+86***"),
        ("+442079460958", "+44******0958"),
        ("123456789", "123**6789"),
        ("12345678", "****5678"),
        ("1234567", "***4567"),
        (" 0211234567 ", "021***4567"),
        ("", ""),
    ],
)
def test_mask_phone(phone: str, expected: str) -> None:
    assert mask_phone(phone) == expected


@pytest.mark.parametrize(("name", "expected"), [("张先生", "张*"), (" 欧阳 ", "欧*"), ("", "")])
def test_mask_name(name: str, expected: str) -> None:
    assert mask_name(name) == expected


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("zhang@example.com", "z***@example.com"),
        ("zh@ng@example.com", "z***@example.com"),
        ("@x.cn", "***@x.cn"),
        ("zhang", "z*"),
    ],
)
def test_mask_email(email: str, expected: str) -> None:
    assert mask_email(email) == expected


def test_mask_text_masks_every_spelling() -> None:
    spelled = "请打 +86 135-2467-8515 或 １３９１１１１２２２２"
    assert mask_text(spelled) == "请打 135****8515 或 139****2222"


def _record() -> dict[str, Any]:
    return {
        "id": RECORD_ID,
        "need": {"notes": "请打 135-2467-8515", "requirements": ["近地铁", "电 13911112222"]},
        "use": {"description": "精密装配 １３５２４６７８５１５"},
        "company": {"name": "宝钢"},
        "contact": {
            "name": "张先生",
            "title": "经理 +86 135 2467 8515",
            "mobile": "13524678515",
            "alt_phone": "+862166668888",
            "email": "zhang@example.com",
            "wechat": "wx13524678515",
            "source": None,
        },
        "warnings": [{"field": "contact.mobile", "message": "号段 135 2467 8515 未知"}],
        "revision": 2,
    }


def test_mask_record_masks_fields_and_every_text() -> None:
    record = _record()
    before = copy.deepcopy(record)
    masked = mask_record(record)
    assert record == before
    assert masked == {
        "id": RECORD_ID,
        "need": {"notes": "请打 135****8515", "requirements": ["近地铁", "电 139****2222"]},
        "use": {"description": "精密装配 135****8515"},
        "company": {"name": "宝钢"},
        "contact": {
            "name": "张*",
            "title": "经理 135****8515",
            "mobile": "135****8515",
            "alt_phone": "+86216***8888",
            "email": "z***@example.com",
            "wechat": "w*",
            "source": None,
        },
        "warnings": [{"field": "contact.mobile", "message": "号段 135****8515 未知"}],
        "revision": 2,
    }


def test_mask_record_without_contact_or_with_odd_values() -> None:
    assert mask_record({"need": {"notes": "13524678515"}}) == {"need": {"notes": "135****8515"}}
    odd = {"contact": {"name": "", "mobile": 13524678515, "email": None}}
    assert mask_record(odd) == {"contact": {"name": "", "mobile": "135****8515", "email": None}}
    assert mask_record({"contact": "张先生 13524678515"}) == {"contact": "张先生 135****8515"}


def test_mask_draft_masks_typed_fields_and_every_text() -> None:
    draft = {
        "id": RECORD_ID,
        "fields": {
            "contact.name": "张先生",
            "contact.mobile": "+86 135 2467 8515",
            "contact.alt_phone": "021-66668888",
            "contact.email": "zhang@example.com",
            "contact.wechat": "zhang_wx",
            "contact.title": "",
            "need.notes": "请打 135-2467-8515",
        },
    }
    before = copy.deepcopy(draft)
    assert mask_draft(draft) == {
        "id": RECORD_ID,
        "fields": {
            "contact.name": "张*",
            "contact.mobile": "*************8515",
            "contact.alt_phone": "021*****8888",
            "contact.email": "z***@example.com",
            "contact.wechat": "z*",
            "contact.title": "",
            "need.notes": "请打 135****8515",
        },
    }
    assert draft == before


def test_mask_draft_without_fields() -> None:
    assert mask_draft({"fields": "请打 13524678515"}) == {"fields": "请打 135****8515"}
    assert mask_draft({"other": ["13524678515"]}) == {"other": ["135****8515"]}
    assert mask_draft({"fields": {"contact.name": 7}}) == {"fields": {"contact.name": 7}}
