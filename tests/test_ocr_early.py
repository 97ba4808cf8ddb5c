"""Photos handed to Tesseract as soon as `check` knows its folder (evidence.early): sooner, never different.

A first run on a binder of photos should not wait for OCR after everything else is done, so `check`
starts reading the photos before the rules load. What a user relies on: the readings and the report
are the same as without the early start, nothing outside the folder is read, and a photo whose
reading is cached is not read again.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import narr_audit.evidence.ocr as ocr
from narr_audit.evidence.cache import ExtractionCache
from narr_audit.evidence.early import read_photos_soon

from .test_ocr_extract import MISSION, _fresh_readings, photo, picture, tesseract  # noqa: F401 - an autouse fixture


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
def _png(lines: tuple[str, ...]) -> bytes:
    out = io.BytesIO()
    picture(lines).save(out, format="PNG")
    return out.getvalue()


def test_small_pictures_are_prepared_at_once_a_phones_photos_in_the_background(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A binder's small pictures that need decoding (a PNG) are ready for Tesseract before read_ahead
    returns; larger ones are decoded in the background, not to hold up the rest of the run. The
    readings are the same."""
    import threading

    tesseract()
    small, large = _png(MISSION), _png(("CERTIFICATE OF LIABILITY INSURANCE", "Policy period: 2026 to 2027"))
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


def test_a_photos_jpeg_is_handed_to_tesseract_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """A JPEG needing no scaling is not decoded at all (Tesseract reads the file), ahead or alone, and
    reads the same either way; a JPEG too large to read as it is, or a CMYK one, is decoded as before."""
    tesseract()
    data = photo(MISSION)
    decoded: list[bytes] = []
    opened = ocr._opened

    def spy(picture: bytes) -> object:
        decoded.append(picture)
        return opened(picture)

    monkeypatch.setattr(ocr, "_opened", spy)
    alone = ocr._ocr_image(data, None)
    ocr.read_ahead([data])
    assert ocr.ocr_image(data) == alone and decoded == []
    assert isinstance(alone, ocr.OcrPage) and "mission" in alone.text.lower()
    assert ocr._plain_jpeg(data)
    wide = bytearray(data)
    frame = wide.index(b"\xff\xc0")
    wide[frame + 7 : frame + 9] = (ocr.MAX_OCR_SIDE + 1).to_bytes(2, "big")  # the header claims a huge width
    assert not ocr._plain_jpeg(bytes(wide))
    assert not ocr._plain_jpeg(_png(MISSION)) and not ocr._plain_jpeg(b"\xff\xd8\xff" + b"\xff" * 40)
    cmyk = io.BytesIO()
    picture(MISSION).convert("CMYK").save(cmyk, format="JPEG")
    assert not ocr._plain_jpeg(cmyk.getvalue())


# --- the console entry point starts OCR before the command line loads ---------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "{folder}"], ("{folder}", False, None)),
        (["check", "{folder}", "--no-cache", "--format", "json"], ("{folder}", True, None)),
        (["check", "{folder}", "--cache-dir", "/tmp/c"], ("{folder}", False, "/tmp/c")),
        (["check", "{folder}", "--cache-dir=/tmp/c"], ("{folder}", False, "/tmp/c")),
        (["check", "{folder}", "--help"], None),
        (["check", "--level", "II", "{folder}"], None),  # not the plain shape: the command starts it later
        (["check", "{folder}/missing"], None),
        (["validate", "{folder}"], None),
        (["check"], None),
    ],
)
def test_the_entry_point_recognises_only_a_plain_check_of_a_folder(
    tmp_path: Path, args: list[str], expected: tuple[str, bool, str | None] | None
) -> None:
    from narr_audit.__main__ import photos_folder

    found = photos_folder([a.format(folder=tmp_path) for a in args])
    if expected is None:
        assert found is None
    else:
        folder, no_cache, cache_dir = expected
        assert found == (Path(folder.format(folder=tmp_path)), no_cache, None if cache_dir is None else Path(cache_dir))


@pytest.mark.slow
def test_the_entry_point_starts_the_photos_before_the_command_line_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`narr-audit check FOLDER` hands the photos to Tesseract before typer and the rules load."""
    import sys
    import types

    import narr_audit.__main__ as entry

    tesseract()
    data = photo(MISSION)
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "posted-mission.jpg").write_bytes(data)
    seen: list[set[str]] = []
    stand_in = types.ModuleType("narr_audit.cli")
    stand_in.main = lambda: seen.append(_waiting())  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "narr_audit.cli", stand_in)
    monkeypatch.setattr(sys, "argv", ["narr-audit", "check", str(tmp_path), "--no-cache"])
    entry.main()
    assert seen == [{ocr._image_key(data)}]
    assert isinstance(ocr.ocr_image(data), ocr.OcrPage)


@pytest.mark.parametrize("trouble", ["usage", "manifest"])
def test_a_check_that_ends_early_does_not_wait_for_its_photos(tmp_path: Path, trouble: str) -> None:
    """A run that ends on bad input ends at once: the photos' Tesseract run (here a stand-in that would
    take a minute) is stopped and its pictures removed, not waited for."""
    import os
    import shutil
    import subprocess
    import sys

    if shutil.which("tesseract") is None:
        pytest.skip("the early start needs a tesseract on the search path to start")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    slow = bin_dir / "tesseract"
    started = tmp_path / "started"
    slow.write_text(f"#!/bin/sh\necho $$ > '{started}'\nexec sleep 60\n", encoding="utf-8")
    slow.chmod(0o755)
    folder = tmp_path / "evidence"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "posted-mission.jpg").write_bytes(photo(MISSION))
    (folder / "residence.yaml").write_text("residence: [not, a, residence\n", encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "TMPDIR": str(temp)}
    extra = ["--format", "no-such-format"] if trouble == "usage" else []
    done = subprocess.run(
        [sys.executable, "-m", "narr_audit", "check", str(folder), "--no-cache", *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=45,  # a hang guard: waiting for the stand-in would take 60 s
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert not list(temp.iterdir())  # the pictures handed to Tesseract are gone
    if started.exists():  # it was started (it may not have been yet): it must not outlive the run
        assert not _alive(int(started.read_text()))


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")  # a zombie has ended


# --- the read-ahead reads Tesseract's TSV itself, as pytesseract does -----------------------------------------


@pytest.mark.parametrize(
    "tsv",
    [
        "",
        "level\tpage_num\tconf\ttext\n",
        "level\tpage_num\tconf\ttext\n5\t1\t96.5\tMission\n5\t1\t-1\t\n",
        "level\tpage_num\tconf\ttext\n5\t1\t91\tsafe,\n5\t2\t88.25\t12.5\n5\t2\t40\n",  # the last word missing
        "level\tpage_num\tconf\ttext\n5\tx\t7e1\tOur\n5\t1\n",  # a cell that is no number stays text
        "\n\nlevel\tconf\ttext\n\n",
    ],
)
def test_the_tsv_is_read_as_pytesseract_reads_it(tsv: str) -> None:
    import pytesseract

    assert ocr.tsv_columns(tsv) == pytesseract.pytesseract.file_to_dict(tsv, "\t", -1)


@pytest.mark.slow
def test_tesseracts_own_tsv_of_photos_is_read_as_pytesseract_reads_it(tmp_path: Path) -> None:
    """On Tesseract's real output for a list of photos (as the read-ahead runs it)."""
    import subprocess

    import pytesseract

    tesseract()
    names = []
    for n, lines in enumerate((MISSION, ("HOUSE RULES", "No alcohol or drugs on the property.", "Curfew 11 pm."))):
        names.append(str(tmp_path / f"{n + 1}.jpg"))
        Path(names[-1]).write_bytes(photo(lines))
    listing = tmp_path / "pictures.txt"
    listing.write_text("".join(f"{name}\n" for name in names))
    out = subprocess.run(["tesseract", str(listing), "stdout", "tsv"], capture_output=True, check=True).stdout
    tsv = out.decode("utf-8", "replace")
    read = ocr.tsv_columns(tsv)
    assert read == pytesseract.pytesseract.file_to_dict(tsv, "\t", -1)
    assert set(read["page_num"]) == {1, 2} and "Curfew" in read["text"]


def test_the_read_ahead_does_not_import_pytesseract_or_pil() -> None:
    """It runs while the rest of narr-audit loads: importing pytesseract and PIL there would hold the
    interpreter the loading needs (a photo's JPEG is handed over as it is)."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        """
        import io, sys
        from PIL import Image, ImageDraw
        image = Image.new("RGB", (800, 300), "white")
        ImageDraw.Draw(image).text((20, 20), "OUR MISSION", fill="black")
        out = io.BytesIO(); image.save(out, format="JPEG")
        for name in [m for m in sys.modules if m.split(".")[0] in ("PIL", "pytesseract")]:
            del sys.modules[name]
        import narr_audit.evidence.ocr as ocr
        batch = ocr._Batch(ocr.TemporaryDirectory())
        batch.prepare("k", out.getvalue())
        ocr._read_together(batch)
        print(sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("PIL", "pytesseract")}))
        """
    )
    tesseract()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
