"""Rule ids in the styles affiliates and operators write them are read as the Standard's ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.base.ids import normalise_rule_id, written_differently
from tests.conftest import run_cli
from tests.folders import MISSION, make_folder


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("1.A.1.a", "1.A.1.a"),
        ("1,A,1.a", "1.A.1.a"),
        ("1A1a", "1.A.1.a"),
        ("1a1A", "1.A.1.a"),
        (" 1 a 1 a ", "1.A.1.a"),
        ("1.c.7.B", "1.C.7.b"),
        ("1A11b", "1.A.11.b"),
        ("4.j.30.az1", "4.J.30.AZ1"),
        ("4J30AZ1", "4.J.30.AZ1"),
    ],
)
def test_every_style_normalises_to_the_standards_id(written: str, canonical: str) -> None:
    assert normalise_rule_id(written) == canonical
    assert written_differently(written) == (None if written == canonical else canonical)


def test_a_manifest_in_another_style_loads_with_a_warning_naming_the_canonical_id(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={"mission.md": MISSION},
        evidence=[{"file": "mission.md", "rules": ["1A1a"]}],
        attestations=[{"rule": "2.f.17.A", "statement": "Systems work.", "signed_by": "P. Lee", "date": "2026-10-01"}],
    )
    result = run_cli("validate", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "'1A1a' is read as rule 1.A.1.a" in result.stdout
    assert "'2.f.17.A' is read as rule 2.F.17.a" in result.stdout
    # The same folder through the site-visit checklist (it used to end in an internal error).
    visit = run_cli("visit-checklist", str(folder))
    assert visit.exit_code == 0, visit.stderr
    assert "2.F.17.a" in visit.stdout
