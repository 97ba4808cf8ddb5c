"""Dates read from a document's own words: a certificate's policy period, a lease's term, "valid through",
"expires on". residence.yaml wins; the text fills its gaps; a clash is a warning naming both dates, and a
date that reads as the year 9999 is never used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.evidence.content import Extracted, Segment
from narr_audit.evidence.docdates import fill_dates, read_dates

from .folders import make_folder

TODAY = date(2026, 11, 1)


def dates_in(text: str, where: str | None = "page 1") -> dict[str, str]:
    found = read_dates(Extracted("text", (Segment(where, text),))).found
    return {role: d.value.isoformat() for role, d in found.items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "CERTIFICATE OF LIABILITY INSURANCE\nPolicy period: 01/15/2026 to 01/15/2027",
            {"effective": "2026-01-15", "expires": "2027-01-15"},
            id="policy period",
        ),
        pytest.param(
            "POLICY EFF 01/15/2026 POLICY EXP 01/15/2027",
            {"effective": "2026-01-15", "expires": "2027-01-15"},
            id="ACORD labels with their dates",
        ),
        pytest.param(
            "DATE (MM/DD/YYYY) 01/10/2026\n"
            "TYPE OF INSURANCE POLICY NUMBER POLICY EFF (MM/DD/YYYY) POLICY EXP (MM/DD/YYYY) LIMITS\n"
            "X COMMERCIAL GENERAL LIABILITY CGL-1234 01/15/2026 01/15/2027 EACH OCCURRENCE $ 1,000,000\n"
            "AUTOMOBILE LIABILITY AU-77 02/01/2026 02/01/2027",
            {"effective": "2026-01-15", "expires": "2027-01-15"},
            id="ACORD 25 table: the first policy row, not the certificate's own date",
        ),
        pytest.param(
            "The Landlord leases the premises to the Tenant for a term of twelve (12) months beginning March 1, 2026.",
            {"effective": "2026-03-01", "expires": "2027-02-28"},
            id="lease term from its start",
        ),
        pytest.param(
            "This lease commencing on March 1, 2026 and ending on February 28, 2027.",
            {"effective": "2026-03-01", "expires": "2027-02-28"},
            id="commencing and ending",
        ),
        pytest.param(
            "Term: two years, from 2025-06-01 to 2027-05-31, renewing by agreement.",
            {"effective": "2025-06-01", "expires": "2027-05-31"},
            id="a lease's Term line",
        ),
        pytest.param("Business licence BL-118804, valid through December 31, 2026.", {"expires": "2026-12-31"}),
        pytest.param("This permit expires on 6/30/27.", {"expires": "2027-06-30"}, id="two-digit year"),
        pytest.param("Expiration date: Jan. 15th, 2027", {"expires": "2027-01-15"}),
        pytest.param(
            "Adopted on January 5, 2025. Effective date: 2026-01-15. Last reviewed: 15 September 2026.",
            {"effective": "2026-01-15", "reviewed": "2026-09-15"},
            id="an effective date outranks the adoption date",
        ),
        pytest.param(
            "Date issued: 2026-03-20.\nPolicy effective date: 2026-04-01. Policy expiration date: 2027-04-01.",
            {"effective": "2026-04-01", "expires": "2027-04-01"},
            id="the policy's dates outrank the certificate's issue date",
        ),
    ],
)
def test_dates_are_read_from_the_ways_documents_write_them(text: str, expected: dict[str, str]) -> None:
    assert dates_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "At the beginning of each month the house meets. Rent is due from the 1st.",
        "The phone list ends 2025-01-01 and starts again in spring.",
        "Officers serve a three-month term. Edition 4, effective 2026-02-01.",
        "Medication that is expired is taken to the pharmacy; the 2025-03-01 review changed the lockbox rule.",
    ],
)
def test_a_stray_date_never_dates_the_document(text: str) -> None:
    found = dates_in(text)
    assert "expires" not in found, found


def test_where_a_date_was_read_is_said_the_way_reports_say_it() -> None:
    page = read_dates(Extracted("pdf", (Segment("page 2", "Valid through 2027-01-31."),))).found["expires"]
    heading = read_dates(Extracted("markdown", (Segment("Term", "The licence expires on 2027-01-31."),))).found[
        "expires"
    ]
    lease = read_dates(
        Extracted("pdf", (Segment("page 1", "a two-year lease beginning on the 1st day of March, 2026"),))
    ).found["expires"]
    assert page.source == "read from the text on page 2"
    assert heading.source == "read from the text under 'Term'"
    assert (lease.value, lease.source) == (
        date(2028, 2, 29),
        "read from the text on page 1 (a 24-month term from 2026-03-01)",
    )


def test_a_date_reading_as_the_year_9999_or_no_real_day_is_ignored_and_said() -> None:
    content = Extracted("pdf", (Segment("page 1", "Expires on 12/31/9999. Effective date: 02/30/2026."),))
    read = read_dates(content)
    assert read.found == {}
    assert {(i.role, i.why) for i in read.ignored} == {
        ("expires", "reads as the year 9999"),
        ("effective", "is not a real date"),
    }
    filled = fill_dates(
        "cert.pdf", content, {"effective": (None, "residence.yaml"), "expires": (None, "residence.yaml")}
    )
    assert filled.dates == {"effective": None, "expires": None}
    assert [(w.file, w.field) for w in filled.warnings] == [("cert.pdf", "expires"), ("cert.pdf", "effective")]
    assert "the expiry date written in the text on page 1 reads as the year 9999" in filled.warnings[0].message


def test_the_manifest_wins_and_a_clash_names_both_dates() -> None:
    content = Extracted("pdf", (Segment("page 1", "Policy period: 01/15/2026 to 01/15/2027"),))
    filled = fill_dates(
        "insurance.pdf",
        content,
        {"effective": (None, "residence.yaml"), "expires": (date(2027, 3, 1), "residence.yaml")},
    )
    assert filled.dates == {"effective": date(2026, 1, 15), "expires": date(2027, 3, 1)}
    assert filled.from_text == {"effective": "read from the text on page 1"}
    (warning,) = filled.warnings
    assert warning.file == "insurance.pdf" and warning.field == "expires"
    assert "2027-03-01" in warning.message and "2027-01-15" in warning.message
    assert "narr-audit uses 2027-03-01 from residence.yaml" in warning.message


def test_reading_a_huge_document_of_cues_stays_quick() -> None:
    """Each cue looks only at a short window after it, so the time grows with the text, not its square."""
    text = "expires on the day ending " * 50_000 + "Valid through 2027-01-31."
    assert dates_in(text) == {"expires": "2027-01-31"}


# In a folder


CERTIFICATE = """# Certificate of liability insurance

Named insured: Test Recovery LLC, operator of Test House.
Commercial general liability insurance covering bodily injury and property damage claims, $1,000,000 each occurrence.
Policy period: {start} to {end}.
"""


def certificate_folder(root: Path, start: str, end: str, **entry: str) -> Path:
    return make_folder(
        root,
        files={"business/insurance.md": CERTIFICATE.format(start=start, end=end)},
        evidence=[{"file": "business/insurance.md", "rules": ["1.A.2.b"], **entry}],
    )


def test_a_certificates_expiry_read_from_its_text_makes_it_current(tmp_path: Path) -> None:
    report = audit(certificate_folder(tmp_path, "01/15/2026", "01/15/2027"), today=TODAY)
    result = report.result("1.A.2.b")
    assert result is not None and result.status == "met", result.reason if result else None
    current = next(c for c in result.checks if c.kind == "current")
    assert current.reason == (
        "business/insurance.md is current: not expired "
        "(expires 2027-01-15, read from the text under 'Certificate of liability insurance')"
    )
    assert next(d for d in report.documents if d.path == "business/insurance.md")


def test_a_certificate_whose_text_says_it_expired_is_not_met_and_says_where_the_date_was_read(tmp_path: Path) -> None:
    result = audit(certificate_folder(tmp_path, "01/15/2025", "01/15/2026"), today=TODAY).result("1.A.2.b")
    assert result is not None and result.status == "not_met"
    assert "expired on 2026-01-15, read from the text under 'Certificate of liability insurance'" in result.reason


def test_a_clash_with_residence_yaml_is_a_warning_and_residence_yaml_wins(tmp_path: Path) -> None:
    folder = certificate_folder(tmp_path, "01/15/2025", "01/15/2026", expires="2027-01-15")
    report = audit(folder, today=TODAY)
    result = report.result("1.A.2.b")
    assert result is not None and result.status == "met"
    (warning,) = [w for w in report.warnings if w.file == "business/insurance.md"]
    assert "residence.yaml gives expires: 2027-01-15" in warning.message and "says 2026-01-15" in warning.message


def test_a_date_in_the_year_9999_ends_cleanly_as_a_warning_never_as_a_date(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path,
        files={"business/insurance.md": "# Certificate\n\nCommercial general liability. Expires on 12/31/9999.\n"},
        evidence=[{"file": "business/insurance.md", "rules": ["1.A.2.b"]}],
    )
    report = audit(folder, today=TODAY)
    result = report.result("1.A.2.b")
    assert result is not None and result.status != "met"
    current = next(c for c in result.checks if c.kind == "current")
    assert "no expiry date is given" in current.reason
    assert any(
        w.file == "business/insurance.md" and "reads as the year 9999, so it is ignored" in w.message
        for w in report.warnings
    )
