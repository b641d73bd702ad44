"""The main window's model wiring: the model picker, the library, downloads and remote servers.

Kept out of ``main_window.py`` so the window stays about conversations: ``install(window)`` adds
the picker (a toolbar above the conversation) and connects it to the inference thread and the
conversation store, and registers File → Models… (the library window),
Download from the Hub… and Connect to a server…. The window itself calls three helpers that
understand both kinds of model key — a GGUF path or a remote ``"{base_url}#{model_id}"``:
``source_for`` (what the worker loads), ``available`` and ``display_name``.

Rules it keeps:

* Each conversation keeps its model: choosing a model in the picker, or "Chat with it", records
  the loaded model's key on the conversation once the load succeeded (``set_conversation_model``);
  opening a conversation switches to its model (``MainWindow._follow_conversation_model``).
* Loading happens on the inference thread (``InferenceThread.request_load``), the library is read
  and changed on the thread pool; the GUI thread only shows frozen values.
* ChatDesk starts with the library's default model (``startup_model``). A model path remembered in
  ``settings.json`` by an older ChatDesk (or by File → Open model…) is adopted into the library as
  the default once, then cleared, so the library stays the one place that says which model is
  the default.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolBar

from chatdesk.library.resolve import available, entry_key, is_remote_key, key_label, same_model, split_remote_key
from chatdesk.settings import AppSettings, save_settings
from chatdesk.store import StoreError
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.models.model_picker import ModelPicker

if TYPE_CHECKING:
    from chatdesk.library import Catalog, ModelEntry
    from chatdesk.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelActions", text)


# ----------------------------------------------------------------------------- start-up
@dataclass(frozen=True)
class StartupModel:
    key: str  # "" when no model can be loaded (``error`` says why)
    label: str | None
    settings: AppSettings
    notice: str | None = None  # something to tell the user once the window shows
    error: str | None = None


def startup_model(requested: str | None, settings: AppSettings) -> StartupModel:
    """The model ChatDesk starts with: ``--model`` if given, else the library's default.

    Runs before the window shows, so the common first launch (no library yet, nothing chosen)
    takes the bundled model without reading any GGUF; otherwise opening the library reads its
    JSON and stats its files (milliseconds; ``benchmarks/library_open.py``).
    """
    from chatdesk import paths
    from chatdesk.engine import BUNDLED_MODEL_NAME, ModelFileError, default_model_path

    def bundled(notice: str | None = None) -> StartupModel:
        try:
            return StartupModel(str(default_model_path()), BUNDLED_MODEL_NAME, settings, notice)
        except ModelFileError as exc:
            return StartupModel("", None, settings, notice, localized(exc))

    if requested:
        return StartupModel(requested, None, settings)
    legacy = settings.model_path
    if not legacy and not paths.library_path().exists():
        return bundled()

    from chatdesk.library import BUNDLED_ID, Catalog, LibraryError

    try:
        catalog = Catalog.open()
    except (LibraryError, OSError) as exc:
        return bundled(_tr("The model library could not be read ({error}); ChatDesk started with the bundled model.").format(error=localized(exc)))
    notice = " ".join(localized(w) for w in catalog.warnings) or None
    if legacy:
        notice = _adopt_remembered_model(catalog, legacy) or notice
        settings = replace(settings, model_path=None)
        try:
            save_settings(settings)
        except OSError as exc:
            log.warning("could not save settings: %s", exc)
    entry = catalog.default()
    if not entry.usable and entry.id != BUNDLED_ID:
        notice = _tr("The default model {name} cannot be used: {problem} ChatDesk started with the bundled model; "
                     "choose another default in File → Models….").format(
            name=entry.name, problem=localized(entry.problem) if entry.problem else _tr("its file is missing."))
        entry = catalog.get(BUNDLED_ID)
    key = entry_key(entry)
    if not entry.usable or not key:  # the bundled model itself: the engine's load says what is wrong
        return bundled(notice)
    return StartupModel(key, entry.name, settings, notice)


def _adopt_remembered_model(catalog: Catalog, key: str) -> str | None:
    """Make the model remembered in settings.json the library's default; a sentence if it cannot be."""
    from chatdesk.library import LibraryError

    try:
        if is_remote_key(key):
            entry = next((e for e in catalog.entries() if entry_key(e) == key), None)
            if entry is None:
                base, model = split_remote_key(key)
                entry = catalog.add_remote(base, model)
        else:
            entry = catalog.entry_for_path(key) or catalog.add_file(key)
        catalog.set_default(entry.id)
    except LibraryError as exc:
        return _tr("The model ChatDesk used last ({name}) cannot be used: {error} ChatDesk started with the library's default "
                   "model instead.").format(name=key_label(key), error=localized(exc))
    return None


# ----------------------------------------------------------------------------- the window's side
class ModelActions(QObject):
    """Owns the picker, the library window and the dialogs of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("modelActions")
        self.window = window
        self.catalog: Catalog | None = None
        self.library_window: Any = None
        # (conversation id, model key) to record on the conversation once that model has loaded.
        self._pending: tuple[int, str] | None = None
        self._reading = False

        self.toolbar = QToolBar(_tr("Model"), window)
        self.toolbar.setObjectName("modelToolbar")
        self.toolbar.setAccessibleName(_tr("Model toolbar"))
        self.toolbar.setMovable(False)
        self.picker_label = QLabel(_tr("Model:"), self.toolbar)
        self.picker_label.setAccessibleName(_tr("Model"))
        self.picker_label.setContentsMargins(6, 0, 6, 0)
        self.picker = ModelPicker(self.toolbar)
        self.picker_label.setBuddy(self.picker)
        self.toolbar.addWidget(self.picker_label)
        self.toolbar.addWidget(self.picker)
        self.library_action = QAction(_tr("Library…"), self)
        self.library_action.setToolTip(_tr("Open the model library"))
        self.library_action.triggered.connect(self.show_library)
        self.toolbar.addAction(self.library_action)
        self.toolbar.widgetForAction(self.library_action).setAccessibleName(_tr("Open the model library"))
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

        self.picker.show_current(window.model_path or None)
        self.picker.model_chosen.connect(self.switch_to)
        worker = window.inference.worker
        worker.load_finished.connect(self._on_loaded)
        worker.load_failed.connect(self._on_load_failed)
        self.refresh_library()

    # ------------------------------------------------------------------ library
    def refresh_library(self) -> None:
        """Re-read the library on the thread pool and give the picker its entries."""
        if self._reading:
            return
        self._reading = True
        catalog = self.catalog

        def read() -> tuple[Catalog, list[ModelEntry]]:
            from chatdesk.library import Catalog

            cat = catalog if catalog is not None else Catalog.open()
            if catalog is not None:
                cat.reload()
            return cat, cat.entries()

        def done(result: tuple[Catalog, list[ModelEntry]]) -> None:
            self._reading = False
            self.catalog, entries = result
            self._library_changed(entries)

        def failed(exc: BaseException) -> None:
            self._reading = False
            self.window.banner.show_message(localized(exc))

        run_in_background(read, done, failed, owner=self)

    def _library_changed(self, entries: list[ModelEntry]) -> None:
        self.picker.set_entries(entries)
        self.window.session.set_library(entries)

    def show_library(self) -> None:
        from chatdesk.ui.models.library_window import LibraryWindow

        if self.library_window is None or not shiboken6.isValid(self.library_window):
            lib = LibraryWindow(self.catalog, self.window, current_key=self.window.model_path or None)
            lib.chat_requested.connect(self.chat_with)
            lib.evaluate_requested.connect(self.window.requests.evaluate_models)
            lib.library_changed.connect(self._library_changed)
            lib.default_changed.connect(self._default_changed)
            self.library_window = lib
        else:
            self.library_window.set_current_key(self.window.model_path or None)
            self.library_window.refresh()
        self.library_window.show()
        self.library_window.raise_()
        self.library_window.activateWindow()

    def show_download(self) -> None:
        self.show_library()
        self.library_window.show_download_dialog()

    def download_and_use(self, repo_id: str, filename: str) -> None:
        """The welcome view's "Download and use": the resumable download, then a chat with the model."""
        self.show_library()
        dialog = self.library_window.show_download_dialog()
        dialog.downloaded.connect(self._use_downloaded, Qt.ConnectionType.UniqueConnection)
        dialog.start_download(repo_id, filename)

    def _use_downloaded(self, entry: ModelEntry) -> None:
        if entry.is_embedding:  # a search model for the documents feature, which takes it from the library
            self.window.banner.show_message(_tr("Downloaded {name}: document search can use it (File → Documents…).").format(
                name=entry.name), "info")
            return
        self.chat_with(entry)

    def show_remote(self) -> None:
        self.show_library()
        self.library_window.show_remote_dialog()

    def _default_changed(self, _entry: ModelEntry) -> None:
        """The library now says which model ChatDesk starts with; a path remembered in settings.json
        would otherwise override it at the next start."""
        w = self.window
        if w.settings.model_path:
            w.set_settings(replace(w.settings, model_path=None))

    # ------------------------------------------------------------------ switching
    def switch_to(self, key: str) -> bool:
        """Load ``key`` for the current conversation (in the background); the conversation keeps it."""
        w = self.window
        if w.session.refuse_if_busy(_tr("Wait for the current reply to finish (or press Stop) before switching models.")):
            self.picker.show_current(w.model_path or None)
            return False
        if not available(key):
            w.banner.show_message(_tr("{name} is no longer available; its file has moved or been deleted.").format(name=key_label(key)))
            self.picker.show_current(w.model_path or None)
            return False
        conv = w.controller.current_id
        self._pending = (conv, key) if conv is not None else None
        w.load_model(key)
        return True

    def chat_with(self, entry: ModelEntry) -> None:
        """Library → Chat with it: load the model and start a new chat with it."""
        w = self.window
        key = entry_key(entry)
        if not key:
            return
        if w.session.refuse_if_busy():
            return
        w.load_model(key)
        conv = w.controller.new_conversation()
        self._pending = (conv, key) if conv is not None else None
        if self.library_window is not None and shiboken6.isValid(self.library_window):
            self.library_window.hide()
        w.composer.edit.setFocus()

    def _on_loaded(self, info: Any) -> None:
        self.picker.show_current(info.path)
        if self.library_window is not None and shiboken6.isValid(self.library_window):
            self.library_window.set_current_key(info.path)
        pending = self._pending
        if pending is not None and same_model(pending[1], info.path):  # not an earlier load still queued
            self._pending = None
            try:
                self.window.store.set_conversation_model(pending[0], info.path)
            except StoreError as exc:
                self.window.banner.show_message(localized(exc))
        if not any(same_model(entry_key(e), info.path) for e in self.picker.entries()):
            self.refresh_library()  # e.g. a converted checkpoint the library adopted meanwhile

    def _on_load_failed(self, failure: Any) -> None:
        if self._pending is not None and same_model(self._pending[1], failure.key):
            self._pending = None  # the conversation keeps the model it had
        still = failure.still_loaded.path if failure.still_loaded is not None else None
        self.picker.show_current(still)


# ----------------------------------------------------------------------------- installing
def actions_of(window: MainWindow) -> ModelActions:
    """The window's ModelActions (created on first use)."""
    found = window.findChild(ModelActions, "modelActions")
    return found if found is not None else ModelActions(window)


def library_name(window: MainWindow, key: str) -> str | None:
    """The library's name for the model at ``key`` (what the picker shows), if it is listed."""
    found = window.findChild(ModelActions, "modelActions")
    entries = found.picker.entries() if found is not None else []
    return next((e.name for e in entries if same_model(entry_key(e), key)), None)


def install(window: MainWindow) -> ModelActions:
    """Add the model picker to ``window``, connect it and register its actions (called once from MainWindow.__init__)."""
    actions = actions_of(window)
    register_actions(window, actions)
    window.requests.download_model.connect(actions.download_and_use)
    return actions


def register_actions(window: MainWindow, actions: ModelActions) -> None:
    """File → Models…, Download from the Hub…, Connect to a server…, registered by id."""
    reg = window.action_registry
    reg.add("models.library", _tr("&Models…"), actions.show_library, object_name="showLibrary")
    reg.add("models.download", _tr("&Download from the Hub…"), actions.show_download, object_name="downloadModel")
    reg.add("models.connect", _tr("Connect to a &server…"), actions.show_remote, object_name="connectServer")
