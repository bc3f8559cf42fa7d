"""Read, validate and write lexicon packs.

Packs are TOML files (``docs/lexicon-format.md``). They are found by path, by
the name of a pack shipped in ``framing.seeds``, or by the name of a pack
another installed distribution registers under the ``framing.lexicons``
entry-point group. Every malformed pack raises :class:`~framing.errors.LexiconError`
with a message that starts with ``path:line:`` and says what was expected.

LIWC-style ``.dic`` dictionaries are imported with :func:`import_dic`; any
pack is written back as TOML with :func:`to_toml` / :func:`save_lexicon`.
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from importlib import resources as _res
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from framing.errors import LexiconError
from framing.lexicon.model import (
    KIND_DEFAULTS,
    KIND_FIELDS,
    KINDS,
    REQUIRED_FIELDS,
    ROLES,
    TARGET_TYPES,
    VERB_CLASSES,
    Category,
    Lexicon,
    LexiconSet,
    Term,
    default_case_sensitive,
    default_inflect,
)
from framing.text import TOKEN_RE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "ENTRY_POINT_GROUP",
    "available_lexicons",
    "default_lexicons",
    "import_dic",
    "load_lexicon",
    "load_lexicons",
    "parse_lexicon",
    "read_lexicon",
    "save_lexicon",
    "to_toml",
]

#: Entry-point group under which other distributions register packs: each entry
#: point names a module or package whose directory holds ``*.toml`` packs.
ENTRY_POINT_GROUP = "framing.lexicons"
_SHIPPED = "framing.seeds"

_PACK_REQUIRED = ("name", "version", "language", "description", "license", "sources")
_PACK_OPTIONAL = ("url", "authors", "notes")
_CATEGORY_FIELDS = ("id", "kind", "description", "terms")
_CATEGORY_KIND_FIELDS = {"naming": ("referent", "actor"), "target": ("target_type", "parent")}
_COMMON_TERM_FIELDS = ("term", "case_sensitive", "inflect", "forms", "exclude", "note", "source")
_NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RANGES = {"polarity": (-1.0, 1.0), "intensity": (0.0, 1.0), "strength": (0.0, 1.0)}
_CHOICES = {"verb_class": VERB_CLASSES, "role": ROLES, "target_type": TARGET_TYPES}
_MIN_WILDCARD_PREFIX = 3


# ---------------------------------------------------------------------------
# Where things are in the source file


class _Locator(Protocol):
    """Finds the line of the pack, a category, a term, or one of their fields."""

    def pack(self, field: str | None = None) -> int: ...

    def category(self, ci: int, field: str | None = None) -> int: ...

    def term(self, ci: int, ti: int, field: str | None = None) -> int: ...


def _toml_string(value: str) -> str:
    """``value`` as a TOML basic string, escaped."""
    out = []
    for ch in value:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_CATEGORY_HEADER_RE = re.compile(r"^[ \t]*\[\[[ \t]*categories[ \t]*\]\]", re.MULTILINE)
_TERMS_HEADER_RE = re.compile(r"^[ \t]*\[\[[ \t]*categories[ \t]*\.[ \t]*terms[ \t]*\]\]",
                              re.MULTILINE)
_PACK_HEADER_RE = re.compile(r"^[ \t]*\[[ \t]*pack[ \t]*\]", re.MULTILINE)
_TERM_KEY_RE = re.compile(r"\bterm\s*=\s*$")
_SKIP_RE = re.compile(r"(?:[\s,\[]|#[^\n]*)*")  # what separates entries of an array


class _TomlLocator:
    """Line numbers found by scanning the TOML source (tomllib reports none for values).

    Categories are located by their ``[[categories]]`` headers (or, for an inline
    array of tables, by their ``id = ...`` keys); each term by the next
    occurrence of its string literal, in file order, inside its category, so
    that a term listed twice gets two different lines.
    """

    def __init__(self, text: str, raw: Mapping[str, Any]) -> None:
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        categories = raw.get("categories")
        categories = categories if isinstance(categories, list) else []
        self._regions = self._category_regions(categories)
        self._terms = [self._term_positions(c, region)
                       for c, region in zip(categories, self._regions)]

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self._line_starts, pos)

    def _category_regions(self, categories: list[Any]) -> list[tuple[int, int]]:
        starts = [m.start() for m in _CATEGORY_HEADER_RE.finditer(self.text)]
        if len(starts) != len(categories):
            starts, cursor = [], 0
            for cat in categories:
                pos = self._find_key_value("id", cat.get("id") if isinstance(cat, dict) else None,
                                           cursor, len(self.text))
                starts.append(cursor if pos < 0 else pos)
                cursor = starts[-1] + 1
        ends = starts[1:] + [len(self.text)]
        return list(zip(starts, ends))

    def _find_key_value(self, key: str, value: Any, start: int, end: int) -> int:
        if not isinstance(value, str):
            return -1
        m = re.compile(rf"\b{key}\s*=\s*(?:{_literal_pattern(value)})").search(
            self.text, start, end)
        return m.start() if m else -1

    def _term_positions(self, cat: Any, region: tuple[int, int]) -> list[int]:
        """Where each term entry of a category starts.

        An entry is found by its string literal; one without a findable string
        (a number, a table without ``term``) is placed at the next entry start:
        the next ``[[categories.terms]]`` header, or the next value in the
        ``terms`` array.
        """
        start, end = region
        terms = cat.get("terms") if isinstance(cat, dict) else None
        if not isinstance(terms, list):
            return []
        header = _TERMS_HEADER_RE.search(self.text, start, end)
        array = re.compile(r"\bterms\s*=\s*").search(self.text, start, end)
        if header is not None and (array is None or header.start() < array.start()):
            table_style, cursor = True, header.start()
        else:
            table_style, cursor = False, array.end() if array else start
        positions = []
        for entry in terms:
            keyed = isinstance(entry, dict)
            value = entry.get("term") if keyed else entry
            pos = self._find_literal(value, cursor, end, keyed) if isinstance(value, str) else -1
            if pos < 0:
                nxt = _TERMS_HEADER_RE.search(self.text, cursor, end) if table_style else None
                skip = _SKIP_RE.match(self.text, cursor)
                pos = nxt.start() if nxt else skip.end() if skip else cursor
            positions.append(pos)
            cursor = pos + 1
            if keyed and not table_style:  # past the inline table, so its fields are not searched
                close = self.text.find("}", pos, end)
                cursor = close + 1 if close >= 0 else cursor
        return positions

    def _find_literal(self, value: str, start: int, end: int, keyed: bool) -> int:
        """Position of the next string literal equal to ``value`` (after ``term =`` if keyed)."""
        literals = [_toml_string(value)]
        if "'" not in value:
            literals.append(f"'{value}'")
        best = -1
        for lit in literals:
            pos = start
            while True:
                pos = self.text.find(lit, pos, end)
                if pos < 0 or not keyed or _TERM_KEY_RE.search(self.text, max(0, pos - 40), pos):
                    break
                pos += 1
            if pos >= 0 and (best < 0 or pos < best):
                best = pos
        return best

    def _field_in(self, field: str, start: int, end: int) -> int:
        m = re.compile(rf"(?:^|[{{,])[ \t]*{re.escape(field)}[ \t]*=", re.MULTILINE).search(
            self.text, start, end)
        return self.line_of(m.end()) if m else self.line_of(start)

    def pack(self, field: str | None = None) -> int:
        m = _PACK_HEADER_RE.search(self.text)
        if m is None:
            return 1
        if field is None:
            return self.line_of(m.start())
        nxt = re.compile(r"^[ \t]*\[", re.MULTILINE).search(self.text, m.end())
        return self._field_in(field, m.start(), nxt.start() if nxt else len(self.text))

    def category(self, ci: int, field: str | None = None) -> int:
        if ci >= len(self._regions):
            return 1
        start, end = self._regions[ci]
        terms = self._terms[ci]
        if field is not None:
            return self._field_in(field, start, terms[0] if terms else end)
        m = re.compile(r"\bid\s*=").search(self.text, start, end)
        return self.line_of(m.start() if m else start)

    def term(self, ci: int, ti: int, field: str | None = None) -> int:
        positions = self._terms[ci]
        pos = positions[ti]
        if field is None or field == "term":
            return self.line_of(pos)
        end = positions[ti + 1] if ti + 1 < len(positions) else self._regions[ci][1]
        return self._field_in(field, pos, end)


def _literal_pattern(value: str) -> str:
    alternatives = [re.escape(_toml_string(value))]
    if "'" not in value:
        alternatives.append(re.escape(f"'{value}'"))
    return "|".join(alternatives)


class _FixedLocator:
    """Line numbers known in advance (``.dic`` import)."""

    def __init__(self, categories: list[int], terms: list[list[int]]) -> None:
        self._categories = categories
        self._terms = terms

    def pack(self, field: str | None = None) -> int:
        return 1

    def category(self, ci: int, field: str | None = None) -> int:
        return self._categories[ci]

    def term(self, ci: int, ti: int, field: str | None = None) -> int:
        return self._terms[ci][ti]


# ---------------------------------------------------------------------------
# Validation


class _Checker:
    """Validates a parsed pack and builds the :class:`Lexicon`; the first problem raises."""

    def __init__(self, raw: Mapping[str, Any], path: str, locate: _Locator) -> None:
        self.raw = raw
        self.path = path
        self.locate = locate

    def fail(self, line: int, message: str) -> LexiconError:
        return LexiconError(f"{self.path}:{line}: {message}")

    # -- values -------------------------------------------------------------

    def string(self, value: Any, line: int, what: str, *, empty: bool = False) -> str:
        if not isinstance(value, str):
            raise self.fail(line, f"{what} must be a string, got {_show(value)}")
        if not empty and not value.strip():
            raise self.fail(line, f"{what} must not be empty")
        return value

    def strings(self, value: Any, line: int, what: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(line, f"{what} must be a list of strings, got {_show(value)}")
        return tuple(self.string(v, line, f"each of {what}") for v in value)

    def boolean(self, value: Any, line: int, what: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(line, f"{what} must be true or false, got {_show(value)}")
        return value

    def number(self, value: Any, line: int, what: str, field: str) -> float:
        low, high = _RANGES[field]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(line, f"{what}: {field} must be a number in {low:g}..{high:g}, "
                                  f"got {_show(value)}")
        if not (low <= value <= high):
            raise self.fail(line, f"{what}: {field} {value!r} is outside {low:g}..{high:g}")
        return float(value)

    def choice(self, value: Any, line: int, what: str, field: str) -> str:
        options = _CHOICES[field]
        if value not in options:
            raise self.fail(line, f"{what}: unknown {field} {_show(value)} "
                                  f"(expected one of: {', '.join(options)})")
        return str(value)

    def unknown_keys(self, table: Mapping[str, Any], allowed: Iterable[str],
                     line: Callable[[str], int], what: str) -> None:
        allowed = tuple(allowed)
        for key in table:
            if key not in allowed:
                raise self.fail(line(key), f"{what}: unknown field {key!r} "
                                           f"(expected one of: {', '.join(allowed)})")

    # -- pack -----------------------------------------------------------------

    def lexicon(self) -> Lexicon:
        for key in self.raw:
            if key not in ("pack", "categories"):
                raise self.fail(1, f"unknown top-level table {key!r} "
                                   "(expected [pack] and [[categories]])")
        pack = self.raw.get("pack")
        if not isinstance(pack, dict):
            raise self.fail(1, "missing [pack] table (expected name, version, language, "
                               "description, license and sources)")
        line = self.locate.pack
        self.unknown_keys(pack, _PACK_REQUIRED + _PACK_OPTIONAL, line, "[pack]")
        for key in _PACK_REQUIRED:
            if key not in pack:
                raise self.fail(line(), f"[pack]: missing required field {key!r} "
                                        f"(expected: {', '.join(_PACK_REQUIRED)})")
        name = self.string(pack["name"], line("name"), "[pack] name")
        if not _NAME_RE.fullmatch(name):
            raise self.fail(line("name"), f"[pack] name {name!r} must be lowercase letters, "
                                          "digits and '-'")
        sources = self.strings(pack["sources"], line("sources"), "[pack] sources")
        if not sources:
            raise self.fail(line("sources"), "[pack] sources must list at least one source")
        categories = self.raw.get("categories", [])
        if not isinstance(categories, list) or not all(isinstance(c, dict) for c in categories):
            raise self.fail(1, "categories must be [[categories]] tables")
        targets = {c.get("id") for c in categories if c.get("kind") == "target"}
        built: list[Category] = []
        first_line: dict[str, int] = {}
        for ci, cat in enumerate(categories):
            category = self.category(ci, cat, targets)
            if category.id in first_line:
                raise self.fail(category.line, f"duplicate category id {category.id!r} "
                                               f"(first at line {first_line[category.id]})")
            first_line[category.id] = category.line
            built.append(category)
        return Lexicon(
            name=name,
            version=self.string(pack["version"], line("version"), "[pack] version"),
            language=self.string(pack["language"], line("language"), "[pack] language"),
            description=self.string(pack["description"], line("description"),
                                    "[pack] description"),
            license=self.string(pack["license"], line("license"), "[pack] license"),
            sources=sources,
            categories=tuple(built),
            path=self.path,
            url=self.string(pack.get("url", ""), line("url"), "[pack] url", empty=True),
            authors=self.strings(pack.get("authors", []), line("authors"), "[pack] authors"),
            notes=self.string(pack.get("notes", ""), line("notes"), "[pack] notes", empty=True),
        )

    # -- categories -----------------------------------------------------------

    def category(self, ci: int, cat: Mapping[str, Any], targets: set[Any]) -> Category:
        def line(field: str | None = None) -> int:
            return self.locate.category(ci, field)

        for key in ("id", "kind", "description"):
            if key not in cat:
                raise self.fail(line(), f"category #{ci + 1}: missing required field {key!r} "
                                        "(expected id, kind, description and terms)")
        cid = self.string(cat["id"], line("id"), "category id")
        if not _NAME_RE.fullmatch(cid):
            raise self.fail(line("id"), f"category id {cid!r} must be lowercase letters, "
                                        "digits and '-'")
        what = f"category {cid!r}"
        kind = cat["kind"]
        if kind not in KINDS:
            raise self.fail(line("kind"), f"{what}: unknown kind {_show(kind)} "
                                          f"(expected one of: {', '.join(KINDS)})")
        term_fields = _COMMON_TERM_FIELDS + KIND_FIELDS[kind]
        allowed = (_CATEGORY_FIELDS + _CATEGORY_KIND_FIELDS.get(kind, ())
                   + tuple(f for f in term_fields if f != "term"))
        self.unknown_keys(cat, allowed, line, what)
        description = self.string(cat["description"], line("description"),
                                  f"{what}: description")
        referent = actor = target_type = parent = None
        if "referent" in cat:
            referent = self.string(cat["referent"], line("referent"), f"{what}: referent")
        if "actor" in cat:
            actor = self.string(cat["actor"], line("actor"), f"{what}: actor")
        if kind == "target":
            if "target_type" not in cat:
                raise self.fail(line(), f"{what}: missing required field 'target_type' "
                                        f"(expected one of: {', '.join(TARGET_TYPES)})")
            target_type = self.choice(cat["target_type"], line("target_type"), what,
                                      "target_type")
            if "parent" in cat:
                parent = cat["parent"]
                if parent not in targets or parent == cid:
                    raise self.fail(line("parent"), f"{what}: unknown parent target "
                                                    f"{_show(parent)} (expected the id of "
                                                    "another target category of this pack)")
        defaults = {k: v for k, v in cat.items() if k in term_fields}
        terms = cat.get("terms", [])
        if not isinstance(terms, list):
            raise self.fail(line("terms"), f"{what}: terms must be a list of strings or "
                                           f"tables, got {_show(terms)}")
        built: list[Term] = []
        first_line: dict[str, int] = {}
        for ti, entry in enumerate(terms):
            term = self.term(ci, ti, entry, cid, kind, defaults, term_fields)
            key = _duplicate_key(term.term)
            if key in first_line:
                raise self.fail(term.line, f"duplicate term {term.term!r} in category {cid!r} "
                                           f"(first at line {first_line[key]})")
            first_line[key] = term.line
            built.append(term)
        return Category(id=cid, kind=kind, description=description, terms=tuple(built),
                        referent=referent, actor=actor, target_type=target_type, parent=parent,
                        line=line())

    # -- terms ----------------------------------------------------------------

    def term(self, ci: int, ti: int, entry: Any, cid: str, kind: str,
             defaults: Mapping[str, Any], term_fields: tuple[str, ...]) -> Term:
        own: Mapping[str, Any] = {"term": entry} if isinstance(entry, str) else entry

        def line(field: str | None = None) -> int:
            if field is None or field in own:
                return self.locate.term(ci, ti, field)
            return self.locate.category(ci, field)  # a default given on the category

        if not isinstance(entry, (str, dict)):
            raise self.fail(self.locate.term(ci, ti), f"category {cid!r}: each term must be a "
                                                      f"string or a table, got {_show(entry)}")
        if "term" not in own:
            raise self.fail(line(), f"category {cid!r}: term table without 'term' "
                                    "(expected term = \"...\")")
        self.unknown_keys(own, term_fields, line, f"category {cid!r}")
        text = self.string(own["term"], line(), f"category {cid!r}: term", empty=True)
        if not text.strip():
            raise self.fail(line(), f"category {cid!r}: empty term (expected one or more words)")
        what = f"term {text!r}"
        self.words(text, line(), what)
        values = {**KIND_DEFAULTS.get(kind, {}), **defaults, **own}
        for field in REQUIRED_FIELDS.get(kind, ()):
            if field not in values:
                raise self.fail(line(), f"{what}: missing {field!r}, required for {kind} terms")
        fields: dict[str, Any] = {}
        for field in KIND_FIELDS[kind]:
            if field not in values:
                continue
            value = values[field]
            if field in _RANGES:
                fields[field] = self.number(value, line(field), what, field)
            elif field in _CHOICES:
                fields[field] = self.choice(value, line(field), what, field)
            else:
                fields[field] = self.string(value, line(field), f"{what}: {field}")
        forms = self.strings(values.get("forms", []), line("forms"), f"{what}: forms")
        exclude = self.strings(values.get("exclude", []), line("exclude"), f"{what}: exclude")
        for form in forms:
            self.words(form, line("forms"), f"{what}: form {form!r}", wildcard=False)
        for phrase in exclude:  # matched as a sequence of tokens: punctuation is ignored
            if "*" in phrase or not TOKEN_RE.search(phrase):
                raise self.fail(line("exclude"), f"{what}: exclude phrase {phrase!r} must hold "
                                                 "words and no '*' (expected literal words)")
        return Term(
            term=text.strip(),
            category=cid,
            case_sensitive=self.boolean(values.get("case_sensitive", default_case_sensitive(text)),
                                        line("case_sensitive"), f"{what}: case_sensitive"),
            inflect=self.boolean(values.get("inflect", default_inflect(kind)),
                                 line("inflect"), f"{what}: inflect"),
            forms=forms,
            exclude=exclude,
            note=self.string(values.get("note", ""), line("note"), f"{what}: note", empty=True),
            source=self.string(values.get("source", ""), line("source"), f"{what}: source",
                               empty=True),
            line=line(),
            **fields,
        )

    def words(self, text: str, line: int, what: str, *, wildcard: bool = True) -> None:
        """Check that ``text`` has words, and that any ``*`` ends a word of 3+ letters."""
        for word in text.split():
            if "*" not in word:
                continue
            if not wildcard:
                raise self.fail(line, f"{what}: '*' is only allowed in terms, not here "
                                      "(expected literal words)")
            if word == "*":
                raise self.fail(line, f"{what}: a lone '*' matches anything "
                                      "(expected a prefix before it, like imperialis*)")
            if word.index("*") != len(word) - 1:
                raise self.fail(line, f"{what}: '*' is only allowed at the end of a word "
                                      f"(got {word!r})")
            prefix = re.split("[-‐‑]", word[:-1])[-1]
            if TOKEN_RE.fullmatch(prefix) is None:
                raise self.fail(line, f"{what}: '*' must follow a letter or digit "
                                      f"(got {word!r})")
            if len(prefix) < _MIN_WILDCARD_PREFIX:
                raise self.fail(line, f"{what}: wildcard prefix {prefix!r} is shorter than "
                                      f"{_MIN_WILDCARD_PREFIX} letters (expected at least "
                                      f"{_MIN_WILDCARD_PREFIX}, like imp*)")
        if not TOKEN_RE.search(text):
            raise self.fail(line, f"{what}: no word in it (expected letters or digits)")


def _duplicate_key(term: str) -> str:
    """Terms equal under matching (case, apostrophes, hyphen = space) are duplicates."""
    text = term.lower().replace("’", "'")
    return " ".join(re.sub("[-‐‑]", " ", text).split())


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a table" if isinstance(value, dict) else "a list"
    return repr(value)


# ---------------------------------------------------------------------------
# Reading


def parse_lexicon(text: str, path: str = "<string>") -> Lexicon:
    """Parse and validate a pack from TOML text.

    Parameters
    ----------
    text
        The pack's TOML source.
    path
        Where it came from, used in error messages and kept as ``Lexicon.path``.

    Raises
    ------
    LexiconError
        The text is not valid TOML or not a valid pack; the message starts
        with ``path:line:``.
    """
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        line = int(m.group(1)) if m else 1
        raise LexiconError(f"{path}:{line}: invalid TOML: {exc}") from exc
    return _Checker(raw, path, _TomlLocator(text, raw)).lexicon()


def read_lexicon(source: str | Path | Traversable) -> Lexicon:
    """Read and validate one pack file (a path or an importlib.resources traversable)."""
    name = str(source)
    try:
        data = source.read_bytes() if not isinstance(source, str) else Path(source).read_bytes()
    except OSError as exc:
        raise LexiconError(f"{name}: cannot read lexicon pack: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise LexiconError(f"{name}:{line}: not UTF-8 text (expected a UTF-8 TOML file)") from exc
    return parse_lexicon(text, name)


def _shipped() -> dict[str, Traversable]:
    folder = _res.files(_SHIPPED)
    return {p.name[:-5]: p for p in folder.iterdir() if p.name.endswith(".toml")}


def _entry_point_packs() -> dict[str, Traversable]:
    packs: dict[str, Traversable] = {}
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            folder = _folder_of(ep.value)
        except (ImportError, TypeError, ValueError) as exc:
            raise LexiconError(
                f"entry point {ep.name!r} = {ep.value!r} in group {ENTRY_POINT_GROUP!r}: cannot "
                f"find its module ({exc}); expected a module or package holding *.toml packs"
            ) from exc
        for p in sorted(folder.iterdir(), key=lambda p: p.name):
            if p.name.endswith(".toml"):
                packs.setdefault(p.name[:-5], p)
    return packs


def _folder_of(module: str) -> Traversable:
    """The directory of a package, or of the package holding a module."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None:
        raise ImportError(f"no module named {module!r}")
    if spec.submodule_search_locations is None:  # a plain module: its package's folder
        parent = module.rpartition(".")[0]
        if not parent:
            if spec.origin is None:
                raise ImportError(f"module {module!r} has no file")
            return Path(spec.origin).parent
        module = parent
    return _res.files(module)


def available_lexicons() -> dict[str, Traversable]:
    """Packs that can be loaded by name: name -> file.

    The packs shipped with framing come first; packs registered by other
    distributions under the ``framing.lexicons`` entry-point group follow
    (a shipped pack keeps its name if another distribution reuses it).
    """
    return {**_entry_point_packs(), **_shipped()}


def _is_path(source: str | Path) -> bool:
    return isinstance(source, Path) or source.endswith(".toml") or "/" in source or "\\" in source


def load_lexicon(name_or_path: str | Path) -> Lexicon:
    """Load and validate a pack by name or by path.

    Parameters
    ----------
    name_or_path
        The name of a shipped pack (``"ukraine-war"``), of a pack registered
        under the ``framing.lexicons`` entry-point group, or a path to a
        ``.toml`` file.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        The pack is unknown, unreadable or invalid (the message names the
        file and line, or lists the packs that are available).

    Examples
    --------
    >>> load_lexicon("ukraine-war").name
    'ukraine-war'
    """
    if isinstance(name_or_path, Path) or _is_path(name_or_path):
        return read_lexicon(str(name_or_path))
    shipped = _shipped()
    if name_or_path in shipped:
        return read_lexicon(shipped[name_or_path])
    packs = available_lexicons()
    if name_or_path in packs:
        return read_lexicon(packs[name_or_path])
    raise LexiconError(f"no lexicon pack named {name_or_path!r} (available: "
                       f"{', '.join(sorted(packs)) or 'none'}; or give a path to a .toml file)")


def load_lexicons(names_or_paths: Iterable[str | Path]) -> LexiconSet:
    """Load several packs, in order, into a :class:`LexiconSet`."""
    if isinstance(names_or_paths, (str, Path)):
        raise TypeError("load_lexicons() takes a list of names or paths; "
                        "use load_lexicon() for one")
    return LexiconSet(tuple(load_lexicon(n) for n in names_or_paths))


def default_lexicons() -> LexiconSet:
    """Every pack shipped with framing, in name order."""
    shipped = _shipped()
    return LexiconSet(tuple(read_lexicon(shipped[name]) for name in sorted(shipped)))


# ---------------------------------------------------------------------------
# LIWC-style .dic import


def import_dic(path: str | Path, *, kind: str | Mapping[str, str] = "frame",
               name: str | None = None, defaults: Mapping[str, Mapping[str, Any]] | None = None,
               license: str = "NOASSERTION", version: str = "0.1.0") -> Lexicon:
    """Import a LIWC-style ``.dic`` dictionary as a pack.

    The file starts with a block between two ``%`` lines that numbers the
    categories (``1<TAB>posemo``); every following line is a word and the
    numbers of its categories (``abandon*<TAB>2 5``). Trailing ``*`` is a
    wildcard, as in packs.

    Parameters
    ----------
    path
        The ``.dic`` file (UTF-8).
    kind
        The kind of every category, or a mapping from category name to kind
        (unlisted categories are ``frame``). The default ``frame`` suits any
        word list, since frame terms need no further fields; kinds that need
        a field (``loaded`` needs ``polarity``) must get it from ``defaults``.
    name
        Pack name; by default the file name, lowercased, with other characters
        than letters and digits turned into ``-``.
    defaults
        Term fields per category name, e.g. ``{"negemo": {"polarity": -0.5}}``.
    license, version
        Pack metadata (``NOASSERTION`` is SPDX for an unknown license).

    Returns
    -------
    Lexicon
        Category ids are the category names, lowercased with other characters
        than letters and digits turned into ``-``.

    Raises
    ------
    LexiconError
        The file is malformed, or the result is not a valid pack; the message
        names the ``.dic`` file and line.
    """
    path = Path(path)
    where = str(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise LexiconError(f"{where}: cannot read dictionary: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{where}: not UTF-8 text (expected a UTF-8 .dic file)") from exc
    marks = [i for i, line in enumerate(lines) if line.strip() == "%"]
    if len(marks) < 2:
        raise LexiconError(f"{where}:1: expected a header of category numbers between two "
                           "'%' lines")
    numbers: dict[int, int] = {}  # category number -> category index
    categories: list[dict[str, Any]] = []
    category_lines: list[int] = []
    for i in range(marks[0] + 1, marks[1]):
        fields = lines[i].split()
        if not fields:
            continue
        if len(fields) < 2 or not fields[0].isdigit():
            raise LexiconError(f"{where}:{i + 1}: expected '<number><TAB><category name>', "
                               f"got {lines[i].strip()!r}")
        label = fields[1]
        cid = _slug(label)
        kind_of = kind if isinstance(kind, str) else kind.get(label, "frame")
        numbers[int(fields[0])] = len(categories)
        categories.append({"id": cid, "kind": kind_of, "description": " ".join(fields[1:]),
                           **(defaults or {}).get(label, {}), "terms": []})
        category_lines.append(i + 1)
    term_lines: list[list[int]] = [[] for _ in categories]
    for i in range(marks[1] + 1, len(lines)):
        parts = lines[i].strip().split("\t") if "\t" in lines[i] else lines[i].split()
        parts = [p.strip() for p in parts if p.strip()]
        if not parts:
            continue
        word, cats = parts[0], " ".join(parts[1:]).split()
        if not cats:
            raise LexiconError(f"{where}:{i + 1}: word {word!r} has no category numbers "
                               "(expected '<word><TAB><number> <number> ...')")
        for number in cats:
            if not number.isdigit() or int(number) not in numbers:
                raise LexiconError(f"{where}:{i + 1}: word {word!r}: unknown category number "
                                   f"{number!r} (expected one of: "
                                   f"{', '.join(map(str, numbers))})")
            ci = numbers[int(number)]
            categories[ci]["terms"].append(word)
            term_lines[ci].append(i + 1)
    raw = {"pack": {"name": name or _slug(path.stem), "version": version, "language": "en",
                    "description": f"Imported from the LIWC-style dictionary {path.name}.",
                    "license": license, "sources": [f"Imported from {path.name}."]},
           "categories": categories}
    return _Checker(raw, where, _FixedLocator(category_lines, term_lines)).lexicon()


def _slug(label: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", label.lower())) or "category"


# ---------------------------------------------------------------------------
# Writing


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return _toml_string(str(value))


_TERM_FIELDS_WRITTEN = ("perspective", "polarity", "intensity", "strength", "verb_class",
                        "source_type", "role", "case_sensitive", "inflect", "forms", "exclude",
                        "note", "source")


def _term_toml(term: Term, kind: str) -> str:
    defaults: dict[str, Any] = {**KIND_DEFAULTS.get(kind, {}),
                                "case_sensitive": default_case_sensitive(term.term),
                                "inflect": default_inflect(kind), "forms": (), "exclude": (),
                                "note": "", "source": ""}
    fields = [(f, getattr(term, f)) for f in _TERM_FIELDS_WRITTEN]
    fields = [(f, v) for f, v in fields if v is not None and v != defaults.get(f)]
    if not fields:
        return _toml_string(term.term)
    inner = ", ".join(f"{f} = {_toml_value(v)}" for f, v in [("term", term.term), *fields])
    return "{ " + inner + " }"


def to_toml(lexicon: Lexicon) -> str:
    """The pack as TOML text that :func:`parse_lexicon` reads back to an equal pack.

    Term fields equal to their defaults are left out.
    """
    out = ["[pack]"]
    for key in _PACK_REQUIRED + _PACK_OPTIONAL:
        value = getattr(lexicon, key)
        if value or key in _PACK_REQUIRED:
            out.append(f"{key} = {_toml_value(value)}")
    for cat in lexicon.categories:
        out += ["", "[[categories]]", f"id = {_toml_string(cat.id)}",
                f"kind = {_toml_string(cat.kind)}",
                f"description = {_toml_value(cat.description)}"]
        for key in ("referent", "actor", "target_type", "parent"):
            value = getattr(cat, key)
            if value is not None:
                out.append(f"{key} = {_toml_string(value)}")
        out.append("terms = [")
        out += [f"  {_term_toml(t, cat.kind)}," for t in cat.terms]
        out.append("]")
    return "\n".join(out) + "\n"


def save_lexicon(lexicon: Lexicon, path: str | Path) -> Path:
    """Write the pack to ``path`` as UTF-8 TOML and return the path."""
    path = Path(path)
    path.write_text(to_toml(lexicon), encoding="utf-8")
    return path
