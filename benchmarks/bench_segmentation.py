"""Segmentation throughput (MB/s, one process) on news text.

Run: python benchmarks/bench_segmentation.py [--mb 10]
"""

from __future__ import annotations

import argparse
import time

from _corpus import megabytes, news_texts, repeated

from framing.text import find_quotations, segment, split_sentences, tokenize


def rate(func, docs: list[str]) -> float:
    start = time.perf_counter()
    for doc in docs:
        func(doc)
    return megabytes(docs) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0, help="megabytes of text to segment")
    args = parser.parse_args()
    base = news_texts()
    docs = repeated(base, int(args.mb * 1e6))
    segment(base[0])  # build the sentence splitter once, outside the timing
    print(f"text: {len(base)} distinct documents repeated to {len(docs)} documents, "
          f"{megabytes(docs):.1f} MB")
    print(f"sentences only:   {rate(split_sentences, docs):6.2f} MB/s")
    print(f"tokens only:      {rate(tokenize, docs):6.2f} MB/s")
    print(f"quotations only:  {rate(find_quotations, docs):6.2f} MB/s (includes its sentence split)")
    print(f"full segment():   {rate(segment, docs):6.2f} MB/s")
    big = "\n\n".join(base) * max(1, int(20e6 // sum(len(t) for t in base)))
    start = time.perf_counter()
    seg = segment(big)
    print(f"one {len(big) / 1e6:.0f} MB document: {time.perf_counter() - start:.1f} s, "
          f"{seg.n_sentences} sentences, {seg.n_tokens} tokens")


if __name__ == "__main__":
    main()
