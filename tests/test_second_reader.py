"""The second reader (checks.reader): how its readings change what the document check reports.

The plumbing is tested with small hand-made models, so each case says exactly why the reader doubts,
flags or rescues a topic; the shipped model is tested for what a user relies on: it is the one the
corpus trains, it scores as it was trained, a damaged file is a clear error, and a warm run reads
its readings back from the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import pickle
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus" / "topics"))

from topic_corpus import HERE as CORPUS
from topic_corpus import document_check, judged, passages

from narr_audit.base.errors import NarrError
from narr_audit.base.language import stem
from narr_audit.checks.document import topic_spec
from narr_audit.checks.interface import Outcome
from narr_audit.checks.reader import (
    SecondReader,
    Thresholds,
    asked,
    disclaimed,
    disclaimer_band,
    disclaimer_features,
    disclaimer_words,
    features,
    probability,
    self_band,
    to_data,
    unit_of,
    units,
)
from narr_audit.checks.recognise import analyse, find_in
from narr_audit.evidence.extract import extract
from narr_audit.standards.loader import load_rulebook
from narr_audit.standards.reader import MODEL, THRESHOLDS, load_model, model_bytes, second_reader

ROOT = Path(__file__).resolve().parents[1]
BOOK = load_rulebook()
CHORES = ("3.I.27.c", "Chore chart or chore policy")
SMOKING = ("2.F.18.a", "Smoking and vaping policy (house rules)")
# doubt, doubt on life-safety rules, confirm, confirm on life-safety rules, rescue
LIMITS = Thresholds(0.1, 0.2, 0.3, 0.6, 0.9)


def _hand(**weights: float) -> SecondReader:
    """A reader that knows only these best-sentence stems (B:stem), over an even bias."""
    return SecondReader.from_weights({"bias": 0.0, **{f"B:{s}": w for s, w in weights.items()}}, LIMITS)


def _check(which: tuple[str, str], text: str, tmp_path: Path, reader: SecondReader | None) -> Outcome:
    return judged(BOOK, *which, text, tmp_path / "policy.md", reader)[0]


ROTATING = "# Chores\n\nChores rotate every week and the house manager posts the chart.\n"


def test_without_a_reader_the_recogniser_decides(tmp_path: Path) -> None:
    outcome = _check(CHORES, ROTATING, tmp_path, None)
    assert outcome.status == "met" and not outcome.to_confirm


def test_a_doubted_topic_is_not_met_and_the_report_says_why(tmp_path: Path) -> None:
    outcome = _check(CHORES, ROTATING, tmp_path, _hand(manag=-20.0))
    assert outcome.status == "not_met"  # the sentence met both topics; the reader doubts both
    assert outcome.missing == ("household chores", "assignment or rotation")
    assert (
        "the closest, policy.md, Chores, uses its words, but the second reader doubts that it states it"
        in outcome.reason
    )
    assert "weighing against it 'manager'" in outcome.reason
    assert "covers: {3.I.27.c: Heading of that section}" in outcome.reason  # how to point at it


def test_a_doubt_reads_on_to_the_next_sentence_that_meets_the_topic(tmp_path: Path) -> None:
    text = ROTATING + "\n# Rotation\n\nEveryone cleans the kitchen and bathrooms; chores rotate monthly.\n"
    outcome = _check(CHORES, text, tmp_path, _hand(manag=-20.0))
    assert outcome.status == "met", outcome.reason
    assert any(ref.where == "Rotation" for ref in outcome.evidence)


def test_an_unsure_reading_is_met_for_the_reviewer_to_confirm(tmp_path: Path) -> None:
    # A score between the doubt (0.1) and confirm (0.3) limits: about sigmoid(-4 / sqrt(7)) = 0.18.
    outcome = _check(CHORES, ROTATING, tmp_path, _hand(manag=-4.0))
    assert outcome.status == "met"
    assert outcome.to_confirm == ("household chores", "assignment or rotation")  # the sentence met both
    assert (
        "the second reader is unsure of these, for the reviewer to confirm: household chores (policy.md, Chores; "
        "weighing against it 'manager'); assignment or rotation (policy.md, Chores"
    ) in outcome.reason


def test_an_unsure_reading_gives_way_to_the_operators_pointer(tmp_path: Path) -> None:
    """Where the operator pointed at a section for a topic the reader is unsure of, the report quotes the
    pointer (the operator's own claim, its heading named) for the reviewer to confirm, not the reader's doubt."""
    from narr_audit.checks import evaluate
    from narr_audit.checks.interface import Context
    from narr_audit.evidence.extract import extract
    from narr_audit.evidence.model import Document

    rule = BOOK.rule(CHORES[0])
    assert rule is not None
    path = tmp_path / "policy.md"
    path.write_text(ROTATING, encoding="utf-8")
    content = extract(path)
    pointed = Document(
        path="policy.md",
        kind="markdown",
        rules=[CHORES[0]],
        mapped_by=["manifest"],
        content=content,
        covers={"household chores": "Chores"},
    )
    context = Context(
        rule_id=CHORES[0],
        assessed_on=date(2026, 11, 1),
        documents=(pointed,),
        vocabulary=BOOK.concepts,
        reader=_hand(manag=-4.0),  # unsure of both topics, as above
        life_safety=rule.life_safety,
        rule_title=rule.title,
    )
    outcome = evaluate(document_check(BOOK, *CHORES), context)
    assert outcome.status == "met"
    assert "pointed by the operator, for the reviewer to confirm: household chores (under 'Chores' in policy.md)" in (
        outcome.reason
    )
    # both are the reviewer's to confirm: the one pointed at as the operator's claim, the other as the reader's doubt
    assert outcome.to_confirm == ("household chores", "assignment or rotation")
    assert "the second reader is unsure of these, for the reviewer to confirm: assignment or rotation" in outcome.reason


MISSED = "# Chores\n\nEveryone does a household chore, and the list is on the fridge.\n"


def test_a_topic_the_recogniser_missed_is_rescued_for_the_reviewer_to_confirm(tmp_path: Path) -> None:
    assert _check(CHORES, MISSED, tmp_path, None).missing == ("assignment or rotation",)
    outcome = _check(CHORES, MISSED, tmp_path, _hand(fridg=20.0))
    assert outcome.status == "met"
    assert outcome.to_confirm == ("assignment or rotation",)
    assert (
        "read as covered by the second reader, for the reviewer to confirm: assignment or rotation "
        "(policy.md, Chores; weighing for it 'fridge')"
    ) in outcome.reason


VOICE = ("1.C.7.e", "Policy on how residents give input to the operator")


def test_a_word_or_two_of_a_topic_in_a_short_note_is_never_rescued(tmp_path: Path) -> None:
    """A rescue reads only sentences that carry all the topic's ideas but one: a reader sure of
    "next" does not read "Ideas for the next residents' council." as saying that input reaches
    those who decide (it carries one idea of three), though it rescues a sentence that lacks one.
    (The weighted word is no phrasing of the topic's ideas: a met one-word phrasing is left unread.)"""
    check = document_check(BOOK, *VOICE)
    topic = "input reaches those who decide"
    assert topic in [t.name for t in check.topics]
    note = "# Notes\n\nIdeas for the next residents' council.\n"
    assert topic in _check(VOICE, note, tmp_path, _hand(next=50.0)).missing
    close = "# Resident council\n\nThe council's ideas are taken to the owner, who answers at the next meeting.\n"
    heard = "residents are heard on operations"  # one idea short in this sentence: "house operations"
    assert heard in _check(VOICE, close, tmp_path, None).missing
    rescued = _check(VOICE, close, tmp_path, _hand(next=50.0))
    assert heard not in rescued.missing and heard in rescued.to_confirm, rescued.reason


FORBID = ("2.F.16.a", "Alcohol- and drug-free policy (policy and procedure manual)")


def test_a_one_word_phrasing_of_the_topics_own_idea_that_met_it_is_left_unread(tmp_path: Path) -> None:
    """The words a sentence uses for the topic itself are not held against it: "beer", said of the
    alcohol a prohibition names, does not weigh against the prohibition, though it still weighs
    against the illicit drugs (none of whose ideas it phrases); a word that phrases none weighs against
    all three."""
    text = (
        "# Substances\n\nResidents may not drink beer, wine or liquor, or use illegal drugs, in the house or out of "
        "it.\n"
    )
    assert _check(FORBID, text, tmp_path, None).missing == ()
    assert _check(FORBID, text, tmp_path, _hand(beer=-20.0)).missing == ("illicit drugs",)
    assert _check(FORBID, text, tmp_path, _hand(out=-20.0)).missing == ("alcohol", "illicit drugs", "use is forbidden")


def test_a_short_plain_sentence_is_not_doubted_on_the_prior_alone(tmp_path: Path) -> None:
    """A short sentence whose words, read, weigh for the topic is met for the reviewer to confirm when
    the model's prior alone (its bias) puts it under the doubt; a long one, or one a word of it weighs
    against, is doubted (checks.reader.PLAIN_WORDS)."""
    prior = SecondReader.from_weights({"bias": -5.0}, LIMITS)
    short = "# Substances\n\nResidents refrain from alcohol and illegal drugs.\n"
    outcome = _check(FORBID, short, tmp_path, prior)
    assert outcome.status == "met" and outcome.to_confirm == ("alcohol", "illicit drugs", "use is forbidden")
    against = SecondReader.from_weights({"bias": -5.0, "P:< resid": -0.1}, LIMITS)
    assert _check(FORBID, short, tmp_path, against).missing == ("alcohol", "illicit drugs", "use is forbidden")
    long = (
        "# Substances\n\nResidents refrain from using or possessing alcohol or any mind-altering chemical at the "
        "house, at work, at family gatherings, on weekend passes and at any event they attend while they live here.\n"
    )
    assert _check(FORBID, long, tmp_path, None).missing == ()
    assert _check(FORBID, long, tmp_path, prior).missing == ("alcohol", "illicit drugs", "use is forbidden")


def test_short_is_counted_in_words_read_not_in_word_pairs(tmp_path: Path) -> None:
    """The issue's plain prohibition reads six words but fifteen pairs: it is short, and met for the
    reviewer to confirm when the prior alone puts it under the doubt (a retrained model once doubted it
    while pairs were counted too)."""
    prior = SecondReader.from_weights({"bias": -5.0}, LIMITS)
    text = "# Alcohol and drugs\n\nResidents may not use or possess alcohol or illegal drugs, on or off the property.\n"
    outcome = _check(FORBID, text, tmp_path, prior)
    assert outcome.status == "met" and outcome.to_confirm == ("alcohol", "illicit drugs", "use is forbidden")


SMOKE = "# Smoking\n\nNo smoking or vaping indoors. The only place to smoke is the back patio, by the wooden bench.\n"


def test_a_life_safety_topic_is_never_rescued_and_is_doubted_by_its_own_limits(tmp_path: Path) -> None:
    rule = BOOK.rule(SMOKING[0])
    assert rule is not None and rule.life_safety
    assert _check(SMOKING, SMOKE, tmp_path, None).status == "met"
    # 0.18: over the doubt limit of other rules (0.1), under the life-safety one (0.2): doubted here.
    outcome = _check(SMOKING, SMOKE, tmp_path, _hand(wooden=-1.5 / _weight_of_one(SMOKING, SMOKE, tmp_path, "wooden")))
    assert "the second reader doubts that it states it" in outcome.reason, outcome.reason
    missed = "# Smoking\n\nSmoking and vaping are part of some residents' lives; we talk about it at the meeting.\n"
    before = _check(SMOKING, missed, tmp_path, None)
    after = _check(SMOKING, missed, tmp_path, _hand(meet=50.0, talk=50.0))
    assert after.missing == before.missing and before.missing  # nothing rescued on a life-safety rule
    assert not after.to_confirm


def test_a_life_safety_topic_reads_the_words_of_its_section(tmp_path: Path) -> None:
    """On a life-safety rule the reader also reads the words of the topic's section outside the unit
    (a section's "not ours" or "voted down" is often a sentence carrying none of the topic's ideas);
    on other rules it does not (checks.reader.surround)."""
    reader = SecondReader.from_weights({"bias": 0.0, "S:binder": -50.0}, LIMITS)
    aside = "\nKept in the binder since spring.\n"
    assert _check(SMOKING, SMOKE, tmp_path, reader).status == "met"
    doubted = _check(SMOKING, SMOKE + aside, tmp_path, reader)
    assert "the second reader doubts that it states it" in doubted.reason, doubted.reason
    assert _check(CHORES, ROTATING + aside, tmp_path, reader).status == "met"  # not a life-safety rule
    elsewhere = SMOKE + "\n# Records\n\nKept in the binder since spring.\n"  # another section: not read
    assert _check(SMOKING, elsewhere, tmp_path, reader).status == "met"


def test_a_life_safety_topic_reads_its_section_for_a_sentence_that_takes_it_back(tmp_path: Path) -> None:
    """The classifier of disclaimers scores the section's other sentences; the highest score's band is a feature
    of the reader's own (checks.reader.disclaimers). A short label is not read, nor another section's sentence;
    and never on a rule that is not life-safety."""
    # a classifier that knows one word, and a reader that weighs its highest band against the topic
    reader = SecondReader.from_weights(
        {"bias": 0.0, "D:hi": -50.0}, LIMITS, disclaimer={"bias": -10.0, "w:" + stem("trial"): 100.0}
    )
    area = "designated area or smoke-free property"
    aside = "\nAll of these came out of a trial we ran at the old place.\n"
    assert area not in _check(SMOKING, SMOKE, tmp_path, reader).missing
    doubted = _check(SMOKING, SMOKE + aside, tmp_path, reader)
    assert area in doubted.missing, doubted.reason
    assert "the second reader doubts that it states it" in doubted.reason, doubted.reason
    assert "another sentence of its section reads as taking it back" in doubted.reason, doubted.reason
    short = "\nA trial.\n"  # a label, fewer than DISCLAIMER_WORDS words: the recogniser's to read
    assert area not in _check(SMOKING, SMOKE + short, tmp_path, reader).missing
    elsewhere = SMOKE + "\n# Records\n\nAll of these came out of a trial we ran at the old place.\n"
    assert area not in _check(SMOKING, elsewhere, tmp_path, reader).missing
    chores = ROTATING + "\nAll of these came out of a trial we ran at the old place.\n"  # not a life-safety rule
    assert _check(CHORES, chores, tmp_path, reader).status == "met"


def test_a_life_safety_topic_reads_the_sentence_that_met_it_for_taking_it_back(tmp_path: Path) -> None:
    """The classifier of disclaimers also scores the sentence that met the topic ("Per the hospital's policy, not
    the house's: ..."), its band a feature of its own (checks.reader.SELF), weighed apart from the section's; the
    reason does not say another sentence takes it back, for none does. Never on a rule that is not life-safety."""
    reader = SecondReader.from_weights(
        {"bias": 0.0, "D:self-hi": -50.0}, LIMITS, disclaimer={"bias": -10.0, "w:" + stem("hospital"): 100.0}
    )
    area = "designated area or smoke-free property"
    assert area not in _check(SMOKING, SMOKE, tmp_path, reader).missing
    theirs = SMOKE.replace("The only place", "At the hospital, the only place")
    doubted = _check(SMOKING, theirs, tmp_path, reader)
    assert area in doubted.missing, doubted.reason
    assert "the second reader doubts that it states it" in doubted.reason, doubted.reason
    assert "another sentence of its section" not in doubted.reason, doubted.reason
    beside = SMOKE + "\nAll of these came out of the hospital we ran at the old place.\n"  # another sentence's band
    assert area not in _check(SMOKING, beside, tmp_path, reader).missing  # D:hi weighs nothing in this reader
    chores = ROTATING.replace("Chores rotate", "At the hospital, chores rotate")  # not a life-safety rule
    assert _check(CHORES, chores, tmp_path, reader).status == "met"


def test_an_unsure_life_safety_reading_beside_a_disclaimer_is_not_met(tmp_path: Path) -> None:
    """On a life-safety rule, a reading the second reader is unsure of is met for the reviewer to confirm,
    unless another sentence of its section says something there is not so (the house has none of it, no
    paper for it, it is only supposed, or the section is not in effect): two weak signals together take
    the rule back. Not on other rules, and not without the reader's doubt."""
    area = "designated area or smoke-free property"
    # 0.4: between the life-safety doubt (0.2) and confirm (0.6) limits
    reader = _hand(wooden=-0.405 / _weight_of_one(SMOKING, SMOKE, tmp_path, "wooden"))
    plain = _check(SMOKING, SMOKE, tmp_path, reader)
    assert area not in plain.missing and area in plain.to_confirm, plain.reason
    beside = SMOKE + "There is no extinguisher log in this house.\n"  # an absence of something else
    assert area not in _check(SMOKING, beside, tmp_path, None).missing  # the recogniser alone still meets it
    taken = _check(SMOKING, beside, tmp_path, reader)
    assert area in taken.missing, taken.reason
    assert (
        "uses its words, but the second reader is unsure that it states it, and its section says the house has no "
        "paper for it"
    ) in taken.reason  # the reason says why; the sentence is not quoted (a document may name people)
    elsewhere = SMOKE + "\n# Fire safety\n\nThere is no extinguisher log in this house.\n"  # another section
    assert area in _check(SMOKING, elsewhere, tmp_path, reader).to_confirm


def _weight_of_one(which: tuple[str, str], text: str, tmp_path: Path, stem: str) -> float:
    """The value of the feature B:stem in the unit that met the smoking-area topic (1/sqrt(n + 1))."""
    path = tmp_path / "weights.md"
    path.write_text(text, encoding="utf-8")
    content = extract(path)
    analysis = analyse(content)
    check = document_check(BOOK, *which)
    topic = next(t for t in check.topics if t.name == "designated area or smoke-free property")
    spec = topic_spec(topic, BOOK.concepts)
    finding = find_in(spec, content, BOOK.concepts)
    assert finding.found and finding.sentence is not None
    rule = BOOK.rule(which[0])
    assert rule is not None
    every_idea = [idea for t in check.topics for idea in topic_spec(t, BOOK.concepts).ideas]
    names = [t.name for t in check.topics]
    question = asked(which[0], rule.title, which[1], topic.name, spec.labels, names, every_idea, spec.ideas)
    found = features(question, analysis, unit_of(spec, analysis, BOOK.concepts, finding.sentence))
    return found[f"B:{stem}"]


def test_a_sentence_stating_several_topics_is_not_read_against_one_for_the_others_phrasings(tmp_path: Path) -> None:
    """ "Residents refrain from using or possessing alcohol or any mind-altering chemical": read for the
    alcohol topic, the drugs it names in a phrasing of the drugs topic ("mind-altering chemical") are not
    held against it, in the sentence or in its unit; nor, in the sentence, is the word of its own idea's
    phrasing in a frame ("refrain from"), which its unit still reads."""
    which = ("2.F.16.a", "Alcohol- and drug-free policy (policy and procedure manual)")
    path = tmp_path / "policy.md"
    path.write_text(
        "# Substances\n\nResidents refrain from using or possessing alcohol or any mind-altering chemical.\n",
        encoding="utf-8",
    )
    content = extract(path)
    analysis = analyse(content)
    check = document_check(BOOK, *which)
    rule = BOOK.rule(which[0])
    assert rule is not None
    ideas = [idea for t in check.topics for idea in topic_spec(t, BOOK.concepts).ideas]
    topic = next(t for t in check.topics if t.name == "alcohol")
    spec = topic_spec(topic, BOOK.concepts)
    finding = find_in(spec, content, BOOK.concepts)
    assert finding.found and finding.sentence is not None
    unit = unit_of(spec, analysis, BOOK.concepts, finding.sentence)
    names = [t.name for t in check.topics]
    question = asked(which[0], rule.title, which[1], topic.name, spec.labels, names, ideas, spec.ideas)
    read = features(question, analysis, unit)
    unread = features(asked(which[0], rule.title, which[1], topic.name, spec.labels, names), analysis, unit)
    assert "B:mind" in unread and "B:alter" in unread  # without the phrasings, the drugs' words are read
    assert "B:mind" not in read and "B:alter" not in read
    assert "B:refrain" not in read and "B:refrain" in unread and "CL:forbidden:refrain" in read
    assert not [name for name in read if name.startswith("CL:") and name.endswith((":mind", ":alter", ":chemic"))]
    assert [name for name in unread if name.startswith("CL:") and name.endswith(":mind")]


# The shipped model.


def test_the_shipped_model_is_trained_on_the_corpus_as_it_stands() -> None:
    """Editing the tuned corpus without retraining would ship a reader of an older corpus."""
    digest = hashlib.sha256()
    for path in sorted((CORPUS / "tuned").glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    trained_on = second_reader().data["trained_on"]
    assert trained_on["corpus"] == digest.hexdigest(), "retrain it: python scripts/train-second-reader.py"
    assert sorted(trained_on["voices"]) == sorted(p.stem for p in (CORPUS / "tuned").glob("*.yaml"))


def test_the_shipped_reader_scores_as_its_regression_was_trained(tmp_path: Path) -> None:
    """read() sums the model's groups without naming features; it must equal the trained regression."""
    reader = second_reader()
    weights = reader.weights()
    compared = banded = self_banded = 0
    for n, passage in enumerate(passages("tuned")):
        if n % 97:
            continue
        path = tmp_path / f"passage-{n}.md"
        path.write_text(passage.text, encoding="utf-8")
        analysis = analyse(extract(path))
        check = document_check(BOOK, passage.rule, passage.document)
        rule = BOOK.rule(passage.rule)
        assert rule is not None
        ideas = [idea for t in check.topics for idea in topic_spec(t, BOOK.concepts).ideas]
        for topic in check.topics:
            spec = topic_spec(topic, BOOK.concepts)
            names = [t.name for t in check.topics]
            life = bool(rule.life_safety)
            question = asked(
                passage.rule, rule.title, passage.document, topic.name, spec.labels, names, ideas, spec.ideas, life
            )
            for unit in units(spec, analysis, BOOK.concepts):
                found = features(question, analysis, unit)
                if life:  # and the bands of the section's likeliest disclaimer and of the sentence that met it,
                    # read by the shipped classifier
                    classifier = reader.disclaimer_weights()
                    band = disclaimer_band(disclaimed(classifier, analysis, unit, question))
                    own = disclaimer_features(analysis, unit.best, disclaimer_words(question))
                    mine = self_band(probability(classifier, own))
                    found |= {name: 1.0 for name in (band, mine) if name}
                    banded += band is not None
                    self_banded += mine is not None
                expected = probability(weights, found)
                assert reader.read(question, analysis, unit).score == pytest.approx(expected, abs=1e-6)
                compared += 1
    assert compared > 50 and banded > 0 and self_banded > 0


def test_the_classifier_of_disclaimers_reads_as_it_was_written() -> None:
    """The model keeps the classifier's words and word pairs apart; read back, it is the flat table it was trained
    as, name for name (a name it does not know weighs nothing)."""
    trained = {"bias": -1.5, "w:" + stem("draft"): 2.25, "p:" + stem("voted") + " " + stem("down"): 3.0}
    reader = SecondReader.from_weights({"bias": 0.0}, LIMITS, disclaimer=trained)
    read = reader.disclaimer_weights()
    assert dict(read) == trained and len(read) == 3
    assert read.get("w:" + stem("policy"), 0.0) == 0.0 and read.get("x:draft") is None
    assert probability(read, {"bias": 1.0, "w:" + stem("draft"): 1.0}) == pytest.approx(
        probability(trained, {"bias": 1.0, "w:" + stem("draft"): 1.0})
    )


def test_its_thresholds_are_ordered() -> None:
    t = second_reader().thresholds
    assert 0 < t.doubt <= t.confirm < t.rescue < 1
    assert 0 < t.doubt_life_safety <= t.confirm_life_safety < 1


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"not a model at all", "damaged"),
        (model_bytes({"format": 2})[:-5], "damaged"),  # cut short
        (pickle.dumps(date(2026, 1, 1)), "damaged"),  # names a class: a model holds data only
        (pickle.dumps(print), "damaged"),  # names a function
        (pickle.dumps([1, 2]), "not one this narr-audit reads"),
        (model_bytes({"format": 99}), "not one this narr-audit reads"),
    ],
)
def test_a_damaged_model_is_a_clear_error_naming_the_file(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "second-reader.pickle"
    path.write_bytes(content)
    path.with_name(THRESHOLDS).write_text(json.dumps(LIMITS.as_data()), encoding="utf-8")
    reader = load_model(path)  # the file is read, not yet parsed: a cached run never parses it
    assert reader.thresholds == LIMITS
    with pytest.raises(NarrError) as raised:
        reader.weights()  # asking for the weights parses the model
    message = raised.value.render()
    assert str(path) in message and says in message and "reinstall narr-audit" in message


@pytest.mark.parametrize(
    "thresholds", ["{", json.dumps({"doubt": 0.1}), json.dumps({**LIMITS.as_data(), "rescue": "high"})]
)
def test_damaged_thresholds_are_a_clear_error_naming_the_file(tmp_path: Path, thresholds: str) -> None:
    path = tmp_path / "second-reader.pickle"
    path.write_bytes((ROOT / "standards" / MODEL).read_bytes())
    path.with_name(THRESHOLDS).write_text(thresholds, encoding="utf-8")
    with pytest.raises(NarrError) as raised:
        load_model(path)
    message = raised.value.render()
    assert str(path.with_name(THRESHOLDS)) in message and "thresholds are not readable" in message


def test_the_shipped_model_is_written_as_model_bytes_writes_it() -> None:
    """The file is what the trainer writes (the same data gives the same bytes), each word written
    once: a model written without sharing its words was a fifth larger and half again as slow to read."""
    from narr_audit.standards.reader import parse_model

    raw = (ROOT / "standards" / MODEL).read_bytes()
    data = parse_model(raw)
    assert model_bytes(data) == raw

    def apart(value: object) -> object:  # the same data, each word a string of its own
        if isinstance(value, dict):
            return {str(k).encode().decode(): apart(v) for k, v in value.items()}
        if isinstance(value, list):
            return [apart(v) for v in value]
        return value.encode().decode() if isinstance(value, str) else value

    assert len(raw) < 0.9 * len(pickle.dumps(apart(data), protocol=4))


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NarrError) as raised:
        load_model(tmp_path / "absent.pickle")
    assert "the second reader's model cannot be read" in raised.value.render()


def test_a_run_whose_readings_are_cached_never_parses_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm run reads the thresholds and the readings kept with each document, not the weights."""
    from narr_audit.api import audit

    folder = ROOT / "examples" / "level-2-monitored"
    first = audit(folder, today=date(2026, 11, 1), cache=tmp_path / "cache")
    parsed: list[int] = []
    original = SecondReader.data

    def counted(self: SecondReader) -> object:
        parsed.append(1)
        return original.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(SecondReader, "data", property(counted))
    second_reader.cache_clear()
    again = audit(folder, today=date(2026, 11, 1), cache=tmp_path / "cache")
    assert not parsed
    assert [(r.id, r.status, r.reason) for r in again.results] == [(r.id, r.status, r.reason) for r in first.results]


def test_the_model_file_is_where_the_package_finds_it() -> None:
    assert (ROOT / "standards" / MODEL).is_file()


# Training.


def _training() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_second_reader", ROOT / "scripts" / "train-second-reader.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_second_reader"] = module
    spec.loader.exec_module(module)
    return module


def test_training_is_deterministic_and_its_model_reads_back() -> None:
    training = _training()
    instances = [
        ({"bias": 1.0, "B:later": 0.7, "CL:x:lock": 0.5}, 0, "a"),
        ({"bias": 1.0, "B:lock": 0.7, "CL:x:lock": 0.5}, 1, "b"),
        ({"bias": 1.0, "B:lock": 0.7, "CL:x:key": 0.5}, 1, "c"),
        ({"bias": 1.0, "B:not": 0.7, "CL:x:key": 0.5}, 0, "d"),
    ] * 10
    first, second = training.fit(instances), training.fit(instances)
    assert first == second
    weights = training.shrink(first)
    assert weights["B:later"] < 0 < weights["B:lock"]
    data = to_data(weights, {"corpus": "test"})
    again = SecondReader(lambda: json.loads(json.dumps(data)), LIMITS, "stamp")
    assert again.weights() == weights
    assert again.thresholds == LIMITS


def test_the_report_lists_the_topics_for_the_reviewer_to_confirm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A certifying body filters on them: each check's `to_confirm` in the JSON report."""
    import narr_audit.engine
    from narr_audit.api import audit
    from narr_audit.formats.report import RenderOptions, render
    from tests.folders import make_folder

    folder = make_folder(
        tmp_path / "house",
        files={"chores.md": MISSED},
        evidence=[{"file": "chores.md", "rules": ["3.I.27.c"]}],
    )
    monkeypatch.setattr(narr_audit.engine, "second_reader", lambda: _hand(fridg=20.0))
    report = audit(folder, today=date(2026, 11, 1))
    data = json.loads(render(report, "json", RenderOptions()))
    (rule,) = [r for r in data["results"] if r["id"] == "3.I.27.c"]
    (document,) = [c for c in rule["checks"] if c["kind"] == "document"]
    assert document["status"] == "met" and document["to_confirm"] == ["assignment or rotation"]
    assert all(c["to_confirm"] == [] for r in data["results"] for c in r["checks"] if r["id"] != "3.I.27.c")


@pytest.mark.parametrize(
    ("text", "weights"),
    [
        (ROTATING, {"manag": -20.0}),
        (ROTATING, {"manag": -4.0}),
        (MISSED, {"fridg": 20.0}),
        (
            ROTATING + "\nEveryone does a household chore, and the list is on the fridge.\n",
            {"manag": -20.0, "fridg": 20.0},
        ),
    ],
)
def test_map_reads_a_text_as_check_does(tmp_path: Path, text: str, weights: dict[str, float]) -> None:
    """`map` suggests a rule by the topics `check` would find met, doubts and flags alike, but not the
    second reader's rescues (a rescued topic is one for the reviewer to confirm; on the examples, counting
    them made `map` suggest more wrong rules than right ones)."""
    from narr_audit.checks.document import meeting

    reader = _hand(**weights)
    outcome, content = judged(BOOK, *CHORES, text, tmp_path / "policy.md", reader)
    # the same reader that never rescues: what `check` meets without its rescues is what `map` counts
    no_rescue = SecondReader.from_weights(
        {"bias": 0.0, **{f"B:{s}": w for s, w in weights.items()}}, dataclasses.replace(LIMITS, rescue=1.01)
    )
    unrescued, _ = judged(BOOK, *CHORES, text, tmp_path / "policy.md", no_rescue)
    rule = BOOK.rule(CHORES[0])
    assert rule is not None
    rescued = 0
    for topic in document_check(BOOK, *CHORES).topics:
        spec = topic_spec(topic, BOOK.concepts)
        names = [t.name for t in document_check(BOOK, *CHORES).topics]
        question = asked(rule.id, rule.title, CHORES[1], topic.name, spec.labels, names)
        mapped = meeting(spec, content, BOOK.concepts, reader, question, rule.life_safety)[0] is not None
        rescued += topic.name in unrescued.missing and topic.name not in outcome.missing
        assert mapped == (topic.name not in unrescued.missing), topic.name
    assert rescued or text != MISSED  # the case that rescues a topic does: map leaves it out


def test_a_name_in_mid_sentence_does_not_weigh(tmp_path: Path) -> None:
    """A house's or a town's name is not read: the corpus's houses are invented, and a name the reader
    learned ("Harbor", from a twin about another house) must not weigh against a binder's plain rule
    that happens to name its house so. The same word, not a name, still weighs."""
    named = "# Smoking\n\nSmoking is allowed only at the bench by the back fence of Harbor House.\n"
    plain = "# Smoking\n\nSmoking is allowed only at the bench by the back fence of the harbor house.\n"
    against = _hand(harbor=-20.0)
    assert _check(SMOKING, named, tmp_path, against).missing == ()
    assert _check(SMOKING, plain, tmp_path, against).missing != ()


def test_the_disclaimer_classifier_reads_whose_rule_a_sentence_states(tmp_path: Path) -> None:
    """A sentence that gives the rule to someone else or to the past often says so only in a pronoun or a tense
    ("Their results go into their own log", "The rule there was ..."): the classifier of disclaimers reads those
    words (checks.reader.WHOSE), which the reader leaves out as words of style, and the shipped model was trained
    reading them. Fails if the reading and the model part ways (a word the model weighs that is never read)."""
    from narr_audit.checks.reader import WHOSE

    path = tmp_path / "notes.md"
    path.write_text("Their results went into their own log, and the rule there was never ours.\n", encoding="utf-8")
    analysis = analyse(extract(path))
    read = disclaimer_features(analysis, 0, frozenset())
    said = {"w:" + stem(w) for w in ("their", "there", "was")}
    assert said <= set(read)
    assert not {"w:" + stem(w) for w in ("the", "and")} & set(read)  # articles and prepositions stay out
    weights = second_reader().disclaimer_weights()
    assert all(weights.get(name) for name in said), {name: weights.get(name) for name in said}
    weighed = {name[2:] for name in weights if name.startswith("w:")}
    assert weighed & WHOSE  # trained reading them
