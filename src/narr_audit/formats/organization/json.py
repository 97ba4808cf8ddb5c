"""JSON: the organization report as is (schema_version 1.2), each property's full report inside it."""

from __future__ import annotations

from narr_audit.base.safetext import json_text
from narr_audit.formats.report import RenderOptions
from narr_audit.results.organization import OrganizationReport


def render(report: OrganizationReport, options: RenderOptions) -> str:
    return json_text(report.model_dump_json(indent=2)) + "\n"
