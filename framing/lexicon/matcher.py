"""Find the terms of one or more lexicon packs in text, with offsets.

:class:`Matcher` compiles packs once into a trie over normalised word parts
(a dict of dicts; wildcard prefixes in a sorted list searched with bisect),
so the cost of :meth:`Matcher.find` grows with the length of the text and
the number of matches, not with the number of terms.

Matching rules (``docs/lexicon-format.md``):

- Text is split into word tokens (:func:`framing.text.tokenize`) and each
  token into parts at its hyphens; a part is lowercased, curly apostrophes
  become straight and a possessive ``'s`` is dropped (the span excludes it).
  Terms are split the same way, so ``carve up`` = ``carve-up`` and
  ``NATO’s`` matches ``NATO``.
- A match covers whole tokens, except for ``target`` terms, which are also
  found inside hyphenated tokens (``US-Russian`` names the US and Russia;
  ``anti-war`` is not the loaded word ``war``).
- Between the words of a multi-word term the text may have spaces, hyphens,
  en dashes and quotation marks; other punctuation (a full stop, a comma)
  stops the match unless the term has the same punctuation there.
- Case-sensitive terms (all capitals, or marked) must match the case exactly.
- ``exclude`` phrases: a match is dropped when one of its term's exclude
  phrases occurs around it and covers it (compared word by word, case and
  punctuation ignored).
- Overlaps are resolved separately within each category kind, leftmost-longest:
  the match that starts first wins, then the one with more words, then the
  earlier pack; a term as written beats an inflected form. Matches of
  different kinds never compete, so ``capitulation`` can be both a naming
  variant and a loaded term.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

import numpy as np

from framing.errors import LexiconError
from framing.lexicon.inflect import inflect
from framing.lexicon.model import KINDS, Lexicon, LexiconSet, Term
from framing.text import TOKEN_RE

__all__ = ["Match", "Matcher"]

_OUT = ""       # trie key of a node's outputs (never a word)
_WILD = "*"     # trie key of a node's wildcard children (never a word)
_MIN_PREFIX = 3
_LEVELS = 4  # wildcard lookups first check a word's first 3, 4, 5 and 6 letters
_HYPHENS_RE = re.compile("[-‐‑]")
_SPECIAL_RE = re.compile("[-']")  # characters that make a token need splitting
_GAP_IGNORED_RE = re.compile("[\\s\\-‐‑–\"“”„‘’'«»‹›]+")


@dataclass(frozen=True)
class Match:
    """One occurrence of a lexicon term; ``text[start:end]`` is the evidence.

    ``term`` is the term as written in the pack; ``form`` the text matched
    (``plundered`` for the term ``plunder``). ``target`` is the category id for
    ``target`` matches (else ``None``) and ``parent`` that category's parent.
    The other fields are the term's own (see ``docs/lexicon-format.md``).
    """

    start: int
    end: int
    lexicon: str
    category: str
    category_kind: str
    term: str
    form: str
    perspective: str | None = None
    polarity: float | None = None
    intensity: float | None = None
    strength: float | None = None
    verb_class: str | None = None
    source_type: str | None = None
    role: str | None = None
    target: str | None = None
    parent: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """All fields as a plain dict."""
        return asdict(self)


class _Excludes(NamedTuple):
    """A term's exclude phrases (as word keys), by length, and the set of their words."""

    by_size: dict[int, frozenset[tuple[str, ...]]]
    words: frozenset[str]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> _Excludes | None:
        keys = [k for k in map(_phrase_keys, phrases) if k]
        if not keys:
            return None
        sizes = {len(k) for k in keys}
        return cls({n: frozenset(k for k in keys if len(k) == n) for n in sorted(sizes)},
                   frozenset(w for k in keys for w in k))


class _Entry(NamedTuple):
    """What a trie node yields: one surface form of one term."""

    rank: tuple[int, ...]  # (pack, generated form?, category, term, form): lower wins ties
    kind: int              # index into KINDS
    partial_ok: bool       # may cover part of a hyphenated token (targets)
    surface: tuple[tuple[str, bool], ...] | None  # (word, is prefix) when case-sensitive
    gaps: tuple[str, ...]  # punctuation the term has between consecutive parts
    excludes: _Excludes | None
    plain: bool            # nothing to check beyond whole tokens
    static: dict[str, Any]  # the Match fields that do not depend on the text
    case_word: str | None  # the only check: this one case-sensitive word


#: What the trie's root says about one text word: the outputs of the word as a
#: whole term, the node to go on from with the next word, and the wildcard
#: nodes the word matches.
_Start = tuple[list[_Entry] | None, dict[str, Any] | None, tuple[dict[str, Any], ...]]
_NO_START: _Start = (None, None, ())
#: How many distinct words a matcher remembers before it starts over.
_MEMO_WORDS = 200_000

#: A chosen match while resolving: (first part, -last part, kind, rank, entry).
_Chosen = tuple[int, int, int, tuple[int, ...], _Entry]


class _Wild:
    """Wildcard prefixes of one trie node: sorted, each with its longest listed prefix."""

    __slots__ = ("levels", "nodes", "parents", "prefixes", "short")

    def __init__(self, table: dict[str, dict[str, Any]]) -> None:
        self.prefixes = sorted(table)
        self.nodes = [table[p] for p in self.prefixes]
        self.parents: list[int] = []
        stack: list[int] = []
        for i, p in enumerate(self.prefixes):
            while stack and not p.startswith(self.prefixes[stack[-1]]):
                stack.pop()
            self.parents.append(stack[-1] if stack else -1)
            stack.append(i)
        # For a quick "no": levels[k] holds the first 3 + k letters of the prefixes
        # at least that long; short holds the prefixes no longer than the levels.
        self.levels = [frozenset(p[:n] for p in self.prefixes if len(p) >= n)
                       for n in range(_MIN_PREFIX, _MIN_PREFIX + _LEVELS)]
        self.short = frozenset(p for p in self.prefixes if len(p) < _MIN_PREFIX + _LEVELS)

    def lookup(self, word: str) -> list[dict[str, Any]]:
        """Child nodes of every prefix ``word`` starts with.

        Most words are turned down by their first letters (no prefix starts
        with them); otherwise the greatest prefix <= ``word`` is found by
        bisection, and every listed prefix of ``word`` is on the chain of its
        own listed prefixes.
        """
        for n, level in enumerate(self.levels, _MIN_PREFIX):
            head = word[:n]
            if head in self.short:
                break  # a prefix matches: look them all up
            if head not in level:
                return []
        found = []
        i = bisect.bisect_right(self.prefixes, word) - 1
        while i >= 0:
            if word.startswith(self.prefixes[i]):
                found.append(self.nodes[i])
            i = self.parents[i]
        return found


def _key(part: str) -> tuple[str, str]:
    """(lowercase key, surface) of one word part: apostrophes unified, possessive dropped."""
    surface = part.replace("’", "'").replace("ʼ", "'")
    if surface[-2:] in ("'s", "'S") and len(surface) > 2:
        surface = surface[:-2]
    return surface.lower(), surface


_QUOTE_MARKS_RE = re.compile("[\"'“”‘’«»„‹›]")


def _gap(text: str) -> str:
    """The punctuation of a gap between words (spaces, hyphens, dashes and quotes ignored)."""
    return _GAP_IGNORED_RE.sub("", text)


def _parse_form(form: str) -> tuple[list[list[Any]], list[str]]:
    """Word parts ``[key, surface, is_prefix]`` of a term form, and the gaps between them."""
    parts: list[list[Any]] = []
    gaps: list[str] = []
    pos = 0
    for m in TOKEN_RE.finditer(form):
        between = form[pos:m.start()]
        if parts:
            parts[-1][2] = between.startswith("*")
            gaps.append(_gap(between.replace("*", "")))
        for k, piece in enumerate(_HYPHENS_RE.split(m.group())):
            if k:
                gaps.append("")
            parts.append([*_key(piece), False])
        pos = m.end()
    if parts:
        parts[-1][2] = form[pos:pos + 1] == "*"
    return parts, gaps


def _phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(_key(piece)[0] for tok in TOKEN_RE.findall(phrase)
                 for piece in _HYPHENS_RE.split(tok))


class _Text:
    """A text as a sequence of normalised word parts with offsets."""

    __slots__ = ("ends", "inner_end", "inner_start", "raw_ends", "starts", "text", "words")

    def __init__(self, text: str, tokens: np.ndarray | Iterable[tuple[int, int]] | None) -> None:
        self.text = text
        if tokens is None:
            spans = [m.span() for m in TOKEN_RE.finditer(text)]
            starts = [s for s, _ in spans]
            ends = [e for _, e in spans]
        elif isinstance(tokens, np.ndarray):
            starts, ends = tokens[:, 0].tolist(), tokens[:, 1].tolist()
        else:
            pairs = [(int(s), int(e)) for s, e in tokens]
            starts, ends = [s for s, _ in pairs], [e for _, e in pairs]
        norm = text.lower()
        if len(norm) != len(text):  # a few characters lowercase to two: keep them as they are
            norm = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        norm = norm.replace("’", "'").replace("ʼ", "'").replace("‐", "-").replace("‑", "-")
        words = [norm[s:e] for s, e in zip(starts, ends)]
        self.raw_ends: dict[int, int] = {}
        self.inner_start: set[int] = set()  # parts that do not begin their token
        self.inner_end: set[int] = set()    # parts that do not end their token
        special = self._special(norm, starts, ends)
        if special:
            words, starts, ends = self._split(special, words, starts, ends)
        self.words, self.starts, self.ends = words, starts, ends

    @staticmethod
    def _special(norm: str, starts: list[int], ends: list[int]) -> list[int]:
        """Indices of tokens holding a hyphen or an apostrophe."""
        found: list[int] = []
        for m in _SPECIAL_RE.finditer(norm):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < ends[k] and (not found or found[-1] != k):
                found.append(k)
        return found

    def _split(self, special: list[int], words: list[str], starts: list[int],
               ends: list[int]) -> tuple[list[str], list[int], list[int]]:
        out_w: list[str] = []
        out_s: list[int] = []
        out_e: list[int] = []
        prev = 0
        for k in special:
            out_w += words[prev:k]
            out_s += starts[prev:k]
            out_e += ends[prev:k]
            pieces = _HYPHENS_RE.split(words[k])
            offset = starts[k]
            for n, piece in enumerate(pieces):
                index = len(out_w)
                end = offset + len(piece)
                if n:
                    self.inner_start.add(index)
                if n < len(pieces) - 1:
                    self.inner_end.add(index)
                if piece[-2:] == "'s" and len(piece) > 2:
                    piece = piece[:-2]
                    self.raw_ends[index] = end
                out_w.append(piece)
                out_s.append(offset)
                out_e.append(offset + len(piece))
                offset = end + 1
            prev = k + 1
        out_w += words[prev:]
        out_s += starts[prev:]
        out_e += ends[prev:]
        return out_w, out_s, out_e

    def gaps_ok(self, i: int, gaps: tuple[str, ...]) -> bool:
        """Punctuation between parts i, i+1, ... is absent or the term's own."""
        for k, wanted in enumerate(gaps, i):
            if k in self.inner_end:
                continue  # a hyphen inside one token
            between = self.text[self.raw_ends.get(k, self.ends[k]):self.starts[k + 1]]
            if between == " ":
                continue
            got = _gap(between)
            if got and got != wanted:
                return False
        return True

    def surface_ok(self, i: int, surface: tuple[tuple[str, bool], ...]) -> bool:
        """The original case of parts i, i+1, ... equals the term's."""
        for k, (want, prefix) in enumerate(surface, i):
            got = self.text[self.starts[k]:self.ends[k]]
            if got == want:
                continue
            got = got.replace("’", "'").replace("ʼ", "'")
            if not (got.startswith(want) if prefix else got == want):
                return False
        return True

    def excluded(self, i: int, j: int, excludes: _Excludes) -> bool:
        """An exclude phrase occurs over parts i..j, its words not split by a quotation mark.

        A quotation mark inside the phrase singles a word out (the ‘peace’
        plan): the phrase is then not the routine compound it excludes.
        """
        words, n = self.words, len(self.words)
        near = excludes.words
        if (i == 0 or words[i - 1] not in near) and (j + 1 == n or words[j + 1] not in near):
            # a phrase longer than the match would hold a neighbouring word
            return (tuple(words[i:j + 1]) in excludes.by_size.get(j - i + 1, ())
                    and self.unquoted(i, j))
        for size, phrases in excludes.by_size.items():
            for a in range(max(0, j - size + 1), min(i, n - size) + 1):
                if tuple(words[a:a + size]) in phrases and self.unquoted(a, a + size - 1):
                    return True
        return False

    def unquoted(self, i: int, j: int) -> bool:
        """No quotation mark between parts i..j."""
        return not any(_QUOTE_MARKS_RE.search(self.text, self.raw_ends.get(k, self.ends[k]),
                                              self.starts[k + 1]) for k in range(i, j))


LexiconLike = Lexicon | LexiconSet | Iterable[Lexicon]


class Matcher:
    """A compiled matcher for one or more lexicon packs.

    Build it once and call :meth:`find` on many texts.

    Parameters
    ----------
    lexicons
        A :class:`Lexicon`, a :class:`LexiconSet` or a list of packs. Where
        matches of the same kind overlap with equal length and start, the
        earlier pack wins.

    Attributes
    ----------
    lexicons : LexiconSet
        The compiled packs.
    n_forms : int
        Number of surface forms compiled (terms, their inflections and extra forms).

    Notes
    -----
    :meth:`find` remembers, for each distinct word it meets (up to 200,000
    words), what the trie's root says about it, so that a word costs one dict
    lookup however many terms or wildcards start there. Results never depend
    on this memo; it is not pickled.

    Examples
    --------
    >>> from framing.lexicon import load_lexicon
    >>> matcher = Matcher(load_lexicon("targets-ukraine-war"))
    >>> [(m.form, m.target) for m in matcher.find("NATO’s summit")]
    [('NATO', 'nato')]
    """

    def __init__(self, lexicons: LexiconLike) -> None:
        if isinstance(lexicons, Lexicon):
            lexicons = LexiconSet((lexicons,))
        elif not isinstance(lexicons, LexiconSet):
            lexicons = LexiconSet(tuple(lexicons))
        self.lexicons = lexicons
        self._root: dict[str, Any] = {}
        self.n_forms = 0
        for p, lex in enumerate(lexicons):
            for c, cat in enumerate(lex.categories):
                for t, term in enumerate(cat.terms):
                    self._add_term(term, lex, cat.kind, cat.parent, (p, c, t))
        self._finish(self._root)
        # A memo of what the root says about each text word met (see _start); it
        # holds the text's vocabulary, not the lexicon's, so it stays small.
        self._seen: dict[str, _Start] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_seen": {}}  # the memo is not worth pickling

    def _start(self, word: str) -> _Start:
        """What the trie's root says about a text word: see :data:`_Start`."""
        node = self._root.get(word)
        wild = self._root.get(_WILD)
        wild_nodes = tuple(wild.lookup(word)) if wild is not None else ()
        if node is None:
            return (None, None, wild_nodes) if wild_nodes else _NO_START
        return node.get(_OUT), node if len(node) > (_OUT in node) else None, wild_nodes

    def _learn(self, word: str) -> _Start:
        """:meth:`_start` for a word not met before, remembered (a bounded memo)."""
        start = self._start(word)
        if len(self._seen) >= _MEMO_WORDS:
            self._seen = {}
        self._seen[word] = start
        return start

    def __repr__(self) -> str:
        return f"Matcher({', '.join(self.lexicons.names)}; {self.n_forms} forms)"

    def _add_term(self, term: Term, lex: Lexicon, kind: str, parent: str | None,
                  rank: tuple[int, int, int]) -> None:
        is_target = kind == "target"
        static = {
            "lexicon": lex.name, "category": term.category, "category_kind": kind,
            "term": term.term, "perspective": term.perspective, "polarity": term.polarity,
            "intensity": term.intensity, "strength": term.strength,
            "verb_class": term.verb_class, "source_type": term.source_type, "role": term.role,
            "target": term.category if is_target else None,
            "parent": parent if is_target else None,
        }
        excludes = _Excludes.of(term.exclude)
        forms = [(term.term, 0), *((f, 0) for f in term.forms)]
        if term.inflect:
            forms += [(f, 1) for f in inflect(term.term)]
        seen: set[tuple[Any, ...]] = set()
        for n, (form, generated) in enumerate(forms):
            parts, gaps = _parse_form(form)
            # the same form twice (an inflection listed in forms too) is compiled once
            signature = tuple((p[1] if term.case_sensitive else p[0], p[2]) for p in parts)
            if not parts or signature in seen:
                continue
            seen.add(signature)
            surface = tuple((s, pre) for _, s, pre in parts) if term.case_sensitive else None
            case_word = None
            if surface is not None and len(surface) == 1 and not surface[0][1] and not excludes:
                case_word = surface[0][0]
            entry = _Entry((rank[0], generated, rank[1], rank[2], n), KINDS.index(kind),
                           is_target, surface, tuple(gaps), excludes,
                           surface is None and not excludes, static, case_word)
            self._insert(parts, entry, lex)
            self.n_forms += 1

    def _insert(self, parts: list[list[Any]], entry: _Entry, lex: Lexicon) -> None:
        node = self._root
        for key, _, prefix in parts:
            if prefix:
                if len(key) < _MIN_PREFIX:
                    raise LexiconError(f"{lex.path or lex.name}: term {entry.static['term']!r}: "
                                       f"wildcard prefix {key!r} is shorter than {_MIN_PREFIX} "
                                       "letters")
                node = node.setdefault(_WILD, {}).setdefault(key, {})
            else:
                node = node.setdefault(key, {})
        node.setdefault(_OUT, []).append(entry)

    @staticmethod
    def _finish(root: dict[str, Any]) -> None:
        """Turn each node's wildcard table into a :class:`_Wild` index."""
        stack = [root]
        while stack:
            node = stack.pop()
            stack.extend(child for key, child in node.items() if key not in (_OUT, _WILD))
            if _WILD in node:
                table = node[_WILD]
                stack.extend(table.values())
                node[_WILD] = _Wild(table)

    def find(self, text: str, tokens: np.ndarray | None = None) -> list[Match]:
        """Find every term of the compiled packs in ``text``.

        Parameters
        ----------
        text
            The text, unmodified; offsets index into it.
        tokens
            Its word-token spans from :func:`framing.text.tokenize` (computed
            when omitted).

        Returns
        -------
        list of Match
            Ordered by start, then longer first, then kind (in the order of
            :data:`~framing.lexicon.model.KINDS`), then pack order.
        """
        if not isinstance(text, str):
            raise TypeError(f"find() takes str, got {type(text).__name__}")
        seq = _Text(text, tokens)
        inner_start, inner_end = seq.inner_start, seq.inner_end
        starts, ends = seq.starts, seq.ends
        # Leftmost-longest per kind: candidates come in order of their first
        # part, so each kind only needs its last chosen match: a candidate that
        # starts after it is chosen; one that starts with it replaces it if longer
        # (or as long, with a lower rank); any other overlaps it and is dropped.
        first_part = [-1] * len(KINDS)
        last_part = [-1] * len(KINDS)
        slot = [0] * len(KINDS)
        chosen: list[_Chosen] = []
        for i, j, entries in self._candidates(seq.words):
            whole = i not in inner_start and j not in inner_end
            for entry in entries:
                if not (whole or entry.partial_ok):
                    continue
                if j > i or not entry.plain:
                    word = entry.case_word
                    if word is not None:  # one case-sensitive word: the common check
                        got = text[starts[i]:ends[i]]
                        if got != word and got.replace("’", "'") != word:
                            continue
                    elif not self._valid(seq, i, j, entry):
                        continue
                kind = entry.kind
                if i > last_part[kind]:
                    first_part[kind], last_part[kind], slot[kind] = i, j, len(chosen)
                    chosen.append((i, -j, kind, entry.rank, entry))
                elif i == first_part[kind]:
                    old = chosen[slot[kind]]
                    if -j < old[1] or (-j == old[1] and entry.rank < old[3]):
                        chosen[slot[kind]] = (i, -j, kind, entry.rank, entry)
                        last_part[kind] = j
        chosen.sort()
        return [_match(entry, starts[i], ends[-j], text) for i, j, _, _, entry in chosen]

    def _candidates(self, words: list[str]) -> list[tuple[int, int, list[_Entry]]]:
        """Every (first part, last part, entries) the trie finds; the hot loop.

        Each word costs one lookup in the memo of what the root says about
        words (:meth:`_start`), so the cost per word does not depend on how
        many terms or wildcards start there. A node with wildcard children
        further down switches to :meth:`_walk`, which follows every branch.
        """
        seen = self._seen.get
        n = len(words)
        found: list[tuple[int, int, list[_Entry]]] = []
        for i, w in enumerate(words):
            start = seen(w)
            if start is None:
                start = self._learn(w)
            if start is _NO_START:
                continue
            out, node, wild_nodes = start
            if out is not None:
                found.append((i, i, out))
            j = i + 1
            while node is not None and j < n:
                if _WILD in node:
                    self._walk(words, i, j, [node], found)
                    break
                node = node.get(words[j])
                if node is not None:
                    out = node.get(_OUT)
                    if out is not None:
                        found.append((i, j, out))
                j += 1
            for node in wild_nodes:
                out = node.get(_OUT)
                if out is not None:
                    found.append((i, i, out))
                if len(node) > (out is not None):  # it has children
                    self._walk(words, i, i + 1, [node], found)
        return found

    @staticmethod
    def _walk(words: list[str], i: int, j: int, frontier: list[dict[str, Any]],
              found: list[tuple[int, int, list[_Entry]]]) -> None:
        """Follow every branch (exact words and wildcard prefixes) from part ``j`` on."""
        n = len(words)
        while frontier and j < n:
            word = words[j]
            nxt: list[dict[str, Any]] = []
            for node in frontier:
                child = node.get(word)
                if child is not None:
                    nxt.append(child)
                node_wild = node.get(_WILD)
                if node_wild is not None:
                    nxt += node_wild.lookup(word)
            for node in nxt:
                out = node.get(_OUT)
                if out is not None:
                    found.append((i, j, out))
            frontier = nxt
            j += 1

    @staticmethod
    def _valid(seq: _Text, i: int, j: int, entry: _Entry) -> bool:
        if not entry.partial_ok and (i in seq.inner_start or j in seq.inner_end):
            return False
        if j > i and not seq.gaps_ok(i, entry.gaps):
            return False
        if entry.surface is not None and not seq.surface_ok(i, entry.surface):
            return False
        return entry.excludes is None or not seq.excluded(i, j, entry.excludes)


def _match(entry: _Entry, start: int, end: int, text: str) -> Match:
    """Build a :class:`Match` from an entry's prepared fields.

    Matches are the bulk of the output, so the frozen dataclass is filled
    through its ``__dict__`` (what its ``__init__`` would store) instead of
    sixteen frozen ``__setattr__`` calls.
    """
    match = object.__new__(Match)
    fields = match.__dict__
    fields.update(entry.static)
    fields["start"] = start
    fields["end"] = end
    fields["form"] = text[start:end]
    return match
