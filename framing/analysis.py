"""Run the measures over documents: one pass per document, evidence spans kept.

:class:`Analyzer` segments each document once, matches every lexicon once,
then runs the registered measures over a shared :class:`DocumentContext`.
Every input document ends up as a :class:`DocumentAnalysis`, either analysed
or with the reason it was skipped.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence, Sized
from itertools import islice
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from framing.document import Corpus, Document, Skipped
from framing.measures import MEASURES, MeasureResult, get_measure
from framing.text import VOICES, Segmentation, VoiceMap, segment

if TYPE_CHECKING:
    import pandas as pd

    from framing.lexicon.matcher import Match, Matcher
    from framing.lexicon.model import Lexicon

__all__ = ["DocumentContext", "DocumentAnalysis", "Analysis", "Analyzer", "analyze"]

#: Documents longer than this many characters are skipped unless the caller
#: raises the limit (a news article is rarely over 100,000 characters).
DEFAULT_MAX_CHARS = 2_000_000


class DocumentContext:
    """Everything the measures read for one document, each part computed once.

    Parameters
    ----------
    document
        The document.
    matcher
        The compiled lexicon matcher (``None``: no lexicon matches).
    lexicons
        The lexicons the matcher was compiled from.
    measures
        Names of the measures enabled for this run.
    """

    def __init__(self, document: Document, matcher: Matcher | None = None,
                 lexicons: Sequence[Lexicon] = (), measures: Sequence[str] = ()) -> None:
        self.document = document
        self.text = document.text
        self.matcher = matcher
        self.lexicons = tuple(lexicons)
        self.measures = tuple(measures)
        self._results: dict[str, MeasureResult] = {}

    @cached_property
    def segmentation(self) -> Segmentation:
        return segment(self.text)

    @cached_property
    def matches(self) -> list[Match]:
        """All lexicon matches in the document, in text order."""
        if self.matcher is None:
            return []
        return self.matcher.find(self.text, self.segmentation.tokens)

    @cached_property
    def voice(self) -> VoiceMap:
        """Voices of the text: quotations, scare quotes and, when attribution
        runs, the content of reported speech."""
        base = self.segmentation.voice
        if "attribution" in self.measures:
            return base.overlay(self.result("attribution").reported_spans())
        return base

    def voice_of(self, offset: int) -> str:
        """The voice of the character at ``offset``."""
        return self.voice.voice_at(offset)

    @cached_property
    def tokens_by_voice(self) -> dict[str, int]:
        """Number of word tokens in each voice."""
        return self.segmentation.tokens_per_voice(self.voice)

    def result(self, name: str) -> Any:
        """The result of measure ``name`` on this document (computed once)."""
        if name not in self._results:
            self._results[name] = get_measure(name)(self)
        return self._results[name]


@dataclass(frozen=True)
class DocumentAnalysis:
    """Everything measured for one document, or why it was skipped.

    ``spans`` are JSON-ready dicts, each with ``kind``, ``start``, ``end`` and
    ``text`` (``document.text[start:end]``), in text order.
    """

    id: str
    outlet: str = ""
    event: str = ""
    skipped: str | None = None
    n_tokens: int = 0
    n_sentences: int = 0
    tokens_by_voice: dict[str, int] = field(default_factory=dict)
    spans: list[dict[str, Any]] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)
    document: Document | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The ``framing analyze --format jsonl`` object for this document."""
        out: dict[str, Any] = {
            "id": self.id, "outlet": self.outlet, "event": self.event,
            "n_tokens": self.n_tokens, "n_sentences": self.n_sentences,
            "skipped": self.skipped, "tokens_by_voice": self.tokens_by_voice,
            "spans": self.spans,
        }
        for name, result in self.results.items():
            value = result.to_json()
            if value is not None:
                out[name] = value
        return out

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Rows of every measure's tables, each row keyed by this document."""
        return self._table_rows

    @cached_property
    def _table_rows(self) -> dict[str, list[dict[str, Any]]]:
        # Built once: Analysis.table(name) asks every document once per table.
        key = {"document": self.id, "outlet": self.outlet, "event": self.event}
        out: dict[str, list[dict[str, Any]]] = {}
        for result in self.results.values():
            for table, rows in result.tables().items():
                out.setdefault(table, []).extend({**key, **row} for row in rows)
        return out

    def row(self) -> dict[str, Any]:
        """One summary row for the per-document table."""
        row: dict[str, Any] = {"document": self.id, "outlet": self.outlet, "event": self.event,
                               "skipped": self.skipped, "n_tokens": self.n_tokens,
                               "n_sentences": self.n_sentences}
        row.update({f"n_tokens_{v}": self.tokens_by_voice.get(v, 0) for v in VOICES})
        return row


class Analysis(Sequence[DocumentAnalysis]):
    """The analyses of a corpus, in input order, with tidy DataFrames."""

    def __init__(self, documents: Iterable[DocumentAnalysis]) -> None:
        self._docs = list(documents)

    def __len__(self) -> int:
        return len(self._docs)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, str):
            for doc in self._docs:
                if doc.id == i:
                    return doc
            raise KeyError(i)
        return self._docs[i]

    def __repr__(self) -> str:
        n_skipped = sum(d.skipped is not None for d in self._docs)
        return f"Analysis({len(self)} documents, {n_skipped} skipped)"

    @property
    def skipped(self) -> list[DocumentAnalysis]:
        return [d for d in self._docs if d.skipped is not None]

    def documents(self) -> pd.DataFrame:
        """One row per document: id, outlet, event, skipped reason, token counts."""
        import pandas as pd

        return pd.DataFrame([d.row() for d in self._docs])

    def table(self, name: str) -> pd.DataFrame:
        """The tidy table ``name`` (for example ``"loaded"``) over all documents."""
        import pandas as pd

        rows = [row for d in self._docs for row in d.tables().get(name, [])]
        return pd.DataFrame(rows)

    def table_names(self) -> list[str]:
        names: dict[str, None] = {}
        for d in self._docs:
            names.update(dict.fromkeys(d.tables()))
        return list(names)

    def spans(self) -> pd.DataFrame:
        """One row per evidence span: document, kind, start, end, text and its fields."""
        import pandas as pd

        return pd.DataFrame([{"document": d.id, "outlet": d.outlet, "event": d.event, **s}
                             for d in self._docs for s in d.spans])

    def to_records(self) -> list[dict[str, Any]]:
        """The JSONL objects, one per document."""
        return [d.to_dict() for d in self._docs]


def _skip(doc: Document | Skipped, reason: str) -> DocumentAnalysis:
    return DocumentAnalysis(id=doc.id, outlet=doc.outlet, event=doc.event, skipped=reason,
                            document=doc if isinstance(doc, Document) else None)


class Analyzer:
    """Runs segmentation, lexicon matching and the measures over documents.

    Parameters
    ----------
    lexicons
        Lexicon packs: names of shipped or installed packs, paths to TOML
        files, or loaded :class:`~framing.lexicon.model.Lexicon` objects.
        ``None`` loads every shipped pack.
    measures
        Names of the measures to run (default: all registered).
    max_chars
        Documents longer than this are skipped with a reason.
    n_jobs
        Worker processes (1: in this process; -1: one per core).
    progress
        Show a progress bar on stderr (default: only when stderr is a terminal).

    Examples
    --------
    >>> from framing import Document, Analyzer
    >>> doc = Document(id="d1", text='The so-called ‘peace’ plan stalled. "No deal," he said.')
    >>> result = Analyzer(lexicons=[], measures=[]).analyze([doc])
    >>> [s["kind"] for s in result[0].spans]
    ['scare_quote', 'quotation']
    """

    def __init__(self, *, lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None,
                 measures: Iterable[str] | None = None, max_chars: int = DEFAULT_MAX_CHARS,
                 n_jobs: int = 1, progress: bool | None = None) -> None:
        self.lexicons = lexicons
        self.measures = measures
        self.max_chars = max_chars
        self.n_jobs = n_jobs
        self.progress = progress

    @cached_property
    def _lexicons(self) -> tuple[Lexicon, ...]:
        from framing.lexicon.io import default_lexicons, load_lexicon
        from framing.lexicon.model import Lexicon

        if self.lexicons is None:
            return tuple(default_lexicons())
        return tuple(lex if isinstance(lex, Lexicon) else load_lexicon(lex) for lex in self.lexicons)

    @cached_property
    def _matcher(self) -> Matcher | None:
        if not self._lexicons:
            return None
        from framing.lexicon.matcher import Matcher

        return Matcher(self._lexicons)

    @cached_property
    def _measures(self) -> tuple[str, ...]:
        names = tuple(MEASURES) if self.measures is None else tuple(self.measures)
        for name in names:
            get_measure(name)  # fail early on an unknown name
        return names

    def analyze_document(self, doc: Document) -> DocumentAnalysis:
        """Analyse one document (or say why it is skipped)."""
        if not doc.text.strip():
            return _skip(doc, "empty text" if not doc.text else "whitespace-only text")
        if len(doc.text) > self.max_chars:
            return _skip(doc, f"too long: {len(doc.text):,} characters > max_chars={self.max_chars:,}")
        if "\x00" in doc.text:
            return _skip(doc, "binary content (NUL characters in text)")
        ctx = DocumentContext(doc, self._matcher, self._lexicons, self._measures)
        results = {name: ctx.result(name) for name in self._measures}
        seg = ctx.segmentation
        spans = seg.spans()
        for result in results.values():
            spans.extend(result.spans())
        spans.sort(key=lambda s: (s["start"], -s["end"], s["kind"]))
        return DocumentAnalysis(
            id=doc.id, outlet=doc.outlet, event=doc.event, n_tokens=seg.n_tokens,
            n_sentences=seg.n_sentences, tokens_by_voice=ctx.tokens_by_voice, spans=spans,
            results=results, document=doc)

    def iter_analyze(self, documents: Iterable[Document | Skipped]) -> Iterator[DocumentAnalysis]:
        """Analyse documents lazily, in input order (constant memory when streamed)."""
        items = documents
        if isinstance(documents, Corpus):
            items = [*documents, *documents.skipped]
        n_jobs = (os.cpu_count() or 1) if self.n_jobs == -1 else max(1, self.n_jobs)
        stream = iter(self._progress(items))
        if n_jobs == 1:
            for item in stream:
                yield self._analyze_item(item)
            return
        # Bounded batches keep memory flat on long streams; each worker builds
        # the compiled matcher once (initializer), not once per document.
        with ProcessPoolExecutor(max_workers=n_jobs, initializer=_init_worker,
                                 initargs=(self,)) as pool:
            while batch := list(islice(stream, 32 * n_jobs)):
                yield from pool.map(_work_item, batch, chunksize=8)

    def _analyze_item(self, item: Document | Skipped) -> DocumentAnalysis:
        if isinstance(item, Skipped):
            return _skip(item, item.reason)
        return self.analyze_document(item)

    def _progress(self, items: Iterable[Any]) -> Iterable[Any]:
        show = sys.stderr.isatty() if self.progress is None else self.progress
        if not show:
            return items
        from tqdm import tqdm

        total = len(items) if isinstance(items, Sized) else None
        return tqdm(items, total=total, unit="doc", file=sys.stderr, desc="analysing")

    def analyze(self, documents: Iterable[Document | Skipped]) -> Analysis:
        """Analyse every document; skipped inputs are kept with their reason."""
        return Analysis(self.iter_analyze(documents))

    def __getstate__(self) -> dict[str, Any]:
        # Worker processes rebuild the compiled matcher once, from the loaded packs.
        state = dict(self.__dict__)
        state.pop("_matcher", None)
        return state


_worker_analyzer: Analyzer | None = None  # set in each worker process only


def _init_worker(analyzer: Analyzer) -> None:
    global _worker_analyzer
    _worker_analyzer = analyzer


def _work_item(item: Document | Skipped) -> DocumentAnalysis:
    assert _worker_analyzer is not None
    return _worker_analyzer._analyze_item(item)


def analyze(documents: Iterable[Document | Skipped], **options: Any) -> Analysis:
    """Analyse documents with an :class:`Analyzer` built from ``options``."""
    return Analyzer(**options).analyze(documents)

