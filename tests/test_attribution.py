"""Attribution extraction: each construction, the non-attributions, and the measure's output."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import Document
from framing.analysis import Analyzer, DocumentContext
from framing.attribution import Attribution

PACKS = ["reporting-verbs-en", "source-cues-en", "targets-ukraine-war"]
SPAN_KEYS = {"kind", "start", "end", "text", "attribution_kind", "cue_start", "cue_end", "verb",
             "verb_class", "speaker", "speaker_start", "speaker_end", "speaker_inferred",
             "source_type", "target", "content_start", "content_end"}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(lexicons=PACKS, measures=["attribution"])


@pytest.fixture(scope="module")
def attrs(analyzer):
    """Attributions of one text, in text order."""
    def run(text: str) -> list[Attribution]:
        result = analyzer.analyze([Document(id="t", text=text)])[0]
        res = result.results.get("attribution")  # absent when the text is skipped (empty)
        return list(res.attributions) if res is not None else []
    return run


def one(atts: list[Attribution], verb: str) -> Attribution:
    found = [a for a in atts if a.verb == verb]
    assert len(found) == 1, [(a.verb, a.speaker, a.content) for a in atts]
    return found[0]


def content(a: Attribution) -> str:
    return a.content


# ---------------------------------------------------------------------------
# Direct quotations


def test_speaker_before_a_colon_and_quotation(attrs) -> None:
    a = one(attrs('Putin stated: "We are ready for such a discussion."'), "state")
    assert (a.kind, a.speaker, a.content) == ("direct", "Putin", "We are ready for such a discussion.")


def test_quotation_then_speaker_and_verb(attrs) -> None:
    a = one(attrs('"We have seen the reports in the media," Peskov told reporters.'), "tell")
    assert (a.kind, a.speaker) == ("direct", "Peskov")
    assert a.content == "We have seen the reports in the media,"


def test_inverted_speaker_with_title(attrs) -> None:
    a = one(attrs('"It does not suit us at all," said presidential aide Yuri Ushakov.'), "say")
    assert a.kind == "direct"
    assert a.speaker == "presidential aide Yuri Ushakov"
    assert a.speaker_normalized == "Yuri Ushakov"
    assert a.target == "russia"


def test_speaker_inside_a_split_quotation(attrs) -> None:
    text = '"The first draft read like a list of demands," said Hanna Lindqvist, "and the second is no better."'
    atts = attrs(text)
    assert len(atts) == 1
    a = atts[0]
    assert (a.kind, a.speaker, a.continued) == ("direct", "Hanna Lindqvist", True)
    assert a.content.startswith("The first draft") and a.content.endswith("no better.")


def test_quotation_continued_in_the_next_sentence(attrs) -> None:
    text = '"What remains will take more time," Rubio told reporters. "But none of it is insurmountable."'
    atts = attrs(text)
    assert len(atts) == 1 and atts[0].continued and atts[0].speaker == "Rubio"
    assert atts[0].content.startswith("What remains")
    assert atts[0].content.endswith("But none of it is insurmountable.")


def test_split_quotation_keeps_the_quoted_voice(analyzer) -> None:
    text = '"The plan is dead," Lavrov said. "It was a capitulation."'
    ctx = DocumentContext(Document(id="t", text=text), analyzer._matcher, analyzer._lexicons,
                          ("attribution",))
    assert ctx.voice_of(text.index("capitulation")) == "quoted"
    assert ctx.voice_of(text.index("Lavrov")) == "authorial"


def test_quotation_continued_across_paragraphs(attrs) -> None:
    text = ('Umerov said: "Our delegations reached a common understanding.\n\n'
            '"Ukraine is ready to move forward."')
    a = one(attrs(text), "say")
    assert a.kind == "direct" and a.speaker == "Umerov"
    assert a.content.startswith("Our delegations") and "ready to move forward" in a.content


def test_title_apposition_between_quotation_and_speaker(attrs) -> None:
    text = '"There is no encirclement," Ukraine’s commander-in-chief, Oleksandr Syrskyi, said.'
    a = one(attrs(text), "say")
    assert (a.kind, a.speaker, a.content) == ("direct", "Oleksandr Syrskyi", "There is no encirclement,")


def test_quotation_after_a_parenthetical(attrs) -> None:
    text = "In 1917 Lenin said, in the absence of revolution, ‘peace will be only a truce.’"
    a = one(attrs(text), "say")
    assert (a.kind, a.speaker, a.content) == ("direct", "Lenin", "peace will be only a truce.")


def test_a_finished_quotation_is_not_the_next_speakers(attrs) -> None:
    text = ('Von der Leyen said in a statement: "Borders cannot be changed by force." '
            "Merz told reporters he did not expect a breakthrough.")
    atts = attrs(text)
    merz = one(atts, "tell")
    assert merz.kind == "indirect" and merz.content == "he did not expect a breakthrough"


# ---------------------------------------------------------------------------
# Partial quotations


def test_characterisation_in_quotation_marks(attrs) -> None:
    text = "Moscow dismissed the draft, with Putin’s senior foreign policy aide describing it as ‘unhelpful’."
    a = one(attrs(text), "describe")
    assert (a.kind, a.content) == ("partial", "unhelpful")
    assert a.speaker == "Putin’s senior foreign policy aide"
    assert (a.source_type, a.target) == ("official-role", "russia")


def test_quoted_word_inside_a_participial_clause(attrs) -> None:
    text = "Zelensky has opposed the plan, promising not to ‘betray’ Ukraine."
    a = one(attrs(text), "promise")
    assert a.kind == "partial" and a.speaker == "Zelensky"
    assert a.content == "not to ‘betray’ Ukraine"


def test_quoted_phrase_inside_reported_speech(attrs) -> None:
    a = one(attrs('Rubio said the talks had been "very productive".'), "say")
    assert a.kind == "partial" and a.content == 'the talks had been "very productive"'


def test_naming_verb_with_a_quoted_label(attrs) -> None:
    a = one(attrs('Lawmakers called the draft "a capitulation document."'), "call")
    assert a.kind == "partial" and a.content == "a capitulation document."


# ---------------------------------------------------------------------------
# Reported speech


@pytest.mark.parametrize("text", ["Peskov said that Moscow had not received the text.",
                                  "Peskov said Moscow had not received the text."])
def test_said_with_and_without_that(attrs, text) -> None:
    a = one(attrs(text), "say")
    assert (a.kind, a.speaker, a.content) == ("indirect", "Peskov", "Moscow had not received the text")


def test_distancing_verb(attrs) -> None:
    a = one(attrs("Witkoff claims they match NATO-style protection, though critics doubt it."), "claim")
    assert (a.verb_class, a.speaker, a.target) == ("distancing", "Witkoff", "us")
    assert a.content == "they match NATO-style protection"


def test_denounced_as(attrs) -> None:
    a = one(attrs("Ukraine denounced the plan as capitulation."), "denounce")
    assert (a.verb_class, a.source_type, a.content) == ("evaluative", "country", "capitulation")


def test_warned(attrs) -> None:
    a = one(attrs("Lavrov warned that the situation would be different."), "warn")
    assert (a.verb_class, a.content) == ("evaluative", "the situation would be different")


def test_told_addressee_then_content(attrs) -> None:
    text = "Rubio told journalists after the Geneva meeting that the talks had gone well."
    a = one(attrs(text), "tell")
    assert a.content == "the talks had gone well"


@pytest.mark.parametrize("text, speaker, content_", [
    ("According to media reports, the document was drafted in Moscow.", "media reports",
     "the document was drafted in Moscow"),
    ("Driscoll met a Russian delegation, according to U.S. officials.", "U.S. officials",
     "Driscoll met a Russian delegation"),
])
def test_according_to(attrs, text, speaker, content_) -> None:
    a = one(attrs(text), "according to")
    assert (a.kind, a.speaker, a.content) == ("according-to", speaker, content_)
    assert a.anonymous


@pytest.mark.parametrize("text, verb", [
    ("The Kremlin stayed silent, stating they had received no revised draft.", "state"),
    ("Trump spoke with Xi by phone, noting that they had covered trade and energy.", "note"),
])
def test_participle_takes_the_clause_subject(attrs, text, verb) -> None:
    a = one(attrs(text), verb)
    assert a.speaker in ("The Kremlin", "Trump")
    assert a.content.startswith("they had")


def test_participle_without_content_is_not_an_attribution(attrs) -> None:
    text = '"The text is better," a senior diplomat said, speaking on condition of anonymity.'
    assert [a.verb for a in attrs(text)] == ["say"]


def test_coordinated_verbs_share_the_subject(attrs) -> None:
    text = "Zelensky claimed that Ukraine was suffering and alleged that it was being blackmailed."
    atts = attrs(text)
    claim, allege = one(atts, "claim"), one(atts, "allege")
    assert claim.speaker == allege.speaker == "Zelensky"
    assert claim.content == "Ukraine was suffering"
    assert allege.content == "it was being blackmailed"


def test_what_x_calls_y(attrs) -> None:
    text = 'Russia would continue what Moscow calls its "special military operation" until victory.'
    a = one(attrs(text), "call")
    assert (a.speaker, a.kind, a.content) == ("Moscow", "partial", "special military operation")


def test_speaker_with_a_participial_postmodifier(attrs) -> None:
    text = "A senior Ukrainian official involved in the talks said the text was still changing."
    a = one(attrs(text), "say")
    assert a.speaker == "A senior Ukrainian official involved in the talks" and a.anonymous


def test_abbreviated_month_before_that(attrs) -> None:
    a = one(attrs("Klymenko told journalists on Nov. 17 that more suspects would follow."), "tell")
    assert a.content == "more suspects would follow"


def test_passive_with_a_named_place_as_source(attrs) -> None:
    text = "A rival document was dismissed in Moscow as an attempt to wreck the process."
    a = one(attrs(text), "dismiss")
    assert (a.speaker, a.source_type, a.content) == ("Moscow", "country",
                                                     "an attempt to wreck the process")


def test_characterisation_in_a_writers_appositive_is_its_own_attribution(attrs) -> None:
    text = ("Starmer boasted that the force stood ready to deploy, a step Moscow has "
            "repeatedly described as unacceptable.")
    atts = attrs(text)
    assert one(atts, "boast").content == "the force stood ready to deploy"
    assert (one(atts, "describe").speaker, one(atts, "describe").content) == ("Moscow", "unacceptable")


def test_subject_with_a_determiner_before_a_relative_clause(attrs) -> None:
    text = ("The 7th Rapid Response Corps of the Air Assault Forces, which holds the sector, "
            "said several hundred soldiers had slipped into the city.")
    a = one(attrs(text), "say")
    assert a.speaker == "The 7th Rapid Response Corps of the Air Assault Forces"
    assert a.source_type == "institution"


def test_capitalised_name_particle_is_part_of_the_name(attrs) -> None:
    a = one(attrs('"Belgium cannot be left holding the bill," De Wever told lawmakers.'), "tell")
    assert a.speaker == "De Wever"


def test_coordinated_adjectives_do_not_reach_across_a_comma(attrs) -> None:
    text = "Troops pushed into Pokrovsk, Ukrainian and Russian officials said on Wednesday."
    a = one(attrs(text), "say")
    assert a.speaker == "Ukrainian and Russian officials"
    assert a.content == "Troops pushed into Pokrovsk"


def test_speaker_before_appositives(attrs) -> None:
    text = ("Andrei Yermak, the head of Zelensky's office, who led the delegation, argued "
            "that Kyiv would not give up territory.")
    a = one(attrs(text), "argue")
    assert a.speaker == "Andrei Yermak" and a.content == "Kyiv would not give up territory"


def test_final_cue_takes_the_clause_before(attrs) -> None:
    a = one(attrs("A drone attack killed several people, city officials said."), "say")
    assert a.content == "A drone attack killed several people"
    assert a.speaker == "city officials" and a.anonymous


def test_parenthetical_cue_reports_both_sides(attrs, analyzer) -> None:
    text = "Without new financing, officials in Kyiv said, Ukraine could struggle to pay soldiers."
    a = one(attrs(text), "say")
    assert a.speaker == "officials in Kyiv" and a.anonymous and a.target == "ukraine"
    assert [text[s:e] for s, e in a.reported] == ["Without new financing",
                                                  "Ukraine could struggle to pay soldiers"]


def test_dateline_is_not_content(attrs) -> None:
    text = "MOSCOW, November 24 (Wire) - Moscow remains open to talks, Kremlin spokesman Dmitry Peskov said."
    a = one(attrs(text), "say")
    assert a.content == "Moscow remains open to talks"
    assert a.speaker_normalized == "Dmitry Peskov" and a.source_type == "person"


@pytest.mark.parametrize("text, content_", [
    ("It was reported that the talks had stalled.", "the talks had stalled"),
    ("The envoy is said to have left Moscow.", "The envoy is said to have left Moscow"),
])
def test_agentless_passives(attrs, text, content_) -> None:
    a = next(a for a in attrs(text) if a.verb in ("report", "say"))
    assert a.speaker is None and a.speaker_start is None
    assert a.source_type == "anonymous" and a.anonymous
    assert a.content == content_


# ---------------------------------------------------------------------------
# Anonymous and vague sources


@pytest.mark.parametrize("text, speaker", [
    ("Officials said the document had been cut to 19 points.", "Officials"),
    ("Two sources familiar with the talks said the meeting went ahead.",
     "Two sources familiar with the talks"),
    ("A senior official said the meeting went ahead.", "A senior official"),
    ("Diplomats said the meeting went ahead.", "Diplomats"),
    ("European and Ukrainian officials describe the assurances as vague.",
     "European and Ukrainian officials"),
    ("Analysts in Moscow say the same is true of refineries.", "Analysts in Moscow"),
])
def test_anonymous_sources(attrs, text, speaker) -> None:
    a = attrs(text)[0]
    assert a.speaker == speaker
    assert a.anonymous and a.source_type == "anonymous"


def test_the_source_refers_back_to_an_anonymous_source(attrs) -> None:
    text = ('A source in the General Staff told the Ledger that no order had been given. '
            '"Nobody is going to hand over a city," the source said.')
    atts = attrs(text)
    assert all(a.anonymous for a in atts) and len(atts) == 2


# ---------------------------------------------------------------------------
# Source types and targets


@pytest.mark.parametrize("text, source_type, target", [
    ("The Financial Times reported a new deal had been agreed.", "media", None),
    ("The Kremlin said it had not seen the text.", "institution", "russia"),
    ("Moscow says its strikes target military sites.", "country", "russia"),
    ("The delegations issued a joint statement describing the meeting as constructive.",
     "document", None),
    ("Witkoff claims they approach protection.", "person", "us"),
    ("The Central Bank of Russia claimed that it would sue.", "institution", "russia"),
])
def test_source_type_and_target(attrs, text, source_type, target) -> None:
    a = attrs(text)[0]
    assert (a.source_type, a.target) == (source_type, target)


# ---------------------------------------------------------------------------
# Pronoun speakers


def test_he_is_linked_to_the_person_named_before(attrs) -> None:
    text = ("Talks froze after Putin toughened his stance at a regional forum. "
            "There, he claimed the war had been provoked by NATO.")
    a = one(attrs(text), "claim")
    assert a.speaker == "he" and a.speaker_inferred
    assert a.speaker_normalized == "Putin" and a.target == "russia"
    assert text[a.antecedent_start:a.antecedent_end] == "Putin"


def test_they_is_linked_to_a_group_speaker(attrs) -> None:
    text = ("European governments claimed the draft endangered their defence, though they later "
            "said the talks were constructive.")
    a = one(attrs(text), "say")
    assert a.speaker == "they" and a.speaker_inferred
    assert a.speaker_normalized == "European governments"


def test_pronoun_prefers_the_speaker_of_the_previous_sentence(attrs) -> None:
    text = ('"It is premature," Peskov said after talks with Trump. He added that Moscow would wait.')
    a = one(attrs(text), "add")
    assert a.speaker_normalized == "Peskov"


def test_pronoun_takes_a_role_subject_named_before(attrs) -> None:
    text = 'A former US ambassador was blunt. "That is not mediation," she said.'
    a = one(attrs(text), "say")
    assert a.speaker_inferred and a.speaker_normalized == "former US ambassador"


def test_unresolved_pronoun_is_not_inferred(attrs) -> None:
    a = one(attrs("He said the talks went well."), "say")
    assert a.speaker == "He" and not a.speaker_inferred and a.antecedent_start is None


# ---------------------------------------------------------------------------
# Not attributions


@pytest.mark.parametrize("text", [
    "The said agreement was signed in Geneva.",
    "Claims of fraud were dismissed by the court.",
    "He published a report on energy.",
    "Russia's claims about the strikes were rejected.",
    "He did not say whose balance sheets it improves.",
    "Xi and Trump held a phone call on Ukraine.",
    "The US revealed its 28-point plan.",
    "Speaking at the summit was a waste of time.",
    "The assets were about to be claimed by Washington.",
    "Kyiv denied it.",
    "Brussels learns to plunder with a legal opinion.",
    "Moscow will likely conclude that Western allies can be waited out.",
])
def test_not_attributions(attrs, text) -> None:
    assert attrs(text) == []


def test_cues_inside_a_quotation_are_the_quoted_speakers(attrs) -> None:
    text = '"They said it could not be done," Rutte said.'
    atts = attrs(text)
    assert [a.speaker for a in atts] == ["Rutte"]


def test_sentence_initial_participle_does_not_double_the_attribution(attrs) -> None:
    atts = attrs("Speaking at the White House, Trump said he wanted a deal that lasts.")
    assert [(a.verb, a.speaker) for a in atts] == [("say", "Trump")]


# ---------------------------------------------------------------------------
# Output: spans, voice, summary and tables


def test_spans_have_the_contract_fields(analyzer) -> None:
    text = "Witkoff claims they approach Article-5-level protection."
    result = analyzer.analyze([Document(id="t", text=text)])[0]
    spans = [s for s in result.spans if s["kind"] == "attribution"]
    assert len(spans) == 1 and SPAN_KEYS <= set(spans[0])
    s = spans[0]
    assert text[s["start"]:s["end"]] == s["text"]
    assert text[s["cue_start"]:s["cue_end"]] == "claims"
    assert text[s["speaker_start"]:s["speaker_end"]] == s["speaker"] == "Witkoff"
    assert text[s["content_start"]:s["content_end"]] == "they approach Article-5-level protection"
    assert (s["attribution_kind"], s["verb"], s["verb_class"], s["source_type"], s["target"],
            s["speaker_inferred"]) == ("indirect", "claim", "distancing", "person", "us", False)


def test_reported_content_takes_the_reported_voice(analyzer) -> None:
    text = "Ukraine denounced the plan as capitulation."
    ctx = DocumentContext(Document(id="t", text=text), analyzer._matcher, analyzer._lexicons,
                          ("attribution",))
    assert ctx.voice_of(text.index("capitulation")) == "reported"
    assert ctx.voice_of(text.index("plan")) == "authorial"


def test_direct_quotations_keep_the_quoted_voice(analyzer) -> None:
    text = '"We are ready," Putin said, and Lavrov said the plan was dead.'
    ctx = DocumentContext(Document(id="t", text=text), analyzer._matcher, analyzer._lexicons,
                          ("attribution",))
    assert ctx.voice_of(text.index("ready")) == "quoted"
    assert ctx.voice_of(text.index("dead")) == "reported"


def test_summary_counts_and_shares(analyzer) -> None:
    text = ('Officials said the talks stalled. Witkoff claims progress was made. '
            '"We are ready," Putin said.')
    result = analyzer.analyze([Document(id="t", text=text)])[0]
    summary = result.to_dict()["attribution"]
    assert summary["n"] == 3
    assert summary["by_kind"]["direct"] == 1 and summary["by_kind"]["indirect"] == 2
    assert summary["by_verb_class"] == {"neutral": 2, "distancing": 1, "endorsing": 0,
                                        "evaluative": 0}
    assert summary["anonymous_share"] == pytest.approx(1 / 3)
    assert 0 < summary["other_words_share"] < 1
    assert summary["by_target"]["us"]["by_verb_class"]["distancing"] == 1
    assert {s["speaker"] for s in summary["top_speakers"]} == {"Officials", "Witkoff", "Putin"}


def test_tables_have_one_row_per_attribution_and_one_per_document(analyzer) -> None:
    docs = [Document(id="a", text="Officials said the talks stalled. Putin said it was over."),
            Document(id="b", text="Nothing was said about it.")]
    analysis = analyzer.analyze(docs)
    rows = analysis.table("attributions")
    profile = analysis.table("attribution_profile")
    assert list(rows["document"]) == ["a", "a"]
    assert list(profile["document"]) == ["a", "b"]
    assert list(profile["n_attributions"]) == [2, 0]
    assert profile["share_direct"].isna().tolist() == [False, True]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    "Putin said", "he claimed", '"We are ready,"', "according to officials,", "the said deal",
    "Officials", "warned that", "the plan", ",", ".", ":", "‘peace’", "describing it as", "and",
    "\n\n", "Kremlin spokesman Dmitry Peskov", "told reporters", "it was reported that", "“",
]), max_size=30))
def test_offsets_always_index_the_text(attrs, parts) -> None:
    text = " ".join(parts)
    for a in attrs(text):
        assert 0 <= a.start <= a.cue_start < a.cue_end <= a.end <= len(text)
        assert a.content_start <= a.content_end and text[a.start:a.end] == a.text
        assert text[a.content_start:a.content_end] == a.content
        if a.speaker is not None:
            assert text[a.speaker_start:a.speaker_end] == a.speaker
