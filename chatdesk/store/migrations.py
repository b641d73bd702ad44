"""Schema migrations: an ordered list of small, named functions.

Each function receives a raw DB-API (sqlite3) connection inside a transaction and moves the schema
one step forward. Applied names are recorded in ``schema_migrations``; on open, every missing
step runs in order. Never edit a released step: add a new one. Before any step runs on a database
that already has data, ``chatdesk.store.database`` saves an online backup.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from chatdesk.store.search_text import index_text

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    """The first release: flat conversations and messages."""
    db.execute(
        """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            model_path TEXT,
            system_prompt TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
            content TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'done',
            error TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )"""
    )
    db.execute("CREATE INDEX ix_messages_conversation ON messages(conversation_id, id)")
    db.execute("CREATE INDEX ix_conversations_updated ON conversations(updated_at)")


@migration
def m002_message_tree(db: sqlite3.Connection) -> None:
    """Messages become a tree (regenerate/edit make siblings); conversations remember a leaf."""
    db.execute("ALTER TABLE messages ADD COLUMN parent_id INTEGER REFERENCES messages(id) ON DELETE CASCADE")
    db.execute("ALTER TABLE conversations ADD COLUMN active_leaf_id INTEGER")
    # Old conversations were linear: each message's parent is the one before it.
    db.execute(
        """
        UPDATE messages SET parent_id = (
            SELECT MAX(p.id) FROM messages p
            WHERE p.conversation_id = messages.conversation_id AND p.id < messages.id
        )"""
    )
    db.execute(
        """
        UPDATE conversations SET active_leaf_id = (
            SELECT MAX(m.id) FROM messages m WHERE m.conversation_id = conversations.id
        )"""
    )
    db.execute("CREATE INDEX ix_messages_parent ON messages(parent_id)")


@migration
def m003_provenance(db: sqlite3.Connection) -> None:
    """How each reply was made (JSON), and a cache of model-file hashes."""
    db.execute("ALTER TABLE messages ADD COLUMN provenance TEXT")
    db.execute(
        """
        CREATE TABLE model_files (
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime REAL NOT NULL,
            sha256 TEXT NOT NULL
        )"""
    )


@migration
def m004_pin_and_trash(db: sqlite3.Connection) -> None:
    """Pinned conversations, and soft delete so a deletion can be undone."""
    db.execute("ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE conversations ADD COLUMN deleted_at REAL")
    db.execute("CREATE INDEX ix_conversations_list ON conversations(deleted_at, pinned, updated_at)")


@migration
def m005_search_index(db: sqlite3.Connection) -> None:
    """Full-text search over every message of every branch (see search_text for CJK handling)."""
    db.execute(
        "CREATE VIRTUAL TABLE messages_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    rows = db.execute("SELECT id, content FROM messages").fetchall()
    db.executemany(
        "INSERT INTO messages_fts(rowid, body) VALUES (?, ?)",
        ((mid, index_text(content)) for mid, content in rows),
    )


@migration
def m006_conversation_settings(db: sqlite3.Connection) -> None:
    """Per-chat settings (sampler, context limit, preset, probability view) as JSON; the system
    prompt keeps its own column. NULL means "the app's defaults"."""
    db.execute("ALTER TABLE conversations ADD COLUMN settings TEXT")


@migration
def m007_message_tokens(db: sqlite3.Connection) -> None:
    """Per-token probabilities of a reply (compact JSON: ids, chosen probability, top-k), kept
    apart from ``messages`` so listing and searching conversations never reads them."""
    db.execute(
        """
        CREATE TABLE message_tokens (
            message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
            data TEXT NOT NULL
        )"""
    )


@migration
def m008_message_deleted(db: sqlite3.Connection) -> None:
    """Deleting a message (and the replies below it) hides it first, so the deletion can be
    undone; ``Store.purge_deleted_messages`` removes hidden messages for good."""
    db.execute("ALTER TABLE messages ADD COLUMN deleted_at REAL")


@migration
def m009_presets(db: sqlite3.Connection) -> None:
    """The user's own presets (system prompt + sampler values, see chatdesk.chat.presets); the
    built-in ones live in code. ``data`` is the preset's documented JSON object."""
    db.execute(
        """
        CREATE TABLE presets (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )"""
    )


@migration
def m010_evaluations(db: sqlite3.Connection) -> None:
    """Model evaluation results: the headline figures as columns (to list and compare), the whole
    result with its provenance as JSON (see chatdesk.evaluation.results)."""
    db.execute(
        """
        CREATE TABLE evaluations (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL,
            model_path TEXT NOT NULL,
            model_name TEXT NOT NULL DEFAULT '',
            model_sha256 TEXT NOT NULL,
            file_type TEXT,
            text_name TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,
            n_ctx INTEGER NOT NULL,
            n_chunks INTEGER NOT NULL,
            tokens INTEGER NOT NULL,
            perplexity REAL,
            bits_per_token REAL,
            reference_sha256 TEXT,
            kl_divergence REAL,
            top1_agreement REAL,
            result TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX ix_evaluations_model ON evaluations(model_sha256, created_at)")


@migration
def m011_attachments(db: sqlite3.Connection) -> None:
    """Files attached to messages. The bytes are stored once per content hash
    (``attachment_blobs``), however many messages, branches or imports attach them; each
    message lists its attachments in order with the name the user saw and how the reply used
    the file (``mode``: whole, map-reduce, retrieval). See chatdesk.store.attachments."""
    db.execute(
        """
        CREATE TABLE attachment_blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            data BLOB NOT NULL,
            created_at REAL NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE message_attachments (
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256),
            kind TEXT,
            mode TEXT,
            PRIMARY KEY (message_id, ordinal)
        )"""
    )
    db.execute("CREATE INDEX ix_message_attachments_sha ON message_attachments(sha256)")


@migration
def m012_search_prefix_index(db: sqlite3.Connection) -> None:
    """Prefix indexes for two- and three-letter prefixes in the full-text index (FTS5's
    ``prefix='2 3'``). Search-as-you-type makes the last word a prefix ("pyt" finds "python");
    without an index FTS5 answers ``the*`` by merging the lists of every word that starts with
    "the" (a quarter of a second over a million messages), with one it reads a single list.
    The table is rebuilt from its own rows (bodies already in index form)."""
    _rebuild_search_index(db, "2 3")


@migration
def m013_conversation_parent_index(db: sqlite3.Connection) -> None:
    """An index on (conversation_id, parent_id), so that ``Store.sibling_info`` finds a chat's
    branch points by counting each parent's children inside the index, without reading a message
    row or probing ``ix_messages_parent`` once per message. For a 5,000-message chat in a million
    messages that took 18-20 ms CPU of the 130 it takes to open it; with the index 2.6 ms
    (benchmarks/history_scale.py). About 1.8 s to build over a million messages."""
    db.execute("CREATE INDEX ix_messages_conversation_parent ON messages(conversation_id, parent_id)")


@migration
def m014_search_prefix_index_to_six(db: sqlite3.Connection) -> None:
    """Prefix indexes for four, five and six letters as well. The last word typed is a prefix,
    and FTS5 uses a prefix index only of exactly the typed length: "model*" merged the lists of
    model, models, modeling… for every statement of a search. Over a million messages the quick
    list for "the model" read them four times (58 ms of its statements; 33 ms with the index),
    a recent-count of "model*" took 4.8 ms instead of 0.3. The database grows by about 6 % (the
    index's lists 286 -> 360 MB, the whole file 1.02 -> 1.08 GB) and the rebuild takes about 80 s
    per million messages, once, at the first start after the update (benchmarks/history_scale.py
    database, measured on a copy)."""
    _rebuild_search_index(db, "2 3 4 5 6")


def _rebuild_search_index(db: sqlite3.Connection, prefix: str) -> None:
    """Recreate ``messages_fts`` with FTS5's ``prefix`` option, refilled from its own rows
    (the bodies are already in index form); FTS5 cannot change the option in place."""
    db.execute(
        "CREATE VIRTUAL TABLE messages_fts_new USING fts5("
        f"body, tokenize='unicode61 remove_diacritics 2', prefix='{prefix}')"
    )
    db.execute("INSERT INTO messages_fts_new(rowid, body) SELECT rowid, body FROM messages_fts")
    db.execute("DROP TABLE messages_fts")
    db.execute("ALTER TABLE messages_fts_new RENAME TO messages_fts")


def applied(db: sqlite3.Connection) -> set[str]:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)"
    )
    return {row[0] for row in db.execute("SELECT name FROM schema_migrations")}


def pending(db: sqlite3.Connection) -> list[tuple[str, Migration]]:
    done = applied(db)
    return [(name, fn) for name, fn in MIGRATIONS if name not in done]


def migrate(db: sqlite3.Connection, upto: str | None = None) -> list[str]:
    """Apply pending migrations in order (each in its own transaction); return their names.

    ``upto`` stops after the named step; tests use it to build the oldest schema.
    """
    ran: list[str] = []
    for name, fn in pending(db):
        db.execute("BEGIN IMMEDIATE")
        # Another process (a second start, ``chatdesk ask``) may have applied it while we waited
        # for the write lock: check again inside the transaction.
        if name in applied(db):
            db.execute("ROLLBACK")
            continue
        try:
            fn(db)
            db.execute(
                "INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)", (name, time.time())
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        ran.append(name)
        if name == upto:
            break
    return ran
