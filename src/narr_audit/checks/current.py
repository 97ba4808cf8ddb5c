"""current: a dated document (certificate, inspection, policy) is in force on the assessment date."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from narr_audit.checks.base import CheckBase

SUMMARY = (
    "A dated evidence document is current on the assessment date: reviewed or issued within "
    "max_age_days, and/or carrying an expiry date that has not passed (not_expired)."
)


class CurrentCheck(CheckBase):
    kind: Literal["current"] = "current"
    max_age_days: int | None = Field(default=None, ge=1, le=3660)
    not_expired: bool = False

    @model_validator(mode="after")
    def _needs_a_test(self) -> CurrentCheck:
        if self.max_age_days is None and not self.not_expired:
            raise ValueError("set max_age_days, not_expired: true, or both")
        return self


PARAMS = CurrentCheck
