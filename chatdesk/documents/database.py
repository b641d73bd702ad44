"""The index's own SQLite file: opened with FTS5 and sqlite-vec, in WAL mode, schema made here.

The index lives apart from the conversation database: it can be rebuilt from the files at any
time, it grows large, and indexing writes it constantly; none of that should touch chats.

sqlite-vec is a loadable extension. Python's own ``sqlite3`` can load extensions only when its
interpreter was built to allow it (many pyenv and some distribution builds are not), so the
connection comes from ``sqlean`` (sqlean.py: the same DB-API module with a current SQLite that
allows extensions) when it is installed, else from ``sqlite3`` when that one can load them.

Crash safety is SQLite's: WAL journal, one transaction per indexed file, so a kill -9 at any
moment leaves the last committed file in place and ``PRAGMA integrity_check`` ok.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from chatdesk.documents.errors import DocumentsError
from translatable import msg

SCHEMA_VERSION = 1


def _driver() -> Any:
    try:
        import sqlean  # noqa: PLC0415 - optional at import time; preferred when present

        return sqlean
    except ImportError:
        pass
    probe = sqlite3.connect(":memory:")
    try:
        if hasattr(probe, "enable_load_extension"):
            return sqlite3
    finally:
        probe.close()
    raise DocumentsError(msg(
        "Document search needs SQLite with loadable extensions: install the sqlean.py package (pip install sqlean.py)."
    ))


def connect(path: str | Path) -> Any:
    """An open connection with sqlite-vec loaded and the schema in place."""
    import sqlite_vec  # noqa: PLC0415 - the native extension loads with the first index

    drv = _driver()
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = drv.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
    except (OSError, drv.Error) as exc:
        raise DocumentsError(msg("The document index {path} cannot be opened: {error}", path=str(path), error=str(exc))) from exc
    try:
        conn.enable_load_extension(True)
        sqlite_vec.load(conn)
        conn.enable_load_extension(False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        _create(conn)
    except drv.Error as exc:
        conn.close()
        raise DocumentsError(msg("The document index {path} cannot be used ({error}). Delete it to rebuild it from your files.",
                                 path=str(path), error=str(exc))) from exc
    return conn


def _create(conn: Any) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise DocumentsError(msg("The document index was made by a newer ChatDesk; delete it to rebuild it with this one."))
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at REAL NOT NULL,
        needs_indexing INTEGER NOT NULL DEFAULT 1
    )""",
    """CREATE TABLE IF NOT EXISTS roots (
        id INTEGER PRIMARY KEY,
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        UNIQUE (collection_id, path)
    )""",
    """CREATE TABLE IF NOT EXISTS files (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        kind TEXT,
        size INTEGER,
        mtime_ns INTEGER,
        sha256 TEXT,
        status TEXT NOT NULL CHECK (status IN ('indexed', 'failed')),
        reason TEXT,
        message TEXT,
        message_data TEXT,
        chunk_count INTEGER NOT NULL DEFAULT 0,
        embed_model TEXT,
        indexed_at REAL NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS collection_files (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        PRIMARY KEY (collection_id, file_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS ix_collection_files_file ON collection_files(file_id)",
    """CREATE TABLE IF NOT EXISTS chunks (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        page INTEGER,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS ix_chunks_file ON chunks(file_id, ordinal)",
    # The words (jieba-segmented, see segment.py) of each chunk, rowid = chunks.id.
    "CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(words, tokenize='porter unicode61 remove_diacritics 2')",
)
