"""Real documents for the documents tests and benchmarks, written here with the same libraries
ChatDesk reads them with: PDFs with pypdf (text in any script, one page per string, optionally
encrypted), DOCX with python-docx (headings, paragraphs, a table), and hostile files (a zip bomb
DOCX, a corrupt PDF, binary data)."""

from __future__ import annotations

import zipfile
from pathlib import Path


def _cmap(chars: set[str]) -> bytes:
    """A ToUnicode CMap mapping each 2-byte code (the code point) to the character itself."""
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    codes = sorted(ord(c) for c in chars if ord(c) <= 0xFFFF)
    for i in range(0, len(codes), 100):
        block = codes[i:i + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{c:04X}> <{c:04X}>" for c in block)
        lines.append("endbfchar")
    lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode("ascii")


def write_pdf(path: Path, pages: list[str], *, user_password: str | None = None, owner_password: str | None = None) -> Path:
    """A PDF whose pages carry ``pages`` as real, extractable text (Type0 font, Identity-H, with
    a ToUnicode map so any script extracts; no glyphs are embedded, which text extraction does
    not need)."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter()
    chars = set("".join(pages)) | {" "}
    cmap = DecodedStreamObject()
    cmap.set_data(_cmap(chars))
    cmap_ref = writer._add_object(cmap)
    descendant = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/CIDFontType2"),
        NameObject("/BaseFont"): NameObject("/TestFont"),
        NameObject("/CIDSystemInfo"): DictionaryObject({
            NameObject("/Registry"): TextStringObject("Adobe"),
            NameObject("/Ordering"): TextStringObject("Identity"),
            NameObject("/Supplement"): NumberObject(0),
        }),
        NameObject("/DW"): NumberObject(1000),
    })
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type0"),
        NameObject("/BaseFont"): NameObject("/TestFont"),
        NameObject("/Encoding"): NameObject("/Identity-H"),
        NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
        NameObject("/ToUnicode"): cmap_ref,
    })
    font_ref = writer._add_object(font)
    for text in pages:
        page = writer.add_blank_page(width=612, height=792)
        ops = ["BT", "/F1 10 Tf", "12 TL", "40 750 Td"]
        for line in text.split("\n"):
            hexed = "".join(f"{ord(c):04X}" for c in line if ord(c) <= 0xFFFF)
            ops.append(f"<{hexed}> Tj T*")
        ops.append("ET")
        content = DecodedStreamObject()
        content.set_data("\n".join(ops).encode("ascii"))
        page[NameObject("/Contents")] = writer._add_object(content)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref}),
        })
        page[NameObject("/MediaBox")] = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(612), FloatObject(792)])
    if user_password is not None or owner_password is not None:
        writer.encrypt(user_password=user_password or "", owner_password=owner_password, algorithm="RC4-128")
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def write_docx(path: Path, *, title: str, paragraphs: list[str], table: list[list[str]] | None = None,
               heading: str | None = None) -> Path:
    import docx

    d = docx.Document()
    d.add_heading(title, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    if heading:
        d.add_heading(heading, level=2)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    d.save(str(path))
    return path


def write_zip_bomb_docx(path: Path, unpacked_mb: int = 300) -> Path:
    """A DOCX-shaped zip whose document part expands to ``unpacked_mb`` MB of zeros (a few hundred
    KB on disk)."""
    block = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(unpacked_mb):
                fh.write(block)
    return path
