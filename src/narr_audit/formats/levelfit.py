"""`narr-audit level` as terminal text, Markdown or JSON, and the level-fit section of a check report.

Pure functions of results (a LevelFitList, or one LevelFit) returning a string; the CLI writes it.
Written for two readers: the operator reads the plain sentence and the "why" of each gap, the
reviewer the rule ids and the level each rule is required from.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

from narr_audit.base.safetext import json_text
from narr_audit.base.safetext import terminal as safe
from narr_audit.base.statuses import STATUS_LABELS, Status
from narr_audit.formats.console import render_to_string

# rich's Text, Table and Group as stand-ins: uncoloured output is laid out without importing rich.
from narr_audit.formats.plain import Group, RenderableType, Table, Text
from narr_audit.formats.templating import render as render_template
from narr_audit.results.levelfit import LevelFitList
from narr_audit.results.levelfit_model import FitRule, LevelFit, NextLevel

STYLES = {
    "met": "green",
    "attested": "green",
    "excepted": "cyan",
    "partial": "yellow",
    "not_met": "bold red",
    "error": "bold magenta",
    "awaiting_site_visit": "blue",
}
WIDTH = 100


def newly_counts(nxt: NextLevel) -> tuple[int, int, int]:
    """Of the rules the next level newly requires: how many are met, wait for the site visit, fall short."""
    return nxt.newly_met, nxt.newly_site_visit, len(nxt.newly_required) - nxt.newly_met - nxt.newly_site_visit


# --- terminal ------------------------------------------------------------------------------------


def render_terminal(fits: LevelFitList, colour: bool = False, width: int = WIDTH) -> str:
    parts: list[RenderableType] = []
    if fits.organization is not None:
        parts.append(Text(safe(f"{fits.organization}: level fit of {len(fits.residences)} properties"), style="bold"))
    for n, e in enumerate(fits.residences):
        if n or fits.organization is not None:
            parts.append(Text(""))
        head = Text()
        head.append(safe(e.name), style="bold")
        head.append(safe(f" ({e.folder})" if e.folder != e.name else ""))
        if e.assessed_on is not None:
            head.append(f": level fit, assessed on {e.assessed_on}")
        parts.append(head)
        if e.fit is None:
            text = Text("Could not be read:", style="bold red")
            for p in e.problems:
                where = f"{p.file}:{p.line}" if p.file and p.line else (p.file or "")
                text.append(f"\n  {safe(where) + ': ' if where else ''}{safe(p.message)}", style="")
                if p.hint:
                    text.append(f"\n    fix: {safe(p.hint)}", style="")
            parts.append(text)
            continue
        parts.extend(fit_renderables(e.fit, width))
    return render_to_string(parts, colour, width)


def fit_renderables(fit: LevelFit, width: int = WIDTH) -> list[RenderableType]:
    """The level fit as rich renderables: also the level-fit section of `check --level-fit` in a terminal."""
    out: list[RenderableType] = [Text(safe(fit.summary, multiline=True), style="bold" if fit.claimed_supported else "")]
    table = Table(title="Rules each level requires, and how many the evidence meets", title_justify="left")
    table.add_column("Level")
    for name in ("Required", "Met", "Site visit", "Gaps"):
        table.add_column(name, justify="right")
    table.add_column("Fully supported")
    for row in fit.levels:
        claimed = " (claimed)" if row.level == fit.claimed else ""
        table.add_row(
            f"{row.level} {row.level_name}{claimed}",
            str(row.required),
            str(row.met),
            str(row.site_visit),
            str(row.gaps),
            "yes" if row.supported else "no",
        )
    out.append(table)
    highest = f"Level {fit.supported} ({fit.supported_name})" if fit.supported else "none yet"
    out.append(
        Text(
            f"Highest level fully supported: {highest}. Met: met, met by attestation or excepted; site visit: "
            "the paperwork is in order, for the reviewer to confirm on site."
        )
    )
    out.append(Text(""))
    if not fit.gaps:
        out.append(Text(f"Gaps at Level {fit.claimed}, the level claimed: none.", style="green"))
    else:
        out.append(
            Text(
                f"Gaps at Level {fit.claimed} ({fit.claimed_name}), the level claimed ({len(fit.gaps)}), "
                "most serious first",
                style="bold underline",
            )
        )
        out.extend(_rule(n, rule, width, why=True) for n, rule in enumerate(fit.gaps, 1))
    if fit.next is not None:
        out.extend(_next(fit.next, width))
    return out


def _next(nxt: NextLevel, width: int) -> list[RenderableType]:
    name = f"Level {nxt.level} ({nxt.level_name})"
    said = "the evidence already supports it" if nxt.supported else f"{len(nxt.gaps)} rule(s) not yet met there"
    out: list[RenderableType] = [Text(""), Text(f"{name}, the next level up: {said}", style="bold underline")]
    met, visit, short = newly_counts(nxt)
    out.append(
        Text(
            f"Newly required at Level {nxt.level} ({len(nxt.newly_required)}): {met} already met, "
            f"{visit} for the site visit, {short} not yet."
        )
    )
    out.extend(_rule(None, rule, width, why=rule.status not in _SATISFIED) for rule in nxt.newly_required)
    if nxt.asks_more:
        out.append(Text(f"Required at both levels, but Level {nxt.level} asks more ({len(nxt.asks_more)}):"))
        out.extend(_rule(None, rule, width, why=True) for rule in nxt.asks_more)
    return out


_SATISFIED = frozenset({Status.met, Status.attested, Status.excepted, Status.awaiting_site_visit})


def _rule(n: int | None, rule: FitRule, width: int, *, why: bool) -> RenderableType:
    head = Text(f"{n}. " if n is not None else "  ")
    head.append(f"[{STATUS_LABELS[rule.status]}]", style=STYLES.get(rule.status, ""))
    head.append(safe(f" {rule.id} {rule.title}"), style="bold" if why else "")
    if rule.life_safety:
        head.append(" (life safety)", style="bold red")
    head.append(f" (required from Level {rule.required_from})", style="dim")
    if not why:
        return head
    lines = [_hanging("Why:", rule.reason, width)]
    if rule.fix:
        lines.append(_hanging("Fix:", rule.fix, width))
    return Group(head, Text("\n".join(lines)))


def _hanging(label: str, text: str, width: int) -> str:
    lead = f"   {label:<6}"
    return textwrap.fill(
        safe(text, multiline=True), width=width, initial_indent=lead, subsequent_indent=" " * len(lead)
    )


# --- Markdown and JSON ---------------------------------------------------------------------------


def render_markdown(fits: LevelFitList, template_dir: Path | None = None) -> str:
    return render_template("level-fit.md.j2", template_dir, fits=fits, labels=STATUS_LABELS)


def render_json(fits: LevelFitList) -> str:
    return json_text(fits.model_dump_json(indent=2)) + "\n"


# The one registry of level-fit formats: name -> render(level fits, colour).
LEVEL_FORMATS: dict[str, Callable[[LevelFitList, bool], str]] = {
    "terminal": lambda fits, colour: render_terminal(fits, colour),
    "markdown": lambda fits, colour: render_markdown(fits),
    "json": lambda fits, colour: render_json(fits),
}


def render(fits: LevelFitList, fmt: str, colour: bool = False) -> str:
    return LEVEL_FORMATS[fmt](fits, colour)


__all__: Sequence[str] = ["LEVEL_FORMATS", "fit_renderables", "newly_counts", "render"]
