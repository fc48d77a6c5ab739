"""The command line: ``intake-tui [COMMAND]``; without a command it starts the TUI."""
