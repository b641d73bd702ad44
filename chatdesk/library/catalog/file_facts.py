"""What the library knows about a model file without parsing it again.

Why a module of its own: opening the library must be instant even with dozens of multi-gigabyte
models, so what a GGUF says about itself (architecture, parameters, quantization, context,
template, licence) is read once, through ChatDesk's validator (``check_gguf``, whose verdicts are
cached in ``model-checks.json``), and kept with the file's stamp (size and modification time): a
file is read again only when its stamp changes. Every failure, a validator bug included, becomes
a LibraryError sentence, so one bad file never takes the library (or the window) down. The
SHA-256 is read only when asked for (it means reading the whole file).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path
from typing import Any

from chatdesk.library.errors import LibraryError
from translatable import msg, text_of

log = logging.getLogger(__name__)


def describe(p: Path, check_cache: Path) -> tuple[dict[str, Any], list[int]]:
    """The record fields of a valid GGUF and its stamp; LibraryError says why a file is not usable."""
    from chatdesk.engine import EngineError, check_gguf
    from chatdesk.library.metadata import entry_fields

    try:
        summary = check_gguf(p, check_cache)
    except EngineError as exc:
        raise LibraryError(text_of(exc)) from exc
    except OSError as exc:
        raise LibraryError(msg("ChatDesk cannot read {path} ({reason}).", path=str(p), reason=exc.strerror or str(exc))) from exc
    except Exception as exc:  # a validator bug must not take the library (or the window) down
        log.exception("checking %s failed", p)
        raise LibraryError(msg("ChatDesk could not read the model information in {file} ({kind}: {error}).",
                               file=p.name, kind=type(exc).__name__, error=str(exc))) from exc
    found = stamp(p)
    return entry_fields(summary, p.name), list(found) if found else [0, 0]


def stamp(p: Path) -> list[int] | None:
    """[size, modification time in ns]: when it changes the file is read again. None: no such file."""
    try:
        st = p.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def file_sha256(p: Path, cancel: threading.Event | None = None) -> str:
    """The SHA-256 of a file, read in 4 MiB pieces; LibraryError when cancelled or unreadable."""
    digest = hashlib.sha256()
    try:
        with open(p, "rb") as fh:
            while chunk := fh.read(4 << 20):
                if cancel is not None and cancel.is_set():
                    raise LibraryError(msg("Hashing was cancelled."))
                digest.update(chunk)
    except OSError as exc:
        raise LibraryError(msg("ChatDesk cannot read {path} ({reason}).", path=str(p), reason=exc.strerror or str(exc))) from exc
    return digest.hexdigest()
