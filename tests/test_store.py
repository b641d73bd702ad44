"""The conversation store on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from chatdesk.store import DatabaseLockedError, Status, Store, StoreError, title_from


def test_wal_mode_and_file_location(store, data_dir):
    assert store.path == data_dir / "chatdesk.sqlite3"
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"conversations", "messages", "schema_migrations", "messages_fts"} <= tables


def test_create_list_rename_delete(store):
    a = store.create_conversation("first")
    b = store.create_conversation("second")  # newer (same-second ties go to the newer id)
    assert [c.id for c in store.list_conversations()] == [b.id, a.id]
    store.add_message(a.id, "user", "hello")  # activity moves a to the top
    assert [c.id for c in store.list_conversations()] == [a.id, b.id]
    store.rename_conversation(b.id, "  renamed  ")
    assert store.get_conversation(b.id).title == "renamed"
    store.delete_conversations([a.id])
    assert store.get_conversation(a.id) is None
    assert store.messages(a.id) == []
    assert [c.id for c in store.list_conversations()] == [b.id]


def test_trash_restore_and_purge(store):
    c = store.create_conversation("x")
    store.add_message(c.id, "user", "unique-word-zebra")
    store.trash_conversations([c.id])
    assert store.list_conversations() == []
    assert store.search("zebra") == []
    store.restore_conversations([c.id])
    assert [r.id for r in store.list_conversations()] == [c.id]
    store.trash_conversations([c.id])
    assert store.purge_trash(0) == 1
    assert store.get_conversation(c.id) is None


def test_pinned_first(store):
    a = store.create_conversation("a")
    b = store.create_conversation("b")
    store.set_pinned(a.id, True)
    assert [c.id for c in store.list_conversations()] == [a.id, b.id]


def test_messages_in_order_and_auto_title(store):
    c = store.create_conversation()
    texts = [("user", "What is the capital of France, and why is it famous?"), ("assistant", "Paris."), ("user", "Thanks")]
    for role, text in texts:
        store.add_message(c.id, role, text)
    path = store.active_path(c.id)
    assert [(m.role, m.content) for m in path] == texts
    assert [m.parent_id for m in path] == [None, path[0].id, path[1].id]
    assert store.get_conversation(c.id).title == "What is the capital of France, and why is it famous?"
    assert title_from("word " * 40).endswith("…") and len(title_from("word " * 40)) <= 61


def test_reply_persisted_while_streaming(store):
    c = store.create_conversation()
    store.add_message(c.id, "user", "hi")
    reply = store.add_message(c.id, "assistant", "", status=Status.STREAMING)
    store.update_streaming(reply.id, "Hel")
    # Another connection (as after a crash) sees the partial text.
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("SELECT content, status FROM messages WHERE id=?", (reply.id,)).fetchone() == ("Hel", "streaming")
    assert store.mark_interrupted() == [reply.id]
    assert store.get_message(reply.id).status == Status.INTERRUPTED
    done = store.finish_message(reply.id, "Hello!", Status.DONE, provenance={"seed": 7, "model_name": "m"})
    assert done.provenance == {"seed": 7, "model_name": "m"}


def test_sibling_info_counts_roots_and_leaves_out_deleted_and_other_chats(store):
    c = store.create_conversation()
    roots = [store.add_message(c.id, "user", f"root {i}", parent_id=None) for i in range(3)]
    chain = [roots[0]]
    for i in range(30):  # a long branch-free chain: nothing to report for it
        chain.append(store.add_message(c.id, "assistant" if i % 2 == 0 else "user", f"m{i}", parent_id=chain[-1].id))
    kids = [store.add_message(c.id, "assistant", f"alt {i}", parent_id=chain[10].id) for i in range(3)]
    other = store.create_conversation()  # another chat's branches are not this chat's
    o = store.add_message(other.id, "user", "q")
    store.add_message(other.id, "assistant", "a1", parent_id=o.id)
    store.add_message(other.id, "assistant", "a2", parent_id=o.id)
    store.delete_message(roots[1].id)
    store.delete_message(kids[0].id)
    live = {m.id: m for m in store.messages(c.id)}
    expected = {}
    for m in live.values():  # the rule, computed the plain way
        sibs = sorted(x.id for x in live.values() if x.parent_id == m.parent_id)
        if len(sibs) > 1:
            expected[m.id] = (sibs.index(m.id) + 1, len(sibs))
    assert expected and roots[0].id in expected and roots[1].id not in expected
    assert store.sibling_info(c.id) == expected
    assert expected[chain[11].id] == (1, 3) and expected[kids[2].id] == (3, 3)


def test_active_path_is_the_parent_chain_even_when_it_leaves_the_chat(store):
    c = store.create_conversation()
    chain = [store.add_message(c.id, "user", "first")]
    for i in range(40):
        chain.append(store.add_message(c.id, "assistant" if i % 2 == 0 else "user", f"m{i}"))
    store.add_message(c.id, "assistant", "a branch off the side", parent_id=chain[5].id)
    store.set_active_leaf(c.id, chain[-1].id)
    assert [m.id for m in store.active_path(c.id)] == [m.id for m in chain]
    assert store.active_path(c.id) == store.path_to(chain[-1].id)
    # A chain that continues in another chat (not made by the app, but the rule is the parent chain).
    other = store.create_conversation()
    root = store.add_message(other.id, "user", "elsewhere")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE messages SET parent_id = ? WHERE id = ?", (root.id, chain[0].id))
    assert [m.id for m in store.active_path(c.id)] == [root.id] + [m.id for m in chain]
    assert store.active_path_tail(c.id, 5) == (store.active_path(c.id)[-5:], 37)


def test_the_tail_of_the_active_path_is_the_newest_messages_of_the_path(store):
    """active_path_tail (a long chat's first screen) is exactly active_path's last messages and the
    count before them, on a branch chosen by a stored leaf, below it (the newest replies), after
    the stored leaf is deleted, and for chats that are short or empty."""
    c = store.create_conversation()
    chain = [store.add_message(c.id, "user", "first")]
    for i in range(30):
        chain.append(store.add_message(c.id, "assistant" if i % 2 == 0 else "user", f"m{i}"))
    side = [store.add_message(c.id, "assistant", "side", parent_id=chain[9].id)]
    for i in range(6):
        side.append(store.add_message(c.id, "user" if i % 2 == 0 else "assistant", f"s{i}"))
    store.set_active_leaf(c.id, side[2].id)  # the side branch's newest replies continue it

    def agrees(count: int) -> None:
        path = store.active_path(c.id)
        assert store.active_path_tail(c.id, count) == (path[-count:], max(0, len(path) - count))

    assert [m.id for m in store.active_path_tail(c.id, 4)[0]] == [m.id for m in side[-4:]]
    for count in (1, 3, 7, 17, 100):
        agrees(count)
    store.set_active_leaf(c.id, chain[-1].id)
    for count in (1, 30, 31, 32):
        agrees(count)
    store.delete_message(side[-1].id)
    store.set_active_leaf(c.id, side[-2].id)
    agrees(5)
    assert store.active_path_tail(store.create_conversation().id, 10) == ([], 0)
    # Its size for the window's choice counts every row, the deleted one too.
    assert store.stored_rows(c.id) == 38 and store.count_messages(c.id) == 37


def test_branches_siblings_and_active_path(store):
    c = store.create_conversation()
    u = store.add_message(c.id, "user", "q")
    r1 = store.add_message(c.id, "assistant", "answer one")
    r2 = store.add_message(c.id, "assistant", "answer two", parent_id=u.id)
    assert [m.id for m in store.active_path(c.id)] == [u.id, r2.id]
    assert store.sibling_info(c.id) == {r1.id: (1, 2), r2.id: (2, 2)}
    store.set_active_leaf(c.id, r1.id)
    assert [m.content for m in store.active_path(c.id)] == ["q", "answer one"]
    new = store.branch_into_new_conversation(r1.id)
    assert [m.content for m in store.active_path(new.id)] == ["q", "answer one"]
    assert len(store.messages(c.id)) == 3


def test_search_english_chinese_and_operators(store):
    c = store.create_conversation("zh")
    store.add_message(c.id, "user", "这个语言模型很小，但是可以离线运行。")
    store.add_message(c.id, "assistant", "Quantization shrinks the weights of a model.")
    d = store.create_conversation("other")
    store.add_message(d.id, "user", "Nothing relevant here")
    hits = store.search("模型")
    assert [h.conversation_id for h in hits] == [c.id]
    assert "[[模型]]" in hits[0].snippet
    assert [h.conversation_id for h in store.search("quantiz")] == [c.id]  # prefix match
    assert store.search("离线") and not store.search("模离")
    # FTS5 operators and a stray quote are searched as words (none of the messages has them): no error, no hits.
    assert store.search('AND OR "') == []
    assert store.search("   ") == []


def test_concurrent_writer_thread_and_reader(store):
    c = store.create_conversation()
    store.add_message(c.id, "user", "go")
    reply = store.add_message(c.id, "assistant", "", status=Status.STREAMING)
    errors = []

    def writer():
        try:
            for i in range(50):
                store.update_streaming(reply.id, "x" * i)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    t = threading.Thread(target=writer)
    t.start()
    for _ in range(50):
        store.active_path(c.id)
    t.join()
    assert not errors
    assert store.get_message(reply.id).content == "x" * 49


def test_locked_database_gives_human_error(store, monkeypatch):
    c = store.create_conversation()
    blocker = sqlite3.connect(store.path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLockedError, match="locked by another program"):
            store.add_message(c.id, "user", "blocked")
    finally:
        blocker.rollback()
        blocker.close()
    assert store.add_message(c.id, "user", "fine now").content == "fine now"


def test_not_a_database_file(tmp_path):
    bad = tmp_path / "chatdesk.sqlite3"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="damaged or is not a ChatDesk database"):
        Store(bad)


def test_model_file_hash_is_cached(store, tmp_path):
    f = tmp_path / "m.gguf"
    f.write_bytes(b"abc")
    import hashlib

    assert store.file_sha256(f) == hashlib.sha256(b"abc").hexdigest()
    with sqlite3.connect(store.path) as raw:
        raw.execute("UPDATE model_files SET sha256='cached'")
    assert store.file_sha256(f) == "cached"  # not recomputed while size/mtime are unchanged


def test_backup_is_consistent_copy(store, tmp_path):
    c = store.create_conversation("keep me")
    store.add_message(c.id, "user", "backed up")
    out = store.backup(tmp_path / "copy.sqlite3")
    with sqlite3.connect(out) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT content FROM messages").fetchall() == [("backed up",)]


def test_full_disk_gives_human_error_and_keeps_data(store):
    from sqlalchemy import event

    from chatdesk.store import DiskFullError

    c = store.create_conversation("before")
    store.add_message(c.id, "user", "kept")
    with sqlite3.connect(store.path) as raw:
        pages = raw.execute("PRAGMA page_count").fetchone()[0]

    def cap(dbapi_conn, _rec):  # the file may not grow: SQLite reports SQLITE_FULL, as on a full disk
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    store.engine.dispose()
    event.listen(store.engine, "connect", cap)
    with pytest.raises(DiskFullError, match="is full"):
        store.add_message(c.id, "user", "x" * 200_000)
    event.remove(store.engine, "connect", cap)
    store.engine.dispose()
    assert [m.content for m in store.active_path(c.id)] == ["kept"]


def test_add_turn_commits_message_and_streaming_reply_together(store):
    c = store.create_conversation()
    user, reply = store.add_turn(c.id, "Hi there")
    assert reply.parent_id == user.id and reply.status == Status.STREAMING and reply.content == ""
    assert store.get_conversation(c.id).active_leaf_id == reply.id
    assert store.get_conversation(c.id).title == "Hi there"
    with pytest.raises(StoreError, match="does not exist"):
        store.add_turn(9999, "nobody home")


def test_start_conversation_stores_the_chat_and_its_first_turn_in_one_transaction(store, monkeypatch):
    conv, user, reply = store.start_conversation("你好, first question", system_prompt="Be brief.", model_path="m.gguf")
    assert (conv.system_prompt, conv.model_path, conv.title) == ("Be brief.", "m.gguf", "你好, first question")
    assert conv.active_leaf_id == reply.id and reply.parent_id == user.id and user.parent_id is None
    assert [m.id for m in store.messages(conv.id)] == [user.id, reply.id]
    assert store.search("question")[0].conversation_id == conv.id

    def fail(*_args):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "_insert_turn", fail)
    with pytest.raises(StoreError):
        store.start_conversation("never stored")
    assert [c.id for c in store.list_conversations()] == [conv.id]  # no empty chat left behind


def test_warm_up_writes_nothing(tmp_path):
    """The start-up warm-up runs the first Send's statements and rolls them back."""
    import sqlite3

    store = Store(tmp_path / "w.sqlite3")
    conv = store.create_conversation("kept")
    store.add_turn(conv.id, "hello")
    db = tmp_path / "w.sqlite3"

    def snapshot() -> tuple:
        with sqlite3.connect(db) as raw:
            return tuple(raw.execute(f"SELECT * FROM {t}").fetchall() for t in ("conversations", "messages", "messages_fts"))

    before = snapshot()
    store.warm_up()
    store.warm_up()
    assert snapshot() == before
    nxt = store.create_conversation("next")
    assert nxt.id == conv.id + 1  # no id was used up either
    store.close()


def test_records_from_rows_equal_records_built_by_the_dataclass(store):
    """``from_row`` fills records in without the dataclass's __init__: every field, in order."""
    import dataclasses

    from chatdesk.store.records import MessageRecord
    from chatdesk.store.rows import RECORD_COLUMNS, from_row

    assert [c.split(".")[1] for c in RECORD_COLUMNS.split(", ")] == [f.name for f in dataclasses.fields(MessageRecord)]
    c = store.create_conversation()
    store.add_message(c.id, "user", "q")
    reply = store.add_message(c.id, "assistant", "a")
    store.finish_message(reply.id, "a", "error", provenance={"seed": 7, "nested": {"x": [1, 2]}}, error="boom")
    for rec in store.active_path(c.id):
        row = tuple(getattr(rec, f.name) for f in dataclasses.fields(MessageRecord))
        row = row[:-1] + (json.dumps(rec.provenance) if rec.provenance else None,)
        built = MessageRecord(*row[:-1], provenance=rec.provenance)
        read = from_row(row)
        assert read == built
        assert all(getattr(read, f.name) == getattr(built, f.name) for f in dataclasses.fields(MessageRecord))
        assert hash(from_row(row)) == hash(built)
    assert store.active_path(c.id)[1].provenance == {"seed": 7, "nested": {"x": [1, 2]}}
    assert from_row(row[:-1] + ("",)).provenance is None


def test_a_read_records_provenance_is_parsed_when_first_read(store):
    """Opening a long chat does not parse every reply's provenance: a record read from its row
    keeps the text until the field is read, then the value; a record built in code is as given."""
    import dataclasses

    from chatdesk.store.records import RAW_PROVENANCE, MessageRecord

    c = store.create_conversation()
    store.add_message(c.id, "user", "q")
    reply = store.add_message(c.id, "assistant", "a")
    store.finish_message(reply.id, "a", "done", provenance={"seed": 7, "sources": [{"n": 1}]})
    user, answer = store.active_path(c.id)
    assert "provenance" not in vars(answer) and RAW_PROVENANCE in vars(answer)
    assert user.provenance is None and RAW_PROVENANCE not in vars(user)
    assert answer.provenance == {"seed": 7, "sources": [{"n": 1}]}
    assert answer.provenance is answer.provenance  # parsed once, then kept
    assert dataclasses.replace(answer, content="b").provenance == answer.provenance
    assert MessageRecord(1, "u", 1, None, "user", "x", "done", 0.0, 0.0).provenance is None
    # A damaged provenance (another program, a torn write) costs that detail, not the chat.
    with sqlite3.connect(store.path) as raw:
        raw.execute("UPDATE messages SET provenance = '{\"seed\": 7' WHERE id = ?", (reply.id,))
    assert [m.content for m in store.active_path(c.id)] == ["q", "a"]
    assert store.active_path(c.id)[1].provenance is None
    assert MessageRecord(1, "u", 1, None, "user", "x", "done", 0.0, 0.0, provenance={"a": 1}).provenance == {"a": 1}
