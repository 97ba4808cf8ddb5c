"""GitHub Actions annotations of an organization: a shared gap once, on the organization's file at
fault (naming the properties it blocks); each property's own gaps on its files; a property that could
not be read as an error; then a notice per property and one for the organization.

Values are escaped as the residence format escapes them (:mod:`narr_audit.formats.report.github`).
"""

from __future__ import annotations

from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.formats.report import RenderOptions
from narr_audit.formats.report.github import (
    COMMANDS,
    annotation,
    annotation_path,
    escape_data,
    escape_property,
    safe,
    summary,
)
from narr_audit.results.organization import OrganizationGap, OrganizationReport


def _shared(gap: OrganizationGap, folder: str) -> str:
    properties = [f"file={escape_property(safe(annotation_path(folder, gap.location.file)))}"]
    if gap.location.line is not None:
        properties.append(f"line={gap.location.line}")
    blocks = ", ".join(b.name for b in gap.properties)
    properties.append(f"title={escape_property(safe(f'{gap.rule} {gap.title} (organization-wide: {blocks})'))}")
    label = STATUS_LABELS[gap.status]
    text = f"{label[:1].upper()}{label[1:]} in the shared evidence, for {safe(blocks)}: {safe(gap.reason.rstrip('.'))}."
    unsaid = [m for m in gap.missing if m not in gap.reason]
    if unsaid:
        text += " Missing: " + safe("; ".join(unsaid)) + "."
    if gap.fix:
        text += "\nWhat to do (once, for every property): " + safe(gap.fix)
    return f"::{COMMANDS[gap.status]} {','.join(properties)}::{escape_data(text)}"


def render(report: OrganizationReport, options: RenderOptions) -> str:
    lines = [_shared(gap, report.folder) for gap in report.organization_gaps]
    for prop in report.properties:
        if prop.report is None:
            for p in prop.problems:
                where = [f"file={escape_property(safe(annotation_path(report.folder, p.file or prop.folder)))}"]
                if p.line is not None:
                    where.append(f"line={p.line}")
                where.append(f"title={escape_property(safe(f'{prop.folder} could not be read'))}")
                fix = f"\nWhat to do: {safe(p.hint)}" if p.hint else ""
                lines.append(f"::error {','.join(where)}::{escape_data(safe(p.message) + fix)}")
            continue
        lines.extend(annotation(result, report.folder) for result in report.own_gaps(prop))
    lines.extend(summary(p.report) for p in report.scored() if p.report is not None)
    score = "no score" if report.score.percent is None else f"score {report.score.percent:.1f}%"
    verdict = "ready for certification" if report.verdict == "ready" else "not ready for certification"
    why = report.verdict_reason
    text = (
        f"narr-audit: {safe(report.organization.name)} ({report.totals.properties} properties) is {verdict}; "
        f"{score}; {report.totals.fixes} fix(es): {report.totals.organization_gaps} organization-wide, "
        f"{report.totals.property_gaps} in the properties. {safe(why[:1].upper() + why[1:])}."
    )
    lines.append(f"::notice::{escape_data(text)}")
    return "\n".join(lines) + "\n"
