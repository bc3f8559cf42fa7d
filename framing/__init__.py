"""framing: source bias and framing analysis of news.

Compare how outlets frame the same events: naming choices, loaded language by
voice, attribution, stance toward actors, readability and style, with the
character offsets of the evidence behind every number.

The public API is imported lazily, so ``import framing`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

_EXPORTS = {
    "Document": "framing.document",
    "Corpus": "framing.document",
    "Skipped": "framing.document",
    "FramingError": "framing.errors",
    "CorpusError": "framing.errors",
    "LexiconError": "framing.errors",
    "ResourceError": "framing.errors",
    "read_corpus": "framing.io",
    "read_corpora": "framing.io",
    "from_dataframe": "framing.io",
    "segment": "framing.text",
    "Segmentation": "framing.text",
    "Quotation": "framing.text",
    "Analyzer": "framing.analysis",
    "Analysis": "framing.analysis",
    "DocumentAnalysis": "framing.analysis",
    "analyze": "framing.analysis",
    "demo_corpus_path": "framing.corpora_data",
    "compare": "framing.comparison",
    "Comparison": "framing.comparison",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:
    from framing.analysis import Analysis, Analyzer, DocumentAnalysis, analyze
    from framing.comparison import Comparison, compare
    from framing.corpora_data import demo_corpus_path
    from framing.document import Corpus, Document, Skipped
    from framing.errors import CorpusError, FramingError, LexiconError, ResourceError
    from framing.io import from_dataframe, read_corpora, read_corpus
    from framing.text import Quotation, Segmentation, segment


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")
