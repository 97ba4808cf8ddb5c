"""Audit one folder: residence.yaml, the rules in force for it, the evidence, a review -> the report.

The rules in force are decided here, once: NARR 3.0, the overlay of the residence's affiliate (when
one ships) and any overlays asked for. The evidence loader is handed only their ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from narr_audit.base.errors import Problem
from narr_audit.base.idle import also, meanwhile
from narr_audit.base.levels import Level
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.loader import ManifestFile, load_folder, read_manifest, read_photos_early
from narr_audit.evidence.model import MANIFEST, REVIEW_FILE, Evidence
from narr_audit.standards.compiled import read_index, shipped_overlay_ids

if TYPE_CHECKING:
    from narr_audit.evidence.organization import Places
    from narr_audit.results.report import Report
    from narr_audit.standards.model import Rulebook


class Loaded:
    """A checked evidence folder and the rules in force for it.

    The rulebook may be read when first asked for: validating a folder needs only the rule ids in
    force, which the cache keeps apart (see standards.compiled).
    """

    def __init__(
        self, evidence: Evidence, rulebook: Rulebook | Callable[[], Rulebook], places: Places | None = None
    ) -> None:
        self.evidence = evidence
        self._rulebook = rulebook
        self.places = places  # a property of an organization: where its findings point (results.organization)

    @property
    def rulebook(self) -> Rulebook:
        if callable(self._rulebook):
            self._rulebook = self._rulebook()
        return self._rulebook


def overlays_in_force(source: ManifestFile, overlays: Sequence[str]) -> tuple[list[str], list[Problem]]:
    """The overlays in force on NARR 3.0: the affiliate's (when one ships), then those asked for."""
    warnings: list[Problem] = []
    in_force = list(overlays)
    affiliate = source.manifest.residence.affiliate
    if affiliate:
        found = _affiliate_overlay(affiliate)
        if found is None:
            warnings.append(
                Problem(
                    f"no overlay ships for the affiliate '{affiliate}'; only NARR 3.0 rules apply",
                    MANIFEST,
                    source.doc.line_of(("residence", "affiliate")),
                    field="residence.affiliate",
                    hint="give the affiliate's overlay with --standards PATH if you have one",
                )
            )
        elif found not in in_force:
            in_force.insert(0, found)
    if overlays:  # an overlay file of the user's own: rule ids written in another style are warned about
        from narr_audit.standards.overlay import style_warnings

        for name in overlays:
            warnings.extend(style_warnings(name))
    return in_force, warnings


def _affiliate_overlay(affiliate: str) -> str | None:
    """The id of the shipped overlay of an affiliate, as standards.overlay finds it (the shipped
    overlays in order, by id or by the affiliate each names). The first is found by its id without
    reading any overlay file."""
    shipped = shipped_overlay_ids()
    if shipped and shipped[0] == affiliate.strip().lower():
        return shipped[0]
    from narr_audit.standards.overlay import overlay_for_affiliate

    return overlay_for_affiliate(affiliate)


def rules_in_force(
    source: ManifestFile, overlays: Sequence[str], cache: ExtractionCache | None
) -> tuple[Rulebook, list[Problem]]:
    """NARR 3.0 with the affiliate's overlay (when one ships) and the overlays asked for."""
    in_force, warnings = overlays_in_force(source, overlays)
    return _rulebook(in_force, cache.root if cache is not None else None), warnings


def _model() -> object:
    """The second reader's weights, parsed (see base.idle: done while the photos are read)."""
    from narr_audit.standards.reader import second_reader

    return second_reader().data


def _prepare(book: Rulebook) -> None:
    """Every document check's topics compiled and their phrasings sorted for looking up, as the
    checks would on first use (see base.idle: done while the photos are read)."""
    from narr_audit.checks.document import topic_specs
    from narr_audit.checks.recognise import index_ideas

    vocabulary = book.concepts
    index_ideas(topic_specs(book.rules(), vocabulary), vocabulary)


def _rulebook(overlays: Sequence[str], cache_dir: Path | None) -> Rulebook:
    from narr_audit.standards.loader import load_rulebook

    return load_rulebook(overlays, cache_dir=cache_dir)


def load_evidence(
    folder: Path,
    *,
    today: date,
    overlays: Sequence[str] = (),
    level: Level | None = None,
    as_of: date | None = None,
    read_documents: bool = True,
    cache: ExtractionCache | None = None,
    read_unmapped: bool = True,
) -> Loaded:
    """The folder's evidence, checked against the rule ids in force; raises NarrError listing every problem.

    A property of an organization folder inherits the organization's evidence (evidence.organization).
    ``read_unmapped`` False: the files no rule maps are listed, not read (for `validate` and the hook)."""
    from narr_audit.evidence.orgfolder import organization_above

    member = None
    if organization_above(folder) is not None:  # a residence on its own never loads evidence.organization
        from narr_audit.evidence.organization import find_property

        member = find_property(folder)
    source = read_manifest(folder) if member is None else member.source
    if cache is not None and cache.inside(source.root if member is None else member.organization.root):
        cache = None  # never write into an evidence folder, not even the compiled rulebook
    # Tesseract reads the photos while the rules are loaded (it only reads the cache); the walk that
    # found them is the loader's.
    walked = read_photos_early(source, cache, unmapped=read_unmapped) if read_documents else None
    in_force, warnings = overlays_in_force(source, overlays)
    cache_dir = cache.root if cache is not None else None
    kept = read_index(cache_dir, in_force) if cache_dir is not None else None
    rulebook: Rulebook | Callable[[], Rulebook]
    if kept is None:
        book = _rulebook(in_force, cache_dir)
        rules, names, rulebook = book.index(), book.overlays, book
        if read_documents:
            also(partial(_prepare, book))  # while the photos are read (base.idle)
    else:  # the ids in force, kept beside the compiled rulebook: the rulebook is read if asked for
        (rules, names), rulebook = kept, partial(_rulebook, in_force, cache_dir)
    evidence = load_folder(
        source,
        rules=rules,
        today=today,
        overlays=names,
        warnings=warnings,
        level=level,
        as_of=as_of,
        read_documents=read_documents,
        cache=cache,
        read_unmapped=read_unmapped,
        walked=walked,
    )
    if member is None:
        return Loaded(evidence, rulebook)
    from narr_audit.evidence.organization import load_property

    merged, places = load_property(
        member, own=evidence, rules=rules, today=today, overlays=names, as_of=as_of,
        read_documents=read_documents, cache=cache,
    )  # fmt: skip
    return Loaded(merged, rulebook, places)


def audit(
    folder: Path,
    *,
    today: date,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    cache: Path | None = None,
    review: Path | None = None,
    level_fit: bool = False,
    jobs: int | None = 1,
) -> Report:
    """The report of one folder, with a reviewer's findings (``review``, else review.yaml in the folder);
    with ``level_fit``, also which level of support its evidence supports (workflows.levelfit).
    ``jobs``: processes reading the rules' documents (workflows.share; 1: this one alone; None: two
    where the machine has two cores)."""
    from narr_audit.checks.analysis_cache import AnalysisCache
    from narr_audit.checks.recognise import AnalysisStore, analyse, stored_in
    from narr_audit.engine import audit as run
    from narr_audit.evidence.orgfolder import find_organization

    extracted = ExtractionCache(cache) if cache is not None else None
    if extracted is not None and extracted.inside(find_organization(folder) or folder):
        extracted = None  # never write into an evidence folder (nor into the organization holding it)
    store: AnalysisStore | None = AnalysisCache(extracted.root) if extracted is not None else None
    # While Tesseract reads the photos (read last), the run reads the second reader's model and cuts the
    # documents already read into sentences (base.idle), kept as the engine would keep them.
    with stored_in(store), meanwhile(first=_model, each=analyse):
        loaded = load_evidence(folder, today=today, overlays=overlays, level=level, as_of=as_of, cache=extracted)
    own = None
    if review is None:
        candidate = folder / REVIEW_FILE
        # A link is looked at even when it leads nowhere: a loop or a link out is refused, not skipped.
        if candidate.is_symlink() or candidate.is_file():
            review, own = candidate, folder
    findings = None
    if review is not None:
        from narr_audit.evidence.review import load_review

        findings = load_review(review, loaded.rulebook.index(), folder=own)
    if jobs != 1 and (extracted is None or extracted.misses):  # a folder read from the cache is read alone
        from narr_audit.workflows.share import share_reading

        store, _ = share_reading(loaded.evidence, loaded.rulebook, findings, store, jobs)
    # Documents' analyses, and what was found in them, are kept beside their extracted text: a second
    # check of an unchanged folder neither cuts its policies into sentences nor looks for its topics again.
    with stored_in(store):
        report = run(loaded.evidence, loaded.rulebook, generated_on=today, review=findings)
        if level_fit:
            from narr_audit.workflows.levelfit import with_level_fit

            report = with_level_fit(report, loaded.evidence, loaded.rulebook, today=today, review=findings)
    if loaded.places is None:
        return report
    from narr_audit.results.organization import relocate

    return relocate(report, loaded.places)
