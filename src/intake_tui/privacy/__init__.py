"""Handling callers' personal information as PIPL expects: masking by default."""
