"""Accessibility with the real window and the real model: names for screen readers on every
control of the window and its dialogs, everything reachable from the keyboard, one announcement
per finished reply, and a text size that follows the system and scales with Ctrl + / Ctrl −."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from tests_gui_support import make_window
from ui_walk_support import unnamed

from chatdesk.settings import load_settings
from chatdesk.store import Status
from chatdesk.ui.conversation.edit_dialog import EditMessageDialog
from chatdesk.ui.conversation.message_model import SiblingRole


@pytest.fixture
def window(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=24)
    win.activateWindow()
    yield win
    for w in QApplication.topLevelWidgets():
        if w is not win and w.isVisible():
            w.close()
    win.close()
    store.close()


def send(qtbot, win, text: str) -> None:
    """Type and press Enter, as a keyboard user does; returns when the reply is finished."""
    win.composer.edit.setFocus()
    with qtbot.waitSignal(win.controller.reply_finished, timeout=60_000):
        qtbot.keyClicks(win.composer.edit, text)
        qtbot.keyClick(win.composer.edit, Qt.Key.Key_Return)


def press(qtbot, win, sequence: str) -> None:
    """A key sequence pressed in the window (on whatever has the focus)."""
    seq = QKeySequence(sequence)[0]
    if QApplication.activeWindow() is not win:  # a closed dialog hands the focus back to the window
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    target = QApplication.focusWidget() or win
    qtbot.keyClick(target, seq.key(), seq.keyboardModifiers())


def answer_modal(qtbot, handle) -> list:
    """Run ``handle(dialog)`` on the next modal dialog as soon as it opens (it blocks the test)."""
    seen = []

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, QDialog):
            seen.append(dlg)
            handle(dlg)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen


def visible_dialogs(name: str) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == name]


# ------------------------------------------------------------------------------ names
def test_every_control_of_the_window_and_its_dialogs_has_an_accessible_name(qtbot, window):
    from chatdesk.ui.conversation.message_info import show_message_info
    from chatdesk.ui.conversation.preset_dialog import PresetDialog
    from chatdesk.ui.shell.settings_dialog import SettingsDialog

    win = window
    send(qtbot, win, "Hello")
    win.chat_settings.dock.show()
    win.notice.show_message("x", "info")
    win.notice.set_action("Undo", lambda: None)
    for action in ("showLibrary", "downloadModel", "connectServer"):
        win.findChild(type(win.keyboard.shortcuts), action).trigger()
    win.import_checkpoint()
    win.keyboard.shortcuts.trigger()
    plain = dataclasses.replace(win.controller.model_info, has_chat_template=False)
    prefs = SettingsDialog(win.settings, plain, win)  # with every page, the prompt format's included
    prefs.show()
    show_message_info(win, win.store.get_message(win.chat_view.model_.records()[-1].id))
    PresetDialog(win.store, "en", win.chat_settings.panel._collect(), win).show()
    qtbot.waitUntil(lambda: len([w for w in QApplication.topLevelWidgets() if w.isVisible()]) >= 9, timeout=10_000)
    missing = {f"{type(top).__name__}": unnamed(top) for top in QApplication.topLevelWidgets() if top.isVisible()}
    assert {k: v for k, v in missing.items() if v} == {}
    assert set(missing) >= {"MainWindow", "LibraryWindow", "DownloadDialog", "RemoteDialog", "ImportCheckpointDialog",
                            "ShortcutsDialog", "SettingsDialog", "PresetDialog", "QDialog"}


# ------------------------------------------------------------------------------ keyboard
def test_a_whole_chat_from_the_keyboard(qtbot, window):
    win = window
    view, model = win.chat_view, win.chat_view.model_
    send(qtbot, win, "Name a colour.")
    first = model.records()[-1]

    # Regenerate (Ctrl+R), then switch between the two versions (Alt+Left / Alt+Right).
    with qtbot.waitSignal(win.controller.reply_finished, timeout=60_000):
        press(qtbot, win, "Ctrl+R")
    second = model.records()[-1]
    assert second.id != first.id and model.index(model.rowCount() - 1).data(SiblingRole) == (2, 2)
    press(qtbot, win, "Alt+Left")
    qtbot.waitUntil(lambda: model.records()[-1].id == first.id, timeout=10_000)
    press(qtbot, win, "Alt+Right")
    qtbot.waitUntil(lambda: model.records()[-1].id == second.id, timeout=10_000)

    # Copy the reply (Ctrl+Shift+C).
    QGuiApplication.clipboard().clear()
    press(qtbot, win, "Ctrl+Shift+C")
    assert QGuiApplication.clipboard().text() == model.records()[-1].content

    # Edit the last message (Up in the empty message box): the dialog opens with it, the edit is sent.
    asked = answer_modal(qtbot, lambda dlg: (dlg.editor.setPlainText("Name a fruit."), dlg.accept()))
    with qtbot.waitSignal(win.controller.reply_finished, timeout=60_000):
        win.composer.edit.setFocus()
        qtbot.keyClick(win.composer.edit, Qt.Key.Key_Up)
    assert isinstance(asked[0], EditMessageDialog)
    assert [r.content for r in model.records() if r.role == "user"] == ["Name a fruit."]

    # Reply info (Ctrl+I).
    press(qtbot, win, "Ctrl+I")
    qtbot.waitUntil(lambda: bool(visible_dialogs("replyInfoDialog")), timeout=5000)
    visible_dialogs("replyInfoDialog")[0].close()

    # Moving between panes (F6 / Shift+F6): chat list, conversation, message box.
    win.composer.edit.setFocus()
    press(qtbot, win, "F6")
    assert win.sidebar.list.hasFocus()
    press(qtbot, win, "F6")
    assert view.hasFocus()
    press(qtbot, win, "Shift+F6")
    assert win.sidebar.list.hasFocus()

    # Search (Ctrl+K), chat settings (Ctrl+Shift+S), new chat (Ctrl+N).
    press(qtbot, win, "Ctrl+K")
    assert win.sidebar.search.hasFocus()
    press(qtbot, win, "Ctrl+Shift+S")
    assert win.chat_settings.dock.isVisible() and win.chat_settings.panel.preset_combo.hasFocus()
    before = win.controller.current_id
    press(qtbot, win, "Ctrl+N")
    assert win.controller.current_id != before and win.composer.edit.hasFocus()


def test_preferences_presets_and_shortcuts_open_from_the_keyboard(qtbot, window):
    win = window
    for sequence, expected in (("Ctrl+,", "preferencesDialog"), ("Ctrl+Shift+P", "presetDialog")):
        seen = answer_modal(qtbot, lambda dlg: dlg.reject())
        press(qtbot, win, sequence)
        qtbot.waitUntil(lambda s=seen: bool(s), timeout=10_000)
        assert seen[0].objectName() == expected
    press(qtbot, win, "Ctrl+/")
    qtbot.waitUntil(lambda: bool(visible_dialogs("shortcutsDialog")), timeout=5000)
    dialog = visible_dialogs("shortcutsDialog")[0]
    rows = dialog.rows()
    keys = {k for _group, _what, k in rows}
    native = {QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in
              ("Ctrl+N", "Ctrl+K", "Esc", "Ctrl+R", "Ctrl+Shift+E", "Ctrl+Shift+C", "Ctrl+I", "Alt+Left", "Alt+Right",
               "Ctrl+Shift+S", "Ctrl+Shift+P", "Ctrl+,", "Ctrl+0", "F6")}
    assert native <= {part for k in keys for part in k.split(", ")}
    whats = [what for _group, what, _k in rows]
    assert "Send the message" in whats and "New line" in whats
    # Every menu entry with a shortcut is listed, so the list cannot fall behind the menus.
    in_menus = {a.text().replace("&", "").rstrip("…") for m in win.menuBar().findChildren(type(win.chat_menu))
                for a in m.actions() if not a.shortcut().isEmpty()}
    assert in_menus <= set(whats)
    assert unnamed(dialog) == []


def test_esc_stops_a_reply_from_the_message_box(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=400)
    try:
        win.composer.edit.setFocus()
        with qtbot.waitSignal(win.controller.reply_finished, timeout=60_000):
            with qtbot.waitSignal(win.inference.worker.token_received, timeout=60_000):
                win.composer.edit.setPlainText("Write a long story about a lighthouse.")
                qtbot.keyClick(win.composer.edit, Qt.Key.Key_Return)
            qtbot.keyClick(win.composer.edit, Qt.Key.Key_Escape)
        assert win.chat_view.model_.records()[-1].status == Status.STOPPED
    finally:
        win.close()
        store.close()


# ------------------------------------------------------------------------------ screen readers
def test_a_finished_reply_is_announced_once_not_token_by_token(qtbot, window):
    win = window
    announced: list[str] = []
    tokens: list[int] = []
    win.announcer.announced.connect(announced.append)
    # While the reply streams nothing is announced: checked at every piece of text that arrives.
    win.inference.worker.token_received.connect(lambda *_: tokens.append(len(announced)))
    send(qtbot, win, "Say hello in one sentence.")
    reply = win.chat_view.model_.records()[-1]
    assert len(tokens) > 1 and set(tokens) == {0}
    assert len(announced) == 1
    assert announced[0].startswith("Reply finished.") and reply.content.strip()[:40] in announced[0]
    send(qtbot, win, "And goodbye?")
    assert len(announced) == 2


# ------------------------------------------------------------------------------ text size
def test_text_size_follows_the_system_scales_with_ctrl_plus_minus_and_is_remembered(qtbot, window, data_dir):
    win = window
    send(qtbot, win, "Hello")
    base = QApplication.font().pointSizeF()
    view, model = win.chat_view, win.chat_view.model_
    assert view.font().pointSizeF() == pytest.approx(base) and win.composer.edit.font().pointSizeF() == pytest.approx(base)
    row_before = view.visualRect(model.index(model.rowCount() - 1)).height()

    win.composer.edit.setFocus()
    press(qtbot, win, "Ctrl++")
    press(qtbot, win, "Ctrl+=")  # the same key without Shift, as most keyboards need
    assert win.settings.text_scale == 120
    for widget in (view, win.composer.edit, win.sidebar.list):
        assert widget.font().pointSizeF() == pytest.approx(base * 1.2)
    qtbot.waitUntil(lambda: view.visualRect(model.index(model.rowCount() - 1)).height() > row_before, timeout=5000)
    assert json.loads((data_dir / "settings.json").read_text("utf-8"))["text_scale"] == 120
    assert load_settings().text_scale == 120

    press(qtbot, win, "Ctrl+-")
    assert win.settings.text_scale == 110
    press(qtbot, win, "Ctrl+0")
    assert win.settings.text_scale == 100 and view.font().pointSizeF() == pytest.approx(base)

    # The desktop's font grows (a system setting): the conversation follows, at the chosen scale.
    original = QApplication.font()
    bigger = QFont(original)
    bigger.setPointSizeF(base + 4)
    press(qtbot, win, "Ctrl++")
    try:
        QApplication.setFont(bigger)
        assert view.font().pointSizeF() == pytest.approx((base + 4) * 1.1)
        assert win.composer.edit.font().pointSizeF() == pytest.approx((base + 4) * 1.1)
    finally:
        QApplication.setFont(original)
