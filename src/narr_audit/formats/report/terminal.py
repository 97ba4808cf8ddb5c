"""The terminal summary: residence, verdict, score by domain, then the gaps with what to do.

Rendered with rich to a string: colour when writing to a terminal, plain text otherwise. Every
value from the evidence folder or a user's file passes through :func:`safetext.terminal` first, so a
file named with escape sequences cannot clear the screen or forge a verdict.
"""

from __future__ import annotations

import textwrap

from narr_audit.base.safetext import terminal as safe
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.base.text import percent
from narr_audit.formats.console import render_to_string

# rich's Text, Table and Group as stand-ins: uncoloured output is laid out without importing rich.
from narr_audit.formats.plain import Group, RenderableType, Table, Text
from narr_audit.formats.report import RenderOptions
from narr_audit.results.report import Report

STYLES = {
    "met": "green",
    "attested": "green",
    "excepted": "cyan",
    "partial": "yellow",
    "not_met": "bold red",
    "error": "bold magenta",
    "awaiting_site_visit": "blue",
    "recommended": "dim",
    "not_applicable": "dim",
}


def render(report: Report, options: RenderOptions) -> str:
    parts: list[RenderableType] = [_header(report), _domains(report)]
    parts.extend(_gaps(report, options.width))
    parts.extend(_found_elsewhere(report, options.width))
    parts.extend(_plan(report))
    parts.extend(_level_fit(report, options.width))
    parts.extend(_footer(report))
    return render_to_string(parts, options.colour, options.width)


def _header(report: Report) -> RenderableType:
    r = report.residence
    ready = report.verdict == "ready"
    head = Text()
    head.append(safe(r.name), style="bold")
    head.append(f", Level {report.level} ({report.level_name}), operated by {safe(r.operator)}\n")
    head.append(f"Assessed on {report.assessed_on} against {safe(' + '.join(report.standards))}\n")
    if report.review:
        rv = report.review
        head.append(
            f"Site visit by {safe(rv.reviewer)} on {rv.visited_on}: {rv.findings} finding(s) from {safe(rv.file)}\n"
        )
    head.append("Verdict: ")
    head.append(
        "READY for certification" if ready else "NOT READY for certification",
        style="bold green" if ready else "bold red",
    )
    head.append(f" ({safe(report.verdict_reason)})\n")
    c = report.score.counts
    head.append(f"Score: {percent(report.score.percent)} of {report.score.possible} scored rules. ")
    head.append(
        f"Met {c.met}, attested {c.attested}, excepted {c.excepted}, partially met {c.partial}, "
        f"not met {c.not_met}, unreadable {c.error}; awaiting site visit {c.awaiting_site_visit}; "
        f"recommended only {c.recommended}; not applicable {c.not_applicable}."
    )
    return head


def _domains(report: Report) -> RenderableType:
    table = Table(title="Score by domain", title_justify="left", header_style="bold")
    table.add_column("Domain")
    table.add_column("Score", justify="right")
    table.add_column("Met", justify="right")
    table.add_column("Partly", justify="right")
    table.add_column("Not met", justify="right")
    table.add_column("Site visit", justify="right")
    for domain in report.score.children:
        c = domain.counts
        table.add_row(
            safe(f"{domain.id} {domain.title}"),
            percent(domain.percent),
            str(c.met + c.attested + c.excepted),
            str(c.partial),
            str(c.not_met + c.error),
            str(c.awaiting_site_visit),
        )
    return table


def _gaps(report: Report, width: int) -> list[RenderableType]:
    gaps = report.gap_results()
    if not gaps:
        return [Text("No gaps: every required rule is met, attested or excepted.", style="green")]
    out: list[RenderableType] = [Text(f"Gaps, most serious first ({len(gaps)})", style="bold underline")]
    for n, result in enumerate(gaps, 1):
        head = Text()
        head.append(f"{n}. ")
        head.append(f"[{STATUS_LABELS[result.status]}]", style=STYLES[result.status])
        head.append(safe(f" {result.id} {result.title}"), style="bold")
        if result.life_safety:
            head.append(" (life safety)", style="bold red")
        lines = [_hanging("Why:", result.reason, width)]
        if result.missing:
            lines.append(_hanging("Missing:", "; ".join(result.missing), width))
        elsewhere = [_place(ref.file, ref.where) for ref in result.evidence if ref.unmapped]
        if elsewhere:
            lines.append(_hanging("Found in:", "; ".join(elsewhere) + " (not mapped to this rule)", width))
        if result.fix:
            lines.append(_hanging("Fix:", result.fix, width))
        out.append(Group(head, Text("\n".join(lines))))
    return out


def _plan(report: Report) -> list[RenderableType]:
    """The corrective action plan's progress, and each item with where it stands."""
    p = report.plan
    if p is None:
        return []
    text = Text(f"Corrective action plan ({safe(p.file)}): {p.total} item(s)", style="bold underline")
    text.append(f"\n  {p.done} done, {p.in_progress} in progress, {p.open} open; ", style="")
    text.append(f"{p.overdue} overdue", style="bold red" if p.overdue else "")
    text.append("; ", style="")
    text.append(f"{p.still_failing} marked done, still failing", style="bold red" if p.still_failing else "")
    for x in p.items:
        done = f" on {x.done_on}" if x.done_on else ""
        text.append("\n  " + safe(f"{x.rule} {x.title}: {x.status}{done}, due {x.due}, owner {x.owner}"), style="")
        if x.overdue:
            text.append(" (overdue)", style="bold red")
        if x.still_failing:
            text.append(" (marked done, still failing)", style="bold red")
    return [text]


def _level_fit(report: Report, width: int) -> list[RenderableType]:
    """Which level of support the evidence supports (check --level-fit), as `narr-audit level` shows it."""
    if report.level_fit is None:
        return []
    from narr_audit.formats.levelfit import fit_renderables

    return [Text("Level fit", style="bold underline"), *fit_renderables(report.level_fit, width)]


def _hanging(label: str, text: str, width: int) -> str:
    """'   Why:     text...' wrapped with a hanging indent (rich tables are too slow for hundreds of gaps)."""
    lead = f"   {label:<9}"
    text = safe(text, multiline=True)  # textwrap turns newlines and tabs into spaces
    return textwrap.fill(text, width=width, initial_indent=lead, subsequent_indent=" " * len(lead))


def _place(file: str, where: str | None) -> str:
    return f"{file} ({where})" if where else file


def _found_elsewhere(report: Report, width: int) -> list[RenderableType]:
    """Evidence found in files not mapped to its rule, apart from mapped evidence: the reviewer confirms
    it, the operator maps it (each reason says how)."""
    found = report.found_elsewhere()
    if not found:
        return []
    out: list[RenderableType] = [
        Text(f"Found in files not mapped to their rule ({len(found)})", style="bold underline"),
        Text("Confirm each, then map the file as the reason says (or run narr-audit map --write)."),
    ]
    for item in found:
        result = item.result
        head = Text()
        head.append(f"[{STATUS_LABELS[result.status]}]", style=STYLES[result.status])
        head.append(safe(f" {result.id} {result.title}"), style="bold")
        places = "; ".join(_place(ref.file, ref.where) for ref in item.refs)
        lines = [_hanging("Found in:", places, width), _hanging("Why:", result.reason, width)]
        out.append(Group(head, Text("\n".join(lines))))
    return out


def _footer(report: Report) -> list[RenderableType]:
    out: list[RenderableType] = []
    if report.site_visit:
        out.append(
            Text(
                f"The reviewer will confirm {len(report.site_visit)} rule(s) on the site visit: "
                + safe(", ".join(report.site_visit))
            )
        )
    if report.warnings:
        text = Text(f"Warnings ({len(report.warnings)})", style="bold yellow")
        for w in report.warnings:
            where = f"{w.file}:{w.line}" if w.file and w.line else (w.file or "")
            text.append(f"\n  {safe(where) + ': ' if where else ''}{safe(w.message)}", style="")
            if w.hint:
                text.append(f"\n    fix: {safe(w.hint)}", style="")
        out.append(text)
    if report.unmapped:
        out.append(
            Text(
                f"Unmapped files ({len(report.unmapped)}), not evidence for any rule yet: "
                + ", ".join(safe(path) for path in report.unmapped)
            )
        )
    return out
