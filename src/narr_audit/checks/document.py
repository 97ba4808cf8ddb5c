"""document: a written policy, handbook or record exists for the rule and covers its topics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import field_validator

from narr_audit.base.statuses import Status
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Topic
from narr_audit.checks.recognise import EMPTY, Finding, TopicSpec, Vocabulary, find_in
from narr_audit.evidence.pointers import section_text

if TYPE_CHECKING:
    from narr_audit.evidence.model import Document

SUMMARY = (
    "An evidence document mapped to the rule (policy, handbook, agreement, plan) exists and its text "
    "covers every listed topic; a topic is met by one sentence (read with its heading) that carries "
    "all the topic's ideas, and, where the topic asks for it, states an amount, a time or a role."
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
    """Topics are looked for across every readable document mapped to the rule, in path order.

    A topic is met by one sentence carrying all its ideas (see checks.recognise); a topic not met
    names the place that came closest and what it lacked, so a reviewer can judge it in seconds.
    """
    documents = [d for d in ctx.documents if d.kind in TEXT_KINDS]
    if not documents:
        return Outcome(Status.not_met, f"no document is mapped to {ctx.rule_id}", missing=(check.label,))
    readable = [d for d in documents if d.content is not None]
    if not readable:
        broken = documents[0]
        why = broken.unreadable.reason if broken.unreadable else "it could not be read"
        return Outcome(
            Status.error,
            f"{broken.path} could not be read: {why}",
            tuple(EvidenceRef(d.path) for d in documents),
            (check.label,),
        )
    if not check.topics:
        return Outcome(Status.met, f"{readable[0].path} is mapped to {ctx.rule_id}", (EvidenceRef(readable[0].path),))
    vocabulary = ctx.vocabulary or EMPTY
    used: list[EvidenceRef] = []
    missing: list[str] = []
    notes: list[str] = []
    pointed: list[str] = []
    for topic in check.topics:
        spec = topic_spec(topic, vocabulary)
        found, closest = _find(spec, readable, vocabulary)
        if found is None:
            found = _pointed(topic.name, ctx.rule_id, readable)
            if found is not None:
                pointed.append(f"{topic.name} (under '{found.where}' in {found.file})")
        if found is not None:
            if found not in used:
                used.append(found)
            continue
        missing.append(topic.name)
        notes.append(_closest_note(topic.name, closest))
    names = ", ".join(d.path for d in readable)
    by_operator = f"; pointed by the operator, for the reviewer to confirm: {'; '.join(pointed)}" if pointed else ""
    if not missing:
        return Outcome(Status.met, f"{names} covers every topic ({len(check.topics)}){by_operator}", tuple(used))
    if len(missing) == len(check.topics):
        return Outcome(
            Status.not_met,
            f"{names} does not cover what the rule asks: {'; '.join(notes)}{_pointer_hint(ctx.rule_id)}",
            tuple(EvidenceRef(d.path) for d in readable),
            tuple(missing),
        )
    return Outcome(
        Status.partial,
        f"{names} covers {len(check.topics) - len(missing)} of {len(check.topics)} topics; missing: "
        + "; ".join(notes)
        + _pointer_hint(ctx.rule_id)
        + by_operator,
        tuple(used),
        tuple(missing),
    )


def _find(
    spec: TopicSpec, documents: list[Document], vocabulary: Vocabulary
) -> tuple[EvidenceRef | None, tuple[str, Finding] | None]:
    """Where the topic is met (the first document, in path order, that meets it), else the closest miss."""
    closest: tuple[str, Finding] | None = None
    for document in documents:
        if document.content is None:
            continue
        finding = find_in(spec, document.content, vocabulary)
        if finding.found:
            return EvidenceRef(document.path, finding.where), None
        if finding.sentence is not None and (closest is None or _nearer(finding, closest[1])):
            closest = (document.path, finding)
    return None, closest


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


def _closest_note(name: str, closest: tuple[str, Finding] | None) -> str:
    if closest is None:
        return name
    path, finding = closest
    place = f"{path}, {finding.where}" if finding.where else path
    if finding.deferred:
        return f"{name} (the closest, {place}, leaves it to discretion instead of stating {finding.lacking[0]})"
    return f"{name} (the closest, {place}, does not say {' or '.join(finding.lacking)})"


def _pointer_hint(rule_id: str) -> str:
    return (
        f" (if a section says it in other words, point to it on the document's evidence entry in "
        f"residence.yaml: covers: {{{rule_id}: Heading of that section}})"
    )


_SPECS: dict[tuple[int, int], tuple[Topic, Vocabulary, TopicSpec]] = {}


def topic_spec(topic: Topic, vocabulary: Vocabulary) -> TopicSpec:
    """The topic's ideas compiled against the vocabulary (once per topic and vocabulary)."""
    key = (id(topic), id(vocabulary))
    cached = _SPECS.get(key)
    if cached is not None and cached[0] is topic and cached[1] is vocabulary:
        return cached[2]
    if topic.concepts:
        ideas = tuple(vocabulary.idea(c) for c in topic.concepts)
        labels = tuple(c.split("|")[0].strip().rstrip("*").replace("_", " ") for c in topic.concepts)
    else:
        ideas = (vocabulary.idea("|".join(topic.terms or []), legacy=True),)
        labels = (topic.name,)
    spec = TopicSpec(topic.name, ideas, labels, topic.substance)
    _SPECS[key] = (topic, vocabulary, spec)
    return spec


def describe(check: DocumentCheck) -> str:
    topics = [t.name for t in check.topics]
    return f"covers: {'; '.join(topics)}" if topics else "the document itself"


KIND = CheckKind("document", "Document", DocumentCheck, SUMMARY, evaluate, describe)
