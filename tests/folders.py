"""Build small evidence folders in a test's temporary directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

RESIDENCE = {
    "name": "Test House",
    "operator": "Test Recovery LLC",
    "level": "II",
    "address": "1 Test Way, Springfield",
    "beds": 6,
}


def make_folder(
    root: Path,
    *,
    files: dict[str, str | bytes] | None = None,
    evidence: list[dict[str, Any]] | None = None,
    attestations: list[dict[str, Any]] | None = None,
    exceptions: list[dict[str, Any]] | None = None,
    assessed_on: str | None = "2026-11-01",
    **residence: Any,
) -> Path:
    """A folder with residence.yaml and ``files`` (path -> text or bytes)."""
    root.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {"residence": {**RESIDENCE, **residence}}
    if assessed_on:
        manifest["assessed_on"] = assessed_on
    manifest["evidence"] = evidence or []
    manifest["attestations"] = attestations or []
    manifest["exceptions"] = exceptions or []
    (root / "residence.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    for rel, content in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


MISSION = """# Mission
Our mission is to offer a safe, alcohol- and drug-free home for people in recovery from substance use.
It is shared with every staff member and board member at orientation.
"""
