"""Regular and irregular English inflections of lexicon terms.

:func:`inflect` gives the extra surface forms a term matches:

- a single word gets its plural / third-person ``-s`` form, its past ``-ed``
  form and its ``-ing`` form (``plunder``: ``plunders``, ``plundered``,
  ``plundering``), or the forms in ``framing/data/irregular_verbs.tsv``
  (``say``: ``says``, ``said``, ``saying``);
- a multi-word term inflects its head: the first word of a verb-particle
  phrase (the last word or words are particles: ``carve up`` -> ``carved up``,
  ``lash out at`` -> ``lashed out at``) with verb forms; otherwise a noun
  phrase, whose head takes the plural only: the word before the first
  preposition (``invasion of Ukraine`` -> ``invasions of Ukraine``) or else
  the last word (``proxy war`` -> ``proxy wars``); a capitalised head makes
  the phrase a name, which is not inflected (``White House``).

To keep over-generation sane, nothing is generated for words of fewer than
three letters, acronyms (``NATO``), words with digits or other non-letters,
adverbs and adjectives by suffix (``-ly``, ``-ous``, ``-ful``, ``-less``),
past forms (``-ed``) and plurals (``sanctions``); capitalised words (``Nazi``) and nouns by suffix
(``-tion``, ``-ism``, ``-ist``, ``-ing``, ...) get the plural only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing import resources

__all__ = ["PARTICLES", "inflect", "word_forms"]

#: Words that, in the final position(s) of a term, make it a verb-particle phrase.
PARTICLES: frozenset[str] = frozenset({
    "up", "out", "down", "off", "over", "away", "back", "in", "on", "at", "into", "onto",
    "about", "around", "apart", "aside", "through", "forward", "together", "along", "against",
    "for", "with", "to", "from",
})

#: Prepositions after the first word of a noun phrase end its head (``war on terror``).
_PREPOSITIONS = frozenset({
    "of", "in", "on", "against", "for", "with", "to", "from", "by", "over", "at", "into",
    "under", "between", "about", "after", "before", "without", "within", "across", "toward",
    "towards",
})
_NO_INFLECTION = ("ly", "ous", "ful", "less", "ed")
_NOUN_SUFFIXES = (
    "tion", "sion", "ment", "ness", "ity", "ism", "ist", "ship", "hood", "ance", "ence", "ing",
    "sis", "man",
)
# Verb endings that look like a noun suffix: insist, persist, resist, exist, enlist, twist.
_VERBS_LIKE_NOUN_SUFFIXES = ("sist", "xist", "wist", "enlist")
_IRREGULAR_PLURALS = {
    "child": "children", "person": "people", "criterion": "criteria",
    "phenomenon": "phenomena", "foot": "feet", "tooth": "teeth", "mouse": "mice",
}
# Two-syllable verbs stressed on the last syllable double their final consonant.
_DOUBLING = frozenset({
    "admit", "commit", "submit", "permit", "omit", "emit", "transmit", "acquit", "outwit",
    "regret", "abet", "occur", "recur", "incur", "refer", "prefer", "confer", "defer", "infer",
    "deter", "control", "patrol", "compel", "expel", "propel", "repel", "rebel", "equip",
    "abhor", "annul", "extol", "allot", "embed", "enrol", "unplug",
})
_VOWELS = "aeiou"
_SHORT_CVC = re.compile(r"^[^aeiou]*[aeiou][b-df-hj-np-tvz]$")
_FINAL_VOWEL_L = re.compile(r"[^aeiou][aeiou]l$")


@lru_cache(maxsize=1)
def _irregular() -> dict[str, tuple[str, ...]]:
    """base -> (past and participle forms..., 3sg, -ing) from the shipped table."""
    table: dict[str, tuple[str, ...]] = {}
    for line in resources.data_lines("irregular_verbs.tsv"):
        base, past, participle, third, ing = line.split("\t")
        forms = [*past.split("/"), *participle.split("/"), third, ing]
        table[base] = tuple(dict.fromkeys(f for f in forms if f != base))
    return table


def _plural(word: str) -> list[str]:
    """Plural nouns and third-person singular verbs (-s, -es, -ies)."""
    if word in _IRREGULAR_PLURALS:
        return [_IRREGULAR_PLURALS[word]]
    if word.endswith("man"):
        return [word[:-3] + "men", word + "s"]
    if word.endswith("is") and len(word) > 4:
        return [word[:-2] + "es"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if word[-1] == "y" and word[-2] not in _VOWELS:
        return [word[:-1] + "ies"]
    if word[-1] == "o" and word[-2] not in _VOWELS:
        return [word + "s", word + "es"]
    if word.endswith("fe"):
        return [word + "s", word[:-2] + "ves"]
    if word[-1] == "f" and not word.endswith("ff"):
        return [word + "s", word[:-1] + "ves"]
    return [word + "s"]


def _doubles(word: str) -> bool:
    """True when the final consonant doubles before -ed and -ing (stop, plan, admit)."""
    return word in _DOUBLING or bool(_SHORT_CVC.match(word.replace("qu", "q")))


def _verb_forms(word: str) -> list[str]:
    """Third person, past / participle and -ing forms of a verb."""
    if word in _irregular():
        return list(_irregular()[word])
    forms = _plural(word)
    if word[-1] == "e":
        forms.append(word + "d")
        if word.endswith("ie"):
            forms.append(word[:-2] + "ying")
        elif word.endswith(("ee", "ye", "oe")):
            forms.append(word + "ing")
        else:
            forms.append(word[:-1] + "ing")
    elif word[-1] == "y" and word[-2] not in _VOWELS:
        forms += [word[:-1] + "ied", word + "ing"]
    elif word[-1] == "c":
        forms += [word + "ked", word + "king"]
    elif _doubles(word):
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    else:
        forms += [word + "ed", word + "ing"]
        if _FINAL_VOWEL_L.search(word) and len(word) > 4:  # British: cancelled, labelling
            forms += [word + "led", word + "ling"]
    return forms


def _is_plural(word: str) -> bool:
    """Ends in -s after a consonant other than s: already plural (sanctions, boots)."""
    return word[-1] == "s" and word[-2] not in _VOWELS and word[-2] != "s"


def _is_inflectable(word: str) -> bool:
    return (
        len(word) >= 3
        and word.isalpha()
        and not word.isupper()
        and not word.lower().endswith(_NO_INFLECTION)
        and not _is_plural(word.lower())
    )


def _is_plural_only(word: str) -> bool:
    return word[0].isupper() or (word.endswith(_NOUN_SUFFIXES)
                                 and not word.endswith(_VERBS_LIKE_NOUN_SUFFIXES))


def word_forms(word: str, *, verb: bool = True, noun: bool = True) -> tuple[str, ...]:
    """Inflected forms of one word (the word itself not included).

    Parameters
    ----------
    word
        One word, as written in the pack.
    verb
        Generate verb forms (-s, -ed, -ing, irregular forms).
    noun
        Generate the plural.

    Examples
    --------
    >>> word_forms("plunder")
    ('plunders', 'plundered', 'plundering')
    >>> word_forms("say")
    ('said', 'says', 'saying')
    >>> word_forms("NATO"), word_forms("war", verb=False)
    ((), ('wars',))
    """
    if not _is_inflectable(word):
        return ()
    forms: list[str] = []
    if verb and not _is_plural_only(word):
        forms += _verb_forms(word)
    if noun:
        forms += _plural(word)
    return tuple(dict.fromkeys(f for f in forms if f != word))


def _split(term: str) -> list[str]:
    return term.replace("-", " ").replace("‐", " ").replace("‑", " ").split()


def inflect(term: str) -> tuple[str, ...]:
    """Inflected forms of a term (the term itself not included).

    Words of the result are separated by single spaces (the matcher treats a
    hyphen and a space alike). Terms with a wildcard are not inflected.

    Examples
    --------
    >>> inflect("proxy war")
    ('proxy wars',)
    >>> inflect("carve-up")
    ('carves up', 'carved up', 'carving up')
    >>> inflect("SMO"), inflect("imperialis*")
    ((), ())
    """
    if "*" in term:
        return ()
    words = _split(term)
    if not words:
        return ()
    if len(words) == 1:
        return word_forms(words[0])
    n_particles = 0
    while n_particles < len(words) - 1 and words[-1 - n_particles].lower() in PARTICLES:
        n_particles += 1
    if n_particles:
        return tuple(" ".join([form, *words[1:]]) for form in word_forms(words[0], noun=False))
    h = next((i - 1 for i in range(1, len(words)) if words[i].lower() in _PREPOSITIONS),
             len(words) - 1)
    if words[h][:1].isupper():
        return ()  # a name: Donald J. Trump, White House
    return tuple(" ".join([*words[:h], form, *words[h + 1:]])
                 for form in word_forms(words[h], verb=False))
