"""One error hierarchy for the library.

Every error names the bad value, where it came from (file and line, or
document id) and what was expected. Each class also inherits the builtin
exception a caller would naturally catch.
"""

from __future__ import annotations


class FramingError(Exception):
    """Base class of every error raised by framing."""


class CorpusError(FramingError, ValueError):
    """A corpus file or record is malformed (names file, line and document id)."""


class LexiconError(FramingError, ValueError):
    """A lexicon pack is malformed or cannot be found (names file and line)."""


class ResourceError(FramingError, RuntimeError):
    """A resource the library ships with is missing or unreadable."""
