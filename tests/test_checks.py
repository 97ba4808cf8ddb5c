"""Each check kind against its YAML case file (tests/cases/checks/<kind>.yaml).

A case gives the check's params, the evidence mapped to the rule and the expected conclusion; the
files read like a reviewer's worked examples, boundary dates included.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import TypeAdapter

from narr_audit.base.levels import parse_level
from narr_audit.checks import REGISTRY, Check, evaluate
from narr_audit.checks.interface import Context
from narr_audit.evidence.content import Extracted, Segment, Unreadable
from narr_audit.evidence.model import Attestation, Document, LogRecord, Roster, StaffMember
from narr_audit.standards.loader import load_rulebook

CASES = Path(__file__).parent / "cases" / "checks"
RULE = "9.Z.1.a"  # the id is only carried through; these cases test the kind, not a rule
_CHECK = TypeAdapter(Check)
VOCABULARY = load_rulebook().concepts  # the shipped vocabulary (deferral wording, substance markers)


def _load(kind: str) -> list[Any]:
    data = yaml.safe_load((CASES / f"{kind}.yaml").read_text(encoding="utf-8"))
    defaults = data.get("defaults", {})
    return [pytest.param({**defaults, **case}, id=case["name"]) for case in data["cases"]]


def _document(spec: dict[str, Any]) -> Document:
    kind = spec["kind"]
    content = None
    unreadable = None
    if "unreadable" in spec:
        unreadable = Unreadable(spec["unreadable"], "fix it")
    elif kind == "image":
        content = Extracted("image", ())
    elif kind != "log":
        segments = tuple(Segment(s["where"], s["text"]) for s in spec.get("segments", []))
        content = Extracted(kind, segments)
    records = [LogRecord(date=d, row=n + 2) for n, d in enumerate(spec.get("records", []))]
    return Document(
        path=spec["path"],
        kind=kind,
        rules=[RULE],
        mapped_by=["manifest"],
        reviewed=spec.get("reviewed"),
        effective=spec.get("effective"),
        expires=spec.get("expires"),
        content=content,
        unreadable=unreadable,
        records=records,
        covers=spec.get("covers", {}),
    )


def _run(case: dict[str, Any]) -> None:
    check = _CHECK.validate_python(case["check"])
    ctx = Context(
        rule_id=case.get("rule", RULE),
        assessed_on=case.get("assessed_on", date(2026, 11, 1)),
        documents=tuple(_document(d) for d in case.get("documents", [])),
        attestations=tuple(Attestation.model_validate(a) for a in case.get("attestations", [])),
        vocabulary=VOCABULARY,
        roster=Roster(file="staff.csv", members=[StaffMember.model_validate(m) for m in case["roster"]])
        if "roster" in case
        else None,
        level=parse_level(case["level"]) if "level" in case else None,
    )
    outcome = evaluate(check, ctx)
    expect = case["expect"]
    assert outcome.status == expect["status"], outcome.reason
    if "reason_contains" in expect:
        assert expect["reason_contains"] in outcome.reason
    if "missing" in expect:
        assert list(outcome.missing) == expect["missing"]
    if "to_confirm" in expect:
        assert list(outcome.to_confirm) == expect["to_confirm"], outcome.reason
    if "evidence" in expect:
        assert [{"file": e.file, "where": e.where} for e in outcome.evidence] == expect["evidence"]
    if outcome.status in ("met", "attested", "awaiting_site_visit"):
        assert not outcome.missing, "a satisfied check names nothing missing"
    else:
        assert outcome.missing, "a check that is not met must say what is missing"


@pytest.mark.parametrize("case", _load("document"))
def test_document(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.parametrize("case", _load("current"))
def test_current(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.parametrize("case", _load("log"))
def test_log(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.parametrize("case", _load("attestation"))
def test_attestation(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.parametrize("case", _load("staff"))
def test_staff(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.parametrize("case", _load("site_visit"))
def test_site_visit(case: dict[str, Any]) -> None:
    _run(case)


@pytest.mark.meta
@pytest.mark.parametrize("kind", sorted(REGISTRY))
def test_every_check_kind_has_cases_that_pass_and_fail(kind: str) -> None:
    cases = [p.values[0] for p in _load(kind)]
    statuses = {c["expect"]["status"] for c in cases}
    assert all(c["check"]["kind"] == kind for c in cases)
    if kind == "site_visit":
        assert statuses == {"awaiting_site_visit"}
    else:
        assert statuses & {"met", "attested"} and "not_met" in statuses, f"{kind} needs passing and failing cases"


@pytest.mark.meta
@pytest.mark.parametrize("kind", sorted(REGISTRY))
def test_every_check_kind_is_documented(kind: str) -> None:
    entry = REGISTRY[kind]
    assert entry.summary.strip() and entry.evaluate.__doc__, f"{kind} needs a summary and an evaluate docstring"
    docs = (Path(__file__).parents[1] / "docs" / "standards-format.md").read_text(encoding="utf-8")
    assert f"`{kind}`" in docs, f"docs/standards-format.md does not describe the {kind} check kind"


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("Fire EVACUATION plan", ["evacuat"], 5),
        ("no reappeal here; appeal there", ["appeal"], 18),
        ("file a\n  grievance", ["file a grievance"], 0),
        ("self-help and mutual aid", ["mutual aid", "self help"], 0),
        ("İstanbul office: appeal", ["appeal"], 17),  # lower-casing changes the length: still found
        ("nothing relevant", ["appeal", "grievance"], None),
        ("_appeal and appeal", ["appeal"], 12),
    ],
)
def test_first_match_finds_terms_at_word_starts(text: str, terms: list[str], expected: int | None) -> None:
    from narr_audit.base.text import first_match

    assert first_match(text, terms) == expected
