"""The one vocabulary of outcomes: a check's and a rule's status, their labels, and which are gaps.

A status is a ``str`` enum so that reports, templates and JSON carry the plain value (``"not_met"``)
while code names it once, here. Level marks (required, recommended, not applicable) live here too.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, WithJsonSchema


class Status(str, Enum):
    """Where a check or a rule stands. Members are named as their values, so they compare, hash and
    print as the plain strings reports have always carried."""

    met = "met"
    attested = "attested"
    excepted = "excepted"
    partial = "partial"
    not_met = "not_met"
    error = "error"
    awaiting_site_visit = "awaiting_site_visit"
    recommended = "recommended"
    not_applicable = "not_applicable"

    __hash__ = str.__hash__

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


# What a single check can conclude (a rule adds excepted, recommended and not applicable).
CHECK_STATUSES: tuple[Status, ...] = (
    Status.met,
    Status.attested,
    Status.partial,
    Status.not_met,
    Status.awaiting_site_visit,
    Status.error,
)
# The rule is satisfied on paper (a site visit may still be due).
SATISFIED = frozenset({Status.met, Status.attested})
# A required rule in one of these is a gap, most serious first.
GAP_STATUSES: tuple[Status, ...] = (Status.not_met, Status.error, Status.partial)

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

LevelStatus = Literal["required", "recommended", "not_applicable"]


def _a_check_status(value: Status) -> Status:
    if value not in CHECK_STATUSES:
        raise ValueError(f"'{value}' is a rule's status, not a check's")
    return value


# Field types for the report model: the enum, published in its JSON Schema as a plain list of values.
CheckStatusField = Annotated[
    Status,
    AfterValidator(_a_check_status),
    WithJsonSchema({"enum": [s.value for s in CHECK_STATUSES], "type": "string"}),
]
RuleStatusField = Annotated[Status, WithJsonSchema({"enum": [s.value for s in Status], "type": "string"})]
