"""Scores, the readiness verdict, the order of gaps and the exit code: pure functions of results.

The formula (also in the README): each rule required at the residence's level scores 1 point when
met, met by attestation or excepted, 0.5 when partially met, and 0 when not met or when its evidence
could not be read. Rules awaiting the site visit, recommended-only rules and rules not applicable at
the level are not scored. A score is points / scored rules x 100, rounded to one decimal, for each
standard, principle and domain and for the whole; it is empty (None) where nothing is scored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from narr_audit.base.statuses import GAP_STATUSES
from narr_audit.results.report import Counts, Report, RuleResult, Score, Verdict

POINTS: dict[str, float] = {"met": 1.0, "attested": 1.0, "excepted": 1.0, "partial": 0.5, "not_met": 0.0, "error": 0.0}
FailOn = Literal["not-met", "partial", "any", "none"]


def counts(results: Iterable[RuleResult]) -> Counts:
    tally: dict[str, int] = {}
    for result in results:
        tally[result.status] = tally.get(result.status, 0) + 1
    return Counts(**tally)


def score(score_id: str, title: str, results: Sequence[RuleResult], children: Sequence[Score] = ()) -> Score:
    scored = [r for r in results if r.status in POINTS]
    points = sum(POINTS[r.status] for r in scored)
    percent = round(100 * points / len(scored), 1) if scored else None
    return Score(
        id=score_id,
        title=title,
        percent=percent,
        points=points,
        possible=len(scored),
        counts=counts(results),
        children=list(children),
    )


def verdict(results: Sequence[RuleResult]) -> tuple[Verdict, str]:
    """Ready when every required rule is met, attested or excepted; site-visit rules stay for the reviewer."""
    gaps = [r for r in results if r.status in GAP_STATUSES]
    visits = sum(1 for r in results if r.status == "awaiting_site_visit")
    if gaps:
        worst = sum(1 for r in gaps if r.status != "partial")
        return "not_ready", (
            f"{len(gaps)} required rule(s) not yet satisfied: {worst} not met or unreadable, "
            f"{len(gaps) - worst} partially met"
        )
    tail = f"; {visits} rule(s) for the reviewer to confirm on the site visit" if visits else ""
    return "ready", f"every required rule is met, attested or excepted{tail}"


def gap_order(results: Sequence[RuleResult]) -> list[str]:
    """Most serious first: life-safety rules, then not met, unreadable, partially met; then Standard order."""
    rank = {status: n for n, status in enumerate(GAP_STATUSES)}
    gaps = [(n, r) for n, r in enumerate(results) if r.status in rank]
    gaps.sort(key=lambda item: (not item[1].life_safety, rank[item[1].status], item[0]))
    return [r.id for _, r in gaps]


def exit_code(report: Report, fail_on: FailOn = "partial", fail_under: float | None = None) -> int:
    """0 when the chosen policy passes, 1 when the gaps fail it.

    not-met: fails on a required rule not met or unreadable (an expired exception counts as not met);
    partial: also on a partially met rule; any: also on any warning (an exception expiring within 30
    days, a link ignored); none: never on gaps. ``fail_under`` fails when the overall score is below it.
    """
    failing: set[str] = set()
    if fail_on in ("not-met", "partial", "any"):
        failing |= {"not_met", "error"}
    if fail_on in ("partial", "any"):
        failing.add("partial")
    if any(r.status in failing for r in report.results):
        return 1
    if fail_on == "any" and report.warnings:
        return 1
    if fail_under is not None and (report.score.percent if report.score.percent is not None else 100.0) < fail_under:
        return 1
    return 0
