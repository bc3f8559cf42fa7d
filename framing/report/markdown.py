"""The Markdown report: every comparison table as a pipe table.

Values are escaped by the Jinja environment (:func:`~framing.report.common.markdown_cell`
on every output): HTML characters become entities, Markdown punctuation that
could make links or emphasis is backslash-escaped, line breaks become spaces.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from framing.report.common import environment, missing, num, pct, report_events

if TYPE_CHECKING:
    import pandas as pd

    from framing.comparison import Comparison

__all__ = ["render_markdown", "write_markdown"]

DEFAULT_TITLE = "How outlets frame the same events"
#: Section headings and one-line descriptions of the known tables (others get their name).
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "groups": ("Groups", "Documents and word tokens per event and group."),
    "naming": ("Naming", ("Variants of each referent family: count in all voices, in the outlet's "
                          "own (authorial) voice, and shares of the family's mentions.")),
    "loaded": ("Loaded language", ("Loaded terms per 1,000 tokens of each voice, with "
                                   "bootstrap intervals over documents.")),
    "loaded_categories": ("Loaded language by category", "Counts and density per category."),
    "attribution": ("Attribution", "Shares of attribution kinds, verb classes and source types."),
    "speakers": ("Most quoted speakers", "Speakers with the most attributions per group."),
    "quoted_targets": ("Most quoted targets", "Targets whose speakers are quoted most."),
    "stance": ("Stance", ("Evidence-weighted mean stance score (−1 against, +1 for) with a "
                          "bootstrap interval over documents.")),
    "terms": ("Distinguishing terms", ("Weighted log-odds with an informative Dirichlet prior "
                                       "(Monroe, Colaresi and Quinn 2008): each group against "
                                       "the others on the event.")),
    "style": ("Style", ("Mean readability, sentence length, sentiment, hedges, intensifiers "
                        "and quotation share.")),
    "documents": ("Documents", "Every input document; skipped ones say why."),
}
#: Columns folded into the flags column or left out of the Markdown tables.
_HIDDEN = {"n_group_documents", "small_group", "low_evidence", "referent"}
_SHARE_HINTS = ("share", "kind_", "verb_", "source_")


def write_markdown(comparison: Comparison, path: str | os.PathLike[str], *,
                   title: str | None = None) -> None:
    """Write the Markdown report of ``comparison`` to ``path`` (UTF-8)."""
    text = render_markdown(comparison, title=title)
    folder = os.path.dirname(os.fspath(path))
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def render_markdown(comparison: Comparison, *, title: str | None = None) -> str:
    """The Markdown report of ``comparison`` as a string."""
    from framing import __version__

    order = {e: i for i, e in enumerate(report_events(comparison))}
    names = [n for n in DESCRIPTIONS if n in comparison.tables and n != "documents"]
    names += [n for n in comparison.tables if n not in DESCRIPTIONS]
    names.append("documents")
    tables = []
    for name in names:
        frame = comparison.tables[name]
        heading, description = DESCRIPTIONS.get(name, (name, ""))
        if "event" in frame.columns and name != "documents":
            frame = frame.sort_values("event", key=lambda s: s.map(order), kind="stable")
        header, rows = _table(frame)
        tables.append({"name": name, "heading": heading, "description": description,
                       "header": header, "rows": rows})
    documents = comparison.tables["documents"]
    return environment(html=False).get_template("report.md.j2").render(
        title=title or DEFAULT_TITLE, version=__version__, by=comparison.by,
        n_documents=len(documents), n_skipped=int(documents["skipped"].notna().sum()),
        groups=comparison.groups, events=comparison.events, options=comparison.options,
        tables=tables)


def _table(frame: pd.DataFrame) -> tuple[list[str], list[list[str]]]:
    columns = [c for c in frame.columns if c not in _HIDDEN]
    flagged = "small_group" in frame.columns or "low_evidence" in frame.columns
    header = [*columns, "flags"] if flagged else list(columns)
    rows = []
    for record in frame.to_dict(orient="records"):
        row = [_cell(column, record[column]) for column in columns]
        if flagged:
            flags = ("†" if record.get("small_group") else "") + (
                "‡" if record.get("low_evidence") else "")
            row.append(flags)
        rows.append(row)
    return header, rows


def _cell(column: str, value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, list):
        if column == "examples":
            return " / ".join(f"“{ex['sentence'].strip()}” ({ex['document']})" for ex in value[:1])
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    if missing(value):
        return "–" if column != "skipped" else ""
    if isinstance(value, float):
        if column.startswith(_SHARE_HINTS) or column.endswith("_share"):
            return pct(value, 1)
        return num(value, 2)
    if isinstance(value, int):
        return str(value)
    return str(value)
