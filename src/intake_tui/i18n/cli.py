"""Catalogue entries for the cli area: key -> {"zh": ..., "en": ...}."""

MESSAGES: dict[str, dict[str, str]] = {}
