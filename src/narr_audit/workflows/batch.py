"""Batch review for certifying bodies: every applicant under some folders, in parallel, with a summary.

An applicant is a folder with a residence.yaml. Each is audited in a worker process (one per CPU
core by default); a broken applicant becomes a row that says why, and the others go on. Results are
ordered by folder, never by finishing time, so the same inputs give the same files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from narr_audit import __version__
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.levels import Level
from narr_audit.evidence.model import MANIFEST
from narr_audit.results.report import Report, Tool
from narr_audit.results.scoring import FailOn, exit_code
from narr_audit.results.summary import ApplicantRow, BatchSummary, Policy, Totals


@dataclass(frozen=True)
class Options:
    """Everything a worker needs to audit and render one applicant (picklable)."""

    formats: tuple[str, ...] = ("html", "json")
    level: Level | None = None
    as_of: date | None = None
    overlays: tuple[str, ...] = ()
    today: date = field(default_factory=date.today)
    cache: Path | None = None
    reviews: Path | None = None
    fail_on: FailOn = "partial"
    fail_under: float | None = None
    template_dir: Path | None = None


@dataclass(frozen=True)
class Done:
    """One applicant's outcome as the summary needs it (its reports are already written)."""

    folder: Path
    slug: str
    row: ApplicantRow


def discover(paths: Sequence[Path]) -> list[Path]:
    """Every folder holding a residence.yaml under ``paths`` (a path may itself be one), sorted.

    Hidden folders are skipped, and an applicant's own subfolders are not searched further.
    """
    found: set[Path] = set()
    for root in paths:
        if not root.exists():
            raise NarrError.single("no such folder", file=str(root), hint="check the path to the applicants' folders")
        if not root.is_dir():
            raise NarrError.single("this is a file, not a folder", file=str(root), hint="give folders of applicants")
        for current, dirnames, filenames in os.walk(root):
            if MANIFEST in filenames:
                found.add(Path(current))
                dirnames[:] = []
                continue
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
    return sorted(found, key=lambda p: p.as_posix())


def slugs(folders: Sequence[Path]) -> dict[Path, str]:
    """A short, unique, file-system-safe name for each applicant's report folder."""
    taken: dict[str, int] = {}
    out: dict[Path, str] = {}
    for folder in folders:
        parts = [p for p in folder.parts if p not in (".", "..", "/")][-2:]
        base = re.sub(r"[^A-Za-z0-9._-]+", "-", "-".join(parts)).strip("-.") or "applicant"
        count = taken.get(base, 0) + 1
        taken[base] = count
        out[folder] = base if count == 1 else f"{base}-{count}"
    return out


def _review_for(folder: Path, slug: str, options: Options, applicant_id: str | None = None) -> Path | None:
    if options.reviews is None:
        return None
    for name in (slug, folder.name, applicant_id):
        if name:
            candidate = options.reviews / f"{name}.yaml"
            if candidate.is_file():
                return candidate
    return None


def audit_one(folder: Path, slug: str, options: Options, out: Path | None = None) -> Done:
    """Audit one applicant and write its reports under OUT/applicants/<slug>/ (in the worker, so
    writing is parallel too). The applicant's own problems become a row that says why; only a failure
    to write the reports raises."""
    from narr_audit.formats.report import RenderOptions, render
    from narr_audit.workflows.audit import audit

    try:
        report = audit(
            folder,
            level=options.level,
            as_of=options.as_of,
            overlays=options.overlays,
            today=options.today,
            cache=options.cache,
            review=_review_for(folder, slug, options),
        )
    except NarrError as exc:
        return Done(folder, slug, _broken_row(folder, slug, exc.problems))
    paths: dict[str, str] = {}
    if out is not None:
        render_options = RenderOptions(template_dir=options.template_dir)
        target = out / "applicants" / slug
        try:
            target.mkdir(parents=True, exist_ok=True)
            for name, file_name in report_names(options.formats).items():
                (target / file_name).write_text(render(report, name, render_options), encoding="utf-8")
                paths[name] = f"applicants/{slug}/{file_name}"
        except OSError as exc:
            raise NarrError.single(
                f"cannot write the reports ({exc.strerror or exc})",
                file=str(target),
                hint="choose another --out folder",
            ) from None
    return Done(folder, slug, _row(folder, slug, report, options, paths))


def run(
    folders: Sequence[Path],
    options: Options,
    out: Path | None = None,
    *,
    jobs: int | None = None,
    on_done: Callable[[Done], None] | None = None,
) -> list[ApplicantRow]:
    """Audit every applicant, ``jobs`` at a time (default: one per CPU core); rows in folder order."""
    names = slugs(folders)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(folders) or 1))
    results: dict[Path, Done] = {}
    if workers == 1:
        for folder in folders:
            done = audit_one(folder, names[folder], options, out)
            results[folder] = done
            if on_done:
                on_done(done)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(audit_one, folder, names[folder], options, out) for folder in folders]
            for future in as_completed(futures):
                done = future.result()
                results[done.folder] = done
                if on_done:
                    on_done(done)
    return [results[f].row for f in folders]


def summarize(rows: Sequence[ApplicantRow], options: Options) -> BatchSummary:
    return BatchSummary(
        tool=Tool(version=__version__),
        generated_on=options.today,
        policy=Policy(fail_on=options.fail_on, fail_under=options.fail_under),
        formats=list(options.formats),
        totals=Totals(
            applicants=len(rows),
            ready=sum(1 for r in rows if r.verdict == "ready"),
            not_ready=sum(1 for r in rows if r.verdict == "not_ready"),
            unreadable=sum(1 for r in rows if r.verdict == "unreadable"),
            failed_policy=sum(1 for r in rows if not r.passed),
        ),
        applicants=list(rows),
    )


def _broken_row(folder: Path, slug: str, problems: Sequence[Problem]) -> ApplicantRow:
    return ApplicantRow(
        folder=folder.as_posix(),
        slug=slug,
        verdict="unreadable",
        passed=False,
        problems=[p.render() for p in problems],
    )


def _row(folder: Path, slug: str, report: Report, options: Options, reports: dict[str, str]) -> ApplicantRow:
    gaps = report.gap_results()
    by_domain = {d.id: 0 for d in report.score.children}
    for gap in gaps:
        by_domain[gap.domain] = by_domain.get(gap.domain, 0) + 1
    return ApplicantRow(
        folder=folder.as_posix(),
        slug=slug,
        name=report.residence.name,
        operator=report.residence.operator,
        applicant_id=report.residence.applicant_id,
        level=report.level,
        score=report.score.percent,
        verdict=report.verdict,
        passed=exit_code(report, options.fail_on, options.fail_under) == 0,
        gaps=len(gaps),
        not_met=sum(1 for g in gaps if g.status == "not_met"),
        partial=sum(1 for g in gaps if g.status == "partial"),
        unreadable_evidence=sum(1 for g in gaps if g.status == "error"),
        site_visit=len(report.site_visit),
        gaps_by_domain=by_domain,
        warnings=len(report.warnings),
        reports=reports,
    )


def batch_exit_code(summary: BatchSummary) -> int:
    """2 when an applicant could not be read, else 1 when one fails the policy, else 0."""
    if summary.totals.unreadable:
        return 2
    return 1 if summary.totals.failed_policy else 0


def report_names(formats: Sequence[str]) -> dict[str, str]:
    """report.html, report.json...; report-<format>.<suffix> where two chosen formats share a suffix."""
    from narr_audit.formats.report import FORMATS

    suffixes = [FORMATS[n].suffix for n in formats]
    return {
        n: f"report{FORMATS[n].suffix}" if suffixes.count(FORMATS[n].suffix) == 1 else f"report-{n}{FORMATS[n].suffix}"
        for n in formats
    }


def write_summary(
    summary: BatchSummary, out: Path, formats: Sequence[str], template_dir: Path | None = None
) -> list[Path]:
    """The summary files at OUT/summary.<suffix>."""
    from narr_audit.formats.summary import SUMMARY_FORMATS, render_summary

    written = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name in formats:
            path = out / f"summary{SUMMARY_FORMATS[name].suffix}"
            path.write_text(render_summary(summary, name, template_dir), encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise NarrError.single(
            f"cannot write the summary ({exc.strerror or exc})", file=str(out), hint="choose another --out folder"
        ) from None
    return written
