"""An organization folder: organization.yaml, the evidence it shares, and the properties it lists.

An operator with several houses keeps what serves them all once, at the organization's root
(policies, manuals, insurance naming every property, the staff roster, attestations signed once),
and one folder per property with its own residence.yaml and evidence (logs, photos, inspections,
lease). A property inherits the organization's evidence and attestations; its own add to them, and
an entry of its own replaces the organization's evidence for the same rules only when it says so
(``replaces_organization: true``).

Paths: everything here is first relative to the organization's root; :func:`shown` turns such a
path into one relative to the folder a command was pointed at (the organization, or a property
checked alone, which sees the organization's files as ``../policies/...``). The shared evidence is
loaded once (:func:`load_shared`) and handed to every property (:func:`inherit`): the documents'
extracted text is the same object in every property, so it is read and analysed once.
This module only reads; it knows rule ids, never the rulebook.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from pydantic import Field

from narr_audit.base.dates import DateField
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.ids import RuleIndex, normalise_rule_id
from narr_audit.base.levels import Level
from narr_audit.base.models import StrictModel
from narr_audit.base.validation import validate_document
from narr_audit.base.yamlio import YamlDocument, read_yaml
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.loader import ManifestFile, inside_folder, load_folder
from narr_audit.evidence.model import (
    MANIFEST,
    PLAN_FILE,
    Attestation,
    Document,
    Evidence,
    EvidenceEntry,
    Manifest,
    Residence,
    RuleException,
    Text,
)
from narr_audit.evidence.orgfolder import ORGANIZATION, find_organization, is_organization, organization_above

ORGANIZATION_SCHEMA_FILE = "organization.schema.json"
# Files at the organization's root that belong to its upkeep, not to the shared evidence.
_OWN_FILES = frozenset({ORGANIZATION, ORGANIZATION_SCHEMA_FILE})


class Operator(StrictModel):
    """The organization that runs the properties: every property's operator unless it names its own."""

    name: Text = Field(description="The operator's legal name, e.g. Lakeshore Recovery Homes LLC.")
    affiliate: str | None = Field(
        default=None,
        description="The state affiliate that certifies its properties, e.g. AzRHA; a property may name its own.",
    )
    applicant_id: str | None = Field(default=None, description="The affiliate's id for the organization, if any.")


PropertyFolder = Annotated[str, Field(min_length=1)]


class OrganizationManifest(StrictModel):
    """organization.yaml, at the root of an organization folder."""

    organization: Operator
    assessed_on: DateField | None = Field(
        default=None, description="The assessment date of every property that gives none. Default: today."
    )
    properties: list[PropertyFolder] = Field(
        min_length=1,
        description="The property folders, relative to organization.yaml, each with its own residence.yaml.",
    )
    evidence: list[EvidenceEntry] = Field(
        default=[], description="Files serving every property (paths relative to organization.yaml)."
    )
    attestations: list[Attestation] = Field(default=[], description="Attestations signed once for every property.")


_REPLACES = (
    "This property's own evidence for the entry's rules replaces the organization's for them (the "
    "organization's evidence still counts for its other rules). Without it, the two add up."
)


class PropertyEntry(EvidenceEntry):
    """An evidence entry of a property's residence.yaml."""

    replaces_organization: bool = Field(default=False, description=_REPLACES)


class PropertyAttestation(Attestation):
    """An attestation of a property's residence.yaml."""

    replaces_organization: bool = Field(
        default=False, description="This attestation replaces the organization's attestations for the same rule."
    )


class PropertyManifest(StrictModel):
    """A property's residence.yaml: operator and affiliate may be left out (the organization's are used)."""

    residence: Residence
    assessed_on: DateField | None = Field(
        default=None, description="The assessment date; default: the organization's, else today."
    )
    evidence: list[PropertyEntry] = []
    attestations: list[PropertyAttestation] = []
    exceptions: list[RuleException] = []


def shown(path: str, base: str) -> str:
    """``path`` (relative to the organization's root) as seen from ``base``: '' for the organization
    itself, or a property's folder when that property is checked alone (``../policies/x.md``)."""
    return posixpath.relpath(path, base) if base else path


def _joined(folder: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(folder, path)) if path not in ("", ".") else folder


def rebased(problem: Problem, folder: str, base: str) -> Problem:
    """A problem found in ``folder`` (relative to the organization; '' for its root), its file shown from ``base``."""
    if problem.file is None:
        return problem
    return Problem(
        problem.message,
        shown(_joined(folder, problem.file), base),
        problem.line,
        problem.rule,
        problem.field,
        problem.hint,
    )


@dataclass(frozen=True)
class Organization:
    """organization.yaml read and checked, with where its properties are (relative to its root)."""

    folder: Path  # as the user gave it
    root: Path  # resolved
    manifest: OrganizationManifest
    doc: YamlDocument
    properties: tuple[str, ...]  # normalised POSIX paths, in the order listed
    lines: dict[str, int | None]  # the line of organization.yaml listing each property
    unlisted: tuple[str, ...] = ()  # folders holding a residence.yaml that organization.yaml does not list
    nested: dict[str, tuple[str, ...]] = field(default_factory=dict)  # property -> residence.yaml files inside it

    @property
    def name(self) -> str:
        return self.manifest.organization.name

    @property
    def skipped(self) -> frozenset[str]:
        """Folders the shared evidence's walk leaves to their properties."""
        return frozenset((*self.properties, *self.unlisted))

    def field_of(self, rel: str) -> str:
        return f"properties[{self.properties.index(rel)}]"


def _resolved_folder(folder: Path) -> Path:
    try:
        resolved = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        raise NarrError.single("no such folder", file=str(folder), hint="check the path to the folder") from None
    if not resolved.is_dir():
        raise NarrError.single("this is a file, not a folder", file=str(folder), hint="give the organization folder")
    return resolved


def read_organization(folder: Path) -> Organization:
    """organization.yaml validated, its property paths checked (every problem at once, with its line)."""
    root = _resolved_folder(folder)
    path = root / ORGANIZATION
    if not is_organization(root):
        raise NarrError.single(
            f"there is no {ORGANIZATION} in this folder",
            file=str(folder),
            hint=f'create one with: narr-audit init {folder} --organization --name "Your organization"',
        )
    inside_folder(root, path, ORGANIZATION)
    if (root / MANIFEST).exists():
        raise NarrError.single(
            f"this folder has both {ORGANIZATION} and {MANIFEST}; a folder is either an organization or a residence",
            file=MANIFEST,
            hint=f"list the shared evidence in {ORGANIZATION} and move {MANIFEST} into the property's own folder",
        )
    doc = read_yaml(path, display=ORGANIZATION)
    manifest = validate_document(doc, OrganizationManifest, display=ORGANIZATION, owner_keys=("rule",))
    problems: list[Problem] = []
    listed: dict[str, int | None] = {}
    indices: dict[str, int] = {}  # each valid entry's index in properties:, for the field named
    for index, written in enumerate(manifest.properties):
        line = doc.line_of(("properties", index))
        where: dict[str, Any] = {"file": ORGANIZATION, "line": line, "field": f"properties[{index}]"}
        text = written.replace("\\", "/")
        normal = posixpath.normpath(text)
        if PurePosixPath(text).is_absolute() or (len(text) > 1 and text[1] == ":"):
            problems.append(
                Problem(
                    f"'{written}' is an absolute path; a property is a folder inside the organization",
                    **where,
                    hint="give the folder's path relative to organization.yaml, e.g. maple-house",
                )
            )
        elif normal == ".":
            problems.append(
                Problem(
                    "the organization's own folder cannot be one of its properties",
                    **where,
                    hint="give each property a folder of its own, e.g. maple-house",
                )
            )
        elif normal == ".." or normal.startswith("../"):
            problems.append(
                Problem(
                    f"'{written}' leads outside the organization folder; it is refused",
                    **where,
                    hint="move the property's folder inside the organization's",
                )
            )
        elif normal in listed:
            problems.append(Problem(f"'{written}' is listed twice", **where, hint="list each property once"))
        else:
            listed[normal] = line
            indices[normal] = index
    for inner, line in listed.items():
        outer = next((o for o in listed if inner.startswith(o + "/")), None)
        if outer is not None:
            problems.append(
                Problem(
                    f"the property '{inner}' is inside the property '{outer}'; a property cannot hold another",
                    ORGANIZATION,
                    line,
                    field=f"properties[{indices[inner]}]",
                    hint=f"move '{inner}' beside '{outer}' (each property in a folder of its own)",
                )
            )
    problems.extend(_same_folder_twice(root, listed, indices))
    problems.extend(_shared_files_in_properties(manifest, doc, listed))
    if problems:
        raise NarrError(problems)
    unlisted, nested = _residences_under(root, tuple(listed))
    return Organization(folder, root, manifest, doc, tuple(listed), listed, unlisted, nested)


def _same_folder_twice(root: Path, listed: dict[str, int | None], indices: dict[str, int]) -> list[Problem]:
    """Two entries that are one folder (a link to another property): it would be scored twice."""
    seen: dict[Path, str] = {}
    problems = []
    for rel, line in listed.items():
        try:
            resolved = (root / rel).resolve(strict=True)
        except (OSError, RuntimeError):
            continue  # reported with the property
        if resolved in seen:
            problems.append(
                Problem(
                    f"'{rel}' is the same folder as the property '{seen[resolved]}'",
                    ORGANIZATION,
                    line,
                    field=f"properties[{indices[rel]}]",
                    hint="list each property once, by its own folder",
                )
            )
        else:
            seen[resolved] = rel
    return problems


def _shared_files_in_properties(
    manifest: OrganizationManifest, doc: YamlDocument, listed: dict[str, int | None]
) -> list[Problem]:
    """Shared evidence lives outside the property folders: a file there belongs to that property."""
    problems = []
    places: list[tuple[str, tuple[str | int, ...]]] = [
        (e.file, ("evidence", i, "file")) for i, e in enumerate(manifest.evidence)
    ]
    places.extend((a.file, ("attestations", i, "file")) for i, a in enumerate(manifest.attestations) if a.file)
    for written, loc in places:
        normal = posixpath.normpath(written.strip().replace("\\", "/"))
        owner = next((p for p in listed if normal == p or normal.startswith(p + "/")), None)
        if owner is not None:
            problems.append(
                Problem(
                    f"'{written}' is in the property folder '{owner}'; shared evidence lives outside the properties",
                    ORGANIZATION,
                    doc.line_of(loc),
                    field=f"{loc[0]}[{loc[1]}].file",
                    hint=f"map it in {owner}/{MANIFEST}, or move it out of the property folder to share it",
                )
            )
    return problems


def _residences_under(root: Path, listed: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """Folders holding a residence.yaml that are not listed properties: beside them (unlisted), or
    inside one (nested). Hidden folders and links are not followed, as the loader's walk."""
    resolved: dict[Path, str] = {}
    for rel in listed:
        try:
            resolved[(root / rel).resolve(strict=True)] = rel
        except (OSError, RuntimeError):
            continue
    unlisted: list[str] = []
    nested: dict[str, list[str]] = {}
    for current, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(current)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if here == root or MANIFEST not in filenames:
            continue
        rel = here.relative_to(root).as_posix()
        if here.resolve() in resolved or rel in listed:
            continue
        owner = next((p for p in listed if rel.startswith(p + "/")), None)
        if owner is None:  # through a linked property, as its target's own path
            owner = next((resolved[a] for a in here.resolve().parents if a in resolved), None)
        if owner is not None:
            nested.setdefault(owner, []).append(f"{rel}/{MANIFEST}")
        else:
            unlisted.append(rel)
            dirnames[:] = []
    return tuple(unlisted), {k: tuple(v) for k, v in nested.items()}


def peek_operator(root: Path) -> tuple[Operator, list[str]] | None:
    """The operator named by the organization.yaml in ``root`` and the property folders it lists, read
    without checking the rest (`init` of a new property, before organization.yaml lists it); None when
    it cannot be read."""
    try:
        doc = read_yaml(inside_folder(root.resolve(), root / ORGANIZATION, ORGANIZATION), display=ORGANIZATION)
    except NarrError:
        return None
    data = doc.data if isinstance(doc.data, dict) else {}
    try:
        operator = Operator.model_validate(data.get("organization"))
    except ValueError:
        return None
    listed = data.get("properties")
    names = [posixpath.normpath(str(p).replace("\\", "/")) for p in listed] if isinstance(listed, list) else []
    return operator, names


@dataclass(frozen=True)
class PropertySource:
    """A property's residence.yaml, read with what it takes from organization.yaml."""

    organization: Organization
    rel: str  # the property's folder, relative to the organization's root
    source: ManifestFile  # residence.yaml with operator, affiliate and assessed_on filled in
    replaced: dict[str, tuple[int | None, str]]  # rule -> (line, field) of the entry replacing the organization's


def property_problems(org: Organization, rel: str) -> list[Problem]:
    """Why the listed property ``rel`` cannot be read (paths relative to the organization); [] if it can."""
    where: dict[str, Any] = {"file": ORGANIZATION, "line": org.lines.get(rel), "field": org.field_of(rel)}
    path = org.root / rel
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        if path.is_symlink():
            return [Problem(f"the property folder '{rel}' is a link that leads nowhere", **where, hint=_FIX_LINK)]
        return [
            Problem(
                f"the property folder '{rel}' does not exist",
                **where,
                hint="create it with its residence.yaml (narr-audit init), or remove it from properties:",
            )
        ]
    try:
        resolved.relative_to(org.root)
    except ValueError:
        return [
            Problem(
                f"the property folder '{rel}' is a link that leads outside the organization folder; it is refused",
                **where,
                hint=_FIX_LINK,
            )
        ]
    if not resolved.is_dir():
        return [Problem(f"'{rel}' is a file, not a folder", **where, hint="give the property's folder")]
    manifest = resolved / MANIFEST
    if not (manifest.is_symlink() or manifest.exists()):
        return [
            Problem(
                f"the property folder '{rel}' has no {MANIFEST}",
                **where,
                hint=f"create it with: narr-audit init {posixpath.join(org.folder.as_posix(), rel)} "
                '--level II --name "The house"',
            )
        ]
    return [
        Problem(
            f"a property inside the property '{rel}': a property folder cannot hold another",
            inner,
            hint=f"move its folder beside '{rel}' and list it under properties: in {ORGANIZATION}",
        )
        for inner in org.nested.get(rel, ())
    ]


_FIX_LINK = "replace the link with the property's folder itself, inside the organization folder"


def unlisted_problem(rel: str) -> Problem:
    return Problem(
        f"this folder holds a {MANIFEST}, but {ORGANIZATION} does not list it under properties:",
        f"{rel}/{MANIFEST}",
        hint=f"add '- {rel}' under properties: in {ORGANIZATION}, or move the folder out of the organization",
    )


def read_property(org: Organization, rel: str, base: str, folder: Path | None = None) -> PropertySource:
    """The property's residence.yaml, validated, with the organization's operator, affiliate and
    assessment date where it gives none; problems are shown from ``base``. ``folder``: the property's
    folder as the user gave it (default: under the organization's)."""
    problems = property_problems(org, rel)
    if problems:
        raise NarrError([rebased(p, "", base) for p in problems])
    root = (org.root / rel).resolve()
    display = shown(f"{rel}/{MANIFEST}", base)
    path = inside_folder(root, root / MANIFEST, display)
    doc = read_yaml(path, display=display)
    residence = doc.data.get("residence") if isinstance(doc.data, dict) else None
    if isinstance(residence, dict):
        operator = org.manifest.organization
        for key, value in (("operator", operator.name), ("affiliate", operator.affiliate)):
            if key not in residence and value is not None:
                residence[key] = value
    manifest = validate_document(doc, PropertyManifest, display=display, owner_keys=("rule",))
    replaced: dict[str, tuple[int | None, str]] = {}
    for index, entry in enumerate(manifest.evidence):
        if entry.replaces_organization:
            for rule_id in entry.rules:
                line = doc.line_of(("evidence", index, "replaces_organization"))
                replaced.setdefault(normalise_rule_id(rule_id), (line, f"evidence[{index}].replaces_organization"))
    for index, attestation in enumerate(manifest.attestations):
        if attestation.replaces_organization:
            line = doc.line_of(("attestations", index, "replaces_organization"))
            replaced.setdefault(
                normalise_rule_id(attestation.rule), (line, f"attestations[{index}].replaces_organization")
            )
    evidence: list[EvidenceEntry] = list(manifest.evidence)
    attestations: list[Attestation] = list(manifest.attestations)
    plain = Manifest(
        residence=manifest.residence,
        assessed_on=manifest.assessed_on or org.manifest.assessed_on,
        evidence=evidence,
        attestations=attestations,
        exceptions=manifest.exceptions,
    )
    return PropertySource(org, rel, ManifestFile(folder or org.folder / rel, root, plain, doc), replaced)


def find_property(folder: Path) -> PropertySource | None:
    """The property ``folder`` is, when an organization folder above it lists it; None for a residence
    on its own. A folder inside an organization that does not list it is an error, not a residence."""
    above = organization_above(folder)
    if above is None:
        return None  # a residence on its own (or no residence.yaml: the loader says so)
    here = folder.resolve()
    rel_to_org = here.relative_to(above).as_posix()
    up = posixpath.relpath(".", rel_to_org)  # '..' per level: how the property sees the organization's root
    try:
        org = read_organization(above)
    except NarrError as exc:
        raise NarrError([rebased(p, "", rel_to_org) for p in exc.problems]) from None
    for rel in org.properties:
        try:
            if (org.root / rel).resolve(strict=True) == here:
                return read_property(org, rel, rel, folder)
        except (OSError, RuntimeError):
            continue
    owner = next((p for p in org.properties if rel_to_org.startswith(p + "/")), None)
    if owner is not None:
        message = f"this folder is inside the property '{owner}' of an organization; a property cannot hold another"
        hint = f"move it beside '{owner}' and list it under properties: in {ORGANIZATION}"
    else:
        message = f"this folder is inside an organization folder whose {ORGANIZATION} does not list it"
        hint = f"add '- {rel_to_org}' under properties: in {ORGANIZATION}, or move the folder out of the organization"
    raise NarrError.single(message, file=posixpath.join(up, ORGANIZATION), hint=hint)


def load_shared(
    org: Organization,
    *,
    rules: RuleIndex,
    today: date,
    overlays: Sequence[str] = (),
    as_of: date | None = None,
    read_documents: bool = True,
    cache: ExtractionCache | None = None,
) -> Evidence:
    """The organization's own evidence (paths relative to its root), loaded once for all its
    properties; a problem in it is a NarrError naming organization.yaml and its line."""
    operator = org.manifest.organization
    stand_in = Residence(name=operator.name, operator=operator.name, level=Level.I, address="-", beds=1)
    manifest = Manifest(
        residence=stand_in,
        assessed_on=org.manifest.assessed_on,
        evidence=org.manifest.evidence,
        attestations=org.manifest.attestations,
    )
    source = ManifestFile(org.folder, org.root, manifest, org.doc)
    try:
        loaded = load_folder(
            source,
            rules=rules,
            today=today,
            overlays=overlays,
            as_of=as_of,
            read_documents=read_documents,
            cache=cache,
            skip=org.skipped,
        )
    except NarrError as exc:
        raise NarrError([_about_organization(p) for p in exc.problems]) from None
    warnings = [_about_organization(p) for p in loaded.warnings]
    if loaded.plan is not None:
        warnings.append(
            Problem(
                f"{PLAN_FILE} is kept beside each property's {MANIFEST}; this one is not read",
                PLAN_FILE,
                hint=f"run narr-audit plan on each property folder, and delete this {PLAN_FILE}",
            )
        )
    return loaded.model_copy(
        update={
            "warnings": warnings,
            "unmapped": [p for p in loaded.unmapped if p not in _OWN_FILES],
            "plan": None,
        }
    )


def _about_organization(problem: Problem) -> Problem:
    """The loader names residence.yaml; for the shared evidence the file is organization.yaml."""
    if problem.file != MANIFEST:
        return problem
    return Problem(
        problem.message.replace(MANIFEST, ORGANIZATION),
        ORGANIZATION,
        problem.line,
        problem.rule,
        problem.field,
        None if problem.hint is None else problem.hint.replace(MANIFEST, ORGANIZATION),
    )


@dataclass(frozen=True)
class Places:
    """Where a property's findings point, as seen from the folder the command was given: what the
    engine calls residence.yaml is the property's, unless only organization.yaml names the rule."""

    folder: str  # the property's folder, relative to the organization
    base: str  # '' (paths relative to the organization) or the property's folder (checked alone)
    manifest: str
    organization: str
    plan: str
    own_lines: dict[str, int]
    shared_lines: dict[str, int]
    shared_evidence_line: int | None
    own_rules: frozenset[str]  # rules the property maps evidence of its own to (documents, attestations)


def inherit(
    own: Evidence, shared: Evidence, prop: PropertySource, *, base: str, folder: str, shared_notes: bool
) -> tuple[Evidence, Places]:
    """The property's evidence with the organization's added: its documents and attestations (but
    for the rules the property replaces), and its roster when the property keeps none. Paths are
    shown from ``base``; ``shared_notes`` adds the organization's warnings (a property checked alone)."""
    rel = prop.rel

    def mine(path: str) -> str:
        return shown(_joined(rel, path), base)

    def theirs(path: str) -> str:
        return shown(path, base)

    offered = {r for d in shared.documents for r in d.rules}
    offered |= {normalise_rule_id(a.rule) for a in shared.manifest.attestations}
    manifest_shown = mine(MANIFEST)
    problems = [
        Problem(
            f"replaces_organization: the organization has no evidence for {rule_id} to replace",
            manifest_shown,
            line,
            rule=rule_id,
            field=field_name,
            hint="remove replaces_organization (this property's evidence adds to the organization's anyway)",
        )
        for rule_id, (line, field_name) in prop.replaced.items()
        if rule_id not in offered
    ]
    replaced = set(prop.replaced)
    shared_attestations = [
        (index, a) for index, a in enumerate(shared.manifest.attestations) if normalise_rule_id(a.rule) not in replaced
    ]
    for index, attestation in shared_attestations:
        if attestation.date > own.assessed_on:
            problems.append(
                Problem(
                    f"the attestation is dated {attestation.date}, after this property's assessment date "
                    f"{own.assessed_on}",
                    theirs(ORGANIZATION),
                    prop.organization.doc.line_of(("attestations", index, "date")),
                    rule=attestation.rule,
                    field=f"attestations[{index}].date",
                    hint=f"correct the date it was signed, or the assessment date in {manifest_shown}",
                )
            )
    if problems:
        raise NarrError(problems)
    documents = [d.model_copy(update={"path": mine(d.path)}) for d in own.documents]
    for document in shared.documents:
        kept = [r for r in document.rules if r not in replaced]
        if kept:
            documents.append(document.model_copy(update={"path": theirs(document.path), "rules": kept}))
    documents.sort(key=lambda d: d.path)
    attestations = [a.model_copy(update={"file": mine(a.file)}) if a.file else a for a in own.manifest.attestations]
    attestations.extend(a.model_copy(update={"file": theirs(a.file or ORGANIZATION)}) for _, a in shared_attestations)
    entries = [e.model_copy(update={"file": mine(e.file)}) for e in own.manifest.evidence]
    for entry in shared.manifest.evidence:
        kept = [r for r in entry.rules if normalise_rule_id(r) not in replaced]
        if kept:
            entries.append(entry.model_copy(update={"file": theirs(entry.file), "rules": kept}))
    manifest = own.manifest.model_copy(update={"evidence": entries, "attestations": attestations})
    roster = own.roster or shared.roster
    if roster is not None:
        roster = roster.model_copy(update={"file": mine(roster.file) if own.roster else theirs(roster.file)})
    warnings = [rebased(w, rel, base) for w in own.warnings]
    if shared_notes:
        warnings.extend(rebased(w, "", base) for w in shared.warnings)
    evidence = own.model_copy(
        update={
            "folder": folder,
            "manifest": manifest,
            "documents": documents,
            "unmapped": [mine(p) for p in own.unmapped],
            "warnings": warnings,
            "roster": roster,
        }
    )
    own_rules = _named(own.documents, own.manifest.attestations)
    places = Places(
        folder=rel,
        base=base,
        manifest=manifest_shown,
        organization=theirs(ORGANIZATION),
        plan=mine(PLAN_FILE),
        own_lines=dict(own.rule_lines),
        shared_lines={r: n for r, n in shared.rule_lines.items() if r not in replaced},
        shared_evidence_line=shared.evidence_line,
        own_rules=frozenset(own_rules),
    )
    return evidence, places


@dataclass(frozen=True)
class ValidatedProperty:
    folder: str
    evidence: Evidence | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class ValidatedOrganization:
    """`validate` on an organization folder: the shared evidence and each property, with every problem."""

    organization: Organization
    shared: Evidence
    warnings: tuple[Problem, ...]
    properties: tuple[ValidatedProperty, ...]

    @property
    def problems(self) -> list[Problem]:
        return [p for prop in self.properties for p in prop.problems]


def _named(documents: Iterable[Document], attestations: Iterable[Attestation]) -> set[str]:
    found = {r for d in documents for r in d.rules}
    found |= {normalise_rule_id(a.rule) for a in attestations}
    return found


def load_property(
    prop: PropertySource,
    *,
    own: Evidence,
    rules: RuleIndex,
    today: date,
    overlays: Sequence[str] = (),
    as_of: date | None = None,
    read_documents: bool = True,
    cache: ExtractionCache | None = None,
) -> tuple[Evidence, Places]:
    """A property checked alone: its evidence (``own``, as the loader read it) with the organization's,
    every path as seen from the property's folder."""
    org = prop.organization
    try:
        shared = load_shared(
            org, rules=rules, today=today, overlays=overlays, as_of=as_of, read_documents=read_documents, cache=cache
        )
    except NarrError as exc:
        raise NarrError([rebased(p, "", prop.rel) for p in exc.problems]) from None
    return inherit(own, shared, prop, base=prop.rel, folder=own.folder, shared_notes=True)


# The JSON Schemas of organization.yaml and of a property's residence.yaml (`narr-audit schema`).


def organization_schema() -> dict[str, Any]:
    from narr_audit.evidence.schema import SCHEMA_DIALECT, manifest_schema

    schema = OrganizationManifest.model_json_schema()
    _shared_defs(schema, manifest_schema())
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "narr-audit organization.yaml",
        "description": "An organization folder's manifest: the operator, its properties and the evidence they "
        "share. See docs/evidence-format.md.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def property_schema() -> dict[str, Any]:
    """A property's residence.yaml: as a residence's, with operator optional and replaces_organization."""
    from narr_audit.evidence.schema import SCHEMA_DIALECT, manifest_schema

    schema = PropertyManifest.model_json_schema()
    _shared_defs(schema, manifest_schema())
    residence = schema["$defs"]["Residence"]
    residence["required"] = [r for r in residence.get("required", []) if r != "operator"]
    residence["properties"]["operator"]["description"] = (
        "The organisation that runs it; default: the organization's name in ../organization.yaml."
    )
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "narr-audit residence.yaml of a property in an organization folder",
        "description": "A property's manifest; it inherits the organization's evidence. See docs/evidence-format.md.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def _shared_defs(schema: dict[str, Any], residence: dict[str, Any]) -> None:
    """The accepted spellings residence.schema.json declares (levels as 1-4, a single rule id, dates)."""
    defs = schema["$defs"]
    for name, definition in residence["$defs"].items():
        if name in defs:
            defs[name] = {**definition}
    for name, base_name in (("PropertyEntry", "EvidenceEntry"), ("PropertyAttestation", "Attestation")):
        if name in defs and base_name in residence["$defs"]:
            own = defs[name]["properties"]["replaces_organization"]
            merged = {**residence["$defs"][base_name]}
            merged["properties"] = {**merged["properties"], "replaces_organization": own}
            merged["description"] = defs[name].get("description", merged.get("description"))
            merged["title"] = name
            defs[name] = merged
    if "Residence" in defs:
        defs["Residence"] = {**defs["Residence"], "properties": {**defs["Residence"]["properties"]}}
        defs["Residence"]["required"] = list(defs["Residence"].get("required", []))


def schema_json(schema: dict[str, Any]) -> str:
    import json

    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "ORGANIZATION",
    "ORGANIZATION_SCHEMA_FILE",
    "Organization",
    "OrganizationManifest",
    "Places",
    "PropertyManifest",
    "PropertySource",
    "ValidatedOrganization",
    "ValidatedProperty",
    "find_organization",
    "find_property",
    "inherit",
    "is_organization",
    "load_property",
    "load_shared",
    "organization_schema",
    "peek_operator",
    "property_problems",
    "property_schema",
    "read_organization",
    "read_property",
    "rebased",
    "shown",
    "unlisted_problem",
]
