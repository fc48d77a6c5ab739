"""The operator's terminal interface: a thin Textual shell over the core."""
