"""How the recogniser reads a training deck, a web page and a clinic's manual (the eighth round's
wording): a slide's title heads its bullets; a word of a safety rule said in a fixed phrase with
another sense ("a safety net fund", "a financial emergency") names no safety rule; what an outside
body's own system decides ("the employer's own buddy system") is no rule of the house.

Each case is a short passage as an operator writes it, saved as a Markdown file and read by the same
extraction as any evidence file, then judged against one topic, both ways: the wording that states
the rule is met, the near-miss that only uses its words is not. The near-misses and the slide cases
failed on the code before this round (see the report); the positive cases held before and must hold.
"""

from __future__ import annotations

from pathlib import Path

from narr_audit.checks.recognise import Finding, TopicSpec, Vocabulary, analyse
from narr_audit.standards.loader import load_rulebook

from .topic_cases import find_in_text, read_policy, spec_of, topic_met

VOCABULARY = Vocabulary.build(
    {
        "_role": ["house manager", "manager", "director", "house lead"],
        "background_check": ["background check*", "criminal history", "sex offender registry"],
        "who_is_checked": ["staff", "volunteer*", "house manager*", "everyone"],
        "insurance": ["insurance", "insured", "liability"],
        "policy_period": ["good from", "good through", "effective", "expires", "policy period"],
        "safety": ["safety", "safe"],
        "responsibility": ["responsib*", "look out for", "looks out for"],
        "resident": ["resident*"],
        "emergency": ["emergency", "emergencies"],
        "procedure": ["procedure*", "plan"],
        "one_another": ["one another", "each other"],
        "detectors": ["detector*", "smoke alarm*"],
        "tested": ["test*", "check*", "monthly"],
        "sharps": ["sharps", "needle*"],
        "disposal": ["container*", "dispos*"],
        "records": ["record*", "file*"],
        "access": ["director only", "authori*", "only the director"],
        "transactions": ["sell*", "buy*", "loan*"],
        "illicit_drugs": ["illicit drug*", "street drug*"],
        "loitering": ["loiter*", "hanging around"],
        "forbidden": ["not allowed", "forbidden", "prohibit*", "zero tolerance"],
    }
)


def _spec(name: str, *ideas: str, substance: str | None = None) -> TopicSpec:
    return spec_of(VOCABULARY, name, *ideas, substance=substance)


def _find(tmp_path: Path, text: str, spec: TopicSpec) -> Finding:
    return find_in_text(VOCABULARY, tmp_path, text, spec)


BACKGROUND_CHECKS = _spec("who gets a background check", "background_check", "who_is_checked")
POLICY_PERIOD = _spec("policy period", "insurance", "policy_period")
RESIDENTS_RESPONSIBLE_FOR_SAFETY = _spec("residents share responsibility for safety", "resident", "safety")
EMERGENCY_PROCEDURES = _spec("emergency procedures", "emergency", "procedure")
LOOKING_OUT = _spec("looking out for one another", "responsibility", "one_another")
SHARPS_DISPOSAL = _spec("sharps disposed of safely", "sharps", "disposal")
RECORDS_ACCESS = _spec("access to records limited", "records", "access")
NO_TRANSACTIONS = _spec("no buying or selling with residents", "resident", "transactions")
DRUGS_FORBIDDEN = _spec("illicit drugs forbidden", "illicit_drugs", "forbidden")
DETECTORS_TESTED = _spec("detectors tested, and by whom", "detectors", "tested", substance="role")


# A slide's title heads its bullets: "Slide 11 - Background checks" frames the terse lines under it,
# as a heading does. (Failed before: the title framed nothing, the bullets stood alone.)
def test_a_slide_title_frames_the_bullets_under_it(tmp_path: Path) -> None:
    deck = (
        "Slide 11 - Background checks before you start\n"
        "- Everyone with regular contact with residents: staff, house managers, weekly volunteers\n"
        "- Run by our HR vendor before day one\n"
    )
    assert _find(tmp_path, deck, BACKGROUND_CHECKS).found


def test_a_slide_title_frames_its_table(tmp_path: Path) -> None:
    deck = (
        "Slide 6 - Our insurance, at a glance\n"
        "| What | Detail |\n|---|---|\n"
        "| Type | General liability, $1M per occurrence |\n"
        "| Good from | March 1, 2026 |\n"
    )
    assert _find(tmp_path, deck, POLICY_PERIOD).found


# A terse slide fragment states a rule with its title's subject: "Detectors - monthly - house lead".
def test_a_terse_slide_fragment_states_a_rule(tmp_path: Path) -> None:
    deck = "Slide 30 - Smoke detectors\n- Tested monthly - house lead\n- Batteries - every spring\n"
    assert _find(tmp_path, deck, DETECTORS_TESTED).found


# The next slide's title starts a new slide: the one before heads it no more.
def test_a_slide_title_does_not_head_the_next_slide(tmp_path: Path) -> None:
    deck = (
        "Slide 11 - Background checks\n"
        "- Criminal history, through our vendor\n\n"
        "Slide 12 - Snacks for the meeting\n"
        "- Everyone brings something\n"
    )
    finding = _find(tmp_path, deck, BACKGROUND_CHECKS)
    assert not finding.found


def test_a_line_that_only_mentions_a_slide_is_no_title(tmp_path: Path) -> None:
    text = "Slides on background checks were shown at the fair.\n- Everyone brings a snack\n"
    assert not _find(tmp_path, text, BACKGROUND_CHECKS).found


# "Safety" in a safety net is money, not safety. (Failed before: the fund passed the safety topic.)
def test_a_safety_net_fund_is_no_safety_rule(tmp_path: Path) -> None:
    page = (
        "## Financial responsibility\n"
        "A safety net fund, donated by alumni, covers one week's rent for residents between jobs.\n"
    )
    assert not _find(tmp_path, page, RESIDENTS_RESPONSIBLE_FOR_SAFETY).found


def test_residents_responsible_for_safety_is_met(tmp_path: Path) -> None:
    page = "## Safety\nEvery resident is responsible for keeping the house safe.\n"
    assert _find(tmp_path, page, RESIDENTS_RESPONSIBLE_FOR_SAFETY).found


# The social model of disability (barriers disable people) is no Social Model of recovery. (Failed before.)
def test_the_social_model_of_disability_is_no_social_model_of_recovery(tmp_path: Path) -> None:
    book = load_rulebook()
    topic = "the Social Model of recovery"
    disability = "## Access\nOur homes follow the social model of disability and remove barriers on request.\n"
    assert not topic_met(book, tmp_path, "1.D.10.a", topic, disability)
    recovery = "## Our approach\nOur homes follow the social model of recovery: peers help peers.\n"
    assert topic_met(book, tmp_path, "1.D.10.a", topic, recovery)


# A financial emergency is no emergency procedure. (Failed before.)
def test_a_financial_emergency_is_no_emergency_procedure(tmp_path: Path) -> None:
    page = (
        "## Emergency rent assistance\n"
        "If you hit a financial emergency, our procedure is simple: sign the request form and bring it "
        "to the office.\n"
    )
    assert not _find(tmp_path, page, EMERGENCY_PROCEDURES).found


def test_an_emergency_procedure_is_met(tmp_path: Path) -> None:
    page = "## Emergencies\nIn an emergency, follow the procedure posted by the front door: call 911 first.\n"
    assert _find(tmp_path, page, EMERGENCY_PROCEDURES).found


# What an employer's own system decides is the employer's, not a rule of the house. (Failed before.)
def test_an_employers_own_system_is_no_house_rule(tmp_path: Path) -> None:
    manual = (
        "12.4 Employer Verification\n"
        "For those clients, the employer's own buddy system determines how coworkers look out for one "
        "another on the job site.\n"
    )
    assert not _find(tmp_path, manual, LOOKING_OUT).found


def test_residents_looking_out_for_one_another_is_met(tmp_path: Path) -> None:
    manual = "12.5 Peer Safety\nResidents look out for one another and tell staff about any hazard.\n"
    assert _find(tmp_path, manual, LOOKING_OUT).found


# A value professed ("Safety is important to us, and our managers take it seriously") is no rule.
# (Failed before: the avowal passed the topic.) A rule beside it still counts.
def test_a_value_professed_is_no_safety_rule(tmp_path: Path) -> None:
    page = "## Community comes first\nResident safety is important to us, and our house managers take it seriously.\n"
    assert not _find(tmp_path, page, RESIDENTS_RESPONSIBLE_FOR_SAFETY).found


def test_a_rule_beside_a_professed_value_counts(tmp_path: Path) -> None:
    page = "## Safety\nSafety is our top priority: every resident keeps the exits clear and the house safe.\n"
    assert _find(tmp_path, page, RESIDENTS_RESPONSIBLE_FOR_SAFETY).found


# What is left to another document is not stated here: "discussed in the ... curriculum", "covered
# in the Staff Handbook", "(coming 2027)". (Failed before.)
def test_a_matter_left_to_another_document_is_not_stated(tmp_path: Path) -> None:
    manual = "6.7.2 Health Information\nSharps containers are discussed in the harm reduction group curriculum.\n"
    assert not _find(tmp_path, manual, SHARPS_DISPOSAL).found


def test_a_rule_promised_for_next_year_is_not_stated(tmp_path: Path) -> None:
    deck = 'Slide 7 - Staying sober\n- Illicit drugs - not allowed, see "Resident Conduct" (coming 2027)\n'
    assert not _find(tmp_path, deck, DRUGS_FORBIDDEN).found


def test_sharps_rule_stated_here_is_met(tmp_path: Path) -> None:
    manual = "6.7.2 Health Information\nUsed needles and other sharps go in the red sharps container in the office.\n"
    assert _find(tmp_path, manual, SHARPS_DISPOSAL).found


# A Markdown list's items stay apart once their markers are gone: "Keys - director only" does not run
# on into "Computer records - shared drive; staff log in with the house password". (Failed before.)
def test_list_items_do_not_run_into_each_other(tmp_path: Path) -> None:
    deck = (
        "Slide 38 - Where things are kept\n"
        "- Keys - director only\n"
        "- Computer records - shared drive; anyone on staff can log in with the house password\n"
    )
    assert not _find(tmp_path, deck, RECORDS_ACCESS).found


def test_a_line_broken_after_the_still_runs_on(tmp_path: Path) -> None:
    text = "Resident files are kept in the office,\nand only the director opens the cabinet where they\nare kept.\n"
    assert _find(tmp_path, text, RECORDS_ACCESS).found


# A quiz's "Your resident offers to sell you his tools. OK? -> No.": the short question asks about the
# offer, and the answer is read with both.
def test_a_quiz_answer_is_read_with_the_case_it_answers(tmp_path: Path) -> None:
    text = "Quiz: Your resident offers to sell you his tools cheap. OK? -> No. Any deal, any size.\n"
    analysis = analyse(read_policy(tmp_path, text))
    answer = next(n for n, s in enumerate(analysis.sentences) if s.text.startswith("->"))
    framing = [analysis.sentences[c].text for c in analysis.sentences[answer].context]
    assert "Your resident offers to sell you his tools cheap." in framing
    assert _find(tmp_path, text, NO_TRANSACTIONS).found


LOITERING = _spec("no loitering", "loitering")


# What is an outside body's responsibility is theirs, not the house's rule. (Failed before.)
def test_an_outside_bodys_responsibility_is_no_house_rule(tmp_path: Path) -> None:
    policy = '7.05 Outdoor Rules\n"No Loitering" signs at the bus stop are the city\'s responsibility.\n'
    assert not _find(tmp_path, policy, LOITERING).found


def test_a_house_rule_against_loitering_is_met(tmp_path: Path) -> None:
    policy = "7.05 Outdoor Rules\nLoitering in front of the house is not allowed.\n"
    assert _find(tmp_path, policy, LOITERING).found
