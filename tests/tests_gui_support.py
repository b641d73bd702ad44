"""Helpers shared by the window tests."""

from __future__ import annotations

from PySide6.QtCore import Qt

from chatdesk.engine import SamplingSettings
from chatdesk.settings import AppSettings
from chatdesk.store import Store
from chatdesk.ui.shell.main_window import MainWindow


def make_window(qtbot, data_dir, model_path, max_tokens=48, start=True):
    store = Store(data_dir / "chatdesk.sqlite3")
    settings = AppSettings(sampling=SamplingSettings(max_tokens=max_tokens))
    win = MainWindow(store, settings, model_path)
    qtbot.addWidget(win)
    win.show()
    if start:
        with qtbot.waitSignal(win.inference.worker.load_finished, timeout=60_000):
            win.start()
    return win, store


def send_message(qtbot, win, text):
    """What a person does to send: the text in the message box, then Return."""
    win.composer.edit.setPlainText(text)
    qtbot.keyClick(win.composer.edit, Qt.Key.Key_Return)
    assert not win.composer.edit.toPlainText(), "the message box did not send (busy or no model?)"
