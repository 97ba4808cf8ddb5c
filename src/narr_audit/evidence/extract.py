"""The text inside an evidence file (PDF, Word, Markdown, plain text, web page) and the date a photo was taken.

A residence's folder holds whatever its staff saved: scans, password-protected PDFs, old .doc files, text
saved in the wrong encoding. None of that is a bug in narr-audit, so :func:`extract` never raises for a bad
file; it returns :class:`Unreadable` with a reason and a fix a house manager can act on.

Every file is size-checked with ``stat`` before it is read, read once into memory, and parsed from there;
nothing is ever written. The parsing libraries are imported inside the readers so that commands which never
open a document (``narr-audit --version``) do not pay for loading them.
"""

from __future__ import annotations

import codecs
import math
import re
import stat
import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narr_audit.evidence.content import DocKind, Extracted, Segment, Unreadable

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

    from narr_audit.evidence.cache import ExtractionCache

__all__ = [
    "DOCUMENT_KINDS",
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCX_UNCOMPRESSED_BYTES",
    "MAX_PDF_PAGES",
    "MAX_TEXT_BYTES",
    "extract",
    "kind_of",
]

DOCUMENT_KINDS: dict[str, DocKind] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
}

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_PDF_PAGES = 1000
MAX_DOCX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""A .docx is a zip; a real policy unpacks to a few MB, a zip bomb to gigabytes."""

_TEXT_KINDS: frozenset[DocKind] = frozenset({"markdown", "text", "html"})
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SUPPORTED = ", ".join(DOCUMENT_KINDS)


def kind_of(path: Path) -> DocKind | None:
    """The kind of document a file is, by its suffix (any case); None when narr-audit does not read it."""
    return DOCUMENT_KINDS.get(path.suffix.lower())


def extract(path: Path, cache: ExtractionCache | None = None) -> Extracted | Unreadable:
    """Read ``path`` and return its text, or say in plain words why it cannot be read. Never raises for a bad file.

    With a ``cache``, a file whose bytes were read before is not parsed again.
    """
    kind = kind_of(path)
    if kind is None:
        return _unsupported(path.suffix.lower())
    limit = MAX_TEXT_BYTES if kind in _TEXT_KINDS else MAX_DOCUMENT_BYTES
    try:
        info = path.stat()
    except OSError as exc:
        return _os_problem(exc)
    if stat.S_ISDIR(info.st_mode):
        return Unreadable("it is a folder, not a file", "map the document inside the folder instead")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device would block or never end; only ordinary files are evidence.
        return Unreadable("it is not an ordinary file", "map a saved copy of the document instead")
    if info.st_size == 0:
        return _EMPTY
    if info.st_size > limit:
        return _too_big(info.st_size, limit)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return _os_problem(exc)
    if not data:
        return _EMPTY
    if len(data) > limit:  # it grew after the stat
        return _too_big(len(data), limit)
    if cache is None:
        return _READERS[kind](data)
    key = cache.key(kind, data)
    found = cache.get(key)
    if found is None:
        found = _READERS[kind](data)
        cache.put(key, found)
    return found


# ---------------------------------------------------------------------------------------------------------------
# Problems every kind shares


_EMPTY = Unreadable("the file is empty", "map the real document, or save it again if it was cut short")


def _too_big(size: int, limit: int) -> Unreadable:
    return Unreadable(
        f"the file is {_megabytes(size, round_up=True)}, more than the {_megabytes(limit)} narr-audit reads",
        "split it or map a smaller copy",
    )


def _megabytes(size: int, *, round_up: bool = False) -> str:
    """Sizes in MB with one decimal; a file's size rounds up so "50.1 MB" never reads as the 50 MB limit."""
    tenths = size * 10 / (1024 * 1024)
    tenths = math.ceil(tenths) if round_up else round(tenths)
    text = f"{tenths / 10:.1f}".removesuffix(".0")
    return f"{text} MB"


def _os_problem(exc: OSError) -> Unreadable:
    if isinstance(exc, FileNotFoundError):
        return Unreadable(
            "the file does not exist (it may have been moved or renamed)",
            "check the path, or map the file where it is now",
        )
    if isinstance(exc, IsADirectoryError):
        return Unreadable("it is a folder, not a file", "map the document inside the folder instead")
    if isinstance(exc, PermissionError):
        return Unreadable(
            "narr-audit is not allowed to read the file",
            "check the file's permissions, or copy it to a folder you can read and map the copy",
        )
    return Unreadable(
        f"the file could not be read ({exc.strerror or exc})",
        "check that the disk or network folder is available, then try again",
    )


_OTHER_FORMATS: dict[str, tuple[str, str]] = {
    ".doc": ("the old Word format (.doc)", "save it as .docx or PDF and map that"),
    ".rtf": ("Rich Text (.rtf)", "save it as .docx or PDF and map that"),
    ".odt": ("OpenDocument text (.odt)", "save it as .docx or PDF and map that"),
    ".pages": ("an Apple Pages document", "export it as .docx or PDF and map that"),
    ".heic": ("an Apple photo (.heic)", "export it as JPEG and map that"),
    ".heif": ("an Apple photo (.heif)", "export it as JPEG and map that"),
}


def _unsupported(suffix: str) -> Unreadable:
    if suffix in _OTHER_FORMATS:
        what, fix = _OTHER_FORMATS[suffix]
        return Unreadable(f"{suffix}: narr-audit cannot read {what}", f"{fix} (narr-audit reads {_SUPPORTED})")
    if not suffix:
        return Unreadable(
            "the file name has no suffix, so narr-audit cannot tell what kind of file it is",
            f"rename or save it with one of the suffixes narr-audit reads: {_SUPPORTED}",
        )
    return Unreadable(
        f"{suffix}: narr-audit does not read this kind of file",
        f"save it in one of the formats narr-audit reads ({_SUPPORTED}); PDF works for anything that prints",
    )


_CONTROL = re.compile(r"[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def _tidy(text: str) -> str:
    """Light whitespace clean-up that keeps every word: one space between words, at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\x02", "-")  # pdfium may mark an end-of-line hyphen with U+0002
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _one_line(text: str | None) -> str | None:
    """A title or heading on one line; None when there is nothing in it."""
    if text is None:
        return None
    line = _SPACES.sub(" ", re.sub(r"\s+", " ", _CONTROL.sub("", text))).strip()
    return line or None


# ---------------------------------------------------------------------------------------------------------------
# PDF


_PDF_LOCKED = Unreadable(
    "the PDF is password-protected",
    "save an unprotected copy (open it with the password, then Print to PDF) and map that instead",
)
_PDF_DAMAGED = Unreadable(
    "the PDF is damaged or is not really a PDF",
    "open it in a PDF viewer; if it opens, Print to PDF to make a clean copy and map that, otherwise get a new copy",
)
_PDF_NO_TEXT = Unreadable(
    "the PDF has no text in it (it looks like a scan or photos of pages)",
    "run OCR on it (the 'make searchable' or 'recognise text' option in most PDF and scanner apps), "
    "or map a text copy such as the original Word file",
)


def _read_pdf(data: bytes) -> Extracted | Unreadable:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # Only the password and security-handler codes mean "locked"; every other load failure is damage.
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            return _PDF_LOCKED
        return _PDF_DAMAGED
    try:
        count = len(pdf)
        if count > MAX_PDF_PAGES:
            return Unreadable(
                f"the PDF has {count} pages, more than the {MAX_PDF_PAGES} narr-audit reads",
                "split it into smaller PDFs, or map only the part that is evidence",
            )
        if count <= 0:
            return Unreadable("the PDF has no pages", "get a complete copy of the document and map that")
        title = _one_line(str(pdf.get_metadata_value("Title") or ""))
        segments = tuple(Segment(f"page {n + 1}", _pdf_page_text(pdf, n)) for n in range(count))
    except pdfium.PdfiumError:
        return _PDF_DAMAGED
    finally:
        pdf.close()
    if not any(s.text for s in segments):
        return _PDF_NO_TEXT
    return Extracted("pdf", segments, title=title, pages=count)


def _pdf_page_text(pdf: Any, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return _tidy(str(textpage.get_text_range()))
        finally:
            textpage.close()
    finally:
        page.close()


# ---------------------------------------------------------------------------------------------------------------
# Word (.docx)


_DOCX_OLE2 = Unreadable(
    "the Word file is password-protected or in the old .doc format",
    "save it as an unprotected .docx or PDF and map that",
)
_DOCX_DAMAGED = Unreadable(
    "the Word file is damaged or is not really a .docx",
    "open it in Word and save a fresh copy (or save it as PDF) and map that",
)


def _read_docx(data: bytes) -> Extracted | Unreadable:
    if data.startswith(_OLE2_MAGIC):
        return _DOCX_OLE2
    problem = _check_docx_zip(data)
    if problem is not None:
        return problem

    import docx

    try:
        document = docx.Document(BytesIO(data))
        title = _one_line(document.core_properties.title)
        segments, first_heading = _docx_segments(document)
    except Exception:  # a damaged package can fail anywhere inside python-docx or lxml
        return _DOCX_DAMAGED
    return Extracted("docx", segments, title=title or first_heading)


def _check_docx_zip(data: bytes) -> Unreadable | None:
    """Refuse a zip bomb before python-docx unpacks anything.

    The declared sizes are trusted: CPython's zipfile never inflates a member past its declared size,
    so an archive that lies about its sizes cannot unpack to more than this check allowed.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # BadZipFile for most damage, but a mangled directory can raise others
        return _DOCX_DAMAGED
    if sum(m.file_size for m in members) > MAX_DOCX_UNCOMPRESSED_BYTES:
        return Unreadable(
            f"the Word file would unpack to more than {_megabytes(MAX_DOCX_UNCOMPRESSED_BYTES)}, "
            "which no real document does",
            "open it in Word and save a fresh copy (or save it as PDF) and map that",
        )
    if "word/document.xml" not in {m.filename for m in members}:
        return Unreadable(
            "the file is a zip archive but not a Word document",
            "save the document from Word as .docx (or as PDF) and map that",
        )
    return None


def _docx_segments(document: DocxDocument) -> tuple[tuple[Segment, ...], str | None]:
    """Paragraphs in reading order, table cells included, cut into segments at each heading."""
    builder = _SegmentBuilder()
    for paragraph in _docx_paragraphs(document):
        text = _tidy(paragraph.text)
        if not text:
            continue
        style = paragraph.style
        name = (style.name or "") if style is not None else ""
        heading = _one_line(text) if name.lower().startswith(("heading", "title")) else None
        if heading is not None:
            builder.heading(heading)
        else:
            builder.add(text)
    return builder.segments(), builder.first_heading


def _docx_paragraphs(document: DocxDocument) -> Iterator[Paragraph]:
    """Every paragraph in document order, walking into tables and content controls.

    python-docx's own iterators stop at content controls (``w:sdt``), which form templates wrap whole
    sections in, so the body XML is walked directly.
    """
    from docx.oxml.ns import qn
    from docx.oxml.text.paragraph import CT_P
    from docx.text.paragraph import Paragraph

    containers = {qn(t) for t in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:customXml", "w:smartTag")}
    stack: list[Any] = list(reversed(list(document.element.body.iterchildren())))
    while stack:
        element = stack.pop()
        if isinstance(element, CT_P):
            yield Paragraph(element, document.part)
        elif element.tag in containers:
            stack.extend(reversed(list(element.iterchildren())))


# ---------------------------------------------------------------------------------------------------------------
# Markdown and plain text


def _read_markdown(data: bytes) -> Extracted | Unreadable:
    text = _decode_utf8(data)
    if isinstance(text, Unreadable):
        return text
    front_matter, front_line, body = _split_front_matter(text)
    segments, title = _markdown_segments(body)
    return Extracted("markdown", segments, title=title, front_matter=front_matter, front_matter_line=front_line)


def _read_text(data: bytes) -> Extracted | Unreadable:
    text = _decode_utf8(data)
    if isinstance(text, Unreadable):
        return text
    front_matter, front_line, body = _split_front_matter(text)
    segment = Segment(None, _tidy("\n".join(body)))
    return Extracted("text", (segment,), front_matter=front_matter, front_matter_line=front_line)


_SAVE_AS_UTF8 = "open it in a text editor and save it with the UTF-8 encoding, then map it again"


def _decode_utf8(data: bytes) -> str | Unreadable:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Unreadable("the file is UTF-16 text, not UTF-8", _SAVE_AS_UTF8)
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        return Unreadable(f"the file is not UTF-8 text (first bad byte on line {line})", _SAVE_AS_UTF8)
    if "\x00" in text:
        return _BINARY
    return text


_BINARY = Unreadable(
    "the file holds binary data, not text",
    "map the original document (PDF or Word) instead, or save it as plain UTF-8 text",
)


def _split_front_matter(text: str) -> tuple[str | None, int | None, list[str]]:
    """Raw YAML between a first line '---' and the next '---' or '...' line, and the body lines after it.

    Trailing spaces on the fence lines are tolerated, as Jekyll and Hugo do. Without a closing fence the
    opening '---' is ordinary text (a horizontal rule), not front matter.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return "\n".join(lines[1:index]), 2, lines[index + 1 :]
    return None, None, lines


_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_RULE_LINE = re.compile(r" {0,3}(?:(?:[-*_] *){3,}|=+ *|\|?[ :|-]*-{3,}[ :|-]*)$")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:\s*\S")
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url) and ![alt](src)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?://|mailto:)[^>\s]+)>"), r"\1"),  # <https://...>
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # `code`
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **bold**, __bold__, ~~struck~~
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # _italic_ (not snake_case)
    (re.compile(r"^\s*(?:>\s?)+"), ""),  # > quote
    (re.compile(r"^(\s*)[*+-][ \t]+"), r"\1"),  # - bullet
)


def _plain(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line


def _markdown_segments(lines: list[str]) -> tuple[tuple[Segment, ...], str | None]:
    """Segments cut at ATX headings (``#`` to ``######``); code fences are kept as text, never as headings."""
    body = re.sub(r"<!--.*?-->", "", "\n".join(lines), flags=re.DOTALL)
    builder = _SegmentBuilder()
    fence: str | None = None
    for line in body.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            closes = opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence)
            if closes and not line.strip().lstrip(fence[0]):
                fence = None
                continue
            builder.add(line)
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = _ATX.match(line)
        if heading:
            text = _one_line(_plain(_ATX_CLOSING.sub("", heading.group(2) or "")))
            if text:
                builder.heading(text)
            continue
        if _RULE_LINE.match(line) or _LINK_DEFINITION.match(line):
            continue
        builder.add(_plain(line))
    return builder.segments(), builder.first_heading


class _SegmentBuilder:
    """Collects lines into segments; each heading closes the current segment and opens one named after it.

    A segment starts with its heading's text so a search over ``Extracted.text`` also finds headings.
    """

    def __init__(self) -> None:
        self.first_heading: str | None = None
        self._where: str | None = None
        self._lines: list[str] = []
        self._done: list[Segment] = []

    def heading(self, text: str) -> None:
        self._flush()
        if self.first_heading is None:
            self.first_heading = text
        self._where = text
        self._lines = [text]

    def add(self, text: str) -> None:
        self._lines.append(text)

    def segments(self) -> tuple[Segment, ...]:
        self._flush()
        return tuple(self._done)

    def _flush(self) -> None:
        text = _tidy("\n".join(self._lines))
        if text:
            self._done.append(Segment(self._where, text))
        self._lines = []


# ---------------------------------------------------------------------------------------------------------------
# HTML


_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_NOT_CHARSETS = frozenset({"unicode_escape", "raw_unicode_escape", "idna", "punycode", "utf-7"})


def _read_html(data: bytes) -> Extracted | Unreadable:
    text = _decode_html(data)
    if isinstance(text, Unreadable):
        return text
    parser = _HtmlText()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser is lenient, but this is untrusted input
        return Unreadable(
            "the web page could not be read; it may be damaged",
            "open it in a browser and Print to PDF, then map the PDF",
        )
    segments = parser.builder.segments()
    return Extracted("html", segments, title=_one_line("".join(parser.title)) or parser.builder.first_heading)


def _decode_html(data: bytes) -> str | Unreadable:
    """UTF-8 first; otherwise only the charset the page declares. Guessing latin-1 would garble words silently."""
    text = _decode_utf8(data)
    if not isinstance(text, Unreadable):
        return text
    declared = _META_CHARSET.search(data[:4096])
    if declared is None:
        return Unreadable(text.reason.replace("the file", "the web page", 1), _SAVE_AS_UTF8)
    label = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return Unreadable(f"the web page declares the unknown character set '{label}'", _SAVE_AS_UTF8)
    if codec in ("latin-1", "iso8859-1", "ascii"):
        codec = "cp1252"  # what browsers do with these labels
    if codec.startswith(("utf-8", "utf-16", "utf-32")) or codec in _NOT_CHARSETS:
        return Unreadable(text.reason.replace("the file", "the web page", 1), _SAVE_AS_UTF8)
    try:
        decoded = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return Unreadable(f"the web page is not valid '{label}' text, the character set it declares", _SAVE_AS_UTF8)
    return _BINARY if "\x00" in decoded else decoded


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style", "template", "svg", "math"})
_HEAD_ONLY = frozenset({"title", "meta", "link", "base", "script", "style", "noscript", "template"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "legend", "li", "main", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip


class _HtmlText(HTMLParser):
    """Visible text of a page, cut into segments at h1-h6; scripts, styles and the head are left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = _SegmentBuilder()
        self.title: list[str] = []
        self._title_seen = False
        self._in_title = False
        self._in_head = False
        self._skipping: list[str] = []
        self._heading: str | None = None
        self._heading_text: list[str] = []
        self._line: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.append(tag)
            return
        if tag in _SKIPPED:
            self._skipping.append(tag)
            return
        if tag == "head":
            self._in_head = True
        elif tag == "body" or (self._in_head and tag not in _HEAD_ONLY):
            self._in_head = False  # browsers end the head at the first body content, even without </head>
        if tag == "title" and not self._title_seen:
            self._in_title = True
        elif tag in _HEADINGS:
            self._end_heading()
            self._end_line()
            self._heading = tag
        elif tag in _BLOCKS:
            self._end_heading()
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag == "title" and self._in_title:
            self._in_title = False
            self._title_seen = True
        elif tag == "head":
            self._in_head = False
        elif tag in _HEADINGS:
            self._end_heading()
        elif tag in _BLOCKS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._in_title:
            self.title.append(data)
        elif self._in_head:
            return
        elif self._heading is not None:
            self._heading_text.append(data)
        else:
            self._line.append(data)

    def close(self) -> None:
        super().close()
        self._end_heading()
        self._end_line()

    def _end_line(self) -> None:
        line = _one_line("".join(self._line))
        if line:
            self.builder.add(line)
        self._line = []

    def _end_heading(self) -> None:
        if self._heading is None:
            return
        text = _one_line("".join(self._heading_text))
        self._heading = None
        self._heading_text = []
        if text:
            self._end_line()
            self.builder.heading(text)


# ---------------------------------------------------------------------------------------------------------------
# Photos


_IMAGE_FORMATS = ("JPEG", "PNG")  # the JPEG opener also takes the MPO files many phones save
_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 36867
_DATE_TIME = 306
_EXIF_DATE = re.compile(r"\s*(\d{4})[:-](\d{2})[:-](\d{2})")


def _read_image(data: bytes) -> Extracted | Unreadable:
    from PIL import Image, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError

    # Image.open(formats=...) only knows plugins already imported; these two register themselves.
    del JpegImagePlugin, PngImagePlugin
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data), formats=_IMAGE_FORMATS) as image:
                image.verify()
            with Image.open(BytesIO(data), formats=_IMAGE_FORMATS) as image:
                if image.format != "PNG":
                    # verify() barely looks at a JPEG; decoding at 1/8 scale is cheap and catches a cut-off file.
                    image.draft("RGB", (1, 1))
                    image.load()
                photo_date = _photo_date(image)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return Unreadable(
            "the picture has far more pixels than any photo, so narr-audit will not open it",
            "map a normal-size copy (export or resize it to under 20 megapixels)",
        )
    except UnidentifiedImageError:
        return Unreadable(
            "the file is not a JPEG or PNG picture (or is too damaged to recognise)",
            "open it and save or export it as JPEG or PNG, then map that",
        )
    except Exception:  # Pillow raises many kinds of error on a damaged picture
        return Unreadable(
            "the picture is damaged or cut short",
            "copy the photo again from the phone or camera, or export a fresh JPEG, and map that",
        )
    return Extracted("image", (), photo_date=photo_date)


def _photo_date(image: Any) -> date | None:
    """EXIF DateTimeOriginal (or, failing that, DateTime); None when absent or not a real date."""
    try:
        exif = image.getexif()
        candidates = (
            exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL),
            exif.get(_DATE_TIME_ORIGINAL),
            exif.get(_DATE_TIME),
        )
    except Exception:  # a broken EXIF block only loses the date, not the photo
        return None
    for value in candidates:
        found = _exif_date(value)
        if found is not None:
            return found
    return None


def _exif_date(value: object) -> date | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", errors="replace")
    if not isinstance(value, str):
        return None
    match = _EXIF_DATE.match(value)
    if match is None:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


_READERS: dict[DocKind, Callable[[bytes], Extracted | Unreadable]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "markdown": _read_markdown,
    "text": _read_text,
    "html": _read_html,
    "image": _read_image,
}
