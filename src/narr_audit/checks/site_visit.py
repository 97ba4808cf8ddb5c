"""site_visit: what only a reviewer on the premises can confirm; never met by paperwork alone."""

from __future__ import annotations

from typing import Literal

from narr_audit.base.statuses import Status
from narr_audit.checks.interface import CheckBase, CheckKind, Context, Outcome

SUMMARY = (
    "Something a reviewer confirms on site by observation, interview, measurement or a look at "
    "records kept on the premises; reported as awaiting the site visit until a reviewer records it."
)
METHODS = {
    "observation": "sees on site",
    "interview": "hears in interviews on site",
    "measurement": "measures on site",
    "records": "checks the records kept on site",
}


# How the reviewer's site-visit checklist names each method.
METHOD_NAMES = {
    "observation": "Observe",
    "interview": "Interview",
    "measurement": "Measure",
    "records": "Records on site",
}


class SiteVisitCheck(CheckBase):
    kind: Literal["site_visit"] = "site_visit"
    method: Literal["observation", "interview", "measurement", "records"] = "observation"


def evaluate(check: SiteVisitCheck, ctx: Context) -> Outcome:
    """Paperwork never settles it: the result waits for a reviewer's finding."""
    return Outcome(Status.awaiting_site_visit, f"the reviewer {METHODS[check.method]}: {check.label}")


def describe(check: SiteVisitCheck) -> str:
    return f"confirmed by the reviewer on site, by {check.method}"


def visit_method(check: SiteVisitCheck) -> str:
    return METHOD_NAMES[check.method]


KIND = CheckKind(
    "site_visit",
    "Site visit",
    SiteVisitCheck,
    SUMMARY,
    evaluate,
    describe,
    settled_on_site=True,
    visit_method=visit_method,
)
