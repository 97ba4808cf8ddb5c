"""Whether a folder is, or lies inside, an organization folder: a look at file names only.

Kept apart from evidence.organization, which validates organization.yaml and merges evidence (pydantic
models, the loader): a check of a residence on its own, the common case, needs only to learn that no
organization.yaml lies above it, and does not load that module to learn it.
"""

from __future__ import annotations

from pathlib import Path

from narr_audit.evidence.model import MANIFEST

ORGANIZATION = "organization.yaml"

__all__ = ["ORGANIZATION", "find_organization", "is_organization", "organization_above"]


def is_organization(folder: Path) -> bool:
    """True when ``folder`` holds an organization.yaml (a file, or a link to refuse later)."""
    candidate = folder / ORGANIZATION
    try:
        return candidate.is_symlink() or candidate.is_file()
    except OSError:
        return False


def find_organization(folder: Path) -> Path | None:
    """The nearest folder above ``folder`` holding an organization.yaml, or None."""
    try:
        here = folder.resolve()
    except (OSError, RuntimeError):
        return None
    for parent in here.parents:
        if is_organization(parent):
            return parent
    return None


def organization_above(folder: Path) -> Path | None:
    """The organization folder a residence folder may be a property of: the nearest one above it, when
    ``folder`` holds a residence.yaml; None for a residence on its own (or a folder with none, which
    the loader reports)."""
    try:
        standalone = not (folder / MANIFEST).exists()
    except OSError:
        standalone = True
    return None if standalone else find_organization(folder)
