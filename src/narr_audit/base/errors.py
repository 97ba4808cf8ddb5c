"""Errors that carry the file, line, rule and field to the person who must fix them.

Every problem the user can fix is a :class:`Problem`; a :class:`NarrError` carries one or more of
them so a loader can report everything wrong with a file at once instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from narr_audit.base.safetext import visible


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, said so that a non-engineer can fix it."""

    message: str
    file: str | None = None
    line: int | None = None
    rule: str | None = None
    field: str | None = None
    hint: str | None = None

    def render(self) -> str:
        """The problem as lines for a terminal (the message, then its fix); a line break or a control
        character in any part (a hostile file name, quoted in the message too) is shown escaped, so
        it cannot start a line that looks like another message."""
        where = ""
        if self.file:
            shown = visible(self.file)
            where = shown if self.line is None else f"{shown}:{self.line}"
        parts = []
        if self.rule:
            parts.append(f"rule {visible(self.rule)}")
        if self.field:
            parts.append(f"field '{visible(self.field)}'")
        head = ", ".join(parts)
        text = f"{where}: " if where else ""
        message = visible(self.message)  # it may quote a file name too
        text += f"{head}: {message}" if head else message
        if self.hint:
            text += f"\n    fix: {visible(self.hint)}"
        return text


@dataclass
class NarrError(Exception):
    """A user-facing error: the CLI prints its problems and exits with code 2."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.render())

    @classmethod
    def single(
        cls,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        rule: str | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> NarrError:
        return cls([Problem(message, _display(file), line, rule, field, hint)])

    def render(self) -> str:
        return "\n".join(p.render() for p in self.problems)


def _display(path: str | Path | None) -> str | None:
    return None if path is None else str(path)
