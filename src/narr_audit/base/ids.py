"""Rule ids: the one place they are recognised, normalised and checked against the rules in force.

People write ``1.c.7.B`` or ``1.C.7.b``; the Standard writes ``1.C.7.b`` (domain, principle in capitals,
standard number, rule letter in lower case; an overlay's own rules end in its prefix, ``4.J.30.AZ1``).
:data:`RuleId` normalises on read, so every model that holds a rule id holds it in the Standard's form.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BeforeValidator

from narr_audit.base.errors import Problem

RULE_ID = re.compile(r"^(?P<standard>[1-4]\.[A-J]\.\d{1,2})\.(?P<letter>[a-z]|[A-Z]{2,8}\d{1,3})$")
STANDARD_ID = re.compile(r"^(?P<domain>[1-4])\.(?P<principle>[A-J])\.(?P<number>\d{1,2})$")


# Ways affiliates and operators write a rule id: 1.A.1.a, 1,A,1.a, 1A1a, 1 a 1 A, 4.J.30.az1.
_ANY_STYLE = re.compile(
    r"^\s*([1-4])\s*[.,:\s-]?\s*([A-Ja-j])\s*[.,:\s-]?\s*(\d{1,2})\s*[.,:\s-]?\s*([A-Za-z]|[A-Za-z]{2,8}\d{1,3})\s*$"
)


@functools.lru_cache(maxsize=4096)  # a batch normalises the same few hundred ids for every applicant
def normalise_rule_id(text: str) -> str:
    """A rule id in the Standard's form, however it was written: '1,a,1.A', '1A1a' -> '1.A.1.a'.

    Overlay rules keep their prefix in capitals ('4.j.30.az1' -> '4.J.30.AZ1'). Text that is no rule id
    in any style is returned stripped, with the old dotted normalisation, for the unknown-id message.
    """
    match = _ANY_STYLE.match(text)
    if match:
        domain, principle, number, letter = match.groups()
        letter = letter.lower() if len(letter) == 1 else letter.upper()
        return f"{domain}.{principle.upper()}.{int(number)}.{letter}"
    parts = text.strip().split(".")
    if len(parts) >= 2:
        parts[1] = parts[1].upper()
    if len(parts) == 4 and len(parts[3]) == 1:
        parts[3] = parts[3].lower()
    elif len(parts) == 4:
        parts[3] = parts[3].upper()
    return ".".join(parts)


def written_differently(text: str) -> str | None:
    """The canonical id when ``text`` is a rule id written in another style, else None (for warnings)."""
    normal = normalise_rule_id(text)
    return normal if normal != text.strip() and RULE_ID.match(normal) else None


def style_warning(written: str, file: str, line: int | None, field: str | None) -> Problem | None:
    """The warning for a rule id written in another style ('1A2d' for 1.A.2.d), naming the file, line,
    field and the canonical id; None when it is written as the Standard does (or is no rule id)."""
    canonical = written_differently(written)
    if canonical is None:
        return None
    return Problem(
        f"'{written}' is written in another style; narr-audit reads it as {canonical}",
        file,
        line,
        field=field,
        hint=f"write {canonical} to silence this warning",
    )


def _normalised(value: Any) -> Any:
    return normalise_rule_id(value) if isinstance(value, str) else value


RuleId = Annotated[str, BeforeValidator(_normalised)]


@dataclass(frozen=True)
class Retired:
    by: str
    reason: str


@dataclass(frozen=True)
class RuleIndex:
    """The rule ids in force (in the Standard's order) and those an overlay retired; and, for each
    rule, the names of the topics its documents are read for (to check an operator's pointers)."""

    ids: tuple[str, ...]
    retired: Mapping[str, Retired] = field(default_factory=dict)
    topics: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __contains__(self, rule_id: object) -> bool:
        return isinstance(rule_id, str) and rule_id in self._known

    @property
    def _known(self) -> frozenset[str]:
        return frozenset(self.ids)

    def suggest(self, rule_id: str) -> str:
        """A hint naming the closest ids in force."""
        return suggest(self.ids, rule_id)

    def unknown(
        self,
        written: str,
        *,
        file: str | None,
        line: int | None,
        field: str | None,
        in_force: bool = False,
    ) -> Problem | None:
        """None when ``written`` names a rule in force; else the one problem every loader reports."""
        normal = normalise_rule_id(written)
        if normal in self:
            return None
        gone = self.retired.get(normal)
        if gone is not None:
            tail = f" in force (it was retired by {gone.by}: {gone.reason})"
        else:
            tail = " in force" if in_force else ""
        return Problem(f"there is no rule '{written}'{tail}", file, line, field=field, hint=self.suggest(normal))


def suggest(ids: Iterable[str], rule_id: str) -> str:
    ids = list(ids)
    close = difflib.get_close_matches(rule_id, ids, n=3, cutoff=0.6)
    if not close:
        prefix = re.sub(r"\.[^.]*$", "", rule_id)
        close = [i for i in ids if i.startswith(prefix + ".")][:3]
    if close:
        return f"did you mean {' or '.join(close)}?"
    return "list the rules with 'narr-audit standards'"
