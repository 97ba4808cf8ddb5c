"""Reading one standards or overlay YAML file into a model; shared by the loader and overlays."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from narr_audit.base.resources import standards_dir
from narr_audit.base.validation import validate_document
from narr_audit.base.yamlio import YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)


def display_path(path: Path) -> str:
    """Paths inside the shipped data are shown relative to it, e.g. ``standards/narr-3.0/1-A.yaml``."""
    try:
        return str(Path("standards") / path.resolve().relative_to(standards_dir().resolve()))
    except ValueError:
        return str(path)


def validate_file(path: Path, model: type[M], *, owner_keys: Sequence[str] = ("id",)) -> M:
    """Read one YAML file and validate it as ``model``; a NarrError lists every problem."""
    return read_model(path, model, owner_keys=owner_keys)[0]


def read_model(path: Path, model: type[M], *, owner_keys: Sequence[str] = ("id",)) -> tuple[M, YamlDocument]:
    """Like :func:`validate_file`, also returning the YAML document for locating later problems."""
    shown = display_path(path)
    doc = read_yaml(path, display=shown)
    return validate_document(doc, model, display=shown, owner_keys=owner_keys), doc
