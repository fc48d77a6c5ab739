"""intake-tui: keyboard-first intake for an industrial investment-promotion hotline."""

__version__ = "0.1.0"
