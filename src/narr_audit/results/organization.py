"""The organization report: one verdict per property, the gaps the shared evidence causes listed once.

An organization is scored property by property, each at its own level, with its own Report. What
is new here is what only the whole shows: a gap caused by the organization's shared evidence (a
policy that misses a topic, an attestation signed once and now too old) fails in every property it
reaches, but it is one fix: it is listed once, with every property it blocks, and counted once in
the action plan. A gap is the organization's when the property maps no evidence of its own to the
rule and every failing check rests on organization files only; anything else is the property's.

The organization's score pools the properties' scored rules (points / scored rules x 100, as a
residence's); it is ready when every property is. JSON: ``schema_version`` 1.3 (the organization
report; each property's report inside it is a residence's, with that report's own schema_version).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from narr_audit.base.models import StrictModel
from narr_audit.base.statuses import GAP_STATUSES, STATUS_LABELS, RuleStatusField
from narr_audit.results.actions import Action, owner_role, plan, priority
from narr_audit.results.report import (
    CheckResult,
    Counts,
    DocumentInfo,
    Location,
    Notice,
    Ref,
    Report,
    RuleResult,
    Tool,
    Verdict,
)
from narr_audit.results.scoring import FailOn, exit_code

if TYPE_CHECKING:
    from narr_audit.evidence.organization import Places

ORGANIZATION_SCHEMA_VERSION = "1.3"  # 1.3: the organization report (`check` on an organization folder)
_MANIFEST = "residence.yaml"  # what the engine names when a rule's evidence is missing
_PLAN = "plan.yaml"


class OrganizationInfo(StrictModel):
    name: str
    affiliate: str | None = None
    applicant_id: str | None = None
    file: str = Field(description="organization.yaml, as seen from the folder checked.")


class BlockedProperty(StrictModel):
    folder: str
    name: str
    level: str
    status: RuleStatusField = Field(title="Status")


class OrganizationGap(StrictModel):
    """A gap caused by the shared evidence: one fix, in the organization's files, for every property listed."""

    rule: str
    title: str
    life_safety: bool
    status: RuleStatusField = Field(title="Status", description="The most serious status among the properties.")
    reason: str
    missing: list[str] = []
    fix: str | None = None
    location: Location = Field(description="The organization's file at fault (or organization.yaml's line).")
    properties: list[BlockedProperty] = Field(description="Every property it blocks, in the order listed.")


PropertyVerdict = Literal["ready", "not_ready", "unreadable"]


class PropertyResult(StrictModel):
    folder: str = Field(description="The property's folder, relative to the organization folder.")
    name: str | None = None
    level: str | None = None
    verdict: PropertyVerdict
    score: float | None = None
    organization_gaps: list[str] = Field(default=[], description="Ids of the organization-wide gaps blocking it.")
    gaps: list[str] = Field(default=[], description="Ids of its own gaps (not organization-wide), most serious first.")
    report: Report | None = Field(default=None, description="Its full report (paths relative to the organization).")
    problems: list[Notice] = Field(default=[], description="Why it could not be read (verdict unreadable).")


class OrganizationScore(StrictModel):
    percent: float | None
    points: float
    possible: int
    counts: Counts


class OrganizationTotals(StrictModel):
    properties: int
    ready: int
    not_ready: int
    unreadable: int
    organization_gaps: int
    property_gaps: int
    fixes: int = Field(description="Distinct fixes: each organization-wide gap once, plus each property's own gaps.")


class OrganizationReport(StrictModel):
    schema_version: str = ORGANIZATION_SCHEMA_VERSION
    report: Literal["organization"] = "organization"
    tool: Tool
    generated_on: date
    folder: str
    organization: OrganizationInfo
    standards: list[str]
    verdict: Verdict
    verdict_reason: str
    score: OrganizationScore
    totals: OrganizationTotals
    organization_gaps: list[OrganizationGap] = Field(description="Most serious first.")
    properties: list[PropertyResult]
    documents: list[DocumentInfo] = Field(description="The shared documents, loaded once for every property.")
    unmapped: list[str] = Field(description="Files at the organization's root level mapped to no rule.")
    warnings: list[Notice] = Field(description="Warnings about the shared evidence.")

    def scored(self) -> list[PropertyResult]:
        return [p for p in self.properties if p.report is not None]

    def gap(self, rule_id: str) -> OrganizationGap | None:
        return next((g for g in self.organization_gaps if g.rule == rule_id), None)

    def own_gaps(self, prop: PropertyResult) -> list[RuleResult]:
        """The property's own gaps, most serious first."""
        if prop.report is None:
            return []
        by_id = {r.id: r for r in prop.report.results}
        return [by_id[i] for i in prop.gaps]


@dataclass(frozen=True)
class PropertyOutcome:
    """One property as the workflow leaves it: its report, or why it could not be read."""

    folder: str
    report: Report | None = None
    problems: tuple[Notice, ...] = ()
    own_rules: frozenset[str] = frozenset()  # rules the property maps evidence of its own to


def relocate(report: Report, places: Places) -> Report:
    """The property's report with its findings pointing at the right file, seen from where the command
    was pointed: the engine names residence.yaml (and plan.yaml) for what the folder lacks; in a property
    that is the property's own (with its folder's prefix), or organization.yaml when only it names the rule."""

    def ref(r: Ref) -> Ref:
        return r.model_copy(update={"file": places.manifest}) if r.file == _MANIFEST else r

    def names_manifest(c: CheckResult) -> bool:
        return any(r.file == _MANIFEST for r in c.evidence) or any(names_manifest(a) for a in c.alternatives)

    def check(c: CheckResult) -> CheckResult:
        if not names_manifest(c):
            return c
        return c.model_copy(
            update={"evidence": [ref(r) for r in c.evidence], "alternatives": [check(a) for a in c.alternatives]}
        )

    results = []
    for result in report.results:
        location = _at_fault(result)
        if location.file == _MANIFEST:
            if result.id in places.own_lines:
                location = Location(file=places.manifest, line=places.own_lines[result.id])
            elif result.id in places.shared_lines:
                location = Location(file=places.organization, line=places.shared_lines[result.id])
            else:
                location = Location(file=places.manifest, line=location.line)
        elif (
            location == result.location
            and not any(map(names_manifest, result.checks))
            and not any(r.file == _MANIFEST for r in result.evidence)
        ):
            results.append(result)  # nothing to move: kept as it is
            continue
        results.append(
            result.model_copy(
                update={
                    "location": location,
                    "evidence": [ref(r) for r in result.evidence],
                    "checks": [check(c) for c in result.checks],
                }
            )
        )
    moved = {_MANIFEST: places.manifest, _PLAN: places.plan}
    warnings = [w.model_copy(update={"file": moved.get(w.file or "", w.file)}) for w in report.warnings]
    plan_progress = report.plan.model_copy(update={"file": places.plan}) if report.plan is not None else None
    return report.model_copy(update={"results": results, "warnings": warnings, "plan": plan_progress})


def _at_fault(result: RuleResult) -> Location:
    """Where a property's gap is fixed: the first file a failing check cites (mapped to the rule), else
    where the engine put it. The engine names the rule's first document even when only its log falls
    short; in an organization that document is often the shared manual, while the fix is the house's log."""
    if result.status not in GAP_STATUSES or result.location.file == _MANIFEST:
        return result.location
    for c in result.checks:
        if c.status in GAP_STATUSES:
            cited = [r.file for r in c.evidence if not getattr(r, "unmapped", False)]
            if cited:
                return result.location if cited[0] == result.location.file else Location(file=cited[0])
    return result.location


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + "/")


def _shared_cause(result: RuleResult, outcome: PropertyOutcome) -> bool:
    """The gap rests on the organization's evidence only: the organization maps evidence to the rule
    and the property none of its own, no reviewer found it wanting on site, and every failing check
    cites organization files."""
    if result.id in outcome.own_rules or (result.review is not None and not result.review.verified):
        return False
    if result.exception is not None and result.exception.expired:
        return False  # the property's own exception ran out
    if _inside(result.location.file, outcome.folder):
        return False  # the organization maps nothing to the rule: the property must show it
    failing = [c for c in result.checks if c.status in GAP_STATUSES]
    return bool(failing) and all(
        c.evidence and not any(_inside(r.file, outcome.folder) for r in c.evidence) for c in failing
    )


_RANK = {status: n for n, status in enumerate(GAP_STATUSES)}


def _seriousness(result: RuleResult) -> tuple[bool, int]:
    return (not result.life_safety, _RANK.get(result.status, len(_RANK)))


def build(
    *,
    folder: str,
    organization: OrganizationInfo,
    generated_on: date,
    version: str,
    outcomes: Sequence[PropertyOutcome],
    documents: Sequence[DocumentInfo] = (),
    unmapped: Sequence[str] = (),
    warnings: Sequence[Notice] = (),
) -> OrganizationReport:
    """The organization report of its properties' outcomes (in the order organization.yaml lists them)."""
    shared: dict[str, list[tuple[PropertyOutcome, RuleResult]]] = {}
    order: dict[str, int] = {}
    for outcome in outcomes:
        if outcome.report is None:
            continue
        for position, result in enumerate(outcome.report.results):
            order.setdefault(result.id, position)
        for result in outcome.report.gap_results():
            if _shared_cause(result, outcome):
                shared.setdefault(result.id, []).append((outcome, result))
    gaps = [_gap(rule_id, found) for rule_id, found in shared.items()]
    gaps.sort(key=lambda g: (not g.life_safety, _RANK[g.status], order.get(g.rule, 0)))
    properties = [_property(o, shared) for o in outcomes]
    scored = [p.report for p in properties if p.report is not None]
    points = sum(r.score.points for r in scored)
    possible = sum(r.score.possible for r in scored)
    tally: dict[str, int] = {}
    for r in scored:
        for key, value in r.score.counts.model_dump().items():
            tally[key] = tally.get(key, 0) + value
    unreadable = sum(1 for p in properties if p.verdict == "unreadable")
    ready = sum(1 for p in properties if p.verdict == "ready")
    own = sum(len(p.gaps) for p in properties)
    totals = OrganizationTotals(
        properties=len(properties),
        ready=ready,
        not_ready=len(properties) - ready - unreadable,
        unreadable=unreadable,
        organization_gaps=len(gaps),
        property_gaps=own,
        fixes=len(gaps) + own,
    )
    verdict: Verdict = "ready" if ready == len(properties) and properties else "not_ready"
    standards = list(dict.fromkeys(s for r in scored for s in r.standards))
    return OrganizationReport(
        tool=Tool(version=version),
        generated_on=generated_on,
        folder=folder,
        organization=organization,
        standards=standards,
        verdict=verdict,
        verdict_reason=_verdict_reason(totals),
        score=OrganizationScore(
            percent=round(100 * points / possible, 1) if possible else None,
            points=points,
            possible=possible,
            counts=Counts(**tally),
        ),
        totals=totals,
        organization_gaps=gaps,
        properties=properties,
        documents=list(documents),
        unmapped=list(unmapped),
        warnings=list(warnings),
    )


def _gap(rule_id: str, found: list[tuple[PropertyOutcome, RuleResult]]) -> OrganizationGap:
    worst = min((r for _, r in found), key=_seriousness)
    return OrganizationGap(
        rule=rule_id,
        title=worst.title,
        life_safety=worst.life_safety,
        status=worst.status,
        reason=worst.reason,
        missing=list(dict.fromkeys(m for _, r in found for m in r.missing)),
        fix=worst.fix,
        location=worst.location,
        properties=[
            BlockedProperty(
                folder=o.folder,
                name=o.report.residence.name if o.report else o.folder,
                level=o.report.level if o.report else "",
                status=r.status,
            )
            for o, r in found
        ],
    )


def _property(outcome: PropertyOutcome, shared: dict[str, list[tuple[PropertyOutcome, RuleResult]]]) -> PropertyResult:
    report = outcome.report
    if report is None:
        return PropertyResult(folder=outcome.folder, verdict="unreadable", problems=list(outcome.problems))
    blocking = [rule_id for rule_id in report.gaps if any(o is outcome for o, _ in shared.get(rule_id, ()))]
    return PropertyResult(
        folder=outcome.folder,
        name=report.residence.name,
        level=report.level,
        verdict=report.verdict,
        score=report.score.percent,
        organization_gaps=blocking,
        gaps=[rule_id for rule_id in report.gaps if rule_id not in blocking],
        report=report,
    )


def _verdict_reason(t: OrganizationTotals) -> str:
    if t.properties and t.ready == t.properties:
        return f"every property ({t.properties}) is ready for certification"
    parts = []
    if t.not_ready:
        parts.append(f"{t.not_ready} of {t.properties} properties not ready")
    if t.unreadable:
        parts.append(f"{t.unreadable} could not be read")
    fixes = f"{t.organization_gaps} organization-wide gap(s) and {t.property_gaps} gap(s) of the properties' own"
    return "; ".join(parts) + f": {fixes}"


def organization_exit_code(
    org: OrganizationReport, fail_on: FailOn = "partial", fail_under: float | None = None
) -> int:
    """As batch: 2 when a property could not be read; else 1 when a property fails the policy (the
    residence's exit code, with ``fail_under`` applied to each property's score) or, with ``any``, the
    shared evidence has a warning; else 0."""
    if any(p.verdict == "unreadable" for p in org.properties):
        return 2
    if any(exit_code(p.report, fail_on, fail_under) for p in org.scored() if p.report is not None):
        return 1
    return 1 if fail_on == "any" and org.warnings else 0


@dataclass(frozen=True)
class OrganizationAction:
    """One fix: organization-wide (``scope`` 'organization', with the properties it unblocks) or a property's."""

    scope: str  # 'organization', or the property's folder
    action: Action
    blocks: tuple[str, ...] = ()  # property names, for an organization-wide fix


def actions(org: OrganizationReport) -> list[OrganizationAction]:
    """The action plan: organization-wide fixes first (each once), then each property's own, numbered on."""
    found: list[OrganizationAction] = []
    number = 0
    for gap in org.organization_gaps:
        number += 1
        holder = next(p for p in org.properties if p.folder == gap.properties[0].folder)
        assert holder.report is not None
        result = holder.report.result(gap.rule)
        assert result is not None
        action = Action(
            number=number,
            priority=priority(result),
            rule=gap.rule,
            title=gap.title,
            status=STATUS_LABELS[gap.status],
            action=(gap.fix or f"Meet rule {gap.rule}; see narr-audit explain {gap.rule}.").strip(),
            missing="; ".join(gap.missing),
            owner=f"{owner_role(result, 'II')}, organization-wide",
        )
        found.append(OrganizationAction("organization", action, tuple(b.name for b in gap.properties)))
    for prop in org.scored():
        assert prop.report is not None
        own = set(prop.gaps)
        for item in plan(prop.report):
            if item.rule in own:
                number += 1
                found.append(OrganizationAction(prop.folder, _renumbered(item, number)))
    return found


def _renumbered(item: Action, number: int) -> Action:
    from dataclasses import replace

    return replace(item, number=number)


__all__ = [
    "ORGANIZATION_SCHEMA_VERSION",
    "BlockedProperty",
    "OrganizationAction",
    "OrganizationGap",
    "OrganizationInfo",
    "OrganizationReport",
    "PropertyOutcome",
    "PropertyResult",
    "actions",
    "build",
    "organization_exit_code",
    "relocate",
]
