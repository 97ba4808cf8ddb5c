"""A floor under the document check's reading of the blind corpus (tuned part only).

The held-back part is measured by benchmarks/bench_topics.py, never asserted on here: a test that
failed on it would invite tuning on it. These floors guard against a change to the recogniser or the
vocabulary that quietly loses what was gained; raise them when the figures rise, on purpose.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus" / "topics"))

from topic_corpus import measure

FLOOR_FOUND = 0.90  # present topics found
FLOOR_REJECTED = 0.85  # absent topics reported missing


@pytest.fixture(scope="module")
def tuned():  # type: ignore[no-untyped-def]
    return measure("tuned")


@pytest.mark.slow
def test_present_topics_are_found(tuned) -> None:  # type: ignore[no-untyped-def]
    total = tuned.overall()
    assert total.recall >= FLOOR_FOUND, f"found {total.found}/{total.present}"


@pytest.mark.slow
def test_absent_topics_are_reported_missing(tuned) -> None:  # type: ignore[no-untyped-def]
    total = tuned.overall()
    assert total.specificity >= FLOOR_REJECTED, f"reported missing {total.rejected}/{total.absent}"


@pytest.mark.slow
def test_no_life_safety_topic_is_passed_by_a_near_miss(tuned) -> None:  # type: ignore[no-untyped-def]
    assert tuned.life_safety_false_passes == []


def test_every_passage_labels_every_topic_of_its_check() -> None:
    """The corpus itself: each passage names each topic of its document check once, present or absent."""
    from topic_corpus import PARTS, document_check, passages

    from narr_audit.standards.loader import load_rulebook

    book = load_rulebook()
    count = 0
    for part in PARTS:
        for passage in passages(part):
            names = [t.name for t in document_check(book, passage.rule, passage.document).topics]
            assert sorted(passage.present + passage.absent) == sorted(names), passage.key
            count += 1
    assert count >= 1000
