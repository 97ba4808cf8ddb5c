"""The evidence folder's public contract: residence.yaml, and what loading a folder gives back.

The names here (residence, assessed_on, evidence, attestations, exceptions and their fields) are a
public contract documented in docs/evidence-format.md: extend them, never rename them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field

from narr_audit.base.dates import DateField, parse_date
from narr_audit.base.errors import Problem
from narr_audit.base.levels import Level, LevelField
from narr_audit.base.models import StrictModel
from narr_audit.evidence.content import Extracted, Unreadable

MANIFEST = "residence.yaml"
SCHEMA_FILE = "residence.schema.json"
REVIEW_FILE = "review.yaml"  # a reviewer's findings kept beside the evidence (see evidence.review)
ROSTER_FILES = ("staff.csv", "staff.xlsx")  # the staff roster, at the folder's root (see evidence.roster)
PLAN_FILE = "plan.yaml"  # the corrective action plan kept beside residence.yaml (see evidence.plan)
# Files at the folder's root that belong to the folder's own upkeep, not to the evidence.
SKIPPED_AT_ROOT = frozenset({MANIFEST, SCHEMA_FILE, "README.md", REVIEW_FILE})


def _as_list(value: Any) -> Any:
    """`rules: 1.C.7.b` is read as `rules: [1.C.7.b]`: a single id is a common way to write it."""
    return [value] if isinstance(value, str) else value


def _not_a_bool(value: Any) -> Any:
    """`beds: true` would otherwise be read as 1 bed."""
    if isinstance(value, bool):
        raise ValueError(f"'{str(value).lower()}' is not a number; write the number of beds, e.g. 8")
    return value


RuleIds = Annotated[list[str], BeforeValidator(_as_list), Field(min_length=1)]
Text = Annotated[str, Field(min_length=1)]


class Residence(StrictModel):
    """The residence applying for certification."""

    name: Text = Field(description="The residence's name, e.g. Harbor House.")
    operator: Text = Field(description="The organisation or person that runs it.")
    level: LevelField = Field(description="Level of support: I, II, III or IV (1-4 accepted).")
    address: Text = Field(description="Street address of the property.")
    beds: Annotated[int, BeforeValidator(_not_a_bool)] = Field(ge=1, le=1000, description="Number of resident beds.")
    affiliate: str | None = Field(
        default=None, description="The state affiliate that certifies it, e.g. AzRHA; applies its overlay if one ships."
    )
    applicant_id: str | None = Field(default=None, description="The affiliate's id for this applicant, if any.")


class EvidenceEntry(StrictModel):
    """A file in the folder and the rules it is evidence for."""

    file: Text = Field(description="Path of the file, relative to the folder, e.g. policies/grievance-policy.pdf.")
    rules: RuleIds = Field(description="The rule ids it evidences, e.g. [1.C.7.b].")
    title: str | None = Field(default=None, description="A title to show in reports, if the file name is unclear.")
    effective: DateField | None = Field(default=None, description="Date the document took effect or was issued.")
    reviewed: DateField | None = Field(default=None, description="Date the document was last reviewed.")
    expires: DateField | None = Field(default=None, description="Date the document (certificate, licence) expires.")
    date_column: str | None = Field(
        default=None, description="For a log whose column of dates is not called 'date': that column's name."
    )
    covers: dict[str, str] = Field(
        default={},
        description=(
            "Pointers for a reviewer: rule id or topic name -> the heading of the section that covers it, "
            "where the wording is the operator's own, e.g. {1.B.6.a: How records are secured}."
        ),
    )


class Attestation(StrictModel):
    """A signed statement by the operator; reported as self-reported."""

    rule: Text = Field(description="The rule id it attests to.")
    statement: Text = Field(description="What is affirmed, in the operator's words.")
    signed_by: Text = Field(description="Name and role of the signer.")
    date: DateField = Field(description="Date signed, YYYY-MM-DD.")
    file: str | None = Field(default=None, description="A scan of the signed attestation, if any.")


class RuleException(StrictModel):
    """An affiliate-approved exception to a rule, with an expiry date.

    ``expires`` is kept as written: a malformed date does not stop the folder loading, it makes the
    exception count as not met (and says so), as a reviewer would treat it.
    """

    rule: Text = Field(description="The rule id excepted.")
    reason: Text = Field(description="Why the rule cannot be met as written, and what is done instead.")
    approved_by: Text = Field(description="The affiliate reviewer who accepted it.")
    expires: Annotated[str, BeforeValidator(lambda v: v.isoformat() if isinstance(v, date) else str(v))] = Field(
        description="Date the exception ends, YYYY-MM-DD."
    )

    @property
    def expires_on(self) -> date | None:
        try:
            return parse_date(self.expires)
        except ValueError:
            return None


class Manifest(StrictModel):
    """residence.yaml, at the root of an evidence folder."""

    residence: Residence
    assessed_on: DateField | None = Field(
        default=None, description="The assessment date; every date check is relative to it. Default: today."
    )
    evidence: list[EvidenceEntry] = []
    attestations: list[Attestation] = []
    exceptions: list[RuleException] = []


class LogRecord(StrictModel):
    """One dated entry of a record; only the date and where it is are ever shown, never the row's contents.

    ``text`` holds the row's words in memory only, to tell what kind of entry it is (a drill, a detector
    check); it is residents' data, so it is left out of every dump and repr.
    """

    date: date
    row: int
    where: str | None = None  # for an entry of a document: its table and row, heading or page
    text: str = Field(default="", exclude=True, repr=False)


MappedBy = Literal["manifest", "front-matter"]


class Document(StrictModel):
    """A mapped file, read: its text (or why it could not be read), its dates and its rules."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str
    kind: Literal["pdf", "docx", "markdown", "text", "html", "image", "log"]
    rules: list[str]
    mapped_by: list[MappedBy]
    title: str | None = None
    effective: date | None = None
    reviewed: date | None = None
    expires: date | None = None
    # The dates read from the document's own text where the manifest gave none (evidence.docdates):
    # effective, reviewed or expires -> how reports say where ("read from the text on page 1").
    dates_from_text: dict[str, str] = {}
    content: Extracted | None = None
    records: list[LogRecord] = []
    # A record's column names (its header row), in memory only, to recognise what it records.
    columns: list[str] = Field(default=[], exclude=True, repr=False)
    unreadable: Unreadable | None = None
    covers: dict[str, str] = {}  # operator pointers, checked at load: rule id or topic name -> heading
    size: int = 0


# The roles a roster may name (key -> how reports show it). Level I houses have no paid staff: their
# roster lists the house officers, and a staff rule that applies at Level I reads only those.
ROLES: dict[str, str] = {
    "owner": "owner",
    "director": "director",
    "program_director": "program director",
    "administrator": "administrator",
    "house_manager": "house manager",
    "assistant_house_manager": "assistant house manager",
    "residential_staff": "residential staff",
    "peer_recovery_coach": "peer recovery coach",
    "case_manager": "case manager",
    "counselor": "counselor",
    "clinician": "clinician",
    "nurse": "nurse",
    "support_staff": "support staff",
    "maintenance": "maintenance",
    "contractor": "contractor",
    "volunteer": "volunteer",
    "house_officer": "house officer",
    "house_president": "house president",
    "house_secretary": "house secretary",
    "house_treasurer": "house treasurer",
}
HOUSE_OFFICERS = frozenset({"house_officer", "house_president", "house_secretary", "house_treasurer"})
# The dated items a roster records per person (column -> what it is, in words).
STAFF_ITEMS: dict[str, str] = {
    "background_check": "background check",
    "code_of_ethics": "signed code of ethics",
    "cpr": "CPR certification",
    "naloxone_training": "naloxone training",
    "trauma_informed_training": "trauma-informed care training",
    "cultural_responsiveness_training": "cultural responsiveness training",
    "confidentiality_training": "confidentiality training",
    "supervision": "supervision",
}


class StaffMember(StrictModel):
    """One person on the roster: an id or initials and a role, never a name; their dated items."""

    id: str
    role: str  # a key of ROLES
    start: date | None = None
    end: date | None = None
    items: dict[str, date] = {}  # a key of STAFF_ITEMS -> the date it was last done or signed
    row: int  # the roster's row (as a spreadsheet numbers it)

    @property
    def shown(self) -> str:
        """How reports name the person: id and role."""
        return f"{self.id} ({ROLES.get(self.role, self.role)})"

    def current_on(self, on: date) -> bool:
        """On the staff on ``on``: started by then, and no end date or one after it (a leaver is not counted)."""
        return (self.start is None or self.start <= on) and (self.end is None or self.end > on)


class Roster(StrictModel):
    """staff.csv or staff.xlsx, read: who is on the staff and when each item was last done."""

    file: str
    members: list[StaffMember] = []

    def current(self, on: date) -> list[StaffMember]:
        return [m for m in self.members if m.current_on(on)]


PlanStatus = Literal["open", "in progress", "done"]


class PlanItem(StrictModel):
    """One corrective action in plan.yaml: the rule, what is missing, who, by when and how far along."""

    rule: Text = Field(description="The rule id the action fixes, e.g. 1.A.2.b.")
    title: str | None = Field(default=None, description="The rule's title, for the reader.")
    missing: str | None = Field(default=None, description="What narr-audit found missing.")
    action: str | None = Field(default=None, description="What will be done.")
    owner: Text = Field(description="Who does it: a role, e.g. House manager.")
    due: DateField = Field(description="The date it is due, YYYY-MM-DD.")
    status: Annotated[PlanStatus, BeforeValidator(lambda v: v.replace("_", " ") if isinstance(v, str) else v)] = Field(
        default="open", description="open, in progress or done."
    )
    done_on: DateField | None = Field(default=None, description="The date it was done.")
    added: DateField | None = Field(default=None, description="The date narr-audit first listed it.")
    notes: str | None = Field(default=None, description="The operator's own notes.")


class Plan(StrictModel):
    """plan.yaml, beside residence.yaml: the corrective action plan `narr-audit plan` writes and keeps."""

    items: list[PlanItem] = []


class Evidence(StrictModel):
    """A loaded evidence folder: what the engine evaluates."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    folder: str
    manifest: Manifest
    assessed_on: date
    level: Level
    overlays: list[str]
    documents: list[Document]
    unmapped: list[str]
    # The binder's other files (unmapped, attestation scans), read as documents with no rules: where a
    # check looks when a rule's mapped evidence falls short (engine.py gives them as Context.elsewhere).
    unmapped_documents: list[Document] = []
    warnings: list[Problem] = []
    rule_lines: dict[str, int] = {}
    evidence_line: int | None = None
    roster: Roster | None = None  # staff.csv or staff.xlsx, when the folder has one
    plan: Plan | None = None  # plan.yaml, when the folder has one (rule ids normalised)
