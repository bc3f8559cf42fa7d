"""The attribution measure: who is quoted, how, and how much of the text is theirs.

``measure(ctx)`` extracts every attribution (see :mod:`framing.attribution`)
and summarises the document's attribution pattern: counts and shares by kind,
verb class and source type, the share of anonymous sources, the share of the
text that is other people's words, and who is quoted most and how.

The content of indirect and partial attributions is returned by
:meth:`AttributionResult.reported_spans`; the analysis gives it the
``reported`` voice, so loaded words inside it count as the speaker's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.attribution import KINDS, SOURCE_TYPES, Attribution, extract_attributions, target_types
from framing.lexicon.model import VERB_CLASSES

if TYPE_CHECKING:
    from framing.analysis import DocumentContext

__all__ = ["AttributionResult", "measure"]

#: How many speakers ``to_json()`` lists under ``top_speakers``.
TOP_SPEAKERS = 5


def _shares(counts: dict[str, int], n: int) -> dict[str, float | None]:
    return {k: (c / n if n else None) for k, c in counts.items()}


@dataclass(frozen=True)
class AttributionResult:
    """The attributions of one document and its attribution pattern.

    Parameters
    ----------
    attributions
        The attributions, in text order.
    n_tokens
        Word tokens in the document.
    other_words_share
        Share of the document's word tokens that are other people's words:
        inside a (non-scare) quotation or in the content of an attribution.
    """

    attributions: tuple[Attribution, ...]
    n_tokens: int = 0
    other_words_share: float | None = None

    def __len__(self) -> int:
        return len(self.attributions)

    def spans(self) -> list[dict[str, Any]]:
        """``attribution`` spans in the ``framing analyze`` JSONL shape."""
        return [{"kind": "attribution", **a.to_dict()} for a in self.attributions]

    def reported_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of reported speech (indirect and partial content)."""
        return [part for a in self.attributions for part in a.reported]

    def counts(self) -> dict[str, dict[str, int]]:
        """Counts by kind, verb class and source type (every value listed, zeros included)."""
        atts = self.attributions
        return {
            "by_kind": {k: sum(a.kind == k for a in atts) for k in KINDS},
            "by_verb_class": {c: sum(a.verb_class == c for a in atts) for c in VERB_CLASSES},
            "by_source_type": {t: sum(a.source_type == t for a in atts) for t in SOURCE_TYPES},
        }

    def speakers(self) -> list[dict[str, Any]]:
        """Speakers by number of attributions (continued quotations not counted twice)."""
        groups: dict[str, list[Attribution]] = {}
        for a in self.attributions:
            if a.continued or not a.speaker_normalized:
                continue
            groups.setdefault(a.speaker_normalized, []).append(a)
        rows: list[dict[str, Any]] = []
        for name, atts in groups.items():
            classes = Counter(a.verb_class for a in atts)
            rows.append({"speaker": name, "n": len(atts), "target": atts[0].target,
                         "source_type": atts[0].source_type,
                         "by_verb_class": {c: classes.get(c, 0) for c in VERB_CLASSES},
                         "by_kind": dict(Counter(a.kind for a in atts))})
        rows.sort(key=lambda r: (-r["n"], r["speaker"]))
        return rows

    def by_target(self) -> dict[str, dict[str, Any]]:
        """For each target quoted: number of attributions, by verb class and kind."""
        out: dict[str, dict[str, Any]] = {}
        for a in self.attributions:
            if a.target is None or a.continued:
                continue
            row = out.setdefault(a.target, {"n": 0, "by_verb_class": dict.fromkeys(VERB_CLASSES, 0),
                                            "by_kind": dict.fromkeys(KINDS, 0)})
            row["n"] += 1
            row["by_verb_class"][a.verb_class] = row["by_verb_class"].get(a.verb_class, 0) + 1
            row["by_kind"][a.kind] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        """The document's attribution pattern."""
        n = len(self.attributions)
        counts = self.counts()
        n_anonymous = sum(a.anonymous for a in self.attributions)
        out: dict[str, Any] = {"n": n}
        for key, values in counts.items():
            out[key] = values
            out["share_" + key] = _shares(values, n)
        out["anonymous_share"] = n_anonymous / n if n else None
        out["other_words_share"] = self.other_words_share
        out["top_speakers"] = self.speakers()[:TOP_SPEAKERS]
        out["by_target"] = self.by_target()
        return out

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """``attributions`` (one row per attribution) and ``attribution_profile`` (one row)."""
        rows = [a.to_dict() for a in self.attributions]
        for row in rows:
            row["targets"] = ";".join(row["targets"])
        n = len(self.attributions)
        profile: dict[str, Any] = {"n_attributions": n}
        for values in self.counts().values():
            for key, count in values.items():
                col = key.replace("-", "_")
                profile[f"n_{col}"] = count
                profile[f"share_{col}"] = count / n if n else None
        profile["anonymous_share"] = (sum(a.anonymous for a in self.attributions) / n) if n else None
        profile["other_words_share"] = self.other_words_share
        speakers = self.speakers()
        profile["n_speakers"] = len(speakers)
        profile["top_speaker"] = speakers[0]["speaker"] if speakers else None
        return {"attributions": rows, "attribution_profile": [profile]}


def _other_words_share(ctx: DocumentContext, atts: list[Attribution]) -> float | None:
    seg = ctx.segmentation
    if not seg.n_tokens:
        return None
    intervals = sorted([(q.start, q.end) for q in seg.quotations if q.depth == 0 and not q.scare]
                       + [(a.content_start, a.content_end) for a in atts])
    merged: list[list[int]] = []
    for s, e in intervals:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    if not merged:
        return 0.0
    arr = np.array(merged, dtype=np.int64)
    starts = seg.tokens[:, 0]
    k = np.searchsorted(arr[:, 0], starts, side="right") - 1
    inside = (k >= 0) & (starts < arr[np.clip(k, 0, None), 1])
    return float(inside.sum()) / seg.n_tokens


def measure(ctx: DocumentContext) -> AttributionResult:
    """Extract the attributions of one document and summarise them."""
    atts = extract_attributions(ctx.text, ctx.segmentation, ctx.matches,
                                types=target_types(ctx.lexicons))
    return AttributionResult(tuple(atts), ctx.segmentation.n_tokens, _other_words_share(ctx, atts))
