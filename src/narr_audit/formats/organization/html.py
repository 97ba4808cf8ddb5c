"""HTML of an organization: one self-contained page (inline CSS, no script), every value autoescaped
by the template ``templates/organization.html.j2``; a pure function of the report."""

from __future__ import annotations

from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.base.text import percent
from narr_audit.formats.organization.markdown import VERDICT_LABELS
from narr_audit.formats.report import RenderOptions
from narr_audit.formats.report.html import SYMBOLS
from narr_audit.formats.templating import render as render_template
from narr_audit.results.organization import OrganizationReport


def render(report: OrganizationReport, options: RenderOptions) -> str:
    return render_template(
        "organization.html.j2",
        options.template_dir,
        report=report,
        own={p.folder: report.own_gaps(p) for p in report.properties},
        labels=STATUS_LABELS,
        symbols=SYMBOLS,
        verdicts=VERDICT_LABELS,
        percent=percent,
    )
