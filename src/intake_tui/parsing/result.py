"""What every parser returns: a value (with warnings) or one field error.

Parsers never raise for bad input. Internally they may raise :class:`Invalid`, which
:func:`parser` turns into an error result, so the happy path reads straight through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, Generic, TypeVar

from intake_tui.i18n import Message

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    """The outcome of parsing one raw value: ``ok`` with ``value``, or ``error``."""

    value: T | None = None
    error: Message | None = None
    warnings: tuple[Message, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the raw value was accepted (warnings may still be present)."""
        return self.error is None


class Invalid(Exception):
    """Raised inside a parser to reject the value with a catalogue message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.message = Message(key, params)


def ok(value: T, *warnings: Message) -> Parsed[T]:
    """An accepted value."""
    return Parsed(value=value, warnings=tuple(warnings))


def fail(key: str, **params: Any) -> Parsed[Any]:
    """A rejected value."""
    return Parsed(error=Message(key, params))


def parser(func: Callable[..., Parsed[T]]) -> Callable[..., Parsed[T]]:
    """Turn :class:`Invalid` raised by *func* into an error result."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Parsed[T]:
        try:
            return func(*args, **kwargs)
        except Invalid as exc:
            return Parsed(error=exc.message)

    return wrapper
