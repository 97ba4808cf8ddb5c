"""Hostile and broken files end in text or a plain "too large / too complex", never in a hang (issue 18).

Each reproduction from the issue is built here in a temporary folder at the size it was reported at:
before, each took minutes (or half an hour and gigabytes); now each finishes at once. The property test
at the end feeds generated hostile Markdown, web pages and Word files and holds extraction to a generous
bound on time per megabyte.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from narr_audit.evidence import extract as extract_module
from narr_audit.evidence import limits
from narr_audit.evidence.content import Extracted, Unreadable
from narr_audit.evidence.extract import extract
from tests.conftest import run_cli
from tests.evidence_samples import docx_bytes, image_bytes, pdf_bytes
from tests.folders import make_folder


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_ok(path: Path) -> Extracted:
    result = extract(path)
    assert isinstance(result, Extracted), f"{path.name} could not be read: {result}"
    return result


def read_bad(path: Path) -> Unreadable:
    result = extract(path)
    assert isinstance(result, Unreadable), f"{path.name} was read, but should have been refused: {result}"
    assert result.reason and result.hint, "a refused file must say why and what to do"
    return result


_BASE_DOCX = docx_bytes()


def docx_with_body(body: str) -> bytes:
    """A real Word package (python-docx's template, its styles included) whose body XML is ``body``."""
    with zipfile.ZipFile(io.BytesIO(_BASE_DOCX)) as source:
        head = source.read("word/document.xml").decode().partition("<w:body>")[0]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name in source.namelist():
                data = source.read(name)
                if name == "word/document.xml":
                    data = f"{head}<w:body>{body}<w:sectPr/></w:body></w:document>".encode()
                package.writestr(name, data)
    return out.getvalue()


def paragraphs(count: int, text: str = "x", style: str | None = None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}<w:r><w:t>{text}</w:t></w:r></w:p>" * count


# --- the reproductions from the issue --------------------------------------------------------------------------


def test_markdown_of_bold_marks_that_never_close_is_read(tmp_path: Path) -> None:
    """200 KB of '**a ' took minutes: each opening mark rescanned the rest of the line for its closing one."""
    line = "**a " * 50_000
    result = read_ok(write(tmp_path, "notes.md", line))
    assert result.text == line.strip()  # nothing closes, so every mark stays, as before


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("-" * 4_000 + "x", "-" * 4_000 + "x", id="dashes-then-a-letter"),  # 83 s for 4 KB before
        pytest.param("|" + "-" * 4_000 + "x", "|" + "-" * 4_000 + "x", id="table-rule-then-a-letter"),
        pytest.param("[" * 100_000, "[" * 100_000, id="link-brackets"),
        pytest.param("[a](" * 25_000, "[a](" * 25_000, id="links-never-closed"),
        pytest.param("<http://a" * 20_000, "<http://a" * 20_000, id="autolinks-never-closed"),
        pytest.param("a " + "`" * 50_000, "a ``", id="one-run-of-backticks"),  # as (`+)(.+?)\1 paired them
        pytest.param("*a " * 50_000, ("*a " * 50_000).strip(), id="italic-never-closed"),
        pytest.param("_a " * 50_000, ("_a " * 50_000).strip(), id="underscores-never-closed"),
    ],
)
def test_markdown_lines_that_used_to_backtrack_are_read_as_before(tmp_path: Path, line: str, expected: str) -> None:
    assert read_ok(write(tmp_path, "notes.md", f"Intro\n{line}\n")).text == f"Intro\n{expected}"


def test_markdown_comments_that_never_close_are_read(tmp_path: Path) -> None:
    result = read_ok(write(tmp_path, "notes.md", "Fire drills are monthly.\n" + "<!--" * 50_000))
    assert result.text.startswith("Fire drills are monthly.\n<!--<!--")


def test_heading_with_a_long_run_of_spaces_is_read(tmp_path: Path) -> None:
    result = read_ok(write(tmp_path, "notes.md", "# Fire" + " " * 100_000 + "Safety ##\nDrills.\n"))
    assert result.title == "Fire Safety"


def test_web_page_of_tags_that_never_close_is_refused_not_hung(tmp_path: Path) -> None:
    """210 KB of '<a ' hung inside Python's own HTML parser (CVE-2025-6069, fixed in 3.11.13)."""
    result = read_bad(write(tmp_path, "page.html", "<a " * 70_000))
    assert result.reason.startswith("the web page is too complex for narr-audit")
    assert "Print to PDF" in result.hint


def test_web_page_of_comments_that_never_close_is_refused(tmp_path: Path) -> None:
    result = read_bad(write(tmp_path, "page.html", "<p>Rules</p>\n" + "<!--x>" * 50_000))
    assert result.reason == (
        f"the web page is too complex for narr-audit: more than {limits.MAX_HTML_UNCLOSED} of its tags "
        "or comments are never closed (the first on line 2)"
    )


def test_web_page_with_as_many_unclosed_comments_as_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_module, "MAX_HTML_UNCLOSED", 2)
    assert read_ok(write(tmp_path, "two.html", "<p>Rules</p><!--x><!--y>")).text == "Rules\n<!--x><!--y>"
    assert "more than 2 of its tags" in read_bad(write(tmp_path, "three.html", "<p>Rules</p><!--x>" * 3)).reason


def test_web_page_cut_short_in_a_tag_is_still_read(tmp_path: Path) -> None:
    """A page saved half-way leaves one tag or comment open at the end; the rest reads as before."""
    result = read_ok(write(tmp_path, "page.html", "<h1>House Rules</h1><p>No visitors after 9 pm.</p><!-- dra"))
    assert result.segments[0].where == "House Rules"
    assert "No visitors after 9 pm." in result.text


def test_tag_with_a_million_attributes_is_refused(tmp_path: Path) -> None:
    """One 9 MB tag of single-letter attributes took 8 s and 2.4 GB inside the standard library's parser."""
    result = read_bad(write(tmp_path, "page.html", "<p>Rules</p>\n<a " + "b " * 1_000_000 + ">"))
    assert result.reason == (
        "the web page is too complex for narr-audit: a tag on line 2 has more than 1,000 attributes"
    )


def test_word_file_that_expands_to_many_paragraphs_is_refused_at_once(tmp_path: Path) -> None:
    """A 67 KB .docx of 300,000 paragraphs took 98 s; python-docx looked up every paragraph's style."""
    data = docx_with_body(paragraphs(300_000))
    assert len(data) < 100_000
    result = read_bad(write(tmp_path, "handbook.docx", data))
    assert result.reason == "the Word file is too complex for narr-audit: it has more than 200,000 paragraphs"
    assert "split it" in result.hint


def test_word_file_just_under_the_paragraph_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_DOCX_PARAGRAPHS", 1_000)
    body = paragraphs(1, "Chores", style="Heading1") + paragraphs(999, "Sweep the porch.")
    result = read_ok(write(tmp_path, "chores.docx", docx_with_body(body)))
    assert [s.where for s in result.segments] == ["Chores"]
    assert result.text.count("Sweep the porch.") == 999
    refused = read_bad(write(tmp_path, "more.docx", docx_with_body(body + paragraphs(1))))
    assert "more than 1,000 paragraphs" in refused.reason


def test_front_matter_of_megabytes_is_refused_with_its_size(tmp_path: Path) -> None:
    """9 MB of front matter took 30 s and 1.9 GB in the YAML reader, whose 2 MB limit is for whole files."""
    text = "---\n" + "key: value that repeats\n" * 400_000 + "---\n# Policy\nText.\n"
    result = read_bad(write(tmp_path, "policy.md", text))
    assert result.reason == (
        "its front matter (the lines between the '---' at the top) is too large: 9.2 MB, "
        "more than the 64 KB narr-audit reads"
    )
    assert "narr:" in result.hint


def test_front_matter_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    front = "narr: [1.C.7.b]\nnote: " + "x" * (limits.MAX_FRONT_MATTER_BYTES - 22)
    assert len(front.encode()) == limits.MAX_FRONT_MATTER_BYTES
    result = read_ok(write(tmp_path, "policy.txt", f"---\n{front}\n---\nBe a good neighbor.\n"))
    assert result.front_matter == front
    refused = read_bad(write(tmp_path, "policy.md", f"---\n{front}x\n---\nBe a good neighbor.\n"))
    assert "65 KB, more than the 64 KB narr-audit reads" in refused.reason


def test_validate_names_the_file_whose_front_matter_is_too_large(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={"policies/rules.md": "---\nnarr: [1.C.7.b]\n" + "key: value\n" * 700_000 + "---\n# Rules\n"},
    )
    result = run_cli("validate", str(folder))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "policies/rules.md: its front matter (the lines between the '---' at the top) is too large" in (
        result.stdout
    )


# --- every other limit -----------------------------------------------------------------------------------------


def test_word_file_of_too_many_xml_elements_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_XML_ELEMENTS", 5_000)
    body = "<w:p><w:pPr>" + "<w:jc/>" * 5_000 + "</w:pPr><w:r><w:t>x</w:t></w:r></w:p>"
    result = read_bad(write(tmp_path, "styled.docx", docx_with_body(body)))
    assert result.reason == "the Word file is too complex for narr-audit: it has more than 5,000 XML elements"


def test_word_file_of_a_huge_xml_part_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 185 KB .docx can unpack to one 150 MB XML attribute or comment; it is refused before it is parsed."""
    monkeypatch.setattr(extract_module, "MAX_DOCX_XML_BYTES", 512 * 1024)  # the template's styles are 342 KB
    body = paragraphs(1, "Rules") + '<w:bookmarkStart w:name="' + "x" * 600_000 + '"/>'
    result = read_bad(write(tmp_path, "bookmark.docx", docx_with_body(body)))
    assert result.reason.startswith("the Word file is too large for narr-audit: its part word/document.xml holds ")
    assert result.reason.endswith("of XML, more than the 512 KB narr-audit reads")


def test_word_file_of_too_much_text_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_DOCUMENT_CHARS", 1_000)
    result = read_bad(write(tmp_path, "long.docx", docx_with_body(paragraphs(101, "0123456789"))))
    assert result.reason == "the Word file is too large: it holds more than 1,000 characters of text"


def test_word_package_of_too_many_parts_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_DOCX_PARTS", 5)
    result = read_bad(write(tmp_path, "parts.docx", docx_bytes()))
    assert result.reason == "the Word file is too complex for narr-audit: it has more than 5 parts inside it"


def test_word_file_with_an_entity_bomb_is_damaged_not_expanded(tmp_path: Path) -> None:
    """Word never writes a DTD; one declaring entities (a "billion laughs") is refused before it expands."""
    data = docx_with_body(paragraphs(1, "&lol9;"))
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    entities = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    dtd = f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{entities}]>'
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"?>", b"?>" + dtd.encode(), 1)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    assert read_bad(write(tmp_path, "bomb.docx", bomb.getvalue())).reason == (
        "the Word file is damaged or is not really a .docx"
    )


def test_deeply_nested_word_tables_are_read(tmp_path: Path) -> None:
    body = "<w:tbl><w:tr><w:tc>" * 20_000 + paragraphs(1, "Innermost cell") + "</w:tc></w:tr></w:tbl>" * 20_000
    assert read_ok(write(tmp_path, "nested.docx", docx_with_body(body))).text == "Innermost cell"


def test_document_of_too_many_headings_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_SEGMENTS", 3)
    assert read_ok(write(tmp_path, "three.md", "# A\n# B\n# C\n")).title == "A"
    result = read_bad(write(tmp_path, "four.md", "# A\n# B\n# C\n# D\n"))
    assert result.reason == "the document is too complex for narr-audit: it has more than 3 headings"


def test_web_page_of_too_many_tags_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_HTML_TAGS", 10)
    result = read_bad(write(tmp_path, "page.html", "<p>one</p>" * 6))
    assert result.reason == "the web page is too complex for narr-audit: it has more than 10 tags"


def test_pdf_of_too_much_text_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_DOCUMENT_CHARS", 20)
    result = read_bad(write(tmp_path, "long.pdf", pdf_bytes(["Evacuation routes are posted by every door."])))
    assert result.reason == "the PDF is too large: it holds more than 20 characters of text"


def test_photo_over_the_pixel_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_IMAGE_PIXELS", 255)  # the sample photo is 16 x 16
    result = read_bad(write(tmp_path, "photo.png", image_bytes("PNG")))
    assert result.reason == "the picture has far more pixels than any photo, so narr-audit will not open it"


def test_the_old_limit_names_still_work() -> None:
    """Callers and tests set these on the extract module; they are the limits module's values."""
    for name in ("MAX_DOCUMENT_BYTES", "MAX_TEXT_BYTES", "MAX_PDF_PAGES", "MAX_DOCX_UNCOMPRESSED_BYTES"):
        assert getattr(extract_module, name) == getattr(limits, name)


# --- generated hostile input -----------------------------------------------------------------------------------

MARKDOWN_PIECES = [
    "**a ", "*a", "_a ", "__", "~~", "`", "``a", "[", "](", "![a](", "[a][", "<http://a", "<!--", "-->",
    "#", "# a ", " ", "\t", "-", "=", "|", ":", "\n", "> ", "- ", "a", "```\n", "---\n",
]  # fmt: skip
HTML_PIECES = [
    "<a ", "<a", "<!--", "<!", "<?", "</", "<![CDATA[", "<script>", "</script>", "<div>", "</div>", "<h1>",
    "<p>", "&#", "&amp;", "'", '"', "=", ">", " ", "\n", "b", "<br/>", "<a b='", "<svg>", "<title>",
]  # fmt: skip
SECONDS_PER_MB = 20.0  # generous: before, 0.2 MB of '**a ' took 134 s, about 700 s per MB
SECONDS_EXTRA = 5.0


COUNTS = st.one_of(st.integers(1, 1_000), st.integers(20_000, 100_000))  # small, and large enough to hurt


def repeated(pieces: list[str]) -> st.SearchStrategy[str]:
    """A few hostile fragments, each repeated up to 100,000 times, one after another."""
    part = st.tuples(st.sampled_from(pieces), COUNTS).map(lambda p: p[0] * p[1])
    return st.lists(part, min_size=1, max_size=4).map("".join)


def docx_body(kind: str, count: int, text: str) -> str:
    """Word bodies that are large or odd in the ways that hurt: many paragraphs, deep nesting, long runs."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    if kind == "paragraphs":
        return paragraphs(count, escaped or "x")
    if kind == "headings":
        return paragraphs(count, escaped or "x", style="Heading1")
    if kind == "nested-tables":
        return "<w:tbl><w:tr><w:tc>" * count + paragraphs(1, escaped) + "</w:tc></w:tr></w:tbl>" * count
    if kind == "nested-unknown":
        return "<w:p>" + "<w:x>" * count + "</w:x>" * count + f"<w:r><w:t>{escaped}</w:t></w:r></w:p>"
    if kind == "one-long-run":
        return f"<w:p><w:r><w:t>{escaped * count}</w:t></w:r></w:p>"
    return (paragraphs(count, escaped) + "<w:p><w:r>")[: count * 7]  # cut short: not well-formed


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    data=st.one_of(
        repeated(MARKDOWN_PIECES).map(lambda text: (".md", text.encode(), len(text))),
        repeated(HTML_PIECES).map(lambda text: (".html", text.encode(), len(text))),
        st.builds(
            docx_body,
            st.sampled_from(["paragraphs", "headings", "nested-tables", "nested-unknown", "one-long-run", "cut"]),
            st.one_of(st.integers(1, 1_000), st.integers(20_000, 250_000)),
            st.text(alphabet="ab <&\t", max_size=8),
        ).map(lambda body: (".docx", docx_with_body(body), len(body))),
    )
)
# Found by this test: a Markdown table's delimiter pattern tried every split of the tabs (quadratic).
@example(data=(".md", b"\t" * 100_000 + b"|", 100_001))
def test_hostile_files_finish_in_time_that_grows_with_their_size(tmp_path: Path, data: tuple[str, bytes, int]) -> None:
    """Whatever the shape, extract answers text or Unreadable, within a generous time per megabyte.

    The size is that of the text a reader walks (for a .docx, its XML, not the zip).
    """
    suffix, content, size = data
    path = write(tmp_path, f"hostile{suffix}", content)
    started = time.perf_counter()
    result = extract(path)
    elapsed = time.perf_counter() - started
    assert isinstance(result, (Extracted, Unreadable))
    megabytes = size / (1024 * 1024)
    assert elapsed < SECONDS_EXTRA + SECONDS_PER_MB * megabytes, f"{elapsed:.1f} s for {megabytes:.2f} MB"
