"""A reviewer's site-visit findings (review.yaml): per rule, verified or not, a note, who and when.

Kept beside the applicant's folder (``review.yaml`` at its root) or anywhere else (``--review PATH``).
Findings settle what paperwork cannot: a rule's site-visit items become met or not met, and a finding
takes precedence over the operator's own attestation for the same rule.

    reviewer: Jordan Ames, AzRHA
    visited_on: 2026-11-10
    findings:
      - rule: 2.F.17.c
        verified: true
        note: Detectors in every bedroom, tested during the visit.
      - rule: 3.I.27.f
        verified: false
        note: The living room is locked in the evenings.
        reviewer: Sam Ortiz, AzRHA   # optional: another reviewer, another date
        date: 2026-11-11
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import Field

from narr_audit.base.dates import DateField
from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.ids import RuleIndex, normalise_rule_id, style_warning
from narr_audit.base.models import StrictModel
from narr_audit.base.validation import validate_document
from narr_audit.base.yamlio import read_yaml
from narr_audit.evidence.loader import inside_folder


class Finding(StrictModel):
    rule: str = Field(min_length=1, description="The rule id, e.g. 2.F.17.c.")
    verified: bool = Field(description="true when the reviewer confirmed it on site, false when not.")
    note: str | None = Field(default=None, description="What the reviewer saw or heard.")
    reviewer: str | None = Field(default=None, description="Who decided, when not the review's reviewer.")
    date: DateField | None = Field(default=None, description="When, when not the visit date.")


class Review(StrictModel):
    reviewer: str = Field(min_length=1, description="The reviewer's name and organisation.")
    visited_on: DateField = Field(description="Date of the site visit.")
    residence: str | None = Field(default=None, description="The residence's name, to catch a mix-up.")
    findings: list[Finding] = []


@dataclass(frozen=True)
class Decision:
    """One finding with its defaults filled in: what the engine applies to a rule."""

    rule: str
    verified: bool
    note: str | None
    reviewer: str
    date: date
    file: str


@dataclass(frozen=True)
class LoadedReview:
    file: str
    reviewer: str
    visited_on: date
    residence: str | None
    decisions: dict[str, Decision]
    warnings: tuple[Problem, ...] = ()  # rule ids written in another style


def load_review(
    path: Path, rules: RuleIndex, *, display: str | None = None, folder: Path | None = None
) -> LoadedReview:
    """The findings of ``path`` by rule id; every problem (file, line, field, fix) at once.

    ``folder`` is the evidence folder the review was found in (not one the reviewer named with
    --review): it is then read only when it resolves inside that folder, as every file found there.
    """
    shown = display or str(path)
    if folder is not None:
        path = inside_folder(folder.resolve(), path, shown)
    try:
        found = path.is_file()
    except OSError as exc:  # a name too long, a folder that cannot be searched
        raise NarrError.single(f"cannot read the review file ({exc.strerror or exc})", file=shown) from None
    if not found:
        raise NarrError.single("no such review file", file=shown, hint="give the path of the reviewer's review.yaml")
    doc = read_yaml(path, display=shown)
    review = validate_document(doc, Review, display=shown, owner_keys=("rule",))
    problems: list[Problem] = []
    warnings: list[Problem] = []
    decisions: dict[str, Decision] = {}
    for index, finding in enumerate(review.findings):
        rule_id = normalise_rule_id(finding.rule)
        line = doc.line_of(("findings", index, "rule"))
        unknown = rules.unknown(finding.rule, file=shown, line=line, field=f"findings[{index}].rule", in_force=True)
        if unknown is not None:
            problems.append(unknown)
            continue
        style = style_warning(finding.rule, shown, line, f"findings[{index}].rule")
        if style is not None:
            warnings.append(style)
        if rule_id in decisions:
            problems.append(
                Problem(
                    f"rule {rule_id} has two findings",
                    shown,
                    line,
                    rule=rule_id,
                    field=f"findings[{index}].rule",
                    hint="keep one finding per rule (put both observations in its note)",
                )
            )
            continue
        decisions[rule_id] = Decision(
            rule=rule_id,
            verified=finding.verified,
            note=finding.note,
            reviewer=finding.reviewer or review.reviewer,
            date=finding.date or review.visited_on,
            file=shown,
        )
    if problems:
        raise NarrError(problems)
    return LoadedReview(shown, review.reviewer, review.visited_on, review.residence, decisions, tuple(warnings))
