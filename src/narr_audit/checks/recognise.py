"""Recognise a topic in a document the way a reviewer reads it: ideas stated together, in one place.

A topic names one or more *ideas* (concepts): "locked storage of paper records" is records + locked.
Each idea is a set of phrasings kept once in the shared vocabulary (standards/vocabulary/), so a
phrasing added for one rule helps every rule. A topic is met by one sentence that carries all its
ideas, read with what frames it: the heading above it, a table's header row, the line that
introduces a list ("Residents may not:"). Words scattered over a document never meet a topic, and
a topic of two ideas is never met by one word.

Topics that ask for a stated rule also need its substance (an amount, a time, a role), and wording
that defers the rule ("at the director's discretion", "case by case") does not count for them.

Deterministic and offline: no model, no data downloaded. Every finding cites the heading or page of
the sentence that met it; a topic not met names the place that came closest.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from narr_audit.base.language import ABBREVIATIONS, STOP_WORDS, Token, normalise, stem, tokens
from narr_audit.evidence.content import Extracted

# The markers of substance and deferral live in the vocabulary under these names.
AMOUNT, TIME, ROLE, DEFERRAL = "_amount", "_time", "_role", "_deferral"
SUBSTANCE_CONCEPT = {"amount": AMOUNT, "time": TIME, "role": ROLE}
SUBSTANCE_WORDS = {"amount": "an amount, share or formula", "time": "a time or time limit", "role": "who does it"}
WRAPPED_KINDS = ("pdf", "text", "image")  # kinds whose lines may break a sentence
MAX_GAP = 2  # words allowed between two words of a phrasing ("drug and alcohol screening")

_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[^a-z0-9(])")
_ITEM = re.compile(r"^(\[[ xX]?\]|[-*\u2022\u25aa]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


@dataclass(frozen=True)
class Word:
    """One word of a phrasing: its stem, or a prefix when the phrasing says ``word*``."""

    stem: str
    prefix: str | None = None

    def matches(self, token: Token) -> bool:
        if self.prefix is not None:
            return token.word.startswith(self.prefix)
        return token.stem == self.stem


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


@dataclass(frozen=True)
class Vocabulary:
    """Concept name -> its phrasings, compiled once per rulebook."""

    concepts: Mapping[str, tuple[Phrasing, ...]]

    @classmethod
    def build(cls, raw: Mapping[str, Sequence[str]]) -> Vocabulary:
        return cls(
            {name: tuple(p for p in (compile_phrasing(t) for t in phrasings) if p) for name, phrasings in raw.items()}
        )

    def idea(self, written: str, *, legacy: bool = False) -> tuple[Phrasing, ...]:
        """``"records|lock*|safe"``: each alternative a concept's name or a phrasing of its own."""
        found: list[Phrasing] = []
        for alternative in written.split("|"):
            name = alternative.strip()
            if name in self.concepts:
                found.extend(self.concepts[name])
            elif name:
                compiled = compile_phrasing(name, legacy=legacy)
                if compiled:
                    found.append(compiled)
        return tuple(found)


@dataclass(frozen=True)
class Sentence:
    where: str | None
    context: tuple[int, ...]  # sentences that frame this one: heading, table header, list lead-in
    block: int
    text: str


@dataclass
class Analysis:
    """A document's text as sentences of stemmed words, indexed for quick look-up."""

    sentences: list[Sentence] = field(default_factory=list)
    words: list[Token] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)  # sentence index of each word
    by_stem: dict[str, list[int]] = field(default_factory=dict)
    sorted_words: list[tuple[str, int]] = field(default_factory=list)
    digits: set[int] = field(default_factory=set)  # sentences holding a number
    memo: dict[tuple[Phrasing, ...], frozenset[int]] = field(default_factory=dict)  # idea -> its sentences

    def positions(self, word: Word) -> list[int]:
        if word.prefix is None:
            return self.by_stem.get(word.stem, [])
        start = bisect_left(self.sorted_words, (word.prefix, -1))
        found = []
        for text, position in self.sorted_words[start:]:
            if not text.startswith(word.prefix):
                break
            found.append(position)
        return found

    def sentences_with(self, phrasing: Phrasing) -> set[int]:
        """Sentences where the phrasing's words occur in order, at most MAX_GAP words apart."""
        if not phrasing:
            return set()
        hits: set[int] = set()
        first = self.positions(phrasing[0])
        if len(phrasing) == 1:
            return {self.owner[p] for p in first}
        for start in first:
            at = start
            for word in phrasing[1:]:
                at = next(
                    (
                        p
                        for p in range(at + 1, min(at + 2 + MAX_GAP, len(self.words)))
                        if self.owner[p] == self.owner[start] and word.matches(self.words[p])
                    ),
                    -1,
                )
                if at < 0:
                    break
            if at >= 0:
                hits.add(self.owner[start])
        return hits


def _lines(segment_text: str, wrapped: bool, heading: str | None) -> list[list[str]]:
    """Blocks (split at blank lines) of lines; a line that only continues the one before is joined to it.

    Sentences break across lines in PDFs and text files (``wrapped``: any line without an end may
    continue) and in hand-wrapped Markdown (a line continues when it starts in lower case or the one
    before ends on a word like "to" or "the"). A heading, a list item or a table row stands alone.
    """
    blocks: list[list[str]] = [[]]
    heading_key = heading.strip().lower() if heading else None
    for raw in segment_text.split("\n"):
        line = raw.strip()
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        block = blocks[-1]
        previous = block[-1] if block else None
        if (
            previous is not None
            and previous.strip("#* ").lower() != heading_key
            and _wraps(previous, line, long_lines=wrapped)
        ):
            block[-1] = f"{previous} {line}"
        else:
            block.append(line)
    return [b for b in blocks if b]


def _wraps(previous: str, line: str, *, long_lines: bool) -> bool:
    """Whether ``line`` continues ``previous`` (a sentence broken across lines)."""
    if previous.endswith((".", "!", "?", ":", ";")) or "|" in previous or "|" in line or _ITEM.match(line):
        return False
    last = previous.rsplit(" ", 1)[-1].lower()
    return line[:1].islower() or last in STOP_WORDS or (long_lines and len(previous) >= 60)


def _sentences(line: str) -> list[str]:
    """A line cut into sentences, but not after an abbreviation ("House mgr. checks ...")."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        before = line[start : match.start()].rstrip()
        last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before else ""
        if before.endswith(".") and (last in ABBREVIATIONS or len(last) == 1):
            continue
        pieces.append(line[start : match.start()])
        start = match.end()
    pieces.append(line[start:])
    return [p for p in pieces if p.strip()]


def _is_short_label(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 6 and not line.rstrip().endswith((".", "!", "?", ";", ","))


@lru_cache(maxsize=256)
def analyse(content: Extracted) -> Analysis:
    """Sentences with their framing context, and every word's stem, for one extracted document."""
    out = Analysis()
    block_id = 0
    for segment in content.segments:
        heading: int | None = None
        label: int | None = None  # a short line standing alone, read as a sub-heading for what follows
        for block in _lines(segment.text, content.kind in WRAPPED_KINDS, segment.where):
            block_id += 1
            header: int | None = None
            lead_in: int | None = None
            for n, line in enumerate(block):
                is_table = line.startswith("|") or line.count("|") >= 2
                if is_table and _TABLE_RULE.match(line):
                    continue
                pieces = [line] if is_table else _sentences(line)
                for piece in pieces:
                    context = tuple(i for i in (heading, label, header, lead_in) if i is not None)
                    index = len(out.sentences)
                    out.sentences.append(Sentence(segment.where, context, block_id, piece))
                    _index_words(out, piece, index)
                if heading is None and n == 0 and segment.where and line.strip("#* ").lower() == segment.where.lower():
                    heading = len(out.sentences) - 1
                elif is_table and header is None:
                    header = len(out.sentences) - 1
                elif line.rstrip().endswith(":"):
                    lead_in = len(out.sentences) - 1
                elif len(block) == 1 and _is_short_label(line):
                    label = len(out.sentences) - 1
    out.sorted_words = sorted((w.word, n) for n, w in enumerate(out.words))
    return out


def _index_words(out: Analysis, text: str, sentence: int) -> None:
    for token in tokens(normalise(text)):
        if _DIGIT.search(token.word):
            out.digits.add(sentence)
        position = len(out.words)
        out.words.append(token)
        out.owner.append(sentence)
        out.by_stem.setdefault(token.stem, []).append(position)


@dataclass(frozen=True)
class TopicSpec:
    """A topic ready to look for: its ideas, what substance it needs, its name for reports."""

    name: str
    ideas: tuple[tuple[Phrasing, ...], ...]
    labels: tuple[str, ...]  # how each idea is named when it is missing
    substance: str | None = None


@dataclass(frozen=True)
class Finding:
    """Where a topic was met (sentence), or the place that came closest and what it lacked."""

    found: bool
    where: str | None
    sentence: int | None
    lacking: tuple[str, ...] = ()
    deferred: bool = False


def find(spec: TopicSpec, analysis: Analysis, vocabulary: Vocabulary) -> Finding:
    """The first sentence, in reading order, that carries every idea of the topic with its frame."""
    per_idea = [_sentences_for(idea, analysis) for idea in spec.ideas]
    need_substance = vocabulary.concepts.get(SUBSTANCE_CONCEPT[spec.substance], ()) if spec.substance else ()
    substance = _sentences_for(need_substance, analysis) | (analysis.digits if spec.substance != "role" else set())
    deferral = _sentences_for(vocabulary.concepts.get(DEFERRAL, ()), analysis) if spec.substance else frozenset()
    best: tuple[int, int] | None = None  # (ideas met, sentence)
    deferred_at: int | None = None
    for n, sentence in enumerate(analysis.sentences):
        scope = {n, *sentence.context}
        met = sum(1 for hits in per_idea if hits & scope)
        if met == len(per_idea):
            if spec.substance:
                if n in deferral:
                    deferred_at = n if deferred_at is None else deferred_at
                    continue
                if not (substance & scope):
                    if best is None or met > best[0]:
                        best = (met, n)
                    continue
            return Finding(True, sentence.where, n)
        if met and (best is None or met > best[0]):
            best = (met, n)
    if deferred_at is not None:
        where = analysis.sentences[deferred_at].where
        return Finding(False, where, deferred_at, (SUBSTANCE_WORDS[spec.substance or "amount"],), deferred=True)
    if best is None:
        return Finding(False, None, None, spec.labels)
    met_count, n = best
    scope = {n, *analysis.sentences[n].context}
    lacking = tuple(label for label, hits in zip(spec.labels, per_idea, strict=True) if not hits & scope)
    if met_count == len(per_idea) and spec.substance:
        lacking = (SUBSTANCE_WORDS[spec.substance],)
    return Finding(False, analysis.sentences[n].where, n, lacking)


def _sentences_for(phrasings: Sequence[Phrasing], analysis: Analysis) -> frozenset[int]:
    """The sentences where any of the phrasings occurs; remembered per document, as many topics
    share an idea (a concept of the vocabulary)."""
    key = tuple(phrasings)
    found = analysis.memo.get(key)
    if found is None:
        hits: set[int] = set()
        for phrasing in phrasings:
            hits |= analysis.sentences_with(phrasing)
        found = analysis.memo[key] = frozenset(hits)
    return found


EMPTY = Vocabulary({})

__all__ = ["EMPTY", "Analysis", "Finding", "TopicSpec", "Vocabulary", "analyse", "compile_phrasing", "find", "stem"]
