"""What a check concludes: a status, a reason and the evidence it used. Values, never exceptions.

This module sits below the checks, the engine and the report: all three speak in these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from narr_audit.evidence.model import Attestation, Document

CheckStatus = Literal["met", "attested", "partial", "not_met", "awaiting_site_visit", "error"]
RuleStatus = Literal[
    "met",
    "attested",
    "excepted",
    "partial",
    "not_met",
    "error",
    "awaiting_site_visit",
    "recommended",
    "not_applicable",
]

STATUS_LABELS: dict[str, str] = {
    "met": "met",
    "attested": "met by attestation (self-reported)",
    "excepted": "excepted",
    "partial": "partially met",
    "not_met": "not met",
    "error": "error: evidence unreadable",
    "awaiting_site_visit": "awaiting site visit",
    "recommended": "recommended only",
    "not_applicable": "not applicable",
}


@dataclass(frozen=True)
class EvidenceRef:
    """A file a finding rests on, and where in it (page, heading, rows) when known."""

    file: str
    where: str | None = None


@dataclass(frozen=True)
class Outcome:
    status: CheckStatus
    reason: str
    evidence: tuple[EvidenceRef, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """What a check may look at for one rule: its mapped documents and attestations, and the date."""

    rule_id: str
    assessed_on: date
    documents: tuple[Document, ...] = ()
    attestations: tuple[Attestation, ...] = ()
    notes: list[str] = field(default_factory=list)


def days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
