"""The browsing views: rule selection, id look-up with suggestions, and level checklists."""

from __future__ import annotations

import pytest

from narr_audit.base.errors import NarrError
from narr_audit.base.ids import normalise_rule_id
from narr_audit.base.levels import ALL_LEVELS, Level
from narr_audit.standards.catalog import checklist, find_rule, select
from narr_audit.standards.loader import load_narr
from narr_audit.standards.model import AnyOf, Rulebook


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_narr()


def test_select_by_level_keeps_required_and_recommended(book: Rulebook) -> None:
    for level in ALL_LEVELS:
        chosen = {e.rule.id for e in select(book, level=level)}
        expected = {r.id for r in book.rules() if r.levels.status_at(level) != "not_applicable"}
        assert chosen == expected


def test_select_without_filters_is_every_rule_in_order(book: Rulebook) -> None:
    assert [e.rule.id for e in select(book)] == book.rule_ids()


@pytest.mark.parametrize(("text", "rule_id"), [("1.c.7.B", "1.C.7.b"), (" 2.f.17.c ", "2.F.17.c")])
def test_rule_ids_are_normalised(text: str, rule_id: str) -> None:
    assert normalise_rule_id(text) == rule_id


def test_unknown_rule_suggests_siblings(book: Rulebook) -> None:
    with pytest.raises(NarrError) as info:
        find_rule(book, "1.C.7.q")
    assert "did you mean" in info.value.render() and "1.C.7." in info.value.render()


def test_checklist_marks_recommended_items(book: Rulebook) -> None:
    items = checklist(book, Level.II).items
    recommended = {i.rule_id for i in items if i.recommended}
    expected = {r.id for r in book.rules() if r.levels.status_at(Level.II) == "recommended"}
    assert recommended == expected and recommended


def test_checklist_respects_level_limited_checks(book: Rulebook) -> None:
    """A check limited to some levels (a fire-drill log at II-IV) is not asked of a Level I house."""
    for rule in book.rules():
        for item in rule.evidence:
            if isinstance(item, AnyOf) or item.levels is None:
                continue
            for level in ALL_LEVELS:
                if rule.levels.status_at(level) == "not_applicable":
                    continue
                labels = {i.label for i in checklist(book, level).items if i.rule_id == rule.id}
                assert (item.label in labels) == (level in item.levels), (rule.id, item.label, level)


def test_checklist_groups_by_domain_and_standard(book: Rulebook) -> None:
    result = checklist(book, Level.IV)
    assert [d.id for d in result.domains] == ["1", "2", "3", "4"]
    for domain in result.domains:
        for standard in domain.standards:
            assert standard.id.startswith(domain.id + ".")
            assert all(i.rule_id.startswith(standard.id + ".") for i in standard.items)
