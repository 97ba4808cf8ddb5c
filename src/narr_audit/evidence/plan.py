"""plan.yaml, the corrective action plan kept beside residence.yaml: reading and checking it.

`narr-audit plan` writes it (workflows/plan.py); `check` reads it through the loader, so a plan that
names a rule not in force, gives a date that is not a real one or lists a rule twice is an error
naming the file, line and field, like any other evidence file.
"""

from __future__ import annotations

from pathlib import Path

from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.ids import RuleIndex, normalise_rule_id, style_warning
from narr_audit.base.validation import validate_document
from narr_audit.base.yamlio import read_yaml
from narr_audit.evidence.model import PLAN_FILE, Plan


def read_plan(path: Path, rules: RuleIndex, shown: str = PLAN_FILE, warnings: list[Problem] | None = None) -> Plan:
    """The plan with its rule ids normalised; a NarrError lists every problem with its line and field.
    A rule id written in another style is read, with a warning added to ``warnings``."""
    doc = read_yaml(path, display=shown)
    if doc.data is None:
        return Plan()
    plan = validate_document(doc, Plan, display=shown, owner_keys=("rule",))
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    items = []
    for index, item in enumerate(plan.items):
        line = doc.line_of(("items", index, "rule"))
        found = rules.unknown(item.rule, file=shown, line=line, field=f"items[{index}].rule")
        if found is not None:
            problems.append(found)
            continue
        rule = normalise_rule_id(item.rule)
        style = style_warning(item.rule, shown, line, f"items[{index}].rule")
        if style is not None and warnings is not None:
            warnings.append(style)
        if rule in seen:
            problems.append(
                Problem(
                    f"{rule} is listed twice (also as items[{seen[rule]}])",
                    shown,
                    line,
                    rule=rule,
                    field=f"items[{index}].rule",
                    hint="keep one item per rule",
                )
            )
            continue
        seen[rule] = index
        if item.done_on is not None and item.status != "done":
            problems.append(
                Problem(
                    f"the item has a done_on date but its status is '{item.status}'",
                    shown,
                    doc.line_of(("items", index, "status")),
                    rule=rule,
                    field=f"items[{index}].status",
                    hint="set status: done, or remove done_on",
                )
            )
        items.append(item.model_copy(update={"rule": rule}))
    if problems:
        raise NarrError(problems)
    return Plan(items=items)


__all__ = ["read_plan"]
