"""The caller's mainland mobile number and a second phone number of any kind.

The mobile field is the one the hotline calls back, so it takes only a mainland mobile
number; landlines, 400/800 service numbers and foreign numbers are refused with a pointer
to the alternative-phone field, which stores any valid number in E.164 form.
"""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType
from typing import Any, Final

from intake_tui.i18n import Message
from intake_tui.parsing.raw import echo, text_or_integer
from intake_tui.parsing.result import Invalid, Parsed, ok, parser
from intake_tui.parsing.text import to_halfwidth

MOBILE_EXAMPLE: Final = "13524678515"
ALT_PHONE_EXAMPLE: Final = "021-66668888 / 400-820-8820 / +44 20 7946 0958"
#: The field that takes the numbers the mobile field refuses.
ALT_PHONE_FIELD: Final = "contact.alt_phone"

MAINLAND_MOBILE: Final = re.compile(r"1[3-9][0-9]{9}")
_ALLOWED: Final = re.compile(r"\+?[0-9\s\-.()/]+")
_SEPARATORS: Final = re.compile(r"[\s\-.()/]+")
_SERVICE_PREFIXES: Final = ("400", "800")
_COUNTRY_NAMES: Final = frozenset({"中国", "China"})


@cache
def _phonenumbers() -> ModuleType:
    """The phonenumbers library, imported on first use (the TUI's first frame needs none)."""
    import phonenumbers

    return phonenumbers


def _types(*names: str) -> frozenset[Any]:
    kinds = _phonenumbers().PhoneNumberType
    return frozenset(getattr(kinds, name) for name in names)


@parser
def parse_mobile(raw: object) -> Parsed[str]:
    """A mainland mobile number as ``1XXXXXXXXXX``; prefixes +86 / 0086 / 86 are dropped."""
    text = to_halfwidth(text_or_integer(raw, expected="phone", example=MOBILE_EXAMPLE))
    if not _ALLOWED.fullmatch(text):
        raise Invalid("parsing.mobile_letters", found=echo(text), example=MOBILE_EXAMPLE)
    digits = re.sub(r"[^0-9]", "", text)
    if text.startswith("+") and not digits.startswith("86"):
        raise Invalid("parsing.mobile_foreign", number=echo(text), field=ALT_PHONE_FIELD)
    national = _drop_country_code(digits, explicit=text.startswith("+"))
    if MAINLAND_MOBILE.fullmatch(national):
        return _checked_mobile(national)
    kind = _other_kind(national)
    if kind is not None:
        raise Invalid(kind, number=national, field=ALT_PHONE_FIELD, example=MOBILE_EXAMPLE)
    if len(national) != 11:
        raise Invalid("parsing.mobile_digit_count", count=len(national), example=MOBILE_EXAMPLE)
    raise Invalid("parsing.mobile_not_mobile", number=national, example=MOBILE_EXAMPLE)


@parser
def parse_alt_phone(raw: object) -> Parsed[str]:
    """Any valid phone number as E.164 (``+862166668888``); foreign numbers need their ``+``."""
    text = to_halfwidth(text_or_integer(raw, expected="phone", example=ALT_PHONE_EXAMPLE))
    if not _ALLOWED.fullmatch(text):
        raise Invalid("parsing.alt_phone_invalid", found=echo(text), example=ALT_PHONE_EXAMPLE)
    compact = _SEPARATORS.sub("", text)
    # 00 is the international call prefix dialled from China.
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    try:
        number = _phonenumbers().parse(compact, None if compact.startswith("+") else "CN")
    except _phonenumbers().NumberParseException:
        raise Invalid(
            "parsing.alt_phone_invalid", found=echo(text), example=ALT_PHONE_EXAMPLE
        ) from None
    e164 = _phonenumbers().format_number(number, _phonenumbers().PhoneNumberFormat.E164)
    if _phonenumbers().is_valid_number(number):
        return ok(e164)
    national = str(number.national_number)
    if number.country_code == 86 and MAINLAND_MOBILE.fullmatch(national):
        return ok(e164, _unknown_segment(national))
    raise Invalid("parsing.alt_phone_invalid", found=echo(text), example=ALT_PHONE_EXAMPLE)


def group_mobile(mobile: str) -> str:
    """``13524678515`` as ``135 2467 8515``, the way people read it aloud; other text unchanged."""
    if not MAINLAND_MOBILE.fullmatch(mobile):
        return mobile
    return f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"


def describe_mobile(mobile: str, lang: str) -> str:
    """Region and carrier of a mobile (``上海市 · 中国移动``) in *lang*; "" when unknown."""
    # Imported here: the geocoding and carrier tables are large and only this function needs them.
    from phonenumbers import carrier, geocoder

    if not MAINLAND_MOBILE.fullmatch(mobile):
        return ""
    language = "en" if lang == "en" else "zh"
    number = _phonenumbers().parse("+86" + mobile)
    region = geocoder.description_for_number(number, language)
    # For a hotline in China the country alone says nothing.
    if region in _COUNTRY_NAMES:
        region = ""
    operator = carrier.name_for_number(number, language)
    return " · ".join(part for part in (region, operator) if part)


def _drop_country_code(digits: str, *, explicit: bool) -> str:
    if explicit:
        return digits[2:]
    if digits.startswith("0086"):
        return digits[4:]
    if digits.startswith("86") and len(digits) == 13:
        return digits[2:]
    return digits


def _checked_mobile(national: str) -> Parsed[str]:
    number = _phonenumbers().parse("+86" + national)
    if not _phonenumbers().is_valid_number(number):
        return ok(national, _unknown_segment(national))
    if _phonenumbers().number_type(number) not in _types("MOBILE", "FIXED_LINE_OR_MOBILE"):
        raise Invalid("parsing.mobile_not_mobile", number=national, example=MOBILE_EXAMPLE)
    return ok(national)


def _unknown_segment(national: str) -> Message:
    return Message(
        "parsing.mobile_unknown_segment", {"prefix": national[:3], "number": group_mobile(national)}
    )


def _other_kind(national: str) -> str | None:
    """The error key when *national* is a landline or a service number, else None."""
    if national.startswith(_SERVICE_PREFIXES) and len(national) == 10:
        return "parsing.mobile_service_number"
    # A leading 0 is the trunk prefix of a Chinese area code: 021, 0571, ...
    if national.startswith("0") and 10 <= len(national) <= 12:
        return "parsing.mobile_landline"
    if not 7 <= len(national) <= 12:
        return None
    try:
        number = _phonenumbers().parse("+86" + national)
    except _phonenumbers().NumberParseException:
        return None
    if not _phonenumbers().is_valid_number(number):
        return None
    kind = _phonenumbers().number_type(number)
    if kind in _types("TOLL_FREE", "SHARED_COST"):
        return "parsing.mobile_service_number"
    if kind == _phonenumbers().PhoneNumberType.FIXED_LINE:
        return "parsing.mobile_landline"
    return None
