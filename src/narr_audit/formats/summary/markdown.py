"""The batch summary as a Markdown table, for a board packet or an issue; an organization's
properties follow its own row."""

from __future__ import annotations

from pathlib import Path

from narr_audit.formats.summary.grouping import groups
from narr_audit.formats.templating import render as render_template
from narr_audit.results.summary import BatchSummary


def render(summary: BatchSummary, template_dir: Path | None = None) -> str:
    return render_template("summary.md.j2", template_dir, s=summary, groups=groups(summary))
