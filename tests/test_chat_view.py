"""Pure-GUI tests of the conversation view (no model needed)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from chatdesk.store import MessageRecord, Status
from chatdesk.ui.chat_view import ChatView
from chatdesk.ui.code_highlight import highlight_code_blocks
from chatdesk.ui.message_model import MAX_REPAINT_HZ, MessageListModel


def rec(i: int, role: str, content: str, status: str = Status.DONE) -> MessageRecord:
    return MessageRecord(i, f"u{i}", 1, i - 1 or None, role, content, status, 0.0, 0.0)


def test_code_blocks_are_coloured_by_language(qtbot):
    doc = QTextDocument()
    doc.setMarkdown("```python\ndef f(x):\n    return x  # c\n```\n\n```nosuchlang\nplain\n```")
    assert highlight_code_blocks(doc) == 1
    html = doc.toHtml()
    assert "color:#008000" in html  # Pygments' default keyword colour on `def`/`return`


def test_streamed_text_is_batched_into_bounded_repaints(qtbot):
    model = MessageListModel()
    model.set_messages([rec(1, "user", "hi"), rec(2, "assistant", "", Status.STREAMING)])
    for _ in range(500):
        model.append_text(2, "x")
    assert model.records()[1].content == ""  # nothing applied until the timer fires
    qtbot.waitUntil(lambda: model.records()[1].content == "x" * 500, timeout=2000)
    assert model.repaints <= 2
    started = time.monotonic()
    for _ in range(20):
        model.append_text(2, "y")
        qtbot.wait(5)
    qtbot.waitUntil(lambda: model.records()[1].content.endswith("y" * 20), timeout=2000)
    elapsed = time.monotonic() - started
    assert model.repaints - 1 <= MAX_REPAINT_HZ * elapsed + 2


def test_five_thousand_messages_open_without_laying_out_all(qtbot):
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    rows = [rec(i, "user" if i % 2 else "assistant", f"message **{i}** " * 20) for i in range(1, 5001)]
    view.show_messages(rows)
    assert view.model_.rowCount() == 200  # the newest page; older ones load on scroll
    # Only a window of documents is ever built: the cache stays bounded.
    assert len(view.delegate._docs) <= 400
    qtbot.waitUntil(lambda: view.indexAt(view.viewport().rect().center()).isValid(), timeout=10_000)


def test_long_conversation_opens_at_newest_and_loads_older_on_scroll(qtbot):
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    rows = [rec(i, "user" if i % 2 else "assistant", f"message {i}") for i in range(1, 5001)]
    view.show_messages(rows)
    model = view.model_
    assert model.rowCount() == 200 and model.hidden_count == 4800
    last = model.index(model.rowCount() - 1)
    qtbot.waitUntil(lambda: view.visualRect(last).isValid() and view.viewport().rect().intersects(view.visualRect(last)), timeout=10_000)
    view.verticalScrollBar().setValue(0)  # scrolling to the top reveals the previous page
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=5000)
    assert model.index(0).data(Qt.ItemDataRole.DisplayRole) == "message 4601"
    # A search hit far back is revealed and centred.
    view.show_messages(rows, focus_id=10)
    assert model.row_of(10) >= 0 and view.currentIndex().row() == model.row_of(10)
