"""The shipped vocabulary on wording of the blind corpus's harder voices, round by round.

Each case (tests/vocabulary_cases/roundN.py, written by the tuning round that added the phrasings) is a
sentence or two as an operator puts it, read by the same extraction as any evidence file and judged
against one topic of the rule's document check, as `check` judges a binder: the idea said in the
writer's own words is found, and the same words used for something else are not.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from narr_audit.standards.loader import load_rulebook
from narr_audit.standards.model import Rulebook

from .topic_cases import topic_met
from .vocabulary_cases import round5, round6, round8, round9, round10, round11

ROUNDS: dict[str, ModuleType] = {
    "round5": round5,
    "round6": round6,
    "round8": round8,
    "round9": round9,
    "round10": round10,
    "round11": round11,
}


def _cases(table: str) -> list[object]:
    return [
        pytest.param(*case, id=f"{name}-{case[0]}-{n}")
        for name, module in ROUNDS.items()
        for n, case in enumerate(getattr(module, table), start=1)
    ]


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_rulebook()


@pytest.mark.parametrize(("rule_id", "topic_name", "text"), _cases("FOUND"))
def test_an_idea_in_the_writers_own_words_is_found(
    book: Rulebook, tmp_path: Path, rule_id: str, topic_name: str, text: str
) -> None:
    assert topic_met(book, tmp_path, rule_id, topic_name, text)


@pytest.mark.parametrize(("rule_id", "topic_name", "text"), _cases("NOT_FOUND"))
def test_the_same_words_in_another_sense_are_not_found(
    book: Rulebook, tmp_path: Path, rule_id: str, topic_name: str, text: str
) -> None:
    assert not topic_met(book, tmp_path, rule_id, topic_name, text)
