"""log: a record kept over time (meetings, drills, detector checks) has entries often enough."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from narr_audit.checks.base import CheckBase

SUMMARY = (
    "A log of dated entries (CSV or YAML, one row per event with a 'date') has at least min_entries "
    "entries in the last within_days days, and/or no gap longer than max_gap_days."
)


class LogCheck(CheckBase):
    kind: Literal["log"] = "log"
    min_entries: int | None = Field(default=None, ge=1)
    within_days: int | None = Field(default=None, ge=1, le=3660)
    max_gap_days: int | None = Field(default=None, ge=1, le=3660)

    @model_validator(mode="after")
    def _consistent(self) -> LogCheck:
        if (self.min_entries is None) != (self.within_days is None):
            raise ValueError("min_entries and within_days go together: 'at least N entries in D days'")
        if self.min_entries is None and self.max_gap_days is None:
            raise ValueError("set min_entries with within_days, max_gap_days, or both")
        return self


PARAMS = LogCheck
