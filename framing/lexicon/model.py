"""Lexicon records: :class:`Term`, :class:`Category`, :class:`Lexicon`, :class:`LexiconSet`.

All records are frozen dataclasses. A loaded pack is never changed in place:
combine packs with ``a | b`` (a :class:`LexiconSet`) and build new packs with
:func:`dataclasses.replace`. Validation with file:line messages happens when a
pack is read (:mod:`framing.lexicon.io`); the records themselves only hold
values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from framing.errors import LexiconError

__all__ = [
    "KINDS",
    "KIND_FIELDS",
    "REQUIRED_FIELDS",
    "ROLES",
    "TARGET_TYPES",
    "VERB_CLASSES",
    "Category",
    "Lexicon",
    "LexiconSet",
    "Term",
]

#: Category kinds, in the order matches of different kinds are listed.
KINDS: tuple[str, ...] = (
    "naming", "loaded", "hedge", "intensifier", "reporting-verb", "source-cue", "target", "frame",
)
#: Classes of reporting verbs (``verb_class`` of ``reporting-verb`` terms).
VERB_CLASSES: tuple[str, ...] = ("neutral", "distancing", "endorsing", "evaluative")
#: Types of ``target`` categories.
TARGET_TYPES: tuple[str, ...] = ("country", "bloc", "person", "organization")
#: Roles of a ``target`` alias.
ROLES: tuple[str, ...] = (
    "name", "capital", "leader", "institution", "adjective", "demonym", "official",
)
#: Term fields that belong to each kind, besides the common ones.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "naming": ("perspective", "polarity"),
    "loaded": ("polarity", "intensity"),
    "hedge": ("strength",),
    "intensifier": ("strength",),
    "reporting-verb": ("verb_class",),
    "source-cue": ("source_type",),
    "target": ("role",),
    "frame": (),
}
#: Term fields a kind cannot do without.
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "naming": ("perspective",),
    "loaded": ("polarity",),
    "reporting-verb": ("verb_class",),
}
#: Values a term of a kind takes when the pack gives none.
KIND_DEFAULTS: dict[str, dict[str, Any]] = {
    "loaded": {"intensity": 0.5},
    "hedge": {"strength": 0.5},
    "intensifier": {"strength": 0.5},
    "source-cue": {"source_type": "anonymous"},
}
#: Kinds whose terms are not inflected unless a term says ``inflect = true``.
NOT_INFLECTED: frozenset[str] = frozenset({"target", "source-cue"})


def default_case_sensitive(term: str) -> bool:
    """True when every letter of ``term`` is a capital and there are at least two.

    A possessive ending (``NATO's``) is ignored.

    >>> [default_case_sensitive(t) for t in ("SMO", "NATO’s", "Kyiv")]
    [True, True, False]
    """
    words = [w[:-2] if w[-2:] in ("'s", "’s") else w for w in term.split()]
    letters = [c for w in words for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def default_inflect(kind: str) -> bool:
    """Whether terms of ``kind`` are inflected when the pack does not say."""
    return kind not in NOT_INFLECTED


@dataclass(frozen=True)
class Term:
    """One lexicon entry, with every default already resolved.

    Parameters
    ----------
    term
        The surface form as written in the pack (one or more words; a trailing
        ``*`` on a word is a wildcard).
    category
        Id of the category the term belongs to.
    perspective, polarity, intensity, strength, verb_class, source_type, role
        Kind-specific fields (see ``docs/lexicon-format.md``); ``None`` where
        the kind does not use them.
    case_sensitive
        Match the case exactly.
    inflect
        Also match inflected forms.
    forms
        Extra surface forms matched as this term.
    exclude
        Phrases in which a match of this term is a known false positive.
    note, source
        Free text.
    line
        Line of the pack file the term was read from (0 when not read from a file).
    """

    term: str
    category: str
    perspective: str | None = None
    polarity: float | None = None
    intensity: float | None = None
    strength: float | None = None
    verb_class: str | None = None
    source_type: str | None = None
    role: str | None = None
    case_sensitive: bool = False
    inflect: bool = True
    forms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
    line: int = field(default=0, compare=False)

    @property
    def is_wildcard(self) -> bool:
        """True when a word of the term ends in ``*``."""
        return "*" in self.term

    def to_dict(self) -> dict[str, Any]:
        """All fields as a plain dict (tuples become lists)."""
        return {
            "term": self.term, "category": self.category, "perspective": self.perspective,
            "polarity": self.polarity, "intensity": self.intensity, "strength": self.strength,
            "verb_class": self.verb_class, "source_type": self.source_type, "role": self.role,
            "case_sensitive": self.case_sensitive, "inflect": self.inflect,
            "forms": list(self.forms), "exclude": list(self.exclude), "note": self.note,
            "source": self.source, "line": self.line,
        }


@dataclass(frozen=True)
class Category:
    """A category of a pack: its kind, description and terms.

    ``referent`` and ``actor`` are used by ``naming`` categories (``actor``:
    the id of the target category whose forces, government or bloc the
    referent is, e.g. ``russia`` for the names of Russian forces);
    ``target_type`` and ``parent`` (the id of another ``target`` category) by
    ``target`` ones.
    """

    id: str
    kind: str
    description: str
    terms: tuple[Term, ...] = ()
    referent: str | None = None
    actor: str | None = None
    target_type: str | None = None
    parent: str | None = None
    line: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """All fields as a plain dict, terms included."""
        return {
            "id": self.id, "kind": self.kind, "description": self.description,
            "referent": self.referent, "actor": self.actor, "target_type": self.target_type,
            "parent": self.parent,
            "terms": [t.to_dict() for t in self.terms], "line": self.line,
        }


def _categories_of_kind(lexicons: tuple[Lexicon, ...], kind: str) -> tuple[Category, ...]:
    if kind not in KINDS:
        raise LexiconError(f"unknown kind {kind!r} (expected one of: {', '.join(KINDS)})")
    return tuple(c for lex in lexicons for c in lex.categories if c.kind == kind)


@dataclass(frozen=True)
class Lexicon:
    """One lexicon pack.

    Combine packs with ``|``: ``load_lexicon("ukraine-war") | load_lexicon("my.toml")``
    gives a :class:`LexiconSet`; neither pack is changed.

    Parameters
    ----------
    name, version, language, description, license, sources
        The pack's metadata (``[pack]`` table).
    categories
        The categories, in file order.
    path
        Where the pack was read from (empty when built in memory).
    url, authors, notes
        Optional metadata.
    """

    name: str
    version: str
    language: str
    description: str
    license: str
    sources: tuple[str, ...]
    categories: tuple[Category, ...] = ()
    path: str = field(default="", compare=False)
    url: str = ""
    authors: tuple[str, ...] = ()
    notes: str = ""

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term of every category, in file order."""
        return tuple(t for c in self.categories for t in c.terms)

    def categories_of_kind(self, kind: str) -> tuple[Category, ...]:
        """The categories of one kind (``"naming"``, ``"target"``, ...), in file order."""
        return _categories_of_kind((self,), kind)

    def category(self, id: str) -> Category:
        """The category with this id; :class:`KeyError` when there is none."""
        for c in self.categories:
            if c.id == id:
                return c
        raise KeyError(f"pack {self.name!r} has no category {id!r}")

    def __or__(self, other: Lexicon | LexiconSet) -> LexiconSet:
        return LexiconSet((self,)) | other

    def to_dict(self) -> dict[str, Any]:
        """All fields as a plain dict, categories and terms included."""
        return {
            "name": self.name, "version": self.version, "language": self.language,
            "description": self.description, "license": self.license,
            "sources": list(self.sources), "url": self.url, "authors": list(self.authors),
            "notes": self.notes, "path": self.path,
            "categories": [c.to_dict() for c in self.categories],
        }


@dataclass(frozen=True)
class LexiconSet:
    """Several packs used together, in order (earlier packs win ties when matching).

    Build one with ``|`` or :func:`framing.lexicon.load_lexicons`. Pack names
    are unique within a set; adding a pack that is already in it does nothing.
    """

    lexicons: tuple[Lexicon, ...] = ()

    def __post_init__(self) -> None:
        seen: dict[str, Lexicon] = {}
        for lex in self.lexicons:
            if lex.name in seen and seen[lex.name] != lex:
                raise LexiconError(
                    f"{lex.path or lex.name}: two different packs are named {lex.name!r} "
                    f"(the other is {seen[lex.name].path or 'built in memory'}); rename one")
            seen[lex.name] = lex
        if len(seen) != len(self.lexicons):
            unique = tuple(dict.fromkeys(self.lexicons))
            object.__setattr__(self, "lexicons", unique)

    def __or__(self, other: Lexicon | LexiconSet) -> LexiconSet:
        if isinstance(other, Lexicon):
            return LexiconSet((*self.lexicons, other))
        if isinstance(other, LexiconSet):
            return LexiconSet((*self.lexicons, *other.lexicons))
        return NotImplemented

    def __iter__(self) -> Iterator[Lexicon]:
        return iter(self.lexicons)

    def __len__(self) -> int:
        return len(self.lexicons)

    def __getitem__(self, name: str) -> Lexicon:
        for lex in self.lexicons:
            if lex.name == name:
                return lex
        raise KeyError(f"no pack named {name!r} (have: {', '.join(self.names)})")

    @property
    def names(self) -> tuple[str, ...]:
        """Pack names, in order."""
        return tuple(lex.name for lex in self.lexicons)

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term of every pack, in order."""
        return tuple(t for lex in self.lexicons for t in lex.terms)

    def categories_of_kind(self, kind: str) -> tuple[Category, ...]:
        """The categories of one kind across all packs, in pack order."""
        return _categories_of_kind(self.lexicons, kind)

    def category(self, id: str, lexicon: str | None = None) -> Category:
        """The category with this id, from pack ``lexicon`` or else the first pack that has it."""
        for lex in self.lexicons:
            if lexicon is None or lex.name == lexicon:
                for c in lex.categories:
                    if c.id == id:
                        return c
        where = f"pack {lexicon!r}" if lexicon else f"packs {', '.join(self.names)}"
        raise KeyError(f"{where}: no category {id!r}")

    def to_dict(self) -> dict[str, Any]:
        """The packs as a plain dict."""
        return {"lexicons": [lex.to_dict() for lex in self.lexicons]}
