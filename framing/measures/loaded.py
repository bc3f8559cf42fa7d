"""Loaded-term density by voice, category and polarity.

A loaded word inside a quotation is the speaker's, not the outlet's: counts
and densities are kept apart per voice (``authorial``, ``quoted``,
``reported``, ``scare_quoted``). Density is per 1,000 word tokens *of that
voice*; a density over fewer than :data:`~framing.measures.terms.MIN_VOICE_TOKENS`
tokens is flagged ``low_evidence``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from framing.measures.terms import MIN_VOICE_TOKENS, VoicedMatch, voiced_matches
from framing.text import VOICES

if TYPE_CHECKING:
    from framing.analysis import DocumentContext

__all__ = ["LoadedResult", "measure", "polarity_sign"]


def polarity_sign(polarity: float | None) -> str:
    """``negative``, ``positive`` or ``neutral``."""
    if polarity is None or polarity == 0:
        return "neutral"
    return "negative" if polarity < 0 else "positive"


def _density(count: int, tokens: int) -> float | None:
    return 1000.0 * count / tokens if tokens else None


@dataclass(frozen=True)
class LoadedResult:
    """Loaded terms of one document, by voice, category and polarity."""

    text: str
    found: tuple[VoicedMatch, ...]
    tokens_by_voice: dict[str, int]

    def spans(self) -> list[dict[str, Any]]:
        return [vm.span(self.text) for vm in self.found]

    def to_json(self) -> dict[str, Any]:
        """Per voice: count, tokens, density per 1,000 tokens, split by polarity."""
        by_voice: dict[str, Any] = {}
        for voice in VOICES:
            in_voice = [vm for vm in self.found if vm.voice == voice]
            tokens = self.tokens_by_voice.get(voice, 0)
            signs = Counter(polarity_sign(vm.match.polarity) for vm in in_voice)
            by_voice[voice] = {
                "count": len(in_voice), "tokens": tokens,
                "per_1k": _density(len(in_voice), tokens),
                "negative": signs["negative"], "positive": signs["positive"],
                "low_evidence": tokens < MIN_VOICE_TOKENS,
            }
        return {"by_voice": by_voice}

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """``loaded``: one row per (category, polarity, voice) with count and density."""
        counts = Counter((vm.match.category, polarity_sign(vm.match.polarity), vm.voice)
                         for vm in self.found)
        rows = []
        for (category, sign, voice), n in sorted(counts.items()):
            tokens = self.tokens_by_voice.get(voice, 0)
            rows.append({"category": category, "polarity": sign, "voice": voice, "count": n,
                         "tokens": tokens, "per_1k": _density(n, tokens),
                         "low_evidence": tokens < MIN_VOICE_TOKENS})
        return {"loaded": rows}


def measure(ctx: DocumentContext) -> LoadedResult:
    """Count loaded terms in ``ctx``'s document, per voice."""
    return LoadedResult(ctx.text, tuple(voiced_matches(ctx, "loaded")), ctx.tokens_by_voice)
