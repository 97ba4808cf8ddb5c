"""Dated entries in any form: dates as people write them, and the entries a document holds.

A record is any source of dated entries. Logs (CSV, TSV, spreadsheets, YAML, calendars) are read by
:mod:`narr_audit.evidence.logs`; this module finds the dates and the entries in what was already
extracted from a document (no second read of the file): the rows of a table with a column of dates,
headings and paragraphs that begin with a date (minutes: "## 7 Sept 2026 house meeting", "March 3,
2026 - Council met"), and the days of a month calendar ("October 2026", then "Sat 3 - Cookout").

Dates are found by a pattern that says where one is, and read by python-dateutil, a well-kept parser
for the many ways people write them. Only plausible years count (:data:`EARLIEST_YEAR` to the year
after the assessment), so "9999-12-31" or a phone extension never becomes an entry. A numeric date
whose day and month could be swapped (03/04/2026) is read month first, as in the US, unless another
date of the same source proves day first (25/04/2026), and the reading taken is reported once per
source. Each entry keeps its date, its place and, in memory only, its text (to tell what kind of
entry it is); the text is residents' data and is never shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from narr_audit.base.errors import Problem
from narr_audit.evidence.limits import MAX_ENTRY_TEXT, MAX_RECORD_ENTRIES
from narr_audit.evidence.model import LogRecord

if TYPE_CHECKING:
    from narr_audit.evidence.content import Extracted, Table

EARLIEST_YEAR = 1990
"""Entries dated before this year are not read: no recovery residence keeps records that old."""
MAX_ENTRIES = MAX_RECORD_ENTRIES
MIN_LINE_ENTRIES = 2
"""Paragraphs that begin with a date make a record only when there are at least this many: one dated
paragraph ("January 1, 2026: this policy takes effect") is not a record of anything."""

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?)\.?,?\s+"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
# Each pattern is matched where a date may start; what it matched is then read by dateutil.
_ISO = re.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)")
# Numbers: 03/04/2026, 3-4-2026, 03.04.2026; a two-digit year only after slashes (3/4/26), so a section
# number ("1.2.10") is never a date.
_NUMERIC = re.compile(
    r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|(?<=/\d/)\d{2}|(?<=/\d\d/)\d{2})(?!\d)"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?:{_WEEKDAY})?(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+of)?[\s-]+(?P<mon>{_MONTH}),?[\s-]+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?:{_WEEKDAY})?(?P<mon>{_MONTH})[\s-]+(?P<d>\d{{1,2}}){_ORDINAL},?[\s-]+(?P<y>\d{{4}})(?!\d)", re.IGNORECASE
)
# Without a year: read only where the document gives one (a month calendar, a heading "October 2026").
_DAY_MONTH = re.compile(rf"(?:{_WEEKDAY})?(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+(?P<mon>{_MONTH})(?![a-z])", re.I)
_MONTH_DAY = re.compile(rf"(?:{_WEEKDAY})?(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORDINAL}(?!\d)", re.IGNORECASE)
_WEEKDAY_DAY = re.compile(rf"{_WEEKDAY}(?P<d>\d{{1,2}}){_ORDINAL}(?!\d)", re.IGNORECASE)
_DAY_DASH = re.compile(rf"(?P<d>\d{{1,2}}){_ORDINAL}\s*[-\u2013\u2014:]\s")
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MONTH}),?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[89]\d|2\d\d\d)\b")
_THREE_DIGITS = re.compile(r"\d\D*\d\D*\d")
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # where a month calendar's "October 2026" may be
# What may come before a date at the start of a line: list marks, heading marks, emphasis, a quote.
_LEAD = re.compile(r"[\s>#*_\-+\u2022\u25aa\u25cf\u2013\u2014(\[]*")
# What may follow a date that starts a line: the end, or a break before the entry's text.
_AFTER = re.compile(r"$|[\s,;:|.)\]\-\u2013\u2014]|T\d")
_STARTS = frozenset(
    {*_MONTHS, "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)  # a line that begins with a letter can begin with a date only when its first three letters are one of these
# Tables and sections that date something other than events: a document's own revision history.
_NOT_ENTRIES = re.compile(r"\b(revision|revised|version|amendment|amended|change ?log|changes)\b", re.IGNORECASE)
_DATE_HEADER = re.compile(r"\b(date|dated|when|day|held on|on)\b", re.IGNORECASE)


_RECORD_FIELDS = frozenset({"date", "row", "where", "text"})


def new_record(when: date, row: int, where: str | None, text: str) -> LogRecord:
    """A LogRecord built as ``LogRecord.model_construct`` builds it (nothing to validate: the values are
    ours), in a third of the time: a warm run builds every entry of every log again from the cache."""
    record = object.__new__(LogRecord)
    object.__setattr__(record, "__dict__", {"date": when, "row": row, "where": where, "text": text})
    object.__setattr__(record, "__pydantic_fields_set__", _RECORD_FIELDS)
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record


@dataclass(frozen=True)
class DateText:
    """A date found in text: where it is, and how it was written (to read it and to decide its order)."""

    start: int
    end: int
    written: str
    numeric: tuple[int, int] | None = None  # a day/month date written in numbers: its first two numbers
    year: int | None = None  # the year to take when the text gives none


def find_date(text: str, at: int = 0, *, year: int | None = None) -> DateText | None:
    """The date written at position ``at`` of ``text`` (with a year, or without one when ``year`` is
    given to complete it); None when no date starts there."""
    for pattern in (_ISO, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        found = pattern.match(text, at)
        if found is not None:
            return DateText(found.start(), found.end(), found.group(0))
    found = _NUMERIC.match(text, at)
    if found is not None:
        return DateText(found.start(), found.end(), found.group(0), (int(found["a"]), int(found["b"])))
    if year is not None:
        for pattern in (_MONTH_DAY, _DAY_MONTH):
            found = pattern.match(text, at)
            if found is not None:
                return DateText(found.start(), found.end(), found.group(0), year=year)
    return None


def search_date(text: str, *, year: int | None = None) -> DateText | None:
    """The first date anywhere in a short text (a file name, a title)."""
    for start in range(len(text)):
        if start and text[start - 1].isalnum():
            continue  # a date starts a word
        if text[start].isdigit() or text[start : start + 3].lower() in _STARTS:
            found = find_date(text, start, year=year)
            if found is not None:
                return found
    return None


def is_date_cell(text: str) -> bool:
    """True when the whole of a table cell or log cell is a date (a time may follow it)."""
    value = text.strip()
    found = find_date(value) if value else None
    return found is not None and _AFTER.match(value, found.end) is not None and len(value) - found.end <= 12


def read_date(found: DateText, *, day_first: bool = False) -> date | None:
    """The calendar date of what :func:`find_date` found, read by dateutil; None when it is not a real date."""
    iso = _ISO.fullmatch(found.written)
    if iso is not None:  # the common case, read without the parser
        try:
            return date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
        except ValueError:
            return None
    from dateutil import parser

    default = datetime(found.year or 2000, 1, 1)
    try:
        read: datetime = parser.parse(found.written, dayfirst=day_first, default=default)
    except (ValueError, OverflowError):  # dateutil's ParserError is a ValueError
        return None
    return read.date()


def proves_order(found: DateText) -> bool | None:
    """Whether a numeric date can only be read day first (True: 25/04/2026), only month first
    (False: 04/25/2026), or either way (None)."""
    if found.numeric is None:
        return None
    first, second = found.numeric
    if first > 12 >= second:
        return True
    if second > 12 >= first:
        return False
    return None


def is_ambiguous(found: DateText) -> bool:
    """A numeric date whose day and month could be swapped: 03/04/2026 (not 03/03/2026)."""
    return found.numeric is not None and proves_order(found) is None and found.numeric[0] != found.numeric[1]


@dataclass
class DateReader:
    """The dates of one source, read together: the order of its numeric dates is decided once, and
    its problems (ambiguous or implausible dates) are reported once, naming the file and a place."""

    shown: str
    latest_year: int | None = None
    _found: list[tuple[DateText, int, str | None, str]] = field(default_factory=list)

    def add(self, found: DateText, row: int, where: str | None, text: str) -> None:
        if len(self._found) < MAX_ENTRIES:
            self._found.append((found, row, where, text[:MAX_ENTRY_TEXT]))

    def __len__(self) -> int:
        return len(self._found)

    def extend(self, other: DateReader) -> None:
        self._found.extend(other._found[: MAX_ENTRIES - len(self._found)])

    def day_first(self) -> bool:
        """Day first only when some date proves it and none proves month first (the US order is the default)."""
        return reading_order(found for found, *_ in self._found)[0]

    def read(self) -> tuple[list[LogRecord], list[Problem]]:
        """The entries, and the warnings about how their dates were read (at most one of each kind)."""
        day_first, proven = reading_order(found for found, *_ in self._found)
        records: list[LogRecord] = []
        ambiguous: list[tuple[str, date]] = []
        implausible: list[str] = []
        latest = self.latest_year
        for found, row, where, text in self._found:
            when = read_date(found, day_first=day_first)
            if when is None:
                continue
            if where is not None and "{date}" in where:
                where = where.replace("{date}", when.isoformat())
            place = where or f"row {row}"
            if when.year < EARLIEST_YEAR or (latest is not None and when.year > latest):
                implausible.append(place)
                continue
            if is_ambiguous(found):
                ambiguous.append((place, when))
            records.append(new_record(when, row, where, text))
        warnings: list[Problem] = []
        if ambiguous:
            warnings.append(ambiguity_warning(self.shown, ambiguous, day_first=day_first, proven=proven))
        if implausible:
            warnings.append(implausible_warning(self.shown, implausible, latest))
        return records, warnings


def reading_order(found: Iterable[DateText]) -> tuple[bool, bool]:
    """How a source's numeric dates are read: (day first?, proven by one of them?). Day first only when
    some date can only be read so (25/04/2026) and none only month first; month first otherwise, as in
    the US, proven when some date can only be read so (04/25/2026)."""
    proofs = {proves_order(f) for f in found}
    if True in proofs and False not in proofs:
        return True, True
    return False, False in proofs


def ambiguity_warning(
    shown: str,
    places: Sequence[tuple[str, date]],
    *,
    day_first: bool,
    proven: bool = False,
    line: int | None = None,
    field: str = "date",
) -> Problem:
    """One warning for a source's dates that could be read day first or month first: the reading taken."""
    place, when = places[0]
    more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
    reading = "day/month" if day_first else "month/day"
    if proven:
        reading += ", because other dates of this record can only be read that way"
    else:
        reading += ", as in the US"
    return Problem(
        f"{place}{more}: its date could be read as day/month or as month/day; read as {reading} "
        f"(so {when.isoformat()})",
        shown,
        line,
        field=field,
        hint="write dates as YYYY-MM-DD (for example 2026-03-04) so they cannot be misread",
    )


def implausible_warning(shown: str, places: Sequence[str], latest: int | None, *, field: str = "date") -> Problem:
    """One warning for a source's dates whose year no record can have (9999, 1900)."""
    more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
    bound = f"{EARLIEST_YEAR} to {latest}" if latest is not None else f"from {EARLIEST_YEAR}"
    return Problem(
        f"{places[0]}{more}: its date has a year outside {bound}, so it is not read as an entry",
        shown,
        field=field,
        hint="correct the year of that date",
    )


# ---------------------------------------------------------------------------------------------------------------
# Entries inside a document


@dataclass(frozen=True)
class DocumentEntries:
    """The dated entries found in a document's text and tables, the header of the tables they came from
    (to recognise their kind) and the warnings about how their dates were read."""

    records: list[LogRecord]
    columns: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = ()


NO_ENTRIES = DocumentEntries([])


def document_entries(content: Extracted, shown: str, *, latest_year: int | None = None) -> DocumentEntries:
    """Every dated entry of an extracted document: rows of its tables with a column of dates, then
    headings and paragraphs that begin with a date (at least :data:`MIN_LINE_ENTRIES` of them).

    Reads only the extraction already made (it is cached), never the file.
    """
    reader = DateReader(shown, latest_year)
    columns: list[str] = []
    cells: set[str] = set()  # a table's cells are lines of the text too (Word, HTML): read once, as rows
    for number, table in enumerate(content.tables, start=1):
        if _table_entries(table, number, reader):
            columns.extend(c for c in table.header if c and c not in columns)
        cells.update(cell for row in (table.header, *table.rows) for cell in row if cell)
    lines = DateReader(shown, latest_year)
    _line_entries(content, lines, cells)
    if len(lines) >= MIN_LINE_ENTRIES:
        reader.extend(lines)
    if not len(reader):
        return NO_ENTRIES
    records, warnings = reader.read()
    return DocumentEntries(records, tuple(columns), tuple(warnings))


def _table_entries(table: Table, number: int, reader: DateReader) -> bool:
    """A table's rows as entries when one column holds dates (named date/when/day, or mostly dates)."""
    if _NOT_ENTRIES.search(" ".join(table.header)) or (table.where and _NOT_ENTRIES.search(table.where)):
        return False
    rows: Sequence[Sequence[str]] = table.rows
    header: Sequence[str] = table.header
    if any(is_date_cell(cell) for cell in header):  # no header row: the first row is an entry too
        rows, header = (table.header, *table.rows), ()
    column = _date_column(header, rows)
    if column is None:
        return False
    under = table.where is not None and not _is_entry_heading(table.where)
    place = f"table {number}" + (f" under '{table.where}'" if under else "")
    first = 1 if header else 0
    for index, row in enumerate(rows, start=first + 1):
        cell = row[column].strip() if column < len(row) else ""
        found = find_date(cell) if cell else None
        if found is None or _AFTER.match(cell, found.end) is None:
            continue
        text = " | ".join(c for n, c in enumerate(row) if n != column and c)
        reader.add(found, index, f"{place}, row {index}", text)
    return True


def _date_column(header: Sequence[str], rows: Sequence[Sequence[str]]) -> int | None:
    """The column of dates: one headed as such whose cells are mostly dates, or else the first whose
    cells are mostly dates (at least two of them)."""
    width = max((len(r) for r in rows), default=0)
    best: int | None = None
    for column in range(width):
        cells = [r[column].strip() for r in rows if column < len(r) and r[column].strip()]
        dated = sum(1 for c in cells if is_date_cell(c))
        if not cells or dated * 2 < len(cells):
            continue
        named = column < len(header) and _DATE_HEADER.search(header[column]) is not None
        if named:
            return column
        if best is None and dated >= 2:
            best = column
    return best


# Where a line may begin with a date: after a line break and list or heading marks, a digit or a month's
# or weekday's name. Lines are found by this pattern over the whole text (it starts with a line break, so
# the regular expression engine skips to each one), and the many lines that cannot hold a date (most of
# a policy) are never looked at one by one.
_CANDIDATE = re.compile(
    r"\n[ \t>#*_\-+\u2022\u25aa\u25cf\u2013\u2014(\[]*(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|mon|tue|wed|thu|fri|sat|sun)",
    re.IGNORECASE,
)


def _line_entries(content: Extracted, reader: DateReader, cells: set[str]) -> None:
    """Headings and paragraphs that begin with a date, and the days of a month calendar.

    A month calendar's days ("Sat 3 - Cookout") take their month from a line such as "October 2026";
    when such a day is met with no month known, the text is read again, this time also looking at the
    lines that name a month within them ("House calendar - October 2026").
    """
    if not _scan_lines(content, reader, cells, calendar=False):
        _scan_lines(content, reader, cells, calendar=True)


def _scan_lines(content: Extracted, reader: DateReader, cells: set[str], *, calendar: bool) -> bool:
    """One pass of :func:`_line_entries`; False (and nothing added) when a calendar's day was met with
    no month to read it in, and ``calendar`` is not set."""
    year = _year_in(content.title)
    month: int | None = None
    base = 0  # lines of the segments before this one
    found_here: list[tuple[DateText, int, str, str]] = []
    for segment in content.segments:
        text = segment.text
        lines_here = text.count("\n") + 1
        if segment.where and _NOT_ENTRIES.search(segment.where):
            base += lines_here
            continue
        heading_year = _year_in(segment.where)
        if heading_year is not None:
            year = heading_year
        starts = {m.start() for m in _CANDIDATE.finditer("\n" + text)}
        if calendar:
            starts.update(text.rfind("\n", 0, m.start()) + 1 for m in _A_YEAR.finditer(text))
        index, at = 0, 0
        for start in sorted(starts):
            index += text.count("\n", at, start)
            at = start
            stop = text.find("\n", start)
            stop = len(text) if stop < 0 else stop
            line = text[start:stop].strip()
            if not line or line in cells:  # a table's cell: read with its table
                continue
            context = _MONTH_YEAR.fullmatch(line) if len(line) < 40 else None
            if context is None and calendar and len(line) < 60 and _month_year_line(line):
                context = _MONTH_YEAR.search(line)
            if context is not None:
                month, year = _MONTHS[context["mon"][:3].lower()], int(context["y"])
                continue
            found = _line_date(line, year, month)
            if found is None:
                if not calendar and month is None and _is_calendar_day(line):
                    return False
                continue
            heading = segment.where is not None and index == 0 and line == segment.where
            said = line[found.end :]
            if heading:
                said = f"{said} {text[stop + 1 : stop + 1 + MAX_ENTRY_TEXT]}".replace("\n", " ")
            found_here.append((found, base + index + 1, _place(content, segment.where, heading), said))
        base += lines_here
    for found, row, where, said in found_here:
        reader.add(found, row, where, said)
    return True


def _is_calendar_day(line: str) -> bool:
    """A line that begins as a calendar's day does ("Sat 3 - Cookout"), which needs a month to be a date."""
    start = _LEAD.match(line)
    at = start.end() if start else 0
    return bool(_WEEKDAY_DAY.match(line, at) or _DAY_DASH.match(line, at))


def _month_year_line(line: str) -> bool:
    """A short line naming a month of a year as what follows: "House calendar - October 2026"."""
    found = _MONTH_YEAR.search(line)
    return found is not None and found.end() >= len(line.rstrip(" :.")) and len(line.split()) <= 6


def _line_date(line: str, year: int | None, month: int | None) -> DateText | None:
    """The date a line begins with (after list or heading marks), followed by a break."""
    start = _LEAD.match(line)
    at = start.end() if start else 0
    if at >= len(line):
        return None
    first = line[at]
    if not first.isdigit() and line[at : at + 3].lower() not in _STARTS:
        return None
    found = find_date(line, at, year=year)
    if found is None and month is not None and year is not None:
        day = _WEEKDAY_DAY.match(line, at) or _DAY_DASH.match(line, at)
        if day is not None:
            end = day.end("d") if day.re is _DAY_DASH else day.end()
            found = DateText(at, end, f"{year}-{month:02d}-{int(day['d']):02d}")
    if found is None or _AFTER.match(line, found.end) is None:
        return None
    return found


def _place(content: Extracted, where: str | None, heading: bool) -> str:
    """Where an entry is, said without its words (an entry's own heading may name a resident): its
    page, or the section it is under when that heading is not itself an entry; ``{date}`` becomes the
    entry's date once it is read."""
    if content.kind in ("pdf", "image") and where:
        return f"{where}, the entry dated {{date}}"
    if heading:
        return "the heading dated {date}"
    if where and not _is_entry_heading(where):
        return f"under '{where}', the paragraph dated {{date}}"
    return "the paragraph dated {date}"


def _is_entry_heading(heading: str) -> bool:
    """A heading that begins with a date is an entry of its own (minutes), not a section's title."""
    lead = _LEAD.match(heading)
    return find_date(heading, lead.end() if lead else 0) is not None


def _year_in(text: str | None) -> int | None:
    if not text:
        return None
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None


# ---------------------------------------------------------------------------------------------------------------
# Files named or headed by a date


# Words of a file name or title that make it a document of its own, not one entry of a record, even when
# it carries a date ("grievance-policy-2026-01-15.pdf" is the policy as of that day).
_DOCUMENT_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as text
        "policy policies procedure procedures plan handbook manual agreement contract lease certificate "
        "insurance license licence permit form template checklist attestation statement invoice receipt "
        "budget report inspection letter notice application bylaws charter"
    ).split()
)
_NAME_WORDS = re.compile(r"[a-z]+")
MAX_NAME_WORDS = 6
MAX_NAME_LENGTH = 200  # a name or title that names one entry is short; a longer one is not searched


def dated_name(text: str | None, *, latest_year: int | None = None) -> DateText | None:
    """The date a file name or title carries when it names one entry of a record ("2026-09-07",
    "house-meeting-2026-09-07", "Minutes, 7 September 2026"); None for a document's own name with a
    date in it ("grievance-policy-2026-01-15") or a name with no date."""
    if not text or len(text) > MAX_NAME_LENGTH or not _THREE_DIGITS.search(text):  # a date has 3 digits or more
        return None
    spaced = text.replace("_", " ")
    found = search_date(spaced)
    if found is None:
        found = _compact_date(spaced)
    if found is None:
        return None
    rest = (spaced[: found.start] + " " + spaced[found.end :]).lower()
    words = _NAME_WORDS.findall(rest)
    if len(words) > MAX_NAME_WORDS or _DOCUMENT_WORDS.intersection(words):
        return None
    when = read_date(found)
    if when is None or when.year < EARLIEST_YEAR or (latest_year is not None and when.year > latest_year):
        return None
    return found


_COMPACT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")


def _compact_date(text: str) -> DateText | None:
    """A date written without separators in a file name: 20260907."""
    found = _COMPACT.search(text)
    if found is None:
        return None
    return DateText(found.start(), found.end(), f"{found['y']}-{found['m']}-{found['d']}")


def names_text(parts: Iterable[str | None]) -> str:
    """File names, titles and headings as words, for recognising what a record is."""
    return " ".join(p.replace("_", " ").replace("-", " ") for p in parts if p)


__all__ = [
    "EARLIEST_YEAR",
    "MAX_ENTRIES",
    "MAX_ENTRY_TEXT",
    "DateReader",
    "DateText",
    "DocumentEntries",
    "ambiguity_warning",
    "dated_name",
    "document_entries",
    "find_date",
    "implausible_warning",
    "is_ambiguous",
    "is_date_cell",
    "names_text",
    "new_record",
    "proves_order",
    "read_date",
    "reading_order",
    "search_date",
]
