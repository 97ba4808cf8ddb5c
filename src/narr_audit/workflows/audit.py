"""Audit one folder: residence.yaml, the rules in force for it, the evidence, a review -> the report.

The rules in force are decided here, once: NARR 3.0, the overlay of the residence's affiliate (when
one ships) and any overlays asked for. The evidence loader is handed only their ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from narr_audit.base.errors import Problem
from narr_audit.base.levels import Level
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.loader import ManifestFile, load_folder, read_manifest
from narr_audit.evidence.model import MANIFEST, REVIEW_FILE, Evidence
from narr_audit.standards.loader import load_rulebook
from narr_audit.standards.model import Rulebook
from narr_audit.standards.overlay import overlay_for_affiliate

if TYPE_CHECKING:
    from narr_audit.results.report import Report


@dataclass(frozen=True)
class Loaded:
    """A checked evidence folder and the rules in force for it."""

    evidence: Evidence
    rulebook: Rulebook


def rules_in_force(
    source: ManifestFile, overlays: Sequence[str], cache: ExtractionCache | None
) -> tuple[Rulebook, list[Problem]]:
    """NARR 3.0 with the affiliate's overlay (when one ships) and the overlays asked for."""
    warnings: list[Problem] = []
    in_force = list(overlays)
    affiliate = source.manifest.residence.affiliate
    if affiliate:
        found = overlay_for_affiliate(affiliate)
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
    book = load_rulebook(in_force, cache_dir=cache.root if cache is not None else None)
    return book, warnings


def load_evidence(
    folder: Path,
    *,
    today: date,
    overlays: Sequence[str] = (),
    level: Level | None = None,
    as_of: date | None = None,
    read_documents: bool = True,
    cache: ExtractionCache | None = None,
) -> Loaded:
    """The folder's evidence, checked against the rule ids in force; raises NarrError listing every problem."""
    source = read_manifest(folder)
    if cache is not None and cache.inside(source.root):
        cache = None  # never write into an evidence folder, not even the compiled rulebook
    book, warnings = rules_in_force(source, overlays, cache)
    evidence = load_folder(
        source,
        rules=book.index(),
        today=today,
        overlays=book.overlays,
        warnings=warnings,
        level=level,
        as_of=as_of,
        read_documents=read_documents,
        cache=cache,
    )
    return Loaded(evidence, book)


def audit(
    folder: Path,
    *,
    today: date,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    cache: Path | None = None,
    review: Path | None = None,
) -> Report:
    """The report of one folder, with a reviewer's findings (``review``, else review.yaml in the folder)."""
    from narr_audit.engine import audit as run

    loaded = load_evidence(
        folder,
        today=today,
        overlays=overlays,
        level=level,
        as_of=as_of,
        cache=ExtractionCache(cache) if cache is not None else None,
    )
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
    return run(loaded.evidence, loaded.rulebook, generated_on=today, review=findings)
