"""The library's front door: what the CLI (and any script) calls."""

from __future__ import annotations

from collections.abc import Sequence

from narr_audit.catalog import Checklist, Explanation, RuleEntry, checklist, find_rule, select
from narr_audit.models import Level
from narr_audit.standards.loader import load_rulebook
from narr_audit.standards.model import Rulebook

__all__ = ["explain", "level_checklist", "list_rules", "load_rulebook"]


def list_rules(
    overlays: Sequence[str] = (),
    *,
    level: Level | None = None,
    domain: str | None = None,
    principle: str | None = None,
) -> tuple[Rulebook, list[RuleEntry]]:
    book = load_rulebook(overlays)
    return book, select(book, level=level, domain=domain, principle=principle)


def explain(rule_id: str, overlays: Sequence[str] = ()) -> tuple[Rulebook, Explanation]:
    book = load_rulebook(overlays)
    return book, find_rule(book, rule_id)


def level_checklist(level: Level, overlays: Sequence[str] = ()) -> Checklist:
    return checklist(load_rulebook(overlays), level)
