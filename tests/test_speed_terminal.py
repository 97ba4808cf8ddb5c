"""Start-up (issue 12): the terminal report, when not coloured, is laid out without importing rich,
and reads exactly as rich lays it out: the same words on each line, the same table.

Whatever the plain layout cannot promise to lay out as rich does (wide characters, tabs, markup in a
table cell, a table wider than the page) is handed to rich, so the output never depends on which of
the two wrote it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narr_audit.api import audit
from narr_audit.formats import plain
from narr_audit.formats.console import render_to_string
from narr_audit.formats.report import RenderOptions, render

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.parent for p in (REPO / "examples").glob("*/residence.yaml"))
TODAY = date(2026, 11, 1)


def by_rich(parts: list[object], width: int) -> str:
    """What rich itself prints for the same calls (uncoloured, at ``width``)."""
    return render_to_string([plain.to_rich(part) for part in parts], False, width)


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_every_examples_terminal_report_reads_as_rich_lays_it_out(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = audit(folder, today=TODAY)
    laid_out = {width: render(report, "terminal", RenderOptions(width=width)) for width in (40, 72, 100, 132)}
    monkeypatch.setattr(plain, "layout", lambda parts, width: None)  # every part goes through rich
    for width, text in laid_out.items():
        assert text == render(report, "terminal", RenderOptions(width=width)), f"width {width}"


def test_a_report_on_a_terminal_is_still_coloured_by_rich() -> None:
    report = audit(EXAMPLES[0], today=TODAY)
    coloured = render(report, "terminal", RenderOptions(colour=True, width=100))
    assert "\x1b[" in coloured
    assert render(report, "terminal", RenderOptions(width=100)).count("\x1b") == 0


def test_check_without_colour_never_imports_rich(tmp_path: Path) -> None:
    """The point of the plain layout: a piped `check` does not pay for importing rich."""
    probe = (
        "import sys\n"
        "from narr_audit.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('\\nRICH=' + str(sorted(m for m in sys.modules if m.startswith('rich.'))))\n"
    )
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(REPO / "src"))
    folder = REPO / "examples" / "level-2-monitored"
    args = ["check", str(folder), "--fail-on", "none", "--cache-dir", str(tmp_path)]
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, check=False, cwd=REPO
    )
    assert "Verdict:" in done.stdout and "Score by domain" in done.stdout, done.stderr
    assert done.stderr.rsplit("RICH=", 1)[1] == "[]"
    as_json = subprocess.run(
        [sys.executable, "-m", "narr_audit", *args, "-f", "json"], capture_output=True, env=env, check=False, cwd=REPO
    )
    assert json.loads(as_json.stdout)["residence"]["name"] in done.stdout


# Text as reports hold it: words, runs of blanks, long unbroken words (paths, URLs), line breaks, and
# now and then something only rich may lay out (a wide character, a tab, an accent, markup).
_words = st.text(alphabet="abcdefghij !.,-()/'", min_size=0, max_size=40)
_layouts = st.sampled_from([" ", "   ", "\n", "\n\n", "x" * 45, "y" * 150, "  lead", "trail   ", ": ", "[b]"])
_rich_only = st.sampled_from(["é", "漢字", "\t", "😀", "\u200b"])
_plain_texts = st.lists(st.one_of(_words, _layouts), max_size=12).map("".join)
_texts = st.one_of(*[_plain_texts] * 8, st.lists(st.one_of(_words, _rich_only), max_size=6).map("".join))
_plain_cells = st.text(alphabet="abcdefgh 0123456789.%-", min_size=1, max_size=16).filter(lambda s: s.strip() == s)
_odd_cells = st.sampled_from(["1 Administrative and Operational", "a [bold] cell", "x:y", "é", "x" * 90])


@st.composite
def _tables(draw: st.DrawFn) -> plain.Table:
    columns, rows = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    cells = [draw(_plain_cells) for _ in range(columns * (rows + 1))]
    if draw(st.integers(0, 9)) == 0:  # now and then a cell only rich may lay out
        cells[draw(st.integers(0, len(cells) - 1))] = draw(_odd_cells)
    title = draw(st.sampled_from(["Score by domain", "Score", "A much longer table title " * 3]))
    table = plain.Table(title=title, title_justify="left", header_style="bold")
    for header in cells[:columns]:
        table.add_column(header, justify=draw(st.sampled_from(["left", "right"])))
    for n in range(1, rows + 1):
        table.add_row(*cells[n * columns : (n + 1) * columns])
    return table


@st.composite
def _texts_with_styles(draw: st.DrawFn) -> plain.Text:
    text = plain.Text(draw(_texts), style=draw(st.sampled_from(["", "bold", "green"])))
    for _ in range(draw(st.integers(0, 4))):
        text.append(draw(_texts), style=draw(st.sampled_from([None, "", "bold red"])))
    return text


_groups = st.builds(lambda a, b: plain.Group(a, b), _texts_with_styles(), _texts_with_styles())
_parts = st.lists(st.one_of(_texts_with_styles(), _tables(), _groups), min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(parts=_parts, width=st.integers(1, 140))
def test_whatever_is_laid_out_without_rich_reads_exactly_as_rich_lays_it_out(parts: list[object], width: int) -> None:
    fast = plain.layout(parts, width)
    if fast is not None:
        assert fast == by_rich(parts, width)
    assert render_to_string(parts, False, width) == by_rich(parts, width)


def test_plain_text_and_tables_that_fit_are_laid_out_without_rich() -> None:
    """The layout is not just always handing over: ordinary report text takes the fast way."""
    table = plain.Table(title="Score by domain", title_justify="left", header_style="bold")
    table.add_column("Domain")
    table.add_column("Score", justify="right")
    table.add_row("1 Administrative and Operational", "100.0%")
    text = plain.Text("Verdict: ", style="bold").append("NOT READY for certification " * 6, style="red")
    parts: list[object] = [text, table, plain.Group(plain.Text("Gaps"), plain.Text("   Why:     " + "word " * 40))]
    fast = plain.layout(parts, 100)
    assert fast is not None and fast == by_rich(parts, 100)
    assert "┃ Domain" in fast and "│ 100.0% │" in fast
