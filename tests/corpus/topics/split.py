#!/usr/bin/env python3
"""Split the blind writers' files into the tuned and the held-back part of the corpus.

First round (VOICES): for every rule, one of the four voices is held back, the voice whose position
in VOICES equals the SHA-256 of the rule id modulo 4. So every topic is measured on a voice the
vocabulary was never tuned on, and each voice is held back for about a quarter of the rules.
Second round (SECOND_VOICES, written later by new writers to widen the tuned part): a rule's passages
in such a voice are held back when the SHA-256 of "rule/voice" modulo 3 is 0 (about a third).
Third round (THIRD_VOICES: an attorney-drafted agreement, a faith-based house guide) and fourth round
(FOURTH_VOICES: plain English by a Spanish speaker, posted notices and memos), fifth round
(FIFTH_VOICES: a second transcribed talk, a lease-style agreement, an FAQ and e-mail replies) and sixth
round (SIXTH_VOICES: a county contract's scope of work, group-chat messages, an intake packet),
seventh round (SEVENTH_VOICES: a board's resolutions, an old manual as OCR reads it), eighth round
(EIGHTH_VOICES: an operator's web pages, a training slide deck, a clinical provider's manual),
ninth round (NINTH_VOICES: a veterans' home's SOPs, a rural family-run home's papers, a manual
machine-translated from Spanish), tenth round (TENTH_VOICES: a collegiate recovery house's
community agreement, a women's and mothers' home's handbook, a corrective action plan sent to an
affiliate), eleventh round (ELEVENTH_VOICES: a house newsletter, an operator's internal staff wiki,
an intake coordinator's phone scripts), twelfth round (TWELFTH_VOICES: an operator's answers on a
certification self-assessment, house and staff meeting minutes, a peer mentor's welcome letter) and
thirteenth round (THIRTEENTH_VOICES: a grant application's program narrative, a house manager's
shift log, a policy pasted with its tracked changes and reviewers' comments) and fourteenth round
(FOURTEENTH_VOICES: a website chatbot's transcripts, a quality-assurance memo on what the policies
say, residents' pocket cards), fifteenth round (FIFTEENTH_VOICES: a long formal binder, a staff
training manual, a state-licensed provider's manual), sixteenth round (SIXTEENTH_VOICES: the
life-safety rules only, four voices), seventeenth round (SEVENTEENTH_VOICES: the field's ordinary
words), eighteenth round (EIGHTEENTH_VOICES: an app's screens, a reentry house's handbook, a young
adults' house rules), nineteenth round (NINETEENTH_VOICES: minimal pairs on the life-safety rules) and
twentieth round (TWENTIETH_VOICES: more minimal pairs, a binder's checklists and a peer-run house's own
words), twenty-first round (TWENTY_FIRST_VOICES: minimal pairs in a board's adopted policies and a
faith-based home's guide) and twenty-second round (TWENTY_SECOND_VOICES: a small operator's binder, a
county-funded program's policies, every rule) and twenty-third round (TWENTY_THIRD_VOICES: minimal pairs
in a property manager's lease addenda and a peer-run house's group chat) and twenty-fourth round
(TWENTY_FOURTH_VOICES: a new nonprofit's first binder and a multi-state operator's manual, every rule;
minimal pairs in a peer-run house's meeting minutes) and twenty-fifth round (TWENTY_FIFTH_VOICES: minimal pairs
in a supervised house's shift log and standing orders and in a house manager's blog for families; a
house manual of a Native community's residence, every rule) and twenty-sixth round (TWENTY_SIXTH_VOICES:
minimal pairs in an affiliate reviewer's site-visit report, a peer-run house's whiteboard and fridge
notes, and a service provider's employee handbook) and twenty-seventh round (TWENTY_SEVENTH_VOICES: minimal
pairs in a departing house manager's handover binder and in a radio interview with an operator) and
twenty-eighth round (TWENTY_EIGHTH_VOICES: minimal pairs in a treatment-court liaison's reports and in an
insurance carrier's loss-control survey) and twenty-ninth round (TWENTY_NINTH_VOICES: minimal pairs in a
buyer's due-diligence memo and in residents' and a house manager's letters to family) and thirtieth round
(THIRTIETH_VOICES: minimal pairs in a local newspaper's feature on a house and in a volunteer and peer-mentor
training slide deck) and thirty-first round (THIRTY_FIRST_VOICES: minimal pairs in a zoning board's public hearing
transcript and in an online forum thread of residents, a parent and the house manager) and thirty-second round
(THIRTY_SECOND_VOICES: minimal pairs in a house's transcribed voicemails and in a multi-house operator's
inspection app's exports) and thirty-third round (THIRTY_THIRD_VOICES: minimal pairs in a house's text-message
reminders, a new-resident orientation quiz with its answer key, and a peer-run house council's bylaws) and
thirty-fourth round (THIRTY_FOURTH_VOICES: minimal pairs in an affiliate's certification portal's exported
answers, a county-funded house's quarterly grant report, a video tour's automatic captions, and a relief
manager's training notes) and thirty-fifth round (THIRTY_FIFTH_VOICES: minimal pairs in former residents' online
reviews of a house with the owner's replies, and in an e-mail thread between two co-owners and their bookkeeper)
and thirty-sixth round (THIRTY_SIXTH_VOICES: minimal pairs in letters between a resident's legal-aid attorney and
an operator, and in transcribed exit interviews) and thirty-seventh round (THIRTY_SEVENTH_VOICES: minimal pairs in
a neighborhood association's minutes of a meeting with an operator, and in a house binder's tabbed pages) and
thirty-eighth round (THIRTY_EIGHTH_VOICES: minimal pairs in a hospital discharge planner's referral notes on the houses
she calls, and in a small house's public social-media page with the founder's replies) and thirty-ninth round
(THIRTY_NINTH_VOICES: minimal pairs in a resident's journal of his first months in a house, and in an operator's
job postings for house managers with its notes from interviews) and fortieth round (FORTIETH_VOICES: minimal
pairs in a fire department officer's home-visit reports and letters, and in a house's listing on a sober-living
directory with its public Q&A) and forty-first round (FORTY_FIRST_VOICES: minimal pairs in a property manager's
maintenance tickets for a chain of houses, and in a local recovery podcast's interview with a house manager) and
forty-second round (FORTY_SECOND_VOICES: minimal pairs in an operator's policy manual drafted with an AI writing
assistant, and in a volunteer's transcription of the signs posted around a house) and forty-third round
(FORTY_THIRD_VOICES: minimal pairs in a state legislative committee's hearing transcript with an operator's
testimony, and in an older owner's kitchen notebook of house rules, transcribed) and forty-fourth round
(FORTY_FOURTH_VOICES: every document check, a full, a partial and a near-miss passage each, in a resident-owned
cooperative house's member handbook and in a family operator's binder written by a retired nurse) and forty-fifth
round (FORTY_FIFTH_VOICES: minimal pairs in a new house manager's diary of her first weeks, and in an accreditation
consultant's gap analysis for an operator) and forty-sixth round (FORTY_SIXTH_VOICES: minimal pairs in an
insurance adjuster's claim notes after a kitchen fire, and in a property-management app's house profile) and
forty-seventh round (FORTY_SEVENTH_VOICES: every document check, a full, a partial and a near-miss passage each, in
an LGBTQ+-affirming peer-run house's community guide and in a medication-friendly nonprofit's program manual) and
forty-eighth round (FORTY_EIGHTH_VOICES: minimal pairs in a house manager's speech-to-text dictation, and in an AI
notetaker's call summaries) and forty-ninth round (FORTY_NINTH_VOICES: minimal pairs in a house's papers run through a
machine translator, and in a tabletop emergency exercise's script; FORTY_NINTH_EVERY_VOICES: every document check in a
veterans' house's standing operating procedures and a mothers-with-children house's family handbook) and fiftieth
round (FIFTIETH_VOICES: minimal pairs in a certification application's photo captions, and in a house's Discord
server's pinned messages) and fifty-first round (FIFTY_FIRST_VOICES: minimal pairs in an operator's policy-tracking
spreadsheet pasted as CSV, and in an affiliate newsletter's spotlight on a house) and fifty-second round
(FIFTY_SECOND_VOICES: minimal pairs in a house's task board and in a resident's texts to their sponsor;
FIFTY_SECOND_EVERY_VOICES: every document check in a farm-based residence's handbook and a collegiate recovery
house's guide) and fifty-third round (FIFTY_THIRD_VOICES: minimal pairs in a house's smart-speaker routines and a
peer recovery coach's session notes) and fifty-fourth round (FIFTY_FOURTH_VOICES: minimal pairs in the commit
messages of an operator's policy repository and in a memorandum of understanding with a partner;
FIFTY_FOURTH_EVERY_VOICES: every document check in an older adults' residence's guide and a men's house's rules
written by a former construction foreman) and fifty-fifth round (FIFTY_FIFTH_VOICES: minimal pairs in a house's
shared calendar and in a community mediator's summary; FIFTY_FIFTH_EVERY_VOICES: every document check in a hospital
system's recovery housing policies and a house guide for musicians and artists) and fifty-sixth round
(FIFTY_SIXTH_VOICES: minimal pairs in a house's automated welcome e-mails and in an operator's answers on an
affiliate's certification application form; FIFTY_SIXTH_EVERY_VOICES: every document check in a Deaf residents'
house's handbook and a pet-friendly residence's guide) and fifty-seventh round (FIFTY_SEVENTH_VOICES: minimal pairs
in an operator's internal quality audit and on a house's hallway bulletin board; FIFTY_SEVENTH_EVERY_VOICES: every
document check in a couples' recovery residence's handbook and a border-town house's rules) and fifty-eighth round
(FIFTY_EIGHTH_VOICES: minimal pairs in an operator's budget memo, a translator's notes on the house rules, a
disability-rights consultant's accessibility review and a family program's guide for residents' parents;
FIFTY_EIGHTH_EVERY_VOICES: every document check in a converted motel's handbook, run by a county housing authority)
and fifty-ninth round (FIFTY_NINTH_VOICES: minimal pairs in a house's compliance spreadsheet's cell comments, a state
hotline's call log, a social-work intern's field placement report and a recovery residence's sale listing;
FIFTY_NINTH_EVERY_VOICES: every document check in a house for restaurant and hospitality workers run by a former
chef) and sixtieth round (SIXTIETH_VOICES: minimal pairs in an operator's answers on a lender's and insurer's
underwriting questionnaire, a peer-run house's resident council's petitions and the owner's replies, a probation
officer's home-visit notes, a host congregation's bulletin, two house managers' audit of each other's binders and
the papers of a house's transfer after its founder died) and sixty-first round (SIXTY_FIRST_VOICES: minimal pairs in a
property manager's notes on the houses it manages for investors, a state ombudsman's case summaries, a peer-run
house's shared house-rules document with its edit history, a volunteer EMT captain's debriefs, an alumni
association's newsletter and a text-message intake bot's conversations) and sixty-second round (SIXTY_SECOND_VOICES:
minimal pairs in housing-court transcripts, a consultant's accreditation crosswalk, a family-run house's bilingual
papers, a home inspector's report, a response to a county's request for proposals and a house's handwritten notebook
as scanned) and sixty-third round (SIXTY_THIRD_VOICES: minimal pairs in a house-management app's settings as an
operator configured them, a police department's call narratives, a residents' association's flyers and fact sheets,
a state licensing inspector's checklists, a graduate student's fieldnotes and a house's vendor paperwork with its
notes) and sixty-fourth round (SIXTY_FOURTH_VOICES: minimal pairs in procedure documents laid out as steps: sheets
as posted on a house's wall, a staffed operator's standard operating procedures, laminated quick-reference cards)
are split the same way.
Run when passages arrive:

    python tests/corpus/topics/split.py INCOMING_DIR [INCOMING_DIR ...]
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
VOICES = ("peer-run", "corporate", "checklist", "owner-handbook")
SECOND_VOICES = ("affiliate-template", "spoken")
THIRD_VOICES = ("legal", "ministry")  # third round: held back like the second
FOURTH_VOICES = ("plain-esl", "notices")  # fourth round: held back like the second
FIFTH_VOICES = ("spoken-b", "legal-b", "email-faq")  # fifth round: held back like the second
SIXTH_VOICES = ("county-contract", "group-text", "intake-packet")  # sixth round: held back like the second
SEVENTH_VOICES = ("board-resolution", "ocr-scan")  # seventh round: held back like the second
EIGHTH_VOICES = ("web-page", "slide-deck", "clinical")  # eighth round: held back like the second
NINTH_VOICES = ("veterans", "rural-family", "translated")  # ninth round: held back like the second
TENTH_VOICES = ("collegiate", "womens-house", "corrective-plan")  # tenth round: held back like the second
ELEVENTH_VOICES = ("newsletter", "wiki", "phone-script")  # eleventh round: held back like the second
TWELFTH_VOICES = ("self-assessment", "house-minutes", "welcome-letter")  # twelfth round: held back like the second
THIRTEENTH_VOICES = ("grant-application", "shift-log", "policy-redline")  # thirteenth: held back like the second
FOURTEENTH_VOICES = ("chatbot", "audit-memo", "pocket-card")  # fourteenth: held back like the second
FIFTEENTH_VOICES = ("binder-long", "training-manual", "state-licensed")  # fifteenth: held back like the second
# sixteenth round: life-safety rules only, six passages a document (two of each kind); held back like the second
SIXTEENTH_VOICES = ("safety-binder", "peer-posted", "manager-emails", "orientation-video")
# seventeenth round: the field's ordinary words (the brief no longer asked writers to avoid the rule's)
SEVENTEENTH_VOICES = ("template-adopter", "plain-policy")
EIGHTEENTH_VOICES = ("house-app", "reentry", "young-adult")  # eighteenth: held back like the second
# nineteenth round: minimal pairs on the life-safety rules (a passage that states them, and its twin that does not)
NINETEENTH_VOICES = ("house-rules-pairs", "policy-manual-pairs")
TWENTIETH_VOICES = ("checklist-pairs", "peer-house-pairs")  # twentieth: minimal pairs again, two new voices
TWENTY_FIRST_VOICES = ("board-policy-pairs", "faith-house-pairs")  # twenty-first: minimal pairs, two more voices
TWENTY_SECOND_VOICES = ("small-operator", "county-funded")  # twenty-second: every rule, the field's ordinary words
TWENTY_THIRD_VOICES = ("lease-pairs", "group-chat-pairs")  # twenty-third: life-safety minimal pairs, two new voices
# twenty-fourth: every rule in two new voices, and minimal pairs in a third
TWENTY_FOURTH_VOICES = ("startup-nonprofit", "franchise-manual", "house-meeting-pairs")
TWENTY_FIFTH_VOICES = ("incident-log-pairs", "recovery-blog-pairs", "tribal-community")
TWENTY_SIXTH_VOICES = ("site-visit-pairs", "whiteboard-pairs", "employee-handbook-pairs")
TWENTY_SEVENTH_VOICES = ("handover-pairs", "radio-pairs")  # twenty-seventh: minimal pairs, two pairs a document
TWENTY_EIGHTH_VOICES = ("court-liaison-pairs", "insurance-survey-pairs")  # twenty-eighth: the same brief
TWENTY_NINTH_VOICES = ("due-diligence-pairs", "family-letters-pairs")  # twenty-ninth: the same brief
THIRTIETH_VOICES = ("newspaper-pairs", "volunteer-deck-pairs")  # thirtieth: the same brief
THIRTY_FIRST_VOICES = ("zoning-hearing-pairs", "forum-thread-pairs")  # thirty-first: the same brief
THIRTY_SECOND_VOICES = ("voicemail-pairs", "inspection-app-pairs")  # thirty-second: the same brief
THIRTY_THIRD_VOICES = ("sms-reminders-pairs", "orientation-quiz-pairs", "bylaws-pairs")  # thirty-third: the same brief
THIRTY_FOURTH_VOICES = ("portal-pairs", "grant-report-pairs", "video-tour-pairs", "training-notes-pairs")  # the same
THIRTY_FIFTH_VOICES = ("review-replies-pairs", "co-owner-email-pairs")  # thirty-fifth: the same brief
THIRTY_SIXTH_VOICES = ("legal-letters-pairs", "exit-interview-pairs")  # thirty-sixth: the same brief
THIRTY_SEVENTH_VOICES = ("neighbor-meeting-pairs", "house-binder-tabs-pairs")  # thirty-seventh: the same brief
THIRTY_EIGHTH_VOICES = ("discharge-planner-pairs", "social-posts-pairs")  # thirty-eighth: the same brief
THIRTY_NINTH_VOICES = ("resident-journal-pairs", "job-posting-pairs")  # thirty-ninth: the same brief
FORTIETH_VOICES = ("fire-liaison-pairs", "directory-listing-pairs")  # fortieth: the same brief
FORTY_FIRST_VOICES = ("maintenance-tickets-pairs", "podcast-pairs")  # forty-first: the same brief
FORTY_SECOND_VOICES = ("ai-drafted-policy-pairs", "house-signs-pairs")  # forty-second: the same brief
FORTY_THIRD_VOICES = ("legislative-testimony-pairs", "owner-notebook-pairs")  # forty-third: the same brief
FORTY_FOURTH_VOICES = ("coop-house", "nurse-owner")  # forty-fourth: every document check, in two parts
FORTY_FIFTH_VOICES = ("manager-diary-pairs", "consultant-gap-pairs")  # forty-fifth: the minimal pairs' brief
FORTY_SIXTH_VOICES = ("insurance-claim-pairs", "house-profile-pairs")  # forty-sixth: the same brief
FORTY_SEVENTH_VOICES = ("affirming-house", "harm-reduction-nonprofit")  # forty-seventh: every document check
FORTY_EIGHTH_VOICES = ("dictation-pairs", "ai-notetaker-pairs")  # forty-eighth: the minimal pairs' brief
FORTY_NINTH_VOICES = ("machine-translation-pairs", "tabletop-drill-pairs")  # forty-ninth: the minimal pairs' brief
FORTY_NINTH_EVERY_VOICES = ("veterans-house", "mothers-house")  # forty-ninth: every document check, in four parts
FIFTIETH_VOICES = ("photo-captions-pairs", "discord-pins-pairs")  # fiftieth: the minimal pairs' brief
FIFTY_FIRST_VOICES = ("policy-tracker-pairs", "affiliate-spotlight-pairs")  # fifty-first: the same brief
FIFTY_SECOND_VOICES = ("kanban-board-pairs", "sponsor-texts-pairs")  # fifty-second: the same brief
FIFTY_SECOND_EVERY_VOICES = ("farm-house", "campus-house")  # fifty-second: every document check, in four parts
FIFTY_THIRD_VOICES = ("voice-assistant-pairs", "coach-notes-pairs")  # fifty-third: the minimal pairs' brief
FIFTY_FOURTH_VOICES = ("policy-git-log-pairs", "mou-pairs")  # fifty-fourth: the minimal pairs' brief
FIFTY_FOURTH_EVERY_VOICES = ("senior-house", "foreman-house")  # fifty-fourth: every document check, in four parts
FIFTY_FIFTH_VOICES = ("calendar-events-pairs", "mediation-summary-pairs")  # fifty-fifth: the minimal pairs' brief
FIFTY_FIFTH_EVERY_VOICES = ("hospital-house", "artist-house")  # fifty-fifth: every document check, in four parts
FIFTY_SIXTH_VOICES = ("onboarding-emails-pairs", "application-form-pairs")  # fifty-sixth: the minimal pairs' brief
FIFTY_SIXTH_EVERY_VOICES = ("deaf-house", "pet-friendly-house")  # fifty-sixth: every document check, in four parts
FIFTY_SEVENTH_VOICES = ("quality-audit-pairs", "bulletin-board-pairs")  # fifty-seventh: the minimal pairs' brief
FIFTY_SEVENTH_EVERY_VOICES = ("couples-house", "border-town-house")  # fifty-seventh: every document check, 4 parts
FIFTY_EIGHTH_VOICES = (  # fifty-eighth: the minimal pairs' brief
    "budget-memo-pairs",
    "translation-notes-pairs",
    "accessibility-review-pairs",
    "parent-guide-pairs",
)
FIFTY_EIGHTH_EVERY_VOICES = ("motel-conversion-house",)  # fifty-eighth: every document check, in four parts
FIFTY_NINTH_VOICES = (  # fifty-ninth: the minimal pairs' brief
    "spreadsheet-comments-pairs",
    "hotline-log-pairs",
    "field-placement-pairs",
    "realtor-listing-pairs",
)
FIFTY_NINTH_EVERY_VOICES = ("chef-house",)  # fifty-ninth: every document check, in four parts
SIXTIETH_VOICES = (  # sixtieth: the minimal pairs' brief
    "lender-questionnaire-pairs",
    "resident-council-pairs",
    "probation-visit-pairs",
    "church-bulletin-pairs",
    "peer-audit-pairs",
    "estate-transfer-pairs",
)
SIXTY_FIRST_VOICES = (  # sixty-first: the minimal pairs' brief
    "property-manager-pairs",
    "ombudsman-pairs",
    "house-wiki-edits-pairs",
    "ems-debrief-pairs",
    "alumni-newsletter-pairs",
    "sms-intake-bot-pairs",
)
SIXTY_SECOND_VOICES = (  # sixty-second: the minimal pairs' brief
    "court-transcript-pairs",
    "accreditation-crosswalk-pairs",
    "bilingual-rules-pairs",
    "home-inspector-report-pairs",
    "rfp-response-pairs",
    "handwritten-scan-pairs",
)
SIXTY_THIRD_VOICES = (  # sixty-third: the minimal pairs' brief
    "house-app-config-pairs",
    "police-call-narrative-pairs",
    "residents-association-pairs",
    "state-inspection-checklist-pairs",
    "thesis-fieldnotes-pairs",
    "vendor-paperwork-pairs",
)
SIXTY_FOURTH_VOICES = (  # sixty-fourth: the minimal pairs' brief, procedures laid out as steps
    "posted-sheet-pairs",
    "sop-binder-pairs",
    "quick-card-pairs",
)


def _hash(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def held_back_voice(rule_id: str) -> str:
    return VOICES[_hash(rule_id) % len(VOICES)]


def held_back(rule_id: str, voice: str) -> bool:
    if voice in VOICES:
        return held_back_voice(rule_id) == voice
    return _hash(f"{rule_id}/{voice}") % 3 == 0


class _Literal(str):
    pass


def _literal(dumper: yaml.SafeDumper, value: _Literal) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")


def main(folders: list[Path]) -> None:
    yaml.SafeDumper.add_representer(_Literal, _literal)
    for voice in (
        *VOICES,
        *SECOND_VOICES,
        *THIRD_VOICES,
        *FOURTH_VOICES,
        *FIFTH_VOICES,
        *SIXTH_VOICES,
        *SEVENTH_VOICES,
        *EIGHTH_VOICES,
        *NINTH_VOICES,
        *TENTH_VOICES,
        *ELEVENTH_VOICES,
        *TWELFTH_VOICES,
        *THIRTEENTH_VOICES,
        *FOURTEENTH_VOICES,
        *FIFTEENTH_VOICES,
        *SIXTEENTH_VOICES,
        *SEVENTEENTH_VOICES,
        *EIGHTEENTH_VOICES,
        *NINETEENTH_VOICES,
        *TWENTIETH_VOICES,
        *TWENTY_FIRST_VOICES,
        *TWENTY_SECOND_VOICES,
        *TWENTY_THIRD_VOICES,
        *TWENTY_FOURTH_VOICES,
        *TWENTY_FIFTH_VOICES,
        *TWENTY_SIXTH_VOICES,
        *TWENTY_SEVENTH_VOICES,
        *TWENTY_EIGHTH_VOICES,
        *TWENTY_NINTH_VOICES,
        *THIRTIETH_VOICES,
        *THIRTY_FIRST_VOICES,
        *THIRTY_SECOND_VOICES,
        *THIRTY_THIRD_VOICES,
        *THIRTY_FOURTH_VOICES,
        *THIRTY_FIFTH_VOICES,
        *THIRTY_SIXTH_VOICES,
        *THIRTY_SEVENTH_VOICES,
        *THIRTY_EIGHTH_VOICES,
        *THIRTY_NINTH_VOICES,
        *FORTIETH_VOICES,
        *FORTY_FIRST_VOICES,
        *FORTY_SECOND_VOICES,
        *FORTY_THIRD_VOICES,
        *FORTY_FOURTH_VOICES,
        *FORTY_FIFTH_VOICES,
        *FORTY_SIXTH_VOICES,
        *FORTY_SEVENTH_VOICES,
        *FORTY_EIGHTH_VOICES,
        *FORTY_NINTH_VOICES,
        *FORTY_NINTH_EVERY_VOICES,
        *FIFTIETH_VOICES,
        *FIFTY_FIRST_VOICES,
        *FIFTY_SECOND_VOICES,
        *FIFTY_SECOND_EVERY_VOICES,
        *FIFTY_THIRD_VOICES,
        *FIFTY_FOURTH_VOICES,
        *FIFTY_FOURTH_EVERY_VOICES,
        *FIFTY_FIFTH_VOICES,
        *FIFTY_FIFTH_EVERY_VOICES,
        *FIFTY_SIXTH_VOICES,
        *FIFTY_SIXTH_EVERY_VOICES,
        *FIFTY_SEVENTH_VOICES,
        *FIFTY_SEVENTH_EVERY_VOICES,
        *FIFTY_EIGHTH_VOICES,
        *FIFTY_EIGHTH_EVERY_VOICES,
        *FIFTY_NINTH_VOICES,
        *FIFTY_NINTH_EVERY_VOICES,
        *SIXTIETH_VOICES,
        *SIXTY_FIRST_VOICES,
        *SIXTY_SECOND_VOICES,
        *SIXTY_THIRD_VOICES,
        *SIXTY_FOURTH_VOICES,
    ):
        items = []
        for incoming in folders:
            for path in sorted(incoming.glob(f"{voice}-part*.yaml")):
                items.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
        if not items:
            continue
        parts: dict[str, list[dict[str, object]]] = {"tuned": [], "held-back": []}
        for item in items:
            for passage in item["passages"]:
                passage["text"] = _Literal(passage["text"].rstrip() + "\n")
            part = "held-back" if held_back(item["rule"], voice) else "tuned"
            parts[part].append(item)
        for part, chosen in parts.items():
            if not chosen:  # every rule's hash put the voice in the other part
                continue
            target = HERE / part / f"{voice}.yaml"
            target.parent.mkdir(exist_ok=True)
            text = yaml.safe_dump(chosen, sort_keys=False, allow_unicode=True, width=100)
            target.write_text(f"# {voice} voice, {part} part (see ../README.md)\n" + text, encoding="utf-8")
            print(f"{target.relative_to(HERE)}: {len(chosen)} documents")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]])
