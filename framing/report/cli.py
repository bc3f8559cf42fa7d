"""``framing compare``: analyse corpora and write the comparison report.

The report format follows the output path: ``.html`` (self-contained page),
``.md`` (Markdown pipe tables), ``.json`` (all tables), or a folder (one CSV
per table; a path ending in ``/``, an existing folder or a path without a
suffix). ``-o -`` writes the JSON to stdout.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import CorpusError

if TYPE_CHECKING:
    from framing.comparison import Comparison

__all__ = ["add_commands", "report_format", "write_report"]

#: Report writers by format name: ``writer(comparison, path, title)``.
FORMATS: dict[str, Callable[[Comparison, Any, str | None], Any]] = {
    "html": lambda comparison, path, title: comparison.to_html(path, title=title),
    "markdown": lambda comparison, path, title: comparison.to_markdown(path, title=title),
    "json": lambda comparison, path, title: comparison.to_json(path),
    "csv": lambda comparison, path, title: comparison.to_csv(path),
}
_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
             ".json": "json"}


def report_format(output: str) -> str:
    """The report format for output path ``output`` (``html``, ``markdown``, ``json``, ``csv``).

    Raises
    ------
    ValueError
        When the suffix names no report format.
    """
    if output == "-":
        return "json"
    path = Path(output)
    if output.endswith(("/", "\\")) or path.is_dir() or not path.suffix:
        return "csv"
    try:
        return _SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"cannot tell the report format from {output!r} (expected a .html, "
                         f".md or .json file, or a folder for CSV files)") from None


def write_report(comparison: Comparison, output: str, *, title: str | None = None) -> str:
    """Write ``comparison`` to ``output`` in the format its suffix names; return the format."""
    fmt = report_format(output)
    FORMATS[fmt](comparison, sys.stdout if output == "-" else output, title)
    return fmt


def add_commands(subparsers: Any) -> None:
    """Add ``framing compare`` to the ``framing`` command."""
    from framing.cli import _analyzer_options

    parser = subparsers.add_parser(
        "compare", help="compare outlets on the same events; write an HTML/Markdown/JSON/CSV report",
        description="Analyse corpora and compare outlets on the same events: naming, loaded "
                    "language by voice, attribution, stance, distinguishing terms and style. "
                    "The format follows the output: report.html, report.md, report.json, or a "
                    "folder/ for one CSV per table.")
    parser.add_argument("paths", nargs="+", metavar="CORPUS",
                        help="folder with manifest.csv, or a .jsonl, .csv or .json file")
    parser.add_argument("-o", "--output", required=True, metavar="PATH",
                        help="report.html, report.md, report.json, a folder/ for CSVs, "
                             "or - for JSON on stdout")
    parser.add_argument("--by", default="outlet", metavar="FIELD",
                        help="document field to compare (default: outlet)")
    parser.add_argument("--event", action="extend", nargs="+", metavar="ID",
                        help="compare only these events (repeatable; default: all)")
    parser.add_argument("--title", help="title of the HTML or Markdown report")
    parser.add_argument("--min-documents", type=int, default=3, metavar="N",
                        help="flag groups with fewer documents (default: 3)")
    _analyzer_options(parser)
    parser.set_defaults(func=_cmd_compare)


def _cmd_compare(args: argparse.Namespace) -> int:
    from framing.cli import make_analyzer
    from framing.comparison import check_by, compare
    from framing.io import read_corpora

    try:
        fmt = report_format(args.output)
        check_by(args.by)
    except ValueError as error:
        print(f"framing compare: error: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    corpus = read_corpora(args.paths, encoding=args.encoding)
    documents: Any = corpus
    if args.event:
        present = list(dict.fromkeys(d.event for d in corpus))
        missing = [e for e in args.event if e not in present]
        if missing:
            raise CorpusError(f"--event {missing[0]!r}: no document of that event (events in "
                              f"the corpus: {', '.join(present) or 'none'})")
        documents = [d for d in [*corpus, *corpus.skipped] if d.event in args.event]
    analysis = make_analyzer(args).analyze(documents)
    comparison = compare(analysis, by=args.by, events=args.event,
                         min_documents=args.min_documents)
    write_report(comparison, args.output, title=args.title)
    for doc in analysis.skipped:
        print(f"framing: skipped {doc.id}: {doc.skipped}", file=sys.stderr)
    if args.output != "-":
        print(f"framing compare: {len(analysis)} documents, {len(comparison.groups)} "
              f"{args.by}s, {len(comparison.events)} events in "
              f"{time.perf_counter() - started:.1f} s; wrote {fmt} to {args.output}",
              file=sys.stderr)
    return 0
