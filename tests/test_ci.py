"""narr-audit in CI: the commands the GitHub Action runs, `--format github` annotations, the Action
itself, and the pre-commit hook, all against the policy repository example (examples/policy-repo)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml

from narr_audit.formats.report import FORMATS, RenderOptions, render
from narr_audit.formats.report.github import annotation_path, escape_data, escape_property
from narr_audit.results.report import Location

from .conftest import run_cli
from .folders import MISSION, make_folder
from .test_golden import example_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/policy-repo"
ACTION = ROOT / "action.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
ANNOTATION = re.compile(
    r"^::(?P<command>error|warning) file=(?P<file>[^,:\r\n]+)(?:,line=(?P<line>\d+))?,title=(?P<title>[^,:\r\n]+)"
    r"::(?P<message>[^\r\n]+)$"
)

pytestmark = pytest.mark.cli


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository's root, as a workflow runs from its checkout."""
    monkeypatch.chdir(ROOT)
    return ROOT


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} is not in {path}")


def _annotations(stdout: str) -> tuple[list[re.Match[str]], str]:
    lines = stdout.splitlines()
    assert lines and lines[-1].startswith("::notice::"), stdout
    found = []
    for line in lines[:-1]:
        match = ANNOTATION.match(line)
        assert match, f"not a well-formed workflow command: {line!r}"
        found.append(match)
    return found, lines[-1]


# --- the commands the Action runs ----------------------------------------------------------------


def test_check_writes_sarif_markdown_json_and_fails_on_the_documented_gaps(at_root: Path, tmp_path: Path) -> None:
    sarif = run_cli("check", EXAMPLE, "--format", "sarif", "--output", str(tmp_path / "narr-audit.sarif"))
    assert sarif.exit_code == 1, sarif.stderr  # --fail-on partial is the default: the gaps fail it
    log = json.loads((tmp_path / "narr-audit.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"1.A.2.e", "1.A.4.a", "2.F.18.b"}
    assert all(
        unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).startswith(EXAMPLE + "/")
        for r in results
    )

    markdown = run_cli(
        "check", EXAMPLE, "--fail-on", "none", "--format", "markdown", "--output", str(tmp_path / "summary.md")
    )
    assert markdown.exit_code == 0
    assert "Juniper House" in (tmp_path / "summary.md").read_text(encoding="utf-8")

    report = run_cli("check", EXAMPLE, "--fail-on", "none", "--format", "json", "--output", str(tmp_path / "r.json"))
    assert report.exit_code == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["verdict"] == "not_ready"
    assert data["gaps"] == ["1.A.2.e", "1.A.4.a", "2.F.18.b"]
    assert 90 < data["score"]["percent"] < 100


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ((), 1),
        (("--fail-on", "partial"), 1),
        (("--fail-on", "not-met"), 1),  # 1.A.2.e is not met
        (("--fail-on", "none"), 0),
        (("--fail-on", "none", "--fail-under", "90"), 0),
        (("--fail-on", "none", "--fail-under", "99"), 1),
        (("--fail-on", "none", "--fail-under", "0"), 0),
    ],
)
def test_exit_codes_follow_fail_on_and_fail_under(at_root: Path, options: tuple[str, ...], code: int) -> None:
    run = run_cli("check", EXAMPLE, "--format", "github", *options)
    assert run.exit_code == code, run.stdout + run.stderr


def test_fail_under_compares_with_the_overall_score(at_root: Path) -> None:
    percent = example_report("policy-repo").score.percent
    assert percent is not None
    at = run_cli("check", EXAMPLE, "--format", "json", "--fail-on", "none", "--fail-under", str(percent))
    above = run_cli("check", EXAMPLE, "--format", "json", "--fail-on", "none", "--fail-under", str(percent + 0.1))
    assert (at.exit_code, above.exit_code) == (0, 1)


def test_bad_input_is_exit_code_2_not_a_gap(tmp_path: Path) -> None:
    run = run_cli("check", str(tmp_path / "nowhere"), "--format", "github")
    assert run.exit_code == 2
    assert "::" not in run.stdout


# --- --format github ------------------------------------------------------------------------------


def test_github_annotations_of_the_example_have_githubs_exact_shape(at_root: Path) -> None:
    run = run_cli("check", EXAMPLE, "--format", "github", "--fail-on", "none")
    assert run.exit_code == 0
    found, notice = _annotations(run.stdout)
    by_title = {m["title"].split()[0]: m for m in found}
    assert list(by_title) == ["1.A.2.e", "1.A.4.a", "2.F.18.b"], "most serious first, as check lists them"

    marketing = by_title["1.A.2.e"]
    line = _line_of(ROOT / EXAMPLE / "residence.yaml", "- rule: 1.A.2.e")
    assert marketing.group(0).startswith(
        f"::error file={EXAMPLE}/residence.yaml,line={line},title=1.A.2.e Ethical marketing::Not met: "
    )
    assert "2025-09-22" in marketing["message"]
    assert "%0AWhat to do: " in marketing["message"], "what to do follows on its own line"

    data = by_title["1.A.4.a"]
    assert data.group(0).startswith(
        f"::warning file={EXAMPLE}/policies/data-and-quality-improvement.md,title=1.A.4.a Resident information::"
        "Partially met: logs/data-reviews.csv: no entry between 2026-01-13 and 2026-07-14"
    )
    assert data["line"] is None, "a policy file has no line: the annotation is on the file"

    disease = by_title["2.F.18.b"]
    assert disease["command"] == "warning"
    assert disease["file"] == f"{EXAMPLE}/policies/communicable-disease.md"
    assert "bodily fluids and sharps" in disease["message"]

    assert "Juniper House (Level II) is not ready for certification" in notice
    assert f"score {example_report('policy-repo').score.percent:.1f}%25" in notice, "% is escaped in the message"
    assert "3 gaps" in notice


def test_github_annotations_agree_with_sarif(at_root: Path) -> None:
    github = run_cli("check", EXAMPLE, "--format", "github", "--fail-on", "none")
    sarif = json.loads(run_cli("check", EXAMPLE, "--format", "sarif", "--fail-on", "none").stdout)
    found, _ = _annotations(github.stdout)
    places = []
    for result in sarif["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        places.append((result["ruleId"], unquote(location["artifactLocation"]["uri"]), result["level"]))
    assert [(m["title"].split()[0], m["file"], m["command"]) for m in found] == places


def test_the_files_annotated_exist_from_the_repository_root(at_root: Path) -> None:
    found, _ = _annotations(run_cli("check", EXAMPLE, "--format", "github", "--fail-on", "none").stdout)
    for match in found:
        assert (ROOT / match["file"]).is_file(), match["file"]


def test_a_ready_folder_prints_only_the_notice(tmp_path: Path) -> None:
    report = example_report("policy-repo")
    ready = report.model_copy(update={"gaps": [], "verdict": "ready", "verdict_reason": "every rule is met"})
    assert render(ready, "github", RenderOptions()).splitlines() == [
        f"::notice::narr-audit: Juniper House (Level II) is ready for certification; score "
        f"{report.score.percent:.1f}%25; 0 gaps, {len(report.site_visit)} rule(s) awaiting the site visit. "
        "Every rule is met."
    ]


def test_escaping_follows_githubs_rules() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b"
    assert escape_data("%0A") == "%250A", "an encoded-looking value stays literal"


def test_paths_join_the_folder_as_given_with_forward_slashes() -> None:
    assert annotation_path("examples/policy-repo", "policies/a b.md") == "examples/policy-repo/policies/a b.md"
    assert annotation_path("./house", "residence.yaml") == "house/residence.yaml"
    assert annotation_path(".", "residence.yaml") == "residence.yaml"
    assert annotation_path("houses\\juniper", "logs/x.csv") == "houses/juniper/logs/x.csv"
    assert annotation_path("/srv/house", "residence.yaml") == "/srv/house/residence.yaml"
    assert annotation_path("../binders/house", "policies/100%.md") == "../binders/house/policies/100%.md"


def test_hand_made_report_escapes_every_property_and_the_message() -> None:
    report = example_report("policy-repo")
    gaps = report.gap_results()
    hostile = gaps[1].model_copy(
        update={
            "title": "Sinks, toilets: showers 100%",
            "reason": "line one\nline two, with 50% done: really\r",
            "missing": [],
            "fix": None,
            "location": Location(file="policies/odd,name: 100%\n::error::forged.md", line=None),
        }
    )
    unreadable = gaps[2].model_copy(update={"status": "error", "location": Location(file="scan.pdf", line=7)})
    results = [hostile if r.id == hostile.id else unreadable if r.id == unreadable.id else r for r in report.results]
    made = report.model_copy(update={"results": results, "folder": "./binders/juniper"})
    lines = render(made, "github", RenderOptions()).splitlines()
    assert len(lines) == 4, "a newline in a value never starts a new command"
    assert lines[1] == (
        "::warning file=binders/juniper/policies/odd%2Cname%3A 100%25%0A%3A%3Aerror%3A%3Aforged.md,"
        "title=1.A.4.a Sinks%2C toilets%3A showers 100%25::"
        "Partially met: line one%0Aline two, with 50%25 done: really%0D."
    )
    assert lines[2].startswith("::error file=binders/juniper/scan.pdf,line=7,title=2.F.18.b ")
    assert lines[2].split("::")[2].startswith("Error: evidence unreadable: ")
    assert not any(line.startswith("::error::") for line in lines)


def test_github_format_is_registered_and_offered_by_check() -> None:
    assert FORMATS["github"].module == "github"
    assert "github" in run_cli("check", "--help").stdout


# --- the GitHub Action ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    data = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps(action: dict[str, Any]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = action["runs"]["steps"]
    return steps


def _scripts(action: dict[str, Any]) -> list[str]:
    return [step["run"] for step in _steps(action) if "run" in step]


def test_action_is_a_composite_with_the_documented_inputs_and_outputs(action: dict[str, Any]) -> None:
    assert action["name"] and action["description"]
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"path", "level", "fail-on", "fail-under", "format", "standards"} <= set(inputs)
    assert inputs["path"]["default"] == "."
    assert inputs["fail-on"]["default"] == "partial"
    assert inputs["format"]["default"] == "markdown"
    assert all(spec.get("description") for spec in inputs.values())
    outputs = action["outputs"]
    for name in ("verdict", "score", "exit-code"):
        assert outputs[name]["value"] == f"${{{{ steps.check.outputs.{name} }}}}"
        assert outputs[name]["description"]
    # every input and step output the Action refers to is declared
    text = ACTION.read_text(encoding="utf-8")
    assert set(re.findall(r"inputs\.([\w-]+)", text)) <= set(inputs)
    check = next(s for s in _steps(action) if s.get("id") == "check")
    written = set(re.findall(r'echo "([\w-]+)=', check["run"])) | {"verdict", "score"}
    assert set(re.findall(r"steps\.check\.outputs\.([\w-]+)", text)) <= written


def test_action_installs_from_its_own_directory_and_uploads_sarif_always(action: dict[str, Any]) -> None:
    steps = _steps(action)
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert '"$ACTION_PATH"' in install["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "always()" in upload["if"]
    assert upload["with"]["category"] and upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"
    check = next(s for s in steps if s.get("id") == "check")
    assert steps.index(check) < steps.index(upload)
    assert "set +e" in check["run"], "bash runs with -e: the exit code must be kept, not abort the step"
    assert '>> "$GITHUB_STEP_SUMMARY"' in check["run"]
    assert "--format github" in check["run"]
    assert "--format sarif" in check["run"] and "--format markdown" in check["run"]
    assert "json.load" in check["run"], "verdict and score come from the JSON report"
    last = steps[-1]
    assert "always()" in last["if"] and last["env"]["CODE"] == "${{ steps.check.outputs.exit-code }}"
    assert 'exit "$CODE"' in last["run"]
    # inputs reach the shell through env, never pasted into the script
    for script in _scripts(action):
        assert "${{" not in script


def _narr_commands(script: str) -> list[tuple[str, list[str]]]:
    """(subcommand, options) for every narr-audit command line, including a shell helper wrapping one."""
    helpers = dict(re.findall(r"(\w+)\(\)\s*\{\s*narr-audit\s+([\w-]+)", script))
    found: list[tuple[str, list[str]]] = []
    arrays: list[str] = []
    for raw in script.splitlines():
        line = raw.strip()
        collected = re.findall(r"\w+\+=\(([^)]*)\)", line)  # options gathered in an array for the helper
        if collected:
            arrays.extend(o for part in collected for o in re.findall(r"(?<![\w-])--[a-z][a-z-]*", part))
            continue
        words = line.split()
        if not words:
            continue
        if words[0] == "narr-audit" or "{ narr-audit" in line:
            sub = line.split("narr-audit", 1)[1].split()[0]
        elif words[0] in helpers:
            sub = helpers[words[0]]
        else:
            continue
        found.append((sub, re.findall(r"(?<![\w-])--[a-z][a-z-]*", line)))
    if arrays:
        found.append((next(iter(helpers.values())), arrays))
    return found


def test_every_narr_audit_command_in_the_action_uses_options_that_exist(action: dict[str, Any]) -> None:
    commands = [c for script in _scripts(action) for c in _narr_commands(script)]
    assert len(commands) >= 5, commands
    helps: dict[str, str] = {}
    for sub, options in commands:
        if sub not in helps:
            run = run_cli(sub, "--help")
            assert run.exit_code == 0, f"narr-audit {sub} is not a command"
            helps[sub] = run.stdout
        for option in options:
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", helps[sub]), f"narr-audit {sub} {option}"
    formats = set(re.findall(r"--format\s+([\w-]+)", "\n".join(_scripts(action))))
    assert formats <= set(FORMATS), formats - set(FORMATS)


def _shim(bin_dir: Path) -> dict[str, str]:
    """`narr-audit` and `python` as this checkout's code, whatever else is on PATH."""
    bin_dir.mkdir()
    for name, command in (
        ("narr-audit", f"{shlex.quote(sys.executable)} -m narr_audit"),
        ("python", shlex.quote(sys.executable)),
    ):
        script = bin_dir / name
        script.write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None or os.name == "nt", reason="needs bash")
def test_the_actions_script_runs_end_to_end_and_fails_last(action: dict[str, Any], tmp_path: Path) -> None:
    """The check step as GitHub runs it (bash -e -o pipefail), then the final step with its exit code."""
    env = _shim(tmp_path / "bin")
    runner = tmp_path / "runner"
    runner.mkdir()
    env.update(
        RUNNER_TEMP=str(runner),
        GITHUB_OUTPUT=str(runner / "output"),
        GITHUB_STEP_SUMMARY=str(runner / "summary"),
        INPUT_PATH=EXAMPLE,
        INPUT_LEVEL="",
        INPUT_FAIL_ON="partial",
        INPUT_FAIL_UNDER="90",
        INPUT_FORMAT="junit",
        INPUT_STANDARDS="",
    )
    check = next(s for s in _steps(action) if s.get("id") == "check")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", check["run"]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr  # the step itself never fails on gaps
    outputs = dict(line.split("=", 1) for line in (runner / "output").read_text(encoding="utf-8").splitlines())
    report = example_report("policy-repo")
    assert outputs["exit-code"] == "1"
    assert outputs["verdict"] == "not_ready"
    assert outputs["score"] == f"{report.score.percent:.1f}"
    for name in ("sarif-file", "summary-file", "report-file"):
        assert Path(outputs[name]).is_file(), name
    assert outputs["report-file"].endswith(".xml")
    assert "Juniper House" in (runner / "summary").read_text(encoding="utf-8")
    found, _ = _annotations("\n".join(line for line in done.stdout.splitlines() if line.startswith("::")))
    assert len(found) == len(report.gaps)

    last = _steps(action)[-1]
    final = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", last["run"]],
        env={**env, "CODE": outputs["exit-code"], "FAIL_ON": "partial", "FAIL_UNDER": "90"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert final.returncode == 1
    assert "gaps fail the policy" in final.stdout


# --- the pre-commit hook ---------------------------------------------------------------------------


def test_pre_commit_hooks_file_names_a_real_entry_point() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "narr-audit-validate")
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    program, *rest = shlex.split(hook["entry"])
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    scripts = pyproject.split("[project.scripts]", 1)[1].split("\n[", 1)[0]
    assert re.search(rf"^{re.escape(program)}\s*=", scripts, re.MULTILINE), f"{program} is not a console script"
    assert rest, "the entry names a narr-audit subcommand"
    assert run_cli(*rest, "--help").exit_code == 0
    pattern = re.compile(hook["files"])
    for path in (
        "residence.yaml",
        "houses/juniper/residence.yaml",
        "policies/grievance.md",
        "notes.markdown",
        "policies/plain.txt",
    ):
        assert pattern.search(path), path
    for path in ("logs/house-meetings.csv", "photos/kitchen.jpg", "residence.yaml.bak", "policies/manual.pdf"):
        assert not pattern.search(path), path


def test_precommit_passes_the_examples_good_files(at_root: Path) -> None:
    files = [f"{EXAMPLE}/residence.yaml", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / EXAMPLE).rglob("*.md"))]
    run = run_cli("precommit", *files, "README.md", "docs/ci.md")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert f"valid: {EXAMPLE}, README.md, docs/ci.md" in run.stdout, "the folder is validated once"


def test_precommit_with_no_files_has_nothing_to_do() -> None:
    run = run_cli("precommit")
    assert (run.exit_code, run.stdout) == (0, "")


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_folder(
        tmp_path / "house",
        files={"policies/mission.md": "---\nnarr: [1.A.1.a]\nreviewed: 2026-01-10\n---\n" + MISSION},
    )


def test_precommit_reports_a_broken_residence_yaml_at_its_line(house: Path) -> None:
    manifest = house / "residence.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("beds: 6", "beds: six"), encoding="utf-8")
    line = _line_of(manifest, "beds: six")
    run = run_cli("precommit", "house/residence.yaml")
    assert run.exit_code == 1
    assert run.stdout.startswith(f"house/residence.yaml:{line}: field 'residence.beds': ")
    assert "problem(s) to fix in house" in run.stdout


def test_precommit_reports_invalid_yaml_syntax_at_its_line(house: Path) -> None:
    (house / "residence.yaml").write_text("residence:\n  name: [Test House\n", encoding="utf-8")
    run = run_cli("precommit", "house/policies/mission.md")
    assert run.exit_code == 1
    assert re.match(r"house/residence\.yaml:\d+: invalid YAML", run.stdout), run.stdout


def test_precommit_reports_bad_front_matter_of_a_policy_in_the_folder(house: Path) -> None:
    policy = house / "policies" / "grievance.md"
    policy.write_text("---\nnarr: [1.C.7.b, 1.C.7.z]\n---\n# Grievances\n", encoding="utf-8")
    run = run_cli("precommit", "house/policies/grievance.md")
    assert run.exit_code == 1
    assert "house/policies/grievance.md:2: field 'narr[1]': there is no rule '1.C.7.z'" in run.stdout
    assert "fix: did you mean" in run.stdout


def test_precommit_reports_an_impossible_date_in_front_matter(house: Path) -> None:
    policy = house / "policies" / "mission.md"
    policy.write_text(policy.read_text(encoding="utf-8").replace("2026-01-10", "2026-02-30"), encoding="utf-8")
    run = run_cli("precommit", "house/policies/mission.md")
    assert run.exit_code == 1
    assert run.stdout.startswith("house/policies/mission.md:3: field 'reviewed': ")


def test_precommit_checks_front_matter_of_markdown_in_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "bad.md").write_text("---\ntitle: Draft\nnarr: [1.C.7.b, 9.Z.1.a]\n---\n# Draft\n", encoding="utf-8")
    (drafts / "broken.md").write_text("---\nnarr: [1.C.7.b\n---\n# Draft\n", encoding="utf-8")
    (drafts / "good.md").write_text("---\nnarr: 1.C.7.b\n---\n# Grievances\n", encoding="utf-8")
    (drafts / "site.md").write_text("---\nlayout: [page\n---\n# Not ours\n", encoding="utf-8")
    (drafts / "plain.txt").write_text("no front matter\n", encoding="utf-8")

    bad = run_cli("precommit", "drafts/bad.md", "drafts/broken.md")
    assert bad.exit_code == 1
    assert "drafts/bad.md:3: field 'narr[1]': there is no rule '9.Z.1.a'" in bad.stdout
    assert re.search(r"^drafts/broken\.md:\d+: invalid YAML", bad.stdout, re.MULTILINE), bad.stdout

    good = run_cli("precommit", "drafts/good.md", "drafts/site.md", "drafts/plain.txt", "drafts/deleted.md")
    assert good.exit_code == 0, good.stdout
    assert "valid: drafts/good.md, drafts/site.md, drafts/plain.txt" in good.stdout


def test_precommit_validates_each_folder_once_and_good_files_pass(house: Path) -> None:
    from narr_audit import api

    (house / "policies" / "grievance.md").write_text("---\nnarr: 1.C.7.b\n---\n# Grievances\n", encoding="utf-8")
    result = api.validate_files(["house/residence.yaml", "house/policies/mission.md", "house/policies/grievance.md"])
    assert result.ok and result.folders == ["house"] and result.files == []
    run = run_cli("precommit", "house/residence.yaml", "house/policies/mission.md")
    assert run.exit_code == 0
    assert run.stdout == "narr-audit: valid: house\n"


def test_precommit_in_the_folder_itself_names_files_relative_to_it(
    house: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (house / "policies" / "mission.md").write_text("---\nnarr: [1.A.1.q]\n---\n# Mission\n", encoding="utf-8")
    monkeypatch.chdir(house)
    run = run_cli("precommit", "policies/mission.md")
    assert run.exit_code == 1
    assert run.stdout.startswith("policies/mission.md:2: field 'narr[0]': there is no rule '1.A.1.q'")
