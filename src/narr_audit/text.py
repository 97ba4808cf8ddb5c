"""Finding a checklist term in a document's text, the way both `map` and the document check do.

A term matches case-insensitively at the start of a word, so ``evacuat`` finds "Evacuation";
spaces in a term match any run of white space, so a phrase broken across lines still counts.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<![\w])" + r"[\s\-]+".join(words), re.IGNORECASE)


def has_term(text: str, term: str) -> bool:
    return term_pattern(term).search(text) is not None


def first_term(text: str, terms: list[str] | tuple[str, ...]) -> str | None:
    """The first of ``terms`` (in the order given) that occurs in ``text``."""
    for term in terms:
        if has_term(text, term):
            return term
    return None
