"""document: a written policy, handbook or record exists for the rule and covers its topics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import field_validator

from narr_audit.base.statuses import Status
from narr_audit.base.text import first_match
from narr_audit.checks.interface import CheckBase, CheckKind, Context, EvidenceRef, Outcome, Topic

if TYPE_CHECKING:
    from narr_audit.evidence.model import Document

SUMMARY = (
    "An evidence document mapped to the rule (policy, handbook, agreement, plan) exists and its text "
    "covers every listed topic; each topic is met by any one of its alternative terms."
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
    """Topics are looked for across every readable document mapped to the rule, in path order."""
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
    used: list[EvidenceRef] = []
    missing: list[str] = []
    for topic in check.topics:
        ref = _find(topic.terms, readable)
        if ref is None:
            missing.append(topic.name)
        elif ref not in used:
            used.append(ref)
    names = ", ".join(d.path for d in readable)
    if not missing:
        return Outcome(Status.met, f"{names} covers every topic ({len(check.topics)})", tuple(used))
    if len(missing) == len(check.topics):
        return Outcome(
            Status.not_met,
            f"{names} does not cover what the rule asks: {'; '.join(missing)}",
            tuple(EvidenceRef(d.path) for d in readable),
            tuple(missing),
        )
    return Outcome(
        Status.partial,
        f"{names} covers {len(check.topics) - len(missing)} of {len(check.topics)} topics; missing: "
        + "; ".join(missing),
        tuple(used),
        tuple(missing),
    )


def _find(terms: list[str], documents: list[Document]) -> EvidenceRef | None:
    """The first place, in path order then reading order, where any of ``terms`` occurs."""
    for document in documents:
        content = document.content
        if content is None or not content.segments:
            continue
        position = first_match(content.text, terms, content.lowered)
        if position is not None:
            return EvidenceRef(document.path, content.where(position))
    return None


def describe(check: DocumentCheck) -> str:
    topics = [t.name for t in check.topics]
    return f"covers: {'; '.join(topics)}" if topics else "the document itself"


KIND = CheckKind("document", "Document", DocumentCheck, SUMMARY, evaluate, describe)
