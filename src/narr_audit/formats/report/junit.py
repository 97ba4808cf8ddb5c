"""JUnit XML, for CI dashboards: one test case per rule that applies at the residence's level.

A test suite per domain. Met, met by attestation and excepted rules pass (the last two say so in
system-out); not met and partially met fail; unreadable evidence is an error; rules awaiting the site
visit are skipped, with the reason. Recommended-only and not-applicable rules are not test cases.
Built with ElementTree, so every value from evidence is escaped; characters XML 1.0 cannot hold at
all (controls in a file name) are shown as escapes by :func:`safetext.xml`, so the file stays
well-formed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from narr_audit.base.safetext import xml
from narr_audit.base.statuses import STATUS_LABELS
from narr_audit.formats.report import RenderOptions
from narr_audit.results.report import Report, RuleResult

FAILING = {"not_met", "partial"}


def _case(suite: ET.Element, result: RuleResult) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "classname": f"narr.{result.standard} {result.standard_title}",
            "name": f"{result.id} {result.title}",
            "file": result.location.file,
            "time": "0",
        },
    )
    if result.location.line:
        case.set("line", str(result.location.line))
    details = [result.reason]
    if result.missing:
        details.append("Missing: " + "; ".join(result.missing))
    if result.fix:
        details.append("What to do: " + result.fix)
    if result.status in FAILING:
        failure = ET.SubElement(case, "failure", {"message": STATUS_LABELS[result.status], "type": result.status})
        failure.text = "\n".join(details)
    elif result.status == "error":
        error = ET.SubElement(case, "error", {"message": "evidence could not be read", "type": "error"})
        error.text = "\n".join(details)
    elif result.status == "awaiting_site_visit":
        ET.SubElement(case, "skipped", {"message": f"awaiting site visit: {result.reason}"})
    elif result.status in ("attested", "excepted"):
        out = ET.SubElement(case, "system-out")
        out.text = f"{STATUS_LABELS[result.status]}: {result.reason}"


def _xml_safe(root: ET.Element) -> None:
    """Every text and attribute value of the tree as XML 1.0 can hold it."""
    for element in root.iter():
        if element.text:
            element.text = xml(element.text)
        for key, value in element.attrib.items():
            element.set(key, xml(value))


def render(report: Report, options: RenderOptions) -> str:
    applicable = [r for r in report.results if r.level_status == "required"]
    root = ET.Element(
        "testsuites",
        {"name": f"NARR 3.0: {report.residence.name}, Level {report.level}", "time": "0"},
    )
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for domain in report.score.children:
        results = [r for r in applicable if r.domain == domain.id]
        counts = {
            "tests": len(results),
            "failures": sum(1 for r in results if r.status in FAILING),
            "errors": sum(1 for r in results if r.status == "error"),
            "skipped": sum(1 for r in results if r.status == "awaiting_site_visit"),
        }
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": f"Domain {domain.id}: {domain.title}",
                **{k: str(v) for k, v in counts.items()},
                "time": "0",
                "timestamp": f"{report.generated_on.isoformat()}T00:00:00",
            },
        )
        props = ET.SubElement(suite, "properties")
        for name, value in (
            ("residence", report.residence.name),
            ("level", report.level),
            ("assessed_on", report.assessed_on.isoformat()),
            ("score", "n/a" if domain.percent is None else f"{domain.percent:.1f}"),
        ):
            ET.SubElement(props, "property", {"name": name, "value": value})
        for result in results:
            _case(suite, result)
        for key, count in counts.items():
            totals[key] += count
    for key, total in totals.items():
        root.set(key, str(total))
    _xml_safe(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
