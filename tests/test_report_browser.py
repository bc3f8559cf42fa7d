"""The HTML report in a real browser: headless Chromium dumps the DOM it built.

Uses Debian's ``chromium`` (``apt-get install chromium``; ``.ci/run`` installs
it when run as root). The test installs nothing and is skipped with a message
where the browser is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import framing
from framing.report.html import DEFAULT_TITLE

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    pytest.skip("headless Chromium not found (install Debian's 'chromium' package to run "
                "the browser tests)")


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM Chromium builds from ``page`` (after any script on it would have run)."""
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--virtual-time-budget=2000", "--dump-dom", page.resolve().as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0 or "<html" not in done.stdout:
        pytest.fail(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.handlers: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_title = tag == "title"
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def elements(dom: str) -> _Elements:
    parser = _Elements()
    parser.feed(dom)
    return parser


def test_demo_report_renders_with_its_sections_and_tables(demo_dir, tmp_path):
    page = tmp_path / "report.html"
    framing.compare(framing.read_corpus(demo_dir)).to_html(page)
    dom = elements(dump_dom(page, tmp_path / "profile"))
    assert dom.title == DEFAULT_TITLE
    assert {"overview", "charts", "naming", "loaded", "stance", "terms", "style",
            "documents"} <= dom.ids
    assert dom.tags.count("table") >= 20
    assert dom.tags.count("svg") >= 3  # stance heatmap, loaded density, naming shares
    assert dom.tags.count("article") == 25
    assert dom.tags.count("mark") > 100
    assert "script" not in dom.tags


def test_payloads_neither_run_nor_change_the_page(tmp_path):
    from test_report import payload_documents

    page = tmp_path / "payload.html"
    framing.compare(payload_documents()).to_html(page, title="Payload report")
    dom_text = dump_dom(page, tmp_path / "profile")
    dom = elements(dom_text)
    assert dom.title == "Payload report"  # document.title='pwned' did not run
    assert "pwned" not in dom_text.split("</head>")[0]
    for tag in ("script", "img", "textarea", "b"):
        assert tag not in dom.tags, tag
    assert dom.handlers == []
    assert dom.tags.count("title") == 1
    assert dom.tags.count("article") == 9
