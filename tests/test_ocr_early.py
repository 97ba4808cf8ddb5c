"""Photos handed to Tesseract as soon as `check` knows its folder (evidence.early): sooner, never different.

A first run on a binder of photos should not wait for OCR after everything else is done, so `check`
starts reading the photos before the rules load. What a user relies on: the readings and the report
are the same as without the early start, nothing outside the folder is read, and a photo whose
reading is cached is not read again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import narr_audit.evidence.ocr as ocr
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.early import read_photos_soon

from .test_ocr_extract import MISSION, _fresh_readings, photo, tesseract  # noqa: F401 - an autouse fixture


def _waiting() -> set[str]:
    return set(ocr._PENDING)


@pytest.mark.slow
def test_the_folders_photos_are_started_and_read_as_when_asked_for_alone(tmp_path: Path) -> None:
    tesseract()
    data = photo(MISSION)
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "posted-mission.jpg").write_bytes(data)
    (tmp_path / "policy.md").write_text("# Policy\n\nText.\n", encoding="utf-8")
    alone = ocr._ocr_image(data, None)
    read_photos_soon(tmp_path)
    assert _waiting() == {ocr._image_key(data)}
    assert ocr.ocr_image(data) == alone and not ocr._PENDING
    assert isinstance(alone, ocr.OcrPage) and "mission" in alone.text.lower()


@pytest.mark.slow
def test_links_hidden_folders_and_other_files_are_left_alone(tmp_path: Path) -> None:
    tesseract()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "elsewhere.jpg").write_bytes(photo(("ELSEWHERE", "not evidence")))
    folder = tmp_path / "evidence"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "hidden.png").write_bytes(photo(("HIDDEN", "not evidence")))
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "linked.jpg").symlink_to(outside / "elsewhere.jpg")
    (folder / "notes.txt").write_text("a text file", encoding="utf-8")
    read_photos_soon(folder)
    assert not _waiting()


@pytest.mark.slow
def test_a_photo_whose_reading_is_cached_is_not_read_again(tmp_path: Path) -> None:
    tesseract()
    data = photo(MISSION)
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "mission.jpg").write_bytes(data)
    cache_dir = tmp_path / "cache"
    read_photos_soon(folder, cache_dir)
    assert _waiting()  # nothing cached yet
    ocr._PENDING.clear()
    from narr_audit.evidence.extract import extract

    extract(folder / "mission.jpg", ExtractionCache(cache_dir), ocr=True)  # what a run keeps
    read_photos_soon(folder, cache_dir)
    assert not _waiting()


def test_without_tesseract_or_a_folder_nothing_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mission.jpg").write_bytes(b"\xff\xd8 a photo")
    read_photos_soon(tmp_path / "no-such-folder")
    assert not _waiting()
    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    read_photos_soon(tmp_path)
    assert not _waiting()


@pytest.mark.slow
def test_check_reports_the_same_with_the_early_start_as_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Level II example's photos, read early (as `check` does) or when asked for: same report."""
    tesseract()
    from narr_audit import api

    example = Path(__file__).resolve().parent.parent / "examples" / "level-2-monitored"
    env_today = {"today": __import__("datetime").date(2026, 11, 1)}
    without = api.audit(example, **env_today)
    ocr._MEMO.clear()
    ocr._PENDING.clear()
    api.read_photos_soon(example)
    assert len(_waiting()) == sum(1 for p in (example / "photos").iterdir() if p.suffix == ".jpg")
    early = api.audit(example, **env_today)
    assert json.dumps(early.model_dump(mode="json"), sort_keys=True) == json.dumps(
        without.model_dump(mode="json"), sort_keys=True
    )


@pytest.mark.slow
def test_small_pictures_are_prepared_at_once_a_phones_photos_in_the_background(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A binder's small photos are ready for Tesseract before read_ahead returns; a phone's 12-megapixel
    photos are decoded in the background, not to hold up the rest of the run. The readings are the same."""
    import threading

    tesseract()
    small, large = photo(MISSION), photo(("CERTIFICATE OF LIABILITY INSURANCE", "Policy period: 2026 to 2027"))
    alone = [ocr._ocr_image(data, None) for data in (small, large)]
    prepared_in: list[str] = []
    opened = ocr._opened

    def spy(data: bytes) -> object:
        prepared_in.append(threading.current_thread().name)
        return opened(data)

    monkeypatch.setattr(ocr, "_opened", spy)
    monkeypatch.setattr(ocr, "PREPARE_HERE_PIXELS", ocr._pixels(small))  # room for the small one only
    ocr.read_ahead([small, large])
    assert [ocr.ocr_image(small), ocr.ocr_image(large)] == alone
    assert prepared_in[0] == threading.current_thread().name
    assert prepared_in[1].startswith("narr-audit-ocr")
