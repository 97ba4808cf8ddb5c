"""A submission pack's manifest (manifest.json) and what `verify-pack` concludes about a pack.

The manifest is the pack's table of contents and its seal: the SHA-256 of every other file in the
zip, the narr-audit version and standards that made it, the profile, the assessment date, and the
files included despite the privacy guard's findings. A certifying body reads it back with
:class:`PackManifest` (strictly: a manifest with unknown keys is not one narr-audit wrote).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from narr_audit.base.models import StrictModel
from narr_audit.results.privacy import NotChecked
from narr_audit.results.report import ResidenceInfo, Tool, Verdict

PACK_FORMAT = "1"
MANIFEST_NAME = "manifest.json"

Role = Literal["evidence", "residence", "report", "index", "attestations", "profile", "overlay"]


class PackFile(StrictModel):
    """One file of the zip, sealed by its SHA-256."""

    path: str = Field(description="The file's path inside the zip.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    role: Role
    source: str | None = Field(default=None, description="For evidence: its path in the evidence folder.")
    rules: list[str] = Field(default=[], description="For evidence: the rules this copy is filed under.")
    item: int | None = Field(default=None, description="For evidence numbered to a checklist: the item's number.")


class OverlayUsed(StrictModel):
    """An overlay given with --standards: a shipped id, or a file the pack carries."""

    id: str
    file: str | None = None


class ProfileUsed(StrictModel):
    id: str
    title: str
    file: str = Field(description="The copy of the profile inside the zip.")
    shipped: bool


class IncludedDespite(StrictModel):
    """A file packed with --include although the privacy guard found resident data in it."""

    file: str
    findings: int
    kinds: list[str]


class LeftOut(StrictModel):
    """A file of the evidence folder that is not in the pack, and why (nothing is dropped unsaid)."""

    file: str
    reason: str


class PackManifest(StrictModel):
    pack_format: str = PACK_FORMAT
    tool: Tool
    generated_on: date
    as_of: date = Field(description="The assessment date every date check was relative to.")
    level: str
    residence: ResidenceInfo
    standards: list[str] = Field(description="The standards in force: NARR 3.0 and the overlays applied.")
    overlays: list[OverlayUsed] = Field(default=[], description="Overlays asked for with --standards.")
    profile: ProfileUsed
    verdict: Verdict
    score: float | None
    report: str = Field(description="The JSON gap report inside the zip.")
    files: list[PackFile]
    included_despite_findings: list[IncludedDespite] = []
    not_checked_for_privacy: list[NotChecked] = []
    left_out: list[LeftOut] = []

    def evidence(self) -> list[PackFile]:
        return [f for f in self.files if f.role == "evidence"]


DifferenceKind = Literal["changed", "added", "missing", "limit", "recheck"]


class Difference(StrictModel):
    kind: DifferenceKind
    message: str
    file: str | None = None


class Verification(StrictModel):
    """What verify-pack found: holds when there is no difference."""

    pack: str
    manifest: PackManifest
    files_checked: int
    profile: str
    differences: list[Difference]
    rechecked_verdict: Verdict | None = None
    rechecked_score: float | None = None
    report_verdict: Verdict | None = None
    report_score: float | None = None

    @property
    def holds(self) -> bool:
        return not self.differences
