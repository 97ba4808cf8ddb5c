"""GitHub Actions workflow commands: one annotation per required rule not met, partly met or unreadable.

Printed by a workflow step (`narr-audit check DIR --format github`), each line becomes an annotation
on the run and on a pull request's files: `::error` for a rule not met or whose evidence could not be
read, `::warning` for one partially met, located like SARIF's results (the evidence file concerned,
or residence.yaml at the line naming the rule) so a policy repository sees the gap beside the policy.
Evidence found in a file not mapped to its rule gets a `::notice` on that file, saying to map it. A
last `::notice::` line gives the verdict and the score. Values are escaped as GitHub's runner
expects, so a colon, comma or newline in a file name or reason cannot break or forge a command, and
other controls in them are shown as escapes (a workflow log is shown in a terminal emulator).
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

from narr_audit.base.safetext import terminal
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.formats.report import RenderOptions
from narr_audit.results.report import FoundElsewhere, Report, RuleResult

COMMANDS = {"not_met": "error", "error": "error", "partial": "warning"}


def safe(text: str) -> str:
    """Controls but line breaks as visible escapes; CR and LF are left to :func:`escape_data`, which
    percent-encodes them (GitHub shows them as line breaks, and a file name keeps its own)."""
    return "\r".join(terminal(part, multiline=True) for part in text.split("\r"))


def escape_data(text: str) -> str:
    """A command's message: %, CR and LF are percent-encoded (GitHub's runner decodes them)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value (file, title): also ':' and ',', which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_path(folder: str, file: str) -> str:
    """The file's path as the folder was given on the command line: repository-relative from its root.

    Forward slashes, `.` segments dropped, nothing percent-encoded (GitHub matches it to the checkout).
    """
    path = PurePosixPath(folder.replace("\\", "/")) / file.replace("\\", "/")
    path = PurePosixPath(posixpath.normpath(path))  # a property checked alone names ../organization.yaml
    if path.is_absolute():
        return path.as_posix()
    parts = [p for p in path.parts if p != "."]
    return "/".join(parts) if parts else file


def _message(result: RuleResult) -> str:
    """'Partially met: <reason>.', what is missing when the reason does not say it, then what to do."""
    label = STATUS_LABELS[result.status]
    text = f"{label[:1].upper()}{label[1:]}: {safe(result.reason.rstrip('.'))}."
    unsaid = [m for m in result.missing if m not in result.reason]
    if unsaid:
        text += " Missing: " + safe("; ".join(unsaid)) + "."
    if result.fix:
        text += "\nWhat to do: " + safe(result.fix)
    return text


def annotation(result: RuleResult, folder: str) -> str:
    properties = [f"file={escape_property(safe(annotation_path(folder, result.location.file)))}"]
    if result.location.line is not None:
        properties.append(f"line={result.location.line}")
    properties.append(f"title={escape_property(safe(f'{result.id} {result.title}'))}")
    return f"::{COMMANDS[result.status]} {','.join(properties)}::{escape_data(_message(result))}"


def elsewhere_annotations(found: FoundElsewhere, folder: str) -> list[str]:
    """A notice on each file where evidence of the rule was found, though the file is not mapped to it."""
    result = found.result
    out = []
    for file in found.files:
        places = "; ".join(r.where for r in found.refs if r.file == file and r.where)
        label = STATUS_LABELS[result.status]
        text = (
            f"{label[:1].upper()}{label[1:]}: evidence found here{f' ({safe(places)})' if places else ''}, in a file "
            f"not mapped to this rule; confirm it, then map it.\n{safe(found.reason.rstrip('.'))}."
        )
        properties = [
            f"file={escape_property(safe(annotation_path(folder, file)))}",
            f"title={escape_property(safe(f'{result.id} {result.title}'))}",
        ]
        out.append(f"::notice {','.join(properties)}::{escape_data(text)}")
    return out


def summary(report: Report) -> str:
    verdict = "ready for certification" if report.verdict == "ready" else "not ready for certification"
    score = "no score" if report.score.percent is None else f"score {report.score.percent:.1f}%"
    gaps = len(report.gaps)
    text = (
        f"narr-audit: {safe(report.residence.name)} (Level {report.level}) is {verdict}; {score}; "
        f"{gaps} gap{'' if gaps == 1 else 's'}, {len(report.site_visit)} rule(s) awaiting the site visit. "
        f"{safe(report.verdict_reason[:1].upper() + report.verdict_reason[1:])}."
    )
    return f"::notice::{escape_data(text)}"


def render(report: Report, options: RenderOptions) -> str:
    lines = [annotation(result, report.folder) for result in report.gap_results()]
    lines.extend(line for found in report.found_elsewhere() for line in elsewhere_annotations(found, report.folder))
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
