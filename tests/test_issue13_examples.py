"""The wordings issue 13 was filed with, read by the document check as `check` reads them (the
recogniser and the shipped second reader): each paraphrase meets its topic, and each stray word
meets nothing.

A topic met "for the reviewer to confirm" counts as met here: the report passes it and says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus" / "topics"))

from topic_corpus import document_check, judged

from narr_audit.standards.loader import load_rulebook
from narr_audit.standards.reader import second_reader

BOOK = load_rulebook()

# (rule, document check, topic, the document's text)
PARAPHRASES = [
    (
        "1.B.6.a",
        "Resident records security policy",
        "access limited to authorized people",
        "# Resident files\n\nFiles stay in the office safe; "
        "the combination is known to the owner and the house manager.\n",
    ),
    (
        "1.A.2.b",
        "Certificate of liability insurance",
        "policy period",
        "# Certificate of liability insurance\n\n| Insurer | Policy number | Policy eff | Policy exp |\n"
        "|---|---|---|---|\n| Acme Mutual | GL-20431 | 01/01/2026 | 01/01/2027 |\n",
    ),
    (
        "1.C.8.b",
        "Written descriptions of resident leadership roles",
        "duties of each role",
        "# House president\n\nRuns the weekly house meeting, keeps the agenda and speaks for the house.\n\n"
        "# Treasurer\n\nCollects the house fund each Friday, keeps the ledger and reports the balance.\n",
    ),
    (
        "2.F.18.a",
        "Smoking and vaping policy (house rules)",
        "designated area or smoke-free property",
        "# Smoking\n\nNo smoking indoors. Smoking is allowed on the back patio only.\n",
    ),
    (
        "2.F.16.a",
        "Alcohol- and drug-free policy (policy and procedure manual)",
        "use is forbidden",
        "# Substances\n\nResidents refrain from using or possessing alcohol or any mind-altering chemical.\n",
    ),
    (
        "1.C.7.b",
        "Grievance policy and procedure",
        "right to go to the affiliate",
        "# Grievances\n\nWrite your grievance to the house manager, who answers within seven days. "
        "If it is not resolved, the resident may contact FARR.\n",
    ),
    (
        "3.G.23.a",
        "Weekly schedule of recovery support services, events and activities",
        "recovery meetings or groups",
        "# Our week\n\nMonday and Thursday evenings: recovery-based meetings in the living room.\n",
    ),
    (
        "2.F.16.c",
        "Resident consent to drug screening (form)",
        "screening",
        "# Consent\n\nI agree to drug and alcohol screenings at random while I live here.\n",
    ),
]

# (rule, document check, topic, a document that uses its words without stating it)
STRAY_WORDS = [
    (
        "2.F.16.c",
        "Resident consent to drug screening (form)",
        "consent",
        "# Curfew\n\nResidents are home by 11 p.m. unless authorized by management.\n",
    ),
    (
        "4.J.31.a",
        "Good neighbor rules in the resident packet (smoking, loitering, language, cleanliness)",
        "cleanliness of the property",
        "# Neighbors\n\nWhen the house opened, one neighbor told the paper: not in my back yard.\n",
    ),
    (
        "1.A.3.a",
        "Written fee disclosure signed by applicants",
        "disclosed before any payment",
        "# Rent\n\nRent is $150 a week, paid in advance every Friday.\n",
    ),
    (
        "1.A.3.c",
        "Written refund policy",
        "refund terms",
        "# Refunds\n\nRefunds are at the director's discretion.\n",
    ),
]


# Plain statements in the field's ordinary words, as most binders write them (many operators adapt an
# affiliate's template): the recogniser finds their words, and the second reader must not doubt them
# for it. (The blind corpus's first rounds asked writers to avoid the rule's words, and a reader trained
# only on them doubted "Residents may not use or possess alcohol or illegal drugs".)
PLAIN = [
    (
        "2.F.16.a",
        "Alcohol- and drug-free policy (policy and procedure manual)",
        ("alcohol", "illicit drugs", "use is forbidden"),
        "# Alcohol and drugs\n\nResidents may not use or possess alcohol or illegal drugs, on or off the property.\n",
    ),
    (
        "2.F.16.d",
        "Medication use and storage policy",
        ("prescription and over-the-counter medication", "storage", "use as directed, no sharing"),
        "# Medication\n\nAll prescription and over-the-counter medications are kept in the locked medication "
        "cabinet. Residents take their medication only as prescribed and never share it with anyone.\n",
    ),
    pytest.param(
        "2.F.17.c",
        "Safety inspection policy (detectors, extinguishers, inspection schedule)",
        ("smoke detectors", "carbon monoxide detectors", "fire extinguishers", "inspection schedule"),
        "# Safety checks\n\nThe house manager tests every smoke detector and carbon monoxide detector and checks "
        "the fire extinguishers on the first day of each month, and writes the results in the safety log.\n",
        # The other topics' words in one sentence ("smoke", "fire") weigh against carbon monoxide detectors
        # and extinguishers: the shipped model passes it, near its doubt threshold. A retrained model that
        # fails it is not shipped as it is (leaving the other topics' words out of what the reader reads
        # fixes it, but loses 0.9 points of absent topics reported missing in cross-validation).
        id="one-sentence-naming-every-detector",
    ),
    (
        "2.F.18.a",
        "Smoking and vaping policy (house rules)",
        ("smoking and tobacco", "not indoors", "designated area or smoke-free property"),
        "# Smoking\n\nNo smoking or vaping inside the house. Residents may smoke only in the designated area "
        "behind the garage.\n",
    ),
    (
        "1.B.6.a",
        "Resident records security policy",
        ("locked storage of paper records", "electronic records protected", "access limited to authorized people"),
        "# Resident records\n\nPaper resident files are kept in a locked filing cabinet in the office. Electronic "
        "records are password protected. Only the house manager and the director have access to resident records.\n",
    ),
]


def _met(rule_id: str, label: str, topic: str, text: str, tmp_path: Path) -> bool:
    check = document_check(BOOK, rule_id, label)
    assert topic in [t.name for t in check.topics]
    outcome, _ = judged(BOOK, rule_id, label, text, tmp_path / "policy.md", second_reader())
    return topic not in outcome.missing


@pytest.mark.parametrize(("rule_id", "label", "topic", "text"), PARAPHRASES, ids=[c[2] for c in PARAPHRASES])
def test_a_paraphrase_meets_its_topic(rule_id: str, label: str, topic: str, text: str, tmp_path: Path) -> None:
    assert _met(rule_id, label, topic, text, tmp_path)


@pytest.mark.parametrize(("rule_id", "label", "topic", "text"), STRAY_WORDS, ids=[c[2] for c in STRAY_WORDS])
def test_a_stray_word_meets_nothing(rule_id: str, label: str, topic: str, text: str, tmp_path: Path) -> None:
    assert not _met(rule_id, label, topic, text, tmp_path)


@pytest.mark.parametrize(("rule_id", "label", "topics", "text"), PLAIN)
def test_a_plain_statement_in_the_fields_words_meets_every_topic(
    rule_id: str, label: str, topics: tuple[str, ...], text: str, tmp_path: Path
) -> None:
    outcome, _ = judged(BOOK, rule_id, label, text, tmp_path / "policy.md", second_reader())
    assert [t.name for t in document_check(BOOK, rule_id, label).topics] == list(topics)
    assert outcome.missing == (), outcome.reason
