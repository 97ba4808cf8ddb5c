"""Judge one sentence or two against one topic of a rule's document check, as `check` judges a binder:
shared by the vocabulary's domain cases (tests/test_vocabulary_round*.py)."""

from __future__ import annotations

from pathlib import Path

from narr_audit.checks.document import DocumentCheck, topic_spec
from narr_audit.checks.recognise import analyse, find
from narr_audit.evidence.content import Extracted
from narr_audit.evidence.extract import extract
from narr_audit.standards.model import Rulebook


def topic_met(book: Rulebook, tmp_path: Path, rule_id: str, topic_name: str, text: str) -> bool:
    """Whether the rule's document check finds the topic in a policy saying ``text`` (read by the same
    extraction as any evidence file)."""
    rule = book.rule(rule_id)
    assert rule is not None, rule_id
    topics = [
        topic
        for check in rule.checks()
        if isinstance(check, DocumentCheck)
        for topic in check.topics
        if topic.name == topic_name
    ]
    assert topics, f"{rule_id} has no topic {topic_name!r}"
    path = tmp_path / "policy.md"
    path.write_text(text, encoding="utf-8")
    content = extract(path)
    assert isinstance(content, Extracted)
    return find(topic_spec(topics[0], book.concepts), analyse(content), book.concepts).found
