"""attestation: a signed, dated statement by the operator affirms what the rule asks."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from pydantic import Field

from narr_audit.base.statuses import Status
from narr_audit.base.text import days
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Upcoming

SUMMARY = (
    "A signed attestation for the rule (statement, signer, date) exists and is no older than "
    "max_age_days; it is reported as self-reported, not independently verified."
)


class AttestationCheck(CheckBase):
    kind: Literal["attestation"] = "attestation"
    statement: str = Field(min_length=10)
    max_age_days: int = Field(default=365, ge=1, le=3660)


def evaluate(check: AttestationCheck, ctx: Context) -> Outcome:
    """The newest attestation for the rule decides; one signed on the assessment day is current."""
    if not ctx.attestations:
        return Outcome(
            Status.not_met,
            f"no signed attestation for {ctx.rule_id} in residence.yaml",
            missing=(f"a signed attestation: {check.statement}",),
        )
    newest = max(ctx.attestations, key=lambda a: a.date)
    ref = (EvidenceRef(newest.file or "residence.yaml", None if newest.file else f"attestation for {ctx.rule_id}"),)
    age = (ctx.assessed_on - newest.date).days
    if age > check.max_age_days:
        return Outcome(
            Status.not_met,
            f"the attestation signed by {newest.signed_by} on {newest.date} is {days(age)} old "
            f"(at most {days(check.max_age_days)})",
            ref,
            ("a newly signed and dated attestation",),
        )
    return Outcome(Status.attested, f"attested by {newest.signed_by} on {newest.date} (self-reported)", ref)


def upcoming(check: AttestationCheck, ctx: Context) -> tuple[Upcoming, ...]:
    """When the newest attestation reaches max_age_days and must be signed again."""
    if not ctx.attestations:
        return ()
    newest = max(ctx.attestations, key=lambda a: a.date)
    return (
        Upcoming(
            newest.date + timedelta(days=check.max_age_days),
            f"attestation:{ctx.rule_id}",
            "attestation",
            f"attestation for {ctx.rule_id}: sign again",
            newest.file or "residence.yaml",
            f"signed {newest.date}, accepted for {days(check.max_age_days)}",
        ),
    )


def describe(check: AttestationCheck) -> str:
    return f"signed and dated within {check.max_age_days} days: \u201c{check.statement}\u201d"


KIND = CheckKind(
    "attestation",
    "Signed attestation",
    AttestationCheck,
    SUMMARY,
    evaluate,
    describe,
    settled_on_site=True,
    lapses=Status.attested,
    lapse_noun="signed attestation",
    signed=True,
    upcoming=upcoming,
)
