"""Operator pointers: "the section headed X of this document covers that rule (or topic)".

Where wording defeats the recogniser, the operator points at the section that covers a topic, in
residence.yaml (`covers:` on an evidence entry) or in Markdown front matter. A pointer counts only
when the heading is there and has text under it; the report then says the topic was pointed by the
operator and quotes the heading, for the reviewer to confirm.
"""

from __future__ import annotations

import difflib
import re

from narr_audit.evidence.content import PAGE, Extracted

_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", text.strip().strip("#*:").strip()).lower()


def headings(content: Extracted) -> list[str]:
    """The document's headings (sections of Word, Markdown and web pages), in reading order."""
    seen: list[str] = []
    for segment in content.segments:
        if segment.where and not segment.where.startswith(PAGE) and segment.where not in seen:
            seen.append(segment.where)
    return seen


def section_text(content: Extracted, heading: str) -> str | None:
    """The text under ``heading`` (case and spacing aside); None when there is no such heading.

    A heading is a section heading of the document, or a line of a PDF or text page that reads
    exactly as the heading. The heading line itself is not counted as text under it.
    """
    wanted = _key(heading)
    for segment in content.segments:
        if segment.where and _key(segment.where) == wanted:
            lines = segment.text.split("\n")
            rest = lines[1:] if lines and _key(lines[0]) == wanted else lines
            return "\n".join(rest).strip()
        lines = segment.text.split("\n")
        for n, line in enumerate(lines):
            if _key(line) == wanted:
                return "\n".join(lines[n + 1 :]).strip()
    return None


def closest_headings(content: Extracted, heading: str, n: int = 3) -> list[str]:
    known = headings(content)
    by_key = {_key(h): h for h in known}
    close = difflib.get_close_matches(_key(heading), list(by_key), n=n, cutoff=0.3)
    return [by_key[c] for c in close] or known[:n]
