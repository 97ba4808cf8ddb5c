"""Level fit: which level of support the evidence supports, against the level a residence claims.

The reviewer assigns the level and operators appeal it, so a house claiming Level III whose evidence
only supports Level II must be told so (and why), and a Level II house that already meets Level III
must be told that too.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from narr_audit import api
from narr_audit.results.levelfit import FitEntry, LevelFitList, exit_code
from narr_audit.results.levelfit_model import LevelFit, LevelSupport
from narr_audit.results.report import Notice, Tool

from .conftest import run_cli
from .folders import make_folder
from .test_examples import documented_gaps
from .test_golden import EXAMPLES, GENERATED_ON, ROOT, example_report

HARBOR = ROOT / "examples" / "level-2-monitored"  # Harbor House: the Level II binder that is ready
ADDITIONS = Path(__file__).parent / "fixtures" / "level-three-additions"
ORGANIZATION = "harbor-organization"
_fits: dict[str, LevelFitList] = {}


def example_fits(name: str) -> LevelFitList:
    """`narr-audit level examples/NAME` as run from the repository on the examples' date."""
    if name not in _fits:
        here = Path.cwd()
        os.chdir(ROOT)
        try:
            _fits[name] = api.level_fit(Path("examples") / name, today=GENERATED_ON)
        finally:
            os.chdir(here)
    return _fits[name]


def example_fit(name: str) -> LevelFit:
    (entry,) = example_fits(name).residences
    assert entry.fit is not None
    return entry.fit


def readme_level(example: str) -> str:
    """The level the example's README says the residence claims (its title names it)."""
    title = (ROOT / "examples" / example / "README.md").read_text(encoding="utf-8").splitlines()[0]
    found = re.search(r"Level (IV|III|II|I)\b", title)
    assert found, f"examples/{example}/README.md: the title names no level"
    return found.group(1)


# --- the examples -------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES)
def test_each_example_is_measured_against_the_level_its_readme_claims(example: str) -> None:
    fit = example_fit(example)
    assert fit.claimed == readme_level(example)
    assert [row.level for row in fit.levels] == ["I", "II", "III", "IV"]
    claimed = next(row for row in fit.levels if row.level == fit.claimed)
    assert claimed.required == claimed.met + claimed.site_visit + claimed.gaps + claimed.not_applicable


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_claimed_levels_gaps_are_the_readmes_known_gaps(example: str) -> None:
    fit = example_fit(example)
    documented = documented_gaps(example)
    assert {(g.id, g.status) for g in fit.gaps} == documented
    assert fit.claimed_supported is (not documented)
    if documented:
        assert f"{len(documented)} rule" in fit.summary and "not yet met" in fit.summary
    else:
        assert fit.summary.startswith(f"The evidence supports Level {fit.claimed} (")


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_claimed_level_is_what_check_reports_at_that_level(example: str) -> None:
    """Level fit runs the same engine as check: at the claimed level, the same gaps in the same order."""
    report = example_report(example)
    fit = example_fit(example)
    assert fit.claimed == report.level
    assert [g.id for g in fit.gaps] == report.gaps
    assert fit.claimed_supported is (report.verdict == "ready")


def test_the_ready_level_ii_example_supports_level_ii_and_not_yet_level_iii() -> None:
    fit = example_fit("level-2-monitored")
    assert (fit.claimed, fit.supported, fit.claimed_supported) == ("II", "II", True)
    assert [row.supported for row in fit.levels] == [True, True, False, False]
    assert fit.next is not None and fit.next.level == "III" and not fit.next.supported
    # Level III newly requires resident-driven rules, recovery support services and formal activities;
    # a good-neighbor parking plan is among them, and Harbor House already has one.
    newly = {r.id: r for r in fit.next.newly_required}
    assert {"1.C.7.a", "3.G.24.a", "3.G.24.b", "3.I.28.b", "4.J.31.b"} <= set(newly)
    assert newly["4.J.31.b"].status == "met" and newly["3.G.24.a"].status == "not_met"
    assert all(r.required_from == "III" for r in fit.next.newly_required)
    # Medication storage is required at every level, but Level III asks for counts as well.
    assert [r.id for r in fit.next.asks_more] == ["2.F.16.d"]
    assert fit.next.asks_more[0].required_from == "I"
    assert set(fit.next.gaps) == {r.id for r in fit.next.newly_required if r.status != "met"} | {"2.F.16.d"}


def test_the_level_iv_example_has_no_next_level() -> None:
    fit = example_fit("level-4-service-provider")
    assert fit.claimed == "IV" and fit.next is None


def organization_readme_levels() -> dict[str, str]:
    """Each house's folder and the level the organization README's layout table gives it."""
    text = (ROOT / "examples" / ORGANIZATION / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([a-z-]+)/` \| Level (IV|III|II|I)\b", text, re.MULTILINE))


def test_level_on_an_organization_fits_every_property_against_its_own_claimed_level() -> None:
    from .test_organization_example import documented

    fits = example_fits(ORGANIZATION)
    assert fits.organization == "Harbor Recovery LLC"
    levels = organization_readme_levels()
    assert [e.folder for e in fits.residences] == list(levels)  # organization.yaml's order
    rows = documented()
    for entry in fits.residences:
        assert entry.fit is not None, entry.problems
        assert entry.fit.claimed == levels[entry.folder]
        expected = {(rule, status) for rule, status, where in rows if where in ("organization", entry.folder)}
        assert {(g.id, g.status) for g in entry.fit.gaps} == expected, entry.folder
        assert entry.fit.claimed_supported is (not expected)
    assert exit_code(fits) == (1 if rows else 0)


def test_a_property_alone_fits_as_it_does_in_its_organization() -> None:
    alone = example_fit(f"{ORGANIZATION}/birch-house")
    among = next(e.fit for e in example_fits(ORGANIZATION).residences if e.folder == "birch-house")
    assert among is not None
    assert alone.model_dump(exclude={"gaps", "next"}) == among.model_dump(exclude={"gaps", "next"})
    assert [g.id for g in alone.gaps] == [g.id for g in among.gaps]


# --- a Level III claim the evidence supports only to Level II, and the reverse -------------------


def harbor_house(root: Path, *, level: str, additions: dict[str, list[str]] | None = None) -> Path:
    """Harbor House rebuilt with make_folder: the ready Level II binder's files and residence.yaml
    entries, claiming ``level``, plus ``additions`` (fixture files under level3/, each with its rules)."""
    manifest = yaml.safe_load((HARBOR / "residence.yaml").read_text(encoding="utf-8"))
    files: dict[str, str | bytes] = {
        p.relative_to(HARBOR).as_posix(): p.read_bytes()
        for p in HARBOR.rglob("*")
        if p.is_file() and p.name != "residence.yaml"
    }
    evidence = list(manifest["evidence"])
    for rel, rules in (additions or {}).items():
        files[f"level3/{rel}"] = (ADDITIONS / rel).read_bytes()
        if rules:  # a Markdown policy with `narr:` front matter maps itself
            evidence.append({"file": f"level3/{rel}", "rules": rules})
    return make_folder(
        root,
        files=files,
        evidence=evidence,
        attestations=manifest["attestations"],
        exceptions=manifest["exceptions"],
        assessed_on=str(manifest["assessed_on"]),
        **{**manifest["residence"], "level": level},
    )


# What a Level III house keeps beyond Harbor House's binder: the governance policy residents make
# rules under, the required groups' schedule and curricula, the supervision of recovery support
# staff, medication counts and group attendance.
LEVEL_THREE = {
    "policies/resident-leadership-and-governance.md": [],
    "programs/weekly-schedule.md": ["3.G.23.a", "3.I.28.b"],
    "programs/group-curricula.md": ["3.G.24.a"],
    "staff/recovery-support-staff.md": ["3.G.24.b"],
    "logs/medication-counts.csv": ["2.F.16.d"],
    "logs/group-attendance.csv": ["3.G.24.a", "3.I.28.b"],
}


@pytest.fixture(scope="module")
def claims_iii_supports_ii(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return harbor_house(tmp_path_factory.mktemp("claims-iii") / "harbor-house", level="III")


@pytest.fixture(scope="module")
def claims_ii_meets_iii(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return harbor_house(tmp_path_factory.mktemp("meets-iii") / "harbor-house", level="II", additions=LEVEL_THREE)


def only_fit(folder: Path) -> LevelFit:
    (entry,) = api.level_fit(folder, today=GENERATED_ON).residences
    assert entry.fit is not None
    return entry.fit


def test_a_level_iii_claim_supported_only_to_level_ii_says_so_and_lists_why(claims_iii_supports_ii: Path) -> None:
    fit = only_fit(claims_iii_supports_ii)
    assert (fit.claimed, fit.supported, fit.claimed_supported) == ("III", "II", False)
    assert fit.summary.startswith(
        "Level III (Supervised) is claimed, but the evidence supports only Level II (Monitored): 5 rules"
    )
    why = {g.id: g for g in fit.gaps}
    assert set(why) == {"1.C.7.a", "3.G.24.a", "3.G.24.b", "3.I.28.b", "2.F.16.d"}
    # For the reviewer: which rules are Level III's own, and which Level III asks more of.
    assert {i for i, g in why.items() if g.required_from == "III"} == {"1.C.7.a", "3.G.24.a", "3.G.24.b", "3.I.28.b"}
    assert why["2.F.16.d"].required_from == "I" and why["2.F.16.d"].life_safety
    # For the operator: what is missing and what to do about each.
    assert all(g.reason and g.fix for g in fit.gaps)
    assert [row.supported for row in fit.levels] == [True, True, False, False]


def test_the_level_command_tells_the_operator_and_the_reviewer(claims_iii_supports_ii: Path) -> None:
    result = run_cli("level", str(claims_iii_supports_ii))
    assert result.exit_code == 1
    out = " ".join(result.stdout.split())  # the terminal wraps lines
    assert "Level III (Supervised) is claimed, but the evidence supports only Level II (Monitored)" in out
    assert "Highest level fully supported: Level II (Monitored)." in out
    for rule_id in ("1.C.7.a", "3.G.24.a", "3.G.24.b", "3.I.28.b", "2.F.16.d"):
        assert rule_id in out
    assert "(required from Level III)" in out and "Fix:" in out
    assert "Level IV (Service Provider), the next level up" in out


def test_a_level_ii_home_that_already_meets_level_iii_is_told_so(claims_ii_meets_iii: Path) -> None:
    fit = only_fit(claims_ii_meets_iii)
    assert (fit.claimed, fit.supported, fit.claimed_supported) == ("II", "III", True)
    assert "The evidence supports Level III (Supervised), above the Level II (Monitored) claimed" in fit.summary
    assert "could ask to be reviewed at Level III" in fit.summary
    assert fit.gaps == []
    assert fit.next is not None and fit.next.level == "III" and fit.next.supported and fit.next.gaps == []
    assert fit.next.asks_more == []
    met = {r.id for r in fit.next.newly_required if r.status in ("met", "attested", "excepted")}
    assert fit.next.newly_met == len(met) and {"1.C.7.a", "3.I.28.b", "4.J.31.b"} <= met
    assert run_cli("level", str(claims_ii_meets_iii)).exit_code == 0


def test_level_loads_the_folder_once_and_runs_the_engine_at_each_level(
    claims_iii_supports_ii: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import narr_audit.engine
    import narr_audit.evidence.loader
    import narr_audit.workflows.audit

    loads: list[Path] = []
    levels: list[str] = []
    extracted: list[Path] = []
    load, engine, extract = (
        narr_audit.workflows.audit.load_folder,
        narr_audit.engine.audit,
        narr_audit.evidence.loader.extract,
    )

    def counted_load(source: Any, **kwargs: Any) -> Any:
        loads.append(source.root)
        return load(source, **kwargs)

    def counted_engine(evidence: Any, *args: Any, **kwargs: Any) -> Any:
        levels.append(str(evidence.level))
        return engine(evidence, *args, **kwargs)

    def counted_extract(path: Path, *args: Any, **kwargs: Any) -> Any:
        extracted.append(path)
        return extract(path, *args, **kwargs)

    monkeypatch.setattr(narr_audit.workflows.audit, "load_folder", counted_load)
    monkeypatch.setattr(narr_audit.engine, "audit", counted_engine)
    monkeypatch.setattr(narr_audit.evidence.loader, "extract", counted_extract)
    api.level_fit(claims_iii_supports_ii, today=GENERATED_ON)
    assert len(loads) == 1
    assert sorted(levels) == ["I", "II", "III", "IV"]
    four_levels = sorted(extracted)
    extracted.clear()
    api.audit(claims_iii_supports_ii, today=GENERATED_ON)
    assert four_levels == sorted(extracted), "each document is extracted once, as for one check"


# --- check --level-fit: a section of the report ----------------------------------------------


def test_check_with_level_fit_carries_the_same_fit_in_its_json(claims_iii_supports_ii: Path) -> None:
    with_fit = run_cli("check", str(claims_iii_supports_ii), "--level-fit", "--format", "json", "--no-cache")
    assert with_fit.exit_code == 1
    report = json.loads(with_fit.stdout)
    level = json.loads(run_cli("level", str(claims_iii_supports_ii), "--format", "json", "--no-cache").stdout)
    assert report["level_fit"] == level["residences"][0]["fit"]
    assert report["level_fit"]["supported"] == "II"


def test_check_without_level_fit_writes_no_level_fit_key(claims_iii_supports_ii: Path) -> None:
    """Reports made without --level-fit are byte for byte what they were (golden files, diff)."""
    plain = json.loads(run_cli("check", str(claims_iii_supports_ii), "--format", "json").stdout)
    assert "level_fit" not in plain
    published = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    assert "level_fit" in published["properties"] and "level_fit" not in published.get("required", [])


def test_check_with_level_fit_renders_the_section_in_markdown_html_and_terminal(claims_iii_supports_ii: Path) -> None:
    folder = str(claims_iii_supports_ii)
    markdown = run_cli("check", folder, "--level-fit", "--format", "markdown").stdout
    section = markdown.split("## Level fit\n", 1)[1].split("\n## ", 1)[0]
    assert "the evidence supports only Level II (Monitored)" in section
    assert "| III Supervised (claimed) |" in section and "| II Monitored | 99 |" in section
    assert "| 3.G.24.a | RSS | not met | Level III |" in section
    html = run_cli("check", folder, "--level-fit", "--format", "html").stdout
    assert '<h2 id="level-fit">Level fit</h2>' in html and '<a href="#level-fit">Level fit</a>' in html
    assert 'href="#rule-3-G-24-a"' in html
    terminal = " ".join(run_cli("check", folder, "--level-fit").stdout.split())
    assert "Level fit" in terminal and "the evidence supports only Level II (Monitored)" in terminal
    for name in ("markdown", "html", "terminal"):
        without = run_cli("check", folder, "--format", name).stdout
        assert "Level fit" not in without, name


# --- JSON, exit codes and bad input --------------------------------------------------------------


def test_level_json_has_a_documented_shape() -> None:
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        result = run_cli("level", "examples/level-2-monitored", "--format", "json")
    finally:
        os.chdir(here)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == ["schema_version", "tool", "generated_on", "folder", "organization", "residences"]
    assert data["schema_version"] == "1.0" and data["organization"] is None
    (entry,) = data["residences"]
    assert (entry["folder"], entry["name"], entry["assessed_on"]) == (
        "examples/level-2-monitored",
        "Harbor House",
        "2026-11-01",
    )
    fit = entry["fit"]
    assert list(fit) == [
        "claimed",
        "claimed_name",
        "claimed_supported",
        "supported",
        "supported_name",
        "summary",
        "levels",
        "gaps",
        "next",
    ]
    assert [row["level"] for row in fit["levels"]] == ["I", "II", "III", "IV"]
    assert set(fit["levels"][0]) == {
        "level",
        "level_name",
        "required",
        "met",
        "site_visit",
        "gaps",
        "not_applicable",
        "supported",
    }
    rule = fit["next"]["newly_required"][0]
    assert set(rule) == {"id", "title", "status", "life_safety", "required_from", "reason", "fix"}
    assert LevelFitList.model_validate(data).residences[0].fit == example_fit("level-2-monitored")


def fits_of(*entries: FitEntry) -> LevelFitList:
    return LevelFitList(tool=Tool(version="0"), generated_on=date(2026, 11, 1), folder="x", residences=list(entries))


def a_fit(claimed_supported: bool) -> LevelFit:
    row = LevelSupport(
        level="II", level_name="Monitored", required=1, met=1, site_visit=0, gaps=0, supported=claimed_supported
    )
    return LevelFit(
        claimed="II",
        claimed_name="Monitored",
        claimed_supported=claimed_supported,
        supported="II" if claimed_supported else None,
        summary="",
        levels=[row],
        gaps=[],
        next=None,
    )


def test_exit_code_is_0_when_the_claimed_level_is_fully_supported_1_when_not_2_when_unreadable() -> None:
    ok = FitEntry(folder="a", name="A", fit=a_fit(True))
    short = FitEntry(folder="b", name="B", fit=a_fit(False))
    broken = FitEntry(folder="c", name="c", problems=[Notice(message="there is no residence.yaml in this folder")])
    assert exit_code(fits_of(ok)) == 0
    assert exit_code(fits_of(short)) == 1
    assert exit_code(fits_of(ok, short)) == 1  # every property's claimed level must hold
    assert exit_code(fits_of(ok, short, broken)) == 2  # as check on an organization with a broken property


def test_a_folder_without_residence_yaml_is_bad_input_named_plainly(tmp_path: Path) -> None:
    (tmp_path / "policies").mkdir()
    result = run_cli("level", str(tmp_path))
    assert result.exit_code == 2
    assert "there is no residence.yaml in this folder" in result.stderr and str(tmp_path) in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_an_unknown_level_is_a_usage_error(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house")
    result = run_cli("level", str(folder), "--level", "V")
    assert result.exit_code == 2 and "'V' is not a level of support" in result.stderr


def test_check_level_fit_on_an_organization_points_to_the_level_command() -> None:
    result = run_cli("check", str(ROOT / "examples" / ORGANIZATION), "--level-fit")
    assert result.exit_code == 2
    assert "--level-fit" in result.stderr and "narr-audit level" in result.stderr


def test_level_refuses_to_write_into_the_evidence_folder(claims_iii_supports_ii: Path) -> None:
    result = run_cli("level", str(claims_iii_supports_ii), "--output", str(claims_iii_supports_ii / "fit.md"))
    assert result.exit_code == 2 and "only reads" in result.stderr
    assert not (claims_iii_supports_ii / "fit.md").exists()


def test_level_markdown_for_the_binder(claims_iii_supports_ii: Path, tmp_path: Path) -> None:
    out = tmp_path / "level-fit.md"
    result = run_cli("level", str(claims_iii_supports_ii), "--format", "markdown", "--output", str(out))
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Level fit\n\n")
    assert "## Harbor House" in text and "### Gaps at Level III (Supervised), the level claimed" in text
    assert "| II Monitored | 99 | " in text and "| **yes** |" in text
    assert "### Level IV (Service Provider), the next level up" in text


def test_a_property_that_cannot_be_read_is_listed_while_the_others_are_fitted(tmp_path: Path) -> None:
    import shutil

    organization = tmp_path / ORGANIZATION
    shutil.copytree(ROOT / "examples" / ORGANIZATION, organization)
    (organization / "cedar-house" / "residence.yaml").unlink()
    fits = api.level_fit(organization, today=GENERATED_ON)
    by_folder = {e.folder: e for e in fits.residences}
    assert list(by_folder) == ["harbor-house", "cedar-house", "birch-house"]
    broken = by_folder["cedar-house"]
    assert broken.fit is None
    assert any(
        p.file == "organization.yaml" and p.line and "'cedar-house' has no residence.yaml" in p.message
        for p in broken.problems
    )
    assert by_folder["harbor-house"].fit is not None and by_folder["birch-house"].fit is not None
    assert exit_code(fits) == 2
    result = run_cli("level", str(organization))
    assert result.exit_code == 2
    assert "Could not be read:" in result.stdout and "Birch House (birch-house)" in result.stdout
