"""Load an evidence folder: residence.yaml, the files it maps, front matter, logs and photos.

A short pipeline of named stages: :func:`read_manifest` (read and validate residence.yaml), then
:func:`load_folder` walks the folder, checks what the manifest maps against the rule ids in force,
reads each file (extracting text, front matter and log rows) and assembles a typed
:class:`Evidence`. Every problem found is raised at once in one NarrError, each naming the file,
the YAML line or CSV row, the field and how to fix it. An unreadable document (encrypted, corrupt)
is not an error: it is loaded as such, so the rest of the folder is still assessed.
Every file read is resolved inside the folder or refused (:func:`inside_folder`): a link that leads
out, goes round in a loop or cannot be followed never reaches a reader.
This module only reads: it never writes into the evidence folder. It knows the rule ids in force
(a :class:`RuleIndex`), never the rulebook itself.
"""

from __future__ import annotations

import difflib
import errno
import os
import posixpath
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from narr_audit.base.dates import DateField
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.idle import offer
from narr_audit.base.ids import RuleIndex, normalise_rule_id, style_warning
from narr_audit.base.levels import Level
from narr_audit.base.validation import dotted, problems_from_validation, validate_document
from narr_audit.base.yamlio import YamlDocument, parse_yaml, read_yaml
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.content import Extracted, Unreadable
from narr_audit.evidence.docdates import ROLES as DATE_ROLES
from narr_audit.evidence.docdates import DateRole, TextDates, fill_dates
from narr_audit.evidence.extract import extract, kind_of, read_photos_ahead
from narr_audit.evidence.logs import is_log, read_log_source
from narr_audit.evidence.model import (
    MANIFEST,
    PLAN_FILE,
    REVIEW_FILE,
    ROSTER_FILES,
    SKIPPED_AT_ROOT,
    Document,
    Evidence,
    EvidenceEntry,
    LogRecord,
    Manifest,
    MappedBy,
    Plan,
    Roster,
)
from narr_audit.evidence.ocr import ocr_warning
from narr_audit.evidence.pointers import closest_headings, section_text
from narr_audit.evidence.textfacts import FolderFacts, TextFacts, text_facts


class FrontMatter(BaseModel):
    """The narr keys of a Markdown or text document's front matter; other keys are the author's own."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    narr: list[str]
    title: str | None = None
    effective: DateField | None = None
    reviewed: DateField | None = None
    expires: DateField | None = None
    covers: dict[str, str] = {}  # operator pointers, as on a manifest entry (see _pointers)

    @field_validator("narr", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


@dataclass(frozen=True)
class ManifestFile:
    """residence.yaml read and validated, with its YAML document to find the line of each field."""

    folder: Path
    root: Path
    manifest: Manifest
    doc: YamlDocument


def read_manifest(folder: Path) -> ManifestFile:
    """Stage 1: the folder's residence.yaml, validated (every problem at once)."""
    root = _root(folder)
    manifest_path = root / MANIFEST
    reason = _why_not_readable(root, manifest_path)
    if reason not in (None, _MISSING):
        inside_folder(root, manifest_path, str(folder))  # refused: a link out, a loop, no permission
    if reason == _MISSING or not _is_file(manifest_path):
        raise NarrError.single(
            f"there is no {MANIFEST} in this folder",
            file=str(folder),
            hint=f'create one with: narr-audit init {folder} --level II --name "Your House"',
        )
    doc = read_yaml(manifest_path, display=MANIFEST)
    manifest = validate_document(doc, Manifest, display=MANIFEST, owner_keys=("rule",))
    return ManifestFile(folder, root, manifest, doc)


@dataclass
class _Collected:
    """Problems (which stop the load) and warnings (which are reported) found along the way."""

    rules: RuleIndex
    doc: YamlDocument
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    latest_year: int | None = None  # records dated after this year are not entries (the assessment's year + 1)
    facts: FolderFacts | None = None  # what the folder's documents say, kept in the cache (evidence.textfacts)
    pointer_lines: dict[str, dict[str, int]] = field(default_factory=dict)  # file -> front matter pointer -> line

    def rule(self, written: str, loc: tuple[str | int, ...], shown: str = MANIFEST, line: int | None = None) -> str:
        """The rule id normalised; an id not in force is a problem naming the file, line and field."""
        found = self.rules.unknown(
            written, file=shown, line=line if line is not None else self.doc.line_of(loc), field=dotted(loc) or None
        )
        if found is not None:
            self.problems.append(found)
        elif (
            style := style_warning(
                written, shown, line if line is not None else self.doc.line_of(loc), dotted(loc) or None
            )
        ) is not None:
            self.warnings.append(style)
        return normalise_rule_id(written)


def load_folder(
    source: ManifestFile,
    *,
    rules: RuleIndex,
    today: date,
    overlays: Sequence[str] = (),
    warnings: Sequence[Problem] = (),
    level: Level | None = None,
    as_of: date | None = None,
    read_documents: bool = True,
    cache: ExtractionCache | None = None,
    skip: frozenset[str] = frozenset(),
    read_unmapped: bool = True,
    walked: Walked | None = None,
) -> Evidence:
    """Stages 2-5: walk the folder, check the mapping, read every file, assemble the Evidence.

    ``rules`` are the ids in force; ``overlays`` their names, kept for the report. ``cache`` keeps
    extracted text between runs; it is never used when it would sit inside the folder. ``skip``: folders
    (relative POSIX paths) the walk leaves out, e.g. an organization's property folders. With
    ``read_unmapped`` False the files no rule maps are listed but not read as documents (`validate`
    and the pre-commit hook report their names only), so no check could look through them.
    ``walked``: the folder as :func:`read_photos_early` walked it (the photos are being read already),
    used instead of walking it again.
    """
    root, manifest = source.root, source.manifest
    if cache is not None and cache.inside(root):
        cache = None
    seen = _Collected(rules, source.doc, warnings=list(warnings))
    if cache is not None and read_documents:
        seen.facts = FolderFacts(cache.root, root)
    if walked is not None and walked.root == root and not skip:
        files = list(walked.files)
        seen.warnings.extend(walked.warnings)
        seen.problems.extend(walked.problems)
    else:
        walked = None
        files = _walk(root, seen.warnings, seen.problems, skip)
    entries, attached = _mapping(source, files, seen)
    assessed_on = as_of or manifest.assessed_on or today
    seen.latest_year = assessed_on.year + 1
    _check_dates(source, assessed_on, seen)
    roster, plan = _read_records(root, files, assessed_on, seen)
    if read_documents and walked is None:  # photos read by OCR in the background, together, while the rest is parsed
        wanted = sorted(set(files) | set(entries)) if read_unmapped else sorted(entries)
        read_photos_ahead((root / rel for rel in wanted), cache)
    documents, unmapped, others = _read_files(
        root, files, entries, attached, seen, read_documents, cache, read_unmapped
    )
    if seen.facts is not None:
        seen.facts.save()
    unmapped = [rel for rel in unmapped if rel not in _RECORDS]
    if seen.problems:
        raise NarrError(seen.problems)
    # Built, not validated: every value is already typed and checked here, and validating would first
    # build the validators of Evidence, Document and LogRecord (a few milliseconds of every command's start).
    # What validation would still do is done by hand: strings stripped (the models strip whitespace),
    # lists copied.
    return Evidence.model_construct(
        rule_lines=_rule_lines(manifest, source.doc),
        evidence_line=source.doc.line_of(("evidence",)),
        folder=str(source.folder).strip(),
        manifest=manifest,
        assessed_on=assessed_on,
        level=level or manifest.residence.level,
        overlays=_stripped(overlays),
        documents=list(documents),
        unmapped=_stripped(unmapped),
        unmapped_documents=list(others),
        warnings=list(seen.warnings),
        roster=roster,
        plan=plan,
    )


def _stripped(texts: Sequence[str]) -> list[str]:
    """The strings as the models' validation keeps them (str_strip_whitespace)."""
    return [text.strip() for text in texts]


def _new_document(
    *,
    path: str,
    kind: str,
    rules: list[str],
    mapped_by: list[MappedBy],
    title: str | None = None,
    content: Extracted | None = None,
    unreadable: Unreadable | None = None,
    records: Sequence[LogRecord] = (),
    columns: Sequence[str] = (),
    size: int = 0,
    covers: Mapping[str, str] | None = None,
    **dates: Any,
) -> Document:
    """A Document built from values the loader has already checked (see load_folder's Evidence): what
    its validation would do (strip strings, copy lists) without building its validator. ``dates``:
    effective, reviewed, expires (dates or None) and dates_from_text, as :func:`_dates` gives them."""
    if kind not in _DOCUMENT_KINDS:  # the loader only ever gives these; a new one must be added to the model
        raise ValueError(f"not a document kind: {kind}")
    fields: dict[str, Any] = {
        "path": path.strip(),
        "kind": kind,
        "rules": _stripped(rules),
        "mapped_by": list(mapped_by),
        "title": title.strip() if title is not None else None,
        "content": content,
        "unreadable": unreadable,
        "records": list(records),
        "columns": _stripped(columns),
        "size": size,
        "covers": {key.strip(): heading.strip() for key, heading in (covers or {}).items()},
    }
    for role, value in dates.items():
        if role == "dates_from_text":
            fields[role] = {key.strip(): text.strip() for key, text in value.items()}
        elif role in DATE_ROLES:
            fields[role] = value
        else:
            raise TypeError(f"not a field of Document: {role}")
    return Document.model_construct(**fields)


_DOCUMENT_KINDS = frozenset(get_args(Document.model_fields["kind"].annotation))


_RECORDS = frozenset({*ROSTER_FILES, PLAN_FILE})  # read by the loader itself, never "unmapped"


@dataclass(frozen=True)
class Walked:
    """The folder's files as :func:`_walk` found them, with what it found wrong on the way."""

    root: Path
    files: tuple[str, ...]
    warnings: tuple[Problem, ...]
    problems: tuple[Problem, ...]


def read_photos_early(source: ManifestFile, cache: ExtractionCache | None = None, *, unmapped: bool = True) -> Walked:
    """Start reading the folder's photos by OCR in the background as soon as its residence.yaml is
    read, so Tesseract (a program of its own, on another core) reads them while the rules are loaded
    and the other files parsed, not after; the walk that found them is given back, for
    :func:`load_folder` to use instead of walking again. Only the files the walk finds are read (a
    link out of the folder never is). With ``unmapped`` False only the photos residence.yaml maps
    are. The readings are the same as when each photo is read when asked for (evidence.ocr)."""
    root = source.root
    warnings: list[Problem] = []
    problems: list[Problem] = []
    files = _walk(root, warnings, problems)
    chosen = files
    if not unmapped:  # only the files residence.yaml maps (a photo cannot map itself by front matter)
        mapped = {posixpath.normpath(entry.file.strip().replace("\\", "/")) for entry in source.manifest.evidence}
        chosen = [rel for rel in files if rel in mapped]
    read_photos_ahead((root / rel for rel in chosen), cache)
    return Walked(root, tuple(files), tuple(warnings), tuple(problems))


def _read_records(
    root: Path, files: list[str], assessed_on: date, seen: _Collected
) -> tuple[Roster | None, Plan | None]:
    """The staff roster and the corrective action plan at the folder's root, when there are such files."""
    from narr_audit.evidence.plan import read_plan
    from narr_audit.evidence.roster import read_roster

    present = set(files)
    rosters = [name for name in ROSTER_FILES if name in present]
    roster = None
    if len(rosters) > 1:
        seen.problems.append(
            Problem(
                f"the folder has two staff rosters ({' and '.join(rosters)}), so narr-audit cannot tell which is kept",
                rosters[1],
                hint="keep one roster and delete or rename the other",
            )
        )
    elif rosters:
        try:
            path = inside_folder(root, root / rosters[0], rosters[0])
            roster, warned = read_roster(path, rosters[0], assessed_on)
            seen.warnings.extend(warned)
        except NarrError as exc:
            seen.problems.extend(exc.problems)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            seen.problems.append(Problem(f"cannot read the roster ({reason})", rosters[0], hint=_FIX_ACCESS))
    plan = None
    if PLAN_FILE in present:
        try:
            plan = read_plan(inside_folder(root, root / PLAN_FILE, PLAN_FILE), seen.rules, warnings=seen.warnings)
        except NarrError as exc:
            seen.problems.extend(exc.problems)
    return roster, plan


def _mapping(
    source: ManifestFile, files: list[str], seen: _Collected
) -> tuple[dict[str, tuple[EvidenceEntry, int]], set[str]]:
    """Stage 2: the files residence.yaml maps (checked: inside the folder, present, listed once), the
    scans attached to attestations, and every rule id it names checked against the rules in force."""
    root, manifest, doc = source.root, source.manifest, source.doc
    walked = frozenset(files)
    problems = seen.problems
    entries: dict[str, tuple[EvidenceEntry, int]] = {}
    for index, entry in enumerate(manifest.evidence):
        line = doc.line_of(("evidence", index, "file"))
        rel = _safe_relative(root, entry.file, problems, line, f"evidence[{index}].file", files, walked)
        for r_index, rule_id in enumerate(entry.rules):
            seen.rule(rule_id, ("evidence", index, "rules", r_index))
        if rel is None:
            continue
        if rel in entries:
            problems.append(
                Problem(
                    f"{rel} is listed twice (also as evidence[{entries[rel][1]}])",
                    MANIFEST,
                    line,
                    field=f"evidence[{index}].file",
                    hint="list each file once, with all its rules",
                )
            )
            continue
        entries[rel] = (entry, index)
    attached: set[str] = set()
    for index, attestation in enumerate(manifest.attestations):
        seen.rule(attestation.rule, ("attestations", index, "rule"))
        if attestation.file:
            line = doc.line_of(("attestations", index, "file"))
            scan = _safe_relative(root, attestation.file, problems, line, f"attestations[{index}].file", files, walked)
            if scan is not None:
                attached.add(scan)
    for index, exception in enumerate(manifest.exceptions):
        seen.rule(exception.rule, ("exceptions", index, "rule"))
        if exception.expires_on is None:
            seen.warnings.append(
                Problem(
                    f"the exception's expiry '{exception.expires}' is not a valid date; it will count as not met",
                    MANIFEST,
                    doc.line_of(("exceptions", index, "expires")),
                    rule=exception.rule,
                    field=f"exceptions[{index}].expires",
                    hint="write the expiry date the affiliate approved as YYYY-MM-DD",
                )
            )
    return entries, attached


def _check_dates(source: ManifestFile, assessed_on: date, seen: _Collected) -> None:
    """An attestation signed after the assessment date is a mistake in the manifest."""
    for index, attestation in enumerate(source.manifest.attestations):
        if attestation.date > assessed_on:
            seen.problems.append(
                Problem(
                    f"the attestation is dated {attestation.date}, after the assessment date {assessed_on}",
                    MANIFEST,
                    source.doc.line_of(("attestations", index, "date")),
                    rule=attestation.rule,
                    field=f"attestations[{index}].date",
                    hint="correct the date it was signed",
                )
            )


def _read_files(
    root: Path,
    files: list[str],
    entries: dict[str, tuple[EvidenceEntry, int]],
    attached: set[str],
    seen: _Collected,
    read_documents: bool,
    cache: ExtractionCache | None,
    read_unmapped: bool = True,
) -> tuple[list[Document], list[str], list[Document]]:
    """Stages 3-4: every file read once: front matter (which may map it), text, log rows.

    A mapped file is read even where the walk skips (a hidden folder, README.md at the root): the
    operator named it, so it must not be silently dropped. The binder's other files (unmapped, and
    scans attached to attestations) are read too, as documents of no rule, for checks to look through
    when a rule's mapped evidence falls short (not with ``read_unmapped`` False: `validate` reports only
    their names); one that cannot be read is simply not looked in (no problem, no warning: nobody named
    it as evidence). The roster and the plan are not among them.

    Photos are read last, so that OCR (started ahead, in the background) has the time the other files
    take; what each file gives, and what it warns about, still comes in path order.
    """
    placed: dict[str, tuple[list[Document], list[str], list[Document]]] = {}
    spliced: list[tuple[int, int, _Collected]] = []  # a photo's own problems and warnings, and where they go
    ordered = sorted(set(files) | set(entries))
    photos = [rel for rel in ordered if kind_of(root / rel) == "image" and not is_log(root / rel)]
    later = set(photos)
    for rel in ordered:
        if rel in later:  # its place among what the others report, kept for when it has been read
            spliced.append((len(seen.problems), len(seen.warnings), replace(seen, problems=[], warnings=[])))
        else:
            placed[rel] = _read_file(root, rel, entries, attached, seen, read_documents, cache, read_unmapped)
    for mine, _, theirs in placed.values() if photos else ():  # what a wait for the photos may work on
        for document in (*mine, *theirs):
            if isinstance(document.content, Extracted):
                offer(document.content)
    for rel, (_, _, own) in zip(photos, spliced, strict=True):
        placed[rel] = _read_file(root, rel, entries, attached, own, read_documents, cache, read_unmapped)
    for problems_at, warnings_at, own in reversed(spliced):  # each at the place it would have had
        seen.problems[problems_at:problems_at] = own.problems
        seen.warnings[warnings_at:warnings_at] = own.warnings
    documents: list[Document] = []
    unmapped: list[str] = []
    others: list[Document] = []
    for rel in ordered:
        mine, names, theirs = placed[rel]
        documents.extend(mine)
        unmapped.extend(names)
        others.extend(theirs)
    return documents, unmapped, others


def _read_file(
    root: Path,
    rel: str,
    entries: dict[str, tuple[EvidenceEntry, int]],
    attached: set[str],
    seen: _Collected,
    read_documents: bool,
    cache: ExtractionCache | None,
    read_unmapped: bool,
) -> tuple[list[Document], list[str], list[Document]]:
    """One file: as a mapped document, or as an unmapped name (and a document of no rule)."""
    path = root / rel
    entry_index = entries.get(rel)
    kind = "log" if is_log(path) else kind_of(path)
    front: FrontMatter | None = None
    content: Extracted | Unreadable | None = None
    if kind in ("markdown", "text") and (read_documents or entry_index is None):
        content = extract(path, cache)
        front = _mapped_by_front_matter(content, rel, path, entry_index is None, seen)
    if entry_index is None and front is None:
        names = [] if rel in attached else [rel]
        if read_documents and read_unmapped and kind is not None and rel not in _RECORDS:
            quiet = replace(seen, problems=[], warnings=[])  # what goes wrong reading it is not reported
            return [], names, [_document(path, rel, kind, None, None, content, quiet, read_documents, cache)]
        return [], names, []
    mapped = entry_index[0] if entry_index else None
    at = entry_index[1] if entry_index else None
    return [_document(path, rel, kind, mapped, front, content, seen, read_documents, cache, at)], [], []


def _mapped_by_front_matter(
    content: Extracted | Unreadable, rel: str, path: Path, unmapped: bool, seen: _Collected
) -> FrontMatter | None:
    """The `narr:` front matter of a Markdown or text file, its rule ids checked; None without one."""
    if isinstance(content, Extracted) and content.front_matter is not None:
        parsed = _front_matter(content, rel, seen.problems)
        if parsed is None:
            return None
        front, front_doc = parsed
        offset = (content.front_matter_line or 2) - 1
        checked = [
            seen.rule(r, ("narr", i), rel, (front_doc.line_of(("narr", i)) or 1) + offset)
            for i, r in enumerate(front.narr)
        ]
        seen.pointer_lines[rel] = {key: (front_doc.line_of(("covers", key)) or 1) + offset for key in front.covers}
        return front.model_copy(update={"narr": checked})
    if isinstance(content, Unreadable) and unmapped and _size(path) > 0:
        seen.warnings.append(
            Problem(
                f"{content.reason}, so narr-audit cannot see whether its front matter maps it to rules",
                rel,
                hint=content.hint,
            )
        )
    return None


def _document(
    path: Path,
    rel: str,
    kind: str | None,
    mapped: EvidenceEntry | None,
    front: FrontMatter | None,
    content: Extracted | Unreadable | None,
    seen: _Collected,
    read_documents: bool,
    cache: ExtractionCache | None,
    entry_at: int | None = None,
) -> Document:
    """Stage 5: one mapped file as the engine sees it; dates from the manifest win over front matter.
    ``entry_at``: the index of its entry in residence.yaml's evidence list (to name a field's line)."""
    mapped_by: list[MappedBy] = []
    if mapped:
        mapped_by.append("manifest")
    if front:
        mapped_by.append("front-matter")
    rules = _merge_rules(mapped.rules if mapped else [], front.narr if front else [])
    if kind is None:
        suffix = path.suffix or "(no suffix)"
        return _new_document(
            path=rel,
            kind="text",
            rules=rules,
            mapped_by=mapped_by,
            unreadable=Unreadable(
                f"narr-audit cannot read {suffix} files",
                "save it as PDF, Word (.docx), Markdown, text or CSV, and map that copy",
            ),
            size=_size(path),
        )
    records: list[LogRecord] = []
    columns: list[str] = []
    log_title: str | None = None
    if kind == "log":
        try:
            log = read_log_source(
                path, rel, mapped.date_column if mapped else None, cache=cache, latest_year=seen.latest_year
            )
            records, columns, log_title = log.records, list(log.columns), log.title
            seen.warnings.extend(log.warnings)
        except NarrError as exc:
            seen.problems.extend(exc.problems)
        except OSError as exc:  # no permission, or deleted while the folder was read
            seen.problems.append(
                Problem(
                    f"cannot read the log ({exc.strerror or type(exc).__name__})",
                    rel,
                    hint="check that the file is there and that you may read it",
                )
            )
    elif content is None and read_documents:
        content = extract(path, cache, ocr=True)
    facts: TextFacts | None = None  # its dates and entries, read once per text (kept in the cache)
    if isinstance(content, Extracted):  # a table of dated rows, dated minutes, a calendar: entries too
        latest = seen.latest_year
        facts = seen.facts.read(content, rel, latest) if seen.facts else text_facts(content, rel, latest_year=latest)
        entries = facts.entries
        records, columns = entries.records, list(entries.columns)
        if rules:  # a file mapped to no rule: said where a check finds its record (checks.log)
            seen.warnings.extend(entries.warnings)

    def pick(name: str) -> Any:
        from_entry = getattr(mapped, name) if mapped else None
        return from_entry if from_entry is not None else (getattr(front, name) if front else None)

    return _new_document(
        path=rel,
        kind=kind,
        rules=rules,
        mapped_by=mapped_by,
        title=pick("title") or (content.title if isinstance(content, Extracted) else log_title),
        **_dates(rel, content, mapped, front, seen, warn=bool(rules), read=facts.dates if facts else None),
        content=content if isinstance(content, Extracted) else None,
        unreadable=content if isinstance(content, Unreadable) else None,
        records=records,
        columns=columns,
        size=_size(path),
        covers=_pointers(rel, content, rules, mapped, entry_at, front, seen),
    )


def _pointers(
    rel: str,
    content: Extracted | Unreadable | None,
    rules: Sequence[str],
    mapped: EvidenceEntry | None,
    entry_at: int | None,
    front: FrontMatter | None,
    seen: _Collected,
) -> dict[str, str]:
    """The operator's pointers (`covers:`), from residence.yaml and front matter (residence.yaml's
    win), each checked: it names a rule the file is mapped to or a topic of one (as `narr-audit
    explain` names it, in any case), and its heading is in the document with text under it. A pointer
    that fails is a problem naming the file, line and field, and the closest rules, topics or headings.
    Keys come back as the check looks them up: a rule id normalised, a topic as the Standard spells it."""
    written: dict[str, tuple[str, str, int | None, str | None]] = {}  # key -> (heading, file shown, line, field)
    if front is not None:
        lines = seen.pointer_lines.get(rel, {})
        for key, heading in front.covers.items():
            written[key] = (heading, rel, lines.get(key), f"covers.{key}")
    if mapped is not None:
        for key, heading in mapped.covers.items():
            loc = ("evidence", entry_at, "covers", key) if entry_at is not None else ("evidence",)
            written[key] = (heading, MANIFEST, seen.doc.line_of(loc), dotted(loc) if entry_at is not None else None)
    topics = {t.lower(): t for rule_id in rules for t in seen.rules.topics.get(rule_id, ())}
    pointers: dict[str, str] = {}
    for key, (heading, shown, line, where) in written.items():
        normal = normalise_rule_id(key)
        rule = normal if normal in seen.rules or normal in rules else None
        if rule is not None:
            if normal not in rules:
                seen.problems.append(
                    Problem(
                        f"{rel} points at {normal}, but it is not mapped to {normal}",
                        shown,
                        line,
                        normal,
                        where,
                        f"map {rel} to {normal} too, or point at a topic of the rules it is mapped to "
                        f"({', '.join(rules) or 'none'})",
                    )
                )
                continue
            name = normal
        elif seen.rules.topics:
            found = topics.get(key.strip().lower())
            if found is None:
                close = difflib.get_close_matches(key.strip().lower(), list(topics), n=3, cutoff=0.4)
                named = ", ".join(repr(topics[c]) for c in close) or ", ".join(
                    repr(t) for t in list(topics.values())[:3]
                )
                seen.problems.append(
                    Problem(
                        f"{rel} points at {key!r}, which is neither a rule it is mapped to nor a topic of one",
                        shown,
                        line,
                        None,
                        where,
                        f"use a rule id or a topic as `narr-audit explain` lists it; the closest: {named or 'none'}",
                    )
                )
                continue
            name = found
        else:
            name = key.strip()
        if isinstance(content, Extracted):
            under = section_text(content, heading)
            if under is None or not under:
                close = closest_headings(content, heading)
                missing = f"is not a heading in {rel}" if under is None else f"has no text under it in {rel}"
                seen.problems.append(
                    Problem(
                        f"the section '{heading}' that {name} is pointed at {missing}",
                        shown,
                        line,
                        rule,
                        where,
                        "copy a heading exactly as the document has it"
                        + (f"; the closest: {', '.join(repr(h) for h in close)}" if close else ""),
                    )
                )
                continue
        pointers[name] = heading
    return pointers


def _dates(
    rel: str,
    content: Extracted | Unreadable | None,
    mapped: EvidenceEntry | None,
    front: FrontMatter | None,
    seen: _Collected,
    *,
    warn: bool,
    read: TextDates | None = None,
) -> dict[str, Any]:
    """The document's dates: residence.yaml's, then its front matter's, each gap filled from its own
    text (evidence.docdates); a clash between the two, and a scan read with low confidence, are warned
    about (``warn``: for a file mapped to a rule). ``read``: what the text says of its dates, when known."""
    given: dict[DateRole, tuple[date | None, str]] = {}
    for role in DATE_ROLES:
        if mapped is not None and getattr(mapped, role) is not None:
            given[role] = (getattr(mapped, role), MANIFEST)
        elif front is not None and getattr(front, role) is not None:
            given[role] = (getattr(front, role), "its front matter")
        else:
            given[role] = (None, MANIFEST)
    if not isinstance(content, Extracted) or not content.segments:
        return {role: value for role, (value, _) in given.items()}
    filled = fill_dates(rel, content, given, read=read)
    if warn:
        seen.warnings.extend(filled.warnings)
        low = ocr_warning(rel, content.ocr_confidence) if content.kind == "pdf" else None  # a photo: where used
        if low is not None:
            seen.warnings.append(low)
    return {**filled.dates, "dates_from_text": filled.from_text}


def _rule_lines(manifest: Manifest, doc: YamlDocument) -> dict[str, int]:
    """The line of residence.yaml where each rule is first named, so annotations can point at it."""
    found: dict[str, int] = {}
    places: list[tuple[str, tuple[str | int, ...]]] = []
    for index, entry in enumerate(manifest.evidence):
        places.extend((rule_id, ("evidence", index, "rules", n)) for n, rule_id in enumerate(entry.rules))
    places.extend((a.rule, ("attestations", n, "rule")) for n, a in enumerate(manifest.attestations))
    places.extend((e.rule, ("exceptions", n, "rule")) for n, e in enumerate(manifest.exceptions))
    for rule_id, loc in places:
        line = doc.line_of(loc)
        normal = normalise_rule_id(rule_id)
        if line is not None and normal not in found:
            found[normal] = line
    return found


def _root(folder: Path) -> Path:
    try:
        info = folder.stat()
        resolved = folder.resolve()
    except (OSError, RuntimeError) as exc:
        reason = _stat_reason(exc)
        if reason == _MISSING:
            raise NarrError.single(
                "no such folder", file=str(folder), hint="check the path to the evidence folder"
            ) from None
        raise NarrError.single(
            f"cannot open this folder: {reason}", file=str(folder), hint="check the path to the evidence folder"
        ) from None
    if not stat.S_ISDIR(info.st_mode):
        raise NarrError.single(
            "this is a file, not a folder", file=str(folder), hint="give the folder that holds residence.yaml"
        )
    return resolved


_MISSING = "it leads to no file"
_LOOP = "it is a link that goes round in a loop"
_OUTSIDE = "it is a link that leads outside the evidence folder"
_TOO_LONG = "its name is too long for the file system"
_FIXES = {
    _LOOP: "delete the link, or replace it with the file it should lead to",
    _TOO_LONG: "give the file a shorter name (at most 255 characters) and map it by that name",
}
_FIX_ACCESS = "check that the file is there and that you may read it"


def _stat_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return _MISSING
    if isinstance(exc, RuntimeError) or (isinstance(exc, OSError) and exc.errno == errno.ELOOP):
        return _LOOP
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        return _TOO_LONG
    return f"it cannot be read ({exc.strerror if isinstance(exc, OSError) and exc.strerror else exc})"


def _why_not_readable(root: Path, path: Path) -> str | None:
    """Why ``path`` is not a readable entry of the folder at ``root``: a loop, a link out, nothing
    there or an error; None when it resolves inside the folder."""
    try:
        path.stat()  # follows links: ELOOP for a loop
    except OSError as exc:
        reason = _stat_reason(exc)
        if reason == _MISSING and not _inside(root, path):
            return _OUTSIDE
        return reason
    return None if _inside(root, path) else _OUTSIDE


def inside_folder(root: Path, path: Path, shown: str, *, field: str | None = None) -> Path:
    """``path`` resolved, when it lies inside the folder ``root`` (itself resolved); a NarrError
    naming ``shown`` otherwise. The one rule for every file narr-audit finds in an evidence folder
    by name (residence.yaml, review.yaml): a link may point elsewhere in the folder, never out of it."""
    reason = _why_not_readable(root, path)
    if reason is None:
        return path.resolve()
    name = path.name
    subject = "this link" if Path(shown).name == name else f"{name} is a link that"
    if reason == _OUTSIDE:
        message, hint = (
            f"{subject} leads outside the evidence folder; it is refused",
            f"replace the link with the file itself: copy it into the folder as {name}",
        )
    elif reason == _LOOP:
        message, hint = (
            f"{subject} goes round in a loop, so there is no file to read",
            f"replace the link with the file itself, named {name}",
        )
    else:
        message, hint = f"{name}: {reason}", _FIXES.get(reason, _FIX_ACCESS)
    raise NarrError.single(message, file=shown, field=field, hint=hint)


def _is_link(path: Path) -> bool:
    try:
        return path.is_symlink()
    except OSError:  # a name too long for the file system, a folder that cannot be searched
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _size(path: Path) -> int:
    """The file's size, or 0 when it can no longer be looked at (deleted while the folder is read)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _walk(
    root: Path, warnings: list[Problem], problems: list[Problem], skip: frozenset[str] = frozenset()
) -> list[str]:
    """Every regular file under ``root`` as a sorted POSIX path, skipping hidden ones.

    A link that leads outside the folder is never followed; it is reported and left alone. A link
    that goes round in a loop, and a folder that cannot be listed, are problems: files would be
    missed without a word.
    """

    def unlisted(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        rel = where.relative_to(root).as_posix() if where != root and root in where.parents else "."
        problems.append(
            Problem(
                f"cannot list this folder ({exc.strerror or type(exc).__name__}), so its files would be missed",
                rel,
                hint="give your user permission to read the folder, or move the documents out of it",
            )
        )

    found: list[str] = []
    for current, dirnames, filenames in os.walk(root, onerror=unlisted, followlinks=False):
        here = Path(current)
        for name in [*dirnames, *filenames]:
            if not _utf8(name):  # a name saved in another encoding: reports could not show it
                shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                warnings.append(
                    Problem(
                        "ignored: this name is not valid UTF-8 text, so narr-audit cannot show it in a report",
                        (here / shown).relative_to(root).as_posix(),
                        hint="rename the file or folder (letters, digits, spaces, dashes), then map it",
                    )
                )
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and _utf8(d))
        if skip:
            dirnames[:] = [d for d in dirnames if (here / d).relative_to(root).as_posix() not in skip]
        filenames[:] = [f for f in filenames if _utf8(f)]
        for name in list(dirnames):
            if (here / name).is_symlink():
                dirnames.remove(name)
                rel = (here / name).relative_to(root).as_posix()
                if not _inside(root, here / name):
                    warnings.append(
                        Problem(
                            "ignored: this link leads outside the evidence folder",
                            rel,
                            hint="copy the files into the folder instead of linking to them",
                        )
                    )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            rel = path.relative_to(root).as_posix()
            if rel == REVIEW_FILE and _is_link(path):
                _check_review_link(root, path, problems)
            if rel in SKIPPED_AT_ROOT:
                continue
            if _is_link(path):
                reason = _why_not_readable(root, path)
                if reason == _OUTSIDE:
                    warnings.append(
                        Problem(
                            "ignored: this link leads outside the evidence folder",
                            rel,
                            hint="copy the file into the folder instead of linking to it",
                        )
                    )
                    continue
                if reason == _MISSING:
                    warnings.append(
                        Problem("ignored: this link leads to no file", rel, hint="delete the link, or copy the file in")
                    )
                    continue
                if reason is not None:
                    problems.append(Problem(f"narr-audit cannot follow this link: {reason}", rel, hint=_FIXES[_LOOP]))
                    continue
            if not _is_file(path):
                continue
            found.append(rel)
    return sorted(found)


def _check_review_link(root: Path, path: Path, problems: list[Problem]) -> None:
    """review.yaml is read by `check`: a link out or a loop is refused by every command, not only that one."""
    try:
        inside_folder(root, path, REVIEW_FILE)
    except NarrError as exc:
        problems.extend(exc.problems)


def _utf8(name: str) -> bool:
    """False for a name whose bytes are not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop (Python before 3.13)
        return False
    return True


def _safe_relative(
    root: Path,
    written: str,
    problems: list[Problem],
    line: int | None,
    field: str,
    files: list[str],
    known: frozenset[str] = frozenset(),
) -> str | None:
    """The folder-relative POSIX path of a mapped file, or None with a problem saying why not."""
    text = written.strip().replace("\\", "/")
    pure = PurePosixPath(text)
    if pure.is_absolute() or (len(text) > 1 and text[1] == ":"):
        problems.append(
            Problem(
                f"'{written}' is an absolute path; narr-audit only reads files inside the evidence folder",
                MANIFEST,
                line,
                field=field,
                hint="copy the file into the folder and give its path relative to residence.yaml",
            )
        )
        return None
    normal = posixpath.normpath(pure.as_posix())
    path = root / pure
    if normal in known and not _is_link(path):
        return normal  # found by the walk, which never follows a linked folder: nothing to resolve
    reason = _why_not_readable(root, path)
    if reason == _OUTSIDE:
        problems.append(
            Problem(
                f"'{written}' leads outside the evidence folder; it is refused",
                MANIFEST,
                line,
                field=field,
                hint="copy the file into the folder and give its path relative to residence.yaml",
            )
        )
        return None
    if reason not in (None, _MISSING):
        problems.append(
            Problem(
                f"'{written}': {reason}",
                MANIFEST,
                line,
                field=field,
                hint=_FIXES.get(reason, _FIX_ACCESS),
            )
        )
        return None
    if not _is_file(path):
        close = difflib.get_close_matches(pure.as_posix(), files, n=2, cutoff=0.5)
        hint = f"did you mean {' or '.join(close)}?" if close else "check the spelling, or add the file to the folder"
        problems.append(Problem(f"there is no file '{written}' in the folder", MANIFEST, line, field=field, hint=hint))
        return None
    return path.resolve().relative_to(root).as_posix()


def _front_matter(content: Extracted, rel: str, problems: list[Problem]) -> tuple[FrontMatter, YamlDocument] | None:
    """The narr keys of a document's front matter, and the parsed front matter to find their lines.

    A document without `narr:` is not mapped by it.
    """
    assert content.front_matter is not None
    offset = (content.front_matter_line or 2) - 1
    try:
        doc = parse_yaml(content.front_matter, path=Path(rel), display=rel)
    except NarrError as exc:
        problems.extend(_shift(p, offset) for p in exc.problems)
        return None
    if not isinstance(doc.data, dict) or "narr" not in doc.data:
        return None
    try:
        return FrontMatter.model_validate(doc.data), doc
    except ValidationError as exc:
        problems.extend(_shift(p, offset) for p in problems_from_validation(exc, doc, display=rel))
        return None


def _shift(problem: Problem, offset: int) -> Problem:
    line = None if problem.line is None else problem.line + offset
    return Problem(problem.message, problem.file, line, problem.rule, problem.field, problem.hint)


def _merge_rules(first: Sequence[str], second: Sequence[str]) -> list[str]:
    merged: list[str] = []
    for rule_id in [*first, *second]:
        normal = normalise_rule_id(rule_id)
        if normal not in merged:
            merged.append(normal)
    return merged


__all__ = [
    "FrontMatter",
    "ManifestFile",
    "Walked",
    "inside_folder",
    "load_folder",
    "read_manifest",
    "read_photos_early",
]
