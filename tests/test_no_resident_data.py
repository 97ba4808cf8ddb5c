"""No resident's data in any message: a malformed log is described by file, row, column and the kind
of problem, never by what its cells hold (NARR rule 1.B.6 on confidential resident records).

Distinctive values (a name, a phone number, an email) are planted in broken CSV, TSV, Excel and YAML
logs, and in well-formed logs beside their dates; then every output of every command is searched.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from narr_audit.evidence.logs import FAULTS, log_problem
from narr_audit.formats.report import FORMATS
from narr_audit.formats.summary import SUMMARY_FORMATS
from tests.conftest import Run, run_cli
from tests.folders import MISSION, make_folder

NAME, PHONE, EMAIL = "Zebulon Quartermaine", "555-867-5309", "zebulon.q@example.com"
PLANTED = ("Zebulon", "Quartermaine", "867-5309", "8675309", "zebulon.q", "example.com")


def xlsx(rows: list[list[object]]) -> bytes:
    """An Excel workbook's bytes, its first sheet holding ``rows``."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BROKEN_LOGS: dict[str, str | bytes] = {
    # no header row: the first row is a resident's entry
    "logs/meetings-no-header.csv": f"2026-10-01,{NAME},{PHONE},{EMAIL}\n2026-10-08,{NAME},{PHONE},{EMAIL}\n",
    # a header, then date cells holding anything but a date
    "logs/meetings-bad-dates.csv": (
        f"date,resident,phone\n{NAME},ZQ,{PHONE}\n{PHONE},{NAME},x\n2026-13-01,{NAME},{PHONE}\n"
        f"2026-02-30,{EMAIL},{PHONE}\n,{NAME},{PHONE}\n"
    ),
    # tab-separated, no header and no date anywhere in the first row
    "logs/visitors.tsv": f"{NAME}\t{PHONE}\t{EMAIL}\n{NAME}\t{PHONE}\t{EMAIL}\n",
    # date_column in residence.yaml names a column the first row does not have
    "logs/curfew.csv": f"{NAME},{PHONE}\n{EMAIL},{PHONE}\n",
    # Excel without a header row, and Excel whose date cells hold text and a phone number
    "logs/drills-no-header.xlsx": xlsx([[datetime(2026, 10, 1), NAME, PHONE], [datetime(2026, 10, 8), NAME, EMAIL]]),
    "logs/drills-bad-cells.xlsx": xlsx(
        [["Date", "Resident", "Phone"], [EMAIL, NAME, PHONE], [5558675309, NAME, EMAIL]]
    ),
    # YAML entries without a usable date
    "logs/detectors.yaml": f"- date: {NAME}\n  phone: {PHONE}\n- resident: {EMAIL}\n- date: {PHONE}\n",
    # YAML the parser refuses, with the resident's name as the repeated key
    "logs/chores.yaml": f"- {NAME}: 2026-10-01\n  {NAME}: {PHONE}\n",
    "logs/naloxone.yaml": f"- date: [{NAME}, {PHONE}\n",
}
RULE = "3.I.27.e"


@pytest.fixture(scope="module")
def applicants(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two applicants: one whose logs are all malformed, one whose logs are fine but hold resident data."""
    root = tmp_path_factory.mktemp("residents") / "applicants"
    evidence = [
        {"file": path, "rules": [RULE], **({"date_column": "When"} if "curfew" in path else {})} for path in BROKEN_LOGS
    ]
    make_folder(root / "broken", files={**BROKEN_LOGS, "mission.md": MISSION}, evidence=evidence)
    fine: dict[str, str | bytes] = {
        "logs/house-meetings.csv": f"date,chair,phone,email\n2026-10-04,{NAME},{PHONE},{EMAIL}\n",
        "logs/fire-drills.xlsx": xlsx([["Drill date", "Led by"], [datetime(2026, 9, 1), NAME]]),
        "logs/detector-checks.yaml": f"- date: 2026-10-01\n  checked_by: {NAME}\n  phone: {PHONE}\n",
        "logs/unmapped-visitors.csv": f"{NAME},{PHONE},{EMAIL}\n",
        "mission.md": MISSION,
    }
    make_folder(
        root / "fine",
        files=fine,
        evidence=[{"file": p, "rules": [RULE]} for p in fine if "unmapped" not in p and p.startswith("logs/")],
    )
    return root


def leaked(*texts: str) -> list[str]:
    joined = "\n".join(texts).lower()
    return [value for value in PLANTED if value.lower() in joined]


def outputs(runs: list[Run], *folders: Path) -> list[str]:
    texts = [text for run in runs for text in (run.stdout, run.stderr)]
    for folder in folders:
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file())
    return texts


def test_every_broken_log_is_reported_by_file_row_and_column(applicants: Path) -> None:
    result = run_cli("validate", str(applicants / "broken"), "--format", "json")
    assert result.exit_code == 2
    problems = json.loads(result.stdout)["problems"]
    by_file: dict[str, list[dict[str, object]]] = {}
    for p in problems:
        by_file.setdefault(str(p["file"]), []).append(p)
    assert set(by_file) == set(BROKEN_LOGS), "every malformed log is reported"
    rows = [(p["line"], p["field"], p["message"]) for p in by_file["logs/meetings-bad-dates.csv"]]
    assert rows == [
        (2, "date", "row 2, column 1 ('date'): the date is not in the form YYYY-MM-DD (or MM/DD/YYYY)"),
        (3, "date", "row 3, column 1 ('date'): the date is not in the form YYYY-MM-DD (or MM/DD/YYYY)"),
        (4, "date", "row 4, column 1 ('date'): the date is not a real date: its month is not 01 to 12"),
        (5, "date", "row 5, column 1 ('date'): the date is not a real date: its month has no such day"),
        (6, "date", "row 6, column 1 ('date'): the date is missing"),
    ]
    (no_header,) = by_file["logs/meetings-no-header.csv"]
    assert no_header["line"] == 1 and "no header row" in str(no_header["message"])
    (excel_no_header,) = by_file["logs/drills-no-header.xlsx"]
    assert "no header row" in str(excel_no_header["message"])
    assert [p["message"] for p in by_file["logs/drills-bad-cells.xlsx"]] == [
        "row 2, column 1 ('Date'): the date is not in the form YYYY-MM-DD (or MM/DD/YYYY)",
        "row 3, column 1 ('Date'): the date is stored as a number, not as a date",
    ]
    assert [p["message"] for p in by_file["logs/visitors.tsv"]] == [
        "the first row has no 'date' column (it has 3 column(s)); if that row is data, the log has no header row"
    ]
    assert [p["message"] for p in by_file["logs/curfew.csv"]] == [
        "the first row has no column 'When' (it has 2 column(s))"
    ]
    assert [(p["line"], p["message"]) for p in by_file["logs/detectors.yaml"]] == [
        (1, "entry 1, key 'date': the date is not in the form YYYY-MM-DD (or MM/DD/YYYY)"),
        (3, "entry 2: it has no 'date'"),
        (4, "entry 3, key 'date': the date is not in the form YYYY-MM-DD (or MM/DD/YYYY)"),
    ]
    assert [p["line"] for p in by_file["logs/chores.yaml"]] == [2]


def test_validate_says_nothing_a_resident_wrote(applicants: Path) -> None:
    runs = [
        run_cli("validate", str(applicants / name), *fmt) for name in ("broken", "fine") for fmt in ([], ["-f", "json"])
    ]
    assert [r.exit_code for r in runs] == [2, 2, 0, 0]
    assert leaked(*outputs(runs)) == []


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_check_in_every_format_says_nothing_a_resident_wrote(applicants: Path, tmp_path: Path, fmt: str) -> None:
    runs = [
        run_cli("check", str(applicants / "broken"), "--format", fmt),
        run_cli("check", str(applicants / "fine"), "--format", fmt, "--fail-on", "none"),
        run_cli("check", str(applicants / "fine"), "--format", fmt, "--fail-on", "none", "-o", str(tmp_path / "r")),
    ]
    assert [r.exit_code for r in runs] == [2, 0, 0]
    assert "row" in runs[0].stderr and "logs/meetings-bad-dates.csv" in runs[0].stderr
    assert leaked(*outputs(runs, tmp_path)) == []


@pytest.mark.slow
def test_batch_summaries_and_reports_say_nothing_a_resident_wrote(applicants: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    formats = [arg for name in sorted(FORMATS) for arg in ("--format", name)]
    summaries = [arg for name in sorted(SUMMARY_FORMATS) for arg in ("--summary", name)]
    result = run_cli("batch", str(applicants), "--out", str(out), *formats, *summaries)
    assert result.exit_code == 2, result.stderr  # one applicant could not be read
    assert {p.name for p in out.iterdir()} >= {"summary.html", "summary.csv", "summary.md", "summary.json"}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    broken = next(a for a in summary["applicants"] if a["verdict"] == "unreadable")
    assert any("row 2, column 1 ('date')" in p for p in broken["problems"])
    assert len([p for p in out.rglob("*") if p.is_file() and p.parent != out]) >= len(FORMATS)  # the fine one's
    assert leaked(*outputs([result], out)) == []


def test_map_precommit_and_visit_checklist_say_nothing_a_resident_wrote(applicants: Path) -> None:
    broken, fine = applicants / "broken", applicants / "fine"
    runs = [
        run_cli("map", str(broken)),
        run_cli("map", str(fine)),
        run_cli("map", str(fine), "--format", "json"),
        run_cli("precommit", str(broken / "residence.yaml"), *(str(broken / p) for p in BROKEN_LOGS)),
        run_cli("precommit", str(fine / "residence.yaml")),
        run_cli("visit-checklist", str(broken)),
        run_cli("visit-checklist", str(fine), "--format", "review-yaml"),
    ]
    assert runs[3].exit_code == 1 and "logs/meetings-no-header.csv" in runs[3].stdout
    assert "unmapped-visitors.csv" in runs[1].stdout  # the unmapped log is named, never read out
    assert leaked(*outputs(runs)) == []


def test_a_log_problem_never_repeats_a_value_it_was_not_given() -> None:
    """Every kind of log problem is fixed text: only numbers and a column's name are filled in."""
    for fault in FAULTS:
        problem = log_problem("logs/x.csv", fault, row=3, column=2, column_name="date", size=11, limit=10, columns=4)
        assert leaked(problem.render()) == [] and problem.file == "logs/x.csv"
        assert "{" not in problem.message and "{" not in (problem.hint or "")
