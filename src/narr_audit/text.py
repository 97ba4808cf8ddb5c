"""Finding a checklist term in a document's text, the way both `map` and the document check do.

A term matches case-insensitively at the start of a word, so ``evacuat`` finds "Evacuation";
spaces in a term match any run of white space or hyphens, so a phrase broken across lines counts.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<![\w])" + r"[\s\-]+".join(words), re.IGNORECASE)


@lru_cache(maxsize=4096)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """All of a topic's terms in one lower-case alternation, without the word-start test.

    One pass of a literal alternation over lower-cased text is an order of magnitude faster than a
    case-insensitive search with a look-behind per term; the word start is then checked by hand.
    """
    return re.compile("|".join(r"[\s\-]+".join(re.escape(w) for w in t.lower().split()) for t in terms))


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
    pattern = _terms_pattern(tuple(terms))
    match = pattern.search(low)
    while match is not None:
        start = match.start()
        if start == 0 or not (low[start - 1].isalnum() or low[start - 1] == "_"):
            return start
        match = pattern.search(low, start + 1)
    return None
