"""What the privacy guard found in an evidence folder: where resident data sits, never the data.

A :class:`Finding` names the file and the place in it (page, row, column, line), the kind of data
and a masked form (``J*** S***``, ``***-***-4309``) so the operator can find it; the value itself is
never kept, so no output of the guard (text, JSON, a pack's manifest) can repeat it (rule 1.B.6).
"""

from __future__ import annotations

from typing import Literal

from narr_audit.base.models import StrictModel

Kind = Literal[
    "resident name",
    "date of birth",
    "phone number",
    "e-mail address",
    "social security number",
    "medicaid or insurance id",
    "drug-test result tied to a person",
]
ReadBy = Literal["table", "text", "ocr"]


class Finding(StrictModel):
    """One piece of resident data: where it is, what kind, and a masked form."""

    file: str
    kind: Kind
    masked: str
    read_by: ReadBy
    page: str | None = None  # a PDF page, a heading, a spreadsheet sheet or a Word table
    row: int | None = None
    column: int | None = None
    column_name: str | None = None  # only a header the guard recognised (never a data cell)
    line: int | None = None

    def where(self) -> str:
        parts = []
        if self.page:
            parts.append(self.page)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}" + (f" ('{self.column_name}')" if self.column_name else ""))
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts) or "the file"


class NotChecked(StrictModel):
    """A file the guard could not read, and why: it may hold resident data nobody has looked at."""

    file: str
    reason: str
    hint: str | None = None


class PrivacyScan(StrictModel):
    """The guard's answer for a set of files of one evidence folder."""

    folder: str
    checked: list[str]
    findings: list[Finding]
    not_checked: list[NotChecked] = []
    ocr: bool = True  # False when Tesseract was missing, so scans and photos were not read

    def files_with_findings(self) -> list[str]:
        return sorted({f.file for f in self.findings})

    def findings_in(self, file: str) -> list[Finding]:
        return [f for f in self.findings if f.file == file]
