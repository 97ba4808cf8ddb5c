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

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_CHARS",
    "MAX_DOCX_PARAGRAPHS",
    "MAX_DOCX_PARTS",
    "MAX_DOCX_UNCOMPRESSED_BYTES",
    "MAX_DOCX_XML_BYTES",
    "MAX_FRONT_MATTER_BYTES",
    "MAX_HTML_ATTRIBUTES",
    "MAX_HTML_TAGS",
    "MAX_HTML_UNCLOSED",
    "MAX_IMAGE_PIXELS",
    "MAX_PDF_PAGES",
    "MAX_SEGMENTS",
    "MAX_TEXT_BYTES",
    "MAX_XML_ELEMENTS",
    "MB",
]
