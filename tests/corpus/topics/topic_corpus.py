"""Measure the document check on the blind corpus: which topics it finds in each labelled passage.

Shared by tests/test_topic_corpus.py (a floor on the tuned part) and benchmarks/bench_topics.py
(figures for both parts). Each passage is saved as a Markdown file, read by the same extraction as
any evidence file, and judged by the rule's document check exactly as `check` judges a binder.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from narr_audit.checks import evaluate
from narr_audit.checks.document import DocumentCheck
from narr_audit.checks.interface import Context, Outcome
from narr_audit.checks.reader import SecondReader
from narr_audit.evidence.content import Extracted
from narr_audit.evidence.extract import extract
from narr_audit.evidence.model import Document
from narr_audit.standards.loader import load_rulebook
from narr_audit.standards.model import Rulebook
from narr_audit.standards.reader import second_reader

HERE = Path(__file__).resolve().parent
PARTS = ("tuned", "held-back")


@dataclass(frozen=True)
class Passage:
    part: str
    voice: str
    rule: str
    document: str
    kind: str
    text: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    at: int = 1  # its place among its document's passages: a minimal pair's two twins share a kind

    @property
    def key(self) -> str:
        return f"{self.part}/{self.voice}/{self.rule}/{self.document}/{self.kind}#{self.at}"


# Voices whose tuned part has not been tuned on yet (the newest round): measured by the benchmark as
# fresh text, left out of the regression floors until a tuning round has read them.
NOT_YET_TUNED: frozenset[str] = frozenset(
    {
        *("newsletter", "wiki", "phone-script"),  # eleventh round
        *("self-assessment", "house-minutes", "welcome-letter"),  # twelfth
        *("grant-application", "shift-log", "policy-redline"),  # thirteenth
        *("chatbot", "audit-memo", "pocket-card"),  # fourteenth
        *("binder-long", "training-manual", "state-licensed"),  # fifteenth
        *("safety-binder", "peer-posted", "manager-emails", "orientation-video"),  # sixteenth (life safety)
        *("template-adopter", "plain-policy"),  # seventeenth (ordinary words)
        *("house-app", "reentry", "young-adult"),  # eighteenth
        *("house-rules-pairs", "policy-manual-pairs"),  # nineteenth (life-safety minimal pairs)
        *("checklist-pairs", "peer-house-pairs"),  # twentieth (life-safety minimal pairs)
        *("board-policy-pairs", "faith-house-pairs"),  # twenty-first (life-safety minimal pairs)
        *("small-operator", "county-funded"),  # twenty-second (every rule, ordinary words)
        *("lease-pairs", "group-chat-pairs"),  # twenty-third (life-safety minimal pairs)
        *("startup-nonprofit", "franchise-manual", "house-meeting-pairs"),  # twenty-fourth
        *("incident-log-pairs", "recovery-blog-pairs", "tribal-community"),  # twenty-fifth
        *("site-visit-pairs", "whiteboard-pairs", "employee-handbook-pairs"),  # twenty-sixth (minimal pairs)
        *("handover-pairs", "radio-pairs"),  # twenty-seventh (minimal pairs)
        *("court-liaison-pairs", "insurance-survey-pairs"),  # twenty-eighth (minimal pairs)
        *("due-diligence-pairs", "family-letters-pairs"),  # twenty-ninth (minimal pairs)
        *("newspaper-pairs", "volunteer-deck-pairs"),  # thirtieth (minimal pairs)
        *("zoning-hearing-pairs", "forum-thread-pairs"),  # thirty-first (minimal pairs)
        *("voicemail-pairs", "inspection-app-pairs"),  # thirty-second (minimal pairs)
        *("sms-reminders-pairs", "orientation-quiz-pairs", "bylaws-pairs"),  # thirty-third (minimal pairs)
        *("portal-pairs", "grant-report-pairs", "video-tour-pairs", "training-notes-pairs"),  # thirty-fourth
        *("review-replies-pairs", "co-owner-email-pairs"),  # thirty-fifth (minimal pairs)
        *("legal-letters-pairs", "exit-interview-pairs"),  # thirty-sixth (minimal pairs)
        *("neighbor-meeting-pairs", "house-binder-tabs-pairs"),  # thirty-seventh (minimal pairs)
        *("discharge-planner-pairs", "social-posts-pairs"),  # thirty-eighth (minimal pairs)
        *("resident-journal-pairs", "job-posting-pairs"),  # thirty-ninth (minimal pairs)
        *("fire-liaison-pairs", "directory-listing-pairs"),  # fortieth (minimal pairs)
        *("maintenance-tickets-pairs", "podcast-pairs"),  # forty-first (minimal pairs)
        *("ai-drafted-policy-pairs", "house-signs-pairs"),  # forty-second (minimal pairs)
        *("legislative-testimony-pairs", "owner-notebook-pairs"),  # forty-third (minimal pairs)
        *("coop-house", "nurse-owner"),  # forty-fourth (every document check)
        *("manager-diary-pairs", "consultant-gap-pairs"),  # forty-fifth (minimal pairs)
        *("insurance-claim-pairs", "house-profile-pairs"),  # forty-sixth (minimal pairs)
        *("affirming-house", "harm-reduction-nonprofit"),  # forty-seventh (every document check)
        *("dictation-pairs", "ai-notetaker-pairs"),  # forty-eighth (minimal pairs)
        *("machine-translation-pairs", "tabletop-drill-pairs"),  # forty-ninth (minimal pairs)
        *("veterans-house", "mothers-house"),  # forty-ninth (every document check)
        *("photo-captions-pairs", "discord-pins-pairs"),  # fiftieth (minimal pairs)
        *("policy-tracker-pairs", "affiliate-spotlight-pairs"),  # fifty-first (minimal pairs)
        *("kanban-board-pairs", "sponsor-texts-pairs"),  # fifty-second (minimal pairs)
        *("farm-house", "campus-house"),  # fifty-second (every document check)
        *("voice-assistant-pairs", "coach-notes-pairs"),  # fifty-third (minimal pairs)
        *("policy-git-log-pairs", "mou-pairs"),  # fifty-fourth (minimal pairs)
        *("senior-house", "foreman-house"),  # fifty-fourth (every document check)
        *("calendar-events-pairs", "mediation-summary-pairs"),  # fifty-fifth (minimal pairs)
        *("hospital-house", "artist-house"),  # fifty-fifth (every document check)
        *("onboarding-emails-pairs", "application-form-pairs"),  # fifty-sixth (minimal pairs)
        *("deaf-house", "pet-friendly-house"),  # fifty-sixth (every document check)
        *("quality-audit-pairs", "bulletin-board-pairs"),  # fifty-seventh (minimal pairs)
        *("couples-house", "border-town-house"),  # fifty-seventh (every document check)
        *("budget-memo-pairs", "translation-notes-pairs", "accessibility-review-pairs", "parent-guide-pairs"),  # 58th
        *("motel-conversion-house",),  # fifty-eighth (every document check)
        *("spreadsheet-comments-pairs", "hotline-log-pairs", "field-placement-pairs", "realtor-listing-pairs"),  # 59th
        *("chef-house",),  # fifty-ninth (every document check)
        # the sixtieth and sixty-first (minimal pairs), in incoming/ until a model trained with them is taken
        *("lender-questionnaire-pairs", "resident-council-pairs", "probation-visit-pairs"),
        *("church-bulletin-pairs", "peer-audit-pairs", "estate-transfer-pairs"),
        *("property-manager-pairs", "ombudsman-pairs", "house-wiki-edits-pairs"),
        *("ems-debrief-pairs", "alumni-newsletter-pairs", "sms-intake-bot-pairs"),
        # the sixty-second (minimal pairs), measured whole before and after the stop that wrote it, in incoming/
        *("court-transcript-pairs", "accreditation-crosswalk-pairs", "bilingual-rules-pairs"),
        *("home-inspector-report-pairs", "rfp-response-pairs", "handwritten-scan-pairs"),
        # the sixty-third (minimal pairs), measured whole once when it arrived, in incoming/
        *("house-app-config-pairs", "police-call-narrative-pairs", "residents-association-pairs"),
        *("state-inspection-checklist-pairs", "thesis-fieldnotes-pairs", "vendor-paperwork-pairs"),
        # the sixty-fourth (minimal pairs in procedures laid out as steps), measured whole when it arrived, in incoming/
        *("posted-sheet-pairs", "sop-binder-pairs", "quick-card-pairs"),
    }
)


def passages(part: str, *, skip: frozenset[str] = frozenset()) -> Iterator[Passage]:
    for path in sorted((HERE / part).glob("*.yaml")):
        if path.stem in skip:
            continue
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for at, p in enumerate(item["passages"], start=1):
                yield Passage(
                    part,
                    path.stem,
                    item["rule"],
                    item["document"],
                    p["kind"],
                    p["text"],
                    tuple(p["present"]),
                    tuple(p["absent"]),
                    at,
                )


def document_check(book: Rulebook, rule_id: str, label: str) -> DocumentCheck:
    rule = book.rule(rule_id)
    if rule is None:
        raise KeyError(f"no rule {rule_id}")
    for check in rule.checks():
        if isinstance(check, DocumentCheck) and check.label == label:
            return check
    raise KeyError(f"{rule_id} has no document check labelled {label!r}")


@dataclass
class Tally:
    """Per topic: present passages found / all present; absent passages reported missing / all absent."""

    found: int = 0
    present: int = 0
    rejected: int = 0
    absent: int = 0
    misses: list[str] = field(default_factory=list)  # passage keys where a present topic was not found
    false_passes: list[str] = field(default_factory=list)  # passage keys where an absent topic was passed

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.present += other.present
        self.rejected += other.rejected
        self.absent += other.absent
        self.misses.extend(other.misses)
        self.false_passes.extend(other.false_passes)

    @property
    def recall(self) -> float:
        return self.found / self.present if self.present else 1.0

    @property
    def specificity(self) -> float:
        return self.rejected / self.absent if self.absent else 1.0


@dataclass
class Result:
    topics: dict[tuple[str, str, str], Tally]  # (rule, document, topic) -> tally
    life_safety_false_passes: list[str]  # every near-miss passed on a life-safety rule, flagged or not
    pages: int
    seconds: float
    # Of those, the ones met "for the reviewer to confirm" (the second reader's flag): passed, but not silently.
    life_safety_flagged: list[str] = field(default_factory=list)
    to_confirm_present: int = 0  # topics met for the reviewer to confirm that the passage covers
    to_confirm_absent: int = 0  # ... and that it does not (a flag that caught a false pass)

    def overall(self) -> Tally:
        total = Tally()
        for tally in self.topics.values():
            total.add(tally)
        return total


def judged(
    book: Rulebook, rule_id: str, label: str, text: str, path: Path, reader: SecondReader | None
) -> tuple[Outcome, Extracted]:
    """A text judged by a rule's document check as `check` judges a binder's document: saved as
    Markdown at ``path``, extracted, read with the rule's title and life-safety mark, by the
    recogniser and (unless ``reader`` is None) the second reader. The outcome, and the text as read."""
    rule = book.rule(rule_id)
    if rule is None:
        raise KeyError(f"no rule {rule_id}")
    path.write_text(text, encoding="utf-8")
    content = extract(path)
    if not isinstance(content, Extracted):
        raise ValueError(f"{path}: {content.reason}")
    document = Document(path=path.name, kind="markdown", rules=[rule_id], mapped_by=["manifest"], content=content)
    context = Context(
        rule_id=rule_id,
        assessed_on=date(2026, 11, 1),
        documents=(document,),
        vocabulary=book.concepts,
        reader=reader,
        life_safety=rule.life_safety,
        rule_title=rule.title,
    )
    return evaluate(document_check(book, rule_id, label), context), content


def measure(
    part: str, book: Rulebook | None = None, *, skip: frozenset[str] = frozenset(), second: bool = True
) -> Result:
    """The document check's figures on one part of the corpus; ``second=False``: the recogniser alone."""
    book = book or load_rulebook()
    reader = second_reader() if second else None
    topics: dict[tuple[str, str, str], Tally] = {}
    life: list[str] = []
    flagged: list[str] = []
    confirm = [0, 0]
    pages = 0
    spent = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for n, passage in enumerate(passages(part, skip=skip)):
            check = document_check(book, passage.rule, passage.document)
            rule = book.rule(passage.rule)
            assert rule is not None
            start = time.perf_counter()
            outcome, _ = judged(
                book, passage.rule, passage.document, passage.text, Path(tmp) / f"passage-{n}.md", reader
            )
            spent += time.perf_counter() - start
            pages += 1
            missing = set(outcome.missing)
            for topic in check.topics:
                tally = topics.setdefault((passage.rule, passage.document, topic.name), Tally())
                found = topic.name not in missing
                if found and topic.name in outcome.to_confirm:
                    confirm[topic.name not in passage.present] += 1
                if topic.name in passage.present:
                    tally.present += 1
                    tally.found += found
                    if not found:
                        tally.misses.append(passage.key)
                elif topic.name in passage.absent:
                    tally.absent += 1
                    tally.rejected += not found
                    if found:
                        tally.false_passes.append(passage.key)
                        if rule.life_safety and passage.kind == "near-miss":
                            life.append(f"{passage.key}: {topic.name}")
                            if topic.name in outcome.to_confirm:
                                flagged.append(f"{passage.key}: {topic.name}")
                else:
                    raise AssertionError(f"{passage.key}: topic {topic.name!r} is not labelled")
    return Result(topics, life, pages, spent, flagged, confirm[0], confirm[1])
