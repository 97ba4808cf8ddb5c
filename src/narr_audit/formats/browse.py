"""Render the browsing views (standards, explain, checklist) as JSON, Markdown or HTML text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from narr_audit import __version__
from narr_audit.base.levels import ALL_LEVELS, LEVEL_NAMES, Level
from narr_audit.base.safetext import json_text
from narr_audit.checks import KIND_NAMES, describe
from narr_audit.formats.templating import render
from narr_audit.standards.catalog import Checklist, Explanation, RuleEntry, level_marks
from narr_audit.standards.model import AnyOf, Rule, Rulebook

JSON_SCHEMA_VERSION = "1"


def rule_json(entry: RuleEntry) -> dict[str, Any]:
    data = entry.rule.model_dump(mode="json", exclude_none=True)
    data["levels"] = level_marks(entry.rule)
    return {
        "id": entry.rule.id,
        "domain": {"id": entry.domain.id, "title": entry.domain.title},
        "principle": {"id": entry.principle.principle, "title": entry.principle.title},
        "standard": {"id": entry.standard.id, "title": entry.standard.title},
        **{k: v for k, v in data.items() if k != "id"},
    }


def _dump(data: Any) -> str:
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def standards_json(book: Rulebook, chosen: list[RuleEntry], filters: dict[str, str | None]) -> str:
    return _dump(
        {
            "schema_version": JSON_SCHEMA_VERSION,
            "tool": {"name": "narr-audit", "version": __version__},
            "standard": {"id": book.id, "title": book.title, "overlays": book.overlays},
            "filters": filters,
            "count": len(chosen),
            "rules": [rule_json(e) for e in chosen],
            "retired": [r.model_dump(mode="json") for r in book.retired],
        }
    )


def standards_markdown(book: Rulebook, chosen: list[RuleEntry], level: Level | None) -> str:
    return render(
        "standards.md.j2",
        book=book,
        entries=chosen,
        level=level,
        levels=ALL_LEVELS,
        kinds=_kinds,
        marks=_marks,
    )


def _kinds(rule: Rule) -> str:
    return ", ".join(sorted({KIND_NAMES[c.kind] for c in rule.checks()}))


def _marks(rule: Rule) -> list[str]:
    symbol = {"required": "✓", "recommended": "R", "not_applicable": "–"}
    return [symbol[rule.levels.status_at(level)] for level in ALL_LEVELS]


def explain_markdown(book: Rulebook, found: Explanation) -> str:
    return render(
        "explain.md.j2",
        book=book,
        found=found,
        levels=ALL_LEVELS,
        level_names=LEVEL_NAMES,
        kind_names=KIND_NAMES,
        describe=describe,
        is_any_of=lambda item: isinstance(item, AnyOf),
    )


def explain_json(found: Explanation) -> str:
    if found.entry is None:
        return _dump(
            {
                "schema_version": JSON_SCHEMA_VERSION,
                "id": found.rule_id,
                "title": found.retired_title,
                "retired": {"by": found.retired_by, "reason": found.retired_reason},
            }
        )
    return _dump({"schema_version": JSON_SCHEMA_VERSION, **rule_json(found.entry)})


def checklist_text(checklist: Checklist, fmt: str, template_dir: Path | None = None) -> str:
    template = {"markdown": "checklist.md.j2", "html": "checklist.html.j2"}[fmt]
    return render(
        template,
        template_dir,
        checklist=checklist,
        level_name=LEVEL_NAMES[checklist.level],
        kind_names=KIND_NAMES,
        version=__version__,
    )
