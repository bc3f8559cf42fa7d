"""VADER sentiment, scored the way ``vaderSentiment`` scores it, several times faster.

:class:`VaderScorer` follows ``SentimentIntensityAnalyzer.polarity_scores``
(vaderSentiment 3.3.2) rule for rule -- emoji descriptions, booster and
dampener words, capitalisation emphasis, negation within three words, "no",
"least", "but", the special idioms, punctuation emphasis -- with the lexicon
and constants of the installed ``vaderSentiment`` package, and gives the same
floating-point results. It is faster because each sentence is split and
lowercased once (vaderSentiment lowercases the whole sentence again for every
sentiment word it meets) and the character-by-character emoji pass is skipped
when a sentence holds no emoji. ``benchmarks/bench_style.py`` checks equality
on more than 10,000 sentences; ``tests/test_style.py`` on news sentences and on
generated edge cases.

Unlike vaderSentiment, scores are not rounded: ``round(compound, 4)`` and
``round(pos, 3)`` give vaderSentiment's published values exactly.

Examples
--------
>>> scorer = vader_scorer()
>>> compound, pos, neg, neu = scorer.score("The talks were a disaster, officials said.")
>>> round(compound, 4)
-0.6249
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping
from functools import lru_cache

import numpy as np

from framing import resources

__all__ = ["VaderScorer", "vader_scorer"]


class VaderScorer:
    """Scores text with VADER's rules and lexicon.

    Parameters
    ----------
    lexicon
        Lowercase word -> valence (``SentimentIntensityAnalyzer().lexicon``).
    emojis
        Emoji -> textual description (``SentimentIntensityAnalyzer().emojis``).

    Notes
    -----
    Build it once (:func:`vader_scorer`) and call :meth:`score` on many
    sentences. VADER is designed for sentences: score a document sentence by
    sentence (its cost also grows faster than linearly with length).
    """

    def __init__(self, lexicon: Mapping[str, float], emojis: Mapping[str, str]) -> None:
        from vaderSentiment import vaderSentiment as vs  # type: ignore[import-untyped]

        self._lexicon = dict(lexicon)
        self._emojis = dict(emojis)
        # vaderSentiment tests one character at a time, so only one-character
        # keys can ever match.
        self._emoji_chars = frozenset(k for k in emojis if len(k) == 1)
        # A quick test of a whole text first: a regex class of the emoji of the
        # BMP and of every character beyond it (a superset) is matched as a
        # bitmap, about five times faster than testing each character in a set.
        bmp = sorted(c for c in self._emoji_chars if ord(c) < 0x10000)
        self._emoji_hint = re.compile("[%s\U00010000-\U0010ffff]" % "".join(map(re.escape, bmp)))
        self._booster = dict(vs.BOOSTER_DICT)
        # Words with a valence of their own: the lexicon's, booster words excepted.
        self._scored = frozenset(self._lexicon.keys() - self._booster.keys())
        self._negate = frozenset(vs.NEGATE)
        self._special = dict(vs.SPECIAL_CASES)
        # The words of the multi-word idioms and boosters ("kiss of death",
        # "kind of"): an n-gram without one of them matches neither.
        self._idiom_words = frozenset(
            word for key in (*self._special, *self._booster) if " " in key for word in key.split())
        self._n_scalar = vs.N_SCALAR
        self._c_incr = vs.C_INCR

    # -- the rules, in vaderSentiment's order --------------------------------

    def _negated(self, word: str) -> bool:
        return word in self._negate or "n't" in word

    def _scalar_inc_dec(self, word: str, lower: str, valence: float, is_cap_diff: bool) -> float:
        scalar = 0.0
        if lower in self._booster:
            scalar = self._booster[lower]
            if valence < 0:
                scalar *= -1
            if word.isupper() and is_cap_diff:
                if valence > 0:
                    scalar += self._c_incr
                else:
                    scalar -= self._c_incr
        return scalar

    def _negation_check(self, valence: float, lowers: list[str], start_i: int, i: int) -> float:
        n_scalar = self._n_scalar
        if start_i == 0 and self._negated(lowers[i - 1]):
            valence = valence * n_scalar
        if start_i == 1:
            if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
                valence = valence * 1.25
            elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
                pass
            elif self._negated(lowers[i - 2]):
                valence = valence * n_scalar
        if start_i == 2:
            if lowers[i - 3] == "never" and (lowers[i - 2] == "so" or lowers[i - 2] == "this") or (
                    lowers[i - 1] == "so" or lowers[i - 1] == "this"):
                valence = valence * 1.25
            elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
                pass
            elif self._negated(lowers[i - 3]):
                valence = valence * n_scalar
        return valence

    def _special_idioms_check(self, valence: float, lowers: list[str], i: int) -> float:
        # Every n-gram tested below holds lowers[i] or lowers[i - 2].
        if lowers[i] not in self._idiom_words and lowers[i - 2] not in self._idiom_words:
            return valence
        special = self._special
        onezero = f"{lowers[i - 1]} {lowers[i]}"
        twoonezero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
        twoone = f"{lowers[i - 2]} {lowers[i - 1]}"
        threetwoone = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
        threetwo = f"{lowers[i - 3]} {lowers[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special:
                valence = special[seq]
                break
        if len(lowers) - 1 > i:
            zeroone = f"{lowers[i]} {lowers[i + 1]}"
            if zeroone in special:
                valence = special[zeroone]
        if len(lowers) - 1 > i + 1:
            zeroonetwo = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
            if zeroonetwo in special:
                valence = special[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in self._booster:
                valence = valence + self._booster[n_gram]
        return valence

    def _least_check(self, valence: float, lowers: list[str], i: int) -> float:
        lexicon = self._lexicon
        if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * self._n_scalar
        elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            valence = valence * self._n_scalar
        return valence

    def _valence(self, words: list[str], lowers: list[str], i: int, is_cap_diff: bool) -> float:
        lexicon = self._lexicon
        lower = lowers[i]
        valence = lexicon[lower]
        if lower == "no" and i != len(words) - 1 and lowers[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lowers[i - 1] == "no") or (i > 1 and lowers[i - 2] == "no") or (
                i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor")):
            valence = lexicon[lower] * self._n_scalar
        if words[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += self._c_incr
            else:
                valence -= self._c_incr
        for start_i in range(3):
            j = i - (start_i + 1)
            if i > start_i and lowers[j] not in lexicon:
                s = self._scalar_inc_dec(words[j], lowers[j], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation_check(valence, lowers, start_i, i)
                if start_i == 2:
                    valence = self._special_idioms_check(valence, lowers, i)
        return self._least_check(valence, lowers, i)

    @staticmethod
    def _but_check(lowers: list[str], sentiments: list[float]) -> list[float]:
        # vaderSentiment's loop, kept as written: it finds each value by
        # ``index`` (the first equal value), and the results depend on that.
        if "but" in lowers:
            bi = lowers.index("but")
            for sentiment in sentiments:
                si = sentiments.index(sentiment)
                if si < bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 0.5)
                elif si > bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 1.5)
        return sentiments

    def _replace_emojis(self, text: str) -> str:
        out = []
        prev_space = True
        for ch in text:
            if ch in self._emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self._emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    # -- public ---------------------------------------------------------------

    def score(self, text: str) -> tuple[float, float, float, float]:
        """VADER scores of one sentence: ``(compound, pos, neg, neu)``, not rounded.

        All four are 0.0 for a text without words; a text without sentiment
        words scores ``(0.0, 0.0, 0.0, 1.0)``.
        """
        return self._score(text, self._may_hold_emoji(text))

    def score_spans(self, text: str, spans: np.ndarray) -> np.ndarray:
        """Scores of each ``[start, end)`` span of ``text`` (sentences, typically).

        Returns
        -------
        numpy.ndarray
            ``(n, 4)`` float array: compound, pos, neg, neu per span.
        """
        emoji = self._may_hold_emoji(text)
        rows = [self._score(text[start:end], emoji)
                for start, end in np.asarray(spans).reshape(-1, 2).tolist()]
        return np.array(rows, dtype=np.float64).reshape(-1, 4)

    def _may_hold_emoji(self, text: str) -> bool:
        return self._emoji_hint.search(text) is not None

    def _score(self, text: str, may_hold_emoji: bool) -> tuple[float, float, float, float]:
        if may_hold_emoji and not self._emoji_chars.isdisjoint(text):
            text = self._replace_emojis(text)
        text = text.strip()
        punctuation = string.punctuation
        # vaderSentiment's tokens: split on whitespace, outer punctuation
        # stripped unless that leaves two characters or fewer (emoticons).
        words = [token if len(stripped := token.strip(punctuation)) <= 2 else stripped
                 for token in text.split()]
        n = len(words)
        if not n:
            return 0.0, 0.0, 0.0, 0.0
        lowers = [w.lower() for w in words]
        # Only words of the lexicon get a valence (booster words and the
        # "kind" of "kind of" excepted); every other word scores 0.
        scored = self._scored
        hits = [i for i, lower in enumerate(lowers) if lower in scored
                and not (lower == "kind" and i < n - 1 and lowers[i + 1] == "of")]
        if not hits:
            return 0.0, 0.0, 0.0, 1.0
        n_upper = sum(map(str.isupper, words))
        is_cap_diff = 0 < n - n_upper < n
        sentiments: list[float] = [0] * n
        for i in hits:
            sentiments[i] = self._valence(words, lowers, i, is_cap_diff)
        if "but" in lowers:
            sentiments = self._but_check(lowers, sentiments)
        return self._score_valence(sentiments, text)

    @staticmethod
    def _score_valence(sentiments: list[float], text: str) -> tuple[float, float, float, float]:
        # Zeros change neither sum (x + 0 == x), so only the others are added,
        # in vaderSentiment's order.
        nonzero = [s for s in sentiments if s != 0]
        neu_count = len(sentiments) - len(nonzero)
        sum_s = float(sum(nonzero))
        ep_count = min(text.count("!"), 4)
        qm_count = text.count("?")
        qm_amplifier: float = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        punct_emph_amplifier = ep_count * 0.292 + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        compound = min(1.0, max(-1.0, compound))

        pos_sum = 0.0
        neg_sum = 0.0
        for s in nonzero:
            if s > 0:
                pos_sum += (float(s) + 1)
            else:
                neg_sum += (float(s) - 1)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return (compound, math.fabs(pos_sum / total), math.fabs(neg_sum / total),
                math.fabs(neu_count / total))


@lru_cache(maxsize=1)
def vader_scorer() -> VaderScorer:
    """The scorer built from the lexicon of the installed ``vaderSentiment`` (once per process)."""
    analyzer = resources.sentiment_analyzer()
    return VaderScorer(analyzer.lexicon, analyzer.emojis)
