"""The evidence loader's stages on their own: residence.yaml first, then the folder against rule ids.

The loader knows which rule ids are in force (a RuleIndex), never the rulebook: these tests hand it
a made-up index, so they would fail if loading reached for the Standard itself.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narr_audit.base.errors import NarrError
from narr_audit.base.ids import Retired, RuleIndex
from narr_audit.evidence.loader import load_folder, read_manifest
from tests.folders import MISSION, make_folder

TODAY = date(2026, 11, 1)


def test_read_manifest_validates_residence_yaml_alone(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", files={"mission.md": MISSION})
    source = read_manifest(folder)
    assert source.manifest.residence.name == "Test House"
    assert source.root == folder.resolve()
    assert source.doc.line_of(("residence", "name")) == 2


def test_read_manifest_names_every_field_problem(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", beds=0, level="V")
    with pytest.raises(NarrError) as raised:
        read_manifest(folder)
    fields = sorted(p.field or "" for p in raised.value.problems)
    assert fields == ["residence.beds", "residence.level"]
    assert all(p.file == "residence.yaml" and p.line for p in raised.value.problems)


def test_folder_loads_against_the_rule_ids_it_is_given(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.a.1.A"]}]
    )
    evidence = load_folder(read_manifest(folder), rules=RuleIndex(("1.A.1.a", "1.A.1.b")), today=TODAY)
    (document,) = evidence.documents
    assert document.rules == ["1.A.1.a"]  # normalised as it is read
    assert document.content is not None and "mission" in document.content.text.lower()


def test_an_id_outside_the_index_is_one_problem_with_the_closest_ids(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.c"]}]
    )
    with pytest.raises(NarrError) as raised:
        load_folder(read_manifest(folder), rules=RuleIndex(("1.A.1.a", "1.A.1.b")), today=TODAY)
    (problem,) = raised.value.problems
    assert problem.message == "there is no rule '1.A.1.c'"
    assert problem.field == "evidence[0].rules[0]" and problem.file == "residence.yaml" and problem.line
    assert problem.hint is not None and "1.A.1.a" in problem.hint


def test_a_retired_id_says_who_retired_it(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.b"]}]
    )
    index = RuleIndex(("1.A.1.a",), {"1.A.1.b": Retired("azrha", "merged into 1.A.1.a")})
    with pytest.raises(NarrError) as raised:
        load_folder(read_manifest(folder), rules=index, today=TODAY)
    assert "retired by azrha: merged into 1.A.1.a" in raised.value.problems[0].message
