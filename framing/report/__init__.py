"""Reports of a :class:`~framing.comparison.Comparison`: HTML, Markdown, CSV, JSON.

- :func:`write_html` writes one self-contained HTML file (inline CSS and SVG
  charts, no scripts, nothing loaded from the network), every value escaped
  by Jinja's autoescaping;
- :func:`write_markdown` writes the same tables as Markdown pipe tables;
- CSV and JSON come from :meth:`Comparison.to_csv` and :meth:`Comparison.to_json`.

jinja2 and matplotlib are imported only when a report is rendered.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["render_html", "render_markdown", "write_html", "write_markdown"]

_EXPORTS = {
    "render_html": "framing.report.html",
    "write_html": "framing.report.html",
    "render_markdown": "framing.report.markdown",
    "write_markdown": "framing.report.markdown",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'framing.report' has no attribute {name!r}")
