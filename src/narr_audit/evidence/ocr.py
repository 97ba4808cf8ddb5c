"""Text from scans: photos and image-only PDF pages read by Tesseract OCR (through pytesseract).

Tesseract is a program of its own (Debian's ``tesseract-ocr``), not a Python package, so it may be
missing: :func:`tesseract_missing` says so in words a house manager can act on, and callers skip
the files instead of failing. Nothing here raises for a bad file: a picture that cannot be read is
:class:`Unreadable`, like every other extractor's answer. Nothing is written anywhere; pytesseract
hands the image to Tesseract through a temporary file of its own, in the system's temporary folder.

Each page or photo gives an :class:`OcrPage`: its text, line by line, and Tesseract's mean word
confidence (0-100), so a reader can say how sure the reading is.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING, Any

from narr_audit.evidence.content import Unreadable

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = [
    "IMAGE_SUFFIXES",
    "MAX_OCR_PAGES",
    "OcrPage",
    "ocr_image",
    "ocr_pdf",
    "tesseract_missing",
]

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp", ".webp"})
MAX_OCR_PAGES = 100
"""Pages of one PDF read by OCR at most; a longer scan is read up to here and said to be cut short."""
MAX_OCR_SIDE = 4000
"""Pixels on an image's longer side; larger photos are scaled down first (text stays readable)."""
PDF_DPI = 200
OCR_TIMEOUT_SECONDS = 60

INSTALL_HINT = (
    "install Tesseract OCR (Debian or Ubuntu: apt-get install tesseract-ocr; macOS: brew install tesseract; "
    "Windows: the UB Mannheim installer) and run the command again"
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


def tesseract_missing() -> Unreadable | None:
    """Why OCR cannot run here (Tesseract or pytesseract is missing), or None when it can."""
    if shutil.which("tesseract") is None:
        return Unreadable("Tesseract OCR is not installed, so scans and photos cannot be read", INSTALL_HINT)
    try:
        import pytesseract  # noqa: F401
    except ImportError:
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


def ocr_image(data: bytes, where: str | None = None) -> OcrPage | Unreadable:
    """Read the text of a photo or scanned image (its first frame). Never raises for a bad file."""
    missing = tesseract_missing()
    if missing is not None:
        return missing
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as opened:
                opened.load()
                image = _prepared(opened)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return _TOO_MANY_PIXELS
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return _IMAGE_DAMAGED
    except Exception:  # Pillow raises many kinds of error on a damaged picture
        return _IMAGE_DAMAGED
    return _read(image, where)


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
    read: list[OcrPage] = []
    try:
        chosen = list(range(len(pdf))) if pages is None else [p for p in pages if 0 <= p < len(pdf)]
        for index in chosen[:MAX_OCR_PAGES]:
            found = _ocr_pdf_page(pdf, index)
            if isinstance(found, Unreadable):
                return found
            read.append(found)
    except pdfium.PdfiumError:
        return Unreadable("the PDF is damaged, so its pages cannot be read", "get a fresh copy of the document")
    finally:
        pdf.close()
    return read


def _ocr_pdf_page(pdf: Any, index: int) -> OcrPage | Unreadable:
    page = pdf[index]
    try:
        bitmap = page.render(scale=PDF_DPI / 72, grayscale=True)
        try:
            image = _prepared(bitmap.to_pil())
        finally:
            bitmap.close()
    finally:
        page.close()
    return _read(image, f"page {index + 1}")


def _prepared(image: Image) -> Image:
    """Greyscale, at most MAX_OCR_SIDE pixels on the longer side: what Tesseract reads best and fastest."""
    grey = image.convert("L")
    longest = max(grey.size)
    if longest > MAX_OCR_SIDE:
        ratio = MAX_OCR_SIDE / longest
        grey = grey.resize((max(1, round(grey.width * ratio)), max(1, round(grey.height * ratio))))
    return grey


def _read(image: Image, where: str | None) -> OcrPage | Unreadable:
    import pytesseract

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
