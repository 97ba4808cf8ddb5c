"""SARIF 2.1.0 of an organization: a gap of the shared evidence once, at the organization's file at
fault, naming every property it blocks; each property's own gaps at its own files.

Paths are joined to the organization folder as it was named on the command line (see the residence
format, :mod:`narr_audit.formats.report.sarif`). A property that could not be read is a tool
execution notification, and the run is marked as not having succeeded.
"""

from __future__ import annotations

import json
import re
from typing import Any

from narr_audit.base.safetext import json_text, visible
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.formats.report import RenderOptions
from narr_audit.formats.report.sarif import LEVELS, SARIF_SCHEMA, artifact_uri
from narr_audit.results.organization import OrganizationGap, OrganizationReport
from narr_audit.results.report import Location, RuleResult


def _shown(text: str) -> str:
    return visible(text, multiline=True)


def _pascal(title: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[^0-9A-Za-z]+", title.replace("&", " and ")) if w)


def _rule(rule_id: str, title: str, fix: str | None, life_safety: bool) -> dict[str, Any]:
    help_text = _shown(fix or f"See `narr-audit explain {rule_id}`.")
    return {
        "id": rule_id,
        "name": _pascal(title) or f"Rule{rule_id.replace('.', '')}",
        "shortDescription": {"text": _shown(f"{rule_id} {title}")},
        "help": {"text": help_text, "markdown": f"**What to do:** {help_text}"},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["life-safety"] if life_safety else []},
    }


def _location(folder: str, location: Location) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(folder, location.file)},
            "region": {"startLine": location.line or 1},
        }
    }


def _shared(gap: OrganizationGap, index: int, folder: str) -> dict[str, Any]:
    blocks = ", ".join(f"{b.name} ({b.folder})" for b in gap.properties)
    message = (
        f"{gap.rule} {gap.title}: {STATUS_LABELS[gap.status]} in the shared evidence; blocks {blocks}. {gap.reason}."
    )
    if gap.missing:
        message += " Missing: " + "; ".join(gap.missing) + "."
    if gap.fix:
        message += " What to do: " + gap.fix
    return {
        "ruleId": gap.rule,
        "ruleIndex": index,
        "level": LEVELS[gap.status],
        "message": {"text": _shown(message)},
        "locations": [_location(folder, gap.location)],
        "partialFingerprints": {"narrRule/v1": f"{gap.rule}:{gap.location.file}"},
        "properties": {
            "status": gap.status,
            "lifeSafety": gap.life_safety,
            "scope": "organization",
            "properties": [b.folder for b in gap.properties],
        },
    }


def _own(result: RuleResult, index: int, folder: str, prop: str, name: str) -> dict[str, Any]:
    message = f"{name}: {result.id} {result.title}: {STATUS_LABELS[result.status]}. {result.reason}."
    if result.missing:
        message += " Missing: " + "; ".join(result.missing) + "."
    if result.fix:
        message += " What to do: " + result.fix
    return {
        "ruleId": result.id,
        "ruleIndex": index,
        "level": LEVELS[result.status],
        "message": {"text": _shown(message)},
        "locations": [_location(folder, result.location)],
        "partialFingerprints": {"narrRule/v1": f"{result.id}:{result.location.file}"},
        "properties": {"status": result.status, "lifeSafety": result.life_safety, "scope": prop},
    }


def render(report: OrganizationReport, options: RenderOptions) -> str:
    rules: dict[str, dict[str, Any]] = {}
    for gap in report.organization_gaps:
        rules.setdefault(gap.rule, _rule(gap.rule, gap.title, gap.fix, gap.life_safety))
    own = [(p, r) for p in report.scored() for r in report.own_gaps(p)]
    for _, result in own:
        rules.setdefault(result.id, _rule(result.id, result.title, result.fix, result.life_safety))
    index = {rule_id: n for n, rule_id in enumerate(rules)}
    results = [_shared(g, index[g.rule], report.folder) for g in report.organization_gaps]
    results.extend(_own(r, index[r.id], report.folder, p.folder, p.name or p.folder) for p, r in own)
    notifications = [
        {
            "level": "error",
            "message": {"text": _shown(f"{p.folder} could not be read: {problem.message}")},
            "locations": [_location(report.folder, Location(file=problem.file or p.folder, line=problem.line))],
        }
        for p in report.properties
        if p.report is None
        for problem in p.problems
    ]
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
                        "rules": list(rules.values()),
                    }
                },
                "automationDetails": {"id": f"narr-audit/{_shown(report.organization.name)}/"},
                "columnKind": "utf16CodeUnits",
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
                "results": results,
                "properties": {
                    "organization": _shown(report.organization.name),
                    "verdict": report.verdict,
                    "score": report.score.percent,
                    "properties": [
                        {"folder": p.folder, "verdict": p.verdict, "level": p.level, "score": p.score}
                        for p in report.properties
                    ],
                },
            }
        ],
    }
    return json_text(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"
