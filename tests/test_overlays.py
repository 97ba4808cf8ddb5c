"""Affiliate overlays: add, change, retire, the shipped AzRHA overlay, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.base.errors import NarrError
from narr_audit.base.levels import Level
from narr_audit.standards.loader import load_narr, load_rulebook
from narr_audit.standards.model import Rulebook
from narr_audit.standards.overlay import overlay_for_affiliate, resolve_overlay, shipped_overlays

HERE = Path(__file__).parent / "fixtures" / "overlays"


@pytest.fixture(scope="module")
def narr() -> Rulebook:
    return load_narr()


@pytest.fixture(scope="module")
def texas() -> Rulebook:
    return load_rulebook([str(HERE / "texas.yaml")])


def test_overlay_adds_a_rule_under_its_standard(texas: Rulebook) -> None:
    rule = texas.rule("4.J.31.TX1")
    assert rule is not None and rule.origin == "tx-test"
    standard = texas.standard("4.J.31")
    assert standard is not None and standard.rules[-1].id == "4.J.31.TX1"


def test_overlay_changes_levels_and_appends_evidence(narr: Rulebook, texas: Rulebook) -> None:
    before, after = narr.rule("1.C.7.a"), texas.rule("1.C.7.a")
    assert before is not None and after is not None
    assert before.levels.status_at(Level.I) == "recommended"
    assert after.levels.status_at(Level.I) == "required"
    assert after.changed_by == ["tx-test"]
    assert len(after.evidence) == len(before.evidence) + 1
    assert after.evidence[-1].kind == "attestation"  # type: ignore[union-attr]


def test_overlay_retires_a_rule_and_remembers_why(narr: Rulebook, texas: Rulebook) -> None:
    assert narr.rule("4.J.31.b") is not None
    assert texas.rule("4.J.31.b") is None
    assert [(r.id, r.by) for r in texas.retired] == [("4.J.31.b", "tx-test")]
    assert "city ordinance" in texas.retired[0].reason
    assert texas.overlays == ["tx-test"]


def test_base_library_is_untouched_by_an_overlay(narr: Rulebook, texas: Rulebook) -> None:
    assert load_narr().rule("4.J.31.b") is not None
    assert len(texas.rule_ids()) == len(narr.rule_ids())  # one added, one retired


def test_azrha_ships_and_is_found_by_id_and_affiliate() -> None:
    assert "azrha" in shipped_overlays()
    assert resolve_overlay("AzRHA") == shipped_overlays()["azrha"]
    assert overlay_for_affiliate("AzRHA") == "azrha"
    assert overlay_for_affiliate("Nowhere Housing") is None


def test_azrha_requires_good_neighbor_policy_and_fresh_insurance_binder(narr: Rulebook) -> None:
    az = load_rulebook(["azrha"])
    neighbor = az.rule("4.J.30.AZ1")
    assert neighbor is not None and neighbor.title == "Good Neighbor Policy and Procedure"
    assert all(neighbor.levels.status_at(lv) == "required" for lv in Level)
    insurance, original = az.rule("1.A.2.b"), narr.rule("1.A.2.b")
    assert insurance is not None and original is not None
    current = [c for c in insurance.checks() if c.kind == "current" and getattr(c, "max_age_days", None) == 365]
    assert current, "the binder must be current for a year from issue"
    assert insurance.changed_by == ["azrha"]
    assert len(insurance.evidence) == len(original.evidence) + 2


def test_overlays_stack_in_order() -> None:
    both = load_rulebook(["azrha", str(HERE / "texas.yaml")])
    assert both.overlays == ["azrha", "tx-test"]
    assert both.rule("4.J.30.AZ1") is not None and both.rule("4.J.31.TX1") is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unknown-rule.yaml", ["there is no rule 1.C.7.z to change", "change[0].id", "did you mean 1.C.7."]),
        ("wrong-prefix.yaml", ["must end in the overlay prefix BR", "add[0].id", "4.J.30.BR1"]),
        ("unknown-standard.yaml", ["standard 4.J.32 does not exist", "add[0].id"]),
        ("bad-field.yaml", ["rule 1.A.2.b", "field 'levles'", "field 'why'", "bad-field.yaml:"]),
    ],
)
def test_broken_overlay_gives_a_clear_error(name: str, expected: list[str]) -> None:
    with pytest.raises(NarrError) as info:
        load_rulebook([str(HERE / name)])
    text = info.value.render()
    assert name in text
    for piece in expected:
        assert piece in text


def test_unknown_overlay_name_lists_shipped_ids() -> None:
    with pytest.raises(NarrError) as info:
        load_rulebook(["nowhere"])
    assert "shipped: azrha" in info.value.render()


def test_missing_overlay_file() -> None:
    with pytest.raises(NarrError) as info:
        load_rulebook(["missing/overlay.yaml"])
    assert "no such overlay file" in info.value.render()
