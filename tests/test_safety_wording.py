"""Topics met in the words operators use for them, life-safety ones above all (the shipped vocabulary,
read by the recogniser alone, as in tests/test_disowned_sections.py): a grievance taken a step up
when the resident disagrees, an orientation sheet gone through with a
resident, safety said to be on all the residents ("Safety in this house is on all of us"), safety
named as what a concern is about ("Safety concerns are raised with the house leader"), and the
searches' record named by its own name ("... in the Search Log"). Each case failed before the
vocabulary named them. The passages were written for this test, not taken from the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus" / "topics"))

from topic_corpus import judged

from narr_audit.standards.loader import load_rulebook

BOOK = load_rulebook()

SAFETY = ("2.F.16.e", "Policy or resident handbook section on residents' shared responsibility for safety")
SEARCHES = ("2.F.16.b", "Prohibited-items list and search procedure")
ORIENTATION = ("2.F.19.c", "Orientation checklist covering emergency procedures, signed by the resident")
GRIEVANCES = ("1.C.7.b", "Grievance policy and procedure")  # not a life-safety rule


def _missing(rule: tuple[str, str], text: str, tmp_path: Path) -> tuple[tuple[str, ...], str]:
    """The topics the rule's document check reports missing in ``text`` (the recogniser alone), and why."""
    outcome, _ = judged(BOOK, *rule, text, tmp_path / "policy.md", None)
    return outcome.missing, outcome.reason


@pytest.mark.parametrize(
    ("rule", "topic", "text"),
    [
        pytest.param(
            SAFETY,
            "how concerns are raised",
            "## House safety: everyone's job\n\n1. You are responsible for your own safety and your housemates'.\n"
            "2. Raise concerns with the house leader, any staff member, or at the weekly house meeting.\n",
            id="concerns-under-a-safety-heading",
        ),
        pytest.param(
            SAFETY,
            "how concerns are raised",
            "Each member looks out for the others. Safety concerns are raised with the house leader the same day, "
            "or in the concerns slot at the weekly meeting.\n",
            id="safety-concerns-raised-with-the-house-leader",
        ),
        pytest.param(
            SAFETY,
            "resident responsibility",
            "## We look out for each other\n\nSafety in this house is on all of us, not just the manager: watch out "
            "for each other.\n",
            id="safety-is-on-all-of-us",
        ),
        pytest.param(
            ORIENTATION,
            "orientation",
            "On day one I go through the move-in orientation sheet with each new resident, room by room: the exits "
            "and the meeting spot, the fire steps, the naloxone box and who to call at night.\n",
            id="gone-through-the-orientation-sheet",
        ),
        pytest.param(
            SEARCHES,
            "who searches and how it is recorded",
            "## Searches\n\nThe House Manager, with a second staff member present, may search a resident's room when "
            "there is a reason. The House Manager records the date, reason, witnesses and findings in the Search "
            "Log.\n",
            id="recorded-in-the-search-log",
        ),
        pytest.param(
            GRIEVANCES,
            "escalation path",
            "## Grievances\n\nThe house manager answers each grievance in writing within 7 days. If the resident "
            "disagrees, they may ask the director to review it.\n",
            id="if-the-resident-disagrees",
        ),
        pytest.param(
            GRIEVANCES,
            "escalation path",
            "## Complaints\n\nA grievance is handed to the house manager. If she cannot resolve it, the owner will "
            "hear it.\n",
            id="cannot-resolve-it",
        ),
    ],
)
def test_a_topic_in_the_operators_words(rule: tuple[str, str], topic: str, text: str, tmp_path: Path) -> None:
    missing, reason = _missing(rule, text, tmp_path)
    assert topic not in missing, reason


def test_a_search_procedure_looked_at_and_never_copied_is_not_the_houses(tmp_path: Path) -> None:
    """Another house's procedure, then "We looked at copying it and never did.", records no search here."""
    rule = SEARCHES
    text = (
        "## Searches at Cedar Street\n\nTheir house manager searches a room only with a reason, with a second "
        "person present. Every search goes in their search log: date, who searched, why, and what was found. We "
        "looked at copying it and never did.\n"
    )
    missing, reason = _missing(rule, text, tmp_path)
    assert "who searches and how it is recorded" in missing, reason


def test_an_orientation_nobody_gives_is_none(tmp_path: Path) -> None:
    """ "Nobody sits down with you for an orientation" denies the orientation it names: "sits down with" is
    an orientation's doing now, so "nobody" must take it back."""
    rule = ORIENTATION
    text = (
        "## Your first day\n\nOn move-in day nobody sits down with you for an orientation. We don't walk you "
        "through emergencies, and there's no checklist to sign.\n"
    )
    missing, reason = _missing(rule, text, tmp_path)
    assert "orientation" in missing, reason
