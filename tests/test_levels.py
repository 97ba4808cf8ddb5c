from __future__ import annotations

import pytest

from narr_audit.base.levels import Level, parse_level


@pytest.mark.parametrize(
    ("text", "level"),
    [("I", Level.I), ("ii", Level.II), ("3", Level.III), (4, Level.IV), ("Level II", Level.II)],
)
def test_levels_accept_roman_and_numbers(text: object, level: Level) -> None:
    assert parse_level(text) is level


@pytest.mark.parametrize("text", ["V", "0", "", "two", True])
def test_bad_level_says_what_is_accepted(text: object) -> None:
    with pytest.raises(ValueError, match="use I, II, III or IV"):
        parse_level(text)


def test_level_names() -> None:
    assert [lv.display_name for lv in Level] == ["Peer-Run", "Monitored", "Supervised", "Service Provider"]
