"""Shared fixtures: the seed articles in ../shared/seeds and the demo corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpora" / "demo"


def shared_seeds_dir() -> Path:
    """../shared/seeds beside the repository (FRAMING_SHARED overrides ../shared)."""
    shared = os.environ.get("FRAMING_SHARED")
    return (Path(shared) if shared else REPO.parent / "shared") / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = shared_seeds_dir()
    if not (path / "manifest.csv").is_file():
        pytest.skip(f"seed articles not found at {path} (set FRAMING_SHARED to the shared folder)")
    return path


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Seed article texts keyed by file name, e.g. '000_0f46efdf2dae16e6.txt'."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    if not any(DEMO.glob("texts/*.txt")):
        pytest.skip("demo corpus texts are missing")
    return DEMO
