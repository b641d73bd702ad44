"""Small JSON files that survive crashes and concurrent writers.

The library file and the download sidecars are read-modify-written by the window, by
``chatdesk models`` running at the same time, and by a download in a background thread. A write
goes to a temporary file in the same folder, is fsynced and renamed over the target, so a reader
sees the old or the new file, never half of one; ``locked`` (filelock, which works on every
platform) serialises writers across processes. A file that cannot be read is renamed aside
(``set_aside``), never deleted, so the user can still repair it.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from chatdesk.atomic import write_bytes_atomic
from chatdesk.library.errors import LibraryError
from translatable import msg

LOCK_TIMEOUT_S = 30.0


def write_json_atomic(path: Path, data: Any, *, durable: bool = True, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` as UTF-8 JSON; the old file stays whole if anything fails.

    ``durable=False`` skips the fsync, for files whose loss after a power cut costs only time
    (a download sidecar: without it the partial file is discarded and fetched again); ``mode``
    forces the file's permissions (the API-key file: 0600 from its first byte).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    write_bytes_atomic(path, payload, durable=durable, mode=mode)


def read_json(path: Path) -> Any:
    """The parsed file, or None when it does not exist. Raises ValueError/OSError on a bad file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return json.loads(raw.decode("utf-8"))


def set_aside(path: Path, tag: str) -> Path:
    """Rename a file that cannot be read to ``<stem>.<tag>-<date-time><suffix>`` beside it and return
    that path: kept for the user to repair or send, never deleted, never overwritten by the new file.
    Raises OSError when it cannot be moved."""
    aside = path.with_name(f"{path.stem}.{tag}-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
    os.replace(path, aside)
    return aside


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold ``<path>.lock`` (a cross-process lock) for a read-modify-write of ``path``."""
    from filelock import FileLock, Timeout

    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=LOCK_TIMEOUT_S)
    except Timeout as exc:
        raise LibraryError(msg(
            "Another ChatDesk process has kept {file} locked for {seconds} s. "
            "Close other ChatDesk windows or commands and try again.", file=path.name, seconds=f"{LOCK_TIMEOUT_S:.0f}"
        )) from exc
    try:
        yield
    finally:
        lock.release()
