"""The strict base model and the levels of support every other model shares."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict


class StrictModel(BaseModel):
    """Base of every model read from a user's or the Standard's files: unknown keys are errors."""

    # defer_build: a model's validator is built when first used, so a command does not pay at start-up
    # for models it never touches (batch, diff and review models during a check, say).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


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


def parse_date(value: Any) -> date:
    """A calendar date written YYYY-MM-DD; anything else is a ValueError saying what is wrong."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31")
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD (e.g. 2026-03-31)")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}; months run from 01 to 12")
    try:
        return date(year, month, day)
    except ValueError:
        last = calendar.monthrange(year, month)[1]
        raise ValueError(f"'{text}' is not a real date: {calendar.month_name[month]} {year} has {last} days") from None


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

DateField = Annotated[date, BeforeValidator(parse_date)]
