"""Opening the SQLite file: pragmas, pre-migration backup, migrations.

WAL lets the GUI read while the inference thread flushes a streaming reply, and makes a crash
lose at most the last uncommitted flush. ``synchronous=NORMAL`` is the documented safe pairing
with WAL (durable against application crashes; the last transaction can be lost on power loss).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from chatdesk.store import migrations
from chatdesk.store.busy import BUSY_TIMEOUT_MS, busy_timeout_ms
from chatdesk.store.errors import StoreError, humanize
from translatable import msg

MMAP_BYTES = 1 << 30  # the most of the file mapped (SQLite maps no more than the file's size)


def _configure(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy control transactions explicitly (pysqlite's implicit BEGIN is unreliable).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    # Read the file through a memory map: opening a long chat reads thousands of rows scattered
    # over the file (messages of all chats interleave in time) and a search reads FTS5's lists;
    # mapped pages are shared by every connection and cost no read() call and copy each
    # (benchmarks/history_scale.py: a quarter less CPU to open a 5,000-message chat).
    cur.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    cur.close()


def _begin(conn) -> None:
    conn.exec_driver_sql(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    conn.exec_driver_sql("BEGIN")


def backup_to(source: Path | sqlite3.Connection, dest: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others write)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = source if isinstance(source, sqlite3.Connection) else sqlite3.connect(str(source))
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out)
        finally:
            out.close()
        tmp.replace(dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if src is not source:
            src.close()
    return dest


def run_migrations(path: Path, backups: Path | None) -> list[str]:
    """Bring the file's schema up to date, saving a backup first if it already holds data."""
    db = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        todo = migrations.pending(db)
        if not todo:
            return []
        has_data = db.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'conversations'"
        ).fetchone()[0]
        if has_data and backups is not None:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            backup_to(db, backups / f"chatdesk-{stamp}-before-{todo[0][0]}.sqlite3")
        return migrations.migrate(db)
    finally:
        db.close()


def open_engine(path: Path, backups: Path | None = None) -> Engine:
    """Migrate the database at ``path`` and return a configured SQLAlchemy engine."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        run_migrations(path, backups)
    except (sqlite3.Error, OSError) as exc:
        raise humanize(exc, path) from exc
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    except Exception as exc:
        raise humanize(exc, path) from exc
    if str(mode).lower() != "wal":
        raise StoreError(msg("Could not switch {path} to WAL mode (got {mode}).", path=path, mode=mode))
    return engine
