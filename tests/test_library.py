"""Meta-tests over the shipped NARR 3.0 library and the check-kind registry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from narr_audit.base.levels import ALL_LEVELS
from narr_audit.base.resources import standards_dir
from narr_audit.checks import REGISTRY
from narr_audit.standards.loader import load_narr
from narr_audit.standards.model import RULE_ID, AnyOf, Rulebook

pytestmark = pytest.mark.meta

REPO = Path(__file__).resolve().parent.parent
# Every rule id the project's research found (the skeleton in the founders' notes), so that a rule
# dropped from the YAML by mistake fails here rather than vanishing silently.
EXPECTED_RULES = yaml.safe_load((Path(__file__).parent / "fixtures" / "expected-rules.yaml").read_text())


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_narr()


def test_four_domains_ten_principles_thirty_one_standards(book: Rulebook) -> None:
    assert [d.id for d in book.domains] == ["1", "2", "3", "4"]
    assert [p.principle for p in book.principles()] == list("ABCDEFGHIJ")
    numbers = [int(s.id.split(".")[2]) for s in book.standards()]
    assert numbers == list(range(1, 32))


def test_every_expected_rule_is_encoded(book: Rulebook) -> None:
    missing = sorted(set(EXPECTED_RULES) - set(book.rule_ids()))
    assert not missing, f"rules missing from standards/narr-3.0: {missing}"


def test_ids_unique_well_formed_and_consistent_with_parents(book: Rulebook) -> None:
    ids = book.rule_ids()
    assert len(ids) == len(set(ids))
    for domain in book.domains:
        for principle in domain.principles:
            assert principle.domain == domain.id
            for standard in principle.standards:
                assert standard.id.startswith(f"{domain.id}.{principle.principle}.")
                letters = []
                for rule in standard.rules:
                    match = RULE_ID.match(rule.id)
                    assert match and match["standard"] == standard.id, rule.id
                    letters.append(match["letter"])
                # NARR rules are lettered a, b, c ... without gaps, in order
                assert letters == [chr(ord("a") + i) for i in range(len(letters))], standard.id


def test_every_rule_has_its_doc_fields(book: Rulebook) -> None:
    for rule in book.rules():
        assert len(rule.requirement.split()) >= 8, f"{rule.id}: requirement too thin"
        assert len(rule.remediation.split()) >= 6, f"{rule.id}: remediation too thin"
        assert rule.title and not rule.title.startswith("("), f"{rule.id}: title is a placeholder"
        assert rule.evidence, rule.id
        # no source is honest only when the research says so: low confidence, with a note saying why
        assert rule.provenance.sources or (rule.provenance.confidence == "low" and rule.provenance.note), rule.id
        assert all(s.startswith("http") for s in rule.provenance.sources), rule.id


def test_every_level_is_placed_once(book: Rulebook) -> None:
    for rule in book.rules():
        placed = rule.levels.required + rule.levels.recommended + rule.levels.not_applicable
        assert sorted(placed, key=ALL_LEVELS.index) == list(ALL_LEVELS), rule.id


def test_every_check_names_a_registered_kind(book: Rulebook) -> None:
    for rule in book.rules():
        for check in rule.checks():
            assert check.kind in REGISTRY, f"{rule.id}: unknown kind {check.kind}"
            assert isinstance(check, REGISTRY[check.kind].params), rule.id


def test_every_rule_has_evidence_at_every_level_it_applies(book: Rulebook) -> None:
    for rule in book.rules():
        for level in ALL_LEVELS:
            if rule.levels.status_at(level) == "not_applicable":
                continue
            assert any(item.applies_at(level) for item in rule.evidence), f"{rule.id} at {level}"
            for item in rule.evidence:
                if isinstance(item, AnyOf) and item.applies_at(level):
                    assert any(c.applies_at(level) for c in item.any_of), f"{rule.id} at {level}"


def test_every_topic_names_ideas_that_resolve(book: Rulebook) -> None:
    """Shipped topics use concepts (ideas read together), and every idea finds at least one phrasing."""
    vocabulary = book.concepts
    for rule in book.rules():
        for check in rule.checks():
            for topic in getattr(check, "topics", []):
                assert topic.concepts, f"{rule.id} {topic.name!r}: give its concepts (terms are the old form)"
                for idea in topic.concepts:
                    assert vocabulary.idea(idea), f"{rule.id} {topic.name!r}: {idea!r} matches nothing"


def test_every_vocabulary_phrasing_compiles_to_words(book: Rulebook) -> None:
    """A phrasing of punctuation alone ('%') would silently match nothing."""
    from narr_audit.checks.recognise import compile_phrasing

    for concept, phrasings in book.vocabulary.items():
        for phrasing in phrasings:
            assert compile_phrasing(phrasing), f"concept {concept}: {phrasing!r} has no words"


def test_life_safety_rules_include_fire_and_overdose(book: Rulebook) -> None:
    safety = {r.id for r in book.rules() if r.life_safety}
    assert {"2.F.17.c", "2.F.19.d"} <= safety


def test_every_check_kind_is_documented_and_has_a_module() -> None:
    doc = (REPO / "docs" / "standards-format.md").read_text(encoding="utf-8")
    for name, kind in REGISTRY.items():
        assert f"| `{name}` |" in doc, f"docs/standards-format.md does not document {name}"
        assert kind.summary and kind.params.__module__ == f"narr_audit.checks.{name}"
        module_doc = __import__(kind.params.__module__, fromlist=["x"]).__doc__
        assert module_doc and module_doc.startswith(f"{name}:")


def test_library_files_are_one_per_principle() -> None:
    names = sorted(p.name for p in (standards_dir() / "narr-3.0").glob("*.yaml"))
    assert names == [
        "1-A.yaml", "1-B.yaml", "1-C.yaml", "1-D.yaml", "2-E.yaml",
        "2-F.yaml", "3-G.yaml", "3-H.yaml", "3-I.yaml", "4-J.yaml", "index.yaml",
    ]  # fmt: skip


def test_no_source_sentence_is_pasted_as_requirement(book: Rulebook) -> None:
    """The rule wording must be our own: a requirement is not just the short title restated."""
    for rule in book.rules():
        assert rule.requirement.lower() != rule.title.lower()
        assert not re.search(r"lorem ipsum|TODO|TBD", rule.requirement + rule.remediation), rule.id


def test_no_site_visit_label_repeats_its_method(book: Rulebook) -> None:
    """The visit checklist prints "Interview: <label>"; a label that starts with its method reads twice."""
    from narr_audit.checks.site_visit import METHOD_NAMES, SiteVisitCheck

    doubled = [
        f"{rule.id}: {check.label}"
        for rule in book.rules()
        for item in rule.evidence
        for check in (item.any_of if isinstance(item, AnyOf) else [item])
        if isinstance(check, SiteVisitCheck) and check.label.lower().startswith(METHOD_NAMES[check.method].lower())
    ]
    assert doubled == []
