"""Output formats of an organization report (`check` on an organization folder): one module per format.

:data:`ORGANIZATION_FORMATS` has the same names as the residence report's registry
(:data:`narr_audit.formats.report.FORMATS`), so `check --format X` works on either kind of folder.
Like those, each formatter is a pure ``render(report, options) -> str`` that reads the results only.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from narr_audit.formats.report import RenderOptions
from narr_audit.results.organization import OrganizationReport


@dataclass(frozen=True)
class OrganizationFormat:
    name: str
    module: str
    summary: str

    def renderer(self) -> Callable[[OrganizationReport, RenderOptions], str]:
        """Imported on use, so a command loads only the format it writes."""
        loaded = importlib.import_module(f"narr_audit.formats.organization.{self.module}")
        render: Callable[[OrganizationReport, RenderOptions], str] = loaded.render
        return render


ORGANIZATION_FORMATS: dict[str, OrganizationFormat] = {
    "terminal": OrganizationFormat(
        "terminal", "terminal", "every property's verdict, shared gaps once, then each's own"
    ),
    "json": OrganizationFormat("json", "json", "the organization report as JSON (schema_version 1.3)"),
    "sarif": OrganizationFormat("sarif", "sarif", "SARIF 2.1.0: a shared gap once, at the organization's file"),
    "junit": OrganizationFormat("junit", "junit", "JUnit XML: a test suite per property and domain"),
    "action-plan": OrganizationFormat("action-plan", "action_plan", "the action plan: each fix once, as Markdown"),
    "action-plan-csv": OrganizationFormat("action-plan-csv", "action_plan_csv", "the action plan as CSV"),
    "markdown": OrganizationFormat("markdown", "markdown", "a Markdown report of the organization"),
    "html": OrganizationFormat("html", "html", "one self-contained HTML page of the organization"),
    "github": OrganizationFormat("github", "github", "GitHub Actions annotations at the file at fault"),
}


def render(report: OrganizationReport, name: str, options: RenderOptions | None = None) -> str:
    return ORGANIZATION_FORMATS[name].renderer()(report, options or RenderOptions())


__all__ = ["ORGANIZATION_FORMATS", "OrganizationFormat", "render"]
