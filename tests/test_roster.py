"""The staff roster (staff.csv / staff.xlsx): who is on the staff, per-person items, bad rosters.

A roster names people by id or initials and role only; every problem with it is told by file, row
and column, never by quoting a cell.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit, load_evidence
from narr_audit.base.errors import NarrError

from .conftest import run_cli
from .folders import make_folder

HEADER = "id,role,start,end,background_check,code_of_ethics,naloxone_training\n"
TODAY = date(2026, 11, 1)

# An overlay that makes the roster the only evidence of background checks (an affiliate's 12 months).
STRICT = """\
overlay: strict-staff
title: An affiliate that wants a background check from the last 12 months for every staff member
affiliate: Strict Affiliate
prefix: ST
summary: Background checks from the last 12 months, per current staff member, from the roster.
change:
  - id: 1.A.2.f
    why: The affiliate asks for a background check from the last 12 months for every staff member.
    levels: {required: [II, III, IV], not_applicable: [I]}
    evidence:
      - kind: staff
        label: Background check within 12 months for each current staff member
        item: background_check
        within_days: 365
"""


def _folder(tmp_path: Path, roster: str, *, name: str = "staff.csv", level: str = "IV") -> Path:
    return make_folder(tmp_path / "house", files={name: roster}, level=level)


def _problems(folder: Path) -> list[str]:
    with pytest.raises(NarrError) as caught:
        load_evidence(folder, today=TODAY)
    return [p.render() for p in caught.value.problems]


def test_a_roster_is_read_per_person_and_is_not_an_unmapped_file(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        HEADER + "S-01,House manager,2024-01-08,,2026-01-10,2024-01-08,2026-03-01\n"
        "JD,peer-recovery-coach,2025-05-01,2026-06-30,2025-05-01,2025-05-01,\n",
    )
    evidence = load_evidence(folder, today=TODAY).evidence
    assert evidence.roster is not None
    assert [(m.id, m.role, m.row) for m in evidence.roster.members] == [
        ("S-01", "house_manager", 2),
        ("JD", "peer_recovery_coach", 3),
    ]
    assert [m.id for m in evidence.roster.current(TODAY)] == ["S-01"]  # JD left in June
    assert "staff.csv" not in evidence.unmapped
    assert evidence.warnings == []


def test_an_expired_background_check_is_a_gap_where_the_affiliate_relies_on_the_roster(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        HEADER
        + "S-01,house_manager,2020-01-01,,2026-02-01,2020-01-01,\n"
        + "S-02,residential_staff,2021-01-01,,2024-09-30,,\n",
    )
    overlay = tmp_path / "strict.yaml"
    overlay.write_text(STRICT, encoding="utf-8")
    result = audit(folder, today=TODAY, overlays=[str(overlay)]).result("1.A.2.f")
    assert result is not None
    assert result.status == "partial"
    assert "S-02 (residential staff): background check on 2024-09-30, 762 days ago (at most 365 days)" in result.reason
    assert result.missing == ["a background check within 365 days for S-02 (residential staff)"]


def test_a_leaver_is_not_counted(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        HEADER
        + "S-01,house_manager,2020-01-01,,2026-02-01,,\n"
        + "S-02,residential_staff,2019-01-01,2026-08-31,2019-01-01,,\n",
    )
    overlay = tmp_path / "strict.yaml"
    overlay.write_text(STRICT, encoding="utf-8")
    result = audit(folder, today=TODAY, overlays=[str(overlay)]).result("1.A.2.f")
    assert result is not None and result.status == "met", result.reason


def test_a_missing_ethics_signature_names_the_person_and_the_site_visit_still_decides(tmp_path: Path) -> None:
    roster = HEADER + "S-01,house_manager,2020-01-01,,2026-02-01,2020-01-01,\n" + "KL,nurse,2022-02-01,,,,\n"
    folder = _folder(tmp_path, roster)
    result = audit(folder, today=TODAY).result("1.A.2.i")
    assert result is not None
    roster_item = next(c for c in result.checks if c.kind == "any_of")
    staff = next(a for a in roster_item.alternatives if a.kind == "staff")
    assert staff.status == "partial"
    assert "KL (nurse): no signed code of ethics date" in staff.reason
    assert roster_item.status == "awaiting_site_visit"  # the reviewer may still see signed copies on file


def test_a_complete_roster_meets_the_staff_items_without_the_site_visit(tmp_path: Path) -> None:
    folder = _folder(tmp_path, HEADER + "S-01,house_manager,2020-01-01,,2026-02-01,2020-01-01,2026-03-01\n")
    report = audit(folder, today=TODAY)
    for rule_id in ("1.A.2.i", "2.F.19.d"):
        result = report.result(rule_id)
        assert result is not None
        item = next(c for c in result.checks if c.kind == "any_of" and any(a.kind == "staff" for a in c.alternatives))
        assert item.status == "met", (rule_id, item.reason)


def test_a_binder_without_a_roster_is_judged_as_before(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", level="IV")
    result = audit(folder, today=TODAY).result("1.A.2.f")
    assert result is not None
    item = next(c for c in result.checks if c.kind == "any_of")
    assert item.status == "awaiting_site_visit"


def test_a_level_one_house_reads_its_house_officers(tmp_path: Path) -> None:
    roster = (
        HEADER
        + "P1,house president,2025-01-01,,,2025-01-05,2026-02-01\n"
        + "T1,treasurer,2025-03-01,,,2025-03-01,2026-02-01\n"
    )
    folder = _folder(tmp_path, roster, level="I")
    report = audit(folder, today=TODAY)
    ethics = report.result("1.A.2.i")
    assert ethics is not None
    item = next(c for c in ethics.checks if c.kind == "any_of")
    assert item.status == "met"
    assert "2 current house officers, each with a signed code of ethics on file" in item.reason
    background = report.result("1.A.2.f")
    assert background is not None and background.status == "not_applicable"


def test_a_level_one_officer_without_naloxone_training_falls_short(tmp_path: Path) -> None:
    roster = (
        HEADER
        + "P1,house_president,2025-01-01,,,2025-01-05,2026-02-01\n"
        + "S1,house_secretary,2025-03-01,,,2025-03-01,\n"
    )
    folder = _folder(tmp_path, roster, level="I")
    result = audit(folder, today=TODAY).result("2.F.19.d")
    assert result is not None
    item = next(c for c in result.checks if c.kind == "any_of")
    staff = next(a for a in item.alternatives if a.kind == "staff")
    assert staff.status == "partial" and "S1 (house secretary): no naloxone training date" in staff.reason


def test_a_duplicated_id_names_both_rows(tmp_path: Path) -> None:
    folder = _folder(tmp_path, HEADER + "JD,house_manager,,,,,\nAB,nurse,,,,,\njd,counselor,,,,,\n")
    assert _problems(folder) == [
        "staff.csv:4: field 'id': row 4, column 1 ('id'): the id is also given on row 2; each person is listed once\n"
        "    fix: give each person their own id or initials (add a digit to tell two people apart: JD, JD2)"
    ]


def test_a_date_after_the_assessment_date_is_an_error_with_row_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path, HEADER + "JD,house_manager,2024-01-01,,2026-12-15,,\n")
    (problem,) = _problems(folder)
    assert problem.startswith(
        "staff.csv:2: field 'background_check': row 2, column 5 ('background_check'): the date is after the "
        "assessment date 2026-11-01"
    )


def test_an_end_date_still_to_come_is_allowed(tmp_path: Path) -> None:
    folder = _folder(tmp_path, HEADER + "JD,house_manager,2024-01-01,2027-03-31,2026-01-15,,\n")
    roster = load_evidence(folder, today=TODAY).evidence.roster
    assert roster is not None and [m.id for m in roster.current(TODAY)] == ["JD"]


def test_an_unknown_role_is_an_error_that_lists_the_roles_and_quotes_no_cell(tmp_path: Path) -> None:
    folder = _folder(tmp_path, HEADER + "JD,Chief Wizard Mary Smith,,,,,\n")
    (problem,) = _problems(folder)
    assert "staff.csv:2: field 'role': row 2, column 2 ('role'): the role is not one narr-audit knows" in problem
    assert "house_officer" in problem
    assert "Wizard" not in problem and "Mary" not in problem


def test_an_id_that_is_a_full_name_is_refused_without_repeating_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path, HEADER + "Maria Gonzalez,house_manager,,,,,\n")
    (problem,) = _problems(folder)
    assert "row 2, column 1 ('id'): the id is not initials or a staff number" in problem
    assert "Maria" not in problem


def test_a_column_of_names_is_ignored_with_a_warning_and_never_reaches_a_report(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "id,name,role,code_of_ethics\nJD,Maria Gonzalez,house_manager,2025-01-01\n")
    report = audit(folder, today=TODAY)
    warning = next(w for w in report.warnings if w.file == "staff.csv")
    assert "column 2 ('name'): this column holds names; narr-audit never reads it" in warning.message
    from narr_audit.formats.report import FORMATS, render

    for name in FORMATS:
        assert "Maria" not in render(report, name)


def test_a_bad_date_cell_is_described_without_its_text(tmp_path: Path) -> None:
    folder = _folder(tmp_path, HEADER + "JD,house_manager,2024-02-30,,,,\n")
    (problem,) = _problems(folder)
    assert "row 2, column 3 ('start'): the date is not a real date: its month has no such day" in problem


def test_a_roster_without_a_header_row_says_so(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "JD,house_manager,2024-01-01\n")
    (problem,) = _problems(folder)
    assert "staff.csv:1: field 'id': the first row has no 'id' and 'role' column" in problem


def test_two_rosters_are_refused(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", files={"staff.csv": HEADER, "staff.xlsx": b"not a workbook"})
    (problem,) = _problems(folder)
    assert "two staff rosters (staff.csv and staff.xlsx)" in problem


def test_an_xlsx_roster_reads_date_cells_and_numbers_rows_as_the_spreadsheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Role", "Start", "Background check"])
    sheet.append(["S-01", "house_manager", date(2024, 1, 8), date(2026, 1, 10)])
    sheet.append([None, None, None, None])
    sheet.append([1042, "nurse", date(2025, 2, 1), date(2025, 2, 1)])
    folder = make_folder(tmp_path / "house", level="IV")
    book.save(folder / "staff.xlsx")
    roster = load_evidence(folder, today=TODAY).evidence.roster
    assert roster is not None
    assert [(m.id, m.row, m.items) for m in roster.members] == [
        ("S-01", 2, {"background_check": date(2026, 1, 10)}),
        ("1042", 4, {"background_check": date(2025, 2, 1)}),
    ]


@pytest.mark.cli
def test_check_exits_2_with_the_roster_problems(tmp_path: Path) -> None:
    folder = _folder(tmp_path, HEADER + "JD,house_manager,,,,,\nJD,nurse,,,,,\nAB,wizard,,,,,\n")
    run = run_cli("check", str(folder), "--no-cache")
    assert run.exit_code == 2
    assert "staff.csv:3" in run.stderr and "staff.csv:4" in run.stderr
    assert "Traceback" not in run.stderr
