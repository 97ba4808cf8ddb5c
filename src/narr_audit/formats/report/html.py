"""HTML: one self-contained page (inline CSS, a small inline script, an inline SVG chart).

The verdict and the facts first, the gaps next (filterable and sortable in a browser, all visible
without JavaScript), then every rule, the site visit, the scores, warnings and unmapped files.

This module only prepares plain data (labels, anchors, chart geometry, sort keys); every piece of
markup is in ``templates/report.html.j2``, which Jinja2 autoescapes, so a file named
``<script>.md`` shows as text. The page is a pure function of the report: no clock, no random ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.base.text import percent
from narr_audit.formats.report import RenderOptions
from narr_audit.formats.templating import render as render_template
from narr_audit.results.report import CheckResult, Counts, Ref, Report, RuleResult, Score

TEMPLATE = "report.html.j2"

# A symbol beside each status label, so a status never rests on colour alone (the label is the text).
SYMBOLS = {
    "met": "✓",
    "attested": "✓",
    "excepted": "✓",
    "partial": "◐",
    "not_met": "✗",
    "error": "!",
    "awaiting_site_visit": "○",
    "recommended": "–",
    "not_applicable": "–",
}

# The chart, in SVG user units: a row per bar, the label above its bar, the score at its right.
CHART_WIDTH = 360
BAR_WIDTH = 290
ROW_HEIGHT = 46
BAR_HEIGHT = 14
LABEL_CHARS = 52


@dataclass(frozen=True)
class Status:
    key: str
    label: str
    symbol: str


@dataclass(frozen=True)
class Evidence:
    """One file and every place in it a finding rests on."""

    file: str
    where: list[str]


@dataclass(frozen=True)
class CheckView:
    label: str
    status: Status
    reason: str
    alternatives: list[CheckView] = field(default_factory=list)


@dataclass(frozen=True)
class RuleView:
    id: str
    anchor: str
    title: str
    domain: str
    domain_title: str
    standard: str
    standard_title: str
    status: Status
    evaluated: Status | None
    life_safety: bool
    overlay: str | None
    reason: str
    evidence: list[Evidence]  # in files mapped to the rule
    found_elsewhere: list[Evidence]  # in files not mapped to it, found by looking through the binder
    missing: list[str]
    fix: str | None
    question: str | None
    exception: str | None
    location: str
    checks: list[CheckView]
    site_visit: list[str]
    rank: int  # position in the Standard's order of rule ids
    domain_rank: int


@dataclass(frozen=True)
class FoundView:
    """A rule with evidence found in files not mapped to it, and what its checks say of it."""

    rule: RuleView
    reason: str


@dataclass(frozen=True)
class GapView:
    rule: RuleView
    severity: int  # 0 is the most serious (the report's order)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class DomainRules:
    id: str
    title: str
    anchor: str
    rules: list[RuleView]


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    label_y: int
    bar_y: int
    value_y: int
    width: float
    strong: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bar_width: int
    bar_height: int
    bars: list[Bar]
    description: str


@dataclass(frozen=True)
class ScoreRow:
    id: str
    title: str
    percent: str
    points: str
    possible: int
    met: int
    partial: int
    not_met: int
    site_visit: int
    depth: int


@dataclass(frozen=True)
class CountItem:
    status: Status
    count: int


@dataclass(frozen=True)
class NoticeView:
    where: str
    rule: str | None
    message: str
    hint: str | None


@dataclass(frozen=True)
class DocumentView:
    path: str
    kind: str
    rules: list[str]
    size: str
    unreadable: str | None


def render(report: Report, options: RenderOptions) -> str:
    return render_template(TEMPLATE, options.template_dir, plan_labels=STATUS_LABELS, **context(report))


def context(report: Report) -> dict[str, object]:
    """Everything the template shows, as plain data in a fixed order."""
    domain_titles = {d.id: d.title for d in report.score.children}
    domain_order = {d.id: n for n, d in enumerate(report.score.children)}
    rule_rank = {rule_id: n for n, rule_id in enumerate(sorted((r.id for r in report.results), key=natural_key))}
    views = {r.id: rule_view(r, report, domain_titles, domain_order, rule_rank) for r in report.results}
    gaps = [GapView(views[rule_id], n) for n, rule_id in enumerate(report.gaps) if rule_id in views]
    return {
        "report": report,
        "residence": report.residence,
        "ready": report.verdict == "ready",
        "overall": percent(report.score.percent),
        "overall_points": points(report.score.points),
        "counts": count_items(report.score.counts),
        "chart": chart(report.score),
        "score_rows": score_rows(report.score),
        "gaps": gaps,
        "gap_statuses": options((g.rule.status.key for g in gaps), STATUS_LABELS),
        "gap_domains": options(
            (g.rule.domain for g in gaps),
            {d: f"{d} {domain_titles.get(d, '')}".strip() for d in domain_titles},
            order=list(domain_titles),
        ),
        "life_safety_gaps": sum(1 for g in gaps if g.rule.life_safety),
        "site_visit": [views[rule_id] for rule_id in report.site_visit if rule_id in views],
        "found_elsewhere": [
            FoundView(views[f.result.id], f.reason) for f in report.found_elsewhere() if f.result.id in views
        ],
        "domains": by_domain(report, views, domain_titles),
        "warnings": [notice_view(w.file, w.line, w.rule, w.message, w.hint) for w in report.warnings],
        "unmapped": report.unmapped,
        "documents": [
            document_view(d.path, d.kind, d.rules, d.pages, d.entries, d.unreadable) for d in report.documents
        ],
    }


def rule_view(
    r: RuleResult,
    report: Report,
    domain_titles: dict[str, str],
    domain_order: dict[str, int],
    rule_rank: dict[str, int],
) -> RuleView:
    return RuleView(
        id=r.id,
        anchor=anchor(r.id),
        title=r.title,
        domain=r.domain,
        domain_title=domain_titles.get(r.domain, ""),
        standard=r.standard,
        standard_title=r.standard_title,
        status=status(r.status),
        evaluated=status(r.evaluated) if r.evaluated and r.evaluated != r.status else None,
        life_safety=r.life_safety,
        overlay=r.origin if report.standards and r.origin != report.standards[0] else None,
        reason=r.reason,
        evidence=group_evidence([e for e in r.evidence if not e.unmapped]),
        found_elsewhere=group_evidence([e for e in r.evidence if e.unmapped]),
        missing=list(r.missing),
        fix=r.fix,
        question=r.question,
        exception=exception_text(r),
        location=f"{r.location.file}, line {r.location.line}" if r.location.line else r.location.file,
        checks=[check_view(c, r.reason) for c in r.checks],
        site_visit=[c.label for c in walk(r.checks) if c.status == "awaiting_site_visit" and not c.alternatives],
        rank=rule_rank[r.id],
        domain_rank=domain_order.get(r.domain, len(domain_order)),
    )


def check_view(c: CheckResult, said: str = "") -> CheckView:
    """A check's result; its reason left out when the rule or the label already says it."""
    reason = "" if c.reason == said or c.reason.endswith(c.label) else c.reason
    return CheckView(c.label, status(c.status), reason, [check_view(a) for a in c.alternatives])


def walk(checks: Iterable[CheckResult]) -> Iterable[CheckResult]:
    for c in checks:
        yield c
        yield from walk(c.alternatives)


def status(key: str) -> Status:
    known = _STATUSES.get(key)
    return known if known is not None else Status(key, STATUS_LABELS.get(key, key), SYMBOLS.get(key, "?"))


# One view per status, shared by every check and rule shown with it (a report shows a few hundred).
_STATUSES = {key: Status(key, label, SYMBOLS.get(key, "?")) for key, label in STATUS_LABELS.items()}


def exception_text(r: RuleResult) -> str | None:
    e = r.exception
    if e is None:
        return None
    if e.expired:
        when = f"expired on {e.expires}"
    elif e.days_left is not None:
        when = f"expires on {e.expires} ({e.days_left} day{'' if e.days_left == 1 else 's'} left)"
    else:
        when = f"expires on {e.expires}"
    return f"Approved by {e.approved_by}; {when}. {e.reason}"


def group_evidence(refs: Sequence[Ref]) -> list[Evidence]:
    """Refs to the same file together, in the order the files first appear; each place once."""
    grouped: dict[str, list[str]] = {}
    for ref in refs:
        places = grouped.setdefault(ref.file, [])
        if ref.where and ref.where not in places:
            places.append(ref.where)
    return [Evidence(file, where) for file, where in grouped.items()]


@lru_cache(maxsize=4096)  # the Standard's ids, the same for every report of a batch
def anchor(rule_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", rule_id)


@lru_cache(maxsize=4096)
def natural_key(rule_id: str) -> tuple[tuple[int, int, str], ...]:
    """1.A.2.b before 1.A.10.a: numbers compare as numbers, letters as text."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in rule_id.split("."))


def points(value: float) -> str:
    return f"{value:g}"


def count_items(counts: Counts) -> list[CountItem]:
    values = counts.model_dump()
    return [CountItem(status(key), int(values[key])) for key in STATUS_LABELS if key in values]


def options(values: Iterable[str], labels: dict[str, str], order: Sequence[str] | None = None) -> list[Option]:
    """Choices for a filter: the values present, with how many rows each selects."""
    tally: dict[str, int] = {}
    for value in values:
        tally[value] = tally.get(value, 0) + 1
    ordered = [k for k in (order if order is not None else list(labels)) if k in tally]
    ordered += sorted((k for k in tally if k not in ordered), key=natural_key)
    return [Option(k, labels.get(k, k), tally[k]) for k in ordered]


def by_domain(report: Report, views: dict[str, RuleView], titles: dict[str, str]) -> list[DomainRules]:
    """Every rule under its domain, in the report's order; a rule of an unknown domain goes last."""
    out = [
        DomainRules(d, title, f"domain-{anchor(d)}", [views[r.id] for r in report.results if r.domain == d])
        for d, title in titles.items()
    ]
    others = [views[r.id] for r in report.results if r.domain not in titles]
    if others:
        out.append(DomainRules("", "Other rules", "domain-other", others))
    return [d for d in out if d.rules]


def chart(score: Score) -> Chart:
    """One bar for the overall score, then one per domain; widths proportional to the percentage."""
    rows: list[tuple[str, Score, bool]] = [("Overall", score, True)]
    rows += [(f"{d.id} {d.title}", d, False) for d in score.children]
    bars = []
    for n, (label, s, strong) in enumerate(rows):
        top = n * ROW_HEIGHT
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
        width = round(BAR_WIDTH * (s.percent or 0.0) / 100, 1)
        bars.append(Bar(short, percent(s.percent), top + 14, top + 21, top + 33, width, strong))
    described = [f"{label}: {describe(s)}" for label, s, _ in rows]
    return Chart(CHART_WIDTH, len(rows) * ROW_HEIGHT, BAR_WIDTH, BAR_HEIGHT, bars, ". ".join(described) + ".")


def describe(s: Score) -> str:
    if s.percent is None:
        return "not scored (no required rule is scored here)"
    return f"{percent(s.percent)}, {points(s.points)} of {s.possible} points"


def score_rows(score: Score) -> list[ScoreRow]:
    """Each domain, then its principles, for the table under the chart."""
    out = []
    for d in score.children:
        out.append(score_row(d, 0))
        out.extend(score_row(p, 1) for p in d.children)
    return out


def score_row(s: Score, depth: int) -> ScoreRow:
    c = s.counts
    return ScoreRow(
        id=s.id,
        title=s.title,
        percent=percent(s.percent),
        points=points(s.points),
        possible=s.possible,
        met=c.met + c.attested + c.excepted,
        partial=c.partial,
        not_met=c.not_met + c.error,
        site_visit=c.awaiting_site_visit,
        depth=depth,
    )


def notice_view(file: str | None, line: int | None, rule: str | None, message: str, hint: str | None) -> NoticeView:
    where = f"{file}, line {line}" if file and line else (file or "")
    return NoticeView(where, rule, message, hint)


def document_view(
    path: str, kind: str, rules: list[str], pages: int | None, entries: int | None, unreadable: str | None
) -> DocumentView:
    if pages is not None:
        size = f"{pages} page{'' if pages == 1 else 's'}"
    elif entries is not None:
        size = f"{entries} entr{'y' if entries == 1 else 'ies'}"
    else:
        size = ""
    return DocumentView(path, kind, list(rules), size, unreadable)
