"""Expired evidence never counts, and evidence read by OCR says so: what every check kind that rests on
documents shares.

A document whose expiry date (from residence.yaml, its front matter, or its own text: see
evidence.docdates) is before the assessment date satisfies no check in any position, the alternatives
of an ``any_of`` included: an expired lease is not the owner's permission. A kind's evaluate function
wrapped by :func:`current_only` never sees such a document, and its reason names each one and the date
it expired ("lease.pdf expired on 2026-03-01, so it does not count"). The same wrapper marks each piece
of evidence read by OCR from a scan with the reading's confidence (``EvidenceRef.ocr``), so a report
can show it. A document is current on its expiry day itself, as the current check has it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from narr_audit.base.statuses import Status
from narr_audit.checks.elsewhere import Binder, Elsewhere
from narr_audit.checks.interface import Context, EvidenceRef, Outcome
from narr_audit.evidence.ocr import LOW_CONFIDENCE

if TYPE_CHECKING:
    from narr_audit.evidence.model import Document

__all__ = ["current_only", "date_source", "expired", "expired_note", "flag_ocr", "ocr_of", "with_ocr"]

Evaluate = Callable[[Any, Context], Outcome]

# How a kind says nothing of its kind is mapped; with expired documents set aside, "current" is added.
_NOTHING_MAPPED = ("no document is mapped to", "no log is mapped to", "no record is mapped to")


def expired(document: Document, on: date) -> bool:
    """True when the document's expiry date has passed on ``on`` (it is current on the day itself)."""
    return document.expires is not None and document.expires < on


def date_source(document: Document, role: str) -> str:
    """How a date was known, for a reason: "" from the manifest, ", read from the text on page 1" otherwise."""
    source = document.dates_from_text.get(role)
    return f", {source}" if source else ""


def expired_note(document: Document) -> str:
    """The note "lease.pdf expired on 2026-03-01", with where the date was read if from the text."""
    source = document.dates_from_text.get("expires")
    return f"{document.path} expired on {document.expires}" + (f" ({source})" if source else "")


def ocr_of(document: Document) -> float | None:
    """The confidence of the OCR reading the document's text came from, or None when none did."""
    return document.content.ocr_confidence if document.content is not None else None


def with_ocr(refs: Iterable[EvidenceRef], documents: Iterable[Document]) -> tuple[EvidenceRef, ...]:
    """The refs, each to a document read by OCR marked with the reading's confidence."""
    confidence = {d.path: c for d in documents if (c := ocr_of(d)) is not None}
    if not confidence:
        return tuple(refs)
    return tuple(replace(r, ocr=confidence[r.file]) if r.file in confidence and r.ocr is None else r for r in refs)


def flag_ocr(outcome: Outcome) -> Outcome:
    """The outcome, its reason saying which evidence was read by OCR with low confidence (to check by hand)."""
    low = {r.file: r.ocr for r in outcome.evidence if r.ocr is not None and r.ocr < LOW_CONFIDENCE}
    if not low:
        return outcome
    said = "; ".join(f"{file} was read by OCR with low confidence ({c:.0f} of 100)" for file, c in low.items())
    return replace(outcome, reason=f"{outcome.reason}; {said}: check what was read against the scan")


def current_only(evaluate: Evaluate, reads: Callable[[Document], bool]) -> Evaluate:
    """``evaluate`` run without the expired documents it ``reads`` mapped to the rule; the reason then
    names each one and the date it expired, and evidence read by OCR is marked."""

    def wrapped(check: Any, ctx: Context) -> Outcome:
        on = ctx.assessed_on
        lapsed = [d for d in ctx.documents if reads(d) and expired(d, on)]
        if lapsed:  # (the binder's other files are searched by checks.elsewhere, which skips expired ones)
            ctx = replace(ctx, documents=tuple(d for d in ctx.documents if not (reads(d) and expired(d, on))))
        outcome = evaluate(check, ctx)
        if outcome.evidence:
            scanned = _scanned(ctx)
            evidence = outcome.evidence
            if scanned or not isinstance(evidence, tuple) or any(r.ocr is not None for r in evidence):
                outcome = flag_ocr(replace(outcome, evidence=with_ocr(evidence, scanned)))
        return _noted(outcome, lapsed) if lapsed else outcome

    wrapped.__doc__ = evaluate.__doc__
    return wrapped


_SCANNED: weakref.WeakKeyDictionary[Binder, tuple[Document, ...]] = weakref.WeakKeyDictionary()


def _scanned(ctx: Context) -> list[Document]:
    """The documents the check could see (the rule's own, then the binder's others) that were read by OCR,
    in that order. The binder's are found once per binder, not once per check: most binders have none."""
    found = [d for d in ctx.documents if ocr_of(d) is not None]
    elsewhere = ctx.elsewhere
    if not isinstance(elsewhere, Elsewhere) or not _whole_view(elsewhere):
        found.extend(d for d in elsewhere if ocr_of(d) is not None)
        return found
    binder = elsewhere.binder
    scanned = _SCANNED.get(binder)
    if scanned is None:
        scanned = _SCANNED[binder] = tuple(d for d in binder.documents if ocr_of(d) is not None)
    found.extend(d for d in scanned if id(d) not in elsewhere.mapped)
    return found


def _whole_view(elsewhere: Elsewhere) -> bool:
    """Whether the view is its binder less the files of ``mapped`` (as checks.elsewhere makes it), so
    the binder's files less those are the view's; a view made otherwise is read file by file."""
    return len(elsewhere) + len(elsewhere.mapped) == len(elsewhere.binder.documents)


def _noted(outcome: Outcome, lapsed: Sequence[Document]) -> Outcome:
    """The outcome with the expired documents named first; where nothing current is left, they are the
    evidence a reviewer looks at."""
    notes = "; ".join(expired_note(d) for d in lapsed)
    said = f"{notes}, so {'it does' if len(lapsed) == 1 else 'they do'} not count"
    reason = outcome.reason
    for phrase in _NOTHING_MAPPED:
        reason = reason.replace(phrase, phrase.replace("no ", "no current ", 1))
    evidence = outcome.evidence
    if outcome.status not in (Status.met, Status.attested):
        shown = {r.file for r in evidence}
        evidence = (*evidence, *(EvidenceRef(d.path, ocr=ocr_of(d)) for d in lapsed if d.path not in shown))
    return Outcome(outcome.status, f"{said}; {reason}", tuple(evidence), outcome.missing)
