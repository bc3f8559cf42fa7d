"""`framing analyze` and `framing --version`: data on stdout, exit status for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import framing
from framing.cli import main


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"framing {framing.__version__}"


def test_analyze_writes_one_jsonl_object_per_document(demo_dir: Path, capsys) -> None:
    assert main(["analyze", str(demo_dir), "--format", "jsonl", "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 25
    for record in records:
        assert {"id", "outlet", "event", "n_tokens", "n_sentences", "spans", "skipped"} <= set(record)
        assert record["skipped"] is None and record["n_tokens"] > 200
        kinds = {s["kind"] for s in record["spans"]}
        assert {"quotation", "term", "target"} <= kinds


def test_analyze_jsonl_spans_slice_the_original_text(seeds_dir: Path, capsys) -> None:
    assert main(["analyze", str(seeds_dir), "--format", "jsonl", "-q"]) == 0
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    files = {"seed-000": "000_0f46efdf2dae16e6.txt", "seed-001": "001_1512c3232955c885.txt"}
    for line in capsys.readouterr().out.splitlines():
        record = json.loads(line)
        text = texts[files[record["id"]]]
        assert all(text[s["start"]:s["end"]] == s["text"] for s in record["spans"])


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_analyze_other_formats(demo_dir: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["analyze", str(demo_dir), "--format", fmt, "-o", str(out), "-q"]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert len(json.loads(text)) == 25
    else:
        assert text.splitlines()[0].startswith("document,outlet,event")
        assert len(text.splitlines()) == 26


def test_skipped_documents_are_in_the_output_and_reported(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.csv").write_text(
        "id,file,outlet,byline,published,event\n"
        "ok,ok.txt,a,,2025-11,e\nempty,empty.txt,a,,2025-11,e\nmissing,missing.txt,b,,2025-11,e\n"
        "latin,latin.txt,b,,2025-11,e\n", encoding="utf-8")
    (folder / "ok.txt").write_text("Kyiv said the talks would resume on Monday.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin.txt").write_bytes("Caf\xe9 talks in Z\xfcrich.".encode("latin-1"))
    assert main(["analyze", str(folder), "-q"]) == 0
    captured = capsys.readouterr()
    records = {r["id"]: r for r in map(json.loads, captured.out.splitlines())}
    assert set(records) == {"ok", "empty", "missing", "latin"}
    assert records["ok"]["skipped"] is None
    assert records["empty"]["skipped"] == "empty text"
    assert "file not found" in records["missing"]["skipped"]
    assert "UTF-8" in records["latin"]["skipped"]
    for doc_id in ("empty", "missing", "latin"):
        assert f"skipped {doc_id}:" in captured.err


def test_csv_without_a_text_column_exits_1_naming_the_file(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "articles.csv"
    bad.write_text("id,body\n1,Some text\n", encoding="utf-8")
    assert main(["analyze", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "articles.csv" in err and "text" in err and err.count("\n") == 1


def test_missing_path_exits_1(tmp_path: Path, capsys) -> None:
    assert main(["analyze", str(tmp_path / "nowhere.jsonl")]) == 1
    assert "nowhere.jsonl" in capsys.readouterr().err


def test_bad_usage_exits_2() -> None:
    result = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", "--format", "xml", "x"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "invalid choice" in result.stderr
    assert result.stdout == ""
