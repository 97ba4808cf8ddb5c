"""Submission profiles: how an affiliate wants an application's files named, laid out and limited.

A profile is data (``standards/profiles/*.yaml``, shipped with the package, or a file of one's own
given as ``--profile PATH``): how evidence files are named (kept at their own paths, named by rule id
in the affiliate's id style, or numbered to the affiliate's checklist), whether each rule gets a
folder of its own, the file types accepted, the size limit per file and for the whole pack, and the
rules asked for. Each shipped profile states what is documented (with its source) and what is
assumed. Profiles are read like every narr-audit data file: strictly, each problem naming the file,
line and field; rule ids are accepted in any style and checked against the rules in force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.ids import RuleIndex, normalise_rule_id, style_warning
from narr_audit.base.models import StrictModel
from narr_audit.base.resources import standards_dir
from narr_audit.base.yamlio import YamlDocument
from narr_audit.standards.reading import display_path, read_model

PROFILE_DIR = "profiles"
MB = 1_000_000
"""A profile's megabyte: the smaller reading of "MB", so a file under it is under the affiliate's limit
however the affiliate counts."""

IdStyle = Literal["dotted", "compact", "comma"]
_ALIASES = {"jpg": "jpeg", "jpeg": "jpg", "tif": "tiff", "tiff": "tif", "htm": "html", "html": "htm"}
_PLACEHOLDERS = re.compile(r"\{([^}]*)\}")


class ChecklistItem(StrictModel):
    """One numbered entry of an affiliate's list of required documents."""

    number: int = Field(ge=1, le=999, description="The item's number on the affiliate's list.")
    title: str = Field(min_length=1, max_length=120, description="The document's name on the list.")
    rules: list[str] = Field(
        default=[],
        description="The rule ids the item asks evidence for (any style); none for a document narr-audit "
        "does not gather, such as the affiliate's own application form.",
    )
    written: str | None = Field(
        default=None, description="The affiliate's own reference for the item, as it writes it (e.g. 1A2j)."
    )
    note: str | None = None


class Profile(StrictModel):
    """One affiliate's submission format."""

    profile: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="The profile's id, e.g. missouri.")
    title: str = Field(min_length=1)
    affiliate: str | None = None
    documented: str = Field(min_length=1, description="What the affiliate's public instructions say, with sources.")
    assumed: str = Field(min_length=1, description="What the profile assumes where the instructions are silent.")
    sources: list[str] = []
    naming: Literal["original", "rule-id", "checklist"] = Field(
        default="original",
        description="original: each file at its own path; rule-id: named or foldered by rule id; "
        "checklist: numbered to the affiliate's checklist.",
    )
    id_style: IdStyle = Field(
        default="dotted", description="How the affiliate writes 1.A.1.a: dotted, compact (1A1a) or comma (1,A,1.a)."
    )
    layout: Literal["flat", "folder-per-rule"] = Field(
        default="flat", description="flat: one list of files; folder-per-rule: a folder per rule (or checklist item)."
    )
    folder: str = Field(
        default="evidence",
        min_length=1,
        description="The folder of the zip that holds the evidence; {operator} and {residence} are replaced.",
    )
    accepted_types: list[str] = Field(default=[], description="File suffixes accepted (pdf, jpg...); none: any.")
    max_file_mb: float | None = Field(default=None, gt=0, description="Largest file accepted, in MB (1,000,000 bytes).")
    max_total_mb: float | None = Field(default=None, gt=0, description="Largest pack accepted, in MB.")
    rules: Literal["all"] | list[str] = Field(default="all", description="The rules asked for: all, or a list of ids.")
    checklist: list[ChecklistItem] = []

    @field_validator("accepted_types")
    @classmethod
    def _suffixes(cls, value: list[str]) -> list[str]:
        cleaned = []
        for item in value:
            suffix = item.strip().lower().removeprefix(".")
            if not re.fullmatch(r"[a-z0-9]{1,10}", suffix):
                raise ValueError(f"'{item}' is not a file type; write a suffix such as pdf or jpg")
            cleaned.append(suffix)
        return cleaned

    @field_validator("folder")
    @classmethod
    def _folder(cls, value: str) -> str:
        parts = value.replace("\\", "/").split("/")
        if value.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise ValueError("the folder must be a relative path inside the zip, without '..'")
        for name in _PLACEHOLDERS.findall(value):
            if name not in ("operator", "residence"):
                raise ValueError(f"'{{{name}}}' is not a placeholder; use {{operator}} or {{residence}}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        if self.naming == "checklist" and not self.checklist:
            raise ValueError("naming: checklist needs the affiliate's checklist under 'checklist'")
        numbers = [item.number for item in self.checklist]
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        if repeated:
            raise ValueError(f"checklist numbers must be unique; repeated: {', '.join(map(str, repeated))}")
        return self

    def style(self, rule_id: str) -> str:
        """A rule id as the affiliate writes it: 1.A.2.a, 1A2a or 1,A,2.a."""
        if self.id_style == "dotted":
            return rule_id
        parts = rule_id.split(".")
        if len(parts) != 4:
            return rule_id
        if self.id_style == "compact":
            return "".join(parts)
        return f"{parts[0]},{parts[1]},{parts[2]}.{parts[3]}"

    def accepts(self, name: str) -> bool:
        """Whether a file of this name is of a type the affiliate takes."""
        if not self.accepted_types:
            return True
        suffix = Path(name).suffix.lower().removeprefix(".")
        return suffix in self.accepted_types or _ALIASES.get(suffix) in self.accepted_types

    @property
    def max_file_bytes(self) -> int | None:
        return None if self.max_file_mb is None else int(self.max_file_mb * MB)

    @property
    def max_total_bytes(self) -> int | None:
        return None if self.max_total_mb is None else int(self.max_total_mb * MB)

    def evidence_folder(self, operator: str, residence: str) -> str:
        """The zip folder of the evidence, placeholders filled with names made safe for a file name."""
        return self.folder.replace("{operator}", safe_name(operator)).replace("{residence}", safe_name(residence))


def safe_name(text: str, limit: int = 100) -> str:
    """Text as one file or folder name in a zip: no path separators, controls or characters that
    Windows refuses; never empty, '.' or '..'."""
    cleaned = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]+', "-", text)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .-")[:limit].strip(" .-")
    return cleaned or "unnamed"


@dataclass(frozen=True)
class LoadedProfile:
    """A validated profile, with its file's bytes (a pack carries them) and where it came from."""

    profile: Profile
    doc: YamlDocument
    display: str
    data: bytes
    shipped: bool


def shipped_profiles() -> dict[str, Path]:
    """Profile id -> file, for the profiles that ship with narr-audit."""
    folder = standards_dir() / PROFILE_DIR
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def load_profile(name: str) -> LoadedProfile:
    """A shipped profile by id (``missouri``) or a profile file by path."""
    path = Path(name)
    shipped = shipped_profiles()
    if name.lower() in shipped and not path.is_file():
        return read_profile(shipped[name.lower()], shipped=True)
    if path.is_file():
        return read_profile(path, shipped=False)
    if path.suffix.lower() in (".yaml", ".yml") or "/" in name or "\\" in name:
        raise NarrError.single("no such profile file", file=name, field="--profile", hint="check the path")
    raise NarrError.single(
        f"'{name}' is neither a profile file nor the id of a shipped profile (shipped: {', '.join(shipped) or 'none'})",
        field="--profile",
        hint="give one of the shipped ids, or the path to a profile YAML file (see docs/certifying-bodies.md)",
    )


def read_profile(path: Path, *, shipped: bool = False) -> LoadedProfile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NarrError.single(f"cannot read the profile ({exc.strerror or exc})", file=str(path)) from None
    profile, doc = read_model(path, Profile, owner_keys=())
    return LoadedProfile(profile, doc, display_path(path), data, shipped)


def check_rules(loaded: LoadedProfile, index: RuleIndex) -> tuple[Profile, list[Problem], list[Problem]]:
    """The profile with its rule ids in the Standard's form, the ids not in force (problems, with the
    closest ids) and the ids written in another style (warnings, with the canonical id)."""
    profile, doc, shown = loaded.profile, loaded.doc, loaded.display
    problems: list[Problem] = []
    warnings: list[Problem] = []

    def normal(written: str, loc: tuple[str | int, ...], field: str) -> str:
        line = doc.line_of(loc)
        found = index.unknown(written, file=shown, line=line, field=field, in_force=True)
        if found is not None:
            problems.append(found)
        style = style_warning(written, shown, line, field)
        if style is not None:
            warnings.append(style)
        return normalise_rule_id(written)

    rules: Literal["all"] | list[str] = profile.rules
    if isinstance(profile.rules, list):
        rules = [normal(r, ("rules", i), f"rules[{i}]") for i, r in enumerate(profile.rules)]
    items = [
        item.model_copy(
            update={
                "rules": [
                    normal(r, ("checklist", n, "rules", i), f"checklist[{n}].rules[{i}]")
                    for i, r in enumerate(item.rules)
                ]
            }
        )
        for n, item in enumerate(profile.checklist)
    ]
    return profile.model_copy(update={"rules": rules, "checklist": items}), problems, warnings


__all__ = [
    "MB",
    "ChecklistItem",
    "LoadedProfile",
    "Profile",
    "check_rules",
    "load_profile",
    "read_profile",
    "safe_name",
    "shipped_profiles",
]
