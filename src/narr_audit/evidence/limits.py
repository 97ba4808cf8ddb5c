"""How much narr-audit reads of one evidence file, stated in one place.

A residence's folder is untrusted input: a saved web page, a Word file or a Markdown note can be made
(by accident or on purpose) so that reading it takes hours or gigabytes. Every reader in
:mod:`narr_audit.evidence.extract` works in time and memory that grow in step with the file, and stops
at these limits with "unreadable: too large / too complex" and what to do, instead of hanging.

Each limit sits far above what a real residence document needs; docs/evidence-format.md ("Limits")
lists them for operators.
"""

from __future__ import annotations

from typing import Final

MB: Final = 1024 * 1024

# --- every file --------------------------------------------------------------------------------------------

MAX_DOCUMENT_BYTES: Final = 50 * MB
"""A PDF, Word file or photo; checked with ``stat`` before a byte is read."""

MAX_TEXT_BYTES: Final = 10 * MB
"""A Markdown, text or HTML file; checked with ``stat`` before a byte is read."""

MAX_SEGMENTS: Final = 50_000
"""Headings (sections) in one document; a real policy has dozens, a 1,000-page PDF 1,000 pages."""

MAX_DOCUMENT_CHARS: Final = 20_000_000
"""Characters of text taken from one PDF or Word file (about 8,000 printed pages)."""

# --- PDF ---------------------------------------------------------------------------------------------------

MAX_PDF_PAGES: Final = 1000

# --- Word (.docx) ------------------------------------------------------------------------------------------

MAX_DOCX_UNCOMPRESSED_BYTES: Final = 200 * MB
"""A .docx is a zip; a real policy unpacks to a few MB, a zip bomb to gigabytes."""

MAX_DOCX_PARTS: Final = 10_000
"""Files inside the .docx zip; Word writes a few dozen (more with many pictures)."""

MAX_DOCX_XML_BYTES: Final = 32 * MB
"""One XML part of a .docx, its text part included: about 1,000 pages of formatted text."""

MAX_XML_ELEMENTS: Final = 2_000_000
"""XML elements read from one .docx (its text, styles and properties): a page of formatted text has about
1,000, so this is some 2,000 pages."""

MAX_DOCX_PARAGRAPHS: Final = 200_000
"""Paragraphs (table cells included) in one .docx."""

# --- Markdown and text -------------------------------------------------------------------------------------

MAX_FRONT_MATTER_BYTES: Final = 64 * 1024
"""The YAML between the '---' lines at the top; the narr:, date and title keys take a few hundred bytes."""

# --- HTML --------------------------------------------------------------------------------------------------

MAX_HTML_TAGS: Final = 500_000
"""Tags (counted as '<' characters) in one web page."""

MAX_HTML_ATTRIBUTES: Final = 1000
"""Attributes in one tag; a real tag has a handful. Python's own parser needs about 500 bytes of memory per
attribute while it looks for the tag's end, so one tag of millions of them took gigabytes."""

MAX_HTML_UNCLOSED: Final = 10
"""Tags or comments left open at the end of a page; Python's own HTML parser (before 3.11.13, CVE-2025-6069)
rescans the rest of the page for each one, so a page of thousands of them would never finish."""

# --- photos ------------------------------------------------------------------------------------------------

MAX_IMAGE_PIXELS: Final = 89_478_485
"""Pillow's own decompression-bomb limit (about 89 megapixels); a phone photo has 12 to 50."""

# --- scans read by OCR (evidence/ocr.py, when Tesseract is installed) ---------------------------------------

MAX_OCR_PAGES: Final = 100
"""Pages of one PDF read by OCR at most (a page takes a second or two); later scanned pages stay unread."""

MAX_OCR_SIDE: Final = 4000
"""Pixels on the longer side of a photo or a rendered page given to Tesseract; larger ones are scaled down
first (text stays readable), so a PDF page that claims to be metres wide cannot take gigabytes."""

# --- records: logs, dated entries of documents, calendars (evidence/logs.py, evidence/records.py) -----------

MAX_RECORD_ENTRIES: Final = 100_000
"""Dated entries read from one record (a log, a document's dated rows, a folder of dated files, a calendar);
a weekly log kept for a century has 5,200. Later ones are not read."""

MAX_ENTRY_TEXT: Final = 300
"""Characters of one entry's text kept, in memory only, to tell what kind of entry it is ("Fire drill")."""

MAX_REPEATS: Final = 5000
"""Days one repeating calendar event (RRULE) is counted on: a weekly meeting for almost a century."""

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_CHARS",
    "MAX_DOCX_PARAGRAPHS",
    "MAX_DOCX_PARTS",
    "MAX_DOCX_UNCOMPRESSED_BYTES",
    "MAX_DOCX_XML_BYTES",
    "MAX_ENTRY_TEXT",
    "MAX_FRONT_MATTER_BYTES",
    "MAX_HTML_ATTRIBUTES",
    "MAX_HTML_TAGS",
    "MAX_HTML_UNCLOSED",
    "MAX_IMAGE_PIXELS",
    "MAX_OCR_PAGES",
    "MAX_OCR_SIDE",
    "MAX_PDF_PAGES",
    "MAX_RECORD_ENTRIES",
    "MAX_REPEATS",
    "MAX_SEGMENTS",
    "MAX_TEXT_BYTES",
    "MAX_XML_ELEMENTS",
    "MB",
]
