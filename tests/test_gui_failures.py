"""Failures in the window never lose text and always leave one truthful state.

Real window, real model, real SQLite file; the database is locked by a second connection
holding an exclusive transaction, as another program would.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QInputDialog
from tests_gui_support import make_window, send_message

from chatdesk.store import Status
from chatdesk.store.busy import INTERACTIVE_BUSY_TIMEOUT_MS, busy_timeout_ms
from chatdesk.ui.conversation.edit_dialog import EditMessageDialog


@pytest.fixture
def window(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path)
    yield win
    win.close()
    store.close()


@contextmanager
def locked(path):
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        blocker.rollback()
        blocker.close()


def _chat_with_reply(store):
    c = store.create_conversation("A chat")
    u = store.add_message(c.id, "user", "Name a colour.")
    a = store.add_message(c.id, "assistant", "Red.", parent_id=u.id, provenance={"seed": 1, "sampler": {"max_tokens": 8}})
    b = store.add_message(c.id, "assistant", "Blue.", parent_id=u.id, provenance={"seed": 2, "sampler": {"max_tokens": 8}})
    return c, u, a, b


def test_the_gui_thread_gives_up_quickly_on_a_locked_database(window):
    assert busy_timeout_ms() == INTERACTIVE_BUSY_TIMEOUT_MS < 1000


@pytest.mark.parametrize("action", ["rename", "pin", "trash", "branch", "switch_version", "regenerate", "continue", "edit"])
def test_database_errors_in_window_actions_show_a_message_and_lose_nothing(qtbot, window, monkeypatch, action):
    store = window.store
    c, u, a, b = _chat_with_reply(store)
    store.finish_message(b.id, "Blue", Status.STOPPED)
    window.refresh_sidebar()
    window.open_conversation(c.id, None)
    before = [(m.id, m.content, m.status) for m in store.messages(c.id)]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a_, **k: ("New title", True))
    monkeypatch.setattr(EditMessageDialog, "get_text", lambda *a_, **k: ("My carefully edited question", True))
    with locked(store.path):
        if action == "rename":
            window.rename_conversation(c.id)
        elif action == "pin":
            window.sidebar.pin_requested.emit(c.id, True)
        elif action == "trash":
            window.delete_conversations([c.id], confirm=False)
        elif action == "branch":
            window.chat_view.action_requested.emit("branch", a.id)
        elif action == "switch_version":
            window.chat_view.delegate.sibling_step.emit(b.id, -1)
        elif action == "regenerate":
            window.chat_view.action_requested.emit("regenerate", b.id)
        elif action == "continue":
            window.chat_view.action_requested.emit("continue", b.id)
        elif action == "edit":
            window.chat_view.action_requested.emit("edit", u.id)
        qtbot.waitUntil(lambda: window.banner.kind == "error", timeout=10_000)  # (a notice may come first)
    assert "locked" in window.banner.text() and "Traceback" not in window.banner.text()
    assert window.controller.active is None
    assert [(m.id, m.content, m.status) for m in store.messages(c.id)] == before, "nothing changed or was lost"
    conv = store.get_conversation(c.id)
    assert conv.title == "A chat" and not conv.pinned and conv.deleted_at is None
    assert len(store.list_conversations()) == 1
    if action == "edit":
        assert window.composer.edit.toPlainText() == "My carefully edited question"


def test_continue_without_a_model_keeps_the_interrupted_reply(qtbot, data_dir, tmp_path):
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 10)
    win, store = make_window(qtbot, data_dir, str(bad), start=False)
    try:
        c = store.create_conversation("crashed")
        u = store.add_message(c.id, "user", "List the days of the week.")
        partial = store.add_message(c.id, "assistant", "Monday, Tuesday,", status=Status.STREAMING, parent_id=u.id)
        store.mark_interrupted()
        win.start()
        qtbot.waitUntil(lambda: win.model_label.text() == "No model loaded", timeout=30_000)
        win.open_conversation(c.id, None)
        win.chat_view.action_requested.emit("continue", partial.id)
        qtbot.waitUntil(lambda: "No model is loaded" in win.banner.text(), timeout=5000)
        after = store.get_message(partial.id)
        assert (after.content, after.status) == ("Monday, Tuesday,", Status.INTERRUPTED)
        assert win.controller.active is None
    finally:
        win.close()
        store.close()


def test_a_model_switch_that_fails_its_checks_keeps_the_old_model_and_says_so(qtbot, window, tmp_path):
    old = window.controller.model_info
    bad = tmp_path / "not-a-model.gguf"
    bad.write_bytes(b"this is not a GGUF file at all" * 10)
    window.load_model(str(bad))
    # (The notification line may already show a notice: wait for this failure's words.)
    qtbot.waitUntil(lambda: "not-a-model.gguf" in window.banner.text(), timeout=30_000)
    assert window.controller.model_info == old
    shown = window.model_label.text()
    assert old.quantization in shown and "No model" not in shown and "Loading" not in shown
    name = shown.split(" · ")[0]  # the model's name as the window shows it (the library's name)
    assert "not-a-model.gguf" in window.banner.text() and f"Still chatting with {name}." in window.banner.text()
    assert window.composer.send_button.isEnabled()
    # And a reply now truthfully comes from the model the window names.
    with qtbot.waitSignal(window.controller.reply_finished, timeout=60_000) as blocker:
        send_message(qtbot, window, "Hello")
    prov = window.store.get_message(blocker.args[0].job.assistant_message_id).provenance
    assert prov["model_path"] == old.path


def test_a_model_file_that_does_not_load_is_not_remembered_and_starts_no_chat(window, qtbot, tmp_path):
    """File → Open model… with a file that is no model: the error, and nothing else changes."""
    from chatdesk.settings import load_settings
    from chatdesk.ui.common.session import LOAD_LOADED

    qtbot.waitUntil(lambda: window.session.load_state == LOAD_LOADED, timeout=120_000)
    loaded = window.controller.model_info.path
    remembered = load_settings().model_path
    chats = [c.id for c in window.store.list_conversations()]
    bad = tmp_path / "passwd"
    bad.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    window.use_model(str(bad))
    qtbot.waitUntil(lambda: window.banner.kind == "error" and window.session.load_state == LOAD_LOADED, timeout=60_000)
    assert "passwd" in window.banner.text()
    assert window.controller.model_info.path == loaded  # the model in use stays
    assert load_settings().model_path == remembered  # the next start does not try the bad file
    assert [c.id for c in window.store.list_conversations()] == chats  # no empty chat was left
