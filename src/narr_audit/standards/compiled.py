"""The compiled Standard in the cache folder: the stamp it is kept under, and its index of rule ids.

The Standard also ships compiled (``standards/compiled/``, written by ``scripts/compile-standards.py``),
so a first run, or any run without a cache, reads JSON instead of parsing the YAML and stemming the
vocabulary. Those files are named by a content stamp (:func:`shipped_stamp`): the bytes of the
Standard, the vocabulary and the overlays, and the source of the code that reads and compiles them,
so a file made from anything else is never used (the YAML is read instead, as without it).

The stamp names what the compiled files were made from: narr-audit's version and every file of the
Standard, of the vocabulary and of the overlays in force (path, size, time of change), so an edit to
any of them compiles afresh. Beside the compiled rulebook (see :mod:`narr_audit.standards.loader`)
sits its index: the rule ids in force, those an overlay retired, and the overlays' names. A command
that only checks the ids a folder names (`validate`, the pre-commit hook) reads that instead of the
rulebook. This module stays light: it imports neither the Standard's models nor the checks.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from narr_audit import __version__
from narr_audit.base.ids import Retired, RuleIndex
from narr_audit.base.resources import standards_dir

NARR_ID = "narr-3.0"
VOCABULARY_DIR = "vocabulary"
OVERLAY_DIR = "overlays"  # as standards.overlay names it
SHIPPED_DIR = "compiled"
# The code that reads the Standard and compiles its topics (its models, checks and word tables):
# part of what a shipped compiled file was made from.
_CODE_PACKAGES = ("base", "checks", "standards")


def shipped_overlay_ids() -> list[str]:
    """The ids of the overlays that ship, sorted (as standards.overlay.shipped_overlays lists them)."""
    folder = standards_dir() / OVERLAY_DIR
    return [p.stem for p in sorted(folder.glob("*.yaml"))] if folder.is_dir() else []


def overlay_file(name: str) -> Path | None:
    """The file of an overlay given by path or by a shipped id, found as standards.overlay's
    resolve_overlay finds it; None when it names none (resolve_overlay then says why)."""
    path = Path(name)
    if path.is_file():
        return path
    if name.lower() in shipped_overlay_ids():
        return standards_dir() / OVERLAY_DIR / f"{name.lower()}.yaml"
    return None


def stamp(overlays: Sequence[str]) -> str | None:
    """The stamp of NARR 3.0 with ``overlays``; None when an overlay names no file.

    Worked out on every audit (twice: the index, then the rulebook), so with plain os calls: a batch
    audits hundreds of folders."""
    root = standards_dir()
    files = _yaml_files(root / NARR_ID) + _yaml_files(root / VOCABULARY_DIR)  # topics name its concepts
    for name in overlays:
        found = overlay_file(name)
        if found is None:
            return None
        files.append(os.path.realpath(found))
    digest = hashlib.sha256(__version__.encode())
    for path in files:
        info = os.stat(path)  # noqa: PTH116 - a str path: no Path object per file
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:24]


def shipped_stamp(overlays: Sequence[str]) -> str | None:
    """The content stamp of NARR 3.0 with ``overlays`` (shipped overlay ids only; None for any other,
    e.g. an overlay file of one's own): narr-audit's version, the name and bytes of every file of the
    Standard, the vocabulary and the overlays, and of the code that reads and compiles them. The same
    on every machine, unlike :func:`stamp`, so compiled files can ship with narr-audit."""
    root = standards_dir()
    overlay_dir = (root / OVERLAY_DIR).resolve()
    files = [(f"{folder}/{Path(path).name}", path) for folder in (NARR_ID, VOCABULARY_DIR)
             for path in _yaml_files(root / folder)]  # fmt: skip
    for name in overlays:
        found = overlay_file(name)
        if found is None or found.resolve().parent != overlay_dir:
            return None
        files.append((f"{OVERLAY_DIR}/{found.name}", str(found.resolve())))
    package = Path(__file__).resolve().parent.parent
    for sub in _CODE_PACKAGES:
        files.extend((f"narr_audit/{sub}/{path.name}", str(path)) for path in sorted((package / sub).glob("*.py")))
    digest = hashlib.sha256(__version__.encode())
    try:
        for label, path in files:
            data = Path(path).read_bytes()
            digest.update(f"\0{label}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError:
        return None
    return digest.hexdigest()[:24]


def shipped_file(kind: str, found: str) -> Path:
    """Where the shipped compiled ``kind`` ("rulebook" or "concepts") of content stamp ``found`` is."""
    return standards_dir() / SHIPPED_DIR / f"{kind}-{found}.json.gz"


def _yaml_files(folder: Path) -> list[str]:
    """The real paths of a folder's ``*.yaml`` files (as Path.glob finds them, and the loader reads
    them: hidden ones too), sorted by name."""
    real = os.path.realpath(folder)
    try:
        with os.scandir(real) as entries:
            found = sorted((e.name, e.is_symlink()) for e in entries if e.name.endswith(".yaml"))
    except OSError:
        return []
    paths = [(f"{real}{os.sep}{name}", link) for name, link in found]
    return [os.path.realpath(path) if link else path for path, link in paths]


def _index_path(cache_dir: Path, found: str) -> Path:
    return cache_dir / f"index-{found}.json"


def read_index(cache_dir: Path, overlays: Sequence[str]) -> tuple[RuleIndex, list[str]] | None:
    """The rule ids in force with ``overlays`` and the overlays' names, as kept beside the compiled
    rulebook; None when none is kept (or it cannot be read)."""
    found = stamp(overlays)
    if found is None:
        return None
    try:
        data = json.loads(_index_path(cache_dir, found).read_bytes())
        ids, retired, names, topics = data["ids"], data["retired"], data["overlays"], data["topics"]
        if not all(isinstance(i, str) for i in [*ids, *names]):
            return None
        gone = {k: Retired(str(by), str(why)) for k, (by, why) in retired.items()}
        return RuleIndex(tuple(ids), gone, {k: tuple(str(t) for t in v) for k, v in topics.items()}), names
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_index(cache_dir: Path, found: str, index: RuleIndex, overlays: Sequence[str]) -> None:
    """Keep the index of the rulebook compiled under ``found`` (once: it never changes)."""
    target = _index_path(cache_dir, found)
    if target.exists():
        return
    data = {
        "ids": list(index.ids),
        "retired": {k: [r.by, r.reason] for k, r in index.retired.items()},
        "overlays": list(overlays),
        "topics": {k: list(v) for k, v in index.topics.items()},
    }
    write_whole(target, json.dumps(data, ensure_ascii=False))


def write_whole(target: Path, text: str) -> None:
    """Write a file of the cache whole or not at all (readable only by the user); a cache that
    cannot be written costs only time."""
    with contextlib.suppress(OSError, UnicodeError):
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            Path(temp).replace(target)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temp).unlink()
            raise


__all__ = [
    "overlay_file",
    "read_index",
    "shipped_file",
    "shipped_overlay_ids",
    "shipped_stamp",
    "stamp",
    "write_index",
    "write_whole",
]
