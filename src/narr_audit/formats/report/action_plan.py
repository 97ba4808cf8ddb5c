"""The corrective-action plan as Markdown: a checklist an operator prints or pastes into an issue."""

from __future__ import annotations

from narr_audit.formats.report import RenderOptions
from narr_audit.formats.templating import render as render_template
from narr_audit.results.actions import plan
from narr_audit.results.report import Report


def render(report: Report, options: RenderOptions) -> str:
    return render_template("action-plan.md.j2", options.template_dir, report=report, actions=plan(report))
