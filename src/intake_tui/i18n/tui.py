"""Catalogue entries for the operator's screens."""

MESSAGES: dict[str, dict[str, str]] = {
    "tui.welcome": {
        "zh": "产业招商热线来电登记",
        "en": "Investment-promotion hotline intake",
    },
}
