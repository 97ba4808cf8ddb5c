"""Logs (house meetings, drills, detector checks): CSV/TSV rows or YAML entries, each with a date.

Only each entry's date and row number are kept. Log rows often hold residents' initials or notes,
and nothing of that may reach a report (rule 1.B.6).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
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


def is_log(path: Path) -> bool:
    return path.suffix.lower() in LOG_SUFFIXES


def log_date(value: object) -> date:
    """Dates as operators write them in logs: 2026-10-15, 2026-10-15 19:00, or US style 10/15/2026."""
    text = str(value).strip()
    us = _US_DATE.match(text)
    if us:
        month, day, year = us.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    with_time = _ISO_WITH_TIME.match(text)
    if with_time:
        text = with_time.group(1)
    return parse_date(text)


def read_log(path: Path, shown: str, date_column: str | None = None) -> list[LogRecord]:
    """Every dated entry of a log, or a NarrError naming each bad row and what to do."""
    size = path.stat().st_size
    if size > MAX_LOG_BYTES:
        raise NarrError.single(
            f"the log is {size} bytes, more than the {MAX_LOG_BYTES} narr-audit reads",
            file=shown,
            hint="split it by year and map the recent part",
        )
    if path.suffix.lower() in (".yaml", ".yml"):
        return _read_yaml_log(path, shown, date_column or "date")
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx_log(path, shown, date_column)
    return _read_csv_log(path, shown, date_column)


def _read_xlsx_log(path: Path, shown: str, date_column: str | None) -> list[LogRecord]:
    """The first sheet of an Excel workbook: a header row, then one row per entry (row numbers as Excel shows)."""
    damaged = NarrError.single(
        "the spreadsheet is damaged, password-protected or not really an .xlsx file",
        file=shown,
        hint="open it in your spreadsheet program and save it again as .xlsx (without a password) or as CSV",
    )
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise damaged from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise NarrError.single(
            "the spreadsheet would unpack to far more data than a log holds, so narr-audit will not open it",
            file=shown,
            hint="save the log as CSV and map that",
        )
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged workbook
        raise damaged from None
    try:
        if not book.worksheets:
            raise NarrError.single("the spreadsheet has no sheet", file=shown, hint="put the log on its first sheet")
        rows = book.worksheets[0].iter_rows(values_only=True)
        first = next(rows, None)
        if first is None or not any(c is not None and str(c).strip() for c in first):
            raise NarrError.single(
                "the log's first sheet is empty or has no header row",
                file=shown,
                line=1,
                hint="put a header row with a 'date' column on the first row of the first sheet",
            )
        header = ["" if c is None else str(c) for c in first]
        column = _date_column(header, date_column, shown)
        name = header[column].strip()
        problems: list[Problem] = []
        records: list[LogRecord] = []
        for number, row in enumerate(rows, start=2):
            if not any(c is not None and str(c).strip() for c in row):
                continue
            value = row[column] if column < len(row) else None
            found, problem = _cell_date(value, number, name)
            if found is not None:
                records.append(LogRecord(date=found, row=number))
            elif problem is not None:
                problems.append(Problem(problem[0], shown, number, field=name, hint=problem[1]))
    except NarrError:
        raise
    except Exception:  # a sheet that breaks only while its rows are read
        raise damaged from None
    finally:
        book.close()
    if problems:
        raise NarrError(problems)
    return records


def _cell_date(value: object, number: int, name: str) -> tuple[date | None, tuple[str, str] | None]:
    """A log cell's date (CSV text, or a spreadsheet's date cell or text); else (None, (why, fix))."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if value is None or not str(value).strip():
        return None, (f"row {number} has no date in column '{name}'", "fill in the date or delete the row")
    if isinstance(value, (int, float)):
        return None, (
            f"row {number}: the date is stored as the number {value}",
            f"format column '{name}' as a date in your spreadsheet",
        )
    try:
        return log_date(value), None
    except ValueError as exc:
        return None, (f"row {number}: {exc}", "write dates as YYYY-MM-DD (or MM/DD/YYYY)")


def _read_csv_log(path: Path, shown: str, date_column: str | None) -> list[LogRecord]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NarrError.single(
            "the log is not UTF-8 text",
            file=shown,
            line=raw[: exc.start].count(b"\n") + 1,
            hint="in your spreadsheet, save as 'CSV UTF-8'",
        ) from None
    delimiter = LOG_SUFFIXES[path.suffix.lower()] or ","
    first_line = text.split("\n", 1)[0]
    if delimiter == "," and "," not in first_line and ";" in first_line:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise NarrError.single("the log is empty", file=shown, hint="add a header row with a 'date' column") from None
    except csv.Error as exc:
        raise NarrError.single(f"the log is not valid CSV ({exc})", file=shown, line=1) from None
    column = _date_column(header, date_column, shown)
    name = header[column].strip()
    problems: list[Problem] = []
    records: list[LogRecord] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            found, problem = _cell_date(row[column] if column < len(row) else None, line, name)
            if found is not None:
                records.append(LogRecord(date=found, row=line))
            elif problem is not None:
                problems.append(Problem(problem[0], shown, line, field=name, hint=problem[1]))
    except csv.Error as exc:
        problems.append(Problem(f"the log is not valid CSV ({exc})", shown, reader.line_num))
    if problems:
        raise NarrError(problems)
    return records


def _date_column(header: list[str], wanted: str | None, shown: str) -> int:
    names = [h.strip().lower() for h in header]
    if wanted is not None:
        if wanted.strip().lower() in names:
            return names.index(wanted.strip().lower())
        raise NarrError.single(
            f"the log has no column '{wanted}' (its columns: {', '.join(h.strip() for h in header)})",
            file=shown,
            line=1,
            field="date_column",
            hint="correct date_column in residence.yaml to one of the columns",
        )
    if "date" in names:
        return names.index("date")
    for index, name in enumerate(names):
        if re.search(r"\bdate\b", name):
            return index
    raise NarrError.single(
        f"the log has no 'date' column (its columns: {', '.join(h.strip() for h in header)})",
        file=shown,
        line=1,
        field="date",
        hint="name the column of dates 'date', or set date_column for this file in residence.yaml",
    )


def _read_yaml_log(path: Path, shown: str, key: str) -> list[LogRecord]:
    doc = read_yaml(path, display=shown)
    entries = doc.data
    base: tuple[str | int, ...] = ()
    if isinstance(entries, dict) and isinstance(entries.get("entries"), list):
        entries, base = entries["entries"], ("entries",)
    if not isinstance(entries, list):
        raise NarrError.single(
            "a YAML log must be a list of entries, each with a date (or a mapping with an 'entries' list)",
            file=shown,
            line=1,
            hint="write '- date: 2026-10-15' for each entry",
        )
    problems: list[Problem] = []
    records: list[LogRecord] = []
    for index, entry in enumerate(entries):
        line = doc.line_of((*base, index)) or 0
        value = entry.get(key) if isinstance(entry, dict) else None
        if value is None:
            problems.append(
                Problem(f"entry {index + 1} has no '{key}'", shown, line, field=key, hint=f"add '{key}: YYYY-MM-DD'")
            )
            continue
        try:
            records.append(LogRecord(date=log_date(value), row=line))
        except ValueError as exc:
            problems.append(
                Problem(str(exc), shown, doc.line_of((*base, index, key)), field=key, hint="write YYYY-MM-DD")
            )
    if problems:
        raise NarrError(problems)
    return records
