"""The reviewer's per-property site-visit checklist: only what paperwork cannot settle.

Lists, for one applicant at its level, every rule with a site-visit item (observation, interview,
measurement, records kept on site), with room for notes, and separately the rules the operator only
attested to, which a reviewer may confirm while there. Its review.yaml form pre-fills the findings
file the reviewer returns (`check --review`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from narr_audit.base.ids import normalise_rule_id
from narr_audit.base.levels import Level
from narr_audit.checks import kind_of
from narr_audit.standards.model import AnyOf, Rule, Rulebook
from narr_audit.workflows.audit import Loaded


@dataclass(frozen=True)
class VisitItem:
    label: str
    method: str


@dataclass(frozen=True)
class VisitRule:
    id: str
    title: str
    life_safety: bool
    recommended: bool
    question: str | None
    items: tuple[VisitItem, ...]


@dataclass
class VisitDomain:
    id: str
    title: str
    rules: list[VisitRule] = field(default_factory=list)


@dataclass(frozen=True)
class VisitChecklist:
    residence: str
    operator: str
    address: str
    applicant_id: str | None
    level: str
    level_name: str
    standards: list[str]
    folder: str
    domains: list[VisitDomain]
    attested: list[tuple[str, str, str]]  # (rule id, title, what the operator attested)

    @property
    def rules(self) -> list[VisitRule]:
        return [r for d in self.domains for r in d.rules]


def site_visit_items(rule: Rule, level: Level) -> tuple[VisitItem, ...]:
    """The rule's site-visit checks that apply at ``level``, alternatives included."""
    found: list[VisitItem] = []
    for item in rule.evidence:
        if not item.applies_at(level):
            continue
        checks = item.any_of if isinstance(item, AnyOf) else [item]
        for check in checks:
            method = kind_of(check).visit_method
            if method is not None and check.applies_at(level):
                found.append(VisitItem(check.label, method(check)))
    return tuple(found)


def visit_checklist(loaded: Loaded) -> VisitChecklist:
    evidence, book = loaded.evidence, loaded.rulebook
    level = evidence.level
    domains = _domains(book, level)
    attested: list[tuple[str, str, str]] = []
    by_id = {r.id: r for r in book.rules()}
    on_list = {r.id for d in domains for r in d.rules}
    order = book.rule_ids()
    place = {rule_id: n for n, rule_id in enumerate(order)}
    for attestation in sorted(
        evidence.manifest.attestations, key=lambda a: place.get(normalise_rule_id(a.rule), len(place))
    ):
        rule = by_id.get(normalise_rule_id(attestation.rule))
        listed = {a[0] for a in attested} | on_list
        if rule is not None and rule.levels.status_at(level) != "not_applicable" and rule.id not in listed:
            attested.append((rule.id, rule.title, attestation.statement))
    residence = evidence.manifest.residence
    return VisitChecklist(
        residence=residence.name,
        operator=residence.operator,
        address=residence.address,
        applicant_id=residence.applicant_id,
        level=str(level),
        level_name=level.display_name,
        standards=[book.id, *book.overlays],
        folder=Path(evidence.folder).as_posix(),
        domains=[d for d in domains if d.rules],
        attested=attested,
    )


def _domains(book: Rulebook, level: Level) -> list[VisitDomain]:
    out = []
    for domain in book.domains:
        entry = VisitDomain(domain.id, domain.title)
        for principle in domain.principles:
            for standard in principle.standards:
                for rule in standard.rules:
                    marks = rule.levels.status_at(level)
                    items = site_visit_items(rule, level)
                    if marks == "not_applicable" or not items:
                        continue
                    entry.rules.append(
                        VisitRule(rule.id, rule.title, rule.life_safety, marks == "recommended", rule.question, items)
                    )
        out.append(entry)
    return out
