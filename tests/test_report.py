"""Tests for the reports: escaping, self-containment, highlighting, Markdown, the CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.cli import main
from framing.report.cli import report_format
from framing.report.html import _Node, highlight

SCRIPT = "<script>document.title='pwned'</script>"
IMG = "\"><img src=x onerror=\"document.title='pwned'\">"
TEXTAREA = "</textarea><b>bold</b></title><!-- -->]]>"
PAYLOADS = (SCRIPT, IMG, TEXTAREA)

#: Elements the report itself writes (HTML and its inline SVG charts).
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "nav", "a", "main", "section", "div", "table", "thead", "tbody", "tr", "th", "td", "small",
    "span", "sup", "strong", "code", "details", "summary", "ul", "li", "figure", "figcaption",
    "article", "mark", "br",
    # inline SVG (matplotlib)
    "svg", "defs", "g", "path", "rect", "text", "clippath", "use", "image", "metadata",
    "polyline", "line", "circle", "tspan", "lineargradient", "stop", "pattern", "ellipse",
    "polygon",
}


class _Structure(HTMLParser):
    """Every start tag and attribute of a page (what a browser would build elements from)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)


def structure(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    return parser


def payload_documents() -> list[framing.Document]:
    """Three outlets whose names, ids, titles and texts carry HTML and script payloads."""
    docs = []
    for k, payload in enumerate(PAYLOADS):
        for i in range(3):
            text = (f"{payload} headline {i}\n\nThe Kremlin said the \"{payload}\" plan was a "
                    f"disastrous 'peace' deal. {payload} Officials claimed that NATO's proxy war "
                    f"would go on, and the SMO continued. Kyiv called it capitulation. "
                    f"\"We reject {payload} entirely,\" Zelensky said.")
            docs.append(framing.Document(id=f"{payload}-{k}-{i}", text=text, outlet=payload,
                                         event=PAYLOADS[i % 2], title=payload))
    return docs


@pytest.fixture(scope="module")
def payload_comparison():
    return framing.compare(payload_documents())


@pytest.fixture(scope="module")
def payload_html(payload_comparison, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("payload") / "report.html"
    payload_comparison.to_html(path)
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# escaping


def test_payloads_create_no_element_and_no_attribute(payload_html):
    """Texts, outlet names, ids, titles and event ids never become markup."""
    page = structure(payload_html)
    assert set(page.tags) <= ALLOWED_TAGS, set(page.tags) - ALLOWED_TAGS
    assert "script" not in page.tags and "img" not in page.tags and "textarea" not in page.tags
    assert not [a for a in page.attributes if a[1].lower().startswith("on")]
    assert page.tags.count("title") == 1


def test_payloads_are_shown_escaped_not_dropped(payload_html):
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in payload_html
    assert "&lt;/textarea&gt;" in payload_html
    assert "&#34;&gt;&lt;img src=x onerror=" in payload_html


def test_no_raw_payload_in_the_page(payload_html):
    lowered = payload_html.lower()
    for needle in ("<script", "<img", "</textarea", "javascript:"):
        assert needle not in lowered, needle


def test_the_report_is_self_contained(payload_html):
    """No external script, style sheet, font or image: nothing to load from a network."""
    page = structure(payload_html)
    for tag, name, value in page.attributes:
        if name in ("src", "href", "xlink:href") and value:
            assert value.startswith(("#", "data:image/png;base64,")), (tag, name, value)
    assert "@import" not in payload_html and "url(http" not in payload_html
    assert "<link" not in payload_html.lower()


def test_element_ids_are_made_by_the_report_not_taken_from_data(payload_html):
    ids = [value for _, name, value in structure(payload_html).attributes if name == "id"]
    assert ids and all(re.fullmatch(r"[\w.-]+", i or "") for i in ids)
    assert len(ids) == len(set(ids))  # unique, the charts' too


def test_markdown_escapes_html_and_table_syntax(payload_comparison, tmp_path):
    path = tmp_path / "report.md"
    payload_comparison.to_markdown(path)
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text.lower() and "<img" not in text.lower()
    assert "&lt;script&gt;" in text
    for line in text.splitlines():
        if line.startswith("| ") and "---" not in line:
            # every unescaped pipe is a cell border: same count as the header
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) > 2


def test_markdown_pipe_tables_have_as_many_cells_as_headers(demo_comparison, tmp_path):
    path = tmp_path / "report.md"
    demo_comparison.to_markdown(path)
    text = path.read_text(encoding="utf-8")
    assert "## Naming" in text and "## Distinguishing terms" in text
    widths = None
    for line in text.splitlines():
        if not line.startswith("|"):
            widths = None
            continue
        n = len(re.split(r"(?<!\\)\|", line))
        widths = widths or n
        assert n == widths, line


# ---------------------------------------------------------------------------
# highlighted text


def _flatten(nodes) -> str:
    return "".join(n if isinstance(n, str) else _flatten(n.children) for n in nodes)


def _marks(nodes) -> list[_Node]:
    out = []
    for n in nodes:
        if not isinstance(n, str):
            out.append(n)
            out.extend(_marks(n.children))
    return out


def test_highlight_marks_spans_by_slicing_the_original_text():
    text = "The Kiev regime said 'peace' was near."
    spans = [{"kind": "term", "start": 4, "end": 15, "text": "Kiev regime", "category": "gov",
              "category_kind": "naming", "term": "Kiev regime", "voice": "authorial"},
             {"kind": "term", "start": 9, "end": 15, "text": "regime", "category": "pejorative",
              "category_kind": "loaded", "term": "regime", "voice": "authorial",
              "polarity": -0.8},
             {"kind": "scare_quote", "start": 21, "end": 28, "text": "'peace'"},
             {"kind": "target", "start": 4, "end": 8, "text": "Kiev", "target": "ukraine"}]
    nodes, anchors = highlight(text, spans, "doc-0")
    assert _flatten(nodes) == text
    marks = _marks(nodes)
    assert [(m.start, m.end, m.tag) for m in marks] == [
        (4, 15, "mark"), (4, 8, "span"), (9, 15, "mark"), (21, 28, "mark")]
    assert marks[0].label == "gov" and "loaded neg" in marks[2].cls
    assert anchors[4, 15] == "doc-0-s0" and anchors[21, 28] == "doc-0-s2"


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=60),
       raw=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60),
                              st.sampled_from(["quotation", "scare_quote", "target"])),
                    max_size=12))
def test_highlight_keeps_the_text_and_nests_properly(text, raw):
    """Whatever the spans (overlapping, out of range), the pieces rebuild the text exactly."""
    spans = [{"kind": kind, "start": min(a, b), "end": max(a, b), "target": "x"}
             for a, b, kind in raw]
    nodes, _ = highlight(text, spans, "d")
    assert _flatten(nodes) == text

    def check(children, start, end):
        at = start
        for n in children:
            if isinstance(n, str):
                at += len(n)
            else:
                assert start <= n.start == at and n.end <= end
                check(n.children, n.start, n.end)
                at = n.end
        assert at == end

    check(nodes, 0, len(text))


# ---------------------------------------------------------------------------
# the HTML report of the demo corpus


@pytest.fixture(scope="module")
def demo_comparison(demo_dir):
    return framing.compare(framing.read_corpus(demo_dir))


@pytest.fixture(scope="module")
def demo_html(demo_comparison, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("demo") / "report.html"
    demo_comparison.to_html(path)
    return path.read_text(encoding="utf-8")


def test_demo_report_has_overview_charts_tables_and_documents(demo_html):
    page = structure(demo_html)
    ids = {value for _, name, value in page.attributes if name == "id"}
    assert {"overview", "charts", "naming", "loaded", "terms", "style", "documents"} <= ids
    assert demo_html.index('id="overview"') < demo_html.index('id="naming"')
    assert page.tags.count("svg") >= 2
    assert page.tags.count("article") == 25
    assert page.tags.count("mark") > 100


def test_every_link_in_the_report_has_a_target(demo_html):
    page = structure(demo_html)
    ids = {value for _, name, value in page.attributes if name == "id"}
    links = {value[1:] for tag, name, value in page.attributes
             if tag == "a" and name == "href" and value}
    assert links and links <= ids, sorted(links - ids)[:5]


def test_a_capped_report_shows_fewer_texts_and_links_only_to_what_it_shows(demo_comparison,
                                                                           tmp_path):
    path = tmp_path / "capped.html"
    demo_comparison.to_html(path, max_documents=3)
    html = path.read_text(encoding="utf-8")
    page = structure(html)
    assert page.tags.count("article") == 3
    assert "Showing the texts of the first 3 of 25 documents" in html
    ids = {value for _, name, value in page.attributes if name == "id"}
    links = {value[1:] for tag, name, value in page.attributes
             if tag == "a" and name == "href" and value}
    assert links <= ids


def test_naming_cells_link_to_the_marked_evidence(demo_html):
    cell = re.search(r'<td[^>]*><a href="#(doc-\d+-s\d+)">\d+</a>', demo_html)
    assert cell is not None
    assert re.search(rf'<mark id="{cell.group(1)}" class="naming', demo_html)


def test_small_groups_and_low_evidence_are_flagged_in_the_report(demo_html):
    assert "small group" in demo_html
    assert 'class="weak"' in demo_html
    assert "Every outlet has fewer than 3 documents on this event" in demo_html


def test_import_framing_does_not_import_the_report_libraries():
    import subprocess
    import sys

    code = ("import sys, framing; framing.compare; "
            "print(any(m in sys.modules for m in ('matplotlib', 'jinja2')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------
# command line


@pytest.mark.parametrize(("output", "expected"), [
    ("report.html", "html"), ("out/report.HTM", "html"), ("report.md", "markdown"),
    ("r.json", "json"), ("-", "json"), ("tables/", "csv"), ("tables", "csv"),
])
def test_the_report_format_follows_the_output_path(output, expected):
    assert report_format(output) == expected


def test_an_unknown_report_suffix_is_refused():
    with pytest.raises(ValueError, match="report.pdf"):
        report_format("report.pdf")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    from framing.io import write_corpus

    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    write_corpus(payload_documents(), path)
    return path


@pytest.mark.parametrize("name", ["report.html", "report.md", "report.json", "tables/"])
def test_framing_compare_writes_each_format(small_corpus, tmp_path, name, capsys):
    out = tmp_path / name
    assert main(["compare", str(small_corpus), "-o", str(out), "-q"]) == 0
    assert out.exists()
    if name == "report.json":
        assert "naming" in json.loads(out.read_text(encoding="utf-8"))["tables"]
    if name == "tables/":
        assert (out / "naming.csv").is_file()
    assert "wrote" in capsys.readouterr().err


def test_framing_compare_filters_events(small_corpus, tmp_path):
    out = tmp_path / "r.json"
    assert main(["compare", str(small_corpus), "--event", SCRIPT, "-o", str(out), "-q"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["events"] == [SCRIPT]


@pytest.mark.parametrize(("args", "status", "message"), [
    (["--event", "nope"], 1, "--event 'nope'"),
    (["--by", "colour"], 1, "colour"),
    (["--by", "event"], 2, "by='event'"),
])
def test_framing_compare_bad_input_exits_with_one_line(small_corpus, tmp_path, capsys, args,
                                                       status, message):
    out = tmp_path / "r.html"
    assert main(["compare", str(small_corpus), *args, "-o", str(out), "-q"]) == status
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not out.exists()


def test_framing_compare_on_a_missing_corpus_fails_with_one_line(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "none"), "-o", str(tmp_path / "r.html")]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_framing_compare_refuses_an_unknown_format(small_corpus, tmp_path, capsys):
    assert main(["compare", str(small_corpus), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "r.pdf" in capsys.readouterr().err


def test_framing_demo_writes_the_report_tables_and_spans(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "-o", str(out), "-q"]) == 0
    printed = capsys.readouterr().out
    assert str((out / "report.html").resolve()) in printed
    assert (out / "report.html").stat().st_size > 10_000
    assert {"naming.csv", "loaded.csv", "terms.csv", "documents.csv"} <= {
        p.name for p in out.glob("*.csv")}
    assert len((out / "analysis.jsonl").read_text(encoding="utf-8").splitlines()) == 25
