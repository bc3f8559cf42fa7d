"""Evaluate attribution extraction against the hand-annotated gold set of the demo corpus.

Predictions are aligned one-to-one with gold records of the same document: a
pair needs overlapping cues or overlapping contents, and exact cue matches and
larger content overlaps are paired first. Then, for each field, a pair counts
as a true positive when the field matches:

- speaker: identical speaker span (exact);
- cue: identical cue span (exact);
- content exact: identical content span;
- content overlap: overlapping content spans (the guide's lenient score; a
  partial prediction on the quoted fragment of a ``mixed`` record overlaps it).

Precision is true positives over predictions, recall true positives over gold
records. ``--core`` drops the records the annotation guide lists as
debatable (tags borderline, NP content, nested, headline, point-of-view).

Run: python benchmarks/eval_attribution.py [--gold corpora/demo/attribution_gold.jsonl] [--core]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

from framing import Document
from framing.analysis import Analyzer

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpora" / "demo"
PACKS = ["reporting-verbs-en", "source-cues-en", "targets-ukraine-war"]
CORE_EXCLUDED = ("borderline", "NP content", "nested", "headline", "point-of-view")


def overlap(a0: int | None, a1: int | None, b0: int | None, b1: int | None) -> int:
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return 0
    return max(0, min(a1, b1) - max(a0, b0))


def load_gold(path: Path, core: bool) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    if core:
        records = [r for r in records if not any(t in (r.get("note") or "") for t in CORE_EXCLUDED)]
    return records


def predict(doc_ids: set[str]) -> list[dict[str, Any]]:
    with (DEMO / "manifest.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["id"] in doc_ids]
    docs = [Document(id=r["id"], text=(DEMO / r["file"]).read_text(encoding="utf-8"))
            for r in rows]
    analysis = Analyzer(lexicons=PACKS, measures=["attribution"]).analyze(docs)
    return [{"doc_id": d.id, **s} for d in analysis for s in d.spans if s["kind"] == "attribution"]


def align(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (prediction index, gold index), best candidates first."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p["doc_id"] != g["doc_id"]:
                continue
            cue = overlap(p["cue_start"], p["cue_end"], g["cue_start"], g["cue_end"])
            content = overlap(p["content_start"], p["content_end"], g["content_start"],
                              g["content_end"])
            if cue or content:
                exact_cue = (p["cue_start"], p["cue_end"]) == (g["cue_start"], g["cue_end"])
                candidates.append((not exact_cue, -bool(cue), -content, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEMO / "attribution_gold.jsonl")
    parser.add_argument("--core", action="store_true", help="drop the guide's debatable records")
    parser.add_argument("--errors", action="store_true", help="list unmatched records")
    args = parser.parse_args()
    gold = load_gold(args.gold, args.core)
    pred = predict({g["doc_id"] for g in gold})
    pairs = align(pred, gold)
    fields = {
        "attribution (aligned)": lambda p, g: True,
        "speaker (exact)": lambda p, g: (p["speaker_start"], p["speaker_end"]) == (
            g["speaker_start"], g["speaker_end"]),
        "cue (exact)": lambda p, g: (p["cue_start"], p["cue_end"]) == (g["cue_start"], g["cue_end"]),
        "content (exact)": lambda p, g: (p["content_start"], p["content_end"]) == (
            g["content_start"], g["content_end"]),
        "content (overlap)": lambda p, g: overlap(p["content_start"], p["content_end"],
                                                  g["content_start"], g["content_end"]) > 0,
    }
    print(f"gold: {len(gold)} records{' (core)' if args.core else ''}; "
          f"predicted: {len(pred)}; aligned pairs: {len(pairs)}")
    print(f"{'field':24s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for name, same in fields.items():
        tp = sum(same(pred[i], gold[j]) for i, j in pairs)
        p, r, f = prf(tp, len(pred), len(gold))
        print(f"{name:24s} {p:6.3f} {r:6.3f} {f:6.3f}")
    for key, pkey in (("kind", "attribution_kind"), ("verb_class", "verb_class"),
                      ("source_type", "source_type")):
        agree = sum(pred[i][pkey] == gold[j][key] for i, j in pairs)
        print(f"{key} agreement on aligned pairs: {agree / len(pairs):.3f}" if pairs else "")
    confusion = Counter((gold[j]["kind"], pred[i]["attribution_kind"]) for i, j in pairs)
    print("kind (gold -> predicted):", ", ".join(f"{g}->{p}: {n}" for (g, p), n in
                                                 sorted(confusion.items()) if g != p) or "none")
    if args.errors:
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for j, g in enumerate(gold):
            if j not in matched_g:
                print(f"MISSED {g['doc_id']}: {g['speaker']!r} {g['cue']!r} [{g['kind']}]")
        for i, p in enumerate(pred):
            if i not in matched_p:
                print(f"EXTRA  {p['doc_id']}: {p['speaker']!r} {p['text'][:90]!r}")


if __name__ == "__main__":
    main()
