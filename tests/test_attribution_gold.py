"""Consistency checks for the attribution gold set in corpora/demo.

The gold set (attribution_gold.jsonl) and its guide (attribution_guide.md) are
hand-annotated; these tests check that every record is well formed against
the demo texts, not that any extractor agrees with it.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "corpora" / "demo"
GOLD = DEMO / "attribution_gold.jsonl"
GUIDE = DEMO / "attribution_guide.md"

KINDS = {"direct", "partial", "indirect", "according-to"}
VERB_CLASSES = {"neutral", "distancing", "endorsing", "evaluative"}
SOURCE_TYPES = {"person", "official-role", "institution", "country", "media", "document", "anonymous"}
REQUIRED = [
    "doc_id", "kind", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
    "content_start", "content_end", "verb_class", "source_type", "speaker_inferred", "antecedent",
]
OPTIONAL = {"note"}
OPENING_MARKS = "\"“‘'"
CLOSING_MARKS = "\"”’'"


def _manifest() -> dict[str, str]:
    with open(DEMO / "manifest.csv", encoding="utf-8", newline="") as stream:
        return {row["id"]: row["file"] for row in csv.DictReader(stream)}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {doc_id: (DEMO / file).read_text(encoding="utf-8") for doc_id, file in _manifest().items()}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    rows = []
    with open(GOLD, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            assert line.strip(), f"blank line {number} in {GOLD.name}"
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module")
def complete_articles() -> list[str]:
    guide = GUIDE.read_text(encoding="utf-8")
    block = re.search(r"<!-- complete-articles:begin -->(.*?)<!-- complete-articles:end -->", guide, re.S)
    assert block, "the guide has no complete-articles block"
    return re.findall(r"^- `([^`]+)`\s*$", block.group(1), re.M)


def _where(record: dict) -> str:
    return f"{record['doc_id']} {record['kind']} cue@{record['cue_start']} content@{record['content_start']}"


def test_at_least_200_records(records: list[dict]) -> None:
    assert len(records) >= 200


def test_fields(records: list[dict]) -> None:
    for record in records:
        keys = set(record)
        assert set(REQUIRED) <= keys, f"{_where(record)}: missing {set(REQUIRED) - keys}"
        assert keys <= set(REQUIRED) | OPTIONAL, f"{_where(record)}: unexpected {keys - set(REQUIRED) - OPTIONAL}"
        for name in ("speaker_start", "speaker_end", "cue_start", "cue_end", "content_start", "content_end"):
            assert type(record[name]) is int, f"{_where(record)}: {name} is not an int"
        assert isinstance(record["speaker"], str) and isinstance(record["cue"], str)
        assert isinstance(record["speaker_inferred"], bool)
        assert record["antecedent"] is None or isinstance(record["antecedent"], str)
        if "note" in record:
            assert isinstance(record["note"], str) and record["note"].strip()


def test_allowed_values(records: list[dict]) -> None:
    for record in records:
        assert record["kind"] in KINDS, _where(record)
        assert record["verb_class"] in VERB_CLASSES, _where(record)
        assert record["source_type"] in SOURCE_TYPES, _where(record)


def test_documents_exist(records: list[dict], texts: dict[str, str]) -> None:
    for record in records:
        assert record["doc_id"] in texts, f"{_where(record)}: unknown doc_id"


def test_spans_lie_in_document_and_slice_to_strings(records: list[dict], texts: dict[str, str]) -> None:
    for record in records:
        text = texts[record["doc_id"]]
        for name in ("speaker", "cue", "content"):
            start, end = record[f"{name}_start"], record[f"{name}_end"]
            assert 0 <= start < end <= len(text), f"{_where(record)}: bad {name} span {start}-{end}"
        assert text[record["speaker_start"]:record["speaker_end"]] == record["speaker"], _where(record)
        assert text[record["cue_start"]:record["cue_end"]] == record["cue"], _where(record)


def test_content_spans(records: list[dict], texts: dict[str, str]) -> None:
    for record in records:
        text = texts[record["doc_id"]]
        content = text[record["content_start"]:record["content_end"]]
        assert content.strip(), f"{_where(record)}: empty content"
        assert content == content.strip(), f"{_where(record)}: content has outer whitespace"
        if record["kind"] in ("direct", "partial"):
            # Inside the quotation marks, excluding the marks.
            assert text[record["content_start"] - 1] in OPENING_MARKS, f"{_where(record)}: no opening mark"
            assert text[record["content_end"]] in CLOSING_MARKS, f"{_where(record)}: no closing mark"
        else:
            # The final full stop (and a comma before a postposed frame) is excluded,
            # unless it stands inside a closing quotation mark that ends the clause.
            assert content[-1] not in ".,;:" or content[-1] in CLOSING_MARKS, f"{_where(record)}: {content[-10:]!r}"


def test_speaker_and_cue_are_not_inside_a_direct_quotation_part(records: list[dict]) -> None:
    for record in records:
        if record["kind"] == "direct" and record["content_start"] < record["cue_start"] < record["content_end"]:
            # A split quotation: the frame sits between the parts, so the speaker must too.
            assert record["content_start"] < record["speaker_start"] < record["content_end"], _where(record)


def test_inferred_speakers_have_antecedents(records: list[dict], texts: dict[str, str]) -> None:
    for record in records:
        if record["speaker_inferred"]:
            antecedent = record["antecedent"]
            assert antecedent, f"{_where(record)}: inferred speaker without antecedent"
            text = texts[record["doc_id"]]
            assert antecedent in text[:record["speaker_start"]], f"{_where(record)}: antecedent not found before speaker"
        else:
            assert record["antecedent"] is None, f"{_where(record)}: antecedent on a non-inferred speaker"


def test_no_duplicate_records(records: list[dict]) -> None:
    keys = Counter(
        (r["doc_id"], r["kind"], r["speaker_start"], r["speaker_end"], r["cue_start"], r["cue_end"],
         r["content_start"], r["content_end"])
        for r in records
    )
    duplicates = [key for key, count in keys.items() if count > 1]
    assert not duplicates, duplicates
    same_event = Counter((r["doc_id"], r["cue_start"], r["content_start"], r["content_end"]) for r in records)
    assert not [key for key, count in same_event.items() if count > 1]


def test_complete_articles_are_listed_and_annotated(records: list[dict], complete_articles: list[str]) -> None:
    manifest = _manifest()
    assert len(complete_articles) >= 20
    assert len(set(complete_articles)) == len(complete_articles)
    per_doc = Counter(record["doc_id"] for record in records)
    for doc_id in complete_articles:
        assert doc_id in manifest, f"{doc_id} is not in manifest.csv"
        assert per_doc[doc_id] >= 1, f"complete article {doc_id} has no records"


def test_every_article_is_covered(records: list[dict]) -> None:
    per_doc = Counter(record["doc_id"] for record in records)
    assert set(per_doc) == set(_manifest())


def test_all_kinds_present(records: list[dict]) -> None:
    assert {record["kind"] for record in records} == KINDS
