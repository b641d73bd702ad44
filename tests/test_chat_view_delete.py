"""Deleting one message from a conversation, with Undo: the store side (m008_message_deleted).

A deleted message and the replies below it leave the active branch, the sibling counts, search and
the exports at once; ``restore_message`` brings back exactly what that deletion hid.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from chatdesk.archive import export_conversations
from chatdesk.chat.token_record import encode
from chatdesk.engine.types import TokenProb
from chatdesk.store import Status, StoreError
from chatdesk.store.message_tokens import load_message_tokens, save_message_tokens


def _tree(store):
    """q -> (a1 | a2 -> q2 -> a3); a2 is the active branch's reply."""
    c = store.create_conversation()
    q = store.add_message(c.id, "user", "first question about zebras")
    a1 = store.add_message(c.id, "assistant", "answer one about zebras")
    a2 = store.add_message(c.id, "assistant", "answer two about zebras", parent_id=q.id)
    q2 = store.add_message(c.id, "user", "follow-up about giraffes")
    a3 = store.add_message(c.id, "assistant", "giraffe answer")
    return c, q, a1, a2, q2, a3


def test_delete_hides_the_subtree_everywhere_and_undo_restores_it(store, tmp_path):
    c, q, a1, a2, q2, a3 = _tree(store)
    assert [m.id for m in store.active_path(c.id)] == [q.id, a2.id, q2.id, a3.id]
    assert store.sibling_info(c.id) == {a1.id: (1, 2), a2.id: (2, 2)}

    hidden = store.delete_message(a2.id)

    assert sorted(hidden) == sorted([a2.id, q2.id, a3.id])
    # The branch falls back to the remaining version of the reply.
    assert [m.id for m in store.active_path(c.id)] == [q.id, a1.id]
    assert store.sibling_info(c.id) == {}
    assert [m.id for m in store.children(q.id, c.id)] == [a1.id]
    assert store.count_messages(c.id) == 2
    assert [m.id for m in store.messages(c.id)] == [q.id, a1.id]
    assert store.search("giraffes") == []
    assert [h.message_id for h in store.search("zebras")] and a2.id not in [h.message_id for h in store.search("zebras")]
    out = tmp_path / "chat.json"
    export_conversations(store, [c.id], "json", out)
    exported = out.read_text(encoding="utf-8")
    assert "giraffe" not in exported and "answer two" not in exported and "answer one" in exported
    # A new message continues the branch that is shown, not the hidden one.
    follow = store.add_message(c.id, "user", "new follow-up")
    assert follow.parent_id == a1.id

    assert sorted(store.restore_message(a2.id)) == sorted(hidden)

    assert [m.id for m in store.active_path(c.id)] == [q.id, a2.id, q2.id, a3.id]
    assert store.sibling_info(c.id) == {a1.id: (1, 2), a2.id: (2, 2)}
    assert [h.message_id for h in store.search("giraffes")] == [q2.id]
    assert store.count_messages(c.id) == 6  # five, plus the follow-up


def test_deleting_the_first_message_empties_the_branch_and_purge_removes_rows_for_good(store):
    c, q, a1, a2, q2, a3 = _tree(store)
    save_message_tokens(store, a3.id, encode([TokenProb(1, "x", 0.5, 1)]))
    store.delete_message(q.id)
    assert store.active_path(c.id) == [] and store.count_messages(c.id) == 0
    assert store.purge_deleted_messages() == 5
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
        assert raw.execute("SELECT count(*) FROM messages_fts").fetchone()[0] == 0
    assert load_message_tokens(store, a3.id) is None
    with pytest.raises(StoreError, match="for good"):
        store.restore_message(q.id)


def test_an_earlier_deletion_stays_hidden_when_a_later_one_is_undone(store):
    c, q, a1, a2, q2, a3 = _tree(store)
    store.delete_message(a3.id)
    store.delete_message(a2.id)
    store.restore_message(a2.id)
    assert [m.id for m in store.active_path(c.id)] == [q.id, a2.id, q2.id]


def test_a_reply_being_written_cannot_be_deleted(store):
    c = store.create_conversation()
    user, reply = store.add_turn(c.id, "hello")
    with pytest.raises(StoreError, match="still being written"):
        store.delete_message(user.id)
    assert [m.id for m in store.active_path(c.id)] == [user.id, reply.id]
    store.finish_message(reply.id, "hi", Status.DONE)
    assert store.delete_message(user.id) == [user.id, reply.id]
    with pytest.raises(StoreError, match="no longer exists"):
        store.delete_message(user.id)


def test_deleted_messages_survive_a_reopen_hidden(store, data_dir):
    from chatdesk.store import Store

    c, q, a1, a2, q2, a3 = _tree(store)
    store.delete_message(q2.id)
    store.close()
    again = Store(data_dir / "chatdesk.sqlite3")
    try:
        assert [m.id for m in again.active_path(c.id)] == [q.id, a2.id]
        assert json.loads(json.dumps(again.sibling_info(c.id))) == {str(a1.id): [1, 2], str(a2.id): [2, 2]}
        again.restore_message(q2.id)
        assert [m.id for m in again.active_path(c.id)] == [q.id, a2.id, q2.id, a3.id]
    finally:
        again.close()


# ------------------------------------------------------------------ in the window: Delete, then Undo
def test_deleting_a_message_from_the_view_and_undoing_it_in_the_window(qtbot, data_dir, model_path):
    from PySide6.QtCore import QPoint, Qt
    from tests_gui_support import make_window

    from chatdesk.ui.conversation.message_delegate import body_origin

    window, store = make_window(qtbot, data_dir, model_path, start=False)
    c, q, a1, a2, q2, a3 = _tree(store)
    window.open_conversation(c.id, None)
    view = window.chat_view
    qtbot.waitUntil(lambda: [r.id for r in view.model_.records()] == [q.id, a2.id, q2.id, a3.id], timeout=5000)
    qtbot.waitUntil(lambda: view.visualRect(view.model_.index(1)).isValid(), timeout=5000)
    target = body_origin(view.visualRect(view.model_.index(1))) + QPoint(3, 3)
    qtbot.mouseMove(view.viewport(), target + QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), target)
    qtbot.waitUntil(lambda: view.bar.isVisible() and view.bar.message_id == a2.id, timeout=3000)
    qtbot.mouseClick(view.bar.buttons["delete"], Qt.MouseButton.LeftButton)

    # The other version of the reply is shown, and the notice offers Undo.
    qtbot.waitUntil(lambda: [r.id for r in view.model_.records()] == [q.id, a1.id], timeout=5000)
    assert window.notice.isVisible() and window.notice.action_button.isVisible()
    assert "2 below it" in window.notice.text()
    assert [m.id for m in store.active_path(c.id)] == [q.id, a1.id]

    qtbot.mouseClick(window.notice.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r.id for r in view.model_.records()] == [q.id, a2.id, q2.id, a3.id], timeout=5000)
    assert store.sibling_info(c.id) == {a1.id: (1, 2), a2.id: (2, 2)}
    # The offer is gone from the notification line (an earlier notice, e.g. the welcome, may remain).
    assert "undo" not in window.notice.topics() and "2 below it" not in window.notice.text()


def test_delete_from_the_keyboard_then_the_undo_window_closes_for_good(qtbot, data_dir, model_path):
    from PySide6.QtCore import Qt
    from tests_gui_support import make_window

    from chatdesk.ui.common.background import wait_all

    window, store = make_window(qtbot, data_dir, model_path, start=False)
    c, q, a1, a2, q2, a3 = _tree(store)
    window.open_conversation(c.id, None)
    view = window.chat_view
    qtbot.waitUntil(lambda: view.model_.rowCount() == 4, timeout=5000)
    window.activateWindow()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus, timeout=5000)
    view.setCurrentIndex(view.model_.index(3))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: [r.id for r in view.model_.records()] == [q.id, a2.id, q2.id], timeout=5000)
    assert view.currentIndex().row() == 2  # the keyboard stays on the same place in the list
    window.undo.commit()  # what the timer does when the undo window ends
    assert wait_all(5000)
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("SELECT count(*) FROM messages WHERE id = ?", (a3.id,)).fetchone()[0] == 0
    window.view_wiring.undo()  # too late: nothing to undo, nothing breaks
    assert [r.id for r in view.model_.records()] == [q.id, a2.id, q2.id]
