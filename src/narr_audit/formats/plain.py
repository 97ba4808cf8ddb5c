"""Terminal text laid out without importing rich, when it is not coloured (start-up time).

`check` writes its terminal report with rich, and importing rich takes longer than building the whole
report. :class:`Text`, :class:`Table` and :class:`Group` here take the same calls as rich's (the part
of them narr-audit uses) and remember them. :func:`layout` lays them out exactly as rich does for
uncoloured output: the same words wrapped at the same places, the same table. Whenever rich's own rules
could give something else (colour, a character that is not one cell wide, a tab, markup or an emoji
code in a table cell, a table wider than the page, an option not handled here), it returns None and
:func:`to_rich` replays the calls on rich's classes, so rich renders them: the bytes are the same
either way (tests compare the two).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

# Printable ASCII: one cell per character, nothing rich strips or reads as markup in Text; a newline
# starts a line.
_ONE_CELL = re.compile(r"[\x20-\x7e\n]*\Z")
_WORD = re.compile(r"\s*\S+\s*")  # rich's word: leading blanks (first word only), the word, blanks after


class Text:
    """rich.text.Text's construction and ``append``; styles only matter when rich renders."""

    def __init__(self, text: str = "", style: str = "", **options: Any) -> None:
        self._start = (text, style, options)
        self._appended: list[tuple[str, str | None]] = []
        self.plain = text

    def append(self, text: str, style: str | None = None) -> Text:
        self._appended.append((text, style))
        self.plain += text
        return self


class Table:
    """rich.table.Table's construction, ``add_column`` and ``add_row``."""

    def __init__(self, *headers: str, **options: Any) -> None:
        self._options = options
        self._columns: list[tuple[str, dict[str, Any]]] = [(header, {}) for header in headers]
        self._rows: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def add_column(self, header: str = "", **options: Any) -> None:
        self._columns.append((header, options))

    def add_row(self, *cells: Any, **options: Any) -> None:
        self._rows.append((cells, options))


class Group:
    """rich.console.Group: renderables shown one after the other."""

    def __init__(self, *renderables: RenderableType, **options: Any) -> None:
        self._items = renderables
        self._options = options


RenderableType = Text | Table | Group | str


def to_rich(item: object) -> Any:
    """The rich object these calls build (anything else is returned as it is)."""
    if isinstance(item, Text):
        from rich.text import Text as RichText

        text, style, options = item._start
        made = RichText(text, style, **options)
        for part, part_style in item._appended:
            made.append(part, style=part_style)
        return made
    if isinstance(item, Table):
        from rich.table import Table as RichTable

        table = RichTable(**item._options)
        for header, options in item._columns:
            table.add_column(header, **options)
        for cells, options in item._rows:
            table.add_row(*(to_rich(cell) for cell in cells), **options)
        return table
    if isinstance(item, Group):
        from rich.console import Group as RichGroup

        return RichGroup(*(to_rich(child) for child in item._items), **item._options)
    return item


def layout(renderables: Sequence[object], width: int) -> str | None:
    """The uncoloured text rich would print for ``renderables`` at ``width`` (each line's trailing
    blanks removed, as narr-audit writes it); None when only rich can say."""
    lines: list[str] = []
    for item in renderables:
        if not _lay_out(item, width, lines):
            return None
    return "".join(line.rstrip() + "\n" for line in lines)


def _lay_out(item: object, width: int, lines: list[str]) -> bool:
    if isinstance(item, Group):
        return not item._options and all(_lay_out(child, width, lines) for child in item._items)
    if isinstance(item, Text):
        if item._start[2] or width < 1:
            return False
        wrapped = _wrap(item.plain, width)
        if wrapped is None:
            return False
        lines.extend(wrapped)
        return True
    if isinstance(item, Table):
        drawn = _table(item, width)
        if drawn is None:
            return False
        lines.extend(drawn)
        return True
    return False


def _wrap(text: str, width: int) -> list[str] | None:
    """rich's Text.wrap with the default justify and overflow ("fold"), for one-cell characters."""
    if _ONE_CELL.match(text) is None:
        return None
    out: list[str] = []
    for line in text.split("\n"):
        breaks = _divide_line(line, width)
        for start, end in zip([0, *breaks], [*breaks, len(line)], strict=True):
            out.append(line[start:end][:width])
    return out


def _divide_line(text: str, width: int) -> list[int]:
    """rich._wrap.divide_line (fold=True) where every character is one cell wide."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # longer than a line: folded across lines
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for n, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if n == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


_MARKUP = re.compile(r"[\[:]")  # a str cell is read by rich as markup ([bold]) and emoji codes (:x:)


def _table(table: Table, width: int) -> list[str] | None:
    """A table as rich draws it (box HEAVY_HEAD, padding one blank each side), when it fits the page
    at its natural width and every cell is one line of plain text."""
    options = dict(table._options)
    title = options.pop("title", None)
    if options.pop("title_justify", "left") != "left":
        return None
    options.pop("header_style", None)  # a style: nothing to lay out
    if options or not table._columns or not table._rows:
        return None
    headers = [header for header, _ in table._columns]
    justify: list[str] = []
    for _, column in table._columns:
        column = dict(column)
        justify.append(column.pop("justify", "left"))
        if column or justify[-1] not in ("left", "right"):
            return None
    rows = [cells for cells, row_options in table._rows if not row_options]
    if len(rows) != len(table._rows) or any(len(cells) != len(headers) for cells in rows):
        return None
    cells = [*headers, *(cell for row in rows for cell in row)]
    if title is not None:
        cells.append(title)
    if not all(isinstance(cell, str) and _plain_cell(cell) for cell in cells):
        return None
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    if any(w == 0 for w in widths):
        return None
    inner = [w + 2 for w in widths]
    total = sum(inner) + len(inner) + 1
    if total > width or (title is not None and len(title) > total):
        return None

    def row_line(values: Iterable[str], edge: str) -> str:
        padded = (
            f" {value.rjust(w) if how == 'right' else value.ljust(w)} "
            for value, w, how in zip(values, widths, justify, strict=True)
        )
        return edge + edge.join(padded) + edge

    out = [] if title is None else [title]
    out.append("┏" + "┳".join("━" * w for w in inner) + "┓")
    out.append(row_line(headers, "┃"))
    out.append("┡" + "╇".join("━" * w for w in inner) + "┩")
    out.extend(row_line(row, "│") for row in rows)
    out.append("└" + "┴".join("─" * w for w in inner) + "┘")
    return out


def _plain_cell(cell: str) -> bool:
    return "\n" not in cell and _ONE_CELL.match(cell) is not None and _MARKUP.search(cell) is None


__all__ = ["Group", "RenderableType", "Table", "Text", "layout", "to_rich"]
