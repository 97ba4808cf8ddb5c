"""log: a record kept over time (meetings, drills, detector checks) has entries often enough."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from narr_audit.base.statuses import Status
from narr_audit.base.text import days, first_match
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Upcoming

if TYPE_CHECKING:
    from narr_audit.evidence.model import Document, LogRecord

SUMMARY = (
    "A log of dated entries (CSV or YAML, one row per event with a 'date') has at least min_entries "
    "entries in the last within_days days, and/or no gap longer than max_gap_days."
)
# How far back gaps are looked for when only max_gap_days is set: a year of history.
GAP_HORIZON_DAYS = 365


# The kinds of record a log check may ask for; a record's kind is recognised from its name, title,
# headings, column names and row text, so a detector log never serves as a drill log.
RecordKind = Literal[
    "house_meeting",
    "resident_input",
    "fire_drill",
    "detector_check",
    "naloxone_check",
    "medication_count",
    "training",
    "supervision",
    "social_event",
    "activity",
    "community_event",
    "service_session",
    "grievance",
    "neighbor_concern",
    "data_review",
    "achievement",
]


class LogCheck(CheckBase):
    kind: Literal["log"] = "log"
    min_entries: int | None = Field(default=None, ge=1)
    within_days: int | None = Field(default=None, ge=1, le=3660)
    max_gap_days: int | None = Field(default=None, ge=1, le=3660)
    record: RecordKind | None = Field(
        default=None, description="The kind of record this log must be (house_meeting, fire_drill, ...)."
    )
    named: list[str] = Field(
        default=[],
        description="When a rule keeps several logs: terms of this log's file name or title (e.g. [drill]).",
    )

    @model_validator(mode="after")
    def _consistent(self) -> LogCheck:
        if (self.min_entries is None) != (self.within_days is None):
            raise ValueError("min_entries and within_days go together: 'at least N entries in D days'")
        if self.min_entries is None and self.max_gap_days is None:
            raise ValueError("set min_entries with within_days, max_gap_days, or both")
        return self


def evaluate(check: LogCheck, ctx: Context) -> Outcome:
    """Entries after the assessment date are ignored; only dates and row numbers are ever reported.

    A window of ``within_days`` ends on the assessment date and includes it. A gap is the number of
    days between consecutive entries, and from the last entry to the assessment date; gaps are looked
    for over the window (or the last year when no window is set).
    """
    logs = _logs(check, ctx)
    if not logs:
        return Outcome(Status.not_met, f"no log is mapped to {ctx.rule_id}", missing=(check.label,))
    on = ctx.assessed_on
    dates = sorted({r.date for d in logs for r in d.records if r.date <= on})
    refs = tuple(EvidenceRef(d.path, _rows(d.records)) for d in logs)
    names = ", ".join(d.path for d in logs)
    if not dates:
        return Outcome(Status.not_met, f"{names} has no dated entries on or before {on}", refs, (check.label,))
    problems: list[tuple[Status, str, str]] = []
    if check.min_entries is not None and check.within_days is not None:
        start = on - timedelta(days=check.within_days - 1)
        count = sum(1 for d in dates if d >= start)
        if count < check.min_entries:
            status = Status.partial if count else Status.not_met
            problems.append(
                (
                    status,
                    f"{count} entr{'y' if count == 1 else 'ies'} from {start} to {on} (at least {check.min_entries} "
                    f"needed); the last entry is dated {dates[-1]}",
                    f"at least {check.min_entries} entries in the last {days(check.within_days)}",
                )
            )
    if check.max_gap_days is not None:
        allowed = days(check.max_gap_days)
        trailing = (on - dates[-1]).days
        if trailing > check.max_gap_days:
            problems.append(
                (
                    Status.not_met,
                    f"no entry since {dates[-1]} ({days(trailing)} before the assessment date; "
                    f"at most {allowed} allowed)",
                    f"an entry at least every {allowed}, up to date",
                )
            )
        else:
            horizon = on - timedelta(days=check.within_days or GAP_HORIZON_DAYS)
            gap = _longest_gap(dates, horizon)
            if gap is not None and gap[2] > check.max_gap_days:
                first, last, length = gap
                problems.append(
                    (
                        Status.partial,
                        f"no entry between {first} and {last} ({days(length)}; at most {allowed} allowed)",
                        f"an entry at least every {allowed}",
                    )
                )
    if not problems:
        return Outcome(Status.met, f"{names}: {len(dates)} dated entries, the last on {dates[-1]}", refs)
    status = Status.not_met if any(p[0] == Status.not_met for p in problems) else Status.partial
    return Outcome(status, f"{names}: " + "; ".join(p[1] for p in problems), refs, tuple(p[2] for p in problems))


def _logs(check: LogCheck, ctx: Context) -> list[Document]:
    logs = [d for d in ctx.documents if d.kind == "log"]
    if check.named:
        # A rule may keep two logs (detector checks and fire drills): each check reads its own, so a
        # busy log cannot hide a stale one. One combined log, named for neither, serves both.
        own = [d for d in logs if first_match(_name_text(d), check.named) is not None]
        logs = own or logs
    return logs


def upcoming(check: LogCheck, ctx: Context) -> tuple[Upcoming, ...]:
    """The day the log's cadence needs its next entry: the last entry plus max_gap_days, or the day
    the min_entries-th newest entry leaves the window; the assessment date when it falls short now."""
    logs = _logs(check, ctx)
    if not logs:
        return ()
    on = ctx.assessed_on
    dates = sorted({r.date for d in logs for r in d.records if r.date <= on})
    dues: list[date] = []
    if not dates:
        dues.append(on)
    if dates and check.max_gap_days is not None:
        dues.append(dates[-1] + timedelta(days=check.max_gap_days))
    if dates and check.min_entries is not None and check.within_days is not None:
        start = on - timedelta(days=check.within_days - 1)
        if sum(1 for d in dates if d >= start) < check.min_entries:
            dues.append(on)
        else:
            dues.append(dates[-check.min_entries] + timedelta(days=check.within_days))
    names = ", ".join(d.path for d in logs)
    last = f"last entry {dates[-1]}; " if dates else "no entry yet; "
    return (
        Upcoming(min(dues), f"log:{names}", "log", f"{check.label}: next entry", logs[0].path, last + describe(check)),
    )


def _longest_gap(dates: list[date], horizon: date) -> tuple[date, date, int] | None:
    """The longest stretch between two entries, as (from, to, days), looking back to ``horizon``.

    When the log goes back further, the stretch before the first recent entry is counted from the
    horizon, so a gap long ago is not held against the log today.
    """
    recent = [d for d in dates if d >= horizon]
    earlier = any(d < horizon for d in dates)
    points = ([horizon] if earlier else []) + recent
    best: tuple[date, date, int] | None = None
    for first, last in pairwise(points):
        length = (last - first).days
        if best is None or length > best[2]:
            best = (first, last, length)
    return best


def _name_text(document: Document) -> str:
    stem = PurePosixPath(document.path).stem
    return " ".join([stem.replace("-", " ").replace("_", " "), document.title or ""])


def _rows(records: list[LogRecord]) -> str | None:
    rows = [r.row for r in records]
    if not rows:
        return None
    return f"rows {min(rows)}-{max(rows)}" if len(rows) > 1 else f"row {rows[0]}"


def describe(check: LogCheck) -> str:
    bits = []
    if check.min_entries:
        bits.append(f"at least {check.min_entries} entries in the last {check.within_days} days")
    if check.max_gap_days:
        bits.append(f"no gap longer than {check.max_gap_days} days")
    return " and ".join(bits)


KIND = CheckKind("log", "Log", LogCheck, SUMMARY, evaluate, describe, record_keeping=True, upcoming=upcoming)
