"""Work done while `check` would only wait for Tesseract (base.idle): sooner, never different.

What a user relies on: the report is the same whether the documents were cut into sentences while
the photos were read or afterwards; the work is not done twice; nothing is left queued for the next
folder of a batch; a piece of work that fails there is reported where it is needed, not swallowed.
"""

from __future__ import annotations

import json
import threading
from datetime import date
from pathlib import Path

import pytest

import narr_audit.checks.recognise as recognise
import narr_audit.evidence.ocr as ocr
from narr_audit.base import idle

from .test_ocr_extract import tesseract

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "level-2-monitored"
TODAY = date(2026, 11, 1)


def test_the_queue_is_worked_through_until_the_wait_ends() -> None:
    done: list[str] = []
    with idle.meanwhile(first=lambda: done.append("first"), each=lambda d: done.append(f"each {d}")):
        idle.offer("a")
        idle.also(lambda: done.append("also"))
        idle.offer("b")
        idle.while_waiting(lambda: len(done) >= 3)  # Tesseract finishes after three pieces
        assert done == ["first", "each a", "also"]
        idle.while_waiting(lambda: False)
        assert done == ["first", "each a", "also", "each b"]


def test_nothing_is_left_queued_after_the_block_nor_queued_outside_one() -> None:
    done: list[str] = []
    with idle.meanwhile(first=lambda: done.append("first"), each=lambda d: done.append(d)):
        idle.offer("a")
    idle.offer("b")  # outside: no one asked
    idle.also(lambda: done.append("also"))
    idle.while_waiting(lambda: False)
    assert done == []


def test_work_that_fails_is_left_for_where_it_is_needed() -> None:
    done: list[str] = []

    def broken() -> None:
        raise ValueError("the model is damaged")

    with idle.meanwhile(first=broken, each=lambda d: done.append(d)):
        idle.offer("a")
        idle.while_waiting(lambda: False)  # does not raise
    assert done == ["a"]


def test_only_the_main_thread_works_in_a_wait() -> None:
    done: list[str] = []
    with idle.meanwhile(first=lambda: done.append("first")):
        other = threading.Thread(target=idle.while_waiting, args=(lambda: False,))
        other.start()
        other.join()
        assert done == []  # the privacy guard's threads read photos too: they only wait
        idle.while_waiting(lambda: False)
        assert done == ["first"]


@pytest.mark.slow
def test_a_check_that_works_while_waiting_reports_the_same_and_cuts_no_document_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Level II example, with every photo's reading made to wait (so all the queued work is done
    then, before the engine runs), against a run without: the same report, and the engine cuts none
    of the documents read before the photos into sentences again."""
    tesseract()
    from narr_audit import api

    plain = api.audit(EXAMPLE, today=TODAY)
    ocr._MEMO.clear()
    recognise._MEMO.clear()

    waits: list[int] = []
    remembered = ocr._remembered

    def slow_photo(key: str, read: object) -> object:
        waits.append(1)
        idle.while_waiting(lambda: False)  # as if Tesseract were still reading: the whole queue is done
        return remembered(key, read)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "_remembered", slow_photo)
    cut: list[str] = []
    analyse = recognise._analyse
    engine_started = [False]

    def counted(content: object) -> object:
        if engine_started[0]:
            cut.append(str(content))
        return analyse(content)  # type: ignore[arg-type]

    monkeypatch.setattr(recognise, "_analyse", counted)
    import narr_audit.engine as engine

    run = engine.audit

    def marked(*args: object, **kwargs: object) -> object:
        engine_started[0] = True
        return run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "audit", marked)
    waited = api.audit(EXAMPLE, today=TODAY)
    assert waits, "no photo was read"
    assert json.dumps(waited.model_dump(mode="json"), sort_keys=True) == json.dumps(
        plain.model_dump(mode="json"), sort_keys=True
    )
    photos = sum(1 for p in (EXAMPLE / "photos").iterdir() if p.suffix == ".jpg")
    assert len(cut) <= photos, "documents read before the photos were cut into sentences again"
