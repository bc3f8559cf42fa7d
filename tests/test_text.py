"""Segmentation: sentences, tokens, quotations, scare quotes and voices."""

from __future__ import annotations

import numpy as np
import pytest

from framing.text import (
    AUTHORIAL, QUOTED, REPORTED, SCARE_QUOTED, VoiceMap, find_quotations, segment, split_sentences,
    tokenize,
)


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def quotes(text: str) -> list[tuple[str, str]]:
    return [(q.kind, text[q.content_start:q.content_end]) for q in find_quotations(text)]


@pytest.mark.parametrize("token", [
    "NATO’s", "NATO's", "US-Russian", "Article-5-level", "€135.7bn", "$100m", "U.S.", "28-point",
    "don’t", "1,000", "4.5%", "Zaporizhzhia",
])
def test_tokenizer_keeps_token_whole(token: str) -> None:
    assert words(f"They discussed {token} today.") == ["They", "discussed", token, "today"]


def test_tokens_are_offsets_into_the_original_text() -> None:
    text = "Kyiv,\r\n  “Moscow’s” plan—rejected…"
    spans = tokenize(text)
    assert [text[s:e] for s, e in spans] == ["Kyiv", "Moscow’s", "plan", "rejected"]
    assert spans.dtype == np.int64 and spans.shape == (4, 2)


def test_punctuation_and_quotation_marks_are_not_tokens() -> None:
    assert words("‘aid’ — “peace”!") == ["aid", "peace"]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Gen. Syrskyi met Mr. Rutte in the U.S. on Monday. Dr. Kowalczyk disagreed."
    assert sentences(text) == ["Gen. Syrskyi met Mr. Rutte in the U.S. on Monday.",
                               "Dr. Kowalczyk disagreed."]


def test_headline_and_bullets_are_their_own_sentences() -> None:
    text = ("Kremlin Studies New Proposal\n\nMoscow received the draft on Friday.\n"
            "Details:\n► The plan caps the army at 600,000\n► It freezes the front line\n")
    assert sentences(text) == ["Kremlin Studies New Proposal", "Moscow received the draft on Friday.",
                               "Details:", "► The plan caps the army at 600,000",
                               "► It freezes the front line"]


def test_wrapped_line_that_continues_in_lowercase_stays_one_sentence() -> None:
    text = "The envoy said the talks in Geneva would\ncontinue next week. Nobody objected."
    assert sentences(text) == ["The envoy said the talks in Geneva would\ncontinue next week.",
                               "Nobody objected."]


def test_closing_quote_after_full_stop_stays_with_its_sentence() -> None:
    text = 'He said: "We will not retreat." Then he left.'
    assert sentences(text) == ['He said: "We will not retreat."', "Then he left."]


@pytest.mark.parametrize("text, expected", [
    ('Peskov said: "The door remains open." ', [("quotation", "The door remains open.")]),
    ("Peskov said: “The door remains open.” ", [("quotation", "The door remains open.")]),
    ("Zelensky told them: ‘you don’t have the cards’.", [("quotation", "you don’t have the cards")]),
    ("Zelensky told them: 'we don't have the cards'.", [("quotation", "we don't have the cards")]),
])
def test_quotation_marks_of_every_style(text: str, expected: list[tuple[str, str]]) -> None:
    assert quotes(text) == expected


@pytest.mark.parametrize("text", [
    "NATO’s summit and Zelensky’s office issued statements.",
    "The Ukrainians’ resolve and the Europeans' money were discussed.",
    "Prices in the ’90s were lower; rock ’n’ roll was louder.",
])
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert quotes(text) == []


def test_nested_quotation_inside_a_quotation() -> None:
    text = '“They call it ‘liberation’, but it is occupation,” the mayor said.'
    found = find_quotations(text)
    assert [(q.depth, text[q.content_start:q.content_end]) for q in found] == [
        (0, "They call it ‘liberation’, but it is occupation,"), (1, "liberation")]


def test_quotation_continued_into_the_next_paragraph() -> None:
    text = ("“We will rebuild the grid,” the minister said. “Every substation will be repaired.\n\n"
            "“Winter will not break us,” she added.")
    found = quotes(text)
    assert found[0] == ("quotation", "We will rebuild the grid,")
    assert found[1][1].startswith("Every substation") and found[1][1].endswith("break us,")
    assert len(found) == 2


def test_unbalanced_quotation_is_closed_at_the_paragraph_end() -> None:
    text = 'The spokesman said: "We reject this plan entirely.\n\nThe next paragraph is the writer\'s.'
    found = find_quotations(text)
    assert len(found) == 1 and not found[0].closed
    assert text[found[0].content_start:found[0].content_end] == "We reject this plan entirely."
    seg = segment(text)
    assert seg.voice.voice_at(text.index("next paragraph")) == AUTHORIAL


@pytest.mark.parametrize("text", ['""""', "“”“”", "''''", '"', "‘", "’’’"])
def test_only_quotation_marks_never_crash(text: str) -> None:
    seg = segment(text)
    assert seg.n_tokens == 0


@pytest.mark.parametrize("text, scare", [
    ("Washington’s ‘peace’ plan stalled.", "peace"),
    ("The so-called ‘coalition of the willing’ met again.", "coalition of the willing"),
    ('The bloc sent more "aid" to the front.', "aid"),
    ("It was a “very good” call, the readout suggested nothing more.", "very good"),
])
def test_short_embedded_phrase_without_speaker_is_a_scare_quote(text: str, scare: str) -> None:
    assert ("scare_quote", scare) in quotes(text)


@pytest.mark.parametrize("text, content", [
    ("Putin’s aide rejected it, describing it as ‘unconstructive’.", "unconstructive"),
    ("She promised not to ‘betray’ Ukraine.", "betray"),
    ("Ministers claimed the plan “threatened their security” and left.", "threatened their security"),
    ('"Never," the minister said.', "Never,"),
    ('"No deal." The delegation walked out.', "No deal."),
    ("The spokesman said: “Nonsense.”", "Nonsense."),
])
def test_attributed_short_quotation_is_not_a_scare_quote(text: str, content: str) -> None:
    assert ("quotation", content) in quotes(text)


def test_long_embedded_quotation_is_not_a_scare_quote() -> None:
    text = "The draft proposes to ‘rebuild and invest in the country for the long term’ with allies."
    assert quotes(text)[0][0] == "quotation"


def test_voice_of_tokens() -> None:
    text = 'The “peace” plan, he said, was "a step towards surrender" for Kyiv.'
    seg = segment(text)
    voices = {text[s:e]: seg.voice.voice_at(s) for s, e in seg.tokens}
    assert voices["plan"] == AUTHORIAL
    assert voices["peace"] == SCARE_QUOTED
    assert voices["surrender"] == QUOTED
    assert voices["Kyiv"] == AUTHORIAL
    assert seg.tokens_per_voice() == {AUTHORIAL: 7, QUOTED: 4, REPORTED: 0, SCARE_QUOTED: 1}


def test_overlay_marks_reported_speech_but_keeps_quotations() -> None:
    text = 'He claimed that the so-called "aid" was theft and the war was over.'
    seg = segment(text)
    start = text.index("the ")
    voice = seg.voice.overlay([(start, len(text) - 1)])
    assert voice.voice_at(text.index("theft")) == REPORTED
    assert voice.voice_at(text.index("aid")) == SCARE_QUOTED
    assert voice.voice_at(text.index("claimed")) == AUTHORIAL


def test_empty_voice_map_is_all_authorial() -> None:
    vm = VoiceMap.from_quotations([])
    assert vm.voice_at(0) == AUTHORIAL
    assert list(vm.codes_at(np.array([0, 5, 100]))) == [0, 0, 0]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\x00\x00\x00", "a" * 10_000, "…" * 50])
def test_degenerate_text_segments_without_error(text: str) -> None:
    seg = segment(text)
    assert seg.tokens.shape[1] == 2 and seg.sentences.shape[1] == 2


def test_segment_rejects_bytes() -> None:
    with pytest.raises(TypeError):
        segment(b"bytes are not text")  # type: ignore[arg-type]


def _punkt_only(text: str) -> list[tuple[int, int]]:
    from framing import resources
    from framing.text import _blocks

    punkt = resources.sentence_splitter()
    return [(b + s, b + e) for b, be in _blocks(text) for s, e in punkt.span_tokenize(text[b:be])]


@pytest.mark.parametrize("text", [
    "He left. She stayed! Why? Nobody knew.",
    "Gen. Smith met Mr. Jones. Then the U.S. delegation left.",
    "The deal was signed in 2025. The war went on.",
    "It cost $5.5bn. Officials said so... Perhaps not. e.g. this one.",
    "“We will win.” The crowd cheered. ‘Never!’ said another.",
    "He said “no.” then walked off. J. R. Smith agreed. Prof. Lee did not.",
])
def test_sentence_fast_path_equals_punkt(text: str) -> None:
    assert [tuple(s) for s in split_sentences(text).tolist()] == _punkt_only(text)


def test_sentence_fast_path_equals_punkt_on_the_demo_corpus(demo_dir) -> None:
    for path in sorted(demo_dir.glob("texts/*.txt")):
        text = path.read_text(encoding="utf-8")
        assert [tuple(s) for s in split_sentences(text).tolist()] == _punkt_only(text), path.name
