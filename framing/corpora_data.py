"""Locate the corpora shipped inside the package."""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib import resources
from pathlib import Path

__all__ = ["demo_corpus_path"]


def demo_corpus_path() -> AbstractContextManager[Path]:
    """Context manager giving a filesystem path to the bundled demo corpus folder.

    >>> from framing import demo_corpus_path, read_corpus
    >>> with demo_corpus_path() as path:
    ...     corpus = read_corpus(path)
    >>> len(corpus.outlets)
    5
    """
    return resources.as_file(resources.files("framing.corpora").joinpath("demo"))
