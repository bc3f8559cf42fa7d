"""The library runs without network and without NLTK data: nothing is downloaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PARAGRAPH = (
    "Overnight strikes damaged energy infrastructure in at least four regions, cutting power "
    "to roughly 1.2m households, the grid operator said. Repair crews restored electricity to "
    "most of the capital by Tuesday afternoon, but outages continued in the east. “We are "
    "working around the clock,” the operator’s chief executive told reporters. Why was the "
    "network left so exposed? Officials did not say! The U.S. embassy said it would send "
    "transformers and generators worth $100m before the winter."
)

# Runs in a fresh interpreter: every socket is refused (and the attempt
# recorded), nltk.download raises, NLTK_DATA points at an empty folder.
SCRIPT = textwrap.dedent("""
    import json, socket, sys

    attempts = []

    class NoNetwork(socket.socket):
        def __init__(self, *args, **kwargs):
            attempts.append(("socket", repr(args)))
            raise OSError("network disabled by test_offline")

    def refuse(name):
        def refused(*args, **kwargs):
            attempts.append((name, repr(args)))
            raise OSError("network disabled by test_offline")
        return refused

    socket.socket = NoNetwork
    socket.create_connection = refuse("create_connection")
    socket.getaddrinfo = refuse("getaddrinfo")

    import nltk

    downloads = []

    def no_download(*args, **kwargs):
        downloads.append(repr(args))
        raise RuntimeError("nltk.download called")

    nltk.download = no_download

    from framing import Document
    from framing.analysis import Analyzer
    from framing.measures.style import readability, sentence_sentiment
    from framing.text import segment

    text = sys.stdin.read()
    seg = segment(text)
    scores = readability(text)
    sentiment = sentence_sentiment(text, seg.sentences)
    analysis = Analyzer(lexicons=[], measures=["style"]).analyze([Document(id="p", text=text)])
    print(json.dumps({
        "n_sentences": seg.n_sentences,
        "readability": scores,
        "n_sentiment_rows": len(sentiment),
        "style": analysis[0].to_dict()["style"],
        "skipped": analysis[0].skipped,
        "attempts": attempts,
        "downloads": downloads,
        "textstat_imported": "textstat" in sys.modules,
    }))
""")


def test_segmentation_readability_and_sentiment_run_offline(tmp_path):
    """With sockets refused and no NLTK data, segmentation, readability and sentiment still
    work, nothing tries to connect and nltk.download is never called."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {
        **os.environ,
        "NLTK_DATA": str(empty),
        "HOME": str(tmp_path),  # no ~/nltk_data either
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.run([sys.executable, "-c", SCRIPT], input=PARAGRAPH, capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["attempts"] == []
    assert out["downloads"] == []
    assert not out["textstat_imported"]
    assert out["skipped"] is None
    assert out["n_sentences"] >= 5
    assert out["n_sentiment_rows"] == out["n_sentences"]
    assert all(isinstance(v, float) for v in out["readability"].values())
    style = out["style"]
    assert style["flesch_reading_ease"] == out["readability"]["flesch_reading_ease"]
    assert style["n_rhetorical_questions"] == 1
    assert style["n_exclamations"] == 1
    assert isinstance(style["sentiment_compound_mean"], float)
