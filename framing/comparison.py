"""Compare outlets on the same events: tidy tables with intervals and flags.

:func:`compare` groups analysed documents by event and by outlet (or another
document field, ``by=``) and builds one pandas DataFrame per comparison:

``documents``
    One row per input document: event, group, title, token counts, and why
    it was skipped if it was.
``groups``
    One row per (event, group): documents and tokens, ``small_group``.
``naming``
    One row per (event, group, family, variant): ``count`` (all voices),
    ``authorial`` (the outlet's own voice), ``share`` and ``authorial_share``
    of the family's mentions in that group, ``n_documents`` using the
    variant, and ``examples``: up to ``max_examples`` evidence spans, each a
    dict with the document, the span offsets and text, and the sentence
    around it (text and offsets).
``loaded``
    One row per (event, group, voice): loaded terms per 1,000 tokens of that
    voice (``per_1k``), with a percentile bootstrap interval over documents
    (``ci_low``, ``ci_high``; :func:`framing.stats.bootstrap_ratio`).
``loaded_categories``
    One row per (event, group, voice, category, polarity): count and density.
``attribution``
    One row per (event, group): attributions, the share of each kind
    (``kind_direct`` ...), of each verb class (``verb_neutral`` ...), of each
    source type (``source_anonymous`` ...) and ``anonymous_share``.
``speakers``, ``quoted_targets``
    The most quoted speakers and targets per (event, group), with the verb
    classes used for them.
``stance``
    One row per (event, group, target, voice): the evidence-weighted mean of
    the documents' stance scores (``score``: sum of score x evidence over sum
    of evidence, i.e. pooled over evidence sentences) with a bootstrap
    interval over documents, ``n_evidence``, ``n_documents``.
``terms``
    The terms that most distinguish each group from the rest of the event:
    weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi
    and Quinn 2008; :func:`framing.stats.log_odds_dirichlet`), the prior being
    the counts of all groups of that event together; authorial unigrams and
    bigrams counted as in :mod:`framing.lexicon.induce` (a unigram found only
    inside a higher-ranked bigram, and terms made only of the words of the
    group's own name, such as an outlet naming itself, are left out).
``style``
    One row per (event, group): mean readability, sentence length, sentiment
    (with a bootstrap interval for the mean compound score), hedges,
    intensifiers and quotation share.

Every table has an ``event`` column and a column named after ``by``
(``outlet`` by default). When more than one event is compared, rows with
``event == ALL_EVENTS`` pool all events. Every table carries ``small_group``
(the group has fewer than ``min_documents`` documents) and ``low_evidence``
(too few tokens, spans or evidence behind the number): small samples are
flagged, never hidden. A table whose measure did not run is absent.

(This module is ``framing.comparison`` rather than ``framing.compare``: a
submodule named like the function would replace ``framing.compare`` on the
package as soon as it was imported.)
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from framing.analysis import Analysis, Analyzer, DocumentAnalysis
from framing.document import Document
from framing.errors import CorpusError
from framing.text import AUTHORIAL, VOICES

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from framing.lexicon.model import Lexicon

__all__ = ["ALL_EVENTS", "Comparison", "compare"]

#: The ``event`` value of rows that pool all compared events.
ALL_EVENTS = "(all events)"
#: A voice of which a group has fewer word tokens gives a ``low_evidence`` density.
MIN_VOICE_TOKENS = 100
#: Verb classes, attribution kinds and source types listed first when present.
_VERB_CLASSES = ("neutral", "distancing", "endorsing", "factive", "evaluative")
_ATTRIBUTION_KINDS = ("direct", "partial", "indirect", "according-to")
#: Style columns averaged per group, in display order (absent ones are left out).
STYLE_COLUMNS: tuple[str, ...] = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall",
    "coleman_liau", "sentence_length_mean", "sentiment_compound_mean",
    "sentiment_positive_share", "sentiment_negative_share", "hedges_per_1k",
    "intensifiers_per_1k", "quote_share_tokens",
)
_DOCUMENT_FIELDS = {f.name for f in fields(Document)} - {"text", "meta", "source"}


@dataclass(frozen=True)
class _Options:
    by: str
    min_documents: int
    min_evidence: int
    max_examples: int
    top_terms: int
    min_term_count: int
    top_speakers: int
    n_boot: int
    level: float
    seed: int


@dataclass
class _Group:
    """The documents of one (event, group) cell."""

    event: str
    name: str
    docs: list[DocumentAnalysis]


@dataclass
class _Inputs:
    """What every table builder reads: the analysed documents, their groups and rows."""

    docs: list[DocumentAnalysis]
    groups: list[_Group]
    opts: _Options
    rows: dict[str, dict[str, list[dict[str, Any]]]]  # doc id -> table name -> rows


@dataclass
class Comparison:
    """Outlets compared on the same events: tidy tables and the analysis behind them.

    Build one with :func:`compare`. ``tables`` maps a table name to a pandas
    DataFrame (see :mod:`framing.comparison` for the columns); a table whose
    measure did not run is absent.

    Attributes
    ----------
    tables
        The comparison tables by name.
    analysis
        The per-document analysis the tables were computed from (its spans
        are the evidence the reports link to).
    by
        The document field the groups are made of (``"outlet"``).
    events
        The compared events, in order of first appearance.
    options
        The thresholds and bootstrap settings used.
    """

    tables: dict[str, pd.DataFrame]
    analysis: Analysis
    by: str = "outlet"
    events: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __repr__(self) -> str:
        return (f"Comparison(by={self.by!r}, {len(self.events)} events, "
                f"tables={list(self.tables)})")

    @property
    def groups(self) -> list[str]:
        """The compared groups (outlets), in order of first appearance."""
        table = self.tables.get("groups")
        if table is None or table.empty:
            return []
        return list(dict.fromkeys(table[self.by]))

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready values: settings and each table as a list of rows."""
        from framing import __version__
        from framing.io import _jsonable

        return {
            "framing_version": __version__, "by": self.by, "events": list(self.events),
            "all_events": ALL_EVENTS, "options": dict(self.options),
            "tables": {name: _jsonable(table) for name, table in self.tables.items()},
        }

    def to_json(self, path: str | os.PathLike[str]) -> None:
        """Write all tables to one JSON file (``{"tables": {name: [rows]}, ...}``).

        The numbers are those of the DataFrames, unrounded; NaN becomes ``null``.
        """
        from framing.io import write_json

        write_json(self.to_dict(), path)

    def to_csv(self, folder: str | os.PathLike[str]) -> list[str]:
        """Write one CSV file per table into ``folder`` (created if needed).

        Lists and dicts in cells (naming ``examples``) are written as JSON.

        Returns
        -------
        list of str
            The paths written.
        """
        from framing.io import write_csv

        os.makedirs(folder, exist_ok=True)
        written = []
        for name, table in self.tables.items():
            path = os.path.join(folder, f"{name}.csv")
            write_csv(table, path)
            written.append(path)
        return written

    def to_html(self, path: str | os.PathLike[str], *, title: str | None = None,
                max_documents: int | None = 200) -> None:
        """Write the self-contained HTML report (inline CSS and SVG charts, no scripts).

        Parameters
        ----------
        path
            The HTML file to write.
        title
            Title of the page.
        max_documents
            Include the highlighted texts of at most this many documents (the
            first ones; ``None``: all). The tables always cover every document.
        """
        from framing.report.html import write_html

        write_html(self, path, title=title, max_documents=max_documents)

    def to_markdown(self, path: str | os.PathLike[str], *, title: str | None = None) -> None:
        """Write the Markdown report: the same tables as pipe tables."""
        from framing.report.markdown import write_markdown

        write_markdown(self, path, title=title)


def compare(data: Analysis | Iterable[DocumentAnalysis] | Iterable[Document], by: str = "outlet",
            events: Iterable[str] | None = None,
            lexicons: Iterable[str | os.PathLike[str] | Lexicon] | None = None, *,
            measures: Iterable[str] | None = None, min_documents: int = 3,
            min_evidence: int = 3, max_examples: int = 3, top_terms: int = 10,
            min_term_count: int = 2, top_speakers: int = 5, n_boot: int = 2000,
            level: float = 0.95, seed: int = 0, n_jobs: int = 1,
            progress: bool | None = None) -> Comparison:
    """Compare groups of documents (outlets) on the same events.

    Parameters
    ----------
    data
        An :class:`~framing.analysis.Analysis` (or its document analyses), or
        documents (a :class:`~framing.document.Corpus`), which are analysed
        first with ``lexicons`` and ``measures``.
    by
        The document field whose values are compared: ``"outlet"``, another
        field (``"byline"``) or a metadata key.
    events
        Event ids to compare (default: all). Documents are grouped by event.
    lexicons
        Lexicon packs for the analysis (names, paths or loaded lexicons;
        default: all shipped packs). Only used when ``data`` holds documents.
    measures
        Measures to run when analysing (default: all).
    min_documents
        A group with fewer documents is flagged ``small_group``.
    min_evidence
        A number resting on fewer evidence spans is flagged ``low_evidence``.
    max_examples
        Example sentences kept per naming variant.
    top_terms
        Distinguishing terms kept per group.
    min_term_count
        A distinguishing term occurs at least this often in the group.
    top_speakers
        Speakers and quoted targets kept per group.
    n_boot, level, seed
        Bootstrap resamples, interval coverage and random seed.
    n_jobs, progress
        Worker processes and progress bar of the analysis.

    Returns
    -------
    Comparison
        The tables, with the analysis behind them.

    Raises
    ------
    CorpusError
        When an event in ``events`` has no analysed document.

    Examples
    --------
    >>> import framing
    >>> docs = [framing.Document(id=f"{o}-{i}", text="The regime and the plan.", outlet=o,
    ...                          event="e1") for o in ("a", "b") for i in range(3)]
    >>> result = framing.compare(docs, lexicons=[])
    >>> result.tables["groups"][["event", "outlet", "n_documents", "small_group"]].values.tolist()
    [['e1', 'a', 3, False], ['e1', 'b', 3, False]]
    """
    check_by(by)
    analysis = _as_analysis(data, lexicons=lexicons, measures=measures, n_jobs=n_jobs,
                            progress=progress)
    opts = _Options(by, min_documents, min_evidence, max_examples, top_terms, min_term_count,
                    top_speakers, n_boot, level, seed)
    wanted = None if events is None else list(dict.fromkeys(events))
    analysed = [d for d in analysis if d.skipped is None]
    present = list(dict.fromkeys(d.event for d in analysed))
    if wanted is not None:
        missing = [e for e in wanted if e not in present]
        if missing:
            raise CorpusError(f"event {missing[0]!r} has no analysed documents "
                              f"(events in the corpus: {', '.join(map(repr, present)) or 'none'})")
        present = [e for e in present if e in wanted]
        analysed = [d for d in analysed if d.event in wanted]
    if by not in _DOCUMENT_FIELDS and analysed and not any(
            d.document is not None and by in d.document.meta for d in analysed):
        raise CorpusError(f"by={by!r}: no document has this field (expected a document field "
                          f"such as 'outlet' or 'byline', or a metadata column)")
    groups = _make_groups(analysed, present, opts)
    tables = _build_tables(analysis, analysed, groups, opts, wanted)
    return Comparison(tables=tables, analysis=analysis, by=by, events=present,
                      options={k: v for k, v in opts.__dict__.items() if k != "by"})


# ---------------------------------------------------------------------------
# Inputs and groups


def check_by(by: str) -> None:
    """Raise ValueError unless ``by`` can name the groups of a comparison."""
    if not isinstance(by, str) or not by or by in ("event", "id", "text", "meta", "source"):
        raise ValueError(f"by={by!r}: expected a document field such as 'outlet' or "
                         f"'byline', or a metadata key (not event, id, text, meta or source)")


def _as_analysis(data: Any, **options: Any) -> Analysis:
    if isinstance(data, Analysis):
        return data
    if isinstance(data, (str, bytes, os.PathLike)):
        raise TypeError("compare() takes an Analysis or documents, not a path; "
                        "read it first with framing.read_corpus(path)")
    items = data if isinstance(data, Sequence) else list(data)
    if items and all(isinstance(d, DocumentAnalysis) for d in items):
        return Analysis(items)
    return Analyzer(lexicons=options["lexicons"], measures=options["measures"],
                    n_jobs=options["n_jobs"], progress=options["progress"]).analyze(items)


def group_value(doc: DocumentAnalysis, by: str) -> str:
    """The value of field ``by`` (``outlet``, a document field or a metadata key) of ``doc``."""
    if by == "outlet":
        return doc.outlet
    source = doc.document
    if source is None:
        return ""
    value = getattr(source, by) if by in _DOCUMENT_FIELDS else source.meta.get(by, "")
    return "" if value is None else str(value)


def _make_groups(docs: list[DocumentAnalysis], events: list[str], opts: _Options) -> list[_Group]:
    """(event, group) cells in order of first appearance; pooled cells when several events."""
    cells: dict[tuple[str, str], list[DocumentAnalysis]] = {}
    for doc in docs:
        cells.setdefault((doc.event, group_value(doc, opts.by)), []).append(doc)
    names = list(dict.fromkeys(name for _, name in cells))
    out = [_Group(event, name, cells[event, name]) for event in events for name in names
           if (event, name) in cells]
    if len(events) > 1:
        for name in names:
            out.append(_Group(ALL_EVENTS, name,
                              [d for d in docs if group_value(d, opts.by) == name]))
    return out


def _by_event(groups: list[_Group]) -> Iterator[tuple[str, list[_Group]]]:
    events = list(dict.fromkeys(g.event for g in groups))
    for event in events:
        yield event, [g for g in groups if g.event == event]


def _ran(docs: Iterable[DocumentAnalysis], measure: str) -> bool:
    return any(measure in d.results for d in docs)


def _flags(group: _Group, opts: _Options, low_evidence: bool) -> dict[str, Any]:
    return {"n_group_documents": len(group.docs),
            "small_group": len(group.docs) < opts.min_documents,
            "low_evidence": bool(low_evidence)}


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(dict.fromkeys(
        [*columns, *(k for row in rows for k in row)])))
    return frame


def _build_tables(analysis: Analysis, docs: list[DocumentAnalysis], groups: list[_Group],
                  opts: _Options, events: list[str] | None) -> dict[str, pd.DataFrame]:
    tables: dict[str, pd.DataFrame] = {
        "documents": _documents_table(analysis, opts, events),
        "groups": _groups_table(groups, opts),
    }
    data = _Inputs(docs, groups, opts, {d.id: d.tables() for d in docs})
    for measure, builder in _BUILDERS:
        if measure is None or _ran(docs, measure):
            tables.update(builder(data))
    return tables


# ---------------------------------------------------------------------------
# documents, groups


def _documents_table(analysis: Analysis, opts: _Options,
                     events: list[str] | None) -> pd.DataFrame:
    rows = []
    for doc in analysis:
        if events is not None and doc.event not in events:
            continue
        source = doc.document
        rows.append({"document": doc.id, "event": doc.event, opts.by: group_value(doc, opts.by),
                     "title": _title(source), "published": source.published if source else "",
                     "n_tokens": doc.n_tokens, "n_sentences": doc.n_sentences,
                     "skipped": doc.skipped})
    return _frame(rows, ["document", "event", opts.by, "title", "published", "n_tokens",
                         "n_sentences", "skipped"])


def _title(doc: Document | None) -> str:
    """The document's title, or its first line (a headline) shortened."""
    if doc is None:
        return ""
    if doc.title:
        return doc.title
    first = doc.text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= 120 else first[:119].rstrip() + "…"


def _groups_table(groups: list[_Group], opts: _Options) -> pd.DataFrame:
    rows = [{"event": g.event, opts.by: g.name, "n_documents": len(g.docs),
             "n_tokens": sum(d.n_tokens for d in g.docs),
             "documents": [d.id for d in g.docs],
             "small_group": len(g.docs) < opts.min_documents} for g in groups]
    return _frame(rows, ["event", opts.by, "n_documents", "n_tokens", "documents", "small_group"])


# ---------------------------------------------------------------------------
# naming


class _Sentences:
    """Sentence offsets of documents, split once per document on demand."""

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}

    def around(self, doc: DocumentAnalysis, start: int, end: int) -> tuple[int, int]:
        import numpy as np

        from framing.text import split_sentences

        assert doc.document is not None
        spans = self._cache.get(doc.id)
        if spans is None:
            spans = self._cache[doc.id] = split_sentences(doc.document.text)
        k = int(np.searchsorted(spans[:, 0], start, side="right")) - 1
        if k >= 0 and start < spans[k, 1]:
            return int(spans[k, 0]), int(max(spans[k, 1], end))
        return start, end


def _example(doc: DocumentAnalysis, span: dict[str, Any], sentences: _Sentences) -> dict[str, Any]:
    s_start, s_end = sentences.around(doc, span["start"], span["end"])
    text = doc.document.text if doc.document is not None else ""
    return {"document": doc.id, "start": span["start"], "end": span["end"], "text": span["text"],
            "voice": span.get("voice", ""), "sentence_start": s_start, "sentence_end": s_end,
            "sentence": text[s_start:s_end]}


def _naming_tables(data: _Inputs) -> dict[str, pd.DataFrame]:
    docs, groups, opts = data.docs, data.groups, data.opts
    # Per document: (family, variant) -> counts by voice, and the spans as evidence.
    counts: dict[str, dict[tuple[str, str], Counter[str]]] = {}
    evidence: dict[str, dict[tuple[str, str], list[dict[str, Any]]]] = {}
    info: dict[tuple[str, str], tuple[str, str]] = {}  # (family, variant) -> referent, perspective
    for doc in docs:
        mine: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for row in data.rows[doc.id].get("naming", []):
            mine[row["family"], row["variant"]][row["voice"]] += row["count"]
            info[row["family"], row["variant"]] = (row.get("referent", ""),
                                                  row.get("perspective", ""))
        counts[doc.id] = mine
        spans: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for span in doc.spans:
            if span.get("kind") == "term" and span.get("category_kind") == "naming":
                spans[span["category"], span["term"]].append(span)
        evidence[doc.id] = spans
    sentences = _Sentences()
    rows: list[dict[str, Any]] = []
    for group in groups:
        per_variant: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        users: dict[tuple[str, str], list[DocumentAnalysis]] = defaultdict(list)
        for doc in group.docs:
            for key, voices in counts[doc.id].items():
                per_variant[key].update(voices)
                users[key].append(doc)
        family_total: Counter[str] = Counter()
        family_authorial: Counter[str] = Counter()
        for (family, _), voices in per_variant.items():
            family_total[family] += sum(voices.values())
            family_authorial[family] += voices[AUTHORIAL]
        for (family, variant), voices in sorted(
                per_variant.items(), key=lambda kv: (kv[0][0], -sum(kv[1].values()), kv[0][1])):
            total, authorial = sum(voices.values()), voices[AUTHORIAL]
            found = [(d, s) for d in users[family, variant]
                     for s in evidence[d.id].get((family, variant), [])]
            found.sort(key=lambda ds: ds[1].get("voice") != AUTHORIAL)  # authorial first
            referent, perspective = info[family, variant]
            rows.append({
                "event": group.event, opts.by: group.name, "family": family,
                "referent": referent, "variant": variant, "perspective": perspective,
                "count": total, "authorial": authorial,
                "share": total / family_total[family],
                "authorial_share": (authorial / family_authorial[family]
                                    if family_authorial[family] else float("nan")),
                "family_count": family_total[family],
                "n_documents": len(users[family, variant]),
                "examples": [_example(d, s, sentences) for d, s in found[:opts.max_examples]],
                **_flags(group, opts, family_total[family] < opts.min_evidence),
            })
    columns = ["event", opts.by, "family", "referent", "variant", "perspective", "count",
               "authorial", "share", "authorial_share", "family_count", "n_documents",
               "examples", "n_group_documents", "small_group", "low_evidence"]
    return {"naming": _frame(rows, columns)}


# ---------------------------------------------------------------------------
# loaded


def _loaded_tables(data: _Inputs) -> dict[str, pd.DataFrame]:
    docs, groups, opts = data.docs, data.groups, data.opts
    from framing.stats import bootstrap_ratio

    # doc id -> voice -> Counter(polarity); and category rows
    by_voice: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    categories: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    for doc in docs:
        for row in data.rows[doc.id].get("loaded", []):
            by_voice[doc.id][row["voice"]][row["polarity"]] += row["count"]
            categories[doc.id][row["voice"], row["category"], row["polarity"]] += row["count"]
    rows: list[dict[str, Any]] = []
    cat_rows: list[dict[str, Any]] = []
    for group in groups:
        for voice in VOICES:
            tokens = [float(d.tokens_by_voice.get(voice, 0)) for d in group.docs]
            if sum(tokens) == 0:
                continue
            polarity: Counter[str] = Counter()
            for d in group.docs:
                polarity.update(by_voice[d.id][voice])
            counts = [float(sum(by_voice[d.id][voice].values())) for d in group.docs]
            est = bootstrap_ratio(counts, tokens, scale=1000.0, n_boot=opts.n_boot,
                                  level=opts.level, seed=opts.seed)
            rows.append({
                "event": group.event, opts.by: group.name, "voice": voice,
                "count": sum(counts), "negative": polarity["negative"],
                "positive": polarity["positive"], "neutral": polarity["neutral"],
                "tokens": sum(tokens), "per_1k": est.estimate, "ci_low": est.low,
                "ci_high": est.high, "n_documents": len(group.docs),
                **_flags(group, opts, sum(tokens) < MIN_VOICE_TOKENS),
            })
            per_cat: Counter[tuple[str, str]] = Counter()
            for d in group.docs:
                for (v, category, sign), n in categories[d.id].items():
                    if v == voice:
                        per_cat[category, sign] += n
            for (category, sign), n in sorted(per_cat.items(), key=lambda kv: (-kv[1], kv[0])):
                cat_rows.append({
                    "event": group.event, opts.by: group.name, "voice": voice,
                    "category": category, "polarity": sign, "count": n,
                    "tokens": sum(tokens), "per_1k": 1000.0 * n / sum(tokens),
                    **_flags(group, opts, n < opts.min_evidence or sum(tokens) < MIN_VOICE_TOKENS),
                })
    loaded_columns = ["event", opts.by, "voice", "count", "negative", "positive", "neutral",
                      "tokens", "per_1k", "ci_low", "ci_high", "n_documents",
                      "n_group_documents", "small_group", "low_evidence"]
    category_columns = ["event", opts.by, "voice", "category", "polarity", "count", "tokens",
                        "per_1k", "n_group_documents", "small_group", "low_evidence"]
    return {"loaded": _frame(rows, loaded_columns),
            "loaded_categories": _frame(cat_rows, category_columns)}


# ---------------------------------------------------------------------------
# attribution


def _speaker(span: dict[str, Any]) -> str:
    for key in ("speaker_normalized", "normalized_speaker", "speaker"):
        value = span.get(key)
        if value:
            return str(value)
    return "(unnamed)"


def _ordered(values: Iterable[str], known: Sequence[str]) -> list[str]:
    seen = set(values)
    return [v for v in known if v in seen] + sorted(seen - set(known))


def _attribution_tables(data: _Inputs) -> dict[str, pd.DataFrame]:
    docs, groups, opts = data.docs, data.groups, data.opts
    spans = {d.id: [s for s in d.spans if s.get("kind") == "attribution"] for d in docs}
    every = [s for ss in spans.values() for s in ss]
    kinds = _ordered((str(s.get("attribution_kind") or "") for s in every), _ATTRIBUTION_KINDS)
    classes = _ordered((str(s.get("verb_class") or "") for s in every), _VERB_CLASSES)
    sources = _ordered((str(s.get("source_type") or "") for s in every), ("anonymous",))
    rows: list[dict[str, Any]] = []
    speaker_rows: list[dict[str, Any]] = []
    target_rows: list[dict[str, Any]] = []
    for group in groups:
        found = [s for d in group.docs for s in spans[d.id]]
        n = len(found)
        tokens = sum(d.n_tokens for d in group.docs)

        def share(key: str, value: str, found: list[dict[str, Any]] = found, n: int = n) -> float:
            return sum(str(s.get(key) or "") == value for s in found) / n if n else float("nan")

        row: dict[str, Any] = {"event": group.event, opts.by: group.name, "n_attributions": n,
                               "per_1k_tokens": 1000.0 * n / tokens if tokens else float("nan"),
                               "anonymous_share": share("source_type", "anonymous")}
        row.update({f"kind_{k or 'unknown'}": share("attribution_kind", k) for k in kinds})
        row.update({f"verb_{c or 'unknown'}": share("verb_class", c) for c in classes})
        row.update({f"source_{t or 'unknown'}": share("source_type", t) for t in sources})
        rows.append({**row, **_flags(group, opts, n < opts.min_evidence)})
        flags = _flags(group, opts, n < opts.min_evidence)
        for key, out in (("speaker", speaker_rows), ("target", target_rows)):
            tally: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for s in found:
                name = _speaker(s) if key == "speaker" else str(s.get("target") or "")
                if name:
                    tally[name].append(s)
            ranked = sorted(tally.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            for rank, (name, said) in enumerate(ranked[:opts.top_speakers], 1):
                entry: dict[str, Any] = {"event": group.event, opts.by: group.name, "rank": rank,
                                         key: name, "count": len(said), "share": len(said) / n}
                if key == "speaker":
                    entry["target"] = Counter(str(s.get("target") or "")
                                              for s in said).most_common(1)[0][0]
                    entry["source_type"] = Counter(str(s.get("source_type") or "")
                                                   for s in said).most_common(1)[0][0]
                entry["verb_classes"] = dict(Counter(str(s.get("verb_class") or "")
                                                     for s in said).most_common())
                entry["verbs"] = dict(Counter(str(s.get("verb") or "")
                                              for s in said).most_common())
                out.append({**entry, **flags})
    base = ["event", opts.by]
    tail = ["n_group_documents", "small_group", "low_evidence"]
    return {
        "attribution": _frame(rows, [*base, "n_attributions", "per_1k_tokens", "anonymous_share"]),
        "speakers": _frame(speaker_rows, [*base, "rank", "speaker", "target", "source_type",
                                          "count", "share", "verb_classes", "verbs", *tail]),
        "quoted_targets": _frame(target_rows, [*base, "rank", "target", "count", "share",
                                               "verb_classes", "verbs", *tail]),
    }


# ---------------------------------------------------------------------------
# stance


def _stance_tables(data: _Inputs) -> dict[str, pd.DataFrame]:
    docs, groups, opts = data.docs, data.groups, data.opts
    from framing.stats import bootstrap_ratio

    per_doc: dict[str, list[dict[str, Any]]] = {d.id: data.rows[d.id].get("stance", []) for d in docs}
    rows: list[dict[str, Any]] = []
    for group in groups:
        found = [r for d in group.docs for r in per_doc[d.id]]
        keys = list(dict.fromkeys((str(r["target"]), str(r["voice"])) for r in found))
        for target, voice in sorted(keys, key=lambda k: (k[1] != AUTHORIAL, k[1], k[0])):
            mine = [r for r in found if r["target"] == target and r["voice"] == voice]
            scores = [_number(r.get("score")) for r in mine]
            weights = [_number(r.get("n_evidence")) for r in mine]
            usable = [(s, w) for s, w in zip(scores, weights) if math.isfinite(s) and w > 0]
            n_evidence = int(sum(w for _, w in usable))
            n_mentions = sum(int(_number(r.get("n_mentions")) or 0) for r in mine
                             if math.isfinite(_number(r.get("n_mentions"))))
            est = bootstrap_ratio([s * w for s, w in usable], [w for _, w in usable],
                                  n_boot=opts.n_boot, level=opts.level, seed=opts.seed)
            rows.append({
                "event": group.event, opts.by: group.name, "target": target, "voice": voice,
                "score": est.estimate, "ci_low": est.low, "ci_high": est.high,
                "n_evidence": n_evidence, "n_mentions": n_mentions, "n_documents": len(mine),
                "documents": [r["document"] for r in mine],
                **_flags(group, opts, n_evidence < opts.min_evidence),
            })
    columns = ["event", opts.by, "target", "voice", "score", "ci_low", "ci_high", "n_evidence",
               "n_mentions", "n_documents", "documents", "n_group_documents", "small_group", "low_evidence"]
    return {"stance": _frame(rows, columns)}


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


# ---------------------------------------------------------------------------
# distinguishing terms


def _terms_tables(data: _Inputs) -> dict[str, pd.DataFrame]:
    docs, groups, opts = data.docs, data.groups, data.opts
    from framing.lexicon.induce import Candidate, _ngrams, _stop_words
    from framing.stats import log_odds_dirichlet

    stop = _stop_words()
    voices = frozenset({AUTHORIAL})
    grams = {d.id: _ngrams(d.document, voices, stop) for d in docs if d.document is not None}
    rows: list[dict[str, Any]] = []
    for _, cells in _by_event(groups):
        if len(cells) < 2:
            continue
        for group in cells:
            own: Counter[str] = Counter()
            doc_freq: Counter[str] = Counter()
            for d in group.docs:
                own.update(grams.get(d.id, {}))
                doc_freq.update(grams.get(d.id, {}).keys())
            rest: Counter[str] = Counter()
            for other in cells:
                if other is not group:
                    for d in other.docs:
                        rest.update(grams.get(d.id, {}))
            if not own or not rest or len(own.keys() | rest.keys()) < 2:
                continue  # nothing to contrast (log-odds need two terms or more)
            result = log_odds_dirichlet(own, rest)  # prior: own + rest, the event's counts
            own_name = set(re.split(r"[\W_]+", group.name.lower()))
            candidates = [
                Candidate(str(t), float(z), float(delta), int(a), int(b), doc_freq[str(t)])
                for t, z, delta, a, b in zip(result.terms, result.z, result.delta,
                                             result.count_a, result.count_b)
                if a >= opts.min_term_count and z > 0
                and not set(str(t).lower().split()) <= own_name]
            candidates.sort(key=lambda c: (-c.z, c.term))
            for rank, c in enumerate(_top_terms(candidates, opts.top_terms), 1):
                rows.append({"event": group.event, opts.by: group.name, "rank": rank,
                             "term": c.term, "z": c.z, "delta": c.delta, "count": c.count_outlet,
                             "count_rest": c.count_rest, "n_documents": c.n_documents,
                             **_flags(group, opts, c.count_outlet < opts.min_evidence)})
    columns = ["event", opts.by, "rank", "term", "z", "delta", "count", "count_rest",
               "n_documents", "n_group_documents", "small_group", "low_evidence"]
    return {"terms": _frame(rows, columns)}


def _top_terms(candidates: list[Any], top: int) -> list[Any]:
    """The first ``top`` candidates once unigrams inside better bigrams are dropped.

    :func:`~framing.lexicon.induce._drop_contained` compares each candidate with
    those kept before it, so it runs on a growing prefix of the ranking rather
    than on every term of a large corpus.
    """
    from framing.lexicon.induce import _drop_contained

    size = 4 * top
    while True:
        kept = _drop_contained(candidates[:size])
        if len(kept) >= top or size >= len(candidates):
            return kept[:top]
        size *= 2


# ---------------------------------------------------------------------------
# style


def _style_tables(data: _Inputs) -> dict[str, pd.DataFrame]:
    docs, groups, opts = data.docs, data.groups, data.opts
    import numpy as np

    from framing.stats import bootstrap_ratio

    per_doc = {d.id: (data.rows[d.id].get("style") or [{}])[0] for d in docs}
    present = [c for c in STYLE_COLUMNS if any(c in row for row in per_doc.values())]
    rows: list[dict[str, Any]] = []
    for group in groups:
        values = [per_doc[d.id] for d in group.docs]
        row: dict[str, Any] = {"event": group.event, opts.by: group.name,
                               "n_documents": len(group.docs)}
        for column in present:
            numbers = [_number(v.get(column)) for v in values]
            finite = [x for x in numbers if np.isfinite(x)]
            row[column] = float(np.mean(finite)) if finite else float("nan")
        if "sentiment_compound_mean" in present:
            finite = [x for x in (_number(v.get("sentiment_compound_mean")) for v in values)
                      if np.isfinite(x)]
            est = bootstrap_ratio(finite, [1.0] * len(finite), n_boot=opts.n_boot,
                                  level=opts.level, seed=opts.seed)
            row["sentiment_ci_low"], row["sentiment_ci_high"] = est.low, est.high
        low = any(bool(v.get("low_evidence")) for v in values)
        rows.append({**row, **_flags(group, opts, low)})
    return {"style": _frame(rows, ["event", opts.by, "n_documents", *present])}


#: Table builders and the measure each needs (None: always built).
_BUILDERS: tuple[tuple[str | None, Callable[[_Inputs], dict[str, pd.DataFrame]]], ...] = (
    ("naming", _naming_tables),
    ("loaded", _loaded_tables),
    ("attribution", _attribution_tables),
    ("stance", _stance_tables),
    (None, _terms_tables),
    ("style", _style_tables),
)
