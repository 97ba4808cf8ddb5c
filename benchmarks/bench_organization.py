#!/usr/bin/env python3
"""How much does an organization's size cost? `check` of 20 properties sharing a 40-document manual set,
against the same organization with one property.

Generates an organization folder whose root holds 40 shared documents (a third multi-page PDFs, the
rest Word, Markdown, HTML and text) and a year of staff logs, and one folder per property with its own
house logs; then times `narr-audit check ORG --no-cache` (a fresh process, nothing kept between runs)
with 1 and with 20 properties and prints both figures and their ratio (best of N; wall time, and the
CPU time the run used, which other work on the machine hardly disturbs), then the same with a warm
extraction cache. The shared documents are read, extracted and analysed once however many properties
they serve, so the ratio stays under 2.

Needs the test extra (fpdf2, python-docx): pip install '.[test]'.
Usage: python benchmarks/bench_organization.py [--runs N] [--properties N] [--documents N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import TODAY, TODAY_DT, _paragraphs

HOUSE_LOGS = {
    "house-meetings": ["1.C.7.e", "1.C.8.a", "3.I.27.e"],
    "fire-drills": ["2.F.17.c"],
    "detector-checks": ["2.F.17.c"],
    "naloxone-checks": ["2.F.19.d"],
}


def _document(path: Path, kind: str, rng: random.Random, n: int) -> None:
    import docx
    from fpdf import FPDF

    paras = _paragraphs(rng, 12 if kind == "pdf" else 6)
    if kind == "pdf":
        pdf = FPDF()
        pdf.set_creation_date(TODAY_DT)
        for page in range(rng.randint(3, 8)):
            pdf.add_page()
            pdf.set_font("helvetica", size=11)
            pdf.multi_cell(0, 6, f"Section {page + 1}\n" + "\n\n".join(paras[:4]))
        pdf.output(str(path))
    elif kind == "docx":
        d = docx.Document()
        for i, para in enumerate(paras):
            if i % 3 == 0:
                d.add_heading(f"Part {i // 3 + 1}", level=1)
            d.add_paragraph(para)
        d.save(str(path))
    elif kind == "md":
        path.write_text("\n\n".join(f"## Part {i}\n{p}" for i, p in enumerate(paras)), encoding="utf-8")
    elif kind == "html":
        body = "".join(f"<h2>Part {i}</h2><p>{p}</p>" for i, p in enumerate(paras))
        path.write_text(f"<html><head><title>Doc {n}</title></head><body>{body}</body></html>", encoding="utf-8")
    else:
        path.write_text("\n\n".join(paras), encoding="utf-8")


def _log(path: Path, days: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [f"{TODAY - timedelta(days=days * k)},R-{k % 9:02d},ok" for k in range(52)]
    path.write_text("date,by,note\n" + "\n".join(rows) + "\n", encoding="utf-8")


def generate(root: Path, *, properties: int, documents: int = 40, seed: int = 11) -> Path:
    """An organization folder: ``documents`` shared documents and staff logs, ``properties`` houses."""
    from narr_audit.standards.loader import load_rulebook

    rng = random.Random(seed)
    rule_ids = [r.id for r in load_rulebook([]).rules()]
    root.mkdir(parents=True, exist_ok=True)
    entries = []
    for n in range(documents):
        kind = ("docx", "md", "html", "txt")[n % 4] if n % 3 else "pdf"
        rel = f"manual/doc-{n:03d}.{kind}"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        _document(root / rel, kind, rng, n)
        entries.append({"file": rel, "rules": rng.sample(rule_ids, 3), "reviewed": "2026-03-01"})
    for name in ("staff-training", "supervision"):
        _log(root / "logs" / f"{name}.csv", 30)
        entries.append({"file": f"logs/{name}.csv", "rules": ["1.D.10.c"]})
    folders = [f"house-{n:02d}" for n in range(properties)]
    manifest = {
        "organization": {"name": "Bench Recovery LLC"},
        "assessed_on": TODAY.isoformat(),
        "properties": folders,
        "evidence": entries,
    }
    (root / "organization.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    for n, folder in enumerate(folders):
        own = []
        for name, rules in HOUSE_LOGS.items():
            _log(root / folder / "logs" / f"{name}.csv", 7 if name == "house-meetings" else 30)
            own.append({"file": f"logs/{name}.csv", "rules": rules})
        residence = {"name": f"House {n}", "level": ("II", "III")[n % 2], "address": f"{n} Main St", "beds": 8}
        (root / folder / "residence.yaml").write_text(
            yaml.safe_dump({"residence": residence, "evidence": own}, sort_keys=False), encoding="utf-8"
        )
    return root


def _timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """The best of ``runs`` wall times and CPU times (user + system) of the command, as timeit reports
    it: the run least disturbed by other work. CPU time barely moves when other processes share the
    machine; wall time does."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr.decode(errors='replace')}")
    return min(walls), min(cpus)


def _print(timings: dict[str, tuple[float, float]], *, goal: bool) -> None:
    print(f"  {'':<14} {'wall':>9} {'CPU':>9}")
    for label, (wall, cpu) in timings.items():
        print(f"  {label:<14} {wall:7.3f} s {cpu:7.3f} s")
    (one_wall, one_cpu), (many_wall, many_cpu) = timings.values()
    tail = "  (the goal: under 2x)" if goal else ""
    print(f"  {'ratio':<14} {many_wall / one_wall:7.2f}x  {many_cpu / one_cpu:7.2f}x{tail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--properties", type=int, default=20)
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="generate the organizations here and keep them")
    args = parser.parse_args()
    exe = shutil.which("narr-audit")
    cmd = [exe] if exe else [sys.executable, "-m", "narr_audit"]
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        start = time.perf_counter()
        one = generate(base / "one-property", properties=1, documents=args.documents)
        many = generate(base / "many-properties", properties=args.properties, documents=args.documents)
        took = time.perf_counter() - start
        print(f"(generated two organizations of {args.documents} shared documents in {took:.1f} s)")
        timings = {}
        for label, folder in (("1 property", one), (f"{args.properties} properties", many)):
            timings[label] = _timed([*cmd, "check", str(folder), "--fail-on", "none", "--no-cache"], args.runs)
        print(f"`narr-audit check ORG --no-cache`, best of {args.runs} run(s), {args.documents} shared documents:")
        _print(timings, goal=True)
        warm = {}
        with tempfile.TemporaryDirectory() as cache:
            for label, folder in (("1 property", one), (f"{args.properties} properties", many)):
                run = [*cmd, "check", str(folder), "--fail-on", "none", "--cache-dir", cache]
                _timed(run, 1)  # fills the extraction cache
                warm[label] = _timed(run, args.runs)
        print("with a warm extraction cache (nothing left to extract; what remains is per property):")
        _print(warm, goal=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
