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
    organization: str | None = None,
    organization_file: str = "../organization.yaml",
) -> Scaffold:
    """The files init writes, as text: pure, so it can be tested without touching a disk.

    ``organization``: the name of the organization the new folder is a property of (its residence.yaml
    then takes operator and affiliate from organization.yaml, and its schema allows that)."""
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
        "organization": organization,
        "organization_file": organization_file,
    }
    schema = manifest_schema_json()
    if organization is not None:
        from narr_audit.evidence.organization import property_schema, schema_json

        schema = schema_json(property_schema())
    return Scaffold(
        files={
            MANIFEST: render("residence.yaml.j2", None, **context),
            "README.md": render("evidence-README.md.j2", None, **context),
            SCHEMA_FILE: schema,
        }
    )


def plan_organization(*, name: str, affiliate: str | None, applicant_id: str | None, today: date) -> Scaffold:
    """The files `init --organization` writes: organization.yaml, its JSON Schema and a README."""
    from narr_audit.evidence.organization import ORGANIZATION, ORGANIZATION_SCHEMA_FILE, organization_schema
    from narr_audit.evidence.organization import schema_json as as_json

    context = {
        "name": " ".join(name.split()),
        "affiliate": affiliate,
        "applicant_id": applicant_id,
        "today": today.isoformat(),
    }
    return Scaffold(
        files={
            ORGANIZATION: render("organization.yaml.j2", None, **context),
            "README.md": render("organization-README.md.j2", None, **context),
            ORGANIZATION_SCHEMA_FILE: as_json(organization_schema()),
        },
        folders=("policies", "attestations"),
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
