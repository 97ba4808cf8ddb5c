"""Photos handed to Tesseract as soon as a command knows its folder, before the rest of narr-audit loads.

Reading the rules, the vocabulary and the modules that judge them takes a few tenths of a second;
Tesseract, a program of its own, can read a folder's photos on another core meanwhile, so a first
(uncached) run does not wait for OCR after the rest is done. This module stays light to import for
that reason (no pydantic models, no loader).

The walk here is a quick look, not the loader's: it takes only plain image files (no links, nothing
hidden, names that are valid text), stops early on a huge folder, and reports nothing. The loader
walks the folder again, reports what it must, and asks for each photo's reading as before: a photo
read here is found ready (evidence.ocr keeps readings by content hash), one left out is read then.
The readings are the same either way, so this changes how soon, never what.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.limits import MAX_DOCUMENT_BYTES
from narr_audit.evidence.ocr import IMAGE_SUFFIXES, read_ahead, tesseract_missing

__all__ = ["MAX_EARLY_BYTES", "MAX_EARLY_ENTRIES", "MAX_EARLY_PHOTOS", "read_photos_soon"]

MAX_EARLY_ENTRIES = 5_000
"""Names looked at before the quick walk gives up (the loader's own walk then finds the photos)."""
MAX_EARLY_PHOTOS = 64
MAX_EARLY_BYTES = 256 * 1024 * 1024


def read_photos_soon(root: Path, cache_dir: Path | None = None) -> None:
    """Start OCR of the photos under ``root`` in the background; return at once.

    Photos whose reading the extraction cache under ``cache_dir`` already holds are left alone (a
    cache inside the folder is never used, as elsewhere). Without Tesseract, or when ``root`` is not
    a folder, nothing happens."""
    if not root.is_dir() or tesseract_missing() is not None:
        return
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    if cache is not None and cache.inside(root):
        cache = None
    photos: list[bytes] = []
    total = 0
    for path in _images(root):
        try:
            info = path.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= MAX_DOCUMENT_BYTES:
                continue
            if total + info.st_size > MAX_EARLY_BYTES:
                break
            data = path.read_bytes()
        except OSError:
            continue
        total += len(data)
        if cache is None or cache.get(cache.key("image+ocr", data)) is None:
            photos.append(data)
        if len(photos) >= MAX_EARLY_PHOTOS:
            break
    read_ahead(photos)


def _images(root: Path) -> list[Path]:
    """Plain image files under ``root`` in walk order (sorted), at most MAX_EARLY_ENTRIES names looked at."""
    found: list[Path] = []
    seen = 0
    for current, dirnames, filenames in os.walk(root, followlinks=False):
        seen += len(dirnames) + len(filenames)
        if seen > MAX_EARLY_ENTRIES:
            return found
        here = Path(current)
        dirnames[:] = sorted(d for d in dirnames if _plain(d) and not (here / d).is_symlink())
        for name in sorted(filenames):
            path = here / name
            if _plain(name) and path.suffix.lower() in IMAGE_SUFFIXES:
                found.append(path)
    return found


def _plain(name: str) -> bool:
    """Not hidden, and text a report could show (the loader ignores the rest too)."""
    if name.startswith("."):
        return False
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
