"""Affiliate overlays: a certifying affiliate's own requirements on top of NARR 3.0.

An overlay file can add rules (under an existing standard, with ids ending in the overlay's prefix),
change a rule (levels, evidence, wording) and retire a rule. Overlays ship in
``standards/overlays/`` and are named by id (``azrha``), or are given as a path.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from pydantic import Field, model_validator

from narr_audit.base.errors import NarrError, Problem
from narr_audit.base.ids import RULE_ID, RuleId, style_warning
from narr_audit.base.models import StrictModel
from narr_audit.base.resources import standards_dir
from narr_audit.base.yamlio import YamlDocument, read_yaml
from narr_audit.standards.model import (
    Domain,
    EvidenceItem,
    LevelMarks,
    Principle,
    RetiredRule,
    Rule,
    Rulebook,
    Standard,
)
from narr_audit.standards.reading import display_path, read_model, validate_file

OVERLAY_DIR = "overlays"


class RuleAmendment(StrictModel):
    """Replaces the given parts of an existing rule; ``add_evidence`` appends to its evidence."""

    id: RuleId  # any style ('1A2d'), read in the Standard's form
    why: str = Field(min_length=5)
    title: str | None = None
    requirement: str | None = None
    levels: LevelMarks | None = None
    evidence: list[EvidenceItem] | None = None
    add_evidence: list[EvidenceItem] = []
    remediation: str | None = None
    question: str | None = None
    life_safety: bool | None = None

    @model_validator(mode="after")
    def _changes_something(self) -> RuleAmendment:
        fields = ("title", "requirement", "levels", "evidence", "remediation", "question", "life_safety")
        if all(getattr(self, f) is None for f in fields) and not self.add_evidence:
            raise ValueError("a change must set at least one of " + ", ".join((*fields, "add_evidence")))
        return self


class RuleRetirement(StrictModel):
    id: RuleId
    reason: str = Field(min_length=5)


class Overlay(StrictModel):
    overlay: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    affiliate: str
    prefix: str = Field(pattern=r"^[A-Z]{2,8}$")
    base: str = "narr-3.0"
    summary: str
    sources: list[str] = []
    add: list[Rule] = []
    change: list[RuleAmendment] = []
    retire: list[RuleRetirement] = []
    vocabulary: dict[str, list[str]] = {}  # phrasings added to the shared concepts
    # Days the affiliate gives to correct gaps, counted from the site visit (else the assessment):
    # the default due date of a new item of `narr-audit plan`.
    plan_deadline_days: int | None = Field(default=None, ge=1, le=3660)


def shipped_overlays() -> dict[str, Path]:
    """Overlay id -> file, for the overlays that ship with narr-audit."""
    folder = standards_dir() / OVERLAY_DIR
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def resolve_overlay(name: str) -> Path:
    """A path to an overlay file, or the id of a shipped one."""
    path = Path(name)
    if path.is_file():
        return path
    shipped = shipped_overlays()
    if name.lower() in shipped:
        return shipped[name.lower()]
    if path.suffix in (".yaml", ".yml") or "/" in name:
        raise NarrError.single("no such overlay file", file=name, hint="check the path given to --standards")
    known = ", ".join(shipped) or "none"
    raise NarrError.single(
        f"'{name}' is neither an overlay file nor the id of a shipped overlay (shipped: {known})",
        field="--standards",
        hint="give the path to an overlay YAML file or one of the shipped ids",
    )


def overlay_for_affiliate(affiliate: str) -> str | None:
    """The id of the shipped overlay of an affiliate (e.g. 'AzRHA' -> 'azrha'), if one ships."""
    wanted = affiliate.strip().lower()
    for overlay_id, path in shipped_overlays().items():
        if overlay_id == wanted or load_overlay(path).affiliate.lower() == wanted:
            return overlay_id
    return None


def style_warnings(name: str) -> list[Problem]:
    """Warnings for the rule ids an overlay file given by path writes in another style (its own
    rules' and the ids it changes or retires); shipped overlays are kept in the Standard's style."""
    path = Path(name)
    if name.lower() in shipped_overlays() or not path.is_file():
        return []
    shown = display_path(path)
    doc = read_yaml(path, display=shown)
    data = doc.data if isinstance(doc.data, dict) else {}
    found: list[Problem] = []
    for section in ("change", "retire"):
        entries = data.get(section)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            written = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(written, str):
                style = style_warning(written, shown, doc.line_of((section, index, "id")), f"{section}[{index}].id")
                if style is not None:
                    found.append(style)
    return found


def load_overlay(path: Path) -> Overlay:
    return validate_file(path, Overlay)


def plan_deadline_days(names: Sequence[str]) -> int | None:
    """The corrective-action deadline of the overlays in force: the last one that declares one."""
    found = None
    for name in names:
        days = load_overlay(resolve_overlay(name)).plan_deadline_days
        if days is not None:
            found = days
    return found


def apply_overlays(book: Rulebook, names: Sequence[str]) -> Rulebook:
    for name in names:
        path = resolve_overlay(name)
        overlay, doc = read_model(path, Overlay)
        book = apply_overlay(book, overlay, display_path(path), doc)
    return book


def apply_overlay(book: Rulebook, overlay: Overlay, shown: str, doc: YamlDocument | None = None) -> Rulebook:
    """A new Rulebook with the overlay's additions, changes and retirements; every problem at once."""
    problems: list[Problem] = []

    def line(section: str, index: int) -> int | None:
        return None if doc is None else doc.line_of((section, index, "id"))

    rules: dict[str, Rule] = {r.id: r for r in book.rules()}
    standards = {s.id for s in book.standards()}
    added: dict[str, list[Rule]] = {}

    def unknown(rule_id: str, section: str, index: int) -> None:
        close = difflib.get_close_matches(rule_id, list(rules), n=3)
        hint = f"did you mean {' or '.join(close)}?" if close else "use the id of a rule of NARR 3.0"
        problems.append(
            Problem(
                f"there is no rule {rule_id} to {section}",
                shown,
                line(section, index),
                rule_id,
                f"{section}[{index}].id",
                hint,
            )
        )

    for index, rule in enumerate(overlay.add):
        match = RULE_ID.match(rule.id)
        assert match is not None
        where = f"add[{index}].id"
        if rule.id in rules:
            problems.append(
                Problem(f"{rule.id} already exists", shown, line("add", index), rule.id, where, "use 'change'")
            )
        elif not match["letter"].startswith(overlay.prefix):
            problems.append(
                Problem(
                    f"an added rule's id must end in the overlay prefix {overlay.prefix} and a number",
                    shown,
                    line("add", index),
                    rule.id,
                    where,
                    f"e.g. {match['standard']}.{overlay.prefix}1",
                )
            )
        elif match["standard"] not in standards:
            problems.append(
                Problem(
                    f"standard {match['standard']} does not exist",
                    shown,
                    line("add", index),
                    rule.id,
                    where,
                    "attach the rule to one of the 31 standards, e.g. 4.J.30",
                )
            )
        else:
            added.setdefault(match["standard"], []).append(rule.model_copy(update={"origin": overlay.overlay}))

    for index, change in enumerate(overlay.change):
        if change.id not in rules:
            unknown(change.id, "change", index)
            continue
        old = rules[change.id]
        update: dict[str, object] = {
            name: getattr(change, name)
            for name in (
                "title",
                "requirement",
                "levels",
                "evidence",
                "remediation",
                "question",
                "life_safety",
            )
            if getattr(change, name) is not None
        }
        evidence = list(update.get("evidence", old.evidence))  # type: ignore[call-overload]
        update["evidence"] = evidence + list(change.add_evidence)
        update["changed_by"] = [*old.changed_by, overlay.overlay]
        rules[change.id] = old.model_copy(update=update)

    retired = list(book.retired)
    for index, retirement in enumerate(overlay.retire):
        if retirement.id not in rules:
            unknown(retirement.id, "retire", index)
            continue
        gone = rules.pop(retirement.id)
        retired.append(RetiredRule(id=gone.id, title=gone.title, by=overlay.overlay, reason=retirement.reason))

    if problems:
        raise NarrError(problems)

    def rebuild_standard(standard: Standard) -> Standard | None:
        kept = [rules[r.id] for r in standard.rules if r.id in rules] + added.get(standard.id, [])
        return standard.model_copy(update={"rules": kept}) if kept else None

    domains = []
    for domain in book.domains:
        principles: list[Principle] = []
        for principle in domain.principles:
            new_standards = [s for s in map(rebuild_standard, principle.standards) if s is not None]
            principles.append(principle.model_copy(update={"standards": new_standards}))
        domains.append(Domain(id=domain.id, title=domain.title, principles=principles))
    vocabulary = {name: list(phrasings) for name, phrasings in book.vocabulary.items()}
    # The affiliate is named in policies by its acronym or its full name ("you may contact AzRHA").
    additions = {**overlay.vocabulary, "affiliate": [overlay.affiliate, *overlay.vocabulary.get("affiliate", [])]}
    for name, phrasings in additions.items():
        known = vocabulary.setdefault(name, [])
        known.extend(p for p in phrasings if p not in known)
    return book.model_copy(
        update={
            "domains": domains,
            "overlays": [*book.overlays, overlay.overlay],
            "retired": retired,
            "vocabulary": vocabulary,
        }
    )
