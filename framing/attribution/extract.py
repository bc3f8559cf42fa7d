"""Rules that find attributions: from each reporting cue to its speaker and content.

For each reporting-verb match (and each ``according to``) the rules look for
the speaker to the left of the verb within its clause (a noun phrase or a
pronoun, past appositives such as ``, a senior fellow at ...,``), or to the
right for inversions (``"...," said X``); participles and coordinated verbs
(``..., stating that``, ``... and claimed``) take the subject of their clause.
The content is a quotation set off next to the cue (direct), the that-clause
or rest of the clause after the cue (indirect, or partial when it holds a
quotation), the characterisation after ``as`` (``describing it as
'unconstructive'``), or the clause before a final ``, officials said``.

Cues without a speaker or without content are not attributions: ``the said
agreement``, ``claims of fraud``, ``a report on energy``, ``did not say``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from framing.attribution import grammar as g
from framing.attribution.tokens import TokenView

if TYPE_CHECKING:
    from framing.lexicon.matcher import Match
    from framing.text import Quotation, Segmentation

__all__ = ["Draft", "find_drafts"]

_ACCORDING_RE = re.compile(r"\baccording to\b", re.IGNORECASE)
#: Candidate clause ends: a semicolon, bracket or dash; a comma and the next word;
#: ``and``/``but`` and the next word.
_CLAUSE_BREAK_RE = re.compile(
    r"[;(—]|\s–\s|,[\s\"'”’]*[\"'“‘]?([^\W\d_][\w’'-]*)|\s(?:and|but)\s+([^\W\d_][\w’'-]*)")
_OBJECT_PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "about", "into", "against",
    "between", "among", "than", "via", "toward", "towards", "upon", "under", "over", "through",
    "like", "unlike", "within", "without", "across",
})
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                     "can", "may", "might", "must", "should", "did", "does", "do", "shall",
                     "'s", "’s", "isn't", "wasn't", "won't", "can't", "didn't", "doesn't"})
_NOT_PARTICIPLES = frozenset({"including", "during", "following", "regarding", "concerning",
                              "notwithstanding", "something", "nothing", "anything", "everything",
                              "king", "thing", "spring", "morning", "evening", "meeting",
                              "building", "bring", "string", "ring", "wing", "ceiling"})
_TOPIC_PREPOSITIONS = frozenset({"of", "about", "against", "on"})
_LEAD_BULLETS = "►•*-–— \t\n"
_PRO_FORMS = frozenset({"so", "nothing", "otherwise", "little", "much", "anything", "something"})
_TELL = frozenset({"tell", "inform", "assure", "reassure", "remind", "brief", "notify"})
_AFTER_ADDRESSEE = frozenset({"that", "to", "against", "of", "about", "over", "for", "not"})
_ADVERBS = frozenset({"also", "again", "later", "earlier", "yesterday", "today", "too", "then",
                      "once", "repeatedly", "privately", "publicly", "almost", "daily", "now",
                      "still", "already", "often", "recently", "separately", "previously"})
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "several", "many", "some", "few"})


@dataclass
class Draft:
    """An attribution being built: token spans and offsets, not yet classified."""

    kind: str
    cue_start: int
    cue_end: int
    verb: str
    verb_class: str
    speaker: tuple[int, int] | None  # first and last token of the speaker
    content_start: int
    content_end: int
    reported: list[tuple[int, int]] = field(default_factory=list)
    pronoun: bool = False
    continued: bool = False
    quote: Quotation | None = None
    detail: str | None = None  # source-cue type implied by the construction (impersonal)

    def hull(self, view: TokenView) -> tuple[int, int]:
        starts = [self.cue_start, self.content_start]
        ends = [self.cue_end, self.content_end]
        if self.speaker is not None:
            starts.append(view.starts[self.speaker[0]])
            ends.append(view.ends[self.speaker[1]])
        return min(starts), max(ends)


@dataclass(frozen=True)
class _Cue:
    tok: int
    last: int
    start: int
    end: int
    verb: str
    verb_class: str
    form: str

    @property
    def participle_ing(self) -> bool:
        return self.form.endswith("ing")

    @property
    def participle_ed(self) -> bool:
        return self.form.endswith(("ed", "en")) or self.form in g.IRREGULAR_PARTICIPLES


def find_drafts(text: str, seg: Segmentation, matches: Sequence[Match]) -> tuple[TokenView, list[Draft]]:
    """Find every attribution in one document (unclassified drafts, in text order)."""
    view = TokenView(text, seg, matches)
    rules = _Rules(view)
    drafts: list[Draft] = []
    for m in view.cues:
        cue = rules.cue(m)
        q = view.quote_at(cue.start)
        if q is not None and not q.scare:
            continue  # a cue inside a quotation is the quoted speaker's word
        sc = view.source_cue.get(cue.tok)
        if sc is not None and sc.end == cue.end and cue.form.endswith("s") and cue.tok > view.tok_at(
                sc.start):
            continue  # a noun inside a source cue: media reports, unconfirmed reports
        draft = rules.attribute(cue)
        if draft is not None:
            drafts.append(draft)
    for found in _ACCORDING_RE.finditer(text):
        q = view.quote_at(found.start())
        if q is None or q.scare:
            draft = rules.according_to(found.start(), found.end())
            if draft is not None:
                drafts.append(draft)
    drafts.sort(key=lambda d: d.cue_start)
    return view, rules.continuations(drafts)


class _Rules:
    """The extraction rules over one document's :class:`TokenView`."""

    def __init__(self, view: TokenView) -> None:
        self.v = view
        self.text = view.text

    # -- cues --------------------------------------------------------------

    def cue(self, m: Match) -> _Cue:
        v = self.v
        first, last = v.tok_at(m.start), v.tok_at(m.end - 1)
        verb = m.term.lower()
        end = m.end
        if verb.endswith(" that") and last > first and v.base(last) == "that":
            verb = verb[:-5]
            last -= 1
            end = v.ends[last]
        return _Cue(first, last, m.start, end, verb, m.verb_class or "neutral", v.low(first))

    def attribute(self, cue: _Cue) -> Draft | None:
        v = self.v
        s_start, s_end = v.sentence(cue.start)
        floor, ceil = v.tok_from(s_start), v.tok_from(s_end)
        if cue.form.endswith("s") and cue.last + 1 < ceil and v.joined(cue.last) and v.base(
                cue.last + 1) in ("of", "were", "are", "have", "had", "about"):
            return None  # a noun: claims of fraud, reports about
        subject = self.left_subject(cue, floor)
        if subject is None:
            return None
        mode = subject[0]
        pronoun = False
        speaker: tuple[int, int] | None = None
        after = cue.last + 1
        if mode == "passive":
            return self.passive(cue, subject[1], floor, ceil, s_end)
        if mode == "invert":
            if cue.verb in g.ADDRESSEE_VERBS:
                return None
            speaker = self.inverted_speaker(cue, ceil)
            if speaker is None:
                return None
            pronoun = v.base(speaker[0]) in g.SUBJECT_PRONOUNS
            after = speaker[1] + 1
        elif mode == "clause":
            found = self.clause_subject(subject[1], floor)
            if found is None:
                return None
            speaker, pronoun = found
        else:
            speaker, pronoun = (subject[1], subject[2]), mode == "pronoun"
        return self.with_content(cue, speaker, pronoun, after, floor, ceil, s_start, s_end,
                                 attached=mode == "clause")

    def with_content(self, cue: _Cue, speaker: tuple[int, int], pronoun: bool, after: int,
                     floor: int, ceil: int, s_start: int, s_end: int,
                     attached: bool = False) -> Draft | None:
        """Find the content for a cue whose speaker is known.

        ``attached``: the cue is a participle or a coordinated verb whose
        subject stands away from it; only content after the cue is its own.
        """
        v = self.v
        group_first = cue.tok if attached else min(speaker[0], cue.tok)
        draft = Draft("direct", cue.start, cue.end, cue.verb, cue.verb_class, speaker, 0, 0,
                      pronoun=pronoun)
        q = None if attached else self.quote_before(v.starts[group_first])
        if q is not None:
            draft.content_start, draft.content_end, draft.quote = q.content_start, q.content_end, q
            return draft
        right = self.content_right(cue, after, ceil, s_end, strict=cue.participle_ing)
        if right is not None:
            kind, cs, ce, quote = right
        elif attached:
            return None
        else:
            left = self.content_left(group_first, after, floor, ceil, s_start, s_end)
            if left is None:
                return None
            cs, ce, parts = left
            draft.reported = parts
            kind, quote = self.kind_of(cs, ce), None
        draft.kind, draft.content_start, draft.content_end, draft.quote = kind, cs, ce, quote
        return draft

    # -- speakers ----------------------------------------------------------

    def left_subject(self, cue: _Cue, floor: int) -> tuple | None:
        """Classify what stands left of the verb.

        Returns ``("np", first, last)``, ``("pronoun", i, i)``, ``("clause", upto)``
        (participle or coordinated verb: the clause's subject, searched up to
        token ``upto``), ``("invert",)``, ``("passive", subject_last)`` or
        ``None`` (not an attribution).
        """
        v = self.v
        k = cue.tok - 1
        passive = False
        while k >= floor and v.joined(k):
            b = v.base(k)
            if b in g.NEGATIONS or b.endswith(("n't", "n’t")) or b in g.MODALS:
                return None  # did not say, will conclude: no speech reported
            if b in g.BE_FORMS and cue.participle_ed:
                passive = True
            elif b in g.TIME_WORDS and k - 1 >= floor and v.joined(k - 1) and v.base(k - 1) in (
                    "on", "last", "this", "earlier", "late", "next"):
                k -= 1
            elif not v.is_adverb(k):
                break
            k -= 1
        if k < floor or not v.joined(k):
            prev_end = v.ends[k] if k >= floor else v.sentence(cue.start)[0]
            between = self.text[prev_end:v.starts[k + 1]]
            if any(ch in g.QUOTE_MARKS for ch in between) or (
                    k >= floor and v.quote_at(v.starts[k]) is not None):
                return ("invert",)
            if passive:
                return None
            can_invert = cue.verb in g.INVERSION_VERBS and not cue.participle_ing
            if "," in between and k >= floor:
                if cue.participle_ing:
                    return ("clause", k)
                found = self.appositive_subject(k, floor)
                if found:
                    return ("np", *found)
            return ("invert",) if can_invert else None
        b = v.base(k)
        if passive:
            return ("passive", k)
        if b in g.SUBJECT_PRONOUNS:
            if b == "it" and k > floor and v.joined(k - 1) and not (
                    v.base(k - 1) in g.CLAUSE_OPENERS or v.is_adverb(k - 1)):
                return None  # it as an object: ... is demanding it tells you
            return ("pronoun", k, k)
        if b in ("and", "but", "or"):
            return ("clause", k - 1) if k - 1 >= floor else None
        if b in g.RELATIVES:
            j = k - 1
            if j < floor or (b == "that" and not v.is_role(j)):
                return None
            s = v.postmodified_np(j, floor)
            s = v.np_left(j, floor) if s is None else s
            return ("np", s, j) if s is not None else None
        if (b in g.DETERMINERS or b in g.POSSESSIVES or v.is_possessive(k) or b in g.PREPOSITIONS
                or b in g.NON_SOURCE_PRONOUNS or b in g.NON_SOURCE_WORDS):
            return None
        s = v.postmodified_np(k, floor)
        if s is None:
            s = v.np_left(k, floor)
        if s is None:
            return None
        if (s > floor and v.joined(s - 1) and v.base(s - 1) in _OBJECT_PREPOSITIONS
                and not cue.participle_ing):
            return None  # an object (talks with officials), not a subject
        if (s > floor and v.joined(s - 1) and v.base(s - 1) in g.FREE_RELATIVES
                and cue.verb not in g.NAMING_VERBS):
            return None  # what he meant; but: what Moscow calls its "special military operation"
        return ("np", s, k)

    def appositive_subject(self, k: int, floor: int) -> tuple[int, int] | None:
        """The subject before comma-set appositives: ``Andrei Yermak, the head of
        Zelensky's office, who led the delegation, insisted`` -> ``Andrei Yermak``."""
        v = self.v
        end = k
        for _ in range(4):
            j = end
            while j > floor and (v.joined(j - 1) or (
                    self.text[v.ends[j - 1]:v.starts[j]].strip() == "."
                    and v.base(j - 1) in g.ABBREVIATED_TITLES)):
                j -= 1
            if self.is_appositive(j, end) and not (j <= floor and v.base(j) in g.DETERMINERS):
                if j <= floor or "," not in v.gap(j):
                    return None
                end = j - 1
                continue
            s = v.postmodified_np(end, j)
            s = v.np_left(end, j) if s is None else s
            if s is None:
                return None
            if s != j and not (v.base(j) in g.PREPOSITIONS or v.base(j) in g.CLAUSE_OPENERS
                               or v.word(j).isdigit()):
                return None
            return s, end
        return None

    def is_appositive(self, first: int, last: int) -> bool:
        v = self.v
        b, w = v.base(first), v.word(first)
        return (b in g.DETERMINERS or b in g.RELATIVES or b in ("whose", "whom", "where")
                or b in g.PREPOSITIONS or b in g.POSSESSIVES or w[:1].isdigit()
                or (w.endswith("ing") and w.islower()) or v.is_adverb(first)
                or (w.islower() and g.is_source_head(b)))

    def inverted_speaker(self, cue: _Cue, ceil: int) -> tuple[int, int] | None:
        """The speaker after the verb: ``"...," said presidential aide Yuri Ushakov``."""
        v = self.v
        i = cue.last + 1
        if i >= ceil or not v.joined(cue.last):
            return None
        found = i if v.base(i) in g.SUBJECT_PRONOUNS else v.np_right(i, ceil)
        if found is None:
            return None
        last = found
        nxt = last + 1
        if nxt < ceil and v.joined(last) and not (
                v.base(nxt) in g.ADJUNCT_PREPOSITIONS or v.base(nxt) in g.TIME_WORDS
                or v.base(nxt) == "of"):
            return None  # said Russia had ...: a clause, not an inverted speaker
        return i, last

    def clause_start(self, j: int, floor: int) -> int:
        """First token of the clause that contains token ``j``."""
        v = self.v
        i = j
        while i > floor:
            between = v.gap(i)
            if any(ch in between for ch in ";:()") or (
                    any(ch in g.DASHES for ch in between) and " " in between):
                return i
            if any(ch in g.QUOTE_MARKS for ch in between):
                q = v.quote_at(v.starts[i - 1])
                if q is not None and not q.scare and v.quote_at(v.starts[i]) is not q:
                    return i  # the clause starts after a quotation
            if "," in between and v.base(i) in g.CLAUSE_OPENERS and i < j:
                return i + 1
            i -= 1
        return floor

    def clause_subject(self, upto: int, floor: int) -> tuple[tuple[int, int], bool] | None:
        """The subject of the clause holding token ``upto`` (for participles and
        coordinated verbs), trying earlier clauses of a coordination in turn."""
        v = self.v
        j = upto
        while j >= floor:
            start = self.clause_start(j, floor)
            i = self.skip_lead_adverbials(start, upto)
            q = v.quote_at(v.starts[i]) if i <= upto else None
            if i <= upto and (q is None or q.scare):
                if v.base(i) in g.SUBJECT_PRONOUNS:
                    return (i, i), True
                last = v.np_right(i, upto + 1)
                if last is not None and v.is_head(last):
                    return (i, last), False
            if start <= floor:
                return None
            j = start - 1
            while j > floor and v.base(j) in g.CLAUSE_OPENERS:
                j -= 1
        return None

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
        if lead.strip(_LEAD_BULLETS) and not lead.rstrip().endswith((":", ",")):
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

    def quote_after(self, pos: int, s_end: int, cue: _Cue) -> Quotation | None:
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

    def content_right(self, cue: _Cue, i: int, ceil: int, s_end: int,
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

    def passive(self, cue: _Cue, k: int, floor: int, ceil: int, s_end: int) -> Draft | None:
        """``it was reported that``, ``he is said to``, ``was denounced by X as``."""
        v = self.v
        nxt = cue.last + 1
        joined = nxt < ceil and v.joined(cue.last)
        b_next = v.base(nxt) if joined else ""
        if b_next in ("by", "in"):
            # was denounced by Kyiv as ...; was dismissed in Moscow as ...
            last = v.np_right(nxt + 1, ceil)
            if last is None or (b_next == "in" and not (
                    last + 1 < ceil and v.base(last + 1) == "as" and last in v.target)):
                return None
            speaker = (nxt + 1, last)
            draft = Draft("indirect", cue.start, cue.end, cue.verb, cue.verb_class, speaker, 0, 0)
            found = self.characterisation(last + 1, s_end, False) if last + 1 < ceil else None
            if found is None or found >= ceil:
                return None  # claimed by Washington: taken, not said
            kind, cs, ce, q = self.finish(self.start_of(found), self.clause_end(found, s_end))
            draft.kind, draft.content_start, draft.content_end, draft.quote = kind, cs, ce, q
            return draft
        if cue.verb not in g.AGENTLESS_OK:
            return None
        if v.base(k) == "it" and b_next == "that":
            if nxt + 1 >= ceil:
                return None
            kind, cs, ce, q = self.finish(self.start_of(nxt + 1), self.clause_end(nxt + 1, s_end))
        elif b_next == "to":
            start = self.clause_start(k, floor)
            kind, cs, ce, q = self.finish(v.starts[start], self.clause_end(nxt, s_end))
        else:
            return None
        return Draft(kind, cue.start, cue.end, cue.verb, cue.verb_class, None, cs, ce, quote=q,
                     detail="impersonal")

    def according_to(self, start: int, end: int) -> Draft | None:
        """``according to X, ...`` and ``..., according to X``."""
        v = self.v
        s_start, s_end = v.sentence(start)
        floor, ceil = v.tok_from(s_start), v.tok_from(s_end)
        a = v.tok_at(start)
        first = v.tok_at(end - 1) + 1
        if first >= ceil:
            return None
        if v.base(first) in g.OBJECT_PRONOUNS:
            last, pronoun = first, True
        else:
            found = v.np_right(first, ceil, loose=True)
            if found is None:
                return None
            last, pronoun = found, False
        draft = Draft("according-to", start, end, "according to", "neutral", (first, last), 0, 0,
                      pronoun=pronoun)
        after = last + 1
        if after < ceil and "," in v.gap(after):
            _, cs, ce, _ = self.finish(self.start_of(after), self.clause_end(after, s_end))
        else:
            left = self.content_left(a, after, floor, ceil, s_start, s_end)
            if left is None:
                return None
            cs, ce, parts = left
            draft.reported = parts[:1]
            ce = parts[0][1]
        draft.content_start, draft.content_end = cs, ce
        return draft

    def continuations(self, drafts: list[Draft]) -> list[Draft]:
        """Extend a direct quotation over the parts that continue it without a cue
        of their own (``"A," said X, "B."``; ``"A," X said. "B."``): the content
        then runs from the start of the first part to the end of the last."""
        v = self.v
        if not drafts:
            return drafts
        covered = [(d.content_start, d.content_end) for d in drafts]
        used = {d.quote.start for d in drafts if d.quote is not None}
        ends = sorted((d.hull(v)[1], n) for n, d in enumerate(drafts))
        end_offsets = [e for e, _ in ends]
        for q in v.quotes:
            if q.scare or q.start in used or any(cs <= q.content_start < ce for cs, ce in covered):
                continue
            k = bisect_right(end_offsets, q.start) - 1
            if k < 0:
                continue
            prev = drafts[ends[k][1]]
            best = prev.hull(v)[1]  # the record may have grown over an earlier part
            if prev.kind != "direct" or prev.speaker is None or best > q.start:
                continue
            between = self.text[best:q.start]
            if "\n\n" in between:
                continue
            adjacent = not between.strip(" \t\n.,;:—–")
            next_sentence = (not self.text[v.sentence(q.start)[0]:q.start].strip(_LEAD_BULLETS)
                             and v.sentence_no(q.start) - v.sentence_no(best - 1) == 1)
            if not (adjacent or next_sentence):
                continue
            prev.content_end = max(prev.content_end, q.content_end)
            prev.content_start = min(prev.content_start, q.content_start)
            prev.continued = True
            used.add(q.start)
            covered.append((q.content_start, q.content_end))
        return drafts
