"""Work done while a check would only wait for Tesseract reading the photos ahead (evidence.ocr).

The loader reads photos last. When the main thread reaches one that Tesseract is still reading, it
does work the run needs anyway and that does not depend on the photos, instead of waiting: the layer
that knows that work hands it over here (workflows.audit: the second reader's model, and each
document already read, to be cut into sentences), and what is left of the wait compiles the patterns
not used yet (base.lazyre). On a machine of two cores an uncached check otherwise idles there while
its own work waits for later.

Nothing done here changes a result: each piece is work the run would do later anyway, and is then
found done. A piece that fails is left; the run does it again where it needs it and reports the
failure there. Only the main thread does the work (the privacy guard reads photos from others).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from narr_audit.base.lazyre import compile_while_waiting

_QUEUE: deque[Callable[[], object]] = deque()  # work handed over, done first come first served
_EACH: list[Callable[[Any], object]] = []  # what to do with each document offered, while in `meanwhile`
_OPEN = [0]  # how many `meanwhile` blocks the run is in: outside one, nothing is queued


@contextmanager
def meanwhile(first: Callable[[], object] | None = None, each: Callable[[Any], object] | None = None) -> Iterator[None]:
    """Within the block, a wait for the photos does ``first`` (once), then ``each`` for every document
    the loader offers (:func:`offer`); what is not done by the end of the block is dropped."""
    _OPEN[0] += 1
    if first is not None:
        _QUEUE.append(first)
    if each is not None:
        _EACH.append(each)
    try:
        yield
    finally:
        _OPEN[0] -= 1
        _QUEUE.clear()
        if each is not None:
            _EACH.remove(each)


def also(work: Callable[[], object]) -> None:
    """More work for a wait, known only on the way (the rulebook's topics, once it is loaded); nothing
    outside a :func:`meanwhile` block."""
    if _OPEN[0]:
        _QUEUE.append(work)


def offer(document: object) -> None:
    """A document read before the photos: queued for what :func:`meanwhile` does with each."""
    for each in _EACH:
        _QUEUE.append(partial(each, document))


def while_waiting(done: Callable[[], bool]) -> None:
    """Work handed over until ``done()`` (Tesseract finished) or none is left; then compile patterns."""
    if threading.current_thread() is threading.main_thread():
        while _QUEUE and not done():
            work = _QUEUE.popleft()
            try:
                work()
            except Exception:  # done again where it is needed, and reported there
                continue
    if not done():
        compile_while_waiting()


__all__ = ["also", "meanwhile", "offer", "while_waiting"]
