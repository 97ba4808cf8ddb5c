"""Organization folders: inheritance, the organization report, a property alone, bad input, due, init.

An organization folder holds organization.yaml (the operator, its properties, the evidence they
share) and a folder per property with its own residence.yaml. The small organizations here are
built in a test's temporary folder; the example under examples/harbor-organization is tested in
test_organization_example.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from narr_audit.api import audit, audit_organization, due_list, validate_organization
from narr_audit.base.errors import NarrError
from narr_audit.formats.organization import ORGANIZATION_FORMATS, render
from narr_audit.formats.report import FORMATS, RenderOptions
from narr_audit.results.organization import ORGANIZATION_SCHEMA_VERSION, OrganizationReport, organization_exit_code
from narr_audit.results.report import SCHEMA_VERSION

from .conftest import run_cli
from .folders import MISSION

TODAY = date(2026, 11, 23)
THIN_MISSION = "# Mission\nOur mission is to help people in recovery from addiction.\n"  # 1.A.1.a partial
STALE = {
    "rule": "1.A.2.e",
    "statement": "Our marketing and advertising are honest and substantiated.",
    "signed_by": "Lena Whitcomb, Operations Director",
    "date": "2025-01-15",  # more than a year before the assessment
}


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def make_organization(
    root: Path,
    *,
    properties: dict[str, dict[str, Any]] | None = None,
    listed: list[str] | None = None,
    evidence: list[dict[str, Any]] | None = None,
    attestations: list[dict[str, Any]] | None = None,
    files: dict[str, str] | None = None,
    **organization: Any,
) -> Path:
    """organization.yaml, the shared ``files`` and one folder per property (name -> residence.yaml
    fields; 'evidence', 'attestations' and 'files' of its own; 'manifest': False for no residence.yaml)."""
    properties = (
        properties if properties is not None else {"maple": {"name": "Maple House"}, "cedar": {"name": "Cedar House"}}
    )
    root.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "organization": {"name": "Test Recovery LLC", **organization},
        "assessed_on": "2026-11-01",
        "properties": listed if listed is not None else list(properties),
        "evidence": evidence if evidence is not None else [{"file": "policies/mission.md", "rules": ["1.A.1.a"]}],
        "attestations": attestations if attestations is not None else [STALE],
    }
    _write(root / "organization.yaml", manifest)
    for rel, text in (files if files is not None else {"policies/mission.md": THIN_MISSION}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    for folder, fields in properties.items():
        fields = dict(fields)
        own_files = fields.pop("files", {})
        own = {"evidence": fields.pop("evidence", []), "attestations": fields.pop("attestations", [])}
        (root / folder).mkdir(parents=True, exist_ok=True)
        if fields.pop("manifest", True):
            residence = {"name": "A House", "level": "II", "address": "1 Test Way", "beds": 6, **fields}
            _write(root / folder / "residence.yaml", {"residence": residence, **own})
        for rel, text in own_files.items():
            (root / folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / folder / rel).write_text(text, encoding="utf-8")
    return root


def org_report(root: Path, **kwargs: Any) -> OrganizationReport:
    return audit_organization(root, today=TODAY, **kwargs)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of ``path`` holding ``text`` (the first)."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def prop(report: OrganizationReport, folder: str) -> Any:
    return next(p for p in report.properties if p.folder == folder)


# --- inheritance and override ----------------------------------------------------------------------------------


def test_a_property_inherits_the_operator_affiliate_documents_and_attestations(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org", affiliate="AzRHA")
    maple = prop(org_report(root), "maple").report
    assert maple.residence.operator == "Test Recovery LLC" and maple.residence.affiliate == "AzRHA"
    assert "azrha" in maple.standards
    assert [d.path for d in maple.documents] == ["policies/mission.md"]
    result = maple.result("1.A.2.e")
    assert result.status == "not_met" and "2025-01-15" in result.reason
    assert result.location.file == "organization.yaml" and result.location.line is not None


def test_a_propertys_own_evidence_adds_to_the_organizations(tmp_path: Path) -> None:
    own = {"files": {"docs/mission.md": MISSION}, "evidence": [{"file": "docs/mission.md", "rules": ["1.A.1.a"]}]}
    root = make_organization(tmp_path / "org", properties={"maple": own, "cedar": {}})
    report = org_report(root)
    maple = prop(report, "maple").report
    assert {d.path for d in maple.documents} == {"policies/mission.md", "maple/docs/mission.md"}
    assert maple.result("1.A.1.a").status == "met"  # the property's own mission says what the shared one lacks
    assert prop(report, "cedar").report.result("1.A.1.a").status == "partial"


def test_replaces_organization_drops_the_shared_evidence_for_those_rules_only(tmp_path: Path) -> None:
    own = {
        "files": {"docs/mission.md": MISSION},
        "evidence": [{"file": "docs/mission.md", "rules": ["1.A.1.a"], "replaces_organization": True}],
    }
    shared = [{"file": "policies/mission.md", "rules": ["1.A.1.a", "3.G.20.a"]}]
    root = make_organization(tmp_path / "org", properties={"maple": own, "cedar": {}}, evidence=shared)
    report = org_report(root)
    maple = prop(report, "maple").report
    by_path = {d.path: d.rules for d in maple.documents}
    assert by_path == {"maple/docs/mission.md": ["1.A.1.a"], "policies/mission.md": ["3.G.20.a"]}
    assert [r.file for r in maple.result("1.A.1.a").evidence] == ["maple/docs/mission.md"]
    cedar = prop(report, "cedar").report
    assert {d.path: d.rules for d in cedar.documents} == {"policies/mission.md": ["1.A.1.a", "3.G.20.a"]}


def test_an_attestation_of_the_property_can_replace_the_organizations(tmp_path: Path) -> None:
    fresh = {**STALE, "date": "2026-10-01", "replaces_organization": True}
    root = make_organization(tmp_path / "org", properties={"maple": {"attestations": [fresh]}, "cedar": {}})
    report = org_report(root)
    maple = prop(report, "maple").report.result("1.A.2.e")
    assert maple.status in ("attested", "awaiting_site_visit") and "2026-10-01" in maple.reason
    assert "2025-01-15" not in maple.reason, "the organization's stale attestation no longer counts there"
    assert prop(report, "cedar").report.result("1.A.2.e").status == "not_met"


def test_replaces_organization_with_nothing_to_replace_names_the_line(tmp_path: Path) -> None:
    own = {
        "files": {"docs/drills.md": MISSION},
        "evidence": [{"file": "docs/drills.md", "rules": ["2.F.17.c"], "replaces_organization": True}],
    }
    root = make_organization(tmp_path / "org", properties={"maple": own, "cedar": {}})
    report = org_report(root)
    maple = prop(report, "maple")
    assert maple.verdict == "unreadable"
    [problem] = maple.problems
    assert problem.file == "maple/residence.yaml"
    assert problem.line == line_of(root / "maple" / "residence.yaml", "replaces_organization")
    assert "no evidence for 2.F.17.c to replace" in problem.message
    assert prop(report, "cedar").report is not None, "the other property is still scored"


def test_replaces_organization_is_refused_in_a_residence_on_its_own(tmp_path: Path) -> None:
    house = tmp_path / "house"
    _write(
        house / "residence.yaml",
        {
            "residence": {"name": "H", "operator": "O", "level": "II", "address": "A", "beds": 6},
            "evidence": [{"file": "m.md", "rules": ["1.A.1.a"], "replaces_organization": True}],
        },
    )
    (house / "m.md").write_text(MISSION, encoding="utf-8")
    with pytest.raises(NarrError) as caught:
        audit(house, today=TODAY)
    line = line_of(house / "residence.yaml", "replaces_organization")
    assert any(p.field == "evidence[0].replaces_organization" and p.line == line for p in caught.value.problems)


# --- the organization report -----------------------------------------------------------------------------------


def test_an_organization_wide_gap_is_listed_once_with_every_property_it_blocks(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    report = org_report(root)
    shared = {g.rule: g for g in report.organization_gaps}
    assert set(shared) == {"1.A.1.a", "1.A.2.e"}
    assert [b.folder for b in shared["1.A.1.a"].properties] == ["maple", "cedar"]
    assert shared["1.A.1.a"].location.file == "policies/mission.md"
    assert shared["1.A.1.a"].missing == ["shared with decision makers"]
    for folder in ("maple", "cedar"):
        p = prop(report, folder)
        assert set(p.organization_gaps) == {"1.A.1.a", "1.A.2.e"}
        assert not set(p.gaps) & set(shared), "a shared gap is not repeated under the property"
        assert set(p.report.gaps) >= set(shared), "it still blocks the property: its own report keeps it"


def test_a_shared_gap_is_counted_once_in_the_action_plan_and_the_totals(tmp_path: Path) -> None:
    report = org_report(make_organization(tmp_path / "org"))
    rows = list(csv.DictReader(io.StringIO(render(report, "action-plan-csv"))))
    mission = [r for r in rows if r["rule"] == "1.A.1.a"]
    assert len(mission) == 1 and mission[0]["scope"] == "organization"
    assert mission[0]["blocks"] == "Maple House; Cedar House"
    own = sum(len(p.gaps) for p in report.properties)
    assert report.totals.fixes == len(rows) == 2 + own
    assert report.totals.organization_gaps == 2


def test_a_propertys_own_gap_is_listed_under_it_and_not_as_shared(tmp_path: Path) -> None:
    thin = {"files": {"docs/mission.md": THIN_MISSION}, "evidence": [{"file": "docs/mission.md", "rules": ["1.A.1.a"]}]}
    root = make_organization(
        tmp_path / "org", properties={"maple": thin, "cedar": {}}, evidence=[], files={}, attestations=[]
    )
    report = org_report(root)
    assert report.organization_gaps == []
    assert "1.A.1.a" in prop(report, "maple").gaps
    assert prop(report, "maple").report.result("1.A.1.a").location.file == "maple/docs/mission.md"


def test_each_property_is_scored_at_its_own_level_and_the_organization_pools_them(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org", properties={"maple": {"level": "II"}, "birch": {"level": "III"}})
    report = org_report(root)
    maple, birch = prop(report, "maple").report, prop(report, "birch").report
    assert (maple.level, birch.level) == ("II", "III")
    assert report.score.possible == maple.score.possible + birch.score.possible
    assert report.score.points == maple.score.points + birch.score.points
    assert report.verdict == "not_ready"


def test_level_option_assesses_every_property_at_that_level(tmp_path: Path) -> None:
    from narr_audit.base.levels import Level

    report = org_report(make_organization(tmp_path / "org"), level=Level.III)
    assert {p.report.level for p in report.properties} == {"III"}


def test_the_shared_documents_are_read_once_for_every_property(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import narr_audit.evidence.loader as loader

    files = {f"policies/p{n}.md": MISSION for n in range(5)}
    evidence = [{"file": rel, "rules": ["1.A.1.a"]} for rel in files]
    houses = {f"house-{n}": {} for n in range(4)}
    root = make_organization(tmp_path / "org", properties=houses, evidence=evidence, files=files)
    read: list[str] = []
    original = loader.extract

    def counting(path: Path, cache: Any = None) -> Any:
        read.append(path.name)
        return original(path, cache)

    monkeypatch.setattr(loader, "extract", counting)
    report = org_report(root)
    assert len(report.scored()) == 4
    assert sorted(read) == sorted(Path(f).name for f in files), "each shared document extracted once, not per house"


# --- a property checked alone ----------------------------------------------------------------------------------


def test_a_property_checked_alone_inherits_and_points_at_the_organizations_files(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    alone = audit(root / "maple", today=TODAY)
    assert alone.residence.operator == "Test Recovery LLC"
    assert [d.path for d in alone.documents] == ["../policies/mission.md"]
    assert alone.result("1.A.2.e").location.file == "../organization.yaml"
    together = prop(org_report(root), "maple").report
    assert alone.gaps == together.gaps and alone.score == together.score


def test_a_property_alone_in_sarif_and_github_points_at_the_organization_file(tmp_path: Path) -> None:
    make_organization(tmp_path / "org")
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        sarif = run_cli("check", "org/maple", "--format", "sarif", "--no-cache")
        github = run_cli("check", "org/maple", "--format", "github", "--no-cache")
    finally:
        os.chdir(here)
    uris = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(sarif.stdout)["runs"][0]["results"]
    }
    assert uris["1.A.1.a"] == "org/policies/mission.md"
    assert uris["1.A.2.e"] == "org/organization.yaml"
    assert "::error file=org/organization.yaml,line=" in github.stdout
    assert "::warning file=org/policies/mission.md,title=1.A.1.a" in github.stdout


def test_a_folder_inside_an_organization_that_does_not_list_it_is_refused(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    _write(root / "oak" / "residence.yaml", {"residence": {"name": "Oak", "level": "II", "address": "A", "beds": 4}})
    with pytest.raises(NarrError) as caught:
        audit(root / "oak", today=TODAY)
    [problem] = caught.value.problems
    assert problem.file == "../organization.yaml" and "does not list it" in problem.message


# --- the organization in every format --------------------------------------------------------------------------


def test_every_format_of_check_renders_an_organization(tmp_path: Path) -> None:
    assert set(ORGANIZATION_FORMATS) == set(FORMATS), "check --format X works on either kind of folder"
    report = org_report(make_organization(tmp_path / "org"))
    for name in ORGANIZATION_FORMATS:
        text = render(report, name, RenderOptions())
        assert text == render(report, name, RenderOptions()), f"{name} is deterministic"
        if name not in ("action-plan-csv", "junit"):
            assert "Test Recovery LLC" in text, name
        if name not in ("action-plan-csv", "action-plan"):
            assert "Cedar House" in text, name


def test_sarif_and_github_put_a_shared_gap_once_at_the_organizations_file(tmp_path: Path) -> None:
    report = org_report(make_organization(tmp_path / "org"))
    results = json.loads(render(report, "sarif"))["runs"][0]["results"]
    mission = [r for r in results if r["ruleId"] == "1.A.1.a"]
    assert len(mission) == 1
    assert mission[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("org/policies/mission.md")
    assert mission[0]["properties"]["properties"] == ["maple", "cedar"]
    own = [r for r in results if r["properties"]["scope"] == "maple"]
    assert own and all("org/maple/" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in own)
    github = render(report, "github")
    assert github.count("title=1.A.1.a") == 1


def test_the_json_report_matches_its_published_schema(tmp_path: Path) -> None:
    import jsonschema

    from narr_audit.api import organization_report_schema_json

    root = Path(__file__).parents[1]
    published = json.loads((root / "schemas" / "organization-report.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(organization_report_schema_json()), (
        "schemas/organization-report.schema.json is out of date: regenerate it with "
        "`narr-audit schema organization-report > schemas/organization-report.schema.json`"
    )
    report = org_report(make_organization(tmp_path / "org"))
    data = json.loads(render(report, "json"))
    assert data["schema_version"] == ORGANIZATION_SCHEMA_VERSION == "1.3" and data["report"] == "organization"
    assert data["properties"][0]["report"]["schema_version"] == SCHEMA_VERSION, "each property's is a residence's"
    jsonschema.validate(data, published)
    assert OrganizationReport.model_validate(data) == report


# --- a broken property, bad input ------------------------------------------------------------------------------


def test_a_broken_property_is_reported_while_the_others_are_scored(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    (root / "cedar" / "residence.yaml").write_text("residence:\n  name: Cedar\n  level: VII\n", encoding="utf-8")
    report = org_report(root)
    cedar = prop(report, "cedar")
    assert cedar.verdict == "unreadable" and cedar.report is None
    assert {(p.file, p.line) for p in cedar.problems} >= {("cedar/residence.yaml", 3)}
    assert prop(report, "maple").report is not None
    assert report.verdict == "not_ready" and report.totals.unreadable == 1
    assert organization_exit_code(report, "none") == 2
    run = run_cli("check", str(root), "--no-cache", "--fail-on", "none")
    assert run.exit_code == 2
    assert "cedar: could not be read" in run.stdout and "cedar/residence.yaml:3" in run.stdout
    assert "Maple House" in run.stdout


@pytest.mark.parametrize(
    ("case", "path_named"),
    [
        ("no residence.yaml", "'birch' has no residence.yaml"),
        ("missing folder", "'birch' does not exist"),
        ("link outside", "'birch' is a link that leads outside the organization folder"),
        ("property inside a property", "maple/annex/residence.yaml"),
        ("unlisted property", "birch/residence.yaml"),
    ],
)
def test_a_bad_property_is_named_and_the_others_are_still_scored(tmp_path: Path, case: str, path_named: str) -> None:
    houses: dict[str, dict[str, Any]] = {"maple": {}, "cedar": {}}
    listed = ["maple", "cedar", "birch"]
    if case == "property inside a property":
        listed = ["maple", "cedar"]
    elif case == "no residence.yaml":
        houses["birch"] = {"manifest": False}
    elif case == "unlisted property":
        houses["birch"] = {}
        listed = ["maple", "cedar"]
    root = make_organization(tmp_path / "org", properties=houses, listed=listed)
    if case == "link outside":
        outside = make_organization(tmp_path / "elsewhere", properties={"birch": {}})
        (root / "birch").symlink_to(outside / "birch", target_is_directory=True)
    elif case == "property inside a property":
        _write(root / "maple" / "annex" / "residence.yaml", {"residence": {"name": "Annex"}})
    run = run_cli("check", str(root), "--no-cache", "--fail-on", "none", "--format", "json")
    assert run.exit_code == 2
    data = json.loads(run.stdout)
    broken = [p for p in data["properties"] if p["verdict"] == "unreadable"]
    assert len(broken) == 1
    assert any(path_named in f"{p['file']} {p['message']}" for p in broken[0]["problems"]), broken[0]["problems"]
    scored = [p["folder"] for p in data["properties"] if p["report"] is not None]
    assert "cedar" in scored
    if case != "property inside a property":
        assert "maple" in scored


@pytest.mark.parametrize(
    ("listed", "message"),
    [
        (["maple", "maple/annex"], "the property 'maple/annex' is inside the property 'maple'"),
        (["maple", "/srv/houses/cedar"], "is an absolute path"),
        (["maple", "../cedar"], "leads outside the organization folder"),
        (["maple", "maple"], "is listed twice"),
        (["maple", "."], "the organization's own folder cannot be one of its properties"),
    ],
)
def test_a_bad_property_list_stops_everything_with_its_line(tmp_path: Path, listed: list[str], message: str) -> None:
    root = make_organization(tmp_path / "org", properties={"maple": {}}, listed=listed)
    run = run_cli("check", str(root), "--no-cache")
    assert run.exit_code == 2 and run.stdout == "", "nothing is scored"
    assert "organization.yaml:6" in run.stderr or "organization.yaml:7" in run.stderr
    assert message in run.stderr


def test_shared_evidence_inside_a_property_folder_is_refused(tmp_path: Path) -> None:
    files = {"maple/notes/mission.md": MISSION}
    evidence = [{"file": "maple/notes/mission.md", "rules": ["1.A.1.a"]}]
    root = make_organization(tmp_path / "org", files=files, evidence=evidence)
    with pytest.raises(NarrError) as caught:
        org_report(root)
    [problem] = caught.value.problems
    assert problem.file == "organization.yaml" and problem.line == line_of(root / "organization.yaml", "maple/notes")
    assert "is in the property folder 'maple'" in problem.message


def test_a_problem_in_the_shared_evidence_names_organization_yaml_and_scores_nothing(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org", evidence=[{"file": "policies/missing.md", "rules": ["1.A.1.a"]}])
    run = run_cli("check", str(root), "--no-cache")
    assert run.exit_code == 2 and run.stdout == ""
    line = line_of(root / "organization.yaml", "policies/missing.md")
    assert f"organization.yaml:{line}: field 'evidence[0].file': there is no file 'policies/missing.md'" in run.stderr
    alone = run_cli("check", str(root / "maple"), "--no-cache")
    assert alone.exit_code == 2 and f"../organization.yaml:{line}" in alone.stderr


def test_a_folder_with_both_manifests_is_refused(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    _write(root / "residence.yaml", {"residence": {"name": "X"}})
    run = run_cli("check", str(root), "--no-cache")
    assert run.exit_code == 2 and "both organization.yaml and residence.yaml" in run.stderr


def test_pack_refuses_a_property_whose_shared_evidence_lies_outside_it(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    run = run_cli("pack", str(root / "maple"), "--out", str(tmp_path / "maple.zip"))
    assert run.exit_code == 2 and "property of an organization folder" in run.stderr
    assert not (tmp_path / "maple.zip").exists()


# --- exit codes ------------------------------------------------------------------------------------------------


def test_exit_codes_follow_the_policy_over_every_property(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    assert run_cli("check", str(root), "--no-cache").exit_code == 1
    assert run_cli("check", str(root), "--no-cache", "--fail-on", "none").exit_code == 0
    assert run_cli("check", str(root), "--no-cache", "--fail-on", "none", "--fail-under", "99").exit_code == 1
    assert run_cli("check", str(root), "--no-cache", "--review", str(root / "x.yaml")).exit_code == 2


# --- validate and the schemas ----------------------------------------------------------------------------------


def test_validate_checks_the_whole_tree_naming_file_and_line_of_every_problem(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    residence = (root / "maple" / "residence.yaml").read_text(encoding="utf-8")
    (root / "maple" / "residence.yaml").write_text(residence.replace("level: II", "level: VI"), encoding="utf-8")
    cedar = yaml.safe_load((root / "cedar" / "residence.yaml").read_text(encoding="utf-8"))
    cedar["evidence"] = [{"file": "logs/drills.csv", "rules": ["2.F.17.c"]}]
    _write(root / "cedar" / "residence.yaml", cedar)
    level = line_of(root / "maple" / "residence.yaml", "level: VI")
    drills = line_of(root / "cedar" / "residence.yaml", "logs/drills.csv")
    run = run_cli("validate", str(root))
    assert run.exit_code == 2
    assert f"maple/residence.yaml:{level}: field 'residence.level'" in run.stderr
    assert f"cedar/residence.yaml:{drills}: field 'evidence[0].file': there is no file 'logs/drills.csv'" in run.stderr
    data = json.loads(run_cli("validate", str(root), "--format", "json").stdout)
    found = {(p["file"], p["line"]) for p in data["problems"]}
    assert found == {("maple/residence.yaml", level), ("cedar/residence.yaml", drills)}


def test_validate_of_a_valid_organization_lists_its_properties(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    run = run_cli("validate", str(root))
    assert run.exit_code == 0
    assert "maple: Maple House, Level II" in run.stdout and "cedar: Cedar House" in run.stdout
    checked = validate_organization(root, today=TODAY)
    assert checked.problems == [] and [p.folder for p in checked.properties] == ["maple", "cedar"]


@pytest.mark.parametrize(("name", "committed"), [("organization", "organization"), ("property", "property")])
def test_schemas_match_their_committed_files_and_accept_the_example(name: str, committed: str) -> None:
    import jsonschema

    root = Path(__file__).parents[1]
    printed = run_cli("schema", name)
    assert printed.exit_code == 0
    assert printed.stdout == (root / "schemas" / f"{committed}.schema.json").read_text(encoding="utf-8"), (
        f"regenerate it on purpose: narr-audit schema {name} > schemas/{committed}.schema.json"
    )
    schema = json.loads(printed.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    example = root / "examples" / "harbor-organization"
    targets = [example / "organization.yaml"] if name == "organization" else sorted(example.glob("*/residence.yaml"))
    for target in targets:
        data = yaml.load(target.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # dates stay strings
        jsonschema.validate(_typed(data), schema)


def _typed(data: Any) -> Any:
    """YAML read as an editor's language server reads it: numbers as numbers, booleans as booleans."""
    if isinstance(data, dict):
        return {k: _typed(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_typed(v) for v in data]
    if data in ("true", "false"):
        return data == "true"
    return int(data) if isinstance(data, str) and data.isdigit() and not data.startswith("0") else data


def test_the_organization_schema_rejects_what_validate_rejects() -> None:
    import jsonschema

    schema = json.loads(run_cli("schema", "organization").stdout)
    bad = {"organization": {"name": "X"}, "properties": [], "evidence": [{"file": "a.md"}]}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert len(errors) == 2  # no property listed; an entry without rules


# --- due -------------------------------------------------------------------------------------------------------


def test_due_on_an_organization_lists_shared_items_once_and_each_propertys_own(tmp_path: Path) -> None:
    drills = "date,scenario\n2026-09-01,kitchen fire\n"
    own = {"files": {"logs/drills.csv": drills}, "evidence": [{"file": "logs/drills.csv", "rules": ["2.F.17.c"]}]}
    houses = {"maple": {**own, "name": "Maple House"}, "cedar": {**own, "name": "Cedar House"}}
    root = make_organization(tmp_path / "org", properties=houses)
    listed = due_list([root], within=400, today=TODAY)
    assert [r.name for r in listed.residences] == ["Test Recovery LLC", "Maple House", "Cedar House"]
    attestation = [i for i in listed.items if i.key == "attestation:1.A.2.e"]
    assert len(attestation) == 1 and attestation[0].residence == "Test Recovery LLC"
    assert attestation[0].file == "organization.yaml" and attestation[0].days < 0
    logs = [i for i in listed.items if i.kind == "log"]
    assert {(i.residence, i.file) for i in logs} == {
        ("Maple House", "maple/logs/drills.csv"),
        ("Cedar House", "cedar/logs/drills.csv"),
    }
    assert len({i.uid for i in listed.items}) == len(listed.items)
    run = run_cli("due", str(root), "--within", "400", "--format", "csv")
    assert run.exit_code == 0 and "maple/logs/drills.csv" in run.stdout


# --- init ------------------------------------------------------------------------------------------------------


def test_init_an_organization_then_a_property_that_inherits(tmp_path: Path) -> None:
    root = tmp_path / "lakeshore"
    made = run_cli("init", str(root), "--organization", "--name", "Lakeshore Recovery LLC", "--affiliate", "AzRHA")
    assert made.exit_code == 0, made.stderr
    assert {p.name for p in root.iterdir()} >= {"organization.yaml", "organization.schema.json", "README.md"}
    house = run_cli("init", str(root / "maple"), "--level", "II", "--name", "Maple House")
    assert house.exit_code == 0, house.stderr
    assert "- maple" in house.stderr and "organization.yaml" in house.stderr
    text = (root / "maple" / "residence.yaml").read_text(encoding="utf-8")
    assert "operator:" not in text.split("evidence:")[0].replace("# operator", "")
    assert "replaces_organization" in text
    schema = json.loads((root / "maple" / "residence.schema.json").read_text(encoding="utf-8"))
    assert "operator" not in schema["$defs"]["Residence"]["required"]
    manifest = (root / "organization.yaml").read_text(encoding="utf-8")
    (root / "organization.yaml").write_text(manifest.replace("properties: []", "properties: [maple]"), "utf-8")
    valid = run_cli("validate", str(root))
    assert valid.exit_code == 0, valid.stderr
    assert run_cli("validate", str(root / "maple")).exit_code == 0
    assert "Lakeshore Recovery LLC" in run_cli("check", str(root / "maple"), "--no-cache").stdout


def test_init_refuses_to_mix_a_residence_and_an_organization_in_one_folder(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    residence = run_cli("init", str(root), "--level", "II", "--name", "House")
    assert residence.exit_code == 2 and "this folder is an organization" in residence.stderr
    organization = run_cli("init", str(root / "maple"), "--organization", "--name", "Other LLC")
    assert organization.exit_code == 2 and "this folder is a residence" in organization.stderr
    assert not (root / "maple" / "organization.yaml").exists() and not (root / "residence.yaml").exists()


def test_names_from_the_folders_are_escaped_in_html_and_shown_safely_in_a_terminal(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org", name="<script>alert(1)</script> \x1b[2J LLC")
    report = org_report(root)
    html = render(report, "html")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    terminal = render(report, "terminal")
    assert "\x1b" not in terminal and "<script>alert(1)</script>" in terminal


def test_a_mistake_in_organization_yaml_is_named_with_its_line(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    text = (root / "organization.yaml").read_text(encoding="utf-8")
    (root / "organization.yaml").write_text(text.replace("properties:", "propertes:"), encoding="utf-8")
    line = line_of(root / "organization.yaml", "propertes:")
    run = run_cli("validate", str(root), "--format", "json")
    assert run.exit_code == 2
    found = {(p["file"], p["line"], p["field"]) for p in json.loads(run.stdout)["problems"]}
    assert ("organization.yaml", line, "propertes") in found
    assert any(f == "properties" for _, _, f in found), "the missing list of properties is named too"
    alone = run_cli("validate", str(root / "maple"))
    assert alone.exit_code == 2 and f"../organization.yaml:{line}" in alone.stderr


def test_two_entries_that_are_one_folder_are_refused(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org", properties={"maple": {}}, listed=["maple", "maple-link"])
    (root / "maple-link").symlink_to(root / "maple", target_is_directory=True)
    with pytest.raises(NarrError) as caught:
        org_report(root)
    [problem] = caught.value.problems
    assert problem.field == "properties[1]" and problem.line == line_of(root / "organization.yaml", "maple-link")
    assert "is the same folder as the property 'maple'" in problem.message


def test_the_precommit_hook_validates_the_organization_of_a_changed_shared_file(tmp_path: Path) -> None:
    root = make_organization(tmp_path / "org")
    assert run_cli("precommit", str(root / "organization.yaml"), str(root / "policies" / "mission.md")).exit_code == 0
    text = (root / "organization.yaml").read_text(encoding="utf-8")
    (root / "organization.yaml").write_text(text.replace("rules:\n  - 1.A.1.a", "rules:\n  - 9.Z.9.z"), "utf-8")
    line = line_of(root / "organization.yaml", "9.Z.9.z")
    run = run_cli("precommit", str(root / "organization.yaml"))
    assert run.exit_code == 1
    assert f"{root.as_posix()}/organization.yaml:{line}" in run.stdout and "9.Z.9.z" in run.stdout
