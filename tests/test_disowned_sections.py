"""A section that says it is not in effect states no rule (checks.recognise, Analysis.disowned).

Operators keep old rules, proposals and inspectors' suggestions in their binders: "House Rule 9
(withdrawn)", a table "proposed in 2019 and rejected by the Board", a list followed by "We have not
adopted these suggestions". A reviewer reads the rule and then the line that takes it back. Each case
below is a passage that states a life-safety rule, and the same passage with a title tag or a closing
sentence that disowns it; the first must meet every topic, the second none, and the report must say
the closest place does not state the rule. The recogniser decides it, without the second reader, so
the case holds whatever model is shipped. What a disowning sentence takes back is what comes before it
in its section: a rule stated after "Rule 7 was withdrawn in 2021." still counts, and "whenever it is
not in use" is a condition, not a disowning. Only a section's opening sentence saying that what follows
is not in effect ("Proposed for next year's lease; not in effect.") takes back what comes after it; a
status field ("Status: Draft", "Status:" over "Not adopted") takes back its whole section.

The passages were written for this test, not taken from the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus" / "topics"))

from topic_corpus import document_check, judged

from narr_audit.checks.document import DocumentCheck
from narr_audit.standards.loader import load_rulebook

BOOK = load_rulebook()

SMOKING = ("2.F.18.a", "Smoking and vaping policy (house rules)")
SCREENING = ("2.F.16.c", "Drug screening and toxicology policy and procedure")
ORIENTATION = ("2.F.19.c", "Orientation checklist covering emergency procedures, signed by the resident")

SMOKING_RULE = (
    "Smoking and vaping are not allowed anywhere inside the house. Residents who smoke may do so only at "
    "the bench by the back fence."
)
SCREENING_RULE = (
    "Every resident gives a urine sample in an observed cup at move-in and at random twice a month. A "
    "positive or refused test is reviewed with the house manager the same day and may lead to discharge."
)
ORIENTATION_RULE = (
    "On move-in day the house manager walks each new resident through the emergency exits, the meeting "
    "spot, the fire plan and where the naloxone is kept, and the resident signs the orientation checklist."
)

CHECKS_LIST = (
    "in the first week of each month, to: (1) test the smoke detector in each bedroom and hall; (2) test the "
    "carbon monoxide detector by the gas furnace; (3) check that the fire extinguisher in the kitchen hangs in "
    "plain view with its gauge in the green; and (4) sign and date the check on the log in the office binder.\n"
)

MEDICATION = ("2.F.16.d", "Medication use and storage policy")
MEDICATION_RULE = (
    "Every resident's medication, prescription or over-the-counter, is kept in his own locked box in the office. "
    "Residents take medication only as directed and never share, sell or trade it."
)

SAFETY_CHECKS = ("2.F.17.c", "Safety inspection policy (detectors, extinguishers, inspection schedule)")

SAFETY_CHECKS_RULE = (
    "On the first day of each month the house manager tests every smoke detector and carbon monoxide detector "
    "and checks that the fire extinguishers are charged."
)

EMERGENCY = ("2.F.19.a", "Emergency procedures sheet as posted (numbers, overdose response, evacuation)")

EMERGENCY_RULE = (
    "In an emergency, call 911 first and then the house manager at 555-0142. If someone may be overdosing, give "
    "naloxone from the kit on the kitchen wall and stay with them until help arrives. If the alarm sounds, leave "
    "by the nearest exit and meet at the mailbox across the street.\n"
)

CONTACTS = ("2.F.19.b", "Intake form with an emergency contact section")

CONTACTS_FORM = (
    "## Emergency contact\n\nOn the move-in form, each resident gives the name, relationship and phone number of "
    "a person we may call in an emergency. The form is kept in the locked office file.\n"
)

AGREEMENT = ("2.F.16.a", "Resident agreement or house rules stating the alcohol- and drug-free rule")

CONSENT = ("2.F.16.c", "Resident consent to drug screening (form)")

AGREEMENT_RULE = (
    "I agree not to use, possess or seek alcohol or illicit drugs, on or off the property, while I live at "
    "Birchwood House."
)

CONSENT_FORM = (
    "## Consent to testing\n\nI agree to give a urine or breath sample for drug and alcohol testing whenever the "
    "house manager asks, at random or on suspicion. Resident signature and date.\n"
)

# (rule and document, the live passage, the same passage disowned)
REGISTER = "| Policy | Status | Text |\n|---|---|---|\n"  # a policy register: its rows' status says which are in effect
REGISTER_OWNED = "| Policy | Owner | Policy status | Wording |\n|---|---|---|---|\n"

CASES = [
    # A record's status field: on a line of its own, label and value split ("Status:" then "Draft"), before
    # or after the rule; a document control line
    pytest.param(
        SCREENING,
        f"Form: Policy record\nStatus: Published\nField: Policy text\n{SCREENING_RULE}\n",
        f"Form: Policy record\nStatus: Not adopted (manager reply 2025-11-04)\nField: Policy text\n{SCREENING_RULE}\n",
        id="status-field-not-adopted",
    ),
    pytest.param(  # an inspection app's record: the check failed, the rule is not in place
        MEDICATION,
        f"Form: House check - Medications\nStatus: Passed\n{MEDICATION_RULE}\n",
        f"Form: House check - Medications\nStatus: Failed - not in place\n{MEDICATION_RULE}\n",
        id="status-failed-not-in-place",
    ),
    # An assessment's verdict on what it quotes: a self-assessment or a consultant's crosswalk row quoting
    # another paper's rule as what it found, and saying the house does not meet it
    pytest.param(
        SCREENING,
        f"Row DS-01. Source: house rules, page 2.\nExcerpt: {SCREENING_RULE}\nStatus: Met\n",
        f"Row DS-01. Source: the county court's participant handbook, page 2.\nExcerpt: {SCREENING_RULE}\n"
        "Status: Not Met\n",
        id="crosswalk-row-not-met",
    ),
    pytest.param(
        MEDICATION,
        f"| Source | Excerpt | Status |\n|---|---|---|\n| House manual p. 4 | {MEDICATION_RULE} | Met |\n",
        f"| Source | Excerpt | Status |\n|---|---|---|\n| Detox unit discharge sheet | {MEDICATION_RULE} | Not met |\n",
        id="self-assessment-table-not-met",
    ),
    pytest.param(
        MEDICATION,
        f"## Medication\n\n{MEDICATION_RULE}\n\nStatus: Approved by the board, March 2026.\n",
        f"## Medication\n\n{MEDICATION_RULE}\n\nStatus: Draft, for the board's March meeting.\n",
        id="status-draft-after-the-rule",
    ),
    pytest.param(
        ORIENTATION,
        f"Document status: Published\n\n{ORIENTATION_RULE}\n",
        f"Document status: Reference only (another operator's checklist)\n\n{ORIENTATION_RULE}\n",
        id="document-status-reference-only",
    ),
    pytest.param(
        SMOKING, f"## Smoking\n\n{SMOKING_RULE}\n", f"## Smoking (withdrawn)\n\n{SMOKING_RULE}\n", id="title-withdrawn"
    ),
    pytest.param(
        SMOKING,
        f"Policy 6.03: Smoking\nAdopted by the Board, March 7, 2023\n1. {SMOKING_RULE}\n",
        f"Policy 6.03: Smoking (rescinded)\nAdopted by the Board, March 7, 2023\n1. {SMOKING_RULE}\n",
        id="title-line-rescinded",
    ),
    pytest.param(
        SMOKING,
        f"## House Rule 9 - Smoking\n\n{SMOKING_RULE}\n",
        f"## House Rule 9 - Smoking\n\n{SMOKING_RULE} Rule 9 was withdrawn in 2023 and nothing has replaced it.\n",
        id="closing-withdrawn",
    ),
    pytest.param(
        SCREENING,
        f"## Drug testing\n\n{SCREENING_RULE}\n",
        f"## Drug testing\n\n{SCREENING_RULE}\n\n"
        "This schedule was proposed by the reviewer and rejected by the board.\n",
        id="closing-rejected",
    ),
    pytest.param(
        SCREENING,
        f"## Drug testing\n\n{SCREENING_RULE}\n",
        f"## Drug testing (suggestions only, not house rules)\n\n{SCREENING_RULE}\n",
        id="title-suggestions-only",
    ),
    pytest.param(
        SCREENING,
        f"## Drug testing\n\n{SCREENING_RULE}\n",
        f"## Drug testing (questions for Tuesday's meeting)\n\n{SCREENING_RULE}\n",
        id="title-questions-for-a-meeting",
    ),
    pytest.param(
        SCREENING,
        f"## Drug testing\n\n{SCREENING_RULE}\n",
        f"## Drug testing\n\n{SCREENING_RULE} That is what the county suggested. Right now we don't test at all.\n",
        id="closing-we-dont-test-at-all",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} For the owner to consider.\n",
        id="closing-for-the-owner-to-consider",
    ),
    pytest.param(
        ORIENTATION,
        f"## Your first day\n\n{ORIENTATION_RULE}\n",
        f"## Your first day\n\n{ORIENTATION_RULE}\n\nWe have not adopted these suggestions yet.\n",
        id="closing-not-adopted",
    ),
    pytest.param(
        ORIENTATION,
        f"## Your first day\n\n{ORIENTATION_RULE}\n",
        f"## Your first day\n\n{ORIENTATION_RULE} That setup ended when the house was sold, and none of it "
        "applies today.\n",
        id="closing-none-applies",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nProposed for next year's lease; not in effect.\n\n{SMOKING_RULE}\n",
        id="opening-not-in-effect",
    ),
    pytest.param(
        SCREENING,
        f"## The reviewer's notes\n\n- {SCREENING_RULE}\n",
        f"## The reviewer's notes\n\nThe house has not adopted any of these.\n\n- {SCREENING_RULE}\n",
        id="opening-not-adopted",
    ),
    pytest.param(
        SCREENING,
        f"## Drug testing\n\n{SCREENING_RULE}\n",
        f"## Drug testing\n\n{SCREENING_RULE} That is the probation office's testing, not ours.\n",
        id="closing-someone-elses",
    ),
    pytest.param(
        ORIENTATION,
        f"## Your first day\n\n{ORIENTATION_RULE}\n",
        f"## Your first day\n\n{ORIENTATION_RULE} The board thanked her and adopted none of these suggestions.\n",
        id="closing-adopted-none",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} No motion was made and no policy was adopted.\n",
        id="closing-no-motion",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Maybe someday: smoking\n\n{SMOKING_RULE}\n",
        id="title-maybe-someday",
    ),
    pytest.param(
        SMOKING,
        f"Smoking at Larkspur House\n{SMOKING_RULE}\n",
        f"Smoking at Larkspur House: questions for Thursday's house meeting.\n{SMOKING_RULE}\n",
        id="title-line-questions-for-a-meeting",
    ),
    pytest.param(
        SCREENING,
        f"drug testing\n\n{SCREENING_RULE}\n",
        f"drug testing\n\n{SCREENING_RULE} we havent changed anything yet\n",
        id="closing-typed-without-an-apostrophe",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} Nothing has been decided.\n",
        id="closing-nothing-decided",
    ),
    pytest.param(
        SMOKING,
        "Questions for the owner\n\nShould residents who smoke use only the bench by the back fence, and should "
        "smoking "
        "and vaping be banned anywhere inside the house?\nYes: that is the rule, since 2021.\n",
        "Questions for the owner\n\nShould residents who smoke use only the bench by the back fence, and should "
        "smoking "
        "and vaping be banned anywhere inside the house?\n",
        id="a-question-not-answered-yes",
    ),
    pytest.param(
        ("2.F.19.b", "Intake form with an emergency contact section"),
        "## Move-in sheet\n\nQ: Who do we call for you in an emergency?\nA: The person you name on this sheet: their "
        "name, how you know them, and a phone number.\n",
        "## Move-in sheet\n\nQ: Why did the peer coach bring up emergency contacts?\nA: She suggested a line on this "
        "sheet for a person to call, with a name and a phone number. We have not voted on her idea. The red folder "
        "by the phone is just takeout menus.\n",
        id="an-idea-lent-only-by-a-disowned-question",
    ),
    pytest.param(
        SMOKING,
        f"Weekly meeting, 3/4\nMotion: {SMOKING_RULE}\nVote: 6-1. Carried; added to the house rules.\n",
        f"Weekly meeting, 3/4\nMotion: {SMOKING_RULE}\nVote: 2-5. Motion fails; nothing added to the house rules.\n",
        id="a-motion-that-failed",
    ),
    pytest.param(
        ("2.F.17.c", "Safety inspection policy (detectors, extinguishers, inspection schedule)"),
        f"Safety checks\nEffective 1 July, the house manager is required, {CHECKS_LIST}",
        f"Safety checks\nEffective 1 July, the house manager is no longer required, {CHECKS_LIST}",
        id="a-list-under-a-disowned-lead-in",
    ),
    # Written for this test after the twenty-seventh round of the blind corpus (a radio interview):
    # another house's rule, a proposal that never got written in, a house with no rule about it.
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} Here at Juniper there's no rule about it at all.\n",
        id="no-rule-about-it",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} It came up at a house meeting, but it never got written into the house rules.\n",
        id="never-written-into-the-rules",
    ),
    pytest.param(
        SMOKING,
        "## Smoking\n\nThe rule is: smoking and vaping are not allowed anywhere inside the house, and residents who "
        "smoke may do so only at the bench by the back fence.\n",
        "## Smoking\n\nAt the house I managed before this one, the rule was: smoking and vaping were not allowed "
        "anywhere inside the house, and residents who smoked did so only at the bench by the back fence.\n",
        id="the-house-managed-before",
    ),
    pytest.param(
        SMOKING,
        "## Smoking\n\nThe house rule: no smoking or vaping anywhere inside the house, and smokers use only the bench "
        "by the back fence.\n",
        "## Smoking\n\nSomebody pitched a house rule: no smoking or vaping anywhere inside the house, and smokers use "
        "only the bench by the back fence.\n",
        id="somebody-pitched",
    ),
    # A life-safety rule stated and then said not to be written down is no rule of the house: "... There's
    # no med policy behind it." The absence takes back the topics whose words (or heading) it names, or
    # every topic when it names no paper at all ("There is no policy", "nothing on paper"), in its section,
    # on life-safety rules only. Written for this test at stop 25 after the tuned part's minimal pairs.
    pytest.param(
        MEDICATION,
        f"## Medication\n\n{MEDICATION_RULE}\n",
        f"## Medication\n\n{MEDICATION_RULE} That is what most of us do, but there's no med policy behind it.\n",
        id="no-med-policy-behind-it",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\n{ORIENTATION_RULE} That is the plan we talk about; the house has nothing on paper yet.\n",
        id="nothing-on-paper",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} Everyone just knows it; we don't have a smoking rule in the binder.\n",
        id="no-smoking-rule-in-the-binder",
    ),
    # Written for this test at stop 25 after the twenty-eighth round's tuned part (a court liaison's
    # reports): the document or the house said to hold no such thing.
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} The house rules handed to the reviewer contain no such rule.\n",
        id="contains-no-such-clause",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\nThe detox unit's discharge sheet reads: {ORIENTATION_RULE} Maple Court House has no "
        "orientation checklist of its own.\n",
        id="no-checklist-of-its-own",
    ),
    pytest.param(
        SCREENING,
        f"## Drug screening\n\n{SCREENING_RULE}\n",
        f"## Drug screening\n\nA draft from the probation office reads: {SCREENING_RULE} The owner has not adopted "
        "the draft, and the manual does not include it.\n",
        id="draft-not-adopted-manual-does-not-include-it",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        "## Smoking\n\nWhether the house rules say that smoking and vaping are not allowed anywhere inside, and that "
        "residents who smoke may do so only at the bench by the back fence, is still unknown; the manager has not "
        "sent the rules.\n",
        id="whether-still-unknown",
    ),
    # what the section quoted, or told of once, and then says the house has none of
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nAt the print shop where two of us work, the rule is posted by the time clock: {SMOKING_RULE} "
        "At the house? Nothing like that.\n",
        id="nothing-like-that-here",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\nAt the shelter I came from, {ORIENTATION_RULE[0].lower()}{ORIENTATION_RULE[1:]} Nobody here "
        "has ever signed anything like it.\n",
        id="never-signed-anything-like-it",
    ),
    pytest.param(
        SCREENING,
        f"## Testing\n\n{SCREENING_RULE}\n",
        f"## Testing\n\nThe county program next door writes: {SCREENING_RULE} None of it is at Elm Row; we never "
        "had our own.\n",
        id="none-of-it-here",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        "## Smoking\n\nWe hope the owner will say that smoking and vaping are not allowed inside, with a bench by the "
        "back fence for those who smoke. For now there's nothing written down about smoking at all.\n",
        id="nothing-written-about-it",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe manager says the rules by the door read: {SMOKING_RULE} But the sheet could not be found, "
        "and nobody could produce a copy.\n",
        id="could-not-be-found",
    ),
    pytest.param(
        MEDICATION,
        f"## Medication\n\n{MEDICATION_RULE}\n",
        f"## Medication\n\nThe staff handbook's page reads: {MEDICATION_RULE.replace('resident', 'employee')} "
        "Residents are not covered by that page.\n",
        id="residents-not-covered-by-that-page",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking at the annex\n\n{SMOKING_RULE} This is the draft for the annex, which opens next year; it "
        "doesn't apply to the main house.\n",
        id="does-not-apply-to-the-main-house",
    ),
    pytest.param(
        SCREENING,
        f"## Testing\n\n{SCREENING_RULE}\n",
        f"## Testing at Hollis Street\n\n{SCREENING_RULE} For comparison only.\n",
        id="for-comparison-only",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Before move-in\n\nAt the detox center, {ORIENTATION_RULE[0].lower()}{ORIENTATION_RULE[1:]} Elm Row House "
        "does not repeat this walk-through.\n",
        id="the-house-does-not-repeat-it",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\nThe packet describes it: {ORIENTATION_RULE} Nobody's signed it since the spring.\n",
        id="nobody-has-signed-it-since",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking at the job site\n\nYou will hear this at work, but that's not our rule. {SMOKING_RULE}\n",
        id="not-our-rule-ahead",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        "## Move-in\n\nThe packet covers the house rules and the rent. Emergency exits, the fire plan and the naloxone "
        "are not part of orientation; not addressed in current policy.\n",
        id="not-part-of-orientation",
    ),
    # what is only supposed: a paper that "would read", a page wished for, a draft "if the board approves"
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f'## Smoking\n\nWe hope to go smoke-free next year. The house rules would then read: "{SMOKING_RULE}"\n',
        id="would-then-read",
    ),
    pytest.param(
        SCREENING,
        f"## Testing\n\n{SCREENING_RULE}\n",
        f'## Testing\n\nHere is the page I wish were in our binder: "{SCREENING_RULE}"\n',
        id="a-page-wished-for",
    ),
    pytest.param(
        SCREENING,
        f"## Testing\n\n{SCREENING_RULE}\n",
        f"## Testing\n\n{SCREENING_RULE} Honestly, that's not something that happens here.\n",
        id="not-something-that-happens-here",
    ),
    # a title line saying whom the section is not for, or that it was voted down
    pytest.param(
        MEDICATION,
        f"## Medication\n\n{MEDICATION_RULE}\n",
        "Meds policy (P&P section 9, for us, not the residents):\n\n"
        f"{MEDICATION_RULE.replace('resident', 'staff member')}\n",
        id="title-not-the-residents",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"From the draft handbook, p. 9 (residents voted it down last fall and the owner never added it):\n\n"
        f"{SMOKING_RULE}\n",
        id="title-voted-down-never-added",
    ),
    pytest.param(
        SCREENING,
        f"## Testing\n\n{SCREENING_RULE}\n",
        f"## Testing\n\nThe probation office's packet says: {SCREENING_RULE} Copies stay with the officer; we "
        "never see them.\n",
        id="we-never-see-them",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        "## Handbook section 5, Smoking\n\nWe don't have it; residents get nothing like it at move-in. "
        f"{SMOKING_RULE}\n",
        id="we-do-not-have-it-ahead",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\nAnother operator's checklist reads: {ORIENTATION_RULE} Our residents haven't signed anything "
        "like it.\n",
        id="have-not-signed-anything-like-it",
    ),
    pytest.param(
        SCREENING,
        f"## Testing\n\n{SCREENING_RULE}\n",
        f"## Testing\n\nA neighbor handed up a page that reads: {SCREENING_RULE} That isn't ours; someone typed our "
        "name onto it.\n",
        id="that-is-not-ours",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe old handbook said: {SMOKING_RULE} The new owners took it out in the 2023 rewrite.\n",
        id="took-it-out",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\n{ORIENTATION_RULE} We stopped doing the walk-through in 2020 and never started it again.\n",
        id="stopped-doing-it",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nIf I ever open my own house, this is going to be page 6 of my handbook: {SMOKING_RULE}\n",
        id="if-i-ever",
    ),
    pytest.param(
        SCREENING,
        f"## Testing\n\n{SCREENING_RULE}\n",
        f"## Testing\n\nAt Harbor Light, a different house: {SCREENING_RULE} That's their setup, not something we "
        "have.\n",
        id="that-is-their-setup",
    ),
    pytest.param(
        MEDICATION,
        f"## Medication\n\n{MEDICATION_RULE}\n",
        f"## Medication\n\nA resident told the forum: {MEDICATION_RULE} No, he is mixing us up with the Elm Street "
        "house.\n",
        id="mixing-us-up-with-another-house",
    ),
    pytest.param(
        SMOKING,
        f"Standing Rule 22. Smoking and Vaping. {SMOKING_RULE}\n",
        f"Standing Rule 22. Smoking and Vaping, VOID. {SMOKING_RULE}\n",
        id="a-rule-marked-void",
    ),
    pytest.param(
        SCREENING,
        f"## Standing Rule 12. Drug testing (adopted 8-0)\n\n{SCREENING_RULE}\n",
        f"## Standing Rule 12. Drug testing (suspended 6-1, May 2023)\n\n{SCREENING_RULE}\n",
        id="title-suspended",
    ),
    pytest.param(
        SMOKING,
        f"## Quiz: Smoking (answers from our house rules)\n\n{SMOKING_RULE}\n",
        f"## Quiz: Smoking (another home's, for ideas; we have not written a smoking rule yet)\n\n{SMOKING_RULE}\n",
        id="title-for-ideas-not-written",
    ),
    pytest.param(  # a text message thread: the next message takes the reminder back
        ORIENTATION,
        f"[Mon 9:00 AM] HouseBot: {ORIENTATION_RULE}\n[Mon 9:05 AM] Manager Dana: Thanks all.\n",
        f"[Mon 9:00 AM] HouseBot: {ORIENTATION_RULE}\n[Mon 9:05 AM] Manager Dana: Ignore that, it's an old "
        "scheduled message.\n",
        id="ignore-that",
    ),
    pytest.param(
        SCREENING,
        f"Fwd from the affiliate: {SCREENING_RULE}\nManager: Agreed, that is how we do it.\n",
        f"Fwd from the affiliate: {SCREENING_RULE}\nManager: Not doing that, we're switching insurers anyway.\n",
        id="not-doing-that",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\nOur handbook says: {ORIENTATION_RULE}\n",
        f"## Move-in\n\nThe affiliate's general guidance says: {ORIENTATION_RULE} It's not something we've adopted "
        "here.\n",
        id="not-something-we-have-adopted",
    ),
    # closing sentences that say what the section told is not in place (stop 29)
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} None of this is in place yet.\n",
        id="none-of-this-is-in-place-yet",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} The house has none of this.\n",
        id="the-house-has-none-of-this",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\n{ORIENTATION_RULE} Nothing here has been moved or voted on.\n",
        id="nothing-here-has-been-voted-on",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe town's model rule: {SMOKING_RULE} Nothing is posted yet; we will answer the town in May.\n",
        id="nothing-is-posted-yet",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} It was never posted.\n",
        id="it-was-never-posted",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nOld rule 4: {SMOKING_RULE} The council has never voted to bring this one back.\n",
        id="never-voted-to-bring-it-back",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\n{ORIENTATION_RULE} The form sits in a drawer and nobody has ever signed one.\n",
        id="nobody-has-ever-signed-one",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} The signs came down when the porch was painted and have not been put back.\n",
        id="not-been-put-back",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nOpen item for the board: {SCREENING_RULE} No answers have been agreed, and section 6 is "
        "still blank.\n",
        id="section-still-blank",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nOur sister house says: {SMOKING_RULE} For now there is no written rule of this kind here.\n",
        id="no-rule-of-this-kind",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nAt the county program: {SCREENING_RULE} Our house doesn't have a policy like that.\n",
        id="does-not-have-a-policy-like-that",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} That sheet got tossed when the owners changed.\n",
        id="the-sheet-got-tossed",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} The owners cut that page when they redid the packet.\n",
        id="the-owners-cut-that-page",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe old binder said: {SMOKING_RULE} The board scrapped all of this last spring.\n",
        id="scrapped-all-of-this",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nThe affiliate's sample: {SCREENING_RULE} We don't have any of that here.\n",
        id="we-do-not-have-any-of-that",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\nFinding 4. The template reads: {ORIENTATION_RULE} Nothing at this house follows it; "
        "not addressed.\n",
        id="finding-not-addressed",
    ),
    pytest.param(  # what is absent is named: the orientation checklist
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\nThe affiliate suggests this: {ORIENTATION_RULE} No orientation checklist is in use at "
        "the house.\n",
        id="no-checklist-is-in-use",
    ),
    pytest.param(  # a bold title that is no heading, its tag holding a semicolon: read as one sentence
        SMOKING,
        f"**Smoking**\n\n{SMOKING_RULE}\n",
        f"**Pine Street House: Smoking** (another home's, for ideas; Pine Street has none)\n\n{SMOKING_RULE}\n",
        id="bold-title-tag-with-a-semicolon",
    ),
    pytest.param(
        SCREENING,
        f"Testing:\n{SCREENING_RULE}\n",
        f"Testing (P&P sect. 5 *removed* in Jan; Gail will redo it):\n{SCREENING_RULE}\n",
        id="lead-in-tag-removed-in-january",
    ),
    pytest.param(
        SMOKING,
        f"Smoking:\n{SMOKING_RULE}\n",
        f"Smoking (sample from the webinar; the owner hasn't adopted any smoking rule yet):\n{SMOKING_RULE}\n",
        id="lead-in-tag-has-not-adopted",
    ),
    pytest.param(
        SMOKING,
        f"Smoking:\n{SMOKING_RULE}\n",
        f"Smoking at Larkspur (sister house; the owner wants the same here someday):\n{SMOKING_RULE}\n",
        id="lead-in-tag-sister-house",
    ),
    pytest.param(
        SMOKING,
        f"Question 9. Your smoking rule?\nOperator response: {SMOKING_RULE}\n",
        f"Question 9. Your smoking rule?\nOperator response: Not made yet. {SMOKING_RULE}\n",
        id="answer-not-made-yet",
    ),
    pytest.param(
        SMOKING,
        f"Smoking rule, as posted:\n{SMOKING_RULE}\n",
        f"Smoking rule, from the affiliate's sample poster; we haven't filled it in or put it up:\n{SMOKING_RULE}\n",
        id="have-not-filled-it-in-or-put-it-up",
    ),
    pytest.param(
        ORIENTATION,
        f"## Move-in\n\n{ORIENTATION_RULE}\n",
        f"## Move-in\n\nOn my first evening the manager said: {ORIENTATION_RULE} It's been six weeks and it never "
        "happened.\n",
        id="it-never-happened",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nI suggested this: {SMOKING_RULE} The owner said no, nothing gets posted here.\n",
        id="nothing-gets-posted",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nA resident told us: {SMOKING_RULE} Which was nice, but it's not in the house rules.\n",
        id="but-its-not-in-the-house-rules",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\n{SMOKING_RULE} We bought a frame for it but never made the sign.\n",
        id="never-made-the-sign",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nAt the Fulton duplex: {SCREENING_RULE} That's them, not us.\n",
        id="thats-them-not-us",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nI'd like us to adopt this: {SCREENING_RULE} Right now there isn't one.\n",
        id="right-now-there-isnt-one",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\n{SCREENING_RULE} That's not our agreement.\n",
        id="thats-not-our-document",
    ),
    # Stop 30: a status said in a closing sentence, a reply or an aside (the thirty-fifth round's forms, in new words)
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nWhat I'd like us to agree on: {SCREENING_RULE} Draft only; none of this is in effect.\n",
        id="none-of-this-is-in-effect",
    ),
    pytest.param(
        MEDICATION,
        f"## Medicine\n\n{MEDICATION_RULE}\n",
        f"## Medicine\n\nThe rule I brought to the owners: {MEDICATION_RULE} They voted it down.\n",
        id="voted-it-down",
    ),
    pytest.param(
        MEDICATION,
        f"## Medicine\n\n{MEDICATION_RULE}\n",
        f"## Medicine\n\nThe motion read: {MEDICATION_RULE} It never passed.\n",
        id="it-never-passed",
    ),
    pytest.param(
        SAFETY_CHECKS,
        f"## Safety checks\n\n{SAFETY_CHECKS_RULE}\n",
        f"## Safety checks\n\n{SAFETY_CHECKS_RULE} We never made it a habit.\n",
        id="never-made-it-a-habit",
    ),
    pytest.param(
        EMERGENCY,
        f"## Emergencies\n\n{EMERGENCY_RULE}",
        f"## Emergencies\n\nThe sheet we mean to print: {EMERGENCY_RULE.strip()} Nothing's been put up yet.\n",
        id="nothings-been-put-up-yet",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe old owners' binder said: {SMOKING_RULE} That binder left with them when they sold.\n",
        id="binder-left-with-them",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nAt our first house on Pine Street: {SMOKING_RULE} Those rules ended when we sold it.\n",
        id="those-rules-ended",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nIf we had a smoking rule, it would go like this. {SMOKING_RULE} We don't have one today.\n",
        id="we-dont-have-one-today",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nA family asked for this: {SCREENING_RULE} We're talking it over with the residents.\n",
        id="were-talking-it-over",
    ),
    pytest.param(
        ORIENTATION,
        f"## Orientation\n\n{ORIENTATION_RULE}\n",
        f"## Orientation\n\nOur last manager's way: {ORIENTATION_RULE} That stopped when she left in 2022.\n",
        id="that-stopped-when-she-left",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe county's sample rule: {SMOKING_RULE} We are still writing our own.\n",
        id="still-writing-our-own",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nDo we have a rule like this? {SCREENING_RULE}\n> Not that I know of.\n",
        id="not-that-i-know-of",
    ),
    pytest.param(
        CONTACTS,
        CONTACTS_FORM,
        "## Emergency contact\n\nA mother suggested that each resident give the name, relationship and phone number of "
        "a person we may call in an emergency, kept in the locked office file. The move-in form doesn't ask for "
        "that now.\n",
        id="the-form-doesnt-ask-for-that-now",
    ),
    # Stop 30, second batch (the thirty-sixth round's tuned part, in new words)
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nUnder the last owners: {SMOKING_RULE} All of that went out the door when they sold.\n",
        id="went-out-the-door",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe sign by the back door said: {SMOKING_RULE} We took that sign down in June.\n",
        id="took-that-sign-down",
    ),
    pytest.param(
        CONSENT,
        CONSENT_FORM,
        CONSENT_FORM.strip() + " We never put that form into use.\n",
        id="never-put-into-use",
    ),
    pytest.param(
        SAFETY_CHECKS,
        f"## Safety checks\n\n{SAFETY_CHECKS_RULE}\n",
        f"## Safety checks\n\n{SAFETY_CHECKS_RULE} That was the old policy; nobody does it now.\n",
        id="that-was-the-old-policy",
    ),
    pytest.param(
        SAFETY_CHECKS,
        f"## Safety checks\n\n{SAFETY_CHECKS_RULE}\n",
        f"## Safety checks\n\nA resident's idea: {SAFETY_CHECKS_RULE} It never got taken up, and nobody's made it a "
        "rule.\n",
        id="never-got-taken-up",
    ),
    pytest.param(
        EMERGENCY,
        f"## Emergencies\n\n{EMERGENCY_RULE}",
        f"## Emergencies\n\nWhat the new sheet will say: {EMERGENCY_RULE.strip()} None of that's up yet.\n",
        id="none-of-thats-up-yet",
    ),
    pytest.param(
        EMERGENCY,
        f"## Emergencies\n\n{EMERGENCY_RULE}",
        f"## Emergencies\n\nThe sheet by the phone read: {EMERGENCY_RULE.strip()} We painted in May and nothing went "
        "back up.\n",
        id="nothing-went-back-up",
    ),
    pytest.param(
        CONTACTS,
        CONTACTS_FORM,
        CONTACTS_FORM.strip() + " Our form doesn't have that section, though.\n",
        id="our-form-doesnt-have-that-section",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nIn the program he came from: {SCREENING_RULE} We never did that here.\n",
        id="we-never-did-that-here",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nFrom another house's manual: {SCREENING_RULE} Our own manual has no counterpart.\n",
        id="has-no-counterpart",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nThe letter quotes this: {SCREENING_RULE} That is the clinic's policy, not Birch House's.\n",
        id="the-clinics-policy-not-ours-by-name",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe rule you cite: {SMOKING_RULE} Our house rules say nothing about smoking.\n",
        id="our-rules-say-nothing-about-it",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe rule you cite: {SMOKING_RULE} Our handbook is silent on this.\n",
        id="our-handbook-is-silent",
    ),
    pytest.param(
        MEDICATION,
        f"## Medicine\n\n{MEDICATION_RULE}\n",
        f"## Medicine\n\nYour letter relies on this: {MEDICATION_RULE} It is a rule the house never adopted.\n",
        id="a-rule-never-adopted",
    ),
    pytest.param(
        MEDICATION,
        f"## Medicine\n\n{MEDICATION_RULE}\n",
        f"## Medicine\n\nPolicy 4 said: {MEDICATION_RULE} It was rescinded with the rest of the old manual.\n",
        id="it-was-rescinded",
    ),
    pytest.param(
        ORIENTATION,
        f"## Orientation\n\n{ORIENTATION_RULE}\n",
        f"## Orientation\n\nFrom next month: {ORIENTATION_RULE} That has not been our practice until now.\n",
        id="not-been-our-practice",
    ),
    pytest.param(
        MEDICATION,
        f"## Medicine\n\n{MEDICATION_RULE}\n",
        f"## Medicine\n\n{MEDICATION_RULE} Those were the rules used by the previous owners.\n",
        id="used-by-the-previous-owners",
    ),
    pytest.param(
        AGREEMENT,
        f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
        f"# Resident Agreement\n\nThe coalition's sample: {AGREEMENT_RULE} We reviewed it and set it aside.\n",
        id="reviewed-and-set-aside",
    ),
    # Stop 30, third batch (the thirty-seventh round's tuned part, in new words): a binder page's stamps and tags
    pytest.param(
        SMOKING,
        f"SMOKING - Birch House\n{SMOKING_RULE}\n",
        f"SMOKING - Birch House      SUPERSEDED 2024 - DO NOT HAND OUT\n{SMOKING_RULE}\n",
        id="stamp-superseded-do-not-hand-out",
    ),
    pytest.param(
        SMOKING,
        f"SMOKING - Birch House\n{SMOKING_RULE}\n",
        f"SMOKING - Birch House      REVOKED 5/2025\n{SMOKING_RULE}\n",
        id="stamp-revoked",
    ),
    pytest.param(
        SCREENING,
        f"TESTING - Birch House\n{SCREENING_RULE}\n",
        f"TESTING - Oak Row House (NOT OURS)\n{SCREENING_RULE}\n",
        id="tag-not-ours",
    ),
    pytest.param(
        SCREENING,
        f"TESTING - Birch House\n{SCREENING_RULE}\n",
        f"TESTING (coalition sample wording, blanks not filled in)\n{SCREENING_RULE}\n",
        id="tag-sample-wording",
    ),
    pytest.param(
        SCREENING,
        f"TESTING - Birch House\n{SCREENING_RULE}\n",
        f"TESTING - Oak Row House (their page, a friend passed it on)\n{SCREENING_RULE}\n",
        id="tag-their-page",
    ),
    pytest.param(
        SMOKING,
        f"Smoking rule\n{SMOKING_RULE}\n",
        f"Smoking rule (not on our house rules sheet; ask the owner)\n{SMOKING_RULE}\n",
        id="tag-not-on-our-sheet",
    ),
    pytest.param(
        MEDICATION,
        f"## Medicine\n\n{MEDICATION_RULE}\n",
        f"## Medicine\n\nFrom the manual at my last job: {MEDICATION_RULE} This house has no manual of its own yet.\n",
        id="no-manual-of-its-own-yet",
    ),
    pytest.param(
        MEDICATION,
        f"## Medicine\n\n{MEDICATION_RULE}\n",
        f"## Medicine\n\nThe owners looked at this: {MEDICATION_RULE} It voted that down in May.\n",
        id="it-voted-that-down",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nThe neighbors proposed this: {SCREENING_RULE} The house hasn't agreed to any of it.\n",
        id="hasnt-agreed-to-any",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nA resident wrote this up: {SMOKING_RULE} It never went to a vote.\n",
        id="never-went-to-a-vote",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nWhat we would like: {SMOKING_RULE} It isn't in the house rules yet.\n",
        id="isnt-in-the-house-rules-yet",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nOne idea: {SMOKING_RULE} The house has not settled on a rule yet.\n",
        id="not-settled-on-a-rule-yet",
    ),
    pytest.param(  # a word processor's curly apostrophe reads as the straight one
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nWhat we would like: {SMOKING_RULE} It isn\u2019t in the house rules yet.\n",
        id="isnt-in-the-house-rules-yet-curly",
    ),
    # Stop 30, fourth batch (forms from the tuned part's older voices, in new words)
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nThe county's model lease says: {SMOKING_RULE} Our lease sets no rule on smoking.\n",
        id="sets-no-rule-on-it",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        f"## Smoking\n\nTenants asked for this: {SMOKING_RULE} Smoking and vaping are not addressed by this lease.\n",
        id="not-addressed-by-this-lease",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nPosted to the residents' forum: is this how it works here? {SCREENING_RULE}\n\n"
        "(no replies yet)\n",
        id="no-replies-yet",
    ),
    pytest.param(
        ORIENTATION,
        f"Orientation record\n{ORIENTATION_RULE}\n",
        f"Orientation record - DEMO\n{ORIENTATION_RULE}\n",
        id="stamp-demo",
    ),
    pytest.param(
        ORIENTATION,
        f"Orientation record\n{ORIENTATION_RULE}\n",
        f"Orientation record (sample data, not a real house)\n{ORIENTATION_RULE}\n",
        id="tag-sample-data",
    ),
    pytest.param(
        EMERGENCY,
        f"## Emergencies\n\n{EMERGENCY_RULE}",
        f"## Emergencies\n\n{EMERGENCY_RULE.strip()} Posted in plain view: nothing posted; blank template only.\n",
        id="blank-template-only",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        f"## Screening\n\nA friend says this is how it works here: {SCREENING_RULE} Is that right? Nobody has ever "
        "said.\n",
        id="nobody-has-ever-said",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        "## Smoking\n\nPolicy 4 of Casa Serena, another residence in town, that the owner copied in a seminar as "
        f"example; it is not a policy of our house.\n{SMOKING_RULE}\n",
        id="not-a-policy-of-our-house",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        "## Screening\n\nProcedure 7 of the detox clinic some residents come from. This is the procedure of the "
        f"clinic, not of our house.\n{SCREENING_RULE}\n",
        id="the-clinics-not-of-our-house",
    ),
    pytest.param(
        ORIENTATION,
        f"## Orientation\n\n{ORIENTATION_RULE}\n",
        "## Orientation\n\nPoint 14 of the entry papers of Hogar Luz (the house where one of our residents lived "
        f"before, not our house):\n{ORIENTATION_RULE}\n",
        id="apposition-not-our-house",
    ),
    pytest.param(
        SMOKING,
        f"## Smoking\n\n{SMOKING_RULE}\n",
        "## Smoking\n\nChapter 2, of the former operator; it was taken out of the manual in 2019 and it does not "
        f"apply actually.\n{SMOKING_RULE}\n",
        id="does-not-apply-actually",
    ),
    pytest.param(
        SMOKING,
        f"IMG_0611.jpg - Office wall, the smoking sign:\n{SMOKING_RULE}\n",
        f"IMG_0611.jpg - Office wall, the smoking sign:\n{SMOKING_RULE}\n[Retired with that operator; not in use.]\n",
        id="bracketed-note-not-in-use",
    ),
    pytest.param(
        SAFETY_CHECKS,
        f"IMG_1102.jpg - Bedroom 3 ceiling, the detector:\n{SAFETY_CHECKS_RULE}\n",
        f"IMG_1102.jpg - Bedroom 3 ceiling, bare mounting plate:\n{SAFETY_CHECKS_RULE}\n"
        "[Not started; nothing installed or checked yet.]\n",
        id="bracketed-note-nothing-installed-yet",
    ),
    pytest.param(
        EMERGENCY,
        f"IMG_1303.jpg - Kitchen counter, the Emergency Sheet:\n{EMERGENCY_RULE}",
        f"IMG_1303.jpg - Kitchen counter, the county's sample Emergency Sheet:\n{EMERGENCY_RULE}"
        "[Sample packet only; we have not posted anything yet.]\n",
        id="bracketed-note-sample-only",
    ),
    pytest.param(
        EMERGENCY,
        f"## Hallway\n\n{EMERGENCY_RULE}",
        f"## Hallway\n\n{EMERGENCY_RULE}[Pulled by the fire inspector in April. Replacements not made yet.]\n",
        id="replacements-not-made-yet",
    ),
    pytest.param(
        SCREENING,
        f"## Screening\n\n{SCREENING_RULE}\n",
        "## Screening\n\nHeads-up on the testing policy we are planning to start in the fall (still being worked out, "
        f"not active yet):\n{SCREENING_RULE}\n",
        id="not-active-yet",
    ),
    pytest.param(
        SMOKING,
        f"{REGISTER}| Smoking | Active | {SMOKING_RULE} |\n| Chores | Active | Chores rotate weekly. |\n",
        f"{REGISTER}| Smoking | Retired | {SMOKING_RULE} |\n| Chores | Active | Chores rotate weekly. |\n",
        id="register-row-retired",
    ),
    pytest.param(
        SCREENING,
        f"{REGISTER_OWNED}| Testing | Manager | Approved | {SCREENING_RULE} |\n",
        f"{REGISTER_OWNED}| Testing | Manager | Under review | {SCREENING_RULE} |\n",
        id="register-row-under-review",
    ),
    pytest.param(
        EMERGENCY,
        f"## Hallway\n\nTaped by both exits at Riverstone there is a bright yellow sheet:\n{EMERGENCY_RULE}",
        f"## Hallway\n\nTaped by both exits at Riverstone there once was a bright yellow sheet:\n{EMERGENCY_RULE}",
        id="there-once-was",
    ),
]


def _outcome(rule: tuple[str, str], text: str, tmp_path: Path) -> tuple[list[str], list[str], str]:
    rule_id, label = rule
    topics = [t.name for t in document_check(BOOK, rule_id, label).topics]
    outcome, _ = judged(BOOK, rule_id, label, text, tmp_path / "policy.md", None)
    return topics, list(outcome.missing), outcome.reason


def _label(rule_id: str) -> str:
    """The label of the rule's first document check."""
    rule = BOOK.rule(rule_id)
    assert rule is not None
    return next(c.label for c in rule.checks() if isinstance(c, DocumentCheck))


def _meets_every_topic(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    """The passage, as `check` reads it, meets every topic of the rule's document check."""
    _, missing, reason = _outcome(rule, text, tmp_path)
    assert missing == [], reason


def _twin_meets_none(rule: tuple[str, str], live: str, twin: str, tmp_path: Path) -> str:
    """The live passage meets every topic and its twin none; the twin's reason."""
    _, missing, reason = _outcome(rule, live, tmp_path)
    assert missing == [], reason
    topics, missing, reason = _outcome(rule, twin, tmp_path)
    assert missing == topics, reason
    return reason


@pytest.mark.parametrize(("rule", "live", "disowned"), CASES)
def test_a_section_that_says_it_is_not_in_effect_meets_no_topic(
    rule: tuple[str, str], live: str, disowned: str, tmp_path: Path
) -> None:
    assert "does not say what the rule is" in _twin_meets_none(rule, live, disowned, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            SMOKING, f"## Smoking\n\nRule 7 was withdrawn in 2021. {SMOKING_RULE}\n", id="rule-after-the-withdrawal"
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nThe old porch rule was rejected by the residents. {SMOKING_RULE}\n",
            id="old-rule-rejected-first",
        ),
        pytest.param(
            ("2.F.16.d", "Medication use and storage policy"),
            "## Medication\n\nPrescription and over-the-counter medications are kept in the locked medication "
            "box, which stays locked whenever it is not in use. Residents take their medication only as "
            "directed and never share it.\n",
            id="condition-not-a-disowning",
        ),
        pytest.param(
            ("2.F.16.d", "Medication use and storage policy"),
            "## Medication\n\nThe medication box stays locked whenever it is not in use. Prescription and "
            "over-the-counter medications are kept in it. Residents take their medication only as directed and "
            "never share it.\n",
            id="opening-condition-not-a-disowning",
        ),
        pytest.param(
            SMOKING, f"## Smoking\n\n{SMOKING_RULE} Whether you quit is your call, not ours.\n", id="your-call-not-ours"
        ),
        pytest.param(
            SMOKING,
            "House rules, applies to guests too:\n- Smoking and vaping: never inside the house.\n- Residents who smoke "
            "use only the bench by the back fence.\n",
            id="rules-that-apply-to-guests-too",
        ),
        pytest.param(
            SCREENING, f"Old business: screening.\n{SCREENING_RULE}\nAction: none.\n", id="minutes-action-none"
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} To change a house rule, somebody proposes it at the house meeting and the "
            "residents vote.\n",
            id="somebody-proposes-is-the-process",
        ),
        pytest.param(
            SMOKING,
            "## Smoking\n\nIn the house we manage now, smoking and vaping are not allowed anywhere inside. "
            "Residents who smoke may do so only at the bench by the back fence.\n",
            id="the-house-we-manage-now",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} The house has no exceptions to this rule for guests.\n",
            id="no-exceptions-is-not-no-rule",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} If no such bench is available, residents smoke at the curb.\n",
            id="if-no-such-is-a-condition",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} The lease does not include utilities.\n",
            id="the-lease-does-not-include-something-else",
        ),
        pytest.param(  # what is pending may be another paper: the certificate, not this rule
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n\nResponsible: Owner. Status: Pending carrier.\n",
            id="status-pending-something-else",
        ),
        pytest.param(  # a rule about postings, not a closing word on the rule
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} Nothing is posted on the bulletin board without the manager's approval.\n",
            id="nothing-is-posted-without-approval",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} Photos of residents are never posted online.\n",
            id="never-posted-online",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE} No one signs it until the manager has read it with them.\n",
            id="no-one-signs-it-until",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} The house has none of the problems of the old place.\n",
            id="none-of-the-problems",
        ),
        pytest.param(  # a comment on a deleted line takes back that line, not the section
            ("1.C.8.a", "Resident handbook section on shared duties and peer support"),
            "## Living together\n\nEveryone has a weekly chore from the chart on the fridge and a share of the "
            "Saturday clean. Residents look out for one another and hold each other accountable.\n\nComment: I cut "
            "this because the old wording was too long.\n",
            id="i-cut-this-because",
        ),
        pytest.param(
            ("2.F.16.b", "Prohibited-items list and search procedure"),
            "Prohibited items (anything found is removed and logged):\nAlcohol, illegal drugs, drug paraphernalia and "
            "weapons may not be kept in the house. The house manager may search a room with a second staff member "
            "present, and writes each search in the search log.\n",
            id="removed-and-logged-is-no-tag",
        ),
        pytest.param(
            SMOKING, f"## Smoking\n\n{SMOKING_RULE} If there isn't one nearby, use the curb.\n", id="if-there-isnt-one"
        ),
    ],
)
def test_a_rule_stated_after_a_disowning_or_under_a_condition_still_counts(
    rule: tuple[str, str], text: str, tmp_path: Path
) -> None:
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "## Smoking\n\nThe fire inspector recommended that smoking and vaping not be allowed anywhere inside the "
            "house, and that residents smoke only at the bench by the back fence.\n",
            id="the-inspector-recommended",
        ),
        pytest.param(
            "## Smoking\n\n- Suggest: no smoking or vaping anywhere inside the house.\n"
            "- Suggest: residents smoke only at the bench by the back fence.\n",
            id="suggest-items",
        ),
    ],
)
def test_a_rule_proposed_by_an_inspector_is_not_the_houses_rule(text: str, tmp_path: Path) -> None:
    topics, missing, reason = _outcome(SMOKING, text, tmp_path)
    assert missing == topics, reason


def test_a_recommendation_the_house_took_up_is_its_rule(tmp_path: Path) -> None:
    text = f"## Smoking\n\nAs the fire inspector recommended, we made this rule. {SMOKING_RULE}\n"
    _, missing, reason = _outcome(SMOKING, text, tmp_path)
    assert missing == [], reason


# A rule residents are held to (topics marked `binds: residents` in standards/narr-3.0/2-F.yaml): the
# same words binding someone else, or in a section written for someone else, are not it.


@pytest.mark.parametrize(
    ("rule", "live", "for_others"),
    [
        pytest.param(
            AGREEMENT,
            f"RESIDENT AGREEMENT - Birchwood House\n\n{AGREEMENT_RULE}\n\nResident signature ________  Date ____\n",
            f"VOLUNTEER AGREEMENT - Birchwood House\n\n{AGREEMENT_RULE}\n\nVolunteer signature ________  Date ____\n",
            id="a-volunteers-agreement",
        ),
        pytest.param(
            SMOKING,
            f"## House rules: smoking\n\n{SMOKING_RULE}\n",
            "## Smoking\n\nEmployees may not smoke or vape anywhere inside the house. Employees who smoke may do so "
            "only at the bench by the back fence.\n",
            id="employees-are-the-subject",
        ),
        pytest.param(
            SCREENING,
            f"## Drug testing\n\n{SCREENING_RULE}\n",
            "Policy 3.02 - Drug-Free Workplace\n\nEvery employee gives a urine sample in an observed cup at hire and "
            "at random twice a month. A positive or refused test is reviewed with the director the same day and "
            "may end the employment.\n",
            id="a-workplace-policy",
        ),
        pytest.param(
            SCREENING,
            f"## Drug testing\n\n{SCREENING_RULE}\n",
            "Testing (the warehouse's employee handbook, section 6; three of our guys work there):\n\n"
            "Urine samples are collected in an observed cup on the first day and at random twice a month. A positive "
            "or refused test is reviewed the same day and may lead to dismissal.\n",
            id="another-bodys-employee-handbook-named-in-parentheses",
        ),
        pytest.param(
            SCREENING,
            "Form: Policy record\n[x] Applies to residents   [ ] Applies to staff\nField: Policy text\n"
            "Urine samples are collected in an observed cup at move-in and at random twice a month. A positive or "
            "refused test is reviewed with the house manager the same day and may lead to discharge.\n",
            "Form: Policy record\n[ ] Applies to residents   [x] Applies to staff\nField: Policy text\n"
            "Urine samples are collected in an observed cup at hire and at random twice a month. A positive or "
            "refused test is reviewed with the area manager the same day and may lead to suspension.\n",
            id="a-form-that-does-not-apply-to-residents",
        ),
    ],
)
def test_a_rule_binding_someone_else_is_not_the_residents_rule(
    rule: tuple[str, str], live: str, for_others: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, for_others, tmp_path)


def test_no_policy_on_a_subject_states_none_of_it(tmp_path: Path) -> None:
    """ "The house has no policy on X" denies X, to the end of its clause, not only the word "policy"."""
    rule = ("2.F.16.d", "Medication use and storage policy")
    live = (
        "## Medication\n\nPrescription and over-the-counter medications are kept in the locked medication box. "
        "Residents take their medication only as directed and never share it.\n"
    )
    none = (
        "## Medication\n\nThe house has no policy on prescription or over-the-counter medication, where it is "
        "kept, or whether it is shared.\n"
    )
    _twin_meets_none(rule, live, none, tmp_path)


def test_what_a_question_asked_and_nothing_answered_lends_nothing(tmp_path: Path) -> None:
    """A voicemail that asks for a rule ("is there an emergency contact box anywhere on the form? Do we
    ask people for a name, ...?") and then finds none ("I looked at page one and couldn't find it")
    states none: the questions frame what follows ("Call me back."), and the finding takes back what
    they lend, not only what came before it."""
    rule = ("2.F.19.b", "Intake form with an emergency contact section")
    header = "Voicemail 2 of 4 - Tue 9:10 AM - from: Ray (house mgr)\n"
    live = (
        header + "When you do Marco's intake, um, don't forget the emergency contact box on page one: we ask every "
        "new guy for a name, how they're related, and a phone number. Call me back.\n"
    )
    none = (
        header + "When you do Marco's intake, um, is there an emergency contact box anywhere on the form? Do we ask "
        "people for a name, how they're related, a phone number? I looked at page one and couldn't find it, and "
        "I don't know if anyone's got one on file. Call me back.\n"
    )
    _twin_meets_none(rule, live, none, tmp_path)


def test_a_rule_for_residents_and_visitors_binds_the_residents(tmp_path: Path) -> None:
    text = (
        "## Rules for residents and visitors\n\nResidents and visitors may not smoke or vape anywhere inside the "
        "house. Residents who smoke may do so only at the bench by the back fence.\n"
    )
    _, missing, reason = _outcome(SMOKING, text, tmp_path)
    assert missing == [], reason


SEARCHES = ("2.F.16.b", "Prohibited-items list and search procedure")
SEARCH_RULE = (
    "## Searches\n\nResidents may not keep alcohol, drugs, drug paraphernalia or weapons in the house. The house "
    "manager may search a resident's room on reasonable suspicion, always with a second staff member present, "
    "and writes what was found in the search log.\n"
)


@pytest.mark.parametrize(
    "twin",
    [
        pytest.param(
            "## Searches\n\nQ: Who searches my room?\nA: No one. Rooms are not searched here, and the house keeps no "
            "search log.\nQ: What can't I keep here?\nA: There is no list of banned items.\n",
            id="who-searches-no-one",
        ),
        pytest.param(
            "## Searches\n\nThe house has no list of banned items. The house manager and the peer lead do not search "
            "rooms or belongings, for any reason, and nothing is written down.\n",
            id="managers-do-not-search",
        ),
    ],
)
def test_a_search_nobody_does_is_no_search_procedure(twin: str, tmp_path: Path) -> None:
    """ "Who searches my room? No one.", "rooms are not searched", "there is no list of banned items" and
    "the managers do not search rooms" say there is no list and no search: none of it is the procedure."""
    _twin_meets_none(SEARCHES, SEARCH_RULE, twin, tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "## Searches\n\nResidents may not keep alcohol, drugs, drug paraphernalia or weapons in the house. Rooms "
            "are not searched without a second staff member present. The house manager searches a room on "
            "reasonable suspicion and writes what was found in the search log.\n",
            id="not-searched-without-a-witness",
        ),
    ],
)
def test_a_search_rule_said_with_a_question_or_a_condition_still_counts(text: str, tmp_path: Path) -> None:
    _, missing, reason = _outcome(SEARCHES, text, tmp_path)
    assert missing == [], reason


def test_a_house_that_does_not_drug_test_states_no_screening(tmp_path: Path) -> None:
    none = (
        "## Testing\n\nQ. What happens if I refuse a test?\nA. Nothing: the house does not drug-test residents, "
        "so there is nothing to refuse. You will not be asked for a urine screen at move-in, at random or on "
        "suspicion.\n"
    )
    _twin_meets_none(SCREENING, f"## Testing\n\n{SCREENING_RULE}\n", none, tmp_path)


def test_nobody_else_names_who_may(tmp_path: Path) -> None:
    """ "Who can look at your file? ... Nobody else" limits access; it does not say no one looks."""
    rule = ("1.B.6.a", "Resident records security policy")
    text = (
        "## Keeping your file private\n\nYour intake papers and agreement go in the gray file cabinet in the office, "
        "which stays locked.\n\nWho can look at your file? Earl, Jean, and the house manager when he needs to for "
        "his job. Nobody else, not other residents, not visitors.\n"
    )
    _, missing, reason = _outcome(rule, text, tmp_path)
    assert "access limited to authorized people" not in missing, reason


DETECTORS = ("2.F.17.c", "Safety inspection policy (detectors, extinguishers, inspection schedule)")
DETECTOR_RULE = (
    "## Safety checks\n\nOn the first of every month the house manager tests the smoke detector in each bedroom and "
    "hall and the carbon monoxide detector by the gas furnace, checks that the kitchen fire extinguisher hangs in "
    "plain view with its gauge in the green, and signs the inspection log.\n"
)


@pytest.mark.parametrize(
    "twin",
    [
        pytest.param(
            "## Outside inspections\n\nOn March 3 the city fire marshal inspected the house for its license: she "
            "tested the smoke detector in each bedroom and hall and the carbon monoxide detector by the gas furnace, "
            "and looked at the kitchen fire extinguisher. Both problems she found were fixed on March 5, and she "
            "signed off on March 12.\n",
            id="a-marshals-visit",
        ),
        pytest.param(
            "## How we got through the storm\n\nDuring the ice storm of 2021 the residents took turns staying up: "
            "they pressed the test button on every smoke detector and the carbon monoxide detector by the furnace, "
            "and they kept the fire extinguisher from the kitchen by the wood stove.\n",
            id="a-story-of-2021",
        ),
        pytest.param(
            "## Safety checks\n\nThe old house manager used to test the smoke detector in each bedroom and hall and "
            "the carbon monoxide detector by the gas furnace on the first of every month, check that the kitchen fire "
            "extinguisher hung in plain view with its gauge in the green, and sign the inspection log.\n",
            id="a-habit-told-as-past",
        ),
    ],
)
def test_what_happened_once_is_no_safety_practice(twin: str, tmp_path: Path) -> None:
    """A life-safety rule asks for a practice kept up: a visit or a night told in the past ("On March 3 the
    fire marshal tested ...") is an event, and what goes on telling it ("Both problems were fixed on March 5")
    too."""
    _twin_meets_none(DETECTORS, DETECTOR_RULE, twin, tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "## Safety checks\n\nAfter the fire marshal's visit on March 3, 2024, the house adopted this rule: on "
            "the first of every month the house manager tests the smoke detector in each bedroom and hall and the "
            "carbon monoxide detector by the gas furnace, checks that the kitchen fire extinguisher hangs in plain "
            "view with its gauge in the green, and signs the inspection log.\n",
            id="a-rule-adopted-after-a-visit",
        ),
        pytest.param(
            f"{DETECTOR_RULE}\nOn March 3 the city fire marshal inspected the house and found nothing wrong.\n",
            id="a-visit-told-after-the-rule",
        ),
    ],
)
def test_a_rule_told_with_its_history_still_counts(text: str, tmp_path: Path) -> None:
    _, missing, reason = _outcome(DETECTORS, text, tmp_path)
    assert missing == [], reason


def test_what_happened_once_still_evidences_a_fact(tmp_path: Path) -> None:
    """Only a life-safety practice is kept up: the owner's letter "she gave us in 2025" is the permission."""
    rule = ("1.A.2.c", _label("1.A.2.c"))
    text = (
        "## The owner\n\nThe house on Quarry Lane is owned by Ellen Voss. She gave us a signed letter in 2025 saying "
        "she knows we operate the house as a recovery residence for people in recovery from substance use, and "
        "that she agrees to it. We keep the letter on file.\n"
    )
    _, missing, reason = _outcome(rule, text, tmp_path)
    assert "permission given" not in missing, reason


@pytest.mark.parametrize(
    "twin",
    [
        pytest.param(
            "## Walkthrough before we bought the house\n\nDone once by the seller's agent on March 3, before closing:\n"
            "- Smoke detector in each bedroom and hall: pressed the test button, sounded? Y\n"
            "- Carbon monoxide detector by the gas furnace: pressed the test button, sounded? Y\n"
            "- Kitchen fire extinguisher: in plain view, gauge in the green? Y\n",
            id="a-list-under-an-event",
        ),
        pytest.param(
            "Fire inspector's checklist from the 4/1 walk-through (read out; no vote taken).\n\n"
            "| Item | Where | How often |\n|---|---|---|\n"
            "| Smoke detectors | each bedroom and hall | test monthly, sign the inspection log |\n"
            "| Carbon monoxide detector | by the gas furnace | test monthly |\n"
            "| Fire extinguisher | kitchen, in plain view | gauge checked monthly |\n",
            id="a-table-under-a-title-tagged-no-vote",
        ),
    ],
)
def test_a_list_under_an_event_or_an_untaken_title_is_no_practice(twin: str, tmp_path: Path) -> None:
    _twin_meets_none(DETECTORS, DETECTOR_RULE, twin, tmp_path)


def test_a_form_line_not_in_use_states_no_rule(tmp_path: Path) -> None:
    """ "Consent to drug/alcohol screening ... | Planned for the 2026 packet; not in use" states none of it."""
    live = (
        "MOVE-IN PACKET CHECKLIST\n\n| Form | Status | Done |\n|---|---|---|\n"
        "| House rules | Signed by resident | [x] |\n"
        "| Consent to drug and alcohol screening: urine and breath tests at move-in, at random and for cause; a "
        "positive or refused test is reviewed with the house manager | Signed by resident | [x] |\n"
    )
    twin = live.replace(
        "| Consent to drug and alcohol screening: urine and breath tests at move-in, at random and for cause; a "
        "positive or refused test is reviewed with the house manager | Signed by resident | [x] |\n",
        "| Consent to drug and alcohol screening: urine and breath tests at move-in, at random and for cause; a "
        "positive or refused test is reviewed with the house manager | Planned for the 2026 packet; not in use | "
        "[ ] |\n",
    )
    rule = ("2.F.16.c", SCREENING[1])
    topics, missing, reason = _outcome(rule, live, tmp_path)
    _, twin_missing, twin_reason = _outcome(rule, twin, tmp_path)
    assert len(missing) < len(topics), reason
    assert twin_missing == topics, twin_reason


def test_a_list_of_what_there_is_not_denies_each_item(tmp_path: Path) -> None:
    """ "we don't have one posted. no sheet in the kitchen, no numbers up top, no evacuation map" (a full
    stop the sentence was not cut at) denies each; "A. No. Policy 3.03 forbids ..." is an answer and a rule."""
    rule = ("2.F.19.a", _label("2.F.19.a"))
    text = (
        "q: where's the list of emergency numbers?\na: we don't have one posted anywhere rn. no sheet in the kitchen "
        "or by the exits, no numbers up top, nothing on what to do if somebody overdoses, no evacuation map for the "
        "floors either.\n"
    )
    topics, missing, reason = _outcome(rule, text, tmp_path)
    assert missing == topics, reason
    answer = (
        "Q. Does Policy 3.03 let a resident drink alcohol away from the house?\n\nA. No. Policy 3.03 forbids residents "
        "to use alcohol or illicit drugs anywhere, inside or outside the house, for as long as they live with us.\n"
    )
    _, missing, reason = _outcome(("2.F.16.a", _label("2.F.16.a")), answer, tmp_path)
    assert not {"alcohol", "illicit drugs", "use is forbidden"} & set(missing), reason


def test_we_dont_walk_you_through_is_no_orientation(tmp_path: Path) -> None:
    twin = (
        "## Your first day\n\nOn move-in day nobody sits down with you for an orientation. We don't walk you through "
        "emergencies: not the exits or a meeting spot, not the fire plan, not where the naloxone is kept. There's no "
        "checklist to sign.\n"
    )
    _twin_meets_none(ORIENTATION, f"## Your first day\n\n{ORIENTATION_RULE}\n", twin, tmp_path)


def test_a_house_that_does_not_test_for_drugs_or_alcohol_states_no_screening(tmp_path: Path) -> None:
    twin = (
        "## Drug screening\n\nThis house does not test residents for drugs or alcohol. You are not asked to agree to "
        "be tested at move-in or at any time during your stay.\n"
    )
    _twin_meets_none(SCREENING, f"## Drug screening\n\n{SCREENING_RULE}\n", twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text", "topic"),
    [
        pytest.param(
            SMOKING,
            "## Rule 9: the meat smoker\n\nNo running the smoker or the grill inside the house. If you're smoking "
            "ribs, use the slab behind the garage; that is the only spot for it.\n",
            "smoking and tobacco",
            id="smoking-ribs",
        ),
        pytest.param(
            SCREENING,
            "## Saturday chores\n\nWater test strips for the fish tank go in the tank every Saturday. If the ammonia "
            "result is high, change a third of the water.\n",
            "screening method",
            id="water-test-strips",
        ),
    ],
)
def test_a_word_in_another_sense_meets_no_safety_topic(
    rule: tuple[str, str], text: str, topic: str, tmp_path: Path
) -> None:
    _, missing, reason = _outcome(rule, text, tmp_path)
    assert topic in missing, reason


def test_a_doing_said_to_be_no_expectation_is_denied(tmp_path: Path) -> None:
    """ "Watching over others is not a house expectation": the watching is denied, not only the word."""
    rule = ("2.F.16.e", _label("2.F.16.e"))
    live = (
        "## Keeping each other safe\n\nEvery resident is responsible for their own safety and for looking out for one "
        "another. If you notice a housemate struggling or something unsafe, tell the house manager that day or "
        "raise it at the Sunday house meeting.\n"
    )
    twin = (
        "## Keeping each other safe\n\nHere, residents are not given any part in the house's safety. Watching over "
        "others is not a house expectation, and you are not expected to report anything you notice, nor to raise "
        "it at any meeting.\n"
    )
    _, missing, reason = _outcome(rule, live, tmp_path)
    assert "looking out for one another" not in missing, reason
    _, missing, reason = _outcome(rule, twin, tmp_path)
    assert "looking out for one another" in missing, reason


def test_a_story_that_shows_the_rule_in_force_still_counts(tmp_path: Path) -> None:
    """A family blog tells a story, then what the agreement says today: the story does not make the
    agreement's words an event, and what follows a colon is read for itself."""
    rule = ("2.F.16.a", "Resident agreement or house rules stating the alcohol- and drug-free rule")
    text = (
        "## Did my son really sign that?\n\nA father asked me last week whether his son really signed a promise "
        "to stay sober. He did. Our resident agreement says the resident agrees to stay free of alcohol and drugs "
        "for as long as he lives here, and his son signed it at move-in.\n"
    )
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "twin"),
    [
        pytest.param(
            SCREENING,
            "## Drug testing\n\nRight now we don't test anyone. Our board is talking about whether, from next year, "
            "to test at move-in and at random twice a month with observed urine cups, and what a positive or a "
            "refused test would lead to.\n",
            id="the-board-is-talking-about-it",
        ),
        pytest.param(
            SCREENING,
            "## Drug testing\n\nResidents' programs give urine cups at move-in and at random, and a positive or "
            "refused test is theirs to act on. Good question, but we don't drug test at Pinecrest at all.\n",
            id="we-dont-drug-test-at-all",
        ),
    ],
)
def test_a_test_nobody_runs_is_no_screening_rule(rule: tuple[str, str], twin: str, tmp_path: Path) -> None:
    _twin_meets_none(rule, f"## Drug testing\n\n{SCREENING_RULE}\n", twin, tmp_path)


def test_no_medication_policy_denies_what_it_would_cover(tmp_path: Path) -> None:
    """ "We don't have a medication policy at all" denies the policy; "a no-smoking rule" is a rule."""
    rule = ("2.F.16.d", "Medication use and storage policy")
    _, missing, reason = _outcome(
        rule, "## Medication\n\nWe don't have a medication policy at all, prescription or over-the-counter.\n", tmp_path
    )
    assert "prescription and over-the-counter medication" in missing, reason
    _, missing, reason = _outcome(
        SMOKING,
        "## Smoking\n\nWe have a no-smoking rule: smoking and vaping are never allowed inside the house, and "
        "residents who smoke use only the bench by the back fence.\n",
        tmp_path,
    )
    assert missing == [], reason


INSPECTION = ("2.F.17.c", "Safety inspection policy (detectors, extinguishers, inspection schedule)")
INSPECTION_RULE = (
    "The house manager tests the smoke detector in each bedroom and hall and the carbon monoxide detector by "
    "the furnace on the first of every month, checks that the kitchen fire extinguisher is charged, and signs "
    "the inspection log in the office binder."
)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SMOKING,
            f"SMOKING RULE\n\n{SMOKING_RULE}\n\nReceived: ________ (house manager)\n",
            "FIRE MARSHAL'S NOTES (visit 4/9) - SMOKE-FREE PROPERTY\n\n- Suggest: no smoking or vaping of any "
            "kind inside the house.\n- Suggest residents who smoke use only the bench by the back fence.\n\n"
            "Received: ________ (house manager)\n",
            id="a-title-over-suggestions-only",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "## Smoking\n\n10:40 Took down the last owner's sign from the porch (not our rule; thrown out). It read: "
            '"No smoking or vaping anywhere inside this house. Smokers use only the bench by the back fence."\n',
            id="a-disowned-sign-quoted",
        ),
        pytest.param(
            INSPECTION,
            f"## Fire safety checks\n\n{INSPECTION_RULE}\n",
            "## Fire safety checks\n\nQ (night staff, 02:10): Am I meant to check anything for fire safety? Test the "
            "smoke detector in each bedroom and hall on the first of every month? Test the carbon monoxide detector "
            "by the furnace? Check that the kitchen fire extinguisher is charged? Sign an inspection log?\n"
            "A: No answer from the on-call manager tonight.\n",
            id="questions-that-go-on-asking",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "## Move-in\n\n14:20 Move-in, room 5. He brought the discharge packet from Elmwood Treatment (theirs, not "
            "ours): it shows the emergency exits, the meeting spot, the fire plan and where the naloxone is kept, and "
            "the orientation checklist he signed.\n",
            id="theirs-not-ours",
        ),
    ],
)
def test_what_others_suggest_quote_or_ask_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """A title over suggestions only, a sign quoted after "not our rule", questions that go on asking
    after an unanswered one, and a packet marked "theirs, not ours" meet none of the rule's topics."""
    _twin_meets_none(rule, live, twin, tmp_path)


def test_a_table_of_recommendations_states_no_rule(tmp_path: Path) -> None:
    """A cell after a row's first that proposes ("Consider writing down ...") makes the row a proposal."""
    text = (
        "| Topic | What the inspector recommends |\n|---|---|\n"
        "| Banned items | Consider writing down which items are banned: alcohol, mouthwash, paraphernalia, weapons |\n"
    )
    _, missing, reason = _outcome(SEARCHES, text, tmp_path)
    assert "list of prohibited items" in missing, reason


def test_a_question_answered_we_cannot_lends_nothing(tmp_path: Path) -> None:
    """ "How do we ...? We can't." : the question's words reach no answer; a wh-question answered with the
    rule still lends them ("Who do we call? ..." in test_recognise_round5)."""
    topics, missing, reason = _outcome(
        ORIENTATION,
        "Q: How do we show new residents the emergency exits, the meeting spot and the fire plan, and have them "
        "sign the orientation checklist?\nWe can't, we don't do one.\n",
        tmp_path,
    )
    assert missing == topics, reason


def test_what_she_suggested_is_no_search_procedure(tmp_path: Path) -> None:
    """A recommendation told as someone's ("She also suggested that ...") states no rule."""
    _, missing, reason = _outcome(
        SEARCHES,
        "## Room searches\n\nThe state inspector who came in March looked at our files. She also suggested that any "
        "room search have a second staff member present and go in a log with the date, who searched and what was "
        "found.\n",
        tmp_path,
    )
    assert "search procedure" in missing, reason


def test_a_question_asked_to_invite_a_rule_still_reads_as_one(tmp_path: Path) -> None:
    """ "Need a smoke? ..." opens a rule; only a question that goes on asking after an unanswered
    yes-or-no question is read as a proposal."""
    _, missing, reason = _outcome(
        SMOKING,
        "## Smoking\n\nNeed a smoke or a vape break? Smoking and vaping are not allowed anywhere inside the "
        "house; residents who smoke may do so only at the bench by the back fence.\n",
        tmp_path,
    )
    assert missing == [], reason


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "## Emergency contact\n\nWe don't call anyone for you if you get hurt. There's no line on our move-in "
            "sheet for the name of someone to call, how they are related to you, or a phone number or e-mail.\n",
            id="no-line-for-it",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "## Emergency contact\n\nNobody fills out an emergency contact part at move-in: our form has none, and "
            "the office keeps only the lease.\n",
            id="nobody-fills-it-out",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "## Emergency contact\n\nThe detox center's admission form has a section where each patient gives the "
            "name, relationship and phone number of someone to call in an emergency. That form stays with the "
            "detox center; we don't keep anything like it here.\n",
            id="nothing-like-it-here",
        ),
        pytest.param(
            SCREENING,
            f"## Drug testing\n\n{SCREENING_RULE}\n",
            "## Drug testing\n\nHow testing works at his probation office (Cedar Row has no part in it):\n\n"
            "- a urine sample in an observed cup, at intake and at random twice a month;\n"
            "- a positive or refused test goes to his officer and may lead to a violation.\n",
            id="a-lead-in-tagged-no-part-of-ours",
        ),
        pytest.param(
            INSPECTION,
            f"## Fire safety checks\n\n{INSPECTION_RULE}\n",
            "## Fire safety checks\n\nWhat we still hope to have donated:\n\n- smoke detectors for each bedroom and "
            "hall, tested on the first of every month;\n- a carbon monoxide detector by the furnace;\n- a charged "
            "fire extinguisher for the kitchen, and an inspection log for the office binder.\n",
            id="a-wish-list",
        ),
    ],
)
def test_what_is_not_done_here_states_no_rule(rule: tuple[str, str], live: str, twin: str, tmp_path: Path) -> None:
    """A form with no line for it, a part nobody fills out, another body's form "we don't keep anything
    like", a list under a lead-in tagged as no part of the house's, and a wish list meet no topic."""
    _twin_meets_none(rule, live, twin, tmp_path)


def test_a_finding_of_nothing_on_the_exits_is_no_orientation(tmp_path: Path) -> None:
    """ "nothing on fire exits, the meeting spot or the naloxone" denies each item it lists."""
    _, missing, reason = _outcome(
        ORIENTATION,
        "## Move-in\n\nSpot check, 11/03: new residents sign a move-in checklist, but it has nothing on fire exits, "
        "the meeting spot, the fire plan or where the naloxone is kept.\n",
        tmp_path,
    )
    assert "emergency procedures" in missing, reason


def test_a_heading_lends_no_safety_topic_to_a_sentence_denying_it(tmp_path: Path) -> None:
    """Under "## Smoking and vaping", "There is no rule about smoking or vaping" states no smoking rule;
    under the same heading, "Residents may not smoke ..." still does."""
    _, missing, reason = _outcome(
        SMOKING,
        "## Smoking and vaping\n\nThe kitchen rules list the county's quit line. There is no rule about smoking or "
        "vaping by residents; not addressed in current policy.\n",
        tmp_path,
    )
    assert "smoking and tobacco" in missing, reason
    _, missing, reason = _outcome(SMOKING, f"## Smoking and vaping\n\n{SMOKING_RULE}\n", tmp_path)
    assert missing == [], reason


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "## Move-in\n\nOn move-in day no one walks the new resident through the emergency exits, shows the meeting "
            "spot or the fire plan, or says where the naloxone is kept. The resident does not initial or sign any "
            "orientation checklist.\n",
            id="no-one-walks-nobody-signs",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "## 17.2 Emergency orientation\n\nDoes Tenant, on move-in day, walk each Occupant through the emergency "
            "exits, the meeting spot, the fire plan and where the naloxone is kept? Does the Occupant sign an "
            "orientation checklist? Management raised both questions at the May review; Tenant has not answered.\n",
            id="questions-not-answered",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "## Smoking\n\nBefore the next house meeting, three questions:\n\n1. Should smoking and vaping be banned "
            "anywhere inside the house?\n2. Should residents who smoke do so only at the bench by the back fence?\n",
            id="numbered-questions",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "ORIENTATION for new folks??\n\u2192 should a house rep walk each new resident through the emergency "
            "exits, the meeting spot, the fire plan and where the naloxone is kept, and have the resident sign an "
            "orientation checklist?\nVote Thurs.\n",
            id="a-question-after-an-arrow",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "## Emergency contact\n\nHere's the draft the resident council will vote on; nobody fills it in yet:\n\n"
            "| Emergency contact | |\n|---|---|\n| Name, relationship | ____ |\n| Phone or e-mail | ____ |\n",
            id="a-draft-to-be-voted-on",
        ),
    ],
)
def test_what_is_asked_or_not_done_states_no_rule(rule: tuple[str, str], live: str, twin: str, tmp_path: Path) -> None:
    """ "No one walks ...", "does not initial or sign", questions "Tenant has not answered", numbered
    questions, and a draft a council "will vote on" meet no topic."""
    _twin_meets_none(rule, live, twin, tmp_path)


def test_the_residents_hope_defers_nothing(tmp_path: Path) -> None:
    """ "where you hope to live when you leave" is the resident's plan, not the house putting a rule off
    (as "we hope to write one when ..." does)."""
    rule = ("3.G.21.a", "Recovery planning policy and plan template")
    _, missing, reason = _outcome(
        rule,
        "## Your plan\n\nNobody writes your recovery plan for you. In your first two weeks you sit down with a peer "
        "mentor.\n\n1. Where are you now? You fill out a short self-check on health, work and recovery.\n"
        "2. Where do you want to go? You pick three goals that matter to you.\n"
        "3. What's next after here? You sketch where you hope to live when you leave, and what you need to get "
        "there.\n\nEvery 30 days you and your mentor look at the plan again and update it together.\n",
        tmp_path,
    )
    assert "exit plan or strategy" not in missing, reason


SEARCH_RULE = (
    "## Searches\n\nAlcohol, mouthwash, paraphernalia and weapons are not allowed in the house. A room is searched "
    "only by the house manager with a second staff member present, and every search is written in the search log.\n"
)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            "## Finding 10\n\nObserved: lockboxes in two bedrooms, bought by residents. Not observed: any written rule "
            "on prescription or over-the-counter medication, on keeping it in a locked box, or on taking it only as "
            "directed and never sharing it.\n",
            id="not-observed",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            "## Table 6. Medication policy\n\n| Element | Leaflet from the pharmacy, pinned in the hall | Result |\n"
            "|---|---|---|\n| Scope | prescription and over-the-counter medication | Not a house policy |\n"
            "| Storage | keep it in a locked box | Not a house policy |\n"
            "| Use | take only as directed; never share or trade | Not a house policy |\n",
            id="not-a-house-policy",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "## Table 4. Smoking provisions checked\n\n| Point | Reviewer recommends (house rules silent) | On site |\n"
            "|---|---|---|\n| Inside the house | smoking and vaping not allowed anywhere inside | ashtray on porch |\n"
            "| Where allowed | residents who smoke may do so only at the bench by the back fence | no can |\n",
            id="a-table-of-recommendations",
        ),
        pytest.param(
            SEARCHES,
            SEARCH_RULE,
            "## Searches\n\nFormer procedure P-6, also withdrawn: alcohol, mouthwash, paraphernalia and weapons were "
            "not allowed in the house, and a room was searched only by the house manager with a second staff member "
            "present, every search written in the search log.\n",
            id="former-procedure-withdrawn",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "4. Smoking and vaping:\nnot addressed\nThe house rules prohibit candles and space heaters inside the "
            "house, and name the bench by the back fence as the place for the bins.\n",
            id="a-finding-not-addressed",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "## Orientation\n\nThe operator plans, from next spring, to have a senior resident walk each newcomer "
            "through the emergency exits, the meeting spot, the fire plan and where the naloxone is kept, and to "
            "have the resident sign an orientation checklist.\n",
            id="the-operator-plans-to",
        ),
        pytest.param(
            SEARCHES,
            SEARCH_RULE,
            "## Finding 5\n\nThe house rules have no Appendix B. Reviewer recommends an appendix listing the items "
            "residents may not keep, such as alcohol, mouthwash, paraphernalia and weapons, and a procedure in which "
            "a room is searched only by the house manager with a second staff member present, every search written "
            "in the search log.\n",
            id="a-recommendation-after-a-full-stop",
        ),
    ],
)
def test_what_a_reviewer_finds_missing_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """A site-visit report's findings: "Not observed: ...", a cell "Not a house policy", a table of
    what the reviewer recommends, a procedure "also withdrawn", a section "not addressed", a plan, and
    a recommendation after a full stop the sentence was not cut at state no rule of the house."""
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SCREENING,
            f"## Drug testing\n\n{SCREENING_RULE}\n",
            "## Drug testing\n\nOur residents come from programs that give a urine sample in an observed cup at "
            "move-in and at random twice a month and act on a positive or refused test, and I leave that to those "
            "programs.\n",
            id="left-to-their-programs",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "## Move-in\n\nOnce we get round to a handbook, maybe next spring, the house manager might walk each new "
            "resident through the emergency exits, the meeting spot, the fire plan and where the naloxone is kept, "
            "and the resident might sign an orientation checklist.\n",
            id="maybe-next-spring",
        ),
    ],
)
def test_what_is_left_to_others_or_to_later_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """ "I leave that to those programs" and "maybe next spring" state no rule of the house."""
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SMOKING,
            f"# House manual\n\n## Smoking\n\n{SMOKING_RULE}\n",
            "# House manual\n\n## Appendix C: changes proposed last year (not adopted)\n\n"
            f"### Smoking\n\n{SMOKING_RULE}\n",
            id="a-subsection-of-a-section-not-adopted",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
            "# Staff Conduct Agreement\n\nBy signing below, I agree:\n\n1. I will not use, possess or seek alcohol or "
            "illicit drugs while I work at Alder House.\n2. I understand that breaking this may end my employment.\n\n"
            "Signature ________ Date ________\n",
            id="the-staffs-own-agreement",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            "Pepper's medicine (the house dog)\n\n- Everything the vet gives her, prescription or over-the-counter, is "
            "kept in the locked box on the dryer.\n- She gets it only as the label directs; never share it with the "
            "neighbour's dog.\n",
            id="the-house-dogs-medicine",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            "## Incident review, night staff\n\nEMERGENCY: staff called 911, then the house manager at 555-0142.\n"
            "OVERDOSE: a resident gave naloxone from the kit on the kitchen wall and stayed with him until help "
            "arrived.\nFIRE: the alarm sounded later; everyone left by the nearest exit and met at the mailbox "
            "across the street.\n",
            id="an-incident-review",
        ),
        pytest.param(
            ("2.F.16.e", "Policy or resident handbook section on residents' shared responsibility for safety"),
            "## Keeping each other safe\n\nEvery resident shares responsibility for the safety of the house. Residents "
            "look out for one another, and a resident worried about a housemate or about anything unsafe tells the "
            "house manager or raises it at the weekly house meeting.\n",
            "Table 2. Shared responsibility for safety, Elm Street House\n\n"
            "| Check | Source | Result |\n|---|---|---|\n"
            '| Residents share responsibility for safety | A church newsletter on the board: "Every member shares '
            'responsibility for keeping our gatherings safe." | Not a house rule |\n| Raising concerns | Same '
            'newsletter: "Tell the deacon if you are worried." | Not a house rule |\n',
            id="a-captioned-table-of-what-is-not-a-house-rule",
        ),
    ],
)
def test_what_a_title_makes_someone_elses_or_past_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """A subsection of a section not adopted, an agreement that is the staff's own, the house dog's
    medicine, an incident review told in the past, and a captioned table of what is no house rule
    state no rule of the house: the title says whose, or when, and reaches what it heads."""
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            SMOKING,
            f"# House manual\n\n## Appendix C: changes proposed last year (not adopted)\n\n### Curfew\n\nCurfew is "
            f"midnight.\n\n## Smoking\n\n{SMOKING_RULE}\n",
            id="a-section-after-the-one-not-adopted",
        ),
        pytest.param(
            EMERGENCY,
            "## Incident review, 3 May\n\nStaff called the house manager before 911. What we do now:\n\n"
            f"{EMERGENCY_RULE}",
            id="the-rule-an-incident-review-states-for-now-on",
        ),
        pytest.param(
            MEDICATION,
            f"## Staff search procedure\n\nStaff follow the house rule: {MEDICATION_RULE}\n",
            id="a-staff-procedure-applying-the-residents-rule",
        ),
    ],
)
def test_a_rule_beside_or_after_such_a_title_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    """What follows a subsection not adopted, the rule an incident review states in the present, and
    a staff procedure that states the residents' rule still meet every topic."""
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "## Move-in\n\nNew residents get no walk-through on move-in day: nothing on the emergency exits, the "
            "meeting spot, the fire plan or the naloxone, and they sign nothing about it.\n",
            id="residents-get-no-walk-through",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
            '## Our agreement\n\nLine four used to read: "I agree not to use, possess or seek alcohol or illicit '
            'drugs, on or off the property, while I live at Birchwood House." We dropped that line when we rewrote '
            "the agreement, and residents now sign only the rent page.\n",
            id="we-dropped-that-line",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            "## Medication\n\nBefore we moved to Elm Court, every resident's medication, prescription or "
            "over-the-counter, sat in his own locked box in the office, and residents took it only as directed and "
            "did not share, sell or trade it.\n",
            id="before-we-moved",
        ),
        pytest.param(
            DETECTORS,
            DETECTOR_RULE,
            "SAFETY CHECK, done once in March when Sam moved in\nSam did it with a friend:\n"
            "- smoke detectors: test button in each bedroom and hall\n"
            "- carbon monoxide detector: by the gas furnace\n"
            "- fire extinguisher: kitchen, in plain view, gauge in the green\n"
            "- inspection log signed\n",
            id="a-list-under-a-lead-in-told-once",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "## Your first week as staff\n\nNew-staff orientation walks each new hire through the emergency exits, the "
            "meeting spot, the fire plan and where the naloxone is kept, and the new hire signs the orientation "
            "checklist.\n",
            id="new-staff-orientation",
        ),
    ],
)
def test_what_is_not_given_dropped_or_done_before_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """ "Residents get no walk-through", a line "we dropped", what was done "before we moved", a list
    under a lead-in telling what was done once, and new staff's orientation state no rule of the house."""
    _twin_meets_none(rule, live, twin, tmp_path)


def test_a_heading_over_a_promise_only_meets_nothing(tmp_path: Path) -> None:
    """A heading that names the topic, over a section that only promises the rule, lends it nothing."""
    text = "## Smoking inside and the smoking area\n\nA rule on this is still to be developed by the house meeting.\n"
    topics, missing, reason = _outcome(SMOKING, text, tmp_path)
    assert missing == topics, reason


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            "Questions for the house meeting (nothing below is posted)\n\n| Posting? | Where? | What would it say? |\n"
            "|---|---|---|\n| Emergency numbers? | kitchen? | 911, the house manager at 555-0142? |\n"
            "| Overdose steps? | bathroom doors? | give naloxone from the kitchen kit, stay until help arrives? |\n"
            "| Fire? | each floor? | leave by the nearest exit, meet at the mailbox across the street? |\n",
            id="a-table-of-open-questions",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            "## Emergency sheet\n\nThe manager plans to draft an emergency sheet once the kitchen is painted. It "
            "could say to call 911 first and then the house manager at 555-0142, to give naloxone from the kit on the "
            "kitchen wall and stay until help arrives, and to leave by the nearest exit and meet at the mailbox "
            "across the street.\n",
            id="what-a-planned-sheet-could-say",
        ),
        pytest.param(
            DETECTORS,
            DETECTOR_RULE,
            "Safety equipment inventory (for the insurer)\n\n| Item | Where | Bought |\n|---|---|---|\n"
            "| Smoke detector | each bedroom and hall | 2024 |\n"
            "| Carbon monoxide detector | by the gas furnace | 2024 |\n"
            "| Fire extinguisher | kitchen, in plain view | 2025 |\n",
            id="an-inventory",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "STORE RULES - Elm Street Grocery (where two residents work)\n\n- Smoking and vaping are not allowed "
            "anywhere inside the store.\n- Smoke only at the bench by the back fence of the lot.\n",
            id="the-rules-of-a-store-where-residents-work",
        ),
    ],
)
def test_open_questions_plans_inventories_and_a_stores_rules_state_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """A table whose every cell asks, what a planned sheet could say, an inventory of the equipment, and
    the rules of a store where residents work state no rule of the house."""
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            DETECTORS,
            "## Inventory of safety equipment\n\nOne smoke detector per bedroom and hall.\n\n" + DETECTOR_RULE,
            id="the-rule-after-an-inventory",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication supplies are kept locked\n\n{MEDICATION_RULE}\n",
            id="a-heading-naming-supplies-as-a-rule",
        ),
    ],
)
def test_a_rule_near_an_inventory_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    """A rule in its own section after an inventory, and a heading that names supplies in a rule, still
    meet every topic."""
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SEARCHES,
            SEARCH_RULE,
            "ENTRY 4/2 - ROOM SEARCH, RM 3\n\nFound in the room: alcohol, mouthwash, paraphernalia and a knife. The "
            "house manager searched Rm 3 at 21:40, after R-3's positive test, with a second staff member present, "
            "and wrote the search in the search log.\n",
            id="a-log-entry-told-at-a-time-of-day",
        ),
        pytest.param(
            DETECTORS,
            DETECTOR_RULE,
            "## Landlord's safety policy (copied from the lease, FYI only)\n\nOn the first of every month the "
            "landlord's agent tests the smoke detector in each bedroom and hall and the carbon monoxide detector "
            "by the gas furnace, checks that the kitchen fire extinguisher hangs in plain view with its gauge in "
            "the green, and signs the inspection log.\n",
            id="fyi-only",
        ),
        pytest.param(
            ("2.F.16.e", "Policy or resident handbook section on residents' shared responsibility for safety"),
            "## Keeping each other safe\n\nEvery resident shares responsibility for the safety of the house. Residents "
            "look out for one another, and a resident worried about a housemate or about anything unsafe tells the "
            "house manager or raises it at the weekly house meeting.\n",
            "## Safety\n\nWhose job is the safety of the house, and do residents look out for one another?\n"
            "Who does a resident tell about a housemate he is worried about: the house manager, or the house "
            "meeting?\n",
            id="questions-nobody-answers",
        ),
    ],
)
def test_a_log_entry_an_fyi_copy_and_unanswered_questions_state_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """A log entry told in the past (a time of day, "21:40", is no colon, and "R-3's" is no "is"), a
    copy of the landlord's policy "FYI only", and questions nobody answers state no rule."""
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            DETECTORS,
            "Q (new housemate): Who tests the smoke alarms here? The one in my room chirps.\n"
            "A (house lead): I do. On the first Saturday of every month I test the smoke detector in each bedroom "
            "and hall and the carbon monoxide detector by the furnace, check that the kitchen fire extinguisher "
            "hangs in plain view with a green gauge, and write it in the safety log.\n",
            "Q (new housemate): Who tests the smoke alarms here? The one in my room chirps.\n"
            "A (house lead): Nobody that I know of. Should one of us test the smoke detector in each bedroom and "
            "hall and the carbon monoxide detector by the furnace every month, and check that the kitchen fire "
            "extinguisher hangs in plain view? Let's put it on Sunday's agenda.\n",
            id="an-askers-remark-a-long-question-and-the-agenda",
        ),
        pytest.param(
            CONSENT,
            "Paperwork at move-in (house lead and new resident)\n"
            "\u2611 house agreement signed\n"
            "\u2611 consent to drug screening signed: urine or breath tests at random and on suspicion\n"
            "\u2611 rent sheet\n",
            "Paperwork at move-in (house lead and new resident)\n"
            "\u2611 house agreement signed\n"
            "\u2717 consent to drug screening: there is none, this house does not test anyone\n"
            "\u2611 rent sheet\n",
            id="a-crossed-item-among-ticked-ones",
        ),
        pytest.param(
            ORIENTATION,
            "Move-in orientation (copy kept in the resident's file)\n\n"
            "| Step | Covered? |\n|---|---|\n"
            "| Walk through the exits and the meeting spot, the fire and overdose steps | yes, on move-in day |\n"
            "| Resident signs this orientation sheet | yes |\n",
            "Move-in orientation (copy kept in the resident's file)\n\n"
            "| Step | Covered? |\n|---|---|\n"
            "| Walk through the exits and the meeting spot, the fire and overdose steps | No, we skip it |\n"
            "| Resident signs this orientation sheet | no |\n",
            id="a-question-column-answered-no",
        ),
        pytest.param(
            DETECTORS,
            DETECTOR_RULE,
            "## Safety gear (property inventory)\n\nSmoke detectors: one in each bedroom and hall. Carbon monoxide "
            "detector: one, by the gas furnace. Fire extinguisher: one, in the kitchen. All bought in 2022.\n",
            id="a-title-tagged-inventory",
        ),
        pytest.param(
            DETECTORS,
            DETECTOR_RULE,
            "## Before we opened\n\nOn one weekday before the first residents moved in, the county inspector:\n"
            "- tested the smoke detector in each bedroom and hall;\n"
            "- tested the carbon monoxide detector by the gas furnace;\n"
            "- checked that the kitchen fire extinguisher was charged and in plain view.\n",
            id="a-list-under-a-lead-in-telling-one-day",
        ),
        pytest.param(
            DETECTORS,
            DETECTOR_RULE,
            "## Fire safety week\n\nThe firefighters will visit the library on Saturday and show "
            "families how smoke detectors and carbon monoxide detectors work. They test the fire extinguishers on "
            "their trucks every month, they told us.\n",
            id="what-firefighters-do-and-go-on-doing",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "## Smoking\n\nQ: Is there a rule on smoking or vaping inside? Do smokers use the bench by the back "
            "fence? (there is an ashtray out there)\nA: Nobody has decided. This handbook sets no smoking rule.\n",
            id="questions-with-an-afterthought-and-no-rule-set",
        ),
        pytest.param(
            ("2.F.16.b", "Prohibited-items list and search procedure"),
            "## Searches\n\nAlcohol, drugs and weapons are banned in the house. The house manager shall not search a "
            "resident's room alone: a second staff member is present, and each search is written in the search "
            "log.\n",
            "## Personal belongings\n\nThe house keeps no list of banned items. Even when something seems wrong, "
            "the house manager shall not search a resident's room or belongings, alone or with anyone else.\n",
            id="a-search-the-manager-shall-not-make-at-all",
        ),
        pytest.param(
            DETECTORS,
            "## Alarms\n\nDo we test the smoke detector in each bedroom and hall, the carbon monoxide detector by "
            "the furnace and the kitchen fire extinguisher on the first of every month?\nYes, and it goes in the "
            "safety log.\n",
            "## Alarms\n\nDo we test the smoke detector in each bedroom and hall, the carbon monoxide detector by "
            "the furnace and the kitchen fire extinguisher on the first of every month?\nYes, once the board "
            "approves the new safety plan.\n",
            id="a-yes-that-comes-later",
        ),
        pytest.param(
            EMERGENCY,
            "## In an emergency\n\nCall 911 first, then the house manager at 555-0142. For an overdose, give "
            "naloxone from the red box by the front door and start rescue breathing. For a fire, leave by the "
            "nearest exit and meet at the corner mailbox.\n",
            "## Finding 3\n\nThe emergency sheet came down when the hall was painted in June. Residents recalled "
            "that it had listed 911 and the house manager's phone, had told them to give naloxone for an overdose, "
            "and had shown the way out to the corner mailbox.\n",
            id="what-residents-recall-it-had-said",
        ),
        pytest.param(
            SCREENING,
            SCREENING_RULE,
            "Room 2 sample, 3 May: incident review\n\nThe resident gave an observed urine sample at random that "
            "week. The cup was read at five minutes; the positive result was reviewed with the house manager the "
            "same day.\n",
            id="an-incident-reviews-title",
        ),
        pytest.param(
            ("2.F.16.e", "Policy or resident handbook section on residents' shared responsibility for safety"),
            "## Keeping each other safe\n\nEvery resident shares responsibility for the safety of the house. "
            "Residents look out for one another, and a resident worried about a housemate tells the house "
            "manager or raises it at the weekly house meeting.\n",
            "## Safety (notes for the meeting)\n\n- a housemate using again, a stove left on \u2192 do residents "
            "look out for one another and share responsibility for safety? should they tell the house manager?\n",
            id="a-question-after-an-arrow",
        ),
        pytest.param(
            AGREEMENT,
            f"Resident agreement\n\n{AGREEMENT_RULE}\n\nResident signature: ________\n",
            "Visitor Agreement: Our Sober Home\n\nAs a guest, I agree not to bring or use alcohol or illicit drugs "
            "on the property during my visit.\n\nVisitor signature: ________\n",
            id="a-visitors-agreement",
        ),
    ],
)
def test_an_askers_remark_a_crossed_item_an_inventory_or_a_day_once_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """What an FAQ's asker says beside the question, a question too long to have read as one, a matter
    put on the agenda, a checklist's crossed item among ticked ones, a question column answered "No", a
    title tagged as an inventory, a list under a lead-in telling one day, what firefighters do (and "They
    ..." after it), a question with an afterthought in brackets, "sets no ... rule", and a visitors'
    agreement state no rule for the house."""
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "topics", "text"),
    [
        pytest.param(
            SMOKING,
            ["smoking and tobacco", "not indoors", "designated area or smoke-free property"],
            "Questions for the owner\n\nShould smoking and vaping be banned everywhere inside the house, with "
            "residents who smoke using only the bench by the back fence?\nYes: that has been the rule since 2021.\n",
            id="a-question-answered-yes",
        ),
        pytest.param(
            ("3.H.26.c", "Policy describing how residents give input on operations"),
            ["input on how the home is run"],
            "Scenario: residents say a new rule came out of nowhere. What do you do?\nExpected answer: put it on "
            "the agenda for Monday's house meeting and let the residents propose changes; remind them of the "
            "suggestion box and the monthly resident council, which is how rules and house purchases get changed.\n",
            id="an-agenda-that-is-the-rule",
        ),
        pytest.param(
            ("2.F.16.a", "Alcohol- and drug-free policy (policy and procedure manual)"),
            ["illicit drugs", "use is forbidden"],
            "Policy manual, section 1\n\n| What | OK here? | Notes |\n|---|---|---|\n"
            "| Alcohol of any kind | NO | on or off the property |\n"
            "| Illicit drugs | NO | using, holding or selling |\n",
            id="a-permission-column-answered-no-forbids",
        ),
    ],
)
def test_a_question_answered_yes_an_agenda_rule_and_a_no_that_forbids_still_count(
    rule: tuple[str, str], topics: list[str], text: str, tmp_path: Path
) -> None:
    """A yes-or-no question answered yes states what it asks; putting a matter on the agenda is the rule
    where it is the procedure; "NO" under "OK here?" forbids."""
    _, missing, reason = _outcome(rule, text, tmp_path)
    assert not set(topics) & set(missing), reason


SHARED_SAFETY = ("2.F.16.e", "Policy or resident handbook section on residents' shared responsibility for safety")


@pytest.mark.parametrize(
    ("rule", "topics", "text"),
    [
        pytest.param(
            SHARED_SAFETY,
            ["looking out for one another", "how concerns are raised"],
            'Handbook section 5, "Residents look out for one another and raise any safety worry at the house '
            "meeting\": we don't have it; residents get nothing like it at move-in.\n",
            id="a-section-named-then-not-there",
        ),
        pytest.param(
            SHARED_SAFETY,
            ["looking out for one another", "how concerns are raised"],
            "Safety at the house\n\nIf someone sees a housemate struggling or doing something dangerous, nobody "
            "expects them to check on them or to raise it with the house manager.\n",
            id="nobody-expects-them-to",
        ),
    ],
)
def test_what_is_named_as_not_there_or_asked_of_nobody_meets_no_topic(
    rule: tuple[str, str], topics: list[str], text: str, tmp_path: Path
) -> None:
    """Written for this test after the twenty-seventh round of the blind corpus (a manager's handover notes)."""
    _, missing, reason = _outcome(rule, text, tmp_path)
    assert set(topics) <= set(missing), reason


def test_we_dont_have_one_after_a_list_denies_that_item_only(tmp_path: Path) -> None:
    """ "We don't have one." after a list of what is there takes back nothing of the list."""
    text = (
        "Fire safety\n\nSmoke alarms are in every bedroom and the halls, and the extinguisher hangs by the kitchen "
        "door. The carbon monoxide detector, people ask about that. We don't have one. The house manager tests the "
        "smoke alarms and checks the extinguisher gauge on the first Monday of every month.\n"
    )
    _, missing, reason = _outcome(
        ("2.F.17.c", "Safety inspection policy (detectors, extinguishers, inspection schedule)"), text, tmp_path
    )
    assert not {"smoke detectors", "fire extinguishers"} & set(missing), reason


# An absence (see the cases "no-med-policy-behind-it" and after in CASES) takes back only the topics it
# names, and only on life-safety rules. Written for this test at stop 25.


def test_an_absence_takes_back_only_the_topics_it_names(tmp_path: Path) -> None:
    """ "The house keeps no extinguisher log" takes back the extinguishers (and the schedule of checks that
    names them), not the detectors' tests."""
    text = f"## Safety checks\n\n{SAFETY_CHECKS_RULE} The house keeps no extinguisher log, though.\n"
    _, missing, reason = _outcome(SAFETY_CHECKS, text, tmp_path)
    assert missing == ["fire extinguishers", "inspection schedule"], reason


def test_an_absence_named_by_the_topic_takes_it_back(tmp_path: Path) -> None:
    """ "There's no meds rule in our manual", under a heading that names no medicine, takes back the topic
    whose name is medication (its sentence says "prescriptions and over-the-counter pills"), not the others."""
    text = (
        "## The lockbox\n\nResidents keep their prescriptions and over-the-counter pills in a locked box and take them "
        "only as directed, never sharing them. There's no meds rule in our manual; it's just what people do.\n"
    )
    topics, missing, reason = _outcome(MEDICATION, text, tmp_path)
    assert missing == ["prescription and over-the-counter medication"], reason
    assert len(topics) > 1


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} We have no rule against smoking in your own car.\n",
            id="no-rule-against-something-else",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE} If there is no log sheet in the binder, print one from the "
            "shared drive.\n",
            id="a-condition",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE}\n\n## Sprinklers\n\nThe house has no sprinkler schedule: "
            "there are no sprinklers.\n",
            id="another-section",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} Staff who are used to smoking on the porch use the bench too.\n",
            id="are-used-to-is-no-past-habit",
        ),
        pytest.param(  # what stopped is the porch smoking, when the rule came in
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} Smoking on the porch used to be a problem. That stopped when we posted this "
            "rule.\n",
            id="that-stopped-when-we-posted-the-rule",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} The old porch checks stopped being needed.\n",
            id="checks-stopped-being-needed",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM.strip() + " The form doesn't ask for that person's address.\n",
            id="the-form-doesnt-ask-for-that-persons-address",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE} The old furnace never passed inspection, so it was replaced.\n",
            id="it-never-passed-inspection",
        ),
        pytest.param(  # what the lease leaves open is one detail, not the rule
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} The lease says nothing about how late the bench may be used.\n",
            id="says-nothing-about-a-detail",
        ),
        pytest.param(  # the old way told first, then the rule
            SMOKING,
            f"## Smoking\n\nResidents smoked on the porch until 2023; that was the old policy. {SMOKING_RULE}\n",
            id="the-old-policy-before-the-rule",
        ),
        pytest.param(  # a rule in capitals is no stamp
            SMOKING,
            f"NO SMOKING INSIDE - DO NOT USE THE BACK STAIRWELL\n{SMOKING_RULE}\n",
            id="a-rule-in-capitals",
        ),
        pytest.param(  # what a house adapts from a template is its own
            SMOKING,
            f"Smoking (adapted from the affiliate's template)\n{SMOKING_RULE}\n",
            id="adapted-from-a-template",
        ),
        pytest.param(  # "NOT OURS" said of whose words, in a title in capitals
            SMOKING,
            f"SMOKING - YOUR CHOICE OF SPOT, NOT OURS\n{SMOKING_RULE}\n",
            id="not-ours-in-a-title-in-capitals",
        ),
        pytest.param(  # a question in the steps, answered by them
            EMERGENCY,
            "## Emergencies\n\nIf someone might be overdosing, shout their name. No answer? Call 911, give naloxone "
            "from the kit on the kitchen wall and stay with them until help arrives. In an emergency, call 911 first "
            "and then the house manager at 555-0142. If the alarm sounds, leave by the nearest exit and meet at the "
            "mailbox across the street.\n",
            id="no-answer-question-in-the-steps",
        ),
        pytest.param(  # what nobody has said is the clause before it, not the rule
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} Whether the bench has a roof, nobody's ever said.\n",
            id="nobody-said-of-its-own-clause",
        ),
        pytest.param(
            SMOKING,
            "## Smoking\n\nCigarettes, cigars, vapes: none of it happens inside. Residents who smoke may do so only at "
            "the bench by the back fence. If you see anything like that indoors, tell the manager.\n",
            id="none-of-it-inside-is-the-rule",
        ),
        pytest.param(
            ("1.C.7.b", "Grievance policy and procedure"),
            "## Grievances\n\nA resident with a grievance writes it down and gives it to the house manager, who "
            "answers within seven days. If it is not resolved, the resident may take it to the owner, and then to the "
            "state affiliate. There is no form; a note is enough.\n",
            id="not-a-life-safety-rule",
        ),
    ],
)
def test_a_life_safety_rule_stands_beside_an_absence_of_something_else(
    rule: tuple[str, str], text: str, tmp_path: Path
) -> None:
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("sentence", "papers"),
    [
        ("There's no med policy behind it.", ["med policy"]),
        ("We don't have a rule on sharing yet.", ["rule sharing yet"]),
        ("The house has nothing on paper for any of these.", [None]),
        ("Surveyor sampled 3 files: no such box.", [None]),
        ("There is no policy.", [None]),
        ("No inspection log is kept.", ["inspection log"]),
        ("The house uses no such checklist.", [None]),
        ("Alder Street uses no sign-in sheet for drills.", ["sign-in sheet drills"]),
        ("We have no rule against pets.", []),
        ("If there is no form, ask the manager.", []),
        ("For now nothing in writing changes.", []),
        ("There is no smoking inside.", []),
        ("The relief manager doesn't have a key to the cabinet.", []),
        ("For now there's nothing written down about smoking.", ["smoking"]),
        ("Nothing is written down yet.", [None]),
        ("Nothing written on how we do them right now.", []),
    ],
)
def test_what_a_sentence_says_the_house_has_no_paper_for(sentence: str, papers: list[str | None]) -> None:
    from narr_audit.base.language import absent_papers

    assert absent_papers(sentence) == papers


def test_a_line_opening_no_steps_lists_what_is_not_there(tmp_path: Path) -> None:
    """ "No overdose steps (call 911, give naloxone ...)": what the line lists is absent; "No signed form, no
    move-in." is still a rule (see the consent form's cases)."""
    live = f"## Emergencies\n\n{EMERGENCY_RULE}"
    twin = (
        "## The emergency sheet\n\nNothing is posted on the fridge or by the doors.\n"
        "No emergency numbers (911, the house manager at 555-0142).\n"
        "No overdose steps (give naloxone from the kit on the kitchen wall, stay with them until help arrives).\n"
        "No fire route (leave by the nearest exit and meet at the mailbox across the street).\n"
    )
    _twin_meets_none(EMERGENCY, live, twin, tmp_path)


NALOXONE_PLACE = ("2.F.19.d", "Naloxone procedure saying where naloxone is kept")
NALOXONE_PLACE_RULE = "Naloxone is kept in the red box on the kitchen wall, never locked, where anyone can reach it."


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## Testing\n\nUntil the spring: {SCREENING_RULE} The lab closed in April, so nothing in place now.\n",
            id="nothing-in-place-now",
        ),
        pytest.param(
            CONSENT,
            CONSENT_FORM,
            "## Consent to testing\n\nWe asked Elm Court for a copy of their form, where a resident agrees to give a "
            "urine or breath sample for drug and alcohol testing at random or on suspicion. Nothing faxed yet.\n",
            id="nothing-faxed-yet",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            "## Move-in\n\nThe county coalition's checklist: the house manager walks each new resident through the "
            "emergency exits, the meeting spot, the fire plan and where the naloxone is kept, and the resident signs "
            "it - not used yet.\n",
            id="not-used-yet",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "## Emergency contact\n\nOn the move-in form, each resident gave the name, relationship and phone number "
            "of a person we may call in an emergency.\nDropped when the owners went to a one-page form last year.\n",
            id="dropped-when",
        ),
        pytest.param(
            CONSENT,
            CONSENT_FORM,
            "## Consent to testing\n\nAt Willow Lane, every resident signs a consent to give a urine or breath sample "
            "for drug and alcohol testing whenever the manager asks. We're a different setup here.\n",
            id="a-different-setup-here",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\n{SMOKING_RULE}\nVote 👍 or 👎 below!\n",
            id="vote-below",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE}\n",
            "## Naloxone\n\nMarta asked where our naloxone should live once the kits arrive.\nLet's vote: the red box "
            "on the kitchen wall, never locked, or the shelf by the front door.\n",
            id="lets-vote",
        ),
        pytest.param(
            AGREEMENT,
            f"Every resident signs this agreement at move-in: {AGREEMENT_RULE}\n",
            "Sharing this from our friends at Cedar Hollow! Every resident signs this agreement at move-in: "
            f"{AGREEMENT_RULE}\n",
            id="a-shared-post",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE}\n",
            "## Out and about\n\nSpotted at the Riverside Community Center! Naloxone is kept in a yellow box by the "
            "front desk, never locked, where anyone can reach it.\n",
            id="spotted-elsewhere",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "## Smoking\n\nPOLL: smoking and vaping not allowed anywhere inside the house, and residents who smoke go "
            "only to the bench by the back fence. Thumbs up or down.\n",
            id="a-poll",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "## Smoking\n\nIf our dog Biscuit wrote the rules: smoking and vaping are not allowed anywhere inside the "
            "house, and residents who smoke may do so only at the bench by the back fence.\n",
            id="if-the-dog-wrote-the-rules",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
            "# Resident Agreement\n\nBack then every resident signed a promise not to use, possess or seek alcohol or "
            "illicit drugs, on or off the property, while living at Birchwood House.\n",
            id="back-then",
        ),
    ],
)
def test_a_shared_post_a_poll_a_joke_and_what_ended_state_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """A social page's shared post, a sight seen elsewhere, a poll, a joke supposing who writes the rules;
    a planner's note that nothing is in place, faxed or used yet, that a form's section was dropped, that
    this house is "a different setup"; a time "back then": none states the house's rule in effect."""
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} Nothing is posted now without the manager's OK.\n",
            id="posted-now-without",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE} Spare kits not used yet stay in the office.\n",
            id="kits-not-used-yet",
        ),
        pytest.param(CONTACTS, f"{CONTACTS_FORM}Dropped keys go to the office.\n", id="dropped-keys"),
        pytest.param(
            CONSENT,
            f"Every house is different, so read this page with the manager.\n\n{CONSENT_FORM}",
            id="every-house-is-different",
        ),
        pytest.param(
            NALOXONE_PLACE,
            "## Naloxone\n\nSpotted at the back door: our new red box. Naloxone is kept there, on the wall by the back "
            "door, never locked, where anyone can reach it.\n",
            id="spotted-at-our-back-door",
        ),
        pytest.param(
            AGREEMENT,
            "# Resident Agreement\n\nBack then we had no written rule; now every resident signs a promise not to use, "
            "possess or seek alcohol or illicit drugs, on or off the property, while living at Birchwood House.\n",
            id="back-then-and-now",
        ),
    ],
)
def test_a_rule_beside_such_words_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SHARED_SAFETY,
            "## Keeping each other safe\n\nEvery resident is accountable for the safety of the whole house, not only "
            "his own: if you are worried about someone, or see something unsafe, you bring it to the house leader "
            "right away or raise it at the weekly house meeting.\n",
            "## Keeping each other safe\n\nOur plan is to add a line to the handbook that every resident is "
            "accountable for the safety of the whole house, not only his own, and brings any worry about someone, or "
            "anything unsafe, to the house leader right away or to the weekly house meeting.\n",
            id="our-plan-is-to-add",
        ),
    ],
)
def test_what_someone_plans_to_add_states_no_rule(rule: tuple[str, str], live: str, twin: str, tmp_path: Path) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


def test_nothing_of_its_own_on_paper_is_an_absence() -> None:
    from narr_audit.base.language import absent_papers

    assert absent_papers("Alder Street House has nothing of its own on paper.") == [None]
    assert absent_papers("Maple House has nothing on paper yet.") == [None]


def test_a_checklist_filed_with_personnel_records_is_the_staffs_not_the_residents(tmp_path: Path) -> None:
    """ "Signed checklists are kept in personnel files": the signed paper is an employee's, so it is no
    resident's sign-off; one kept in the resident's file still is."""
    live = (
        "## Move-in\n\nOn move-in day the house manager walks each new resident through the emergency exits, the "
        "meeting spot, the fire plan and where the naloxone is kept. Signed checklists are kept in resident files.\n"
    )
    twin = live.replace("resident files", "personnel files")
    _, missing, reason = _outcome(ORIENTATION, live, tmp_path)
    assert "resident sign-off" not in missing, reason
    _, missing, reason = _outcome(ORIENTATION, twin, tmp_path)
    assert "resident sign-off" in missing, reason


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "What the last owner's staff did (we bought the house in May and don't use their forms):\n"
            "- On the move-in form, each resident gave the name, relationship and phone number of a person to call in "
            "an emergency.\n",
            id="we-dont-use-their-forms",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## From my last house\n\nI kept the Ridge House binder. {SCREENING_RULE} The manager here hasn't given "
            "us any binder like that.\n",
            id="hasnt-given-us-any-like-that",
        ),
        pytest.param(
            CONSENT,
            CONSENT_FORM,
            "## Consent to testing\n\nThe office keeps a sample printed from a website: I agree to give a urine or "
            "breath sample for drug and alcohol testing whenever the house manager asks, at random or on suspicion. "
            "Nobody here has signed one.\n",
            id="nobody-here-has-signed-one",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            f"## Medication\n\nAt the Birch Street house: {MEDICATION_RULE} Here we just keep our things wherever.\n",
            id="here-we-just-keep-them-wherever",
        ),
    ],
)
def test_another_houses_rule_beside_what_is_done_here_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    """A former operator's practice under a tag saying its forms are not used, a binder from another house
    "the manager here hasn't given us any like", a sample "nobody here has signed", and another house's
    rule before "Here we just keep our things wherever": none is this house's rule."""
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            MEDICATION,
            "## Medication\n\nHere we just ask one thing: every resident's medication, prescription or "
            "over-the-counter, is kept in his own locked box in the office. Residents take medication only as directed "
            "and never share, sell or trade it.\n",
            id="here-we-just-ask",
        ),
        pytest.param(CONSENT, f"{CONSENT_FORM}Everybody here has signed one.\n", id="everybody-has-signed-one"),
        pytest.param(
            CONTACTS,
            "## Emergency contact (we don't use the old forms' wording)\n\nOn the move-in form, each resident gives "
            "the name, relationship and phone number of a person we may call in an emergency. The form is kept in the "
            "locked office file.\n",
            id="not-the-old-forms-wording",
        ),
    ],
)
def test_a_rule_beside_such_a_contrast_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    _meets_every_topic(rule, text, tmp_path)


def test_no_reading_is_keyed_twice() -> None:
    """The readings keyed by a word are written as one dict literal: a key written twice (or again in a
    `**dict.fromkeys(...)` group) would silently drop the first key's readings."""
    import ast

    from narr_audit.base import language

    tree = ast.parse(Path(language.__file__).read_text(encoding="utf-8"))
    target = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "_DISOWNS_BY_WORD"
    )
    literal = next(node for node in ast.walk(target) if isinstance(node, ast.Dict) and len(node.keys) > 5)
    keys: list[str] = []
    for key, value in zip(literal.keys, literal.values, strict=True):
        if key is None:  # **dict.fromkeys((...), (...))
            assert isinstance(value, ast.Call) and isinstance(value.args[0], ast.Tuple)
            for element in value.args[0].elts:  # words, or groups of them written *("a", "b")
                if isinstance(element, ast.Starred):
                    keys.extend(ast.literal_eval(element.value))
                else:
                    keys.append(ast.literal_eval(element))
        else:
            keys.append(ast.literal_eval(key))
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
    assert set(keys) == set(language._DISOWNS_BY_WORD)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            f"## The sheet for the fridge\n\nFrom the coalition's kit: {EMERGENCY_RULE}It's a blank template.\n",
            id="a-blank-template",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            f"## The sheet for the fridge\n\nFrom the coalition's kit: {EMERGENCY_RULE}"
            "We haven't filled it in or posted it.\n",
            id="not-filled-in-or-posted",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            f"## Medication\n\nPasted from the Larkspur handbook: {MEDICATION_RULE} Interesting, but it's theirs.\n",
            id="but-its-theirs",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            f"## Medication\n\nAt the detox: {MEDICATION_RULE}\nWell, that was the detox.\n",
            id="that-was-the-detox",
        ),
    ],
)
def test_a_template_another_houses_rule_or_the_detoxs_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE} The key to each box is the resident's: it's theirs to keep.\n",
            id="theirs-to-keep",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE} That was the hospital's advice too, and it is our rule.\n",
            id="that-was-the-hospitals-advice",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}The blank template is in the office.\n",
            id="a-template-in-the-office",
        ),
    ],
)
def test_a_rule_beside_a_template_or_theirs_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## Testing\n\nThis is how the previous owner ran it; we are rewriting it. {SCREENING_RULE}\n",
            id="how-the-previous-owner-ran-it",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            "Q: How often do you test?\n\nA (manager): We don't; that's the clinic our residents attend. "
            f"{SCREENING_RULE}\n",
            id="we-dont-thats-the-clinic",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\nProposed at the May house meeting and voted down by residents: {SMOKING_RULE}\n",
            id="proposed-and-voted-down",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"A (owner): At our old house on Pine Street we said it plainly. {SMOKING_RULE}\n",
            id="at-our-old-house",
        ),
        pytest.param(
            ORIENTATION,
            f"## Move-in\n\n{ORIENTATION_RULE}\n",
            f"A (owner): There used to be, when we had a live-in manager. {ORIENTATION_RULE}\n",
            id="there-used-to-be",
        ),
        pytest.param(
            SHARED_SAFETY,
            "## Keeping each other safe\n\nEvery resident is accountable for the safety of the whole house, not only "
            "his own: if you are worried about someone, or see something unsafe, you bring it to the house leader "
            "right away or raise it at the weekly house meeting.\n",
            "## Keeping each other safe\n\nSome houses say every resident is accountable for the safety of the whole "
            "house, not only his own: if you are worried about someone, or see something unsafe, you bring it to the "
            "house leader right away or raise it at the weekly house meeting. We don't ask that of residents.\n",
            id="we-dont-ask-that-of-residents",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE}\n",
            f"## Naloxone\n\nUntil the remodel: {NALOXONE_PLACE_RULE} We're still deciding where it goes now.\n",
            id="still-deciding",
        ),
        pytest.param(
            SEARCHES,
            SEARCH_RULE,
            "## Searches\n\nThe station's own contraband rule bans alcohol, mouthwash, paraphernalia and weapons, and "
            "a room is searched only by the captain with a second officer present, every search written in the "
            "search log. Offered as a model; the house has nothing comparable.\n",
            id="nothing-comparable",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            f"## The emergency sheet\n\nWe are putting it together: {EMERGENCY_RULE}Not up yet.\n",
            id="not-up-yet",
        ),
    ],
)
def test_another_owners_way_a_vote_down_or_what_is_not_up_yet_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            SMOKING,
            f"## Smoking\n\nProposed at the May house meeting and adopted by residents: {SMOKING_RULE}\n",
            id="proposed-and-adopted",
        ),
        pytest.param(
            SMOKING,
            f"A (owner): At our house we say it plainly. {SMOKING_RULE}\n",
            id="at-our-house",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE} We don't make it a secret: every resident is shown the box.\n",
            id="not-a-secret",
        ),
    ],
)
def test_a_rule_beside_another_way_of_saying_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    _meets_every_topic(rule, text, tmp_path)


MEDICATION_ONE = (
    "each client's pills, prescribed or bought over the counter, stay locked in the nurse's cabinet and are taken "
    "only as the label directs, never shared."
)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "## Smoking\n\nWhat follows is Maple Court's (their binder p. 7, copied for comparison, not ours): "
            f"{SMOKING_RULE}\n",
            id="not-ours-after-a-page-number",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\nAt Alder House, {MEDICATION_ONE}\n",
            f"## Medication\n\nOur van driver asked about the day program. Per their policy, {MEDICATION_ONE}\n",
            id="per-their-policy",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\nAt Alder House, {MEDICATION_ONE}\n",
            "## Medication\n\nThe van goes to the day program twice a week. Per the clinic's procedure, "
            f"{MEDICATION_ONE}\n",
            id="per-another-places-procedure",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## Testing\n\nMy cousin's place runs it like this. {SCREENING_RULE} That's all in their handbook.\n",
            id="in-their-handbook",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            CONTACTS_FORM.replace("On the move-in form, each", "The council asked that each")
            + "\nIt's not on the form.\n",
            id="not-on-the-form",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            f"## The old poster\n\nWording back then:\n\n{EMERGENCY_RULE}",
            id="wording-back-then",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "## Emergency contact\n\nThe hospital's intake asks each patient for the name, relationship and phone "
            "number of a person to call in an emergency. We don't ask for any of that.\n",
            id="we-do-not-ask-for-any-of-that",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Detectors\n\n{SAFETY_CHECKS_RULE}\n",
            f"## Detectors\n\nHere's the idea from the workshop. {SAFETY_CHECKS_RULE} We haven't done any of it yet.\n",
            id="none-of-it-done",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            f"## Emergency sheet\n\nThe sheet from the workshop reads: {EMERGENCY_RULE}We haven't filled it in or put "
            "it up.\n",
            id="not-filled-in-or-put-up",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
            f"# Resident Agreement\n\nSam wrote this for the new place: {AGREEMENT_RULE} Nobody's voted on it.\n",
            id="nobody-voted-on-it",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
            f"# Resident Agreement\n\nSam wrote this for the new place: {AGREEMENT_RULE} Nobody has signed off.\n",
            id="nobody-signed-off",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "## Emergency contact\n\nThe shelter's form has a box where each resident gives the name, relationship and "
            "phone number of a person to call in an emergency.\n\nQ: Is that your form?\n\nA: Not ours.\n",
            id="not-ours-as-an-answer",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            "## Testing\n\nAt Juniper Lodge, a men's house in the next county (not us), every resident gives a urine "
            "sample in an observed cup at move-in and at random twice a month, and a positive or refused test is "
            "reviewed with the house manager the same day.\n",
            id="not-us-aside",
        ),
        pytest.param(
            SMOKING,
            f"## Notes\n\nFixed the porch light on Monday. Replaced two bulbs in the hall. {SMOKING_RULE}\n",
            "## Notes\n\nFixed the porch light on Monday. Replaced two bulbs in the hall. For comparison (Maple "
            f"Court's binder, nothing like it in ours): {SMOKING_RULE}\n",
            id="a-lead-in-within-a-section",
        ),
    ],
)
def test_another_places_paper_an_answer_or_a_lead_in_within_a_section_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            MEDICATION, f"## Medication\n\nPer the house's policy, {MEDICATION_ONE}\n", id="per-the-houses-policy"
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\nPer their prescriptions, {MEDICATION_ONE}\n",
            id="per-their-prescriptions",
        ),
        pytest.param(
            SMOKING,
            "## Notes\n\nFixed the porch light on Monday. Replaced two bulbs in the hall. Current rule: "
            f"{SMOKING_RULE}\n",
            id="an-ordinary-label-within-a-section",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM + "\nIf a name is not on the form, the manager asks again on the first day.\n",
            id="not-on-the-form-under-a-condition",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE} Managers get told, it's in their handbook, to log every refusal.\n",
            id="its-in-their-own-handbook",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n\nNote (RD): Does the county run its own lab? Owner: no, not ours.\n",
            id="no-not-ours-of-another-matter",
        ),
    ],
)
def test_a_rule_beside_words_that_could_disown_it_still_counts(
    rule: tuple[str, str], text: str, tmp_path: Path
) -> None:
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE}\n",
            f"## Naloxone\n\nFrom the training binder: {NALOXONE_PLACE_RULE} We haven't set anything like this up "
            "yet.\n",
            id="nothing-like-it-set-up",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            f"## Medication\n\nIdeas typed up for the spring meeting:\n\n{MEDICATION_RULE}\n\nScrawled on the corner: "
            '"Voted down 5-4."\n',
            id="a-verdict-voted-down",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Checks\n\n{SAFETY_CHECKS_RULE}\n",
            f"## Checks\n\nA card on the gym wall across the alley: {SAFETY_CHECKS_RULE} Their card, their gym.\n",
            id="their-card-their-place",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\n(An old enamel plate in the shed; it means nothing now.) {SMOKING_RULE}\n",
            id="means-nothing-now",
        ),
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\n{ORIENTATION_RULE}\n",
            f"## Orientation\n\nA handout from a course in another town: {ORIENTATION_RULE} The owner says the house "
            "hasn't taken it up.\n",
            id="not-taken-up",
        ),
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\n{ORIENTATION_RULE}\n",
            f"## Orientation\n\n{ORIENTATION_RULE}\n\nPencilled below: Not started yet - the binder is still at the "
            "printer.\n",
            id="not-started-yet",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\nCopied from my friend's house rules in Dayton, for the file: {SMOKING_RULE}\n",
            id="a-friends-house-rules",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Checks\n\n{SAFETY_CHECKS_RULE}\n",
            f"## Checks\n\nMy plan for the checks, typed up last night. {SAFETY_CHECKS_RULE} The owner hasn't said "
            "yes.\n",
            id="owner-has-not-said-yes",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            "## Intake form\n\nSection 4 - Emergency contact name, relationship and phone number: N/A\n",
            id="a-field-left-n-a",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            f"## Emergencies\n\nAn old version on the office computer, never printed or posted: {EMERGENCY_RULE}",
            id="a-version-never-printed",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            f"## Medication\n\nCopied from the county hospital's discharge leaflet: {MEDICATION_RULE}\n",
            id="copied-from-a-hospital-leaflet",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Detectors\n\n{SAFETY_CHECKS_RULE}\n",
            f"## Detectors\n\nThe county inspector's memo, as sent: {SAFETY_CHECKS_RULE} We have not acted on the "
            "memo.\n",
            id="not-acted-on-the-memo",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE}\n",
            f"[Fri 8:10 PM] Manager Lee: Kit poll: where should the naloxone live? {NALOXONE_PLACE_RULE}\n",
            id="a-chat-poll",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
            "# Application, part 4\n\nItem 4.2 - Does your resident agreement repeat the no-alcohol, no-drugs rule? "
            "Quote the clause.\n\nOperator response: Not yet.\n",
            id="a-numbered-form-question",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            f"## Emergencies\n\nNot written yet - front hall or kitchen wall?\n\n{EMERGENCY_RULE}",
            id="not-written-yet-dash",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
            f"# Resident Agreement\n\nEach resident signs this at move-in: {AGREEMENT_RULE} Birchwood has no matching "
            "rule.\n",
            id="no-matching-rule",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\n",
            f"## Medication\n\n[A poster from the county clinic, mailed here by mistake and pinned up anyway.]\n\n"
            f"{MEDICATION_RULE}\n",
            id="mailed-here-by-mistake",
        ),
    ],
)
def test_a_verdict_a_neighbours_sign_or_a_checklist_not_started_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(SMOKING, f"## Smoking\n\nOur house, our rules. {SMOKING_RULE}\n", id="our-house-our-rules"),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nA warning means nothing here without a date, so each one is written down. {SMOKING_RULE}\n",
            id="means-nothing-without",
        ),
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\n{ORIENTATION_RULE} Residents not started yet on the chore wheel shadow a peer.\n",
            id="not-started-yet-within-a-rule",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nThe owner's house rules, as signed at move-in: {SMOKING_RULE}\n",
            id="the-owners-rules",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Checks\n\n{SAFETY_CHECKS_RULE} A new resident who hasn't said yes to the walk-through shadows the "
            "manager.\n",
            id="has-not-said-yes-to-a-thing",
        ),
        pytest.param(
            CONTACTS,
            "## Intake form\n\nSection 4 - Emergency contact: the name, relationship and phone number of a person we "
            "may call in an emergency.\n",
            id="a-field-filled-in",
        ),
        pytest.param(
            MEDICATION, f"## Medication\n\nCopied from our house binder: {MEDICATION_RULE}\n", id="copied-from-ours"
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}The sheet is never posted without the manager's initials.\n",
            id="never-posted-without",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Detectors\n\nWe acted on the county inspector's memo in May. {SAFETY_CHECKS_RULE}\n",
            id="acted-on-the-memo",
        ),
        pytest.param(
            AGREEMENT,
            "# Application, part 4\n\nItem 4.2 - Does each resident sign the house's no-alcohol, no-drugs agreement at "
            f"move-in?\n\nYes. Its clause reads: {AGREEMENT_RULE}\n",
            id="a-numbered-form-question-answered-yes",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\nIf a dose is taken by mistake, tell the manager. {MEDICATION_RULE}\n",
            id="by-mistake",
        ),
    ],
)
def test_a_rule_beside_a_verdict_like_word_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## Testing\n\nIt is Elm Court's practice, not mine. {SCREENING_RULE}\n",
            id="not-mine",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## Testing\n\n{SCREENING_RULE}\n\nNote: all of it ended when the county money dried up.\n",
            id="all-of-it-ended-when",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## Testing\n\n{SCREENING_RULE} We haven't tested anyone since.\n",
            id="not-tested-since",
        ),
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\n{ORIENTATION_RULE}\n",
            f"## Orientation\n\n{ORIENTATION_RULE}\n\n(Later note: I stopped all of this in 2015 and never picked it "
            "back up again.)\n",
            id="never-picked-up-again",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Checks\n\n{SAFETY_CHECKS_RULE}\n",
            f"## Checks\n\nThe inspector's visit in 2020 went like this. {SAFETY_CHECKS_RULE} Nobody has checked "
            "since.\n",
            id="nobody-checked-since",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergencies\n\n{EMERGENCY_RULE}",
            f"## Emergencies\n\n{EMERGENCY_RULE}That is still a draft in my inbox.\n",
            id="still-a-draft",
        ),
        pytest.param(
            CONTACTS,
            CONTACTS_FORM,
            CONTACTS_FORM + "\nWe've talked about adopting it, nothing more.\n",
            id="talked-about-adopting-it",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\nFrom the old owner's binder. {SMOKING_RULE} I haven't decided whether to keep it.\n",
            id="not-decided-whether",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE}\n",
            f"# Resident Agreement\n\nThe sample line from the coalition: {AGREEMENT_RULE} We never put it in.\n",
            id="never-put-it-in",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## Testing\n\nQuestions for our lawyer. {SCREENING_RULE} Still waiting to hear back.\n",
            id="waiting-to-hear-back",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Checks\n\n{SAFETY_CHECKS_RULE}\n",
            f"## Checks\n\nWhat we meant to do. {SAFETY_CHECKS_RULE} It never got off the ground.\n",
            id="never-got-off-the-ground",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE}\n",
            f"## Testing\n\nThe old policy said this. {SCREENING_RULE} They dropped the program entirely in 2022.\n",
            id="dropped-entirely",
        ),
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\n{ORIENTATION_RULE}\n",
            f"## Orientation\n\nA checklist from the insurer's kit. Never used it:\n\n{ORIENTATION_RULE}\n",
            id="never-used-it",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\nMay 2 -- [crossed out: {SMOKING_RULE}]\n",
            id="crossed-out-note",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\nCopied from the binder of Ms. Lane, who ran the Pine St. house before me. {SMOKING_RULE}\n",
            id="ran-the-house-before-me",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            "## Smoking\n\nThe rule I took to the meeting Jun. 3. Voted down, so nothing was changed:\n"
            f"{SMOKING_RULE}\n",
            id="voted-down-after-an-abbreviation",
        ),
    ],
)
def test_what_stopped_was_never_used_or_waits_on_someone_states_no_rule(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} A lighter left on the porch is not mine to keep: it goes to the office.\n",
            id="not-mine-to-keep",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE} We never put it in writing alone: the manager tells the resident too.\n",
            id="never-put-it-in-writing-alone",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nOur old policy let residents smoke on the porch; that changed in May. {SMOKING_RULE}\n",
            id="old-policy-before-the-rule",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Checks\n\n{SAFETY_CHECKS_RULE} Nobody has missed a month since we started.\n",
            id="nobody-missed-since",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} We have talked about adding it to the lease as well.\n",
            id="talked-about-adding-it-elsewhere",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} The owner has not yet decided whether to approve a second bench.\n",
            id="not-decided-whether-to-approve-something-else",
        ),
        pytest.param(
            SMOKING,
            "## Smoking\n\nThis is a policy of our house, written by the residents, not a rule of the landlord.\n"
            f"{SMOKING_RULE}\n",
            id="a-policy-of-our-house-not-the-landlords",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} It does not apply to staff, who smoke off the property.\n",
            id="does-not-apply-to-staff",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} We haven't written anything yet about guests' cars.\n",
            id="nothing-written-yet-about-something-else",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nRetired veterans are welcome at our house. {SMOKING_RULE}\n",
            id="retired-said-of-people",
        ),
    ],
)
def test_a_rule_beside_what_stopped_words_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    _meets_every_topic(rule, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\n{SMOKING_RULE} The signs had been printed but not posted.\n",
            id="printed-but-not-posted",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE}\n",
            f"## Smoking\n\n{SMOKING_RULE} The template was never filled in or put up.\n",
            id="template-never-filled-in-or-put-up",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nSince the new owner, the rule is simple. {SMOKING_RULE}\n",
            f"## Smoking\n\nUnder the old owner, the rule was simple. {SMOKING_RULE}\n",
            id="under-the-old-owner",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE}\n",
            f"## Naloxone\n\nProposal on the table: {NALOXONE_PLACE_RULE}\n",
            id="proposal-on-the-table",
        ),
        pytest.param(
            NALOXONE_PLACE,
            "## Naloxone\n\nOur sheet says naloxone is kept in the red box on the kitchen wall.\n",
            "## Naloxone\n\nHis proposed sheet says naloxone is kept in the red box on the kitchen wall.\n",
            id="his-proposed-sheet",
        ),
        pytest.param(
            NALOXONE_PLACE,
            "## Naloxone\n\nThe manager keeps naloxone in the red box on the kitchen wall, never locked.\n",
            "## Naloxone\n\nThe manager proposes to keep naloxone in the red box on the kitchen wall, never locked.\n",
            id="proposes-to-keep",
        ),
    ],
)
def test_a_rule_printed_never_put_up_proposed_or_of_the_old_owner_states_none(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


def test_a_proposed_paper_since_adopted_still_states_its_rule(tmp_path: Path) -> None:
    text = "## Naloxone\n\nThe proposed sheet was adopted in May: naloxone is kept in the red box by the stairs.\n"
    _meets_every_topic(NALOXONE_PLACE, text, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            NALOXONE_PLACE,
            "## Naloxone\n\nA motion to keep naloxone in the red box on the kitchen wall, never locked, passed "
            "six votes to two.\n",
            "## Naloxone\n\nA motion to keep naloxone in the red box on the kitchen wall, never locked, was "
            "defeated six votes to two.\n",
            id="a-motion-to-keep-it-defeated",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nThe county sent a sheet, which the house has adopted and posted: {SMOKING_RULE}\n",
            f"## Smoking\n\nThe county sent a sheet, which the house has neither adopted nor posted: {SMOKING_RULE}\n",
            id="neither-adopted-nor-posted",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking rule (merged)\n\n{SMOKING_RULE}\n",
            f"## Smoking rule (closed, not merged)\n\n{SMOKING_RULE}\n",
            id="a-change-not-merged",
        ),
        pytest.param(
            SCREENING,
            f"## Testing (adopted)\n\n{SCREENING_RULE}\n",
            f"## Testing (tabled)\n\n{SCREENING_RULE}\n",
            id="tabled",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\nThe board has decided: {MEDICATION_RULE}\n",
            "## Medication\n\nThe parties are exploring whether the house should keep every resident's medication, "
            "prescription or over-the-counter, in his own locked box in the office, taken only as directed and "
            "never shared.\n",
            id="exploring-whether",
        ),
    ],
)
def test_a_motion_defeated_a_paper_neither_adopted_nor_posted_or_a_change_not_merged_states_none(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


NALOXONE_TRAINED = ("2.F.19.d", "Naloxone procedure naming who is trained to give naloxone")
NALOXONE_TRAINED_RULE = (
    "The house manager and both house leads are trained by the county health department to give naloxone."
)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            EMERGENCY,
            f"## Emergency sheet\n\n{EMERGENCY_RULE}The sheet hangs by the front door.\n",
            f"## Emergency sheet\n\n{EMERGENCY_RULE}The sheet came down when the hall was painted and has not been "
            "replaced.\n",
            id="taken-down-and-not-replaced",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE} The fire service checks them too, every spring.\n",
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE} The fire service contract ended in 2022 and nothing replaced "
            "it.\n",
            id="nothing-replaced-it",
        ),
        pytest.param(
            NALOXONE_TRAINED,
            f"## Naloxone training\n\n{NALOXONE_TRAINED_RULE}\n",
            f"## Naloxone training\n\n{NALOXONE_TRAINED_RULE} That class was cancelled, and nobody here is trained "
            "yet.\n",
            id="nobody-trained-yet",
        ),
        pytest.param(
            NALOXONE_TRAINED,
            "## Naloxone training\n\nThe county trained the house manager and both house leads to give naloxone in "
            "May.\n",
            "## Naloxone training\n\nWas supposed to get the house manager and both house leads trained to give "
            "naloxone by the county in May.\n",
            id="was-supposed-to",
        ),
        pytest.param(
            CONSENT,
            CONSENT_FORM,
            CONSENT_FORM + "That is the clinic's form; we don't use one.\n",
            id="the-clinics-form",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE} That is the house's policy.\n",
            f"## Testing\n\n{SCREENING_RULE} That is the county's policy.\n",
            id="the-countys-policy",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE} It has been the rule since 2019.\n",
            f"## Testing\n\n{SCREENING_RULE} For now it is only a plan.\n",
            id="only-a-plan",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE} It is all on the house calendar.\n",
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE} It is all still on the wish list.\n",
            id="on-the-wish-list",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE} It is merely the rule we have kept since 2019.\n",
            f"## Testing\n\n{SCREENING_RULE} It is merely a proposal.\n",
            id="merely-a-proposal",
        ),
        pytest.param(
            MEDICATION,
            f"Med count, Orchard Rd (applies here too)\n\n{MEDICATION_RULE}\n",
            f"Med count, Orchard Rd (doesn't apply here)\n\n{MEDICATION_RULE}\n",
            id="title-line-does-not-apply-here",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\nThe affiliate's model policy, which we follow: {SCREENING_RULE}\n",
            f"## Testing\n\nThe affiliate's model policy suggests: {SCREENING_RULE} We haven't set anything yet.\n",
            id="nothing-set-yet",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\nWhere it goes: {NALOXONE_PLACE_RULE}\n",
            f"## Naloxone\n\nOptions floated: {NALOXONE_PLACE_RULE}\n",
            id="options-floated",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety checks\n\nOur routine: {SAFETY_CHECKS_RULE}\n",
            f"## Safety checks\n\nPlan once the landlord finishes the rehab: {SAFETY_CHECKS_RULE}\n",
            id="plan-once-the-landlord-finishes",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE} The box was bought and hung in June.\n",
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE} Nothing has been bought or placed yet.\n",
            id="nothing-bought-or-placed",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nA resident proposed a rule, and the house adopted it: {SMOKING_RULE}\n",
            f"## Smoking\n\nA resident proposed a rule: {SMOKING_RULE} The house declined to add it.\n",
            id="declined-to-add-it",
        ),
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\nThe manager proposed this and the board approved it: {ORIENTATION_RULE}\n",
            f"## Orientation\n\nThe manager proposed this: {ORIENTATION_RULE} The board rejected it.\n",
            id="the-board-rejected-it",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\n{SMOKING_RULE} These rules were renewed in January.\n",
            f"## Smoking\n\n{SMOKING_RULE} Those rules lapsed in January.\n",
            id="those-rules-lapsed",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE} The whole program is run by the house manager.\n",
            f"## Testing\n\n{SCREENING_RULE} That whole program ended with the sale last spring.\n",
            id="that-whole-program-ended",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication (applies at every house)\n\n{MEDICATION_RULE}\n",
            f"## Medication (doesn't apply here)\n\n{MEDICATION_RULE}\n",
            id="title-does-not-apply-here",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE} This clause binds every resident of the Residence.\n",
            f"## Medication\n\n{MEDICATION_RULE} This clause sets no rule for the Residence or its residents.\n",
            id="sets-no-rule-for-the-residence",
        ),
    ],
)
def test_a_sheet_not_replaced_a_plan_a_proposal_declined_or_another_bodys_form_states_none(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SMOKING,
            f"## Smoking\n\nPolicy text, adopted in 2022: {SMOKING_RULE}\n",
            f"## Smoking\n\nNo policy text. The county's leaflet suggests: {SMOKING_RULE}\n",
            id="no-policy-text",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE} It was kept in the 2021 rewrite.\n",
            f"# Resident Agreement\n\n{AGREEMENT_RULE} It was struck in the 2021 rewrite and not replaced.\n",
            id="struck-and-not-replaced",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication (handbook tab 7; every resident)\n\n{MEDICATION_RULE}\n",
            f"## Medication (handbook tab 7; residents not covered)\n\n{MEDICATION_RULE}\n",
            id="residents-not-covered",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE} The rule binds every resident.\n",
            f"## Medication\n\n{MEDICATION_RULE} The rule binds the staff only.\n",
            id="binds-the-staff-only",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE} The same rule is in tab 7.\n",
            f"## Medication\n\n{MEDICATION_RULE} For residents' medication: no rule in any tab.\n",
            id="no-rule-in-any-tab",
        ),
        pytest.param(
            MEDICATION,
            "## Medication\n\nA motion to adopt this rule passed 3-2: every resident's medication, prescription or "
            "over-the-counter, is kept in his own locked box in the office, taken only as directed and never shared.\n",
            "## Medication\n\nA motion to adopt this rule (every resident's medication, prescription or "
            "over-the-counter, kept in his own locked box in the office, taken only as directed and never shared) "
            "voted down 3-2.\n",
            id="motion-voted-down",
        ),
        pytest.param(
            SHARED_SAFETY,
            "## Speak up\n\nEvery resident is responsible for his own safety and his housemates'; if you see a hazard "
            "or someone slipping, tell the house lead or raise it at the Sunday house meeting. It is section 9 of the "
            "handbook.\n",
            "## Speak up\n\nEvery resident is responsible for his own safety and his housemates'; if you see a hazard "
            "or someone slipping, tell the house lead or raise it at the Sunday house meeting. A poster for the open "
            "house only, never in the handbook.\n",
            id="never-in-the-handbook",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety checks\n\nApproved 6/12, in force: {SAFETY_CHECKS_RULE}\n",
            f"## Safety checks\n\nPending, NOT approved 6/12. {SAFETY_CHECKS_RULE}\n",
            id="pending-not-approved",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n{AGREEMENT_RULE} We wrote it when he left.\n",
            f"# Resident Agreement\n\n{AGREEMENT_RULE} He took it when he left, and nobody's written a new one.\n",
            id="nobody-has-written-a-new-one",
        ),
        pytest.param(
            AGREEMENT,
            f"## Resident agreement, line 6 (added in May)\n\n{AGREEMENT_RULE}\n",
            f"## Resident agreement, line 6 (up for discussion Sunday, not added yet)\n\n{AGREEMENT_RULE}\n",
            id="tag-not-added-yet",
        ),
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety check (first Saturday of the month)\n\n{SAFETY_CHECKS_RULE}\n",
            f"## Safety check (stopped in 2021)\n\n{SAFETY_CHECKS_RULE}\n",
            id="tag-stopped-in",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergency sheet (the state association's, filled in and posted by the door)\n\n{EMERGENCY_RULE}",
            f"## Emergency sheet (the state association's sample; we haven't filled ours in or put one up yet)\n\n"
            f"{EMERGENCY_RULE}",
            id="not-filled-ours-in",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergency sheet\n\n{EMERGENCY_RULE}That sheet belongs to this house and hangs by its fridge.\n",
            f"## Emergency sheet\n\n{EMERGENCY_RULE}That sheet belongs to Riverside Commons, across town.\n",
            id="belongs-to-another-house",
        ),
        pytest.param(
            NALOXONE_TRAINED,
            f"## Naloxone training\n\n{NALOXONE_TRAINED_RULE} The binder names them.\n",
            f"## Naloxone training\n\nThe county nurse recommends: {NALOXONE_TRAINED_RULE} The binder names no one.\n",
            id="names-no-one",
        ),
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\n{ORIENTATION_RULE} The checklist is in each resident's file.\n",
            f"## Orientation\n\n{ORIENTATION_RULE} No checklist exists, and no file holds a signature.\n",
            id="no-checklist-exists",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergency\n\nThe firefighter's slide, printed and posted by the door:\n\n{EMERGENCY_RULE}",
            f"## Emergency\n\nThe firefighter's slide read:\n\n{EMERGENCY_RULE}\nNothing was printed or posted "
            "afterwards.\n",
            id="nothing-printed-or-posted-afterwards",
        ),
    ],
)
def test_a_finding_of_no_text_a_rule_struck_or_for_others_or_a_paper_of_another_house_states_none(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SAFETY_CHECKS,
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE} That is the standing routine.\n",
            f"## Safety checks\n\n{SAFETY_CHECKS_RULE} That was a one-off, for the open house.\n",
            id="a-one-off",
        ),
        pytest.param(
            EMERGENCY,
            f"## Emergency\n\n{EMERGENCY_RULE}That is on the sheet by the door, for good.\n",
            f"## Emergency\n\n{EMERGENCY_RULE}That was a single occasion, not a rule: the fire-safety evening.\n",
            id="a-single-occasion",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\n{SCREENING_RULE} It has been done this way since 2019.\n",
            f"## Testing\n\n{SCREENING_RULE} It has happened exactly once, last winter.\n",
            id="happened-exactly-once",
        ),
    ],
)
def test_a_practice_said_to_have_happened_once_states_none(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            SMOKING,
            f"## Smoking\n\nAt the house meeting residents went over this page: {SMOKING_RULE} The page was adopted "
            "that night.\n",
            f"## Smoking\n\nAt the house meeting residents went over this page: {SMOKING_RULE} No page was adopted "
            "that night.\n",
            id="no-page-was-adopted",
        ),
        pytest.param(
            SCREENING,
            f"## Testing\n\nIntake procedure 2.4, signed off by the owner in May: {SCREENING_RULE}\n",
            f"## Testing\n\nDraft intake procedure 2.4, pending the owner's sign-off: {SCREENING_RULE}\n",
            id="pending-sign-off",
        ),
    ],
)
def test_a_paper_not_adopted_or_pending_sign_off_states_none(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


# Stop 39: what a reviewer, a visitor or the writer says the house itself lacks ("We don't do this here.",
# "Reviewer: missing.", "has no one trained on file"), and a paper that came from another house (one a resident
# lived in before, another operator's, a relative's, one pasted by mistake). Written for this test.
@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\n{ORIENTATION_RULE} We do this at both of our houses.\n",
            f"## Orientation\n\n{ORIENTATION_RULE} That is the Maple Street routine; we don't do this here.\n",
            id="we-dont-do-this-here",
        ),
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE} We keep a second kit upstairs.\n",
            f"## Naloxone\n\nAt the day program down the road: {NALOXONE_PLACE_RULE} We don't keep any here.\n",
            id="we-dont-keep-any-here",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE}\nReviewer: present, signed by the owner.\n",
            f"## Medication\n\n{MEDICATION_RULE}\nReviewer: missing.\n",
            id="reviewer-missing",
        ),
        pytest.param(
            NALOXONE_TRAINED,
            f"## Naloxone\n\n{NALOXONE_TRAINED_RULE} Their certificates are on file.\n",
            f"## Naloxone\n\nOur sample roster: {NALOXONE_TRAINED_RULE} This house has no one trained on file.\n",
            id="no-one-trained-on-file",
        ),
        pytest.param(
            SEARCHES,
            SEARCH_RULE,
            SEARCH_RULE + "Operator: the house has no list or search rules of its own; the text above is the "
            "county shelter's.\n",
            id="no-list-of-its-own",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\nA new resident signs this page at move-in here: {AGREEMENT_RULE}\n",
            f"# Resident Agreement\n\nA resident showed us the page he signed at his old house in Tacoma: "
            f"{AGREEMENT_RULE}\n",
            id="from-his-old-house",
        ),
        pytest.param(
            ORIENTATION,
            f"## Orientation\n\nThe Birch Lane house (that is us, on the corner): {ORIENTATION_RULE}\n",
            f"## Orientation\n\nThe Birch Lane house (not us, the one across town): {ORIENTATION_RULE}\n",
            id="not-us",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\nThe approved page, as the office keeps it:\n\n{MEDICATION_RULE}\n",
            f"## Medication\n\nThe office pasted another home's page here by mistake:\n\n{MEDICATION_RULE}\n",
            id="pasted-by-mistake",
        ),
        pytest.param(
            SMOKING,
            f"## Smoking\n\nOur house rule, which the owner wrote: {SMOKING_RULE}\n",
            f"## Smoking\n\nMy landlord's house rule, from before I moved in here: {SMOKING_RULE}\n",
            id="my-landlords-rule",
        ),
    ],
)
def test_what_the_house_is_said_to_lack_or_a_paper_of_another_house_states_none(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            EMERGENCY,
            f"## Emergency\n\nNothing is posted on the walls without the manager's OK.\n\n{EMERGENCY_RULE}",
            id="nothing-posted-without",
        ),
        pytest.param(
            SEARCHES,
            "## Not allowed\n\nUnapproved items: alcohol, drugs, drug paraphernalia and weapons. "
            "The house manager may search a resident's room on reasonable suspicion, always with a second "
            "staff member present, and writes what was found in the search log.\n",
            id="unapproved-items",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE} If you can't find your box, ask the manager.\n",
            id="if-you-cant-find",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\nMedicine brought from Walgreens is logged first. {MEDICATION_RULE}\n",
            id="brought-from-a-store",
        ),
    ],
)
def test_a_rule_beside_lacking_words_still_counts(rule: tuple[str, str], text: str, tmp_path: Path) -> None:
    _meets_every_topic(rule, text, tmp_path)


# A template's placeholder where the rule would go, and a redline's struck wording after its lead-in. Written for
# this test.
@pytest.mark.parametrize(
    ("rule", "live", "twin"),
    [
        pytest.param(
            NALOXONE_PLACE,
            f"## Naloxone\n\n{NALOXONE_PLACE_RULE}\n",
            "## Naloxone\n\nNaloxone is kept [LOCATION: house lead to insert before this page is posted], never "
            "locked, where anyone can reach it.\n",
            id="a-placeholder-for-the-place",
        ),
        pytest.param(
            AGREEMENT,
            f"# Resident Agreement\n\n7. {AGREEMENT_RULE}\n",
            "# Resident Agreement\n\n7. [INSERT THE HOUSE'S ALCOHOL AND DRUG RULE HERE] I agree to it as a "
            "condition of living here.\n",
            id="insert-the-rule-here",
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\nCurrent text:\n\n{MEDICATION_RULE}\n",
            f"## Medication\n\nThe 2023 redline took this section out. Struck text:\n\n{MEDICATION_RULE}\n",
            id="struck-text",
        ),
    ],
)
def test_a_placeholder_or_struck_wording_states_none(
    rule: tuple[str, str], live: str, twin: str, tmp_path: Path
) -> None:
    _twin_meets_none(rule, live, twin, tmp_path)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(
            NALOXONE_PLACE, f"## Naloxone\n\n{NALOXONE_PLACE_RULE} [See photo 3 for the box.]\n", id="a-bracketed-note"
        ),
        pytest.param(
            MEDICATION,
            f"## Medication\n\n{MEDICATION_RULE} Residents insert their key in the box lock only with staff there.\n",
            id="insert-a-key",
        ),
    ],
)
def test_a_rule_beside_a_bracket_or_the_word_insert_still_counts(
    rule: tuple[str, str], text: str, tmp_path: Path
) -> None:
    _meets_every_topic(rule, text, tmp_path)
