"""What reading an evidence file gives: its text in located segments, or why it could not be read.

Plain values shared by the extractors, the extraction cache and the evidence model.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal

DocKind = Literal["pdf", "docx", "markdown", "text", "html", "image"]


PAGE = "page "  # a PDF's or scan's page segment is named so ("page 3"): no heading names it


@dataclass(frozen=True)
class Segment:
    """A stretch of text and where it sits, so a finding can say "page 3" or "under 'Evacuation'"."""

    where: str | None
    text: str
    # The headings of the sections this one sits in, outermost first ("Appendix C (not adopted)" over
    # "Smoke detectors"): known where the format says a heading's level (Markdown, Word, HTML).
    within: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table of the document (DOCX, HTML, Markdown, or rows laid out in a PDF): its header cells and
    rows of cells, and where it sits. Kept for records (a table with a date column is a log); its cells
    may hold residents' data, so they are never shown in any report or message."""

    where: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Extracted:
    """What could be read from a file: its text in segments, plus the few facts the checks use."""

    kind: DocKind
    segments: tuple[Segment, ...]
    title: str | None = None
    pages: int | None = None
    front_matter: str | None = None
    front_matter_line: int | None = None
    photo_date: date | None = None
    tables: tuple[Table, ...] = ()
    ocr_confidence: float | None = None  # some text was read by OCR: its mean word confidence, 0-100

    @cached_property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def offsets(self) -> tuple[int, ...]:
        """Where each segment starts in :attr:`text`, to say on which page or heading a term was found."""
        starts, position = [], 0
        for segment in self.segments:
            starts.append(position)
            position += len(segment.text) + 1
        return tuple(starts)

    def where(self, position: int) -> str | None:
        """The page or heading of the segment holding ``position`` in :attr:`text`."""
        return self.segments[bisect_right(self.offsets, position) - 1].where


@dataclass(frozen=True)
class Unreadable:
    """Why a file could not be read, and what the operator can do about it, in plain words."""

    reason: str
    hint: str
