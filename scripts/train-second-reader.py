"""Train the second reader (checks.reader) on the blind corpus's tuned part and write its model.

    python scripts/train-second-reader.py            # writes standards/reader/ (the model and thresholds.json)
    python scripts/train-second-reader.py --check    # grouped cross-validation figures only, writes nothing

Only tests/corpus/topics/tuned/ is read; the held-back part is never opened here. The model is a
logistic regression (AdaGrad, L2, the mean of SHUFFLES fits in seeded orders: the same corpus gives
the same bytes), trained in plain Python: no numpy or scikit-learn is needed, at training or at run
time.

Thresholds (checks.reader.Thresholds) come from a grouped 3-fold cross-validation over the voices (a
voice is never in the fold that sets a threshold for it), repeated with REPEATS seeded deals of the
voices into folds, each threshold the median of the repeats' (one deal's thresholds jump when a round
of voices is added: alphabetical folds put the life-safety doubt at 0.18 without the thirtieth round
and 0.14 with it; the median of five deals is 0.18 either way). Each is the score below (or above)
which the reader is right often enough for what the report then says:
- doubt (not met): at least DOUBT_PRECISION of the recogniser's "found" below it are wrong, on rules
  that are not life-safety; on life-safety rules, at least DOUBT_PRECISION_LIFE_SAFETY;
- confirm (met, for the reviewer to confirm): at least CONFIRM_PRECISION are wrong; on life-safety
  rules, the lowest score that leaves no near-miss passage passed without a flag, so long as it flags
  at most LIFE_COST of their present topics;
- rescue (met, for the reviewer to confirm): at least RESCUE_PRECISION of the misses above it are right.
A feature seen in fewer than MIN_UNITS training units is left out and the weights are rounded, to
keep the shipped file small.

Beside it, a classifier of disclaimer sentences (checks.reader.disclaimers) is trained on the minimal pairs: a
near-miss twin's sentences that its full twin lacks against every sentence of a full passage. On a life-safety
rule its highest score in the section, in a band, is a feature of the reader's; each training unit's band is read
by a classifier that did not learn from that unit's voice (see with_bands).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "corpus" / "topics"))

from topic_corpus import HERE as CORPUS  # noqa: E402
from topic_corpus import document_check, judged, passages  # noqa: E402

from narr_audit.checks.document import topic_spec  # noqa: E402
from narr_audit.checks.reader import (  # noqa: E402
    PLAIN_WORDS,
    Thresholds,
    asked,
    disclaimer_band,
    disclaimer_features,
    disclaimer_words,
    disclaimers,
    features,
    probability,
    rescuable,
    self_band,
    to_data,
    unit_of,
    units,
)
from narr_audit.checks.recognise import analyse, find_in  # noqa: E402
from narr_audit.standards.loader import load_rulebook  # noqa: E402
from narr_audit.standards.reader import model_bytes  # noqa: E402

TARGET = ROOT / "standards" / "reader" / "second-reader.pickle"
LIMITS = TARGET.with_name("thresholds.json")
# A found topic (not of a life-safety rule) is doubted below the score where this share of the finds are absent.
# 0.9 until stop 42; see RESCUE_PRECISION for why it moved with it.
DOUBT_PRECISION = 0.92
# On life-safety rules a passed near-miss costs more than a present topic doubted: the operator whose section
# is doubted can point at it (covers:), and the reviewer sees the pointer, while a near-miss passed says a
# house has what it lacks. At 0.66 a life-safety find is doubted where two of three such finds are wrong,
# so a passed near-miss is weighed as twice a present topic doubted. In cross-validation (stop 27), 0.76 left
# 134 life-safety near-misses passed for 96.2% of present topics found, 0.70 left 112 for 95.9%, 0.66 left
# 104 for 95.8%. (Stop 22 chose 0.76: 0.75 then doubted the plain sentence naming every detector that
# tests/test_issue13_examples.py holds must be met; that test still holds.)
DOUBT_PRECISION_LIFE_SAFETY = 0.66
CONFIRM_PRECISION = 0.8
# A topic the recogniser missed is met for the reviewer to confirm above the score where this share of the misses
# are present (never on a life-safety rule). The issue asks for 95% of present topics found and 90% of absent
# ones reported missing; out of fold the second was met with room (about 94%) and the first was not (94.8-95.0%),
# so the rescue takes more: out of fold (stop 34, two deals; found / reported missing), 0.8 gave 94.8-94.9% /
# 93.7-94.4%, 0.75 94.9-95.0% / 93.4-94.2%, 0.7 95.0-95.2% / 93.1-93.9%, 0.65 95.1-95.2% / 92.9-93.6%, the
# life-safety near-misses the same. Each topic rescued is one more for the reviewer to confirm (135-157 more
# out of some 40,000 in the tuned part).
# Stop 42: out of fold the found figure was short again (94.70%, five deals of 25,065 present topics: 23,725-23,754
# a deal, 23,812 being 95%) and reported missing had room (94.12%). Neither precision touches a life-safety rule
# (697 near-misses passed out of fold at every value below). Swept on the five deals' scores (doubt / rescue
# precision: found, reported missing, topics met for the reviewer to confirm a deal): 0.90 / 0.70 94.70%, 94.12%,
# 2,396; 0.90 / 0.60 94.92%, 93.26%, 2,652; 0.94 / 0.70 95.00%, 92.57%, 2,836; 0.91 / 0.60 95.03%, 92.87%, 2,774;
# 0.93 / 0.65 95.07%, 92.52%, 2,866; **0.92 / 0.60 95.08% (23,818-23,842 a deal), 92.63%, 2,840**; 0.92 / 0.55
# 95.18%, 91.95%, 3,027. Chosen: of the pairs (0.01 and 0.05 steps) where every deal finds 95% or more, the one
# that flags the fewest topics for the reviewer; each topic it adds is met for the reviewer to confirm, not met.
RESCUE_PRECISION = 0.6
LIFE_COST = 0.15
# A feature seen in fewer training units is dropped: it would only remember its passage. Cross-validated
# (stop 27; found / reported missing / life-safety near-misses passed, the deals' means): 2 95.8% / 93.4% /
# 100, 3 95.8% / 93.1% / 99, 4 95.8% / 93.2% / 102, 5 95.8% / 92.7% / 104. Three keeps 165,000 weights
# (2.5 MB; 103,000 and 1.5 MB at five), which a cold run reads in 13 ms (7 ms).
MIN_UNITS = 3
# The classifier of disclaimer sentences is fitted over more passes than the reader: at four it stopped short
# (out of fold, grouped by voice, the sentences alone: AUC 0.894, a twin's disclaimers scored 0.6 or more 34.2% of
# the time, a plain sentence 0.63%; at eight, reading its pronouns, "this", "there", "was" and "were" as well
# (checks.reader.WHOSE), 0.899, 39.1%, 0.77%; twelve and sixteen passes, other rates and L2 did no better).
# Stop 43, the reader cross-validated over the five deals: 678 life-safety near-misses passed out of fold with
# 33,716 present life-safety topics found (the deals summed), against 697 with 33,747 at four passes without
# WHOSE; swept over the life-safety doubt, 50 to 150 more found at as many passed (standards/reader/README.md).
DISCLAIMER_EPOCHS = 8
DIGITS = 3
GRID = [i / 100 for i in range(1, 100)]
REPEATS = 5  # deals of the voices into three folds (see the module's docstring)
SHUFFLES = 5  # orders the shipped model is fitted in, its weights their mean (see averaged)


@dataclass
class Item:
    """One (passage, topic): its label, the recogniser's decision, and the units to score."""

    voice: str
    kind: str
    life: bool
    present: bool
    found: bool
    met: dict[str, float] | None  # features of the unit that met it, when the recogniser found it
    others: list[dict[str, float]]  # features of every unit (to rescue), when it did not
    # on a life-safety rule, the classifier of disclaimers' features of the sentences that may take the topic back
    # (checks.reader.disclaimers), for the unit that met it and for each of the others
    met_cands: list[dict[str, float]] = field(default_factory=list)
    others_cands: list[list[dict[str, float]]] = field(default_factory=list)


Instance = tuple[dict[str, float], int, str, list[dict[str, float]]]  # features, label, voice, disclaimer candidates
Sentence = tuple[dict[str, float], int, str]  # a sentence's features, 1 for a disclaimer, its voice


def corpus_digest() -> str:
    h = hashlib.sha256()
    for path in sorted((CORPUS / "tuned").glob("*.yaml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def build() -> tuple[list[Item], list[Instance], list[Sentence]]:
    """Evaluation items, training instances (features, label, voice, disclaimer candidates): a present topic's
    unit that meets it or comes closest is positive; every unit of an absent topic is negative; and the sentences
    the classifier of disclaimers learns from: a near-miss twin's sentences that its full twin lacks are
    disclaimers, its others and every full passage's sentences are not."""
    book = load_rulebook()
    vocabulary = book.concepts
    items: list[Item] = []
    train: list[Instance] = []
    sentences: list[Sentence] = []
    said: dict[tuple[str, str, str, int], tuple[str, set[str]]] = {}  # a passage's kind and its sentences' texts
    with tempfile.TemporaryDirectory() as tmp:
        for n, p in enumerate(passages("tuned")):
            check = document_check(book, p.rule, p.document)
            rule = book.rule(p.rule)
            assert rule is not None
            life = bool(rule.life_safety)
            outcome, content = judged(book, p.rule, p.document, p.text, Path(tmp) / f"passage-{n}.md", None)
            missing = set(outcome.missing)  # the recogniser's reading, which the second reader reads again
            analysis = analyse(content)
            every_idea = [  # the check's topics' ideas, as checks.document asks them
                i for t in check.topics for i in topic_spec(t, vocabulary, ongoing=life).ideas
            ]
            questions = []
            for topic in check.topics:
                spec = topic_spec(topic, vocabulary, ongoing=life)  # as check reads it
                question = asked(
                    p.rule,
                    rule.title,
                    p.document,
                    topic.name,
                    spec.labels,
                    [t.name for t in check.topics],
                    every_idea,
                    spec.ideas,
                    life_safety=life,
                )
                questions.append((topic, spec, question))
            sentences.extend(_sentences(p, analysis, disclaimer_words(questions[0][2]), said))

            for topic, spec, question in questions:
                present = topic.name in p.present
                if not present and topic.name not in p.absent:
                    raise SystemExit(f"{p.key}: topic {topic.name!r} is not labelled")
                found = topic.name not in missing
                finding = find_in(spec, content, vocabulary)
                every = units(spec, analysis, vocabulary)
                met = met_cands = None
                if found and finding.sentence is not None:
                    unit = unit_of(spec, analysis, vocabulary, finding.sentence)
                    met, met_cands = features(question, analysis, unit), candidates(analysis, question, unit)
                rescued = [u for u in every if rescuable(spec, u)] if not found else []
                items.append(
                    Item(
                        p.voice,
                        p.kind,
                        life,
                        present,
                        found,
                        met,
                        [features(question, analysis, u) for u in rescued],
                        met_cands or [],
                        [candidates(analysis, question, u) for u in rescued],
                    )
                )
                if present:
                    if met is not None:
                        train.append((met, 1, p.voice, met_cands or []))
                    elif every:
                        closest = finding.sentence if finding.sentence is not None else every[0].best
                        unit = unit_of(spec, analysis, vocabulary, closest)
                        near = candidates(analysis, question, unit)
                        train.append((features(question, analysis, unit), 1, p.voice, near))
                else:
                    for u in every:
                        train.append((features(question, analysis, u), 0, p.voice, candidates(analysis, question, u)))
            if n % 1000 == 0:
                print(f"  read {n} passages", file=sys.stderr, flush=True)
    return items, train, sentences


def _sentences(
    p: Any, analysis: Any, own: frozenset[str], said: dict[tuple[str, str, str, int], tuple[str, set[str]]]
) -> list[Sentence]:
    """A passage's sentences for the classifier of disclaimers (see :func:`build`); a near-miss without a full twin
    just before it, or one outside a minimal pair's voice, teaches it nothing."""
    texts = [" ".join(sentence.text.lower().split()) for sentence in analysis.sentences]
    said[(p.voice, p.rule, p.document, p.at)] = (p.kind, set(texts))
    if p.kind == "full":
        labels = [0] * len(texts)
    elif p.kind == "near-miss" and p.voice.endswith("-pairs"):
        kind, theirs = said.get((p.voice, p.rule, p.document, p.at - 1), ("", set()))
        if kind in ("", "near-miss"):
            return []
        labels = [int(text not in theirs) for text in texts]
    else:
        return []
    return [(disclaimer_features(analysis, m, own), y, p.voice) for m, y in enumerate(labels)]


def candidates(analysis: Any, question: Any, unit: Any) -> list[dict[str, float]]:
    """The disclaimer classifier's features of the sentences that may take a life-safety topic back (none on
    another rule): first the sentence that met it (its band is a feature apart, checks.reader.SELF), then the
    others of its section (checks.reader.disclaimers)."""
    if not question.life_safety:
        return []
    own = disclaimer_words(question)
    return [disclaimer_features(analysis, m, own) for m in [unit.best, *disclaimers(analysis, unit)]]


def fit(
    instances: list[tuple[dict[str, float], int, str]],
    *,
    epochs: int = 4,
    rate: float = 0.3,
    l2: float = 1e-5,
    seed: int = 0,
) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(lambda: 1e-8)
    order = list(range(len(instances)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for i in order:
            f, y, _ = instances[i]
            z = sum(w[k] * v for k, v in f.items())
            d = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - y
            for k, v in f.items():
                gr = d * v + l2 * w[k]
                g2[k] += gr * gr
                w[k] -= rate * gr / math.sqrt(g2[k])
    return dict(w)


def fit_disclaimers(instances: list[tuple[dict[str, float], int, str]]) -> dict[str, float]:
    """The classifier of disclaimer sentences, fitted over DISCLAIMER_EPOCHS passes."""
    return fit(instances, epochs=DISCLAIMER_EPOCHS)


def averaged(instances: list[tuple[dict[str, float], int, str]]) -> dict[str, float]:
    """The mean of SHUFFLES fits, each over the instances in another seeded order. One fit's weights
    depend on the order it read the units in: five single fits of the same corpus left between 245 and
    254 life-safety near-misses passed on the held-back part (stop 27); their mean does not hang on one
    order, so a retrained model differs from the last by what changed, not by the draw."""
    fits = [fit(instances, seed=seed) for seed in range(SHUFFLES)]
    names = sorted(set().union(*fits))
    return {k: math.fsum(w.get(k, 0.0) for w in fits) / len(fits) for k in names}


def common(instances: list[tuple[dict[str, float], int, str]]) -> list[tuple[dict[str, float], int, str]]:
    """The instances with only the features seen in at least MIN_UNITS of them."""
    seen: dict[str, int] = defaultdict(int)
    for f, _, _ in instances:
        for k in f:
            seen[k] += 1
    return [({k: v for k, v in f.items() if seen[k] >= MIN_UNITS}, y, voice) for f, y, voice in instances]


def band_of(cands: list[dict[str, float]], w: dict[str, float]) -> dict[str, float]:
    """The reader's disclaimer features for these candidate sentences (see :func:`candidates`), read by the
    classifier ``w``."""
    if not cands:
        return {}
    own = self_band(probability(w, cands[0]))
    band = disclaimer_band(max(probability(w, c) for c in cands[1:])) if len(cands) > 1 else None
    return {name: 1.0 for name in (own, band) if name is not None}


def with_bands(
    train: list[Instance], sentences: list[Sentence], voices: list[str]
) -> list[tuple[dict[str, float], int, str]]:
    """These voices' training instances with their disclaimer feature, each read by a classifier of disclaimers that
    did not learn from its voice (the voices in three groups): read by one that had, the feature would say more
    than it does of a document the classifier never saw, and the reader would trust it too much."""
    groups = [set(voices[k::3]) for k in range(3)]
    every = set(voices)
    readers = [fit_disclaimers(common([x for x in sentences if x[2] in every - group])) for group in groups]
    which = {v: k for k, group in enumerate(groups) for v in group}
    return [(f | band_of(c, readers[which[v]]), y, v) for f, y, v, c in train if v in every]


def banded(item: Item, w: dict[str, float]) -> Item:
    """The item with its disclaimer feature, read by the classifier ``w``."""
    met = None if item.met is None else item.met | band_of(item.met_cands, w)
    others = [o | band_of(c, w) for o, c in zip(item.others, item.others_cands, strict=True)]
    return replace(item, met=met, others=others)


def shrink(w: dict[str, float]) -> dict[str, float]:
    return {k: round(v, DIGITS) for k, v in sorted(w.items()) if round(v, DIGITS)}


def scores(w: dict[str, float], item: Item) -> float:
    if item.found:
        return probability(w, item.met) if item.met is not None else 1.0
    return max((probability(w, f) for f in item.others), default=0.0)


def plain(w: dict[str, float], item: Item) -> bool:
    """Whether the unit that met the topic is short and its words weigh for it (checks.reader.PLAIN_WORDS)."""
    if not item.found or item.met is None:
        return False
    words = sum(w.get(k, 0.0) * v for k, v in item.met.items() if k != "bias")
    read = len({k.rsplit(":", 1)[1] for k in item.met if k.startswith("CL:")})  # the unit's words read
    return words >= 0 and read <= PLAIN_WORDS


def decide(item: Item, p: float, t: Thresholds, short: bool = False) -> tuple[bool, bool]:
    """(met, for the reviewer to confirm), as checks.document decides with the reader (``short``: the
    unit is plain, see :func:`plain`)."""
    doubt, confirm = t.limits(item.life)
    if item.found:
        return p >= doubt or short, (doubt <= p or short) and p < confirm
    rescued = p > t.rescue and not item.life
    return rescued, rescued


def _below(pairs: list[tuple[float, bool]], precision: float) -> float:
    """The highest score below which at least ``precision`` of these (score, present) are absent."""
    for t in reversed(GRID):
        r = [y for p, y in pairs if p < t]
        if len(r) >= 5 and (len(r) - sum(r)) / len(r) >= precision:
            return t
    return 0.0


def choose(items: list[Item], ps: list[float]) -> Thresholds:
    pairs = list(zip(items, ps, strict=True))
    hits = [(p, it.present) for it, p in pairs if it.found and not it.life]
    life_hits = [(p, it.present) for it, p in pairs if it.found and it.life]
    doubt, confirm = _below(hits, DOUBT_PRECISION), _below(hits, CONFIRM_PRECISION)
    life_doubt = _below(life_hits, DOUBT_PRECISION_LIFE_SAFETY)
    misses = [(p, it.present) for it, p in pairs if not it.found and not it.life]
    rescue = 1.01
    for t in GRID:
        r = [y for p, y in misses if p > t]
        if len(r) >= 5 and sum(r) / len(r) >= RESCUE_PRECISION:
            rescue = t
            break
    life = [(p, it) for it, p in pairs if it.found and it.life]
    present = sum(1 for _, it in life if it.present) or 1
    life_confirm = life_doubt
    for t in GRID:
        if t < life_doubt:
            continue
        if sum(1 for p, it in life if it.present and p < t) / present > LIFE_COST:
            break
        life_confirm = t
        if not any(p >= t and not it.present and it.kind == "near-miss" for p, it in life):
            break
    return Thresholds(doubt, life_doubt, max(confirm, doubt), life_confirm, rescue)


def tally(items: list[Item], decided: list[tuple[bool, bool]]) -> str:
    present = sum(1 for it in items if it.present)
    absent = len(items) - present
    pairs = list(zip(items, decided, strict=True))
    found = sum(1 for it, (met, _) in pairs if it.present and met)
    rejected = sum(1 for it, (met, _) in pairs if not it.present and not met)
    life = [flag for it, (met, flag) in pairs if not it.present and met and it.life and it.kind == "near-miss"]
    confirm = sum(1 for _, (met, flag) in pairs if met and flag)
    return (
        f"{100 * found / present:5.1f}% found  {100 * rejected / absent:5.1f}% reported missing  "
        f"{len(life):3d} life-safety near-miss passes ({sum(life)} of them for the reviewer to confirm); "
        f"{confirm} topics met for the reviewer to confirm"
    )


def _deal(voices: list[str], repeat: int) -> list[set[str]]:
    """The voices dealt into three folds, in an order seeded by ``repeat`` (a voice added later leaves the
    others' order as it was)."""
    order = sorted(voices, key=lambda v: hashlib.sha256(f"{repeat}/{v}".encode()).hexdigest())
    return [set(order[k::3]) for k in range(3)]


def cross_validate(items: list[Item], train: list[Instance], sentences: list[Sentence]) -> Thresholds:
    voices = sorted({it.voice for it in items})
    runs: list[tuple[list[float], list[bool], Thresholds]] = []
    for repeat in range(REPEATS):
        ps = [0.0] * len(items)
        short = [False] * len(items)
        for k, held in enumerate(_deal(voices, repeat)):
            t0 = time.perf_counter()
            w = shrink(fit(common(with_bands(train, sentences, [v for v in voices if v not in held]))))
            disclaiming = fit_disclaimers(common([x for x in sentences if x[2] not in held]))
            for i, it in enumerate(items):
                if it.voice in held:
                    read = banded(it, disclaiming)
                    ps[i] = scores(w, read)
                    short[i] = plain(w, read)
            print(
                f"  deal {repeat + 1}, fold {k + 1}: {len(w)} weights, {time.perf_counter() - t0:.1f} s",
                file=sys.stderr,
                flush=True,
            )
        t = choose(items, ps)
        print(f"deal {repeat + 1} thresholds: " + ", ".join(f"{k} {v:.2f}" for k, v in t.as_data().items()))
        runs.append((ps, short, t))
    fields = ("doubt", "doubt_life_safety", "confirm", "confirm_life_safety", "rescue")
    t = Thresholds(*(statistics.median(getattr(run, name) for _, _, run in runs) for name in fields))
    print("thresholds (the deals' medians): " + ", ".join(f"{k} {v:.2f}" for k, v in t.as_data().items()))
    print("grouped 3-fold cross-validation over the tuned part's voices, with these thresholds:")
    print("  recogniser alone:        " + tally(items, [(it.found, False) for it in items]))
    for repeat, (ps, short, _) in enumerate(runs):
        decided = [decide(it, p, t, s) for it, p, s in zip(items, ps, short, strict=True)]
        print(f"  with the second reader, deal {repeat + 1}: " + tally(items, decided))
    return t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validation figures only; write nothing")
    parser.add_argument("--cache", type=Path, help="keep the read corpus here (for repeated runs while developing)")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        items, train, sentences = pickle.loads(args.cache.read_bytes())
    else:
        items, train, sentences = build()
        if args.cache:
            args.cache.write_bytes(pickle.dumps((items, train, sentences)))
    voices = sorted({it.voice for it in items})
    print(
        f"{len(items)} passage topics, {len(train)} training units, {len(voices)} voices, {len(sentences)} sentences "
        f"({sum(y for _, y, _ in sentences)} disclaimers)"
    )
    thresholds = cross_validate(items, train, sentences)
    if args.check:
        return
    weights = shrink(averaged(common(with_bands(train, sentences, voices))))
    disclaimer = shrink(fit_disclaimers(common(sentences)))
    trained_on = {
        "corpus": corpus_digest(),
        "voices": voices,
        "passage_topics": len(items),
        "units": len(train),
        "sentences": len(sentences),
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(model_bytes(to_data(weights, trained_on, disclaimer)))
    LIMITS.write_text(json.dumps(thresholds.as_data(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(weights)} weights, {TARGET.stat().st_size} bytes")
    print(f"wrote {LIMITS.relative_to(ROOT)}")
    failed = acceptance()
    if failed:
        print("the model written fails the issue's own examples (tests/test_issue13_examples.py), not to be shipped:")
        for line in failed:
            print(f"  {line}")
        raise SystemExit(1)
    print("the issue's own examples (tests/test_issue13_examples.py): all met")
    failed = examples_hold()
    if failed:
        print("the model written changes what the example binders report against their READMEs' gap tables, not to be")
        print("shipped as it is (a plainly stated topic doubted is the usual cause; read the failures):")
        for line in failed:
            print(f"  {line}")
        raise SystemExit(1)
    print("the example binders' gap tables (" + ", ".join(EXAMPLE_TESTS) + "): all hold")


# What the example binders report, against the gap tables of their READMEs. A retrain moves sentences near a
# threshold; three times in stop 35 a model doubted a plainly stated topic of an example (Harbor House's
# "illicit drugs", the Level IV orientation sign-off, Birch House's trained facilitators), found only when the
# test run after it failed.
EXAMPLE_TESTS = ("tests/test_examples.py", "tests/test_organization_example.py", "tests/test_level_fit.py")


def examples_hold() -> list[str]:
    """The example tests' failures (their summary lines) with the model just written; empty when they pass."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *EXAMPLE_TESTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode == 0:
        return []
    out = done.stdout.splitlines()
    failed = [line for line in out if line.startswith(("FAILED", "ERROR"))]  # the summary: which test
    said = [line for line in out if line.startswith("E   ") and "Error:" in line]  # what it reports
    return (failed + said)[:20] or out[-20:]


def acceptance() -> list[str]:
    """The issue's own examples, read with the model just written: its paraphrases, each meeting its
    topic, and its plain statements, each meeting every topic. Retraining moves sentences near a
    threshold; a model that doubts one of these is not shipped as it is (their tests fail), so say so
    at once rather than after the test run."""
    sys.path.insert(0, str(ROOT))
    from tests.test_issue13_examples import PARAPHRASES, PLAIN

    from narr_audit.standards.reader import load_model

    book, reader = load_rulebook(), load_model(TARGET)
    failed: list[str] = []
    plain = [tuple(getattr(case, "values", case)) for case in PLAIN]  # a pytest.param holds its own in .values
    cases = [(rule_id, label, (topic,), text) for rule_id, label, topic, text in PARAPHRASES] + plain
    with tempfile.TemporaryDirectory() as folder:
        for rule_id, label, topics, text in cases:
            outcome, _ = judged(book, rule_id, label, text, Path(folder) / "policy.md", reader)
            failed.extend(f"{rule_id} {topic}: {outcome.reason}" for topic in topics if topic in outcome.missing)
    return failed


if __name__ == "__main__":
    main()
