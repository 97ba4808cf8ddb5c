"""Text from scans: image-only PDF pages and photos are read by Tesseract OCR when it is installed, the
reading is cached by content hash, and evidence read so carries its confidence; without Tesseract the
scan is reported unreadable as before, with how to install it. Pages with a text layer are never OCR'd,
OCR is bounded by page count and pixels, and a reading of noise is "the scan could not be read"."""

from __future__ import annotations

import io
import os
import random
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import narr_audit.evidence.extract as extract_module
import narr_audit.evidence.ocr as ocr
from narr_audit.api import audit
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.content import Extracted, Unreadable
from narr_audit.evidence.extract import extract

from .folders import make_folder

TODAY = date(2026, 11, 1)
CERTIFICATE = (
    "CERTIFICATE OF LIABILITY INSURANCE",
    "Named insured: Test Recovery LLC",
    "Commercial general liability insurance",
    "Policy period: 01/15/2026 to 01/15/2027",
)
MISSION = (
    "OUR MISSION",
    "Our mission is to offer a safe, alcohol- and drug-free",
    "home for people in recovery from substance use.",
    "It is shared with every staff member and board",
    "member at orientation.",
)


def tesseract() -> None:
    """OCR needs Tesseract; skipped without it, except in CI, where a missing Tesseract is a failure."""
    if shutil.which("tesseract") is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but tesseract is missing: install Debian's tesseract-ocr (.ci/run does)")
        pytest.skip("needs Tesseract OCR (apt-get install tesseract-ocr); set CI to make this fail")


@pytest.fixture(autouse=True)
def _fresh_readings() -> Iterator[None]:
    """Each test reads its scans itself, not from another test's reading kept in this process."""
    ocr._MEMO.clear()
    ocr._PENDING.clear()
    yield
    ocr._MEMO.clear()
    ocr._PENDING.clear()


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)


def picture(lines: tuple[str, ...], size: tuple[int, int] = (1400, 600)) -> Any:
    """A page of text as a picture: what a scanner or a phone makes of a printed sheet."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    for i, line in enumerate(lines):
        draw.text((40, 40 + i * 90), line, fill="black", font=font)
    return image


def scan(*pages: tuple[str, ...]) -> bytes:
    """A scanned PDF: each page a picture, no text layer."""
    images = [picture(lines) for lines in pages]
    out = io.BytesIO()
    images[0].save(out, format="PDF", resolution=150, save_all=True, append_images=images[1:])
    return out.getvalue()


def photo(lines: tuple[str, ...]) -> bytes:
    out = io.BytesIO()
    picture(lines).save(out, format="JPEG", quality=90)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# With Tesseract


@pytest.mark.slow
def test_a_scanned_pdf_is_read_by_ocr_and_marked_with_its_confidence(tmp_path: Path) -> None:
    tesseract()
    found = extract(write(tmp_path, "certificate.pdf", scan(CERTIFICATE)), ocr=True)
    assert isinstance(found, Extracted), found
    assert found.segments[0].where == "page 1"
    assert "LIABILITY INSURANCE" in found.text and "01/15/2027" in found.text
    assert found.ocr_confidence is not None and found.ocr_confidence >= 60


@pytest.mark.slow
def test_ocr_is_asked_for_by_the_caller_so_other_readers_see_the_scan_as_before(tmp_path: Path) -> None:
    tesseract()
    path = write(tmp_path, "certificate.pdf", scan(CERTIFICATE))
    plain = extract(path)
    assert isinstance(plain, Unreadable) and "no text" in plain.reason


@pytest.mark.slow
def test_a_reading_is_cached_by_content_hash_apart_from_the_reading_without_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tesseract()
    path = write(tmp_path, "certificate.pdf", scan(CERTIFICATE))
    cache = ExtractionCache(tmp_path / "cache")
    first = extract(path, cache, ocr=True)
    assert isinstance(first, Extracted)
    ocr._MEMO.clear()
    monkeypatch.setattr(ocr, "_read", lambda *_args: pytest.fail("the scan was read again"))
    again = extract(path, cache, ocr=True)
    assert again == first and again.ocr_confidence == first.ocr_confidence
    assert isinstance(extract(path, cache), Unreadable)  # the reading without OCR is kept apart


@pytest.mark.slow
def test_the_same_scan_reads_the_same_every_time(tmp_path: Path) -> None:
    tesseract()
    path = write(tmp_path, "certificate.pdf", scan(CERTIFICATE))
    first = extract(path, ocr=True)
    ocr._MEMO.clear()
    assert extract(path, ocr=True) == first


@pytest.mark.slow
def test_photos_read_together_in_the_background_read_as_each_alone() -> None:
    tesseract()
    photos = [photo(MISSION), photo(CERTIFICATE), b"not a picture"]
    alone = [ocr._ocr_image(data, None) for data in photos]
    ocr.read_ahead(photos)
    assert len(ocr._PENDING) == 3
    together = [ocr.ocr_image(data) for data in photos]
    assert together == alone and not ocr._PENDING
    assert isinstance(together[0], ocr.OcrPage) and "mission" in together[0].text.lower()
    assert isinstance(together[2], Unreadable)


@pytest.mark.slow
def test_pages_with_a_text_layer_are_never_read_by_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tesseract()
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="House rules, typed: quiet hours start at 10 p.m.")
    pdf.add_page()
    pdf.image(picture(("Signed by the house manager",)), x=10, y=10, w=180)
    path = write(tmp_path, "rules.pdf", bytes(pdf.output()))
    asked: list[list[int]] = []
    real = extract_module.ocr_pdf_pages

    def spy(document: Any, pages: Any, digest: str, **options: Any) -> Any:
        asked.append(list(pages))
        return real(document, pages, digest, **options)

    monkeypatch.setattr(extract_module, "ocr_pdf_pages", spy)
    found = extract(path, ocr=True)
    assert isinstance(found, Extracted)
    assert asked == [[1]]
    assert "quiet hours" in found.segments[0].text and "house manager" in found.segments[1].text.lower()


@pytest.mark.slow
def test_a_typed_pdf_costs_no_ocr_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tesseract()
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Grievance procedure: write to the house manager.")
    path = write(tmp_path, "grievance.pdf", bytes(pdf.output()))
    monkeypatch.setattr(extract_module, "ocr_pdf_pages", lambda *_a: pytest.fail("OCR ran on a text layer"))
    found = extract(path, ocr=True)
    assert isinstance(found, Extracted) and found.ocr_confidence is None


@pytest.mark.slow
def test_a_blank_or_noisy_scan_is_the_scan_could_not_be_read(tmp_path: Path) -> None:
    tesseract()
    from PIL import Image

    blank = io.BytesIO()
    Image.new("L", (1200, 1600), 255).save(blank, format="PDF", resolution=150)
    noise = io.BytesIO()
    rng = random.Random(7)
    Image.frombytes("L", (600, 800), bytes(rng.choice((0, 255)) for _ in range(600 * 800))).save(
        noise, format="PDF", resolution=75
    )
    for name, data in (("blank.pdf", blank.getvalue()), ("noise.pdf", noise.getvalue())):
        found = extract(write(tmp_path, name, data), ocr=True)
        assert isinstance(found, Unreadable), name
        assert found.reason.startswith("the scan could not be read"), name
        assert "scan it again at 300 dpi" in found.hint


@pytest.mark.slow
def test_a_photo_of_a_posted_notice_is_read_and_meets_the_rule_with_its_confidence(tmp_path: Path) -> None:
    tesseract()
    folder = make_folder(
        tmp_path,
        files={"photos/mission-posted.jpg": photo(MISSION)},
        evidence=[{"file": "photos/mission-posted.jpg", "rules": ["1.A.1.a"]}],
    )
    result = audit(folder, today=TODAY).result("1.A.1.a")
    assert result is not None and result.status == "met", result.reason if result else None
    assert {e.file for e in result.evidence} == {"photos/mission-posted.jpg"}
    assert all(e.ocr is not None and e.ocr >= 60 for e in result.evidence)


@pytest.mark.slow
def test_a_photo_of_a_room_stays_a_photo(tmp_path: Path) -> None:
    tesseract()
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 140, 90)).save(out, format="JPEG")
    found = extract(write(tmp_path, "living-room.jpg", out.getvalue()), ocr=True)
    assert isinstance(found, Extracted) and found.kind == "image"
    assert found.segments == () and found.ocr_confidence is None


@pytest.mark.slow
def test_a_scanned_certificates_policy_period_read_by_ocr_dates_it(tmp_path: Path) -> None:
    tesseract()
    folder = make_folder(
        tmp_path,
        files={"business/insurance.pdf": scan(CERTIFICATE)},
        evidence=[{"file": "business/insurance.pdf", "rules": ["1.A.2.b"]}],
    )
    result = audit(folder, today=TODAY).result("1.A.2.b")
    assert result is not None
    current = next(c for c in result.checks if c.kind == "current")
    assert current.status == "met"
    assert "expires 2027-01-15, read from the text on page 1" in current.reason
    assert [e.ocr is not None for e in current.evidence] == [True]


@pytest.mark.slow
def test_a_low_confidence_reading_is_used_but_flagged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tesseract()
    real = ocr._read

    def unsure(image: Any, where: str | None) -> Any:
        page = real(image, where)
        return ocr.OcrPage(page.where, page.lines, 45.0) if isinstance(page, ocr.OcrPage) else page

    monkeypatch.setattr(ocr, "_read", unsure)
    folder = make_folder(
        tmp_path,
        files={"business/insurance.pdf": scan(CERTIFICATE)},
        evidence=[{"file": "business/insurance.pdf", "rules": ["1.A.2.b"]}],
    )
    report = audit(folder, today=TODAY)
    result = report.result("1.A.2.b")
    assert result is not None
    current = next(c for c in result.checks if c.kind == "current")
    assert current.status == "met"
    assert "business/insurance.pdf was read by OCR with low confidence (45 of 100)" in current.reason
    (warning,) = [w for w in report.warnings if w.file == "business/insurance.pdf"]
    assert "read by OCR with low confidence (45 of 100)" in warning.message


# Bounds


@pytest.mark.slow
def test_a_page_claiming_to_be_metres_wide_is_rendered_small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tesseract()
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(14400, 14400))  # 200 inches square: 40,000 pixels a side at 200 dpi
    pdf.add_page()
    pdf.image(picture(("A poster",), size=(400, 120)), x=100, y=100, w=2000)
    sizes: list[tuple[int, int]] = []
    real = ocr._read

    def measured(image: Any, where: str | None) -> Any:
        sizes.append(image.size)
        return real(image, where)

    monkeypatch.setattr(ocr, "_read", measured)
    extract(write(tmp_path, "poster.pdf", bytes(pdf.output())), ocr=True)
    assert sizes and max(sizes[0]) <= ocr.MAX_OCR_SIDE


def test_ocr_reads_at_most_max_ocr_pages_of_a_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str | None] = []

    def counted(image: Any, where: str | None) -> Any:
        read.append(where)
        return ocr.OcrPage(where, ("Scanned page of the resident handbook",), 90.0)

    monkeypatch.setattr(ocr, "tesseract_missing", lambda: None)
    monkeypatch.setattr(extract_module, "tesseract_missing", lambda: None)
    monkeypatch.setattr(ocr, "_read", counted)
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 2)
    found = extract(write(tmp_path, "handbook.pdf", scan(("one",), ("two",), ("three",))), ocr=True)
    assert read == ["page 1", "page 2"]
    assert isinstance(found, Extracted) and [s.text for s in found.segments][2] == ""


def test_a_scan_of_noise_is_given_up_after_a_few_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str | None] = []

    def nothing(image: Any, where: str | None) -> Any:
        read.append(where)
        return ocr.OcrPage(where, ("~ .. ,",), 12.0)

    monkeypatch.setattr(ocr, "tesseract_missing", lambda: None)
    monkeypatch.setattr(extract_module, "tesseract_missing", lambda: None)
    monkeypatch.setattr(ocr, "_read", nothing)
    found = extract(write(tmp_path, "noise.pdf", scan(*[("x",)] * 8)), ocr=True)
    assert read == [f"page {n}" for n in range(1, ocr.NOISE_PAGES + 1)]
    assert isinstance(found, Unreadable) and found.reason.startswith("the scan could not be read")


def test_a_failing_ocr_ends_cleanly_as_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_missing", lambda: None)
    monkeypatch.setattr(extract_module, "tesseract_missing", lambda: None)
    monkeypatch.setattr(ocr, "_read", lambda *_a: ocr._OCR_FAILED)
    found = extract(write(tmp_path, "scan.pdf", scan(CERTIFICATE)), ocr=True)
    assert isinstance(found, Unreadable) and "Tesseract could not read the picture" in found.reason


# Without Tesseract


def test_without_tesseract_a_scan_is_unreadable_as_before_and_says_how_to_install_it(
    tmp_path: Path, no_tesseract: None
) -> None:
    found = extract(write(tmp_path, "certificate.pdf", scan(CERTIFICATE)), ocr=True)
    assert isinstance(found, Unreadable)
    assert found.reason.startswith("the PDF has no text in it")
    assert "Tesseract OCR is not installed" in found.reason
    assert "sudo apt-get install tesseract-ocr" in found.hint and "brew install tesseract" in found.hint


def test_without_tesseract_the_folder_is_scored_as_before_and_the_report_says_how_to_install_it(
    tmp_path: Path, no_tesseract: None
) -> None:
    folder = make_folder(
        tmp_path,
        files={"business/insurance.pdf": scan(CERTIFICATE), "photos/mission-posted.jpg": photo(MISSION)},
        evidence=[
            {"file": "business/insurance.pdf", "rules": ["1.A.2.b"], "expires": "2027-01-15"},
            {"file": "photos/mission-posted.jpg", "rules": ["1.A.1.a"]},
        ],
    )
    report = audit(folder, today=TODAY)
    insurance, mission = report.result("1.A.2.b"), report.result("1.A.1.a")
    assert insurance is not None and insurance.status == "error"
    assert mission is not None and mission.status == "not_met"
    (notice,) = [w for w in report.warnings if w.file == "business/insurance.pdf"]
    assert "Tesseract OCR is not installed" in notice.message
    assert notice.hint is not None and "sudo apt-get install tesseract-ocr" in notice.hint
