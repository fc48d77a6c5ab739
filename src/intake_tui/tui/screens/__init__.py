"""The operator's screens: capture, review, history, drafts, help."""
