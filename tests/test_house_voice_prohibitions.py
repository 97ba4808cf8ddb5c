"""A prohibition in the house's own voice with a contracted negation ("We don't allow weapons", "We don't
tolerate drugs or alcohol here") states the rule as plainly as "are not allowed": the recogniser read only
the passive and spelled-out forms ("not allowed", "not permitted"), so a plain house-rules page written
this way was reported as not saying it (standards/vocabulary/plain-voices.yaml, `forbidden`).

Sentences written for this test, not taken from the blind corpus (where these forms are rare: the change
moved no figure of bench_topics)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus" / "topics"))

from topic_corpus import judged, second_reader

from narr_audit.standards.loader import load_rulebook

BOOK = load_rulebook()
ITEMS = ("2.F.16.b", "Prohibited-items list and search procedure", "list of prohibited items")
SUBSTANCES = (
    "2.F.16.a",
    "Resident agreement or house rules stating the alcohol- and drug-free rule",
    "alcohol and drugs",
)

CASES = [
    (*ITEMS, "# Weapons\n\nWe don't allow weapons in the house.\n"),
    (*ITEMS, "# Weapons\n\nWeapons: we don't allow them, not even a pocket knife.\n"),
    (*SUBSTANCES, "# Sobriety\n\nWe don't tolerate drugs or alcohol here, in the house or in the yard.\n"),
    (*SUBSTANCES, "# Sobriety\n\nThe house doesn't allow alcohol or drugs anywhere on the property.\n"),
    # "we do not keep" with contraband: the house keeps it out, not lacks it
    (*ITEMS, "# Weapons\n\nWe do not keep weapons in the house.\n"),
    (*SUBSTANCES, "# Sobriety\n\nWe don't keep alcohol or drugs in the house.\n"),
]


@pytest.mark.parametrize(("rule", "document", "topic", "text"), CASES, ids=[c[3].split("\n")[2][:40] for c in CASES])
def test_a_contracted_prohibition_meets_the_topic(
    rule: str, document: str, topic: str, text: str, tmp_path: Path
) -> None:
    met, _ = judged(BOOK, rule, document, text, tmp_path / "rules.md", None)
    assert topic not in met.missing, met.reason


def test_the_second_reader_keeps_a_plain_one(tmp_path: Path) -> None:
    """As `check` reads it: the reader does not take back the plainest of them."""
    rule, document, topic = ITEMS
    met, _ = judged(BOOK, rule, document, CASES[0][3], tmp_path / "rules.md", second_reader())
    assert topic not in met.missing, met.reason
    rule, document, topic = SUBSTANCES
    met, _ = judged(BOOK, rule, document, CASES[2][3], tmp_path / "rules2.md", second_reader())
    assert topic not in met.missing, met.reason


def test_a_contracted_denial_of_a_paper_still_meets_nothing(tmp_path: Path) -> None:
    """ "We don't have a list of what isn't allowed" says the paper is missing, not what it forbids."""
    rule, document, topic = ITEMS
    missed, _ = judged(
        BOOK, rule, document, "# Rules\n\nWe don't have a list of banned items yet.\n", tmp_path / "r.md", None
    )
    assert topic in missed.missing, missed.reason


def test_we_do_not_keep_a_thing_the_house_needs_still_says_it_lacks_it(tmp_path: Path) -> None:
    """ "We do not keep extinguishers in the house" says there are none: only contraband reads as kept out."""
    rule, document = "2.F.17.c", "Safety inspection policy (detectors, extinguishers, inspection schedule)"
    text = "# Safety\n\nWe do not keep fire extinguishers in the house.\n"
    missed, _ = judged(BOOK, rule, document, text, tmp_path / "r.md", None)
    assert "fire extinguishers" in missed.missing, missed.reason


def test_contraband_naming_another_thing_is_still_denied() -> None:
    """ "We don't have drug testing" says the house does not test: the denial stands where contraband only names
    what a thing is about; "we do not keep weapons in the house" denies nothing (the words a check reads denied)."""
    from narr_audit.base.language import denied_regions

    def denied(text: str) -> bool:
        words = text.split()
        return bool(denied_regions(words, 0, len(words), text))

    assert denied("we don't have drug testing here")
    assert denied("we do not keep weapons policies on file")
    assert not denied("we do not keep weapons in the house")
    assert not denied("we don't keep alcohol or drugs here")
