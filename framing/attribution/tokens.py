"""A token view of one document and the noun-phrase rules over it.

:class:`TokenView` gives the attribution rules what they read about each
token (its text, the punctuation before it, its sentence, the lexicon
matches covering it) without building a Python object per token: tokens stay
two lists of offsets and words are sliced from the text on demand, only
around reporting cues.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from framing.attribution import grammar as g

if TYPE_CHECKING:
    from framing.lexicon.matcher import Match
    from framing.text import Quotation, Segmentation

__all__ = ["TokenView"]

#: Words that are never part of a noun phrase (function words).
_FUNCTION = (g.DETERMINERS | g.PREPOSITIONS | g.CLAUSE_OPENERS | g.AUXILIARIES | g.POSSESSIVES
             | frozenset(g.SUBJECT_PRONOUNS) | g.NON_SOURCE_PRONOUNS | g.NON_SOURCE_WORDS
             | g.RELATIVES | g.NEGATIONS | g.WH_WORDS | g.OBJECT_PRONOUNS - {"us"})
_CONNECTORS = frozenset({"and", "&", "of"}) | g.NAME_PARTICLES
_NOT_ADVERBS = frozenset({"family", "ally", "rally", "supply", "assembly", "italy", "july",
                          "reply", "apply", "anomaly", "monopoly", "bully", "belly", "jelly"})


class TokenView:
    """Tokens, sentences, quotations and lexicon matches of one document.

    Parameters
    ----------
    text
        The document text.
    seg
        Its segmentation.
    matches
        Lexicon matches (reporting verbs, source cues and targets are read).
    """

    def __init__(self, text: str, seg: Segmentation, matches: Sequence[Match]) -> None:
        self.text = text
        self.starts: list[int] = seg.tokens[:, 0].tolist()
        self.ends: list[int] = seg.tokens[:, 1].tolist()
        self._lower = text.lower()
        if len(self._lower) != len(text):  # a few characters change length when lowercased
            self._lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        self._bases: dict[int, str] = {}
        self.n = len(self.starts)
        self.sent_starts: list[int] = seg.sentences[:, 0].tolist()
        self.sent_ends: list[int] = seg.sentences[:, 1].tolist()
        self.quotes: list[Quotation] = [q for q in seg.quotations if q.depth == 0]
        self.q_starts = [q.start for q in self.quotes]
        self.cues: list[Match] = []
        self.target_matches: list[Match] = []
        self.source_cue: dict[int, Match] = {}
        self.target: dict[int, Match] = {}
        self.cue_tok: dict[int, Match] = {}
        for m in matches:  # in text order
            kind = m.category_kind
            if kind == "reporting-verb":
                self.cues.append(m)
                self.cue_tok[self.tok_at(m.start)] = m
            elif kind == "source-cue":
                for i in range(self.tok_at(m.start), self.tok_at(m.end - 1) + 1):
                    self.source_cue[i] = m
            elif kind == "target":
                self.target_matches.append(m)
                first = self.tok_at(m.start)
                self.target.setdefault(first, m)
                if first >= 0 and m.end > self.ends[first]:
                    for i in range(first + 1, self.tok_at(m.end - 1) + 1):
                        self.target.setdefault(i, m)

    # -- positions ---------------------------------------------------------

    def tok_at(self, offset: int) -> int:
        """Index of the token containing ``offset`` (or the last token before it)."""
        return bisect_right(self.starts, offset) - 1

    def tok_from(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def sentence(self, offset: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence containing ``offset``."""
        k = bisect_right(self.sent_starts, offset) - 1
        if k < 0:
            return 0, self.sent_starts[0] if self.sent_starts else len(self.text)
        return self.sent_starts[k], self.sent_ends[k]

    def sentence_no(self, offset: int) -> int:
        return bisect_right(self.sent_starts, offset) - 1

    def quote_at(self, offset: int) -> Quotation | None:
        """The outermost quotation containing ``offset``, if any."""
        k = bisect_right(self.q_starts, offset) - 1
        if k >= 0 and offset < self.quotes[k].end:
            return self.quotes[k]
        return None

    def quotes_between(self, start: int, end: int) -> list[Quotation]:
        """Outermost quotations that start in ``[start, end)``."""
        return self.quotes[bisect_left(self.q_starts, start):bisect_left(self.q_starts, end)]

    # -- words -------------------------------------------------------------

    def word(self, i: int) -> str:
        return self.text[self.starts[i]:self.ends[i]]

    def low(self, i: int) -> str:
        return self._lower[self.starts[i]:self.ends[i]]

    def base(self, i: int) -> str:
        """Lowercased word without a possessive ``'s`` (``NATO’s`` -> ``nato``)."""
        b = self._bases.get(i)
        if b is None:
            b = self._lower[self.starts[i]:self.ends[i]]
            if len(b) > 2 and b[-2:] in ("'s", "’s"):
                b = b[:-2]
            self._bases[i] = b
        return b

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        if i <= 0:
            return self.text[:self.starts[0]] if self.n else self.text
        if i >= self.n:
            return self.text[self.ends[-1]:]
        return self.text[self.ends[i - 1]:self.starts[i]]

    def joined(self, i: int) -> bool:
        """True when only spaces (within a paragraph) separate token ``i`` from ``i + 1``."""
        if i < 0 or i + 1 >= self.n:
            return False
        between = self.text[self.ends[i]:self.starts[i + 1]]
        return between == " " or (between.isspace() and between.count("\n") < 2)

    def linked(self, i: int) -> bool:
        """Like :meth:`joined`, but also across the dot of an abbreviation (``Dr.``, ``Nov.``)."""
        if self.joined(i):
            return True
        return (0 <= i < self.n - 1 and self.text[self.ends[i]:self.starts[i + 1]].strip() == "."
                and (self.base(i) in g.ABBREVIATED_TITLES or self.base(i) in g.TIME_WORDS))

    def is_possessive(self, i: int) -> bool:
        w = self.word(i)
        return len(w) > 2 and w[-2:] in ("'s", "’s")

    def is_cap(self, i: int) -> bool:
        """A capitalised word that can be part of a name (not ``The``, ``On``, ``May``)."""
        if not self.text[self.starts[i]].isupper():
            return False
        b = self.base(i)
        return b not in _FUNCTION and b not in g.TIME_WORDS

    def is_plain_lower(self, i: int) -> bool:
        """A lowercase content word (a possible modifier inside a noun phrase)."""
        w = self.word(i)
        if not w[:1].islower() or not w.replace("-", "").replace("’", "").replace("'", "").isalpha():
            return False
        b = self.base(i)
        return (b not in _FUNCTION and i not in self.cue_tok
                and not (b.endswith("ly") and len(b) > 4 and b not in _NOT_ADVERBS))

    def is_adverb(self, i: int) -> bool:
        b = self.base(i)
        return b in g.AUXILIARIES or (
            b.endswith("ly") and len(b) > 4 and b not in _NOT_ADVERBS and self.word(i).islower())

    def is_head(self, i: int) -> bool:
        """True when token ``i`` can end a noun phrase naming a source."""
        if self.is_possessive(i):
            return False
        if i in self.source_cue or i in self.target:
            return True
        b = self.base(i)
        if b in g.NON_SOURCE_WORDS:
            return False
        return self.is_cap(i) or g.is_source_head(b)

    def is_role(self, i: int) -> bool:
        return g.is_source_head(self.base(i)) or i in self.source_cue

    def match_first(self, i: int) -> int:
        """First token of the source-cue or target match covering token ``i`` (else ``i``)."""
        m = self.source_cue.get(i) or self.target.get(i)
        return min(i, self.tok_at(m.start)) if m is not None else i

    def match_last(self, i: int) -> int:
        m = self.source_cue.get(i) or self.target.get(i)
        return max(i, self.tok_at(m.end - 1)) if m is not None else i

    # -- noun phrases ------------------------------------------------------

    def np_left(self, j: int, floor: int) -> int | None:
        """First token of the noun phrase that ends at token ``j`` (``None``: no source NP).

        The phrase is a name (``Dmitry Peskov``), a title and name (``Kremlin
        spokesman Dmitry Peskov``), a possessive chain (``Putin's foreign
        policy aide``), determiners and role nouns (``European and Ukrainian
        officials``) or a media name (``the Financial Times``); it does not
        reach left of token ``floor``.
        """
        if j < floor or not self.is_head(j):
            return None
        start = max(floor, self.match_first(j))
        role_seen = self.is_role(j)
        saw_and = False
        n_lower = 0
        k = start - 1
        while k >= floor:
            between = self.text[self.ends[k]:self.starts[k + 1]].strip()
            b = self.base(k)
            if between:
                if between == "," and saw_and and self.is_cap(k) and self.is_cap(j):
                    pass  # a list of names: Britain, Germany and France
                elif between == "." and b in g.ABBREVIATED_TITLES:
                    pass  # Dr. Marcus Lindqvist
                else:
                    break
            if b in g.DETERMINERS or b in g.POSSESSIVES:
                start = k
                if not (k - 2 >= floor and self.base(k - 1) == "of"
                        and g.is_source_head(self.base(k - 2))):
                    break
                k -= 1  # the Air Assault Forces in: the corps of the Air Assault Forces
                continue
            w = self.word(k)
            if w[:1].isdigit():
                if not w.isdigit():  # an ordinal or a measure: the 7th corps, 28-point
                    start = k
                    k -= 1
                    continue
                if self.word(start)[:1].islower():
                    start = k  # two sources, 30 countries
                break
            if k in self.source_cue or k in self.target:
                start = self.match_first(k)
                role_seen = role_seen or k in self.source_cue
                k = start - 1
                continue
            particle = b in g.NAME_PARTICLES and k > floor and self.is_cap(k - 1) and self.is_cap(k + 1)
            title_of = b == "of" and k > floor and g.is_source_head(self.base(k - 1))
            if self.is_possessive(k) or self.is_cap(k) or particle or title_of:
                start = k
            elif b in ("and", "&") and k > floor and (
                    self.is_cap(k - 1) or g.is_source_head(self.base(k - 1))):
                saw_and = True
                start = k
            elif g.is_source_head(b):
                role_seen = True
                start = k
            elif role_seen and n_lower < 3 and self.is_plain_lower(k):
                n_lower += 1
                start = k
            else:
                break
            k -= 1
        while start < j and self.base(start) in _CONNECTORS and self.word(start).islower():
            start += 1
        return start

    def np_right(self, i: int, limit: int, loose: bool = False) -> int | None:
        """Last token of the source noun phrase that starts at token ``i`` (``None``: none).

        With ``loose``, up to six lowercase words may stand between the
        determiner and the head (``versions published in the American press``).
        """
        k = i
        last: int | None = None
        n_lower = 0
        max_lower = 6 if loose else 3
        while k < limit:
            if k > i and not self.linked(k - 1):
                break
            b = self.base(k)
            if k == i and (b in g.DETERMINERS or b in g.POSSESSIVES):
                k += 1
                continue
            if k in self.source_cue or k in self.target:
                k = self.match_last(k)
                if not self.is_possessive(k):
                    last = k
                k += 1
                continue
            if self.is_possessive(k):
                k += 1
            elif self.is_cap(k):
                last = k
                k += 1
            elif b in g.NAME_PARTICLES and last == k - 1 and k + 1 < limit and self.is_cap(k + 1):
                k += 1
            elif b == "of" and last == k - 1 and k + 1 < limit and g.is_source_head(self.base(k - 1)):
                k += 1
                if k < limit and self.base(k) in g.DETERMINERS:
                    k += 1
            elif b in ("and", "&") and last == k - 1 and k + 1 < limit and (
                    self.is_cap(k + 1) or g.is_source_head(self.base(k + 1))
                    or self.base(k + 1) in g.DETERMINERS):
                k += 1
            elif g.is_source_head(b):
                last = k
                k += 1
            elif n_lower < max_lower and (self.is_plain_lower(k) or self.word(k)[:1].isdigit() or (
                    loose and b in g.PREPOSITIONS and b not in ("by", "that"))):
                n_lower += 1
                k += 1
            elif loose and b in g.DETERMINERS and k > i and self.base(k - 1) in g.PREPOSITIONS:
                k += 1
            else:
                break
        return last

    def postmodified_np(self, j: int, floor: int) -> int | None:
        """Start of a source NP with a post-modifier ending at ``j``
        (``officials in Kyiv``, ``sources familiar with the talks``)."""
        k = j
        lowest = max(floor, j - 8)
        while k > lowest:
            if not self.joined(k - 1):
                return None
            b = self.base(k)
            if (b in g.POSTMODIFIERS or (b.endswith(("ing", "ed")) and self.word(k).islower())) and k < j:
                h = k - 1
                if self.base(h) in ("familiar", "close") and h > floor and self.joined(h - 1):
                    h -= 1
                if self.is_role(h):
                    return self.np_left(h, floor)
            elif b in g.CLAUSE_OPENERS or b in g.AUXILIARIES or b in g.NEGATIONS:
                return None
            k -= 1
        return None
