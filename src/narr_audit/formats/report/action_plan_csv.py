"""The corrective-action plan as CSV, to open in a spreadsheet and fill in owners and due dates.

Every cell passes through :func:`safetext.csv_cell`: text, never a formula, and no raw controls.
"""

from __future__ import annotations

import csv
import io

from narr_audit.base.safetext import csv_cell
from narr_audit.formats.report import RenderOptions
from narr_audit.results.actions import plan
from narr_audit.results.report import Report

COLUMNS = ("item", "priority", "rule", "title", "status", "action", "missing", "owner_role", "due_date", "done")


def render(report: Report, options: RenderOptions) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for a in plan(report):
        done = "yes" if a.plan_status == "done" else ""
        row = (a.number, a.priority, a.rule, a.title, a.status, a.action, a.missing, a.owner, a.due, done)
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()
