"""A floor under the document check's reading of the blind corpus (tuned part only).

The held-back part is measured by benchmarks/bench_topics.py, never asserted on here: a test that
failed on it would invite tuning on it. These floors guard against a change to the recogniser or the
vocabulary that quietly loses what was gained; raise them when the figures rise, on purpose.

The floors below read the corpus with the recogniser alone (what the vocabulary is tuned for). The
second reader (checks.reader) is trained on this same tuned part, so its figures here say only that
it is wired in and working, not how well it reads new text: its own floors are at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus" / "topics"))

from topic_corpus import NOT_YET_TUNED, measure

# Present topics found: 0.98 until the ninth round's voices (a veterans' home's SOPs, a rural home's
# papers, a translated manual) joined the tuned part; with them and the tenth round's (a collegiate
# house, a women's home, a corrective plan) 97.7% after the eleventh tuning round.
FLOOR_FOUND = 0.976
# Absent topics reported missing. 0.95 until the fifth and sixth rounds' voices (a transcribed talk,
# FAQ answers, lease clauses, a county contract, group chats, intake forms) joined the tuned part,
# 0.94 until the eighth round's (web pages, a slide deck, a clinical manual): they are harder to read,
# and tuned on once they stand at 93.4% overall.
FLOOR_REJECTED = 0.927  # 0.93 until the tenth round's voices joined (92.7% with them)
# Each voice (a writer's way of putting things: house rules, a corporate manual, an attorney's
# agreement, a faith-based guide, ...) on its own: a gain on the others must not hide a voice lost.
FLOOR_FOUND_PER_VOICE = 0.95
FLOOR_REJECTED_PER_VOICE = 0.90
# Voices tuned on and still under the floors above (issue 13 stays open for them): held where they
# stand, so they can only go up. (found, reported missing)
BELOW_FLOORS = {
    "spoken-b": (0.90, 0.90),
    "email-faq": (0.95, 0.895),
    "board-resolution": (0.95, 0.895),
    "clinical": (0.95, 0.86),
    "slide-deck": (0.94, 0.83),
    "rural-family": (0.93, 0.85),
    "veterans": (0.95, 0.86),
    "collegiate": (0.92, 0.90),
    "corrective-plan": (0.95, 0.87),
    "womens-house": (0.95, 0.82),
}
# Life-safety near-misses a tuned voice still passes, by passage (its place among its document's
# passages after "#") and topic (issue 13 stays open for them): a regression guard, so no new one
# appears. The clinical manual's near-miss is its staff's own emergency contacts: nothing in the
# section says they are not the residents'. The veterans' home's three: a resident agreement's title
# over a section on vehicles ("resident agrees"), an over-the-counter shopping list (medication), and
# "safety first" as a motto (shared safety).
KNOWN_LIFE_SAFETY_PASSES = frozenset(
    {
        *(
            f"tuned/clinical/2.F.19.b/Intake form with an emergency contact section/near-miss#3: {topic}"
            for topic in ("emergency contact", "contact details")
        ),
        "tuned/veterans/2.F.16.a/Resident agreement or house rules stating the alcohol- and drug-free rule"
        "/near-miss#3: resident agrees",
        "tuned/veterans/2.F.16.d/Medication use and storage policy"
        "/near-miss#3: prescription and over-the-counter medication",
        "tuned/veterans/2.F.16.e/Policy or resident handbook section on residents' shared responsibility for safety"
        "/near-miss#3: safety",
        # A staff course's syllabus ("workplace safety, raising concerns with a supervisor"): since safety named
        # as a concern's subject ("safety concerns", read with up to two words between) counts, the recogniser
        # alone passes it; the second reader doubts it. Traded for 6 present topics found on the tuned part.
        "tuned/corrective-plan/2.F.16.e/Policy or resident handbook section on residents' shared responsibility "
        "for safety/near-miss#3: how concerns are raised",
        # The tenth round's: a campus's tobacco-free rule said not to apply to the house; a staff onboarding
        # checklist; neighbors "looking out for one another" on the block.
        "tuned/collegiate/2.F.18.a/Smoking and vaping policy (house rules)/near-miss#3: smoking and tobacco",
        "tuned/corrective-plan/2.F.19.c/Orientation checklist covering emergency procedures, signed by the resident"
        "/near-miss#3: orientation",
        "tuned/womens-house/2.F.16.e/Policy or resident handbook section on residents' shared responsibility for safety"
        "/near-miss#3: looking out for one another",
    }
)


@pytest.fixture(scope="module")
def tuned():  # type: ignore[no-untyped-def]
    return measure("tuned", skip=NOT_YET_TUNED, second=False)


@pytest.fixture(scope="module")
def tuned_with_reader():  # type: ignore[no-untyped-def]
    return measure("tuned", skip=NOT_YET_TUNED)


@pytest.mark.slow
def test_present_topics_are_found(tuned) -> None:  # type: ignore[no-untyped-def]
    total = tuned.overall()
    assert total.recall >= FLOOR_FOUND, f"found {total.found}/{total.present}"


@pytest.mark.slow
def test_absent_topics_are_reported_missing(tuned) -> None:  # type: ignore[no-untyped-def]
    total = tuned.overall()
    assert total.specificity >= FLOOR_REJECTED, f"reported missing {total.rejected}/{total.absent}"


@pytest.mark.slow
def test_every_voice_is_read_as_well(tuned) -> None:  # type: ignore[no-untyped-def]
    from topic_corpus import passages

    present: dict[str, int] = {}
    absent: dict[str, int] = {}
    for passage in passages("tuned", skip=NOT_YET_TUNED):
        present[passage.voice] = present.get(passage.voice, 0) + len(passage.present)
        absent[passage.voice] = absent.get(passage.voice, 0) + len(passage.absent)
    total = tuned.overall()
    missed = [key.split("/")[1] for key in total.misses]
    passed = [key.split("/")[1] for key in total.false_passes]
    for voice in sorted(present):
        found, rejected = present[voice] - missed.count(voice), absent[voice] - passed.count(voice)
        floor_found, floor_rejected = BELOW_FLOORS.get(voice, (FLOOR_FOUND_PER_VOICE, FLOOR_REJECTED_PER_VOICE))
        assert found >= floor_found * present[voice], f"{voice}: found {found}/{present[voice]}"
        assert rejected >= floor_rejected * absent[voice], f"{voice}: missing {rejected}/{absent[voice]}"


@pytest.mark.slow
def test_no_life_safety_topic_is_passed_by_a_near_miss(tuned) -> None:  # type: ignore[no-untyped-def]
    assert set(tuned.life_safety_false_passes) <= KNOWN_LIFE_SAFETY_PASSES, tuned.life_safety_false_passes


# With the second reader, on the text it was trained on (98.9% and 95.9% when it was trained).
FLOOR_FOUND_WITH_READER = 0.985
FLOOR_REJECTED_WITH_READER = 0.955


@pytest.mark.slow
def test_the_second_reader_reads_the_tuned_part_as_trained(tuned, tuned_with_reader) -> None:  # type: ignore[no-untyped-def]
    alone, read = tuned.overall(), tuned_with_reader.overall()
    assert read.recall >= FLOOR_FOUND_WITH_READER, f"found {read.found}/{read.present}"
    assert read.specificity >= FLOOR_REJECTED_WITH_READER, f"reported missing {read.rejected}/{read.absent}"
    assert read.recall > alone.recall and read.specificity > alone.specificity


@pytest.mark.slow
def test_with_the_second_reader_no_life_safety_near_miss_passes_unflagged(tuned_with_reader) -> None:  # type: ignore[no-untyped-def]
    """A life-safety near-miss the reader cannot doubt outright is met only "for the reviewer to confirm"."""
    assert set(tuned_with_reader.life_safety_false_passes) == set(tuned_with_reader.life_safety_flagged)
    assert set(tuned_with_reader.life_safety_false_passes) <= KNOWN_LIFE_SAFETY_PASSES


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


def test_every_passage_has_a_key_of_its_own() -> None:
    """The benchmark's listings name a passage by its key: a minimal pair's two twins, each of them a
    near-miss of the same document, must not share one."""
    from topic_corpus import PARTS, passages

    keys = [passage.key for part in PARTS for passage in passages(part)]
    assert len(keys) == len(set(keys))
