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
    heading = _index(analysis, "17. Alcohol- and drug-free policy")  # its number kept with it
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


def test_numbered_steps_running_on_in_a_line_are_sentences_of_their_own(tmp_path: Path) -> None:
    """A posted sheet's steps flow on in a PDF's lines ("... possessions. 2. Leave by the" / "nearest exit:
    the front door, ..."): each step is a sentence, and a step cut after a small word goes on below although
    its next line opens like a chat's speaker ("nearest exit: ..."). Read so, the step that states how to
    leave is read whole, not as "nearest exit: the front door" with "Do not stop for possessions. 2. Leave by
    the" before it (which the second reader read against evacuation for its "not")."""
    lines = [
        "Fire",
        '1. Shout "Fire!" and wake everyone on your floor. Do not stop for possessions. 2. Leave by the',
        "nearest exit: the front door or the kitchen door. Feel doors before opening them. 3.",
        "Go to the meeting point: the oak tree at the front curb. 12. Call the manager.",
    ]
    texts = [s.text for s in analyse(_pdf(lines, tmp_path)).sentences]
    assert "Do not stop for possessions." in texts
    assert "2. Leave by the nearest exit: the front door or the kitchen door." in texts
    assert "Feel doors before opening them." in texts
    assert "12. Call the manager." in texts


def test_a_chat_speaker_still_opens_a_line_of_its_own(tmp_path: Path) -> None:
    """Not every line opening "word: " goes on the line before: a chat's messages each stand alone."""
    lines = ["dee: who checks the smoke alarms now", "hm: me, first of every month"]
    texts = [s.text for s in analyse(_pdf(lines, tmp_path)).sentences]
    assert "hm: me, first of every month" in texts


POSTED_PLAN = [
    "Emergency Response Plan",
    "Summit Path Recovery Community, 4471 Larkspur Mesa Drive. Posted at the front desk, in each wing and in the"
    " great room with the floor plan and the evacuation map, and read with every new resident on the first day"
    " of the stay, and staff read it again with the residents of each wing every spring and every fall.",
    "Emergency numbers",
    "- Fire, police, ambulance: 911",
    "- Maintenance on call (building emergencies): (303) 555-0163",
    "Overdose",
    "1. Call 911 and give naloxone from the nearest station.",
]


def test_a_line_that_ends_short_of_a_wide_pages_margin_ends_there(tmp_path: Path) -> None:
    """A line of 60 characters or more without an end used to run on into the next one, whatever the page's width:
    on a page set about 110 characters wide, a phone list's last item ran into the heading below ("... 555-0163
    Overdose") and a title into the line under it. A line runs on when it reaches its page's margin (less the
    longest word that may not have fitted), measured from the page's own sentences that run on."""
    analysis = analyse(_pdf(POSTED_PLAN, tmp_path))
    texts = [s.text for s in analysis.sentences]
    assert "- Maintenance on call (building emergencies): (303) 555-0163" in texts
    assert "Overdose" in texts
    assert not any("Plan Summit" in t for t in texts)  # the title stands alone
    staff = _index(analysis, "Posted at the front desk")
    assert analysis.sentences[staff].text.endswith("every spring and every fall.")  # the wrapped lines still join
