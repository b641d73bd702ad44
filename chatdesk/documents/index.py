"""Collections, files, chunks and vectors in the index file: every read and write of it.

A collection is a name and a set of roots (files or folders). A file belongs to the collections
whose roots reach it and is stored once, however many reach it. Each file's chunks, their FTS5
words and their vectors are replaced in one transaction (``replace_file``), so the index never
holds half a file: an interrupted run leaves every file either as it was or fully new.

Vectors live in a sqlite-vec ``vec0`` table made for the embedding model's dimension. Each file
remembers which model embedded it, so choosing another model re-embeds (from the stored chunk
text, without re-reading files) and a keyword-only index gains vectors when a model appears.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from chatdesk import paths
from chatdesk.documents import database
from chatdesk.documents.chunking import Chunk
from chatdesk.documents.errors import DocumentsError
from translatable import from_data, msg, to_data

MAX_NAME = 80


@dataclass(frozen=True)
class FileRow:
    id: int
    path: str
    kind: str | None
    size: int | None
    mtime_ns: int | None
    sha256: str | None
    status: str
    reason: str | None
    chunk_count: int
    embed_model: str | None


@dataclass(frozen=True)
class FailedFile:
    path: str
    reason: str  # one of errors.REASONS
    message: str  # a translatable Text when it was recorded in this version


@dataclass(frozen=True)
class CollectionInfo:
    name: str
    roots: tuple[str, ...]
    files: int
    indexed: int
    failed: int
    chunks: int
    needs_indexing: bool


class DocumentIndex:
    """One open index file. Use from one thread at a time (the indexer's, or the caller's)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else paths.documents_index_path()
        self.db = database.connect(self.path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> DocumentIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions
    def _tx(self) -> _Transaction:
        return _Transaction(self.db)

    def integrity_check(self) -> str:
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    # ------------------------------------------------------------------ collections
    def collection_id(self, name: str) -> int | None:
        row = self.db.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def require(self, name: str) -> int:
        cid = self.collection_id(name)
        if cid is None:
            raise DocumentsError(msg("There is no document collection named {name}.", name=name))
        return cid

    def add_paths(self, name: str, roots: Iterable[str | os.PathLike[str]]) -> int:
        """Create the collection if needed and add files/folders to it; returns its id. Nothing is
        read yet: the indexer does that."""
        name = name.strip()
        if not name or len(name) > MAX_NAME or any(c in name for c in "\n\r\t"):
            raise DocumentsError(msg("A collection name must be 1 to {limit} characters on one line.", limit=MAX_NAME))
        with self._tx():
            cid = self.collection_id(name)
            if cid is None:
                cid = self.db.execute("INSERT INTO collections(name, created_at) VALUES (?, ?)", (name, time.time())).lastrowid
            for root in roots:
                self.db.execute("INSERT OR IGNORE INTO roots(collection_id, path) VALUES (?, ?)", (cid, os.path.abspath(root)))
            self.db.execute("UPDATE collections SET needs_indexing = 1 WHERE id = ?", (cid,))
        return int(cid)

    def remove_paths(self, name: str, roots: Iterable[str | os.PathLike[str]]) -> int:
        """Take files/folders out of a collection (their passages go at the next indexing run,
        or now via ``prune``); returns how many roots were removed."""
        cid = self.require(name)
        removed = 0
        with self._tx():
            for root in roots:
                removed += self.db.execute("DELETE FROM roots WHERE collection_id = ? AND path = ?", (cid, os.path.abspath(root))).rowcount
            self.db.execute("UPDATE collections SET needs_indexing = 1 WHERE id = ?", (cid,))
        return removed

    def remove_collection(self, name: str) -> None:
        cid = self.require(name)
        with self._tx():
            self.db.execute("DELETE FROM collections WHERE id = ?", (cid,))
        self.prune()

    def roots(self, name: str) -> list[str]:
        cid = self.require(name)
        return [r[0] for r in self.db.execute("SELECT path FROM roots WHERE collection_id = ? ORDER BY path", (cid,))]

    def collection_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM collections ORDER BY name COLLATE NOCASE")]

    def unfinished(self) -> list[str]:
        """Collections whose last indexing run did not finish (cancelled, crashed, never run)."""
        return [r[0] for r in self.db.execute("SELECT name FROM collections WHERE needs_indexing = 1 ORDER BY name")]

    def set_needs_indexing(self, collection_id: int, value: bool) -> None:
        with self._tx():
            self.db.execute("UPDATE collections SET needs_indexing = ? WHERE id = ?", (int(value), collection_id))

    def info(self, name: str) -> CollectionInfo:
        cid = self.require(name)
        files, indexed, failed, chunks = self.db.execute(
            """SELECT COUNT(*), COALESCE(SUM(f.status = 'indexed'), 0), COALESCE(SUM(f.status = 'failed'), 0),
                      COALESCE(SUM(f.chunk_count), 0)
               FROM collection_files cf JOIN files f ON f.id = cf.file_id WHERE cf.collection_id = ?""",
            (cid,),
        ).fetchone()
        needs = self.db.execute("SELECT needs_indexing, name FROM collections WHERE id = ?", (cid,)).fetchone()
        return CollectionInfo(needs[1], tuple(self.roots(name)), files, indexed, failed, chunks, bool(needs[0]))

    def collections(self) -> list[CollectionInfo]:
        return [self.info(n) for n in self.collection_names()]

    def failures(self, name: str | None = None) -> list[FailedFile]:
        sql = "SELECT f.path, f.reason, f.message, f.message_data FROM files f WHERE f.status = 'failed'"
        args: tuple[Any, ...] = ()
        if name is not None:
            sql += " AND f.id IN (SELECT file_id FROM collection_files WHERE collection_id = ?)"
            args = (self.require(name),)
        out = []
        for path, reason, message, data in self.db.execute(sql + " ORDER BY f.path", args):
            text = from_data(message or "", json.loads(data)) if data else (message or "")
            out.append(FailedFile(path, reason or "", text))
        return out

    # ------------------------------------------------------------------ files
    def file(self, path: str) -> FileRow | None:
        row = self.db.execute(
            "SELECT id, path, kind, size, mtime_ns, sha256, status, reason, chunk_count, embed_model FROM files WHERE path = ?",
            (path,),
        ).fetchone()
        return FileRow(*row) if row else None

    def files_of(self, collection_id: int) -> list[FileRow]:
        rows = self.db.execute(
            """SELECT f.id, f.path, f.kind, f.size, f.mtime_ns, f.sha256, f.status, f.reason, f.chunk_count, f.embed_model
               FROM files f JOIN collection_files cf ON cf.file_id = f.id WHERE cf.collection_id = ? ORDER BY f.path""",
            (collection_id,),
        )
        return [FileRow(*r) for r in rows]

    def link(self, collection_id: int, paths_now: Sequence[str]) -> None:
        """Make the collection's membership exactly the files at ``paths_now`` that have rows."""
        with self._tx():
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS _present (path TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM _present")
            self.db.executemany("INSERT OR IGNORE INTO _present(path) VALUES (?)", ((p,) for p in paths_now))
            self.db.execute(
                """DELETE FROM collection_files WHERE collection_id = ?
                   AND file_id NOT IN (SELECT f.id FROM files f JOIN _present p ON p.path = f.path)""",
                (collection_id,),
            )
            self.db.execute(
                """INSERT OR IGNORE INTO collection_files(collection_id, file_id)
                   SELECT ?, f.id FROM files f JOIN _present p ON p.path = f.path""",
                (collection_id,),
            )
            self.db.execute("DELETE FROM _present")

    def link_one(self, collection_id: int, file_id: int) -> None:
        with self._tx():
            self.db.execute("INSERT OR IGNORE INTO collection_files(collection_id, file_id) VALUES (?, ?)", (collection_id, file_id))

    def stored_failure(self, file_id: int) -> tuple[str, str]:
        reason, message, data = self.db.execute("SELECT reason, message, message_data FROM files WHERE id = ?", (file_id,)).fetchone()
        return reason or "", from_data(message or "", json.loads(data)) if data else (message or "")

    def prune(self) -> int:
        """Forget files no collection reaches any more (with their chunks and vectors)."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM files WHERE id NOT IN (SELECT file_id FROM collection_files)")]
        for fid in ids:
            with self._tx():
                self._delete_chunks(fid)
                self.db.execute("DELETE FROM files WHERE id = ?", (fid,))
        return len(ids)

    def touch(self, file_id: int, size: int, mtime_ns: int) -> None:
        """The file's bytes are unchanged (same hash) but its timestamp moved: remember the new stat."""
        with self._tx():
            self.db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?", (size, mtime_ns, file_id))

    def record_failure(self, collection_id: int, path: str, reason: str, message: str, *, size: int | None = None,
                       mtime_ns: int | None = None, sha256: str | None = None, kind: str | None = None) -> None:
        """The file could not be indexed: drop its old passages, keep the reason to show."""
        data = json.dumps(to_data(message), ensure_ascii=False)
        with self._tx():
            fid = self._upsert_file(path, kind, size, mtime_ns, sha256, "failed", reason, str(message), data, 0, None)
            self._delete_chunks(fid)
            self.db.execute("INSERT OR IGNORE INTO collection_files(collection_id, file_id) VALUES (?, ?)", (collection_id, fid))

    def replace_file(self, collection_id: int, path: str, *, kind: str, size: int, mtime_ns: int, sha256: str,
                     chunks: Sequence[Chunk], words: Sequence[str], vectors: np.ndarray | None, embed_model: str | None) -> int:
        """The file's new passages, all at once (one transaction); returns the file's id."""
        with self._tx():
            fid = self._upsert_file(path, kind, size, mtime_ns, sha256, "indexed", None, None, None, len(chunks), embed_model)
            self._delete_chunks(fid)
            ids = []
            for c in chunks:
                cur = self.db.execute(
                    "INSERT INTO chunks(file_id, ordinal, page, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
                    (fid, c.ordinal, c.page, c.start, c.end, c.text),
                )
                ids.append(cur.lastrowid)
            self.db.executemany("INSERT INTO chunks_fts(rowid, words) VALUES (?, ?)", zip(ids, words))
            if vectors is not None and len(ids):
                self._insert_vectors(ids, vectors)
            self.db.execute("INSERT OR IGNORE INTO collection_files(collection_id, file_id) VALUES (?, ?)", (collection_id, fid))
        return fid

    def chunk_texts(self, file_id: int) -> list[tuple[int, str]]:
        return [(r[0], r[1]) for r in self.db.execute("SELECT id, text FROM chunks WHERE file_id = ? ORDER BY ordinal", (file_id,))]

    def replace_vectors(self, file_id: int, chunk_ids: Sequence[int], vectors: np.ndarray, embed_model: str) -> None:
        """New vectors for a file's existing chunks (another embedding model was chosen)."""
        with self._tx():
            self._delete_vectors(chunk_ids)
            if len(chunk_ids):
                self._insert_vectors(chunk_ids, vectors)
            self.db.execute("UPDATE files SET embed_model = ? WHERE id = ?", (embed_model, file_id))

    def _upsert_file(self, path: str, kind: str | None, size: int | None, mtime_ns: int | None, sha256: str | None, status: str,
                     reason: str | None, message: str | None, data: str | None, chunk_count: int, embed_model: str | None) -> int:
        row = self.db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
        values = (kind, size, mtime_ns, sha256, status, reason, message, data, chunk_count, embed_model, time.time())
        if row:
            self.db.execute(
                """UPDATE files SET kind = ?, size = ?, mtime_ns = ?, sha256 = ?, status = ?, reason = ?, message = ?,
                   message_data = ?, chunk_count = ?, embed_model = ?, indexed_at = ? WHERE id = ?""",
                (*values, row[0]),
            )
            return int(row[0])
        cur = self.db.execute(
            """INSERT INTO files(kind, size, mtime_ns, sha256, status, reason, message, message_data, chunk_count,
               embed_model, indexed_at, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (*values, path),
        )
        return int(cur.lastrowid)

    def _delete_chunks(self, file_id: int) -> None:
        ids = [r[0] for r in self.db.execute("SELECT id FROM chunks WHERE file_id = ?", (file_id,))]
        if not ids:
            return
        self.db.executemany("DELETE FROM chunks_fts WHERE rowid = ?", ((i,) for i in ids))
        self._delete_vectors(ids)
        self.db.execute("DELETE FROM chunks WHERE file_id = ?", (file_id,))

    # ------------------------------------------------------------------ vectors
    def vector_dim(self) -> int | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'vector_dim'").fetchone()
        return int(row[0]) if row else None

    def vector_model(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'vector_model'").fetchone()
        return row[0] if row else None

    def use_embedding_model(self, model_id: str, dim: int) -> None:
        """Prepare the vector tables for this model; another model's vectors are dropped (each
        file re-embeds at the next run, from its stored chunks).

        ``chunk_vectors`` keeps each chunk's float32 vector (exact scores, point lookups);
        ``chunks_bits`` is a sqlite-vec ``vec0`` of their sign bits, 32 times smaller, which a
        large index scans first to pick candidates for exact rescoring (see search.py)."""
        if self.vector_model() == model_id and self.vector_dim() == dim and self._has_vec_table():
            return
        with self._tx():
            self.db.execute("DROP TABLE IF EXISTS chunk_vectors")
            self.db.execute("DROP TABLE IF EXISTS chunks_bits")
            self.db.execute("CREATE TABLE chunk_vectors (id INTEGER PRIMARY KEY, embedding BLOB NOT NULL)")
            if dim % 8 == 0:
                self.db.execute(f"CREATE VIRTUAL TABLE chunks_bits USING vec0(embedding bit[{int(dim)}])")
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('vector_dim', ?)", (str(int(dim)),))
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('vector_model', ?)", (model_id,))
            self.db.execute("DELETE FROM meta WHERE key = 'vector_languages'")  # probed again for the new model
            self.db.execute("UPDATE files SET embed_model = NULL")

    def vector_languages(self, embedder: Any) -> dict[str, bool]:
        """Which probed languages the index's embedding model understands (language_probe.py),
        measured once and kept with the index."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'vector_languages'").fetchone()
        if row:
            return dict(json.loads(row[0]))
        from chatdesk.documents.language_probe import understood  # noqa: PLC0415 - only when vectors are used

        found = understood(embedder)
        with self._tx():
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('vector_languages', ?)", (json.dumps(found),))
        return found

    def _has_vec_table(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'chunk_vectors'").fetchone() is not None

    def has_bit_index(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'chunks_bits'").fetchone() is not None

    def vector_count(self) -> int:
        """How many chunks have vectors, at most (counted on the chunks' small index: counting
        ``chunk_vectors`` itself would read every vector)."""
        return self.chunk_count() if self._has_vec_table() else 0

    def _insert_vectors(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        if not self._has_vec_table():
            return
        vecs = np.ascontiguousarray(vectors, dtype=np.float32)
        rows = [(int(i), v.tobytes()) for i, v in zip(ids, vecs)]
        self.db.executemany("INSERT INTO chunk_vectors(id, embedding) VALUES (?, ?)", rows)
        if self.has_bit_index():
            self.db.executemany("INSERT INTO chunks_bits(rowid, embedding) VALUES (?, vec_quantize_binary(?))", rows)

    def _delete_vectors(self, ids: Sequence[int]) -> None:
        if self._has_vec_table():
            self.db.executemany("DELETE FROM chunk_vectors WHERE id = ?", ((int(i),) for i in ids))
            if self.has_bit_index():
                self.db.executemany("DELETE FROM chunks_bits WHERE rowid = ?", ((int(i),) for i in ids))

    # ------------------------------------------------------------------ statistics
    def chunk_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception), reentrant-free by design:
    every public write above is one short transaction."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
