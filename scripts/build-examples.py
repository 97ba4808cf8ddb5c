#!/usr/bin/env python3
"""Rebuild the binary files (PDF, Word, photos) of the example evidence folders under examples/.

Each example's binaries are described in scripts/examples/sources/<example>/build.yaml:

    documents:
      - source: policies/grievance-policy.md   # Markdown under scripts/examples/sources/<example>/
        output: policies/grievance-policy.pdf  # where it goes under examples/<example>/ (.pdf or .docx)
        title: Grievance Policy and Procedure
    photos:
      - output: photos/fire-extinguisher.jpg
        caption: Fire extinguisher mounted by the kitchen door
        taken: 2026-10-03

Markdown documents, CSV logs and residence.yaml are written by hand in examples/<example>/ itself.
The generated files are committed, so the examples work without this script (it needs fpdf2,
python-docx and Pillow: pip install '.[test]').

Usage: python scripts/build-examples.py [EXAMPLE ...]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "examples" / "sources"
sys.path.insert(0, str(ROOT / "scripts" / "examples"))

import render  # noqa: E402


def build(name: str) -> int:
    spec_path = SOURCES / name / "build.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8")) or {}
    target = ROOT / "examples" / name
    operator = spec.get("author", "Example operator")
    count = 0
    for item in spec.get("documents", []):
        source = (SOURCES / name / item["source"]).read_text(encoding="utf-8")
        out = target / item["output"]
        title = item.get("title") or out.stem.replace("-", " ").title()
        if out.suffix == ".pdf":
            render.pdf(source, out, title=title, author=operator)
        elif out.suffix == ".docx":
            render.docx(source, out, title=title, author=operator)
        else:
            raise SystemExit(f"{spec_path}: {item['output']}: output must end in .pdf or .docx")
        count += 1
    for item in spec.get("photos", []):
        taken = item["taken"] if isinstance(item["taken"], date) else date.fromisoformat(str(item["taken"]))
        render.photo(target / item["output"], caption=item["caption"], taken=taken)
        count += 1
    return count


def main(argv: list[str]) -> int:
    names = argv or sorted(p.name for p in SOURCES.iterdir() if (p / "build.yaml").is_file())
    for name in names:
        print(f"{name}: {build(name)} file(s) built")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
