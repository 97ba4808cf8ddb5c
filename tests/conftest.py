"""Shared test helpers: one small helper runs the CLI the way a user does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narr_audit.cli import app

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run ``narr-audit ARGS`` in-process, as a user would (stdout is not a terminal)."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli() -> type[Run]:
    return Run


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
