"""attestation: a signed, dated statement by the operator affirms what the rule asks."""

from __future__ import annotations

import posixpath
from datetime import timedelta
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from narr_audit.base.statuses import Status
from narr_audit.base.text import days
from narr_audit.checks.expiry import expired, expired_note, ocr_of, with_ocr
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Upcoming

if TYPE_CHECKING:
    from narr_audit.evidence.model import Attestation, Document

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
    signed, lapsed = _in_force(ctx)
    if not signed:
        notes = "; ".join(expired_note(d) for d in lapsed)
        return Outcome(
            Status.not_met,
            f"the scan of the attestation for {ctx.rule_id} has expired: {notes}, so it does not count",
            tuple(EvidenceRef(d.path, ocr=ocr_of(d)) for d in lapsed),
            ("a newly signed and dated attestation",),
        )
    newest = max(signed, key=lambda a: a.date)
    where = None if newest.file else f"attestation for {ctx.rule_id}"
    ref = with_ocr((EvidenceRef(newest.file or "residence.yaml", where),), (*ctx.documents, *ctx.elsewhere))
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


def _in_force(ctx: Context) -> tuple[list[Attestation], list[Document]]:
    """The attestations that count, and the expired scans of those that do not: an attestation whose
    scan is a document of the binder with an expiry date (its own, or the manifest's) that has passed."""
    scans = {d.path: d for d in (*ctx.documents, *ctx.elsewhere) if expired(d, ctx.assessed_on)}
    signed: list[Attestation] = []
    lapsed: list[Document] = []
    for attestation in ctx.attestations:
        scan = scans.get(posixpath.normpath(attestation.file.strip().replace("\\", "/"))) if attestation.file else None
        if scan is None:
            signed.append(attestation)
        elif scan not in lapsed:
            lapsed.append(scan)
    return signed, lapsed


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
