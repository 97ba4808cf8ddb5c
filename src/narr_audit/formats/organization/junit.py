"""JUnit XML of an organization: each property's suites (one per domain, as a residence's), named
with the property; a property that could not be read is one suite with an errored test case.

Each property's suites come from the residence format (:mod:`narr_audit.formats.report.junit`), so a
rule is judged the same way in both; a shared gap fails in every property it blocks, as it does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from narr_audit.base.safetext import xml
from narr_audit.formats.report import RenderOptions
from narr_audit.formats.report.junit import render as residence_junit
from narr_audit.results.organization import OrganizationReport

_COUNTS = ("tests", "failures", "errors", "skipped")


def render(report: OrganizationReport, options: RenderOptions) -> str:
    root = ET.Element("testsuites", {"name": xml(f"NARR 3.0: {report.organization.name}"), "time": "0"})
    totals = dict.fromkeys(_COUNTS, 0)
    for prop in report.properties:
        if prop.report is None:
            suite = ET.SubElement(
                root,
                "testsuite",
                {"name": xml(f"{prop.folder}: could not be read"), "tests": "1", "failures": "0", "errors": "1",
                 "skipped": "0", "time": "0"},
            )  # fmt: skip
            case = ET.SubElement(
                suite, "testcase", {"classname": "narr.organization", "name": xml(prop.folder), "time": "0"}
            )
            error = ET.SubElement(case, "error", {"message": "the property could not be read", "type": "unreadable"})
            error.text = xml(
                "\n".join(f"{p.file or ''}{f':{p.line}' if p.line else ''}: {p.message}" for p in prop.problems)
            )
            totals["tests"] += 1
            totals["errors"] += 1
            continue
        own = ET.fromstring(residence_junit(prop.report, options).split("\n", 1)[1])
        label = f"{prop.report.residence.name} ({prop.folder}), Level {prop.report.level}"
        for suite in own.findall("testsuite"):
            suite.set("name", xml(f"{label}: {suite.get('name', '')}"))
            for key in _COUNTS:
                totals[key] += int(suite.get(key, "0"))
            root.append(suite)
    for key, total in totals.items():
        root.set(key, str(total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
