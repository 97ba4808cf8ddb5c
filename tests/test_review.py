"""A reviewer's review.yaml: site-visit rules become met or not met, and who decided shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.base.errors import NarrError

from .conftest import run_cli
from .folders import make_folder

TODAY = date(2026, 11, 23)
ATTESTED = {"rule": "2.F.17.a", "statement": "All sound.", "signed_by": "P. Lee, Operator", "date": "2026-10-01"}


def write_review(
    path: Path, findings: str, head: str = "reviewer: Jordan Ames, AzRHA\nvisited_on: 2026-11-10\n"
) -> Path:
    path.write_text(head + "findings:\n" + findings, encoding="utf-8")
    return path


def test_a_verified_finding_meets_a_site_visit_rule_and_names_who_decided(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    review = write_review(
        tmp_path / "review.yaml", "  - rule: 3.I.27.f\n    verified: true\n    note: Common rooms open.\n"
    )
    report = audit(folder, today=TODAY, review=review)
    result = report.result("3.I.27.f")
    assert result is not None and result.status == "met"
    assert result.review is not None and result.review.reviewer == "Jordan Ames, AzRHA"
    assert result.review.date == date(2026, 11, 10)
    assert "verified on site by Jordan Ames, AzRHA on 2026-11-10: Common rooms open." in result.reason
    assert report.review is not None and report.review.findings == 1
    assert "3.I.27.f" not in report.site_visit


def test_a_finding_not_verified_makes_the_rule_not_met(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    review = write_review(
        tmp_path / "review.yaml",
        "  - rule: 3.I.27.f\n    verified: false\n    note: Living room locked.\n"
        "    reviewer: Sam Ortiz, AzRHA\n    date: 2026-11-11\n",
    )
    result = audit(folder, today=TODAY, review=review).result("3.I.27.f")
    assert result is not None and result.status == "not_met"
    assert result.reason.startswith("not verified on site by Sam Ortiz, AzRHA on 2026-11-11: Living room locked.")
    assert result.fix


def test_the_reviewer_takes_precedence_over_the_operators_attestation(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", attestations=[ATTESTED])
    assert audit(folder, today=TODAY).result("2.F.17.a").status == "attested"  # type: ignore[union-attr]
    refuted = write_review(tmp_path / "no.yaml", "  - rule: 2.F.17.a\n    verified: false\n    note: Exposed wiring.\n")
    result = audit(folder, today=TODAY, review=refuted).result("2.F.17.a")
    assert result is not None and result.status == "not_met" and "Exposed wiring" in result.reason
    confirmed = write_review(tmp_path / "yes.yaml", "  - rule: 2.F.17.a\n    verified: true\n")
    result = audit(folder, today=TODAY, review=confirmed).result("2.F.17.a")
    assert result is not None and result.status == "met" and not result.self_reported


def test_review_yaml_in_the_folder_is_used_by_default(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    write_review(folder / "review.yaml", "  - rule: 3.I.27.f\n    verified: true\n")
    report = audit(folder, today=TODAY)
    assert report.review is not None and report.review.file.endswith("review.yaml")
    assert report.result("3.I.27.f").status == "met"  # type: ignore[union-attr]
    assert "review.yaml" not in report.unmapped


@pytest.mark.parametrize(
    ("body", "message", "line", "field"),
    [
        ("  - rule: 3.I.27.z\n    verified: true\n", "there is no rule '3.I.27.z'", 4, "findings[0].rule"),
        ("  - rule: 3.I.27.f\n    verified: maybe\n", "", 5, "findings[0].verified"),
        ("  - rule: 3.I.27.f\n    verified: true\n  - rule: 3.i.27.F\n    verified: false\n", "two findings", 6, None),
        ("  - rule: 3.I.27.f\n    verified: true\n    seen: yes\n", "", 6, "findings[0].seen"),
    ],
)
def test_a_broken_review_names_file_line_and_field(
    tmp_path: Path, body: str, message: str, line: int, field: str | None
) -> None:
    folder = make_folder(tmp_path / "house")
    review = write_review(tmp_path / "review.yaml", body)
    with pytest.raises(NarrError) as caught:
        audit(folder, today=TODAY, review=review)
    problem = caught.value.problems[0]
    assert problem.file is not None and problem.file.endswith("review.yaml")
    assert problem.line == line
    assert message in problem.message
    if field:  # a finding's problems name its rule and the field within it
        assert problem.field is not None and problem.field.endswith(field.split(".")[-1])
        assert problem.rule == "3.I.27.f" or problem.field == field


def test_a_review_for_another_residence_warns(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    review = write_review(
        tmp_path / "r.yaml",
        "  - rule: 3.I.27.f\n    verified: true\n",
        head="reviewer: J. Ames\nvisited_on: 2026-11-10\nresidence: Other House\n",
    )
    report = audit(folder, today=TODAY, review=review)
    assert any("the review is for 'Other House'" in w.message for w in report.warnings)


def test_check_takes_review_and_shows_the_reviewer(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    review = write_review(tmp_path / "review.yaml", "  - rule: 3.I.27.f\n    verified: false\n    note: Locked.\n")
    run = run_cli("check", str(folder), "--review", str(review), "-f", "markdown", "--fail-on", "none")
    assert run.exit_code == 0
    assert "Jordan Ames, AzRHA" in run.stdout and "Locked." in run.stdout
    missing = run_cli("check", str(folder), "--review", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "no such review file" in missing.stderr
