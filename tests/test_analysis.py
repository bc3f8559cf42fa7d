"""The Analyzer: every input document is analysed or skipped with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.analysis import Analyzer
from framing.document import Corpus, Document, Skipped
from framing.io import read_corpus

NEWS = ('Moscow rejected the proposal on Friday. "We will not accept it," the spokesman said. '
        "The so-called ‘peace’ plan, officials said, would be revised.")


def run(docs, **options):
    options.setdefault("lexicons", [])
    options.setdefault("measures", [])
    return Analyzer(progress=False, **options).analyze(docs)


@pytest.mark.parametrize("text, reason", [
    ("", "empty text"),
    ("  \n\t \n", "whitespace-only text"),
    ("\x00" * 64, "binary content"),
])
def test_unanalysable_documents_are_skipped_with_a_reason(text: str, reason: str) -> None:
    (result,) = run([Document(id="bad", text=text, outlet="o")])
    assert result.skipped is not None and result.skipped.startswith(reason)
    assert result.to_dict()["id"] == "bad" and result.to_dict()["outlet"] == "o"


def test_a_20_mb_document_is_skipped_naming_the_limit() -> None:
    huge = Document(id="huge", text=("The envoy met the minister. " * 800_000)[:20_000_000])
    (result,) = run([huge])
    assert "too long" in result.skipped and "max_chars" in result.skipped


def test_raising_max_chars_analyses_a_long_document() -> None:
    text = " ".join([NEWS] * 40)
    (result,) = run([Document(id="long", text=text)], max_chars=len(text))
    assert result.skipped is None and result.n_sentences == 120


def test_no_document_is_lost_and_order_is_kept() -> None:
    corpus = Corpus([Document(id="a", text=NEWS), Document(id="b", text=""),
                     Document(id="c", text='""""')],
                    skipped=[Skipped(id="d", reason="not valid UTF-8: d.txt:1", source="d.txt")])
    results = run(corpus)
    assert [r.id for r in results] == ["a", "b", "c", "d"]
    assert [r.skipped is None for r in results] == [True, False, True, False]
    assert results["d"].skipped == "not valid UTF-8: d.txt:1"


def test_document_of_only_quotation_marks_is_analysed_without_error() -> None:
    (result,) = run([Document(id="q", text='"“”‘’\'"' * 10)])
    assert result.skipped is None and result.n_tokens == 0


def test_unbalanced_quotation_is_recovered() -> None:
    text = 'The minister said: "We will never sign.\n\nTalks resume on Monday.'
    (result,) = run([Document(id="u", text=text)])
    (quote,) = [s for s in result.spans if s["kind"] == "quotation"]
    assert quote["closed"] is False and quote["text"] == '"We will never sign.'


def test_spans_index_the_original_text() -> None:
    (result,) = run([Document(id="n", text=NEWS)])
    kinds = [s["kind"] for s in result.spans]
    assert kinds == ["quotation", "scare_quote"]
    assert all(NEWS[s["start"]:s["end"]] == s["text"] for s in result.spans)


def test_tokens_by_voice_add_up() -> None:
    (result,) = run([Document(id="n", text=NEWS)])
    assert sum(result.tokens_by_voice.values()) == result.n_tokens


def test_records_are_json_serialisable() -> None:
    (result,) = run([Document(id="n", text=NEWS)], lexicons=None, measures=None)
    record = json.loads(json.dumps(result.to_dict()))
    assert {"id", "outlet", "event", "n_tokens", "n_sentences", "skipped", "spans"} <= set(record)


def test_unknown_measure_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown measure 'nope'"):
        run([Document(id="n", text=NEWS)], measures=["nope"])


def test_two_processes_give_the_same_results(demo_dir: Path) -> None:
    corpus = read_corpus(demo_dir)
    one = Analyzer(progress=False, n_jobs=1).analyze(corpus)
    two = Analyzer(progress=False, n_jobs=2).analyze(corpus)
    assert [d.to_dict() for d in one] == [d.to_dict() for d in two]


def test_tables_carry_document_outlet_and_event(demo_dir: Path) -> None:
    analysis = Analyzer(progress=False).analyze(read_corpus(demo_dir))
    docs = analysis.documents()
    assert len(docs) == 25 and docs["skipped"].isna().all()
    for name in ("naming", "loaded", "stance", "style"):
        table = analysis.table(name)
        assert {"document", "outlet", "event"} <= set(table.columns), name
        assert set(table["outlet"]) == set(docs["outlet"]), name
