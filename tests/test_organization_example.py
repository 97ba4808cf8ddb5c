"""The organization example teaches the organization folder: its README's "Known gaps" table is
exactly what `check` reports, shared gaps once and each house's own under it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit, audit_organization
from narr_audit.results.organization import OrganizationReport

from .test_examples import README_STATUS

ROOT = Path(__file__).parents[1]
EXAMPLE = "harbor-organization"
GENERATED_ON = date(2026, 11, 1)
_kept: list[OrganizationReport] = []


def example() -> OrganizationReport:
    """The report `narr-audit check examples/harbor-organization` gives when run from the repository."""
    if not _kept:
        here = Path.cwd()
        os.chdir(ROOT)
        try:
            _kept.append(audit_organization(Path("examples") / EXAMPLE, today=GENERATED_ON))
        finally:
            os.chdir(here)
    return _kept[0]


def documented() -> set[tuple[str, str, str]]:
    """(rule, status, where) of each row: where is 'organization' for a shared gap, else the house's folder."""
    text = (ROOT / "examples" / EXAMPLE / "README.md").read_text(encoding="utf-8")
    body = text.split("## Known gaps", 1)[1].split("\n## ", 1)[0]
    rows = set()
    for line in body.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and re.fullmatch(r"[1-4]\.[A-J]\.\d+\.[A-Za-z0-9]+", cells[0].strip("`")):
            where = "organization" if cells[2].startswith("organization-wide") else cells[2].strip("`")
            rows.add((cells[0].strip("`"), README_STATUS[cells[1].lower()], where))
    return rows


def test_the_readme_gap_table_is_exactly_what_check_reports() -> None:
    report = example()
    reported = {(g.rule, g.status, "organization") for g in report.organization_gaps}
    for prop in report.scored():
        reported |= {(r.id, r.status, prop.folder) for r in report.own_gaps(prop)}
    assert reported == documented(), (
        f"examples/{EXAMPLE}: check reports gaps the README does not list: {sorted(reported - documented())}; "
        f"the README lists gaps check does not report: {sorted(documented() - reported)}"
    )


def test_the_example_has_three_properties_at_two_levels_and_a_shared_gap_blocking_all() -> None:
    report = example()
    assert [(p.folder, p.level) for p in report.properties] == [
        ("harbor-house", "II"),
        ("cedar-house", "II"),
        ("birch-house", "III"),
    ]
    assert len(report.organization_gaps) == 1
    assert [b.folder for b in report.organization_gaps[0].properties] == [p.folder for p in report.properties]
    assert report.organization_gaps[0].location.file == "organization.yaml"
    assert [p.folder for p in report.properties if p.gaps] == ["cedar-house"]
    assert report.totals.fixes == 2


def test_the_example_loads_without_warnings_or_unmapped_files() -> None:
    report = example()
    assert report.unmapped == [] and report.warnings == []
    for prop in report.scored():
        assert prop.report is not None
        assert prop.report.unmapped == [], prop.folder
        assert [w.message for w in prop.report.warnings if "expires on" not in w.message] == []
        assert all(d.unreadable is None for d in prop.report.documents)


def test_birch_houses_own_schedule_replaces_the_shared_one() -> None:
    birch = next(p for p in example().properties if p.folder == "birch-house").report
    assert birch is not None
    paths = [d.path for d in birch.documents]
    assert "birch-house/programs/weekly-schedule.md" in paths and "schedule/weekly-schedule.pdf" not in paths
    harbor = next(p for p in example().properties if p.folder == "harbor-house").report
    assert harbor is not None and "schedule/weekly-schedule.pdf" in [d.path for d in harbor.documents]


@pytest.mark.parametrize("house", ["harbor-house", "cedar-house", "birch-house"])
def test_a_house_checked_alone_reports_what_the_organization_report_says_of_it(house: str) -> None:
    alone = audit(ROOT / "examples" / EXAMPLE / house, today=GENERATED_ON)
    together = next(p for p in example().properties if p.folder == house).report
    assert together is not None
    assert [(r.id, r.status) for r in alone.gap_results()] == [(r.id, r.status) for r in together.gap_results()]
    assert alone.score == together.score


@pytest.mark.parametrize(
    ("folder", "loads_it"),
    [("examples/level-2-monitored", False), ("examples/harbor-organization/birch-house", True)],
)
def test_only_a_property_of_an_organization_loads_the_organization_module(folder: str, loads_it: bool) -> None:
    """A residence on its own, the common case, learns from file names alone that no organization holds
    it (evidence.orgfolder), and does not pay for loading evidence.organization; a property still does."""
    probe = (
        "import sys, datetime\n"
        "from narr_audit.api import audit\n"
        f"report = audit({folder!r}, today=datetime.date(2026, 11, 1))\n"
        "print(report.residence.name)\n"
        "print('narr_audit.evidence.organization' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False, cwd=ROOT)
    name, loaded = done.stdout.split("\n")[:2]
    assert name, done.stderr
    assert loaded == str(loads_it), done.stderr
