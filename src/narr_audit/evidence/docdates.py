"""Effective, review and expiry dates read from a document's own words.

Most binders hold an insurance certificate, a lease or a licence whose dates are written on it and not
repeated in residence.yaml. Where the manifest (or front matter) gives no date, the loader fills the gap
from the text: an insurance certificate's policy period ("Policy period: 01/15/2026 to 01/15/2027", or the
POLICY EFF / POLICY EXP columns of an ACORD 25 certificate), a lease term ("for a term of twelve months
beginning March 1, 2026", "commencing ... and ending ..."), "valid through", "expires on", "expiration
date", "effective date", "adopted on", "last reviewed".

Only a date that follows such a cue closely counts, and the first of each kind in the document decides:
a stray date elsewhere never makes a policy look expired. Dates are parsed by python-dateutil (US order,
month first, as NARR binders write them); a date outside PLAUSIBLE_YEARS (a form's "12/31/9999") or one
that is no real day is never used, and is returned as :class:`Ignored` so the loader can say so.
Everything here takes time in step with the text: each cue looks only at a short window after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from narr_audit.base.errors import Problem
from narr_audit.base.lazyre import lazy_compile
from narr_audit.evidence.content import PAGE, Extracted

__all__ = [
    "PLAUSIBLE_YEARS",
    "ROLES",
    "DateRole",
    "Filled",
    "FoundDate",
    "Ignored",
    "TextDates",
    "fill_dates",
    "read_dates",
]

DateRole = Literal["effective", "reviewed", "expires"]
ROLES: tuple[DateRole, ...] = ("effective", "reviewed", "expires")
PLAUSIBLE_YEARS = range(1950, 2101)
"""Years a document's date may fall in; anything else is a placeholder or a typing slip, never used."""

_NEAR = 16  # characters a bare cue ("effective", "ending") may stand from its date: "on ", "as of "
_LABELLED = 60  # a labelled cue ("Expiration date:", "POLICY EXP (MM/DD/YYYY)") may sit further, on its own line
_TABLE = 3000  # how far below an ACORD-style "POLICY EFF / POLICY EXP" header its first row may be
_LONGEST_DATE = 40  # "1st day of September, 2026" and then some: a date starting in a window may end past it

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?<![\w/.-])(?:"
    r"\d{4}-\d{1,2}-\d{1,2}"  # 2026-01-15
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"  # 01/15/2026, 1-15-26
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # January 15, 2026
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?{_MONTH}\.?,?\s+\d{{4}}"  # 15 January 2026, 1st day of March 2026
    r")(?![\w/])"
)
_DATE_RE = lazy_compile(_DATE, re.IGNORECASE)
_SEPARATOR = r"\s*(?:to|through|thru|until|till|[-\u2013\u2014])\s*(?:(?:and|expiration|expiry|exp\.?|ending|on)\s*)*"
_PERIOD_RE = lazy_compile(rf"({_DATE}){_SEPARATOR}({_DATE})", re.IGNORECASE)
# Two dates side by side in one row of a table (an ACORD 25's POLICY EFF and POLICY EXP columns).
_TABLE_ROW_RE = lazy_compile(rf"({_DATE})(?:[ \t]+|[ \t]*\n[ \t]*)({_DATE})", re.IGNORECASE)

# Each cue names what its date is: (group name, pattern, labelled). A labelled cue ("Expiration date:")
# may stand a line away from its date; a bare word ("ending", "effective") must be followed by it at once.
_CUES: tuple[tuple[str, str, bool], ...] = (
    (
        "period",
        r"policy\s+period|period\s+of\s+(?:coverage|insurance)|coverage\s+period|certificate\s+period"
        r"|lease\s+term|(?:lease|rental)\s+period|term\s+of\s+(?:the|this)\s+(?:lease|agreement)|term(?=\s*:)",
        True,
    ),
    ("table_eff", r"policy\s+eff(?:ective)?(?:\s+date)?", True),
    ("table_exp", r"policy\s+exp(?:iration)?(?:\s+date)?", True),
    (
        "reviewed",
        r"last\s+(?:reviewed|revised)(?:\s+on)?|date\s+(?:last\s+)?(?:reviewed|revised)|review\s+date"
        r"|revision\s+date|(?:reviewed|revised)\s*(?:on\b|:)",
        True,
    ),
    (
        "expires",
        r"expiration\s+date|expiry\s+date|exp\.?\s+date|end\s+date|termination\s+date|date\s+of\s+expir\w*",
        True,
    ),
    (
        "effective",
        r"effective\s+date|date\s+effective|start\s+date|issue\s+date|date\s+(?:of\s+)?issued?"
        r"|adoption\s+date|date\s+adopted",
        True,
    ),
    ("reviewed_near", r"reviewed|revised", False),
    (
        "expires_near",
        r"expires?(?:\s+on)?|expiration|expired(?:\s+on)?|expiring(?:\s+on)?"
        r"|valid\s+(?:through|thru|until|till|to)|good\s+(?:through|thru|until)|in\s+(?:force|effect)\s+(?:through|until)"
        r"|ending(?:\s+on)?|ends(?:\s+on)?|terminat(?:es|ing)(?:\s+on)?",
        False,
    ),
    (
        "effective_near",
        r"effective(?:\s+(?:on|as\s+of|from))?|valid\s+from|issued(?:\s+on)?|adopted(?:\s+on)?"
        r"|beginning(?:\s+on)?|begins(?:\s+on)?|commencing(?:\s+on)?|commences(?:\s+on)?|starting(?:\s+on)?",
        False,
    ),
)
_CUE_RE = lazy_compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in _CUES) + r")(?![\w])\s*:?",
    re.IGNORECASE,
)
_LABELLED_CUES = frozenset(name for name, _, labelled in _CUES if labelled)
# Every cue holds one of these at the start of one of its words, and at most _WORDS_BEFORE words of letters
# (separated by white space) come before that word in it: "date of expiration", "date last reviewed",
# "policy period", "in force through". A lease's term always says "term", "month" or "year".
_CUE_ANCHORS = (
    "period", "term", "eff", "exp", "revi", "end", "start", "issu", "adopt", "valid", "good", "force", "begin",
    "commenc",
)  # fmt: skip
_WORDS_BEFORE = 2
_TERM_ANCHORS = ("term", "month", "year")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


_ROLE_OF: dict[str, DateRole] = {
    "table_eff": "effective",
    "table_exp": "expires",
    "reviewed": "reviewed",
    "expires": "expires",
    "effective": "effective",
    "reviewed_near": "reviewed",
    "expires_near": "expires",
    "effective_near": "effective",
}
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "twenty four": 24, "thirty-six": 36,
}  # fmt: skip
_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[- ]four|thirty-six)"
_TERM_RE = lazy_compile(
    rf"(?<![\w])(?:term\s+of\s+{_COUNT}(?:\s*\(\d{{1,2}}\))?[\s-]+(months?|years?)"
    rf"|{_COUNT}[\s-]+(month|year)s?\s+(?:lease|term|tenancy|agreement))(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    """A date read from the text: what it is, where it was written and how it was read."""

    role: DateRole
    value: date
    where: str | None  # the page or heading, as the extractor named it
    how: str = ""  # how it was worked out, when not read as written ("a 12-month term from 2026-03-01")

    @property
    def source(self) -> str:
        """How reports say where the date came from: "read from the text on page 1"."""
        place = _place(self.where)
        how = f" ({self.how})" if self.how else ""
        return f"read from the text{place}{how}"


@dataclass(frozen=True)
class Ignored:
    """A date written as a cue's date but not used: outside PLAUSIBLE_YEARS, or no real day."""

    role: DateRole
    where: str | None
    why: str  # "reads as the year 9999", "is not a real date"

    @property
    def place(self) -> str:
        return _place(self.where)


@dataclass(frozen=True)
class TextDates:
    """The date of each role a document's text gives (the surest cue, then the first), and those ignored."""

    found: dict[DateRole, FoundDate] = field(default_factory=dict)
    ignored: tuple[Ignored, ...] = ()


@dataclass(frozen=True)
class Filled:
    """A document's dates once the text has filled the manifest's gaps, and what to warn about."""

    dates: dict[str, date | None]  # effective, reviewed and expires
    from_text: dict[str, str]  # role -> "read from the text on page 1", for the dates the text gave
    warnings: tuple[Problem, ...] = ()


def fill_dates(
    shown: str, content: Extracted, given: dict[DateRole, tuple[date | None, str]], *, read: TextDates | None = None
) -> Filled:
    """The manifest's dates (``given``: role -> its date and where it was written, "residence.yaml" or
    "its front matter"), each gap filled from the text. The manifest wins; where the text says
    otherwise, a warning names both dates; a written date that is no plausible date is never used.
    ``read``: what :func:`read_dates` gives for ``content``, when already known (evidence.textfacts)."""
    if read is None:
        read = read_dates(content)
    dates: dict[str, date | None] = {role: value for role, (value, _) in given.items()}
    from_text: dict[str, str] = {}
    warnings: list[Problem] = []
    for role, (value, source) in given.items():
        found = read.found.get(role)
        if value is None and found is not None:
            dates[role] = found.value
            from_text[role] = found.source
        elif value is not None and found is not None and found.value != value:
            warnings.append(
                Problem(
                    f"{source} gives {role}: {value}, but the document's text{_place(found.where)} says "
                    f"{found.value}; narr-audit uses {value} from {source}",
                    shown,
                    field=role,
                    hint=f"check the document: correct {role}: in {source}, or map the current copy of it",
                )
            )
    warned: set[DateRole] = set()
    for ignored in read.ignored:
        if given.get(ignored.role, (None, ""))[0] is not None or ignored.role in warned:
            continue  # the manifest gives this date: the text's is not needed
        warned.add(ignored.role)
        warnings.append(
            Problem(
                f"the {_WORDS[ignored.role]} date written in the text{ignored.place} {ignored.why}, so it is ignored",
                shown,
                field=ignored.role,
                hint=f"give the real date on this file's evidence entry in residence.yaml ({ignored.role}: YYYY-MM-DD)",
            )
        )
    return Filled(dates, from_text, tuple(warnings))


_WORDS: dict[DateRole, str] = {"effective": "effective", "reviewed": "review", "expires": "expiry"}


def _place(where: str | None) -> str:
    if not where:
        return ""
    return f" on {where}" if where.startswith(PAGE) else f" under '{where}'"


def read_dates(content: Extracted) -> TextDates:
    """The effective, review and expiry dates the document's text states.

    Of several dates of one kind, the surest cue wins (a policy period over a certificate's issue
    date), then the first in the document.
    """
    found = _Found()
    term: int | None = None  # a lease's term in months ("for a term of twelve months")
    lease_start: FoundDate | None = None  # the date a "beginning" or "commencing" cue gave
    for segment in content.segments:
        text, where = segment.text, segment.where
        low = text.lower() if text.isascii() else None
        if term is None and _may_hold(low, _TERM_ANCHORS) and (match := _TERM_RE.search(text)) is not None:
            term = _months(match)
        cues = _cue_matches(text, low)
        for index, cue in enumerate(cues):
            name = cue.lastgroup or ""
            end = cues[index + 1].start() if index + 1 < len(cues) else len(text)
            if name == "period":
                _read_period(text, cue.end(), cue.end() + _LABELLED + _LONGEST_DATE, where, found)
                continue
            window_end = min(end, cue.end() + (_LABELLED if name in _LABELLED_CUES else _NEAR))
            date_match = _DATE_RE.search(text, cue.end(), min(end, window_end + _LONGEST_DATE))
            if date_match is not None and date_match.start() > window_end:
                date_match = None
            gap = text[cue.end() : date_match.start()] if date_match is not None else ""
            if name in ("table_eff", "table_exp") and (date_match is None or not _FORMAT_ONLY.fullmatch(gap)):
                # a column heading: its dates are in the rows below, read once from the expiry's column
                if name == "table_exp":
                    _read_table(text, cue.end(), where, found)
                continue
            if date_match is None:
                continue
            if name not in _LABELLED_CUES and not cue.group(0).rstrip().endswith(":"):
                if not _FILLER.fullmatch(gap):
                    continue  # a bare word ("ending", "effective") counts only with its date right after it
                if _WORD_CUES.match(cue.group(0)) and not _about_the_document(text, cue.start()):
                    continue  # "the phone list ends 2025-01-01" says nothing of the document's own term
            role = _ROLE_OF[name]
            value = found.parse(date_match.group(0), role, where)
            if value is None:
                continue
            rank = 1 if _SECOND_BEST.match(cue.group(0)) else 0
            found.offer(role, value, where, rank)
            if role == "effective":
                if _LEASE_START.match(cue.group(0)) and lease_start is None:
                    lease_start = FoundDate(role, value, where)
                # "effective 01/15/2026 to 01/15/2027": the period's end is its expiry
                if (period := _PERIOD_RE.match(text, date_match.start())) is not None:
                    ends = found.parse(period.group(2), "expires", where)
                    if ends is not None and ends > value:
                        found.offer("expires", ends, where, rank)
    if term and lease_start is not None:
        # "for a term of twelve months beginning March 1, 2026" ends the day before the anniversary
        ends = _add_months(lease_start.value, term) - timedelta(days=1)
        how = f"a {term}-month term from {lease_start.value.isoformat()}"
        found.offer("expires", ends, lease_start.where, 2, how)
    return TextDates({role: date for role, (_, date) in sorted(found.best.items())}, tuple(found.ignored))


def _may_hold(low: str | None, anchors: tuple[str, ...]) -> bool:
    """False only when the text (lowered, when it is ASCII) holds none of ``anchors``: nothing to look for."""
    return low is None or any(anchor in low for anchor in anchors)


def _cue_matches(text: str, low: str | None) -> list[re.Match[str]]:
    """``list(_CUE_RE.finditer(text))``, found in a fraction of the time: in ASCII text (``low``, its lower
    case, lines up with it letter for letter) the pattern is tried only at the starts of words from which
    a cue could reach an anchor (see _CUE_ANCHORS), in order, as finditer would meet them; elsewhere it
    scans the whole text."""
    if low is None:
        return list(_CUE_RE.finditer(text))
    starts: set[int] = set()
    for anchor in _CUE_ANCHORS:
        at = low.find(anchor)
        while at >= 0:
            if at == 0 or low[at - 1] not in _WORD_CHARS:
                starts.add(at)
                word = at
                for _ in range(_WORDS_BEFORE):  # the starts of the words of letters before it
                    gap = word
                    while gap > 0 and low[gap - 1].isspace():
                        gap -= 1
                    before = gap
                    while before > 0 and low[before - 1] in _LETTERS:
                        before -= 1
                    if gap == word or before == gap:
                        break
                    starts.add(before)
                    word = before
            at = low.find(anchor, at + 1)
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):
        if start >= end and (cue := _CUE_RE.match(text, start)) is not None:
            found.append(cue)
            end = cue.end()
    return found


class _Found:
    """The best date of each role so far (lowest rank, then first written) and the dates ignored."""

    def __init__(self) -> None:
        self.best: dict[DateRole, tuple[int, FoundDate]] = {}
        self.ignored: list[Ignored] = []

    def offer(self, role: DateRole, value: date, where: str | None, rank: int, how: str = "") -> None:
        current = self.best.get(role)
        if current is None or rank < current[0]:
            self.best[role] = (rank, FoundDate(role, value, where, how))

    def parse(self, written: str, role: DateRole, where: str | None) -> date | None:
        """The written date (month first, as US forms write it), or None, noted as ignored."""
        from dateutil import parser

        cleaned = re.sub(r"\bday\s+of\s+", "", written, flags=re.IGNORECASE)
        try:
            value: date = parser.parse(cleaned, dayfirst=False, yearfirst=False).date()
        except (ValueError, OverflowError):
            self.ignored.append(Ignored(role, where, "is not a real date"))
            return None
        if value.year not in PLAUSIBLE_YEARS:
            self.ignored.append(Ignored(role, where, f"reads as the year {value.year}"))
            return None
        return value


# An issue or adoption date stands for the effective date only when no surer cue gives one.
_SECOND_BEST = lazy_compile(r"issu|adopt|date\s+(?:of\s+)?issu|date\s+adopt", re.IGNORECASE)
_LEASE_START = lazy_compile(r"begin|commenc|start", re.IGNORECASE)


# What may stand between a bare cue and its date ("effective as of", "beginning on the"), and between a
# column heading and its date ("POLICY EXP (MM/DD/YYYY) 01/15/2027").
_FILLER = lazy_compile(r"\s*(?:(?:on|as\s+of|from|the|at|midnight|12:01\s*a\.?m\.?|,)\s*)*", re.IGNORECASE)
# Ordinary verbs ("ends", "beginning", "expired" in a history) date the document only in a sentence about
# its term or cover; "expires", "valid through" and "effective" always speak of the document itself.
_WORD_CUES = lazy_compile(r"end|terminat|expired|begin|commenc|start", re.IGNORECASE)
_DOCUMENT_NOUNS = lazy_compile(
    r"(?<![\w])(?:lease|term|tenancy|rental|agreement|policy|coverage|insurance|certificate|licen[cs]e|permit"
    r"|registration|inspection|contract|accreditation|certification|approval)",
    re.IGNORECASE,
)
_SENTENCE_END = lazy_compile(r"[.;!?]\s|\n")


def _about_the_document(text: str, position: int) -> bool:
    """True when the sentence before ``position`` (up to 120 characters) names a lease, policy, licence..."""
    start = max(0, position - 120)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, position)]
    return _DOCUMENT_NOUNS.search(text, ends[-1] if ends else start, position) is not None


_FORMAT_ONLY = lazy_compile(r"[\s:]*(?:\(\s*mm\s*/\s*dd\s*/\s*yy(?:yy)?\s*\)[\s:]*)?", re.IGNORECASE)


def _read_period(text: str, start: int, stop: int, where: str | None, found: _Found) -> None:
    """A labelled period ("Policy period: 01/15/2026 to 01/15/2027"): its start and end."""
    first = _DATE_RE.search(text, start, min(stop, len(text)))
    if first is None:
        return
    period = _PERIOD_RE.match(text, first.start())
    if period is None:
        return
    begins = found.parse(period.group(1), "effective", where)
    ends = found.parse(period.group(2), "expires", where)
    if begins is not None and ends is not None and ends > begins:
        found.offer("effective", begins, where, 0)
        found.offer("expires", ends, where, 0)


def _read_table(text: str, start: int, where: str | None, found: _Found) -> None:
    """An ACORD-style table: "POLICY EFF" and "POLICY EXP" head two columns and each row below holds a
    policy's dates side by side; the first row (the general liability policy, on an ACORD 25) decides."""
    row = _TABLE_ROW_RE.search(text, start, min(len(text), start + _TABLE))
    if row is None:
        return
    begins = found.parse(row.group(1), "effective", where)
    ends = found.parse(row.group(2), "expires", where)
    if begins is not None and ends is not None and ends > begins:
        found.offer("effective", begins, where, 0)
        found.offer("expires", ends, where, 0)


def _months(match: re.Match[str]) -> int:
    count = (match.group(1) or match.group(3) or "").lower().replace(" ", "-")
    unit = (match.group(2) or match.group(4) or "").lower()
    number = int(count) if count.isdigit() else _NUMBERS.get(count, _NUMBERS.get(count.replace("-", " "), 0))
    return number * 12 if unit.startswith("year") else number


def _add_months(start: date, months: int) -> date:
    from dateutil.relativedelta import relativedelta

    result: date = start + relativedelta(months=months)
    return result
