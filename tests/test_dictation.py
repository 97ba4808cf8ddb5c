"""Speech-to-text left raw is read sentence by sentence (base.language.undictated).

A house manager dictates notes into a phone between houses; the transcript has no marks at all, only
the spoken commands written out ("... the key stays with them period no sharing ... question mark new
paragraph ..."). Read as one run-on the length of the note, a question or "that's how they do it there"
at its end shares a sentence with the rule it takes back, and a question reads as a statement. With the
commands put back as marks, a dictated question states no rule, while a dictated rule still meets its
topics. "The grace period of" and any text with marks of its own are left as they are.

The passages were written for this test, not taken from the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus" / "topics"))

from topic_corpus import document_check, judged

from narr_audit.base.language import undictated
from narr_audit.checks.recognise import analyse
from narr_audit.evidence.content import Extracted
from narr_audit.evidence.extract import extract
from narr_audit.standards.loader import load_rulebook

BOOK = load_rulebook()

NALOXONE_PLACE = ("2.F.19.d", "Naloxone procedure saying where naloxone is kept")
CONTACTS = ("2.F.19.b", "Intake form with an emergency contact section")


def _missing(rule: tuple[str, str], text: str, tmp_path: Path) -> tuple[list[str], list[str]]:
    rule_id, label = rule
    topics = [t.name for t in document_check(BOOK, rule_id, label).topics]
    outcome, _ = judged(BOOK, rule_id, label, text, tmp_path / "notes.md", None)
    return topics, list(outcome.missing)


def test_dictated_commands_become_marks_and_sentences() -> None:
    said = (
        "okay note for the Elm Street binder um the naloxone goes in the orange pouch by the stairs period "
        "nobody locks it question mark new paragraph so that's it for now"
    )
    assert undictated(said) == (
        "Okay note for the Elm Street binder um the naloxone goes in the orange pouch by the stairs. "
        "Nobody locks it?\n\nSo that's it for now"
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "residents get a thirty day grace period and then a late fee and the notice period and a trial "
            "period of sixty days applies to every new resident who moves in here",
            id="periods-of-time",
        ),
        pytest.param(
            "The naloxone goes in the orange pouch by the stairs period. Nobody locks it question mark new "
            "paragraph so that is it for now and we can talk about the rest at the house meeting on Sunday",
            id="text-with-marks-of-its-own",
        ),
        pytest.param("no smoking period new paragraph", id="too-short-to-tell"),
    ],
)
def test_text_that_is_not_a_raw_dictation_is_left_as_it_is(text: str) -> None:
    assert undictated(text) == text


def test_a_dictated_rule_meets_its_topic_and_a_dictated_question_none(tmp_path: Path) -> None:
    """The same note said as a rule ("... period") and asked ("... question mark"): read as one run-on,
    neither met the topic; sentence by sentence, the rule does and the question does not."""
    said = (
        "okay naloxone for the Elm Street binder um we keep two kits in the orange pouch on the hook at the "
        "bottom of the stairs period it is never locked and anybody can grab it period new paragraph check it "
        "on Sundays\n"
    )
    _, missing = _missing(NALOXONE_PLACE, said, tmp_path)
    assert missing == []
    asked = (
        "okay naloxone for the Elm Street binder um where should we keep the two kits question mark maybe in "
        "the orange pouch on the hook at the bottom of the stairs question mark new paragraph ask Dana on "
        "Sunday\n"
    )
    topics, missing = _missing(NALOXONE_PLACE, asked, tmp_path)
    assert missing == topics


def test_the_speakers_sentences_are_the_recognisers(tmp_path: Path) -> None:
    """What the check reads and cites is a sentence the speaker ended, not the whole note."""
    path = tmp_path / "notes.md"
    path.write_text(
        "okay med policy for Elm Street um every medication prescription or over the counter goes in the "
        "resident's own lock box in their room period they take it exactly like the label says and never "
        "give it to anybody else period new paragraph next thing is the chore chart\n",
        encoding="utf-8",
    )
    content = extract(path)
    assert isinstance(content, Extracted)
    sentences = [s.text for s in analyse(content).sentences]
    assert "They take it exactly like the label says and never give it to anybody else." in sentences
    assert "Next thing is the chore chart" in sentences


def test_a_question_giving_an_example_of_the_one_before_goes_on_asking(tmp_path: Path) -> None:
    """ "Like who we'd call ...?" after a yes-or-no question asks on, its question word notwithstanding."""
    asked = (
        "## Intake form\n\nShould we add a section for an emergency contact? Like who we would call if "
        "something happens to somebody, their name, how they are related, a phone number?\n"
    )
    topics, missing = _missing(CONTACTS, asked, tmp_path)
    assert missing == topics
    answered = asked.rstrip() + " Yes: section four has all of that, and every resident fills it in.\n"
    _, missing = _missing(CONTACTS, answered, tmp_path)
    assert missing == []
