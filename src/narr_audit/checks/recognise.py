"""Recognise a topic in a document the way a reviewer reads it: ideas stated together, in one place.

A topic names one or more *ideas* (concepts): "locked storage of paper records" is records + locked.
Each idea is a set of phrasings kept once in the shared vocabulary (standards/vocabulary/), so a
phrasing added for one rule helps every rule. A topic is met by one sentence that carries all its
ideas, read with what frames it: the heading above it, a table's header row, the line that
introduces a list ("Residents may not:"), a clause's title ("Section 8.4 First Aid Supplies.",
"7.3 Guests.") or a question it answers, and, for a sentence that refers back ("It is counted
weekly"), the one before it (which lends what "it" is, one idea and no more). Words scattered over a
document never meet a topic, and a topic of two ideas is never met by one word.

Questions and answers, talk written down, and leases are read as a reviewer reads them. A question
("Q: Can I have guests?", a bold or heading question, one that ends a paragraph) frames its answer
and states no rule itself; a "No." to a question asking whether something is done ("Do staff join?")
says it is not, and an answer that first promises the rule for later states none. In talk, a subject
named on its own ("The alarms.", "So, drills.") frames the next sentences (two, not the whole talk), a
question without its mark ("Now when do we check all this.") and its short answer frame what follows,
and "they", "those", "that" refer back as "it" does. A long sentence (a lease's clause) is read clause
by clause: the ideas a topic needs together ("the Resident may take it to the affiliate") must be in
one clause, a proviso ("provided, however, that ...") lending one idea from the clause it qualifies and
an item of a list ("(b) sell to any Resident") read with the list's opening. A chat's messages each
stand alone.

An idea the sentence denies as a description ("such a request is not an evacuation", "no head count
is taken", "the Operator does not provide instruction") does not count for it; a rule stated as a
prohibition ("Residents shall not bring alcohol") is what many topics want and counts.

Some sentences state no rule whatever their words: a reason ("in order to promote safety", "To
protect privacy, ...", "the Board recognizes the importance of ...") lends none of its words; a rule
left to be written or decided later ("the Executive Director is authorized to develop ...", "will be
considered at a later meeting", "has not been set yet") is a promise; what a body outside the house
does ("the county inspects ...", "classes offered by the community college") is theirs; what is
left to the resident and someone of his own ("that's between you and your sponsor"), and what says
it is no rule ("..., not a rule we hold to"), is no rule of the house. In talk
written down (fillers, contractions, no headings or lists), the sentence a paragraph opens with lends
what it is about to the next one, one idea and no more, as "it" does; a reader's "there's no chart,
no rotation" or "it doesn't say ..." denies what it names, and a hedge ("Honestly, ...") is no
honesty. A scanned page is read past its furniture: a running header or footer ("Page 3 of 12", "Rev.
2014") is dropped and a sentence it broke is read across it, a word hyphenated at a line's end is made
whole, a form's dot leader joins a charge to its amount, and light OCR slips ("po1icy", "rnonth") are
read as the words meant.

A report's response that only promises ("we will look into a separate login", "we are considering
whether any laws apply", "the reviewer's suggestion has been noted", "once the requirements are
finalized") states no rule, and a finding that names what was missing without a verb ("No written
statement on residents' role in safety.") says it is not there. A sentence saying whom its section is
for, when that is not the residents ("This section is for the house coordinator and the board", "Who
this covers - every staffer"), frames what the section says to its reader: its "you" and its bare
commands ("Don't loan residents money"). What is named for its look ("smoke-detector-shaped dust
bunnies", "any prohibited-looking item") names no such thing.

Topics that ask for a stated rule also need its substance in the sentence itself (an amount or a
time with its unit, a role, a way to reach someone): a section number, an extension, the date a
policy was adopted or a number in a heading is none. Wording that defers the rule ("at the
director's discretion", "case by case") does not count for them, and a rule promised for later ("a
procedure will be developed") counts for no topic.

Deterministic and offline: no model, no data downloaded. Every finding cites the heading or page of
the sentence that met it; a topic not met names the place that came closest.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import chain, pairwise
from typing import Any, NamedTuple, Protocol, overload

from narr_audit.base.language import (
    ABBREVIATIONS,
    ABSENCE_CUES,
    AHEAD_WORDS,
    APPLIES_WORDS,
    AVOWAL_CUES,
    DENIAL_CUES,
    DISOWNING_WORDS,
    EVENT_CUES,
    EVENT_TITLE_CUES,
    GENERIC_PAPERS,
    LATER_WORDS,
    LOOKALIKE_CUES,
    NONE_OF_IT_WORDS,
    NOT_IN_USE_CUES,
    OTHER_PEOPLE,
    OTHER_SENSE_WORDS,
    OUTSIDE_WORDS,
    PRIVATE_CUES,
    PROPOSAL_CUES,
    PURPOSE_CUES,
    RULE_WORDS,
    STATUS_WORDS,
    STOP_WORDS,
    SUPPOSING_WORDS,
    TAG_WORDS,
    TRUE_FALSE_WORDS,
    WEEKDAYS,
    WORD,
    WORDS_TOO,
    absent_papers,
    acted_by_other,
    addresses_reader,
    adds_item,
    answered_no,
    answers_cannot,
    answers_false,
    answers_no,
    answers_nobody,
    answers_yes,
    asker_part,
    asks_after_colon,
    asks_marked,
    asks_on,
    asks_practice,
    asks_true_or_false,
    asks_wh,
    asks_whether,
    asks_yes_no,
    binds_others,
    crossed,
    denied_regions,
    disowning_title,
    disowns_ahead,
    disowns_rule,
    disowns_section,
    gives_contact,
    goes_on_telling,
    has_quantity,
    hopes_to,
    is_capitals,
    is_fragment,
    is_numbered,
    is_proviso,
    is_question,
    is_running_line,
    is_slide_title,
    is_title,
    leaves_for_later,
    left_to_the_person,
    lookalike_regions,
    names_addressee,
    names_event,
    names_month_day,
    names_residents,
    normalise,
    not_for_residents,
    other_sense_regions,
    proposes,
    refers_back,
    row_not_in_effect,
    says_none_of_it,
    says_not_in_use,
    says_otherwise,
    sounds_spoken,
    states_not_in_effect,
    stem,
    strip_answer_mark,
    supposes,
    tells_event,
    ticked,
    title_end,
    tokens,
    told_as_past_habit,
    told_in_past,
    undictated,
    unstated_regions,
    without_number,
    written_for_others,
)
from narr_audit.evidence.content import Extracted

# The markers of substance and deferral live in the vocabulary under these names.
AMOUNT, TIME, ROLE, CONTACT, DEFERRAL = "_amount", "_time", "_role", "_contact", "_deferral"
PROMISE = "_promise"  # wording that leaves a rule to be written later ("a procedure to be issued")
SUBSTANCE_CONCEPT = {"amount": AMOUNT, "time": TIME, "role": ROLE, "contact": CONTACT}
SUBSTANCE_WORDS = {
    "amount": "an amount, share or formula",
    "time": "a time or time limit",
    "role": "who does it",
    "contact": "a phone number, e-mail or address",
}
UNSTATED = "what the rule is"  # what a topic lacks when its sentence only promises the rule
WRAPPED_KINDS = ("pdf", "text", "image")  # kinds whose lines may break a sentence
DISOWNED_REACH = 12  # sentences before one saying its section is not in effect that it disowns (see disowned)
SPOKEN_REACH = 2  # sentences after a subject named on its own ("The alarms.") that it frames
TALK_REACH = 1  # sentences after a paragraph's opening sentence, in talk, that it frames
MAX_GAP = 2  # words allowed between two words of a phrasing ("drug and alcohol screening")

_DIGIT = re.compile(r"[0-9]")
# The space that ends a sentence (group 1), after its stop or a closing quote ('... order." No'). The stop
# is matched rather than looked behind for: Python's engine then looks for the stop's characters first,
# not at every position of the line (the same spaces are found, in the same places).
# ... and before a numbered step that runs on in the same line ("Do not stop for possessions. 2. Leave by ...")
_SENTENCE_END = re.compile(r"[.!?;\"\u201d\u2019](\s+)(?=[^a-z0-9(]|\d{1,2}[.)](?:\s+[A-Z]|\s*$))")
_CLOSING_QUOTES = '"\u201d\u2019'
_ITEM = re.compile(r"^(\[[ xX]?\]|[-*\u2022\u25aa]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
# Where a long sentence's next clause starts: a semicolon, or a comma before a proviso.
_CLAUSE_CUT = re.compile(
    r";\s+|,\s+(?=(?:and\s+|but\s+)?(?:provided\b|except\b|excepting\b|notwithstanding\b|subject to\b|unless\b|"
    r"save that\b|however\b|in which event\b|in which case\b))",
    re.IGNORECASE,
)
_ENUMERATED = re.compile(r"\((?:a|i|1)\)|\b(?:a|i|1)\)\s")  # "shall not (a) advance money ..."
MAX_CHAT_TITLE = 14  # words: a longer line over a chat is a message of its own, not its title
MAX_ASKED = 3  # sentences of a "Q:" line read together as what its answer answers
ELLIPTICAL = 2  # words: a question this short ("OK?", "Allowed here?") asks about the sentence before it
SHORT_ANSWER = 8  # words: an answer this short frames, with its question, what follows it
LONG_SENTENCE = 35  # words: a sentence this long is read clause by clause
MIN_CLAUSE = 4  # words: a shorter piece stays with its neighbour ("; and", "; or")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


class Word(NamedTuple):
    """One word of a phrasing: its stem, or a prefix when the phrasing says ``word*``.

    A plain tuple, so a vocabulary read back from the cache (pairs) is the same value.
    """

    stem: str
    prefix: str | None = None


Phrasing = tuple[Word, ...]


def compile_phrasing(text: str, *, legacy: bool = False) -> Phrasing:
    """``"drug screen*"`` -> stems and prefixes. Legacy topic terms ("discriminat") were prefixes."""
    out: list[Word] = []
    for raw in normalise(text).split():
        star = raw.endswith("*")
        bare = raw.rstrip("*")
        parts = tokens(bare)  # every word counts: "may be considered" is not "considered"
        for n, part in enumerate(parts):
            last = n == len(parts) - 1
            if (star and last) or (legacy and len(part.word) >= 5):
                out.append(Word(part.stem, part.word))
            else:
                out.append(Word(part.stem))
    return tuple(out)


# A phrasing kept compiled, as text: its words joined by spaces, each its stem, or for a prefix
# ``stem*prefix`` (words and stems never hold a space or a star).
CompiledPhrasing = str


def _word_text(word: Word) -> str:
    return word[0] if word[1] is None else f"{word[0]}*{word[1]}"


def _text_word(text: str) -> Word:
    found = _TEXT_WORDS.get(text)
    if found is None:
        word_stem, star, prefix = text.partition("*")
        found = _TEXT_WORDS[text] = Word(word_stem, prefix if star else None)
    return found


_TEXT_WORDS: dict[str, Word] = {}


def _as_text(phrasing: Phrasing) -> CompiledPhrasing:
    return " ".join(map(_word_text, phrasing))


def _read_compiled(kept: object) -> tuple[Phrasing, ...] | None:
    """Phrasings kept compiled (:func:`_as_text`); None when the entry is damaged."""
    if not isinstance(kept, list):
        return None
    try:
        return tuple([tuple(map(_text_word, text.split(" "))) if text else () for text in kept])
    except (AttributeError, TypeError):  # not text
        return None


class _Concepts(Mapping[str, tuple[Phrasing, ...]]):
    """Concept name -> its phrasings, each compiled on first use (a check touches only some)."""

    def __init__(self, raw: Mapping[str, Sequence[str]], compiled: Mapping[str, object]) -> None:
        self._raw = raw
        self._compiled = compiled
        self._done: dict[str, tuple[Phrasing, ...]] = {}

    def __getitem__(self, name: str) -> tuple[Phrasing, ...]:
        found = self._done.get(name)
        if found is None:
            kept = self._compiled.get(name)
            found = _read_compiled(kept) if kept is not None else None
            if found is None:
                if name not in self._raw:
                    raise KeyError(name)
                found = tuple(p for p in (compile_phrasing(t) for t in self._raw[name]) if p)
            self._done[name] = found
        return found

    def _names(self) -> Mapping[str, object]:
        return self._raw or self._compiled

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


@dataclass(frozen=True)
class Vocabulary:
    """Concept name -> its phrasings, compiled once per rulebook."""

    concepts: Mapping[str, tuple[Phrasing, ...]]
    # Each idea as written -> its phrasings, built once: a document remembers an idea's sentences
    # by the idea's identity, so topics that share an idea share the work.
    _ideas: dict[tuple[str, bool], Idea] = field(default_factory=dict, compare=False, repr=False)
    # Phrasings that topics write out instead of naming a concept, compiled (and kept compiled).
    _own: dict[str, Phrasing] = field(default_factory=dict, compare=False, repr=False)
    _kept_own: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)
    # Names what this vocabulary compiles to (its compiled file's name in the cache), so that what a
    # document's sentences hold of each idea can be kept for the next run; None: nothing is kept.
    stamp: str | None = field(default=None, compare=False)
    _names: dict[int, tuple[object, str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, raw: Mapping[str, Sequence[str]], *, stamp: str | None = None) -> Vocabulary:
        """The vocabulary of ``raw`` phrasings; each concept is compiled when first looked at."""
        return cls(_Concepts(raw, {}), stamp=stamp)

    @classmethod
    def from_compiled(
        cls, compiled: Mapping[str, Any], raw: Mapping[str, Sequence[str]] | None = None, *, stamp: str | None = None
    ) -> Vocabulary:
        """A vocabulary kept compiled (:meth:`compiled`), e.g. in the cache beside the compiled rulebook;
        ``raw`` (its phrasings as written) names the concepts and stands in for a damaged entry."""
        concepts, own = compiled.get("concepts"), compiled.get("own")
        return cls(
            _Concepts(raw or {}, concepts if isinstance(concepts, dict) else {}),
            _kept_own=own if isinstance(own, dict) else {},
            stamp=stamp,
        )

    def concept(self, name: str) -> tuple[Phrasing, ...]:
        """A concept's phrasings; none when the vocabulary has no such concept."""
        found = self.concepts.get(name, ())
        if found:
            self._names.setdefault(id(found), (found, f"concept:{name}"))
        return found

    def name_of(self, phrasings: Sequence[Phrasing]) -> str | None:
        """How an idea (or concept) given by this vocabulary was written; None for any other."""
        entry = self._names.get(id(phrasings))
        return entry[1] if entry is not None and entry[0] is phrasings else None

    def compiled(self) -> dict[str, Any]:
        """Every concept compiled, and the topics' own phrasings compiled so far, as text (JSON),
        for :meth:`from_compiled`."""
        for idea in self._ideas.values():
            len(idea)  # assembled: its own phrasings compiled
        return {
            "concepts": {name: list(map(_as_text, self.concepts[name])) for name in self.concepts},
            "own": {key: _as_text(found) for key, found in self._own.items()},
        }

    def idea(self, written: str, *, legacy: bool = False) -> Idea:
        """``"records|lock*|safe"``: each alternative a concept's name or a phrasing of its own."""
        known = self._ideas.get((written, legacy))
        if known is None:
            known = self._ideas[(written, legacy)] = Idea(partial(self._idea, written, legacy))
            self._names[id(known)] = (known, _idea_key(written, legacy))
        return known

    def _idea(self, written: str, legacy: bool) -> tuple[Phrasing, ...]:
        found: list[Phrasing] = []
        for alternative in written.split("|"):
            name = alternative.strip()
            if name in self.concepts:
                found.extend(self.concepts[name])
            elif name:
                compiled = self._phrasing(name, legacy)
                if compiled:
                    found.append(compiled)
        return tuple(found)

    def _phrasing(self, name: str, legacy: bool) -> Phrasing:
        key = _idea_key(name, legacy)
        known = self._own.get(key)
        if known is None:
            read = _read_compiled([self._kept_own[key]]) if key in self._kept_own else None
            known = self._own[key] = read[0] if read else compile_phrasing(name, legacy=legacy)
        return known


class Idea(Sequence[Phrasing]):
    """An idea's phrasings, assembled when first read: when what a document holds of the idea was
    kept from an earlier run, its phrasings are never needed."""

    __slots__ = ("_assemble", "_phrasings")

    def __init__(self, assemble: Callable[[], tuple[Phrasing, ...]]) -> None:
        self._assemble: Callable[[], tuple[Phrasing, ...]] | None = assemble
        self._phrasings: tuple[Phrasing, ...] | None = None

    def _all(self) -> tuple[Phrasing, ...]:
        if self._phrasings is None:
            assert self._assemble is not None
            self._phrasings, self._assemble = self._assemble(), None
        return self._phrasings

    @overload
    def __getitem__(self, index: int) -> Phrasing: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Phrasing, ...]: ...

    def __getitem__(self, index: int | slice) -> Phrasing | tuple[Phrasing, ...]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Phrasing]:
        return iter(self._all())


def _idea_key(written: str, legacy: bool) -> str:
    return f"{'legacy' if legacy else 'idea'}:{written}"


# An idea, the sentences holding it, and (once asked) the sentences that carry it with their frame.
_Remembered = tuple[object, frozenset[int], frozenset[int] | None]


class Sentence(NamedTuple):
    where: str | None
    context: tuple[int, ...]  # sentences that frame this one: heading, table header, list lead-in
    block: int
    text: str


@dataclass
class Analysis:
    """A document's text as sentences of stemmed words, indexed for quick look-up.

    Words are kept in reading order as parallel lists (as written, normalised; stem; sentence); the
    positions of each stem and each word, and each word's sentences, are indexed on first use.
    """

    sentences: list[Sentence] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)  # sentence index of each word
    digits: set[int] = field(default_factory=set)  # sentences stating a quantity (see has_quantity)
    within: dict[int, tuple[str, ...]] = field(default_factory=dict)  # a sentence's outer headings (Segment.within)
    asked: set[int] = field(default_factory=set)  # what an FAQ's asker says beside the question (a "Q:" line)
    memo: dict[int, _Remembered] = field(default_factory=dict)  # an idea's sentences, by its identity
    denied_memo: dict[int, tuple[object, frozenset[int]]] = field(default_factory=dict)  # see _denied_in
    key: str | None = None  # its key in the store it is kept in (None: not kept)
    _by_stem: dict[str, list[int]] | None = None
    _by_word: dict[str, list[int]] | None = None  # for prefix look-ups
    _spelled: list[str] | None = None  # the distinct words, sorted
    _framed: list[list[int]] | None = None  # for each sentence, the sentences it frames
    _in: dict[str, frozenset[int]] = field(default_factory=dict)  # a stem's or '*prefix''s sentences
    _with: dict[Phrasing, frozenset[int]] = field(default_factory=dict)  # a phrasing's sentences (sentences_with)
    _denials: dict[int, list[tuple[int, int]]] | None = None  # per sentence, the words it denies
    _contacts: frozenset[int] | None = None
    _month_days: frozenset[int] | None = None  # sentences naming a weekday with an ordinal
    _later: frozenset[int] | None = None  # sentences leaving the rule to be written later
    _others: frozenset[int] | None = None  # sentences telling what someone outside the house does
    _disowned: frozenset[int] | None = None  # sentences of a section that says it is not in effect
    _for_others: frozenset[int] | None = None  # sentences binding, or written for, people other than residents
    _events: frozenset[int] | None = None  # sentences telling what happened once
    _absences: dict[int, frozenset[str] | None] | None = None  # sentences saying the house has no paper for something
    _none_of_it: frozenset[int] | None = None  # sentences saying the house has none of what came before
    _supposed: frozenset[int] | None = None  # sentences stating only what is supposed (a paper that "would read")
    _talk: bool | None = None  # whether the document is talk written down

    @property
    def by_stem(self) -> dict[str, list[int]]:
        """Each stem's positions, in reading order."""
        if self._by_stem is None:
            self._by_stem = _positions(self.stems)
        return self._by_stem

    @property
    def by_word(self) -> dict[str, list[int]]:
        """Each word's positions, in reading order."""
        if self._by_word is None:
            self._by_word = _positions(self.words)
        return self._by_word

    def positions(self, word: Word) -> list[int]:
        word_stem, prefix = word
        if prefix is None:
            return self.by_stem.get(word_stem, [])
        by_word = self.by_word
        spelled = self._spelled
        if spelled is None:
            spelled = self._spelled = sorted(by_word)
        found: list[int] = []
        for n in range(bisect_left(spelled, prefix), len(spelled)):
            if not spelled[n].startswith(prefix):
                break
            found.extend(by_word[spelled[n]])
        return found

    def sentences_of(self, word: Word) -> frozenset[int]:
        """The sentences holding the word (its stem, or a word with its prefix)."""
        word_stem, prefix = word
        key = word_stem if prefix is None else f"*{prefix}"  # a stem never starts with '*'
        found = self._in.get(key)
        if found is None:
            owner = self.owner
            found = self._in[key] = frozenset([owner[p] for p in self.positions(word)])
        return found

    def sentences_with(self, phrasing: Phrasing) -> frozenset[int]:
        """Sentences where the phrasing's words occur in order, at most MAX_GAP words apart; kept, as
        the ideas of a binder's many topics share phrasings (a third of the look-ups repeat one)."""
        found = self._with.get(phrasing)
        if found is None:
            found = self._with[phrasing] = frozenset(self._sentences_with(phrasing))
        return found

    def _sentences_with(self, phrasing: Phrasing) -> set[int]:
        if not phrasing:
            return set()
        common = self.sentences_of(phrasing[0])
        if len(phrasing) == 1:
            return set(common)
        for word in phrasing[1:]:
            if not common:
                return set()
            common = common & self.sentences_of(word)
        if not common:
            return set()  # no sentence holds every word: no need to look at their order
        hits: set[int] = set()
        owner, words, stems, end = self.owner, self.words, self.stems, len(self.owner)
        rest = phrasing[1:]
        for start in self.positions(phrasing[0]):
            sentence = owner[start]
            if sentence not in common or sentence in hits:
                continue
            at = start
            for word_stem, prefix in rest:
                found = -1
                for p in range(at + 1, min(at + 2 + MAX_GAP, end)):
                    if owner[p] == sentence and (
                        words[p].startswith(prefix) if prefix is not None else stems[p] == word_stem
                    ):
                        found = p
                        break
                at = found
                if at < 0:
                    break
            if at >= 0:
                hits.add(sentence)
        return hits

    def idea_sentences(self, phrasings: Sequence[Phrasing]) -> set[int]:
        """The sentences where any of the phrasings occurs."""
        index = _index_of(phrasings)
        by_stem, owner, memo = self.by_stem, self.owner, self._in
        present = by_stem.keys()
        hits: set[int] = set()
        for word_stem in present & index.stems:
            found = memo.get(word_stem)
            if found is None:
                found = memo[word_stem] = frozenset([owner[p] for p in by_stem[word_stem]])
            hits |= found
        for word in index.prefixed:
            hits |= self.sentences_of(word)
        for word_stem in present & index.longer_stems:  # phrasings whose first word is there
            for phrasing, rest in index.longer_by_stem[word_stem]:
                if rest <= present:
                    hits |= self.sentences_with(phrasing)
        for phrasing, rest in index.longer_prefixed:
            if rest <= present:
                hits |= self.sentences_with(phrasing)
        return hits

    def contacts(self) -> frozenset[int]:
        """The sentences that give a way to reach someone: a phone number, an e-mail, an address."""
        if self._contacts is None:
            self._contacts = frozenset(n for n, s in enumerate(self.sentences) if gives_contact(s.text))
        return self._contacts

    def undenied(self, phrasings: Sequence[Phrasing], hits: frozenset[int]) -> frozenset[int]:
        """``hits`` without the sentences that hold the idea only where they deny it as a description
        ("such a request is not an evacuation", "no head count is taken"). A rule stated as a
        prohibition ("Residents shall not bring alcohol", "no sharing of medication") denies nothing."""
        denials = self.denials()
        suspects = [n for n in hits if n in denials] if denials else ()
        if not suspects:
            return hits
        dropped = set()
        words = self.words
        for n in suspects:
            spans = self.spans(phrasings, n)
            regions = denials[n]
            if spans and all(any(_denied_span(words, s, e, a, b) for a, b in regions) for s, e in spans):
                dropped.add(n)
        return hits - dropped if dropped else hits

    def weekly(self, phrasings: Sequence[Phrasing], hits: frozenset[int]) -> frozenset[int]:
        """``hits`` of an idea of weekly recurrence ("weekday|week|weekly") without the sentences that
        hold it only in a weekday named with an ordinal: "the first Sunday of each month" is monthly,
        "every other Friday" every two weeks. Other ideas of days ("a schedule naming the day") keep them."""
        if not any(p[0][0] == "week" for p in phrasings if len(p) == 1):
            return hits
        if self._month_days is None:
            by_word, owner, words = self.by_word, self.owner, self.words
            self._month_days = frozenset(
                owner[p]
                for day in WEEKDAYS
                for spelled in (day, f"{day}s")
                for p in by_word.get(spelled, ())
                if names_month_day(words, p, self.bounds(owner[p])[0])
            )
        dropped = set()
        words = self.words
        for n in hits & self._month_days:
            lo, _ = self.bounds(n)
            spans = self.spans(phrasings, n)
            if spans and all(end - start == 1 and names_month_day(words, start, lo) for start, end in spans):
                dropped.add(n)
        return hits - dropped if dropped else hits

    def denials(self) -> dict[int, list[tuple[int, int]]]:
        """For each sentence that denies something, or says why rather than what (a recital, a
        purpose: see :func:`unstated_regions`), or says a word in another sense ("a safety net fund"),
        the words it denies (their positions)."""
        if self._denials is None:
            found: dict[int, list[tuple[int, int]]] = {}
            by_word, owner = self.by_word, self.owner
            cues = sorted({owner[p] for w in DENIAL_CUES for p in by_word.get(w, ())})
            for n in cues:
                lo, hi = bisect_left(owner, n), bisect_right(owner, n)
                regions = denied_regions(self.words, lo, hi, self.sentences[n].text)
                if regions:
                    found[n] = regions
            why = {owner[p] for w in PURPOSE_CUES | AVOWAL_CUES for p in by_word.get(w, ())}
            why.update(owner[p] for p in by_word.get("to", ()) if p == 0 or owner[p - 1] != owner[p])
            why.update({owner[p] for p in by_word.get("so", ())} & {owner[p] for p in by_word.get("as", ())})
            for n in sorted(why):
                lo, hi = bisect_left(owner, n), bisect_right(owner, n)
                regions = unstated_regions(self.words, lo, hi, self.sentences[n].text)
                if regions:
                    found.setdefault(n, []).extend(regions)
            other: dict[int, list[int]] = {}  # "a safety net fund", "a financial emergency": another sense
            for w in OTHER_SENSE_WORDS & by_word.keys():
                for p in by_word[w]:
                    other.setdefault(owner[p], []).append(p)
            for n, at in sorted(other.items()):
                lo, hi = bisect_left(owner, n), bisect_right(owner, n)
                regions = other_sense_regions(self.words, at, lo, hi)
                if regions:
                    found.setdefault(n, []).extend(regions)
            for n in sorted({owner[p] for w in LOOKALIKE_CUES for p in by_word.get(w, ())}):
                lo, hi = bisect_left(owner, n), bisect_right(owner, n)  # "smoke-detector-shaped": a look
                regions = lookalike_regions(self.words, lo, hi, self.sentences[n].text)
                if regions:
                    found.setdefault(n, []).extend(regions)
            self._denials = found
        return self._denials

    def later(self) -> frozenset[int]:
        """The sentences that leave the rule to be written or decided later ("the Director is
        authorized to develop a policy", "the Board will take this up in the spring")."""
        if self._later is None:
            self._later = frozenset(n for n in self._holding(LATER_WORDS) if leaves_for_later(self.sentences[n].text))
        return self._later

    def _holding(self, words: frozenset[str]) -> set[int]:
        """The sentences holding any of the words (as written, normalised)."""
        by_word, owner = self.by_word, self.owner
        return {owner[p] for word in words & by_word.keys() for p in by_word[word]}

    def talk(self) -> bool:
        """Whether the document is talk written down (see :func:`sounds_spoken`), read from its sentences."""
        if self._talk is None:
            self._talk = all(s.where is None for s in self.sentences) and sounds_spoken(
                "\n".join(s.text for s in self.sentences)
            )
        return self._talk

    def others(self) -> frozenset[int]:
        """The sentences that state no rule of the house whatever their words: what a body outside the
        house does ("The county inspects ...", "classes offered by the community college"), what is
        left to the resident and someone of his own ("that's between you and your sponsor"), what
        says it is no rule ("that's just how the buildings worked out, not a rule we hold to"), what
        is proposed ("Suggest: ..."), and a yes-or-no question not answered yes ("Should residents
        sign ...?")."""
        if self._others is None:
            sentences = self.sentences
            acted = [n for n in self._holding(OUTSIDE_WORDS) if acted_by_other(sentences[n].text)]
            for n in list(acted):  # "The firefighters will show kids ... They inspect the trucks every day."
                while (
                    n + 1 < len(sentences)
                    and sentences[n + 1].block == sentences[n].block
                    and goes_on_telling(sentences[n + 1].text)
                ):
                    n += 1
                    acted.append(n)
            found = set(
                acted
                + [n for n in self._holding(PRIVATE_CUES) if left_to_the_person(sentences[n].text)]
                + [n for n in self._holding(RULE_WORDS) if disowns_rule(sentences[n].text)]
                + [n for n in self._holding(PROPOSAL_CUES) if proposes(sentences[n].text)]
                + self._asked_whether()
                + [n for n in self._holding(NOT_IN_USE_CUES) if says_not_in_use(sentences[n].text)]
                + [  # "Who checks the smoke alarms? Nobody.", "How do we show residents are oriented? We can't."
                    n
                    for n in range(len(sentences) - 1)
                    if sentences[n].text.rstrip().endswith("?")
                    and (
                        answers_nobody(sentences[n + 1].text, sentences[n].text)
                        or (asks_wh(sentences[n].text) and answers_cannot(sentences[n + 1].text))
                    )
                ]
            )
            found.update(self._not_done())
            found.update(self.asked)
            framed = self.framed()  # what such a lead-in lists is theirs, or proposed, too ("The county requires:")
            for n in [n for n in found if sentences[n].text.rstrip().endswith(":") or "|" in sentences[n].text]:
                found.update(framed[n])  # and what a table's header does ("| Point | Reviewer recommends |")
            self._others = frozenset(found)
        return self._others

    def _answered_false(self) -> list[int]:
        """A quiz's true-or-false items answered "False": the item's statement, up to its answer (read as
        not in effect, see :meth:`disowned`)."""
        sentences = self.sentences
        out: list[int] = []
        for n in sorted(self._holding(TRUE_FALSE_WORDS)):
            sentence = sentences[n]
            if not asks_true_or_false(sentence.text):
                continue
            for m in range(n + 1, min(n + 5, len(sentences))):
                if sentences[m].block != sentence.block or asks_true_or_false(sentences[m].text):
                    break
                if answers_false(sentences[m].text):
                    out.extend(range(n, m + 1))  # and the bare "False." that would borrow its words
                    break
        return out

    def _not_done(self) -> list[int]:
        """A checklist's crossed lines among ticked ones ("☑ house agreement signed" / "✗ drug screen consent
        → we don't have one"), a table's rows answered no in a column its header asks ("| Step |
        Covered? |" over "| Exits + meeting spot | NO, we don't do this |"), and its rows a status column
        says are not in effect ("| Policy | Status | Text |" over "| Smoking | Draft | ... |")."""
        sentences = self.sentences
        out: list[int] = []
        crossed_lines = [n for n, s in enumerate(sentences) if crossed(s.text)]
        if crossed_lines:
            checked = {s.block for s in sentences if ticked(s.text)}
            out.extend(n for n in crossed_lines if sentences[n].block in checked)
        for n, sentence in enumerate(sentences):
            if "|" in sentence.text:
                out.extend(
                    n
                    for c in sentence.context
                    if "|" in sentences[c].text
                    and (
                        ("?" in sentences[c].text and answered_no(sentence.text, sentences[c].text))
                        or (
                            "status" in sentences[c].text.lower()
                            and row_not_in_effect(sentence.text, sentences[c].text)
                        )
                    )
                )
        return out

    def _asked_whether(self) -> list[int]:
        """The yes-or-no questions not answered yes ("Should residents sign a promise to stay sober?"),
        and the questions that go on asking after one ("Am I supposed to check anything? Push-test the
        smoke detector once a month? Test the CO detector?")."""
        sentences = self.sentences
        found: list[int] = []
        for n, sentence in enumerate(sentences):
            if _asks_in_every_cell(sentence.text):  # "| Emergency numbers? | kitchen, front hall? | 911? |"
                found.append(n)
                continue
            if not sentence.text.rstrip(" *_\"')\u201d").endswith("?"):  # the cheap test first: no question
                continue
            if (
                (
                    asks_whether(sentence.text)
                    or (
                        found
                        and found[-1] == n - 1
                        and sentences[n - 1].block == sentence.block
                        and asks_on(sentence.text)
                    )
                )
                and not (n + 1 < len(sentences) and answers_yes(sentences[n + 1].text))
            ) or self._in_open_run(n):
                found.append(n)
        return found

    def _in_open_run(self, n: int) -> bool:
        """Whether sentence ``n`` is one of a run of questions asked without a question word and left
        unanswered ("- Smoke alarm in every bedroom? Tested monthly? Batteries swapped every October?"):
        a list of what to settle, not a rule. A lone one ("Smoke detectors? Every bedroom.") frames the
        answer after it."""
        sentences = self.sentences
        block = sentences[n].block

        def open_question(k: int) -> bool:
            return 0 <= k < len(sentences) and sentences[k].block == block and asks_on(sentences[k].text, 1)

        if not open_question(n) or not (open_question(n - 1) or open_question(n + 1)):
            return False
        k = n + 1
        while open_question(k):
            k += 1
        # nothing answers the run (another question may follow it: "How long between checks?")
        return not (k < len(sentences) and sentences[k].block == block and not is_question(sentences[k].text))

    def absences(self) -> dict[int, frozenset[str] | None]:
        """The sentences that say the house has no paper for something (see :func:`absent_papers`): for
        each, the stems of what it names (the paper's name included, a generic one such as "policy"
        left out), or None when it says there is no paper at all."""
        if self._absences is None:
            found: dict[int, frozenset[str] | None] = {}
            sentences = self.sentences
            for n in self._holding(ABSENCE_CUES):
                papers = absent_papers(sentences[n].text)
                if not papers:
                    continue
                if any(p is None for p in papers):
                    found[n] = None
                    continue
                named = {stem(w) for p in papers for w in WORD.findall(normalise(p or "")) if w not in STOP_WORDS}
                found[n] = frozenset(named - _GENERIC_PAPERS)
            self._absences = found
        return self._absences

    def none_of_it(self) -> frozenset[int]:
        """The sentences that say the house has or does none of what its section told before them (see
        :func:`says_none_of_it`), such as "At the house? Nothing like that."""
        if self._none_of_it is None:
            sentences = self.sentences
            self._none_of_it = frozenset(
                n for n in self._holding(NONE_OF_IT_WORDS) if says_none_of_it(sentences[n].text)
            )
        return self._none_of_it

    def supposed(self) -> frozenset[int]:
        """The sentences that state only what is supposed (see :func:`supposes`): such a sentence and the
        rest of its paragraph ("The house rules would then read: ..." and the quote after it), and a
        sentence saying what the house hopes or plans to do (see :func:`hopes_to`)."""
        if self._supposed is None:
            sentences = self.sentences
            found: set[int] = set()
            for m in sorted(self._holding(SUPPOSING_WORDS)):
                if m in found:
                    continue
                if not supposes(sentences[m].text):
                    if hopes_to(sentences[m].text):  # "We hope to go smoke-free next year."
                        found.add(m)
                    continue
                block = sentences[m].block
                k = m
                while k < len(sentences) and sentences[k].block == block:
                    found.add(k)
                    k += 1
            self._supposed = frozenset(found)
        return self._supposed

    def events(self) -> frozenset[int]:
        """The sentences telling what happened once (see :func:`tells_event`): "On March 3 the fire
        marshal inspected the house." and what goes on telling it in the past, in its paragraph or
        under it ("Both items were corrected on March 5.", the items under "Done once by the seller's
        agent on March 3:")."""
        if self._events is not None:
            return self._events
        sentences = self.sentences
        found = {n for n in self._holding(EVENT_CUES) if tells_event(sentences[n].text)}
        found.update(n for n in self._holding(_USED) if told_as_past_habit(sentences[n].text))  # a habit no more
        # under a title naming an account of one event ("Incident Summary (14 March)", "... : training case
        # study"), what is told in the past happened once, a date named or not
        heads = {w for w in {s.where for s in sentences} if w is not None and names_event(w)}
        frames = {
            n
            for n in self._holding(EVENT_TITLE_CUES)
            if names_event(sentences[n].text) and not sentences[n].text.rstrip().endswith(".")
        }
        title, title_at = self.document_title()
        whole = title is not None and names_event(title)
        if heads or frames or whole:
            # the title itself ("Collecting a sample, 14 April: incident review") tells no practice either
            found.update(frames)
            found.update(title_at if whole else ())
            found.update(n for n, s in enumerate(sentences) if s.where in heads and s.text.strip() == s.where.strip())
            found.update(
                n
                for n, sentence in enumerate(sentences)
                if n not in frames
                and n not in title_at
                and (
                    sentence.where in heads
                    or not frames.isdisjoint(sentence.context)
                    or (whole and sentence.where is None)
                )
                and told_in_past(sentence.text)
            )
        if found:
            leads = {n for n in found if sentences[n].text.rstrip().endswith(":")}  # "Done once on March 3:"
            for n in range(min(found) + 1, len(sentences)):
                sentence = sentences[n]
                if n in found:
                    continue
                if not leads.isdisjoint(sentence.context) or (
                    told_in_past(sentence.text)
                    and (
                        (n - 1 in found and sentences[n - 1].block == sentence.block)
                        or not found.isdisjoint(sentence.context)
                    )
                ):  # what such a lead-in lists, answers included
                    found.add(n)
                    if sentence.text.rstrip().endswith(":"):  # "Got done once in March. Dana did it w/ a buddy:"
                        leads.add(n)
        self._events = frozenset(found)
        return self._events

    def disowned(self) -> frozenset[int]:
        """The sentences of a section that says it is not in effect: those under a title tagged
        "(withdrawn)" or "(proposed; rejected)", and those before a sentence saying so ("This table was
        proposed in 2019 and rejected", "The Company has not adopted these recommendations"), back to
        the start of its section (its heading), DISOWNED_REACH sentences at most. A sentence after it
        is not disowned: "The proposal was rejected. Smoking stays allowed on the patio only." Only a
        section's opening sentence saying that what follows is not in effect reaches forward
        ("Proposed for the 2026 renewal; not in effect.", "Tenant has not adopted any of these."). A
        tagged title line that is no heading ("Policy 6.03: Emergency Contacts (rescinded)") disowns
        the sentences after it in its section, as many at most."""
        if self._disowned is None:
            sentences = self.sentences
            out: set[int] = set()
            for n in self._holding(DISOWNING_WORDS):
                if disowns_section(sentences[n].text):
                    out.update(self._section_run(n, -1))
            for n in self._holding(AHEAD_WORDS):
                text = sentences[n].text
                colon = text.find(":")
                if self._opening(n):
                    if disowns_ahead(text):  # "Tenant has not adopted any of these."
                        out.update(self._section_run(n, 1))
                elif 0 < colon < len(text.rstrip()) - 1 and disowns_ahead(text[:colon]):
                    # a lead-in within a section, its rule after the colon: "FYI only (Hillcrest's handbook,
                    # nothing like it in ours): every resident ...": it and the rest of its paragraph
                    out.update(m for m in self._section_run(n, 1) if sentences[m].block == sentences[n].block)
            for n in self._holding(STATUS_WORDS):  # a status field ("Status: Draft") holds for its whole section
                text = sentences[n].text.rstrip()
                if text.endswith(":") and n + 1 < len(sentences) and n in sentences[n + 1].context:
                    text += " " + sentences[n + 1].text  # the label and its value read as one ("Status:", "Draft")
                if states_not_in_effect(text):
                    out.update(self._section_run(n, -1))
                    out.update(self._section_run(n, 1))
            titles = {  # a title ends without a full stop ("House Rule 9 - Smoking (withdrawn)"), or after a colon
                n  # ("Medicines at Larkspur House: questions for Thursday's meeting.")
                for n in self._holding(TAG_WORDS)
                if (
                    not sentences[n].text.rstrip().endswith(".")
                    or sentences[n].text.rstrip().endswith(").")  # "... walk-through (read out; no vote taken)."
                    or asks_after_colon(sentences[n].text)
                )
                and disowning_title(sentences[n].text)
            }
            titles |= {n for n in out if sentences[n].text.rstrip().endswith(":")}  # "To decide at the board meeting:"
            for n in titles:  # a tagged title line with no heading of its own disowns what follows it
                out.update(self._section_run(n, 1))
            tagged = {w for w in {s.where for s in sentences} if w is not None and disowning_title(w)}
            outer = {h for h in set(chain.from_iterable(self.within.values())) if disowning_title(h)}
            if outer:  # a section under a tagged one ("## Appendix C (not adopted)" over "### Smoke detectors")
                out.update(n for n, headings in self.within.items() if not outer.isdisjoint(headings))
            # what a disowned lead-in frames goes with it ("... is no longer required to: (1) test ...;
            # (2) ..."), not what a heading or a question frames
            leads = titles | {
                c for c in out if sentences[c].text != sentences[c].where and not is_question(sentences[c].text)
            }
            out.update(
                n
                for n, sentence in enumerate(sentences)
                if n in titles or sentence.where in tagged or not leads.isdisjoint(sentence.context)
            )
            for n in sorted(out):  # what a disowned sentence starts to quote goes with it: 'It read: "This is
                if not _opens_quote(sentences[n].text):  # a smoke-free house inside. No vaping in any room."'
                    continue
                for m in range(n + 1, min(len(sentences), n + DISOWNED_REACH + 1)):
                    if sentences[m].block != sentences[n].block:
                        break
                    out.add(m)
                    if _opens_quote(sentences[m].text):  # the quote closes here
                        break
            out.update(self._answered_false())  # a quiz's statement answered "False" lends its words to nothing
            self._disowned = frozenset(out)
        return self._disowned

    def _opening(self, n: int) -> bool:
        """Whether sentence ``n`` opens its section: its heading and one sentence at most before it."""
        return n < 3 or self.sentences[n - 3].where != self.sentences[n].where

    def _section_run(self, n: int, step: int) -> Iterator[int]:
        """Sentence ``n`` and those before it (``step`` -1) or after it (1) under the same heading,
        DISOWNED_REACH at most."""
        sentences, where = self.sentences, self.sentences[n].where
        m = n
        while 0 <= m < len(sentences) and abs(m - n) <= DISOWNED_REACH and sentences[m].where == where:
            yield m
            m += step

    def for_others(self) -> frozenset[int]:
        """The sentences that bind someone other than the residents: one whose subject is another group
        ("Employees may not use alcohol on duty", "Visitor signature"), and those of a section whose
        title is written for another group ("Policy 3.01 - Drug-Free Workplace", "New Employee
        Checklist", "VISITOR AGREEMENT"), unless the sentence or the title names residents too. A
        document's first line is its title when it has no heading and ends without a full stop."""
        if self._for_others is None:
            sentences = self.sentences
            out = {n for n in self._holding(OTHER_PEOPLE) if binds_others(sentences[n].text)}
            doc_title, title_at = self.document_title()
            if doc_title is not None and written_for_others(doc_title):
                out.update(title_at)  # "Visitor Agreement:" "Our Alcohol- and Drug-Free Home"
            titled: dict[str | None, bool] = {}  # by heading (None: the document's first line)
            framing: dict[int, bool] = {}  # by framing sentence (a list's lead-in, a table's header)
            for n, sentence in enumerate(sentences):
                where = sentence.where
                if where not in titled:
                    titled[where] = written_for_others(where if where is not None else doc_title or "")
                for c in sentence.context:
                    if c not in framing:
                        framing[c] = written_for_others(sentences[c].text)
                if (titled[where] or any(framing[c] for c in sentence.context)) and not names_residents(sentence.text):
                    out.add(n)
            for n in self._holding(APPLIES_WORDS):  # a form's "[ ] Applies to residents": its record is for others
                if not_for_residents(sentences[n].text):
                    run = {*self._section_run(n, -1), *self._section_run(n, 1)}
                    out.update(m for m in run if not names_residents(sentences[m].text))
            self._for_others = frozenset(out)
        return self._for_others

    def document_title(self) -> tuple[str | None, tuple[int, ...]]:
        """The document's first line when it is a title (no heading above it, no full stop), and its
        sentences: one cut at a colon is read whole ("Appendix F:" "Employee Consent to Screening")."""
        sentences = self.sentences
        first = sentences[0] if sentences else None
        if first is None or first.where is not None or first.text.rstrip().endswith("."):
            return None, ()
        if (
            first.text.rstrip().endswith(":")
            and len(first.text.split()) <= 3
            and len(sentences) > 1
            and sentences[1].where is None
            and sentences[1].context == (0,)
            and not sentences[1].text.rstrip().endswith(".")
        ):
            return f"{first.text} {sentences[1].text}", (0, 1)
        return first.text, (0,)

    def bounds(self, n: int) -> tuple[int, int]:
        """The positions of sentence ``n``'s first word and of the word after its last."""
        return bisect_left(self.owner, n), bisect_right(self.owner, n)

    def spans(self, phrasings: Sequence[Phrasing], n: int) -> list[tuple[int, int]]:
        """Where the idea occurs in sentence ``n``: (first word, last word + 1), as sentences_with reads it."""
        lo, hi = self.bounds(n)
        index = _index_of(phrasings)
        stems = self.stems
        found: list[tuple[int, int]] = []
        for p in range(lo, hi):
            word_stem = stems[p]
            if word_stem in index.stems:
                found.append((p, p + 1))
            for phrasing, _ in index.longer_by_stem.get(word_stem, ()):
                end = self._match_end(phrasing, p, hi)
                if end > 0:
                    found.append((p, end))
        for word in index.prefixed:
            found.extend((p, p + 1) for p in self._positions_in(word, lo, hi))
        for phrasing, _ in index.longer_prefixed:
            for p in self._positions_in(phrasing[0], lo, hi):
                end = self._match_end(phrasing, p, hi)
                if end > 0:
                    found.append((p, end))
        return found

    def _positions_in(self, word: Word, lo: int, hi: int) -> list[int]:
        positions = sorted(self.positions(word)) if word[1] is not None else self.positions(word)
        return positions[bisect_left(positions, lo) : bisect_left(positions, hi)]

    def _match_end(self, phrasing: Phrasing, start: int, end: int) -> int:
        """After the phrasing's last word when its later words follow the word at ``start`` (as
        sentences_with reads them); 0 when they do not."""
        words, stems = self.words, self.stems
        at = start
        for word_stem, prefix in phrasing[1:]:
            found = -1
            for p in range(at + 1, min(at + 2 + MAX_GAP, end)):
                if words[p].startswith(prefix) if prefix is not None else stems[p] == word_stem:
                    found = p
                    break
            if found < 0:
                return 0
            at = found
        return at + 1

    def framed(self) -> list[list[int]]:
        """For each sentence, the later sentences it frames (it is in their context)."""
        if self._framed is None:
            framed: list[list[int]] = [[] for _ in self.sentences]
            for n, sentence in enumerate(self.sentences):
                for frame in sentence.context:
                    framed[frame].append(n)
            self._framed = framed
        return self._framed


_SPEAKER = re.compile(r"^[\w.'-]{1,20}(?: [\w.'-]{1,20})?:\s")  # who speaks, in a chat or a transcript
# Small words a line in capitals cannot end on unless it runs on ("SUBMIT A / GRIEVANCE IN WRITING").
_JOINING = frozenset({"a", "an", "the", "of", "to", "for", "and", "or", "with", "in", "on", "at", "by", "from"})
# The subject line of a memo or a letter: its subject frames the text below it.
_SUBJECT_LINES = frozenset({"re:", "subject:", "subj:", "regarding:"})


def _lines(segment_text: str, wrapped: bool, heading: str | None) -> tuple[list[list[str]], set[int]]:
    """Blocks (split at blank lines) of lines; a line that only continues the one before is joined to it.

    Sentences break across lines in PDFs and text files (``wrapped``: any line without an end may
    continue) and in hand-wrapped Markdown (a line continues when it starts in lower case or the one
    before ends on a word like "to" or "the"). A heading, a list item or a table row stands alone.
    """
    blocks: list[list[str]] = [[]]
    heading_key = heading.strip().lower() if heading else None
    width = _page_width(segment_text) if wrapped else _wrap_width(segment_text)
    paged: set[int] = set()  # blocks that open a new page
    skipped = False  # a page's running header or footer ("Page 3 of 12", "Rev. 2014") was left out
    for raw in segment_text.split("\n"):
        line = raw.strip()
        if "...." in line:  # a form's dot leader ("Weekly house fee ...... $150") joins, it ends nothing
            line = _LEADER.sub(" \u2014 ", line).strip(" \u2014")
        if is_running_line(line):
            skipped = True
            continue
        if not line:
            if blocks[-1] and not skipped:
                blocks.append([])
            continue
        if skipped and len(blocks) > 1 and not blocks[-1] and not _runs_on(blocks[-2][-1], line):
            paged.add(id(blocks[-1]))  # the page break fell between paragraphs: keep them apart
        elif skipped and not blocks[-1] and len(blocks) > 1:
            blocks.pop()  # a sentence broken by the page break: read across it
        elif skipped and blocks[-1] and not _runs_on(blocks[-1][-1], line):
            blocks.append([])
            paged.add(id(blocks[-1]))
        skipped = False
        block = blocks[-1]
        previous = block[-1] if block else None
        if (
            previous is not None
            and previous.strip("#* ").lower() != heading_key
            and _wraps(previous, line, width=width)
        ):
            block[-1] = _join_wrapped(previous, line)
        elif wrapped and previous is not None and _stands_as_heading(block, line):
            # a PDF's or text file's heading line ("17. Alcohol- and drug-free policy") between paragraphs
            # the page runs together: its own block, so it heads what follows (a label) as a heading does
            if len(block) > 1:
                block.pop()
                blocks.append([previous])
            blocks.append([line])
        else:
            block.append(line)
    kept = [b for b in blocks if b]
    return kept, {n for n, b in enumerate(kept) if id(b) in paged}


def _stands_as_heading(block: list[str], line: str) -> bool:
    """Whether the block's last line is a heading over ``line``, in a page whose text runs on without blank
    lines: short, without a sentence's end, after a sentence that ended (or first), before a sentence
    that starts; numbered ("17. Alcohol- and drug-free policy", "4.2 Visitors") or not. A list's short
    items ("1. Alcohol" over "2. Weapons") are not headings: the line after a numbered one is no item."""
    previous = block[-1]
    if len(previous) > HEADING_LINE or previous.endswith((".", "!", "?", ";", ",", ":")) or "|" in previous:
        return False
    if "__" in previous or previous.count(":") > 1:  # a form's fields ("Resident signature: ____ Date: ____")
        return False
    if len(block) > 1 and not block[-2].endswith((".", "!", "?")):
        return False
    title = without_number(previous)
    if not title[:1].isupper() or not 0 < len(title.split()) <= HEADING_WORDS or is_running_line(previous):
        return False
    if title != previous and _ITEM.match(line):
        return False
    return line[:1].isupper() or line[:1] in '"\u201c' or _ITEM.match(line) is not None


HEADING_LINE = 80  # characters: a heading line in a PDF's running text is shorter
HEADING_WORDS = 8  # words, its number aside


def _runs_on(previous: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence ``previous`` left open (across a page break)."""
    return not previous.endswith((".", "!", "?", ":", ";")) and (
        line[:1].islower() or _SPLIT_WORD.search(previous) is not None
    )


_SPLIT_WORD = re.compile(r"[A-Za-z]-$")  # "declara-" at a line's end: the word goes on below


def _join_wrapped(previous: str, line: str) -> str:
    """Two lines of one sentence, a word split across them by a hyphen ("declara-" / "tions") made whole."""
    if line[:1].islower() and _SPLIT_WORD.search(previous):
        return f"{previous[:-1]}{line}"
    return f"{previous} {line}"


def _chat_title(line: str, chat: list[str]) -> bool:
    """Whether a line stands over a chat pasted below it ('"the rules" p.4 - testing (house chat)')."""
    return (
        len(line.split()) <= MAX_CHAT_TITLE
        and not line.rstrip().endswith((".", "!", "?", ";", ","))
        and not _SPEAKER.match(line)
        and sum(1 for message in chat if _SPEAKER.match(message)) >= 2
    )


_LEADER = re.compile(r"\s*(?:\.\s?){4,}\s*")
WRAP_WIDTH = 60  # characters: a PDF's or a text file's line this long without an end goes on below
SHORT_LINE = 60  # characters: a shorter Markdown line is a line of its own (an item), not a wrapped one


def _page_width(text: str) -> int:
    """How long a PDF's, scan's or text file's line is when it may go on below: WRAP_WIDTH, or on a page set
    wider (its sentences run on below at a margin past WRAP_WIDTH + WRAP_SLACK: the median of those lines) that
    margin less WRAP_SLACK. On a page 113 characters wide, a phone list's last item of 61 ("- Maintenance on call
    (building emergencies): (303) 555-0163") ends there and does not run into the heading below ("Overdose"), nor
    does a title into the organisation's name under it."""
    margins = _running_on([line.strip() for line in text.split("\n")], WRAP_WIDTH)
    if len(margins) < 2:
        return WRAP_WIDTH
    return max(WRAP_WIDTH, margins[len(margins) // 2] - WRAP_SLACK)


WRAP_SLACK = 25  # characters: how much shorter than its page's margin a line may end when the next word did not fit


def _running_on(lines: list[str], shortest: int) -> list[int]:
    """The lengths, shortest first, of the lines of ``shortest`` characters or more whose sentence goes on in the
    line below (it starts in lower case; no end, no table cell): where the text was cut at its margin."""
    return sorted(
        len(a)
        for a, b in pairwise(lines)
        if len(a) >= shortest and b[:1].islower() and not a.endswith((".", "!", "?", ":", ";")) and "|" not in a
    )


def _wrap_width(text: str) -> int | None:
    """How long a line of hand-wrapped text is (a scan's or a typed page's lines, cut at the margin
    whatever the sentence): lines that long go on below. None when the text is not wrapped so, as
    Markdown written a paragraph to a line is not."""
    if text.count("\n") < 2:
        return None
    lines = [line.strip() for line in text.split("\n")]
    if len(_running_on(lines, 40)) < 2:
        return None
    longest = max(len(line) for line in lines if "|" not in line)
    return max(40, int(longest * 0.8))


def _wraps(previous: str, line: str, *, width: int | None) -> bool:
    """Whether ``line`` continues ``previous`` (a sentence broken across lines)."""
    if previous.endswith((".", "!", "?", ":", ";")) or "|" in previous or "|" in line or _ITEM.match(line):
        return False
    last = previous.rsplit(" ", 1)[-1].lower()
    # a chat's messages ("hm: ...", "dee: ..."), each its own: one lends nothing to the next, often on other
    # matters; but not a sentence cut after a small word ("2. Leave by the" / "nearest exit: the front door")
    if _SPEAKER.match(line) and (_SPEAKER.match(previous) or line[:1].islower()) and last not in _JOINING:
        return False
    if is_capitals(previous) and last not in _JOINING:  # a notice's title stands alone ("FILES - STAFF ONLY")
        return False
    if is_slide_title(previous):  # "Slide 30 - We carry each other": the slide's title, its bullets below
        return False
    if width is None and line[:1].isupper() and len(previous) < SHORT_LINE and last not in _JOINING:
        return False  # a list's items, their markers gone ("Keys - director only" / "Computer records - ...")
    return line[:1].islower() or last in STOP_WORDS or (width is not None and len(previous) >= width)


def _sentences(line: str) -> list[str]:
    """A line cut into sentences, but not after an abbreviation ("House mgr. checks ...")."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        at, end = match.span(1)
        if line[at - 1] in _CLOSING_QUOTES and (at < 2 or line[at - 2] not in ".!?;"):
            continue  # a quotation goes on ('the "house rules" say')
        if line[at - 1] == ";" and line.count("(", start, at) > line.count(")", start, at):
            continue  # a semicolon inside brackets: "(borrowed for ideas; we have not written one yet)"
        before = line[start:at].rstrip()
        last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before else ""
        if before.endswith(".") and last.isdigit() and before.strip() == f"{last}.":
            continue  # a step's number opens its sentence: "12. Call the manager."
        if before.endswith(".") and (last in ABBREVIATIONS or len(last) == 1):
            # "No. Staff are off duty by 5.", "Tell her no. Harborline policy forbids ..." (not "Form No. S-3")
            bare_no = last == "no" and (before.strip().lower() == "no." or before.rsplit(None, 1)[-1].startswith("no"))
            if (last not in WORDS_TOO and not bare_no) or not line[end : end + 1].isupper():
                continue  # "House mgr. checks", but "... your meds. If a doctor ..." ends there
        pieces.append(line[start:at])
        start = end
    pieces.append(line[start:])
    return [p for p in pieces if p.strip()]


def _short_answer(out: Analysis, n: int) -> bool:
    """Whether sentence ``n`` is a short answer to the question just before it ("The first Sunday of
    every month."): with the question, it frames the sentences that follow."""
    sentence, question = out.sentences[n], out.sentences[n - 1]
    return (
        question.block == sentence.block  # asked and answered in one breath, not an FAQ's heading
        and len(sentence.text.split()) <= SHORT_ANSWER
        and is_question(question.text)
        and not is_question(sentence.text)
    )


def _split_clauses(pieces: list[str]) -> tuple[list[str], list[int | None]]:
    """A line's sentences with each long one cut into clauses (:func:`_clauses`), and for each clause
    the position of the lead clause it is read with (a list's items after "shall not: (a) ...")."""
    out: list[str] = []
    leads: list[int | None] = []
    for piece in pieces:
        start = len(out)
        for clause, with_lead in _clauses(piece):
            leads.append(start if with_lead else None)
            out.append(clause)
    return out, leads


def _clauses(sentence: str) -> list[tuple[str, bool]]:
    """A long sentence cut into its clauses, at semicolons and where a proviso starts ("; provided,
    however, that", ", except", "notwithstanding"): in a lease's clause the ideas a topic needs together
    ("the Resident may appeal to the affiliate") are in one clause, not one in each of two. A proviso is
    read with the clause before it (it lends one idea, as "it" does); an item of a list ("(b) sell to any
    Resident", or after a colon) with the clause that opens the list. With each clause: whether so."""
    if len(sentence.split()) < LONG_SENTENCE:
        return [(sentence, False)]
    cut: list[str] = []
    start = 0
    for match in _CLAUSE_CUT.finditer(sentence):
        piece = sentence[start : match.start()].strip()
        if len(piece.split()) >= MIN_CLAUSE and len(sentence[match.end() :].split()) >= MIN_CLAUSE:
            cut.append(piece if piece.endswith((";", ",")) else f"{piece}{match.group().strip()[:1]}")
            start = match.end()
    cut.append(sentence[start:].strip())
    listing = ":" in cut[0] or _ENUMERATED.search(cut[0]) is not None
    return [(c, n > 0 and listing and not is_proviso(c)) for n, c in enumerate(cut) if c]


def _asks_in_every_cell(text: str) -> bool:
    """Whether a table's row asks in each of its cells ("| Overdose steps? | where? | naloxone location? |"):
    a table of open questions states nothing."""
    if not text.startswith("|") or "?" not in text:
        return False
    cells = [cell.strip() for cell in text.strip().strip("|").split("|") if cell.strip()]
    return len(cells) > 1 and all(cell.endswith("?") for cell in cells)


def _is_short_label(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 6 and not line.rstrip().endswith((".", "!", "?", ";", ","))


_CAPTION = re.compile(
    r"^\W*(?:table|figure|exhibit|chart|appendix|attachment|schedule)\s+[\w.-]{1,6}[.:]\s+(.+)$", re.I
)


def _is_caption(line: str) -> bool:
    """A numbered caption standing alone ("Table 4. Prohibited items and searches, Bramble Court"): a
    label for what follows it, as a short line is."""
    found = _CAPTION.match(line)
    return (
        found is not None
        and len(found.group(1).split()) <= 10
        and not line.rstrip().endswith((".", "!", "?", ";", ","))
    )


class AnalysisStore(Protocol):
    """Where analyses are kept between runs (see checks.analysis_cache); misses cost only time.

    Beside each analysis it keeps notes of what was found in the document with a vocabulary (its
    stamp): each idea's sentences, each topic's finding, so that a later run need not look again.
    """

    def key(self, content: Extracted) -> str: ...

    def load(self, content: Extracted) -> Analysis | None: ...

    def save(self, content: Extracted, analysis: Analysis) -> None: ...

    def notes(self, key: str, stamp: str) -> Mapping[str, object]:
        """What was noted of the document ``key`` with the vocabulary ``stamp``."""
        ...

    def note(self, key: str, stamp: str, name: str, value: object) -> None:
        """Note something found (plain JSON values), to keep at :meth:`flush`."""
        ...

    def flush(self) -> None:
        """Keep what was noted."""
        ...


_STORES: list[AnalysisStore] = []
_MEMO: dict[Extracted, Analysis] = {}  # the documents of this process, most recent last
_MEMO_SIZE = 256


@contextmanager
def stored_in(store: AnalysisStore | None) -> Iterator[None]:
    """Within the block, :func:`analyse` reads and keeps analyses in ``store`` (None: no store)."""
    if store is None:
        yield
        return
    _STORES.append(store)
    try:
        yield
    finally:
        _STORES.remove(store)
        store.flush()


def noted(content: Extracted, vocabulary: Vocabulary, name: str) -> object | None:
    """What the store given by :func:`stored_in` keeps under ``name`` for this document and
    vocabulary; None without a store or a compiled vocabulary, or when nothing is kept."""
    store = _STORES[-1] if _STORES else None
    if store is None or vocabulary.stamp is None:
        return None
    return store.notes(store.key(content), vocabulary.stamp).get(name)


def note(content: Extracted, vocabulary: Vocabulary, name: str, value: object) -> None:
    """Keep ``value`` under ``name`` for this document and vocabulary, when there is a store."""
    store = _STORES[-1] if _STORES else None
    if store is not None and vocabulary.stamp is not None:
        store.note(store.key(content), vocabulary.stamp, name, value)


def analyse(content: Extracted) -> Analysis:
    """Sentences with their framing context, and every word's stem, for one extracted document.

    Remembered within the process, and kept in the store given by :func:`stored_in`, if any.
    """
    found = _MEMO.pop(content, None)
    if found is None:
        store = _STORES[-1] if _STORES else None
        found = store.load(content) if store is not None else None
        if found is None:
            found = _analyse(content)
            if store is not None:
                store.save(content, found)
        if len(_MEMO) >= _MEMO_SIZE:
            del _MEMO[next(iter(_MEMO))]
    _MEMO[content] = found
    return found


def _analyse(content: Extracted) -> Analysis:
    """Each sentence with what frames it: the segment's heading, a label line, a table's header, a
    lead-in (also across a blank line), a clause title or opening question, the sentence referred back to."""
    out = Analysis()
    block_id = 0
    spoken: set[int] = set()  # subjects named in a short sentence of their own ("The alarms.")
    talk = all(segment.where is None for segment in content.segments) and sounds_spoken(
        "\n".join(segment.text for segment in content.segments)
    )
    for segment in content.segments:
        segment_start = len(out.sentences)
        heading: int | None = None
        labels: tuple[int, ...] = ()  # a short line standing alone, read as a sub-heading for what follows
        carried: int | None = None  # a lead-in ending its block ("... the following:") introduces the next
        blocks, paged = _lines(undictated(segment.text), content.kind in WRAPPED_KINDS, segment.where)
        for b, block in enumerate(blocks):
            if b in paged:  # a line standing alone heads what follows it on its page, no further
                labels = ()
            block_id += 1
            header: int | None = None
            lead_in: int | None = carried
            titled: tuple[int, ...] = ()  # a clause title or question framing the block's later lines
            declined: set[int] = set()  # questions this block answers "No." to
            for n, line in enumerate(block):
                is_table = line.startswith("|") or line.count("|") >= 2
                if is_table and _TABLE_RULE.match(line):
                    continue
                if n == 0 and not is_table and is_slide_title(line):
                    labels = ()  # a new slide: the last one's title heads it no more
                is_heading = bool(
                    heading is None and n == 0 and segment.where and line.strip("#* ").lower() == segment.where.lower()
                )
                alone = len(block) == 1 and (  # a label, read whole; or the title a pasted chat is under
                    _is_short_label(line)
                    or _is_caption(line)  # "Table 7. Shared responsibility for safety, Ashgrove House"
                    or (b + 1 < len(blocks) and _chat_title(line, blocks[b + 1]))
                )
                pieces, opens = _pieces(line, is_table, is_heading or alone)
                asked = not is_table and asks_marked(line)  # an FAQ's "Q:" line
                asking_part = asker_part(line) if asked else ""
                leads: list[int | None] = [None] * len(pieces)  # a clause read with its sentence's lead clause
                if not is_table and any(len(piece.split()) >= LONG_SENTENCE for piece in pieces):
                    pieces, leads = _split_clauses(pieces)
                # a "Q:" line that asks (not a form's prompt, "Q: Attach a job description."): its own words
                asker = asked and any(is_question(p) for p in pieces if p in asking_part)
                own: int | None = None  # the title or question opening this line frames the rest of it
                subs: list[int] = []  # questions (one after another) or a subject named further on: they frame
                reached: dict[int, int] = {}  # sentences framed so far by each subject named on its own
                first = len(out.sentences)
                topic: int | None = None  # in talk, the sentence a paragraph opens with ("Staff get supervised too.")
                for k, piece in enumerate(pieces):
                    index = len(out.sentences)
                    # A subject named in passing frames the next sentences, not the whole talk.
                    frames = [f for f in (own, *subs) if f is not None and reached.get(f, 0) < SPOKEN_REACH]
                    if frames and k and adds_item(piece):  # "Safety belts, obviously. And concerns about your car, ..."
                        frames = []  # the next item of a list said aloud has a subject of its own
                        topic = None
                    if topic is not None and not subs and reached.get(topic, 0) < TALK_REACH and topic not in frames:
                        frames = [*frames, topic]  # what the paragraph is about, said first: it lends one idea
                    context = (*(i for i in (heading, header, lead_in) if i is not None), *labels, *frames, *titled)
                    if declined:
                        context = tuple(c for c in context if c not in declined)
                    if asker and not is_question(piece) and piece in asking_part:
                        # "Q: A resident will not name an emergency contact. Can I finish intake?", "Q: Who checks
                        # the smoke alarms? Mine's blinking.": the asker's own words state no rule, and borrow
                        # nothing from the question they stand beside
                        out.asked.add(index)
                        if k and own is not None:
                            context = tuple(c for c in context if c != own)
                    lead = leads[k]
                    if lead is not None and first + lead not in context:  # "(b) buy from or sell to any Resident"
                        context = (*context, first + lead)
                    if (
                        (k or (n and not is_table))
                        and index - 1 not in frames
                        and (refers_back(piece) or is_proviso(piece))
                    ):
                        # "... kept locked. It is ...", "...; provided that ...", and on the paragraph's next line
                        context = (*context, index - 1)
                    elif not k and n and _SPEAKER.match(line) and _SPEAKER.match(block[n - 1]) and refers_back(piece):
                        context = (*context, index - 1)  # a chat's "hm: it's from the owner" after the message it means
                    out.sentences.append(Sentence(segment.where, context, block_id, piece))
                    _index_words(out, piece, index, is_table)
                    nobody = [  # the question right before it only
                        c for c in context if c == index - 1 and answers_nobody(piece, out.sentences[c].text)
                    ]
                    if nobody:  # "Who checks the smoke alarms? Nobody.": what the question asks is not done
                        declined.update(nobody)
                        kept = tuple(c for c in context if c not in declined)
                        out.sentences[index] = Sentence(segment.where, kept, block_id, piece)
                    if answers_no(piece):  # "Do staff join? No. ...": what the question asks is not done
                        practice = [c for c in context if asks_practice(out.sentences[c].text)]
                        declined.update(practice)
                        if practice:  # the "No." itself says nothing is done
                            kept = tuple(c for c in context if c not in declined)
                            out.sentences[index] = Sentence(segment.where, kept, block_id, piece)
                        if k == 0 and len(pieces) > 1 and not practice and own is None:
                            own = index  # "Can I date a staff member? No. The code bars ...": the refusal is the rule
                    if len(piece.split()) > 2:  # "Yeah." does not count
                        for f in frames:
                            if f in spoken or f == topic:
                                reached[f] = reached.get(f, 0) + 1
                    if talk and k == 0 and n == 0 and not opens and len(pieces) > 1 and not answers_no(piece):
                        topic = index
                    if 0 < k < len(pieces) - 1 and index - 1 in frames and _short_answer(out, index):
                        subs = [*subs, index]  # "When do we check? The first Sunday of every month. The manager ..."
                    if k == 0 and opens and len(pieces) > 1:
                        own = index
                        if title_end(line) is None and is_fragment(piece, opening=True):
                            spoken.add(index)  # "Now, the smoke alarms." (a short title frames its whole line)
                    elif 0 < k < len(pieces) - 1 and (is_question(piece) or is_fragment(piece, opening=False)):
                        # "... So, drills. We run one ...": a question or subject mid-paragraph; questions in a
                        # row ("Good at cooking? Fixed the porch? It goes on the board.") frame together.
                        asks = is_question(piece)
                        subs = (
                            [*subs, index]
                            if asks and subs and subs[-1] == index - 1 and subs[-1] not in spoken
                            else [index - 1, index]
                            if asks and len(piece.split()) <= ELLIPTICAL and not is_question(pieces[k - 1])
                            else [index]
                        )  # "Your resident offers to sell you his tools. OK? -> No.": "OK?" asks about the offer
                        if not asks:
                            spoken.add(index)
                last = len(out.sentences) - 1
                if is_heading:
                    heading = last
                elif is_table and header is None:
                    header = last
                elif n == 0 and not is_table and is_slide_title(line):
                    titled = tuple(range(first, last + 1))  # a slide's title heads its bullets
                elif line.rstrip().endswith(":"):
                    lead_in = last
                elif alone or (opens and len(block) == 1 and len(pieces) == 1):
                    labels = (last,)  # a short line or a clause title standing alone: a sub-heading for what follows
                elif n == 0 and len(block) > 1 and _SPEAKER.match(block[1]) and not _SPEAKER.match(line):
                    titled = (last,)  # a chat's title ('"the rules" p.4 - testing (house chat)') frames its messages
                elif asked and len(pieces) <= MAX_ASKED and is_question(pieces[-1]):
                    # "Q: I live next door. Who do I call?": all of it is what the answer answers
                    asking = tuple(range(last - len(pieces) + 1, last + 1))
                    if len(block) == 1:
                        labels = asking
                    elif n == 0:
                        titled = asking
                elif opens and n == 0 and (len(pieces) == 1 or is_numbered(line) or is_capitals(line)):
                    # a block's numbered title or opening question; a heading in capitals, all of it
                    titled = (
                        tuple(range(last - len(pieces) + 1, last + 1))
                        if is_capitals(line)
                        else (own if own is not None else last,)
                    )
                    if is_capitals(line) and len(pieces) == 1:
                        labels = (last,)  # a notice's title in capitals also heads the blocks after it
                if len(pieces) == 2 and pieces[0].strip().lower() in _SUBJECT_LINES:
                    labels = (last,)  # a memo's subject ("RE: Our insurance") heads what follows
            carried = lead_in if lead_in is not None and block[-1].rstrip().endswith(":") else None
            if carried is None and len(out.sentences) > 1 and out.sentences[-1].block == block_id:
                ending = out.sentences[-1]
                if out.sentences[-2].block == block_id and is_question(ending.text) and not labels:
                    carried = len(out.sentences) - 1  # "... So can I have guests?" answered in the next paragraph
        _address(out, segment_start)
        _form_fields(out, segment_start)
        if segment.within:  # the sections this one sits in
            out.within.update(dict.fromkeys(range(segment_start, len(out.sentences)), segment.within))
    return out


def _address(out: Analysis, start: int) -> None:
    """A sentence saying whom its section is for ("This section is for the house coordinator and the
    board", "Who this covers - every staffer") frames what the section says to its reader: its "you"
    and its bare commands ("You don't lend money to members", "Do not loan money to a resident"), before
    it or after. Its section: the segment's sentences under the same heading, label or title."""
    sentences = out.sentences
    scopes = [n for n in range(start, len(sentences)) if names_addressee(sentences[n].text)]
    for n in scopes:
        frames = set(sentences[n].context)
        for m in range(start, len(sentences)):
            sentence = sentences[m]
            if (
                m != n
                and n not in sentence.context
                and (frames & set(sentence.context) if frames else not sentence.context)
                and addresses_reader(sentence.text)
            ):
                sentences[m] = sentence._replace(context=(*sentence.context, n))


FIELD_REACH = 2  # pieces: how many of the form's pieces above a field it is read with


def _is_field(text: str) -> bool:
    """A form's field or its label, as the text reads once blanks are folded: "Name:", "__ Relationship to
    you: __", "Phone (primary): __"."""
    return "__" in text or (text.rstrip().endswith(":") and len(text.split()) <= 6)


def _form_fields(out: Analysis, start: int) -> None:
    """A form's fields, a line each ("Name: ____" / "Relationship: ____" / "Phone: ____"), are read
    together: each is read with the fields just above it in its block, as a reviewer reads the form's
    section, so the phone line carries the contact the lines above name."""
    sentences = out.sentences
    run: list[int] = []
    for m in range(start, len(sentences)):
        sentence = sentences[m]
        field = _is_field(sentence.text)
        if not field or not run or sentences[run[-1]].block != sentence.block:  # a run is unbroken: a non-field ends it
            run = [m] if field else []
            continue
        above = [f for f in run[-FIELD_REACH:] if f not in sentence.context]
        if above:
            sentences[m] = sentence._replace(context=(*sentence.context, *above))
        run.append(m)


def _pieces(line: str, is_table: bool, is_heading: bool) -> tuple[list[str], bool]:
    """A line's sentences, and whether the first is a clause title or a question that frames the rest.

    "Section 8.4 First Aid Supplies. A first aid kit ..." is cut after its title even when the title
    holds a semicolon ("Contraband; Inspections."); "Who holds the keys? The house manager." opens
    with its question.
    """
    if is_table:
        return [line], False
    if is_heading:
        return _sentences(line), False
    line = strip_answer_mark(line)
    end = title_end(line)
    if end is not None:
        rest = line[end:].strip()
        return ([line[:end].strip(), *_sentences(rest)] if rest else [line]), True
    pieces = [strip_answer_mark(piece) for piece in _sentences(line)]  # "Q: Can I ...? A: Yes, ..."
    opens = bool(pieces) and (is_question(pieces[0]) or is_fragment(pieces[0], opening=True))
    return pieces, opens or is_capitals(line)  # a heading typed in capitals frames what follows it


def _index_words(out: Analysis, text: str, sentence: int, table_row: bool = False) -> None:
    normal = normalise(text)
    found = WORD.findall(normal)
    if not found:
        return
    out.words.extend(found)
    out.stems.extend(map(stem, found))
    out.owner.extend([sentence] * len(found))
    if has_quantity(normal, table_row, found):
        out.digits.add(sentence)


def _positions(values: list[str]) -> dict[str, list[int]]:
    """Each value's positions, ascending (a list made only for a value's first position: setdefault
    would make one for every word of the document)."""
    found: dict[str, list[int]] = {}
    for position, value in enumerate(values):
        kept = found.get(value)
        if kept is None:
            found[value] = [position]
        else:
            kept.append(position)
    return found


@dataclass(frozen=True)
class _IdeaIndex:
    """An idea's phrasings sorted by how they are looked up: one word by its stem, one word by its
    prefix, and phrasings of several words (which must be in one sentence, in order) by their first
    word's stem, or, when that is a prefix, on their own."""

    stems: frozenset[str]
    prefixed: tuple[Word, ...]
    # Longer phrasings by their first word's stem, each with the stems of its other words (those
    # not looked up by prefix): a document lacking one of them cannot hold the phrasing.
    longer_by_stem: dict[str, tuple[tuple[Phrasing, frozenset[str]], ...]]
    longer_stems: frozenset[str]
    longer_prefixed: tuple[tuple[Phrasing, frozenset[str]], ...]  # with the stems of their other words


_INDEXES: dict[int, tuple[object, _IdeaIndex]] = {}  # by the idea's identity (ideas are built once)
_INDEXES_SIZE = 8192


def single_stems(phrasings: Sequence[Phrasing]) -> frozenset[str]:
    """An idea's phrasings of one word (looked up by stem)."""
    return _index_of(phrasings).stems


def longer_phrasings(phrasings: Sequence[Phrasing]) -> Mapping[str, tuple[tuple[Phrasing, frozenset[str]], ...]]:
    """An idea's phrasings of several words by their first word's stem, each with its other words'
    stems (see _IdeaIndex): what the second reader looks up to leave unread the phrasings a sentence
    holds whole (checks.reader.Asked)."""
    return _index_of(phrasings).longer_by_stem


def _index_of(phrasings: Sequence[Phrasing]) -> _IdeaIndex:
    entry = _INDEXES.get(id(phrasings))
    if entry is None or entry[0] is not phrasings:
        stems: set[str] = set()
        prefixed: dict[Word, None] = {}
        by_stem: dict[str, list[tuple[Phrasing, frozenset[str]]]] = {}
        longer_prefixed: list[tuple[Phrasing, frozenset[str]]] = []
        for phrasing in phrasings:
            if not phrasing:
                continue
            first_stem, first_prefix = phrasing[0]
            if len(phrasing) == 1:
                if first_prefix is None:
                    stems.add(first_stem)
                else:
                    prefixed[phrasing[0]] = None
            else:
                rest = frozenset([word[0] for word in phrasing[1:] if word[1] is None])
                if first_prefix is None:
                    by_stem.setdefault(first_stem, []).append((phrasing, rest))
                else:
                    longer_prefixed.append((phrasing, rest))
        index = _IdeaIndex(
            frozenset(stems),
            tuple(prefixed),
            {stem: tuple(group) for stem, group in by_stem.items()},
            frozenset(by_stem),
            tuple(longer_prefixed),
        )
        if len(_INDEXES) >= _INDEXES_SIZE:
            del _INDEXES[next(iter(_INDEXES))]
        entry = _INDEXES[id(phrasings)] = (phrasings, index)
    return entry[1]


@dataclass(frozen=True)
class TopicSpec:
    """A topic ready to look for: its ideas, what substance it needs, its name for reports."""

    name: str
    ideas: tuple[Sequence[Phrasing], ...]
    labels: tuple[str, ...]  # how each idea is named when it is missing
    substance: str | None = None
    binds: str | None = None  # "residents": a sentence or section for someone else does not meet it
    ongoing: bool = False  # a practice kept up (a life-safety rule's): what happened once does not meet it


@dataclass(frozen=True)
class Finding:
    """Where a topic was met (sentence), or the place that came closest and what it lacked."""

    found: bool
    where: str | None
    sentence: int | None
    lacking: tuple[str, ...] = ()
    deferred: bool = False
    # Of ``lacking``, the ideas the closest sentence names only where it does not state them (it denies
    # them, asks about them or means another thing: see Analysis.denials): "We do not keep extinguishers",
    # "the owner asked whether a consent form is needed". A reviewer told "does not say" would look for the
    # words and find them.
    denied: tuple[str, ...] = ()


def find_in(
    spec: TopicSpec, content: Extracted, vocabulary: Vocabulary, excluding: frozenset[int] = frozenset()
) -> Finding:
    """:func:`find` in a document's text; with a store (:func:`stored_in`) and a vocabulary kept
    compiled, the finding is kept with the document's analysis, and a later run reads it back
    without reading the document again. Remembered within the process by identity: the properties
    of an organization share one extracted text of each shared document, and ask it the same topics.
    ``excluding``: sentences not to look at (those the second reader doubted), kept under their own
    name, so that a second run does not look for the topic again past a doubted sentence."""
    seen = (id(spec), id(content), id(vocabulary), excluding)
    kept = _FOUND.get(seen)
    if kept is not None and kept[0] is spec and kept[1] is content and kept[2] is vocabulary:
        return kept[3]
    store = _STORES[-1] if _STORES else None
    stamp = vocabulary.stamp
    name = spec_name(spec, vocabulary) if store is not None and stamp is not None else None
    if name is not None and excluding:
        name += ":except:" + ",".join(str(n) for n in sorted(excluding))
    read = None
    if store is not None and stamp is not None and name is not None:
        read = _read_finding(store.notes(store.key(content), stamp).get(name))
    if read is not None:
        found = read
    else:
        found = find(spec, analyse(content), vocabulary, among=_Except(excluding) if excluding else None)
    if read is None and store is not None and stamp is not None and name is not None:
        kept_as = [found.found, found.where, found.sentence, list(found.lacking), found.deferred, list(found.denied)]
        store.note(store.key(content), stamp, name, kept_as)
    if id(content) not in _FOUND_CONTENTS:
        if len(_FOUND_CONTENTS) >= _MEMO_SIZE:  # as many documents as the analyses kept: a batch reads hundreds
            _FOUND.clear()
            _FOUND_CONTENTS.clear()
        _FOUND_CONTENTS.add(id(content))
    _FOUND[seen] = (spec, content, vocabulary, found)
    return found


_FOUND: dict[tuple[int, int, int, frozenset[int]], tuple[TopicSpec, Extracted, Vocabulary, Finding]] = {}


class _Except:
    """Every sentence but these, as :func:`find`'s ``among``."""

    def __init__(self, left_out: frozenset[int]) -> None:
        self.left_out = left_out

    def __contains__(self, n: object) -> bool:
        return n not in self.left_out


_FOUND_CONTENTS: set[int] = set()


def spec_name(spec: TopicSpec, vocabulary: Vocabulary) -> str | None:
    """A topic as its vocabulary names it (its ideas as written); None when an idea has no name."""
    kept = _SPEC_NAMES.get(id(spec))
    if kept is not None and kept[0] is spec and kept[1] is vocabulary:
        return kept[2]
    ideas = [vocabulary.name_of(idea) for idea in spec.ideas]
    # A digest, not the spec itself: a document's notes hold a finding for every topic asked of it,
    # and a batch reads them back for every applicant.
    written = json.dumps([spec.name, ideas, list(spec.labels), spec.substance, spec.binds, spec.ongoing])
    name = None if None in ideas else "topic:" + hashlib.sha256(written.encode()).hexdigest()[:20]
    _SPEC_NAMES[id(spec)] = (spec, vocabulary, name)
    return name


_SPEC_NAMES: dict[int, tuple[TopicSpec, Vocabulary, str | None]] = {}


def _read_finding(kept: object) -> Finding | None:
    """A finding kept as [found, where, sentence, lacking, deferred, denied]; None when it is not one (a note
    kept before its denied ideas were, read again)."""
    if not isinstance(kept, list) or len(kept) != 6:
        return None
    found, where, sentence, lacking, deferred, denied = kept
    if (
        type(found) is not bool
        or type(deferred) is not bool
        or not (where is None or isinstance(where, str))
        or not (sentence is None or type(sentence) is int)
        or not isinstance(lacking, list)
        or not all(isinstance(item, str) for item in lacking)
        or not isinstance(denied, list)
        or not all(isinstance(item, str) for item in denied)
    ):
        return None
    return Finding(found, where, sentence, tuple(lacking), deferred, tuple(denied))


def index_ideas(specs: Iterable[TopicSpec], vocabulary: Vocabulary) -> None:
    """Sort the phrasings of the topics' ideas, and of the concepts every topic looks for (a promise,
    a deferral, a kind of substance), for looking them up: what :func:`find` does on first meeting
    each, done ahead (see base.idle)."""
    for name in (PROMISE, DEFERRAL, *SUBSTANCE_CONCEPT.values()):
        _index_of(vocabulary.concept(name))
    for spec in specs:
        for idea in spec.ideas:
            _index_of(idea)


_GENERIC_PAPERS = frozenset(map(stem, GENERIC_PAPERS))  # see base.language.GENERIC_PAPERS
_USED = frozenset({"used", "back", "those"})  # "used to", "back then", "in those days"
ABSENCE_REACH = 12  # sentences either side, in the section, where an absence takes a rule back


def _said_absent(analysis: Analysis, n: int, spec: TopicSpec) -> bool:
    """Whether a sentence of ``n``'s section, near it, says the house has no paper for what ``n`` states:
    none at all ("There is no policy", "nothing on paper"), or one named by ``n``'s words for the topic,
    by its heading or by the topic's name ("There's no med policy behind it" under "Medication"; "the
    house keeps no extinguisher log" after monthly extinguisher checks); or, in ``n`` or after it, that
    the house has none of what it told ("At the house? Nothing like that."). A life-safety rule stated
    and then said not to be written down, or not to be the house's, is no rule of the house."""
    within, sentences = analysis.within, analysis.sentences
    section = (within.get(n), sentences[n].where)  # its heading, and the headings it sits in
    # what a question framing ``n`` asked ("Do we even have a resident agreement for him to sign?") is taken
    # back by "couldn't find anything like that" after it, and with it what it lends to ``n``
    start = min([n, *(c for c in sentences[n].context if is_question(sentences[c].text))])
    if any(
        start <= m <= n + ABSENCE_REACH and (within.get(m), sentences[m].where) == section
        for m in analysis.none_of_it()
    ):
        return True
    absences = analysis.absences()
    if not absences:
        return False
    near = [m for m in absences if abs(m - n) <= ABSENCE_REACH and (within.get(m), sentences[m].where) == section]
    if not near:
        return False
    if any(absences[m] is None for m in near):
        return True
    stems = analysis.stems
    mine = {stems[p] for idea in spec.ideas for start, end in analysis.spans(idea, n) for p in range(start, end)}
    mine.update(_name_stems(spec.name))  # "There's no meds rule in our manual": the medication topic
    for c in analysis.sentences[n].context:  # what its heading names: "Medication", then "no med policy"
        lo, hi = analysis.bounds(c)
        mine.update(stems[lo:hi])
    for m in near:
        named = absences[m]
        assert named is not None
        if any(_same_word(a, b) for a in named for b in mine):
            return True
    return False


def disclaimer_beside(analysis: Analysis, n: int) -> str | None:
    """What another sentence of ``n``'s section says is not so, in words for a report ("the house has
    none of it", "it has no paper for it", "it is only supposed", "it is not in effect"); None when no
    sentence does. Read for a life-safety topic the second reader is unsure of (checks.document): the
    two together take it back. The sentence is not quoted: a document may name people."""
    within, sentences = analysis.within, analysis.sentences
    section = (within.get(n), sentences[n].where)
    for says, cues in (
        ("the house has none of it", analysis.none_of_it()),
        ("the house has no paper for it", analysis.absences().keys()),
        ("it is only supposed", analysis.supposed()),
        ("it is not in effect", analysis.disowned()),
    ):
        if any(m != n and (within.get(m), sentences[m].where) == section for m in cues):
            return says
    return None


@lru_cache(maxsize=512)
def _name_stems(name: str) -> frozenset[str]:
    """The stems of a topic's name, its small words left out ("prescription and over-the-counter
    medication": prescript, over, counter, medic)."""
    return frozenset(stem(w) for w in WORD.findall(normalise(name)) if w not in STOP_WORDS)


def _same_word(a: str, b: str) -> bool:
    """Stems of one word, or one a short form of the other ("med", "medic")."""
    return a == b or (len(a) >= 3 and b.startswith(a)) or (len(b) >= 3 and a.startswith(b))


def find(spec: TopicSpec, analysis: Analysis, vocabulary: Vocabulary, among: Container[int] | None = None) -> Finding:
    """The first sentence, in reading order, that carries every idea of the topic with its frame.

    A sentence carries an idea when the idea is in it or in a sentence that frames it; only the
    sentences that carry some idea are looked at, in reading order. ``among``: only these sentences
    (the sections of another file that are about the rule's subject, see checks.elsewhere).
    """
    per_idea = [_sentences_for(idea, analysis, vocabulary) for idea in spec.ideas]
    need_substance = vocabulary.concept(SUBSTANCE_CONCEPT[spec.substance]) if spec.substance else ()
    substance = _sentences_for(need_substance, analysis, vocabulary)
    if spec.substance == "contact":
        substance = substance | analysis.contacts()
    elif spec.substance != "role":
        substance = substance | analysis.digits
    # A promise to write the rule later states no rule; for a topic asking for the rule itself,
    # neither does wording that leaves it to someone's discretion.
    promised = deferral = _sentences_for(vocabulary.concept(PROMISE), analysis, vocabulary) | analysis.later()
    # What someone outside the house does, what is left to the resident, and a section that says it is not
    # in effect, state no rule.
    disowned = analysis.disowned()  # and an idea lent only by a sentence not in effect is not lent
    others = analysis.others() | disowned
    if spec.binds == "residents":  # a rule binding residents: what binds someone else is not it
        others = others | analysis.for_others()
        disowned = disowned | analysis.for_others()
    if spec.ongoing:  # "On March 3 the fire marshal tested the alarms" is no practice of testing them
        others = others | analysis.events()
    if spec.substance:  # "as needed" defers nothing in "every 30 days ..., and rewrite the goals as needed"
        deferral = deferral | (_sentences_for(vocabulary.concept(DEFERRAL), analysis, vocabulary) - analysis.digits)
    stating_none = others | promised if promised else others  # a heading over promises only states none
    best: tuple[int, int] | None = None  # (ideas met, sentence)
    deferred_at: int | None = None
    if per_idea:
        met_at: dict[int, int] = {}
        for idea in spec.ideas:
            for n in carried(idea, analysis, vocabulary):
                met_at[n] = met_at.get(n, 0) + 1
        candidates = [(n, met_at[n]) for n in sorted(met_at) if among is None or n in among]
    else:  # no idea to carry: every sentence carries them all
        candidates = [(n, 0) for n in range(len(analysis.sentences)) if among is None or n in among]
    for n, met in candidates:
        sentence = analysis.sentences[n]
        if met == len(per_idea):
            # A question states no rule: one asked yes or no, and one opening with a question word, answered
            # (its answer states the rule) or not ("Whose job is safety here?"), or a form's field with
            # blanks under it ("In an emergency, who do we notify?").
            if (
                is_question(sentence.text)
                and (asks_yes_no(sentence.text) or asks_wh(sentence.text))
                and not _confirmed(analysis, n)
            ):
                if best is None or met > best[0]:
                    best = (met, n)
                continue
            if n in deferral or (
                promised and (_answer_promised(analysis, n, promised) or _referent(analysis, n) in promised)
            ):  # "Management plans to draft a sheet ... It could give 911, ...": what the plan would say
                deferred_at = n if deferred_at is None else deferred_at
                continue
            if n in others:
                if best is None or met > best[0]:
                    best = (met, n)
                continue
            quiet = [  # a heading over sentences that state no rule, and a question answered "No one.", lend
                c  # their words to nothing (one asked yes or no is read by _only_asked: "Can I date staff? No.
                # The code bars it." is a rule)
                for c in (n, *sentence.context)
                if _silent(analysis, c, stating_none)
                or (
                    c != n
                    and c in others
                    and is_question(analysis.sentences[c].text)
                    and asks_wh(analysis.sentences[c].text)
                )
            ]
            if (
                n in quiet
                or _lent_by(analysis, n, per_idea, disowned.union(quiet) if quiet else disowned)
                or _borrowed(analysis, n, per_idea) > 1
                or _only_asked(analysis, n, per_idea)
                or (spec.substance and not (substance & _statement(analysis, n)))
            ):
                if best is None or met > best[0]:
                    best = (met, n)
                continue
            if spec.ongoing and (
                _denies_what_it_borrows(analysis, n, spec.ideas, per_idea)
                or _said_absent(analysis, n, spec)
                or n in analysis.supposed()
            ):  # a life-safety topic
                if best is None or met > best[0]:
                    best = (met, n)
                continue
            return Finding(True, sentence.where, n)
        if met and (best is None or met > best[0]):
            best = (met, n)
    if deferred_at is not None:
        where = analysis.sentences[deferred_at].where
        unstated = SUBSTANCE_WORDS[spec.substance] if spec.substance else UNSTATED
        return Finding(False, where, deferred_at, (unstated,), deferred=True)
    if best is None:
        return Finding(False, None, None, spec.labels)
    met_count, n = best
    scope = {n, *analysis.sentences[n].context} - {_referent(analysis, n)}  # what it may not borrow, it lacks
    lacking = tuple(label for label, hits in zip(spec.labels, per_idea, strict=True) if not hits & scope)
    if met_count == len(per_idea) and spec.substance and not lacking:
        return Finding(False, analysis.sentences[n].where, n, (SUBSTANCE_WORDS[spec.substance],))
    denied = tuple(  # what it lacks, named only to be denied there
        label
        for label, idea in zip(spec.labels, spec.ideas, strict=True)
        if label in lacking and n in _denied_in(analysis, idea)
    )
    return Finding(False, analysis.sentences[n].where, n, lacking or (UNSTATED,), denied=denied)


def _denied_span(words: Sequence[str], s: int, e: int, a: int, b: int) -> bool:
    """Whether a phrasing's words (``s`` to ``e``) are denied by the region ``a`` to ``b``: it starts in
    it; or it is read across the denial's own "no" ("no ... smoking" in "there is no rule about
    smoking": the paper denied, not "no six-month cutoff", which is the idea); or it starts before the
    denial and ends inside it, across the "does not" before it ("resident ... sign" in "The resident
    does not initial or sign any checklist"; not "may not use": a prohibition is the rule)."""
    if a <= s < b:
        return True
    if s == a - 1 and words[s] == "no" and words[a] in _DENIED_PAPERS:
        return True
    return (
        s < a <= e - 1 < b
        and a - 1 > s
        and (words[a - 1] in _DO_NOT or (words[a - 1] == "not" and words[a - 2] in ("do", "does", "did")))
    )


_DO_NOT = frozenset(["don't", "doesn't", "didn't"])  # "does not sign", not "may not use": a doing denied
_DENIED_PAPERS = frozenset(
    ["rule", "rules", "policy", "policies", "procedure", "procedures", "section", "clause", "provision"]
)


def _denies_what_it_borrows(
    analysis: Analysis, n: int, ideas: Sequence[Sequence[Phrasing]], per_idea: Sequence[frozenset[int]]
) -> bool:
    """Whether the sentence takes an idea from its heading or lead-in while naming it itself only to
    deny it ("## Smoking and vaping" over "There is no rule about smoking or vaping by residents"): what
    it denies in its own words, no heading lends it. Asked of life-safety topics only: elsewhere a topic
    may itself be a denial ("There is no set length of stay" under "How long you can live here")."""
    if not analysis.denials():  # nothing denied anywhere: nothing to check
        return False
    framed = analysis.framed()
    for idea, hits in zip(ideas, per_idea, strict=True):
        denied = _denied_in(analysis, idea)
        if not denied:
            continue
        if n not in hits and n in denied:
            return True
        # a heading whose section names the idea only to deny it does not state it: "## Emergency contact"
        # over "Nobody fills out an emergency contact part"
        under = framed[n]
        if n in hits and under and any(m in denied for m in under) and not any(m in hits for m in under):
            return True
    return False


def _denied_in(analysis: Analysis, idea: Sequence[Phrasing]) -> frozenset[int]:
    """The sentences that hold the idea only where they deny it (see Analysis.undenied)."""
    entry = analysis.denied_memo.get(id(idea))
    if entry is None or entry[0] is not idea:
        raw = frozenset(analysis.idea_sentences(idea))
        entry = analysis.denied_memo[id(idea)] = (idea, raw - analysis.undenied(idea, raw))
    return entry[1]


def _opens_quote(text: str) -> bool:
    """Whether a sentence leaves a quotation open (or closes one left open): an odd count of quote marks."""
    return (text.count('"') + text.count("\u201c") + text.count("\u201d")) % 2 == 1


def _silent(analysis: Analysis, c: int, others: frozenset[int]) -> bool:
    """Whether sentence ``c`` is a heading or a lead-in under which every sentence states no rule (an
    inspector's notes, each "Suggest: ..."; a store's rules, each the store's): it lends its words to
    nothing, and states nothing itself. A form's blank line ("Received: ____") says nothing either way."""
    under = analysis.framed()[c]
    if not under:
        return False
    sentences = analysis.sentences
    text = sentences[c].text.rstrip()
    if text.endswith((".", "!")) and "|" not in text:  # a statement it frames refers back to it: "It lists the fees."
        return False
    framed = analysis.framed()
    body = [  # a table's header row frames its rows and states nothing of its own
        m
        for m in under
        if "__" not in sentences[m].text
        and len(sentences[m].text.split()) >= 3
        and not (framed[m] and sentences[m].text.lstrip().startswith("|"))
    ]
    return bool(body) and all(m in others for m in body)


def _only_asked(analysis: Analysis, n: int, per_idea: Sequence[frozenset[int]]) -> bool:
    """Whether the sentence takes every idea of the topic from the yes-or-no question it answers ("Do
    staff join the outings? Ask at the office."): the question asks it, the answer does not state it.
    ("Who do we call in an emergency? Your sponsor or a parent." answers what it was asked.)"""
    sentence = analysis.sentences[n]
    asked = [c for c in sentence.context if asks_yes_no(analysis.sentences[c].text)]
    if not asked or not per_idea:
        return False
    own = {n, *(c for c in sentence.context if c not in asked)}
    return not any(hits & own for hits in per_idea)


def _answer_promised(analysis: Analysis, n: int, promised: frozenset[int]) -> bool:
    """Whether sentence ``n`` answers a question whose answer first promises the rule for later ("Does
    anyone inspect the house? We are drafting a checklist. Until then, tell the manager ...")."""
    sentence = analysis.sentences[n]
    return any(
        c < n - 1
        and is_question(analysis.sentences[c].text)
        and any(m in promised and analysis.sentences[m].block == sentence.block for m in range(c + 1, n))
        for c in sentence.context
    )


def _lent_by(analysis: Analysis, n: int, per_idea: Sequence[frozenset[int]], disowned: frozenset[int]) -> bool:
    """Whether the sentence takes one of the topic's ideas only from sentences that state no rule (its
    question or heading, disowned: "Why did the peer coach bring up emergency contacts? ... The red
    folder by the phone is just takeout menus.")."""
    if not disowned:
        return False
    scope = {n, *analysis.sentences[n].context}
    return any((hits & scope) and (hits & scope) <= disowned for hits in per_idea)


def _confirmed(analysis: Analysis, n: int) -> bool:
    """Whether a yes-or-no question is answered yes right after it ("Should smoking be banned inside the
    house? Yes: that is the rule, since 2021."): then it states what it asks. Not by a yes that says
    someone else does it, that it is not in effect, or that it comes later ("Yes, the landlord's
    company does; we don't.", "Yes, once the board approves it.")."""
    sentences = analysis.sentences
    return (
        n + 1 < len(sentences)
        and asks_yes_no(sentences[n].text)
        and n in sentences[n + 1].context
        and answers_yes(sentences[n + 1].text)
        and n + 1 not in analysis.others()
        and n + 1 not in analysis.disowned()
        and n + 1 not in analysis.later()
        and not says_otherwise(sentences[n + 1].text)
    )


def _borrowed(analysis: Analysis, n: int, per_idea: Sequence[frozenset[int]]) -> int:
    """How many of the topic's ideas the sentence takes only from the sentence it refers back to
    ("It is counted weekly" borrows what "it" is, and no more)."""
    back = _referent(analysis, n)
    if back is None:
        return 0
    own = {n, *(c for c in analysis.sentences[n].context if c != back)}
    return sum(1 for hits in per_idea if not hits & own)


def _referent(analysis: Analysis, n: int) -> int | None:
    """The sentence that sentence ``n`` refers back to ("It", "Such ..."), if it does; in talk, the
    sentence its paragraph opened with ("Staff get supervised too. Kevin meets with Dana every other
    week."), which lends what the paragraph is about and no more."""
    sentence = analysis.sentences[n]
    back = n - 1
    topic = _topic_of(analysis, n)
    if topic is not None:
        return topic
    if n == 0 or back not in sentence.context:
        return None
    before = analysis.sentences[back]
    if not (refers_back(sentence.text) or (is_proviso(sentence.text) and before.text.endswith((",", ";")))):
        return None
    if before.block != sentence.block or before.text.rstrip().endswith(":") or is_title(before.text):
        return None
    return back


def _topic_of(analysis: Analysis, n: int) -> int | None:
    """In talk, the sentence a paragraph opens with, when it frames sentence ``n`` (see _analyse)."""
    sentence = analysis.sentences[n]
    if sentence.where is not None:  # talk has no headings
        return None
    sentences = analysis.sentences
    for c in sentence.context:
        if c >= n or sentences[c].block != sentence.block or (c and sentences[c - 1].block == sentence.block):
            continue  # not the sentence its paragraph opens with
        opening = sentences[c]
        if (
            analysis.talk()  # in writing, a frame is another kind
            and not opening.text.rstrip().endswith((":", "?"))
            and "|" not in opening.text
            and not is_question(opening.text)
            and not is_fragment(opening.text, opening=True)
            and title_end(opening.text) is None
            and not is_capitals(opening.text)
            and not answers_no(opening.text)
            and not refers_back(sentence.text)
        ):
            return c
    return None


def _statement(analysis: Analysis, n: int) -> set[int]:
    """The sentence and what belongs to its statement, where its substance (amount, time, role) may
    be: a table row's header, a list's lead-in, the sentence it refers back to; never a heading, a
    clause title or a question ("Section 8.4", "## 30-day notice"), nor the heading itself."""
    sentence = analysis.sentences[n]
    if is_title(sentence.text) or any(analysis.sentences[f].block != sentence.block for f in analysis.framed()[n]):
        return set()  # a heading, a title or a label: its numbers are not a rule's
    scope = {n}
    for c in sentence.context:
        frame = analysis.sentences[c]
        if (frame.block == sentence.block and not is_title(frame.text)) or frame.text.rstrip().endswith(":"):
            scope.add(c)
    return scope


def _remembered(phrasings: Sequence[Phrasing], analysis: Analysis, vocabulary: Vocabulary) -> _Remembered:
    """An idea's entry in the document's memo (by identity: a topic's ideas are built once); read
    back from the store when it kept the idea's sentences for this vocabulary."""
    entry = analysis.memo.get(id(phrasings))
    if entry is None or entry[0] is not phrasings:
        if isinstance(phrasings, tuple) and not phrasings:  # no idea (a topic that asks no substance)
            return (phrasings, frozenset(), frozenset())
        stamp, name, key = vocabulary.stamp, vocabulary.name_of(phrasings), analysis.key
        store = _STORES[-1] if _STORES and key is not None and stamp is not None and name is not None else None
        hits = None
        if store is not None and key is not None and stamp is not None and name is not None:
            hits = _read_hits(store.notes(key, stamp).get(name), len(analysis.sentences))
        if hits is None:
            hits = frozenset(analysis.idea_sentences(phrasings))
            if isinstance(phrasings, Idea):  # a topic's idea, not a marker of substance or deferral
                undenied = analysis.undenied(phrasings, hits)
                analysis.denied_memo[id(phrasings)] = (phrasings, hits - undenied)  # kept for _denied_in
                hits = analysis.weekly(phrasings, undenied)
            if store is not None and key is not None and stamp is not None and name is not None:
                store.note(key, stamp, name, sorted(hits))
        entry = analysis.memo[id(phrasings)] = (phrasings, hits, None)
    return entry


def _read_hits(kept: object, sentences: int) -> frozenset[int] | None:
    """Sentences kept for an idea; None when there are none kept, or they cannot be this document's."""
    if not isinstance(kept, list) or not all(type(n) is int and 0 <= n < sentences for n in kept):
        return None
    return frozenset(kept)


def _sentences_for(phrasings: Sequence[Phrasing], analysis: Analysis, vocabulary: Vocabulary) -> frozenset[int]:
    """The sentences where any of the phrasings occurs; remembered per document, as many topics
    share an idea (a concept of the vocabulary)."""
    return _remembered(phrasings, analysis, vocabulary)[1]


def carried(phrasings: Sequence[Phrasing], analysis: Analysis, vocabulary: Vocabulary) -> frozenset[int]:
    """The sentences that carry the idea: those holding it, and those it frames (heading, lead-in)."""
    kept, hits, kept_carried = _remembered(phrasings, analysis, vocabulary)
    if kept_carried is None:
        framed = analysis.framed()
        found = set(hits)
        for n in hits:
            found.update(framed[n])
        kept_carried = frozenset(found)
        analysis.memo[id(phrasings)] = (kept, hits, kept_carried)
    return kept_carried


EMPTY = Vocabulary({})

__all__ = [
    "EMPTY",
    "Analysis",
    "AnalysisStore",
    "Finding",
    "Idea",
    "TopicSpec",
    "Vocabulary",
    "analyse",
    "carried",
    "compile_phrasing",
    "find",
    "find_in",
    "index_ideas",
    "note",
    "noted",
    "spec_name",
    "stem",
    "stored_in",
]
