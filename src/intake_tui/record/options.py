"""The fixed option lists of the record: codes (the wire format) and their labels.

Codes are the keys backends integrate against; labels are what operators read and may
type. Order is the order operators see (and the number they press in a choice field).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Option:
    """One choice: its code and its Chinese and English labels."""

    code: str
    zh: str
    en: str

    def label(self, lang: str) -> str:
        """The label in *lang* (``zh`` or ``en``)."""
        return self.en if lang == "en" else self.zh


OptionList = tuple[Option, ...]

NEED_KIND: Final[OptionList] = (
    Option("factory_rent", "租赁厂房", "Rent a factory"),
    Option("factory_buy", "购买厂房", "Buy a factory"),
    Option("land", "工业用地", "Industrial land"),
    Option("office_rent", "租赁办公/研发", "Rent office/R&D space"),
    Option("office_buy", "购买办公/研发", "Buy office/R&D space"),
    Option("warehouse", "仓储物流", "Warehousing & logistics"),
    Option("other", "其他", "Other"),
)

REQUIREMENTS: Final[OptionList] = (
    Option("eia_report", "需环评报告书", "EIA report required"),
    Option("hazardous_chemicals", "危化品", "Hazardous chemicals"),
    Option("wastewater", "废水", "Wastewater"),
    Option("exhaust", "废气", "Exhaust gas"),
    Option("cleanroom", "洁净车间", "Cleanroom"),
    Option("dual_power", "双回路供电", "Dual power supply"),
)

TIMELINE: Final[OptionList] = (
    Option("within_1m", "1个月内", "Within 1 month"),
    Option("within_3m", "3个月内", "Within 3 months"),
    Option("within_6m", "6个月内", "Within 6 months"),
    Option("within_12m", "12个月内", "Within 12 months"),
    Option("undecided", "待定", "Undecided"),
)

#: GB/T 4754-2017 sections.
INDUSTRY: Final[OptionList] = (
    Option("A", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
    Option("B", "采矿业", "Mining"),
    Option("C", "制造业", "Manufacturing"),
    Option("D", "电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water supply"),
    Option("E", "建筑业", "Construction"),
    Option("F", "批发和零售业", "Wholesale and retail trade"),
    Option("G", "交通运输、仓储和邮政业", "Transport, storage and postal services"),
    Option("H", "住宿和餐饮业", "Accommodation and catering"),
    Option(
        "I", "信息传输、软件和信息技术服务业", "Information transmission, software and IT services"
    ),
    Option("J", "金融业", "Finance"),
    Option("K", "房地产业", "Real estate"),
    Option("L", "租赁和商务服务业", "Leasing and business services"),
    Option("M", "科学研究和技术服务业", "Scientific research and technical services"),
    Option(
        "N", "水利、环境和公共设施管理业", "Water conservancy, environment and public facilities"
    ),
    Option("O", "居民服务、修理和其他服务业", "Resident services, repair and other services"),
    Option("P", "教育", "Education"),
    Option("Q", "卫生和社会工作", "Health and social work"),
    Option("R", "文化、体育和娱乐业", "Culture, sports and entertainment"),
    Option(
        "S",
        "公共管理、社会保障和社会组织",
        "Public administration, social security and organisations",
    ),
    Option("T", "国际组织", "International organisations"),
)
DEFAULT_INDUSTRY: Final = "C"

PROJECT_TYPE: Final[OptionList] = (
    Option("new", "新设", "New project"),
    Option("expansion", "扩产", "Expansion"),
    Option("relocation", "搬迁", "Relocation"),
    Option("headquarters", "总部", "Headquarters"),
    Option("rnd", "研发中心", "R&D centre"),
)

REGISTRATION: Final[OptionList] = (
    Option("new_entity", "新设独立法人", "New local legal entity"),
    Option("relocation", "迁入", "Move registration here"),
    Option("branch", "设分公司", "Local branch"),
    Option("not_local", "不在本区注册", "Not registered in this district"),
    Option("undecided", "待定", "Undecided"),
)

OWNERSHIP: Final[OptionList] = (
    Option("state", "国有", "State-owned"),
    Option("private", "民营", "Private"),
    Option("foreign", "外资/港澳台", "Foreign / HK, Macao, Taiwan"),
    Option("joint", "合资", "Joint venture"),
    Option("listed", "上市公司", "Listed company"),
    Option("public_institution", "事业单位", "Public institution"),
    Option("individual", "个体", "Sole proprietor"),
    Option("other", "其他", "Other"),
)

SOURCE: Final[OptionList] = (
    Option("billboard", "广告牌", "Billboard"),
    Option("website", "网站", "Website"),
    Option("wechat_official", "公众号", "WeChat official account"),
    Option("agent", "中介", "Agent"),
    Option("referral", "朋友介绍", "Referral"),
    Option("expo", "展会", "Expo"),
    Option("other", "其他", "Other"),
)


def codes(options: OptionList) -> tuple[str, ...]:
    """The codes of *options*, in order."""
    return tuple(option.code for option in options)
