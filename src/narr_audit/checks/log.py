"""log: a record kept over time (meetings, drills, detector checks) has entries often enough.

A check that names the kind of record it asks for (``record: fire_drill``) reads every record source
mapped to the rule, in any form (a log, a table of dated rows, dated minutes, a calendar, a folder of
dated files; see checks.record_kinds), and counts only the entries of that kind; when they fall short,
it looks through the binder's other files for a record of that kind, and cites what it finds there as
found in a file not mapped to the rule, with the residence.yaml line that maps it. A check without a
kind reads the logs mapped to the rule, as it always did (``named`` picks among several).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from narr_audit.base.statuses import Status
from narr_audit.base.text import days, first_match
from narr_audit.checks.elsewhere import FOUND_ELSEWHERE, Binder, Elsewhere, map_line
from narr_audit.checks.expiry import current_only
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Upcoming
from narr_audit.checks.record_kinds import Source, judge, kind_index, plural, sources_of
from narr_audit.evidence.textfacts import text_facts

if TYPE_CHECKING:
    from narr_audit.base.errors import Problem
    from narr_audit.checks.record_kinds import KindIndex
    from narr_audit.evidence.model import Document, LogRecord

SUMMARY = (
    "A record of dated entries (a log: CSV, TSV, spreadsheet, YAML or calendar rows; or a document's dated "
    "table rows, minutes or calendar days; or a folder of dated files) has at least min_entries entries in the "
    "last within_days days, and/or no gap longer than max_gap_days. With record: only entries of that kind "
    "count, and a record of that kind not mapped to the rule is looked for in the binder's other files."
)
# How far back gaps are looked for when only max_gap_days is set: a year of history.
GAP_HORIZON_DAYS = 365


# The kinds of record a log check may ask for; a record's kind is recognised from its name, title,
# headings, column names and row text, so a detector log never serves as a drill log.
RecordKind = Literal[
    "house_meeting",
    "resident_input",
    "fire_drill",
    "detector_check",
    "naloxone_check",
    "medication_count",
    "training",
    "supervision",
    "social_event",
    "activity",
    "community_event",
    "service_session",
    "grievance",
    "neighbor_concern",
    "data_review",
    "achievement",
]


class LogCheck(CheckBase):
    kind: Literal["log"] = "log"
    min_entries: int | None = Field(default=None, ge=1)
    within_days: int | None = Field(default=None, ge=1, le=3660)
    max_gap_days: int | None = Field(default=None, ge=1, le=3660)
    record: RecordKind | None = Field(
        default=None, description="The kind of record this log must be (house_meeting, fire_drill, ...)."
    )
    named: list[str] = Field(
        default=[],
        description="When a rule keeps several logs: terms of this log's file name or title (e.g. [drill]).",
    )

    @model_validator(mode="after")
    def _consistent(self) -> LogCheck:
        if (self.min_entries is None) != (self.within_days is None):
            raise ValueError("min_entries and within_days go together: 'at least N entries in D days'")
        if self.min_entries is None and self.max_gap_days is None:
            raise ValueError("set min_entries with within_days, max_gap_days, or both")
        return self


def evaluate(check: LogCheck, ctx: Context) -> Outcome:
    """Entries after the assessment date are ignored; only dates and rows (or places) are ever reported.

    A window of ``within_days`` ends on the assessment date and includes it. A gap is the number of
    days between consecutive entries, and from the last entry to the assessment date; gaps are looked
    for over the window (or the last year when no window is set). With ``record``, only entries of
    that kind count, and the binder's other files are searched when the mapped ones fall short.
    """
    if check.record is not None:
        return _evaluate_kind(check, ctx, check.record)
    logs = _logs(check, ctx)
    if not logs:
        return Outcome(Status.not_met, f"no log is mapped to {ctx.rule_id}", missing=(check.label,))
    used = [_Used(d.path, tuple(d.records)) for d in logs]
    return _judge(check, ctx.assessed_on, used)


@dataclass(frozen=True)
class _Used:
    """A record source and the entries of it that count."""

    path: str
    records: tuple[LogRecord, ...]
    label: str = ""  # how the reason names it, when not by its path alone
    unmapped: bool = False
    folder: bool = False
    split: bool = False  # only some of the source's entries (those of the kind) count


def _judge(check: LogCheck, on: date, used: Sequence[_Used], names: str | None = None) -> Outcome:
    """The cadence of the entries of ``used`` (merged), as met, partial or not met; the reason starts
    with ``names`` (by default the sources' paths)."""
    dates = _dates(used, on)
    refs = tuple(EvidenceRef(u.path, _where(u), unmapped=u.unmapped) for u in used)
    names = names if names is not None else ", ".join(u.label or u.path for u in used)
    if not dates:
        return Outcome(Status.not_met, f"{names} has no dated entries on or before {on}", refs, (check.label,))
    problems: list[tuple[Status, str, str]] = []
    if check.min_entries is not None and check.within_days is not None:
        start = on - timedelta(days=check.within_days - 1)
        count = sum(1 for d in dates if d >= start)
        if count < check.min_entries:
            status = Status.partial if count else Status.not_met
            problems.append(
                (
                    status,
                    f"{count} entr{'y' if count == 1 else 'ies'} from {start} to {on} (at least {check.min_entries} "
                    f"needed); the last entry is dated {dates[-1]}",
                    f"at least {check.min_entries} entries in the last {days(check.within_days)}",
                )
            )
    if check.max_gap_days is not None:
        allowed = days(check.max_gap_days)
        trailing = (on - dates[-1]).days
        if trailing > check.max_gap_days:
            problems.append(
                (
                    Status.not_met,
                    f"no entry since {dates[-1]} ({days(trailing)} before the assessment date; "
                    f"at most {allowed} allowed)",
                    f"an entry at least every {allowed}, up to date",
                )
            )
        else:
            horizon = on - timedelta(days=check.within_days or GAP_HORIZON_DAYS)
            gap = _longest_gap(dates, horizon)
            if gap is not None and gap[2] > check.max_gap_days:
                first, last, length = gap
                problems.append(
                    (
                        Status.partial,
                        f"no entry between {first} and {last} ({days(length)}; at most {allowed} allowed)",
                        f"an entry at least every {allowed}",
                    )
                )
    if not problems:
        return Outcome(Status.met, f"{names}: {len(dates)} dated entries, the last on {dates[-1]}", refs)
    status = Status.not_met if any(p[0] == Status.not_met for p in problems) else Status.partial
    return Outcome(status, f"{names}: " + "; ".join(p[1] for p in problems), refs, tuple(p[2] for p in problems))


_DATES: dict[tuple[int, date], tuple[tuple[LogRecord, ...], list[date]]] = {}


def _dates(used: Sequence[_Used], on: date) -> list[date]:
    """The distinct dates on or before ``on`` of the entries of ``used``, in order. A record's dates
    are sorted once per assessment date: every check of its kind reads the same entries."""
    if len(used) != 1:
        return sorted({r.date for u in used for r in u.records if r.date <= on})
    records = used[0].records
    kept = _DATES.get((id(records), on))
    if kept is None or kept[0] is not records:
        if len(_DATES) >= 4096:
            _DATES.clear()
        kept = _DATES[(id(records), on)] = (records, sorted({r.date for r in records if r.date <= on}))
    return kept[1]


def _logs(check: LogCheck, ctx: Context) -> list[Document]:
    logs = [d for d in ctx.documents if d.kind == "log"]
    if check.named:
        # A rule may keep two logs (detector checks and fire drills): each check reads its own, so a
        # busy log cannot hide a stale one. One combined log, named for neither, serves both.
        own = [d for d in logs if first_match(_name_text(d), check.named) is not None]
        logs = own or logs
    return logs


# --- a record of a kind ------------------------------------------------------------------------------------

_BETTER = (Status.met, Status.partial, Status.not_met)


def _evaluate_kind(check: LogCheck, ctx: Context, kind: str) -> Outcome:
    """The mapped sources of ``kind`` first; the binder's other files when they fall short."""
    index = kind_index(ctx.vocabulary)
    latest = ctx.assessed_on.year + 1
    records = _records(ctx.elsewhere, latest)
    sources = sources_of(ctx.documents, latest_year=latest, known=records.files if records else None)
    used, refused = _of_kind(check, sources, kind, index, mapped=True)
    mapped = _judge(check, ctx.assessed_on, used) if used else None
    folders = {s.path: s for s in sources if s.is_folder and s.notes}  # how its files' dates were read
    notes = "".join(f"; {u.path}: {n.message}" for u in used if u.path in folders for n in folders[u.path].notes)
    if mapped is not None and notes:
        mapped = Outcome(mapped.status, mapped.reason + notes, mapped.evidence, mapped.missing)
    if mapped is not None and mapped.status == Status.met:
        return mapped
    said = "; ".join(why for _, why in refused)  # the mapped records set aside, and why
    found = _from_elsewhere(check, ctx, kind, index, latest)
    if found is not None and (mapped is None or _BETTER.index(found.status) < _BETTER.index(mapped.status)):
        extra = (f"; the mapped {mapped.reason}" if mapped is not None else "") + (f"; {said}" if said else "")
        return Outcome(found.status, found.reason + extra, found.evidence, found.missing)
    if mapped is not None:
        return mapped
    reason = f"no record is mapped to {ctx.rule_id} that shows {plural(kind)}" + (f": {said}" if said else "")
    if ctx.elsewhere:
        reason += f"; none of the binder's other files is a record of {plural(kind)} either"
    return Outcome(Status.not_met, reason, tuple(EvidenceRef(path) for path, _ in refused), (check.label,))


def _of_kind(
    check: LogCheck, sources: Sequence[Source], kind: str, index: KindIndex, *, mapped: bool
) -> tuple[list[_Used], list[tuple[str, str]]]:
    """The sources (and entries) that count for ``kind``, and each other one with why it does not (path,
    why). A source that is recognisably of the kind wins over one that only is mapped; ``named`` narrows
    among them."""
    recognised: list[_Used] = []
    plain: list[_Used] = []
    refused: list[tuple[str, str]] = []
    for source in sources:
        found = judge(source, kind, index, mapped=mapped)
        if found.records is None:
            if found.why and source.records:
                refused.append((source.path, found.why))
            continue
        label = f"{source.path} (its {plural(kind)})" if found.rows else ""
        if source.is_folder:
            label = f"{source.path} ({len(found.records)} dated files)"
        used = _Used(source.path, found.records, label, not mapped, source.is_folder, found.rows)
        (recognised if found.recognised else plain).append(used)
    chosen = recognised or plain
    if check.named and chosen:
        by_path = {s.path: s for s in sources}
        own = [u for u in chosen if first_match(by_path[u.path].names, check.named) is not None]
        chosen = own or chosen
    return chosen, refused


def _from_elsewhere(check: LogCheck, ctx: Context, kind: str, index: KindIndex, latest: int) -> Outcome | None:
    """The cadence of the records of ``kind`` among the binder's other files, cited as found there with
    how to map them; None when there are none. How their dates were read is said once per file in the
    report's warnings (:meth:`Binder.note`), and in the reason."""
    picked = _elsewhere_used(check, ctx, kind, index, latest)
    if picked is None:
        return None
    used, by_path = picked
    paths = ", ".join(u.label or u.path for u in used)
    how = "; ".join(_how_to_map(ctx.rule_id, by_path[u.path]) for u in used)
    judged = _judge(check, ctx.assessed_on, used, names=f"found in {paths}, not mapped to {ctx.rule_id} ({how})")
    said = [n for u in used for n in _notes(by_path[u.path], latest)]
    if isinstance(ctx.elsewhere, Elsewhere):
        ctx.elsewhere.binder.note(said)
    notes = "".join(f"; {n.file}: {n.message}" for n in said)
    return Outcome(judged.status, judged.reason + notes, judged.evidence, judged.missing)


def _elsewhere_used(
    check: LogCheck, ctx: Context, kind: str, index: KindIndex, latest: int
) -> tuple[list[_Used], dict[str, Source]] | None:
    """The records of ``kind`` among the binder's other files that count (the best of them, see
    :func:`_best`), with the sources by path; None when there are none. Read by the check and by
    :func:`upcoming` alike."""
    if not ctx.elsewhere:
        return None
    on = ctx.assessed_on
    elsewhere = ctx.elsewhere
    records = _records(elsewhere, latest)
    if records is not None and isinstance(elsewhere, Elsewhere) and records.ids.isdisjoint(elsewhere.mapped):
        # The rule's own files are in no record source (the usual case): the same sources for every rule,
        # and the same of them count for every check that asks for this kind with these names.
        sources = records.current(on)
        key = (on, kind, tuple(check.named), id(index))
        found = records.of_kind.get(key)
        if found is None:
            found = records.of_kind[key] = _of_kind(check, sources, kind, index, mapped=False)[0]
    else:
        current = (s for s in _elsewhere_sources(elsewhere, latest) if not any(_lapsed(d, on) for d in s.documents))
        sources = list(current)
        found, _ = _of_kind(check, sources, kind, index, mapped=False)
    if not found:
        return None
    return _best(check, on, found), {s.path: s for s in sources}


def _notes(source: Source, latest: int) -> tuple[Problem, ...]:
    """How the dates of a record found elsewhere were read (the loader warns only of mapped files)."""
    if source.is_folder or source.is_log:
        return source.notes
    content = source.documents[0].content
    return text_facts(content, source.path, latest_year=latest).entries.warnings if content else ()


def _lapsed(document: Document, on: date) -> bool:
    """An expired file counts nowhere, mapped or not."""
    return document.expires is not None and document.expires < on


def _best(check: LogCheck, on: date, found: list[_Used]) -> list[_Used]:
    """Of the records found elsewhere, the one that best keeps the cadence alone, or all of them
    together when that does better (an old record joined to a new one can show a gap neither has)."""
    if len(found) == 1:
        return found
    options = [[u] for u in found] + [found]

    def rank(option: list[_Used]) -> tuple[int, int]:
        status = _judge(check, on, option).status
        entries = len({r.date for u in option for r in u.records if r.date <= on})
        return (_BETTER.index(status) if status in _BETTER else len(_BETTER), -entries)

    return min(options, key=rank)


def _how_to_map(rule_id: str, source: Source) -> str:
    """The residence.yaml line that maps a source (for a folder: each of its files, the first shown)."""
    if not source.is_folder:
        return f"to map it, {map_line(rule_id, source.documents[0])}"
    first = min(source.documents, key=lambda d: d.path)
    if len(source.documents) == 1:
        return f"to map it, {map_line(rule_id, first)}"
    return f"to map them, map each of its {len(source.documents)} files, e.g. {first.path}: {map_line(rule_id, first)}"


class _Records:
    """A binder's record sources, found once per binder (not once per rule): every source with the ids
    of its files, the source of each single file (by its document's id), and, per assessment date and
    asked for, those with no expired file and which of them count for a kind."""

    def __init__(self, documents: Sequence[Document], latest: int) -> None:
        found = sources_of(documents, latest_year=latest)
        self.everything = [(s, frozenset(id(d) for d in s.documents)) for s in found]
        self.ids: frozenset[int] = frozenset().union(*(ids for _, ids in self.everything))
        self.files = {id(s.documents[0]): s for s in found if not s.is_folder}
        self.of_kind: dict[tuple[date, str, tuple[str, ...], int], list[_Used]] = {}
        self._current: dict[date, list[Source]] = {}

    def current(self, on: date) -> list[Source]:
        """The sources none of whose files has expired on ``on``, in order."""
        found = self._current.get(on)
        if found is None:
            found = self._current[on] = [s for s, _ in self.everything if not any(_lapsed(d, on) for d in s.documents)]
        return found


_RECORDS: weakref.WeakKeyDictionary[Binder, dict[int, _Records]] = weakref.WeakKeyDictionary()


def _records(elsewhere: Sequence[Document], latest: int) -> _Records | None:
    """The record sources of the binder ``elsewhere`` is a view of (entries up to the year ``latest``);
    None when it is not a view of a binder."""
    if not isinstance(elsewhere, Elsewhere):
        return None
    by_year = _RECORDS.setdefault(elsewhere.binder, {})
    found = by_year.get(latest)
    if found is None:
        found = by_year[latest] = _Records(elsewhere.binder.documents, latest)
    return found


def _elsewhere_sources(elsewhere: Sequence[Document], latest: int) -> list[Source]:
    """The record sources among the binder's other files. The binder's are found once per binder (not
    once per rule) and each rule's own files are then left out: fast in a binder of thousands of files."""
    records = _records(elsewhere, latest)
    if records is None or not isinstance(elsewhere, Elsewhere):
        return sources_of(elsewhere, latest_year=latest)
    mine = elsewhere.mapped
    found: list[Source] = []
    for source, ids in records.everything:
        if ids.isdisjoint(mine):
            found.append(source)
        elif source.is_folder:  # a folder of dated files some of which are the rule's own: the rest
            rest = [d for d in source.documents if id(d) not in mine]
            found.extend(sources_of(rest, latest_year=latest))
    return found


def upcoming(check: LogCheck, ctx: Context) -> tuple[Upcoming, ...]:
    """The day the log's cadence needs its next entry: the last entry plus max_gap_days, or the day
    the min_entries-th newest entry leaves the window; the assessment date when it falls short now.
    Read from the records mapped to the rule (of the check's kind, when it names one), or, as the
    check does, from a record of that kind in the binder's other files when it does better; such a
    date is said to be found in a file not mapped to the rule, with how to map it and how its dates
    were read."""
    on = ctx.assessed_on
    found_in = ""
    if check.record is not None:
        index = kind_index(ctx.vocabulary)
        latest = on.year + 1
        records = _records(ctx.elsewhere, latest)
        sources = sources_of(ctx.documents, latest_year=latest, known=records.files if records else None)
        used, _ = _of_kind(check, sources, check.record, index, mapped=True)
        mapped = _judge(check, on, used).status if used else None
        picked = _elsewhere_used(check, ctx, check.record, index, latest) if mapped != Status.met else None
        better = picked is not None and (
            mapped is None or _BETTER.index(_judge(check, on, picked[0]).status) < _BETTER.index(mapped)
        )
        if picked is not None and better:
            used, by_path = picked
            how = "; ".join(_how_to_map(ctx.rule_id, by_path[u.path]) for u in used)
            said = "".join(f"; {n.file}: {n.message}" for u in used for n in _notes(by_path[u.path], latest))
            found_in = f"; {FOUND_ELSEWHERE} ({how}){said}"
    else:
        used = [_Used(d.path, tuple(d.records)) for d in _logs(check, ctx)]
    if not used:
        return ()
    dates = sorted({r.date for u in used for r in u.records if r.date <= on})
    dues: list[date] = []
    if not dates:
        dues.append(on)
    if dates and check.max_gap_days is not None:
        dues.append(dates[-1] + timedelta(days=check.max_gap_days))
    if dates and check.min_entries is not None and check.within_days is not None:
        start = on - timedelta(days=check.within_days - 1)
        if sum(1 for d in dates if d >= start) < check.min_entries:
            dues.append(on)
        else:
            dues.append(dates[-check.min_entries] + timedelta(days=check.within_days))
    names = ", ".join(u.path for u in used)
    last = f"last entry {dates[-1]}; " if dates else "no entry yet; "
    detail = last + describe(check) + found_in
    key = f"log:{names}" + (":unmapped" if found_in else "")  # apart from the rules the file is mapped to
    return (Upcoming(min(dues), key, "log", f"{check.label}: next entry", used[0].path, detail),)


def _where(used: _Used) -> str | None:
    """Where the entries that count are: rows of a log, places in a document, or a folder's files."""
    records = used.records
    if not records:
        return None
    if used.folder:
        return records[0].where if len(records) == 1 else f"{len(records)} dated files"
    placed = [r.where for r in sorted(records, key=lambda r: r.row) if r.where]
    if not placed and used.split:  # some rows of a log: name them, not a range that holds the others too
        rows = sorted({r.row for r in records})
        if len(rows) <= 6:
            return f"row {rows[0]}" if len(rows) == 1 else f"rows {', '.join(map(str, rows[:-1]))} and {rows[-1]}"
        return f"{len(rows)} rows from {rows[0]} to {rows[-1]}"
    if not placed:
        return _rows(list(records))
    if len(placed) == 1:
        return placed[0]
    first, last = placed[0], placed[-1]
    lead, _, row = first.rpartition(", row ")
    if lead and last.startswith(f"{lead}, row "):
        return f"{lead}, rows {row}-{last.rpartition(', row ')[2]}"
    return f"{first} and {len(placed) - 1} more"


def _longest_gap(dates: list[date], horizon: date) -> tuple[date, date, int] | None:
    """The longest stretch between two entries, as (from, to, days), looking back to ``horizon``.

    When the log goes back further, the stretch before the first recent entry is counted from the
    horizon, so a gap long ago is not held against the log today.
    """
    recent = [d for d in dates if d >= horizon]
    earlier = any(d < horizon for d in dates)
    points = ([horizon] if earlier else []) + recent
    best: tuple[date, date, int] | None = None
    for first, last in pairwise(points):
        length = (last - first).days
        if best is None or length > best[2]:
            best = (first, last, length)
    return best


def _name_text(document: Document) -> str:
    stem = PurePosixPath(document.path).stem
    return " ".join([stem.replace("-", " ").replace("_", " "), document.title or ""])


def _rows(records: list[LogRecord]) -> str | None:
    rows = [r.row for r in records]
    if not rows:
        return None
    return f"rows {min(rows)}-{max(rows)}" if len(rows) > 1 else f"row {rows[0]}"


def describe(check: LogCheck) -> str:
    bits = []
    if check.min_entries:
        bits.append(f"at least {check.min_entries} entries in the last {check.within_days} days")
    if check.max_gap_days:
        bits.append(f"no gap longer than {check.max_gap_days} days")
    return " and ".join(bits)


# An expired record (its `expires:` has passed) is never read (checks.expiry), and its reason says so.
_read = current_only(evaluate, lambda d: d.kind == "log" or bool(d.records))
KIND = CheckKind("log", "Log", LogCheck, SUMMARY, _read, describe, record_keeping=True, upcoming=upcoming)
