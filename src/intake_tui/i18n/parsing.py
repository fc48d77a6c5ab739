"""Catalogue entries for the parsing area: key -> {"zh": ..., "en": ...}."""

MESSAGES: dict[str, dict[str, str]] = {}
