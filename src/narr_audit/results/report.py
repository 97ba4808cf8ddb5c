"""The one report model every output format reads, and that `diff` reads back from JSON.

Built by the engine from an evidence folder; it holds names of files, where they matched and what
is missing, never the text of the evidence (resident data stays in the folder, rule 1.B.6).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from narr_audit.base.models import StrictModel
from narr_audit.base.statuses import CheckStatusField, LevelStatus, RuleStatusField
from narr_audit.results.levelfit_model import LevelFit

SCHEMA_VERSION = "1.2"  # 1.1: the corrective action plan (plan); 1.2: evidence found elsewhere (Ref.unmapped)
Verdict = Literal["ready", "not_ready"]


class Tool(StrictModel):
    name: str = "narr-audit"
    version: str


class ResidenceInfo(StrictModel):
    name: str
    operator: str
    level: str
    address: str
    beds: int
    affiliate: str | None = None
    applicant_id: str | None = None


class Ref(StrictModel):
    """A file a finding rests on, and where in it (page, heading, rows) when known."""

    file: str
    where: str | None = None
    unmapped: bool = Field(
        default=False,
        description="Found by looking through the binder, in a file not mapped to this rule in residence.yaml "
        "or front matter; the reason says how to map it.",
    )
    ocr: float | None = Field(
        default=None,
        description="Read by OCR from a scan or photo: the mean word confidence of the reading, 0-100 "
        "(under 60, what was read should be checked by hand).",
    )


class Location(StrictModel):
    """Where a finding belongs in the folder: the evidence file concerned, or residence.yaml (the line
    naming the rule, else its `evidence:` list) when the evidence is missing. Paths are folder-relative."""

    file: str
    line: int | None = None


class CheckResult(StrictModel):
    kind: str
    label: str
    status: CheckStatusField = Field(title="Status")
    reason: str
    evidence: list[Ref] = []
    missing: list[str] = []
    to_confirm: list[str] = Field(
        default=[],
        description=(
            "Topics met that the reviewer should confirm: the operator pointed at the section that meets "
            "them (covers:), the second reader was unsure of the passage that met them, or read them as "
            "covered where the first reading did not (the reason says which)."
        ),
    )
    alternatives: list[CheckResult] = Field(default=[], description="For 'one of' items: each alternative's result.")


class ExceptionInfo(StrictModel):
    reason: str
    approved_by: str
    expires: str
    expired: bool
    days_left: int | None = None


class ReviewInfo(StrictModel):
    """A reviewer's finding on the site visit; it takes precedence over the operator's attestation."""

    verified: bool
    note: str | None = None
    reviewer: str
    date: date


class ReviewSummary(StrictModel):
    file: str
    reviewer: str
    visited_on: date
    findings: int


class RuleResult(StrictModel):
    id: str
    title: str
    domain: str
    principle: str
    standard: str
    standard_title: str
    life_safety: bool
    origin: str
    level_status: LevelStatus
    status: RuleStatusField = Field(title="Status")
    evaluated: RuleStatusField | None = Field(
        title="Evaluated",
        default=None,
        description="For a recommended rule: what its evidence showed (it is not scored).",
    )
    reason: str
    checks: list[CheckResult] = []
    evidence: list[Ref] = []
    missing: list[str] = []
    fix: str | None = None
    question: str | None = None
    exception: ExceptionInfo | None = None
    self_reported: bool = False
    review: ReviewInfo | None = None
    location: Location


class Counts(StrictModel):
    """How many rules ended in each status; scored rules are the required ones."""

    met: int = 0
    attested: int = 0
    excepted: int = 0
    partial: int = 0
    not_met: int = 0
    error: int = 0
    awaiting_site_visit: int = 0
    recommended: int = 0
    not_applicable: int = 0


class Score(StrictModel):
    """A percentage of required rules satisfied; None when nothing there is scored."""

    id: str
    title: str
    percent: float | None
    points: float
    possible: int
    counts: Counts
    children: list[Score] = []


class DocumentInfo(StrictModel):
    path: str
    kind: str
    rules: list[str]
    mapped_by: list[str]
    pages: int | None = None
    entries: int | None = None
    unreadable: str | None = None


class Notice(StrictModel):
    message: str
    file: str | None = None
    line: int | None = None
    rule: str | None = None
    hint: str | None = None


class PlanEntry(StrictModel):
    """One item of the corrective action plan (plan.yaml), with where its rule stands now."""

    rule: str
    title: str
    owner: str
    due: date
    status: Literal["open", "in progress", "done"]
    done_on: date | None = None
    rule_status: RuleStatusField | None = Field(title="Rule status", default=None)
    overdue: bool = Field(description="Not done, and due before the assessment date.")
    still_failing: bool = Field(description="Marked done, but the rule is still a gap.")


class PlanProgress(StrictModel):
    """How far the corrective action plan has come: counts, and every item in the plan's order."""

    file: str
    total: int
    open: int
    in_progress: int
    done: int
    overdue: int
    still_failing: int
    items: list[PlanEntry]


class Report(StrictModel):
    schema_version: str = SCHEMA_VERSION
    tool: Tool
    generated_on: date
    assessed_on: date
    folder: str
    residence: ResidenceInfo
    level: str
    level_name: str
    standards: list[str]
    verdict: Verdict
    verdict_reason: str
    score: Score
    gaps: list[str] = Field(description="Ids of required rules not met, partly met or in error, most serious first.")
    site_visit: list[str] = Field(description="Ids of rules waiting on the reviewer's site visit.")
    results: list[RuleResult]
    documents: list[DocumentInfo]
    unmapped: list[str]
    warnings: list[Notice]
    review: ReviewSummary | None = None
    plan: PlanProgress | None = Field(default=None, description="The corrective action plan, when plan.yaml exists.")
    # A report checked without --level-fit is written as before: no level_fit key at all. (Said on the
    # field, not by a wrap serializer on the model: that one made pydantic build the whole report as
    # Python values before writing JSON, a few milliseconds per report in a batch.)
    level_fit: LevelFit | None = Field(
        default=None,
        description="Which level of support the evidence supports (`check --level-fit`); absent otherwise.",
        exclude_if=lambda fit: fit is None,
    )

    def result(self, rule_id: str) -> RuleResult | None:
        return next((r for r in self.results if r.id == rule_id), None)

    def gap_results(self) -> list[RuleResult]:
        by_id = {r.id: r for r in self.results}
        return [by_id[i] for i in self.gaps]

    def topics_to_confirm(self) -> int:
        """How many topics are met only for the reviewer to confirm (the operator's pointers, the second
        reader's flags and rescues), over every check and alternative: the size of a reviewer's queue."""

        def count(checks: list[CheckResult]) -> int:
            return sum(len(c.to_confirm) + count(c.alternatives) for c in checks)

        return sum(count(r.checks) for r in self.results)

    def found_elsewhere(self) -> list[FoundElsewhere]:
        """Each rule (in the report's order) with evidence found in files not mapped to it: what a
        reviewer confirms, and what the operator maps, so it is shown apart from mapped evidence."""
        found = []
        for result in self.results:
            refs = [ref for ref in result.evidence if ref.unmapped]
            if refs:
                found.append(FoundElsewhere(result=result, refs=refs))
        return found


class FoundElsewhere(StrictModel):
    """A rule and the evidence of it found in files not mapped to it (never serialised in a report)."""

    result: RuleResult
    refs: list[Ref]

    @property
    def files(self) -> list[str]:
        """The files, once each, in the order found."""
        return list(dict.fromkeys(ref.file for ref in self.refs))

    @property
    def reason(self) -> str:
        """What the checks that rest on those files say (where, and how to map each file); a rule's
        own reason may name only its failing checks."""
        said = [c.reason for c in self.result.checks if any(ref.unmapped for ref in c.evidence)]
        return "; ".join(dict.fromkeys(said)) or self.result.reason
