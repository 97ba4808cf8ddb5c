"""Words as a reviewer reads them: normalised spelling, inflection folded, abbreviations spelled out.

Operators write "organisation" and "organization", "eff." and "effective", "screenings" and
"screening", "secu-\\nrity" across a line break, "ﬁre" with a PDF ligature. Everything that compares
an operator's wording with the Standard's vocabulary goes through :func:`normalise` and :func:`tokens`,
so both sides are folded the same way. Inflection is folded by the Snowball English stemmer (a
well-kept library, no data to download); the spelling and abbreviation tables below are ours.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from narr_audit.base.lazyre import cannot_match, lazy_compile, lowered

# British spellings and their American forms; the stemmer then folds inflection (licences -> licens).
_SPELLINGS = {
    "organisation": "organization", "organisations": "organizations", "organise": "organize",
    "organised": "organized", "organising": "organizing", "authorise": "authorize", "authorised": "authorized",
    "authorisation": "authorization", "recognise": "recognize", "recognised": "recognized",
    "licence": "license", "licences": "licenses", "licenced": "licensed", "programme": "program",
    "programmes": "programs", "behaviour": "behavior", "behaviours": "behaviors", "behavioural": "behavioral",
    "neighbour": "neighbor", "neighbours": "neighbors", "neighbourhood": "neighborhood", "colour": "color",
    "labour": "labor", "centre": "center", "centres": "centers", "defence": "defense", "offence": "offense",
    "offences": "offenses", "practise": "practice", "judgement": "judgment", "cheque": "check",
    "cheques": "checks", "minimise": "minimize", "prioritise": "prioritize", "summarise": "summarize",
    "apologise": "apologize", "criticise": "criticize", "emphasise": "emphasize", "utilise": "utilize",
    "categorise": "categorize", "standardise": "standardize", "finalise": "finalize", "favour": "favor",
    "favourable": "favorable", "honour": "honor", "harbour": "harbor", "rumour": "rumor",
    "counselling": "counseling", "counsellor": "counselor", "counsellors": "counselors",
    "travelled": "traveled", "cancelled": "canceled", "enrol": "enroll", "enrolment": "enrollment",
    "fulfil": "fulfill", "instalment": "installment", "storey": "story", "tyre": "tire", "kerb": "curb",
    "paediatric": "pediatric", "anaesthetic": "anesthetic", "grey": "gray", "mould": "mold",
    "analyse": "analyze", "analysed": "analyzed", "catalogue": "catalog", "dialogue": "dialog",
    "acknowledgement": "acknowledgment", "ageing": "aging", "theatre": "theater", "metre": "meter",
    "pyjamas": "pajamas", "plough": "plow", "sceptical": "skeptical",
}  # fmt: skip

# Abbreviations seen on forms, certificates and logs (matched as whole words, with or without a dot).
_ABBREVIATIONS = {
    "eff": "effective", "exp": "expiration", "expir": "expiration", "mgr": "manager", "mgmt": "management",
    "res": "resident", "resp": "responsible", "appt": "appointment", "dept": "department", "approx": "approximately",
    "hrs": "hours", "hr": "hour", "mos": "months", "mo": "month", "wk": "week", "wks": "weeks",
    "yr": "year", "yrs": "years", "max": "maximum", "req": "required", "reqd": "required",
    "admin": "administrator", "asst": "assistant", "coord": "coordinator", "dir": "director",
    "emerg": "emergency", "evac": "evacuation", "info": "information", "mtg": "meeting", "mtgs": "meetings",
    "ext": "extinguisher", "det": "detector", "dets": "detectors", "insp": "inspection", "maint": "maintenance",
    "amt": "amount", "bal": "balance", "pmt": "payment", "pmts": "payments", "dep": "deposit", "tx": "treatment",
    "rx": "prescription", "meds": "medications", "med": "medication",
    "cert": "certificate", "certs": "certificates", "trng": "training", "orient": "orientation",
    "sched": "schedule", "vol": "volunteer", "vols": "volunteers", "prev": "previous",
    "hm": "manager", "hms": "managers", "mgrs": "managers", "wkly": "weekly", "mthly": "monthly",
    "mo's": "months", "nbr": "neighbor", "nbrs": "neighbors", "rm": "room", "rms": "rooms", "bdrm": "bedroom",
    "reqs": "requirements", "approp": "appropriate", "ppl": "people", "thru": "through", "b4": "before",
    # a group chat's and a text message's shorthand
    "u": "you", "ur": "your", "bc": "because", "cuz": "because", "pls": "please", "plz": "please",
    "thx": "thanks", "tmrw": "tomorrow", "tmw": "tomorrow", "nite": "night", "tonite": "tonight",
    "2nite": "tonight", "2day": "today", "wknd": "weekend", "wkend": "weekend", "msg": "message",
    "msgs": "messages", "txt": "text", "abt": "about", "pic": "picture", "pics": "pictures",
    "convo": "conversation", "ya": "you", "ea": "each", "tho": "though", "yall": "you", "y'all": "you",
    "roomie": "roommate", "rmmate": "roommate", "bday": "birthday", "mins": "minutes", "secs": "seconds",
}  # fmt: skip
# Shortened words that are also words of their own: after them a dot ends a sentence ("Now your meds. If ...").
WORDS_TOO = frozenset(
    {"meds", "med", "info", "admin", "max", "min", "orient", "vol", "vols", "dep", "llc", "inc", "ltd", "etc"}
)
# Words that end with a dot without ending a sentence ("House mgr. checks", "200 sq. ft. per bed").
ABBREVIATIONS = frozenset(
    {*_ABBREVIATIONS, "sq", "ft", "sec", "no", "vs", "st", "dr", "mr", "mrs", "ms", "eg", "e.g", "i.e", "etc",
     "inc", "llc", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "min", "ave", "rd", "blvd", "apt", "ext", "tel", "ph", "pg", "p", "pp", "fig", "ref", "art", "para"}
)  # fmt: skip
# Written in capitals on forms; only read as an abbreviation when capitalised so (CO, not "co-pay").
_CAPITAL_ABBREVIATIONS = {
    "CO": "carbon monoxide", "AED": "defibrillator", "CPR": "cardiopulmonary resuscitation",
    "ROI": "release of information", "HR": "human resources", "QI": "quality improvement",
    "EOP": "emergency operations plan", "NA": "narcotics anonymous", "AA": "alcoholics anonymous",
    "PRN": "as needed", "SUD": "substance use disorder", "OUD": "opioid use disorder",
}  # fmt: skip

STOP_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as text
        "a an the and or of to in on at for by with from as is are be been being was were it its "
        "this that these those there their they them we our us you your he she his her i me my not "
        "no nor but if then than so such any all each every per into onto over under about after "
        "before during within without will shall may can must should would could do does did done "
        "has have had which who whom whose what when where while how also only very more most other "
        "same own up out off again further once"
    ).split()
)
# "Before", "within", "without", "no" and "not" carry meaning in rules ("no lending", "before any
# payment"); they are stop words for gaps between phrase words but still matched when a phrase names them.
KEPT = frozenset({"before", "within", "without", "no", "not", "only", "after", "during", "who", "when", "how"})

WORD = lazy_compile(r"[a-z0-9]+(?:['’][a-z]+)?")  # a word of normalised text (see tokens)
_HYPHEN_BREAK = lazy_compile(r"(\w)-\s*\n\s*(\w)")
# Shorthand on posted notices: "w/o an OK from HM", "w/ a staff member".
_WITH = lazy_compile(r"\b[wW]/([oO]\b)?")
_BECAUSE = lazy_compile(r"\b[bB]/[cC]\b")  # "b/c", because
_CAPITALS = lazy_compile(r"\b(" + "|".join(sorted(_CAPITAL_ABBREVIATIONS, key=len, reverse=True)) + r")\b")
_DOTTED = lazy_compile(r"\b(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\.", re.IGNORECASE)
# Every capitalised abbreviation has two capitals in a row: text without them has none to resolve.
_TWO_CAPITALS = lazy_compile(r"[A-Z]{2}")
# Every dotted abbreviation is a whole word before a dot: text whose dotted words are none of them
# (and plain ASCII, which case-insensitive matching cannot stretch) has none to resolve (see below).


def _has_dotted_abbreviation(text: str) -> bool:
    """Whether a word before one of the text's dots is an abbreviation, or not plain ASCII. Found dot
    by dot, the word (letters, digits, underscores) read backwards from each: most sentences have one."""
    at = text.find(".")
    while at != -1:
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        word = text[start:at]
        if word and (not word.isascii() or word.lower() in _ABBREVIATIONS):
            return True
        at = text.find(".", at + 1)
    return False


def normalise(text: str) -> str:
    """Lower-cased text with ligatures, soft hyphens, line-break hyphens and abbreviations resolved."""
    # The patterns below are only run where they can match (a line break, two capitals, a dot): the
    # same result, without scanning every sentence with each of them.
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    if "\n" in text:
        text = _HYPHEN_BREAK.sub(r"\1\2", text)
    if "/" in text:
        text = _WITH.sub(lambda m: "without " if m.group(1) else "with ", text)
        text = _BECAUSE.sub("because", text)
    if _TWO_CAPITALS.search(text):
        text = _CAPITALS.sub(lambda m: _CAPITAL_ABBREVIATIONS[m.group(1)], text)
    if "." in text and _has_dotted_abbreviation(text):
        text = _DOTTED.sub(lambda m: _ABBREVIATIONS[m.group(1).lower()] + " ", text)
    text = text.lower().replace("’", "'")
    if "nt" in text:
        text = _BARE_NOT.sub(_bare_not, text)
    if ("rn" in text and _OCR_RN.search(text)) or (("1" in text or "0" in text) and _DIGIT_IN_WORD.search(text)):
        text = _OCR_SLIP.sub(_mended, text)
    return text


# A negation typed without its apostrophe, as chat and texts do: "we dont test", "havent changed".
_BARE_NOT = lazy_compile(r"\b(do|does|did|have|has|had|is|are|was|were|should|would|could|ca|wo)nt\b")


def _bare_not(match: re.Match[str]) -> str:
    return match.group(1) + "n't"


# Letters a scanner misreads, where no word could hold what it read: "po1icy", "c0unt" (a digit
# between letters), "rnonth" ("rn" opening a word), "terrn" ("rrn" ending one).
_OCR_SLIP = lazy_compile(r"(?<=[a-z])[10](?=[a-z])|\brn(?=[aeiou])|(?<=r)rn\b")
_OCR_RN = lazy_compile(r"\brn[aeiou]|rrn\b")
_DIGIT_IN_WORD = lazy_compile(r"[a-z][10][a-z]")
_MENDED = {"1": "l", "0": "o", "rn": "m"}


def _mended(match: re.Match[str]) -> str:
    return _MENDED[match.group(0)]


@lru_cache(maxsize=1)
def stemmer() -> object:
    """The Snowball English stemmer (imported on first use: commands that judge no text never load it)."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = _SPELLINGS.get(word, word)
    word = _ABBREVIATIONS.get(word, word) if len(word) <= 6 else word
    if word.endswith("'s"):
        word = word[:-2]
    kept = _DISTINCT_STEMS.get(word)
    if kept is not None:
        return kept
    return str(stemmer().stemWord(word))  # type: ignore[attr-defined]


# Words the stemmer would merge with another of a different meaning: a residence is the house, a
# resident lives in it ("each residence" is no resident); management is a function, a manager a person.
_DISTINCT_STEMS = {
    "residence": "residence",
    "residences": "residence",
    "residency": "residence",
    "residencies": "residence",
    "management": "management",
    "managements": "management",
}


class Token(NamedTuple):
    """One word of a text: as written (normalised) and as its stem, and where it starts."""

    word: str
    stem: str
    start: int


def tokens(text: str) -> list[Token]:
    """The words of already-normalised ``text``, stop words included (callers decide)."""
    found = []
    for match in WORD.finditer(text):
        word = match.group(0)
        found.append(Token(word, stem(word), match.start()))
    return found


def phrase(text: str) -> tuple[str, ...]:
    """A vocabulary phrasing as the stems to look for, stop words dropped unless they carry meaning."""
    words = [t for t in tokens(normalise(text)) if t.word not in STOP_WORDS or t.word in KEPT]
    return tuple(t.stem for t in words)


# === Sentences as a reviewer reads them: what they state, deny and open with ===========================


def _words(text: str) -> frozenset[str]:
    """A word list written as text (it reads better so)."""
    return frozenset(text.split())


_DIGIT = lazy_compile(r"[0-9]")

# --- substance: a number is an amount or a time only with its unit ----------------------------------
# "$150", "10%", "10:30", "7 pm", "the 1st", "3/15", "thirty (30) days", "50 square feet per bed";
# not "Section 8.4", "extension 204", "Form 8-2", "Bedrooms 1 through 6" (no unit, or a numbering word).
_UNIT = (
    r"(?:days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|nights?|business|calendar|working|"
    r"consecutive|times?|percent|per ?cent|pct|dollars?|cents?|usd|square|sq|feet|foot|ft|per|each|every|"
    r"am|pm|a\.m|p\.m|o'clock|residents?|beds?|people|persons?|occupants?|tenants?|men|women|sleepers?)"
)
_MONTH = r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|may"
_QUANTITY = lazy_compile(
    r"[$£€]\s?\d"  # money
    r"|\d\s?%"  # a share
    r"|\b\d{1,2}:\d{2}\b"  # a clock time
    r"|\b\d{1,2}\s?(?:st|nd|rd|th)\b"  # a day of the month
    r"|\b\d+(?:am|pm)\b"
    r"|\b\d{1,2}(?::\d{2})?[ap]\b(?!\.\w)"  # a chat's clock time: "10a", "7:30p"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}-\d{1,2}-\d{2,4}\b"  # a date
    rf"|\b(?:{_MONTH})\s+\d{{1,2}}\b"
    rf"|\b\d+(?:[.,]\d+)?\)?(?:\s*-\s*|\s+)(?:\(?[a-z]+\)?\s+){{0,2}}?{_UNIT}\b"
)
# What names a clause, a form, a room or a line, not a quantity ("Section 8.4", "extension 204").
_NUMBERING = lazy_compile(
    r"(?:section|sec|§|article|art|clause|part|paragraph|para|schedule|exhibit|appendix|form|rule|item|"
    r"extension|ext|room|bedroom|bedrooms|unit|apt|suite|page|pp?|no|number|#|line|chapter|step|rev|version|"
    r"subsection|revision|highway|route|bus)\.?\s*\(?$"
)
# A date when the document was adopted or revised is not when anything happens.
_ADOPTED = lazy_compile(r"\b(?:adopted|revised|amended|approved|updated|dated|rev\.?|last reviewed)\b[^.;]{0,40}$")
# How to reach someone: a phone number, an e-mail, an extension, a street address.
_CONTACT = lazy_compile(
    r"\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b|\b\d{3}[.-]\d{4}\b|[\w.+-]+@[\w-]+\.[a-z]{2,}"
    r"|\bext(?:ension|\.)?\s*\d+|\b\d+\s+(?:[a-z]+\s+){1,2}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|"
    r"boulevard|blvd|way|court|ct|place|pl)\b",
    re.IGNORECASE,
)


# A number said in words, as talk written down has it: "a hundred and seventy-five a week", "thirty
# days", "fifty bucks". "One of the residents" names no quantity: a unit must follow.
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
_SAID_QUANTITY = lazy_compile(
    rf"\b{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD})*(?:\s+(?:and\s+)?(?:a\s+)?half)?\s+"
    rf"(?:(?:a|an|per|each|every)\s+(?:day|week|month|year|night)\b|bucks\b|{_UNIT}\b)"
)
_NUMBER_WORDS = frozenset(_NUMBER_WORD[3:-1].split("|"))


def has_quantity(normal: str, table_row: bool, words: Sequence[str] | None = None) -> bool:
    """Whether the (normalised) sentence states an amount or a time with its unit, in figures or in
    words ("thirty days", "a hundred and seventy-five a week"); in a table's row a bare number is a
    value (its column names the unit). ``words``: the sentence's words, when already read."""
    if not _DIGIT.search(normal):
        said = _NUMBER_WORDS.isdisjoint(WORD.findall(normal) if words is None else words)
        return not said and _SAID_QUANTITY.search(normal) is not None
    if table_row:
        return True
    for match in _QUANTITY.finditer(normal):
        start = match.start()
        if _NUMBERING.search(normal, max(0, start - 16), start) or _ADOPTED.search(normal, max(0, start - 56), start):
            continue
        return True
    return False


# --- clause titles: "Section 8.4 First Aid Supplies. A first aid kit ...", "7.3 Guests. No guest ..." -----
_CLAUSE_NUMBER = lazy_compile(
    r"(?:(?i:section|sec\.|§§?|article|art\.|clause|part|rule|policy|step|schedule|exhibit|appendix|paragraph|para\.)\s*"
    r"(?:\d{1,3}(?:\.\d{1,3})*[a-zA-Z]?|[IVXLCivxlc]{1,7}|[A-Za-z])\b\.?"
    r"|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|[IVX]{1,5}\.|[A-Z]\.)\s+"
)
_TITLE_END = lazy_compile(r"[.:?](?=\s|$)|\s[-\u2013\u2014]\s|\s(?:-+>|\u2192)\s")
_ARROW = lazy_compile(r"\s*(?:-+>|\u2192)")
_TITLE_JOINERS = _words(
    "a an and or of the to for in on at by with from as per vs & not no its their your our his her upon into under "
    "over after before during without within between against regarding concerning about through among than via"
)
# What opens a sentence that refers to the one just before it (only ever one sentence back, in the same
# paragraph, and lending it one idea: see checks.recognise).
_REFERRING = _words("it its this these such said those they them that")
# "This Section was adopted ...", "This Agreement ...": the document, not the sentence before.
_DOCUMENT_WORDS = _words(
    "section agreement policy part article manual handbook document form chapter schedule procedure plan guide "
    "paragraph subsection clause page sheet notice list checklist packet contract addendum exhibit appendix booklet "
    "binder charter bylaws covenant statement code"
)

# --- a day of the month: "the first Sunday of each month" is not weekly -----------------------------
# A weekday after one of these is a day of the month ("the first Sunday", "every other Tuesday"),
# not a weekly one.
ORDINALS = _words("first second third fourth fifth last 1st 2nd 3rd 4th 5th other alternate")
WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
)


def names_month_day(words: Sequence[str], at: int, lo: int) -> bool:
    """Whether the word at ``at`` is a weekday named with an ordinal ("the first Sunday of each month",
    "every other Friday"): a day of the month, which says nothing weekly. ``lo``: the sentence's first word."""
    word = words[at]
    day = word[:-1] if word.endswith("s") and word[:-1] in WEEKDAYS else word
    return day in WEEKDAYS and at > lo and words[at - 1] in ORDINALS


# --- denial: "is not an evacuation", "not considered a fee", "no head count is taken" -----------------
_NEGATED_COPULA = _words("isn't aren't wasn't weren't")
# The words a denial starts from (a sentence without them denies nothing).
_DENYING = _words("not no isn't aren't wasn't weren't doesn't don't didn't about nothing avoid nobody")
# With them, the words that open what a report says is missing ("the consent form is missing") or asks
# ("the reviewer asked whether a permit was needed"): see denied_regions.
DENIAL_CUES = _DENYING | _words("missing lacking whether if")
_COPULA = _words("is are was were be been being")
_MODALS = _words("shall will must may would should can")
_PAST_COPULA = _words("is are was were")
# After "is not", what opens a noun that the sentence says the thing is not.
_DESCRIBED = _words(
    "a an the any considered deemed regarded treated counted classed classified part intended meant subject"
)
_FILLERS = _DESCRIBED | _words("such his her their its your our one of as to be itself like um uh really actually")
_THERE_IS = _words("there's theres there're")  # "there's no meeting list", said
_GIVEN_NONE = _words("get gets got receive receives received given offered shown")  # "residents get no walk-through"
_COMPARED = _words("more less fewer later earlier longer")  # "get no more than two warnings" is a limit
# "this is not covered at move-in", "residents are not given chores"
_NOT_COVERED = _words("covered included discussed addressed reviewed explained taught given assigned offered provided")
_NOT_ADDRESSED = _words("covered included discussed addressed")
_ANSWERABLE = _words("responsible liable")  # "is not responsible for the security of passwords"
_CONSTITUTE = _words("constitute constitutes count counts qualify qualifies")
_REQUIRE = _words("require requires required need needs needed asked expected")  # "you are not asked to agree"
# "No head count is taken": what a sentence says is not done (not "no guest is permitted": a rule).
_NOT_DONE = _words(
    "taken held conducted performed done required needed maintained practiced practised scheduled run carried planned "
    "available found located kept filed posted produced adopted completed"  # "no lease was available" (a finding)
    " issued given"  # "no lockbox is issued at move-in"
)
# After ", not", a place or a time restricts a rule ("on the porch, not inside"); anything else is denied.
_RESTRICTING = _words(
    "in inside indoors on at outside outdoors within before after during for by to from near under into onto until "
    "past later more less over"
)
_HEREIN = _words("herein in contained hereunder stated written")  # "nothing herein entitles ..."
_DETERMINERS = _words("any a an the all")  # "so as to avoid any complaint"
_TALK = _words("talk talks talked talking preach preaches preached")  # "we will talk about forbidden fruit"
# A question someone asked, told ("the reviewer asked about peer support", "a neighbor asked whether
# ..."): what was asked about is not said to be so. Only the past: "residents may ask about" is a right.
_ASKED = _words("asked inquired enquired wondered")
_MISSING = _words("missing lacking")
# "The Operator does not itself provide instruction": what the house says it does not do or have
# (said of the house, not of residents: "Residents do not keep medication in their rooms" is a rule).
_ORGANISATION = _words(
    "we operator house home program programme residence ministry organization organisation company agency "
    "management church llc owner landlord"
)
_DO = _words("do does did")
# A clause already negative: a ", not ..." after it lists what it rules out, it contrasts nothing.
_NEGATIONS = _words("no not nobody never none nor neither don't doesn't can't cannot won't isn't aren't ain't")
_DO_NOT = _words("doesn't don't didn't")
_ADVERBS = _words(
    "itself themselves currently presently at present yet now otherwise generally routinely usually normally typically"
)
_NOT_OFFERED = _words(
    "provide offer maintain conduct run hold have keep hand pay reimburse fund employ perform schedule supply "
    "publish track collect test search require give use post accept arrange sponsor endorse vouch choose elect "
    "select appoint pick make receive ask write assign rotate print"  # "management does not assign or rotate duties"
    " walk show explain teach review check issue call notify"  # "we don't walk you through emergencies", "we
    # don't call anyone for you"
)
# Whoever says they do not do these, does not: "the house parents do not join in", "residents do not
# pay the utilities", "residents do not vote on rules" (a rule or a fact alike).
_NOT_DONE_BY_ANYONE = _words(
    "join attend participate provide offer conduct hold run maintain perform schedule publish track collect lead cook "
    "facilitate teach coach pay vote search test screen inspect check walk show call notify sign initial"
)  # "the managers do not search rooms", "we don't call anyone for you", "the Occupant does not sign any checklist"

# What "nobody" says is not done: a practice ("nobody checks", "nobody tracks it"), not a rule ("nobody
# smokes inside", "nobody takes it out on you").
_NOBODY_DOES = frozenset(
    form
    for verb in (*_NOT_DONE_BY_ANYONE, "keep", "require", "monitor", "review", "go", "fill", "sit")  # "no one ... goes
    # over", "nobody fills out an emergency contact part", "nobody sits down with you for an orientation"
    for form in (verb, f"{verb}s", f"{verb}es")
)
# Who, after "no", is nobody: "no one walks the exits", "no resident signs the bottom", "no staff check it".
_NO_ONE_OF_THEM = _words("one resident residents occupant occupants tenant tenants newcomer staff member members")
# What a document (or "it", the one at hand) is said not to say: a reader's word on a silent page.
_SAYING = _DOCUMENT_WORDS | _words("it this that packet sheet template paperwork company management")
_SAID = _words(
    "say says mention mentions cover covers list lists include includes spell address explain talk describe "
    "describes state states specify specifies ask asks"
)
# "we don't offer a bed unless most say yes", "you don't pay nothing till you've read it"
# What a doing is said not to be: "Watching over others is not a house expectation", "Reporting is not
# part of your job here". What is denied is the doing, the sentence's subject.
_DUTIES = _words("expectation expectations requirement requirements duty duties job obligation obligations")
_DUTY_FILLERS = _words("a an the our your any house resident residents' resident's")


def _names_duty(words: Sequence[str], slot: int, hi: int) -> bool:
    """Whether the words at ``slot`` (after "is not") name a duty ("a house expectation", "your job")."""
    k = slot
    while k < hi and k < slot + 3 and words[k] in _DUTY_FILLERS:
        k += 1
    return k < hi and words[k] in _DUTIES


# What the house would do, said undone in the passive: "rooms are not searched", "residents are not tested".
_NOT_PRACTISED = _words("searched tested screened inspected drug-tested")
_CONDITIONAL = _words("unless until till til except without alone")  # "do not search a room alone"
# Searches and tests that a house, its staff or its manager "shall not" (or "will not", "may not") do at
# all: no practice of them ("the House Manager shall not search a resident's room or belongings").
_PROHIBITING = _words("shall will may must")
_NOT_PRACTISED_DOING = _words("search searches test tests screen screens drug-test drug-tests")


def _conditional(words: Sequence[str], a: int, b: int) -> bool:
    """Whether a condition follows ("do not search a room alone", "unless ..."); not "alone or with a
    second staff member", which rules out both."""
    return any(
        w in _CONDITIONAL and not (w == "alone" and k + 1 < b and words[k + 1] == "or")
        for k, w in enumerate(words[a:b], start=a)
    )


_DENIED_SPAN = 2  # words of the denied noun ("an emergency number" from its first word)
_PHRASE_BREAK = lazy_compile(r"[,;.]")
_CLAUSE_BREAK = lazy_compile(r"[;.]\s|,\s+(?:and|but|so|which|while|or)\b|\sbut\s")


class _Offsets:
    """Where each word of one sentence starts in its normalised text, read when first needed."""

    def __init__(self, text: str, count: int) -> None:
        self._text = text
        self._count = count
        self._starts: list[int] | None = None
        self.normal = ""

    def starts(self) -> list[int]:
        if self._starts is None:
            self.normal = normalise(self._text)
            found = [m.start() for m in WORD.finditer(self.normal)]
            self._starts = found if len(found) == self._count else []
        return self._starts

    def after_break(self, n: int) -> bool:
        """Whether the sentence's ``n``-th word follows a comma, a semicolon, a dash, a bracket, or a full
        stop the sentence was not cut at ("we don't have one rn. no sheet in the kitchen")."""
        starts = self.starts()
        return bool(starts) and self.normal[: starts[n]].rstrip().endswith((",", ";", "(", "\u2014", "\u2013", "."))

    def phrase_end(self, n: int) -> int:
        """The first word after the phrase (up to a comma) that holds the sentence's ``n``-th word."""
        starts = self.starts()
        if not starts or n >= len(starts):
            return min(n + _DENIED_SPAN, self._count)
        found = _PHRASE_BREAK.search(self.normal, starts[n])
        return self._count if found is None else bisect_left(starts, found.start())

    def clause_start(self, n: int) -> int:
        """The first word of the clause that holds the sentence's ``n``-th word."""
        starts = self.starts()
        if not starts or n >= len(starts):
            return max(0, n - _DENIED_SPAN)
        begun = 0
        for found in _CLAUSE_BREAK.finditer(self.normal, 0, starts[n]):
            begun = found.end()
        return bisect_left(starts, begun)

    def clause_end(self, n: int) -> int:
        """The first word after the clause that holds the sentence's ``n``-th word."""
        starts = self.starts()
        if not starts or n >= len(starts):
            return min(n + _DENIED_SPAN, self._count)
        found = _CLAUSE_BREAK.search(self.normal, starts[n])
        return self._count if found is None else bisect_left(starts, found.start())


def denied_regions(words: Sequence[str], lo: int, hi: int, text: str) -> list[tuple[int, int]]:
    """The words that one sentence (``words[lo:hi]``, written ``text``) denies as a description, as
    (start, end) spans: "is not an evacuation", "not considered a fee", "a license, not a lease",
    "does not require a signature", "are not required to give a phone number", "no head count is
    taken", "there is no drill log", "the Operator does not provide instruction"; and what a report
    says was not there or was asked ("no lease was available", "the signed consent is missing", "the
    reviewer asked about peer support", "a neighbor asked whether there is a curfew")."""
    regions: list[tuple[int, int]] = []
    offsets = _Offsets(text, hi - lo)
    listing = False  # after "there is no ...", a list of what there is not
    for j in range(lo, hi):
        word = words[j]
        if word not in DENIAL_CUES:
            continue
        if word == "nobody":  # "nobody checks the log": a practice no one carries out (not "nobody smokes")
            if j + 1 < hi and words[j + 1] in _NOBODY_DOES:
                regions.append((j + 1, _list_end(words, j + 1, lo, hi, offsets)))
            continue
        if word == "not" and (j == lo or offsets.after_break(j - lo)) and j + 2 < hi and words[j + 1] in _FINDING:
            regions.append((j + 2, hi))  # a finding: "Not observed: any written rule on medication storage"
            continue
        if word == "no" and j + 2 < hi and words[j + 1] in _NO_ONE_OF_THEM and words[j + 2] in _NOBODY_DOES:
            # "no one walks the exits, ..., or"; the signer too: "no resident signs and dates this"
            regions.append((j + 1, _list_end(words, j + 2, lo, hi, offsets)))
            continue
        if word == "nothing":  # "nothing herein entitles a resident to ...", "nothing in this Section relates to"
            if j + 1 < hi and words[j + 1] in _HEREIN:
                regions.append((j + 1, lo + offsets.clause_end(j + 1 - lo)))
            elif j + 2 < hi and words[j + 1] in _NOTHING_ON:  # a finding: "nothing on fire exits, meeting point or
                stop = _list_end(words, j + 2, lo, hi, offsets)  # naloxone"; not "nothing on the stove may be left"
                if not any(w in _RULING and w not in _COPULA for w in words[j + 2 : stop]):
                    regions.append((j + 2, stop))
            continue
        if word == "avoid":  # "so as to avoid any complaint from neighbors": what is avoided does not happen
            if lo < j < hi - 1 and words[j - 1] == "to" and words[j + 1] in _DETERMINERS:
                regions.append((j + 1, lo + offsets.phrase_end(j + 1 - lo)))
            continue
        if word in _MISSING:  # "the consent form is missing": what a report says is missing is not there
            if j > lo and words[j - 1] in _FILED and j + 1 < hi and words[j + 1] in _DETERMINERS:
                regions.append(_noun_at(words, j + 1, hi))  # a finding's "Resident files missing a testing consent."
            elif j > lo and words[j - 1] in _PAST_COPULA:
                if j + 1 < hi and words[j + 1] in _DETERMINERS:  # "files are missing a consent": the consent
                    regions.append(_noun_at(words, j + 1, hi))
                else:  # "the consent form is missing"
                    regions.append((lo + offsets.clause_start(j - 1 - lo), j - 1))
            continue
        if word in ("whether", "if"):  # "the reviewer asked whether a permit was needed": a question told
            if j > lo and words[j - 1] in _ASKED:
                regions.append((j + 1, lo + offsets.clause_end(j + 1 - lo)))
            continue
        if word == "about":
            negated = any(w in _DENYING or w == "never" for w in words[max(lo, j - 4) : j - 1])
            told = words[j - 1] in _TALK or words[j - 1] in _ASKED if j > lo else False
            if told and j + 1 < hi and not negated:  # "don't talk about" is a rule
                regions.append((j + 1, lo + offsets.phrase_end(j + 1 - lo)))
            continue
        if word == "no":
            if (
                (j - 2 >= lo and words[j - 1] in _PAST_COPULA and words[j - 2] == "there")
                or (j - 1 >= lo and words[j - 1] in _THERE_IS)
            ) and not _forbids_doing(words, j + 1, hi):
                regions.append(_described(words, j + 1, lo, hi, offsets))
                listing = True
                continue
            if listing and offsets.after_break(j - lo):  # "there's no chart, no rotation": each item is denied
                regions.append(_described(words, j + 1, lo, hi, offsets))
                continue
            if j > lo and words[j - 1] in _GIVEN_NONE and not (j + 1 < hi and words[j + 1] in _COMPARED):
                regions.append(_described(words, j + 1, lo, hi, offsets))  # "new residents get no walk-through"
                listing = True
                continue
            if j > lo and words[j - 1] in _HAVE and any(w in _PAPERS for w in words[j + 1 : j + 4]):
                regions.append(_described(words, j + 1, lo, hi, offsets))  # "the house keeps no search log"
                continue
            # "the Company has no policy on medications"; not "we have a no-smoking rule"
            if _rule_about(words, j + 1, hi) and not (j > lo and words[j - 1] in _DETERMINERS):
                # "sets no smoking rule": its "no smoking" is no prohibition either
                start = j + 1 if words[j + 1] in _RULE_PAPERS else j
                regions.append((start, lo + offsets.clause_end(j + 1 - lo)))
                continue
            # a finding: "No written statement on residents' role.", "we don't have one. no sheet in the kitchen"
            if (
                (j == lo or offsets.after_break(j - lo))
                and not (j + 1 < hi and offsets.after_break(j + 1 - lo))  # "A. No. Policy 3.03 forbids ..."
                and _finds_none(words, j, hi)
            ):
                regions.append((j + 1, lo + offsets.clause_end(j + 1 - lo)))
                listing = True  # "no sheet in the kitchen, no numbers up top, no evacuation map either"
                continue
            # "no head count is taken", "no training shall be required", "no signature from the resident is needed"
            for k in range(j + 2, min(j + 7, hi - 1)):
                be = k + 1 if words[k] in _MODALS and words[k + 1] == "be" and k + 2 < hi else k
                if words[k] in _PAST_COPULA or be > k:
                    if words[be + 1] in _NOT_DONE and (be + 2 >= hi or words[be + 2] != "to"):
                        regions.append((j + 1, k))
                    break
            continue
        if word in _DO_NOT or (word == "not" and j > lo and words[j - 1] in _DO):  # "doesn't have a rule about smoking"
            slot = j + 1
            while slot < hi and slot <= j + 2 and words[slot] in _ADVERBS:
                slot += 1
            if slot + 1 < hi and words[slot] in _HAVE:
                slot += 2 if words[slot + 1] in _DETERMINERS else 1
                if _rule_about(words, slot, hi):
                    regions.append((slot, lo + offsets.clause_end(slot - lo)))
                    continue
        if (
            word == "not"
            and lo < j < hi - 1
            and words[j - 1] in _PROHIBITING
            and words[j + 1] in _NOT_PRACTISED_DOING
            and not _conditional(words, j + 2, lo + offsets.clause_end(j + 2 - lo))
        ):  # "Even on suspicion, the House Manager shall not search a resident's room": there is no search
            regions.append((j + 1, lo + offsets.clause_end(j + 1 - lo)))
            continue
        after = j + 2 if word == "not" and j + 1 < hi and words[j + 1] == "be" else j + 1  # "not be deemed a"
        following = words[after] if after < hi else ""
        copula = word in _NEGATED_COPULA or (word == "not" and (after > j + 1 or (j > lo and words[j - 1] in _COPULA)))
        if (
            word == "not"
            and following not in _RESTRICTING
            and offsets.after_break(j - lo)
            and not any(w in _NEGATIONS for w in words[lo:j])
        ):  # "a license, not a lease"; but "nobody drinks, not beer, not wine" names what it rules out
            regions.append(_noun_at(words, j + 1, hi))
        elif copula and following in _ANSWERABLE and after + 1 < hi and words[after + 1] == "for":
            regions.append((after + 2, lo + offsets.phrase_end(after + 2 - lo)))
        elif copula and following == "used" and after + 1 < hi and words[after + 1] == "as":  # "not be used as"
            regions.append(_noun_at(words, after + 2, hi))
        elif copula and following in _NOT_COVERED:  # "this is not covered at move-in"
            regions.append((after, lo + offsets.clause_end(after - lo)))
            if following in _NOT_ADDRESSED:  # and what: "Use or possession are not addressed by this lease"
                regions.append((lo + offsets.clause_start(j - lo), j))
        elif copula and _names_duty(words, after, hi):  # "Watching over others is not a house expectation"
            regions.append((lo + offsets.clause_start(j - lo), j))
            regions.append(_noun_at(words, after, hi))
        elif copula and following in _NOT_PRACTISED:  # "rooms are not searched": the house does not search
            end = lo + offsets.clause_end(after - lo)
            if not _conditional(words, after + 1, end):  # "not searched without a witness"
                regions.append((lo + offsets.clause_start(j - lo), end))
        elif copula and following in _DESCRIBED:
            regions.append(_noun_at(words, after, hi))
        elif copula and following in _REQUIRE and after + 1 < hi and words[after + 1] == "to":
            regions.append((after, lo + offsets.clause_end(after - lo)))  # "are not required to give phone numbers"
        elif following in _CONSTITUTE or (following in _REQUIRE and (after + 1 >= hi or words[after + 1] != "to")):
            start, end = _noun_at(words, after + 1, hi)
            # "does not require a signature": neither the signature nor its being required
            regions.append((after if following in _REQUIRE else start, end))
        else:
            verb = _not_offered(words, lo, hi, j)
            if verb is not None:
                end = lo + offsets.clause_end(verb + 1 - lo)
                if not _conditional(words, verb + 1, end):  # "no bed unless most say yes"
                    regions.append((verb, end))
    return [(a, b) for a, b in regions if a < b]


# What a finding says a file lacks: "Resident files missing a testing consent."
_FILED = _words("file files record records folder folders chart charts binder binders log logs")
# What a finding says was not found, named without a verb: "No written statement on ...", "No policy on ...".
_PAPERS = _DOCUMENT_WORDS | _words("written formal posted signed documented record records log logs evidence")
# A verb that makes "No ..." a rule ("No guest may stay", "No smoking allowed") or a sentence of its own.
_RULING = _COPULA | _MODALS | _words("allowed permitted tolerated accepted unless until without")


def _finds_none(words: Sequence[str], lo: int, hi: int) -> bool:
    """Whether a sentence opening "No ..." is a finding that names a missing paper without a verb ("No
    written statement on residents' shared role in safety.", "No policy on visitors."), not a rule
    ("No smoking in the house", "No guest may stay overnight")."""
    return (
        hi - lo >= 3
        and any(w in _PAPERS for w in words[lo + 1 : lo + 3])
        and not any(w in _RULING for w in words[lo + 1 : hi])
    )


# After "there's no smoking", what makes it a rule about doing it: where, when, or nothing more.
_WHERE_OR_WHEN = _words(
    "in inside indoors on at anywhere anyplace outside outdoors near around here there after before during within "
    "allowed permitted whatsoever period ever at all"
)


def _forbids_doing(words: Sequence[str], slot: int, hi: int) -> bool:
    """Whether "there is no" opens a prohibition of doing something ("there's no smoking inside",
    "there is no drinking on the property"), not the absence of a thing ("there's no meeting list")."""
    if slot >= hi or not words[slot].endswith("ing") or len(words[slot]) < 5:
        return False
    return slot + 1 >= hi or words[slot + 1] in _WHERE_OR_WHEN


_HAVE = _words("have has had keep keeps kept")
_RULE_PAPERS = _words(
    "policy policies rule rules procedure procedures guidance guideline guidelines provision provisions"
)
_ABOUT = _words("on about for regarding covering governing concerning addressing")
# What joins a denied thing to what it would have said: "no floor plan showing the ways out", "no list with 911".
_DESCRIBING = _words("with showing listing telling saying explaining covering about on naming giving that which")


def _rule_about(words: Sequence[str], slot: int, hi: int) -> bool:
    """Whether the words at ``slot`` name a rule about something ("policy on medications", "rule about
    smoking"): after "no" or "does not have a", what follows is not stated."""
    if slot + 1 < hi and words[slot] in _RULE_PAPERS and words[slot + 1] in _ABOUT:
        return True
    # "we don't have a medication policy at all", "no smoking rule": what the paper would be about, named first
    return any(
        k < hi and words[k] in _RULE_PAPERS and not any(w in _RULE_PAPERS or w in _ABOUT for w in words[slot:k])
        for k in (slot + 1, slot + 2)
    )


_NOTHING_ON = _words("on about regarding covering")
_FINDING = _words("observed found seen provided located available posted evident documented")
_FORM_PARTS = _words("line lines field fields space spaces box boxes blank blanks section part place spot column row")


def _list_end(words: Sequence[str], k: int, lo: int, hi: int, offsets: _Offsets) -> int:
    """The end of the clause at ``k`` and of the list it runs on into (", or a phone number or e-mail"):
    every item a denied paper would hold. Not a clause of its own after ", and"."""
    stop = lo + offsets.clause_end(k - lo)
    while stop < hi and words[stop] in ("or", "nor"):
        stop = max(stop + 1, lo + offsets.clause_end(stop + 1 - lo))
    return stop


def _described(words: Sequence[str], slot: int, lo: int, hi: int, offsets: _Offsets) -> tuple[int, int]:
    """The denied noun at ``slot`` and, when a word joins it to what it would have said ("there's no
    floor plan showing the ways out", "no list with the crisis line"), that too, to the clause's end."""
    start, end = _noun_at(words, slot, hi)
    for k in range(start, min(end + 1, hi)):
        if words[k] in _DESCRIBING:
            return start, max(end, _list_end(words, k, lo, hi, offsets))
        if words[k] == "for" and any(w in _FORM_PARTS for w in words[start:k]):  # "no line here for a name, how
            return start, max(end, _list_end(words, k, lo, hi, offsets))  # you know them, or a phone number"
        if words[k] == "of":  # "there is no list of banned items": what it would be a list of, to "and" or "or"
            stop = min(k + 4, lo + offsets.clause_end(k - lo))
            return start, max(end, next((m for m in range(k + 1, stop) if words[m] in ("and", "or")), stop))
    return start, end


def _noun_at(words: Sequence[str], slot: int, hi: int) -> tuple[int, int]:
    """The denied noun's first words, after its article ("an emergency number")."""
    skipped = 0
    while slot < hi and words[slot] in _FILLERS and skipped < 4:
        slot += 1
        skipped += 1
    return slot, min(slot + _DENIED_SPAN, hi)


def _not_offered(words: Sequence[str], lo: int, hi: int, j: int) -> int | None:
    """Where the verb is in "the Operator does not (itself) provide ..." or "the house parents do not
    join in", the negation at ``j``."""
    if words[j] == "not":
        if j - 1 < lo or words[j - 1] not in _DO:
            return None
        subject = words[j - 2] if j - 2 >= lo else ""
    elif words[j] in _DO_NOT:
        subject = words[j - 1] if j - 1 >= lo else ""
    else:
        return None
    verb = j + 1
    while verb < hi and verb <= j + 2 and words[verb] in _ADVERBS:
        verb += 1
    if verb >= hi:
        return None
    if subject in _SAYING and words[verb] in _SAID:  # "it doesn't say staff run any groups": the document is silent
        return verb
    done = _NOT_OFFERED if subject in _ORGANISATION else _NOT_DONE_BY_ANYONE
    if words[verb] in _KEPT_OUT_BY and _names_contraband(words, verb + 1, hi):
        return None  # "We do not keep weapons in the house": the house's own ban, not a thing it lacks
    return verb if words[verb] in done else None


# What a house keeps out, not what it lacks: "we do not keep weapons" bans them, "we do not keep extinguishers"
# says there are none. The words are the common contraband of house rules, as written.
_KEPT_OUT_BY = _words("keep have")
_CONTRABAND = _words(
    "weapon weapons gun guns firearm firearms knife knives ammunition alcohol beer liquor wine drugs drug "
    "marijuana cannabis weed paraphernalia"
)
# What may follow contraband that is the object itself ("weapons in the house", "alcohol or drugs"), not a word
# naming something else ("drug testing", "weapons policy": "we don't have drug testing" is still a denial).
_AFTER_CONTRABAND = _CONTRABAND | _words("in on at inside around anywhere here there or and nor of")


def _names_contraband(words: Sequence[str], start: int, hi: int) -> bool:
    """Whether the object after the verb at ``start`` (an article or "any" skipped) is contraband."""
    k = start
    while k < hi and words[k] in _DETERMINERS:
        k += 1
    return k < hi and words[k] in _CONTRABAND and (k + 1 >= hi or words[k + 1] in _AFTER_CONTRABAND)


def title_end(line: str) -> int | None:
    """Where the title a clause starts with ends on its line, or None when it starts with none.

    A numbered title ("Section 8.4 First Aid Supplies.", "PART D. NOTIFICATION") may fill its line; an
    unnumbered one (a bold run-in "Guests." whose emphasis extraction dropped) must be followed by the
    clause's text. Every word of a title is capitalised, except small joining words.
    """
    number = _CLAUSE_NUMBER.match(line)
    start = number.end() if number else 0
    most = 10 if number else 6
    # A title's end is among its first words: the end is looked for there (up to the word after the
    # most a title may have), not along the whole of a long line.
    beyond = line[start:].split(None, most + 1)
    window = len(line) - len(beyond[-1]) if len(beyond) > most + 1 else len(line)
    mark = _TITLE_END.search(line, start, window)
    if mark is None and window < len(line):
        return None
    stop = mark.start() if mark else len(line)
    end = mark.end() if mark else len(line)
    words = line[start:stop].split()
    if not words or len(words) > most or line[stop : stop + 1] == "?":
        return None
    if line[stop : stop + 1] == "." and words[-1].lower().rstrip(".") in ABBREVIATIONS:  # "Sun." is no end
        return None
    if line.count("(", start, stop) > line.count(")", start, stop):  # "Testing (P&P sect. 5 removed ...)" goes on
        return None
    if number is None:  # a run-in title: a sentence follows it ("Guests. No guest may ...")
        rest = line[end:].lstrip(" \"'\u201c*_(")
        arrow = mark is not None and bool(_ARROW.match(mark.group()))  # a notice's "PAPER -> locked cabinet"
        if mark is None or not rest or not (arrow or (line[stop] in ".:" and (rest[0].isupper() or rest[0].isdigit()))):
            return None
    run_in = mark is not None and bool(line[end:].strip())
    if number is None and has_quantity(normalise(line[start:stop]), False):  # "About 20,000 people." names nothing
        return None
    if len(words) <= (4 if number else 3) and words[0][:1].isupper() and run_in:  # "5. Things left behind. We ..."
        return end
    for n, raw in enumerate(words):
        word = raw.strip("()[]\"'\u201c\u201d,;/")
        if not word:
            continue
        if not (word[0].isupper() or word[0].isdigit() or (n and word.lower() in _TITLE_JOINERS)):
            return None
    return end


# --- whom a section addresses: "This section is for the house coordinator, ...", "Who this covers -
# every staffer", "This rule binds every employee": its "you" and its bare commands are theirs ---------
_ADDRESSEE = lazy_compile(
    r"^\W*(?:(?:this|these|the\s+following|the\s+(?:rules?|policy|section)\s+(?:below|above|here))\s+(?:[\w-]+\s+)?"
    r"(?:rules?|section|policy|policies|code|part|page|chapter|guidance|guidelines|handbook|manual|standards?|"
    r"agreement|expectations|sheet|list|document|procedures?|conduct|ethics)\s+"
    r"(?:(?:is|are)\s+(?:meant\s+|written\s+|intended\s+)?for|appl(?:y|ies)\s+to|binds?|covers?|governs?)\b"
    r"|who\s+(?:this|it|these(?:\s+rules)?|this\s+(?:rule|section|policy|page|code))\s+(?:covers|applies\s+to|"
    r"is\s+for|are\s+for|binds)\b"
    r"|(?:applies\s+to|covers|audience|who\s+it\s+covers|for\s+whom)\s*[:\-\u2013\u2014])",
    re.IGNORECASE,
)
# What a section says to its reader: "you", "your", or a bare command ("Do not loan money to a resident").
_ADDRESSING = lazy_compile(
    r"\b(?:you|your|yours|yourself|yourselves|you're|you've|you'll|you'd)\b|^\W*(?:do\s+not|don't|never|always|"
    r"please)\b",
    re.IGNORECASE,
)


# A section for residents lends no "resident" to its commands: "These rules are for all residents. Don't
# stream videos all night" says nothing about residents' videos. Said to staff, it is the staff's rule.
_FOR_RESIDENTS = lazy_compile(
    r"\b(?:residents?|(?<!staff )(?<!board )(?<!team )members?|tenants?|clients?|guests?|participants?|occupants?)\b",
    re.IGNORECASE,
)


def names_addressee(sentence: str) -> bool:
    """Whether a sentence says whom its section is for, when that is not the residents ("This
    section is for the house coordinator, the live-in GA and the board", "This rule binds every
    employee", "Who this covers - every staffer"): the section's "you" and its bare commands are
    said to them."""
    return _ADDRESSEE.search(sentence) is not None and _FOR_RESIDENTS.search(sentence) is None


def addresses_reader(sentence: str) -> bool:
    """Whether a sentence speaks to its reader: "you", "your", or a bare command ("Don't loan
    residents money")."""
    return _ADDRESSING.search(sentence) is not None


_BRACKETED = lazy_compile(r"\([^()]*\)")


def is_capitals(line: str) -> bool:
    """Whether a line is a heading typed in capitals ("POSITION DESCRIPTION: HOUSE MANAGER")."""
    if "(" in line:  # a note in brackets after it: "HOW WE TREAT EACH OTHER (staff included)"
        line = _BRACKETED.sub("", line)
    return line.isupper() and len(line.split()) <= 12 and sum(map(str.isalpha, line)) >= 4


def refers_back(piece: str) -> bool:
    """Whether a sentence opens by referring to the one before it ("It", "This", "Such ...", and
    in speech "So those are ...", "They're red", "That one's ..."), not to the document ("This
    Section", "This Agreement"); or names what came before as a whole later on ("House mgr checks
    all of them monthly")."""
    words = _opening_words(piece, 4)
    if len(words) > 1 and words[0] in _ALL_OR_EACH and (words[1] in _SAID_OF or words[1].endswith("ed")):
        return True  # "All tested monthly and written on the log.", "Each is checked ...", "Both get tagged"
    if len(words) > 1 and words[0] in _SHARE_OF:  # "All that's split ...", "Both of them are ..."
        words = words[2:] if words[1] == "of" else words[1:]
        if words and "'" in words[0]:
            words[0] = words[0].split("'", 1)[0]
    if words and words[0] in _REFERRING:
        return len(words) < 2 or words[1] not in _DOCUMENT_WORDS
    if "them" in piece and _ALL_OF_THEM.search(piece) is not None:
        return True
    return " all" in piece and _CHECKS_ALL.search(piece) is not None


_ALL_OF_THEM = lazy_compile(r"\b(?:all|each|both|every\s+one)\s+of\s+them\b|\bthem\s+(?:all|both)\b", re.IGNORECASE)
# "All", "Each", "Both" opening a sentence and said of at once (a verb, not a noun: not "All residents ...")
_ALL_OR_EACH = _words("all each both")
_SAID_OF = _words("are is were was get gets got must should will shall need needs have has go goes stay stays")
# what a checker does to "all" of what came before: "House mgr checks all monthly" (not "checks all smoke alarms")
_CHECKS_ALL = lazy_compile(
    r"\b(?:checks?|checked|tests?|tested|inspects?|inspected|services?|serviced|replaces?|replaced)\s+(?:them\s+)?all"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:monthly|weekly|daily|nightly|yearly|annually|quarterly|once|twice|each|every|on|at|in|before|after)\b)",
    re.IGNORECASE,
)


_SHARE_OF = _words("all both each most some none any either neither")  # "all of that" refers back as "that" does


# --- speech and questions: what frames the sentences after it ----------------------------------------
# Words a speaker opens with before the point ("So, drills.", "Now, the money part.", "And they're ...").
_DISCOURSE = _words("so now okay ok alright right and but next then well anyway also plus oh um uh yeah because")
_QUESTION_WORDS = _words("what when where who whom whose why how which")
# Written down from speech without its "?": "how often ...", "what about ...", "when do we ...".
_QUESTION_WORD = lazy_compile(r"\b(?:what|when|where|who|whom|whose|why|how|which)\b", re.IGNORECASE)
_ASKING_PAIRS = frozenset({"how often", "how long", "how much", "how many", "how soon"})
_OPEN_QUESTIONS = frozenset({"what about", "how about", "what if"})
_AUXILIARIES = _words("do does did am is are was were can could should would will shall may must has have")
_ASKED_ABOUT = _words("i we you they he she it this that these those the a an your our my someone anyone somebody")
# Words that make a short line a sentence rather than a subject named on its own ("The alarms.").
_NOT_FRAGMENT = _words(
    "is are was were be been am do does did has have had can could should would will shall may must need needs "
    "i you we he she they it there here this that me us him them my mine yes yeah no nope not never always "
    "okay ok right sure exactly seriously anyway period done thanks thank please true fine great good honestly "
    "basically welcome hello hi again everyone everybody nobody somebody someone anyone nothing everything"
)
_NAMING = _words("the your our my their a an about on re regarding as")  # "The alarms.", "About guests."
_CONTRACTED = lazy_compile(r"(?:n't|'ll|'re|'ve|'m|'d)$")
_WHO_ASKS = r"(?:\([^()]{1,60}\)\s*)?"  # who asks or answers, and when: "Q (new overnight staff, 01:50):"
_QA_MARK = lazy_compile(
    rf"^\s*(?:(?:q|question)\s*\d{{0,2}}\s*{_WHO_ASKS}[:.)]|(?:a|ans|answer)\s*\d{{0,2}}\s*{_WHO_ASKS}:)\s+(?=\S)",
    re.IGNORECASE,
)


_SPEAKER_TAG = lazy_compile(r"^[a-z][\w.'-]{0,19}:\s")  # who writes, in a chat ("hm: ...", "dani: ...")
# Who speaks or comments, before a question: "User: ...?", "Comment (RD): ...?"
_LABEL_TAG = lazy_compile(r"^[A-Z][\w.'-]{0,19}(?:\s*\([^()]{1,30}\))?:\s+(?=\S)")


_LIST_NUMBER = lazy_compile(r"^\(?(?:\d{1,2}|[a-h])[.)]$")  # a list item's number: "1.", "(b)", "c)"


def _opening_words(piece: str, count: int) -> list[str]:
    """The first ``count`` words of a sentence, lower-cased, after the words a speaker opens with."""
    label = _LABEL_TAG.match(piece)
    if label is not None and piece.rstrip(" *_\"')\u201d").endswith("?"):  # "User: who do i contact ...?"
        piece = piece[label.end() :]
    raw = piece.split(None, count + 4)[: count + 4]  # a speaker's tag, two opening words, and the words asked
    if len(raw) > 1 and _SPEAKER_TAG.match(piece):  # a chat's "hm: it's from the owner"
        raw = raw[1:]
    # a bullet or an arrow opens a note's line ("\u2192 should a house rep walk people through ...?")
    words = [w.strip("\"'(\u201c\u201d*_.,;:!?\u2014\u2192\u2022\u00b7-").lower().replace("\u2019", "'") for w in raw]
    words = [w for w in words if w]
    if len(words) > 1 and _LIST_NUMBER.match(raw[0]):  # "1. Should a rule cover ...?", "(b) Who signs?"
        words = words[1:]
    start = 0
    while start < len(words) - 1 and start < 2 and words[start] in _DISCOURSE:
        start += 1
    found = words[start : start + count]
    if found and "'" in found[0]:  # "that's", "they're", "it'll"
        found[0] = found[0].split("'", 1)[0]
    return found


# Words that add the next item of a spoken list ("Safety belts, obviously. And concerns about your car, ...").
_NEXT_ITEM = _words("and also plus")
# What such a word is followed by when the sentence still speaks of the subject named before it.
_STILL_ABOUT = _words("i we you he she they it there here this that these those them so then yes no if when")


def adds_item(piece: str) -> bool:
    """Whether a sentence opens by naming the next item of a spoken list ("And concerns about your car,
    ...", "Also the porch light ..."): it has a subject of its own, and the subject named on its own
    before it ("Safety belts, obviously.") no longer frames it. "And we test them monthly" still speaks
    of it."""
    raw = piece.split(None, 3)[:3]
    if len(raw) > 1 and _SPEAKER_TAG.match(piece):
        raw = raw[1:]
    words = [w.strip("\"'(\u201c\u201d*_.,;:!?\u2014-").lower().replace("\u2019", "'") for w in raw]
    if len(words) < 2 or words[0] not in _NEXT_ITEM or not words[1]:
        return False
    second = words[1].split("'", 1)[0]
    return second not in _STILL_ABOUT and second not in _REFERRING and second not in _DISCOURSE


_ASKS_PRACTICE = _words("do does did is are was were will has have")  # not "can I", "may I": those ask leave
_NO_ANSWER = lazy_compile(
    r"^\W*(?:(?:no|nope|not really|not at all|not usually|never|not yet|unknown|unclear|undetermined|unverified|"
    r"not (?:determined|known|verified|observed|confirmed|documented|shown)|"
    r"(?:cannot|can't|could not|couldn't|unable to) (?:be )?(?:determined?|verif(?:y|ied)|confirm(?:ed)?)|"
    r"(?:nobody|no one|no-one) (?:has )?decided(?: yet)?|not decided(?: yet)?|no decision(?: yet)?|undecided)\b"
    r"|(?:(?:it|they|that|this)(?:'s|'re|\u2019s|\u2019re| is| are) )?"
    r"(?:optional|voluntary|up to you|your choice)\b)\W*$",
    re.IGNORECASE,
)


def asks_practice(question: str) -> bool:
    """Whether a question asks if something is done ("Do staff join?", "Is there a curfew?"): answered
    "No." it states that it is not. A question asking leave ("Can I drink here?") answered "No." is a rule."""
    words = _opening_words(strip_answer_mark(question), 1)
    return bool(words) and words[0] in _ASKS_PRACTICE


def asks_yes_no(question: str) -> bool:
    """Whether a question is answered yes or no ("Do staff join?", "Can I have guests?", a note's "A guy
    not answering his door → do we say something?"): it states nothing."""
    words = _opening_words(_QUESTION_LABEL.sub("", strip_answer_mark(question), count=1), 1)
    if words and words[0] in _AUXILIARIES:
        return True
    _, arrow, asked = question.rpartition("\u2192")
    return bool(arrow) and asked.rstrip(" *_\"')\u201d").endswith("?") and asks_yes_no(asked)


# A form's numbered question label: "Question 6.2 — Does your resident agreement ...?", "Item 4: Do you ...?"
_QUESTION_LABEL = lazy_compile(r"^\W*(?:question|item)\s*\d+(?:\.\d+)*[a-z]?\s*[\u2014\u2013:.)-]+\s*", re.IGNORECASE)


_YES = lazy_compile(
    r"^\W*(?:(?:a|ans|answer)\s*\d{0,2}\s*[:.]\s*)?(?:yes|yep|yeah|yup|absolutely|always|correct|definitely|"
    r"of course|sure|certainly|every|each)\b",
    re.IGNORECASE,
)


def asks_whether(piece: str) -> bool:
    """Whether a sentence asks yes or no ("Should residents sign a promise to stay sober?", "Does the
    Tenant walk each Occupant through the exits?"): it proposes, it does not state."""
    return piece.rstrip(" *_\"')\u201d").endswith("?") and asks_yes_no(piece)


def asks_on(piece: str, shortest: int = 4) -> bool:
    """Whether a sentence goes on asking, after a yes-or-no question, without the verb such a question
    opens with ("Am I supposed to check anything? Push-test the smoke detector in every bedroom once a
    month?"): no question word, not a form's field ("Phone? ____")."""
    text = piece.rstrip(" *_\"')\u201d")
    asked = strip_answer_mark(text)
    return (
        text.endswith("?")
        and len(asked.split()) >= shortest
        and "__" not in asked
        and (_QUESTION_WORD.search(asked) is None or _FOR_EXAMPLE.match(asked) is not None)
        and _TAG_QUESTION.search(asked) is None
    )


# A question that gives an example of what the one before asked: "Should we add a section for an emergency
# contact? Like who we'd call, their name, a phone number?" asks on, question word or not.
_FOR_EXAMPLE = lazy_compile(r"\W*(?:like|say|such as|for example|for instance|e\.g\.|meaning)\b", re.IGNORECASE)


def answers_yes(piece: str) -> bool:
    """Whether a sentence answers the question before it yes ("A: Yes, every month."): the question
    then states what it asked."""
    return _YES.match(piece) is not None


def says_otherwise(answer: str) -> bool:
    """Whether a yes goes on to say that someone else does it, that it comes later, or that it is not in
    effect ("Yes, the county inspector does that each spring.", "Yes, once the board approves the plan.",
    "Yes, but we have not adopted it."): then it confirms no rule of the house."""
    found = _YES.match(answer)
    rest = answer[found.end() :].lstrip(" ,:;!.-\u2013\u2014") if found is not None else answer
    return bool(rest) and (
        acted_by_other(rest) or leaves_for_later(rest) or disowns_section(rest) or _ONCE_DONE.search(rest) is not None
    )


# "once the board approves it", "when the owner signs off", "after the council votes": not yet in effect
_ONCE_DONE = lazy_compile(
    r"^(?:but\s+)?(?:only\s+)?(?:once|when|after|if)\s+(?:the\s+|our\s+)?(?:board|owners?|council|director|management|"
    r"landlord|residents?|house)\s+(?:approves?|votes?|signs?\s+off|agrees?|decides?|adopts?)\b",
    re.IGNORECASE,
)


def asks_wh(question: str) -> bool:
    """Whether a question opens with a question word ("Who holds the keys?"), not a statement asked back
    ("Your family pays part of your rent? That's fine.")."""
    words = _opening_words(strip_answer_mark(question), 1)
    return bool(words) and words[0] in _QUESTION_WORDS


_NOBODY = lazy_compile(
    r"^\W*(?:(?:a|ans|answer)\s*\d{0,2}\s*[:.]\s*)?(?:good\s+(?:q|question)\W+)?(?:(?:honestly|frankly)\W+)?"
    r"(?:(?:no\s*one|no-one|nobody|none\s+of\s+us)\b"
    r"(?!\s+(?:else|but|except|other|may|can|could|is|are|should|shall|must|will|gets?)\b)"
    # nobody known to do it: "Good q, honestly no idea.", "Not sure.", "No answer this shift."
    r"|(?:(?:i\s+have\s+)?no\s+idea|not\s+sure|(?:i\s+)?(?:don'?t|do\s+not)\s+know|no\s+answer)\b)",
    re.IGNORECASE,
)
# What the house does that a question "Who ...?" asks about: answered "No one." it is not done.
_HOUSE_ACTS = lazy_compile(
    r"\b(?:search|test|check|inspect|screen|train|enter|walk|show|review|teach|explain|post|look\s+(?:at|over|through))"
    r"(?:e?s|ed|ing)?\b",
    re.IGNORECASE,
)


def answers_nobody(piece: str, question: str) -> bool:
    """Whether a sentence answers a question asking who does something the house would do ("Who checks
    the smoke alarms?", "Who may search my room?") with "No one." / "Nobody, as far as I know.": then
    it is not done, and the question lends its words to nothing. "Who can bring a guest? No one may"
    is a rule, said in the answer's own words."""
    words = _opening_words(strip_answer_mark(question), 1)
    return (
        bool(words)
        and words[0] == "who"
        and _NOBODY.match(piece) is not None
        and _HOUSE_ACTS.search(question) is not None
    )


_CANNOT = lazy_compile(
    r"^\W*(?:we|i)\s+(?:can'?t|cannot|can\s+not|don'?t|do\s+not|won'?t|haven'?t|have\s+not|never)\b", re.IGNORECASE
)


def answers_cannot(piece: str) -> bool:
    """Whether a short answer says the house does not do what the question before it asks about ("How do
    we show residents are oriented? We can't, we don't do one."): the question then lends its words to
    nothing. A longer answer states its own rule ("We don't allow overnight guests on weekdays or ...")."""
    answer = strip_answer_mark(piece.replace("\u2019", "'"))
    return len(answer.split()) <= 8 and _CANNOT.match(answer) is not None


# A quiz's true-or-false item and its answer: "1. True or False: There is a smoke detector in every
# bedroom." / "Answer: False. There's one old unit in the hall." The statement answered false is no rule.
_TRUE_OR_FALSE = lazy_compile(r"^\W*(?:\d{1,3}[.)]\s*)?(?:true\s+or\s+false|t\s*/\s*f)\b", re.IGNORECASE)
_FALSE = lazy_compile(
    r"^\W*(?:(?:answer|ans|a)\s*[:.]\s*)?\**false\b(?!\s+[a-z])", re.IGNORECASE
)  # not "False alarms ..."


TRUE_FALSE_WORDS = _words("true t")  # every true-or-false item holds one ("True or False:", "T/F:")


def asks_true_or_false(piece: str) -> bool:
    """Whether a sentence opens a quiz's true-or-false item ("1. True or False: ...")."""
    return _TRUE_OR_FALSE.match(piece) is not None


def answers_false(piece: str) -> bool:
    """Whether a sentence answers a true-or-false item "False" ("Answer: False. ...")."""
    return _FALSE.match(piece) is not None


def answers_no(piece: str) -> bool:
    """Whether a sentence is a bare "No." (or "They're optional.") answering the question before it."""
    return _NO_ANSWER.match(piece) is not None


_PROVISO = lazy_compile(
    r"^(?:and\s+|but\s+)?"
    r"(?:provided\b|except\b|excepting\b|subject to\b|unless\b|save that\b|in which (?:event|case)\b)",
    re.IGNORECASE,
)


def is_proviso(clause: str) -> bool:
    """Whether a clause of a long sentence qualifies the one before it ("provided, however, that the
    Resident continues to pay", "except as stated in Section 4", "unless the Director agrees")."""
    return _PROVISO.match(clause.lstrip(" (\"'")) is not None


_Q_MARK = lazy_compile(rf"^\s*(?:q|question)\s*\d{{0,2}}\s*{_WHO_ASKS}[:.)]\s+(?=\S)", re.IGNORECASE)


_ANSWER_IN_LINE = lazy_compile(rf"(?:^|\s)(?:a|ans|answer)\s*\d{{0,2}}\s*{_WHO_ASKS}:\s+(?=\S)", re.IGNORECASE)


def asker_part(line: str) -> str:
    """An FAQ's "Q:" line up to its answer, when it is answered on the same line ("Q: Is there a limit?
    A: No. We don't set a move-out date.")."""
    found = _ANSWER_IN_LINE.search(line, 2)
    return line[: found.start()] if found is not None else line


def asks_marked(line: str) -> bool:
    """Whether a line is an FAQ's question, marked "Q:" ("Q: I live next door. Who do I call?")."""
    return _Q_MARK.match(line) is not None


def strip_answer_mark(piece: str) -> str:
    """A question's or an answer's text without its "Q:" / "A:" mark (an FAQ, an e-mail reply)."""
    match = _QA_MARK.match(piece)
    return piece[match.end() :] if match else piece


# A statement said with a tag asking for a nod ("Rent's due Friday, okay?"): it states, it does not ask.
_TAG_QUESTION = lazy_compile(
    r",\s*(?:okay|ok|right|yeah|alright|all right|got it|understood|you know|fair|cool|deal)\?$", re.IGNORECASE
)


MAX_YES_NO_WORDS = 45
_AFTERTHOUGHT = lazy_compile(r"(?<=\?)\s*\([^()]{1,120}\)$")  # "...? (no clue whose)"


def is_question(piece: str) -> bool:
    """Whether a sentence asks what the next ones answer: it ends with "?", or, spoken and written
    down without one, opens with a question word asking ("Now when do we check all this.")."""
    text = piece.rstrip(" *_\"'\u201d)")
    if not text.endswith("?"):  # "Do smokers use the side yard? (there's a green chair out there)"
        text = _AFTERTHOUGHT.sub("", piece.rstrip(" *_\"'\u201d")).rstrip(" *_\"'\u201d")
    if text.endswith("?"):
        # a long one only when it opens as a yes-or-no question does ("Should someone test the smoke detector
        # in every bedroom and hall, both CO detectors ..., and make sure ...?")
        limit = MAX_YES_NO_WORDS if asks_yes_no(text) else 20
        return len(text.split()) <= limit and _TAG_QUESTION.search(text) is None
    if text.endswith(":") or text.count(" ") > 11 or not _QUESTION_WORD.search(text, 0, 48):
        return False  # no question word where a question would open
    words = _opening_words(text, 3)
    if len(words) < 3 or words[0] not in _QUESTION_WORDS or len(text.split()) > 12 or text.endswith(":"):
        return False
    pair = f"{words[0]} {words[1]}"
    if pair in _OPEN_QUESTIONS:  # "what about the money", "what if it chirps"
        return True
    if pair in _ASKING_PAIRS:  # "how often do we", not "how long people stay"
        return words[2] in _AUXILIARIES
    return words[1] in _AUXILIARIES and words[2] in _ASKED_ABOUT  # "when do we", "who does the", not "what's not fine"


def is_fragment(piece: str, *, opening: bool) -> bool:
    """Whether a short sentence only names what the next ones are about ("The alarms.", "So,
    drills.", "Now, the money part.", "Extinguishers."). Away from a paragraph's opening
    (``opening`` False) the speaker must mark it ("So, ...", "Now, ...")."""
    text = piece.strip()
    if not text.endswith((".", ":")) or text.endswith("..."):  # "Two years!" stresses, it names nothing
        return False
    raw = text.split()
    marked = bool(raw) and raw[0].strip(",").lower() in _DISCOURSE
    if not opening and not marked and len(raw) > 3:
        return False  # mid-paragraph, a subject named unmarked is a word or three ("Booze.", "Street drugs.")
    words: list[str] = []  # its words, stripped, after the discourse marks it opens with: four at most
    for token in raw:
        word = token.strip("\"'(\u201c\u201d*_.,;:!\u2014-").replace("\u2019", "'")
        if not word or (not words and word.lower() in _DISCOURSE):
            continue
        words.append(word)
        if len(words) > 4:
            return False
    if not words or not words[0][:1].isalpha():
        return False
    if any(w.lower() in _NOT_FRAGMENT or _CONTRACTED.search(w.lower()) or w[:1].isdigit() for w in words):
        return False
    if words[0].lower().endswith("'s") and words[0].lower()[:-2] in _NOT_FRAGMENT:
        return False
    if len(words) > 1:  # a thing named ("the money part", "street drugs"), not an order ("Check every bill.")
        return words[0].lower() in _NAMING or (words[-1].lower().endswith("s") and not words[-1].endswith("ss"))
    # A bare word must be a name for something ("Extinguishers."), not an order ("Lock." is rare).
    return (words[0][0].isupper() and len(words[0]) > 3) or marked


def is_title(text: str) -> bool:
    """Whether a sentence is a numbered clause's title or a question (it frames; it states no rule)."""
    asked = text.rstrip().endswith("?") and _TAG_QUESTION.search(text.rstrip()) is None
    return asked or (_CLAUSE_NUMBER.match(text) is not None and title_end(text) == len(text))


# Words a house's safety rules use, said in a fixed phrase with another sense: a "safety net" fund is
# money, a "financial emergency" or an "emergency loan" is no fire or overdose, a "fire sale" no fire.
_OTHER_SENSE_AFTER = {  # the word, and the words after it that give it another sense
    "safety": _words("net nets"),
    # "the staff emergency leave procedure", "Emergency maintenance contact: the on-call tech"
    "emergency": _words(
        "fund funds loan loans rent cash grant grants leave maintenance repair repairs plumber locksmith"
    ),
    "fire": _words("sale sales"),
    "smoking": _words("ribs meat brisket pork fish turkey salmon sausage"),  # "if you're smoking ribs"
    "test": _words("strip strips"),  # "water test strips for the fish tank"
}
# A test of something other than drug or alcohol use: "a free flu test kit", "a COVID-19 test", "the
# driving test".
_OTHER_TESTS = _words(
    "flu covid 19 pregnancy tb strep hiv hepatitis allergy skin driving driver's road eye hearing vision math "
    "spelling placement aptitude personality practice water lead radon soil mold mould pool tank ammonia"
)
# Medicine for an animal: "the dog's prescription", "flea drops", "the vet's label".
_ANIMALS = _words("dog dog's dogs cat cat's cats pet pet's pets animal animal's flea heartworm vet vet's veterinary")
_OTHER_SENSE_BEFORE = {  # the word, and the words before it that give it another sense
    "emergency": _words("financial money cash rent budget family personal"),
    "emergencies": _words("financial money cash rent budget family personal"),
    "test": _OTHER_TESTS,
    "tests": _OTHER_TESTS,
    "testing": _OTHER_TESTS,
    **dict.fromkeys(("medication", "medications", "medicine", "medicines", "meds", "prescription", "pills"), _ANIMALS),
}
# "the social model of disability" (barriers, not bodies, disable people) is no Social Model of recovery
_DISABILITY = _words("disability disabilities disablement")
OTHER_SENSE_WORDS = frozenset([*_OTHER_SENSE_AFTER, *_OTHER_SENSE_BEFORE, "model"])


def other_sense_regions(words: Sequence[str], positions: Iterable[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """Where, among a sentence's words (``lo`` to ``hi``), a word at ``positions`` is said in a fixed
    phrase with another sense ("a safety net fund", "a financial emergency"): it names no safety rule."""
    found = []
    for p in positions:
        word = words[p]
        if word == "model":
            if (
                lo < p
                and p + 2 < hi
                and words[p - 1] == "social"
                and words[p + 1] == "of"
                and words[p + 2] in _DISABILITY
            ):
                found.append((max(lo, p - 2), p + 3))  # from its article: "the social model of disability"
            continue
        if p + 1 < hi and words[p + 1] in _OTHER_SENSE_AFTER.get(word, ()):
            found.append((p, p + 2))
        elif p > lo and words[p - 1] in _OTHER_SENSE_BEFORE.get(word, ()):
            found.append((p - 1, p + 1))
    return found


# A thing named only for its look, joined by hyphens: "smoke-detector-shaped dust bunnies", "any
# prohibited-looking item". It names no detector and no prohibited item.
_LOOKALIKE = lazy_compile(r"\b((?:[a-z0-9']+-){1,3})(?:shaped|looking|style|themed|colou?red|sized)\b")
LOOKALIKE_CUES = _words("shaped looking style themed colored coloured sized")


def lookalike_regions(words: Sequence[str], lo: int, hi: int, text: str) -> list[tuple[int, int]]:
    """Where a sentence (``words[lo:hi]``, written ``text``) names a thing only for its look
    ("smoke-detector-shaped", "prohibited-looking"): those words name no such thing."""
    offsets = _Offsets(text, hi - lo)
    starts = offsets.starts()
    if not starts or "-" not in offsets.normal:
        return []
    return [
        (lo + bisect_left(starts, m.start()), lo + bisect_left(starts, m.end(1)) + 1)
        for m in _LOOKALIKE.finditer(offsets.normal)
    ]


# A slide's title in a deck written out as text: "Slide 11 - Screening before you start", "Slide 6:
# Our insurance". It heads the slide's bullets, as a heading does (not the speaker's notes below them,
# which talk around the slide more than they state it).
_SLIDE_TITLE = lazy_compile(
    r"^\s*(?:slide|sl\.)\s*#?\d{1,3}[a-z]?\s*(?:[-\u2013\u2014:.|)]\s*)?(?=[A-Za-z\"'\u201c(]|$)", re.IGNORECASE
)


def is_slide_title(line: str) -> bool:
    """Whether a line is a slide's title ("Slide 12 - What happens with a hit"): it heads the slide."""
    return line[:1] in "Ss" and len(line.split()) <= 16 and _SLIDE_TITLE.match(line) is not None


def is_numbered(line: str) -> bool:
    """Whether a line opens with a clause's number ("Section 8.4", "7.3", "Article II", "PART D.")."""
    return _CLAUSE_NUMBER.match(line) is not None


def without_number(line: str) -> str:
    """The line without the clause's number it opens with ("17. Alcohol- and drug-free policy" ->
    "Alcohol- and drug-free policy"); the line itself when it opens with none."""
    found = _CLAUSE_NUMBER.match(line)
    return line[found.end() :] if found else line


def gives_contact(text: str) -> bool:
    """Whether the text gives a way to reach someone: a phone number, an e-mail, an extension, an address."""
    return _CONTACT.search(text) is not None


# --- what states no rule: a recital, a purpose, a plan to write the rule later -----------------------
# "The Board recognizes the importance of ...": a recital says why the Board acts; what it resolves follows.
_RECITAL = lazy_compile(
    r"\b(?:recogni[sz](?:es|ed|ing)?|acknowledg(?:es|ed|ing)) the (?:importance|need|value)\b", re.IGNORECASE
)
# Where a recital's reasons end and what is resolved begins ("...; NOW, THEREFORE, BE IT RESOLVED").
_RESOLVING = lazy_compile(r"\b(?:now,? therefore|therefore|be it (?:further )?resolved|resolved that)\b", re.IGNORECASE)
# What opens a purpose: "in order to promote safety", "so as to ensure", "for the purpose of".
PURPOSE_CUES = _words(
    "recognizes recognises recognized recognised acknowledges acknowledged order purpose aim importance "
    "honestly frankly seriously truthfully honest"
)
# A speaker's hedge opening a sentence ("Honestly, it's a nice old house"): how it is said, not honesty.
_HEDGE = lazy_compile(
    r"^\W*(?:(?:and|so|but|okay|ok|well|i mean)\W+)*(?:honestly|frankly|seriously|truthfully|to be honest)\s*,",
    re.IGNORECASE,
)
_PURPOSE_OPENING = {("in", "order", "to"), ("so", "as", "to"), ("for", "the", "purpose"), ("with", "the", "aim")}
# What a sentence opening "To ..." names as its reason ("To protect privacy, ..."), not as its
# condition ("To apply, you need two years sober").
_PURPOSE_VERBS = _words(
    "promote protect ensure keep support maintain prevent reduce respect foster encourage help preserve safeguard "
    "avoid minimize minimise improve honor honour build strengthen create provide comply"
)
_REASON_END = lazy_compile(r"[,;:.]")
MAX_REASON = 12  # words: a longer opening "To ..." up to its comma is more than a reason
# Where a purpose ends: the rule it is the reason for ("in order to keep everyone safe, residents must ...").
_RULE_WORDS = _words("must shall will may should cannot can't won't are is need needs required")


def unstated_regions(words: Sequence[str], lo: int, hi: int, text: str) -> list[tuple[int, int]]:
    """The words of one sentence (``words[lo:hi]``, written ``text``) that say why, not what: a recital
    ("WHEREAS the Board recognizes the importance of resident input"), a purpose ("in order to promote
    safety", "To protect privacy, ..."). An idea named only there is not stated as a rule."""
    regions: list[tuple[int, int]] = []
    hedge = _HEDGE.match(text)
    if hedge is not None:
        regions.append((lo, lo + len(WORD.findall(normalise(text[: hedge.end()])))))
    if _RECITAL.search(text):
        resolving = _RESOLVING.search(text)
        if resolving is None:
            return [(lo, hi)]
        offsets = _Offsets(text, hi - lo)
        starts = offsets.starts()
        end = bisect_left(starts, resolving.start()) if starts else hi - lo
        regions.append((lo, lo + end))
    opening = _opening_words(text, 2)
    if hi - lo > 3 and words[lo] == "to" and opening[1:] and opening[1] in _PURPOSE_VERBS and "," in text[:120]:
        # "To protect everyone's privacy, no photos are posted": the reason, up to the comma (a colon
        # opens what is promised: "to keep the house drug-free: I will not use ...")
        reason = _REASON_END.search(text)
        if reason is not None and reason.group() == ",":
            end = len(WORD.findall(normalise(text[: reason.start()])))
            if end < min(hi - lo, MAX_REASON):
                regions.append((lo, lo + end))
    if _AVOWAL.search(text):
        regions.extend(_avowed(text, lo, hi))
    for j in range(lo, hi - 2):
        if (words[j], words[j + 1], words[j + 2]) in _PURPOSE_OPENING:
            end = j + 3
            while end < hi and words[end] not in _RULE_WORDS:
                end += 1
            clause = lo + _Offsets(text, hi - lo).phrase_end(j + 3 - lo)
            regions.append((j + 3, min(end, clause)))
    return [(a, b) for a, b in regions if a < b]


# A value professed, on a web page or in a mission statement: "Safety is important to us", "we take
# it seriously", "Honesty is our top priority", "We value respect". It says what the house cares
# about, not what anyone does: the clause holding it states no rule (a rule beside it still does:
# "Safety is our priority: every bedroom has a smoke detector").
_AVOWAL = lazy_compile(
    r"\b(?:is|are)\s+(?:very\s+|so\s+|really\s+|extremely\s+|especially\s+|deeply\s+)?(?:important|dear)\s+to\s+us\b"
    r"|\bmatters?\s+(?:so\s+much\s+|a\s+lot\s+|deeply\s+)?to\s+us\b"
    r"|\b(?:is|are)\s+(?:always\s+)?(?:our|a)\s+(?:top\s+|first\s+|number\s+one\s+|highest\s+|core\s+)?"
    r"(?:priority|priorities|value|values|commitment)\b"
    r"|\btakes?\s+(?:it|this|that|them|safety|[a-z]+)\s+(?:very\s+|so\s+)?seriously\b"
    r"|\bwe\s+(?:deeply\s+|truly\s+|really\s+|strongly\s+)?(?:value|care\s+about|believe\s+in|cherish)\b",
    re.IGNORECASE,
)
_AVOWAL_BREAK = lazy_compile(r"[;:.]\s|,\s+(?:and|but|so|which|while|or)\b|\sbut\s|\s[-\u2013\u2014]+\s")
AVOWAL_CUES = _words("important dear matters matter priority priorities value values commitment seriously care believe")


def _avowed(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The clauses of a sentence that profess a value ("Safety is important to us"), as word positions."""
    normal = normalise(text)
    starts = [m.start() for m in WORD.finditer(normal)]
    if len(starts) != hi - lo:
        return []
    bounds = [0, *(m.end() for m in _AVOWAL_BREAK.finditer(normal)), len(normal) + 1]
    found = []
    for a, b in pairwise(bounds):
        if _AVOWAL.search(normal[a:b]):
            found.append((lo + bisect_left(starts, a), lo + bisect_left(starts, b)))
    return found


# A rule left to be written or decided later by someone named: "the Executive Director is authorized
# to develop ...", "will be considered by the Board at a later meeting", "has not been set yet".
_LATER = lazy_compile(
    r"\b(?:is|are|be|been|hereby)\s+(?:hereby\s+)?(?:authori[sz]ed|directed|instructed|requested|charged|"
    r"tasked|empowered)\s+to\s+(?:look\s+into|explore|study|develop|draft|prepare|research|investigate|"
    r"consider|evaluate|propose|recommend|review|examine|design|create|write|seek|pursue|identify|assess|"
    r"work\s+out|come\s+up\s+with|bring\s+(?:back|forward)|report\s+back|gather|collect\s+(?:information|input))\b"
    r"|\bwill\s+be\s+(?:considered|taken\s+up|discussed|decided|addressed|reviewed|revisited)\b[^.;]{0,40}?"
    r"\b(?:later|next|future|upcoming|coming|another|further)\b"
    r"|\b(?:will|to)\s+take\s+(?:this|it|that|the\s+matter|the\s+question)\s+up\b"
    r"|\btakes?\s+no\s+position\b"
    r"|\b(?:has|have)\s+not\s+(?:yet\s+)?been\s+(?:set|decided|adopted|written|developed|drafted|determined|"
    r"established|finali[sz]ed|agreed)\b"
    r"|\b(?:has|have)\s+not\s+yet\s+been\s+(?:submitted|filed|issued|obtained|installed|completed|posted|approved|"
    r"purchased|hired|scheduled|finished|received|done)\b"  # "our filing has not yet been submitted"
    r"|\b(?:is|are)\s+(?:currently\s+|still\s+)?on\s+hold\b"
    r"|\bleft\s+(?:up\s+)?to\s+(?:each|the|every|individual)\b[^.;]{0,40}?\bto\s+(?:work\s+out|decide|determine|"
    r"figure\s+out|set)\b"
    r"|\b(?:is|are)\s+planned\s+for\s+(?:next|later|the\s+future|a\s+later)\b"
    r"|\bwhen\s+(?:funds|money|the\s+budget|resources)\s+(?:allow|permits?|becomes?\s+available)\b"
    r"|\bcoming\s+(?:soon|later|in\s+\d{4}|\d{4}|next\s+(?:year|month|quarter|spring|fall|summer|winter))\b"
    # ... or left to another document: "is covered in the Staff Handbook", "is not part of this policy"
    r"|\b(?:is|are)\s+(?:discussed|covered|addressed|handled|dealt\s+with|scheduled|arranged)\s+"
    r"(?:separately|elsewhere|in\s+(?:the|a|an|another|our|its|their)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:handbook|manual|curriculum|policy|plan|guide|document|packet))\b"
    r"|\b(?:is|are)\s+not\s+(?:a\s+)?part\s+of\s+this\s+(?:policy|section|manual|handbook|document)\b"
    # ... or only promised, as a report's response promises: "we will look into a separate login", "we
    # are considering whether any privacy laws apply", "the reviewer's suggestion has been noted", "the
    # chair plans to propose a schedule", "once the requirements are finalized", "in the future we hope
    # to", "we'd like to use these numbers someday", "was discussed but the residents did not agree".
    # (not "staff will look into any complaint within 48 hours": a rule)
    r"|\b(?:will|'ll|shall|are|is|am|be)\s+(?:also\s+|now\s+)?look(?:ing)?\s+into\s+(?![^.;]*\d)"
    r"(?!(?:any|every|each|all|the\s+(?:complaint|grievance|concern|incident|matter|report|allegation))\b|"
    r"(?:complaint|grievance|concern|incident|report|allegation)s?\b)"
    r"|\b(?:we|we're|i|i'm|board|director|house|staff|management|operator|owner)\s+(?:are\s+|is\s+|am\s+)?"
    r"(?:still\s+|now\s+|also\s+)?considering\b"
    r"|\b(?:suggestion|recommendation|comment|note|request|feedback|idea|proposal|concern)s?\b[^.;]{0,80}?"
    r"\b(?:has|have)\s+been\s+(?:noted|received|acknowledged|forwarded|referred|passed\s+(?:on|along))\b"
    r"|\b(?:plans?|planning|intends?|intending|hopes?|hoping)\s+to\s+(?:propose|develop|draft|write|create|"
    r"set\s+up|put\s+together|look\s+into|explore|come\s+up\s+with|introduce|adopt|add)\b"
    r"|(?<!you )(?<!they )(?<!he )(?<!she )"  # the house's hope, not the resident's ("where you hope to live when")
    r"\b(?:hope|hopes|hoping|would\s+like|'d\s+like|wish|wishes)\s+to\b[^.;]{0,80}?"
    r"\b(?:someday|some\s+day|one\s+day|eventually|down\s+the\s+road|in\s+the\s+future|once|when)\b"
    # "my plan is to add something like: ..." (what the plan would add)
    r"|\b(?:my|our|the\s+(?:owner's|owners'|board's|manager's))\s+plan\s+is\s+to\s+(?:propose|develop|draft|write|create|add|"
    r"adopt|introduce|put\s+in)\b"
    r"|\b(?:in\s+the\s+future|someday|some\s+day|one\s+day|down\s+the\s+road|eventually),?\s+"
    r"(?:we|the\s+house|the\s+board|staff|management|i)\s+(?:(?:hope|want|plan|wish|intend)\s+to|"
    r"(?:would|'d)\s+like\s+to|might|could)\b"  # not a vision: "someday we hope every person in recovery ..."
    r"|\bmaybe\s+(?:in\s+the\s+future|someday|some\s+day|one\s+day|down\s+the\s+road|eventually|later|"
    r"next\s+(?:spring|summer|fall|autumn|winter|year|month))\b"
    r"|\bonce\s+(?:the\s+|a\s+|an\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:is|are|has\s+been|have\s+been)\s+"
    r"(?:finali[sz]ed|decided|approved|worked\s+out|settled|written|drafted)\b"
    r"|\b(?:was|were|has\s+been|have\s+been)\s+(?:discussed|raised|suggested|proposed|talked\s+about|put\s+to\s+"
    r"(?:the\s+)?(?:house|residents|board|members))\b[^.;]{0,60}?\b(?:but|and\s+may|may\s+be)\b"
    r"|\bwill\s+be\s+(?:a\s+)?topic\b"
    # the house's plan: "The operator plans, from next spring, to have a senior resident walk each newcomer ..."
    r"|\b(?:we|operator|house|board|director|manager|management|owner|owners|company)\s+(?:also\s+)?"
    r"(?:plans?|intends?)(?:,[^,.;]{1,40},)?\s+to\s+(?:have|start|begin|hold|run|require|use|introduce|put|post|offer)\b"
    # taken to a meeting: "Put it on next week's agenda.", "will bring a draft to the March meeting"
    r"|(?:^|(?<=[.;:!?]\s))\W*(?:(?:we|i)(?:'ll|’ll|\s+will)\s+|let(?:'s|’s)\s+)?"
    r"(?:put|putting|add|adding)\s+(?:it|this|that|them)\s+(?:on|to)\s+(?:the\s+|our\s+|"
    r"(?:next|this)\s+(?:week|month|meeting)(?:'s|’s)?\s+|(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"thurs?|tues?|wed|fri|sat|sun|mon)(?:'s|’s)?\s+)?(?:meeting\s+)?agenda\W*(?:[-\u2013\u2014]+\s*[\w .()]{1,30})?$"
    r"|\b(?:will|'ll|to)\s+bring\s+(?:a|the|his|her|their)\s+draft\b",
    re.IGNORECASE,
)


# A word one of the wordings above needs: a sentence without any of them leaves nothing for later.
LATER_WORDS = _words(
    "authorized authorised directed instructed requested charged tasked empowered considered taken discussed "
    "decided addressed reviewed revisited take takes position been hold left planned funds money budget resources "
    "discussed covered handled dealt scheduled arranged part coming look looking considering noted acknowledged "
    "forwarded referred passed plans planning intends intending hope hopes hoping wish wishes future someday road "
    "eventually maybe finalized finalised approved settled written drafted raised suggested proposed talked topic "
    "agenda draft plan"
)


def leaves_for_later(text: str) -> bool:
    """Whether a sentence leaves the rule to be written or decided later ("the Director is authorized
    to develop a policy", "the Board will take this up at the spring meeting"): it states none."""
    return not cannot_match(_LATER_FIRST, text) and _LATER.search(text) is not None


_LATER_FIRST = lowered(_LATER.pattern)


# A page's running header or footer in a scanned or printed document: "Page 3 of 12", "Rev. 2014",
# "- 4 -", "Page 12 of 18      Rev. 2014". It breaks the text it falls into; it is no part of it.
_PAGE = r"(?:(?:page|pg\.?|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|-\s*\d{1,3}\s*-)"
_REVISION = (
    r"(?:(?:rev(?:ision|ised)?\.?|version|ver\.|v\.)\s*(?:\d{1,2}[./-]){0,2}\d{2,4}"
    r"|(?:rev(?:ision|ised)?\.?|version)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})"
)
_RUNNING = lazy_compile(
    rf"^(?:{_PAGE}(?:\s*[|\u2022\u00b7,]?\s*{_REVISION})?|{_REVISION}(?:\s*[|\u2022\u00b7,]?\s*{_PAGE})?)$",
    re.IGNORECASE,
)


def is_running_line(line: str) -> bool:
    """Whether a line is a page's running header or footer ("Page 3 of 12", "Rev. 2014", or both
    on one line): page furniture, not text."""
    if not line or line[0] not in _RUNNING_OPENINGS or len(line) > 80:
        return False
    return _RUNNING.match(line.strip()) is not None


_RUNNING_OPENINGS = frozenset("PpRrVv-")  # what a page's furniture opens with ("Page", "Rev.", "- 4 -")


# What talk written down sounds like: fillers, contractions, a speaker turning to the listener.
_SPOKEN_MARKS = lazy_compile(
    r"\b(?:okay|ok|yeah|gonna|kinda|sorta|um|uh|you know|i mean|like,|so,|anyway|alright|right\?|y'all|guys|stuff|"
    r"basically|it's|that's|there's|here's|what's|he's|she's|who's|let's)\b|(?:n't|'re|'ll|'ve|'m)\b"
)
# What a document typed as one has and talk written down has not: headings, lists, tables, speakers' tags.
_LAID_OUT = lazy_compile(r"(?m)^\s*(?:#|[-*\u2022]\s|\d{1,2}[.)]\s|\|)|^[A-Z][A-Z ,&'-]{6,}$|^[\w.'-]{1,20}:\s")
SPOKEN_DENSITY = 4  # marks of talk per hundred words
MIN_TALK = 20  # words: a line or two says too little to tell talk from writing


def sounds_spoken(text: str) -> bool:
    """Whether a text is talk written down (an orientation said aloud, a house meeting transcribed):
    thick with fillers and contractions, and laid out as nothing but paragraphs."""
    words = len(text.split())
    if words < MIN_TALK or _LAID_OUT.search(text):
        return False
    return 100 * len(_SPOKEN_MARKS.findall(text.lower().replace("\u2019", "'"))) >= SPOKEN_DENSITY * words


# Speech-to-text left raw: the speaker's spoken punctuation written out as words, and no marks at all
# ("... the key stays with them period no sharing ... be kept question mark new paragraph so ...").
_MARKED = lazy_compile(r"[.?!;,:]")
_DICTATED = lazy_compile(
    r"\s*\b(?:(?<![\w-])(?<!the )(?<!a )(?<!this )(?<!that )(?<!each )(?<!same )(?<!grace )(?<!notice )(?<!trial )"
    r"(?<!policy )(?<!waiting )(?<!probation )(?<!probationary )(?<!coverage )(?<!billing )(?<!pay )(?<!time )"
    r"(?<!review )(?<!day )(?<!week )(?<!month )(?<!-)(period|full stop)\b"
    r"(?!\s+(?:of|for|to|is|was|will|before|after|applies|ends|starts|begins|runs|during|in|on|at)\b)"
    r"|(question mark|exclamation (?:point|mark))|(new paragraph)|(new line)|(comma))\b\s*",
    re.IGNORECASE,
)
_DICTATED_CLEAR = lazy_compile(
    r"\b(?:question mark|new paragraph|new line|full stop|exclamation point)\b", re.IGNORECASE
)
DICTATED_WORDS = 30  # words: shorter unmarked text is a label or a list's item, not a dictation


def undictated(text: str) -> str:
    """A dictation's text with its spoken punctuation put back as marks, so its sentences end where the
    speaker ended them: a plan, a question or "that's how they do it there" stays in its own sentence
    instead of one run-on the length of the note. Only text with no marks at all, of DICTATED_WORDS words
    or more, and with two commands (or one of _DICTATED_CLEAR's, "question mark", "new paragraph", ...) is
    read so; "the grace period of" is never a command. Anything else is returned as it is."""
    if _MARKED.search(text) or len(text.split()) < DICTATED_WORDS:
        return text
    commands = _DICTATED.findall(text)
    if len(commands) < 2 and not _DICTATED_CLEAR.search(text):
        return text

    def mark(match: re.Match[str]) -> str:
        stop, _, paragraph, line, comma = match.groups()
        if comma:
            return ", "
        if paragraph:
            return ".\n\n"  # a paragraph ends its sentence (after a dictated mark, the doubled one is dropped below)
        if line:
            return "\n"
        return ("." if stop else "?") + " "

    out = _DICTATED.sub(mark, text).strip()
    out = re.sub(r"[ \t]+\n", "\n", re.sub(r"([.?])\s*\.", r"\1", out))  # "kept? new paragraph": no second mark
    return re.sub(r"(^|[.?!]\s+|\n\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


# --- someone else's act: "the county inspects ...", "classes offered by the community college" ------
# Bodies outside the house whose acts a house's policy may mention but does not rule: what they do
# is theirs, not the house's rule.
_OUTSIDE = (
    r"(?:county|city|state|court|courts|judge|employers?|library|college|university|school|bank|credit union|"
    r"insurers?|insurance company|utility|utilities|police|hospital|government|firefighters|fire station|sheriff|"
    r"airport security|(?:[a-z]+ )?department of [a-z]+)"
)
_OUTSIDE_DOES = lazy_compile(
    rf"^\W*(?:(?:and|so|but|also|okay|ok|now|then|plus)\W+)*(?:(?:if|when|once)\s+)?"
    rf"(?:the|a|an|any|many|some|most|your|each|every|our|their|local|that)?\s*(?:local\s+|outside\s+|nearby\s+)?"
    # "the county library staff also run free computer classes"
    rf"{_OUTSIDE}(?:'s)?\s+(?:[a-z]+\s+){{0,2}}(?:also\s+)?(?:shall|will|may|must|can|might|would|could|should|does|do|did|has|have|is|are|was|"
    rf"were|offers?|runs?|holds?|hosts?|provides?|gives?|sets?|requires?|asks?|leads?|conducts?|decides?|"
    rf"pays?|inspects?|sends?|keeps?|charges?|opens?|closes?|handles?|operates?|manages?|delivers?|prepares?|"
    rf"performs?|cleans?|stores?|supplies|supply)\b",
    re.IGNORECASE,
)
_BY_OUTSIDE = lazy_compile(
    rf"\b(?:offered|run|held|hosted|provided|given|led|taught|conducted|inspected|sponsored|organi[sz]ed|prepared|"
    rf"delivered|operated|managed|performed|supplied|cleaned|handled)\s+by\s+(?:the\s+|a\s+|an\s+|your\s+|local\s+)?"
    rf"(?:[A-Z][\w&'.-]*\s+){{0,3}}{_OUTSIDE}\b",
    re.IGNORECASE,
)


# The words that name such a body (an analysis looks them up among its words, instead of reading
# every sentence).
_OUTSIDE_NAMES = (  # noqa: SIM905 - a word list reads better as text
    "county city state court courts judge employer employers library college university school bank union "
    "insurer insurers insurance utility utilities police hospital government department firefighters station "
    "sheriff security"
).split()
OUTSIDE_WORDS = frozenset([*_OUTSIDE_NAMES, *(f"{name}'s" for name in _OUTSIDE_NAMES)])


# What such a body's own system or process decides, wherever it stands in the sentence: "the
# employer's own buddy system determines how coworkers look out for one another", "the county's
# process governs", "signs at the bus stop are the city's responsibility". Theirs, not the house's.
_OUTSIDE_OWN = lazy_compile(
    rf"\b(?:the|an?|your|their|each|that)\s+{_OUTSIDE}'s\s+(?:own\s+)?(?:[a-z-]+\s+){{0,2}}"
    rf"(?:governs?|determines?|decides?|sets?|controls?|applies|apply|rules?)\b"
    rf"|\b(?:is|are)\s+(?:the\s+|an?\s+)?{_OUTSIDE}'s\s+(?:own\s+)?(?:responsibility|job|decision|call|business)\b",
    re.IGNORECASE,
)


# What the house says is such a body's job: "the safety of the parking is responsibility of the city",
# "repairs to the sidewalk are the responsibility of the county".
_OUTSIDE_DUTY = lazy_compile(
    rf"\b(?:is|are)\s+(?:the\s+)?(?:sole\s+)?(?:responsibility|job|duty)\s+of\s+(?:the\s+|an?\s+|your\s+)?{_OUTSIDE}\b",
    re.IGNORECASE,
)


# What a sentence leaves to the resident and someone of his own: "whether you get a sponsor is between
# you and your program", "that's between him and his sponsor". No rule of the house ("what you say
# stays between you and your counselor" keeps a confidence: it is one).
_PRIVATE_MATTER = lazy_compile(
    r"\b(?:is|are|'s)\s+(?:an?\s+(?:personal|private)\s+matter\s+)?(?:strictly\s+|just\s+|only\s+|entirely\s+)?"
    r"between\s+(?:you|him|her|them|the\s+resident|each\s+resident|a\s+resident|the\s+man)\s+and\s+(?:your|his|her|their)\b",
    re.IGNORECASE,
)
# ... or to the programs he comes from: "I leave that to those programs", "we leave it to his counselor".
_LEFT_TO_OTHERS = lazy_compile(
    r"\b(?:i|we)\s+(?:just\s+)?leave\s+(?:that|it|this|those|these|them)\s+(?:up\s+)?to\s+(?:the|those|their|his|her|your)\b",
    re.IGNORECASE,
)
PRIVATE_CUES = frozenset({"between", "leave"})  # the words a sentence leaving a matter to the person holds


def left_to_the_person(text: str) -> bool:
    """Whether a sentence leaves its matter to the resident and someone of his own ("that's between
    you and your sponsor"): it states no rule of the house. Not when it says so after a semicolon
    ("Many residents have sponsors; that's between you and your program"): the first clause stands."""
    found = _PRIVATE_MATTER.search(text.replace("\u2019", "'")) or _LEFT_TO_OTHERS.search(text)
    return found is not None and ";" not in text[: found.start()]  # a clause after a ';' leaves only itself


# A sentence that says what it states is no rule: "that's just how the buildings worked out, not a rule
# we hold to", "it's a choice, not a requirement" (not "not a rule violation").
_DISOWNED = lazy_compile(
    r"\bnot\s+(?:a\s+|an\s+|our\s+|the\s+)?(?:house\s+)?(?:rule|requirement)s?\b(?!\s+(?:violation|breaker))"
    r"|\bnot\s+a\s+house\s+polic(?:y|ies)\b"  # a report's cell: "| Leaflet from the pharmacy | Not a house policy |"
    # what a rule no longer in force said: "Under the former rule 14, all medication was stored ..."
    r"|\b(?:under|per|in|by)\s+(?:the\s+)?(?:former|previous|old|earlier)\s+(?:house\s+)?"
    r"(?:rules?|polic(?:y|ies)|procedures?|agreements?)\b"
    r"|\(theirs,?\s+not\s+ours\)"  # "the discharge packet from Birchwood Treatment (theirs, not ours)"
    # another house's rule: "At the house I managed before Juniper, rule nine was: no cigarettes ...",
    # "At my old house the rule was ..."
    r"|^\W*(?:[A-Z]+:\s*)?(?:\w+,\s+)?(?:at|in)\s+(?:the|my|a|our)\s+(?:(?:old|last|previous|former|other)\s+)?"
    r"(?:house|home|place|program|residence)\s+(?:(?:I|we)\s+(?:managed|ran|lived\s+(?:in|at)|worked\s+(?:in|at)|was\s+(?:in|at)|"
    r"stayed\s+(?:in|at)|came\s+from)\s+before\b|(?:I|we)\s+used\s+to\s+(?:manage|run|live\s+(?:in|at))\b)"
    r"|^\W*(?:[A-Z]+:\s*)?(?:\w+,\s+)?(?:at|in)\s+my\s+(?:old|last|previous|former)\s+(?:house|home|place|program|residence)\b"
    # what a note names, then says is not there: 'Handbook section 5, "We keep each other safe": we don't
    # have it; residents get nothing like it at move-in.' (the sentence only: "We don't have one." after a
    # list may deny one item of it)
    r"|[:;]\s*(?:but\s+)?we\s+(?:don['’]?t|do\s+not)\s+have\s+(?:it|one|that|this)\b"
    # what no one asks of residents: "..., nobody expects them to check on them or say something."
    r"|\bnobody\s+(?:here\s+)?(?:expects|asks|requires|makes|tells)\s+(?:them|you|residents?|anyone|anybody|housemates?|"
    r"people)\s+to\b"
    # "The house doesn't ask any of us for an emergency contact"
    r"|\b(?:the\s+house|we|it)\s+(?:doesn['’]?t|does\s+not|don['’]?t|do\s+not|never)\s+asks?\s+(?:any\s+of\s+us|us|residents|"
    r"anyone|anybody|people)\s+(?:for|to\s+(?:give|list|name|sign))\b",
    re.IGNORECASE,
)
RULE_WORDS = frozenset(  # what such a sentence holds
    {"rule", "rules", "requirement", "requirements", "theirs", "policy", "policies"}
    | {"procedure", "procedures", "agreement", "agreements"}
    | {"before", "old", "last", "previous", "former", "nobody", "don't"}  # another house's rule; nobody asks it
    | {"ask", "asks"}  # "The house doesn't ask any of us for an emergency contact"
)


# A sentence that proposes a rule states none: a list item opening "Suggest:", "Recommendation:",
# "Proposed:" ("Suggest residents who smoke do so off the lot"), and what an inspector, a reviewer or
# a consultant recommends, told as theirs ("The fire inspector recommended that ...", "Inspector
# suggests monthly tests"). Not a recommendation the house has taken up ("As the fire marshal
# recommended, residents smoke only at the patio"): the sentence must open with it.
_ADVISER = (
    r"(?:inspectors?|reviewers?|surveyors?|marshals?|consultants?|auditors?|coach|coaches|assessors?|"
    r"fire\s+department|county|affiliate|visitors?|she|he|they)"
)
_PROPOSES = lazy_compile(
    r"^\W*(?:suggest(?:ed|ion|s)?|recommend(?:ed|ation|s)?|propos(?:ed|al)|idea)\s*[:\-\u2013\u2014]"
    r"|^\W*(?:suggest|recommend)\s+(?!that\s+you\b)"
    r"|^\W*(?:\d+[.)]\s*)?maybe\b"  # "1. Maybe: agreement to screening at move-in", "Maybe never inside"
    # a draft the house might take up: "Here's the draft consent form we might adopt next year:"
    r"|\bwe\s+(?:might|may|could)\s+adopt\b|\bdraft\b[^.;:]{0,60}\b(?:will|would)\s+(?:adopt|vote\s+on|consider)\b"
    r"|^\W*(?:you\s+(?:may|might)\s+)?consider\s+(?:writing|setting|naming|adding|adopting|making|putting|creating|a|an)\b"
    rf"|(?:^|\.\s+)\W*(?!as\b|when\b|if\b|because\b)(?:the\s+|our\s+|an?\s+)?(?:[\w'’-]+\s+){{0,3}}?{_ADVISER}(?:'s|’s)?"
    r"(?:\s+who\s+[^,.;]{1,40}?)?\s+(?:also\s+|had\s+|has\s+)?"
    r"(?:recommend(?:s|ed)?|suggest(?:s|ed)?|propos(?:es|ed)|advised|advises|pitched|floated)\b"
    # what somebody once put forward: "Somebody pitched making the whole lot smoke-free, ..." (not the
    # process "somebody proposes, you discuss, the house votes")
    r"|(?:^|\.\s+)\W*(?:somebody|someone|one\s+of\s+(?:the\s+)?(?:guys|residents|women|men|members))\s+(?:once\s+|also\s+)?"
    r"(?:proposed|pitched|floated|suggested|recommended)\b"
    # "Proposal on the table: the white cabinet ...", "His proposed sheet listed ...", "the spot where he
    # proposes to keep naloxone" (not "The proposed schedule was adopted in May")
    r"|^\W*(?:a\s+|the\s+|our\s+)?proposal\s+on\s+the\s+table\b"
    r"|\b(?:his|her|their|our|my|a|an)\s+proposed\s+(?:[\w'’-]+\s+){0,2}?(?:sheet|policy|form|rules?|checklist|procedure|"
    r"agreement|list|schedule|page|wording)\b(?![^.;]*\b(?:was|were|has\s+been|is\s+now)\s+(?:adopted|approved|in\s+effect)\b)"
    r"|\b(?:he|she|they|we|i|owner|manager|operator)\s+propos(?:es|ed|e)\s+to\s+(?:keep|store|put|hang|post|start|add|test|use|"
    r"require|make|have)\b",
    re.IGNORECASE,
)
# Something that happened once, told as such: a past time named ("On March 3 the fire marshal inspected
# the house", "During the winter storm of 2020, ...", "Years ago I signed an agreement", "what happened
# Saturday night") with a verb in the past, and no word of a rule or a habit. A record of an event, not
# a rule the house holds: what was done that day says nothing of what is done.
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_PAST_TIME = lazy_compile(
    rf"\bon\s+(?:{_MONTH_WORD}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}/\d{{1,2}}\b|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\b)"
    rf"|\b(?:in|during|of)\s+(?:the\s+[\w\s-]{{0,25}}?\s+of\s+)?(?:{_MONTH_WORD}\s+)?(?:19|20)\d\d\b"
    rf"|\bin\s+{_MONTH_WORD}\b(?!\s+(?:and|or|each|every)\b)"
    rf"|\blast\s+(?:night|week|weekend|month|year|fall|autumn|spring|summer|winter|{_WEEKDAY})\b"
    # not "that day": "tell the house lead that day"
    rf"|\b(?:yesterday|(?:years?|months?|weeks?|days?)\s+ago|that\s+(?:winter|summer|spring|fall|autumn|year))\b"
    rf"|\b{_WEEKDAY}\s+night\b"
    # "back when the house opened", "before we moved to Alder Court", "at the old house"
    r"|\bback\s+when\b|\bbefore\s+(?:we|they|the\s+house)\s+moved\b|\bbefore\s+the\s+move\b"
    r"|\b(?:at|in)\s+(?:the|our)\s+old\s+(?:house|place|address|building)\b"
    # "On one weekday before the first residents moved in", "one morning last fall"
    rf"|\bon\s+one\s+(?:{_WEEKDAY}|weekday|weekend|day|morning|afternoon|evening|night|occasion)\b"
    r"|\bbefore\s+(?:the\s+)?(?:first\s+)?residents\s+moved\s+in\b"
    r"|\b(?:recalled|remembered)\s+(?:that\s+)?(?:it|they|the\s+[\w-]+|there)\s+had\b",
    re.IGNORECASE,
)
_PAST_VERB = lazy_compile(
    r"\b(?:was|were|had|did|done|went|came|gave|took|got|left|met|said|told|found|brought|made|kept|ran|saw|"
    r"sat|stood|spoke|began|thought|felt|held|led|paid|put|read|sent|set|shut|wore|wrote|"
    r"[a-z]{2,}(?:ed|'d))\b",
    re.IGNORECASE,
)
# What makes a sentence a rule or a habit whatever its tense: a modal, a frequency, a rule's own words.
_RULE_OR_HABIT = lazy_compile(
    r"\b(?:must|shall|will|may|should|can|cannot|always|whenever|never|daily|weekly|monthly|"
    r"yearly|annually|quarterly|policy|rule|rules|required|requires|now|currently|still|going\s+forward)\b"
    rf"|\b(?:every|each)\s+(?:other\s+|\d+\s+|two\s+|three\s+|six\s+)?(?:day|night|week|weekend|month|year|morning|"
    rf"evening|time|quarter|season|shift|{_WEEKDAY}|{_MONTH_WORD})s?\b",
    re.IGNORECASE,
)
_MODAL_OR_RULE = lazy_compile(
    r"\b(?:must|shall|will|may|should|can|cannot|policy|rule|rules|now|currently|daily|weekly|monthly|yearly|"
    r"annually|quarterly|is|are|am|do|does|has|have"
    # a verb in the present: "Our house agreement says ... and her daughter signed it"
    r"|says|states|reads|requires|lists|covers|shows|agrees|keeps|holds|gives|takes|tests|checks|signs|goes|"
    r"gets|lives|stays|uses|means|needs|includes|asks|sets|runs|leads)\b|'re\b"
    # "it's", "that's", not a possessive: "after R-6's positive test"
    r"|\b(?:it|that|there|he|she|what|who|here|where|this|everyone|everybody|nobody|no\s+one|someone|one)'s\b",
    re.IGNORECASE,
)
_MONTH_NAMES = (  # noqa: SIM905 - a word list reads better as text
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_SEASONS = ("winter", "summer", "spring", "fall", "autumn", "year")  # "that winter"
_PAST_PLACES = ("back", "before", "old")  # "back when", "before we moved", "at the old house"
EVENT_CUES = frozenset(
    [
        *(str(y) for y in range(1990, 2040)),
        *("ago", "last", "yesterday", "night", "one", "recalled", "remembered"),
        *_MONTH_NAMES,
        *_SEASONS,
        *_PAST_PLACES,
    ]
)


def tells_event(text: str) -> bool:
    """Whether a sentence tells something that happened once ("On March 3 the city fire marshal
    inspected the house"): a past time named, a verb in the past, and no word of a rule or a habit."""
    if _states_after_colon(text):  # "Manual section 4, voted in last spring: no alcohol and no illicit drugs"
        return False
    return (
        _PAST_TIME.search(text) is not None
        and _PAST_VERB.search(text) is not None
        and _RULE_OR_HABIT.search(text) is None
    )


# A habit told as past: "He used to press the test button on each detector", "There used to be a sheet
# on the fridge" (not "the van used to transport residents" or "I'm used to it").
_USED_TO = lazy_compile(
    r"\b(?:i|we|he|she|they|you|there|everyone|everybody|nobody|residents|staff|managers?|that|which|(?-i:[A-Z][a-z]+))\s+"
    r"(?:also\s+|always\s+|all\s+)?used\s+to\s+[a-z]+",
    re.IGNORECASE,
)


# A time long gone named in the sentence: "back then every person who moved in signed a promise" (not
# "Back then we had none; now every resident signs": what holds now is said beside it).
_BACK_THEN = lazy_compile(r"\b(?:back\s+(?:then|in\s+the\s+day|in\s+those\s+days)|in\s+those\s+days)\b", re.IGNORECASE)
_NOW = lazy_compile(r"\b(?:now|today|these\s+days|nowadays|currently|still|anymore|any\s+more)\b", re.IGNORECASE)


def told_as_past_habit(text: str) -> bool:
    """Whether a sentence tells what someone used to do ("He used to check the gauge every month", "back
    then every person who moved in signed a promise")."""
    return _USED_TO.search(text) is not None or (
        _BACK_THEN.search(text) is not None and _PAST_VERB.search(text) is not None and _NOW.search(text) is None
    )


def told_in_past(text: str) -> bool:
    """Whether a sentence goes on telling in the past ("Both items were corrected on March 5"; "They
    watched out for one another each night"): a verb in the past, and no modal, word of a rule or
    frequency, or verb in the present ("Residents are tested at random" is a rule)."""
    if _states_after_colon(text):  # "... pulled out the form he'd signed: his written consent to drug screening"
        return False
    return _PAST_VERB.search(text) is not None and _MODAL_OR_RULE.search(text) is None


def _states_after_colon(text: str) -> bool:
    """Whether what follows a sentence's colon (more than a few words) is told without a verb in the past."""
    found = _COLON.search(text)  # a colon, not a time's ("at 21:40")
    rest = text[found.end() :] if found else ""
    return found is not None and len(rest.split()) > 3 and _PAST_VERB.search(rest) is None


_COLON = lazy_compile(r"(?<!\d):|:(?!\d)")


# A line of a table or form that says its item is not in use: "Consent to screening | Planned for the
# 2026 packet; not in use, no testing yet | [ ]". It states no rule, whatever its other cells say.
_NOT_IN_USE = lazy_compile(
    r"(?:^|[;|(,:]\s*)(?:planned\s+for\b|not\s+(?:yet\s+)?in\s+(?:use|effect|force)\b|not\s+yet\s+(?:adopted|started|used)\b)"
    # a report's cell: "| Not found |"
    r"|\|\s*(?:not\s+(?:found|observed|seen)|none\s+found)\b[^|]{0,40}\|"
    # a form's field left empty: "Section 6 - Emergency Contact: N/A", "Naloxone kept at: TBD" (not "none",
    # which can be the rule: "Guests: none")
    r"|^[^:|]{1,80}:\s*(?:n/a|n\.a\.|tbd|not\s+applicable|(?:left\s+)?blank)\s*[.!]?\s*$"
    # a template's placeholder where the rule would go: "Two boxes of Narcan are kept [LOCATION: house officer to
    # insert before submission].", "[ITEM 7 - INSERT HOUSE SUBSTANCE RULE HERE]", "<insert location>"
    r"|[\[<{]\s*[^\]>}]{0,60}?\b(?:insert|to\s+be\s+(?:inserted|added|filled\s+in|completed|decided|determined)|"
    r"placeholder|fill\s+in)\b[^\]>}]{0,60}[\]>}]",
    re.IGNORECASE,
)
NOT_IN_USE_CUES = frozenset(
    {"planned", "use", "effect", "force", "adopted", "started", "used", "found", "observed", "seen"}
    | {"n", "tbd", "applicable", "blank", "insert", "inserted", "added", "filled", "completed", "decided"}
    | {"determined", "placeholder", "fill"}
)


def says_not_in_use(text: str) -> bool:
    """Whether a line says, in a clause of its own, that its item is not in use ("Planned for the 2026
    packet; not in use")."""
    return _NOT_IN_USE.search(text) is not None


PROPOSAL_CUES = frozenset(
    {"suggest", "suggested", "suggestion", "suggests", "recommend", "recommended", "recommendation", "recommends"}
    | {"proposed", "proposal", "proposes", "propose", "idea", "advised", "advises", "consider"}
    | {"maybe", "adopt", "draft", "pitched", "floated"}
)


def proposes(text: str) -> bool:
    """Whether a sentence proposes a rule rather than states it ("Suggest: no smoking in the yard", "The
    inspector recommended that residents sign the list"); a table's row, when a cell after its first
    proposes ("| Banned items | Consider writing down which items are banned |")."""
    if _PROPOSES.search(text) is not None:
        return True
    return "|" in text and any(_PROPOSES.search(cell) is not None for cell in text.split("|")[2:])


# Who else a rule may bind: a sentence whose subject is one of these, or a section written for them,
# states no rule for the residents (see recognise.Analysis.for_others). Not "staff": a house's staff
# collect the samples, search the rooms and walk new residents through the exits.
_OTHER_PEOPLE = (
    r"(?:employees?|workers?|volunteers?|visitors?|guests?|job\s+applicants?|applicants?|interns?|contractors?|"
    r"new[- ]hires?|new\s+employees?|new[- ]staff(?:\s+members?)?)"
)
_BINDS_OTHERS = lazy_compile(
    r"^\W*(?:\d+[.)]\s*|[a-z][.)]\s+|\[[ x]?\]\s*)?(?:[\d.]+\s+)?(?:all\s+|each\s+|any\s+|our\s+|the\s+|every\s+)?"
    r"(?:(?:management|the\s+company|the\s+owner|the\s+landlord)(?:'s|’s)\s+)?"  # "Management's contractors shall not"
    rf"{_OTHER_PEOPLE}(?:\s+(?:who|that)\s+[\w'’-]+(?:\s+[\w'’-]+){{0,2}}?)?\s+"
    r"(?:(?:now|also|then|all|each)\s+)?(?:may|must|shall|will|are|is|agrees?|understands?|can|cannot|can't|should|need|needs|"
    r"provides?|gives?|signs?|keeps?|takes?|receives?|completes?|submits?)\b"
    rf"|^\W*(?:{_OTHER_PEOPLE}|staff(?:\s+member)?)(?:'s|’s)?\s+(?:signature|initials|name)\b"
    # what is filed with the staff's own records: "Signed checklists are kept in personnel files."
    r"|\b(?:kept|filed|placed|stored|go|goes)\s+in\s+(?:the\s+|their\s+|each\s+|an?\s+)?(?:employee['’]?s?\s+)?personnel\s+"
    r"(?:files?|folders?|records?)\b",
    re.IGNORECASE,
)
_FOR_OTHERS = lazy_compile(
    rf"\b(?:{_OTHER_PEOPLE}|personnel|workplace|work\s*sites?|job\s*sites?|hr|outside\s+agenc(?:y|ies)"
    # a board's own papers: "New Director Orientation Checklist", "Board Member Conduct"
    r"|new\s+directors?|board\s+members?|trustees?"
    # what is the staff's own, not a rule they apply to residents: "Staff Conduct Agreement",
    # "Staff Lockers", "Staff Emergency Contacts" (not "Staff search procedure")
    r"|staff(?:\s+member)?(?:'s|’s|s')?\s+(?:conduct|lockers?|emergency\s+contacts?|(?:own\s+)?agreements?|consent|"
    r"orientation|onboarding|code\s+of\s+conduct|dress\s+code|break\s*rooms?|parking|drug[- ]free|personal)"
    # an animal's: "Rufus's medication (the house dog)", "Rules for Biscuit, the house dog"
    r"|(?:the\s+)?house\s+(?:dog|cat|pet)s?|(?:dog|cat|pet|puppy|kitten)(?:'s|’s|s')"
    r")(?:'s|’s|s')?(?!-)\b",
    re.IGNORECASE,
)
_RESIDENTS = lazy_compile(
    r"\b(?:residents?|participants?|clients?|tenants?|you|your|we|our|us|res\.|occupants?|members?)\b", re.IGNORECASE
)
OTHER_PEOPLE = _words(
    "employee employees worker workers volunteer volunteers visitor visitors guest guests applicant applicants "
    "intern interns contractor contractors staff hires hire new personnel"
)
# An account of one event in its title ("Incident Summary (14 March)", "Room search, 9 February:
# training case study", "what happened sat night (recap)", "ENTRY 3/9 - ROOM SEARCH"): what it goes on
# to tell in the past happened once (see recognise.Analysis.events).
_EVENT_TITLE = lazy_compile(
    r"\b(?:incident|accident|overdose|fire|drill)\s+(?:summary|note|notes|report|review|recap|debrief|check|record)\b"
    r"|\bcase\s+stud(?:y|ies)\b|\brecap\b|\bwhat\s+happened\b|\bafter[- ]action\b|\bdebrief(?:ing)?\b"
    r"|^\W*(?:log\s+)?entry\s+(?:#\s*)?\d",
    re.IGNORECASE,
)
EVENT_TITLE_CUES = _words(
    "summary note notes report review recap debrief check record study studies case happened action entry"
)


_TICKED = lazy_compile(r"^\W{0,3}(?:[\u2611\u2713\u2714\u2705]|\[x\])", re.IGNORECASE)  # ☑ ✓ ✔ ✅ [x]
_CROSS_MARKS = "\u2717\u2718\u274c\u2715\u2716"  # ✗ ✘ ❌ ✕ ✖
_CROSSED = lazy_compile(rf"^\W{{0,3}}[{_CROSS_MARKS}]")


def ticked(text: str) -> bool:
    """Whether a checklist's line is ticked as done ("☑ house agreement signed")."""
    return _TICKED.match(text) is not None


def crossed(text: str) -> bool:
    """Whether a checklist's line is crossed ("✗ drug screen consent → we don't have one"): among ticked
    lines, what is crossed is not done (alone, a cross may mark a prohibition: "✗ No smoking indoors")."""
    return _CROSSED.match(text) is not None


_NO_CELL = lazy_compile(
    rf"^\W*(?:no|nope|never|not\s+(?:yet|done|covered|really|at\s+all)|none|[{_CROSS_MARKS}])(?:\W|$)",
    re.IGNORECASE,
)


_ASKS_LEAVE = lazy_compile(
    r"\b(?:ok|okay|allowed|permitted|may|can|fine|legal|banned|forbidden|prohibited|acceptable)\b", re.IGNORECASE
)


def _cells(row: str) -> list[str]:
    cells = [cell.strip() for cell in row.strip().split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def answered_no(row: str, header: str) -> bool:
    """Whether a table's row answers no in a column its header asks ("| Step | Covered? |" over "| Exits
    + meeting spot | NO, we don't do this |"): what the row names is not done."""
    heads, cells = _cells(header), _cells(row)
    return any(
        head.rstrip(" *_").endswith("?")
        and _ASKS_LEAVE.search(head) is None  # "| OK here? |" answered "NO" forbids: a rule
        and i < len(cells)
        and _NO_CELL.match(cells[i]) is not None
        for i, head in enumerate(heads)
        if i > 0 or len(heads) == 1
    )


def row_not_in_effect(row: str, header: str) -> bool:
    """Whether a table's row says in a status column that its rule is not in effect ("| Policy | Status |
    Text |" over "| Smoking | Draft | ... |"), as a status field does ("Status: Draft"): a policy register's
    draft, retired or proposed rows state no rule; its "Active" ones do."""
    heads, cells = _cells(header), _cells(row)
    return any(
        _STATUS_HEAD.match(head) is not None and i < len(cells) and states_not_in_effect(f"Status: {cells[i]}")
        for i, head in enumerate(heads)
    )


_STATUS_HEAD = lazy_compile(r"\W*(?:policy\s+|document\s+|rule\s+)?status\W*$", re.IGNORECASE)


def names_event(title: str) -> bool:
    """Whether a title (a heading, a document's first line, a lead-in) names an account of one event."""
    return _EVENT_TITLE.search(title) is not None


def binds_others(text: str) -> bool:
    """Whether a sentence binds another group, not the residents: its subject is employees, visitors,
    applicants ("Employees may not drink on duty"), or it is their signature line ("Employee
    signature ____"), and it does not name residents too."""
    return _BINDS_OTHERS.search(text) is not None and not names_residents(text)


_TOO = lazy_compile(r"\b(?:too|as\s+well|also)\b", re.IGNORECASE)  # "applies to guests too": to residents first


# A form's field saying its record is not for the residents: "[ ] Applies to residents   [x] Applies to staff",
# "Applies to residents: No".
_NOT_FOR_RESIDENTS = lazy_compile(
    r"(?:^|\s)\[\s\]\s*applies\s+to\s+(?:the\s+)?residents\b|\bapplies\s+to\s+(?:the\s+)?residents\s*[:?]\s*(?:no|\[\s\])\b",
    re.IGNORECASE,
)
APPLIES_WORDS = _words("applies")


def not_for_residents(text: str) -> bool:
    """Whether ``text`` is a form's field saying its record does not apply to the residents."""
    return _NOT_FOR_RESIDENTS.search(text) is not None


def written_for_others(title: str) -> bool:
    """Whether a title is written for a group other than the residents ("Drug-Free Workplace", "New
    Employee Checklist", "VISITOR AGREEMENT", "Your first week as staff") and does not name residents too."""
    if _AS_STAFF.search(title) is not None:  # its "you" is the staff member
        return _RESIDENT_NOUNS.search(title) is None
    if _PLACE_RULES.search(title) is not None:  # "STORE RULES - Birchwood Hardware (where 3 residents work)"
        return True
    if _OTHERS_PAPER.search(title) is not None:  # "Visitor Agreement: Our Alcohol- and Drug-Free Home" is the
        return _RESIDENT_NOUNS.search(title) is None  # visitors' paper, its "our" the house's
    return _FOR_OTHERS.search(title) is not None and not names_residents(title) and _TOO.search(title) is None


_OTHERS_PAPER = lazy_compile(
    # "Employee Handbook", "The warehouse's new-hire orientation, part 2" (not the house's or ours), and a title
    # naming one in parentheses: "Testing (the warehouse's employee handbook, section 6):"
    r"(?:^\W*(?:the\s+)?(?:(?!(?:house|home|residence|program|our)['’]s\b)[\w-]+['’]s\s+)?|\((?:[^()]*\s)?(?:the\s+)?"
    r"(?!(?:house|home|residence|program|our)['’]s\b)[\w-]+['’]s\s+)"
    rf"(?:{_OTHER_PEOPLE})(?:'s|’s|s')?\s+(?:agreement|policy|rules|code\s+of\s+conduct|conduct|form|checklist|"
    r"handbook|orientation|waiver|consent|sign[- ]in\s+sheet|packet)\b",
    re.IGNORECASE,
)
_PLACE_RULES = lazy_compile(r"\b(?:store|shop|warehouse|restaurant|employer'?s?|workplace)\s+rules\b", re.IGNORECASE)
_AS_STAFF = lazy_compile(
    r"\bas\s+(?:a\s+)?(?:new\s+)?(?:staff(?:\s+members?)?|employees?|volunteers?)\b", re.IGNORECASE
)
_RESIDENT_NOUNS = lazy_compile(
    r"\b(?:residents?|participants?|clients?|tenants?|res\.|occupants?|members?)\b", re.IGNORECASE
)


def names_residents(text: str) -> bool:
    """Whether a text names the residents (or speaks to them: "you", "we")."""
    return _RESIDENTS.search(text) is not None


# A record's or a document control block's status field saying it is not in effect: "Status: Draft", "Status:
# Not adopted (manager reply ...)", "Status: Reference only", "Status: Open - not started"; not "Status:
# Published" or "Status: Approved", nor a bare "Status: Pending carrier" (what is pending may be another
# paper: a certificate, while the binder in hand states the coverage). An assessment's verdict on the row
# says the same: "Status: Not Met", "Status: Non-compliant" (a crosswalk or self-assessment quoting what it
# found instead of the rule); not "Status: Met" or "Status: Partially met".
_NOT_IN_EFFECT_STATUS = lazy_compile(
    r"^\W*(?:document\s+|policy\s+|record\s+)?status\s*[:=]\s*(?:draft|not\s+(?:yet\s+)?(?:adopted|approved|published|"
    r"in\s+(?:effect|force|use|place)|implemented|started)|archived|superseded|retired|withdrawn|rescinded|proposed|reference\s+only|"
    r"open|incomplete|inactive|under\s+review|template|sample|void|missing|"
    r"failed|pending\s+(?:approval|adoption|a\s+vote|the\s+board)|not\s+met|unmet|non-?compliant|not\s+compliant)\b",
    re.IGNORECASE,
)
STATUS_WORDS = _words("status")


def states_not_in_effect(text: str) -> bool:
    """Whether ``text`` is a status field saying its record or document is not in effect (see
    _NOT_IN_EFFECT_STATUS); a field's label and value read as one ("Status:" and "Draft")."""
    return _NOT_IN_EFFECT_STATUS.search(text) is not None


def disowns_rule(text: str) -> bool:
    """Whether a sentence says that what it states is no rule ("..., not a rule we hold to")."""
    return _DISOWNED.search(text) is not None


# A section that says it is not in effect states no rule, whatever its words: "This table was proposed
# in 2019 and rejected by the Board", "Rule 9 was withdrawn ... and nothing has replaced it", "The
# Company has not adopted these recommendations", "none of it applies today", "No sheet is posted at
# any site today", "Residents do not sign this agreement". What it disowns is the text before it in its
# section (see recognise.Analysis.disowned); a title tagged "(withdrawn)", "(proposed; rejected)",
# "(not in use)" or "(suggestions only)" disowns its whole section.
_ENDED = (
    r"withdrawn|rejected|repealed|rescinded|revoked|discontinued|abandoned|retired|superseded|"
    r"ended|stopped|dropped|voted\s+down|turned\s+down|never\s+(?:adopted|approved|used|implemented|put\s+in\s+place|printed|published)|"
    r"never\s+(?:filled\s+in|put\s+up|posted)(?!\s+(?:without|unless|until|till|before|except|if|by)\b)"
)
_IN_FORCE = (
    r"adopted|approved|implemented|enacted|added|in\s+(?:effect|force|place)|"
    r"part\s+of\s+(?:this|our|the)\s+(?:manual|policy|policies|handbook|house\s+rules|rules|agreement|binder|practice)|"
    r"current(?:\s+practice|\s+policy)?|put\s+in\s+place|followed|enforced"
)
_REFERENT = (
    r"(?:this|these|that|those|it|they|none\s+of\s+(?:it|this|these|that|them)|"
    r"the\s+(?:above|table|list|rule|rules|policy|form|forms|agreement|section|sheet|pilot|program|programme|"
    r"plan|procedure|checklist|ideas?|proposal|suggestions?|recommendations?|draft|template|schedule|setup|set-up|"
    r"arrangement|items?|lines?|practice|page|testing)|"
    r"(?:rule|policy|section|procedure|form|schedule|table)\s+[0-9][0-9.a-z-]*)"
)
_DISOWNS = lazy_compile(
    r"\b(?:has|have|had)(?:\s+not|n['’]?t)\s+changed\s+anything\b"
    # a numbered rule taken out: "Rule 14 of the House Rules was removed in May" (not "names are removed")
    r"|\b(?:rule|section|clause|paragraph|policy)\s+[0-9][0-9.a-z-]*\b[^.;:?!]{0,60}?\b(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:removed|deleted|struck|taken\s+out)\b"
    # "Former procedure P-6, also withdrawn: ...", "House rule 12, withdrawn when the operator changed"
    r"|,\s+(?:also\s+|since\s+|later\s+)?(?:withdrawn|rescinded|repealed|revoked|superseded|removed|retired|discontinued)"
    r"(?:\s*[,:;]|\s+(?:when|in|on|after|at|by|since|last)\b)"
    r"|,\s+(?:void|voided|suspended|expired|lapsed)\s*(?:[.:;]|$)"  # "Standing Rule 22. Smoking and Vaping, VOID."
    r"|\b(?:has|have|had)(?:\s+not|n['’]?t)\s+(?:yet\s+)?(?:set|scheduled|picked|chosen)\s+(?:any\s+)?(?:a\s+)?dates?\b"
    # "a draft sheet, which the Residence has neither adopted nor posted": not X and not Y
    r"|\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?neither\s+(?:adopted|approved|posted|implemented|signed|used|"
    r"followed|enforced|put\s+up|put\s+in\s+place)\s+nor\b"
    r"|(?:\b(?:has|have|had)\s+not|\b(?:hasn['’]?t|haven['’]?t|hadn['’]?t))\s+(?:yet\s+)?(?:"
    r"(?:adopted|added|approved|implemented|acted\s+on|put\s+in\s+place|taken\s+up|written|drafted|voted\s+on|brought|"
    r"posted|tried|started)\s+(?:any\s+of\s+)?"
    r"(?:it|them|this|these|that|those|(?:the|her|his|their)\s+(?:recommendations?|suggestions?|proposals?|report|rules?|"
    r"lines?|ideas?|changes?|notes?|drafts?|wording|version|letters?|memos?))\b"
    r"|decided\s+(?:on\s+)?(?:any\s+of\s+)?(?:it|this|these|that|them)\b"
    r"|decided\s+(?:yet\s+)?whether\s+to(?:\s+(?:adopt|add|start|implement|go\s+ahead|do\s+(?:it|this|that|so|any\s+of\s+(?:it|this|that|them)))\b|\s*[.;,]|$)"
    r"|decided\s+yet\s*[.;,]|$)"
    r"|\bdecided\s+not\s+to\s+(?:continue|adopt|add|keep|go\s+ahead|proceed|use)\b"
    r"|\bnone\s+of\s+(?:it|this|these|that|them|the\s+above)\s+(?:applies|apply|is\s+(?:in\s+effect|current|followed)|"
    r"was\s+(?:ever\s+)?(?:adopted|approved|put\s+in\s+place))\b"
    r"|\bnothing\s+(?:like\s+(?:this|that|it)|of\s+the\s+kind|of\s+this\s+kind)\s+(?:exists|is|has|was)\b"
    r"|\bnothing\s+has\s+(?:replaced|taken\s+the\s+place\s+of)\b|\bnothing\s+(?:changes|has\s+changed)\s+yet\b"
    r"|\bno\s+longer\s+(?:in\s+(?:effect|use|force)|applies|apply|used|current|followed|part\s+of|refers|asked|"
    r"required|collected|kept|done|held|offered|given|posted|signed|asks?|collects?|requires?|requests?|keeps?|"
    r"holds?|uses?|posts?)\b"
    r"|\bnot\s+(?:our\s+)?current\s+(?:practice|policy)\b|\b(?:is|are|was|were)\s+not\s+(?:yet\s+)?in\s+(?:use|effect|force)\b"
    r"|\b(?:suggestions?|recommendations?|ideas?)\s+only\b"
    r"|\b(?:residents?|clients?|tenants?|participants?)\s+(?:do|does|did)\s+not\s+(?:sign|fill\s+in|fill\s+out|complete)\s+(?:this|these|that)\s+(?:form|agreement|sheet|checklist)s?\b"
    r"|\b(?:this|these|it|that)\s+(?:is|are)\s+not\s+(?:an?|our)\s+(?:[\w'’-]+\s+){0,3}?(?:house\s+)?(?:policy|procedure)\b(?!\s+(?:of|to|that|for)\b)"
    r"|\b(?:residents?|clients?|tenants?)\s+(?:are|is)\s+not\s+(?:covered|included)\s+(?:by|in|under)\s+(?:this|these|it)\b"
    r"|\bno\s+resident\s+(?:rules?|polic(?:y|ies))\s+(?:is|are)\s+(?:listed|included|stated|set\s+out)\b"
    r"|\b(?:does|do)\s+no\s+(?:(?:drug|alcohol)[-\s]?)?(?:testing|screening|searches|searching|inspections?)\b"
    r"|\b(?:we|we've|we\s+have|the\s+house\s+has)\s+never\s+(?:(?:drug|alcohol)[-\s]?)?(?:tested|screened|searched)\s+(?:anyone|anybody|residents|a\s+resident)\b"
    r"|\bnot\s+yet\s+(?:decided|written|adopted|added|approved|signed|in\s+(?:force|effect|use))\s*(?:[.;)\]]|$)|\bfor\s+(?:the\s+)?(?:owners?|board|management)\s+to\s+(?:consider|decide)\b"
    r"|\bto\s+(?:be\s+)?decided?\s+(?:at|by)\s+the\b[^.;:]*:\s*$"
    r"|\b(?:has|have|there\s+is|there\s+are)\s+no\s+such\s+(?:section|rule|policy|clause|form|list|procedure|schedule|log|checklist)s?\b"
    # a terse note of status in brackets or after a semicolon, its verb left out: "[Retired with that operator; not in
    # use.]", "[Not started; nothing installed or checked yet.]", "[Handout sample only; ...]", "[Replacements not made
    # yet.]", ending "we have not posted anything yet." or "we haven't set up checks of our own." (not "We haven't
    # written anything yet about guests' cars", nor a sentence "Not in effect." after one item of a list)
    r"|[\[(;]\s*(?:retired(?=\s+(?:with|in|since|when|after|on|at)\b|\s*[.;,)\]]|$)|not\s+(?:in\s+use|in\s+effect|active|used|posted|started|adopted)(?:\s+or\s+\w+)?"
    r"(?:\s+(?:since|yet|anymore|any\s+more))?\s*(?:[.;)\]]|$)|(?:handout\s+|sample\s+)?(?:sample|template)\s+"
    r"(?:packet\s+|copy\s+|form\s+)?only\b|nothing\s+(?:\w+\s+or\s+)?(?:installed|posted|checked|done|set\s+up|written|signed)"
    r"\s+yet\b)"
    r"|,\s*not\s+(?:active|in\s+(?:use|effect|force))\s+yet\s*[.;)\]]"  # "(still being worked out, not active yet)"
    r"|\bprinted\s+but\s+(?:not|never)\s+(?:posted|put\s+up|hung|handed\s+out)\b"  # "printed but not posted"
    r"|\b(?:replacements?|copies|copy|new\s+ones?)\s+not\s+(?:yet\s+)?(?:made|done|written|posted|installed|put\s+up|printed)"
    r"(?:\s+yet)?\s*(?:[.;)\]]|$)"
    r"|\b(?:have|has)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:posted|set\s+up|put\s+up|started|made|written)\s+(?:anything|"
    r"(?:any\s+)?(?:\w+\s+)?of\s+(?:our|its|their)\s+own)(?:\s+yet)?\s*(?:[.;)\]]|$)"
    # "We haven't set anything yet." said of the section (not "Training after you're hired: Dale hasn't set
    # anything yet.")
    r"|^\W*(?:we|the\s+(?:house|board|owners?)|management|they)\s+(?:have|has)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:set|decided|"
    r"agreed|settled)\s+(?:on\s+)?anything(?:\s+yet)?\s*(?:[.;)\]]|$)"
    # a paper taken down and not put back: "The sheet came down for the remodel and has not been replaced.", "Both
    # kits were used in March and haven't been replaced" (not "has not been replaced since 2019": still there)
    r"|\b(?:has|have|had)(?:\s+not|n['’]t)\s+been\s+(?:replaced|put\s+back(?:\s+up)?)(?=\s*(?:[.;,!)]|$|\s+(?:yet|and)\b))"
    r"|\bnothing\s+(?:ever\s+)?replaced\s+(?:it|them|this|that|those|these)\b"
    # "Nobody is trained yet.", "no one at the Residence has been trained" (not "no one is trained until ...")
    r"|\b(?:nobody|no\s+one|no-one)\s+(?:here\s+|(?:at|in)\s+(?:the\s+)?[\w'’ -]{1,40}?\s+)?"
    r"(?:is|has\s+been|was|got|have\s+been)\s+(?:yet\s+)?trained(?=\s*(?:[.;,!)]|$|\s+(?:yet|so\s+far)\b))"
    # what was to happen and did not: "Was supposed to get both house leads trained on giving naloxone"
    r"|^\W*(?:[\w ]{1,30}:\s*)?(?:(?:we|it|this|they|he|she|the\s+[\w'’-]+)\s+)?(?:was|were)\s+supposed\s+to\b"
    # an outside body's paper: "That's the clinic's form; we don't use one." (not "This is the manager's checklist")
    r"|^\W*(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:the|their)\s+(?:[\w'’-]+\s+){0,2}?(?:clinic|hospital|county|church|court|"
    r"probation|employer|school|college|shelter|center|centre|partner|department|agency)['’]s\s+(?:own\s+)?(?:form|policy|"
    r"rules?|procedure|list|schedule|routine|checklist|card|paperwork)\b"
    # "For now it's only a plan.", "It's all still on the wish list."
    r"|\b(?:it['’]s|it\s+is|this\s+is|that['’]s|that\s+is|these\s+are|they['’]re|they\s+are)\s+(?:all\s+)?(?:still\s+)?"
    r"(?:only|just|merely)\s+(?:a\s+)?(?:plan|proposal|draft|wish|idea|suggestion)s?\b(?!\s+(?:for|of|to)\b)"
    # "It's all still on the wish list." (not "A spill kit? On the wish list.", which is one item's)
    r"|\b(?:it['’]s|it\s+is|this\s+is|that['’]s|these\s+are|they['’]re|they\s+are)\s+all\s+(?:still\s+)?on\s+(?:the|our)\s+"
    r"wish\s*list\b"
    # "The house declined to add it.", "The board rejected it." (not "the manager rejected the request")
    r"|\b(?:declined|refused)\s+to\s+(?:add|adopt|approve|include|post|use)\s+(?:it|this|that|them|these|those|the\s+(?:rule|"
    r"proposal|section|change|idea|form|sheet|checklist))\b"
    r"|\b(?:board|owners?|house|residents|members|council|management|committee|director|landlord)\s+(?:then\s+|later\s+|"
    r"finally\s+)?(?:rejected|vetoed|turned\s+down)\s+(?:it|this|that|them|these|those|the\s+(?:proposal|idea|draft|motion|"
    r"change|plan|checklist|rule))\b"
    # "Those rules lapsed in January.", "That whole program ended with the sale."
    r"|\b(?:those|these|the|that|our|its|their)\s+(?:old\s+|house\s+)?(?:rules|polic(?:y|ies)|procedures?|arrangements?)\s+"
    r"(?:all\s+)?(?:lapsed|went\s+away|expired)\b"
    r"|\b(?:that|this|the)\s+(?:whole|entire)\s+(?:[\w'’-]+\s+)?(?:program|programme|policy|procedure|setup|set-up|system|"
    r"arrangement|practice|thing)\s+(?:ended|stopped|lapsed|went\s+away|was\s+dropped)\b"
    # "This clause sets no rule for the Residence", "it names no one at Birchline House"
    r"|\bsets?\s+no\s+(?:rules?|polic(?:y|ies)|requirements?)\s+for\b"
    r"|\bnames\s+no\s+one(?=\s*(?:[.;,)]|$|\s+(?:at|in|from|for|who|as)\b))"
    # a reviewer's finding that there is none: "No policy text.", "No policy text yet; ..."
    r"|^\W*no\s+(?:policy|procedure|written)\s+text(?:\s+yet)?\s*(?:[.;:,]|$)"
    # "Old Rule 1 (...) was struck in the 2021 rewrite and not replaced" (not "... and not replaced unless ...")
    # ("... and has not been replaced" is the branch above: found from "and", a "when" before it would read as a
    # condition)
    r"|\band\s+(?:was\s+|were\s+)?(?:not|never)\s+(?:been\s+)?replaced\b(?!\s+(?:since|because|until|unless)\b)"
    # a rule for others: "(staff only; residents not covered)", "Staff only; residents are not asked", "it binds
    # guests only", "binds staff, not residents" (not "binds residents only")
    r"|[(;,]\s*residents?\s+(?:are\s+)?not\s+covered\b|\bstaff\s+only\s*[;:,.]\s*residents\s+(?:are\s+)?not\b"
    r"|\bbinds\s+(?!(?:all\s+|every\s+|each\s+|the\s+|our\s+)?residents?\b)(?:[\w'’-]+\s+){1,4}?only\b"
    r"|\bbinds\s+[^.;]{1,40}?,?\s+not\s+(?:our\s+|the\s+)?residents\b"
    r"|\bno\s+(?:rule|policy|section)\s+in\s+any\s+(?:tab|section|binder|manual|handbook|document|policy)\b"
    # "Taken down after the open house; never in the handbook"
    r"|\bnever\s+in\s+(?:the|our)\s+(?:handbook|manual|house\s+rules|rules|agreement|binder|polic(?:y|ies))\b"
    # "... and nobody's written a new one."
    r"|\b(?:nobody|no\s+one)(?:['’]s|\s+has)\s+(?:yet\s+)?(?:written|made|drawn\s+up|put\s+up|posted)\s+(?:a\s+new\s+one|"
    r"one|anything|a\s+replacement)\b"
    # "That sheet belongs to Riverside Commons" (not "belongs to the house")
    r"|\b(?:that|this|the)\s+(?:sheet|form|list|poster|policy|rule|rules|manual|card|binder|checklist)\s+belongs?\s+to\s+"
    r"(?!(?:the\s+|this\s+|our\s+)?(?:house|home|residence|us|residents?)\b)"
    r"|\bno\s+(?:[\w'’-]+\s+){0,2}?(?:checklist|list|form|policy|procedure|log|sheet|rule)s?\s+exists?\b"
    # what was done once, said so: "That was a one-off.", "That was a single occasion, not a rule", "It has
    # happened exactly once" (not "a one-off fee": the sentence must say it of what it follows)
    r"|\b(?:that|this|it)\s+(?:was|is)\s+(?:just\s+|only\s+)?(?:a\s+)?(?:one[-\s]off|single\s+occasion)\b(?!\s*[-\w])"
    r"|\b(?:has|have)\s+happened\s+(?:exactly\s+|only\s+|just\s+)?once\b",
    re.IGNORECASE,
)
_DISOWNS_FIRST = lowered(_DISOWNS.pattern)
# Its branches that are slow to try at every word (a referent such as "it" or "this", then up to sixty
# characters looked through for a verb; any capitalised name), each tried only when the sentence holds
# one of the words it cannot match without (in lower case; a non-ASCII sentence tries them all). Tried
# together as one pattern behind a first look, they took two thirds of the time a binder's sentences
# spent here.
_DISOWNS_GATED: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = (
    (  # "The table was proposed in 2019 and rejected"
        _words(
            "withdrawn rejected repealed rescinded revoked discontinued abandoned retired superseded ended stopped "
            "dropped down never"
        ),
        lazy_compile(
            rf"\b{_REFERENT}\b[^.;:?!]{{0,60}}?\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are|got)\s+"
            rf"(?:(?:later|since|then|eventually|finally|formally)\s+)?(?:\w+(?:\s+\w+){{0,4}}\s+and\s+(?:then\s+|later\s+)?)?(?:{_ENDED})\b",
            re.IGNORECASE,
        ),
    ),
    (  # "These recommendations were never adopted"
        _words("adopted approved implemented enacted added effect force place part current followed enforced"),
        lazy_compile(
            rf"\b{_REFERENT}\b[^.;:?!]{{0,60}}?\b(?:was|were|is|are|has|have|had)\s+(?:never|not)\s+(?:yet\s+|been\s+)*(?:{_IN_FORCE})\b",
            re.IGNORECASE,
        ),
    ),
    (  # "The pilot ended"
        _words("ended stopped lapsed expired"),
        lazy_compile(
            rf"\b(?!(?:it|they|this|that|these|those)\b){_REFERENT}\s+(?:ended|stopped|lapsed|expired)\b",
            re.IGNORECASE,
        ),
    ),
    (  # "The board is still thinking about it"
        _words("thinking talking"),
        lazy_compile(
            r"\b(?:we|it|the\s+house|the\s+company|the\s+home|the\s+residence|the\s+program|(?:our|the)\s+(?:board|owners?|council|director|management))\s+(?:is|are)\s+(?:still\s+)?(?:thinking|talking)\s+(?:about|it\s+over)\b",
            re.IGNORECASE,
        ),
    ),
    (  # "Harbor doesn't test residents"
        _words("test screen search"),
        lazy_compile(
            r"(?:\b(?:the|this|our)\s+(?:house|home|residence|company|program)|\bwe|\bitself|\b(?-i:[A-Z][\w'’-]+))\s+(?:itself\s+)?(?:does\s+not|do\s+not|doesn['’]?t|don['’]?t)\s+(?:(?:drug|alcohol)[-\s]?)?(?:test|screen|search)\s+"
            r"(?:(?:its\s+)?(?:residents|anyone|anybody|rooms)(?:\s+for\s+(?:drugs|alcohol|drug\s+use|substances)(?:\s+(?:or|and)\s+(?:drugs|alcohol))?)?(?:\s+(?:today|now|at\s+all|here))?|(?:(?:at|in)\s+[\w'’-]+\s+)?at\s+all|here)\s*(?:[.;),]|and\b|$)",
            re.IGNORECASE,
        ),
    ),
)
# More sentences that disown their section, each tried only when its word is in the sentence (a long
# alternation is slow to try at every word): "We adopted none of these", "No motion was made",
# "Motion fails", "Nothing adopted", "the house has no form of its own", "none of this came over when we
# moved", "the current rules have no smoking section", "Management is reviewing whether ...", "This
# item is advisory", "nothing's been decided", "The Board will consider the recommendation next year",
# "Policy in force: [ ] Yes [x] No", "Not decided.", "This checklist applies to paid staff only".
# "it was the old landlord's and means nothing now" (not "A warning means nothing here without a date")
_MEANS_NOTHING_NOW = r"\bmeans?\s+nothing\s+(?:now|anymore|any\s+more|today)(?=\s*(?:[.;,)!]|$))"
_NOT_IN_THE_RULES = (  # "It isn't in the house rules yet."
    r"\b(?:it|this|that)\s+(?:isn['’]t|is\s+not)\s+in\s+(?:the|our)\s+(?:house\s+)?(?:rules|handbook|manual|agreement)"
    r"(?:\s+yet)?\s*(?:[.;,]|$)"
)
_DISOWNS_BY_WORD: dict[str, re.Pattern[str]] = {
    word: lazy_compile("|".join(branches), re.IGNORECASE)
    for word, branches in {
        "none": (
            r"\b(?:post|posts|posted|adopt|adopts|adopted|use|uses|follow|follows|followed|keep|keeps|kept)\s+none\s+of\b",
            r"\bnone\s+of\s+(?:it|this|these|that|them)\s+(?:came|carried|was\s+kept|transferred|survived|made\s+it)\b",
            # "None of this is in place yet.", "The house has none of this."
            r"\bnone\s+of\s+(?:it|this|these|that|them)(?:\s+(?:is|are|was|were|has\s+been|have\s+been)|['’]s)\s+(?:yet\s+)?"
            r"(?:in\s+(?:place|use|force)|posted|adopted|done|up)\b",
            r"\b(?:has|have|had)\s+none\s+of\s+(?:it|this|these|that|them)\b",
        ),
        "no": (
            r"\bno\s+(?:further\s+|formal\s+)?(?:motion|vote|decision|sheet|checks?|dates?|log|schedule|page|form|list|"
            r"checklist|agreement|"
            r"(?:polic(?:y|ies)|rules?|clauses?|procedures?)(?:\s+[0-9][0-9.a-z-]*)?)\s+"
            r"(?:was|were|has\s+been|have\s+been|is|are)\s+(?:ever\s+)?(?:made|adopted|posted|scheduled|approved|set|taken|"
            r"passed|proposed)\b",
            # "No answers have been agreed", "No replacement list or search rule has been adopted."
            r"\bno\s+(?:answers?|replacements?|replacement\s+(?:[\w'’-]+\s+){0,3}?(?:list|rule|polic(?:y|ies)|form|procedure)s?)"
            r"\s+(?:has|have)\s+(?:yet\s+)?been\s+(?:agreed|adopted|approved|decided|given)\b",
            r"\bno\s+(?:vote|motion)\s+(?:taken|made|held)\b",
            r"^\W*(?:vote:\s*)?no\s+(?:vote|motion)\W*$",
            r"\b(?:the\s+house|we|our\s+house)\s+(?:itself\s+)?(?:has|have)\s+no\s+(?:[\w'’-]+\s+){0,2}?(?:procedure|policy|"
            r"rule|form|checklist|list|schedule|log)s?(?:\s+of\s+(?:its|our)\s+own)?(?:\s+on\s+(?:this|it))?\s*(?:[.;]|$)",
            r"\b(?:rules?|agreement|handbook|lease|polic(?:y|ies)|manual|form)\s+(?:has|have|contains?|includes?)\s+no\s+"
            r"(?:such\s+)?(?:[\w'’-]+\s+){0,2}?(?:section|rule|clause|part)s?\b",
            r"\b(?:have|has|keep|keeps|there\s+is|there's)\s+no\s+(?:[\w'’-]+\s+){0,2}?(?:rule|policy|procedure|list|schedule|"
            r"log|sheet|form|checklist|plan|page)s?\s+(?:at\s+all|yet|like\s+(?:that|this|it|theirs))\b",
            r"\bin\s+(?:force|effect|use)\s*[:?]?\s*\[\s*\]\s*yes\s*\[\s*x\s*\]\s*no\b",
            r"\bthere\s+(?:is|are)\s+no\s+such\s+[a-z]",
            # a document or a house said to hold no such thing: "the manual contains no such section", "Alder
            # Street House has no resident agreement of its own", "... has no naloxone procedure and names no one"
            r"\b(?:contains?|includes?|holds?|keeps?|shows?|lists?)\s+no\s+such\s+[a-z]",
            r"\b(?:house|home|residence|program|manual|handbook|binder)\s+(?:itself\s+)?(?:has|have)\s+no\s+"
            r"(?:[\w'’-]+\s+){0,2}?(?:procedure|policy|rule|form|checklist|list|schedule|log|agreement|box|section|clause|"
            r"manual|handbook|binder)s?(?:\s+of\s+(?:its|our)\s+own)?(?:\s+yet)?\s*(?:[.;,]|\s+(?:and|but)\b|$)",
            # "Here at Juniper there's no rule about it at all."
            r"\b(?:there\s+is|there\s+are|there['’]s|we\s+have|the\s+house\s+has)\s+no\s+(?:written\s+|house\s+)?"
            r"(?:rule|policy|procedure|form|sheet|list|checklist|schedule)s?\s+(?:about|on|for|covering)\s+"
            r"(?:it|this|that|them|any\s+of\s+(?:it|this|that|them))\b",
        ),
        "motion": (
            r"\bmotion\s+(?:was\s+)?(?:withdrawn|fails|failed|defeated|tabled|rejected|lost)\b",
            # "a motion to hang a naloxone kit by the back door, ..., was defeated five votes to four"
            r"\bmotion\s+to\b[^.;:?!]{0,200}?,?\s+(?:was|were)\s+(?:defeated|rejected|tabled|withdrawn|lost|voted\s+down)\b",
            # "Motion to adopt a tab 7 (...) voted down 3-2 on 6/12."
            r"\bmotion\s+to\b[^.;:?!]{0,200}?\s+(?:voted\s+down|defeated)\b",
        ),
        "nothing": (
            r"\bnothing\s+(?:was\s+)?(?:adopted|approved|passed|added|decided)\b",
            r"\b(?:have|has)\s+nothing\s+like\s+(?:it|this|that)\b",
            r"\bnothing(?:'s|’s|\s+has|\s+is)\s+(?:been\s+)?(?:decided|settled|final|set)\b|\bnothing\s+to\s+do\s+yet\b",
            # "Nothing is posted yet", "Nothing here has been moved or voted on." (not "Nothing is posted
            # on the board without approval": the clause must end there)
            r"\bnothing(?:\s+(?:here|below|else|of\s+(?:this|it)))?(?:\s+is|\s+has\s+been|\s+was|['’]s\s+been|['’]s)\s+(?:yet\s+)?"
            r"(?:posted|put\s+up|adopted|approved|moved|voted\s+on|bought|placed|installed|ordered|printed|"
            r"in\s+(?:place|effect|force|use))"
            r"(?:\s+or\s+(?:posted|put\s+up|adopted|approved|moved|voted\s+on|bought|placed|installed|ordered|printed))?"
            r"(?:\s+(?:afterwards|afterward|since|after\s+that))?(?=\s*(?:yet\b|[.;,]|$))",
            r"\bnothing\s+gets\s+(?:posted|put\s+up)\b",  # "Gail: no, not needed, nothing gets posted at Fernbank"
            r"\bnothing\s+(?:went|got|was\s+put)\s+back\s+up\b",  # "We painted in May and nothing went back up."
            r"\bnothing\s+(?:is\s+)?posted\s+anywhere\b",  # "right now there's nothing posted anywhere in the house"
            # "testing stopped altogether; nothing in place now", "nothing collected now", "nothing faxed yet" (not
            # "Nothing is posted now without the manager's OK": the clause must end there)
            r"\bnothing\s+(?:(?:is|was)\s+)?(?:in\s+place|collected|kept|done|posted|put\s+up|faxed|sent|signed|on\s+file)\s+"
            r"(?:yet|now|today|anymore|any\s+more|these\s+days)(?=\s*(?:[.;,)!]|$))",
        ),
        "never": (
            r"\bnever\s+voted\s+(?:on|to\s+(?:adopt|bring|approve|keep|reinstate|restore))\b",
            r"\b(?:it|that|this)\s+never\s+happened\b",  # "... sometime. It's been six weeks and it never happened."
            r"\bnever\s+(?:went|came|got)\s+to\s+a\s+vote\b",  # "a draft ... that never went to a vote"
            # "It never passed.", "the proposal never went through" (not "it never passed inspection")
            r"\b(?:it|this|that|the\s+(?:motion|proposal|draft|rule|idea))\s+never\s+(?:passed|went\s+through|got\s+"
            r"(?:passed|approved|adopted|a\s+vote))\s*(?:[.;,!]|$|\s+(?:at|in|with|because|and|but|after)\b)",
            # "we bought the frames but never made the sheets", "I've never seen it done here"
            r"\bnever\s+(?:made|wrote|printed|put\s+up)\s+(?:the|any|one|them|it)\b(?!\s+(?:up|out)\s+(?:until|unless))",
            r"\bnever\s+seen\s+(?:it|that|this|one|them)\s+(?:done|used|posted|happen)\b",
            # "It was never posted.", "The map has never been put up." (the past: "are never posted" is a rule)
            r"\b(?:it|this|that|these|those|they|one|(?:the|our|this|that)\s+(?:[\w'’-]+\s+){0,2}?(?:sheet|map|form|list|"
            r"poster|page|checklist|policy|rule|procedure)s?)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+never\s+"
            r"(?:posted|put\s+up|adopted|approved|signed|filled\s+(?:in|out)|completed|implemented|put\s+in\s+place|"
            r"handed\s+out|given\s+out)\b",
            r"\b(?:it|this|that|these|those|they|one)\s+(?:has|have|had)\s+never\s+been\s+(?:posted|put\s+up|adopted|"
            r"approved|signed|filled\s+(?:in|out)|completed|implemented|put\s+in\s+place|used)\b",
            # "... but it never got written into the house rules", "that never made it into the handbook"
            r"\b(?:it|this|that|they|these|those|none\s+of\s+(?:it|this|that|them))\s+never\s+"
            r"(?:got\s+|was\s+|were\s+)?(?:written|put|added|typed|made\s+it)\s+(?:into|in|down)\b",
        ),
        **dict.fromkeys(  # active voice: "We dropped that line when we rewrote the agreement"
            (
                *("dropped", "removed", "deleted", "scrapped", "struck", "withdrew", "rescinded", "retired"),
                *("abolished", "cut", "tossed", "shredded"),
            ),
            (
                r"\b(?:we|they|i|the\s+(?:board|owners?|operator|house|council|company|applicant)|management|staff)\s+"
                r"(?:later\s+|then\s+|since\s+|eventually\s+|finally\s+)?"
                r"(?:dropped|removed|deleted|scrapped|struck|withdrew|rescinded|retired|abolished|cut|tossed|shredded)\s+"
                r"(?:(?:that|this|those|these)\s+(?:[\w'’-]+\s+){0,2}?(?:line|lines|rule|rules|clause|clauses|polic(?:y|ies)|"
                r"section|form|requirement|item|paragraph|sentence|page|procedure|practice|sheet|list)|"
                r"(?:section|rule|clause|policy)\s+[0-9][0-9.a-z-]*)\b",
                # "scrapped all of this last spring"
                r"\b(?:scrapped|dropped|shelved|abandoned)\s+all\s+of\s+(?:this|that|it|these|those|them)\b",
                # "That sheet got tossed when the owners changed"
                r"\b(?:page|sheet|rule|policy|form|list|poster|map|section|clause)s?\s+(?:got|was|were|has\s+been|have\s+been)\s+"
                r"(?:dropped|tossed|cut|scrapped|shredded|thrown\s+out)\b",
                # "Dropped when they switched to a 1-page form last yr" (not "Dropped keys go to the office"), "they
                # dropped it in 2023"
                r"^\W*dropped\s+(?:it\s+|them\s+|that\s+)?(?:when|after|once|last\s+(?:year|yr|month|spring|summer|fall|"
                r"autumn|winter))\b",
                r"\b(?:they|we|he|she)\s+dropped\s+(?:it|that|them|those|this)\s+"
                r"(?:when|after|once|last\s+(?:year|yr|month|spring|summer|fall|autumn|winter)|in\s+(?:19|20)\d\d)\b",
            ),
        ),
        # "They voted it down."
        "down": (
            r"\b(?:we|they|it|the\s+(?:board|owners?|residents?|council|house|members))\s+voted\s+(?:it|this|that|them|these|"
            r"those)\s+down\b",
            # a verdict written on it: 'handwritten across the top: "VOTED DOWN 6-3."'
            r"(?:^|[:\"“(]|\.\s)\s*voted\s+down\b(?:\s+\d+\s*[-–—to]+\s*\d+)?\s*(?:[.!,;)\"”]|$)",
        ),
        # "That binder left with them when they sold."
        **dict.fromkeys(
            ("left", "went"),
            (
                r"\b(?:manual|binder|handbook|rules|polic(?:y|ies)|agreement|sheet|checklist|it|that)\s+(?:all\s+)?"
                r"(?:left|went)\s+with\s+(?:them|him|her|the\s+(?:old|previous|former)\s+[\w'’-]+)\b",
            ),
        ),
        # "Those rules ended when we sold it.", "That stopped when she left in 2022."
        **dict.fromkeys(
            ("ended", "stopped"),
            (
                r"\b(?:those|these|that|the|their|its)\s+(?:old\s+)?(?:rules?|polic(?:y|ies)|practices?|checks?|routines?)\s+"
                r"(?:all\s+)?(?:ended|stopped)\b(?!\s+being\b)",
                # someone left and it stopped (not "That stopped when we posted this rule")
                r"^\W*(?:that|this|it|all\s+(?:of\s+)?that)\s+(?:all\s+)?(?:stopped|ended)\s+(?:when|after|once)\s+"
                r"(?:he|she|they|we|the\s+(?:old|previous|former)\s+[\w'’-]+|our\s+old\s+[\w'’-]+)\s+"
                r"(?:left|moved|sold|retired|quit|closed|bought|took\s+over)\b",
                # "[margin: all of it stopped when the grant ran out in 2011.]", "stopped all this when I was sick"
                r"^\W*(?:[\w ,().]{1,40}:\s*)?(?:all\s+(?:of\s+)?(?:it|this|that)|it\s+all|that\s+all)\s+"
                r"(?:stopped|ended)\s+(?:when|after|once|in\s+(?:19|20)\d\d)\b",
                r"^\W*(?:[\w ,().]{1,40}:\s*)?(?:we\s+|i\s+)?stopped\s+all\s+(?:of\s+)?(?:this|that|it)\s+"
                r"(?:when|after|once|in)\b",
            ),
        ),
        # "We're talking it over with the residents."
        "we're": (r"\bwe['’]re\s+(?:still\s+)?(?:thinking|talking)\s+(?:about\s+(?:it|this|that)|it\s+over)\b",),
        # "We are still writing our own."
        "writing": (
            r"\b(?:we\s+are|we['’]re|the\s+house\s+is)\s+still\s+(?:writing|drafting|working\s+on)\s+(?:our\s+own|one|it|"
            r"ours|the\s+(?:rules?|polic(?:y|ies)))\b",
        ),
        # an answer to the question before it: "> Not that I know of."
        "not that": (r"^\W*not\s+that\s+(?:i|we)\s+(?:know\s+of|['’]m\s+aware\s+of|am\s+aware\s+of|can\s+see)\b",),
        # "The move-in form doesn't ask for that now."
        "ask": (
            r"\b(?:form|packet|agreement|intake|it)\s+(?:doesn['’]?t|does\s+not)\s+ask\s+(?:for\s+)?(?:that|this|it|"
            r"them|any\s+of\s+(?:that|this|it))(?:\s+(?:now|today|yet|anymore|at\s+all))?\s*(?:[.;,!]|$)",
            # "Some houses say every resident is responsible ... We don't ask that of residents."
            r"\bwe\s+(?:don['’]?t|do\s+not)\s+ask\s+(?:that|this|it)\s+of\s+(?:residents|our\s+residents|you|anyone)\b",
            # "Theirs is eight pages. We don't ask any of that." (not "We don't ask any of that until move-in day")
            r"\bwe\s+(?:don['’]?t|do\s+not|never)\s+ask\s+(?:for\s+)?any\s+of\s+(?:that|this|it|them)\s*(?:[.;!]|$)",
        ),
        # "That's between you and your sponsor; we don't make it a house rule."
        # "We've talked about copying it, nothing more." (not "We have talked about adding it.", said of one part
        # the paper lacks)
        "talked about": (
            r"\b(?:we|i|they)(?:['’]ve|\s+have)?\s+(?:only\s+|just\s+)?talked\s+about\s+(?:copying|adopting|using|"
            r"making|adding|writing|starting|doing)\s+(?:it|one|that|this|them|something\s+like\s+(?:it|that|this))\s*"
            r"[,;—–-]\s*(?:nothing\s+more|that['’]s\s+all|no\s+more)\b",
        ),
        # "Haven't decided if I keep any of his." (a rule kept or not; not "not yet decided whether to approve
        # that arrangement", said of a use the letter names)
        **dict.fromkeys(
            ("decided if", "decided whether"),
            (
                r"\b(?:has|have)(?:n['’]t|\s+not)\s+(?:yet\s+)?decided\s+(?:if|whether)\s+(?:to\s+|i\s+|we\s+)?"
                r"(?:keep|use|adopt|copy)\b",
            ),
        ),
        # "Didn't care for the wording and we never put it in."
        # (not "We never put it in writing alone: ...")
        "never put": (
            r"\b(?:we|i|they)\s+never\s+put\s+(?:it|them|that|this|any\s+of\s+(?:it|them))\s+in\s*(?:[.;,!]|$)",
        ),
        # "Waiting to hear back."
        "waiting to hear": (r"^\W*(?:[\w ,().]{1,40}:\s*)?(?:still\s+)?waiting\s+to\s+hear\s+back\b",),
        # "It never got going.", "... and never started it up again."
        "never got": (r"\b(?:it|this|that|they|these|those)\s+never\s+got\s+(?:going|started|off\s+the\s+ground)\b",),
        "never started": (r"\bnever\s+(?:started|picked)\s+(?:it|them|that|this)\s+(?:back\s+)?up\s+again\b",),
        # "That went on his sheet; nobody has checked since.", "Haven't tested anybody since."
        "since": (
            r"\b(?:nobody|no[\s-]one)(?:['’]s|\s+has)\s+(?:checked|tested|inspected|looked\s+at)\s+(?:it|them|anything|"
            r"anybody|anyone\s+)?\s*since\s*(?:[.;!]|$)",
            r"\b(?:has|have)(?:n['’]t|\s+not)\s+(?:tested|searched|checked|inspected)\s+(?:anybody|anyone|anything|any\s+[\w-]+)"
            r"\s+since\b",
        ),
        # "It's still a draft on my laptop."
        "still a draft": (r"\b(?:it['’]s|it\s+is|that['’]s|that\s+is|this\s+is)\s+still\s+(?:just\s+)?a\s+draft\b",),
        # "We dropped testing altogether in 2021."
        **dict.fromkeys(
            ("altogether", "entirely", "completely"),
            (
                r"\b(?:we|they|i|the\s+(?:house|owners?|board))\s+dropped\s+(?:[\w'’-]+\s+){0,3}?(?:altogether|entirely|"
                r"completely)\b",
            ),
        ),
        # "Our old policy treated a refusal the same as a positive."
        "old polic": (
            r"^\W*(?:[\w ,().]{1,60}:\s*)?(?:our|the|his|her|their)\s+old\s+(?:polic(?:y|ies)|rules?|procedures?)\s+"
            r"(?:was|were|said|treated|had|required|let|made|asked|counted)\b",
        ),
        # "Never used it:" before a sample's text
        "never used": (
            r"^\W*(?:[\w ,().]{1,40}:\s*)?(?:we\s+|i\s+)?never\s+used\s+(?:it|them|this|that|one)\s*(?:[.:;!]|$)",
        ),
        # "Our manual still has nothing on it."
        "has nothing": (
            r"\b(?:rules?|manual|handbook|agreement|lease|polic(?:y|ies)|binder|packet)\s+(?:still\s+)?(?:has|have)\s+nothing\s+"
            r"(?:on|about|for)\s+(?:it|this|that|them)\b",
        ),
        # "Their sign, their building."; "Their house, their rules."
        "their": (
            r"^\W*their\s+(?:signs?|cards?|notices?|labels?|rules?|polic(?:y|ies)|forms?|sheets?|building|house|place|"
            r"posters?|lists?)\s*[,;]\s*"
            r"their\s+[\w'’-]+\s*[.!]",
        ),
        # "the operator says it was the old landlord's and means nothing now"
        "means nothing": (_MEANS_NOTHING_NOW,),
        "make it": (r"\b(?:don['’]?t|do\s+not|never)\s+make\s+(?:it|that|this)\s+a\s+(?:house\s+)?rule\b",),
        # "Per their policy: meds are kept in the locked office cabinet ..."; "Per the clinic's procedure, two doses
        # are kept there." (not "Per the house's policy", "per the manager's rules": the house's own)
        "per ": (
            r"^\W*(?:[\w ().]{1,40}:\s*)?per\s+(?:their|the\s+(?!(?:house|home|residence|manager|owner|operator|"
            r"director|company|board|program)['’]s\b)[\w-]+['’]s)\s+(?:own\s+)?(?:polic(?:y|ies)|procedures?|rules?|"
            r"manual|handbook|protocols?)\b",
        ),
        # "Over there it counts the same as a positive, that's in their policy."
        "in their": (
            # (not "Staff get told, it's in their handbook": the staff's own)
            r"\b(?:that['’]s|that\s+is)\s+(?:all\s+)?in\s+their\s+(?:own\s+)?(?:polic(?:y|ies)|"
            r"manual|handbook|paperwork)\b",
        ),
        # "The owner said no, too much paperwork. So it's not on there."
        "not on": (
            r"\b(?:it['’]s|it\s+is|that['’]s|that\s+is|they['’]re|they\s+are)\s+not\s+on\s+(?:there|it|the\s+(?:form|"
            r"application|sheet|list|packet|page))\s*(?:[.;,!]|$)",
        ),
        # "Content back then: emergency numbers, overdose steps ..." (a label told in the past)
        "back then": (r"^\W*(?:[\w'’-]+\s+){0,2}?back\s+then\s*:",),
        # "We're still deciding where they'll go once the remodel is done."
        "deciding": (r"\b(?:we['’]re|we\s+are|the\s+(?:house|owner|owners|board)\s+(?:is|are))\s+still\s+deciding\b",),
        # "Offered to Fenwick as a model; the house has nothing comparable."
        "comparable": (r"\b(?:has|have)\s+nothing\s+comparable\b",),
        # "All of that went out the door when they sold."; "We took that sign down in June."
        "door": (r"\bwent\s+out\s+the\s+door\b",),
        "took": (
            r"\btook\s+(?:it|them|(?:that|the|this|those|these|our)\s+(?:[\w'’-]+\s+)?(?:sheet|sign|list|poster|rules?|"
            r"page|map|notice)s?)\s+down\b",
        ),
        # "We never put that form into use."
        "into use": (r"\bnever\s+put\s+(?:it|them|(?:that|this|the|those)\s+(?:[\w'’-]+\s+)?[\w'’-]+)\s+into\s+use\b",),
        # "That was the old policy; nobody does it now."
        " old ": (
            r"^\W*(?:that|this|those|it)\s+(?:was|were)\s+(?:the|our)\s+old\s+(?:polic(?:y|ies)|rules?|procedure|way|sheet|"
            r"form|list)\b",
        ),
        **dict.fromkeys(
            ("nobody does", "no one does", "no-one does"),
            (r"\b(?:nobody|no[\s-]one)\s+does\s+(?:it|that|this|them)\s+(?:now|anymore|any\s+more)\b",),
        ),
        # "It never got taken up", "nobody's made it a rule"
        "taken up": (r"\bnever\s+got\s+taken\s+up\b",),
        # "the manager says the house hasn't taken it up"
        "taken it": (r"\b(?:has|have)(?:n['’]t|\s+not)\s+(?:yet\s+)?taken\s+(?:it|this|that|them)\s+up\b",),
        # "Haven't walked it or logged anything; Renata hasn't said yes." (not "until the owner has said yes")
        "said yes": (r"\b(?:has|have)(?:n['’]t|\s+not)\s+(?:yet\s+)?said\s+yes\b(?!\s+to\s+(?:a|an|the|any)\b)",),
        "made it": (
            r"\b(?:nobody|no[\s-]one)(?:['’]s|\s+has)\s+(?:ever\s+)?made\s+(?:it|this|that)\s+(?:a|the|into\s+a)\s+rule\b",
        ),
        # "Our form doesn't have that section, though."
        "have that": (
            r"\b(?:form|packet|agreement|sheet)\s+(?:doesn['’]?t|does\s+not)\s+have\s+(?:that|this)\s+(?:[\w'’-]+\s+)?"
            r"(?:box|section|line|part|field|page)\b",
        ),
        # "We never did that here."
        "never did": (r"\bwe\s+never\s+did\s+(?:that|this|it)\s+(?:here|at\s+all)\b",),
        # "Our own manual has no counterpart."
        "counterpart": (r"\b(?:has|have)\s+no\s+counterpart\b",),
        # "Our house rules say nothing about smoking", "Our handbook is silent on this."
        **dict.fromkeys(
            ("nothing about", "nothing on", "nothing of"),
            (
                r"\b(?:rules?|manual|handbook|agreement|lease|polic(?:y|ies)|form|packet)\s+(?:says?|said)\s+nothing\s+(?:at\s+all\s+)?"
                r"(?:about|on|of)\s+"
                r"(?:it|this|that|them|the\s+kind|[\w'’-]+(?:\s+[\w'’-]+)?)\s*(?:[.;]|$)",
            ),
        ),
        "silent": (
            r"\b(?:rules?|manual|handbook|agreement|lease|polic(?:y|ies)|form|packet|binder)\s+(?:is|are|was|were)\s+silent\b",
        ),
        # "It is a rule the house never adopted."
        "never adopted": (r"\bnever\s+adopted\b",),
        # "That has not been our practice until now."
        "practice": (
            r"\b(?:that|this|it)\s+(?:has|have)(?:\s+not|n['’]t)\s+been\s+(?:our|the\s+house['’]s)\s+practice\b",
        ),
        # "The manual used by the previous owners said: ..."
        **dict.fromkeys(
            ("by the previous", "by the prior", "by the former", "by the old"),
            (
                r"\b(?:used|written|adopted|posted|kept)\s+by\s+the\s+(?:previous|prior|former|old)\s+(?:operators?|owners?|"
                r"managers?|management)\b",
            ),
        ),
        # "We reviewed it and set it aside."
        "aside": (r"\bset\s+(?:it|this|that|them|these|those)\s+aside\b|\breviewed\s+and\s+set\s+aside\b",),
        # "The house hasn't agreed to any of it."; "The house has not settled on a rule yet."
        **dict.fromkeys(
            ("hasn't", "has not", "haven't", "have not"),
            (
                r"\b(?:has|have)(?:n['’]t|\s+not)\s+(?:yet\s+)?agreed\s+to\s+any\b",
                r"\b(?:has|have)(?:n['’]t|\s+not)\s+(?:yet\s+)?settled\s+on\s+(?:a|an|any|the)\b",
                # "It's a good list. We haven't done any of it yet."
                r"\b(?:we|they|i|the\s+house)\s+(?:has|have)(?:n['’]t|\s+not)\s+(?:yet\s+)?(?:done|set\s+up|put\s+in)\s+"
                r"any\s+of\s+(?:it|this|that|them|these|those)\b",
                # "Note from me: I haven't set anything like this up here yet."
                r"\b(?:we|they|i|the\s+house)\s+(?:has|have)(?:n['’]t|\s+not)\s+(?:yet\s+)?set\s+(?:anything|something|one)\s+"
                r"like\s+(?:it|this|that)\s+up\b",
            ),
        ),
        # "It isn't in the house rules yet."
        "is not": (_NOT_IN_THE_RULES,),
        "n't": (
            r"\b(?:has|have)n['’]t\s+(?:yet\s+)?(?:answered|replied|responded)(?:\s+yet)?\s*(?:[.;]|$)",
            r"\b(?:manual|handbook|rules|agreement|binder|lease|polic(?:y|ies)|procedures?|packet|it)\s+(?:itself\s+)?"
            r"(?:doesn|don|didn)['’]t\s+(?:include|contain|cover|mention)\s+(?:it|this|that|them|any\s+(?:such\b|of\s+"
            r"(?:it|this|that|them)))\b",
        ),
        "anything": (  # "That form stays with the detox center; we don't keep anything like it here."
            r"\b(?:don'?t|do\s+not|never)\s+(?:keep|have|use)\s+anything\s+like\s+(?:it|this|that)\b",
        ),
        "blank": (
            r"\bstays?\s+blank\b",
            r"\b(?:is|are|remains?)\s+still\s+blank\b",  # "Article IX is still blank."
            r"\b(?:usually|often|mostly|just)\s+leave\s+(?:it|them)\s+blank\b",  # "we usually leave it blank"
            r"\bblank\s+(?:template|form|sheet)\s+only\b",  # "nothing posted; blank template only"
            # "It's a blank template. We haven't filled it in or posted anything yet."
            r"^\W*(?:it|this|that)(?:['’]s|\s+is)\s+(?:just\s+|only\s+)?a\s+blank\s+(?:template|form|sheet|sample)\s*[.!]?\s*$",
        ),
        "filled": (
            r"\b(?:has|have)(?:\s+not|n['’]t)\s+(?:yet\s+)?filled\s+(?:it|them|this|that)\s+(?:in|out)\s+or\s+(?:posted\s+"
            r"(?:it|them|anything)|put\s+(?:it|them)\s+up)\b",
        ),
        # "Interesting, but it's theirs." after another house's rule (not "it's theirs to keep")
        "theirs": (r"\b(?:it|that|this)(?:['’]s|\s+is)\s+theirs\b(?!\s+to\b)",),
        # "Well, that was the detox." after a rule told of another place
        "was the": (
            r"^\W*(?:well,?\s+|but\s+)?(?:that|this)\s+was\s+(?:at\s+)?the\s+(?:detox|clinic|hospital|jail|rehab|shelter)"
            r"\s*[.!]?\s*$",
        ),
        "isn't": (r"\bthere\s+isn['’]?t\s+one\b(?!\s+(?:of|who|that|in)\b)", _NOT_IN_THE_RULES),
        # "Residents don't sign anything about drinking or drugs."
        "sign": (
            r"\b(?:residents?|we|they|you)\s+(?:don['’]?t|do\s+not|never)\s+sign\s+anything\s+(?:about|on|for|like|saying)\b",
        ),
        # what no one has ever signed or filled in: "nobody's ever signed one", "Nobody fills it out anymore",
        # "nobody signs anything about it at intake" (not "no one signs it until staff has read it")
        **dict.fromkeys(
            ("nobody", "no one", "no-one"),  # looked for in the sentence as written: "nobody's" holds "nobody"
            (
                r"\b(?:nobody|no[\s-]one)(?:['’]s|\s+has)?\s+(?:ever\s+)?(?:signed|signs|filled|fills|completed|completes)\s+"
                r"(?:one|it|them|this|that|anything|any)\b(?:\s+(?:in|out))?(?!\s+(?:until|unless|before|without|if)\b)",
                # "Nobody's voted on it, nobody's signed off" (not "nobody signs off until the manager has checked")
                r"\b(?:nobody|no[\s-]one)(?:['’]s|\s+has)\s+(?:ever\s+)?(?:voted\s+on\s+(?:it|this|that|them)|signed\s+off"
                r"(?:\s+on\s+(?:it|this|that|them))?)\s*(?:[.;,!]|$)",
                # what the questions before it asked: "Is that right? Nobody has ever said." (the whole sentence: not
                # "Whether they must go to meetings, nobody's ever said", which answers its own clause)
                r"^\W*(?:nobody|no[\s-]one)(?:['’]s|\s+has)\s+(?:ever\s+)?(?:said|told\s+(?:me|us))\s*(?:[.!]|$)",
            ),
        ),
        # "The sheet and map were taken down for the painters and have not been put back."
        "back": (r"\b(?:has|have|had)\s+not\s+been\s+(?:put|hung|posted)\s+back\b",),
        # "For now there is no written expectation of this kind", "calloway doesn't have a manual like that"
        "kind": (
            r"\b(?:there\s+is|there['’]s|there\s+are|we\s+have|has)\s+no\s+(?:[\w'’-]+\s+){0,3}?of\s+(?:this|that)\s+kind\b",
        ),
        "like": (
            r"\b(?:doesn['’]?t|does\s+not|don['’]?t|do\s+not)\s+have\s+(?:a|an|any)\s+(?:[\w'’-]+\s+){0,2}?(?:manual|policy|rule|"
            r"form|sheet|list|procedure|handbook|checklist|plan)s?\s+like\s+(?:that|this|it|theirs)\b",
            # "Mike hasn't given me any binder like that here yet."
            r"\b(?:hasn['’]?t|has\s+not|haven['’]?t|have\s+not)\s+(?:given|shown|handed)\s+(?:me|us|anyone|anybody)\s+(?:a|an|any)\s+"
            r"(?:[\w'’-]+\s+){0,2}?(?:binder|manual|policy|rule|form|sheet|list|procedure|handbook|checklist)s?\s+like\s+(?:that|this|it)\b",
        ),
        # "It's a sample consent Carol printed off some website, and nobody here has signed one."
        "signed": (
            r"\b(?:nobody|no\s+one|no\s+resident)\s+(?:here\s+)?(?:has|have)\s+(?:ever\s+)?signed\s+(?:one|it|them|this|that|these|those)\b",
        ),
        # "Rule there is ... never hand a pill to anybody. Here we just keep our stuff wherever." (what came before
        # was another house's)
        "here": (  # not "Here we just ask that every resident ...": a rule
            r"^\W*here,?\s+(?:we|they|residents|people|everyone|everybody|you)\s+just\s+[\w'’-]+(?:\s+[\w'’-]+){0,4}?\s+"
            r"(?:wherever|anywhere|however\s+(?:we|they|you)\s+(?:like|want))\b",
        ),
        # "we don't have any of that posted here"
        "any": (
            r"\b(?:don['’]?t|do\s+not|doesn['’]?t|does\s+not)\s+have\s+any\s+of\s+(?:that|this|it|these|those|them)\b",
        ),
        # a finding's last word on it: "Nothing here asks residents themselves to do anything; not addressed."
        "addressed": (
            r"[;:]\s*not\s+(?:addressed|covered|in\s+place)\s*\.?\s*$",
            # "Smoking and vaping are not addressed by this lease." (not "covered": "Staff are not covered
            # by this policy" says whom a rule binds)
            r"\b(?:is|are)\s+not\s+addressed\s+(?:by|in)\s+(?:this|the|our)\s+(?:lease|agreement|manual|handbook|"
            r"polic(?:y|ies)|rules|document|form)\b",
        ),
        # a thread's question left unanswered: "(no replies yet)"
        **dict.fromkeys(
            ("no repl", "no answer", "no response"),
            (r"^\W*no\s+(?:replies|reply|answers?|responses?)(?:\s+yet)?[\s.)*_\]]*$",),  # not "No answer? Call 911"
        ),
        "whether": (
            r"\b(?:is|are)\s+(?:reviewing|considering|discussing|deciding|exploring|weighing|debating|studying)\s+whether"
            r"(?:\s*,|\s+to\b|"
            r"\s+(?:the\s+)?\w+\s+(?:should|would)\b)",
            # "Whether the move-in form asks for an emergency contact is still unknown"
            r"^\W*whether\b[^.;]{0,240}?\b(?:is|are|remains?)\s+(?:still\s+)?(?:unknown|unclear|not\s+known|undecided|uncertain)\b",
        ),
        "advisory": (
            r"\b(?:this|these|it)(?:\s+(?:items?|notes?|section|list|table|page|schedule))?\s+(?:is|are)\s+advisory\b",
        ),
        "not": (
            r"\bnot\s+a\s+(?:lease|binding)\s+(?:term|requirement|rule)\b",
            # "the manual does not include it", "the agreement does not contain any such clause"
            r"\b(?:manual|handbook|rules|agreement|binder|lease|polic(?:y|ies)|procedures?|packet|it)\s+(?:itself\s+)?"
            r"(?:does|do|did)\s+not\s+(?:include|contain|cover|mention)\s+(?:it|this|that|them|any\s+(?:such\b|of\s+"
            r"(?:it|this|that|them)))\b",
            # a finding under a lead-in: "4. Smoking and vaping: not addressed" (the lead-in names what is absent)
            r"^\W*not\s+(?:addressed|covered|found|stated|provided|in\s+place|in\s+(?:the\s+)?(?:policy|policies|rules))\W*$",
            # the questions before it stand unanswered: "Management raised both questions; Tenant has not answered."
            r"\b(?:has|have)\s+not\s+(?:yet\s+)?(?:answered|replied|responded)(?:\s+yet)?\s*(?:[.;]|$)",
            r"^\W*(?:a\s*[:.]\s*)?not\s+(?:yet\s+)?decided\b",
            r"^\W*not\s+(?:up|posted|out|ready)\s+yet\s*[.!]?\s*$",  # "Safety: Coming soon. ... Not up yet."
            # '"Not started yet — still waiting on the trainer device."'
            r"^\W*(?:[\w ().]{1,40}:\s*)?\W*not\s+(?:started|begun|in\s+use)(?:\s+yet)?\s*(?:[.!—–]|\s-|$)",
            # an answer: "But not yours?" "DANA: Not ours." (after another place's form)
            # (not "Owner: no, not ours.", said of another matter asked about)
            r"^\W*(?:[\w ().]{1,40}:\s*)?not\s+(?:ours|mine)\s*[.!]?\s*$",
            # "which was sweet but it's not in the handbook"
            r"\b(?:it|that)['’]s\s+not\s+in\s+(?:the|our)\s+(?:handbook|house\s+rules|rules)\b",
            # "That's not our document", "That's them, not us"
            r"\b(?:that|this|it)(?:['’]s|\s+is)\s+not\s+our\s+(?:document|agreement|form|sheet|manual|rule|policy|checklist)\b",
            r"\b(?:that['’]s|that\s+is|those\s+are)\s+them,?\s+not\s+us\b",
            # "That is the clinic's policy, not Birch House's." (see _NOT_OURS for "not ours")
            r"\b(?:is|are)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?[\w-]+['’]s\s+(?:document|rules?|polic(?:y|ies)|forms?|paper|"
            r"manual|handbook)\s*,?\s+(?:and\s+)?not\s+(?:[\w-]+\s+){0,2}?[\w-]+['’]s(?:\s|[.,;]|$)",
        ),
        "consider": (
            r"\b(?:will|to)\s+consider\s+(?:it|this|these|(?:the|her|his|their|that)\s+(?:recommendations?|suggestions?|"
            r"proposals?|ideas?|report))\b",
        ),
        # "a checklist TEMPLATE ... - not used yet.", "- not in use yet" (not "Spare kits not used yet stay in the
        # office.")
        "use": (r"(?:^|[-–—,;:(]\s*)not\s+(?:used|in\s+use)\s+yet\s*(?:[.;,)!]|$)",),
        "different": (  # "We're a different setup here, though." after another house's rule
            r"\b(?:we\s*['’]re|we\s+are|it['’]s|it\s+is|things\s+are)\s+(?:a\s+)?different\s+(?:setup|set-up|story)\b",
            r"\b(?:we|things)(?:['’]re|\s+are)\s+different\s+here\b|\bwe\s+do\s+(?:it|things|that)\s+differently\s+here\b",
        ),
        "vote": (  # a poll: "Vote 👍 or 👎 below!", "Let's vote: 🅰️ a clear bin on top of the fridge, or 🅱️ ...?"
            r"\bvote\s+(?:[^\w\s]+\s*|(?:yes|no|or|and|up|down)\s+){0,4}?below\b",
            r"^\W*let['’]?s\s+vote\b",
        ),
        "only": (
            r"\bapplies\s+(?:only\s+to\s+(?:paid\s+)?(?:staff|employees|volunteers|contractors|board\s+members)\b|"
            r"to\s+(?:paid\s+)?(?:staff|employees|volunteers|contractors|board\s+members)\s+only\b)",
        ),
    }.items()
}


_DISOWNING_TAG = lazy_compile(
    r"\([^()]*\b(?:withdrawn|rejected|repealed|rescinded|superseded|discontinued|proposed|planned|ended|suspended|"
    r"expired|lapsed|void|voided|"
    r"not\s+in\s+use|not\s+adopted|not\s+in\s+effect|not\s+current|no\s+longer\s+in\s+effect|"
    r"suggestions?\s+only|ideas?\s+only|recommendations?\s+only|not\s+(?:house\s+)?rules|history\s+only|"
    r"for\s+reference\s+only|(?:fyi|for\s+(?:your\s+)?information)\s+only|archived|not\s+yet\s+(?:written|adopted|in\s+effect|decided)|no\s+answers?\s+on\s+file|"
    r"not\s+an?\s+(?:[\w'’-]+\s+){0,3}?(?:policy|rule|procedure)|retired|questions?\s+for|nothing\s+like\s+(?:this|it)\s+exists|"
    r"to\s+(?:be\s+)?decided?|no\s+motion|not\s+posted|no\s+vote|not\s+written\s+yet|open\s+questions?|"
    r"(?:has|have|had|plays?)\s+no\s+part\s+in|theirs,?\s+not\s+ours|not\s+(?:for\s+)?(?:the\s+)?residents|"
    r"voted\s+(?:it\s+|them\s+)?down|never\s+(?:added|adopted)|"  # "(Cedar Row has no part in it)"
    # a motion put off or a change never taken in: "... walk-through idea (tabled)", "(closed, not merged)"
    r"tabled|not\s+merged|never\s+merged|closed\s+without\s+merging|"
    # "Med count: Orchard Rd sister house only (doesn't apply here)"
    r"(?:does\s+not|doesn['’]t)\s+apply\s+(?:here|to\s+(?:us|this\s+house))|"
    # "(up for discussion Sunday, not added yet)", "(stopped in 2021)"
    r"not\s+(?:yet\s+)?added(?:\s+yet)?|stopped\s+(?:in|on|when|after|last)\b|"
    r"residents?\s+(?:are\s+)?not\s+covered|"
    # a binder's tabs: "(NOT OURS)", "(coalition sample wording, blanks not filled in)", "(their page, ...)",
    # "(not on our house rules sheet; ...)", "(... - not started)"
    r"not\s+ours|sample\s+wording|blanks?\s+not\s+filled|sample\s+data|not\s+a\s+real\s+(?:house|home|residence|resident)|(?:their|his|her)\s+(?:page|sheet|form|copy)|revoked|"
    r"not\s+on\s+our\s+(?:[\w'’-]+\s+){0,2}?(?:checklist|list|sheet|form)|not\s+started|"
    # "(we took the house over in June and don't use their forms)"
    r"(?:don['’]t|do\s+not|no\s+longer)\s+use\s+(?:their|those|the\s+old|the\s+previous)\s+(?:[\w'’-]+\s+)?(?:forms?|rules|"
    r"polic(?:y|ies)|sheets?|procedures?)(?=\s*\))|"
    # "(P&P sect. 5, removed in Jan; ...)", "(Gail says this never got set up; ...)", "(... hasn't adopted any
    # smoking rule yet, not in house rules)", "(sister house; ... nothing up here yet)", "(... sect. 5 is blank)"
    r"(?:removed|deleted|scrapped|dropped)\*?\s+(?:in|on|last|when)\b|"
    r"never\s+(?:got\s+)?(?:set\s+up|started|happened|made|written|posted)|"
    r"(?:has|have)(?:\s+not|n['’]t)\s+(?:yet\s+)?adopted|nothing\s+(?:is\s+)?(?:up|posted)\s+(?:here\s+)?yet|"
    r"not\s+in\s+(?:the\s+)?house\s+rules|sister\s+(?:house|home|program)|is\s+(?:still\s+)?blank|"
    # "(borrowed from another sober home for ideas; Briar Gate has not written a smoking rule yet)", "(sample
    # copied from Ridgeline for comparison; ...)"; not "(copied from agent's letter)", "(adapted from the
    # affiliate's template)": what a house takes from others may be its own
    r"for\s+(?:comparison|ideas)|"
    r"not\s+(?:yet\s+)?(?:been\s+)?written\s+(?:a|any|its|their|our)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:policy|procedure|rule|rules|form|list|section)|"
    r"(?:has|have)\s+no\s+(?:[\w-]+\s+){0,2}?(?:policy|procedure|rule|rules|form|list))\b[^()]*\)"  # "(the house has no
    # inspection policy)"
    r"|\([^()]*\bnothing\s+(?:(?:below|here|in\s+(?:this|these)\s+\w+)\s+)?(?:is|was|has\s+been)\s+(?:yet\s+)?"
    r"(?:posted|adopted|in\s+(?:effect|force|use)|decided|final)\b[^()]*\)"  # "(nothing below is posted)"
    r"|^\W*open\s+questions?\b"  # "Open questions for the policy committee"
    # a page's stamp in capitals: "MEDICATION RULES - Larkspur House   SUPERSEDED 2023 - DO NOT HAND OUT",
    # "... Rev. 1/2025   REVOKED 2/2025" (not "DO NOT USE THE BACK STAIRS", a rule in capitals)
    r"|(?-i:\b(?:SUPERSEDED|REVOKED|RESCINDED|WITHDRAWN|VOIDED|VOTED\s+DOWN|DO\s+NOT\s+HAND\s+OUT|DEMO)\b)"
    r"|\((?:[\w'’-]+\s+){0,2}?(?:inventory|inventories|asset\s+list)\)"  # "(property inventory)"
    # an inventory, a list of receipts: what there is, no rule ("TESTING SUPPLIES (taped by the door)",
    # "house fund sec 6 - what we spent on fire stuff", "Supplies inventory - screening")
    r"|^\W*(?:(?!(?:from|that|this|these|the|a|an|and|or|give|gives|keep|keeps|take|takes|with|our|your|his|her|"
    r"their|my|all|any|no)\b)[\w'’.-]+\s+){0,2}?"
    r"(?:supplies(?=\s*\()|supplies\s+(?:inventory|list|on\s+hand)|inventory|inventories|asset\s+list|receipts|"
    r"purchases)\b(?=\s*(?:$|[(:,|\-\u2013\u2014]|(?:for|on|of|list|log|sheet)\b))"
    r"|[-:\u2013\u2014]\s*what\s+we\s+(?:spent|bought)\b"
    r"|\((?:[^()]*(?:'s|’s)\s+)?(?:suggestion|idea|proposal|wish)s?\)"
    # "(reviewer's suggestion; nothing is posted at present)"
    r"|\([^()]*(?:'s|’s)\s+(?:suggestion|idea|proposal|wish|recommendation)s?\b[^()]*\)"
    r"|^\W*(?:maybe\s+someday|someday|coming\s+soon|wish\s+list)\b"
    r"|^\W*(?:here\s+is\s+|here's\s+)?what\s+we\s+(?:still\s+)?(?:hope|wish)\s+to\s+(?:have|get|buy|add)\b"
    r"|[:\-\u2013\u2014]\s*questions?\s+for\s+[\w'’ ]{1,40}[.?]?$"
    r"|[-\u2013\u2014]\s*(?:not\s+yet\s+written|history\s+only|archived|(?:proposed,?\s+)?not\s+in\s+use|withdrawn|rescinded|"
    r"none\s+held)\s*$",
    re.IGNORECASE,
)
DISOWNING_WORDS = _words(
    "withdrawn rejected repealed rescinded revoked discontinued abandoned retired superseded ended stopped removed "
    "deleted dropped scrapped struck withdrew abolished "
    "voted turned never not hasn't haven't hadn't decided none nothing longer only thinking talking "
    "lapsed expired changes no yet decide decided consider such doesn't don't advisory motion blank whether anything "
    "void voided suspended nobody nobody's back kind like any addressed cut tossed shredded isn't sign "
    "left went writing drafting took old silent previous prior former aside different differently vote signed just "
    "filled theirs detox clinic hospital jail rehab shelter make deciding comparable per their means taken started "
    "begun talked waiting draft supposed wish wishlist merely declined refused vetoed belongs belong off occasion "
    "happened "
    # an outside body's paper, "That's the clinic's form." (a word keeps its "'s")
    "clinic's hospital's county's church's court's probation's employer's school's college's shelter's center's "
    "centre's partner's department's agency's"
)  # every branch of _DISOWNS holds one of these (the sentences read are those that hold one)
# An opening sentence is also read for what reaches forward (disowns_ahead) when it holds one of these: a
# shared post, a sight seen elsewhere, a poll, a supposed rule-maker ("If Biscuit wrote the rules:").
AHEAD_WORDS = DISOWNING_WORDS | _words(
    "pending "
    "sharing resharing reposting reposted spotted poll survey wrote made ran used proposed crossed scratched copied "
    "mistake once options choices ideas suggestions floated plan planned other brought lived "
    "sister sisters brother brothers friend friends cousin cousins mom mother dad father aunt uncle sponsor neighbor "
    "neighbour wife husband partner boss landlord landlady unapproved still us"
)


TAG_WORDS = _words(
    "residents voted never added stopped covered apply "
    "withdrawn rejected repealed rescinded superseded discontinued proposed planned ended use adopted effect "
    "suspended expired lapsed void voided comparison ideas "
    "current longer suggestions suggestion ideas idea recommendations recommendation rules history reference "
    "archived yet answers answer policy rule written retired questions question held exists decide decided motion "
    "procedure posted vote open "
    "maybe someday soon wish proposal proposals part ours hope nothing questions supplies inventory inventories "
    "asset receipts purchases spent bought fyi information "
    "removed deleted scrapped dropped set started happened made hasn't haven't up sister blank "
    "our their wording blanks revoked voided data real demo"
)


# An opening sentence that says what follows is not in effect: "Proposed for the 2026 renewal; not in
# effect", "Tenant has not adopted any of these.", "NOT a rule yet", "nothing changes till we vote".
# Only these, at a section's start, reach forward: "Rule 7 was withdrawn in 2021." does not.
_DISOWNS_AHEAD = lazy_compile(
    r"\bnot\s+(?:yet\s+)?(?:in\s+(?:effect|force|use)|adopted|published)\b|\bnot\s+an?\s+(?:house\s+)?rules?\s+yet\b"
    r"|\b(?:has|have)(?:\s+not|n['’]?t)\s+(?:yet\s+)?adopted\s+(?:any\s+of\s+)?(?:these|this|them|it)\b"
    # "a sheet, which the house has neither adopted nor posted: ..."
    r"|\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?neither\s+(?:adopted|approved|posted)\s+nor\b"
    r"|\bnothing\s+changes\s+(?:until|till|til)\b|\bnot\s+to\s+be\s+(?:initialed|initialled|signed)\b"
    # a lead-in: "Draft intake procedure 2.4, pending the owner's sign-off: ...", "Pending board approval:"
    r"|\bpending\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:approval|sign-?off|signature|adoption|vote)\b"
    r"|\b(?:that|this|it)(?:['’]s|\s+is)\s+not\s+(?:our|the\s+house['’]s)\s+(?:rule|policy)\b"
    # another place's paper, said so in a translator's word order: "... copied in a seminar as an example; it is not
    # a policy of our house.", "This is the procedure of the clinic, not of our house.", "(the house where one of
    # our residents lived before, not our house)"; a rule that does not apply now: "it does not apply actually"
    r"|\bnot\s+(?:a|the|one)\s+(?:rule|policy|procedure|form|practice)s?\s+of\s+our\s+(?:house|home|residence)\b"
    r"|[,;(]\s*not\s+(?:of\s+)?our\s+(?:house|home|residence)\s*[.;:)]"
    r"|\b(?:it|this|that|they|these)\s+(?:does|do)(?:\s+not|n['’]t)\s+apply\s+(?:actually|anymore|any\s+more|now|today)\b"
    r"|\bwe\s+(?:don['’]t|do\s+not)\s+have\s+(?:it|one|them|that|this)(?=\s*(?:[.;,:)!?]|$)|\s+(?:yet|here|at\s+all|anymore|now)\b)"
    r"|\bnothing\s+like\s+(?:it|this|that)\b|" + _MEANS_NOTHING_NOW +
    # what a rule would say if the house had one: "If we had a smoking policy, it would be short:"
    r"|^\W*if\s+we\s+had\s+(?:a|an|any)\s+(?:[\w'’-]+\s+){0,3}?(?:rule|policy|procedure|form|sheet|list|checklist|plan)s?\b"
    r"[^.;]*\b(?:it|that|this|ours)\s+would\b"
    # an answer that it is not there yet: "Operator response: Not made yet.", "Not yet." (what follows is a plan)
    r"|^\W*(?:[\w ]{1,30}:\s*)?not\s+(?:(?:made|done|written|posted|started|set\s+up|drawn\s+up)\s+)?yet\s*(?:[.!]|$)"
    # or with a dash before a note: "NOT POSTED yet - kitchen? upstairs hall?" (a binder tab's draft)
    r"|^\W*not\s+(?:made|done|written|posted|started|set\s+up|drawn\s+up|adopted|signed)\s+yet\s+[\u2014\u2013-]"
    # "sample poster from the affiliate toolkit, we haven't filled it in or put it up at either house:"
    r"|\b(?:has|have)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:filled\s+(?:it|them|this|ours|one)\s+(?:in|out)|"
    r"put\s+(?:it|them|this|ours|one)\s+up)\b"
    # a post shared from another house, a sight seen elsewhere, a poll, a rule-maker supposed: "Sharing this from our
    # friends at Birchwood!", "Spotted at the Millbrook Falls Public Library!", "POLL: Should ...?", "Let's vote:",
    # "If Whiskers the house cat wrote the rules: ..."
    r"|^\W*(?:sharing|re-?sharing|re-?posting|reposted)\s+(?:this|a\s+post|their\s+post)\s+from\b"
    r"|^\W*spotted\s+(?:at|over\s+at)\s+(?:the\s+)?(?-i:[A-Z])"
    r"|^\W*(?:poll|survey)\s*[:!—–-]|^\W*let['’]?s\s+vote\b"
    # a poll named after a chat's time and sender: "[Mon 9:00 AM] HouseBot: Narcan poll: 2 boxes arrived, where
    # should they go?"
    r"|^[^.!?]{0,60}?\b[\w-]+\s+poll\s*:"
    r"|^\W*if\s+(?:[\w'’-]+\s+){1,6}?(?:wrote|made|ran)\s+the\s+(?:house\s+)?rules\b"
    # choices not yet made, a plan for later: "Options floated: ...", "Plan once the landlord finishes: ..."
    r"|^\W*(?:options?|ideas?|suggestions?|choices)\s+(?:floated|raised|suggested|offered|on\s+the\s+table|so\s+far)\s*:"
    # "Pending, NOT approved 6/12: proposed contract ..." (not "Passes not approved by the manager ...")
    r"|^\W*(?:pending\s*[,;:]?\s*)?not\s+(?:yet\s+)?approved\b"
    r"|^\W*no\s+(?:policy|procedure|written)\s+text(?:\s+yet)?\s*(?:[.;:,]|$)"
    r"|^\W*(?:the\s+)?plan(?:ned)?\s+(?:once|when|after|for\s+(?:when|after))\b[^.;:]{0,80}:"
    # another owner's or another place's way, said first: "(how the previous owner ran it; ...)", "We don't; that's
    # the outpatient clinic most of our residents attend.", "Proposed at the June house meeting and voted down by
    # residents:", "At our old house on Kell Street ...", "There used to be, when we had a live-in manager."
    r"|\bhow\s+the\s+(?:previous|former|old|last)\s+(?:owners?|operators?|managers?|management)\s+(?:ran|did|handled|had)\s+"
    r"(?:it|things)\b"
    r"|^\W*(?:[\w ().]{1,40}:\s*)?(?:no,?\s+)?we\s+(?:don['’]?t|do\s+not)\s*[;:—–-]\s*(?:that['’]s|that\s+is)\s+"
    r"(?:the|their|a)\b"
    r"|^\W*(?:[\w ().]{1,40}:\s*)?proposed\b[^.;:]{0,60}\b(?:and\s+)?(?:voted|turned)\s+down\b"
    r"|^\W*(?:[\w ().]{1,40}:\s*)?at\s+our\s+(?:old|previous|former|last|other)\s+(?:house|home|place|location)\b"
    r"|^\W*(?:[\w ().]{1,40}:\s*)?there\s+used\s+to\s+be\b"
    # "Taped by both exits there once was a bright yellow sheet:", "Under the old owner, ..."
    r"|\bthere\s+once\s+(?:was|were|hung|stood)\b"
    r"|^\W*under\s+(?:the\s+)?(?:old|previous|former|last|prior)\s+(?:owners?|operators?|managers?|management|landlords?)\b"
    # a transcriber's note that what follows was crossed out: "Oct. 1 -- [crossed out: Safety checks ..."; another
    # owner's rule copied: "... copied out of his binder, he ran the Alder St. house before me."
    r"|\[\s*(?:crossed|struck|scratched)\s+out\s*$|\[\s*(?:crossed|struck|scratched)\s+out\s*:"
    r"|\b(?:he|she|they|who)\s+ran\s+(?:the|this|that)\s+(?:[\w.'’-]+\s+){0,4}?(?:house|home|place)\s+before\s+(?:me|us)\b"
    # a sign or sheet that came by mistake: "[... made for the operator's women's house across town and dropped
    # off here by mistake.]"
    r"|\b(?:dropped\s+off|sent|delivered|left|put\s+up|posted|hung|mailed)\s+(?:here\s+)?by\s+mistake\b"
    # "arlo pasted Fenwick Commons' med policy here by mistake", "uploaded the wrong house's sheet by mistake"
    r"|\b(?:pasted|copied|uploaded|filed|shared|attached)\s+(?:[\w'’.-]+\s+){1,6}?(?:here\s+)?by\s+mistake\b"
    # a paper named and said never put to use: "DRAFT sheet in Google Drive, never printed or posted:"
    r"|\b(?:sheet|draft|form|poster|map|list|checklist|policy|page|version|template)\b[^.;:]{0,40}?,?\s+never\s+"
    r"(?:printed|posted|put\s+up|used|adopted|handed\s+out|signed|filled\s+in)\b"
    r"(?!\s+(?:without|unless|until|till|before|except|if|by)\b)"
    # what was copied off an outside body's paper: "Notes: copied off the Ridgeline Clinic flyer a resident
    # brought home:" (not "copied from our handbook")
    r"|\bcopied\s+(?:off|from|out\s+of)\s+(?:the\s+|a\s+|an\s+|some\s+)?(?:[\w'’.-]+\s+){0,3}?(?:clinic|hospital|"
    r"county|church|school|jail|court|shelter|rehab|detox|treatment|website|internet|online|google)(?:['’]s)?\b"
    # a relative's or a friend's house rules, copied: "Day 2 - My sister's house rules at her sober home, copied word
    # for word:" (not "our owner's house rules")
    # "at my sister Ruth's house in Dunmore", "his wife's rule"
    r"|\bat\s+my\s+(?:sister|brother|friend|cousin|mom|mother|dad|father|aunt|uncle|sponsor)(?:\s+(?-i:[A-Z])[\w-]+)?['’]s\s+"
    r"(?:house|home|place)\b"
    r"|\b(?:his|her|my)\s+(?:wife|husband|partner|boss|landlord|landlady)['’]s\s+(?:house\s+)?rules?\b"
    r"|\b(?:my|our|his|her|their|a)\s+(?:sisters?|brothers?|friends?|cousins?|mom|mother|dad|father|aunt|uncle|sponsor|"
    r"neighbou?r)['’]s?\s+(?:(?:house|home)\s+)?(?:rules?|polic(?:y|ies)|handbook|manual|binder|agreement)\b"
    # a paper from a house the writer or a resident came from, or another operator's: "the move-in checklist from
    # her other house, Sandpiper House", "his resident agreement from his old house in Dunmore", "Copy Terrell
    # brought from OAK TERRACE (the house he lived at before)", "Finch House (other operator; sent as a sample)"
    r"|\b(?:from|at|of)\s+(?:his|her|their|my|a)\s+(?:other|old|previous|former|last|prior)\s+(?:sober\s+)?(?:house|home|"
    r"residence|program|place)\b"
    r"|\bthe\s+(?:house|home|place)\s+(?:he|she|they|i)\s+(?:lived|stayed)\s+(?:at|in)\s+before\b"
    r"|\b(?:copy|copies|paper|papers|list|sheet|form|rules|handbook|agreement)\s+(?:[\w'’-]+\s+){0,2}?brought\s+"
    r"(?:over\s+|home\s+)?from\s+(?-i:[A-Z])"
    r"|\(\s*(?:an?\s+)?other\s+operator\b"
    # "Juniper Court (not us, the house across town) covers ...", "Proud moment for our friends at Sage Hill!",
    # "orientation here at Finch Lane is still being set up", "DRAFT house rules page 2, sitting in owner's inbox
    # unapproved:" (not "Unapproved items:", a list of what is barred)
    r"|\(\s*not\s+us\b|\b(?:for|to|from|by)\s+our\s+friends\s+(?:at|over\s+at)\b"
    # an edit history's or a redline's struck wording, set out after its lead-in: "Struck text:", "Deleted
    # wording:", "Crossed-out lines:"
    r"|\b(?:struck|crossed[- ]out|deleted|removed|strike-?through)\s+"
    r"(?:text|wording|lines?|section|passage|version)\s*:"
    r"|\b(?:is|are)\s+still\s+being\s+(?:set\s+up|written|drafted)\b"
    r"|\b(?:sitting|still|is|are|remains?)\s+(?:[\w'’-]+\s+){0,4}?unapproved\b",
    re.IGNORECASE,
)


# Whose the section's rule is: "That is the county's search, ... not ours", "it belongs to probation,
# not to us", "That's your employer's rule, not the house's". Read in two steps (the denial, then an
# owner named before it) to keep a long regex from being tried at every word.
_NOT_OURS = lazy_compile(
    r"\bnot\s+(?:ours|mine|us(?=\s*[—–),;-])|to\s+us|the\s+(?:house|home|residence|company)(?:'s|’s)|"
    r"(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+){0,2}['’]s(?=\s*[.;,)—–-])|"  # "That's the Y's sign, not Stonebridge's."
    r"(?P<named>our\s+(?:house\s+)?(?:rules?|lists?|polic(?:y|ies)|search(?:es)?|forms?|checklists?|program|testing)))\b",
    re.IGNORECASE,
)
_OWNER_BEFORE = lazy_compile(
    r"(?:\b(?!(?:it|that|there|what|he|she|who|here|let|this|where|how)['’]s\b)[a-z]+['’]s|"
    # a plural owner's paper: "the neighbours' rule, not ours" (not "residents' rights belong to them, not to us")
    r"\b(?!(?:residents|members|tenants|clients|participants|guests)['’])[a-z]+s['’]\s+(?:own\s+)?(?:rules?|"
    r"polic(?:y|ies)|procedures?|forms?|sheets?|lists?|manual|handbook|binder|routine|practice|sign)|"
    r"\bbelongs?\s+to\s+(?!them\b|you\b|(?:the\s+|each\s+)?residents?\b)|\b(?:their|his|her))\b"
    r"(?:[^.;?!]|\.(?=\s*\d)){0,80}$",  # "their manual sec. 3, pasted by mistake, NOT ours": a number's stop
    re.IGNORECASE,
)


def _owned_by_others(text: str, *, named: bool) -> bool:
    """Whether a sentence says its rule is someone else's, not the house's (``named``: also "not our
    house list")."""
    for found in _NOT_OURS.finditer(text):
        if (named or found.group("named") is None) and _OWNER_BEFORE.search(
            text, max(0, found.start() - 120), found.start()
        ):
            return _CONDITION_BEFORE.search(text, 0, found.start()) is None
    return False


def disowns_ahead(text: str) -> bool:
    """Whether a section's opening sentence says that what follows is not in effect ("Proposed for
    the 2026 renewal; not in effect.", "Tenant has not adopted any of these.", "That's your employer's
    rule, not the house's.")."""
    return _owned_by_others(text, named=False) or any(
        _CONDITION_BEFORE.search(text, 0, m.start()) is None for m in _DISOWNS_AHEAD.finditer(text)
    )


def _unconditioned(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the pattern finds a match in the text that no condition comes before ("If ...")."""
    return any(_CONDITION_BEFORE.search(text, 0, m.start()) is None for m in pattern.finditer(text))


def disowns_section(text: str) -> bool:
    """Whether a sentence says that the section it ends is not in effect ("This table was proposed in
    2019 and rejected", "The Company has not adopted these recommendations", "none of it applies
    today")."""
    if _owned_by_others(text, named=True) or (
        not cannot_match(_DISOWNS_FIRST, text) and _unconditioned(_DISOWNS, text)
    ):
        return True
    lower = text.lower()
    plain = text.isascii()
    if any(
        (not plain or any(word in lower for word in words)) and _unconditioned(pattern, text)
        for words, pattern in _DISOWNS_GATED
    ):
        return True
    lower = lower.replace("’", "'")  # the keys are written with a straight apostrophe
    return any(
        _CONDITION_BEFORE.search(text, 0, m.start()) is None
        for word, pattern in _DISOWNS_BY_WORD.items()
        if word in lower
        for m in pattern.finditer(text)
    )


# What a sentence says the house does not have: a paper that would hold a rule ("There's no med policy
# behind it", "the house has no check sheet or log", "We don't have a med policy here", "no s.9 exists
# today", "The house has nothing on paper for any of these"). Read only for life-safety topics: an
# absence that names the topic's words (or a policy, rule or procedure at all) takes back the rule its
# section seems to state (see recognise.Analysis.absences).
ABSENCE_CUES = frozenset({"no", "not", "nothing", "don't", "doesn't", "didn't", "dont", "doesnt", "didnt"})
_PAPER_NAMES = (
    r"polic(?:y|ies)|rules?|procedures?|forms?|sheets?|logs?|checklists?|agreements?|binders?|plans?|schedules?|"
    r"box(?:es)?|sections?|orientations?|postings?"
)
_ABSENT_ABOUT = (  # what the paper would be about: "a rule on sharing"
    r"(?:\s+(?:on|about|for|covering|regarding)\s+"
    r"(?P<{0}>(?!(?:it|this|that|them|any)\b)[\w'’-]+(?:\s+[\w'’-]+){{0,2}}))?"
)
# A paper, or a list alone or with a paper after it ("no list or search rules", "a list or a room check rule";
# not "no list and nobody searches", where the list is the whole absence).
_PAPER_OR_LIST = (
    rf"{_PAPER_NAMES}|lists?(?:\s+(?:or|and)\s+(?:(?:a|an|any|the)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{_PAPER_NAMES}))?"
)
_ABSENT = lazy_compile(
    r"\b(?:there\s+is|there['’]s|there\s+are|there\s+was|we\s+have|we['’]ve\s+got|(?:has|have)(?:\s+had)?|keeps?|holds?|uses?|"
    r"sets?|makes?|gives?|offers?|provides?)\s+no\s+"
    rf"(?P<obj>(?:such\s+)?(?:[\w'’.-]+\s+){{0,3}}?(?:{_PAPER_OR_LIST}))\b(?!\s+(?:against|exceptions?)\b)"
    + _ABSENT_ABOUT.format("about")
    + r"|\b(?:don['’]t|do\s+not|doesn['’]t|does\s+not|didn['’]t|did\s+not)\s+(?:have|keep|use|post)\s+(?:a|an|any)\s+"
    rf"(?P<obj2>(?:[\w'’.-]+\s+){{0,3}}?(?:{_PAPER_OR_LIST}))\b(?!\s+(?:against|exceptions?)\b)"
    + _ABSENT_ABOUT.format("about2")
    + rf"|\bno\s+(?P<obj3>(?:[\w'’.-]+\s+){{0,3}}?(?:{_PAPER_NAMES}|lists?|maps?))\s+"
    # "No orientation form is in use", "No exit map is posted", "No list has been given to residents"
    r"(?:exists?|(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:yet\s+)?(?:kept|posted|in\s+(?:place|use|effect)|on\s+file|"
    r"adopted|given(?:\s+out)?|handed\s+out|used|found|done)(?!\s+(?:until|unless|before|without)\b))\b"
    # "No form touching on drug or alcohol testing was found in any file": the paper and what it is about
    rf"|\bno\s+(?P<obj5>(?:{_PAPER_NAMES}|lists?)(?:\s+[\w'’-]+){{0,6}}?)\s+(?:was|were|could\s+be)\s+found\b"
    # "Wren St has no one trained on file", "no naloxone location on record", "no resident signatures in any file"
    r"|\bno\s+(?P<obj6>(?:[\w'’-]+\s+){1,3}?)(?:on\s+(?:file|record)|in\s+(?:any|the|its|their|our)\s+(?:resident\s+)?"
    r"files?)\b"
    # "Calloway's House Rules say nothing on smoking", "the handbook says nothing about naloxone"
    r"|\b(?:rules?|polic(?:y|ies)|handbook|manual|agreement|lease|binder)\s+(?:says?|said)\s+nothing\s+(?:on|about|regarding)\s+"
    r"(?P<about4>(?!(?:it|this|that|them|any)\b)[\w'’-]+(?:\s+[\w'’-]+){0,2})"
    # "Alder Street House has nothing of its own on paper."
    r"|\bnothing(?:\s+of\s+(?:its|our|their|his|her)\s+own)?\s+(?P<bare>on\s+paper|in\s+writing)"
    r"(?=\s*(?:[.;,)]|$)|\s+(?:for|about|on|here|yet|at\s+all)\b)"
    # "nothing written down about smoking" (about smoking); "nothing written" alone (about anything)
    r"|\bnothing\s+(?:is\s+)?written(?:\s+down)?\s+(?:on|about|for|covering|regarding)\s+"
    r"(?P<about3>(?!(?:it|this|that|them|any|how|what|when|where|who|why|whether)\b)[\w'’-]+(?:\s+[\w'’-]+){0,2})"
    r"|\bnothing\s+(?:is\s+)?(?P<bare2>written)(?:\s+down)?(?=\s*(?:[.;,)]|$)|\s+(?:here|yet|at\s+all)\b)"
    rf"|(?:^|[:;,]\s*)no\s+(?P<such>such\s+(?:{_PAPER_NAMES}))\b"
    # a line opening "No overdose steps (call 911, ...)", "No fire route: ...": what it lists is not there
    # (not "No signed form, no move-in", a rule; not a finding's "No written inspection policy;", answered after)
    r"|^\W*no\s+(?P<obj4>(?:[\w'’.-]+\s+){0,2}?(?:steps|routes?|maps?|instructions|numbers|kits?|sheets?|postings?|posters?))"
    r"(?=\s*[(:;,.]|\s*$)",
    re.IGNORECASE,
)
# Papers whose name says nothing of a subject ("no med policy" names medication, not policies); one of
# these, or an agreement, named alone is an absence of any rule on the subject ("There is no policy").
GENERIC_PAPERS = frozenset({"policy", "policies", "rule", "rules", "procedure", "procedures"})
_ANY_RULE = GENERIC_PAPERS | {"agreement", "agreements"}


_LIKE_IT = _words("matching similar comparable equivalent corresponding")
_OF_ITS_OWN = lazy_compile(r"\s+of\s+(?:its|their|our|his|her)\s+own\b", re.IGNORECASE)
# Words that say how a paper is kept, not what it is about: "no written procedure" is no procedure at all.
_PAPER_KEPT = _words("written formal official actual separate")


def absent_papers(text: str) -> list[str | None]:
    """What a sentence says the house has no paper for: each absence's words, the paper's name included
    ("med policy" of "There's no med policy", "check sheet"), or None for no paper at all ("no such
    section", "no policy", "nothing on paper"); what follows the paper's name is read with it ("a rule
    on sharing": sharing). A condition ("if there is no form, ...") and a rule against something ("no
    rule against pets") are no absence."""
    found: list[str | None] = []
    for m in _ABSENT.finditer(text):
        if _CONDITION_BEFORE.search(text, 0, m.start()) is not None:
            continue
        if m.group("bare") is not None or m.group("bare2") is not None or _OF_ITS_OWN.match(text, m.end()):
            found.append(None)  # "Linnet House uses no checklist of its own": no paper of the house's at all
            continue
        words = (
            (
                m.group("obj")
                or m.group("obj2")
                or m.group("obj3")
                or m.group("obj4")
                or m.group("obj5")
                or m.group("obj6")
                or m.group("such")
                or ""
            )
            .lower()
            .split()
        )
        words = [w for w in words if w not in _PAPER_KEPT]  # "there is no written procedure behind it"
        about = m.group("about") or m.group("about2") or m.group("about3") or m.group("about4") or ""
        words += about.lower().split()  # "a rule on sharing"
        if (
            (words and words[0] == "such")
            or (len(words) == 1 and words[0] in _ANY_RULE)
            # "has no matching rule", "no similar policy": the section's own, whatever it is about
            or (len(words) == 2 and words[0] in _LIKE_IT and words[1] in _ANY_RULE)
        ):
            found.append(None)
        else:
            found.append(" ".join(words))
    return found


# What a sentence says the house has none of, pointing back at what its section told ("At the house?
# Nothing like that.", "our women have never signed anything like it", "Nothing residents sign carries
# that clause or any equivalent", "None of it is at Birch Lane", "nobody at Marigold does any of that",
# "we've never had our own", "We never did it again"). Read only for life-safety topics: it takes back
# the sentence itself and what comes before it in its section (what a section quotes from someone
# else's paper, or tells of once, and then says the house lacks), and beside an unsure reading of the
# second reader it takes back the rest of its section too (recognise.disclaimer_beside).
NONE_OF_IT_WORDS = frozenset(
    {"nothing", "anything", "no", "nor", "any", "none", "nobody", "one", "never"}
    | {"could", "couldn't", "found", "such", "covered", "apply", "about", "comparison", "adopted"}
    | {"not", "don't", "doesn't", "didn't", "nobody's", "addressed", "part", "included", "something"}
    | {"isn't", "that's", "it's", "took", "got", "stopped", "mixing", "mixed", "mix", "mixes", "ignore"}
    | {"missing", "cut", "removed", "dropped", "struck", "deleted", "can't", "cannot", "can", "cant", "their", "find"}
)
# The start of a message, after its time and sender ("[Sat 10:20 AM] Manager Dana: ", "Roy: ").
_SAID_BY = r"^\s*(?:\[[^\]]{1,30}\]\s*)?\W*(?:[\w .'’-]{1,40}:\s*)?"
_NONE_OF_IT = lazy_compile(
    r"\bnothing\s+like\s+(?:that|it|this|them|those)\b"
    r"|(?:\bnever|n['’]t|\bnot|\bno\s+one|\bnobody|\bnone\s+of\s+(?:\w+\s+){1,5}?(?:has|have))\s+(?:\w+\s+){0,3}?(?:signed|initial(?:l)?ed|seen|had|kept|used|done|"
    r"got|gotten|have|keep|use|do|does|sign|signs|carry|carries|hold|holds|find|found)\s+anything\s+(?:like|similar\s+to)\s+"
    r"(?:it|that|this|them)\b"
    r"|\b(?:no|nor)\s+(?:comparable|equivalent|similar)\b|\bor\s+any\s+(?:equivalent|comparable|similar)\b"
    r"|\b(?:none|nothing)\s+of\s+(?:it|that|this|them|those|these)\s+(?:is|was|are|were|exists|applies)\s+"
    r"(?:at|here|in\s+(?:our|the)\s+house)\b"
    r"|\b(?:nobody|no\s+one)\b[^.;?!]{0,30}?\b(?:does|did|do|has|follows|keeps)\s+(?:any\s+of\s+(?:that|it|this|them)|that)\b"
    r"|\bnever\s+(?:had|kept|got|made|wrote|written|adopted)\s+(?:one\s+of\s+)?(?:our|its|their)\s+own\b"
    r"|\bnever\s+did\s+(?:it|that|this)\s+again\b|\b(?:and|but)\s+never\s+did(?:\s+(?:it|that|this|so))?\s*(?:[.;,!]|$)"
    # what was told is nowhere to be found: "could not be found", "could not produce a copy", "he had never
    # seen one", "the reporter found no sheet", "no such page has ever existed", "residents sign no such form"
    r"|\bcould\s*(?:not|n['’]t)\s+(?:be\s+found|produce\s+(?:a|any|one|it|the)\b|find\s+(?:a|any|one|it|the)\b)"
    r"|\b(?:i|we)\s+(?:can\s*(?:not|['’]t)|cannot)\s+find\s+(?:a|any|one|it|the)\b"  # not "if he can't be found"
    r"|\b(?:had|has|have)\s+never\s+(?:seen|heard\s+of)\s+(?:one|it|that|such|any)\b"
    r"|\bfound\s+no\s+(?:such\s+)?(?:[\w-]+\s+)?(?:sheet|copy|copies|log|list|form|page|checklist|policy|sign|box|kit|"
    r"plan|map|binder|poster)s?\b"
    r"|\bno\s+such\s+(?!thing\b)[a-z]+\s+(?:has\s+)?(?:ever\s+)?(?:existed|exists|exist)\b"
    r"|\b(?:go(?:es)?\s+through|signs?|have|has|keeps?|follows?|gets?|receives?|uses?)\s+no\s+such\b"
    # what was told is not the residents' or the house's: "Residents are not covered by that page", "It
    # doesn't apply to the main house", "It isn't about Larkspur", "For comparison only"
    r"|\b(?:are|is)\s+not\s+covered\s+by\s+(?:that|this|the|its|their|these|those)\b"
    r"|\b(?:(?:does|do|will|would)\s*(?:not|n['’]t)|won['’]t)\s+apply\s+to\s+(?:the\s+main\s+house|our\s+house|the\s+house|us|"
    r"our\s+residents|residents)\b(?!['’])"
    r"|\b(?:isn['’]t|is\s+not)\s+about\s+(?:(?-i:[A-Z])\w+|the\s+house|our\s+house|us)\b"
    r"|\bfor\s+comparison\s+only\b|\b(?:has|have)\s+not\s+adopted\s+(?:a|any|the|this|that|its|it|them)\b"
    # the house does not do what was told: "Juniper House does not repeat this walk-through", "nobody's
    # signed it since", "that's not our rule", "not addressed in current policy", "Emergency procedures
    # are not part of orientation"
    r"|\b(?:we|the\s+house|our\s+house|(?-i:[A-Z][a-z]+\s+(?:House|Home|Place|Residence|Street|Lane)))\s+"
    r"(?:does|do|did)\s*(?:not|n['’]t)\s+(?:repeat|use|follow|adopt|offer|run|hold)\s+(?:this|that|these|those|it|them|"
    r"any\s+of)\b"
    r"|\b(?:nobody|no\s+one)(?:['’]s|\s+has|\s+have)\s+(?:ever\s+)?(?:signed|used|seen|followed|done)\s+"
    r"(?:it|that|this|one|them)\b"
    r"|\b(?:that|this|it)(?:['’]s|\s+is)\s+not\s+(?:our|the\s+house['’]s)\s+(?:rule|policy)\b"
    r"|\bnot\s+addressed\s+in\s+(?:the\s+|our\s+)?(?:current\s+)?(?:policy|policies|rules|agreement|manual|handbook)\b"
    r"|\b(?:is|are)\s+not\s+(?:part\s+of|included\s+in|covered\s+(?:in|by))\s+(?:the\s+|our\s+)?(?:orientation|policy|"
    r"policies|rules|agreement|manual|handbook|intake|packet|form)\b"
    r"|\b(?:that|this|it)(?:['’]s|\s+is)\s+not\s+something\s+(?:that\s+)?(?:happens|we\s+do|we\s+have|done|"
    r"we(?:['’]ve|\s+have)\s+(?:adopted|put\s+in|written))\b"  # "it's not something we've adopted at Juniper"
    r"|\bwe\s+never\s+(?:see|get|keep|use)\s+(?:it|them|one|those|these)\b"
    # what was quoted is someone else's, or was taken out: "That isn't ours", "that's another house's
    # agreement", "That's not our document", "The new owners took it out", "That sheet got tossed", "We
    # stopped doing the walk-through ... and never started it again", "it isn't in the handbook", "none of
    # this has anything to do with the applicant's house", "nobody has set up a checklist"
    r"|\b(?:that|this|it)(?:['’]s|\s+is)?\s*(?:not|n['’]t)\s+ours\b|\b(?:that|this|it)(?:['’]s|\s+is)\s+not\s+our\s+"
    r"(?:document|agreement|form|paper|page|sheet|manual|handbook)\b"
    r"|\b(?:that|this|it)(?:['’]s|\s+is)\s+(?:another|a\s+different)\s+(?:house|home|operator|program)(?:['’]s)?\b"
    # "That's their setup, not something Birch Lane has", "That's their policy, it's in their manual", "he's
    # mixing us up with the Harbor Street house"
    r"|\b(?:that|this|it)(?:['’]s|\s+is)\s+their\s+(?:own\s+)?(?:setup|set-up|policy|policies|rule|rules|procedure|"
    r"procedures|practice|schedule|system|form|manual|way|thing)\b"
    r"|\bmix(?:ing|ed|es)?\s+(?:us|it|that|this|them)\s+up\s+with\b"
    # "Ignore that, it's an old scheduled msg from 2022", "Ignore both, bot glitch.", "Not doing that, we're
    # switching insurers anyway."
    rf"|{_SAID_BY}(?:pls\s+|please\s+)?ignore\s+(?:that|this|both|it|them|those|these|the\s+(?:above|last|previous|"
    r"earlier)\b)"
    rf"|{_SAID_BY}(?:we['’]re\s+|we\s+are\s+|i['’]m\s+)?not\s+doing\s+(?:that|this|it|those|any\s+of\s+"
    r"(?:that|it|this|them))\b"
    r"|\btook\s+(?:it|that|this|them)\s+out\b|\bgot\s+(?:tossed|scrapped|thrown\s+out|pulled|cut)\b"
    r"|\bstopped\s+doing\s+(?:it|that|this|them|the)\b|\bnever\s+(?:started|picked)\s+(?:it|that|them)\s+(?:up\s+)?again\b"
    r"|\b(?:isn['’]t|is\s+not)\s+in\s+(?:the|our)\s+(?:handbook|manual|rules|policy|binder|agreement)\b"
    r"|\b(?:nothing|anything)\s+to\s+do\s+with\s+(?:the|our|this|that)\b"
    r"|\b(?:nobody|no\s+one)\s+(?:has|have)\s+(?:ever\s+)?(?:set\s+up|written|made|started|put\s+up|posted)\b"
    # the house lacks what was told, said of "here": "We don't keep any here", "we don't do this here",
    # "Ridgeview keeps none", "none had one", "Ours says nothing on it"
    r"|\b(?:we|they|i)\s+(?:don['’]t|do\s+not|never)\s+(?:keep|have|do|use|post|run|follow|sign)\s+(?:any|this|that|it|"
    r"one|them)(?:\s+of\s+(?:it|that|this|them))?\s+(?:here|ourselves|at\s+(?:our|this)\s+(?:house|home))\b"
    r"|\b(?:keeps?|kept|has|have|had)\s+none(?:\s+of\s+(?:it|that|this|them|those|these))?\s*(?:[.;,)!]|$)"
    r"|\bnone\s+(?:had|has|have|held|holds)\s+(?:one|it|any)\b"
    r"|\b(?:says?|said)\s+nothing\s+(?:on|about|of)\s+(?:it|that|this|them)\b"
    # a finding that nothing is posted or signed here: "Nothing posted at Corbin Hall -- walls bare", "Nothing
    # is posted in your kitchen", "nothing the complainant signed addresses drinking" (not "Nothing is posted
    # on the walls without the manager's OK", a rule)
    r"|\bnothing\s+(?:is\s+|was\s+)?posted\s+(?:at|in|on)\b(?![^.;]*\b(?:without|unless|except|but|until)\b)"
    r"|\bnothing\s+(?:[\w'’-]+\s+){1,4}?(?:addresses|covers|mentions)\b"
    # a reviewer's verdict on what was shown: "Wendell: missing.", "Dutch: missing. That's your neighbour's"
    rf"|{_SAID_BY}missing\s*(?:[.!]|$)"
    # "Their procedure; we do not test on this schedule." (a sentence opening on whose it is)
    r"|^\W*(?:it['’]s\s+|that['’]s\s+)?their\s+(?:own\s+)?(?:procedure|policy|rule|routine|practice|setup|form|sheet|"
    r"manual|list)s?\s*[;.:,]"
    # what was told was taken out of the house's paper: "Section C was cut from our form this year", "struck
    # from the lease packet 01/02"
    r"|\b(?:was|were|got|been|is|are)\s+(?:cut|removed|dropped|struck|deleted|taken\s+out)\s+(?:from|out\s+of)\s+"
    r"(?:the|our|this|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:form|forms|packet|manual|handbook|rules|policy|policies|lease|"
    r"agreement|binder|checklist|sheet|page)\b"
    # "none of the eight current files names anyone to contact"
    r"|\bnone\s+of\s+(?:the|our|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:files|forms|records|folders)\s+(?:names?|has|have|"
    r"holds?|lists?|includes?|shows?|gives?)\b",
    re.IGNORECASE,
)


# A sentence that says what it and the rest of its paragraph quote is only supposed: "The house rules
# would then read: ...", "Here's the screening page I wish were in our binder: ...", "If the board
# approves this draft, it would be signed at move-in." Read only for life-safety topics.
SUPPOSING_WORDS = frozenset({"would", "wish", "hope", "hoping", "if", "plan", "planning", "intend", "intending"})
_SUPPOSES = lazy_compile(
    r"\bwould\s+(?:then\s+|now\s+|also\s+)?(?:read|say|state|look\s+like)\b"
    r"|\b(?:i|we)\s+(?:wish|hope)\b[^.;:]{0,40}\b(?:were|was|would\s+be|had)\b"
    r"|\bif\s+the\s+(?:board|owner|owners|council|members?|residents)\s+(?:approves?|adopts?|agrees?|votes?|passes?)\b"
    r"|\bif\s+(?:i|we)\s+ever\b",
    re.IGNORECASE,
)


# ... and one that says only what the house hopes or plans to do ("We hope to go smoke-free next year").
_HOPES_TO = lazy_compile(
    r"\b(?:we|i)(?:['’]re|\s+are|['’]m|\s+am)?\s+(?:hope|hoping|wish|plan|planning|intend|intending)\s+to\b",
    re.IGNORECASE,
)


def supposes(text: str) -> bool:
    """Whether a sentence says that what it (and what follows it in its paragraph) states is only supposed:
    wording a paper "would read", a page someone wishes were in the binder, a draft "if the board approves"."""
    return _SUPPOSES.search(text) is not None


def hopes_to(text: str) -> bool:
    """Whether a sentence says what the house (or its writer) hopes, plans or intends to do, or only what
    would be (see _WOULD_BE)."""
    return _HOPES_TO.search(text) is not None or (_WOULD_BE.search(text) is not None and _if_unsaid(text))


# ... and one that says what would be, with no condition for it in the sentence: "There would be a smoke
# detector in each bedroom", "Fire extinguishers would hang in the kitchen", "everybody would get a cup on
# move-in day" (a plan, or a house imagined); not "who would you like us to notify?", "would like", nor a
# procedure's "If someone overdoses, staff would call 911" (the condition makes it the procedure).
_WOULD_BE = lazy_compile(
    r"\bwould\s+(?:also\s+|then\s+|now\s+|still\s+|all\s+)?(?!like\b|you\b|rather\b|not\b)[a-z]+", re.IGNORECASE
)
_STATED_CONDITION = lazy_compile(
    r"\b(?:if|when|whenever|unless|in\s+case|should\s+(?:a|an|the|any|someone|anyone))\b|\?", re.IGNORECASE
)


def _if_unsaid(text: str) -> bool:
    """Whether a sentence states no condition (nor asks): its "would" is then a plan, not a procedure."""
    return _STATED_CONDITION.search(text) is None


def says_none_of_it(text: str) -> bool:
    """Whether a sentence says the house has or does none of what came before it ("At the house?
    Nothing like that.", "None of it is at Birch Lane; we've never had our own."); a condition ("if
    you see anything like it, ...") says nothing of the kind."""
    return any(_CONDITION_BEFORE.search(text, 0, m.start()) is None for m in _NONE_OF_IT.finditer(text))


# "... locked whenever it is not in use": a condition, not a section disowned.
_CONDITION_BEFORE = lazy_compile(r"\b(?:when|whenever|while|if|unless|until|once)\b[^,;.]{0,25}$", re.IGNORECASE)


_QUESTIONS_FOR = lazy_compile(r":\s*questions?\s+for\s+[\w'’ ]{1,40}\.$", re.IGNORECASE)


def asks_after_colon(text: str) -> bool:
    """Whether a title line ending in a full stop tags itself as questions ("Medicines at Larkspur
    House: questions for Thursday's house meeting.")."""
    return _QUESTIONS_FOR.search(text) is not None


def disowning_title(text: str) -> bool:
    """Whether a title is tagged as not in effect: "House Rule 9 (withdrawn)", "Table 10.4 (proposed
    2019; rejected)", "Section 4: Health (suggestions only, not house rules)"."""
    return _DISOWNING_TAG.search(text) is not None


_GOES_ON = lazy_compile(r"^\W*(?:and\s+|but\s+|so\s+)?(?:they|he|she)\s+(?!(?:and|or)\b)[a-z']+", re.IGNORECASE)


def goes_on_telling(text: str) -> bool:
    """Whether a sentence goes on about whoever the sentence before it named ("They inspect the trucks
    every day, they told us.", "He may press the test button.")."""
    return _GOES_ON.match(text) is not None


def acted_by_other(text: str) -> bool:
    """Whether a sentence tells what a body outside the house does ("The county inspects the
    property each spring", "Employers will ask you to sign their own code", "classes offered by the
    community college", "the employer's own buddy system determines ...", "the parking is the
    responsibility of the city"): their act, not a rule the house states."""
    return (
        _OUTSIDE_DOES.search(text) is not None
        or _BY_OUTSIDE.search(text) is not None
        or ("'s" in text and _OUTSIDE_OWN.search(text.replace("\u2019", "'")) is not None)
        or _OUTSIDE_DUTY.search(text) is not None
    )
