"""`narr-audit visit-checklist`: only what needs the reviewer on site, and a review.yaml to fill."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from narr_audit.api import audit, load_evidence
from narr_audit.workflows.visit import visit_checklist

from .conftest import run_cli
from .folders import make_folder

ROOT = Path(__file__).parents[1]
HARBOR = ROOT / "examples" / "level-2-monitored"


def test_the_checklist_holds_exactly_the_rules_with_site_visit_items_at_the_level() -> None:
    checklist = visit_checklist(load_evidence(HARBOR))
    report = audit(HARBOR, today=date(2026, 11, 1))
    listed = {r.id for r in checklist.rules}
    awaiting = set(report.site_visit)
    assert awaiting <= listed, "every rule awaiting the site visit is on the checklist"
    for rule_id in listed - awaiting:  # the others: recommended-only, excepted, or gaps that also need a visit
        result = report.result(rule_id)
        assert result is not None and result.status != "not_applicable"
        assert any(c.kind == "site_visit" or any(a.kind == "site_visit" for a in c.alternatives) for c in result.checks)
    for result in report.results:
        if result.status == "not_applicable":
            assert result.id not in listed


def test_markdown_checklist_has_a_box_and_notes_line_per_rule(tmp_path: Path) -> None:
    run = run_cli("visit-checklist", str(HARBOR))
    assert run.exit_code == 0
    rules = re.findall(r"^### (\d\.[A-J]\.\d+\.\w+)", run.stdout, flags=re.MULTILINE)
    assert rules and run.stdout.count("Verified: [ ] yes  [ ] no. Notes:") == len(rules)
    assert "## Self-reported by the operator" in run.stdout


def test_a_filled_in_review_yaml_settles_every_site_visit_rule(tmp_path: Path) -> None:
    run = run_cli("visit-checklist", str(HARBOR), "--format", "review-yaml")
    filled = run.stdout.replace("visited_on: YYYY-MM-DD", "visited_on: 2026-11-10").replace(
        "verified:          # true or false", "verified: true"
    )
    filled = filled.replace('reviewer: "Your name, organisation"', 'reviewer: "Jordan Ames, AzRHA"')
    review = tmp_path / "review.yaml"
    review.write_text(filled, encoding="utf-8")
    report = audit(HARBOR, today=date(2026, 11, 1), review=review)
    assert report.site_visit == []
    assert report.verdict == "ready"
    assert report.review is not None and report.review.reviewer == "Jordan Ames, AzRHA"


def test_an_unfilled_review_yaml_is_refused_with_lines(tmp_path: Path) -> None:
    review = tmp_path / "review.yaml"
    review.write_text(run_cli("visit-checklist", str(HARBOR), "-f", "review-yaml").stdout, encoding="utf-8")
    run = run_cli("check", str(HARBOR), "--review", str(review))
    assert run.exit_code == 2
    assert "review.yaml:6" in run.stderr and "visited_on" in run.stderr


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.labelled: set[str] = set()
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("input", "textarea", "select"):
            self.ids.append(a.get("id") or "")
        if tag == "label" and a.get("for"):
            self.labelled.add(a["for"] or "")
        if tag == "script":
            self.scripts += 1


def test_html_checklist_is_printable_labelled_and_escaped(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", name="<b>Bold</b> House")
    run = run_cli("visit-checklist", str(folder), "--format", "html")
    assert run.exit_code == 0
    html = run.stdout
    assert "&lt;b&gt;Bold&lt;/b&gt; House" in html and "<b>Bold</b>" not in html
    assert "@media print" in html
    parser = _Controls()
    parser.feed(html)
    assert parser.ids and all(i and i in parser.labelled for i in parser.ids)
    assert len(parser.ids) == len(set(parser.ids))
    assert parser.scripts == 0
