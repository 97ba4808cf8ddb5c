"""Markdown, for a binder or a pull-request comment: summary, domains, gaps with what to do, every rule."""

from __future__ import annotations

from dataclasses import dataclass

from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.base.text import percent
from narr_audit.formats.report import RenderOptions
from narr_audit.formats.templating import render as render_template
from narr_audit.results.report import Report, RuleResult


@dataclass(frozen=True)
class DomainRows:
    id: str
    title: str
    results: list[RuleResult]


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
