"""Scores, verdict, gap order and exit codes: pure functions, tested on hand-made results."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from narr_audit.results.report import Location, Notice, Report, ResidenceInfo, RuleResult, Tool
from narr_audit.results.scoring import exit_code, gap_order, score, verdict


def rule(rule_id: str, status: str, *, life_safety: bool = False, level_status: str = "required") -> RuleResult:
    return RuleResult(
        id=rule_id,
        title=f"Rule {rule_id}",
        domain=rule_id[0],
        principle=rule_id[2],
        standard=rule_id.rsplit(".", 1)[0],
        standard_title="A standard",
        life_safety=life_safety,
        origin="narr-3.0",
        level_status=level_status,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        reason="because",
        location=Location(file="residence.yaml", line=3),
    )


def report_of(results: list[RuleResult], **extra: Any) -> Report:
    outcome, why = verdict(results)
    return Report(
        tool=Tool(version="0"),
        generated_on=date(2026, 11, 1),
        assessed_on=date(2026, 11, 1),
        folder=".",
        residence=ResidenceInfo(name="H", operator="O", level="II", address="A", beds=4),
        level="II",
        level_name="Monitored",
        standards=["narr-3.0"],
        verdict=outcome,
        verdict_reason=why,
        score=score("all", "All", results),
        gaps=gap_order(results),
        site_visit=[],
        results=results,
        documents=[],
        unmapped=[],
        warnings=extra.get("warnings", []),
    )


def test_score_counts_met_attested_excepted_as_one_and_partial_as_half() -> None:
    results = [
        rule("1.A.1.a", "met"),
        rule("1.A.1.b", "attested"),
        rule("1.A.2.a", "excepted"),
        rule("1.A.2.b", "partial"),
        rule("1.A.2.c", "not_met"),
        rule("1.A.2.d", "error"),
        rule("1.A.2.e", "awaiting_site_visit"),
        rule("1.A.2.f", "recommended", level_status="recommended"),
        rule("1.A.2.g", "not_applicable", level_status="not_applicable"),
    ]
    s = score("1", "Domain", results)
    assert (s.points, s.possible) == (3.5, 6)
    assert s.percent == 58.3
    assert (s.counts.met, s.counts.partial, s.counts.awaiting_site_visit, s.counts.recommended) == (1, 1, 1, 1)


def test_score_is_empty_when_nothing_is_scored() -> None:
    assert score("4", "D", [rule("4.J.30.a", "awaiting_site_visit")]).percent is None


def test_verdict_ready_only_when_no_required_rule_is_unsatisfied() -> None:
    assert verdict([rule("1.A.1.a", "met"), rule("2.F.17.d", "awaiting_site_visit")])[0] == "ready"
    outcome, why = verdict([rule("1.A.1.a", "met"), rule("1.A.1.b", "partial")])
    assert outcome == "not_ready" and "1 required rule(s) not yet satisfied" in why
    assert "site visit" in verdict([rule("2.F.17.d", "awaiting_site_visit")])[1]


def test_gap_order_life_safety_then_severity_then_standard_order() -> None:
    results = [
        rule("1.A.1.a", "partial"),
        rule("1.A.1.b", "not_met"),
        rule("1.A.2.a", "error"),
        rule("2.F.16.a", "partial", life_safety=True),
        rule("2.F.17.a", "not_met", life_safety=True),
        rule("3.I.27.a", "met"),
    ]
    assert gap_order(results) == ["2.F.17.a", "2.F.16.a", "1.A.1.b", "1.A.2.a", "1.A.1.a"]


@pytest.mark.parametrize(
    ("statuses", "fail_on", "expected"),
    [
        (["met", "partial"], "partial", 1),
        (["met", "partial"], "not-met", 0),
        (["met", "error"], "not-met", 1),
        (["met", "not_met"], "none", 0),
        (["met", "awaiting_site_visit"], "any", 0),
        (["met", "attested", "excepted"], "partial", 0),
    ],
)
def test_exit_code_by_fail_on_policy(statuses: list[str], fail_on: str, expected: int) -> None:
    results = [rule(f"1.A.1.{chr(97 + n)}", s) for n, s in enumerate(statuses)]
    assert exit_code(report_of(results), fail_on) == expected  # type: ignore[arg-type]


def test_fail_on_any_also_fails_on_warnings() -> None:
    report = report_of([rule("1.A.1.a", "met")], warnings=[Notice(message="an exception expires soon")])
    assert exit_code(report, "partial") == 0
    assert exit_code(report, "any") == 1


def test_fail_under_compares_the_overall_score() -> None:
    report = report_of([rule("1.A.1.a", "met"), rule("1.A.1.b", "not_met")])  # 50.0
    assert exit_code(report, "none", fail_under=50) == 0
    assert exit_code(report, "none", fail_under=50.1) == 1
