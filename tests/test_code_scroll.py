"""Code blocks in the chat view keep their lines: a line longer than the message is not
soft-wrapped but scrolls sideways in the message's reader (its horizontal scroll bar, a sideways
wheel or Shift+wheel), the painted row ends at the message's edge, the Copy link stays in view,
and copying gives the original text. Real ChatView, offscreen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from test_chat_view import hover, reader_point, rec, shown

from chatdesk.ui.conversation import message_body

LONG = "total = compute_the_total(first_argument, second_argument, third_argument, fourth_argument) + 1  # end-of-line"
REPLY = f"Here it is:\n\n```python\n{LONG}\nprint(total)\n```\n\nA short paragraph after it."


def block_of(doc, text: str):
    block = doc.begin()
    while block.isValid():
        if text in block.text():
            return block
        block = block.next()
    raise AssertionError(f"{text!r} not in the document")


def test_a_long_code_line_is_not_wrapped_and_scrolls_sideways(qtbot):
    view = shown(qtbot, [rec(1, "user", "code please"), rec(2, "assistant", REPLY)])
    view.resize(520, 500)
    hover(qtbot, view, 1)
    reader = view.reader
    body = reader.body
    doc = reader.document()
    # One line on screen per line of code, however narrow the message.
    assert block_of(doc, "end-of-line").layout().lineCount() == 1
    assert block_of(doc, "end-of-line").text() == LONG
    # The paragraph after the code still wraps to the message's width.
    assert doc.size().width() > body.width and body.overflow
    assert body.height >= body.text_height + message_body.SCROLL_ROOM
    # The reader scrolls sideways: its scroll bar, and a sideways wheel.
    bar = reader.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.isVisible(), timeout=5000)
    assert reader.viewport().height() >= body.text_height - 1  # the scroll bar takes the room below, not the text's
    event = QWheelEvent(QPointF(20, 20), QPointF(reader.viewport().mapToGlobal(QPoint(20, 20))), QPoint(), QPoint(-240, 0),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QGuiApplication.sendEvent(reader.viewport(), event)
    assert bar.value() > 0
    # The Copy link is at the block's start, in view at every scroll position, and copies the source.
    bar.setValue(0)
    QGuiApplication.clipboard().setText("before")
    with qtbot.waitSignal(reader.code_copied, timeout=2000):
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=reader_point(view, "chatdesk-copy:0"))
    assert QGuiApplication.clipboard().text() == f"{LONG}\nprint(total)"
    assert reader_point(view, "chatdesk-copy:0").x() < body.width


def test_the_painted_row_ends_at_the_message_edge(qtbot):
    view = shown(qtbot, [rec(1, "user", "code please"), rec(2, "assistant", REPLY)])
    view.resize(520, 500)
    qtbot.wait(50)
    image = view.viewport().grab().toImage()
    # Nothing of the long line is painted past the bubble: the right margin keeps the view's colour.
    rect = view.visualRect(view.model_.index(1))
    margin_x = rect.right() - 2
    base = image.pixelColor(margin_x, rect.top() + 2)
    for y in range(rect.top() + 4, rect.bottom() - 4, 2):
        assert image.pixelColor(margin_x, y) == base, y


def test_short_code_needs_no_scrolling(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", "```\nx = 1\n```")])
    hover(qtbot, view, 1)
    body = view.reader.body
    assert not body.overflow and body.height == body.text_height
    assert view.reader.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert QPoint(0, 0) == QPoint(view.reader.horizontalScrollBar().value(), 0)
