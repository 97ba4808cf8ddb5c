"""`narr-audit init`: a new evidence folder with a residence.yaml that lists what the level needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from narr_audit.base.errors import NarrError
from narr_audit.base.levels import LEVEL_NAMES, Level
from narr_audit.checks import KIND_NAMES
from narr_audit.evidence.model import MANIFEST, SCHEMA_FILE
from narr_audit.evidence.schema import manifest_schema_json
from narr_audit.formats.templating import render
from narr_audit.standards.catalog import checklist
from narr_audit.standards.model import Rulebook

SUBFOLDERS = ("policies", "logs", "attestations", "photos")


@dataclass(frozen=True)
class Scaffold:
    files: dict[str, str]
    folders: tuple[str, ...] = SUBFOLDERS


def plan(
    book: Rulebook,
    *,
    level: Level,
    name: str,
    operator: str,
    address: str,
    beds: int,
    affiliate: str | None,
    today: date,
) -> Scaffold:
    """The files init writes, as text: pure, so it can be tested without touching a disk."""
    name = " ".join(name.split())  # the name also goes into a YAML comment, where a line break would end it
    context = {
        "name": name,
        "operator": operator,
        "address": address,
        "beds": beds,
        "affiliate": affiliate,
        "level": level,
        "level_name": LEVEL_NAMES[level],
        "today": today.isoformat(),
        "next_year": today.replace(year=today.year + 1, day=min(today.day, 28)).isoformat(),
        "checklist": checklist(book, level),
        "kind_names": KIND_NAMES,
    }
    return Scaffold(
        files={
            MANIFEST: render("residence.yaml.j2", None, **context),
            "README.md": render("evidence-README.md.j2", None, **context),
            SCHEMA_FILE: manifest_schema_json(),
        }
    )


def write(folder: Path, scaffold: Scaffold) -> list[Path]:
    """Write the scaffold; refuses, writing nothing, if any of its files already exists."""
    if folder.exists() and not folder.is_dir():
        raise NarrError.single("this is a file, not a folder", file=str(folder), hint="choose a new folder name")
    existing = [name for name in scaffold.files if (folder / name).exists()]
    if existing:
        raise NarrError.single(
            f"the folder already has {', '.join(existing)}; init never overwrites an operator's files",
            file=str(folder),
            hint="choose a new folder, or move those files away first",
        )
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for sub in scaffold.folders:
            (folder / sub).mkdir(exist_ok=True)
        for name, text in scaffold.files.items():
            path = folder / name
            with path.open("x", encoding="utf-8") as handle:  # "x": never replace a file
                handle.write(text)
            written.append(path)
    except OSError as exc:
        raise NarrError.single(
            f"cannot write the new folder ({exc.strerror or exc})", file=str(folder), hint="check permissions"
        ) from None
    return written
