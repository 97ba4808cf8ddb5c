"""Where the shipped data (the Standard, overlays, templates) lives.

In a wheel the data sits in ``narr_audit/_data``; in a source checkout or an editable install it
is read from the repository's top-level ``standards/`` and ``templates/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the narr_audit package


def data_dir(name: str) -> Path:
    """Return the folder of shipped data called ``name`` ("standards" or "templates")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"narr-audit is installed without its '{name}' data; reinstall the package")


def standards_dir() -> Path:
    return data_dir("standards")


def templates_dir() -> Path:
    return data_dir("templates")
