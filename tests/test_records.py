"""Records in any form: dated entries read from logs, Word minutes, tables, calendars and dated folders.

Each test builds a small binder the way an operator keeps it and asks what a reviewer asks: are there
dated entries, how many, the last when, and where did they come from.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from narr_audit.base.errors import NarrError
from narr_audit.base.statuses import Status
from narr_audit.checks.elsewhere import Binder
from narr_audit.checks.interface import Context, Outcome
from narr_audit.checks.log import LogCheck, evaluate
from narr_audit.evidence import logs as logs_module
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.content import Extracted
from narr_audit.evidence.extract import extract
from narr_audit.evidence.model import Document, Evidence
from narr_audit.evidence.records import dated_name, document_entries, find_date, read_date
from narr_audit.standards.loader import load_rulebook
from narr_audit.workflows.audit import load_evidence

from .folders import make_folder

ASSESSED = date(2026, 11, 1)
VOCABULARY = load_rulebook().concepts
HOUSE_MEETINGS = "3.I.27.e"  # the weekly house meeting rule
DRILLS = "2.F.17.c"  # detectors, extinguishers and drills
SOCIAL = "3.I.28.c"  # social events
COUNCIL = "1.C.7.a"  # residents make rules at house or council meetings
RESIDENT = "Marisol Quintero"  # a resident's name written in the records: never in any output

MEETING_CHECK = LogCheck(
    label="House meeting minutes", min_entries=4, within_days=31, max_gap_days=8, record="house_meeting"
)
DRILL_CHECK = LogCheck(label="Fire drill log", max_gap_days=100, record="fire_drill")
SOCIAL_CHECK = LogCheck(label="Calendar of social events", min_entries=2, within_days=92, record="social_event")
COUNCIL_CHECK = LogCheck(label="Council minutes", max_gap_days=35, record="house_meeting")


def load(folder: Path, cache: ExtractionCache | None = None) -> Evidence:
    return load_evidence(folder, today=ASSESSED, cache=cache).evidence


def context(evidence: Evidence, rule: str) -> Context:
    """What the engine gives a rule: its own files, and the rest of the binder to look through."""
    mapped = tuple(d for d in evidence.documents if rule in d.rules)
    binder = Binder([*evidence.documents, *evidence.unmapped_documents])
    return Context(
        rule_id=rule,
        assessed_on=evidence.assessed_on,
        documents=mapped,
        vocabulary=VOCABULARY,
        elsewhere=binder.elsewhere(mapped),
    )


def judged(folder: Path, rule: str, check: LogCheck) -> Outcome:
    return evaluate(check, context(load(folder), rule))


def document(evidence: Evidence, path: str) -> Document:
    (found,) = [d for d in [*evidence.documents, *evidence.unmapped_documents] if d.path == path]
    return found


def word(blocks: list[tuple[str, object]]) -> bytes:
    """A Word file: ("heading", text), ("paragraph", text) or ("table", rows of cells)."""
    import docx

    made = docx.Document()
    for kind, value in blocks:
        if kind == "heading":
            made.add_heading(str(value), level=1)
        elif kind == "paragraph":
            made.add_paragraph(str(value))
        else:
            assert isinstance(value, list)
            table = made.add_table(rows=0, cols=len(value[0]))
            for row in value:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
    buffer = io.BytesIO()
    made.save(buffer)
    return buffer.getvalue()


def weekly(first: date, count: int) -> list[date]:
    return [first + timedelta(days=7 * n) for n in range(count)]


# --- minutes as Word files, one per meeting, in a folder --------------------------------------------------


def minutes_folder(tmp_path: Path, *, mapped: bool) -> Path:
    meetings = weekly(date(2026, 8, 31), 9)  # every Monday up to 2026-10-26
    files: dict[str, str | bytes] = {
        f"minutes/{day.isoformat()}.docx": word(
            [
                ("heading", f"House meeting, {day:%d %B %Y}"),
                ("paragraph", f"Present: 7 of 8. {RESIDENT} chaired. Chores rotated; kitchen rota agreed."),
            ]
        )
        for day in meetings
    }
    evidence = [{"file": name, "rules": [HOUSE_MEETINGS]} for name in sorted(files)] if mapped else []
    return make_folder(tmp_path / "binder", files=files, evidence=evidence)


def test_minutes_kept_as_one_word_file_per_meeting_are_one_record(tmp_path: Path) -> None:
    outcome = judged(minutes_folder(tmp_path, mapped=True), HOUSE_MEETINGS, MEETING_CHECK)
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason == "minutes/ (9 dated files): 9 dated entries, the last on 2026-10-26"
    (ref,) = outcome.evidence
    assert (ref.file, ref.where, ref.unmapped) == ("minutes/", "9 dated files", False)


def test_a_folder_of_dated_minutes_not_mapped_is_found_with_the_line_that_maps_it(tmp_path: Path) -> None:
    outcome = judged(minutes_folder(tmp_path, mapped=False), HOUSE_MEETINGS, MEETING_CHECK)
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason.startswith("found in minutes/ (9 dated files), not mapped to 3.I.27.e")
    assert "- {file: minutes/2026-08-31.docx, rules: [3.I.27.e]}" in outcome.reason
    assert all(ref.unmapped for ref in outcome.evidence)


def test_a_file_named_for_a_document_is_not_an_entry_even_with_a_date() -> None:
    assert dated_name("2026-09-07") is not None
    assert dated_name("house-meeting-minutes-sept-7-2026") is not None
    assert dated_name("Minutes, 7 September 2026") is not None
    assert dated_name("grievance-policy-2026-01-15") is None
    assert dated_name("lease") is None


# --- a table of dated rows inside a Word file ------------------------------------------------------------


def drill_table(tmp_path: Path) -> Path:
    rows = [["Date", "Scenario", "Residents out", "Time to clear"]] + [
        [day, scenario, "7 of 7", "2 min 10 s"]
        for day, scenario in (
            ("01/14/2026", "Kitchen fire, front door blocked"),
            ("04/22/2026", "Smoke upstairs at night"),
            ("07/15/2026", "Garage fire"),
            ("10/07/2026", "Basement fire, back exit"),
        )
    ]
    data = word([("heading", "Fire drill record"), ("paragraph", "Drills are held each quarter."), ("table", rows)])
    return make_folder(
        tmp_path / "binder",
        files={"safety/drills.docx": data},
        evidence=[{"file": "safety/drills.docx", "rules": [DRILLS]}],
    )


def test_a_table_of_dated_rows_in_a_word_file_is_a_record(tmp_path: Path) -> None:
    evidence = load(drill_table(tmp_path))
    drills = document(evidence, "safety/drills.docx")
    assert [r.date for r in drills.records] == [
        date(2026, 1, 14),
        date(2026, 4, 22),
        date(2026, 7, 15),
        date(2026, 10, 7),
    ]
    outcome = evaluate(DRILL_CHECK, context(evidence, DRILLS))
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason == "safety/drills.docx: 4 dated entries, the last on 2026-10-07"
    (ref,) = outcome.evidence
    assert ref.where == "table 1 under 'Fire drill record', rows 2-5"


def test_word_html_and_markdown_tables_are_kept_without_changing_the_text(tmp_path: Path) -> None:
    rows = [["Date", "Event"], ["2026-10-03", "Cookout"], ["2026-10-17", "Bowling night"]]
    docx_file = tmp_path / "events.docx"
    docx_file.write_bytes(word([("heading", "Events"), ("table", rows)]))
    html_file = tmp_path / "events.html"
    html_file.write_text(
        "<html><body><h2>Events</h2><table><tr><th>Date</th><th>Event</th></tr>"
        "<tr><td>2026-10-03<td><b>Cook</b>out</tr><tr><td>2026-10-17</td><td>Bowling night</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    md_file = tmp_path / "events.md"
    md_file.write_text(
        "## Events\n\n| Date | Event |\n|:-----|-------|\n"
        "| 2026-10-03 | Cookout |\n| 2026-10-17 | Bowling night |\n\nEnd.\n",
        encoding="utf-8",
    )
    for path in (docx_file, html_file, md_file):
        found = extract(path)
        assert isinstance(found, Extracted), path
        (table,) = found.tables
        assert (table.where, table.header, table.rows) == (
            "Events",
            ("Date", "Event"),
            (("2026-10-03", "Cookout"), ("2026-10-17", "Bowling night")),
        ), path.suffix
    markdown = extract(md_file)
    assert isinstance(markdown, Extracted)
    assert (
        markdown.text == "Events\n\n| Date | Event |\n| 2026-10-03 | Cookout |\n| 2026-10-17 | Bowling night |\n\nEnd."
    )


def test_a_revision_history_table_is_not_a_record() -> None:
    from narr_audit.evidence.content import Segment, Table

    policy = Extracted(
        "docx",
        (Segment("Revision history", "Revision history"),),
        tables=(Table("Revision history", ("Date", "Change"), (("2026-01-05", "Adopted"), ("2026-06-01", "Rev"))),),
    )
    assert document_entries(policy, "policies/fire-plan.docx").records == []


# --- a month calendar as PDF, and an .ics calendar --------------------------------------------------------


def calendar_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.set_title("House calendar")
    months = {
        "September 2026": [
            ("Sat 5", "Cookout in the backyard"),
            ("Tue 8", "House meeting, 7 pm"),
            ("Fri 18", "Movie night"),
        ],
        "October 2026": [
            ("Sat 3", "Bowling night"),
            ("Tue 6", "House meeting, 7 pm"),
            ("Sat 17", "Potluck with alumni"),
            ("Sat 31", "Halloween party"),
        ],
    }
    for month, days in months.items():
        pdf.add_page()
        pdf.cell(text=f"House calendar - {month}", new_x="LMARGIN", new_y="NEXT")
        for day, what in days:
            pdf.cell(text=f"{day} - {what}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_a_calendar_pdf_counts_its_social_events_and_not_its_meetings(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={"schedule/calendar.pdf": calendar_pdf()},
        evidence=[{"file": "schedule/calendar.pdf", "rules": [SOCIAL]}],
    )
    evidence = load(folder)
    calendar = document(evidence, "schedule/calendar.pdf")
    assert len(calendar.records) == 7
    outcome = evaluate(SOCIAL_CHECK, context(evidence, SOCIAL))
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason == "schedule/calendar.pdf (its social events): 5 dated entries, the last on 2026-10-31"
    meetings = evaluate(COUNCIL_CHECK, context(evidence, SOCIAL))  # the same calendar, asked for meetings
    assert meetings.reason == "schedule/calendar.pdf (its house meetings): 2 dated entries, the last on 2026-10-06"


ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
X-WR-CALNAME:House meetings\r
BEGIN:VEVENT\r
UID:weekly@house\r
DTSTART;TZID=America/Phoenix:20260907T190000\r
RRULE:FREQ=WEEKLY;UNTIL=20261231T235959Z\r
EXDATE;TZID=America/Phoenix:20260928T190000\r
SUMMARY:Weekly house meeting\r
BEGIN:VALARM\r
TRIGGER:-PT15M\r
DTSTART:19700101T000000\r
END:VALARM\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;VALUE=DATE:20260830\r
SUMMARY:House meeting (moved to Sunday)\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;VALUE=DATE:20261005\r
STATUS:CANCELLED\r
SUMMARY:Cancelled\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_an_ics_calendar_gives_each_event_and_each_repeat(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={"schedule/house.ics": ICS},
        evidence=[{"file": "schedule/house.ics", "rules": [HOUSE_MEETINGS]}],
    )
    evidence = load(folder)
    calendar = document(evidence, "schedule/house.ics")
    assert calendar.kind == "log" and calendar.title == "House meetings"
    dates = sorted({r.date for r in calendar.records})
    assert dates[:5] == [date(2026, 8, 30), date(2026, 9, 7), date(2026, 9, 14), date(2026, 9, 21), date(2026, 10, 5)]
    assert date(2026, 9, 28) not in dates and dates[-1] == date(2026, 12, 28)
    outcome = evaluate(MEETING_CHECK, context(evidence, HOUSE_MEETINGS))
    assert outcome.status == Status.met, outcome.reason


def test_a_repeat_rule_that_never_falls_on_a_day_is_counted_once_not_searched_for(tmp_path: Path) -> None:
    """dateutil would look for a February 30th year after year up to 9999 (seconds per rule): such a
    rule is not expanded; its event counts on its first day and a warning names the line."""
    events = "".join(
        f"BEGIN:VEVENT\nDTSTART:2026090{n}\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\n"
        "SUMMARY:House meeting\nEND:VEVENT\n"
        for n in range(1, 8)
    )
    folder = make_folder(
        tmp_path / "binder",
        files={"schedule/house.ics": f"BEGIN:VCALENDAR\n{events}END:VCALENDAR\n"},
        evidence=[{"file": "schedule/house.ics", "rules": [HOUSE_MEETINGS]}],
    )
    evidence = load(folder)
    assert len(document(evidence, "schedule/house.ics").records) == 7
    (warning,) = evidence.warnings
    assert (warning.file, warning.line, warning.field) == ("schedule/house.ics", 2, "RRULE")
    assert warning.message.startswith("the event at line 2 (and 6 more) repeats by a rule narr-audit cannot read")


def test_a_broken_calendar_mapped_to_a_rule_is_a_clear_error(tmp_path: Path) -> None:
    broken = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Meeting with " + RESIDENT + "\nEND:VEVENT\nEND:VCALENDAR\n"
    folder = make_folder(
        tmp_path / "binder",
        files={"schedule/house.ics": broken, "schedule/other.ics": "not a calendar at all"},
        evidence=[{"file": "schedule/house.ics", "rules": [HOUSE_MEETINGS]}],
    )
    with pytest.raises(NarrError) as caught:
        load(folder)
    (problem,) = caught.value.problems  # the unmapped file is simply not looked in
    assert (problem.file, problem.line, problem.field) == ("schedule/house.ics", 2, "DTSTART")
    assert problem.message == "entry 1: the event has no start date (DTSTART)"
    assert RESIDENT not in caught.value.render()


# --- Markdown minutes, dated by heading and by paragraph ---------------------------------------------------


COUNCIL_MINUTES = f"""# Resident council minutes

## 7 Sept 2026 council meeting
Present: 9 residents, the house manager. {RESIDENT} asked for later visiting hours on Saturdays.

## October 5, 2026 council meeting
Visiting hours until 9 pm on Saturdays, adopted 8 to 1.

September 21, 2026 - Council met about the porch light (short meeting, 6 present).

Call (555) 014-4412, ext. 4412, with questions.
"""


def test_markdown_minutes_are_dated_by_their_headings_and_paragraphs(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "binder",
        files={"governance/council-minutes.md": COUNCIL_MINUTES},
        evidence=[{"file": "governance/council-minutes.md", "rules": [COUNCIL]}],
    )
    evidence = load(folder)
    minutes = document(evidence, "governance/council-minutes.md")
    assert [(r.date, r.where) for r in minutes.records] == [
        (date(2026, 9, 7), "the heading dated 2026-09-07"),
        (date(2026, 10, 5), "the heading dated 2026-10-05"),
        (date(2026, 9, 21), "the paragraph dated 2026-09-21"),  # its section's heading is an entry: not quoted
    ]
    outcome = evaluate(COUNCIL_CHECK, context(evidence, COUNCIL))
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason == "governance/council-minutes.md: 3 dated entries, the last on 2026-10-05"


def test_dates_as_people_write_them() -> None:
    written = {
        "2026-09-07": date(2026, 9, 7),
        "Sept. 7th, 2026": date(2026, 9, 7),
        "7 September 2026": date(2026, 9, 7),
        "Monday, September 7, 2026": date(2026, 9, 7),
        "7-Sep-2026": date(2026, 9, 7),
        "9/7/26": date(2026, 9, 7),
    }
    for text, expected in written.items():
        found = find_date(text)
        assert found is not None and found.end == len(text), text
        assert read_date(found) == expected, text
    for not_a_date in ("ext. 4412", "555-014-4412", "1.2.10 Evacuation routes", "Room 12 meeting"):
        assert find_date(not_a_date) is None, not_a_date


# --- a TSV log, ambiguous dates, implausible years ---------------------------------------------------------


def test_a_tab_separated_log_is_read_like_a_csv_log(tmp_path: Path) -> None:
    rows = "\n".join(f"{d.isoformat()}\tR-0{n % 9}\tpresent" for n, d in enumerate(weekly(date(2026, 9, 7), 8)))
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/house-meetings.tsv": f"date\tchair\tnotes\n{rows}\n"},
        evidence=[{"file": "logs/house-meetings.tsv", "rules": [HOUSE_MEETINGS]}],
    )
    outcome = judged(folder, HOUSE_MEETINGS, MEETING_CHECK)
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason == "logs/house-meetings.tsv: 8 dated entries, the last on 2026-10-26"


def test_an_ambiguous_date_is_read_month_first_and_said_once(tmp_path: Path) -> None:
    us = f"date,chair\n03/04/2026,{RESIDENT}\n05/06/2026,R-02\n2026-07-01,R-02\n"
    european = f"date,chair\n03/05/2026,{RESIDENT}\n25/04/2026,R-02\n"
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/meetings-us.csv": us, "logs/meetings-eu.csv": european},
        evidence=[{"file": f"logs/meetings-{n}.csv", "rules": [HOUSE_MEETINGS]} for n in ("us", "eu")],
    )
    evidence = load(folder)
    assert [r.date for r in document(evidence, "logs/meetings-us.csv").records] == [
        date(2026, 3, 4),
        date(2026, 5, 6),
        date(2026, 7, 1),
    ]
    assert [r.date for r in document(evidence, "logs/meetings-eu.csv").records] == [date(2026, 5, 3), date(2026, 4, 25)]
    said = {w.file: w for w in evidence.warnings}
    assert set(said) == {"logs/meetings-us.csv", "logs/meetings-eu.csv"}, "one warning per file"
    us_warning, eu_warning = said["logs/meetings-us.csv"], said["logs/meetings-eu.csv"]
    assert us_warning.line == 2 and us_warning.field == "date"
    assert us_warning.message == (
        "row 2 (and 1 more): its date could be read as day/month or as month/day; read as month/day, "
        "as in the US (so 2026-03-04)"
    )
    day_first = "day/month, because other dates of this record can only be read that way (so 2026-05-03)"
    assert day_first in eu_warning.message
    assert "YYYY-MM-DD" in (us_warning.hint or "")
    assert all(RESIDENT not in w.message for w in evidence.warnings)


def test_a_folder_of_minutes_named_by_numeric_dates_says_how_it_read_them(tmp_path: Path) -> None:
    names = ["10-05-2026", "10-12-2026", "10-19-2026", "10-26-2026"]  # the last two can only be month first
    files: dict[str, str | bytes] = {f"minutes/{n}.md": "# House meeting\n\nChores rotated.\n" for n in names}
    folder = make_folder(
        tmp_path / "binder",
        files=files,
        evidence=[{"file": f"minutes/{n}.md", "rules": [HOUSE_MEETINGS]} for n in names],
    )
    outcome = judged(folder, HOUSE_MEETINGS, MEETING_CHECK)
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason == (
        "minutes/ (4 dated files): 4 dated entries, the last on 2026-10-26; minutes/: minutes/10-05-2026.md "
        "(and 1 more): its date could be read as day/month or as month/day; read as month/day, because other "
        "dates of this record can only be read that way (so 2026-10-05)"
    )


def test_a_date_in_the_year_9999_never_becomes_an_entry(tmp_path: Path) -> None:
    log = "date,what\n2026-10-05,drill\n9999-12-31,placeholder\n1900-01-01,typo\n"
    minutes = (
        "# Minutes\n\n2026-10-05 - House meeting held.\n\n9999-12-31 - Next review.\n\n2026-10-12 - House meeting.\n"
    )
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/fire-drills.csv": log, "minutes.md": minutes},
        evidence=[{"file": "logs/fire-drills.csv", "rules": [DRILLS]}, {"file": "minutes.md", "rules": [COUNCIL]}],
    )
    evidence = load(folder)
    assert [r.date for r in document(evidence, "logs/fire-drills.csv").records] == [date(2026, 10, 5)]
    assert [r.date for r in document(evidence, "minutes.md").records] == [date(2026, 10, 5), date(2026, 10, 12)]
    messages = {w.file: w.message for w in evidence.warnings}
    assert messages["logs/fire-drills.csv"] == (
        "row 3 (and 1 more): its date has a year outside 1990 to 2027, so it is not read as an entry"
    )
    assert messages["minutes.md"] == (
        "under 'Minutes', the paragraph dated 9999-12-31: its date has a year outside 1990 to 2027, so it is not "
        "read as an entry"
    )


# --- a warm run never parses an unchanged log again ---------------------------------------------------------


def test_a_parsed_log_is_kept_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "\n".join(f"{d.isoformat()},R-02,present" for d in weekly(date(2026, 9, 7), 8))
    folder = make_folder(
        tmp_path / "binder",
        files={"logs/house-meetings.csv": f"date,chair,notes\n{rows}\n"},
        evidence=[{"file": "logs/house-meetings.csv", "rules": [HOUSE_MEETINGS]}],
    )
    cache = ExtractionCache(tmp_path / "cache")
    first = document(load(folder, cache), "logs/house-meetings.csv")

    def never(*_: object, **__: object) -> None:
        raise AssertionError("an unchanged log was parsed again")

    monkeypatch.setattr(logs_module, "_read_csv_log", never)
    again = document(load(folder, cache), "logs/house-meetings.csv")
    assert [(r.date, r.row) for r in again.records] == [(r.date, r.row) for r in first.records]
    assert [r.text for r in again.records] == [r.text for r in first.records]  # kinds are told from it
    monkeypatch.undo()
    (folder / "logs/house-meetings.csv").write_text(f"date,chair,notes\n{rows}\n2026-11-01,R-03,present\n")
    assert len(document(load(folder, cache), "logs/house-meetings.csv").records) == 9  # changed: read afresh


# --- a folder of 10,000 dated minutes -----------------------------------------------------------------------


@pytest.mark.slow
def test_a_folder_of_ten_thousand_dated_minutes_is_one_record(tmp_path: Path) -> None:
    first = ASSESSED - timedelta(days=9_999)  # a meeting every day since 1999
    files: dict[str, str | bytes] = {
        f"minutes/{(first + timedelta(days=n)).isoformat()}.md": (
            f"# House meeting, {first + timedelta(days=n):%d %B %Y}\n\nPresent: 6 of 8. Chores reviewed.\n"
        )
        for n in range(10_000)
    }
    evidence = load(make_folder(tmp_path / "binder", files=files))
    outcome = evaluate(MEETING_CHECK, context(evidence, HOUSE_MEETINGS))
    assert outcome.status == Status.met, outcome.reason
    assert outcome.reason.startswith("found in minutes/ (10000 dated files), not mapped to 3.I.27.e")
    assert "10000 dated entries, the last on 2026-11-01" in outcome.reason
