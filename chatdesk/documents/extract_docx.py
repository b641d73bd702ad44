"""DOCX → paragraphs, headings and tables, in document order, with python-docx.

A DOCX is a zip file, so before python-docx unpacks anything the archive's own directory is
checked: a file whose parts would expand past ``MAX_UNPACKED`` bytes, or expand suspiciously far
(a zip bomb), is refused with that reason instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile

from chatdesk.documents import errors
from chatdesk.documents.errors import ExtractionError
from translatable import msg

MAX_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 200  # compressed → uncompressed; real DOCX parts stay well under 50
MAX_MEMBERS = 10_000


def check_zip(data: bytes, name: str) -> None:
    """Refuse a zip bomb, judging by the archive's directory (nothing is decompressed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ExtractionError(errors.CORRUPT, msg("{name} is not a readable Word document (it is not a valid zip file).", name=name)) from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if len(infos) > MAX_MEMBERS or total > MAX_UNPACKED or (total > 10 * 1024 * 1024 and total > MAX_RATIO * max(packed, 1)):
        raise ExtractionError(
            errors.ZIP_BOMB,
            msg("{name} would expand to {size} MB when unpacked; it looks like a zip bomb and was not opened.",
                name=name, size=total // (1024 * 1024)),
        )


def docx_text(data: bytes, name: str) -> str:
    check_zip(data, name)
    import docx  # noqa: PLC0415 - python-docx (and lxml) load only when a DOCX is indexed
    from docx.table import Table  # noqa: PLC0415

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks.append(_table_text(item))
                continue
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            if style.startswith("Heading") or style == "Title":
                level = style.rsplit(" ", 1)[-1]
                hashes = "#" * int(level) if level.isdigit() else "#"
                text = f"{hashes} {text}"
            blocks.append(text)
    except Exception as exc:  # a damaged DOCX can make python-docx/lxml raise anything; it fails this file only
        raise ExtractionError(errors.CORRUPT, msg("{name} is not a readable Word document ({detail}).", name=name, detail=type(exc).__name__)) from exc
    return "\n\n".join(b for b in blocks if b)


def _table_text(table) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or cells[-1] != text:  # merged cells repeat their text
                cells.append(text)
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)
