"""The command line as a user drives it: every command, its formats and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narr_audit import __version__
from narr_audit.cli import COMMAND_ORDER
from tests.conftest import FIXTURES, run_cli

pytestmark = pytest.mark.cli


def test_version() -> None:
    result = run_cli("--version")
    assert result.exit_code == 0 and result.stdout == f"narr-audit {__version__}\n"


@pytest.mark.parametrize("command", COMMAND_ORDER)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"narr-audit {command}" in result.stdout


def test_help_lists_every_command_in_the_order_a_newcomer_meets_them() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == list(COMMAND_ORDER), "every command belongs in cli.COMMAND_ORDER"
    assert "Exit codes" in result.stdout


def test_standards_table_lists_every_rule() -> None:
    result = run_cli("standards")
    assert result.exit_code == 0
    assert "1.A.1.a" in result.stdout and "4.J.31.b" in result.stdout
    assert "\x1b[" not in result.stdout  # plain text when not a terminal


def test_standards_json_filters_by_level() -> None:
    result = run_cli("standards", "--level", "I", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["filters"] == {"level": "I", "domain": None, "principle": None}
    ids = [r["id"] for r in data["rules"]]
    assert data["count"] == len(ids) > 0
    assert "1.D.10.a" not in ids  # staff qualifications do not apply to peer-run houses
    assert "1.C.7.a" in ids  # recommended at Level I, so shown
    assert all(r["levels"]["I"] in ("required", "recommended") for r in data["rules"])


def test_standards_filters_by_domain_and_principle() -> None:
    data = json.loads(run_cli("standards", "--domain", "2", "--principle", "f", "--format", "json").stdout)
    assert data["rules"] and all(r["standard"]["id"].startswith("2.F.") for r in data["rules"])


def test_standards_markdown_is_a_table() -> None:
    result = run_cli("standards", "--principle", "J", "--format", "markdown")
    assert result.exit_code == 0
    assert "| Rule | Title | I | II | III | IV | Evidence |" in result.stdout
    assert "| 4.J.30.b |" in result.stdout


def test_standards_with_overlay_shows_added_rule() -> None:
    data = json.loads(run_cli("standards", "--standards", "azrha", "--format", "json").stdout)
    assert data["standard"]["overlays"] == ["azrha"]
    assert "4.J.30.AZ1" in [r["id"] for r in data["rules"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["standards", "--level", "V"], "is not a level of support"),
        (["standards", "--domain", "7"], "there is no domain '7'"),
        (["standards", "--principle", "Z"], "there is no principle 'Z'"),
        (["standards", "--format", "pdf"], "pdf"),
        (["standards", "--standards", "nowhere"], "shipped: azrha"),
        (["standards", "--standards", str(FIXTURES / "overlays" / "unknown-rule.yaml")], "did you mean"),
    ],
)
def test_bad_options_exit_2_with_a_clear_message(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_explain_shows_everything_about_a_rule() -> None:
    result = run_cli("explain", "1.C.7.b")
    assert result.exit_code == 0
    text = result.stdout
    for heading in ("# 1.C.7.b", "## Requirement", "## Levels of support", "## Evidence that satisfies it",
                    "## What to do", "## Provenance"):  # fmt: skip
        assert heading in text
    assert "Level II (Monitored): required" in text


def test_explain_says_which_topics_are_rules_for_residents() -> None:
    """A section for staff or visitors does not meet a topic residents are held to (binds: residents)."""
    agreement = run_cli("explain", "2.F.16.a").stdout
    assert "(covers, as rules for residents: resident agrees; alcohol and drugs)" in agreement
    searches = run_cli("explain", "2.F.16.b").stdout
    assert "covers: list of prohibited items (for residents); search procedure;" in searches


def test_explain_accepts_any_case() -> None:
    assert run_cli("explain", "1.c.7.B").exit_code == 0


def test_explain_json() -> None:
    data = json.loads(run_cli("explain", "2.F.17.c", "--format", "json").stdout)
    assert data["id"] == "2.F.17.c" and data["life_safety"] is True
    assert set(data["levels"]) == {"I", "II", "III", "IV"}
    assert data["evidence"] and data["remediation"] and data["provenance"]["sources"]


def test_explain_unknown_rule_suggests_closest() -> None:
    result = run_cli("explain", "1.C.7.x")
    assert result.exit_code == 2
    assert "there is no rule '1.C.7.x'" in result.stderr
    assert "did you mean 1.C.7." in result.stderr


def test_explain_a_standard_id_lists_its_rules() -> None:
    result = run_cli("explain", "1.C.7")
    assert result.exit_code == 2 and "1.C.7 is a standard" in result.stderr and "1.C.7.b" in result.stderr


def test_explain_retired_and_overlay_rules() -> None:
    retired = run_cli("explain", "4.J.31.b", "--standards", str(FIXTURES / "overlays" / "texas.yaml"))
    assert retired.exit_code == 0 and "Retired by the overlay **tx-test**" in retired.stdout
    added = run_cli("explain", "4.J.30.AZ1", "--standards", "azrha")
    assert added.exit_code == 0 and "Added by the overlay **azrha**" in added.stdout
    changed = run_cli("explain", "1.A.2.b", "--standards", "azrha")
    assert "Changed by the overlay(s): azrha" in changed.stdout


def test_checklist_markdown_for_level_ii() -> None:
    result = run_cli("checklist", "--level", "II")
    assert result.exit_code == 0
    text = result.stdout
    assert "# Evidence checklist: Level II (Monitored)" in text
    assert "## Domain 1: Administrative and Operational" in text
    assert "- [ ] **1.C.7.b**" in text
    assert "*(recommended)*" in text  # e.g. 1.A.2.f background checks are R at Level II


def test_checklist_leaves_out_what_does_not_apply_at_the_level() -> None:
    level_one = run_cli("checklist", "--level", "1").stdout
    level_two = run_cli("checklist", "--level", "2").stdout
    assert "**1.D.10.a**" not in level_one and "**1.D.10.a**" in level_two
    assert "drill" in level_two.lower()


def test_checklist_html_written_to_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "checklist.html"
    result = run_cli("checklist", "--level", "III", "--format", "html", "--output", str(out))
    assert result.exit_code == 0 and f"wrote {out}" in result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert html.count('type="checkbox"') == html.count('<li class="item">') > 50
    assert "@media print" in html and "http" not in html.split("<body>")[0]


def test_checklist_requires_a_level() -> None:
    result = run_cli("checklist")
    assert result.exit_code == 2 and "--level" in result.stderr


def test_checklist_template_dir_overrides_a_template(tmp_path: Path) -> None:
    (tmp_path / "checklist.md.j2").write_text("Branded: {{ checklist.items | length }} items\n", encoding="utf-8")
    result = run_cli("checklist", "--level", "II", "--template-dir", str(tmp_path))
    assert result.exit_code == 0 and result.stdout.startswith("Branded: ")


def test_output_is_deterministic() -> None:
    first = run_cli("checklist", "--level", "IV", "--format", "html").stdout
    assert first == run_cli("checklist", "--level", "IV", "--format", "html").stdout
