"""Benchmark text: the demo corpus plus the seed articles (read at run time)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def seeds_dir() -> Path:
    shared = os.environ.get("FRAMING_SHARED")
    return (Path(shared) if shared else REPO.parent / "shared") / "seeds"


def news_texts() -> list[str]:
    """Texts of the demo corpus and of ../shared/seeds (when present)."""
    paths = sorted((REPO / "corpora" / "demo" / "texts").glob("*.txt"))
    paths += sorted(seeds_dir().glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        raise SystemExit("no benchmark text: corpora/demo/texts and ../shared/seeds are both empty")
    return texts


def repeated(texts: list[str], target_bytes: int) -> list[str]:
    """The texts repeated (as separate documents) until they reach target_bytes."""
    out: list[str] = []
    size = 0
    while size < target_bytes:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8"))
    return out


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6
