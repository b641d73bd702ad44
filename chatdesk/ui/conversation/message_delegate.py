"""Paints one message row: the bubble, its header (who, status, ``‹ n/m ›``) and its body.

Bodies come from ``message_body.BodyCache``; only the part of a body inside the paint's clip is
drawn, so a reply taller than the window costs what is on screen. The row under the reader (the
live, selectable copy of a message, see ``message_reader``) is painted without its text: the reader
draws that. Token shading, when the chat shows probabilities, is handed in by the view
(``shading``) as extra selections for the visible part of the body. A message left out of the
model's context (``LeftOutRole``) is drawn dimmed with a caption in its header; a reply whose
request left earlier messages out says how many (``DroppedRole``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from chatdesk import markdown
from chatdesk.store import MessageRecord, Status
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.spacing import READING_WIDTH
from chatdesk.ui.conversation.message_body import Body, BodyCache, SelectionsFor, theme_of
from chatdesk.ui.conversation.message_model import (
    DroppedRole,
    LeftOutRole,
    RecordRole,
    SiblingRole,
    dropped_caption,
    left_out_caption,
)

log = logging.getLogger(__name__)

LEFT_OUT_OPACITY = 0.5  # a message the model does not see is drawn this faint
LEXERS_WARM_UP_MS = 10_000  # after warm_up: the common languages' lexers (see warm_up)
PAD = 10
HEADER_H = 26
MARGIN = 8
ROW_EXTRA = HEADER_H + 2 * PAD + MARGIN  # a row's height beyond its text

ROLE_LABEL = {"user": QT_TRANSLATE_NOOP("ChatView", "You"), "assistant": QT_TRANSLATE_NOOP("ChatView", "Assistant"),
              "system": QT_TRANSLATE_NOOP("ChatView", "System prompt")}
STATUS_NOTE = {
    Status.STREAMING: QT_TRANSLATE_NOOP("ChatView", "writing…"),
    Status.STOPPED: QT_TRANSLATE_NOOP("ChatView", "stopped"),
    Status.ERROR: QT_TRANSLATE_NOOP("ChatView", "error"),
    Status.INTERRUPTED: QT_TRANSLATE_NOOP("ChatView", "interrupted — the app closed while this reply was being written"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatView", text)


def role_label(role: str) -> str:
    return _tr(ROLE_LABEL.get(role, role))


def status_note(status: str) -> str:
    note = STATUS_NOTE.get(status, "")
    return _tr(note) if note else ""


def header_note(index: QModelIndex) -> str:
    """The words after the role in a message's header: its status, and whether the model's context
    leaves it (or, for a reply, earlier messages) out."""
    rec: MessageRecord = index.data(RecordRole)
    parts = [status_note(rec.status)]
    if index.data(LeftOutRole):
        parts.append(left_out_caption())
    dropped = index.data(DroppedRole)
    if dropped:
        parts.append(dropped_caption(dropped))
    return " · ".join(p for p in parts if p)


def bubble_rect(row: QRect) -> QRect:
    """The message's bubble: the row less its margins, at most the reading width, centred."""
    bubble = row.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)
    extra = bubble.width() - (READING_WIDTH + 2 * PAD)
    if extra > 0:
        bubble.adjust(extra // 2, 0, -(extra - extra // 2), 0)
    return bubble


def header_rect(row: QRect) -> QRect:
    bubble = bubble_rect(row)
    return QRect(bubble.left() + PAD, bubble.top() + PAD // 2, bubble.width() - 2 * PAD, HEADER_H)


def body_origin(row: QRect) -> QPoint:
    """Where the message's text is drawn (viewport coordinates)."""
    bubble = bubble_rect(row)
    return QPoint(bubble.left() + PAD, bubble.top() + PAD // 2 + HEADER_H + 1)


def body_width(row_width: int) -> int:
    """The width of a message's text in a row ``row_width`` wide (never more than the reading width)."""
    return max(100, min(READING_WIDTH, row_width - 2 * (PAD + MARGIN)))


def bubble_colour(rec: MessageRecord, pal: QPalette) -> QColor:
    base = pal.color(QPalette.ColorRole.Base)
    if rec.role == "user":
        return pal.color(QPalette.ColorRole.AlternateBase)
    if rec.status in (Status.ERROR, Status.INTERRUPTED):
        return QColor(base).darker(108) if base.lightness() >= 128 else QColor(base).lighter(130)
    return base


class MessageDelegate(QStyledItemDelegate):
    sibling_step = Signal(int, int)  # message id, -1 / +1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bodies = BodyCache()
        self.reader_id: int | None = None  # this message's text is drawn by the reader
        self.bar_id: int | None = None  # this message's header right side is covered by the action bar
        self.shading: Callable[[MessageRecord, Body], SelectionsFor | None] = lambda _rec, _body: None

    @staticmethod
    def theme() -> str:
        return theme_of()

    def body(self, rec: MessageRecord, width: int, font: QFont) -> Body:
        return self.bodies.body(rec, width, font, theme_of())

    def body_for(self, option: QStyleOptionViewItem, rec: MessageRecord) -> Body:
        return self.body(rec, body_width(option.rect.width()), option.font)

    def warm_up(self, font: QFont) -> None:
        """Pay first-use costs while the window is idle rather than in the middle of a reply:
        Qt's first rich-text layout here (~8 ms), and on the thread pool the Markdown parser's
        imports and regex compilation with Python's lexer (~100 ms of pure Python), then
        ``LEXERS_WARM_UP_MS`` later the other common languages' lexers. Compiled with the rest
        they were ~0.2 s more of pure Python under the GIL while the start-up model loaded and the
        first Send was handled (the first reply came 0.25-0.4 s sooner without them,
        benchmarks/startup.py, warm, busy 2-core machine). A block in another language before
        then compiles its lexer when first shown (~15 ms)."""
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setHtml('<p><b>x</b> <code>y</code></p><table border="1"><tr><td><pre>z</pre></td></tr></table>')
        doc.setTextWidth(400)
        doc.size()
        run_in_background(lambda: markdown.warm_up(lexers=False), lambda _r: None, lambda _e: None)
        QTimer.singleShot(
            LEXERS_WARM_UP_MS, self, lambda: run_in_background(markdown.warm_up_lexers, lambda _r: None, lambda _e: None)
        )

    # Qt calls these two from C++: an exception escaping them would end the process (PySide6 6.11
    # crashes while reporting it), so a failure is logged and the row shown as well as possible.
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        try:
            rec: MessageRecord = index.data(RecordRole)
            height = self.bodies.height(rec, body_width(option.rect.width()), option.font, theme_of())
            return QSize(option.rect.width(), int(height + 0.999) + ROW_EXTRA)
        except Exception:
            log.exception("Could not measure message row %s", index.row())
            return QSize(option.rect.width(), ROW_EXTRA + option.fontMetrics.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        try:
            self._paint(painter, option, index)
        except Exception:
            log.exception("Could not paint message row %s", index.row())
        finally:
            painter.restore()

    def _paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rec: MessageRecord = index.data(RecordRole)
        pal = option.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bubble = bubble_rect(option.rect)
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.setBrush(bubble_colour(rec, pal))
        painter.drawRoundedRect(bubble, 8, 8)
        if option.state & QStyle.StateFlag.State_HasFocus:  # the keyboard's current message
            pen = painter.pen()
            pen.setColor(pal.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bubble.adjusted(1, 1, -1, -1), 8, 8)

        header = header_rect(option.rect)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        label = role_label(rec.role)
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setFont(option.font)
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        note = header_note(index)
        if note:
            left = header.adjusted(painter.fontMetrics().horizontalAdvance(label + "  ") + 8, 0, -70, 0)
            note = painter.fontMetrics().elidedText(note, Qt.TextElideMode.ElideRight, max(0, left.width()))
            painter.drawText(left, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, note)
        sib = index.data(SiblingRole)
        if sib and rec.id != self.bar_id:
            painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"‹ {sib[0]}/{sib[1]} ›")

        if rec.id != self.reader_id:
            body = self.body_for(option, rec)
            origin = body_origin(option.rect)
            clip = painter.clipBoundingRect() if painter.hasClipping() else QRectF(option.rect)
            clip = clip.intersected(_repainted(painter))
            visible = clip.intersected(QRectF(option.rect)).translated(-origin.x(), -origin.y())
            painter.translate(origin)
            if index.data(LeftOutRole):
                painter.setOpacity(LEFT_OUT_OPACITY)
            body.draw(painter, pal.color(QPalette.ColorRole.Text), visible, self.shading(rec, body))

    @staticmethod
    def sibling_hit(option_rect: QRect, pos: QPoint) -> int:
        """-1 / +1 when ``pos`` is on the painted ‹ or › of the version switch, else 0."""
        header = header_rect(option_rect)
        if not header.contains(pos) or pos.x() < header.right() - 70:
            return 0
        return 1 if pos.x() > header.right() - 22 else (-1 if pos.x() < header.right() - 45 else 0)

    def editorEvent(self, event, model, option, index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and index.data(SiblingRole):
            step = self.sibling_hit(option.rect, event.position().toPoint())
            if step:
                self.sibling_step.emit(index.data(RecordRole).id, step)
                return True
        return super().editorEvent(event, model, option, index)


def _repainted(painter: QPainter) -> QRectF:
    """The part of the view being repainted, in the painter's coordinates (everything if unknown).

    Qt passes the paint event's region to the paint engine as its system clip, not as the
    painter's clip, so without this a body is drawn whole on every repaint and only the pixels
    are clipped: while a reply with a long code block streamed, each small update (the newest
    lines and the strip uncovered by scrolling) laid out every visible line again, ~14 ms a
    paint on the 2-core development machine (/tmp replay of a ui_stall code reply, cProfile)."""
    engine = painter.paintEngine()
    region = engine.systemClip() if engine is not None else None
    if region is None or region.isEmpty():
        return QRectF(-1e9, -1e9, 2e9, 2e9)
    inverse, ok = painter.deviceTransform().inverted()
    return inverse.mapRect(QRectF(region.boundingRect())) if ok else QRectF(-1e9, -1e9, 2e9, 2e9)
