"""`narr-audit batch`: many applicants in parallel, a report each, a summary to sort, honest exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from narr_audit.workflows.batch import Options, discover, run, slugs, summarize, write_summary

from .conftest import run_cli
from .folders import MISSION, make_folder

ROOT = Path(__file__).parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def applicants(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("applicants")
    for name in ("level-1-peer-run", "level-2-monitored"):
        shutil.copytree(ROOT / "examples" / name, root / "spring" / name)
    make_folder(
        root / "fall" / "<b>bold</b>",
        name="<script>alert(1)</script> House",
        files={"mission.md": MISSION},
        evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}],
    )
    broken = root / "fall" / "broken"
    broken.mkdir(parents=True)
    (broken / "residence.yaml").write_text("residence: [\n", encoding="utf-8")
    (root / "fall" / ".hidden" / "x").mkdir(parents=True)
    (root / "fall" / ".hidden" / "x" / "residence.yaml").write_text("residence: {}\n", encoding="utf-8")
    return root


def test_discover_finds_every_applicant_and_skips_hidden_folders(applicants: Path) -> None:
    found = [p.relative_to(applicants).as_posix() for p in discover([applicants])]
    assert found == ["fall/<b>bold</b>", "fall/broken", "spring/level-1-peer-run", "spring/level-2-monitored"]


def test_slugs_are_unique_and_safe() -> None:
    names = slugs([Path("a/x"), Path("b/a/x"), Path("c/<b>x</b>")])
    assert len(set(names.values())) == 3
    assert all(all(ch.isalnum() or ch in "._-" for ch in s) for s in names.values())


def test_batch_writes_reports_and_summaries_and_reports_the_broken_applicant(applicants: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run_ = run_cli("batch", str(applicants), "--out", str(out), "--jobs", "2")
    assert run_.exit_code == 2, "an applicant that cannot be read makes the batch exit 2"
    assert "could not read" in run_.stderr and "broken" in run_.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    rows = {Path(r["folder"]).name: r for r in summary["applicants"]}
    assert rows["broken"]["verdict"] == "unreadable" and "invalid YAML" in rows["broken"]["problems"][0]
    assert rows["level-2-monitored"]["verdict"] == "ready" and rows["level-2-monitored"]["passed"]
    assert rows["level-1-peer-run"]["gaps"] == 4
    assert sum(rows["level-1-peer-run"]["gaps_by_domain"].values()) == 4
    for row in summary["applicants"]:
        for path in row["reports"].values():
            assert (out / path).is_file()
    table = list(csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8"))))
    assert [r["verdict"] for r in table] == [r["verdict"] for r in summary["applicants"]]
    assert {"score", "gaps_domain_1", "gaps_domain_4", "site_visit", "report"} <= set(table[0])
    # The reviewer's queue: each applicant's topics met only for the reviewer to confirm, as its report lists them.
    for row in summary["applicants"]:
        if row["verdict"] == "unreadable":
            continue
        report = json.loads((out / row["reports"]["json"]).read_text(encoding="utf-8"))
        checks = [c for r in report["results"] for c in r["checks"]]
        checks += [a for c in checks for a in c["alternatives"]]  # one level of "one of" alternatives
        listed = sum(len(c["to_confirm"]) for c in checks)
        assert row["to_confirm"] == listed, row["folder"]
    assert rows["level-2-monitored"]["to_confirm"] > 0
    assert {r["folder"]: int(r["to_confirm"]) for r in table} == {
        r["folder"]: r["to_confirm"] for r in summary["applicants"]
    }


def test_exit_code_is_1_when_an_applicant_fails_the_policy_and_0_when_all_pass(
    applicants: Path, tmp_path: Path
) -> None:
    spring = applicants / "spring"
    assert run_cli("batch", str(spring), "--out", str(tmp_path / "a")).exit_code == 1
    assert run_cli("batch", str(spring / "level-2-monitored"), "--out", str(tmp_path / "b")).exit_code == 0
    assert run_cli("batch", str(spring), "--out", str(tmp_path / "c"), "--fail-on", "none").exit_code == 0


def test_one_worker_and_two_give_the_same_bytes(applicants: Path, tmp_path: Path) -> None:
    options = Options(formats=("json", "markdown"), today=date(2026, 11, 1))
    folders = discover([applicants])
    one, two = tmp_path / "one", tmp_path / "two"
    for target, jobs in ((one, 1), (two, 2)):
        summary = summarize(run(folders, options, target, jobs=jobs), options)
        write_summary(summary, target, ["csv", "json", "markdown", "html"])
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


class _Dashboard(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.sortable = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag == "th" and "aria-sort" in a:
            self.sortable += 1


def test_dashboard_links_to_every_report_escapes_names_and_sorts(applicants: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run_cli("batch", str(applicants), "--out", str(out), "--fail-on", "none")
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; House" in html
    parser = _Dashboard()
    parser.feed(html)
    assert parser.sortable >= 6
    assert parser.links and all((out / link).is_file() for link in parser.links)
    assert "http" not in "".join(parser.links)


def test_reviews_folder_applies_findings_by_applicant_folder_name(applicants: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    (reviews / "level-2-monitored.yaml").write_text(
        "reviewer: J. Ames\nvisited_on: 2026-11-10\nfindings:\n  - rule: 3.I.27.f\n    verified: false\n",
        encoding="utf-8",
    )
    out = tmp_path / "reports"
    run_cli("batch", str(applicants / "spring"), "--out", str(out), "--review", str(reviews), "--fail-on", "none")
    rows = {Path(r["folder"]).name: r for r in json.loads((out / "summary.json").read_text())["applicants"]}
    assert rows["level-2-monitored"]["verdict"] == "not_ready"
    assert rows["level-1-peer-run"]["gaps"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "'pdf' is not one of"),
        (["--summary", "xlsx"], "'xlsx' is not one of"),
        (["--jobs", "0"], "greater than or equal to 1"),
    ],
)
def test_bad_batch_options_exit_2(applicants: Path, tmp_path: Path, args: list[str], message: str) -> None:
    run_ = run_cli("batch", str(applicants), "--out", str(tmp_path / "o"), *args)
    assert run_.exit_code == 2 and message in run_.stderr


def test_a_folder_without_applicants_is_an_error(tmp_path: Path) -> None:
    run_ = run_cli("batch", str(tmp_path), "--out", str(tmp_path / "o"))
    assert run_.exit_code == 2 and "no applicant found" in run_.stderr


def test_batch_refuses_to_write_reports_inside_an_applicant(applicants: Path) -> None:
    inside = applicants / "spring" / "level-2-monitored" / "reports"
    run_ = run_cli("batch", str(applicants / "spring"), "--out", str(inside))
    assert run_.exit_code == 2 and "would write into the evidence folder" in run_.stderr
    assert not inside.exists()


@pytest.mark.browser
def test_dashboard_sorts_and_filters_in_headless_chromium(applicants: Path, tmp_path: Path) -> None:
    from .test_html_report import chromium

    executable = chromium()
    from playwright.sync_api import expect, sync_playwright

    out = tmp_path / "reports"
    run_cli("batch", str(applicants), "--out", str(out), "--fail-on", "none", "--format", "json")
    page_url = (out / "summary.html").as_uri()
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(executable), args=["--no-sandbox"])
        try:
            tab = browser.new_page(viewport={"width": 1000, "height": 800})
            tab.on("console", lambda m: problems.append(m.text) if m.type in {"error", "warning"} else None)
            tab.on("pageerror", lambda e: problems.append(str(e)))
            tab.goto(page_url)
            rows = tab.locator("#applicants tbody tr:visible")
            expect(rows).to_have_count(4)
            expect(tab.locator("#count")).to_have_text("Showing 4 of 4 applicants.")

            tab.get_by_role("button", name="Score").click()
            expect(tab.locator("th:has(button[data-key=score])")).to_have_attribute("aria-sort", "ascending")
            scores = [
                float(s) for s in tab.locator("#applicants tbody tr").evaluate_all("r => r.map(x => x.dataset.score)")
            ]
            assert scores == sorted(scores)
            tab.get_by_role("button", name="Score").click()
            scores = [
                float(s) for s in tab.locator("#applicants tbody tr").evaluate_all("r => r.map(x => x.dataset.score)")
            ]
            assert scores == sorted(scores, reverse=True)

            tab.get_by_label("Verdict").select_option("ready")
            expect(rows).to_have_count(1)
            expect(rows.first).to_contain_text("Harbor House")
            tab.get_by_label("Verdict").select_option("")
            tab.get_by_label("Search").fill("cedar")
            expect(rows).to_have_count(1)
            expect(tab.locator("#count")).to_have_text("Showing 1 of 4 applicants.")
        finally:
            browser.close()
    assert problems == []
