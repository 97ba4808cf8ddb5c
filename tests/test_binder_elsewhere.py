"""The binder as a whole: where a rule's mapped files fall short, evidence is looked for in its other files.

It counts only from a file or a section about the rule's subject, is cited with the file and the place,
marked as found in a file not mapped to the rule, and the reason gives the residence.yaml line that maps it.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from narr_audit.api import audit
from narr_audit.checks.elsewhere import FOUND_ELSEWHERE, Binder, map_line
from narr_audit.evidence.model import Document
from narr_audit.results.report import CheckResult, Report

from .folders import make_folder

TODAY = date(2026, 11, 1)
RULE = "1.A.1.a"  # Mission: a written mission statement, its population, shared with decision makers
PURPOSE = "Our mission is to offer a safe, alcohol- and drug-free home for people in recovery from substance use."
SHARED = "It is shared with every staff member and board member at orientation."
MISSION_TEXT = f"{PURPOSE}\n{SHARED}\n"
HANDBOOK = "handbook/resident-handbook.md"


def handbook(heading: str, body: str = MISSION_TEXT) -> str:
    """A resident handbook of several sections; ``body`` stands under ``heading``."""
    return (
        "# Resident Handbook\n\n## Visitors\n\nVisitors may come between 10 am and 8 pm.\n\n"
        f"## {heading}\n\n{body}\n## Chores\n\nChores rotate every week.\n"
    )


def pdf(pages: list[str]) -> bytes:
    """A PDF whose pages hold these lines of text (a heading is a short line of its own)."""
    from fpdf import FPDF

    made = FPDF()
    made.set_font("helvetica", size=11)
    for text in pages:
        made.add_page()
        made.multi_cell(0, 6, text)
    return bytes(made.output())


def docx(sections: dict[str, str]) -> bytes:
    """A Word document: each heading with its paragraph."""
    import docx as python_docx

    made = python_docx.Document()
    for heading, text in sections.items():
        made.add_heading(heading, level=1)
        made.add_paragraph(text)
    buffer = io.BytesIO()
    made.save(buffer)
    return buffer.getvalue()


def check_report(root: Path, files: dict[str, str | bytes], evidence: list[dict[str, Any]] | None = None) -> Report:
    return audit(make_folder(root, files=files, evidence=evidence), today=TODAY)


def mission_check(report: Report) -> CheckResult:
    result = report.result(RULE)
    assert result is not None
    return next(c for c in result.checks if c.kind == "document")


def test_a_mission_in_a_handbook_section_not_mapped_to_the_rule_meets_it_and_says_how_to_map_it(
    tmp_path: Path,
) -> None:
    report = check_report(tmp_path, {HANDBOOK: handbook("Our mission")})
    check = mission_check(report)
    assert check.status == "met"
    assert FOUND_ELSEWHERE in check.reason
    assert [(e.file, e.where, e.unmapped) for e in check.evidence] == [(HANDBOOK, "Our mission", True)]
    assert f"- {{file: {HANDBOOK}, rules: [{RULE}]}}" in check.reason
    assert report.unmapped == [HANDBOOK], "the file is still listed as unmapped, for `map`"


def test_the_map_line_is_the_entry_that_maps_the_file_and_then_the_evidence_is_mapped(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {HANDBOOK: handbook("Our mission")}
    reason = mission_check(check_report(tmp_path / "before", files)).reason
    entry = yaml.safe_load(reason.split("residence.yaml: ", 1)[1])
    assert entry == [{"file": HANDBOOK, "rules": [RULE]}], "the entry narr-audit map --write adds"

    after = mission_check(check_report(tmp_path / "after", files, evidence=entry))
    assert after.status == "met"
    assert FOUND_ELSEWHERE not in after.reason
    assert all(not e.unmapped for e in after.evidence)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        pytest.param(HANDBOOK, handbook("Visitors and guests"), id="a section about visitors"),
        pytest.param("notes/board-minutes.md", "# Board minutes\n\n" + MISSION_TEXT, id="minutes, no heading"),
        pytest.param("policies/visitor-policy.md", "# Visitor policy\n\n" + MISSION_TEXT, id="a visitor policy"),
    ],
)
def test_a_stray_sentence_in_a_file_or_section_about_something_else_never_fills_the_gap(
    tmp_path: Path, path: str, text: str
) -> None:
    check = mission_check(check_report(tmp_path, {path: text}))
    assert check.status == "not_met"
    assert FOUND_ELSEWHERE not in check.reason
    assert check.evidence == []


@pytest.mark.parametrize(
    ("path", "text"),
    [
        pytest.param("policies/mission-statement.md", MISSION_TEXT, id="the file's name"),
        pytest.param("notes/board-minutes.md", "# Our Mission\n\n" + MISSION_TEXT, id="the file's title"),
        pytest.param("notes/board-minutes.md", "# Minutes\n\n## Mission\n\n" + MISSION_TEXT, id="a section"),
    ],
)
def test_the_same_sentences_count_from_a_file_or_section_about_the_mission(
    tmp_path: Path, path: str, text: str
) -> None:
    check = mission_check(check_report(tmp_path, {path: text}))
    assert check.status == "met"
    assert [e.file for e in check.evidence] == [path]
    assert all(e.unmapped for e in check.evidence)


def test_a_mapped_document_that_meets_the_check_is_all_it_cites(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "policies/mission.md": f"# Mission\n\n{MISSION_TEXT}",
        HANDBOOK: handbook("Mission"),
    }
    check = mission_check(check_report(tmp_path, files, [{"file": "policies/mission.md", "rules": [RULE]}]))
    assert check.status == "met"
    assert FOUND_ELSEWHERE not in check.reason
    assert [(e.file, e.unmapped) for e in check.evidence] == [("policies/mission.md", False)]


def test_a_topic_the_mapped_document_lacks_is_found_in_another_file_and_cited_apart(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "policies/mission.md": f"# Mission\n\n{PURPOSE}\n",
        HANDBOOK: handbook("Our mission", SHARED),
    }
    check = mission_check(check_report(tmp_path, files, [{"file": "policies/mission.md", "rules": [RULE]}]))
    assert check.status == "met"
    assert "policies/mission.md covers 2 of 3 topics" in check.reason
    assert "shared with decision makers, in handbook/resident-handbook.md (Our mission)" in check.reason
    assert [(e.file, e.unmapped) for e in check.evidence] == [("policies/mission.md", False), (HANDBOOK, True)]


def test_a_file_mapped_to_other_rules_is_mapped_by_adding_the_rule_to_its_entry(tmp_path: Path) -> None:
    evidence = [{"file": HANDBOOK, "rules": ["1.C.7.b"]}]
    check = mission_check(check_report(tmp_path, {HANDBOOK: handbook("Our mission")}, evidence))
    assert check.status == "met"
    assert f"add {RULE} to its entry in residence.yaml: rules: [1.C.7.b, {RULE}]" in check.reason


def test_a_file_mapped_by_front_matter_is_mapped_by_adding_the_rule_to_it(tmp_path: Path) -> None:
    text = "---\nnarr: [1.C.7.b]\n---\n" + handbook("Our mission")
    check = mission_check(check_report(tmp_path, {HANDBOOK: text}))
    assert check.status == "met"
    assert f"add {RULE} to its front matter: narr: [1.C.7.b, {RULE}]" in check.reason


def test_a_pdf_section_under_a_heading_line_counts_and_is_cited_with_its_page(tmp_path: Path) -> None:
    pages = [
        "House rules\n\nQuiet hours start at 10 pm every night.",
        f"Our Mission\n\n{PURPOSE} {SHARED}",
        "Chores\n\nChores rotate every week.",
    ]
    check = mission_check(check_report(tmp_path, {"binder/house-binder.pdf": pdf(pages)}))
    assert check.status == "met"
    assert [(e.file, e.where, e.unmapped) for e in check.evidence] == [
        ("binder/house-binder.pdf", "page 2, under 'Our Mission'", True)
    ]


def test_a_pdf_page_about_something_else_does_not_count(tmp_path: Path) -> None:
    pages = ["House rules\n\nQuiet hours start at 10 pm every night.", f"Visitors\n\n{PURPOSE} {SHARED}"]
    check = mission_check(check_report(tmp_path, {"binder/house-binder.pdf": pdf(pages)}))
    assert check.status == "not_met"
    assert check.evidence == []


def test_a_word_file_s_section_is_read_under_its_heading(tmp_path: Path) -> None:
    sections = {"Visitors": "Visitors may come until 8 pm.", "Mission and values": f"{PURPOSE} {SHARED}"}
    check = mission_check(check_report(tmp_path, {"handbook/handbook.docx": docx(sections)}))
    assert check.status == "met"
    assert [(e.file, e.where) for e in check.evidence] == [("handbook/handbook.docx", "Mission and values")]


def test_an_unreadable_file_not_mapped_is_no_error_and_no_warning(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {HANDBOOK: handbook("Our mission")}
    without = check_report(tmp_path / "without", files)
    files["scans/broken.pdf"] = b"%PDF-1.4 this is not really a pdf"
    files["scans/empty.docx"] = b""
    report = check_report(tmp_path / "with", files)
    assert [w.message for w in report.warnings] == [w.message for w in without.warnings]
    assert not any(w.file and w.file.startswith("scans/") for w in report.warnings)
    assert report.unmapped == ["handbook/resident-handbook.md", "scans/broken.pdf", "scans/empty.docx"]
    assert [(r.id, r.status) for r in report.results] == [(r.id, r.status) for r in without.results]
    assert mission_check(report).status == "met"


def test_each_file_is_extracted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from narr_audit.evidence.extract import extract as original

    read: list[str] = []

    def counted(path: Path, *args: Any, **kwargs: Any) -> Any:
        read.append(path.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr("narr_audit.evidence.loader.extract", counted)
    files: dict[str, str | bytes] = {
        "policies/mission.md": f"# Mission\n\n{PURPOSE}\n",
        HANDBOOK: handbook("Our mission", SHARED),
        "handbook/handbook.docx": docx({"Mission": SHARED}),
        "binder/house-binder.pdf": pdf([f"Our Mission\n\n{PURPOSE}"]),
    }
    check_report(tmp_path, files, [{"file": "policies/mission.md", "rules": [RULE]}])
    assert sorted(read) == sorted(Path(p).name for p in files)


def test_a_rule_s_view_of_the_binder_is_every_other_file_in_path_order() -> None:
    documents = [Document(path=p, kind="markdown", rules=[], mapped_by=[]) for p in ("c.md", "a.md", "d.md", "b.md")]
    binder = Binder(documents)
    own = [documents[0], documents[3]]  # c.md and b.md
    assert [d.path for d in binder.elsewhere(own)] == ["a.md", "d.md"]
    assert [d.path for d in binder.elsewhere(())] == ["a.md", "b.md", "c.md", "d.md"]


@pytest.mark.parametrize("path", ["policies/Our handbook: 2026.md", "policies/handbook, v2 {final}.md", "a #1.md"])
def test_the_map_line_quotes_a_path_yaml_would_misread(path: str) -> None:
    document = Document(path=path, kind="markdown", rules=[], mapped_by=[])
    line = map_line(RULE, document)
    assert yaml.safe_load(line.split("residence.yaml: ", 1)[1]) == [{"file": path, "rules": [RULE]}]


def test_a_view_without_expired_files_shares_the_binder_and_is_itself_when_none_expired() -> None:
    lease = Document(path="lease.md", kind="markdown", rules=[], mapped_by=[], expires=date(2026, 3, 1))
    others = [Document(path=p, kind="markdown", rules=[], mapped_by=[]) for p in ("a.md", "z.md")]
    binder = Binder([lease, *others])
    view = binder.elsewhere([others[1]])
    assert view.current(date(2026, 3, 1)) is view, "current on its expiry day"
    later = view.current(date(2026, 3, 2))
    assert [d.path for d in later] == ["a.md"]
    assert later.binder is binder
