"""Closed-class English words the attribution rules read.

Only small, closed word classes live here (pronouns, determiners, auxiliaries,
prepositions, complementizers, titles, name particles) plus a few short lists
of generic head nouns that say what kind of source a noun phrase names. Open
classes come from the lexicon packs: reporting verbs and their classes from
``reporting-verbs-en``, anonymous-source phrases from ``source-cues-en``, and
actors from the targets pack.
"""

from __future__ import annotations

import re

#: Pronouns that can be the subject of a reporting verb, with what they can
#: refer to: a single person, a group, or a single institution or country.
SUBJECT_PRONOUNS: dict[str, str] = {"he": "person", "she": "person", "they": "group", "it": "thing"}

#: First- and second-person pronouns: outside quotations they are the writer or
#: the reader, not a source.
NON_SOURCE_PRONOUNS = frozenset({"i", "we", "you", "one"})

#: Object pronouns that may follow ``told``/``assured``.
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "it", "you"})

#: Determiners and quantifiers that may open a noun phrase.
DETERMINERS = frozenset({
    "the", "a", "an", "this", "these", "those", "some", "several", "many", "most", "all",
    "both", "each", "every", "any", "no", "other", "another", "such", "few", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
    "numerous", "various", "multiple",
})
#: Determiners that mark a source as indefinite (``a senior official``).
INDEFINITE = frozenset({
    "a", "an", "some", "several", "many", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "dozens", "hundreds", "numerous", "various", "multiple",
    "other", "another", "few",
})
#: Possessive determiners: a reporting-verb form right after one is a noun (``his claims``).
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your", "whose"})

#: Auxiliaries and modals skipped between a subject and its verb.
AUXILIARIES = frozenset({
    "has", "have", "had", "having", "will", "would", "shall", "should", "can", "could", "may",
    "might", "must", "did", "does", "do", "is", "are", "was", "were", "be", "been", "being",
    "also", "then", "later", "again", "still", "already", "once", "now", "just", "since",
    "earlier", "subsequently", "previously", "initially", "meanwhile", "reportedly",
    "repeatedly", "openly", "privately", "publicly", "yesterday", "today", "tonight",
    "first", "last", "even", "too", "always", "often", "never", "ever", "however",
})
#: Forms of ``be``: ``be`` + participle of a reporting verb is a passive.
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s"})
#: Negation: a negated reporting verb reports nothing (``did not say``).
NEGATIONS = frozenset({"not", "never", "n't", "no"})

#: Words after which a new clause (and so a new subject) begins.
CLAUSE_OPENERS = frozenset({
    "and", "but", "or", "nor", "yet", "so", "while", "whereas", "although", "though", "as",
    "because", "since", "when", "whenever", "after", "before", "until", "if", "unless",
    "that", "where", "once", "even", "however", "meanwhile", "moreover", "there", "here",
    "then", "also", "thus", "hence", "instead", "indeed", "still",
})
#: Relative pronouns: the subject of a verb after one is the noun phrase before it.
RELATIVES = frozenset({"who", "which", "that"})
#: Complementizers that open the content of reported speech.
COMPLEMENTIZERS = frozenset({"that"})
#: Words that make a clause the content of a verb without ``that``.
WH_WORDS = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who", "which"})

#: Prepositions; a preposition before a noun phrase makes it an object, not a subject.
PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "about", "into", "onto", "over",
    "under", "after", "before", "during", "since", "until", "through", "via", "against",
    "between", "among", "amid", "across", "behind", "beyond", "within", "without", "toward",
    "towards", "upon", "despite", "like", "unlike", "than", "per", "near", "around", "outside",
    "inside", "following", "including", "as",
})
#: Prepositions that introduce an adjunct between a verb and its content
#: (``said on Monday that``, ``told reporters in Brussels that``).
ADJUNCT_PREPOSITIONS = frozenset({
    "on", "in", "at", "after", "during", "before", "from", "via", "through", "over", "to",
    "with", "while", "late", "early", "last", "this", "earlier", "later", "again", "for",
})
#: Prepositions that attach a modifier to a source noun (``officials in Kyiv``,
#: ``sources familiar with the talks``).
POSTMODIFIERS = frozenset({"in", "at", "from", "with", "close", "familiar", "inside", "within",
                           "of", "for", "on", "near", "across", "who"})

#: Months, weekdays and other time words: capitalised but never speakers.
TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "week", "weekend", "month", "year", "day", "night",
    "morning", "evening", "afternoon", "today", "yesterday", "tonight", "earlier", "later",
    "thanksgiving", "christmas",
})

#: Name particles that sit between capitalised parts of a personal name.
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "da", "di", "du",
                            "la", "le", "al", "el", "bin", "ibn", "dos", "das", "ter", "zu"})

#: Titles and role nouns: a person's office. Before a name they are a title
#: (``Foreign Minister Sergei Lavrov``); without one they name an official role
#: (``Putin's foreign policy aide``). Plural forms are derived.
TITLES = frozenset({
    "president", "vice-president", "minister", "secretary", "chancellor", "premier",
    "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "envoy",
    "ambassador", "diplomat", "official", "officer", "chief", "head", "director", "chairman",
    "chairwoman", "chair", "commander", "general", "admiral", "colonel", "major", "captain",
    "lieutenant", "sergeant", "governor", "mayor", "senator", "congressman", "congresswoman",
    "representative", "lawmaker", "legislator", "mp", "deputy", "speaker", "leader", "king",
    "queen", "prince", "pope", "negotiator", "mediator", "prosecutor", "judge", "attorney",
    "lawyer", "analyst", "expert", "economist", "strategist", "researcher", "scholar",
    "professor", "fellow", "observer", "commentator", "columnist", "editor", "journalist",
    "reporter", "correspondent", "source", "insider", "member", "staffer", "employee",
    "veteran", "soldier", "resident", "witness", "investigator", "auditor", "inspector",
    "activist", "campaigner", "critic", "supporter", "opponent", "dissident", "politician",
    "executive", "ceo", "founder", "manager", "engineer", "doctor", "nurse", "teacher",
    "student", "driver", "worker", "farmer", "pensioner", "mother", "father", "survivor",
    "volunteer", "monitor", "delegate", "counterpart", "coordinator",
    "commissioner", "sec", "gen", "dr", "mr", "mrs", "ms", "prof", "sen", "rep", "gov",
    "lt", "col", "maj", "capt", "sgt", "adm",
})
#: Titles that are abbreviations (``Dr.``, ``Gen.``): the tokenizer leaves out the dot.
ABBREVIATED_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "gen", "sen", "rep", "gov",
                                "lt", "col", "maj", "capt", "sgt", "adm", "sec"})

#: Head nouns of institutions and governments.
INSTITUTION_HEADS = frozenset({
    "ministry", "government", "administration", "office", "commission", "council", "parliament",
    "assembly", "congress", "senate", "duma", "rada", "cabinet", "agency", "bank", "army",
    "military", "navy", "police", "court", "tribunal", "embassy", "delegation", "authority",
    "authorities", "side", "command", "staff", "service", "services", "department", "directorate",
    "bureau", "committee", "presidency", "secretariat", "alliance", "union", "company",
    "corporation", "operator", "firm", "group", "organisation", "organization", "institute",
    "centre", "center", "foundation", "party", "coalition", "leadership", "regime", "kremlin",
    "pentagon", "headquarters", "mission", "force", "forces", "corps", "brigade", "battalion",
    "regiment", "division", "unit", "units", "team", "camp", "capitals", "governments",
})
#: Head nouns and name endings of news media.
MEDIA_HEADS = frozenset({
    "media", "press", "newspaper", "paper", "daily", "weekly", "magazine", "broadcaster",
    "channel", "outlet", "outlets", "times", "post", "journal", "news", "telegraph",
    "wire", "herald", "gazette", "guardian", "tribune", "ledger",
    "reuters", "bloomberg", "tass", "ria", "interfax", "xinhua", "bbc", "cnn", "politico",
    "axios", "tv", "television", "radio", "reports", "reporting", "website", "blog",
})
#: Head nouns of documents.
DOCUMENT_HEADS = frozenset({
    "statement", "report", "document", "letter", "communique", "communiqué", "decree", "memo",
    "memorandum", "draft", "text", "study", "survey", "poll", "filing", "paper", "assessment",
    "analysis", "resolution", "declaration", "readout", "transcript", "notice",
    "version", "versions", "data", "figures", "estimate", "estimates", "review",
    "briefing", "post", "tweet", "message", "note", "summary", "leak", "leaks", "documents",
})
#: Plural nouns naming groups of people who speak (``analysts``, ``diplomats``);
#: titles' plurals are added to these.
GROUP_HEADS = frozenset({
    "people", "residents", "locals", "officials", "sources", "diplomats", "analysts", "experts",
    "observers", "critics", "supporters", "lawmakers", "ministers", "leaders", "allies",
    "partners", "negotiators", "investigators", "prosecutors", "europeans", "americans",
    "ukrainians", "russians", "governments", "capitals", "members", "aides", "insiders",
    "commentators", "economists", "witnesses", "voters", "citizens", "campaigners",
    "activists", "soldiers", "troops", "commanders", "generals", "veterans", "families",
    "relatives", "scientists", "researchers", "some", "others", "many", "both",
})

#: Reporting verbs that take an addressee before the content (``told reporters that``).
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "reassure", "remind", "warn", "urge",
                             "ask", "brief", "promise", "caution", "notify", "advise",
                             "threaten", "accuse", "blame", "call on", "appeal to", "lecture",
                             "chide", "scold", "berate", "rebuke", "reprimand", "admonish",
                             "criticize", "criticise", "praise", "thank", "congratulate"})
#: Reporting verbs that take an object and a characterisation (``denounced the plan as
#: capitulation``, ``called the draft "a capitulation document"``).
NAMING_VERBS = frozenset({"describe", "call", "label", "dub", "brand", "term", "denounce",
                          "condemn", "portray", "depict", "characterize", "characterise",
                          "dismiss", "hail", "praise", "slam", "criticize", "criticise",
                          "decry", "deride", "ridicule", "reject", "welcome", "laud",
                          "castigate", "pass off as", "blast", "lambast", "mock",
                          "describe as", "present", "frame", "paint"})
#: Modal verbs: a reporting verb after one reports no speech (``Moscow will conclude``).
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "shall", "can",
                    "cannot", "'ll", "’ll"})
#: Reporting verbs that take an infinitive as their content (``promised to``, ``urged X to``).
TO_VERBS = frozenset({"promise", "pledge", "vow", "threaten", "urge", "ask", "call on",
                      "appeal to", "claim", "demand", "offer", "agree", "refuse", "swear",
                      "warn", "tell", "order", "advise", "encourage", "invite", "beg", "implore",
                      "plead", "remind", "pretend", "purport", "profess", "propose", "undertake",
                      "instruct", "caution", "press", "request", "intend", "expect"})
#: Naming verbs whose characterisation may follow the object without ``as``
#: (``called the draft "a capitulation document"``).
BARE_NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "term", "name", "nickname"})
#: Reporting-verb lemmas that are passives' usual agentless participles
#: (``it was reported that``, ``he is said to``).
AGENTLESS_OK = frozenset({"say", "report", "claim", "allege", "announce", "state", "tell",
                          "reveal", "confirm", "rumour", "rumor", "understand", "believe",
                          "think", "know", "expect", "suggest", "describe", "argue"})

#: Irregular past participles of reporting verbs not ending in -ed.
IRREGULAR_PARTICIPLES = frozenset({"said", "told", "written", "shown", "found", "spoken",
                                   "spoke", "made", "learnt", "known", "thought", "taken",
                                   "wrote", "proven", "given", "dubbed", "pled"})

#: Subordinators and adverbs that end a reported clause when they follow a comma
#: (``..., while European governments ...``).
CONTENT_BREAKERS = frozenset({"while", "whereas", "yet", "but", "though", "although", "as",
                              "even", "despite", "however", "meanwhile", "according", "amid",
                              "before", "after", "and", "with", "which"})

#: Verbs that may stand before their subject (``"...," said X``; ``..., added the minister``).
INVERSION_VERBS = frozenset({"say", "add", "write", "ask", "reply", "respond", "explain",
                             "continue", "note", "insist", "argue", "recall", "warn", "claim",
                             "declare", "conclude", "observe", "remark", "retort", "quip"})
#: Source nouns that are anonymous even with a definite article (``the source said``).
ANONYMOUS_HEADS = frozenset({"source", "sources", "insider", "insiders"})
#: Words before a subject that make the clause a free relative (``what he did not mention``).
FREE_RELATIVES = frozenset({"what", "whatever", "whoever"})

#: Indefinite pronouns that are never a source (``anyone who claims``).
NON_SOURCE_WORDS = frozenset({"anyone", "anybody", "someone", "somebody", "nobody", "no-one",
                              "everyone", "everybody", "nothing", "something", "everything",
                              "what", "whatever", "whoever", "there", "here", "this", "that",
                              "which", "who", "whom", "itself", "himself", "herself",
                              "themselves", "each", "either", "neither", "such"})

#: A dateline at the start of a wire story (``ABU DHABI/KYIV, Nov 25 (Meridian Wire) -``).
DATELINE_RE = re.compile(r"[A-Z][A-Z .'/-]{1,40},[^\n]{0,60}?[-–—]\s+")

#: Quotation marks (for trimming content that is a quotation).
QUOTE_MARKS = "\"'“”„«»‘’‹›"
#: Dashes that set off a parenthetical or end a clause.
DASHES = frozenset("–—")


def plural(word: str) -> str:
    """A regular English plural (``official`` -> ``officials``, ``secretary`` -> ``secretaries``)."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


#: Titles and their plurals.
ROLE_NOUNS = TITLES | frozenset(plural(t) for t in TITLES) | GROUP_HEADS
#: Plural heads: a noun phrase that ends in one of these names a group.
PLURAL_HEADS = frozenset(plural(t) for t in TITLES) | GROUP_HEADS | frozenset(
    w for w in INSTITUTION_HEADS | MEDIA_HEADS | DOCUMENT_HEADS
    if w.endswith("s") and not w.endswith(("ss", "us", "news", "times", "ies")))
#: Every lowercase word that can head a source noun phrase.
SOURCE_HEADS = ROLE_NOUNS | INSTITUTION_HEADS | MEDIA_HEADS | DOCUMENT_HEADS | frozenset(
    plural(w) for w in INSTITUTION_HEADS | DOCUMENT_HEADS)


def is_source_head(word: str) -> bool:
    """Whether a lowercased word can head a source noun phrase (``officials``,
    ``ministry``; a hyphenated title such as ``commander-in-chief`` by its first part)."""
    return word in SOURCE_HEADS or ("-" in word and word.split("-", 1)[0] in TITLES)
