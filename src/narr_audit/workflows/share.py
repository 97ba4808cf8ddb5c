"""Reading a binder's rules in two processes at once: a second process (a fork of this one) reads part
of the rules while this one reads the rest, and hands back what it found.

Most of an uncached `check` is the document check reading each policy for each topic (the
recogniser, then the second reader), in pure Python, on one core, while the machine's other core has
nothing left to do once Tesseract has read the photos. The rules are cut into shares by the documents
they read (engine.shares); each process evaluates its share with the checks noting what they found
(each topic's finding, each idea's sentences, the second reader's readings: the notes a second run
reads from the cache, see checks.analysis_cache); the other process's notes come back through a pipe,
and the report is then built here from both, as a second run of an unchanged folder is. The report
is the same, byte for byte, whichever process read a rule (tests hold the two equal on every example).

Only where it is safe and pays: on Linux (fork without exec is not safe on macOS, and Windows has
none), with two usable cores or more, when nothing else runs in this process (forking a process with
other threads can leave the child waiting on a lock held by a thread it does not have), and with a
vocabulary that names its notes. A second process that fails, is stopped or sends what cannot be its
notes costs only time: what it did not hand back is read here.
"""

from __future__ import annotations

import contextlib
import gc
import json
import mmap
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

from narr_audit.checks.analysis_cache import Notebook
from narr_audit.checks.recognise import AnalysisStore, stored_in
from narr_audit.engine import look_ahead, shares

if TYPE_CHECKING:
    from narr_audit.evidence.model import Evidence
    from narr_audit.evidence.review import LoadedReview
    from narr_audit.standards.model import Rulebook

FIRST_SHARE = 0.5
"""This process's share of the reading: it also builds the report after, from both halves' notes."""
MIN_DOCUMENTS = 3
"""Documents with text below which a binder is read in one process: forking costs more than it saves."""
WAIT_FLOOR = 60.0
"""Seconds the other process may take past this one's own share before it is stopped (and its share
read here): at least this, or ten times what this process's share took."""


@dataclass(frozen=True)
class Shared:
    """How a binder's reading was shared: the processes (1: read here alone) and the notes handed back."""

    processes: int
    received: int = 0


def jobs_for(requested: int | None) -> int:
    """How many processes read the rules: ``requested`` (1: this one alone), else two where the
    machine has two usable cores, else one. Two by default, not one a core: each process cuts and
    indexes most of the binder's documents again (a rule not met in its own files looks through the
    rest), so a third adds less than the second; more than two was not timed (this project's machine
    has two cores). Whether forking is safe is asked when the reading starts (:func:`can_fork`)."""
    if requested is not None:
        return max(1, requested)
    return 2 if usable_cores() >= 2 else 1


def can_fork() -> bool:
    """Whether this process may fork a reader: on Linux, with no other thread running."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def share_reading(
    evidence: Evidence,
    book: Rulebook,
    review: LoadedReview | None,
    store: AnalysisStore | None,
    jobs: int | None = None,
) -> tuple[AnalysisStore | None, Shared]:
    """Read the rules' documents in ``jobs`` processes (None: :func:`jobs_for`); the store to build the
    report with (``store``, or notes kept in memory when there is none) holding what every process found."""
    jobs = jobs_for(jobs)
    vocabulary = book.concepts
    readable = sum(1 for d in evidence.documents if d.content is not None)
    if jobs < 2 or vocabulary.stamp is None or readable < MIN_DOCUMENTS or not can_fork():
        return store, Shared(1)
    parts = shares(evidence, book, jobs, FIRST_SHARE)
    if not all(parts):
        return store, Shared(1)
    kept = store if store is not None else Notebook()
    for document in (*evidence.documents, *evidence.unmapped_documents):
        if document.content is not None:
            kept.key(document.content)  # hashed once, before the processes part, not once in each
    # The objects made so far are the second process's too, shared page by page until one side writes
    # to a page: frozen, the collector (which would write to every one) leaves them alone in both.
    gc.freeze()
    claims = _Claims([rule_id for share in parts for rule_id in share])
    readers: list[_Reader | None] = []
    received = 0
    try:  # whatever happens here (Ctrl-C included), every process started is stopped and reaped
        readers.extend(_Reader.start(_look(evidence, book, claims.walk(share), review), kept) for share in parts[1:])
        started = time.monotonic()
        with stored_in(kept):
            look_ahead(evidence, book, claims.walk(parts[0]), review)
        deadline = time.monotonic() + max(WAIT_FLOOR, 10 * (time.monotonic() - started))
        for reader in readers:
            if reader is None:
                continue
            for key, stamp, name, value in reader.notes(deadline):
                kept.note(key, stamp, name, value)
                received += 1
    finally:
        gc.unfreeze()
        for reader in readers:
            if reader is not None:
                reader.stop()
    return kept, Shared(1 + sum(1 for r in readers if r is not None), received)


def _look(evidence: Evidence, book: Rulebook, share: Iterable[str], review: LoadedReview | None) -> Callable[[], None]:
    return lambda: look_ahead(evidence, book, share, review)


class _Claims:
    """Which rules of the reading order a process has taken, kept in memory the processes share (an
    anonymous shared mapping, which a fork inherits): a byte a rule, 0 until a process takes it. A
    process reads its own share, then takes from the end of the reading order what no process has taken
    yet: the process that finishes first reads the other's last rules while it reads its first, so the
    two finish together however the shares were weighed. Nothing locks the byte: two processes taking
    one rule at the same instant both read it, and note the same."""

    def __init__(self, order: list[str]) -> None:
        self.order = order
        self.index = {rule_id: n for n, rule_id in enumerate(order)}
        self.taken = mmap.mmap(-1, max(1, len(order)))

    def _take(self, n: int) -> bool:
        if self.taken[n]:
            return False
        self.taken[n] = 1
        return True

    def walk(self, mine: Iterable[str]) -> Iterator[str]:
        """The rules this process reads, each taken as it is reached: its share in order, then the
        others' not yet taken, from the last back."""
        for rule_id in mine:
            if self._take(self.index[rule_id]):
                yield rule_id
        for n in range(len(self.order) - 1, -1, -1):
            if self._take(n):
                yield self.order[n]


class _Reader:
    """A forked process reading one share of the rules, its notes coming back through a pipe."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self.pipe = pid, pipe
        self.ended = False

    @classmethod
    def start(cls, work: Callable[[], None], under: AnalysisStore) -> _Reader | None:
        """Fork a process doing ``work`` with its notes kept in memory (over ``under``'s, which it
        reads but never writes); None when it cannot be started (the share is then read here)."""
        try:
            read_end, write_end = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the second process: never returns
            _child(read_end, write_end, work, under)
        os.close(write_end)
        return cls(pid, read_end)

    def notes(self, deadline: float) -> list[tuple[str, str, str, object]]:
        """What the process noted; nothing when it failed, sent what cannot be notes, or is not done
        by ``deadline`` (it is then stopped)."""
        chunks: list[bytes] = []
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self.pipe], [], [], left)[0]:
                    return []
                chunk = os.read(self.pipe, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError:
            return []
        if self._status() != 0:
            return []
        return _notes_from(b"".join(chunks))

    def _status(self) -> int:
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return -1
        self.ended = True
        return os.waitstatus_to_exitcode(status)

    def stop(self) -> None:
        """End the process if it still runs (this one was interrupted, or stopped waiting) and reap it."""
        with contextlib.suppress(OSError):
            os.close(self.pipe)
        if not self.ended:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            self._status()


def _child(read_end: int, write_end: int, work: Callable[[], None], under: AnalysisStore) -> NoReturn:
    """The second process: do the work, write its notes as JSON to the pipe, and leave at once
    (os._exit: none of the first process's exit handlers, buffers or temporary folders are its own)."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly; the first process reports
        os.close(read_end)
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # nothing it does may reach the terminal or the report
            os.dup2(quiet, fd)
        notebook = Notebook(under)
        with stored_in(notebook):
            work()
        data = json.dumps(notebook.written(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view) :]
        code = 0
    except BaseException:  # whatever happened, the first process reads the share itself
        code = 1
    finally:
        os._exit(code)


def _notes_from(data: bytes) -> list[tuple[str, str, str, object]]:
    """The notes sent, each (key, stamp, name, value); nothing when the data is not such a list."""
    try:
        found = json.loads(data)
    except ValueError:
        return []
    if not isinstance(found, list):
        return []
    notes: list[tuple[str, str, str, object]] = []
    for item in found:
        if not (isinstance(item, list) and len(item) == 4 and all(isinstance(part, str) for part in item[:3])):
            return []
        notes.append((item[0], item[1], item[2], item[3]))
    return notes


__all__ = ["FIRST_SHARE", "Shared", "can_fork", "jobs_for", "share_reading", "usable_cores"]
