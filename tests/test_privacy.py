"""The privacy guard: resident data planted in logs, Word files and scans is found, shown only masked,
and redacted into copies outside the folder; public numbers (the house's, agencies', staff roles') and
the examples (which hold none) give no finding."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from narr_audit.evidence.cache import ExtractionCache
from narr_audit.results.privacy import Finding
from narr_audit.workflows.privacy import classify, looks_like_name, public_from_manifest, scan_folder
from tests.conftest import run_cli
from tests.evidence_samples import snapshot
from tests.folders import MISSION, make_folder

EXAMPLES = Path(__file__).parent.parent / "examples"

NAME, PHONE, DOB = "Marisol Vantongeren", "(520) 555-0199", "1988-03-14"
EMAIL, SSN, MEDICAID = "marisol.v@mailbox.example", "123-45-6789", "AZ12345678"
PLANTED = ("Marisol", "Vantongeren", "555-0199", "5550199", "1988-03-14", "03/14/1988", "marisol.v", "123-45-6789",
           "12345678")  # fmt: skip


def tesseract() -> None:
    """OCR needs Tesseract; skipped without it, except in CI, where a missing Tesseract is a failure."""
    if shutil.which("tesseract") is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but tesseract is missing: install Debian's tesseract-ocr (.ci/run does)")
        pytest.skip("needs Tesseract OCR (apt-get install tesseract-ocr); set CI to make this fail")


def test_without_tesseract_the_ocr_tests_skip_but_fail_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs Tesseract"):
        tesseract()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set but"):
        tesseract()


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_roster() -> bytes:
    """An intake sheet in Word: a labelled resident name in a paragraph, a roster table, an SSN."""
    import docx

    document = docx.Document()
    document.add_heading("Intake", level=1)
    document.add_paragraph(f"Resident: {NAME}")
    document.add_paragraph(f"SSN: {SSN}")
    table = document.add_table(rows=2, cols=3)
    for i, text in enumerate(("Name", "DOB", "Phone")):
        table.cell(0, i).text = text
    for i, text in enumerate((NAME, "03/14/1988", PHONE)):
        table.cell(1, i).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def scanned_page(fmt: str = "PNG") -> bytes:
    """A scanned drug-screen form: text drawn into a picture (no text layer), as a PNG or a PDF."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1400, 520), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    lines = (
        "DRUG SCREEN RESULT",
        f"Resident: {NAME}",
        "Date of birth: 03/14/1988",
        f"Phone: {PHONE}",
        "Result: Positive",
    )
    for i, line in enumerate(lines):
        draw.text((40, 30 + i * 90), line, fill="black", font=font)
    out = io.BytesIO()
    image.save(out, format=fmt, **({"resolution": 150} if fmt == "PDF" else {}))
    return out.getvalue()


INTAKE_LOG = (
    "date,resident,phone,dob,notes,uds_result\n"
    f"2026-10-01,{NAME},{PHONE},{DOB},called her sister at 520-555-0123,positive\n"
    "2026-10-02,R-07,,,,negative\n"
)


def planted(root: Path) -> Path:
    return make_folder(
        root,
        files={
            "policies/mission.md": MISSION,
            "logs/intake-log.csv": INTAKE_LOG,
            "logs/clients.xlsx": xlsx(
                [["date", "Client Name", "Medicaid ID", "Email"], ["2026-10-01", NAME, MEDICAID, EMAIL]]
            ),
            "forms/intake-roster.docx": docx_roster(),
        },
        evidence=[{"file": "policies/mission.md", "rules": ["1.A.1.a"]}],
    )


def places(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.file, f.where(), f.kind) for f in findings}


# Findings, by place and kind, masked


def test_a_csv_log_with_resident_columns_is_found_cell_by_cell(tmp_path: Path) -> None:
    scan = scan_folder(planted(tmp_path / "house"))
    found = places(scan.findings_in("logs/intake-log.csv"))
    assert found == {
        ("logs/intake-log.csv", "row 2, column 2 ('resident')", "resident name"),
        ("logs/intake-log.csv", "row 2, column 3 ('phone')", "phone number"),
        ("logs/intake-log.csv", "row 2, column 4 ('dob')", "date of birth"),
        ("logs/intake-log.csv", "row 2, column 5", "phone number"),
        ("logs/intake-log.csv", "row 2, column 6 ('uds_result')", "drug-test result tied to a person"),
    }
    masked = {f.kind: f.masked for f in scan.findings_in("logs/intake-log.csv")}
    assert masked["resident name"] == "M*** V***"
    assert masked["phone number"] in ("***-***-0199", "***-***-0123")
    assert masked["date of birth"] == "**/**/****"


def test_row_ids_and_initials_in_a_resident_column_are_not_names(tmp_path: Path) -> None:
    """R-07's negative test is tied to an id, as a log should keep it: no finding on row 3."""
    scan = scan_folder(planted(tmp_path / "house"))
    assert all(f.row == 2 for f in scan.findings_in("logs/intake-log.csv"))
    assert not looks_like_name("R-07") and not looks_like_name("J.S.") and not looks_like_name("JS")
    assert looks_like_name(NAME) and looks_like_name("SMITH, JANE")


def test_an_excel_log_is_read_by_its_headers(tmp_path: Path) -> None:
    scan = scan_folder(planted(tmp_path / "house"))
    assert {(f.where(), f.kind, f.masked) for f in scan.findings_in("logs/clients.xlsx")} == {
        ("row 2, column 2 ('Client Name')", "resident name", "M*** V***"),
        ("row 2, column 3 ('Medicaid ID')", "medicaid or insurance id", "****78"),
        ("row 2, column 4 ('Email')", "e-mail address", "m***@***.example"),
    }


def test_a_word_file_is_read_as_text_and_its_tables_by_their_headers(tmp_path: Path) -> None:
    scan = scan_folder(planted(tmp_path / "house"))
    found = {(f.where(), f.kind) for f in scan.findings_in("forms/intake-roster.docx")}
    assert ("table 1, row 2, column 1 ('Name')", "resident name") in found
    assert ("table 1, row 2, column 2 ('DOB')", "date of birth") in found
    assert ("table 1, row 2, column 3 ('Phone')", "phone number") in found
    assert ("line 3", "social security number") in found


def test_headers_name_the_columns_that_hold_people(tmp_path: Path) -> None:
    people = {"resident": "resident name", "Resident Name": "resident name", "client": "resident name",
              "DOB": "date of birth", "Date of Birth": "date of birth", "cell phone": "phone number",
              "E-mail": "e-mail address", "SSN": "social security number", "AHCCCS ID": "medicaid or insurance id",
              "insurance member number": "medicaid or insurance id", "UDS result": "drug-test result tied to a person",
              "emergency contact": "resident name"}  # fmt: skip
    for header, kind in people.items():
        found = classify(header)
        assert found is not None and found.value == kind, header
    for header in ("date", "staff", "checked_by", "facilitator", "residents_attending", "resident_input", "notes",
                   "house manager phone", "event name", "course"):  # fmt: skip
        assert classify(header) is None, header


def test_staff_columns_are_not_resident_data(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={
            "logs/drills.csv": (
                "date,led_by,checked_by,staff,residents_present\n2026-10-01,D. Reyes,Dana Reyes,T. Brooks,7\n"
            ),
            "logs/grievances.csv": (
                "date_received,resident,subject\n2026-10-01,R-06,chore chart\n2026-10-02,J.S.,noise\n"
            ),
        },
    )
    assert scan_folder(folder).findings == []


@pytest.mark.slow
def test_a_scanned_page_is_read_by_ocr(tmp_path: Path) -> None:
    tesseract()
    folder = make_folder(
        tmp_path / "house",
        files={"forms/drug-screen.png": scanned_page("PNG"), "forms/drug-screen.pdf": scanned_page("PDF")},
    )
    scan = scan_folder(folder)
    assert scan.ocr and not scan.not_checked
    for file, page in (("forms/drug-screen.png", None), ("forms/drug-screen.pdf", "page 1")):
        found = scan.findings_in(file)
        kinds = {f.kind for f in found}
        assert {"resident name", "date of birth", "phone number", "drug-test result tied to a person"} <= kinds, file
        assert {f.read_by for f in found} == {"ocr"}
        assert {f.page for f in found} == {page}
        assert any(f.masked == "M*** V***" for f in found)


@pytest.mark.slow
def test_ocr_readings_are_kept_in_the_cache_so_a_second_run_reads_nothing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tesseract()
    import narr_audit.workflows.privacy as privacy

    folder = make_folder(tmp_path / "house", files={"forms/drug-screen.png": scanned_page("PNG")})
    cache = ExtractionCache(tmp_path / "cache")
    first = scan_folder(folder, cache=cache)
    assert first.findings
    monkeypatch.setattr(privacy, "ocr_image", lambda _data: pytest.fail("the scan was read again"))
    assert scan_folder(folder, cache=cache).findings == first.findings
    assert not any(p.name.startswith("extract") for p in folder.rglob("*"))


def test_without_tesseract_scans_are_listed_as_not_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import narr_audit.evidence.ocr as ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    folder = make_folder(tmp_path / "house", files={"forms/scan.png": scanned_page("PNG")})
    run = run_cli("privacy", str(folder))
    assert run.exit_code == 0
    assert "forms/scan.png: Tesseract OCR is not installed" in run.stdout
    assert "apt-get install tesseract-ocr" in run.stdout


# What is public is not a finding


RESOURCE_GUIDE = """# Community resource guide

- Poison control: 1-800-222-1222
- Suicide and crisis lifeline: call or text 988; community services: 211
- Pima County crisis response line: (520) 555-0100
- Narcotics Anonymous, Tucson area: helpline (520) 555-0111
- Legal aid (housing, record clearing): (520) 555-0150, intake weekdays 9 a.m. to noon
- House Manager, Dana Reyes: (520) 555-0142 or manager@harborhouse.example.org
- Write to the office: info@harborhouse.example.org

Harbor Recovery LLC - 12 Elm St, Tucson - (520) 555-0140
(520) 555-0147
"""


def test_agency_lines_staff_roles_and_the_operators_own_numbers_are_not_findings(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", files={"resources/guide.md": RESOURCE_GUIDE}, operator="Harbor Recovery LLC"
    )
    manifest = folder / "residence.yaml"
    manifest.write_text(manifest.read_text() + "# office line, published on our website: (520) 555-0147\n")
    assert public_from_manifest(folder.resolve()).numbers == frozenset({"5205550147"})
    assert scan_folder(folder).findings == []


def test_the_same_numbers_are_findings_when_a_line_labels_a_resident(tmp_path: Path) -> None:
    text = "Resident: Marisol Vantongeren, phone (520) 555-0100\nEmergency contact: Ana Vantongeren (520) 555-0111\n"
    text += "Notes: call back at (520) 555-0188, or write to marisol.v@mailbox.example\n"
    folder = make_folder(tmp_path / "house", files={"notes/intake.txt": text})
    found = {(f.line, f.kind) for f in scan_folder(folder).findings}
    assert found == {
        (1, "resident name"),
        (1, "phone number"),
        (2, "resident name"),
        (2, "phone number"),
        (3, "phone number"),
        (3, "e-mail address"),
    }


@pytest.mark.slow
def test_the_examples_hold_no_resident_data() -> None:
    """Every file of every example, photos by OCR when Tesseract is installed: no finding."""
    for example in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
        scan = scan_folder(example)
        assert scan.findings == [], [(f.file, f.where(), f.kind) for f in scan.findings]
        assert all("Tesseract" in n.reason for n in scan.not_checked), scan.not_checked
        assert len(scan.checked) + len(scan.not_checked) > 20


# The command: masked output, exit codes, redaction


def test_privacy_shows_where_and_masked_never_the_value(tmp_path: Path) -> None:
    folder = planted(tmp_path / "house")
    for fmt in ("text", "json"):
        run = run_cli("privacy", str(folder), "--format", fmt)
        assert run.exit_code == 1
        for value in PLANTED:
            assert value not in run.stdout + run.stderr, (fmt, value)
    data = json.loads(run.stdout)
    assert {f["file"] for f in data["findings"]} == {
        "logs/intake-log.csv",
        "logs/clients.xlsx",
        "forms/intake-roster.docx",
    }
    text = run_cli("privacy", str(folder)).stdout
    assert "  row 2, column 2 ('resident'): resident name M*** V***" in text
    assert "3 of 4 file(s) checked" in text


def test_a_clean_folder_exits_0_and_a_missing_one_2(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", files={"policies/mission.md": MISSION})
    run = run_cli("privacy", str(folder))
    assert run.exit_code == 0
    assert "No resident data found in 1 file(s) checked." in run.stdout
    run = run_cli("privacy", str(tmp_path / "nowhere"))
    assert run.exit_code == 2
    assert "no such folder" in run.stderr


def test_redact_to_writes_clean_copies_of_logs_and_leaves_the_folder_untouched(tmp_path: Path) -> None:
    folder = planted(tmp_path / "house")
    before = snapshot(folder)
    out = tmp_path / "redacted"
    run = run_cli("privacy", str(folder), "--redact-to", str(out))
    assert run.exit_code == 1  # the folder still holds the data until the copies replace the logs
    assert snapshot(folder) == before
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "logs/clients.xlsx",
        "logs/intake-log.csv",
    ]
    assert "Redact by hand: forms/intake-roster.docx" in run.stdout
    csv_copy = (out / "logs/intake-log.csv").read_text(encoding="utf-8")
    assert csv_copy.splitlines() == [
        "date,resident,notes,uds_result",
        "2026-10-01,M.V.,called her sister at [removed],positive",
        "2026-10-02,R-07,,negative",
    ]
    sheet = load_workbook(out / "logs/clients.xlsx", read_only=True).worksheets[0]
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [["date", "Client Name"], ["2026-10-01", "M.V."]]
    assert scan_folder(out, ["logs/intake-log.csv", "logs/clients.xlsx"]).findings == []


def test_redact_to_inside_the_evidence_folder_is_refused(tmp_path: Path) -> None:
    folder = planted(tmp_path / "house")
    before = snapshot(folder)
    run = run_cli("privacy", str(folder), "--redact-to", str(folder / "redacted"))
    assert run.exit_code == 2
    assert "which narr-audit only reads" in run.stderr
    assert snapshot(folder) == before


def test_a_link_planted_in_the_output_is_replaced_not_followed(tmp_path: Path) -> None:
    folder = planted(tmp_path / "house")
    original = (folder / "logs/intake-log.csv").read_bytes()
    out = tmp_path / "redacted"
    (out / "logs").mkdir(parents=True)
    (out / "logs/intake-log.csv").symlink_to(folder / "logs/intake-log.csv")
    assert run_cli("privacy", str(folder), "--redact-to", str(out)).exit_code == 1
    assert (folder / "logs/intake-log.csv").read_bytes() == original
    assert not (out / "logs/intake-log.csv").is_symlink()
