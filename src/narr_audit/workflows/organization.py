"""Audit, validate and list what falls due for an organization folder: every property, sharing one load.

An organization's shared evidence (its policies and manuals, the roster, attestations signed once)
is loaded once per set of rules in force and handed to every property, so a 40-document manual
set is read, extracted and analysed once however many houses it serves (:class:`Session`). Each
property is then loaded, merged with the shared evidence and audited at its own level; one whose
folder cannot be read becomes a row that says why, and the others are still scored (as batch does
with an applicant). A problem in the shared evidence stops everything: no property would be scored
right. Paths in everything returned are relative to the organization folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from narr_audit import __version__
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.levels import Level
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.loader import ManifestFile, load_folder
from narr_audit.evidence.model import REVIEW_FILE, Document, Evidence, Manifest, Residence
from narr_audit.evidence.organization import (
    ORGANIZATION,
    Organization,
    Places,
    PropertySource,
    ValidatedOrganization,
    ValidatedProperty,
    inherit,
    load_shared,
    property_problems,
    read_organization,
    read_property,
    rebased,
    shown,
    unlisted_problem,
)
from narr_audit.results.organization import (
    OrganizationInfo,
    OrganizationReport,
    PropertyOutcome,
    build,
    relocate,
)
from narr_audit.results.report import DocumentInfo, Notice
from narr_audit.workflows.audit import Loaded, overlays_in_force

if TYPE_CHECKING:
    from narr_audit.standards.model import Rulebook


@dataclass
class Session:
    """One organization, read once: its rulebooks and its shared evidence, kept for every property."""

    org: Organization
    today: date
    level: Level | None = None
    as_of: date | None = None
    overlays: Sequence[str] = ()
    cache: ExtractionCache | None = None
    read_documents: bool = True
    _shared: dict[tuple[str, ...], Evidence] = field(default_factory=dict)
    loaded_shared: int = 0  # how many times the shared evidence was read (once per set of rules in force)

    def rulebook(self, in_force: Sequence[str]) -> Rulebook:
        from narr_audit.standards.loader import load_rulebook  # remembered within the process

        return load_rulebook(in_force, cache_dir=self.cache.root if self.cache is not None else None)

    def organization_rules(self) -> tuple[list[str], list[Problem]]:
        """The rules in force for the organization's own evidence: its affiliate's overlay and those asked for."""
        operator = self.org.manifest.organization
        stand_in = Residence(name=operator.name, operator=operator.name, level=Level.I, address="-", beds=1)
        affiliate = stand_in.model_copy(update={"affiliate": operator.affiliate})
        source = ManifestFile(self.org.folder, self.org.root, Manifest(residence=affiliate), self.org.doc)
        in_force, warnings = overlays_in_force(source, self.overlays)
        line = self.org.doc.line_of(("organization", "affiliate"))
        moved = [
            Problem(w.message, ORGANIZATION, line, w.rule, "organization.affiliate", w.hint)
            if w.field == "residence.affiliate"
            else w
            for w in warnings
        ]
        return in_force, moved

    def shared(self, in_force: Sequence[str]) -> Evidence:
        """The shared evidence checked against these rules in force, read the first time it is asked for."""
        key = tuple(in_force)
        if key not in self._shared:
            book = self.rulebook(in_force)
            self._shared[key] = load_shared(
                self.org,
                rules=book.index(),
                today=self.today,
                overlays=book.overlays,
                as_of=self.as_of,
                read_documents=self.read_documents,
                cache=self.cache,
            )
            self.loaded_shared += 1
        return self._shared[key]

    def load(self, rel: str) -> tuple[PropertySource, Loaded, Places]:
        """One property with the shared evidence, paths relative to the organization; a NarrError
        (files named from the organization folder) when it cannot be read."""
        problems = property_problems(self.org, rel) if rel in self.org.properties else [unlisted_problem(rel)]
        if problems:
            raise NarrError(problems)
        prop = read_property(self.org, rel, "")
        in_force, warnings = overlays_in_force(prop.source, self.overlays)
        book = self.rulebook(in_force)
        try:
            shared = self.shared(in_force)
        except NarrError as exc:  # only when the property's rules differ from the organization's
            raise NarrError([_for_property(p, rel) for p in exc.problems]) from None
        try:
            own = load_folder(
                prop.source,
                rules=book.index(),
                today=self.today,
                overlays=book.overlays,
                warnings=warnings,
                level=self.level,
                as_of=self.as_of,
                read_documents=self.read_documents,
                cache=self.cache,
            )
        except NarrError as exc:
            raise NarrError([rebased(p, rel, "") for p in exc.problems]) from None
        evidence, places = inherit(own, shared, prop, base="", folder=str(self.org.folder), shared_notes=False)
        return prop, Loaded(evidence, book, places), places

    def folders(self) -> tuple[str, ...]:
        """The listed properties, then folders holding a residence.yaml that organization.yaml does not list."""
        return (*self.org.properties, *self.org.unlisted)


def _for_property(problem: Problem, rel: str) -> Problem:
    return Problem(
        f"{problem.message} (with the rules in force for {rel})",
        problem.file,
        problem.line,
        problem.rule,
        problem.field,
        problem.hint,
    )


def _session(
    folder: Path,
    *,
    today: date,
    level: Level | None,
    as_of: date | None,
    overlays: Sequence[str],
    cache: Path | None,
    read_documents: bool = True,
) -> tuple[Session, Evidence, list[Problem]]:
    """The organization read and its shared evidence loaded (a NarrError stops everything)."""
    org = read_organization(folder)
    extracted = ExtractionCache(cache) if cache is not None else None
    if extracted is not None and extracted.inside(org.root):
        extracted = None  # never write into an evidence folder
    session = Session(org, today, level, as_of, tuple(overlays), extracted, read_documents)
    in_force, warnings = session.organization_rules()
    return session, session.shared(in_force), warnings


def audit_organization(
    folder: Path,
    *,
    today: date,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    cache: Path | None = None,
    on_property: Callable[[str], None] | None = None,
) -> OrganizationReport:
    """Every property scored at its own level (``level``: all at that one) with the shared evidence;
    a property that cannot be read is reported as such while the others are scored. Raises NarrError
    when organization.yaml or the shared evidence has a problem."""
    from narr_audit.checks.analysis_cache import AnalysisCache
    from narr_audit.checks.recognise import stored_in
    from narr_audit.engine import audit as run
    from narr_audit.evidence.review import load_review

    session, shared, org_warnings = _session(
        folder, today=today, level=level, as_of=as_of, overlays=overlays, cache=cache
    )
    org = session.org
    outcomes: list[PropertyOutcome] = []
    store = AnalysisCache(session.cache.root) if session.cache is not None else None
    with stored_in(store):
        for rel in session.folders():
            try:
                _, loaded, places = session.load(rel)
                findings = None
                candidate = org.root / rel / REVIEW_FILE
                if candidate.is_symlink() or candidate.is_file():
                    display = shown(f"{rel}/{REVIEW_FILE}", "")
                    findings = load_review(
                        candidate, loaded.rulebook.index(), display=display, folder=(org.root / rel).resolve()
                    )
                report = run(loaded.evidence, loaded.rulebook, generated_on=today, review=findings)
                outcomes.append(PropertyOutcome(rel, relocate(report, places), own_rules=places.own_rules))
            except NarrError as exc:
                outcomes.append(PropertyOutcome(rel, problems=tuple(_notice(p) for p in exc.problems)))
            if on_property is not None:
                on_property(rel)
    operator = org.manifest.organization
    return build(
        folder=str(folder),
        organization=OrganizationInfo(
            name=operator.name, affiliate=operator.affiliate, applicant_id=operator.applicant_id, file=ORGANIZATION
        ),
        generated_on=today,
        version=__version__,
        outcomes=outcomes,
        documents=[_document_info(d) for d in shared.documents],
        unmapped=shared.unmapped,
        warnings=[_notice(p) for p in (*org_warnings, *shared.warnings)],
    )


def _notice(problem: Problem) -> Notice:
    message = f"field '{problem.field}': {problem.message}" if problem.field else problem.message
    return Notice(message=message, file=problem.file, line=problem.line, rule=problem.rule, hint=problem.hint)


def _document_info(document: Document) -> DocumentInfo:
    return DocumentInfo(
        path=document.path,
        kind=document.kind,
        rules=list(document.rules),
        mapped_by=list(document.mapped_by),
        pages=document.content.pages if document.content else None,
        entries=len(document.records) if document.kind == "log" else None,
        unreadable=document.unreadable.reason if document.unreadable else None,
    )


def validate_organization(
    folder: Path,
    *,
    today: date,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    cache: Path | None = None,
) -> ValidatedOrganization:
    """The whole tree checked (organization.yaml, the shared evidence, every property), without scoring.
    Raises NarrError when organization.yaml or the shared evidence has a problem; a property's problems
    are kept with it, so every problem of every property is listed at once."""
    session, shared, org_warnings = _session(
        folder, today=today, level=None, as_of=as_of, overlays=overlays, cache=cache
    )
    properties = []
    for rel in session.folders():
        try:
            _, loaded, _ = session.load(rel)
            properties.append(ValidatedProperty(rel, loaded.evidence))
        except NarrError as exc:
            properties.append(ValidatedProperty(rel, problems=tuple(exc.problems)))
    return ValidatedOrganization(session.org, shared, (*org_warnings, *shared.warnings), tuple(properties))


@dataclass(frozen=True)
class DuePlace:
    """A property's evidence for `due`, and who the shared items belong to."""

    folder: str  # the property's folder as the user would name it (organization folder / property)
    loaded: Loaded
    organization: Organization


def each_property(
    folder: Path,
    *,
    today: date,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    cache: Path | None = None,
) -> Iterator[DuePlace]:
    """Every property of the organization, loaded with the shared evidence (paths relative to the
    organization); a property that cannot be read stops it with a NarrError naming every problem."""
    session, _, _ = _session(folder, today=today, level=level, as_of=as_of, overlays=overlays, cache=cache)
    problems: list[Problem] = []
    loaded: list[DuePlace] = []
    for rel in session.folders():
        try:
            _, found, _ = session.load(rel)
            loaded.append(DuePlace(f"{Path(folder).as_posix().rstrip('/')}/{rel}", found, session.org))
        except NarrError as exc:
            problems.extend(exc.problems)
    if problems:
        raise NarrError(problems)
    yield from loaded


__all__ = [
    "DuePlace",
    "Session",
    "ValidatedOrganization",
    "ValidatedProperty",
    "audit_organization",
    "each_property",
    "validate_organization",
]
