"""What the window says in its notification line about the open chat, and about its own work.

Why its own module: the banner (``ui/common/banner.py``) is one line for every error and notice,
and deciding which words belong to which chat is a job of its own. What the chat controller says
carries the open chat's topic and goes when another chat is opened; the worker's failed saves,
the features' messages (``FeatureRequests.show_message``) and "Opening a long conversation…"
while a long chat is read are routed here too, so the window's own wiring stays about widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

if TYPE_CHECKING:
    from chatdesk.ui.shell.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class ChatNotices(QObject):
    """Connects the controller, the worker and the features to the window's banner."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        c = window.controller
        # What the controller says is about the open chat: it goes when another chat is opened.
        c.error.connect(lambda msg: window.banner.show_message(msg, topic=self.chat_topic()))
        c.notice.connect(lambda msg: window.notice.show_message(msg, "info", topic=self.chat_topic()))
        c.loading.connect(self._on_loading)
        window.inference.worker.save_failed.connect(self._on_save_failed)  # a bound slot: runs on the GUI thread
        window.session.current_chat_changed.connect(self._chat_changed)
        window.requests.show_message.connect(lambda text, kind: window.banner.show_message(text, kind))

    def chat_topic(self) -> str:
        """The banner topic of the open chat's words."""
        return f"chat:{self._window.controller.current_id}"

    def _chat_changed(self, _conversation_id: object) -> None:
        """Words about another chat go."""
        banner = self._window.banner
        current = self.chat_topic()
        for topic in banner.topics():
            if topic.startswith("chat:") and topic != current:
                banner.clear(topic)

    def _on_save_failed(self, message: str) -> None:
        self._window.banner.show_message(message)

    def _on_loading(self, loading: bool) -> None:
        if loading:
            self._window.notice.show_message(_tr("Opening a long conversation…"), "info", topic="opening")
        else:
            self._window.notice.clear("opening")
