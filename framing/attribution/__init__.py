"""Attribution extraction: who speaks in a news text, how they are quoted, and what they say.

:func:`extract_attributions` finds direct quotations, partial quotations,
reported speech and ``according to`` attributions with rules over sentences,
tokens and lexicon matches (no parser). Each :class:`Attribution` has the
cue (reporting verb and its class), the speaker (text, offsets, normalized
name, source type, the target it maps to) and the content span.

The rules live in small modules: :mod:`~framing.attribution.grammar`
(closed-class word lists), :mod:`~framing.attribution.tokens` (the token view
and noun-phrase rules), :mod:`~framing.attribution.extract` (cues and
speakers), :mod:`~framing.attribution.content` (content and kind),
:mod:`~framing.attribution.drafts` (records under construction) and
:mod:`~framing.attribution.speakers` (source types, targets, pronoun links).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from framing.attribution.model import KINDS, SOURCE_TYPES, Attribution

if TYPE_CHECKING:
    from framing.lexicon.matcher import Match
    from framing.lexicon.model import Lexicon
    from framing.text import Segmentation

__all__ = ["KINDS", "SOURCE_TYPES", "Attribution", "extract_attributions", "target_types"]


def target_types(lexicons: Iterable[Lexicon]) -> dict[str, str]:
    """Map each target category id to its ``target_type`` (``country``, ``person``, ...)."""
    return {c.id: c.target_type or "" for lex in lexicons for c in lex.categories
            if c.kind == "target"}


def extract_attributions(text: str, segmentation: Segmentation | None = None,
                         matches: Sequence[Match] = (), *,
                         types: Mapping[str, str] | None = None) -> list[Attribution]:
    """Find every attribution in ``text``, in text order.

    Parameters
    ----------
    text
        The document text (all offsets index it).
    segmentation
        Its segmentation (computed when omitted).
    matches
        Lexicon matches in the text; ``reporting-verb``, ``source-cue`` and
        ``target`` matches are used. Without reporting-verb matches only
        ``according to`` attributions are found.
    types
        Target category id -> target type (see :func:`target_types`), used to
        tell persons from countries and organisations.

    Returns
    -------
    list of Attribution
    """
    from framing.attribution.extract import find_drafts
    from framing.attribution.speakers import build_attributions
    from framing.text import segment

    seg = segment(text) if segmentation is None else segmentation
    view, drafts = find_drafts(text, seg, matches)
    return build_attributions(view, drafts, types or {})
