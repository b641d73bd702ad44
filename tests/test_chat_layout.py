"""The chat view's layout: messages keep a reading width, centred, and a new chat offers
suggestions that fill the message box (the real window with the real model for the last one)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from tests_gui_support import make_window

from chatdesk.store import MessageRecord, Status
from chatdesk.ui.common.spacing import READING_WIDTH
from chatdesk.ui.conversation.chat_view import ChatView
from chatdesk.ui.conversation.empty_state import SUGGESTIONS
from chatdesk.ui.conversation.message_delegate import MARGIN, PAD, body_origin, body_width, bubble_rect


def rec(i: int, role: str, content: str) -> MessageRecord:
    return MessageRecord(i, f"u{i}", 1, i - 1 or None, role, content, Status.DONE, 0.0, 0.0)


def view_of(qtbot, width: int, rows: list[MessageRecord]) -> ChatView:  # type: ignore[no-untyped-def]
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(width, 600)
    view.show()
    view.show_messages(rows)
    if rows:
        qtbot.waitUntil(lambda: view.visualRect(view.model_.index(len(rows) - 1)).isValid(), timeout=10_000)
    return view


def test_a_wide_view_keeps_messages_at_the_reading_width_centred(qtbot):
    long = "A sentence that goes on and on. " * 80
    view = view_of(qtbot, 1800, [rec(1, "user", "q"), rec(2, "assistant", long)])
    row = view.visualRect(view.model_.index(1))
    assert row.width() > READING_WIDTH + 200
    bubble = bubble_rect(row)
    assert bubble.width() == READING_WIDTH + 2 * PAD
    assert abs(bubble.center().x() - row.center().x()) <= 1
    assert body_width(row.width()) == READING_WIDTH
    # The live reader over the hovered reply sits in the same column as the painted text.
    target = body_origin(row) + QPoint(3, 3)
    qtbot.mouseMove(view.viewport(), target + QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), target)
    qtbot.waitUntil(lambda: view.reader.isVisible(), timeout=5000)
    assert view.reader.geometry().left() == bubble.left() + PAD and view.reader.width() <= READING_WIDTH


def test_a_narrow_view_uses_its_whole_width():
    assert body_width(500) == 500 - 2 * (PAD + MARGIN)


def test_a_new_chat_offers_suggestions_until_its_first_message(qtbot):
    view = view_of(qtbot, 800, [])
    empty = view.empty_state
    qtbot.waitUntil(empty.isVisible, timeout=5000)
    assert [b.text() for b in empty.buttons] == list(SUGGESTIONS) and 3 <= len(empty.buttons) <= 4
    assert all(b.accessibleName() and b.toolTip() for b in empty.buttons)
    with qtbot.waitSignal(view.suggestion_chosen, timeout=2000) as sig:
        qtbot.mouseClick(empty.buttons[1], Qt.MouseButton.LeftButton)
    assert sig.args == [SUGGESTIONS[1]]
    empty.buttons[2].setFocus()
    with qtbot.waitSignal(view.suggestion_chosen, timeout=2000) as sig:
        qtbot.keyClick(empty.buttons[2], Qt.Key.Key_Space)
    assert sig.args == [SUGGESTIONS[2]]
    view.show_messages([rec(1, "user", "hello")])
    qtbot.waitUntil(lambda: not empty.isVisible(), timeout=5000)
    view.show_messages([])
    qtbot.waitUntil(empty.isVisible, timeout=5000)


def test_a_suggestion_fills_the_message_box_of_the_window_and_is_not_sent(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path)
    try:
        win.new_conversation()
        empty = win.chat_view.empty_state
        qtbot.waitUntil(empty.isVisible, timeout=10_000)
        qtbot.mouseClick(empty.buttons[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: win.composer.edit.toPlainText() == SUGGESTIONS[0], timeout=5000)
        assert win.composer.edit.hasFocus() or not win.isActiveWindow()
        assert win.chat_view.model_.rowCount() == 0, "a suggestion is not sent by itself"
    finally:
        win.close()
        store.close()
