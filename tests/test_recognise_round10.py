"""How the recogniser reads wording no tuner had seen (the ninth round: a veterans' home's SOPs, a
rural family-run home's papers, a manual machine-translated from Spanish), by kinds of sentence
rather than by phrasings, so that what is learnt holds in any voice:

- a residence is the house and a resident lives in it; management is a function and a manager a
  person: the stemmer's merging of each pair no longer lets one stand for the other;
- a clause that is already negative ("Nobody drinks, not beer, not wine") lists what it rules out
  with ", not ...": it contrasts nothing ("a license, not a lease" still does);
- "All that's split ...", "Both of them ...": a quantifier before "that" or "them" refers back as
  "that" does;
- what residents are said not to do about money or decisions ("Residents do not pay the utilities",
  "residents do not vote on rules"), and what the house says it does not make, receive, ask or
  write, is denied as "the house does not provide" was; "till" makes it a condition, as
  "until" did ("you don't pay anything till you've signed");
- what the house says is the city's or the county's responsibility is theirs, not its rule;
- what a sentence leaves to the resident and someone of his own ("that's between you and your
  sponsor") and what says it is no rule ("..., not a rule we hold to") state no rule of the house;
- what a document is said not to describe, state or specify, it does not say; what residents "are
  not required to" give, or "are not given", is not theirs; "no signature from the resident is
  needed" denies the signature, though four words stand between "no" and "is needed".

Each case is a short passage as an operator writes it, saved as a Markdown file and read by the same
extraction as any evidence file, then judged against one topic, both ways. The cases marked "Failed
before" failed on the code before this round; the others held before and must hold.
"""

from __future__ import annotations

from pathlib import Path

from narr_audit.checks.recognise import Finding, TopicSpec, Vocabulary

from .topic_cases import find_in_text, spec_of

VOCABULARY = Vocabulary.build(
    {
        "resident": ["resident", "residents"],
        "residence": ["residence", "recovery residence"],
        "safety": ["safety", "safe"],
        "house_manager": ["house manager", "manager"],
        "meeting": ["weekly meeting", "house meeting"],
        "alcohol": ["alcohol", "beer", "wine", "liquor"],
        "forbidden": ["nobody drinks", "no drinking", "prohibit*", "not allowed"],
        "rent": ["rent"],
        "amount": ["$"],
        "household_costs": ["utilities", "lights", "water", "gas", "internet"],
        "share": ["split*", "share*", "pay", "pays", "chip in"],
        "everyone": ["everybody", "everyone", "residents"],
        "vote": ["vote*"],
        "rules": ["rules", "house rules"],
        "referral": ["referral*", "refer*"],
        "recovery_plan": ["recovery plan*", "plan*"],
        "written": ["write", "written", "writes"],
        "parking": ["parking"],
        "before_payment": ["before you pay", "pay anything till", "pay anything until", "before any payment"],
        "read_and_signed": ["read it", "signed it", "sign it"],
        "staff": ["staff"],
        "achievement": ["achievement*", "milestone*"],
        "sponsor": ["sponsor*"],
        "bathroom": ["bathroom*"],
        "six_residents": ["six residents", "6 residents"],
        "job_duties": ["what employees do", "duties", "responsibilities"],
        "contact_number": ["phone number*", "address*"],
        "chores": ["chore*"],
        "signature": ["signature", "sign*"],
        "emergency_contact": ["emergency contact*", "family"],
        "position": ["position*", "employee*", "job*"],
    }
)


def _spec(name: str, *ideas: str, substance: str | None = None) -> TopicSpec:
    return spec_of(VOCABULARY, name, *ideas, substance=substance)


def _find(tmp_path: Path, text: str, spec: TopicSpec) -> Finding:
    return find_in_text(VOCABULARY, tmp_path, text, spec)


RESIDENTS_SAFE = _spec("residents share responsibility for safety", "resident", "safety")
MANAGER_LEADS_MEETING = _spec("the house manager leads the weekly meeting", "house_manager", "meeting")
ALCOHOL_FORBIDDEN = _spec("alcohol forbidden", "alcohol", "forbidden")
RENT_AMOUNT = _spec("how much the rent is", "rent", "amount")
RESIDENTS_SHARE_COSTS = _spec("residents share household costs", "everyone", "share", "household_costs")
RESIDENTS_MAKE_RULES = _spec("residents vote on rules", "resident", "vote", "rules")
REFERRALS = _spec("referrals for residents", "referral", "resident")
PLAN_WRITTEN = _spec("a written recovery plan", "recovery_plan", "written")
PARKING_SAFETY = _spec("parking kept safe", "parking", "safety")
STAFF_ACHIEVEMENTS = _spec("staff achievements recognized", "staff", "achievement")
RESIDENTS_HAVE_SPONSORS = _spec("residents have sponsors", "resident", "sponsor")
ONE_BATHROOM_PER_SIX = _spec("one bathroom per six residents", "bathroom", "six_residents")
DISCLOSED_BEFORE_PAYMENT = _spec("disclosed before any payment", "before_payment", "read_and_signed")


# A residence is the house, not a resident: "each residence" names no resident. (Failed before: the
# stemmer read both as "resid".)
def test_a_residence_is_no_resident(tmp_path: Path) -> None:
    page = "## Safety\nEach residence gets a safety inspection from the fire marshal every spring.\n"
    assert not _find(tmp_path, page, RESIDENTS_SAFE).found


def test_residents_keeping_the_house_safe_is_met(tmp_path: Path) -> None:
    page = "## Safety\nEvery resident is responsible for keeping the house safe.\n"
    assert _find(tmp_path, page, RESIDENTS_SAFE).found


def test_a_recovery_residence_is_still_a_residence(tmp_path: Path) -> None:
    spec = _spec("safety of the residence", "residence", "safety")
    page = "## Our homes\nOur recovery residences are inspected for safety each year.\n"
    assert _find(tmp_path, page, spec).found


# Management is a function, a manager is a person: a class on money management names no manager.
# (Failed before.)
def test_money_management_names_no_manager(tmp_path: Path) -> None:
    page = "## Life skills\nOur weekly meeting on Tuesdays covers money management and budgeting.\n"
    assert not _find(tmp_path, page, MANAGER_LEADS_MEETING).found


def test_the_house_manager_leading_the_meeting_is_met(tmp_path: Path) -> None:
    page = "## Meetings\nThe house manager leads the weekly meeting every Sunday at 7.\n"
    assert _find(tmp_path, page, MANAGER_LEADS_MEETING).found


# "Nobody drinks, not beer, not wine": the clause is already negative, and what follows ", not" is what
# it rules out. (Failed before: "not beer" was read as "a license, not a lease", the beer denied.)
def test_a_negative_clause_lists_what_it_rules_out(tmp_path: Path) -> None:
    rules = "## A sober house\nNobody here drinks, not beer, not wine, not liquor, for as long as they live with us.\n"
    assert _find(tmp_path, rules, ALCOHOL_FORBIDDEN).found


def test_not_after_a_comma_still_contrasts_in_a_positive_clause(tmp_path: Path) -> None:
    sheet = "## What you pay\nThe $150 weekly charge is a program fee, not rent.\n"
    assert not _find(tmp_path, sheet, RENT_AMOUNT).found


# "All that's split between everybody": "all that" refers back as "that" does, and borrows what
# "that" is from the sentence before. (Failed before.)
def test_all_that_refers_back_to_the_sentence_before(tmp_path: Path) -> None:
    talk = (
        "Money. So it's a hundred and seventy-five a week, due Friday. That covers your bed, the lights, "
        "the water, the internet. All that's split between everybody in the house.\n"
    )
    assert _find(tmp_path, talk, RESIDENTS_SHARE_COSTS).found


def test_all_residents_is_no_reference_back(tmp_path: Path) -> None:
    page = (
        "## Bills\nThe owner pays the lights, the water and the internet.\n\n"
        "## Chores\nAll residents split the chores evenly.\n"
    )
    assert not _find(tmp_path, page, RESIDENTS_SHARE_COSTS).found


# What residents are said not to pay, or not to vote on, they do not. (Failed before: both passed.)
def test_residents_who_do_not_pay_the_utilities_share_no_costs(tmp_path: Path) -> None:
    page = "## Bills of the house\nThe residents do not pay the utilities; the owner covers them.\n"
    assert not _find(tmp_path, page, RESIDENTS_SHARE_COSTS).found


def test_residents_paying_toward_the_utilities_is_met(tmp_path: Path) -> None:
    page = "## Bills of the house\nResidents pay $20 a week each toward the utilities.\n"
    assert _find(tmp_path, page, RESIDENTS_SHARE_COSTS).found


def test_residents_who_do_not_vote_make_no_rules(tmp_path: Path) -> None:
    page = "## House rules\nThe owner decides all the house rules; residents do not vote on rules.\n"
    assert not _find(tmp_path, page, RESIDENTS_MAKE_RULES).found


def test_residents_voting_on_rules_is_met(tmp_path: Path) -> None:
    page = "## House rules\nResidents vote on new house rules at the Sunday meeting.\n"
    assert _find(tmp_path, page, RESIDENTS_MAKE_RULES).found


# "till" makes a condition, as "until" does: "you don't pay anything till you've signed" is a rule.
def test_not_paying_till_signed_is_a_condition(tmp_path: Path) -> None:
    page = "## Fees\nYou don't pay anything till you've read it and signed it.\n"
    assert _find(tmp_path, page, DISCLOSED_BEFORE_PAYMENT).found


# What the house says it does not make, receive, ask or write, it does not do.
# (Failed before: both passed.)
def test_the_house_that_makes_no_referrals_makes_none(tmp_path: Path) -> None:
    page = "## Services\nThe house does not make referrals for residents; they call the agencies themselves.\n"
    assert not _find(tmp_path, page, REFERRALS).found


def test_the_house_making_referrals_is_met(tmp_path: Path) -> None:
    page = "## Services\nThe house manager makes referrals to outside agencies for residents who ask.\n"
    assert _find(tmp_path, page, REFERRALS).found


def test_a_plan_the_house_does_not_write_is_not_written(tmp_path: Path) -> None:
    page = "## Recovery plans\nWe do not write recovery plans here; that is done by your outside counselor.\n"
    assert not _find(tmp_path, page, PLAN_WRITTEN).found


def test_a_plan_written_with_the_mentor_is_met(tmp_path: Path) -> None:
    page = "## Recovery plans\nEach resident writes a recovery plan with the peer mentor in the first week.\n"
    assert _find(tmp_path, page, PLAN_WRITTEN).found


# What is the city's responsibility is the city's, not the house's rule. (Failed before.)
def test_the_citys_responsibility_is_no_house_rule(tmp_path: Path) -> None:
    page = "## Parking\nThe safety of the parking is the responsibility of the city.\n"
    assert not _find(tmp_path, page, PARKING_SAFETY).found


def test_the_house_keeping_the_parking_safe_is_met(tmp_path: Path) -> None:
    page = "## Parking\nThe house manager keeps the parking safe and checks the lights every month.\n"
    assert _find(tmp_path, page, PARKING_SAFETY).found


# What is between the resident and someone of his own is his, not the house's. (Failed before.)
def test_a_matter_between_staff_and_their_sponsors_is_no_house_practice(tmp_path: Path) -> None:
    sop = "# SOP 4-2: Staff\nDevelopment and achievements of staff are between them and their own sponsors.\n"
    assert not _find(tmp_path, sop, STAFF_ACHIEVEMENTS).found


def test_staff_achievements_recognized_by_the_house_is_met(tmp_path: Path) -> None:
    sop = "# SOP 4-2: Staff\nThe director recognizes staff achievements at the monthly staff meeting.\n"
    assert _find(tmp_path, sop, STAFF_ACHIEVEMENTS).found


def test_a_fact_before_a_semicolon_stands_though_the_rest_is_private(tmp_path: Path) -> None:
    page = "## Sponsors\nMost of our residents have sponsors; whether you get one is between you and your program.\n"
    assert _find(tmp_path, page, RESIDENTS_HAVE_SPONSORS).found


def test_what_stays_between_you_and_your_counselor_is_a_confidence_kept(tmp_path: Path) -> None:
    spec = _spec("what residents tell staff is confidential", "resident", "staff")
    page = "## Privacy\nWhat residents tell staff stays between you and your counselor.\n"
    assert _find(tmp_path, page, spec).found


# A sentence that says it states no rule states none. (Failed before.)
def test_a_sentence_that_says_it_is_not_a_rule_states_none(tmp_path: Path) -> None:
    slide = (
        "Slide 12 - Bathrooms\n"
        "- Six residents per bathroom is what we usually see, but that's how the buildings worked out, "
        "not a rule we hold to.\n"
    )
    assert not _find(tmp_path, slide, ONE_BATHROOM_PER_SIX).found


def test_a_bathroom_ratio_stated_as_a_rule_is_met(tmp_path: Path) -> None:
    slide = "Slide 12 - Bathrooms\n- One bathroom for every six residents, at every house.\n"
    assert _find(tmp_path, slide, ONE_BATHROOM_PER_SIX).found


def test_a_rule_violation_is_still_about_a_rule(tmp_path: Path) -> None:
    page = "## Bathrooms\nMore than six residents per bathroom is not a rule violation we allow.\n"
    assert _find(tmp_path, page, ONE_BATHROOM_PER_SIX).found


# What a document is said not to describe it does not say. (Failed before: "does not describe what
# employees do" passed the duties of each position.)
def test_a_list_that_does_not_describe_the_work_states_no_duties(tmp_path: Path) -> None:
    spec = _spec("duties of each position", "job_duties", "position")
    page = "## Staff positions\nThe list names each position and its hours. It does not describe what employees do.\n"
    assert not _find(tmp_path, page, spec).found


def test_a_list_that_describes_the_duties_is_met(tmp_path: Path) -> None:
    spec = _spec("duties of each position", "job_duties", "position")
    page = "## Staff positions\nThe list describes the duties of each position, from house manager to night staff.\n"
    assert _find(tmp_path, page, spec).found


# What residents "are not required to" give is not asked of them. (Failed before.)
CONTACT_DETAILS = _spec("contact details of the emergency contact", "contact_number", "emergency_contact")


def test_details_residents_are_not_required_to_give_are_not_asked(tmp_path: Path) -> None:
    form = (
        "## Emergency contact\nResidents are not required to give phone numbers or addresses for family on this form.\n"
    )
    assert not _find(tmp_path, form, CONTACT_DETAILS).found


def test_details_residents_are_required_to_give_are_asked(tmp_path: Path) -> None:
    form = "## Emergency contact\nResidents are required to give the phone number and address of one family member.\n"
    assert _find(tmp_path, form, CONTACT_DETAILS).found


# What residents "are not given" is not theirs. (Failed before.)
RESIDENTS_DO_CHORES = _spec("residents share the chores", "resident", "chores")


def test_chores_residents_are_not_given_are_not_theirs(tmp_path: Path) -> None:
    page = "## Housekeeping\nA cleaning service comes twice a week. Residents are not given chores.\n"
    assert not _find(tmp_path, page, RESIDENTS_DO_CHORES).found


def test_chores_residents_are_given_are_theirs(tmp_path: Path) -> None:
    page = "## Housekeeping\nResidents are given one chore each week from the chart on the fridge.\n"
    assert _find(tmp_path, page, RESIDENTS_DO_CHORES).found


# "No signature from the resident is needed": the signature is denied, though four words stand
# between "no" and "is needed". (Failed before.)
RESIDENT_SIGNS = _spec("the resident signs", "resident", "signature")


def test_no_signature_needed_is_no_signature(tmp_path: Path) -> None:
    form = "## Orientation checklist\nNo signature from the resident is needed.\n"
    assert not _find(tmp_path, form, RESIDENT_SIGNS).found


def test_a_signature_from_the_resident_is_met(tmp_path: Path) -> None:
    form = "## Orientation checklist\nThe resident signs at the bottom when every line is checked.\n"
    assert _find(tmp_path, form, RESIDENT_SIGNS).found
