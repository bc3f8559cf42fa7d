"""Analysis throughput (MB/s, one process) with the attribution measure on.

Prints three figures on the same documents: segmentation and lexicon matching
alone (the shared cost every measure reads), the attribution rules alone on
top of that, and the whole analysis with attribution (segmentation, matching,
attribution and the voice overlay it feeds).

Each figure is given for wall-clock time and for CPU time of this process
(the second is steadier on a shared machine).

Run: python benchmarks/bench_attribution.py [--mb 5]
"""

from __future__ import annotations

import argparse
import time

from _corpus import megabytes, news_texts, repeated

from framing import Document
from framing.analysis import Analyzer, DocumentContext
from framing.attribution import extract_attributions, target_types

PACKS = ["reporting-verbs-en", "source-cues-en", "targets-ukraine-war"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of text to analyse")
    args = parser.parse_args()
    base = news_texts()
    texts = repeated(base, int(args.mb * 1e6))
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    mb = megabytes(texts)
    analyzer = Analyzer(lexicons=PACKS, measures=["attribution"])
    analyzer.analyze(docs[:2])  # load the packs and the sentence splitter outside the timing
    print(f"text: {len(base)} distinct documents repeated to {len(docs)} documents, {mb:.1f} MB")

    contexts = [DocumentContext(d, analyzer._matcher, analyzer._lexicons, ("attribution",))
                for d in docs]
    types = target_types(analyzer._lexicons)

    def shared() -> str:
        n_matches = sum(len(ctx.matches) for ctx in contexts)  # segments, then matches
        return f"{n_matches} matches"

    def rules() -> str:
        n = sum(len(extract_attributions(ctx.text, ctx.segmentation, ctx.matches, types=types))
                for ctx in contexts)
        return f"{n} attributions"

    def analysis() -> str:
        result = analyzer.analyze(docs)
        return f"{sum(len(d.results['attribution'].attributions) for d in result)} attributions"

    for label, func in (("segmentation + matching", shared), ("attribution rules alone", rules),
                        ("analysis with attribution", analysis)):
        wall, cpu = time.perf_counter(), time.process_time()
        what = func()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{label:26s} {mb / wall:6.2f} MB/s wall, {mb / cpu:6.2f} MB/s CPU ({what})")


if __name__ == "__main__":
    main()
