"""current: a dated document (certificate, inspection, policy) is in force on the assessment date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from narr_audit.base.statuses import Status
from narr_audit.base.text import days
from narr_audit.checks.expiry import date_source, flag_ocr, ocr_of
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Upcoming

if TYPE_CHECKING:
    from narr_audit.evidence.model import Document

SUMMARY = (
    "A dated evidence document is current on the assessment date: reviewed or issued within "
    "max_age_days, and/or carrying an expiry date that has not passed (not_expired). The dates are "
    "residence.yaml's, else the document's own (a policy period, a lease term, 'valid through'); an "
    "expired document is never current."
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


def evaluate(check: CurrentCheck, ctx: Context) -> Outcome:
    """The most favourable dated document decides: one current certificate is enough.

    A document is current on its expiry day itself; ``max_age_days`` counts whole days from the
    review (or, failing that, effective) date to the assessment date. An expired document is not
    current even where only its age is asked. A date read from the document's text says so.
    """
    documents = [d for d in ctx.documents if d.kind != "log"]
    if not documents:
        return Outcome(Status.not_met, f"no dated document is mapped to {ctx.rule_id}", missing=(check.label,))
    failures: list[tuple[EvidenceRef, str, str]] = []
    for document in documents:
        ref = EvidenceRef(document.path, ocr=ocr_of(document))
        problem = _problem(check, document, ctx)
        if problem is None:
            return flag_ocr(Outcome(Status.met, _met_reason(check, document), (ref,)))
        failures.append((ref, f"{document.path}: {problem[0]}", problem[1]))
    reasons = "; ".join(f[1] for f in failures)
    return flag_ocr(Outcome(Status.not_met, reasons, tuple(f[0] for f in failures), (failures[0][2],)))


def _dated(document: Document) -> tuple[date | None, str]:
    """The review (or, failing that, effective) date and where it was read ("" from the manifest)."""
    if document.reviewed is not None:
        return document.reviewed, date_source(document, "reviewed")
    return document.effective, date_source(document, "effective")


def _problem(check: CurrentCheck, document: Document, ctx: Context) -> tuple[str, str] | None:
    """(why not current, what is missing), or None when the document is current."""
    on = ctx.assessed_on
    expires = document.expires
    if check.not_expired and expires is None:
        return "no expiry date is given for it", "the document's expiry date (expires:)"
    if expires is not None and expires < on:
        return (
            f"it expired on {expires}{date_source(document, 'expires')}, "
            f"{days((on - expires).days)} before the assessment date",
            f"a current {check.label.lower()}",
        )
    if check.max_age_days is not None:
        dated, source = _dated(document)
        if dated is None:
            return "no review or issue date is given for it", "the date it was last reviewed or issued (reviewed:)"
        if dated > on:
            return f"it is dated {dated}{source}, after the assessment date {on}", "a correct review or issue date"
        age = (on - dated).days
        if age > check.max_age_days:
            return (
                f"it was last reviewed or issued on {dated}{source}, {days(age)} ago (at most "
                f"{days(check.max_age_days)} allowed)",
                f"a review within the last {days(check.max_age_days)}",
            )
    return None


def _met_reason(check: CurrentCheck, document: Document) -> str:
    parts = []
    if check.max_age_days is not None:
        dated, source = _dated(document)
        parts.append(f"reviewed or issued {dated}{source}, within {days(check.max_age_days)}")
    if check.not_expired:
        source = date_source(document, "expires")
        parts.append(f"not expired (expires {document.expires}{source})" if source else "not expired")
    return f"{document.path} is current: {', '.join(parts)}"


def upcoming(check: CurrentCheck, ctx: Context) -> tuple[Upcoming, ...]:
    """When the document that counts stops being current: its expiry, or its review date plus
    max_age_days. As in :func:`evaluate`, the most favourable document decides; a superseded
    certificate is not listed."""
    best: tuple[date, str, str] | None = None
    for document in (d for d in ctx.documents if d.kind != "log"):
        dated = document.reviewed or document.effective
        ends: list[tuple[date, str]] = []
        if check.not_expired and document.expires is not None:
            ends.append((document.expires, f"expires on {document.expires}"))
        if check.max_age_days is not None and dated is not None:
            ends.append(
                (
                    dated + timedelta(days=check.max_age_days),
                    f"reviewed or issued {dated}, every {days(check.max_age_days)}",
                )
            )
        if ends and len(ends) == (check.not_expired + (check.max_age_days is not None)):
            end = min(ends)
            if best is None or end[0] > best[0]:
                best = (end[0], document.path, end[1])
    if best is None:
        return ()
    due, path, detail = best
    name = next((d.title for d in ctx.documents if d.path == path and d.title), None) or path
    return (Upcoming(due, f"document:{path}", "document", f"{name}: renew or review", path, detail),)


def describe(check: CurrentCheck) -> str:
    bits = []
    if check.max_age_days:
        bits.append(f"reviewed or issued within {check.max_age_days} days")
    if check.not_expired:
        bits.append("not expired")
    return " and ".join(bits)


KIND = CheckKind(
    "current",
    "Current document",
    CurrentCheck,
    SUMMARY,
    evaluate,
    describe,
    lapses=Status.met,
    lapse_noun="dated document",
    upcoming=upcoming,
)
