"""Stance toward registered targets (countries, blocs, leaders), with its evidence.

Formula (documented in docs/measures.md, "Stance"):

1. **Mentions.** Every match of a ``target`` lexicon category is a mention of
   that target and of its ancestors through ``parent`` (``Witkoff`` ->
   witkoff, us); so is a variant of a ``naming`` family whose category names
   an ``actor`` target ("the occupiers" -> russia). A third-person pronoun
   (he, she, him, her, his) counts as a mention of the one person target
   mentioned before it in the same sentence, when there is exactly one, and
   it/its to the one non-person target (marked ``inferred``).
2. **Term evidence.** A mention right after a preposition ("strikes on
   Ukraine", "killed in Kyiv") is a place or patient, not the one evaluated:
   only a term overlapping it gives it evidence. A ``loaded`` match with a
   polarity, in a sentence that mentions a target, contributes its polarity to
   the mention it overlaps, else to the nearest mention in tokens (all of them
   on a tie) and to the mentions coordinated with it in a list ("European
   imperialists, including Britain"; "Britain, France and Germany"). A
   ``naming`` variant's polarity is about its referent, so it is evidence only
   about a target it names itself ("Kiev regime", "US imperialism"). Where
   such terms overlap ("US imperialism" and "imperialism"), the longest is the
   evidence. A loaded verb that cues an attribution ("Zelensky denounced the
   raids") evaluates what is reported, not the speaker, and is not evidence. A
   negator (not, no, never, without, ...) up to :data:`NEGATION_WINDOW` tokens
   before the term multiplies the contribution by :data:`NEGATION_FACTOR`
   ("not a disaster" is mildly positive). The contribution takes the voice of
   the term.
3. **Sentence sentiment.** When every mention of a sentence belongs to one
   target family (one root target), the sentence's VADER compound times
   :data:`SENTIMENT_WEIGHT` is added for that family, in the voice of most of
   the sentence's tokens. With targets of several families in one sentence
   only term evidence counts, because sentence sentiment cannot say whom it is
   about.
4. **Score.** Per (target, voice): each evidence sentence's contributions are
   summed and clipped to [-1, 1]; the score is the mean over evidence
   sentences, in [-1, 1]. ``n_evidence`` is the number of evidence sentences;
   fewer than :data:`MIN_EVIDENCE` is flagged ``low_evidence`` (the score is
   still given, but must not be read as a confident number). A target that
   is mentioned but has no evidence in a voice has score ``None``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.measures.terms import VoicedMatch, voiced_matches
from framing.text import AUTHORIAL, VOICES

if TYPE_CHECKING:
    from framing.analysis import DocumentContext
    from framing.lexicon.matcher import Match
    from framing.lexicon.model import Category

__all__ = ["Mention", "Evidence", "StanceResult", "measure",
           "NEGATORS", "NEGATION_WINDOW", "NEGATION_FACTOR", "SENTIMENT_WEIGHT", "MIN_EVIDENCE"]

NEGATORS = frozenset({"not", "no", "never", "without", "nor", "neither", "hardly", "barely",
                      "nothing", "none", "cannot", "nobody"})
#: Tokens before a term in which a negator flips it.
NEGATION_WINDOW = 3
#: Multiplier of a negated term's polarity.
NEGATION_FACTOR = -0.5
#: Weight of the sentence's VADER compound score.
SENTIMENT_WEIGHT = 0.5
#: VADER compounds closer to 0 than this are not evidence.
SENTIMENT_FLOOR = 0.05
#: Fewer evidence sentences than this: ``low_evidence``.
MIN_EVIDENCE = 3
#: Pronouns that may refer back to a person target, and to any other target.
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_THING_PRONOUNS = frozenset({"it", "its"})
_PRONOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(_PERSON_PRONOUNS | _THING_PRONOUNS)) + r")\b",
                         re.IGNORECASE)
#: A mention right after one of these (``strikes on Ukraine``, ``killed in Kyiv``,
#: ``aid for Ukraine``) names a place, patient or beneficiary of what the sentence
#: evaluates, not its agent: it receives no evidence except from a term that
#: names it.
_OBLIQUE_RE = re.compile(r"\b(?:on|against|in|into|at|across|over|upon|throughout|inside|"
                         r"to|for|toward|towards|from|near|around)\s+(?:the\s+)?$", re.IGNORECASE)
#: Text between two mentions that makes them one coordinated group: up to four
#: words of the first noun phrase, then a list connector ("EU governments,
#: including Britain"; "Britain, France and Germany").
_COORDINATION_RE = re.compile(
    r"(?:['’]s)?(?:\s+[\w'’-]+){0,4}?\s*"
    r"(?:,|;|—|–|\band\b|\bor\b|\bincluding\b|\bsuch as\b|\bas well as\b|\balong with\b"
    r"|\btogether with\b|\bplus\b)"
    r"(?:\s*(?:and|or|including|especially|notably|in particular|such as|as well as))?"
    r"\s*(?:the\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A mention of a target (and of its ancestors ``targets[1:]``)."""

    start: int
    end: int
    targets: tuple[str, ...]
    sentence: int
    token: int
    inferred: bool = False
    oblique: bool = False  # after a preposition: a place or patient, not the one evaluated

    @property
    def target(self) -> str:
        return self.targets[0]


@dataclass(frozen=True)
class Evidence:
    """One contribution to the stance toward a target in one sentence."""

    target: str
    voice: str
    sentence: int
    contribution: float
    source: str  # "term" or "sentiment"
    start: int  # the term's span, or the sentence's for sentiment
    end: int
    term: str = ""
    negated: bool = False


@dataclass(frozen=True)
class StanceResult:
    """Stance toward every target mentioned in one document."""

    text: str
    sentences: np.ndarray
    mentions: tuple[Mention, ...]
    evidence: tuple[Evidence, ...]
    target_types: dict[str, str] = field(default_factory=dict)

    def scores(self) -> list[dict[str, Any]]:
        """One record per (target, voice) with a mention or evidence."""
        per_sentence: dict[tuple[str, str], dict[int, float]] = defaultdict(lambda: defaultdict(float))
        for ev in self.evidence:
            per_sentence[(ev.target, ev.voice)][ev.sentence] += ev.contribution
        # every mentioned target has an authorial row, even without evidence
        mentioned = {(target, AUTHORIAL) for m in self.mentions for target in m.targets}
        keys = sorted(set(per_sentence) | mentioned)
        out = []
        for target, voice in keys:
            sentence_scores = [max(-1.0, min(1.0, s)) for s in per_sentence.get((target, voice), {}).values()]
            n = len(sentence_scores)
            out.append({
                "target": target, "target_type": self.target_types.get(target, ""), "voice": voice,
                "score": float(np.mean(sentence_scores)) if n else None,
                "n_evidence": n,
                "n_mentions": sum(target in m.targets for m in self.mentions),
                "low_evidence": n < MIN_EVIDENCE,
            })
        return out

    def spans(self) -> list[dict[str, Any]]:
        return [{"kind": "target", "start": m.start, "end": m.end, "text": self.text[m.start:m.end],
                 "target": m.target, "parents": list(m.targets[1:]), "inferred": m.inferred}
                for m in self.mentions]

    def to_json(self) -> list[dict[str, Any]]:
        return self.scores()

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        evidence_rows = []
        for ev in self.evidence:
            s_start, s_end = (int(x) for x in self.sentences[ev.sentence])
            evidence_rows.append({
                "target": ev.target, "voice": ev.voice, "sentence": ev.sentence,
                "sentence_start": s_start, "sentence_end": s_end,
                "sentence_text": self.text[s_start:s_end], "source": ev.source,
                "term": ev.term, "start": ev.start, "end": ev.end, "negated": ev.negated,
                "contribution": ev.contribution,
            })
        return {"stance": self.scores(), "stance_evidence": evidence_rows}


def _target_categories(ctx: DocumentContext) -> dict[str, Category]:
    return {c.id: c for lex in ctx.lexicons for c in lex.categories if c.kind == "target"}


def _ancestry(target: str, categories: dict[str, Category]) -> tuple[str, ...]:
    chain = [target]
    while (parent := categories[chain[-1]].parent if chain[-1] in categories else None) \
            and parent not in chain:
        chain.append(parent)
    return tuple(chain)


def _mentions(ctx: DocumentContext, categories: dict[str, Category]) -> list[Mention]:
    """Target matches, and naming variants of a family with an ``actor`` target
    ("the occupiers" -> russia) where no target match overlaps them."""
    seg = ctx.segmentation
    token_starts = seg.tokens[:, 0]
    sentence_starts = seg.sentences[:, 0]
    actors = {c.id: c.actor for lex in ctx.lexicons for c in lex.categories
              if c.kind == "naming" and c.actor}
    targets = [(m, m.category) for m in ctx.matches if m.category_kind == "target"]
    for m in ctx.matches:
        if m.category_kind == "naming" and m.category in actors and not any(
                t.start < m.end and m.start < t.end for t, _ in targets):
            targets.append((m, actors[m.category]))
    targets.sort(key=lambda pair: pair[0].start)
    starts = np.array([m.start for m, _ in targets], dtype=np.int64)
    sentences = (np.searchsorted(sentence_starts, starts, side="right") - 1).tolist()
    tokens = np.searchsorted(token_starts, starts, side="left").tolist()
    mentions = [
        Mention(m.start, m.end, _ancestry(target, categories), sentence, token,
                oblique=_OBLIQUE_RE.search(ctx.text, max(0, m.start - 16), m.start) is not None)
        for (m, target), sentence, token in zip(targets, sentences, tokens)]
    return mentions + _pronoun_mentions(ctx, mentions, categories)


def _pronoun_mentions(ctx: DocumentContext, mentions: list[Mention],
                      categories: dict[str, Category]) -> list[Mention]:
    """A pronoun refers to the one target of its kind mentioned before it in its sentence.

    he/she/him/her/his refer to a person target, it/its to any other target;
    a pronoun with two or more candidates is left alone.
    """
    seg = ctx.segmentation
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    found_all = list(_PRONOUN_RE.finditer(ctx.text))
    starts = np.array([f.start() for f in found_all], dtype=np.int64)
    sentences = (np.searchsorted(seg.sentences[:, 0], starts, side="right") - 1).tolist()
    tokens = np.searchsorted(seg.tokens[:, 0], starts, side="left").tolist()
    inferred = []
    for found, sentence, token in zip(found_all, sentences, tokens):
        if sentence not in by_sentence:
            continue
        start, end = found.span()
        wants_person = found.group().lower() in _PERSON_PRONOUNS
        before = {m.target: m for m in by_sentence[sentence] if m.token < token and not m.inferred
                  and (getattr(categories.get(m.target), "target_type", None) == "person")
                  == wants_person}
        if len(before) == 1:
            (antecedent,) = before.values()
            inferred.append(Mention(start, end, antecedent.targets, sentence, token, inferred=True))
    return inferred


def _coordinated(text: str, candidates: list[Mention], chosen: list[Mention]) -> list[Mention]:
    """``chosen`` and every mention coordinated with them, transitively."""
    ordered = sorted(candidates, key=lambda c: c.start)
    group = {id(c) for c in chosen}
    changed = True
    while changed:
        changed = False
        for a, b in zip(ordered, ordered[1:]):
            if (id(a) in group) != (id(b) in group) and a.end <= b.start and \
                    _COORDINATION_RE.fullmatch(text, a.end, b.start):
                group |= {id(a), id(b)}
                changed = True
    return [c for c in ordered if id(c) in group]


def _is_negated(ctx: DocumentContext, token: int, sentence_first_token: int) -> bool:
    tokens = ctx.segmentation.tokens
    for k in range(max(sentence_first_token, token - NEGATION_WINDOW), token):
        word = ctx.text[tokens[k, 0]:tokens[k, 1]].lower().replace("’", "'")
        if word in NEGATORS or word.endswith("n't"):
            return True
    return False


def _majority_voices(ctx: DocumentContext) -> list[str]:
    """The voice of most word tokens of each sentence (authorial when it has none)."""
    seg = ctx.segmentation
    token_starts = seg.tokens[:, 0]
    sentence_of_token = np.searchsorted(seg.sentences[:, 0], token_starts, side="right") - 1
    keep = sentence_of_token >= 0
    counts = np.zeros((len(seg.sentences), len(VOICES)), dtype=np.int64)
    np.add.at(counts, (sentence_of_token[keep], ctx.voice.codes_at(token_starts)[keep]), 1)
    return [VOICES[int(row.argmax())] if row.any() else AUTHORIAL for row in counts]


def _cue_spans(ctx: DocumentContext) -> set[tuple[int, int]]:
    """Spans of reporting verbs that cue an attribution ("Zelensky denounced the
    raids"): the verb evaluates what is reported, not its speaker, so it is not
    stance evidence about the target next to it."""
    if "attribution" not in ctx.measures:
        return set()
    return {(a.cue_start, a.cue_end) for a in ctx.result("attribution").attributions}


def _polar_terms(ctx: DocumentContext, mentions: list[Mention]) -> list[VoicedMatch]:
    """The terms that are stance evidence: loaded matches with a polarity, and
    naming matches with a polarity that overlap a target mention. Where they
    overlap each other, the longest (then the earliest) is kept, so one
    stretch of text is one piece of evidence."""
    def names_a_target(m: Match) -> bool:
        return any(c.start < m.end and m.start < c.end and not c.inferred for c in mentions)

    cues = _cue_spans(ctx)
    polar = [vm for vm in voiced_matches(ctx, "naming") if vm.match.polarity
             and names_a_target(vm.match)]
    polar += [vm for vm in voiced_matches(ctx, "loaded") if vm.match.polarity
              and (vm.match.start, vm.match.end) not in cues]
    polar.sort(key=lambda vm: (-(vm.match.end - vm.match.start), vm.match.start))
    kept: list[VoicedMatch] = []
    for vm in polar:
        if all(vm.match.end <= k.match.start or vm.match.start >= k.match.end for k in kept):
            kept.append(vm)
    return sorted(kept, key=lambda vm: vm.match.start)


def measure(ctx: DocumentContext) -> StanceResult:
    """Stance toward every target mentioned in ``ctx``'s document."""
    seg = ctx.segmentation
    categories = _target_categories(ctx)
    mentions = _mentions(ctx, categories)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    token_starts = seg.tokens[:, 0]
    sentence_starts = seg.sentences[:, 0]
    evidence: list[Evidence] = []

    polar = _polar_terms(ctx, mentions)
    term_starts = np.array([vm.match.start for vm in polar], dtype=np.int64)
    term_sentences = (np.searchsorted(sentence_starts, term_starts, side="right") - 1).tolist()
    term_tokens = np.searchsorted(token_starts, term_starts, side="left").tolist()
    first_tokens = np.searchsorted(token_starts, sentence_starts, side="left").tolist()
    for vm, sentence, token in zip(polar, term_sentences, term_tokens):
        m = vm.match
        candidates = by_sentence.get(sentence, [])
        overlapping = [c for c in candidates if c.start < m.end and m.start < c.end and not c.inferred]
        agents = [c for c in candidates if not c.oblique]
        if not overlapping and not agents:
            continue
        if overlapping:
            chosen = overlapping[:1]
        else:
            nearest = min(abs(c.token - token) for c in agents)
            chosen = _coordinated(ctx.text, agents,
                                  [c for c in agents if abs(c.token - token) == nearest])
        negated = _is_negated(ctx, token, first_tokens[sentence])
        contribution = float(m.polarity) * (NEGATION_FACTOR if negated else 1.0)
        for target in dict.fromkeys(t for c in chosen for t in c.targets):
            evidence.append(Evidence(target, vm.voice, sentence, contribution, "term",
                                     m.start, m.end, m.term, negated))

    compound = ctx.result("style").sentence_compound
    sentence_voice = _majority_voices(ctx)
    for sentence, found in by_sentence.items():
        found = [m for m in found if not m.oblique]
        if len({m.targets[-1] for m in found}) != 1 or abs(compound[sentence]) < SENTIMENT_FLOOR:
            continue
        voice = sentence_voice[sentence]
        s_start, s_end = (int(x) for x in seg.sentences[sentence])
        targets = dict.fromkeys(t for m in found for t in m.targets)
        for target in targets:
            evidence.append(Evidence(target, voice, sentence, SENTIMENT_WEIGHT * float(compound[sentence]),
                                     "sentiment", s_start, s_end))
    target_types = {cid: c.target_type or "" for cid, c in categories.items()}
    return StanceResult(ctx.text, seg.sentences, tuple(sorted(mentions, key=lambda m: m.start)),
                        tuple(evidence), target_types)
