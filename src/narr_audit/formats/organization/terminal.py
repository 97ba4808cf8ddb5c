"""The terminal summary of an organization: each property's verdict, the shared gaps once, then each
property's own gaps.

Like the residence's, rendered with rich (colour on a terminal, plain text otherwise), and every value
from the folders passes through :func:`safetext.terminal` first.
"""

from __future__ import annotations

import textwrap

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from narr_audit.base.safetext import terminal as safe
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.base.text import percent
from narr_audit.formats.console import render_to_string
from narr_audit.formats.report import RenderOptions
from narr_audit.formats.report.terminal import STYLES
from narr_audit.results.organization import OrganizationReport, PropertyResult

VERDICTS = {
    "ready": ("READY", "bold green"),
    "not_ready": ("NOT READY", "bold red"),
    "unreadable": ("UNREADABLE", "bold magenta"),
}


def render(report: OrganizationReport, options: RenderOptions) -> str:
    parts: list[RenderableType] = [_header(report), _properties(report)]
    parts.extend(_shared_gaps(report, options.width))
    for prop in report.properties:
        parts.extend(_own_gaps(report, prop, options.width))
    parts.extend(_footer(report))
    return render_to_string(parts, options.colour, options.width)


def _header(report: OrganizationReport) -> RenderableType:
    org = report.organization
    t = report.totals
    head = Text()
    head.append(safe(org.name), style="bold")
    head.append(f": an organization of {t.properties} propert{'y' if t.properties == 1 else 'ies'}")
    if org.affiliate:
        head.append(f", affiliate {safe(org.affiliate)}")
    if org.applicant_id:
        head.append(f", applicant {safe(org.applicant_id)}")
    head.append(f"\nChecked against {safe(' + '.join(report.standards) or 'narr-3.0')}; {len(report.documents)} ")
    head.append("shared document(s) read once for every property\nVerdict: ")
    ready = report.verdict == "ready"
    head.append(
        "READY for certification" if ready else "NOT READY for certification",
        style="bold green" if ready else "bold red",
    )
    head.append(f" ({safe(report.verdict_reason)})\n")
    head.append(
        f"Score: {percent(report.score.percent)} of {report.score.possible} scored rules over the properties. "
        f"Fixes to make: {t.fixes} ({t.organization_gaps} organization-wide, each counted once; "
        f"{t.property_gaps} in the properties)."
    )
    return head


def _properties(report: OrganizationReport) -> RenderableType:
    table = Table(title="Properties", title_justify="left", header_style="bold")
    for name, justify in (
        ("Folder", "left"),
        ("Residence", "left"),
        ("Level", "left"),
        ("Verdict", "left"),
        ("Score", "right"),
        ("Shared gaps", "right"),
        ("Own gaps", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for p in report.properties:
        label, style = VERDICTS[p.verdict]
        table.add_row(
            safe(p.folder),
            safe(p.name or "-"),
            p.level or "-",
            Text(label, style=style),
            percent(p.score) if p.report else "-",
            str(len(p.organization_gaps)) if p.report else "-",
            str(len(p.gaps)) if p.report else "-",
        )
    return table


def _shared_gaps(report: OrganizationReport, width: int) -> list[RenderableType]:
    gaps = report.organization_gaps
    if not gaps:
        return [Text("No organization-wide gaps: the shared evidence holds for every property.", style="green")]
    out: list[RenderableType] = [
        Text(
            f"Organization-wide gaps ({len(gaps)}): one fix each, in the shared evidence",
            style="bold underline",
        )
    ]
    listed = Text(no_wrap=True)  # wrapped here, printed at once (see _own_gaps)
    for n, gap in enumerate(gaps, 1):
        listed.append(f"{n}. " if n == 1 else f"\n{n}. ")
        listed.append(f"[{STATUS_LABELS[gap.status]}]", style=STYLES[gap.status])
        listed.append(safe(f" {gap.rule} {gap.title}"), style="bold")
        if gap.life_safety:
            listed.append(" (life safety)", style="bold red")
        where = gap.location.file + (f":{gap.location.line}" if gap.location.line else "")
        blocks = ", ".join(f"{b.name} ({b.folder}, Level {b.level})" for b in gap.properties)
        lines = [_hanging("Blocks:", blocks, width), _hanging("At:", where, width), _hanging("Why:", gap.reason, width)]
        if gap.missing:
            lines.append(_hanging("Missing:", "; ".join(gap.missing), width))
        if gap.fix:
            lines.append(_hanging("Fix:", gap.fix, width))
        listed.append("\n" + "\n".join(lines))
    out.append(Group(listed))  # in a Group: Console.print would merge a bare Text and drop no_wrap
    return out


def _own_gaps(report: OrganizationReport, prop: PropertyResult, width: int) -> list[RenderableType]:
    if prop.report is None:
        text = Text(f"{safe(prop.folder)}: could not be read", style="bold magenta")
        for p in prop.problems:
            where = f"{p.file}:{p.line}" if p.file and p.line else (p.file or "")
            text.append(f"\n  {safe(where) + ': ' if where else ''}{safe(p.message)}", style="")
            if p.hint:
                text.append(f"\n    fix: {safe(p.hint)}", style="")
        return [text]
    r = prop.report
    gaps = report.own_gaps(prop)
    title = Text()
    title.append(safe(f"{r.residence.name} ({prop.folder})"), style="bold underline")
    title.append(f", Level {r.level} ({r.level_name}): ")
    label, style = VERDICTS[prop.verdict]
    title.append(label, style=style)
    title.append(f", score {percent(r.score.percent)}")
    shared = len(prop.organization_gaps)
    if shared:
        title.append(f"; blocked by {shared} organization-wide gap(s) above")
    if not gaps:
        title.append("\n  No gaps of its own.", style="green")
        return [title]
    # One Text for all the property's gaps, wrapped here: rich prints it at once (a property may have
    # a hundred gaps, and an organization twenty properties).
    listed = Text(no_wrap=True)
    for n, result in enumerate(gaps, 1):
        listed.append(f"{n}. " if n == 1 else f"\n{n}. ")
        listed.append(f"[{STATUS_LABELS[result.status]}]", style=STYLES[result.status])
        listed.append(safe(f" {result.id} {result.title}"), style="bold")
        if result.life_safety:
            listed.append(" (life safety)", style="bold red")
        lines = [_hanging("Why:", result.reason, width)]
        if result.missing:
            lines.append(_hanging("Missing:", "; ".join(result.missing), width))
        if result.fix:
            lines.append(_hanging("Fix:", result.fix, width))
        listed.append("\n" + "\n".join(lines))
    return [title, Group(listed)]


def _hanging(label: str, text: str, width: int) -> str:
    lead = f"   {label:<9}"
    return textwrap.fill(
        safe(text, multiline=True), width=width, initial_indent=lead, subsequent_indent=" " * len(lead)
    )


def _footer(report: OrganizationReport) -> list[RenderableType]:
    out: list[RenderableType] = []
    if report.warnings:
        text = Text(f"Warnings about the shared evidence ({len(report.warnings)})", style="bold yellow")
        for w in report.warnings:
            where = f"{w.file}:{w.line}" if w.file and w.line else (w.file or "")
            text.append(f"\n  {safe(where) + ': ' if where else ''}{safe(w.message)}", style="")
            if w.hint:
                text.append(f"\n    fix: {safe(w.hint)}", style="")
        out.append(text)
    if report.unmapped:
        out.append(
            Text(
                f"Unmapped shared files ({len(report.unmapped)}), not evidence for any rule yet: "
                + ", ".join(safe(path) for path in report.unmapped)
            )
        )
    return out
