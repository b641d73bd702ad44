"""Features the README advertises, driven through the real window as a user would.

Rename and pin from the sidebar (keyboard and its menu), edit and resend, Reply info, and
importing a transcript from the window. Real model, real SQLite file, real widgets (offscreen).
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QLabel
from tests_gui_support import make_window, send_message

from chatdesk.store import Status
from chatdesk.ui.conversation.edit_dialog import EditMessageDialog


@pytest.fixture
def window(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path)
    yield win
    win.close()
    store.close()


def _item_for(win, conversation_id):  # type: ignore[no-untyped-def]
    from chatdesk.ui.shell.sidebar import ConvIdRole

    lst = win.sidebar.list
    return next(lst.item(i) for i in range(lst.count()) if lst.item(i).data(ConvIdRole) == conversation_id)


def test_rename_with_f2_and_pin_from_the_chat_menu(qtbot, window, monkeypatch):
    c = window.store.create_conversation("Old title")
    window.store.add_message(c.id, "user", "hello")
    window.refresh_sidebar()
    item = _item_for(window, c.id)
    window.sidebar.list.setCurrentItem(item)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Llamas and alpacas", True))
    qtbot.keyClick(window.sidebar.list, Qt.Key.Key_F2)
    assert window.store.get_conversation(c.id).title == "Llamas and alpacas"
    qtbot.waitUntil(lambda: "Llamas and alpacas" in _item_for(window, c.id).text(), timeout=5000)

    menu = window.sidebar.menu_for(_item_for(window, c.id))
    pin = next(a for a in menu.actions() if a.text() == "Pin")
    pin.trigger()
    assert window.store.get_conversation(c.id).pinned
    menu = window.sidebar.menu_for(_item_for(window, c.id))
    assert any(a.text() == "Unpin" for a in menu.actions())


def test_edit_and_resend_keeps_the_original_as_a_version(qtbot, window, monkeypatch):
    with qtbot.waitSignal(window.controller.reply_finished, timeout=120_000):
        send_message(qtbot, window, "Name a colour.")
    user = window.chat_view.model_.records()[0]
    monkeypatch.setattr(EditMessageDialog, "get_text", lambda *a, **k: ("Name a planet.", True))
    with qtbot.waitSignal(window.controller.reply_finished, timeout=120_000):
        window.chat_view.action_requested.emit("edit", user.id)
    qtbot.waitUntil(lambda: window.chat_view.model_.records()[-1].status == Status.DONE, timeout=10_000)
    rows = window.chat_view.model_.records()
    assert rows[0].content == "Name a planet." and rows[0].id != user.id
    versions = window.store.children(None, window.controller.current_id)
    assert [v.content for v in versions] == ["Name a colour.", "Name a planet."]
    window.chat_view.delegate.sibling_step.emit(rows[0].id, -1)  # back to the original question and its reply
    assert window.chat_view.model_.records()[0].content == "Name a colour."


def test_reply_info_shows_how_the_reply_was_made(qtbot, window):
    with qtbot.waitSignal(window.controller.reply_finished, timeout=120_000) as done:
        send_message(qtbot, window, "Say hello.")
    reply = window.store.get_message(done.args[0].job.assistant_message_id)
    window.chat_view.action_requested.emit("info", reply.id)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.objectName() == "replyInfoDialog")
    qtbot.addWidget(dialog)
    shown = " ".join(lab.text() for lab in dialog.findChildren(QLabel))
    prov = reply.provenance
    assert str(prov["seed"]) in shown and prov["model_sha256"] in shown and prov["quantization"] in shown
    dialog.close()


def test_import_a_transcript_from_the_window(qtbot, window, tmp_path, monkeypatch):
    doc = {
        "format": "chatdesk-transcript", "version": 1,
        "conversations": [{
            "uid": "imported-1", "title": "Imported from a file", "created_at": 1.0, "updated_at": 2.0,
            "messages": [
                {"uid": "q", "parent_uid": None, "role": "user", "content": "Where is Paris?", "status": "done", "created_at": 1.0},
                {"uid": "a", "parent_uid": "q", "role": "assistant", "content": "In France.", "status": "done", "created_at": 2.0},
            ],
        }],
    }
    path = tmp_path / "chat.json"
    path.write_text(json.dumps(doc), "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.import_transcript()
    qtbot.waitUntil(lambda: "Imported 1 conversation" in window.notice.text(), timeout=10_000)
    conv = next(c for c in window.store.list_conversations() if c.title == "Imported from a file")
    qtbot.waitUntil(lambda: any("Imported from a file" in window.sidebar.list.item(i).text()
                                for i in range(window.sidebar.list.count())), timeout=5000)
    window.open_conversation(conv.id, None)
    assert [r.content for r in window.chat_view.model_.records()] == ["Where is Paris?", "In France."]
