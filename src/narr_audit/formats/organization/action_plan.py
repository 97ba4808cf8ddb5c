"""The organization's action plan as Markdown: each fix once, organization-wide fixes first."""

from __future__ import annotations

from narr_audit.formats.report import RenderOptions
from narr_audit.formats.templating import render as render_template
from narr_audit.results.organization import OrganizationReport, actions


def render(report: OrganizationReport, options: RenderOptions) -> str:
    found = actions(report)
    return render_template(
        "organization-action-plan.md.j2",
        options.template_dir,
        report=report,
        shared=[a for a in found if a.scope == "organization"],
        by_property=[(p, [a for a in found if a.scope == p.folder]) for p in report.scored()],
    )
