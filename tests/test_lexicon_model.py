"""Lexicon records: immutability, combining packs with |, lookups and to_dict()."""

from __future__ import annotations

import dataclasses
import json

import pytest

from framing.errors import LexiconError
from framing.lexicon import KINDS, Category, Lexicon, LexiconSet, Term
from framing.lexicon.model import default_case_sensitive, default_inflect


def make_pack(name: str = "demo", *categories: Category) -> Lexicon:
    return Lexicon(name=name, version="0.1.0", language="en", description="A test pack.",
                   license="MIT", sources=("Written for the tests.",), categories=categories)


WAR_NAME = Category(
    id="war-name", kind="naming", description="What the war is called",
    referent="the Russia-Ukraine war",
    terms=(Term("proxy war", "war-name", perspective="anti-imperialist-left"),
           Term("SMO", "war-name", perspective="kremlin", case_sensitive=True)),
)
PLUNDER = Category(
    id="plunder", kind="loaded", description="Taking by force",
    terms=(Term("plunder", "plunder", polarity=-0.7, intensity=0.5),),
)
RUSSIA = Category(id="russia", kind="target", description="Russia", target_type="country",
                  terms=(Term("Kremlin", "russia", role="institution", inflect=False),))


def test_kinds_are_the_documented_eight() -> None:
    assert KINDS == ("naming", "loaded", "hedge", "intensifier", "reporting-verb",
                     "source-cue", "target", "frame")


@pytest.mark.parametrize("record, field", [
    (WAR_NAME.terms[0], "term"),
    (WAR_NAME, "terms"),
    (make_pack("a", WAR_NAME), "categories"),
])
def test_records_are_frozen(record: object, field: str) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, field, None)


def test_or_combines_two_packs_into_a_set_without_changing_either() -> None:
    a, b = make_pack("a", WAR_NAME), make_pack("b", PLUNDER)
    combined = a | b
    assert isinstance(combined, LexiconSet)
    assert combined.names == ("a", "b")
    assert a.categories == (WAR_NAME,) and b.categories == (PLUNDER,)


def test_or_chains_sets_and_packs_in_order() -> None:
    a, b, c = make_pack("a", WAR_NAME), make_pack("b", PLUNDER), make_pack("c", RUSSIA)
    assert ((a | b) | c).names == ("a", "b", "c")
    assert (a | (b | c)).names == ("a", "b", "c")


def test_adding_the_same_pack_twice_keeps_it_once() -> None:
    a = make_pack("a", WAR_NAME)
    assert (a | a).names == ("a",)


def test_two_different_packs_with_one_name_cannot_be_combined() -> None:
    with pytest.raises(LexiconError, match="two different packs are named 'a'"):
        make_pack("a", WAR_NAME) | make_pack("a", PLUNDER)


def test_or_with_something_else_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        make_pack("a") | "ukraine-war"  # type: ignore[operator]


def test_categories_of_kind_keeps_file_order() -> None:
    pack = make_pack("a", WAR_NAME, PLUNDER, RUSSIA)
    assert pack.categories_of_kind("naming") == (WAR_NAME,)
    assert pack.categories_of_kind("target") == (RUSSIA,)
    assert pack.categories_of_kind("hedge") == ()


def test_categories_of_kind_spans_every_pack_of_a_set() -> None:
    other = dataclasses.replace(WAR_NAME, id="plan-name")
    packs = make_pack("a", WAR_NAME) | make_pack("b", other, PLUNDER)
    assert [c.id for c in packs.categories_of_kind("naming")] == ["war-name", "plan-name"]


def test_categories_of_an_unknown_kind_is_an_error() -> None:
    with pytest.raises(LexiconError, match="unknown kind 'namin'"):
        make_pack("a", WAR_NAME).categories_of_kind("namin")


def test_category_finds_by_id() -> None:
    assert make_pack("a", WAR_NAME, PLUNDER).category("plunder") is PLUNDER


def test_missing_category_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no category 'nope'"):
        make_pack("a", WAR_NAME).category("nope")


def test_set_category_prefers_the_named_pack() -> None:
    other = dataclasses.replace(WAR_NAME, description="Another pack's family")
    packs = make_pack("a", WAR_NAME) | make_pack("b", other)
    assert packs.category("war-name") is WAR_NAME
    assert packs.category("war-name", lexicon="b") is other


def test_set_indexes_packs_by_name() -> None:
    a = make_pack("a", WAR_NAME)
    assert (a | make_pack("b"))["a"] is a
    with pytest.raises(KeyError, match="no pack named 'c'"):
        (a | make_pack("b"))["c"]


def test_terms_lists_every_term_in_order() -> None:
    pack = make_pack("a", WAR_NAME, PLUNDER)
    assert [t.term for t in pack.terms] == ["proxy war", "SMO", "plunder"]


def test_equality_ignores_where_a_pack_was_read_from() -> None:
    a = make_pack("a", WAR_NAME)
    moved = dataclasses.replace(a, path="/elsewhere/a.toml",
                                categories=(dataclasses.replace(WAR_NAME, line=99),))
    assert moved == a


def test_term_to_dict_has_every_field() -> None:
    d = WAR_NAME.terms[0].to_dict()
    assert d["term"] == "proxy war" and d["perspective"] == "anti-imperialist-left"
    assert set(d) == {f.name for f in dataclasses.fields(Term)}


def test_lexicon_to_dict_is_json_serialisable_and_nested() -> None:
    d = make_pack("a", WAR_NAME, RUSSIA).to_dict()
    json.dumps(d)
    assert d["categories"][0]["terms"][1]["term"] == "SMO"
    assert d["categories"][1]["target_type"] == "country"


def test_wildcard_terms_say_so() -> None:
    assert Term("imperialis*", "x").is_wildcard and not Term("imperial", "x").is_wildcard


@pytest.mark.parametrize("term, expected", [
    ("SMO", True), ("NATO", True), ("US", True), ("NATO’s", True), ("NATO's", True),
    ("AFU ZSU", True), ("Kyiv", False), ("proxy war", False), ("I", False), ("U", False),
    ("US-led", False), ("G7", False), ("EU27", True),
])
def test_terms_in_capitals_are_case_sensitive_by_default(term: str, expected: bool) -> None:
    assert default_case_sensitive(term) is expected


@pytest.mark.parametrize("kind, expected", [
    ("naming", True), ("loaded", True), ("reporting-verb", True), ("hedge", True),
    ("intensifier", True), ("frame", True), ("target", False), ("source-cue", False),
])
def test_targets_and_source_cues_are_not_inflected_by_default(kind: str, expected: bool) -> None:
    assert default_inflect(kind) is expected
