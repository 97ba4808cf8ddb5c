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
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import accumulate
from typing import TYPE_CHECKING

from narr_audit.base.errors import Problem
from narr_audit.base.language import STOP_WORDS
from narr_audit.base.lazyre import lazy_compile
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
_ISO = lazy_compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)")
# Numbers: 03/04/2026, 3-4-2026, 03.04.2026; a two-digit year only after slashes (3/4/26), so a section
# number ("1.2.10") is never a date.
_NUMERIC = lazy_compile(
    r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|(?<=/\d/)\d{2}|(?<=/\d\d/)\d{2})(?!\d)"
)
_DAY_MONTH_YEAR = lazy_compile(
    rf"(?:{_WEEKDAY})?(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+of)?[\s-]+(?P<mon>{_MONTH}),?[\s-]+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = lazy_compile(
    rf"(?:{_WEEKDAY})?(?P<mon>{_MONTH})[\s-]+(?P<d>\d{{1,2}}){_ORDINAL},?[\s-]+(?P<y>\d{{4}})(?!\d)", re.IGNORECASE
)
# Without a year: read only where the document gives one (a month calendar, a heading "October 2026").
_DAY_MONTH = lazy_compile(rf"(?:{_WEEKDAY})?(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+(?P<mon>{_MONTH})(?![a-z])", re.I)
_MONTH_DAY = lazy_compile(rf"(?:{_WEEKDAY})?(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORDINAL}(?!\d)", re.IGNORECASE)
_WEEKDAY_DAY = lazy_compile(rf"{_WEEKDAY}(?P<d>\d{{1,2}}){_ORDINAL}(?!\d)", re.IGNORECASE)
_DAY_DASH = lazy_compile(rf"(?P<d>\d{{1,2}}){_ORDINAL}\s*[-\u2013\u2014:]\s")
_MONTH_YEAR = lazy_compile(rf"\b(?P<mon>{_MONTH}),?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_YEAR = lazy_compile(r"\b(19[89]\d|2\d\d\d)\b")
_THREE_DIGITS = lazy_compile(r"\d\D*\d\D*\d")
_A_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # where a month calendar's "October 2026" may be
# What may come before a date at the start of a line: list marks, heading marks, emphasis, a quote.
_LEAD = lazy_compile(r"[\s>#*_\-+\u2022\u25aa\u25cf\u2013\u2014(\[]*")
# What may follow a date that starts a line: the end, or a break before the entry's text.
_AFTER = lazy_compile(r"$|[\s,;:|.)\]\-\u2013\u2014]|T\d")
_STARTS = frozenset(
    {*_MONTHS, "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)  # a line that begins with a letter can begin with a date only when its first three letters are one of these
# Tables and sections that date something other than events: a document's own revision history.
_NOT_ENTRIES = lazy_compile(r"\b(revision|revised|version|amendment|amended|change ?log|changes)\b", re.IGNORECASE)
_DATE_HEADER = lazy_compile(r"\b(date|dated|when|day|held on|on)\b", re.IGNORECASE)


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
    bare: bool = False  # a calendar's day given by its number alone ("3 - Cookout"), its month from above


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
    notes: list[Problem] = []
    cells: set[str] = set()  # a table's cells are lines of the text too (Word, HTML): read once, as rows
    calendars = False
    for number, table in enumerate(content.tables, start=1):
        calendar = _grid_table(content, table, number, reader, notes, shown)
        calendars = calendars or calendar
        if calendar or _table_entries(table, number, reader):
            columns.extend(c for c in table.header if c and c not in columns)
        cells.update(cell for row in (table.header, *table.rows) for cell in row if cell)
    taken: set[tuple[int, int]] = set()  # (segment, line) read as a calendar's day or a row: not read again
    if content.kind in LAID_OUT:
        _grid_lines(content, reader, taken, notes, shown)
        _layout_rows(content, reader, taken)
    elif not calendars:  # a calendar pasted as lines into a Word, HTML or Markdown file (not kept as a table)
        _grid_lines(content, reader, taken, notes, shown, outside=cells)
    lines = DateReader(shown, latest_year)
    _line_entries(content, lines, cells, taken)
    if len(lines) >= MIN_LINE_ENTRIES:
        reader.extend(lines)
    if not len(reader):
        return DocumentEntries([], warnings=tuple(notes)) if notes else NO_ENTRIES
    records, warnings = reader.read()
    return DocumentEntries(records, tuple(columns), (*warnings, *notes))


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
_CANDIDATE = lazy_compile(
    r"\n[ \t>#*_\-+\u2022\u25aa\u25cf\u2013\u2014(\[]*(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|mon|tue|wed|thu|fri|sat|sun)",
    re.IGNORECASE,
)


def _line_entries(content: Extracted, reader: DateReader, cells: set[str], taken: set[tuple[int, int]]) -> None:
    """Headings and paragraphs that begin with a date, and the days of a month calendar.

    A month calendar's days ("Sat 3 - Cookout") take their month from a line such as "October 2026";
    when such a day is met with no month known, the text is read again, this time also looking at the
    lines that name a month within them ("House calendar - October 2026").
    """
    if not _scan_lines(content, reader, cells, taken, calendar=False):
        _scan_lines(content, reader, cells, taken, calendar=True)


def _scan_lines(
    content: Extracted, reader: DateReader, cells: set[str], taken: set[tuple[int, int]], *, calendar: bool
) -> bool:
    """One pass of :func:`_line_entries`; False (and nothing added) when a calendar's day was met with
    no month to read it in, and ``calendar`` is not set."""
    year = _year_in(content.title)
    month: int | None = None
    base = 0  # lines of the segments before this one
    found_here: list[tuple[DateText, int, str, str]] = []
    for number, segment in enumerate(content.segments):
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
            if not line or line in cells or (number, index) in taken:  # read with its table, calendar or rows
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
    listed = _numbered_lists(found_here)
    for found, row, where, said in found_here:
        if found.bare and (found.written[:7] in listed or not any(c.isalpha() for c in said)):
            continue  # a numbered list, or a table of amounts, under a month's title: not a calendar
        reader.add(found, row, where, said)
    return True


MIN_NUMBERED = 3
"""Days given by number alone that run 1, 2, 3 ... with none left out: a numbered list, not a calendar."""


def _numbered_lists(found: Sequence[tuple[DateText, int, str, str]]) -> set[str]:
    """The months ("2026-09") whose days given by number alone are 1, 2, 3 ... in order, none left out."""
    days: dict[str, list[int]] = {}
    for date_text, *_ in found:
        if date_text.bare:
            days.setdefault(date_text.written[:7], []).append(int(date_text.written[8:10]))
    return {month for month, run in days.items() if len(run) >= MIN_NUMBERED and run == list(range(1, len(run) + 1))}


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
        weekday = _WEEKDAY_DAY.match(line, at)
        day = weekday or _DAY_DASH.match(line, at)
        if day is not None:
            bare = weekday is None  # "17 - Potluck": the day alone, before a dash
            end = day.end("d") if bare else day.end()
            found = DateText(at, end, f"{year}-{month:02d}-{int(day['d']):02d}", bare=bare)
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
# Rows laid out as lines, and month calendars drawn as grids (a PDF has no table objects)


LAID_OUT = ("pdf", "text", "image")
"""Kinds whose tables are only lines of text: a spreadsheet exported to PDF, a scan, pasted text."""
MIN_HEADED_ROWS = 2
"""Rows under a header line with a date-like column name that make a table: a header and one dated line
could be a form's field ("Date  09/07/2026")."""
MIN_LAID_OUT_ROWS = 3
"""Rows without such a header that make a table, their dates at the same place in each line."""
MAX_ROW_CHARS = 240
MAX_ROW_WORDS = 30
MIN_GRID_DAYS = 7
"""Day numbers a month grid must run through (1 to 7 at least) to be read as a calendar."""
# A header line names its date column: "Date", "Day", "When", "Held on", "Week of".
_COLUMN_HEADER = lazy_compile(r"\b(dates?|dated|when|day|held on|week of)\b", re.IGNORECASE)
# Where a date may start anywhere in a line (the start of a word): found over a page at once.
_DATE_START = lazy_compile(
    r"(?<![\w/.\-])(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?[\s-]+"
    + _MONTH
    + r"|"
    + _MONTH
    + r"[\s-]+\d{1,2}(?!\d))",
    re.IGNORECASE,
)
_YEARISH = lazy_compile(r"\d{4}|/\d\d(?!\d)")  # what a line with a date holds: a year, or "/26" (3/4/26)
# Words before a date that make a line a document's own field, not a row: "Effective date: 01/05/2026".
_FIELD = lazy_compile(
    r"(?:\b(?:effective|expir\w*|valid|review\w*|revis\w*|adopted|approved|issued|signed|updated|printed|"
    r"amended|version|renew\w*|birth|dob|period|term|through|until|since)\W*|:\s*)$",
    re.IGNORECASE,
)
_WEEKDAY_NAME = (
    r"(?:sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|su|mo|tu|we|th|fr|sa)\.?(?![a-z])"
)
# A row of weekday names over a month grid: five to seven names on one line, or one name a line.
_WEEKDAY_ROW = lazy_compile(rf"^[ \t|]*(?:{_WEEKDAY_NAME}[ \t|]*\n?[ \t|]*){{4,6}}{_WEEKDAY_NAME}[ \t|]*$", re.I | re.M)
_WEEKDAY_CELL = lazy_compile(rf"\s*{_WEEKDAY_NAME}\s*", re.IGNORECASE)
_DAYS_IN = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class _Line:
    """A line of a page that holds one date: where, and what of it stands beside the date."""

    segment: int
    index: int
    found: DateText
    position: int  # the column (pipes or tabs) or word the date is in
    text: str


def _layout_rows(content: Extracted, reader: DateReader, taken: set[tuple[int, int]]) -> None:
    """Rows of a table laid out as lines, their date in any column ("Fire drill   Sat 09/07/2026   2 min"):
    those under a header line naming a date column, or runs of lines whose date stands at the same place.
    Lines that begin with a date are left to :func:`_scan_lines`; a date in a sentence never makes a row."""
    base = 0  # lines of the segments before this one
    for number, segment in enumerate(content.segments):
        text = segment.text
        first_line, base = base, base + text.count("\n") + 1
        if segment.where and _NOT_ENTRIES.search(segment.where):
            continue
        # A row's date has a year: only the lines with four digits (or "/26") are looked at, and none on
        # the usual page of a policy, which has no table of dates at all.
        hits = [m.start() for m in _YEARISH.finditer(text)]
        if len(hits) < MIN_HEADED_ROWS:
            continue
        lines = text.split("\n")
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        candidates = sorted({bisect_right(starts, hit) - 1 for hit in hits})
        dated = {n: row for n in candidates if (row := _row(lines[n], number, n)) is not None}
        if len(dated) < MIN_HEADED_ROWS:
            continue
        place = _row_place(content, segment.where, "row")
        used: set[int] = set()
        for n in sorted(dated):
            if n in used:
                continue
            run = _run(dated, lines, n)
            headed = _is_header(lines, n)
            positions = [dated[m].position for m in run]
            same = max(positions.count(p) for p in set(positions))
            if (headed and len(run) >= MIN_HEADED_ROWS) or (len(run) >= MIN_LAID_OUT_ROWS and same * 4 >= 3 * len(run)):
                for m in run:
                    row = dated[m]
                    more = _continued(lines, m, dated)
                    reader.add(row.found, first_line + m + 1, place, f"{row.text} {more}".strip())
                    taken.add((number, m))
            used.update(run)


def _row(line: str, segment: int, index: int) -> _Line | None:
    """The line as a row: one date in it, not at its start, not in a sentence nor a document's field."""
    if len(line) > MAX_ROW_CHARS or _is_prose(line):
        return None
    found = [m for m in _DATE_START.finditer(line) if (d := find_date(line, m.start())) and _AFTER.match(line, d.end)]
    if len(found) != 1:
        return None
    date_text = find_date(line, found[0].start())
    assert date_text is not None
    lead = _LEAD.match(line)
    before = line[: date_text.start]
    if date_text.start <= (lead.end() if lead else 0) or _FIELD.search(before.rstrip()) or not before.strip(" |\t"):
        return None  # begins with its date (read as a dated line), or a document's own date
    if "|" in line or "\t" in line:
        position = len(re.findall(r"[|\t]", before.lstrip(" |\t")))
        cells = [c.strip() for c in re.split(r"[|\t]", line) if c.strip()]
        rest = " | ".join(c for c in cells if date_text.written not in c)
    else:
        position = len(before.split())
        rest = f"{before.strip()} {line[date_text.end :].strip()}".strip()
    return _Line(segment, index, date_text, position, rest[:MAX_ENTRY_TEXT])


def _is_prose(line: str) -> bool:
    """A line of running text: many words, a third of them words like "the" and "of"."""
    words = line.lower().split()
    if len(words) > MAX_ROW_WORDS:
        return True
    if len(words) < 6:
        return False
    return sum(1 for w in words if w.strip(".,;:()") in STOP_WORDS) * 3 >= len(words)


def _run(dated: dict[int, _Line], lines: list[str], first: int) -> list[int]:
    """The dated lines from ``first`` on, allowing one short undated line between two (a wrapped cell)."""
    run = [first]
    at = first + 1
    while at < len(lines):
        if at in dated:
            run.append(at)
        elif at + 1 in dated and lines[at].strip() and not _is_prose(lines[at]) and len(lines[at]) <= 80:
            pass  # a cell wrapped onto its own line
        else:
            break
        at += 1
    return run


def _is_header(lines: list[str], first: int) -> bool:
    """Whether the line above ``first`` names a date column: short, no date, no sentence, not a history."""
    if first == 0:
        return False
    line = lines[first - 1].strip()
    if not line or len(line) > 160 or len(line.split()) > 14 or line.endswith((".", ";", ",")) or _is_prose(line):
        return False
    if _NOT_ENTRIES.search(line) or _DATE_START.search(line):
        return False
    return _COLUMN_HEADER.search(line) is not None


def _continued(lines: list[str], index: int, dated: dict[int, _Line]) -> str:
    """The wrapped cell on the line after a row, read with it (for its kind)."""
    after = index + 1
    if after < len(lines) and after not in dated and after + 1 in dated and len(lines[after]) <= 80:
        return lines[after].strip()
    return ""


def _row_place(content: Extracted, where: str | None, noun: str) -> str:
    """Where a row or a calendar's day is, without its words: its page, or its section's heading."""
    if content.kind in ("pdf", "image") and where:
        return f"{where}, the entry dated {{date}}"
    if where and not _is_entry_heading(where):
        return f"under '{where}', the {noun} dated {{date}}"
    return f"the {noun} dated {{date}}"


def _line_number(content: Extracted, segment: int, index: int) -> int:
    return sum(s.text.count("\n") + 1 for s in content.segments[:segment]) + index + 1


def _grid_lines(
    content: Extracted,
    reader: DateReader,
    taken: set[tuple[int, int]],
    notes: list[Problem],
    shown: str,
    *,
    outside: set[str] | None = None,
) -> None:
    """Month calendars drawn as a grid: a "September 2026" title, a row of weekday names, then the day
    numbers with the events of each day ("7 House meeting 7pm", or "7" and the event on the next line).
    A grid whose month runs on over a page break goes on at the top of the next page, where the weeks
    carry on from the last day reached, with or without the weekday names again."""
    going_on: tuple[tuple[int, int], int, int] | None = None  # (month, its last day reached, first weekday)
    for number, segment in enumerate(content.segments):
        text = segment.text
        lines = text.split("\n")
        rows = list(_WEEKDAY_ROW.finditer(text))
        if outside is not None:  # a table's weekday names (a Markdown table's "| Sun | Mon |" line, a cell)
            rows = [row for row in rows if "|" not in row.group(0) and not _in_cells(row.group(0), outside)]
        carried: tuple[tuple[int, int], int, int] | None = None
        if going_on is not None:  # the top of this page, up to its own grid, carries the month on
            going, reached, first_weekday = going_on
            going_on = None
            top = text.count("\n", 0, rows[0].start()) if rows else len(lines)
            start = _line_number(content, number, 0)
            place, label = _row_place(content, segment.where, "calendar day"), _grid_label(content, segment.where)
            grid = _Grid(number, place, label, shown, first_weekday)
            numbered = [(k, start + k, line) for k, line in _body(lines, 0, top)]
            read = _read_grid(numbered, going, grid, reader, taken, notes, start_day=reached + 1)
            if not read:  # the weeks go on under the weekday names again (no month of their own above them)
                carried = (going, reached, first_weekday)
            elif not rows and read < month_length(going):
                going_on = (going, read, first_weekday)
        for n, row in enumerate(rows):
            head = text.count("\n", 0, row.start())
            first = text.count("\n", 0, row.end()) + 1
            end = text.count("\n", 0, rows[n + 1].start()) if n + 1 < len(rows) else len(lines)
            body = _body(lines, first, end)
            month = _month_above(lines[max(0, head - 3) : head], segment.where, content.title)
            start_day = 1
            if n == 0 and carried is not None and month is None:
                month, start_day = carried[0], carried[1] + 1
            start = _line_number(content, number, 0)
            cells = [(k, start + k, line) for k, line in body]
            place = _row_place(content, segment.where, "calendar day")
            grid = _Grid(number, place, _grid_label(content, segment.where), shown, row_first_weekday(row.group(0)))
            reached = _read_grid(cells, month, grid, reader, taken, notes, start_day=start_day)
            if reached:
                taken.update((number, k) for k in range(head, first))
            last = n + 1 == len(rows) and (not body or body[-1][0] == len(lines) - 1)  # runs to the page's end
            going_on = None
            if last and month is not None and 0 < reached < month_length(month):
                going_on = (month, reached, grid.first_weekday)


def _in_cells(text: str, cells: set[str]) -> bool:
    return any(part.strip() in cells for part in text.split("\n") if part.strip())


def _body(lines: Sequence[str], first: int, end: int) -> list[tuple[int, str]]:
    """A grid's lines from ``first`` up to ``end`` (a line index) or the next month's title, with their index."""
    body = list(enumerate(lines[first:end], start=first))
    for k, (_, line) in enumerate(body):  # the next month's title ends this one
        if k and len(line) < 60 and _month_year_line(line.strip()):
            return body[:k]
    return body


def _grid_label(content: Extracted, where: str | None) -> str:
    return where if content.kind in ("pdf", "image") and where else "the calendar"


def _grid_table(
    content: Extracted, table: Table, number: int, reader: DateReader, notes: list[Problem], shown: str
) -> bool:
    """A month calendar kept as a table (Word, HTML, Markdown): weekday names as its header, a day per cell."""
    header = [c for c in table.header if c.strip()]
    if len(header) < 5 or not all(_WEEKDAY_CELL.fullmatch(c) for c in header):
        return False
    month = _month_above([], table.where, content.title)
    cells = [(row, cell) for row, cells in enumerate(table.rows, start=2) for cell in cells]
    numbered = [(k, row, cell) for k, (row, cell) in enumerate(cells)]  # a cell: a day's number and its events
    grid = _Grid(
        -1, f"table {number}, the calendar day dated {{date}}", f"table {number}", shown, row_first_weekday(header[0])
    )
    return _read_grid(numbered, month, grid, reader, set(), notes) > 0


@dataclass
class _Walked:
    """What a walk through a month grid found: each day's words and row, the words told to no day, the
    last day reached, and whether some line was read cell by cell (a day's words after a line of days
    that ends inside a row of the grid)."""

    events: dict[int, list[str]] = field(default_factory=dict)
    day_row: dict[int, int] = field(default_factory=dict)
    unplaced: int = 0
    reached: int = 0
    by_cell: bool = False


def _walk_grid(
    lines: Sequence[tuple[int, int, str]],
    month: tuple[int, int] | None,
    first_weekday: int,
    *,
    by_cell: bool,
    start_day: int = 1,
) -> _Walked:
    """The days of a grid in order (1, 2, 3 ...; from ``start_day`` on a page that carries a month on;
    the month before's and after's left out) and the words after each. Words on the lines below a whole
    row of days belong to no one day, unless ``by_cell``."""
    length = month_length(month)
    walked = _Walked()
    expected, current, alone, inside = start_day, 0, False, False
    day_line: dict[int, int] = {}
    for index, row, line in lines:
        numbers: list[int] = []
        for token in line.replace("|", " ").split():
            if token.isdigit() and int(token) == expected and expected <= length:
                current, expected = expected, expected + 1
                day_line[current], walked.day_row[current] = index, row
                numbers.append(current)
                continue
            if not current:
                continue  # the days of the month before, or words above the first day
            if expected > length and (index > day_line[current] + 1 or (token.isdigit() and int(token) == 1)):
                walked.reached = current
                return walked  # the month after begins, or the text after the calendar
            below = index != day_line[current]
            if not below or (alone and (expected <= length or index == day_line[current] + 1)):
                walked.events.setdefault(current, []).append(token)
                walked.by_cell = walked.by_cell or (below and inside)
            else:
                walked.unplaced += 1
        if numbers:
            alone = by_cell or len(numbers) == 1 or not _is_week_row(numbers, month, length, first_weekday)
            inside = not _is_week_row(numbers, month, length, first_weekday)  # ends or begins inside a row
    walked.reached = current
    return walked


def has_weekday_row(text: str) -> bool:
    """Whether ``text`` has a line of five to seven weekday names (a month grid's head)."""
    return _WEEKDAY_ROW.search(text) is not None


def is_weekday_name(word: str) -> bool:
    """A weekday's name as a calendar heads a column with it ("Sun", "Monday", "Tu.")."""
    return _WEEKDAY_CELL.fullmatch(word) is not None


def month_named(lines: Sequence[str]) -> tuple[int, int] | None:
    """The month and year the nearest of ``lines`` (from the last up) names, as a calendar's title does."""
    return _month_above(lines, None, None)


def row_first_weekday(row: str) -> int:
    """The weekday (Monday 0) a row of weekday names begins with."""
    first = row.strip(" \t|\n").lower()[:2]
    return (
        ("mo", "tu", "we", "th", "fr", "sa", "su").index(first) if first in ("mo", "tu", "we", "th", "fr", "sa") else 6
    )


def month_length(month: tuple[int, int] | None) -> int:
    """Days in the (month, year); 31 when the month is not known."""
    if month is None:
        return 31
    number, year = month
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return _DAYS_IN[number - 1] + (number == 2 and leap)


def _is_week_row(numbers: Sequence[int], month: tuple[int, int] | None, length: int, first_weekday: int) -> bool:
    """Day numbers on one line that make a whole row of the grid, from its first column (or the 1st) to
    its last (or the month's last day): events on the lines below could be on any of them. A line that
    ends inside a row is a calendar read cell by cell: what follows is the last day's."""
    if month is None:
        return True
    weekday = date(month[1], month[0], 1).weekday()  # the 1st's; the others follow from it

    def column(day: int) -> int:
        return (weekday + day - 1 - first_weekday) % 7

    return (numbers[0] == 1 or column(numbers[0]) == 0) and (numbers[-1] == length or column(numbers[-1]) == 6)


def _month_above(lines: Sequence[str], where: str | None, title: str | None) -> tuple[int, int] | None:
    """The month and year a calendar is of: the nearest line above it naming one, else its heading or title."""
    for text in (*reversed(lines), where, title):
        found = _MONTH_YEAR.search(text) if text else None
        if found is not None and int(found["y"]) >= 1:  # "September 0000" names no month of any calendar
            return _MONTHS[found["mon"][:3].lower()], int(found["y"])
    return None


@dataclass(frozen=True)
class _Grid:
    """Where a month grid is: its segment (-1 for a table), how its entries and its warnings name the
    place, and the file."""

    segment: int
    place: str
    label: str
    shown: str
    first_weekday: int  # the weekday of its first column (Monday 0 ... Sunday 6)


def _read_grid(
    lines: Sequence[tuple[int, int, str]],
    month: tuple[int, int] | None,
    grid: _Grid,
    reader: DateReader,
    taken: set[tuple[int, int]],
    notes: list[Problem],
    *,
    start_day: int = 1,
) -> int:
    """The events of a month grid's days, each a dated entry; the last day reached, or 0 when the lines
    are not a grid (day numbers do not run from ``start_day`` through :data:`MIN_GRID_DAYS` days, or to
    the month's end). An event that cannot be told to a day (a line of several day numbers, then a line
    of events) is not read, and said once."""
    walked = _walk_grid(lines, month, grid.first_weekday, by_cell=False, start_day=start_day)
    if walked.unplaced and walked.by_cell:  # read cell by cell elsewhere in the grid: so it is here too
        walked = _walk_grid(lines, month, grid.first_weekday, by_cell=True, start_day=start_day)
    events, day_row, unplaced, reached = walked.events, walked.day_row, walked.unplaced, walked.reached
    if reached - start_day + 1 < min(MIN_GRID_DAYS, month_length(month) - start_day + 1):
        return 0
    if month is None:
        if events or unplaced:
            notes.append(
                Problem(
                    f"{grid.label}: a month calendar with no month and year above its days, so its events are "
                    "not read as entries",
                    grid.shown,
                    hint='put the month and year (for example "September 2026") above the calendar',
                )
            )
        return reached
    taken.update((grid.segment, index) for index, _, _ in lines)
    for day, words in sorted(events.items()):
        said = " ".join(words).strip(" -\u2013\u2014:|")
        if any(c.isalpha() for c in said):  # a day's number alone, or with numbers only, is no event
            written = f"{month[1]:04d}-{month[0]:02d}-{day:02d}"
            reader.add(DateText(0, len(written), written), day_row[day], grid.place, said)
    if unplaced:
        notes.append(
            Problem(
                f"{grid.label}: the month calendar of {month[1]:04d}-{month[0]:02d} lists several days on one "
                f"line with events below them, so which day {unplaced} of its words belong to cannot be told; "
                "they are not read as entries",
                grid.shown,
                hint="export the calendar as a list of events (an agenda view) or as an .ics file",
            )
        )
    return reached


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
_NAME_WORDS = lazy_compile(r"[a-z]+")
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


_COMPACT = lazy_compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")


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
    "MIN_GRID_DAYS",
    "DateReader",
    "DateText",
    "DocumentEntries",
    "ambiguity_warning",
    "dated_name",
    "document_entries",
    "find_date",
    "has_weekday_row",
    "implausible_warning",
    "is_ambiguous",
    "is_date_cell",
    "is_weekday_name",
    "month_length",
    "month_named",
    "names_text",
    "new_record",
    "proves_order",
    "read_date",
    "reading_order",
    "row_first_weekday",
    "search_date",
]
