"""How the recogniser reads wording it was not tuned on: why a sentence states no rule, talk written
down, a scanned page, a group chat.

Each case is a short passage as an operator writes it, saved as a Markdown file and read by the same
extraction as any evidence file, then judged against one topic. Every mechanism is shown both ways:
the wording that states the rule is met, the near-miss that only uses its words is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.checks.recognise import Finding, TopicSpec, Vocabulary, analyse

from .topic_cases import find_in_text, read_policy, spec_of

VOCABULARY = Vocabulary.build(
    {
        "_amount": ["dollar*", "percent"],
        "_time": ["day", "days", "week", "month", "sunday", "friday"],
        "_role": ["house manager", "manager", "director"],
        "_deferral": ["discretion"],
        "_promise": ["to be developed"],
        "records": ["record*", "file*"],
        "privacy": ["privacy", "private", "confidential*"],
        "input": ["input", "suggestion*", "ideas"],
        "resident": ["resident*"],
        "refund": ["refund*", "money back"],
        "leaving": ["move out", "moves out", "leave*", "unused"],
        "inspects": ["inspect*", "walk through"],
        "property": ["property", "house", "premises"],
        "life_skills": ["budgeting", "cooking", "life skills", "life-skills"],
        "class": ["class*", "group*", "workshop*"],
        "staff": ["staff", "house manager", "employee*"],
        "supervision": ["supervis*", "check-in*"],
        "frequency": ["every other week", "weekly", "monthly", "every month"],
        "chart": ["chore chart*", "chart"],
        "rotation": ["rotat*", "takes turns", "take turns"],
        "groups": ["group*", "therapy"],
        "honesty": ["honest*", "truth*"],
        "respect": ["respect*"],
        "medication": ["medication*", "meds"],
        "locked": ["lock*"],
        "cabinet": ["cabinet*", "box"],
        "fee": ["fee", "rent"],
        "tell_manager": ["tell the manager", "tell your manager", "let the manager know"],
        "quiet": ["quiet hours", "quiet time"],
        "smoking": ["smok*"],
        "indoors": ["inside", "indoors"],
    }
)


def _spec(name: str, *ideas: str, substance: str | None = None) -> TopicSpec:
    return spec_of(VOCABULARY, name, *ideas, substance=substance)


def _find(tmp_path: Path, text: str, spec: TopicSpec) -> Finding:
    return find_in_text(VOCABULARY, tmp_path, text, spec)


PRIVATE_RECORDS = _spec("records kept private", "records", "privacy")
RESIDENT_INPUT = _spec("residents give input", "resident", "input")
REFUND_ON_LEAVING = _spec("refund when a resident leaves", "refund", "leaving")
PROPERTY_INSPECTED = _spec("the house inspects the property", "inspects", "property")
LIFE_SKILLS_CLASSES = _spec("life-skills classes", "life_skills", "class")
SUPERVISION_SCHEDULE = _spec("how often staff are supervised", "supervision", "frequency")
STAFF_SUPERVISION_SCHEDULE = _spec("staff supervised on a schedule", "staff", "supervision", "frequency")
CHORE_ROTATION = _spec("a chore chart that rotates", "chart", "rotation")
STAFF_GROUPS = _spec("staff run groups", "staff", "groups")
HONEST_AND_RESPECTFUL = _spec("honesty and respect", "honesty", "respect")
LOCKED_MEDICATION = _spec("medication locked up", "medication", "locked")
FILES_IN_CABINET = _spec("files in a cabinet", "records", "cabinet")
FEE_AMOUNT = _spec("what the fee is", "fee", substance="amount")
TELL_MANAGER = _spec("tell the manager", "tell_manager")
QUIET_HOURS = _spec("when quiet hours start", "quiet", substance="time")
NO_SMOKING_INSIDE = _spec("no smoking indoors", "smoking", "indoors")


# --- why, not what: a recital or a purpose states no rule ------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("## Records\n\nResident records are kept private: only the director may read them.\n", PRIVATE_RECORDS),
        ("## Input\n\nResidents give input on house matters at the monthly meeting.\n", RESIDENT_INPUT),
    ],
)
def test_a_rule_stated_outright_is_met(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert _find(tmp_path, text, spec).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        # the purpose a rule serves, not the rule
        ("## Phones\n\nTo protect everyone's privacy, chore records are posted on the fridge.\n", PRIVATE_RECORDS),
        (
            "## Phones\n\nIn order to keep things private, staff keep records of chores on the fridge.\n",
            PRIVATE_RECORDS,
        ),
        # a preamble: why the Board acts
        (
            "# Resolution 4\n\nThe Board recognizes the importance of resident input in a healthy house.\n",
            RESIDENT_INPUT,
        ),
    ],
)
def test_a_recital_or_a_purpose_says_why_and_states_no_rule(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    finding = _find(tmp_path, text, spec)
    assert not finding.found


def test_a_purpose_ends_where_the_rule_it_serves_begins(tmp_path: Path) -> None:
    """ "In order to ..., residents must ...": the reason is set aside, the rule after it still counts."""
    text = "## Records\n\nIn order to follow the law, resident files must be kept private.\n"
    assert _find(tmp_path, text, PRIVATE_RECORDS).found


# --- a rule left to be written later ----------------------------------------------------------------


def test_a_refund_rule_stated_is_met(tmp_path: Path) -> None:
    text = "## Refunds\n\nA resident who moves out gets the unused rent refunded within 14 days.\n"
    assert _find(tmp_path, text, REFUND_ON_LEAVING).found


@pytest.mark.parametrize(
    "text",
    [
        "# Resolution 2024-02\n\nThe Executive Director is authorized to draft a policy on refunds for residents who "
        "move out.\n",
        "## Refunds\n\nHow refunds work when a resident leaves will be considered by the Board at a later meeting.\n",
        "## Refunds\n\nA refund schedule for residents who move out has not been set yet.\n",
        "## Refunds\n\nThe refund program for residents who leave early is on hold.\n",
    ],
)
def test_a_rule_left_for_later_is_not_met_and_the_report_says_so(tmp_path: Path, text: str) -> None:
    finding = _find(tmp_path, text, REFUND_ON_LEAVING)
    assert not finding.found
    assert finding.deferred


# --- someone else's act ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("## Inspections\n\nThe house manager inspects the whole property every month.\n", PROPERTY_INSPECTED),
        ("## Classes\n\nStaff run a budgeting class in the living room every Tuesday.\n", LIFE_SKILLS_CLASSES),
    ],
)
def test_what_the_house_does_is_its_rule(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert _find(tmp_path, text, spec).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        (
            "## Inspections\n\nThe county inspects the property each spring for the rental license.\n",
            PROPERTY_INSPECTED,
        ),
        ("## Classes\n\nBudgeting classes are offered by the public library on Tuesdays.\n", LIFE_SKILLS_CLASSES),
        (
            "## Work\n\nMany employers will ask you to join a cooking class before your first shift.\n",
            LIFE_SKILLS_CLASSES,
        ),
    ],
)
def test_what_a_body_outside_the_house_does_is_not_the_houses_rule(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert not _find(tmp_path, text, spec).found


# --- talk written down ------------------------------------------------------------------------------

TALK = (
    "Okay so, staff get supervised too, it's not just us. Dana meets with Kevin every other week, an hour, "
    "sit-down. They go over how the house is doing, you know, and how he's doing. I mean, he's good at it, "
    "honestly. So that's the staff stuff.\n"
)


def test_in_talk_the_sentence_a_paragraph_opens_with_lends_what_it_is_about(tmp_path: Path) -> None:
    """ "Staff get supervised too. Dana meets with Kevin every other week.": the second sentence says how
    often, of what the first named."""
    finding = _find(tmp_path, TALK, SUPERVISION_SCHEDULE)
    assert finding.found
    assert "every other week" in analyse(read_policy(tmp_path, TALK)).sentences[finding.sentence or 0].text


def test_in_talk_the_opening_sentence_lends_one_idea_and_no_more(tmp_path: Path) -> None:
    text = (
        "Okay so, staff get supervised too, it's not just us. Yeah, every other week, that's the deal, "
        "it's kinda nice honestly. So that's the staff stuff, you know.\n"
    )
    assert not _find(tmp_path, text, STAFF_SUPERVISION_SCHEDULE).found


def test_a_written_policy_is_not_read_as_talk(tmp_path: Path) -> None:
    text = "- Staff are supervised by the director.\n- Dana meets with Kevin every other week.\n"
    assert not _find(tmp_path, text, SUPERVISION_SCHEDULE).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("So the chores. There's a chore chart, it rotates every Sunday, you know.\n", CHORE_ROTATION),
        ("So the groups. Staff run two groups a week in the house, it's pretty good.\n", STAFF_GROUPS),
        ("Okay, how we treat each other. Be honest, and treat each other with respect.\n", HONEST_AND_RESPECTFUL),
    ],
)
def test_said_plainly_a_rule_is_met(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert _find(tmp_path, text, spec).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        # "there's no A, no B": a reader saying the paper lacks them
        ("It says residents share the chores. There's no chart, no rotation, nothing.\n", CHORE_ROTATION),
        ("There's no, like, chart or rotation here, we tried it once.\n", CHORE_ROTATION),
        # what the paper does not say
        ("It doesn't say staff run any groups in the house, so I wouldn't count on it.\n", STAFF_GROUPS),
        # a speaker's hedge is how it is said, not honesty
        ("Honestly, treat the furniture with respect, it's an old house.\n", HONEST_AND_RESPECTFUL),
    ],
)
def test_said_in_passing_the_words_do_not_meet_the_topic(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert not _find(tmp_path, text, spec).found


@pytest.mark.parametrize(
    "text",
    [
        "## Smoking\n\nThere is no smoking indoors.\n",
        "So, smoking. There's no smoking inside the house, period, you know, not even in your room.\n",
    ],
)
def test_there_is_no_doing_something_is_a_prohibition_not_an_absence(tmp_path: Path, text: str) -> None:
    """ "There's no smoking inside" forbids it; "there's no chart" says there is none."""
    assert _find(tmp_path, text, NO_SMOKING_INSIDE).found


def test_a_quoted_sentence_ends_at_its_closing_quote(tmp_path: Path) -> None:
    """'It says "staff run the groups." No schedule.': two sentences, not one that runs on."""
    text = 'It says "the chore chart is on the fridge." No rotation, nothing, you figure it out.\n'
    content = analyse(read_policy(tmp_path, text))
    assert any(s.text.startswith("No rotation") for s in content.sentences)
    assert not _find(tmp_path, text, CHORE_ROTATION).found


# --- a scanned page --------------------------------------------------------------------------------


def test_a_sentence_broken_by_a_page_footer_is_read_across_it(tmp_path: Path) -> None:
    text = (
        "HOUSE RULES\n\nResidents keep every prescribed medication they bring with them in the\n\n"
        "                              Page 4 of 20\n                              Rev. 2014\n\n"
        "locked box in the office.\n"
    )
    assert _find(tmp_path, text, LOCKED_MEDICATION).found


def test_a_page_footer_between_paragraphs_keeps_them_apart(tmp_path: Path) -> None:
    text = (
        "MEDICATIONS\n\nResidents keep all medication in their rooms.\n\n"
        "Page 4 of 20     Rev. 2014\n\n"
        "Locks for the bikes are sold at the hardware store.\n"
    )
    content = analyse(read_policy(tmp_path, text))
    assert not any("Page 4" in s.text for s in content.sentences)
    assert not _find(tmp_path, text, LOCKED_MEDICATION).found


def test_a_word_split_across_a_line_end_is_made_whole(tmp_path: Path) -> None:
    text = (
        "RECORDS\n\nEach resident's file is kept in the office cabi-\n"
        "net, and the office is locked at night. Nobody else has a key to the office or to the files.\n"
    )
    assert _find(tmp_path, text, FILES_IN_CABINET).found


def test_light_scanner_slips_are_read_as_the_words_meant(tmp_path: Path) -> None:
    """ "rnedication" (m read as rn) and "1ocked" style slips: a digit or "rn" where no word has one."""
    text = "THE OFFICE\n\nAll rnedication stays in the office, in a box that is a1ways kept locked.\n"
    assert _find(tmp_path, text, LOCKED_MEDICATION).found


def test_words_that_hold_rn_are_left_as_they_are(tmp_path: Path) -> None:
    text = "RETURNS\n\nReturn the form, learn the rules, and turn in your key; the bikes stay locked.\n"
    assert not _find(tmp_path, text, LOCKED_MEDICATION).found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("WHAT IT COSTS\n\n  Weekly house fee ............ $150, due Friday\n", True),
        ("WHAT IT COSTS\n\n  Weekly house fee ............ ask the office\n", False),
    ],
)
def test_a_forms_dot_leader_joins_a_charge_to_its_amount(tmp_path: Path, text: str, found: bool) -> None:
    assert _find(tmp_path, text, FEE_AMOUNT).found is found


# --- a group chat's shorthand, numbers said in words -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec", "found"),
    [
        ("house chat\n\nhm: if u see anything off pls tell ur manager right away\nsam: ok\n", TELL_MANAGER, True),
        ("house chat\n\nhm: quiet hours start at 10p, every night\nsam: ok\n", QUIET_HOURS, True),
        ("house chat\n\nhm: quiet hours are in room 10a of the handbook\nsam: ok\n", QUIET_HOURS, False),
    ],
)
def test_a_chats_shorthand_is_read_as_its_words(tmp_path: Path, text: str, spec: TopicSpec, found: bool) -> None:
    assert _find(tmp_path, text, spec).found is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("So the money. Rent's a hundred and seventy-five a week, due Friday, okay?\n", True),
        ("So the money. One of the guys collects the rent, you know, on Friday.\n", False),
    ],
)
def test_an_amount_said_in_words_is_an_amount(tmp_path: Path, text: str, found: bool) -> None:
    """ "..., okay?" asks for a nod: the sentence states the amount, it does not ask it."""
    assert _find(tmp_path, text, FEE_AMOUNT).found is found
