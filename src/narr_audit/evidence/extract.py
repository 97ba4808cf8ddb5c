"""The text inside an evidence file (PDF, Word, Markdown, plain text, web page) and the date a photo was taken.

A residence's folder holds whatever its staff saved: scans, password-protected PDFs, old .doc files, text
saved in the wrong encoding. None of that is a bug in narr-audit, so :func:`extract` never raises for a bad
file; it returns :class:`Unreadable` with a reason and a fix a house manager can act on.

Every file is size-checked with ``stat`` before it is read, read once into memory, and parsed from there;
nothing is ever written. Every reader takes time and memory in step with the file (no pattern that
backtracks, no per-paragraph lookups) and stops at the limits in :mod:`narr_audit.evidence.limits`, so a
hostile file ends as "too large" or "too complex" instead of a hang. The parsing libraries are imported
inside the readers so that commands which never open a document (``narr-audit --version``) do not pay for
loading them.
"""

from __future__ import annotations

import codecs
import hashlib
import math
import posixpath
import re
import stat
import warnings
import zipfile
from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from html import unescape
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narr_audit.evidence.content import PAGE, DocKind, Extracted, Segment, Table, Unreadable
from narr_audit.evidence.limits import (
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_CHARS,
    MAX_DOCX_PARAGRAPHS,
    MAX_DOCX_PARTS,
    MAX_DOCX_UNCOMPRESSED_BYTES,
    MAX_DOCX_XML_BYTES,
    MAX_FRONT_MATTER_BYTES,
    MAX_HTML_ATTRIBUTES,
    MAX_HTML_TAGS,
    MAX_HTML_UNCLOSED,
    MAX_IMAGE_PIXELS,
    MAX_PDF_PAGES,
    MAX_SEGMENTS,
    MAX_TEXT_BYTES,
    MAX_XML_ELEMENTS,
)
from narr_audit.evidence.ocr import (
    NOISE_PAGES,
    SCAN_UNREADABLE,
    OcrPage,
    ocr_image,
    ocr_pdf_pages,
    read_ahead,
    readable,
    tesseract_missing,
)
from narr_audit.evidence.pdfgrid import Columns, calendar_page
from narr_audit.evidence.records import has_weekday_row

if TYPE_CHECKING:
    from narr_audit.evidence.cache import ExtractionCache

__all__ = [
    "DOCUMENT_KINDS",
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCX_UNCOMPRESSED_BYTES",
    "MAX_PDF_PAGES",
    "MAX_TEXT_BYTES",
    "extract",
    "kind_of",
    "read_photos_ahead",
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

_TEXT_KINDS: frozenset[DocKind] = frozenset({"markdown", "text", "html"})
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SUPPORTED = ", ".join(DOCUMENT_KINDS)


def kind_of(path: Path) -> DocKind | None:
    """The kind of document a file is, by its suffix (any case); None when narr-audit does not read it."""
    return DOCUMENT_KINDS.get(path.suffix.lower())


def extract(path: Path, cache: ExtractionCache | None = None, *, ocr: bool = False) -> Extracted | Unreadable:
    """Read ``path`` and return its text, or say in plain words why it cannot be read. Never raises for a bad file.

    With a ``cache``, a file whose bytes were read before is not parsed again. With ``ocr``, PDF pages
    without a text layer and photos are read by OCR when Tesseract is installed (evidence.ocr); pages
    with text never are. Without Tesseract, a scanned PDF's reason says how to install it.
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
    reader, key_kind = _READERS[kind], str(kind)
    missing = tesseract_missing() if ocr and kind in _OCR_READERS else None
    if ocr and kind in _OCR_READERS and missing is None:
        # Read apart in the cache: a reading without OCR must not stand for one with it, nor the reverse.
        reader, key_kind = _OCR_READERS[kind], f"{kind}+ocr"
    if cache is None:
        found = reader(data)
    else:
        key = cache.key(key_kind, data)
        cached = cache.get(key)
        found = reader(data) if cached is None else cached
        if cached is None:
            cache.put(key, found)
    if missing is not None and found == _PDF_NO_TEXT:
        return Unreadable(f"{_PDF_NO_TEXT.reason}; {missing.reason}", f"{missing.hint}; {_PDF_NO_TEXT.hint}")
    return found


def read_photos_ahead(paths: Iterable[Path], cache: ExtractionCache | None = None) -> None:
    """Start OCR of the photos among ``paths`` in the background, in one Tesseract run, before
    :func:`extract` (with ``ocr``) asks for them one by one; photos whose reading is cached are left
    alone. Nothing happens without Tesseract, and a photo that cannot be read here is read there."""
    images = [path for path in paths if kind_of(path) == "image"]
    if not images or tesseract_missing() is not None:
        return
    photos: list[bytes] = []
    for path in images:
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= MAX_DOCUMENT_BYTES:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if cache is None or cache.get(cache.key("image+ocr", data)) is None:
            photos.append(data)
    read_ahead(photos)


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


def _size(size: int) -> str:
    """A size in KB under a megabyte (rounded up, so it never reads as the limit), else in MB."""
    return f"{math.ceil(size / 1024)} KB" if size < 1024 * 1024 else _megabytes(size, round_up=True)


class _LimitError(Exception):
    """A reader hit one of the limits; carries what to tell the operator."""

    def __init__(self, unreadable: Unreadable) -> None:
        super().__init__(unreadable.reason)
        self.unreadable = unreadable


_SPLIT_IT = "split it into smaller documents and map those"


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


def _read_pdf(data: bytes, ocr: bool = False) -> Extracted | Unreadable:
    """The text layer of each page; with ``ocr``, pages without one are read by OCR (evidence.ocr)."""
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
        pages: list[Segment] = []
        chars = 0
        going_on: Columns | None = None  # a month calendar running on over a page break
        for n in range(count):
            text, going_on = _pdf_page_text(pdf, n, going_on)
            pages.append(Segment(f"{PAGE}{n + 1}", text))
            chars += len(pages[-1].text)
            if chars > MAX_DOCUMENT_CHARS:
                return _too_much_text("PDF")
        confidence = _ocr_blank_pages(pdf, pages, data) if ocr else None
        segments = tuple(pages)
    except pdfium.PdfiumError:
        return _PDF_DAMAGED
    finally:
        pdf.close()
    if not any(s.text for s in segments):
        return (confidence if isinstance(confidence, Unreadable) else SCAN_UNREADABLE) if ocr else _PDF_NO_TEXT
    if isinstance(confidence, Unreadable):  # OCR failed, but other pages have text: read those
        confidence = None
    return Extracted("pdf", segments, title=title, pages=count, ocr_confidence=confidence)


def _ocr_blank_pages(pdf: Any, pages: list[Segment], data: bytes) -> float | Unreadable | None:
    """Fill the pages that have no text layer with what OCR reads on them (noise is left out); the mean
    confidence of the pages read, None when no page was, or why OCR failed (the pages stay blank)."""
    blank = [n for n, page in enumerate(pages) if not page.text]
    if not blank:
        return None
    read = ocr_pdf_pages(pdf, blank, hashlib.sha256(data).hexdigest(), give_up_after=NOISE_PAGES)
    if isinstance(read, Unreadable):
        return read
    scores: list[float] = []
    for index, page in zip(blank, read, strict=False):  # OCR reads at most MAX_OCR_PAGES of them
        if readable(page) and page.confidence is not None:
            pages[index] = Segment(pages[index].where, _tidy(page.text))
            scores.append(page.confidence)
    return round(sum(scores) / len(scores), 1) if scores else None


def _too_much_text(what: str) -> Unreadable:
    return Unreadable(
        f"the {what} is too large: it holds more than {MAX_DOCUMENT_CHARS:,} characters of text",
        _SPLIT_IT,
    )


def _pdf_page_text(pdf: Any, index: int, going_on: Columns | None) -> tuple[str, Columns | None]:
    """A page's text, its month calendar (if any) written a day to a line (evidence.pdfgrid), and the
    calendar's columns when its month goes on over the page break."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text = str(textpage.get_text_range())
            if going_on is not None or has_weekday_row(text.replace("\r", "")):
                text, going_on = calendar_page(textpage, text, going_on)
            return _tidy(text), going_on
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
_DOCX_NOT_WORD = Unreadable(
    "the file is a zip archive but not a Word document",
    "save the document from Word as .docx (or as PDF) and map that",
)


def _docx_too_complex(what: str) -> Unreadable:
    return Unreadable(f"the Word file is too complex for narr-audit: it has more than {what}", _SPLIT_IT)


def _read_docx(data: bytes) -> Extracted | Unreadable:
    """Text of a .docx, read straight from its XML with expat, in one pass over each part.

    python-docx resolved every paragraph's style by scanning the whole style sheet, so a small file of
    many paragraphs took minutes; here the style sheet is read once and the body in one pass.
    What is read mirrors python-docx: the body's paragraphs in order, walking into tables and content
    controls, each paragraph's runs and hyperlinks; a paragraph whose style's name starts with "Heading"
    or "Title" opens a new segment.
    """
    if data.startswith(_OLE2_MAGIC):
        return _DOCX_OLE2
    if data.count(b"PK\x01\x02") > MAX_DOCX_PARTS:  # central-directory entries, counted before zipfile lists them
        return _docx_too_complex(f"{MAX_DOCX_PARTS:,} parts inside it")
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            problem = _check_docx_zip(archive)
            if problem is not None:
                return problem
            return _docx_content(archive)
    except _LimitError as exc:
        return exc.unreadable
    except Exception:  # a damaged package can fail anywhere: zip, inflate, XML
        return _DOCX_DAMAGED


def _check_docx_zip(archive: zipfile.ZipFile) -> Unreadable | None:
    """Refuse a zip bomb before anything is unpacked.

    The declared sizes are trusted: CPython's zipfile never inflates a member past its declared size,
    so an archive that lies about its sizes cannot unpack to more than this check allowed.
    """
    members = archive.infolist()
    if sum(m.file_size for m in members) > MAX_DOCX_UNCOMPRESSED_BYTES:
        return Unreadable(
            f"the Word file would unpack to more than {_megabytes(MAX_DOCX_UNCOMPRESSED_BYTES)}, "
            "which no real document does",
            "open it in Word and save a fresh copy (or save it as PDF) and map that",
        )
    if "word/document.xml" not in {m.filename for m in members}:
        return _DOCX_NOT_WORD
    return None


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main "
_W_DOCUMENT, _W_BODY, _W_P, _W_PPR, _W_PSTYLE = (_W + t for t in ("document", "body", "p", "pPr", "pStyle"))
_W_R, _W_T, _W_BR, _W_VAL, _W_TYPE = (_W + t for t in ("r", "t", "br", "val", "type"))
_W_STYLE, _W_NAME, _W_STYLE_ID, _W_DEFAULT = (_W + t for t in ("style", "name", "styleId", "default"))
_DC_TITLE = "http://purl.org/dc/elements/1.1/ title"
_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships Relationship"
_W_CONTAINERS = frozenset(_W + t for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "smartTag"))
_W_TBL, _W_TR, _W_TC = (_W + t for t in ("tbl", "tr", "tc"))
_W_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# What holds a paragraph's runs besides the paragraph itself: a hyperlink, a tracked insertion or move
# (read as if accepted: a deletion, w:del or w:moveFrom, is not read, as Word shows the final text), a
# smart tag, a custom XML element, a simple field, an inline content control's content.
_W_RUN_HOLDERS = frozenset(
    _W + t for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "sdtContent")
)
_W_SDT = _W + "sdt"
_W_RPR = _W + "rPr"
# Run properties whose text Word does not show as the policy's: struck through (deleted without
# tracking) and hidden.
_W_NOT_SHOWN = frozenset(_W + t for t in ("strike", "dstrike", "vanish"))
_ON = frozenset({"1", "true", "on"})


class _XmlBudget:
    """Parses the parts of one package with expat, counting their elements against one limit.

    A part is read whole (it is at most MAX_DOCX_XML_BYTES) and parsed in one call: fed in pieces, expat
    before 2.6 (CVE-2023-52425) rescans a token cut by a piece's end from its start, so one 150 MB
    attribute or comment took two minutes. expat never fetches external entities; a DTD, which Word
    never writes, is refused outright so no entity can expand.
    """

    def __init__(self) -> None:
        self.elements = 0

    @staticmethod
    def read(archive: zipfile.ZipFile, name: str) -> bytes:
        size = archive.getinfo(name).file_size
        if size > MAX_DOCX_XML_BYTES:
            raise _LimitError(
                Unreadable(
                    f"the Word file is too large for narr-audit: its part {name} holds {_size(size)} of XML, "
                    f"more than the {_size(MAX_DOCX_XML_BYTES)} narr-audit reads",
                    _SPLIT_IT,
                )
            )
        return archive.read(name)

    def parse(self, data: bytes, handler: _XmlHandler) -> None:
        """Run ``handler`` over one part's XML."""
        from xml.parsers import expat

        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.ordered_attributes = True  # a list, not a dict, for the many elements whose attributes go unread
        parser.StartDoctypeDeclHandler = _refuse_dtd
        parser.StartElementHandler = handler.start
        parser.EndElementHandler = handler.end
        parser.CharacterDataHandler = handler.chars
        handler.elements = self.elements
        try:
            parser.Parse(data, True)
        finally:
            self.elements = handler.elements


def _attribute(attrs: list[str], name: str) -> str | None:
    """An attribute from expat's ordered list (name, value, name, value, ...); None when it is absent."""
    names = attrs[0::2]
    return attrs[2 * names.index(name) + 1] if name in names else None


def _refuse_dtd(*_: object) -> None:
    raise ValueError("a DTD inside a .docx")


def _too_many_elements() -> _LimitError:
    return _LimitError(_docx_too_complex(f"{MAX_XML_ELEMENTS:,} XML elements"))


class _XmlHandler:
    """Callbacks for one part. :meth:`open` says whether to read inside an element; if not, everything in it
    is passed over by counting, and :meth:`close` is not called for it. ``depth`` is 1 for the root."""

    def __init__(self) -> None:
        self.depth = 0
        self.elements = 0  # in the whole package so far, set by _XmlBudget
        self.skipping = 0  # depth inside an element passed over

    def start(self, tag: str, attrs: list[str]) -> None:
        self.elements += 1
        if self.elements > MAX_XML_ELEMENTS:
            raise _too_many_elements()
        if self.skipping:
            self.skipping += 1
            return
        self.depth += 1
        if not self.open(tag, attrs):
            self.depth -= 1
            self.skipping = 1

    def end(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        self.close(tag)
        self.depth -= 1

    def open(self, tag: str, attrs: list[str]) -> bool:
        """An element opens at ``depth``; True to read what is inside it."""
        return False

    def close(self, tag: str) -> None:
        """A read element closes (``depth`` is still its own)."""

    def chars(self, data: str) -> None:
        """Text inside a read element (and inside elements passed over: check ``skipping``)."""


class _Relationships(_XmlHandler):
    """A part's relationships (``_rels/*.rels``): type to the part name it points at, first one of each type."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.targets: dict[str, str] = {}

    def open(self, tag: str, attrs: list[str]) -> bool:
        if self.depth == 2 and tag == _RELATIONSHIP and _attribute(attrs, "TargetMode") != "External":
            kind, target = (_attribute(attrs, "Type") or "").rsplit("/", 1)[-1], _attribute(attrs, "Target")
            if target and kind not in self.targets:
                path = target[1:] if target.startswith("/") else posixpath.join(self.base, target)
                self.targets[kind] = posixpath.normpath(path)
        return self.depth == 1


class _CoreTitle(_XmlHandler):
    """The first ``dc:title`` of the core properties (docProps/core.xml)."""

    def __init__(self) -> None:
        super().__init__()
        self.title: list[str] | None = None
        self._reading = False

    def open(self, tag: str, attrs: list[str]) -> bool:
        if self.depth == 2 and tag == _DC_TITLE and self.title is None:
            self.title, self._reading = [], True
            return True
        return self.depth == 1

    def close(self, tag: str) -> None:
        self._reading = False

    def chars(self, data: str) -> None:
        if self._reading and not self.skipping and self.title is not None:
            self.title.append(data)


class _HeadingStyles(_XmlHandler):
    """Which paragraph styles are headings, read once from word/styles.xml.

    Resolved as python-docx does: a style id names the first style with that id; a missing id, an unknown
    one or one of another type means the document's default paragraph style (the last one marked default).
    """

    def __init__(self) -> None:
        super().__init__()
        # id -> (is a paragraph style, its heading level: 0 a title, 1 "Heading 1", ...; None: no heading)
        self.styles: dict[str, tuple[bool, int | None]] = {}
        self.default_level: int | None = None
        self._current: tuple[str | None, bool, bool] = (None, False, False)  # id, paragraph style, default
        self._name: str | None = None

    def open(self, tag: str, attrs: list[str]) -> bool:
        if self.depth == 2 and tag == _W_STYLE:
            paragraph = _attribute(attrs, _W_TYPE) == "paragraph"  # python-docx reads no type as no paragraph style
            self._current = (_attribute(attrs, _W_STYLE_ID), paragraph, _attribute(attrs, _W_DEFAULT) in _ON)
            self._name = None
            return True
        if self.depth == 3 and tag == _W_NAME and self._name is None:
            self._name = _attribute(attrs, _W_VAL) or ""
        return self.depth == 1

    def close(self, tag: str) -> None:
        if self.depth != 2:
            return
        style_id, paragraph, default = self._current
        level = _heading_level(self._name or "")
        if style_id is not None and style_id not in self.styles:
            self.styles[style_id] = (paragraph, level)
        if paragraph and default:
            self.default_level = level

    def level(self, style_id: str | None) -> int | None:
        """The heading level of a paragraph in this style; None when it is no heading."""
        found = self.styles.get(style_id) if style_id else None
        if found is not None and found[0]:
            return found[1]
        return self.default_level


def _heading_level(name: str) -> int | None:
    """A Word style's heading level from its name: "Title" 0, "heading 2" 2, "Heading" 1; None: no heading."""
    name = name.lower()
    if name.startswith("title"):
        return 0
    if not name.startswith("heading"):
        return None
    digits = "".join(c for c in name[len("heading") : len("heading") + 3] if c.isdigit())
    return int(digits) if digits else 1


# What an open element is, in the body walk; anything else is skipped with everything inside it.
_ROOT, _WALK, _PARA, _PPR, _HYPERLINK, _RUN, _TEXT, _RPR = range(8)


class _DocxBody(_XmlHandler):
    """The body's paragraphs in document order, walking into tables and content controls, as segments.

    python-docx's own iterators stop at content controls (``w:sdt``), which form templates wrap whole
    sections in, so every container is walked. A paragraph's text is its runs' text, tabs and breaks
    included, as python-docx gives it, and also the runs inside its hyperlinks, tracked insertions,
    fields and inline content controls (a filled-in form field, a change not yet accepted), which
    python-docx leaves out: the text reads as Word shows it with every change accepted.
    """

    def __init__(self, styles: _HeadingStyles) -> None:
        super().__init__()
        self.styles = styles
        self.builder = _SegmentBuilder()
        self.tables = _TableBuilder()
        self.body_seen = False
        self._stack: list[int] = []
        self._paragraphs = 0
        self._chars = 0
        self._text: list[str] = []
        self._style: str | None = None
        self._ppr_seen = self._pstyle_seen = False
        self._run_start = 0  # where the open run's text begins in _text
        self._struck = False  # whether the open run is struck through or hidden

    def _run(self) -> None:
        self._stack.append(_RUN)
        self._run_start = len(self._text)
        self._struck = False

    def start(self, tag: str, attrs: list[str]) -> None:
        self.elements += 1
        if self.elements > MAX_XML_ELEMENTS:
            raise _too_many_elements()
        if self.skipping:
            self.skipping += 1
            return
        stack = self._stack
        parent = stack[-1] if stack else None
        if parent == _WALK:
            if tag == _W_P:
                self._paragraph()
                stack.append(_PARA)
            elif tag in _W_CONTAINERS:
                stack.append(_WALK)
                if tag == _W_TBL:
                    self.tables.table(self.builder.where)
                elif tag == _W_TR:
                    self.tables.row()
                elif tag == _W_TC:
                    self.tables.cell()
            else:
                self.skipping = 1
        elif parent == _PARA:
            if tag == _W_R:
                self._run()
            elif tag in _W_RUN_HOLDERS or tag == _W_SDT:
                stack.append(_HYPERLINK)
            elif tag == _W_PPR and not self._ppr_seen:
                self._ppr_seen = True
                stack.append(_PPR)
            else:
                self.skipping = 1
        elif parent == _RUN:
            if tag == _W_T:
                stack.append(_TEXT)
                return
            if tag == _W_RPR:
                stack.append(_RPR)
                return
            if tag == _W_BR:
                piece = "\n" if _attribute(attrs, _W_TYPE) in (None, "textWrapping") else ""
            else:
                piece = _W_RUN_TEXT.get(tag, "")
            if piece:
                self._text.append(piece)
            self.skipping = 1
        elif parent == _HYPERLINK and tag == _W_R:
            self._run()
        elif parent == _HYPERLINK and (tag in _W_RUN_HOLDERS or tag == _W_SDT):
            stack.append(_HYPERLINK)  # nested: a hyperlink inside an insertion, a control's content
        elif parent == _RPR:
            if tag in _W_NOT_SHOWN and _attribute(attrs, _W_VAL) in (None, *_ON):
                self._struck = True
            self.skipping = 1
        elif parent == _PPR and tag == _W_PSTYLE and not self._pstyle_seen:
            self._pstyle_seen = True
            self._style = _attribute(attrs, _W_VAL)
            self.skipping = 1
        elif parent == _ROOT and tag == _W_BODY and not self.body_seen:
            self.body_seen = True
            stack.append(_WALK)
        elif parent is None:
            if tag != _W_DOCUMENT:
                raise ValueError("the main part is not a Word document")
            stack.append(_ROOT)
        else:
            self.skipping = 1

    def end(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        closed = self._stack.pop()
        if closed == _PARA:
            self._paragraph_done()
        elif closed == _RUN and self._struck:
            del self._text[self._run_start :]  # struck through or hidden: not the policy's text
        elif tag == _W_TBL:
            self.tables.end_table()

    def chars(self, data: str) -> None:
        if not self.skipping and self._stack and self._stack[-1] == _TEXT:
            self._text.append(data)
            self._chars += len(data)
            if self._chars > MAX_DOCUMENT_CHARS:
                raise _LimitError(_too_much_text("Word file"))

    def _paragraph(self) -> None:
        self._paragraphs += 1
        if self._paragraphs > MAX_DOCX_PARAGRAPHS:
            raise _LimitError(_docx_too_complex(f"{MAX_DOCX_PARAGRAPHS:,} paragraphs"))
        self._text = []
        self._style = None
        self._ppr_seen = self._pstyle_seen = False

    def _paragraph_done(self) -> None:
        text = _tidy("".join(self._text))
        if not text:
            return
        self.tables.text(text + "\n")  # a paragraph in a table's cell is that cell's text too
        level = self.styles.level(self._style)
        heading = _one_line(text) if level is not None else None
        if heading is not None:
            self.builder.heading(heading, level)
        else:
            self.builder.add(text)


_STYLE_SHEETS: dict[bytes, _HeadingStyles] = {}
"""Style sheets read in this process, by the SHA-256 of their bytes: Word files made from one template share
one (python-docx's own is 350 KB), and reading it again for each file was most of the time spent on them."""
_STYLE_SHEETS_KEPT = 16


def _style_sheet(data: bytes, xml: _XmlBudget) -> _HeadingStyles:
    key = hashlib.sha256(data).digest()
    if key in _STYLE_SHEETS:
        return _STYLE_SHEETS[key]
    styles = _HeadingStyles()
    xml.parse(data, styles)
    if len(_STYLE_SHEETS) >= _STYLE_SHEETS_KEPT:
        del _STYLE_SHEETS[next(iter(_STYLE_SHEETS))]
    _STYLE_SHEETS[key] = styles
    return styles


def _docx_content(archive: zipfile.ZipFile) -> Extracted | Unreadable:
    """The main part, its style sheet and the core properties, found through the package relationships."""
    names = set(archive.namelist())
    xml = _XmlBudget()

    def related(rels: str, base: str) -> dict[str, str]:
        found = _Relationships(base)
        if rels in names:
            xml.parse(xml.read(archive, rels), found)
        return {kind: target for kind, target in found.targets.items() if target in names}

    package = related("_rels/.rels", "")
    main = package.get("officeDocument", "word/document.xml")
    folder, leaf = posixpath.split(main)
    style_part = related(posixpath.join(folder, "_rels", leaf + ".rels"), folder).get("styles")
    styles = _HeadingStyles() if style_part is None else _style_sheet(xml.read(archive, style_part), xml)
    title: str | None = None
    if "core-properties" in package:
        core = _CoreTitle()
        xml.parse(xml.read(archive, package["core-properties"]), core)
        title = _one_line("".join(core.title or ()))
    body = _DocxBody(styles)
    xml.parse(xml.read(archive, main), body)
    if not body.body_seen:
        return _DOCX_DAMAGED
    segments = body.builder.segments()
    return Extracted("docx", segments, title=title or body.builder.first_heading, tables=body.tables.done())


# ---------------------------------------------------------------------------------------------------------------
# Markdown and plain text


def _read_markdown(data: bytes) -> Extracted | Unreadable:
    text = _decode_utf8(data)
    if isinstance(text, Unreadable):
        return text
    split = _split_front_matter(text)
    if isinstance(split, Unreadable):
        return split
    front_matter, front_line, body = split
    try:
        segments, title, tables = _markdown_segments(body)
    except _LimitError as exc:
        return exc.unreadable
    return Extracted(
        "markdown", segments, title=title, front_matter=front_matter, front_matter_line=front_line, tables=tables
    )


def _read_text(data: bytes) -> Extracted | Unreadable:
    text = _decode_utf8(data)
    if isinstance(text, Unreadable):
        return text
    split = _split_front_matter(text)
    if isinstance(split, Unreadable):
        return split
    front_matter, front_line, body = split
    segment = Segment(None, _tidy(body))
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


_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$", re.MULTILINE)


def _split_front_matter(text: str) -> tuple[str | None, int | None, str] | Unreadable:
    """Raw YAML between a first line '---' and the next '---' or '...' line, and the body after it.

    Trailing spaces on the fence lines are tolerated, as Jekyll and Hugo do. Without a closing fence the
    opening '---' is ordinary text (a horizontal rule), not front matter. Front matter over the limit is
    refused here: the YAML reader's own 2 MB limit is for files, and megabytes of YAML take gigabytes.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first_end = text.find("\n")
    if first_end == -1 or text[:first_end].rstrip() != "---":
        return None, None, text
    closing = _CLOSING_FENCE.search(text, first_end + 1)
    if closing is None:
        return None, None, text
    front = text[first_end + 1 : max(closing.start() - 1, first_end + 1)]
    size = len(front.encode("utf-8", "surrogatepass"))
    if size > MAX_FRONT_MATTER_BYTES:
        return Unreadable(
            f"its front matter (the lines between the '---' at the top) is too large: {_size(size)}, "
            f"more than the {_size(MAX_FRONT_MATTER_BYTES)} narr-audit reads",
            "keep only the narr:, title and date keys in the front matter "
            "and move everything else below the closing '---'",
        )
    body_start = text.find("\n", closing.start())
    return front, 2, "" if body_start == -1 else text[body_start + 1 :]


# Every Markdown rule below reads a line in one pass (or a few), so its time grows with the line's length.
# The inline rules replace regular expressions whose lazy '.+?' rescanned the rest of the line for every
# opening mark (minutes for 200 KB of '**a '); each gives exactly what that expression gave, which the
# tests check against the expressions themselves.
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:\s*\S")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[*+-][ \t]+")
_AUTOLINK_STOP = re.compile(r"[>\s]")
_BACKTICKS = re.compile(r"`+")
_STRONG_OPEN = re.compile(r"(?=(\*\*|__|~~)\S)")
_STRONG_CLOSE = {mark: re.compile(rf"(?<=\S)(?={re.escape(mark)})") for mark in ("**", "__", "~~")}
_EMPHASIS = {
    mark: (re.compile(rf"(?<![\w{m}]){m}(?=\S)"), re.compile(rf"(?<=\S){m}(?![\w{m}])"))
    for mark, m in (("*", r"\*"), ("_", "_"))
}
_MARKS = re.compile(r"[\[<`*_~>+-]")  # a line without any of these has nothing to remove
_RULE_MARKS = frozenset("-*_ ")
_TABLE_RULE = frozenset(" :|-")


def _plain(line: str) -> str:
    """A line without its Markdown marks: links and code keep their text, emphasis marks go."""
    if _MARKS.search(line) is None:
        return line
    line = _links(line)  # [text](url) and ![alt](src)
    line = _reference_links(line)  # [text][ref]
    line = _autolinks(line)  # <https://...>
    line = _code_spans(line)  # `code`
    line = _strong(line)  # **bold**, __bold__; ~~struck~~ text is left out (deleted from the policy)
    line = _emphasis(line, "*")  # *italic*
    line = _emphasis(line, "_")  # _italic_ (not snake_case)
    line = _QUOTE.sub("", line)  # > quote
    return _BULLET.sub(r"\1", line)  # - bullet


class _Next:
    """Where ``target`` next occurs at or after a position; asked at growing positions, it scans the line once."""

    __slots__ = ("_asked", "_found", "_line", "_target")

    def __init__(self, line: str, target: str | re.Pattern[str]) -> None:
        self._line, self._target = line, target
        self._asked, self._found = len(line) + 1, -1

    def at(self, position: int) -> int:
        """The first occurrence at or after ``position``; -1 when there is none."""
        if self._asked <= position and (self._found == -1 or self._found >= position):
            return self._found
        self._asked = position
        if isinstance(self._target, str):
            self._found = self._line.find(self._target, position)
        else:
            match = self._target.search(self._line, position)
            self._found = -1 if match is None else match.start()
        return self._found


def _links(line: str) -> str:
    """``[text](url)`` and ``![alt](src)`` become ``text``: the first ']' after '[' is followed by '(' and a ')'."""
    if "](" not in line:
        return line
    out: list[str] = []
    pos = 0
    bracket, paren = _Next(line, "]"), _Next(line, ")")
    start = line.find("[")
    while start != -1:
        close = bracket.at(start + 1)
        if close == -1:
            break
        if line.startswith("(", close + 1):
            end = paren.at(close + 2)
            if end == -1:
                break
            bang = start - 1 >= pos and line[start - 1] == "!"
            out += (line[pos : start - bang], line[start + 1 : close])
            pos = end + 1
            start = line.find("[", pos)
        else:
            start = line.find("[", start + 1)
    out.append(line[pos:])
    return "".join(out)


def _reference_links(line: str) -> str:
    """``[text][ref]`` becomes ``text``."""
    if "][" not in line:
        return line
    out: list[str] = []
    pos = 0
    first, second = _Next(line, "]"), _Next(line, "]")
    start = line.find("[")
    while start != -1:
        close = first.at(start + 1)
        if close == -1:
            break
        if close > start + 1 and line.startswith("[", close + 1):
            end = second.at(close + 2)
            if end == -1:
                break
            out += (line[pos:start], line[start + 1 : close])
            pos = end + 1
            start = line.find("[", pos)
        else:
            start = line.find("[", start + 1)
    out.append(line[pos:])
    return "".join(out)


def _autolinks(line: str) -> str:
    """``<https://...>``, ``<http://...>`` and ``<mailto:...>`` become the address."""
    if "<" not in line:
        return line
    out: list[str] = []
    pos = 0
    stop = _Next(line, _AUTOLINK_STOP)
    start = line.find("<")
    while start != -1:
        scheme = next((s for s in ("https://", "http://", "mailto:") if line.startswith(s, start + 1)), None)
        if scheme is not None:
            address = start + 1 + len(scheme)
            end = stop.at(address)
            if end > address and line[end] == ">":
                out += (line[pos:start], line[start + 1 : end])
                pos = end + 1
                start = line.find("<", pos)
                continue
        start = line.find("<", start + 1)
    out.append(line[pos:])
    return "".join(out)


def _code_spans(line: str) -> str:
    """```code``` spans lose their backticks, exactly as ``(`+)(.+?)\\1`` matched them.

    That expression tries the longest run of backticks first and shortens it until a run at least as long
    follows (after one character or more); the longest width that works is found by bisection over the
    runs of backticks, so the line is not rescanned for every width.
    """
    if line.count("`") < 2:
        return line
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    starts = [start for start, _ in runs]
    longest_from = [0] * (len(runs) + 1)  # longest run at index k or later
    for k in range(len(runs) - 1, -1, -1):
        longest_from[k] = max(runs[k][1] - runs[k][0], longest_from[k + 1])

    def room(position: int) -> int:
        """The most backticks in a row that start at ``position`` or later."""
        k = bisect_right(starts, position) - 1
        inside = runs[k][1] - position if k >= 0 and runs[k][1] > position else 0
        return max(inside, longest_from[k + 1])

    out: list[str] = []
    pos = 0
    opening = line.find("`")
    while opening != -1:
        if room(opening + 2) < 1:
            break  # no backtick left to close this one, nor any later one
        run_end = runs[bisect_right(starts, opening) - 1][1]
        low, high = 1, run_end - opening
        while low < high:  # the widest opening that a later run can close
            middle = (low + high + 1) // 2
            if room(opening + middle + 1) >= middle:
                low = middle
            else:
                high = middle - 1
        width, after = low, opening + low + 1
        k = bisect_right(starts, after) - 1
        if k >= 0 and runs[k][1] - after >= width:
            closing = after
        else:
            k += 1
            while runs[k][1] - runs[k][0] < width:
                k += 1
            closing = runs[k][0]
        out += (line[pos:opening], line[opening + width : closing])
        pos = closing + width
        opening = line.find("`", pos)
    out.append(line[pos:])
    return "".join(out)


def _strong(line: str) -> str:
    """``**bold**`` and ``__bold__`` lose their marks (no space just inside either mark); ``~~struck~~``
    loses its text too: struck-through words are deleted from the policy and not read, as Word's
    tracked deletions and HTML's ``<del>`` are not."""
    marks = [mark for mark in _STRONG_CLOSE if mark in line]
    if not marks:
        return line
    closers = {mark: [m.start() for m in _STRONG_CLOSE[mark].finditer(line)] for mark in marks}
    next_closer = dict.fromkeys(marks, 0)
    out: list[str] = []
    pos = 0
    for opener in _STRONG_OPEN.finditer(line):
        start, mark = opener.start(), opener.group(1)
        if start < pos:
            continue
        found, k = closers[mark], next_closer[mark]
        while k < len(found) and found[k] < start + 3:
            k += 1
        next_closer[mark] = k
        if k < len(found):
            out += (line[pos:start], "" if mark == "~~" else line[start + 2 : found[k]])
            pos = found[k] + 2
    out.append(line[pos:])
    return "".join(out)


def _emphasis(line: str, mark: str) -> str:
    """``*italic*`` or ``_italic_`` lose their marks; a mark touching a word (snake_case) is left alone."""
    if line.count(mark) < 2:
        return line
    opening, closing = _EMPHASIS[mark]
    closers = [m.start() for m in closing.finditer(line)]
    k = 0
    out: list[str] = []
    pos = 0
    for opener in opening.finditer(line):
        start = opener.start()
        if start < pos:
            continue
        while k < len(closers) and closers[k] < start + 2:
            k += 1
        if k == len(closers):
            break
        out += (line[pos:start], line[start + 1 : closers[k]])
        pos = closers[k] + 1
    out.append(line[pos:])
    return "".join(out)


def _without_closing_hashes(text: str) -> str:
    """An ATX heading's optional closing '#'s (``## Title ##``), as ``(?:^|[ \\t]+)#+[ \\t]*$`` removed them."""
    trimmed = text.rstrip(" \t")
    bare = trimmed.rstrip("#")
    if bare == trimmed:
        return text
    if not bare:
        return ""
    if bare[-1] in " \t":
        return bare.rstrip(" \t")
    return text


def _is_rule_line(line: str) -> bool:
    """A thematic break (``---``, ``* * *``), a setext underline (``===``) or a table's ``|---|---|`` row."""
    body = line.lstrip(" ")
    if body and len(line) - len(body) <= 3:
        if body[0] in "-*_" and _RULE_MARKS.issuperset(body) and len(body) - body.count(" ") >= 3:
            return True
        if body[0] == "=" and not body.rstrip(" ").strip("="):
            return True
    return "---" in line and _TABLE_RULE.issuperset(line)


def _without_comments(text: str) -> str:
    """Text without HTML comments; a '<!--' that is never closed stays, as ``<!--.*?-->`` left it."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


def _markdown_segments(markdown: str) -> tuple[tuple[Segment, ...], str | None, tuple[Table, ...]]:
    """Segments cut at ATX headings (``#`` to ``######``); code fences are kept as text, never as headings."""
    body = _without_comments(markdown)
    builder = _SegmentBuilder()
    tables = _PipeTables()
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
            tables.line("", builder.where)
            fence = opening.group(1)
            continue
        tables.line(line, builder.where)  # only watches: the text of a table's lines is kept as before
        if line[:1].isalnum():  # prose: not a heading, rule or link definition
            builder.add(_plain(line))
            continue
        heading = _ATX.match(line)
        if heading:
            text = _one_line(_plain(_without_closing_hashes(heading.group(2) or "")))
            if text:
                builder.heading(text, len(heading.group(1)))
            continue
        if _is_rule_line(line) or _LINK_DEFINITION.match(line):
            continue
        builder.add(_plain(line))
    tables.line("", builder.where)
    return builder.segments(), builder.first_heading, tables.done


class _SegmentBuilder:
    """Collects lines into segments; each heading closes the current segment and opens one named after it.

    A segment starts with its heading's text so a search over ``Extracted.text`` also finds headings.
    """

    def __init__(self) -> None:
        self.first_heading: str | None = None
        self._where: str | None = None
        self._within: tuple[str, ...] = ()
        self._open: list[tuple[int, str]] = []  # the sections open around the next heading: (level, heading)
        self._lines: list[str] = []
        self._done: list[Segment] = []

    def heading(self, text: str, level: int | None = None) -> None:
        """A heading opens a segment; with its level (1 outermost), also under which headings it sits."""
        self._flush()
        if self.first_heading is None:
            self.first_heading = text
        if level is None:
            self._open = []
        else:
            while self._open and self._open[-1][0] >= level:
                self._open.pop()
        self._within = tuple(heading for _, heading in self._open)
        if level is not None:
            self._open.append((level, text))
        self._where = text
        self._lines = [text]

    def add(self, text: str) -> None:
        self._lines.append(text)

    @property
    def where(self) -> str | None:
        """The heading of the segment being collected (where a table found now sits)."""
        return self._where

    def segments(self) -> tuple[Segment, ...]:
        self._flush()
        return tuple(self._done)

    def _flush(self) -> None:
        text = _tidy("\n".join(self._lines))
        if text:
            if len(self._done) >= MAX_SEGMENTS:
                raise _LimitError(
                    Unreadable(
                        f"the document is too complex for narr-audit: it has more than {MAX_SEGMENTS:,} headings",
                        _SPLIT_IT,
                    )
                )
            self._done.append(Segment(self._where, text, self._within))
        self._lines = []


class _TableBuilder:
    """The rows and cells of the tables being read (Word, HTML): a table inside a cell is a table of its
    own. Kept for records (a table with a column of dates); each cell's text is on one line."""

    def __init__(self) -> None:
        self._open: list[tuple[str | None, list[list[list[str]]]]] = []  # (where, rows of cells of pieces)
        self._done: list[Table] = []

    def table(self, where: str | None) -> None:
        self._open.append((where, []))

    def row(self) -> None:
        if self._open:
            self._open[-1][1].append([])

    def cell(self) -> None:
        if self._open:
            rows = self._open[-1][1]
            if not rows:
                rows.append([])
            rows[-1].append([])

    @property
    def in_cell(self) -> bool:
        return bool(self._open and self._open[-1][1] and self._open[-1][1][-1])

    def text(self, piece: str) -> None:
        if self.in_cell:
            self._open[-1][1][-1][-1].append(piece)

    def end_table(self) -> None:
        if not self._open:
            return
        where, rows = self._open.pop()
        cells = [tuple(_one_line("".join(pieces)) or "" for pieces in row) for row in rows if row]
        if cells:
            self._done.append(Table(where, cells[0], tuple(cells[1:])))

    def done(self) -> tuple[Table, ...]:
        while self._open:
            self.end_table()
        return tuple(self._done)


# A Markdown table's delimiter row ("| --- | :-: |"). Each run of white space has one place to go
# ("\s*(?:\|\s*)?", not "\s*\|?\s*"): a line of 30,000 tabs then a bar took five seconds to refuse.
_PIPE_DELIMITER = re.compile(r"^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)*(?:\|\s*)?$")


class _PipeTables:
    """Markdown pipe tables, seen line by line beside the segments: a row of cells, a delimiter row
    (``|---|:--:|``), then rows until a line without a pipe."""

    def __init__(self) -> None:
        self._header: tuple[str, ...] | None = None
        self._where: str | None = None
        self._rows: list[tuple[str, ...]] | None = None  # None: not inside a table
        self._done: list[Table] = []

    def line(self, line: str, where: str | None) -> None:
        if self._rows is not None:
            if "|" in line and line.strip():
                self._rows.append(_pipe_cells(line))
                return
            self._end()
        if "|" in line and _PIPE_DELIMITER.match(line) and "-" in line and self._header is not None:
            self._rows = []
            return
        self._header = _pipe_cells(line) if "|" in line and line.strip() else None
        self._where = where

    def _end(self) -> None:
        if self._header is not None and self._rows is not None:
            self._done.append(Table(self._where, self._header, tuple(self._rows)))
        self._header, self._rows = None, None

    @property
    def done(self) -> tuple[Table, ...]:
        return tuple(self._done)


def _pipe_cells(line: str) -> tuple[str, ...]:
    """The cells of a pipe-table row, without its outer pipes; ``\\|`` is a pipe inside a cell."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return tuple(_one_line(_plain(cell.replace("\\|", "|").strip())) or "" for cell in cells)


# ---------------------------------------------------------------------------------------------------------------
# HTML


_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_NOT_CHARSETS = frozenset({"unicode_escape", "raw_unicode_escape", "idna", "punycode", "utf-7"})


_PRINT_TO_PDF = "open it in a browser and Print to PDF, then map the PDF"


def _read_html(data: bytes) -> Extracted | Unreadable:
    text = _decode_html(data)
    if isinstance(text, Unreadable):
        return text
    if text.count("<") > MAX_HTML_TAGS:
        return Unreadable(
            f"the web page is too complex for narr-audit: it has more than {MAX_HTML_TAGS:,} tags",
            f"{_PRINT_TO_PDF}, or split it into smaller pages",
        )
    parser = _HtmlText()
    try:
        problem = _parse_html(parser, text)
        segments = parser.builder.segments()
    except _LimitError as exc:
        return exc.unreadable
    except Exception:  # html.parser is lenient, but this is untrusted input
        return Unreadable("the web page could not be read; it may be damaged", _PRINT_TO_PDF)
    if problem is not None:
        return problem
    title = _one_line("".join(parser.title)) or parser.builder.first_heading
    return Extracted("html", segments, title=title, tables=parser.tables.done())


def _parse_html(parser: _HtmlText, text: str) -> Unreadable | None:
    """Feed the page to ``parser``, then finish it in time that grows with the page, not its square.

    ``feed`` stops at the first tag or comment that is never closed and keeps the rest; ``close`` then
    (before Python 3.11.13, CVE-2025-6069) turns that opening into text and rescans the whole rest of the
    page for every later one, so 210 KB of ``<a `` never finished. The same step is done here, each rest
    fed again, and a page with more than MAX_HTML_UNCLOSED such openings is refused instead. The text
    comes out as the old ``close`` gave it.
    """
    parser.feed(text)
    line = parser.getpos()[0]
    for handled in range(MAX_HTML_UNCLOSED + 1):
        rest: str = parser.rawdata  # what feed could not finish
        if parser.cdata_elem is not None or len(rest) < 2 or not rest.startswith("<"):
            parser.close()  # nothing left open, or a script left open, which close ends in one pass
            return None
        if handled == MAX_HTML_UNCLOSED:
            break
        end = rest.find(">", 1) + 1 or rest.find("<", 1)
        if end <= 0:
            end = 1
        parser.handle_data(unescape(rest[:end]))
        parser.updatepos(0, end)  # keeps line numbers right for a later message
        parser.rawdata = ""
        parser.feed(rest[end:])
    return Unreadable(
        f"the web page is too complex for narr-audit: more than {MAX_HTML_UNCLOSED} of its tags or comments "
        f"are never closed (the first on line {line})",
        f"{_PRINT_TO_PDF}, or save the page again from its website",
    )


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
# Not read: code and graphics, and struck-through text (deleted from the page: del, s, strike).
_SKIPPED = frozenset({"script", "style", "template", "svg", "math", "del", "s", "strike"})
_HEAD_ONLY = frozenset({"title", "meta", "link", "base", "script", "style", "noscript", "template"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "legend", "li", "main", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip


# A start tag as html.parser walks it, one attribute at a time (its own pattern walks them all in one match).
_TAG_OPENING = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*[\s/]*")
_TAG_ATTRIBUTE = re.compile(
    r"""(?<=['"\s/])[^\s/>][^\s/=>]*(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?(?:\s|/(?!>))*"""
)


# What a table's tags do to the table being read: a row begins, a cell begins (closing tags are often left out).
_TABLE_TAGS: dict[str, Callable[[_TableBuilder, str | None], None]] = {
    "table": _TableBuilder.table,
    "tr": lambda tables, _: tables.row(),
    "td": lambda tables, _: tables.cell(),
    "th": lambda tables, _: tables.cell(),
}


class _HtmlText(HTMLParser):
    """Visible text of a page, cut into segments at h1-h6; scripts, styles and the head are left out."""

    def check_for_whole_start_tag(self, i: int) -> int:
        """Refuse a tag of more than MAX_HTML_ATTRIBUTES attributes before the standard library looks at it.

        Its pattern for a tag's end keeps about 500 bytes per attribute while it runs: one 9 MB tag of
        single-letter attributes took 8 s and 2.4 GB.
        """
        opening = _TAG_OPENING.match(self.rawdata, i)
        if opening is not None:
            position = opening.end()
            for _ in range(MAX_HTML_ATTRIBUTES + 1):
                attribute = _TAG_ATTRIBUTE.match(self.rawdata, position)
                if attribute is None:
                    break
                position = attribute.end()
            else:
                raise _LimitError(
                    Unreadable(
                        f"the web page is too complex for narr-audit: a tag on line {self.getpos()[0]} "
                        f"has more than {MAX_HTML_ATTRIBUTES:,} attributes",
                        f"{_PRINT_TO_PDF}, or save the page again from its website",
                    )
                )
        return int(super().check_for_whole_start_tag(i))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = _SegmentBuilder()
        self.tables = _TableBuilder()
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
        if tag in _TABLE_TAGS:
            _TABLE_TAGS[tag](self.tables, self.builder.where)

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
        if tag == "table":
            self.tables.end_table()
        elif tag in ("td", "th"):
            self.tables.text(" ")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._in_title:
            self.title.append(data)
        elif self._in_head:
            return
        elif self._heading is not None:
            self._heading_text.append(data)
            self.tables.text(data)
        else:
            self._line.append(data)
            self.tables.text(data)

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
        level = int(self._heading[1:]) if self._heading[1:].isdigit() else None  # "h2" -> 2
        self._heading = None
        self._heading_text = []
        if text:
            self._end_line()
            self.builder.heading(text, level)


# ---------------------------------------------------------------------------------------------------------------
# Photos


_IMAGE_FORMATS = ("JPEG", "PNG")  # the JPEG opener also takes the MPO files many phones save
_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 36867
_DATE_TIME = 306
_EXIF_DATE = re.compile(r"\s*(\d{4})[:-](\d{2})[:-](\d{2})")


def _read_image(data: bytes, ocr: bool = False) -> Extracted | Unreadable:
    """A photo's date (EXIF); with ``ocr``, the text on it (a posted notice) when OCR reads real words."""
    from PIL import Image, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError

    # Image.open(formats=...) only knows plugins already imported; these two register themselves.
    del JpegImagePlugin, PngImagePlugin
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data), formats=_IMAGE_FORMATS) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise Image.DecompressionBombError(f"{width}x{height}")
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
    if ocr:
        page = ocr_image(data)
        if isinstance(page, OcrPage) and readable(page):
            text = (Segment(None, _tidy(page.text)),)
            return Extracted("image", text, photo_date=photo_date, ocr_confidence=page.confidence)
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
_OCR_READERS: dict[DocKind, Callable[[bytes], Extracted | Unreadable]] = {
    "pdf": partial(_read_pdf, ocr=True),
    "image": partial(_read_image, ocr=True),
}
