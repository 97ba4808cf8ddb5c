"""The pre-commit hook: validate the evidence folders that changed files belong to, before they are committed.

pre-commit passes the staged files that match the hook's pattern (residence.yaml, Markdown and text).
Each file's evidence folder is the nearest folder above it holding a residence.yaml; every such folder
is validated once, as `narr-audit validate` does. A changed Markdown or text file in no evidence
folder has its `narr:` front matter checked on its own (valid YAML, known rule ids, valid dates), so a
policy written before its folder exists is still caught. A changed file of an organization folder
(its organization.yaml, a shared policy: the nearest folder above holding an organization.yaml, when
no residence.yaml is nearer) has the whole organization validated once, as `validate ORG` does.
Problems name the file as pre-commit gave it. Nothing is scored and nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pydantic import ValidationError

from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.validation import dotted, problems_from_validation
from narr_audit.base.yamlio import parse_yaml
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.content import Extracted
from narr_audit.evidence.extract import extract, kind_of
from narr_audit.evidence.loader import FrontMatter
from narr_audit.evidence.model import MANIFEST
from narr_audit.evidence.organization import ORGANIZATION
from narr_audit.workflows.audit import load_evidence

if TYPE_CHECKING:
    from narr_audit.standards.model import Rulebook

FRONT_MATTER_KINDS = ("markdown", "text")
# Front matter that does not parse is only ours to report when it is narr-audit's (a `narr:` key);
# a site generator's broken front matter in some other Markdown file is not this hook's business.
_NARR_KEY = re.compile(r"^narr\s*:", re.MULTILINE)


@dataclass
class HookResult:
    """What the hook found: problems fail the commit, warnings do not."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def evidence_folder(path: Path) -> Path | None:
    """The nearest folder above ``path`` holding residence.yaml, or None.

    Only the path's own parents are looked at, as given: a relative path never climbs above the
    folder the hook runs in (the repository's root), so a residence.yaml elsewhere is never picked up.
    """
    for candidate in (path.parent, *path.parent.parents):
        manifest = candidate / MANIFEST
        if manifest.is_file() or manifest.is_symlink():  # a broken link too: loading it says what is wrong
            return candidate
    return None


def organization_folder(path: Path) -> Path | None:
    """The nearest folder above ``path`` holding organization.yaml, or None (its own parents only, as
    :func:`evidence_folder`)."""
    for candidate in (path.parent, *path.parent.parents):
        manifest = candidate / ORGANIZATION
        if manifest.is_file() or manifest.is_symlink():
            return candidate
    return None


def check_files(
    paths: Sequence[str | Path],
    *,
    overlays: Sequence[str] = (),
    today: date | None = None,
    cache: Path | None = None,
) -> HookResult:
    """Validate the evidence folders of ``paths`` (each once), and loose front matter; see the module doc.

    ``cache`` keeps extracted text and the compiled rulebook between runs, as for `check`; never one
    that sits inside an evidence folder."""
    if cache is not None and evidence_folder(cache.resolve() / MANIFEST) is not None:
        cache = None
    result = HookResult()
    folders: dict[Path, Path] = {}
    organizations: dict[Path, Path] = {}
    loose: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.is_file():  # deleted or renamed away in this commit
            continue
        folder = evidence_folder(path)
        organization = organization_folder(path) if folder is None else None
        if folder is not None:
            folders.setdefault(folder.resolve(), folder)
        elif organization is not None:
            organizations.setdefault(organization.resolve(), organization)
        elif kind_of(path) in FRONT_MATTER_KINDS:
            loose.append(path)
    for organization in organizations.values():
        _check_organization(organization, result, overlays=overlays, today=today, cache=cache)
    for folder in folders.values():
        shown = _shown(folder)
        result.folders.append(shown or ".")
        try:
            loaded = load_evidence(
                folder,
                overlays=overlays,
                today=today or date.today(),
                cache=ExtractionCache(cache) if cache is not None else None,
                read_unmapped=False,  # the hook reports problems and warnings of mapped files only
            )
        except NarrError as exc:
            result.problems.extend(_inside(p, shown) for p in exc.problems)
            continue
        result.warnings.extend(_inside(p, shown) for p in loaded.evidence.warnings)
    book: Rulebook | None = None
    for path in loose:
        if book is None:
            from narr_audit.standards.loader import load_rulebook  # only loose files need the rulebook

            book = load_rulebook(overlays, cache_dir=cache)
        result.files.append(_shown(path))
        result.problems.extend(front_matter_problems(path, book))
    return result


def _check_organization(
    folder: Path, result: HookResult, *, overlays: Sequence[str], today: date | None, cache: Path | None
) -> None:
    """The whole organization validated once: organization.yaml, its shared evidence, every property."""
    from narr_audit.workflows.organization import validate_organization

    shown = _shown(folder)
    result.folders.append(shown or ".")
    try:
        checked = validate_organization(folder, today=today or date.today(), overlays=overlays, cache=cache)
    except NarrError as exc:
        result.problems.extend(_inside(p, shown) for p in exc.problems)
        return
    result.problems.extend(_inside(p, shown) for p in checked.problems)
    result.warnings.extend(_inside(p, shown) for p in checked.warnings)


def front_matter_problems(path: Path, book: Rulebook) -> list[Problem]:
    """Problems with the `narr:` front matter of one Markdown or text file, located at its lines."""
    shown = _shown(path)
    content = extract(path)
    if not isinstance(content, Extracted) or content.front_matter is None:
        return []
    offset = (content.front_matter_line or 2) - 1
    raw = content.front_matter
    try:
        doc = parse_yaml(raw, path=path, display=shown)
    except NarrError as exc:
        return [_shift(p, offset) for p in exc.problems] if _NARR_KEY.search(raw) else []
    if not isinstance(doc.data, dict) or "narr" not in doc.data:
        return []
    try:
        front = FrontMatter.model_validate(doc.data)
    except ValidationError as exc:
        return [_shift(p, offset) for p in problems_from_validation(exc, doc, display=shown)]
    rules = book.index()
    found = (
        rules.unknown(
            rule_id, file=shown, line=(doc.line_of(("narr", index)) or 1) + offset, field=dotted(("narr", index))
        )
        for index, rule_id in enumerate(front.narr)
    )
    return [p for p in found if p is not None]


def _shown(path: Path) -> str:
    """A path as the user wrote it, with forward slashes and no leading './'."""
    parts = [p for p in PurePosixPath(path.as_posix()).parts if p != "."]
    return str(PurePosixPath(*parts)) if parts else ""


def _inside(problem: Problem, folder: str) -> Problem:
    """A folder-relative problem, renamed so its file opens from where the hook ran."""
    if problem.file is None or not folder or Path(problem.file).is_absolute() or problem.file == folder:
        return problem
    return replace(problem, file=f"{folder}/{problem.file}")


def _shift(problem: Problem, offset: int) -> Problem:
    return problem if problem.line is None else replace(problem, line=problem.line + offset)


__all__ = ["HookResult", "check_files", "evidence_folder", "front_matter_problems", "organization_folder"]
