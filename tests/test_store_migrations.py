"""Migrations: from a blank file, and from the oldest schema with data in it."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from chatdesk.store import Store, migrations, models
from chatdesk.store.models import Base
from chatdesk.store.search_text import index_text


def test_blank_database_gets_every_migration(tmp_path):
    s = Store(tmp_path / "new.sqlite3", tmp_path / "backups")
    with sqlite3.connect(s.path) as raw:
        names = [r[0] for r in raw.execute("SELECT name FROM schema_migrations ORDER BY rowid")]
    assert names == [name for name, _ in migrations.MIGRATIONS]
    assert not (tmp_path / "backups").exists()  # nothing to back up on a blank file
    s.close()


def _orm_modules() -> list[str]:
    """Every module of chatdesk.store that declares ORM tables (found by reading the sources, so a
    new one is checked without anyone listing it here)."""
    folder = Path(models.__file__).parent
    return [f"chatdesk.store.{p.stem}" for p in sorted(folder.glob("*.py")) if "(Base)" in p.read_text(encoding="utf-8")]


def test_orm_matches_migrated_schema(tmp_path):
    for name in _orm_modules():  # whatever this test run happened to import before
        importlib.import_module(name)
    assert {"chatdesk.store.models", "chatdesk.store.evaluations", "chatdesk.store.presets"} <= set(_orm_modules())
    s = Store(tmp_path / "db.sqlite3")
    insp = inspect(s.engine)
    assert {t.name for t in Base.metadata.sorted_tables} <= set(insp.get_table_names())
    for table in Base.metadata.sorted_tables:
        db_cols = {c["name"] for c in insp.get_columns(table.name)}
        assert {c.name for c in table.columns} == db_cols, table.name
    s.close()


def test_oldest_schema_migrates_with_data_and_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    assert migrations.migrate(raw, upto="m001_initial") == ["m001_initial"]
    raw.execute("INSERT INTO conversations(uid,title,created_at,updated_at) VALUES ('c1','Old chat',1,2)")
    for i, (role, text) in enumerate([("user", "老的问题 about llamas"), ("assistant", "old answer"), ("user", "follow up")]):
        raw.execute(
            "INSERT INTO messages(uid,conversation_id,role,content,status,created_at,updated_at) VALUES (?,?,?,?,?,?,?)",
            (f"m{i}", 1, role, text, "done", 10 + i, 10 + i),
        )
    raw.close()

    s = Store(path, tmp_path / "backups")
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and "before-m002" in backups[0].name
    with sqlite3.connect(backups[0]) as b:
        assert b.execute("SELECT count(*) FROM messages").fetchone()[0] == 3
    conv = s.list_conversations()[0]
    path_msgs = s.active_path(conv.id)
    assert [m.content for m in path_msgs] == ["老的问题 about llamas", "old answer", "follow up"]
    assert path_msgs[0].parent_id is None and path_msgs[2].parent_id == path_msgs[1].id
    assert conv.pinned is False and conv.deleted_at is None
    assert [h.message_id for h in s.search("问题")] == [path_msgs[0].id]
    s.close()
    # Re-opening runs nothing and makes no new backup.
    Store(path, tmp_path / "backups").close()
    assert len(list((tmp_path / "backups").glob("*.sqlite3"))) == 1


def test_a_second_process_migrating_at_the_same_time_skips_what_the_first_applied(tmp_path, monkeypatch):
    """Two starts on a new data folder (the window and ``chatdesk ask``, say) race to migrate. The
    one that waited for the write lock must not run a step again ("table already exists")."""
    path = tmp_path / "race.sqlite3"
    late = sqlite3.connect(path, isolation_level=None)
    stale = list(migrations.MIGRATIONS)  # what it read before the other process got the lock
    Store(path).close()  # the other process: everything applied
    monkeypatch.setattr(migrations, "pending", lambda db: stale)
    assert migrations.migrate(late) == []
    late.close()
    s = Store(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(migrations.MIGRATIONS)
    s.close()


def _old_database_with_messages(path, upto: str, texts: list[str]) -> str:
    """A database migrated only up to ``upto`` holding one chat of ``texts``, indexed for search
    as the app of that time did; returns its search table's definition."""
    raw = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(raw, upto=upto)
    raw.execute("INSERT INTO conversations(uid,title,created_at,updated_at) VALUES ('c1','Old chat',1,2)")
    for i, text in enumerate(texts):
        raw.execute(
            "INSERT INTO messages(uid,conversation_id,role,content,status,created_at,updated_at) VALUES (?,?,?,?,?,?,?)",
            (f"m{i}", 1, "user", text, "done", 10 + i, 10 + i),
        )
        raw.execute("INSERT INTO messages_fts(rowid, body) SELECT id, ? FROM messages WHERE uid = ?", (index_text(text), f"m{i}"))
    definition = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").fetchone()[0]
    raw.close()
    return definition


def test_the_search_index_gains_prefix_lists_and_keeps_every_message(tmp_path):
    path = tmp_path / "m011.sqlite3"
    assert "prefix" not in _old_database_with_messages(path, "m011_attachments", ["python and golang", "语言模型很小", "theory of them"])
    s = Store(path, tmp_path / "backups")
    with sqlite3.connect(path) as db:
        assert "prefix='2 3 4 5 6'" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").fetchone()[0]
        assert db.execute("SELECT count(*) FROM messages_fts").fetchone()[0] == 3
    assert len(s.search("pyt")) == 1 and len(s.search("模型")) == 1 and len(s.search("the")) == 1
    assert len(s.search("golan")) == 1 and len(s.search("theory")) == 1 and len(s.search("theo")) == 1
    s.close()


def test_the_rebuilt_search_index_finds_every_word_a_typed_prefix_begins(tmp_path):
    """m014 rebuilds an old database's index with prefix lists up to six letters (FTS5 answers a
    prefix from the list of its own length): prefixes of each length, and a longer one that no
    list holds, find exactly the messages with a word they begin."""
    path = tmp_path / "m013.sqlite3"
    before = _old_database_with_messages(
        path, "m013_conversation_parent_index", ["the model", "models and modeling", "a modelling tool", "mode of use"])
    assert "prefix='2 3'" in before
    s = Store(path, tmp_path / "backups")
    with sqlite3.connect(path) as db:
        assert "prefix='2 3 4 5 6'" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").fetchone()[0]
    found = {typed: len(s.search(typed)) for typed in ("mode", "model", "models", "modeli", "modelli", "modelx")}
    assert found == {"mode": 4, "model": 3, "models": 1, "modeli": 1, "modelli": 1, "modelx": 0}
    s.close()


def test_branch_points_are_counted_in_the_new_index_of_an_old_database(tmp_path):
    """m013 adds ix_messages_conversation_parent to a database that has chats; sibling_info then
    finds a chat's branch points in it, without reading messages, and gives the same answer."""
    path = tmp_path / "m012.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(raw, upto="m012_search_prefix_index")
    raw.execute("INSERT INTO conversations(uid,title,created_at,updated_at) VALUES ('c1','Old chat',1,2)")
    for i, parent in enumerate([None, 1, 1, 2, None]):  # two replies to 1, and two roots
        raw.execute(
            "INSERT INTO messages(uid,conversation_id,parent_id,role,content,status,created_at,updated_at) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (f"m{i}", 1, parent, "user", f"text {i}", "done", 10 + i, 10 + i),
        )
    raw.close()
    s = Store(path, tmp_path / "backups")
    assert s.sibling_info(1) == {1: (1, 2), 5: (2, 2), 2: (1, 2), 3: (2, 2)}
    with sqlite3.connect(path) as db:
        plan = " | ".join(r[-1] for r in db.execute("EXPLAIN QUERY PLAN " + s._SIBLINGS.text, {"c": 1}))
    assert "COVERING INDEX ix_messages_conversation_parent" in plan, plan
    s.close()
