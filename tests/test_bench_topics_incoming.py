"""`bench_topics.py --incoming ROUND`: a round waiting in incoming/ measured whole and voice by voice.

The bluntest figure the corpus has is a round no part of which was tuned or trained on, measured before
and after a change (stop 39: a change that took 48 life-safety near-misses off the tuned part took one off
such a round). The benchmark must measure every voice of the round once, the round's total must be the sum
of its voices', its passages are never printed, and a round that is not there is a clear error naming the
rounds that are.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INCOMING = ROOT / "tests" / "corpus" / "topics" / "incoming"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_topics", ROOT / "benchmarks" / "bench_topics.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_topics"] = module
    spec.loader.exec_module(module)
    return module


def _a_waiting_round() -> str:
    rounds = sorted(p.name for p in INCOMING.iterdir() if p.is_dir() and any(p.glob("*.yaml")))
    if not rounds:
        pytest.skip("no round waits in incoming/")
    return rounds[-1]


LINE = re.compile(r"^(\S+)\s+topics\s+\d+\s+present found (\d+)/(\d+) .* absent reported missing (\d+)/(\d+)")


@pytest.mark.slow
def test_a_waiting_round_is_measured_voice_by_voice_and_whole(capsys: pytest.CaptureFixture[str]) -> None:
    name = _a_waiting_round()
    _bench()._incoming(name, second=False)
    out = capsys.readouterr().out
    lines = [m.groups() for m in map(LINE.match, out.splitlines()) if m]
    voices = sorted(p.stem for p in (INCOMING / name).glob("*.yaml"))
    assert [line[0] for line in lines] == [*voices, name]
    *each, total = lines
    for column in range(1, 5):
        assert sum(int(line[column]) for line in each) == int(total[column])
    texts = [p["text"] for f in (INCOMING / name).glob("*.yaml") for d in _yaml(f) for p in d["passages"]]
    assert not any(text.strip().splitlines()[0] in out for text in texts)  # no passage is printed


def _yaml(path: Path) -> list[dict[str, object]]:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_round_that_is_not_waiting_is_a_clear_error() -> None:
    with pytest.raises(SystemExit) as ended:
        _bench()._incoming("round-that-is-not-there", second=False)
    message = str(ended.value)
    assert "no round 'round-that-is-not-there'" in message and "rounds waiting:" in message
    with pytest.raises(SystemExit):
        _bench()._incoming("../tuned", second=False)  # only a folder of incoming/
