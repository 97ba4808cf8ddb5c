"""Data flows one way: standards + evidence -> engine -> report -> formats -> CLI.

Lower floors never import higher ones, formatters never reach into the engine or the loaders, and
nothing imports the CLI. Imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "narr_audit"
HIGH = ("narr_audit.cli", "narr_audit.api", "narr_audit.formats", "narr_audit.batch", "narr_audit.summary_formats")
LOW = (
    "narr_audit.errors",
    "narr_audit.models",
    "narr_audit.outcome",
    "narr_audit.report",
    "narr_audit.text",
    "narr_audit.yamlio",
    "narr_audit.validation",
    "narr_audit.checks",
    "narr_audit.standards",
    "narr_audit.evidence",
    "narr_audit.engine",
    "narr_audit.scoring",
    "narr_audit.cache",
)


def modules() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
                imported.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names)
        found[name] = {i for i in imported if i.startswith("narr_audit")}
    return found


MODULES = modules()


def _under(name: str, floors: tuple[str, ...]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in floors)


@pytest.mark.meta
@pytest.mark.parametrize("module", sorted(m for m in MODULES if _under(m, LOW)))
def test_lower_floors_never_import_higher_ones(module: str) -> None:
    bad = sorted(i for i in MODULES[module] if _under(i, HIGH))
    assert not bad, f"{module} imports {bad}"


@pytest.mark.meta
@pytest.mark.parametrize("module", sorted(m for m in MODULES if _under(m, ("narr_audit.formats",))))
def test_formatters_read_only_the_report(module: str) -> None:
    forbidden = (
        "narr_audit.engine",
        "narr_audit.evidence",
        "narr_audit.checks",
        "narr_audit.standards",
        "narr_audit.api",
    )
    bad = sorted(i for i in MODULES[module] if _under(i, forbidden))
    assert not bad, f"{module} reaches into {bad}"


@pytest.mark.meta
def test_only_the_entry_point_imports_the_cli() -> None:
    importers = [m for m, imports in MODULES.items() if _under_any(imports, "narr_audit.cli")]
    assert importers == ["narr_audit.__main__"]


def _under_any(imports: set[str], floor: str) -> bool:
    return any(_under(i, (floor,)) for i in imports)
