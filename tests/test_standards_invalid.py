"""Broken standards files, each asserting that its error names the file, line, rule and field."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from narr_audit.base.errors import NarrError
from narr_audit.base.resources import standards_dir
from narr_audit.standards.loader import load_narr, principle_problems
from narr_audit.standards.model import Principle
from narr_audit.standards.reading import read_model

HERE = Path(__file__).parent / "fixtures" / "invalid-standards"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def problems_of(path: Path) -> list[Any]:
    try:
        principle, doc = read_model(path, Principle)
    except NarrError as exc:
        return exc.problems
    return principle_problems(principle, doc, str(path))


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_broken_file_error_names_file_line_rule_and_field(case: dict[str, Any]) -> None:
    problems = problems_of(HERE / case["file"])
    assert problems, "the broken file loaded without an error"
    matching = [p for p in problems if p.field == case["field"]]
    assert matching, f"no problem names the field {case['field']}: {[p.render() for p in problems]}"
    first = matching[0]
    assert first.file is not None and first.file.endswith(case["file"])
    assert (first.line, first.rule, first.field) == (case["line"], case["rule"], case["field"])
    assert case["message"] in first.message
    rendered = first.render()
    assert f"{case['file']}:{case['line']}" in rendered and f"rule {case['rule']}" in rendered


def test_every_fixture_file_has_a_case() -> None:
    files = {p.name for p in HERE.glob("*.yaml")} - {"cases.yaml"}
    assert files == {c["file"] for c in CASES}


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A writable copy of the shipped NARR 3.0 folder, to break on purpose."""
    folder = tmp_path / "narr-3.0"
    shutil.copytree(standards_dir() / "narr-3.0", folder)
    return folder


def test_duplicate_rule_id_across_files_is_named(library: Path) -> None:
    source = library / "1-C.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    stolen = data["standards"][0]["rules"][0]
    target = library / "1-D.yaml"
    other = yaml.safe_load(target.read_text(encoding="utf-8"))
    stolen_copy = dict(stolen, id=stolen["id"])
    other["standards"][0]["rules"].append(stolen_copy)
    target.write_text(yaml.safe_dump(other, sort_keys=False), encoding="utf-8")
    with pytest.raises(NarrError) as info:
        load_narr(library)
    text = info.value.render()
    assert f"the id {stolen['id']} is used twice" in text or f"rule {stolen['id']}" in text


def test_missing_principle_file_is_named(library: Path) -> None:
    (library / "4-J.yaml").unlink()
    with pytest.raises(NarrError) as info:
        load_narr(library)
    assert "domain 4 lists principle J, but no file defines it" in info.value.render()


def test_all_problems_of_a_library_are_reported_at_once(library: Path) -> None:
    for name in ("1-A.yaml", "2-F.yaml"):
        path = library / name
        path.write_text(path.read_text(encoding="utf-8").replace("remediation:", "remedy:", 1), encoding="utf-8")
    with pytest.raises(NarrError) as info:
        load_narr(library)
    files = {p.file for p in info.value.problems}
    assert {"1-A.yaml", "2-F.yaml"} <= {Path(f).name for f in files if f}
