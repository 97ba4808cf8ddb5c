"""The corrective action plan: `narr-audit plan` writes and keeps plan.yaml; `check`, `diff` and
`batch` report its progress.

What an operator relies on: each gap becomes an item with an owner and a due date; running `plan`
again keeps what they wrote (comments too), adds new gaps and closes the ones that are gone; an
overdue item and an item marked done whose rule still fails are called out.
"""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest
import yaml

from narr_audit.api import audit, plan_folder
from narr_audit.base.errors import NarrError
from narr_audit.formats.report import FORMATS, render

from .conftest import run_cli
from .folders import make_folder

TODAY = date(2026, 11, 1)
FRESH_MEETINGS = "date\n2026-10-06\n2026-10-13\n2026-10-20\n2026-10-27\n"


def _house(tmp_path: Path) -> Path:
    return make_folder(
        tmp_path / "house",
        files={"logs/house-meetings.csv": FRESH_MEETINGS},
        evidence=[{"file": "logs/house-meetings.csv", "rules": ["1.C.7.a"]}],
    )


def _plan(folder: Path) -> dict[str, dict[str, object]]:
    data = yaml.safe_load((folder / "plan.yaml").read_text(encoding="utf-8"))
    return {item["rule"]: item for item in data["items"]}


def _except(folder: Path, rule: str) -> None:
    manifest = yaml.safe_load((folder / "residence.yaml").read_text(encoding="utf-8"))
    manifest["exceptions"] = [{"rule": rule, "reason": "Approved.", "approved_by": "Reviewer", "expires": "2027-06-30"}]
    (folder / "residence.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")


def test_plan_creates_one_item_per_gap_with_owner_due_date_and_status(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    done = plan_folder(folder, today=TODAY)
    report = audit(folder, today=TODAY)
    items = _plan(folder)
    assert done.created and set(done.added) == set(report.gaps) == set(items)
    item = items["1.A.2.b"]
    assert item["status"] == "open"
    assert item["due"] == date(2026, 12, 1)  # 30 days after the assessment
    assert item["owner"] == "Operator"  # Level II's lead
    assert item["missing"] and item["action"]
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Corrective action plan for Test House")
    assert "&id" not in text and "*id" not in text  # no YAML anchors: narr-audit files refuse them
    assert report.plan is not None and report.plan.open == len(items) and report.plan.overdue == 0
    assert "plan.yaml" not in report.unmapped


def test_rerunning_keeps_edits_and_comments_adds_new_gaps_and_closes_fixed_ones(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    _except(folder, "2.F.16.a")  # excepted: not a gap yet
    plan_folder(folder, today=TODAY)
    path = folder / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("items:\n", "# Our board reviews this plan monthly.\nitems:\n", 1)
    edited = text.replace(
        "  - rule: 1.A.2.b\n", "  - rule: 1.A.2.b  # the broker promised the certificate\n", 1
    ).replace("    owner: Operator\n", "    owner: Board treasurer\n", 1)
    path.write_text(edited, encoding="utf-8")
    first_rule = next(iter(_plan(folder)))
    _except(folder, "1.A.2.b")  # 1.A.2.b's gap is gone; 2.F.16.a's exception is withdrawn: a new gap
    done = plan_folder(folder, today=TODAY)
    assert done.added == ["2.F.16.a"] and done.closed == ["1.A.2.b"]
    after = path.read_text(encoding="utf-8")
    assert "# Our board reviews this plan monthly." in after
    assert "# the broker promised the certificate" in after
    items = _plan(folder)
    assert items[first_rule]["owner"] == "Board treasurer"
    assert items["1.A.2.b"]["status"] == "done" and items["1.A.2.b"]["done_on"] == date(2026, 11, 1)
    assert items["2.F.16.a"]["status"] == "open"
    assert list(items)[-1] == "2.F.16.a"  # new gaps are appended, the operator's order is kept


def test_rerunning_with_nothing_new_leaves_the_file_byte_for_byte(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    plan_folder(folder, today=TODAY)
    before = (folder / "plan.yaml").read_bytes()
    done = plan_folder(folder, today=TODAY)
    assert not done.added and not done.closed and (folder / "plan.yaml").read_bytes() == before


def test_an_overdue_item_is_reported_as_overdue(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    plan_folder(folder, today=TODAY)
    report = audit(folder, today=TODAY, as_of=date(2026, 12, 5))
    assert report.plan is not None
    entry = next(e for e in report.plan.items if e.rule == "1.A.2.b")
    assert entry.overdue and report.plan.overdue == report.plan.total
    assert "(overdue)" in render(report, "terminal")
    assert "**overdue**" in render(report, "markdown")
    assert "<strong>overdue</strong>" in render(report, "html")


def test_an_item_marked_done_whose_rule_still_fails_is_called_out(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    plan_folder(folder, today=TODAY)
    path = folder / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - rule: 1.A.2.b")
    path.write_text(text[:start] + text[start:].replace("status: open", "status: done", 1), encoding="utf-8")
    report = audit(folder, today=TODAY)
    assert report.plan is not None
    entry = next(e for e in report.plan.items if e.rule == "1.A.2.b")
    assert entry.still_failing and not entry.overdue and report.plan.still_failing == 1
    for name in ("terminal", "markdown", "html"):
        assert "marked done, still failing" in render(report, name)
    assert json.loads(render(report, "json"))["plan"]["still_failing"] == 1


def test_the_affiliate_deadline_and_the_site_visit_set_the_due_date(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    overlay = tmp_path / "deadline.yaml"
    overlay.write_text(
        "overlay: deadline\ntitle: An affiliate with a deadline\naffiliate: Deadline Affiliate\nprefix: DL\n"
        "summary: Gaps are corrected within 45 days of the site visit.\nplan_deadline_days: 45\n",
        encoding="utf-8",
    )
    (folder / "review.yaml").write_text(
        "reviewer: Jordan Ames\nvisited_on: 2026-11-10\nfindings: []\n", encoding="utf-8"
    )
    done = plan_folder(folder, today=TODAY, overlays=[str(overlay)])
    assert done.due == date(2026, 12, 25) and done.counted_from == "the site visit"
    assert _plan(folder)["1.A.2.b"]["due"] == date(2026, 12, 25)


def test_the_azrha_overlay_gives_ninety_days(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", affiliate="AzRHA")
    assert plan_folder(folder, today=TODAY).due == date(2027, 1, 30)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "  - {rule: 9.Z.1.a, owner: Operator, due: 2026-12-01}\n",
            "plan.yaml:2: field 'items[0].rule': there is no rule '9.Z.1.a'",
        ),
        (
            "  - rule: 1.A.2.b\n    owner: Operator\n    due: 2026-02-30\n",
            "plan.yaml:4: rule 1.A.2.b, field 'due': '2026-02-30' is not a real date: February 2026 has 28 days",
        ),
        (
            "  - {rule: 1.A.2.b, owner: Operator, due: 2026-12-01, status: finished}\n",
            "plan.yaml:2: rule 1.A.2.b, field 'status': Input should be 'open', 'in progress' or 'done'",
        ),
        (
            "  - {rule: 1.A.2.b, owner: Operator, due: 2026-12-01}\n"
            "  - {rule: 1a2b, owner: Operator, due: 2026-12-01}\n",
            "plan.yaml:3: rule 1.A.2.b, field 'items[1].rule': 1.A.2.b is listed twice (also as items[0])",
        ),
    ],
    ids=["unknown rule", "impossible date", "unknown status", "rule twice"],
)
def test_a_bad_plan_is_an_error_with_file_line_and_field(tmp_path: Path, items: str, expected: str) -> None:
    folder = _house(tmp_path)
    (folder / "plan.yaml").write_text("items:\n" + items, encoding="utf-8")
    with pytest.raises(NarrError) as caught:
        audit(folder, today=TODAY)
    assert caught.value.render().startswith(expected), caught.value.render()
    run = run_cli("check", str(folder), "--no-cache")
    assert run.exit_code == 2 and expected in run.stderr


def test_a_linked_or_read_only_plan_is_left_alone(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    plan_folder(folder, today=TODAY)
    path = folder / "plan.yaml"
    kept = folder / "kept-plan.yaml"
    path.rename(kept)
    path.symlink_to(kept.name)
    _except(folder, "1.A.2.b")
    with pytest.raises(NarrError, match=r"plan\.yaml is a link"):
        plan_folder(folder, today=TODAY)
    path.unlink()
    kept.rename(path)
    path.chmod(stat.S_IRUSR)
    try:
        before = path.read_bytes()
        with pytest.raises(NarrError, match="read-only"):
            plan_folder(folder, today=TODAY)
        assert path.read_bytes() == before
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert not [p for p in folder.iterdir() if p.name.startswith(".plan.")]


@pytest.mark.cli
def test_cli_plan_says_what_it_did(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    run = run_cli("plan", str(folder), "--no-cache")
    assert run.exit_code == 0, run.stderr
    assert "wrote" in run.stdout and "new item(s)" in run.stdout
    again = run_cli("plan", str(folder), "--no-cache")
    assert "up to date" in again.stdout


@pytest.mark.cli
def test_diff_shows_plan_changes_and_a_newly_overdue_item_is_a_regression(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    plan_folder(folder, today=TODAY)
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    assert run_cli("check", str(folder), "--format", "json", "-o", str(old), "--fail-on", "none").exit_code == 0
    _except(folder, "1.A.2.b")
    plan_folder(folder, today=TODAY)
    args = ("check", str(folder), "--format", "json", "-o", str(new), "--fail-on", "none", "--as-of", "2026-12-05")
    assert run_cli(*args).exit_code == 0
    run = run_cli("diff", str(old), str(new), "--fail-on-regression")
    assert run.exit_code == 1
    assert "Corrective action plan" in run.stdout and "1.A.2.b" in run.stdout and "open -> done" in run.stdout
    assert "plan item(s) newly overdue" in run.stdout
    data = json.loads(run_cli("diff", str(old), str(new), "--format", "json").stdout)
    changed = {p["rule"]: p for p in data["plan"]}
    assert changed["1.A.2.b"]["new_status"] == "done"
    markdown = run_cli("diff", str(old), str(new), "--format", "markdown").stdout
    assert "## Corrective action plan" in markdown


@pytest.mark.cli
def test_batch_summary_shows_open_and_overdue_plan_items_per_applicant(tmp_path: Path) -> None:
    applicants = tmp_path / "applicants"
    with_plan = _house(applicants / "a")
    plan_folder(with_plan, today=TODAY)
    make_folder(applicants / "b" / "house", name="No Plan House")
    out = tmp_path / "reports"
    run = run_cli("batch", str(applicants), "--out", str(out), "--as-of", "2026-12-05", "--no-cache")
    assert run.exit_code in (0, 1), run.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    rows = {r["name"]: r for r in summary["applicants"]}
    assert rows["Test House"]["plan_open"] == rows["Test House"]["plan_overdue"] > 0
    assert rows["No Plan House"]["plan_open"] is None
    csv_text = (out / "summary.csv").read_text(encoding="utf-8")
    assert "plan_open,plan_overdue" in csv_text.splitlines()[0]
    assert "Plan overdue" in (out / "summary.html").read_text(encoding="utf-8")
    assert "Plan open (overdue)" in (out / "summary.md").read_text(encoding="utf-8")


def test_every_report_format_renders_with_a_plan(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    plan_folder(folder, today=TODAY)
    report = audit(folder, today=TODAY)
    for name in FORMATS:
        assert render(report, name)


def test_the_action_plan_formats_take_owner_and_due_date_from_the_plan(tmp_path: Path) -> None:
    folder = _house(tmp_path)
    plan_folder(folder, today=TODAY)
    report = audit(folder, today=TODAY)
    assert "**due date:** 2026-12-01; **in plan.yaml:** open" in render(report, "action-plan")
    assert ",Operator,2026-12-01," in render(report, "action-plan-csv")
