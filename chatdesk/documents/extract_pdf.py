"""PDF → text per page with pypdf (pure Python: nothing native parses the untrusted file).

An encrypted PDF that opens with the empty password (common: "owner password" only) is read;
one that needs a password is a failure with that reason, as is a file pypdf cannot parse.
"""

from __future__ import annotations

import io
import logging

from chatdesk.documents import errors
from chatdesk.documents.errors import ExtractionError
from translatable import msg


def pdf_pages(data: bytes, name: str) -> list[tuple[int, str]]:
    """``[(page_number_from_1, text), ...]``."""
    from pypdf import PdfReader  # noqa: PLC0415 - loaded only when a PDF is indexed
    from pypdf.errors import FileNotDecryptedError, PdfReadError  # noqa: PLC0415

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every small defect
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (NotImplementedError, FileNotDecryptedError, PdfReadError) as exc:
                raise _encrypted(name) from exc
            if not opened:
                raise _encrypted(name)
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            pages.append((number, page.extract_text() or ""))
    except ExtractionError:
        raise
    except FileNotDecryptedError as exc:
        raise _encrypted(name) from exc
    except Exception as exc:  # a hostile or broken PDF can make pypdf raise anything; it is a failure of this file only
        raise ExtractionError(
            errors.CORRUPT, msg("{name} is not a readable PDF ({detail}).", name=name, detail=_short(exc))
        ) from exc
    return pages


def _encrypted(name: str) -> ExtractionError:
    return ExtractionError(errors.ENCRYPTED, msg("{name} is an encrypted PDF; open it with its password and save an unprotected copy to index it.", name=name))


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
