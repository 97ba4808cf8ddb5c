"""site_visit: what only a reviewer on the premises can confirm; never met by paperwork alone."""

from __future__ import annotations

from typing import Literal

from narr_audit.checks.base import CheckBase

SUMMARY = (
    "Something a reviewer confirms on site by observation, interview, measurement or a look at "
    "records kept on the premises; reported as awaiting the site visit until a reviewer records it."
)


class SiteVisitCheck(CheckBase):
    kind: Literal["site_visit"] = "site_visit"
    method: Literal["observation", "interview", "measurement", "records"] = "observation"


PARAMS = SiteVisitCheck
