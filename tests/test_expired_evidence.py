"""Expired evidence never counts, in any position: an expired lease is not the owner's permission, an
expired insurance certificate is not proof of cover, an expired log is not a record; and the reason
names the date it expired and, when it came from the document's text, where that date was read."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from narr_audit.api import audit
from narr_audit.checks import evaluate
from narr_audit.checks.interface import Context
from narr_audit.checks.log import LogCheck
from narr_audit.evidence.model import Attestation, Document, LogRecord

from .folders import make_folder

TODAY = date(2026, 11, 1)

LEASE = """# Residential lease - 41 Cedar Lane

Landlord (lessor): Laurel Ridge Rentals LLC. Tenant (lessee): Test Recovery LLC.
Premises: the single-family house and yard at 41 Cedar Lane.

## Use of the premises

The landlord agrees that the tenant will use the premises as a recovery residence: a sober living home for up to
six adults in recovery, who live together as a single household.
"""

CERTIFICATE = """# Certificate of liability insurance

Named insured: Test Recovery LLC, operator of Test House.
Commercial general liability insurance covering bodily injury and property damage claims, $1,000,000 each occurrence.
Policy period: 10/01/2025 to 10/01/2026.
"""


def lease_folder(root: Path, **entry: Any) -> Path:
    return make_folder(
        root,
        files={"business/lease.md": LEASE},
        evidence=[{"file": "business/lease.md", "rules": ["1.A.2.c"], **entry}],
    )


def test_a_current_lease_is_the_owners_permission(tmp_path: Path) -> None:
    result = audit(lease_folder(tmp_path, expires="2027-02-28"), today=TODAY).result("1.A.2.c")
    assert result is not None and result.status == "met", result.reason if result else None


def test_an_expired_lease_beside_a_missing_owner_letter_satisfies_no_alternative(tmp_path: Path) -> None:
    result = audit(lease_folder(tmp_path, expires="2026-03-01"), today=TODAY).result("1.A.2.c")
    assert result is not None and result.status == "not_met"
    (item,) = result.checks
    assert item.kind == "any_of" and item.status == "not_met"
    lease, letter, attestation = item.alternatives
    for alternative in (lease, letter):
        assert alternative.status == "not_met"
        assert alternative.reason.startswith("business/lease.md expired on 2026-03-01, so it does not count")
        assert "no current document is mapped to 1.A.2.c" in alternative.reason
        assert [e.file for e in alternative.evidence] == ["business/lease.md"]
    assert attestation.status == "not_met"
    assert "business/lease.md expired on 2026-03-01" in result.reason


def test_a_lease_whose_term_in_its_text_has_run_out_is_expired(tmp_path: Path) -> None:
    text = LEASE + "\nThe lease is for a term of twelve months beginning March 1, 2025.\n"
    folder = make_folder(
        tmp_path,
        files={"business/lease.md": text},
        evidence=[{"file": "business/lease.md", "rules": ["1.A.2.c"]}],
    )
    result = audit(folder, today=TODAY).result("1.A.2.c")
    assert result is not None and result.status == "not_met"
    assert (
        "business/lease.md expired on 2026-02-28 (read from the text under 'Use of the premises' "
        "(a 12-month term from 2025-03-01)), so it does not count"
    ) in result.reason


def test_an_expired_insurance_certificate_is_neither_current_nor_proof_of_cover(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path,
        files={"business/insurance.md": CERTIFICATE.replace("Policy period", "Coverage")},
        evidence=[{"file": "business/insurance.md", "rules": ["1.A.2.b"], "expires": "2026-10-01"}],
    )
    result = audit(folder, today=TODAY).result("1.A.2.b")
    assert result is not None and result.status == "not_met"
    current, document = result.checks
    assert current.status == "not_met" and "it expired on 2026-10-01, 31 days before the assessment date" in (
        current.reason
    )
    assert document.status == "not_met"
    assert document.reason.startswith("business/insurance.md expired on 2026-10-01, so it does not count")


def test_a_certificate_whose_expiry_is_read_from_its_text_is_expired_and_says_where(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path,
        files={"business/insurance.md": CERTIFICATE},
        evidence=[{"file": "business/insurance.md", "rules": ["1.A.2.b"]}],
    )
    result = audit(folder, today=TODAY).result("1.A.2.b")
    assert result is not None and result.status == "not_met"
    where = "read from the text under 'Certificate of liability insurance'"
    current, document = result.checks
    assert f"it expired on 2026-10-01, {where}, 31 days before the assessment date" in current.reason
    assert document.reason.startswith(f"business/insurance.md expired on 2026-10-01 ({where}), so it does not count")


def test_a_document_is_still_current_on_its_expiry_day(tmp_path: Path) -> None:
    result = audit(lease_folder(tmp_path, expires="2026-11-01"), today=TODAY).result("1.A.2.c")
    assert result is not None and result.status == "met"


def test_an_expired_document_is_not_current_even_where_only_its_age_is_asked() -> None:
    from narr_audit.checks.current import CurrentCheck

    policy = Document(
        path="policies/fire-inspection.pdf",
        kind="pdf",
        rules=["9.Z.1.a"],
        mapped_by=["manifest"],
        reviewed=date(2026, 6, 1),
        expires=date(2026, 9, 1),
    )
    outcome = evaluate(CurrentCheck(label="Fire inspection within a year", max_age_days=365), context(policy))
    assert outcome.status == "not_met"
    assert "it expired on 2026-09-01" in outcome.reason


def context(*documents: Document, attestations: tuple[Attestation, ...] = ()) -> Context:
    return Context(rule_id="9.Z.1.a", assessed_on=TODAY, documents=documents, attestations=attestations)


def test_an_expired_log_is_not_a_record() -> None:
    dates = [date(2026, 10, d) for d in (1, 8, 15, 22, 29)]
    log = Document(
        path="logs/house-meetings.csv",
        kind="log",
        rules=["9.Z.1.a"],
        mapped_by=["manifest"],
        expires=date(2026, 10, 31),
        records=[LogRecord(date=d, row=n + 2) for n, d in enumerate(dates)],
    )
    check = LogCheck(label="House meeting log", min_entries=4, within_days=31)
    assert evaluate(check, context(log.model_copy(update={"expires": None}))).status == "met"
    outcome = evaluate(check, context(log))
    assert outcome.status == "not_met"
    assert outcome.reason.startswith("logs/house-meetings.csv expired on 2026-10-31, so it does not count")


def test_an_attestation_whose_scan_has_expired_does_not_count() -> None:
    from narr_audit.checks.attestation import AttestationCheck

    scan = Document(
        path="attestations/owner.pdf",
        kind="pdf",
        rules=["9.Z.1.a"],
        mapped_by=["manifest"],
        expires=date(2026, 6, 30),
    )
    signed = Attestation(
        rule="9.Z.1.a",
        statement="The owner of record is a part owner of the operator.",
        signed_by="A. Owner, managing member",
        date=date(2026, 1, 5),
        file="attestations/owner.pdf",
    )
    check = AttestationCheck(label="Owner attestation", statement="The owner of record is an owner of the operator.")
    outcome = evaluate(check, context(scan, attestations=(signed,)))
    assert outcome.status == "not_met"
    assert "attestations/owner.pdf expired on 2026-06-30" in outcome.reason
    current = scan.model_copy(update={"expires": date(2027, 6, 30)})
    assert evaluate(check, context(current, attestations=(signed,))).status == "attested"
