"""The second reader: a statistical reading of the passage that the recogniser read, to doubt or rescue it.

The recogniser (checks.recognise) is hand-built: it meets a topic when one sentence carries the
topic's ideas. Tuned on the blind corpus, it learns phrasings one topic at a time, and on voices it
was never tuned on it passes too many near-misses and misses plain paraphrase. The second reader is a
logistic regression over the words of a passage, trained on the corpus's tuned part (see
scripts/train-second-reader.py and standards/reader/README.md). It is data, shipped with the
standards, and deterministic and offline like everything else: no model is downloaded.

It reads a *unit*: a sentence carrying the topic's ideas, with what frames it (heading, lead-in) and
the sentences near it in its paragraph that carry one of them. Its features pair each of the topic's
ideas with the stems of the unit's words and add the stems of the sentence alone (where negation,
deferral and someone else's act show), leaving out the topic's own words and words of style (see
:class:`Asked` and UNREAD). On a life-safety rule it also reads the unit's section, and a smaller
classifier of its own scores the section's other sentences for one that takes the topic back
(:func:`disclaimers`).

How the document check uses it (checks.document), by :class:`Thresholds`:

- *doubt*: a topic the recogniser found is not met when the reader scores its unit very low; the
  report names the place and the words that weighed against it, and how to point at the section if
  the operator believes it says it;
- *confirm*: scored low but not very low, the topic is met for the reviewer to confirm;
- *rescue*: a topic the recogniser did not find is met, for the reviewer to confirm, when the reader
  scores some unit very high, never on a life-safety rule.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from narr_audit.base.language import KEPT, STOP_WORDS, WORD, normalise, stem
from narr_audit.checks.recognise import (
    Analysis,
    Phrasing,
    TopicSpec,
    Vocabulary,
    analyse,
    carried,
    disclaimer_beside,
    longer_phrasings,
    note,
    noted,
    single_stems,
    spec_name,
)
from narr_audit.evidence.content import PAGE, Extracted

FORMAT = 4  # the model file's format; a file of another format is refused with a clear message
# A short sentence that the recogniser found and whose words, read, weigh for the topic is not doubted when
# its score falls below the doubt on the model's prior alone (its bias): it is met, for the reviewer to
# confirm. "Residents refrain from using or possessing alcohol or any mind-altering chemical." leaves the
# reader five words once the topic's own are out; they weigh for it, and the prior (how often the corpus's
# found sentences were near-misses) put it under the life-safety doubt. Short is counted in the unit's
# words read (its distinct stems), not its word pairs: "Residents may not use or possess alcohol or
# illegal drugs, on or off the property." reads six words but fifteen pairs, and a model retrained with
# the fifty-first round doubted it (0.355 against 0.37) while counting both (stop 33: at most 17 words
# and pairs). Cross-validated with that round (two deals; found / reported missing / life-safety
# near-misses): 8 words 95.1-95.2% / 93.3-93.4% / 184-201, 17 words and pairs 95.1-95.2% / 93.4% /
# 182-200, 12 words 95.2% / 93.3-93.4% / 191-202.
PLAIN_WORDS = 8
SCORING = 12  # how a unit is read and scored; kept readings of another way are read again


@dataclass(frozen=True)
class Unit:
    """A section's sentences that carry some idea of the topic; ``best`` carries most (first on ties)."""

    sentences: tuple[int, ...]
    best: int
    where: str | None
    carries: int = 0  # how many of the topic's ideas the best sentence carries


@dataclass(frozen=True)
class Reading:
    """The second reader's score of a unit, and the words that weighed most for and against it."""

    score: float
    sentence: int
    where: str | None
    against: tuple[str, ...]
    for_it: tuple[str, ...]
    beside: str | None = None  # what its section says is not so (recognise.disclaimer_beside), beside a doubt
    plain: bool = False  # a short sentence whose words weigh for it: below the doubt on the prior alone (PLAIN_WORDS)
    taken_back: bool = False  # another sentence of its section reads as taking the topic back (see disclaimers)


@dataclass(frozen=True)
class Thresholds:
    """Where the second reader's score changes what the report says (chosen by cross-validation, see
    scripts/train-second-reader.py). A topic the recogniser found is:

    - *doubted* (not met) below ``doubt`` (``doubt_life_safety`` on a life-safety rule), where the
      reader is right about nine times in ten;
    - met *for the reviewer to confirm* below ``confirm`` (``confirm_life_safety``), where it is
      right less often but a reviewer's look is cheap: on life-safety rules this tier reaches every
      near-miss the corpus showed it;
    - met otherwise.

    A topic it did not find is met for the reviewer to confirm above ``rescue`` (never on a
    life-safety rule).
    """

    doubt: float
    doubt_life_safety: float
    confirm: float
    confirm_life_safety: float
    rescue: float

    def limits(self, life_safety: bool) -> tuple[float, float]:
        """(doubt, confirm) for a rule."""
        if life_safety:
            return self.doubt_life_safety, self.confirm_life_safety
        return self.doubt, self.confirm

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Thresholds:
        """As :meth:`as_data` writes them (standards/reader/thresholds.json); a missing or wrong value
        raises KeyError, TypeError or ValueError."""
        names = ("doubt", "doubt_life_safety", "confirm", "confirm_life_safety", "rescue")
        values = [data[name] for name in names]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1.01 for v in values):
            raise ValueError("a threshold is not a score between 0 and 1")
        return cls(*(float(v) for v in values))

    def as_data(self) -> dict[str, float]:
        return {
            "doubt": self.doubt,
            "doubt_life_safety": self.doubt_life_safety,
            "confirm": self.confirm,
            "confirm_life_safety": self.confirm_life_safety,
            "rescue": self.rescue,
        }


@dataclass(frozen=True)
class Asked:
    """A topic as the second reader is asked it: its name in the model, its ideas' labels, and its
    own words (those of the rule's title, the document asked for, the topic and its ideas).

    Its own words are left out of what the reader reads. The blind corpus's writers were asked to
    cover a topic in other words and to build near-misses from its words, so a model reading them
    would learn that the Standard's own wording means "absent"; an operator who writes "designated
    smoking area" must not be doubted for it. What is left is how the words around them read:
    negation, deferral, someone else's act, another subject.

    In the sentence that met it, the words of the document check's other topics are left out too:
    policies state several of them at once ("all prescription and over-the-counter medications are
    kept locked"; "smoke and carbon monoxide detectors are tested monthly"), and a reader that held
    the others' words against a topic doubted such plain statements. So are the words of any phrasing
    of its or its siblings' ideas, two content words or more, that the sentence holds whole: in "Residents
    refrain from using or possessing alcohol or any mind-altering chemical", read for "alcohol", the
    drugs' "mind-altering" is not held against it. Nor are its own ideas' phrasings of one word that the
    sentence holds ("beer" read for a prohibition of alcohol): a model trained on twins that name the
    same substances in another house's rule held them against plain prohibitions (it doubted that very
    sentence for "use is forbidden", 0.29 against a doubt of 0.30; 0.32 now, cross-validation
    unchanged). (Every phrasing's words left out, met or not, read worse in cross-validation: the words a
    sentence uses for the topic tell the reader something.)
    """

    key: str
    labels: tuple[str, ...]
    texts: tuple[str, ...]  # where its own words come from
    siblings: tuple[str, ...] = ()  # the names of the document check's other topics
    # its and its siblings' ideas: the phrasings of them that a sentence holds whole are left unread (_met_whole)
    ideas: tuple[Sequence[Phrasing], ...] = field(default=(), compare=False, repr=False)
    # its own ideas among them: their phrasings stay read in the unit around the sentence (see _read_sets)
    mine: tuple[Sequence[Phrasing], ...] = field(default=(), compare=False, repr=False)
    life_safety: bool = False  # its rule is a life-safety rule: the words of its section are read too (surround)

    @property
    def own(self) -> frozenset[str]:
        """Stemmed when first read: a run whose readings are all in the cache never needs them."""
        return _own(self.texts)

    @property
    def in_sentence(self) -> frozenset[str]:
        """The words left out of the sentence that met it: its own and its siblings'."""
        return _own(self.texts + self.siblings)


@lru_cache(maxsize=4096)
def _own(texts: tuple[str, ...]) -> frozenset[str]:
    """A topic's own words, once per process (a batch asks the same topics of every applicant)."""
    return frozenset(stem(w) for text in texts for w in WORD.findall(normalise(text)))


def asked(
    rule_id: str,
    rule_title: str,
    document: str,
    topic: str,
    labels: Sequence[str],
    siblings: Sequence[str] = (),
    ideas: Sequence[Sequence[Phrasing]] = (),
    mine: Sequence[Sequence[Phrasing]] = (),
    life_safety: bool = False,
) -> Asked:
    """The topic as the reader is asked it; ``siblings`` names its document check's other topics,
    ``ideas`` holds its and their ideas and ``mine`` its own (see :class:`Asked`); ``life_safety``
    says its rule is one."""
    key = topic_key(rule_id, document, topic)
    return Asked(
        key,
        tuple(labels),
        (rule_title, document, topic, *labels),
        tuple(t for t in siblings if t != topic),
        tuple(ideas),
        tuple(mine),
        life_safety,
    )


# Words of a phrasing that carry its frame rather than its subject: they stay read ("not allowed").
_FRAME_WORDS = frozenset(stem(w) for w in (*STOP_WORDS, *KEPT)) | frozenset(
    stem(w)
    for w in (  # noqa: SIM905 - a word list reads better as text
        "never nobody none cannot can't don't won't doesn't isn't aren't didn't wasn't no not only unless until "
        "except without every each any all"
    ).split()
)


def _met_whole(topic: Asked, analysis: Analysis, n: int) -> tuple[frozenset[str], frozenset[str]]:
    """The content words of the topic's and its siblings' phrasings of two content words or more that
    sentence ``n`` holds whole, with its own ideas' phrasings of one content word in a frame ("refrain
    from", read as its one-word phrasings are), and of its siblings' alone (the recogniser's index of
    each idea's longer phrasings, which it built to find them, is looked up by the sentence's stems)."""
    stems = frozenset(sentence_stems(analysis, n))
    every: set[str] = set()
    theirs: set[str] = set()
    mine = {id(idea) for idea in topic.mine}
    for idea in topic.ideas:
        by_first = longer_phrasings(idea)
        for first in stems.intersection(by_first):
            for _, rest in by_first[first]:
                if rest <= stems:
                    words = (rest | {first}) - _FRAME_WORDS
                    if len(words) >= 2:
                        every |= words
                        if id(idea) not in mine:
                            theirs |= words
                    elif words and id(idea) in mine:  # its own idea's one word in a frame: "refrain from"
                        every |= words
    return frozenset(every), frozenset(theirs)


def topic_key(rule_id: str, document: str, topic: str) -> str:
    """How the model names a topic: its rule, the document it is asked of, its name."""
    return f"{rule_id}|{document}|{topic}"


def units(spec: TopicSpec, analysis: Analysis, vocabulary: Vocabulary) -> list[Unit]:
    """The topic's units in the document, in reading order: per paragraph (block), the sentence that
    carries most of the topic's ideas, read with what frames it and the paragraph's other sentences
    carrying an idea nearby (at most WINDOW sentences away), as a reviewer reads a passage."""
    counts = _counts(spec, analysis, vocabulary)
    by_block: dict[int, list[int]] = {}
    for n in sorted(counts):
        by_block.setdefault(analysis.sentences[n].block, []).append(n)
    return [_unit(analysis, counts, max(ns, key=lambda n: (counts[n], -n))) for ns in by_block.values()]


def unit_of(spec: TopicSpec, analysis: Analysis, vocabulary: Vocabulary, sentence: int) -> Unit:
    """The unit around ``sentence`` (the one that met the topic)."""
    return _unit(analysis, _counts(spec, analysis, vocabulary), sentence)


WINDOW = 3


def _counts(spec: TopicSpec, analysis: Analysis, vocabulary: Vocabulary) -> dict[int, int]:
    """How many of the topic's ideas each sentence carries (only those carrying one)."""
    counts: dict[int, int] = {}
    for idea in spec.ideas:
        for n in carried(idea, analysis, vocabulary):
            counts[n] = counts.get(n, 0) + 1
    return counts


def _unit(analysis: Analysis, counts: Mapping[int, int], best: int) -> Unit:
    sentence = analysis.sentences[best]
    near = {
        n
        for n in range(max(0, best - WINDOW), min(len(analysis.sentences), best + WINDOW + 1))
        if n in counts and analysis.sentences[n].block == sentence.block
    }
    return Unit(tuple(sorted({best, *near, *sentence.context})), best, sentence.where, counts.get(best, 0))


def sentence_stems(analysis: Analysis, n: int) -> list[str]:
    lo, hi = analysis.bounds(n)
    return analysis.stems[lo:hi]


# Words of style, not of substance: articles, prepositions, forms of "be", pronouns. Who writes "I"
# or "the Resident" says what kind of document it is, not whether it states the rule; a model that
# read them would learn how the corpus's writers write. Modal verbs, negation, quantifiers and
# time words ("will", "may", "not", "every", "before") are read: they carry the rule.
UNREAD = frozenset(
    stem(w)
    for w in (  # noqa: SIM905 - a word list reads better as text
        "a an the and or of to in on at for by with from as is are be been being was were it its this that "
        "these those there i me my we our us you your he she his her they them their so than then"
    ).split()
)


def _read_sets(analysis: Analysis, unit: Unit, topic: Asked) -> tuple[frozenset[str], frozenset[str]]:
    """What the reader reads of a unit: its stems without the topic's own words, and its best
    sentence's without its siblings' words either, nor the phrasings it holds whole, nor its own ideas'
    one-word phrasings it holds; its siblings' phrasings it holds whole are not read in the unit either
    (see :class:`Asked`: "mind-altering chemical", said of the drugs, was held against the alcohol from
    the unit's words when the sentence's own no longer did). Words of style are left out (see UNREAD)."""
    read = _read_stems(analysis)
    every, theirs = _met_whole(topic, analysis, unit.best)
    best = read(unit.best)
    single = frozenset().union(*[single_stems(idea) for idea in topic.mine]) & best if topic.mine else frozenset()
    return frozenset().union(*[read(n) for n in unit.sentences]) - topic.own - theirs, (
        best - topic.in_sentence - every - single
    )


def _stems(analysis: Analysis, unit: Unit, topic: Asked) -> tuple[list[str], list[str]]:
    """:func:`_read_sets`, each sorted: features are summed in a fixed order, so training is repeatable."""
    local, best = _read_sets(analysis, unit, topic)
    return sorted(local), sorted(best)


def _read_stems(analysis: Analysis) -> Callable[[int], frozenset[str]]:
    """A sentence's stems as the reader reads them (words of style left out), each sentence's once
    per document: the topics of a binder read the same sentences again and again."""
    kept = _SENTENCES.get(id(analysis))
    if kept is None or kept[0] is not analysis:
        if len(_SENTENCES) >= 64:
            _SENTENCES.clear()
        kept = _SENTENCES[id(analysis)] = (analysis, {})
    sets = kept[1]

    def read(n: int) -> frozenset[str]:
        found = sets.get(n)
        if found is None:
            names = _names(analysis.sentences[n].text)
            if names:
                lo, hi = analysis.bounds(n)
                words, stems = analysis.words, analysis.stems
                found = frozenset(stems[p] for p in range(lo, hi) if words[p] not in names) - UNREAD
            else:
                found = frozenset(sentence_stems(analysis, n)) - UNREAD
            sets[n] = found
        return found

    return read


_SENTENCES: dict[int, tuple[Analysis, dict[int, frozenset[str]]]] = {}

# A name in mid-sentence, capitalised after a small letter or a comma: "at Greenway House", "Harbor
# House's rules". The corpus's writers invent their houses' and towns' names, and a near-miss twin names
# another house ("what they do at Greenway House"): read, a name learns which passages were which, and
# weighs the same name in a binder (an example's "Harbor") for or against any rule. Not read, like the
# words of style (see UNREAD); a sentence's first word, and one after a full stop, colon or quote, is read.
_NAME = re.compile(r"(?<=[a-z0-9,;]\s)[A-Z][a-z][a-z'’-]*")


def _names(text: str) -> frozenset[str]:
    """The lower-cased names written in mid-sentence (see _NAME)."""
    return frozenset(m.group().lower() for m in _NAME.finditer(text)) if not text.isupper() else frozenset()


def features(topic: Asked, analysis: Analysis, unit: Unit) -> dict[str, float]:
    """The unit's features: each idea's pairing with the unit's stems (weighted down by the unit's
    length), shared by every topic of that idea; the best sentence's stems and word pairs, shared by
    every topic. The topic's own words are left out (see :class:`Asked`). (Pairing the topic itself
    with the stems was tried: it learns each topic's passages and no more. A prior per topic was
    tried too: it learns how often the corpus's passages state each topic, which a binder does not
    share, and cross-validation by voice does as well without it.)"""
    labels = topic.labels
    local, best = _stems(analysis, unit, topic)
    out = {"bias": 1.0}
    w = 1 / math.sqrt(len(local) + 1)
    for s in local:
        for label in labels:
            out["CL:" + label + ":" + s] = w
    wb = 1 / math.sqrt(len(best) + 1)
    for s in best:
        out["B:" + s] = wb
    pairs = word_pairs(analysis, unit.best, topic.in_sentence)
    wp = 1 / math.sqrt(len(pairs) + 1)
    for pair in pairs:
        out["P:" + pair] = wp
    if topic.life_safety:
        around = surround(analysis, unit, topic, frozenset(local))
        wa = 1 / math.sqrt(len(around) + 1)
        for s in around:
            out["S:" + s] = wa
    return out


SURROUND = 8  # sentences either side of the unit's best one whose words the reader reads as its section's


def surround(analysis: Analysis, unit: Unit, topic: Asked, local: frozenset[str]) -> list[str]:
    """On a life-safety topic, the words of the unit's section (its heading's sentences, else its
    paragraph's; on a PDF's or scan's page, its block: the lines under the same heading line), SURROUND
    sentences either side at most, that the unit does not read: a section's "not
    ours", "we don't test", "voted down" or "nobody here gets tested" is often said in a sentence that
    carries none of the topic's ideas, out of the unit's reach. Cross-validated over the tuned part
    (five deals, the 47 rounds in): 153-165 life-safety near-misses passed out of fold against 169-190
    without, found and reported missing no lower (95.1-95.2%, 93.7-94.0%). Read for every topic (not
    only life-safety ones), it cost about 20 present topics found for 12 fewer passes; its cue words
    alone did no better. The reason quotes only the scored sentence's words, not these. Sorted:
    features are summed in a fixed order."""
    sentences = analysis.sentences
    best = sentences[unit.best]
    inside = set(unit.sentences)
    read = _read_stems(analysis)
    sectioned = best.where is not None and not best.where.startswith(PAGE)  # a page's sections are its blocks
    found: set[str] = set()
    for n in range(max(0, unit.best - SURROUND), min(len(sentences), unit.best + SURROUND + 1)):
        other = sentences[n]
        if n in inside or (other.where != best.where if sectioned else other.block != best.block):
            continue
        found |= read(n)
    return sorted(found - local - topic.own)


OWN = "@"  # a topic's own word, in a word pair: "not @" reads the same for every topic


def word_pairs(analysis: Analysis, n: int, own: frozenset[str]) -> frozenset[str]:
    """The best sentence's neighbouring stems, two by two, each once: its own words as OWN, and the
    sentence's start and end marked, small words kept. A pair says what one word cannot: "not
    @", "will develop", "@ later", "staff @", "no @" at the start of a line."""
    lo, hi = analysis.bounds(n)
    words = ["<", *analysis.stems[lo:hi], ">"]
    if not own.isdisjoint(words):
        words = [OWN if s in own else s for s in words]
    return frozenset(map(" ".join, pairwise(words))) - _BOTH_OWN


_BOTH_OWN = frozenset({OWN + " " + OWN})


# A life-safety topic's section read for a sentence that takes it back. The corpus's minimal pairs say what such a
# sentence looks like: a near-miss twin's sentences that its full twin lacks ("That's the clinic's patient rules,
# we haven't adopted anything", "This listing is our Alder Street house, which we're still staffing"), against
# every sentence of a full passage. A classifier of sentences trained on them (scripts/train-second-reader.py)
# scores each other sentence of the section than the one that met the topic; the highest, in one of three bands,
# is a feature of the reader's own (D:), whose weight the reader learns beside its other words. Cross-validated
# (stop 40, five deals): 154-173 life-safety near-misses passed out of fold against 184-205 without it, 94.6-94.9%
# found against 94.8-95.0%, 94.0-94.2% reported missing against 93.7-93.9% (standards/reader/README.md).
# Since stop 41 the sentence that met the topic is scored too, its band a feature apart (D:self-): a near-miss
# often takes the rule back in that very sentence ("Per the hospital's policy (not the house): no smoking
# inside", "Should the intake form ask for someone to call? The manager is still weighing it").
DISCLAIMER_REACH = 16  # sentences either side of the one that met the topic, in its section
DISCLAIMER_WORDS = 6  # a shorter sentence ("Draft:", "Recommendation:") is a label, read by the recogniser
# A band from 0.5 was tried: ordinary steps of a plan ("Start rescue breathing or CPR if trained") score there, and
# the Level IV example's posted overdose steps were doubted, every one of them. The band from 0.6 came in stop 41.
DISCLAIMER_BANDS = ((0.9, "D:hi"), (0.75, "D:mid"), (0.6, "D:low"))
SELF = "D:self-"  # the bands of the sentence that met the topic: "D:self-hi", ...
_LETTERS = re.compile(r"[A-Za-z']+")


def disclaimer_words(topic: Asked) -> frozenset[str]:
    """The words a disclaimer is read without: the rule's title, the document's name and its check's topics'."""
    return _own(topic.texts[:3] + topic.siblings)


# Words of style the classifier of disclaimers reads (see disclaimer_features): whose rule, and when.
WHOSE = frozenset(
    stem(w)
    for w in (  # noqa: SIM905 - a word list reads better as text
        "was were it its this that these those there i me my we our us you your he she his her they them their"
    ).split()
)


def disclaimer_features(analysis: Analysis, n: int, own: frozenset[str]) -> dict[str, float]:
    """A sentence's features as the classifier of disclaimers reads it: its stems and word pairs, ``own`` left out.

    Its pronouns, "this" and "there", "was" and "were" too (WHOSE), which the reader leaves out as words of style: a
    disclaimer often says the rule is another's or past in them alone ("Their results go into their own log",
    "The rule there was ..."), and the classifier learns from a near-miss twin against its full twin in the same
    voice, so a writer's style weighs on both sides. Articles and prepositions stay out ("the", "on" weighed a
    plain step toward a disclaimer). Cross-validated with 8 passes (stop 43; see standards/reader/README.md)."""
    stems = _read_stems(analysis)(n) | (frozenset(sentence_stems(analysis, n)) & WHOSE)
    found = {"w:" + s for s in stems - own} | {"p:" + pair for pair in word_pairs(analysis, n, own)}
    w = 1 / math.sqrt(len(found) + 1)
    out = dict.fromkeys(sorted(found), w)
    out["bias"] = 1.0
    return out


def disclaimers(analysis: Analysis, unit: Unit) -> list[int]:
    """The sentences of the unit's section that may take its topic back: within DISCLAIMER_REACH of the one that met
    it, under the same heading (on a PDF's or scan's page, in the same block; in a text without headings, anywhere),
    not that one, of DISCLAIMER_WORDS words or more. Until stop 41 a sentence about another of the check's topics
    only was left out (a section that states one topic and says another is still to be written); but a sentence
    that disowns a whole paper names what the paper covers ("A volunteer drafted an emergency sheet last spring; it
    was never put up anywhere"), and read, cross-validated, 748 -> 697 life-safety near-misses passed out of fold,
    found and reported missing the same (standards/reader/README.md)."""
    sentences = analysis.sentences
    best = unit.best
    where, block = sentences[best].where, sentences[best].block
    paged = where is not None and where.startswith(PAGE)  # a page's sections are its blocks (see surround)
    return [
        m
        for m in range(max(0, best - DISCLAIMER_REACH), min(len(sentences), best + DISCLAIMER_REACH + 1))
        if m != best
        and (sentences[m].block == block if paged else sentences[m].where == where)
        and len(_LETTERS.findall(sentences[m].text)) >= DISCLAIMER_WORDS
    ]


def disclaimed(weights: Mapping[str, float], analysis: Analysis, unit: Unit, topic: Asked) -> float:
    """The highest disclaimer score among the section's sentences (:func:`disclaimers`); 0 when there are none."""
    own = disclaimer_words(topic)
    return max(
        (probability(weights, disclaimer_features(analysis, m, own)) for m in disclaimers(analysis, unit)),
        default=0.0,
    )


def disclaimer_band(score: float) -> str | None:
    """The reader's feature for the highest disclaimer score in a section (None: under every band)."""
    return next((name for floor, name in DISCLAIMER_BANDS if score >= floor), None)


def self_band(score: float) -> str | None:
    """The reader's feature for the disclaimer score of the sentence that met the topic (None: under every band)."""
    band = disclaimer_band(score)
    return None if band is None else SELF + band.partition(":")[2]


class SecondReader:
    """The trained weights and their thresholds; scores a unit and says which words weighed most.

    The weights are read when first needed (``load`` returns the model as :meth:`to_data` writes it),
    so a run whose readings are all kept in the cache never reads the model.
    """

    def __init__(self, load: Callable[[], Mapping[str, Any]], thresholds: Thresholds, stamp: str) -> None:
        self._load = load
        self._data: Mapping[str, Any] | None = None
        self.thresholds = thresholds  # kept beside the weights: a cached run needs them, not the weights
        self._by_labels: dict[tuple[str, ...], _IdeaWeights] = {}
        self._disclaimer: _Disclaimer | None = None
        self.stamp = stamp  # names the model in the cache: a new model reads every document again

    @classmethod
    def from_weights(
        cls,
        weights: Mapping[str, float],
        thresholds: Thresholds,
        stamp: str = "",
        disclaimer: Mapping[str, float] | None = None,
    ) -> SecondReader:
        """A reader of flat weights by feature name (as scripts/train-second-reader.py trains them), and the
        classifier of disclaimer sentences' (see :func:`disclaimers`)."""
        data = to_data(weights, {}, disclaimer)
        return cls(lambda: data, thresholds, stamp)

    @property
    def data(self) -> Mapping[str, Any]:
        if self._data is None:
            data = self._load()
            if data.get("format") != FORMAT:
                raise ValueError(
                    f"the second reader's model has format {data.get('format')!r}; this narr-audit reads {FORMAT}: "
                    "reinstall narr-audit, or retrain it with scripts/train-second-reader.py"
                )
            self._data = data
        return self._data

    def weights(self) -> dict[str, float]:
        """The weights by feature name (see :func:`features`)."""
        data = self.data
        out: dict[str, float] = {"bias": float(data["bias"])}
        for label, words in data["ideas"].items():
            for s, v in words.items():
                out["CL:" + label + ":" + s] = float(v)
        for s, v in data["sentence"].items():
            out["B:" + s] = float(v)
        for pair, v in data["pairs"].items():
            out["P:" + pair] = float(v)
        for s, v in data["section"].items():
            out["S:" + s] = float(v)
        for band, v in data["bands"].items():
            out[band] = float(v)
        return out

    def band(self, asked: Asked, analysis: Analysis, unit: Unit) -> str | None:
        """The band of the likeliest disclaimer in a life-safety unit's section (see :func:`disclaimers`)."""
        return disclaimer_band(disclaimed(self.disclaimer_weights(), analysis, unit, asked))

    def own_band(self, asked: Asked, analysis: Analysis, unit: Unit) -> str | None:
        """The band of the disclaimer score of the sentence that met a life-safety topic (see SELF)."""
        found = disclaimer_features(analysis, unit.best, disclaimer_words(asked))
        return self_band(probability(self.disclaimer_weights(), found))

    def disclaimer_weights(self) -> Mapping[str, float]:
        """The classifier of disclaimer sentences (see :func:`disclaimers`), its weights by feature name (as
        :func:`disclaimer_features` names them), built once."""
        if self._disclaimer is None:
            self._disclaimer = _Disclaimer(self.data["disclaimer"])
        return self._disclaimer

    def score(self, asked: Asked, analysis: Analysis, unit: Unit) -> float:
        """The unit's score: the logistic regression over :func:`features`."""
        return self.weigh(asked, analysis, unit)[0]

    def weigh(self, asked: Asked, analysis: Analysis, unit: Unit) -> tuple[float, bool, str | None]:
        """The unit's score, whether it is plain (see PLAIN_WORDS), and on a life-safety topic the band of its
        section's likeliest disclaimer (see :meth:`band`; None below every band): summed here from the model's
        groups without naming each feature (exactly, by ``math.fsum``, so the order in which a set
        gives its words does not matter and nothing needs sorting)."""
        data = self.data
        local, best = _read_sets(analysis, unit, asked)
        ideas, sentence, paired = self._ideas(asked.labels), data["sentence"], data["pairs"]
        pairs = word_pairs(analysis, unit.best, asked.in_sentence)
        words = math.fsum([ideas[s] for s in local]) / math.sqrt(len(local) + 1)
        words += math.fsum([sentence.get(s, 0.0) for s in best]) / math.sqrt(len(best) + 1)
        words += math.fsum([paired.get(pair, 0.0) for pair in pairs]) / math.sqrt(len(pairs) + 1)
        band = None
        if asked.life_safety:
            around, section = surround(analysis, unit, asked, local), data["section"]
            words += math.fsum([section.get(s, 0.0) for s in around]) / math.sqrt(len(around) + 1)
            band = self.band(asked, analysis, unit)
            if band is not None:
                words += float(data["bands"].get(band, 0.0))
            own = self.own_band(asked, analysis, unit)
            if own is not None:
                words += float(data["bands"].get(own, 0.0))
        z = float(data["bias"]) + words
        plain = words >= 0 and len(local) <= PLAIN_WORDS
        return round(1 / (1 + math.exp(-max(-30.0, min(30.0, z)))), 6), plain, band

    def read(self, asked: Asked, analysis: Analysis, unit: Unit, score: float | None = None) -> Reading:
        """The unit's score (``score``, when already known), and the words of its best sentence that
        weighed most against and for it."""
        data = self.data
        local, best = _stems(analysis, unit, asked)
        ideas, sentence, paired = self._ideas(asked.labels), data["sentence"], data["pairs"]
        pairs = word_pairs(analysis, unit.best, asked.in_sentence)
        w, wb, wp = (1 / math.sqrt(n + 1) for n in (len(local), len(best), len(pairs)))
        by_stem = {s: ideas[s] * w for s in local}
        for s in best:
            by_stem[s] = by_stem.get(s, 0.0) + float(sentence.get(s, 0.0)) * wb
        for pair in pairs:  # a pair's weight is shared by its two words, to quote them
            v = paired.get(pair, 0.0) * wp / 2
            for s in pair.split(" "):
                if s not in (OWN, "<", ">"):
                    by_stem[s] = by_stem.get(s, 0.0) + v
        lo, hi = analysis.bounds(unit.best)
        written: dict[str, str] = {}
        for p in range(lo, hi):  # a stem as the best sentence wrote it, to quote it
            written.setdefault(analysis.stems[p], analysis.words[p])
        quoted = sorted((v, s) for s, v in by_stem.items() if s in written and _quotable(written[s]))
        against = tuple(written[s] for v, s in quoted if v < -0.05)[:3]
        for_it = tuple(written[s] for v, s in reversed(quoted) if v > 0.05)[:3]
        score = self.score(asked, analysis, unit) if score is None else score
        return Reading(score, unit.best, unit.where, against, for_it)

    def _ideas(self, labels: tuple[str, ...]) -> _IdeaWeights:
        """A topic's ideas' weights by stem, summed on first use (a batch asks the same topics again)."""
        found = self._by_labels.get(labels)
        if found is None:
            ideas = self.data["ideas"]
            found = self._by_labels[labels] = _IdeaWeights([ideas.get(label) or {} for label in dict.fromkeys(labels)])
        return found


class _Disclaimer(Mapping[str, float]):
    """The classifier of disclaimers' weights by feature name, read from the groups the model file keeps (its words'
    and its word pairs' apart) without building one dictionary of some 40,000 names on every cold run."""

    def __init__(self, kept: Mapping[str, Any]) -> None:
        self._bias = float(kept["bias"])
        self._groups: dict[str, Mapping[str, float]] = {"w": kept["words"], "p": kept["pairs"]}

    def __getitem__(self, name: str) -> float:
        found = self.get(name)
        if found is None:
            raise KeyError(name)
        return float(found)

    def get(self, name: str, default: Any = None) -> Any:  # probability() asks for every feature: no exceptions
        if name == "bias":
            return self._bias
        kind, _, key = name.partition(":")
        group = self._groups.get(kind)
        found = group.get(key) if group is not None else None
        return default if found is None else float(found)

    def __iter__(self) -> Iterator[str]:
        yield "bias"
        for kind, group in self._groups.items():
            yield from (kind + ":" + key for key in group)

    def __len__(self) -> int:
        return 1 + sum(len(group) for group in self._groups.values())


class _IdeaWeights(dict[str, float]):
    """Each stem's weight summed over a topic's ideas (each idea once, as :func:`features` names them)."""

    def __init__(self, ideas: list[Mapping[str, float]]) -> None:
        super().__init__()
        self.ideas = ideas

    def __missing__(self, stem: str) -> float:
        ideas = self.ideas
        if len(ideas) == 1:
            value = ideas[0].get(stem, 0.0)
        elif len(ideas) == 2:  # one rounding, as math.fsum's: the same value, without building a list
            value = ideas[0].get(stem, 0.0) + ideas[1].get(stem, 0.0)
        else:
            value = math.fsum([idea.get(stem, 0.0) for idea in ideas])
        self[stem] = value
        return value


def _quotable(word: str) -> bool:
    """A word worth quoting as weighing for or against: not a small word that every sentence has."""
    return ((word not in STOP_WORDS or word in KEPT) and len(word) > 2) or word in ("no",)


def probability(weights: Mapping[str, float], found: Mapping[str, float]) -> float:
    """The logistic regression's score of a unit's features (how the model is trained and checked)."""
    z = sum(weights.get(k, 0.0) * v for k, v in found.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def to_data(
    weights: Mapping[str, float], trained_on: Mapping[str, Any], disclaimer: Mapping[str, float] | None = None
) -> dict[str, Any]:
    """The model as kept on disk: weights grouped by kind, keys sorted, so the file is stable; ``disclaimer``, the
    classifier of disclaimer sentences (none: it never scores above a band)."""
    ideas: dict[str, dict[str, float]] = {}
    sentence: dict[str, float] = {}
    pairs: dict[str, float] = {}
    section: dict[str, float] = {}
    bands: dict[str, float] = {}
    for name in sorted(weights):
        v = weights[name]
        kind, _, rest = name.partition(":")
        if kind == "D":
            bands[name] = v
        elif kind == "CL":
            label, _, s = rest.rpartition(":")
            ideas.setdefault(label, {})[s] = v
        elif kind == "B":
            sentence[rest] = v
        elif kind == "P":
            pairs[rest] = v
        elif kind == "S":
            section[rest] = v
    return {
        "format": FORMAT,
        "trained_on": dict(trained_on),
        "bias": weights.get("bias", 0.0),
        "ideas": {k: ideas[k] for k in sorted(ideas)},
        "sentence": sentence,
        "pairs": pairs,
        "section": section,
        "bands": bands,
        "disclaimer": _grouped(disclaimer) if disclaimer else {"bias": -30.0, "words": {}, "pairs": {}},
    }


def _grouped(disclaimer: Mapping[str, float]) -> dict[str, Any]:
    """The classifier of disclaimers as kept on disk: its words' and its word pairs' weights apart, keyed by the
    stem or pair alone, so the file writes each once for every group that has it (see model_bytes)."""
    words = {k[2:]: disclaimer[k] for k in sorted(disclaimer) if k.startswith("w:")}
    pairs = {k[2:]: disclaimer[k] for k in sorted(disclaimer) if k.startswith("p:")}
    return {"bias": disclaimer.get("bias", 0.0), "words": words, "pairs": pairs}


def doubt_of(
    reader: SecondReader, asked: Asked, spec: TopicSpec, content: Extracted, vocabulary: Vocabulary, sentence: int
) -> Reading:
    """The reading of the section whose sentence met the topic; kept with the document in the cache. On a
    life-safety topic (``spec.ongoing``) it is unsure of, it also says what another sentence of the
    section says is not so (see :func:`recognise.disclaimer_beside`): checks.document then takes the
    topic back."""
    topic = spec_name(spec, vocabulary)
    name = _note_name("doubt", reader, topic, asked, sentence) if topic is not None else None
    kept = _read(noted(content, vocabulary, name)) if name is not None else None
    if kept is not None:
        return kept
    analysis = analyse(content)
    unit = unit_of(spec, analysis, vocabulary, sentence)
    score, plain, band = reader.weigh(asked, analysis, unit)
    t = reader.thresholds
    quoted = score < max(t.confirm, t.confirm_life_safety)  # the report may cite its words
    reading = reader.read(asked, analysis, unit, score) if quoted else Reading(score, sentence, unit.where, (), ())
    if plain and quoted:
        reading = replace(reading, plain=True)
    if quoted and band is not None:
        reading = replace(reading, taken_back=True)  # the report says so beside the words it quotes
    if spec.ongoing and (t.doubt_life_safety <= score or plain) and score < t.confirm_life_safety:
        reading = replace(reading, beside=disclaimer_beside(analysis, sentence))
    if name is not None:
        note(content, vocabulary, name, _kept(reading) if quoted else [score])
    return reading


def rescuable(spec: TopicSpec, unit: Unit) -> bool:
    """Whether a rescue reads this unit: its best sentence carries all the topic's ideas but one. A
    word or two of the topic in a short note ("Ideas for the next residents' council") is not a
    statement of it, however sure the reader is of those words."""
    return unit.carries >= len(spec.ideas) - 1


def rescue_of(
    reader: SecondReader, asked: Asked, spec: TopicSpec, content: Extracted, vocabulary: Vocabulary
) -> Reading | None:
    """The best-scored section of a document that did not meet the topic (None: no sentence carries
    any of its ideas); kept with the document in the cache."""
    topic = spec_name(spec, vocabulary)
    name = _note_name("rescue", reader, topic, asked) if topic is not None else None
    kept = noted(content, vocabulary, name) if name is not None else None
    if kept == []:
        return None
    reading = _read(kept)
    if reading is not None:
        return reading
    analysis = analyse(content)
    best: Reading | None = None
    scored = [
        (reader.score(asked, analysis, unit), n, unit)
        for n, unit in enumerate(units(spec, analysis, vocabulary))
        if rescuable(spec, unit)
    ]
    if scored:  # the highest, the first in reading order on ties; its words quoted only when it rescues
        score, _, unit = max(scored, key=lambda found: (found[0], -found[1]))
        rescues = score > reader.thresholds.rescue
        best = reader.read(asked, analysis, unit, score) if rescues else Reading(score, unit.best, unit.where, (), ())
    if name is not None:
        kept = [] if best is None else _kept(best) if best.score > reader.thresholds.rescue else [best.score]
        note(content, vocabulary, name, kept)
    return best


def _note_name(kind: str, reader: SecondReader, topic: str, asked: Asked, sentence: int | None = None) -> str:
    """A reading's name among the document's notes: a digest, kept with the topics' findings (the
    small part a warm run reads; see checks.analysis_cache), new for a new model."""
    written = "\0".join((kind, reader.stamp, str(SCORING), topic, asked.key, str(sentence)))
    return "topic:read:" + hashlib.sha256(written.encode()).hexdigest()[:20]


def _kept(reading: Reading) -> list[object]:
    return [
        reading.score,
        reading.sentence,
        reading.where,
        list(reading.against),
        list(reading.for_it),
        reading.beside,
        reading.plain,
        reading.taken_back,
    ]


def _read(kept: object) -> Reading | None:
    """A reading kept as [score, sentence, where, against, for, beside, plain, taken back], or as [score] alone
    when it neither doubts, flags nor rescues (nothing of it is cited); None when it is not one."""
    if isinstance(kept, list) and len(kept) == 1 and isinstance(kept[0], float):
        return Reading(kept[0], -1, None, (), ())
    if not isinstance(kept, list) or len(kept) != 8 or not (kept[5] is None or isinstance(kept[5], str)):
        return None
    score, sentence, where, against, for_it, beside, plain, taken_back = kept
    if (
        not isinstance(plain, bool)
        or not isinstance(taken_back, bool)
        or not isinstance(score, float)
        or type(sentence) is not int
        or not (where is None or isinstance(where, str))
        or not isinstance(against, list)
        or not isinstance(for_it, list)
        or not all(isinstance(w, str) for w in [*against, *for_it])
    ):
        return None
    return Reading(score, sentence, where, tuple(against), tuple(for_it), beside, plain, taken_back)


__all__ = [
    "FORMAT",
    "Asked",
    "Reading",
    "SecondReader",
    "Thresholds",
    "Unit",
    "asked",
    "disclaimed",
    "disclaimer_band",
    "disclaimer_features",
    "disclaimer_words",
    "disclaimers",
    "doubt_of",
    "features",
    "probability",
    "rescue_of",
    "self_band",
    "to_data",
    "topic_key",
    "unit_of",
    "units",
]
