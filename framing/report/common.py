"""Helpers shared by the HTML and Markdown reports: number formats, event order, Jinja."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from framing.comparison import ALL_EVENTS

if TYPE_CHECKING:
    import jinja2

    from framing.comparison import Comparison

__all__ = ["environment", "event_title", "missing", "num", "pct", "report_events", "signed"]


def missing(value: Any) -> bool:
    """None, NaN and pandas' missing values."""
    if value is None:
        return True
    try:
        return math.isnan(value)
    except TypeError:
        return False


def num(value: Any, digits: int = 1) -> str:
    """A number for a reader: ``–`` when missing, thousands separators for integers."""
    if missing(value):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and digits == 0):
        return f"{int(value):,}"
    try:
        return f"{float(value):,.{digits}f}"
    except (TypeError, ValueError):
        return str(value)


def pct(value: Any, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage."""
    return "–" if missing(value) else f"{100 * float(value):.{digits}f}%"


def signed(value: Any, digits: int = 2) -> str:
    """A score with its sign (``+0.25``, ``−0.40``)."""
    if missing(value):
        return "–"
    text = f"{float(value):+.{digits}f}"
    if float(text) == 0:
        return f"{0:.{digits}f}"  # no "−0.00"
    return text.replace("-", "−")


def report_events(comparison: Comparison) -> list[str]:
    """The events of the report in order: each event, then the pooled rows if any."""
    events = list(comparison.events)
    return events + [ALL_EVENTS] if len(events) > 1 else events


def event_title(event: str) -> str:
    if event == ALL_EVENTS:
        return "All events together"
    return event or "(no event)"


def environment(*, html: bool) -> jinja2.Environment:
    """The Jinja environment of the report templates.

    HTML templates are autoescaped: every value from the data is escaped by
    Jinja, markup only comes from the templates. Markdown templates escape
    every value with :func:`markdown_cell` (HTML characters, pipes, line breaks).
    """
    import jinja2

    loader = jinja2.PackageLoader("framing.report", "templates")
    if html:
        env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                                 trim_blocks=True, lstrip_blocks=True)
    else:
        env = jinja2.Environment(loader=loader, autoescape=False, finalize=markdown_cell,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True,
                                 lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(num=num, pct=pct, signed=signed, event_title=event_title)
    return env


def markdown_cell(value: Any) -> Any:
    """Escape a value for a Markdown table cell (already safe Markup passes through).

    Markdown punctuation that could make emphasis, code or links (``\\ ` * _
    [ ] |``) is backslash-escaped, HTML special characters become entities
    (Markdown renderers pass raw HTML through) and line breaks become spaces.
    """
    from markupsafe import Markup, escape

    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    text = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", str(value))
    return str(escape(text)).replace("\r", " ").replace("\n", " ")


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]|]")
