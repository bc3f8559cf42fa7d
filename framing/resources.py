"""Offline resources: everything the library needs at run time, never downloaded.

Each resource comes from the package's own data files (``framing/data``,
read with :mod:`importlib.resources`) or from a package dependency, is loaded
lazily on first use and then kept for the life of the process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as _res
from typing import TYPE_CHECKING

from framing.errors import ResourceError

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = ["data_lines", "sentence_splitter", "reporting_cue_forms"]


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a text file in ``framing/data``."""
    try:
        raw = _res.files("framing.data").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(f"framing/data/{name} is missing from the installed package: {exc}") from exc
    lines = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return [line for line in lines if line]


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """An NLTK Punkt splitter built from the abbreviations shipped with framing.

    No trained Punkt model is loaded (NLTK's data packages are not needed):
    Punkt's rules plus the abbreviation list in ``framing/data/abbreviations.txt``.
    """
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(data_lines("abbreviations.txt"))
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def reporting_cue_forms() -> frozenset[str]:
    """Lowercased reporting-verb forms that mark a quotation as attributed."""
    return frozenset(data_lines("reporting_cues.txt"))
