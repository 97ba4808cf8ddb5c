"""Hostile and broken input (issue 18): every command ends a broken folder with a message that names the
file and exit code 2, never a traceback; one bad applicant never stops a batch, and a batch always
leaves a summary; `map --write` never replaces a link, a read-only file or another program's edit."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from narr_audit.evidence.suggestions import FileSuggestions, Suggestion, TopicHit
from narr_audit.workflows import mapping

from .conftest import Run, run_cli
from .folders import MISSION, RESIDENCE, make_folder

ROOT = Path(__file__).parents[1]
GOOD_REPORT = ROOT / "tests" / "golden" / "level-1-peer-run" / "report-json.json"
FORK = multiprocessing.get_start_method() == "fork"
needs_fork = pytest.mark.skipif(not FORK, reason="the planted fault reaches batch workers only when they are forked")


def no_crash(run: Run) -> str:
    """Everything the user saw, after checking that none of it is a crash."""
    seen = run.stdout + run.stderr
    assert "Traceback" not in seen and "internal error" not in seen, seen
    return seen


# --- a corpus of broken folders ------------------------------------------------------------------------------


def _manifest_with(root: Path, old: str, new: str) -> Path:
    folder = make_folder(root, files={"mission.md": MISSION})
    manifest = folder / "residence.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _front_matter(root: Path, extra: str) -> Path:
    return make_folder(root, files={"mission.md": f"---\nnarr: 1.A.1.a\n{extra}\n---\n{MISSION}"})


def _links(root: Path, pairs: dict[str, str], **kwargs: Any) -> Path:
    folder = make_folder(root, files={"mission.md": MISSION}, **kwargs)
    for name, target in pairs.items():
        (folder / name).symlink_to(target)
    return folder


def _manifest_link(root: Path, target: Callable[[Path], str]) -> Path:
    folder = make_folder(root, files={"mission.md": MISSION})
    manifest = folder / "residence.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.unlink()
    where = target(folder)
    if where != "residence.yaml":
        Path(folder.parent / "elsewhere.yaml").write_text(text, encoding="utf-8")
    manifest.symlink_to(where)
    return folder


def _review_link(root: Path, target: str) -> Path:
    folder = make_folder(root, files={"mission.md": MISSION})
    (folder.parent / "someone-elses-review.yaml").write_text(
        "reviewer: J. Ames\nvisited_on: 2026-11-10\nfindings: []\n", encoding="utf-8"
    )
    (folder / "review.yaml").symlink_to(target)
    return folder


BEDS = f"beds: {RESIDENCE['beds']}"
LONG_NAME = "a" * 300 + ".md"

# name -> (build the folder under a given path, what the message must say)
CORPUS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "a value its !!int tag does not fit": (
        lambda p: _manifest_with(p, BEDS, "beds: !!int abc"),
        "invalid YAML: the value cannot be read as !!int",
    ),
    "a value its !!bool tag does not fit": (
        lambda p: _manifest_with(p, BEDS, "beds: !!bool maybe"),
        "cannot be read as !!bool",
    ),
    "a mapping tag on a list": (lambda p: _manifest_with(p, BEDS, "beds: !!set [1, 2]"), "expected a mapping"),
    "a 5,000-digit number in residence.yaml": (
        lambda p: _manifest_with(p, BEDS, "beds: " + "7" * 5000),
        "the number is too long",
    ),
    "a 5,000-digit number in front matter": (
        lambda p: _front_matter(p, "reviewed: " + "9" * 5000),
        "mission.md:3: invalid YAML: the number is too long",
    ),
    "a failing tag in front matter": (
        lambda p: _front_matter(p, "pages: !!int many"),
        "mission.md:3: invalid YAML: the value cannot be read as !!int",
    ),
    "a link to itself": (
        lambda p: _links(p, {"loop.md": "loop.md"}),
        "loop.md: narr-audit cannot follow this link: it is a link that goes round in a loop",
    ),
    "two links leading to each other": (lambda p: _links(p, {"a.md": "b.md", "b.md": "a.md"}), "goes round in a loop"),
    "a mapped link that loops": (
        lambda p: _links(p, {"loop.md": "loop.md"}, evidence=[{"file": "loop.md", "rules": ["1.A.1.a"]}]),
        "evidence[0].file",
    ),
    "a folder link to itself": (lambda p: _links(p, {"sub": "sub"}), "sub: narr-audit cannot follow this link"),
    "a mapped file name longer than 255 characters": (
        lambda p: make_folder(p, evidence=[{"file": LONG_NAME, "rules": ["1.A.1.a"]}]),
        "its name is too long for the file system",
    ),
    "residence.yaml linked from outside": (
        lambda p: _manifest_link(p, lambda f: str(f.parent / "elsewhere.yaml")),
        "leads outside the evidence folder",
    ),
    "residence.yaml linked to itself": (
        lambda p: _manifest_link(p, lambda f: "residence.yaml"),
        "residence.yaml is a link that goes round in a loop",
    ),
    "review.yaml linked from outside": (
        lambda p: _review_link(p, "../someone-elses-review.yaml"),
        "review.yaml: this link leads outside the evidence folder",
    ),
    "review.yaml linked to itself": (lambda p: _review_link(p, "review.yaml"), "goes round in a loop"),
}


def _command(name: str, folder: Path, tmp: Path) -> list[str]:
    if name == "batch":
        return ["batch", str(folder), "--out", str(tmp / "reports"), "--jobs", "1"]
    if name == "precommit":
        return ["precommit", str(folder / "residence.yaml"), *(str(p) for p in sorted(folder.glob("*.md")))]
    return [name, str(folder)]


# precommit says "fix this" with 1, pre-commit's convention; every other command says "bad input" with 2.
COMMANDS = {"check": 2, "validate": 2, "map": 2, "visit-checklist": 2, "batch": 2, "precommit": 1}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CORPUS)
def test_every_command_names_the_problem_of_a_broken_folder(case: str, command: str, tmp_path: Path) -> None:
    build, said = CORPUS[case]
    folder = build(tmp_path / "applicants" / "house")
    before = sorted(p.name for p in folder.iterdir())
    run = run_cli(*_command(command, folder, tmp_path))
    assert run.exit_code == COMMANDS[command], no_crash(run)
    assert said in no_crash(run)
    assert sorted(p.name for p in folder.iterdir()) == before, "nothing is written into the evidence folder"
    if command == "batch":
        summary = json.loads((tmp_path / "reports" / "summary.json").read_text(encoding="utf-8"))
        (row,) = summary["applicants"]
        assert row["verdict"] == "unreadable" and any(said in p for p in row["problems"])


def test_a_folder_that_cannot_be_listed_is_named_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(tmp_path / "house", files={"mission.md": MISSION, "private/notes.md": MISSION})
    real = os.scandir

    def scandir(path: Any = ".") -> Any:  # tests run as root, where chmod 000 does not stop a read
        if str(path).endswith("private"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for command in ("check", "validate", "map", "visit-checklist"):
        run = run_cli(command, str(folder))
        assert run.exit_code == 2, no_crash(run)
        assert "private: cannot list this folder (Permission denied)" in no_crash(run)


def _deny(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Reading the file called ``name`` fails as it would without permission."""
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_a_log_that_cannot_be_read_is_a_problem_of_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={"logs/meetings.csv": "date,topic\n2026-10-01,chores\n"},
        evidence=[{"file": "logs/meetings.csv", "rules": ["3.I.27.e"]}],
    )
    _deny(monkeypatch, "meetings.csv")
    for command in ("check", "validate"):
        run = run_cli(command, str(folder))
        assert run.exit_code == 2, no_crash(run)
        assert "logs/meetings.csv: cannot read the log (Permission denied)" in no_crash(run)


def test_a_file_deleted_while_the_folder_is_read_is_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(
        tmp_path / "house",
        files={"mission.md": MISSION, "logs/meetings.csv": "date\n2026-10-01\n"},
        evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}, {"file": "logs/meetings.csv", "rules": ["3.I.27.e"]}],
    )
    real = Path.read_bytes

    def vanish(self: Path) -> bytes:
        if self.name == "meetings.csv":
            self.unlink()
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", vanish)
    run = run_cli("check", str(folder))
    assert run.exit_code == 2 and "logs/meetings.csv: cannot read the log" in no_crash(run)


# --- diff on files that are not reports ----------------------------------------------------------------------

REPORTS: dict[str, tuple[bytes, str]] = {
    "nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "nested 990 deep inside a report": (
        b'{"schema_version": "1.0", "results": [], "tool": ' + b"[" * 990 + b"]" * 990 + b"}",
        "broken.json",
    ),
    "a 5,000-digit number": (b'{"schema_version": "1.0", "results": [], "n": ' + b"9" * 5000 + b"}", "too long"),
    "not UTF-8": (b'{"a": "caf\xe9"}', "not UTF-8"),
    "not JSON": (b"residence: [\n", "not valid JSON"),
    "empty": (b"", "not valid JSON"),
}


@pytest.mark.parametrize("case", REPORTS)
def test_diff_names_a_file_that_is_not_a_report(case: str, tmp_path: Path) -> None:
    data, said = REPORTS[case]
    broken = tmp_path / "broken.json"
    broken.write_bytes(data)
    for old, new in ((GOOD_REPORT, broken), (broken, GOOD_REPORT)):
        run = run_cli("diff", str(old), str(new))
        assert run.exit_code == 2, no_crash(run)
        assert said in no_crash(run) and "broken.json" in run.stderr


# --- standard output closed or full --------------------------------------------------------------------------


def _narr_audit(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narr_audit", *args],
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
        **kwargs,
    )


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_stdout_is_a_clean_error(tmp_path: Path) -> None:
    with Path("/dev/full").open("w") as full:
        done = _narr_audit("standards", stdout=full)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == "narr-audit: error: cannot write the output (No space left on device)\n"


@pytest.mark.slow
def test_a_reader_that_goes_away_is_a_clean_error() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "narr_audit", "standards"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before anything is written: every write meets a closed pipe
    assert process.wait(timeout=120) == 2
    assert "cannot write the output" in process.stderr.read()


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="closes a file descriptor before exec")
def test_no_stdout_at_all_is_a_clean_error() -> None:
    done = _narr_audit("standards", preexec_fn=lambda: os.close(1))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "cannot write the output (standard output is closed)" in done.stderr


# --- batch: one applicant's failure is its own row -----------------------------------------------------------


def _applicants(root: Path, *names: str) -> Path:
    for name in names:
        make_folder(
            root / name,
            name=f"{name} House",
            files={"mission.md": MISSION},
            evidence=[{"file": "mission.md", "rules": ["1.A.1.a"]}],
        )
    return root


def _rows(out: Path) -> dict[str, dict[str, Any]]:
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return {Path(r["folder"]).name: r for r in summary["applicants"]}


def test_broken_applicants_among_good_ones_get_rows_and_the_summary_is_written(tmp_path: Path) -> None:
    root = _applicants(tmp_path / "applicants", "a-good", "z-good")
    for case in ("a value its !!int tag does not fit", "a link to itself", "residence.yaml linked to itself"):
        CORPUS[case][0](root / case.replace(" ", "-").replace(",", "").replace("!", ""))
    out = tmp_path / "reports"
    run = run_cli("batch", str(root), "--out", str(out), "--jobs", "2", "--fail-on", "none")
    assert run.exit_code == 2, no_crash(run)
    rows = _rows(out)
    assert len(rows) == 5 and [n for n, r in rows.items() if r["verdict"] != "unreadable"] == ["a-good", "z-good"]
    for name in ("a-good", "z-good"):
        assert (out / rows[name]["reports"]["json"]).is_file()
    for summary in ("summary.html", "summary.csv", "summary.md", "summary.json"):
        assert (out / summary).is_file()


def _planted(monkeypatch: pytest.MonkeyPatch, faults: dict[str, Callable[[], object]]) -> None:
    """Auditing a folder whose name is in ``faults`` runs that fault first (in the forked worker)."""
    from narr_audit.workflows import audit

    real = audit.audit

    def audit_with_faults(folder: Path, **kwargs: Any) -> Any:
        if folder.name in faults:
            faults[folder.name]()
        return real(folder, **kwargs)

    monkeypatch.setattr(audit, "audit", audit_with_faults)


@needs_fork
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_worker_killed_mid_applicant_becomes_that_applicants_row(
    jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _applicants(tmp_path / "applicants", "a-first", "b-killed", "c-last")
    _planted(monkeypatch, {"b-killed": lambda: os.kill(os.getpid(), signal.SIGKILL)})
    out = tmp_path / "reports"
    run = run_cli("batch", str(root), "--out", str(out), "--jobs", jobs, "--fail-on", "none")
    assert run.exit_code == 2, no_crash(run)
    rows = _rows(out)
    assert rows["b-killed"]["verdict"] == "unreadable"
    assert "the worker process checking this applicant was killed by SIGKILL" in rows["b-killed"]["problems"][0]
    assert rows["a-first"]["verdict"] != "unreadable" and rows["c-last"]["verdict"] != "unreadable"


@needs_fork
def test_an_internal_error_in_one_applicant_is_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _applicants(tmp_path / "applicants", "a-first", "b-buggy")

    def bug() -> None:
        raise ValueError("a resident's name that must not be shown")

    _planted(monkeypatch, {"b-buggy": bug})
    out = tmp_path / "reports"
    run = run_cli("batch", str(root), "--out", str(out), "--fail-on", "none")
    assert run.exit_code == 2
    problem = _rows(out)["b-buggy"]["problems"][0]
    assert "internal error (ValueError)" in problem and "resident" not in problem
    assert "Traceback" not in run.stderr and "resident" not in run.stderr
    assert _rows(out)["a-first"]["verdict"] != "unreadable"


@pytest.mark.slow
@needs_fork
def test_an_applicant_that_takes_too_long_is_stopped_and_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _applicants(tmp_path / "applicants", "a-slow", "b-quick")
    _planted(monkeypatch, {"a-slow": lambda: time.sleep(600)})
    out = tmp_path / "reports"
    # 5 s, not 1: the quick applicant's own check must fit in it on a slow, busy machine (a clean CI
    # clone on two loaded cores took more than 1 s); the slow one sleeps 600 s
    run = run_cli("batch", str(root), "--out", str(out), "--timeout", "5", "--jobs", "1", "--fail-on", "none")
    assert run.exit_code == 2, no_crash(run)
    rows = _rows(out)
    assert "took longer than 5 seconds, so it was stopped" in rows["a-slow"]["problems"][0]
    assert rows["b-quick"]["verdict"] != "unreadable", "the next applicant still gets its turn"


def test_the_timeout_must_be_positive(tmp_path: Path) -> None:
    root = _applicants(tmp_path / "applicants", "a")
    run = run_cli("batch", str(root), "--out", str(tmp_path / "o"), "--timeout", "0")
    assert run.exit_code == 2 and "--timeout" in no_crash(run)


DRIVER = """
import os, pathlib, sys, time
from narr_audit.workflows import audit
real = audit.audit
def audit_slowly(folder, **kwargs):
    if folder.name == "b-slow":
        pathlib.Path(os.environ["SLOW_STARTED"]).touch()  # the parent has taken a-quick's row by now
        time.sleep(600)
    return real(folder, **kwargs)
audit.audit = audit_slowly
from narr_audit.cli import main
sys.argv = ["narr-audit", *sys.argv[1:]]
main()
"""


def _ctrl_c_as_at_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
@needs_fork
@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to a process group")
def test_ctrl_c_stops_the_batch_and_writes_a_summary_marked_incomplete(tmp_path: Path) -> None:
    root = _applicants(tmp_path / "applicants", "a-quick", "b-slow", "c-never")
    out = tmp_path / "reports"
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    started = tmp_path / "slow-started"
    process = subprocess.Popen(
        [sys.executable, str(driver), "batch", str(root), "--out", str(out), "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
        env={**os.environ, "SLOW_STARTED": str(started)},
        # as from a terminal: a test run started in the background (`.ci/run &`) ignores Ctrl-C, and
        # the batch would inherit that and rightly keep ignoring it
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    try:
        waited = 0.0
        while not started.exists() and waited < 120 and process.poll() is None:
            time.sleep(0.1)
            waited += 0.1
        assert started.exists(), "the second applicant was never started"
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=60)  # generous: b-slow alone would take 600 s
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert stderr.splitlines() == [
        f"narr-audit: interrupted: 1 of 3 applicant(s) checked; the summary in {out} is marked incomplete"
    ]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["complete"] is False
    assert [Path(r["folder"]).name for r in summary["applicants"]] == ["a-quick"]
    assert [Path(f).name for f in summary["not_checked"]] == ["b-slow", "c-never"]
    assert "Incomplete:" in (out / "summary.md").read_text(encoding="utf-8")
    assert "Incomplete:" in (out / "summary.html").read_text(encoding="utf-8")


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to itself")
def test_ctrl_c_pressed_while_python_tidies_up_is_not_lost() -> None:
    """Where Ctrl-C lands in a ``__del__``, Python prints the KeyboardInterrupt and drops it: the batch
    then waited for the applicant in hand (up to its timeout) as if nothing was pressed. While the
    pool runs, Ctrl-C is noted, and the pool's loop raises it."""
    from narr_audit.workflows.batch import _CtrlC

    class Tidied:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # the handler runs here, inside __del__

    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal (see above)
    try:
        with _CtrlC() as ctrl_c:
            assert ctrl_c.waits, "the pool waits on the pipe Ctrl-C writes to"
            Tidied()  # collected at once: Ctrl-C arrives inside its __del__
            with pytest.raises(KeyboardInterrupt):
                ctrl_c.check()
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, inherited)


@pytest.mark.skipif(os.name != "posix", reason="reads how SIGINT is handled")
def test_a_batch_started_ignoring_ctrl_c_keeps_ignoring_it() -> None:
    """Started in the background or under nohup, a batch is meant to survive Ctrl-C at the terminal."""
    from narr_audit.workflows.batch import _CtrlC

    inherited = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with _CtrlC() as ctrl_c:
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN and not ctrl_c.waits
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, inherited)


def test_a_complete_batch_says_so(tmp_path: Path) -> None:
    root = _applicants(tmp_path / "applicants", "a")
    out = tmp_path / "reports"
    run_cli("batch", str(root), "--out", str(out))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["complete"] is True and summary["not_checked"] == []
    assert "Incomplete" not in (out / "summary.md").read_text(encoding="utf-8")


# --- batch: reports never land in an evidence folder ---------------------------------------------------------


def _report_of(out: Path, row: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / row["reports"]["json"]).read_text(encoding="utf-8"))
    return data


def test_report_folders_never_collide_even_when_names_do(tmp_path: Path) -> None:
    root = tmp_path / "applicants"
    names = ("p/a-x", "p-a/x", "p-a-x/2", "Case/house", "case/house")
    for name in names:
        make_folder(root / name, name=f"House {name}")
    out = tmp_path / "reports"
    run = run_cli("batch", str(root), "--out", str(out), "--format", "json", "--fail-on", "none")
    assert run.exit_code == 0, no_crash(run)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    folders = [Path(r["reports"]["json"]).parent.name for r in summary["applicants"]]
    assert len({f.lower() for f in folders}) == len(names), folders
    for row in summary["applicants"]:
        assert _report_of(out, row)["residence"]["name"] == f"House {Path(row['folder']).relative_to(root)}"


def test_out_at_the_parent_of_the_applicants_never_writes_into_an_evidence_folder(tmp_path: Path) -> None:
    root = tmp_path / "applicants"
    make_folder(root / "applicants" / "spring-a", name="Evidence at the report path")
    make_folder(root / "spring" / "a", name="Spring A")  # its report folder would be applicants/spring-a
    before = sorted(p.name for p in (root / "applicants" / "spring-a").iterdir())
    run = run_cli("batch", str(root), "--out", str(root), "--format", "json", "--fail-on", "none")
    assert run.exit_code == 0, no_crash(run)
    assert sorted(p.name for p in (root / "applicants" / "spring-a").iterdir()) == before
    for row in json.loads((root / "summary.json").read_text(encoding="utf-8"))["applicants"]:
        assert _report_of(root, row)["folder"] == row["folder"]


def test_out_whose_applicants_folder_is_an_evidence_folder_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "applicants"
    make_folder(root / "applicants", name="An applicant called applicants")
    make_folder(root / "other")
    run = run_cli("batch", str(root / "other"), str(root / "applicants"), "--out", str(root))
    assert run.exit_code == 2
    assert "the reports would be written inside an evidence folder" in no_crash(run)
    assert sorted(p.name for p in (root / "applicants").iterdir()) == ["residence.yaml"]


def test_a_cache_inside_an_applicant_is_refused(tmp_path: Path) -> None:
    root = _applicants(tmp_path / "applicants", "a", "b")
    cache = root / "a" / "cache"
    run = run_cli("batch", str(root), "--out", str(tmp_path / "reports"), "--cache-dir", str(cache))
    assert run.exit_code == 2
    assert "--cache-dir" in no_crash(run) and "would write into the evidence folder" in run.stderr
    assert not cache.exists() and not (tmp_path / "reports").exists()


# --- map --write ---------------------------------------------------------------------------------------------

SUGGESTED = FileSuggestions(
    "policies/fire-safety.md",
    "markdown",
    [Suggestion("2.F.17.c", "Fire safety", 1.0, (TopicHit("fire extinguishers", "extinguisher"),))],
)


@pytest.fixture
def mappable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose one unmapped policy `map` suggests a rule for (whatever the scoring of the day)."""
    folder = make_folder(tmp_path / "house", files={"policies/fire-safety.md": "# Fire safety\nExtinguishers.\n"})
    monkeypatch.setattr(mapping, "suggest_for", lambda *args, **kwargs: [SUGGESTED])
    return folder


def _no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".residence.")]


def test_map_write_replaces_the_manifest_in_one_step_keeping_its_permissions(mappable: Path) -> None:
    manifest = mappable / "residence.yaml"
    manifest.chmod(0o640)
    before = manifest.stat()
    run = run_cli("map", str(mappable), "--write")
    assert run.exit_code == 0, no_crash(run)
    after = manifest.stat()
    assert after.st_ino != before.st_ino, "a new file renamed into place, not the old one rewritten"
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert "file: policies/fire-safety.md" in manifest.read_text(encoding="utf-8")
    assert _no_temporary_files(mappable)


def test_map_write_that_fails_midway_leaves_the_manifest_as_it_was(
    mappable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = mappable / "residence.yaml"
    before = manifest.read_bytes()

    def fail(self: Path, target: Any) -> Path:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "replace", fail)
    run = run_cli("map", str(mappable), "--write")
    assert run.exit_code == 2 and "cannot update residence.yaml (Input/output error)" in no_crash(run)
    assert manifest.read_bytes() == before and _no_temporary_files(mappable)


def test_map_write_refuses_a_manifest_that_is_a_link(mappable: Path) -> None:
    manifest = mappable / "residence.yaml"
    real = mappable / "the-real-manifest.yaml"
    manifest.rename(real)
    manifest.symlink_to(real.name)
    before = real.read_bytes()
    run = run_cli("map", str(mappable), "--write")
    assert run.exit_code == 2 and "residence.yaml is a link" in no_crash(run)
    assert manifest.is_symlink() and real.read_bytes() == before and _no_temporary_files(mappable)


def test_map_write_refuses_a_read_only_manifest(mappable: Path) -> None:
    manifest = mappable / "residence.yaml"
    before = manifest.read_bytes()
    manifest.chmod(0o444)
    run = run_cli("map", str(mappable), "--write")
    assert run.exit_code == 2 and "residence.yaml is read-only" in no_crash(run)
    assert manifest.read_bytes() == before and stat.S_IMODE(manifest.stat().st_mode) == 0o444


def test_map_write_in_a_folder_it_may_not_write_in_is_a_clean_error(
    mappable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refuse(*args: Any, **kwargs: Any) -> Any:  # as root, a read-only folder would not stop the write
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    run = run_cli("map", str(mappable), "--write")
    assert run.exit_code == 2 and "cannot update residence.yaml (Permission denied)" in no_crash(run)


def test_map_write_keeps_what_another_program_wrote_meanwhile(mappable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    manifest = mappable / "residence.yaml"
    appended = "# Checked by the house manager on 2026-11-02.\n"
    real = tempfile.mkstemp

    def edit_then_create(*args: Any, **kwargs: Any) -> Any:  # another editor saves while map works
        with manifest.open("a", encoding="utf-8") as handle:
            handle.write(appended)
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", edit_then_create)
    run = run_cli("map", str(mappable), "--write")
    assert run.exit_code == 2 and "residence.yaml changed while narr-audit was adding" in no_crash(run)
    assert manifest.read_text(encoding="utf-8").endswith(appended) and _no_temporary_files(mappable)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes; others are always text")
def test_a_file_name_that_is_not_utf8_is_ignored_with_a_warning_not_a_crash(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "house", files={"mission.md": MISSION})
    (folder / os.fsdecode(b"bad\xff.md")).write_bytes(b"# Notes\n")  # the name's bytes are not UTF-8
    for command in ("validate", "check"):
        result = run_cli(command, str(folder), *(["--fail-on", "none"] if command == "check" else []))
        assert result.exit_code == 0, result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    validated = run_cli("validate", str(folder))
    assert "this name is not valid UTF-8 text" in validated.stdout
