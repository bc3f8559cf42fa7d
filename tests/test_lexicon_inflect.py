"""English inflections of lexicon terms."""

from __future__ import annotations

import pytest

from framing.lexicon.inflect import _irregular, inflect, word_forms
from framing.resources import data_lines


@pytest.mark.parametrize("word, forms", [
    ("plunder", {"plunders", "plundered", "plundering"}),
    ("carry", {"carries", "carried", "carrying"}),
    ("seize", {"seizes", "seized", "seizing"}),
    ("loot", {"loots", "looted", "looting"}),
    ("stop", {"stops", "stopped", "stopping"}),
    ("admit", {"admits", "admitted", "admitting"}),
    ("war", {"wars", "warred", "warring"}),
    ("die", {"dies", "died", "dying"}),
    ("agree", {"agrees", "agreed", "agreeing"}),
    ("push", {"pushes", "pushed", "pushing"}),
    ("panic", {"panics", "panicked", "panicking"}),
    ("cancel", {"cancels", "canceled", "cancelled", "canceling", "cancelling"}),
    ("veto", {"vetoes", "vetoed", "vetoing"}),
])
def test_regular_inflections(word: str, forms: set[str]) -> None:
    assert forms <= set(word_forms(word))


@pytest.mark.parametrize("word, forms", [
    ("say", {"says", "said", "saying"}),
    ("tell", {"tells", "told", "telling"}),
    ("write", {"writes", "wrote", "written", "writing"}),
    ("speak", {"speaks", "spoke", "spoken", "speaking"}),
    ("take", {"took", "taken"}),
    ("give", {"gave", "given"}),
    ("make", {"made"}),
    ("break", {"broke", "broken"}),
    ("fight", {"fights", "fought"}),
    ("lead", {"leads", "led"}),
    ("steal", {"stole", "stolen"}),
    ("lie", {"lies", "lied", "lying"}),
])
def test_irregular_verbs_come_from_the_table(word: str, forms: set[str]) -> None:
    assert forms <= set(word_forms(word))


def test_irregular_verbs_get_no_regular_past() -> None:
    assert "fighted" not in word_forms("fight") and "sayed" not in word_forms("say")


@pytest.mark.parametrize("word, plural", [
    ("crisis", "crises"), ("spokesman", "spokesmen"), ("child", "children"),
    ("country", "countries"), ("thief", "thieves"), ("annexation", "annexations"),
])
def test_plurals(word: str, plural: str) -> None:
    assert plural in word_forms(word)


@pytest.mark.parametrize("word", ["NATO", "SMO", "us", "go", "G7", "ferociously", "disastrous",
                                  "fearless", "hopeful", "sanctions", "occupied", "Kyiv’s"])
def test_words_that_are_not_inflected(word: str) -> None:
    assert word_forms(word) == ()


@pytest.mark.parametrize("word, expected", [
    ("Nazi", ("Nazis",)), ("imperialism", ("imperialisms",)), ("bombing", ("bombings",)),
])
def test_capitalised_words_and_nouns_by_suffix_get_only_the_plural(word: str,
                                                                   expected: tuple) -> None:
    assert word_forms(word) == expected


@pytest.mark.parametrize("term, expected", [
    ("proxy war", ("proxy wars",)),
    ("special military operation", ("special military operations",)),
    ("invasion of Ukraine", ("invasions of Ukraine",)),
    ("war on terror", ("wars on terror",)),
    ("carve up", ("carves up", "carved up", "carving up")),
    ("carve-up", ("carves up", "carved up", "carving up")),
    ("lash out at", ("lashes out at", "lashed out at", "lashing out at")),
    ("break up", ("broke up", "broken up", "breaks up", "breaking up")),
    ("NATO expansion", ("NATO expansions",)),
])
def test_multi_word_terms_inflect_their_head(term: str, expected: tuple) -> None:
    assert inflect(term) == expected


@pytest.mark.parametrize("term", ["imperialis*", "SMO", "US", "Donald J. Trump", ""])
def test_terms_without_inflections(term: str) -> None:
    assert inflect(term) == ()


def test_the_term_itself_is_not_among_its_forms() -> None:
    assert "read" not in word_forms("read") and "cut" not in word_forms("cut")


def test_the_irregular_table_has_five_columns_and_150_verbs() -> None:
    rows = [line.split("\t") for line in data_lines("irregular_verbs.tsv")]
    assert len(rows) >= 150
    assert all(len(row) == 5 and all(row) for row in rows)
    assert len({row[0] for row in rows}) == len(rows), "each base form once"
    assert {"say", "tell", "write", "speak", "take", "give", "make", "break", "fight", "lead",
            "steal"} <= set(_irregular())


@pytest.mark.parametrize("verb, past", [("insist", "insisted"), ("persist", "persisted"),
                                         ("resist", "resisted"), ("exist", "existed"),
                                         ("enlist", "enlisted")])
def test_verbs_ending_like_a_noun_suffix_are_inflected_as_verbs(verb: str, past: str) -> None:
    assert past in word_forms(verb)


@pytest.mark.parametrize("noun", ["imperialist", "journalist", "activist"])
def test_ist_nouns_only_take_the_plural(noun: str) -> None:
    assert word_forms(noun) == (noun + "s",)
