"""Masking personal values wherever the full value is not needed (lists, logs, exports).

One set of rules for every place a person's data is shown, so that a list, a log line and
an export never disagree about what is hidden.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from intake_tui.privacy.redaction import mask_mobiles, mask_mobiles_in

MASK = "*"


def mask_mobile(mobile: str) -> str:
    """``13524678515`` → ``135****8515``; other lengths keep only the last four digits."""
    digits = mobile.strip()
    if len(digits) == 11 and digits.isdigit():
        return f"{digits[:3]}****{digits[7:]}"
    if len(digits) <= 4:
        return MASK * len(digits)
    return MASK * (len(digits) - 4) + digits[-4:]


def mask_phone(phone: str) -> str:
    """An E.164 number keeps its country code (mainland: ``+86`` and three more digits) and
    its last four digits; a shorter number only its last four."""
    text = phone.strip()
    if text.startswith("+86"):
        return "+86" + _keep_ends(text[3:])
    return _keep_ends(text)


def _keep_ends(text: str) -> str:
    """The first three and last four characters with at least two hidden between them;
    text too short for that keeps only its last four (as :func:`mask_mobile` does)."""
    if len(text) >= 9:
        return text[:3] + MASK * (len(text) - 7) + text[-4:]
    return mask_mobile(text)


def mask_name(name: str) -> str:
    """``张先生`` → ``张*``: the family name (first character) stays, the length is hidden."""
    text = name.strip()
    return f"{text[0]}{MASK}" if text else ""


def mask_email(email: str) -> str:
    """``zhang@example.com`` → ``z***@example.com``."""
    # The domain is what follows the last "@".
    local, at, domain = email.rpartition("@")
    if not at:
        return mask_name(email)
    return f"{local[:1]}***@{domain}"


def mask_text(text: str) -> str:
    """Mask every mainland mobile number found inside free text, in any spelling."""
    return mask_mobiles(text)


_FIELD_MASKS = {
    ("contact", "name"): mask_name,
    ("contact", "mobile"): mask_mobile,
    ("contact", "alt_phone"): mask_phone,
    ("contact", "email"): mask_email,
    ("contact", "wechat"): mask_name,
}


def mask_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a normalised record with the caller's personal values masked, and every
    mobile number inside any of its texts (notes, title, description, …) masked too."""
    masked = copy.deepcopy(dict(record))
    contact = masked.get("contact")
    if isinstance(contact, dict):
        for (_, key), mask in _FIELD_MASKS.items():
            value = contact.get(key)
            if isinstance(value, str) and value:
                contact[key] = mask(value)
    walked: dict[str, Any] = mask_mobiles_in(masked)
    return walked


def mask_draft(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a draft (its typed ``fields`` by dotted path) with the caller's name and
    mobile masked, and every mobile number inside any other typed text masked too."""
    masked = dict(record)
    fields = masked.get("fields")
    if isinstance(fields, dict):
        typed = dict(fields)
        for (section, key), mask in _FIELD_MASKS.items():
            value = typed.get(f"{section}.{key}")
            if isinstance(value, str) and value:
                typed[f"{section}.{key}"] = mask(value)
        masked["fields"] = typed
    walked: dict[str, Any] = mask_mobiles_in(masked)
    return walked
