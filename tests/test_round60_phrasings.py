"""Phrasings learned from the blind corpus's sixtieth and sixty-first rounds (standards/vocabulary/round60-voices.yaml),
each beside the twin its narrowing keeps out: the recogniser alone, as the vocabulary decides it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus" / "topics"))

from topic_corpus import judged

from narr_audit.standards.loader import load_rulebook

BOOK = load_rulebook()

# (rule, document check, topic, a text stating it, its twin that does not, where one is kept out by a narrowing)
PAIRS = [
    (
        "2.F.16.a",
        "Alcohol- and drug-free policy (policy and procedure manual)",
        "use is forbidden",
        "# Substances\n\nResidents are barred from drinking alcohol or using illegal drugs, here or anywhere.\n",
        "# Substances\n\nShould residents be barred from drinking alcohol or using illegal drugs, here or anywhere?\n",
    ),
    (
        "2.F.18.a",
        "Smoking and vaping policy (house rules)",
        "not indoors",
        "# Smoking\n\nCigarettes and vapes are never to be used inside the house or the garage.\n",
        None,  # "are not banned in" is read as a ban by older phrasings: an open near-miss, not this file's
    ),
]


@pytest.mark.parametrize(("rule", "document", "topic", "states", "twin"), PAIRS, ids=[p[2] for p in PAIRS])
def test_the_phrasing_meets_its_topic_and_its_twin_does_not(
    rule: str, document: str, topic: str, states: str, twin: str | None, tmp_path: Path
) -> None:
    met, _ = judged(BOOK, rule, document, states, tmp_path / "states.md", None)
    assert topic not in met.missing, met.reason
    if twin is None:
        return
    missed, _ = judged(BOOK, rule, document, twin, tmp_path / "twin.md", None)
    assert topic in missed.missing, missed.reason
