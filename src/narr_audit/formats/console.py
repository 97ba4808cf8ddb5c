"""Terminal text with rich: colour on a terminal, plain text when piped or NO_COLOR is set.

Names read from users' files (an overlay's rule titles) go in as rich Text made safe by
:func:`safetext.terminal`: neither rich markup nor control characters in them take effect.

rich, the rulebook's models and the catalog are imported where they are used: a report built with the
stand-ins of :mod:`narr_audit.formats.plain` and not coloured is laid out without importing rich at all.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from narr_audit.base.levels import ALL_LEVELS, Level
from narr_audit.base.safetext import terminal as safe

if TYPE_CHECKING:
    from narr_audit.standards.catalog import RuleEntry
    from narr_audit.standards.model import Rulebook

PLAIN_WIDTH = 120


def _render(renderables: list[object], colour: bool) -> str:
    return render_to_string(renderables, colour)


def render_to_string(renderables: Sequence[object], colour: bool, width: int | None = None) -> str:
    """Rich renderables as text; on a terminal at its width, otherwise at a fixed width (same bytes each run).

    Stand-ins from :mod:`narr_audit.formats.plain` are laid out without rich when not coloured (the
    same bytes as rich's), else turned into rich's objects first."""
    from narr_audit.formats import plain

    if not colour:
        text = plain.layout(renderables, width or PLAIN_WIDTH)
        if text is not None:
            return text
    renderables = [plain.to_rich(item) for item in renderables]
    from rich.console import Console

    buffer = io.StringIO()
    if colour and width is None:
        try:
            width = os.get_terminal_size().columns
        except OSError:
            width = PLAIN_WIDTH
    out = Console(
        file=buffer,
        force_terminal=colour,
        no_color=not colour,
        color_system="auto" if colour else None,
        width=width or PLAIN_WIDTH,
        highlight=False,
    )
    for item in renderables:
        out.print(item)
    if colour:
        return buffer.getvalue()
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def rules_table(book: Rulebook, chosen: list[RuleEntry], level: Level | None, colour: bool) -> str:
    from rich.table import Table
    from rich.text import Text

    from narr_audit.checks import KIND_NAMES

    title = book.title + (f" with {', '.join(book.overlays)}" if book.overlays else "")
    if level is not None:
        title += f": rules at Level {level} ({level.display_name})"
    table = Table(title=Text(safe(title), style="table.title"), header_style="bold")
    table.add_column("Rule", no_wrap=True)
    table.add_column("Title")
    for lv in ALL_LEVELS:
        table.add_column(str(lv), justify="center", no_wrap=True)
    table.add_column("Evidence")
    symbol = {"required": "✓", "recommended": "R", "not_applicable": "–"}
    for entry in chosen:
        rule = entry.rule
        kinds = ", ".join(sorted({KIND_NAMES[c.kind] for c in rule.checks()}))
        table.add_row(
            Text(safe(rule.id)),
            Text(safe(rule.title) + (" (life safety)" if rule.life_safety else "")),
            *(symbol[rule.levels.status_at(lv)] for lv in ALL_LEVELS),
            kinds,
        )
    footer = f"{len(chosen)} rule(s). ✓ required, R recommended, – not applicable."
    return _render([table, footer], colour)


def markdown(text: str, colour: bool) -> str:
    from rich.markdown import Markdown  # markdown-it is slow to import; only `explain` needs it

    return _render([Markdown(text)], colour)
