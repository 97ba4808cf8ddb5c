"""Operator pointers (`covers:`) as the loader reads them, from residence.yaml and from front matter.

An operator who believes a section says a topic in words narr-audit does not read points at it; the
result then reads "pointed by the operator, for the reviewer to confirm". A pointer that cannot be
right (a heading not in the document, a section with no text, a rule the file is not mapped to, a
topic no such rule has) is an error naming the file, the line, the field and what is closest.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from narr_audit.api import audit
from narr_audit.base.errors import NarrError
from narr_audit.evidence.loader import load_folder, read_manifest
from narr_audit.standards.loader import load_rulebook
from tests.folders import make_folder

TODAY = date(2026, 11, 1)
INDEX = load_rulebook().index()

RECORDS = """# Resident records

## Where the files live

Files stay in the back office, in the cabinet by the window.

## Who gets in

Only the two people who hold a key, the director and her deputy, ever open that drawer.

## Empty section

## After
Text after.
"""


def _folder(tmp_path: Path, covers: dict[str, str], *, rules: list[str] | None = None) -> Path:
    entry: dict[str, Any] = {"file": "records.md", "rules": rules or ["1.B.6.a"], "covers": covers}
    return make_folder(tmp_path / "house", files={"records.md": RECORDS}, evidence=[entry])


def _problem(tmp_path: Path, covers: dict[str, str], **kwargs: Any) -> Any:
    with pytest.raises(NarrError) as raised:
        load_folder(read_manifest(_folder(tmp_path, covers, **kwargs)), rules=INDEX, today=TODAY)
    (problem,) = raised.value.problems
    assert problem.file == "residence.yaml" and problem.line is not None
    return problem


def test_a_pointer_in_residence_yaml_reaches_the_document(tmp_path: Path) -> None:
    evidence = load_folder(
        read_manifest(_folder(tmp_path, {"Access limited to AUTHORIZED people": "Who gets in"})),
        rules=INDEX,
        today=TODAY,
    )
    (document,) = evidence.documents
    assert document.covers == {"access limited to authorized people": "Who gets in"}  # as the Standard spells it


def test_the_check_reads_it_as_met_by_the_operators_pointer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import narr_audit.engine

    # The recogniser alone: the second reader might read the section as covered on its own (see
    # tests/test_second_reader.py); a pointer is what an operator adds when nothing reads it so.
    monkeypatch.setattr(narr_audit.engine, "second_reader", lambda: None)
    folder = _folder(tmp_path, {"access limited to authorized people": "Who gets in"})
    before = _folder(tmp_path / "b", {})
    result = next(r for r in audit(folder, today=TODAY).results if r.id == "1.B.6.a")
    plain = next(r for r in audit(before, today=TODAY).results if r.id == "1.B.6.a")
    assert "access limited to authorized people" in plain.missing
    assert "access limited to authorized people" not in result.missing
    assert "pointed by the operator, for the reviewer to confirm: access limited to authorized people" in result.reason
    assert "under 'Who gets in' in records.md" in result.reason
    # and it is in the reviewer's queue: the check's to_confirm and the report's count a summary shows
    (check,) = (c for c in result.checks if c.kind == "document")
    assert "access limited to authorized people" in check.to_confirm
    assert audit(folder, today=TODAY).topics_to_confirm() == audit(before, today=TODAY).topics_to_confirm() + 1


def test_a_heading_not_in_the_document_names_the_closest(tmp_path: Path) -> None:
    problem = _problem(tmp_path, {"access limited to authorized people": "Who gets inside"})
    assert problem.field == "evidence[0].covers.access limited to authorized people"
    assert "'Who gets inside'" in problem.message and "is not a heading in records.md" in problem.message
    assert problem.hint is not None and "'Who gets in'" in problem.hint


def test_a_section_with_no_text_is_no_pointer(tmp_path: Path) -> None:
    problem = _problem(tmp_path, {"1.B.6.a": "Empty section"})
    assert "has no text under it" in problem.message and problem.rule == "1.B.6.a"


def test_a_topic_no_mapped_rule_has_names_the_closest_topics(tmp_path: Path) -> None:
    problem = _problem(tmp_path, {"acess limited to authorised people": "Who gets in"})
    assert "neither a rule it is mapped to nor a topic of one" in problem.message
    assert problem.hint is not None and "'access limited to authorized people'" in problem.hint


def test_a_rule_the_file_is_not_mapped_to_is_an_error(tmp_path: Path) -> None:
    problem = _problem(tmp_path, {"1.b.6.b": "Who gets in"})
    assert problem.message == "records.md points at 1.B.6.b, but it is not mapped to 1.B.6.b"
    assert problem.field == "evidence[0].covers.1.b.6.b"


def test_a_pointer_in_front_matter_is_read_and_checked_the_same_way(tmp_path: Path) -> None:
    front = "---\nnarr: [1.B.6.a]\ncovers:\n  access limited to authorized people: Who gets in\n---\n"
    folder = make_folder(tmp_path / "house", files={"records.md": front + RECORDS})
    (document,) = load_folder(read_manifest(folder), rules=INDEX, today=TODAY).documents
    assert document.covers == {"access limited to authorized people": "Who gets in"}
    (folder / "records.md").write_text(front.replace("Who gets in", "Who gets out") + RECORDS, encoding="utf-8")
    with pytest.raises(NarrError) as raised:
        load_folder(read_manifest(folder), rules=INDEX, today=TODAY)
    (problem,) = raised.value.problems
    assert problem.file == "records.md" and problem.line == 4  # the pointer's own line in the file
    assert problem.field == "covers.access limited to authorized people"
