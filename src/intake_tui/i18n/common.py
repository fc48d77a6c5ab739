"""Catalogue entries shared by several areas (generic value shapes)."""

MESSAGES: dict[str, dict[str, str]] = {
    "value.required": {
        "zh": "必填项，不能为空",
        "en": "required; it cannot be empty",
    },
    "value.not_text": {
        "zh": "应为文字，收到的是 {found}",
        "en": "expected text, found {found}",
    },
}
