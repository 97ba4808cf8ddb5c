"""The engine on small folders: statuses, exceptions, levels, alternatives and what reports carry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.base.errors import NarrError
from narr_audit.base.levels import Level

from .folders import MISSION, make_folder

TODAY = date(2026, 11, 23)


def test_a_covered_mission_statement_is_met_with_where_it_matched(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path,
        files={"policies/mission.md": MISSION},
        evidence=[{"file": "policies/mission.md", "rules": ["1.A.1.a"]}],
    )
    result = audit(folder, today=TODAY).result("1.A.1.a")
    assert result is not None
    assert result.status == "met"
    assert [(e.file, e.where) for e in result.evidence] == [("policies/mission.md", "Mission")]
    assert result.fix is None and result.missing == []


def test_a_policy_missing_a_topic_is_partial_and_says_what_to_add(tmp_path: Path) -> None:
    text = "# Mission\nOur mission is to help people in recovery from addiction.\n"
    folder = make_folder(tmp_path, files={"mission.md": text}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}])
    result = audit(folder, today=TODAY).result("1.A.1.a")
    assert result is not None
    assert result.status == "partial"
    assert result.missing == ["shared with decision makers"]
    assert result.fix and "mission" in result.fix.lower()


def test_rules_not_applicable_at_the_level_are_not_scored(tmp_path: Path) -> None:
    report = audit(make_folder(tmp_path, level="I"), today=TODAY)
    result = report.result("1.D.9.a")
    assert result is not None and result.status == "not_applicable"
    assert "1.D.9.a" not in report.gaps
    assert report.score.counts.not_applicable >= 1
    assert report.score.possible == sum(
        1 for r in report.results if r.level_status == "required" and r.status != "awaiting_site_visit"
    )


def test_recommended_rules_are_shown_with_their_evidence_but_not_scored(tmp_path: Path) -> None:
    report = audit(make_folder(tmp_path, level="II"), today=TODAY)
    result = report.result("1.C.7.a")
    assert result is not None
    assert result.status == "recommended" and result.evaluated == "not_met"
    assert "1.C.7.a" not in report.gaps


def test_level_option_overrides_the_residence_level(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, level="II")
    assert audit(folder, today=TODAY, level=Level.IV).result("1.A.2.f").status == "not_met"  # type: ignore[union-attr]
    assert audit(folder, today=TODAY).result("1.A.2.f").status == "recommended"  # type: ignore[union-attr]


def test_an_attestation_alternative_meets_the_rule_as_self_reported(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path,
        attestations=[
            {
                "rule": "1.A.2.g",
                "statement": "No resident does paid work for us.",
                "signed_by": "Pat Lee, Director",
                "date": "2026-09-01",
            }
        ],
    )
    result = audit(folder, today=TODAY).result("1.A.2.g")
    assert result is not None
    assert result.status == "attested" and result.self_reported
    assert "Pat Lee" in result.reason


EXCEPTION = {"rule": "1.A.1.a", "reason": "Mission being rewritten with the board.", "approved_by": "J. Doe, AzRHA"}


@pytest.mark.parametrize(
    ("expires", "status", "warned"),
    [
        ("2027-06-30", "excepted", False),
        ("2026-11-01", "excepted", True),  # expiring on the assessment day itself still counts, with a warning
        ("2026-12-01", "excepted", True),  # 30 days left: warned
        ("2026-12-02", "excepted", False),  # 31 days left: not yet warned
        ("2026-10-31", "not_met", False),  # expired the day before
        ("2026-02-30", "not_met", False),  # not a real date: counts as not met
    ],
)
def test_exceptions_by_their_expiry(tmp_path: Path, expires: str, status: str, warned: bool) -> None:
    folder = make_folder(tmp_path, exceptions=[{**EXCEPTION, "expires": expires}])
    report = audit(folder, today=TODAY)
    result = report.result("1.A.1.a")
    assert result is not None and result.exception is not None
    assert result.status == status
    if status == "excepted":
        assert "J. Doe, AzRHA" in result.reason
    elif expires == "2026-02-30":
        assert "not a valid date" in result.reason
    else:
        assert f"expired on {expires}" in result.reason
        assert result.fix and result.fix.startswith("Renew the exception")
    assert any(w.rule == "1.A.1.a" and "expires on" in w.message for w in report.warnings) == warned


def test_an_expired_exception_does_not_hide_evidence_that_meets_the_rule(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path,
        files={"mission.md": MISSION},
        evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}],
        exceptions=[{**EXCEPTION, "expires": "2026-01-01"}],
    )
    assert audit(folder, today=TODAY).result("1.A.1.a").status == "met"  # type: ignore[union-attr]


def test_an_unreadable_document_is_an_error_result_and_a_warning(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path,
        files={"mission.pdf": b"%PDF-1.4 this is not really a pdf"},
        evidence=[{"file": "mission.pdf", "rules": ["1.A.1.a"]}],
    )
    report = audit(folder, today=TODAY)
    result = report.result("1.A.1.a")
    assert result is not None and result.status == "error"
    assert "mission.pdf" in result.reason
    assert any(w.file == "mission.pdf" and "could not be read" in w.message for w in report.warnings)
    assert report.verdict == "not_ready"


def test_gaps_put_life_safety_first_then_not_met_before_partial(tmp_path: Path) -> None:
    text = "# Mission\nOur mission is to help people in recovery from addiction.\n"
    folder = make_folder(tmp_path, files={"mission.md": text}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}])
    report = audit(folder, today=TODAY)
    by_id = {r.id: r for r in report.results}
    flags = [(by_id[g].life_safety, by_id[g].status) for g in report.gaps]
    first_other = next(n for n, (life, _) in enumerate(flags) if not life)
    assert all(life for life, _ in flags[:first_other]) and not any(life for life, _ in flags[first_other:])
    others = [s for _, s in flags[first_other:]]
    assert others.index("partial") > max(n for n, s in enumerate(others) if s == "not_met")


def test_site_visit_rules_await_the_reviewer_and_do_not_block_readiness(tmp_path: Path) -> None:
    report = audit(make_folder(tmp_path), today=TODAY)
    awaiting = [r for r in report.results if r.status == "awaiting_site_visit"]
    assert awaiting and [r.id for r in awaiting] == report.site_visit
    assert not set(report.site_visit) & set(report.gaps)


def test_reports_never_carry_log_contents(tmp_path: Path) -> None:
    log = "date,resident,note\n2026-10-01,Jane Q. Resident,relapsed and left\n2026-10-08,R-07,present\n"
    folder = make_folder(
        tmp_path,
        files={"logs/house-meetings.csv": log},
        evidence=[{"file": "logs/house-meetings.csv", "rules": ["3.I.27.e"]}],
    )
    report = audit(folder, today=TODAY)
    dumped = report.model_dump_json()
    assert "logs/house-meetings.csv" in dumped
    for private in ("Jane Q. Resident", "relapsed", "R-07"):
        assert private not in dumped


def test_same_folder_and_date_give_the_same_report(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path, files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )
    assert audit(folder, today=TODAY).model_dump_json() == audit(folder, today=TODAY).model_dump_json()


def test_assessment_date_defaults_to_today_when_residence_yaml_has_none(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, assessed_on=None)
    assert audit(folder, today=TODAY).assessed_on == TODAY
    assert audit(folder, today=TODAY, as_of=date(2026, 1, 2)).assessed_on == date(2026, 1, 2)


def test_a_folder_that_cannot_load_raises_every_problem(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, evidence=[{"file": "nope.pdf", "rules": ["1.A.1.z"]}])
    with pytest.raises(NarrError) as caught:
        audit(folder, today=TODAY)
    messages = [p.message for p in caught.value.problems]
    assert any("there is no rule '1.A.1.z'" in m for m in messages)
    assert any("there is no file 'nope.pdf'" in m for m in messages)


def test_each_result_is_located_at_its_evidence_or_the_line_naming_it(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path,
        files={"mission.md": MISSION},
        evidence=[{"file": "mission.md", "rules": ["1.A.1.a", "1.A.1.b"]}],
        attestations=[{"rule": "2.F.17.a", "statement": "All sound.", "signed_by": "P. Lee", "date": "2026-10-01"}],
    )
    report = audit(folder, today=TODAY)
    text = (folder / "residence.yaml").read_text(encoding="utf-8").splitlines()
    by_id = {r.id: r for r in report.results}
    assert by_id["1.A.1.a"].location.model_dump() == {"file": "mission.md", "line": None}
    attested = by_id["2.F.17.a"].location
    assert attested.file == "residence.yaml" and attested.line is not None
    assert "2.F.17.a" in text[attested.line - 1]
    missing = by_id["2.F.16.a"].location
    assert missing.file == "residence.yaml" and missing.line is not None
    assert text[missing.line - 1].startswith("evidence:")
