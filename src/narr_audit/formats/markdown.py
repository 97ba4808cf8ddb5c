"""Markdown, for a binder or a pull-request comment: summary, domains, gaps with what to do, every rule."""

from __future__ import annotations

from dataclasses import dataclass

from narr_audit.formats import RenderOptions
from narr_audit.outcome import STATUS_LABELS
from narr_audit.report import Report, RuleResult, Score
from narr_audit.templating import render as render_template


@dataclass(frozen=True)
class DomainRows:
    id: str
    title: str
    results: list[RuleResult]


def percent(score: Score) -> str:
    return "n/a" if score.percent is None else f"{score.percent:.1f}%"


def domains(report: Report) -> list[DomainRows]:
    """Every rule under its domain, in the Standard's order."""
    return [DomainRows(d.id, d.title, [r for r in report.results if r.domain == d.id]) for d in report.score.children]


def render(report: Report, options: RenderOptions) -> str:
    return render_template(
        "report.md.j2",
        options.template_dir,
        report=report,
        gaps=report.gap_results(),
        by_id={r.id: r for r in report.results},
        domains=domains(report),
        labels=STATUS_LABELS,
        percent=percent,
    )
