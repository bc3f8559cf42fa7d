"""The HTML report: one self-contained file, escaped by Jinja, charts as inline SVG.

The page holds no script, loads nothing from the network and uses only the
browser's own fonts. Every value from the data (article text, outlet names,
ids, terms) reaches the page through Jinja's autoescaping; the highlighted
article text is built as a tree of text pieces and ``<mark>`` elements from
the evidence spans (slices of the original text), which the template renders,
escaping each piece. Element ids are made by the report (``doc-3``,
``doc-3-s12``), never taken from the data, so every number can link to the
sentences behind it.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from framing.comparison import ALL_EVENTS
from framing.report import charts
from framing.report.common import (
    environment,
    event_title,
    missing,
    num,
    pct,
    report_events,
    signed,
)

if TYPE_CHECKING:
    import pandas as pd

    from framing.analysis import DocumentAnalysis
    from framing.comparison import Comparison

__all__ = ["render_html", "write_html"]

DEFAULT_TITLE = "How outlets frame the same events"
#: Families, targets and terms shown in an event's overview.
OVERVIEW_FAMILIES = 4
OVERVIEW_TARGETS = 4
OVERVIEW_TERMS = 4
#: Targets shown in a stance matrix and families in the naming chart.
MATRIX_TARGETS = 12
CHART_FAMILIES = 4
#: Naming families shown per event when several events are compared.
EVENT_FAMILIES = 8
#: Example sentences shown per naming cell (the tables keep more).
HTML_EXAMPLES = 2
#: Documents whose highlighted texts the page shows by default (a page of
#: thousands of articles is too heavy to open; the tables cover every document).
MAX_DOCUMENTS = 200
#: Lexicon category kinds highlighted in the article text.
MARKED_TERM_KINDS = ("naming", "loaded")


def write_html(comparison: Comparison, path: str | os.PathLike[str], *,
               title: str | None = None, max_documents: int | None = MAX_DOCUMENTS) -> None:
    """Write the HTML report of ``comparison`` to ``path`` (UTF-8); see :func:`render_html`."""
    text = render_html(comparison, title=title, max_documents=max_documents)
    folder = os.path.dirname(os.fspath(path))
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def render_html(comparison: Comparison, *, title: str | None = None,
                max_documents: int | None = MAX_DOCUMENTS) -> str:
    """The HTML report of ``comparison`` as a string.

    Parameters
    ----------
    comparison
        The comparison to report.
    title
        Title of the page.
    max_documents
        Show the highlighted texts of at most this many documents (the first
        ones); ``None`` shows all. Numbers about the others link nowhere.
    """
    view = _View(comparison, max_documents).build(title or DEFAULT_TITLE)
    env = environment(html=True)
    env.filters["stance_colour"] = stance_colour
    return env.get_template("report.html.j2").render(**view)


def stance_colour(score: float) -> str:
    """A light background for a stance score: red against, blue for (as in the heatmap)."""
    if missing(score):
        return "transparent"
    strength = min(1.0, abs(float(score)))
    rgb = (214, 96, 77) if score < 0 else (67, 147, 195)
    return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {0.12 + 0.5 * strength:.2f})"


# ---------------------------------------------------------------------------
# Highlighted article text


@dataclass
class _Node:
    """An element of the highlighted text: ``tag`` around ``children`` (text or nodes)."""

    start: int
    end: int
    tag: str
    cls: str
    id: str
    title: str = ""
    label: str = ""
    children: list[Any] = field(default_factory=list)


def _marks_of(span: dict[str, Any], anchor: str) -> list[_Node]:
    """The elements that show one evidence span in the text (none for unshown kinds)."""
    kind = span.get("kind")
    start, end = int(span["start"]), int(span["end"])
    if kind == "quotation":
        return [_Node(start, end, "span", "quote", "", "quotation (quoted voice)")]
    if kind == "scare_quote":
        return [_Node(start, end, "mark", "scare", anchor,
                      "scare quote: a word the writer distances themselves from", "scare quote")]
    if kind == "term" and span.get("category_kind") in MARKED_TERM_KINDS:
        category = str(span.get("category", ""))
        details = [f"{span.get('category_kind')}: {category}", f"term “{span.get('term', '')}”",
                   f"voice: {span.get('voice', '')}"]
        if span.get("perspective"):
            details.append(f"perspective: {span['perspective']}")
        cls = "naming"
        if span.get("category_kind") == "loaded":
            polarity = span.get("polarity")
            cls = "loaded neg" if (polarity or 0) < 0 else "loaded pos" if polarity else "loaded"
            if polarity is not None:
                details.append(f"polarity: {polarity:+}")
        if span.get("voice") not in (None, "authorial"):
            cls += " voiced"
        return [_Node(start, end, "mark", cls, anchor, " · ".join(details), category)]
    if kind == "target":
        return [_Node(start, end, "span", "target", "", f"target: {span.get('target', '')}")]
    if kind == "attribution":
        out = []
        verb_class = str(span.get("verb_class") or "")
        title = (f"attribution ({span.get('attribution_kind', '')}): verb “{span.get('verb', '')}”"
                 f" ({verb_class}) · speaker: {span.get('speaker', '')} · source: "
                 f"{span.get('source_type', '')} · target: {span.get('target') or '–'}")
        if span.get("cue_start") is not None and span.get("cue_end") is not None:
            out.append(_Node(int(span["cue_start"]), int(span["cue_end"]), "mark",
                             f"cue {verb_class}", anchor, title, verb_class or "cue"))
        if span.get("speaker_start") is not None and span.get("speaker_end") is not None:
            out.append(_Node(int(span["speaker_start"]), int(span["speaker_end"]), "span",
                             "speaker", "", title))
        return out
    return []


def highlight(text: str, spans: Iterable[dict[str, Any]], prefix: str) -> tuple[list[Any], dict]:
    """The text as nested nodes with the evidence spans marked, and their anchors.

    Spans nest when one contains another; a span that crosses the end of an
    enclosing one is cut there (the overlap is rare: a speaker name that runs
    past a quotation mark).

    Returns
    -------
    nodes
        A list of strings (text slices) and :class:`_Node` elements.
    anchors
        ``(start, end) -> element id`` of every marked span, to link to.
    """
    marks = [m for j, span in enumerate(spans) for m in _marks_of(span, f"{prefix}-s{j}")]
    order = {"quote": 0, "target": 3, "speaker": 2}
    marks.sort(key=lambda m: (m.start, -m.end, order.get(m.cls, 1)))
    root = _Node(0, len(text), "", "", "")
    stack = [root]
    anchors: dict[tuple[int, int], str] = {}
    for mark in marks:
        if not 0 <= mark.start < mark.end <= len(text):
            continue
        while stack[-1] is not root and stack[-1].end <= mark.start:
            stack.pop()
        mark.end = min(mark.end, stack[-1].end)
        top = stack[-1]
        if mark.end <= mark.start or (top.start, top.end, top.cls, top.label) == (
                mark.start, mark.end, mark.cls, mark.label):
            continue  # nothing left, or the same mark twice (two attributions, one cue)
        stack[-1].children.append(mark)
        stack.append(mark)
        if mark.id:  # quotations, targets and speakers are styled, not linked to
            anchors.setdefault((mark.start, mark.end), mark.id)
    return _fill(root, text), anchors


def _fill(node: _Node, text: str) -> list[Any]:
    """Replace a node's children by text slices and filled child nodes, in order."""
    out: list[Any] = []
    at = node.start
    for child in node.children:
        if child.start > at:
            out.append(text[at:child.start])
        child.children = _fill(child, text)
        out.append(child)
        at = child.end
    if at < node.end:
        out.append(text[at:node.end])
    return out


# ---------------------------------------------------------------------------
# The view: plain dicts and lists for the template


def contrasting_families(rows: list[dict[str, Any]], by: str) -> list[str]:
    """Naming families ordered by how much the groups differ on them.

    First the families where the groups' most used own-voice variants differ
    most (number of distinct dominant variants), then those used by more
    groups, then by mentions. Families no group uses in its own voice are left
    out.
    """
    mentions: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in rows:
        if r["authorial"] > 0:
            mentions[r["family"], r[by]][r["variant"]] = r["authorial"]
    dominant: dict[str, set[str]] = defaultdict(set)
    users: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for (family, _), variants in mentions.items():
        dominant[family].add(max(sorted(variants), key=lambda v: variants[v]))
        users[family] += 1
        totals[family] += sum(variants.values())
    return sorted(dominant, key=lambda f: (-len(dominant[f]), -users[f], -totals[f], f))


def _rows(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    return [] if frame is None or frame.empty else frame.to_dict(orient="records")


class _View:
    def __init__(self, comparison: Comparison, max_documents: int | None) -> None:
        self.c = comparison
        self.by = comparison.by
        self.tables = comparison.tables
        self.events = report_events(comparison)
        self.groups = comparison.groups
        self._records: dict[str, dict[str | None, list[dict[str, Any]]]] = {}
        listed = set(self.tables["documents"]["document"])
        compared = [d for d in comparison.analysis if d.id in listed]
        self.n_compared = len(compared)
        self.docs: list[DocumentAnalysis] = compared[:max_documents]
        self.doc_anchor = {d.id: f"doc-{i}" for i, d in enumerate(self.docs)}
        self.doc_title = dict(zip(self.tables["documents"]["document"],
                                  self.tables["documents"]["title"]))
        self.span_anchor: dict[str, dict[tuple[int, int], str]] = {}
        self.doc_views = [self._document(i, d) for i, d in enumerate(self.docs)]
        self.group_info = {(r["event"], r[self.by]): r for r in self.rows("groups")}

    # -- helpers -----------------------------------------------------------

    def rows(self, name: str, event: str | None = None) -> list[dict[str, Any]]:
        """Rows of table ``name`` as dicts (of one event, or all), converted once."""
        if name not in self._records:
            by_event: dict[str | None, list[dict[str, Any]]] = {None: _rows(self.tables.get(name))}
            for row in by_event[None]:
                by_event.setdefault(row.get("event"), []).append(row)
            self._records[name] = by_event
        return self._records[name].get(event, [])

    def groups_of(self, event: str) -> list[dict[str, Any]]:
        """The group columns of an event: name, documents, small-group flag, doc links."""
        out = []
        for name in self.groups:
            info = self.group_info.get((event, name))
            if info is None:
                continue
            out.append({"name": name, "n_documents": info["n_documents"],
                        "small": bool(info["small_group"]),
                        "docs": [self.doc_link(d) for d in info["documents"]]})
        return out

    def doc_link(self, doc_id: str) -> dict[str, str]:
        """Link to a document's view (``href`` empty when its text is not in the report)."""
        anchor = self.doc_anchor.get(doc_id)
        return {"href": f"#{anchor}" if anchor else "", "id": doc_id,
                "title": self.doc_title.get(doc_id, doc_id)}

    def span_link(self, doc_id: str, start: int, end: int) -> str:
        anchor = self.span_anchor.get(doc_id, {}).get((start, end)) or self.doc_anchor.get(doc_id)
        return f"#{anchor}" if anchor else ""

    def first_anchor_in(self, doc_id: str, start: int, end: int) -> str:
        """Link to the first marked span inside ``[start, end)`` (else the document)."""
        inside = [(s, a) for (s, e), a in self.span_anchor.get(doc_id, {}).items()
                  if start <= s and e <= end]
        anchor = min(inside)[1] if inside else self.doc_anchor.get(doc_id)
        return f"#{anchor}" if anchor else ""

    # -- the page ----------------------------------------------------------

    def build(self, title: str) -> dict[str, Any]:
        from framing import __version__

        documents = self.tables["documents"]
        skipped = documents[documents["skipped"].notna()]
        sections = [("overview", "Overview by event")]
        sections.append(("charts", "Charts"))
        tables = []
        for name, heading, builder in (
                ("naming", "Naming", self.naming), ("loaded", "Loaded language", self.loaded),
                ("attribution", "Attribution", self.attribution),
                ("stance", "Stance", self.stance),
                ("terms", "Distinguishing terms", self.terms), ("style", "Style", self.style)):
            if name in self.tables:
                tables.append({"id": name, "heading": heading, **builder()})
                sections.append((name, heading))
        sections.append(("documents", "Documents"))
        return {
            "title": title, "version": __version__, "by": self.by,
            "n_documents": len(documents), "n_skipped": len(skipped),
            "skipped": [{"id": r["document"], "reason": r["skipped"]}
                        for r in _rows(skipped)],
            "groups": self.groups, "events": [e for e in self.events if e != ALL_EVENTS],
            "options": self.c.options, "sections": sections,
            "overview": [self.overview(e) for e in self.events],
            "charts": self.charts(), "tables": tables,
            "documents": self.documents_by_event(),
            "n_shown": len(self.docs), "n_compared": self.n_compared,
        }

    # -- overview ----------------------------------------------------------

    def overview(self, event: str) -> dict[str, Any]:
        groups = self.groups_of(event)
        names = [g["name"] for g in groups]
        lines: list[dict[str, Any]] = []
        naming = self.rows("naming", event)
        families = contrasting_families(naming, self.by)[:OVERVIEW_FAMILIES]
        if families:
            lines.append({"section": "Naming: the most used variant in the outlet's own voice"})
        for family in families:
            cells: list[dict[str, Any] | None] = []
            for name in names:
                mine = [r for r in naming if r["family"] == family and r[self.by] == name
                        and r["authorial"] > 0]
                mine.sort(key=lambda r: (-r["authorial"], r["variant"]))
                if not mine:
                    cells.append(None)
                    continue
                top = mine[0]
                others = ", ".join(f"{r['variant']} ×{r['authorial']}" for r in mine[1:])
                cells.append({"text": top["variant"], "extra": f"×{top['authorial']}",
                              "href": self._example_href(top), "weak": top["low_evidence"],
                              "title": f"also: {others}" if others else "only variant used"})
            referent = next((r["referent"] for r in naming if r["family"] == family), "")
            lines.append({"label": family, "title": f"naming: {referent}", "cells": cells})
        loaded = {r[self.by]: r for r in self.rows("loaded", event) if r["voice"] == "authorial"}
        attribution = {r[self.by]: r for r in self.rows("attribution", event)}
        if loaded or attribution:
            lines.append({"section": "Loaded language and sources"})
        if loaded:
            lines.append({"label": "loaded terms per 1,000 words (own voice)",
                          "title": "loaded terms in the outlet's own (authorial) voice",
                          "cells": [self._density_cell(loaded.get(n)) for n in names]})
        if attribution:
            lines.append({"label": "attributions (share anonymous)", "title": "attributions found; "
                          "share with an anonymous source", "cells": [
                              None if n not in attribution else {
                                  "text": num(attribution[n]["n_attributions"], 0),
                                  "extra": f"{pct(attribution[n]['anonymous_share'])} anon.",
                                  "weak": attribution[n]["low_evidence"], "title": ""}
                              for n in names]})
        stance = [r for r in self.rows("stance", event) if r["voice"] == "authorial"
                  and r["n_evidence"] > 0]
        evidence: dict[str, int] = defaultdict(int)
        for r in stance:
            evidence[r["target"]] += r["n_evidence"]
        if evidence:
            lines.append({"section": "Stance in the outlet's own voice (−1 against … +1 for)"})
        for target in sorted(evidence, key=lambda t: (-evidence[t], t))[:OVERVIEW_TARGETS]:
            by_group = {r[self.by]: r for r in stance if r["target"] == target}
            lines.append({"label": f"stance toward {target}",
                          "title": "authorial stance, −1 (against) to +1 (for)",
                          "cells": [self._stance_cell(by_group.get(n)) for n in names]})
        terms = self.rows("terms", event)
        style = {r[self.by]: r for r in self.rows("style", event)}
        if terms or style:
            lines.append({"section": "Words and style"})
        if terms:
            lines.append({"label": "distinguishing terms", "title": "terms most typical of the "
                          "outlet against the others (log-odds z)", "cells": [
                              {"text": ", ".join(r["term"] for r in terms if r[self.by] == n
                                                 and r["rank"] <= OVERVIEW_TERMS) or "–",
                               "weak": False, "title": ""} for n in names]})
        if style:
            for column, label, digits in (("flesch_reading_ease", "reading ease (Flesch)", 0),
                                          ("sentiment_compound_mean", "sentiment (VADER)", 2)):
                if any(column in r for r in style.values()):
                    show = signed if column.startswith("sentiment") else num
                    lines.append({"label": label, "title": "", "cells": [
                        None if n not in style else {"text": show(style[n].get(column), digits),
                                                     "weak": style[n]["low_evidence"],
                                                     "title": ""} for n in names]})
        return {"event": event, "title": event_title(event),
                "anchor": _event_anchor(self.events, event), "groups": groups, "lines": lines,
                "all_small": bool(groups) and all(g["small"] for g in groups)}

    def _example_href(self, row: dict[str, Any]) -> str:
        examples = row.get("examples") or []
        if not examples:
            return ""
        first = examples[0]
        return self.span_link(first["document"], first["start"], first["end"])

    def _density_cell(self, row: dict[str, Any] | None) -> dict[str, Any] | None:
        if row is None:
            return None
        interval = (f"{num(row['ci_low'])}–{num(row['ci_high'])}"
                    if not missing(row["ci_low"]) else "")
        return {"text": num(row["per_1k"]), "extra": f"[{interval}]" if interval else "",
                "weak": row["low_evidence"],
                "title": f"{row['count']} loaded terms in {row['tokens']:,} tokens; "
                         f"{row['negative']} negative, {row['positive']} positive"}

    def _stance_cell(self, row: dict[str, Any] | None) -> dict[str, Any] | None:
        if row is None or missing(row["score"]):
            return None
        docs = row.get("documents") or []
        return {"text": signed(row["score"]), "extra": f"n={row['n_evidence']}",
                "weak": row["low_evidence"], "score": float(row["score"]),
                "href": self._stance_href(docs, row["target"], row["voice"]),
                "title": f"{row['n_evidence']} evidence sentences in {row['n_documents']} "
                         f"document(s)"}

    def _stance_href(self, docs: list[str], target: str, voice: str) -> str:
        for doc_id in docs:
            anchor = self.stance_anchor.get((doc_id, target, voice))
            if anchor:
                return "#" + anchor
        return self.doc_link(docs[0])["href"] if docs else ""

    # -- charts ------------------------------------------------------------

    def charts(self) -> list[dict[str, str]]:
        event = self.events[-1]  # pooled when several events
        scope = ("all events together" if event == ALL_EVENTS else f"event {event}")
        out = []
        stance = self.tables.get("stance")
        if stance is not None and not stance.empty:
            svg = charts.stance_heatmap(stance[stance["event"] == event], self.by, self.groups,
                                        max_targets=MATRIX_TARGETS)
            if svg:
                out.append({"id": "chart-stance", "title": "Stance toward each target",
                            "svg": svg, "caption": f"Authorial stance, {scope}: evidence-weighted "
                            "mean score per outlet and target (blue: for, red: against); † marks "
                            "low evidence or a small group; grey: no evidence."})
        loaded = self.tables.get("loaded")
        if loaded is not None and not loaded.empty:
            svg = charts.loaded_density(loaded[loaded["event"] == event], self.by, self.groups)
            if svg:
                out.append({"id": "chart-loaded", "title": "Loaded language by voice", "svg": svg,
                            "caption": f"Loaded terms per 1,000 tokens of each voice, {scope}, "
                            f"with {int(100 * self.c.options.get('level', 0.95))}% bootstrap "
                            "intervals over documents. Open dots: low evidence or small group. "
                            "Only the authorial voice is the outlet's own wording."})
        naming = self.tables.get("naming")
        if naming is not None and not naming.empty:
            part = naming[naming["event"] == event]
            families = contrasting_families(part.to_dict(orient="records"),
                                            self.by)[:CHART_FAMILIES]
            svg = charts.naming_shares(part, self.by, self.groups, families)
            if svg:
                out.append({"id": "chart-naming", "title": "Naming variants", "svg": svg,
                            "caption": f"Share of each variant among the outlet's own "
                            f"(authorial) mentions of the referent, {scope}."})
        return out

    # -- tables ------------------------------------------------------------

    def per_event(self, build: Callable[[str], dict[str, Any] | None]) -> dict[str, Any]:
        """One block per event (pooled first, open), each from ``build(event)``."""
        order = ([ALL_EVENTS] if ALL_EVENTS in self.events else []) + \
            [e for e in self.events if e != ALL_EVENTS]
        blocks = []
        for event in order:
            block = build(event)
            if block:
                blocks.append({"event": event, "title": event_title(event),
                               "open": event == order[0], "groups": self.groups_of(event),
                               **block})
        return {"blocks": blocks}

    def naming(self) -> dict[str, Any]:
        def build(event: str) -> dict[str, Any] | None:
            rows = self.rows("naming", event)
            if not rows:
                return None
            names = [g["name"] for g in self.groups_of(event)]
            families: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for r in rows:
                families[r["family"]].append(r)
            out = []
            first = contrasting_families(rows, self.by)  # where the groups differ most
            rest = sorted(set(families) - set(first),
                          key=lambda f: (-sum(r["count"] for r in families[f]), f))
            shown = [*first, *rest]
            if event != ALL_EVENTS and len(self.events) > 1:
                shown = shown[:EVENT_FAMILIES]  # every family is in the pooled block
            for family in shown:
                frows = families[family]
                variants = list(dict.fromkeys(r["variant"] for r in sorted(
                    frows, key=lambda r: (-r["authorial"], -r["count"], r["variant"]))))
                cell = {(r["variant"], r[self.by]): r for r in frows}
                lines = []
                for variant in variants:
                    perspective = next(r["perspective"] for r in frows if r["variant"] == variant)
                    row_cells: list[dict[str, Any] | None] = []
                    for name in names:
                        found = cell.get((variant, name))
                        if found is None:
                            row_cells.append(None)
                            continue
                        r = found
                        other = r["count"] - r["authorial"]
                        row_cells.append({
                            "text": str(r["authorial"]) if r["authorial"] else "",
                            "extra": pct(r["authorial_share"]) if r["authorial"] else "",
                            "quoted": f"(+{other})" if other else "",
                            "href": self._example_href(r), "weak": r["low_evidence"],
                            "title": f"{r['authorial']} in the outlet's own voice, {other} more "
                                     f"in quotations or reported speech; in "
                                     f"{r['n_documents']} document(s)"})
                    lines.append({"variant": variant, "perspective": perspective,
                                  "cells": row_cells})
                examples = [{"group": r[self.by], "variant": r["variant"],
                             **self._example_view(ex)}
                            for r in frows
                            for ex in (r.get("examples") or [])[:HTML_EXAMPLES]]
                out.append({"family": family, "referent": frows[0]["referent"],
                            "names": names, "lines": lines, "examples": examples})
            return {"families": out, "n_families": len(families)}

        return self.per_event(build)

    def _example_view(self, ex: dict[str, Any]) -> dict[str, Any]:
        sentence, offset = ex["sentence"], ex["sentence_start"]
        a, b = ex["start"] - offset, ex["end"] - offset
        return {"before": sentence[:a], "match": sentence[a:b], "after": sentence[b:],
                "voice": ex.get("voice", ""), "href": self.span_link(ex["document"], ex["start"],
                                                                      ex["end"]),
                "doc": self.doc_link(ex["document"])}

    def loaded(self) -> dict[str, Any]:
        def build(event: str) -> dict[str, Any] | None:
            rows = self.rows("loaded", event)
            if not rows:
                return None
            voices = list(dict.fromkeys(r["voice"] for r in rows))
            lines = []
            for g in self.groups_of(event):
                mine = {r["voice"]: r for r in rows if r[self.by] == g["name"]}
                categories = [r for r in self.rows("loaded_categories", event)
                              if r[self.by] == g["name"] and r["voice"] == "authorial"]
                lines.append({"group": g, "cells": [self._density_cell(mine.get(v))
                                                    for v in voices],
                              "categories": ", ".join(
                                  f"{r['category']} ({r['polarity'][:3]}) ×{r['count']}"
                                  for r in categories[:4]) or "–"})
            return {"voices": voices, "lines": lines}

        return self.per_event(build)

    def attribution(self) -> dict[str, Any]:
        def build(event: str) -> dict[str, Any] | None:
            rows = self.rows("attribution", event)
            if not rows:
                return None
            shares = [c for c in rows[0] if c.startswith(("kind_", "verb_", "source_"))
                      and c != "source_anonymous"]  # shown as "anonymous"
            speakers = self.rows("speakers", event)
            targets = self.rows("quoted_targets", event)
            lines = []
            for r in rows:
                name = r[self.by]
                lines.append({
                    "group": name, "n": num(r["n_attributions"], 0),
                    "per_1k": num(r["per_1k_tokens"]), "anonymous": pct(r["anonymous_share"]),
                    "weak": r["low_evidence"], "small": r["small_group"],
                    "shares": [pct(r[c]) for c in shares],
                    "speakers": "; ".join(_said(s, "speaker") for s in speakers
                                          if s[self.by] == name) or "–",
                    "targets": "; ".join(_said(t, "target") for t in targets
                                         if t[self.by] == name) or "–"})
            return {"columns": [c.split("_", 1)[1].replace("_", " ") for c in shares],
                    "column_groups": [c.split("_", 1)[0] for c in shares], "lines": lines}

        return self.per_event(build)

    def stance(self) -> dict[str, Any]:
        def build(event: str) -> dict[str, Any] | None:
            rows = [r for r in self.rows("stance", event) if r["n_evidence"] > 0]
            if not rows:
                return None
            evidence: dict[str, int] = defaultdict(int)
            for r in rows:
                if r["voice"] == "authorial":
                    evidence[r["target"]] += r["n_evidence"]
            targets = sorted(evidence, key=lambda t: (-evidence[t], t))[:MATRIX_TARGETS]
            lines = []
            for g in self.groups_of(event):
                mine = {r["target"]: r for r in rows
                        if r[self.by] == g["name"] and r["voice"] == "authorial"}
                lines.append({"group": g, "cells": [self._stance_cell(mine.get(t))
                                                    for t in targets]})
            others = [{"group": r[self.by], "target": r["target"], "voice": r["voice"],
                       "score": signed(r["score"]),
                       "interval": _interval(r["ci_low"], r["ci_high"]),
                       "n": r["n_evidence"], "weak": r["low_evidence"],
                       "href": self._stance_href(r.get("documents") or [], r["target"],
                                                 r["voice"])}
                      for r in rows if r["voice"] != "authorial"]
            return {"targets": targets, "lines": lines, "others": others}

        return self.per_event(build)

    def terms(self) -> dict[str, Any]:
        def build(event: str) -> dict[str, Any] | None:
            rows = self.rows("terms", event)
            if not rows:
                return None
            groups = self.groups_of(event)
            depth = max(r["rank"] for r in rows)
            table = {(r[self.by], r["rank"]): r for r in rows}
            lines = [[None if (g["name"], k) not in table else {
                "term": table[g["name"], k]["term"], "z": num(table[g["name"], k]["z"], 2),
                "count": table[g["name"], k]["count"],
                "rest": table[g["name"], k]["count_rest"],
                "weak": table[g["name"], k]["low_evidence"]} for g in groups]
                for k in range(1, depth + 1)]
            return {"lines": lines}

        return self.per_event(build)

    def style(self) -> dict[str, Any]:
        labels = {"flesch_reading_ease": ("reading ease", 0),
                  "flesch_kincaid_grade": ("grade (F-K)", 1), "gunning_fog": ("fog", 1),
                  "smog_index": ("SMOG", 1), "dale_chall": ("Dale-Chall", 1),
                  "coleman_liau": ("Coleman-Liau", 1),
                  "sentence_length_mean": ("words / sentence", 1),
                  "sentiment_compound_mean": ("sentiment", 2),
                  "sentiment_positive_share": ("positive sent.", -1),
                  "sentiment_negative_share": ("negative sent.", -1),
                  "hedges_per_1k": ("hedges / 1k", 1), "intensifiers_per_1k": ("intensifiers / 1k", 1),
                  "quote_share_tokens": ("quoted words", -1)}

        def build(event: str) -> dict[str, Any] | None:
            rows = self.rows("style", event)
            if not rows:
                return None
            columns = [c for c in labels if c in rows[0]]
            lines = []
            for r in rows:
                cells = []
                for c in columns:
                    digits = labels[c][1]
                    if digits < 0:
                        text = pct(r[c])
                    elif c.startswith("sentiment"):
                        text = signed(r[c], digits)
                    else:
                        text = num(r[c], digits)
                    if c == "sentiment_compound_mean" and not missing(r.get("sentiment_ci_low")):
                        text += f" [{_interval(r['sentiment_ci_low'], r['sentiment_ci_high'])}]"
                    cells.append(text)
                lines.append({"group": r[self.by], "n": r["n_documents"], "cells": cells,
                              "weak": r["low_evidence"], "small": r["small_group"]})
            return {"columns": [labels[c][0] for c in columns], "lines": lines}

        return self.per_event(build)

    # -- documents ---------------------------------------------------------

    def _document(self, i: int, doc: DocumentAnalysis) -> dict[str, Any]:
        prefix = f"doc-{i}"
        text = doc.document.text if doc.document is not None else ""
        nodes, anchors = highlight(text, doc.spans, prefix) if doc.skipped is None else ([], {})
        self.span_anchor[doc.id] = anchors
        findings = []
        naming = [s for s in doc.spans if s.get("kind") == "term"
                  and s.get("category_kind") == "naming"]
        loaded = [s for s in doc.spans if s.get("kind") == "term"
                  and s.get("category_kind") == "loaded"]
        for label, spans in (("naming", naming), ("loaded", loaded)):
            if spans:
                findings.append({"label": label, "links": [
                    {"text": s["text"], "href": "#" + anchors.get((s["start"], s["end"]), prefix),
                     "title": f"{s.get('category', '')} · {s.get('voice', '')}",
                     "voiced": s.get("voice") != "authorial"} for s in spans]})
        attributions = [s for s in doc.spans if s.get("kind") == "attribution"]
        if attributions:
            findings.append({"label": "attribution", "links": [
                {"text": f"{s.get('speaker') or '?'} — {s.get('verb', '')}",
                 "href": "#" + anchors.get((s["start"], s["end"]), prefix),
                 "title": f"{s.get('attribution_kind', '')} · {s.get('verb_class', '')} · "
                          f"{s.get('source_type', '')}", "voiced": False}
                for s in attributions]})
        return {"doc": doc, "anchor": prefix, "nodes": nodes, "findings": findings,
                "raw_stance": doc.tables().get("stance_evidence", [])}

    @property
    def stance_anchor(self) -> dict[tuple[str, str, str], str]:
        if not hasattr(self, "_stance_anchor"):
            self._stance_anchor: dict[tuple[str, str, str], str] = {}
            for view in self.doc_views:
                for k, (target, voice) in enumerate(dict.fromkeys(
                        (str(r["target"]), str(r["voice"])) for r in view["raw_stance"])):
                    self._stance_anchor[view["doc"].id, target, voice] = f"{view['anchor']}-t{k}"
        return self._stance_anchor

    def documents_by_event(self) -> list[dict[str, Any]]:
        out = []
        for event in [e for e in self.events if e != ALL_EVENTS]:
            views = []
            for view in self.doc_views:
                doc = view["doc"]
                if doc.event != event:
                    continue
                stance = []
                keys = dict.fromkeys((str(r["target"]), str(r["voice"]))
                                     for r in view["raw_stance"])
                for (target, voice) in sorted(keys, key=lambda k: k[1] != "authorial"):
                    evidence = [r for r in view["raw_stance"]
                                if str(r["target"]) == target and str(r["voice"]) == voice]
                    stance.append({
                        "target": target, "voice": voice,
                        "anchor": self.stance_anchor[doc.id, target, voice],
                        "evidence": [{
                            "sentence": str(r.get("sentence_text", "")),
                            "term": str(r.get("term") or r.get("source") or ""),
                            "contribution": signed(r.get("contribution")),
                            "negated": bool(r.get("negated")),
                            "href": self._evidence_href(doc.id, r)} for r in evidence]})
                source = doc.document
                views.append({
                    "anchor": view["anchor"], "id": doc.id, "title": self.doc_title.get(doc.id, ""),
                    "group": _group_of(doc, self.by), "event": doc.event,
                    "published": source.published if source else "",
                    "byline": source.byline if source else "",
                    "n_tokens": doc.n_tokens, "skipped": doc.skipped, "nodes": view["nodes"],
                    "findings": view["findings"], "stance": stance})
            out.append({"event": event, "title": event_title(event), "docs": views})
        return out

    def _evidence_href(self, doc_id: str, row: dict[str, Any]) -> str:
        start, end = row.get("start"), row.get("end")
        if start is not None and end is not None and not missing(start) and not missing(end):
            anchor = self.span_anchor.get(doc_id, {}).get((int(start), int(end)))
            if anchor:
                return "#" + anchor
        s_start, s_end = row.get("sentence_start"), row.get("sentence_end")
        if s_start is not None and s_end is not None and not missing(s_start) \
                and not missing(s_end):
            return self.first_anchor_in(doc_id, int(s_start), int(s_end))
        return self.doc_link(doc_id)["href"]


def _group_of(doc: DocumentAnalysis, by: str) -> str:
    from framing.comparison import group_value

    return group_value(doc, by)


def _event_anchor(events: list[str], event: str) -> str:
    return f"event-{events.index(event)}"


def _interval(low: Any, high: Any) -> str:
    if missing(low) or missing(high):
        return ""
    return f"{signed(low)}, {signed(high)}"


def _said(row: dict[str, Any], key: str) -> str:
    classes = ", ".join(f"{k} {v}" for k, v in (row.get("verb_classes") or {}).items() if k)
    return f"{row[key]} ×{row['count']}" + (f" ({classes})" if classes else "")
