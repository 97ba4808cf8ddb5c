"""The check kinds: one module each, registered in exactly one place, :data:`REGISTRY`.

A rule's YAML names a kind by its key here; the kind's params model validates the rest of the
entry. The union used by the rule model is derived from this dict, so adding a kind means adding a
module and one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import Field

from narr_audit.checks import attestation, current, document, log, site_visit
from narr_audit.checks.base import CheckBase, Topic
from narr_audit.outcome import Context, Outcome


@dataclass(frozen=True)
class CheckKind:
    name: str
    params: type[CheckBase]
    summary: str
    evaluate: Callable[[Any, Context], Outcome]


REGISTRY: dict[str, CheckKind] = {
    "document": CheckKind("document", document.PARAMS, document.SUMMARY, document.evaluate),
    "current": CheckKind("current", current.PARAMS, current.SUMMARY, current.evaluate),
    "log": CheckKind("log", log.PARAMS, log.SUMMARY, log.evaluate),
    "attestation": CheckKind("attestation", attestation.PARAMS, attestation.SUMMARY, attestation.evaluate),
    "site_visit": CheckKind("site_visit", site_visit.PARAMS, site_visit.SUMMARY, site_visit.evaluate),
}


def evaluate(check: CheckBase, ctx: Context) -> Outcome:
    """Run one check through its kind's evaluate function."""
    return REGISTRY[check.kind].evaluate(check, ctx)


if TYPE_CHECKING:
    Check = CheckBase
else:
    Check = Annotated[
        Union[tuple(kind.params for kind in REGISTRY.values())],  # noqa: UP007 - built from the registry
        Field(discriminator="kind"),
    ]

__all__ = ["REGISTRY", "Check", "CheckBase", "CheckKind", "Topic", "evaluate"]
