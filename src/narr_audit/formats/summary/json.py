"""The batch summary as JSON: model order, so the same batch gives the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

from narr_audit.base.safetext import json_text
from narr_audit.results.summary import BatchSummary


def render(summary: BatchSummary, template_dir: Path | None = None) -> str:
    return json_text(json.dumps(summary.model_dump(mode="json"), indent=2, ensure_ascii=False)) + "\n"
