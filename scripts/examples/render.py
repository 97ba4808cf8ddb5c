"""Turn the example binders' Markdown sources into the PDF, Word and photo files operators really have.

Used by scripts/build-examples.py; the generated files are committed, so the examples work without
running this. Output is made as repeatable as the libraries allow (fixed document dates).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

FIXED = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """('h1'|'h2'|'h3'|'li'|'p', text) blocks from simple Markdown (headings, bullets, paragraphs)."""
    blocks: list[tuple[str, str]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(("p", " ".join(para)))
            para.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        bullet = re.match(r"^\s*[-*]\s+(.*)$", line)
        if heading:
            flush()
            blocks.append((f"h{len(heading.group(1))}", heading.group(2).strip()))
        elif bullet:
            flush()
            blocks.append(("li", bullet.group(1).strip()))
        elif not line.strip():
            flush()
        else:
            para.append(line.strip())
    flush()
    return blocks


def _latin1(text: str) -> str:
    """fpdf2's core fonts are Latin-1: swap the few typographic characters sources use."""
    table = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2022": "-"}
    return "".join(table.get(c, c) for c in text).encode("latin-1", "replace").decode("latin-1")


def pdf(markdown: str, out: Path, *, title: str, author: str) -> None:
    """A text PDF (several pages when the text is long), one Markdown block per paragraph."""
    from fpdf import FPDF

    doc = FPDF(format="Letter")
    doc.set_creation_date(FIXED)
    doc.set_title(_latin1(title))
    doc.set_author(_latin1(author))
    doc.set_creator("narr-audit example builder")
    doc.set_auto_page_break(auto=True, margin=20)
    doc.add_page()
    sizes = {"h1": 16, "h2": 13, "h3": 11}
    for kind, text in _blocks(markdown):
        text = _latin1(text)
        if kind in sizes:
            doc.set_font("helvetica", "B", sizes[kind])
            doc.ln(3)
            doc.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            doc.ln(1)
        elif kind == "li":
            doc.set_font("helvetica", "", 10.5)
            doc.multi_cell(0, 5.5, "-  " + text, new_x="LMARGIN", new_y="NEXT")
        else:
            doc.set_font("helvetica", "", 10.5)
            doc.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            doc.ln(2)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.output(str(out))


def docx(markdown: str, out: Path, *, title: str, author: str) -> None:
    """A Word document with real heading styles, bullets and paragraphs."""
    import docx as python_docx

    doc = python_docx.Document()
    props = doc.core_properties
    props.title = title
    props.author = author
    props.created = FIXED.replace(tzinfo=None)
    props.modified = FIXED.replace(tzinfo=None)
    props.last_modified_by = author
    props.revision = 1
    for kind, text in _blocks(markdown):
        if kind in ("h1", "h2", "h3"):
            doc.add_heading(text, level=int(kind[1]))
        elif kind == "li":
            doc.add_paragraph(text, style="List Bullet")
        else:
            doc.add_paragraph(text)
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    out.write_bytes(_fixed_zip(buffer.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry's timestamp fixed, so a rebuilt .docx is byte-identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return target_buffer.getvalue()


def photo(out: Path, *, caption: str, taken: date, size: tuple[int, int] = (640, 480)) -> None:
    """A stand-in photo (a labelled picture) carrying the camera's EXIF date, as phones write it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (214, 222, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(70, 90, 110), width=4)
    y = size[1] // 2 - 20
    for line in _wrap(caption, 48):
        draw.text((40, y), line, fill=(30, 40, 50))
        y += 16
    exif = Image.Exif()
    stamp = f"{taken:%Y:%m:%d} 10:00:00"
    exif[0x0132] = stamp  # DateTime
    exif.get_ifd(0x8769)[0x9003] = stamp  # DateTimeOriginal
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".png":
        image.save(out, exif=exif)
    else:
        image.save(out, quality=80, exif=exif)


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines
