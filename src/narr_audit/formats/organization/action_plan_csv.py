"""The organization's action plan as CSV: each organization-wide fix once (with the properties it
unblocks), then each property's own. Every cell passes through :func:`safetext.csv_cell`."""

from __future__ import annotations

import csv
import io

from narr_audit.base.safetext import csv_cell
from narr_audit.formats.report import RenderOptions
from narr_audit.results.organization import OrganizationReport, actions

COLUMNS = (
    "item", "scope", "priority", "rule", "title", "status", "action", "missing", "owner_role", "blocks", "due_date",
    "done",
)  # fmt: skip


def render(report: OrganizationReport, options: RenderOptions) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in actions(report):
        a = item.action
        done = "yes" if a.plan_status == "done" else ""
        row = (a.number, item.scope, a.priority, a.rule, a.title, a.status, a.action, a.missing, a.owner,
               "; ".join(item.blocks), a.due, done)  # fmt: skip
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()
