"""The conversation view's connections to the window, the chat flow and the store.

``MainWindow._wire_view()`` builds one ``ChatViewWiring``; the window's one dispatcher of the view's
``action_requested`` (``MainWindow._message_action``) hands it delete and copy, and everything else
the view needs lives here, so the window's own wiring stays short:

* ``delete`` (with Undo in the notice strip: the window's one ``UndoOffer``; the hidden messages are removed
  for good when the window closes over, or at the next start) and ``copy`` (a word in the status
  bar; the view has already put the text on the clipboard);
* token probabilities: the chat's ``show_probabilities`` setting follows the view's toggle and is
  shown when a chat opens; stored records are read with ``load_message_tokens``, live ones come
  from ``ChatController.tokens_changed``; picking an alternative calls
  ``ChatController.branch_at_token``;
* a hovered link's full address in the status bar;
* a new chat's suggestion (the view's empty state) goes into the message box, to edit or send.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from chatdesk.chat import FlowError
from chatdesk.store import StoreError
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background

if TYPE_CHECKING:
    from chatdesk.ui.shell.main_window import MainWindow

SYNC_RESTORE_LIMIT = 200  # messages; bringing back more (re-indexing them for search) runs off the GUI thread


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatView", text)


class ChatViewWiring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        view, controller, store = window.chat_view, window.controller, window.store
        view.tokens.loader = lambda message_id: _load_tokens(store, message_id)
        controller.tokens_changed.connect(self._live_tokens)
        controller.current_changed.connect(self._conversation_shown)
        view.probabilities_toggled.connect(self._save_probabilities)
        view.alternative_picked.connect(self._branch_at_token)
        view.link_hovered.connect(self._link_hovered)
        view.source_requested.connect(self.show_source)
        view.suggestion_chosen.connect(self._suggestion)
        self.deleted_id: int | None = None  # the message whose deletion can still be undone
        self.deleted_count = 0
        QTimer.singleShot(0, self._follow_settings_panel)  # the panel is installed after this
        # Messages hidden in an earlier session, whose undo window closed with the app.
        run_in_background(store.purge_deleted_messages, lambda _n: None, lambda _e: None)

    def _suggestion(self, text: str) -> None:
        edit = self.window.composer.edit
        edit.setPlainText(text)
        edit.moveCursor(edit.textCursor().MoveOperation.End)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ actions
    def copied(self) -> None:
        self.window.statusBar().showMessage(_tr("Copied the message as Markdown."), 3000)

    def delete(self, message_id: int) -> None:
        w = self.window
        try:
            hidden = w.store.delete_message(message_id)
        except StoreError as exc:
            w.banner.show_message(localized(exc))
            return
        self.deleted_count = len(hidden)
        w.controller.open_conversation(w.controller.current_id)
        text = _tr("Deleted the message.") if len(hidden) == 1 else _tr("Deleted the message and {n} below it.").format(n=len(hidden) - 1)
        self._offer(message_id, text)

    def _offer(self, message_id: int, text: str) -> None:
        self.deleted_id = message_id
        self.window.undo.offer(text, self._undo, self._purge)

    def undo(self) -> None:
        """Undo the last message deletion (the notice's Undo button does the same)."""
        if self.deleted_id is not None:
            self.window.undo.undo()

    def _undo(self) -> None:
        w = self.window
        message_id, self.deleted_id = self.deleted_id, None
        if message_id is None:
            return
        if self.deleted_count > SYNC_RESTORE_LIMIT:
            run_in_background(lambda: w.store.restore_message(message_id), lambda _ids: self._restored(),
                              lambda exc: self._restore_failed(message_id, exc), owner=self)
            return
        try:
            w.store.restore_message(message_id)
        except StoreError as exc:
            self._restore_failed(message_id, exc)
            return
        self._restored()

    def _restored(self) -> None:
        self.window.controller.open_conversation(self.window.controller.current_id)

    def _restore_failed(self, message_id: int, exc: BaseException) -> None:
        self.window.banner.show_message(_tr("{error} Try Undo again.").format(error=localized(exc)))
        self._offer(message_id, _tr("Deleted the message."))

    def _purge(self) -> None:
        """The undo window closed: remove the hidden messages for good (off the GUI thread)."""
        self.deleted_id = None
        store = self.window.store
        run_in_background(store.purge_deleted_messages, lambda _n: None,
                          lambda exc: self.window.banner.show_message(localized(exc)), owner=self)

    # ------------------------------------------------------------------ token probabilities
    def _conversation_shown(self, conversation_id: int) -> None:
        try:
            chat = self.window.controller.flow.chat_settings(conversation_id)
        except StoreError:
            return
        self.window.chat_view.set_probabilities_visible(chat.show_probabilities)

    def _follow_settings_panel(self) -> None:
        """The chat settings panel has the same toggle: show what it saves."""
        panel = getattr(getattr(self.window, "chat_settings", None), "panel", None)
        signal = getattr(panel, "settings_changed", None)
        if signal is not None:
            signal.connect(lambda cid: cid == self.window.controller.current_id and self._conversation_shown(cid))

    def _save_probabilities(self, on: bool) -> None:
        w = self.window
        c = w.controller
        if c.current_id is None and c.new_conversation() is None:
            return
        assert c.current_id is not None
        try:
            chat = c.flow.chat_settings(c.current_id)
            c.flow.save_chat_settings(c.current_id, replace(chat, show_probabilities=on))
        except StoreError as exc:
            w.banner.show_message(_tr("{error} The probability view was not saved for this chat.").format(error=localized(exc)))
            return
        w.chat_view.set_probabilities_visible(on)  # opening a new chat above showed its (old) setting
        panel = getattr(getattr(w, "chat_settings", None), "panel", None)
        if panel is not None:
            panel.reload()  # the chat settings panel shows the same setting
        if on:
            w.notice.show_message(_tr("New replies in this chat record their token probabilities. Hover a token "
                                      "(or move the caret onto it) to see the alternatives."), "info")

    def _live_tokens(self, message_id: int) -> None:
        active = self.window.controller.active
        if active is None or active.job.assistant_message_id != message_id:
            return
        sampler = active.job.plan.request.sampling.to_dict()
        self.window.chat_view.tokens.set_live(message_id, active.tokens, sampler)

    def _branch_at_token(self, message_id: int, index: int, token_id: int) -> None:
        c = self.window.controller
        if self.window.session.refuse_if_busy():
            return
        try:
            c.branch_at_token(message_id, index, token_id)
        except FlowError as exc:  # the controller reports its own errors; this is a safety net
            self.window.banner.show_message(localized(exc))

    # ------------------------------------------------------------------ links
    def show_source(self, message_id: int, number: int) -> None:
        """A source chip was clicked: the cited passage in its file (``conversation.source_viewer``)."""
        from chatdesk.chat.grounding import sources_of
        from chatdesk.ui.conversation.source_viewer import SourceViewer

        try:
            rec = self.window.store.get_message(message_id)
        except StoreError as exc:
            self.window.banner.show_message(localized(exc))
            return
        source = next((s for s in sources_of(rec.provenance if rec else None) if s.number == number), None)
        if source is not None:
            viewer = SourceViewer(source, self.window)
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            viewer.show()
            self.source_viewer = viewer

    def _link_hovered(self, url: str) -> None:
        bar = self.window.statusBar()
        if url:
            bar.showMessage(_tr("Opens {url}").format(url=url), 8000)
        else:
            bar.clearMessage()


def _load_tokens(store, message_id):
    """The stored probabilities of a reply (the table module loads SQLAlchemy; not at import)."""
    from chatdesk.store.message_tokens import load_message_tokens

    return load_message_tokens(store, message_id)
