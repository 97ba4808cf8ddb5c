"""`narr-audit due`: what expires or falls due in a window, soonest first, in every format.

The calendar file is parsed back with the icalendar library: the events, their all-day dates and
their UIDs (stable from one run to the next, so a calendar updates rather than duplicates).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import due_list
from narr_audit.formats.due import DUE_FORMATS, fold, render

from .conftest import run_cli
from .folders import make_folder

AS_OF = date(2026, 11, 1)
ROSTER = (
    "id,role,start,end,background_check,code_of_ethics,naloxone_training\n"
    "S-01,house_manager,2022-01-03,,2026-01-20,2022-01-03,2026-05-02\n"
    "KL,residential_staff,2024-04-01,,2025-12-10,2024-04-01,2026-05-02\n"
    "OLD,residential_staff,2019-01-01,2026-06-30,2019-01-01,2019-01-01,\n"
)


def _house(tmp_path: Path, **kw: object) -> Path:
    files = {
        "logs/fire-drills.csv": "date,notes\n2026-08-20,evening drill\n2026-10-01,morning drill\n",
        "logs/house-meetings.csv": "date\n2026-10-06\n2026-10-13\n2026-10-20\n2026-10-27\n",
        "governance/insurance.md": "# Certificate of liability insurance\n",
        "staff.csv": ROSTER,
    }
    return make_folder(
        tmp_path / "house",
        files=files,
        level="III",
        evidence=[
            {"file": "logs/fire-drills.csv", "rules": ["2.F.17.c"]},
            {"file": "logs/house-meetings.csv", "rules": ["1.C.7.a"]},
            {
                "file": "governance/insurance.md",
                "rules": ["1.A.2.b"],
                "effective": "2025-12-01",
                "expires": "2026-11-30",
            },
        ],
        attestations=[
            {
                "rule": "1.A.2.c",
                "statement": "We comply with the law.",
                "signed_by": "A. Lee, Director",
                "date": "2026-01-10",
            }
        ],
        exceptions=[
            {"rule": "3.I.27.a", "reason": "No kitchen.", "approved_by": "Affiliate reviewer", "expires": "2026-12-15"}
        ],
        **kw,
    )


def _items(listed: object) -> list[tuple[str, str]]:
    return [(str(i.due), i.what) for i in listed.items]  # type: ignore[attr-defined]


def test_everything_due_in_the_window_is_listed_soonest_first(tmp_path: Path) -> None:
    listed = due_list([_house(tmp_path)], within=90)
    assert listed.as_of == AS_OF  # the folder's assessed_on, as for check
    dues = [i.due for i in listed.items]
    assert dues == sorted(dues)
    kinds = {i.kind for i in listed.items}
    assert {"document", "exception", "attestation", "log", "staff"} <= kinds
    whats = [i.what for i in listed.items]
    assert "Certificate of liability insurance: renew or review" in whats
    assert "exception for 3.I.27.a expires" in whats
    meeting = next(i for i in listed.items if i.kind == "log" and i.key == "log:logs/house-meetings.csv")
    assert meeting.due == date(2026, 12, 1)  # the last entry (2026-10-27) plus 1.C.7.a's 35-day gap


def test_a_log_counted_in_a_window_is_due_when_its_oldest_needed_entry_leaves_it(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={"logs/social.csv": "date\n2026-05-01\n2026-09-01\n2026-10-15\n"},
        evidence=[{"file": "logs/social.csv", "rules": ["3.I.28.c"]}],  # at least 2 entries in 92 days
    )
    (social,) = [i for i in due_list([folder], within=90).items if i.kind == "log"]
    assert social.due == date(2026, 12, 2)  # 2026-09-01 leaves the 92-day window then


def test_staff_items_are_listed_per_person_and_a_leaver_is_not(tmp_path: Path) -> None:
    listed = due_list([_house(tmp_path)], within=90)
    staff = {(i.due, i.what) for i in listed.items if i.kind == "staff"}
    assert (date(2026, 12, 10), "background check for KL (residential staff)") in staff
    assert (date(2027, 1, 20), "background check for S-01 (house manager)") in staff
    assert not any("OLD" in what for _, what in staff)


def test_the_window_includes_its_last_day_and_leads_with_overdue_items(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    at_edge = due_list([folder], within=39)  # 2026-11-01 + 39 days = 2026-12-10
    assert "background check for KL (residential staff)" in [i.what for i in at_edge.items]
    before = due_list([folder], within=38)
    assert "background check for KL (residential staff)" not in [i.what for i in before.items]
    later = due_list([folder], within=30, as_of=date(2026, 12, 20))
    first = later.items[0]
    assert first.overdue and first.days < 0
    assert all(i.due <= date(2027, 1, 19) for i in later.items)


def test_a_superseded_certificate_is_not_listed_only_the_one_that_counts(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={"old.md": "# Insurance 2024\n", "new.md": "# Insurance 2025\n"},
        evidence=[
            {"file": "old.md", "rules": ["1.A.2.b"], "expires": "2025-09-30"},
            {"file": "new.md", "rules": ["1.A.2.b"], "expires": "2026-12-31"},
        ],
    )
    documents = [i for i in due_list([folder], within=365).items if i.kind == "document"]
    assert [(i.file, i.due) for i in documents] == [("new.md", date(2026, 12, 31))]


def test_open_plan_items_are_listed_and_done_ones_are_not(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    (folder / "plan.yaml").write_text(
        "items:\n"
        "  - {rule: 1.A.3.d, owner: Residence director, due: 2026-11-20, status: open}\n"
        "  - {rule: 1.A.2.b, owner: Residence director, due: 2026-11-10, status: done, done_on: 2026-10-30}\n",
        encoding="utf-8",
    )
    plan = [i for i in due_list([folder], within=90).items if i.kind == "plan"]
    assert [(i.due, i.rules) for i in plan] == [(date(2026, 11, 20), ["1.A.3.d"])]


def test_several_folders_are_listed_together(tmp_path: Path) -> None:
    one = _house(tmp_path / "a")
    two = make_folder(tmp_path / "b" / "house", name="Second House", exceptions=[
        {"rule": "3.I.27.a", "reason": "No kitchen.", "approved_by": "Reviewer", "expires": "2026-11-05"}
    ])  # fmt: skip
    listed = due_list([one, two], within=90)
    assert [r.name for r in listed.residences] == ["Test House", "Second House"]
    second = next(i for i in listed.items if i.residence == "Second House")
    assert (second.kind, second.due) == ("exception", date(2026, 11, 5))
    assert [i.due for i in listed.items] == sorted(i.due for i in listed.items)
    assert "Second House" in render(listed, "terminal")


def test_uids_are_stable_across_runs_and_dates(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    first = {i.key: i.uid for i in due_list([folder], within=365).items}
    again = {i.key: i.uid for i in due_list([folder], within=365, as_of=date(2026, 11, 20)).items}
    shared = set(first) & set(again)
    assert shared and all(first[k] == again[k] for k in shared)
    assert len(set(first.values())) == len(first)


def test_the_ics_file_parses_back_with_one_all_day_event_per_item(tmp_path: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    listed = due_list([_house(tmp_path)], within=90)
    text = render(listed, "ics")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(listed.items)
    for event, item in zip(events, listed.items, strict=True):
        assert str(event["UID"]) == item.uid
        assert event.decoded("DTSTART") == item.due  # an all-day date, not a time
        assert str(event["SUMMARY"]) == item.what
        assert event.decoded("DTSTAMP").date() == listed.as_of
    second = icalendar.Calendar.from_ical(render(due_list([_house(tmp_path / "again")], within=90), "ics"))
    assert [str(e["UID"]) for e in second.walk("VEVENT")] == [str(e["UID"]) for e in events]


def test_ics_text_is_escaped_and_folded_without_splitting_a_character() -> None:
    icalendar = pytest.importorskip("icalendar")
    from narr_audit.results.due import DueItem, DueList, DueResidence
    from narr_audit.results.report import Tool

    what = "Café, kitchen; back\\room: inspect " + "é" * 60
    item = DueItem(due=AS_OF, days=0, kind="document", what=what, detail="line one\nline two", residence="Ünit, 3",
                   key="document:x", uid="abc@narr-audit")  # fmt: skip
    listed = DueList(tool=Tool(version="t"), as_of=AS_OF, within=1, items=[item],
                     residences=[DueResidence(name="Ünit, 3", folder="x", as_of=AS_OF)])  # fmt: skip
    text = render(listed, "ics")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    event = next(iter(icalendar.Calendar.from_ical(text).walk("VEVENT")))
    assert str(event["SUMMARY"]) == what
    assert str(event["DESCRIPTION"]).startswith("line one\nline two")
    assert fold("x" * 80) == "x" * 75 + "\r\n " + "x" * 5 + "\r\n"


@pytest.mark.parametrize("fmt", sorted(DUE_FORMATS))
def test_every_format_names_staff_by_id_and_role(tmp_path: Path, fmt: str) -> None:
    text = render(due_list([_house(tmp_path)], within=90), fmt)
    assert "KL" in text and ("residential staff" in text or "residential staff".replace(" ", "\\ ") in text)


@pytest.mark.cli
def test_cli_due_writes_json_and_ics(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    run = run_cli("due", str(folder), "--within", "30", "--format", "json", "--no-cache")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["within"] == 30 and data["items"][0]["due"] <= data["items"][-1]["due"]
    out = tmp_path / "due.ics"
    run = run_cli("due", str(folder), "--format", "ics", "--output", str(out), "--no-cache")
    assert run.exit_code == 0 and out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    from typer.testing import CliRunner

    from narr_audit.cli import app

    raw = CliRunner().invoke(app, ["due", str(folder), "--format", "ics", "--no-cache"]).stdout_bytes
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")  # CRLF kept on standard output too


@pytest.mark.cli
def test_cli_due_refuses_bad_input(tmp_path: Path) -> None:
    assert run_cli("due", str(tmp_path / "nowhere")).exit_code == 2
    folder = _house(tmp_path)
    run = run_cli("due", str(folder), "--output", str(folder / "due.ics"))
    assert run.exit_code == 2 and "only reads" in run.stderr
    assert run_cli("due", str(folder), "--as-of", "2026-02-30").exit_code == 2
