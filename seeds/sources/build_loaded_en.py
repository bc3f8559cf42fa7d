#!/usr/bin/env python3
"""Build the ``general-evaluative`` category of ``seeds/loaded-en.toml`` from VADER.

The category is derived from the VADER sentiment lexicon (``vader_lexicon.txt``
shipped in the ``vaderSentiment`` package, MIT License, Copyright (c) 2016
C.J. Hutto; Hutto, C.J. & Gilbert, E.E. (2014), "VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM-14).
The lexicon is read from the installed package with ``importlib.resources``;
nothing is downloaded. ``vaderSentiment`` is a core dependency of framing.

Each line of ``vader_lexicon.txt`` is ``token<TAB>mean<TAB>sd<TAB>[ratings]``:
the mean valence (-4..4) and the standard deviation of ten human ratings.

Steps, in order (all deterministic; the output is sorted):

1. Keep single words only: the token must match
   ``[a-z]+(?:['-][a-z]+)*`` (lowercase letters, with internal hyphens or
   apostrophes only). This drops emoticons, tokens with digits and tokens with
   any other punctuation. Where the lexicon lists a token twice, the first
   entry wins.
2. Keep tokens with ``|mean| >= 1.5``.
3. Drop the stoplists below (``STOPLIST``): chat acronyms and slang, ordinary
   neutral news vocabulary (war, attack, crisis, support, ...), words with a
   frequent neutral homograph (good/goods, kind of, pretty much), irregular
   variants of kept words, and words owned by the hedge and intensifier packs.
   A stoplisted word also removes its regular inflections (see ``inflections``).
4. Drop words already covered by the hand-written categories of the pack:
   a word goes when it or one of its regular inflections is a surface form of
   a hand-written term (its single-word term, ``forms``, regular inflections,
   or a ``*`` wildcard prefix), so that every surface form has one entry and
   the hand-written value wins (``terrify`` goes because the hand-written
   ``terrifying`` is one of its forms; VADER's ``terrified`` then stays).
5. Collapse regular inflections: the matcher inflects terms itself, so a
   word that is a regular inflection of another kept word (``abandoned`` of
   ``abandon``) is dropped and the base keeps its own VADER values.
6. Map the values:

   * ``polarity  = round(clip(mean / 4, -1, 1), 2)``
   * ``intensity = round(clip((|mean| - sd / sqrt(n)) / 3.5, 0, 1), 2)``
     where ``n`` is the number of ratings (10): the magnitude less one
     standard error of the mean, so words the raters disagreed on count for
     less, scaled so that a magnitude of 3.5 (of VADER's 4) reaches 1.

The generated category is written into the pack between the two marker
comments ``BEGIN_MARKER`` and ``END_MARKER``; everything outside the markers
(the ``[pack]`` table and the hand-written categories) is kept as it is. If
the markers are missing, the block is appended at the end of the file.

Usage::

    python seeds/sources/build_loaded_en.py           # rewrite the pack
    python seeds/sources/build_loaded_en.py --check   # exit 1 if it is stale
    python seeds/sources/build_loaded_en.py --pack PATH
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import json
import math
import re
import sys
from pathlib import Path

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

CATEGORY_ID = "general-evaluative"
BEGIN_MARKER = "# >>> BEGIN GENERATED general-evaluative: written by seeds/sources/build_loaded_en.py, do not edit by hand"
END_MARKER = "# <<< END GENERATED general-evaluative"

MIN_ABS_VALENCE = 1.5
INTENSITY_SCALE = 3.5
WORD_RE = re.compile(r"[a-z]+(?:['-][a-z]+)*")

DEFAULT_PACK = Path(__file__).resolve().parent.parent / "loaded-en.toml"

# ---------------------------------------------------------------------------
# Stoplists. Each group is a (reason, words) pair. A listed word also removes
# its regular inflections (war -> wars, warring; stab -> stabbed).
# ---------------------------------------------------------------------------
STOPLIST: dict[str, tuple[str, str]] = {
    "chat": (
        # Internet acronyms, interjections and slang spellings: VADER was
        # built for social media; in news text these are noise or collide
        # with ordinary words and names (hand, heart, true, kia, po, sob, l).
        "chat acronyms, interjections and slang spellings",
        """
        aas aayf afu alol ambw aml aok atab bfd bfe bff bl bsod btd bwahahah
        congrats cwot doa dx effin ez fab fav fave fcol ff ffs fkm foaf ftw fu
        fubar fuked fuking fwb gga gj gla gratz hagd hagn haha hahaha hak
        hallelujah hand heart hhoj hooray hugz hurrah hurray ilu iluaaf ily iyq
        jw kfy kia kk kmuf l lmao lmbao lmfao lmso lol lolz lts lulz ly lya lyb
        lyl lylab lylas lylb mml mofo muah mwah nfc nfw nh nitl nme ok okays
        pita po prblm ptl qq qt rofl roflcopter roflmao rotfl rotflmao
        rotflmfao rotflol rotgl rotglmao sete sfete sgtm slaw snafu sob sux
        swak tgif thx tia tops true tx ty tyvm ugh urw vbg vbs vip vwd vwp wd
        woohoo woot wow wtf wtg wth x-d x-p xd xlnt xoxo xoxozzz xp xqzt yay
        yeees yes yvw yw ywia
        """,
    ),
    "war-and-violence-reporting": (
        # Factual vocabulary of conflict, crime and disaster reporting: it
        # names what happened rather than evaluating it, and it would fire on
        # almost every sentence of war coverage.
        "neutral vocabulary of war, crime and disaster reporting",
        """
        abducted abduction accident arrested arrests assassination assault
        attack attacker battle battlefield battleground beaten bomb casualty
        collapse collision corpse crash crime criminal dead death defected
        destroy
        defecting defections defector destroyer detain detention die drown
        emergency enemy fatal fatality fatally fight fired forced funeral
        hacked imprisoned injured injury interrogated jailed kill molest
        molestation molester offender offenses offensive penalty perjury
        perpetrator prison prisoner prosecute prosecution punishable
        punishment rape raper rapist smuggle smuggler stab stampede strangled
        strikes suicide survived survivor suspended trapped war warfares
        weapons widowed killings fightings foughten crisis fallen beating
        eviction slavery boycotted boycotting disqualified pardoning hostility
        """,
    ),
    "politics-and-diplomacy": (
        # Ordinary political, legal and diplomatic vocabulary: reporting verbs
        # (agree, reject, deny, complain, welcome), institutions and titles
        # (justice, supreme, dignitary, admirals, excellency) and stock
        # phrases (territorial integrity, national security, peace talks).
        "neutral political, legal and diplomatic vocabulary",
        """
        accept acceptance admirals admiralties agree agreement approval
        approved approves argued arguer argues arguing argument arguments
        assured ban block blocking complain complained complains complaints
        confidence confident conflicting conflicts criticism criticise
        criticize defeat denied denies dignitary disagree disagreement
        dispute encourage discourage excellency expel felony freedom free
        freedwoman freeman freemen guilty honor honour honoraries honorarily
        honoree honorifics honorifically illegal infringement innocence
        integrity justice liberty loyalist party peace peaceful peacefully
        peacekeeper peacekeeping peacemaking peacetime promised promises
        protesting refusing reject rejection resolve respect restrict sedition
        support supporters supporting tensions threat threaten treason
        united unified violence welcome abandon apologise apologize
        apologizes fail convinced favor favour
        """,
    ),
    "economy-and-business": (
        # Economic and business terms used descriptively (interest rates,
        # credit, growth, rich and poor countries, the goods trade).
        "neutral economic and business vocabulary",
        """
        advantages asset award bankrupt benefit beneficiary blockbuster bonus
        burden champion championship creations creative credit
        creditworthiness creditworthy debt deficit disadvantage disruption
        efficiency efficient foreclosures gain gift grant growth improve
        improvement improver incentive innovate innovation innovative interest
        losses lose lowest medal opportunity optimal optimisation optimise
        optimization optimize optimizer overweight popular popularity
        popularly poor poorer poorest poverty powerful prize prizewinner
        prizewinning profit profitable profitableness profitably progress
        promote recession rich richer richest securer securest securitizes
        smart sophisticated strong stronger strongest strength strengthen
        strengthened strengthener strengthening strengthens succeed
        unemployment unsecured waste wealth wealthier wealthiest wealthily
        wealthiness wealthy weak weaken weakener weaker weakest weakly
        weakness win winner winnings won boost gross adverse depression
        appreciation precious harmonise harmonize harmonization harmonizer
        attract attraction charity charitable defects successfully freely
        fulfill enjoy comfortable comfortably responsive
        """,
    ),
    "everyday-and-ambiguous": (
        # Everyday words whose common news sense is neutral, and words with a
        # frequent neutral homograph: good (goods), kind (a kind of), like,
        # pretty (pretty much), grave (burial), great/grand (Great Britain,
        # grand jury), sunny/warmest (weather), heroin, dick (a name).
        "everyday words with a frequent neutral sense or homograph",
        """
        active alive best better broke broken capable care clean clear
        comedian comedic comedically comediennes comedies comedy commitment
        damage dear dedicated definitely desire determination devoted devotes
        devoting dick difficult disorder doubt drained dreams dump dynamic
        dynamically ease easement easier easiest easy effective effectively
        engaged engagement ensure entertain entertainer entertainment
        entertains error exhausted faith fault festival fiesta fit flu focused
        friend friendly good grace gracile grand grander grandest grave
        gravesides great greater greatest greeting givers harm healthy help
        heroin holiday hope hopeful hopefully hurt ignore illness importance
        infected influential inhibit inhibition insecurity intellect
        intellectual intellectualism intellectualist intellectuality
        intellectualization intellectualize intellectualness intelligence
        intelligencer intelligent intelligential intelligently intelligentsia
        interruption isolation jewel keen kind kinder like mature merit
        mistakes mourner motivate natural negative obstacle outstanding
        overload praying pleased pleases positive positivism positivist
        positivistic pretty prettier prettiest privilege problem protect ready
        recommend relax relaxation relief relieve rescue respective safe
        safeguard safely safer safest safety satisfy save secured severe
        severely severer severest sharing shock special spam stress sunnier
        sunniest sunny sunshine sunshiny super superior supreme suspicion
        thank thanks treat trust tumor cancer unhealthy useful usefully
        validate valued values warmest wellness wish blind ill earnest
        spite virtue ecstasy ecstacy
        """,
    ),
    "music-medicine-technical": (
        # Technical or foreign-language senses: musical directions, a hormone,
        # a livestock disease, hair products, surnames.
        "technical, musical or foreign-language words",
        """
        amor amoroso amort brilliantines disabling incapacitated lags lowery
        nagana relaxin vigoroso
        """,
    ),
    "variant-forms": (
        # Irregular inflections and spelling variants of other kept words:
        # the matcher's irregular-verb table already maps stink -> stank,
        # stunk and weep -> wept, so these would be a second entry for the
        # same surface form.
        "irregular or variant forms of kept words",
        """
        dearie lowlives luckie stank stunk wept
        """,
    ),
    "owned-by-other-packs": (
        # Boosters and hedges belong to intensifiers-en / hedges-en; keeping
        # them here too would make one token count as both.
        "intensifiers and hedges (in intensifiers-en and hedges-en)",
        """
        absolutely alarmingly appallingly astoundingly awfully bitterly
        clearly desperately dreadfully extremely gravely horribly incredibly
        perfectly positively surely terribly totally truly undoubtedly
        """,
    ),
}


def stopwords() -> dict[str, str]:
    """Map each stoplisted word to the name of its group."""
    out: dict[str, str] = {}
    for group, (_reason, words) in STOPLIST.items():
        for w in words.split():
            out.setdefault(w, group)
    return out


def inflections(word: str) -> set[str]:
    """Regular English inflections of ``word`` (not including ``word``).

    -s, -es, -d, -ed, -ing; final e dropped before -ing/-ed; consonant + y
    becomes -ies/-ied; a final consonant after a single vowel is doubled
    (stab -> stabbed, stabbing); final c takes -ked/-king (panic -> panicked).
    Irregular forms are not generated: the few in the lexicon are stoplisted
    in the ``variant-forms`` group.
    """
    forms = {word + "s", word + "es", word + "d", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if re.search(r"[^aeiou]y$", word):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.search(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    if word.endswith("c"):
        forms |= {word + "ked", word + "king"}
    forms.discard(word)
    return forms


def vader_lexicon() -> tuple[str, list[tuple[str, float, float, int]]]:
    """Return (package version, [(token, mean, sd, n_ratings)]) in file order."""
    try:
        version = importlib.metadata.version("vaderSentiment")
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit("vaderSentiment is not installed (pip install vaderSentiment)") from None
    text = (
        importlib.resources.files("vaderSentiment")
        .joinpath("vader_lexicon.txt")
        .read_text(encoding="utf-8")
    )
    rows = []
    for line in text.splitlines():
        parts = line.rstrip("\r").split("\t")
        if len(parts) < 3:
            continue
        token, mean, sd = parts[0], float(parts[1]), float(parts[2])
        n = len(json.loads(parts[3])) if len(parts) > 3 and parts[3].strip() else 10
        rows.append((token, mean, sd, n))
    return version, rows


def hand_written_cover(pack_text: str) -> tuple[set[str], list[str]]:
    """Single words and wildcard prefixes covered by the hand-written part."""
    head = pack_text.split(BEGIN_MARKER, 1)[0]
    data = tomllib.loads(head)
    words: set[str] = set()
    prefixes: list[str] = []
    for cat in data.get("categories", []):
        if cat.get("id") == CATEGORY_ID:
            continue
        for t in cat.get("terms", []):
            term = t if isinstance(t, str) else t["term"]
            forms = [] if isinstance(t, str) else list(t.get("forms", []))
            inflect = True if isinstance(t, str) else t.get("inflect", cat.get("inflect", True))
            for surface in [term, *forms]:
                s = surface.lower()
                if s.endswith("*"):
                    prefixes.append(s[:-1])
                elif " " not in s:
                    words.add(s)
                    if inflect and surface == term:
                        words |= inflections(s)
    return words, prefixes


def derive(pack_text: str) -> tuple[str, list[tuple[str, float, float]], dict[str, int]]:
    version, rows = vader_lexicon()
    stats: dict[str, int] = {"lexicon": len(rows)}

    # 1-2. single words with |mean| >= 1.5; first entry of a duplicate wins
    kept: dict[str, tuple[float, float, int]] = {}
    for token, mean, sd, n in rows:
        if WORD_RE.fullmatch(token) and abs(mean) >= MIN_ABS_VALENCE and token not in kept:
            kept[token] = (mean, sd, n)
    stats["single_words_over_threshold"] = len(kept)

    # 3. stoplists (with regular inflections)
    stop = set()
    for w in stopwords():
        stop.add(w)
        stop |= inflections(w)
    kept = {w: v for w, v in kept.items() if w not in stop}
    stats["after_stoplist"] = len(kept)

    # 4. covered by hand-written categories
    covered, prefixes = hand_written_cover(pack_text)
    kept = {
        w: v
        for w, v in kept.items()
        if not ({w} | inflections(w)) & covered and not any(w.startswith(p) for p in prefixes)
    }
    stats["after_hand_written"] = len(kept)

    # 5. collapse regular inflections onto a kept base
    drop = set()
    for w in kept:
        for f in inflections(w):
            if f in kept:
                drop.add(f)
    kept = {w: v for w, v in kept.items() if w not in drop}
    stats["generated"] = len(kept)

    # 6. map values
    out = []
    for w in sorted(kept):
        mean, sd, n = kept[w]
        polarity = round(min(1.0, max(-1.0, mean / 4)), 2)
        intensity = round(min(1.0, max(0.0, (abs(mean) - sd / math.sqrt(n)) / INTENSITY_SCALE)), 2)
        out.append((w, polarity, intensity))
    return version, out, stats


def render(version: str, terms: list[tuple[str, float, float]]) -> str:
    desc = (
        f"General evaluative words derived from the VADER sentiment lexicon "
        f"(vaderSentiment {version}, MIT; Hutto & Gilbert 2014): single words with "
        f"|mean valence| >= {MIN_ABS_VALENCE}, less stoplisted neutral news vocabulary, chat "
        f"slang, hedges and intensifiers, words covered by the hand-written "
        f"categories above and regular inflections of kept words. "
        f"polarity = clip(valence/4, -1, 1); intensity = clip((|valence| - sd/sqrt(n)) / "
        f"{INTENSITY_SCALE}, 0, 1), n = 10 raters. Generated by seeds/sources/build_loaded_en.py."
    )
    lines = [
        BEGIN_MARKER,
        "[[categories]]",
        f'id = "{CATEGORY_ID}"',
        'kind = "loaded"',
        f"description = {json.dumps(desc)}",
        'source = "vader"',
        "terms = [",
    ]
    for w, p, i in terms:
        lines.append(f"  {{ term = {json.dumps(w)}, polarity = {p}, intensity = {i} }},")
    lines += ["]", END_MARKER]
    return "\n".join(lines) + "\n"


def splice(pack_text: str, block: str) -> str:
    if BEGIN_MARKER in pack_text and END_MARKER in pack_text:
        head, rest = pack_text.split(BEGIN_MARKER, 1)
        _old, tail = rest.split(END_MARKER, 1)
        tail = tail.removeprefix("\n")
        return head + block + tail
    if not pack_text.endswith("\n"):
        pack_text += "\n"
    return pack_text + "\n" + block


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    ap.add_argument("--check", action="store_true", help="exit 1 if the pack is not up to date")
    args = ap.parse_args(argv)

    text = args.pack.read_text(encoding="utf-8")
    version, terms, stats = derive(text)
    new = splice(text, render(version, terms))
    tomllib.loads(new)  # the result must stay valid TOML

    if args.check:
        if new != text:
            print(f"{args.pack}: general-evaluative is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{args.pack}: up to date ({stats['generated']} generated terms)")
        return 0
    args.pack.write_text(new, encoding="utf-8")
    print(
        f"{args.pack}: wrote {stats['generated']} terms from vaderSentiment {version} "
        f"({stats['lexicon']} lexicon entries; {stats['single_words_over_threshold']} single words "
        f"with |valence| >= {MIN_ABS_VALENCE}; {stats['after_stoplist']} after stoplists; "
        f"{stats['after_hand_written']} after hand-written overlap)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
