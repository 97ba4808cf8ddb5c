#!/usr/bin/env python3
"""How fast is `narr-audit check`? Prints wall time and where it goes.

Times `check` on the largest example under examples/ and on a generated folder of 200 documents
(a third of them multi-page PDFs, the rest Word, Markdown, HTML and text, plus logs), and prints
the share spent in start-up (interpreter and imports), loading (residence.yaml, rules, logs),
extraction (reading document text), evaluation (the engine) and rendering.

Needs the test extra (fpdf2, python-docx): pip install '.[test]'.
Usage: python benchmarks/bench_check.py [--runs N] [--keep DIR] [--example DIR]
                                        [--before DIR [--only-example] [--no-ocr] [--jobs N]]
  --before DIR times another checkout's src/ (say, a worktree of an earlier commit) against this one's
  in paired runs (the two one after the other, so load on the machine hits both alike), cold (--no-cache)
  and warm, and prints the medians, the median ratio of each pair and the ratios' quartiles.
  --only-example skips the generated folder. --example DIR times that folder instead of the largest
  example (a copy without what the older checkout cannot read, such as `covers:` pointers before they
  were read). --no-ocr runs both sides without Tesseract on the search path, to time the rest apart
  from reading photos. --jobs N runs this checkout's side with `check --jobs N` (1: in one process).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 1)
WORDS = [
    "resident",
    "house",
    "manager",
    "recovery",
    "policy",
    "procedure",
    "grievance",
    "appeal",
    "safety",
    "evacuation",
    "detector",
    "naloxone",
    "overdose",
    "meeting",
    "chores",
    "rent",
    "refund",
    "agreement",
    "confidentiality",
    "staff",
    "training",
    "peer",
    "support",
    "community",
    "neighbor",
    "parking",
    "noise",
    "visitor",
    "curfew",
    "medication",
    "storage",
    "lockbox",
    "drug",
    "screening",
]


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "." for _ in range(count)]


def generate(folder: Path, documents: int = 200, seed: int = 7) -> Path:
    """A large, realistic-shaped evidence folder: documents mapped to rules, plus a year of logs."""
    import docx
    from fpdf import FPDF

    from narr_audit.standards.loader import load_rulebook

    rng = random.Random(seed)
    rule_ids = [r.id for r in load_rulebook([]).rules()]
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for n in range(documents):
        kind = ("docx", "md", "html", "txt")[n % 4] if n % 3 else "pdf"  # a third are multi-page PDFs
        rel = f"policies/doc-{n:03d}.{kind}"
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
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
        entries.append({"file": rel, "rules": rng.sample(rule_ids, 2), "reviewed": "2026-03-01"})
    for name in ("house-meetings", "fire-drills", "detector-checks", "naloxone-checks"):
        rel = f"logs/{name}.csv"
        (folder / "logs").mkdir(exist_ok=True)
        rows = [f"{TODAY - timedelta(days=7 * k)},R-{k % 9:02d},ok" for k in range(52)]
        (folder / rel).write_text("date,by,note\n" + "\n".join(rows) + "\n", encoding="utf-8")
        entries.append({"file": rel, "rules": rng.sample(rule_ids, 2)})
    import yaml

    manifest = {
        "residence": {"name": "Bench House", "operator": "Bench LLC", "level": "IV", "address": "1 Main", "beds": 20},
        "assessed_on": TODAY.isoformat(),
        "evidence": entries,
    }
    (folder / "residence.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    return folder


TODAY_DT = __import__("datetime").datetime(2026, 1, 1, tzinfo=__import__("datetime").timezone.utc)


def _wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def phases(folder: Path) -> dict[str, float]:
    """Loading, extraction, evaluation and rendering, timed in this process (imports already done)."""
    import narr_audit.evidence.loader as loader
    from narr_audit import api, engine
    from narr_audit.formats.report import RenderOptions, render

    spent = {"extraction": 0.0}
    original = loader.extract

    def timed(path: Path, cache: object = None, **options: bool):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original(path, cache, **options)  # type: ignore[arg-type]
        finally:
            spent["extraction"] += time.perf_counter() - start

    loader.extract = timed
    try:
        start = time.perf_counter()
        loaded = api.load_evidence(folder, today=TODAY)
        load_total = time.perf_counter() - start
    finally:
        loader.extract = original
    start = time.perf_counter()
    report = engine.audit(loaded.evidence, loaded.rulebook, generated_on=TODAY)
    evaluation = time.perf_counter() - start
    start = time.perf_counter()
    render(report, "terminal", RenderOptions())
    rendering = time.perf_counter() - start
    return {
        "loading": load_total - spent["extraction"],
        "extraction": spent["extraction"],
        "evaluation": evaluation,
        "rendering": rendering,
    }


def report(name: str, folder: Path, runs: int) -> None:
    exe = shutil.which("narr-audit")
    cmd = [exe] if exe else [sys.executable, "-m", "narr_audit"]
    wall = _wall([*cmd, "check", str(folder), "--fail-on", "none", "--no-cache"], runs)
    with tempfile.TemporaryDirectory() as cache:
        warm = _wall([*cmd, "check", str(folder), "--fail-on", "none", "--cache-dir", cache], runs + 1)
    bare = _wall([sys.executable, "-c", "pass"], runs)
    imports = _wall(
        [
            sys.executable,
            "-c",
            "import narr_audit.cli, narr_audit.api, narr_audit.engine, narr_audit.formats.report.terminal",
        ],
        runs,
    )
    # Run the phases in a fresh interpreter so caches from earlier runs do not flatter them.
    here, target = str(Path(__file__).parent), str(folder)
    code = (
        f"import json,sys; sys.path.insert(0, {here!r}); import bench_check as b; from pathlib import Path; "
        f"print(json.dumps(b.phases(Path({target!r}))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    parts = {"start-up": imports, **__import__("json").loads(out)}
    documents = sum(1 for p in folder.rglob("*") if p.is_file())
    print(f"\n{name}: {folder}  ({documents} files)")
    print(f"  wall time of `narr-audit check --no-cache` (median of {runs}): {wall:.3f} s")
    print(f"  wall time with a warm extraction cache: {warm:.3f} s   (bare python start: {bare:.3f} s)")
    print("  where the uncached run goes:")
    for phase, seconds in parts.items():
        print(f"  {phase:<11} {seconds:7.3f} s  {100 * seconds / wall:5.1f}% of wall")
    other = wall - sum(parts.values())
    print(f"  {'other':<11} {other:7.3f} s  {100 * other / wall:5.1f}% of wall")


def paired(name: str, folder: Path, runs: int, before: Path, *, no_ocr: bool = False, jobs: int | None = None) -> None:
    """``check`` from this checkout and from ``before`` (another src/), one after the other in each round,
    cold (--no-cache) and warm (a cache filled by a first run): medians and the median of the ratios.
    CPU seconds (user + system, Tesseract's included) are printed too: on a busy machine they move less."""
    sides = {"before": before.resolve(), "now": (ROOT / "src").resolve()}
    print(f"\n{name}: {folder}   paired runs: {runs} (medians)")
    for side, src in sides.items():
        print(f"  {side}: {src}")
    with tempfile.TemporaryDirectory() as work:
        envs = {}
        for side, src in sides.items():
            env = dict(os.environ, PYTHONPATH=str(src), NO_COLOR="1")
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # both sides with their modules compiled (as installed)
            env["PYTHONPYCACHEPREFIX"] = str(Path(work) / f"bytecode-{side}")
            if no_ocr:  # a search path without Tesseract: both sides as on a machine without it
                env["PATH"] = str(Path(work) / "no-tesseract")
            envs[side] = env
        cmd = [sys.executable, "-m", "narr_audit", "check", str(folder), "--fail-on", "none"]
        modes = {"cold": ["--no-cache"], "warm": ["--cache-dir", str(Path(work) / "cache-{side}")]}
        now_only = ["--jobs", str(jobs)] if jobs is not None else []  # an option the older checkout may not have

        def args_of(side: str, extra: list[str]) -> list[str]:
            return [*cmd, *(e.format(side=side) for e in extra), *(now_only if side == "now" else [])]

        for side, env in envs.items():  # compile the bytecode, fill the warm cache
            for extra in modes.values():
                _run(args_of(side, extra), env)
        print(
            f"  {'mode':<6} {'before s':>9} {'now s':>9} {'now/before':>11} {'quartiles':>13} "
            f"{'before cpu':>11} {'now cpu':>8}"
        )
        for mode, extra in modes.items():
            rounds = []
            for _ in range(runs):
                rounds.append({side: _run(args_of(side, extra), env) for side, env in envs.items()})
            b, n = (statistics.median(r[side][0] for r in rounds) for side in ("before", "now"))
            ratios = [r["now"][0] / r["before"][0] for r in rounds]
            ratio = statistics.median(ratios)
            # the spread of the pairs' ratios: on a shared machine it is often wider than a change being measured
            low, _, high = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratio, ratio, ratio)
            cb, cn = (statistics.median(r[side][1] for r in rounds) for side in ("before", "now"))
            spread = f"{low:.2f}-{high:.2f}x"
            print(f"  {mode:<6} {b:>9.3f} {n:>9.3f} {ratio:>10.2f}x {spread:>13} {cb:>11.3f} {cn:>8.3f}")


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, of the command and what it ran) of one run."""
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    spent = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return spent, (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate the 200-document folder here and keep it")
    parser.add_argument("--before", type=Path, help="another checkout's src/, timed against this one in paired runs")
    parser.add_argument("--only-example", action="store_true", help="with --before: skip the generated folder")
    parser.add_argument(
        "--example",
        type=Path,
        help="time this folder instead of the largest example (e.g. a copy an older checkout can read)",
    )
    parser.add_argument(
        "--no-ocr",
        action="store_true",
        help="with --before: run both sides as on a machine without Tesseract (photos are not read), "
        "to time the rest apart from OCR",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        help="with --before: run this checkout's `check` with --jobs N (1: one process, to time it apart from "
        "reading the rules in two)",
    )
    args = parser.parse_args()
    if args.before and not (args.before / "narr_audit" / "__init__.py").is_file():
        parser.error(f"--before {args.before}: no narr_audit package there; give the other checkout's src/ folder")
    examples = [p.parent for p in (ROOT / "examples").glob("*/residence.yaml")]
    if args.example:
        examples = [args.example]
    if examples:
        largest = max(examples, key=lambda p: sum(f.stat().st_size for f in p.rglob("*") if f.is_file()))
        if args.before:
            paired("largest example", largest, args.runs, args.before, no_ocr=args.no_ocr, jobs=args.jobs)
        else:
            report("largest example", largest, args.runs)
    else:
        print("no examples under examples/ yet")
    if args.before and args.only_example:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        target = args.keep or Path(tmp) / "generated"
        start = time.perf_counter()
        generate(target)
        print(f"\n(generated 200 documents in {time.perf_counter() - start:.1f} s)")
        if args.before:
            paired(
                "generated folder, 200 documents", target, args.runs, args.before, no_ocr=args.no_ocr, jobs=args.jobs
            )
        else:
            report("generated folder, 200 documents", target, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
