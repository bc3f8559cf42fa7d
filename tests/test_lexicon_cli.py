"""`framing lexicon ...`: list, show, check, init (extension round trip), import, suggest."""

from __future__ import annotations

from pathlib import Path

from framing.analysis import Analyzer
from framing.cli import main
from framing.document import Document

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib


def test_list_names_every_shipped_pack(capsys) -> None:
    assert main(["lexicon", "list"]) == 0
    names = {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()}
    assert {"ukraine-war", "loaded-en", "reporting-verbs-en", "source-cues-en",
            "targets-ukraine-war", "hedges-en", "intensifiers-en", "frames-en"} <= names


def test_show_lists_categories_and_terms(capsys) -> None:
    assert main(["lexicon", "show", "ukraine-war"]) == 0
    assert "war-name\tnaming" in capsys.readouterr().out
    assert main(["lexicon", "show", "ukraine-war", "--category", "war-name"]) == 0
    assert any(line.startswith("SMO\t") and "perspective=kremlin" in line
               for line in capsys.readouterr().out.splitlines())


def test_check_reports_file_and_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nname = "bad"\nversion = "0.1.0"\nlanguage = "en"\n'
                   'description = "x"\nlicense = "MIT"\nsources = ["x"]\n\n'
                   '[[categories]]\nid = "c"\nkind = "namin"\ndescription = "x"\nterms = ["a b"]\n',
                   encoding="utf-8")
    assert main(["lexicon", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:11:" in err and "namin" in err


def test_init_add_a_term_load_by_path_and_find_it(tmp_path: Path) -> None:
    target = tmp_path / "my-war.toml"
    assert main(["lexicon", "init", "--from", "ukraine-war", "--name", "my-war", "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert tomllib.loads(text)["pack"]["name"] == "my-war"
    text += ('\n[[categories]]\nid = "outlet-house-terms"\nkind = "naming"\n'
             'description = "A new outlet\'s name for the war"\nreferent = "the war"\n'
             'terms = [{ term = "grand confrontation", perspective = "kremlin" }]\n')
    target.write_text(text, encoding="utf-8")
    assert main(["lexicon", "check", str(target)]) == 0
    doc = Document(id="d", text="Commentators called it the grand confrontations of our age.")
    result = Analyzer(lexicons=[str(target)], measures=["naming"]).analyze([doc])[0]
    found = [s for s in result.spans if s["kind"] == "term" and s["category"] == "outlet-house-terms"]
    assert [(s["text"], s["lexicon"]) for s in found] == [("grand confrontations", "my-war")]


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    target.write_text("keep me", encoding="utf-8")
    assert main(["lexicon", "init", "--from", "hedges-en", "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "keep me"


def test_init_from_unknown_pack_is_an_error(tmp_path: Path, capsys) -> None:
    assert main(["lexicon", "init", "--from", "no-such-pack", "-o", str(tmp_path / "y.toml")]) == 1
    assert "no pack named 'no-such-pack'" in capsys.readouterr().err


def test_import_dic_writes_a_loadable_pack(tmp_path: Path) -> None:
    dic = tmp_path / "Mini.dic"
    dic.write_text("%\n1\tthreat\n2\tsafety\n%\ndanger*\t1\nshelter\t2\nwarn\t1 2\n", encoding="utf-8")
    out = tmp_path / "mini.toml"
    assert main(["lexicon", "import", str(dic), "-o", str(out)]) == 0
    assert main(["lexicon", "check", str(out)]) == 0
    doc = Document(id="d", text="Dangerous storms forced families into a shelter.")
    analysis = Analyzer(lexicons=[str(out)], measures=[]).analyze([doc])
    assert analysis[0].skipped is None


def test_suggest_prints_a_toml_category(capsys, demo_dir) -> None:
    assert main(["lexicon", "suggest", "--outlet", "atlantic-brief", str(demo_dir), "--top", "10"]) == 0
    data = tomllib.loads(capsys.readouterr().out)
    (category,) = data["categories"]
    assert category["kind"] == "loaded" and len(category["terms"]) == 10


def test_suggest_unknown_outlet_exits_1(capsys, demo_dir) -> None:
    assert main(["lexicon", "suggest", "--outlet", "nobody", str(demo_dir)]) == 1
    assert "outlet 'nobody' has no documents" in capsys.readouterr().err
