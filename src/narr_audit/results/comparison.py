"""What changed between two JSON reports of `narr-audit check`: for recertification and for CI.

Pure functions. :func:`load_report` reads a report back (every user error names the file and the
field); :func:`compare` sorts every rule whose outcome moved into one category, in this order:

- newly failing: a gap (a required rule not met, partially met or unreadable) in NEW that was not a
  gap in OLD, or a gap that got worse (fewer points: partially met to not met, say);
- fixed: a gap in OLD that is no gap in NEW (met, attested, excepted, left for the site visit, or no
  longer required at NEW's level);
- changed: any other change of status, of what a recommended rule's evidence showed, or of whether
  the rule is required at the level (met to attested, not met to partially met, ...);
- added and retired: rule ids only in NEW, or only in OLD (an overlay added or retired them);
- expired: evidence that counted in OLD and ran out by NEW: an exception, a dated document (a
  `current` check) or a signed attestation that is still there but out of date (evidence removed
  from the folder is not "expired"). A rule may appear here and in another category.

Beside the rules, the corrective action plan (plan.yaml) is compared item by item: items added or
removed, a status or due date changed, an item newly overdue or newly "marked done, still failing".

Rules are listed in the Standard's order as NEW lists them (retired rules in OLD's order).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.statuses import GAP_STATUSES, LevelStatus, Status
from narr_audit.checks import REGISTRY
from narr_audit.results.report import SCHEMA_VERSION, CheckResult, PlanEntry, Report, RuleResult, Verdict
from narr_audit.results.scoring import POINTS

DIFF_SCHEMA_VERSION = "1.1"  # 1.1: plan changes (plan)
# What can run out between two reports: an exception, or evidence of a kind that lapses.
EXPIRY_NOUNS: dict[str, str] = {
    "exception": "exception",
    **{k.name: k.lapse_noun or k.label for k in REGISTRY.values() if k.lapses is not None},
}

_HINT = "give the JSON report that `narr-audit check DIR --format json --output report.json` writes"
_VERSION = re.compile(r"^(\d+)\.(\d+)$")
_MAX_PROBLEMS = 20


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Side(_Model):
    """One of the two reports compared: which residence, level and date, and how it stood."""

    file: str | None = None
    residence: str
    level: str
    level_name: str
    assessed_on: date
    generated_on: date
    standards: list[str]
    verdict: Verdict
    score: float | None
    tool_version: str


class RuleChange(_Model):
    """One rule whose outcome moved; ``old_*`` are None for an added rule, ``new_*`` for a retired one."""

    id: str
    title: str
    life_safety: bool
    old_status: Status | None
    new_status: Status | None
    old_level_status: LevelStatus | None
    new_level_status: LevelStatus | None
    old_evaluated: Status | None = None
    new_evaluated: Status | None = None
    reason: str
    fix: str | None = None

    @property
    def worsened(self) -> bool:
        """A gap in both reports that scores fewer points in NEW."""
        return (
            self.old_status in GAP_STATUSES
            and self.new_status in GAP_STATUSES
            and POINTS[self.new_status or ""] < POINTS[self.old_status or ""]
        )


class Expiry(_Model):
    """Evidence that counted in OLD and no longer does in NEW."""

    rule: str
    title: str
    evidence: str  # "exception", or the kind of check that lapsed (see EXPIRY_NOUNS)
    label: str
    detail: str
    expires: str | None = None
    rule_status: Status


class PlanChange(_Model):
    """One item of the corrective action plan that changed; ``old_*`` are None for an item added."""

    rule: str
    title: str
    old_status: str | None
    new_status: str | None
    old_due: date | None
    new_due: date | None
    changes: list[str]  # what changed, in words
    newly_overdue: bool = False
    newly_still_failing: bool = False


class ScoreChange(_Model):
    old: float | None
    new: float | None
    delta: float | None


class VerdictChange(_Model):
    old: Verdict
    new: Verdict
    changed: bool


class Comparison(_Model):
    old: Side
    new: Side
    score: ScoreChange
    verdict: VerdictChange
    newly_failing: list[RuleChange]
    fixed: list[RuleChange]
    changed: list[RuleChange]
    added: list[RuleChange]
    retired: list[RuleChange]
    expired: list[Expiry]
    notes: list[str]
    plan: list[PlanChange] = []

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in CATEGORIES}

    @property
    def nothing_changed(self) -> bool:
        return (
            not any(self.counts().values())
            and self.score.old == self.score.new
            and not self.verdict.changed
            and not self.plan
        )

    def with_files(self, old: str | None, new: str | None) -> Comparison:
        """The same comparison, naming the report files it came from."""
        return self.model_copy(
            update={"old": self.old.model_copy(update={"file": old}), "new": self.new.model_copy(update={"file": new})}
        )


CATEGORIES: tuple[str, ...] = ("newly_failing", "fixed", "changed", "added", "retired", "expired")


# --- reading a report back ----------------------------------------------------------------------


def load_report(path: Path | str) -> Report:
    """The report in ``path``, or a NarrError naming the file and what is wrong with it."""
    path = Path(path)
    try:
        if not path.exists():
            raise NarrError.single("there is no such file", file=path, hint=_HINT)
        if path.is_dir():
            raise NarrError.single("is a folder, not a report file", file=path, hint=_HINT)
        raw = path.read_bytes()
    except OSError as exc:  # a name too long, no permission
        raise NarrError.single(f"cannot read the file ({exc.strerror or exc})", file=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise NarrError.single(
            "is not UTF-8 text, so it is not a JSON report", file=path, line=line, hint=_HINT
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NarrError.single(
            f"is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            file=path,
            line=exc.lineno,
            hint=_HINT,
        ) from None
    except RecursionError:
        raise NarrError.single("is nested too deeply to be a report", file=path, hint=_HINT) from None
    except ValueError:  # Python refuses integers of over 4,300 digits
        raise NarrError.single("holds a number too long to be part of a report", file=path, hint=_HINT) from None
    _check_is_report(data, path)
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        raise _invalid(exc, data, path) from None


def _check_is_report(data: Any, path: Path) -> None:
    if isinstance(data, dict) and "newly_failing" in data and "results" not in data:
        raise NarrError.single(
            "is the output of `narr-audit diff`, not a report", file=path, hint="compare two reports, not diffs"
        )
    tool = data.get("tool") if isinstance(data, dict) else None
    if not isinstance(data, dict) or "results" not in data or "schema_version" not in data:
        raise NarrError.single(
            "is JSON but not a narr-audit report (it has no 'schema_version' and 'results')", file=path, hint=_HINT
        )
    if isinstance(tool, dict) and tool.get("name") not in (None, "narr-audit"):
        raise NarrError.single(
            f"is a report of '{tool.get('name')}', not of narr-audit", file=path, field="tool.name", hint=_HINT
        )
    version = data["schema_version"]
    found = _VERSION.match(version) if isinstance(version, str) else None
    if found is None:
        raise NarrError.single(
            f"'{version}' is not a report schema version (MAJOR.MINOR, such as {SCHEMA_VERSION})",
            file=path,
            field="schema_version",
            hint=_HINT,
        )
    major = SCHEMA_VERSION.split(".")[0]
    if found.group(1) != major:
        raise NarrError.single(
            f"the report has schema_version {version}; this narr-audit reads schema_version {major}.x "
            f"(it writes {SCHEMA_VERSION})",
            file=path,
            field="schema_version",
            hint="write both reports with the same narr-audit version (run `narr-audit check` again), "
            "or compare them with the narr-audit that wrote this one",
        )


def _invalid(exc: ValidationError, data: dict[str, Any], path: Path) -> NarrError:
    errors = exc.errors()
    newer = _minor(data.get("schema_version")) > _minor(SCHEMA_VERSION)
    if newer and all(e["type"] == "extra_forbidden" for e in errors):
        hint = (
            f"the report was written by a newer narr-audit (schema_version {data['schema_version']}); "
            "upgrade narr-audit to compare it"
        )
    else:
        hint = "the file must be a report as `narr-audit check --format json` wrote it, unedited"
    problems = [
        Problem(_message(e), str(path), field=_field_path(e["loc"]), hint=hint if n == 0 else None)
        for n, e in enumerate(errors[:_MAX_PROBLEMS])
    ]
    if len(errors) > _MAX_PROBLEMS:
        problems.append(Problem(f"and {len(errors) - _MAX_PROBLEMS} more problem(s)", str(path)))
    return NarrError(problems)


def _minor(version: object) -> int:
    found = _VERSION.match(version) if isinstance(version, str) else None
    return int(found.group(2)) if found else 0


def _field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(the whole file)"


def _message(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "is not a field of a narr-audit report"
    message = str(error["msg"])
    value = error.get("input")
    if isinstance(value, (str, int, float, bool)) and len(str(value)) <= 60:
        message += f" (found {json.dumps(value, ensure_ascii=False)})"
    return message


# --- comparing two reports ----------------------------------------------------------------------


def compare(old: Report, new: Report) -> Comparison:
    """Sort every rule whose outcome moved between ``old`` and ``new`` into its category."""
    old_by_id = {r.id: r for r in old.results}
    new_ids = {r.id for r in new.results}
    newly_failing: list[RuleChange] = []
    fixed: list[RuleChange] = []
    changed: list[RuleChange] = []
    added: list[RuleChange] = []
    expired: list[Expiry] = []
    for after in new.results:
        before = old_by_id.get(after.id)
        if before is None:
            added.append(_change(None, after))
            continue
        expired.extend(_expired(before, after))
        was_gap, is_gap = before.status in GAP_STATUSES, after.status in GAP_STATUSES
        if is_gap and (not was_gap or POINTS[after.status] < POINTS[before.status]):
            newly_failing.append(_change(before, after))
        elif was_gap and not is_gap:
            fixed.append(_change(before, after))
        elif _outcome(before) != _outcome(after):
            changed.append(_change(before, after))
    retired = [_change(before, None) for before in old.results if before.id not in new_ids]
    return Comparison(
        old=_side(old),
        new=_side(new),
        score=ScoreChange(
            old=old.score.percent,
            new=new.score.percent,
            delta=None
            if old.score.percent is None or new.score.percent is None
            else round(new.score.percent - old.score.percent, 1),
        ),
        verdict=VerdictChange(old=old.verdict, new=new.verdict, changed=old.verdict != new.verdict),
        newly_failing=newly_failing,
        fixed=fixed,
        changed=changed,
        added=added,
        retired=retired,
        expired=expired,
        notes=_notes(old, new),
        plan=plan_changes(old, new),
    )


def plan_changes(old: Report, new: Report) -> list[PlanChange]:
    """Every plan item added, removed or changed between the reports, in NEW's plan order."""
    before = {e.rule: e for e in (old.plan.items if old.plan else [])}
    after = {e.rule: e for e in (new.plan.items if new.plan else [])}
    found: list[PlanChange] = []
    for rule, now in after.items():
        was = before.get(rule)
        words = _plan_words(was, now)
        if words:
            found.append(
                PlanChange(
                    rule=rule,
                    title=now.title,
                    old_status=was.status if was else None,
                    new_status=now.status,
                    old_due=was.due if was else None,
                    new_due=now.due,
                    changes=words,
                    newly_overdue=now.overdue and not (was and was.overdue),
                    newly_still_failing=now.still_failing and not (was and was.still_failing),
                )
            )
    for rule, was in before.items():
        if rule not in after:
            found.append(
                PlanChange(
                    rule=rule,
                    title=was.title,
                    old_status=was.status,
                    new_status=None,
                    old_due=was.due,
                    new_due=None,
                    changes=["removed from the plan"],
                )
            )
    return found


def _plan_words(was: PlanEntry | None, now: PlanEntry) -> list[str]:
    if was is None:
        return [f"added ({now.status}, due {now.due}, owner {now.owner})"]
    words = []
    if was.status != now.status:
        words.append(f"{was.status} -> {now.status}" + (f" on {now.done_on}" if now.done_on else ""))
    if was.due != now.due:
        words.append(f"due {was.due} -> {now.due}")
    if was.owner != now.owner:
        words.append(f"owner {was.owner} -> {now.owner}")
    if now.overdue and not was.overdue:
        words.append("now overdue")
    if now.still_failing and not was.still_failing:
        words.append("marked done, still failing")
    return words


def regressed(comparison: Comparison) -> bool:
    """Something got worse: a rule newly failing or worse, an added rule that is a gap, evidence
    that expired in between, a plan item newly overdue or marked done while still failing, or a
    lower overall score."""
    return bool(regressions(comparison))


def regressions(comparison: Comparison) -> list[str]:
    """What got worse, in words; empty when nothing did."""
    found: list[str] = []
    if comparison.newly_failing:
        found.append(f"{len(comparison.newly_failing)} rule(s) newly failing or worse")
    added = sum(1 for a in comparison.added if a.new_status in GAP_STATUSES)
    if added:
        found.append(f"{added} added rule(s) not satisfied")
    if comparison.expired:
        found.append(f"{len(comparison.expired)} piece(s) of evidence expired")
    overdue = sum(1 for p in comparison.plan if p.newly_overdue)
    if overdue:
        found.append(f"{overdue} plan item(s) newly overdue")
    failing = sum(1 for p in comparison.plan if p.newly_still_failing)
    if failing:
        found.append(f"{failing} plan item(s) marked done but still failing")
    delta = comparison.score.delta
    if delta is not None and delta < 0:
        found.append(f"the score dropped {-delta:.1f} points")
    return found


def _outcome(result: RuleResult) -> tuple[str, str, str | None]:
    return result.status, result.level_status, result.evaluated


def _change(before: RuleResult | None, after: RuleResult | None) -> RuleChange:
    latest = after or before
    assert latest is not None
    return RuleChange(
        id=latest.id,
        title=latest.title,
        life_safety=latest.life_safety,
        old_status=before.status if before else None,
        new_status=after.status if after else None,
        old_level_status=before.level_status if before else None,
        new_level_status=after.level_status if after else None,
        old_evaluated=before.evaluated if before else None,
        new_evaluated=after.evaluated if after else None,
        reason=latest.reason,
        fix=after.fix if after else None,
    )


def _expired(before: RuleResult, after: RuleResult) -> list[Expiry]:
    found: list[Expiry] = []
    was, now = before.exception, after.exception
    if was is not None and not was.expired and now is not None and now.expired:
        found.append(
            Expiry(
                rule=after.id,
                title=after.title,
                evidence="exception",
                label=f"the exception approved by {now.approved_by}",
                detail=f"expired on {now.expires}"
                if now.days_left is not None
                else f"its expiry '{now.expires}' is not a valid date",
                expires=now.expires,
                rule_status=after.status,
            )
        )
    old_checks = _flatten(before.checks)
    for key, check in _flatten(after.checks).items():
        earlier = old_checks.get(key)
        kind = REGISTRY.get(check.kind)
        if earlier is None or kind is None or kind.lapses is None:
            continue
        if earlier.status == kind.lapses and check.status == "not_met" and _same_evidence(earlier, check):
            found.append(
                Expiry(
                    rule=after.id,
                    title=after.title,
                    evidence=kind.name,
                    label=check.label,
                    detail=check.reason,
                    rule_status=after.status,
                )
            )
    return found


def _same_evidence(before: CheckResult, after: CheckResult) -> bool:
    """The evidence that counted is still there (out of date now), rather than removed or replaced."""
    return bool({ref.file for ref in before.evidence} & {ref.file for ref in after.evidence})


def _flatten(checks: list[CheckResult]) -> dict[tuple[str, ...], CheckResult]:
    """Each check (and each alternative of an "any of" item) by its kind and label, in order."""
    flat: dict[tuple[str, ...], CheckResult] = {}

    def put(key: tuple[str, ...], check: CheckResult) -> None:
        n = 0
        while (*key, str(n)) in flat:
            n += 1
        slot = (*key, str(n))
        flat[slot] = check

    for check in checks:
        put((check.kind, check.label), check)
        for option in check.alternatives:
            put((check.kind, check.label, option.kind, option.label), option)
    return flat


def _side(report: Report) -> Side:
    return Side(
        residence=report.residence.name,
        level=report.level,
        level_name=report.level_name,
        assessed_on=report.assessed_on,
        generated_on=report.generated_on,
        standards=list(report.standards),
        verdict=report.verdict,
        score=report.score.percent,
        tool_version=report.tool.version,
    )


def _notes(old: Report, new: Report) -> list[str]:
    notes: list[str] = []
    if old.residence.name != new.residence.name:
        notes.append(
            f"the reports are of different residences ('{old.residence.name}' and '{new.residence.name}'): "
            "is this the comparison you meant?"
        )
    if new.assessed_on < old.assessed_on:
        notes.append(
            f"NEW was assessed on {new.assessed_on}, before OLD ({old.assessed_on}): "
            "were the reports given in the wrong order?"
        )
    if old.level != new.level:
        notes.append(
            f"the level of support changed from {old.level} ({old.level_name}) to {new.level} ({new.level_name}), "
            "so which rules are required changed with it"
        )
    if old.standards != new.standards:
        notes.append(f"the standards in force changed from {' + '.join(old.standards)} to {' + '.join(new.standards)}")
    return notes
