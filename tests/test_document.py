"""Tests for framing.document: Document, Skipped and Corpus."""

from __future__ import annotations

import dataclasses

import pytest

from framing.document import Corpus, Document, Skipped
from framing.errors import CorpusError, FramingError

TEXT = ("Officials in Vilnius said on Tuesday that the \u201cpilot scheme\u201d would be "
        "extended.\r\n\r\nCritics called it a \u2018giveaway\u2019.")


def make_corpus() -> Corpus:
    return Corpus(
        [Document("a1", TEXT, outlet="baltic-wire", event="scheme-2025", source="c.jsonl:1"),
         Document("b1", "The scheme was extended.", outlet="north-post", event="scheme-2025"),
         Document("a2", "Fuel prices rose again.", outlet="baltic-wire", event="fuel-2025")],
        skipped=[Skipped("z9", "file not found: texts/z9.txt", source="texts/z9.txt")],
        name="sample",
    )


# --------------------------------------------------------------------------
# Document
# --------------------------------------------------------------------------


def test_document_keeps_text_exactly():
    """The text is stored unchanged: line ends, curly quotes and all."""
    assert Document("a1", TEXT).text == TEXT


def test_document_metadata_defaults_to_empty_strings():
    """Metadata not given is the empty string, and meta an empty mapping."""
    doc = Document("a1", TEXT)
    assert (doc.outlet, doc.event, doc.published, doc.title, doc.url, doc.byline) == ("",) * 6
    assert dict(doc.meta) == {}


def test_document_is_frozen():
    """Fields cannot be reassigned."""
    doc = Document("a1", TEXT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "changed"  # type: ignore[misc]


def test_document_meta_is_a_read_only_copy():
    """meta cannot be changed through the document nor through the dict it came from."""
    given = {"language": "en"}
    doc = Document("a1", TEXT, meta=given)
    given["language"] = "fr"
    assert doc.meta["language"] == "en"
    with pytest.raises(TypeError):
        doc.meta["language"] = "de"  # type: ignore[index]


@pytest.mark.parametrize("bad_id", ["", None, 17])
def test_document_id_must_be_a_non_empty_string(bad_id):
    """An empty or non-string id raises CorpusError naming the source."""
    with pytest.raises(CorpusError, match=r"data\.jsonl:4: document id must be a non-empty string"):
        Document(bad_id, TEXT, source="data.jsonl:4")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad_text", [None, b"bytes", 3.5])
def test_document_text_must_be_a_string(bad_text):
    """A text that is not str raises CorpusError naming the id and the type found."""
    expected = f"document 'a1' text must be str, got {type(bad_text).__name__}"
    with pytest.raises(CorpusError, match=expected):
        Document("a1", bad_text)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\r\n\t"])
def test_document_accepts_empty_and_blank_text(text):
    """Empty and whitespace-only texts are valid documents (the Analyzer skips them)."""
    assert Document("a1", text).text == text


def test_documents_compare_by_content_not_meta_or_source():
    """Equality ignores meta and source: the same article read from two places is equal."""
    first = Document("a1", TEXT, meta={"x": 1}, source="a.csv:2")
    assert first == Document("a1", TEXT, source="b.jsonl:9")


def test_documents_with_different_text_differ():
    """Documents differ when a compared field differs."""
    assert Document("a1", TEXT) != Document("a1", TEXT + " ")


def test_document_to_dict_lists_every_field_with_plain_meta():
    """to_dict gives all fields, meta as a plain (mutable, separate) dict, and no source."""
    doc = Document("a1", TEXT, outlet="baltic-wire", title="Scheme extended", meta={"lang": "en"},
                   source="c.jsonl:1")
    record = doc.to_dict()
    assert record == {"id": "a1", "text": TEXT, "outlet": "baltic-wire", "event": "",
                      "published": "", "title": "Scheme extended", "url": "", "byline": "",
                      "meta": {"lang": "en"}}
    record["meta"]["lang"] = "fr"
    assert doc.meta["lang"] == "en"


# --------------------------------------------------------------------------
# Skipped
# --------------------------------------------------------------------------


def test_skipped_to_dict():
    """A Skipped record converts to a dict with id, reason, source, outlet and event."""
    reason = "binary content: texts/z9.txt contains NUL bytes"
    skipped = Skipped("z9", reason, source="texts/z9.txt", outlet="north-post")
    assert skipped.to_dict() == {"id": "z9", "reason": reason, "source": "texts/z9.txt",
                                 "outlet": "north-post", "event": ""}


# --------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------


def test_corpus_keeps_documents_in_order():
    """Iteration, ids and integer indexing follow input order."""
    corpus = make_corpus()
    assert corpus.ids == ["a1", "b1", "a2"]
    assert [d.id for d in corpus] == corpus.ids
    assert corpus[2].id == "a2"


def test_corpus_looks_up_documents_by_id():
    """A string index returns the document with that id; ``in`` tests ids."""
    corpus = make_corpus()
    assert corpus["b1"].outlet == "north-post"
    assert "a2" in corpus and "z9" not in corpus


def test_corpus_unknown_id_raises_key_error():
    """An id not in the corpus raises KeyError."""
    with pytest.raises(KeyError):
        make_corpus()["nope"]


def test_corpus_len_counts_documents_not_skipped():
    """len() counts documents; skipped records are listed apart."""
    corpus = make_corpus()
    assert len(corpus) == 3
    assert [s.id for s in corpus.skipped] == ["z9"]


def test_corpus_rejects_duplicate_ids_naming_both_sources():
    """A repeated id raises CorpusError naming where each copy came from."""
    with pytest.raises(CorpusError) as info:
        Corpus([Document("a1", TEXT, source="c.jsonl:1"),
                Document("a1", "Other.", source="c.jsonl:7")])
    assert str(info.value) == "c.jsonl:7: duplicate document id 'a1' (first seen at c.jsonl:1)"


def test_corpus_duplicate_without_sources_names_the_position():
    """Without sources the error names the corpus and the first copy's position."""
    expected = r"sample: duplicate document id 'a1' \(first seen at position 0\)"
    with pytest.raises(CorpusError, match=expected):
        Corpus([Document("a1", TEXT), Document("a1", TEXT)], name="sample")


def test_corpus_holds_only_documents():
    """Anything other than a Document is a TypeError."""
    with pytest.raises(TypeError, match="got dict"):
        Corpus([{"id": "a1", "text": TEXT}])  # type: ignore[list-item]


def test_corpus_error_belongs_to_the_hierarchy():
    """CorpusError is a FramingError and a ValueError."""
    assert issubclass(CorpusError, FramingError) and issubclass(CorpusError, ValueError)


def test_corpus_outlets_and_events_in_order_of_first_appearance():
    """outlets and events are distinct, in first-appearance order."""
    corpus = make_corpus()
    assert corpus.outlets == ["baltic-wire", "north-post"]
    assert corpus.events == ["scheme-2025", "fuel-2025"]


@pytest.mark.parametrize(("kwargs", "ids"), [
    ({"outlets": ["baltic-wire"]}, ["a1", "a2"]),
    ({"events": ["scheme-2025"]}, ["a1", "b1"]),
    ({"outlets": ["baltic-wire"], "events": ["fuel-2025"]}, ["a2"]),
    ({"outlets": []}, []),
    ({}, ["a1", "b1", "a2"]),
])
def test_corpus_filter(kwargs, ids):
    """filter keeps the documents of the given outlets and events, in order."""
    assert make_corpus().filter(**kwargs).ids == ids


def test_corpus_filter_keeps_skipped_and_name():
    """A filtered corpus still reports the skipped records and keeps its name."""
    filtered = make_corpus().filter(outlets=["north-post"])
    assert ([s.id for s in filtered.skipped], filtered.name) == (["z9"], "sample")


def test_corpus_repr_counts_documents_and_skipped():
    """repr names the corpus and counts documents and skipped records."""
    assert repr(make_corpus()) == "Corpus('sample', 3 documents, 1 skipped)"


def test_empty_corpus():
    """An empty corpus has no documents, ids, outlets or skipped records."""
    corpus = Corpus()
    assert (len(corpus), corpus.ids, corpus.outlets, corpus.skipped) == (0, [], [], [])


def test_corpus_to_frame_has_one_row_per_document():
    """to_frame gives the documented columns and one row per document, texts intact."""
    pytest.importorskip("pandas")
    frame = make_corpus().to_frame()
    assert list(frame.columns) == ["id", "text", "outlet", "event", "published", "title", "url",
                                   "byline", "meta"]
    assert frame["id"].tolist() == ["a1", "b1", "a2"]
    assert frame.loc[0, "text"] == TEXT


def test_empty_corpus_to_frame_keeps_columns():
    """An empty corpus still gives a frame with the documented columns."""
    pytest.importorskip("pandas")
    assert list(Corpus().to_frame().columns)[:2] == ["id", "text"]
