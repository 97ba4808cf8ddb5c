"""Topics met in the words operators use for them, life-safety ones above all (the shipped vocabulary,
read by the recogniser alone, as in tests/test_disowned_sections.py): a grievance taken a step up
when the resident disagrees, an orientation sheet gone through with a resident, safety said to be on
all the residents ("Safety in this house is on all of us"), safety named as what a concern is about
("Safety concerns are raised with the house leader"), the searches' record named by its own name
("... in the Search Log"), a lone question with its answer ("Smoke detectors? One in every bedroom"),
the resident's sign-off however the form and its signer are named ("The
Occupant signs and dates ...", "she signs at the bottom"), a resident's consent to testing in plain
words ("I give my permission for staff to collect ..."), when tests happen said of the tests alone
("Tests happen at move-in, after every overnight pass"), and a search said of what is searched ("a
resident's room or belongings may be searched"). Each case failed before the vocabulary named
them. The passages were written for this test, not taken from the corpus.
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
CONSENT = ("2.F.16.c", "Resident consent to drug screening (form)")
TESTING = ("2.F.16.c", "Drug screening and toxicology policy and procedure")
INSPECTION = ("2.F.17.c", "Safety inspection policy (detectors, extinguishers, inspection schedule)")
POSTED = ("2.F.19.a", "Emergency procedures sheet as posted (numbers, overdose response, evacuation)")


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
            ORIENTATION,
            "resident sign-off",
            "Emergency orientation. Before an Occupant's first night, the house manager walks the Occupant through "
            "the exits, the meeting point and the naloxone. The Occupant signs and dates the orientation checklist, "
            "which is kept in the Occupant's file.\n",
            id="the-occupant-signs-and-dates",
        ),
        pytest.param(
            ORIENTATION,
            "resident sign-off",
            "On day one I go through the emergency orientation sheet with each new woman: exits, the meeting spot, "
            "the naloxone box. Each line gets a tick, she signs at the bottom, and the sheet goes in her file.\n",
            id="she-signs-at-the-bottom",
        ),
        pytest.param(
            CONSENT,
            "consent",
            "## Form T-1: Agreement to Testing\n\nI give my permission for staff to collect observed urine samples, "
            "oral swabs and breath samples from me while I live here.\n\nResident signature ______ Date ______\n",
            id="i-give-my-permission",
        ),
        pytest.param(
            CONSENT,
            "consent",
            "On your first day you sign the yellow card saying you're okay with being drug tested while you live "
            "here: random cups, and a test whenever the house has a real worry.\n",
            id="okay-with-being-drug-tested",
        ),
        pytest.param(
            TESTING,
            "when tests happen",
            "Screening at Juniper House. We test with an instant urine cup and a breathalyzer. Tests happen at "
            "move-in, after every overnight pass, and at random.\n",
            id="tests-happen-at-move-in",
        ),
        pytest.param(
            SEARCHES,
            "search procedure",
            "2. A resident's room or belongings may be searched on reasonable suspicion or at random, with the "
            "resident present where possible.\n",
            id="belongings-may-be-searched",
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
        pytest.param(  # a text message names the channel in its own shorthand
            SAFETY,
            "how concerns are raised",
            "[Mon 7:00 PM] HouseBot: Reminder from the handbook: everyone at Alder is responsible for keeping this "
            "house safe.\n[Mon 7:01 PM] HouseBot: If u see someone using or a safety hazard, text me or the house "
            "lead any hour.\n",
            id="text-the-house-lead",
        ),
        pytest.param(  # "owns" one's own safety is taking responsibility for it
            SAFETY,
            "resident responsibility",
            "## Your part\n\nEach resident owns their own safety and the safety of the house.\n",
            id="owns-their-own-safety",
        ),
        pytest.param(  # a concern brought to the meeting
            SAFETY,
            "how concerns are raised",
            "## Brother's keeper\n\nEvery resident is responsible for keeping the home safe and brings any safety "
            "concern to the Sunday house meeting.\n",
            id="brings-a-concern-to-the-meeting",
        ),
        pytest.param(  # the house named between the denied subject and its verb
            ("2.F.16.a", "Alcohol- and drug-free policy (policy and procedure manual)"),
            "alcohol",
            "Article III, Section 1. Sobriety. No member of Juniper Ridge House shall use, possess, or seek out "
            "alcohol or any illegal drug, whether on the property or away from it.\n",
            id="no-member-of-the-house-shall",
        ),
        pytest.param(  # "against house policy" forbids
            ("2.F.16.a", "Alcohol- and drug-free policy (policy and procedure manual)"),
            "use is forbidden",
            "Q: Can I have a drink on my weekend pass?\nA: No. Drinking alcohol, using illegal drugs, or trying to "
            "get either is against house policy wherever it happens.\n",
            id="against-house-policy",
        ),
        pytest.param(  # a lowercase "no." ends its sentence ("No." before a number does not: "Form No. 5")
            ("2.F.16.a", "Alcohol- and drug-free policy (policy and procedure manual)"),
            "alcohol",
            "Q: A resident asks whether she can have a glass of wine at a wedding. What do I tell her?\n\nA: Tell "
            "her no. House policy forbids residents from drinking alcohol or using illicit drugs anywhere.\n",
            id="tell-her-no-then-the-rule",
        ),
        pytest.param(  # a smoke-free property is the rule for where to smoke
            ("2.F.18.a", "Smoking and vaping policy (house rules)"),
            "designated area or smoke-free property",
            "## Smoking\n\nNo cigarettes, cigars or vapes anywhere: the whole property is smoke-free, yard and "
            "driveway included.\n",
            id="the-whole-property-is-smoke-free",
        ),
        pytest.param(  # everyone who lives here, not the word "resident"
            SAFETY,
            "resident responsibility",
            "## We look out for each other\n\nEveryone who lives at Harbor House is responsible for keeping this "
            "home safe, for themselves and for the people they live with.\n",
            id="everyone-who-lives-here-is-responsible",
        ),
        pytest.param(  # a list of what may not be kept, named by its heading
            SEARCHES,
            "list of prohibited items",
            "## Stuff that can't be in the house\n\n- booze, or anything you could drink to get buzzed (mouthwash "
            "with alcohol, vanilla extract)\n- pipes, scales, baggies, rolling papers\n",
            id="stuff-that-cannot-be-in-the-house",
        ),
        pytest.param(  # a list's "Alcohol: none"
            ("2.F.16.a", "Alcohol- and drug-free policy (policy and procedure manual)"),
            "illicit drugs",
            "### Living alcohol- and drug-free\nWhat we ask of every resident, every day:\n- Illicit drugs: none at "
            "all, and no asking around, buying or arranging to get them.\n",
            id="illicit-drugs-none-at-all",
        ),
        pytest.param(  # a form's fields, a line each, are read together
            ("2.F.19.b", "Intake form with an emergency contact section"),
            "contact details",
            "OCCUPANT MOVE-IN FORM - Section 5: Emergency Contact\n(Required for every Occupant.)\nPerson to call "
            "in an emergency: ______________\nRelationship to Occupant: ______________\nPhone (primary): "
            "______________  Phone (alternate): ______________\n",
            id="a-forms-fields-line-by-line",
        ),
        pytest.param(  # a lone short question frames the answer after it; a run of them left open does not
            INSPECTION,
            "smoke detectors",
            "## Detectors\n\nSmoke detectors? One in every bedroom and hall, tested by the house manager on the first "
            "of each month.\n",
            id="a-question-and-its-answer",
        ),
        pytest.param(  # ... and one answered "True" states it
            INSPECTION,
            "smoke detectors",
            "**Orientation quiz: fire safety**\n\n1. True or False: There is a smoke detector in every bedroom, "
            "tested on the first of each month.\n   Answer: True. False alarms are written in the log.\n",
            id="a-true-or-false-item-answered-true",
        ),
        pytest.param(  # "would" under a condition is the procedure; without one it is only imagined
            POSTED,
            "overdose response",
            "EMERGENCY SHEET (posted by the front door)\nIf someone overdoses, staff would call 911, give naloxone "
            "from the red box in the kitchen, and stay with the person until help arrives.\n",
            id="would-under-a-condition",
        ),
    ],
)
def test_a_topic_in_the_operators_words(rule: tuple[str, str], topic: str, text: str, tmp_path: Path) -> None:
    missing, reason = _missing(rule, text, tmp_path)
    assert topic not in missing, reason


# Wording that must not meet the topic: what the house looked at and never copied, an orientation nobody
# gives, a sign-off nobody makes, a consent to something else, a draft, a run of questions nobody answered,
# what there "would be".
@pytest.mark.parametrize(
    ("rule", "topic", "text"),
    [
        pytest.param(  # another house's procedure, then "We looked at copying it and never did."
            SEARCHES,
            "who searches and how it is recorded",
            "## Searches at Cedar Street\n\nTheir house manager searches a room only with a reason, with a second "
            "person present. Every search goes in their search log: date, who searched, why, and what was found. We "
            "looked at copying it and never did.\n",
            id="a-search-procedure-looked-at-and-never-copied",
        ),
        pytest.param(  # "sits down with" is an orientation's doing, so "nobody" must take it back
            ORIENTATION,
            "orientation",
            "## Your first day\n\nOn move-in day nobody sits down with you for an orientation. We don't walk you "
            "through emergencies, and there's no checklist to sign.\n",
            id="an-orientation-nobody-gives",
        ),
        pytest.param(  # "no" before the signer takes the signing back, as "no one walks the exits" does
            ("2.F.16.a", "Resident agreement or house rules stating the alcohol- and drug-free rule"),
            "resident agrees",
            "## House rules\n\nDishes are done by ten. Alcohol and drugs are not allowed in the house. No resident "
            "signs and dates this sheet, and no signed copy is kept.\n",
            id="no-resident-signs",
        ),
        pytest.param(  # a release names consent and the next sentence toxicology: no consent to testing
            CONSENT,
            "consent",
            "**AUTHORIZATION TO DISCLOSE RESIDENCY STATUS**\n\nI consent to the Operator disclosing my dates of "
            "residence to the person named below. This authorization does not extend to any clinical or toxicology "
            "information.\n\nResident signature: ______\n",
            id="a-consent-to-something-else",
        ),
        pytest.param(  # a bracketed caption "[..., not yet approved]" disowns what it shows
            CONSENT,
            "consent",
            "## Slide 15: The Form Residents Might Sign Someday\n"
            '[Screenshot: "Consent to Drug and Alcohol Screening", not yet approved]\n'
            '> "I give my permission for breath and urine testing for alcohol and drugs while I live here."\n'
            "> Resident signature ______ Date ______\n",
            id="a-draft-not-yet-approved-in-brackets",
        ),
        pytest.param(  # a run of questions nobody answered: what to settle, not a rule
            INSPECTION,
            "smoke detectors",
            "Safety checks: what should our policy say? Nobody has decided.\n"
            "- Smoke detector in every bedroom and hall? Tested each month? New batteries every fall?\n"
            "- Extinguisher in the kitchen, in plain view? Gauge checked monthly?\n",
            id="a-run-of-open-questions",
        ),
        pytest.param(  # a quiz's true-or-false item answered "False" states no rule
            INSPECTION,
            "smoke detectors",
            "**Orientation quiz: fire safety**\n\n1. True or False: There is a smoke detector in every bedroom, "
            "tested on the first of each month.\n   Answer: False. There is one old unit in the hall, and nobody "
            "tests it.\n",
            id="a-true-or-false-item-answered-false",
        ),
        pytest.param(  # what there would be, with no condition for it: a plan or a house imagined
            INSPECTION,
            "smoke detectors",
            "## The fire marshal's conditions\n\nThere would be a smoke detector in every bedroom and hall, "
            "tested by the house manager on the first of each month.\n",
            id="what-there-would-be",
        ),
    ],
)
def test_wording_that_does_not_state_the_topic(rule: tuple[str, str], topic: str, text: str, tmp_path: Path) -> None:
    missing, reason = _missing(rule, text, tmp_path)
    assert topic in missing, reason
