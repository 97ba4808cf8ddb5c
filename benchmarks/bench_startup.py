#!/usr/bin/env python3
"""Start-up: how much more than its libraries does a command cost? Prints medians and ratios.

The baseline is a bare interpreter importing the five libraries every command may need (typer,
pydantic, yaml, jinja2, rich). Against it, in paired runs (baseline and command one after the
other, so load on the machine hits both alike), it times:

- `narr-audit check` on the Level II example with a warm cache (target: 1.6x the baseline),
- `narr-audit validate` on the same folder (target: 1.3x),
- `narr-audit precommit` on its residence.yaml and one policy (target: 1.3x).

Each command runs once first, so the cache (extracted text, the compiled rulebook, the documents'
analyses) is warm, as it is for anyone who runs narr-audit twice.

Bytecode: an installed package has its modules compiled (pip writes the .pyc files); the libraries
of the baseline always have theirs. So that narr-audit's own modules are not compiled afresh on
every run when the environment forbids writing bytecode (PYTHONDONTWRITEBYTECODE, common in
containers), both sides run with a private bytecode folder (PYTHONPYCACHEPREFIX), filled by the
first runs; --as-is keeps the environment's own setting instead.

Usage: python benchmarks/bench_startup.py [--runs N] [--src DIR] [--as-is]
  --src DIR runs the commands from another checkout's src/ (to compare before and after a change).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "level-2-monitored"
BASELINE = "import typer, pydantic, yaml, jinja2, rich"
TARGETS = {"check": 1.6, "validate": 1.3, "precommit": 1.3}


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    spent = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--as-is", action="store_true", help="keep the environment's bytecode setting")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(args.src.resolve()), NO_COLOR="1")
    narr = [sys.executable, "-m", "narr_audit"]
    policy = next(p for p in sorted((EXAMPLE / "policies").iterdir()) if p.suffix in (".md", ".pdf", ".docx"))
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as bytecode:
        env["NARR_AUDIT_CACHE_DIR"] = cache
        if not args.as_is:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = bytecode
        commands = {
            "check": [*narr, "check", str(EXAMPLE), "--fail-on", "none"],
            "validate": [*narr, "validate", str(EXAMPLE)],
            "precommit": [*narr, "precommit", str(EXAMPLE / "residence.yaml"), str(policy)],
        }
        base = [sys.executable, "-c", BASELINE]
        for cmd in (base, *commands.values()):  # warm the cache (and the bytecode)
            _time(cmd, env)
        writes = "as the environment says" if args.as_is else "kept (as installed)"
        print(f"source: {args.src}   runs: {args.runs} (paired, medians)   bytecode: {writes}")
        print(f"{'command':<10} {'baseline s':>10} {'command s':>10} {'ratio':>7} {'target':>7}")
        for name, cmd in commands.items():
            pairs = [(_time(base, env), _time(cmd, env)) for _ in range(args.runs)]
            b = statistics.median(p[0] for p in pairs)
            c = statistics.median(p[1] for p in pairs)
            ratio = statistics.median(p[1] / p[0] for p in pairs)
            print(f"{name:<10} {b:>10.3f} {c:>10.3f} {ratio:>6.2f}x {TARGETS[name]:>6.1f}x")


if __name__ == "__main__":
    main()
