"""The library's front door: what the CLI (and any script) calls."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from narr_audit.base.errors import NarrError, Problem

# Everything else is imported where it is used: a command loads only what it needs (start-up time).
if TYPE_CHECKING:
    from pydantic import BaseModel

    from narr_audit.base.levels import Level
    from narr_audit.evidence.organization import ValidatedOrganization
    from narr_audit.evidence.suggestions import FileSuggestions
    from narr_audit.results.comparison import Comparison
    from narr_audit.results.due import DueList
    from narr_audit.results.levelfit import LevelFitList
    from narr_audit.results.organization import OrganizationReport
    from narr_audit.results.pack import Verification
    from narr_audit.results.privacy import PrivacyScan
    from narr_audit.results.report import Report
    from narr_audit.standards.catalog import Checklist, Explanation, RuleEntry
    from narr_audit.standards.model import Rulebook
    from narr_audit.workflows.audit import Loaded
    from narr_audit.workflows.pack import Packed
    from narr_audit.workflows.plan import PlanUpdate
    from narr_audit.workflows.precommit import HookResult
    from narr_audit.workflows.privacy import Redacted

__all__ = [
    "audit",
    "audit_organization",
    "cache_folder",
    "diff_reports",
    "due_list",
    "explain",
    "init_folder",
    "init_organization",
    "is_organization",
    "level_checklist",
    "level_fit",
    "list_rules",
    "load_evidence",
    "load_rulebook",
    "manifest_schema_json",
    "map_folder",
    "organization_above",
    "organization_report_schema_json",
    "organization_schema_json",
    "pack_folder",
    "plan_folder",
    "privacy_scan",
    "property_schema_json",
    "read_photos_soon",
    "redact_logs",
    "refuse_output_inside",
    "report_schema_json",
    "unlisted_property",
    "validate_files",
    "validate_organization",
    "verify_pack",
    "visit_checklist",
]


def load_rulebook(overlays: Sequence[str] = (), *, cache_dir: Path | None = None) -> Rulebook:
    """NARR 3.0 with the given overlays applied in order (paths, or ids of shipped overlays)."""
    from narr_audit.standards.loader import load_rulebook as load

    return load(overlays, cache_dir=cache_dir)


def list_rules(
    overlays: Sequence[str] = (),
    *,
    level: Level | None = None,
    domain: str | None = None,
    principle: str | None = None,
) -> tuple[Rulebook, list[RuleEntry]]:
    from narr_audit.standards.catalog import select

    book = load_rulebook(overlays)
    return book, select(book, level=level, domain=domain, principle=principle)


def explain(rule_id: str, overlays: Sequence[str] = ()) -> tuple[Rulebook, Explanation]:
    from narr_audit.standards.catalog import find_rule

    book = load_rulebook(overlays)
    return book, find_rule(book, rule_id)


def level_checklist(level: Level, overlays: Sequence[str] = ()) -> Checklist:
    from narr_audit.standards.catalog import checklist

    return checklist(load_rulebook(overlays), level)


def load_evidence(
    folder: Path,
    *,
    today: date | None = None,
    overlays: Sequence[str] = (),
    level: Level | None = None,
    as_of: date | None = None,
    cache: Path | None = None,
    read_unmapped: bool = True,
) -> Loaded:
    """A checked evidence folder and the rules in force for it (NARR 3.0, its affiliate, overlays).

    ``cache`` is a folder where extracted document text is kept between runs (None: no cache).
    ``read_unmapped`` False lists the files no rule maps without reading them (what `validate` reports);
    the evidence then has no ``unmapped_documents`` for a check to look through.
    """
    from narr_audit.evidence.cache import ExtractionCache
    from narr_audit.workflows.audit import load_evidence as load

    return load(
        folder,
        today=today or date.today(),
        overlays=overlays,
        level=level,
        as_of=as_of,
        cache=ExtractionCache(cache) if cache is not None else None,
        read_unmapped=read_unmapped,
    )


def validate_files(
    files: Sequence[str | Path],
    *,
    overlays: Sequence[str] = (),
    today: date | None = None,
    cache: Path | None = None,
) -> HookResult:
    """The pre-commit hook's check: the evidence folder of each changed file validated once, and the
    `narr:` front matter of changed Markdown or text files that sit in no evidence folder.

    ``cache`` is a folder where extracted text and the compiled rulebook are kept between runs
    (None: no cache); it is not used for a folder it would sit inside."""
    from narr_audit.workflows.precommit import check_files

    return check_files(files, overlays=overlays, today=today, cache=cache)


def manifest_schema_json() -> str:
    from narr_audit.evidence.schema import manifest_schema_json as render

    return render()


def visit_checklist(
    folder: Path,
    *,
    fmt: str = "markdown",
    level: Level | None = None,
    overlays: Sequence[str] = (),
    template_dir: Path | None = None,
) -> str:
    """The printable site-visit checklist of one applicant (markdown or html), or its review.yaml form."""
    from narr_audit.formats.templating import render
    from narr_audit.workflows.audit import load_evidence as load
    from narr_audit.workflows.visit import visit_checklist as build

    # The checklist needs the rules and the attestations, not the documents' text: do not extract it.
    loaded = load(folder, today=date.today(), overlays=overlays, level=level, read_documents=False)
    template = {"markdown": "visit-checklist.md.j2", "html": "visit-checklist.html.j2", "review-yaml": "review.yaml.j2"}
    return render(template[fmt], template_dir, v=build(loaded))


def refuse_output_inside(folders: Sequence[Path], output: Path, option: str) -> None:
    """narr-audit only reads evidence folders (init and map --write aside): a report written into one
    would also show up as an unmapped file on the next run. Raises NarrError when ``output`` is inside."""
    from narr_audit.base.errors import NarrError

    target = output.resolve()
    for folder in folders:
        root = folder.resolve()
        if target == root or root in target.parents:
            raise NarrError.single(
                f"this would write into the evidence folder {folder}, which narr-audit only reads",
                file=str(output),
                field=option,
                hint=f"write it outside the folder, e.g. {option} {Path('..') / output.name}",
            )


def report_schema_json() -> str:
    """The JSON Schema of `check --format json` (schemas/report.schema.json in the repository)."""
    from narr_audit.results.report import SCHEMA_VERSION, Report

    return _report_schema(
        Report,
        f"narr-audit report, schema_version {SCHEMA_VERSION}",
        "The JSON report of `narr-audit check --format json`. See README.md.",
    )


def _report_schema(model: type[BaseModel], title: str, description: str) -> str:
    """A report model's JSON Schema (as serialised) under the given title and description."""
    import json

    schema = model.model_json_schema(mode="serialization")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": description,
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def init_folder(
    folder: Path,
    *,
    level: Level,
    name: str,
    operator: str,
    address: str,
    beds: int,
    affiliate: str | None = None,
    today: date | None = None,
) -> list[Path]:
    from narr_audit.evidence.organization import ORGANIZATION
    from narr_audit.workflows import scaffold

    if (folder / ORGANIZATION).exists():
        raise NarrError.single(
            f"this folder is an organization ({ORGANIZATION}); a folder is either a residence or an organization",
            file=str(folder),
            hint="start each property in a folder of its own inside it, e.g. narr-audit init ORG/maple-house",
        )
    organization = _organization_of_new(folder)  # a new property of an organization folder above it
    if organization is not None:
        affiliate = affiliate or organization[1]
    overlays = []
    if affiliate:
        from narr_audit.standards.overlay import overlay_for_affiliate

        found = overlay_for_affiliate(affiliate)
        overlays = [found] if found else []
    plan = scaffold.plan(
        load_rulebook(overlays),
        level=level,
        name=name,
        operator=operator,
        address=address,
        beds=beds,
        affiliate=affiliate,
        today=today or date.today(),
        organization=organization[0] if organization else None,
        organization_file=organization[2] if organization else "../organization.yaml",
    )
    return scaffold.write(folder, plan)


def _organization_of_new(folder: Path) -> tuple[str, str | None, str] | None:
    """For a folder about to be created: the name and affiliate of the organization above it, and its
    organization.yaml as seen from the folder; None when there is none (or it cannot be read)."""
    import posixpath

    from narr_audit.evidence.organization import ORGANIZATION, find_organization, peek_operator

    above = find_organization(folder)
    found = peek_operator(above) if above is not None else None
    if above is None or found is None:
        return None
    rel = folder.resolve().relative_to(above).as_posix()
    return found[0].name, found[0].affiliate, posixpath.join(posixpath.relpath(".", rel), ORGANIZATION)


def unlisted_property(folder: Path) -> tuple[Path, str] | None:
    """When ``folder`` is inside an organization folder whose organization.yaml does not list it yet:
    that organization.yaml and the entry to add under properties: (what `init` says to do next)."""
    from narr_audit.evidence.organization import ORGANIZATION, find_organization, peek_operator

    above = find_organization(folder)
    found = peek_operator(above) if above is not None else None
    if above is None or found is None:
        return None
    rel = folder.resolve().relative_to(above).as_posix()
    if rel in found[1]:
        return None
    return above / ORGANIZATION, rel


def init_organization(
    folder: Path, *, name: str, affiliate: str | None = None, applicant_id: str | None = None, today: date | None = None
) -> list[Path]:
    """Start an organization folder: organization.yaml (the operator, its properties and the evidence
    they share), its JSON Schema, policies/ and attestations/, and a README. Never overwrites a file."""
    from narr_audit.evidence.model import MANIFEST
    from narr_audit.workflows import scaffold

    if (folder / MANIFEST).exists():
        raise NarrError.single(
            f"this folder is a residence (it has {MANIFEST}); a folder is either a residence or an organization",
            file=str(folder),
            hint="start the organization in a new folder, and move the residence into it as a property",
        )
    plan = scaffold.plan_organization(
        name=name, affiliate=affiliate, applicant_id=applicant_id, today=today or date.today()
    )
    return scaffold.write(folder, plan)


def organization_above(folder: Path | str) -> list[Path]:
    """The organization folder holding ``folder`` (a property), as a list of one; [] for a residence on
    its own. Output must not be written there either: it would be read as shared evidence."""
    from narr_audit.evidence.orgfolder import find_organization

    found = find_organization(Path(folder))
    return [found] if found is not None else []


def cache_folder(*, no_cache: bool = False, cache_dir: Path | str | None = None) -> Path | None:
    """The extraction cache a command uses: none with ``no_cache``, else ``cache_dir``, else the user's
    cache folder ($NARR_AUDIT_CACHE_DIR, XDG); None when there is no home folder to keep one in."""
    if no_cache:
        return None
    if cache_dir is not None:
        return Path(cache_dir)
    from narr_audit.evidence.cache import default_cache_dir

    try:
        return default_cache_dir()
    except (RuntimeError, KeyError):  # no home folder to keep a cache in: run without one
        return None


def read_photos_soon(folder: Path | str, *, cache: Path | None = None) -> None:
    """Start reading the folder's photos by OCR in the background, before the rest of the program
    loads (Tesseract on another core); the audit that follows finds them read. Changes how soon,
    never what: see evidence.early."""
    from narr_audit.evidence.early import read_photos_soon as start

    start(Path(folder), cache)


def is_organization(folder: Path | str) -> bool:
    """True when ``folder`` is an organization folder (it holds an organization.yaml)."""
    from narr_audit.evidence.orgfolder import is_organization as found

    return found(Path(folder))


def audit_organization(
    folder: Path | str,
    *,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    today: date | None = None,
    cache: Path | None = None,
) -> OrganizationReport:
    """Every property of an organization folder scored at its own level (``level``: all at that one),
    with the evidence the organization shares (read once for all of them): one Report per property in
    ``properties``, and the organization-wide facts: the gaps the shared evidence causes, each once
    with every property it blocks, the pooled score and verdict, the shared documents. A property
    that cannot be read is reported (verdict unreadable, with its problems) while the others are
    scored. Raises NarrError when organization.yaml or the shared evidence has a problem."""
    from narr_audit.workflows.organization import audit_organization as run

    return run(Path(folder), today=today or date.today(), level=level, as_of=as_of, overlays=overlays, cache=cache)


def validate_organization(
    folder: Path | str,
    *,
    overlays: Sequence[str] = (),
    as_of: date | None = None,
    today: date | None = None,
    cache: Path | None = None,
) -> ValidatedOrganization:
    """The whole organization tree checked without scoring: organization.yaml, the shared evidence and
    every property; ``.problems`` names the file (and line) of each problem of every property. Raises
    NarrError when organization.yaml or the shared evidence has a problem."""
    from narr_audit.workflows.organization import validate_organization as run

    return run(Path(folder), today=today or date.today(), as_of=as_of, overlays=overlays, cache=cache)


def organization_schema_json() -> str:
    """The JSON Schema of organization.yaml (schemas/organization.schema.json in the repository)."""
    from narr_audit.evidence.organization import organization_schema, schema_json

    return schema_json(organization_schema())


def property_schema_json() -> str:
    """The JSON Schema of a property's residence.yaml (operator and affiliate optional; replaces_organization)."""
    from narr_audit.evidence.organization import property_schema, schema_json

    return schema_json(property_schema())


def organization_report_schema_json() -> str:
    """The JSON Schema of `check --format json` on an organization folder (schema_version 1.3)."""
    from narr_audit.results.organization import ORGANIZATION_SCHEMA_VERSION, OrganizationReport

    return _report_schema(
        OrganizationReport,
        f"narr-audit organization report, schema_version {ORGANIZATION_SCHEMA_VERSION}",
        "The JSON report of `narr-audit check ORG --format json`. See README.md.",
    )


def map_folder(
    folder: Path, *, overlays: Sequence[str] = (), min_score: float | None = None, write: bool = False
) -> tuple[list[FileSuggestions], int]:
    """Suggestions for the folder's unmapped files; with ``write``, also added to residence.yaml."""
    from narr_audit.workflows import mapping
    from narr_audit.workflows.audit import load_evidence as load

    loaded = load(folder, today=date.today(), overlays=overlays, read_documents=False)
    found = mapping.suggest_for(
        folder,
        loaded.evidence.unmapped,
        loaded.rulebook,
        min_score=mapping.MIN_SCORE if min_score is None else min_score,
    )
    written = mapping.write_suggestions(folder, found) if write else 0
    return found, written


def audit(
    folder: Path | str,
    *,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    today: date | None = None,
    cache: Path | None = None,
    review: Path | None = None,
    level_fit: bool = False,
    jobs: int | None = 1,
) -> Report:
    """Evaluate every rule in force against an evidence folder; the report every format renders.

    ``today`` is the report's generation date and the default assessment date (when residence.yaml
    has no ``assessed_on`` and no ``as_of`` is given): the same folder and date give the same report.
    ``review`` is a reviewer's review.yaml (default: review.yaml in the folder, when there is one).
    ``level_fit`` adds the report's ``level_fit`` section (which level the evidence supports).
    ``jobs``: processes reading the documents (1, the default: this one alone; None: two where the
    machine has two cores and it is safe to fork, see workflows.share); the report is the same.
    Raises NarrError (with every problem found) when the folder or the review cannot be loaded.
    """
    from narr_audit.workflows.audit import audit as run

    return run(
        Path(folder),
        today=today or date.today(),
        level=level,
        as_of=as_of,
        overlays=overlays,
        cache=cache,
        review=review,
        level_fit=level_fit,
        jobs=jobs,
    )


def level_fit(
    folder: Path | str,
    *,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    today: date | None = None,
    cache: Path | None = None,
    review: Path | None = None,
) -> LevelFitList:
    """Which level of support the evidence supports: for each of Levels I-IV, how many of its required
    rules are met; the highest level fully supported; the claimed level's gaps (``level``: measured
    against that level instead of residence.yaml's); what the next level up would add. The folder is
    read once and the engine run at each level. For an organization folder, every property's fit (the
    shared evidence read once; a property that cannot be read is listed with its problems). Raises
    NarrError when the folder, or an organization's shared evidence, cannot be read."""
    from narr_audit.workflows.level import level_fits

    return level_fits(
        Path(folder),
        today=today or date.today(),
        level=level,
        as_of=as_of,
        overlays=overlays,
        cache=cache,
        review=review,
    )


def diff_reports(old: Path | str, new: Path | str) -> Comparison:
    """What changed between two JSON reports of `check`: newly failing, fixed, changed, added, retired
    and expired, with the score and verdict of each. Raises NarrError naming each file that cannot be
    read as a report (both, when both are broken)."""
    from narr_audit.results.comparison import compare, load_report

    loaded: list[Report] = []
    problems: list[Problem] = []
    for path in (old, new):
        try:
            loaded.append(load_report(path))
        except NarrError as exc:
            problems.extend(exc.problems)
    if problems:
        raise NarrError(problems)
    return compare(loaded[0], loaded[1]).with_files(str(old), str(new))


def pack_folder(
    folder: Path | str,
    output: Path | str,
    *,
    profile: str = "generic",
    include: Sequence[str] = (),
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    today: date | None = None,
    cache: Path | None = None,
    ocr: bool = True,
) -> Packed:
    """Write the submission pack of an evidence folder to ``output`` (a .zip outside the folder), in
    the format of ``profile`` (a shipped id or a profile file). The privacy guard runs first: a file
    holding resident data stops the pack unless it is named in ``include``. Raises NarrError listing
    everything that stops it; the same folder and date give the same bytes."""
    from narr_audit.evidence.organization import find_organization
    from narr_audit.workflows.pack import PackOptions, build_pack

    if find_organization(Path(folder)) is not None:  # its shared files live outside the folder packed
        raise NarrError.single(
            "pack does not yet take a property of an organization folder: its shared evidence lies outside it",
            file=str(folder),
            hint="check the property with narr-audit check, and send the affiliate the organization's files too",
        )
    options = PackOptions(
        today=today or date.today(),
        profile=profile,
        include=tuple(include),
        level=level,
        as_of=as_of,
        overlays=tuple(overlays),
        cache=cache,
        ocr=ocr,
    )
    return build_pack(Path(folder), Path(output), options)


def verify_pack(pack: Path | str, *, profile: str | None = None) -> Verification:
    """A certifying body's check of a pack: hashes, nothing added or missing, the profile's limits
    (``profile``, else the pack's own) and a re-check to the same verdict and score. Raises NarrError
    when the file is not a pack, or is unsafe to open (a zip bomb, an entry leading out of it)."""
    from narr_audit.workflows.pack import verify_pack as verify

    return verify(Path(pack), profile=profile)


def privacy_scan(folder: Path | str, *, ocr: bool = True, cache: Path | None = None) -> PrivacyScan:
    """Resident data in every file of a folder: each finding by place, kind and masked form.
    ``cache`` keeps extracted text and OCR results between runs (None: no cache)."""
    from narr_audit.evidence.cache import ExtractionCache
    from narr_audit.workflows.privacy import scan_folder

    path = Path(folder)
    if not path.is_dir():
        raise NarrError.single(
            "no such folder" if not path.exists() else "this is a file, not a folder",
            file=str(folder),
            hint="give the evidence folder (the one holding residence.yaml)",
        )
    return scan_folder(path, ocr=ocr, cache=ExtractionCache(cache) if cache is not None else None)


def redact_logs(folder: Path | str, out: Path | str, scan: PrivacyScan) -> Redacted:
    """Redacted copies of the logs with findings, written under ``out`` (never inside the folder)."""
    from narr_audit.workflows.privacy import redact_to

    refuse_output_inside([Path(folder)], Path(out), "--redact-to")
    return redact_to(Path(folder), Path(out), scan)


def due_list(
    folders: Sequence[Path | str],
    *,
    within: int = 90,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    level: Level | None = None,
    today: date | None = None,
    cache: Path | None = None,
) -> DueList:
    """Everything that expires or falls due within ``within`` days of each folder's as-of date
    (``as_of``, else its assessed_on, else today), overdue items included, soonest first: documents,
    exceptions, attestations, the next entry each log needs, staff items per person, plan items.
    Raises NarrError when a folder cannot be loaded."""
    from narr_audit.workflows.due import due_list as build

    return build(
        [Path(f) for f in folders],
        today=today or date.today(),
        within=within,
        as_of=as_of,
        overlays=overlays,
        level=level,
        cache=cache,
    )


def plan_folder(
    folder: Path | str,
    *,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    today: date | None = None,
    cache: Path | None = None,
    review: Path | None = None,
) -> PlanUpdate:
    """Write or update plan.yaml (the corrective action plan) beside residence.yaml from the folder's
    current gaps: new gaps are added with an owner and a due date (the affiliate's deadline, else 30
    days after the site visit or the assessment), gaps that are gone are marked done, and everything
    the operator wrote is kept. Raises NarrError when the folder cannot be audited or plan.yaml
    cannot be written (a link, read-only, changed meanwhile)."""
    from narr_audit.workflows.plan import update_plan

    return update_plan(
        Path(folder),
        today=today or date.today(),
        level=level,
        as_of=as_of,
        overlays=overlays,
        cache=cache,
        review=review,
    )
