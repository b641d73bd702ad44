"""Pure-GUI tests of the conversation view with real widgets (offscreen), no model needed.

The view is driven the way a user drives it: the mouse moves over a message (Qt sends the moves),
presses and drags in its text, keys go to whichever widget has the focus.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QImage, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QListWidget, QMenu, QTextEdit, QWidget

from chatdesk.markdown import render as render_markdown
from chatdesk.markdown.highlight import THEMES
from chatdesk.store import MessageRecord, Status
from chatdesk.transcripts import TranscriptConversation, TranscriptMessage, render
from chatdesk.ui.conversation.chat_view import ChatView
from chatdesk.ui.conversation.message_actions import ACTION_NAMES, ACTIONS
from chatdesk.ui.conversation.message_body import Body, StreamBody
from chatdesk.ui.conversation.message_delegate import body_origin, body_width, header_rect
from chatdesk.ui.conversation.message_model import MAX_REPAINT_HZ, PAGE, WINDOW, MessageListModel, RecordRole

POEM = "Roses are red,\nViolets are blue,\nSugar is sweet,\nAnd so are you."
CODE_REPLY = ("Two snippets:\n\n```python\ndef f(x):\n    return x  # c\n```\n\n"
              "```bash\necho \"<b>hi</b>\" && ls -la\n\n# trailing comment\n```\n\nDone.")


def rec(i: int, role: str, content: str, status: str = Status.DONE, parent: int | None = -1) -> MessageRecord:
    return MessageRecord(i, f"u{i}", 1, (i - 1 or None) if parent == -1 else parent, role, content, status, 0.0, 0.0)


def shown(qtbot, rows: list[MessageRecord], siblings=None) -> ChatView:  # type: ignore[no-untyped-def]
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.show_messages(rows, siblings)
    view.activateWindow()  # key events and focus need an active window
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: view.visualRect(view.model_.index(len(rows) - 1)).isValid(), timeout=10_000)
    return view


def body(view: ChatView, row: int) -> Body:
    """The body the delegate paints for ``row`` (same record, width and font as paint())."""
    index = view.model_.index(row)
    return view.delegate.body(index.data(RecordRole), body_width(view.visualRect(index).width()), view.font())


def document(view: ChatView, row: int) -> QTextDocument:
    return body(view, row).document()


def hover(qtbot, view: ChatView, row: int, where: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    """Move the mouse over ``row`` (its body, unless ``where`` is given) and wait for the overlays."""
    rect = view.visualRect(view.model_.index(row))
    target = where or body_origin(rect) + QPoint(3, 3)
    qtbot.mouseMove(view.viewport(), target + QPoint(1, 1))  # Qt drops a "move" to where the pointer already is
    qtbot.mouseMove(view.viewport(), target)
    rec_id = view.model_.index(row).data(RecordRole).id
    qtbot.waitUntil(lambda: view.bar.isVisible() and view.bar.message_id == rec_id, timeout=2000)


def reader_point(view: ChatView, href: str) -> QPoint:
    """Reader-viewport position of the link ``href``, found with Qt's own hit test."""
    doc = view.reader.document()
    size = doc.size()
    hits = [QPoint(x, y) for y in range(0, int(size.height()), 3) for x in range(0, int(size.width()), 3)
            if doc.documentLayout().anchorAt(QPointF(x, y)) == href]
    assert hits, f"no {href} link in {doc.toPlainText()!r}"
    return hits[len(hits) // 2]  # the middle of the link, not its edge


def text_point(view: ChatView, text: str, after: bool = False) -> QPoint:
    """Reader-viewport position of the start (or end) of ``text`` in the reader's document."""
    doc = view.reader.document()
    pos = doc.toPlainText().index(text) + (len(text) if after else 0)
    cursor = view.reader.textCursor()
    cursor.setPosition(pos)
    return view.reader.cursorRect(cursor).center()


# ------------------------------------------------------------------ rendering (same renderer as the export)
def test_assistant_markdown_keeps_line_breaks_escapes_html_and_colours_code(qtbot):
    reply = f"{POEM}\n\nRaw: <b>not bold</b> <script>x</script>\n\n" + CODE_REPLY
    view = shown(qtbot, [rec(1, "user", "a poem please"), rec(2, "assistant", reply)])
    doc = document(view, 1)
    lines = doc.toPlainText().split("\n")
    assert lines[:4] == POEM.split("\n")                        # Qt's Markdown importer joined these
    assert "Raw: <b>not bold</b> <script>x</script>" in lines    # and rendered <b> as bold
    assert "python   Copy" in lines                              # the code block's header: language, Copy
    html = doc.toHtml()
    assert "color:#008000" in html                               # Pygments' keyword colour on def/return
    assert 'href="chatdesk-copy:0"' in html and 'href="chatdesk-copy:1"' in html


def test_user_text_stays_plain_with_its_line_breaks(qtbot):
    typed = "line one\nline two\n\n**not bold** <b>tag</b>\n  indented"
    view = shown(qtbot, [rec(1, "user", typed)])
    assert document(view, 0).toPlainText() == typed


def test_chat_view_and_html_export_show_the_same_tables_lists_and_quotes(qtbot):
    reply = f"{POEM}\n\n> Jane Doe\n> 221B Baker Street\n\n- one\n  continued\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", reply)])
    in_view = document(view, 1).toPlainText().split("\n")

    conv = TranscriptConversation(
        uid="c", title="t", created_at=0.0, updated_at=1.0, active_leaf_uid="a",
        messages=(TranscriptMessage(uid="q", parent_uid=None, role="user", content="q", status="done", created_at=0.0),
                  TranscriptMessage(uid="a", parent_uid="q", role="assistant", content=reply, status="done",
                                    created_at=1.0)))
    page = render([conv], "html").decode("utf-8")
    body_html = page.split('<section class="msg assistant">', 1)[1].split('<div class="body" dir="auto">', 1)[1]
    exported = QTextDocument()
    exported.setHtml(body_html.rsplit("</div>", 1)[0])
    # The same lines of text in the same order (the export wraps its table in a <div>, which Qt
    # shows as one more empty line).
    assert [line for line in exported.toPlainText().split("\n") if line] == [line for line in in_view if line]
    assert in_view[:4] == POEM.split("\n") and "Jane Doe" in in_view and "221B Baker Street" in in_view


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


# ------------------------------------------------------------------ selecting and copying
def test_the_reader_shows_the_very_document_that_is_painted(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", CODE_REPLY)])
    hover(qtbot, view, 1)
    assert view.reader.isVisible() and view.reader.record.id == 2
    assert view.reader.document() is document(view, 1)
    # Laid over the painted text exactly: same origin, same width and height, so nothing moves.
    rect = view.visualRect(view.model_.index(1))
    assert view.reader.geometry().topLeft() == body_origin(rect)
    assert view.reader.document().textWidth() == body(view, 1).width == view.reader.width()
    assert abs(view.reader.document().size().height() - view.reader.height()) < 1


def test_selecting_part_of_a_reply_with_the_mouse_and_copying_it(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", f"{POEM}\n\n" + CODE_REPLY)])
    hover(qtbot, view, 1)
    start, end = text_point(view, "Violets"), text_point(view, "Sugar", after=True)
    qtbot.mousePress(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.reader.viewport(), end)
    qtbot.mouseRelease(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.reader.selected_text() == "Violets are blue,\nSugar"
    # Moving the mouse over another message keeps the selection where it is.
    hover(qtbot, view, 0, where=body_origin(view.visualRect(view.model_.index(0))) + QPoint(2, 2))
    assert view.reader.record.id == 2 and view.reader.has_selection()
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(view.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Violets are blue,\nSugar"
    mime: QMimeData = QGuiApplication.clipboard().mimeData()
    assert not mime.hasHtml()  # plain text only


def test_a_press_on_a_painted_message_starts_a_selection_in_it(qtbot):
    """The first press lands on the painted row; the reader is laid over it and takes the drag."""
    view = shown(qtbot, [rec(1, "user", "first message, typed by the user"), rec(2, "assistant", "the reply")])
    origin = body_origin(view.visualRect(view.model_.index(0)))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=origin + QPoint(1, 4))
    qtbot.mouseMove(view.viewport(), origin + QPoint(120, 4))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=origin + QPoint(120, 4))
    assert view.reader.record.id == 1
    assert view.reader.selected_text() and "first message".startswith(view.reader.selected_text()[:5])


def test_selecting_with_the_keyboard_and_ctrl_c(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", POEM)])
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.currentIndex().row() == 1, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # the caret goes into the message's text
    qtbot.waitUntil(view.reader.hasFocus, timeout=2000)
    for _ in range(len("Roses are")):
        qtbot.keyClick(view.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Roses are"
    qtbot.keyClick(view.reader, Qt.Key.Key_Escape)  # back to the list; the selection stays
    assert view.hasFocus()
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Roses are"


def test_ctrl_c_without_a_selection_and_the_copy_action_copy_the_whole_message_as_markdown(qtbot):
    reply = "**Bold** and `code`:\n\n```python\nx = 1\n```"
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", reply)])
    view.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(view.action_requested, timeout=2000) as sig:
        qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert sig.args == ["copy", 2] and QGuiApplication.clipboard().text() == reply
    QGuiApplication.clipboard().setText("before")
    hover(qtbot, view, 0)
    qtbot.mouseClick(view.bar.buttons["copy"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "q"


def test_a_code_blocks_copy_button_copies_its_exact_source(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", CODE_REPLY)])
    hover(qtbot, view, 1)
    QGuiApplication.clipboard().setText("before")
    with qtbot.waitSignal(view.reader.code_copied, timeout=2000):
        qtbot.mouseClick(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=reader_point(view, "chatdesk-copy:1"))
    assert QGuiApplication.clipboard().text() == 'echo "<b>hi</b>" && ls -la\n\n# trailing comment'
    qtbot.mouseClick(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=reader_point(view, "chatdesk-copy:0"))
    assert QGuiApplication.clipboard().text() == "def f(x):\n    return x  # c"
    # Each code block's header names its language next to the Copy button.
    lines = view.reader.document().toPlainText().split("\n")
    assert "python   Copy" in lines and "bash   Copy" in lines


# ------------------------------------------------------------------ links
@pytest.fixture
def opened(monkeypatch):
    """QDesktopServices.openUrl, recorded instead of starting a browser."""
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


def test_a_link_shows_its_address_before_it_opens(qtbot, opened):
    view = shown(qtbot, [rec(1, "assistant", "See [the docs](https://example.com/docs?q=1) now.")])
    hover(qtbot, view, 0)
    point = reader_point(view, "https://example.com/docs?q=1")
    with qtbot.waitSignal(view.link_hovered, timeout=2000) as shown_url:
        qtbot.mouseMove(view.reader.viewport(), point)
    assert shown_url.args == ["https://example.com/docs?q=1"]
    assert view.reader.toolTip() == "https://example.com/docs?q=1"
    assert opened == []  # shown, not opened
    qtbot.mouseClick(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == ["https://example.com/docs?q=1"]


def test_only_http_https_and_mailto_links_open(qtbot, opened):
    reply = ("[web](http://example.org/a) [secure](https://example.org/b) [mail](mailto:someone@example.org) "
             "[script](javascript:alert(1)) [file](file:///etc/passwd)")
    view = shown(qtbot, [rec(1, "assistant", reply)])
    hover(qtbot, view, 0)
    for href in ("http://example.org/a", "https://example.org/b", "mailto:someone@example.org"):
        qtbot.mouseClick(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=reader_point(view, href))
    assert opened == ["http://example.org/a", "https://example.org/b", "mailto:someone@example.org"]
    text = view.reader.document().toPlainText()
    assert "[script](javascript:alert(1))" in text and "[file](file:///etc/passwd)" in text  # shown as text
    # Even a link that reached the reader some other way does not open unless it is web or mail.
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "chatdesk-copy:9"):
        view.reader.anchorClicked.emit(QUrl(bad))
    assert opened == ["http://example.org/a", "https://example.org/b", "mailto:someone@example.org"]


def test_keyboard_reaches_links_and_shows_the_address(qtbot, opened):
    view = shown(qtbot, [rec(1, "assistant", "Read [this page](https://example.com/page).")])
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(view.reader.hasFocus, timeout=2000)
    with qtbot.waitSignal(view.link_hovered, timeout=2000) as sig:
        view.reader.focusNextPrevChild(True)  # Tab inside the text moves to its next link
    assert sig.args == ["https://example.com/page"] and opened == []
    qtbot.keyClick(view.reader, Qt.Key.Key_Return)
    assert opened == ["https://example.com/page"]


# ------------------------------------------------------------------ actions on hover and on keyboard focus
def _conversation() -> tuple[list[MessageRecord], dict[int, tuple[int, int]]]:
    rows = [rec(1, "user", "question"), rec(2, "assistant", "an answer", parent=1),
            rec(3, "user", "follow-up", parent=2), rec(4, "assistant", "stopped ans", Status.STOPPED, parent=3)]
    return rows, {2: (2, 3)}


def test_hover_shows_the_action_bar_over_that_message(qtbot):
    rows, sib = _conversation()
    view = shown(qtbot, rows, sib)
    qtbot.mouseMove(view.viewport(), QPoint(5, view.viewport().height() - 2))  # below the messages
    qtbot.waitUntil(lambda: not view.bar.isVisible(), timeout=2000)
    hover(qtbot, view, 1)
    header = header_rect(view.visualRect(view.model_.index(1)))
    assert header.contains(view.bar.geometry().center())
    visible = {n for n, b in view.bar.buttons.items() if not b.isHidden()}
    assert visible == {"copy", "regenerate", "regenerate_same", "info", "inspect", "branch", "delete"}
    assert view.bar.version.text() == "2/3" and view.bar.prev_button.isEnabled() and view.bar.next_button.isEnabled()
    hover(qtbot, view, 2)
    assert {n for n, b in view.bar.buttons.items() if not b.isHidden()} == {"copy", "edit", "branch", "delete"}
    assert view.bar.prev_button.isHidden()
    hover(qtbot, view, 3)
    assert not view.bar.buttons["continue"].isHidden()  # a stopped reply can be continued
    qtbot.mouseMove(view.viewport(), QPoint(6, view.viewport().height() - 3))
    qtbot.waitUntil(lambda: not view.bar.isVisible(), timeout=2000)


def test_keyboard_focus_shows_the_action_bar_and_arrows_move_it(qtbot):
    rows, sib = _conversation()
    view = shown(qtbot, rows, sib)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.bar.isVisible() and view.bar.message_id == 4, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: view.bar.message_id == 3, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: view.bar.message_id == 2, timeout=2000)
    # Tab reaches the actions, Enter and Space trigger them.
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    first = QApplication.focusWidget()
    assert first is view.bar.prev_button
    order = []
    for _ in range(4):
        order.append(QApplication.focusWidget().objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert order == ["action_previous_version", "action_next_version", "action_copy", "action_regenerate"]
    with qtbot.waitSignal(view.action_requested, timeout=2000) as sig:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert sig.args == ["regenerate_same", 2]
    with qtbot.waitSignal(view.action_requested, timeout=2000) as sig:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert sig.args == ["regenerate_same", 2]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert view.hasFocus()


@pytest.mark.parametrize("name", ACTION_NAMES)
def test_each_action_emits_the_right_signal(qtbot, name):
    rows, sib = _conversation()
    view = shown(qtbot, rows, sib)
    row = {"edit": 2, "continue": 3}.get(name, 1)
    message_id = rows[row].id
    hover(qtbot, view, row)
    button = view.bar.buttons[name]
    if button.isHidden():  # narrow window: it moved into the More menu
        pytest.fail(f"{name} did not fit the bar at 800 px")
    with qtbot.waitSignal(view.action_requested, timeout=2000) as sig:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sig.args == [name, message_id]


def test_the_context_menu_offers_the_same_actions(qtbot):
    rows, sib = _conversation()
    view = shown(qtbot, rows, sib)
    menu = view.context_menu(body_origin(view.visualRect(view.model_.index(1))) + QPoint(2, 2))
    names = [a.objectName() for a in menu.actions() if a.objectName().startswith("menu_")]
    assert names == [f"menu_{a.name}" for a in ACTIONS if a.name in ("copy", "regenerate", "regenerate_same", "info", "inspect", "branch", "delete")]
    texts = [a.text() for a in menu.actions()]
    assert "Previous version" in texts and "Next version" in texts and "Show token probabilities" in texts
    with qtbot.waitSignal(view.action_requested, timeout=2000) as sig:
        next(a for a in menu.actions() if a.objectName() == "menu_info").trigger()
    assert sig.args == ["info", 2]


def test_version_switch_by_keyboard_and_by_the_bar(qtbot):
    rows, sib = _conversation()
    view = shown(qtbot, rows, sib)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(view.model_.index(1))
    with qtbot.waitSignal(view.sibling_step, timeout=2000) as sig:
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert sig.args == [2, 1]
    with qtbot.waitSignal(view.sibling_step, timeout=2000) as sig:
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert sig.args == [2, -1]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.bar.next_button
    with qtbot.waitSignal(view.delegate.sibling_step, timeout=2000) as sig:
        qtbot.keyClick(view.bar.next_button, Qt.Key.Key_Return)
    assert sig.args == [2, 1]
    # A message without versions ignores the keys.
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(view.model_.index(0))
    with qtbot.assertNotEmitted(view.sibling_step):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)


def test_the_delete_key_asks_to_delete_the_current_message(qtbot):
    rows, sib = _conversation()
    view = shown(qtbot, rows, sib)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(view.model_.index(2))
    with qtbot.waitSignal(view.action_requested, timeout=2000) as sig:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert sig.args == ["delete", 3]


def test_a_narrow_view_moves_actions_into_a_more_menu(qtbot):
    rows, sib = _conversation()
    view = shown(qtbot, rows, sib)
    view.resize(240, 600)  # icon buttons: eight of them fit in a 420 px row
    qtbot.waitUntil(lambda: view.visualRect(view.model_.index(1)).width() < 250, timeout=2000)
    hover(qtbot, view, 1)
    assert view.bar.more.isVisible() and view.bar.width() <= header_rect(view.visualRect(view.model_.index(1))).width()
    hidden = [a.text() for a in view.bar.more_menu.actions()]
    assert hidden and hidden[-1] == "Show token probabilities"
    with qtbot.waitSignal(view.action_requested, timeout=2000) as sig:
        next(a for a in view.bar.more_menu.actions() if a.text() == "Delete…").trigger()
    assert sig.args == ["delete", 2]


def test_a_streaming_reply_offers_only_copy_and_no_reader(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", "partial", Status.STREAMING)])
    hover(qtbot, view, 1)
    assert {n for n, b in view.bar.buttons.items() if not b.isHidden()} == {"copy"}
    assert not view.reader.isVisible()


def test_every_widget_of_the_view_has_an_accessible_name(qtbot):
    rows, sib = _conversation()
    view = shown(qtbot, rows, sib)
    hover(qtbot, view, 1)
    assert view.accessibleName()
    interactive = [w for w in view.findChildren(QWidget) if isinstance(w, (QAbstractButton, QTextEdit, QLabel, QMenu, QListWidget))]
    assert interactive and all(w.accessibleName() for w in interactive), [w.objectName() for w in interactive if not w.accessibleName()]
    assert view.model_.index(1).data(Qt.ItemDataRole.AccessibleTextRole) == "Assistant: an answer"
    assert view.model_.index(1).data(Qt.ItemDataRole.AccessibleDescriptionRole) == "done, version 2 of 3"


# ------------------------------------------------------------------ streaming
def _streamed_in(qtbot, view: ChatView, reply: str, step: int):  # type: ignore[no-untyped-def]
    """Streams ``reply`` into row 1 ``step`` characters at a time; yields (characters so far, the
    streamed body, the same text as one document)."""
    for cut in range(0, len(reply), step):
        view.model_.append_text(2, reply[cut:cut + step])
        qtbot.waitUntil(lambda cut=cut: view.model_.records()[1].content == reply[:cut + step], timeout=2000)
        streamed = body(view, 1)
        assert isinstance(streamed, StreamBody)
        yield min(len(reply), cut + step), streamed, _whole(streamed, reply[:cut + step])


def _whole(streamed: Body, text: str) -> QTextDocument:
    """``text`` rendered as the one document a finished reply is, at the streamed body's width."""
    whole = streamed.new_document()
    whole.setHtml(render_markdown(text).rstrip("\n"))
    whole.setTextWidth(streamed.width)
    return whole


def test_a_streaming_reply_lays_out_only_its_tail_and_matches_the_whole_document(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", "", Status.STREAMING)])
    reply = "".join(f"Paragraph {n} with **bold** text.\nSecond line {n}.\n\n" for n in range(40)) + CODE_REPLY
    for _cut, streamed, whole in _streamed_in(qtbot, view, reply, 97):
        # Stacked per-block documents take exactly the height (and line positions) of one document.
        assert streamed.height == whole.size().height()
    assert len(streamed.segments) > 10  # finished blocks were kept, not laid out again
    final = view.model_.records()[1]
    view.model_.replace(MessageRecord(**{**final.__dict__, "status": Status.DONE}))
    qtbot.waitUntil(lambda: view.model_.records()[1].status == Status.DONE, timeout=2000)
    assert body(view, 1) is streamed  # finishing costs no new layout
    full = QTextDocument()
    full.setHtml(render_markdown(reply))
    assert streamed.document().toPlainText() == full.toPlainText()


# A real module (docstrings, blank lines, decorators), its lines cut to fit the message.
LONG_CODE = "\n".join(line[:64] for line in (Path(__file__).resolve().parents[1] / "chatdesk" / "markdown" / "incremental.py")
                      .read_text(encoding="utf-8").splitlines())[:7000]


def _pixels(size: tuple[int, int], streamed: Body | None = None, doc: QTextDocument | None = None, clip_width: int = 0) -> QImage:
    """What ``streamed`` paints (Body.draw, as the view does), or what ``doc`` draws, clipped at
    ``clip_width`` when given."""
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    if streamed is not None:
        streamed.draw(painter, QColor("black"), QRectF(0, 0, *size))
    elif doc is not None:
        if clip_width:
            painter.setClipRect(QRectF(0, 0, clip_width, size[1]))
        doc.drawContents(painter)
    painter.end()
    return image


def test_a_long_open_code_block_streams_in_pieces_drawn_exactly_as_one_table(qtbot):
    """An open fence is laid out in pieces of a few lines (StreamBody._fence_tail): at every step
    the stack is as tall as the whole document and draws the same pixels, and most lines are not
    laid out again."""
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", "", Status.STREAMING)])
    reply = "Here it is:\n\n```python\n" + LONG_CODE
    most = 0
    seen: set[int] = set()
    for cut, streamed, whole in _streamed_in(qtbot, view, reply, 173):
        assert streamed.height == whole.size().height() and not streamed.overflow, cut
        laid_out = [seg for seg in streamed.segments if id(seg.doc) not in seen]
        assert len(laid_out) <= 3, (cut, len(laid_out))  # the live piece, perhaps a new piece and what precedes
        seen.update(id(seg.doc) for seg in streamed.segments)
        if cut % (173 * 6) == 0 or cut == len(reply):
            size = (streamed.width, int(streamed.height) + 2)
            assert _pixels(size, streamed=streamed) == _pixels(size, doc=whole), f"the pieces draw differently after {cut} characters"
        most = max(most, len(streamed.segments))
    assert most > 10  # the block was in pieces
    last_lines = streamed.segments[-1].doc.blockCount()
    assert last_lines < 2 * StreamBody.PIECE_LINES + StreamBody.FREEZE_LAG  # an update lays out only the last lines
    # The block closes and a paragraph follows: its pieces stay, only a last piece is laid out.
    pieces = [seg.doc for seg in streamed.segments[1:-1]]
    ending = "\n```\n\nThat is the module.\n"
    view.model_.append_text(2, ending)
    qtbot.waitUntil(lambda: view.model_.records()[1].content == reply + ending, timeout=2000)
    streamed = body(view, 1)
    whole = _whole(streamed, reply + ending)
    assert [seg.doc for seg in streamed.segments[1:len(pieces) + 1]] == pieces
    assert streamed.height == whole.size().height()
    size = (streamed.width, int(streamed.height) + 2)
    assert _pixels(size, streamed=streamed) == _pixels(size, doc=whole), "the closed block draws differently"


def test_an_open_code_block_with_a_line_wider_than_the_message_is_widened_in_every_piece(qtbot):
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", "", Status.STREAMING)])
    lines = [f"value_{n} = {n}" for n in range(80)]
    lines[45] = "wide = " + " + ".join(f"term_{n}" for n in range(60))
    reply = "```python\n" + "\n".join(lines)
    for cut in (len(reply) * 2 // 5, len(reply) * 3 // 4, len(reply)):  # before, with and after the wide line
        view.model_.append_text(2, reply[len(view.model_.records()[1].content):cut])
        qtbot.waitUntil(lambda cut=cut: view.model_.records()[1].content == reply[:cut], timeout=2000)
        streamed = body(view, 1)
        whole = _whole(streamed, reply[:cut])
        assert len(streamed.segments) > 2
        assert streamed.overflow == (whole.size().width() > streamed.width)
        assert streamed.text_height == whole.size().height()
        size = (int(whole.size().width()) + 4, int(streamed.text_height) + 2)
        # The view clips the body at the message's edge; compare what lies inside it.
        assert _pixels(size, streamed=streamed) == _pixels(size, doc=whole, clip_width=streamed.width), cut
    streamed.set_width(streamed.width - 40)  # the window narrows while the block streams
    whole.setTextWidth(streamed.width)
    assert streamed.text_height == whole.size().height()


def _paint_queued() -> None:
    """Paint what Qt has queued to repaint (as the next frame would)."""
    from PySide6.QtCore import QEvent

    for kind in (QEvent.Type.UpdateRequest, QEvent.Type.UpdateLater):
        QApplication.sendPostedEvents(None, kind)


def test_a_streaming_reply_repaints_only_what_changed_and_the_screen_stays_true(qtbot):
    """Streamed text is laid out and repainted from the changed block down (ChatView._streamed),
    and after every update the pixels on screen are exactly those of a full repaint: growing
    lines, a row that grows past the bottom (the view follows it), a code block, a scroll bar
    that appears."""
    view = shown(qtbot, [rec(1, "user", "q"), rec(2, "assistant", "", Status.STREAMING)])
    painted: list[int] = []
    real_paint = view.delegate.paint

    def paint(painter, option, index):  # type: ignore[no-untyped-def]
        painted.append(index.row())
        real_paint(painter, option, index)

    view.delegate.paint = paint
    reply = "".join(f"Paragraph {n} with **bold** text and a few more words.\n\n" for n in range(25)) + CODE_REPLY
    partial = 0
    for cut in range(0, len(reply), 41):
        painted.clear()
        view.model_.append_text(2, reply[cut:cut + 41])
        qtbot.waitUntil(lambda cut=cut: view.model_.records()[1].content == reply[:cut + 41], timeout=2000)
        _paint_queued()
        partial += 0 not in painted  # the question above the reply was not painted again
        screen = QGuiApplication.primaryScreen().grabWindow(view.winId()).toImage()  # what the window shows
        assert screen == view.grab().toImage(), f"the screen differs from a full repaint after {cut + 41} characters"
    bar = view.verticalScrollBar()
    assert bar.isVisible()
    assert bar.value() == bar.maximum()  # it followed the reply
    assert partial > len(range(0, len(reply), 41)) // 2

    # Scrolled up to read: the place stays while the reply grows below, and the screen stays true.
    bar.setValue(bar.maximum() // 3)
    place = bar.value()
    for n in range(6):
        more = f"\n\nMore text {n} that wraps onto a new line as it streams in, word after word after word."
        view.model_.append_text(2, more)
        qtbot.waitUntil(lambda more=more: view.model_.records()[1].content.endswith(more), timeout=2000)
        _paint_queued()
        assert bar.value() == place
        screen = QGuiApplication.primaryScreen().grabWindow(view.winId()).toImage()
        assert screen == view.grab().toImage(), f"the screen differs from a full repaint while reading above ({n})"


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


# ------------------------------------------------------------------ long conversations
def test_five_thousand_messages_open_without_laying_out_all(qtbot):
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    rows = [rec(i, "user" if i % 2 else "assistant", f"message **{i}** " * 20) for i in range(1, 5001)]
    view.show_messages(rows)
    # Only the newest messages that fill the view twice are rows (each must be laid out to be measured).
    shown_rows = view.model_.rowCount()
    assert 12 <= shown_rows <= WINDOW and view.model_.hidden_count == 5000 - shown_rows
    qtbot.waitUntil(lambda: view.indexAt(view.viewport().rect().center()).isValid(), timeout=10_000)
    last = view.model_.index(shown_rows - 1)
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(last)), timeout=10_000)
    assert view.verticalScrollBar().maximum() >= view.viewport().height()  # more than a screenful to scroll
    qtbot.waitUntil(lambda: not view._warm_timer.isActive(), timeout=10_000)  # the page above, laid out in idle time
    assert len(view.delegate.bodies._bodies) <= shown_rows + PAGE  # documents for a window, not for 5,000


def test_long_conversation_opens_at_newest_and_loads_older_on_scroll(qtbot):
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    rows = [rec(i, "user" if i % 2 else "assistant", f"message {i}") for i in range(1, 5001)]
    view.show_messages(rows)
    model = view.model_
    first = model.rowCount()
    assert model.hidden_count == 5000 - first
    last = model.index(model.rowCount() - 1)
    qtbot.waitUntil(lambda: view.visualRect(last).isValid() and view.viewport().rect().intersects(view.visualRect(last)), timeout=10_000)
    view.verticalScrollBar().setValue(0)  # scrolling to the top reveals the previous page
    qtbot.waitUntil(lambda: model.rowCount() == first + PAGE, timeout=5000)
    assert model.index(0).data(Qt.ItemDataRole.DisplayRole) == f"message {5000 - first - PAGE + 1}"
    assert model.index(PAGE).data(Qt.ItemDataRole.DisplayRole) == f"message {5000 - first + 1}"
    # A search hit far back is revealed and centred.
    view.show_messages(rows, focus_id=10)
    assert model.row_of(10) >= 0 and view.currentIndex().row() == model.row_of(10)


def test_the_views_warm_up_leaves_the_other_languages_lexers_for_later(qtbot, monkeypatch):
    """warm_up compiles the parser (and Python's lexer) at once on the thread pool and the other
    common languages' lexers only ``LEXERS_WARM_UP_MS`` later, while the view still exists.
    (No step depends on how fast this machine is: a delay far longer than the test, a short one
    waited for, and a view deleted before the event loop runs again.)"""
    import chatdesk.markdown as markdown
    from chatdesk.ui.conversation import message_delegate

    calls: list[str] = []
    monkeypatch.setattr(markdown, "warm_up", lambda lexers=True: calls.append(f"parser, lexers={lexers}"))
    monkeypatch.setattr(markdown, "warm_up_lexers", lambda: calls.append("lexers"))
    later = shown(qtbot, [rec(1, "user", "hi")])
    monkeypatch.setattr(message_delegate, "LEXERS_WARM_UP_MS", 600_000)
    later.delegate.warm_up(later.font())
    qtbot.waitUntil(lambda: calls == ["parser, lexers=False"], timeout=10_000)
    qtbot.wait(200)
    assert calls == ["parser, lexers=False"]  # the lexers wait for their delay

    monkeypatch.setattr(message_delegate, "LEXERS_WARM_UP_MS", 50)
    sooner = shown(qtbot, [rec(1, "user", "hi")])
    sooner.delegate.warm_up(sooner.font())
    qtbot.waitUntil(lambda: calls.count("lexers") == 1, timeout=10_000)

    gone = ChatView()  # deleted before its lexers' turn
    gone.delegate.warm_up(gone.font())
    gone.deleteLater()  # runs as the event loop resumes, before any timer
    qtbot.waitUntil(lambda: calls.count("parser, lexers=False") == 3, timeout=10_000)
    qtbot.wait(300)
    assert calls.count("lexers") == 1  # the deleted view's timer died with it


def test_a_chat_opened_at_its_newest_messages_marks_what_was_left_out_once_the_rest_arrives(qtbot):
    """What the newest reply's request left out is counted from the path's start: while only the
    newest messages are loaded nothing is marked (a count from the wrong start would fade the
    wrong rows); when the rest arrives the marks are those of the whole path, nothing moved."""
    from dataclasses import replace

    from chatdesk.ui.conversation.message_model import LeftOutRole, MessageListModel

    path = [rec(i, "user" if i % 2 else "assistant", f"m{i}") for i in range(1, 41)]
    path[-1] = replace(path[-1], provenance={"dropped_messages": 12})
    whole = MessageListModel()
    whole.set_messages(path, {}, window=len(path))
    left_out = {r.id for r in path if whole.index(whole.row_of(r.id)).data(LeftOutRole)}
    assert max(left_out) < 20 and {i for i in left_out if i > 10}  # some of them among the newest 30

    model = MessageListModel()
    model.set_messages(path[-30:], {}, window=30)
    model.await_earlier()
    assert not any(model.index(row).data(LeftOutRole) for row in range(model.rowCount()))
    model.add_earlier(path[:-30])
    assert model.rowCount() == 30 and model.records() == path
    assert {r.id for r in path[-30:] if model.index(model.row_of(r.id)).data(LeftOutRole)} == {i for i in left_out if i > 10}
