"""SARIF 2.1.0, for GitHub code scanning: one result per required rule not met, partly met or unreadable.

Evidence found in a file not mapped to its rule gets a result of level "note" located at that file
(one per rule and file), so the file shows the note to map it; the message says how.

Every result is located at a real file in the evidence folder (the evidence file concerned, or
residence.yaml at the line naming the rule, or its `evidence:` list, when a document is missing):
GitHub rejects results without a location. Paths are given as the folder was named on the command
line, joined with the file, so from a repository's root they are repository-relative. Texts a
viewer shows (messages, descriptions) have controls and bidi characters as visible escapes.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from narr_audit.base.safetext import json_text, visible
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.formats.report import RenderOptions
from narr_audit.results.report import FoundElsewhere, Report, RuleResult

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"not_met": "error", "error": "error", "partial": "warning"}


def artifact_uri(folder: str, file: str) -> str:
    """The file's URI: relative to where narr-audit ran when the folder was given relatively."""
    base = PurePosixPath(folder.replace("\\", "/"))
    path = PurePosixPath(posixpath.normpath(base / file))  # a property checked alone names ../organization.yaml
    if base.is_absolute():
        return path.as_uri()
    parts = [p for p in path.parts if p != "."]
    return quote("/".join(parts) if parts else file, safe="/")


def _shown(text: str) -> str:
    return visible(text, multiline=True)


def _pascal(title: str) -> str:
    """'Sink-toilet-shower' -> 'SinkToiletShower': SARIF's readable rule name, distinct from the id."""
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[^0-9A-Za-z]+", title.replace("&", " and ")) if w)


def _rule(result: RuleResult) -> dict[str, Any]:
    tags = ["narr-3.0" if result.origin == "narr-3.0" else result.origin, f"domain-{result.domain}"]
    if result.life_safety:
        tags.append("life-safety")
    help_text = _shown(result.fix or "See `narr-audit explain " + result.id + "`.")
    return {
        "id": result.id,
        "name": _pascal(result.title) or f"Rule{result.id.replace('.', '')}",
        "shortDescription": {"text": _shown(f"{result.id} {result.title}")},
        "fullDescription": {
            "text": _shown(f"NARR rule {result.id} ({result.standard} {result.standard_title}): {result.title}.")
        },
        "help": {"text": help_text, "markdown": f"**What to do:** {help_text}"},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": tags},
    }


def _result(result: RuleResult, index: int, folder: str) -> dict[str, Any]:
    reason = result.reason[:1].upper() + result.reason[1:]
    message = f"{result.id} {result.title}: {STATUS_LABELS[result.status]}. {reason}."
    if result.missing:
        message += " Missing: " + "; ".join(result.missing) + "."
    if result.fix:
        message += " What to do: " + result.fix
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(folder, result.location.file)}}
    location["region"] = {"startLine": result.location.line or 1}
    return {
        "ruleId": result.id,
        "ruleIndex": index,
        "level": LEVELS[result.status],
        "message": {"text": _shown(message)},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"narrRule/v1": f"{result.id}:{result.location.file}"},
        "properties": {"status": result.status, "lifeSafety": result.life_safety},
    }


def _elsewhere_results(found: FoundElsewhere, index: int, folder: str) -> list[dict[str, Any]]:
    """A note at each file where evidence of the rule was found, though the file is not mapped to it."""
    result = found.result
    reason = found.reason[:1].upper() + found.reason[1:]
    out = []
    for file in found.files:
        places = "; ".join(r.where for r in found.refs if r.file == file and r.where)
        message = (
            f"{result.id} {result.title}: {STATUS_LABELS[result.status]}. Evidence found in {file}"
            f"{f' ({places})' if places else ''}, a file not mapped to this rule: confirm it, then map it. {reason}."
        )
        location = {"artifactLocation": {"uri": artifact_uri(folder, file)}, "region": {"startLine": 1}}
        out.append(
            {
                "ruleId": result.id,
                "ruleIndex": index,
                "level": "note",
                "message": {"text": _shown(message)},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {"narrElsewhere/v1": f"{result.id}:{file}"},
                "properties": {"status": result.status, "lifeSafety": result.life_safety, "foundElsewhere": True},
            }
        )
    return out


def render(report: Report, options: RenderOptions) -> str:
    gaps = report.gap_results()
    found = report.found_elsewhere()
    shown = {r.id: r for r in gaps} | {f.result.id: f.result for f in found}
    order = {r.id: n for n, r in enumerate(report.results)}
    rules = sorted(shown.values(), key=lambda r: order[r.id])
    index = {r.id: n for n, r in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "narr-audit",
                        "version": report.tool.version,
                        "semanticVersion": report.tool.version,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "automationDetails": {"id": f"narr-audit/{_shown(report.residence.name)}/"},
                "columnKind": "utf16CodeUnits",
                "results": [
                    *(_result(r, index[r.id], report.folder) for r in gaps),
                    *(x for f in found for x in _elsewhere_results(f, index[f.result.id], report.folder)),
                ],
                "properties": {
                    "residence": _shown(report.residence.name),
                    "level": report.level,
                    "assessedOn": report.assessed_on.isoformat(),
                    "verdict": report.verdict,
                    "score": report.score.percent,
                },
            }
        ],
    }
    return json_text(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"
