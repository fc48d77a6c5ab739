"""What a bad configuration file reports: every problem, each by file and dotted key."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from intake_tui.i18n import Lang, Message, render


def localize(message: Message, lang: Lang) -> str:
    """Render *message* in *lang*, rendering any parameter that is itself a message."""
    params: dict[str, Any] = {
        name: localize(value, lang) if isinstance(value, Message) else value
        for name, value in message.params.items()
    }
    return render(message.key, lang, **params)


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One thing wrong with a configuration file.

    ``key`` is the dotted key (``backend.timeout_s``, ``locations[2].id``) or "" when the
    problem is with the file as a whole. ``found`` and ``expected`` are worded in the
    language the error was raised in; the optional messages let the same problem be
    worded again in another language.
    """

    file: str
    key: str
    found: str
    expected: str
    found_message: Message | None = field(default=None, compare=False, repr=False)
    expected_message: Message | None = field(default=None, compare=False, repr=False)

    @classmethod
    def worded(
        cls, file: str, key: str, found: Message, expected: Message, lang: Lang
    ) -> ConfigProblem:
        """A problem from catalogue messages, worded in *lang*."""
        return cls(file, key, localize(found, lang), localize(expected, lang), found, expected)

    def found_text(self, lang: Lang) -> str:
        """What was found, in *lang* when the problem can be reworded."""
        return localize(self.found_message, lang) if self.found_message else self.found

    def expected_text(self, lang: Lang) -> str:
        """What a right value looks like, in *lang* when the problem can be reworded."""
        return localize(self.expected_message, lang) if self.expected_message else self.expected

    def in_language(self, lang: Lang) -> ConfigProblem:
        """The same problem with ``found`` and ``expected`` worded in *lang*."""
        return replace(self, found=self.found_text(lang), expected=self.expected_text(lang))

    def line(self, lang: Lang) -> str:
        """The one-line report: file, dotted key, what was found, what is expected."""
        found, expected = self.found_text(lang), self.expected_text(lang)
        if not self.key:
            return render(
                "config.problem.file_line", lang, file=self.file, found=found, expected=expected
            )
        return render(
            "config.problem.line",
            lang,
            file=self.file,
            key=self.key,
            found=found,
            expected=expected,
        )


class ConfigError(Exception):
    """The configuration cannot be used; ``problems`` lists everything wrong at once."""

    def __init__(self, problems: Iterable[ConfigProblem], lang: Lang = "zh") -> None:
        self.lang: Lang = lang
        self.problems: list[ConfigProblem] = [p.in_language(lang) for p in problems]
        super().__init__(self.render())

    def render(self, lang: Lang | None = None) -> str:
        """One line per problem, in *lang* (default: the language the error was raised in)."""
        return "\n".join(problem.line(lang or self.lang) for problem in self.problems)

    def in_language(self, lang: Lang) -> ConfigError:
        """The same problems, worded in *lang*."""
        return ConfigError(self.problems, lang)
