"""Text and JSON for `validate` and `map`: what was found in a folder, never a resident's data.

In the text views every name from the folder (residence, files, notes) passes through
:func:`safetext.terminal`, so a file name cannot move the cursor or forge a line.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from narr_audit.base.errors import Problem
from narr_audit.base.levels import LEVEL_NAMES
from narr_audit.base.safetext import json_text
from narr_audit.base.safetext import terminal as safe
from narr_audit.evidence.model import Evidence

if TYPE_CHECKING:  # validate never suggests: the suggestions' module is not loaded for it
    from narr_audit.evidence.suggestions import FileSuggestions

JSON_SCHEMA_VERSION = "1"


def _problem(p: Problem) -> dict[str, Any]:
    return {"file": p.file, "line": p.line, "rule": p.rule, "field": p.field, "message": p.message, "hint": p.hint}


def _json(data: dict[str, Any]) -> str:
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def _shown(p: Problem) -> Problem:
    """The problem with each of its texts on one line and free of controls, ready to print."""
    return replace(
        p,
        message=safe(p.message),
        file=None if p.file is None else safe(p.file),
        field=None if p.field is None else safe(p.field),
        hint=None if p.hint is None else safe(p.hint),
    )


def validation_text(ev: Evidence) -> str:
    res = ev.manifest.residence
    lines = [
        f"{safe(res.name)} ({safe(res.operator)}), Level {ev.level} ({LEVEL_NAMES[ev.level]})",
        f"assessed on {ev.assessed_on}; rules in force: NARR 3.0"
        + (f" with {safe(', '.join(ev.overlays))}" if ev.overlays else ""),
    ]
    by_front = sum(1 for d in ev.documents if "front-matter" in d.mapped_by)
    lines.append(
        f"{len(ev.documents)} file(s) mapped"
        + (f" ({by_front} by front matter)" if by_front else "")
        + f", {len(ev.manifest.attestations)} attestation(s), {len(ev.manifest.exceptions)} exception(s)"
    )
    unreadable = [d for d in ev.documents if d.unreadable is not None]
    if unreadable:
        lines.append("")
        lines.append(f"Unreadable documents ({len(unreadable)}): their rules will be reported as errors")
        for d in unreadable:
            assert d.unreadable is not None
            lines.append(f"  {safe(d.path)}: {safe(d.unreadable.reason)}")
            lines.append(f"    fix: {safe(d.unreadable.hint)}")
    if ev.warnings:
        lines.append("")
        lines.append(f"Warnings ({len(ev.warnings)}):")
        lines.extend("  " + _shown(w).render().replace("\n", "\n  ") for w in ev.warnings)
    if ev.unmapped:
        lines.append("")
        lines.append(f"Unmapped files ({len(ev.unmapped)}): not evidence for any rule yet (try: narr-audit map)")
        lines.extend(f"  {safe(path)}" for path in ev.unmapped)
    lines.append("")
    lines.append("residence.yaml is valid.")
    return "\n".join(lines) + "\n"


def validation_json(ev: Evidence) -> str:
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "valid": True,
        "residence": ev.manifest.residence.model_dump(mode="json"),
        "level": str(ev.level),
        "assessed_on": ev.assessed_on.isoformat(),
        "overlays": ev.overlays,
        "documents": [
            {
                "path": d.path,
                "kind": d.kind,
                "rules": d.rules,
                "mapped_by": d.mapped_by,
                "effective": d.effective.isoformat() if d.effective else None,
                "reviewed": d.reviewed.isoformat() if d.reviewed else None,
                "expires": d.expires.isoformat() if d.expires else None,
                "pages": d.content.pages if d.content else None,
                "entries": len(d.records) if d.kind == "log" else None,
                "unreadable": None if d.unreadable is None else d.unreadable.reason,
            }
            for d in ev.documents
        ],
        "attestations": len(ev.manifest.attestations),
        "exceptions": len(ev.manifest.exceptions),
        "unmapped": ev.unmapped,
        "warnings": [_problem(w) for w in ev.warnings],
    }
    return _json(data)


def problems_json(problems: list[Problem]) -> str:
    data = {"schema_version": JSON_SCHEMA_VERSION, "valid": False, "problems": [_problem(p) for p in problems]}
    return _json(data)


def map_text(found: list[FileSuggestions], written: int) -> str:
    if not found:
        return "Every file in the folder is already mapped.\n"
    lines = []
    for item in found:
        lines.append(safe(item.path))
        if item.note:
            lines.append(f"  ({safe(item.note)})")
        elif not item.suggestions:
            lines.append("  no rule matches well enough; map it by hand (narr-audit explain RULE helps)")
        for s in item.suggestions:
            if item.kind == "log":
                hit = s.matched[0]
                lines.append(safe(f"  {s.rule_id} {s.title}: the file name ('{hit.term}') fits: {hit.topic}"))
                continue
            terms = ", ".join(
                f"{h.topic} (under '{h.where}')" if h.where else f"{h.topic} ('{h.term}')" for h in s.matched
            )
            lines.append(safe(f"  {s.rule_id} {s.title}: {round(s.score * 100)}% of topics; matched {terms}"))
            doubted = {d.topic for d in s.doubted}
            if unstated := [t for t in s.missed if t not in doubted]:
                lines.append(safe(f"    not found: {', '.join(unstated)}"))
            for d in s.doubted:  # the recogniser found it; the second reader doubts it (see `check`)
                against = f", weighing against it {', '.join(repr(w) for w in d.against)}" if d.against else ""
                lines.append(
                    safe(
                        f"    doubted: {d.topic} (found under '{d.where}', but the second reader doubts it{against};"
                        " if it is there, point to that section with covers: once the file is mapped)"
                    )
                )
    lines.append("")
    if written:
        lines.append(f"Added {written} file(s) to residence.yaml. Review them: remove any rule that does not fit.")
    else:
        lines.append("Nothing written. Add --write to add these suggestions to residence.yaml.")
    return "\n".join(lines) + "\n"


def map_json(found: list[FileSuggestions], written: int) -> str:
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "written": written,
        "files": [
            {
                "path": f.path,
                "kind": f.kind,
                "note": f.note,
                "suggestions": [
                    {
                        "rule": s.rule_id,
                        "title": s.title,
                        "score": s.score,
                        "matched": [{"topic": h.topic, "term": h.term, "where": h.where} for h in s.matched],
                        "missed": list(s.missed),
                        "doubted": [
                            {"topic": d.topic, "where": d.where, "against": list(d.against)} for d in s.doubted
                        ],
                    }
                    for s in f.suggestions
                ],
            }
            for f in found
        ],
    }
    return _json(data)
