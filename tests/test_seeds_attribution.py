"""Attribution on the two seed articles (read from ../shared/seeds, never copied)."""

from __future__ import annotations

import pytest

from framing import Document
from framing.analysis import Analyzer, DocumentContext
from framing.attribution import Attribution

SEED_A = "000_0f46efdf2dae16e6.txt"
SEED_B = "001_1512c3232955c885.txt"
PACKS = ["reporting-verbs-en", "source-cues-en", "targets-ukraine-war"]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(lexicons=PACKS, measures=["attribution"])


@pytest.fixture(scope="module")
def found(seed_texts, analyzer) -> dict[str, list[Attribution]]:
    out = {}
    for name in (SEED_A, SEED_B):
        result = analyzer.analyze([Document(id=name, text=seed_texts[name])])[0]
        out[name] = list(result.results["attribution"].attributions)
    return out


def by_cue(atts: list[Attribution], text: str, cue: str) -> Attribution:
    """The attribution whose cue is the word ``cue`` (exactly one)."""
    hits = [a for a in atts if text[a.cue_start:a.cue_end] == cue]
    assert len(hits) == 1, [(text[a.cue_start:a.cue_end], a.speaker) for a in atts]
    return hits[0]


def test_seed_a_trump_chided(found, seed_texts) -> None:
    a = by_cue(found[SEED_A], seed_texts[SEED_A], "chided")
    assert (a.speaker, a.verb_class, a.kind) == ("Trump", "evaluative", "direct")
    assert a.content == "you don’t have the cards"


def test_seed_a_financial_times_reported(found, seed_texts) -> None:
    a = by_cue(found[SEED_A], seed_texts[SEED_A], "reported")
    assert (a.speaker, a.source_type, a.kind) == ("the Financial Times", "media", "indirect")


def test_seed_a_putins_aide_describing(found, seed_texts) -> None:
    a = by_cue(found[SEED_A], seed_texts[SEED_A], "describing")
    assert a.speaker == "Putin’s foreign policy aide"
    assert a.content == "unconstructive"
    assert (a.source_type, a.target) == ("official-role", "russia")


def test_seed_a_lenin_said(found, seed_texts) -> None:
    text = seed_texts[SEED_A]
    a = by_cue(found[SEED_A], text, "said")
    assert (a.speaker, a.kind) == ("Lenin", "direct")
    quote = text[text.index("‘peace between"):text.index("peoples.’") + len("peoples.’")]
    assert a.content == quote[1:-1]  # the whole quotation, without its marks


def test_seed_b_witkoff_claims(found, seed_texts) -> None:
    a = by_cue(found[SEED_B], seed_texts[SEED_B], "claims")
    assert (a.speaker, a.verb_class, a.target) == ("Witkoff", "distancing", "us")


def test_seed_b_officials_describe(found, seed_texts) -> None:
    a = by_cue(found[SEED_B], seed_texts[SEED_B], "describe")
    assert a.speaker == "European and Ukrainian officials"
    assert a.anonymous and a.source_type == "anonymous"


def test_seed_b_ukraine_denounced_capitulation_in_reported_voice(found, seed_texts, analyzer) -> None:
    text = seed_texts[SEED_B]
    a = by_cue(found[SEED_B], text, "denounced")
    assert (a.speaker, a.verb_class) == ("Ukraine", "evaluative")
    assert "capitulation" in a.content
    ctx = DocumentContext(Document(id=SEED_B, text=text), analyzer._matcher, analyzer._lexicons,
                          ("attribution",))
    assert ctx.voice_of(text.index("capitulation")) == "reported"


def test_seed_b_european_governments_claimed(found, seed_texts) -> None:
    text = seed_texts[SEED_B]
    hits = [a for a in found[SEED_B] if text[a.cue_start:a.cue_end] == "claimed"
            and a.speaker == "European governments"]
    assert len(hits) == 1
    assert "threatened their security" in hits[0].content


def test_seed_b_kremlin_stating(found, seed_texts) -> None:
    a = by_cue(found[SEED_B], seed_texts[SEED_B], "stating")
    assert (a.speaker, a.target) == ("The Kremlin", "russia")


def test_seed_b_he_claimed_is_putin(found, seed_texts) -> None:
    text = seed_texts[SEED_B]
    hits = [a for a in found[SEED_B] if text[a.cue_start:a.cue_end] == "claimed"
            and a.speaker == "he"]
    assert len(hits) == 1
    a = hits[0]
    assert a.speaker_inferred and a.speaker_normalized == "Putin"
    assert text[a.antecedent_start:a.antecedent_end] == "Putin"
