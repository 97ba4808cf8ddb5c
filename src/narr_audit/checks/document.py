"""document: a written policy, handbook or record exists for the rule and covers its topics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import field_validator

from narr_audit.base.statuses import Status
from narr_audit.checks.elsewhere import FOUND_ELSEWHERE, Subject, about, map_note, sections, subject_of
from narr_audit.checks.expiry import current_only
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Topic
from narr_audit.checks.reader import Asked, Reading, SecondReader, asked, doubt_of, rescue_of
from narr_audit.checks.recognise import EMPTY, Finding, TopicSpec, Vocabulary, analyse, find, find_in
from narr_audit.evidence.pointers import section_text

if TYPE_CHECKING:
    from narr_audit.evidence.content import Extracted
    from narr_audit.evidence.model import Document

SUMMARY = (
    "An evidence document mapped to the rule (policy, handbook, agreement, plan) exists and its text "
    "covers every listed topic; a topic is met by one sentence (read with its heading) that carries "
    "all the topic's ideas, and, where the topic asks for it, states an amount, a time or a role. "
    "A topic the mapped documents lack may be found in another file of the binder, but only in a file "
    "or section about the rule's subject; the report marks it as found in a file not mapped to the rule. "
    "A second reader, trained on labelled policy text, reads the section again: a topic it doubts is "
    "not met (the report names the section and the words that weighed against it), and a topic the "
    "first reading missed that it reads as plainly covered is met for the reviewer to confirm (never "
    "on a life-safety rule)."
)
TEXT_KINDS = ("pdf", "docx", "markdown", "text", "html")


class DocumentCheck(CheckBase):
    kind: Literal["document"] = "document"
    topics: list[Topic] = []

    @field_validator("topics")
    @classmethod
    def _unique_topic_names(cls, value: list[Topic]) -> list[Topic]:
        names = [t.name.lower() for t in value]
        if len(set(names)) != len(names):
            raise ValueError("two topics have the same name")
        return value


def evaluate(check: DocumentCheck, ctx: Context) -> Outcome:
    """Topics are looked for across every readable document mapped to the rule, in path order; a
    topic they lack, then in the binder's other files (see checks.elsewhere).

    A topic is met by one sentence carrying all its ideas (see checks.recognise); a topic not met
    names the place that came closest and what it lacked, so a reviewer can judge it in seconds. A
    topic found in another file counts only from a file or section about the rule's subject, and
    the reason says how to map that file.
    """
    documents = [d for d in ctx.documents if d.kind in TEXT_KINDS or _posted(d)]
    readable = [d for d in documents if d.content is not None]
    if not readable:
        if not documents:
            unmapped = f"no document is mapped to {ctx.rule_id}"
            return _from_elsewhere(check, ctx, unmapped) or Outcome(Status.not_met, unmapped, missing=(check.label,))
        broken = documents[0]
        why = broken.unreadable.reason if broken.unreadable else "it could not be read"
        unread = f"{broken.path} could not be read: {why}"
        return _from_elsewhere(check, ctx, unread) or Outcome(
            Status.error, unread, tuple(EvidenceRef(d.path) for d in documents), (check.label,)
        )
    if not check.topics:
        return Outcome(Status.met, f"{readable[0].path} is mapped to {ctx.rule_id}", (EvidenceRef(readable[0].path),))
    vocabulary = ctx.vocabulary or EMPTY
    used: list[EvidenceRef] = []
    missing: list[str] = []
    notes: list[str] = []
    pointed: list[str] = []
    rescued: list[str] = []
    unsure_of: list[str] = []
    to_confirm: list[str] = []  # topics met that the reviewer should confirm (see checks.reader)
    elsewhere = _Elsewhere(check, ctx, vocabulary)
    topic_names = [t.name for t in check.topics]
    every_idea = (  # what the second reader leaves unread where a sentence states several topics (see Asked)
        [idea for t in check.topics for idea in topic_spec(t, vocabulary, ongoing=ctx.life_safety).ideas]
        if ctx.reader
        else []
    )
    for topic in check.topics:
        spec = topic_spec(topic, vocabulary, ongoing=ctx.life_safety)
        question = (
            asked(
                ctx.rule_id,
                ctx.rule_title,
                check.label,
                topic.name,
                spec.labels,
                topic_names,
                every_idea,
                spec.ideas,
                life_safety=ctx.life_safety,
            )
            if ctx.reader
            else None
        )
        found, closest, unsure = _find(spec, readable, vocabulary, ctx.reader, question, ctx.life_safety)
        # not met, or the reader unsure of it: a section the operator pointed at is what the reviewer confirms
        pointer = _pointed(topic.name, ctx.rule_id, readable) if found is None or unsure is not None else None
        if pointer is not None:
            found = pointer
            to_confirm.append(topic.name)  # the operator's claim: in the reviewer's queue with the reader's flags
            pointed.append(f"{topic.name} (under '{found.where}' in {found.file})")
        elif found is not None and unsure is not None:
            to_confirm.append(topic.name)
            unsure_of.append(f"{topic.name} ({_place(found.file, found.where)}{_words(unsure.against, 'against it')})")
        if found is None and ctx.reader is not None and question is not None and not ctx.life_safety:
            rescue = _rescued(spec, readable, vocabulary, ctx.reader, question)
            if rescue is not None:
                found, reading = rescue
                to_confirm.append(topic.name)
                rescued.append(f"{topic.name} ({_place(found.file, found.where)}{_words(reading.for_it, 'for it')})")
        if found is None:
            found = elsewhere.find(topic.name, spec)
        if found is not None:
            if found not in used:
                used.append(found)
            continue
        missing.append(topic.name)
        notes.append(_closest_note(topic.name, closest))
    names = ", ".join(d.path for d in readable)
    by_operator = f"; pointed by the operator, for the reviewer to confirm: {'; '.join(pointed)}" if pointed else ""
    if unsure_of:
        by_operator += f"; the second reader is unsure of these, for the reviewer to confirm: {'; '.join(unsure_of)}"
    if rescued:
        by_operator += f"; read as covered by the second reader, for the reviewer to confirm: {'; '.join(rescued)}"
    found_elsewhere = elsewhere.note()
    if not missing:
        covered = len(check.topics) - len(elsewhere.found)
        if not elsewhere.found:
            return Outcome(
                Status.met, f"{names} covers every topic ({covered}){by_operator}", tuple(used), (), tuple(to_confirm)
            )
        return Outcome(
            Status.met,
            f"{names} covers {covered} of {len(check.topics)} topics{by_operator}; {found_elsewhere}",
            tuple(used),
            (),
            tuple(to_confirm),
        )
    if len(missing) == len(check.topics):
        return Outcome(
            Status.not_met,
            f"{names} does not cover what the rule asks: {'; '.join(notes)}{_pointer_hint(ctx.rule_id)}",
            tuple(EvidenceRef(d.path) for d in readable),
            tuple(missing),
        )
    return Outcome(
        Status.partial,
        f"{names} covers {len(check.topics) - len(missing) - len(elsewhere.found)} of {len(check.topics)} topics; "
        + "missing: "
        + "; ".join(notes)
        + _pointer_hint(ctx.rule_id)
        + by_operator
        + (f"; {found_elsewhere}" if found_elsewhere else ""),
        tuple(used),
        tuple(missing),
        tuple(to_confirm),
    )


class _Elsewhere:
    """A check's search of the binder's other files, topic by topic; what it found, for the reason."""

    def __init__(self, check: DocumentCheck, ctx: Context, vocabulary: Vocabulary) -> None:
        self.check, self.ctx, self.vocabulary = check, ctx, vocabulary
        self.found: list[tuple[str, EvidenceRef]] = []  # topic name -> where
        self.documents: list[Document] = []
        self._candidates: list[Document] | None = None
        self._subject: Subject | None = None

    @property
    def subject(self) -> Subject:
        if self._subject is None:
            self._subject = subject_of(self.ctx.rule_title, self.check.label)
        return self._subject

    def candidates(self) -> list[Document]:
        """The other files about the rule's subject that can be read and have not expired."""
        if self._candidates is None:
            on = self.ctx.assessed_on
            self._candidates = [
                d
                for d in about(self.ctx.elsewhere, self.subject)
                if (d.kind in TEXT_KINDS or _posted(d))
                and d.content is not None
                and (d.expires is None or d.expires >= on)
            ]
        return self._candidates

    def find(self, name: str, spec: TopicSpec) -> EvidenceRef | None:
        """Where another file meets the topic in a section about the subject (the first, in path order)."""
        if not self.ctx.elsewhere:
            return None
        for document in self.candidates():
            ref = _in_sections(spec, document, self.subject, self.vocabulary)
            if ref is not None:
                self.found.append((name, ref))
                if all(d is not document for d in self.documents):  # by identity: comparing reads the text
                    self.documents.append(document)
                return ref
        return None

    def note(self) -> str:
        """'found in a file not mapped to this rule: topic (place in file); to map file to rule, add ...'."""
        if not self.found:
            return ""
        by_place: dict[EvidenceRef, list[str]] = {}
        for name, ref in self.found:
            by_place.setdefault(ref, []).append(name)
        places = "; ".join(
            f"{'; '.join(names)}, in {ref.file}{f' ({ref.where})' if ref.where else ''}"
            for ref, names in by_place.items()
        )
        return f"{FOUND_ELSEWHERE}: {places}; {map_note(self.ctx.rule_id, self.documents)}"


def _in_sections(spec: TopicSpec, document: Document, subject: Subject, vocabulary: Vocabulary) -> EvidenceRef | None:
    """Where ``document`` meets the topic within its sections about the subject; None when it does not."""
    assert document.content is not None
    whole = find_in(spec, document.content, vocabulary)
    if not whole.found:
        return None  # not anywhere in the file, so not in a section of it
    about_it = sections(subject, document)
    if about_it is None:
        return EvidenceRef(document.path, whole.where, unmapped=True)
    if whole.sentence is not None and whole.sentence in about_it:
        return EvidenceRef(document.path, about_it.place(whole.sentence, whole.where), unmapped=True)
    if not about_it.under:
        return None
    finding = find(spec, analyse(document.content), vocabulary, among=about_it)
    if not finding.found or finding.sentence is None:
        return None
    return EvidenceRef(document.path, about_it.place(finding.sentence, finding.where), unmapped=True)


def _from_elsewhere(check: DocumentCheck, ctx: Context, mapped: str) -> Outcome | None:
    """A check whose rule has no readable document of its own, met (or partly) from the binder's other
    files; None when they hold nothing about the subject that meets it."""
    if not ctx.elsewhere:
        return None
    vocabulary = ctx.vocabulary or EMPTY
    search = _Elsewhere(check, ctx, vocabulary)
    if not check.topics:
        for document in search.candidates():
            about_it = sections(search.subject, document)
            if about_it is None or about_it.under:
                where = None if about_it is None else next(iter(about_it.under.values()))
                ref = EvidenceRef(document.path, where, unmapped=True)
                note = f"{FOUND_ELSEWHERE}: {check.label}, in {document.path}{f' ({where})' if where else ''}"
                return Outcome(Status.met, f"{mapped}; {note}; {map_note(ctx.rule_id, [document])}", (ref,))
        return None
    missing = [
        t.name for t in check.topics if search.find(t.name, topic_spec(t, vocabulary, ongoing=ctx.life_safety)) is None
    ]
    if not search.found:
        return None
    refs = tuple(dict.fromkeys(ref for _, ref in search.found))
    if not missing:
        return Outcome(Status.met, f"{mapped}; {search.note()}", refs)
    return Outcome(
        Status.partial,
        f"{mapped}; {search.note()}; missing: {'; '.join(missing)}",
        refs,
        tuple(missing),
    )


Closest = tuple[str, Finding, Reading | None]  # a document, the place that came closest, the doubt if doubted


def _find(
    spec: TopicSpec,
    documents: list[Document],
    vocabulary: Vocabulary,
    reader: SecondReader | None = None,
    question: Asked | None = None,
    life_safety: bool = False,
) -> tuple[EvidenceRef | None, Closest | None, Reading | None]:
    """Where the topic is met (the first document, in path order, that meets it and that the second
    reader does not doubt), else the closest miss: the first doubted place, or the nearest miss; and
    when the reader is unsure of the place that met it, its reading (for the reviewer to confirm)."""
    closest: Closest | None = None
    doubted: Closest | None = None
    for document in documents:
        if document.content is None:
            continue
        finding, reading = _read_in(spec, document.content, vocabulary, reader, question, life_safety)
        if finding.found:
            return EvidenceRef(document.path, finding.where), None, reading
        if reading is not None:
            doubted = doubted or (document.path, finding, reading)
        elif finding.sentence is not None and (closest is None or _nearer(finding, closest[1])):
            closest = (document.path, finding, None)
    return None, doubted or closest, None


MAX_DOUBTS = 5  # sentences meeting a topic that the second reader may doubt in one document


def _read_in(
    spec: TopicSpec,
    content: Extracted,
    vocabulary: Vocabulary,
    reader: SecondReader | None,
    question: Asked | None,
    life_safety: bool,
) -> tuple[Finding, Reading | None]:
    """One text read by the recogniser, then again by the second reader: the finding met (with the
    reader's reading when it is unsure, for the reviewer to confirm); or not met, with the reading of
    the first place the reader doubted, if it doubted one. A doubted sentence does not end the search:
    the next sentence meeting the topic is read (up to MAX_DOUBTS in a text)."""
    finding = find_in(spec, content, vocabulary)
    if not finding.found or reader is None or question is None or finding.sentence is None:
        return finding, None
    doubt, confirm = reader.thresholds.limits(life_safety)
    first: tuple[Finding, Reading] | None = None
    passed: set[int] = set()
    while finding.found and finding.sentence is not None and len(passed) < MAX_DOUBTS:
        reading = doubt_of(reader, question, spec, content, vocabulary, finding.sentence)
        # on a life-safety rule, unsure beside a sentence saying something there is not so: not met
        if (reading.score >= doubt or reading.plain) and reading.beside is None:
            return finding, (reading if reading.score < confirm else None)
        first = first or (finding, reading)
        passed.add(finding.sentence)
        finding = find_in(spec, content, vocabulary, excluding=frozenset(passed))
    assert first is not None
    return replace(first[0], found=False), first[1]


def meeting(
    spec: TopicSpec,
    content: Extracted,
    vocabulary: Vocabulary,
    reader: SecondReader | None = None,
    question: Asked | None = None,
    life_safety: bool = False,
) -> tuple[str | None, Reading | None]:
    """Where one text meets the topic as the check reads a document (the recogniser, then the second
    reader's doubt), for `map`'s suggestions: the place (heading or page, "the text" without one), or
    None; and when the topic is not met because the second reader doubted the place the recogniser
    found, that reading (its ``where`` the place): `map` tells such a topic apart from one the text
    never states. Not the second reader's rescue: a rescued topic is one for the reviewer to confirm,
    and `map` suggests rules from a file alone; counted, rescues made more wrong suggestions than right
    ones (the examples, `benchmarks/bench_map.py`: without them 143 of 176 files with a right rule and
    242 of 363 suggestions right; with them, at the rescue threshold 0.76, 139 and 226 of 411; at 0.85,
    139 and 232 of 395)."""
    finding, reading = _read_in(spec, content, vocabulary, reader, question, life_safety)
    if finding.found:
        return finding.where or "the text", None
    return None, None if reading is None else replace(reading, where=reading.where or finding.where or "the text")


def _rescued(
    spec: TopicSpec, documents: list[Document], vocabulary: Vocabulary, reader: SecondReader, question: Asked
) -> tuple[EvidenceRef, Reading] | None:
    """The section the second reader reads as plainly covering a topic the recogniser missed: the
    highest-scored over the documents, above the rescue threshold (the first document on ties)."""
    best: tuple[EvidenceRef, Reading] | None = None
    for document in documents:
        if document.content is None:
            continue
        reading = rescue_of(reader, question, spec, document.content, vocabulary)
        if (
            reading is not None
            and reading.score > reader.thresholds.rescue
            and (best is None or reading.score > best[1].score)
        ):
            best = (EvidenceRef(document.path, reading.where), reading)
    return best


def _place(path: str, where: str | None) -> str:
    return f"{path}, {where}" if where else path


def _words(words: tuple[str, ...], how: str) -> str:
    """ "; weighing on 'smoke', 'patio'", quoting the words the second reader weighed most."""
    return f"; weighing {how} {', '.join(repr(w) for w in words)}" if words else ""


def _pointed(topic: str, rule_id: str, documents: list[Document]) -> EvidenceRef | None:
    """The section the operator pointed at for this topic (or for the whole rule), when it has text.

    Pointers are checked when the folder is loaded; a heading that is missing there is an error, so
    here a pointer only counts when its section still reads as text.
    """
    for document in documents:
        heading = document.covers.get(topic) or document.covers.get(rule_id)
        if heading and document.content is not None and section_text(document.content, heading):
            return EvidenceRef(document.path, heading)
    return None


def _nearer(a: Finding, b: Finding) -> bool:
    return (a.deferred, -len(a.lacking)) > (b.deferred, -len(b.lacking))


def _closest_note(name: str, closest: Closest | None) -> str:
    if closest is None:
        return name
    path, finding, doubt = closest
    place = _place(path, finding.where)
    if doubt is not None and doubt.beside is not None:
        return (
            f"{name} (the closest, {place}, uses its words, but the second reader is unsure that it states it"
            f"{_words(doubt.against, 'against it')}, and its section says {doubt.beside})"
        )
    if doubt is not None:
        taken = "; another sentence of its section reads as taking it back" if doubt.taken_back else ""
        return (
            f"{name} (the closest, {place}, uses its words, but the second reader doubts that it states it"
            f"{_words(doubt.against, 'against it')}{taken})"
        )
    if finding.deferred:
        return f"{name} (the closest, {place}, leaves it to discretion instead of stating {finding.lacking[0]})"
    unsaid = [label for label in finding.lacking if label not in finding.denied]
    said = [f"does not say {' or '.join(unsaid)}"] if unsaid else []
    if finding.denied:  # its words are there, but not stated: "We do not keep extinguishers", "asked whether"
        said.append(f"names {' or '.join(finding.denied)} only in a denial, a question or another sense")
    return f"{name} (the closest, {place}, {', and '.join(said)})"


def _pointer_hint(rule_id: str) -> str:
    return (
        f" (if a section says it in other words, point to it on the document's evidence entry in "
        f"residence.yaml: covers: {{{rule_id}: Heading of that section}})"
    )


_SPECS: dict[tuple[int, int, bool], tuple[Topic, Vocabulary, TopicSpec]] = {}


class _RuleLike(Protocol):
    """What :func:`topic_specs` reads of a rule (standards.model.Rule, a layer above this one)."""

    @property
    def life_safety(self) -> bool: ...

    def checks(self) -> Iterable[CheckBase]: ...


def topic_specs(rules: Iterable[_RuleLike], vocabulary: Vocabulary) -> list[TopicSpec]:
    """Every document check's topics of ``rules``, compiled against the vocabulary (see topic_spec)."""
    return [
        topic_spec(topic, vocabulary, ongoing=rule.life_safety)
        for rule in rules
        for check in rule.checks()
        if isinstance(check, DocumentCheck)
        for topic in check.topics
    ]


def topic_spec(topic: Topic, vocabulary: Vocabulary, *, ongoing: bool = False) -> TopicSpec:
    """The topic's ideas compiled against the vocabulary (once per topic and vocabulary). ``ongoing``
    for a life-safety rule's topic: a practice kept up, which an event told in the past does not meet."""
    key = (id(topic), id(vocabulary), ongoing)
    cached = _SPECS.get(key)
    if cached is not None and cached[0] is topic and cached[1] is vocabulary:
        return cached[2]
    if topic.concepts:
        ideas = tuple(vocabulary.idea(c) for c in topic.concepts)
        labels = tuple(c.split("|")[0].strip().rstrip("*").replace("_", " ") for c in topic.concepts)
    else:
        ideas = (vocabulary.idea("|".join(topic.terms or []), legacy=True),)
        labels = (topic.name,)
    spec = TopicSpec(topic.name, ideas, labels, topic.substance, topic.binds, ongoing)
    _SPECS[key] = (topic, vocabulary, spec)
    return spec


def _posted(document: Document) -> bool:
    """A photo whose text OCR read (a posted notice) is read like a document; a photo of a room is not."""
    return document.kind == "image" and document.content is not None and bool(document.content.segments)


_BETTER = {Status.met: 0, Status.partial: 1}


def _with_photos(check: DocumentCheck, ctx: Context) -> Outcome:
    """The documents decide; a photo's text (read by OCR) is read only where they fall short, after
    them, and the outcome with it is taken only when it is better (or when only photos are mapped)."""
    photos = [d for d in ctx.documents if _posted(d)]
    if not photos:
        return evaluate(check, ctx)
    others = tuple(d for d in ctx.documents if not _posted(d))
    outcome = evaluate(check, replace(ctx, documents=others))
    if outcome.status == Status.met:
        return outcome
    with_photos = evaluate(check, replace(ctx, documents=(*others, *photos)))
    if not any(d.kind in TEXT_KINDS for d in others):
        return with_photos
    return with_photos if _BETTER.get(with_photos.status, 2) < _BETTER.get(outcome.status, 2) else outcome


def _reads(document: Document) -> bool:
    """The documents this kind reads, whose expiry sets them aside: all but logs."""
    return document.kind != "log"


def describe(check: DocumentCheck) -> str:
    """ "covers: a; b", marking the topics that are rules residents are held to (``binds``): a section
    written for staff, employees or visitors does not meet them, and `explain` says so."""
    if not check.topics:
        return "the document itself"
    if all(t.binds == "residents" for t in check.topics):
        return f"covers, as rules for residents: {'; '.join(t.name for t in check.topics)}"
    return "covers: " + "; ".join(f"{t.name} (for residents)" if t.binds else t.name for t in check.topics)


# Expired documents are never read (checks.expiry): an expired lease is not the owner's permission.
KIND = CheckKind("document", "Document", DocumentCheck, SUMMARY, current_only(_with_photos, _reads), describe)
