"""Suggesting house terms of an outlet (weighted log-odds against the other outlets)."""

from __future__ import annotations

import pytest

from framing.document import Document
from framing.lexicon.induce import candidates_to_toml, suggest_terms

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib


def _docs() -> list[Document]:
    a = ["The Kiev regime shelled Donetsk again, the ministry said.",
         "Officials of the Kiev regime refused talks as the special military operation continued.",
         "The Kiev regime blamed Moscow while the special military operation advanced near Donetsk."]
    b = ["The Ukrainian government said Russian forces shelled Kharkiv overnight.",
         "Officials in the Ukrainian government rejected the proposal, diplomats said.",
         "The Ukrainian government thanked allies as Russia's full-scale invasion went on."]
    return ([Document(id=f"a{i}", text=t, outlet="wire-a") for i, t in enumerate(a)]
            + [Document(id=f"b{i}", text=t, outlet="wire-b") for i, t in enumerate(b)])


def test_house_naming_of_each_outlet_ranks_first() -> None:
    top_a = [c.term for c in suggest_terms(_docs(), "wire-a", top=5)]
    top_b = [c.term for c in suggest_terms(_docs(), "wire-b", top=5)]
    assert "kiev regime" in top_a and "ukrainian government" not in top_a
    assert "ukrainian government" in top_b and "kiev regime" not in top_b


def test_candidates_need_several_documents() -> None:
    terms = [c.term for c in suggest_terms(_docs(), "wire-b", min_count=1, min_documents=2)]
    assert "kharkiv" not in terms  # in one document only


def test_quoted_words_are_not_house_terms_by_default() -> None:
    docs = _docs() + [Document(id=f"q{i}", text=f'A resident said: "The junta lies again {i}."',
                               outlet="wire-b") for i in range(3)]
    assert "junta" not in [c.term for c in suggest_terms(docs, "wire-b", min_count=1)]
    assert "junta" in [c.term for c in suggest_terms(docs, "wire-b", min_count=1,
                                                      voices=("authorial", "quoted"))]


def test_unknown_outlet_and_single_outlet_are_errors() -> None:
    with pytest.raises(ValueError, match="no documents"):
        suggest_terms(_docs(), "nobody")
    with pytest.raises(ValueError, match="only outlet"):
        suggest_terms([d for d in _docs() if d.outlet == "wire-a"], "wire-a")


def test_toml_fragment_parses_as_a_category() -> None:
    cands = suggest_terms(_docs(), "wire-a", top=5)
    fragment = candidates_to_toml(cands, "wire-a")
    data = tomllib.loads(fragment)
    cat = data["categories"][0]
    assert cat["kind"] == "loaded" and cat["id"] == "wire-a-candidates"
    assert [t["term"] for t in cat["terms"]] == [c.term for c in cands]
    assert all("z=" in t["note"] for t in cat["terms"])


def test_demo_corpus_suggestions_include_house_terms(demo_dir) -> None:
    from framing.io import read_corpus

    corpus = read_corpus(demo_dir)
    # House terms written into each outlet's style (corpora/demo/README.md).
    house = {
        "vostok-telegraph": {"kiev regime", "special military", "military operation", "donbass", "kiev"},
        "red-dispatch": {"imperialist", "proxy war", "atlanticist", "kyiv government", "nato's proxy"},
        "atlantic-brief": {"western allies", "free world", "putin's regime", "deterrence",
                           "democratically elected"},
        "kyiv-ledger": {"occupiers", "defense forces", "full-scale invasion", "full-scale"},
        "meridian-wire": {"officials said", "analysts said", "diplomat said", "anonymity"},
    }
    for outlet, expected in house.items():
        top = {c.term for c in suggest_terms(corpus, outlet, top=25)}
        assert len(expected & top) >= 4, (outlet, sorted(top))
