"""Reusable widgets of the operator's screens; each carries its own DEFAULT_CSS."""
