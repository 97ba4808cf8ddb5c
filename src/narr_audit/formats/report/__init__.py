"""Output formats of a report: one module per format, each a pure ``render(report, options) -> str``.

:data:`FORMATS` is the one registry; the CLI's --format choices come from it. Formatters read the
report model only: they never reach into the engine and never write files (the CLI does).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model loads with the audit: naming the formats (--format) needs none of it
    from narr_audit.results.report import Report


@dataclass(frozen=True)
class RenderOptions:
    colour: bool = False
    width: int = 100
    template_dir: Path | None = None


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    summary: str
    suffix: str

    def renderer(self) -> Callable[[Report, RenderOptions], str]:
        """Imported on use, so a command loads only the format it writes."""
        loaded = importlib.import_module(f"narr_audit.formats.report.{self.module}")
        render: Callable[[Report, RenderOptions], str] = loaded.render
        return render


FORMATS: dict[str, Format] = {
    "terminal": Format("terminal", "terminal", "a readable summary for the terminal (colour when it is one)", ".txt"),
    "json": Format("json", "json", "the whole report as JSON, with schema_version and stable key order", ".json"),
    "sarif": Format("sarif", "sarif", "SARIF 2.1.0 for GitHub code scanning: one result per rule not met", ".sarif"),
    "junit": Format("junit", "junit", "JUnit XML: one test case per rule that applies at the level", ".xml"),
    "action-plan": Format(
        "action-plan", "action_plan", "the corrective-action plan as a Markdown checklist (one item per gap)", ".md"
    ),
    "action-plan-csv": Format(
        "action-plan-csv", "action_plan_csv", "the corrective-action plan as CSV, for a spreadsheet", ".csv"
    ),
    "markdown": Format("markdown", "markdown", "a Markdown report for a binder or a pull-request comment", ".md"),
    "html": Format("html", "html", "one self-contained HTML page: verdict, scores, filterable gaps, rules", ".html"),
    "github": Format("github", "github", "GitHub Actions annotations: one ::error or ::warning per gap", ".txt"),
}


def render(report: Report, name: str, options: RenderOptions | None = None) -> str:
    return FORMATS[name].renderer()(report, options or RenderOptions())


__all__ = ["FORMATS", "Format", "RenderOptions", "render"]
