"""Every report shows evidence found in a file not mapped to its rule apart from the rule's mapped evidence,
so a reviewer sees which is which and the operator sees what to map."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.formats.report import RenderOptions, render
from narr_audit.results.report import SCHEMA_VERSION, Report

from .folders import make_folder

TODAY = date(2026, 11, 1)
HANDBOOK = "handbook/resident-handbook.md"
MISSION = (
    "# Resident Handbook\n\n## Visitors\n\nVisitors may come between 10 am and 8 pm.\n\n## Our mission\n\n"
    "Our mission is to offer a safe, alcohol- and drug-free home for people in recovery from substance use.\n"
    "It is shared with every staff member and board member at orientation.\n"
)
VISION = "# Vision\nWe envision a day when every person in recovery lives with dignity and hope.\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """1.A.1.a met from an unmapped handbook; 1.A.1.b (vision) with a mapped policy of its own."""
    folder = make_folder(
        tmp_path_factory.mktemp("binder"),
        files={HANDBOOK: MISSION, "policies/vision.md": VISION},
        evidence=[{"file": "policies/vision.md", "rules": ["1.A.1.b"]}],
    )
    return audit(folder, today=TODAY)


def test_the_report_model_flags_evidence_found_elsewhere(report: Report) -> None:
    mission, vision = report.result("1.A.1.a"), report.result("1.A.1.b")
    assert mission is not None and vision is not None
    assert [(e.file, e.where, e.unmapped) for e in mission.evidence] == [(HANDBOOK, "Our mission", True)]
    assert vision.evidence and not any(e.unmapped for e in vision.evidence)
    assert [(f.result.id, f.files) for f in report.found_elsewhere()] == [("1.A.1.a", [HANDBOOK])]


def test_json_carries_the_flag_on_each_ref_and_reads_back(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert data["schema_version"] == SCHEMA_VERSION == "1.2"
    refs = {r["id"]: r["evidence"] for r in data["results"]}
    assert [(e["file"], e["where"], e["unmapped"]) for e in refs["1.A.1.a"]] == [(HANDBOOK, "Our mission", True)]
    assert all(e["unmapped"] is False for e in refs["1.A.1.b"])
    again = Report.model_validate_json(render(report, "json"))
    assert [f.result.id for f in again.found_elsewhere()] == ["1.A.1.a"]


def test_markdown_lists_found_elsewhere_evidence_in_a_section_of_its_own_and_marks_it_in_the_rule_table(
    report: Report,
) -> None:
    text = render(report, "markdown")
    section = text.split("## Found in files not mapped to their rule", 1)[1].split("\n## ", 1)[0]
    row = next(line for line in section.splitlines() if line.startswith("| 1.A.1.a |"))
    assert f"{HANDBOOK} (Our mission)" in row
    assert f"- {{file: {HANDBOOK}, rules: [1.A.1.a]}}" in row, "the line that maps it"
    assert "1.A.1.b" not in section
    rule_row = next(line for line in text.splitlines() if line.startswith("| 1.A.1.a | Mission |"))
    assert f"found elsewhere, not mapped: {HANDBOOK} (Our mission)" in rule_row
    vision_row = next(line for line in text.splitlines() if line.startswith("| 1.A.1.b |"))
    assert "found elsewhere" not in vision_row


def _rule_block(page: str, anchor: str) -> str:
    start = page.index(f'<li class="rule" id="rule-{anchor}">')
    return page[start : page.index("</li>\n", page.index("</dl>", start))]


def test_html_shows_found_elsewhere_evidence_apart_from_mapped_evidence(report: Report) -> None:
    page = render(report, "html")
    section = page.split('<h2 id="found-elsewhere">', 1)[1].split("</section>", 1)[0]
    assert 'href="#rule-1-A-1-a"' in section and f"<code>{HANDBOOK}</code>" in section
    assert 'href="#found-elsewhere"' in page, "the contents link to it"
    mission = _rule_block(page, "1-A-1-a")
    elsewhere = mission.split("<dt>Found in files not mapped to this rule</dt>", 1)[1]
    assert f"<code>{HANDBOOK}</code>" in elsewhere
    assert "<dt>Evidence</dt>" not in mission, "no mapped evidence: none is shown as such"
    vision = _rule_block(page, "1-A-1-b")
    assert "<dt>Evidence</dt>" in vision and "Found in files not mapped" not in vision


def test_terminal_lists_found_elsewhere_evidence_apart(report: Report) -> None:
    text = render(report, "terminal", RenderOptions(width=200))
    section = text.split("Found in files not mapped to their rule (1)", 1)[1]
    assert "1.A.1.a Mission" in section and f"{HANDBOOK} (Our mission)" in section


def test_sarif_notes_the_file_it_was_found_in(report: Report) -> None:
    log = json.loads(render(report, "sarif"))
    run = log["runs"][0]
    notes = [r for r in run["results"] if r["level"] == "note"]
    assert [n["ruleId"] for n in notes] == ["1.A.1.a"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(HANDBOOK)
    assert "not mapped to this rule" in notes[0]["message"]["text"]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules[notes[0]["ruleIndex"]] == "1.A.1.a"
    gaps = [r for r in run["results"] if r["level"] != "note"]
    assert {g["ruleId"] for g in gaps} == set(report.gaps)


def test_github_annotates_the_file_it_was_found_in_with_a_notice(report: Report) -> None:
    lines = render(report, "github").splitlines()
    notices = [line for line in lines if re.match(r"::notice file=[^,]*resident-handbook\.md,", line)]
    assert len(notices) == 1
    assert "title=1.A.1.a Mission::" in notices[0] and "not mapped to this rule" in notices[0]
    assert lines[-1].startswith("::notice::narr-audit:"), "the verdict stays the last line"


def test_reports_without_evidence_found_elsewhere_have_no_such_section(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path, files={"policies/vision.md": VISION}, evidence=[{"file": "policies/vision.md", "rules": ["1.A.1.b"]}]
    )
    plain = audit(folder, today=TODAY)
    assert plain.found_elsewhere() == []
    assert "Found in files not mapped" not in render(plain, "markdown")
    assert 'id="found-elsewhere"' not in render(plain, "html")
    assert "Found in files not mapped" not in render(plain, "terminal")
    assert all(r["level"] != "note" for r in json.loads(render(plain, "sarif"))["runs"][0]["results"])
