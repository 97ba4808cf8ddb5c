"""The batch summary: one row per applicant, the model every summary format reads.

An organization is one applicant with a row per property (``organization`` names it) and an
:class:`OrganizationRow` of its own in ``organizations``; counts and exit codes count properties.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from narr_audit.base.models import StrictModel
from narr_audit.results.report import Tool

SUMMARY_SCHEMA_VERSION = "1.3"  # 1.1: plan_open and plan_overdue; 1.2: organizations; 1.3: to_confirm


class Policy(StrictModel):
    fail_on: str
    fail_under: float | None = None


class ApplicantRow(StrictModel):
    """One applicant in the summary: enough to sort and triage, with links to its reports."""

    folder: str
    slug: str
    name: str | None = None
    operator: str | None = None
    applicant_id: str | None = None
    level: str | None = None
    score: float | None = None
    verdict: Literal["ready", "not_ready", "unreadable"]
    passed: bool = Field(description="Whether the applicant passes the --fail-on / --fail-under policy.")
    gaps: int = 0
    not_met: int = 0
    partial: int = 0
    unreadable_evidence: int = 0
    site_visit: int = 0
    gaps_by_domain: dict[str, int] = {}
    warnings: int = 0
    to_confirm: int = Field(
        default=0,
        description=(
            "Topics met only for the reviewer to confirm "
            "(the operator's pointers, the second reader's flags and rescues)."
        ),
    )
    plan_open: int | None = Field(
        default=None, description="Items of the corrective action plan not done yet; None without a plan.yaml."
    )
    plan_overdue: int | None = Field(default=None, description="Plan items not done and past their due date.")
    reports: dict[str, str] = Field(default={}, description="Format -> report path, relative to the summary.")
    problems: list[str] = Field(default=[], description="Why the applicant could not be read.")
    organization: str | None = Field(
        default=None, description="The name of the organization it is a property of; None for a residence."
    )
    organization_folder: str | None = Field(
        default=None, description="That organization's folder: the key of its entry in `organizations`."
    )


class OrganizationRow(StrictModel):
    """An organization applicant: its own verdict and score over the property rows listed in ``properties``."""

    folder: str
    slug: str
    name: str
    applicant_id: str | None = None
    affiliate: str | None = None
    score: float | None = Field(default=None, description="The organization's score: its properties' rules pooled.")
    verdict: Literal["ready", "not_ready"]
    passed: bool = Field(description="Whether every property passes the policy (and, with `any`, no shared warning).")
    properties: list[str] = Field(description="The folders of its property rows in `applicants`, as listed.")
    organization_gaps: int = Field(default=0, description="Gaps of the shared evidence, each one fix for all.")
    gaps: int = Field(
        default=0, description="Distinct fixes: each organization-wide gap once, and each property's own."
    )
    gaps_by_domain: dict[str, int] = {}
    site_visit: int = 0
    plan_open: int | None = None
    plan_overdue: int | None = None
    warnings: int = Field(default=0, description="Warnings about the shared evidence.")
    reports: dict[str, str] = Field(
        default={}, description="Format -> the organization report, relative to the summary."
    )


class Totals(StrictModel):
    applicants: int
    ready: int
    not_ready: int
    unreadable: int
    failed_policy: int
    organizations: int = 0


class BatchSummary(StrictModel):
    schema_version: str = SUMMARY_SCHEMA_VERSION
    tool: Tool
    generated_on: date
    policy: Policy
    formats: list[str]
    totals: Totals
    applicants: list[ApplicantRow] = Field(description="A row per residence and per property, in folder order.")
    organizations: list[OrganizationRow] = Field(default=[], description="The organizations among the applicants.")
    complete: bool = Field(
        default=True, description="False when the batch was interrupted: some applicants were not checked."
    )
    not_checked: list[str] = Field(default=[], description="The folders of applicants not checked (interrupted).")
