"""Looking through the binder: what a rule's mapped files lack, found in the binder's other files.

The mapping (residence.yaml, front matter) says where to look first, not the only place. When the
mapped evidence falls short, a check looks through ``Context.elsewhere``; what it finds there counts
only from a file or a section about the rule's subject, so a stray sentence in an unrelated document
never fills a gap:

- the *subject* is what the rule's title names: its words that say what the rule is about, not what
  kind of paper shows it ("Grievance policy" is about grievances; see :func:`subject_of`);
- a *file* is about the subject when its title or its path names it (``grievances/2026-03.md``), and
  is looked in at all only when its title, its path or one of its headings does;
- a *section* is when its heading names it: a heading of a Word, Markdown or HTML file, a short line
  standing as a heading in a PDF, text file or scan, or what frames the sentence (a table's header
  row, the line that introduces a list).

Evidence found elsewhere is cited with ``unmapped=True``, and the reason gives the residence.yaml
lines that would map the file to the rule (:func:`map_line`).

The engine gives every rule's context a view of one :class:`Binder` (:meth:`Binder.elsewhere`): the
binder's files in path order, indexed once by the words of their titles, paths and headings, so a
check finds the few files about its subject without reading the others, in a binder of thousands.
"""

from __future__ import annotations

import json
import re
import weakref
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from narr_audit.base.language import STOP_WORDS, normalise, tokens
from narr_audit.checks.recognise import MAX_GAP, Phrasing, Word, analyse

if TYPE_CHECKING:
    from narr_audit.base.errors import Problem
    from narr_audit.evidence.model import Document

FOUND_ELSEWHERE = "found in a file not mapped to this rule"

# Words of titles that say what kind of paper shows a rule, or whom every rule concerns, rather than
# what it is about ("Grievance policy" is about grievances, "Staff support" names no one subject).
_GENERIC_WORDS = (  # noqa: SIM905 - a word list reads better as text
    "policy policies procedure procedures written document documents documentation statement statements "
    "handbook manual section sections agreement agreements description descriptions list lists form forms "
    "sheet sheets record records log logs file files copy copies sample samples checklist template "
    "resident residents residence house houses home homes staff operator operators organization program "
    "programs rule rules member members roster people person persons "
    "show shows showing set sets setting naming names covering covers stating states signed sign signs "
    "current review reviewed walk through give gives make makes keep keeps describing encouraging "
    "requiring defining assigning listing accepting verifying recognizing supervising "
    "recovery support level levels provision provisions practice practices "
    "or and on how who what that which its their"
).split()
_HEADING_WORDS = 8  # a line of at most this many words, without a sentence's end, reads as a heading
_ITEM = re.compile(r"^(\[[ xX]?\]|[-*\u2022\u25aa]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_PAGE = re.compile(r"^page \d+$")
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_ ./()-]*")


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(t.stem for t in tokens(" ".join(_GENERIC_WORDS)))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[tuple[str, str], ...]:
    """The words of a heading, title or path: (as written, normalised; stem)."""
    return tuple((t.word, t.stem) for t in tokens(normalise(text)))


class Subject:
    """What a check is about, as the phrasings a heading, title or file name must carry (one is enough).

    Compared by identity: a check's subject is built once (see :func:`subject_of`).
    """

    __slots__ = ("label", "phrasings", "prefixes", "stems")

    def __init__(self, label: str, phrasings: Iterable[Phrasing]) -> None:
        self.label = label
        self.phrasings = tuple(dict.fromkeys(p for p in phrasings if p))
        self.stems = frozenset(p[0].stem for p in self.phrasings if p[0].prefix is None)
        self.prefixes = tuple(sorted({p[0].prefix for p in self.phrasings if p[0].prefix is not None}))

    def __bool__(self) -> bool:
        return bool(self.phrasings)

    def named_in(self, text: str | None) -> bool:
        """Whether ``text`` (a heading, a title, a path) names the subject."""
        return bool(text) and _named(self, text or "")


@lru_cache(maxsize=65536)
def _named(subject: Subject, text: str) -> bool:
    words = _words(text)
    return any(_occurs(phrasing, words) for phrasing in subject.phrasings)


def _matches(word: Word, written: str, word_stem: str) -> bool:
    return written.startswith(word.prefix) if word.prefix is not None else word_stem == word.stem


def _occurs(phrasing: Phrasing, words: tuple[tuple[str, str], ...]) -> bool:
    """The phrasing's words in order, at most MAX_GAP words apart (as the recogniser reads them)."""
    first, rest = phrasing[0], phrasing[1:]
    for start, (written, word_stem) in enumerate(words):
        if not _matches(first, written, word_stem):
            continue
        at = start
        for word in rest:
            at = next((p for p in range(at + 1, min(at + 2 + MAX_GAP, len(words))) if _matches(word, *words[p])), -1)
            if at < 0:
                break
        if at >= 0:
            return True
    return False


_SUBJECTS: dict[tuple[str, str], Subject] = {}


def subject_of(title: str, label: str = "") -> Subject:
    """The subject of a rule: what its ``title`` names (``label``: the check's, for messages).

    The title's words that name a subject, all of them, in order, read as the recogniser reads a
    phrasing (by stem, up to two words between): "Grievance policy" is about grievance ("Grievance
    procedure", "Grievances" name it), "Household meetings" about household meetings, "Background
    checks" about background checks. Words that say what kind of paper shows a rule, or whom every
    rule concerns ("policy", "written", "resident", "staff") are left out; a title of two subjects
    ("Inspections & drills") names either. A title made only of such words ("Staff support") names
    none, and nothing found elsewhere counts for it. The topics' concepts are not used: their
    phrasings are cues for a sentence ("something is wrong"), not names of a section.
    """
    key = (title, label)
    found = _SUBJECTS.get(key)
    if found is None:
        generic = _generic()
        phrasings: list[Phrasing] = []
        for part in _TITLE_PARTS.split(title):
            words = [_words(_ORDINALS[w])[0] if w in _ORDINALS else (w, s) for w, s in _words(part)]
            named = [s for w, s in words if w not in STOP_WORDS and s not in generic]
            if named:
                phrasings.append(tuple(Word(s) for s in named))
        if len(_SUBJECTS) >= 4096:
            _SUBJECTS.clear()
        found = _SUBJECTS[key] = Subject(label or title, phrasings)
    return found


_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third"}  # "3rd party payments": "Third-party payments"
_TITLE_PARTS = re.compile(r"\s*(?:&|\band\b|,|/)\s*")  # "Inspections & drills": inspections, or drills


# --- the binder --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Headings:
    """A file's title, path and headings: where it may say what it is about."""

    texts: tuple[str, ...]  # the title and the path first, then the headings in reading order
    words: frozenset[str]
    stems: frozenset[str]


def headings_of(document: Document) -> tuple[str, ...]:
    """The file's title, its path (as words) and its headings: a Word, Markdown or HTML file's own
    headings; in a PDF, a text file or a scan, short lines standing as headings (what it has instead)."""
    texts: list[str] = [document.title or "", _path_words(document.path)]
    content = document.content
    if content is not None:
        paged = content.kind in PAGED
        for segment in content.segments:
            if segment.where and not _PAGE.match(segment.where):
                texts.append(segment.where)
            if paged:
                texts.extend(_heading_lines(segment.text))
    return tuple(dict.fromkeys(t for t in texts if t))


def _heading_lines(text: str) -> list[str]:
    """The lines of a page that stand as headings (looked at only when short: most lines are not)."""
    found = []
    for line in text.split("\n"):
        if len(line) <= _HEADING_CHARS:
            line = line.strip().strip("#*_ ").strip()
            if line and _heading_like(line):
                found.append(line)
    return found


_HEADING_CHARS = 100  # a heading of eight words is shorter than this; running text is mostly longer
PAGED = ("pdf", "text", "image")  # kinds whose segments are pages (or the whole text), not sections


def _path_words(path: str) -> str:
    stem = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    return re.sub(r"[/_.\-]+", " ", stem)


def _heading_like(line: str) -> bool:
    """A short line without a sentence's end, not a list item or a table row: read as a heading."""
    if "|" in line or _ITEM.match(line) or line.endswith((".", "!", "?", ";", ",")):
        return False
    return 0 < len(line.split()) <= _HEADING_WORDS


class Binder:
    """The binder's files in path order, indexed (when first asked) by the words of their titles,
    paths and headings: :meth:`about` finds the files that may be about a subject without
    looking at the others."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents: tuple[Document, ...] = tuple(sorted(documents, key=lambda d: d.path))
        self._headings: list[_Headings] | None = None
        self._by_stem: dict[str, list[int]] = {}
        self._by_word: dict[str, list[int]] = {}
        self._spelled: list[str] = []
        self._about: dict[int, tuple[Subject, tuple[int, ...]]] = {}
        self._position: dict[int, int] | None = None
        self._expired: dict[date, frozenset[int]] = {}
        self._notes: dict[tuple[str | None, str], Problem] = {}
        _RECENT.append(weakref.ref(self))
        del _RECENT[:-8]

    def _positions(self) -> dict[int, int]:
        if self._position is None:
            self._position = {id(d): n for n, d in enumerate(self.documents)}
        return self._position

    def expired(self, on: date) -> frozenset[int]:
        """The ids of the files whose expiry date has passed on ``on`` (current on the day itself)."""
        found = self._expired.get(on)
        if found is None:
            found = self._expired[on] = frozenset(
                id(d) for d in self.documents if d.expires is not None and d.expires < on
            )
        return found

    def note(self, problems: Iterable[Problem]) -> None:
        """Keep warnings about a file not mapped to the rule that a check used (how its dates were read:
        the loader warns only of mapped files), once per file and message whichever rules used it."""
        for problem in problems:
            self._notes.setdefault((problem.file, problem.message), problem)

    @property
    def notes(self) -> tuple[Problem, ...]:
        """The warnings kept by :meth:`note`, in the order the checks met them."""
        return tuple(self._notes.values())

    def holds(self, documents: Iterable[Document]) -> bool:
        """Whether every one of ``documents`` is a file of this binder."""
        position, mine = self._positions(), self.documents
        return all(id(d) in position and mine[position[id(d)]] is d for d in documents)

    def elsewhere(self, mapped: Collection[Document]) -> Elsewhere:
        """The binder less ``mapped`` (a rule's own files): slices of one tuple, cheap per rule."""
        if not mapped:
            return Elsewhere(self.documents, self, frozenset())
        position = self._positions()
        skip = frozenset(id(d) for d in mapped)
        parts: list[Document] = []
        start = 0
        for n in sorted(position[i] for i in skip if i in position):
            parts.extend(self.documents[start:n])
            start = n + 1
        parts.extend(self.documents[start:])
        return Elsewhere(parts, self, skip)

    def _index(self) -> list[_Headings]:
        if self._headings is None:
            self._headings = []
            for n, document in enumerate(self.documents):
                texts = headings_of(document)
                words = [w for text in texts for w in _words(text)]
                found = _Headings(texts, frozenset(w for w, _ in words), frozenset(s for _, s in words))
                self._headings.append(found)
                for word_stem in found.stems:
                    self._by_stem.setdefault(word_stem, []).append(n)
                for word in found.words:
                    self._by_word.setdefault(word, []).append(n)
            self._spelled = sorted(self._by_word)
        return self._headings

    def about(self, subject: Subject) -> tuple[Document, ...]:
        """The files, in path order, whose title, path or some heading names the subject."""
        kept = self._about.get(id(subject))
        if kept is None or kept[0] is not subject:
            headings = self._index()
            maybe: set[int] = set()
            for word_stem in subject.stems:
                maybe.update(self._by_stem.get(word_stem, ()))
            for prefix in subject.prefixes:
                for n in range(bisect_left(self._spelled, prefix), len(self._spelled)):
                    if not self._spelled[n].startswith(prefix):
                        break
                    maybe.update(self._by_word[self._spelled[n]])
            found = tuple(n for n in sorted(maybe) if any(subject.named_in(t) for t in headings[n].texts))
            kept = self._about[id(subject)] = (subject, found)
        return tuple(self.documents[n] for n in kept[1])


class Elsewhere(tuple["Document", ...]):
    """A rule's view of the binder: every file but its own, and the binder's index to search it."""

    binder: Binder
    mapped: frozenset[int]  # the ids of the rule's own files, which the index leaves out

    def __new__(cls, documents: Iterable[Document], binder: Binder, mapped: frozenset[int]) -> Elsewhere:
        made = super().__new__(cls, documents)
        made.binder, made.mapped = binder, mapped
        return made

    def current(self, on: date) -> Elsewhere:
        """The view without the files expired on ``on``: itself when none has (the usual case, found
        once per binder and date, not once per check), else a narrower view on the same index."""
        lapsed = self.binder.expired(on) - self.mapped  # a view is its binder less ``mapped``
        if not lapsed:
            return self
        return Elsewhere((d for d in self if id(d) not in lapsed), self.binder, self.mapped | lapsed)


_BINDERS: dict[int, tuple[tuple[Document, ...], Binder]] = {}  # for files given by hand (tests)
_RECENT: list[weakref.ref[Binder]] = []  # the binders made last (the engine's), newest last


def about(elsewhere: Sequence[Document], subject: Subject) -> list[Document]:
    """The files of ``elsewhere`` (a context's) whose title, path or some heading names the subject,
    in path order: candidates, each still to be read section by section (:func:`sections`)."""
    if not subject or not elsewhere:
        return []
    if isinstance(elsewhere, Elsewhere):
        return [d for d in elsewhere.binder.about(subject) if id(d) not in elsewhere.mapped]
    # A view filtered again (say, without expired files) is searched with its binder's index.
    for ref in reversed(_RECENT):
        binder = ref()
        if binder is not None and binder.holds(elsewhere):
            inside = {id(d) for d in elsewhere}
            return [d for d in binder.about(subject) if id(d) in inside]
    documents = tuple(elsewhere)
    kept = _BINDERS.get(id(elsewhere))
    if kept is None or len(kept[0]) != len(documents) or any(map(_differ, kept[0], documents)):
        if len(_BINDERS) >= 64:
            _BINDERS.clear()
        kept = _BINDERS[id(elsewhere)] = (documents, Binder(documents))
    return list(kept[1].about(subject))


def _differ(a: object, b: object) -> bool:
    return a is not b


def about_file(subject: Subject, document: Document) -> bool:
    """The whole file is about the subject: its title or its path names it."""
    return subject.named_in(document.title) or subject.named_in(_path_words(document.path))


# --- sections about the subject --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sections:
    """The sentences of a file's analysis that lie in a section about the subject, each with the
    heading that makes it so (to cite: "page 3, under 'Grievances'")."""

    under: dict[int, str]

    def __contains__(self, sentence: object) -> bool:
        return sentence in self.under

    def place(self, sentence: int, where: str | None) -> str | None:
        heading = self.under.get(sentence)
        if heading is None or (where is not None and heading.strip().lower() == where.strip().lower()):
            return where
        return f"{where}, under '{heading}'" if where else f"under '{heading}'"


_SECTIONS: dict[tuple[int, int], tuple[Subject, object, Sections]] = {}


def sections(subject: Subject, document: Document) -> Sections | None:
    """The sentences of ``document`` in sections about the subject; None when the whole file is about it.

    In a Word, Markdown or HTML file a section is the text under one of its headings; in a PDF, a
    text file or a scan, it runs from a short line standing as a heading that names the subject to the
    next such line that does not, across page breaks. A sentence framed by a line that names the
    subject (a table's header row, a list's lead-in) is in one too.
    """
    if about_file(subject, document):
        return None
    content = document.content
    if content is None:
        return Sections({})
    key = (id(subject), id(content))
    kept = _SECTIONS.get(key)
    if kept is not None and kept[0] is subject and kept[1] is content:
        return kept[2]
    analysis = analyse(content)
    paged = content.kind in PAGED
    under: dict[int, str] = {}
    heading: str | None = None  # the heading naming the subject that the current sentence is under
    last_where: object = object()
    sentences = analysis.sentences
    for n, sentence in enumerate(sentences):
        if not paged and sentence.where != last_where:
            last_where = sentence.where
            heading = sentence.where if subject.named_in(sentence.where) else None
        if paged:
            text = sentence.text.strip().strip("#*_ ").strip()
            if _heading_like(text):
                heading = text if subject.named_in(text) else None
        if heading is not None:
            under[n] = heading
            continue
        framing = next((sentences[f].text for f in sentence.context if subject.named_in(sentences[f].text)), None)
        if framing is not None:
            under[n] = framing.strip().strip("#*_ :").strip()
    found = Sections(under)
    if len(_SECTIONS) >= 512:
        _SECTIONS.clear()
    _SECTIONS[key] = (subject, content, found)
    return found


# --- how to map it ------------------------------------------------------------------------------------------


def _yaml_scalar(text: str) -> str:
    """A path as YAML writes it: plain when it can be, else quoted (JSON's quoting is YAML's)."""
    plain = _PLAIN_PATH.fullmatch(text) is not None and ": " not in text and " #" not in text and text == text.strip()
    return text if plain else json.dumps(text, ensure_ascii=False)


def map_line(rule_id: str, document: Document) -> str:
    """What maps ``document`` to ``rule_id``: the residence.yaml entry ``narr-audit map --write``
    adds (on one line), or the rule added to the file's entry or front matter when it has one."""
    rules = ", ".join([*document.rules, rule_id])
    if "manifest" in document.mapped_by:
        return f"add {rule_id} to its entry in residence.yaml: rules: [{rules}]"
    if "front-matter" in document.mapped_by:
        return f"add {rule_id} to its front matter: narr: [{rules}]"
    return f"add to the evidence list in residence.yaml: - {{file: {_yaml_scalar(document.path)}, rules: [{rule_id}]}}"


def map_note(rule_id: str, documents: Iterable[Document]) -> str:
    """How to map each file (once) that evidence was found in: 'to map X to R, add ...'."""
    unique = {d.path: d for d in documents}.values()
    return "; ".join(f"to map {d.path} to {rule_id}, {map_line(rule_id, d)}" for d in unique)


__all__ = [
    "FOUND_ELSEWHERE",
    "Binder",
    "Elsewhere",
    "Sections",
    "Subject",
    "about",
    "about_file",
    "headings_of",
    "map_line",
    "map_note",
    "sections",
    "subject_of",
]
