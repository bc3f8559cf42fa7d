"""Rules that find attributions: from each reporting cue to its speaker and content.

For each reporting-verb match (and each ``according to``) the rules look for
the speaker to the left of the verb within its clause (a noun phrase or a
pronoun, past appositives such as ``, a senior fellow at ...,``), or to the
right for inversions (``"...," said X``); participles and coordinated verbs
(``..., stating that``, ``... and claimed``) take the subject of their clause.
The content rules are in :mod:`framing.attribution.content`; agentless and
``by``-passives, ``according to`` and split quotations are handled here.

Cues without a speaker or without content are not attributions: ``the said
agreement``, ``claims of fraud``, ``a report on energy``, ``did not say``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from framing.attribution import grammar as g
from framing.attribution.content import LEAD_BULLETS, ContentRules
from framing.attribution.drafts import Cue, Draft
from framing.attribution.tokens import TokenView

if TYPE_CHECKING:
    from framing.lexicon.matcher import Match
    from framing.text import Segmentation

__all__ = ["Draft", "find_drafts"]

_ACCORDING_RE = re.compile(r"\baccording to\b", re.IGNORECASE)
_OBJECT_PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "about", "into", "against",
    "between", "among", "than", "via", "toward", "towards", "upon", "under", "over", "through",
    "like", "unlike", "within", "without", "across",
})


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


class _Rules(ContentRules):
    """The extraction rules over one document's :class:`TokenView`."""

    # -- cues --------------------------------------------------------------

    def cue(self, m: Match) -> Cue:
        v = self.v
        first, last = v.tok_at(m.start), v.tok_at(m.end - 1)
        verb = m.term.lower()
        end = m.end
        if verb.endswith(" that") and last > first and v.base(last) == "that":
            verb = verb[:-5]
            last -= 1
            end = v.ends[last]
        return Cue(first, last, m.start, end, verb, m.verb_class or "neutral", v.low(first))

    def attribute(self, cue: Cue) -> Draft | None:
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

    def with_content(self, cue: Cue, speaker: tuple[int, int], pronoun: bool, after: int,
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

    def left_subject(self, cue: Cue, floor: int) -> tuple | None:
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

    def inverted_speaker(self, cue: Cue, ceil: int) -> tuple[int, int] | None:
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

    def passive(self, cue: Cue, k: int, floor: int, ceil: int, s_end: int) -> Draft | None:
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
            next_sentence = (not self.text[v.sentence(q.start)[0]:q.start].strip(LEAD_BULLETS)
                             and v.sentence_no(q.start) - v.sentence_no(best - 1) == 1)
            if not (adjacent or next_sentence):
                continue
            prev.content_end = max(prev.content_end, q.content_end)
            prev.content_start = min(prev.content_start, q.content_start)
            prev.continued = True
            used.add(q.start)
            covered.append((q.content_start, q.content_end))
        return drafts
