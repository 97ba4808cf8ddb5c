"""The tool works after installation from any directory: the Standard ships inside the package."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import narr_audit
from narr_audit.base.resources import standards_dir, templates_dir

REPO = Path(__file__).resolve().parent.parent


def test_runs_from_an_unrelated_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "narr_audit", "standards", "--level", "II", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["count"] > 80


def test_installed_package_carries_its_data() -> None:
    """In a wheel install the data must come from inside the package, never from a checkout."""
    package = Path(narr_audit.__file__).resolve().parent
    if REPO / "src" in package.parents:
        # editable or source checkout: the repository's own folders are used
        assert standards_dir() == REPO / "standards"
        assert templates_dir() == REPO / "templates"
    else:
        assert standards_dir() == package / "_data" / "standards"
        assert templates_dir() == package / "_data" / "templates"
        assert (standards_dir() / "narr-3.0" / "index.yaml").is_file()
        assert (standards_dir() / "overlays" / "azrha.yaml").is_file()
