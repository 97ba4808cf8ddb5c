"""Load an evidence folder: residence.yaml, the files it maps, front matter, logs and photos.

Returns a typed :class:`Evidence`, or raises one NarrError listing every problem found, each naming
the file, the YAML line or CSV row, the field and how to fix it. An unreadable document (encrypted,
corrupt) is not an error: it is loaded as such, so the rest of the folder is still assessed.
This module only reads: it never writes into the evidence folder.
"""

from __future__ import annotations

import difflib
import os
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from narr_audit.cache import ExtractionCache
from narr_audit.catalog import normalise_rule_id, suggest
from narr_audit.errors import NarrError, Problem
from narr_audit.evidence.extract import DOCUMENT_KINDS, Extracted, Unreadable, extract, kind_of
from narr_audit.evidence.logs import is_log, read_log
from narr_audit.evidence.model import Document, Evidence, EvidenceEntry, Manifest, MappedBy
from narr_audit.models import DateField, Level
from narr_audit.standards.loader import load_rulebook, validate_document
from narr_audit.standards.model import Rulebook
from narr_audit.standards.overlay import overlay_for_affiliate
from narr_audit.validation import problems_from_validation
from narr_audit.yamlio import YamlDocument, parse_yaml, read_yaml

MANIFEST = "residence.yaml"
SCHEMA_FILE = "residence.schema.json"
# Files at the folder's root that belong to the folder's own upkeep, not to the evidence.
REVIEW_FILE = "review.yaml"  # a reviewer's findings kept beside the evidence (see narr_audit.review)
SKIPPED_AT_ROOT = {MANIFEST, SCHEMA_FILE, "README.md", REVIEW_FILE}


@dataclass(frozen=True)
class Loaded:
    evidence: Evidence
    rulebook: Rulebook


class FrontMatter(BaseModel):
    """The narr keys of a Markdown or text document's front matter; other keys are the author's own."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    narr: list[str]
    title: str | None = None
    effective: DateField | None = None
    reviewed: DateField | None = None
    expires: DateField | None = None

    @field_validator("narr", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


def load_folder(
    folder: Path,
    *,
    today: date,
    overlays: Sequence[str] = (),
    level: Level | None = None,
    as_of: date | None = None,
    read_documents: bool = True,
    cache: ExtractionCache | None = None,
) -> Loaded:
    """Everything in ``folder``, checked against the rules in force for it.

    ``cache`` keeps extracted text between runs; it is never used when it would sit inside the folder.
    """
    root = _root(folder)
    if cache is not None and cache.inside(root):
        cache = None
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        raise NarrError.single(
            f"there is no {MANIFEST} in this folder",
            file=str(folder),
            hint=f'create one with: narr-audit init {folder} --level II --name "Your House"',
        )
    doc = read_yaml(manifest_path, display=MANIFEST)
    manifest = validate_document(doc, Manifest, display=MANIFEST, owner_keys=("rule",))

    warnings: list[Problem] = []
    in_force = list(overlays)
    affiliate = manifest.residence.affiliate
    if affiliate:
        found = overlay_for_affiliate(affiliate)
        if found is None:
            warnings.append(
                Problem(
                    f"no overlay ships for the affiliate '{affiliate}'; only NARR 3.0 rules apply",
                    MANIFEST,
                    doc.line_of(("residence", "affiliate")),
                    field="residence.affiliate",
                    hint="give the affiliate's overlay with --standards PATH if you have one",
                )
            )
        elif found not in in_force:
            in_force.insert(0, found)
    book = load_rulebook(in_force, cache_dir=cache.root if cache is not None else None)
    known = set(book.rule_ids())

    problems: list[Problem] = []

    def check_rule(rule_id: str, loc: tuple[str | int, ...], shown: str = MANIFEST, line: int | None = None) -> str:
        normal = normalise_rule_id(rule_id)
        if normal not in known:
            problems.append(
                Problem(
                    f"there is no rule '{rule_id}'" + _retired_note(book, normal),
                    shown,
                    line if line is not None else doc.line_of(loc),
                    field=_dotted(loc),
                    hint=suggest(book, normal),
                )
            )
        return normal

    files = _walk(root, warnings)
    walked = frozenset(files)
    entries: dict[str, tuple[EvidenceEntry, int]] = {}
    for index, entry in enumerate(manifest.evidence):
        rel = _safe_relative(
            root,
            entry.file,
            problems,
            doc.line_of(("evidence", index, "file")),
            f"evidence[{index}].file",
            files,
            walked,
        )
        for r_index, rule_id in enumerate(entry.rules):
            check_rule(rule_id, ("evidence", index, "rules", r_index))
        if rel is None:
            continue
        if rel in entries:
            problems.append(
                Problem(
                    f"{rel} is listed twice (also as evidence[{entries[rel][1]}])",
                    MANIFEST,
                    doc.line_of(("evidence", index, "file")),
                    field=f"evidence[{index}].file",
                    hint="list each file once, with all its rules",
                )
            )
            continue
        entries[rel] = (entry, index)
    attached: set[str] = set()
    for index, attestation in enumerate(manifest.attestations):
        check_rule(attestation.rule, ("attestations", index, "rule"))
        if attestation.file:
            line = doc.line_of(("attestations", index, "file"))
            scan = _safe_relative(root, attestation.file, problems, line, f"attestations[{index}].file", files, walked)
            if scan is not None:
                attached.add(scan)
    for index, exception in enumerate(manifest.exceptions):
        check_rule(exception.rule, ("exceptions", index, "rule"))
        if exception.expires_on is None:
            warnings.append(
                Problem(
                    f"the exception's expiry '{exception.expires}' is not a valid date; it will count as not met",
                    MANIFEST,
                    doc.line_of(("exceptions", index, "expires")),
                    rule=exception.rule,
                    field=f"exceptions[{index}].expires",
                    hint="write the expiry date the affiliate approved as YYYY-MM-DD",
                )
            )

    assessed_on = as_of or manifest.assessed_on or today
    for index, attestation in enumerate(manifest.attestations):
        if attestation.date > assessed_on:
            problems.append(
                Problem(
                    f"the attestation is dated {attestation.date}, after the assessment date {assessed_on}",
                    MANIFEST,
                    doc.line_of(("attestations", index, "date")),
                    rule=attestation.rule,
                    field=f"attestations[{index}].date",
                    hint="correct the date it was signed",
                )
            )

    documents: list[Document] = []
    unmapped: list[str] = []
    # A mapped file is read even where the walk skips (a hidden folder, README.md at the root):
    # the operator named it, so it must not be silently dropped.
    for rel in sorted(set(files) | set(entries)):
        path = root / rel
        entry_index = entries.get(rel)
        kind = "log" if is_log(path) else kind_of(path)
        front: FrontMatter | None = None
        content: Extracted | Unreadable | None = None
        if kind in ("markdown", "text") and (read_documents or entry_index is None):
            content = extract(path, cache)
            if isinstance(content, Extracted) and content.front_matter is not None:
                parsed = _front_matter(content, rel, problems)
                if parsed is not None:
                    front, front_doc = parsed
                    offset = (content.front_matter_line or 2) - 1
                    checked = [
                        check_rule(r, ("narr", i), rel, (front_doc.line_of(("narr", i)) or 1) + offset)
                        for i, r in enumerate(front.narr)
                    ]
                    front = front.model_copy(update={"narr": checked})
            elif isinstance(content, Unreadable) and entry_index is None and path.stat().st_size > 0:
                warnings.append(
                    Problem(
                        f"{content.reason}, so narr-audit cannot see whether its front matter maps it to rules",
                        rel,
                        hint=content.hint,
                    )
                )
        if entry_index is None and front is None:
            if rel not in attached:
                unmapped.append(rel)
            continue
        mapped = entry_index[0] if entry_index else None
        mapped_by: list[MappedBy] = []
        if mapped:
            mapped_by.append("manifest")
        if front:
            mapped_by.append("front-matter")
        rules = _merge_rules(mapped.rules if mapped else [], front.narr if front else [])
        if kind is None:
            suffix = path.suffix or "(no suffix)"
            documents.append(
                Document(
                    path=rel,
                    kind="text",
                    rules=rules,
                    mapped_by=mapped_by,
                    unreadable=Unreadable(
                        f"narr-audit cannot read {suffix} files",
                        "save it as PDF, Word (.docx), Markdown, text or CSV, and map that copy",
                    ),
                    size=path.stat().st_size,
                )
            )
            continue
        records = []
        if kind == "log":
            try:
                records = read_log(path, rel, mapped.date_column if mapped else None)
            except NarrError as exc:
                problems.extend(exc.problems)
        elif content is None and read_documents:
            content = extract(path, cache)

        def pick(name: str, mapped: EvidenceEntry | None = mapped, front: FrontMatter | None = front) -> Any:
            from_entry = getattr(mapped, name) if mapped else None
            return from_entry if from_entry is not None else (getattr(front, name) if front else None)

        documents.append(
            Document(
                path=rel,
                kind=kind,
                rules=rules,
                mapped_by=mapped_by,
                title=pick("title") or (content.title if isinstance(content, Extracted) else None),
                effective=pick("effective"),
                reviewed=pick("reviewed"),
                expires=pick("expires"),
                content=content if isinstance(content, Extracted) else None,
                unreadable=content if isinstance(content, Unreadable) else None,
                records=records,
                size=path.stat().st_size,
            )
        )
    if problems:
        raise NarrError(problems)
    evidence = Evidence(
        rule_lines=_rule_lines(manifest, doc),
        evidence_line=doc.line_of(("evidence",)),
        folder=str(folder),
        manifest=manifest,
        assessed_on=assessed_on,
        level=level or manifest.residence.level,
        overlays=list(book.overlays),
        documents=documents,
        unmapped=unmapped,
        warnings=warnings,
    )
    return Loaded(evidence, book)


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
    if not folder.exists():
        raise NarrError.single("no such folder", file=str(folder), hint="check the path to the evidence folder")
    if not folder.is_dir():
        raise NarrError.single(
            "this is a file, not a folder", file=str(folder), hint="give the folder that holds residence.yaml"
        )
    return folder.resolve()


def _walk(root: Path, warnings: list[Problem]) -> list[str]:
    """Every regular file under ``root`` as a sorted POSIX path, skipping hidden ones.

    A link that leads outside the folder is never followed; it is reported and left alone.
    """
    found: list[str] = []
    for current, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(current)
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
            if rel in SKIPPED_AT_ROOT:
                continue
            if path.is_symlink() and not _inside(root, path):
                warnings.append(
                    Problem(
                        "ignored: this link leads outside the evidence folder",
                        rel,
                        hint="copy the file into the folder instead of linking to it",
                    )
                )
                continue
            if not path.is_file():
                continue
            found.append(rel)
    return sorted(found)


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError):
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
    if normal in known and not (root / normal).is_symlink():
        return normal  # found by the walk, which never follows a linked folder: nothing to resolve
    path = root / pure
    if not _inside(root, path):
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
    if not path.is_file():
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


def _retired_note(book: Rulebook, rule_id: str) -> str:
    for gone in book.retired:
        if gone.id == rule_id:
            return f" in force (it was retired by {gone.by}: {gone.reason})"
    return ""


def _dotted(loc: tuple[str | int, ...]) -> str | None:
    from narr_audit.validation import dotted

    return dotted(loc) or None


__all__ = ["DOCUMENT_KINDS", "MANIFEST", "FrontMatter", "Loaded", "load_folder"]
