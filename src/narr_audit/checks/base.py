"""What every check kind's parameters share."""

from __future__ import annotations

from pydantic import Field, field_validator

from narr_audit.models import ALL_LEVELS, Level, LevelField, StrictModel


class CheckBase(StrictModel):
    """One piece of evidence a rule asks for.

    ``label`` says in plain words what the operator shows (it becomes a checklist line); ``levels``
    narrows the check to some levels of support, e.g. fire drills are not asked of Level I houses.
    """

    kind: str
    label: str = Field(min_length=3)
    levels: list[LevelField] | None = None

    @field_validator("levels")
    @classmethod
    def _levels_sorted_unique(cls, value: list[Level] | None) -> list[Level] | None:
        if value is None:
            return None
        if not value:
            raise ValueError("give at least one level, or leave 'levels' out to apply at every level")
        if len(set(value)) != len(value):
            raise ValueError("a level is listed twice")
        return sorted(value, key=ALL_LEVELS.index)

    def applies_at(self, level: Level) -> bool:
        return self.levels is None or level in self.levels


class Topic(StrictModel):
    """Something a document must cover; any one of ``terms`` found in its text counts."""

    name: str = Field(min_length=2)
    terms: list[str] = Field(min_length=1)

    @field_validator("terms")
    @classmethod
    def _terms_non_blank(cls, value: list[str]) -> list[str]:
        cleaned = [t.strip() for t in value]
        if any(not t for t in cleaned):
            raise ValueError("a term is blank")
        if len({t.lower() for t in cleaned}) != len(cleaned):
            raise ValueError("a term is listed twice")
        return cleaned
