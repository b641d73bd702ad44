"""The sidebar's chats: rename, pin, delete with Undo, and search.

Why its own module: these are the chat list's rules, apart from the window that hosts the list.
A deletion stops a reply being written into a deleted chat, moves the chats to the trash, offers
Undo for ``UNDO_SECONDS`` in the notification line (the window's one ``UndoOffer``), empties the
view when the open chat was among them and puts it back on Undo, and deletes them for good (off
the GUI thread) when the offer closes. A search shows the best of the newest matches first and,
when the query has more, the ranking of all of them when it is ready (``store/search_query.py``);
clearing the search drops a search still running. The window wires the sidebar's requests here
and keeps ``rename_conversation``, ``delete_conversations`` and ``undo_delete`` as its public
entry points (menus, keys, tests).

The sentences keep the "MainWindow" translation context they had when this lived in the window,
but for the two with a count, which lupdate reads as plurals only from ``self.tr`` ("ChatList").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from chatdesk.store import StoreError
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background, supersede
from chatdesk.ui.common.undo import UNDO_SECONDS

if TYPE_CHECKING:
    from chatdesk.store import SearchHits
    from chatdesk.ui.shell.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class ChatList(QObject):
    """The chat list's actions, for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._deleted: list[int] = []  # the chats the open Undo offer would bring back
        self._reopen_after_undo: int | None = None  # the open chat, when it was among the deleted
        sidebar = window.sidebar
        sidebar.rename_requested.connect(self.rename)
        sidebar.delete_requested.connect(self.delete)
        sidebar.pin_requested.connect(self.pin)
        sidebar.search_changed.connect(self.search)

    # ------------------------------------------------------------------ rename, pin
    def rename(self, conversation_id: int) -> None:
        w = self._window
        conv = w.guard(w.store.get_conversation, conversation_id)
        if conv is None:
            return
        title, ok = QInputDialog.getText(w, _tr("Rename chat"), _tr("Title:"), text=conv.title)
        if ok and title.strip():
            w.guard(w.store.rename_conversation, conversation_id, title)
            w.refresh_sidebar()

    def pin(self, conversation_id: int, pinned: bool) -> None:
        w = self._window
        w.guard(w.store.set_pinned, conversation_id, pinned)
        w.refresh_sidebar()

    # ------------------------------------------------------------------ delete, with Undo
    def delete(self, ids: list[int], confirm: bool = True) -> None:
        w = self._window
        if not ids:
            return
        if w.controller.active and w.controller.active.job.conversation_id in ids:
            w.controller.stop()
        if confirm:
            n = len(ids)
            question = (_tr("Delete this chat? You can undo for {seconds} seconds.") if n == 1
                        else self.tr("Delete these %n chats? You can undo for {seconds} seconds.", "", n))
            answer = QMessageBox.question(w, _tr("Delete"), question.format(seconds=UNDO_SECONDS))
            if answer != QMessageBox.StandardButton.Yes:
                return
        w.undo.commit()  # an earlier deletion's undo window closes now
        try:
            w.store.trash_conversations(ids)
        except StoreError as exc:
            w.banner.show_message(_tr("{problem} The chats were not deleted.").format(problem=localized(exc)))
            return
        self._offer_undo(list(ids))
        self._reopen_after_undo = w.controller.current_id if w.controller.current_id in ids else None
        if self._reopen_after_undo is not None:
            w.controller.open_conversation(None)  # the view, the meter and the settings panel empty
        w.refresh_sidebar()

    def undo_delete(self) -> None:
        """Undo the last deletion of chats (the notice's Undo button does the same)."""
        if self._deleted:
            self._window.undo.undo()

    def _offer_undo(self, ids: list[int]) -> None:
        self._deleted = ids
        n = len(ids)
        text = self.tr("Deleted %n chat(s).", "", n)
        self._window.undo.offer(text, self._restore, self._purge)

    def _restore(self) -> None:
        w = self._window
        ids, self._deleted = self._deleted, []
        try:
            w.store.restore_conversations(ids)
        except StoreError as exc:
            w.banner.show_message(_tr("{problem} The deleted chats are kept in the trash; try Undo again.").format(problem=localized(exc)))
            self._offer_undo(ids)
            return
        reopen, self._reopen_after_undo = self._reopen_after_undo, None
        if reopen is not None and reopen in ids:
            w.open_conversation(reopen, None)  # Undo puts the open chat back on screen
        w.refresh_sidebar()

    def _purge(self) -> None:
        """The undo window for the last deletion closed: delete those chats for good."""
        w = self._window
        ids, self._deleted = self._deleted, []
        if ids:
            run_in_background(lambda: w.store.delete_conversations(ids), lambda _n: None,
                              lambda exc: w.banner.show_message(localized(exc)), owner=self)

    # ------------------------------------------------------------------ search
    def search(self, query: str) -> None:
        w = self._window
        if not query:
            supersede(self, "search")  # a search still running must not bring its hits back
            w.sidebar.leave_search()
            w.refresh_sidebar()
            return

        # First the best of the newest matches (bounded time, see store/search_query.py); when the
        # query has more matches than that, the ranking of all of them replaces it when ready.
        def failed(exc: BaseException) -> None:
            w.banner.show_message(localized(exc))

        def first(hits: SearchHits) -> None:
            w.sidebar.show_hits(hits)
            if not hits.complete:
                run_in_background(lambda: w.store.search(query, 100), w.sidebar.show_hits, failed,
                                  owner=self, key="search")

        run_in_background(lambda: w.store.search(query, 100, quick=True), first, failed, owner=self, key="search")
