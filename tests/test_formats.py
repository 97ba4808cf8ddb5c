"""Every output format: registered, documented, deterministic, valid against its schema, and safe
with hostile file names. Golden files per example live in test_golden.py."""

from __future__ import annotations

import csv
import importlib
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from narr_audit.api import audit, report_schema_json
from narr_audit.formats.report import FORMATS, RenderOptions, render
from narr_audit.results.report import Report

from .conftest import run_cli
from .folders import MISSION, make_folder

ROOT = Path(__file__).parents[1]
TODAY = date(2026, 11, 1)
HOSTILE = "<script>alert(1)</script>.md"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = make_folder(
        tmp_path_factory.mktemp("formats") / "house",
        files={
            "policies/mission.md": MISSION,
            HOSTILE: "# Grievances\nResidents may file a grievance. =cmd|' /C calc'!A0\n",
            "logs/house-meetings.csv": "date,who\n2026-10-01,R-01\n",
            "scan.pdf": b"%PDF-1.4 broken",
        },
        evidence=[
            {"file": "policies/mission.md", "rules": ["1.A.1.a"]},
            {"file": HOSTILE, "rules": ["1.C.7.b"], "title": '=HYPERLINK("http://x")'},
            {"file": "logs/house-meetings.csv", "rules": ["3.I.27.e"]},
            {"file": "scan.pdf", "rules": ["1.A.2.a"]},
        ],
        attestations=[{"rule": "2.F.17.a", "statement": "All sound.", "signed_by": "P. Lee", "date": "2026-10-01"}],
        exceptions=[
            {"rule": "1.A.1.b", "reason": "Being rewritten.", "approved_by": "J. Doe", "expires": "2027-01-01"}
        ],
    )
    return audit(folder, today=TODAY)


@pytest.mark.meta
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_is_a_documented_pure_render_module(name: str) -> None:
    entry = FORMATS[name]
    module = importlib.import_module(f"narr_audit.formats.report.{entry.module}")
    assert module.__doc__ and module.__doc__.strip(), f"formats/{entry.module}.py needs a docstring saying why"
    assert callable(module.render)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"`{name}`" in readme, f"README.md does not document --format {name}"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_is_deterministic_and_names_the_residence(report: Report, name: str) -> None:
    first = render(report, name, RenderOptions())
    assert first == render(report, name, RenderOptions())
    if name != "action-plan-csv":  # a table of actions only
        assert "Test House" in first


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_format_copies_log_contents(report: Report, name: str) -> None:
    assert "R-01" not in render(report, name, RenderOptions())


def test_json_matches_the_published_schema(report: Report) -> None:
    published = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(report_schema_json()), (
        "schemas/report.schema.json is out of date: regenerate it on purpose with "
        "`narr-audit schema report > schemas/report.schema.json` and review the diff"
    )
    data = json.loads(render(report, "json"))
    jsonschema.validate(data, published)
    assert Report.model_validate(data) == report, "the JSON report reads back as the same report"


def test_sarif_is_valid_sarif_2_1_0_with_a_location_for_every_result(report: Report) -> None:
    schema = json.loads((ROOT / "tests" / "fixtures" / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(render(report, "sarif"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    results = run["results"]
    # one result per gap; a "note" per file where evidence was found though not mapped to its rule
    assert [r["ruleId"] for r in results if r["level"] != "note"] == report.gaps
    rules = run["tool"]["driver"]["rules"]
    folder = Path(report.folder)
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert uri.startswith("file:///")  # the fixture folder is absolute
        assert (folder / unquote(uri.removeprefix(folder.as_uri() + "/"))).is_file(), f"{uri} is not a real file"
        assert location["region"]["startLine"] >= 1
    by_rule = {r["ruleId"]: r for r in results}
    assert by_rule["1.A.2.a"]["level"] == "error"  # unreadable scan
    assert by_rule["2.F.16.a"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("residence.yaml")


def test_sarif_uris_are_relative_when_the_folder_is(report: Report) -> None:
    relative = report.model_copy(update={"folder": "examples/house"})
    log = json.loads(render(relative, "sarif"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "examples/house/residence.yaml" in uris


def test_junit_has_a_case_per_required_rule_and_consistent_counts(report: Report) -> None:
    root = ET.fromstring(render(report, "junit"))
    cases = root.findall(".//testcase")
    required = [r for r in report.results if r.level_status == "required"]
    assert len(cases) == len(required) == int(root.get("tests", "0"))
    by_name = {c.get("name", "").split(" ")[0]: c for c in cases}
    assert by_name["1.A.1.a"].find("failure") is None and by_name["1.A.1.a"].find("error") is None
    assert by_name["1.A.2.a"].find("error") is not None
    assert by_name["2.F.16.a"].find("failure") is not None
    assert "self-reported" in (by_name["2.F.17.a"].findtext("system-out") or "")
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert len(skipped) == int(root.get("skipped", "0")) == len(report.site_visit)
    failures = sum(1 for c in cases if c.find("failure") is not None)
    assert failures == int(root.get("failures", "0"))


def test_action_plan_csv_has_one_row_per_gap_and_defuses_formulas(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(report, "action-plan-csv"))))
    assert [r["rule"] for r in rows] == report.gaps
    assert all(r["due_date"] == "" for r in rows)
    assert rows[0]["priority"].startswith("high (life safety)")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")), value
    log_row = next(r for r in rows if r["rule"] == "3.I.27.e")
    assert log_row["owner_role"] in ("House manager", "Operator")


def test_action_plan_markdown_lists_every_gap_with_an_owner_and_due_field(report: Report) -> None:
    text = render(report, "action-plan")
    for rule_id in report.gaps:
        assert f". {rule_id} " in text
    assert text.count("**due date:** ____________") == len(report.gaps)


def test_markdown_shows_a_hostile_file_name_as_text(report: Report) -> None:
    text = render(report, "markdown")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.md" in text
    assert "## Gaps, most serious first" in text and "## Every rule" in text


def test_template_dir_overrides_a_shipped_template(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "report.md.j2").write_text("AzRHA review of {{ report.residence.name }}\n", encoding="utf-8")
    run = run_cli("check", str(folder), "-f", "markdown", "--template-dir", str(brand), "--fail-on", "none")
    assert run.exit_code == 0
    assert run.stdout == "AzRHA review of Test House\n"


def test_every_format_can_be_written_to_a_file(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    for name, entry in FORMATS.items():
        target = tmp_path / "out" / f"report{entry.suffix}"
        run = run_cli("check", str(folder), "-f", name, "-o", str(target), "--fail-on", "none")
        assert run.exit_code == 0, run.stderr
        assert target.read_text(encoding="utf-8") == render(audit(folder, today=date.today()), name)


@pytest.mark.parametrize(
    ("template", "message", "line"),
    [
        ("{% for x in %}\n", "the template has a syntax error", 1),
        ("fine\n{{ report.nope.deeper }}\n", "the template failed", 2),
    ],
)
def test_a_broken_template_dir_template_is_a_user_error(tmp_path: Path, template: str, message: str, line: int) -> None:
    folder = make_folder(tmp_path / "house")
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "report.md.j2").write_text(template, encoding="utf-8")
    run = run_cli("check", str(folder), "-f", "markdown", "--template-dir", str(brand))
    assert run.exit_code == 2
    assert f"report.md.j2:{line}: {message}" in run.stderr
    assert "internal error" not in run.stderr
