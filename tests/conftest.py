"""Shared test helpers: one small helper runs the CLI the way a user does."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narr_audit.cli import app

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """CLI runs in tests keep extracted text in a temporary cache, never in the user's own."""
    before = os.environ.get("NARR_AUDIT_CACHE_DIR")
    os.environ["NARR_AUDIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("NARR_AUDIT_CACHE_DIR", None)
    else:
        os.environ["NARR_AUDIT_CACHE_DIR"] = before


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
