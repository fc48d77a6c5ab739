"""Use cases built on the core: reading input records, submitting, opening the runtime."""
