"""Judge a sentence or two against one topic, read by the same extraction as any evidence file: with
a made-up vocabulary (the recogniser's cases, tests/test_recognise*.py) or a rule's own document check
and the shipped vocabulary (the vocabulary's cases: tests/test_vocabulary_cases.py, their tables in
tests/vocabulary_cases/)."""

from __future__ import annotations

from pathlib import Path

from narr_audit.checks.document import DocumentCheck, topic_spec
from narr_audit.checks.recognise import Finding, TopicSpec, Vocabulary, analyse, find
from narr_audit.evidence.content import Extracted
from narr_audit.evidence.extract import extract
from narr_audit.standards.model import Rulebook


def read_policy(tmp_path: Path, text: str) -> Extracted:
    """``text`` as a Markdown policy, extracted as `check` extracts one."""
    path = tmp_path / "policy.md"
    path.write_text(text, encoding="utf-8")
    content = extract(path)
    assert isinstance(content, Extracted)
    return content


def spec_of(vocabulary: Vocabulary, name: str, *ideas: str, substance: str | None = None) -> TopicSpec:
    """A topic made of ``ideas`` of ``vocabulary`` (their names are the labels)."""
    return TopicSpec(name, tuple(vocabulary.idea(i) for i in ideas), ideas, substance)


def find_in_text(vocabulary: Vocabulary, tmp_path: Path, text: str, spec: TopicSpec) -> Finding:
    """Where in a policy saying ``text`` the topic is met, or what came closest."""
    return find(spec, analyse(read_policy(tmp_path, text)), vocabulary)


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
    return find(topic_spec(topics[0], book.concepts), analyse(read_policy(tmp_path, text)), book.concepts).found
