"""The corrective-action plan affiliates ask for after a review: each gap as an action item.

Pure functions of the report, shared by the CSV and Markdown action-plan formats. The owner role is
a suggestion from the level of support and the kind of evidence missing; the due date is left for
the operator to fill in, unless the folder keeps a plan (plan.yaml), whose owner, due date and
status are used.
"""

from __future__ import annotations

from dataclasses import dataclass

from narr_audit.base.statuses import GAP_STATUSES, STATUS_LABELS
from narr_audit.checks import REGISTRY
from narr_audit.results.report import Report, RuleResult

# Who usually does the work at each level: residents run a Level I house; an operator with a house
# manager runs Level II; paid staff led by a director run Levels III and IV.
_LEADS = {
    "I": "Resident council / house officers",
    "II": "Operator",
    "III": "Residence director",
    "IV": "Program director",
}
_RECORD_KEEPERS = {
    "I": "House secretary",
    "II": "House manager",
    "III": "House manager",
    "IV": "Residential staff lead",
}


@dataclass(frozen=True)
class Action:
    number: int
    priority: str
    rule: str
    title: str
    status: str
    action: str
    missing: str
    owner: str
    due: str = ""
    plan_status: str = ""  # open, in progress or done, from plan.yaml; empty without a plan item


def owner_role(result: RuleResult, level: str) -> str:
    """A suggested owner: the record keeper when only a log falls short, otherwise the level's lead."""
    if result.exception is not None and result.exception.expired:
        return f"{_LEADS.get(level, 'Operator')}, with the affiliate"
    failing = [REGISTRY.get(c.kind) for c in result.checks if c.status in GAP_STATUSES]
    if failing and all(k is not None and k.record_keeping for k in failing):
        return _RECORD_KEEPERS.get(level, "House manager")
    if failing and all(k is not None and k.signed for k in failing):
        return f"{_LEADS.get(level, 'Operator')} (signs the attestation)"
    return _LEADS.get(level, "Operator")


def priority(result: RuleResult) -> str:
    if result.life_safety:
        return "high (life safety)"
    return "high" if result.status in ("not_met", "error") else "medium"


def plan(report: Report) -> list[Action]:
    """One action per gap, most serious first (the report's gap order)."""
    actions = []
    kept = {e.rule: e for e in report.plan.items} if report.plan else {}
    for number, result in enumerate(report.gap_results(), 1):
        if result.status == "error":
            what = "Replace the unreadable file with a readable copy (PDF with text, or Word). " + (result.fix or "")
        else:
            what = result.fix or f"Meet rule {result.id}; see narr-audit explain {result.id}."
        actions.append(
            Action(
                number=number,
                priority=priority(result),
                rule=result.id,
                title=result.title,
                status=STATUS_LABELS[result.status],
                action=what.strip(),
                missing="; ".join(result.missing),
                owner=kept[result.id].owner if result.id in kept else owner_role(result, report.level),
                due=str(kept[result.id].due) if result.id in kept else "",
                plan_status=kept[result.id].status if result.id in kept else "",
            )
        )
    return actions
