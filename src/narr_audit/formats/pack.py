"""What a submission pack holds besides the evidence, and what the pack and privacy commands print.

The index (HTML and CSV) lists for every rule the files of the pack that evidence it and where in
them (page, heading, rows), from the report's evidence references; the attestations and exceptions
page is printable HTML. Every value from a residence's files reaches HTML through the autoescaping
templates, CSV through :func:`safetext.csv_cell` and the terminal through :func:`safetext.terminal`.
The privacy views show masked forms only: the guard never holds a resident's data.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narr_audit.base.levels import LEVEL_NAMES, parse_level
from narr_audit.base.safetext import csv_cell, json_text
from narr_audit.base.safetext import terminal as safe
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.evidence.model import Manifest
from narr_audit.formats.templating import render
from narr_audit.results.pack import PackFile, PackManifest, Verification
from narr_audit.results.privacy import NotChecked, PrivacyScan
from narr_audit.results.report import Report
from narr_audit.standards.profiles import Profile

INDEX_COLUMNS = ("rule", "affiliate_id", "title", "status", "checklist_item", "pack_file", "evidence_file", "where")


@dataclass(frozen=True)
class IndexRow:
    rule: str
    affiliate_id: str
    title: str
    status: str
    item: str
    pack_file: str
    evidence_file: str
    where: str


def index_rows(report: Report, files: Sequence[PackFile], profile: Profile) -> list[IndexRow]:
    """One row per rule and piece of evidence (a rule without evidence gets one row of its own),
    in the Standard's order; only the rules the profile asks for."""
    asked = None if profile.rules == "all" else set(profile.rules)
    items: dict[str, list[int]] = {}
    for item in profile.checklist:
        for rule_id in item.rules:
            items.setdefault(rule_id, []).append(item.number)
    by_source: dict[str, list[PackFile]] = {}
    for f in files:
        if f.role == "evidence" and f.source:
            by_source.setdefault(f.source, []).append(f)
    rows: list[IndexRow] = []
    for r in report.results:
        if asked is not None and r.id not in asked:
            continue
        base = {
            "rule": r.id,
            "affiliate_id": profile.style(r.id),
            "title": r.title,
            "status": STATUS_LABELS.get(r.status.value, r.status.value),
            "item": ", ".join(str(n) for n in items.get(r.id, [])),
        }
        seen: set[tuple[str, str, str]] = set()
        placed = {ref.file for ref in r.evidence if ref.where}
        for ref in r.evidence:
            where = ref.where or ""
            if not where and ref.file in placed:
                continue  # the same file is listed with its page or rows
            for pack_file in _copies(ref.file, r.id, by_source):
                key = (pack_file, ref.file, where)
                if key not in seen:
                    seen.add(key)
                    rows.append(IndexRow(**base, pack_file=pack_file, evidence_file=ref.file, where=where))
        if not seen:
            rows.append(IndexRow(**base, pack_file="", evidence_file="", where=""))
    return rows


def _copies(source: str, rule_id: str, by_source: dict[str, list[PackFile]]) -> list[str]:
    """The copy of an evidence file filed under this rule; else every copy of it in the pack."""
    if source == "residence.yaml":
        return ["residence.yaml"]
    copies = by_source.get(source, [])
    mine = [f.path for f in copies if rule_id in f.rules]
    return mine or [f.path for f in copies] or [""]


def index_csv(rows: Sequence[IndexRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(INDEX_COLUMNS)
    for row in rows:
        writer.writerow(
            csv_cell(v)
            for v in (
                row.rule,
                row.affiliate_id,
                row.title,
                row.status,
                row.item,
                row.pack_file,
                row.evidence_file,
                row.where,
            )
        )
    return out.getvalue()


def _pack_context(report: Report, profile: Profile) -> dict[str, Any]:
    return {
        "residence": report.residence,
        "level": report.level,
        "level_name": LEVEL_NAMES[parse_level(report.level)],
        "as_of": report.assessed_on,
        "generated_on": report.generated_on,
        "version": report.tool.version,
        "standards": report.standards,
        "verdict": "ready" if report.verdict == "ready" else "not ready",
        "score": report.score.percent,
        "profile": profile,
    }


def index_html(report: Report, rows: Sequence[IndexRow], profile: Profile, template_dir: Path | None = None) -> str:
    grouped: list[tuple[str, list[IndexRow]]] = []
    for row in rows:
        if grouped and grouped[-1][0] == row.rule:
            grouped[-1][1].append(row)
        else:
            grouped.append((row.rule, [row]))
    return render("pack-index.html.j2", template_dir, rules=grouped, **_pack_context(report, profile))


@dataclass(frozen=True)
class AttestationView:
    rule: str
    affiliate_id: str
    title: str
    statement: str
    signed_by: str
    date: str
    scan: str
    status: str


@dataclass(frozen=True)
class ExceptionView:
    rule: str
    affiliate_id: str
    title: str
    reason: str
    approved_by: str
    expires: str
    standing: str


def attestations_html(
    report: Report,
    manifest: Manifest,
    files: Sequence[PackFile],
    profile: Profile,
    attachments: dict[int, str],
    template_dir: Path | None = None,
) -> str:
    """The operator's attestations and the affiliate's exceptions, one printable page.

    ``attachments`` maps an attestation's position in residence.yaml to its scan's folder path."""
    results = {r.id: r for r in report.results}
    paths = {f.source: f.path for f in files if f.role == "evidence" and f.source}
    attestations = []
    for index, a in enumerate(manifest.attestations):
        rule = results.get(a.rule)
        scan = attachments.get(index)
        attestations.append(
            AttestationView(
                rule=a.rule,
                affiliate_id=profile.style(a.rule),
                title=rule.title if rule else "",
                statement=a.statement,
                signed_by=a.signed_by,
                date=a.date.isoformat(),
                scan=paths.get(scan, "") if scan else "",
                status=STATUS_LABELS.get(rule.status.value, "") if rule else "",
            )
        )
    exceptions = []
    for e in manifest.exceptions:
        rule = results.get(e.rule)
        info = rule.exception if rule else None
        if info is None:
            standing = "not applied to this assessment"
        elif info.expired:
            standing = "expired"
        else:
            standing = f"in force, {info.days_left} day(s) left" if info.days_left is not None else "in force"
        exceptions.append(
            ExceptionView(
                rule=e.rule,
                affiliate_id=profile.style(e.rule),
                title=rule.title if rule else "",
                reason=e.reason,
                approved_by=e.approved_by,
                expires=e.expires,
                standing=standing,
            )
        )
    return render(
        "pack-attestations.html.j2",
        template_dir,
        attestations=attestations,
        exceptions=exceptions,
        **_pack_context(report, profile),
    )


def manifest_json(manifest: PackManifest) -> str:
    return json_text(manifest.model_dump_json(indent=2)) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# What the commands print


def _json(data: dict[str, Any]) -> str:
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def privacy_text(scan: PrivacyScan, written: Sequence[str] = (), by_hand: Sequence[NotChecked] = ()) -> str:
    lines: list[str] = []
    files = scan.files_with_findings()
    for file in files:
        found = scan.findings_in(file)
        how = " (read by OCR)" if any(f.read_by == "ocr" for f in found) else ""
        lines.append(f"{safe(file)}{how}")
        lines.extend(f"  {safe(f.where())}: {f.kind} {safe(f.masked)}" for f in found)
    if scan.not_checked:
        if lines:
            lines.append("")
        lines.append(f"Not checked ({len(scan.not_checked)}): look through these by hand before sending them")
        for n in scan.not_checked:
            lines.append(f"  {safe(n.file)}: {safe(n.reason)}" + (f"\n    fix: {safe(n.hint)}" if n.hint else ""))
    if lines:
        lines.append("")
    checked = len(scan.checked)
    if not files:
        lines.append(f"No resident data found in {checked} file(s) checked.")
    else:
        lines.append(
            f"Resident data found: {len(scan.findings)} finding(s) in {len(files)} of {checked} file(s) checked "
            "(values are masked; none is shown)."
        )
        if not written:
            lines.append(
                "Before sending these files: write redacted copies of the logs with --redact-to OUT and use them "
                "instead, black out documents and scans, or (if the affiliate must receive a file as it is) "
                "pass pack --include FILE."
            )
    if written:
        lines.append(f"Redacted copies written ({len(written)}): " + ", ".join(safe(w) for w in written))
        lines.append("Check each copy, then replace the log in the evidence folder with it before packing.")
    for n in by_hand:
        lines.append(f"Redact by hand: {safe(n.file)}: {safe(n.reason)}" + (f"; {safe(n.hint)}" if n.hint else ""))
    return "\n".join(lines) + "\n"


def privacy_json(scan: PrivacyScan, written: Sequence[str] = (), by_hand: Sequence[NotChecked] = ()) -> str:
    data = scan.model_dump(mode="json")
    data["redacted"] = list(written)
    data["redact_by_hand"] = [n.model_dump(mode="json") for n in by_hand]
    return _json({"schema_version": "1", **data})


def pack_text(manifest: PackManifest, output: str) -> str:
    evidence = manifest.evidence()
    lines = [
        f"wrote {safe(output)}: {len(manifest.files) + 1} file(s), {len(evidence)} of them evidence, "
        f"profile {safe(manifest.profile.id)}",
        f"{safe(manifest.residence.name)}: {manifest.verdict.replace('_', ' ')}"
        + (f", {manifest.score:.1f}%" if manifest.score is not None else "")
        + f" as of {manifest.as_of}",
    ]
    for item in manifest.included_despite_findings:
        lines.append(
            f"included despite {item.findings} privacy finding(s): {safe(item.file)} (recorded in the manifest)"
        )
    for n in manifest.not_checked_for_privacy:
        lines.append(f"not checked for resident data: {safe(n.file)}: {safe(n.reason)}")
    for left in manifest.left_out:
        lines.append(f"left out: {safe(left.file)}: {safe(left.reason)}")
    return "\n".join(lines) + "\n"


def verification_text(v: Verification) -> str:
    m = v.manifest
    lines = [
        f"{safe(m.residence.name)} ({safe(m.residence.operator)}), Level {m.level}, as of {m.as_of}; "
        f"made by narr-audit {safe(m.tool.version)} with the {safe(v.profile)} profile",
    ]
    if v.rechecked_verdict is not None:
        lines.append(
            f"re-checked: {v.rechecked_verdict.replace('_', ' ')}, {_percent(v.rechecked_score)}; "
            f"the report inside says {(v.report_verdict or '?').replace('_', ' ')}, {_percent(v.report_score)}"
        )
    if v.holds:
        lines.append(
            f"The pack holds: {v.files_checked} file(s) match manifest.json, nothing is added or missing, "
            "the profile's limits hold and it re-checks to the same verdict and score."
        )
    else:
        lines.append(f"The pack does not hold: {len(v.differences)} difference(s)")
        lines.extend(f"  {d.kind}: {safe(d.message)}" for d in v.differences)
    return "\n".join(lines) + "\n"


def _percent(value: float | None) -> str:
    return "no score" if value is None else f"{value:.1f}%"


def verification_json(v: Verification) -> str:
    data = v.model_dump(mode="json")
    data["holds"] = v.holds
    return _json({"schema_version": "1", **data})


__all__ = [
    "INDEX_COLUMNS",
    "IndexRow",
    "attestations_html",
    "index_csv",
    "index_html",
    "index_rows",
    "manifest_json",
    "pack_text",
    "privacy_json",
    "privacy_text",
    "verification_json",
    "verification_text",
]
