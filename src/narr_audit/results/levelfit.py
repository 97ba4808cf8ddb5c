"""Level fit: pure functions from a report at each of the four levels to which level the evidence supports.

A level is fully supported when it has no gaps: every rule it requires is met, met by attestation,
excepted or waits only for the reviewer's site visit (the same test as the "ready" verdict). The
engine is run once per level on the same evidence (workflows.levelfit), because a rule can ask more
at a higher level than at a lower one: the reports, not the rulebook's level marks alone, decide.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from pydantic import Field

from narr_audit.base.levels import ALL_LEVELS, Level
from narr_audit.base.models import StrictModel
from narr_audit.base.statuses import GAP_STATUSES, SATISFIED, Status
from narr_audit.results.levelfit_model import FitRule, LevelFit, LevelSupport, NextLevel
from narr_audit.results.report import Notice, Report, RuleResult, Tool

LEVEL_FIT_SCHEMA_VERSION = "1.0"
_MET = frozenset({*SATISFIED, Status.excepted})


class FitEntry(StrictModel):
    """One residence (or one property of an organization) and its level fit, or why it has none."""

    folder: str
    name: str
    assessed_on: date | None = None
    fit: LevelFit | None = Field(default=None, description="Null when the folder could not be read (see problems).")
    problems: list[Notice] = Field(default=[], description="Why the folder could not be read.")


class LevelFitList(StrictModel):
    """What `narr-audit level` prints: the level fit of a residence, or of every property of an organization."""

    schema_version: str = LEVEL_FIT_SCHEMA_VERSION
    tool: Tool
    generated_on: date
    folder: str
    organization: str | None = Field(default=None, description="The organization's name, for an organization folder.")
    residences: list[FitEntry]


def level_fit(reports: Mapping[Level, Report], claimed: Level) -> LevelFit:
    """The level fit of one evidence folder from its reports at Levels I to IV (``claimed`` among them)."""
    missing = [str(level) for level in ALL_LEVELS if level not in reports]
    if missing:
        raise ValueError(f"a level fit needs a report at every level; missing: {', '.join(missing)}")
    by_level = {level: {r.id: r for r in reports[level].results} for level in ALL_LEVELS}

    def required_from(rule_id: str) -> str:
        for level in ALL_LEVELS:
            found = by_level[level].get(rule_id)
            if found is not None and found.level_status == "required":
                return str(level)
        return str(ALL_LEVELS[-1])

    def shown(result: RuleResult) -> FitRule:
        return FitRule(
            id=result.id,
            title=result.title,
            status=result.status,
            life_safety=result.life_safety,
            required_from=required_from(result.id),
            reason=result.reason,
            fix=result.fix,
        )

    levels = [_support(level, reports[level]) for level in ALL_LEVELS]
    supported = [level for level, row in zip(ALL_LEVELS, levels, strict=True) if row.supported]
    highest = supported[-1] if supported else None
    at_claimed = reports[claimed]
    nxt = _next_level(claimed, reports, shown)
    gaps = [shown(r) for r in at_claimed.gap_results()]
    return LevelFit(
        claimed=str(claimed),
        claimed_name=claimed.display_name,
        claimed_supported=not at_claimed.gaps,
        supported=str(highest) if highest is not None else None,
        supported_name=highest.display_name if highest is not None else None,
        summary=summary(claimed, highest, len(gaps), nxt),
        levels=levels,
        gaps=gaps,
        next=nxt,
    )


def _support(level: Level, report: Report) -> LevelSupport:
    required = [r for r in report.results if r.level_status == "required"]
    met = sum(1 for r in required if r.status in _MET)
    visit = sum(1 for r in required if r.status == Status.awaiting_site_visit)
    gaps = sum(1 for r in required if r.status in GAP_STATUSES)
    return LevelSupport(
        level=str(level),
        level_name=level.display_name,
        required=len(required),
        met=met,
        site_visit=visit,
        gaps=gaps,
        not_applicable=len(required) - met - visit - gaps,
        supported=not report.gaps,
    )


def _next_level(
    claimed: Level, reports: Mapping[Level, Report], shown: Callable[[RuleResult], FitRule]
) -> NextLevel | None:
    """The level above ``claimed``: the rules it newly requires (each with its status there), and the
    rules both require that it asks more of (met at the claimed level, a gap at the next)."""
    if claimed is ALL_LEVELS[-1]:
        return None
    above = ALL_LEVELS[ALL_LEVELS.index(claimed) + 1]
    here = {r.id: r for r in reports[claimed].results}
    there = reports[above]
    new = [r for r in there.results if r.level_status == "required" and _not_required(here.get(r.id))]
    gap_ids = set(there.gaps)
    more = [
        r
        for r in there.results
        if r.id in gap_ids and not _not_required(here.get(r.id)) and here[r.id].status not in GAP_STATUSES
    ]
    return NextLevel(
        level=str(above),
        level_name=above.display_name,
        supported=not there.gaps,
        newly_required=[shown(r) for r in new],
        newly_met=sum(1 for r in new if r.status in _MET),
        newly_site_visit=sum(1 for r in new if r.status == Status.awaiting_site_visit),
        asks_more=[shown(r) for r in more],
        gaps=list(there.gaps),
    )


def _not_required(result: RuleResult | None) -> bool:
    return result is None or result.level_status != "required"


def _name(level: Level) -> str:
    return f"Level {level} ({level.display_name})"


def _rules(count: int) -> str:
    return f"{count} rule{'' if count == 1 else 's'}"


def summary(claimed: Level, highest: Level | None, gaps: int, nxt: NextLevel | None) -> str:
    """The finding in plain words, for the operator: the level claimed, the level the evidence
    supports, and what stands between them."""
    if gaps == 0:
        if highest is not None and highest.number > claimed.number:
            return (
                f"The evidence supports {_name(highest)}, above the {_name(claimed)} claimed: every rule "
                f"{_name(highest)} requires is met or waits only for the site visit. The reviewer assigns the "
                f"level; this home could ask to be reviewed at Level {highest}."
            )
        found = f"The evidence supports {_name(claimed)}, the level claimed."
        if nxt is None:
            return found
        missing = len(nxt.gaps)
        more = f"{missing} more rule{'' if missing == 1 else 's'}"
        return f"{found} For Level {nxt.level} ({nxt.level_name}), {more} would have to be met."
    shortfall = f"{_rules(gaps)} that {_name(claimed)} requires {'is' if gaps == 1 else 'are'} not yet met"
    if highest is None:
        return (
            f"{_name(claimed)} is claimed, but the evidence does not yet fully support any level: "
            f"{shortfall} (listed below)."
        )
    if highest.number < claimed.number:
        return (
            f"{_name(claimed)} is claimed, but the evidence supports only {_name(highest)}: {shortfall} (listed below)."
        )
    return (
        f"{_name(claimed)} is claimed, but {shortfall} (listed below); the evidence fully supports "
        f"{_name(highest)}, a higher level, which the reviewer may consider."
    )


def entry(report: Report, *, folder: str | None = None) -> FitEntry:
    """A checked folder's row of `narr-audit level` (its report must carry a level fit)."""
    if report.level_fit is None:
        raise ValueError("the report was made without its level fit (audit it with level_fit=True)")
    return FitEntry(
        folder=folder if folder is not None else report.folder,
        name=report.residence.name,
        assessed_on=report.assessed_on,
        fit=report.level_fit,
    )


def exit_code(fits: LevelFitList) -> int:
    """As `check`: 0 when every claimed level is fully supported, 1 when one is not; 2 when a folder
    (a property of an organization) could not be read, as for an organization's `check`."""
    if any(e.fit is None for e in fits.residences):
        return 2
    if any(not e.fit.claimed_supported for e in fits.residences if e.fit is not None):
        return 1
    return 0


__all__ = [
    "LEVEL_FIT_SCHEMA_VERSION",
    "FitEntry",
    "LevelFitList",
    "entry",
    "exit_code",
    "level_fit",
    "summary",
]
