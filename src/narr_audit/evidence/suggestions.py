"""What `map` proposes for a file the manifest does not map yet: rules, with the words that led there."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TopicHit:
    """A topic of the rule that the file meets: by the words of its name (logs, photos: ``term``) or,
    for a document, in the section ``where`` it was recognised."""

    topic: str
    term: str
    where: str | None = None


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
