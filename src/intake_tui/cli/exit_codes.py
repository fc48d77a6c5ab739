"""Exit statuses shared by every command."""

OK = 0
#: The command did its job, but something was invalid or is left over.
PARTIAL = 1
#: Usage or configuration error: nothing was done.
USAGE = 2
INTERRUPTED = 130
