"""Pure-GUI tests of the conversation view (no model needed)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QPoint, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QPalette, QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem

from chatdesk.markdown import render as render_markdown
from chatdesk.markdown.highlight import THEMES
from chatdesk.store import MessageRecord, Status
from chatdesk.transcripts import TranscriptConversation, TranscriptMessage, render
from chatdesk.ui.chat_view import ChatView
from chatdesk.ui.message_model import MAX_REPAINT_HZ, MessageListModel, RecordRole

POEM = "Roses are red,\nViolets are blue,\nSugar is sweet,\nAnd so are you."
CODE_REPLY = ("Two snippets:\n\n```python\ndef f(x):\n    return x  # c\n```\n\n"
              "```bash\necho \"<b>hi</b>\" && ls -la\n\n# trailing comment\n```\n\nDone.")


def rec(i: int, role: str, content: str, status: str = Status.DONE) -> MessageRecord:
    return MessageRecord(i, f"u{i}", 1, i - 1 or None, role, content, status, 0.0, 0.0)


def shown(qtbot, rows: list[MessageRecord]) -> ChatView:
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.show_messages(rows)
    qtbot.waitUntil(lambda: view.visualRect(view.model_.index(len(rows) - 1)).isValid(), timeout=10_000)
    return view


def document(view: ChatView, row: int) -> QTextDocument:
    """The document the delegate paints for ``row`` (same record, width and font as paint())."""
    index = view.model_.index(row)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.font = view.font()
    return view.delegate._document(index.data(RecordRole), view.delegate._body_width(option), option.font)


def anchor_point(view: ChatView, row: int, href: str) -> QPoint:
    """Viewport position of the link ``href`` in ``row``'s bubble, found with Qt's own hit test."""
    doc = document(view, row)
    origin = view.delegate.body_origin(view.visualRect(view.model_.index(row)))
    size = doc.size()
    for y in range(0, int(size.height()), 3):
        for x in range(0, int(size.width()), 3):
            if doc.documentLayout().anchorAt(QPointF(x, y)) == href:
                return origin + QPoint(x, y)
    raise AssertionError(f"no {href} link in {doc.toPlainText()!r}")


def test_assistant_markdown_keeps_line_breaks_escapes_html_and_colours_code(qtbot):
    reply = f"{POEM}\n\nRaw: <b>not bold</b> <script>x</script>\n\n" + CODE_REPLY
    view = shown(qtbot, [rec(1, "user", "a poem please"), rec(2, "assistant", reply)])
    doc = document(view, 1)
    lines = doc.toPlainText().split("\n")
    assert lines[:4] == POEM.split("\n")                        # Qt's Markdown importer joined these
    assert "Raw: <b>not bold</b> <script>x</script>" in lines    # and rendered <b> as bold
    assert "python" in lines and "Copy" in lines                 # the code block's header
    html = doc.toHtml()
    assert "color:#008000" in html                               # Pygments' keyword colour on def/return
    assert 'href="chatdesk-copy:0"' in html and 'href="chatdesk-copy:1"' in html


def test_user_text_stays_plain_with_its_line_breaks(qtbot):
    typed = "line one\nline two\n\n**not bold** <b>tag</b>\n  indented"
    view = shown(qtbot, [rec(1, "user", typed)])
    assert document(view, 0).toPlainText() == typed


def test_chat_view_and_html_export_show_the_same_line_breaks(qtbot):
    reply = f"{POEM}\n\n> Jane Doe\n> 221B Baker Street\n\n- one\n  continued\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", reply)])
    in_view = document(view, 1).toPlainText().split("\n")

    conv = TranscriptConversation(
        uid="c", title="t", created_at=0.0, updated_at=1.0, active_leaf_uid="a",
        messages=(TranscriptMessage(uid="q", parent_uid=None, role="user", content="q", status="done", created_at=0.0),
                  TranscriptMessage(uid="a", parent_uid="q", role="assistant", content=reply, status="done",
                                    created_at=1.0)))
    page = render([conv], "html").decode("utf-8")
    body = page.split('<section class="msg assistant">', 1)[1].split('<div class="body" dir="auto">', 1)[1]
    exported = QTextDocument()
    exported.setHtml(body.rsplit("</div>", 1)[0])
    # The same lines of text in the same order (the export wraps its table in a <div>, which Qt
    # shows as one more empty line).
    assert [line for line in exported.toPlainText().split("\n") if line] == [line for line in in_view if line]
    assert in_view[:4] == POEM.split("\n") and "Jane Doe" in in_view and "221B Baker Street" in in_view


def test_copy_link_copies_that_code_blocks_exact_source(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", CODE_REPLY)])
    QGuiApplication.clipboard().setText("before")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(view, 1, "chatdesk-copy:1"))
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "before", timeout=2000)
    assert QGuiApplication.clipboard().text() == 'echo "<b>hi</b>" && ls -la\n\n# trailing comment'
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(view, 1, "chatdesk-copy:0"))
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "def f(x):\n    return x  # c", timeout=2000)


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_clicking_a_link_opens_it_but_unsafe_links_are_plain_text(qtbot):
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        view = shown(qtbot, [rec(1, "assistant", "See [the docs](https://example.com/docs) or [this](javascript:alert(1)).")])
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(view, 0, "https://example.com/docs"))
        qtbot.waitUntil(lambda: catcher.urls == ["https://example.com/docs"], timeout=2000)
        assert "[this](javascript:alert(1))" in document(view, 0).toPlainText()
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_code_colours_follow_a_dark_palette(qtbot):
    app = QGuiApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    view = shown(qtbot, [rec(1, "assistant", CODE_REPLY)])
    light_panel, dark_panel = THEMES["light"].code_bg.lower(), THEMES["dark"].code_bg.lower()
    assert view.delegate.theme() == "light"
    assert light_panel in document(view, 0).toHtml()
    app.setPalette(dark)
    try:
        assert view.delegate.theme() == "dark"
        html = document(view, 0).toHtml()
        assert dark_panel in html and light_panel not in html
    finally:
        app.setPalette(light)


def test_a_streaming_reply_is_rendered_incrementally(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", "", Status.STREAMING)])
    reply = "".join(f"Paragraph {n} with **bold** text.\nSecond line {n}.\n\n" for n in range(40)) + CODE_REPLY
    for cut in range(0, len(reply), 97):
        view.model_.append_text(2, reply[cut:cut + 97])
        qtbot.waitUntil(lambda cut=cut: view.model_.records()[1].content == reply[:cut + 97], timeout=2000)
        document(view, 1)
    renderer = view.delegate._renderers[(2, view.delegate.theme())]
    assert renderer.cached_chars > len(reply) // 2
    full = QTextDocument()
    full.setHtml(render_markdown(reply))
    assert document(view, 1).toPlainText() == full.toPlainText()


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
