"""What a parsed value means, said back to the operator (``1.2亿`` → ``= 12000 万元``)."""

from __future__ import annotations

from typing import Any

from intake_tui.parsing.area import SQM_PER_MU
from intake_tui.parsing.phone import describe_mobile, group_mobile
from intake_tui.record.fields import FieldSpec


def _num(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.4f}".rstrip("0").rstrip(".")


def describe_value(spec: FieldSpec, value: Any, lang: str) -> str:
    """A short reading of *value* for the hint line under a field ("" when nothing to add)."""
    if value is None:
        if spec.path == "tax.annual_tax_wan":
            return (
                "= 不详（来电人不清楚）" if lang == "zh" else "= unknown (the caller does not know)"
            )
        return ""
    if spec.options is not None:
        labels = {option.code: option.label(lang) for option in spec.options}
        if isinstance(value, list):
            return "= " + "、".join(labels.get(str(c), str(c)) for c in value) if value else ""
        return f"= {labels.get(value, value)}"
    if spec.kind == "money":
        return f"= {_num(value)} 万元" if lang == "zh" else f"= {_num(value)} × 10k CNY"
    if spec.kind == "area" and hasattr(value, "min"):
        low, high = _num(value.min), _num(value.max)
        return f"= {low} ㎡" if low == high else f"= {low}–{high} ㎡"
    if spec.path == "need.land_area_mu":
        return f"= {_num(value)} 亩 ≈ {round(value * SQM_PER_MU)} ㎡"
    if spec.path == "contact.mobile" and isinstance(value, str):
        where = describe_mobile(value, lang)
        return f"{group_mobile(value)}" + (f" · {where}" if where else "")
    if spec.kind == "bool":
        if lang == "zh":
            return "= 是" if value else "= 否"
        return "= yes" if value else "= no"
    return ""
