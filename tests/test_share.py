"""Reading a binder's rules in two processes (workflows.share): faster, never different.

What a user relies on: `check` gives the same report, byte for byte, whether one process read the
rules or two; the second process's findings are used, not read again; a second process that fails,
hangs or cannot be started costs only time; none is started where forking is not safe.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import narr_audit.checks.reader as reader
import narr_audit.checks.recognise as recognise
from narr_audit import engine
from narr_audit.checks.recognise import stored_in
from narr_audit.workflows import share
from narr_audit.workflows.audit import Loaded, load_evidence

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/residence.yaml"))
TODAY = date(2026, 11, 1)
needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a second process is forked on Linux only")


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing this process found before: each run reads its documents anew, as a new `check` does."""
    monkeypatch.setattr(recognise, "_MEMO", {})
    monkeypatch.setattr(recognise, "_FOUND", {})
    monkeypatch.setattr(recognise, "_FOUND_CONTENTS", set())
    monkeypatch.setattr(reader, "_SENTENCES", {})


def _forget() -> None:
    """What the serial run found, forgotten: the shared run reads the documents anew."""
    recognise._MEMO.clear()
    recognise._FOUND.clear()
    recognise._FOUND_CONTENTS.clear()
    reader._SENTENCES.clear()


def _load(folder: Path) -> Loaded:
    return load_evidence(folder, today=TODAY)


def _serial(folder: Path) -> str:
    loaded = _load(folder)
    return engine.audit(loaded.evidence, loaded.rulebook, generated_on=TODAY).model_dump_json()


def _shared(folder: Path, jobs: int = 2) -> tuple[str, share.Shared, int]:
    """The report read by ``jobs`` processes, how it was shared, and how many topics the report's own
    run still had to look for itself (after both processes had read their shares)."""
    loaded = _load(folder)
    store, shared = share.share_reading(loaded.evidence, loaded.rulebook, None, None, jobs)
    looked = _counting(recognise, "find")
    with stored_in(store):
        report = engine.audit(loaded.evidence, loaded.rulebook, generated_on=TODAY).model_dump_json()
    return report, shared, looked()


def _counting(module: Any, name: str) -> Callable[[], int]:
    original = getattr(module, name)
    calls = [0]

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    setattr(module, name, counted)
    return lambda: (setattr(module, name, original), calls[0])[1]


def _second_process_first(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None]) -> None:
    """The second process does ``then`` (fails, sleeps) before reading its share; this one reads as ever."""
    first = os.getpid()
    real = share.look_ahead

    def patched(*args: Any, **kwargs: Any) -> None:
        if os.getpid() != first:
            then()
        real(*args, **kwargs)

    monkeypatch.setattr(share, "look_ahead", patched)


def _started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids of the second processes started from now on."""
    started: list[int] = []
    real_start = share._Reader.start

    def start(work: Callable[[], None], under: Any) -> share._Reader | None:
        reader_ = real_start(work, under)
        if reader_ is not None:
            started.append(reader_.pid)
        return reader_

    monkeypatch.setattr(share._Reader, "start", staticmethod(start))
    return started


def _sleep(seconds: float) -> Callable[[], None]:
    return lambda: time.sleep(seconds)


@needs_fork
@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_two_processes_give_the_same_report_and_the_second_ones_findings_are_used(folder: Path, fresh: None) -> None:
    serial = _serial(folder)
    _forget()
    report, shared, looked = _shared(folder)
    assert shared.processes == 2
    assert shared.received > 50  # each topic's finding, each idea's sentences, the second reader's readings
    assert looked == 0  # the report's run read every finding from the two processes' notes
    assert report == serial


@needs_fork
def test_three_processes_give_the_same_report(fresh: None) -> None:
    folder = ROOT / "examples" / "level-2-monitored"
    serial = _serial(folder)
    _forget()
    report, shared, _ = _shared(folder, jobs=3)
    assert shared.processes == 3 and shared.received > 0
    assert report == serial


@needs_fork
def test_a_second_process_that_fails_costs_only_time(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = ROOT / "examples" / "level-2-monitored"
    serial = _serial(folder)
    _forget()

    def broken() -> None:
        raise MemoryError("the second process ran out of memory")

    _second_process_first(monkeypatch, broken)
    report, shared, _ = _shared(folder)
    assert (shared.processes, shared.received) == (2, 0)
    assert report == serial


@needs_fork
def test_the_process_done_first_reads_what_the_other_has_not_reached(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second process slow to start (a busy machine) takes nothing: this one reads its own share and then
    the other's, from the last rule back, and the report's run finds every finding noted."""
    folder = ROOT / "examples" / "level-2-monitored"
    serial = _serial(folder)
    _forget()
    _second_process_first(monkeypatch, _sleep(3))
    report, shared, looked = _shared(folder)
    assert shared.processes == 2
    assert shared.received == 0  # every rule was taken here before it started
    assert looked == 0
    assert report == serial


@needs_fork
def test_a_second_process_that_hangs_is_stopped_and_its_share_read_here(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = ROOT / "examples" / "level-1-peer-run"
    serial = _serial(folder)
    _forget()
    _second_process_first(monkeypatch, _sleep(600))
    started = _started(monkeypatch)
    monkeypatch.setattr(share, "WAIT_FLOOR", 1.0)
    began = time.monotonic()
    report, shared, _ = _shared(folder)
    assert time.monotonic() - began < 30
    assert (shared.processes, shared.received) == (2, 0)
    assert report == serial
    assert len(started) == 1
    with pytest.raises(ProcessLookupError):  # stopped and reaped: no process left behind
        os.kill(started[0], 0)


def test_no_second_process_while_another_thread_runs(fresh: None) -> None:
    loaded = _load(ROOT / "examples" / "level-2-monitored")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name="a library user's thread")
    other.start()
    try:
        store, shared = share.share_reading(loaded.evidence, loaded.rulebook, None, None, 2)
    finally:
        stop.set()
        other.join()
    assert shared == share.Shared(1) and store is None


def test_one_job_reads_here_alone(fresh: None) -> None:
    loaded = _load(ROOT / "examples" / "level-2-monitored")
    assert share.share_reading(loaded.evidence, loaded.rulebook, None, None, 1) == (None, share.Shared(1))


def test_jobs_default_to_two_on_two_cores_and_to_what_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(share, "usable_cores", lambda: 8)
    assert share.jobs_for(None) == 2
    assert share.jobs_for(3) == 3
    monkeypatch.setattr(share, "usable_cores", lambda: 1)
    assert share.jobs_for(None) == 1


def test_the_shares_cover_every_rule_in_force_once() -> None:
    loaded = _load(ROOT / "examples" / "level-3-supervised")
    book, evidence = loaded.rulebook, loaded.evidence
    parts = engine.shares(evidence, book, 3, share.FIRST_SHARE)
    in_force = {r.id for r in book.rules() if r.levels.status_at(evidence.level) != "not_applicable"}
    assert len(parts) == 3 and all(parts)
    assert sorted(i for part in parts for i in part) == sorted(in_force)


@needs_fork
@pytest.mark.parametrize("folder", [ROOT / "examples" / "level-2-monitored"], ids=lambda p: p.name)
def test_check_prints_the_same_bytes_with_one_process_or_two(folder: Path, tmp_path: Path) -> None:
    """End to end, as a user runs it: the second process writes nothing to the terminal either."""
    outputs = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "narr_audit", "check", str(folder), "--no-cache", "--format", "json",
             "--as-of", "2026-11-01", "--fail-on", "none", "--jobs", jobs],
            capture_output=True, env={**os.environ, "NO_COLOR": "1"}, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


@needs_fork
def test_a_first_cached_check_read_by_two_processes_leaves_a_cache_a_second_check_reads_whole(tmp_path: Path) -> None:
    """With the cache, as a first `check` runs by default: the report is the one read without a cache in
    one process, and the next check of the unchanged folder looks for no topic again."""
    folder = ROOT / "examples" / "level-2-monitored"
    cache = tmp_path / "cache"
    common = ["check", str(folder), "--format", "json", "--as-of", "2026-11-01", "--fail-on", "none"]
    outputs = []
    for extra in (["--no-cache", "--jobs", "1"], ["--cache-dir", str(cache)], ["--cache-dir", str(cache)]):
        done = subprocess.run(
            [sys.executable, "-m", "narr_audit", *common, *extra],
            capture_output=True, env={**os.environ, "NO_COLOR": "1"}, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    from narr_audit.checks.analysis_cache import AnalysisCache
    from narr_audit.workflows.audit import audit

    looked = _counting(recognise, "find")
    try:
        audit(folder, today=TODAY, as_of=TODAY, cache=cache, jobs=1)
    finally:
        calls = looked()
    assert calls == 0  # every finding was read from the cache
    assert AnalysisCache(cache).folder.is_dir()


@needs_fork
def test_ctrl_c_while_reading_stops_the_second_process_too(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = _load(ROOT / "examples" / "level-1-peer-run")
    first = os.getpid()

    def interrupted(*args: Any, **kwargs: Any) -> None:
        if os.getpid() != first:
            time.sleep(600)  # the second process is still reading
        raise KeyboardInterrupt

    monkeypatch.setattr(share, "look_ahead", interrupted)
    started = _started(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        share.share_reading(loaded.evidence, loaded.rulebook, None, None, 2)
    assert len(started) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(started[0], 0)


def test_jobs_below_one_is_a_usage_error_naming_the_option() -> None:
    from .conftest import run_cli

    done = run_cli("check", str(ROOT / "examples" / "level-1-peer-run"), "--jobs", "0")
    assert done.exit_code == 2
    assert "--jobs" in done.stderr and "Traceback" not in done.stderr
