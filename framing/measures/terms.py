"""Lexicon matches of one category kind, each with the voice it occurs in.

Shared by the measures that count lexicon terms (naming, loaded): one place
decides the voice of a match and the shape of its ``term`` span.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.text import VOICES

if TYPE_CHECKING:
    from framing.analysis import DocumentContext
    from framing.lexicon.matcher import Match

__all__ = ["VoicedMatch", "voiced_matches", "MIN_VOICE_TOKENS"]

#: A density over fewer tokens of a voice than this is flagged ``low_evidence``.
MIN_VOICE_TOKENS = 100


@dataclass(frozen=True)
class VoicedMatch:
    """A lexicon match and the voice of its first character."""

    match: Match
    voice: str

    def span(self, text: str) -> dict[str, Any]:
        """The ``term`` span of the JSONL contract."""
        m = self.match
        span: dict[str, Any] = {
            "kind": "term", "start": m.start, "end": m.end, "text": text[m.start:m.end],
            "lexicon": m.lexicon, "category": m.category, "category_kind": m.category_kind,
            "term": m.term, "voice": self.voice,
        }
        for name in ("perspective", "polarity", "intensity"):
            value = getattr(m, name, None)
            if value is not None:
                span[name] = value
        return span


def voiced_matches(ctx: DocumentContext, kind: str) -> list[VoicedMatch]:
    """Matches of category kind ``kind`` in text order, with their voices."""
    matches = [m for m in ctx.matches if m.category_kind == kind]
    if not matches:
        return []
    codes = ctx.voice.codes_at(np.fromiter((m.start for m in matches), dtype=np.int64,
                                           count=len(matches)))
    return [VoicedMatch(m, VOICES[int(c)]) for m, c in zip(matches, codes)]
