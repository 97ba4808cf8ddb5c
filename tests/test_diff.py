"""`narr-audit diff OLD NEW`: what changed between two JSON reports, for recertification and CI."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from narr_audit.api import audit, diff_reports
from narr_audit.base.errors import NarrError
from narr_audit.base.levels import Level
from narr_audit.formats.diff import render
from narr_audit.results.comparison import Comparison, compare, load_report, regressed
from narr_audit.results.report import Report

from .conftest import FIXTURES, run_cli
from .folders import MISSION, make_folder

BEFORE, AFTER = date(2026, 3, 1), date(2026, 9, 1)
TODAY = date(2026, 11, 1)
PARTIAL_MISSION = "# Mission\nOur mission is to help people in recovery from addiction.\n"
HOSTILE = "<script>alert(1)</script>.md"


def dump(report: Report, path: Path) -> Path:
    path.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    return path


def moves(comparison: Comparison, category: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.id, c.old_status, c.new_status) for c in getattr(comparison, category)]


@pytest.fixture(scope="module")
def dated_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Evidence that runs out between BEFORE and AFTER: an insurance certificate, an exception, an
    attestation (alone, and as one alternative of two), and a weekly log that stops."""
    weekly = "".join(f"{date(2026, 1, 4) + timedelta(days=7 * n)},R\n" for n in range(9))  # to 2026-03-01
    return make_folder(
        tmp_path_factory.mktemp("diff") / "house",
        assessed_on=None,
        files={
            "insurance.md": "# Certificate of liability insurance\nGeneral liability coverage. Named insured: "
            "Test Recovery LLC. Policy period: effective 2025-07-01, expires 2026-06-30.\n",
            "house-rules.md": "# House rules\nWe hold a house meeting every week.\n",
            # Named for no kind of record, so it counts only where it is mapped (3.I.27.e).
            "logs/weekly.csv": "date,who\n" + weekly,
            "inspection.md": "# Fire inspection report\nThe fire marshal found the home compliant.\n",
        },
        evidence=[
            {"file": "insurance.md", "rules": ["1.A.2.b"], "expires": "2026-06-30"},
            {"file": "house-rules.md", "rules": ["3.I.27.e"]},
            {"file": "logs/weekly.csv", "rules": ["3.I.27.e"]},
            {"file": "inspection.md", "rules": ["2.F.17.b"], "reviewed": "2026-02-01"},
        ],
        attestations=[
            {
                "rule": "2.F.17.a",
                "statement": "Systems are safe and sound.",
                "signed_by": "P. Lee",
                "date": "2025-04-01",
            },
            {"rule": "2.F.17.b", "statement": "Meets local codes.", "signed_by": "P. Lee", "date": "2025-04-01"},
        ],
        exceptions=[
            {"rule": "1.A.1.a", "reason": "Mission being rewritten.", "approved_by": "J. Doe", "expires": "2026-05-01"}
        ],
    )


@pytest.fixture(scope="module")
def dated_reports(dated_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("reports")
    old = dump(audit(dated_folder, today=BEFORE, as_of=BEFORE), out / "march.json")
    new = dump(audit(dated_folder, today=AFTER, as_of=AFTER), out / "september.json")
    return old, new


# --- compare ---------------------------------------------------------------------------------------


def test_evidence_running_out_is_newly_failing_and_expired(dated_reports: tuple[Path, Path]) -> None:
    comparison = compare(*(load_report(p) for p in dated_reports))
    assert moves(comparison, "newly_failing") == [
        ("1.A.1.a", "excepted", "not_met"),  # the exception expired
        ("1.A.2.b", "met", "not_met"),  # the certificate expired: an expired document never counts
        ("2.F.17.a", "attested", "not_met"),  # the attestation is over a year old
        ("3.I.27.e", "met", "partial"),  # the meeting log went stale
    ]
    assert [(e.rule, e.evidence, e.rule_status) for e in comparison.expired] == [
        ("1.A.1.a", "exception", "not_met"),
        ("1.A.2.b", "current", "not_met"),
        ("2.F.17.a", "attestation", "not_met"),
        ("2.F.17.b", "attestation", "met"),  # one alternative expired; the inspection still meets the rule
    ]
    exception, certificate = comparison.expired[:2]
    assert exception.expires == "2026-05-01" and "J. Doe" in exception.label
    assert certificate.label == "Certificate of liability insurance, not expired"
    assert "insurance.md: it expired on 2026-06-30" in certificate.detail
    assert comparison.fixed == comparison.changed == comparison.added == comparison.retired == []
    failing = comparison.newly_failing[1]
    assert "expired on 2026-06-30" in failing.reason and failing.fix
    assert (comparison.score.old, comparison.score.new, comparison.score.delta) == (5.9, 1.8, -4.1)
    assert comparison.verdict.model_dump() == {"old": "not_ready", "new": "not_ready", "changed": False}
    assert (comparison.old.assessed_on, comparison.new.assessed_on) == (BEFORE, AFTER)
    assert comparison.old.level == comparison.new.level == "II"
    assert regressed(comparison)


def test_the_other_way_round_everything_is_fixed_and_nothing_regressed(dated_reports: tuple[Path, Path]) -> None:
    march, september = (load_report(p) for p in dated_reports)
    comparison = compare(september, march)
    assert moves(comparison, "fixed") == [
        ("1.A.1.a", "not_met", "excepted"),
        ("1.A.2.b", "not_met", "met"),
        ("2.F.17.a", "not_met", "attested"),
        ("3.I.27.e", "partial", "met"),
    ]
    assert comparison.newly_failing == comparison.expired == []
    assert comparison.score.delta == 4.1
    assert not regressed(comparison)
    assert any("before OLD" in note for note in comparison.notes)


def test_documents_added_fix_change_and_worsen_rules(tmp_path: Path) -> None:
    old = make_folder(
        tmp_path / "old",
        files={
            "mission.md": PARTIAL_MISSION,
            "house-rules.md": "# House rules\nWe hold a house meeting every week.\n",
            "inspection.md": "# Fire inspection report\nThe fire marshal found the home compliant.\n",
        },
        evidence=[
            {"file": "mission.md", "rules": ["1.A.1.a"]},
            {"file": "house-rules.md", "rules": ["3.I.27.e"]},
            {"file": "inspection.md", "rules": ["2.F.17.b"], "reviewed": "2026-06-01"},
        ],
    )
    new = make_folder(
        tmp_path / "new",
        files={"mission.md": MISSION, "grievance.md": "# Grievances\nResidents may file a grievance.\n"},
        evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}, {"file": "grievance.md", "rules": ["1.C.7.b"]}],
        attestations=[
            {"rule": "2.F.17.b", "statement": "Meets local codes.", "signed_by": "P. Lee", "date": "2026-10-01"}
        ],
    )
    comparison = compare(audit(old, today=TODAY), audit(new, today=TODAY))
    assert moves(comparison, "newly_failing") == [("3.I.27.e", "partial", "not_met")]  # worse: the rules went
    assert comparison.newly_failing[0].worsened
    assert moves(comparison, "fixed") == [("1.A.1.a", "partial", "met")]  # the full mission statement
    assert moves(comparison, "changed") == [
        ("1.C.7.b", "not_met", "partial"),  # better, still a gap
        ("2.F.17.b", "met", "attested"),  # an attestation replaced the inspection report
    ]
    assert comparison.added == comparison.retired == []
    assert comparison.expired == [], "a document removed from the folder did not expire"
    assert regressed(comparison)


def test_a_lower_level_makes_rules_no_longer_required(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    comparison = compare(audit(folder, today=TODAY, level=Level.III), audit(folder, today=TODAY, level=Level.II))
    assert [(c.id, c.old_status, c.new_status, c.old_level_status, c.new_level_status) for c in comparison.fixed] == [
        ("1.C.7.a", "not_met", "recommended", "required", "recommended"),
        ("3.G.24.a", "not_met", "not_applicable", "required", "not_applicable"),
        ("3.G.24.b", "not_met", "not_applicable", "required", "not_applicable"),
        ("3.I.28.b", "not_met", "recommended", "required", "recommended"),
        ("4.J.31.b", "not_met", "recommended", "required", "recommended"),
    ]
    assert comparison.fixed[0].new_evaluated == "not_met"
    assert comparison.newly_failing == comparison.added == comparison.retired == comparison.expired == []
    assert (comparison.old.level, comparison.new.level) == ("III", "II")
    assert any("level of support changed from III" in note for note in comparison.notes)


def test_an_overlay_adds_retires_and_requires_rules(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    overlay = str(FIXTURES / "overlays" / "texas.yaml")
    plain, texas = audit(folder, today=TODAY), audit(folder, today=TODAY, overlays=[overlay])
    comparison = compare(plain, texas)
    assert moves(comparison, "added") == [("4.J.31.TX1", None, "awaiting_site_visit")]
    assert moves(comparison, "retired") == [("4.J.31.b", "recommended", None)]
    assert moves(comparison, "newly_failing") == [("1.C.7.a", "recommended", "not_met")]
    assert comparison.newly_failing[0].new_level_status == "required"
    assert comparison.fixed == comparison.changed == comparison.expired == []
    assert regressed(comparison)
    back = compare(texas, plain)
    assert moves(back, "added") == [("4.J.31.b", None, "recommended")]
    assert moves(back, "retired") == [("4.J.31.TX1", "awaiting_site_visit", None)]
    assert moves(back, "fixed") == [("1.C.7.a", "not_met", "recommended")]
    assert not regressed(back)


def test_identical_reports_change_nothing(dated_reports: tuple[Path, Path]) -> None:
    report = load_report(dated_reports[0])
    comparison = compare(report, report)
    assert comparison.nothing_changed and not regressed(comparison)
    assert not any(comparison.counts().values()) and comparison.score.delta == 0.0
    assert "Nothing changed" in render(comparison, "text")
    assert "Nothing changed" in render(comparison, "markdown")


def test_a_report_round_trips_through_json(dated_reports: tuple[Path, Path], dated_folder: Path) -> None:
    assert load_report(dated_reports[0]) == audit(dated_folder, today=BEFORE, as_of=BEFORE)


# --- formats --------------------------------------------------------------------------------------


def test_text_lists_sections_with_counts_in_order(dated_reports: tuple[Path, Path]) -> None:
    text = render(diff_reports(*dated_reports), "text")
    assert "Score: 5.9% -> 1.8% (-4.1 points)" in text
    assert "Regressed: 4 rule(s) newly failing or worse; 4 piece(s) of evidence expired" in text
    assert text.index("Newly failing (4)") < text.index("Expired in between (4)")
    assert "Fixed (" not in text, "empty sections are left out"
    assert "  1.A.2.b Insurance: met -> not met" in text
    assert str(dated_reports[0]) in text and str(dated_reports[1]) in text


def test_json_has_stable_keys_and_a_schema_version(dated_reports: tuple[Path, Path]) -> None:
    comparison = diff_reports(*dated_reports)
    text = render(comparison, "json")
    assert text == render(diff_reports(*dated_reports), "json")
    data = json.loads(text)
    assert list(data)[:5] == ["schema_version", "tool", "regressed", "regressions", "nothing_changed"]
    assert list(data)[-8:] == ["newly_failing", "fixed", "changed", "added", "retired", "expired", "plan", "notes"]
    assert data["schema_version"] == "1.1" and data["regressed"] is True
    assert data["counts"] == {"newly_failing": 4, "fixed": 0, "changed": 0, "added": 0, "retired": 0, "expired": 4}
    assert data["score"] == {"old": 5.9, "new": 1.8, "delta": -4.1}
    assert data["newly_failing"][0]["id"] == "1.A.1.a" and data["expired"][0]["evidence"] == "exception"


def test_markdown_escapes_whatever_the_reports_hold(tmp_path: Path) -> None:
    old = make_folder(tmp_path / "old")
    new = make_folder(
        tmp_path / "new",
        name="<b>Evil</b> | House",
        files={HOSTILE: "# Grievances\nResidents may file a grievance.\n"},
        evidence=[{"file": HOSTILE, "rules": ["1.C.7.b"]}],
    )
    comparison = compare(audit(old, today=TODAY), audit(new, today=TODAY))
    assert [c.id for c in comparison.changed] == ["1.C.7.b"] and HOSTILE in comparison.changed[0].reason
    text = render(comparison, "markdown")
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.md" in text
    assert "&lt;b&gt;Evil&lt;/b&gt; \\| House" in text
    row = next(line for line in text.splitlines() if line.startswith("| 1.C.7.b |"))
    assert row.replace("\\|", "").count("|") == 6, "a table row keeps its five cells"
    assert "## Changed (1)" in text


# --- the command line ------------------------------------------------------------------------------


@pytest.mark.cli
def test_cli_regression_exits_1_only_when_asked(dated_reports: tuple[Path, Path]) -> None:
    old, new = (str(p) for p in dated_reports)
    plain = run_cli("diff", old, new)
    assert plain.exit_code == 0 and "Newly failing (4)" in plain.stdout
    strict = run_cli("diff", old, new, "--fail-on-regression")
    assert strict.exit_code == 1 and strict.stdout == plain.stdout
    better = run_cli("diff", new, old, "--fail-on-regression")
    assert better.exit_code == 0 and "Fixed (4)" in better.stdout and "No regression" in better.stdout


@pytest.mark.cli
def test_cli_identical_reports_exit_0_even_with_fail_on_regression(dated_reports: tuple[Path, Path]) -> None:
    run = run_cli("diff", str(dated_reports[0]), str(dated_reports[0]), "--fail-on-regression")
    assert run.exit_code == 0
    assert "Nothing changed" in run.stdout


@pytest.mark.cli
def test_cli_writes_markdown_and_json_to_output(dated_reports: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "out" / "changes.md"
    run = run_cli("diff", *(str(p) for p in dated_reports), "--format", "markdown", "--output", str(target))
    assert run.exit_code == 0 and run.stdout == "" and f"wrote {target}" in run.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# NARR 3.0 changes: Test House") and "## Newly failing (4)" in text
    data = json.loads(run_cli("diff", *(str(p) for p in dated_reports), "-f", "json").stdout)
    assert data["regressed"] is True


@pytest.mark.cli
def test_cli_help_has_an_example() -> None:
    run = run_cli("diff", "--help")
    assert run.exit_code == 0 and "narr-audit diff" in run.stdout and "--fail-on-regression" in run.stdout


@pytest.mark.cli
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "there is no such file"),
        ('{\n  "schema_version": "1.0",\n  oops\n}', "is not valid JSON: Expecting property name"),
        ("[1, 2, 3]", "is JSON but not a narr-audit report"),
        ('{"schema_version": "1", "rules": []}', "is JSON but not a narr-audit report"),
        ("schema 2.0", "the report has schema_version 2.0; this narr-audit reads schema_version 1.x"),
        ("bad status", "field 'results[0].status': Input should be"),
        ("a diff", "is the output of `narr-audit diff`, not a report"),
        ("newer minor", "field 'results[0].verdict': is not a field of a narr-audit report"),
    ],
)
def test_cli_broken_input_exits_2_naming_the_file(
    dated_reports: tuple[Path, Path], tmp_path: Path, content: str | None, message: str
) -> None:
    broken = tmp_path / "broken.json"
    data = json.loads(dated_reports[0].read_text(encoding="utf-8"))
    if content == "schema 2.0":
        content = json.dumps({**data, "schema_version": "2.0"})
    elif content == "bad status":
        data["results"][0]["status"] = "splendid"
        content = json.dumps(data)
    elif content == "newer minor":
        data["results"][0]["verdict"] = "fine"
        content = json.dumps({**data, "schema_version": "1.99"})
    elif content == "a diff":
        content = run_cli("diff", str(dated_reports[0]), str(dated_reports[1]), "-f", "json").stdout
    if content is not None:
        broken.write_text(content, encoding="utf-8")
    run = run_cli("diff", str(dated_reports[0]), str(broken))
    assert run.exit_code == 2
    assert f"{broken}" in run.stderr and message in run.stderr
    assert "Traceback" not in run.stderr
    if content and '"1.99"' in content:
        assert "written by a newer narr-audit (schema_version 1.99); upgrade narr-audit" in run.stderr


def test_a_json_syntax_error_names_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "schema_version": "1.0",\n  oops\n}', encoding="utf-8")
    with pytest.raises(NarrError) as caught:
        load_report(broken)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line) == (str(broken), 3)
    assert "line 3, column 3" in problem.message


def test_both_broken_reports_are_named_at_once(tmp_path: Path) -> None:
    with pytest.raises(NarrError) as caught:
        diff_reports(tmp_path / "old.json", tmp_path / "new.json")
    assert [p.file for p in caught.value.problems] == [str(tmp_path / "old.json"), str(tmp_path / "new.json")]


def test_template_dir_brands_the_markdown_diff(dated_reports: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = dated_reports
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "diff.md.j2").write_text("Recertification changes: {{ c.newly_failing | length }} newly failing\n")
    run = run_cli("diff", str(old), str(new), "--format", "markdown", "--template-dir", str(brand))
    assert run.exit_code == 0
    assert run.stdout.startswith("Recertification changes: ") and "newly failing" in run.stdout
