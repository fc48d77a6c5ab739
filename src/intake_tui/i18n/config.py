"""Catalogue entries for the config area: key -> {"zh": ..., "en": ...}."""

MESSAGES: dict[str, dict[str, str]] = {}
