"""Records as operators export them: a spreadsheet printed to PDF with its date in any column, and a month
calendar drawn as a grid (PDF or pasted text). Each test builds a small binder the way an operator keeps
it; the reviewer's question is the same: which dated entries are there, of what kind, and read how.

A stray date in a policy's prose, a numbered list or a table of amounts under a month's title never
becomes a record; a calendar that cannot be read says so and the rest of the run goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narr_audit.base.statuses import Status
from narr_audit.checks.elsewhere import Binder
from narr_audit.checks.interface import Context, Outcome
from narr_audit.checks.log import LogCheck, evaluate
from narr_audit.evidence.content import Unreadable
from narr_audit.evidence.model import Document, Evidence
from narr_audit.standards.loader import load_rulebook
from narr_audit.workflows.audit import load_evidence

from .folders import make_folder

ASSESSED = date(2026, 11, 1)
VOCABULARY = load_rulebook().concepts
DRILLS = "2.F.17.c"  # detectors, extinguishers and drills
HOUSE_MEETINGS = "3.I.27.e"  # the weekly house meeting rule
SOCIAL = "3.I.28.c"  # social events
RESIDENT = "Marisol Quintero"  # a resident's name written in the records: never in any output

DRILL_CHECK = LogCheck(label="Fire drill log", max_gap_days=100, record="fire_drill")
MEETING_CHECK = LogCheck(
    label="House meeting minutes", min_entries=4, within_days=31, max_gap_days=8, record="house_meeting"
)
SOCIAL_CHECK = LogCheck(label="Calendar of social events", min_entries=2, within_days=92, record="social_event")


def load(folder: Path) -> Evidence:
    return load_evidence(folder, today=ASSESSED).evidence


def document(evidence: Evidence, path: str) -> Document:
    (found,) = [d for d in [*evidence.documents, *evidence.unmapped_documents] if d.path == path]
    return found


def judged(evidence: Evidence, rule: str, check: LogCheck) -> Outcome:
    """The check as the engine runs it: the rule's own files, and the rest of the binder to look through."""
    mapped = tuple(d for d in evidence.documents if rule in d.rules)
    binder = Binder([*evidence.documents, *evidence.unmapped_documents])
    ctx = Context(
        rule_id=rule,
        assessed_on=evidence.assessed_on,
        documents=mapped,
        vocabulary=VOCABULARY,
        elsewhere=binder.elsewhere(mapped),
    )
    return evaluate(check, ctx)


def table_pdf(title: str, rows: Sequence[Sequence[str]], *, prose: Sequence[str] = ()) -> bytes:
    """A spreadsheet printed to PDF: a title, paragraphs of running text, then bordered cells row by row."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    pdf.cell(text=title, new_x="LMARGIN", new_y="NEXT")
    for paragraph in prose:
        pdf.multi_cell(w=0, h=6, text=paragraph, new_x="LMARGIN", new_y="NEXT")
    for row in rows:
        for cell in row:
            pdf.cell(w=190 / len(row), h=8, text=cell, border=1)
        pdf.ln()
    return bytes(pdf.output())


def grid_pdf(
    title: str,
    first_weekday: int,
    length: int,
    events: dict[int, str],
    *,
    weeks_a_page: int | None = None,
    names_again: bool = False,
    footer: str | None = None,
    numbers_right: bool = False,
) -> bytes:
    """A month calendar printed from a calendar program: a title, a row of weekday names (Sunday first),
    then a box per day with its number at the top and its event below (``first_weekday``: the 1st's
    column, Sunday 0). With ``weeks_a_page``, the weeks go on on a new page after that many (a page
    header at its top, and the weekday names again with ``names_again``)."""
    from fpdf import FPDF

    names = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
    pdf = FPDF(orientation="L")
    pdf.set_font("helvetica", size=9)
    pdf.add_page()
    pdf.cell(text=title, new_x="LMARGIN", new_y="NEXT")
    for name in names:
        pdf.cell(w=38, h=7, text=name, border=1)
    pdf.ln()
    day = 1 - first_weekday
    week = 0
    while day <= length:
        if weeks_a_page and week and week % weeks_a_page == 0:
            pdf.add_page()
            pdf.cell(text="Maple House - activities (continued)", new_x="LMARGIN", new_y="NEXT")
            for name in names if names_again else ():
                pdf.cell(w=38, h=7, text=name, border=1)
            pdf.ln()
        week += 1
        top, left = pdf.get_y(), pdf.l_margin
        for column in range(7):
            x = left + column * 38
            pdf.rect(x, top, 38, 20)
            if 1 <= day <= length:
                pdf.set_xy(x + 1, top + 1)
                pdf.cell(w=36 if numbers_right else 0, text=str(day), align="R" if numbers_right else "L")
                if day in events:
                    pdf.set_xy(x + 1, top + 8)
                    pdf.cell(text=events[day])
            day += 1
        pdf.set_xy(left, top + 20)
    if footer:
        pdf.set_xy(left + 6 * 38 + 1, pdf.get_y() + 6)  # under the last column, as a printed note would be
        pdf.cell(text=footer)
    return bytes(pdf.output())


# --- a table printed to PDF, its date not in the first column ----------------------------------------------


DRILL_ROWS = [
    ("Type", "Date", "Time to clear", "Led by"),
    ("Fire drill", "Sat 01/10/2026", "2 min 10 s", RESIDENT),
    ("Fire drill", "Tue 04/14/2026", "2 min 40 s", "K. L."),
    ("Fire drill", "Sun 07/12/2026", "1 min 55 s", "J. M."),
    ("Fire drill", "Wed 10/07/2026", "2 min 05 s", "J. M."),
]


def test_a_drill_log_printed_to_pdf_with_its_date_in_the_second_column_is_a_record(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={"safety/drill-log.pdf": table_pdf("Fire drill log - 2026", DRILL_ROWS)},
        evidence=[{"file": "safety/drill-log.pdf", "rules": [DRILLS]}],
    )
    evidence = load(folder)
    drills = document(evidence, "safety/drill-log.pdf")
    assert [r.date for r in drills.records] == [
        date(2026, 1, 10),
        date(2026, 4, 14),
        date(2026, 7, 12),
        date(2026, 10, 7),
    ]
    assert drills.records[0].where == "page 1, the entry dated 2026-01-10"
    outcome = judged(evidence, DRILLS, DRILL_CHECK)
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason == "safety/drill-log.pdf: 4 dated entries, the last on 2026-10-07"
    said = " ".join([outcome.reason, *(w.message for w in evidence.warnings), *(r.where or "" for r in drills.records)])
    assert RESIDENT not in said


def test_rows_pasted_as_text_with_the_date_in_a_middle_column_are_entries(tmp_path: Path) -> None:
    weeks = [(36 + n, date(2026, 9, 7 + 7 * n) if n < 4 else date(2026, 10, 5 + 7 * (n - 4))) for n in range(8)]
    rows = "".join(f"Week {w} | {d.isoformat()} | house meeting, 7 of 8 present\n" for w, d in weeks)
    folder = make_folder(
        tmp_path / "binder",
        files={"governance/meetings.txt": "Meetings this autumn\n\n" + rows},
        evidence=[{"file": "governance/meetings.txt", "rules": [HOUSE_MEETINGS]}],
    )
    evidence = load(folder)
    meetings = document(evidence, "governance/meetings.txt")
    assert [r.date for r in meetings.records] == [d for _, d in weeks]
    assert meetings.records[0].where == "the row dated 2026-09-07"
    outcome = judged(evidence, HOUSE_MEETINGS, MEETING_CHECK)
    assert outcome.status == Status.met, outcome.reason


POLICY_PROSE = [
    "This fire safety policy took effect on 01/05/2026 after the owner approved it, and every resident is told "
    "of it at intake. Drills are held each quarter and the house manager keeps the drill log in the office.",
    "The policy was last reviewed on 06/01/2026 by the owner and the house manager; the next review of the "
    "policy is due by 06/01/2027 or sooner when the house changes. Questions go to the house manager first.",
]
# One date a line, each after the same number of words: a document's own fields, not rows.
FIELDS = ["Effective date: 01/05/2026", "Review date: 06/01/2026", "Expiry date: 06/01/2027"]


def policy_pdf(*, with_table: bool) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    pdf.cell(text="Fire safety policy", new_x="LMARGIN", new_y="NEXT")
    for field in FIELDS:
        pdf.cell(text=field, new_x="LMARGIN", new_y="NEXT")
    for paragraph in POLICY_PROSE:
        pdf.multi_cell(w=0, h=6, text=paragraph, new_x="LMARGIN", new_y="NEXT")
    if with_table:
        for row in DRILL_ROWS:
            for cell in row:
                pdf.cell(w=190 / len(row), h=8, text=cell, border=1)
            pdf.ln()
    return bytes(pdf.output())


def test_dates_in_a_policys_prose_and_fields_do_not_make_it_a_log_but_its_drill_table_does(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={
            "policies/fire-policy.pdf": policy_pdf(with_table=False),
            "policies/fire-plan.pdf": policy_pdf(with_table=True),
        },
        evidence=[
            {"file": "policies/fire-policy.pdf", "rules": [DRILLS]},
            {"file": "policies/fire-plan.pdf", "rules": [DRILLS]},
        ],
    )
    evidence = load(folder)
    assert document(evidence, "policies/fire-policy.pdf").records == []
    with_table = document(evidence, "policies/fire-plan.pdf")
    assert [r.date for r in with_table.records] == [
        date(2026, 1, 10),
        date(2026, 4, 14),
        date(2026, 7, 12),
        date(2026, 10, 7),
    ]


def test_a_header_line_naming_a_date_column_makes_two_rows_a_table_but_one_row_is_only_a_line() -> None:
    from narr_audit.evidence.content import Extracted, Segment
    from narr_audit.evidence.records import document_entries

    def entries(text: str) -> list[date]:
        found = document_entries(Extracted("pdf", (Segment("page 1", text),)), "x.pdf", latest_year=2027)
        return [r.date for r in found.records]

    header = "Activity Date held Attendance\n"
    assert entries(header + "Bowling night 2026-10-03 6\nCookout 2026-10-17 9\n") == [
        date(2026, 10, 3),
        date(2026, 10, 17),
    ]
    assert entries(header + "Bowling night 2026-10-03 6\nNo other events this month.\n") == []
    assert entries("Revision dates\nAdopted 2026-01-05\nReviewed 2026-06-01\n") == []  # a document's own history


# --- month calendars drawn as a grid ------------------------------------------------------------------------


SEPTEMBER = {7: "House meeting 7pm", 11: "Movie night", 14: "House meeting 7pm", 19: "Cookout in the yard"}
# Saturdays, in the grid's last column, as the words of a whole row would be: told to their day because the
# meeting on Tuesday the 6th shows the calendar is read cell by cell.
OCTOBER = {3: "Bowling night", 6: "House meeting 7pm", 17: "Potluck with alumni", 31: "Halloween party"}
# A calendar of weekly meetings: every event in one column. Its text layer gives each row's numbers on one
# line and the week's one event on the next, which alone cannot say whose day it is; where the words sit
# on the page does.
SATURDAYS = {5: "House meeting 7pm", 12: "House meeting 7pm", 19: "House meeting 7pm", 26: "House meeting 7pm"}
MONDAYS = {7: "House meeting", 14: "House meeting", 21: "House meeting", 28: "House meeting"}


def test_a_month_calendar_printed_to_pdf_gives_each_days_event_its_date(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={
            "schedule/september.pdf": grid_pdf("House calendar - September 2026", 2, 30, SEPTEMBER),
            "schedule/october.pdf": grid_pdf("October 2026", 4, 31, OCTOBER),
        },
        evidence=[{"file": f"schedule/{m}.pdf", "rules": [SOCIAL]} for m in ("september", "october")],
    )
    evidence = load(folder)
    september = document(evidence, "schedule/september.pdf")
    assert [(r.date, r.where) for r in september.records] == [
        (date(2026, 9, 7), "page 1, the entry dated 2026-09-07"),
        (date(2026, 9, 11), "page 1, the entry dated 2026-09-11"),
        (date(2026, 9, 14), "page 1, the entry dated 2026-09-14"),
        (date(2026, 9, 19), "page 1, the entry dated 2026-09-19"),
    ]  # the other 26 days hold only their number: no entry
    assert [r.date for r in document(evidence, "schedule/october.pdf").records] == [
        date(2026, 10, 3),
        date(2026, 10, 6),
        date(2026, 10, 17),
        date(2026, 10, 31),
    ]
    assert evidence.warnings == []
    social = judged(evidence, SOCIAL, SOCIAL_CHECK)
    assert social.status == Status.met, social.reason
    assert "(its social events)" in social.reason  # the meetings on the same calendar do not count as events


_OVER_A_BREAK = {  # events -> (date, page) of each entry, the grid's first three weeks on page 1
    "events-on-several-days": (
        {**SEPTEMBER, 24: "Bowling night", 28: "House meeting 7pm"},
        [(7, 1), (11, 1), (14, 1), (19, 1), (24, 2), (28, 2)],
    ),
    "weekly-meetings-in-one-column": (SATURDAYS, [(5, 1), (12, 1), (19, 1), (26, 2)]),
}


@pytest.mark.parametrize("events", list(_OVER_A_BREAK))
@pytest.mark.parametrize("names_again", [False, True], ids=["weeks-only", "weekday-names-again"])
def test_a_month_calendar_running_over_a_page_break_goes_on_at_the_top_of_the_next_page(
    tmp_path: Path, names_again: bool, events: str
) -> None:
    """On a PDF the next page keeps the columns of the page before (its weekday names may not be there)."""
    days, expected = _OVER_A_BREAK[events]
    folder = make_folder(
        tmp_path / "binder",
        files={
            "schedule/september.pdf": grid_pdf(
                "House calendar - September 2026", 2, 30, days, weeks_a_page=3, names_again=names_again
            )
        },
        evidence=[{"file": "schedule/september.pdf", "rules": [SOCIAL]}],
    )
    evidence = load(folder)
    calendar = document(evidence, "schedule/september.pdf")
    assert [(r.date, (r.where or "").split(",")[0]) for r in calendar.records] == [
        (date(2026, 9, day), f"page {page}") for day, page in expected
    ]
    assert evidence.warnings == []


@pytest.mark.parametrize(
    ("events", "numbers_right"),
    [(SATURDAYS, False), (MONDAYS, False), (SATURDAYS, True)],
    ids=["last-column", "one-middle-column", "numbers-at-the-right-of-each-box"],
)
def test_a_pdf_calendar_with_its_events_in_one_column_gives_each_its_day(
    tmp_path: Path, events: dict[int, str], numbers_right: bool
) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={
            "schedule/september.pdf": grid_pdf(
                "House calendar - September 2026", 2, 30, events, numbers_right=numbers_right
            )
        },
        evidence=[{"file": "schedule/september.pdf", "rules": [HOUSE_MEETINGS]}],
    )
    evidence = load(folder)
    calendar = document(evidence, "schedule/september.pdf")
    assert [(r.date, r.where) for r in calendar.records] == [
        (date(2026, 9, day), f"page 1, the entry dated 2026-09-{day:02d}") for day in events
    ]
    assert evidence.warnings == []


def test_a_note_printed_under_a_pdf_calendar_is_not_an_event_of_its_last_week(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={
            "schedule/september.pdf": grid_pdf(
                "House calendar - September 2026", 2, 30, SATURDAYS, footer="Questions? Ask the house manager."
            )
        },
        evidence=[{"file": "schedule/september.pdf", "rules": [HOUSE_MEETINGS]}],
    )
    evidence = load(folder)
    calendar = document(evidence, "schedule/september.pdf")
    assert [r.date for r in calendar.records] == [date(2026, 9, day) for day in SATURDAYS]
    assert evidence.warnings == []
    assert calendar.content is not None and "Questions? Ask the house manager." in calendar.content.text


def test_numbers_at_the_top_of_the_page_after_a_calendar_are_not_its_days() -> None:
    from narr_audit.evidence.content import Extracted, Segment
    from narr_audit.evidence.records import document_entries

    weekdays = "Sun Mon Tue Wed Thu Fri Sat"
    first = (
        "September 2026\n" + weekdays + "\n" + "\n".join(f"{d} {SEPTEMBER.get(d, '')}".strip() for d in range(1, 17))
    )
    prose = "17 residents came to the cookout and 18 stayed to clean up. 19 bags of food went to the pantry."
    found = document_entries(
        Extracted("pdf", (Segment("page 1", first), Segment("page 2", prose))), "calendar.pdf", latest_year=2027
    )
    assert [r.date for r in found.records] == [date(2026, 9, d) for d in (7, 11, 14)]


def test_a_calendar_pasted_as_text_with_each_days_events_under_its_number_is_read(tmp_path: Path) -> None:
    weekdays = "\n".join(("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"))
    days = []
    for day in range(1, 31):
        days.append(str(day))
        if day in SEPTEMBER:
            days.append(SEPTEMBER[day])
    pasted = f"September 2026\n{weekdays}\n" + "\n".join(days) + "\n"
    folder = make_folder(
        tmp_path / "binder",
        files={"schedule/house-calendar.txt": pasted},
        evidence=[{"file": "schedule/house-calendar.txt", "rules": [SOCIAL]}],
    )
    evidence = load(folder)
    calendar = document(evidence, "schedule/house-calendar.txt")
    assert [r.date for r in calendar.records] == [date(2026, 9, d) for d in sorted(SEPTEMBER)]
    assert calendar.records[0].where == "the calendar day dated 2026-09-07"


@pytest.mark.parametrize("kind", ["markdown", "docx", "html"])
def test_a_calendar_pasted_as_lines_into_a_markdown_word_or_web_page_is_read(kind: str) -> None:
    from narr_audit.evidence.content import Extracted, Segment
    from narr_audit.evidence.records import document_entries

    weeks = ["      1   2   3   4   5", "6   7 House meeting   8   9   10   11 Movie night   12"]
    text = "\n".join(["Our activities", "September 2026", "Sun Mon Tue Wed Thu Fri Sat", *weeks])
    content = Extracted(kind, (Segment("House calendar", text),))  # type: ignore[arg-type]
    found = document_entries(content, f"calendar.{kind}", latest_year=2027)
    assert [(r.date, r.where) for r in found.records] == [
        (date(2026, 9, 7), "under 'House calendar', the calendar day dated 2026-09-07"),
        (date(2026, 9, 11), "under 'House calendar', the calendar day dated 2026-09-11"),
    ]


def test_a_markdown_table_calendar_is_read_once_not_again_as_lines() -> None:
    from narr_audit.evidence.content import Extracted, Segment, Table
    from narr_audit.evidence.records import document_entries

    header = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
    weeks = (("", "", "1", "2", "3", "4", "5"), ("6", "7 House meeting", "8", "9", "10", "11 Movie night", "12"))
    lines = ["| " + " | ".join(row) + " |" for row in (header, ("---",) * 7, *weeks)]
    text = "\n".join(["September 2026", *lines])
    table = Table("September 2026", header, weeks)
    found = document_entries(Extracted("markdown", (Segment("September 2026", text),), tables=(table,)), "c.md")
    assert [r.date for r in found.records] == [date(2026, 9, 7), date(2026, 9, 11)]


def test_a_calendar_kept_as_a_word_table_reads_each_cells_day() -> None:
    from narr_audit.evidence.content import Extracted, Segment, Table
    from narr_audit.evidence.records import document_entries

    weeks = (("", "", "1", "2", "3", "4", "5"), ("6", "7 House meeting", "8", "9", "10", "11 Movie night", "12"))
    table = Table("Calendar - September 2026", ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"), weeks)
    content = Extracted("docx", (Segment("Calendar - September 2026", "Calendar - September 2026"),), tables=(table,))
    found = document_entries(content, "calendar.docx", latest_year=2027)
    assert [(r.date, r.where) for r in found.records] == [
        (date(2026, 9, 7), "table 1, the calendar day dated 2026-09-07"),
        (date(2026, 9, 11), "table 1, the calendar day dated 2026-09-11"),
    ]


def test_a_grid_whose_events_cannot_be_told_to_a_day_is_said_once_and_not_guessed(tmp_path: Path) -> None:
    rows = "1 2 3 4 5\n6 7 8 9 10 11 12\nHouse meeting 7pm Movie night with " + RESIDENT + "\n13 14 15 16 17 18 19\n"
    folder = make_folder(
        tmp_path / "binder",
        files={"schedule/calendar.txt": "September 2026\nSun Mon Tue Wed Thu Fri Sat\n" + rows},
        evidence=[{"file": "schedule/calendar.txt", "rules": [SOCIAL]}],
    )
    evidence = load(folder)
    assert document(evidence, "schedule/calendar.txt").records == []
    (warning,) = evidence.warnings
    assert warning.file == "schedule/calendar.txt"
    assert warning.message.startswith("the calendar: the month calendar of 2026-09 lists several days on one line")
    assert "agenda view" in (warning.hint or "")
    assert RESIDENT not in warning.message


def test_a_calendar_in_the_year_9999_or_with_no_month_ends_in_a_warning(tmp_path: Path) -> None:
    grid = "Sun Mon Tue Wed Thu Fri Sat\n1 2 3 4 5\n6 7 House meeting 8 9 10 11 Movie night 12\n"
    folder = make_folder(
        tmp_path / "binder",
        files={
            "schedule/far.txt": "September 9999\n" + grid,
            "schedule/undated.txt": "House calendar\n" + grid,
            "schedule/zero.txt": "September 0000\n" + grid,
        },
        evidence=[{"file": f"schedule/{n}.txt", "rules": [SOCIAL]} for n in ("far", "undated", "zero")],
    )
    evidence = load(folder)
    for name in ("far", "undated", "zero"):
        assert document(evidence, f"schedule/{name}.txt").records == [], name
    said = {w.file: w.message for w in evidence.warnings}
    assert said["schedule/far.txt"] == (
        "the calendar day dated 9999-09-07 (and 1 more): its date has a year outside 1990 to 2027, so it is not "
        "read as an entry"
    )
    assert said["schedule/undated.txt"] == (
        "the calendar: a month calendar with no month and year above its days, so its events are not read as entries"
    )
    assert said["schedule/zero.txt"] == said["schedule/undated.txt"]


def test_numbered_lists_and_tables_of_amounts_under_a_months_title_are_not_calendars(tmp_path: Path) -> None:
    checklist = "Inspection checklist - September 2026\n" + "".join(
        f"{n} - {item}\n" for n, item in enumerate(["Extinguishers checked", "Exits clear", "Detectors tested"], 1)
    )
    numbered = "September 2026\nSun Mon Tue Wed Thu Fri Sat\n" + "".join(
        f"{n}. {item}\n" for n, item in enumerate(["Sweep", "Mop", "Dust", "Trash", "Laundry"], 1)
    )
    amounts = "Rent ledger - September 2026\n1: 650.00\n2: 120.00\n3: 45.00\n"
    calendar = "House calendar - October 2026\n3 - Bowling night\n17 - Potluck\n31 - Halloween party\n"
    folder = make_folder(
        tmp_path / "binder",
        files={
            "house/checklist.txt": checklist,
            "house/chores.txt": numbered,
            "house/ledger.txt": amounts,
            "schedule/october.txt": calendar,
        },
        evidence=[
            {"file": p, "rules": [SOCIAL]}
            for p in ("house/checklist.txt", "house/chores.txt", "house/ledger.txt", "schedule/october.txt")
        ],
    )
    evidence = load(folder)
    for path in ("house/checklist.txt", "house/chores.txt", "house/ledger.txt"):
        assert document(evidence, path).records == [], path
    assert [r.date for r in document(evidence, "schedule/october.txt").records] == [
        date(2026, 10, 3),
        date(2026, 10, 17),
        date(2026, 10, 31),
    ]
    assert evidence.warnings == []


_PIECES = ["Sun Mon Tue Wed Thu Fri Sat", "Mo", "1", "7", "12", "29", "31", "0", "September 2026", "February 9999"]
_PIECES += [
    "Month 0000",
    "Date",
    "Week 36 |",
    "01/02/2026",
    "31/31/2026",
    "2026-02-30",
    "9999-12-31",
    "Effective:",
    "\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "House meeting", "\t", "|"]), max_size=80), st.sampled_from(["pdf", "text"]))
def test_any_jumble_of_calendar_and_table_lines_ends_cleanly(pieces: list[str], kind: str) -> None:
    """Whatever a page holds, reading its entries ends with entries and warnings, never an exception,
    and every entry has a real date of a plausible year."""
    from narr_audit.evidence.content import Extracted, Segment
    from narr_audit.evidence.records import document_entries

    content = Extracted(kind, (Segment("page 1", " ".join(pieces)),))  # type: ignore[arg-type]
    found = document_entries(content, "x.pdf", latest_year=2027)
    assert all(1990 <= r.date.year <= 2027 for r in found.records)


_PLACED = st.tuples(
    st.sampled_from([*_PIECES[:-1], "House meeting", "Sat", "Sun", "30", "2", "Questions?"]),
    st.integers(min_value=10, max_value=270),  # mm from the left of a landscape page
    st.integers(min_value=10, max_value=190),  # mm from the top
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PLACED, max_size=60), st.integers(min_value=1, max_value=3))
def test_any_words_placed_anywhere_on_pdf_pages_read_cleanly(placed: list[tuple[str, int, int]], pages: int) -> None:
    """A PDF whose pages hold weekday names, numbers and events in any places (a calendar gone wrong)
    is read without an exception, and its entries, if any, have real dates of a plausible year."""
    from fpdf import FPDF

    from narr_audit.evidence.extract import _read_pdf
    from narr_audit.evidence.records import document_entries

    pdf = FPDF(orientation="L")
    pdf.set_font("helvetica", size=9)
    for page in range(pages):
        pdf.add_page()
        for text, x, y in placed[page::pages]:
            pdf.set_xy(x, y)
            pdf.cell(text=text)
    content = _read_pdf(bytes(pdf.output()))
    if isinstance(content, Unreadable):
        return  # an empty page has no text: said so, as for any PDF without text
    found = document_entries(content, "x.pdf", latest_year=2027)
    assert all(1990 <= r.date.year <= 2027 for r in found.records)


# A month printed by a browser from a web calendar: full weekday names centred over their columns,
# each day's number at the right of its box, the week's one event at the left under it, a note under
# the grid. Nothing here was drawn by this project's own PDF code.
_WEB_CALENDAR = """<html><head><style>
body {{ font-family: sans-serif; font-size: 11px }} table {{ border-collapse: collapse; width: 100% }}
th {{ border: 1px solid #999; text-align: center }} td {{ border: 1px solid #999; height: 70px; vertical-align: top }}
.n {{ text-align: right; font-weight: bold }}
</style></head><body><h2>Harbor House &mdash; October 2026</h2><table>
<tr>{names}</tr>{weeks}</table><p>Questions about the calendar? Ask the house manager.</p></body></html>"""


@pytest.mark.browser
@pytest.mark.slow
def test_a_web_calendar_printed_to_pdf_by_a_browser_gives_each_weekly_meeting_its_day(tmp_path: Path) -> None:
    import subprocess

    from .test_html_report import chromium

    executable = chromium()
    names = "".join(f"<th>{day}</th>" for day in ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"))
    cells = [""] * 4 + [str(day) for day in range(1, 32)]  # October 2026 begins on a Thursday
    weeks = ""
    for start in range(0, len(cells), 7):
        row = ""
        for day in (cells[start : start + 7] + [""] * 7)[:7]:
            event = "<div>House meeting 6:30 pm</div>" if day and (int(day) - 4) % 7 == 0 else ""
            row += f"<td><div class=n>{day}</div>{event}</td>" if day else "<td></td>"
        weeks += f"<tr>{row}</tr>"
    page = tmp_path / "calendar.html"
    page.write_text(_WEB_CALENDAR.format(names=names + "<th>Saturday</th>", weeks=weeks), encoding="utf-8")
    printed = tmp_path / "october.pdf"
    subprocess.run(
        [str(executable), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={printed}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    folder = make_folder(
        tmp_path / "binder",
        files={"schedule/october.pdf": printed.read_bytes()},
        evidence=[{"file": "schedule/october.pdf", "rules": [HOUSE_MEETINGS]}],
    )
    evidence = load(folder)
    assert [r.date for r in document(evidence, "schedule/october.pdf").records] == [
        date(2026, 10, day) for day in (4, 11, 18, 25)
    ]
    assert evidence.warnings == []
