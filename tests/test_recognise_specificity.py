"""A topic's words used in another sense do not meet it.

Each case is a short passage as an operator writes it, saved as a Markdown file and read by the same
extraction as any evidence file, then judged against one topic. Every case is shown both ways: the
wording that meets the topic, and the near-miss that must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.checks.recognise import Finding, TopicSpec, Vocabulary

from .topic_cases import find_in_text, spec_of

VOCABULARY = Vocabulary.build(
    {
        "weekday": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "sun", "fri"],
        "house_meeting": ["house meeting*", "house meets", "whole house", "house mtg*"],
        "life_skills": ["life-skills class*", "life skills class*", "budgeting class*", "cooking class*"],
        "schedule": ["schedul*", "calendar"],
        "safety": ["safety", "safe"],
        "concern": ["concern*", "worr*"],
        "drill": ["fire drill*", "drill*"],
        "monthly": ["every month", "monthly", "once a month"],
    }
)


def _spec(name: str, *ideas: str, substance: str | None = None) -> TopicSpec:
    return spec_of(VOCABULARY, name, *ideas, substance=substance)


def _find(tmp_path: Path, text: str, spec: TopicSpec) -> Finding:
    return find_in_text(VOCABULARY, tmp_path, text, spec)


# A weekly house meeting: its second idea is weekly recurrence (a weekday, "week", "weekly").
WEEKLY_MEETING = _spec("weekly house meeting", "house_meeting", "weekday|week|weekly*")
# A class on the calendar: any named day will do, weekly or not.
CLASS_DAY = _spec("life-skills class on a set day", "life_skills", "weekday|schedule")
SAFETY_CONCERNS = _spec("safety concerns raised", "safety", "concern")
MONTHLY_DRILLS = _spec("fire drills held monthly", "drill", "monthly")


# --- a weekday named with an ordinal is a day of the month, not a weekly one --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "## House meeting\n\nThe whole house meets every Sunday at 7 pm in the living room.\n",
        "## House meeting\n\nHouse meetings are held on Sundays after dinner; attendance is required.\n",
        "## House meeting\n\nThe house meets weekly. We pick the day at move-in week, usually Sunday.\n",
        "## House meeting\n\nThe house meets every week; on the first Sunday we also go over the budget.\n",
    ],
)
def test_a_weekly_house_meeting_is_met_by_a_weekday_or_weekly(tmp_path: Path, text: str) -> None:
    assert _find(tmp_path, text, WEEKLY_MEETING).found


@pytest.mark.parametrize(
    "text",
    [
        "## House meeting\n\nThe house meets the first Sunday of every month at 6 pm.\n",
        "## House meeting\n\nWe hold the house meeting on the last Friday of each month.\n",
        "## House meeting\n\nThe whole house gets together every other Sunday to go over chores and money.\n",
        "## House meeting\n\nHouse mtg: 2nd sun of the month, 7pm.\n",
    ],
)
def test_a_monthly_or_fortnightly_day_does_not_make_a_house_meeting_weekly(tmp_path: Path, text: str) -> None:
    finding = _find(tmp_path, text, WEEKLY_MEETING)
    assert not finding.found
    assert "weekday|week|weekly*" in finding.lacking


def test_a_class_on_the_first_saturday_still_names_its_day(tmp_path: Path) -> None:
    """Only an idea of weekly recurrence is denied the monthly day: a class's set day is a day."""
    text = "## Classes\n\nThe budgeting class meets the first Saturday of each month at 10 am.\n"
    assert _find(tmp_path, text, CLASS_DAY).found


# --- in talk, the next item of a list has its own subject --------------------------------------------
# A subject named on its own ("Safety belts, obviously.") frames what is said of it next; a sentence
# that adds the next item ("And concerns about your car, ...") is about that item instead.


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        (
            "So this is the car page. Park nose in.\n"
            "Safety, obviously. And we want your concerns about it the same day, to the house manager.\n",
            SAFETY_CONCERNS,
        ),
        ("So, fire drills. And we run one every month, at night too.\n", MONTHLY_DRILLS),
        ("Fire drills. They happen once a month, you'll hear the whistle.\n", MONTHLY_DRILLS),
    ],
)
def test_a_subject_named_in_talk_frames_what_is_said_of_it_next(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert _find(tmp_path, text, spec).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        (
            "So this is the car page. Park nose in.\n"
            "Safety belts, obviously. And concerns about your car, like a dent, the house isn't liable.\n",
            SAFETY_CONCERNS,
        ),
        ("Now, fire drills. Also the rent, that is due every month.\n", MONTHLY_DRILLS),
    ],
)
def test_the_next_item_of_a_spoken_list_is_not_framed_by_the_one_before(
    tmp_path: Path, text: str, spec: TopicSpec
) -> None:
    assert not _find(tmp_path, text, spec).found
