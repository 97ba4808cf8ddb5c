"""`narr-audit level DIR`: the level fit of a residence, or of every property of an organization.

A residence (or one property folder checked alone) is audited once with its level fit
(workflows.audit with ``level_fit``). An organization's shared evidence is read once for all its
properties (workflows.organization.Session); each property is then loaded, run at the four levels
and fitted; a property that cannot be read is listed with its problems while the others are fitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from narr_audit import __version__
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.levels import Level
from narr_audit.results.levelfit import FitEntry, LevelFitList, entry
from narr_audit.results.report import Notice, Tool


def level_fits(
    folder: Path,
    *,
    today: date,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    cache: Path | None = None,
    review: Path | None = None,
) -> LevelFitList:
    """The level fit of ``folder``, measured against its claimed level (``level``: against that one).
    Raises NarrError when the folder (or an organization's shared evidence) cannot be read."""
    from narr_audit.evidence.organization import is_organization

    if is_organization(folder):
        if review is not None:
            raise NarrError.single(
                "--review gives one residence's site-visit findings; an organization has a review.yaml per property",
                file=review,
                field="--review",
                hint="put each property's review.yaml in its folder, or run level on the property alone with --review",
            )
        return _organization(folder, today=today, level=level, as_of=as_of, overlays=overlays, cache=cache)
    from narr_audit.workflows.audit import audit

    report = audit(
        folder, today=today, level=level, as_of=as_of, overlays=overlays, cache=cache, review=review, level_fit=True
    )
    return LevelFitList(
        tool=Tool(version=__version__), generated_on=today, folder=str(folder), residences=[entry(report)]
    )


def _organization(
    folder: Path,
    *,
    today: date,
    level: Level | None,
    as_of: date | None,
    overlays: Sequence[str],
    cache: Path | None,
) -> LevelFitList:
    """Every property's level fit, the organization's shared evidence read once for all of them."""
    from narr_audit.checks.analysis_cache import AnalysisCache
    from narr_audit.checks.recognise import stored_in
    from narr_audit.engine import audit as run
    from narr_audit.evidence.cache import ExtractionCache
    from narr_audit.evidence.model import REVIEW_FILE
    from narr_audit.evidence.organization import read_organization, shown
    from narr_audit.evidence.review import load_review
    from narr_audit.workflows.levelfit import with_level_fit
    from narr_audit.workflows.organization import Session

    org = read_organization(folder)
    extracted = ExtractionCache(cache) if cache is not None else None
    if extracted is not None and extracted.inside(org.root):
        extracted = None  # never write into an evidence folder
    session = Session(org, today, level, as_of, tuple(overlays), extracted)
    in_force, _ = session.organization_rules()
    session.shared(in_force)  # a problem in the shared evidence stops everything: no property would fit right
    entries: list[FitEntry] = []
    with stored_in(AnalysisCache(extracted.root) if extracted is not None else None):
        for rel in session.folders():
            try:
                _, loaded, _ = session.load(rel)
                findings = None
                candidate = org.root / rel / REVIEW_FILE
                if candidate.is_symlink() or candidate.is_file():
                    findings = load_review(
                        candidate,
                        loaded.rulebook.index(),
                        display=shown(f"{rel}/{REVIEW_FILE}", ""),
                        folder=(org.root / rel).resolve(),
                    )
                report = run(loaded.evidence, loaded.rulebook, generated_on=today, review=findings)
                report = with_level_fit(report, loaded.evidence, loaded.rulebook, today=today, review=findings)
                entries.append(entry(report, folder=rel))
            except NarrError as exc:
                entries.append(FitEntry(folder=rel, name=rel, problems=[_notice(p) for p in exc.problems]))
    return LevelFitList(
        tool=Tool(version=__version__),
        generated_on=today,
        folder=str(folder),
        organization=org.manifest.organization.name,
        residences=entries,
    )


def _notice(problem: Problem) -> Notice:
    message = f"field '{problem.field}': {problem.message}" if problem.field else problem.message
    return Notice(message=message, file=problem.file, line=problem.line, rule=problem.rule, hint=problem.hint)
