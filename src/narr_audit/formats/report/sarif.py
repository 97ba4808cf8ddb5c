"""SARIF 2.1.0, for GitHub code scanning: one result per required rule not met, partly met or unreadable.

Every result is located at a real file in the evidence folder (the evidence file concerned, or
residence.yaml at the line naming the rule, or its `evidence:` list, when a document is missing):
GitHub rejects results without a location. Paths are given as the folder was named on the command
line, joined with the file, so from a repository's root they are repository-relative. Texts a
viewer shows (messages, descriptions) have controls and bidi characters as visible escapes.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from narr_audit.base.safetext import json_text, visible
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.formats.report import RenderOptions
from narr_audit.results.report import Report, RuleResult

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"not_met": "error", "error": "error", "partial": "warning"}


def artifact_uri(folder: str, file: str) -> str:
    """The file's URI: relative to where narr-audit ran when the folder was given relatively."""
    base = PurePosixPath(folder.replace("\\", "/"))
    path = base / file
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


def render(report: Report, options: RenderOptions) -> str:
    gaps = report.gap_results()
    rules = sorted({r.id: r for r in gaps}.values(), key=lambda r: report.results.index(r))
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
                "results": [_result(r, index[r.id], report.folder) for r in gaps],
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
