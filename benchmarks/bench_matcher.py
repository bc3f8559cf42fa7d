"""Lexicon matcher throughput on news text, in one process.

    python benchmarks/bench_matcher.py [--mb 2] [--repeat 3]

Text: the demo corpus (``corpora/demo/texts``) and the seed articles
(``../shared/seeds``, or ``$FRAMING_SHARED/seeds``), read at run time and
matched one document per call, as the analysis does; generated text when
neither is there. Lexicons: the shipped packs, and generated packs of 1,000
and 100,000 terms. The generated packs share the same 300 terms that occur
in the text (single words, word pairs, wildcards), so they find the same
matches; the rest is filler shaped like real terms that never completes a
match: made-up words, phrases that start with a real word, and wildcards that
start like real words. The real words that filler starts with come from one
pool (the 200 most frequent words of the text) in both packs, so the two
packs start terms at the same words of the text and differ only in size. The
cost per MB of the 100k pack over the 1k pack should stay at or below 1.5.

How often a lexicon starts a term at a word of the text matters more than its
size: each such word costs a step into the trie. ``--coverage`` draws the
filler's first words from the whole vocabulary of the text instead, so the
100k pack starts a term at nearly every word and the 1k pack at few; that
ratio measures coverage, not size.

Times are this process's CPU time (other processes on the machine do not
count). Prints, per lexicon: terms, compiled forms, compile time, MB/s of
``find(text, tokens)`` (tokens from the segmenter, as in the analysis) and of
``find(text)`` (tokenizing included), matches per KB, and MB/s of a first
pass of a new matcher over the distinct documents ("cold": the matcher
remembers what the trie says about each distinct word it meets, so repeated
text runs faster than text full of new words).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from framing.lexicon import Category, Lexicon, Matcher, Term, default_lexicons
from framing.text import tokenize

MAX_RATIO = 1.5
N_HITS = 300
_SYLLABLES = [c + v for c in "bcdfghjklmnpqrstvwxz" for v in "aeiouy"]


def news_texts() -> list[str]:
    """Demo corpus and seed articles, or generated text when neither is present."""
    shared = Path(os.environ.get("FRAMING_SHARED", REPO.parent / "shared"))
    paths = sorted((REPO / "corpora" / "demo" / "texts").glob("*.txt"))
    paths += sorted((shared / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return texts or generated_texts()


def generated_texts(n_docs: int = 40, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    common = ["the", "of", "and", "to", "in", "a", "that", "said", "for", "on", "with", "as",
              "was", "by", "it", "is", "from", "at", "his", "government", "minister", "forces",
              "war", "talks", "plan", "peace", "officials", "Russia", "Ukraine", "Kremlin",
              "Washington", "NATO", "European", "security", "troops", "ceasefire"]
    vocab = common + [pseudo_word(rng) for _ in range(3000)]
    docs = []
    for _ in range(n_docs):
        sentences = [" ".join(rng.choice(vocab if rng.random() < 0.3 else common)
                              for _ in range(rng.randint(8, 30))).capitalize() + "."
                     for _ in range(40)]
        docs.append(" ".join(sentences))
    return docs


def pseudo_word(rng: random.Random, syllables: tuple[int, int] = (2, 4)) -> str:
    """A made-up word that does not occur in English news text."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(*syllables))) + "q"


def text_terms(texts: list[str], rng: random.Random) -> list[str]:
    """Terms that occur in the text: single words, adjacent pairs and wildcards."""
    words = [w.lower() for t in texts for w in re.findall(r"[^\W\d_]{5,}", t)]
    counts = Counter(words)
    singles = [w for w, _ in counts.most_common(2000)[50:]]
    pairs = Counter(f"{a} {b}" for t in texts
                    for a, b in zip(re.findall(r"[^\W\d_]{4,}", t.lower()),
                                    re.findall(r"[^\W\d_]{4,}", t.lower())[1:]))
    terms = rng.sample(singles, min(len(singles), N_HITS // 2))
    terms += [p for p, _ in pairs.most_common(N_HITS // 3)]
    terms += sorted({w[:5] + "*" for w in rng.sample(singles, min(len(singles), N_HITS // 6))})
    return list(dict.fromkeys(terms))[:N_HITS]


def generated_lexicon(n_terms: int, texts: list[str], *, coverage: bool = False,
                      seed: int = 7) -> Lexicon:
    """A pack of ``n_terms`` terms: the shared text terms plus filler.

    The filler's real first words come from the 200 most frequent words of the
    text, or from its whole vocabulary when ``coverage`` is true.
    """
    rng = random.Random(seed)
    hits = text_terms(texts, random.Random(0))
    counts = Counter(w.lower() for t in texts for w in re.findall(r"[^\W\d_]+", t))
    if coverage:
        starts = sorted(counts)
        beginnings = sorted(w for w in counts if len(w) >= 4)
    else:
        starts = [w for w, _ in counts.most_common(200)]
        beginnings = [w for w, _ in counts.most_common() if len(w) >= 4][:50]
    terms = list(hits)
    seen = set(terms)
    k = 0
    while len(terms) < n_terms:
        roll = rng.random()
        k += 1
        if roll < 0.45:
            term = pseudo_word(rng)
        elif roll < 0.75:  # starts on a real word, then never continues
            term = f"{starts[k % len(starts)]} {pseudo_word(rng)}"
        elif roll < 0.9:
            term = f"{pseudo_word(rng)} {pseudo_word(rng)} {pseudo_word(rng, (1, 2))}"
        else:  # a wildcard that starts like a real word
            term = beginnings[k % len(beginnings)][:4] + pseudo_word(rng, (1, 2)) + "*"
        if term not in seen:
            seen.add(term)
            terms.append(term)
    n_categories = 20
    categories = []
    for c in range(n_categories):
        kind = ("loaded", "naming", "frame", "hedge")[c % 4]
        cid = f"{kind}-{c}"
        fields = {"loaded": {"polarity": -0.5, "intensity": 0.5},
                  "naming": {"perspective": "neutral"}, "frame": {},
                  "hedge": {"strength": 0.5}}[kind]
        chunk = terms[c::n_categories]
        categories.append(Category(id=cid, kind=kind, description=f"Generated {kind}",
                                   terms=tuple(Term(t, cid, **fields) for t in chunk)))
    return Lexicon(name=f"generated-{n_terms}", version="0", language="en",
                   description="Generated for the benchmark.", license="CC0-1.0",
                   sources=("benchmarks/bench_matcher.py",), categories=tuple(categories))


def timed(run) -> float:
    """CPU seconds of one call of ``run``."""
    start = time.process_time()
    run()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="MB of text per run (default 2)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the best counts")
    parser.add_argument("--coverage", action="store_true",
                        help="draw the filler's first words from the whole vocabulary")
    args = parser.parse_args()

    texts = news_texts()
    size = sum(len(t.encode("utf-8")) for t in texts)
    docs = texts * max(1, round(args.mb * 1e6 / size))
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    tokens = [tokenize(d) for d in docs]
    print(f"text: {len(texts)} news documents x {len(docs) // len(texts)} = {mb:.2f} MB, "
          f"one find() call per document, best of {args.repeat} interleaved runs")

    builds = {"shipped packs": default_lexicons}
    builds |= {f"generated {n:,}": lambda n=n: generated_lexicon(n, texts, coverage=args.coverage)
               for n in (1_000, 100_000)}
    rows: dict[str, dict] = {}
    # The shipped packs alone, then the generated pair interleaved, so that drift in
    # the machine's load hits both alike (and the 100k trie does not slow the others).
    for group in (["shipped packs"], ["generated 1,000", "generated 100,000"]):
        for label in group:
            lexicons = builds[label]()
            start = time.process_time()
            matcher = Matcher(lexicons)
            gc.collect()  # the collections a big new trie triggers belong to compiling it
            compile_s = time.process_time() - start
            cold = timed(lambda m=matcher: [m.find(d, t) for d, t in zip(texts, tokens)])
            rows[label] = {"matcher": matcher, "terms": len(lexicons.terms),
                           "forms": matcher.n_forms, "compile": compile_s,
                           "cold": size / 1e6 / cold, "tokens": float("inf"),
                           "text": float("inf"),
                           "matches": sum(len(matcher.find(d, t)) for d, t in zip(docs, tokens))}
        for _ in range(args.repeat):
            for label in group:
                m = rows[label]["matcher"]
                rows[label]["tokens"] = min(rows[label]["tokens"], timed(
                    lambda m=m: [m.find(d, t) for d, t in zip(docs, tokens)]))
                rows[label]["text"] = min(rows[label]["text"],
                                          timed(lambda m=m: [m.find(d) for d in docs]))
        for label in group:
            del rows[label]["matcher"]
        gc.collect()

    print(f"{'lexicon':<18}{'terms':>9}{'forms':>9}{'compile s':>11}"
          f"{'MB/s tokens':>13}{'MB/s text':>11}{'matches/KB':>12}{'MB/s cold':>11}")
    for label, row in rows.items():
        print(f"{label:<18}{row['terms']:>9,}{row['forms']:>9,}{row['compile']:>11.2f}"
              f"{mb / row['tokens']:>13.2f}{mb / row['text']:>11.2f}"
              f"{row['matches'] / mb / 1000:>12.1f}{row['cold']:>11.2f}")
    ratio = rows["generated 100,000"]["tokens"] / rows["generated 1,000"]["tokens"]
    verdict = "ok" if ratio <= MAX_RATIO else f"ABOVE {MAX_RATIO}"
    print(f"cost per MB, 100k terms / 1k terms: {ratio:.2f} ({verdict})")


if __name__ == "__main__":
    main()
