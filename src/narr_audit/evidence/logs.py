"""Logs (house meetings, drills, detector checks): CSV/TSV rows, spreadsheet rows, YAML entries or the
events of a calendar (.ics), each with a date.

Only each entry's date and row number are ever shown. Log rows often hold residents' initials or notes,
and nothing of that may reach a report (rule 1.B.6): a malformed log is described by file, row,
column and the kind of problem, never by a cell's text, and :func:`log_problem` builds every such
message. A log without a header row has a resident's data in its first row, so even the first
row's cells are never quoted. Each row's other cells are kept in memory only (``LogRecord.text``), to
tell what kind of entry it is (a drill, a detector check) when one log holds several kinds.

A log read once is kept, parsed, in the extraction cache by the SHA-256 of its bytes, so a warm run
never parses an unchanged log again (date parsing was a fifth of a warm batch).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import tempfile
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narr_audit import __version__
from narr_audit.base.dates import parse_date
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.yamlio import read_yaml
from narr_audit.evidence.limits import MAX_REPEATS
from narr_audit.evidence.model import LogRecord
from narr_audit.evidence.records import (
    EARLIEST_YEAR,
    MAX_ENTRIES,
    MAX_ENTRY_TEXT,
    DateText,
    ambiguity_warning,
    find_date,
    implausible_warning,
    is_ambiguous,
    is_date_cell,
    new_record,
    read_date,
    reading_order,
)

if TYPE_CHECKING:
    from narr_audit.evidence.cache import ExtractionCache

LOG_SUFFIXES = {".csv": ",", ".tsv": "\t", ".yaml": None, ".yml": None, ".xlsx": None, ".ics": None}
MAX_LOG_BYTES = 10 * 1024 * 1024
# An .xlsx is a zip: refuse one whose contents would unpack to more than this (a "zip bomb").
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(:\d{2})?.*$")
_ISO_PARTS = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class _Fault:
    what: str  # the kind of problem; may name numbers given to log_problem, never a cell's text
    hint: str


# Every way a log can be malformed. Messages are fixed text: only numbers, the file, and a column's
# name from a header row or from residence.yaml are ever filled in.
FAULTS: dict[str, _Fault] = {
    "too-large": _Fault(
        "the log is {size} bytes, more than the {limit} narr-audit reads", "split it by year and map the recent part"
    ),
    "not-utf8": _Fault("the log is not UTF-8 text", "in your spreadsheet, save as 'CSV UTF-8'"),
    "empty": _Fault("the log is empty", "add a header row with a 'date' column"),
    "csv-nul": _Fault(
        "the log holds a NUL character, so it is not CSV text", "save it again as CSV from your spreadsheet"
    ),
    "csv-long-field": _Fault(
        "a field is longer than a CSV log's field can be (often a quote that is never closed)",
        "check the quotes in that row, or save it again as CSV from your spreadsheet",
    ),
    "csv-broken": _Fault(
        "the log is not valid CSV (a quote or line break is out of place)",
        "check the quotes in that row, or save it again as CSV from your spreadsheet",
    ),
    "xlsx-damaged": _Fault(
        "the spreadsheet is damaged, password-protected or not really an .xlsx file",
        "open it in your spreadsheet program and save it again as .xlsx (without a password) or as CSV",
    ),
    "xlsx-bomb": _Fault(
        "the spreadsheet would unpack to far more data than a log holds, so narr-audit will not open it",
        "save the log as CSV and map that",
    ),
    "xlsx-no-sheet": _Fault("the spreadsheet has no sheet", "put the log on its first sheet"),
    "xlsx-no-header": _Fault(
        "the log's first sheet is empty or has no header row",
        "put a header row with a 'date' column on the first row of the first sheet",
    ),
    "no-date-column": _Fault(
        "the first row has no 'date' column (it has {columns} column(s)); if that row is data, the log has no "
        "header row",
        "start the log with a header row naming its columns, one of them 'date' (for example: date,notes), or set "
        "date_column for this file in residence.yaml",
    ),
    "no-header-row": _Fault(
        "the first row holds a date, so the log has no header row",
        "add a first row naming the columns, one of them 'date' (for example: date,notes)",
    ),
    "no-such-column": _Fault(
        "the first row has no column '{column_name}' (it has {columns} column(s))",
        "correct date_column in residence.yaml to the header of the column of dates",
    ),
    "no-date": _Fault("the date is missing", "fill in the date or delete the row"),
    "date-is-number": _Fault(
        "the date is stored as a number, not as a date", "format the column as a date in your spreadsheet"
    ),
    "not-a-date": _Fault(
        "the date is not in the form YYYY-MM-DD (or MM/DD/YYYY)", "write dates as YYYY-MM-DD (or MM/DD/YYYY)"
    ),
    "no-such-month": _Fault(
        "the date is not a real date: its month is not 01 to 12", "write dates as YYYY-MM-DD (or MM/DD/YYYY)"
    ),
    "no-such-day": _Fault(
        "the date is not a real date: its month has no such day", "write dates as YYYY-MM-DD (or MM/DD/YYYY)"
    ),
    "yaml-not-a-list": _Fault(
        "a YAML log must be a list of entries, each with a date (or a mapping with an 'entries' list)",
        "write '- date: 2026-10-15' for each entry",
    ),
    "yaml-invalid": _Fault(
        "the log is not valid YAML", "fix the YAML syntax at that line (indentation, a missing colon or quote)"
    ),
    "yaml-duplicate-key": _Fault(
        "the log is not valid YAML: an entry gives the same key twice", "keep one of the two at that line"
    ),
    "yaml-no-key": _Fault("it has no '{column_name}'", "add '{column_name}: YYYY-MM-DD' to it"),
    "ics-not-calendar": _Fault(
        "the file is not an iCalendar (.ics) calendar: it does not begin with BEGIN:VCALENDAR",
        "export the calendar again from your calendar program as .ics",
    ),
    "ics-no-start": _Fault(
        "the event has no start date (DTSTART)", "export the calendar again from your calendar program as .ics"
    ),
    "ics-bad-start": _Fault(
        "the event's start date (DTSTART) is not a date", "export the calendar again from your calendar program as .ics"
    ),
}


def log_problem(
    file: str,
    fault: str,
    *,
    row: int | None = None,
    column: int | None = None,
    column_name: str | None = None,
    entry: int | None = None,
    field: str | None = None,
    **numbers: int,
) -> Problem:
    """What is wrong with a log, said by file, row (or YAML entry), column and the kind of problem.

    ``column_name`` is a header's name or a name from residence.yaml, never a data cell; the other
    values are numbers. ``row`` is the line (CSV, YAML) or the row as a spreadsheet numbers it.
    """
    found = FAULTS[fault]
    values = {"column_name": column_name or "", **numbers}
    place = []
    if entry is not None:
        place.append(f"entry {entry}")
    elif row is not None and column is not None:
        place.append(f"row {row}")
    if column is not None:
        place.append(f"column {column}" + (f" ('{column_name}')" if column_name else ""))
    elif entry is not None and column_name and "{column_name}" not in found.what:
        place.append(f"key '{column_name}'")
    what = found.what.format(**values)
    return Problem(
        f"{', '.join(place)}: {what}" if place else what,
        file,
        row,
        field=field if field is not None else column_name,
        hint=found.hint.format(**values),
    )


def is_log(path: Path) -> bool:
    return path.suffix.lower() in LOG_SUFFIXES


def log_date(value: object) -> date:
    """Dates as operators write them in logs: 2026-10-15, 2026-10-15 19:00, or US style 10/15/2026."""
    return parse_date(_iso_text(value))


def _iso_text(value: object) -> str:
    """A log's date text as YYYY-MM-DD when it is one in another of the forms operators write."""
    text = str(value).strip()
    us = _US_DATE.match(text)
    if us:
        month, day, year = us.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    with_time = _ISO_WITH_TIME.match(text)
    return with_time.group(1) if with_time else text


def _date_fault(value: object) -> str:
    """Why a cell that is not a date is not one, as a FAULTS key (its text is never repeated)."""
    found = _ISO_PARTS.match(_iso_text(value))
    if found is None or int(found.group(1)) == 0:
        return "not-a-date"
    return "no-such-month" if not 1 <= int(found.group(2)) <= 12 else "no-such-day"


def _is_date(text: str) -> bool:
    try:
        log_date(text)
    except ValueError:
        return False
    return True


def read_log(path: Path, shown: str, date_column: str | None = None) -> list[LogRecord]:
    """Every dated entry of a log, or a NarrError naming each bad row and what to do."""
    return read_log_source(path, shown, date_column).records


@dataclass(frozen=True)
class LogSource:
    """A log read: its entries, its column names and title (to recognise what it records), and the
    warnings about how its dates were read (ambiguous day and month, implausible years)."""

    records: list[LogRecord]
    columns: tuple[str, ...] = ()
    title: str | None = None
    warnings: tuple[Problem, ...] = ()


@dataclass
class _Parsed:
    """A log as parsed from its bytes, before the year bound of the assessment is applied: what the
    cache keeps. Rows are the log's rows (CSV, spreadsheet) or lines (YAML, calendar)."""

    columns: list[str] = field(default_factory=list)
    title: str | None = None
    date_field: str = "date"  # the date column's name, for warnings
    unit: str = "row"  # how a place is named: "row" (CSV, spreadsheet) or "line" (YAML, calendar)
    entries: list[tuple[int, str, str]] = field(default_factory=list)  # row, ISO date, the row's other cells
    ambiguous: list[int] = field(default_factory=list)  # rows whose date reads day or month first
    day_first: bool = False
    proven: bool = False  # the order of its numeric dates is proven by one of them (25/04/2026)
    # Repeating calendar events: row, first date, the repeat rule (RRULE), dates left out (EXDATE), text.
    repeats: list[tuple[int, str, str, list[str], str]] = field(default_factory=list)


def read_log_source(
    path: Path,
    shown: str,
    date_column: str | None = None,
    *,
    cache: ExtractionCache | None = None,
    latest_year: int | None = None,
) -> LogSource:
    """A log's entries (those dated from :data:`EARLIEST_YEAR` to ``latest_year``), or a NarrError
    naming each bad row and what to do. With a ``cache``, an unchanged log is not parsed again."""
    size = path.stat().st_size
    if size > MAX_LOG_BYTES:
        raise NarrError([log_problem(shown, "too-large", size=size, limit=MAX_LOG_BYTES)])
    suffix = path.suffix.lower()
    raw = path.read_bytes()
    if len(raw) > MAX_LOG_BYTES:  # it grew after the stat
        raise NarrError([log_problem(shown, "too-large", size=len(raw), limit=MAX_LOG_BYTES)])
    key = _key(raw, suffix, date_column) if cache is not None else None
    parsed = _cached(cache, key)
    if parsed is None:
        if suffix in (".yaml", ".yml"):
            parsed = _read_yaml_log(path, shown, date_column or "date")
        elif suffix == ".xlsx":
            parsed = _read_xlsx_log(raw, shown, date_column)
        elif suffix == ".ics":
            parsed = _read_calendar(raw, shown)
        else:
            parsed = _read_csv_log(raw, shown, LOG_SUFFIXES.get(suffix) or ",", date_column)
        if cache is not None and key is not None:
            _keep(cache, key, parsed)
    return _finish(parsed, shown, latest_year)


def _finish(parsed: _Parsed, shown: str, latest_year: int | None) -> LogSource:
    """Entries outside the plausible years are left out (with a warning); repeating events are
    expanded up to the end of ``latest_year``."""
    records: list[LogRecord] = []
    implausible: list[str] = []
    unit = parsed.unit
    latest = latest_year if latest_year is not None else 9999

    def add(when: date, row: int, text: str) -> None:
        if when.year < EARLIEST_YEAR or when.year > latest:
            implausible.append(f"{unit} {row}")
        elif len(records) < MAX_ENTRIES:
            records.append(new_record(when, row, None, text))

    fromisoformat = date.fromisoformat
    for row, iso, text in parsed.entries:  # the common case, in one tight loop
        when = fromisoformat(iso)
        if EARLIEST_YEAR <= when.year <= latest:
            records.append(new_record(when, row, None, text))
        else:
            implausible.append(f"{unit} {row}")
    del records[MAX_ENTRIES:]
    unread: list[int] = []
    for row, first, rule, left_out, text in parsed.repeats:
        if len(records) >= MAX_ENTRIES:
            break
        found = _occurrences(date.fromisoformat(first), rule, left_out, latest_year)
        if found is None:
            unread.append(row)
            found = [date.fromisoformat(first)]
        for when in found:
            add(when, row, text)
    notes: list[Problem] = []
    if parsed.ambiguous:
        at = parsed.ambiguous[0]
        read_as = next(date.fromisoformat(iso) for row, iso, _ in parsed.entries if row == at)
        places = [(f"{unit} {r}", read_as) for r in parsed.ambiguous]
        notes.append(
            ambiguity_warning(
                shown,
                places,
                day_first=parsed.day_first,
                proven=parsed.proven,
                line=parsed.ambiguous[0],
                field=parsed.date_field,
            )
        )
    if implausible:
        notes.append(implausible_warning(shown, implausible, latest_year, field=parsed.date_field))
    if unread:
        more = f" (and {len(unread) - 1} more)" if len(unread) > 1 else ""
        notes.append(
            Problem(
                f"the event at line {unread[0]}{more} repeats by a rule narr-audit cannot read (RRULE); "
                "only its first date is counted",
                shown,
                unread[0],
                field="RRULE",
                hint="export the calendar again, or list each meeting as its own event",
            )
        )
    return LogSource(records, tuple(parsed.columns), parsed.title, tuple(notes))


# ---------------------------------------------------------------------------------------------------------------
# The cache of parsed logs: beside the extracted text, keyed the same way (the SHA-256 of the bytes)

LOG_CACHE_VERSION = 2  # bump when parsing gives something else for the same bytes


def _key(raw: bytes, suffix: str, date_column: str | None) -> str:
    digest = hashlib.sha256(raw)
    digest.update(f"\0log{suffix}\0{date_column or ''}\0{LOG_CACHE_VERSION}\0{__version__}".encode())
    return digest.hexdigest()


def _cache_path(cache: ExtractionCache, key: str) -> str:
    # A string, not a Path: this is on the hot path of every warm run, where pathlib's joins cost more
    # than reading the file.
    return os.path.join(cache.root, f"logs-v{LOG_CACHE_VERSION}", key[:2], f"{key}.json")  # noqa: PTH118


def _cached(cache: ExtractionCache | None, key: str | None) -> _Parsed | None:
    """A log parsed before, or None (never kept, or the cache file cannot be read: that only costs time)."""
    if cache is None or key is None:
        return None
    try:
        with open(_cache_path(cache, key), encoding="utf-8") as kept:  # noqa: PTH123 - the hot path of a warm run
            data = json.load(kept)
        return _Parsed(
            columns=[str(c) for c in data["columns"]],
            title=data["title"],
            date_field=str(data["field"]),
            unit=str(data["unit"]),
            entries=[(int(r), str(d), str(t)) for r, d, t in data["entries"]],
            ambiguous=[int(r) for r in data["ambiguous"]],
            day_first=bool(data["day_first"]),
            proven=bool(data["proven"]),
            repeats=[(int(r), str(d), str(u), [str(x) for x in x_], str(t)) for r, d, u, x_, t in data["repeats"]],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _keep(cache: ExtractionCache, key: str, parsed: _Parsed) -> None:
    """Write the parsed log into the cache (readable only by the user), whole or not at all."""
    target = Path(_cache_path(cache, key))
    data = {
        "columns": parsed.columns,
        "title": parsed.title,
        "field": parsed.date_field,
        "unit": parsed.unit,
        "entries": parsed.entries,
        "ambiguous": parsed.ambiguous,
        "day_first": parsed.day_first,
        "proven": parsed.proven,
        "repeats": parsed.repeats,
    }
    temp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))  # dumps: the C encoder
        Path(temp).replace(target)
    except OSError:
        if temp is not None:
            with contextlib.suppress(OSError):
                Path(temp).unlink()


# ---------------------------------------------------------------------------------------------------------------
# Dates of a log's rows, read together


_ISO_CELL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?.*)?$")


def _classify(value: object) -> date | DateText | str:
    """A log cell: its date, a date still to read (its day/month order is decided for the whole log),
    or the FAULTS key of why it is not a date (its text is never repeated)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or not str(value).strip():
        return "no-date"
    if isinstance(value, (int, float)):
        return "date-is-number"
    text = str(value).strip()
    iso = _ISO_CELL.match(text)
    if iso is not None:
        year, month, day = (int(g) for g in iso.groups())
        if year == 0:
            return "not-a-date"
        if not 1 <= month <= 12:
            return "no-such-month"
        try:
            return date(year, month, day)
        except ValueError:
            return "no-such-day"
    if is_date_cell(text):
        found = find_date(text)
        if found is not None:
            return found
    return _date_fault(value)


class _Dates:
    """The date cells of one log, collected, then read with one day/month order for all of them."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.fixed: list[tuple[int, date, str]] = []
        self.later: list[tuple[int, DateText, str, Problem]] = []  # with the problem to report if unreadable
        self.problems: list[Problem] = []

    def add(self, row: int, value: object, text: str, problem: Any) -> None:
        """``problem(fault)`` makes the Problem for this cell (placed by row and column, or entry and key)."""
        found = _classify(value)
        if isinstance(found, DateText):
            self.later.append((row, found, text, problem("no-such-day")))
        elif isinstance(found, date):
            self.fixed.append((row, found, text))
        else:
            self.problems.append(problem(found))

    def parsed(self, **known: Any) -> _Parsed:
        """The entries in row order, or a NarrError with every bad cell."""
        day_first, proven = reading_order(found for _, found, _, _ in self.later)
        entries = [(row, when.isoformat(), text[:MAX_ENTRY_TEXT]) for row, when, text in self.fixed]
        ambiguous: list[int] = []
        problems = list(self.problems)
        for row, found, text, problem in self.later:
            when = read_date(found, day_first=day_first)
            if when is None:
                problems.append(_unreadable(problem, found, day_first))
                continue
            entries.append((row, when.isoformat(), text[:MAX_ENTRY_TEXT]))
            if is_ambiguous(found):
                ambiguous.append(row)
        if problems:
            problems.sort(key=lambda p: p.line or 0)
            raise NarrError(problems)
        entries.sort()
        return _Parsed(
            entries=entries[:MAX_ENTRIES], ambiguous=sorted(ambiguous), day_first=day_first, proven=proven, **known
        )


def _unreadable(problem: Problem, found: DateText, day_first: bool) -> Problem:
    """A date that is written as one but is no real date: say whether its month or its day is wrong."""
    if found.numeric is not None:
        month = found.numeric[1] if day_first else found.numeric[0]
        if month > 12:
            fault = FAULTS["no-such-month"]
            what = problem.message.replace(FAULTS["no-such-day"].what, fault.what)
            return replace(problem, message=what)
    return problem


def _row_text(cells: Iterable[object], skip: int) -> str:
    """A row's other cells as one line, kept in memory only (to tell what kind of entry it is)."""
    words = []
    size = 0
    for index, cell in enumerate(cells):
        if index == skip or cell is None:
            continue
        text = str(cell).strip()
        if text:
            words.append(text)
            size += len(text) + 1
            if size > MAX_ENTRY_TEXT:
                break
    return " ".join(words)[:MAX_ENTRY_TEXT]


def _read_xlsx_log(raw: bytes, shown: str, date_column: str | None) -> _Parsed:
    """The first sheet of an Excel workbook: a header row, then one row per entry (row numbers as Excel shows)."""
    damaged = NarrError([log_problem(shown, "xlsx-damaged")])
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise damaged from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise NarrError([log_problem(shown, "xlsx-bomb")])
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged workbook
        raise damaged from None
    try:
        if not book.worksheets:
            raise NarrError([log_problem(shown, "xlsx-no-sheet")])
        rows = book.worksheets[0].iter_rows(values_only=True)
        first = next(rows, None)
        if first is None or not any(c is not None and str(c).strip() for c in first):
            raise NarrError([log_problem(shown, "xlsx-no-header", row=1)])
        header = ["" if c is None else str(c) for c in first]
        column = _date_column(header, date_column, shown)
        name = header[column].strip()
        dates = _Dates(shown)
        for number, row in enumerate(rows, start=2):
            if not any(c is not None and str(c).strip() for c in row):
                continue
            dates.add(
                number,
                row[column] if column < len(row) else None,
                _row_text(row, column),
                lambda fault, n=number: log_problem(shown, fault, row=n, column=column + 1, column_name=name),
            )
    except NarrError:
        raise
    except Exception:  # a sheet that breaks only while its rows are read
        raise damaged from None
    finally:
        book.close()
    return dates.parsed(columns=[h.strip() for h in header if h.strip()], date_field=name)


def _cell_date(value: object) -> tuple[date | None, str]:
    """A log cell's date (CSV text, or a spreadsheet's date cell or text); else (None, the FAULTS key)."""
    if isinstance(value, datetime):
        return value.date(), ""
    if isinstance(value, date):
        return value, ""
    if value is None or not str(value).strip():
        return None, "no-date"
    if isinstance(value, (int, float)):
        return None, "date-is-number"
    try:
        return log_date(value), ""
    except ValueError:
        return None, _date_fault(value)


def _read_csv_log(raw: bytes, shown: str, delimiter: str, date_column: str | None) -> _Parsed:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NarrError([log_problem(shown, "not-utf8", row=raw[: exc.start].count(b"\n") + 1)]) from None
    first_line = text.split("\n", 1)[0]
    if delimiter == "," and "," not in first_line and ";" in first_line:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise NarrError([log_problem(shown, "empty")]) from None
    except csv.Error as exc:
        raise NarrError([log_problem(shown, _csv_fault(exc), row=1)]) from None
    column = _date_column(header, date_column, shown)
    name = header[column].strip()
    dates = _Dates(shown)
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            dates.add(
                line,
                row[column] if column < len(row) else None,
                _row_text(row, column),
                lambda fault, n=line: log_problem(shown, fault, row=n, column=column + 1, column_name=name),
            )
    except csv.Error as exc:
        dates.problems.append(log_problem(shown, _csv_fault(exc), row=reader.line_num))
    return dates.parsed(columns=[h.strip() for h in header if h.strip()], date_field=name)


def _csv_fault(exc: csv.Error) -> str:
    """The kind of CSV fault; the csv module's own message is not shown (it may quote the text)."""
    said = str(exc)
    if "NUL" in said:
        return "csv-nul"
    return "csv-long-field" if "field larger" in said else "csv-broken"


def _date_column(header: list[str], wanted: str | None, shown: str) -> int:
    """The column of dates, named in the header row. The first row may be data (a log without a
    header row): its cells are never quoted, only counted."""
    if any(_is_date(cell) or is_date_cell(cell) for cell in header):
        raise NarrError([log_problem(shown, "no-header-row", row=1, field="date")])
    names = [h.strip().lower() for h in header]
    if wanted is not None:
        if wanted.strip().lower() in names:
            return names.index(wanted.strip().lower())
        problem = log_problem(
            shown, "no-such-column", row=1, column_name=wanted.strip(), field="date_column", columns=len(header)
        )
        raise NarrError([problem])
    if "date" in names:
        return names.index("date")
    for index, name in enumerate(names):
        if re.search(r"\bdate\b", name):
            return index
    raise NarrError([log_problem(shown, "no-date-column", row=1, field="date", columns=len(header))])


def _yaml_problem(shown: str, problem: Problem) -> Problem:
    """A YAML reader's problem with a log, said without the parser's words (they may quote a cell);
    its hint, a fixed text, is kept."""
    if not problem.message.startswith("invalid YAML"):
        return problem  # too large, not UTF-8, aliases: fixed texts
    fault = "yaml-duplicate-key" if "duplicate key" in problem.message else "yaml-invalid"
    said = log_problem(shown, fault, row=problem.line)
    return replace(said, hint=problem.hint) if problem.hint and fault == "yaml-invalid" else said


def _read_yaml_log(path: Path, shown: str, key: str) -> _Parsed:
    try:
        doc = read_yaml(path, display=shown)
    except NarrError as exc:  # a YAML parser's message may quote the log's text: say only where
        raise NarrError([_yaml_problem(shown, p) for p in exc.problems]) from None
    entries = doc.data
    base: tuple[str | int, ...] = ()
    title: str | None = None
    if isinstance(entries, dict) and isinstance(entries.get("entries"), list):
        title = entries.get("title") if isinstance(entries.get("title"), str) else None
        entries, base = entries["entries"], ("entries",)
    if not isinstance(entries, list):
        raise NarrError([log_problem(shown, "yaml-not-a-list", row=1)])
    dates = _Dates(shown)
    columns: list[str] = []
    for index, entry in enumerate(entries):
        line = doc.line_of((*base, index)) or 0
        value = entry.get(key) if isinstance(entry, dict) else None
        if value is None:
            dates.problems.append(log_problem(shown, "yaml-no-key", row=line, entry=index + 1, column_name=key))
            continue
        others = [v for k, v in entry.items() if k != key and isinstance(v, (str, int, float))]
        columns.extend(str(k) for k in entry if k != key and str(k) not in columns and len(columns) < 50)
        at = doc.line_of((*base, index, key))
        dates.add(
            line,
            value if isinstance(value, str) else str(value),
            _row_text(others, -1),
            lambda fault, n=index, a=at: log_problem(shown, fault, row=a, entry=n + 1, column_name=key),
        )
    return dates.parsed(columns=columns, title=title, date_field=key, unit="line")


# ---------------------------------------------------------------------------------------------------------------
# Calendars (.ics): one entry per event, on the date it starts; a repeating event on each of its days

_ICS_DAY = re.compile(r"\s*(\d{4})(\d{2})(\d{2})")
_UNTIL = re.compile(r"(UNTIL=\d{8})T\d{6}Z?", re.IGNORECASE)


def _read_calendar(raw: bytes, shown: str) -> _Parsed:
    """The events of an iCalendar file (VEVENT, by DTSTART), read line by line with folded lines joined.

    Cancelled events are left out; an event's SUMMARY and CATEGORIES are its text (to tell a house
    meeting from a cookout), and the calendar's name (X-WR-CALNAME) its title.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NarrError([log_problem(shown, "not-utf8", row=raw[: exc.start].count(b"\n") + 1)]) from None
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif line.strip():
            lines.append((number, line))
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise NarrError([log_problem(shown, "ics-not-calendar", row=1)])
    title: str | None = None
    dates = _Dates(shown)
    repeats: list[tuple[int, str, str, list[str], str]] = []
    event: dict[str, Any] | None = None
    inner = 0  # depth inside a component of the event (an alarm)
    count = 0
    for number, line in lines:
        name, _, value = line.partition(":")
        prop = name.split(";", 1)[0].strip().upper()
        if prop == "BEGIN":
            if event is None and value.strip().upper() == "VEVENT":
                count += 1
                event, inner = {"row": number, "entry": count, "text": [], "exdates": []}, 0
            elif event is not None:
                inner += 1
        elif prop == "END" and event is not None:
            if inner:
                inner -= 1
            elif value.strip().upper() == "VEVENT":
                _calendar_event(event, shown, dates, repeats)
                event = None
        elif event is None:
            if prop in ("X-WR-CALNAME", "NAME") and title is None:
                title = _ics_text(value)[:MAX_ENTRY_TEXT] or None
        elif inner:
            continue
        elif prop == "DTSTART":
            event["start"] = value
        elif prop in ("SUMMARY", "CATEGORIES"):
            event["text"].append(_ics_text(value))
        elif prop == "RRULE":
            event["rrule"] = value.strip()
        elif prop == "EXDATE":
            event["exdates"].extend(v.strip() for v in value.split(","))
        elif prop == "STATUS" and value.strip().upper() == "CANCELLED":
            event["cancelled"] = True
        if len(dates.fixed) + len(repeats) > MAX_ENTRIES:
            break
    parsed = dates.parsed(title=title, date_field="DTSTART", unit="line")
    parsed.repeats = repeats
    return parsed


def _calendar_event(
    event: dict[str, Any], shown: str, dates: _Dates, repeats: list[tuple[int, str, str, list[str], str]]
) -> None:
    if event.get("cancelled"):
        return
    row, entry = event["row"], event["entry"]
    start = event.get("start")
    if start is None:
        dates.problems.append(log_problem(shown, "ics-no-start", row=row, entry=entry, field="DTSTART"))
        return
    found = _ICS_DAY.match(start)
    when: date | None = None
    if found is not None:
        with contextlib.suppress(ValueError):
            when = date(*(int(g) for g in found.groups()))
    if when is None:
        dates.problems.append(log_problem(shown, "ics-bad-start", row=row, entry=entry, field="DTSTART"))
        return
    text = " ".join(event["text"])[:MAX_ENTRY_TEXT]
    if event.get("rrule"):
        repeats.append((row, when.isoformat(), event["rrule"], event["exdates"], text))
    else:
        dates.fixed.append((row, when, text))


def _ics_text(value: str) -> str:
    """An iCalendar text value with its escapes undone."""
    return value.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").strip()


def _occurrences(first: date, rule: str, left_out: list[str], latest_year: int | None) -> list[date] | None:
    """The days a repeating event falls on, from its first day to the end of ``latest_year`` (at most
    :data:`MAX_REPEATS`); None when its rule cannot be read. dateutil reads the RRULE.

    Only rules whose every period has a day are expanded: dateutil looks for the next day of a rule
    that has none (February 30th) period after period up to the year 9999, seconds per rule, so such
    a rule (and the parts a meeting's rule never needs) is not read at all.
    """
    if not _expandable(rule):
        return None
    from dateutil.rrule import rrulestr

    until = datetime(latest_year if latest_year is not None else date.today().year + 1, 12, 31, 23, 59)
    excluded = set()
    for value in left_out:
        found = _ICS_DAY.match(value)
        if found is not None:
            with contextlib.suppress(ValueError):
                excluded.add(date(*(int(g) for g in found.groups())))
    days: list[date] = []
    try:
        repeat = rrulestr(_UNTIL.sub(r"\1", rule), dtstart=datetime(first.year, first.month, first.day))
        for count, when in enumerate(repeat):
            if count >= MAX_REPEATS or when > until:
                break
            if when.date() not in excluded:
                days.append(when.date())
    except Exception:  # a rule dateutil cannot read: untrusted text, and a parser that raises many kinds
        return None
    return days


_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_UNREAD_PARTS = frozenset({"BYYEARDAY", "BYWEEKNO", "BYSETPOS", "BYEASTER"})
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _expandable(rule: str) -> bool:
    """A repeat rule of days, weeks, months or years whose month days all exist in some month it names."""
    parts: dict[str, str] = {}
    for part in rule.upper().split(";"):
        name, _, value = part.partition("=")
        parts[name.strip()] = value.strip()
    if parts.get("FREQ") not in _FREQUENCIES or _UNREAD_PARTS.intersection(parts):
        return False
    try:
        months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else list(range(1, 13))
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")] if "BYMONTHDAY" in parts else [1]
        weekdays = [_WEEKDAY_PART.fullmatch(d.strip()) for d in parts.get("BYDAY", "MO").split(",")]
        times = [(name, int(v)) for name in ("BYHOUR", "BYMINUTE", "BYSECOND") for v in parts.get(name, "0").split(",")]
    except ValueError:
        return False
    if not months or not all(1 <= m <= 12 for m in months) or not all(weekdays):
        return False
    if not all(0 <= v <= (23 if name == "BYHOUR" else 59) for name, v in times):
        return False
    if not any(0 < abs(d) <= _MONTH_DAYS[m - 1] for d in days for m in months):
        return False
    # A numbered weekday ("1TU": the first Tuesday) is of the month, or of the year without BYMONTH.
    limit = 53 if parts["FREQ"] == "YEARLY" and "BYMONTH" not in parts else 5
    return all(match is not None and abs(int(match.group(1) or 1)) <= limit for match in weekdays)


_WEEKDAY_PART = re.compile(r"([+-]?[1-9][0-9]?)?(MO|TU|WE|TH|FR|SA|SU)")
