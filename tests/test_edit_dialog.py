"""The edit-message dialog is a real editor: it wraps, Tab leaves the field, Ctrl+Enter saves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from chatdesk.ui.conversation.edit_dialog import EditMessageDialog


def test_the_editor_wraps_and_tab_moves_the_focus(qtbot):
    dlg = EditMessageDialog("a long question " * 40)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert dlg.editor.horizontalScrollBar().maximum() == 0  # no sideways scrolling: the text wraps
    dlg.editor.setFocus()
    qtbot.waitUntil(dlg.editor.hasFocus)
    qtbot.keyClick(dlg.editor, Qt.Key.Key_Tab)
    assert not dlg.editor.hasFocus() and "\t" not in dlg.text()


def test_ctrl_enter_saves_and_esc_cancels(qtbot):
    dlg = EditMessageDialog("first")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.editor.setPlainText("changed")
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        qtbot.keyClick(dlg.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.text() == "changed"

    other = EditMessageDialog("keep")
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitSignal(other.rejected, timeout=5000):
        qtbot.keyClick(other.editor, Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected
