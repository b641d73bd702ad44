"""One model's record in ``library.json``: its id, when it was added, and finding it by its file.

Why a module of its own: every way a model joins the library (a file the user picked, a download,
a conversion, a GGUF found in DATA_DIR/models, the Hugging Face cache, a remote server) makes a
record the same way: an id a person can type in ``chatdesk models`` (from the file's name, never
the bundled model's, never one already taken) and an ``added_at`` time that orders the list. A
record is found by its file's path compared as the operating system would (``~`` expanded,
absolute, case-folded where the file system is).
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from chatdesk.library.entry import BUNDLED_ID

Records = dict[str, dict[str, Any]]  # id -> the record as library.json keeps it


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def slugify(text: str) -> str:
    """A short id a person can type: lower case letters, digits, '.', '-' ("qwen2.5-0.5b-instruct-q4_k_m")."""
    slug = re.sub(r"[^a-z0-9._]+", "-", text.lower()).strip("-._")
    return slug[:60].strip("-._") or "model"


def unique_id(records: dict[str, Any], base: str) -> str:
    """``base``, or ``base-2``, ``base-3``... when it is taken (or is the bundled model's id)."""
    if base not in records and base != BUNDLED_ID:
        return base
    n = 2
    while f"{base}-{n}" in records:
        n += 1
    return f"{base}-{n}"


def norm_path(path: str | os.PathLike[str]) -> str:
    """A file's path as compared between records: absolute, ``~`` expanded, case as the OS compares it."""
    return os.path.normcase(os.path.abspath(os.path.expanduser(os.fspath(path))))


def record_for_path(records: Records, p: Path) -> str | None:
    """The id of the record whose file is ``p``, or None."""
    wanted = norm_path(p)
    for rid, rec in records.items():
        if rec.get("path") and norm_path(rec["path"]) == wanted:
            return rid
    return None
