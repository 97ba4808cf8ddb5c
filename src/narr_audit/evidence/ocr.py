"""Text from scans: photos and image-only PDF pages read by Tesseract OCR (through pytesseract).

Tesseract is a program of its own (Debian's ``tesseract-ocr``), not a Python package, so it may be
missing: :func:`tesseract_missing` says so in words a house manager can act on, and callers skip
the files instead of failing. Nothing here raises for a bad file: a picture that cannot be read is
:class:`Unreadable`, like every other extractor's answer. Nothing is written anywhere but the system's
temporary folder, where Tesseract is handed its pictures (a photo's JPEG as it is, when it needs no
scaling; anything else decoded to grey), removed after.

Each page or photo gives an :class:`OcrPage`: its text, line by line, and Tesseract's mean word
confidence (0-100), so a reader can say how sure the reading is. A reading with too few real words
(:func:`readable`) is no reading at all; one under LOW_CONFIDENCE is used but flagged (:func:`ocr_warning`).

OCR is bounded and deterministic: at most MAX_OCR_PAGES pages of a PDF, each rendered at PDF_DPI but
never past MAX_OCR_SIDE pixels on its longer side (a PDF page can claim to be metres wide), photos
scaled down to the same size, and Tesseract run single-threaded (faster on one page, and the same
words every time). Readings are remembered for the life of the process by content hash, so a batch or a
test run that meets the same scan twice reads it once; the extraction cache keeps them between runs.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from io import BytesIO
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING, Any

from narr_audit.base.errors import Problem
from narr_audit.base.idle import while_waiting
from narr_audit.evidence.content import PAGE, Unreadable
from narr_audit.evidence.limits import MAX_IMAGE_PIXELS, MAX_OCR_PAGES, MAX_OCR_SIDE

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = [
    "IMAGE_SUFFIXES",
    "INSTALL_HINT",
    "LOW_CONFIDENCE",
    "MAX_OCR_PAGES",
    "SCAN_UNREADABLE",
    "OcrPage",
    "ocr_image",
    "ocr_pdf",
    "ocr_pdf_pages",
    "ocr_warning",
    "read_ahead",
    "readable",
    "tesseract_missing",
    "tsv_columns",
]

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp", ".webp"})
PDF_DPI = 200
OCR_TIMEOUT_SECONDS = 60
LOW_CONFIDENCE = 60.0
"""A reading whose mean word confidence is under this is used, but flagged for a person to check."""
GARBAGE_CONFIDENCE = 30.0
"""Under this, what Tesseract "read" is noise (a photo of a room, a blank or smudged page)."""
MIN_WORDS = 3
"""Real words (three letters or more) a reading needs before it counts as text."""
NOISE_PAGES = 5
"""Scanned pages in a row without text after which the rest of a PDF is not read by OCR."""

INSTALL_HINT = (
    "install Tesseract OCR (Debian or Ubuntu: sudo apt-get install tesseract-ocr; macOS: brew install tesseract; "
    "Windows: the UB Mannheim installer) and run the command again"
)
SCAN_UNREADABLE = Unreadable(
    "the scan could not be read: OCR found no readable text on its pages",
    "scan it again at 300 dpi, flat, upright and in good light, or map a text copy such as the original Word file",
)


@dataclass(frozen=True)
class OcrPage:
    """What OCR read on one page or photo: lines of text and the mean word confidence (0-100)."""

    where: str | None
    lines: tuple[str, ...]
    confidence: float | None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


_WORD = re.compile(r"[^\W\d_]{3,}")


def readable(page: OcrPage) -> bool:
    """True when the reading is text: a few real words, read with some confidence (not noise)."""
    if page.confidence is None or page.confidence < GARBAGE_CONFIDENCE:
        return False
    return len(_WORD.findall(page.text, 0, 10_000)) >= MIN_WORDS


def ocr_warning(shown: str, confidence: float | None) -> Problem | None:
    """A warning for a document read by OCR with low confidence: a person should check what was read."""
    if confidence is None or confidence >= LOW_CONFIDENCE:
        return None
    return Problem(
        f"read by OCR with low confidence ({confidence:.0f} of 100), so what narr-audit found in it may be wrong",
        shown,
        hint="check its findings against the scan; a sharper scan (300 dpi, flat, upright) or a text copy reads surely",
    )


def tesseract_missing() -> Unreadable | None:
    """Why OCR cannot run here (Tesseract or pytesseract is missing), or None when it can.

    Asked for every scan and photo of every applicant of a batch, so the answer is kept for the
    process while the search path (and the lookup itself) stay the same."""
    key = (shutil.which, os.environ.get("PATH"))
    kept = _MISSING.get(key, _UNKNOWN)
    if kept is _UNKNOWN:
        kept = _MISSING[key] = _tesseract_missing()
    return kept if isinstance(kept, Unreadable) else None


_UNKNOWN = object()
_MISSING: dict[tuple[object, str | None], object] = {}


def _tesseract_missing() -> Unreadable | None:
    if shutil.which("tesseract") is None:
        return Unreadable("Tesseract OCR is not installed, so scans and photos cannot be read", INSTALL_HINT)
    from importlib.util import find_spec

    if find_spec("pytesseract") is None:  # found, not imported: importing it (and PIL) costs start-up time
        return Unreadable(
            "the pytesseract package is missing, so scans and photos cannot be read",
            "reinstall narr-audit (pip install narr-audit) so its dependencies are installed",
        )
    return None


_IMAGE_DAMAGED = Unreadable(
    "the picture is damaged or is not a picture narr-audit can open",
    "open it and export a fresh JPEG, PNG or PDF, then try again",
)
_TOO_MANY_PIXELS = Unreadable(
    "the picture has far more pixels than any photo or scan, so narr-audit will not open it",
    "export a normal-size copy (under 20 megapixels)",
)
_OCR_FAILED = Unreadable(
    "Tesseract could not read the picture (it failed or took too long)",
    "check the scan is a clear, upright page; export a fresh copy and try again",
)


_MEMO: dict[str, OcrPage | Unreadable] = {}
_MEMO_SIZE = 512
_PENDING: dict[str, Future[dict[str, OcrPage | Unreadable]]] = {}  # photos being read ahead
_RUNNING: dict[subprocess.Popen[bytes], TemporaryDirectory[str]] = {}  # read-ahead Tesseract runs, their folders
_LOCK = threading.Lock()
_STOPPED = False  # set at exit: a read-ahead run starting after that is ended at once


def _remembered(key: str, read: Callable[[], OcrPage | Unreadable]) -> OcrPage | Unreadable:
    """The reading of ``key`` (a content hash) made earlier in this process or being made ahead (see
    :func:`read_ahead`), else read now; kept either way."""
    with _LOCK:  # the privacy guard reads photos from a few threads at once
        found = _MEMO.get(key)
        pending = _PENDING.pop(key, None) if found is None else None
    if found is None:
        if pending is not None and not pending.done():
            while_waiting(pending.done)  # use the wait: Tesseract is still reading
        try:
            found = pending.result()[key] if pending is not None else None
        except Exception:  # the run ahead failed: read this one on its own
            found = None
        if found is None:
            found = read()
        with _LOCK:
            if len(_MEMO) >= _MEMO_SIZE:
                del _MEMO[next(iter(_MEMO))]
            _MEMO[key] = found
    return found


def _image_key(data: bytes) -> str:
    return "image:" + hashlib.sha256(data).hexdigest()


def ocr_image(data: bytes, where: str | None = None) -> OcrPage | Unreadable:
    """Read the text of a photo or scanned image (its first frame). Never raises for a bad file."""
    missing = tesseract_missing()
    if missing is not None:
        return missing
    found = _remembered(_image_key(data), lambda: _ocr_image(data, None))
    return OcrPage(where, found.lines, found.confidence) if isinstance(found, OcrPage) else found


def read_ahead(images: Sequence[bytes]) -> None:
    """Start reading these photos in the background, all in one Tesseract run: Tesseract then loads its
    model once, not once a photo, and reads while the rest of the folder is parsed. :func:`ocr_image`
    finds each reading when it is asked for it; one that fails there is read again on its own. The
    readings are the same either way (Tesseract reads each picture of a list on its own, and is given
    the same pixels).

    A JPEG that needs no scaling (:func:`_plain_jpeg`, most of a binder's photos) is handed to Tesseract
    as it is, nothing decoded; other small pictures (up to PREPARE_HERE_PIXELS in all) are decoded and
    prepared here, in the caller's thread, so Tesseract starts at once instead of waiting for a busy
    interpreter to let a second thread run; larger ones (a phone's photos) are prepared in the
    background, not to hold the caller."""
    if tesseract_missing() is not None:
        return
    todo: dict[str, bytes] = {}
    with _LOCK:
        for data in images:
            key = _image_key(data)
            if key not in _MEMO and key not in _PENDING:
                todo.setdefault(key, data)
    if not todo:
        return
    batch = _Batch(TemporaryDirectory(prefix="narr-audit-ocr-"))
    budget = PREPARE_HERE_PIXELS
    try:
        for key, data in todo.items():
            if not batch.later and _plain_jpeg(data):  # handed over as it is: nothing to decode
                batch.prepare(key, data)
                continue
            pixels = _pixels(data)
            if batch.later or pixels is None or pixels > budget:
                batch.later.append((key, data))  # in order: the pictures are listed as they come
            else:
                budget -= pixels
                batch.prepare(key, data)
    except Exception:  # a picture that cannot be saved here is read on its own when asked for
        batch.folder.cleanup()
        return
    future: Future[dict[str, OcrPage | Unreadable]] = Future()
    with _LOCK:
        for key in todo:
            _PENDING.setdefault(key, future)
    # A daemon thread, not a pool's: a run that ends early (bad input, Ctrl-C) must not wait at exit
    # for photos nobody will ask for; _stop_reading_ahead ends their Tesseract and removes its files.
    threading.Thread(target=_settle, args=(future, batch), name="narr-audit-ocr", daemon=True).start()


def _settle(future: Future[dict[str, OcrPage | Unreadable]], batch: _Batch) -> None:
    try:
        future.set_result(_read_together(batch))
    except BaseException as exc:  # handed to whoever asks (who then reads the photo alone)
        future.set_exception(exc)


PREPARE_HERE_PIXELS = 4_000_000
"""Pixels of the pictures :func:`read_ahead` prepares in the caller's thread (a binder's small photos)."""


@dataclass
class _Batch:
    """Pictures prepared for one Tesseract run: saved in ``folder`` as 1.jpg, 2.pgm, ... (``files``; their
    keys ``listed``, in order), those that cannot be read (``found``), those still to prepare (``later``)."""

    folder: TemporaryDirectory[str]
    listed: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    found: dict[str, OcrPage | Unreadable] = field(default_factory=dict)
    later: list[tuple[str, bytes]] = field(default_factory=list)

    def prepare(self, key: str, data: bytes) -> None:
        name = Path(self.folder.name) / f"{len(self.listed) + 1}"
        if _plain_jpeg(data):
            name = name.with_suffix(".jpg")
            name.write_bytes(data)
        else:
            image = _opened(data)
            if isinstance(image, Unreadable):
                self.found[key] = image
                return
            # PGM: the same pixels as a PNG, written in a few milliseconds instead of a tenth of a second.
            name = name.with_suffix(".pgm")
            image.save(name, format="PPM")
        self.listed.append(key)
        self.files.append(str(name))


def _pixels(data: bytes) -> int | None:
    """The picture's pixel count from its header (nothing decoded); None when it cannot be told."""
    from PIL import Image

    try:
        with Image.open(BytesIO(data)) as opened:
            return int(opened.width * opened.height)
    except Exception:  # a damaged picture: prepared (and found unreadable) in the background
        return None


def _read_together(batch: _Batch) -> dict[str, OcrPage | Unreadable]:
    """The batch's pictures prepared (those left for later first), then read by one Tesseract run over
    a list of them; a word's page number says which picture it is on. The folder is removed after."""
    try:
        for key, data in batch.later:
            batch.prepare(key, data)
        if batch.listed:
            here = Path(batch.folder.name)
            listing = here / "pictures.txt"
            listing.write_text("".join(f"{name}\n" for name in batch.files))
            table = _tesseract_tsv(listing, batch)
            pages: dict[int, dict[str, list[Any]]] = {}
            for i, page in enumerate(table.get("page_num", [])):
                words = pages.setdefault(int(page), {name: [] for name in table})
                for name, values in table.items():
                    words[name].append(values[i])
            for number, key in enumerate(batch.listed, start=1):
                lines, confidence = _lines(pages.get(number, {}))
                batch.found[key] = OcrPage(None, tuple(lines), confidence)
    finally:
        batch.folder.cleanup()
    return batch.found


def _tesseract_tsv(listing: Path, batch: _Batch) -> dict[str, list[Any]]:
    """Tesseract's TSV of the pictures in ``listing``, column by column: what pytesseract's
    image_to_data gives for one picture (the same program, the same settings), from a process of our
    own, so that :func:`_stop_reading_ahead` can end it. pytesseract itself is not imported here: this
    runs while the rest of narr-audit loads, and importing it (and PIL) would hold the interpreter
    that the loading needs; it runs the program named "tesseract" on the search path, as this does."""
    command = ["tesseract", str(listing), "stdout", "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env) as process:
        with _LOCK:
            if _STOPPED:  # the program is ending: nobody will ask
                process.kill()
            _RUNNING[process] = batch.folder
        try:
            out, _ = process.communicate(timeout=OCR_TIMEOUT_SECONDS * len(batch.listed))
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        finally:
            with _LOCK:
                _RUNNING.pop(process, None)
    if process.returncode != 0:
        raise RuntimeError(f"tesseract ended with {process.returncode}")
    return tsv_columns(out.decode("utf-8", "replace"))


def tsv_columns(tsv: str) -> dict[str, list[Any]]:
    """Tesseract's TSV column by column, read as pytesseract's image_to_data reads it (tests hold the
    two equal): numbers as whole numbers (a confidence of 96.5 is 96), the last column (the word) as
    text, a last row missing its empty word given one."""
    rows = [row.split("\t") for row in tsv.strip().split("\n")]
    if len(rows) < 2:
        return {}
    header, body = rows[0], rows[1:]
    if len(body[-1]) < len(header):
        body[-1].append("")
    columns: dict[str, list[Any]] = {}
    last = len(header) - 1
    for i, head in enumerate(header):
        values: list[Any] = []
        columns[head] = values  # a name given twice keeps its last column, as pytesseract's does
        for row in body:
            if len(row) <= i:
                continue
            if i == last:
                values.append(row[i])
                continue
            try:
                values.append(int(float(row[i])))
            except ValueError:
                values.append(row[i])
    return columns


@atexit.register
def _stop_reading_ahead() -> None:
    """At exit, end the read-ahead Tesseract runs still going (a run that ended early, on bad input or
    Ctrl-C, does not wait for photos nobody will ask for) and remove their pictures."""
    global _STOPPED
    with _LOCK:
        _STOPPED = True
        running = list(_RUNNING.items())
        _RUNNING.clear()
    for process, folder in running:
        with contextlib.suppress(OSError):
            process.kill()
            process.wait(timeout=5)
        with contextlib.suppress(OSError):
            folder.cleanup()


def _ocr_image(data: bytes, where: str | None) -> OcrPage | Unreadable:
    if _plain_jpeg(data):  # as read ahead: the file as it is
        with TemporaryDirectory(prefix="narr-audit-ocr-") as folder:
            path = Path(folder) / "picture.jpg"
            path.write_bytes(data)
            return _read(str(path), where)
    image = _opened(data)
    return image if isinstance(image, Unreadable) else _read(image, where)


_FRAME_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


def _plain_jpeg(data: bytes) -> bool:
    """A JPEG Tesseract can be handed as it is: grey or colour (one or three components), its longer
    side at most MAX_OCR_SIDE (nothing to scale), as its frame header says; nothing is decoded. A
    photo's JPEG mostly is; anything else is decoded and prepared (:func:`_opened`)."""
    if data[:3] != b"\xff\xd8\xff":
        return False
    at, end = 2, min(len(data), 1 << 20)  # the frame header comes before the picture data
    while at + 10 <= end and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # fill
            at += 1
        elif marker in _FRAME_MARKERS:
            height, width = int.from_bytes(data[at + 5 : at + 7], "big"), int.from_bytes(data[at + 7 : at + 9], "big")
            return data[at + 9] in (1, 3) and 0 < width <= MAX_OCR_SIDE and 0 < height <= MAX_OCR_SIDE
        elif marker in (0xD9, 0xDA):  # the end, or picture data before any frame header
            return False
        else:
            at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return False


def _opened(data: bytes) -> Image | Unreadable:
    """The picture decoded and prepared for Tesseract, or why it cannot be."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as opened:
                if opened.width * opened.height > MAX_IMAGE_PIXELS:
                    return _TOO_MANY_PIXELS
                if opened.format == "JPEG":  # decoded straight to grey, at no more than the size read
                    ratio = min(1.0, MAX_OCR_SIDE / max(opened.width, opened.height, 1))
                    opened.draft("L", (max(1, round(opened.width * ratio)), max(1, round(opened.height * ratio))))
                opened.load()
                return _prepared(opened)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return _TOO_MANY_PIXELS
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return _IMAGE_DAMAGED
    except Exception:  # Pillow raises many kinds of error on a damaged picture
        return _IMAGE_DAMAGED


def ocr_pdf(data: bytes, pages: Sequence[int] | None = None) -> list[OcrPage] | Unreadable:
    """Read PDF pages (0-based ``pages``; default all, up to MAX_OCR_PAGES) by rendering and OCR.

    Pages are named "page N" as the text extractor names them. A locked or damaged PDF is Unreadable.
    """
    missing = tesseract_missing()
    if missing is not None:
        return missing
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return Unreadable(
            "the PDF is damaged or password-protected, so its pages cannot be read",
            "save an unprotected copy (open it, then Print to PDF) and use that",
        )
    try:
        chosen = list(range(len(pdf))) if pages is None else [p for p in pages if 0 <= p < len(pdf)]
        return ocr_pdf_pages(pdf, chosen, hashlib.sha256(data).hexdigest())
    finally:
        pdf.close()


def ocr_pdf_pages(
    pdf: Any, pages: Sequence[int], digest: str, *, give_up_after: int | None = None
) -> list[OcrPage] | Unreadable:
    """Read the 0-based ``pages`` of an open pypdfium2 document (at most MAX_OCR_PAGES of them) by OCR.

    ``digest`` is the SHA-256 of the PDF's bytes, to remember each page's reading. With
    ``give_up_after``, reading stops after that many pages in a row gave no text (:func:`readable`): a
    document of noise (a noise page takes Tesseract seconds) is not read to its last page. The caller
    checks :func:`tesseract_missing` first.
    """
    import pypdfium2 as pdfium

    read: list[OcrPage] = []
    noise = 0
    try:
        for index in list(pages)[:MAX_OCR_PAGES]:
            found = _remembered(f"pdf:{digest}:{index}", partial(_ocr_pdf_page, pdf, index))
            if isinstance(found, Unreadable):
                return found
            read.append(found)
            noise = 0 if readable(found) else noise + 1
            if give_up_after is not None and noise >= give_up_after:
                break
    except pdfium.PdfiumError:
        return Unreadable("the PDF is damaged, so its pages cannot be read", "get a fresh copy of the document")
    return read


def _ocr_pdf_page(pdf: Any, index: int) -> OcrPage | Unreadable:
    """One page rendered at PDF_DPI, or smaller when the page is so large it would pass MAX_OCR_SIDE."""
    page = pdf[index]
    try:
        width, height = page.get_size()  # in points, 72 to the inch
        longest = max(width, height, 1.0)
        scale = min(PDF_DPI / 72, MAX_OCR_SIDE / longest)
        if width * scale * height * scale > MAX_IMAGE_PIXELS:
            return _TOO_MANY_PIXELS
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            image = _prepared(bitmap.to_pil())
        finally:
            bitmap.close()
    finally:
        page.close()
    return _read(image, f"{PAGE}{index + 1}")


def _prepared(image: Image) -> Image:
    """Greyscale, at most MAX_OCR_SIDE pixels on the longer side: what Tesseract reads best and fastest."""
    grey = image.convert("L")
    longest = max(grey.size)
    if longest > MAX_OCR_SIDE:
        ratio = MAX_OCR_SIDE / longest
        grey = grey.resize((max(1, round(grey.width * ratio)), max(1, round(grey.height * ratio))))
    return grey


def _read(image: Image | str, where: str | None) -> OcrPage | Unreadable:
    import pytesseract

    # One thread: on a page or a photo Tesseract is faster so (its threads cost more than they save).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(image, output_type=pytesseract.Output.DICT, timeout=OCR_TIMEOUT_SECONDS)
    except (RuntimeError, pytesseract.TesseractError, OSError):  # RuntimeError: the timeout
        return _OCR_FAILED
    lines, confidence = _lines(data)
    return OcrPage(where, tuple(lines), confidence)


def _lines(data: dict[str, list[Any]]) -> tuple[list[str], float | None]:
    """Tesseract's words joined into its own lines, and the mean confidence of the words read."""
    lines: dict[tuple[int, int, int, int], list[str]] = {}
    scores: list[float] = []
    for word, conf, key in _words(data):
        lines.setdefault(key, []).append(word)
        if conf >= 0:
            scores.append(conf)
    text = [" ".join(words) for _, words in sorted(lines.items())]
    return text, (round(sum(scores) / len(scores), 1) if scores else None)


def _words(data: dict[str, list[Any]]) -> Iterator[tuple[str, float, tuple[int, int, int, int]]]:
    for i, word in enumerate(data.get("text", [])):
        text = str(word).strip()
        if not text:
            continue
        try:
            conf = float(data["conf"][i])
        except (KeyError, IndexError, TypeError, ValueError):
            conf = -1.0
        key = (int(data["page_num"][i]), int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        yield text, conf, key
