"""The evidence-folder commands as an operator runs them: init, validate, map and schema."""

from __future__ import annotations

import difflib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from narr_audit.base.levels import Level
from narr_audit.base.yamlio import read_yaml
from narr_audit.evidence.suggestions import FileSuggestions, Suggestion, TopicDoubt, TopicHit
from narr_audit.formats.evidence import map_json, map_text
from narr_audit.standards.loader import load_rulebook
from tests.conftest import run_cli
from tests.evidence_samples import HARBOR, POLICY_REPO, copy_folder, pdf_bytes, snapshot
from tests.folders import make_folder

pytestmark = pytest.mark.cli

REPO = Path(__file__).resolve().parent.parent
SCHEMA_FILE = REPO / "schemas" / "residence.schema.json"
AS_OF = ("--as-of", "2026-11-01")


def no_traceback(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text and "internal error" not in text


@pytest.mark.parametrize("command", ["validate", "init", "map", "schema"])
def test_every_evidence_command_has_help_with_an_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"narr-audit {command}" in result.stdout


# --- init ------------------------------------------------------------------------------------------------------


def test_init_scaffolds_a_folder_that_validates(tmp_path: Path) -> None:
    folder = tmp_path / "harbor-house"
    result = run_cli("init", str(folder), "--level", "II", "--name", "Harbor House", "--beds", "8")
    assert result.exit_code == 0, result.stderr
    for name in ("residence.yaml", "README.md", "residence.schema.json"):
        assert f"wrote {folder / name}" in result.stderr
    assert f"narr-audit validate {folder}" in result.stderr
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == ["attestations", "logs", "photos", "policies"]
    manifest = (folder / "residence.yaml").read_text(encoding="utf-8")
    assert manifest.startswith("# yaml-language-server: $schema=./residence.schema.json\n")
    assert '  name: "Harbor House"\n' in manifest and "  level: II\n" in manifest and "  beds: 8\n" in manifest
    assert (folder / "residence.schema.json").read_text(encoding="utf-8") == run_cli("schema").stdout
    assert "Level II" in (folder / "README.md").read_text(encoding="utf-8")

    checked = run_cli("validate", str(folder))
    assert checked.exit_code == 0, checked.stderr
    assert "Harbor House (Your organisation's legal name), Level II (Monitored)" in checked.stdout
    assert "residence.yaml is valid." in checked.stdout and "Unmapped" not in checked.stdout


@pytest.mark.parametrize("level", [Level.I, Level.II, Level.IV])
def test_init_lists_every_rule_required_at_the_level_as_a_commented_to_do(tmp_path: Path, level: Level) -> None:
    folder = tmp_path / "house"
    assert run_cli("init", str(folder), "--level", level.value, "--name", "House").exit_code == 0
    lines = (folder / "residence.yaml").read_text(encoding="utf-8").splitlines()
    todo = {m.group(1) for line in lines if (m := re.match(r"#\s+\[ \] (\S+) ", line))}
    assert all(line.startswith("#") for line in lines if "[ ]" in line), "to-dos must be comments"
    book = load_rulebook()
    required = {r.id for r in book.rules() if r.levels.status_at(level) == "required"}
    not_applicable = {r.id for r in book.rules() if r.levels.status_at(level) == "not_applicable"}
    assert required and required <= todo, f"missing to-dos: {sorted(required - todo)}"
    assert not (todo & not_applicable), f"rules that do not apply are listed: {sorted(todo & not_applicable)}"


def test_init_with_an_affiliate_writes_it_and_its_rules(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    result = run_cli("init", str(folder), "--level", "II", "--name", "House", "--affiliate", "AzRHA")
    assert result.exit_code == 0
    manifest = (folder / "residence.yaml").read_text(encoding="utf-8")
    assert '  affiliate: "AzRHA"\n' in manifest and "[ ] 4.J.30.AZ1 " in manifest
    assert "with azrha" in run_cli("validate", str(folder)).stdout


def test_init_quotes_what_the_operator_types(tmp_path: Path) -> None:
    """Quotes, colons, hashes and a line break in a name must not break the YAML init writes."""
    folder = tmp_path / "house"
    name, operator = 'Harbor "House": #1\nAnnex', "O'Neil & Sons: LLC"
    result = run_cli("init", str(folder), "--level", "3", "--name", name, "--operator", operator)
    assert result.exit_code == 0
    checked = run_cli("validate", str(folder), "--format", "json")
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    residence = json.loads(checked.stdout)["residence"]
    assert residence["name"] == 'Harbor "House": #1 Annex' and residence["operator"] == operator


def test_second_init_refuses_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    assert run_cli("init", str(folder), "--level", "II", "--name", "Harbor House").exit_code == 0
    (folder / "residence.yaml").write_text("# my edits\n", encoding="utf-8")
    before = snapshot(folder)
    again = run_cli("init", str(folder), "--level", "III", "--name", "Other House")
    assert again.exit_code == 2
    assert "the folder already has residence.yaml, README.md, residence.schema.json" in again.stderr
    assert "init never overwrites" in again.stderr and "fix:" in again.stderr
    no_traceback(again.stderr)
    assert snapshot(folder) == before


def test_init_refuses_when_any_one_of_its_files_exists(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "README.md").write_text("# Our policy repository\n", encoding="utf-8")
    result = run_cli("init", str(folder), "--level", "II", "--name", "House")
    assert result.exit_code == 2 and "the folder already has README.md;" in result.stderr
    assert [p.name for p in folder.iterdir()] == ["README.md"]  # nothing half-written
    assert (folder / "README.md").read_text(encoding="utf-8") == "# Our policy repository\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--level", "V", "--name", "House"], "is not a level of support"),
        (["--level", "II"], "--name"),
        (["--level", "II", "--name", "House", "--beds", "0"], "--beds"),
    ],
)
def test_init_bad_options_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli("init", str(tmp_path / "house"), *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "house").exists()


def test_init_into_a_file_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("x", encoding="utf-8")
    result = run_cli("init", str(target), "--level", "II", "--name", "House")
    assert result.exit_code == 2 and "this is a file, not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "x"


# --- validate --------------------------------------------------------------------------------------------------


def test_validate_a_valid_folder_lists_unmapped_files() -> None:
    before = snapshot(HARBOR)
    result = run_cli("validate", str(HARBOR), *AS_OF)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("Harbor House (Harbor Recovery LLC), Level II (Monitored)\n")
    assert "assessed on 2026-11-01; rules in force: NARR 3.0\n" in text
    assert "6 file(s) mapped (2 by front matter), 1 attestation(s), 1 exception(s)" in text
    assert (
        "Unmapped files (3): not evidence for any rule yet (try: narr-audit map)\n"
        "  agenda.txt\n  drafts/visitor-policy.txt\n  notes/ideas.txt\n"
    ) in text
    assert text.endswith("residence.yaml is valid.\n")
    assert snapshot(HARBOR) == before


def test_validate_json_for_a_valid_folder() -> None:
    result = run_cli("validate", str(POLICY_REPO), "--format", "json", *AS_OF)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["valid"] is True and data["level"] == "III" and data["overlays"] == ["azrha"]
    assert data["assessed_on"] == "2026-11-01"
    assert data["unmapped"] == ["logs/house-meetings.csv", "policies/fire-safety.md"]
    (doc,) = data["documents"]
    assert doc["path"] == "policies/good-neighbor.md" and doc["rules"] == ["4.J.30.AZ1"]
    assert doc["mapped_by"] == ["front-matter"] and doc["effective"] == "2026-01-15"


def test_validate_shows_warnings_and_unreadable_documents(tmp_path: Path) -> None:
    folder = copy_folder(HARBOR, tmp_path / "house")
    (folder / "policies" / "locked.pdf").write_bytes(pdf_bytes(["Grievances"], user_password="pw"))
    manifest = folder / "residence.yaml"
    text = manifest.read_text(encoding="utf-8").replace("expires: 2027-06-30", "expires: 2027-02-30")
    manifest.write_text(text.replace("  # logs\n", "  - file: policies/locked.pdf\n    rules: [1.C.7.b]\n"))
    result = run_cli("validate", str(folder), *AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "Unreadable documents (1): their rules will be reported as errors" in result.stdout
    assert "  policies/locked.pdf: the PDF is password-protected" in result.stdout
    assert (
        "residence.yaml:40: rule 2.F.17.c, field 'exceptions[0].expires': "
        "the exception's expiry '2027-02-30' is not a valid date"
    ) in result.stdout


BROKEN = [
    (
        "beds: 8",
        "beds: many",
        "residence.yaml:8: field 'residence.beds': Input should be a valid integer, "
        "unable to parse string as an integer\n"
        "    fix: write a whole number",
    ),
    (
        "assessed_on: 2026-11-01",
        "assessed_on: 2026-02-30",
        "residence.yaml:9: field 'assessed_on': '2026-02-30' is not a real date: February 2026 has 28 days",
    ),
    (
        "rules: [1.C.7.b]",
        "rules: [1.C.7.x]",
        "residence.yaml:14: field 'evidence[0].rules[0]': there is no rule '1.C.7.x'\n    fix: did you mean 1.C.7.",
    ),
    ("  beds: 8\n", "  beds: 8\n  beds: 9\n", "residence.yaml:9: invalid YAML: duplicate key 'beds'"),
    (
        "file: logs/fire-drills.csv",
        "file: ../../etc/passwd",
        "residence.yaml:23: field 'evidence[3].file': "
        "'../../etc/passwd' leads outside the evidence folder; it is refused\n    fix: copy the file into the folder",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), BROKEN, ids=[b[1].strip() for b in BROKEN])
def test_validate_a_broken_folder_exits_2_naming_file_and_line(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    folder = copy_folder(HARBOR, tmp_path / "house")
    manifest = folder / "residence.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = run_cli("validate", str(folder))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"narr-audit: {folder} is not valid\n")
    assert expected in result.stderr
    assert result.stdout == ""
    no_traceback(result.stderr)


def test_validate_json_for_a_broken_folder_lists_every_problem(tmp_path: Path) -> None:
    folder = copy_folder(HARBOR, tmp_path / "house")
    manifest = folder / "residence.yaml"
    text = manifest.read_text(encoding="utf-8").replace("rules: [1.C.7.b]", "rules: [1.C.7.x]")
    manifest.write_text(text.replace("file: logs/fire-drills.csv", "file: logs/fire-drill.csv"), encoding="utf-8")
    result = run_cli("validate", str(folder), "--format", "json", *AS_OF)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["valid"] is False
    assert [(p["file"], p["line"], p["field"]) for p in data["problems"]] == [
        ("residence.yaml", 14, "evidence[0].rules[0]"),
        ("residence.yaml", 23, "evidence[3].file"),
    ]
    assert data["problems"][1]["hint"] == "did you mean logs/fire-drills.csv or logs/house-meetings.csv?"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root: root / "nowhere", "no such folder"),
        (lambda root: root, "there is no residence.yaml in this folder"),
    ],
    ids=["missing-folder", "no-manifest"],
)
def test_validate_a_folder_that_is_not_an_evidence_folder(tmp_path: Path, make: Any, message: str) -> None:
    result = run_cli("validate", str(make(tmp_path)))
    assert result.exit_code == 2 and message in result.stderr
    no_traceback(result.stderr)


def test_validate_bad_as_of_exits_2() -> None:
    result = run_cli("validate", str(HARBOR), "--as-of", "2026-02-30")
    assert result.exit_code == 2 and "February 2026 has 28 days" in result.stderr


# --- map -------------------------------------------------------------------------------------------------------


def test_map_suggests_rules_with_where_each_topic_was_found_and_writes_nothing() -> None:
    before = snapshot(POLICY_REPO)
    result = run_cli("map", str(POLICY_REPO))
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    fire = text.split("policies/fire-safety.md\n", 1)[1].split("\n\n", 1)[0]
    assert fire.startswith("  2.F.17.c Inspections & drills: ")
    # every topic of the plain fire policy is placed under its heading: met, or found there and doubted by
    # the second reader (the retrained reader doubts "Carbon monoxide alarms are fitted near ...": 0.24
    # against a life-safety doubt of 0.28); none is reported as not stated at all
    assert "not found:" not in fire
    for topic, heading in [
        ("smoke detectors", "Fire Safety and Inspections"),
        ("carbon monoxide detectors", "Fire Safety and Inspections"),
        ("fire extinguishers", "Extinguishers"),
        ("inspection schedule", "Schedule"),
    ]:
        assert f"{topic} (under '{heading}')" in fire or f"doubted: {topic} (found under '{heading}'" in fire, fire
    meetings = text.split("logs/house-meetings.csv\n", 1)[1].split("policies/fire-safety.md", 1)[0]
    assert (
        "  3.I.27.e Household meetings: the file name ('house meetings') fits: "
        "House meeting minutes or attendance log (one row per meeting)\n"
    ) in meetings
    assert text.endswith("Nothing written. Add --write to add these suggestions to residence.yaml.\n")
    assert snapshot(POLICY_REPO) == before


def test_map_tells_a_doubted_topic_from_one_the_text_never_states() -> None:
    """A topic found under a heading and doubted by the second reader is shown with its place and the
    words that weighed against it; a topic not found at all is listed as not found."""
    found = [
        FileSuggestions(
            "policies/safety.md",
            "document",
            [
                Suggestion(
                    "2.F.17.c",
                    "Inspections & drills",
                    0.5,
                    (TopicHit("smoke detectors", "", "Detectors"), TopicHit("inspection schedule", "", "Checks")),
                    ("carbon monoxide detectors", "fire extinguishers"),
                    (TopicDoubt("carbon monoxide detectors", "Detectors", ("fitted",)),),
                )
            ],
        )
    ]
    text = map_text(found, 0)
    assert "    not found: fire extinguishers\n" in text
    assert (
        "    doubted: carbon monoxide detectors (found under 'Detectors', but the second reader doubts it, "
        "weighing against it 'fitted'; if it is there, point to that section with covers: once the file is mapped)"
    ) in text
    (suggestion,) = json.loads(map_json(found, 0))["files"][0]["suggestions"]
    assert suggestion["missed"] == ["carbon monoxide detectors", "fire extinguishers"]
    assert suggestion["doubted"] == [
        {"topic": "carbon monoxide detectors", "where": "Detectors", "against": ["fitted"]}
    ]


def test_map_json() -> None:
    result = run_cli("map", str(POLICY_REPO), "--format", "json")
    data = json.loads(result.stdout)
    assert data["written"] == 0
    files = {f["path"]: f for f in data["files"]}
    assert set(files) == {"logs/house-meetings.csv", "policies/fire-safety.md"}
    (fire,) = files["policies/fire-safety.md"]["suggestions"]
    assert fire["rule"] == "2.F.17.c"
    assert {"topic": "fire extinguishers", "term": "", "where": "Extinguishers"} in fire["matched"]
    # each topic is met or doubted where the recogniser found it; the score counts the met ones
    doubted = [d["topic"] for d in fire["doubted"]]
    assert fire["missed"] == doubted
    assert {h["topic"] for h in fire["matched"]} | set(doubted) == {
        "smoke detectors",
        "carbon monoxide detectors",
        "fire extinguishers",
        "inspection schedule",
    }
    assert fire["score"] == len(fire["matched"]) / 4
    assert all(d["where"] and isinstance(d["against"], list) for d in fire["doubted"])
    assert "3.I.27.e" in [s["rule"] for s in files["logs/house-meetings.csv"]["suggestions"]]


def test_map_write_adds_entries_keeping_the_file_as_it_was(tmp_path: Path) -> None:
    folder = copy_folder(POLICY_REPO, tmp_path / "repo")
    manifest = folder / "residence.yaml"
    manifest.chmod(0o640)
    before = manifest.read_text(encoding="utf-8")
    result = run_cli("map", str(folder), "--write")
    assert result.exit_code == 0, result.stderr
    assert "Added 2 file(s) to residence.yaml. Review them" in result.stdout
    after = manifest.read_text(encoding="utf-8")
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")], "an existing line was changed:\n" + "\n".join(diff)
    added = [line[2:] for line in diff if line.startswith("+ ")]
    assert added[0] == "evidence:" and "  - file: policies/fire-safety.md" in added
    assert "    rules: [2.F.17.c]" in added
    assert manifest.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["logs", "policies", "residence.yaml"]  # no temp file left

    checked = run_cli("validate", str(folder), "--format", "json", *AS_OF)
    assert checked.exit_code == 0, checked.stdout
    data = json.loads(checked.stdout)
    assert data["unmapped"] == []
    rules = {d["path"]: d["rules"] for d in data["documents"]}
    assert rules["policies/fire-safety.md"] == ["2.F.17.c"] and "3.I.27.e" in rules["logs/house-meetings.csv"]

    again = run_cli("map", str(folder), "--write")
    assert again.stdout == "Every file in the folder is already mapped.\n"
    assert manifest.read_text(encoding="utf-8") == after


def test_map_write_keeps_comments_indentation_and_order_of_a_full_manifest(tmp_path: Path) -> None:
    folder = copy_folder(HARBOR, tmp_path / "house")
    (folder / "policies" / "fire-safety.md").write_bytes((POLICY_REPO / "policies" / "fire-safety.md").read_bytes())
    manifest = folder / "residence.yaml"
    before = manifest.read_text(encoding="utf-8").replace("\n", "\r\n")  # saved on Windows
    manifest.write_bytes(before.encode())
    assert run_cli("map", str(folder), "--write").exit_code == 0
    after = manifest.read_bytes().decode()
    assert after.count("\r\n") == after.count("\n"), "the line endings changed"
    added = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ ")]
    assert added == ["+   - file: policies/fire-safety.md", "+     rules: [2.F.17.c]"]
    assert run_cli("validate", str(folder), *AS_OF).exit_code == 0


def test_map_on_a_broken_folder_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    folder = copy_folder(POLICY_REPO, tmp_path / "repo")
    manifest = folder / "residence.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("level: 3", "level: 7"), encoding="utf-8")
    before = snapshot(folder)
    result = run_cli("map", str(folder), "--write")
    assert result.exit_code == 2 and "residence.yaml:5: field 'residence.level'" in result.stderr
    assert snapshot(folder) == before


# --- schema ----------------------------------------------------------------------------------------------------


def test_schema_matches_the_committed_file() -> None:
    printed = run_cli("schema")
    assert printed.exit_code == 0
    assert printed.stdout == SCHEMA_FILE.read_text(encoding="utf-8"), (
        "the JSON Schema of residence.yaml changed. If the change is intended, regenerate the published file "
        "from the repository root with:  narr-audit schema > schemas/residence.schema.json  "
        "(and note the change in CHANGELOG.md: editors and affiliates validate against it)"
    )
    schema = json.loads(printed.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == {"residence", "assessed_on", "evidence", "attestations", "exceptions"}


def manifest_data(folder: Path) -> Any:
    """residence.yaml as an editor's YAML language server sees it: dates stay strings."""
    return read_yaml(folder / "residence.yaml").data


@pytest.mark.parametrize("folder", [HARBOR, POLICY_REPO], ids=lambda p: p.name)
def test_valid_manifests_conform_to_the_schema(folder: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator_class = jsonschema.Draft202012Validator
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(manifest_data(folder))] == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("residence", "beds"), "many"),
        (("residence", "level"), "V"),
        (("assessed_on",), "2026-11-01T10:00"),
        (("evidence", 0, "rules"), []),
        (("evidence", 0, "reviewd"), "2026-01-10"),
        (("exceptions", 0, "expires"), "next June"),
    ],
)
def test_the_schema_flags_what_validate_reports(path: tuple[Any, ...], value: Any) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = manifest_data(HARBOR)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(data)), f"the schema accepts {path} = {value!r}"


def test_map_suggests_rules_for_photos_and_logs_from_their_names(tmp_path: Path) -> None:
    photo = io.BytesIO()
    Image.new("RGB", (8, 8)).save(photo, format="PNG")
    folder = make_folder(
        tmp_path / "house",
        files={
            "photos/medication-lockboxes.png": photo.getvalue(),
            "logs/detector-extinguisher-checks.csv": "date,by\n2026-10-01,HM\n",
            "photos/holiday-party.png": photo.getvalue(),
        },
    )
    run = run_cli("map", str(folder), "--format", "json")
    assert run.exit_code == 0
    files = {f["path"]: f for f in json.loads(run.stdout)["files"]}
    assert [s["rule"] for s in files["photos/medication-lockboxes.png"]["suggestions"]][:1] == ["2.F.16.d"]
    assert "2.F.17.c" in [s["rule"] for s in files["logs/detector-extinguisher-checks.csv"]["suggestions"]]
    assert files["photos/holiday-party.png"]["suggestions"] == []
    assert "name the rule it shows by hand" in files["photos/holiday-party.png"]["note"]
