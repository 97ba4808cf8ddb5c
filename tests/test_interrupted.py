"""Ctrl-C ends any command with exit 130 and one line saying so, not silently (typer turns it into
a bare exit 130); batch, which says more itself, is not told twice."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from narr_audit.cli import interrupted

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "level-2-monitored"


def _exit_after(error: BaseException) -> SystemExit:
    """A SystemExit raised while handling ``error``, as typer raises it."""
    try:
        try:
            raise error
        except BaseException as caught:
            raise SystemExit(130) from caught
    except SystemExit as exit_:
        return exit_


def test_an_exit_caused_by_ctrl_c_is_recognised() -> None:
    assert interrupted(_exit_after(KeyboardInterrupt()))


def _batch_exit() -> SystemExit:
    """Batch's own exit 130, as the chain runs: the interrupt becomes the batch's error (from None),
    the command says so and raises its exit (from None), which typer turns into SystemExit."""
    try:
        try:
            try:
                try:
                    raise KeyboardInterrupt
                except KeyboardInterrupt:
                    raise RuntimeError("the batch was interrupted") from None
            except RuntimeError:
                raise LookupError("the command's exit 130, after saying so") from None
        except LookupError:
            raise SystemExit(130)  # noqa: B904 (typer exits inside its handler, without from)
    except SystemExit as exit_:
        return exit_


def test_batchs_own_exit_130_and_other_exits_are_not() -> None:
    assert not interrupted(_batch_exit())
    assert not interrupted(_exit_after(RuntimeError("a failure")))
    assert not interrupted(SystemExit(1))


@pytest.mark.slow
def test_check_interrupted_exits_130_with_one_line(tmp_path: Path) -> None:
    run = subprocess.Popen(
        [sys.executable, "-m", "narr_audit", "check", str(EXAMPLE), "--cache-dir", str(tmp_path / "cache")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.4)  # inside the run (a cold check of this example takes longer); not a timing assertion
    run.send_signal(signal.SIGINT)
    _out, err = run.communicate(timeout=60)
    if run.returncode != 130:
        pytest.skip("the check ended before the signal arrived")
    assert err.strip().splitlines()[-1] == "narr-audit: interrupted"
    assert "Traceback" not in err
