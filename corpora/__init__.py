"""Corpora shipped with framing (package data, read with importlib.resources)."""
