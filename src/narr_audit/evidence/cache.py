"""A cache of extracted document text, keyed by the file's content hash, outside the evidence folder.

Re-reading an unchanged 40-page PDF on every run is the slowest part of a batch; the cache makes the
second run cheap. Cached text is as confidential as the documents it came from (policies, and in some
binders resident records), so the cache lives in the user's own cache folder, readable only by them,
and never inside an evidence folder. Any failure to read or write the cache only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from narr_audit import __version__
from narr_audit.evidence.content import Extracted, Segment, Table, Unreadable

# Bump when extraction changes what it returns for the same bytes.
EXTRACTOR_VERSION = 8  # 4: tables filled (Word, HTML, Markdown), for records; 5: PDF month calendars by place;
# 6: Word text inside tracked insertions, fields and inline content controls; 7: struck-through and hidden
# text left out (Markdown ~~, HTML del/s/strike, Word strike, double strike and hidden runs); 8: the headings
# a section sits under (Segment.within)
ENV_DIR = "NARR_AUDIT_CACHE_DIR"


def default_cache_dir() -> Path:
    """$NARR_AUDIT_CACHE_DIR, else the platform's user cache folder (XDG on Linux)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "narr-audit" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "narr-audit"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "narr-audit"


class ExtractionCache:
    """Extracted text stored as JSON files named by the SHA-256 of the document's bytes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / f"extract-v{EXTRACTOR_VERSION}"
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(kind: str, data: bytes) -> str:
        digest = hashlib.sha256(data)
        digest.update(f"\0{kind}\0{EXTRACTOR_VERSION}\0{__version__}".encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Extracted | Unreadable | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            found = _decode(data)
        except (OSError, ValueError, KeyError, TypeError):
            found = None
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, key: str, value: Extracted | Unreadable) -> None:
        target = self._path(key)
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps(_encode(value), ensure_ascii=False))  # dumps: the C encoder
            Path(temp).replace(target)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                Path(temp).unlink()

    def inside(self, folder: Path) -> bool:
        """True when the cache would sit inside ``folder`` (it must never write into evidence)."""
        try:
            self.root.resolve().relative_to(folder.resolve())
        except (ValueError, OSError):
            return False
        return True


def _encode(value: Extracted | Unreadable) -> dict[str, Any]:
    if isinstance(value, Unreadable):
        return {"unreadable": value.reason, "hint": value.hint}
    return {
        "kind": value.kind,
        "segments": [[s.where, s.text, list(s.within)] if s.within else [s.where, s.text] for s in value.segments],
        "title": value.title,
        "pages": value.pages,
        "front_matter": value.front_matter,
        "front_matter_line": value.front_matter_line,
        "photo_date": value.photo_date.isoformat() if value.photo_date else None,
        "tables": [[t.where, list(t.header), [list(r) for r in t.rows]] for t in value.tables],
        "ocr_confidence": value.ocr_confidence,
    }


def _decode(data: dict[str, Any]) -> Extracted | Unreadable:
    if "unreadable" in data:
        return Unreadable(data["unreadable"], data["hint"])
    return Extracted(
        data["kind"],
        tuple(Segment(item[0], item[1], tuple(item[2]) if len(item) > 2 else ()) for item in data["segments"]),
        title=data["title"],
        pages=data["pages"],
        front_matter=data["front_matter"],
        front_matter_line=data["front_matter_line"],
        photo_date=date.fromisoformat(data["photo_date"]) if data["photo_date"] else None,
        tables=tuple(
            Table(where, tuple(header), tuple(tuple(r) for r in rows)) for where, header, rows in data["tables"]
        ),
        ocr_confidence=data["ocr_confidence"],
    )
