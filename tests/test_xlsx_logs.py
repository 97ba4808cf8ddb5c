"""Logs kept in Excel (.xlsx), as many operators keep them: dates read from date cells or text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from narr_audit.api import audit
from narr_audit.base.errors import NarrError
from narr_audit.evidence.logs import read_log

from .folders import make_folder


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_date_cells_text_dates_and_blank_rows(tmp_path: Path) -> None:
    log = workbook(
        tmp_path / "drills.xlsx",
        [
            ["Drill date", "Led by", "Residents present"],
            [datetime(2026, 1, 10, 19, 0), "House manager", 6],
            [date(2026, 4, 11), "House manager", 7],
            [None, None, None],
            ["07/12/2026", "Senior resident", 5],
        ],
    )
    records = read_log(log, "logs/drills.xlsx")
    assert [(r.date, r.row) for r in records] == [
        (date(2026, 1, 10), 2),
        (date(2026, 4, 11), 3),
        (date(2026, 7, 12), 5),
    ]


@pytest.mark.parametrize(
    ("cell", "message", "hint"),
    [
        (None, "row 3, column 1 ('Date'): the date is missing", "fill in the date"),
        ("2026-02-30", "row 3, column 1 ('Date'): the date is not a real date", "YYYY-MM-DD"),
        (45200, "row 3, column 1 ('Date'): the date is stored as a number", "format the column as a date"),
    ],
)
def test_a_bad_row_is_named_with_its_column(tmp_path: Path, cell: object, message: str, hint: str) -> None:
    log = workbook(tmp_path / "log.xlsx", [["Date", "Who"], [date(2026, 1, 1), "HM"], [cell, "HM"]])
    with pytest.raises(NarrError) as caught:
        read_log(log, "logs/log.xlsx")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("logs/log.xlsx", 3, "Date")
    assert message in problem.message and hint in (problem.hint or "")


def test_no_date_column_and_empty_sheet(tmp_path: Path) -> None:
    with pytest.raises(NarrError, match="has no 'date' column"):
        read_log(workbook(tmp_path / "a.xlsx", [["When", "Who"], ["2026-01-01", "x"]]), "a.xlsx")
    with pytest.raises(NarrError, match="first sheet is empty"):
        read_log(workbook(tmp_path / "b.xlsx", []), "b.xlsx")


def test_a_damaged_or_protected_workbook_says_what_to_do(tmp_path: Path) -> None:
    broken = tmp_path / "log.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(NarrError) as caught:
        read_log(broken, "logs/log.xlsx")
    assert "damaged, password-protected" in caught.value.problems[0].message
    assert "save it again" in (caught.value.problems[0].hint or "")


def test_an_xlsx_log_counts_for_a_rule(tmp_path: Path) -> None:
    rows: list[list[object]] = [["date", "facilitator"]] + [[date(2026, 10, d), "HM"] for d in (4, 11, 18, 25)]
    folder = make_folder(tmp_path / "house", evidence=[{"file": "logs/meetings.xlsx", "rules": ["3.I.27.e"]}])
    (folder / "logs").mkdir()
    workbook(folder / "logs" / "meetings.xlsx", rows)
    result = audit(folder, today=date(2026, 11, 1)).result("3.I.27.e")
    assert result is not None
    log_check = next(c for c in result.checks if c.kind == "log")
    assert log_check.status == "met", log_check.reason
    assert "4 dated entries, the last on 2026-10-25" in log_check.reason
