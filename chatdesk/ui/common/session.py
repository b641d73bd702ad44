"""The window's session state as notifying properties: current chat, model, busy, load state.

Features read state from here and follow its change signals instead of reaching into the main
window or reading a label's words (the pattern of gpt4all-chat's chat object). The shell writes it
from the controller's and the worker's signals; nothing else does.

It also holds the one busy rule: ``refuse_if_busy(what)`` is what every action that must wait for
the current reply asks, so the sentence and the decision live in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

LOAD_IDLE = "idle"
LOAD_LOADING = "loading"
LOAD_LOADED = "loaded"
LOAD_FAILED = "failed"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionState", text)


class SessionState(QObject):
    current_chat_changed = Signal(object)  # int | None
    model_key_changed = Signal(str)  # "" when no model is loaded
    model_info_changed = Signal(object)  # ModelInfo | None
    busy_changed = Signal(bool)
    load_state_changed = Signal(str)
    library_changed = Signal(list)  # list[ModelEntry]: what the picker and the library list

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current_chat: int | None = None
        self._model_key = ""
        self._model_info: Any = None
        self._busy = False
        self._load_state = LOAD_IDLE
        self._library: list[Any] = []
        # How to tell the user that an action must wait (the shell points it at its notice line).
        self.tell: Callable[[str], None] = lambda _text: None

    # ------------------------------------------------------------------ properties
    @property
    def current_chat(self) -> int | None:
        return self._current_chat

    def set_current_chat(self, conversation_id: int | None) -> None:
        if conversation_id != self._current_chat:
            self._current_chat = conversation_id
            self.current_chat_changed.emit(conversation_id)

    @property
    def model_key(self) -> str:
        return self._model_key

    def set_model_key(self, key: str | None) -> None:
        key = key or ""
        if key != self._model_key:
            self._model_key = key
            self.model_key_changed.emit(key)

    @property
    def model_info(self) -> Any:
        return self._model_info

    def set_model_info(self, info: Any) -> None:
        if info is not self._model_info:
            self._model_info = info
            self.model_info_changed.emit(info)

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @property
    def load_state(self) -> str:
        return self._load_state

    def set_load_state(self, state: str) -> None:
        if state != self._load_state:
            self._load_state = state
            self.load_state_changed.emit(state)

    @property
    def library(self) -> list[Any]:
        return list(self._library)

    def set_library(self, entries: list[Any]) -> None:
        self._library = list(entries)
        self.library_changed.emit(list(entries))

    # ------------------------------------------------------------------ the busy rule
    def refuse_if_busy(self, sentence: str | None = None) -> bool:
        """True (and the user is told why, in ``sentence`` or the usual words) while a reply is being written."""
        if not self._busy:
            return False
        self.tell(sentence or _tr("Wait for the current reply to finish (or press Stop) first."))
        return True
