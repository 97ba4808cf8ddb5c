"""How the recogniser reads questions and answers, talk written down, and long lease clauses.

Each case is a short passage as an operator writes it (an FAQ or an e-mail reply, a peer mentor's
transcribed talk, a lease-style agreement), saved as a Markdown file and read by the same extraction
as any evidence file, then judged against one topic. Every mechanism is shown both ways: the wording
that meets the topic, and the near-miss that must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.checks.recognise import Finding, TopicSpec, Vocabulary, analyse

from .topic_cases import find_in_text, read_policy, spec_of

VOCABULARY = Vocabulary.build(
    {
        "_amount": ["dollar*", "percent"],
        "_time": ["day", "days", "week", "weeks", "month", "monthly", "weekly", "sunday", "hours"],
        "_role": ["house manager", "manager", "director", "staff"],
        "_deferral": ["discretion"],
        "_promise": ["working on", "will be developed", "to be designated"],
        "_contact": ["phone number*"],
        "verify": ["verif*"],
        "credential": ["certificat*", "licen*"],
        "alarm": ["alarm*", "smoke detector*"],
        "battery": ["batter*"],
        "swap": ["swap*", "replac*", "change*"],
        "place": ["bedroom*", "hallway*", "each floor", "kitchen"],
        "check": ["check*", "test*", "inspect*"],
        "frequency": ["monthly", "every month", "weekly", "each week"],
        "extinguisher": ["extinguisher*"],
        "guest": ["guest*", "visitor*", "family"],
        "overnight": ["overnight", "stay the night", "sleep over"],
        "allowed": ["allowed", "with the manager's ok", "may", "permitted"],
        "staff": ["staff", "staff member*", "house manager", "employee*"],
        "join": ["join*", "take part", "come along"],
        "outing": ["outing*", "movie night", "trip*"],
        "romance": ["date", "dating", "romantic"],
        "barred": ["bars", "forbid*", "not allowed", "prohibit*", "no"],
        "substances": ["alcohol", "drug*", "drinking", "using"],
        "forbidden": ["not fine", "not allowed", "forbid*", "no"],
        "attendance": ["attend*", "have to go", "required"],
        "resident_right": ["resident may", "resident can", "right to"],
        "affiliate": ["affiliate", "state association"],
        "stay": ["remain", "stay"],
        "obligations": ["pay the program fee", "observe the house rules", "pay * fee"],
        "lend_or_sell": ["buy from", "sell to", "lend money"],
        "smoking": ["smok*", "vap*"],
        "designated": ["designated", "smoking area"],
        "inspects": ["inspect*", "walk through", "walks through"],
        "training": ["training", "course*"],
        "ongoing": ["ongoing", "continuing", "every year", "annual*"],
    }
)


def _spec(name: str, *ideas: str, substance: str | None = None) -> TopicSpec:
    return spec_of(VOCABULARY, name, *ideas, substance=substance)


def _find(tmp_path: Path, text: str, spec: TopicSpec) -> Finding:
    return find_in_text(VOCABULARY, tmp_path, text, spec)


BATTERY_SWAP = _spec("a chirping alarm gets a new battery", "alarm", "swap")
OVERNIGHT_GUESTS = _spec("overnight guests", "guest", "overnight", "allowed")
STAFF_JOIN_OUTINGS = _spec("staff take part in outings", "staff", "join", "outing")
NO_DATING_STAFF = _spec("no dating staff", "romance", "staff", "barred")
ALARMS_PLACED = _spec("smoke alarms placed", "alarm", "place")
ALARMS_CHECKED = _spec("alarms checked monthly", "check", "alarm", "frequency")
EXTINGUISHERS_CHECKED = _spec("extinguishers checked", "extinguisher", "check")
NO_ALCOHOL = _spec("alcohol and drugs forbidden", "substances", "forbidden")
ATTENDANCE = _spec("attendance required", "attendance", "outing")
AFFILIATE_RIGHT = _spec("right to go to the affiliate", "resident_right", "affiliate")
STAY_TIED = _spec("stay tied to obligations", "stay", "obligations")
NO_DEALINGS = _spec("no buying or selling with residents", "staff", "lend_or_sell")
DESIGNATED_AREA = _spec("designated smoking area", "smoking", "designated")
WHO_INSPECTS = _spec("who inspects the property", "inspects", substance="role")
ONGOING_TRAINING = _spec("ongoing training", "training", "ongoing")
CREDENTIALS_VERIFIED = _spec("credentials verified", "verify", "credential")


# --- a question frames its answer --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        (
            "Q: What if my smoke alarm chirps? A: Tell the house manager that day; she swaps the battery "
            "and writes it down.",
            BATTERY_SWAP,
        ),
        ("**Q: What if my smoke alarm chirps?**\n\nA: Tell the house manager that day; she swaps the battery.",
         BATTERY_SWAP),
        ("**Can my family stay overnight?**\n\nOnly on Saturdays, with the manager's OK.", OVERNIGHT_GUESTS),
        ("## Can my family stay overnight?\n\nOnly on Saturdays, with the manager's OK.", OVERNIGHT_GUESTS),
        (
            "Thanks for writing, and welcome. You asked: can my family stay overnight?\n\n"
            "Only on Saturdays, with the manager's OK.",
            OVERNIGHT_GUESTS,
        ),
        ("Q: Can I date a staff member?\nA: No. The code bars it, from your first day to your last.",
         NO_DATING_STAFF),
        ("**Q: My family lives out of town. Can they sleep over?**\n\nA: Yes, on Saturdays, with the manager's OK.",
         OVERNIGHT_GUESTS),
    ],
    ids=["q-and-a-on-one-line", "bold-q-then-answer", "bold-question", "question-heading",
         "question-ends-the-paragraph", "refusal-is-the-rule", "question-of-two-sentences"],
)  # fmt: skip
def test_the_answer_is_read_with_the_question_it_answers(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert _find(tmp_path, text, spec).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("## Chores\n\nTell the house manager that day; she swaps the battery and writes it down.", BATTERY_SWAP),
        ("**Q: Do staff join the outings?**\n\nA: No. Staff are off duty by 5; residents plan their own trips.",
         STAFF_JOIN_OUTINGS),
        ("**Q: Do I have to go to the outings?**\n\nA: They're optional. Come when you like.", ATTENDANCE),
        ("**Q: Do staff join the outings?**", STAFF_JOIN_OUTINGS),
    ],
    ids=["no-question-no-frame", "practice-answered-no", "answered-optional", "a-question-alone"],
)  # fmt: skip
def test_a_question_answered_no_or_left_alone_states_nothing(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    """A question asks; what it asks about is met only by an answer that says it is done."""
    assert not _find(tmp_path, text, spec).found


def test_a_question_does_not_meet_a_topic_its_answer_does_not(tmp_path: Path) -> None:
    asked = "**Q: Do staff join the outings?**\n\nA: Ask at the office; it depends on the week."
    finding = _find(tmp_path, asked, STAFF_JOIN_OUTINGS)
    assert not finding.found


def test_an_answer_that_promises_the_rule_for_later_defers_what_follows_it(tmp_path: Path) -> None:
    promised = (
        "**Q: Does anyone inspect the house?**\n\n"
        "A: The office is working on a checklist. Until then, tell the house manager about drips."
    )
    finding = _find(tmp_path, promised, WHO_INSPECTS)
    assert not finding.found and finding.deferred
    stated = "**Q: Does anyone inspect the house?**\n\nA: Yes. Each month the house manager walks through every room."
    assert _find(tmp_path, stated, WHO_INSPECTS).found


# --- talk written down: a subject named on its own, a question without its mark, "they" -------------


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("The alarms. There's one in every bedroom and one in each hallway.", ALARMS_PLACED),
        ("So, the alarms. Yeah. You'll find one in every bedroom.", ALARMS_PLACED),
        ("Okay, rent's due Friday. Now, the alarms. One in every bedroom, one on each floor.", ALARMS_PLACED),
        (
            "Now when do we check all this. The first Sunday of every month. The assistant manager pushes the "
            "test button on every alarm.",
            ALARMS_CHECKED,
        ),
        ("Extinguishers are in the kitchen and by the back door. They're checked every month.",
         EXTINGUISHERS_CHECKED),
        ("What's not fine is drinking or using.", NO_ALCOHOL),
    ],
    ids=["the-alarms", "so-the-alarms", "subject-mid-paragraph", "spoken-question-and-short-answer",
         "they-refers-back", "not-a-question"],
)  # fmt: skip
def test_a_talk_names_its_subject_then_states_the_rule(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert _find(tmp_path, text, spec).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        (
            "Now, the smoke alarms. They beep at night sometimes. We fixed the porch last week. The rent went up "
            "in June. The new guy sleeps in the back bedroom.",
            ALARMS_PLACED,
        ),
        ("Check every receipt. The new guy sleeps in the back bedroom.", ALARMS_PLACED),
        ("Two years! He sleeps in the back bedroom now.", ALARMS_PLACED),
        ("Extinguishers are in the kitchen. The stove is checked every month.", EXTINGUISHERS_CHECKED),
    ],
    ids=["subject-out-of-reach", "an-order-is-no-subject", "an-exclamation-is-no-subject",
         "no-pronoun-no-borrowing"],
)  # fmt: skip
def test_a_subject_said_in_passing_does_not_frame_the_whole_talk(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert not _find(tmp_path, text, spec).found


# --- long lease clauses: the ideas a topic needs together are in one clause --------------------------


def test_a_residents_right_is_not_met_by_the_operators_duty_in_another_clause(tmp_path: Path) -> None:
    duty = (
        "Section 14.2 Grievances. The Operator shall notify the state affiliate of every grievance it receives "
        "within five (5) business days and shall keep a copy of each notice in the grievance file; the Resident "
        "may appeal any decision of the House Manager to the Program Director in writing within ten (10) days."
    )
    assert not _find(tmp_path, duty, AFFILIATE_RIGHT).found
    right = (
        "Section 14.2 Grievances. The Resident may appeal any decision of the House Manager to the Program "
        "Director in writing within ten (10) days and shall receive a written answer within seven (7) days; "
        "provided, however, that the Resident may at any time take the grievance to the state affiliate."
    )
    assert _find(tmp_path, right, AFFILIATE_RIGHT).found


def test_a_short_sentence_is_still_read_whole(tmp_path: Path) -> None:
    """Only a long sentence is read clause by clause; "A, and B" in a plain rule keeps both ideas."""
    assert _find(tmp_path, "The Resident may contact the affiliate; the office has its number.", AFFILIATE_RIGHT).found


def test_a_proviso_is_read_with_the_clause_it_qualifies(tmp_path: Path) -> None:
    term = (
        "2.3 Term. The Operator sets no program length, phase schedule or graduation date, and the Resident "
        "may remain at the House for as long as he or she wishes; provided, however, that the Resident "
        "continues to pay the Program Fee when due and to observe the House Rules in Article IV."
    )
    assert _find(tmp_path, term, STAY_TIED).found


def test_the_items_of_a_long_prohibition_are_read_with_its_opening(tmp_path: Path) -> None:
    dealings = (
        "3.7 Financial Dealings. No employee or volunteer of the Operator shall (a) lend money to, or accept "
        "money from, any current Resident, however small the amount and whether or not repaid; (b) buy from "
        "or sell to any Resident any vehicle, phone, furniture or other property of any kind; or (c) otherwise "
        "become involved in a Resident's personal finances."
    )
    assert _find(tmp_path, dealings, NO_DEALINGS).found


def test_a_smoking_area_to_be_designated_later_is_not_designated(tmp_path: Path) -> None:
    later = (
        "Section 9.8 Tobacco. No Resident or guest shall smoke or vape inside the residence at any time. "
        "Residents who wish to smoke outdoors shall do so at a location to be designated by House Staff."
    )
    assert not _find(tmp_path, later, DESIGNATED_AREA).found


# --- practices said not to be done ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("No further training shall be required following orientation, and ongoing duties are listed above.",
         ONGOING_TRAINING),
        ("The house doesn't require annual training or keep track of it.", ONGOING_TRAINING),
        ("The alarms are in each hallway, but nobody checks them monthly.", ALARMS_CHECKED),
    ],
    ids=["no-x-shall-be-required", "house-does-not-require", "nobody-checks"],
)  # fmt: skip
def test_a_practice_said_not_to_be_done_is_not_met(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert not _find(tmp_path, text, spec).found


def test_a_rule_said_of_nobody_is_still_a_rule(tmp_path: Path) -> None:
    """ "Nobody smokes inside" is a house rule, not a practice left undone."""
    assert _find(tmp_path, "Nobody smokes inside; the smoking area is the back patio.", DESIGNATED_AREA).found
    assert _find(tmp_path, "The house manager checks the alarms in each hallway monthly.", ALARMS_CHECKED).found


# --- where one sentence ends and the next begins ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Now your meds. If a doctor prescribed it, take it as written.", 2),
        ("No. Staff are off duty by 5.", 2),
        ("The insured is Cedar Hollow Homes LLC. How long is it good for?", 2),
        ("House mgr. Dana checks the log weekly.", 1),
        ("Ask for Room No. 4 at the desk.", 1),
    ],
    ids=["meds", "a-bare-no", "llc", "mgr-is-shortened", "number-is-shortened"],
)
def test_a_shortened_word_that_is_also_a_word_ends_its_sentence(tmp_path: Path, text: str, sentences: int) -> None:
    assert len(analyse(read_policy(tmp_path, text)).sentences) == sentences


def test_each_message_of_a_chat_stands_on_its_own(tmp_path: Path) -> None:
    """A staff chat pasted into the binder: one message's words do not complete another's."""
    unrelated = (
        "hm: verify the 9p count against the board before you lock up\n"
        "hm: certificates from the job readiness class go on the wall\n"
    )
    assert not _find(tmp_path, unrelated, CREDENTIALS_VERIFIED).found
    one_message = "hm: i verify every new hire's certificate with the state board before the first shift\n"
    assert _find(tmp_path, one_message, CREDENTIALS_VERIFIED).found
