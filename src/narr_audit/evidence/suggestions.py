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
class TopicDoubt:
    """A topic the recogniser found in the section ``where`` and the second reader doubts there (with
    the words that weighed most ``against`` it): not met, but worth the operator's look, unlike a topic
    the document never states."""

    topic: str
    where: str
    against: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    rule_id: str
    title: str
    score: float
    matched: tuple[TopicHit, ...]
    missed: tuple[str, ...] = ()  # every topic not met, the doubted ones included
    doubted: tuple[TopicDoubt, ...] = ()


@dataclass
class FileSuggestions:
    path: str
    kind: str
    suggestions: list[Suggestion] = field(default_factory=list)
    note: str | None = None
