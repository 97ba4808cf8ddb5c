"""Pydantic models of the Standard: domains, principles, standards, rules and their evidence.

The YAML under ``standards/`` is validated against these models; nothing downstream reads raw YAML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Annotated, Literal, Union

from pydantic import ConfigDict, Discriminator, Field, RootModel, Tag, field_validator, model_validator

from narr_audit.base.ids import RULE_ID, STANDARD_ID, Retired, RuleIndex
from narr_audit.base.levels import ALL_LEVELS, Level, LevelField
from narr_audit.base.models import StrictModel
from narr_audit.base.statuses import LevelStatus
from narr_audit.checks import Check, CheckBase
from narr_audit.checks.recognise import Vocabulary


def _sorted_levels(value: list[Level]) -> list[Level]:
    if len(set(value)) != len(value):
        raise ValueError("a level is listed twice")
    return sorted(value, key=ALL_LEVELS.index)


class LevelMarks(StrictModel):
    """Where a rule is required, only recommended (R) or not applicable; every level is placed once."""

    required: list[LevelField] = []
    recommended: list[LevelField] = []
    not_applicable: list[LevelField] = []

    _sort = field_validator("required", "recommended", "not_applicable")(_sorted_levels)

    @model_validator(mode="after")
    def _partition(self) -> LevelMarks:
        placed: dict[Level, str] = {}
        for name in ("required", "recommended", "not_applicable"):
            for level in getattr(self, name):
                if level in placed:
                    raise ValueError(f"level {level} is under both '{placed[level]}' and '{name}'")
                placed[level] = name
        missing = [str(lv) for lv in ALL_LEVELS if lv not in placed]
        if missing:
            raise ValueError(
                f"level(s) {', '.join(missing)} not placed: list each level of support under "
                "required, recommended or not_applicable"
            )
        return self

    def status_at(self, level: Level) -> LevelStatus:
        if level in self.required:
            return "required"
        if level in self.recommended:
            return "recommended"
        return "not_applicable"


class Provenance(StrictModel):
    """How the research behind a rule's title and level marks was established, and how sure it is."""

    levels_basis: Literal["stated", "inferred"]
    title_basis: Literal["stated", "inferred"] = "stated"
    confidence: Literal["high", "medium", "low"]
    note: str | None = None
    sources: list[str] = []


class AnyOf(StrictModel):
    """Alternatives: the evidence item is met when any one of these checks is met."""

    any_of: list[Check] = Field(min_length=2)
    label: str | None = None
    levels: list[LevelField] | None = None

    def applies_at(self, level: Level) -> bool:
        return self.levels is None or level in self.levels


def _evidence_tag(value: object) -> str:
    if isinstance(value, dict):
        return "any_of" if "any_of" in value else "check"
    return "any_of" if isinstance(value, AnyOf) else "check"


EvidenceItem = Annotated[
    Union[Annotated[AnyOf, Tag("any_of")], Annotated[Check, Tag("check")]],  # noqa: UP007
    Discriminator(_evidence_tag),
]


class Rule(StrictModel):
    """One rule of the Standard, e.g. 1.C.7.b, with the evidence that demonstrates it."""

    id: str
    title: str = Field(min_length=2)
    requirement: str = Field(min_length=20)
    levels: LevelMarks
    evidence: list[EvidenceItem] = Field(min_length=1)
    remediation: str = Field(min_length=10)
    question: str | None = None
    life_safety: bool = False
    provenance: Provenance
    origin: str = "narr-3.0"
    changed_by: list[str] = []

    @field_validator("id")
    @classmethod
    def _well_formed(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(
                f"'{value}' is not a rule id; use domain.principle.standard.letter such as 1.C.7.b "
                "(an overlay's own rules end in its prefix and a number, such as 4.J.30.AZ1)"
            )
        return value

    @property
    def standard_id(self) -> str:
        match = RULE_ID.match(self.id)
        assert match is not None
        return match["standard"]

    def checks(self) -> Iterator[CheckBase]:
        """Every check named by the rule, alternatives included."""
        for item in self.evidence:
            if isinstance(item, AnyOf):
                yield from item.any_of
            else:
                yield item


class Standard(StrictModel):
    """One of the 31 standards, e.g. 1.C.7 Peer governance."""

    id: str
    title: str = Field(min_length=2)
    summary: str | None = None
    rules: list[Rule] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _well_formed(cls, value: str) -> str:
        if not STANDARD_ID.match(value):
            raise ValueError(f"'{value}' is not a standard id; use domain.principle.number such as 1.C.7")
        return value


class Principle(StrictModel):
    """A core principle (A-J); one YAML file each under standards/narr-3.0/."""

    domain: str
    principle: str = Field(pattern=r"^[A-J]$")
    title: str
    standards: list[Standard] = Field(min_length=1)


class DomainInfo(StrictModel):
    id: str = Field(pattern=r"^[1-4]$")
    title: str
    principles: list[str] = Field(min_length=1)


class StandardInfo(StrictModel):
    """``index.yaml``: the Standard's name, its levels and how its principles form domains."""

    id: str
    title: str
    publisher: str
    summary: str
    sources: list[str] = []
    domains: list[DomainInfo] = Field(min_length=1)


class Domain(StrictModel):
    id: str
    title: str
    principles: list[Principle]


class RetiredRule(StrictModel):
    id: str
    title: str
    by: str
    reason: str


class VocabularyFile(RootModel[dict[str, list[str]]]):
    """A file of standards/vocabulary/: concept name -> its phrasings (``word*`` matches a prefix)."""

    model_config = ConfigDict(defer_build=True)  # built when a vocabulary file is read, not on import

    @field_validator("root")
    @classmethod
    def _well_formed(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, phrasings in value.items():
            if not re.fullmatch(r"_?[a-z][a-z0-9_]*", name):
                raise ValueError(f"'{name}' is not a concept name; use lower case words joined by _")
            if not phrasings or any(not p.strip() or "|" in p for p in phrasings):
                raise ValueError(f"concept '{name}': give its phrasings, none blank and none with '|'")
        return value


class Rulebook(StrictModel):
    """The rules in force: NARR 3.0 with any overlays applied."""

    id: str
    title: str
    publisher: str
    summary: str
    sources: list[str] = []
    domains: list[Domain]
    overlays: list[str] = []
    retired: list[RetiredRule] = []
    vocabulary: dict[str, list[str]] = {}  # concept -> phrasings (standards/vocabulary/, overlays add)

    def principles(self) -> Iterator[Principle]:
        for domain in self.domains:
            yield from domain.principles

    def standards(self) -> Iterator[Standard]:
        for principle in self.principles():
            yield from principle.standards

    def rules(self) -> Iterator[Rule]:
        for standard in self.standards():
            yield from standard.rules

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules() if r.id == rule_id), None)

    def standard(self, standard_id: str) -> Standard | None:
        return next((s for s in self.standards() if s.id == standard_id), None)

    def rule_ids(self) -> list[str]:
        return [r.id for r in self.rules()]

    @property
    def concepts(self) -> Vocabulary:
        """The vocabulary compiled for recognising topics (once per rulebook; read back from the
        compiled cache when the loader kept one, see :func:`concepts_from`)."""
        cached = _COMPILED.get(id(self))
        if cached is None or cached[0] is not self:
            kept = _KEPT.pop(id(self), None)
            vocabulary = kept[1](self) if kept is not None and kept[0] is self else None
            cached = (self, vocabulary or Vocabulary.build(self.vocabulary))
            _COMPILED[id(self)] = cached
        return cached[1]

    def index(self) -> RuleIndex:
        """The ids in force and retired, to check ids that users write."""
        topics = {
            rule.id: tuple(dict.fromkeys(t.name for c in rule.checks() for t in getattr(c, "topics", None) or ()))
            for rule in self.rules()
        }
        retired = {r.id: Retired(r.by, r.reason) for r in self.retired}
        return RuleIndex(tuple(self.rule_ids()), retired, {k: v for k, v in topics.items() if v})


# Compiled vocabularies by rulebook (a process holds a handful of rulebooks).
_COMPILED: dict[int, tuple[Rulebook, Vocabulary]] = {}
# Where a rulebook's compiled vocabulary is kept, until it is first asked for.
_KEPT: dict[int, tuple[Rulebook, Callable[[Rulebook], Vocabulary | None]]] = {}


def concepts_from(book: Rulebook, load: Callable[[Rulebook], Vocabulary | None]) -> None:
    """Have ``book.concepts`` come from ``load`` (e.g. the compiled cache) when first asked for,
    instead of compiling the vocabulary; ``load`` may return None to have it compiled."""
    if id(book) not in _COMPILED:
        _KEPT[id(book)] = (book, load)
