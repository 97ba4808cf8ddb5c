"""Views of the rulebook that the browsing commands show: rule listings, one rule, a checklist.

Pure functions from a :class:`Rulebook` to plain data; the formats render that data and the CLI
writes it. Nothing here prints or touches files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from narr_audit.base.errors import NarrError
from narr_audit.base.ids import normalise_rule_id
from narr_audit.base.levels import ALL_LEVELS, Level
from narr_audit.base.statuses import LevelStatus
from narr_audit.checks import KIND_NAMES, CheckBase, describe
from narr_audit.standards.model import AnyOf, Domain, Principle, Rule, Rulebook, Standard


@dataclass(frozen=True)
class RuleEntry:
    """A rule with the domain, principle and standard it sits in."""

    rule: Rule
    domain: Domain
    principle: Principle
    standard: Standard


def entries(book: Rulebook) -> list[RuleEntry]:
    return [
        RuleEntry(rule, domain, principle, standard)
        for domain in book.domains
        for principle in domain.principles
        for standard in principle.standards
        for rule in standard.rules
    ]


def select(
    book: Rulebook,
    *,
    level: Level | None = None,
    domain: str | None = None,
    principle: str | None = None,
) -> list[RuleEntry]:
    """Rules filtered by level (required or recommended there), domain (1-4) and principle (A-J)."""
    if domain is not None and domain not in {d.id for d in book.domains}:
        raise NarrError.single(f"there is no domain '{domain}'", field="--domain", hint="use 1, 2, 3 or 4")
    letters = {p.principle for p in book.principles()}
    if principle is not None and principle.upper() not in letters:
        raise NarrError.single(
            f"there is no principle '{principle}'", field="--principle", hint="use a letter from A to J"
        )
    chosen = []
    for entry in entries(book):
        if domain is not None and entry.domain.id != domain:
            continue
        if principle is not None and entry.principle.principle != principle.upper():
            continue
        if level is not None and entry.rule.levels.status_at(level) == "not_applicable":
            continue
        chosen.append(entry)
    return chosen


@dataclass(frozen=True)
class Explanation:
    entry: RuleEntry | None
    retired_by: str | None = None
    retired_reason: str | None = None
    retired_title: str | None = None
    rule_id: str = ""


def find_rule(book: Rulebook, text: str) -> Explanation:
    """The rule for an id, or a NarrError that suggests the closest ids."""
    rule_id = normalise_rule_id(text)
    for entry in entries(book):
        if entry.rule.id == rule_id:
            return Explanation(entry=entry, rule_id=rule_id)
    for gone in book.retired:
        if gone.id == rule_id:
            return Explanation(None, gone.by, gone.reason, gone.title, rule_id)
    standard = book.standard(rule_id)
    if standard is not None:
        ids = ", ".join(r.id for r in standard.rules)
        raise NarrError.single(
            f"{rule_id} is a standard ({standard.title}), not a rule",
            hint=f"explain one of its rules: {ids}",
        )
    raise NarrError.single(f"there is no rule '{text}'", hint=book.index().suggest(rule_id))


@dataclass(frozen=True)
class ChecklistItem:
    rule_id: str
    rule_title: str
    kind: str
    label: str
    recommended: bool
    alternatives: tuple[str, ...] = ()
    detail: str = ""


@dataclass
class ChecklistStandard:
    id: str
    title: str
    items: list[ChecklistItem] = field(default_factory=list)


@dataclass
class ChecklistDomain:
    id: str
    title: str
    standards: list[ChecklistStandard] = field(default_factory=list)


@dataclass
class Checklist:
    level: Level
    book_title: str
    overlays: list[str]
    domains: list[ChecklistDomain]

    @property
    def items(self) -> list[ChecklistItem]:
        return [i for d in self.domains for s in d.standards for i in s.items]


def checklist(book: Rulebook, level: Level) -> Checklist:
    """What an operator gathers for ``level``: required and recommended rules, by domain and standard."""
    domains = []
    for domain in book.domains:
        cdomain = ChecklistDomain(domain.id, domain.title)
        for principle in domain.principles:
            for standard in principle.standards:
                cstandard = ChecklistStandard(standard.id, standard.title)
                for rule in standard.rules:
                    status: LevelStatus = rule.levels.status_at(level)
                    if status == "not_applicable":
                        continue
                    for item in rule.evidence:
                        entry = _item(rule, item, level, status == "recommended")
                        if entry is not None:
                            cstandard.items.append(entry)
                if cstandard.items:
                    cdomain.standards.append(cstandard)
        if cdomain.standards:
            domains.append(cdomain)
    return Checklist(level, book.title, list(book.overlays), domains)


def _item(rule: Rule, item: AnyOf | CheckBase, level: Level, recommended: bool) -> ChecklistItem | None:
    """One checklist line for an evidence item, or None where it does not apply at ``level``."""
    if not item.applies_at(level):
        return None
    if isinstance(item, AnyOf):
        options = [c for c in item.any_of if c.applies_at(level)]
        if len(options) == 1:
            return _item(rule, options[0], level, recommended)
        if not options:
            return None
        label = item.label or "One of the following"
        alternatives = tuple(f"{KIND_NAMES[c.kind]}: {c.label} ({describe(c)})" for c in options)
        return ChecklistItem(rule.id, rule.title, "any_of", label, recommended, alternatives)
    return ChecklistItem(rule.id, rule.title, item.kind, item.label, recommended, (), describe(item))


def level_marks(rule: Rule) -> dict[str, LevelStatus]:
    return {str(level): rule.levels.status_at(level) for level in ALL_LEVELS}
