#!/usr/bin/env python3
"""How fast is `narr-audit batch`? Applicants per second with 1 and 2 workers, cold and warm cache.

Generates N applicants (default 500) of about 40 documents each: multi-page PDFs, Word files,
Markdown, HTML and text policies, and four CSV logs. Every document's bytes are unique, so the
cache only helps on the second run over the same files. Then runs `narr-audit batch` with 1 worker
and a cold cache, 2 workers and a cold cache, and 2 workers again on the now warm cache, and prints
applicants per second, the 2-worker speedup and the warm-cache speedup.

Needs the test extra (fpdf2, python-docx): pip install '.[test]'.
Usage: python benchmarks/bench_batch.py [--applicants N] [--keep DIR]

Comparing two versions side by side (wall and CPU seconds, paired runs, medians; each side's modules
are compiled once into a private bytecode folder, as an installed package has them):
  git worktree add /work/before 41a8d3d
  python benchmarks/bench_batch.py --applicants 250 --keep /tmp/apps           # generate once
  python benchmarks/bench_batch.py --reuse /tmp/apps --baseline /work/before/src [--modes warm] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

TODAY = date(2026, 11, 1)
WORDS = (  # noqa: SIM905 - easier to edit as a sentence
    "resident house manager recovery policy procedure grievance appeal safety evacuation detector naloxone "
    "overdose meeting chores rent refund agreement confidentiality staff training peer support community "
    "neighbor parking noise visitor curfew medication storage lockbox drug screening mission vision ethics"
).split()
PDFS, DOCXS, MDS, HTMLS, TXTS = 8, 6, 16, 5, 5  # 40 documents, plus 4 logs


def _text(rng: random.Random, paragraphs: int) -> list[str]:
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(50, 110))).capitalize() + "." for _ in range(paragraphs)
    ]


def _pool(folder: Path, rng: random.Random) -> tuple[list[bytes], list[bytes]]:
    """A pool of PDFs and Word files to copy from; each copy is made unique afterwards."""
    import docx
    from fpdf import FPDF

    pdfs, docxs = [], []
    for _ in range(24):
        pdf = FPDF()
        pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=timezone.utc))
        for page in range(rng.randint(3, 7)):
            pdf.add_page()
            pdf.set_font("helvetica", size=11)
            pdf.multi_cell(0, 6, f"Section {page + 1}\n\n" + "\n\n".join(_text(rng, 4)))
        pdfs.append(bytes(pdf.output()))
    for n in range(12):
        d = docx.Document()
        for i, para in enumerate(_text(rng, 14)):
            if i % 3 == 0:
                d.add_heading(f"Part {i // 3 + 1}", level=1)
            d.add_paragraph(para)
        path = folder / f"pool-{n}.docx"
        d.save(str(path))
        docxs.append(path.read_bytes())
    return pdfs, docxs


def generate(root: Path, applicants: int, seed: int = 11) -> Path:
    import yaml

    from narr_audit.standards.loader import load_rulebook

    rng = random.Random(seed)
    rule_ids = [r.id for r in load_rulebook([]).rules()]
    pool_dir = root / ".pool"
    pool_dir.mkdir(parents=True, exist_ok=True)
    pdfs, docxs = _pool(pool_dir, rng)
    for a in range(applicants):
        folder = root / "applicants" / f"house-{a:04d}"
        entries = []

        def add(rel: str, data: bytes, folder: Path = folder, entries: list[dict[str, object]] = entries) -> None:
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            entries.append({"file": rel, "rules": rng.sample(rule_ids, 2), "reviewed": "2026-03-01"})

        for n in range(PDFS):
            add(f"policies/p{n}.pdf", rng.choice(pdfs) + f"\n% applicant {a} document {n}\n".encode())
        for n in range(DOCXS):
            path = folder / f"handbook/d{n}.docx"
            add(f"handbook/d{n}.docx", rng.choice(docxs))
            with zipfile.ZipFile(path, "a") as z:
                z.comment = f"applicant {a} document {n}".encode()
        for n in range(MDS):
            add(f"policies/m{n}.md", ("\n\n".join(f"## Part {i}\n{p}" for i, p in enumerate(_text(rng, 5)))).encode())
        for n in range(HTMLS):
            body = "".join(f"<h2>Part {i}</h2><p>{p}</p>" for i, p in enumerate(_text(rng, 4)))
            add(f"site/h{n}.html", f"<html><head><title>Page {n}</title></head><body>{body}</body></html>".encode())
        for n in range(TXTS):
            add(f"notes/t{n}.txt", "\n\n".join(_text(rng, 3)).encode())
        for name in ("house-meetings", "fire-drills", "detector-checks", "naloxone-checks"):
            rows = [f"{TODAY - timedelta(days=7 * k)},R-{k % 9:02d},ok" for k in range(40)]
            add(f"logs/{name}.csv", ("date,by,note\n" + "\n".join(rows) + "\n").encode())
        manifest = {
            "residence": {
                "name": f"House {a}",
                "operator": "Bench LLC",
                "level": rng.choice(["I", "II", "III", "IV"]),
                "address": f"{a} Main St",
                "beds": 8,
            },
            "assessed_on": TODAY.isoformat(),
            "evidence": entries,
        }
        (folder / "residence.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    shutil.rmtree(pool_dir)
    return root / "applicants"


def timed_batch(
    applicants: Path, out: Path, cache: Path, jobs: int, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the CLI and its workers) of one batch run."""
    cmd = [sys.executable, "-m", "narr_audit"] if env else [shutil.which("narr-audit") or sys.executable]
    if not env and cmd == [sys.executable]:
        cmd.extend(["-m", "narr_audit"])
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [
            *cmd,
            "batch",
            str(applicants),
            "--out",
            str(out),
            "--jobs",
            str(jobs),
            "--cache-dir",
            str(cache),
            "--fail-on",
            "none",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


MODES = {
    "cold1": ("1 worker,  cold cache", 1),
    "cold2": ("2 workers, cold cache", 2),
    "warm": ("2 workers, warm cache", 2),
}


def _env(src: Path, bytecode: Path, as_is: bool) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(src.resolve()))
    if not as_is:  # modules compiled once, as an installed package has them (see bench_startup.py)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def compare(applicants: Path, work: Path, sides: dict[str, Path], modes: list[str], rounds: int, as_is: bool) -> None:
    """Each mode for each side, paired (one side right after the other), ``rounds`` times; medians.

    A cold run starts from an empty cache; a warm run reuses the cache its side's cold 2-worker run
    filled (made first when the warm mode is asked for alone).
    """
    envs = {name: _env(src, work / f"pyc-{name}", as_is) for name, src in sides.items()}
    for env in envs.values():  # compile each side's modules once (unmeasured)
        subprocess.run([sys.executable, "-c", "import narr_audit.cli"], env=env, check=False)
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for mode in modes:
        jobs = MODES[mode][1]
        for r in range(rounds):
            for name, env in envs.items():
                cache = work / f"cache-{name}-{mode}-{r}"
                if mode == "warm":
                    cache = work / f"cache-{name}-warm"
                    if not cache.exists():
                        timed_batch(applicants, work / f"out-{name}", cache, 2, env)
                else:
                    shutil.rmtree(cache, ignore_errors=True)
                results.setdefault((mode, name), []).append(
                    timed_batch(applicants, work / f"out-{name}", cache, jobs, env)
                )
                if mode != "warm":
                    shutil.rmtree(cache, ignore_errors=True)
    names = list(sides)
    head = "".join(f"{n + ' wall s':>16}{n + ' cpu s':>14}" for n in names)
    print(f"{'mode':<24}{head}" + (f"{'ratio wall':>12}{'ratio cpu':>11}" if len(names) == 2 else ""))
    for mode in modes:
        line = f"{MODES[mode][0]:<24}"
        medians = []
        for name in names:
            runs = results[(mode, name)]
            wall, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
            medians.append((wall, cpu))
            line += f"{wall:>16.2f}{cpu:>14.2f}"
        if len(names) == 2:
            (bw, bc), (nw, nc) = medians
            line += f"{nw / bw:>11.2f}x{nc / bc:>10.2f}x"
        print(line)
    if len(names) == 2:
        print(f"ratio = {names[1]} / {names[0]}; medians of {rounds} paired round(s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="generate the applicants here and keep them")
    parser.add_argument("--reuse", type=Path, help="use the applicants generated earlier with --keep DIR")
    parser.add_argument("--src", type=Path, help="run this checkout's src/ (PYTHONPATH) instead of narr-audit on PATH")
    parser.add_argument(
        "--baseline", type=Path, help="another src/ to compare with side by side (e.g. a worktree of v1)"
    )
    parser.add_argument("--modes", default="cold1,cold2,warm", help="which runs, of cold1, cold2, warm")
    parser.add_argument("--rounds", type=int, default=1, help="paired rounds per mode (with --baseline/--src)")
    parser.add_argument("--as-is", action="store_true", help="keep the environment's bytecode setting")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        if args.reuse:
            applicants = args.reuse / "applicants"
            count = sum(1 for _ in applicants.iterdir())
        else:
            start = time.perf_counter()
            applicants = generate(work, args.applicants)
            count = args.applicants
            files = sum(1 for p in applicants.rglob("*") if p.is_file())
            print(f"generated {args.applicants} applicants, {files} files, in {time.perf_counter() - start:.1f} s")
        print(f"machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.2f}")
        if args.baseline or args.src:
            sides = {}
            if args.baseline:
                sides["base"] = args.baseline
            sides["now"] = args.src or Path(__file__).resolve().parent.parent / "src"
            modes = [m.strip() for m in args.modes.split(",") if m.strip()]
            print(f"{count} applicants; " + "; ".join(f"{n}: {p}" for n, p in sides.items()))
            compare(applicants, Path(tempfile.mkdtemp(dir=tmp)), sides, modes, args.rounds, args.as_is)
            return 0
        one = timed_batch(applicants, work / "out1", work / "cache1", 1)[0]
        two = timed_batch(applicants, work / "out2", work / "cache2", 2)[0]
        warm = timed_batch(applicants, work / "out3", work / "cache2", 2)[0]
        n = count
        print(f"1 worker,  cold cache: {one:7.1f} s  {n / one:6.1f} applicants/s")
        print(f"2 workers, cold cache: {two:7.1f} s  {n / two:6.1f} applicants/s")
        print(f"2 workers, warm cache: {warm:7.1f} s  {n / warm:6.1f} applicants/s")
        print(f"2-worker speedup: {one / two:.2f}x (target 1.7x)")
        print(f"warm-cache speedup: {two / warm:.2f}x over the cold 2-worker run (target 5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
