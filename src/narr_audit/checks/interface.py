"""What every check kind shares: its parameters' base, the context it reads and the outcome it returns.

Outcomes are values, never exceptions: a status, a reason that cites where in the evidence it was
decided, the evidence it rests on and what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator, model_validator

from narr_audit.base.levels import ALL_LEVELS, Level, LevelField
from narr_audit.base.models import StrictModel
from narr_audit.base.statuses import Status

if TYPE_CHECKING:
    from narr_audit.checks.reader import SecondReader
    from narr_audit.checks.recognise import Vocabulary
    from narr_audit.evidence.model import Attestation, Document, Roster


@dataclass(frozen=True)
class EvidenceRef:
    """A file a finding rests on, and where in it (page, heading, rows) when known."""

    file: str
    where: str | None = None
    # Found by looking through the binder, in a file not mapped to the rule (the report shows it apart).
    unmapped: bool = False
    ocr: float | None = None  # read by OCR from a scan: the mean word confidence, 0-100


@dataclass(frozen=True)
class Outcome:
    status: Status
    reason: str
    evidence: tuple[EvidenceRef, ...] = ()
    missing: tuple[str, ...] = ()
    to_confirm: tuple[str, ...] = ()  # topics met that the reviewer should confirm (the second reader's)


@dataclass(frozen=True)
class Upcoming:
    """Something a check will need by a date (a document's renewal, a log's next entry, a person's
    training): what `narr-audit due` lists. ``key`` names it without its date, so the same thing keeps
    the same key (and calendar UID) from one run to the next."""

    due: date
    key: str
    kind: str  # what falls due: document, log, attestation, staff (exception and plan come from the folder)
    what: str
    file: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class Context:
    """What a check may look at for one rule: its mapped documents and attestations, the staff roster,
    the level of support and the date."""

    rule_id: str
    assessed_on: date
    documents: tuple[Document, ...] = ()
    attestations: tuple[Attestation, ...] = ()
    vocabulary: Vocabulary | None = None  # the rulebook's concepts, for recognising topics
    reader: SecondReader | None = None  # the second reader, which doubts or rescues what the recogniser read
    life_safety: bool = False  # whether the rule is a life-safety rule (the second reader rescues none)
    roster: Roster | None = None  # staff.csv or staff.xlsx, when the folder has one
    level: Level | None = None  # the level the residence is assessed at
    # The binder's other documents and records (not mapped to this rule): where a check looks when the
    # mapped evidence falls short; evidence found here counts only from a document, section or record
    # about the same subject, and its EvidenceRef says ``unmapped=True``.
    elsewhere: tuple[Document, ...] = ()
    rule_title: str = ""  # what the rule is about, in a few words: part of what "the same subject" means


class CheckBase(StrictModel):
    """One piece of evidence a rule asks for.

    ``label`` says in plain words what the operator shows (it becomes a checklist line); ``levels``
    narrows the check to some levels of support, e.g. fire drills are not asked of Level I houses.
    """

    kind: str
    label: str = Field(min_length=3)
    levels: list[LevelField] | None = None

    @field_validator("levels")
    @classmethod
    def _levels_sorted_unique(cls, value: list[Level] | None) -> list[Level] | None:
        if value is None:
            return None
        if not value:
            raise ValueError("give at least one level, or leave 'levels' out to apply at every level")
        if len(set(value)) != len(value):
            raise ValueError("a level is listed twice")
        return sorted(value, key=ALL_LEVELS.index)

    def applies_at(self, level: Level) -> bool:
        return self.levels is None or level in self.levels


class Topic(StrictModel):
    """Something a document must cover, as the ideas one sentence must carry together.

    ``concepts`` lists the ideas; each is a concept of the shared vocabulary or phrasings of its own,
    alternatives joined by ``|`` (``"records|resident file*"``). ``substance`` asks for the rule
    itself: an amount, a time, a role or a way to reach someone stated, not deferred. ``binds:
    residents`` says the topic is a rule residents are held to: a sentence binding someone else
    ("Employees may not ...", "Visitor signature") or a section written for someone else ("Drug-Free
    Workplace", "New Employee Checklist") does not meet it. ``terms`` is the older form: any one of
    them, anywhere in a sentence, counts (one idea).
    """

    name: str = Field(min_length=2)
    concepts: list[str] | None = Field(default=None, min_length=1)
    substance: Literal["amount", "time", "role", "contact"] | None = None
    binds: Literal["residents"] | None = None
    terms: list[str] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _something_to_find(self) -> Topic:
        if self.concepts is None and self.terms is None:
            raise ValueError("give the topic's concepts (or terms)")
        if any(not c.strip() or any(not a.strip() for a in c.split("|")) for c in self.concepts or []):
            raise ValueError("a concept is blank (check for a stray '|')")
        return self

    @field_validator("terms")
    @classmethod
    def _terms_non_blank(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        cleaned = [t.strip() for t in value]
        if any(not t for t in cleaned):
            raise ValueError("a term is blank")
        if len({t.lower() for t in cleaned}) != len(cleaned):
            raise ValueError("a term is listed twice")
        return cleaned


@dataclass(frozen=True)
class CheckKind:
    """Everything about one kind of check, declared by its module; no other module names kinds.

    The traits let the engine, the site-visit checklist, the action plan and the comparison of two
    reports treat a kind correctly without switching on its name.
    """

    name: str
    label: str  # how checklists and explain name the kind ("Signed attestation")
    params: type[CheckBase]
    summary: str
    evaluate: Callable[[Any, Context], Outcome]
    describe: Callable[[Any], str]  # what makes one such check pass, in plain words
    settled_on_site: bool = False  # a reviewer's finding in review.yaml decides it
    visit_method: Callable[[Any], str] | None = None  # shown on the site-visit checklist, for on-site kinds
    lapses: Status | None = None  # a status this kind reaches that runs out with time (expires)
    lapse_noun: str | None = None  # what runs out, in words ("dated document")
    record_keeping: bool = False  # kept up by whoever keeps the records (logs)
    signed: bool = False  # met by the operator's signature (attestations)
    upcoming: Callable[[Any, Context], tuple[Upcoming, ...]] | None = None  # what falls due, for `due`
    reads_roster: bool = False  # judged on the staff roster (staff.csv), which a pack must then carry
