"""The attribution record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["KINDS", "SOURCE_TYPES", "Attribution"]

#: Kinds of attribution: a quotation set off from the writer's sentence, a
#: quoted fragment inside the writer's sentence, reported speech without
#: quotation marks, and ``according to X``.
KINDS: tuple[str, ...] = ("direct", "partial", "indirect", "according-to")
#: Types of source.
SOURCE_TYPES: tuple[str, ...] = (
    "person", "official-role", "institution", "country", "media", "document", "anonymous",
)


@dataclass(frozen=True)
class Attribution:
    """One attribution: who (speaker) says what (content), reported how (cue).

    All offsets index the document text. ``start``/``end`` cover the cue, the
    speaker and the content. The speaker is ``None`` (with offsets ``None``) for
    agentless forms (``it was reported that``). A pronoun speaker keeps the
    pronoun's offsets; ``speaker_inferred`` is true and ``antecedent_start``/
    ``antecedent_end`` point at the named speaker it was linked to, whose
    normalized name is ``speaker_normalized``.

    Parameters
    ----------
    kind
        ``direct``, ``partial``, ``indirect`` or ``according-to``.
    verb, verb_class
        Lemma of the cue (``claim``, ``according to``) and its class from the
        reporting-verb pack (``neutral``, ``distancing``, ``endorsing``,
        ``evaluative``).
    source_type
        One of :data:`SOURCE_TYPES`; ``source_detail`` keeps the source-cue
        pack's finer type (``vague-group``, ``impersonal``) where one matched.
    anonymous
        True for unnamed or vague sources (``officials said``, ``a senior
        diplomat``, ``sources familiar with the talks``, agentless forms).
    target, targets
        The target the speaker maps to through the targets pack (a person's
        parent: Witkoff -> ``us``), ``None`` when the speaker names none or
        several; ``targets`` lists every one named.
    continued
        True for a direct quotation in several parts (split by its frame,
        ``"A," said X, "B."``, or continued in the next sentence without a cue
        of its own); the content runs from the first part to the last.
    """

    start: int
    end: int
    text: str
    kind: str
    cue_start: int
    cue_end: int
    verb: str
    verb_class: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_normalized: str | None
    speaker_inferred: bool
    source_type: str
    content_start: int
    content_end: int
    content: str
    anonymous: bool = False
    source_detail: str | None = None
    target: str | None = None
    targets: tuple[str, ...] = ()
    antecedent_start: int | None = None
    antecedent_end: int | None = None
    continued: bool = False
    #: The parts of the content that are the source's words in reported voice
    #: (the content without a parenthetical cue inside it).
    reported: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (``reported`` parts left out)."""
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "attribution_kind": self.kind, "cue_start": self.cue_start, "cue_end": self.cue_end,
            "verb": self.verb, "verb_class": self.verb_class, "speaker": self.speaker,
            "speaker_start": self.speaker_start, "speaker_end": self.speaker_end,
            "speaker_normalized": self.speaker_normalized,
            "speaker_inferred": self.speaker_inferred,
            "antecedent_start": self.antecedent_start, "antecedent_end": self.antecedent_end,
            "source_type": self.source_type, "source_detail": self.source_detail,
            "anonymous": self.anonymous, "target": self.target, "targets": list(self.targets),
            "content_start": self.content_start, "content_end": self.content_end,
            "content": self.content, "continued": self.continued,
        }
