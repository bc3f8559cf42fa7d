"""Matching rules of the compiled lexicon matcher, on news sentences."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.lexicon import Lexicon, LexiconSet, Match, Matcher, default_lexicons, parse_lexicon
from framing.lexicon import matcher as matcher_module
from framing.text import tokenize

PACK = """\
[pack]
name = "news"
version = "0.1.0"
language = "en"
description = "Terms for the matcher tests."
license = "MIT"
sources = ["Written for the tests."]

[[categories]]
id = "war-name"
kind = "naming"
description = "What the war is called"
terms = [
  { term = "proxy war", perspective = "anti-imperialist-left" },
  { term = "special military operation", perspective = "kremlin", polarity = 0.5 },
  { term = "military operation", perspective = "kremlin" },
  { term = "SMO", perspective = "kremlin" },
  { term = "full-scale invasion", perspective = "ukrainian", polarity = -0.5 },
  { term = "Putin’s war", perspective = "western-mainstream" },
  { term = "war in Ukraine", perspective = "neutral" },
]

[[categories]]
id = "settlement-name"
kind = "naming"
description = "What the plan's outcome is called"
terms = [
  { term = "capitulation", perspective = "ukrainian" },
  { term = "carve-up of Ukraine", perspective = "anti-imperialist-left" },
  { term = "peace plan", perspective = "neutral" },
]

[[categories]]
id = "plunder"
kind = "loaded"
description = "Taking by force"
polarity = -0.7
terms = [
  "plunder",
  "loot",
  "carve up",
  { term = "capitulation", polarity = -0.6, intensity = 0.8 },
  { term = "war crimes", polarity = -0.9 },
  { term = "imperialis*", polarity = -0.6 },
  { term = "war", polarity = -0.3, exclude = ["war of words", "cold war"] },
]

[[categories]]
id = "distancing"
kind = "reporting-verb"
description = "Verbs that distance the writer"
verb_class = "distancing"
terms = ["claim", { term = "tell", forms = ["told"] }]

[[categories]]
id = "officials"
kind = "source-cue"
description = "Anonymous officials"
terms = ["officials said", "sources"]

[[categories]]
id = "us"
kind = "target"
description = "The United States"
target_type = "country"
terms = [
  { term = "US", role = "name" },
  { term = "Washington", role = "capital" },
  { term = "White House", role = "institution" },
]

[[categories]]
id = "russia"
kind = "target"
description = "Russia"
target_type = "country"
terms = [
  { term = "Russia", role = "name" },
  { term = "Russian", role = "adjective" },
  { term = "Kremlin", role = "institution" },
]

[[categories]]
id = "trump"
kind = "target"
description = "Donald Trump"
target_type = "person"
parent = "us"
terms = [{ term = "Donald J. Trump", role = "leader" }, { term = "Trump", role = "leader" }]

[[categories]]
id = "nato"
kind = "target"
description = "NATO"
target_type = "bloc"
terms = ["NATO"]

[[categories]]
id = "security"
kind = "frame"
description = "Security and defence"
terms = [{ term = "Kiev regime", case_sensitive = true }, { term = "troops", inflect = false }]
"""


@pytest.fixture(scope="module")
def pack() -> Lexicon:
    return parse_lexicon(PACK, "news.toml")


@pytest.fixture(scope="module")
def matcher(pack: Lexicon) -> Matcher:
    return Matcher(pack)


def found(matcher: Matcher, text: str, kind: str | None = None) -> list[tuple[str, str]]:
    """(surface, term) of every match, optionally of one category kind."""
    return [(m.form, m.term) for m in matcher.find(text) if kind is None or m.category_kind == kind]


# ---------------------------------------------------------------------------
# Whole tokens and case


@pytest.mark.parametrize("text", [
    "Smoke rose over the city after the strike.",
    "Residents said the smog had not lifted.",
])
def test_a_term_never_matches_inside_a_word(matcher: Matcher, text: str) -> None:
    assert found(matcher, text, "naming") == []


def test_smo_in_capitals_is_found(matcher: Matcher) -> None:
    assert found(matcher, "The SMO entered its fourth year on Monday.") == [("SMO", "SMO")]


@pytest.mark.parametrize("text", ["The smo was mentioned.", "Smo units advanced."])
def test_a_term_in_capitals_does_not_match_other_case(matcher: Matcher, text: str) -> None:
    assert found(matcher, text) == []


def test_us_the_country_is_not_us_the_pronoun(matcher: Matcher) -> None:
    text = "The US told us the talks would resume."
    assert [(m.form, m.target) for m in matcher.find(text, ) if m.category_kind == "target"] == [
        ("US", "us")]


@pytest.mark.parametrize("text", ["A Proxy War by any other name.", "a PROXY WAR, they said"])
def test_a_lowercase_term_matches_any_case(matcher: Matcher, text: str) -> None:
    assert [t for _, t in found(matcher, text, "naming")] == ["proxy war"]


def test_a_term_marked_case_sensitive_keeps_its_case(matcher: Matcher) -> None:
    assert found(matcher, "State media blamed the Kiev regime.", "frame") == [
        ("Kiev regime", "Kiev regime")]
    assert found(matcher, "State media blamed the kiev regime.", "frame") == []


# ---------------------------------------------------------------------------
# Inflections and forms


@pytest.mark.parametrize("form", ["plunder", "plunders", "plundered", "plundering", "Plundered"])
def test_a_single_word_matches_its_inflections(matcher: Matcher, form: str) -> None:
    text = f"Critics say foreign firms {form} Ukraine's resources."
    assert found(matcher, text, "loaded") == [(form, "plunder")]


@pytest.mark.parametrize("form", ["proxy war", "proxy wars", "Proxy wars"])
def test_a_noun_phrase_inflects_its_last_word(matcher: Matcher, form: str) -> None:
    assert found(matcher, f"Analysts describe {form} in Europe.", "naming") == [
        (form, "proxy war")]


@pytest.mark.parametrize("form", ["carve up", "carve-up", "carved up", "carves up",
                                  "carving up", "carved-up"])
def test_a_verb_particle_phrase_inflects_its_verb(matcher: Matcher, form: str) -> None:
    assert found(matcher, f"The powers {form} the country.", "loaded") == [(form, "carve up")]


def test_an_irregular_form_given_in_forms_matches(matcher: Matcher) -> None:
    assert [m.term for m in matcher.find("He told reporters the plan was dead.")] == ["tell"]


def test_target_aliases_are_not_inflected(matcher: Matcher) -> None:
    assert found(matcher, "Both Russias were at the table.", "target") == []


def test_source_cues_are_not_inflected(matcher: Matcher) -> None:
    assert found(matcher, "Officials say the deal is close.", "source-cue") == []
    assert found(matcher, "Officials said the deal is close.", "source-cue") == [
        ("Officials said", "officials said")]


def test_inflect_false_matches_only_the_term_and_its_forms(matcher: Matcher) -> None:
    assert found(matcher, "The troops withdrew; one troop stayed.", "frame") == [
        ("troops", "troops")]


# ---------------------------------------------------------------------------
# Wildcards


@pytest.mark.parametrize("word", ["imperialism", "imperialist", "imperialists", "Imperialist",
                                  "imperialis"])
def test_a_trailing_wildcard_matches_every_continuation(matcher: Matcher, word: str) -> None:
    assert found(matcher, f"The {word} camp split.", "loaded") == [(word, "imperialis*")]


@pytest.mark.parametrize("word", ["imperial", "imperils"])
def test_a_wildcard_needs_its_whole_prefix(matcher: Matcher, word: str) -> None:
    assert found(matcher, f"The {word} palace.", "loaded") == []


def test_wildcards_work_after_the_first_word(pack: Lexicon) -> None:
    category = dataclasses.replace(pack.category("plunder"), terms=(
        dataclasses.replace(pack.category("plunder").terms[0], term="western imperialis*"),))
    one = dataclasses.replace(pack, categories=(category,))
    assert [m.form for m in Matcher(one).find("Western imperialists and western imperial")] == [
        "Western imperialists"]


def test_nested_wildcard_prefixes_all_match(pack: Lexicon) -> None:
    plunder = pack.category("plunder")
    terms = tuple(dataclasses.replace(plunder.terms[0], term=t, category=f"c{n}")
                  for n, t in enumerate(["imp*", "imperial*", "imperialis*", "impz*"]))
    cats = tuple(dataclasses.replace(plunder, id=f"c{n}", terms=(t,)) for n, t in enumerate(terms))
    one = dataclasses.replace(pack, categories=cats)
    found_terms = [m.term for m in Matcher(one).find("imperialism")]
    assert found_terms == ["imp*"]  # one span of one kind: the first category wins
    per_category = {m.term for c in cats
                    for m in Matcher(dataclasses.replace(pack, categories=(c,)))
                    .find("imperialism")}
    assert per_category == {"imp*", "imperial*", "imperialis*"}


# ---------------------------------------------------------------------------
# Apostrophes, possessives, hyphens and punctuation


@pytest.mark.parametrize("text", ["NATO’s summit opened.", "NATO's summit opened."])
def test_a_possessive_does_not_stop_a_match_and_is_left_out_of_the_span(
        matcher: Matcher, text: str) -> None:
    (match,) = matcher.find(text)
    assert (match.form, match.start, match.end, match.target) == ("NATO", 0, 4, "nato")


@pytest.mark.parametrize("text", ["It is Putin's war.", "It is Putin’s war.",
                                  "It is Putin’s wars."])
def test_curly_and_straight_apostrophes_are_equal(matcher: Matcher, text: str) -> None:
    assert [m.term for m in matcher.find(text) if m.category_kind == "naming"] == ["Putin’s war"]


@pytest.mark.parametrize("text", ["the full-scale invasion", "the full scale invasion",
                                  "the full‑scale invasion"])
def test_a_hyphen_and_a_space_between_words_are_equal(matcher: Matcher, text: str) -> None:
    assert [m.term for m in matcher.find(text)] == ["full-scale invasion"]


def test_targets_are_found_inside_hyphenated_words(matcher: Matcher) -> None:
    text = "The US-Russian talks in pro-Kremlin media"
    assert [(m.form, m.target) for m in matcher.find(text)] == [
        ("US", "us"), ("Russian", "russia"), ("Kremlin", "russia")]


@pytest.mark.parametrize("text", ["an anti-war rally", "the war-torn east",
                                  "anti-imperialist groups", "a re-plunder"])
def test_other_kinds_match_only_whole_hyphenated_words(matcher: Matcher, text: str) -> None:
    assert found(matcher, text, "loaded") == []


def test_a_hyphenated_term_matches_a_whole_hyphenated_word(matcher: Matcher) -> None:
    assert found(matcher, "They planned the carve-up of Ukraine.", "naming") == [
        ("carve-up of Ukraine", "carve-up of Ukraine")]


@pytest.mark.parametrize("text", ["a proxy. War followed", "a proxy, war-like stance",
                                  "proxy (war)"])
def test_punctuation_between_words_stops_a_multi_word_match(matcher: Matcher, text: str) -> None:
    assert found(matcher, text, "naming") == []


@pytest.mark.parametrize("text", ["the ‘peace’ plan", 'the "peace" plan', "the peace\nplan"])
def test_quotation_marks_and_line_breaks_between_words_do_not_stop_a_match(
        matcher: Matcher, text: str) -> None:
    assert [m.term for m in matcher.find(text)] == ["peace plan"]


@pytest.mark.parametrize("text", ["Donald J. Trump said", "Donald J Trump said"])
def test_punctuation_written_in_a_term_may_be_there_or_not(matcher: Matcher, text: str) -> None:
    assert [m.form for m in matcher.find(text) if m.category_kind == "target"] == [
        text.removesuffix(" said")]


# ---------------------------------------------------------------------------
# Overlaps


def test_of_matches_starting_together_the_longest_wins(matcher: Matcher) -> None:
    text = "Moscow calls it a special military operation."
    assert found(matcher, text, "naming") == [
        ("special military operation", "special military operation")]


@pytest.mark.parametrize("text", ["It is NATO’s proxy war in Ukraine.",
                                  "It was a proxy war crimes tribunal."])
def test_the_match_that_starts_first_wins_over_a_longer_one_inside_it(
        matcher: Matcher, text: str) -> None:
    assert found(matcher, text, "naming") == [("proxy war", "proxy war")]


def test_a_shorter_match_at_the_same_start_loses(matcher: Matcher) -> None:
    assert found(matcher, "It was a proxy war crimes tribunal.", "loaded") == [
        ("war crimes", "war crimes")]


def test_matches_of_different_kinds_never_compete(matcher: Matcher) -> None:
    kinds = {(m.category_kind, m.category) for m in matcher.find("This is capitulation.")}
    assert kinds == {("naming", "settlement-name"), ("loaded", "plunder")}


def test_a_naming_match_and_a_shorter_loaded_match_inside_it_both_stand(
        matcher: Matcher) -> None:
    text = "Some call it a proxy war."
    assert {(m.category_kind, m.form) for m in matcher.find(text)} == {
        ("naming", "proxy war"), ("loaded", "war")}


def test_on_the_same_words_and_kind_the_earlier_pack_wins(pack: Lexicon) -> None:
    other = dataclasses.replace(pack, name="other")
    text = "The plunder continued."
    assert [m.lexicon for m in Matcher(pack | other).find(text)] == ["news"]
    assert [m.lexicon for m in Matcher(other | pack).find(text)] == ["other"]


def test_the_term_as_written_beats_an_inflected_form_of_another(pack: Lexicon) -> None:
    plunder = pack.category("plunder")
    terms = (dataclasses.replace(plunder.terms[0], term="loot"),
             dataclasses.replace(plunder.terms[0], term="loots"))
    one = dataclasses.replace(pack, categories=(dataclasses.replace(plunder, terms=terms),))
    assert [m.term for m in Matcher(one).find("He loots.")] == ["loots"]


# ---------------------------------------------------------------------------
# Exclude contexts


@pytest.mark.parametrize("text", ["It was a war of words.", "The Cold War ended.",
                                  "a cold-war stance"])
def test_an_exclude_phrase_covering_the_match_drops_it(matcher: Matcher, text: str) -> None:
    assert found(matcher, text, "loaded") == []


@pytest.mark.parametrize("text", ["The war went on.", "words of war", "a cold, long war",
                                  "a cold ‘war’ of nerves", "the ‘cold’ war"])
def test_a_match_outside_its_exclude_phrases_stands(matcher: Matcher, text: str) -> None:
    assert found(matcher, text, "loaded") == [("war", "war")]


# ---------------------------------------------------------------------------
# The Match record


def test_a_match_carries_its_terms_fields(matcher: Matcher) -> None:
    (match,) = [m for m in matcher.find("They plundered it.")]
    assert (match.lexicon, match.category, match.category_kind, match.term, match.form) == (
        "news", "plunder", "loaded", "plunder", "plundered")
    assert (match.polarity, match.intensity, match.perspective) == (-0.7, 0.5, None)


def test_a_target_match_names_its_target_and_parent(matcher: Matcher) -> None:
    (match,) = matcher.find("Trump spoke.")
    assert (match.target, match.parent, match.role) == ("trump", "us", "leader")


def test_a_reporting_verb_match_has_its_class(matcher: Matcher) -> None:
    (match,) = matcher.find("Moscow claims otherwise.")
    assert (match.term, match.verb_class) == ("claim", "distancing")


def test_match_to_dict_has_every_field(matcher: Matcher) -> None:
    (match,) = matcher.find("The SMO")
    d = match.to_dict()
    assert set(d) == {f.name for f in dataclasses.fields(Match)}
    assert d["perspective"] == "kremlin" and d["start"] == 4 and d["end"] == 7


def test_a_match_is_frozen(matcher: Matcher) -> None:
    (match,) = matcher.find("The SMO")
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.start = 0  # type: ignore[misc]


def test_matches_equal_ones_built_by_hand(matcher: Matcher) -> None:
    (match,) = matcher.find("The SMO")
    assert match == Match(4, 7, "news", "war-name", "naming", "SMO", "SMO",
                          perspective="kremlin")


# ---------------------------------------------------------------------------
# The find() call


def test_every_span_is_its_form(matcher: Matcher) -> None:
    text = ("The US-Russian talks on NATO’s proxy war, officials said, ended; "
            "Russian forces plundered towns as the Kremlin claimed victory.")
    for m in matcher.find(text):
        assert text[m.start:m.end] == m.form


def test_matches_come_in_text_order(matcher: Matcher) -> None:
    text = "Russia claims the SMO is not a war; Washington calls it a proxy war."
    starts = [m.start for m in matcher.find(text)]
    assert starts == sorted(starts)


def test_given_tokens_give_the_same_matches(matcher: Matcher) -> None:
    text = "NATO’s proxy war: Russian troops plundered villages, officials said."
    assert matcher.find(text, tokenize(text)) == matcher.find(text)


def test_tokens_may_be_a_list_of_pairs(matcher: Matcher) -> None:
    text = "The SMO began."
    assert matcher.find(text, [(0, 3), (4, 7), (8, 13)]) == matcher.find(text)


@pytest.mark.parametrize("text", ["", "   ", "—", "123 456"])
def test_text_without_terms_gives_no_matches(matcher: Matcher, text: str) -> None:
    assert matcher.find(text) == []


def test_find_rejects_bytes(matcher: Matcher) -> None:
    with pytest.raises(TypeError, match="find\\(\\) takes str"):
        matcher.find(b"The SMO")  # type: ignore[arg-type]


def test_characters_that_lowercase_to_two_do_not_shift_offsets(matcher: Matcher) -> None:
    text = "İstanbul hosted talks; the SMO was on the agenda."
    (match,) = matcher.find(text)
    assert text[match.start:match.end] == "SMO"


@pytest.mark.parametrize("build", [
    lambda p: p, lambda p: LexiconSet((p,)), lambda p: [p],
])
def test_a_matcher_accepts_a_pack_a_set_or_a_list(pack: Lexicon, build) -> None:
    assert Matcher(build(pack)).find("The SMO")[0].term == "SMO"


def test_matching_does_not_change_the_packs(pack: Lexicon) -> None:
    before = dataclasses.replace(pack)
    Matcher(pack).find("NATO’s proxy war")
    assert pack == before


def test_the_repr_names_the_packs(matcher: Matcher) -> None:
    assert repr(matcher).startswith("Matcher(news;")


# ---------------------------------------------------------------------------
# The trie finds what a term-by-term search finds


def brute_force(matcher: Matcher, text: str) -> list[tuple[int, int, str, str]]:
    """Try every compiled form at every position, then resolve overlaps kind by kind."""
    seq = matcher_module._Text(text, None)
    entries: list[tuple[list[list[object]], matcher_module._Entry]] = []
    stack = [([], matcher._root)]
    while stack:  # collect (path of keys, entry) from the trie
        path, node = stack.pop()
        for key, child in node.items():
            if key == matcher_module._OUT:
                entries += [(path, e) for e in child]
            elif key == matcher_module._WILD:
                stack += [([*path, (p, True)], n) for p, n in zip(child.prefixes, child.nodes)]
            else:
                stack.append(([*path, (key, False)], child))
    by_kind: dict[int, list] = {}
    for i in range(len(seq.words)):
        for path, entry in entries:
            window = seq.words[i:i + len(path)]
            if len(window) == len(path) and all(
                    w.startswith(k) if pre else w == k for w, (k, pre) in zip(window, path)):
                j = i + len(path) - 1
                whole = i not in seq.inner_start and j not in seq.inner_end
                if (whole or entry.partial_ok) and matcher._valid(seq, i, j, entry):
                    chosen = (i, -j, entry.kind, entry.rank, entry)
                    by_kind.setdefault(entry.kind, []).append(chosen)
    chosen = []
    for cands in by_kind.values():  # leftmost-longest: earlier start, more words, lower rank
        taken: set[int] = set()
        for c in sorted(cands, key=lambda c: (c[0], c[0] + c[1], c[3])):
            span = set(range(c[0], 1 - c[1]))
            if not taken & span:
                taken |= span
                chosen.append(c)
    return sorted((seq.starts[i], seq.ends[-j], e.static["category"], e.static["term"])
                  for i, j, _, _, e in chosen)


WORDS = ["the", "proxy", "war", "wars", "crimes", "of", "words", "cold", "US", "us", "Russian",
         "US-Russian", "anti-war", "carve", "up", "carve-up", "carved", "Ukraine", "NATO’s",
         "imperialists", "imperial", "special", "military", "operation", "SMO", "smo",
         "officials", "said", "plundered", "peace", "plan", "Donald", "J.", "Trump", ",", ".",
         "‘peace’", "capitulation", "Putin’s", "Kremlin", "pro-Kremlin", "told", "claims"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_the_trie_agrees_with_a_term_by_term_search(matcher: Matcher, words: list[str]) -> None:
    text = " ".join(words)
    got = sorted((m.start, m.end, m.category, m.term) for m in matcher.find(text))
    assert got == brute_force(matcher, text)


# ---------------------------------------------------------------------------
# Shipped packs on the seed articles


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher(default_lexicons())


def test_the_seed_articles_name_the_war_differently(shipped: Matcher,
                                                    seed_texts: dict[str, str]) -> None:
    names = {name: {m.term for m in shipped.find(text) if m.category == "war-name"}
             for name, text in seed_texts.items()}
    assert "NATO's proxy war" in names["000_0f46efdf2dae16e6.txt"]
    assert "SMO" in names["001_1512c3232955c885.txt"]


def test_shipped_packs_find_plunder_words_in_the_seed_article(
        shipped: Matcher, seed_texts: dict[str, str]) -> None:
    loaded = {m.form.lower() for m in shipped.find(seed_texts["000_0f46efdf2dae16e6.txt"])
              if m.category_kind == "loaded"}
    assert {"loot", "plunder", "carve up"} <= loaded


def test_a_large_generated_lexicon_compiles_and_matches(pack: Lexicon) -> None:
    rng = random.Random(7)
    plunder = pack.category("plunder")
    words = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))
             for _ in range(20_000)]
    terms = tuple(dataclasses.replace(plunder.terms[0], term=w) for w in dict.fromkeys(words))
    big = dataclasses.replace(pack, categories=(dataclasses.replace(plunder, terms=terms),))
    text = f"They said {terms[123].term} and {terms[9_999].term}s."
    assert [m.term for m in Matcher(big).find(text)] == [terms[123].term, terms[9_999].term]


def test_the_demo_corpus_matches_give_valid_spans(shipped: Matcher) -> None:
    demo = Path(__file__).resolve().parents[1] / "corpora" / "demo" / "texts"
    texts = [p.read_text(encoding="utf-8") for p in sorted(demo.glob("*.txt"))]
    if not texts:
        pytest.skip("demo corpus texts are missing")
    for text in texts:
        for m in shipped.find(text):
            assert text[m.start:m.end] == m.form and m.start < m.end
