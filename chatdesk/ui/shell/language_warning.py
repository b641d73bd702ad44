"""The warning that a message is in a language the loaded model does not speak.

Why its own module: it has its own state and timing, apart from the window's other wiring. After
each load the model's languages are read off the GUI thread (``library.languages.model_languages``:
the GGUF's metadata, a file read); a message sent before they are known is kept and checked when
they arrive, so the warning still comes with the reply. ``LanguageNotices`` says it once per chat
and model, and the notice's button asks for the model chooser with that language
(``FeatureRequests.choose_model``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from chatdesk.engine import ModelInfo
from chatdesk.library.languages import LanguageNotices, detect_language, model_languages
from chatdesk.library.naming import display_name
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background

if TYPE_CHECKING:
    from chatdesk.ui.shell.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class LanguageWarning(QObject):
    """Before the reply: once per chat, say when the model does not speak the message's language."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.languages: Any = None  # library.languages.ModelLanguages of the loaded model (read off the GUI thread)
        self._unchecked: str | None = None  # the last message sent while ``languages`` was unknown
        self._notices = LanguageNotices()

    def model_loaded(self, info: ModelInfo) -> None:
        """A model loaded: forget the last one's languages and read this one's (a local file's)."""
        self.languages, self._unchecked = None, None
        if info.kind == "local":
            run_in_background(lambda: model_languages(path=info.path), self._set_languages, lambda _e: None,
                              owner=self, key="languages")

    def _set_languages(self, languages: Any) -> None:
        self.languages = languages
        self._notices = LanguageNotices()  # a new model: warn again where it does not speak
        pending, self._unchecked = self._unchecked, None
        if pending is not None:  # a message sent before the model's languages were known
            self.check(pending)

    def check(self, text: str) -> None:
        """Before the reply: once per chat, say when the model does not speak the message's language,
        with the one-click way to a model that does."""
        if self.languages is None:
            self._unchecked = text  # checked when the background read answers (_set_languages)
            return
        w = self._window
        chat = w.controller.current_id if w.controller.current_id is not None else "new"
        warning = self._notices.check(chat, text, self.languages, display_name(w.model_path))
        if warning is not None:
            wanted = detect_language(text)
            w.notice.show_message(localized(warning), "info", topic=w.chat_notices.chat_topic())
            w.notice.set_action(_tr("Get a model that speaks it"), lambda: w.requests.choose_model.emit(wanted))
