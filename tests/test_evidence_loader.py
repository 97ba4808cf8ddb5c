"""Loading an evidence folder: a typed Evidence, or every problem at once naming file, line, field and fix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.levels import Level
from narr_audit.evidence import extract as extract_module
from narr_audit.evidence import logs as logs_module
from narr_audit.workflows.audit import Loaded
from narr_audit.workflows.audit import load_evidence as load_folder
from tests.evidence_samples import HARBOR, POLICY_REPO, copy_folder, docx_bytes, image_bytes, pdf_bytes, snapshot

ASSESSED = date(2026, 11, 1)


def load(folder: Path, *, as_of: date | None = None, level: Level | None = None) -> Loaded:
    return load_folder(folder, today=ASSESSED, as_of=as_of, level=level)


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(NarrError) as info:
        load(folder)
    assert info.value.problems, "a NarrError must carry at least one problem"
    return info.value.problems


@pytest.fixture
def harbor(tmp_path: Path) -> Path:
    """A writable copy of the valid Harbor House folder, beside a file that lies outside it."""
    (tmp_path / "outside.md").write_text("---\nnarr: [1.C.7.b]\n---\n# Not in the folder\n", encoding="utf-8")
    return copy_folder(HARBOR, tmp_path / "harbor-house")


# --- valid folders ---------------------------------------------------------------------------------------------


def test_valid_folder_loads_to_typed_evidence() -> None:
    ev = load(HARBOR).evidence
    assert ev.level is Level.II and ev.assessed_on == ASSESSED and ev.overlays == []
    assert ev.manifest.residence.name == "Harbor House" and ev.manifest.residence.beds == 8
    assert ev.warnings == []
    kinds = {d.path: d.kind for d in ev.documents}
    assert kinds == {
        "logs/detector-checks.yaml": "log",
        "logs/fire-drills.csv": "log",
        "logs/house-meetings.csv": "log",
        "policies/good-neighbor.md": "markdown",
        "policies/grievance-policy.md": "markdown",
        "policies/house-rules.html": "html",
    }
    assert [d.path for d in ev.documents] == sorted(kinds)


def test_unmapped_files_are_listed_sorted_and_the_folders_own_files_are_skipped() -> None:
    ev = load(HARBOR).evidence
    assert ev.unmapped == ["agenda.txt", "drafts/visitor-policy.txt", "notes/ideas.txt"]


def test_manifest_and_front_matter_rules_combine_and_manifest_dates_win() -> None:
    ev = load(HARBOR).evidence
    (grievance,) = [d for d in ev.documents if d.path == "policies/grievance-policy.md"]
    assert grievance.rules == ["1.C.7.b", "1.C.7.a"]
    assert grievance.mapped_by == ["manifest", "front-matter"]
    assert (grievance.effective, grievance.reviewed) == (date(2025, 2, 1), date(2026, 1, 10))  # not 2020-01-01
    assert grievance.title == "Grievance Policy and Procedure"
    assert grievance.content is not None
    assert [s.where for s in grievance.content.segments] == ["Grievance Policy and Procedure", "Appeals"]


def test_front_matter_alone_maps_a_document() -> None:
    ev = load(HARBOR).evidence
    (neighbor,) = [d for d in ev.documents if d.path == "policies/good-neighbor.md"]
    assert neighbor.rules == ["4.J.30.b"] and neighbor.mapped_by == ["front-matter"]
    assert neighbor.reviewed == date(2026, 3, 1) and neighbor.title == "Good Neighbor Policy"
    assert [d for d in ev.documents if "4.J.30.b" in d.rules] == [neighbor]


def test_single_rule_id_and_manifest_title() -> None:
    ev = load(HARBOR).evidence
    (rules,) = [d for d in ev.documents if d.path == "policies/house-rules.html"]
    assert rules.rules == ["3.I.27.e"]  # written `rules: 3.I.27.e`, without brackets
    assert rules.title == "House rules and weekly meeting"
    assert rules.content is not None and "tracking" not in rules.content.text


def test_csv_log_keeps_only_dates_and_rows() -> None:
    ev = load(HARBOR).evidence
    (meetings,) = [d for d in ev.documents if d.path == "logs/house-meetings.csv"]
    # ISO, US style and ISO with a time; the blank line 4 is skipped and rows keep their line numbers
    assert [(r.date, r.row) for r in meetings.records] == [
        (date(2026, 10, 4), 2),
        (date(2026, 10, 11), 3),
        (date(2026, 10, 18), 5),
        (date(2026, 10, 25), 6),
    ]
    assert meetings.content is None
    # a log's rows hold residents' initials: none of them may reach what is loaded
    dumped = meetings.model_dump_json()
    assert "AB" not in dumped and "chair" not in dumped


def test_log_date_column_and_yaml_log() -> None:
    ev = load(HARBOR).evidence
    (drills,) = [d for d in ev.documents if d.path == "logs/fire-drills.csv"]
    assert [r.date for r in drills.records] == [date(2026, 8, 30), date(2026, 9, 27)]
    (checks,) = [d for d in ev.documents if d.path == "logs/detector-checks.yaml"]
    assert [(r.date, r.row) for r in checks.records] == [(date(2026, 9, 1), 3), (date(2026, 10, 1), 5)]
    assert "battery" not in checks.model_dump_json()


def test_attestations_and_exceptions_are_typed() -> None:
    manifest = load(HARBOR).evidence.manifest
    (attestation,) = manifest.attestations
    assert (attestation.rule, attestation.date) == ("2.F.17.a", date(2026, 10, 15))
    (exception,) = manifest.exceptions
    assert exception.expires_on == date(2027, 6, 30)


def test_affiliate_applies_its_overlay_and_level_may_be_a_number() -> None:
    loaded = load(POLICY_REPO)
    ev = loaded.evidence
    assert ev.level is Level.III and ev.overlays == ["azrha"]
    assert "4.J.30.AZ1" in loaded.rulebook.rule_ids()
    (policy,) = ev.documents
    assert (policy.path, policy.rules, policy.effective) == (
        "policies/good-neighbor.md",
        ["4.J.30.AZ1"],
        date(2026, 1, 15),
    )
    assert ev.unmapped == ["logs/house-meetings.csv", "policies/fire-safety.md"]


def test_assessment_date_defaults_to_today_and_as_of_and_level_override() -> None:
    assert load(POLICY_REPO).evidence.assessed_on == ASSESSED  # no assessed_on: today
    ev = load(HARBOR, as_of=date(2026, 12, 31), level=Level.IV).evidence
    assert ev.assessed_on == date(2026, 12, 31) and ev.level is Level.IV


def test_loading_never_writes_into_the_folder(harbor: Path) -> None:
    (harbor / "policies" / "locked.pdf").write_bytes(pdf_bytes(["x"], user_password="pw"))
    (harbor / "photos").mkdir()
    (harbor / "photos" / "extinguisher.jpg").write_bytes(image_bytes("JPEG", datetime(2026, 10, 2)))
    before = snapshot(harbor)
    load(harbor)
    with pytest.raises(NarrError):  # a failed load writes nothing either
        load(harbor, as_of=date(2026, 1, 1))  # the attestation is then dated after the assessment
    assert snapshot(harbor) == before


def test_documents_of_every_kind_and_one_unreadable_pdf(harbor: Path) -> None:
    """A password-protected PDF is loaded as unreadable, saying so; everything else still loads."""
    (harbor / "policies" / "locked.pdf").write_bytes(pdf_bytes(["Grievances"], user_password="pw"))
    (harbor / "policies" / "fire-plan.pdf").write_bytes(pdf_bytes(["Exits", "Drills monthly"], title="Fire Plan"))
    (harbor / "policies" / "handbook.docx").write_bytes(docx_bytes(title="Resident Handbook"))
    (harbor / "photos").mkdir()
    (harbor / "photos" / "extinguisher.jpg").write_bytes(image_bytes("JPEG", datetime(2026, 10, 2, 8, 0)))
    manifest = harbor / "residence.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "  # logs\n",
            "  - file: policies/locked.pdf\n    rules: [1.C.7.b]\n"
            "  - file: policies/fire-plan.pdf\n    rules: [2.F.17.c]\n"
            "  - file: policies/handbook.docx\n    rules: [3.I.27.e]\n"
            "  - file: photos/extinguisher.jpg\n    rules: [2.F.17.c]\n"
            "  # logs\n",
        ),
        encoding="utf-8",
    )
    ev = load(harbor).evidence
    docs = {d.path: d for d in ev.documents}
    locked = docs["policies/locked.pdf"]
    assert locked.kind == "pdf" and locked.content is None
    assert locked.unreadable is not None and "password" in locked.unreadable.reason
    assert locked.rules == ["1.C.7.b"] and locked.size > 0
    plan = docs["policies/fire-plan.pdf"]
    assert plan.unreadable is None and plan.content is not None and plan.content.pages == 2
    assert plan.title == "Fire Plan" and [s.where for s in plan.content.segments] == ["page 1", "page 2"]
    handbook = docs["policies/handbook.docx"]
    assert handbook.content is not None and handbook.title == "Resident Handbook"
    photo = docs["photos/extinguisher.jpg"]
    assert photo.kind == "image" and photo.content is not None
    assert photo.content.photo_date == date(2026, 10, 2)
    assert len(ev.documents) == 10  # the six of the fixture, and these four


def test_document_over_the_size_limit_is_unreadable_and_the_rest_loads(
    harbor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_module, "MAX_TEXT_BYTES", 1024 * 1024)
    big = "# Resident Handbook\n" + "Residents keep their rooms tidy.\n" * 47_000  # about 1.5 MB
    (harbor / "policies" / "handbook.md").write_text(big, encoding="utf-8")
    manifest = harbor / "residence.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  # logs\n", "  - file: policies/handbook.md\n    rules: [3.I.27.e]\n"))
    docs = {d.path: d for d in load(harbor).evidence.documents}
    handbook = docs["policies/handbook.md"]
    assert handbook.unreadable is not None and handbook.content is None
    assert handbook.unreadable.reason == "the file is 1.5 MB, more than the 1 MB narr-audit reads"
    assert handbook.rules == ["3.I.27.e"]
    assert docs["policies/grievance-policy.md"].content is not None  # the rest still loads


def test_mapped_file_of_an_unsupported_kind_is_unreadable(harbor: Path) -> None:
    (harbor / "policies" / "agreement.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    manifest = harbor / "residence.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  # logs\n", "  - file: policies/agreement.doc\n    rules: [1.C.7.b]\n"))
    (doc,) = [d for d in load(harbor).evidence.documents if d.path == "policies/agreement.doc"]
    assert doc.unreadable is not None and ".doc" in doc.unreadable.reason and "PDF" in doc.unreadable.hint


def test_a_mapped_hidden_file_is_loaded_not_dropped(harbor: Path) -> None:
    """The walk skips hidden folders, but a file the manifest names is the operator's choice."""
    (harbor / ".archive").mkdir()
    (harbor / ".archive" / "old-grievance.md").write_text("# Old grievance policy\n", encoding="utf-8")
    (harbor / ".archive" / "unlisted.md").write_text("# Not mapped\n", encoding="utf-8")
    manifest = harbor / "residence.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  # logs\n", "  - file: .archive/old-grievance.md\n    rules: [1.C.7.b]\n"))
    ev = load(harbor).evidence
    assert [d.rules for d in ev.documents if d.path == ".archive/old-grievance.md"] == [["1.C.7.b"]]
    assert not any(".archive" in p for p in ev.unmapped)


# --- warnings: the folder still loads --------------------------------------------------------------------------


def test_exception_with_a_malformed_expiry_warns_and_still_loads(harbor: Path) -> None:
    manifest = harbor / "residence.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("expires: 2027-06-30", "expires: next June"))
    ev = load(harbor).evidence
    (warning,) = ev.warnings
    assert (warning.file, warning.line, warning.field, warning.rule) == (
        "residence.yaml",
        39,
        "exceptions[0].expires",
        "2.F.17.c",
    )
    assert "'next June' is not a valid date; it will count as not met" in warning.message
    assert ev.manifest.exceptions[0].expires_on is None


def test_link_to_a_file_outside_is_ignored_with_a_warning(harbor: Path) -> None:
    (harbor / "notes" / "shared.md").symlink_to(harbor.parent / "outside.md")
    (harbor / "linked-folder").symlink_to(harbor.parent, target_is_directory=True)
    ev = load(harbor).evidence
    assert {(w.file, w.message) for w in ev.warnings} == {
        ("notes/shared.md", "ignored: this link leads outside the evidence folder"),
        ("linked-folder", "ignored: this link leads outside the evidence folder"),
    }
    assert "notes/shared.md" not in ev.unmapped
    assert all(d.path != "notes/shared.md" for d in ev.documents)  # its front matter was never read


def test_link_inside_the_folder_is_followed(harbor: Path) -> None:
    (harbor / "current-rules.html").symlink_to(harbor / "policies" / "house-rules.html")
    manifest = harbor / "residence.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("file: policies/house-rules.html", "file: current-rules.html"))
    ev = load(harbor).evidence
    assert [d.rules for d in ev.documents if d.path == "policies/house-rules.html"] == [["3.I.27.e"]]
    assert ev.warnings == []


def test_unmapped_markdown_that_is_not_utf8_warns_that_its_front_matter_is_unread(harbor: Path) -> None:
    (harbor / "notes" / "visitors.md").write_bytes(b"---\nnarr: [3.I.27.e]\n---\n# Visitors\nCaf\xe9 rule\n")
    ev = load(harbor).evidence
    (warning,) = ev.warnings
    assert warning.file == "notes/visitors.md"
    assert "not UTF-8 text (first bad byte on line 5)" in warning.message and "front matter" in warning.message
    assert "notes/visitors.md" in ev.unmapped


# --- broken folders: each names file, line, field and what to do -----------------------------------------------


Edit = Callable[[Path], None]


def replace(old: str, new: str, file: str = "residence.yaml") -> Edit:
    def edit(folder: Path) -> None:
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the case's text {old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def write(file: str, data: str | bytes) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)

    return edit


def link(file: str, target: str) -> Edit:
    def edit(folder: Path) -> None:
        (folder / file).symlink_to(folder / target)

    return edit


def steps(*edits: Edit) -> Edit:
    def edit(folder: Path) -> None:
        for one in edits:
            one(folder)

    return edit


def latin1_manifest(folder: Path) -> None:
    path = folder / "residence.yaml"
    path.write_bytes(path.read_bytes().replace(b"Harbor Recovery LLC", b"Harbor R\xe9covery LLC"))


BOMB = 'lol1: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\nlol2: &b [*a, *a, *a, *a, *a, *a]\n'


@dataclass(frozen=True)
class Broken:
    name: str
    edit: Edit
    file: str
    line: int | None
    field: str | None
    message: str
    hint: str | None = None
    rule: str | None = None


BROKEN = [
    Broken("malformed-yaml", replace("  beds: 8\n", "  beds: [8\n"), "residence.yaml", 9, None,
           "invalid YAML: did not find expected ',' or ']'", "fix the YAML syntax at that line"),
    Broken("wrong-type", replace("beds: 8", "beds: many"), "residence.yaml", 8, "residence.beds",
           "Input should be a valid integer", "write a whole number"),
    Broken("true-is-not-a-number", replace("beds: 8", "beds: true"), "residence.yaml", 8, "residence.beds",
           "'true' is not a number; write the number of beds"),
    Broken("misspelled-key", replace("  address:", "  adress:"), "residence.yaml", 7, "residence.adress",
           "Extra inputs are not permitted", "remove 'adress' or correct its spelling"),
    Broken("missing-key", replace("  operator: Harbor Recovery LLC\n", ""), "residence.yaml", 3,
           "residence.operator", "the field 'operator' is required", "add the field 'operator'"),
    Broken("duplicate-key", replace("  beds: 8\n", "  beds: 8\n  beds: 9\n"), "residence.yaml", 9, None,
           "duplicate key 'beds' (first given on line 8)"),
    Broken("impossible-date", replace("assessed_on: 2026-11-01", "assessed_on: 2026-02-30"), "residence.yaml", 9,
           "assessed_on", "'2026-02-30' is not a real date: February 2026 has 28 days"),
    Broken("bad-month", replace("effective: 2025-02-01", "effective: 2025-13-01"), "residence.yaml", 15,
           "evidence[0].effective", "'2025-13-01' has no month 13"),
    Broken("not-a-level", replace("level: II ", "level: V "), "residence.yaml", 6, "residence.level",
           "'V' is not a level of support; use I, II, III or IV"),
    Broken("unknown-rule", replace("rules: [1.C.7.b]", "rules: [1.C.7.x]"), "residence.yaml", 14,
           "evidence[0].rules[0]", "there is no rule '1.C.7.x'", "did you mean 1.C.7."),
    Broken("unknown-rule-in-attestation", replace("rule: 2.F.17.a", "rule: 2.F.71.a"), "residence.yaml", 30,
           "attestations[0].rule", "there is no rule '2.F.71.a'", "2.F.17.a?"),
    Broken("empty-rules", replace("rules: [1.C.7.b]", "rules: []"), "residence.yaml", 14, "evidence[0].rules",
           "at least 1 item", "give at least one entry"),
    Broken("missing-file", replace("file: policies/grievance-policy.md", "file: policies/greivance-policy.md"),
           "residence.yaml", 13, "evidence[0].file", "there is no file 'policies/greivance-policy.md' in the folder",
           "did you mean policies/grievance-policy.md"),
    Broken("absolute-path", replace("file: policies/grievance-policy.md", "file: /etc/passwd"), "residence.yaml",
           13, "evidence[0].file", "'/etc/passwd' is an absolute path", "copy the file into the folder"),
    Broken("windows-absolute-path", replace("file: policies/grievance-policy.md", "file: C:\\Users\\dana\\g.md"),
           "residence.yaml", 13, "evidence[0].file", "is an absolute path", "copy the file into the folder"),
    Broken("path-outside", replace("file: policies/grievance-policy.md", "file: ../outside.md"), "residence.yaml",
           13, "evidence[0].file", "'../outside.md' leads outside the evidence folder; it is refused",
           "copy the file into the folder"),
    Broken("mapped-link-outside",
           steps(link("policies/shared.md", "../outside.md"),
                 replace("file: policies/grievance-policy.md", "file: policies/shared.md")),
           "residence.yaml", 13, "evidence[0].file", "'policies/shared.md' leads outside the evidence folder"),
    Broken("listed-twice", replace("  # logs\n", "  - file: policies/./grievance-policy.md\n    rules: [1.C.7.a]\n"),
           "residence.yaml", 20, "evidence[2].file",
           "policies/grievance-policy.md is listed twice (also as evidence[0])", "list each file once"),
    Broken("attestation-after-assessment", replace("date: 2026-10-15", "date: 2026-11-02"), "residence.yaml", 33,
           "attestations[0].date", "the attestation is dated 2026-11-02, after the assessment date 2026-11-01",
           "correct the date it was signed", rule="2.F.17.a"),
    Broken("alias-bomb", lambda folder: write("residence.yaml", BOMB + (folder / "residence.yaml").read_text())(folder),
           "residence.yaml", 2, None, "YAML anchors and aliases (&name, *name) are not allowed",
           "write the repeated values out in full"),
    Broken("manifest-not-utf8", latin1_manifest, "residence.yaml", 5, None, "the file is not UTF-8 text",
           "save it as UTF-8"),
    Broken("manifest-too-big", replace("# Harbor House", "#" + "x" * (2 * 1024 * 1024) + "\n# Harbor House"),
           "residence.yaml", None, None, "allowed for a YAML file", "split it"),
    Broken("manifest-not-a-mapping", write("residence.yaml", "- Harbor House\n- 8 beds\n"), "residence.yaml", 1,
           None, "the file must hold a YAML mapping"),
    Broken("log-bad-date-in-row-5",
           write("logs/house-meetings.csv", "date,initials\n2026-10-04,AB\n2026-10-11,CD\n\n2026-02-30,EF\n"),
           "logs/house-meetings.csv", 5, "date", "row 5, column 1 ('date'): the date is not a real date",
           "write dates as YYYY-MM-DD"),
    Broken("log-row-without-date", write("logs/house-meetings.csv", "date,initials\n2026-10-04,AB\n,CD\n"),
           "logs/house-meetings.csv", 3, "date", "row 3, column 1 ('date'): the date is missing", "fill in the date"),
    Broken("log-not-utf8", write("logs/house-meetings.csv", b"date,initials\n2026-10-04,AB\n2026-10-11,\xc9L\n"),
           "logs/house-meetings.csv", 3, None, "the log is not UTF-8 text", "CSV UTF-8"),
    Broken("log-date-column-missing", replace("date_column: Drill date", "date_column: When"), "logs/fire-drills.csv",
           1, "date_column", "the first row has no column 'When' (it has 3 column(s))",
           "correct date_column in residence.yaml"),
    Broken("yaml-log-bad-date", replace("date: 2026-10-01", "date: 2026-10-32", "logs/detector-checks.yaml"),
           "logs/detector-checks.yaml", 5, "date", "entry 2, key 'date': the date is not a real date"),
    Broken("front-matter-unknown-rule", replace("  - 4.J.30.b", "  - 4.J.30.bb", "policies/good-neighbor.md"),
           "policies/good-neighbor.md", 4, "narr[0]", "there is no rule '4.J.30.bb'",
           "did you mean 4.J.30.c or 4.J.30.b"),
    Broken("front-matter-bad-date",
           replace("reviewed: 2026-03-01", "reviewed: 2026-02-29", "policies/good-neighbor.md"),
           "policies/good-neighbor.md", 5, "reviewed", "February 2026 has 28 days"),
    Broken("front-matter-bad-yaml", replace("layout: policy", "layout: [policy", "policies/good-neighbor.md"),
           "policies/good-neighbor.md", 3, None, "invalid YAML"),
]  # fmt: skip


@pytest.mark.parametrize("case", BROKEN, ids=[c.name for c in BROKEN])
def test_broken_folder_names_file_line_field_and_fix(harbor: Path, case: Broken) -> None:
    case.edit(harbor)
    problems = problems_of(harbor)
    matching = [p for p in problems if case.message in p.message]
    assert matching, f"no problem says {case.message!r}: {[p.render() for p in problems]}"
    first = matching[0]
    assert (first.file, first.line, first.field) == (case.file, case.line, case.field), first.render()
    if case.hint is not None:
        assert first.hint is not None and case.hint in first.hint, first.render()
    assert first.rule == case.rule, "only a rule id may be shown as the problem's rule"
    where = case.file if case.line is None else f"{case.file}:{case.line}"
    assert first.render().startswith(f"{where}: ")


def test_log_over_the_size_limit_is_an_error(harbor: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs_module, "MAX_LOG_BYTES", 40)
    problems = problems_of(harbor)
    assert {p.file for p in problems} == {
        "logs/house-meetings.csv",
        "logs/fire-drills.csv",
        "logs/detector-checks.yaml",
    }
    assert all("more than the 40 narr-audit reads" in p.message and p.hint for p in problems)


def test_every_problem_is_reported_at_once(harbor: Path) -> None:
    steps(
        replace("rules: [1.C.7.b]", "rules: [1.C.7.x]"),
        replace("file: logs/house-meetings.csv", "file: logs/house-meeting.csv"),
        replace("date: 2026-10-15", "date: 2026-12-15"),
        replace("2026-09-27", "09/31/2026", "logs/fire-drills.csv"),
        replace("  - 4.J.30.b", "  - 4.J.30.x", "policies/good-neighbor.md"),
    )(harbor)
    found = {(p.file, p.line, p.field) for p in problems_of(harbor)}
    assert found == {
        ("residence.yaml", 14, "evidence[0].rules[0]"),
        ("residence.yaml", 21, "evidence[2].file"),
        ("residence.yaml", 33, "attestations[0].date"),
        ("logs/fire-drills.csv", 3, "Drill date"),
        ("policies/good-neighbor.md", 4, "narr[0]"),
    }


def test_every_field_problem_of_the_manifest_is_reported_at_once(harbor: Path) -> None:
    steps(replace("beds: 8", "beds: many"), replace("  address:", "  adress:"), replace("date: 2026-10-15", "date: 0"))(
        harbor
    )
    found = {(p.line, p.field) for p in problems_of(harbor)}
    assert {(8, "residence.beds"), (7, "residence.adress"), (3, "residence.address"), (33, "date")} <= found


def test_folder_without_a_manifest_says_how_to_start_one(tmp_path: Path) -> None:
    (tmp_path / "policy.md").write_text("# A policy\n", encoding="utf-8")
    (problem,) = problems_of(tmp_path)
    assert problem.message == "there is no residence.yaml in this folder"
    assert problem.hint is not None and "narr-audit init" in problem.hint


@pytest.mark.parametrize(("name", "message"), [("missing", "no such folder"), ("file.txt", "this is a file")])
def test_folder_that_is_not_a_folder(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (problem,) = problems_of(tmp_path / name)
    assert message in problem.message and problem.file == str(tmp_path / name)
