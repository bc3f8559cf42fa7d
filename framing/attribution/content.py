"""Rules that find the content of an attribution and its kind.

The content is a quotation set off next to the cue (direct), the that-clause
or rest of the clause after the cue (indirect, or partial when it holds a
quotation), the characterisation after ``as`` or a quoted label
(``describing it as 'unconstructive'``), or the clause before a final
``, officials said``. :class:`ContentRules` is a base of the extraction rules
in :mod:`framing.attribution.extract`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from framing.attribution import grammar as g
from framing.attribution.drafts import Cue
from framing.attribution.tokens import TokenView

if TYPE_CHECKING:
    from framing.text import Quotation

__all__ = ["LEAD_BULLETS", "ContentRules"]

#: Candidate clause ends: a semicolon, bracket or dash; a comma and the next word;
#: ``and``/``but`` and the next word.
_CLAUSE_BREAK_RE = re.compile(
    r"[;(—]|\s–\s|,[\s\"'”’]*[\"'“‘]?([^\W\d_][\w’'-]*)|\s(?:and|but)\s+([^\W\d_][\w’'-]*)")
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                     "can", "may", "might", "must", "should", "did", "does", "do", "shall",
                     "'s", "’s", "isn't", "wasn't", "won't", "can't", "didn't", "doesn't"})
_NOT_PARTICIPLES = frozenset({"including", "during", "following", "regarding", "concerning",
                              "notwithstanding", "something", "nothing", "anything", "everything",
                              "king", "thing", "spring", "morning", "evening", "meeting",
                              "building", "bring", "string", "ring", "wing", "ceiling"})
_TOPIC_PREPOSITIONS = frozenset({"of", "about", "against", "on"})
#: Characters that may open a line before its text (bullets, dashes, spaces).
LEAD_BULLETS = "►•*-–— \t\n"
_PRO_FORMS = frozenset({"so", "nothing", "otherwise", "little", "much", "anything", "something"})
_TELL = frozenset({"tell", "inform", "assure", "reassure", "remind", "brief", "notify"})
_AFTER_ADDRESSEE = frozenset({"that", "to", "against", "of", "about", "over", "for", "not"})
_ADVERBS = frozenset({"also", "again", "later", "earlier", "yesterday", "today", "too", "then",
                      "once", "repeatedly", "privately", "publicly", "almost", "daily", "now",
                      "still", "already", "often", "recently", "separately", "previously"})
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "several", "many", "some", "few"})


class ContentRules:
    """Content rules over one document's :class:`TokenView`."""

    def __init__(self, view: TokenView) -> None:
        self.v = view
        self.text = view.text

    def skip_lead_adverbials(self, i: int, upto: int) -> int:
        """Skip ``On Monday,``, ``At the October meeting in South Korea,``, a dateline."""
        v = self.v
        s_start = v.sentence(v.starts[i])[0]
        if v.starts[i] - s_start < 3:
            m = g.DATELINE_RE.match(self.text, s_start)
            if m and m.end() <= v.starts[upto]:
                i = v.tok_from(m.end())
        for _ in range(3):
            if i > upto:
                break
            b = v.base(i)
            if not (b in g.PREPOSITIONS or b in g.CLAUSE_OPENERS or b in g.TIME_WORDS
                    or v.word(i)[:1].isdigit() or v.is_adverb(i) or b in _NUMBER_WORDS):
                break
            j = i
            while j < upto and v.linked(j):
                j += 1
            if j < upto and "," in v.gap(j + 1):
                i = j + 1
            else:
                break
        return i

    # -- content -------------------------------------------------------------

    def quote_before(self, pos: int) -> Quotation | None:
        """A quotation that ends right before the speaker and cue: ``"...," X said``."""
        v = self.v
        k = v.tok_at(pos)
        qi = bisect_left(v.q_starts, pos) - 1
        if qi < 0:
            return None
        q = v.quotes[qi]
        if q.end > pos or q.scare:
            return None
        between = self.text[q.end:pos]
        if "\n\n" in between or k < 0:
            return None
        if between.strip() not in ("", ",", "—", "–") and not self.is_title_apposition(q.end, pos):
            return None
        last = self.text[q.content_start:q.content_end].rstrip()[-1:]
        if last in (".", ":", ";") and "," not in between:
            return None  # a finished quotation: what follows is a new sentence
        lead = self.text[v.sentence(q.start)[0]:q.start]
        if lead.strip(LEAD_BULLETS) and not lead.rstrip().endswith((":", ",")):
            return None  # the writer's words come first: part of a longer sentence
        return q

    def is_title_apposition(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is ``, <noun phrase>,`` (``"...," Ukraine's
        commander-in-chief, Oleksandr Syrskyi, said``)."""
        v = self.v
        between = self.text[start:end].strip(" ,")
        if not between or not self.text[start:end].rstrip().endswith(","):
            return False
        first, last = v.tok_from(start), v.tok_from(end) - 1
        return last >= first and v.np_right(first, last + 1) == last

    def quote_after(self, pos: int, s_end: int, cue: Cue) -> Quotation | None:
        """A quotation set off after the cue: ``X said: "..."``, ``said, in ..., '...'``."""
        v = self.v
        qs = v.quotes_between(pos, s_end + 2)
        if not qs or qs[0].scare:
            return None
        q = qs[0]
        between = self.text[pos:q.start]
        if not between.strip():
            head = self.text[q.content_start:q.content_start + 1]
            return q if head.isupper() and q.n_words >= 4 else None
        stripped = between.rstrip()
        if not stripped.endswith((":", ",")) or any(ch in stripped for ch in ".?!;"):
            return None
        toks = range(v.tok_from(pos), v.tok_from(q.start))
        if len(toks) > (25 if stripped.endswith(":") else 12):
            return None
        lead = between.lstrip()
        if toks and not (lead[:1] in ",:" or v.base(toks[0]) in g.ADJUNCT_PREPOSITIONS
                         or v.base(toks[0]) in g.TIME_WORDS or cue.verb in g.ADDRESSEE_VERBS):
            return None
        for t in toks:
            b = v.base(t)
            if b == "that":
                return None
            if t in v.cue_tok and not (t > 0 and v.base(t - 1) in ("and", "or")):
                return None
        return q

    def skip_adjuncts(self, i: int, ceil: int) -> int:
        """Skip prepositional and time adjuncts: ``on Monday``, ``in a statement``."""
        v = self.v
        for _ in range(3):
            if i >= ceil or not v.linked(i - 1):
                break
            b = v.base(i)
            if b in g.TIME_WORDS or b in _ADVERBS or (
                    b.endswith("ly") and len(b) > 4 and v.word(i).islower() and v.is_adverb(i)):
                i += 1
                continue
            if b == "to" and not (i + 1 < ceil and (
                    v.base(i + 1) in g.DETERMINERS or v.base(i + 1) in g.POSSESSIVES
                    or v.is_cap(i + 1) or v.base(i + 1) in g.OBJECT_PRONOUNS)):
                break
            if b not in g.ADJUNCT_PREPOSITIONS:
                break
            j = i + 1
            n = 0
            while j < ceil and v.linked(j - 1) and n < 6:
                bj = v.base(j)
                if (bj == "that" or bj in g.PREPOSITIONS or bj in g.SUBJECT_PRONOUNS
                        or bj in g.WH_WORDS or bj in _FINITE or j in v.cue_tok
                        or (n > 0 and bj in g.DETERMINERS)):
                    break
                j += 1
                n += 1
            if n == 0:
                break
            i = j
        return i

    def content_right(self, cue: Cue, i: int, ceil: int, s_end: int,
                      strict: bool = False) -> tuple | None:
        """Content after the cue: ``(kind, start, end, quotation or None)``.

        ``strict`` (participles): a prepositional phrase is not content
        (``speaking on condition of anonymity``).
        """
        v = self.v
        pos = v.ends[i - 1]
        q = self.quote_after(pos, s_end, cue)
        if q is not None:
            return "direct", q.content_start, q.content_end, q
        if i >= ceil:
            return None
        if cue.verb in g.ADDRESSEE_VERBS and v.joined(i - 1):
            if v.base(i) in g.OBJECT_PRONOUNS:
                i += 1
            elif v.base(i) not in ("that", "to") and not v.base(i) in g.WH_WORDS:
                last = v.np_right(i, ceil)
                if last is not None and (cue.verb in _TELL or last + 1 >= ceil
                                         or not v.joined(last) or v.base(last + 1) in _AFTER_ADDRESSEE
                                         or v.base(last + 1) in g.ADJUNCT_PREPOSITIONS):
                    i = last + 1
            if i < ceil:
                q = self.quote_after(v.ends[i - 1], s_end, cue)
                if q is not None:
                    return "direct", q.content_start, q.content_end, q
        first = i
        i = self.skip_adjuncts(i, ceil)
        only_time = all(v.base(t) in g.TIME_WORDS or v.word(t)[:1].isdigit() or v.is_adverb(t)
                        or v.base(t) in g.PREPOSITIONS or v.base(t) in g.DETERMINERS
                        for t in range(first, i))
        if i >= ceil or v.base(i) in _PRO_FORMS:
            return None
        colon = not v.linked(i - 1)
        if colon and ":" not in v.gap(i):
            return None
        b = v.base(i)
        if strict and b in g.PREPOSITIONS and b not in ("to", "as"):
            return None
        if b == "that" and not (i + 1 < ceil and v.base(i + 1) in _FINITE):
            i += 1
        elif b == "to" or (b in ("not", "never") and i + 1 < ceil and v.base(i + 1) == "to"):
            if cue.verb not in g.TO_VERBS:
                return None  # learns to plunder: not a speech act
        elif colon or b in g.WH_WORDS:
            pass
        elif cue.verb in g.NAMING_VERBS:
            found = self.characterisation(i, s_end, cue.verb in g.BARE_NAMING_VERBS)
            if found is None:
                return None
            i = found
            if i >= ceil:
                return None
            q = v.quote_at(self.start_of(i))
            if q is not None and q.start == self.start_of(i) and not q.scare:
                return self.finish(q.start, q.end)  # the quoted label is the content
        elif cue.verb.split()[-1] in g.PREPOSITIONS or (b in _TOPIC_PREPOSITIONS and only_time):
            pass
        elif not (cue.verb == "say" or self.clause_like(i, ceil)):
            return None
        if i >= ceil:
            return None
        end = self.clause_end(i, s_end)
        if end == v.ends[i] and (v.base(i) in g.OBJECT_PRONOUNS or v.base(i) in _PRO_FORMS):
            return None  # Kyiv denied it
        return self.finish(self.start_of(i), end)

    def start_of(self, i: int) -> int:
        """Offset where content starting at token ``i`` begins (at a quotation mark
        that opens just before the token)."""
        v = self.v
        q = v.quote_at(v.starts[i])
        if q is not None and i > 0 and q.start >= v.ends[i - 1]:
            return q.start
        return v.starts[i]

    def characterisation(self, i: int, s_end: int, bare: bool = True) -> int | None:
        """Token where the characterisation starts after a naming verb's object:
        ``denounced the plan as capitulation`` -> ``capitulation``; ``called the
        draft "a capitulation document"`` -> the quotation."""
        v = self.v
        end = self.clause_end(i, s_end)
        t = i
        while t < v.n and v.starts[t] < end:
            if t in v.cue_tok:
                return None
            if v.base(t) == "as":
                return t + 1
            q = v.quote_at(v.starts[t]) if bare else None
            if q is not None and not q.scare and t > 0 and q.start >= v.ends[t - 1]:
                return t
            t += 1
        return None

    def clause_like(self, i: int, ceil: int) -> bool:
        """Whether the words from token ``i`` look like a clause (a subject and a finite verb)."""
        v = self.v
        b = v.base(i)
        if b in g.SUBJECT_PRONOUNS or b in ("there", "we", "i", "you"):
            return True
        for t in range(i + 1, min(ceil, i + 9)):
            if not v.linked(t - 1) and "," in v.gap(t):
                break
            bt = v.base(t)
            if bt in _FINITE or t in v.cue_tok or bt.endswith(("n't", "n’t")):
                return True
            if bt.endswith("ed") and v.word(t).islower() and bt not in g.PREPOSITIONS:
                return True
        return False

    def clause_end(self, i: int, s_end: int) -> int:
        """Where the clause that starts at token ``i`` ends (an offset): at a
        semicolon, dash or bracket, at a comma before a subordinator or a new
        clause (``, while``, ``, and the ...``), a participle or another cue,
        and before ``and`` + a coordinated reporting verb."""
        v = self.v
        text = self.text
        for m in _CLAUSE_BREAK_RE.finditer(text, v.ends[i], max(v.ends[i], s_end)):
            word = m.group(1) or m.group(2)
            if word is None:
                return self.end_before(m.start(), i)
            j = v.tok_at(m.start(1) if m.group(1) else m.start(2))
            b = v.base(j)
            if m.group(1):
                if (b in g.CONTENT_BREAKERS and (b != "and" or self.new_clause(j + 1)
                                                 or self.coordinated_cue(j + 1))) or (
                        j in v.cue_tok) or (b.endswith("ing") and b not in _NOT_PARTICIPLES
                                            and word[:1].islower()) or (
                        b in g.DETERMINERS and self.frame_ahead(j)):
                    return self.end_before(m.start(), i)
            elif self.coordinated_cue(j):
                return self.end_before(m.start(), i)
        return self.end_before(max(v.ends[i], s_end), i)

    def frame_ahead(self, j: int) -> bool:
        """Whether a reporting verb follows within the phrase from token ``j`` (``, a
        step Moscow has described as unacceptable``: the writer's own appositive)."""
        v = self.v
        for t in range(j + 1, min(v.n, j + 9)):
            if t in v.cue_tok:
                return True
            if not v.joined(t - 1):
                return False
        return False

    def end_before(self, pos: int, i: int) -> int:
        """End offset of the last token (from token ``i`` on) before ``pos``."""
        v = self.v
        k = max(i, bisect_left(v.ends, pos + 1) - 1)
        while k > i and v.ends[k] > pos:
            k -= 1
        return v.ends[k]

    def new_clause(self, j: int) -> bool:
        """Whether token ``j`` (after ``, and``) opens a new clause rather than
        continuing a list (``weak, vague, and internally contradictory``)."""
        v = self.v
        if j >= v.n:
            return False
        b = v.base(j)
        return (b in g.DETERMINERS or b in g.SUBJECT_PRONOUNS or b in g.POSSESSIVES
                or v.is_cap(j) or b in ("there", "we", "i"))

    def coordinated_cue(self, j: int) -> bool:
        v = self.v
        while j < v.n and v.is_adverb(j):
            j += 1
        return j in v.cue_tok and not v.word(j).endswith("s")

    def finish(self, cs: int, ce: int) -> tuple[str, int, int, Quotation | None]:
        """Extend content over a quotation it opens, trim it, and name its kind."""
        v = self.v
        for q in v.quotes_between(cs, ce):
            ce = max(ce, q.end)
        while ce > cs and self.text[ce - 1].isspace():
            ce -= 1
        inner = v.quote_at(cs)
        if inner is not None and inner.start == cs and inner.end == ce:
            return "partial", inner.content_start, inner.content_end, inner
        return self.kind_of(cs, ce), cs, ce, None

    def kind_of(self, cs: int, ce: int) -> str:
        quoted = any(not q.scare for q in self.v.quotes_between(cs, ce))
        return "partial" if quoted else "indirect"

    def content_left(self, group_first: int, after: int, floor: int, ceil: int, s_start: int,
                     s_end: int) -> tuple[int, int, list[tuple[int, int]]] | None:
        """Content before a final cue: ``..., city officials said.``"""
        v = self.v
        if group_first <= floor or "," not in v.gap(group_first):
            return None
        ce = v.ends[group_first - 1]
        i = group_first - 1
        while i > floor:
            between = v.gap(i)
            if any(ch in between for ch in ";:(") or "—" in between or (
                    "–" in between and " " in between):
                break
            if "," in between and v.base(i) in ("and", "but", "while", "whereas", "although",
                                                  "though", "yet"):
                i += 1
                break
            i -= 1
        m = g.DATELINE_RE.match(self.text, s_start)
        if m and v.starts[i] < m.end() < ce:
            i = v.tok_from(m.end())
        i = self.skip_lead_adverbials(i, group_first - 1)
        cs = v.starts[i]
        if cs >= ce:
            return None
        adverbial = (v.base(i) in g.PREPOSITIONS or v.base(i) in g.CLAUSE_OPENERS) and not (
            self.clause_like(i, group_first))
        parts = [(cs, ce)]
        after = self.skip_adjuncts(after, ceil)
        if (after < ceil and "," in v.gap(after) and v.base(after) not in g.CONTENT_BREAKERS
                and v.base(after) not in g.CLAUSE_OPENERS and after not in v.cue_tok
                and not v.word(after).endswith("ing")):
            end = self.clause_end(after, s_end)
            parts.append((v.starts[after], end))
            ce = end
        elif adverbial:
            return None  # As a fallback, the Commission outlined ...
        return cs, ce, parts

    # -- special constructions ---------------------------------------------
