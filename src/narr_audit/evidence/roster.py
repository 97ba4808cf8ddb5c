"""The staff roster: staff.csv or staff.xlsx at the evidence folder's root, one row per person.

Columns (a header row, names in any case, spaces or hyphens for underscores): ``id`` (or
``initials``), ``role``, ``start``, ``end``, and the dated items of :data:`STAFF_ITEMS` (the date
each was last done or signed). A person is named by id or initials and role only: a column of
names is never read (it is reported as ignored), and an id that looks like a name is refused. Like
a log, a malformed roster is described by file, row, column and the kind of problem, never by a
cell's text (see :func:`narr_audit.evidence.logs.log_problem`).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from narr_audit.base.errors import NarrError, Problem
from narr_audit.evidence.logs import (
    MAX_LOG_BYTES,
    MAX_XLSX_UNPACKED_BYTES,
    _cell_date,
    _csv_fault,
    log_problem,
)
from narr_audit.evidence.model import ROLES, STAFF_ITEMS, Roster, StaffMember

# Other ways operators head the columns (normalised: lower case, underscores).
_ALIASES: dict[str, str] = {
    "initials": "id",
    "staff_id": "id",
    "employee_id": "id",
    "position": "role",
    "start_date": "start",
    "hired": "start",
    "hire_date": "start",
    "end_date": "end",
    "left": "end",
    "background": "background_check",
    "ethics": "code_of_ethics",
    "code_of_ethics_signed": "code_of_ethics",
    "cpr_certification": "cpr",
    "naloxone": "naloxone_training",
    "trauma_informed": "trauma_informed_training",
    "cultural_responsiveness": "cultural_responsiveness_training",
    "confidentiality": "confidentiality_training",
}
_ROLE_ALIASES: dict[str, str] = {
    "manager": "house_manager",
    "staff": "residential_staff",
    "peer_specialist": "peer_recovery_coach",
    "peer_support_specialist": "peer_recovery_coach",
    "recovery_coach": "peer_recovery_coach",
    "officer": "house_officer",
    "president": "house_president",
    "secretary": "house_secretary",
    "treasurer": "house_treasurer",
}
# Columns that hold people's names: never read, reported as ignored.
NAME_COLUMNS = frozenset(
    {"name", "full_name", "first_name", "last_name", "surname", "given_name", "staff_name", "employee_name", "employee"}
)
_NOTES = frozenset({"notes", "note", "comments", "comment"})
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$")
_KNOWN = ("id", "role", "start", "end", *STAFF_ITEMS)


def _normal(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _problem(
    shown: str, what: str, hint: str, *, row: int | None, column: int | None = None, name: str = ""
) -> Problem:
    """What is wrong, by row and column; ``name`` is a header, never a data cell."""
    place = []
    if row is not None and column is not None:
        place.append(f"row {row}")
    if column is not None:
        place.append(f"column {column}" + (f" ('{name}')" if name else ""))
    return Problem(f"{', '.join(place)}: {what}" if place else what, shown, row, field=name or None, hint=hint)


def read_roster(path: Path, shown: str, assessed_on: date) -> tuple[Roster, list[Problem]]:
    """The roster and its warnings (columns ignored), or a NarrError naming every bad row and column."""
    size = path.stat().st_size
    if size > MAX_LOG_BYTES:
        raise NarrError([log_problem(shown, "too-large", size=size, limit=MAX_LOG_BYTES)])
    header, rows = _read_xlsx(path, shown) if path.suffix.lower() == ".xlsx" else _read_csv(path, shown)
    columns, warned = _columns(header, shown)
    problems: list[Problem] = []
    members: list[StaffMember] = []
    seen: dict[str, int] = {}
    for number, cells in rows:
        member = _member(cells, number, columns, shown, assessed_on, problems)
        if member is None:
            continue
        key = member.id.lower()
        if key in seen:
            at = columns["id"]
            problems.append(
                _problem(
                    shown,
                    f"the id is also given on row {seen[key]}; each person is listed once",
                    "give each person their own id or initials (add a digit to tell two people apart: JD, JD2)",
                    row=number,
                    column=at + 1,
                    name=header[at].strip(),
                )
            )
            continue
        seen[key] = number
        members.append(member)
    if problems:
        raise NarrError(problems)
    return Roster(file=shown, members=members), warned


def _columns(header: Sequence[str], shown: str) -> tuple[dict[str, int], list[Problem]]:
    """Which column holds what; the id and role columns are required. Warnings for columns ignored."""
    columns: dict[str, int] = {}
    warned: list[Problem] = []
    for index, raw in enumerate(header):
        name = _normal(raw)
        if not name:
            continue
        key = _ALIASES.get(name, name)
        if key in _KNOWN:
            if key in columns:
                raise NarrError(
                    [
                        _problem(
                            shown,
                            f"the column repeats column {columns[key] + 1}",
                            "keep one column of each kind",
                            row=1,
                            column=index + 1,
                            name=raw.strip(),
                        )
                    ]
                )
            columns[key] = index
        elif name in NAME_COLUMNS:
            warned.append(
                _problem(
                    shown,
                    "this column holds names; narr-audit never reads it, and reports name staff by id or initials "
                    "and role only",
                    "delete the column of names: the id column (initials or a staff number) is all the roster needs",
                    row=1,
                    column=index + 1,
                    name=raw.strip(),
                )
            )
        elif name not in _NOTES:
            warned.append(
                _problem(
                    shown,
                    "this is not a roster column, so it is ignored",
                    "the columns are: id (or initials), role, start, end, " + ", ".join(STAFF_ITEMS),
                    row=1,
                    column=index + 1,
                    name=raw.strip(),
                )
            )
    missing = [k for k in ("id", "role") if k not in columns]
    if missing:
        what = " and ".join(f"'{k}'" for k in missing)
        raise NarrError(
            [
                Problem(
                    f"the first row has no {what} column (it has {len(header)} column(s)); if that row is data, "
                    "the roster has no header row",
                    shown,
                    1,
                    field=missing[0],
                    hint="start the roster with a header row: id,role,start,end," + ",".join(STAFF_ITEMS),
                )
            ]
        )
    return columns, warned


def _member(
    cells: Sequence[object],
    number: int,
    columns: dict[str, int],
    shown: str,
    assessed_on: date,
    problems: list[Problem],
) -> StaffMember | None:
    """One row as a staff member, or None with its problems added."""

    def cell(key: str) -> object:
        index = columns[key]
        return cells[index] if index < len(cells) else None

    def bad(key: str, what: str, hint: str) -> None:
        problems.append(_problem(shown, what, hint, row=number, column=columns[key] + 1, name=key))

    before = len(problems)
    raw_id = cell("id")
    ident = "" if raw_id is None else (str(int(raw_id)) if isinstance(raw_id, float) else str(raw_id)).strip()
    if not ident:
        bad("id", "the id is missing", "give the person's initials or staff number")
    elif not _ID.match(ident):
        bad(
            "id",
            "the id is not initials or a staff number (letters, digits, '.', '-' or '_', at most 12, no spaces)",
            "write initials (JD) or a staff number (S-04), never a name",
        )
    raw_role = cell("role")
    role_text = _normal("" if raw_role is None else str(raw_role))
    role = _ROLE_ALIASES.get(role_text, role_text)
    if not role:
        bad("role", "the role is missing", "write the person's role")
    elif role not in ROLES:
        bad("role", "the role is not one narr-audit knows", "use one of: " + ", ".join(ROLES))
    dates: dict[str, date] = {}
    for key in ("start", "end", *STAFF_ITEMS):
        if key not in columns:
            continue
        value = cell(key)
        if value is None or not str(value).strip():
            continue
        found, fault = _cell_date(value)
        if found is None:
            problems.append(log_problem(shown, fault, row=number, column=columns[key] + 1, column_name=key))
            continue
        if key != "end" and found > assessed_on:
            bad(
                key,
                f"the date is after the assessment date {assessed_on}",
                "correct the date, or run with the assessment date it belongs to (--as-of)",
            )
            continue
        dates[key] = found
    start, end = dates.pop("start", None), dates.pop("end", None)
    if start is not None and end is not None and end < start:
        bad("end", "the end date is before the start date", "correct one of the two dates")
    if len(problems) > before:
        return None
    return StaffMember(id=ident, role=role, start=start, end=end, items=dates, row=number)


def _read_csv(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[object]]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NarrError([log_problem(shown, "not-utf8", row=raw[: exc.start].count(b"\n") + 1)]) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if "," not in first_line and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[object]]] = []
    try:
        header = next(reader, None)
        if header is None:
            raise NarrError([log_problem(shown, "empty")])
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, list(row)))
    except csv.Error as exc:
        raise NarrError([log_problem(shown, _csv_fault(exc), row=reader.line_num)]) from None
    return header, rows


def _read_xlsx(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[object]]]]:
    """The first sheet: a header row, then one row per person (row numbers as the spreadsheet shows)."""
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
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged workbook
        raise damaged from None
    try:
        if not book.worksheets:
            raise NarrError([log_problem(shown, "xlsx-no-sheet")])
        found = book.worksheets[0].iter_rows(values_only=True)
        first = next(found, None)
        if first is None or not any(c is not None and str(c).strip() for c in first):
            raise NarrError([log_problem(shown, "xlsx-no-header", row=1)])
        header = ["" if c is None else str(c) for c in first]
        rows = [
            (number, list(row))
            for number, row in enumerate(found, start=2)
            if any(c is not None and str(c).strip() for c in row)
        ]
    except NarrError:
        raise
    except Exception:  # a sheet that breaks only while its rows are read
        raise damaged from None
    finally:
        book.close()
    return header, rows


__all__ = ["NAME_COLUMNS", "read_roster"]
