"""Company name and unified social credit code (统一社会信用代码, GB 32100-2015).

The code's check character is computed by ``stdnum.cn.uscc``. Its ``validate`` is not used
as is because it insists on digits in the first two positions, which GB 32100-2015 allows
to be letters (registration authority ``N`` or ``Y``, for example); the structure is
checked here so each error can say which part is wrong.
"""

from __future__ import annotations

import re
from typing import Final

from intake_tui.i18n import Message
from intake_tui.parsing.raw import echo, require_text
from intake_tui.parsing.result import Invalid, Parsed, ok, parser
from intake_tui.parsing.text import collapse_spaces, refuse_hidden_characters

COMPANY_NAME_EXAMPLE: Final = "上海宝钢精密机械有限公司"
USCC_EXAMPLE: Final = "91110000600037341L"
NAME_MIN_LEN: Final = 2
NAME_MAX_LEN: Final = 100
USCC_LENGTH: Final = 18

#: Words that mark an organisational form; a name holding none of them gets a warning.
ORGANISATION_FORMS: Final[tuple[str, ...]] = (
    "有限公司",
    "有限责任公司",
    "股份有限公司",
    "股份公司",
    "集团有限公司",
    "合伙企业",
    "有限合伙",
    "普通合伙",
    "分公司",
    "子公司",
    "办事处",
    "代表处",
    "厂",
    "研究院",
    "研究所",
    "设计院",
    "事务所",
    "中心",
    "工作室",
    "合作社",
    "个体工商户",
    "商行",
    "集团",
    "Co.",
    "Ltd",
    "Limited",
    "Inc.",
    "Inc",
    "Corp",
    "Corporation",
    "LLC",
    "LLP",
    "GmbH",
    "AG",
    "S.A.",
    "B.V.",
    "Pte",
    "PLC",
)

#: Letters and digits of the code (I, O, S, V and Z are never used).
USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"

# Full-width letters and digits become half-width; full-width punctuation is kept.
_NAME_CHARACTERS: Final[dict[int, int]] = {
    code: code - 0xFEE0
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
} | {ord("("): ord("（"), ord(")"): ord("）")}
_LATIN_FORM: Final = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(re.escape(form) for form in ORGANISATION_FORMS if form.isascii())
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_CJK_FORMS: Final = tuple(form for form in ORGANISATION_FORMS if not form.isascii())
_USCC_SEPARATORS: Final = re.compile(r"[\s\-－—]+")


def normalise_company_name(text: str) -> str:
    """Trimmed, spaces collapsed, ``()`` to ``（）``, full-width letters and digits half-width."""
    return collapse_spaces(text).translate(_NAME_CHARACTERS)


def has_organisation_form(name: str) -> bool:
    """True when *name* holds an organisational form such as 有限公司 or ``Co., Ltd.``."""
    return any(form in name for form in _CJK_FORMS) or _LATIN_FORM.search(name) is not None


@parser
def parse_company_name(raw: object) -> Parsed[str]:
    """A company name of 2-100 characters; no organisational form is a warning, not an error."""
    if isinstance(raw, str):
        refuse_hidden_characters(collapse_spaces(raw))
    name = normalise_company_name(require_text(raw, expected="text", example=COMPANY_NAME_EXAMPLE))
    if not NAME_MIN_LEN <= len(name) <= NAME_MAX_LEN:
        raise Invalid(
            "parsing.company_name_length",
            length=len(name),
            min_len=NAME_MIN_LEN,
            max_len=NAME_MAX_LEN,
            example=COMPANY_NAME_EXAMPLE,
        )
    if has_organisation_form(name):
        return ok(name)
    return ok(name, Message("parsing.company_name_no_form", {"example": COMPANY_NAME_EXAMPLE}))


@parser
def parse_uscc(raw: object) -> Parsed[str]:
    """An 18-character unified social credit code, upper-cased, with a correct check character."""
    text = require_text(raw, expected="text", example=USCC_EXAMPLE)
    refuse_hidden_characters(text)
    code = _USCC_SEPARATORS.sub("", text.translate(_NAME_CHARACTERS)).upper()
    wrong = sorted({char for char in code if char not in USCC_ALPHABET})
    if wrong:
        raise Invalid(
            "parsing.uscc_characters", characters=echo(" ".join(wrong)), example=USCC_EXAMPLE
        )
    if len(code) != USCC_LENGTH:
        raise Invalid("parsing.uscc_length", length=len(code), example=USCC_EXAMPLE)
    # Positions 3-8 are the administrative division code of the registering office.
    if not code[2:8].isdigit():
        raise Invalid("parsing.uscc_region", region=code[2:8], example=USCC_EXAMPLE)
    from stdnum.cn import uscc  # on first use: start-up does not need it

    if uscc.calc_check_digit(code[:-1]) != code[-1]:
        raise Invalid("parsing.uscc_check", example=USCC_EXAMPLE)
    return ok(code)
