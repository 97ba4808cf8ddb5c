"""Formats of a batch summary (one row per applicant): one module each, ``render(summary, template_dir)``.

:data:`SUMMARY_FORMATS` is the one registry; `narr-audit batch --summary` choices come from it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from narr_audit.results.summary import BatchSummary


@dataclass(frozen=True)
class SummaryFormat:
    name: str
    module: str
    summary: str
    suffix: str

    def renderer(self) -> Callable[[BatchSummary, Path | None], str]:
        loaded = importlib.import_module(f"narr_audit.formats.summary.{self.module}")
        render: Callable[[BatchSummary, Path | None], str] = loaded.render
        return render


SUMMARY_FORMATS: dict[str, SummaryFormat] = {
    "html": SummaryFormat("html", "html", "a sortable dashboard linking each applicant's report", ".html"),
    "csv": SummaryFormat("csv", "csv", "one row per applicant, for a spreadsheet", ".csv"),
    "markdown": SummaryFormat("markdown", "markdown", "a Markdown table of applicants", ".md"),
    "json": SummaryFormat("json", "json", "the summary as JSON, with schema_version", ".json"),
}


def render_summary(summary: BatchSummary, name: str, template_dir: Path | None = None) -> str:
    return SUMMARY_FORMATS[name].renderer()(summary, template_dir)


__all__ = ["SUMMARY_FORMATS", "SummaryFormat", "render_summary"]
