"""Throughput of the whole analysis (MB/s), by measure and with two processes.

Run: python benchmarks/bench_analyze.py [--mb 4]
"""

from __future__ import annotations

import argparse
import time

from _corpus import megabytes, news_texts, repeated

from framing.analysis import Analyzer
from framing.document import Document
from framing.measures import MEASURES

CONFIGURATIONS: list[tuple[str, list[str] | None, int]] = [
    ("naming (segmentation + matching)", ["naming"], 1),
    ("loaded", ["loaded"], 1),
    ("style", ["style"], 1),
    ("attribution", ["attribution"], 1),
    ("stance (with style, attribution)", ["stance", "style", "attribution"], 1),
    ("all measures", None, 1),
    ("all measures, 2 processes", None, 2),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text to analyse")
    args = parser.parse_args()
    texts = repeated(news_texts(), int(args.mb * 1e6))
    docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    print(f"text: {len(docs)} documents, {megabytes(texts):.1f} MB; measures: {', '.join(MEASURES)}")
    for label, measures, n_jobs in CONFIGURATIONS:
        if measures and not set(measures) <= set(MEASURES):
            continue
        analyzer = Analyzer(measures=measures, n_jobs=n_jobs, progress=False)
        analyzer.analyze(docs[:2])  # load lexicons and resources outside the timing
        start = time.perf_counter()
        analyzer.analyze(docs)
        elapsed = time.perf_counter() - start
        print(f"{label:38s} {megabytes(texts) / elapsed:6.2f} MB/s  ({elapsed:.1f} s)")


if __name__ == "__main__":
    main()
