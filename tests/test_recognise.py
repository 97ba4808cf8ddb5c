"""How the recogniser reads a policy: what a sentence denies, where a rule's substance comes from,
clause titles, and ideas spread over two sentences.

Each case is a short passage as an operator (or their attorney) writes it, saved as a Markdown file
and read by the same extraction as any evidence file, then judged against one topic.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.checks.recognise import Finding, TopicSpec, Vocabulary, analyse

from .topic_cases import find_in_text, read_policy, spec_of

# A small vocabulary in the shipped one's syntax: the recogniser's markers and a few ideas.
VOCABULARY = Vocabulary.build(
    {
        "_amount": ["percent", "dollar*", "prorat*", "per day", "per week", "portion", "balance"],
        "_time": ["day", "days", "week", "weeks", "month", "monthly", "weekly", "within", "hours"],
        "_role": ["house manager", "director", "owner", "staff"],
        "_deferral": ["discretion", "case by case"],
        "_promise": ["will be developed", "to be developed", "procedure to be issued"],
        "_contact": ["business card*"],
        "evacuation": ["evacuat*", "head count*", "meeting point*"],
        "emergency_number": ["911", "emergency number*"],
        "emergency_use": ["fire", "medical", "overdos*", "emergenc*"],
        "resident_signs": ["resident's signature", "resident signs", "signed by the resident"],
        "substances": ["alcohol", "drug*", "beer", "wine", "liquor"],
        "forbidden": ["not bring", "not permitted", "no resident shall", "prohibit*", "forbid*", "not allowed"],
        "medication": ["medication*", "prescription*"],
        "no_sharing": ["no sharing", "not share", "never share"],
        "locked": ["lock*", "secur*"],
        "refund": ["refund*", "returned to the resident"],
        "guest": ["guest*", "visitor*"],
        "overnight": ["overnight", "stay the night"],
        "teaching": ["teach*", "instruction", "coach*"],
        "neighbor": ["neighbor*", "next door"],
        "reach": ["call", "phone", "text", "e-mail"],
        "lease": ["lease", "leases", "leased"],
        "search": ["search* room*", "room search*", "room inspection*"],
    }
)


def _spec(name: str, *ideas: str, substance: str | None = None) -> TopicSpec:
    return spec_of(VOCABULARY, name, *ideas, substance=substance)


def _find(tmp_path: Path, text: str, spec: TopicSpec) -> Finding:
    return find_in_text(VOCABULARY, tmp_path, text, spec)


EVACUATION = _spec("evacuation", "evacuation")
EMERGENCY_NUMBERS = _spec("emergency numbers", "emergency_number", "emergency_use")
SIGN_OFF = _spec("resident sign-off", "resident_signs")
NO_ALCOHOL = _spec("alcohol forbidden", "substances", "forbidden")
NO_SHARING = _spec("no sharing of medication", "no_sharing", "medication")
STAFF_TEACH = _spec("staff teach", "teaching")
A_LEASE = _spec("a lease", "lease")


# --- what a sentence denies -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        (
            "Residents may be asked to vacate the second floor while the water is off; such a request is "
            "not an evacuation and no head count is taken.",
            EVACUATION,
        ),
        (
            "Repairs are requested by calling the maintenance line; that line is not an emergency number "
            "and is not answered after a fire or medical call.",
            EMERGENCY_NUMBERS,
        ),
        ("This orientation checklist is kept by the house manager and does not require the resident's signature.",
         SIGN_OFF),
        ("Medication prescribed to the resident shall not be considered an evacuation hazard.", EVACUATION),
        ("There is no meeting point for this house.", EVACUATION),
        ("The Operator does not itself provide instruction; residents may take classes at the college.", STAFF_TEACH),
        ("3.1 License, Not Lease. This Agreement grants the resident a license to occupy a bed.", A_LEASE),
    ],
    ids=["not-an-evacuation", "not-an-emergency-number", "signature-not-required", "not-considered-a",
         "there-is-no", "operator-does-not-provide", "license-not-lease"],
)  # fmt: skip
def test_an_idea_the_sentence_denies_does_not_count(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert not _find(tmp_path, text, spec).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("If the smoke alarm sounds, everyone leaves by the nearest exit; the house manager takes a head count "
         "at the meeting point by the mailbox.", EVACUATION),
        ("For a fire, an overdose or any medical emergency, call 911 first.", EMERGENCY_NUMBERS),
        ("The checklist is signed by the resident and the house manager on move-in day.", SIGN_OFF),
        ("Residents shall not bring alcohol or drugs onto the property.", NO_ALCOHOL),
        ("No Resident shall consume, possess or distribute beer, wine, liquor or any drug.", NO_ALCOHOL),
        ("No sharing of medication, ever.", NO_SHARING),
        ("The house manager coaches residents on budgeting; it is not a lecture.", STAFF_TEACH),
        ("Smoking is allowed on the back porch, not inside; the porch has a lease-free bench.", A_LEASE),
    ],
    ids=["evacuation", "emergency-number", "signed", "shall-not-bring", "no-resident-shall", "no-sharing",
         "denies-something-else", "not-inside-is-a-place"],
)  # fmt: skip
def test_a_rule_stated_as_a_prohibition_still_counts(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    """A prohibition is the rule many topics ask for; only a described noun is denied."""
    if spec is A_LEASE:  # "lease-free" is not a lease: the case only shows ", not inside" denies no noun
        text = "The resident holds a lease; smoking is allowed on the back porch, not inside."
    assert _find(tmp_path, text, spec).found


# --- substance: an amount, a time, a role, a way to reach someone ------------------------------------

REFUND_AMOUNT = _spec("how a refund is computed", "refund", substance="amount")
REFUND_WHEN = _spec("when a refund is paid", "refund", substance="time")
HOW_TO_REACH = _spec("how neighbors reach us", "neighbor", "reach", substance="contact")


@pytest.mark.parametrize(
    "text",
    [
        "Section 8.4 Refunds. Refunds are handled as the Operator sets out.",
        "Questions about a refund: call extension 204 or the office at 555-201-3344.",
        "## Refund Policy 2021\n\nA refund of unused rent is returned to the resident.",
        "The refund policy was adopted by the board on March 3, 2021.",
        "Refunds are at the director's discretion; see Form 8-2 (rev. 2023).",
    ],
    ids=["section-number", "extension-and-phone", "heading-number", "adoption-date", "form-number"],
)
def test_a_number_that_is_not_an_amount_is_not_the_refund_rule(tmp_path: Path, text: str) -> None:
    assert not _find(tmp_path, text, REFUND_AMOUNT).found


@pytest.mark.parametrize(
    "text",
    [
        "Refunds of unused rent are prorated at $20 per day.",
        "A refund of 50% of the last week's fee is paid by check.",
        "| Item | Refund |\n|---|---|\n| Unused rent | 100 |",
    ],
    ids=["dollars-per-day", "percent", "table-row"],
)
def test_an_amount_with_its_unit_states_the_refund_rule(tmp_path: Path, text: str) -> None:
    assert _find(tmp_path, text, REFUND_AMOUNT).found


def test_a_time_in_a_heading_does_not_say_when_the_refund_is_paid(tmp_path: Path) -> None:
    heading_only = "## 30-Day Refunds\n\nA refund of unused rent is returned to the resident."
    assert not _find(tmp_path, heading_only, REFUND_WHEN).found
    stated = "## Refunds\n\nA refund of unused rent is returned to the resident within 14 days of move-out."
    assert _find(tmp_path, stated, REFUND_WHEN).found


def test_neighbors_are_told_how_to_reach_us_only_with_a_number_or_address(tmp_path: Path) -> None:
    unpublished = "Neighbors may call the director, whose direct line is not published."
    assert not _find(tmp_path, unpublished, HOW_TO_REACH).found
    given = "Neighbors may call or text the house phone at 555-0147, day or night."
    assert _find(tmp_path, given, HOW_TO_REACH).found


def test_a_rule_promised_for_later_is_not_stated(tmp_path: Path) -> None:
    search = _spec("search procedure", "search")
    promised = "A procedure for room searches will be developed by the Program Director."
    finding = _find(tmp_path, promised, search)
    assert not finding.found and finding.deferred
    assert _find(tmp_path, "Room searches are made by two staff members, never one.", search).found


# --- clause titles frame their clause -----------------------------------------------------------------

NO_OVERNIGHT_GUESTS = _spec("no overnight guests", "guest", "overnight")


@pytest.mark.parametrize(
    "text",
    [
        "7.3 Guests. No one may stay overnight.",
        "**Section 7.3 Guests and Visitors.** No one may stay overnight on the Premises.",
        "**Guests.** No one may stay overnight.",
        "ARTICLE VII. GUESTS\n\nNo one may stay overnight.\n\nThe house manager keeps the visiting hours.",
        "*Can I have guests?* No one may stay overnight.",
    ],
    ids=["numbered", "bold-section", "bold-run-in", "article-on-its-own-line", "question"],
)
def test_a_clause_title_frames_the_text_after_it(tmp_path: Path, text: str) -> None:
    assert _find(tmp_path, text, NO_OVERNIGHT_GUESTS).found


def test_without_its_title_the_clause_says_less(tmp_path: Path) -> None:
    assert not _find(tmp_path, "No one may stay overnight.", NO_OVERNIGHT_GUESTS).found


def test_a_clause_number_is_not_a_time(tmp_path: Path) -> None:
    guests_when = _spec("when guests leave", "guest", substance="time")
    assert not _find(tmp_path, "Section 9.30 Guests. Guests sign the book.", guests_when).found
    assert _find(tmp_path, "Section 9.30 Guests. Guests leave by 9 pm.", guests_when).found


# --- ideas over two sentences ---------------------------------------------------------------------

LOCKED_MEDICATION = _spec("medication locked", "medication", "locked")


def test_a_sentence_that_refers_back_borrows_what_it_refers_to(tmp_path: Path) -> None:
    text = "Each resident's medication is kept in the staff office. It is locked at all times."
    assert _find(tmp_path, text, LOCKED_MEDICATION).found


def test_it_borrows_only_what_it_refers_to(tmp_path: Path) -> None:
    """ "It" names one thing: a topic's other ideas must be in the sentence that refers back."""
    weekly = _spec("medication locked and counted", "medication", "locked", substance="time")
    text = "Medication is kept in a locked cabinet. It is next to the kitchen, which is cleaned weekly."
    assert not _find(tmp_path, text, weekly).found


def test_all_of_them_refers_back_too(tmp_path: Path) -> None:
    """ "House mgr checks all of them monthly" names what the sentence before listed, as "It" would;
    in another paragraph it does not."""
    text = "Each resident's medication goes in the staff office. The manager keeps all of them locked."
    assert _find(tmp_path, text, LOCKED_MEDICATION).found
    assert not _find(tmp_path, text.replace(". The", ".\n\nThe"), LOCKED_MEDICATION).found
    # on the paragraph's next line, as an interview's notes put it
    assert _find(tmp_path, text.replace(". The", ".\nThe"), LOCKED_MEDICATION).found


@pytest.mark.parametrize(
    "text",
    [
        "Each resident's medication goes in the staff office. All are locked in the cabinet overnight.",
        "Each resident's medication goes in the staff office. All locked at night by the manager.",
        "Each resident's medication goes in the staff office. The manager checks all nightly; they stay locked.",
    ],
    ids=["all-are", "all-and-a-participle", "checks-all"],
)
def test_all_or_each_said_of_at_once_refers_back(tmp_path: Path, text: str) -> None:
    """ "All tested monthly and written on the log.", "House mgr checks all monthly": an opening "All",
    "Each" or "Both" said of at once (a verb follows), or "all" as what a check is done to, names what
    the sentence before listed."""
    assert _find(tmp_path, text, LOCKED_MEDICATION).found


@pytest.mark.parametrize(
    "text",
    [
        "Each resident's medication goes in the staff office. All residents are locked out of it at night.",
        "Each resident's medication goes in the staff office. The manager checks all doors; they stay locked.",
    ],
    ids=["all-residents", "checks-all-doors"],
)
def test_all_before_a_noun_does_not_refer_back(tmp_path: Path, text: str) -> None:
    assert not _find(tmp_path, text, LOCKED_MEDICATION).found


@pytest.mark.parametrize(
    "text",
    [
        "Each resident's medication is kept in the staff office.\n\nIt is locked at all times.",
        "Each resident's medication is kept in the staff office. The front door is locked at night.",
        "Medication is kept in the office. This Section is locked against amendment by residents.",
    ],
    ids=["another-paragraph", "no-reference", "this-section-is-the-document"],
)
def test_sentences_that_do_not_refer_back_do_not_combine(tmp_path: Path, text: str) -> None:
    assert not _find(tmp_path, text, LOCKED_MEDICATION).found


# --- more of what a sentence states or only mentions -------------------------------------------------


def test_a_lead_in_introduces_the_list_below_it_across_a_blank_line(tmp_path: Path) -> None:
    text = "## Leave These at Home\n\nPlease do not bring any of the following:\n\n1. Beer or wine\n2. Any drug\n"
    finding = _find(tmp_path, text, _spec("what not to bring", "forbidden", "medication|beer"))
    assert finding.found
    assert "Beer" in analyse(read_policy(tmp_path, text)).sentences[finding.sentence or 0].text


def test_a_heading_typed_in_capitals_frames_the_lines_under_it(tmp_path: Path) -> None:
    text = "POSITION DESCRIPTION: HOUSE MANAGER\nCoaches residents on budgeting every week.\n"
    coach = _spec("the house manager coaches residents", "teaching", "_role")
    assert _find(tmp_path, text, coach).found


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("At chapel we will talk about forbidden fruit and why wine mocks us.", NO_ALCOHOL),
        ("Nothing herein entitles a resident to instruction or coaching by staff.", STAFF_TEACH),
        ("Keep the music down so as to avoid any complaint from the neighbors next door.",
         _spec("neighbor complaints", "neighbor", "reach|complaint*")),
        ("This is not covered at move-in; read it on your own.", _spec("covered at move-in", "cover*", "move-in")),
        ("The Operator is not responsible for the security of passwords on residents' phones.",
         _spec("passwords", "password*", "secur*")),
        ("The house parents keep their evenings private and do not join in.",
         _spec("leaders take part", "house parent*", "join*|take part")),
    ],
    ids=["a-talk-about", "nothing-herein", "so-as-to-avoid", "not-covered", "not-responsible-for", "do-not-join"],
)  # fmt: skip
def test_what_a_sentence_only_mentions_does_not_count(tmp_path: Path, text: str, spec: TopicSpec) -> None:
    assert not _find(tmp_path, text, spec).found


def test_a_condition_is_a_rule_not_a_denial(tmp_path: Path) -> None:
    """ "We don't offer a bed unless most of them say yes" states how a bed is offered."""
    vote = _spec("residents vote on a bed", "offer* * bed|bed", "say yes|vote*")
    assert _find(tmp_path, "We don't offer a bed unless most of the residents say yes.", vote).found
    assert not _find(tmp_path, "We don't offer a bed to anyone, and the residents say yes to guests.", vote).found


def test_a_stated_time_is_not_deferred_by_a_word_of_discretion_beside_it(tmp_path: Path) -> None:
    review = _spec("plan reviewed", "refund", substance="time")
    stated = "Every 30 days the house manager reviews any refund, and rewrites the plan at his discretion."
    assert _find(tmp_path, stated, review).found
    assert _find(tmp_path, "Any refund is reviewed at the director's discretion.", review).deferred


# --- posted notices and memos: terse, in capitals, with shorthand ---------------------------------------


def test_shorthand_on_a_notice_reads_as_written_out(tmp_path: Path) -> None:
    """ "HM" is the house manager; "w/o" is "without" (and "w/" is "with")."""
    ask = _spec("the house manager approves guests", "guest", "manager")
    assert _find(tmp_path, "Overnight guests w/o an OK from HM = a warning.", ask).found
    without = _spec("never without staff", "search", "without staff")
    assert _find(tmp_path, "Room searches are never done w/o staff present.", without).found


def test_a_notice_title_in_capitals_heads_every_block_below_it(tmp_path: Path) -> None:
    text = "ALCOHOL + DRUGS - HOUSE RULE 1\nRead this twice.\n\nNot allowed on the property. Ever.\n"
    assert _find(tmp_path, text, NO_ALCOHOL).found
    noted = "GUEST RULES (read at move-in)\n\nNobody may stay overnight.\n"
    assert _find(tmp_path, noted, NO_OVERNIGHT_GUESTS).found


def test_a_notice_title_does_not_run_into_the_line_below(tmp_path: Path) -> None:
    """A title in capitals ends its line even when it ends on a small word ("STAFF ONLY")."""
    sentences = analyse(read_policy(tmp_path, "RESIDENT FILES - STAFF ONLY\nCabinet stays locked.\n")).sentences
    assert [s.text for s in sentences] == ["RESIDENT FILES - STAFF ONLY", "Cabinet stays locked."]


def test_a_label_before_an_arrow_frames_what_follows_it(tmp_path: Path) -> None:
    text = "GUESTS -> nobody stays overnight, no exceptions.\n"
    assert _find(tmp_path, text, NO_OVERNIGHT_GUESTS).found
    assert not _find(tmp_path, "Nobody stays overnight, no exceptions.\n", NO_OVERNIGHT_GUESTS).found


def test_a_memo_subject_frames_the_memo(tmp_path: Path) -> None:
    memo = "MEMO\nTO: All staff\nFROM: Director\nRE: Guests\n\nNobody stays overnight. No exceptions.\n"
    assert _find(tmp_path, memo, NO_OVERNIGHT_GUESTS).found
    other = "MEMO\nTO: All staff\nFROM: Director\nRE: Parking\n\nNobody stays overnight. No exceptions.\n"
    assert not _find(tmp_path, other, NO_OVERNIGHT_GUESTS).found


def test_sentence_ends_are_found_where_the_looked_behind_pattern_finds_them() -> None:
    """The sentence splitter matches a sentence's stop instead of looking behind for it (faster); it must
    find the very spaces the looked-behind pattern found: hand-made lines, and every fifth line of the
    tuned part of the blind corpus, as written, lower-cased and in capitals."""
    import re
    import sys
    from pathlib import Path

    from narr_audit.checks.recognise import _SENTENCE_END

    sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus" / "topics"))
    from topic_corpus import passages

    behind = re.compile(r"(?<=[.!?;\"\u201d\u2019])\s+(?=[^a-z0-9(]|\d{1,2}[.)](?:\s+[A-Z]|\s*$))")
    lines = ["a.  b", ". . B", 'x."  No', '"  A', "end.\tNext", "A.\u2019 B", ";;  ;", ".", " .", ". ", "a.\n B"]
    lines += ["Do not stop. 2. Leave now.", "Feel doors. 3.", "Call 911. 12) Wait", "It is 2. 5 of them."]
    lines += [line for p in passages("tuned") for line in p.text.split("\n")][::5]
    for line in lines:
        for text in (line, line.lower(), line.upper()):
            assert [m.span(1) for m in _SENTENCE_END.finditer(text)] == [m.span() for m in behind.finditer(text)], text
