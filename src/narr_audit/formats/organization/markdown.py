"""Markdown of an organization: the verdict of every property, the shared gaps once, each property's own."""

from __future__ import annotations

from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.base.text import percent
from narr_audit.formats.report import RenderOptions
from narr_audit.formats.templating import render as render_template
from narr_audit.results.organization import OrganizationReport

VERDICT_LABELS = {"ready": "ready", "not_ready": "not ready", "unreadable": "could not be read"}


def render(report: OrganizationReport, options: RenderOptions) -> str:
    return render_template(
        "organization.md.j2",
        options.template_dir,
        report=report,
        own={p.folder: report.own_gaps(p) for p in report.properties},
        labels=STATUS_LABELS,
        verdicts=VERDICT_LABELS,
        percent=percent,
    )
