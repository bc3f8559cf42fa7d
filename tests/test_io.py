"""Tests for framing.io: corpus readers (folder, JSONL, CSV, JSON, DataFrame) and writers."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.document import Corpus, Document, Skipped
from framing.errors import CorpusError
from framing.io import (
    from_dataframe,
    iter_corpus,
    iter_jsonl,
    read_corpora,
    read_corpus,
    write_corpus,
    write_csv,
    write_json,
    write_jsonl,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRAMING_SHARED") or Path(__file__).resolve().parents[2] / "shared")
SEEDS = SHARED / "seeds"
DEMO = REPO / "corpora" / "demo"

FORMATS = ["folder", "jsonl", "csv", "json"]
RECORD_FORMATS = ["jsonl", "csv", "json"]

# A small constructed corpus (written for these tests, not real reporting).
RECORDS = [
    {
        "id": "harbour-wire-1",
        "text": "Port workers in Klaipeda walked out on Monday, the union said, "
                "demanding a 9% pay rise.\n\nManagement called the strike \u201cunlawful\u201d.",
        "outlet": "harbour-wire",
        "event": "klaipeda-strike-2025-03",
        "published": "2025-03-03",
        "title": "Klaipeda dockers strike over pay",
        "url": "https://example.org/harbour-wire/1",
        "byline": "Ona Petraityte",
        "language": "en",
    },
    {
        "id": "coastal-daily-1",
        "text": "The so-called \u2018strike\u2019 paralysed the port, according to the operator, "
                "which put losses at \u20ac2 million a day.",
        "outlet": "coastal-daily",
        "event": "klaipeda-strike-2025-03",
        "published": "2025-03-04",
        "title": "Strike costs port millions",
        "url": "https://example.org/coastal-daily/1",
        "byline": "",
        "language": "en",
    },
    {
        "id": "harbour-wire-2",
        "text": "Talks resumed on Thursday. \u201cWe are close,\u201d a mediator told reporters.",
        "outlet": "harbour-wire",
        "event": "klaipeda-strike-2025-03",
        "published": "2025-03-06",
        "title": "Dock talks resume",
        "url": "https://example.org/harbour-wire/2",
        "byline": "Ona Petraityte",
        "language": "en",
    },
]
COLUMNS = ["id", "text", "outlet", "event", "published", "title", "url", "byline", "language"]
MANIFEST_COLUMNS = ["id", "file", "outlet", "byline", "published", "event", "title", "url",
                    "language"]


# --------------------------------------------------------------------------
# Helpers: write test corpora by hand (independently of framing's writers)
# --------------------------------------------------------------------------


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_corpus_by_hand(directory: Path, fmt: str, records: list[dict], *,
                         encoding: str = "utf-8", bom: bool = False,
                         raw_texts: dict[str, bytes] | None = None) -> Path:
    """Write ``records`` in format ``fmt`` under ``directory``; return the corpus path.

    ``raw_texts`` gives, for a folder corpus, the exact bytes of some text
    files (by id) instead of the encoded text.
    """
    prefix = b"\xef\xbb\xbf" if bom else b""
    directory.mkdir(parents=True, exist_ok=True)
    if fmt == "folder":
        folder = directory / "corpus"
        (folder / "texts").mkdir(parents=True)
        rows = []
        for record in records:
            file_name = f"texts/{record['id']}.txt"
            data = (raw_texts or {}).get(record["id"])
            if data is None:
                data = prefix + record["text"].encode(encoding)
            (folder / file_name).write_bytes(data)
            metadata = [record.get(c, "") for c in MANIFEST_COLUMNS[2:]]
            rows.append([record["id"], file_name, *metadata])
        manifest = _csv_text(MANIFEST_COLUMNS, rows)
        (folder / "manifest.csv").write_bytes(prefix + manifest.encode(encoding))
        return folder
    path = directory / f"corpus.{fmt}"
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    elif fmt == "json":
        text = json.dumps(records, ensure_ascii=False, indent=1)
    elif fmt == "csv":
        text = _csv_text(COLUMNS, [[r.get(c, "") for c in COLUMNS] for r in records])
    else:
        raise AssertionError(fmt)
    path.write_bytes(prefix + text.encode(encoding))
    return path


def expected_documents(records: list[dict]) -> list[Document]:
    return [Document(**{k: v for k, v in r.items() if k != "language"},
                     meta={"language": r["language"]}) for r in records]


def with_text(text: str | None, doc_id: str = "harbour-wire-1") -> list[dict]:
    return [{**RECORDS[0], "id": doc_id, "text": text}]


# --------------------------------------------------------------------------
# The same corpus in every format
# --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_reads_the_same_documents(tmp_path, fmt):
    """Folder, JSONL, CSV and JSON copies of one corpus give equal documents, in order."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, RECORDS))
    assert list(corpus) == expected_documents(RECORDS)
    assert corpus.skipped == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_extra_fields_are_kept_in_meta(tmp_path, fmt):
    """Fields beyond the document fields (here ``language``) end up in ``meta``."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, RECORDS))
    assert [dict(d.meta) for d in corpus] == [{"language": "en"}] * 3


@pytest.mark.parametrize(("fmt", "source"), [
    ("jsonl", "corpus.jsonl:2"),
    ("csv", "corpus.csv:5"),  # the first record's text spans physical lines 2 to 4
    ("folder", os.path.join("corpus", "texts", "coastal-daily-1.txt")),
])
def test_source_names_where_the_document_came_from(tmp_path, fmt, source):
    """``Document.source`` names the text file, or the corpus file and the record's line."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, RECORDS))
    assert corpus["coastal-daily-1"].source == os.path.join(str(tmp_path), source)


def test_json_source_names_the_line_each_object_starts_on(tmp_path):
    """In a .json list, each document's source is the line its object starts on."""
    path = tmp_path / "corpus.json"
    path.write_text('[\n  {"id": "a", "text": "One."},\n\n  {"id": "b",\n   "text": "Two."}\n]\n',
                    encoding="utf-8")
    assert [d.source for d in read_corpus(path)] == [f"{path}:2", f"{path}:4"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_corpus_is_named_after_its_path(tmp_path, fmt):
    """The corpus name is the path it was read from."""
    path = write_corpus_by_hand(tmp_path, fmt, RECORDS)
    assert read_corpus(path).name == str(path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_corpus_accepts_str_and_path(tmp_path, fmt):
    """A path may be given as a string or a pathlib.Path."""
    path = write_corpus_by_hand(tmp_path, fmt, RECORDS)
    assert list(read_corpus(str(path))) == list(read_corpus(path))


def test_manifest_title_column_and_extra_columns(tmp_path):
    """A manifest's ``title`` column fills Document.title; its unknown columns go to meta."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Text of the story.", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "id,file,outlet,byline,published,event,title,format,constructed\n"
        "a,a.txt,harbour-wire,,2025-03,strike,Dockers strike,wire,yes\n", encoding="utf-8")
    doc = read_corpus(folder)["a"]
    assert doc.title == "Dockers strike"
    assert dict(doc.meta) == {"format": "wire", "constructed": "yes"}


def test_manifest_without_optional_columns(tmp_path):
    """A manifest needs only ``id`` and ``file``; missing metadata is empty."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Text of the story.", encoding="utf-8")
    (folder / "manifest.csv").write_text("id,file\na,a.txt\n", encoding="utf-8")
    assert list(read_corpus(folder)) == [Document("a", "Text of the story.")]


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_nested_meta_object_is_merged_into_meta(tmp_path, fmt):
    """A ``meta`` object (as written by Document.to_dict) is merged into meta, not nested."""
    records = [{"id": "a", "text": "Text.", "meta": {"language": "en"}, "section": "world"}]
    doc = read_corpus(write_corpus_by_hand(tmp_path, fmt, records))["a"]
    assert dict(doc.meta) == {"language": "en", "section": "world"}


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_numeric_ids_and_metadata_become_strings(tmp_path, fmt):
    """JSON numbers as id or metadata are read as their text; null metadata as ''."""
    records = [{"id": 17, "text": "Text.", "published": 2025, "outlet": None}]
    doc = read_corpus(write_corpus_by_hand(tmp_path, fmt, records))["17"]
    assert (doc.id, doc.published, doc.outlet) == ("17", "2025", "")


@pytest.mark.parametrize("fmt", RECORD_FORMATS)
def test_text_and_id_column_options(tmp_path, fmt):
    """``text_column`` and ``id_column`` name other fields; the unused names go to meta."""
    path = tmp_path / f"c.{fmt}"
    records = [{"doc": "d1", "body": "Body text.", "text": "teaser"}]
    if fmt == "csv":
        path.write_text("doc,body,text\nd1,Body text.,teaser\n", encoding="utf-8")
    else:
        path = write_corpus_by_hand(tmp_path, fmt, records)
    doc = read_corpus(path, text_column="body", id_column="doc")["d1"]
    assert (doc.text, dict(doc.meta)) == ("Body text.", {"text": "teaser"})


# --------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_utf8_bom_is_stripped(tmp_path, fmt):
    """A UTF-8 byte-order mark is read and dropped, in corpus files and text files."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, RECORDS, bom=True))
    assert list(corpus) == expected_documents(RECORDS)
    assert not any(d.text.startswith("\ufeff") or d.id.startswith("\ufeff") for d in corpus)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("encoding", "text"), [
    ("cp1251", "«Удары по Киеву продолжаются», — сообщил источник в министерстве."),
    ("latin-1", "Le ministre a qualifié la grève d'« illégale » à Zürich."),
])
def test_explicit_encoding_is_used(tmp_path, fmt, encoding, text):
    """With ``encoding=``, files in that encoding are decoded to the right text."""
    path = write_corpus_by_hand(tmp_path, fmt, with_text(text), encoding=encoding)
    assert read_corpus(path, encoding=encoding)["harbour-wire-1"].text == text


def test_utf16_jsonl_is_read_with_encoding(tmp_path):
    """An encoding whose newline is not one byte (UTF-16) is still read line by line."""
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "\u041a\u0438\u0457\u0432"}\n{"id": "b", "text": "B"}\n',
                    encoding="utf-16")
    corpus = read_corpus(path, encoding="utf-16")
    assert [d.text for d in corpus] == ["\u041a\u0438\u0457\u0432", "B"]


def test_unknown_encoding_raises():
    """An encoding name Python does not know is rejected before reading."""
    with pytest.raises(CorpusError, match="unknown encoding 'klingon'"):
        read_corpus("whatever.jsonl", encoding="klingon")


def _latin1_line(doc_id: str) -> bytes:
    line = json.dumps({"id": doc_id, "text": "Le préfet a parlé."}, ensure_ascii=False)
    return (line + "\n").encode("latin-1")


def test_invalid_utf8_in_jsonl_raises_naming_file_line_and_byte(tmp_path):
    """A JSONL line that is not UTF-8 raises naming file:line, the byte, column and offset."""
    path = tmp_path / "data.jsonl"
    first = b'{"id": "a", "text": "Fine."}\n'
    path.write_bytes(first + _latin1_line("b"))
    with pytest.raises(CorpusError) as info:
        read_corpus(path)
    column = _latin1_line("b").index(b"\xe9") + 1
    assert str(info.value) == (
        f"{path}:2: not valid UTF-8 (byte 0xe9 at column {column}, file offset "
        f"{len(first) + column - 1}); pass encoding=... to read another encoding")


def test_invalid_utf8_in_csv_raises_naming_the_physical_line(tmp_path):
    """In CSV the error names the physical line, counting line breaks inside quoted texts."""
    path = tmp_path / "data.csv"
    latin1_row = "b,Café society.\n".encode("latin-1")
    path.write_bytes(b'id,text\na,"Line one.\nLine two."\n' + latin1_row)
    with pytest.raises(CorpusError, match=r"data\.csv:4: not valid UTF-8 \(byte 0xe9 at column 6"):
        read_corpus(path)


def test_invalid_utf8_in_json_raises_naming_line(tmp_path):
    """A .json file that is not UTF-8 raises naming the line of the bad byte."""
    path = tmp_path / "data.json"
    path.write_bytes(b'[\n{"id": "a", "text": "ok"},\n' + _latin1_line("b") + b"]\n")
    with pytest.raises(CorpusError, match=r"data\.json:3: not valid UTF-8 \(byte 0xe9"):
        read_corpus(path)


def test_invalid_utf8_manifest_raises(tmp_path):
    """A manifest that is not UTF-8 is a broken corpus file: it raises naming its line."""
    folder = write_corpus_by_hand(tmp_path, "folder", RECORDS)
    manifest = folder / "manifest.csv"
    manifest.write_bytes(manifest.read_bytes().replace(b"Petraityte", b"P\xe9traityte"))
    with pytest.raises(CorpusError, match=r"manifest\.csv:2: not valid UTF-8"):
        read_corpus(folder)


def test_invalid_utf8_text_file_is_skipped_naming_id_file_and_line(tmp_path):
    """In a folder corpus a text file that is not UTF-8 becomes a Skipped; the rest is read."""
    bad = "Line one.\nThe pr\u00e9fet spoke.".encode("latin-1")
    folder = write_corpus_by_hand(tmp_path, "folder", RECORDS, raw_texts={"coastal-daily-1": bad})
    corpus = read_corpus(folder)
    assert corpus.ids == ["harbour-wire-1", "harbour-wire-2"]
    (skipped,) = corpus.skipped
    file_name = os.path.join(str(folder), "texts", "coastal-daily-1.txt")
    assert skipped == Skipped(
        "coastal-daily-1",
        f"not valid UTF-8: {file_name}:2 (byte 0xe9 at column 7, file offset 16); "
        "pass encoding=... to read another encoding",
        source=file_name, outlet="coastal-daily", event="klaipeda-strike-2025-03")


# --------------------------------------------------------------------------
# What becomes a document, what is skipped
# --------------------------------------------------------------------------


def test_nul_filled_text_file_is_skipped_as_binary(tmp_path):
    """A text file of NUL bytes is skipped as binary content, naming the file."""
    folder = write_corpus_by_hand(tmp_path, "folder", RECORDS,
                                  raw_texts={"harbour-wire-2": b"\x00" * 4096})
    corpus = read_corpus(folder)
    (skipped,) = corpus.skipped
    assert skipped.id == "harbour-wire-2"
    assert skipped.reason.startswith("binary content: ")
    assert "harbour-wire-2.txt" in skipped.reason
    assert len(corpus) == 2


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_nul_characters_in_a_record_text_are_skipped_as_binary(tmp_path, fmt):
    """A record text holding NUL characters is skipped as binary content."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, with_text("PK\x03\x04\x00\x00")))
    reasons = [(s.id, s.reason.split(":")[0]) for s in corpus.skipped]
    assert reasons == [("harbour-wire-1", "binary content")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", ["", "   ", " \r\n\t\n  "])
def test_empty_and_whitespace_only_texts_are_kept_as_documents(tmp_path, fmt, text):
    """Readers keep empty or blank texts as documents, exactly; the Analyzer decides."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, with_text(text)))
    assert corpus["harbour-wire-1"].text == text
    assert corpus.skipped == []


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_null_text_is_skipped(tmp_path, fmt):
    """A JSON null as text is skipped as a missing text, naming the record's line."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, with_text(None)))
    (skipped,) = corpus.skipped
    assert (skipped.id, skipped.reason) == ("harbour-wire-1", "text is missing (null)")
    assert ":" in skipped.source


def test_manifest_naming_a_missing_file_is_skipped(tmp_path):
    """A manifest row whose file does not exist becomes a Skipped with id and reason."""
    folder = write_corpus_by_hand(tmp_path, "folder", RECORDS)
    (folder / "texts" / "harbour-wire-2.txt").unlink()
    corpus = read_corpus(folder)
    file_name = os.path.join(str(folder), "texts", "harbour-wire-2.txt")
    assert corpus.skipped == [Skipped("harbour-wire-2", f"file not found: {file_name}",
                                      source=file_name, outlet="harbour-wire",
                                      event="klaipeda-strike-2025-03")]
    assert corpus.ids == ["harbour-wire-1", "coastal-daily-1"]


def test_manifest_naming_a_folder_is_skipped_as_unreadable(tmp_path):
    """A manifest row whose file is a directory is skipped as unreadable."""
    folder = write_corpus_by_hand(tmp_path, "folder", RECORDS)
    (folder / "texts" / "harbour-wire-2.txt").unlink()
    (folder / "texts" / "harbour-wire-2.txt").mkdir()
    (skipped,) = read_corpus(folder).skipped
    assert skipped.reason.startswith("cannot read file: ")


@pytest.mark.parametrize("fmt", FORMATS)
def test_max_bytes_skips_larger_documents(tmp_path, fmt):
    """Documents over ``max_bytes`` are skipped with their size; smaller ones are read."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, RECORDS), max_bytes=100)
    assert corpus.ids == ["harbour-wire-2"]
    assert [s.id for s in corpus.skipped] == ["harbour-wire-1", "coastal-daily-1"]
    assert all(s.reason.startswith("too large: ") and "max_bytes=100" in s.reason
               for s in corpus.skipped)


def test_max_bytes_counts_utf8_bytes_not_characters(tmp_path):
    """A record's size is the UTF-8 size of its text: 30 Cyrillic letters are 60 bytes."""
    path = write_corpus_by_hand(tmp_path, "jsonl", with_text("\u0416" * 30))
    assert len(read_corpus(path, max_bytes=60)) == 1
    assert len(read_corpus(path, max_bytes=59)) == 0


@pytest.mark.parametrize("value", [-1, 1.5, "10"])
def test_invalid_max_bytes_raises(tmp_path, value):
    """max_bytes must be a non-negative integer or None."""
    with pytest.raises(CorpusError, match="max_bytes"):
        read_corpus(write_corpus_by_hand(tmp_path, "jsonl", RECORDS), max_bytes=value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_record_ends_as_document_or_skipped(tmp_path, fmt):
    """No record is dropped: documents plus skipped equal the records given."""
    raw = {"coastal-daily-1": b"\x00\x01"} if fmt == "folder" else None
    records = RECORDS
    if fmt != "folder":
        records = [RECORDS[0], {**RECORDS[1], "text": "a\x00b"}, RECORDS[2]]
    corpus = read_corpus(write_corpus_by_hand(tmp_path, fmt, records, raw_texts=raw))
    assert sorted(corpus.ids + [s.id for s in corpus.skipped]) == sorted(r["id"] for r in RECORDS)


# --------------------------------------------------------------------------
# Text kept byte-for-byte
# --------------------------------------------------------------------------

AWKWARD_TEXT = ("Headline with \u201ccurly\u201d quotes\r\n\r\n"
                "He called it \u2018defence\u2019 \u2014 and left.\r\n"
                "Tabs\tand  double  spaces, a trailing space \n\u00a0non-breaking\u2009thin\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_crlf_curly_quotes_and_spacing_are_kept_byte_for_byte(tmp_path, fmt):
    """\\r\\n line ends, curly quotes and odd spaces come back exactly as written."""
    path = write_corpus_by_hand(tmp_path, fmt, with_text(AWKWARD_TEXT))
    doc = read_corpus(path)["harbour-wire-1"]
    assert doc.text.encode("utf-8") == AWKWARD_TEXT.encode("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_20_mb_document_is_read_intact(tmp_path, fmt):
    """A 20 MB text (past the csv module's default field limit) is read whole and exact."""
    paragraph = ("The convoy crossed the river at dawn, officials said, and \u201cno losses\u201d "
                 "were reported.\r\n")
    text = paragraph * (20_000_000 // len(paragraph.encode()) + 1)
    assert len(text.encode()) > 20_000_000
    doc = read_corpus(write_corpus_by_hand(tmp_path, fmt, with_text(text)))["harbour-wire-1"]
    assert doc.text == text


def test_csv_field_size_limit_is_left_unchanged(tmp_path):
    """Reading a CSV with a huge field does not change the process-wide csv limit."""
    before = csv.field_size_limit()
    read_corpus(write_corpus_by_hand(tmp_path, "csv", with_text("x" * 200_000)))
    assert csv.field_size_limit() == before


# --------------------------------------------------------------------------
# Structural errors raise, naming file and line
# --------------------------------------------------------------------------


def test_csv_missing_text_column_raises_naming_file_and_columns(tmp_path):
    """A CSV without a text column raises naming the file and the columns it has."""
    path = tmp_path / "articles.csv"
    path.write_text("id,body,outlet\na,Some text.,harbour-wire\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_corpus(path)
    assert str(info.value) == (f"{path}:1: no 'text' column (expected the document text); "
                               "found columns: id, body, outlet")


def test_csv_with_header_only_still_checks_columns(tmp_path):
    """A CSV with a header and no rows raises if the header lacks a needed column."""
    path = tmp_path / "articles.csv"
    path.write_text("id,body\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no 'text' column"):
        read_corpus(path)


def test_csv_with_header_only_is_an_empty_corpus(tmp_path):
    """A CSV with a correct header and no rows is an empty corpus."""
    path = tmp_path / "articles.csv"
    path.write_text("id,text\n", encoding="utf-8")
    assert len(read_corpus(path)) == 0


def test_manifest_given_as_csv_hints_at_the_folder(tmp_path):
    """Passing manifest.csv itself explains that the folder should be passed."""
    folder = write_corpus_by_hand(tmp_path, "folder", RECORDS)
    with pytest.raises(CorpusError, match="pass the folder"):
        read_corpus(folder / "manifest.csv")


def test_csv_missing_id_column_raises(tmp_path):
    """A CSV without an id column raises naming the column expected."""
    path = tmp_path / "articles.csv"
    path.write_text("text\nSome text.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"articles\.csv:1: no 'id' column"):
        read_corpus(path)


@pytest.mark.parametrize(("content", "message"), [
    ("id,text\na,One.,extra\n", r"c\.csv:2: row has 3 fields, expected 2"),
    ("id,text\na,One.\nb\n", r"c\.csv:3: row has 1 fields, expected 2"),
    ('id,text\na,"One.\nb,Two.\n', r"c\.csv:\d+: malformed CSV"),
    ("id,text,id\na,One.,b\n", r"c\.csv:1: repeated column name\(s\) in the header: id"),
    ("", r"c\.csv:1: empty file"),
    ("id,text\n,Nameless.\n", r"c\.csv:2: empty 'id'"),
])
def test_malformed_csv_raises_naming_line(tmp_path, content, message):
    """Wrong field counts, broken quoting, bad headers and empty ids raise with file:line."""
    path = tmp_path / "c.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_corpus(path)


def test_blank_lines_between_csv_rows_are_ignored(tmp_path):
    """Blank lines between CSV rows are not records."""
    path = tmp_path / "c.csv"
    path.write_text("id,text\na,One.\n\nb,Two.\n", encoding="utf-8")
    assert read_corpus(path).ids == ["a", "b"]


@pytest.mark.parametrize(("content", "message"), [
    ("id,outlet\na,x\n", r"manifest\.csv:1: no 'file' column"),
    ("id,file\n,a.txt\n", r"manifest\.csv:2: empty id"),
    ("id,file\na,\n", r"manifest\.csv:2: document 'a' has an empty 'file'"),
])
def test_malformed_manifest_raises(tmp_path, content, message):
    """A manifest without ``file``, or with an empty id or file cell, raises with its line."""
    (tmp_path / "manifest.csv").write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_corpus(tmp_path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_duplicate_ids_raise_naming_both_places(tmp_path, fmt):
    """A repeated id raises naming where it was first seen and where it repeats."""
    records = [RECORDS[0], RECORDS[1], {**RECORDS[2], "id": "harbour-wire-1"}]
    path = write_corpus_by_hand(tmp_path, fmt, records)
    with pytest.raises(CorpusError, match="duplicate document id 'harbour-wire-1'") as info:
        read_corpus(path)
    expected = {"jsonl": ("corpus.jsonl:3", "corpus.jsonl:1"),
                "csv": ("corpus.csv:6", "corpus.csv:2"),
                "json": ("corpus.json:", "corpus.json:"),
                "folder": ("manifest.csv:4", "manifest.csv:2")}[fmt]
    message = str(info.value)
    assert message.index(expected[0]) < message.index("first seen at") < message.rindex(expected[1])


def test_duplicate_ids_across_files_raise_naming_both_files(tmp_path):
    """read_corpora rejects an id found in two files, naming both."""
    first = write_corpus_by_hand(tmp_path / "a", "jsonl", RECORDS[:2])
    second = write_corpus_by_hand(tmp_path / "b", "csv", RECORDS[1:])
    with pytest.raises(CorpusError) as info:
        read_corpora([first, second])
    assert str(info.value).startswith(f"{second}:2: duplicate document id 'coastal-daily-1' "
                                      f"(first seen at {first}:2)")


def test_skipped_records_count_for_duplicate_ids(tmp_path):
    """An id that was skipped (missing file) cannot be reused by a later row."""
    folder = write_corpus_by_hand(tmp_path, "folder", RECORDS)
    (folder / "texts" / "harbour-wire-1.txt").unlink()
    manifest = folder / "manifest.csv"
    content = manifest.read_text(encoding="utf-8")
    manifest.write_text(content.replace("harbour-wire-2,", "harbour-wire-1,", 1),
                        encoding="utf-8")
    with pytest.raises(CorpusError, match="duplicate document id 'harbour-wire-1'"):
        read_corpus(folder)


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "b", "text": "Unclosed}', r"data\.jsonl:2: malformed JSON at column \d+"),
    ('["b", "A list, not an object"]', r"data\.jsonl:2: expected a JSON object, found a list"),
    ('{"text": "No id here."}', r"data\.jsonl:2: record has no 'id' field"),
    ('{"id": "", "text": "Empty id."}', r"data\.jsonl:2: empty 'id'"),
    ('{"id": "b", "body": "Wrong name."}',
     r"data\.jsonl:2: document 'b' has no 'text' field .*found fields: id, body"),
    ('{"id": "b", "text": 42}',
     r"data\.jsonl:2: document 'b' field 'text' is a number \(expected a string\)"),
    ('{"id": "b", "text": "T", "outlet": ["x"]}',
     r"data\.jsonl:2: document 'b' field 'outlet' is a list"),
])
def test_malformed_jsonl_line_raises_with_line(tmp_path, line, message):
    """A bad JSONL line raises naming file:line, the id when known, and what was expected."""
    path = tmp_path / "data.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_corpus(path)


def test_blank_jsonl_lines_are_ignored(tmp_path):
    """Blank lines in JSONL (such as a trailing one) are not records."""
    path = tmp_path / "data.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n\n  \n{"id": "b", "text": "Two."}\n\n',
                    encoding="utf-8")
    corpus = read_corpus(path)
    assert [(d.id, d.source) for d in corpus] == [("a", f"{path}:1"), ("b", f"{path}:4")]


@pytest.mark.parametrize(("content", "message"), [
    ('{"id": "a", "text": "One."}',
     r"c\.json:1: expected a JSON list of document objects, found an object"),
    ('[\n{"id": "a", "text": "One."},\n"two"\n]',
     r"c\.json:3: expected a JSON object in the list, found a string"),
    ('[\n{"id": "a", "text": "One."}\n{"id": "b"}]',
     r"c\.json:3: malformed JSON: expected ',' or ']'"),
    ('[\n{"id": "a", "text": "One.",\n}]', r"c\.json:3: malformed JSON at column 1"),
    ('[{"id": "a", "text": "One."}] []', r"c\.json:1: malformed JSON: extra data"),
    ("  \n", r"c\.json:1: empty file"),
])
def test_malformed_json_file_raises_with_line(tmp_path, content, message):
    """A .json corpus that is not a list of objects raises naming the line."""
    path = tmp_path / "c.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_corpus(path)


def test_empty_json_list_is_an_empty_corpus(tmp_path):
    """``[]`` is a valid, empty corpus."""
    path = tmp_path / "c.json"
    path.write_text("[ ]\n", encoding="utf-8")
    assert len(read_corpus(path)) == 0


@pytest.mark.parametrize(("name", "message"), [
    ("missing.jsonl", "no such file or folder"),
    ("notes.txt", "cannot read a .txt file as a corpus"),
])
def test_unreadable_paths_raise(tmp_path, name, message):
    """A missing path or an unknown suffix raises, listing what can be read."""
    if name.endswith(".txt"):
        (tmp_path / name).write_text("Just notes.", encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_corpus(tmp_path / name)


def test_folder_without_manifest_raises(tmp_path):
    """A folder without manifest.csv raises, saying which columns a manifest needs."""
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(CorpusError, match="folder has no manifest.csv .*id,file"):
        read_corpus(tmp_path)


def test_corpus_error_is_a_value_error(tmp_path):
    """CorpusError can be caught as ValueError."""
    with pytest.raises(ValueError):
        read_corpus(tmp_path / "missing.csv")


# --------------------------------------------------------------------------
# Several files
# --------------------------------------------------------------------------


def test_read_corpora_concatenates_in_order(tmp_path):
    """Documents of several files of different formats come file after file."""
    paths = [write_corpus_by_hand(tmp_path / "a", "folder", RECORDS[2:]),
             write_corpus_by_hand(tmp_path / "b", "json", RECORDS[:1]),
             write_corpus_by_hand(tmp_path / "c", "csv", RECORDS[1:2])]
    assert read_corpora(paths).ids == ["harbour-wire-2", "harbour-wire-1", "coastal-daily-1"]


def test_read_corpora_keeps_skipped_records_of_every_file(tmp_path):
    """Skipped records of all files are gathered in the combined corpus."""
    paths = [write_corpus_by_hand(tmp_path / "a", "jsonl", with_text(None, "x")),
             write_corpus_by_hand(tmp_path / "b", "json", with_text("\x00", "y"))]
    assert [s.id for s in read_corpora(paths).skipped] == ["x", "y"]


def test_read_corpus_accepts_a_list_of_paths(tmp_path):
    """read_corpus given a list reads it like read_corpora."""
    paths = [write_corpus_by_hand(tmp_path / "a", "jsonl", RECORDS[:1]),
             write_corpus_by_hand(tmp_path / "b", "jsonl", RECORDS[1:])]
    assert read_corpus(paths).ids == read_corpora(paths).ids == [r["id"] for r in RECORDS]


def test_read_corpora_needs_a_path():
    """read_corpora with no paths is an error, not an empty corpus."""
    with pytest.raises(CorpusError, match="at least one path"):
        read_corpora([])


# --------------------------------------------------------------------------
# Streaming
# --------------------------------------------------------------------------


def test_iter_jsonl_is_a_generator(tmp_path):
    """iter_jsonl returns a lazy iterator, not a list."""
    records = iter_jsonl(write_corpus_by_hand(tmp_path, "jsonl", RECORDS))
    assert iter(records) is records
    assert not isinstance(records, (list, tuple))


def test_iter_jsonl_yields_records_before_a_later_malformed_line(tmp_path):
    """The first record is available before the malformed third line is reached."""
    path = tmp_path / "data.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n{oops\n',
                    encoding="utf-8")
    records = iter_jsonl(path)
    assert next(records).id == "a"
    assert next(records).id == "b"
    with pytest.raises(CorpusError, match=r"data\.jsonl:3: malformed JSON"):
        next(records)


def test_iter_jsonl_yields_documents_and_skipped_in_order(tmp_path):
    """Skipped records come in their place in the stream."""
    records = [RECORDS[0], {**RECORDS[1], "text": None}, RECORDS[2]]
    path = write_corpus_by_hand(tmp_path, "jsonl", records)
    assert [type(r).__name__ for r in iter_jsonl(path)] == ["Document", "Skipped", "Document"]


def test_iter_jsonl_does_not_open_the_file_until_iterated(tmp_path):
    """Creating the iterator reads nothing: a missing file raises only on next()."""
    records = iter_jsonl(tmp_path / "missing.jsonl")
    with pytest.raises(CorpusError, match="cannot open"):
        next(records)


def test_iter_jsonl_memory_stays_flat(tmp_path):
    """Streaming a 20 MB JSONL file keeps peak memory near one record's size."""
    path = tmp_path / "big.jsonl"
    text = "Officials said the talks would continue next week. " * 200  # about 10 kB
    with open(path, "w", encoding="utf-8") as stream:
        stream.writelines(json.dumps({"id": f"doc-{n}", "text": text}) + "\n" for n in range(2_000))
    assert path.stat().st_size > 20_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_jsonl(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2_000
    assert peak < 2_000_000


@pytest.mark.parametrize("fmt", FORMATS)
def test_iter_corpus_streams_every_format(tmp_path, fmt):
    """iter_corpus yields the same documents read_corpus collects."""
    path = write_corpus_by_hand(tmp_path, fmt, RECORDS)
    assert list(iter_corpus(path)) == list(read_corpus(path))


# --------------------------------------------------------------------------
# DataFrames
# --------------------------------------------------------------------------


def test_from_dataframe_round_trips_to_frame(tmp_path):
    """Corpus.to_frame() then from_dataframe() gives back equal documents and meta."""
    corpus = read_corpus(write_corpus_by_hand(tmp_path, "jsonl", RECORDS))
    again = from_dataframe(corpus.to_frame())
    assert [d.to_dict() for d in again] == [d.to_dict() for d in corpus]


def test_from_dataframe_puts_extra_columns_in_meta_and_fills_missing_metadata():
    """Unknown columns go to meta (numpy values as Python); NaN metadata becomes ''."""
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": ["a", "b"], "text": ["One.", "Two."], "outlet": ["x", None],
                       "words": [1, 2]})
    corpus = from_dataframe(df)
    assert [(d.outlet, dict(d.meta)) for d in corpus] == [("x", {"words": 1}), ("", {"words": 2})]
    assert type(corpus["a"].meta["words"]) is int


def test_from_dataframe_skips_missing_text_naming_the_row():
    """A NaN text in a DataFrame becomes a Skipped naming the row."""
    pd = pytest.importorskip("pandas")
    corpus = from_dataframe(pd.DataFrame({"id": ["a", "b"], "text": ["One.", None]}), name="sample")
    assert corpus.skipped == [Skipped("b", "text is missing (null)", source="sample row 1")]


def test_from_dataframe_without_text_column_raises():
    """A DataFrame lacking the text column raises listing its columns."""
    pd = pytest.importorskip("pandas")
    with pytest.raises(CorpusError, match="DataFrame: no 'text' column .*found columns: id, body"):
        from_dataframe(pd.DataFrame({"id": ["a"], "body": ["One."]}))


def test_from_dataframe_duplicate_ids_raise_naming_rows():
    """Duplicate ids in a DataFrame raise naming both rows."""
    pd = pytest.importorskip("pandas")
    message = r"DataFrame row 2: duplicate document id 'a' \(first seen at DataFrame row 0\)"
    with pytest.raises(CorpusError, match=message):
        from_dataframe(pd.DataFrame({"id": ["a", "b", "a"], "text": ["One", "Two", "Three"]}))


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".json"])
def test_write_corpus_round_trips_through_read_corpus(tmp_path, suffix):
    """write_corpus then read_corpus gives the same documents and meta."""
    corpus = Corpus(expected_documents(with_text(AWKWARD_TEXT)) + expected_documents(RECORDS[1:]))
    path = tmp_path / "out" / f"corpus{suffix}"
    write_corpus(corpus, path)
    again = read_corpus(path)
    assert [d.to_dict() for d in again] == [d.to_dict() for d in corpus]


# Any text but NUL (a binary-content marker) and lone surrogates (not encodable).
_texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                 max_size=200)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_texts, min_size=1, max_size=5))
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".json"])
def test_any_text_survives_a_write_read_round_trip(tmp_path, suffix, texts):
    """Whatever the text (line breaks, quotes, commas, any script), it reads back exactly."""
    corpus = Corpus([Document(f"d{n}", text) for n, text in enumerate(texts)])
    path = tmp_path / f"prop{suffix}"
    write_corpus(corpus, path)
    assert [d.text for d in read_corpus(path)] == texts


def test_write_jsonl_creates_parent_folders_and_writes_utf8(tmp_path):
    """write_jsonl makes missing folders and writes non-ASCII characters as UTF-8."""
    path = tmp_path / "deep" / "er" / "out.jsonl"
    count = write_jsonl([{"id": "a", "text": "“Kyiv”"}, Skipped("b", "binary content")], path)
    assert count == 2
    lines = path.read_bytes().decode("utf-8").splitlines()
    assert lines[0] == '{"id": "a", "text": "“Kyiv”"}'
    assert json.loads(lines[1])["reason"] == "binary content"


def test_write_jsonl_consumes_a_generator(tmp_path):
    """Records may come from a generator; each becomes one line."""
    path = tmp_path / "out.jsonl"
    write_jsonl(({"n": n} for n in range(3)), path)
    assert path.read_text(encoding="utf-8") == '{"n": 0}\n{"n": 1}\n{"n": 2}\n'


def test_write_json_converts_numpy_nan_paths_and_records(tmp_path):
    """write_json turns numpy values, NaN, paths, sets and records into plain JSON."""
    np = pytest.importorskip("numpy")
    path = tmp_path / "out" / "report.json"
    write_json({"score": np.float64(0.25), "n": np.int64(3), "missing": float("nan"),
                "where": Path("a/b"), "tags": {"b", "a"}, "doc": Skipped("x", "too large")}, path)
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "score": 0.25, "n": 3, "missing": None, "where": os.path.join("a", "b"), "tags": ["a", "b"],
        "doc": {"id": "x", "reason": "too large", "source": "", "outlet": "", "event": ""}}


def test_write_json_rejects_unknown_objects(tmp_path):
    """An object with no JSON form raises TypeError naming its type."""
    with pytest.raises(TypeError, match="cannot write object value as JSON"):
        write_json({"x": object()}, tmp_path / "o.json")


def test_write_csv_from_dataframe_and_from_rows_is_identical(tmp_path):
    """A DataFrame and the equivalent list of dicts give the same CSV file."""
    pd = pytest.importorskip("pandas")
    rows = [{"outlet": "harbour-wire", "density": 1.5, "note": "said \u201cno\u201d, twice\r\n"},
            {"outlet": "coastal-daily", "density": None, "note": ""}]
    write_csv(rows, tmp_path / "rows.csv")
    write_csv(pd.DataFrame(rows), tmp_path / "frame.csv")
    assert (tmp_path / "rows.csv").read_bytes() == (tmp_path / "frame.csv").read_bytes()
    assert (tmp_path / "rows.csv").read_bytes().startswith(b"outlet,density,note\r\n")


def test_write_csv_writes_nested_values_as_json_and_honours_columns(tmp_path):
    """Dict and list cells become JSON; ``columns`` fixes the order and selection."""
    path = tmp_path / "t.csv"
    write_csv([{"id": "a", "meta": {"k": "v"}, "tags": ["x"]}], path, columns=["tags", "meta"])
    assert list(csv.reader(path.open(encoding="utf-8", newline=""))) == [
        ["tags", "meta"], ['["x"]', '{"k": "v"}']]


@pytest.mark.parametrize("write", [
    lambda target: write_jsonl([{"id": "a"}], target),
    lambda target: write_csv([{"id": "a"}], target),
    lambda target: write_json({"id": "a"}, target),
])
def test_writers_accept_dash_for_stdout(write, capsys):
    """``-`` writes to standard output."""
    write("-")
    out = capsys.readouterr().out
    assert "a" in out and out.endswith("\n")


@pytest.mark.parametrize("write", [
    lambda target: write_jsonl([{"id": "a"}], target),
    lambda target: write_csv([{"id": "a"}], target),
    lambda target: write_json({"id": "a"}, target),
])
def test_writers_accept_an_open_text_file(write):
    """An open text file (such as sys.stdout or a StringIO) is written to and left open."""
    buffer = io.StringIO()
    write(buffer)
    assert not buffer.closed and "a" in buffer.getvalue()


def test_writers_accept_sys_stdout(capsys):
    """sys.stdout itself is accepted as the target."""
    write_jsonl([{"id": "a"}], sys.stdout)
    assert capsys.readouterr().out == '{"id": "a"}\n'


def test_write_corpus_rejects_unknown_suffix(tmp_path):
    """write_corpus names the suffixes it writes."""
    with pytest.raises(CorpusError, match=r"expected \.csv, \.json, \.jsonl"):
        write_corpus(Corpus([Document("a", "x")]), tmp_path / "c.parquet")


# --------------------------------------------------------------------------
# Real corpora beside and inside the repository
# --------------------------------------------------------------------------


@pytest.mark.skipif(not (SEEDS / "manifest.csv").is_file(),
                    reason=f"seed articles not found at {SEEDS} "
                           "(set FRAMING_SHARED to the folder that holds seeds/)")
def test_seed_articles_are_read():
    """The two seed articles read as seed-000 (outlet-a) and seed-001 (outlet-b), byte-exact."""
    corpus = read_corpus(SEEDS)
    assert corpus.ids == ["seed-000", "seed-001"]
    assert corpus.outlets == ["outlet-a", "outlet-b"]
    assert corpus.skipped == []
    for doc, file_name in zip(corpus, ["000_0f46efdf2dae16e6.txt", "001_1512c3232955c885.txt"]):
        raw = (SEEDS / file_name).read_bytes().removeprefix(b"\xef\xbb\xbf")
        assert doc.text.encode("utf-8") == raw
        assert doc.meta["language"] == "en"


def _demo_texts_present() -> bool:
    return (DEMO / "texts").is_dir() and any((DEMO / "texts").glob("*.txt"))


@pytest.mark.skipif(not _demo_texts_present(), reason="demo corpus texts not written yet")
def test_demo_corpus_rows_are_all_read_or_skipped_as_missing():
    """Every row of the demo manifest is a document, or skipped only because its file is absent."""
    corpus = read_corpus(DEMO)
    with open(DEMO / "manifest.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(corpus) + len(corpus.skipped) == len(rows)
    present = [r["id"] for r in rows if (DEMO / r["file"]).is_file()]
    assert corpus.ids == present
    assert all(s.reason.startswith("file not found: ") for s in corpus.skipped)
    assert all(d.text.strip() for d in corpus)
