"""Level fit, as data: which of the four levels of support the evidence supports, and why.

The reviewer assigns the level and an operator may appeal it, so both need the same facts: for each
level, how many of its required rules the evidence meets; the highest level it fully supports; the
gaps at the level claimed; and what the next level up would add. Kept apart from the computation
(results.levelfit) because the report model (results.report) holds it as an optional section.
"""

from __future__ import annotations

from pydantic import Field

from narr_audit.base.models import StrictModel
from narr_audit.base.statuses import RuleStatusField


class FitRule(StrictModel):
    """One rule as the level fit shows it: its id for the reviewer, its title and status for the operator."""

    id: str
    title: str
    status: RuleStatusField = Field(
        title="Status", description="Where the rule stands at the level it is listed under."
    )
    life_safety: bool = False
    required_from: str = Field(description="The lowest level of support that requires the rule (I-IV).")
    reason: str
    fix: str | None = None


class LevelSupport(StrictModel):
    """How far the evidence goes at one level: counts of the rules that level requires."""

    level: str
    level_name: str
    required: int = Field(description="Rules required at this level.")
    met: int = Field(description="Required rules met, met by attestation or excepted.")
    site_visit: int = Field(
        description="Required rules whose paperwork is in order, for the reviewer to confirm on site."
    )
    gaps: int = Field(description="Required rules not met, partly met or unreadable.")
    not_applicable: int = Field(default=0, description="Required rules that do not apply to this residence.")
    supported: bool = Field(
        description="No gaps: every rule the level requires is met or waits only for the site visit."
    )


class NextLevel(StrictModel):
    """What the level above the claimed one would add."""

    level: str
    level_name: str
    supported: bool = Field(description="The evidence already supports this level.")
    newly_required: list[FitRule] = Field(
        description="Rules required at this level and not at the claimed one, each with its status here."
    )
    newly_met: int = Field(description="Of the newly required rules, how many are met, met by attestation or excepted.")
    newly_site_visit: int = Field(description="Of the newly required rules, how many wait only for the site visit.")
    asks_more: list[FitRule] = Field(
        description="Rules required at both levels that are met at the claimed level but fall short at this one "
        "(this level asks more of the same rule)."
    )
    gaps: list[str] = Field(description="Ids of every rule this level requires that the evidence does not yet meet.")


class LevelFit(StrictModel):
    """Which level of support the evidence supports, against the level claimed."""

    claimed: str = Field(description="The level claimed (residence.yaml, or --level).")
    claimed_name: str
    claimed_supported: bool
    supported: str | None = Field(description="The highest level the evidence fully supports; null when none.")
    supported_name: str | None = None
    summary: str = Field(description="The finding in plain words.")
    levels: list[LevelSupport] = Field(description="Levels I to IV in order.")
    gaps: list[FitRule] = Field(description="The claimed level's gaps, most serious first.")
    next: NextLevel | None = Field(description="The level above the claimed one; null at Level IV.")
