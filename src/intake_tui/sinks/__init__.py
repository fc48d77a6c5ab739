"""Places a submitted record is written to locally besides the store."""
