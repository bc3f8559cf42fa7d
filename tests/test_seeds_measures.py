"""Naming, loaded terms and stance on the two seed articles (read from ../shared/seeds)."""

from __future__ import annotations

import pytest

from framing.analysis import Analyzer
from framing.io import read_corpus

SEED_A, SEED_B = "seed-000", "seed-001"


@pytest.fixture(scope="module")
def analysis(seeds_dir):
    return Analyzer(progress=False).analyze(read_corpus(seeds_dir))


def terms(analysis, doc_id: str, kind: str) -> list[dict]:
    return [s for s in analysis[doc_id].spans if s["kind"] == "term" and s["category_kind"] == kind]


def test_seed_a_names_the_war_a_proxy_war(analysis) -> None:
    proxy = [s for s in terms(analysis, SEED_A, "naming")
             if s["category"] == "war-name" and "proxy war" in s["term"]]
    assert len(proxy) >= 4
    assert {s["perspective"] for s in proxy} == {"anti-imperialist-left"}


def test_seed_a_names_the_plan_conditional_surrender(analysis) -> None:
    found = {s["term"] for s in terms(analysis, SEED_A, "naming") if s["category"] == "settlement-name"}
    assert "conditional surrender" in found


def test_seed_b_names_the_war_smo_and_conflict(analysis) -> None:
    war = [s for s in terms(analysis, SEED_B, "naming") if s["category"] == "war-name"]
    assert sum(s["text"] == "SMO" for s in war) == 2
    assert any("conflict" in s["term"] for s in war)


def test_seed_b_capitulation_is_found(analysis) -> None:
    assert any(s["text"] == "capitulation" for s in terms(analysis, SEED_B, "naming") + terms(analysis, SEED_B, "loaded"))


@pytest.mark.parametrize("word", ["Atlanticist", "imperialist"])
def test_seed_b_bloc_labels_are_found(analysis, word: str) -> None:
    found = terms(analysis, SEED_B, "naming") + terms(analysis, SEED_B, "loaded")
    assert any(s["text"].lower() == word.lower() for s in found)


@pytest.mark.parametrize("term", ["loot", "plunder", "carve up"])
def test_seed_a_plunder_words_are_authorial_loaded_terms(analysis, term: str) -> None:
    assert any(s["term"] == term and s["voice"] == "authorial" for s in terms(analysis, SEED_A, "loaded"))


def test_seed_a_slaughter_is_in_the_quoted_voice(analysis) -> None:
    slaughter = [s for s in terms(analysis, SEED_A, "loaded") if s["term"] == "slaughter"]
    assert slaughter and all(s["voice"] == "quoted" for s in slaughter)


def test_seed_a_scare_quoted_peace_is_in_the_scare_quoted_voice(analysis) -> None:
    peace = [s for s in terms(analysis, SEED_A, "loaded") if s["text"] == "peace"]
    assert any(s["voice"] == "scare_quoted" for s in peace)


def test_smo_never_matches_inside_a_word(analysis) -> None:
    for doc in analysis:
        for s in doc.spans:
            if s["kind"] == "term" and s["term"] == "SMO":
                assert s["text"] == "SMO"


def authorial(analysis, doc_id: str, target: str) -> dict:
    rows = [r for r in analysis[doc_id].results["stance"].scores()
            if r["target"] == target and r["voice"] == "authorial"]
    assert rows, f"{target} not mentioned in {doc_id}"
    return rows[0]


@pytest.mark.parametrize("target", ["us", "nato", "uk"])
def test_seed_a_authorial_stance_is_negative(analysis, target: str) -> None:
    row = authorial(analysis, SEED_A, target)
    assert row["score"] is not None and row["score"] < 0


@pytest.mark.parametrize("target", ["us", "nato", "uk"])
def test_seed_a_stance_evidence_sentences_mention_the_target(analysis, target: str) -> None:
    result = analysis[SEED_A].results["stance"]
    mentions = [m for m in result.mentions if target in m.targets]
    rows = [r for r in result.tables()["stance_evidence"] if r["target"] == target]
    assert rows
    for row in rows:
        assert any(row["sentence_start"] <= m.start < row["sentence_end"] for m in mentions)


def test_seed_b_authorial_stance_toward_the_eu_is_negative(analysis) -> None:
    row = authorial(analysis, SEED_B, "eu")
    assert row["score"] is not None and row["score"] < 0


@pytest.mark.parametrize("alias, target", [("Witkoff", "us"), ("Kremlin", "russia")])
def test_seed_b_aliases_map_to_their_country(analysis, alias: str, target: str) -> None:
    mentions = analysis[SEED_B].results["stance"].mentions
    text = analysis[SEED_B].document.text
    assert any(text[m.start:m.end].endswith(alias) and target in m.targets for m in mentions)


def test_seed_a_lenin_quotation_gives_no_authorial_stance(analysis) -> None:
    doc = analysis[SEED_A]
    text = doc.document.text
    (quote,) = [s for s in doc.spans if s["kind"] == "quotation" and "capitalist States" in s["text"]]
    inside = [e for e in doc.results["stance"].evidence
              if e.source == "term" and quote["start"] <= e.start < quote["end"]]
    assert all(e.voice == "quoted" for e in inside)
    loaded_inside = [s for s in doc.spans if s["kind"] == "term" and s["category_kind"] == "loaded"
                     and quote["start"] <= s["start"] < quote["end"]]
    assert loaded_inside and all(s["voice"] == "quoted" for s in loaded_inside)
