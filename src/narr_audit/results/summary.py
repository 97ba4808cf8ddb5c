"""The batch summary: one row per applicant, the model every summary format reads."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from narr_audit.base.models import StrictModel
from narr_audit.results.report import Tool

SUMMARY_SCHEMA_VERSION = "1.1"  # 1.1: plan_open and plan_overdue


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
    plan_open: int | None = Field(
        default=None, description="Items of the corrective action plan not done yet; None without a plan.yaml."
    )
    plan_overdue: int | None = Field(default=None, description="Plan items not done and past their due date.")
    reports: dict[str, str] = Field(default={}, description="Format -> report path, relative to the summary.")
    problems: list[str] = Field(default=[], description="Why the applicant could not be read.")


class Totals(StrictModel):
    applicants: int
    ready: int
    not_ready: int
    unreadable: int
    failed_policy: int


class BatchSummary(StrictModel):
    schema_version: str = SUMMARY_SCHEMA_VERSION
    tool: Tool
    generated_on: date
    policy: Policy
    formats: list[str]
    totals: Totals
    applicants: list[ApplicantRow]
    complete: bool = Field(
        default=True, description="False when the batch was interrupted: some applicants were not checked."
    )
    not_checked: list[str] = Field(default=[], description="The folders of applicants not checked (interrupted).")
