"""The folder tree is the layer diagram: every import goes down, and no module imports itself in a circle.

The layers and the two forbidden contracts are declared once, in pyproject.toml's import-linter
section (docs/architecture.md explains them); these tests run them, and add what import-linter's
layers do not see: circles between modules of one layer. Imports inside functions and under
TYPE_CHECKING count too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.meta
def test_import_contracts_hold() -> None:
    """lint-imports exits non-zero, naming the import chain, when a contract in pyproject.toml breaks."""
    script = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(script) if script.exists() else "lint-imports", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def _circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.find_modules_directly_imported_by(node)):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


@pytest.mark.meta
def test_no_import_circle() -> None:
    graph = grimp.build_graph("narr_audit", cache_dir=None)
    assert _circles(graph) == []


@pytest.mark.meta
def test_the_circle_finder_finds_a_circle() -> None:
    """The check above would catch one: a made-up graph with a circle is reported."""
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _circles(graph) == [["pkg.a", "pkg.b"]]


@pytest.mark.meta
def test_every_module_sits_in_a_layer() -> None:
    """A new top-level module would escape the contract: it must be added to a layer."""
    package = ROOT / "src" / "narr_audit"
    top = sorted(
        p.stem if p.is_file() else p.name
        for p in package.iterdir()
        if p.suffix == ".py" or (p / "__init__.py").exists()
    )
    assert top == [
        "__init__",
        "__main__",
        "api",
        "base",
        "checks",
        "cli",
        "engine",
        "evidence",
        "formats",
        "results",
        "standards",
        "workflows",
    ]


def _bound_twice(source: str) -> list[str]:
    """The names a module binds more than once at its top level (assignments, functions, classes)."""
    import ast
    from collections import Counter

    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
    return sorted(name for name, count in names.items() if count > 1)


@pytest.mark.meta
def test_no_module_binds_a_name_twice() -> None:
    """A second ``_RESIDENTS = ...`` far down a long module silently replaces the first for every
    function that reads it when called (it happened in base.language: a check for whom a section
    is written read another pattern than the one written beside it). One home per name."""
    twice = {
        str(path.relative_to(ROOT)): found
        for path in sorted((ROOT / "src" / "narr_audit").rglob("*.py"))
        if (found := _bound_twice(path.read_text(encoding="utf-8")))
    }
    assert twice == {}


def test_a_name_bound_twice_is_found() -> None:
    assert _bound_twice("A = 1\ndef f():\n    return A\nA = 2\nB: int = 3\n") == ["A"]
