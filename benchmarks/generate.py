"""Realistic generated inquiries (seeded): Chinese company names, valid-looking mobiles.

Names are built the way registered names are (place + brand + trade + form), so their
pinyin initials share prefixes the way real ones do: many start with the same city.
About one call in twelve is a repeat caller (same company and mobile as an earlier one).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

CITIES = (
    "上海",
    "苏州",
    "无锡",
    "常州",
    "南通",
    "嘉兴",
    "宁波",
    "杭州",
    "合肥",
    "昆山",
    "太仓",
    "深圳",
    "东莞",
    "佛山",
    "重庆",
    "成都",
    "武汉",
    "长沙",
    "郑州",
    "青岛",
    "天津",
    "厦门",
    "泉州",
    "温州",
    "绍兴",
    "扬州",
    "徐州",
    "芜湖",
)
BRAND_CHARACTERS = (
    "宝华兴盛达鑫恒瑞泰新中远通联创科精金源海天宏博德永昌隆嘉美康明光顺和信诚"
    "凯晟睿威欣荣丰益升铭星辰汇峰立正卓越祥福安富锦"
)
TRADES = (
    "精密机械",
    "新材料",
    "电子科技",
    "汽车零部件",
    "智能装备",
    "生物医药",
    "化工",
    "塑胶制品",
    "包装材料",
    "模具",
    "环保科技",
    "光电",
    "半导体",
    "食品",
    "纺织",
    "物流",
    "机器人",
    "新能源",
    "医疗器械",
    "涂料",
    "五金",
    "电气",
    "仪器仪表",
    "电池",
    "钢结构",
    "家具",
    "印刷",
    "建材",
    "传感器",
    "自动化",
)
FORMS = ("有限公司",) * 7 + ("股份有限公司", "有限责任公司", "集团有限公司")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "147",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "175",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)
NEED_KINDS = ("factory_rent",) * 5 + ("factory_buy", "land", "office_rent", "warehouse", "other")
TIMELINES = ("within_1m", "within_3m", "within_6m", "within_12m", "undecided")
CHINA = timezone(timedelta(hours=8))
REPEAT_SHARE = 1 / 12
#: How far back the generated calls go: inside the default retention period (730 days)
#: with room for a cached store to age a few months before it is built again.
SPAN = timedelta(days=540)


def mobile(rng: random.Random) -> str:
    """An 11-digit number in a real mobile segment."""
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def company_name(rng: random.Random) -> str:
    """A registered-style company name, sometimes with the city in brackets."""
    city = rng.choice(CITIES)
    brand = "".join(rng.sample(BRAND_CHARACTERS, 2))
    trade = rng.choice(TRADES)
    form = rng.choice(FORMS)
    if rng.random() < 0.1:
        return f"{brand}（{city}）{trade}{form}"
    return f"{city}{brand}{trade}{form}"


def inquiry(rng: random.Random, at: datetime, company: str, phone: str) -> dict[str, Any]:
    """One normalised inquiry as the record model writes it."""
    kind = rng.choice(NEED_KINDS)
    area = rng.choice((500, 1000, 2000, 3000, 5000, 10000, 20000))
    need: dict[str, Any] = {"kind": kind, "timeline": rng.choice(TIMELINES)}
    if kind == "land":
        need["land_area_mu"] = rng.choice((10, 20, 30, 50, 80, 100))
    else:
        need["floor_area_sqm"] = {"min": area, "max": area * rng.choice((1, 1, 2))}
    stamp = at.isoformat(timespec="seconds")
    duration = rng.randrange(45, 600)
    return {
        "schema_version": 1,
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "revision": 1,
        "created_at": stamp,
        "submitted_at": (at + timedelta(seconds=duration)).isoformat(timespec="seconds"),
        "operator": f"op-{rng.randrange(1, 9):02d}",
        "call": {
            "started_at": stamp,
            "ended_at": (at + timedelta(seconds=duration)).isoformat(timespec="seconds"),
            "duration_s": duration,
        },
        "need": need,
        "use": {
            "industry": "C",
            "description": "主营" + company[-8:-4] + "产品的生产与研发",
            "project_type": rng.choice(("new", "expansion", "relocation")),
        },
        "tax": {
            "annual_tax_wan": rng.choice((None, 50, 100, 300, 500, 1000)),
            "registration": rng.choice(("new_entity", "relocation", "branch", "undecided")),
        },
        "company": {"name": company},
        "contact": {
            "name": rng.choice(SURNAMES) + rng.choice(("先生", "女士", "经理", "总")),
            "mobile": phone,
        },
        "consent": {"contact": True, "share_with_parks": rng.random() < 0.6},
        "warnings": [],
    }


def inquiries(
    count: int, seed: int, *, end: datetime | None = None, span: timedelta = SPAN
) -> Iterator[dict[str, Any]]:
    """*count* inquiries in time order over *span* up to *end*, reproducible by *seed*.

    *end* is a day ago unless given, so the records are as old as a store in use would
    hold: well inside the default retention period, which would otherwise remove most of
    them the first time a benchmark starts the TUI on them.
    """
    rng = random.Random(seed)
    last = end if end is not None else datetime.now(CHINA) - timedelta(days=1)
    first = last - span
    step = span / max(count, 1)
    earlier: list[tuple[str, str]] = []
    for number in range(count):
        # Irregular, yet in order and never past *end*: each call within its own slot.
        at = first + step * (number + rng.uniform(0.0, 1.0))
        if earlier and rng.random() < REPEAT_SHARE:
            company, phone = rng.choice(earlier)
        else:
            company, phone = company_name(rng), mobile(rng)
            # A bounded pool of earlier callers keeps memory flat at a million records.
            if len(earlier) < 50_000:
                earlier.append((company, phone))
            else:
                earlier[rng.randrange(len(earlier))] = (company, phone)
        yield inquiry(rng, at, company, phone)
