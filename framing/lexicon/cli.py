"""``framing lexicon``: list, show, check, copy, import and suggest lexicon packs."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from framing.errors import LexiconError

__all__ = ["add_commands"]


def _cmd_list(args: argparse.Namespace) -> int:
    from framing.lexicon.io import available_lexicons, load_lexicon

    for name, location in available_lexicons().items():
        lex = load_lexicon(name)
        kinds = Counter(c.kind for c in lex.categories)
        n_terms = sum(len(c.terms) for c in lex.categories)
        print(f"{name}\t{lex.version}\t{n_terms} terms\t"
              + ", ".join(f"{k} ({n})" for k, n in kinds.items()) + f"\t{location}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from framing.lexicon.io import load_lexicon

    lex = load_lexicon(args.pack)
    if args.category:
        categories = [c for c in lex.categories if c.id == args.category]
        if not categories:
            raise LexiconError(f"{lex.path}: no category {args.category!r}; categories: "
                               + ", ".join(c.id for c in lex.categories))
        for term in categories[0].terms:
            fields = {k: v for k, v in term.to_dict().items()
                      if k in ("perspective", "polarity", "intensity", "strength", "verb_class",
                               "source_type", "role") and v is not None}
            print(term.term + ("\t" + " ".join(f"{k}={v}" for k, v in fields.items()) if fields else ""))
        return 0
    print(f"{lex.name} {lex.version} ({lex.language}), license {lex.license}")
    print(lex.description)
    for source in lex.sources:
        print(f"  source: {source}")
    for c in lex.categories:
        print(f"{c.id}\t{c.kind}\t{len(c.terms)} terms\t{c.description}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from framing.lexicon.io import read_lexicon

    failed = 0
    for path in args.paths:
        try:
            lex = read_lexicon(Path(path))
        except LexiconError as exc:
            print(f"framing: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        n_terms = sum(len(c.terms) for c in lex.categories)
        print(f"ok: {path}: pack {lex.name!r}, {len(lex.categories)} categories, {n_terms} terms")
    return 1 if failed else 0


def _cmd_init(args: argparse.Namespace) -> int:
    from framing.lexicon.io import available_lexicons, read_lexicon

    packs = available_lexicons()
    if args.source not in packs:
        raise LexiconError(f"no pack named {args.source!r}; available: {', '.join(packs)}")
    name = args.name or f"my-{args.source}"
    target = Path(args.output or f"{name}.toml")
    if target.exists() and not args.force:
        print(f"framing: error: {target} exists (use --force to overwrite)", file=sys.stderr)
        return 1
    text = packs[args.source].read_text(encoding="utf-8")
    # Rename the copy, keeping the original's comments and layout.
    text, n = re.subn(r'(?m)^(name\s*=\s*)"[^"\n]*"', lambda m: f'{m.group(1)}"{name}"', text, count=1)
    if not n:
        raise LexiconError(f"{args.source}: no 'name = ...' line in the [pack] table to rename")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    read_lexicon(target)  # the copy must load
    print(f"framing: wrote {target} (pack {name!r}, copied from {args.source!r}); "
          f"load it with --lexicon {target}", file=sys.stderr)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from framing.lexicon.io import import_dic, save_lexicon

    lex = import_dic(args.path, kind=args.kind, name=args.name)
    target = Path(args.output or f"{lex.name}.toml")
    if target.exists() and not args.force:
        print(f"framing: error: {target} exists (use --force to overwrite)", file=sys.stderr)
        return 1
    save_lexicon(lex, target)
    n_terms = sum(len(c.terms) for c in lex.categories)
    print(f"framing: wrote {target}: {len(lex.categories)} categories, {n_terms} terms",
          file=sys.stderr)
    return 0


def _cmd_suggest(args: argparse.Namespace) -> int:
    from framing.io import read_corpora
    from framing.lexicon.induce import candidates_to_toml, suggest_terms

    corpus = read_corpora(args.corpus, encoding=args.encoding)
    candidates = suggest_terms(corpus, args.outlet, top=args.top, voices=args.voice or ("authorial",),
                               min_count=args.min_count, min_documents=args.min_documents)
    sys.stdout.write(candidates_to_toml(candidates, args.outlet, kind=args.kind))
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``framing lexicon ...`` to the command line."""
    lexicon = subparsers.add_parser("lexicon", help="list, check, copy, import and suggest lexicon packs")
    sub = lexicon.add_subparsers(dest="lexicon_command", metavar="ACTION", required=True)

    sub.add_parser("list", help="packs that load by name").set_defaults(func=_cmd_list)

    show = sub.add_parser("show", help="a pack's metadata and categories, or one category's terms")
    show.add_argument("pack", help="pack name or path")
    show.add_argument("--category", help="list the terms of this category")
    show.set_defaults(func=_cmd_show)

    check = sub.add_parser("check", help="validate packs; errors name file and line")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.set_defaults(func=_cmd_check)

    init = sub.add_parser("init", help="copy a pack to extend it")
    init.add_argument("--from", dest="source", required=True, metavar="PACK", help="pack to copy")
    init.add_argument("--name", help="name of the new pack (default: my-PACK)")
    init.add_argument("-o", "--output", help="file to write (default: NAME.toml)")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.set_defaults(func=_cmd_init)

    imp = sub.add_parser("import", help="convert a LIWC-style .dic file to a pack")
    imp.add_argument("path", metavar="FILE.dic")
    imp.add_argument("--kind", default="frame", help="kind of every category (default: frame)")
    imp.add_argument("--name", help="pack name (default: from the file name)")
    imp.add_argument("-o", "--output", help="file to write (default: NAME.toml)")
    imp.add_argument("--force", action="store_true", help="overwrite an existing file")
    imp.set_defaults(func=_cmd_import)

    suggest = sub.add_parser("suggest", help="terms that distinguish an outlet, as a TOML fragment")
    suggest.add_argument("corpus", nargs="+", metavar="CORPUS")
    suggest.add_argument("--outlet", required=True)
    suggest.add_argument("--top", type=int, default=25)
    suggest.add_argument("--kind", default="loaded", choices=["loaded", "naming", "frame"],
                         help="kind of the suggested category (default: loaded)")
    suggest.add_argument("--voice", action="append",
                         choices=["authorial", "quoted", "reported", "scare_quoted"],
                         help="voices whose words count (repeatable; default: authorial)")
    suggest.add_argument("--min-count", type=int, default=3)
    suggest.add_argument("--min-documents", type=int, default=2)
    suggest.add_argument("--encoding", help="text encoding of the corpus files")
    suggest.set_defaults(func=_cmd_suggest)
