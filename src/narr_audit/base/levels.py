"""The four NARR levels of support: one type, and one parser for the ways people write them."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator


class Level(str, Enum):
    """NARR levels of support."""

    I = "I"  # noqa: E741 - the Standard's own name for the level
    II = "II"
    III = "III"
    IV = "IV"

    @property
    def display_name(self) -> str:
        return LEVEL_NAMES[self]

    @property
    def number(self) -> int:
        return ALL_LEVELS.index(self) + 1

    def __str__(self) -> str:
        return self.value


LEVEL_NAMES = {
    Level.I: "Peer-Run",
    Level.II: "Monitored",
    Level.III: "Supervised",
    Level.IV: "Service Provider",
}
ALL_LEVELS: tuple[Level, ...] = (Level.I, Level.II, Level.III, Level.IV)

_LEVEL_ALIASES = {
    "1": Level.I,
    "2": Level.II,
    "3": Level.III,
    "4": Level.IV,
    "I": Level.I,
    "II": Level.II,
    "III": Level.III,
    "IV": Level.IV,
}


def parse_level(value: Any) -> Level:
    """Accept I-IV, 1-4 or 'Level II'; anything else is a ValueError that lists what is accepted."""
    if isinstance(value, Level):
        return value
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a level of support; use I, II, III or IV (or 1-4)")
    text = str(value).strip().upper()
    text = text.removeprefix("LEVEL").strip()
    if text in _LEVEL_ALIASES:
        return _LEVEL_ALIASES[text]
    raise ValueError(f"'{value}' is not a level of support; use I, II, III or IV (or 1-4)")


LevelField = Annotated[Level, BeforeValidator(parse_level)]
