"""Catalogue entries for the record area: key -> {"zh": ..., "en": ...}."""

MESSAGES: dict[str, dict[str, str]] = {}
