"""Evidence rules that match their sources: what each rule accepts is what the sources accept.

A rule whose sources take an operator's attestation, a policy or a record as alternatives lists them
as alternatives, and where a record is demanded the provenance says whether a written procedure with
the reviewer's site visit stands in for it, at which levels, and on whose word.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.base.levels import ALL_LEVELS
from narr_audit.checks.attestation import AttestationCheck
from narr_audit.checks.log import LogCheck
from narr_audit.standards.loader import load_narr
from narr_audit.standards.model import AnyOf, Rulebook

from .folders import make_folder

TODAY = date(2026, 11, 1)

NONDISCRIMINATION_ATTESTATION = {
    "rule": "1.A.2.d",
    "statement": "The residence complies with state and federal law, nondiscrimination and fair housing included.",
    "signed_by": "P. Lee, Operator",
    "date": "2026-09-01",
}

NALOXONE_PROCEDURE = """# Naloxone procedure

Naloxone (Narcan nasal spray) is kept in the red first-aid box on the kitchen wall, by the back door.

The house president and both house officers are trained to give naloxone, and they renew the
training every year.

If someone will not wake up, call 911, give one dose in a nostril and stay with the person until help
arrives.
"""

# The same procedure without the place where the naloxone is kept.
NALOXONE_PROCEDURE_NO_PLACE = """# Naloxone procedure

The house president and both house officers are trained to give naloxone, and they renew the
training every year.

If someone will not wake up, call 911, give one dose in a nostril and stay with the person until help
arrives.
"""

VERIFIED = "reviewer: Jordan Ames, AzRHA\nvisited_on: 2026-10-20\nfindings:\n  - rule: 2.F.19.d\n    verified: true\n"


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_narr()


def _naloxone_house(tmp_path: Path, level: str, procedure: str = NALOXONE_PROCEDURE) -> Path:
    return make_folder(
        tmp_path / f"house-{level}",
        level=level,
        files={"policies/naloxone.md": procedure},
        evidence=[{"file": "policies/naloxone.md", "rules": ["2.F.19.d"]}],
    )


def _review(tmp_path: Path) -> Path:
    path = tmp_path / "review.yaml"
    path.write_text(VERIFIED, encoding="utf-8")
    return path


# --- 1.A.2.d: the signed attestation the sources ask for is enough ---------------------------------


def test_legal_compliance_is_met_by_a_signed_attestation_alone(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", attestations=[NONDISCRIMINATION_ATTESTATION])
    report = audit(folder, today=TODAY)
    result = report.result("1.A.2.d")
    assert result is not None and result.status == "attested"
    assert result.self_reported
    assert "1.A.2.d" not in report.gaps


def test_legal_compliance_is_met_by_a_nondiscrimination_statement_instead(tmp_path: Path) -> None:
    agreement = (
        "# Resident agreement\n\n## Your rights\n\nWe do not discriminate against any applicant or resident "
        "on the basis of race, color, religion, sex, national origin, disability or familial status.\n"
    )
    folder = make_folder(
        tmp_path / "house",
        files={"resident-agreement.md": agreement},
        evidence=[{"file": "resident-agreement.md", "rules": ["1.A.2.d"]}],
    )
    result = audit(folder, today=TODAY).result("1.A.2.d")
    assert result is not None and result.status == "met"


def test_legal_compliance_without_either_is_a_gap_naming_both_ways(tmp_path: Path) -> None:
    report = audit(make_folder(tmp_path / "house"), today=TODAY)
    result = report.result("1.A.2.d")
    assert result is not None and result.status == "not_met" and "1.A.2.d" in report.gaps
    missing = " ".join(result.missing)
    assert "attestation" in missing and "Nondiscrimination statement" in missing


def test_a_stale_legal_compliance_attestation_does_not_count(tmp_path: Path) -> None:
    stale = {**NONDISCRIMINATION_ATTESTATION, "date": "2025-06-01"}
    result = audit(make_folder(tmp_path / "house", attestations=[stale]), today=TODAY).result("1.A.2.d")
    assert result is not None and result.status == "not_met"


# --- 2.F.19.d: a naloxone procedure with the reviewer's visit at Levels I-II -----------------------


@pytest.mark.parametrize("level", ["I", "II"])
def test_overdose_readiness_is_met_by_a_naloxone_procedure_and_the_site_visit(tmp_path: Path, level: str) -> None:
    folder = _naloxone_house(tmp_path, level)
    before = audit(folder, today=TODAY)
    waiting = before.result("2.F.19.d")
    assert waiting is not None and waiting.status == "awaiting_site_visit", waiting
    assert "2.F.19.d" not in before.gaps and "2.F.19.d" in before.site_visit
    assert "no log is mapped" not in waiting.reason

    after = audit(folder, today=TODAY, review=_review(tmp_path)).result("2.F.19.d")
    assert after is not None and after.status == "met"
    assert any(ref.file == "policies/naloxone.md" for ref in after.evidence)


def test_a_naloxone_procedure_that_does_not_say_where_it_is_kept_leaves_the_supply_item_open(tmp_path: Path) -> None:
    folder = _naloxone_house(tmp_path, "II", NALOXONE_PROCEDURE_NO_PLACE)
    report = audit(folder, today=TODAY, review=_review(tmp_path))
    result = report.result("2.F.19.d")
    assert result is not None and result.status == "partial" and "2.F.19.d" in report.gaps
    assert any("Naloxone procedure saying where naloxone is kept" in m for m in result.missing), result.missing


@pytest.mark.parametrize("level", ["III", "IV"])
def test_staffed_homes_keep_naloxone_training_and_supply_records(tmp_path: Path, level: str) -> None:
    folder = _naloxone_house(tmp_path, level)
    report = audit(folder, today=TODAY, review=_review(tmp_path))
    result = report.result("2.F.19.d")
    assert result is not None and result.status == "partial" and "2.F.19.d" in report.gaps
    missing = " ".join(result.missing)
    assert "Naloxone training records" in missing and "Naloxone supply checks" in missing


# --- 3.G.24: the services and their supervision wait for the reviewer, not for a log --------------


@pytest.mark.parametrize("rule_id", ["3.G.24.a", "3.G.24.b"])
def test_recovery_support_records_may_be_replaced_by_the_site_visit(tmp_path: Path, rule_id: str) -> None:
    result = audit(make_folder(tmp_path / "house", level="III"), today=TODAY).result(rule_id)
    assert result is not None
    records = [c for c in result.checks if any(a.kind == "log" for a in c.alternatives)]
    assert records and all(c.status == "awaiting_site_visit" for c in records), records


# --- the library as a whole -------------------------------------------------------------------------


def test_every_log_check_names_the_kind_of_record_it_must_be(book: Rulebook) -> None:
    logs = [(rule.id, check) for rule in book.rules() for check in rule.checks() if isinstance(check, LogCheck)]
    assert len(logs) >= 25
    unnamed = [f"{rule_id}: {check.label}" for rule_id, check in logs if check.record is None]
    assert not unnamed, unnamed


def test_a_rule_never_asks_two_different_logs_for_the_same_kind_of_record(book: Rulebook) -> None:
    """Each log check of a rule reads its own kind of record, so one log cannot serve as two."""
    for rule in book.rules():
        for level in ALL_LEVELS:
            kinds: dict[str, str] = {}
            for item in rule.evidence:
                if not item.applies_at(level):
                    continue
                for check in item.any_of if isinstance(item, AnyOf) else [item]:
                    if isinstance(check, LogCheck) and check.applies_at(level) and check.record is not None:
                        seen = kinds.setdefault(check.record, check.label)
                        assert seen == check.label, (rule.id, level, check.record)


def test_every_rule_whose_provenance_accepts_an_attestation_offers_one(book: Rulebook) -> None:
    said = {r.id for r in book.rules() if re.search(r"attestation accepted", r.provenance.note or "", re.I)}
    offered = {r.id for r in book.rules() if any(isinstance(c, AttestationCheck) for c in r.checks())}
    assert said == offered, f"provenance says so but no check: {sorted(said - offered)}; " + (
        f"a check the provenance does not account for: {sorted(offered - said)}"
    )
    assert {"1.A.2.c", "1.A.2.d", "1.A.2.e", "2.F.17.a", "2.F.17.b"} <= offered


def test_every_record_a_rule_asks_for_has_its_decision_and_source_in_provenance(book: Rulebook) -> None:
    decided = re.compile(r"record required|procedure \+ site visit accepted", re.I)
    undecided = [
        r.id
        for r in book.rules()
        if any(isinstance(c, LogCheck) for c in r.checks()) and not decided.search(r.provenance.note or "")
    ]
    assert not undecided, undecided


def test_life_safety_records_stay_required_where_the_sources_demand_them(book: Rulebook) -> None:
    """Detector checks at every level and fire drills at II-IV are never replaced by a procedure."""
    rule = book.rule("2.F.17.c")
    assert rule is not None
    for level in ALL_LEVELS:
        plain = [i for i in rule.evidence if not isinstance(i, AnyOf) and i.applies_at(level)]
        records = {c.record for c in plain if isinstance(c, LogCheck)}
        assert "detector_check" in records
        assert ("fire_drill" in records) == (level != ALL_LEVELS[0])
