"""The batch dashboard: one self-contained page, a sortable table of applicants with links to reports.

Each applicant is a group of its own (a ``<tbody>``): a residence's row, or an organization's row
over its properties' rows. Sorting moves whole groups, by the organization's own values, and the
properties within each; filtering shows a property under its organization's row.
"""

from __future__ import annotations

from pathlib import Path

from narr_audit.formats.summary.grouping import groups
from narr_audit.formats.templating import render as render_template
from narr_audit.results.summary import BatchSummary

VERDICTS = {"ready": "✓ ready", "not_ready": "✗ not ready", "unreadable": "! could not be read"}


def render(summary: BatchSummary, template_dir: Path | None = None) -> str:
    domains = sorted({d for r in summary.applicants for d in r.gaps_by_domain}) or ["1", "2", "3", "4"]
    return render_template(
        "summary.html.j2",
        template_dir,
        s=summary,
        groups=groups(summary),
        properties=sum(1 for r in summary.applicants if r.organization_folder),
        domains=domains,
        verdicts=VERDICTS,
    )
