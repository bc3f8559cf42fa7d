"""Stance toward targets: mentions, scope, negation, shared sentences, evidence."""

from __future__ import annotations

import pytest

from framing.analysis import Analyzer
from framing.document import Document
from framing.lexicon.io import parse_lexicon

PACK = '''
[pack]
name = "stance-test"
version = "0.1.0"
language = "en"
description = "Targets and loaded terms for stance tests."
license = "MIT"
sources = ["written for the tests"]

[[categories]]
id = "russia"
kind = "target"
description = "Russia"
target_type = "country"
terms = [{ term = "Russia", role = "name" }, { term = "the Kremlin", role = "institution" },
         { term = "Moscow", role = "capital" }, { term = "Russian", role = "adjective" }]

[[categories]]
id = "putin"
kind = "target"
description = "Vladimir Putin"
target_type = "person"
parent = "russia"
terms = ["Putin"]

[[categories]]
id = "eu"
kind = "target"
description = "European Union"
target_type = "bloc"
terms = ["EU", "Brussels"]

[[categories]]
id = "uk"
kind = "target"
description = "United Kingdom"
target_type = "country"
terms = ["Britain", "London"]

[[categories]]
id = "evaluative"
kind = "loaded"
description = "evaluative words"
terms = [
  { term = "disaster", polarity = -0.8 },
  { term = "reckless", polarity = -0.7 },
  { term = "brutal", polarity = -0.9 },
  { term = "courageous", polarity = 0.8 },
  { term = "generous", polarity = 0.7 },
]

[[categories]]
id = "government-name"
kind = "naming"
description = "names of the Russian government"
referent = "the Russian government"
terms = [{ term = "Kremlin regime", perspective = "ukrainian", polarity = -0.8 }]

[[categories]]
id = "russian-forces"
kind = "naming"
description = "names of the Russian forces"
referent = "the Russian armed forces"
actor = "russia"
terms = [{ term = "occupiers", perspective = "ukrainian", polarity = -0.7 },
         { term = "Russian troops", perspective = "neutral" }]
'''


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(lexicons=[parse_lexicon(PACK, "stance-test.toml")],
                    measures=["stance", "style"])


def stance(analyzer: Analyzer, text: str):
    return analyzer.analyze([Document(id="d", text=text)])[0].results["stance"]


def score(result, target: str, voice: str = "authorial"):
    rows = [r for r in result.scores() if r["target"] == target and r["voice"] == voice]
    return rows[0] if rows else None


def term_evidence(result, target: str):
    return [e for e in result.evidence if e.target == target and e.source == "term"]


def test_negated_term_is_mildly_positive(analyzer) -> None:
    result = stance(analyzer, "The Kremlin said the summit was not a disaster.")
    (ev,) = term_evidence(result, "russia")
    assert ev.negated and ev.contribution == pytest.approx(0.4)


def test_unnegated_term_keeps_its_polarity(analyzer) -> None:
    result = stance(analyzer, "Brussels staged a disaster of a summit.")
    (ev,) = term_evidence(result, "eu")
    assert not ev.negated and ev.contribution == pytest.approx(-0.8)


def test_two_targets_in_one_sentence_the_nearer_takes_the_term(analyzer) -> None:
    result = stance(analyzer, "Russia rejected the EU plan as reckless.")
    assert [e.contribution for e in term_evidence(result, "eu")] == [pytest.approx(-0.7)]
    assert term_evidence(result, "russia") == []


def test_two_target_families_in_one_sentence_get_no_sentence_sentiment(analyzer) -> None:
    result = stance(analyzer, "Russia rejected the EU plan as reckless.")
    assert not [e for e in result.evidence if e.source == "sentiment"]


def test_list_of_targets_shares_the_term(analyzer) -> None:
    result = stance(analyzer, "The brutal EU governments, including Britain, met again.")
    assert term_evidence(result, "eu") and term_evidence(result, "uk")


def test_leader_evidence_counts_for_the_country(analyzer) -> None:
    result = stance(analyzer, "Putin gave a brutal speech.")
    assert term_evidence(result, "putin") and term_evidence(result, "russia")


def test_pronoun_carries_the_person_inside_the_sentence(analyzer) -> None:
    result = stance(analyzer, "Putin spoke, and later he called Britain reckless and courageous.")
    inferred = [m for m in result.mentions if m.inferred]
    assert [(m.target, result.text[m.start:m.end]) for m in inferred] == [("putin", "he")]


def test_naming_variant_is_evidence_about_the_target_it_names(analyzer) -> None:
    result = stance(analyzer, "The Kremlin regime sent envoys to Britain.")
    assert [e.term for e in term_evidence(result, "russia")] == ["Kremlin regime"]
    assert term_evidence(result, "uk") == []


def test_naming_variant_of_an_actor_family_is_a_mention_of_the_actor(analyzer) -> None:
    result = stance(analyzer, "The occupiers shelled the station again.")
    assert [(result.text[m.start:m.end], m.target) for m in result.mentions] == [("occupiers", "russia")]
    assert [e.term for e in term_evidence(result, "russia")] == ["occupiers"]


def test_actor_variant_overlapping_a_target_match_is_one_mention(analyzer) -> None:
    result = stance(analyzer, "Russian troops advanced.")
    assert [(result.text[m.start:m.end], m.target) for m in result.mentions] == [("Russian", "russia")]


def test_quoted_evidence_is_not_the_outlets_stance(analyzer) -> None:
    result = stance(analyzer, 'A minister said: "Brussels made a reckless, brutal choice."')
    assert score(result, "eu", "quoted")["n_evidence"] == 1
    assert score(result, "eu", "authorial")["score"] is None


def test_low_evidence_is_flagged_and_enough_evidence_is_not(analyzer) -> None:
    thin = stance(analyzer, "Britain made a reckless decision.")
    assert score(thin, "uk")["low_evidence"] is True
    text = ("Britain made a reckless decision. London was brutal to its allies. "
            "Britain called it a disaster. Critics found London reckless again.")
    rich = stance(analyzer, text)
    row = score(rich, "uk")
    assert row["n_evidence"] == 4 and row["low_evidence"] is False and -1 <= row["score"] < 0


def test_place_or_patient_mention_takes_no_evidence(analyzer) -> None:
    result = stance(analyzer, "A brutal night of strikes on Britain left ten dead in London.")
    assert term_evidence(result, "uk") == []
    assert not [e for e in result.evidence if e.target == "uk"]


def test_mentioned_target_without_evidence_has_no_score(analyzer) -> None:
    row = score(stance(analyzer, "Officials flew to Moscow on Tuesday."), "russia")
    assert row["score"] is None and row["n_mentions"] == 1 and row["low_evidence"]


def test_evidence_rows_point_at_sentences_that_mention_the_target(analyzer) -> None:
    text = "Talks resumed. Britain made a reckless decision. Nobody was surprised."
    result = stance(analyzer, text)
    rows = [r for r in result.tables()["stance_evidence"] if r["target"] == "uk"]
    assert rows and all("Britain" in r["sentence_text"] for r in rows)
    assert all(text[r["start"]:r["end"]] in ("reckless", r["sentence_text"]) for r in rows)


def test_target_spans_in_jsonl_shape(analyzer) -> None:
    result = stance(analyzer, "Putin met the Kremlin staff.")
    spans = result.spans()
    assert {(s["text"], s["target"]) for s in spans} == {("Putin", "putin"), ("the Kremlin", "russia")}
    assert all(s["kind"] == "target" and result.text[s["start"]:s["end"]] == s["text"] for s in spans)


def test_reporting_verb_is_not_evidence_about_its_speaker() -> None:
    pack = parse_lexicon(PACK + '''
[[categories]]
id = "verbs"
kind = "reporting-verb"
description = "reporting verbs"
verb_class = "evaluative"
terms = ["denounce"]

[[categories]]
id = "condemnation"
kind = "loaded"
description = "condemnation verbs"
terms = [{ term = "denounce", polarity = -0.6 }]
''', "stance-test.toml")
    text = "Putin denounced the sanctions as theft."
    with_attribution = Analyzer(lexicons=[pack], measures=["stance", "style", "attribution"])
    result = with_attribution.analyze([Document(id="d", text=text)])[0].results["stance"]
    assert [e for e in result.evidence if e.term == "denounce"] == []
    without = Analyzer(lexicons=[pack], measures=["stance", "style"])
    result = without.analyze([Document(id="d", text=text)])[0].results["stance"]
    assert [e.target for e in result.evidence if e.term == "denounce"] == ["putin", "russia"]
