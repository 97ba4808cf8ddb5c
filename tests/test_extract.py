"""Reading the files a residence saves: text with where it sits, or a plain reason it cannot be read."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narr_audit.evidence import extract as extract_module
from narr_audit.evidence.content import Extracted, Segment, Unreadable
from narr_audit.evidence.extract import extract, kind_of
from narr_audit.evidence.limits import MAX_PDF_PAGES
from tests.evidence_samples import OLE2_MAGIC, docx_bytes, image_bytes, pdf_bytes


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def read_ok(path: Path) -> Extracted:
    result = extract(path)
    assert isinstance(result, Extracted), f"{path.name} could not be read: {result}"
    return result


def read_bad(path: Path) -> Unreadable:
    result = extract(path)
    assert isinstance(result, Unreadable), f"{path.name} was read, but should not be: {result}"
    assert result.reason and result.hint, "an unreadable file must say why and what to do"
    return result


# --- kind_of ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("policy.pdf", "pdf"),
        ("POLICY.PDF", "pdf"),
        ("handbook.docx", "docx"),
        ("rules.md", "markdown"),
        ("rules.markdown", "markdown"),
        ("notes.txt", "text"),
        ("page.html", "html"),
        ("page.HTM", "html"),
        ("photo.jpg", "image"),
        ("photo.JPEG", "image"),
        ("photo.png", "image"),
        ("old.doc", None),
        ("log.csv", None),
        ("archive.tar.gz", None),
        ("README", None),
    ],
)
def test_kind_of_goes_by_suffix_in_any_case(name: str, kind: str | None) -> None:
    assert kind_of(Path(name)) == kind


# --- PDF -------------------------------------------------------------------------------------------------------


def test_pdf_text_is_read_page_by_page(tmp_path: Path) -> None:
    pages = ["Evacuation routes are posted by every door.", "", "Smoke detectors are tested monthly."]
    result = read_ok(write(tmp_path, "fire-plan.pdf", pdf_bytes(pages, title="Fire Safety Plan")))
    assert result.kind == "pdf" and result.pages == 3
    assert result.title == "Fire Safety Plan"
    assert [s.where for s in result.segments] == ["page 1", "page 2", "page 3"]
    assert result.segments[0].text == "Evacuation routes are posted by every door."
    assert result.segments[1].text == ""  # a page with no text keeps its number: page 3 stays page 3
    assert result.segments[2] == Segment("page 3", "Smoke detectors are tested monthly.")


def test_password_protected_pdf_is_unreadable_and_says_so(tmp_path: Path) -> None:
    locked = pdf_bytes(["Resident grievance procedure."], user_password="s3cret", owner_password="owner")
    result = read_bad(write(tmp_path, "grievance.pdf", locked))
    assert "password" in result.reason
    assert "unprotected copy" in result.hint


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    """Printing restrictions without a password to open are common, and the text is still readable."""
    restricted = pdf_bytes(["Resident grievance procedure."], owner_password="owner")
    assert read_ok(write(tmp_path, "grievance.pdf", restricted)).text == "Resident grievance procedure."


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda good: good[: len(good) // 2], id="cut-in-half"),
        pytest.param(lambda good: b"%PDF-1.7\n" + b"\x00garbage" * 20, id="header-then-garbage"),
        pytest.param(lambda good: b"This is a Word file renamed to .pdf", id="not-a-pdf"),
    ],
)
def test_damaged_pdf_is_unreadable(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    good = pdf_bytes(["Some policy text."])
    result = read_bad(write(tmp_path, "policy.pdf", damage(good)))
    assert result.reason == "the PDF is damaged or is not really a PDF"
    assert "Print to PDF" in result.hint


def test_pdf_without_text_asks_for_ocr(tmp_path: Path) -> None:
    result = read_bad(write(tmp_path, "scan.pdf", pdf_bytes(["", ""])))
    assert "no text" in result.reason and "OCR" in result.hint


def test_pdf_over_the_page_limit_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert MAX_PDF_PAGES == 1000  # stated in narr_audit.evidence.limits, with every other limit
    monkeypatch.setattr(extract_module, "MAX_PDF_PAGES", 2)
    result = read_bad(write(tmp_path, "long.pdf", pdf_bytes(["one", "two", "three"])))
    assert result.reason == "the PDF has 3 pages, more than the 2 narr-audit reads"


# --- Word ------------------------------------------------------------------------------------------------------


def test_docx_is_cut_at_headings_with_tables_included(tmp_path: Path) -> None:
    result = read_ok(write(tmp_path, "handbook.docx", docx_bytes(title="Resident Handbook")))
    assert result.kind == "docx" and result.title == "Resident Handbook"
    assert [s.where for s in result.segments] == [None, "House Rules", "Chores"]
    assert result.segments[0].text == "Welcome to the house."
    assert result.segments[1].text == "House Rules\nNo alcohol or drugs on the property."
    chores = result.segments[2].text
    assert chores.startswith("Chores\nChores rotate every week.")
    assert all(cell in chores for cell in ("Kitchen", "Monday", "Bathroom", "Tuesday")), chores


def test_docx_without_a_title_property_takes_its_first_heading(tmp_path: Path) -> None:
    assert read_ok(write(tmp_path, "handbook.docx", docx_bytes())).title == "House Rules"


def python_docx_reading(data: bytes) -> Extracted:
    """How narr-audit read a .docx through python-docx until issue 18, kept as the specification.

    Paragraphs in body order (into tables and content controls), a paragraph whose style's name starts
    with "Heading" or "Title" opening a segment (and, since, the level its name gives). It looked up each
    paragraph's style in the whole style sheet, which made a file of many paragraphs take minutes.
    """
    import docx
    from docx.oxml.ns import qn
    from docx.oxml.text.paragraph import CT_P
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    containers = {qn(t) for t in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:customXml", "w:smartTag")}
    builder = extract_module._SegmentBuilder()
    stack = list(reversed(list(document.element.body.iterchildren())))
    while stack:
        element = stack.pop()
        if element.tag in containers:
            stack.extend(reversed(list(element.iterchildren())))
        if not isinstance(element, CT_P):
            continue
        paragraph = Paragraph(element, document.part)
        text = extract_module._tidy(paragraph.text)
        style = paragraph.style
        name = (style.name or "") if style is not None else ""
        if text and name.lower().startswith(("heading", "title")):
            # its level, for the sections it opens: "Title" 0, "Heading 2" 2 (issue 13: a tagged section's
            # subsections go with it)
            digits = "".join(c for c in name[len("heading") : len("heading") + 3] if c.isdigit())
            level = 0 if name.lower().startswith("title") else int(digits or 1)
            builder.heading(extract_module._one_line(text) or "", level)
        elif text:
            builder.add(text)
    title = extract_module._one_line(document.core_properties.title)
    return Extracted("docx", builder.segments(), title=title or builder.first_heading)


WORD_TEXT = st.text(alphabet="Fire drill &<>\t\n-", max_size=12)
WORD_STYLES = ["Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 9", "List Bullet", "Quote", "Caption"]
WORD_BLOCK = st.one_of(
    st.tuples(st.just("paragraph"), st.sampled_from(WORD_STYLES), st.lists(WORD_TEXT, max_size=3)),
    st.tuples(st.just("heading"), st.integers(0, 9), st.lists(WORD_TEXT, min_size=1, max_size=2)),
    st.tuples(st.just("table"), st.integers(1, 3), st.lists(WORD_TEXT, min_size=1, max_size=6)),
    st.tuples(st.just("break"), st.sampled_from(["line", "page", "column"]), st.lists(WORD_TEXT, max_size=2)),
)


def word_document(blocks: list[tuple[str, object, list[str]]], title: str | None) -> bytes:
    """A .docx made with python-docx: styled paragraphs, headings 0-9 (0 is Title), tables, breaks."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    for kind, option, texts in blocks:
        if kind == "paragraph":
            paragraph = document.add_paragraph(style=str(option))
            for text in texts:
                paragraph.add_run(text)
        elif kind == "heading":
            assert isinstance(option, int)
            document.add_heading(" ".join(texts), level=option)
        elif kind == "table":
            assert isinstance(option, int)
            table = document.add_table(rows=option, cols=2)
            for index, text in enumerate(texts):
                table.cell(index % option, index % 2).text = text
            table.cell(0, 0).add_table(rows=1, cols=1).cell(0, 0).text = "nested " + texts[0]
        else:
            run = document.add_paragraph().add_run(texts[0] if texts else "")
            run.add_break({"line": WD_BREAK.LINE, "page": WD_BREAK.PAGE, "column": WD_BREAK.COLUMN}[str(option)])
            run.add_tab()
            run.add_text(" ".join(texts))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=st.lists(WORD_BLOCK, max_size=8), title=st.none() | WORD_TEXT)
def test_docx_reads_as_python_docx_read_it(
    tmp_path: Path, blocks: list[tuple[str, object, list[str]]], title: str | None
) -> None:
    """The streaming reader finds the same segments, headings, table cells and title as python-docx did."""
    data = word_document(blocks, title)
    read = read_ok(write(tmp_path, "handbook.docx", data))
    assert replace(read, tables=()) == python_docx_reading(data)  # python-docx kept no tables (records do)


def test_docx_heading_styles_come_from_the_style_sheet(tmp_path: Path) -> None:
    """A custom style named "Heading ..." is a heading; an unknown style id means the default style, not one."""
    import docx

    document = docx.Document()
    document.add_paragraph("Visitors", style=document.styles.add_style("Heading Policy", 1))  # 1: paragraph
    document.add_paragraph("Visitors leave by 9 pm.")
    document.add_paragraph("Quiet hours", style="Heading 2")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b'w:val="Heading2"', b'w:val="NoSuchStyle"')
    edited = io.BytesIO()
    with zipfile.ZipFile(edited, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    result = read_ok(write(tmp_path, "visitors.docx", edited.getvalue()))
    assert [s.where for s in result.segments] == ["Visitors"]
    assert result.text == "Visitors\nVisitors leave by 9 pm.\nQuiet hours"
    assert replace(result, tables=()) == python_docx_reading(edited.getvalue())


def test_encrypted_or_old_word_file_named_docx_is_unreadable(tmp_path: Path) -> None:
    """Word saves a password-protected .docx as an OLE2 container, the same format as an old .doc."""
    result = read_bad(write(tmp_path, "agreement.docx", OLE2_MAGIC + b"\x00" * 1024))
    assert result.reason == "the Word file is password-protected or in the old .doc format"
    assert ".docx or PDF" in result.hint


def test_docx_that_is_not_a_zip_is_unreadable(tmp_path: Path) -> None:
    result = read_bad(write(tmp_path, "agreement.docx", b"plain text with a .docx name"))
    assert result.reason == "the Word file is damaged or is not really a .docx"


def test_zip_that_is_not_a_word_document_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo-list.txt", "kitchen.jpg")
    assert read_bad(path).reason == "the file is a zip archive but not a Word document"


def test_docx_that_would_unpack_too_big_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_DOCX_UNCOMPRESSED_BYTES", 1000)
    result = read_bad(write(tmp_path, "bomb.docx", docx_bytes()))
    assert "would unpack to more than" in result.reason


def test_old_doc_suffix_is_named_with_a_fix(tmp_path: Path) -> None:
    result = read_bad(write(tmp_path, "agreement.doc", OLE2_MAGIC))
    assert result.reason == ".doc: narr-audit cannot read the old Word format (.doc)"
    assert "save it as .docx or PDF" in result.hint


# --- HTML ------------------------------------------------------------------------------------------------------


def test_html_skips_scripts_and_styles_and_cuts_at_headings(tmp_path: Path) -> None:
    page = """<!DOCTYPE html>
<html><head><title>Fire Safety Plan</title>
<style>.alarm { color: red; }</style>
<script>var tracking = "evacuation";</script></head>
<body>
<p>Read this first.</p>
<h1>Evacuation</h1><p>Leave by the <b>nearest</b> exit.</p>
<h2>Drills</h2><ul><li>Monthly</li><li>At night twice a year</li></ul>
<script>console.log("hidden")</script>
</body></html>"""
    result = read_ok(write(tmp_path, "plan.html", page))
    assert result.kind == "html" and result.title == "Fire Safety Plan"
    assert [s.where for s in result.segments] == [None, "Evacuation", "Drills"]
    assert result.segments[1].text == "Evacuation\nLeave by the nearest exit."
    assert result.segments[2].text == "Drills\nMonthly\nAt night twice a year"
    for hidden in ("tracking", "color", "hidden", "console"):
        assert hidden not in result.text


def test_html_in_a_declared_charset_is_decoded(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>D\xe9j\xe0 vu</p></body></html>'
    )
    result = read_ok(write(tmp_path, "page.htm", page.encode("cp1252")))
    assert result.title == "Café" and "Déjà vu" in result.text


def test_html_not_utf8_without_a_charset_is_unreadable(tmp_path: Path) -> None:
    result = read_bad(write(tmp_path, "page.html", b"<p>line one</p>\n<p>caf\xe9</p>"))
    assert result.reason == "the web page is not UTF-8 text (first bad byte on line 2)"


# --- Markdown and text -----------------------------------------------------------------------------------------


def test_markdown_front_matter_is_split_from_the_body(tmp_path: Path) -> None:
    text = (
        "---\n"
        "narr: [1.C.7.b]\n"
        "reviewed: 2026-01-10\n"
        "---\n"
        "# Grievance **Policy**\n"
        "Residents may file a [grievance](forms/grievance.pdf).\n"
        "\n"
        "## Appeals\n"
        "- Appeal to the operator.\n"
        "```\n"
        "# not a heading inside a code fence\n"
        "```\n"
    )
    result = read_ok(write(tmp_path, "grievance.md", text))
    assert result.kind == "markdown"
    assert result.front_matter == "narr: [1.C.7.b]\nreviewed: 2026-01-10"
    assert result.front_matter_line == 2  # the first line inside the fences, for error messages
    assert result.title == "Grievance Policy"
    assert [s.where for s in result.segments] == ["Grievance Policy", "Appeals"]
    assert result.segments[0].text == "Grievance Policy\nResidents may file a grievance."
    assert result.segments[1].text == "Appeals\nAppeal to the operator.\n# not a heading inside a code fence"
    assert "narr:" not in result.text


def test_markdown_without_a_closing_fence_has_no_front_matter(tmp_path: Path) -> None:
    result = read_ok(write(tmp_path, "notes.md", "---\nnarr: [1.C.7.b]\nno closing fence\n"))
    assert result.front_matter is None and result.front_matter_line is None
    assert "narr: [1.C.7.b]" in result.text


def test_text_file_front_matter_and_crlf(tmp_path: Path) -> None:
    result = read_ok(write(tmp_path, "policy.txt", b"---\r\nnarr: 4.J.30.b\r\n...\r\nBe a good neighbor.\r\n"))
    assert result.kind == "text"
    assert (result.front_matter, result.front_matter_line) == ("narr: 4.J.30.b", 2)
    assert result.segments == (Segment(None, "Be a good neighbor."),)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    result = read_ok(write(tmp_path, "rules.md", "\ufeff# House Rules\nNo visitors after 9 pm.\n".encode()))
    assert result.title == "House Rules"
    assert result.segments == (Segment("House Rules", "House Rules\nNo visitors after 9 pm."),)


def test_text_that_is_not_utf8_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    data = "line one\nline two\nthe caf\xe9 on line three\n".encode("latin-1")
    result = read_bad(write(tmp_path, "notes.txt", data))
    assert result.reason == "the file is not UTF-8 text (first bad byte on line 3)"
    assert "UTF-8" in result.hint


def test_utf16_text_is_named(tmp_path: Path) -> None:
    result = read_bad(write(tmp_path, "notes.txt", "hello".encode("utf-16")))
    assert result.reason == "the file is UTF-16 text, not UTF-8"


def test_binary_data_in_a_text_file_is_unreadable(tmp_path: Path) -> None:
    assert read_bad(write(tmp_path, "notes.md", b"abc\x00def")).reason == "the file holds binary data, not text"


# How Markdown lines were read until issue 18: regular expressions, kept here as the specification. Some
# backtracked (minutes for 200 KB, 83 s for one 4 KB line of dashes); the linear rules must give the same.
REGEX_INLINE = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?://|mailto:)[^>\s]+)>"), r"\1"),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    # struck-through text is deleted from the policy (since extractor v7): it goes with its marks
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"), lambda m: "" if m.group(1) == "~~" else m.group(2)),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"^\s*(?:>\s?)+"), ""),
    (re.compile(r"^(\s*)[*+-][ \t]+"), r"\1"),
)
REGEX_RULE_LINE = re.compile(r" {0,3}(?:(?:[-*_] *){3,}|=+ *|\|?[ :|-]*-{3,}[ :|-]*)$")
REGEX_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
MARKDOWN_LINE = st.lists(
    st.sampled_from(
        [*"*_~`[]()!<>:/ \t#-=|a1é\u00a0", "http://", "https://", "mailto:", "**", "__", "~~", "``", "snake_case"]
    ),
    max_size=24,
).map("".join)


def regex_plain(line: str) -> str:
    for pattern, replacement in REGEX_INLINE:
        line = pattern.sub(replacement, line)  # type: ignore[call-overload]
    return line


@settings(max_examples=800, deadline=None, database=None)
@given(line=MARKDOWN_LINE)
def test_markdown_marks_are_removed_as_the_regular_expressions_did(line: str) -> None:
    assert extract_module._plain(line) == regex_plain(line)
    assert extract_module._is_rule_line(line) == bool(REGEX_RULE_LINE.match(line))
    assert extract_module._without_closing_hashes(line) == REGEX_CLOSING_HASHES.sub("", line)
    text = line.replace("a", "\n")
    assert extract_module._without_comments(text) == re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)


def line_by_line_front_matter(text: str) -> tuple[str | None, int | None, str]:
    """The front-matter rule as it was first written, line by line, kept as the specification."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return "\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :])
    return None, None, "\n".join(lines)


@settings(max_examples=500, deadline=None, database=None)
@given(
    text=st.lists(
        st.sampled_from(["---", "...", "--- ", "----", "\n", "\r", "\r\n", " ", "\t", "\x0b", "\x85", "x: 1", "a"]),
        max_size=12,
    ).map("".join)
)
def test_front_matter_is_split_as_the_line_by_line_rule_did(text: str) -> None:
    assert extract_module._split_front_matter(text) == line_by_line_front_matter(text)


@pytest.mark.parametrize(
    "line",
    ["`a`", "``a``b`", "````", "`` ` ``", "a ``` b ``", "**a** and __b__ ~~c~~", "*a*b* _x_ snake_case_name",
     "[a](b) ![c](d) [e][f] <https://x.org> <mailto:a@b>", "> - quoted bullet", "***bold italic***"],
)  # fmt: skip
def test_markdown_marks_on_known_lines(line: str) -> None:
    assert extract_module._plain(line) == regex_plain(line)


# --- photos ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "extinguisher.jpg"), ("PNG", "posting.png")])
def test_photo_date_comes_from_exif(tmp_path: Path, fmt: str, name: str) -> None:
    result = read_ok(write(tmp_path, name, image_bytes(fmt, datetime(2026, 3, 14, 9, 30))))
    assert result.kind == "image" and result.segments == ()
    assert result.photo_date == date(2026, 3, 14)


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "extinguisher.jpeg"), ("PNG", "posting.png")])
def test_photo_without_exif_is_present_without_a_date(tmp_path: Path, fmt: str, name: str) -> None:
    result = read_ok(write(tmp_path, name, image_bytes(fmt)))
    assert result.kind == "image" and result.photo_date is None


def test_fake_jpeg_is_unreadable(tmp_path: Path) -> None:
    result = read_bad(write(tmp_path, "detector.jpg", b"just some text saved as a photo"))
    assert result.reason == "the file is not a JPEG or PNG picture (or is too damaged to recognise)"


def test_cut_off_jpeg_is_unreadable(tmp_path: Path) -> None:
    good = image_bytes("JPEG", datetime(2026, 3, 14))
    assert read_bad(write(tmp_path, "detector.jpg", good[: len(good) // 2])).reason == (
        "the picture is damaged or cut short"
    )


# --- every kind ------------------------------------------------------------------------------------------------


def test_file_over_the_size_limit_is_unreadable_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_module, "MAX_DOCUMENT_BYTES", 1024 * 1024)
    path = write(tmp_path, "huge.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 1))
    result = read_bad(path)
    assert result.reason == "the file is 1.1 MB, more than the 1 MB narr-audit reads"
    assert "split it" in result.hint


def test_text_over_its_size_limit_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_TEXT_BYTES", 10)
    assert "more than the" in read_bad(write(tmp_path, "notes.md", "# eleven bytes")).reason


@pytest.mark.parametrize("name", ["policy.pdf", "handbook.docx", "rules.md", "photo.png"])
def test_empty_file_is_unreadable(tmp_path: Path, name: str) -> None:
    assert read_bad(write(tmp_path, name, b"")).reason == "the file is empty"


def test_missing_file_and_folder_are_unreadable_not_errors(tmp_path: Path) -> None:
    assert "does not exist" in read_bad(tmp_path / "gone.pdf").reason
    (tmp_path / "looks-like.pdf").mkdir()
    assert read_bad(tmp_path / "looks-like.pdf").reason == "it is a folder, not a file"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("notes", "the file name has no suffix"),
        ("slides.pptx", ".pptx: narr-audit does not read this kind of file"),
        ("photo.heic", ".heic: narr-audit cannot read an Apple photo (.heic)"),
    ],
)
def test_unsupported_files_say_what_to_do(tmp_path: Path, name: str, reason: str) -> None:
    result = read_bad(write(tmp_path, name, b"content"))
    assert result.reason.startswith(reason)


SUFFIXES = [".pdf", ".docx", ".png", ".jpg", ".html", ".md", ".txt"]
PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", OLE2_MAGIC, b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"---\n"]


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(SUFFIXES), prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2048))
def test_extract_never_raises_on_random_bytes(tmp_path: Path, suffix: str, prefix: bytes, body: bytes) -> None:
    """Whatever is saved under a document's name, extract answers Extracted or Unreadable; it never raises."""
    path = tmp_path / f"random{suffix}"
    path.write_bytes(prefix + body)
    result = extract(path)
    assert isinstance(result, (Extracted, Unreadable))
    if isinstance(result, Unreadable):
        assert result.reason and result.hint
    else:
        assert result.kind == kind_of(path)


def test_struck_through_text_is_not_read_in_markdown_html_or_word(tmp_path: Path) -> None:
    """Words struck through are deleted from the policy, as a reviewer reads it: Markdown's ``~~``,
    HTML's del, s and strike, and Word's strike, double strike and hidden runs are left out, while
    a run whose strike is switched off is read."""
    import docx
    from docx.oxml import parse_xml

    markdown = read_ok(write(tmp_path, "p.md", b"Residents may ~~never~~ smoke on the ~~front porch~~ back patio.\n"))
    assert markdown.text == "Residents may smoke on the back patio."
    html = read_ok(
        write(
            tmp_path,
            "p.html",
            b"<p>Residents may <del>never</del> smoke on the <s>front porch</s> <strike>yard</strike>back patio.</p>",
        )
    )
    assert html.text == "Residents may smoke on the back patio."
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Residents may ")
    paragraph.add_run("never ").font.strike = True
    paragraph.add_run("smoke on the ")
    paragraph.add_run("front porch ").font.double_strike = True
    paragraph._p.append(parse_xml(f"<w:r {w}><w:rPr><w:vanish/></w:rPr><w:t>(hidden note) </w:t></w:r>"))
    paragraph._p.append(parse_xml(f'<w:r {w}><w:rPr><w:strike w:val="0"/></w:rPr><w:t>back </w:t></w:r>'))
    paragraph._p.append(
        parse_xml(f"<w:hyperlink {w}><w:r><w:rPr><w:strike/></w:rPr><w:t>old link </w:t></w:r></w:hyperlink>")
    )
    paragraph.add_run("patio.")
    buffer = io.BytesIO()
    document.save(buffer)
    word = read_ok(write(tmp_path, "p.docx", buffer.getvalue()))
    assert word.text == "Residents may smoke on the back patio."


def test_docx_reads_tracked_changes_as_accepted_and_filled_in_fields(tmp_path: Path) -> None:
    """A policy saved with its changes still tracked reads as Word shows it with every change accepted:
    inserted text in, deleted text out; a filled-in form field (an inline content control) and a
    field's result are read too. python-docx's paragraph text leaves all of these out."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Residents may ")
    paragraph._p.append(
        parse_xml(f'<w:del {w} w:id="1" w:author="RD"><w:r><w:delText>never </w:delText></w:r></w:del>')
    )
    paragraph._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="RD"><w:r><w:t>only </w:t></w:r></w:ins>'))
    paragraph.add_run("smoke on the back patio.")
    field = document.add_paragraph()
    field.add_run("Emergency contact: ")
    field._p.append(
        parse_xml(
            f"<w:sdt {w}><w:sdtPr><w:alias w:val='Name'/></w:sdtPr>"
            "<w:sdtContent><w:r><w:t>the house manager</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    field._p.append(parse_xml(f'<w:fldSimple {w} w:instr="DATE"><w:r><w:t>, phone listed.</w:t></w:r></w:fldSimple>'))
    moved = document.add_paragraph()
    moved._p.append(parse_xml(f'<w:moveFrom {w} w:id="3" w:author="RD"><w:r><w:t>Old place. </w:t></w:r></w:moveFrom>'))
    moved._p.append(parse_xml(f'<w:moveTo {w} w:id="4" w:author="RD"><w:r><w:t>New place.</w:t></w:r></w:moveTo>'))
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_ok(write(tmp_path, "policy.docx", buffer.getvalue()))
    assert result.text.split("\n") == [
        "Residents may only smoke on the back patio.",
        "Emergency contact: the house manager, phone listed.",
        "New place.",
    ]


def _sections(content: Extracted) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(segment.where, segment.within) for segment in content.segments]


NESTED = [
    ("Manual", ()),
    ("Appendix C (not adopted)", ("Manual",)),
    ("Smoking", ("Manual", "Appendix C (not adopted)")),
    ("Visitors", ("Manual",)),
]


def test_a_section_knows_the_headings_it_sits_under(tmp_path: Path) -> None:
    """Markdown, HTML and Word say a heading's level; each section keeps the headings above it, so a
    title that takes its section back ("(not adopted)") reaches the subsections too (issue 13)."""
    import docx

    markdown = (
        "# Manual\n\nIntro.\n\n## Appendix C (not adopted)\n\n### Smoking\n\nNo smoking.\n\n## Visitors\n\nBy 9.\n"
    )
    html = (
        "<html><body><h1>Manual</h1><p>Intro.</p><h2>Appendix C (not adopted)</h2><h3>Smoking</h3>"
        "<p>No smoking.</p><h2>Visitors</h2><p>By 9.</p></body></html>"
    )
    document = docx.Document()
    document.add_heading("Manual", level=0)  # the Title style
    document.add_paragraph("Intro.")
    document.add_heading("Appendix C (not adopted)", level=1)
    document.add_heading("Smoking", level=2)
    document.add_paragraph("No smoking.")
    document.add_heading("Visitors", level=1)
    document.add_paragraph("By 9.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert _sections(read_ok(write(tmp_path, "manual.md", markdown))) == NESTED
    assert _sections(read_ok(write(tmp_path, "manual.html", html))) == NESTED
    assert _sections(read_ok(write(tmp_path, "manual.docx", buffer.getvalue()))) == NESTED


def test_the_headings_a_section_sits_under_survive_the_cache(tmp_path: Path) -> None:
    """A second run reads the same sections, with the headings above them, from the extraction cache."""
    from narr_audit.evidence.cache import ExtractionCache

    path = write(tmp_path, "manual.md", "# Manual\n\n## Appendix C (not adopted)\n\n### Smoking\n\nNo smoking.\n")
    cache = ExtractionCache(tmp_path / "cache")
    first = extract(path, cache)
    again = extract(path, ExtractionCache(tmp_path / "cache"))
    assert isinstance(first, Extracted) and isinstance(again, Extracted)
    assert again.segments == first.segments
    assert again.segments[-1].within == ("Manual", "Appendix C (not adopted)")
