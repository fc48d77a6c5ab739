"""Parsers for what an operator types: one parser per kind of value, shared by every entry path."""
