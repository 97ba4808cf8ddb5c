"""A report about the house is not the house's rule: what it says is missing, and what someone asked.

Findings, minutes, corrective plans and e-mails tell of the house's papers rather than state its
rules. Read as rules, their words pass topics the house has not met:

- what a finding says was not there ("No lease or owner permission was available", "the signed
  consent is missing", "files are missing a signed consent") is absent, not present;
- what someone is told to have asked ("The reviewer asked about peer support", "a neighbor asked
  whether the house has a curfew") is a question, not an answer.

And the other way, each must still read as a rule: "the lease is kept in the office", "missing a
house meeting costs a chore" (missing as a deed, not a lack), "residents may ask about their
balance at any time" (a right, not a question told).

Each case is a short passage saved as a Markdown file, read by the same extraction as any evidence
file and judged against one topic. The cases marked "Failed before" failed before these readings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narr_audit.checks.recognise import TopicSpec, Vocabulary

from .topic_cases import find_in_text, spec_of

VOCABULARY = Vocabulary.build(
    {
        "lease": ["lease", "owner permission"],
        "owner": ["owner", "landlord"],
        "consent": ["consent", "consent form"],
        "signed": ["signed", "signature"],
        "peer_support": ["peer support", "support one another"],
        "resident": ["resident", "residents"],
        "curfew": ["curfew"],
        "house_meeting": ["house meeting"],
        "consequence": ["fine", "chore", "costs", "results in"],
        "balance": ["balance", "ledger"],
        "ask": ["ask", "see", "look at"],
    }
)

LEASE_WITH_OWNER = spec_of(VOCABULARY, "a lease with the owner", "lease", "owner")
SIGNED_CONSENT = spec_of(VOCABULARY, "a signed consent", "consent", "signed")
PEER_SUPPORT = spec_of(VOCABULARY, "residents support one another", "peer_support", "resident")
CURFEW = spec_of(VOCABULARY, "a curfew for residents", "curfew", "resident")
MEETING_CONSEQUENCE = spec_of(VOCABULARY, "missing a meeting has a consequence", "house_meeting", "consequence")
BALANCE_OPEN = spec_of(VOCABULARY, "residents see their balance", "balance", "ask", "resident")

CASES: list[tuple[str, str, TopicSpec, bool]] = [
    # (id, passage, topic, found?)
    (  # Failed before
        "no-lease-was-available",
        "## Finding 1.5\nNo lease or owner permission was available for 77 Pruitt Street.\n",
        LEASE_WITH_OWNER,
        False,
    ),
    (
        "the-lease-is-kept",
        "## Housing\nThe lease with the owner is kept in the office file.\n",
        LEASE_WITH_OWNER,
        True,
    ),
    (  # Failed before
        "the-signed-consent-is-missing",
        "## Finding 2.3\nIn two files the signed consent form is missing.\n",
        SIGNED_CONSENT,
        False,
    ),
    (  # Failed before
        "files-are-missing-a-signed-consent",
        "## Finding 2.3\nTwo resident files are missing a signed consent form.\n",
        SIGNED_CONSENT,
        False,
    ),
    (
        "each-file-holds-a-signed-consent",
        "## Testing\nEach resident file holds a consent form signed at move-in.\n",
        SIGNED_CONSENT,
        True,
    ),
    (
        "missing-a-meeting-is-a-deed",
        "## House meetings\nMissing a house meeting costs an extra chore.\n",
        MEETING_CONSEQUENCE,
        True,
    ),
    (  # Failed before
        "the-reviewer-asked-about",
        "## Finding 3.1\nThe reviewer asked about peer support among residents.\n",
        PEER_SUPPORT,
        False,
    ),
    (
        "residents-support-one-another",
        "## Living together\nResidents support one another: peer support is how this house works.\n",
        PEER_SUPPORT,
        True,
    ),
    (  # Failed before
        "a-neighbor-asked-whether",
        "## Neighbors\nA neighbor asked whether residents have a curfew.\n",
        CURFEW,
        False,
    ),
    (
        "residents-have-a-curfew",
        "## Curfew\nResidents have a curfew of 11 pm on weeknights.\n",
        CURFEW,
        True,
    ),
    (
        "residents-may-ask-about-their-balance",
        "## Fees\nResidents may ask about their balance at any time and see the ledger.\n",
        BALANCE_OPEN,
        True,
    ),
]


@pytest.mark.parametrize(("passage", "topic", "found"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_report_is_read_as_a_report_and_a_rule_as_a_rule(
    tmp_path: Path, passage: str, topic: TopicSpec, found: bool
) -> None:
    assert find_in_text(VOCABULARY, tmp_path, passage, topic).found is found
