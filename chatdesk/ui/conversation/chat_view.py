"""The conversation view: a virtualized list of painted messages, plus one live reader.

Design, and the measurements that chose it (2-core development machine, offscreen Qt, Markdown
replies like the history benchmark's; ``benchmarks/ui_stall.py`` measures the result in the real
window, numbers in its docstring and the report of issue #9):

* A QScrollArea with one QTextBrowser per message (everything selectable for free) took 108 ms to
  show 50 messages and 124 ms for 200, with the Markdown already rendered: too slow to open a long
  chat, and it grows with the conversation.
* QML (QQuickWidget, ListView of rich-text TextEdits) painted a 5,000-row model in 47 ms, 30 ms
  warm; but a rich TextEdit re-parses its whole text on every change, like a QTextDocument, so
  streaming costs the same as below, and it would bring QtQuick's scene graph (OpenGL/RHI, ~40 MB
  in the bundle) into a widget app whose palette, accessibility and tests are QWidget-based.
* Kept: a QListView with a painted delegate: only rows on screen are laid out and painted. A
  row's QTextDocument costs 0.9 ms for a typical reply (0.44 ms Markdown + 0.49 ms setHtml and
  layout; 0.15 ms for a user's plain text), so opening shows only the newest messages that fill
  the view twice (``_first_window``) and lays out the page above in idle slices: the newest
  message of a 5,000-message chat is painted 9-13 ms after ``show_messages`` (a 200-row window
  took 75-100 ms). Row heights outlive the documents (``BodyCache.height``): re-measuring every
  row when a page is inserted above had cost a 430 ms frame while scrolling.
* Streaming: re-laying out a 16 KB reply (4,000 tokens with code, 64 KB of HTML) costs 28-36 ms,
  which 30 repaints a second cannot afford. Finished Markdown blocks are laid out once each and
  only the unfinished tail is redone (``message_body``): 0.7 ms median per update, 12 ms worst in
  a real 4,000-token reply whose tail was a 3.4 KB list with code in it (the repaint rate then
  drops so the GUI thread stays three quarters idle).
* Selection, links, keyboard caret and screen readers need a real text widget: ``message_reader``
  lays one read-only QTextBrowser over the hovered or focused message, showing the very document
  the delegate paints (the row does not move by a pixel), and keeps it there while it holds a
  selection. Actions sit in a bar over the message's header (``message_actions``), on hover and
  on keyboard focus, and in the context menu. Token probabilities (``token_view``) are shaded
  over the rendered Markdown as extra selections.

Keyboard: Up/Down move between messages, Tab reaches the message's actions (then its text), Enter
or Space trigger an action, Enter on a message puts the caret in its text (Shift+arrows select,
Esc returns), Ctrl+C copies the selection (or, without one, the whole message as Markdown),
Alt+Left/Right switch versions, Delete deletes.

Signals: ``action_requested(name, message id)`` (names in ``message_actions``), ``sibling_step``
(message id, -1/+1), ``alternative_picked`` (message id, token index, token id),
``link_hovered`` (full address, for the status bar), ``probabilities_toggled`` (the user switched
the chat's probability view).
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QMenu, QTextEdit, QWidget

from chatdesk.store import MessageRecord, Status
from chatdesk.ui.conversation.empty_state import EmptyState
from chatdesk.ui.conversation.message_actions import ActionBar, build_menu
from chatdesk.ui.conversation.message_body import Body, StreamBody
from chatdesk.ui.conversation.message_delegate import (
    HEADER_H,
    LEFT_OUT_OPACITY,
    ROW_EXTRA,
    MessageDelegate,
    body_origin,
    body_width,
    bubble_colour,
    header_rect,
    role_label,
    status_note,
)
from chatdesk.ui.conversation.message_model import PAGE, WINDOW, MessageListModel, RecordRole, StreamedRole
from chatdesk.ui.conversation.message_reader import MessageReader, openable
from chatdesk.ui.conversation.token_view import (
    ProbabilityLegend,
    Shades,
    TokenLayout,
    TokenPopup,
    TokenRecord,
    TokenSource,
    shades_key,
)

TOKEN_HOVER_MS = 150
MIN_FIRST_ROWS = 12
WARM_SLICE_S = 0.004  # layout work per idle slice when preparing older messages
MIN_LINES = 10  # the conversation never gets shorter than this many lines of text (small windows)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatView", text)


class ChatView(QListView):
    """Shows one conversation; keeps scrolled to the bottom while a reply streams."""

    action_requested = Signal(str, int)  # action name, message id
    sibling_step = Signal(int, int)  # message id, -1 / +1
    alternative_picked = Signal(int, int, int)  # message id, token index, token id
    link_hovered = Signal(str)
    source_requested = Signal(int, int)  # message id, source number: a source chip under a reply was clicked
    probabilities_toggled = Signal(bool)
    suggestion_chosen = Signal(str)  # a new chat's suggestion was clicked: its text goes to the message box

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        # A small window with the settings panel, the meter and a message line open still shows
        # a readable part of the conversation: the window's minimum height grows instead.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * MIN_LINES + 2 * self.frameWidth())
        self.setAccessibleName(_tr("Conversation"))
        self.setAccessibleDescription(_tr(
            "Up and Down move between messages; Tab reaches the message's actions; Enter puts the caret in "
            "the message's text; Ctrl+C copies; Alt+Left and Alt+Right switch versions."))
        self._overlay_timer = QTimer(self)  # first: Qt calls the overrides below during set-up
        self._overlay_timer.setSingleShot(True)
        self._overlay_timer.setInterval(0)
        self._overlay_timer.timeout.connect(self._update_overlays)
        self.model_ = MessageListModel(self)
        self.setModel(self.model_)
        self.delegate = MessageDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.sibling_step.connect(self.sibling_step)
        self.delegate.shading = self._shading_for
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(20)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.viewport().setMouseTracking(True)

        self.tokens = TokenSource(self)
        self.tokens.changed.connect(self._tokens_changed)
        self._probabilities = False
        self._layouts: dict[int, tuple[tuple, TokenLayout]] = {}
        self._shades: Shades | None = None
        self.probabilities_action = QAction(_tr("Show token probabilities"), self)
        self.probabilities_action.setObjectName("showProbabilities")
        self.probabilities_action.setCheckable(True)
        self.probabilities_action.setToolTip(_tr("Shade each token of this chat's replies by its probability"))
        self.probabilities_action.toggled.connect(self._user_toggled_probabilities)

        self.bar = ActionBar(self.viewport())
        self.bar.triggered.connect(lambda name: self.trigger(name, self.bar.message_id))
        self.bar.step.connect(lambda step: self.delegate.sibling_step.emit(self.bar.message_id, step))
        self.bar.probabilities_toggled.connect(self._user_toggled_probabilities)
        self.bar.escape.connect(self._back_to_list)
        self.reader = MessageReader(self.viewport())
        self.reader.link_hovered.connect(self.link_hovered)
        self.reader.source_activated.connect(self.source_requested)
        self.reader.escape_pressed.connect(self._back_to_list)
        self.reader.enter_pressed.connect(self._enter_in_reader)
        self.reader.version_step.connect(
            lambda step: self.reader.record and self.delegate.sibling_step.emit(self.reader.record.id, step))
        self.reader.token_pointed.connect(self._token_pointed)
        self.reader.caret_moved.connect(self._caret_moved)
        self.reader.customContextMenuRequested.connect(lambda pos: self._menu(self.reader.mapTo(self.viewport(), pos)))
        self.reader.installEventFilter(self)
        self.reader.viewport().installEventFilter(self)
        self.popup = TokenPopup(self.viewport())
        self.legend = ProbabilityLegend(self)  # what the shading means, while the probability view is on
        self.popup.picked.connect(self._alternative_picked)
        self.popup.closed.connect(self._close_popup)
        self.popup.installEventFilter(self)
        chain: list[QWidget] = [self, *self.bar.focus_order(), self.reader, self.popup.alternatives]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

        self._hover_row = -1
        self._keyboard = False  # the last input was a key: the bar follows the current row
        self._forwarding = False  # a press on a painted row went on to the reader
        self._in_forward = False
        self._token_timer = QTimer(self)
        self._token_timer.setSingleShot(True)
        self._token_timer.setInterval(TOKEN_HOVER_MS)
        self._token_timer.timeout.connect(self._show_pointed_token)
        self._popup_hide = QTimer(self)
        self._popup_hide.setSingleShot(True)
        self._popup_hide.setInterval(400)
        self._popup_hide.timeout.connect(self._maybe_hide_popup)
        self._pointed: tuple[int, int] | None = None  # (message id, token index) under the mouse
        self._warm: list[MessageRecord] = []
        self._warm_timer = QTimer(self)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_step)

        self.model_.dataChanged.connect(self._follow)
        # A new chat (no message yet) shows suggestions instead of an empty page.
        self.empty_state = EmptyState(self.viewport())
        self.empty_state.chosen.connect(self.suggestion_chosen)
        for signal in (self.model_.modelReset, self.model_.rowsInserted, self.model_.rowsRemoved):
            signal.connect(self._update_empty_state)
        self._update_empty_state()
        # New rows need no forced layout: while stuck to the bottom, _range_changed follows the
        # scroll range as the (delayed, batched) layout measures them.
        self.model_.rowsInserted.connect(self._rows_inserted)
        self.model_.modelReset.connect(self._schedule_overlays)
        self._stick = True
        self._from_bottom: int | None = None  # keeps the reading position while older rows load
        self._quiet = False  # the viewport's repaints are being held back (``_streamed``)
        self._streamed_done = False  # the last streamed text was laid out and repainted by ``_streamed``
        self._laid: tuple[int, int] | None = None  # (message id, height) of the newest row in the last layout
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._track)
        bar.rangeChanged.connect(self._range_changed)

    # ------------------------------------------------------------------ scrolling
    def _track(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._stick = value >= bar.maximum() - 4
        self._schedule_overlays()
        if not self.model_.hidden_count or not self.isVisible():
            return
        near_top = value - bar.minimum() < 2 * self.viewport().height()
        if near_top and not self._warm and not self._warm_timer.isActive():
            self._warm = list(reversed(self.model_.hidden_records(PAGE)))  # newest first: they show first
            self._warm_timer.start()
        if value == bar.minimum():
            self._from_bottom = bar.maximum() - value
            self.model_.show_earlier()

    def _warm_step(self) -> None:
        """Lay out the page above the first row in small idle slices, so showing it costs nothing."""
        start = time.perf_counter()
        width, font = body_width(self.viewport().width()), self.font()
        while self._warm and time.perf_counter() - start < WARM_SLICE_S:
            self.delegate.body(self._warm.pop(), width, font)
        if not self._warm:
            self._warm_timer.stop()

    def _rows_inserted(self, _parent, first: int, _last: int) -> None:
        if first > 0:  # appended at the end (older pages are inserted at row 0)
            self._stick = True
            self.scheduleDelayedItemsLayout()
        self._schedule_overlays()

    def _range_changed(self, _lo: int, hi: int) -> None:
        """Batched layout grows the range as rows are measured: stay at the bottom, or in place."""
        if self._quiet:
            return  # ``_streamed`` scrolls once the viewport repaints again
        bar = self.verticalScrollBar()
        if self._stick:
            bar.setValue(hi)
        elif self._from_bottom is not None:
            bar.setValue(hi - self._from_bottom)

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:  # type: ignore[override]  # the stub's roles has no default; Qt passes none for all roles
        if StreamedRole in roles and top_left == bottom_right and self._streamed(top_left, roles):
            return
        super().dataChanged(top_left, bottom_right, roles)

    def _streamed(self, index: QModelIndex, roles) -> bool:
        """Streamed text was appended to the newest row: lay it out and repaint only what changed.

        Why: Qt's own path lays every row out again and repaints the whole viewport (the whole
        streaming reply, on screen) for every update: ``benchmarks/ui_stall.py --case story``
        measured a stream p99 gap of 21.6 ms and 65 gaps over 16 ms in 500 tokens on the 2-core
        development machine, time also taken from llama.cpp's threads. Here the reply's body is
        measured first (the view asks the delegate for the row's live size, which lays the new
        text out: ``StreamBody.changed_from`` then says where its drawing changed); the rows are
        laid out again only when the row's height differs from the one the last layout used
        (``_laid``), with the viewport's repaints held back (Qt would repaint all of it); the view
        scrolls by the growth (Qt moves the pixels drawn) and only the reply from the changed
        block down is repainted. Returns False to leave it to Qt: not the newest row, not shown,
        token shading on (a token's shade may come after its text), or a body that is not a
        continuation of the one on screen."""
        row = index.row()
        if row != self.model_.rowCount() - 1 or not self.isVisible() or self._probabilities:
            return False
        self.executeDelayedItemsLayout()  # a pending layout (rows just added) repaints everything itself
        rec: MessageRecord = index.data(RecordRole)
        known = self.delegate.bodies.peek(rec.id)
        laid = self._laid
        rect = self.visualRect(index)  # the row's live size: the delegate lays the new text out here
        width = body_width(rect.width())
        if not rect.isValid() or not isinstance(known, StreamBody) or known.width != max(50, width):
            return False
        body = self.delegate.body(rec, width, self.font())
        if body is not known:
            return False
        changed = body.changed_from
        old_height = laid[1] if laid is not None and laid[0] == rec.id else None
        vp = self.viewport()
        self._quiet = True
        vp.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, True)
        try:
            # Screen readers hear of the change; Qt's repaint of the row is held back, and QListView's
            # own override (a delayed relayout of every row) is skipped: done here when needed.
            QAbstractItemView.dataChanged(self, index, index, roles)
            if old_height != rect.height():
                mode = self.layoutMode()
                self.setLayoutMode(QListView.LayoutMode.SinglePass)  # every row now, not in batches that repaint all
                try:
                    self.doItemsLayout()
                finally:
                    self.setLayoutMode(mode)
        finally:
            vp.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, False)
            self._quiet = False
        bar = self.verticalScrollBar()
        self._range_changed(bar.minimum(), bar.maximum())  # Qt moves the pixels drawn and repaints the strip uncovered
        if changed is not None:
            now = self.visualRect(index)
            top = max(0, body_origin(now).y() + math.floor(changed) - 1)
            # Down to the row's bottom, or its old bottom when it shrank; to the viewport's bottom
            # when the old height is unknown.
            bottom = vp.height() if old_height is None else min(vp.height(), max(now.bottom(), now.top() + old_height - 1) + 1)
            if top < bottom:
                vp.update(QRect(0, top, vp.width(), bottom - top))
        self._streamed_done = True
        return True

    def doItemsLayout(self) -> None:
        """Qt's layout of every row; remembers the newest row's height as measured (``_streamed``)."""
        super().doItemsLayout()
        self._laid = None
        n = self.model_.rowCount()
        if n:
            index = self.model_.index(n - 1)
            rect = self.visualRect(index)  # invalid while a batched layout has not reached it
            if rect.isValid():
                self._laid = (index.data(RecordRole).id, rect.height())

    def _follow(self, _top_left=None, _bottom_right=None, roles=()) -> None:
        if self._streamed_done and StreamedRole in roles:
            self._streamed_done = False  # laid out, scrolled and repainted already
        else:
            self._streamed_done = False
            self.scheduleDelayedItemsLayout()
            if self._stick:
                self.scrollToBottom()
        self._schedule_overlays()
        # A streaming reply whose unfinished block is long (a list with code in it) costs more to
        # lay out per update: leave the GUI thread (and the model, on a small machine) at least
        # three quarters of the time by applying text less often, down to 10 times a second.
        cost = self.delegate.bodies.last_stream_update_ms
        self.model_.set_repaint_interval(min(100, int(4 * cost)))

    def _update_empty_state(self) -> None:
        empty = not any(r.role in ("user", "assistant") for r in self.model_.records())
        self.empty_state.setGeometry(self.viewport().rect())
        self.empty_state.setVisible(empty)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_legend()
        if hasattr(self, "empty_state"):  # Qt resizes the view while it is being set up
            self.empty_state.setGeometry(self.viewport().rect())
        self.scheduleDelayedItemsLayout()
        self._schedule_overlays()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._schedule_overlays()

    def show_messages(self, rows: list[MessageRecord], siblings: dict[int, tuple[int, int]] | None = None, focus_id: int | None = None) -> None:
        had_focus = self._focus_inside()
        keep_row = self.currentIndex().row() if had_focus and self.currentIndex().isValid() else -1
        keep_from_bottom = self.model_.rowCount() - keep_row if keep_row >= 0 else -1
        self._from_bottom = None
        self._release_overlays()
        self._warm.clear()
        self._layouts.clear()
        self.model_.set_messages(rows, siblings, self._first_window(rows))
        self._warm = list(reversed(self.model_.hidden_records(PAGE)))  # the page above, in idle time
        if self._warm:
            self._warm_timer.start()
        if focus_id is not None:
            row = self.model_.reveal(focus_id)
            if row >= 0:
                idx = self.model_.index(row)
                self.setCurrentIndex(idx)
                self.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
                self._stick = False
                return
        if keep_from_bottom > 0 and self.model_.rowCount():
            # A version switch or a deletion from the keyboard: stay on the same message slot.
            row = max(0, min(self.model_.rowCount() - 1, self.model_.rowCount() - keep_from_bottom))
            self.setCurrentIndex(self.model_.index(row))
            self._keyboard = True
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            if row < self.model_.rowCount() - 1:
                self._stick = False
                QTimer.singleShot(0, lambda: self.scrollTo(self.model_.index(row)) if row < self.model_.rowCount() else None)
                return
        self._stick = True
        self.scrollToBottom()

    def _first_window(self, rows: list[MessageRecord]) -> int:
        """How many of the newest messages to show at once: enough to fill the view twice over
        (each must be laid out to be measured); the rest come a page at a time, laid out in idle
        time first (``_warm_step``)."""
        height = self.viewport().height()
        if height <= 0 or len(rows) <= MIN_FIRST_ROWS:
            return WINDOW
        width, font, theme = body_width(self.viewport().width()), self.font(), self.delegate.theme()
        total, count = 0.0, 0
        for rec in reversed(rows):
            total += self.delegate.bodies.height(rec, width, font, theme) + ROW_EXTRA
            count += 1
            if count >= WINDOW or (count >= MIN_FIRST_ROWS and total >= 2 * height):
                break
        return count

    # ------------------------------------------------------------------ overlays: bar and reader
    def _schedule_overlays(self, *_args: object) -> None:
        if not self._overlay_timer.isActive():
            self._overlay_timer.start()

    def _focus_inside(self) -> bool:
        w = QApplication.focusWidget()
        return w is not None and (w is self or self.isAncestorOf(w))

    def _active_row(self) -> int:
        """The message the bar (and the reader) are on: the current one while the keyboard is in
        use, else the one under the mouse."""
        if self._keyboard and self._focus_inside() and self.currentIndex().isValid():
            return self.currentIndex().row()
        return self._hover_row

    def _record(self, row: int) -> MessageRecord | None:
        idx = self.model_.index(row)
        return idx.data(RecordRole) if idx.isValid() else None

    def _release_overlays(self) -> None:
        self.bar.hide()
        self.reader.release()
        self.popup.hide()
        self.delegate.bar_id = self.delegate.reader_id = None

    def _update_overlays(self) -> None:
        if not hasattr(self, "reader"):
            return  # still being set up
        before = (self.delegate.bar_id, self.delegate.reader_id)
        row = self._active_row()
        self._place_bar(row)
        self._place_reader(row)
        if self.popup.isVisible() and (self.reader.record is None or self.popup.message_id != self.reader.record.id
                                       or not self._probabilities):
            self.popup.hide()
        if (self.delegate.bar_id, self.delegate.reader_id) != before:
            self.viewport().update()

    def _row_rect(self, row: int) -> QRect:
        if row < 0:
            return QRect()
        rect = self.visualRect(self.model_.index(row))
        return rect if rect.isValid() and rect.intersects(self.viewport().rect()) else QRect()

    def _place_bar(self, row: int) -> None:
        focus = QApplication.focusWidget()
        if self.bar.isVisible() and focus is not None and self.bar.isAncestorOf(focus):
            row = self.model_.row_of(self.bar.message_id)  # keep the bar under the keyboard
        rect = self._row_rect(row)
        rec = self._record(row) if rect.isValid() else None
        if rec is None:
            self.bar.hide()
            self.delegate.bar_id = None
            return
        self.bar.set_message(rec, self.model_.siblings_of(rec.id), self._probabilities)
        header = header_rect(rect)
        used = self.fontMetrics().horizontalAdvance(role_label(rec.role) + "   " + status_note(rec.status)) + 24
        self.bar.fit(max(60, header.width() - used))
        self.bar.set_colour(bubble_colour(rec, self.palette()))
        y = header.top() + (HEADER_H - self.bar.height()) // 2
        if y < 0 and rect.bottom() > self.bar.height() + 8:
            y = 2  # a reply taller than the view keeps its actions at the top while it is read
        self.bar.move(header.right() - self.bar.width() + 1, y)
        self.bar.show()
        self.bar.raise_()
        self.delegate.bar_id = rec.id

    def _place_reader(self, row: int) -> None:
        reader = self.reader
        if reader.record is not None and (reader.has_selection() or self._forwarding or (reader.hasFocus() and self._keyboard)):
            kept = self.model_.row_of(reader.record.id)
            if kept >= 0:
                row = kept  # a selection or the caret stays where it is
        rec = self._record(row) if row >= 0 else None
        rect = self.visualRect(self.model_.index(row)) if rec is not None else QRect()
        if rec is None or not rect.isValid() or rec.status == Status.STREAMING or rec.role not in ("user", "assistant", "system"):
            if reader.hasFocus():
                self.setFocus(Qt.FocusReason.OtherFocusReason)
            reader.release()
            self.delegate.reader_id = None
            return
        body = self.delegate.body(rec, body_width(rect.width()), self.font())
        reader.show_body(rec, body)
        reader.set_dimmed(LEFT_OUT_OPACITY if self.model_.is_left_out(rec.id) else None)
        reader.setGeometry(QRect(body_origin(rect), QSize(body.width, math.ceil(body.height))))
        reader.show()
        self.delegate.reader_id = rec.id
        self._shade_reader()

    def _back_to_list(self) -> None:
        self._keyboard = True
        self.popup.hide()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._schedule_overlays()

    def focus_reader(self) -> bool:
        """Put the keyboard caret in the current message's text (for selecting by keyboard)."""
        self._keyboard = True
        self._update_overlays()
        if not self.reader.isVisible():
            return False
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # ------------------------------------------------------------------ mouse
    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove and not self._forwarding:
            self._pointer_at(self.indexAt(event.position().toPoint()).row())  # type: ignore[attr-defined]  # a MouseMove is a QMouseEvent
        elif kind == QEvent.Type.Leave:
            self._hover_row = -1
            self._schedule_overlays()
        return super().viewportEvent(event)

    def _pointer_at(self, row: int) -> None:
        if row != self._hover_row or self._keyboard:
            self._keyboard = False
            self._hover_row = row
            self._schedule_overlays()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        idx = self.indexAt(pos)
        if idx.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self._keyboard = False
            self._hover_row = idx.row()
            self.setCurrentIndex(idx)
            if self.reader.record is not None and self.reader.record.id != idx.data(RecordRole).id:
                self.reader.setTextCursor(self.reader.cursorForPosition(QPoint(0, 0)))  # let go of the old selection
                if self.reader.hasFocus():
                    self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._update_overlays()
            if self.reader.isVisible() and self.reader.geometry().contains(pos):
                self._forwarding = True
                self._forward(event)
                return
        super().mousePressEvent(event)

    def _forward(self, event: QMouseEvent) -> None:
        """A press on a painted message goes on to the reader just laid over it, and so do the
        moves and the release that follow it."""
        if self._in_forward:  # an event the reader ignores comes back up to us: drop it
            return
        target = self.reader.viewport()
        local = target.mapFrom(self.viewport(), event.position().toPoint())
        copy = QMouseEvent(event.type(), local, event.globalPosition(), event.button(), event.buttons(), event.modifiers())
        self._in_forward = True
        try:
            QCoreApplication.sendEvent(target, copy)
        finally:
            self._in_forward = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._forwarding:
            self._forward(event)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._forwarding:
            self._forward(event)
            self._forwarding = False
            return
        if not self._in_forward:
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.reader.isVisible() and self.reader.geometry().contains(event.position().toPoint()):
            self._forwarding = True
            self._forward(event)
            return
        super().mouseDoubleClickEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.MouseMove and obj is self.reader.viewport() and self.reader.record is not None:
            self._pointer_at(self.model_.row_of(self.reader.record.id))
        elif event.type() == QEvent.Type.Leave and obj in (self.reader, self.popup) and self.popup.isVisible():
            self._popup_hide.start()
        return False

    # ------------------------------------------------------------------ keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._keyboard = True
        if not self.currentIndex().isValid() and self.model_.rowCount():  # the keyboard starts at the newest
            self.setCurrentIndex(self.model_.index(self.model_.rowCount() - 1))
        rec = self._record(self.currentIndex().row()) if self.currentIndex().isValid() else None
        key, mods = event.key(), event.modifiers()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection_or_message()
            return
        if rec is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focus_reader()
            return
        if rec is not None and mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            if self.model_.siblings_of(rec.id):
                self.delegate.sibling_step.emit(rec.id, -1 if key == Qt.Key.Key_Left else 1)
            return
        if rec is not None and key == Qt.Key.Key_Delete and rec.status != Status.STREAMING:
            self.trigger("delete", rec.id)
            return
        super().keyPressEvent(event)
        self._schedule_overlays()

    def focusInEvent(self, event) -> None:
        fresh = not self.currentIndex().isValid()
        super().focusInEvent(event)  # (Qt makes the first row current)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self._keyboard = True
            if fresh and self.model_.rowCount():  # the keyboard starts at the newest message
                self.setCurrentIndex(self.model_.index(self.model_.rowCount() - 1))
        self._schedule_overlays()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._schedule_overlays()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        self._schedule_overlays()

    def focusNextPrevChild(self, next_: bool) -> bool:
        """Tab from the list goes to the current message's actions first."""
        if next_ and self.hasFocus():
            self._keyboard = True
            self._update_overlays()
            first = self.bar.first_button() if self.bar.isVisible() else None
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().focusNextPrevChild(next_)

    # ------------------------------------------------------------------ actions
    def trigger(self, name: str, message_id: int) -> None:
        """Run a message action: copy here, everything else through ``action_requested``."""
        if name == "copy":
            row = self.model_.row_of(message_id)
            rec = self._record(row) if row >= 0 else None
            if rec is None:
                return
            QGuiApplication.clipboard().setText(rec.content)
        self.action_requested.emit(name, message_id)

    def copy_selection_or_message(self) -> None:
        """Ctrl+C: the reader's selection as plain text, else the current message as Markdown."""
        if self.reader.has_selection():
            QGuiApplication.clipboard().setText(self.reader.selected_text())
            return
        if self.currentIndex().isValid():
            self.trigger("copy", self.currentIndex().data(RecordRole).id)

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The context menu for viewport position ``pos`` (None off the messages)."""
        idx = self.indexAt(pos)
        if not idx.isValid():
            return None
        rec: MessageRecord = idx.data(RecordRole)
        menu = QMenu(self)
        menu.setObjectName("messageMenu")
        menu.setAccessibleName(_tr("Message menu"))
        on_reader = self.reader.record is not None and self.reader.record.id == rec.id
        if on_reader and self.reader.has_selection():
            act = menu.addAction(_tr("Copy selection"), lambda: QGuiApplication.clipboard().setText(self.reader.selected_text()))
            act.setShortcut(QKeySequence.StandardKey.Copy)
        if on_reader:
            href = self.reader.anchorAt(self.reader.mapFrom(self.viewport(), pos))
            if href and openable(QUrl(href)):
                menu.addAction(_tr("Copy link address"), lambda: QGuiApplication.clipboard().setText(href))
        build_menu(menu, rec, lambda name: self.trigger(name, rec.id))
        sib = self.model_.siblings_of(rec.id)
        if sib and rec.status != Status.STREAMING:
            menu.addSeparator()
            prev = menu.addAction(_tr("Previous version"), lambda: self.delegate.sibling_step.emit(rec.id, -1))
            prev.setEnabled(sib[0] > 1)
            nxt = menu.addAction(_tr("Next version"), lambda: self.delegate.sibling_step.emit(rec.id, 1))
            nxt.setEnabled(sib[0] < sib[1])
        if rec.role == "assistant":
            menu.addSeparator()
            menu.addAction(self.probabilities_action)
        return menu

    def _menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))
            menu.deleteLater()

    # ------------------------------------------------------------------ token probabilities
    def probabilities_visible(self) -> bool:
        return self._probabilities

    def set_probabilities_visible(self, on: bool) -> None:
        """Show or hide the probability view (the window calls this when a chat opens)."""
        self._probabilities = bool(on)
        self.probabilities_action.blockSignals(True)
        self.probabilities_action.setChecked(self._probabilities)
        self.probabilities_action.blockSignals(False)
        self._layouts.clear()
        if not on:
            self.popup.hide()
        self.legend.setVisible(self._probabilities)
        self._place_legend()
        self.viewport().update()
        self._schedule_overlays()

    def _place_legend(self) -> None:
        """The legend takes a strip above the messages (a viewport margin), so it covers none."""
        legend = getattr(self, "legend", None)
        if legend is None:
            return
        height = legend.sizeHint().height() if legend.isVisibleTo(self) else 0
        if self.viewportMargins().top() != height:
            self.setViewportMargins(0, height, 0, 0)
        fw = self.frameWidth()
        legend.setGeometry(fw, fw, self.width() - 2 * fw, height)

    def _user_toggled_probabilities(self, on: bool) -> None:
        if bool(on) == self._probabilities:
            return
        self.set_probabilities_visible(on)
        self.probabilities_toggled.emit(self._probabilities)

    def _tokens_changed(self, message_id: int) -> None:
        self._layouts.pop(message_id, None)
        if not self._probabilities:
            return
        row = self.model_.row_of(message_id)
        rec = self._record(row) if row >= 0 else None
        if rec is not None and rec.status == Status.STREAMING:
            return  # the text's own (30 Hz) repaint shows the new tokens: no extra repaints
        if row >= 0:
            self.viewport().update(self.visualRect(self.model_.index(row)))
        if self.reader.record is not None and self.reader.record.id == message_id:
            self._shade_reader()

    def token_layout(self, rec: MessageRecord, body: Body) -> TokenLayout | None:
        """Where ``rec``'s tokens are in ``body`` (None: no probabilities to show)."""
        if not self._probabilities or rec.role != "assistant":
            return None
        record: TokenRecord | None = self.tokens.get(rec.id)
        if record is None or not record.tokens:
            return None
        key = (id(body), body.revision, len(body.segments), id(record))
        cached = self._layouts.get(rec.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        layout = TokenLayout(body, record)
        self._layouts[rec.id] = (key, layout)
        return layout

    def _current_shades(self) -> Shades:
        if self._shades is None or self._shades.key != shades_key(self.palette()):
            self._shades = Shades(self.palette())
        return self._shades

    def _shading_for(self, rec: MessageRecord, body: Body):
        layout = self.token_layout(rec, body)
        if layout is None:
            return None
        shades = self._current_shades()
        return lambda seg, first, last: layout.selections(seg, first, last, shades)

    def _shade_reader(self) -> None:
        reader = self.reader
        rec, body = reader.record, reader.body
        layout = self.token_layout(rec, body) if rec is not None and body is not None else None
        if layout is None or body is None or not body.is_single:
            if reader.extraSelections():
                reader.setExtraSelections([])
            return
        shown = reader.geometry().intersected(self.viewport().rect()).translated(-reader.x(), -reader.y())
        if shown.isEmpty():
            reader.setExtraSelections([])
            return
        first = reader.cursorForPosition(shown.topLeft()).position()
        last = reader.cursorForPosition(shown.bottomRight()).position()
        reader.setExtraSelections(layout.selections(0, first, last, self._current_shades(), kind=QTextEdit.ExtraSelection))

    def _token_pointed(self, position: int, where: QPoint) -> None:
        rec, body = self.reader.record, self.reader.body
        layout = self.token_layout(rec, body) if rec is not None and body is not None else None
        index = layout.token_at(0, position) if layout is not None else None
        if rec is None or index is None:
            self._pointed = None
            self._token_timer.stop()
            if self.popup.isVisible():
                self._popup_hide.start()
            return
        self._popup_hide.stop()
        if self.popup.isVisible() and (self.popup.message_id, self.popup.token_index) == (rec.id, index):
            return  # already shown
        if self._pointed != (rec.id, index) or not self._token_timer.isActive():
            self._pointed = (rec.id, index)
            self._token_timer.start()

    def _show_pointed_token(self) -> None:
        if self._pointed is not None:
            self.show_token(*self._pointed)

    def _caret_moved(self, position: int) -> None:
        if not self._probabilities or not self.reader.hasFocus() or self.reader.record is None:
            return
        rec, body = self.reader.record, self.reader.body
        layout = self.token_layout(rec, body) if body is not None else None
        index = layout.token_at(0, position) if layout is not None else None
        if index is None and layout is not None and position > 0:
            index = layout.token_at(0, position - 1)  # the caret just after a token's last character
        if index is not None:
            self.show_token(rec.id, index)

    def show_token(self, message_id: int, index: int) -> bool:
        """Show token ``index`` of a message's reply with its alternatives (under the token)."""
        if self.reader.record is None or self.reader.record.id != message_id or self.reader.body is None:
            return False
        layout = self.token_layout(self.reader.record, self.reader.body)
        if layout is None or not 0 <= index < len(layout.record.tokens):
            return False
        self.popup.show_token(message_id, index, layout.record)
        span = layout.span_of(0, index)
        cursor = self.reader.textCursor()
        cursor.setPosition(span[0] if span else 0)
        rect = self.reader.cursorRect(cursor)
        below = self.reader.mapTo(self.viewport(), rect.bottomLeft()) + QPoint(0, 4)
        x = max(0, min(below.x(), self.viewport().width() - self.popup.width()))
        y = below.y()
        if y + self.popup.height() > self.viewport().height():
            y = max(0, self.reader.mapTo(self.viewport(), rect.topLeft()).y() - self.popup.height() - 4)
        self.popup.move(x, y)
        self.popup.raise_()
        return True

    def _enter_in_reader(self) -> None:
        if self.popup.isVisible():
            self.popup.focus_first()

    def _alternative_picked(self, index: int, token_id: int) -> None:
        message_id = self.popup.message_id
        self.popup.hide()
        self.alternative_picked.emit(message_id, index, token_id)

    def _close_popup(self) -> None:
        self.popup.hide()
        if self.reader.isVisible():
            self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    def _maybe_hide_popup(self) -> None:
        focus = QApplication.focusWidget()
        if self.popup.underMouse() or self.reader.underMouse() or (focus is not None and self.popup.isAncestorOf(focus)):
            return
        if self.reader.hasFocus():
            return
        self.popup.hide()
        self._pointed = None
