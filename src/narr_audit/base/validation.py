"""Turn a pydantic ValidationError into Problems that name the file, line, rule and field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.yamlio import YamlDocument

M = TypeVar("M", bound=BaseModel)

_HINTS = {
    "missing": "add the field '{name}'",
    "extra_forbidden": "remove '{name}' or correct its spelling",
    "string_too_short": "write something here; it must not be empty",
    "too_short": "give at least one entry",
    "literal_error": "use one of the values the message lists",
    "union_tag_invalid": "use one of the values the message lists",
    "int_parsing": "write a whole number",
    "bool_parsing": "write true or false",
}


def problems_from_validation(
    exc: ValidationError,
    doc: YamlDocument,
    *,
    display: str,
    owner_keys: Sequence[str] = ("id",),
    base_loc: Sequence[str | int] = (),
) -> list[Problem]:
    """One Problem per pydantic error, located in the YAML file it came from.

    ``owner_keys`` are the keys that name the thing a field belongs to (a rule's ``id``, an
    attestation's ``rule``); the innermost one found on the way to the field is reported as the rule.
    """
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(base_loc) + tuple(error["loc"])
        real, owner, owner_at = _walk(doc.data, loc, owner_keys)
        name = str(real[-1]) if real else ""
        message = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if error["type"] == "missing":
            name = str(loc[-1])
            message = f"the field '{name}' is required"
        hint = _HINTS.get(error["type"], "").format(name=name) or None
        inside = real[owner_at:] if owner else real
        if error["type"] == "missing" and (not inside or inside[-1] != name):
            inside = [*inside, name]
        field = dotted(inside) or None
        problems.append(
            Problem(
                message=message,
                file=display,
                line=doc.line_of(real),
                rule=owner,
                field=field,
                hint=hint,
            )
        )
    return problems


def _walk(data: Any, loc: Sequence[str | int], owner_keys: Sequence[str]) -> tuple[list[str | int], str | None, int]:
    """Follow ``loc`` through the raw data, keeping only the parts that exist in the file.

    Returns those parts, the innermost owner id met on the way and where in the parts it was met.
    """
    real: list[str | int] = []
    owner, owner_at = None, 0
    node = data
    for part in loc:
        if isinstance(node, dict):
            found = _owner_of(node, owner_keys)
            if found:
                owner, owner_at = found, len(real)
            if part in node:
                real.append(part)
                node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            real.append(part)
            node = node[part]
    if isinstance(node, dict):
        found = _owner_of(node, owner_keys)
        if found:
            owner, owner_at = found, len(real)
    return real, owner, owner_at


def _owner_of(node: dict[Any, Any], owner_keys: Sequence[str]) -> str | None:
    for key in owner_keys:
        value = node.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def dotted(parts: Sequence[str | int]) -> str:
    """``("evidence", 1, "topics")`` as ``evidence[1].topics``."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, int):
            if out:
                out[-1] += f"[{part}]"
            else:
                out.append(f"[{part}]")
        else:
            out.append(part)
    return ".".join(out)


def validate_document(doc: YamlDocument, model: type[M], *, display: str, owner_keys: Sequence[str] = ("id",)) -> M:
    """``doc`` validated as ``model``; a NarrError lists every problem with its file, line and field."""
    if not isinstance(doc.data, dict):
        raise NarrError.single(
            "the file must hold a YAML mapping (key: value lines) at the top",
            file=display,
            line=1,
            hint="see the other files in the same folder for the expected layout",
        )
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise NarrError(problems_from_validation(exc, doc, display=display, owner_keys=owner_keys)) from None
