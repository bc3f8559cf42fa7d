"""Segmentation of the two seed articles (read from ../shared/seeds, never copied)."""

from __future__ import annotations

import pytest

from framing.text import segment

SEED_A = "000_0f46efdf2dae16e6.txt"
SEED_B = "001_1512c3232955c885.txt"


def found(seed_texts: dict[str, str], name: str) -> list[tuple[str, str]]:
    text = seed_texts[name]
    return [(q.kind, text[q.content_start:q.content_end]) for q in segment(text).quotations]


def test_seed_a_cards_quotation_is_one_quotation(seed_texts) -> None:
    assert ("quotation", "you don’t have the cards") in found(seed_texts, SEED_A)


def test_seed_a_lenin_quotation_is_one_quotation(seed_texts) -> None:
    text = seed_texts[SEED_A]
    lenin = [q for q in segment(text).quotations if "capitalist States" in text[q.start:q.end]]
    assert len(lenin) == 1 and lenin[0].closed and not lenin[0].scare
    content = text[lenin[0].content_start:lenin[0].content_end]
    assert content.startswith("peace between") and content.rstrip(".").endswith("peoples")


@pytest.mark.parametrize("phrase", ["defence", "aid", "peace", "reparations loan",
                                    "coalition of the willing", "minerals deal"])
def test_seed_a_scare_quotes(seed_texts, phrase: str) -> None:
    assert ("scare_quote", phrase) in found(seed_texts, SEED_A)


@pytest.mark.parametrize("word", ["NATO’s", "Zelensky’s"])
def test_seed_a_possessives_are_not_quotation_marks(seed_texts, word: str) -> None:
    text = seed_texts[SEED_A]
    assert word in text
    seg = segment(text)
    for q in seg.quotations:
        assert text[q.start:q.start + 1] != "’" and text[q.end - 1:q.end] in "’'\"”"
        # no quotation starts or ends inside the possessive
        for i in range(text.count(word)):
            pos = text.index(word)
            assert not (pos < q.start < pos + len(word)) and not (pos < q.end < pos + len(word))
    tokens = {text[s:e] for s, e in seg.tokens}
    assert word in tokens


@pytest.mark.parametrize("phrase", ["Peace Council", "security guarantees"])
def test_seed_b_scare_quotes(seed_texts, phrase: str) -> None:
    kinds = {content.rstrip("."): kind for kind, content in found(seed_texts, SEED_B)}
    assert kinds.get(phrase) == "scare_quote"


def test_seed_b_claimed_quotation(seed_texts) -> None:
    assert ("quotation", "threatened their security") in found(seed_texts, SEED_B)


def test_seed_b_headline_and_bullets_are_sentences(seed_texts) -> None:
    text = seed_texts[SEED_B]
    seg = segment(text)
    sents = [text[s:e] for s, e in seg.sentences]
    headline = text.strip().splitlines()[0].strip()
    assert sents[0] == headline
    bullet_lines = [line.strip() for line in text.splitlines() if line.strip().startswith("►")]
    assert len(bullet_lines) >= 5
    starts = {s for s in sents if s.startswith("►")}
    assert len(starts) == len(bullet_lines)
    for line in bullet_lines:
        assert any(line.startswith(s) for s in starts)
