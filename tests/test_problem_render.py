"""A hostile file name cannot forge a line of narr-audit's own output (issue 18, safe text)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from narr_audit.base.errors import Problem

from .folders import make_folder


def test_a_line_break_in_a_file_name_is_shown_escaped_not_as_a_new_line() -> None:
    problem = Problem("the file named here does not exist", "policies/a\nresidence.yaml:1: all rules met", line=4)
    rendered = problem.render()
    assert rendered.count("\n") == 0
    assert rendered.startswith("policies/a\\x0aresidence.yaml:1: all rules met:4: ")


def test_an_ordinary_problem_reads_as_before() -> None:
    problem = Problem(
        "no such rule", "residence.yaml", line=7, rule="1.A.1.a", field="evidence[0].rules", hint="fix it"
    )
    assert problem.render() == (
        "residence.yaml:7: rule 1.A.1.a, field 'evidence[0].rules': no such rule\n    fix: fix it"
    )


def test_check_names_a_missing_file_with_a_line_break_on_one_line_of_stderr(tmp_path: Path) -> None:
    folder = make_folder(
        tmp_path / "house", evidence=[{"file": "rules\nresidence.yaml: all good.md", "rules": ["1.A.1.a"]}]
    )
    run = subprocess.run(
        [sys.executable, "-m", "narr_audit", "validate", str(folder)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert "rules\\x0aresidence.yaml: all good.md" in run.stderr
    assert not any(line.startswith("residence.yaml: all good") for line in run.stderr.splitlines())
