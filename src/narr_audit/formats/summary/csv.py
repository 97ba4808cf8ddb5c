"""The batch summary as CSV, one row per applicant, to sort and filter in a spreadsheet.

An organization has a row per property, named in the last column (``organization``, empty for a
residence). Columns are only ever added at the end: spreadsheets and scripts read them by position.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from narr_audit.base.safetext import csv_cell
from narr_audit.results.summary import BatchSummary

DOMAINS = ("1", "2", "3", "4")
COLUMNS = (
    "folder",
    "name",
    "operator",
    "applicant_id",
    "level",
    "score",
    "verdict",
    "passed",
    "gaps",
    "not_met",
    "partial",
    "unreadable_evidence",
    *(f"gaps_domain_{d}" for d in DOMAINS),
    "site_visit",
    "plan_open",
    "plan_overdue",
    "warnings",
    "report",
    "problems",
    "organization",
    "to_confirm",  # last: columns are only ever added at the end, so scripts reading by position keep working
)


def render(summary: BatchSummary, template_dir: Path | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in summary.applicants:
        first_report = next(iter(r.reports.values()), "")
        row = (
            r.folder,
            r.name or "",
            r.operator or "",
            r.applicant_id or "",
            r.level or "",
            "" if r.score is None else f"{r.score:.1f}",
            r.verdict,
            "yes" if r.passed else "no",
            r.gaps,
            r.not_met,
            r.partial,
            r.unreadable_evidence,
            *(r.gaps_by_domain.get(d, 0) for d in DOMAINS),
            r.site_visit,
            "" if r.plan_open is None else r.plan_open,
            "" if r.plan_overdue is None else r.plan_overdue,
            r.warnings,
            first_report,
            " | ".join(p.splitlines()[0] for p in r.problems),
            r.organization or "",
            r.to_confirm,
        )
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()
