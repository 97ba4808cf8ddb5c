"""The privacy guard: resident data in an evidence folder, found before anything leaves it.

Rule 1.B.6 makes resident information confidential, and evidence folders hold it: logs with names
and phone numbers, signed forms, drug-test records. :func:`scan_folder` reads every file the way the
rest of narr-audit does (logs as tables, documents through the text extractor, scans and photos by
OCR when Tesseract is installed) and reports each finding by file, page, row, column or line, with
its kind and a masked form. The value itself is never kept (results.privacy).

What counts, and what does not (docs/certifying-bodies.md and the README say the same):

- **Columns named for people** (``name``, ``resident``, ``client``, ``DOB``, ``phone``, ``email``,
  ``SSN``, ``Medicaid id``...): in a log, every filled cell of such a column is a finding; a name
  column's cell only when it holds a name (``R-06`` and initials ``J.S.`` are how a log should
  refer to residents). Staff columns (``staff``, ``checked_by``, ``facilitator``...) are not people
  columns: staff names with their roles are not resident data.
- **Anywhere in text or a cell**: SSN-shaped numbers, e-mail addresses, phone numbers, a date
  after a birth-date label, a name after a resident label (``Resident: ...``), a Medicaid or
  insurance id after its label, and a drug-test result near a resident's name.
- **Public numbers are not findings.** A phone number or e-mail address is public when it is
  written in residence.yaml (the operator's own contact), when its line (or the line before, for a
  wrapped sentence) names the residence or the operator, a staff role (house manager, director,
  on call, front desk...) or an organisation or service (county, clinic, helpline, office, LLC...),
  or gives opening hours; toll-free numbers (800, 888...) always belong to organisations, and 988,
  211 and 911 are too short to be taken for a person's number. A line that labels a resident
  (``Resident:``, ``DOB``, ``emergency contact``) makes every number on it a finding again. A
  mailbox named for a role (``info@``, ``office@``, ``grievances@``) is public too.

:func:`redact_to` writes redacted copies of logs (names to initials; phone, birth-date, e-mail, SSN
and insurance-id columns removed; such values in other cells replaced by ``[removed]``) into a
folder outside the evidence folder, which is never written.
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from narr_audit.base.errors import NarrError
from narr_audit.base.yamlio import read_yaml
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.content import Extracted, Segment, Unreadable
from narr_audit.evidence.extract import MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES, extract
from narr_audit.evidence.logs import MAX_LOG_BYTES, MAX_XLSX_UNPACKED_BYTES
from narr_audit.evidence.model import MANIFEST, SKIPPED_AT_ROOT
from narr_audit.evidence.ocr import IMAGE_SUFFIXES, OcrPage, ocr_image, ocr_pdf, tesseract_missing
from narr_audit.results.privacy import Finding, Kind, NotChecked, PrivacyScan, ReadBy

__all__ = ["Public", "Redacted", "public_from_manifest", "redact_to", "scan_folder"]

MAX_TABLE_ROWS = 200_000
OCR_WORKERS = 4

# ---------------------------------------------------------------------------------------------------------------
# What resident data looks like

_PHONE = re.compile(
    r"(?<![\w/.-])(?:\+?1[\s.-]?)?(?:\(\s*([2-9]\d{2})\s*\)\s*|([2-9]\d{2})[\s.-])([2-9]\d{2})[\s.-](\d{4})(?![\w-])"
)
_TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})
_EMAIL = re.compile(r"(?<![\w.+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")
_SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])")
_SSN_LABELLED = re.compile(
    r"\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*(\d{3}[- ]?\d{2}[- ]?\d{4})(?!\d)", re.I
)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}"
    rf"|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}})"
)
_DOB = re.compile(
    rf"\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?)\s*[:\-]?\s*({_DATE})", re.I
)
_INSURANCE_ID = re.compile(
    r"\b(?:medicaid|medicare|ahcccs|insurance|member|subscriber)\s*(?:id|number|no\.?|#)\s*[:#]?\s*"
    r"([A-Za-z0-9][A-Za-z0-9-]{4,})",
    re.I,
)
_NAME_WORDS = r"([A-Z][A-Za-z'’.-]*(?:[ \t]+[A-Z][A-Za-z'’.-]*){0,3})"
# The label in any case, the name after it capitalised as names are written ("resident: at intake" is no name).
_RESIDENT_NAME = re.compile(
    rf"(?i:\b(?:resident|client|participant|tenant|patient)(?:'s|’s)?(?:\s+(?:full\s+|legal\s+)?name)?\s*:)"
    rf"[ \t]*{_NAME_WORDS}"
)
_GENERIC_NAME = re.compile(rf"(?i:(?:^|[\s|;,(])(?:full\s+|first\s+|last\s+|legal\s+)?name\s*:)[ \t]*{_NAME_WORDS}")
_CONTACT_NAME = re.compile(rf"(?i:\b(?:emergency\s+contact|next\s+of\s+kin|guardian)\s*:)[ \t]*{_NAME_WORDS}")
_RESULT = re.compile(r"\b(?:positive|negative|non-negative|presumptive|dilute|diluted)\b", re.I)
_TEST = re.compile(
    r"\b(?:drug|drugs|uds|ua|urine|urinalysis|tox|toxicology|screen|screening|test|tested|breathalyzer)\b", re.I
)

# A line that labels a resident: any number on it is theirs, whatever else the line names.
_PERSON_LABEL = re.compile(
    r"\b(?:resident|client|participant|tenant|patient)(?:'s|’s)?(?:\s+(?:full\s+)?name)?\s*:"
    r"|\bemergency\s+contact|\bnext\s+of\s+kin|\bguardian|\bdob\b|\bd\.o\.b|\bdate\s+of\s+birth|\bbirth\s*date",
    re.I,
)
# Organisations, services and staff roles: a number or mailbox given with one of these is public.
_PUBLIC_CUE = re.compile(
    r"\b(?:agenc|alliance|anonymous|assistance|associat|authority|benefits|board|bureau|bus\b|center|centre|chair"
    r"|church|clinic|coalition|college|company|corp|council|county|crisis|department|desk|director|district"
    r"|education|employment|foundation|health|helpline|hospital|hotline|housing|house\s+phone|inc\b|insurance"
    r"|intergroup|landlord|legal|library|lifeline|line\b|llc|ltd|maintenance|manager|medical|ministr|nurse|office"
    r"|on[- ]call|on\s+duty|operator|owner|partners|pharmacy|police|poison|program|propert|realty|reception"
    r"|rehabilitation|rental|rides|school|services|shift\s+lead|society|staff|supervisor|transit|transportation"
    r"|treatment|university|workforce|ymca|ywca)",
    re.I,
)
_HOURS = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|weekdays|24\s+hours)\b",
    re.I,
)
_MAILBOXES = frozenset(
    {
        "admin",
        "admissions",
        "board",
        "billing",
        "careers",
        "contact",
        "director",
        "frontdesk",
        "grievance",
        "grievances",
        "hello",
        "help",
        "house",
        "hr",
        "info",
        "intake",
        "jobs",
        "manager",
        "neighbors",
        "neighbours",
        "noreply",
        "no-reply",
        "office",
        "operations",
        "program",
        "programs",
        "reception",
        "referrals",
        "services",
        "staff",
        "support",
        "team",
        "webmaster",
    }
)
# Words that are not names, for cells of a name column and text after a label.
_NOT_NAMES = frozenset(
    {
        "all",
        "alumni",
        "and",
        "anonymous",
        "at",
        "bed",
        "captain",
        "chore",
        "council",
        "director",
        "dr",
        "everyone",
        "former",
        "guest",
        "house",
        "id",
        "initials",
        "large",
        "manager",
        "member",
        "mr",
        "mrs",
        "ms",
        "na",
        "new",
        "none",
        "of",
        "president",
        "redacted",
        "removed",
        "resident",
        "residents",
        "room",
        "secretary",
        "staff",
        "tbd",
        "the",
        "unknown",
        "vacant",
        "visitor",
        "withheld",
    }
)


class Column(Enum):
    """What a log's column holds, from its header."""

    NAME = "resident name"
    DOB = "date of birth"
    PHONE = "phone number"
    EMAIL = "e-mail address"
    SSN = "social security number"
    INSURANCE = "medicaid or insurance id"
    DRUG_TEST = "drug-test result tied to a person"


_REMOVED_COLUMNS = frozenset({Column.DOB, Column.PHONE, Column.EMAIL, Column.SSN, Column.INSURANCE})
_PERSON_WORDS = frozenset({"resident", "client", "participant", "tenant", "patient"})
_NAME_PARTS = frozenset(
    {"name", "names", "full", "first", "last", "given", "family", "legal", "preferred", "surname", "fullname",
     "firstname", "lastname", "s", "emergency", "contact", "next", "of", "kin", "guardian"}
)  # fmt: skip
_STAFF_WORDS = frozenset(
    {
        "by",
        "staff",
        "employee",
        "trainer",
        "facilitator",
        "manager",
        "supervisor",
        "reviewer",
        "leader",
        "led",
        "officer",
        "volunteer",
        "instructor",
        "provider",
        "inspector",
        "agency",
        "event",
        "course",
        "program",
        "house",
        "location",
        "medication",
        "file",
        "document",
        "organization",
        "organisation",
        "company",
        "vendor",
        "landlord",
        "owner",
        "director",
        "coordinator",
    }
)
_TEST_WORDS = frozenset(
    {"drug", "uds", "ua", "urinalysis", "tox", "toxicology", "screen", "screening", "test", "result", "results",
     "breathalyzer", "bac"}
)  # fmt: skip


def classify(header: str) -> Column | None:
    """What a column holds, from its header's words; None for any other column (staff, dates, notes)."""
    tokens = re.findall(r"[a-z]+", header.lower())
    if not tokens or len(tokens) > 6:
        return None
    words = set(tokens)
    joined = " ".join(tokens)
    if "ssn" in words or "social security" in joined:
        return Column.SSN
    if "dob" in words or "birth" in joined:
        return Column.DOB
    if words & _STAFF_WORDS:
        return None
    if words & {"phone", "telephone", "tel", "cell", "mobile", "cellphone"}:
        return Column.PHONE
    if "email" in words or "e mail" in joined:
        return Column.EMAIL
    if words & {"medicaid", "medicare", "ahcccs", "mrn"} or (
        words & {"insurance", "member", "subscriber"} and words & {"id", "number", "no"}
    ):
        return Column.INSURANCE
    if words & _TEST_WORDS:
        return Column.DRUG_TEST
    core = words & (_PERSON_WORDS | {"name", "names", "surname", "fullname", "firstname", "lastname", "guardian"})
    if core and words <= (_PERSON_WORDS | _NAME_PARTS) and words != {"emergency"}:
        return Column.NAME
    if {"emergency", "contact"} <= words or {"next", "kin"} <= words:
        return Column.NAME
    return None


def looks_like_name(value: str) -> bool:
    """A cell or labelled text that holds a person's name, not an id (R-06), initials (J.S.) or a role."""
    words = re.findall(r"[A-Za-z][A-Za-z'’.-]*", value)
    if not words or len(words) > 5:
        return False
    for raw in words:
        word = raw.strip(".-'’")
        parts = [p for p in word.split(".") if p]
        if not word or all(len(p) <= 1 for p in parts):
            continue  # an initial, or initials written J.S.
        if word.isupper() and len(word) <= 3:
            continue  # initials written JS
        if word.lower() in _NOT_NAMES:
            continue
        return True
    return False


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def mask_name(value: str) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", value)[:4]
    return " ".join(f"{w[0].upper()}***" for w in words) or "***"


def mask_phone(value: str) -> str:
    digits = _digits(value)
    return f"***-***-{digits[-4:]}" if len(digits) >= 4 else "***"


def mask_email(local: str, domain: str) -> str:
    tld = domain.rsplit(".", 1)[-1]
    return f"{local[:1]}***@***.{tld}"


def _mask(kind: Column, value: str) -> str:
    if kind is Column.NAME:
        return mask_name(value)
    if kind is Column.PHONE:
        return mask_phone(value)
    if kind is Column.EMAIL:
        found = _EMAIL.search(value)
        return mask_email(found.group(1), found.group(2)) if found else "***@***"
    if kind is Column.DOB:
        return "**/**/****"
    if kind is Column.SSN:
        return "***-**-****"
    if kind is Column.INSURANCE:
        clean = re.sub(r"\W", "", value)
        return f"****{clean[-2:]}" if len(clean) >= 8 else "****"
    return "[result withheld]"


# ---------------------------------------------------------------------------------------------------------------
# Public contacts


@dataclass(frozen=True)
class Public:
    """What the residence itself publishes: the numbers and addresses in residence.yaml and its names."""

    numbers: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()

    def number(self, digits: str, context: str) -> bool:
        """A phone number the guard leaves alone (see the module's docstring)."""
        ten = digits[-10:]
        if ten in self.numbers or ten[:3] in _TOLL_FREE:
            return True
        return self.context(context)

    def email(self, local: str, domain: str, context: str) -> bool:
        address = f"{local}@{domain}".lower()
        if address in self.emails:
            return True
        first = re.split(r"[._+-]", local.lower())[0]
        if local.lower() in _MAILBOXES or first in _MAILBOXES:
            return True
        return self.context(context)

    def organisation(self, value: str) -> bool:
        """A name that is the residence's, the operator's, or an organisation's ("Client: Cedar Lane Recovery")."""
        lowered = value.lower()
        return any(name in lowered or (len(lowered) >= 4 and lowered in name) for name in self.names) or bool(
            _PUBLIC_CUE.search(value)
        )

    def context(self, context: str) -> bool:
        if _PERSON_LABEL.search(context):
            return False
        lowered = context.lower()
        if any(name in lowered for name in self.names):
            return True
        return bool(_PUBLIC_CUE.search(context) or _HOURS.search(context))


def public_from_manifest(root: Path) -> Public:
    """The residence's own contacts: numbers and addresses written anywhere in residence.yaml
    (a field or a comment) and the residence's and operator's names."""
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8-sig", errors="replace")[: 2 * 1024 * 1024]
    except OSError:
        return Public()
    numbers = frozenset(_digits(m.group())[-10:] for m in _PHONE.finditer(text))
    emails = frozenset(f"{m.group(1)}@{m.group(2)}".lower() for m in _EMAIL.finditer(text))
    names: list[str] = []
    for key in ("name", "operator"):
        found = re.search(rf"^\s+{key}:\s*['\"]?([^'\"#\n]+)", text, re.M)
        if found:
            name = found.group(1).strip().lower()
            short = re.sub(r",?\s+(llc|inc\.?|ltd|corp\.?|co\.?|pllc|l\.l\.c\.)$", "", name).strip()
            names.extend(n for n in {name, short} if len(n) >= 4)
    return Public(numbers, emails, tuple(sorted(set(names))))


# ---------------------------------------------------------------------------------------------------------------
# Finding resident data in text and in tables


@dataclass(frozen=True)
class _Hit:
    kind: Column
    start: int
    end: int
    masked: str


def text_hits(line: str, context: str, public: Public) -> list[_Hit]:
    """Resident data in one line of text (or one cell); ``context`` is the line with the one before it."""
    hits: list[_Hit] = []
    for m in _SSN.finditer(line):
        hits.append(_Hit(Column.SSN, m.start(), m.end(), "***-**-****"))
    for m in _SSN_LABELLED.finditer(line):
        if not any(h.start < m.end(1) and m.start(1) < h.end for h in hits):
            hits.append(_Hit(Column.SSN, m.start(1), m.end(1), "***-**-****"))
    for m in _DOB.finditer(line):
        hits.append(_Hit(Column.DOB, m.start(1), m.end(1), "**/**/****"))
    for m in _INSURANCE_ID.finditer(line):
        if sum(c.isdigit() for c in m.group(1)) >= 3:
            hits.append(_Hit(Column.INSURANCE, m.start(1), m.end(1), _mask(Column.INSURANCE, m.group(1))))
    taken = [(h.start, h.end) for h in hits]
    for m in _PHONE.finditer(line):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if not public.number(_digits(m.group()), context):
            hits.append(_Hit(Column.PHONE, m.start(), m.end(), mask_phone(m.group())))
    for m in _EMAIL.finditer(line):
        if not public.email(m.group(1), m.group(2), context):
            hits.append(_Hit(Column.EMAIL, m.start(), m.end(), mask_email(m.group(1), m.group(2))))
    for m in (*_RESIDENT_NAME.finditer(line), *_CONTACT_NAME.finditer(line)):
        if looks_like_name(m.group(1)) and not public.organisation(m.group(1)):
            hits.append(_Hit(Column.NAME, m.start(1), m.end(1), mask_name(m.group(1))))
    if not _PUBLIC_CUE.search(line):  # "Name: Dana Reyes, House Manager" is a staff member
        for m in _GENERIC_NAME.finditer(line):
            fresh = not any(h.start == m.start(1) for h in hits)
            if fresh and looks_like_name(m.group(1)) and not public.organisation(m.group(1)):
                hits.append(_Hit(Column.NAME, m.start(1), m.end(1), mask_name(m.group(1))))
    return sorted(hits, key=lambda h: h.start)


@dataclass
class _Place:
    """Where the findings of one file are, as they are found."""

    file: str
    read_by: ReadBy
    findings: list[Finding] = field(default_factory=list)

    def add(
        self,
        kind: Column,
        masked: str,
        *,
        page: str | None = None,
        row: int | None = None,
        column: int | None = None,
        column_name: str | None = None,
        line: int | None = None,
    ) -> None:
        value: Kind = kind.value
        self.findings.append(
            Finding(
                file=self.file,
                kind=value,
                masked=masked,
                read_by=self.read_by,
                page=page,
                row=row,
                column=column,
                column_name=column_name,
                line=line,
            )
        )


def scan_lines(place: _Place, lines: Sequence[str], public: Public, *, page: str | None = None, first: int = 1) -> None:
    """Resident data in lines of text: each line on its own, and a drug-test result near a labelled name."""
    named: list[int] = []
    results: list[int] = []
    for index, line in enumerate(lines):
        context = (lines[index - 1] + "\n" + line) if index else line
        hits = text_hits(line, context, public)
        for hit in hits:
            place.add(hit.kind, hit.masked, page=page, line=first + index)
        if any(h.kind is Column.NAME for h in hits):
            named.append(index)
        if _RESULT.search(line):
            results.append(index)
    for index in results:
        window = lines[max(0, index - 4) : index + 1]
        near = any(abs(index - n) <= 6 for n in named)
        if near and any(_TEST.search(text) for text in window):
            place.add(Column.DRUG_TEST, "[result withheld]", page=page, line=first + index)


@dataclass(frozen=True)
class Table:
    """Rows of a log or a Word table: a header (None when the first row is data) and numbered rows."""

    header: list[str] | None
    rows: list[tuple[int, list[str]]]
    page: str | None = None


def _is_data_row(cells: Sequence[str]) -> bool:
    """A first row holding a date, a number or an address is data, not a header (its cells are never shown)."""
    for cell in cells:
        text = cell.strip()
        if re.search(_DATE, text, re.I) or _PHONE.search(text) or "@" in text or _SSN.search(text):
            return True
        if re.fullmatch(r"[\d\s.,/-]{3,}", text):
            return True
    return False


def table_of(cells: list[list[str]], first_row: int = 1, page: str | None = None) -> Table:
    """A table whose first row is its header, unless that row is plainly data."""
    if not cells:
        return Table(None, [], page)
    if _is_data_row(cells[0]):
        return Table(None, [(first_row + i, row) for i, row in enumerate(cells)], page)
    return Table(cells[0], [(first_row + 1 + i, row) for i, row in enumerate(cells[1:])], page)


def scan_table(place: _Place, table: Table, public: Public, *, free_text: bool = True) -> None:
    """Resident data in a table: people columns by their header, everything else cell by cell."""
    kinds = [classify(h) for h in table.header] if table.header else []
    names = [h.strip() for h in table.header] if table.header else []
    for number, row in table.rows:
        named = any(i < len(row) and kind is Column.NAME and looks_like_name(row[i]) for i, kind in enumerate(kinds))
        for i, cell in enumerate(row):
            value = cell.strip()
            if not value:
                continue
            kind = kinds[i] if i < len(kinds) else None
            name = names[i] if kind is not None else None
            found = _column_finding(kind, value, named, public)
            if found is not None:
                place.add(found, _mask(found, value), page=table.page, row=number, column=i + 1, column_name=name)
                continue
            if free_text:
                context = f"{names[i] if i < len(names) else ''}\n{value}"
                for hit in text_hits(value, context, public):
                    place.add(hit.kind, hit.masked, page=table.page, row=number, column=i + 1, column_name=name)


def _column_finding(kind: Column | None, value: str, named: bool, public: Public) -> Column | None:
    if kind is None:
        return None
    if kind is Column.NAME:
        return kind if looks_like_name(value) else None
    if kind is Column.PHONE:
        digits = _digits(value)
        if len(digits) < 7 or public.number(digits, ""):
            return None
        return kind
    if kind is Column.EMAIL:
        found = _EMAIL.search(value)
        return kind if found and not public.email(found.group(1), found.group(2), "") else None
    if kind is Column.DRUG_TEST:
        return kind if named and _RESULT.search(value) else None
    if kind in (Column.SSN, Column.INSURANCE, Column.DOB):
        return kind if any(c.isdigit() for c in value) else None
    return None


# ---------------------------------------------------------------------------------------------------------------
# Reading each kind of file


class _CannotCheckError(Exception):
    """A file the guard cannot read; its reason and hint are fixed texts, never the file's content."""

    def __init__(self, reason: str, hint: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise _CannotCheckError(
                f"the file is {size} bytes, more than the {limit} narr-audit reads",
                "split it, or check it by hand before sending it",
            )
        return path.read_bytes()
    except OSError as exc:
        raise _CannotCheckError(
            f"cannot read the file ({exc.strerror or type(exc).__name__})", "check its permissions"
        ) from None


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _CannotCheckError(
            "the file is not UTF-8 text", "save it as UTF-8 (in a spreadsheet: 'CSV UTF-8')"
        ) from None


def _csv_rows(path: Path) -> list[list[str]]:
    text = _text(_read_bytes(path, MAX_LOG_BYTES))
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    first_line = text.split("\n", 1)[0]
    if delimiter == "," and "," not in first_line and ";" in first_line:
        delimiter = ";"
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[:MAX_TABLE_ROWS]
    except csv.Error:
        raise _CannotCheckError("the file is not valid CSV", "save it again as CSV from your spreadsheet") from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_sheets(path: Path) -> list[list[list[str]]]:
    """Every sheet's rows as text (sheets are named by number: a sheet's name may be a resident's)."""
    damaged = _CannotCheckError(
        "the spreadsheet is damaged, password-protected or not really an .xlsx file",
        "open it and save it again as .xlsx (without a password) or as CSV",
    )
    _read_bytes(path, MAX_LOG_BYTES)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise damaged from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise _CannotCheckError("the spreadsheet would unpack to far more data than a log holds", "save it as CSV")
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged workbook
        raise damaged from None
    try:
        sheets = []
        for sheet in book.worksheets:
            rows = []
            for row in sheet.iter_rows(values_only=True):
                rows.append([_cell_text(c) for c in row])
                if len(rows) >= MAX_TABLE_ROWS:
                    break
            while rows and not any(c.strip() for c in rows[-1]):
                rows.pop()
            sheets.append(rows)
        return sheets
    except Exception:
        raise damaged from None
    finally:
        book.close()


def _scan_xlsx(place: _Place, path: Path, public: Public) -> None:
    sheets = _xlsx_sheets(path)
    for number, rows in enumerate(sheets, start=1):
        start = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
        if start is None:
            continue
        page = f"sheet {number}" if len(sheets) > 1 else None
        scan_table(place, table_of(rows[start:], first_row=start + 1, page=page), public)


def _scan_yaml(place: _Place, path: Path, rel: str, public: Public) -> None:
    try:
        doc = read_yaml(path, display=rel)
    except NarrError:  # the parser's message may quote the file; say only that it cannot be read
        raise _CannotCheckError("the file is not valid YAML", "fix its YAML syntax, then run the guard again") from None
    entries = doc.data
    base: tuple[str | int, ...] = ()
    if isinstance(entries, dict) and isinstance(entries.get("entries"), list):
        entries, base = entries["entries"], ("entries",)
    if isinstance(entries, list) and entries and all(isinstance(e, dict) for e in entries):
        keys: list[str] = []
        for entry in entries:
            keys.extend(str(k) for k in entry if str(k) not in keys)
        rows = [
            (doc.line_of((*base, i)) or i + 1, [_cell_text(entry.get(k)) for k in keys])
            for i, entry in enumerate(entries)
        ]
        scan_table(place, Table(keys, rows), public)
        return
    text = _text(_read_bytes(path, MAX_TEXT_BYTES))
    scan_lines(place, text.splitlines(), public)


@dataclass(frozen=True)
class _Reader:
    """How files are read: the residence's public contacts, whether to use OCR, and the extraction cache
    (text and OCR results kept by content hash outside the folder, so a second run reads nothing twice)."""

    public: Public
    ocr: bool = True
    cache: ExtractionCache | None = None

    def ocr_missing(self) -> Unreadable | None:
        if not self.ocr:
            return Unreadable("OCR was turned off, so scans and photos were not read", "check them by hand")
        return tesseract_missing()

    def ocr_pages(
        self, kind: str, data: bytes, read: Callable[[], list[OcrPage] | Unreadable]
    ) -> list[OcrPage] | Unreadable:
        """OCR results, from the cache when the same bytes were read before (only readings are kept)."""
        if self.cache is None:
            return read()
        key = self.cache.key(kind, data)
        found = self.cache.get(key)
        if isinstance(found, Extracted):
            return [OcrPage(s.where, tuple(s.text.split("\n")) if s.text else (), None) for s in found.segments]
        pages = read()
        if not isinstance(pages, Unreadable):
            self.cache.put(key, Extracted("image", tuple(Segment(p.where, p.text) for p in pages)))
        return pages


def _scan_document(place: _Place, path: Path, reader: _Reader) -> NotChecked | None:
    """PDF, Word or a web page through the text extractor; pages without text by OCR."""
    public = reader.public
    found = extract(path, reader.cache)
    if isinstance(found, Unreadable):
        if path.suffix.lower() == ".pdf" and "no text" in found.reason:
            return _ocr_pdf_pages(place, path, None, reader)
        raise _CannotCheckError(found.reason, found.hint)
    if found.kind == "pdf":
        empty = []
        for index, segment in enumerate(found.segments):
            if segment.text.strip():
                scan_lines(place, segment.text.split("\n"), public, page=segment.where)
            else:
                empty.append(index)
        return _ocr_pdf_pages(place, path, empty, reader) if empty else None
    lines = found.text.split("\n")
    if found.kind == "docx":
        table_place = _Place(place.file, "table")
        for table in _docx_tables(path):
            scan_table(table_place, table, public, free_text=False)
        place.findings.extend(table_place.findings)
        seen = {(f.kind, f.masked) for f in table_place.findings}
        text_place = _Place(place.file, "text")
        scan_lines(text_place, lines, public)
        place.findings.extend(f for f in text_place.findings if (f.kind, f.masked) not in seen)
        return None
    scan_lines(place, lines, public)
    return None


def _docx_tables(path: Path) -> list[Table]:
    """The Word file's tables, each with its first row as header (after extract checked it is no zip bomb)."""
    import docx

    try:
        document = docx.Document(str(path))
        tables = []
        for number, table in enumerate(document.tables, start=1):
            cells = [[cell.text for cell in row.cells] for row in table.rows]
            tables.append(table_of(cells, page=f"table {number}"))
        return tables
    except Exception:  # python-docx fails in many ways on a damaged file; its text was still read
        return []


def _ocr_pdf_pages(place: _Place, path: Path, pages: list[int] | None, reader: _Reader) -> NotChecked | None:
    missing = reader.ocr_missing()
    if missing is not None:
        what = "its pages have no text (a scan)" if pages is None else f"{len(pages)} page(s) have no text (scans)"
        return NotChecked(file=place.file, reason=f"{what}; {missing.reason}", hint=missing.hint)
    data = _read_bytes(path, MAX_DOCUMENT_BYTES)
    kind = "ocr-pdf-" + ("all" if pages is None else ",".join(map(str, pages)))
    read = reader.ocr_pages(kind, data, lambda: ocr_pdf(data, pages))
    if isinstance(read, Unreadable):
        raise _CannotCheckError(read.reason, read.hint)
    ocr_place = _Place(place.file, "ocr")
    for page in read:
        scan_lines(ocr_place, page.lines, reader.public, page=page.where)
    place.findings.extend(ocr_place.findings)
    return None


def _scan_image(place: _Place, path: Path, reader: _Reader) -> None:
    data = _read_bytes(path, MAX_DOCUMENT_BYTES)

    def read() -> list[OcrPage] | Unreadable:
        page = ocr_image(data)
        return page if isinstance(page, Unreadable) else [page]

    pages = reader.ocr_pages("ocr-image", data, read)
    if isinstance(pages, Unreadable):
        raise _CannotCheckError(pages.reason, pages.hint)
    for page in pages:
        scan_lines(place, page.lines, reader.public)


# ---------------------------------------------------------------------------------------------------------------
# A folder


_TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
_DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm"})
_TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})


def scan_file(root: Path, rel: str, reader: _Reader) -> tuple[list[Finding], NotChecked | None]:
    """The findings in one file of the folder, or why it could not be checked."""
    path = root / rel
    suffix = path.suffix.lower()
    public = reader.public
    read_by: ReadBy = "table" if suffix in (*_TABLE_SUFFIXES, ".xlsx", ".yaml", ".yml") else "text"
    if suffix in IMAGE_SUFFIXES:
        read_by = "ocr"
    place = _Place(rel, read_by)
    skipped: NotChecked | None = None
    try:
        if suffix in _TABLE_SUFFIXES:
            scan_table(place, table_of(_csv_rows(path)), public)
        elif suffix == ".xlsx":
            _scan_xlsx(place, path, public)
        elif suffix in (".yaml", ".yml"):
            _scan_yaml(place, path, rel, public)
        elif suffix in _TEXT_SUFFIXES:
            scan_lines(place, _text(_read_bytes(path, MAX_TEXT_BYTES)).splitlines(), public)
        elif suffix in _DOCUMENT_SUFFIXES:
            skipped = _scan_document(place, path, reader)
        elif suffix in IMAGE_SUFFIXES:
            missing = reader.ocr_missing()
            if missing is not None:
                return [], NotChecked(file=rel, reason=missing.reason, hint=missing.hint)
            _scan_image(place, path, reader)
        else:
            shown = suffix or "(no suffix)"
            return [], NotChecked(
                file=rel,
                reason=f"narr-audit cannot read {shown} files, so it could not look for resident data in it",
                hint="check it by hand before sending it, or save it as PDF",
            )
    except _CannotCheckError as exc:
        return place.findings, NotChecked(file=rel, reason=exc.reason, hint=exc.hint)
    return place.findings, skipped


def walk(root: Path) -> list[str]:
    """Every file of the folder the guard reads: hidden files, links leading out of the folder and the
    folder's own upkeep (residence.yaml, its README, review.yaml) left out, as the loader does."""
    from narr_audit.evidence.organization import ORGANIZATION, ORGANIZATION_SCHEMA_FILE, is_organization

    # An organization folder's own files, and each property's (its residence.yaml, README, review.yaml).
    organization = is_organization(root)
    found: list[str] = []
    for current, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(current)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink())
        upkeep = organization and here != root and MANIFEST in filenames
        for name in sorted(filenames):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if name.startswith(".") or rel in SKIPPED_AT_ROOT or (upkeep and name in SKIPPED_AT_ROOT):
                continue
            if organization and rel in (ORGANIZATION, ORGANIZATION_SCHEMA_FILE):
                continue
            try:
                inside = path.resolve().is_relative_to(root) and path.is_file()
            except (OSError, RuntimeError):
                inside = False
            if inside:
                found.append(rel)
    return sorted(found)


def scan_folder(
    folder: Path,
    files: Sequence[str] | None = None,
    *,
    public: Public | None = None,
    ocr: bool = True,
    cache: ExtractionCache | None = None,
) -> PrivacyScan:
    """Resident data in ``files`` of the folder (default: every file it holds). Photos are read by OCR
    a few at a time (Tesseract is a program of its own); everything else one by one. ``cache`` keeps
    extracted text and OCR results between runs; it is never used when it would sit inside the folder."""
    root = folder.resolve()
    chosen = list(files) if files is not None else walk(root)
    if cache is not None and cache.inside(root):
        cache = None
    reader = _Reader(public or public_from_manifest(root), ocr, cache)
    results: dict[str, tuple[list[Finding], NotChecked | None]] = {}
    images = [rel for rel in chosen if Path(rel).suffix.lower() in IMAGE_SUFFIXES]
    for rel in chosen:
        if rel not in images:
            results[rel] = scan_file(root, rel, reader)
    if images:
        with ThreadPoolExecutor(max_workers=min(OCR_WORKERS, len(images))) as pool:
            read = pool.map(lambda r: scan_file(root, r, reader), images)
            results.update(zip(images, read, strict=True))
    findings: list[Finding] = []
    not_checked: list[NotChecked] = []
    for rel in chosen:
        found, skipped = results[rel]
        findings.extend(found)
        if skipped is not None:
            not_checked.append(skipped)
    return PrivacyScan(
        folder=str(folder),
        checked=[rel for rel in chosen if results[rel][1] is None],
        findings=findings,
        not_checked=not_checked,
        ocr=reader.ocr_missing() is None,
    )


# ---------------------------------------------------------------------------------------------------------------
# Redacted copies of logs


@dataclass(frozen=True)
class Redacted:
    """What redaction wrote, and the files with findings that must be redacted by hand."""

    written: list[str]
    by_hand: list[NotChecked]


_REDACTABLE = frozenset({".csv", ".tsv", ".xlsx"})


def redact_text(text: str, public: Public) -> str:
    """A cell with its resident data replaced: names by initials, the rest by [removed]."""
    hits = text_hits(text, text, public)
    for hit in reversed(hits):
        value = text[hit.start : hit.end]
        replacement = initials(value) if hit.kind is Column.NAME else "[removed]"
        text = text[: hit.start] + replacement + text[hit.end :]
    return text


def initials(name: str) -> str:
    """'Jane Smith' -> 'J.S.' (how a log should refer to a resident)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", name)
    return "".join(f"{w[0].upper()}." for w in words) or "[removed]"


def redact_rows(rows: list[list[str]], public: Public) -> list[list[str]]:
    """A log's rows with people columns turned to initials or removed, other cells cleaned."""
    table = table_of(rows)
    kinds = [classify(h) for h in table.header] if table.header else []
    keep = [i for i, kind in enumerate(kinds) if kind not in _REMOVED_COLUMNS]
    out: list[list[str]] = []
    if table.header is not None:
        out.append([table.header[i] for i in keep])
    for _, row in table.rows:
        cleaned: list[str] = []
        for i, cell in enumerate(row):
            kind = kinds[i] if i < len(kinds) else None
            if kind in _REMOVED_COLUMNS:
                continue
            if kind is Column.NAME and looks_like_name(cell):
                cleaned.append(initials(cell))
            else:
                cleaned.append(redact_text(cell, public))
        out.append(cleaned)
    return out


def redact_to(folder: Path, out: Path, scan: PrivacyScan, *, public: Public | None = None) -> Redacted:
    """Redacted copies of the logs with findings, written under ``out`` at their folder paths.

    ``out`` must be outside the folder (checked by the caller); a copy is written to a temporary file
    beside its target and renamed over it, so a link planted in ``out`` is replaced, never followed.
    """
    root = folder.resolve()
    public = public or public_from_manifest(root)
    written: list[str] = []
    by_hand: list[NotChecked] = []
    for rel in scan.files_with_findings():
        suffix = Path(rel).suffix.lower()
        if suffix not in _REDACTABLE:
            by_hand.append(
                NotChecked(
                    file=rel,
                    reason="narr-audit redacts only CSV, TSV and Excel logs",
                    hint="black out the resident data (or remove the page), save a new copy and map that instead",
                )
            )
            continue
        target = _target(root, out, rel)
        try:
            if suffix == ".xlsx":
                _write_xlsx(target, [redact_rows(rows, public) for rows in _xlsx_sheets(root / rel)])
            else:
                delimiter = "\t" if suffix == ".tsv" else ","
                rows = redact_rows(_csv_rows(root / rel), public)
                buffer = io.StringIO()
                csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
                _write_replacing(target, buffer.getvalue().encode("utf-8"))
        except _CannotCheckError as exc:
            by_hand.append(NotChecked(file=rel, reason=exc.reason, hint=exc.hint))
            continue
        written.append(rel)
    return Redacted(written, by_hand)


def _target(root: Path, out: Path, rel: str) -> Path:
    target = out / rel
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        parent = target.parent.resolve()
    except OSError as exc:
        raise NarrError.single(
            f"cannot create the folder for the redacted copy ({exc.strerror or exc})", file=str(target.parent)
        ) from None
    if parent == root or root in parent.parents:
        raise NarrError.single(
            "a folder of --redact-to leads into the evidence folder, which narr-audit only reads",
            file=str(target.parent),
            field="--redact-to",
            hint="choose an empty folder outside the evidence folder",
        )
    return target


def _write_replacing(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.narr-audit-tmp")
    try:
        temporary.unlink(missing_ok=True)
        with temporary.open("xb") as handle:
            handle.write(data)
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise NarrError.single(
            f"cannot write the redacted copy ({exc.strerror or exc})", file=str(target), field="--redact-to"
        ) from None


def _write_xlsx(target: Path, sheets: list[list[list[str]]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for number, rows in enumerate(sheets, start=1):
        sheet = book.create_sheet(f"Sheet{number}")
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    _write_replacing(target, buffer.getvalue())
