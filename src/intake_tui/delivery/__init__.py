"""Delivery of submitted inquiries to the HTTP backend: client, outcomes, backoff, sender."""
