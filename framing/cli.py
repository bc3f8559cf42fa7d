"""The ``framing`` command: a thin layer over the public API.

Data goes to stdout (or ``-o FILE``), messages to stderr. Exit status: 0 on
success, 1 for bad data (a corpus or lexicon that cannot be read), 2 for bad
usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

from framing.errors import FramingError

#: Modules that add subcommands: each has ``add_commands(subparsers)``.
COMMAND_MODULES: tuple[str, ...] = ("framing.lexicon.cli", "framing.report.cli")


def _version() -> str:
    from framing import __version__

    return __version__


def _analyzer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lexicon", action="append", metavar="PACK_OR_PATH",
                        help="lexicon pack name or TOML path (repeatable; default: all shipped packs)")
    parser.add_argument("--measure", action="append", metavar="NAME",
                        help="measure to run (repeatable; default: all)")
    parser.add_argument("--encoding", help="text encoding of the input files (default: UTF-8)")
    parser.add_argument("--max-chars", type=int, default=None,
                        help="skip documents longer than this many characters")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (-1: all cores)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def make_analyzer(args: argparse.Namespace):  # -> Analyzer
    """Build an :class:`~framing.analysis.Analyzer` from the shared CLI options."""
    from framing.analysis import DEFAULT_MAX_CHARS, Analyzer

    return Analyzer(lexicons=args.lexicon, measures=args.measure,
                    max_chars=args.max_chars or DEFAULT_MAX_CHARS, n_jobs=args.jobs,
                    progress=False if args.quiet else None)


def _cmd_analyze(args: argparse.Namespace) -> int:
    from framing.io import read_corpora, write_csv, write_json, write_jsonl

    corpus = read_corpora(args.paths, encoding=args.encoding)
    analysis = make_analyzer(args).analyze(corpus)
    out = args.output or "-"
    if args.format == "jsonl":
        write_jsonl(analysis.to_records(), out)
    elif args.format == "json":
        write_json(analysis.to_records(), out)
    else:
        write_csv(analysis.documents(), out)
    n_skipped = len(analysis.skipped)
    if n_skipped:
        for doc in analysis.skipped:
            print(f"framing: skipped {doc.id}: {doc.skipped}", file=sys.stderr)
    if args.output:
        print(f"framing: analysed {len(analysis) - n_skipped} documents, skipped {n_skipped}; "
              f"wrote {args.output}", file=sys.stderr)
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    """Analyse the bundled demo corpus; write the HTML report, the tables and the spans."""
    import time

    from framing.comparison import compare
    from framing.corpora_data import demo_corpus_path
    from framing.io import read_corpus, write_jsonl

    started = time.perf_counter()
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    with demo_corpus_path() as path:
        corpus = read_corpus(path)
    analysis = make_analyzer(args).analyze(corpus)
    comparison = compare(analysis)
    report = out / "report.html"
    comparison.to_html(report, title="framing demo: constructed outlets compared on the same events")
    tables = comparison.to_csv(out)
    write_jsonl(analysis.to_records(), out / "analysis.jsonl")
    print(f"framing demo: analysed {len(analysis)} documents from {len(comparison.groups)} "
          f"outlets on {len(comparison.events)} events in {time.perf_counter() - started:.1f} s")
    print(f"  report:  {report.resolve()}")
    print(f"  tables:  {len(tables)} CSV files in {out.resolve()}")
    print(f"  spans:   {(out / 'analysis.jsonl').resolve()}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``framing`` command."""
    parser = argparse.ArgumentParser(
        prog="framing", description="Source bias and framing analysis of news.")
    parser.add_argument("--version", action="version", version=f"framing {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    analyze = sub.add_parser("analyze", help="analyse documents; write evidence spans per document",
                             description="Analyse a corpus (JSONL, CSV or JSON file, or a folder "
                                         "with manifest.csv) and write one record per document.")
    analyze.add_argument("paths", nargs="+", metavar="PATH")
    analyze.add_argument("--format", choices=["jsonl", "json", "csv"], default="jsonl")
    analyze.add_argument("-o", "--output", help="output file (default: stdout)")
    _analyzer_options(analyze)
    analyze.set_defaults(func=_cmd_analyze)

    demo = sub.add_parser("demo", help="analyse the bundled demo corpus; write its HTML report",
                          description="Analyse the bundled demo corpus (constructed articles) "
                                      "and write report.html, one CSV per comparison table and "
                                      "analysis.jsonl into the output folder.")
    demo.add_argument("-o", "--output", default="framing-demo", help="output folder (default: framing-demo)")
    _analyzer_options(demo)
    demo.set_defaults(func=_cmd_demo)

    for module in COMMAND_MODULES:
        import_module(module).add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``framing`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return func(args)
    except FramingError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
