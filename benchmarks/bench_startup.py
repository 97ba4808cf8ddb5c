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

With --floors it also times, in the same rounds, each command's floor under typer: narr-audit's own
command line (the same app, the same parameters, the same parsing) with the command's body replaced
by one that does nothing. What is over the baseline there is typer's (and its pydantic's) own cost
of building the command and coercing its parameters, which no change inside narr-audit can remove; a
second floor has the body only read residence.yaml and validate it with narr-audit's model (pydantic's
model machinery, which the baseline's bare `import pydantic` does not load), what every one of the
three commands must do at the least.

Usage: python benchmarks/bench_startup.py [--runs N] [--src DIR] [--before DIR] [--as-is] [--floors]
  --src DIR runs the commands from another checkout's src/ (to compare before and after a change).
  --before DIR also runs another src/ (say, a worktree of an earlier commit) in the same paired runs,
  and prints its ratios beside --src's, so both are measured under the same load.
CPU seconds (user + system) are printed too: on a busy machine they move less than wall time.
In brackets, each ratio over a second baseline that also loads pydantic's BaseModel (see
BASELINE_LOADED): what any program declaring a pydantic model pays before its first line.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "level-2-monitored"
BASELINE = "import typer, pydantic, yaml, jinja2, rich"
# pydantic 2 loads its model machinery lazily: a bare `import pydantic` loads little of it, while any
# program that declares a model (the design card's strict models) loads it. The second baseline imports
# the same five libraries with pydantic's BaseModel loaded, as any pydantic program must; its ratio is
# printed beside the first, which stays the one the targets are stated against.
BASELINE_LOADED = "import typer, yaml, jinja2, rich; from pydantic import BaseModel"
# The command line with the command's body doing nothing (see --floors): argv[1] is the command. With
# MANIFEST=1 in the environment the body reads the folder's residence.yaml and validates it with
# narr-audit's model, the least that validate, precommit and check all do.
FLOOR = """
import copy, inspect, os, sys, types
from pathlib import Path
from narr_audit import cli
name = sys.argv[1]
chosen = cli.app_for(sys.argv[1:])
(command,) = chosen.registered_commands
real = inspect.unwrap(command.callback)
code = real.__code__
names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]

def body():
    if os.environ.get("MANIFEST"):
        import yaml
        from narr_audit.evidence.model import Manifest
        given = Path(sys.argv[2])
        folder = given.parent if given.is_file() else given
        Manifest.model_validate(yaml.safe_load((folder / "residence.yaml").read_text(encoding="utf-8")))

space = {}
exec(f"def {real.__name__}({', '.join(names)}):\\n    return _floor_body()", space)
real.__globals__["_floor_body"] = body
noop = types.FunctionType(space[real.__name__].__code__, real.__globals__, real.__name__, real.__defaults__)
noop.__kwdefaults__, noop.__annotations__, noop.__doc__ = real.__kwdefaults__, dict(real.__annotations__), real.__doc__
command = copy.copy(command)
command.callback = noop
chosen.registered_commands = [command]
chosen()
"""
TARGETS = {"check": 1.6, "validate": 1.3, "precommit": 1.3}


def _time(cmd: list[str], env: dict[str, str]) -> float:
    return _measure(cmd, env)[0]


def _measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    spent = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return spent, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--before", type=Path, help="another src/ measured in the same paired runs")
    parser.add_argument("--as-is", action="store_true", help="keep the environment's bytecode setting")
    parser.add_argument("--floors", action="store_true", help="also time each command's body doing nothing")
    args = parser.parse_args()
    sides = {"before": args.before, "now": args.src} if args.before else {"now": args.src}
    narr = [sys.executable, "-m", "narr_audit"]
    policy = next(p for p in sorted((EXAMPLE / "policies").iterdir()) if p.suffix in (".md", ".pdf", ".docx"))
    commands = {
        "check": ["check", str(EXAMPLE), "--fail-on", "none"],
        "validate": ["validate", str(EXAMPLE)],
        "precommit": ["precommit", str(EXAMPLE / "residence.yaml"), str(policy)],
    }
    with tempfile.TemporaryDirectory() as work:
        envs = {}
        for side, src in sides.items():
            env = dict(os.environ, PYTHONPATH=str(src.resolve()), NO_COLOR="1")
            env["NARR_AUDIT_CACHE_DIR"] = str(Path(work) / f"cache-{side}")
            if not args.as_is:
                env.pop("PYTHONDONTWRITEBYTECODE", None)
                env["PYTHONPYCACHEPREFIX"] = str(Path(work) / f"bytecode-{side}")
            envs[side] = env
        base = [sys.executable, "-c", BASELINE]
        loaded = [sys.executable, "-c", BASELINE_LOADED]
        for env in envs.values():  # warm the cache (and the bytecode)
            for cmd in (base, loaded, *(narr + c for c in commands.values())):
                _time(cmd, env)
        writes = "as the environment says" if args.as_is else "kept (as installed)"
        print(f"runs: {args.runs} (paired, medians)   bytecode: {writes}")
        for side, src in sides.items():
            print(f"{side}: {src}")
        head = "".join(f"{side + ' s':>10} {side + ' cpu':>10} {side:>7}" for side in sides)
        print(
            f"{'command':<10} {'baseline s':>10} {head} {'target':>7}   (ratio over the baseline with BaseModel loaded)"
        )
        first = next(iter(envs.values()))
        floors: dict[str, tuple[float, float]] = {}
        for name, cmd in commands.items():
            rounds = []
            for _ in range(args.runs):
                row = {"baseline": _measure(base, first), "loaded": _measure(loaded, first)}
                row.update({side: _measure(narr + cmd, env) for side, env in envs.items()})
                if args.floors:
                    row["floor"] = _measure([sys.executable, "-c", FLOOR, *cmd], envs["now"])
                    row["manifest"] = _measure([sys.executable, "-c", FLOOR, *cmd], dict(envs["now"], MANIFEST="1"))
                rounds.append(row)
            line = f"{name:<10} {statistics.median(r['baseline'][0] for r in rounds):>10.3f}"
            for side in sides:
                wall = statistics.median(r[side][0] for r in rounds)
                cpu = statistics.median(r[side][1] for r in rounds)
                ratio = statistics.median(r[side][0] / r["baseline"][0] for r in rounds)
                line += f" {wall:>10.3f} {cpu:>10.3f} {ratio:>6.2f}x"
            over_loaded = "  ".join(
                f"{side} {statistics.median(r[side][0] / r['loaded'][0] for r in rounds):.2f}x" for side in sides
            )
            print(f"{line} {TARGETS[name]:>6.1f}x   ({over_loaded})")
            if args.floors:
                floors[name] = (
                    statistics.median(r["floor"][0] / r["baseline"][0] for r in rounds),
                    statistics.median(r["manifest"][0] / r["baseline"][0] for r in rounds),
                )
        for name, (bare, manifest) in floors.items():
            print(
                f"floor of {name} under typer: {bare:.2f}x the baseline with its body doing nothing, "
                f"{manifest:.2f}x when the body only validates residence.yaml"
            )
        if args.before:
            print("ratio: the command's wall time over the baseline's, in the same round (median)")


if __name__ == "__main__":
    main()
