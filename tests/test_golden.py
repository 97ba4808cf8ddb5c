"""Golden reports: every example rendered in every format, compared byte for byte.

When a change to the output is intended, regenerate on purpose and review the diff:

    NARR_AUDIT_UPDATE_GOLDEN=1 python3 -m pytest tests/test_golden.py   # writes, and skips
    git diff tests/golden/
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from narr_audit.api import audit
from narr_audit.formats.report import FORMATS, RenderOptions, render
from narr_audit.results.report import Report

ROOT = Path(__file__).parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/residence.yaml"))
GENERATED_ON = date(2026, 11, 1)
_cache: dict[str, Report] = {}


def example_report(name: str) -> Report:
    """The example's report as `narr-audit check examples/NAME` gives it when run from the repository."""
    if name not in _cache:
        here = Path.cwd()
        os.chdir(ROOT)
        try:
            _cache[name] = audit(Path("examples") / name, today=GENERATED_ON)
        finally:
            os.chdir(here)
    return _cache[name]


@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("example", EXAMPLES)
def test_golden(example: str, name: str) -> None:
    text = render(example_report(example), name, RenderOptions())
    golden = GOLDEN / example / f"report-{name}{FORMATS[name].suffix}"
    if os.environ.get("NARR_AUDIT_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        pytest.skip(f"regenerated {golden.relative_to(ROOT)}: review the diff before committing")
    assert golden.is_file(), f"no golden file {golden.relative_to(ROOT)}; create it with NARR_AUDIT_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{example} --format {name} differs from {golden.relative_to(ROOT)}; if the change is intended, "
        "regenerate with NARR_AUDIT_UPDATE_GOLDEN=1 and review the diff"
    )


def test_every_example_has_golden_files_and_no_stale_ones() -> None:
    expected = {f"{e}/report-{n}{FORMATS[n].suffix}" for e in EXAMPLES for n in FORMATS}
    present = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()} if GOLDEN.exists() else set()
    assert present == expected, f"missing: {sorted(expected - present)}; stale: {sorted(present - expected)}"
