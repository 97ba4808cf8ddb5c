"""Logs (house meetings, drills, detector checks): CSV/TSV rows or YAML entries, each with a date.

Only each entry's date and row number are kept. Log rows often hold residents' initials or notes,
and nothing of that may reach a report (rule 1.B.6): a malformed log is described by file, row,
column and the kind of problem, never by a cell's text, and :func:`log_problem` builds every such
message. A log without a header row has a resident's data in its first row, so even the first
row's cells are never quoted.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from narr_audit.base.dates import parse_date
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.yamlio import read_yaml
from narr_audit.evidence.model import LogRecord

LOG_SUFFIXES = {".csv": ",", ".tsv": "\t", ".yaml": None, ".yml": None, ".xlsx": None}
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
    size = path.stat().st_size
    if size > MAX_LOG_BYTES:
        raise NarrError([log_problem(shown, "too-large", size=size, limit=MAX_LOG_BYTES)])
    if path.suffix.lower() in (".yaml", ".yml"):
        return _read_yaml_log(path, shown, date_column or "date")
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx_log(path, shown, date_column)
    return _read_csv_log(path, shown, date_column)


def _read_xlsx_log(path: Path, shown: str, date_column: str | None) -> list[LogRecord]:
    """The first sheet of an Excel workbook: a header row, then one row per entry (row numbers as Excel shows)."""
    damaged = NarrError([log_problem(shown, "xlsx-damaged")])
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise damaged from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise NarrError([log_problem(shown, "xlsx-bomb")])
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            book = load_workbook(path, read_only=True, data_only=True)
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
        problems: list[Problem] = []
        records: list[LogRecord] = []
        for number, row in enumerate(rows, start=2):
            if not any(c is not None and str(c).strip() for c in row):
                continue
            found, fault = _cell_date(row[column] if column < len(row) else None)
            if found is not None:
                records.append(LogRecord(date=found, row=number))
            else:
                problems.append(log_problem(shown, fault, row=number, column=column + 1, column_name=name))
    except NarrError:
        raise
    except Exception:  # a sheet that breaks only while its rows are read
        raise damaged from None
    finally:
        book.close()
    if problems:
        raise NarrError(problems)
    return records


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


def _read_csv_log(path: Path, shown: str, date_column: str | None) -> list[LogRecord]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NarrError([log_problem(shown, "not-utf8", row=raw[: exc.start].count(b"\n") + 1)]) from None
    delimiter = LOG_SUFFIXES[path.suffix.lower()] or ","
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
    problems: list[Problem] = []
    records: list[LogRecord] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            found, fault = _cell_date(row[column] if column < len(row) else None)
            if found is not None:
                records.append(LogRecord(date=found, row=line))
            else:
                problems.append(log_problem(shown, fault, row=line, column=column + 1, column_name=name))
    except csv.Error as exc:
        problems.append(log_problem(shown, _csv_fault(exc), row=reader.line_num))
    if problems:
        raise NarrError(problems)
    return records


def _csv_fault(exc: csv.Error) -> str:
    """The kind of CSV fault; the csv module's own message is not shown (it may quote the text)."""
    said = str(exc)
    if "NUL" in said:
        return "csv-nul"
    return "csv-long-field" if "field larger" in said else "csv-broken"


def _date_column(header: list[str], wanted: str | None, shown: str) -> int:
    """The column of dates, named in the header row. The first row may be data (a log without a
    header row): its cells are never quoted, only counted."""
    if any(_is_date(cell) for cell in header):
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


def _read_yaml_log(path: Path, shown: str, key: str) -> list[LogRecord]:
    try:
        doc = read_yaml(path, display=shown)
    except NarrError as exc:  # a YAML parser's message may quote the log's text: say only where
        raise NarrError([_yaml_problem(shown, p) for p in exc.problems]) from None
    entries = doc.data
    base: tuple[str | int, ...] = ()
    if isinstance(entries, dict) and isinstance(entries.get("entries"), list):
        entries, base = entries["entries"], ("entries",)
    if not isinstance(entries, list):
        raise NarrError([log_problem(shown, "yaml-not-a-list", row=1)])
    problems: list[Problem] = []
    records: list[LogRecord] = []
    for index, entry in enumerate(entries):
        line = doc.line_of((*base, index)) or 0
        value = entry.get(key) if isinstance(entry, dict) else None
        if value is None:
            problems.append(log_problem(shown, "yaml-no-key", row=line, entry=index + 1, column_name=key))
            continue
        found, fault = _cell_date(value if isinstance(value, str) else str(value))
        if found is not None:
            records.append(LogRecord(date=found, row=line))
        else:
            at = doc.line_of((*base, index, key))
            problems.append(log_problem(shown, fault, row=at, entry=index + 1, column_name=key))
    if problems:
        raise NarrError(problems)
    return records
