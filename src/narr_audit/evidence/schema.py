"""The published JSON Schema of residence.yaml, generated from the models so the two cannot drift."""

from __future__ import annotations

import json
from typing import Any

from narr_audit.evidence.model import Manifest

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def manifest_schema() -> dict[str, Any]:
    schema = Manifest.model_json_schema()
    defs = schema["$defs"]
    # Accepted spellings the models take that pydantic's generator does not see.
    defs["Residence"]["properties"]["level"] = {
        "description": defs["Residence"]["properties"]["level"].get("description", ""),
        "anyOf": [{"enum": ["I", "II", "III", "IV"]}, {"type": "integer", "minimum": 1, "maximum": 4}],
    }
    rules = defs["EvidenceEntry"]["properties"]["rules"]
    defs["EvidenceEntry"]["properties"]["rules"] = {
        "description": rules.get("description", ""),
        "anyOf": [{"type": "array", "items": {"type": "string"}, "minItems": 1}, {"type": "string"}],
    }
    defs["RuleException"]["properties"]["expires"] = {
        "description": defs["RuleException"]["properties"]["expires"].get("description", ""),
        **DATE,
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "narr-audit residence.yaml",
        "description": "An evidence folder's manifest for narr-audit (NARR Standard 3.0). See docs/evidence-format.md.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def manifest_schema_json() -> str:
    return json.dumps(manifest_schema(), indent=2, ensure_ascii=False) + "\n"
