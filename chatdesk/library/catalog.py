"""The catalog: every model ChatDesk knows, kept in ``DATA_DIR/library.json``.

Opening the library must be instant even with dozens of multi-gigabyte models, so what each GGUF
says about itself (architecture, parameters, quantization, context, template, licence) is read
once, when the model is added, and stored with the file's size and modification time. Opening
only reads that JSON and ``stat``s each file: a file that vanished is flagged ``missing``, and
only a file whose size or time changed is parsed again.

Writers are the window, ``chatdesk models`` and background downloads, possibly in different
processes at once; every change re-reads the file under a cross-process lock and replaces it
atomically (``jsonfile``), so no writer loses another's change and a crash leaves a whole file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from chatdesk import paths
from chatdesk.library.entry import BUNDLED_ID, SOURCES, ModelEntry
from chatdesk.library.errors import LibraryError
from chatdesk.library.jsonfile import locked, read_json, write_json_atomic
from translatable import msg, text_of

log = logging.getLogger(__name__)

FORMAT = "chatdesk-library"
VERSION = 1
OWNED_SOURCES = ("imported", "downloaded")  # files ChatDesk wrote into DATA_DIR/models


@dataclass(frozen=True)
class Removal:
    """What ``Catalog.remove`` did: the entry removed, and whether its file was deleted."""

    entry: ModelEntry
    file_deleted: bool


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def slugify(text: str) -> str:
    """A short id a person can type: lower case letters, digits, '.', '-' ("qwen2.5-0.5b-instruct-q4_k_m")."""
    slug = re.sub(r"[^a-z0-9._]+", "-", text.lower()).strip("-._")
    return slug[:60].strip("-._") or "model"


class Catalog:
    """The model library of one data folder. Thread-safe; several processes may share the folder.

    Build it with ``Catalog.open()`` (the current data folder) or ``Catalog(folder)``.
    """

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        base = Path(data_dir) if data_dir is not None else None
        self.path = base / "library.json" if base is not None else paths.library_path()
        self.models_dir = base / "models" if base is not None else paths.models_dir()
        self.check_cache = base / "model-checks.json" if base is not None else paths.model_checks_path()
        self._lock = threading.RLock()
        self._records: dict[str, dict[str, Any]] = {}
        self._default = BUNDLED_ID
        self._entries: dict[str, ModelEntry] = {}
        self._problems: dict[str, str] = {}  # id -> why its file cannot be used (found on open)
        self._read_only_reason: str | None = None
        self.warnings: list[str] = []  # sentences about what opening found (a damaged file set aside)
        self.reload()

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None) -> Catalog:
        return cls(data_dir)

    # ----------------------------------------------------------------------------------- reading

    def entries(self) -> list[ModelEntry]:
        """All models: the bundled one first, then the rest, most recently added first."""
        with self._lock:
            items = list(self._entries.values())
        return sorted(items, key=lambda e: (e.id != BUNDLED_ID, _neg_time(e.added_at), e.name.lower()))

    def chat_models(self) -> list[ModelEntry]:
        """The entries that can write replies (``entries()`` without the embedding models)."""
        return [e for e in self.entries() if not e.is_embedding]

    def embedding_models(self) -> list[ModelEntry]:
        """The entries that turn text into vectors for document search."""
        return [e for e in self.entries() if e.is_embedding]

    def get(self, model_id: str) -> ModelEntry:
        with self._lock:
            entry = self._entries.get(model_id)
        if entry is None:
            raise LibraryError(msg(
                "There is no model with the id \u201c{model_id}\u201d in the library. "
                "`chatdesk models list` shows the ids.", model_id=model_id
            ))
        return entry

    def find(self, ref: str) -> ModelEntry:
        """An entry by id, or by the path of its file."""
        with self._lock:
            if ref in self._entries:
                return self._entries[ref]
        by_path = self.entry_for_path(ref)
        if by_path is not None:
            return by_path
        return self.get(ref)

    def entry_for_path(self, path: str | os.PathLike[str]) -> ModelEntry | None:
        wanted = _norm(path)
        with self._lock:
            for entry in self._entries.values():
                if entry.path and _norm(entry.path) == wanted:
                    return entry
        return None

    def default(self) -> ModelEntry:
        """The model new chats use: the one chosen with ``set_default``, else the bundled model.

        Its file may have gone missing since it was chosen: check ``usable`` before loading it.
        """
        with self._lock:
            return self._entries.get(self._default) or self._entries[BUNDLED_ID]

    # ----------------------------------------------------------------------------------- changes

    def add_file(
        self,
        path: str | os.PathLike[str],
        *,
        source: str = "added",
        name: str | None = None,
        repo_id: str | None = None,
        repo_filename: str | None = None,
        commit: str | None = None,
        sha256: str | None = None,
    ) -> ModelEntry:
        """Validate a GGUF file and add it (or return the entry that already has this file).

        Raises LibraryError with the validator's sentence when the file is missing, not a GGUF,
        truncated or otherwise unusable; nothing is added then.
        """
        if source not in SOURCES or source in ("bundled", "remote"):
            raise ValueError(f"add_file cannot add a {source!r} model")
        p = Path(os.path.abspath(os.path.expanduser(os.fspath(path))))
        fields, stamp = self._describe(p)
        known = self.entry_for_path(p)
        if source == "imported" and not sha256 and not (known is not None and known.sha256):
            sha256 = file_sha256(p)  # a converted file is ChatDesk's own: its hash is part of its provenance
        with self._transaction() as records:
            existing = self._record_for_path(records, p)
            if existing is not None:
                rec = records[existing]
                if source == "downloaded" and rec.get("source") == "imported":
                    rec["source"] = source  # adopted from models/ by another process a moment before
                for key, value in (("repo_id", repo_id), ("repo_filename", repo_filename), ("commit", commit), ("sha256", sha256)):
                    if value and not rec.get(key):
                        rec[key] = value
                return self._build(existing, rec)
            new_id = _unique_id(records, slugify(p.stem))
            rec = {
                "id": new_id,
                "source": source,
                "path": str(p),
                "added_at": now_iso(),
                "repo_id": repo_id,
                "repo_filename": repo_filename,
                "commit": commit,
                "sha256": sha256,
                "stamp": stamp,
                **fields,
            }
            if name:
                rec["name"] = name
            records[new_id] = rec
        return self.get(new_id)

    def add_remote(self, base_url: str, model_id: str, *, name: str | None = None, context_length: int = 0) -> ModelEntry:
        """An OpenAI-compatible server's model (keys live elsewhere: chatdesk/library/remotes.py)."""
        base_url = base_url.strip().rstrip("/")
        if not base_url or not model_id.strip():
            raise LibraryError(msg("A remote model needs the server's address and the model's id."))
        with self._transaction() as records:
            for rid, rec in records.items():
                if rec.get("source") == "remote" and rec.get("remote_url") == base_url and rec.get("remote_model") == model_id:
                    return self._build(rid, rec)
            new_id = _unique_id(records, slugify(f"remote-{model_id}"))
            records[new_id] = {
                "id": new_id,
                "source": "remote",
                "name": name or model_id,
                "remote_url": base_url,
                "remote_model": model_id,
                "context_length": int(context_length),
                "added_at": now_iso(),
            }
        return self.get(new_id)

    def add_hf_cache_files(self, files: list[Any]) -> list[ModelEntry]:
        """Add GGUF files found by ``hfcache.scan_hf_cache``; files that fail validation are skipped
        (their reasons are appended to ``warnings``). Returns the entries, old or new."""
        added: list[ModelEntry] = []
        for f in files:
            try:
                added.append(
                    self.add_file(
                        f.path, source="hf-cache", repo_id=f.repo_id, repo_filename=f.filename, commit=f.commit, sha256=f.sha256
                    )
                )
            except LibraryError as exc:
                self.warnings.append(msg("{repo}/{file}: {error}", repo=f.repo_id, file=f.filename, error=text_of(exc)))
        return added

    def sync_hf_cache(self, cache_dir: str | os.PathLike[str] | None = None) -> list[ModelEntry]:
        """Scan the Hugging Face cache (no network) and add every GGUF model found in it."""
        from chatdesk.library.hfcache import scan_hf_cache

        return self.add_hf_cache_files(scan_hf_cache(cache_dir))

    def remove(self, model_id: str, *, delete_file: bool = False) -> Removal:
        """Take a model out of the library.

        Files ChatDesk downloaded or converted into DATA_DIR/models are deleted with their entry.
        A file of the user's own (picked from disk, or in the Hugging Face cache) stays on disk
        unless ``delete_file`` is True. The bundled model cannot be removed.
        """
        if model_id == BUNDLED_ID:
            raise LibraryError(msg("The bundled model is part of ChatDesk and cannot be removed."))
        with self._transaction() as records:
            rec = records.get(model_id)
            if rec is None:
                raise LibraryError(msg("There is no model with the id \u201c{id}\u201d in the library.", id=model_id))
            entry = self._build(model_id, rec)
            deleted = False
            if entry.path and (self._owned(entry) or delete_file):
                deleted = _delete_model_file(Path(entry.path), hf_cache=entry.source == "hf-cache")
            del records[model_id]
            if self._default == model_id:
                self._default = BUNDLED_ID
        return Removal(entry, deleted)

    def set_default(self, model_id: str) -> ModelEntry:
        """Make ``model_id`` the model new chats use. A missing or unusable file is refused."""
        entry = self.get(model_id)
        if entry.is_embedding:
            raise LibraryError(msg("\u201c{name}\u201d is an embedding model for document search; it cannot write "
                                   "replies, so it cannot be the default chat model.", name=entry.name))
        if not entry.usable:
            raise LibraryError(msg("\u201c{name}\u201d cannot be the default model: {problem}", name=entry.name,
                                   problem=entry.problem or msg("its file is missing.")))
        with self._transaction() as records:
            if model_id not in records:
                raise LibraryError(msg("There is no model with the id \u201c{id}\u201d in the library.", id=model_id))
            self._default = model_id
        return self.get(model_id)

    def compute_sha256(self, model_id: str, cancel: threading.Event | None = None) -> str:
        """Hash a model's file (reads all of it) and remember the result."""
        entry = self.get(model_id)
        if not entry.path or entry.missing:
            raise LibraryError(msg("\u201c{name}\u201d has no file on this machine to hash.", name=entry.name))
        value = file_sha256(Path(entry.path), cancel)
        with self._transaction() as records:
            if model_id in records:
                records[model_id]["sha256"] = value
        return value

    def reload(self) -> None:
        """Re-read library.json, check every file and adopt GGUFs found in DATA_DIR/models."""
        with self._lock:
            records, default, dirty = self._load_from_disk()
            dirty |= self._refresh(records)
            self._records, self._default = records, default
            self._rebuild()
        if dirty and self._read_only_reason is None:
            try:
                with self._transaction() as fresh:
                    self._refresh(fresh)
            except (LibraryError, OSError) as exc:
                log.warning("could not update %s: %s", self.path, exc)

    # ----------------------------------------------------------------------------------- internals

    @contextmanager
    def _transaction(self) -> Iterator[dict[str, dict[str, Any]]]:
        """Lock the file, re-read it (another process may have changed it), apply, write."""
        if self._read_only_reason:
            raise LibraryError(self._read_only_reason)
        with self._lock:
            try:
                with locked(self.path):
                    records, default, _ = self._load_from_disk()
                    self._default = default
                    yield records
                    if self._default not in records:
                        self._default = BUNDLED_ID
                    self._save(records)
            except OSError as exc:
                raise LibraryError(msg(
                    "ChatDesk could not save its model library in {folder} ({error}). "
                    "Check that the folder is writable and the disk is not full.",
                    folder=str(self.path.parent), error=exc.strerror or str(exc),
                )) from exc
            self._records = records
            self._rebuild()

    def _load_from_disk(self) -> tuple[dict[str, dict[str, Any]], str, bool]:
        try:
            data = read_json(self.path)
        except (OSError, ValueError) as exc:
            data = None
            self._set_aside(exc)
        if data is not None and not (isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("models"), list)):
            self._set_aside(ValueError(msg("not a ChatDesk library file")))
            data = None
        if data is None:
            return {}, BUNDLED_ID, True
        if int(data.get("version", 0)) > VERSION:
            self._read_only_reason = msg(
                "{path} was written by a newer ChatDesk (library version {version}); "
                "this version can show it but not change it. Update ChatDesk to add or remove models.",
                path=str(self.path), version=data.get("version"),
            )
        records: dict[str, dict[str, Any]] = {}
        for item in data["models"]:
            if isinstance(item, dict) and isinstance(item.get("id"), str) and item.get("source") in SOURCES:
                records[item["id"]] = dict(item)
        default = data.get("default") if isinstance(data.get("default"), str) else BUNDLED_ID
        return records, default, False

    def _set_aside(self, exc: Exception) -> None:
        """A damaged library.json is renamed (never deleted) and the library starts again."""
        if not self.path.exists():
            return
        aside = self.path.with_name(f"library.damaged-{time.strftime('%Y%m%d-%H%M%S')}.json")
        try:
            os.replace(self.path, aside)
            self.warnings.append(msg(
                "The model library file was damaged ({error}); it was kept as {file} and the library was rebuilt. "
                "Models ChatDesk downloaded or converted are listed again; add your own files again.",
                error=text_of(exc), file=aside.name,
            ))
        except OSError:
            self._read_only_reason = msg("The model library file {path} is damaged ({error}) and could not be moved aside.",
                                         path=str(self.path), error=text_of(exc))

    def _save(self, records: dict[str, dict[str, Any]]) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "default": self._default,
            "models": [records[k] for k in sorted(records)],
        }
        write_json_atomic(self.path, data)

    def _refresh(self, records: dict[str, dict[str, Any]]) -> bool:
        """Bring records up to date with the disk. Returns True when something changed."""
        changed = self._refresh_bundled(records)
        for rid, rec in list(records.items()):
            if rid == BUNDLED_ID or not rec.get("path"):
                continue
            stamp = _stamp(Path(rec["path"]))
            # Records written before a field existed ("conversion") are read again once; the
            # validator's cache makes that a lookup, not a parse.
            if stamp is None or (stamp == rec.get("stamp") and "conversion" in rec):
                continue
            try:  # the file was replaced or rewritten: read its metadata again
                fields, stamp = self._describe(Path(rec["path"]))
            except LibraryError as exc:
                self._problems[rid] = text_of(exc)
                if "conversion" not in rec:
                    rec["conversion"] = None  # not read again until the file changes
                    changed = True
                continue
            same_file = stamp == rec.get("stamp")
            rec.update(fields, stamp=stamp)
            self._problems.pop(rid, None)
            if rec.get("source") not in OWNED_SOURCES and not same_file:
                rec["sha256"] = None  # the old hash described the old content
            changed = True
        return self._adopt_models_dir(records) or changed

    def _refresh_bundled(self, records: dict[str, dict[str, Any]]) -> bool:
        from chatdesk.engine import EngineError, default_model_path

        rec = records.get(BUNDLED_ID)
        try:
            p = default_model_path()
        except EngineError as exc:
            if rec is None:
                records[BUNDLED_ID] = {"id": BUNDLED_ID, "source": "bundled", "name": "Bundled model", "added_at": now_iso()}
                return True
            self._problems[BUNDLED_ID] = text_of(exc)
            return False
        stamp = _stamp(p)
        if rec is not None and rec.get("path") == str(p) and rec.get("stamp") == stamp:
            return False
        try:
            fields, stamp = self._describe(p)
        except LibraryError as exc:
            records.setdefault(BUNDLED_ID, {"id": BUNDLED_ID, "source": "bundled", "name": p.stem, "added_at": now_iso()})
            records[BUNDLED_ID]["path"] = str(p)
            self._problems[BUNDLED_ID] = text_of(exc)
            return False
        from chatdesk.engine import BUNDLED_MODEL_NAME

        records[BUNDLED_ID] = {
            **(rec or {"added_at": now_iso()}),
            "id": BUNDLED_ID,
            "source": "bundled",
            "path": str(p),
            "stamp": stamp,
            **fields,
            "name": BUNDLED_MODEL_NAME,
        }
        return True

    def _adopt_models_dir(self, records: dict[str, dict[str, Any]]) -> bool:
        """GGUFs in DATA_DIR/models that the library does not list (checkpoints converted before
        the library existed, or by an older ChatDesk) join it as "imported"."""
        try:
            found = sorted(p for p in self.models_dir.glob("*.gguf") if p.is_file())
        except OSError:
            return False
        known = {_norm(r["path"]) for r in records.values() if r.get("path")}
        changed = False
        for p in found:
            if _norm(p) in known:
                continue
            try:
                fields, stamp = self._describe(p)
            except LibraryError as exc:
                log.info("not adopting %s: %s", p, exc)
                continue
            new_id = _unique_id(records, slugify(p.stem))
            records[new_id] = {"id": new_id, "source": "imported", "path": str(p), "added_at": now_iso(), "stamp": stamp, **fields}
            changed = True
        return changed

    def _describe(self, p: Path) -> tuple[dict[str, Any], list[int]]:
        from chatdesk.engine import EngineError, check_gguf
        from chatdesk.library.metadata import entry_fields

        try:
            summary = check_gguf(p, self.check_cache)
        except EngineError as exc:
            raise LibraryError(text_of(exc)) from exc
        except OSError as exc:
            raise LibraryError(msg("ChatDesk cannot read {path} ({reason}).", path=str(p), reason=exc.strerror or str(exc))) from exc
        except Exception as exc:  # a validator bug must not take the library (or the window) down
            log.exception("checking %s failed", p)
            raise LibraryError(msg("ChatDesk could not read the model information in {file} ({kind}: {error}).",
                                   file=p.name, kind=type(exc).__name__, error=str(exc))) from exc
        stamp = _stamp(p)
        return entry_fields(summary, p.name), list(stamp) if stamp else [0, 0]

    def _record_for_path(self, records: dict[str, dict[str, Any]], p: Path) -> str | None:
        wanted = _norm(p)
        for rid, rec in records.items():
            if rec.get("path") and _norm(rec["path"]) == wanted:
                return rid
        return None

    def _owned(self, entry: ModelEntry) -> bool:
        """Files inside DATA_DIR/models are ChatDesk's: removing the entry deletes them."""
        if not entry.path:
            return False
        try:
            Path(entry.path).resolve().relative_to(self.models_dir.resolve())
            return True
        except (ValueError, OSError):
            return False

    def _rebuild(self) -> None:
        self._entries = {rid: self._build(rid, rec) for rid, rec in self._records.items()}
        if BUNDLED_ID not in self._entries:  # only when library.json could not be written
            self._entries[BUNDLED_ID] = ModelEntry(id=BUNDLED_ID, name="Bundled model", source="bundled", missing=True,
                                                   problem="The bundled model could not be found.")

    def _build(self, rid: str, rec: dict[str, Any]) -> ModelEntry:
        data = {k: v for k, v in rec.items() if k != "stamp"}
        data["id"] = rid
        entry = ModelEntry.from_json(data)
        problem = self._problems.get(rid)
        missing = False
        if entry.path:
            missing = not os.path.exists(entry.path)
            if missing:
                problem = f"The file {entry.path} has moved or been deleted."
        elif entry.source != "remote":
            missing = True
        if missing or problem:
            entry = replace(entry, missing=missing, problem=problem)
        return entry


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


def _stamp(p: Path) -> list[int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _norm(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(os.path.expanduser(os.fspath(path))))


def _unique_id(records: dict[str, Any], base: str) -> str:
    if base not in records and base != BUNDLED_ID:
        return base
    n = 2
    while f"{base}-{n}" in records:
        n += 1
    return f"{base}-{n}"


def _neg_time(iso: str) -> float:
    try:
        return -datetime.fromisoformat(iso).timestamp()
    except (TypeError, ValueError):
        return 0.0


def _delete_model_file(p: Path, *, hf_cache: bool) -> bool:
    """Delete a model file. In the Hugging Face cache, also its blob unless another snapshot uses it."""
    blob: Path | None = None
    if hf_cache and p.is_symlink():
        blob = Path(os.path.abspath(p.parent / os.readlink(p)))
    try:
        p.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise LibraryError(msg("ChatDesk could not delete {path} ({error}); the model was not removed.", path=str(p),
                               error=exc.strerror or str(exc))) from exc
    if blob is not None and blob.exists() and not _blob_in_use(blob):
        try:
            blob.unlink()
        except OSError as exc:
            log.warning("could not delete blob %s: %s", blob, exc)
    return True


def _blob_in_use(blob: Path) -> bool:
    repo_dir = blob.parent.parent  # models--org--name/blobs/<hash>
    snapshots = repo_dir / "snapshots"
    if not snapshots.is_dir():
        return False
    for link in snapshots.rglob("*"):
        if link.is_symlink() and Path(os.path.abspath(link.parent / os.readlink(link))) == blob:
            return True
    return False

