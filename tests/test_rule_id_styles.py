"""Rule ids in the styles affiliates and operators write them are read as the Standard's ids."""

from __future__ import annotations

import json
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
    assert "'1A1a' is written in another style; narr-audit reads it as 1.A.1.a" in result.stdout
    assert "'2.f.17.A' is written in another style; narr-audit reads it as 2.F.17.a" in result.stdout
    # The same folder through the site-visit checklist (it used to end in an internal error).
    visit = run_cli("visit-checklist", str(folder))
    assert visit.exit_code == 0, visit.stderr
    assert "2.F.17.a" in visit.stdout


def _warnings(folder: Path, *extra: str) -> list[dict[str, object]]:
    result = run_cli("check", str(folder), "--format", "json", *extra)
    assert result.exit_code in (0, 1), result.stderr
    return list(json.loads(result.stdout)["warnings"])


def test_a_review_in_another_style_is_applied_with_a_warning_naming_file_line_and_id(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )
    review = tmp_path / "review.yaml"
    review.write_text(
        "reviewer: Jordan Ames, AzRHA\nvisited_on: 2026-10-20\nfindings:\n  - rule: 3i27F\n    verified: true\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(folder), "--format", "json", "--review", str(review))
    report = json.loads(result.stdout)
    rule = next(r for r in report["results"] if r["id"] == "3.I.27.f")
    assert rule["review"]["verified"] is True
    style = [w for w in report["warnings"] if "3i27F" in w["message"]]
    assert style and "3.I.27.f" in style[0]["message"]
    assert style[0]["line"] == 4 and style[0]["file"].endswith("review.yaml")


def test_a_plan_in_another_style_is_read_with_a_warning(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={
            "mission.md": MISSION,
            "plan.yaml": "items:\n  - rule: 1,a,2.B\n    owner: House manager\n    due: 2026-12-01\n",
        },
        evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}],
    )
    warned = [w for w in _warnings(folder) if "1,a,2.B" in str(w["message"])]
    assert len(warned) == 1
    assert "1.A.2.b" in str(warned[0]["message"]) and warned[0]["file"] == "plan.yaml" and warned[0]["line"] == 2


def test_an_overlay_of_ones_own_reads_ids_in_any_style_and_warns(tmp_path: Path) -> None:
    overlay = tmp_path / "mine.yaml"
    overlay.write_text(
        "overlay: mine\ntitle: Mine\naffiliate: MINE\nprefix: MI\nsummary: Changes one rule, retires one.\n"
        "change:\n  - id: 1c7A\n    why: Required everywhere here.\n    levels:\n      required: [I, II, III, IV]\n"
        "retire:\n  - id: 4.j.31.B\n    reason: Parking is a city matter here.\n",
        encoding="utf-8",
    )
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )
    result = run_cli("check", str(folder), "--format", "json", "--standards", str(overlay))
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    ids = {r["id"] for r in report["results"]}
    assert "4.J.31.b" not in ids  # retired, though written 4.j.31.B
    changed = next(r for r in report["results"] if r["id"] == "1.C.7.a")
    assert changed["level_status"] == "required"
    messages = [str(w["message"]) for w in report["warnings"]]
    assert any("'1c7A'" in m and "1.C.7.a" in m for m in messages)
    assert any("'4.j.31.B'" in m and "4.J.31.b" in m for m in messages)
