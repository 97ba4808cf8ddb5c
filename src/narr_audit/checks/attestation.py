"""attestation: a signed, dated statement by the operator affirms what the rule asks."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from narr_audit.checks.base import CheckBase

SUMMARY = (
    "A signed attestation for the rule (statement, signer, date) exists and is no older than "
    "max_age_days; it is reported as self-reported, not independently verified."
)


class AttestationCheck(CheckBase):
    kind: Literal["attestation"] = "attestation"
    statement: str = Field(min_length=10)
    max_age_days: int = Field(default=365, ge=1, le=3660)


PARAMS = AttestationCheck
