"""`narr-audit diff` as text (the default), Markdown (a PR comment, a recertification file) or JSON.

Pure functions of a :class:`~narr_audit.diff.Comparison` returning a string; the CLI writes it.
The reports compared are files a user gives, so in the text view every name and reason from them
passes through :func:`safetext.terminal`; the Markdown template uses the ``md`` filter.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from narr_audit import __version__
from narr_audit.base.safetext import json_text
from narr_audit.base.safetext import terminal as safe
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.base.text import percent
from narr_audit.formats.templating import render as render_template
from narr_audit.results.comparison import (
    CATEGORIES,
    DIFF_SCHEMA_VERSION,
    EXPIRY_NOUNS,
    Comparison,
    Expiry,
    RuleChange,
    Side,
    regressed,
    regressions,
)

WIDTH = 100

TITLES = {
    "newly_failing": "Newly failing",
    "fixed": "Fixed",
    "changed": "Changed",
    "added": "Added",
    "retired": "Retired",
    "expired": "Expired in between",
}
LEVEL_STATUS = {"required": "required", "recommended": "recommended", "not_applicable": "not applicable"}
VERDICTS = {"ready": "ready for certification", "not_ready": "not ready for certification"}


def render(comparison: Comparison, fmt: str, template_dir: Path | None = None) -> str:
    """The comparison in one of :data:`DIFF_FORMATS`."""
    return DIFF_FORMATS[fmt](comparison, template_dir)


def status(value: str | None, evaluated: str | None = None) -> str:
    if value is None:
        return "-"
    label = STATUS_LABELS[value]
    return f"{label} (evidence: {STATUS_LABELS[evaluated]})" if evaluated else label


def before(change: RuleChange) -> str:
    return status(change.old_status, change.old_evaluated)


def after(change: RuleChange) -> str:
    return status(change.new_status, change.new_evaluated)


def level_move(change: RuleChange, arrow: str = "->") -> str | None:
    """'required -> recommended' when the rule's place at the level changed, else None."""
    old, new = change.old_level_status, change.new_level_status
    if old is None or new is None or old == new:
        return None
    return f"{LEVEL_STATUS[old]} {arrow} {LEVEL_STATUS[new]}"


def score_line(comparison: Comparison, arrow: str = "->") -> str:
    s = comparison.score
    if s.delta is None:
        tail = "" if s.old == s.new else " (not comparable)"
    elif s.delta == 0:
        tail = " (unchanged)"
    else:
        tail = f" ({s.delta:+.1f} points)"
    return f"{percent(s.old)} {arrow} {percent(s.new)}{tail}"


def verdict_line(comparison: Comparison, arrow: str = "->") -> str:
    v = comparison.verdict
    if not v.changed:
        return f"{VERDICTS[v.old]} (unchanged)"
    return f"{VERDICTS[v.old]} {arrow} {VERDICTS[v.new]}"


def side_line(side: Side) -> str:
    return (
        f"{side.residence}, Level {side.level} ({side.level_name}), assessed on {side.assessed_on} "
        f"against {' + '.join(side.standards)}"
    )


def summary(comparison: Comparison) -> str:
    counts = comparison.counts()
    return ", ".join(f"{counts[name]} {TITLES[name].lower()}" for name in CATEGORIES)


def outcome(comparison: Comparison) -> str:
    if comparison.nothing_changed:
        return "Nothing changed: every rule has the same outcome in both reports."
    worse = regressions(comparison)
    if worse:
        return f"Regressed: {'; '.join(worse)}."
    return "No regression: nothing got worse."


def what_expired(item: Expiry) -> str:
    if item.evidence == "exception":
        return item.label
    return f"{EXPIRY_NOUNS[item.evidence]} ({item.label})"


# --- text ----------------------------------------------------------------------------------------


def render_text(comparison: Comparison) -> str:
    c = comparison
    lines = [
        safe(f"OLD  {c.old.file + ': ' if c.old.file else ''}{side_line(c.old)}"),
        safe(f"NEW  {c.new.file + ': ' if c.new.file else ''}{side_line(c.new)}"),
        f"Score: {score_line(c)}",
        f"Verdict: {verdict_line(c)}",
    ]
    lines.extend(textwrap.fill(safe(f"Note: {note}"), width=WIDTH, subsequent_indent=" " * 6) for note in c.notes)
    lines.append("")
    lines.append(outcome(c))
    if c.nothing_changed:
        return "\n".join(lines) + "\n"
    lines.append(summary(c) + ".")
    for name in CATEGORIES[:-1]:
        changes: list[RuleChange] = getattr(c, name)
        if changes:
            lines.append("")
            lines.append(f"{TITLES[name]} ({len(changes)})")
            for change in changes:
                lines.extend(_text_change(name, change))
    if c.expired:
        lines.append("")
        lines.append(f"{TITLES['expired']} ({len(c.expired)})")
        for item in c.expired:
            lines.extend(_text_expiry(item))
    if c.plan:
        lines.append("")
        lines.append(f"Corrective action plan ({len(c.plan)} item(s) changed)")
        for moved in c.plan:
            head = safe(f"  {moved.rule} {moved.title}: {'; '.join(moved.changes)}")
            lines.append(textwrap.fill(head, width=WIDTH, subsequent_indent=" " * 6))
    return "\n".join(lines) + "\n"


def _text_change(category: str, change: RuleChange) -> list[str]:
    head = f"  {safe(change.id)} {safe(change.title)}{' (life safety)' if change.life_safety else ''}: "
    if category == "added":
        head += after(change)
    elif category == "retired":
        head += f"was {before(change)}"
    else:
        head += f"{before(change)} -> {after(change)}"
    moved = level_move(change)
    if moved:
        head += f" ({moved})"
    lines = [textwrap.fill(head, width=WIDTH, subsequent_indent=" " * 6)]
    lines.append(_wrap("Why: ", change.reason))
    if category == "newly_failing" and change.fix:
        lines.append(_wrap("Fix: ", change.fix))
    return lines


def _text_expiry(item: Expiry) -> list[str]:
    head = safe(f"  {item.rule} {item.title}: {what_expired(item)}; the rule is now {status(item.rule_status)}")
    return [textwrap.fill(head, width=WIDTH, subsequent_indent=" " * 6), _wrap("What: ", item.detail)]


def _wrap(label: str, text: str) -> str:
    lead = f"      {label}"
    text = safe(text, multiline=True)  # textwrap turns newlines and tabs into spaces
    return textwrap.fill(text, width=WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead))


# --- Markdown ------------------------------------------------------------------------------------


def render_markdown(comparison: Comparison, template_dir: Path | None = None) -> str:
    return render_template(
        "diff.md.j2",
        template_dir,
        c=comparison,
        titles=TITLES,
        categories=CATEGORIES,
        before=before,
        after=after,
        level_move=lambda change: level_move(change, "→"),
        status=status,
        percent=percent,
        score_line=score_line(comparison, "→"),
        verdicts=VERDICTS,
        what_expired=what_expired,
        outcome=outcome(comparison),
        summary=summary(comparison),
        version=__version__,
    )


# --- JSON ----------------------------------------------------------------------------------------


def render_json(comparison: Comparison) -> str:
    body = comparison.model_dump(mode="json")
    data: dict[str, Any] = {
        "schema_version": DIFF_SCHEMA_VERSION,
        "tool": {"name": "narr-audit", "version": __version__},
        "regressed": regressed(comparison),
        "regressions": regressions(comparison),
        "nothing_changed": comparison.nothing_changed,
        "counts": comparison.counts(),
        "old": body["old"],
        "new": body["new"],
        "score": body["score"],
        "verdict": body["verdict"],
        **{name: body[name] for name in CATEGORIES},
        "plan": body["plan"],
        "notes": body["notes"],
    }
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


# The one registry of diff formats: name -> render(comparison, template_dir).
DIFF_FORMATS: dict[str, Callable[[Comparison, Path | None], str]] = {
    "text": lambda comparison, _templates: render_text(comparison),
    "markdown": render_markdown,
    "json": lambda comparison, _templates: render_json(comparison),
}
