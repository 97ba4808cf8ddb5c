"""`narr-audit batch` with an organization among the applicants: one applicant, a row per property.

A certifying body reviews an operator of three houses as one applicant: the three houses are three
rows of the summary (three certifications, counted as such), grouped under the organization's own
row with its verdict and score, and the organization's shared manuals are read once for all three.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

import pytest

from narr_audit.evidence import loader
from narr_audit.evidence.organization import ORGANIZATION
from narr_audit.results.summary import ApplicantRow, OrganizationRow, Totals
from narr_audit.workflows import batch
from narr_audit.workflows.batch import (
    Done,
    Options,
    audit_one,
    batch_exit_code,
    discover,
    run,
    summarize,
    write_summary,
)

from .conftest import run_cli
from .folders import MISSION, make_folder

ROOT = Path(__file__).parents[1]
HARBOR = ROOT / "examples" / "harbor-organization"
PROPERTIES = ("harbor-house", "cedar-house", "birch-house")  # in the order organization.yaml lists them
TODAY = date(2026, 11, 1)
FORK = __import__("multiprocessing").get_start_method() == "fork"

pytestmark = pytest.mark.slow


def _applicants(root: Path) -> Path:
    """Two residences on their own and Harbor Recovery's three houses (one organization)."""
    for name in ("level-1-peer-run", "level-2-monitored"):
        shutil.copytree(ROOT / "examples" / name, root / name)
    shutil.copytree(HARBOR, root / "harbor-recovery")
    return root


def _small(root: Path) -> Path:
    """Harbor Recovery beside one small residence: quick batches for what goes wrong."""
    shutil.copytree(HARBOR, root / "harbor-recovery")
    make_folder(
        root / "mission-house",
        name="Mission House",
        files={"mission.md": MISSION},
        evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}],
    )
    return root


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """The applicants, the reports folder and the exit code of one `narr-audit batch` over them."""
    root = _applicants(tmp_path_factory.mktemp("applicants"))
    out = tmp_path_factory.mktemp("reports")
    done = run_cli("batch", str(root), "--out", str(out), "--jobs", "2", "--format", "html", "--format", "json")
    return root, out, done.exit_code


def _summary(out: Path) -> dict[str, Any]:
    summary: dict[str, Any] = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return summary


def _org(root: Path) -> str:
    return (root / "harbor-recovery").as_posix()


# --- the CSV: one row per property, an organization column ---------------------------------------------------

LEGACY_COLUMNS = [  # before organizations: spreadsheets and scripts read these by position
    "folder", "name", "operator", "applicant_id", "level", "score", "verdict", "passed", "gaps", "not_met",
    "partial", "unreadable_evidence", "gaps_domain_1", "gaps_domain_2", "gaps_domain_3", "gaps_domain_4",
    "site_visit", "plan_open", "plan_overdue", "warnings", "report", "problems",
]  # fmt: skip


def test_the_csv_has_a_row_per_property_named_in_the_organization_column(checked: tuple[Path, Path, int]) -> None:
    root, out, code = checked
    assert code == 1, "every applicant read, some not ready: the policy fails"
    table = list(csv.reader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8"))))
    header, rows = table[0], [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    assert header == [*LEGACY_COLUMNS, "organization", "to_confirm"], (
        "new columns come last; the others keep their place"
    )
    by_folder = {r["folder"]: r for r in rows}
    assert list(by_folder) == [
        *(f"{_org(root)}/{p}" for p in PROPERTIES),
        (root / "level-1-peer-run").as_posix(),
        (root / "level-2-monitored").as_posix(),
    ]
    for name in PROPERTIES:
        row = by_folder[f"{_org(root)}/{name}"]
        assert row["organization"] == "Harbor Recovery LLC"
        assert row["verdict"] == "not_ready" and float(row["score"]) > 90
        assert row["report"] == _summary(out)["organizations"][0]["reports"]["html"], "its organization's report"
    assert by_folder[f"{_org(root)}/birch-house"]["level"] == "III"
    assert by_folder[(root / "level-2-monitored").as_posix()]["organization"] == ""


# --- the JSON summary carries the grouping -----------------------------------------------------------------


def test_the_json_summary_groups_the_properties_under_their_organization(checked: tuple[Path, Path, int]) -> None:
    root, out, _ = checked
    summary = _summary(out)
    assert summary["schema_version"] == "1.3"
    assert summary["totals"]["applicants"] == 5, "three houses and two residences: five certifications"
    assert summary["totals"]["organizations"] == 1
    (org,) = summary["organizations"]
    assert org["name"] == "Harbor Recovery LLC" and org["applicant_id"] == "AZ-ORG-2026-003"
    assert org["folder"] == _org(root)
    assert org["properties"] == [f"{_org(root)}/{p}" for p in PROPERTIES]
    members = [r for r in summary["applicants"] if r["organization_folder"] == org["folder"]]
    assert [r["folder"] for r in members] == org["properties"]
    assert all(r["organization"] == "Harbor Recovery LLC" for r in members)
    assert [r["organization"] for r in summary["applicants"] if r not in members] == [None, None]

    report = json.loads((out / org["reports"]["json"]).read_text(encoding="utf-8"))
    assert report["report"] == "organization", "one organization report, in each format asked for"
    assert (out / org["reports"]["html"]).is_file()
    folders = sorted(p.name for p in (out / "applicants").iterdir())
    assert len(folders) == 3 and org["slug"] in folders, "no report folder per property: the organization's has them"
    assert org["verdict"] == report["verdict"] and org["score"] == report["score"]["percent"]
    assert org["organization_gaps"] == len(report["organization_gaps"]) >= 1
    assert org["gaps"] == report["totals"]["fixes"], "an organization-wide gap is one fix, not one per house"
    by_folder = {r["folder"]: r for r in members}
    for prop in report["properties"]:
        assert by_folder[f"{_org(root)}/{prop['folder']}"]["score"] == prop["score"]


# --- the dashboard groups an organization's properties under its row ----------------------------------------


class _Groups(HTMLParser):
    """The dashboard's table as groups: each <tbody> with its rows' class and data- attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[list[dict[str, str]]] = []
        self.text: list[str] = []
        self.links: list[str] = []
        self._in_row = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "tbody":
            self.groups.append([])
        elif tag == "tr" and self.groups:
            self.groups[-1].append(a)
            self._in_row = True
        elif tag == "a" and self._in_row:
            self.links.append(a.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._in_row = False


def test_the_dashboard_shows_each_organization_as_a_group_its_properties_under_its_row(
    checked: tuple[Path, Path, int],
) -> None:
    _, out, _ = checked
    page = _Groups()
    page.feed((out / "summary.html").read_text(encoding="utf-8"))
    summary = _summary(out)
    (org,) = summary["organizations"]
    assert [len(g) for g in page.groups] == [4, 1, 1], "one group per applicant: the organization's is 1 + 3 rows"
    head, *houses = page.groups[0]
    assert head["class"] == "org-head" and head["data-name"] == "harbor recovery llc"
    assert float(head["data-score"]) == org["score"] and head["data-verdict"] == org["verdict"]
    assert head["data-gaps"] == str(org["gaps"]) and head["data-level"] == "II, III"
    assert [h["class"] for h in houses] == ["property"] * 3
    assert [h["data-name"] for h in houses] == ["harbor house", "cedar house", "birch house"]
    assert all("harbor recovery llc" in h["data-text"] for h in houses), "searching the operator finds its houses"
    for group in page.groups[1:]:
        assert "class" not in group[0] and group[0]["data-name"] in ("cedar lane house", "harbor house")
    assert page.links and all((out / link).is_file() for link in page.links)


@pytest.mark.browser
def test_sorting_the_dashboard_moves_an_organization_with_its_properties(
    checked: tuple[Path, Path, int],
) -> None:
    from .test_html_report import chromium

    executable = chromium()
    from playwright.sync_api import expect, sync_playwright

    _, out, _ = checked
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(executable), args=["--no-sandbox"])
        try:
            tab = browser.new_page(viewport={"width": 1200, "height": 800})
            tab.on("console", lambda m: problems.append(m.text) if m.type in {"error", "warning"} else None)
            tab.on("pageerror", lambda e: problems.append(str(e)))
            tab.goto((out / "summary.html").as_uri())
            expect(tab.locator("#count")).to_have_text("Showing 5 of 5 applicants.")

            def layout() -> list[str]:
                rows = tab.locator("#applicants tbody tr")
                found: list[str] = rows.evaluate_all("r => r.map(x => (x.className || '-') + ':' + x.dataset.score)")
                return found

            for direction in ("ascending", "descending"):
                tab.get_by_role("button", name="Score").click()
                expect(tab.locator("th:has(button[data-key=score])")).to_have_attribute("aria-sort", direction)
                rows = layout()
                head = rows.index(next(r for r in rows if r.startswith("org-head")))
                assert [r.split(":")[0] for r in rows[head + 1 : head + 4]] == ["property"] * 3, rows
                groups = [float(r.split(":")[1]) for r in rows if not r.startswith("property")]
                assert groups == sorted(groups, reverse=direction == "descending"), "groups sort by their own row"
                houses = [float(r.split(":")[1]) for r in rows[head + 1 : head + 4]]
                assert houses == sorted(houses, reverse=direction == "descending"), "and houses within the group"

            tab.get_by_label("Search").fill("birch")
            expect(tab.locator("#applicants tbody tr:visible")).to_have_count(2)  # the organization's row, Birch
            expect(tab.locator("#count")).to_have_text("Showing 1 of 5 applicants.")
            tab.get_by_label("Search").fill("harbor recovery")
            expect(tab.locator("#count")).to_have_text("Showing 4 of 5 applicants.")  # its houses, and Harbor House
        finally:
            browser.close()
    assert problems == []


# --- the shared documents are extracted once per organization ----------------------------------------------


def test_an_organization_is_one_job_that_extracts_the_shared_documents_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _small(tmp_path / "applicants")
    org = root / "harbor-recovery"
    dones: list[Done] = []
    run(discover([root]), Options(today=TODAY), jobs=2, on_done=dones.append)
    assert sorted((d.folder.name, len(d.properties)) for d in dones) == [("harbor-recovery", 3), ("mission-house", 0)]

    extracted: Counter[Path] = Counter()
    real = loader.extract

    def counted(path: Path, *args: Any, **kwargs: Any) -> Any:
        extracted[Path(path).resolve()] += 1
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "extract", counted)
    done = audit_one(org, "harbor-recovery", Options(today=TODAY))  # what the worker runs for the organization
    assert len(done.properties) == 3 and all(r.verdict != "unreadable" for r in done.properties)
    shared = {
        p.resolve()
        for p in org.rglob("*")
        if p.suffix in {".pdf", ".docx", ".md"} and p.relative_to(org).parts[0] not in (*PROPERTIES, "README.md")
    }
    assert len(shared) >= 15
    assert {p: n for p, n in extracted.items() if p in shared} == dict.fromkeys(shared, 1)

    extracted.clear()
    for name in PROPERTIES:  # the same houses as three residences of their own: three readings each
        audit_one(org / name, name, Options(today=TODAY))
    assert {p: n for p, n in extracted.items() if p in shared} == dict.fromkeys(shared, 3)


def test_every_report_format_batch_offers_is_written_for_an_organization(tmp_path: Path) -> None:
    from narr_audit.formats.report import FORMATS

    org = shutil.copytree(HARBOR, tmp_path / "harbor-recovery")
    out = tmp_path / "reports"
    done = audit_one(org, "harbor", Options(formats=tuple(FORMATS), today=TODAY), out)
    assert isinstance(done.row, OrganizationRow) and set(done.row.reports) == set(FORMATS)
    for path in done.row.reports.values():
        assert (out / path).stat().st_size > 0
    assert json.loads((out / done.row.reports["json"]).read_text(encoding="utf-8"))["report"] == "organization"


# --- what goes wrong stays with the property or the organization -------------------------------------------


def test_a_broken_property_is_its_row_while_its_neighbours_are_scored(tmp_path: Path) -> None:
    root = _small(tmp_path / "applicants")
    manifest = root / "harbor-recovery" / "cedar-house" / "residence.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("level: II", "level: IX"), encoding="utf-8")
    out = tmp_path / "reports"
    done = run_cli("batch", str(root), "--out", str(out), "--fail-on", "none")
    assert done.exit_code == 2, "a property that cannot be read makes the batch exit 2, as any applicant"
    summary = _summary(out)
    rows = {Path(r["folder"]).name: r for r in summary["applicants"]}
    cedar = rows["cedar-house"]
    assert cedar["verdict"] == "unreadable" and cedar["organization"] == "Harbor Recovery LLC"
    assert cedar["problems"][0].startswith("cedar-house/residence.yaml:6: ")
    assert "residence.level" in cedar["problems"][0]
    for name in ("harbor-house", "birch-house", "mission-house"):
        assert rows[name]["verdict"] != "unreadable" and rows[name]["score"] is not None
    assert summary["totals"]["unreadable"] == 1 and summary["totals"]["applicants"] == 4
    (org,) = summary["organizations"]
    assert org["verdict"] == "not_ready" and not org["passed"] and org["score"] is not None
    assert (out / org["reports"]["json"]).is_file()
    assert f"could not read {root.as_posix()}/harbor-recovery/cedar-house" in done.stderr


def test_a_broken_organization_yaml_makes_the_organization_one_error_row(tmp_path: Path) -> None:
    root = _small(tmp_path / "applicants")
    (root / "harbor-recovery" / ORGANIZATION).write_text("organization: [\n", encoding="utf-8")
    out = tmp_path / "reports"
    done = run_cli("batch", str(root), "--out", str(out), "--fail-on", "none")
    assert done.exit_code == 2
    summary = _summary(out)
    assert [(Path(r["folder"]).name, r["verdict"]) for r in summary["applicants"]] == [
        ("harbor-recovery", "unreadable"),
        ("mission-house", "not_ready"),
    ], "its houses are not checked one by one behind its back"
    broken = summary["applicants"][0]
    assert "organization.yaml" in broken["problems"][0] and "invalid YAML" in broken["problems"][0]
    assert broken["organization"] is None and summary["organizations"] == []
    csv_rows = list(csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8"))))
    assert csv_rows[0]["verdict"] == "unreadable" and csv_rows[0]["organization"] == ""


@pytest.mark.skipif(not FORK, reason="the planted delay reaches batch workers only when they are forked")
def test_the_timeout_is_for_the_whole_organization(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from narr_audit.workflows import organization

    root = _small(tmp_path / "applicants")
    real = organization.Session.load

    def slow_last_house(self: Any, rel: str) -> Any:
        if rel == PROPERTIES[-1]:
            time.sleep(600)
        return real(self, rel)

    monkeypatch.setattr(organization.Session, "load", slow_last_house)
    out = tmp_path / "reports"
    done = run_cli("batch", str(root), "--out", str(out), "--timeout", "2", "--jobs", "1", "--fail-on", "none")
    assert done.exit_code == 2
    rows = _summary(out)["applicants"]
    assert [Path(r["folder"]).name for r in rows] == ["harbor-recovery", "mission-house"]
    assert "took longer than 2 seconds" in rows[0]["problems"][0]
    assert rows[1]["verdict"] == "not_ready", "the next applicant still gets its turn"


# --- the same inputs give the same bytes ---------------------------------------------------------------------


def test_two_runs_give_the_same_bytes(tmp_path: Path) -> None:
    root = _small(tmp_path / "applicants")
    options = Options(formats=("json", "markdown", "html"), today=TODAY)
    folders = discover([root])
    one, two = tmp_path / "one", tmp_path / "two"
    for target, jobs in ((one, 1), (two, 2)):
        write_summary(
            summarize(run(folders, options, target, jobs=jobs), options), target, ["csv", "json", "markdown", "html"]
        )
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert len(files) == 10  # three reports for each of two applicants, and the four summaries
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


# --- discovery, counts and exit codes -------------------------------------------------------------------------


def test_discovery_stops_at_an_organization_and_leaves_its_properties_to_it(tmp_path: Path) -> None:
    root = _small(tmp_path / "applicants")
    org = root / "harbor-recovery"
    assert discover([root]) == [org, root / "mission-house"]
    assert discover([root, org / "cedar-house"]) == [org, root / "mission-house"], "not scored twice"
    assert discover([org / "cedar-house"]) == [org / "cedar-house"], "a property alone is checked alone"
    assert batch.ORGANIZATION == ORGANIZATION


def _row(
    folder: str,
    verdict: Literal["ready", "not_ready", "unreadable"] = "ready",
    passed: bool = True,
    organization: str | None = None,
) -> ApplicantRow:
    return ApplicantRow(
        folder=folder,
        slug=folder,
        verdict=verdict,
        passed=passed,
        organization="Org" if organization else None,
        organization_folder=organization,
    )


def _org_row(properties: list[str], passed: bool) -> OrganizationRow:
    return OrganizationRow(
        folder="org", slug="org", name="Org", verdict="not_ready", passed=passed, properties=properties
    )


def _totals(rows: list[ApplicantRow | OrganizationRow]) -> tuple[Totals, int]:
    summary = summarize(rows, Options(today=TODAY))
    return summary.totals, batch_exit_code(summary)


def test_counts_and_exit_codes_count_properties_not_organizations() -> None:
    houses = [
        _row("org/a", organization="org"),
        _row("org/b", "not_ready", False, "org"),
        _row("org/c", organization="org"),
    ]
    totals, code = _totals([_org_row(["org/a", "org/b", "org/c"], passed=False), *houses, _row("solo")])
    assert (totals.applicants, totals.organizations) == (4, 1)
    assert (totals.ready, totals.not_ready, totals.unreadable, totals.failed_policy) == (3, 1, 0, 1)
    assert code == 1

    houses[2] = _row("org/c", "unreadable", False, "org")
    totals, code = _totals([_org_row(["org/a", "org/b", "org/c"], passed=False), *houses, _row("solo")])
    assert (totals.unreadable, totals.failed_policy, code) == (1, 2, 2)

    passing = [_row("org/a", organization="org"), _row("org/b", organization="org")]
    totals, code = _totals([_org_row(["org/a", "org/b"], passed=True), *passing])
    assert (totals.applicants, totals.ready, code) == (2, 2, 0)


def test_an_interrupted_batch_keeps_each_organization_with_the_rows_it_finished() -> None:
    rows: list[ApplicantRow | OrganizationRow] = [_org_row(["org/a"], True), _row("org/a", organization="org")]
    partial = summarize(rows, Options(today=TODAY), not_checked=[Path("later")])
    assert not partial.complete and partial.not_checked == ["later"]
    assert [o.properties for o in partial.organizations] == [["org/a"]] and partial.totals.applicants == 1
