"""Month calendars printed to PDF, read cell by cell from where their words sit on the page.

A calendar program prints a month as a grid: weekday names, then a box per day with its number and
its events. A PDF's text layer gives that grid row by row ("6 7 8 9 10 11 12", then "House meeting
7pm" under it), which says nothing of which day the meeting is on: on a calendar of weekly meetings,
the commonest a house keeps, every event is lost. The page knows, though: each word has a place. Here
the words of a page holding a weekday row are put in their columns (the weekday names' places mark
them), each event told to the day whose box it is in, and the grid is written again a day to a line
("12 House meeting 7pm"), which evidence.records reads as any calendar. What is above the grid (its
title) and below it is kept as the page gave it. A page that does not read as a grid is left alone.

A month that runs on over a page break goes on with the columns of the page before (a continuation
page often has no weekday names of its own). Only the text layer's own words are used: nothing is
guessed from the lines drawn, and a grid whose days cannot be followed in order is not rewritten.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import median
from typing import Any

from narr_audit.evidence.records import MIN_GRID_DAYS, is_weekday_name, month_length, month_named, row_first_weekday

__all__ = ["Columns", "calendar_page"]


@dataclass(frozen=True)
class _Word:
    text: str
    left: float
    right: float
    top: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Columns:
    """A grid's columns on a page (the boundaries between them, left to right), the weekday of its first
    column (Monday 0), its month, and the next day to find: what a page that carries the month on needs."""

    bounds: tuple[float, ...]
    first_weekday: int
    month: tuple[int, int] | None
    next_day: int


def calendar_page(textpage: Any, text: str, going_on: Columns | None = None) -> tuple[str, Columns | None]:
    """The page's text with its month grid written a day to a line, and the columns to carry on with on
    the next page when the month runs past this one; the text unchanged (and None) when the page holds
    no grid that can be read so. ``going_on`` is what the page before left off with."""
    lines = _lines(_words(textpage))
    header = next((n for n, line in enumerate(lines) if _is_weekday_row(line)), None)
    if header is not None:
        names = lines[header]
        above = [" ".join(w.text for w in line) for line in lines[:header]]
        month, next_day = month_named(above[-3:]), 1
        if month is None and going_on is not None:  # the weekday names again over the month's next weeks
            month, next_day = going_on.month, going_on.next_day
        centres = [(w.left + w.right) / 2 for w in names]
        columns = Columns(
            tuple((a + b) / 2 for a, b in itertools.pairwise(centres)),
            row_first_weekday(" ".join(w.text for w in names)),
            month,
            next_day,
        )
        body = lines[header + 1 :]
    elif going_on is not None:
        above, columns, body = [], going_on, lines
    else:
        return text, None
    walked = _walk(body, columns)
    days, reached = walked.days, walked.reached
    if not days or min(days) != columns.next_day:
        return text, None
    if columns.next_day == 1 and reached < min(MIN_GRID_DAYS, month_length(columns.month)):
        return text, None
    head = [*above, " ".join(w.text for w in lines[header])] if header is not None else []
    head += [" ".join(w.text for w in line) for line in walked.above]
    grid = [" ".join([str(day), *days[day]]) for day in sorted(days)]
    tail = [" ".join(w.text for w in line) for line in walked.below]
    if tail:  # a blank line: what follows the grid is not its last day's
        tail.insert(0, "")
    more = columns.month is not None and reached < month_length(columns.month)
    carry = Columns(columns.bounds, columns.first_weekday, columns.month, reached + 1) if more else None
    return "\n".join([*head, *grid, *tail]), carry


def _words(textpage: Any) -> list[_Word]:
    """The page's words with their boxes (PDF points, y growing upwards), in the text layer's order."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    words: list[_Word] = []
    text: list[str] = []
    box: list[float] = []
    for index in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index) or 32)
        if char.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, index):
            if text:
                words.append(_Word("".join(text), *box))
            text, box = [], []
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        if not text:
            box = [left, right, top, bottom]
        else:
            box = [min(box[0], left), max(box[1], right), max(box[2], top), min(box[3], bottom)]
        text.append(char)
    if text:
        words.append(_Word("".join(text), *box))
    return words


def _lines(words: Sequence[_Word]) -> list[list[_Word]]:
    """Words in lines, top to bottom, each line left to right: a word is on a line when its middle is
    within half its height of the line's."""
    lines: list[tuple[float, float, list[_Word]]] = []  # (middle, height, words)
    for word in sorted(words, key=lambda w: -w.middle):
        height = max(word.top - word.bottom, 1.0)
        if lines and abs(lines[-1][0] - word.middle) <= max(height, lines[-1][1]) / 2:
            lines[-1][2].append(word)
        else:
            lines.append((word.middle, height, [word]))
    return [sorted(found, key=lambda w: w.left) for _, _, found in lines]


def _is_weekday_row(line: Sequence[_Word]) -> bool:
    return 5 <= len(line) <= 7 and all(is_weekday_name(w.text) for w in line)


def _column(first: _Word, bounds: Sequence[float], last: _Word | None = None) -> int:
    """The column of a word, or of the phrase from ``first`` to ``last``, by its middle: a box's text
    sits left or in the middle of it, so its middle is inside the box, wherever the names above sit."""
    middle = (first.left + (last or first).right) / 2
    return sum(1 for bound in bounds if middle >= bound)


def _phrases(words: Sequence[_Word]) -> list[list[_Word]]:
    """A line's words in phrases: words closer than a letter's height apart (a space) go together;
    a wider gap is the border between two boxes."""
    phrases: list[list[_Word]] = []
    for word in words:
        if phrases and word.left - phrases[-1][-1].right <= max(word.top - word.bottom, 1.0):
            phrases[-1].append(word)
        else:
            phrases.append([word])
    return phrases


def _walk(body: Sequence[Sequence[_Word]], columns: Columns) -> _Walked:
    """Each day's words (its number found in the order of days, then the words in its box), the lines
    above the first row and below the grid, and the last day reached. A box holds the words in its
    column from its day's number down to the next row of numbers, or a row's height down at most."""
    length = month_length(columns.month)
    expected = columns.next_day
    walked = _Walked()
    week: dict[int, int] = {}  # column -> the day whose box it is, in this row
    tops: list[float] = []  # the middle of each row's numbers
    for n, line in enumerate(body):
        if expected <= length and any(_is_day(w, expected, columns) for w in line):
            tops.append(line[0].middle)
            week = {}
        elif len(tops) >= 2 and tops[-1] - line[0].middle > _row_height(tops):
            walked.below = [list(rest) for rest in body[n:]]  # under the last row's boxes: not the grid
            break
        if not tops:
            walked.above.append(list(line))
            continue
        others: list[_Word] = []
        for word in line:
            if expected <= length and _is_day(word, expected, columns):
                walked.days[expected] = []
                week[_day_column(expected, columns, word)] = expected
                expected += 1
            else:
                others.append(word)
        for phrase in _phrases(others):
            day = week.get(_column(phrase[0], columns.bounds, phrase[-1]))
            if day is not None:
                walked.days[day].extend(w.text for w in phrase)
    walked.reached = expected - 1
    return walked


@dataclass
class _Walked:
    days: dict[int, list[str]] = field(default_factory=dict)
    above: list[list[_Word]] = field(default_factory=list)
    below: list[list[_Word]] = field(default_factory=list)
    reached: int = 0


def _is_day(word: _Word, expected: int, columns: Columns) -> bool:
    """The expected day's number, where its box is (a number in another column is some event's)."""
    if not (word.text.isdigit() and int(word.text) == expected):
        return False
    return columns.month is None or abs(_column(word, columns.bounds) - _day_column(expected, columns, word)) <= 1


def _row_height(tops: Sequence[float]) -> float:
    return float(median(a - b for a, b in itertools.pairwise(tops)))


def _day_column(day: int, columns: Columns, word: _Word) -> int:
    """The column of a day's box: from the month's calendar when the month is known (a day's number
    may sit anywhere in its box), else from where its number is."""
    if columns.month is None:
        return _column(word, columns.bounds)
    number, year = columns.month
    return (date(year, number, 1).weekday() + day - 1 - columns.first_weekday) % 7
