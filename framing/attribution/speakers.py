"""What a speaker is: source type, target, normalized name, and pronoun links.

A speaker noun phrase is classified from its head and the lexicon matches in
it: a source-cue match (``officials``, ``sources familiar with``) makes it
anonymous; a head from the media, document or institution lists, or a target
alias with role ``institution``, gives those types; a target's type says
country or person; a capitalised name is a person; a role noun without a name
is an official role (``Putin's foreign policy aide``), or anonymous when it is
plural or indefinite (``diplomats``, ``a senior official``).

Pronoun speakers (``he claimed``) are linked to the most recent compatible
speaker in the same or the previous sentence, else to the most recent
compatible actor named in the last two sentences (a target of the matching
type), else to an earlier speaker; the link is kept as ``speaker_inferred``
with the antecedent's offsets.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.attribution import grammar as g
from framing.attribution.drafts import Draft
from framing.attribution.model import Attribution
from framing.attribution.tokens import TokenView

if TYPE_CHECKING:
    from framing.lexicon.matcher import Match

__all__ = ["SpeakerInfo", "build_attributions", "classify"]

_ANONYMOUS_DETAILS = {"anonymous", "vague-group", "impersonal", "weasel"}
_STRIP_LEADING = frozenset({"the", "a", "an"})
_POSTMODIFIERS = frozenset({"in", "at", "from", "familiar", "close", "with", "inside", "within",
                            "across", "near", "on", "who", "briefed"})


@dataclass(frozen=True)
class SpeakerInfo:
    """What is known about one speaker noun phrase."""

    source_type: str
    anonymous: bool
    detail: str | None
    target: str | None
    targets: tuple[str, ...]
    normalized: str
    number: str  # "person", "group" or "thing": what a pronoun for it would be


def _is_name_part(v: TokenView, i: int, target_types: Mapping[str, str]) -> bool:
    """A capitalised word that can be part of a personal name (not a title, not a
    country, capital or institution from the targets pack)."""
    b = v.base(i)
    if not v.is_cap(i) or g.is_source_head(b) or v.is_possessive(i) or (
            "-" in b and any(part in g.TITLES for part in b.split("-"))):
        return False
    m = v.target.get(i)
    return m is None or target_types.get(m.target or "") == "person"


def _name_run(v: TokenView, first: int, last: int,
              target_types: Mapping[str, str]) -> tuple[int, int] | None:
    """The personal name at the end of a speaker phrase (``Dmitry Peskov`` in
    ``Kremlin spokesman Dmitry Peskov``, ``Ursula von der Leyen``), or ``None``."""
    if not _is_name_part(v, last, target_types):
        return None
    start = k = last
    n_words = 1
    while k - 1 >= first and n_words < 3:
        j = k - 1
        while j >= first and v.base(j) in g.NAME_PARTICLES and v.word(j).islower():
            j -= 1
        if j < first or not _is_name_part(v, j, target_types) or (
                j - 1 >= first and v.base(j - 1) == "of"):
            break
        start = k = j
        n_words += 1
    return start, last


def _head(v: TokenView, first: int, last: int) -> int:
    """The head noun of a phrase with a post-modifier (``officials`` in ``officials
    in Kyiv``, ``head`` in ``the head of Zelensky's office``); else ``last``."""
    for i in range(first + 1, last + 1):
        b = v.base(i)
        if b in _POSTMODIFIERS and v.is_role(i - 1):
            return i - 1
        if b == "of" and ((v.word(i - 1).islower() and v.base(i - 1) in g.TITLES)
                          or v.base(i - 1) in g.INSTITUTION_HEADS):
            return i - 1
    return last


def classify(v: TokenView, first: int, last: int, target_types: Mapping[str, str],
             detail: str | None = None) -> SpeakerInfo:
    """Classify the speaker phrase spanning tokens ``first`` to ``last``.

    Parameters
    ----------
    v
        The document's token view.
    first, last
        Token indices of the speaker phrase.
    target_types
        Target category id -> ``target_type`` (``country``, ``person``, ...).
    detail
        A source-cue type implied by the construction.
    """
    text = v.text[v.starts[first]:v.ends[last]]
    targets: list[str] = []
    seen: set[int] = set()
    for i in range(first, last + 1):
        m = v.target.get(i)
        if m is not None and m.start not in seen:
            seen.add(m.start)
            t = m.parent or m.target
            if t and t not in targets:
                targets.append(t)
    coordinated = any(v.base(i) in ("and", "&") for i in range(first, last + 1))
    target = targets[0] if len(targets) == 1 or (targets and not coordinated) else None
    name = _name_run(v, first, last, target_types)
    head = last if name is not None else _head(v, first, last)
    hb = v.base(head)
    head_word = v.word(head)
    plural = coordinated or hb in g.PLURAL_HEADS
    cue = v.source_cue.get(head)
    if cue is None and name is None:
        cue = next((v.source_cue[i] for i in range(first, last + 1) if i in v.source_cue), None)
    head_target = v.target.get(head)
    anonymous = False
    if cue is not None:
        detail = cue.source_type or "anonymous"
        source_type = "media" if detail == "vague-media" else "anonymous"
        anonymous = True
    elif (hb in g.MEDIA_HEADS and (head_word[:1].isupper() or hb not in g.ROLE_NOUNS)) or (
            hb == "agency" and head > first and v.base(head - 1) in ("news", "press")):
        source_type = "media"
    elif hb in g.DOCUMENT_HEADS and head_word.islower():
        source_type = "document"
    elif head_target is not None and head_target.role == "institution":
        source_type = "institution"
    elif head_target is not None:
        ttype = target_types.get(head_target.target or "", "")
        if ttype == "person":
            source_type = "person"
        elif ttype == "country" or head_target.role in ("demonym", "adjective"):
            source_type = "country"
        else:
            source_type = "institution"
    elif hb in g.INSTITUTION_HEADS or hb.rstrip("s") in g.INSTITUTION_HEADS:
        source_type = "institution"
    elif name is not None:
        source_type = "person"
    elif hb in g.ANONYMOUS_HEADS:
        source_type, anonymous, detail = "anonymous", True, detail or "anonymous"
    elif g.is_source_head(hb):
        indefinite = v.base(first) in g.INDEFINITE or v.word(first).isdigit()
        if plural or indefinite:
            source_type, anonymous, detail = "anonymous", True, detail or "anonymous"
        else:
            source_type = "official-role"
    else:
        source_type = "person"
    if detail in _ANONYMOUS_DETAILS:
        anonymous = True
    if source_type == "person" and name is not None:
        normalized = v.text[v.starts[name[0]]:v.ends[name[1]]]
        if coordinated:
            normalized = text
    else:
        words = text.split()
        while len(words) > 1 and words[0].lower() in _STRIP_LEADING:
            words = words[1:]
        normalized = " ".join(words)
    if normalized.endswith(("'s", "’s")):
        normalized = normalized[:-2]
    if plural:
        number = "group"
    elif source_type in ("person", "official-role", "anonymous") and (
            hb in g.ROLE_NOUNS or hb == "") or (
            source_type == "person"):
        number = "person"
    else:
        number = "thing"
    return SpeakerInfo(source_type, anonymous, detail, target, tuple(targets), normalized, number)


@dataclass(frozen=True)
class _Entity:
    start: int
    end: int
    info: SpeakerInfo
    sentence: int


class _Linker:
    """Links pronoun speakers to antecedents (see the module docstring)."""

    def __init__(self, v: TokenView, target_types: Mapping[str, str]) -> None:
        self.v = v
        self.target_types = target_types
        self.speakers: list[_Entity] = []
        self._target_starts = [m.start for m in v.target_matches]
        self._mention_cache: dict[int, _Entity | None] = {}
        self.gender: dict[str, str] = {}  # normalized name -> "he" or "she"
        self._subjects: dict[int, _Entity | None] = {}

    def mentions(self, start: int, end: int) -> list[_Entity]:
        """Actors named in the writer's text between ``start`` and ``end`` (target
        matches outside quotations; adjectives left out), in text order."""
        v, out = self.v, []
        lo = bisect_left(self._target_starts, start)
        hi = bisect_left(self._target_starts, end)
        for n in range(lo, hi):
            if n not in self._mention_cache:
                self._mention_cache[n] = self._mention(v.target_matches[n])
            e = self._mention_cache[n]
            if e is not None:
                out.append(e)
        return out

    def _mention(self, m: Match) -> _Entity | None:
        v = self.v
        if m.role == "adjective":
            return None
        q = v.quote_at(m.start)
        if q is not None and not q.scare:
            return None
        ttype = self.target_types.get(m.target or "", "")
        if ttype == "person":
            number, stype = "person", "person"
        elif m.role == "demonym":
            number, stype = "group", "country"
        else:
            number = "thing"
            stype = "institution" if m.role == "institution" or ttype != "country" else "country"
        t = m.parent or m.target
        info = SpeakerInfo(stype, False, None, t, (t,) if t else (), v.text[m.start:m.end], number)
        return _Entity(m.start, m.end, info, v.sentence_no(m.start))

    def subject(self, k: int) -> _Entity | None:
        """The noun phrase that opens sentence ``k`` when it names a source
        (``A former US ambassador to Kyiv was blunt``)."""
        if k in self._subjects:
            return self._subjects[k]
        v = self.v
        found = None
        if 0 <= k < len(v.sent_starts):
            i, ceil = v.tok_from(v.sent_starts[k]), v.tok_from(v.sent_ends[k])
            if i < ceil and v.base(i) in g.PREPOSITIONS:
                j = i
                while j < ceil - 1 and v.joined(j):
                    j += 1
                i = j + 1
            last = v.np_right(i, ceil) if i < ceil else None
            if last is not None and (last + 1 >= ceil or not v.base(last + 1) in g.PREPOSITIONS
                                     or v.is_role(last)):
                info = classify(v, i, last, self.target_types)
                q = v.quote_at(v.starts[i])
                if q is None or q.scare:
                    found = _Entity(v.starts[i], v.ends[last], info, k)
        self._subjects[k] = found
        return found

    def resolve(self, pos: int, pronoun: str) -> _Entity | None:
        """The antecedent of ``pronoun`` at offset ``pos``."""
        v = self.v
        want = g.SUBJECT_PRONOUNS.get(pronoun, {"him": "person", "her": "person"}.get(
            pronoun, "group" if pronoun == "them" else "thing"))
        gender = {"he": "he", "him": "he", "she": "she", "her": "she"}.get(pronoun)
        here = v.sentence_no(pos)
        wants = ("group", "thing") if want == "group" else (want,)

        def fits(e: _Entity, w: str) -> bool:
            if e.start >= pos or e.info.number != w:
                return False
            return gender is None or self.gender.get(e.info.normalized, gender) == gender

        def tiers():
            yield _recent(self.speakers, pos, here - 1)
            subjects = [e for k in range(here - 2, here + 1) if (e := self.subject(k)) is not None]
            window = self.mentions(v.sent_starts[max(0, here - 2)], pos)
            yield sorted(window + subjects, key=lambda e: e.start)
            yield _recent(self.speakers, pos, here - 6)

        for w in wants:
            for tier in tiers():
                for e in reversed(tier):
                    if fits(e, w):
                        if gender is not None:
                            self.gender.setdefault(e.info.normalized, gender)
                        return e
        return None

    def add_speaker(self, start: int, end: int, info: SpeakerInfo, pronoun: str | None) -> None:
        self.speakers.append(_Entity(start, end, info, self.v.sentence_no(start)))
        if len(self.speakers) > 1 and self.speakers[-2].start > start:
            self.speakers.sort(key=lambda e: e.start)
        gender = {"he": "he", "she": "she"}.get(pronoun or "")
        if gender:
            self.gender.setdefault(info.normalized, gender)


def _recent(entities: list[_Entity], pos: int, first_sentence: int) -> list[_Entity]:
    """Entities (sorted by start) that start before ``pos``, from sentence ``first_sentence`` on."""
    out = []
    for e in reversed(entities):
        if e.start >= pos:
            continue
        if e.sentence < first_sentence:
            break
        out.append(e)
    out.reverse()
    return out


def build_attributions(v: TokenView, drafts: list[Draft],
                       target_types: Mapping[str, str]) -> list[Attribution]:
    """Classify the drafts' speakers, link pronouns and make the records."""
    text = v.text
    infos: dict[int, SpeakerInfo] = {}
    by_span: dict[tuple[int, int, str | None], SpeakerInfo] = {}
    for n, d in enumerate(drafts):
        if d.speaker is not None and not d.pronoun:
            key = (d.speaker[0], d.speaker[1], d.detail)
            info = by_span.get(key)
            if info is None:
                info = by_span[key] = classify(v, d.speaker[0], d.speaker[1], target_types, d.detail)
            infos[n] = info
    _unify_names(infos)
    _follow_definites(v, drafts, infos)
    linker = _Linker(v, target_types)
    out = []
    for n, d in enumerate(drafts):
        antecedent: _Entity | None = None
        pronoun: str | None = None
        if d.speaker is None:
            info = SpeakerInfo("anonymous", True, d.detail or "impersonal", None, (), "", "group")
            s_start = s_end = None
            speaker = None
        else:
            s_start, s_end = v.starts[d.speaker[0]], v.ends[d.speaker[1]]
            speaker = text[s_start:s_end]
            if d.pronoun:
                pronoun = v.base(d.speaker[0])
                antecedent = linker.resolve(s_start, pronoun)
                if antecedent is not None:
                    info = antecedent.info
                else:
                    want = g.SUBJECT_PRONOUNS.get(pronoun, "person")
                    stype = {"person": "person", "group": "anonymous"}.get(want, "institution")
                    info = SpeakerInfo(stype, False, None, None, (), speaker, want)
            else:
                info = infos[n]
            if not d.continued:
                linker.add_speaker(s_start, s_end, info, pronoun)
        start, end = d.hull(v)
        reported = d.reported or ([] if d.kind == "direct" else [(d.content_start, d.content_end)])
        record = Attribution(
            start=start, end=end, text=text[start:end], kind=d.kind, cue_start=d.cue_start,
            cue_end=d.cue_end, verb=d.verb, verb_class=d.verb_class, speaker=speaker,
            speaker_start=s_start, speaker_end=s_end,
            speaker_normalized=info.normalized or None,
            speaker_inferred=antecedent is not None, source_type=info.source_type,
            content_start=d.content_start, content_end=d.content_end,
            content=text[d.content_start:d.content_end], anonymous=info.anonymous,
            source_detail=info.detail, target=info.target, targets=info.targets,
            antecedent_start=antecedent.start if antecedent else None,
            antecedent_end=antecedent.end if antecedent else None,
            continued=d.continued, reported=tuple(reported))
        out.append(record)
    return out


def _follow_definites(v: TokenView, drafts: list[Draft], infos: dict[int, SpeakerInfo]) -> None:
    """``the official said`` after ``a senior official said``: the definite phrase
    refers back to the earlier (anonymous) source and takes its classification."""
    last_by_head: dict[str, SpeakerInfo] = {}
    for n, d in enumerate(drafts):
        info = infos.get(n)
        if info is None or d.speaker is None:
            continue
        head = v.base(d.speaker[1])
        if v.base(d.speaker[0]) == "the" and info.source_type in ("official-role", "anonymous"):
            earlier = last_by_head.get(head)
            if earlier is not None:
                infos[n] = earlier
                continue
        if info.anonymous:
            last_by_head[head] = info


def _unify_names(infos: dict[int, SpeakerInfo]) -> None:
    """Give a surname alone the full name used elsewhere in the document
    (``Peskov`` -> ``Dmitry Peskov``)."""
    full: dict[str, str] = {}
    for info in infos.values():
        parts = info.normalized.split()
        if info.source_type == "person" and len(parts) > 1:
            key = parts[-1].lower()
            if len(info.normalized) > len(full.get(key, "")):
                full[key] = info.normalized
    for n, info in infos.items():
        if info.source_type == "person" and " " not in info.normalized:
            longer = full.get(info.normalized.lower())
            if longer:
                infos[n] = SpeakerInfo(info.source_type, info.anonymous, info.detail, info.target,
                                       info.targets, longer, info.number)
