"""The corrective-action plan as Markdown: a checklist an operator prints or pastes into an issue."""

from __future__ import annotations

from narr_audit.actions import plan
from narr_audit.formats import RenderOptions
from narr_audit.report import Report
from narr_audit.templating import render as render_template


def render(report: Report, options: RenderOptions) -> str:
    return render_template("action-plan.md.j2", options.template_dir, report=report, actions=plan(report))
