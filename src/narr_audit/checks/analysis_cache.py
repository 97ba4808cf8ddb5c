"""A cache of documents' analyses (sentences and stems), keyed by the extracted text, beside the
extraction cache; and, with each, notes of what was found in it with a vocabulary.

Cutting a policy into sentences and stemming every word costs more than reading its extracted text
back, and looking for every phrasing of every idea costs more again; a second `check` of an unchanged
folder reads them instead. An analysis is keyed by the SHA-256 of the extracted text (kind, segments)
and of the recogniser's own code (:func:`fingerprint`), so an edit to the sentence rules, the spelling
tables or the stemmer is never read from a stale entry. Its notes (each idea's sentences, each
topic's finding) are kept beside it per compiled vocabulary: an edit to the vocabulary or the
Standard is a new one. Entries hold document text, so they live where the extracted text does (the
user's cache folder, readable only by them, never inside an evidence folder). Any failure to read or
write costs only time, and an entry that cannot be this document's is not used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from narr_audit import __version__
from narr_audit.checks.recognise import Analysis, AnalysisStore, Sentence
from narr_audit.evidence.content import Extracted

# Bump when the stored form of an analysis changes.
ANALYSIS_VERSION = 4
# The stemmer base.language uses, and the C build it picks up when installed.
STEMMERS = ("snowballstemmer", "Stemmer")


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """What an analysis depends on besides the text: narr-audit's version, the source of the
    recogniser, of the second reader, of the word tables and of this module, and the stemmer
    installed (a new stemmer may stem differently; it is looked up, not imported, so a run that
    stems nothing never loads it)."""
    from narr_audit.base import language
    from narr_audit.checks import reader, recognise

    digest = hashlib.sha256(f"{ANALYSIS_VERSION}\0{__version__}\0".encode())
    for module in (recognise, reader, language, sys.modules[__name__]):
        with contextlib.suppress(OSError, TypeError):
            digest.update(Path(module.__file__ or "").read_bytes())
    for name in STEMMERS:
        with contextlib.suppress(ImportError, ValueError, OSError, TypeError):
            spec = importlib.util.find_spec(name)
            origin = spec.origin if spec is not None else None
            info = Path(origin).stat() if origin else None
            digest.update(f"{name}\0{origin}\0{info and info.st_size}\0{info and info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


class AnalysisCache:
    """Analyses stored as JSON files named by the SHA-256 of the extracted text and the recogniser."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / f"analysis-v{ANALYSIS_VERSION}"
        self.hits = 0
        self.misses = 0
        self.key = _Keys()
        self._notes: dict[tuple[str, str], _Notes] = {}
        self._noted: set[tuple[str, str]] = set()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, content: Extracted) -> Analysis | None:
        key = self.key(content)
        try:
            found: Analysis | None = _decode(json.loads(self._path(key).read_bytes()))
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            found = None
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
            found.key = key
        return found

    def save(self, content: Extracted, analysis: Analysis) -> None:
        key = self.key(content)
        if self._write(self._path(key), _encode(analysis)):
            analysis.key = key

    def _notes_path(self, key: str, stamp: str, part: str) -> Path:
        tail = "" if part == _TOPICS else f".{part}"
        return self.folder / key[:2] / f"{key}.{hashlib.sha256(stamp.encode()).hexdigest()[:24]}{tail}.json"

    def notes(self, key: str, stamp: str) -> Mapping[str, object]:
        """What an earlier run found in the document ``key`` with the vocabulary ``stamp``: each
        topic's finding, and each idea's sentences (read once, then kept in memory)."""
        return self._notes_of(key, stamp)

    def _notes_of(self, key: str, stamp: str) -> _Notes:
        found = self._notes.get((key, stamp))
        if found is None:
            found = self._notes[(key, stamp)] = _Notes(lambda part: self._read_notes(key, stamp, part))
        return found

    def _read_notes(self, key: str, stamp: str, part: str) -> dict[str, object]:
        try:
            read = json.loads(self._notes_path(key, stamp, part).read_bytes())
        except (OSError, ValueError):
            read = None
        return read if isinstance(read, dict) else {}

    def note(self, key: str, stamp: str, name: str, value: object) -> None:
        self._notes_of(key, stamp).set(name, value)
        self._noted.add((key, stamp))

    def flush(self) -> None:
        """Keep what was noted in this run, with what was kept before."""
        for key, stamp in sorted(self._noted):
            notes = self._notes[(key, stamp)]
            for part in sorted(notes.changed):
                self._write(self._notes_path(key, stamp, part), notes.part(part))
            notes.changed.clear()
        self._noted.clear()

    def _write(self, target: Path, data: object) -> bool:
        """Write one entry whole or not at all; True when it was written."""
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))  # dumps: the C encoder
            Path(temp).replace(target)
        except (OSError, UnicodeError):
            with contextlib.suppress(OSError, UnboundLocalError):
                Path(temp).unlink()
            return False
        return True


_TOPICS, _IDEAS = "topics", "ideas"


class _Notes(Mapping[str, object]):
    """A document's notes in two files: the topics' findings, read first, which a second run over
    an unchanged document needs alone; and the ideas' sentences, many times larger, read only when a
    finding is missing (a topic not asked before, a new vocabulary)."""

    def __init__(self, read: Callable[[str], dict[str, object]]) -> None:
        self._read = read
        self._parts: dict[str, dict[str, object]] = {}
        self.changed: set[str] = set()

    @staticmethod
    def _part_of(name: str) -> str:
        return _TOPICS if name.startswith("topic:") else _IDEAS

    def part(self, part: str) -> dict[str, object]:
        found = self._parts.get(part)
        if found is None:
            found = self._parts[part] = self._read(part)
        return found

    def set(self, name: str, value: object) -> None:
        part = self._part_of(name)
        self.part(part)[name] = value
        self.changed.add(part)

    def __getitem__(self, name: str) -> object:
        return self.part(self._part_of(name))[name]

    def __iter__(self) -> Iterator[str]:
        return chain(self.part(_TOPICS), self.part(_IDEAS))

    def __len__(self) -> int:
        return len(self.part(_TOPICS)) + len(self.part(_IDEAS))


class _Keys:
    """A document's key: the SHA-256 of its extracted text and of the recogniser, once per text (kept
    by identity: the properties of an organization share one extracted text of a shared document)."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[Extracted, str]] = {}

    def __call__(self, content: Extracted) -> str:
        kept = self._kept.get(id(content))
        if kept is None or kept[0] is not content:
            kept = self._kept[id(content)] = (content, _key(content))
        return kept[1]


def _key(content: Extracted) -> str:
    digest = hashlib.sha256(fingerprint().encode())
    digest.update(f"\0{content.kind}\0{len(content.segments)}\0".encode())
    for segment in content.segments:
        where = "\1" if segment.where is None else segment.where
        digest.update(f"{len(where)}\0{where}\0{len(segment.text)}\0{segment.text}\0".encode("utf-8", "surrogatepass"))
        for heading in segment.within:
            digest.update(f"\2{len(heading)}\0{heading}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _encode(analysis: Analysis) -> dict[str, Any]:
    """Words and stems as one space-separated string each (a word never holds a space), and each
    sentence's number of words: read back in a few calls instead of one value at a time."""
    counts = [0] * len(analysis.sentences)
    for n in analysis.owner:
        counts[n] += 1
    return {
        "sentences": [[s.where, list(s.context), s.block, s.text] for s in analysis.sentences],
        "words": " ".join(analysis.words),
        "stems": " ".join(analysis.stems),
        "counts": counts,
        "digits": sorted(analysis.digits),
        "within": _runs(analysis.within),
        "asked": sorted(analysis.asked),
    }


def _decode(data: dict[str, Any]) -> Analysis:
    sentences = [Sentence(where, tuple(context), block, text) for where, context, block, text in data["sentences"]]
    words, stems, counts = data["words"].split(" "), data["stems"].split(" "), data["counts"]
    if not words[-1]:  # "".split(" ") is [""]: a document without words
        words, stems = [], []
    owner = list(chain.from_iterable(repeat(n, count) for n, count in enumerate(counts)))
    if not (len(words) == len(stems) == len(owner)) or len(counts) != len(sentences):
        raise ValueError("a damaged analysis")
    within = {n: tuple(headings) for start, end, headings in data["within"] for n in range(start, end)}
    return Analysis(
        sentences=sentences,
        words=words,
        stems=stems,
        owner=owner,
        digits=set(data["digits"]),
        within=within,
        asked=set(data["asked"]),
    )


def _runs(within: dict[int, tuple[str, ...]]) -> list[list[Any]]:
    """Sentences' outer headings as runs [first, after last, headings]: a section's sentences share them."""
    runs: list[list[Any]] = []
    for n in sorted(within):
        if runs and runs[-1][1] == n and runs[-1][2] == list(within[n]):
            runs[-1][1] = n + 1
        else:
            runs.append([n, n + 1, list(within[n])])
    return runs


__all__ = ["ANALYSIS_VERSION", "AnalysisCache", "fingerprint"]


class Notebook:
    """Notes kept in memory (an AnalysisStore that writes nothing), over the store of an earlier run's
    notes if there is one: what a process reading part of a binder's rules found, to hand to the
    process that builds the report (workflows.share), or what that process keeps meanwhile when no
    cache is used. Analyses are not kept: each process cuts what it reads into sentences itself."""

    def __init__(self, under: AnalysisStore | None = None) -> None:
        self.under = under
        self.kept: dict[tuple[str, str], dict[str, object]] = {}
        self.key: Callable[[Extracted], str] = under.key if under is not None else _Keys()

    def load(self, content: Extracted) -> Analysis | None:
        return self.under.load(content) if self.under is not None else None

    def save(self, content: Extracted, analysis: Analysis) -> None:
        analysis.key = self.key(content)  # the key its notes are kept under; the analysis is not kept

    def notes(self, key: str, stamp: str) -> Mapping[str, object]:
        mine = self.kept.get((key, stamp), {})
        if self.under is None:
            return mine
        return _Over(mine, self.under.notes(key, stamp)) if mine else self.under.notes(key, stamp)

    def note(self, key: str, stamp: str, name: str, value: object) -> None:
        self.kept.setdefault((key, stamp), {})[name] = value

    def flush(self) -> None:
        """Nothing is written: the notes are handed over (:meth:`written`)."""

    def written(self) -> list[tuple[str, str, str, object]]:
        """What was noted here, in the order noted: (document key, vocabulary stamp, name, value)."""
        return [(key, stamp, name, value) for (key, stamp), notes in self.kept.items() for name, value in notes.items()]


class _Over(Mapping[str, object]):
    """One process's notes over an earlier run's: a name noted here is read here first."""

    def __init__(self, first: Mapping[str, object], then: Mapping[str, object]) -> None:
        self.first, self.then = first, then

    def __getitem__(self, name: str) -> object:
        return self.first[name] if name in self.first else self.then[name]

    def __iter__(self) -> Iterator[str]:
        return chain(self.first, (name for name in self.then if name not in self.first))

    def __len__(self) -> int:
        return sum(1 for _ in self)
