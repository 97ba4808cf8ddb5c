"""Batch review for certifying bodies: every applicant under some folders, in parallel, with a summary.

An applicant is a folder with a residence.yaml. Each is audited in a worker process (one per CPU
core by default) behind a boundary: whatever goes wrong with one applicant (a problem in its folder,
a bug, a worker that dies or runs past the time allowed) becomes a row that says why, and the others
go on. Ctrl-C stops the batch and returns what was done (:class:`BatchInterruptedError`). Results
are ordered by folder, never by finishing time, so the same inputs give the same files. Reports go to
a folder of their own per applicant, never inside an evidence folder.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narr_audit import __version__
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.levels import Level
from narr_audit.evidence.model import MANIFEST
from narr_audit.results.report import Report, Tool
from narr_audit.results.scoring import FailOn, exit_code
from narr_audit.results.summary import ApplicantRow, BatchSummary, OrganizationRow, Policy, Totals

if TYPE_CHECKING:
    from narr_audit.results.organization import OrganizationReport

ORGANIZATION = "organization.yaml"  # evidence.organization.ORGANIZATION, without importing the loader here


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


DEFAULT_TIMEOUT = 300.0
"""Seconds one applicant may take (``batch --timeout``); a real folder takes a few."""


@dataclass(frozen=True)
class Done:
    """One applicant's outcome as the summary needs it (its reports are already written): an
    organization's row, then a row per property; or one row."""

    folder: Path
    slug: str
    row: ApplicantRow | OrganizationRow
    properties: tuple[ApplicantRow, ...] = ()

    @property
    def rows(self) -> tuple[ApplicantRow | OrganizationRow, ...]:
        return (self.row, *self.properties)


class BatchInterruptedError(Exception):
    """The batch was stopped (Ctrl-C): the rows of the applicants finished, in folder order, and the
    folders not checked."""

    def __init__(self, rows: list[ApplicantRow | OrganizationRow], not_checked: list[Path]) -> None:
        super().__init__("interrupted")
        self.rows = rows
        self.not_checked = not_checked


def discover(paths: Sequence[Path]) -> list[Path]:
    """Every folder holding a residence.yaml, or an organization.yaml (an organization: one applicant,
    its properties inside), under ``paths`` (a path may itself be one), sorted.

    Hidden folders are skipped, and an applicant's own subfolders are not searched further. A folder
    that cannot be listed is kept as an applicant, so its row says why instead of it being missed. A
    property given beside its organization is left to it (it is scored there, with what it inherits).
    """
    found: set[Path] = set()
    organizations: set[Path] = set()

    def unlisted(exc: OSError) -> None:
        if exc.filename:
            found.add(Path(exc.filename))

    for root in paths:
        try:
            is_folder = root.is_dir()
            exists = is_folder or root.exists()
        except OSError as exc:  # a name too long, a folder above it that cannot be searched
            raise NarrError.single(
                f"cannot open this folder ({exc.strerror or exc})", file=str(root), hint="check the path"
            ) from None
        if not exists:
            raise NarrError.single("no such folder", file=str(root), hint="check the path to the applicants' folders")
        if not is_folder:
            raise NarrError.single("this is a file, not a folder", file=str(root), hint="give folders of applicants")
        for current, dirnames, filenames in os.walk(root, onerror=unlisted):
            if MANIFEST in filenames or ORGANIZATION in filenames:
                found.add(Path(current))
                if ORGANIZATION in filenames:
                    organizations.add(Path(current))
                dirnames[:] = []
                continue
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
    if organizations:
        found = {f for f in found if organizations.isdisjoint(f.parents)}
    return sorted(found, key=lambda p: p.as_posix())


def slugs(folders: Sequence[Path], out: Path | None = None) -> dict[Path, str]:
    """A short, file-system-safe name for each applicant's report folder OUT/applicants/<name>.

    Names are unique ignoring case (two applicants never share a folder, even on a file system that
    ignores case), and with ``out`` no name leads into an evidence folder: not one of ``folders``,
    and no folder holding a residence.yaml.
    """
    roots = _resolved_all(folders)
    if out is not None:
        refuse_reports_inside(folders, out)
    taken: set[str] = set()
    names: dict[Path, str] = {}
    for folder in folders:
        parts = [p for p in folder.parts if p not in (".", "..", "/")][-2:]
        base = re.sub(r"[^A-Za-z0-9._-]+", "-", "-".join(parts)).strip("-.")[:100] or "applicant"
        name, count = base, 1
        while name.lower() in taken or (out is not None and _is_evidence(out / "applicants" / name, roots)):
            count += 1
            name = f"{base}-{count}"
        taken.add(name.lower())
        names[folder] = name
    return names


def refuse_reports_inside(folders: Sequence[Path], out: Path) -> None:
    """A NarrError when OUT, or OUT/applicants where every report goes, is (inside) an evidence
    folder: one of ``folders`` or any folder holding a residence.yaml or an organization.yaml."""
    roots = _resolved_all(folders)
    for target in (out, out / "applicants"):
        if _is_evidence(target, roots):
            raise NarrError.single(
                "the reports would be written inside an evidence folder, which narr-audit only reads",
                file=str(target),
                field="--out",
                hint="choose a folder outside every applicant's folder, e.g. --out ../reports",
            )


def _resolved_all(folders: Sequence[Path]) -> set[Path]:
    found = set()
    for folder in folders:
        with contextlib.suppress(OSError, RuntimeError):
            found.add(folder.resolve())
    return found


def _is_evidence(target: Path, roots: set[Path]) -> bool:
    """Whether ``target`` is, or (through links) lies inside, one of ``roots`` or any folder holding a
    residence.yaml. A path that cannot be looked at is not refused here: writing to it fails with the
    system's own reason."""
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return False
    places = (resolved, *resolved.parents)
    if any(place in roots for place in places):  # set look-ups: hundreds of applicants stay linear
        return True
    return any(_holds_manifest(place) for place in places)


def _holds_manifest(folder: Path) -> bool:
    try:
        return (folder / MANIFEST).exists() or (folder / ORGANIZATION).exists()
    except OSError:
        return False


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
    writing is parallel too). The applicant's own problems become a row that says why; a failure to
    write the reports raises a NarrError (which :func:`run` turns into a row as well)."""
    if _is_organization(folder):
        return audit_organization_one(folder, slug, options, out)
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
    timeout: float | None = DEFAULT_TIMEOUT,
) -> list[ApplicantRow | OrganizationRow]:
    """Audit every applicant in worker processes, ``jobs`` at a time (default: one per CPU core), each
    for at most ``timeout`` seconds; rows in folder order, one per applicant whatever happened to it
    (an organization: its own row, then one per property).

    Raises :class:`BatchInterruptedError` on Ctrl-C (KeyboardInterrupt): nothing more is started, the
    workers are stopped at once, and the rows finished so far come with it.
    """
    names = slugs(folders, out)
    size = max(1, min(jobs or os.cpu_count() or 1, len(folders) or 1))
    results: dict[Path, Done] = {}

    def finish(done: Done) -> None:
        results[done.folder] = done
        if on_done:
            on_done(done)

    try:
        _Pool(size, options, out, timeout).run([(f, names[f]) for f in folders], finish)
    except KeyboardInterrupt:
        raise BatchInterruptedError(
            [row for f in folders if f in results for row in results[f].rows],
            [f for f in folders if f not in results],
        ) from None
    return [row for f in folders for row in results[f].rows]


def _guarded(folder: Path, slug: str, options: Options, out: Path | None) -> Done:
    """:func:`audit_one`, with any failure turned into the applicant's row."""
    try:
        return audit_one(folder, slug, options, out)
    except NarrError as exc:
        return Done(folder, slug, _broken_row(folder, slug, exc.problems))
    except Exception as exc:  # the boundary: a bug met in one applicant must not stop the batch
        problem = Problem(
            f"narr-audit failed on this applicant with an internal error ({type(exc).__name__})",
            str(folder),
            hint=f"run `narr-audit check {folder}` with NARR_AUDIT_DEBUG=1 for details, and please report it",
        )
        return Done(folder, slug, _broken_row(folder, slug, [problem]))


def _serve(conn: Connection, options: Options, out: Path | None) -> None:
    """A worker: audit each (folder, slug) received and send back its Done, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches every process; the parent decides
    frozen = False
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        folder, slug = task
        done = _guarded(folder, slug, options, out)
        if not frozen:  # the rulebook, vocabulary and templates are built now and live as long as the worker:
            gc.collect()  # leave them out of every later collection (what is garbage now is freed first)
            gc.freeze()
            frozen = True
        try:
            conn.send(done)
        except OSError:  # the parent is gone
            return
        except Exception as exc:  # a result that cannot be sent back is still only this applicant's problem
            problem = Problem(
                f"narr-audit could not return this applicant's result ({type(exc).__name__})", str(folder)
            )
            conn.send(Done(folder, slug, _broken_row(folder, slug, [problem])))


class _CtrlC:
    """Ctrl-C during a batch, noted and raised by the pool's loop, never lost.

    Python raises KeyboardInterrupt wherever the main thread happens to be, and where that is a
    ``__del__`` or a weak reference's callback it is printed and dropped: the batch would then wait
    for the applicant in hand to finish (up to its timeout) as if no one had pressed anything. So while
    the pool runs, Ctrl-C only sets a flag and writes a byte to a pipe the pool waits on; the loop
    raises KeyboardInterrupt itself, between applicants' results, where nothing swallows it. (Only in
    the main thread, where signals arrive; a Ctrl-C ignored by whoever started the batch stays ignored.)
    """

    def __init__(self) -> None:
        self.pressed = False
        self._pipe: tuple[int, int] | None = None  # (read, write), while installed
        self._previous: Any = None

    @property
    def waits(self) -> list[int]:
        """The pipe's end for the pool to wait on, while installed."""
        return [] if self._pipe is None else [self._pipe[0]]

    def __enter__(self) -> _CtrlC:
        if threading.current_thread() is not threading.main_thread():
            return self
        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            return self
        read, write = os.pipe()
        os.set_blocking(read, False)
        os.set_blocking(write, False)
        self._pipe = (read, write)
        self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum: int, frame: object) -> None:
        self.pressed = True
        if self._pipe is not None:
            with contextlib.suppress(OSError):  # a full pipe wakes the pool as well as one more byte would
                os.write(self._pipe[1], b"\0")

    def check(self) -> None:
        """Raise KeyboardInterrupt if Ctrl-C was pressed; empty the pipe (a worker forked just before it
        ignores Ctrl-C may have written to it too)."""
        if self._pipe is not None:
            with contextlib.suppress(OSError):
                while os.read(self._pipe[0], 512):
                    pass
        if self.pressed:
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        if self._pipe is None:
            return
        signal.signal(signal.SIGINT, self._previous)
        for fd in self._pipe:
            os.close(fd)
        self._pipe = None


@dataclass
class _Worker:
    process: Any  # a multiprocessing Process of whichever start method
    conn: Connection
    task: tuple[Path, str] | None = None
    deadline: float = 0.0


class _Pool:
    """Worker processes that each audit one applicant at a time, so the parent always knows which
    applicant a worker holds: one that dies or runs out of time is named, stopped and replaced.
    (concurrent.futures can do neither: a dead worker breaks the whole pool, and a running task
    cannot be stopped.)"""

    def __init__(self, size: int, options: Options, out: Path | None, timeout: float | None) -> None:
        self.size = size
        self.options = options
        self.out = out
        self.timeout = timeout
        self.context = multiprocessing.get_context()
        self.workers: list[_Worker] = []

    def run(self, tasks: list[tuple[Path, str]], finish: Callable[[Done], None]) -> None:
        queue = deque(tasks)
        try:
            with _CtrlC() as ctrl_c:
                while queue or any(w.task for w in self.workers):
                    ctrl_c.check()
                    for worker in list(self.workers):  # _give may replace a worker that died idle
                        if worker.task is None and queue:
                            self._give(worker, queue.popleft())
                    while queue and len(self.workers) < self.size:
                        self._give(self._start(), queue.popleft())
                    busy = [w for w in self.workers if w.task is not None]
                    left = None if self.timeout is None else max(0.0, min(w.deadline for w in busy) - time.monotonic())
                    ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy] + ctrl_c.waits, left))
                    ctrl_c.check()
                    now = time.monotonic()
                    for worker in busy:
                        done = self._collect(worker, ready, now)
                        if done is not None:
                            finish(done)
        except BaseException:
            self._stop(at_once=True)
            raise
        self._stop(at_once=False)

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.options, self.out), daemon=True)
        process.start()
        child.close()  # only the worker holds its end: when it dies, the parent reads end-of-file
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _give(self, worker: _Worker, task: tuple[Path, str]) -> None:
        try:
            worker.conn.send(task)
        except OSError:  # the idle worker died: a fresh one takes the task
            self._drop(worker)
            worker = self._start()
            worker.conn.send(task)
        worker.task = task
        worker.deadline = time.monotonic() + (self.timeout or 0.0)

    def _collect(self, worker: _Worker, ready: set[Any], now: float) -> Done | None:
        """The worker's Done; a row saying why when it died or ran out of time; None while it works."""
        assert worker.task is not None
        folder, slug = worker.task
        if worker.conn in ready or worker.process.sentinel in ready:
            try:
                if worker.conn.poll():
                    done: Done = worker.conn.recv()
                    worker.task = None
                    return done
            except (EOFError, OSError):
                pass
            self._drop(worker, grace=1.0)  # let it finish dying, so its exit code is its own
            return Done(folder, slug, _broken_row(folder, slug, [_died(folder, worker.process.exitcode)]))
        if self.timeout is not None and now >= worker.deadline:
            self._drop(worker)
            problem = Problem(
                f"checking this applicant took longer than {self.timeout:g} seconds, so it was stopped",
                str(folder),
                hint="look for a very large or unusual document in the folder; or allow more with --timeout",
            )
            return Done(folder, slug, _broken_row(folder, slug, [problem]))
        return None

    def _drop(self, worker: _Worker, grace: float = 0.0) -> None:
        if grace:
            worker.process.join(grace)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)

    def _stop(self, *, at_once: bool) -> None:
        """Stop every worker: ask idle ones to finish, or (``at_once``) kill them all."""
        for worker in self.workers:
            if not at_once:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in list(self.workers):
            if not at_once:
                worker.process.join(5)
            self._drop(worker)


def _died(folder: Path, exitcode: int | None) -> Problem:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
    else:
        how = f"stopped unexpectedly (exit code {exitcode})"
    return Problem(
        f"the worker process checking this applicant {how}",
        str(folder),
        hint="it may have run out of memory on a very large document; check the folder on its own with "
        f"`narr-audit check {folder}`",
    )


def summarize(
    rows: Sequence[ApplicantRow | OrganizationRow], options: Options, not_checked: Sequence[Path] = ()
) -> BatchSummary:
    """The summary of ``rows``; with ``not_checked`` (an interrupted batch) it is marked incomplete.

    Counts count residences and properties: an organization of three houses is three certifications,
    and its own row is the grouping, not a fourth."""
    applicants = [r for r in rows if isinstance(r, ApplicantRow)]
    organizations = [r for r in rows if isinstance(r, OrganizationRow)]
    return BatchSummary(
        tool=Tool(version=__version__),
        generated_on=options.today,
        policy=Policy(fail_on=options.fail_on, fail_under=options.fail_under),
        formats=list(options.formats),
        totals=Totals(
            applicants=len(applicants),
            ready=sum(1 for r in applicants if r.verdict == "ready"),
            not_ready=sum(1 for r in applicants if r.verdict == "not_ready"),
            unreadable=sum(1 for r in applicants if r.verdict == "unreadable"),
            failed_policy=sum(1 for r in applicants if not r.passed),
            organizations=len(organizations),
        ),
        applicants=applicants,
        organizations=organizations,
        complete=not not_checked,
        not_checked=[f.as_posix() for f in not_checked],
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
        to_confirm=report.topics_to_confirm(),
        plan_open=report.plan.open + report.plan.in_progress if report.plan else None,
        plan_overdue=report.plan.overdue if report.plan else None,
        reports=reports,
    )


# --- Organizations: one applicant, a row per property --------------------------------------------------------


def _is_organization(folder: Path) -> bool:
    try:
        found = folder / ORGANIZATION
        return found.is_symlink() or found.is_file()
    except OSError:
        return False


def audit_organization_one(folder: Path, slug: str, options: Options, out: Path | None = None) -> Done:
    """An organization folder as one applicant, in one job: every property is scored with the shared
    evidence read and extracted once for all of them (workflows.organization), the organization report
    is written in each format, and the Done holds its row and a row per property. A property that
    cannot be read is its row's problem; one in organization.yaml or the shared evidence makes the
    whole applicant one row that says why, as for any applicant."""
    from narr_audit.formats.organization import render
    from narr_audit.formats.report import RenderOptions
    from narr_audit.results.organization import organization_exit_code
    from narr_audit.workflows.organization import audit_organization

    try:
        org = audit_organization(
            folder,
            today=options.today,
            level=options.level,
            as_of=options.as_of,
            overlays=options.overlays,
            cache=options.cache,
        )
    except NarrError as exc:
        return Done(folder, slug, _broken_row(folder, slug, exc.problems))
    paths: dict[str, str] = {}
    if out is not None:
        render_options = RenderOptions(template_dir=options.template_dir)
        paths = _write_reports(out, slug, options.formats, lambda name: render(org, name, render_options))
    rows = _property_rows(folder, slug, org, options, paths)
    passed = organization_exit_code(org, options.fail_on, options.fail_under) == 0
    return Done(folder, slug, _organization_row(folder, slug, org, passed, rows, paths), tuple(rows))


def _write_reports(out: Path, slug: str, formats: Sequence[str], render: Callable[[str], str]) -> dict[str, str]:
    """Each format's report at OUT/applicants/<slug>/; format -> path relative to OUT."""
    target = out / "applicants" / slug
    paths: dict[str, str] = {}
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, file_name in report_names(formats).items():
            (target / file_name).write_text(render(name), encoding="utf-8")
            paths[name] = f"applicants/{slug}/{file_name}"
    except OSError as exc:
        raise NarrError.single(
            f"cannot write the reports ({exc.strerror or exc})", file=str(target), hint="choose another --out folder"
        ) from None
    return paths


def _property_rows(
    folder: Path, slug: str, org: OrganizationReport, options: Options, reports: dict[str, str]
) -> list[ApplicantRow]:
    """A row per property, in the order organization.yaml lists them, each linking the organization's
    report. A property passes as `check ORG` judges it: its own exit code, and with ``--fail-on any``
    no warning about the shared evidence."""
    shared_warning = options.fail_on == "any" and bool(org.warnings)
    group = {"organization": org.organization.name, "organization_folder": folder.as_posix()}
    rows = []
    for prop in org.properties:
        where = folder / prop.folder
        if prop.report is None:
            problems = [Problem(n.message, n.file, n.line, n.rule, hint=n.hint) for n in prop.problems]
            row = _broken_row(where, slug, problems).model_copy(update={"reports": reports, **group})
        else:
            row = _row(where, slug, prop.report, options, reports)
            row = row.model_copy(update={"passed": row.passed and not shared_warning, **group})
        rows.append(row)
    return rows


def _organization_row(
    folder: Path,
    slug: str,
    org: OrganizationReport,
    passed: bool,
    rows: Sequence[ApplicantRow],
    reports: dict[str, str],
) -> OrganizationRow:
    """The organization's own row: its verdict and pooled score, and its gaps as fixes (a gap of the
    shared evidence once, not once per property it blocks)."""
    scored = [p.report for p in org.scored() if p.report is not None]
    by_folder = {p.folder: p.report for p in org.scored()}
    by_domain = {d.id: 0 for report in scored for d in report.score.children}
    fixes = [(gap.rule, by_folder[gap.properties[0].folder]) for gap in org.organization_gaps]
    fixes += [(rule, p.report) for p in org.scored() for rule in p.gaps]
    for rule, report in fixes:
        result = report.result(rule) if report is not None else None
        if result is not None:
            by_domain[result.domain] = by_domain.get(result.domain, 0) + 1
    plans = [r.plan for r in scored if r.plan is not None]
    return OrganizationRow(
        folder=folder.as_posix(),
        slug=slug,
        name=org.organization.name,
        applicant_id=org.organization.applicant_id,
        affiliate=org.organization.affiliate,
        score=org.score.percent,
        verdict=org.verdict,
        passed=passed,
        properties=[r.folder for r in rows],
        organization_gaps=org.totals.organization_gaps,
        gaps=org.totals.fixes,
        gaps_by_domain=by_domain,
        site_visit=sum(len(r.site_visit) for r in scored),
        plan_open=sum(p.open + p.in_progress for p in plans) if plans else None,
        plan_overdue=sum(p.overdue for p in plans) if plans else None,
        warnings=len(org.warnings),
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
