"""Naming: which variant of each referent family a document uses.

A ``naming`` category of a lexicon pack is a referent family (the war, the
plan, the Ukrainian government, ...); its terms are variants, each with the
perspective it signals. Per document this measure counts each variant, by
voice, with the evidence spans. Only the authorial voice is the outlet's own
choice; variants inside quotations are the speakers'.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from framing.measures.terms import VoicedMatch, voiced_matches
from framing.text import AUTHORIAL

if TYPE_CHECKING:
    from framing.analysis import DocumentContext

__all__ = ["NamingResult", "measure"]


@dataclass(frozen=True)
class NamingResult:
    """Variants of every referent family found in one document."""

    text: str
    found: tuple[VoicedMatch, ...]
    referents: dict[str, str]  # family id -> what its variants name

    def spans(self) -> list[dict[str, Any]]:
        return [vm.span(self.text) for vm in self.found]

    def counts(self) -> Counter[tuple[str, str, str, str]]:
        """Counts keyed by (family, variant, perspective, voice)."""
        return Counter((vm.match.category, vm.match.term, vm.match.perspective or "", vm.voice)
                       for vm in self.found)

    def to_json(self) -> dict[str, Any]:
        """Per family: each variant's perspective and counts (all voices, authorial)."""
        out: dict[str, Any] = {}
        for (family, variant, perspective, voice), n in sorted(self.counts().items()):
            fam = out.setdefault(family, {"referent": self.referents.get(family, ""), "variants": {}})
            entry = fam["variants"].setdefault(variant, {"perspective": perspective, "count": 0,
                                                         "authorial": 0})
            entry["count"] += n
            if voice == AUTHORIAL:
                entry["authorial"] += n
        return out

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        rows = [{"family": family, "referent": self.referents.get(family, ""), "variant": variant,
                 "perspective": perspective, "voice": voice, "count": n}
                for (family, variant, perspective, voice), n in sorted(self.counts().items())]
        return {"naming": rows}


def measure(ctx: DocumentContext) -> NamingResult:
    """Count the naming variants in ``ctx``'s document."""
    referents = {c.id: c.referent or c.description
                 for lex in ctx.lexicons for c in lex.categories if c.kind == "naming"}
    return NamingResult(ctx.text, tuple(voiced_matches(ctx, "naming")), referents)
