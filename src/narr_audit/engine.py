"""Apply every rule in force to a loaded evidence folder at the residence's level; build the report.

Each evidence item of a rule is evaluated by its check kind (through the one registry); an "any of"
item takes its best alternative. A rule's status then follows from its items, its level marks and
any exception the affiliate approved. Nothing here raises for bad evidence: an unreadable document
is a result ("error"), not an exception.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from narr_audit import __version__
from narr_audit.base.ids import normalise_rule_id
from narr_audit.base.levels import Level
from narr_audit.base.statuses import GAP_STATUSES, Status
from narr_audit.base.text import days
from narr_audit.checks import CheckBase, kind_of
from narr_audit.checks import evaluate as run_check
from narr_audit.checks.elsewhere import Binder
from narr_audit.checks.interface import Context, EvidenceRef, Outcome, Upcoming
from narr_audit.evidence.model import MANIFEST, PLAN_FILE, Attestation, Document, Evidence, RuleException
from narr_audit.results.report import (
    CheckResult,
    DocumentInfo,
    ExceptionInfo,
    Location,
    Notice,
    PlanEntry,
    PlanProgress,
    Ref,
    Report,
    ResidenceInfo,
    ReviewInfo,
    ReviewSummary,
    RuleResult,
    Score,
    Tool,
)
from narr_audit.results.scoring import gap_order, score, verdict
from narr_audit.standards.model import AnyOf, Rule, Rulebook
from narr_audit.standards.reader import second_reader

if TYPE_CHECKING:
    from narr_audit.evidence.review import Decision, LoadedReview

T = TypeVar("T", bound=Hashable)
EXPIRY_WARNING_DAYS = 30
# Best first: an "any of" item takes the first of these that one of its alternatives reaches.
_PREFERENCE: tuple[Status, ...] = (
    Status.met,
    Status.attested,
    Status.awaiting_site_visit,
    Status.partial,
    Status.error,
    Status.not_met,
)


def audit(evidence: Evidence, book: Rulebook, *, generated_on: date, review: LoadedReview | None = None) -> Report:
    """The report for ``evidence`` under the rules of ``book``, with a reviewer's findings if given."""
    level = evidence.level
    rules = _Rules(evidence, book, review)
    written = [*evidence.warnings, *(review.warnings if review is not None else ())]
    notices = [Notice(message=p.message, file=p.file, line=p.line, rule=p.rule, hint=p.hint) for p in written]
    results: list[RuleResult] = []
    domain_scores: list[Score] = []
    for domain in book.domains:
        principle_scores: list[Score] = []
        domain_results: list[RuleResult] = []
        for principle in domain.principles:
            standard_scores: list[Score] = []
            principle_results: list[RuleResult] = []
            for standard in principle.standards:
                standard_results: list[RuleResult] = []
                for rule in standard.rules:
                    result = rules.evaluate(rule, domain.id, principle.principle, standard.title)
                    notice = _expiry_notice(result)
                    if notice is not None:
                        notices.append(notice)
                    standard_results.append(result)
                standard_scores.append(score(standard.id, standard.title, standard_results))
                principle_results.extend(standard_results)
            principle_scores.append(score(principle.principle, principle.title, principle_results, standard_scores))
            domain_results.extend(principle_results)
        domain_scores.append(score(domain.id, domain.title, domain_results, principle_scores))
        results.extend(domain_results)
    binder = rules.binder
    # How the dates of records not mapped to the rules that used them were read: once per file.
    notices.extend(Notice(message=p.message, file=p.file, line=p.line, hint=p.hint) for p in binder.notes)

    for document in evidence.documents:
        if document.unreadable is not None:
            notices.append(
                Notice(
                    message=f"could not be read: {document.unreadable.reason}",
                    file=document.path,
                    hint=document.unreadable.hint,
                )
            )
    outcome, why = verdict(results)
    residence = evidence.manifest.residence
    if review is not None and review.residence and review.residence.strip().lower() != residence.name.strip().lower():
        notices.append(
            Notice(
                message=f"the review is for '{review.residence}', but this folder is '{residence.name}'",
                file=review.file,
                hint="check that the right review.yaml was given",
            )
        )
    return Report(
        tool=Tool(version=__version__),
        generated_on=generated_on,
        assessed_on=evidence.assessed_on,
        folder=evidence.folder,
        residence=ResidenceInfo(
            name=residence.name,
            operator=residence.operator,
            level=str(residence.level),
            address=residence.address,
            beds=residence.beds,
            affiliate=residence.affiliate,
            applicant_id=residence.applicant_id,
        ),
        level=str(level),
        level_name=level.display_name,
        standards=[book.id, *book.overlays],
        verdict=outcome,
        verdict_reason=why,
        score=score("all", book.title, results, domain_scores),
        gaps=gap_order(results),
        site_visit=[r.id for r in results if r.status == "awaiting_site_visit"],
        results=results,
        documents=[_document_info(d) for d in evidence.documents],
        unmapped=list(evidence.unmapped),
        warnings=notices,
        review=ReviewSummary(
            file=review.file,
            reviewer=review.reviewer,
            visited_on=review.visited_on,
            findings=len(review.decisions),
        )
        if review
        else None,
        plan=_plan(evidence, results),
    )


class _Rules:
    """What every rule of one evaluation shares: the folder's documents and attestations by rule, the
    exceptions approved, the whole binder (mapped files and the others, in path order: each rule's
    context sees it less the rule's own files, as slices of one tuple, indexed once when a check first
    looks), the vocabulary and the second reader (once per report, not once per rule)."""

    def __init__(self, evidence: Evidence, book: Rulebook, review: LoadedReview | None) -> None:
        self.evidence, self.review, self.level = evidence, review, evidence.level
        self.by_rule, self.attestations = _grouped(evidence)
        self.exceptions: dict[str, list[RuleException]] = defaultdict(list)
        for exception in evidence.manifest.exceptions:
            self.exceptions[normalise_rule_id(exception.rule)].append(exception)
        self.binder = Binder([*evidence.documents, *evidence.unmapped_documents])
        self.vocabulary = book.concepts
        self.reader = second_reader()

    def context(self, rule: Rule) -> Context:
        """What a rule's checks are given: its own files and attestations, the rest of the binder."""
        evidence = self.evidence
        mapped = tuple(self.by_rule.get(rule.id, ()))
        return Context(
            rule_id=rule.id,
            assessed_on=evidence.assessed_on,
            documents=mapped,
            attestations=tuple(self.attestations.get(rule.id, ())),
            vocabulary=self.vocabulary,
            reader=self.reader,
            life_safety=rule.life_safety,
            roster=evidence.roster,
            level=self.level,
            elsewhere=self.binder.elsewhere(mapped),
            rule_title=rule.title,
        )

    def evaluate(self, rule: Rule, domain: str, principle: str, standard_title: str) -> RuleResult:
        evidence = self.evidence
        ctx = self.context(rule)
        return evaluate_rule(
            rule,
            ctx,
            self.level,
            self.exceptions.get(rule.id, []),
            domain=domain,
            principle=principle,
            standard_title=standard_title,
            location=_location(rule.id, ctx, evidence),
            finding=self.review.decisions.get(rule.id) if self.review else None,
        )


def look_ahead(evidence: Evidence, book: Rulebook, rule_ids: Iterable[str], review: LoadedReview | None = None) -> None:
    """Evaluate these rules, in the order given (an iterable read as it is evaluated: the caller may
    decide the next rule only once the one before is done), for what their checks note in the store the
    caller gives (checks.recognise.stored_in): what another process does with part of a binder's rules
    while this one reads the others (workflows.share). The results are dropped; :func:`audit` then
    reads them back from the notes, as a second run of an unchanged folder does."""
    rules = _Rules(evidence, book, review)
    where = {
        rule.id: (rule, domain.id, principle.principle, standard.title)
        for domain in book.domains
        for principle in domain.principles
        for standard in principle.standards
        for rule in standard.rules
    }
    for rule_id in rule_ids:
        found = where.get(rule_id)
        if found is not None:
            rules.evaluate(*found)


def shares(evidence: Evidence, book: Rulebook, parts: int, first: float) -> list[list[str]]:
    """The rules in force cut into ``parts`` shares of reading, the first ``first`` of the whole and the
    others equal, each in reading order: rules in
    the order of the first document mapped to them, so that the rules reading one policy fall together
    and each document is cut into sentences in one process; each weighs the text of its mapped
    documents. Rules with no document come first."""
    by_rule, _ = _grouped(evidence)
    sizes: dict[int, int] = {}

    def size(document: Document) -> int:
        if id(document) not in sizes:
            content = document.content
            sizes[id(document)] = 0 if content is None else sum(len(s.text) for s in content.segments)
        return sizes[id(document)]

    ids = [rule.id for rule in book.rules() if rule.levels.status_at(evidence.level) != "not_applicable"]
    read = {i: [d for d in by_rule.get(i, ()) if d.content is not None] for i in ids}
    weight = {i: sum(size(d) for d in read[i]) for i in ids}
    total = sum(weight.values())
    cuts = [total * (first + (1 - first) * k / (parts - 1)) for k in range(parts - 1)] if parts > 1 else []
    out: list[list[str]] = [[] for _ in range(max(1, parts))]
    done = 0
    for i in sorted(ids, key=lambda i: (min((d.path for d in read[i]), default=""), i)):
        out[sum(1 for cut in cuts if done >= cut)].append(i)
        done += weight[i]
    return out


def _plan(evidence: Evidence, results: list[RuleResult]) -> PlanProgress | None:
    """The plan's progress: an item not done past its due date is overdue; one marked done whose rule
    is still a gap is "marked done, still failing"."""
    if evidence.plan is None:
        return None
    by_id = {r.id: r for r in results}
    entries = []
    for item in evidence.plan.items:
        result = by_id.get(item.rule)
        status = result.status if result else None
        entries.append(
            PlanEntry(
                rule=item.rule,
                title=item.title or (result.title if result else item.rule),
                owner=item.owner,
                due=item.due,
                status=item.status,
                done_on=item.done_on,
                rule_status=status,
                overdue=item.status != "done" and item.due < evidence.assessed_on,
                still_failing=item.status == "done" and status in GAP_STATUSES,
            )
        )
    return PlanProgress(
        file=PLAN_FILE,
        total=len(entries),
        open=sum(1 for e in entries if e.status == "open"),
        in_progress=sum(1 for e in entries if e.status == "in progress"),
        done=sum(1 for e in entries if e.status == "done"),
        overdue=sum(1 for e in entries if e.overdue),
        still_failing=sum(1 for e in entries if e.still_failing),
        items=entries,
    )


def _grouped(evidence: Evidence) -> tuple[dict[str, list[Document]], dict[str, list[Attestation]]]:
    """The folder's documents and attestations by the rule they are evidence for."""
    by_rule: dict[str, list[Document]] = defaultdict(list)
    for document in evidence.documents:
        for rule_id in document.rules:
            by_rule[rule_id].append(document)
    attestations: dict[str, list[Attestation]] = defaultdict(list)
    for attestation in evidence.manifest.attestations:
        attestations[normalise_rule_id(attestation.rule)].append(attestation)
    return by_rule, attestations


def upcoming(evidence: Evidence, book: Rulebook) -> list[tuple[str, Upcoming]]:
    """What each rule in force at the residence's level will need by a date (`narr-audit due`): every
    check whose kind can say so, read with the same context the audit gives it."""
    rules = _Rules(evidence, book, None)  # the context each rule's checks get, as in audit
    level = evidence.level
    found: list[tuple[str, Upcoming]] = []
    for rule in book.rules():
        if rule.levels.status_at(level) == "not_applicable":
            continue
        ctx = rules.context(rule)
        for item in rule.evidence:
            if not item.applies_at(level):
                continue
            options = []
            for check in item.any_of if isinstance(item, AnyOf) else [item]:
                kind = kind_of(check)
                if kind.upcoming is not None and check.applies_at(level):
                    dates = kind.upcoming(check, ctx)
                    if dates:
                        options.append(dates)
            if options:
                # Of alternatives, the one that stays current longest is what keeps the rule met.
                best = max(options, key=lambda dates: min(u.due for u in dates))
                found.extend((rule.id, u) for u in best)
    return found


def evaluate_rule(
    rule: Rule,
    ctx: Context,
    level: Level,
    exceptions: list[RuleException],
    *,
    domain: str,
    principle: str,
    standard_title: str,
    location: Location | None = None,
    finding: Decision | None = None,
) -> RuleResult:
    marks = rule.levels.status_at(level)
    base = {
        "location": location or Location(file=MANIFEST),
        "id": rule.id,
        "title": rule.title,
        "domain": domain,
        "principle": principle,
        "standard": rule.standard_id,
        "standard_title": standard_title,
        "life_safety": rule.life_safety,
        "origin": rule.origin,
        "level_status": marks,
        "question": rule.question,
        "review": _review_info(finding),
    }
    if marks == "not_applicable":
        return RuleResult(
            **base,
            status=Status.not_applicable,
            reason=f"not applicable at Level {level}",
            checks=[],
            evidence=[],
            missing=[],
        )

    checks = [_evaluate_item(item, ctx, level, finding) for item in rule.evidence if item.applies_at(level)]
    status, reason = _combine(checks, level)
    if finding is not None and not finding.verified:
        status, reason = Status.not_met, f"{_finding_text(finding)}; {reason}"
    evidence = _unique(ref for c in checks for ref in _refs(c))
    missing = _unique(m for c in checks if c.status not in ("met", "attested") for m in _missing(c))
    common = {
        **base,
        "checks": checks,
        "evidence": evidence,
        "self_reported": any(c.status == "attested" for c in checks),
    }
    if marks == "recommended":
        return RuleResult(
            **common,
            status=Status.recommended,
            evaluated=status,
            reason=f"recommended at Level {level}, not scored; its evidence: {reason}",
            missing=missing,
        )
    exception = _exception(exceptions, ctx.assessed_on)
    if exception is not None and not exception.expired:
        return RuleResult(
            **common,
            status=Status.excepted,
            reason=f"excepted until {exception.expires}, approved by {exception.approved_by}: {exception.reason}",
            missing=[],
            exception=exception,
        )
    if exception is not None and status not in ("met", "attested", "awaiting_site_visit"):
        expired = (
            f"the exception approved by {exception.approved_by} expired on {exception.expires}"
            if exception.days_left is not None
            else f"the exception's expiry '{exception.expires}' is not a valid date, so it does not count"
        )
        return RuleResult(
            **common,
            status=Status.not_met,
            reason=f"{expired}; {reason}",
            missing=missing,
            fix=f"Renew the exception with the affiliate, or meet the rule. {rule.remediation}",
            exception=exception,
        )
    gap = status in GAP_STATUSES
    return RuleResult(
        **common,
        status=status,
        reason=reason,
        missing=missing if gap else [],
        fix=rule.remediation if gap else None,
        exception=exception,
    )


def _evaluate_item(item: AnyOf | CheckBase, ctx: Context, level: Level, finding: Decision | None) -> CheckResult:
    if not isinstance(item, AnyOf):
        return _result(item, _run(item, ctx, finding))
    options = [_result(c, _run(c, ctx, finding)) for c in item.any_of if c.applies_at(level)]
    best = min(options, key=lambda r: _PREFERENCE.index(r.status))
    label = item.label or "one of: " + "; ".join(o.label for o in options)
    if best.status in ("met", "attested", "awaiting_site_visit"):
        reason = best.reason
        missing: list[str] = []
    else:
        reason = "none of the alternatives is met: " + "; ".join(f"{o.label}: {o.reason}" for o in options)
        missing = ["one of: " + " / ".join(o.label for o in options)]
    return CheckResult(
        kind="any_of",
        label=label,
        status=best.status,
        reason=reason,
        evidence=best.evidence,
        missing=missing,
        to_confirm=list(best.to_confirm) if not missing else [],
        alternatives=options,
    )


def _run(check: CheckBase, ctx: Context, finding: Decision | None) -> Outcome:
    """A reviewer's finding settles site-visit items and overrides the operator's attestation."""
    if finding is None or not kind_of(check).settled_on_site:
        return run_check(check, ctx)
    if finding.verified:
        return Outcome(Status.met, _finding_text(finding))
    return Outcome(Status.not_met, _finding_text(finding), missing=(check.label,))


def _finding_text(finding: Decision) -> str:
    verdict = "verified on site" if finding.verified else "not verified on site"
    note = f": {finding.note}" if finding.note else ""
    return f"{verdict} by {finding.reviewer} on {finding.date}{note}"


def _review_info(finding: Decision | None) -> ReviewInfo | None:
    if finding is None:
        return None
    return ReviewInfo(verified=finding.verified, note=finding.note, reviewer=finding.reviewer, date=finding.date)


def _result(check: CheckBase, outcome: Outcome) -> CheckResult:
    return CheckResult(
        kind=check.kind,
        label=check.label,
        status=outcome.status,
        reason=outcome.reason,
        evidence=[_ref(e) for e in outcome.evidence],
        missing=list(outcome.missing),
        to_confirm=list(outcome.to_confirm),
        alternatives=[],  # given, not defaulted: pydantic deep-copies a list default (a few hundred a report)
    )


def _combine(checks: list[CheckResult], level: Level) -> tuple[Status, str]:
    """A rule's status from its items: all met is met; paperwork met with site visits left awaits them."""
    if not checks:
        return (
            Status.awaiting_site_visit,
            f"no written evidence applies at Level {level}; the reviewer confirms it on site",
        )
    statuses = {c.status for c in checks}
    paper = [c for c in checks if c.status != "awaiting_site_visit"]
    failing = [c for c in checks if c.status in ("partial", "not_met", "error")]
    if not failing:
        everything = "; ".join(_unique(c.reason for c in checks))
        if statuses == {"met"}:
            return Status.met, everything
        if "awaiting_site_visit" in statuses:
            return Status.awaiting_site_visit, everything
        return Status.attested, everything
    reason = "; ".join(_unique(c.reason for c in failing))
    if any(c.status == "error" for c in failing):
        return Status.error, reason
    if all(c.status == "not_met" for c in paper):
        return Status.not_met, reason
    return Status.partial, reason


def _exception(exceptions: list[RuleException], on: date) -> ExceptionInfo | None:
    """The exception that counts: a valid one if any, else the latest expired (or malformed) one."""
    if not exceptions:
        return None
    dated = [(e.expires_on, e) for e in exceptions]
    valid = [(d, e) for d, e in dated if d is not None and d >= on]
    if valid:
        until, current = max(valid, key=lambda pair: pair[0])
        return ExceptionInfo(
            reason=current.reason,
            approved_by=current.approved_by,
            expires=until.isoformat(),
            expired=False,
            days_left=(until - on).days,
        )
    known = [(d, e) for d, e in dated if d is not None]
    expiry: date | None = None
    chosen = exceptions[0]
    if known:
        expiry, chosen = max(known, key=lambda pair: pair[0])
    return ExceptionInfo(
        reason=chosen.reason,
        approved_by=chosen.approved_by,
        expires=expiry.isoformat() if expiry else chosen.expires,
        expired=True,
        days_left=(expiry - on).days if expiry else None,
    )


def _location(rule_id: str, ctx: Context, evidence: Evidence) -> Location:
    """The evidence file of the rule (documents before logs and photos), else residence.yaml's line."""
    files = sorted(ctx.documents, key=lambda d: (d.kind in ("log", "image"), d.path))
    if files:
        return Location(file=files[0].path, line=None)
    return Location(file=MANIFEST, line=evidence.rule_lines.get(rule_id) or evidence.evidence_line)


def _expiry_notice(result: RuleResult) -> Notice | None:
    """A warning for an exception that runs out within EXPIRY_WARNING_DAYS of the assessment."""
    info = result.exception
    if info is None or info.expired or info.days_left is None or info.days_left > EXPIRY_WARNING_DAYS:
        return None
    return Notice(
        message=f"the exception for {result.id} expires on {info.expires}, in {days(info.days_left)}",
        file="residence.yaml",
        rule=result.id,
        hint="ask the affiliate to renew it, or meet the rule before it expires",
    )


def _refs(check: CheckResult) -> list[Ref]:
    return list(check.evidence)


def _missing(check: CheckResult) -> list[str]:
    return list(check.missing)


def _ref(ref: EvidenceRef) -> Ref:
    return Ref(file=ref.file, where=ref.where, unmapped=ref.unmapped, ocr=ref.ocr)


def _unique(items: Iterable[T]) -> list[T]:
    """Items in first-seen order without repeats, in linear time (a rule may have thousands of refs)."""
    return list(dict.fromkeys(items))


def _document_info(document: Document) -> DocumentInfo:
    return DocumentInfo(
        path=document.path,
        kind=document.kind,
        rules=list(document.rules),
        mapped_by=list(document.mapped_by),
        pages=document.content.pages if document.content else None,
        entries=len(document.records) if document.kind == "log" else None,
        unreadable=document.unreadable.reason if document.unreadable else None,
    )
