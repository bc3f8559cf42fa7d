"""Lexicon packs: load, validate, combine, write, and match them in text.

>>> from framing.lexicon import Matcher, parse_lexicon
>>> pack = parse_lexicon('''
... [pack]
... name = "demo"
... version = "0.1.0"
... language = "en"
... description = "A two-category example."
... license = "MIT"
... sources = ["Written for this example."]
...
... [[categories]]
... id = "war-name"
... kind = "naming"
... description = "What the war is called"
... terms = [
...   { term = "proxy war", perspective = "anti-imperialist-left" },
...   { term = "SMO", perspective = "kremlin" },
... ]
...
... [[categories]]
... id = "plunder"
... kind = "loaded"
... description = "Taking by force"
... polarity = -0.7
... terms = ["carve up", "plunder"]
... ''')
>>> matcher = Matcher(pack)
>>> text = "NATO’s proxy wars let them carve-up and plunder."
>>> [(m.form, m.term, m.category) for m in matcher.find(text)]  # doctest: +NORMALIZE_WHITESPACE
[('proxy wars', 'proxy war', 'war-name'), ('carve-up', 'carve up', 'plunder'),
 ('plunder', 'plunder', 'plunder')]
"""

from __future__ import annotations

from framing.lexicon.inflect import inflect
from framing.lexicon.io import (
    ENTRY_POINT_GROUP,
    available_lexicons,
    default_lexicons,
    import_dic,
    load_lexicon,
    load_lexicons,
    parse_lexicon,
    read_lexicon,
    save_lexicon,
    to_toml,
)
from framing.lexicon.matcher import Match, Matcher
from framing.lexicon.model import (
    KINDS,
    ROLES,
    TARGET_TYPES,
    VERB_CLASSES,
    Category,
    Lexicon,
    LexiconSet,
    Term,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "KINDS",
    "ROLES",
    "TARGET_TYPES",
    "VERB_CLASSES",
    "Category",
    "Lexicon",
    "LexiconSet",
    "Match",
    "Matcher",
    "Term",
    "available_lexicons",
    "default_lexicons",
    "import_dic",
    "inflect",
    "load_lexicon",
    "load_lexicons",
    "parse_lexicon",
    "read_lexicon",
    "save_lexicon",
    "to_toml",
]
