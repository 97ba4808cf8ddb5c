"""Submission profiles as data: the shipped ones say what is documented and what is assumed, rule
ids are read in any style, a broken profile names its file, line and field, and each naming and
layout puts the evidence where the affiliate looks for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.base.errors import NarrError
from narr_audit.base.ids import RuleIndex
from narr_audit.standards.loader import load_rulebook
from narr_audit.standards.profiles import check_rules, load_profile, read_profile, shipped_profiles
from narr_audit.workflows.pack import place
from tests.conftest import run_cli
from tests.folders import MISSION, make_folder


@pytest.fixture(scope="module")
def index() -> RuleIndex:
    return load_rulebook([]).index()


def test_the_shipped_profiles_are_generic_and_the_affiliates_the_issue_names() -> None:
    assert sorted(shipped_profiles()) == ["generic", "michigan", "missouri", "oklahoma"]


@pytest.mark.parametrize("name", ["generic", "michigan", "missouri", "oklahoma"])
def test_each_shipped_profile_states_what_is_documented_and_what_is_assumed(name: str, index: RuleIndex) -> None:
    loaded = load_profile(name)
    text = loaded.data.decode("utf-8")
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Documented" in line for line in head) and any("Assumed" in line for line in head), name
    assert loaded.profile.documented and loaded.profile.assumed
    assert loaded.shipped and loaded.display == f"standards/profiles/{name}.yaml"
    profile, problems, warnings = check_rules(loaded, index)
    assert problems == [] and warnings == []
    for source in profile.sources:
        assert source.startswith("https://"), source


def test_the_affiliates_formats_as_issue_16_gives_them() -> None:
    missouri = load_profile("missouri").profile
    assert (missouri.naming, missouri.layout, missouri.id_style) == ("checklist", "flat", "compact")
    assert [item.number for item in missouri.checklist] == list(range(1, 19))
    assert missouri.checklist[2].title == "Mission Statement" and missouri.checklist[2].rules == ["1.A.1.a"]
    michigan = load_profile("michigan").profile
    assert (michigan.naming, michigan.layout) == ("rule-id", "folder-per-rule")
    oklahoma = load_profile("oklahoma").profile
    assert oklahoma.accepted_types == ["jpg", "gif", "png", "pdf"] and oklahoma.max_file_bytes == 16_000_000
    assert oklahoma.accepts("scan.JPEG") and oklahoma.accepts("a.pdf") and not oklahoma.accepts("policy.docx")


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BASE = """profile: mine
title: My affiliate
documented: what the affiliate's page says
assumed: nothing else
"""


def test_rule_ids_are_read_in_any_style_with_a_warning_naming_the_canonical_id(
    tmp_path: Path, index: RuleIndex
) -> None:
    path = write(tmp_path, BASE + "rules: [1.A.1.a, '1,A,1.b', 1A2a, 1.a.2.B]\n")
    profile, problems, warnings = check_rules(read_profile(path), index)
    assert problems == []
    assert profile.rules == ["1.A.1.a", "1.A.1.b", "1.A.2.a", "1.A.2.b"]
    assert warnings[0].render() == (
        f"{path}:5: field 'rules[1]': '1,A,1.b' is written in another style; narr-audit reads it as 1.A.1.b\n"
        "    fix: write 1.A.1.b to silence this warning"
    )
    assert len(warnings) == 3


def test_an_id_not_in_force_names_the_closest_ids(tmp_path: Path, index: RuleIndex) -> None:
    path = write(tmp_path, BASE + "checklist:\n  - number: 1\n    title: Mission\n    rules: [1.A.1.z]\n")
    _, problems, _ = check_rules(read_profile(path), index)
    assert len(problems) == 1
    assert problems[0].line == 8 and problems[0].field == "checklist[0].rules[0]"
    assert "there is no rule '1.A.1.z' in force" in problems[0].message
    assert problems[0].hint is not None and "1.A.1.a" in problems[0].hint


@pytest.mark.parametrize(
    ("extra", "line", "field", "message"),
    [
        ("nameing: rule-id\n", 5, "nameing", "Extra inputs are not permitted"),
        ("accepted_types: [pdf, 'word doc']\n", 5, "accepted_types", "'word doc' is not a file type"),
        ("folder: ../outside\n", 5, "folder", "without '..'"),
        ("folder: '{applicant}'\n", 5, "folder", "'{applicant}' is not a placeholder"),
        ("naming: checklist\n", 1, None, "naming: checklist needs the affiliate's checklist"),
        ("max_file_mb: 0\n", 5, "max_file_mb", "greater than 0"),
        (
            "checklist:\n  - {number: 1, title: A}\n  - {number: 1, title: B}\n",
            1,
            None,
            "checklist numbers must be unique; repeated: 1",
        ),
    ],
)
def test_a_broken_profile_names_its_file_line_and_field(
    tmp_path: Path, extra: str, line: int, field: str | None, message: str
) -> None:
    path = write(tmp_path, BASE + extra)
    with pytest.raises(NarrError) as caught:
        read_profile(path)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.field) == (str(path), line, field)
    assert message in problem.message


def test_an_unknown_profile_lists_the_shipped_ones(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"mission.md": MISSION}, evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}]
    )
    run = run_cli("pack", str(folder), "--out", str(tmp_path / "a.zip"), "--profile", "kansas")
    assert run.exit_code == 2
    assert "shipped: generic, michigan, missouri, oklahoma" in run.stderr
    run = run_cli("pack", str(folder), "--out", str(tmp_path / "a.zip"), "--profile", str(tmp_path / "none.yaml"))
    assert run.exit_code == 2 and "no such profile file" in run.stderr
    broken = write(tmp_path, BASE + "rules: [9.Z.9.z]\n")
    run = run_cli("pack", str(folder), "--out", str(tmp_path / "a.zip"), "--profile", str(broken))
    assert run.exit_code == 2
    assert f"{broken}:5: field 'rules[0]': there is no rule '9.Z.9.z' in force" in run.stderr
    assert not (tmp_path / "a.zip").exists()


def test_ids_are_written_in_the_affiliates_style() -> None:
    missouri, generic = load_profile("missouri").profile, load_profile("generic").profile
    comma = generic.model_copy(update={"id_style": "comma"})
    assert (generic.style("1.A.2.a"), missouri.style("1.A.2.a"), comma.style("1.A.2.a")) == (
        "1.A.2.a",
        "1A2a",
        "1,A,2.a",
    )
    assert missouri.style("4.J.30.AZ1") == "4J30AZ1"


EVIDENCE = {
    "policies/mission-and-vision.md": ["1.A.1.a", "1.A.1.b"],
    "business/articles.pdf": ["1.A.2.a"],
    "logs/house-meetings.csv": ["1.C.7.a"],
}


def test_the_generic_profile_keeps_the_folders_paths() -> None:
    placed = place(load_profile("generic").profile, EVIDENCE, "Harbor Recovery LLC", "Harbor House")
    assert [(f.path, f.source) for f in placed] == [(f"evidence/{rel}", rel) for rel in EVIDENCE]


def test_missouri_numbers_each_file_to_its_checklist_item_in_the_operators_folder() -> None:
    placed = place(load_profile("missouri").profile, EVIDENCE, "Harbor Recovery: LLC", "Harbor House")
    assert [(f.path, f.item) for f in placed] == [
        ("Harbor Recovery- LLC/03 Mission Statement.md", 3),
        ("Harbor Recovery- LLC/04 Vision Statement.md", 4),
        ("Harbor Recovery- LLC/05 Legal business entity documentation.pdf", 5),
        ("Harbor Recovery- LLC/other/logs/house-meetings.csv", None),
    ]


def test_michigan_gives_each_rule_a_folder_with_a_copy_of_each_file() -> None:
    placed = place(load_profile("michigan").profile, EVIDENCE, "Harbor Recovery LLC", "Harbor House")
    assert [(f.path, f.rules) for f in placed] == [
        ("evidence/1.A.1.a/mission-and-vision.md", ["1.A.1.a"]),
        ("evidence/1.A.1.b/mission-and-vision.md", ["1.A.1.b"]),
        ("evidence/1.A.2.a/articles.pdf", ["1.A.2.a"]),
        ("evidence/1.C.7.a/house-meetings.csv", ["1.C.7.a"]),
    ]


def test_rules_asked_for_decide_what_is_filed_and_the_rest_goes_under_other(tmp_path: Path, index: RuleIndex) -> None:
    path = write(tmp_path, BASE + "naming: rule-id\nid_style: compact\nrules: [1.A.2.a]\n")
    profile, _, _ = check_rules(read_profile(path), index)
    placed = place(profile, EVIDENCE, "Op", "House")
    assert [f.path for f in placed] == [
        "evidence/other/policies/mission-and-vision.md",
        "evidence/1A2a articles.pdf",
        "evidence/other/logs/house-meetings.csv",
    ]
