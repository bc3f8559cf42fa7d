"""Loading, validating, importing and writing lexicon packs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import tomllib

from framing.errors import LexiconError
from framing.lexicon import (
    KINDS,
    Lexicon,
    LexiconSet,
    Matcher,
    available_lexicons,
    default_lexicons,
    import_dic,
    load_lexicon,
    load_lexicons,
    parse_lexicon,
    save_lexicon,
    to_toml,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SHIPPED = sorted(p.stem for p in SEEDS.glob("*.toml"))

HEADER = """\
[pack]
name = "test-pack"
version = "0.1.0"
language = "en"
description = "A pack written by the tests."
license = "MIT"
sources = ["Written for the tests."]
"""

WAR_NAME = """
[[categories]]
id = "war-name"
kind = "naming"
description = "What the war is called"
terms = [
  { term = "proxy war", perspective = "anti-imperialist-left" },
  { term = "SMO", perspective = "kremlin" },
]
"""


def write(tmp_path: Path, text: str, name: str = "test-pack.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def marked_line(text: str, mark: str = "# <-") -> int:
    """1-based number of the line holding ``mark``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if mark in line)


# ---------------------------------------------------------------------------
# Finding and loading packs


def test_a_shipped_pack_loads_by_name() -> None:
    lex = load_lexicon(SHIPPED[0])
    assert isinstance(lex, Lexicon) and lex.name == SHIPPED[0]


def test_a_pack_loads_by_path_as_str_or_path(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + WAR_NAME)
    assert load_lexicon(str(path)) == load_lexicon(path)
    assert load_lexicon(path).path == str(path)


def test_an_unknown_name_lists_the_packs_that_exist() -> None:
    with pytest.raises(LexiconError, match="no lexicon pack named 'ukraine-wars'") as err:
        load_lexicon("ukraine-wars")
    assert SHIPPED[0] in str(err.value)


def test_a_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read lexicon pack"):
        load_lexicon(tmp_path / "absent.toml")


def test_available_lexicons_lists_every_shipped_pack() -> None:
    assert set(SHIPPED) <= set(available_lexicons())


def test_default_lexicons_are_all_shipped_packs_in_name_order() -> None:
    packs = default_lexicons()
    assert isinstance(packs, LexiconSet) and list(packs.names) == SHIPPED


def test_load_lexicons_keeps_the_order_given(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + WAR_NAME)
    packs = load_lexicons([path, SHIPPED[0]])
    assert packs.names == ("test-pack", SHIPPED[0])


def test_load_lexicons_rejects_a_bare_string() -> None:
    with pytest.raises(TypeError, match="use load_lexicon"):
        load_lexicons("ukraine-war")


def test_packs_registered_by_another_distribution_load_by_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A distribution names a package holding *.toml packs in the framing.lexicons group."""
    package = tmp_path / "site" / "extra_packs"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "my-outlet.toml").write_text(HEADER.replace("test-pack", "my-outlet") + WAR_NAME)
    info = tmp_path / "site" / "extra_packs-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: extra-packs\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[framing.lexicons]\nextra = extra_packs\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    assert "my-outlet" in available_lexicons()
    assert load_lexicon("my-outlet").category("war-name").kind == "naming"


# ---------------------------------------------------------------------------
# Every shipped pack


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_pack_is_valid(name: str) -> None:
    lex = load_lexicon(SEEDS / f"{name}.toml")
    assert lex.name == name, "a shipped pack's name is its file name"
    assert lex.version and lex.license and lex.sources
    assert lex.categories, "a shipped pack has categories"
    for category in lex.categories:
        assert category.kind in KINDS
        assert category.terms, f"category {category.id!r} has no terms"


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_pack_records_the_line_of_every_term(name: str) -> None:
    path = SEEDS / f"{name}.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for term in load_lexicon(path).terms:
        assert 1 <= term.line <= len(lines)
        assert term.term.split()[0].rstrip("*") in lines[term.line - 1], (term.term, term.line)


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_pack_survives_a_round_trip_through_toml(name: str) -> None:
    lex = load_lexicon(name)
    assert parse_lexicon(to_toml(lex)) == lex


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_pack_compiles_into_a_matcher(name: str) -> None:
    assert Matcher(load_lexicon(name)).n_forms >= len(load_lexicon(name).terms)


# ---------------------------------------------------------------------------
# Validation: every error names path:line and what was expected


def category(body: str, cid: str = "c", kind: str = "naming", extra: str = "") -> str:
    return (f'\n[[categories]]\nid = "{cid}"\nkind = "{kind}"\ndescription = "A category."\n'
            f"{extra}terms = [\n{body}]\n")


INVALID = {
    "toml-syntax": (HEADER + '\n[[categories]]\nid = "c"\nkind = naming # <-\n',
                    "invalid TOML", "# <-"),
    "no-pack-table": ('[[categories]]\nid = "c"\n', "missing [pack] table (expected name", None),
    "missing-license": (HEADER.replace('license = "MIT"\n', "") + WAR_NAME,
                        "[pack]: missing required field 'license' (expected: name,", "[pack]"),
    "bad-pack-name": (HEADER.replace('"test-pack"', '"Test Pack" # <-') + WAR_NAME,
                      "must be lowercase letters, digits and '-'", "# <-"),
    "no-sources": (HEADER.replace('["Written for the tests."]', "[] # <-") + WAR_NAME,
                   "sources must list at least one source", "# <-"),
    "unknown-pack-field": (HEADER + 'licence = "MIT" # <-\n' + WAR_NAME,
                           "[pack]: unknown field 'licence' (expected one of: name,", "# <-"),
    "unknown-top-level": (HEADER + WAR_NAME + "[extra]\nx = 1\n",
                          "unknown top-level table 'extra'", None),
    "unknown-kind": (HEADER + '\n[[categories]]\nid = "c"\nkind = "namin" # <-\n'
                              'description = "d"\nterms = ["x"]\n',
                     "category 'c': unknown kind 'namin' (expected one of: naming, loaded,",
                     "# <-"),
    "missing-kind": (HEADER + '\n[[categories]]\nid = "c" # <-\ndescription = "d"\n',
                     "category #1: missing required field 'kind'", "# <-"),
    "bad-category-id": (HEADER + '\n[[categories]]\nid = "War Name" # <-\nkind = "frame"\n'
                                 'description = "d"\n',
                        "category id 'War Name' must be lowercase", "# <-"),
    "unknown-category-field": (HEADER + category('  "x",\n', kind="frame",
                                                 extra='colour = "red" # <-\n'),
                               "category 'c': unknown field 'colour'", "# <-"),
    "empty-term": (HEADER + category('  { term = "  ", perspective = "kremlin" }, # <-\n'),
                   "category 'c': empty term (expected one or more words)", "# <-"),
    "term-without-term": (HEADER + category('  { perspective = "kremlin" }, # <-\n'),
                          "term table without 'term'", "# <-"),
    "term-of-wrong-type": (HEADER + category("  42, # <-\n", kind="frame"),
                           "each term must be a string or a table, got 42", "# <-"),
    "polarity-out-of-range": (HEADER + category('  { term = "loot", polarity = 3 }, # <-\n',
                                                kind="loaded"),
                              "term 'loot': polarity 3 is outside -1..1", "# <-"),
    "polarity-not-a-number": (HEADER + category('  { term = "loot", polarity = "high" }, # <-\n',
                                                kind="loaded"),
                              "term 'loot': polarity must be a number in -1..1, got 'high'",
                              "# <-"),
    "intensity-out-of-range": (HEADER + category(
        '  { term = "loot", polarity = -0.5, intensity = -0.1 }, # <-\n', kind="loaded"),
        "term 'loot': intensity -0.1 is outside 0..1", "# <-"),
    "strength-out-of-range": (HEADER + category('  { term = "perhaps", strength = 1.5 }, # <-\n',
                                                kind="hedge"),
                              "term 'perhaps': strength 1.5 is outside 0..1", "# <-"),
    "naming-without-perspective": (HEADER + category('  "proxy war", # <-\n'),
                                   ("term 'proxy war': missing 'perspective', required for "
                                   "naming terms"), "# <-"),
    "loaded-without-polarity": (HEADER + category('  "plunder", # <-\n', kind="loaded"),
                                "term 'plunder': missing 'polarity', required for loaded",
                                "# <-"),
    "reporting-verb-without-class": (HEADER + category('  "claim", # <-\n',
                                                       kind="reporting-verb"),
                                     ("term 'claim': missing 'verb_class', required for "
                                     "reporting-verb terms"), "# <-"),
    "unknown-verb-class": (HEADER + category('  { term = "claim", verb_class = "doubtful" }, '
                                             "# <-\n", kind="reporting-verb"),
                           ("term 'claim': unknown verb_class 'doubtful' (expected one of: "
                           "neutral, distancing, endorsing, evaluative)"), "# <-"),
    "unknown-role": (HEADER + '\n[[categories]]\nid = "russia"\nkind = "target"\n'
                              'description = "Russia"\ntarget_type = "country"\n'
                              'terms = [{ term = "Kremlin", role = "palace" }] # <-\n',
                     "term 'Kremlin': unknown role 'palace'", "# <-"),
    "field-of-another-kind": (HEADER + category('  { term = "perhaps", polarity = 0.2 }, # <-\n',
                                                kind="hedge"),
                              "category 'c': unknown field 'polarity' (expected one of: term,",
                              "# <-"),
    "misspelt-field": (HEADER + category('  { term = "loot", polarty = -0.5 }, # <-\n',
                                         kind="loaded"),
                       "unknown field 'polarty'", "# <-"),
    "wildcard-inside-word": (HEADER + category('  "imp*rial", # <-\n', kind="frame"),
                             "'*' is only allowed at the end of a word (got 'imp*rial')", "# <-"),
    "lone-wildcard": (HEADER + category('  "*", # <-\n', kind="frame"),
                      "a lone '*' matches anything", "# <-"),
    "short-wildcard-prefix": (HEADER + category('  "ab*", # <-\n', kind="frame"),
                              "wildcard prefix 'ab' is shorter than 3 letters", "# <-"),
    "short-wildcard-after-hyphen": (HEADER + category('  "anti-im*", # <-\n', kind="frame"),
                                    "wildcard prefix 'im' is shorter than 3 letters", "# <-"),
    "wildcard-in-forms": (HEADER + category('  { term = "tell", forms = ["tol*"] }, # <-\n',
                                            kind="frame"),
                          "'*' is only allowed in terms", "# <-"),
    "wildcard-in-exclude": (HEADER + category('  { term = "state", exclude = ["stat*"] }, '
                                              "# <-\n", kind="frame"),
                            "exclude phrase 'stat*' must hold words and no '*'", "# <-"),
    "term-without-words": (HEADER + category('  "--", # <-\n', kind="frame"),
                           "no word in it (expected letters or digits)", "# <-"),
    "unknown-parent": (HEADER + '\n[[categories]]\nid = "putin"\nkind = "target"\n'
                                'description = "Putin"\ntarget_type = "person"\n'
                                'parent = "rusia" # <-\nterms = ["Putin"]\n',
                       ("category 'putin': unknown parent target 'rusia' (expected the id of "
                       "another target category"), "# <-"),
    "missing-target-type": (HEADER + '\n[[categories]]\nid = "nato" # <-\nkind = "target"\n'
                                     'description = "NATO"\nterms = ["NATO"]\n',
                            "category 'nato': missing required field 'target_type'", "# <-"),
    "bad-category-default": (HEADER + category('  "loot",\n  "plunder",\n', kind="loaded",
                                               extra="polarity = -7 # <-\n"),
                             "term 'loot': polarity -7 is outside -1..1", "# <-"),
    "forms-not-a-list": (HEADER + category('  { term = "tell", forms = "told" }, # <-\n',
                                           kind="frame"),
                         "term 'tell': forms must be a list of strings, got 'told'", "# <-"),
    "case-sensitive-not-bool": (HEADER + category(
        '  { term = "smo", case_sensitive = "yes" }, # <-\n', kind="frame"),
        "term 'smo': case_sensitive must be true or false, got 'yes'", "# <-"),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_pack_error_names_file_line_and_what_was_expected(
        case: str, tmp_path: Path) -> None:
    text, expected, mark = INVALID[case]
    path = write(tmp_path, text)
    line = 1 if mark is None else marked_line(text, mark)
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert expected in message, message


def test_toml_syntax_error_reports_tomllibs_line(tmp_path: Path) -> None:
    text = HEADER + WAR_NAME + "\n[[categories]]\nid = = 3\n"
    with pytest.raises(LexiconError, match=r":\d+: invalid TOML") as err:
        load_lexicon(write(tmp_path, text))
    assert f":{len(text.splitlines())}:" in str(err.value)


def test_duplicate_category_ids_name_both_lines(tmp_path: Path) -> None:
    text = HEADER + WAR_NAME + WAR_NAME
    path = write(tmp_path, text)
    first, second = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("id =")]
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    assert str(err.value) == (f"{path}:{second}: duplicate category id 'war-name' "
                              f"(first at line {first})")


@pytest.mark.parametrize("first, second", [
    ("proxy war", "Proxy War"),
    ("proxy war", "proxy-war"),
    ("NATO's proxy war", "NATO’s proxy war"),
])
def test_duplicate_terms_in_a_category_name_both_lines(first: str, second: str,
                                                       tmp_path: Path) -> None:
    text = HEADER + category(f'  {{ term = "{first}", perspective = "a" }}, # first\n'
                             f'  {{ term = "ok", perspective = "a" }},\n'
                             f'  {{ term = "{second}", perspective = "b" }}, # <-\n')
    path = write(tmp_path, text)
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    assert str(err.value) == (f"{path}:{marked_line(text)}: duplicate term {second!r} in "
                              f"category 'c' (first at line {marked_line(text, '# first')})")


def test_duplicate_terms_in_table_style_name_both_lines(tmp_path: Path) -> None:
    text = HEADER + (
        '\n[[categories]]\nid = "c"\nkind = "loaded"\ndescription = "d"\npolarity = -0.5\n'
        '\n[[categories.terms]]\nterm = "loot" # first\nnote = "the verb"\n'
        '\n[[categories.terms]]\nterm = "plunder"\n'
        '\n[[categories.terms]]\nterm = "Loot" # <-\n')
    path = write(tmp_path, text)
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    assert str(err.value) == (f"{path}:{marked_line(text)}: duplicate term 'Loot' in "
                              f"category 'c' (first at line {marked_line(text, '# first')})")


def test_a_field_error_in_table_style_points_at_the_fields_line(tmp_path: Path) -> None:
    text = HEADER + (
        '\n[[categories]]\nid = "c"\nkind = "loaded"\ndescription = "d"\n'
        '\n[[categories.terms]]\nterm = "loot"\npolarity = -0.5\n'
        '\n[[categories.terms]]\nterm = "plunder"\nnote = "a note"\npolarity = 2 # <-\n')
    with pytest.raises(LexiconError) as err:
        load_lexicon(write(tmp_path, text))
    assert f":{marked_line(text)}: term 'plunder': polarity 2 is outside -1..1" in str(err.value)


def test_term_lines_are_found_in_both_styles(tmp_path: Path) -> None:
    text = HEADER + (
        '\n[[categories]]\nid = "c"\nkind = "loaded"\ndescription = "the plunder words"\n'
        'polarity = -0.5\nterms = [\n  "loot", # loot\n  { term = "plunder" }, # plunder\n]\n'
        '\n[[categories]]\nid = "d"\nkind = "loaded"\ndescription = "d"\n'
        '\n[[categories.terms]]\nterm = "loot" # second loot\npolarity = -0.4\n')
    lex = load_lexicon(write(tmp_path, text))
    assert [t.line for t in lex.category("c").terms] == [marked_line(text, "# loot"),
                                                         marked_line(text, "# plunder")]
    assert lex.category("d").terms[0].line == marked_line(text, "# second loot")
    assert lex.category("d").line == marked_line(text, 'id = "d"')


def test_not_utf8_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes((HEADER + '\n# Caf\xe9\n').encode("latin-1"))
    with pytest.raises(LexiconError, match=r"latin1\.toml:9: not UTF-8 text"):
        load_lexicon(path)


def test_category_defaults_apply_to_every_term(tmp_path: Path) -> None:
    text = HEADER + category('  "loot",\n  { term = "carve up", polarity = -0.9 },\n',
                             kind="loaded", extra="polarity = -0.6\nintensity = 0.8\n")
    loot, carve = load_lexicon(write(tmp_path, text)).category("c").terms
    assert (loot.polarity, loot.intensity) == (-0.6, 0.8)
    assert (carve.polarity, carve.intensity) == (-0.9, 0.8)


@pytest.mark.parametrize("kind, field, value", [
    ("loaded", "intensity", 0.5), ("hedge", "strength", 0.5), ("intensifier", "strength", 0.5),
    ("source-cue", "source_type", "anonymous"),
])
def test_kind_defaults_are_filled_in(kind: str, field: str, value: object,
                                     tmp_path: Path) -> None:
    extra = "polarity = -0.5\n" if kind == "loaded" else ""
    text = HEADER + category('  "officials said",\n', kind=kind, extra=extra)
    term = load_lexicon(write(tmp_path, text)).terms[0]
    assert getattr(term, field) == value


def test_fields_of_other_kinds_stay_empty(tmp_path: Path) -> None:
    term = load_lexicon(write(tmp_path, HEADER + WAR_NAME)).terms[0]
    assert (term.polarity, term.verb_class, term.role, term.strength) == (None,) * 4


@pytest.mark.parametrize("term, case_sensitive, inflect", [
    ('"SMO"', True, True),
    ('"proxy war"', False, True),
    ('{ term = "Kiev regime", case_sensitive = true }', True, True),
    ('{ term = "proxy war", inflect = false }', False, False),
])
def test_case_and_inflection_defaults_resolve(term: str, case_sensitive: bool, inflect: bool,
                                              tmp_path: Path) -> None:
    text = HEADER + category(f"  {term},\n", kind="frame")
    resolved = load_lexicon(write(tmp_path, text)).terms[0]
    assert (resolved.case_sensitive, resolved.inflect) == (case_sensitive, inflect)


def test_punctuation_inside_terms_and_exclude_phrases_is_allowed(tmp_path: Path) -> None:
    text = HEADER + ('\n[[categories]]\nid = "trump"\nkind = "target"\ndescription = "Trump"\n'
                     'target_type = "person"\n'
                     'terms = [{ term = "Donald J. Trump", exclude = ["Trump, Texas"] }]\n')
    assert load_lexicon(write(tmp_path, text)).terms[0].exclude == ("Trump, Texas",)


# ---------------------------------------------------------------------------
# Writing


def test_saved_pack_loads_back_equal(tmp_path: Path) -> None:
    original = load_lexicon(write(tmp_path, HEADER + WAR_NAME))
    path = save_lexicon(original, tmp_path / "copy.toml")
    assert load_lexicon(path) == original


def test_writing_escapes_quotes_backslashes_control_characters_and_keeps_unicode(
        tmp_path: Path) -> None:
    text = HEADER + category(
        '  { term = "NATO’s proxy war", perspective = "a", '
        'note = "He said \\"proxy\\" \\\\ twice\\n\\ttabbed \\u0001" },\n')
    original = load_lexicon(write(tmp_path, text))
    written = to_toml(original)
    assert "NATO’s" in written
    tomllib.loads(written)
    assert parse_lexicon(written) == original
    assert original.terms[0].note == 'He said "proxy" \\ twice\n\ttabbed \x01'


def test_written_terms_leave_out_default_fields(tmp_path: Path) -> None:
    text = HEADER + category('  "loot",\n  { term = "plunder", intensity = 0.9 },\n',
                             kind="loaded", extra="polarity = -0.5\n")
    written = to_toml(load_lexicon(write(tmp_path, text)))
    assert '{ term = "loot", polarity = -0.5 },' in written
    assert '{ term = "plunder", polarity = -0.5, intensity = 0.9 },' in written
    assert "case_sensitive" not in written and "inflect" not in written


def test_written_target_categories_keep_type_and_parent(tmp_path: Path) -> None:
    text = HEADER + (
        '\n[[categories]]\nid = "russia"\nkind = "target"\ndescription = "Russia"\n'
        'target_type = "country"\nterms = ["Russia"]\n'
        '\n[[categories]]\nid = "putin"\nkind = "target"\ndescription = "Putin"\n'
        'target_type = "person"\nparent = "russia"\n'
        'terms = [{ term = "Putin", role = "leader" }]\n')
    original = load_lexicon(write(tmp_path, text))
    copy = parse_lexicon(to_toml(original))
    assert copy == original and copy.category("putin").parent == "russia"


# ---------------------------------------------------------------------------
# LIWC-style .dic import

DIC = """\
%
1\tnegemo\tNegative emotion
2\ttentat
3\twar_words
%
abandon*\t1
perhaps\t2
maybe\t2
war\t3 1
carve up\t3
"""


def test_dic_import_reads_categories_and_words(tmp_path: Path) -> None:
    path = write(tmp_path, DIC, "My LIWC.dic")
    lex = import_dic(path)
    assert lex.name == "my-liwc"
    assert [c.id for c in lex.categories] == ["negemo", "tentat", "war-words"]
    assert [t.term for t in lex.category("negemo").terms] == ["abandon*", "war"]
    assert [t.term for t in lex.category("war-words").terms] == ["war", "carve up"]
    assert lex.category("negemo").description == "negemo Negative emotion"


def test_dic_categories_are_frames_by_default(tmp_path: Path) -> None:
    lex = import_dic(write(tmp_path, DIC, "a.dic"))
    assert {c.kind for c in lex.categories} == {"frame"}


def test_dic_import_takes_kinds_and_field_defaults_per_category(tmp_path: Path) -> None:
    lex = import_dic(write(tmp_path, DIC, "a.dic"), kind={"negemo": "loaded", "tentat": "hedge"},
                     defaults={"negemo": {"polarity": -0.5}, "tentat": {"strength": 0.3}})
    negemo = lex.category("negemo")
    assert negemo.kind == "loaded" and negemo.terms[0].polarity == -0.5
    assert lex.category("tentat").terms[1].strength == 0.3
    assert lex.category("war-words").kind == "frame"


def test_dic_import_records_lines(tmp_path: Path) -> None:
    lex = import_dic(write(tmp_path, DIC, "a.dic"))
    assert lex.category("tentat").line == 3
    assert [t.line for t in lex.category("tentat").terms] == [7, 8]


def test_dic_import_matches_wildcards(tmp_path: Path) -> None:
    lex = import_dic(write(tmp_path, DIC, "a.dic"))
    forms = [m.form for m in Matcher(lex).find("They abandoned the town.")]
    assert forms == ["abandoned"]


def test_dic_import_round_trips_through_toml(tmp_path: Path) -> None:
    lex = import_dic(write(tmp_path, DIC, "a.dic"))
    assert load_lexicon(save_lexicon(lex, tmp_path / "a.toml")) == lex


@pytest.mark.parametrize("text, line, expected", [
    ("1\tnegemo\nwar\t1\n", 1, "expected a header of category numbers between two '%' lines"),
    ("%\nnegemo\n%\nwar\t1\n", 2, "expected '<number><TAB><category name>', got 'negemo'"),
    ("%\n1\tnegemo\n%\nwar\t2\n", 4,
     "word 'war': unknown category number '2' (expected one of: 1)"),
    ("%\n1\tnegemo\n%\nwar\n", 4, "word 'war' has no category numbers"),
    ("%\n1\tnegemo\n%\nab*\t1\n", 4, "wildcard prefix 'ab' is shorter than 3 letters"),
    ("%\n1\tnegemo\n%\nwar\t1\nWar\t1\n", 5, ("duplicate term 'War' in category 'negemo' "
                                            "(first at line 4)")),
    ("%\n1\tnegemo\n%\nwar\t1\n", 4, "term 'war': missing 'polarity', required for loaded"),
])
def test_dic_errors_name_file_and_line(text: str, line: int, expected: str,
                                       tmp_path: Path) -> None:
    path = write(tmp_path, text, "bad.dic")
    kind = "loaded" if "polarity" in expected else "frame"
    with pytest.raises(LexiconError) as err:
        import_dic(path, kind=kind)
    assert str(err.value).startswith(f"{path}:{line}: "), str(err.value)
    assert expected in str(err.value)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is in the standard library")
def test_tomllib_is_used_on_this_python() -> None:
    from framing.lexicon import io

    assert io.tomllib is tomllib
