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
from functools import lru_cache
from typing import NamedTuple

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
}  # fmt: skip
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

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")  # a word of normalised text (see tokens)
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
_CAPITALS = re.compile(r"\b(" + "|".join(sorted(_CAPITAL_ABBREVIATIONS, key=len, reverse=True)) + r")\b")
_DOTTED = re.compile(r"\b(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\.", re.IGNORECASE)
# Every capitalised abbreviation has two capitals in a row: text without them has none to resolve.
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
# Every dotted abbreviation is a whole word before a dot: text whose dotted words are none of them
# (and plain ASCII, which case-insensitive matching cannot stretch) has none to resolve.
_DOTTED_WORD = re.compile(r"\b(\w+)\.")


def _has_dotted_abbreviation(text: str) -> bool:
    for match in _DOTTED_WORD.finditer(text):
        word = match.group(1)
        if not word.isascii() or word.lower() in _ABBREVIATIONS:
            return True
    return False


def normalise(text: str) -> str:
    """Lower-cased text with ligatures, soft hyphens, line-break hyphens and abbreviations resolved."""
    # The patterns below are only run where they can match (a line break, two capitals, a dot): the
    # same result, without scanning every sentence with each of them.
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    if "\n" in text:
        text = _HYPHEN_BREAK.sub(r"\1\2", text)
    if _TWO_CAPITALS.search(text):
        text = _CAPITALS.sub(lambda m: _CAPITAL_ABBREVIATIONS[m.group(1)], text)
    if "." in text and _has_dotted_abbreviation(text):
        text = _DOTTED.sub(lambda m: _ABBREVIATIONS[m.group(1).lower()] + " ", text)
    return text.lower().replace("’", "'")


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
    return str(stemmer().stemWord(word))  # type: ignore[attr-defined]


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
