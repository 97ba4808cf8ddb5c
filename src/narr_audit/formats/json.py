"""JSON: the report model as is, keys in the model's order, so the same input gives the same bytes."""

from __future__ import annotations

import json

from narr_audit.formats import RenderOptions
from narr_audit.report import Report


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
