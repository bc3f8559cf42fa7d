"""Records the extraction rules build before speakers are classified."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from framing.attribution import grammar as g

if TYPE_CHECKING:
    from framing.attribution.tokens import TokenView
    from framing.text import Quotation

__all__ = ["Cue", "Draft"]


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
class Cue:
    """A reporting-verb match: its first and last token, span, lemma, class and surface form."""

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
