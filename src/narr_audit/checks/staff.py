"""staff: every current member of the staff roster has a dated item (a background check, a signed
code of ethics, a training) within its window.

The roster is staff.csv or staff.xlsx at the folder's root (evidence.roster). A person is current
on the assessment date when they started by then and have no end date or one after it: a leaver is
not counted. Level I houses have no paid staff, so there the house officers are the roster. Reports
name each person by id or initials and role, never by name.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator

from narr_audit.base.levels import Level
from narr_audit.base.statuses import Status
from narr_audit.base.text import days
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Upcoming
from narr_audit.evidence.model import HOUSE_OFFICERS, ROLES, STAFF_ITEMS

if TYPE_CHECKING:
    from narr_audit.evidence.model import StaffMember

SUMMARY = (
    "Every current member of the staff roster (staff.csv or staff.xlsx; at Level I, the house officers) "
    "in the given roles has the item (a background check, a signed code of ethics, a training) dated "
    "within within_days of the assessment date, or at all when no window is set."
)


class StaffCheck(CheckBase):
    kind: Literal["staff"] = "staff"
    item: str = Field(description="The roster column: " + ", ".join(STAFF_ITEMS) + ".")
    within_days: int | None = Field(
        default=None, ge=1, le=3660, description="How recent the item must be; leave out when once is enough."
    )
    roles: list[str] | None = Field(
        default=None, min_length=1, description="The roles it applies to (default: every staff role)."
    )

    @field_validator("item")
    @classmethod
    def _known_item(cls, value: str) -> str:
        if value not in STAFF_ITEMS:
            raise ValueError(f"'{value}' is not a roster item; use one of: {', '.join(STAFF_ITEMS)}")
        return value

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, value: list[str] | None) -> list[str] | None:
        unknown = [r for r in value or [] if r not in ROLES]
        if unknown:
            raise ValueError(f"'{unknown[0]}' is not a role; use any of: {', '.join(ROLES)}")
        return value


def _population(check: StaffCheck, ctx: Context, on: date) -> list[StaffMember]:
    """Who the check reads: at Level I the house officers; elsewhere the staff in ``roles`` (default:
    everyone on the roster but house officers, who are residents)."""
    assert ctx.roster is not None
    current = ctx.roster.current(on)
    if ctx.level is Level.I:
        return [m for m in current if m.role in HOUSE_OFFICERS]
    if check.roles:
        return [m for m in current if m.role in check.roles]
    return [m for m in current if m.role not in HOUSE_OFFICERS]


def _who(check: StaffCheck, ctx: Context) -> str:
    if ctx.level is Level.I:
        return "house officer"
    if check.roles:
        return " or ".join(ROLES[r] for r in check.roles)
    return "staff member"


def _window(check: StaffCheck) -> str:
    return f"within {days(check.within_days)}" if check.within_days else "on file"


def _rows(members: list[StaffMember]) -> str:
    rows = [str(m.row) for m in members]
    return f"row{'s' if len(rows) > 1 else ''} {', '.join(rows)}"


def evaluate(check: StaffCheck, ctx: Context) -> Outcome:
    """Each current person decides for themselves: all in order is met, some is partial, none is not met.

    An item dated exactly ``within_days`` before the assessment date still counts.
    """
    item = STAFF_ITEMS[check.item]
    who = _who(check, ctx)
    if ctx.roster is None:
        return Outcome(
            Status.not_met,
            "no staff roster (staff.csv or staff.xlsx) in the folder",
            missing=(f"a staff roster giving each current {who}'s {item} date",),
        )
    on = ctx.assessed_on
    people = _population(check, ctx, on)
    file = ctx.roster.file
    if not people:
        return Outcome(
            Status.not_met,
            f"{file} lists no current {who}",
            (EvidenceRef(file),),
            (f"each current {who} on the roster, with their {item} date",),
        )
    short: list[tuple[StaffMember, str]] = []
    for person in people:
        dated = person.items.get(check.item)
        if dated is None:
            short.append((person, f"no {item} date"))
        elif check.within_days is not None and (on - dated).days > check.within_days:
            age = (on - dated).days
            short.append((person, f"{item} on {dated}, {days(age)} ago (at most {days(check.within_days)})"))
    if not short:
        plural = "s" if len(people) > 1 else ""
        return Outcome(
            Status.met,
            f"{file}: {len(people)} current {who}{plural}, each with a {item} {_window(check)}",
            (EvidenceRef(file, _rows(people)),),
        )
    status = Status.not_met if len(short) == len(people) else Status.partial
    detail = "; ".join(f"{person.shown}: {why}" for person, why in short)
    return Outcome(
        status,
        f"{file}: {len(short)} of {len(people)} current {who}(s) fall short: {detail}",
        (EvidenceRef(file, _rows([p for p, _ in short])),),
        tuple(f"a {item} {_window(check)} for {person.shown}" for person, _ in short),
    )


def upcoming(check: StaffCheck, ctx: Context) -> tuple[Upcoming, ...]:
    """Per current person, when the item falls due: its date plus the window (now, when missing)."""
    if ctx.roster is None:
        return ()
    item = STAFF_ITEMS[check.item]
    found = []
    for person in _population(check, ctx, ctx.assessed_on):
        dated = person.items.get(check.item)
        key = f"staff:{person.id}:{check.item}"
        what = f"{item} for {person.shown}"
        if dated is None:
            found.append(
                Upcoming(ctx.assessed_on, key, "staff", what, ctx.roster.file, f"no {item} date on the roster")
            )
        elif check.within_days is not None:
            due = dated + timedelta(days=check.within_days)
            detail = f"last on {dated}, every {days(check.within_days)}"
            found.append(Upcoming(due, key, "staff", what, ctx.roster.file, detail))
    return tuple(found)


def describe(check: StaffCheck) -> str:
    who = " or ".join(ROLES[r] for r in check.roles) if check.roles else "staff member (house officer at Level I)"
    window = f"dated within {check.within_days} days" if check.within_days else "on file (once is enough)"
    return f"every current {who} on the staff roster has a {STAFF_ITEMS[check.item]} {window}"


KIND = CheckKind(
    "staff",
    "Staff roster",
    StaffCheck,
    SUMMARY,
    evaluate,
    describe,
    lapses=Status.met,
    lapse_noun="staff record",
    upcoming=upcoming,
    reads_roster=True,
)
