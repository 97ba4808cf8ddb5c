"""The examples teach the tool: each README's "Known gaps" table is exactly what `check` reports."""

from __future__ import annotations

import re

import pytest

from .test_golden import EXAMPLES, ROOT, example_report

README_STATUS = {"not met": "not_met", "partially met": "partial", "error": "error"}


def documented_gaps(example: str) -> set[tuple[str, str]]:
    text = (ROOT / "examples" / example / "README.md").read_text(encoding="utf-8")
    section = text.split("## Known gaps", 1)
    assert len(section) == 2, f"examples/{example}/README.md has no '## Known gaps' section"
    body = section[1].split("\n## ", 1)[0]
    gaps = set()
    for line in body.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and re.fullmatch(r"[1-4]\.[A-J]\.\d+\.[A-Za-z0-9]+", cells[0].strip("`")):
            status = cells[1].lower()
            assert status in README_STATUS, f"{example}: unknown status '{cells[1]}' for {cells[0]}"
            gaps.add((cells[0].strip("`"), README_STATUS[status]))
    return gaps


def test_there_is_an_example_per_level_and_one_is_ready() -> None:
    levels = {example_report(e).level for e in EXAMPLES}
    assert levels >= {"I", "II", "III", "IV"}
    assert any(example_report(e).verdict == "ready" for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES)
def test_documented_gaps_are_exactly_what_check_reports(example: str) -> None:
    report = example_report(example)
    reported = {(r.id, r.status) for r in report.gap_results()}
    documented = documented_gaps(example)
    assert reported == documented, (
        f"examples/{example}: check reports gaps the README does not list: {sorted(reported - documented)}; "
        f"the README lists gaps check does not report: {sorted(documented - reported)}"
    )
    if not documented:
        assert report.verdict == "ready"


@pytest.mark.parametrize("example", EXAMPLES)
def test_examples_load_without_warnings_or_unmapped_files(example: str) -> None:
    report = example_report(example)
    assert report.unmapped == [], f"examples/{example} has unmapped files: {report.unmapped}"
    unexpected = [w.message for w in report.warnings if "expires on" not in w.message]
    assert unexpected == []
    assert all(d.unreadable is None for d in report.documents), "example documents must all be readable"


BUILT = [e for e in EXAMPLES if (ROOT / "scripts" / "examples" / "sources" / e / "build.yaml").is_file()]


def test_the_binders_of_every_level_are_built_by_the_script() -> None:
    assert len(BUILT) >= 4, "the four level examples have their PDF, Word and photo files built by a script"


@pytest.mark.parametrize("example", BUILT)
def test_generated_binaries_are_committed_beside_their_sources(example: str) -> None:
    import yaml

    spec_path = ROOT / "scripts" / "examples" / "sources" / example / "build.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8")) or {}
    outputs = [d["output"] for d in spec.get("documents", [])] + [p["output"] for p in spec.get("photos", [])]
    missing = [o for o in outputs if not (ROOT / "examples" / example / o).is_file()]
    assert not missing, f"run python3 scripts/build-examples.py {example}; missing: {missing}"
