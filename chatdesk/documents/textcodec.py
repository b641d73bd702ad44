"""Bytes → text, in the encodings Chinese and English users' files really come in.

A byte-order mark decides first (UTF-8-BOM, UTF-16, UTF-32: Windows Notepad writes them); then
strict UTF-8, which nearly every modern file is and which never decodes anything else by
accident; only then charset-normalizer guesses among the legacy code pages (GB18030/GBK, Big5,
Shift-JIS, Windows-1252, ...). A file with NUL bytes and no UTF-16/32 shape, or one that no
encoding reads cleanly, is "binary": the caller lists it as a failure instead of indexing noise.
"""

from __future__ import annotations

import codecs
import re

from chatdesk.documents import errors
from chatdesk.documents.errors import ExtractionError
from translatable import msg

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16-LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer's candidates, most likely first for this app's users. Limiting the search
# keeps short Chinese files from being read as Korean or Cyrillic code pages.
_LEGACY = ["gb18030", "big5", "cp1252", "shift_jis", "euc_jp", "euc_kr", "latin_1"]
_SNIFF = 64 * 1024


def _binary(name: str) -> ExtractionError:
    return ExtractionError(errors.BINARY, msg("{name} is a binary file, not text.", name=name))


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _control_ratio(text: str) -> float:
    sample = text[:_SNIFF]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


def decode(data: bytes, name: str) -> tuple[str, str]:
    """``(text, encoding)``; raises ``ExtractionError(BINARY)`` for anything that is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    head = data[:_SNIFF]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise _binary(name)
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise _binary(name) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _guess(data, name)
    else:
        encoding = "utf-8"
    if _control_ratio(text) > 0.05:
        raise _binary(name)
    return text, encoding


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM has NULs in every other byte for Latin text; CJK text has none,
    so only the Latin case is recognised (a CJK file without BOM is vanishingly rare)."""
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if len(head) >= 4 and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _guess(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # noqa: PLC0415 - its model tables load only for non-UTF-8 files

    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise _binary(name)
    return str(best), best.encoding
