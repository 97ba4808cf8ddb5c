#!/usr/bin/env python3
"""How good are `narr-audit map`'s suggestions? Figures on the examples, whose mapping is known.

For each example binder, a copy is made with its residence.yaml's `evidence:` list emptied and the
`narr:` front matter removed from its Markdown files, so every file is unmapped; `map --format json`
then suggests rules. A suggestion is right when the original mapping gave the file that rule.
Prints per example and overall: files with at least one right rule among their suggestions, and the
share of suggestions that are right.

Usage: python benchmarks/bench_map.py [--src DIR]   (--src: another checkout's src/, for before/after)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("level-1-peer-run", "level-2-monitored", "level-3-supervised", "level-4-service-provider")
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def truth(folder: Path) -> dict[str, set[str]]:
    manifest = yaml.safe_load((folder / "residence.yaml").read_text(encoding="utf-8"))
    known: dict[str, set[str]] = {}
    for entry in manifest.get("evidence") or []:
        rules = entry["rules"] if isinstance(entry["rules"], list) else [entry["rules"]]
        known.setdefault(entry["file"], set()).update(rules)
    for path in folder.rglob("*.md"):
        match = FRONT.match(path.read_text(encoding="utf-8"))
        if match:
            data = yaml.safe_load(match.group(0).strip("-\n")) or {}
            narr = data.get("narr") or []
            rel = path.relative_to(folder).as_posix()
            known.setdefault(rel, set()).update([narr] if isinstance(narr, str) else narr)
    return known


def strip(folder: Path) -> None:
    manifest_path = folder / "residence.yaml"
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    manifest["evidence"] = []
    manifest_path.write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    for path in folder.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(FRONT.sub("", text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(args.src.resolve()))
    totals = [0, 0, 0, 0]  # files with a right rule, files with a known mapping, right suggestions, suggestions
    for name in EXAMPLES:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / name
            shutil.copytree(ROOT / "examples" / name, folder)
            known = truth(folder)
            strip(folder)
            done = subprocess.run(
                [sys.executable, "-m", "narr_audit", "map", str(folder), "--format", "json"],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            found = json.loads(done.stdout)
        files = {f["path"]: {s["rule"] for s in f.get("suggestions", [])} for f in found["files"]}
        with_right = sum(1 for path, rules in files.items() if known.get(path, set()) & rules)
        mapped = sum(1 for path in files if known.get(path))
        right = sum(len(known.get(path, set()) & rules) for path, rules in files.items())
        total = sum(len(rules) for rules in files.values())
        print(f"{name:<26} files with a right rule {with_right}/{mapped}   right suggestions {right}/{total}")
        for i, v in enumerate((with_right, mapped, right, total)):
            totals[i] += v
    print(
        f"{'all examples':<26} files with a right rule {totals[0]}/{totals[1]}   "
        f"right suggestions {totals[2]}/{totals[3]} ({100 * totals[2] / max(totals[3], 1):.0f}%)"
    )


if __name__ == "__main__":
    main()
