"""Chinese and English: the translations are complete, load, and leave no English in the Chinese
interface.

Two checks, as a translator would make them. The first runs pyside6-lupdate over the code into a
copy of the .ts files (scripts/i18n.py) and fails on any string without a finished Chinese
translation, any entry the code no longer has, a call lupdate cannot read, or a .qm not compiled
from its .ts. The second builds the real window with the real model and the Chinese translators,
chats once, brings up the common notices, opens every dialog the window offers, and walks every
widget, menu, tool bar, tooltip, placeholder and window title for text that still looks English.
"""

# ruff: noqa: F811  (tests take the `chinese` fixture imported from i18n_support as an argument)
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from i18n_support import chinese, i18n_tool  # noqa: F401  (chinese is a fixture)
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from tests_gui_support import make_window
from ui_walk_support import all_texts, english_left, menu_texts

from chatdesk.archive import ImportReport
from chatdesk.settings import DEFAULT_SYSTEM_PROMPT, AppSettings
from chatdesk.ui.app import i18n
from chatdesk.ui.conversation.message_delegate import ROLE_LABEL, STATUS_NOTE, role_label, status_note
from chatdesk.ui.inference.worker import LoadFailure

ROOT = Path(__file__).resolve().parent.parent




# ------------------------------------------------------------------------------ the catalogues
def test_every_string_in_the_code_has_a_finished_chinese_translation():
    assert i18n_tool.problems() == []


def test_strings_shown_from_tables_are_in_the_translations():
    """Labels kept in tables and translated through a variable (``_tr(spec.label)``) reach the .ts
    only when marked (QT_TRANSLATE_NOOP where they are defined, or chatdesk/ui/app/i18n_markers.py)."""
    from chatdesk.library import SUGGESTED_MODELS
    from chatdesk.store import Status
    from chatdesk.ui.conversation.message_actions import ACTIONS
    from chatdesk.ui.conversation.token_view import SAMPLER_LABELS

    shown = {("ChatView", t) for t in (*ROLE_LABEL.values(), *STATUS_NOTE.values(), *Status.ALL)}
    shown |= {("MessageActions", t) for a in ACTIONS for t in (a.label, a.menu_label, a.tip)}
    shown |= {("TokenView", t) for t in SAMPLER_LABELS.values()}
    shown |= {("DownloadDialog", s.note) for s in SUGGESTED_MODELS}
    in_ts = {(e.context, e.source) for e in i18n_tool.read_ts(i18n_tool.ts_file("zh_CN")) if not e.state}
    assert sorted(shown - in_ts) == []


def test_the_translations_ship_in_assets():
    for language in i18n.SUPPORTED:
        qm = i18n.catalog_file(language)
        assert qm.is_file() and qm.stat().st_size > 0, qm
        assert qm.parent == i18n_tool.I18N  # the folder setup.py and chatdesk.spec ship
    spec = (ROOT / "chatdesk.spec").read_text("utf-8")
    assert "qtbase_zh_CN" in spec, "the bundle must keep Qt's own Chinese translation"


# ------------------------------------------------------------------------------ choosing a language
@pytest.mark.parametrize("system, choice, expected", [
    ("zh_CN", "system", "zh_CN"),
    ("zh_SG", "system", "zh_CN"),
    ("zh_TW", "system", "en"),  # Traditional Chinese is not translated
    ("en_GB", "system", "en"),
    ("de_DE", "system", "en"),
    ("zh_CN", "en", "en"),  # Preferences overrides the desktop
    ("en_US", "zh_CN", "zh_CN"),
])
def test_language_follows_the_system_unless_preferences_choose(system, choice, expected):
    assert i18n.resolve_language(choice, QLocale(system)) == expected


def test_chinese_translators_make_qt_and_chatdesk_speak_chinese(qapp, chinese):
    names = {p.name for p in chinese.loaded}
    assert chinese.language == "zh_CN" and "chatdesk_zh_CN.qm" in names
    assert "qtbase_zh_CN.qm" in names, "Qt's own Chinese strings (QMessageBox, QFileDialog) were not found"
    assert QLocale().name() == "zh_CN"
    box = QMessageBox(QMessageBox.Icon.Question, "t", "q", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    texts = [b.text() for b in box.buttons()] + [b.text() for b in buttons.buttons()]
    assert all(english_left(t) == [] for t in texts), texts
    from chatdesk.ui.shell.composer import Composer

    composer = Composer()
    assert composer.send_button.text() == "发送" and composer.stop_button.text() == "停止"
    for w in (box, buttons, composer):
        w.deleteLater()


def test_english_plurals_come_from_the_english_catalogue(qapp):
    before = QLocale()
    try:
        installed = i18n.install(qapp, "en")
        assert [p.name for p in installed.loaded] == ["chatdesk_en.qm"]
        from chatdesk.ui.shell.chat_list import ChatList

        one = QApplication.translate("ChatList", "Deleted %n chat(s).", "", 1)
        three = QApplication.translate("ChatList", "Deleted %n chat(s).", "", 3)
        assert (one, three) == ("Deleted 1 chat.", "Deleted 3 chats.")
        assert ChatList  # the context is the chat list's class
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(before)


def test_a_missing_translation_costs_words_not_the_start(qapp, monkeypatch, tmp_path, capfd):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    before = QLocale()
    try:
        installed = i18n.install(qapp, "zh_CN")
        assert installed.language == "zh_CN" and all(p.name != "chatdesk_zh_CN.qm" for p in installed.loaded)
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(before)
    assert "is missing; ChatDesk speaks English" in capfd.readouterr().err


# ------------------------------------------------------------------------------ nothing English left
# Data that reaches the screen in the test: the bundled model's facts, the reply (English: the model
# writes it), the default system prompt.
DATA_WORDS = {"SmolLM2", "Instruct", "llama", "apache", "Qwen"}
DATA_TEXTS = {DEFAULT_SYSTEM_PROMPT}


def _english(pairs, skip=()) -> list[str]:
    out = []
    for where, text in pairs:
        if any(where.startswith(s) for s in skip) or text in DATA_TEXTS:
            continue
        left = english_left(text, DATA_WORDS)
        if left:
            out.append(f"{where}: {text!r} -> {left}")
    return out


def _top_levels() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_the_chinese_interface_has_no_english_left(qtbot, data_dir, model_path, chinese, tmp_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=16)
    try:
        _exercise_and_check(qtbot, win, store, tmp_path)
    finally:
        for w in QApplication.topLevelWidgets():
            if w is not win and w.isVisible():
                w.close()
        win.close()
        store.close()


def _exercise_and_check(qtbot, win, store, tmp_path) -> None:
    from chatdesk.ui.conversation.message_info import show_message_info
    from chatdesk.ui.shell.settings_dialog import SettingsDialog
    from chatdesk.ui.shell.transcript_actions import import_summary

    problems: list[str] = []
    notices = []
    # A real reply, so the status bar, the action bar and reply info have something to show; while
    # it is written, asking for another is refused in words.
    with qtbot.waitSignal(win.controller.reply_finished, timeout=60_000):
        win.composer.edit.setPlainText("你好")
        qtbot.keyClick(win.composer.edit, Qt.Key.Key_Return)
        assert win.controller.busy
        win.keyboard.regenerate.trigger()  # Ctrl+R on the reply being written
        notices.append(("banner while a reply is written", win.banner.text() or win.notice.text()))
    reply = win.chat_view.model_.records()[-1]

    # The conversation: painted labels, the message actions (bar and context menu), the reader.
    for role in ROLE_LABEL:
        problems += _english([("role label", role_label(role))])
    for status in STATUS_NOTE:
        problems += _english([("status note", status_note(status))])
    view = win.chat_view
    row = view.model_.row_of(reply.id)
    pos = view.visualRect(view.model_.index(row)).center()
    menu = view.context_menu(pos)
    problems += _english(menu_texts(menu, "message menu"))
    problems += _english([("message accessible description", view.model_.index(row).data(Qt.ItemDataRole.AccessibleDescriptionRole))])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    win.refresh_sidebar()
    item = win.sidebar.list.item(0)
    problems += _english(menu_texts(win.sidebar.menu_for(item), "chat menu"))
    win.sidebar.show_hits([])  # "no messages match"
    problems += _english(all_texts(win.sidebar))
    win.refresh_sidebar()

    # Messages for common situations, each as the user reads it.
    win.keyboard.set_text_scale(120)
    conv = store.create_conversation("旧对话")
    win.delete_conversations([conv.id], confirm=False)
    notices.append(("notice after deleting", win.notice.text()))
    notices.append(("undo button", win.notice.action_button.text()))
    info = win.controller.model_info
    win.inference.worker.load_failed.emit(LoadFailure("/models/x.gguf", "", None))  # the engine's own words are not the window's
    notices.append(("banner after a failed load", win.banner.text()))
    notices.append(("model label without a model", win.model_label.text()))
    win.inference.worker.load_finished.emit(info)
    notices.append(("status after loading", win.stats_label.text()))
    notices.append(("import report", import_summary(ImportReport(conversations_in_file=2, new_conversations=2, new_messages=7))))
    notices.append(("import report (nothing new)", import_summary(ImportReport(new_conversations=0, new_messages=0, conversations_in_file=3))))
    win.apply_settings(AppSettings(**{**win.settings.__dict__, "language": "en"}))
    notices.append(("after choosing a language", win.notice.text()))
    problems += _english(notices)

    # Dialogs: Preferences (with the prompt format of a model without a chat template), reply info,
    # the model library with Hub downloads and a server, checkpoint import, presets, shortcuts.
    plain = dataclasses.replace(info, has_chat_template=False)
    prefs = SettingsDialog(win.settings, plain, win)
    qtbot.addWidget(prefs)
    for i in range(prefs.tabs.count()):
        prefs.tabs.setCurrentIndex(i)
    problems += _english(all_texts(prefs))
    problems += _english(all_texts(show_message_info(win, store.get_message(reply.id))))
    for name in ("showLibrary", "downloadModel", "connectServer"):
        next(a for a in win.findChildren(type(win.keyboard.zoom_in)) if a.objectName() == name).trigger()
    win.import_checkpoint()
    win.chat_settings.dock.show()
    from chatdesk.ui.conversation.preset_dialog import PresetDialog

    presets = PresetDialog(store, "zh_CN", win.chat_settings.panel._collect(), win)
    qtbot.addWidget(presets)
    presets.show()
    win.keyboard.shortcuts.trigger()
    from chatdesk.ui.shell.model_actions import actions_of

    library = actions_of(win).library_window
    qtbot.waitUntil(lambda: len(library.entries()) >= 1 and not library.busy, timeout=30_000)  # its rows are read in the background
    for top in _top_levels():
        skip = ["ChatView(chatView) item"] if top is win else []
        problems += _english(all_texts(top), skip)
        problems += [f"{type(top).__name__}: {p}" for p in _english(
            [(f"{top.objectName()} menu", t) for m in top.findChildren(type(menu)) for _w, t in menu_texts(m)])]
    problems += _english((f"menu bar › {w}", t) for a in win.menuBar().actions() for w, t in menu_texts(a.menu()))
    problems = sorted(set(problems))
    assert not problems, "English left in the Chinese interface:\n" + "\n".join(problems)


def test_start_up_speaks_the_saved_language_before_the_window_is_built(qapp, tmp_path, data_dir):
    from PySide6.QtCore import QTimer

    from chatdesk.settings import save_settings
    from chatdesk.ui.app.startup import run_gui

    save_settings(AppSettings(language="zh_CN"))
    seen = {}

    def look_and_close():
        win = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible())
        seen["menus"] = [a.text() for a in win.menuBar().actions()]
        seen["locale"] = QLocale().name()
        qapp.closeAllWindows()

    QTimer.singleShot(0, look_and_close)
    try:
        assert run_gui(model=str(tmp_path / "absent.gguf")) == 0
    finally:
        qapp.setStyleSheet("")
    assert seen["menus"][:2] == ["文件(&F)", "对话(&C)"] and seen["locale"] == "zh_CN"
    # Afterwards the application speaks English again (it may live on, as it does here).
    assert QApplication.translate("MainWindow", "&File") == "&File"


def test_the_code_block_header_of_a_reply_is_chinese(qtbot, chinese):
    from chatdesk.store import MessageRecord
    from chatdesk.ui.conversation.chat_view import ChatView

    reply = "Use this:\n\n```python\nprint(1)\n```\n"
    view = ChatView()
    qtbot.addWidget(view)
    rec = MessageRecord(id=1, uid="u1", conversation_id=1, parent_id=None, role="assistant", content=reply,
                        status="done", created_at=0.0, updated_at=0.0)
    shown = view.delegate.body(rec, 600, view.font()).document().toPlainText()
    ui_words = [line for line in shown.splitlines() if line.strip() and line.strip() not in reply]
    assert ui_words and all(english_left(line, {"python"}) == [] for line in ui_words), ui_words
