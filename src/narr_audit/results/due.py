"""What falls due: the model every `narr-audit due` format reads, and the pure functions that build it.

An item is one thing with a date: a document to renew or review, an exception or an attestation
running out, the next entry a log's cadence needs, a staff member's training or check, a plan item.
Its ``uid`` is a hash of the residence's identity and the item's key (never of its date), so a
calendar that imports the list again updates the event instead of adding a second one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field

from narr_audit.results.report import Tool

DUE_SCHEMA_VERSION = "1.0"
# Where each kind of item sorts on the same day, and how it is named.
KINDS: dict[str, str] = {
    "plan": "Plan item",
    "exception": "Exception",
    "document": "Document",
    "attestation": "Attestation",
    "staff": "Staff",
    "log": "Log",
}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class DueItem(_Model):
    due: date
    days: int = Field(description="Days from the as-of date to the due date; negative when overdue.")
    kind: str = Field(description="plan, exception, document, attestation, staff or log.")
    what: str
    detail: str = ""
    rules: list[str] = []
    file: str | None = None
    residence: str
    key: str = Field(description="What the item is, without its date: stable from one run to the next.")
    uid: str = Field(description="A calendar UID: a hash of the residence and the key.")

    @property
    def overdue(self) -> bool:
        return self.days < 0


class DueResidence(_Model):
    name: str
    folder: str
    applicant_id: str | None = None
    as_of: date


class DueList(_Model):
    schema_version: str = DUE_SCHEMA_VERSION
    tool: Tool
    as_of: date
    within: int = Field(description="The window in days after the as-of date.")
    residences: list[DueResidence]
    items: list[DueItem] = Field(description="Soonest first; overdue items (before the as-of date) lead.")


@dataclass(frozen=True)
class Found:
    """One thing with a date, as a builder finds it (before the window and the sorting)."""

    due: date
    key: str
    kind: str
    what: str
    file: str | None = None
    detail: str = ""
    rules: tuple[str, ...] = ()


def uid(identity: str, key: str) -> str:
    """A stable calendar UID: the same residence and item give the same UID whatever the dates."""
    return hashlib.sha256(f"{identity}\0{key}".encode()).hexdigest()[:32] + "@narr-audit"


def merge(found: Iterable[Found]) -> list[Found]:
    """One item per key: the earliest date, with the rules of every finding of it."""
    kept: dict[str, Found] = {}
    for item in found:
        earlier = kept.get(item.key)
        rules = tuple(dict.fromkeys([*(earlier.rules if earlier else ()), *item.rules]))
        chosen = item if earlier is None or item.due < earlier.due else earlier
        kept[item.key] = Found(chosen.due, chosen.key, chosen.kind, chosen.what, chosen.file, chosen.detail, rules)
    return list(kept.values())


def window(found: Iterable[Found], *, residence: DueResidence, identity: str, within: int) -> list[DueItem]:
    """The items due on or before ``within`` days after the residence's as-of date (overdue included)."""
    end = residence.as_of + timedelta(days=within)
    return [
        DueItem(
            due=item.due,
            days=(item.due - residence.as_of).days,
            kind=item.kind,
            what=item.what,
            detail=item.detail,
            rules=sorted(item.rules, key=_rule_order),
            file=item.file,
            residence=residence.name,
            key=item.key,
            uid=uid(identity, item.key),
        )
        for item in merge(found)
        if item.due <= end
    ]


def soonest_first(items: Iterable[DueItem]) -> list[DueItem]:
    order = list(KINDS)
    return sorted(
        items,
        key=lambda i: (i.due, order.index(i.kind) if i.kind in order else len(order), i.residence, i.what, i.key),
    )


def _rule_order(rule_id: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in rule_id.split("."))
