"""Every field of the record: its dotted path, capture step, label, parser and rule.

This table is the single description the normaliser, the CSV import, the TUI's capture
screen and the exports all read, so a field means the same thing on every path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Literal

from intake_tui.parsing.area import parse_floor_area_sqm, parse_land_area_mu
from intake_tui.parsing.choice import parse_choice, parse_choices
from intake_tui.parsing.company import parse_company_name, parse_uscc
from intake_tui.parsing.numbers import parse_money_wan, parse_number, parse_tax_wan
from intake_tui.parsing.phone import parse_alt_phone, parse_mobile
from intake_tui.parsing.result import Parsed, fail
from intake_tui.parsing.text import parse_bool, parse_email, parse_text
from intake_tui.parsing.timeline import parse_timeline
from intake_tui.record.options import (
    INDUSTRY,
    NEED_KIND,
    OWNERSHIP,
    PROJECT_TYPE,
    REGISTRATION,
    REQUIREMENTS,
    SOURCE,
    TIMELINE,
    OptionList,
)

Step = Literal["need", "use", "tax", "company", "contact", "mobile"]
STEPS: Final[tuple[Step, ...]] = ("need", "use", "tax", "company", "contact", "mobile")
SECTIONS: Final[tuple[str, ...]] = ("need", "use", "tax", "company", "contact", "consent")

#: How a value is entered: decides the TUI widget and how a value is shown back.
Kind = Literal["text", "choice", "choices", "number", "money", "area", "phone", "bool", "timeline"]


@dataclass(frozen=True, slots=True)
class ParseContext:
    """What a parser may need beyond the raw value: today's date and config option lists."""

    today: date
    location_ids: tuple[str, ...] = ()


Parser = Callable[[object, ParseContext], Parsed[Any]]
#: Whether a field is required, given the other values already parsed (by dotted path).
Requirement = Callable[[Mapping[str, Any]], bool]


def always(_: Mapping[str, Any]) -> bool:
    """The field is always required."""
    return True


def never(_: Mapping[str, Any]) -> bool:
    """The field is optional."""
    return False


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of the record."""

    path: str
    step: Step
    zh: str
    en: str
    kind: Kind
    parse: Parser
    required: Requirement = never
    options: OptionList | None = None
    #: Value used when the field is absent or left empty (the TUI pre-fills it).
    default: Any = None
    #: Hidden in the TUI until the operator unfolds the step's optional details.
    detail: bool = False
    #: Explicit "unknown" words are a legitimate value (tax), so empty text is an error.
    empty_is_error: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def section(self) -> str:
        """The record section (``need``, ``contact`` ...)."""
        return self.path.split(".", 1)[0]

    @property
    def key(self) -> str:
        """The key inside its section."""
        return self.path.split(".", 1)[1]

    def label(self, lang: str) -> str:
        """The field's label in *lang*."""
        return self.en if lang == "en" else self.zh


def _choice(options: OptionList) -> Parser:
    return lambda raw, _ctx: parse_choice(raw, options)


def _choices(options: OptionList) -> Parser:
    return lambda raw, _ctx: parse_choices(raw, options)


def _text(min_len: int, max_len: int) -> Parser:
    return lambda raw, _ctx: parse_text(raw, min_len=min_len, max_len=max_len)


def _number(maximum: float, *, integer: bool = False, positive: bool = True) -> Parser:
    return lambda raw, _ctx: parse_number(
        raw, minimum=0, maximum=maximum, exclusive_minimum=positive, integer=integer
    )


def _location(raw: object, ctx: ParseContext) -> Parsed[Any]:
    text = str(raw).strip() if isinstance(raw, str | int) else ""
    if text in ctx.location_ids:
        return Parsed(value=text)
    known = "、".join(ctx.location_ids) if ctx.location_ids else "—"
    return fail("record.location_unknown", found=text or repr(raw), known=known)


def _land_required(values: Mapping[str, Any]) -> bool:
    return values.get("need.kind") == "land"


def _floor_required(values: Mapping[str, Any]) -> bool:
    kind = values.get("need.kind")
    return kind is not None and kind != "land"


FIELDS: Final[tuple[FieldSpec, ...]] = (
    # 需求
    FieldSpec(
        "need.kind", "need", "需求类型", "Need", "choice", _choice(NEED_KIND), always, NEED_KIND
    ),
    FieldSpec(
        "need.floor_area_sqm",
        "need",
        "需求面积",
        "Floor area",
        "area",
        lambda raw, _ctx: parse_floor_area_sqm(raw),
        _floor_required,
    ),
    FieldSpec(
        "need.land_area_mu",
        "need",
        "用地面积",
        "Land area",
        "number",
        lambda raw, _ctx: parse_land_area_mu(raw),
        _land_required,
    ),
    FieldSpec(
        "need.timeline",
        "need",
        "期望落地时间",
        "Timeline",
        "timeline",
        lambda raw, ctx: parse_timeline(raw, today=ctx.today),
        always,
        TIMELINE,
    ),
    FieldSpec(
        "need.ceiling_height_m",
        "need",
        "层高（米）",
        "Ceiling height (m)",
        "number",
        _number(100),
        detail=True,
    ),
    FieldSpec(
        "need.floor_load_t_per_sqm",
        "need",
        "承重（吨/㎡）",
        "Floor load (t/㎡)",
        "number",
        _number(100),
        detail=True,
    ),
    FieldSpec(
        "need.power_kva",
        "need",
        "配电（kVA）",
        "Power (kVA)",
        "number",
        _number(1_000_000),
        detail=True,
    ),
    FieldSpec(
        "need.crane_t", "need", "行车（吨）", "Crane (t)", "number", _number(1_000), detail=True
    ),
    FieldSpec(
        "need.requirements",
        "need",
        "特殊要求",
        "Special requirements",
        "choices",
        _choices(REQUIREMENTS),
        options=REQUIREMENTS,
        default=(),
        detail=True,
    ),
    FieldSpec(
        "need.preferred_location",
        "need",
        "意向区域",
        "Preferred location",
        "choice",
        _location,
        detail=True,
    ),
    FieldSpec("need.notes", "need", "备注", "Notes", "text", _text(1, 500), detail=True),
    # 用途
    FieldSpec(
        "use.industry",
        "use",
        "行业门类",
        "Industry",
        "choice",
        _choice(INDUSTRY),
        always,
        INDUSTRY,
        default="C",
    ),
    FieldSpec(
        "use.description", "use", "主营产品/用途", "Products / use", "text", _text(2, 200), always
    ),
    FieldSpec(
        "use.project_type",
        "use",
        "项目性质",
        "Project type",
        "choice",
        _choice(PROJECT_TYPE),
        options=PROJECT_TYPE,
        detail=True,
    ),
    FieldSpec(
        "use.total_investment_wan",
        "use",
        "项目总投资（万元）",
        "Total investment (10k CNY)",
        "money",
        lambda raw, _ctx: parse_money_wan(raw),
        detail=True,
    ),
    FieldSpec(
        "use.employees",
        "use",
        "用工人数",
        "Employees",
        "number",
        _number(10_000_000, integer=True, positive=False),
        detail=True,
    ),
    # 税收
    FieldSpec(
        "tax.annual_tax_wan",
        "tax",
        "预计年税收（万元）",
        "Annual tax (10k CNY)",
        "money",
        lambda raw, _ctx: parse_tax_wan(raw),
        always,
        empty_is_error=True,
    ),
    FieldSpec(
        "tax.registration",
        "tax",
        "注册/税收归属",
        "Registration",
        "choice",
        _choice(REGISTRATION),
        always,
        REGISTRATION,
    ),
    FieldSpec(
        "tax.annual_output_wan",
        "tax",
        "预计年产值（万元）",
        "Annual output (10k CNY)",
        "money",
        lambda raw, _ctx: parse_money_wan(raw),
        detail=True,
    ),
    # 公司
    FieldSpec(
        "company.name",
        "company",
        "企业名称",
        "Company name",
        "text",
        lambda raw, _ctx: parse_company_name(raw),
        always,
    ),
    FieldSpec(
        "company.uscc",
        "company",
        "统一社会信用代码",
        "USCC",
        "text",
        lambda raw, _ctx: parse_uscc(raw),
        detail=True,
    ),
    FieldSpec(
        "company.ownership",
        "company",
        "企业性质",
        "Ownership",
        "choice",
        _choice(OWNERSHIP),
        options=OWNERSHIP,
        detail=True,
    ),
    # 联系人
    FieldSpec("contact.name", "contact", "联系人", "Contact person", "text", _text(1, 20), always),
    FieldSpec("contact.title", "contact", "职务", "Title", "text", _text(1, 50), detail=True),
    FieldSpec("contact.wechat", "contact", "微信", "WeChat", "text", _text(1, 50), detail=True),
    FieldSpec(
        "contact.email",
        "contact",
        "邮箱",
        "Email",
        "text",
        lambda raw, _ctx: parse_email(raw),
        detail=True,
    ),
    FieldSpec(
        "contact.source",
        "contact",
        "信息来源",
        "Source",
        "choice",
        _choice(SOURCE),
        options=SOURCE,
        detail=True,
    ),
    # 手机号 / 同意
    FieldSpec(
        "contact.mobile",
        "mobile",
        "手机号",
        "Mobile",
        "phone",
        lambda raw, _ctx: parse_mobile(raw),
        always,
    ),
    FieldSpec(
        "contact.alt_phone",
        "mobile",
        "备用电话",
        "Other phone",
        "phone",
        lambda raw, _ctx: parse_alt_phone(raw),
        detail=True,
    ),
    FieldSpec(
        "consent.contact",
        "mobile",
        "已告知并同意联系",
        "Told and agreed to be contacted",
        "bool",
        lambda raw, _ctx: parse_bool(raw),
        always,
    ),
    FieldSpec(
        "consent.share_with_parks",
        "mobile",
        "同意推荐给园区",
        "Agrees to be shared with parks",
        "bool",
        lambda raw, _ctx: parse_bool(raw),
        default=False,
        detail=True,
    ),
)

BY_PATH: Final[Mapping[str, FieldSpec]] = {spec.path: spec for spec in FIELDS}


def fields_of_step(step: Step) -> tuple[FieldSpec, ...]:
    """The fields captured in *step*, in capture order."""
    return tuple(spec for spec in FIELDS if spec.step == step)
