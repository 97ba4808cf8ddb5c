"""`narr-audit check` as a user runs it: output, formats, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli
from .folders import MISSION, make_folder

pytestmark = pytest.mark.cli


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )


def test_terminal_summary_lists_verdict_domains_and_gaps_with_fixes(folder: Path) -> None:
    run = run_cli("check", str(folder))
    assert run.exit_code == 1
    out = run.stdout
    assert "Test House, Level II (Monitored)" in out
    assert "NOT READY for certification" in out
    assert "Score by domain" in out and "2 Physical Environment" in out
    first_gap = out.index("1. [")
    assert "(life safety)" in out[first_gap : out.index("\n", first_gap)]
    assert "Fix:" in out
    assert "\x1b[" not in out, "no colour codes when output is not a terminal"


def test_json_report_is_valid_json_with_schema_version(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    run = run_cli("check", str(folder), "--format", "json", "--output", str(target), "--fail-on", "none")
    assert run.exit_code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.2"
    assert data["residence"]["name"] == "Test House"
    assert next(r for r in data["results"] if r["id"] == "1.A.1.a")["status"] == "met"
    assert list(data)[:4] == ["schema_version", "tool", "generated_on", "assessed_on"]


def test_fail_under_and_fail_on(folder: Path) -> None:
    assert run_cli("check", str(folder), "--fail-on", "none").exit_code == 0
    assert run_cli("check", str(folder), "--fail-on", "none", "--fail-under", "50").exit_code == 1
    assert run_cli("check", str(folder), "--fail-on", "none", "--fail-under", "0").exit_code == 0


def test_as_of_moves_the_assessment_date(folder: Path) -> None:
    data = json.loads(run_cli("check", str(folder), "-f", "json", "--as-of", "2026-05-05").stdout)
    assert data["assessed_on"] == "2026-05-05"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2026-02-30"], "not a real date"),
        (["--format", "pdf"], "'pdf' is not one of"),
        (["--level", "V"], "'V' is not a level of support; use I, II, III or IV"),
        (["--fail-under", "120"], "less than or equal to 100"),
    ],
)
def test_bad_options_exit_2_with_a_message(folder: Path, args: list[str], message: str) -> None:
    run = run_cli("check", str(folder), *args)
    assert run.exit_code == 2
    assert message in run.stderr


def test_a_broken_folder_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, evidence=[{"file": "missing.pdf", "rules": ["1.A.1.a"]}])
    run = run_cli("check", str(folder))
    assert run.exit_code == 2
    assert "residence.yaml:" in run.stderr and "there is no file 'missing.pdf'" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_missing_folder_exits_2(tmp_path: Path) -> None:
    run = run_cli("check", str(tmp_path / "nope"))
    assert run.exit_code == 2 and "no such folder" in run.stderr


def test_check_never_writes_into_the_evidence_folder(folder: Path) -> None:
    before = sorted((p.relative_to(folder), p.read_bytes()) for p in folder.rglob("*") if p.is_file())
    run_cli("check", str(folder), "-f", "json")
    after = sorted((p.relative_to(folder), p.read_bytes()) for p in folder.rglob("*") if p.is_file())
    assert before == after


def test_a_report_is_never_written_into_the_evidence_folder(folder: Path) -> None:
    before = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    run = run_cli("check", str(folder), "-f", "html", "--output", str(folder / "report.html"))
    assert run.exit_code == 2
    assert "would write into the evidence folder" in run.stderr and "--output" in run.stderr
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == before
    visit = run_cli("visit-checklist", str(folder), "--output", str(folder / "visit.md"))
    assert visit.exit_code == 2 and not (folder / "visit.md").exists()
