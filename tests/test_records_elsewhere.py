"""Records found in files not mapped to a rule: `narr-audit due` sees them as `check` does, labels their dates
as found in a file not mapped to the rule, and says once per file how their dates were read.

The binder is the one a new operator brings: a drill log and house-meeting minutes printed to PDF, with US
dates that could be read either way, mapped to nothing; a chore rota with such dates that no rule asks for.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit, due_list
from narr_audit.checks.elsewhere import FOUND_ELSEWHERE
from narr_audit.formats.due import render as render_due
from narr_audit.formats.report import render
from narr_audit.results.report import Report

from .folders import make_folder
from .test_records_layout import RESIDENT, table_pdf

TODAY = date(2026, 11, 1)
DRILL_LOG = "safety/drill-log.pdf"
MINUTES = "governance/house-meetings.pdf"
ROTA = "house/chore-rota.pdf"
# Every date could be read day first: each is read month first, as in the US, and said so.
DRILLS = [
    ("Type", "Date", "Time to clear", "Led by"),
    ("Fire drill", "Sat 01/10/2026", "2 min 10 s", RESIDENT),
    ("Fire drill", "Sat 04/11/2026", "2 min 40 s", "K. L."),
    ("Fire drill", "Sun 07/12/2026", "1 min 55 s", "J. M."),
    ("Fire drill", "Wed 10/07/2026", "2 min 05 s", "J. M."),
]
MEETINGS = [("Week", "Date", "Chair", "Present")] + [
    (f"Week {n}", f"Mon {day}", RESIDENT if n % 2 else "R-02", "7 of 8")
    for n, day in enumerate(["10/05/2026", "10/12/2026", "10/19/2026", "10/26/2026"], start=41)
]
ROTA_ROWS = [("Chore", "Week of", "Who")] + [
    (chore, day, RESIDENT) for chore, day in (("Kitchen", "02/03/2026"), ("Bathroom", "02/10/2026"))
]


def binder(tmp_path: Path) -> Path:
    return make_folder(
        tmp_path / "binder",
        files={
            DRILL_LOG: table_pdf("Fire drill log - 2026", DRILLS),
            MINUTES: table_pdf("House meeting minutes", MEETINGS),
            ROTA: table_pdf("Chore rota", ROTA_ROWS),
            "policies/house-rules.md": "# House rules\n\nNo alcohol or drugs on the property.\n",
        },
        evidence=[{"file": "policies/house-rules.md", "rules": ["1.C.7.a"]}],
        level="III",
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return binder(tmp_path_factory.mktemp("elsewhere"))


@pytest.fixture(scope="module")
def report(folder: Path) -> Report:
    return audit(folder, today=TODAY)


def test_due_lists_the_next_drill_from_a_log_mapped_to_no_rule_and_says_so(folder: Path) -> None:
    listed = due_list([folder], within=90, today=TODAY)
    (drill,) = [i for i in listed.items if i.kind == "log" and i.file == DRILL_LOG]  # not as a detector log too
    assert drill.due == date(2027, 1, 15)  # the last drill (2026-10-07) plus the 100 days 2.F.17.c allows
    assert drill.rules == ["2.F.17.c"]
    assert drill.key == f"log:{DRILL_LOG}:unmapped"  # apart from the file's own rules, were it mapped
    assert FOUND_ELSEWHERE in drill.detail
    assert f"- {{file: {DRILL_LOG}, rules: [2.F.17.c]}}" in drill.detail
    assert f"{DRILL_LOG}: page 1, the entry dated 2026-01-10 (and 3 more): its date could be read" in drill.detail
    assert "read as month/day, as in the US (so 2026-01-10)" in drill.detail


def test_due_lists_the_next_house_meeting_once_for_every_rule_that_found_the_minutes(folder: Path) -> None:
    listed = due_list([folder], within=90, today=TODAY)
    (meeting,) = [i for i in listed.items if i.kind == "log" and i.file == MINUTES]
    assert meeting.due == date(2026, 11, 3)  # 2026-10-26 plus the weekly rule's 8 days
    assert "3.I.27.e" in meeting.rules and "1.C.7.a" in meeting.rules  # house rules are mapped; minutes not
    assert FOUND_ELSEWHERE in meeting.detail
    assert ROTA not in " ".join(i.file or "" for i in listed.items)


def test_due_never_shows_a_cell_of_the_records(folder: Path) -> None:
    listed = due_list([folder], within=90, today=TODAY)
    for fmt in ("terminal", "markdown", "json", "csv", "ics"):
        assert RESIDENT not in render_due(listed, fmt), fmt


def test_check_reports_how_the_dates_of_a_record_it_used_were_read_once_per_file(report: Report) -> None:
    drills = report.result("2.F.17.c")
    assert drills is not None
    drill_refs = [e for e in drills.evidence if e.file == DRILL_LOG]
    assert drill_refs and all(e.unmapped for e in drill_refs)
    said = [w for w in report.warnings if "could be read as day/month or as month/day" in w.message]
    assert sorted(w.file or "" for w in said) == [MINUTES, DRILL_LOG]  # once each, though four rules read minutes
    by_file = {w.file: w for w in said}
    assert by_file[DRILL_LOG].message == (
        "page 1, the entry dated 2026-01-10 (and 3 more): its date could be read as day/month or as month/day; "
        "read as month/day, as in the US (so 2026-01-10)"
    )
    assert "YYYY-MM-DD" in (by_file[DRILL_LOG].hint or "")


def test_a_record_no_check_used_is_not_warned_about(report: Report) -> None:
    assert not any(w.file == ROTA for w in report.warnings)


def test_no_report_format_shows_a_cell_of_the_records(report: Report) -> None:
    for fmt in ("json", "markdown", "html"):
        assert RESIDENT not in render(report, fmt), fmt
