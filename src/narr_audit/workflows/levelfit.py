"""Level fit's one job: the engine run at each of the four levels on evidence loaded once.

The folder is read, its documents extracted and analysed once; only the level changes between runs
(a copy of the loaded Evidence with another ``level``), so the three extra runs cost a fraction of
the first. Used by `check --level-fit` (workflows.audit) and `narr-audit level` (workflows.level);
it imports neither, so both can import it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from narr_audit.base.levels import ALL_LEVELS, Level
from narr_audit.results.levelfit import level_fit

if TYPE_CHECKING:
    from narr_audit.evidence.model import Evidence
    from narr_audit.evidence.review import LoadedReview
    from narr_audit.results.report import Report
    from narr_audit.standards.model import Rulebook


def at_each_level(
    evidence: Evidence,
    book: Rulebook,
    *,
    today: date,
    review: LoadedReview | None = None,
    done: Report | None = None,
) -> dict[Level, Report]:
    """The report at Levels I to IV of the same evidence; ``done`` is the report already made at the
    evidence's own level (reused, not made again)."""
    from narr_audit.engine import audit as run

    reports: dict[Level, Report] = {}
    for level in ALL_LEVELS:
        if done is not None and level is evidence.level:
            reports[level] = done
        else:
            at = evidence if level is evidence.level else evidence.model_copy(update={"level": level})
            reports[level] = run(at, book, generated_on=today, review=review)
    return reports


def with_level_fit(
    report: Report, evidence: Evidence, book: Rulebook, *, today: date, review: LoadedReview | None = None
) -> Report:
    """``report`` (made from ``evidence`` at its level) with its level fit, measured against that level."""
    reports = at_each_level(evidence, book, today=today, review=review, done=report)
    return report.model_copy(update={"level_fit": level_fit(reports, evidence.level)})
