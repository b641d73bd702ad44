"""The reader: a read-only QTextBrowser laid exactly over one message's text.

The conversation is painted by a delegate (fast, virtualized) but painted text cannot be
selected, focused or read by a screen reader. So the view lays this one live text widget over
the message under the mouse or with keyboard focus, showing the *same* QTextDocument the
delegate paints (no copy, no second layout: the row does not move by a pixel). It stays on its
message while it holds a selection or the focus, so moving the mouse away does not lose a
selection.

What it adds to QTextBrowser's selection and keyboard caret:

* links are never followed by the widget: ``chatdesk-copy:<n>`` copies code block n's exact
  source (``markdown.code_sources``); http, https and mailto links open with QDesktopServices,
  nothing else; a link's full address shows as a tooltip and in ``link_hovered`` (the status bar)
  when the pointer or the keyboard reaches it, before it is opened;
* a copy is plain text (what is selected, as shown), never HTML;
* Esc hands the keyboard back to the list; Enter on a token (probability view) opens its
  alternatives; Alt+Left/Right switch versions.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent, QMouseEvent, QPalette, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsOpacityEffect, QTextBrowser, QTextEdit, QToolTip, QWidget

from chatdesk import markdown
from chatdesk.store import MessageRecord
from chatdesk.ui.conversation.message_body import Body, source_number
from chatdesk.ui.conversation.message_delegate import role_label

OPENABLE_SCHEMES = ("http", "https", "mailto")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatView", text)


def openable(url: QUrl) -> bool:
    """Only web and mail links leave the app (the renderer lets only these become links too)."""
    return url.scheme().lower() in OPENABLE_SCHEMES and markdown.is_safe_link(url.toString())


class MessageReader(QTextBrowser):
    link_hovered = Signal(str)  # the full address, "" when the pointer leaves the link
    link_opened = Signal(str)
    code_copied = Signal(int)  # code block number
    source_activated = Signal(int, int)  # message id, source number: a source chip was clicked
    token_pointed = Signal(int, QPoint)  # document position under the mouse, mouse position (viewport coords of the view)
    caret_moved = Signal(int)  # document position of the keyboard caret
    escape_pressed = Signal()
    enter_pressed = Signal()
    version_step = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("messageReader")
        self.setAccessibleName(_tr("Message text"))
        self.setAccessibleDescription(_tr("Select text with the mouse or with Shift and the arrow keys; "
                                          "Esc returns to the list of messages."))
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportMargins(0, 0, 0, 0)
        self.setContentsMargins(0, 0, 0, 0)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)
        self.setPalette(pal)
        self.anchorClicked.connect(self._activate)
        self.highlighted.connect(self._highlighted)
        self.cursorPositionChanged.connect(lambda: self.caret_moved.emit(self.textCursor().position()))
        self.record: MessageRecord | None = None
        self.body: Body | None = None
        self.hide()

    # -- content ---------------------------------------------------------------------------
    def show_body(self, rec: MessageRecord, body: Body) -> None:
        """Show ``body`` (one document) for ``rec``; keeps the selection if it is the same text."""
        doc = body.document()
        same = self.body is body and self.document() is doc
        self.record, self.body = rec, body
        if not same:
            self.setDocument(doc)
        self.setLineWrapColumnOrWidth(body.width)
        # A code line longer than the message is not wrapped: scroll sideways to read it.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if body.overflow
                                          else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if not body.overflow:
            self.horizontalScrollBar().setValue(0)
        self.setAccessibleName(_tr("Message text: {who}").format(who=role_label(rec.role)))

    def set_dimmed(self, opacity: float | None) -> None:
        """Draw the text faint (a message left out of the model's context, as the row is painted)."""
        if opacity is None:
            if self.graphicsEffect() is not None:
                self.setGraphicsEffect(None)  # type: ignore[arg-type]  # Qt takes None (removes the effect); the stub does not say so
            return
        effect = self.graphicsEffect()
        if not isinstance(effect, QGraphicsOpacityEffect):
            effect = QGraphicsOpacityEffect(self)
            self.setGraphicsEffect(effect)
        effect.setOpacity(opacity)

    def release(self) -> None:
        self.record = None
        self.body = None
        self.hide()

    def has_selection(self) -> bool:
        return self.isVisible() and self.textCursor().hasSelection()

    def selected_text(self) -> str:
        return self.textCursor().selection().toPlainText() if self.textCursor().hasSelection() else ""

    # -- copying ---------------------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:
        data = QMimeData()
        data.setText(self.selected_text())
        return data

    # -- links -----------------------------------------------------------------------------
    def _activate(self, url: QUrl) -> None:
        href = url.toString()
        source = source_number(href)
        if source is not None:
            if self.record is not None:
                self.source_activated.emit(self.record.id, source)
            return
        number = markdown.copy_index(href)
        if number is not None:
            sources = markdown.code_sources(self.record.content) if self.record else []
            if number < len(sources):
                QGuiApplication.clipboard().setText(sources[number])
                self.code_copied.emit(number)
            return
        if openable(url):
            self.link_opened.emit(href)
            QDesktopServices.openUrl(url)

    def _highlighted(self, url: QUrl) -> None:
        href = url.toString()
        if source_number(href) is not None:
            href = ""
            tip = _tr("Show this passage in its file")
        elif markdown.copy_index(href) is not None:
            href = ""
            tip = _tr("Copy this code block")
        else:
            tip = href
        self.setToolTip(tip)
        self.link_hovered.emit(href)
        if tip:
            rect = self.cursorRect()
            where = self.viewport().mapToGlobal(rect.bottomLeft()) if self.hasFocus() and not self.underMouse() else None
            QToolTip.showText(where or self.cursor().pos(), tip, self)
        else:
            QToolTip.hideText()

    # -- pointer and keys --------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            pos = event.position().toPoint()
            cursor = self.cursorForPosition(pos)
            self.token_pointed.emit(cursor.position(), self.mapTo(self.parentWidget(), pos))

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Sideways (a touchpad, a tilting wheel, or Shift+wheel) scrolls a wide code line into
        view; up and down go on to the conversation, which this text never scrolls."""
        dx, dy = event.angleDelta().x(), event.angleDelta().y()
        sideways = abs(dx) > abs(dy) or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if self.body is not None and self.body.overflow and sideways:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - (dx if abs(dx) > abs(dy) else dy) // 2)
            event.accept()
            return
        super().wheelEvent(event)

    def focused_link(self) -> str:
        """The link the keyboard is on (Tab moves between links), or ""."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return ""
        probe = QTextCursor(self.document())
        probe.setPosition(cursor.selectionStart() + 1)
        fmt = probe.charFormat()
        return fmt.anchorHref() if fmt.isAnchor() else ""

    def focusNextPrevChild(self, next_: bool) -> bool:
        moved = super().focusNextPrevChild(next_)
        if moved and self.hasFocus():
            href = self.focused_link()
            if href:  # QTextBrowser announces links to the pointer only: announce this one too
                self._highlighted(QUrl(href))
        return moved

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        if mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.version_step.emit(-1 if key == Qt.Key.Key_Left else 1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.focused_link():
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)
