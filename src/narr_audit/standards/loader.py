"""Load the Standard from YAML into a :class:`Rulebook`, reporting every problem at once.

This is the one place standards YAML becomes models; its errors name the file, line, rule and field.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import zlib
from collections.abc import Sequence
from pathlib import Path

from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.ids import STANDARD_ID
from narr_audit.base.resources import standards_dir
from narr_audit.base.yamlio import YamlDocument
from narr_audit.checks.recognise import Vocabulary
from narr_audit.standards import compiled
from narr_audit.standards.compiled import NARR_ID, VOCABULARY_DIR
from narr_audit.standards.model import Domain, Principle, Rulebook, StandardInfo, VocabularyFile, concepts_from
from narr_audit.standards.reading import display_path, read_model, validate_file

INDEX_FILE = "index.yaml"


def principle_problems(principle: Principle, doc: YamlDocument, shown: str) -> list[Problem]:
    """Ids that disagree with where they sit: a rule under the wrong standard, a standard in the wrong file."""
    problems = []
    for s_index, standard in enumerate(principle.standards):
        match = STANDARD_ID.match(standard.id)
        assert match is not None
        if (match["domain"], match["principle"]) != (principle.domain, principle.principle):
            problems.append(
                Problem(
                    f"standard {standard.id} is in the file of principle {principle.domain}.{principle.principle}",
                    shown,
                    doc.line_of(("standards", s_index, "id")),
                    standard.id,
                    "id",
                    "move it to its principle's file or correct the id",
                )
            )
        for r_index, rule in enumerate(standard.rules):
            if rule.standard_id != standard.id:
                problems.append(
                    Problem(
                        f"the rule is listed under standard {standard.id}, but its id says {rule.standard_id}",
                        shown,
                        doc.line_of(("standards", s_index, "rules", r_index, "id")),
                        rule.id,
                        "id",
                        f"move it under {rule.standard_id} or correct the id",
                    )
                )
    return problems


def load_narr(folder: Path | None = None) -> Rulebook:
    """NARR Standard 3.0 as shipped (or from ``folder``, for tests of broken libraries)."""
    folder = folder or standards_dir() / NARR_ID
    index_path = folder / INDEX_FILE
    if not index_path.is_file():
        raise NarrError.single(
            f"the standards folder has no {INDEX_FILE}",
            file=display_path(folder),
            hint="reinstall narr-audit",
        )
    info = validate_file(index_path, StandardInfo)

    problems: list[Problem] = []
    principles: dict[tuple[str, str], tuple[Principle, Path]] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == INDEX_FILE:
            continue
        try:
            principle, doc = read_model(path, Principle)
        except NarrError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(principle_problems(principle, doc, display_path(path)))
        key = (principle.domain, principle.principle)
        if key in principles:
            problems.append(
                Problem(
                    f"principle {key[0]}.{key[1]} is also defined in {display_path(principles[key][1])}",
                    file=display_path(path),
                    field="principle",
                    hint="keep one file per principle",
                )
            )
            continue
        principles[key] = (principle, path)

    domains: list[Domain] = []
    placed: set[tuple[str, str]] = set()
    for domain in info.domains:
        members = []
        for letter in domain.principles:
            key = (domain.id, letter)
            if key not in principles:
                problems.append(
                    Problem(
                        f"domain {domain.id} lists principle {letter}, but no file defines it",
                        file=display_path(index_path),
                        field="domains",
                        hint=f"add a file with 'domain: \"{domain.id}\"' and 'principle: {letter}'",
                    )
                )
                continue
            members.append(principles[key][0])
            placed.add(key)
        domains.append(Domain(id=domain.id, title=domain.title, principles=members))
    for key, (_, path) in sorted(principles.items()):
        if key not in placed:
            problems.append(
                Problem(
                    f"principle {key[0]}.{key[1]} is not listed in {INDEX_FILE}",
                    file=display_path(path),
                    field="principle",
                    hint=f"add it to its domain in {INDEX_FILE}",
                )
            )

    seen: dict[str, Path] = {}
    for key in sorted(principles):
        principle, path = principles[key]
        for standard in principle.standards:
            for some_id in [standard.id, *(rule.id for rule in standard.rules)]:
                if some_id in seen:
                    problems.append(
                        Problem(
                            f"the id {some_id} is used twice (also in {display_path(seen[some_id])})",
                            file=display_path(path),
                            rule=some_id,
                            field="id",
                            hint="every standard and rule id must be unique",
                        )
                    )
                seen[some_id] = path
    if problems:
        raise NarrError(problems)
    return Rulebook(
        id=info.id,
        title=info.title,
        publisher=info.publisher,
        summary=info.summary,
        sources=info.sources,
        domains=domains,
        vocabulary=load_vocabulary(folder.parent / VOCABULARY_DIR),
    )


def load_vocabulary(folder: Path) -> dict[str, list[str]]:
    """Every concept of the shared vocabulary: the files of ``folder``, merged (a concept named in
    two files gathers the phrasings of both), in a stable order."""
    merged: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = validate_file(path, VocabularyFile)
        except NarrError as exc:
            problems.extend(exc.problems)
            continue
        for name, phrasings in data.root.items():
            known = merged.setdefault(name, [])
            known.extend(p for p in phrasings if p not in known)
    if problems:
        raise NarrError(problems)
    return merged


def load_rulebook(overlays: Sequence[str] = (), *, cache_dir: Path | None = None) -> Rulebook:
    """NARR 3.0 with the given overlays applied in order (paths, or ids of shipped overlays).

    Remembered within a process (a batch audits hundreds of folders against the same rules); an
    overlay file edited since is read again. The Standard ships compiled (standards/compiled/, see
    :func:`write_shipped`): without a cache, that JSON is read instead of the YAML when it was made
    from the same files and code. With ``cache_dir``, the Standard is also kept there, validated, as
    JSON: reading that back is ten times faster than parsing the YAML.
    """
    key = tuple((name, _signature(name)) for name in overlays)
    if cache_dir is not None:
        return _compiled(cache_dir, key)
    return _shipped(key) or _cached_rulebook(key)


_COMPILED: dict[Path, Rulebook] = {}  # read once per process: a batch worker audits hundreds of folders
_UNREADABLE = (OSError, ValueError, EOFError, zlib.error)  # a damaged file: read the YAML instead


def _compiled(cache_dir: Path, key: tuple[tuple[str, tuple[int, int] | None], ...]) -> Rulebook:
    """The rulebook from its compiled JSON when the Standard and overlays are unchanged since."""
    names = [name for name, _ in key]
    found = compiled.stamp(names)
    if found is None:
        from narr_audit.standards.overlay import resolve_overlay

        for name in names:
            resolve_overlay(name)  # an unknown overlay raises its own clear error
        return _cached_rulebook(key)
    target = cache_dir / f"rulebook-{found}.json"
    if target in _COMPILED:
        return _COMPILED[target]
    try:
        book = Rulebook.model_validate_json(target.read_bytes())
    except (OSError, ValueError):
        text = (_shipped(key) or _cached_rulebook(key)).model_dump_json()
        compiled.write_whole(target, text)
        book = Rulebook.model_validate_json(text)  # as a warm run reads it, with its vocabulary kept
    compiled.write_index(cache_dir, found, book.index(), book.overlays)
    _COMPILED[target] = book
    concepts_from(book, functools.partial(_compiled_concepts, cache_dir, found, names))
    return book


def _compiled_concepts(cache_dir: Path, stamp: str, names: Sequence[str], book: Rulebook) -> Vocabulary:
    """The rulebook's vocabulary, compiled (phrasings stemmed, and each topic's ideas assembled),
    kept beside the compiled rulebook.

    Keyed like the rulebook (the Standard's and the vocabulary's files) and by the recogniser's code
    and stemmer, which decide the stems: an edit to either compiles it afresh (or takes the shipped
    compilation, when it was made from the same).
    """
    from narr_audit.checks.analysis_cache import fingerprint

    target = cache_dir / f"concepts-{stamp}-{fingerprint()[:16]}.json"
    with contextlib.suppress(OSError, ValueError):
        kept = json.loads(target.read_bytes())
        if isinstance(kept, dict):
            return Vocabulary.from_compiled(kept, book.vocabulary, stamp=target.stem)
    shipped = compiled.shipped_stamp(names)
    made = _shipped_concepts(shipped, book, stamp=target.stem) if shipped is not None else None
    vocabulary = made if made is not None else _compile_vocabulary(book, stamp=target.stem)
    compiled.write_whole(target, json.dumps(vocabulary.compiled(), ensure_ascii=False, separators=(",", ":")))
    return vocabulary


def _compile_vocabulary(book: Rulebook, *, stamp: str | None = None) -> Vocabulary:
    """Every concept of the rulebook's vocabulary and every topic's ideas, compiled now."""
    from narr_audit.checks.document import topic_specs

    vocabulary = Vocabulary.build(book.vocabulary, stamp=stamp)
    topic_specs(book.rules(), vocabulary)  # every topic's ideas, compiled once and kept with the concepts
    return vocabulary


@functools.lru_cache(maxsize=16)
def _shipped(key: tuple[tuple[str, tuple[int, int] | None], ...]) -> Rulebook | None:
    """The rulebook as shipped compiled, when it was made from today's files and code; else None."""
    names = [name for name, _ in key]
    found = compiled.shipped_stamp(names)
    if found is None:
        return None
    try:
        book = Rulebook.model_validate_json(gzip.decompress(compiled.shipped_file("rulebook", found).read_bytes()))
    except _UNREADABLE:
        return None
    concepts_from(book, functools.partial(_shipped_concepts, found, stamp=f"shipped-{found}"))
    return book


def _shipped_concepts(found: str, book: Rulebook, *, stamp: str | None = None) -> Vocabulary | None:
    """The vocabulary as shipped compiled with the rulebook of stamp ``found``, when it was stemmed
    by the stemmer installed here; else None (it is compiled)."""
    try:
        kept = json.loads(gzip.decompress(compiled.shipped_file("concepts", found).read_bytes()))
    except _UNREADABLE:
        return None
    if not isinstance(kept, dict) or kept.get("environment") != _environment():
        return None
    made = kept.get("compiled")
    return Vocabulary.from_compiled(made, book.vocabulary, stamp=stamp) if isinstance(made, dict) else None


@functools.lru_cache(maxsize=1)
def _environment() -> dict[str, str | None]:
    """What stems the vocabulary besides narr-audit's code: the stemmer packages' versions."""
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in ("snowballstemmer", "PyStemmer"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def write_shipped(folder: Path | None = None) -> list[Path]:
    """Compile NARR 3.0 alone and with each shipped overlay from the YAML, and write them where
    :func:`load_rulebook` finds them (``standards/compiled/``), removing compilations of anything
    else. For scripts/compile-standards.py; the files are deterministic (gzip without a time)."""
    target = folder or standards_dir() / compiled.SHIPPED_DIR
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for overlays in [(), *((name,) for name in compiled.shipped_overlay_ids())]:
        found = compiled.shipped_stamp(overlays)
        assert found is not None, overlays
        book = _cached_rulebook(tuple((name, _signature(name)) for name in overlays))
        concepts = {"environment": _environment(), "compiled": _compile_vocabulary(book).compiled()}
        for kind, text in (
            ("rulebook", book.model_dump_json()),
            ("concepts", json.dumps(concepts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))),
        ):
            path = target / compiled.shipped_file(kind, found).name
            path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
            written.append(path)
    for old in target.glob("*.json.gz"):
        if old not in written:
            old.unlink()
    written.append(_write_patterns(target))
    return written


def _write_patterns(target: Path) -> Path:
    """Every lazily compiled pattern of the checks and the evidence readers, compiled ahead for the
    Python running now (see base.lazyre); other Pythons' files are left, since a file is only read by
    its own release."""
    import importlib

    from narr_audit.base import lazyre

    for name in PATTERN_MODULES:
        importlib.import_module(name)
    return lazyre.write_store(PATTERN_MODULES, target / lazyre.store_path().name)


# The modules that make lazy patterns (tests/test_lazyre.py holds this list to what the code has).
PATTERN_MODULES = (
    "narr_audit.base.language",
    "narr_audit.evidence.content",
    "narr_audit.evidence.docdates",
    "narr_audit.evidence.records",
)


def _signature(name: str) -> tuple[int, int] | None:
    path = Path(name)
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


@functools.lru_cache(maxsize=16)
def _cached_rulebook(key: tuple[tuple[str, tuple[int, int] | None], ...]) -> Rulebook:
    from narr_audit.standards.overlay import apply_overlays  # read from YAML: imported when needed

    book = _shipped_narr()
    overlays = [name for name, _ in key]
    return apply_overlays(book, overlays) if overlays else book


@functools.lru_cache(maxsize=1)
def _shipped_narr() -> Rulebook:
    return load_narr()
