"""The check kinds: one module each, registered in exactly one place, :data:`REGISTRY`.

A rule's YAML names a kind by its key here; the kind's params model validates the rest of the
entry. The union used by the rule model is derived from this dict, so adding a kind means adding a
module (which declares its :class:`CheckKind`) and one line below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Union

from pydantic import Field

from narr_audit.checks import attestation, current, document, log, site_visit, staff
from narr_audit.checks.interface import CheckBase, CheckKind, Context, Outcome, Topic

REGISTRY: dict[str, CheckKind] = {
    kind.name: kind for kind in (document.KIND, current.KIND, log.KIND, attestation.KIND, site_visit.KIND, staff.KIND)
}
# How people see each kind named (checklists, explain, the residence.yaml template).
KIND_NAMES: dict[str, str] = {kind.name: kind.label for kind in REGISTRY.values()}


def evaluate(check: CheckBase, ctx: Context) -> Outcome:
    """Run one check through its kind's evaluate function."""
    return REGISTRY[check.kind].evaluate(check, ctx)


def describe(check: CheckBase) -> str:
    """A short plain-words note of what makes the check pass, for checklists and explain."""
    return REGISTRY[check.kind].describe(check)


def kind_of(check: CheckBase) -> CheckKind:
    return REGISTRY[check.kind]


if TYPE_CHECKING:
    Check = CheckBase
else:
    Check = Annotated[
        Union[tuple(kind.params for kind in REGISTRY.values())],  # noqa: UP007 - built from the registry
        Field(discriminator="kind"),
    ]

__all__ = ["KIND_NAMES", "REGISTRY", "Check", "CheckBase", "CheckKind", "Topic", "describe", "evaluate", "kind_of"]
