"""A PDF's headings: its text layer runs a page's lines together with no blank line between sections,
so a heading line ("17. Alcohol- and drug-free policy") is read as one, heading the lines below it, and
a life-safety topic's reading of its section stops at the next heading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.checks.reader import Unit, asked, surround
from narr_audit.checks.recognise import Analysis, analyse
from narr_audit.evidence.content import Extracted
from narr_audit.evidence.extract import extract

pytest.importorskip("fpdf")

MANUAL = [
    "Harbor Light Policy Manual",
    "16. Property standards",
    "Each bedroom gives every resident at least fifty square feet. The old owner's rule on bunk beds",
    "is not ours and is not in use.",
    "17. Alcohol- and drug-free policy",
    "Alcohol and illicit drugs are prohibited on the property and off it while a resident lives here.",
    "Staff and visitors are held to the same rule.",
    "Visitors",
    "Visitors sign in at the front desk and leave by 9 p.m.",
]


def _pdf(lines: list[str], tmp_path: Path) -> Extracted:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(w=0, h=5, text=line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "manual.pdf"
    path.write_bytes(bytes(pdf.output()))
    content = extract(path)
    assert isinstance(content, Extracted)
    return content


def _index(analysis: Analysis, start: str) -> int:
    return next(n for n, s in enumerate(analysis.sentences) if s.text.startswith(start))


def test_a_heading_line_heads_the_lines_below_it(tmp_path: Path) -> None:
    analysis = analyse(_pdf(MANUAL, tmp_path))
    rule = _index(analysis, "Alcohol and illicit drugs")
    heading = _index(analysis, "Alcohol- and drug-free policy")
    assert heading in analysis.sentences[rule].context
    assert heading in analysis.sentences[_index(analysis, "Staff and visitors")].context
    visitors = _index(analysis, "Visitors sign in")
    assert _index(analysis, "Visitors") in analysis.sentences[visitors].context
    assert heading not in analysis.sentences[visitors].context  # the next heading ends its section


def test_a_life_safety_reading_stops_at_the_next_heading(tmp_path: Path) -> None:
    """The section before ("... is not ours and is not in use.") is another section's disclaimer."""
    analysis = analyse(_pdf(MANUAL, tmp_path))
    rule = _index(analysis, "Alcohol and illicit drugs")
    topic = asked(
        "2.F.16.a",
        "Prohibited substances",
        "Alcohol- and drug-free policy",
        "illicit drugs",
        ("illicit drugs", "forbidden"),
        life_safety=True,
    )
    around = surround(analysis, Unit((rule,), rule, analysis.sentences[rule].where), topic, frozenset())
    assert "staff" in around  # its own section's other sentence
    assert "owner" not in around and "bunk" not in around  # the section before, on the same page


def test_short_numbered_items_and_form_fields_are_not_headings(tmp_path: Path) -> None:
    lines = [
        "Prohibited items. The following are not allowed in the house:",
        "1. Alcohol",
        "2. Weapons",
        "3. Candles",
        "Searches of common areas happen at any time.",
        "Resident signature: ____________ Date: ________",
        "Staff signature: ____________ Date: ________",
    ]
    analysis = analyse(_pdf(lines, tmp_path))
    search = analysis.sentences[_index(analysis, "Searches of common areas")]
    assert _index(analysis, "3. Candles") not in search.context
    fields = [analysis.sentences[_index(analysis, name)].block for name in ("Resident signature", "Staff signature")]
    assert fields[0] == fields[1]  # a form's field line ("Resident signature: ____") heads nothing
