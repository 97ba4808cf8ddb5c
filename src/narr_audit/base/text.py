"""Finding a checklist term in a document's text, the way both `map` and the document check do.

A term matches case-insensitively at the start of a word, so ``evacuat`` finds "Evacuation";
spaces in a term match any run of white space or hyphens, so a phrase broken across lines counts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol


@lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<![\w])" + r"[\s\-]+".join(words), re.IGNORECASE)


@lru_cache(maxsize=4096)
def _rest_pattern(term: str) -> re.Pattern[str] | None:
    """For a phrase, its words as one lower-case pattern; None for a single word."""
    words = term.lower().split()
    if len(words) == 1:
        return None
    return re.compile(r"[\s\-]+".join(re.escape(w) for w in words))


def has_term(text: str, term: str) -> bool:
    return term_pattern(term).search(text) is not None


def first_term(text: str, terms: list[str] | tuple[str, ...]) -> str | None:
    """The first of ``terms`` (in the order given) that occurs in ``text``."""
    for term in terms:
        if has_term(text, term):
            return term
    return None


def first_match(text: str, terms: list[str] | tuple[str, ...], lowered: str | None = None) -> int | None:
    """Where in ``text`` the earliest of ``terms`` starts (at a word start), or None when none does.

    ``lowered`` is ``text.lower()`` when the caller has it already (documents cache theirs).
    """
    low = text.lower() if lowered is None else lowered
    if len(low) != len(text):  # a few characters change length when lower-cased: search the original
        found = [m.start() for t in terms if (m := term_pattern(t).search(text)) is not None]
        return min(found) if found else None
    # str.find on the lower-cased text is far cheaper than a regular expression over all of it; a
    # candidate then only needs its word start (and, for a phrase, the rest of its words) checked.
    best: int | None = None
    for term in terms:
        first = term.lower().split()[0]
        phrase = _rest_pattern(term)
        position = low.find(first)
        while position != -1 and (best is None or position < best):
            starts_word = position == 0 or not (low[position - 1].isalnum() or low[position - 1] == "_")
            if starts_word and (phrase is None or phrase.match(low, position)):
                best = position
                break
            position = low.find(first, position + 1)
    return best


def days(n: int) -> str:
    """``1 day``, ``30 days``."""
    return "1 day" if n == 1 else f"{n} days"


class _Scored(Protocol):
    @property
    def percent(self) -> float | None: ...


def percent(value: float | _Scored | None) -> str:
    """A score as reports print it: ``87.5%``, or ``n/a`` when nothing was scored.

    Takes the number or anything scored (a report's Score): templates, including users' own
    (--template-dir), call it both ways.
    """
    number = value if value is None or isinstance(value, (int, float)) else value.percent
    return "n/a" if number is None else f"{number:.1f}%"
