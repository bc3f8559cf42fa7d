"""Segmentation of news text with exact character offsets.

:func:`segment` finds, in one pass over a document:

- sentences (NLTK Punkt with abbreviations shipped in ``framing/data``; every
  line that is a headline, a bullet or a line of a line-broken brief is its own
  sentence);
- word tokens (a regular expression that keeps ``NATO’s``, ``US-Russian``,
  ``Article-5-level``, ``€135.7bn``, ``$100m`` and ``U.S.`` whole);
- quotations (straight and curly, double and single marks; apostrophes are told
  apart from quotation marks; nested, multi-paragraph and unbalanced quotations
  are recovered, never fatal) and, among them, scare quotes;
- the voice of every offset: ``authorial``, ``quoted`` or ``scare_quoted``
  (attribution adds ``reported`` later through :meth:`VoiceMap.overlay`).

All offsets index the original string: ``text[start:end]`` is the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np

from framing import resources

__all__ = [
    "AUTHORIAL", "QUOTED", "REPORTED", "SCARE_QUOTED", "VOICES",
    "Quotation", "VoiceMap", "Segmentation", "segment", "tokenize", "split_sentences",
    "find_quotations",
]

AUTHORIAL = "authorial"
QUOTED = "quoted"
REPORTED = "reported"
SCARE_QUOTED = "scare_quoted"
#: All voices, in the order of their integer codes in :meth:`VoiceMap.codes`.
VOICES: tuple[str, ...] = (AUTHORIAL, QUOTED, REPORTED, SCARE_QUOTED)

_CURRENCY = "$€£¥₴₽"
TOKEN_RE = re.compile(
    r"[^\W\d_](?:\.(?:[^\W\d_]\.)+"                         # dotted acronyms: U.S., e.g.
    r"|[^\W_]*(?:[-‐‑'’][^\W_]+)*)"                         # words: NATO’s, US-Russian, don't
    rf"|[{_CURRENCY}]?\d+(?:[.,]\d+)*(?:[^\W_]+|%)?(?:[-‐‑][^\W_]+)*"  # €135.7bn, $100m, 28-point
)

_LINE_RE = re.compile(r"[^\r\n]+")
_TERMINAL = ".!?…:;"
_CLOSERS = "\"'”’»)]"


def tokenize(text: str) -> np.ndarray:
    """Return word-token spans as an ``(n, 2)`` int array of ``[start, end)`` offsets.

    Punctuation is not a token; a possessive stays on its word (``NATO’s``).

    >>> text = "NATO’s US-Russian talks cost €135.7bn."
    >>> [text[s:e] for s, e in tokenize(text)]
    ['NATO’s', 'US-Russian', 'talks', 'cost', '€135.7bn']
    """
    spans = list(map(re.Match.span, TOKEN_RE.finditer(text)))
    flat = np.fromiter(chain.from_iterable(spans), dtype=np.int64, count=2 * len(spans))
    return flat.reshape(-1, 2)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Yield line blocks: each line is its own block unless it plainly continues the last.

    A line continues the previous one when the previous line does not end in
    sentence punctuation and this one starts with a lowercase letter or a
    continuation mark; every other line break (headline, bullet, brief) is a
    sentence boundary.
    """
    start = end = -1
    for m in _LINE_RE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        s = m.start() + (len(line) - len(line.lstrip()))
        e = m.start() + len(line.rstrip())
        if start >= 0:
            prev_last = text[end - 1]
            first = stripped[0]
            continues = prev_last not in _TERMINAL and prev_last not in _CLOSERS and (
                first.islower() or first in ",;)—–")
            if continues:
                end = e
                continue
            yield start, end
        start, end = s, e
    if start >= 0:
        yield start, end


def split_sentences(text: str) -> np.ndarray:
    """Return sentence spans as an ``(n, 2)`` int array of ``[start, end)`` offsets.

    >>> text = "Gen. Smith arrived in the U.S. on Monday. Talks began.\\n► Details follow"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Gen. Smith arrived in the U.S. on Monday.', 'Talks began.', '► Details follow']
    """
    punkt = resources.sentence_splitter()
    abbreviations = resources.abbreviations()
    spans: list[tuple[int, int]] = []
    for b_start, b_end in _blocks(text):
        block = text[b_start:b_end]
        fast = _unambiguous_spans(block, abbreviations)
        found = fast if fast is not None else punkt.span_tokenize(block)
        spans.extend((b_start + s, b_start + e) for s, e in found)
    return np.array(spans, dtype=np.int64).reshape(-1, 2)


_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE_RE = re.compile(r"(?:^|[\s\"'“‘«(\[])([^\W\d_]{2,})$")
_STARTER_RE = re.compile(r"\s+[\"'“‘«(\[]?[^\W\d_]")


def _unambiguous_spans(block: str, abbreviations: frozenset[str]) -> list[tuple[int, int]] | None:
    """Sentence spans of ``block`` when every candidate boundary is plain, else ``None``.

    A plain boundary is one Punkt would mark whatever its parameters: ``?``
    or ``!``, or a single full stop after a word of two or more letters that
    is not a known abbreviation, followed by a capitalised word. Anything
    else (abbreviations, initials, numbers, ellipses, a lowercase next word)
    is left to Punkt, so the result equals Punkt's on every block; this
    fast path only skips Punkt's per-candidate work where the answer is sure.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END_RE.finditer(block):
        punct = m.group().rstrip("\"'”’»)]")
        nxt = _STARTER_RE.match(block, m.end())
        if nxt is None or not block[nxt.end() - 1].isupper():
            return None
        if "." in punct or "…" in punct:
            if punct != ".":
                return None
            word = _WORD_BEFORE_RE.search(block, 0, m.start())
            if word is None or word.group(1).lower() in abbreviations:
                return None
        spans.append((start, m.end()))
        start = nxt.start() + len(nxt.group()) - len(nxt.group().lstrip())
    spans.append((start, len(block)))
    return spans


# ---------------------------------------------------------------------------
# Quotations

_MARK_RE = re.compile("[\"'“”„«»‘’‹›]")
_DOUBLE = frozenset('"“”„«»')
_OPEN_ONLY = frozenset("“„«‘‹")
_CLOSE_ONLY = frozenset("”»›")
_OPENING_CONTEXT = frozenset("([{—–-/")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}—–-…/")
_PARAGRAPH_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_SPACE_RE = re.compile(r"\s*")
_SO_CALLED_RE = re.compile(r"so[-\s]called\s*$", re.IGNORECASE)

#: Scare quotes hold at most this many words.
MAX_SCARE_WORDS = 4
#: How many words before a short quotation are searched for a reporting cue.
CUE_WINDOW = 8


@dataclass(frozen=True)
class Quotation:
    """A quoted stretch of text.

    ``start``/``end`` include the quotation marks, ``content_start``/``content_end``
    exclude them. ``closed`` is false when no closing mark was found and the
    quotation was ended at the paragraph end. ``scare`` marks a scare quote:
    a short phrase in the writer's own sentence with no speaker or reporting
    cue, inside a sentence that has words of the writer's before it (a
    short quotation that opens a sentence is a quotation; one that follows a
    colon, a comma or a reporting verb, or is followed by ``, <speaker>
    said``, is a partial quotation). ``depth`` is 0 for outermost quotations.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool = True
    scare: bool = False
    depth: int = 0
    n_words: int = 0

    @property
    def kind(self) -> str:
        return "scare_quote" if self.scare else "quotation"


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _mark_role(mark: str, prev: str, nxt: str, double_open: bool, single_open: bool) -> str:
    """Classify one quotation-mark character as 'open', 'close' or 'none' (apostrophe)."""
    can_open = not _is_space(nxt) and (
        _is_space(prev) or prev in _OPENING_CONTEXT or prev in _DOUBLE or prev in "‘’'‹«")
    can_close = not _is_space(prev) and (
        _is_space(nxt) or nxt in _CLOSING_CONTEXT or nxt in _DOUBLE or nxt in "‘’'›»")
    if mark in _OPEN_ONLY:
        if mark == "‘" and prev.isalnum() and nxt.isalnum():
            return "none"
        return "open"
    if mark in _CLOSE_ONLY:
        return "close"
    if mark == '"':
        if can_open and not can_close:
            return "open"
        if can_close and not can_open:
            return "close"
        return "close" if double_open else "open"
    # ’ and ': apostrophe inside a word (don’t, NATO’s) or before digits (’90s).
    # The right mark ’ closes but never opens a quotation.
    if prev.isalnum() and nxt.isalnum():
        return "none"
    if can_close and single_open:
        return "close"
    if mark == "'" and can_open and not can_close and not nxt.isdigit():
        return "open"
    return "none"


def _paragraph_ends(text: str) -> list[int]:
    ends = [m.start() for m in _PARAGRAPH_RE.finditer(text)]
    ends.append(len(text))
    return ends


def _find_quote_spans(text: str) -> list[tuple[int, int, bool, int]]:
    """Return ``(start, end, closed, depth)`` for every quotation, unordered."""
    found: list[tuple[int, int, bool, int]] = []
    stack: list[tuple[bool, int]] = []  # (is_double, position of the opening mark)
    para_ends = iter(_paragraph_ends(text))
    para_end = next(para_ends)
    continued = False  # a double quotation left open across a paragraph break

    def close_paragraph(at: int) -> None:
        nonlocal continued
        # Unclosed single marks were apostrophes; an unclosed double quotation
        # continues when the next paragraph opens with a quotation mark
        # (news convention), else it ends at the paragraph end.
        while stack and not stack[-1][0]:
            stack.pop()
        if not stack:
            return
        after = _SPACE_RE.match(text, at).end()
        if text[after:after + 1] in ('"', "“", "«", "„") and len(stack) == 1:
            continued = True
            return
        end = at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        while stack:
            is_double, pos = stack.pop()
            if is_double:
                found.append((pos, end, False, len(stack)))

    for m in _MARK_RE.finditer(text):
        i = m.start()
        while i >= para_end:
            close_paragraph(para_end)
            para_end = next(para_ends)
        mark = m.group()
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        double_open = any(d for d, _ in stack)
        single_open = any(not d for d, _ in stack)
        role = _mark_role(mark, prev, nxt, double_open and stack[-1][0], single_open)
        is_double = mark in _DOUBLE
        if continued:
            continued = False
            if role == "open" and is_double:
                continue  # the reopening mark of a continued quotation
        if role == "open":
            stack.append((is_double, i))
        elif role == "close":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == is_double:
                    del stack[depth + 1:]  # inner unclosed marks: not quotations
                    _, pos = stack.pop()
                    found.append((pos, i + 1, True, depth))
                    break
    while True:
        close_paragraph(para_end)
        try:
            para_end = next(para_ends)
        except StopIteration:
            break
    if stack:
        close_paragraph(len(text))
    return found


def _has_cue_before(text: str, start: int, floor: int, cues: frozenset[str]) -> bool:
    before = text[floor:start]
    if _SO_CALLED_RE.search(before):
        return False
    if before.rstrip().endswith((":", ",")):
        return True
    words = [text[floor + s:floor + e].lower() for s, e in
             (m.span() for m in TOKEN_RE.finditer(before))][-CUE_WINDOW:]
    return any(w in cues for w in words)


def _has_cue_after(text: str, end: int, ceiling: int, cues: frozenset[str]) -> bool:
    after = text[end:ceiling]
    m = re.match(r"\s*,", after)
    if not m:
        return False
    words = [w.lower() for w in TOKEN_RE.findall(after[m.end():])[:5]]
    return any(w in cues for w in words)


def find_quotations(text: str, sentences: np.ndarray | None = None,
                    cues: frozenset[str] | None = None) -> list[Quotation]:
    """Find quotations and scare quotes, ordered by start offset.

    Parameters
    ----------
    text
        The document text.
    sentences
        Sentence spans from :func:`split_sentences` (computed when omitted);
        a reporting cue counts only inside the quotation's sentence.
    cues
        Lowercased surface forms of reporting verbs (``said``, ``describing``,
        ``calls``). Defaults to the list shipped in ``framing/data``.
    """
    if sentences is None:
        sentences = split_sentences(text)
    cues = resources.reporting_cue_forms() if cues is None else cues
    sent_starts = sentences[:, 0] if len(sentences) else np.zeros(0, dtype=np.int64)
    sent_ends = sentences[:, 1] if len(sentences) else np.zeros(0, dtype=np.int64)
    quotations = []
    for start, end, closed, depth in sorted(_find_quote_spans(text)):
        content_start = start + 1
        content_end = end - 1 if closed else end
        content = text[content_start:content_end]
        n_words = len(TOKEN_RE.findall(content))
        k = int(np.searchsorted(sent_starts, start, side="right")) - 1
        floor = int(sent_starts[k]) if k >= 0 else 0
        ceiling = int(sent_ends[k]) if k >= 0 else len(text)
        ceiling = max(ceiling, end)
        embedded = TOKEN_RE.search(text, floor, start) is not None
        scare = (
            closed
            and embedded
            and 1 <= n_words <= MAX_SCARE_WORDS
            and "\n" not in content
            and not _has_cue_before(text, start, floor, cues)
            and not _has_cue_after(text, end, ceiling, cues)
        )
        quotations.append(Quotation(start, end, content_start, content_end, closed, scare,
                                    depth, n_words))
    return quotations


# ---------------------------------------------------------------------------
# Voice


@dataclass(frozen=True)
class VoiceMap:
    """Which voice each character offset is in.

    Stored as sorted, non-overlapping ``[start, end)`` intervals of
    non-authorial voice; every offset outside them is authorial.
    """

    starts: np.ndarray
    ends: np.ndarray
    codes: np.ndarray  # index into VOICES

    @classmethod
    def from_quotations(cls, quotations: Iterable[Quotation]) -> VoiceMap:
        """Outermost quotations give the voice; scare quotes are scare-quoted."""
        intervals = [(q.start, q.end, VOICES.index(SCARE_QUOTED if q.scare else QUOTED))
                     for q in quotations if q.depth == 0]
        return cls._from_intervals(intervals)

    @classmethod
    def _from_intervals(cls, intervals: list[tuple[int, int, int]]) -> VoiceMap:
        intervals.sort()
        merged: list[tuple[int, int, int]] = []
        for s, e, c in intervals:
            if merged and s < merged[-1][1]:
                continue  # overlapping intervals: the earlier one holds
            merged.append((s, e, c))
        arr = np.array(merged, dtype=np.int64).reshape(-1, 3)
        return cls(arr[:, 0], arr[:, 1], arr[:, 2])

    def overlay(self, spans: Iterable[tuple[int, int]], voice: str = REPORTED) -> VoiceMap:
        """Return a map where the authorial parts of ``spans`` take ``voice``.

        Quoted and scare-quoted stretches inside the spans keep their voice:
        a quotation inside reported speech is still the quoted speaker's.
        """
        code = VOICES.index(voice)
        intervals = list(zip(self.starts.tolist(), self.ends.tolist(), self.codes.tolist()))
        for s, e in spans:
            cursor = s
            for qs, qe, _ in intervals:
                if qe <= cursor or qs >= e:
                    continue
                if qs > cursor:
                    intervals.append((cursor, qs, code))
                cursor = max(cursor, qe)
            if cursor < e:
                intervals.append((cursor, e, code))
        return VoiceMap._from_intervals(intervals)

    def codes_at(self, offsets: np.ndarray) -> np.ndarray:
        """Voice codes (indices into :data:`VOICES`) for an array of offsets."""
        offsets = np.asarray(offsets, dtype=np.int64)
        k = np.searchsorted(self.starts, offsets, side="right") - 1
        inside = (k >= 0) & (offsets < self.ends[np.clip(k, 0, None)] if len(self.ends) else False)
        out = np.zeros(offsets.shape, dtype=np.int64)
        if len(self.codes):
            out[inside] = self.codes[k[inside]]
        return out

    def voice_at(self, offset: int) -> str:
        """The voice of one character offset."""
        return VOICES[int(self.codes_at(np.array([offset]))[0])]


def _empty_map() -> VoiceMap:
    return VoiceMap._from_intervals([])


# ---------------------------------------------------------------------------
# The whole segmentation


@dataclass(frozen=True)
class Segmentation:
    """Sentences, tokens, quotations and voices of one text, all as offsets."""

    text: str
    sentences: np.ndarray
    tokens: np.ndarray
    quotations: tuple[Quotation, ...]
    voice: VoiceMap

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    @cached_property
    def token_voice_codes(self) -> np.ndarray:
        """Voice code of each token (by its first character)."""
        return self.voice.codes_at(self.tokens[:, 0])

    def tokens_per_voice(self, voice: VoiceMap | None = None) -> dict[str, int]:
        """Number of word tokens in each voice (under ``voice``, default this map)."""
        codes = self.token_voice_codes if voice is None else voice.codes_at(self.tokens[:, 0])
        counts = np.bincount(codes, minlength=len(VOICES))
        return {v: int(counts[i]) for i, v in enumerate(VOICES)}

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (-1 when between sentences)."""
        k = int(np.searchsorted(self.sentences[:, 0], offset, side="right")) - 1
        if k >= 0 and offset < self.sentences[k, 1]:
            return k
        return -1

    def spans(self) -> list[dict[str, object]]:
        """Quotation and scare-quote spans in the ``framing analyze`` JSONL shape."""
        return [{"kind": q.kind, "start": q.start, "end": q.end,
                 "text": self.text[q.start:q.end], "closed": q.closed, "depth": q.depth}
                for q in self.quotations]


def segment(text: str, *, cues: frozenset[str] | None = None) -> Segmentation:
    """Segment ``text`` into sentences, tokens, quotations and voices.

    Parameters
    ----------
    text
        The document text, unmodified.
    cues
        Reporting-verb surface forms used to tell partial quotations from
        scare quotes; defaults to the list shipped with the package.

    Examples
    --------
    >>> seg = segment('Washington’s ‘peace’ plan stalled. "We don’t accept it," he said.')
    >>> [(q.kind, seg.text[q.content_start:q.content_end]) for q in seg.quotations]
    [('scare_quote', 'peace'), ('quotation', 'We don’t accept it,')]
    """
    if not isinstance(text, str):
        raise TypeError(f"segment() takes str, got {type(text).__name__}")
    sentences = split_sentences(text)
    tokens = tokenize(text)
    quotations = tuple(find_quotations(text, sentences, cues))
    voice = VoiceMap.from_quotations(quotations) if quotations else _empty_map()
    return Segmentation(text, sentences, tokens, quotations, voice)
