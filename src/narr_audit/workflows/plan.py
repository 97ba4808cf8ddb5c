"""`narr-audit plan`: write or update plan.yaml, the corrective action plan, from the current gaps.

Each gap becomes an item: the rule, what is missing, what to do, an owner (a role), a due date and a
status. The due date is the affiliate's deadline from its overlay (``plan_deadline_days``), else 30
days, counted from the site visit when there is a review, else from the assessment date. Running it
again keeps everything the operator wrote (comments, owners, dates, notes), adds the new gaps and
marks an item whose gap is gone as done, with the date. Like `init` and `map --write`, this command
writes in the evidence folder: plan.yaml only, atomically, and never through a link or over a file
made read-only.
"""

from __future__ import annotations

import codecs
import io
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from narr_audit.base.errors import NarrError
from narr_audit.base.ids import normalise_rule_id
from narr_audit.base.levels import Level
from narr_audit.base.safetext import visible
from narr_audit.base.safewrite import Wording, replace_unchanged
from narr_audit.evidence.loader import read_manifest
from narr_audit.evidence.model import PLAN_FILE
from narr_audit.results.actions import owner_role
from narr_audit.results.report import Report
from narr_audit.standards.overlay import overlay_for_affiliate, plan_deadline_days
from narr_audit.workflows.audit import audit

DEFAULT_DEADLINE_DAYS = 30


@dataclass(frozen=True)
class PlanUpdate:
    """What `narr-audit plan` did to plan.yaml."""

    file: str
    created: bool
    added: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    due: date | None = None  # the due date given to new items
    deadline_days: int = DEFAULT_DEADLINE_DAYS
    counted_from: str = "the assessment date"


def update_plan(
    folder: Path,
    *,
    today: date,
    level: Level | None = None,
    as_of: date | None = None,
    overlays: Sequence[str] = (),
    cache: Path | None = None,
    review: Path | None = None,
) -> PlanUpdate:
    """Audit the folder and bring plan.yaml up to date with its gaps; returns what changed."""
    report = audit(folder, today=today, level=level, as_of=as_of, overlays=overlays, cache=cache, review=review)
    days = plan_deadline_days(_overlays_in_force(folder, overlays)) or DEFAULT_DEADLINE_DAYS
    start = report.review.visited_on if report.review else report.assessed_on
    counted_from = "the site visit" if report.review else "the assessment date"
    due = start + timedelta(days=days)
    path = folder / PLAN_FILE
    exists = path.is_symlink() or path.exists()
    mode, raw = (_writable(path), _read(path)) if exists else (None, b"")
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    added, closed, kept, output = _merge(text, report, due)
    update = PlanUpdate(PLAN_FILE, not exists, added, closed, kept, due, days, counted_from)
    if exists and not added and not closed:
        return update  # nothing to change: the file is left byte for byte as it was
    if raw.startswith(codecs.BOM_UTF8):
        output = "\ufeff" + output
    newline = "\r\n" if b"\r\n" in raw else "\n"
    replace_unchanged(
        path,
        output,
        newline=newline,
        mode=mode if mode is not None else 0o644,
        expected=raw if exists else None,
        wording=_WORDING,
    )
    return update


def _overlays_in_force(folder: Path, overlays: Sequence[str]) -> list[str]:
    """The overlays the audit applies: the affiliate's (when one ships), then those asked for."""
    names = list(overlays)
    affiliate = read_manifest(folder).manifest.residence.affiliate
    found = overlay_for_affiliate(affiliate) if affiliate else None
    if found is not None and found not in names:
        names.insert(0, found)
    return names


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    from narr_audit.workflows.mapping import _indentation

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # long lines rather than wrapped ones: an edit changes one line
    yaml.representer.ignore_aliases = lambda *_: True  # narr-audit files refuse anchors and aliases
    yaml.indent(**(_indentation(text) if text.strip() else {"mapping": 2, "sequence": 4, "offset": 2}))
    return yaml


def _merge(text: str, report: Report, due: date) -> tuple[list[str], list[str], list[str], str]:
    """The plan with the report's gaps merged in: (added, closed, kept, the new text)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = _yaml(text)
    data = yaml.load(text) if text.strip() else None
    if data is None:
        data = CommentedMap()
        data.yaml_set_start_comment(_header(report))
    items = data.get("items")
    if items is None:
        items = CommentedSeq()
        data["items"] = items
    gaps = report.gap_results()
    failing = {g.id for g in gaps}
    known: set[str] = set()
    added: list[str] = []
    closed: list[str] = []
    kept: list[str] = []
    for entry in items:
        rule = normalise_rule_id(str(entry.get("rule", "")))
        known.add(rule)
        status = str(entry.get("status", "open")).replace("_", " ")
        if rule not in failing and status != "done":
            entry["status"] = "done"
            entry["done_on"] = report.assessed_on
            closed.append(rule)
        else:
            kept.append(rule)
    for gap in gaps:
        if gap.id in known:
            continue
        entry = CommentedMap()
        entry["rule"] = gap.id
        entry["title"] = gap.title
        entry["missing"] = "; ".join(gap.missing) or gap.reason
        if gap.fix:
            entry["action"] = gap.fix
        entry["owner"] = owner_role(gap, report.level)
        entry["due"] = due
        entry["status"] = "open"
        entry["added"] = report.assessed_on
        items.append(entry)
        added.append(gap.id)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return added, closed, kept, buffer.getvalue()


def _header(report: Report) -> str:
    name = visible(report.residence.name)
    return (
        f"Corrective action plan for {name}, started by `narr-audit plan` from the gaps of {report.assessed_on}.\n"
        "Edit owner, due, status (open, in progress, done) and add notes. Running `narr-audit plan` again\n"
        "keeps your edits, adds new gaps and marks an item whose gap is gone as done; `narr-audit check`\n"
        "reports overdue items and items marked done whose rule still fails."
    )


def _writable(path: Path) -> int:
    """plan.yaml's permission bits, once it is known to be a file narr-audit may replace."""
    if path.is_symlink():
        raise NarrError.single(
            f"{PLAN_FILE} is a link; narr-audit plan would replace the link with a file, so it writes nothing",
            file=PLAN_FILE,
            hint=f"replace the link with a copy of the file it leads to, named {PLAN_FILE}",
        )
    try:
        info = path.stat()
    except OSError as exc:
        raise NarrError.single(f"cannot read {PLAN_FILE} ({exc.strerror or exc})", file=PLAN_FILE) from None
    if not stat.S_ISREG(info.st_mode):
        raise NarrError.single(f"{PLAN_FILE} is not a file", file=PLAN_FILE, hint="move it away and run again")
    mode = stat.S_IMODE(info.st_mode)
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise NarrError.single(
            f"{PLAN_FILE} is read-only, so narr-audit plan leaves it as it is",
            file=PLAN_FILE,
            hint=f"make it writable (chmod u+w {PLAN_FILE}) if it may be changed",
        )
    return mode


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise NarrError.single(f"cannot read {PLAN_FILE} ({exc.strerror or exc})", file=PLAN_FILE) from None


_WORDING = Wording(
    shown=PLAN_FILE,
    changed=f"{PLAN_FILE} changed while narr-audit was updating it, so it wrote nothing",
    changed_hint="run narr-audit plan again once nothing else is editing the file",
    failed=f"cannot write {PLAN_FILE}",
    failed_hint="check the evidence folder's permissions and free space",
)
