"""Text and JSON for `validate` on an organization folder: the shared evidence, then each property.

As :mod:`narr_audit.formats.evidence` (a residence's view): names from the folders pass through
:func:`safetext.terminal` in the text, and nothing of a resident's data is shown.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from narr_audit.base.errors import Problem
from narr_audit.base.levels import LEVEL_NAMES
from narr_audit.base.safetext import json_text
from narr_audit.base.safetext import terminal as safe

if TYPE_CHECKING:
    from narr_audit.evidence.organization import ValidatedOrganization

JSON_SCHEMA_VERSION = "1"


def _problem(p: Problem) -> dict[str, Any]:
    return {"file": p.file, "line": p.line, "rule": p.rule, "field": p.field, "message": p.message, "hint": p.hint}


def validation_text(checked: ValidatedOrganization) -> str:
    org = checked.organization
    shared = checked.shared
    by_front = sum(1 for d in shared.documents if "front-matter" in d.mapped_by)
    lines = [
        f"{safe(org.name)}: an organization of {len(checked.properties)} propert"
        f"{'y' if len(checked.properties) == 1 else 'ies'}",
        f"shared: {len(shared.documents)} file(s) mapped" + (f" ({by_front} by front matter)" if by_front else "")
        + f", {len(shared.manifest.attestations)} attestation(s)"
        + (", the staff roster" if shared.roster is not None else ""),
    ]  # fmt: skip
    for prop in checked.properties:
        ev = prop.evidence
        assert ev is not None
        res = ev.manifest.residence
        own = [d for d in ev.documents if d.path.startswith(prop.folder + "/")]  # paths are the organization's
        lines.append(
            f"  {safe(prop.folder)}: {safe(res.name)}, Level {ev.level} ({LEVEL_NAMES[ev.level]}), assessed on "
            f"{ev.assessed_on}; {len(own)} file(s) of its own, {len(ev.documents) - len(own)} shared"
        )
    warnings = [*checked.warnings, *(w for p in checked.properties if p.evidence for w in p.evidence.warnings)]
    if warnings:
        lines.append("")
        lines.append(f"Warnings ({len(warnings)}):")
        lines.extend("  " + safe(w.render(), multiline=True).replace("\n", "\n  ") for w in warnings)
    unmapped = [*shared.unmapped, *(u for p in checked.properties if p.evidence for u in p.evidence.unmapped)]
    if unmapped:
        lines.append("")
        lines.append(f"Unmapped files ({len(unmapped)}): not evidence for any rule yet (try: narr-audit map)")
        lines.extend(f"  {safe(path)}" for path in unmapped)
    lines.append("")
    lines.append("organization.yaml and every property's residence.yaml are valid.")
    return "\n".join(lines) + "\n"


def validation_json(checked: ValidatedOrganization) -> str:
    org = checked.organization
    shared = checked.shared
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "valid": True,
        "organization": org.manifest.organization.model_dump(mode="json"),
        "shared": {
            "documents": [{"path": d.path, "kind": d.kind, "rules": d.rules} for d in shared.documents],
            "attestations": len(shared.manifest.attestations),
            "roster": shared.roster.file if shared.roster is not None else None,
            "unmapped": shared.unmapped,
            "warnings": [_problem(w) for w in checked.warnings],
        },
        "properties": [
            {
                "folder": p.folder,
                "residence": p.evidence.manifest.residence.model_dump(mode="json"),
                "level": str(p.evidence.level),
                "assessed_on": p.evidence.assessed_on.isoformat(),
                "documents": [d.path for d in p.evidence.documents],
                "attestations": len(p.evidence.manifest.attestations),
                "exceptions": len(p.evidence.manifest.exceptions),
                "unmapped": p.evidence.unmapped,
                "warnings": [_problem(w) for w in p.evidence.warnings],
            }
            for p in checked.properties
            if p.evidence is not None
        ],
    }
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
