"""Records know their kind: a drill log, a detector log, house-meeting minutes, told apart by their words.

A *record source* is anything that holds dated entries: a log file (CSV, TSV, spreadsheet, YAML,
calendar), a document with entries (a table of dated rows, dated minutes, a month calendar), or a
folder of files each named or headed by a date (``minutes/2026-09-07.docx``), which is one source
with one entry per file.

Its kinds are read from what names it (file and folder names, title, column names; its headings when
those say nothing) and each entry's kinds from the entry's own text (a "type" column, "Fire drill" in
a row), with the phrasings of ``standards/vocabulary/records.yaml``. Where two kinds are found at one
place, the longer phrasing wins ("neighbor complaints" is a neighbor concern, not a grievance).

:func:`judge` decides which entries of a source count for a kind: all of them when the source is of
that kind; none when it is recognisably of another kind (a detector log never serves as a drill log);
for a source of several kinds (a combined safety log), only the entries that say they are of the kind,
and none when its entries do not say which is which. A source that says nothing of its kind counts
only when the operator mapped it to the rule. Entries' text is residents' data: it is read here, in
memory, and never shown.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from narr_audit.base.language import normalise, tokens
from narr_audit.checks.recognise import MAX_GAP, Phrasing, compile_phrasing
from narr_audit.evidence.model import LogRecord
from narr_audit.evidence.records import DateReader, dated_name, names_text

if TYPE_CHECKING:
    from narr_audit.base.errors import Problem
    from narr_audit.checks.recognise import Vocabulary
    from narr_audit.evidence.model import Document

VOCABULARY_FILE = "records.yaml"  # in standards/vocabulary/, read with the rest of the vocabulary
CONCEPT_PREFIX = "record_"

# Each kind in words: one such record, and what its entries are.
KIND_WORDS: dict[str, tuple[str, str]] = {
    "house_meeting": ("house meeting", "house meetings"),
    "resident_input": ("resident input", "residents' input"),
    "fire_drill": ("fire drill", "fire drills"),
    "detector_check": ("detector check", "detector checks"),
    "naloxone_check": ("naloxone check", "naloxone checks"),
    "medication_count": ("medication count", "medication counts"),
    "training": ("training", "trainings"),
    "supervision": ("supervision", "supervision sessions"),
    "social_event": ("social event", "social events"),
    "activity": ("structured activity", "structured activities"),
    "community_event": ("community event", "community events"),
    "service_session": ("recovery support session", "recovery support sessions"),
    "grievance": ("grievance", "grievances"),
    "neighbor_concern": ("neighbor concern", "neighbor concerns"),
    "data_review": ("data review", "data reviews"),
    "achievement": ("staff achievement", "staff achievements"),
}
# Records of one kind that also show another: house-meeting minutes record residents' input; the
# sessions of recovery support (groups, classes) are structured activities, and the reverse.
SERVES: dict[str, frozenset[str]] = {
    "house_meeting": frozenset({"resident_input"}),
    "service_session": frozenset({"activity"}),
    "activity": frozenset({"service_session"}),
}
# Kinds one record often keeps together, for the same purpose: a source of both counts for either
# as a whole ("Supervision and training log"). A drill log and a detector log are never companions.
COMPANIONS: dict[str, frozenset[str]] = {
    "supervision": frozenset({"training"}),
    "training": frozenset({"supervision"}),
    "house_meeting": frozenset({"resident_input"}),
    "resident_input": frozenset({"house_meeting"}),
}


def noun(kind: str) -> str:
    return KIND_WORDS.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))[0]


def plural(kind: str) -> str:
    return KIND_WORDS.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))[1]


def serves(found: str, wanted: str) -> bool:
    """Whether entries of kind ``found`` count as entries of kind ``wanted``."""
    return found == wanted or wanted in SERVES.get(found, frozenset())


# --- recognising kinds in text ------------------------------------------------------------------------------


MAX_KIND_TEXT = 2000  # characters of a name, title, header or entry read for its kind: enough, and bounded


class KindIndex:
    """The kinds' phrasings, indexed by their first word, to find every kind a short text names."""

    def __init__(self, phrasings: Mapping[str, Sequence[Phrasing]]) -> None:
        self._by_stem: dict[str, list[tuple[str, Phrasing]]] = defaultdict(list)
        self._by_start: dict[str, list[tuple[str, str, Phrasing]]] = defaultdict(list)  # prefix's first 3 letters
        self._short: list[tuple[str, str, Phrasing]] = []  # prefixes shorter than 3 letters
        for kind, found in phrasings.items():
            for phrasing in found:
                if not phrasing:
                    continue
                first = phrasing[0]
                if first.prefix is None:
                    self._by_stem[first.stem].append((kind, phrasing))
                elif len(first.prefix) >= 3:
                    self._by_start[first.prefix[:3]].append((first.prefix, kind, phrasing))
                else:
                    self._short.append((first.prefix, kind, phrasing))
        self._memo: dict[str, frozenset[str]] = {}

    def kinds(self, text: str | None) -> frozenset[str]:
        """The kinds ``text`` names (a longer phrasing of one kind hides a shorter one of another inside it)."""
        if not text:
            return frozenset()
        text = text[:MAX_KIND_TEXT]
        found = self._memo.get(text)
        if found is None:
            found = self._kinds(text)
            if len(self._memo) >= 65536:
                self._memo.clear()
            self._memo[text] = found
        return found

    def _kinds(self, text: str) -> frozenset[str]:
        words = tokens(normalise(text))
        written = [t.word for t in words]
        stems = [t.stem for t in words]
        spans: list[tuple[int, int, str]] = []
        for start, (word, word_stem) in enumerate(zip(written, stems, strict=True)):
            candidates = list(self._by_stem.get(word_stem, ()))
            candidates.extend((k, p) for prefix, k, p in self._by_start.get(word[:3], ()) if word.startswith(prefix))
            candidates.extend((k, p) for prefix, k, p in self._short if word.startswith(prefix))
            for kind, phrasing in candidates:
                end = _follows(phrasing, start, written, stems)
                if end >= 0:
                    spans.append((start, end, kind))
        kinds = set()
        for start, end, kind in spans:
            inside = any(k != kind and s <= start and end <= e and e - s > end - start for s, e, k in spans)
            if not inside:
                kinds.add(kind)
        return frozenset(kinds)


def _follows(phrasing: Phrasing, start: int, written: list[str], stems: list[str]) -> int:
    """Where the phrasing that starts at ``start`` ends: its later words in order, at most MAX_GAP
    words apart; -1 when they do not follow."""
    at = start
    for word_stem, prefix in phrasing[1:]:
        found = -1
        for position in range(at + 1, min(at + 2 + MAX_GAP, len(written))):
            if written[position].startswith(prefix) if prefix is not None else stems[position] == word_stem:
                found = position
                break
        if found < 0:
            return -1
        at = found
    return at


_INDEXES: dict[int, tuple[Any, KindIndex]] = {}


def kind_index(vocabulary: Vocabulary | None) -> KindIndex:
    """The kinds' phrasings: the rulebook's vocabulary's ``record_*`` concepts, or, for a context
    without a vocabulary, the shipped vocabulary file itself."""
    if vocabulary is not None and f"{CONCEPT_PREFIX}house_meeting" in vocabulary.concepts:
        kept = _INDEXES.get(id(vocabulary))
        if kept is not None and kept[0]() is vocabulary:
            return kept[1]
        index = KindIndex({k: vocabulary.concept(CONCEPT_PREFIX + k) for k in KIND_WORDS})
        if len(_INDEXES) >= 16:
            _INDEXES.clear()
        _INDEXES[id(vocabulary)] = (weakref.ref(vocabulary), index)
        return index
    return _shipped_index()


@lru_cache(maxsize=1)
def _shipped_index() -> KindIndex:
    import yaml

    from narr_audit.base.resources import standards_dir

    path = standards_dir() / "vocabulary" / VOCABULARY_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return KindIndex(
        {
            name[len(CONCEPT_PREFIX) :]: tuple(compile_phrasing(str(p)) for p in phrasings)
            for name, phrasings in data.items()
            if name.startswith(CONCEPT_PREFIX) and isinstance(phrasings, list)
        }
    )


# --- record sources -----------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Source:
    """One source of dated entries: a file, or a folder of dated files (``path`` ends with '/')."""

    path: str
    documents: tuple[Document, ...]
    records: tuple[LogRecord, ...]
    names: str  # what names it: file and folder names, title
    columns: str = ""  # its column names: read for its kind when its names say nothing
    headings: tuple[str, ...] = ()  # read for its kind when its names and columns say nothing
    notes: tuple[Problem, ...] = ()  # how the dates of its file names were read
    is_log: bool = False  # a log file (CSV, spreadsheet, YAML, calendar), not a document
    is_folder: bool = False


def sources_of(
    documents: Iterable[Document], *, latest_year: int | None, known: Mapping[int, Source] | None = None
) -> list[Source]:
    """The record sources among ``documents``: each log, each document with dated entries, and each
    folder's files named or headed by a date (one source per folder, one entry per file). ``known``: the
    sources of single files found before, by the id of their document, taken instead of new ones (a
    source is judged once for each kind, so the same file should be the same source for every rule)."""
    found: list[Source] = []
    folders: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        if document.kind == "log" or document.records:
            same = known.get(id(document)) if known else None
            if same is None or same.documents[0] is not document:
                same = _file_source(document, is_log=document.kind == "log")
            found.append(same)
        elif _dated(document, latest_year) is not None:
            folders[str(PurePosixPath(document.path).parent)].append(document)
    for folder, members in folders.items():
        found.append(_folder_source(folder, members, latest_year))
    return found


def _file_source(document: Document, *, is_log: bool) -> Source:
    headings: tuple[str, ...] = ()
    if document.content is not None:
        headings = tuple(dict.fromkeys(s.where for s in document.content.segments if s.where))[:200]
    return Source(
        document.path,
        (document,),
        tuple(document.records),
        names_text([_path_words(document.path), document.title]),
        names_text(document.columns),
        headings,
        is_log=is_log,
    )


def _path_words(path: str) -> str:
    pure = PurePosixPath(path)
    return " ".join([*pure.parent.parts[-2:], pure.stem])


_DATED: dict[int, tuple[Any, Any]] = {}


def _dated(document: Document, latest_year: int | None) -> Any:
    """The date a file's name (or else its title) carries as one entry of a record; None without one."""
    kept = _DATED.get(id(document))
    if kept is not None and kept[0]() is document:
        return kept[1]
    stem = PurePosixPath(document.path).stem
    found = dated_name(stem, latest_year=latest_year) or dated_name(document.title, latest_year=latest_year)
    if len(_DATED) >= 200_000:
        _DATED.clear()
    _DATED[id(document)] = (weakref.ref(document), found)
    return found


def _folder_source(folder: str, members: list[Document], latest_year: int | None) -> Source:
    """A folder of dated files as one record: an entry per file, its date read with one day/month
    order for the whole folder. The file's name and title are the entry's text."""
    shown = "" if folder == "." else f"{folder}/"
    reader = DateReader(shown or "the folder's top level", latest_year)
    for number, member in enumerate(sorted(members, key=lambda d: d.path), start=1):
        found = _dated(member, latest_year)
        reader.add(found, number, member.path, names_text([PurePosixPath(member.path).stem, member.title]))
    records, notes = reader.read()
    return Source(
        shown or "./",
        tuple(members),
        tuple(records),
        names_text([folder if folder != "." else ""]),
        notes=tuple(notes),
        is_folder=True,
    )


# --- what counts for a kind --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Judged:
    """What a source gives a check asking for a kind: the entries that count (None: none count), whether
    it is recognisably of the kind (not only mapped), and in words how it was judged."""

    records: tuple[LogRecord, ...] | None
    recognised: bool
    why: str = ""
    rows: bool = False  # only some of its entries count: those that say they are of the kind


MIN_SAYING = 0.5
"""The share of a source's entries that must name a kind for its entries to "say which is which"."""


def source_kinds(source: Source, index: KindIndex) -> frozenset[str]:
    """What the source as a whole records: what its names say (file, folder, title), else its column
    names, else its headings ("fire-drills.csv" is a drill log whatever its columns mention)."""
    kinds = index.kinds(source.names) or index.kinds(source.columns)
    if not kinds and source.headings:
        kinds = frozenset(k for heading in source.headings for k in index.kinds(heading))
    return kinds


_JUDGED: weakref.WeakKeyDictionary[Source, dict[tuple[str, bool, int], Judged]] = weakref.WeakKeyDictionary()
_ROW_KINDS: weakref.WeakKeyDictionary[Source, tuple[int, list[frozenset[str]]]] = weakref.WeakKeyDictionary()


def judge(source: Source, kind: str, index: KindIndex, *, mapped: bool) -> Judged:
    """Which of the source's entries count for ``kind`` (see the module's docstring). Judged once per
    source, kind and index: a binder's sources are the same objects for every rule that looks."""
    memo = _JUDGED.setdefault(source, {})
    key = (kind, mapped, id(index))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _judge(source, kind, index, mapped=mapped)
    return found


def row_kinds(source: Source, index: KindIndex) -> list[frozenset[str]]:
    """The kinds each entry of the source names, in entry order (found once per source)."""
    kept = _ROW_KINDS.get(source)
    if kept is None or kept[0] != id(index):
        kept = (id(index), [index.kinds(r.text) for r in source.records])
        _ROW_KINDS[source] = kept
    return kept[1]


def _judge(source: Source, kind: str, index: KindIndex, *, mapped: bool) -> Judged:
    whole = source_kinds(source, index)
    relevant = {k for k in whole if serves(k, kind)}
    others = whole - relevant - COMPANIONS.get(kind, frozenset())
    if whole and not relevant:
        return Judged(None, False, f"{source.path} is a record of {_listed(whole)}, not of {plural(kind)}")
    if relevant and not others:
        return Judged(source.records, True)
    records = source.records
    kinds = row_kinds(source, index)
    saying = sum(1 for k in kinds if k)
    if records and saying >= MIN_SAYING * len(records):
        picked = tuple(r for r, k in zip(records, kinds, strict=True) if any(serves(f, kind) for f in k))
        if picked:
            return Judged(picked, True, rows=True)
        return Judged(None, False, f"none of the entries of {source.path} is one of {plural(kind)}")
    if relevant:
        return Judged(
            None,
            False,
            f"{source.path} records {_listed(whole)}, but its entries do not say which is which "
            f"(a 'type' column, or the kind named in each entry, would)",
        )
    if mapped:
        return Judged(records, False)
    return Judged(None, False, f"nothing in {source.path} says it records {plural(kind)}")


def _listed(kinds: Iterable[str]) -> str:
    names = sorted(plural(k) for k in kinds)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


__all__ = [
    "COMPANIONS",
    "KIND_WORDS",
    "SERVES",
    "Judged",
    "KindIndex",
    "Source",
    "judge",
    "kind_index",
    "noun",
    "plural",
    "serves",
    "source_kinds",
    "sources_of",
]
