"""Suggest lexicon terms that distinguish one outlet from the others.

Counts word unigrams and bigrams (inside sentences, in the chosen voices) per
outlet, then ranks them by the weighted log-odds of the outlet against every
other outlet with an informative Dirichlet prior (Monroe, Colaresi and Quinn
2008); see :func:`framing.stats.log_odds_dirichlet`. The result is a list of
candidates for a person to review, not a lexicon.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from framing.document import Document
from framing.errors import CorpusError
from framing.stats import log_odds_dirichlet
from framing.text import AUTHORIAL, VOICES, segment

__all__ = ["Candidate", "suggest_terms", "candidates_to_toml"]

_NUMBER_RE = re.compile(r"^[\d$€£¥₴₽.,%-]+\w{0,3}$")


@dataclass(frozen=True)
class Candidate:
    """A term more typical of one outlet than of the others."""

    term: str
    z: float
    delta: float
    count_outlet: int
    count_rest: int
    n_documents: int  # documents of the outlet that use the term


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _ngrams(doc: Document, voices: frozenset[str], stop: frozenset[str]) -> Counter[str]:
    """Unigrams and bigrams of one document, inside sentences, in the given voices.

    Stop words, numbers and words in other voices break bigrams, so a bigram is
    two adjacent content words (``kiev regime``, ``proxy war``).
    """
    seg = segment(doc.text)
    text = doc.text
    wanted = {VOICES.index(v) for v in voices}
    sentence_of = np.searchsorted(seg.sentences[:, 0], seg.tokens[:, 0], side="right")
    counts: Counter[str] = Counter()
    prev: str | None = None
    prev_sentence = -1
    for (t_start, t_end), code, sentence in zip(seg.tokens.tolist(), seg.token_voice_codes.tolist(),
                                                sentence_of.tolist()):
        if sentence != prev_sentence:
            prev, prev_sentence = None, sentence
        word = text[t_start:t_end].replace("’", "'")
        key = word if word.isupper() and len(word) > 1 else word.lower()
        if code not in wanted or _NUMBER_RE.match(key):
            prev = None
            continue
        if key in stop:
            prev = None
            continue
        if len(key) > 2:
            counts[key] += 1
        if prev is not None:
            counts[f"{prev} {key}"] += 1
        prev = key
    return counts


def suggest_terms(documents: Iterable[Document], outlet: str, *, top: int = 25,
                  voices: Iterable[str] = (AUTHORIAL,), min_count: int = 3,
                  min_documents: int = 2) -> list[Candidate]:
    """Rank the terms that most distinguish ``outlet`` from the other outlets.

    Parameters
    ----------
    documents
        Documents of several outlets (``Document.outlet`` set).
    outlet
        The outlet to describe.
    top
        How many candidates to return.
    voices
        Voices whose words are counted (default: the outlet's own, authorial).
    min_count
        A candidate occurs at least this often in the outlet's documents.
    min_documents
        ... and in at least this many of them, so one article's topic does not
        pass for a house term.

    Returns
    -------
    list of Candidate
        Highest z-score first.
    """
    voice_set = frozenset(voices)
    unknown = voice_set - set(VOICES)
    if unknown:
        raise ValueError(f"unknown voices {sorted(unknown)}; expected some of {list(VOICES)}")
    stop = _stop_words()
    own: Counter[str] = Counter()
    rest: Counter[str] = Counter()
    doc_freq: Counter[str] = Counter()
    outlets = set()
    for doc in documents:
        outlets.add(doc.outlet)
        grams = _ngrams(doc, voice_set, stop)
        if doc.outlet == outlet:
            own.update(grams)
            doc_freq.update(grams.keys())
        else:
            rest.update(grams)
    if outlet not in outlets:
        raise CorpusError(f"outlet {outlet!r} has no documents; outlets: {sorted(outlets)}")
    if not rest:
        raise CorpusError(f"outlet {outlet!r} is the only outlet: nothing to compare it with")
    result = log_odds_dirichlet(own, rest)
    candidates = [
        Candidate(str(term), float(z), float(d), int(a), int(b), doc_freq[str(term)])
        for term, z, d, a, b in zip(result.terms, result.z, result.delta, result.count_a,
                                    result.count_b)
        if a >= min_count and doc_freq[str(term)] >= min_documents and z > 0
    ]
    candidates.sort(key=lambda c: -c.z)
    return _drop_contained(candidates)[:top]


def _drop_contained(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a unigram that only occurs inside a higher-ranked bigram."""
    kept: list[Candidate] = []
    for cand in candidates:
        if " " not in cand.term and any(
                cand.term in k.term.split() and k.count_outlet >= cand.count_outlet for k in kept):
            continue
        kept.append(cand)
    return kept


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def candidates_to_toml(candidates: list[Candidate], outlet: str, *, kind: str = "loaded") -> str:
    """A TOML category of candidates, ready to paste into a pack and review.

    Every term gets ``polarity = 0.0`` (for ``loaded``) or ``perspective =
    <outlet>`` (for ``naming``) as a placeholder to set by hand, and a note
    with its z-score and counts.
    """
    cat_id = re.sub(r"[^a-z0-9-]+", "-", outlet.lower()).strip("-") + "-candidates"
    placeholder = {"loaded": "polarity = 0.0", "naming": f"perspective = {_toml_string(outlet)}"}
    lines = [
        f"# Terms that distinguish outlet {outlet!r} from the other outlets:",
        "# weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008).",
        "# Candidates for review: set polarity/perspective, delete what is not a house term.",
        "[[categories]]",
        f"id = {_toml_string(cat_id)}",
        f"kind = {_toml_string(kind)}",
        f"description = {_toml_string(f'Candidate house terms of {outlet}')}",
    ]
    if kind == "naming":
        lines.append(f"referent = {_toml_string('TODO: what these variants name')}")
    lines.append("terms = [")
    extra = placeholder.get(kind, "")
    for c in candidates:
        note = f"z={c.z:.2f}; {c.count_outlet} in {outlet} ({c.n_documents} documents), {c.count_rest} elsewhere"
        fields = [f"term = {_toml_string(c.term)}", *([extra] if extra else []),
                  f"note = {_toml_string(note)}"]
        lines.append("  { " + ", ".join(fields) + " },")
    lines.append("]")
    return "\n".join(lines) + "\n"
