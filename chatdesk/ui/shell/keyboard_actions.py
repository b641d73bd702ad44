"""Window actions that make ChatDesk work from the keyboard alone, and the text size.

The main window calls ``install(window)`` once, after the chat settings panel exists. It registers
(by id; ``shell.menus`` places them in the Chat, View and Help menus) what the conversation view offers on a message (regenerate, edit, copy,
switch versions, reply info) for the message the keyboard is on — the focused message in the
conversation, else the latest one — plus F6 / Shift+F6 to move between the chat list, the
conversation and the message box; View actions to scale the text (Ctrl +, Ctrl −, Ctrl 0); and
Help → Keyboard shortcuts (``shortcuts_dialog``).

Text size follows the desktop's font and is scaled by ``AppSettings.text_scale`` (percent) in the
conversation, the message box and the chat list; it is saved with the settings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from chatdesk.settings import TEXT_SCALE_DEFAULT, TEXT_SCALE_MAX, TEXT_SCALE_MIN
from chatdesk.store import MessageRecord, Status
from chatdesk.ui.conversation.message_model import RecordRole

if TYPE_CHECKING:
    from chatdesk.ui.shell.main_window import MainWindow

TEXT_SCALE_STEP = 10  # percent per Ctrl + / Ctrl −


class KeyboardActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        reg = window.action_registry

        def add(action_id: str, text: str, slot, name: str, *keys: QKeySequence) -> QAction:
            return reg.add(action_id, text, slot, shortcuts=keys, object_name=name, window_shortcut=True)

        self.regenerate = add("message.regenerate_last", self.tr("Re&generate last reply"),
                              lambda: self._on_message("regenerate", "assistant"), "regenerateLast", QKeySequence("Ctrl+R"))
        self.edit = add("message.edit_last", self.tr("&Edit last message…"), lambda: self._on_message("edit", "user"),
                        "editLast", QKeySequence("Ctrl+Shift+E"))
        self.copy = add("message.copy_reply", self.tr("&Copy reply"), lambda: self._on_message("copy", "assistant"),
                        "copyReply", QKeySequence("Ctrl+Shift+C"))
        self.previous_version = add("message.previous_version", self.tr("Pre&vious version"), lambda: self._step(-1),
                                    "previousVersion", QKeySequence("Alt+Left"))
        self.next_version = add("message.next_version", self.tr("Ne&xt version"), lambda: self._step(1),
                                "nextVersion", QKeySequence("Alt+Right"))
        self.info = add("message.info", self.tr("Reply &info…"), lambda: self._on_message("info", "assistant"),
                        "replyInfo", QKeySequence("Ctrl+I"))
        self.zoom_in = add("view.zoom_in", self.tr("Zoom &in"), lambda: self.zoom(TEXT_SCALE_STEP), "zoomIn",
                           QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+="))
        self.zoom_out = add("view.zoom_out", self.tr("Zoom &out"), lambda: self.zoom(-TEXT_SCALE_STEP), "zoomOut",
                            QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.zoom_reset = add("view.zoom_reset", self.tr("&Actual size"), lambda: self.set_text_scale(TEXT_SCALE_DEFAULT),
                              "zoomReset", QKeySequence("Ctrl+0"))
        self.next_pane = add("view.next_pane", self.tr("&Next pane"), lambda: self.cycle_focus(1), "nextPane", QKeySequence("F6"))
        self.previous_pane = add("view.previous_pane", self.tr("P&revious pane"), lambda: self.cycle_focus(-1), "previousPane",
                                 QKeySequence("Shift+F6"))
        self.shortcuts = add("help.shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts, "keyboardShortcuts",
                             QKeySequence("Ctrl+/"), QKeySequence(QKeySequence.StandardKey.HelpContents))
        window.composer.edit_last_requested.connect(lambda: self._on_message("edit", "user"))
        self._dialog = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._desktop_font_changed)  # a bound slot: it goes with the window
        self.apply_text_scale()

    # ------------------------------------------------------------------ the message in question
    def target(self, role: str | None = None) -> MessageRecord | None:
        """The message the keyboard is on (the conversation's current message, or the reader's,
        while focus is in the conversation), else the latest message with ``role``."""
        view = self.window.chat_view
        focus = QApplication.focusWidget()
        if focus is not None and (focus is view or view.isAncestorOf(focus)):
            reader = view.reader
            if focus is reader and reader.record is not None:
                return reader.record
            index = view.currentIndex()
            if index.isValid():
                rec = index.data(RecordRole)
                if role is None or rec.role == role:
                    return rec
        for rec in reversed(view.model_.records()):
            if (role is None or rec.role == role) and rec.status != Status.STREAMING:
                return rec
        return None

    def _on_message(self, action: str, role: str) -> None:
        rec = self.target(role)
        if rec is not None:
            self.window.chat_view.trigger(action, rec.id)

    def _step(self, step: int) -> None:
        view = self.window.chat_view
        rec = self.target()
        if rec is None or not view.model_.siblings_of(rec.id):
            rec = next((r for r in reversed(view.model_.records()) if view.model_.siblings_of(r.id)), None)
        if rec is not None and rec.status != Status.STREAMING:
            view.delegate.sibling_step.emit(rec.id, step)

    # ------------------------------------------------------------------ focus
    def panes(self) -> list[QWidget]:
        w = self.window
        return [w.sidebar.list, w.chat_view, w.composer.edit]

    def cycle_focus(self, step: int) -> None:
        panes = [p for p in self.panes() if p.isVisible()]
        if not panes:
            return
        focus = QApplication.focusWidget()
        at = next((i for i, p in enumerate(panes) if focus is not None and (focus is p or p.isAncestorOf(focus))), -1)
        target = panes[(at + step) % len(panes)] if at >= 0 else panes[0 if step > 0 else -1]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------------ text size
    def text_widgets(self) -> list[QWidget]:
        w = self.window
        return [w.chat_view, w.composer.edit, w.sidebar.list]

    @property
    def text_scale(self) -> int:
        return self.window.settings.text_scale

    def zoom(self, step: int) -> None:
        self.set_text_scale(self.text_scale + step)

    def set_text_scale(self, percent: int) -> None:
        percent = max(TEXT_SCALE_MIN, min(TEXT_SCALE_MAX, int(percent)))
        if percent != self.text_scale:
            self.window.apply_settings(replace(self.window.settings, text_scale=percent))  # saved, and applied
        else:
            self.apply_text_scale()

    def _desktop_font_changed(self, _font: QFont) -> None:
        self.apply_text_scale()

    def apply_text_scale(self) -> None:
        """The desktop's font size times the scale, on the conversation, message box and chat list."""
        base = QApplication.font()
        percent = self.text_scale
        for widget in self.text_widgets():
            font = QFont(widget.font())
            if base.pointSizeF() > 0:
                font.setPointSizeF(base.pointSizeF() * percent / 100)
            else:
                font.setPixelSize(max(6, round(base.pixelSize() * percent / 100)))
            widget.setFont(font)
        self.window.composer.set_text_height(self.window.composer.edit.fontMetrics().lineSpacing())
        view = self.window.chat_view
        view.scheduleDelayedItemsLayout()
        view.viewport().update()
        self.zoom_in.setEnabled(percent < TEXT_SCALE_MAX)
        self.zoom_out.setEnabled(percent > TEXT_SCALE_MIN)

    # ------------------------------------------------------------------ help
    def show_shortcuts(self) -> None:
        from chatdesk.ui.shell.shortcuts_dialog import ShortcutsDialog

        if self._dialog is None:
            self._dialog = ShortcutsDialog(self.window)
        self._dialog.refresh()
        self._dialog.show()
        self._dialog.raise_()
        self._dialog.activateWindow()


def install(window: MainWindow) -> KeyboardActions:
    return KeyboardActions(window)
