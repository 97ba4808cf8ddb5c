"""How the recogniser reads the tenth round's wording (a collegiate house's papers, a women's house's
handbook, a corrective action plan), by kinds of sentence rather than by phrasings, so that what is
learnt holds in any voice:

- a response that only promises ("we will look into a separate login", "we are considering whether
  any privacy laws apply", "the reviewer's suggestion has been noted", "the chair plans to propose a
  schedule", "once the requirements are finalized", "was discussed but the residents did not agree",
  "our filing has not yet been submitted") states no rule; a vision's hope ("someday we hope every
  person in recovery ...") and a rule's "look into any complaint within 48 hours" still do;
- a sentence saying whom its section is for ("This section is for the house coordinator and the
  board", "This rule binds every employee", "Who this covers - every staffer") frames what the section
  says to its reader, its "you" and its bare commands, before it or after; a section for residents
  lends no "resident" to its commands ("These rules are for all residents. Don't stream videos ...");
- a test of something else ("a free flu test kit") is no drug test, "the staff emergency leave
  procedure" is no emergency procedure, and what is named for its look ("smoke-detector-shaped dust
  bunnies", "any prohibited-looking item") names no detector and no prohibited item;
- a finding that names what was missing without a verb ("No written statement on residents' shared
  role in safety.", "Resident files missing a testing consent.") says it is not there; "No smoking
  in the house" is still a rule, and "Residents missing a house meeting owe a chore" a deed;
- what management says it does not assign or rotate, and what residents are said not to cook, are
  denied as "the house does not provide" was; what "the county library staff also run" is theirs.

Each case is a short passage as an operator writes it, saved as a Markdown file and read by the same
extraction as any evidence file, then judged against one topic. The cases marked "Failed before"
failed on the code before this round; the others held before and must hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.checks.recognise import TopicSpec, Vocabulary

from .topic_cases import find_in_text, spec_of

VOCABULARY = Vocabulary.build(
    {
        "electronic_records": ["laptop", "electronic records", "computer"],
        "protected": ["login", "password*"],
        "privacy_law": ["privacy law*", "law*"],
        "apply": ["apply", "applies"],
        "data": ["data", "numbers"],
        "improvement": ["improv*"],
        "alarms": ["alarms", "smoke alarm*"],
        "schedule": ["schedule", "monthly", "weekly"],
        "position": ["coordinator opening", "position", "job opening"],
        "duties": ["duties", "responsibilities"],
        "smoking": ["smoking"],
        "area": ["area", "porch", "house"],
        "complaint": ["complaint*", "grievance*"],
        "answer": ["answer*", "respond*"],
        "recovery": ["recovery"],
        "home": ["home", "place to live"],
        "resident": ["resident", "residents"],
        "reapply": ["reapply"],
        "staff": ["staff", "staffer", "employee", "house coordinator", "coordinator"],
        "lending": ["lend*", "loan*", "borrow*"],
        "video": ["video*", "photo*"],
        "community_resource": ["community resource*"],
        "inform": ["inform*"],
        "test": ["test*", "drug test*"],
        "occasion": ["at random", "this week", "each week", "weekly"],
        "emergency": ["emergency", "emergencies"],
        "procedure": ["procedure*"],
        "safety": ["safety", "safe"],
        "consent": ["consent"],
        "house_meeting": ["house meeting"],
        "consequence": ["chore", "fine"],
        "state_filing": ["secretary of state"],
        "registration": ["filing", "registered", "registration"],
        "chores": ["duties", "task*", "chore*"],
        "rotation": ["assign*", "rotat*"],
        "cooking": ["cook*", "prepare* meals"],
        "classes": ["class*", "course*"],
        "smoke_detector": ["smoke detector*", "smoke alarm*"],
        "checked": ["check*", "test*", "vacuum*"],
        "prohibited_item": ["prohibited item*", "banned item*"],
        "removed": ["thrown out", "removed", "confiscated"],
    }
)


def _spec(name: str, *ideas: str) -> TopicSpec:
    return spec_of(VOCABULARY, name, *ideas)


ELECTRONIC_PROTECTED = _spec("electronic records protected", "electronic_records", "protected")
APPLICABLE_LAW = _spec("applicable law", "privacy_law", "apply")
DATA_FOR_IMPROVEMENT = _spec("data used for improvement", "data", "improvement")
ALARM_SCHEDULE = _spec("an inspection schedule for the alarms", "alarms", "schedule")
POSITION_DUTIES = _spec("the position and its duties", "position", "duties")
SMOKING_AREA = _spec("a designated smoking area", "smoking", "area")
COMPLAINTS_ANSWERED = _spec("complaints are answered", "complaint", "answer")
VISION = _spec("a vision of recovery homes", "recovery", "home")
REAPPLY = _spec("a resident may reapply", "resident", "reapply")
STAFF_DO_NOT_LEND = _spec("staff do not lend to residents", "staff", "lending")
IDENTIFYING_RESIDENTS = _spec("identifying residents", "resident", "video")
RESOURCES_INFORMED = _spec("residents are informed of community resources", "community_resource", "inform")
WHEN_TESTED = _spec("when tests happen", "test", "occasion")
EMERGENCY_PROCEDURES = _spec("emergency procedures", "emergency", "procedure")
RESIDENTS_SAFETY = _spec("residents share responsibility for safety", "resident", "safety")
TESTING_CONSENT = _spec("consent to testing", "consent", "test")
MISSED_MEETING = _spec("missing a meeting has a consequence", "house_meeting", "consequence")
STATE_REGISTRATION = _spec("state registration", "state_filing", "registration")
CHORE_ROTATION = _spec("chores assigned or rotated", "chores", "rotation")
RESIDENTS_COOK = _spec("residents prepare food", "resident", "cooking")
STAFF_TEACH = _spec("staff teach classes", "staff", "classes")
DETECTORS_CHECKED = _spec("smoke detectors checked", "smoke_detector", "checked")
PROHIBITED_REMOVED = _spec("prohibited items are removed", "prohibited_item", "removed")

CASES: list[tuple[str, str, TopicSpec, bool]] = [
    # (id, passage, topic, found?)
    # --- a response that only promises states no rule ---------------------------------------------
    (  # Failed before
        "we-will-look-into-a-separate-login",
        "## Electronic records\nThe house laptop is shared by the managers; we will look into a separate login.\n",
        ELECTRONIC_PROTECTED,
        False,
    ),
    (  # Failed before
        "we-are-considering-whether-laws-apply",
        "## Response\nWe are considering whether any privacy laws apply to us.\n",
        APPLICABLE_LAW,
        False,
    ),
    (  # Failed before
        "the-suggestion-has-been-noted",
        "## Response\nThe reviewer's suggestion about improving the program based on the data has been noted.\n",
        DATA_FOR_IMPROVEMENT,
        False,
    ),
    (  # Failed before
        "the-chair-plans-to-propose-a-schedule",
        "## Fire safety\nThe facilities chair plans to propose a schedule for checking the alarms in the spring.\n",
        ALARM_SCHEDULE,
        False,
    ),
    (  # Failed before
        "once-the-requirements-are-finalized",
        "## Minutes\nThe board will post the coordinator opening and its duties once the requirements are finalized.\n",
        POSITION_DUTIES,
        False,
    ),
    (  # Failed before
        "in-the-future-we-hope-to",
        "## Data\nIn the future we hope to use the numbers to improve the program.\n",
        DATA_FOR_IMPROVEMENT,
        False,
    ),
    (  # Failed before
        "discussed-but-not-agreed",
        "## Response\nDesignating a smoking area was discussed but the residents did not agree on a location.\n",
        SMOKING_AREA,
        False,
    ),
    (  # Failed before
        "the-filing-has-not-yet-been-submitted",
        "## Registration\nOur filing with the Secretary of State has not yet been submitted.\n",
        STATE_REGISTRATION,
        False,
    ),
    (
        "staff-look-into-any-complaint-within-48-hours",
        "## Grievances\nStaff will look into any complaint within 48 hours and answer it in writing.\n",
        COMPLAINTS_ANSWERED,
        True,
    ),
    (
        "a-vision-hopes-for-everyone",
        "## Our vision\nSomeday we hope every person in recovery has a safe home among peers.\n",
        VISION,
        True,
    ),
    (
        "a-resident-may-reapply-in-the-future",
        "## Leaving\nA resident who leaves may reapply in the future.\n",
        REAPPLY,
        True,
    ),
    # --- whom a section is for: its "you" and its commands are theirs ------------------------------
    (  # Failed before
        "this-section-is-for-the-coordinator",
        "## Money and members\n\nThis section is for the house coordinator and the board.\n\n"
        "- You don't lend money to members and you don't borrow from them.\n",
        STAFF_DO_NOT_LEND,
        True,
    ),
    (  # Failed before
        "who-this-covers-after-the-commands",
        "Slide 14 - Money and residents: hands off\n- Don't loan residents money.\n"
        "- Who this covers - every staffer and the owners themselves\n",
        STAFF_DO_NOT_LEND,
        True,
    ),
    (  # Failed before
        "this-rule-binds-every-employee",
        "MONEY AND RESIDENTS\n\nThis rule binds every employee and volunteer and both owners.\n\n"
        "Do not loan money to a resident, not even five dollars.\n",
        STAFF_DO_NOT_LEND,
        True,
    ),
    (
        "rules-for-residents-lend-no-resident",
        "## Social media\n\nThese rules are for all residents and officers.\n\n"
        "- Don't stream videos on the house wifi all night.\n",
        IDENTIFYING_RESIDENTS,
        False,
    ),
    (
        "this-house-is-no-addressee",
        "## Letting the house know\n\nThis house is a community resource, not a hotel.\n\n"
        "When you'll be gone overnight, inform the secretary.\n",
        RESOURCES_INFORMED,
        False,
    ),
    (
        "a-scope-in-another-section",
        "## Staff\n\nThis section is for all staff.\n\n## Money\n\nYou don't lend money to anyone.\n",
        STAFF_DO_NOT_LEND,
        False,
    ),
    # --- a word in another sense -------------------------------------------------------------------
    (  # Failed before
        "a-flu-test-kit",
        "## Finals week wellness\nGrab a free flu test kit at the health center this week.\n",
        WHEN_TESTED,
        False,
    ),
    (  # Failed before
        "the-emergency-leave-procedure",
        "## Onboarding\nNew employees sign a checklist covering payroll and the staff emergency leave procedure.\n",
        EMERGENCY_PROCEDURES,
        False,
    ),
    (  # Failed before
        "smoke-detector-shaped-dust",
        "## Weekly cleaning\nLiving room: vacuum under the couch where the smoke-detector-shaped dust bunnies live.\n",
        DETECTORS_CHECKED,
        False,
    ),
    (  # Failed before
        "a-prohibited-looking-item",
        "## Response\nAny prohibited-looking item is simply thrown out.\n",
        PROHIBITED_REMOVED,
        False,
    ),
    (
        "the-smoke-detectors-are-checked",
        "## Fire safety\nThe house manager checks the smoke detectors on the first of each month.\n",
        DETECTORS_CHECKED,
        True,
    ),
    (
        "a-prohibited-item-is-removed",
        "## Searches\nAny prohibited item found in a search is removed and logged.\n",
        PROHIBITED_REMOVED,
        True,
    ),
    (
        "a-drug-test-at-random",
        "## Testing\nResidents take a drug test at random each week.\n",
        WHEN_TESTED,
        True,
    ),
    # --- a finding names what was missing without a verb -------------------------------------------
    (  # Failed before
        "no-written-statement-on",
        "## Finding 3.7\nNo written statement on residents' shared role in safety.\n",
        RESIDENTS_SAFETY,
        False,
    ),
    (  # Failed before
        "files-missing-a-testing-consent",
        "## Finding 3.5\nResident files missing a testing consent.\n",
        TESTING_CONSENT,
        False,
    ),
    (
        "no-smoking-in-the-house",
        "## Smoking\nNo smoking in the house or on the porch.\n",
        SMOKING_AREA,
        True,
    ),
    (
        "residents-missing-a-meeting-owe-a-chore",
        "## House meetings\nResidents missing a house meeting owe an extra chore.\n",
        MISSED_MEETING,
        True,
    ),
    # --- what management says it does not do -------------------------------------------------------
    (  # Failed before
        "management-does-not-assign-or-rotate",
        "## Response\nWho does which task is sorted out among the residents; management does not assign or rotate"
        " them.\n",
        CHORE_ROTATION,
        False,
    ),
    (  # Failed before
        "residents-do-not-cook-here",
        "## Notes\nResidents don't cook at this house; the kitchen is staff-only for insurance reasons.\n",
        RESIDENTS_COOK,
        False,
    ),
    (
        "residents-cook-in-turn",
        "## Meals\nResidents cook dinner in turn, two a night.\n",
        RESIDENTS_COOK,
        True,
    ),
    (  # Failed before
        "the-county-library-staff-also-run-classes",
        "## Computer help\nThe county library staff also run free computer classes on Saturdays.\n",
        STAFF_TEACH,
        False,
    ),
    (
        "house-staff-run-classes",
        "## Life skills\nHouse staff run a budgeting class every Tuesday.\n",
        STAFF_TEACH,
        True,
    ),
    (
        "the-manager-rotates-chores",
        "## Chores\nThe house manager rotates chores every Sunday.\n",
        CHORE_ROTATION,
        True,
    ),
]


@pytest.mark.parametrize(("passage", "topic", "found"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_promise_an_addressee_another_sense_and_a_finding_are_read_as_a_reviewer_reads_them(
    tmp_path: Path, passage: str, topic: TopicSpec, found: bool
) -> None:
    assert find_in_text(VOCABULARY, tmp_path, passage, topic).found is found
