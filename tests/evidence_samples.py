"""Small real documents made on the fly (PDF, Word, photos), so no binary file is committed as a fixture."""

from __future__ import annotations

import hashlib
import io
import shutil
from datetime import datetime
from pathlib import Path

from tests.conftest import FIXTURES

EVIDENCE = FIXTURES / "evidence"
HARBOR = EVIDENCE / "valid-harbor-house"
POLICY_REPO = EVIDENCE / "valid-policy-repo"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXIF_IFD, DATE_TIME_ORIGINAL = 0x8769, 36867


def pdf_bytes(
    pages: list[str], *, title: str | None = None, user_password: str | None = None, owner_password: str | None = None
) -> bytes:
    """A PDF with one line of text per page (an empty string draws a box and no text)."""
    from fpdf import FPDF

    pdf = FPDF()
    if title is not None:
        pdf.set_title(title)
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.cell(text=text)
        else:
            pdf.rect(20, 20, 80, 40)
    if user_password is not None or owner_password is not None:
        pdf.set_encryption(owner_password=owner_password or "owner", user_password=user_password)
    return bytes(pdf.output())


def docx_bytes(*, title: str | None = None) -> bytes:
    """A Word document: a lead paragraph, two headed sections and a table under the second heading."""
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    document.add_paragraph("Welcome to the house.")
    document.add_heading("House Rules", level=1)
    document.add_paragraph("No alcohol or drugs on the property.")
    document.add_heading("Chores", level=2)
    document.add_paragraph("Chores rotate every week.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Kitchen"
    table.cell(0, 1).text = "Monday"
    table.cell(1, 0).text = "Bathroom"
    table.cell(1, 1).text = "Tuesday"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def image_bytes(fmt: str, taken: datetime | None = None) -> bytes:
    """A tiny JPEG or PNG, with the camera's EXIF DateTimeOriginal when ``taken`` is given."""
    from PIL import Image

    image = Image.new("RGB", (16, 16), "teal")
    buffer = io.BytesIO()
    if taken is None:
        image.save(buffer, format=fmt)
    else:
        exif = Image.Exif()
        exif[EXIF_IFD] = {DATE_TIME_ORIGINAL: taken.strftime("%Y:%m:%d %H:%M:%S")}
        image.save(buffer, format=fmt, exif=exif)
    return buffer.getvalue()


def copy_folder(source: Path, target: Path) -> Path:
    """A writable copy of a fixture folder."""
    shutil.copytree(source, target, symlinks=True)
    return target


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (files by content hash, folders and links by kind and target)."""
    state: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            state[rel] = f"link -> {path.readlink()}"
        elif path.is_dir():
            state[rel] = "folder"
        else:
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest() + f" mode {path.stat().st_mode:o}"
    return state
