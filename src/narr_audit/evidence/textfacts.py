"""What a document's own text says, read once per text: its dates and its dated entries.

Finding an insurance certificate's policy period (evidence.docdates) and a document's dated rows,
minutes and calendar days (evidence.records) means looking at every line of every document. Both
depend only on what was extracted (kind, title, text and tables), so they are worked out once per
text and kept in memory for the process (a batch's binders often share documents). With a cache
folder, what a folder's documents say is kept in one entry per folder (:class:`FolderFacts`), beside
the extracted text, each document's under the SHA-256 of its text and of the code that reads it: a
second run of an unchanged folder reads one file instead of looking at every document again, and a
first run writes one file, not one per document. An entry's text is residents' data, as the
extracted text it comes from is: it is kept only in the user's own cache folder (never inside an
evidence folder) and never shown. Any failure to read or write the cache costs only time; an entry
that cannot be read is worked out again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from narr_audit.base.errors import Problem
from narr_audit.evidence.content import Extracted, Segment, Table
from narr_audit.evidence.docdates import ROLES, DateRole, FoundDate, Ignored, TextDates, read_dates
from narr_audit.evidence.model import LogRecord
from narr_audit.evidence.records import DocumentEntries, document_entries, new_record

__all__ = ["FACTS_VERSION", "FOLDER", "FolderFacts", "TextFacts", "text_facts"]

FACTS_VERSION = 1
"""Bump when the stored form changes (a change to the code that reads the text is seen by itself)."""
FOLDER = f"facts-v{FACTS_VERSION}"


@dataclass(frozen=True)
class TextFacts:
    """The dates a document's text gives, and the dated entries it holds (with how their dates were read)."""

    dates: TextDates
    entries: DocumentEntries


# A warning about a document's dates as kept: (message, line, rule, field, hint); it names the document
# itself, whichever file of that text it is.
_Warning = tuple[str, int | None, str | None, str | None, str | None]


@dataclass(frozen=True)
class _Entries:
    """A document's entries as kept: their records, the columns they came from and the warnings."""

    records: tuple[LogRecord, ...]
    columns: tuple[str, ...]
    warnings: tuple[_Warning, ...]


class _Known:
    """What one text says: its dates, its entries by the latest year they were read for, and its key."""

    __slots__ = ("by_year", "dates", "key")

    def __init__(self, dates: TextDates, by_year: dict[int | None, _Entries], key: str | None = None) -> None:
        self.dates, self.by_year, self.key = dates, by_year, key


_MemoKey = tuple[str, str | None, tuple[Segment, ...], tuple[Table, ...]]
_MEMO_SIZE = 1024
_MEMO: dict[_MemoKey, _Known] = {}


def text_facts(content: Extracted, shown: str, *, latest_year: int | None) -> TextFacts:
    """What ``content`` (the file ``shown``) says: :func:`~narr_audit.evidence.docdates.read_dates`, and
    :func:`~narr_audit.evidence.records.document_entries` with ``latest_year``, read once per text."""
    return _facts(content, shown, latest_year, None)


class FolderFacts:
    """What the documents of one folder say, read from and kept in one entry of the cache folder ``kept``
    (named by the SHA-256 of the folder's path): :meth:`read` each document, then :meth:`save` once."""

    def __init__(self, kept: Path, folder: Path) -> None:
        name = hashlib.sha256(f"{FACTS_VERSION}\0{folder}".encode("utf-8", "surrogatepass")).hexdigest()
        self.kept = kept
        self.target = Path(kept, FOLDER, name[:2], f"{name}.json")
        self.used: dict[str, _Known] = {}
        self._stored: dict[str, Any] | None = None

    def read(self, content: Extracted, shown: str, latest_year: int | None) -> TextFacts:
        """As :func:`text_facts`, from this folder's entry when it holds the text."""
        return _facts(content, shown, latest_year, self)

    def stored(self, key: str) -> _Known | None:
        """What the text ``key`` says, as this folder's entry keeps it; None when it does not (or is damaged)."""
        if self._stored is None:
            self._stored = _read_json(self.target)
        raw = self._stored.get(key)
        if raw is None:
            return None
        try:
            return _decode(raw, key)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None

    def save(self) -> None:
        """Keep what this run's documents say (and only theirs): written when it differs from what was kept."""
        data = {key: _encode(known) for key, known in sorted(self.used.items())}
        if self._stored is None:
            self._stored = _read_json(self.target)
        if data != self._stored:
            _write(self.kept, self.target, data)
            self._stored = data


def _facts(content: Extracted, shown: str, latest_year: int | None, folder: FolderFacts | None) -> TextFacts:
    memo_key: _MemoKey = (content.kind, content.title, content.segments, content.tables)
    known = _MEMO.get(memo_key)
    if known is None:
        key = _text_key(content) if folder is not None else None
        known = folder.stored(key) if folder is not None and key is not None else None
        if known is None:
            known = _Known(read_dates(content), {}, key)
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        _MEMO[memo_key] = known
    elif folder is not None and known.key is None:  # read before without a cache folder
        known.key = _text_key(content)
    entries = known.by_year.get(latest_year)
    if entries is None:
        found = document_entries(content, shown, latest_year=latest_year)
        kept_form = _kept_form(found, shown)
        if kept_form is None:  # its warnings say more of the file than its name: not shared, not kept
            return TextFacts(known.dates, found)
        entries = known.by_year[latest_year] = kept_form
    if folder is not None and known.key is not None:
        folder.used[known.key] = known
    warnings = tuple(Problem(m, shown, line, rule, field, hint) for m, line, rule, field, hint in entries.warnings)
    return TextFacts(known.dates, DocumentEntries(list(entries.records), entries.columns, warnings))


def _kept_form(found: DocumentEntries, shown: str) -> _Entries | None:
    """The entries as kept, or None when a warning names the file other than as its own ``file``."""
    warnings: list[_Warning] = []
    for p in found.warnings:
        if p.file != shown or shown in p.message or shown in (p.hint or ""):
            return None
        warnings.append((p.message, p.line, p.rule, p.field, p.hint))
    return _Entries(tuple(found.records), found.columns, tuple(warnings))


# --- on disk ------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _fingerprint() -> bytes:
    """What the facts depend on besides the text: narr-audit's version, the source of the modules that
    read them (and of the limits they keep to), and the date parser's version."""
    from narr_audit import __version__
    from narr_audit.evidence import docdates, limits, records

    digest = hashlib.sha256(f"{FACTS_VERSION}\0{__version__}\0".encode())
    for module in (docdates, records, limits, sys.modules[__name__]):
        with contextlib.suppress(OSError, TypeError):
            digest.update(Path(module.__file__ or "").read_bytes())
    with contextlib.suppress(ImportError, AttributeError):
        import dateutil

        digest.update(f"\0dateutil {dateutil.__version__}".encode())
    return digest.digest()


def _part(digest: Any, text: str | None) -> None:
    value = "\1" if text is None else text
    digest.update(f"{len(value)}\0{value}\0".encode("utf-8", "surrogatepass"))


def _text_key(content: Extracted) -> str:
    """The SHA-256 of all that a document's facts are read from, and of the code that reads them."""
    digest = hashlib.sha256(_fingerprint())
    _part(digest, content.kind)
    _part(digest, content.title)
    digest.update(f"{len(content.segments)}\0".encode())
    for segment in content.segments:
        _part(digest, segment.where)
        _part(digest, segment.text)
    digest.update(f"{len(content.tables)}\0".encode())
    for table in content.tables:
        _part(digest, table.where)
        digest.update(f"{len(table.header)}\0".encode())
        for cell in table.header:
            _part(digest, cell)
        digest.update(f"{len(table.rows)}\0".encode())
        for row in table.rows:
            digest.update(f"{len(row)}\0".encode())
            for cell in row:
                _part(digest, cell)
    return digest.hexdigest()


def _encode(known: _Known) -> dict[str, Any]:
    return {
        "found": [[d.role, d.value.isoformat(), d.where, d.how] for d in known.dates.found.values()],
        "ignored": [[i.role, i.where, i.why] for i in known.dates.ignored],
        "entries": {
            str(year): {
                "records": [[r.date.isoformat(), r.row, r.where, r.text] for r in e.records],
                "columns": list(e.columns),
                "warnings": [list(w) for w in e.warnings],
            }
            for year, e in sorted(known.by_year.items(), key=lambda item: str(item[0]))
        },
    }


def _role(value: Any) -> DateRole:
    if value not in ROLES:
        raise ValueError("a damaged entry")
    role: DateRole = value
    return role


def _text(value: Any, *, optional: bool = False) -> Any:
    if not isinstance(value, str) and not (optional and value is None):
        raise ValueError("a damaged entry")
    return value


def _number(value: Any, *, optional: bool = False) -> Any:
    if not (isinstance(value, int) and not isinstance(value, bool)) and not (optional and value is None):
        raise ValueError("a damaged entry")
    return value


def _decode(data: Any, key: str) -> _Known:
    found: dict[DateRole, FoundDate] = {}
    for role, value, where, how in data["found"]:
        found[_role(role)] = FoundDate(_role(role), date.fromisoformat(value), _text(where, optional=True), _text(how))
    ignored = tuple(Ignored(_role(r), _text(where, optional=True), _text(why)) for r, where, why in data["ignored"])
    by_year: dict[int | None, _Entries] = {}
    for year, kept in data["entries"].items():
        records = tuple(
            new_record(date.fromisoformat(when), _number(row), _text(where, optional=True), _text(text))
            for when, row, where, text in kept["records"]
        )
        warnings = tuple(
            (_text(m), _number(line, optional=True), _text(rule, optional=True), _text(f, optional=True),
             _text(hint, optional=True))
            for m, line, rule, f, hint in kept["warnings"]
        )  # fmt: skip
        columns = tuple(_text(c) for c in kept["columns"])
        by_year[None if year == "None" else int(year)] = _Entries(records, columns, warnings)
    return _Known(TextDates(found, ignored), by_year, key)


def _read_json(target: Path) -> dict[str, Any]:
    try:
        data = json.loads(target.read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(kept: Path, target: Path, data: dict[str, Any]) -> None:
    """Write the entry whole or not at all, in folders only the user may read (it holds documents' words)."""
    try:
        kept.mkdir(parents=True, exist_ok=True, mode=0o700)
        target.parent.parent.mkdir(exist_ok=True, mode=0o700)
        target.parent.mkdir(exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))  # dumps: the C encoder
        Path(temp).replace(target)
    except (OSError, UnicodeError, ValueError):
        with contextlib.suppress(OSError, UnboundLocalError):
            Path(temp).unlink()
