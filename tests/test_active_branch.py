"""One rule for the active branch: the store, the window's history and every export agree.

A transcript written by another tool usually has no ``active_leaf_uid``. The documented rule
(docs/transcript-format.md) is: the stored active leaf if there is one, else the newest root,
then the newest child at every step. The imported chat must open showing that branch, a new
message must continue it, and the exports must follow the same one.
"""

from __future__ import annotations

import json

from chatdesk import archive
from chatdesk.transcripts.model import active_path as transcript_active_path

DOC = {
    "format": "chatdesk-transcript",
    "version": 1,
    "conversations": [
        {
            "uid": "c-other-tool",
            "title": "From another tool",
            "created_at": "2026-11-01T10:00:00Z",
            "updated_at": "2026-11-01T10:05:00Z",
            "messages": [
                {"uid": "u1", "parent_uid": None, "role": "user", "content": "Name a colour.", "status": "done", "created_at": "2026-11-01T10:00:00Z"},
                {"uid": "a1", "parent_uid": "u1", "role": "assistant", "content": "Red.", "status": "done", "created_at": "2026-11-01T10:00:05Z"},
                {"uid": "a2", "parent_uid": "u1", "role": "assistant", "content": "Blue.", "status": "done", "created_at": "2026-11-01T10:01:00Z"},
                {"uid": "u2", "parent_uid": "a2", "role": "user", "content": "Another?", "status": "done", "created_at": "2026-11-01T10:02:00Z"},
                {"uid": "a3", "parent_uid": "u2", "role": "assistant", "content": "Green.", "status": "done", "created_at": "2026-11-01T10:03:00Z"},
            ],
        }
    ],
}


def _import(store, tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps(DOC))
    archive.import_file(store, path)
    return store.list_conversations()[0]


def test_imported_chat_without_active_leaf_opens_on_the_newest_branch(store, tmp_path):
    conv = _import(store, tmp_path)
    shown = [m.content for m in store.active_path(conv.id)]
    assert shown == ["Name a colour.", "Blue.", "Another?", "Green."]
    # The same branch the exports follow.
    exported = archive.to_transcript(store, conv.id)
    assert [m.content for m in transcript_active_path(exported)] == shown


def test_a_new_message_continues_the_shown_branch(store, tmp_path):
    conv = _import(store, tmp_path)
    leaf = store.active_path(conv.id)[-1]
    added = store.add_message(conv.id, "user", "And a third?")
    assert added.parent_id == leaf.id
    assert [m.content for m in store.active_path(conv.id)][-2:] == ["Green.", "And a third?"]


def test_legacy_rows_without_an_active_leaf_follow_the_same_rule(store):
    conv = store.create_conversation("legacy")
    u = store.add_message(conv.id, "user", "q")
    store.add_message(conv.id, "assistant", "old", parent_id=u.id)
    newer = store.add_message(conv.id, "assistant", "new", parent_id=u.id)
    with store.session() as s, s.begin():
        s.connection().exec_driver_sql("UPDATE conversations SET active_leaf_id = NULL WHERE id = ?", (conv.id,))
    assert [m.id for m in store.active_path(conv.id)] == [u.id, newer.id]
