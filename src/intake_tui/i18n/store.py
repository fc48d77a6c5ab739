"""Catalogue entries for the store area: key -> {"zh": ..., "en": ...}."""

MESSAGES: dict[str, dict[str, str]] = {}
