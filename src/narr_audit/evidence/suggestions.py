"""What `map` proposes for a file the manifest does not map yet: rules, with the words that led there."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TopicHit:
    topic: str
    term: str


@dataclass(frozen=True)
class Suggestion:
    rule_id: str
    title: str
    score: float
    matched: tuple[TopicHit, ...]
    missed: tuple[str, ...] = ()


@dataclass
class FileSuggestions:
    path: str
    kind: str
    suggestions: list[Suggestion] = field(default_factory=list)
    note: str | None = None
