"""The catalog: every model ChatDesk knows, kept in ``DATA_DIR/library.json``.

Why this module: it is the library's one door. The window, ``chatdesk models``, the server and
the conversation flow ask it which models there are (the bundled one first, then the most
recently added), look one up by id or by its file, add files and remote models, remove them,
and choose the default; it answers from memory, under a thread lock, and each change goes
through ``library_file`` (locked re-read, atomic write) so several processes may share the
folder. What each part of that needs lives beside it: ``records`` (ids, paths), ``file_facts``
(what a GGUF says, read once), ``refresh`` (the disk checked on open) and ``removal``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from chatdesk import paths
from chatdesk.library.catalog.file_facts import describe, file_sha256
from chatdesk.library.catalog.library_file import Contents, LibraryFile
from chatdesk.library.catalog.records import Records, norm_path, now_iso, record_for_path, slugify, unique_id
from chatdesk.library.catalog.refresh import refresh
from chatdesk.library.catalog.removal import Removal, delete_model_file, is_owned
from chatdesk.library.entry import BUNDLED_ID, SOURCES, ModelEntry
from chatdesk.library.errors import LibraryError
from translatable import msg, text_of

log = logging.getLogger(__name__)


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
        self._records: Records = {}
        self._default = BUNDLED_ID
        self._entries: dict[str, ModelEntry] = {}
        self._problems: dict[str, str] = {}  # id -> why its file cannot be used (found on open)
        self.warnings: list[str] = []  # sentences about what opening found (a damaged file set aside)
        self._file = LibraryFile(self.path, self.warnings)
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
        wanted = norm_path(path)
        with self._lock:
            for entry in self._entries.values():
                if entry.path and norm_path(entry.path) == wanted:
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
        fields, stamp = describe(p, self.check_cache)
        known = self.entry_for_path(p)
        if source == "imported" and not sha256 and not (known is not None and known.sha256):
            sha256 = file_sha256(p)  # a converted file is ChatDesk's own: its hash is part of its provenance
        with self._transaction() as contents:
            records = contents.records
            existing = record_for_path(records, p)
            if existing is not None:
                rec = records[existing]
                if source == "downloaded" and rec.get("source") == "imported":
                    rec["source"] = source  # adopted from models/ by another process a moment before
                for key, value in (("repo_id", repo_id), ("repo_filename", repo_filename), ("commit", commit), ("sha256", sha256)):
                    if value and not rec.get(key):
                        rec[key] = value
                return self._build(existing, rec)
            new_id = unique_id(records, slugify(p.stem))
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
        with self._transaction() as contents:
            records = contents.records
            for rid, rec in records.items():
                if rec.get("source") == "remote" and rec.get("remote_url") == base_url and rec.get("remote_model") == model_id:
                    return self._build(rid, rec)
            new_id = unique_id(records, slugify(f"remote-{model_id}"))
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
        with self._transaction() as contents:
            rec = contents.records.get(model_id)
            if rec is None:
                raise LibraryError(msg("There is no model with the id \u201c{id}\u201d in the library.", id=model_id))
            entry = self._build(model_id, rec)
            deleted = False
            if entry.path and (self.owns(entry) or delete_file):
                deleted = delete_model_file(Path(entry.path), hf_cache=entry.source == "hf-cache")
            del contents.records[model_id]
            if contents.default == model_id:
                contents.default = BUNDLED_ID
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
        with self._transaction() as contents:
            if model_id not in contents.records:
                raise LibraryError(msg("There is no model with the id \u201c{id}\u201d in the library.", id=model_id))
            contents.default = model_id
        return self.get(model_id)

    def owns(self, entry: ModelEntry) -> bool:
        """Whether ``entry``'s file is ChatDesk's own copy in DATA_DIR/models (``remove`` deletes it)."""
        return is_owned(entry, self.models_dir)

    def compute_sha256(self, model_id: str, cancel: threading.Event | None = None) -> str:
        """Hash a model's file (reads all of it) and remember the result."""
        entry = self.get(model_id)
        if not entry.path or entry.missing:
            raise LibraryError(msg("\u201c{name}\u201d has no file on this machine to hash.", name=entry.name))
        value = file_sha256(Path(entry.path), cancel)
        with self._transaction() as contents:
            if model_id in contents.records:
                contents.records[model_id]["sha256"] = value
        return value

    def reload(self) -> None:
        """Re-read library.json, check every file and adopt GGUFs found in DATA_DIR/models."""
        with self._lock:
            contents, dirty = self._file.load()
            dirty |= self._refresh(contents.records)
            self._records, self._default = contents.records, contents.default
            self._rebuild()
        if dirty and self._file.read_only_reason is None:
            try:
                with self._transaction() as fresh:
                    self._refresh(fresh.records)
            except (LibraryError, OSError) as exc:
                log.warning("could not update %s: %s", self.path, exc)

    # ----------------------------------------------------------------------------------- internals

    @contextmanager
    def _transaction(self) -> Iterator[Contents]:
        """Lock the file, re-read it (another process may have changed it), apply, write; then show it."""
        with self._lock:
            with self._file.change() as contents:
                yield contents
            self._records, self._default = contents.records, contents.default
            self._rebuild()

    def _refresh(self, records: Records) -> bool:
        return refresh(records, self._problems, self.models_dir, self.check_cache)

    def _rebuild(self) -> None:
        self._entries = {rid: self._build(rid, rec) for rid, rec in self._records.items()}
        if BUNDLED_ID not in self._entries:  # only when library.json could not be written
            self._entries[BUNDLED_ID] = ModelEntry(id=BUNDLED_ID, name="Bundled model", source="bundled", missing=True,
                                                   problem="The bundled model could not be found.")

    def _build(self, rid: str, rec: dict[str, Any]) -> ModelEntry:
        """The entry as callers see it: flagged ``missing`` when its file is gone, with its ``problem``."""
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


def _neg_time(iso: str) -> float:
    try:
        return -datetime.fromisoformat(iso).timestamp()
    except (TypeError, ValueError):
        return 0.0
