"""Tests for framing.compare: the comparison tables, their statistics and flags."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

import pytest

import framing
from framing import Analysis, Document, DocumentAnalysis
from framing.comparison import ALL_EVENTS


@dataclass(frozen=True)
class FakeResult:
    """A measure result with fixed tables and spans (the MeasureResult shape)."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    found: list[dict[str, Any]] = field(default_factory=list)

    def spans(self) -> list[dict[str, Any]]:
        return self.found

    def to_json(self) -> Any:
        return None

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        return self.rows


def doc_analysis(doc_id: str, outlet: str, event: str = "e1", *, text: str = "Some text.",
                 tokens: dict[str, int] | None = None, spans: list[dict[str, Any]] | None = None,
                 **results: FakeResult) -> DocumentAnalysis:
    tokens = tokens or {"authorial": 500}
    return DocumentAnalysis(
        id=doc_id, outlet=outlet, event=event, n_tokens=sum(tokens.values()), n_sentences=10,
        tokens_by_voice=tokens, spans=spans or [], results=dict(results),
        document=Document(id=doc_id, text=text, outlet=outlet, event=event))


def loaded_doc(doc_id: str, outlet: str, count: int, tokens: int = 500,
               event: str = "e1") -> DocumentAnalysis:
    rows = [{"category": "pejorative", "polarity": "negative", "voice": "authorial",
             "count": count, "tokens": tokens}] if count else []
    return doc_analysis(doc_id, outlet, event, tokens={"authorial": tokens},
                        loaded=FakeResult({"loaded": rows}))


@pytest.fixture(scope="module")
def demo_comparison(demo_dir):
    return framing.compare(framing.read_corpus(demo_dir))


# ---------------------------------------------------------------------------
# distinguishing terms


def test_log_odds_z_scores_match_a_hand_computed_example():
    """Each outlet against the rest: weighted log-odds with the event's counts as the prior."""
    docs = [Document(id="a1", text="Regime and regime and government.", outlet="alpha",
                     event="e1"),
            Document(id="b1", text="Government and government and government and regime.",
                     outlet="beta", event="e1")]
    terms = framing.compare(docs, lexicons=[], measures=[], min_term_count=1).tables["terms"]
    # alpha: regime 2, government 1; beta: regime 1, government 3.
    # prior = alpha + beta: regime 3, government 4 (a0 = 7); n_alpha = 3, n_beta = 4.
    delta_regime = math.log((2 + 3) / (3 + 7 - 2 - 3)) - math.log((1 + 3) / (4 + 7 - 1 - 3))
    z_regime = delta_regime / math.sqrt(1 / (2 + 3) + 1 / (1 + 3))
    delta_gov = math.log((3 + 4) / (4 + 7 - 3 - 4)) - math.log((1 + 4) / (3 + 7 - 1 - 4))
    z_gov = delta_gov / math.sqrt(1 / (3 + 4) + 1 / (1 + 4))
    rows = {(r.outlet, r.term): r for r in terms.itertuples()}
    assert set(rows) == {("alpha", "regime"), ("beta", "government")}  # only z > 0 is kept
    assert rows["alpha", "regime"].z == pytest.approx(z_regime, rel=1e-12)
    assert rows["alpha", "regime"].delta == pytest.approx(delta_regime, rel=1e-12)
    assert rows["beta", "government"].z == pytest.approx(z_gov, rel=1e-12)
    assert (rows["alpha", "regime"].count, rows["alpha", "regime"].count_rest) == (2, 1)


def test_terms_leave_out_the_outlets_own_name():
    """An outlet naming itself ("Vostok Telegraph reports") is not a distinguishing term."""
    docs = [Document(id=f"v{i}", text="Vostok Telegraph reports the regime and the regime.",
                     outlet="vostok-telegraph", event="e1") for i in range(2)]
    docs += [Document(id=f"m{i}", text="Officials said the government and the talks.",
                      outlet="meridian-wire", event="e1") for i in range(2)]
    terms = framing.compare(docs, lexicons=[], measures=[]).tables["terms"]
    vostok = set(terms[terms.outlet == "vostok-telegraph"].term)
    assert "regime" in vostok
    assert not vostok & {"vostok", "telegraph", "vostok telegraph"}


# ---------------------------------------------------------------------------
# loaded density and bootstrap intervals


def test_loaded_density_is_a_ratio_of_sums_with_an_interval_around_it():
    """Density per 1,000 tokens pools the outlet's documents; the interval contains it."""
    docs = [loaded_doc(f"a{i}", "a", c) for i, c in enumerate([0, 2, 5, 1])]
    docs += [loaded_doc(f"b{i}", "b", c) for i, c in enumerate([1, 1, 0, 0])]
    loaded = framing.compare(Analysis(docs)).tables["loaded"]
    row = loaded[(loaded.outlet == "a") & (loaded.voice == "authorial")].iloc[0]
    assert row["per_1k"] == pytest.approx(1000 * 8 / 2000)
    assert row["ci_low"] <= row["per_1k"] <= row["ci_high"]
    assert row["ci_low"] < row["ci_high"]
    assert (row["count"], row["tokens"], row["n_documents"]) == (8, 2000, 4)


def test_bootstrap_intervals_narrow_with_more_documents():
    """Ten times the documents with the same spread give a clearly narrower interval."""
    pattern = [0, 2, 5, 1]

    def width(n_cycles: int) -> float:
        counts = pattern * n_cycles
        docs = [loaded_doc(f"a{i}", "a", c) for i, c in enumerate(counts)]
        docs += [loaded_doc(f"b{i}", "b", 1) for i in range(len(counts))]
        loaded = framing.compare(Analysis(docs)).tables["loaded"]
        row = loaded[(loaded.outlet == "a") & (loaded.voice == "authorial")].iloc[0]
        assert row["ci_low"] <= row["per_1k"] <= row["ci_high"]
        return row["ci_high"] - row["ci_low"]

    assert width(10) < 0.6 * width(1)


def test_one_document_gives_no_interval_and_is_flagged():
    loaded = framing.compare(Analysis([loaded_doc("a1", "a", 3),
                                       loaded_doc("b1", "b", 1)])).tables["loaded"]
    row = loaded[loaded.outlet == "a"].iloc[0]
    assert row["per_1k"] == pytest.approx(6.0)
    assert math.isnan(row["ci_low"]) and math.isnan(row["ci_high"])
    assert row["small_group"]


# ---------------------------------------------------------------------------
# small groups and low evidence


def small_and_large_corpus() -> Analysis:
    """Outlet "big" with 3 documents, outlet "small" with 2, every measure faked."""
    docs = []
    for outlet, n in (("big", 3), ("small", 2)):
        for i in range(n):
            doc_id = f"{outlet}{i}"
            text = "The proxy war went on."
            term = {"kind": "term", "start": 4, "end": 13, "text": "proxy war",
                    "category": "war-name", "category_kind": "naming", "term": "proxy war",
                    "voice": "authorial"}
            attribution = {"kind": "attribution", "start": 0, "end": 5, "text": "The p",
                           "attribution_kind": "direct", "verb": "claim",
                           "verb_class": "distancing", "speaker": "Officials",
                           "source_type": "anonymous", "target": "us"}
            docs.append(doc_analysis(
                doc_id, outlet, text=text, spans=[term, attribution],
                naming=FakeResult({"naming": [{"family": "war-name", "referent": "the war",
                                               "variant": "proxy war", "perspective": "left",
                                               "voice": "authorial", "count": 1}]}),
                loaded=FakeResult({"loaded": [{"category": "x", "polarity": "negative",
                                               "voice": "authorial", "count": 2}]}),
                attribution=FakeResult(),
                stance=FakeResult({"stance": [{"target": "us", "voice": "authorial",
                                               "score": -0.5, "n_evidence": 1,
                                               "low_evidence": True}]}),
                style=FakeResult({"style": [{"flesch_reading_ease": 50.0 + i,
                                             "sentiment_compound_mean": -0.1 * i,
                                             "low_evidence": False}]})))
    return Analysis(docs)


def test_every_table_flags_groups_of_fewer_than_three_documents():
    tables = framing.compare(small_and_large_corpus()).tables
    expected = {"groups", "naming", "loaded", "loaded_categories", "attribution", "speakers",
                "quoted_targets", "stance", "style"}
    assert expected <= set(tables)
    for name in expected:
        table = tables[name]
        assert not table.empty, name
        assert set(table[table.outlet == "small"].small_group) == {True}, name
        assert set(table[table.outlet == "big"].small_group) == {False}, name
        if name != "groups":
            assert "low_evidence" in table.columns, name


def test_few_evidence_spans_are_flagged_low_evidence():
    """Stance on 3 evidence sentences passes min_evidence=3; on 2 it is flagged."""
    stance = framing.compare(small_and_large_corpus()).tables["stance"]
    flags = dict(zip(stance.outlet, zip(stance.n_evidence, stance.low_evidence)))
    assert flags == {"big": (3, False), "small": (2, True)}
    naming = framing.compare(small_and_large_corpus(), min_evidence=3).tables["naming"]
    assert dict(zip(naming.outlet, naming.low_evidence)) == {"big": False, "small": True}


def test_stance_is_the_evidence_weighted_mean_with_an_interval():
    docs = [doc_analysis(f"a{i}", "a", stance=FakeResult({"stance": [
        {"target": "nato", "voice": "authorial", "score": s, "n_evidence": n}]}))
        for i, (s, n) in enumerate([(-0.6, 4), (0.2, 1), (-0.4, 5)])]
    row = framing.compare(Analysis(docs)).tables["stance"].iloc[0]
    assert row["score"] == pytest.approx((-0.6 * 4 + 0.2 * 1 - 0.4 * 5) / 10)
    assert row["ci_low"] <= row["score"] <= row["ci_high"]
    assert (row["n_evidence"], row["n_documents"]) == (10, 3)


def test_attribution_profile_shares_and_top_speakers():
    tables = framing.compare(small_and_large_corpus()).tables
    row = tables["attribution"].set_index("outlet").loc["big"]
    assert row["n_attributions"] == 3
    assert row["anonymous_share"] == 1.0
    assert row["kind_direct"] == 1.0 and row["verb_distancing"] == 1.0
    speakers = tables["speakers"]
    top = speakers[speakers.outlet == "big"].iloc[0]
    assert (top["speaker"], top["count"], top["target"]) == ("Officials", 3, "us")
    assert top["verb_classes"] == {"distancing": 3}


def test_naming_shares_and_example_sentences():
    naming = framing.compare(small_and_large_corpus()).tables["naming"]
    row = naming[naming.outlet == "big"].iloc[0]
    assert (row["family"], row["variant"], row["count"], row["authorial"]) == (
        "war-name", "proxy war", 3, 3)
    assert row["share"] == 1.0 and row["n_documents"] == 3
    example = row["examples"][0]
    assert example["sentence"] == "The proxy war went on."
    assert (example["start"], example["end"], example["text"]) == (4, 13, "proxy war")
    assert len(row["examples"]) == 3


# ---------------------------------------------------------------------------
# events, grouping, absent measures


def test_events_are_compared_separately_and_pooled():
    docs = [loaded_doc(f"{o}{e}{i}", o, 1, event=e) for o in "ab" for e in ("e1", "e2")
            for i in range(3)]
    comparison = framing.compare(Analysis(docs))
    assert comparison.events == ["e1", "e2"]
    groups = comparison.tables["groups"]
    assert list(groups.event) == ["e1", "e1", "e2", "e2", ALL_EVENTS, ALL_EVENTS]
    assert list(groups.n_documents) == [3, 3, 3, 3, 6, 6]
    only = framing.compare(Analysis(docs), events=["e2"])
    assert set(only.tables["loaded"].event) == {"e2"}


def test_an_unknown_event_is_an_error_naming_it():
    with pytest.raises(framing.CorpusError, match="'nope'.*'e1'"):
        framing.compare(Analysis([loaded_doc("a", "a", 1)]), events=["nope"])


def test_tables_of_measures_that_did_not_run_are_absent():
    comparison = framing.compare(Analysis([loaded_doc("a", "a", 1), loaded_doc("b", "b", 2)]))
    assert {"loaded", "loaded_categories"} <= set(comparison.tables)
    assert not {"naming", "stance", "attribution", "style"} & set(comparison.tables)


def test_group_by_another_field():
    docs = [Document(id=f"d{i}", text="The regime and the plan.", outlet="x", event="e",
                     byline=("Ann" if i % 2 else "Bob")) for i in range(4)]
    comparison = framing.compare(docs, by="byline", lexicons=[], measures=[])
    assert comparison.groups == ["Bob", "Ann"]
    assert "byline" in comparison.tables["groups"].columns


# ---------------------------------------------------------------------------
# outputs


def _records(frame) -> list[dict[str, Any]]:
    from framing.io import _jsonable

    return _jsonable(frame)


def test_json_carries_the_same_numbers_as_the_dataframes(demo_comparison, tmp_path):
    path = tmp_path / "comparison.json"
    demo_comparison.to_json(path)
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert set(loaded["tables"]) == set(demo_comparison.tables)
    for name, frame in demo_comparison.tables.items():
        rows = loaded["tables"][name]
        assert len(rows) == len(frame), name
        for row, expected in zip(rows, frame.to_dict(orient="records")):
            for column, value in expected.items():
                got = row[column]
                if isinstance(value, float) and math.isnan(value):
                    assert got is None, (name, column)
                elif isinstance(value, float):
                    assert got == value, (name, column)  # exactly, not approximately
                else:
                    assert got == _records(value), (name, column)


def test_to_csv_writes_one_file_per_table(demo_comparison, tmp_path):
    import pandas as pd

    written = demo_comparison.to_csv(tmp_path / "tables")
    assert sorted(p.rsplit("/", 1)[-1] for p in written) == sorted(
        f"{name}.csv" for name in demo_comparison.tables)
    loaded = pd.read_csv(tmp_path / "tables" / "loaded.csv")
    assert loaded["per_1k"].tolist() == pytest.approx(
        demo_comparison.tables["loaded"]["per_1k"].tolist(), nan_ok=True)


def test_demo_comparison_has_every_measure_that_ran(demo_comparison):
    tables = demo_comparison.tables
    assert {"documents", "groups", "naming", "loaded", "terms", "style"} <= set(tables)
    assert len(demo_comparison.groups) == 5
    assert len(demo_comparison.events) == 5
