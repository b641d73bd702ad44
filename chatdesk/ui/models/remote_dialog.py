"""Connect to a server…: add models served by an OpenAI-compatible server to the library.

The user gives the server's base URL (with or without ``/v1``), a name and optionally an API
key; ChatDesk asks the server for its models (``GET /v1/models``, on the thread pool) or, when the
server keeps no list, takes a typed model id. Adding saves the connection
(``chatdesk.library.remotes.Remotes``: the key goes to the system keyring, or to a 0600 file with
a warning shown here) and puts each chosen model in the library, where the picker offers it like
a local one. Nothing is saved until the user presses Add.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatdesk.library import Catalog, LibraryError, ModelEntry
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import MESSAGE_STYLES, field_label, push_button, show_strip, strip_text
from translatable import text_of

DATA_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("RemoteDialog", text)


class RemoteDialog(QDialog):
    models_added = Signal(object)  # list[ModelEntry] now in the library

    def __init__(self, catalog: Catalog | None = None, remotes: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from chatdesk.library.remotes import Remotes

        self.setObjectName("remoteDialog")
        self.setWindowTitle(self.tr("Connect to a server"))
        self.setAccessibleName(self.tr("Connect to an OpenAI-compatible server"))
        self.resize(640, 520)
        self.catalog = catalog
        self.remotes = remotes if remotes is not None else Remotes()
        self.added: list[ModelEntry] = []
        self._listing: Any = None
        self._seq = 0
        self._busy = 0

        self.saved = QComboBox(self)
        self.saved.setObjectName("savedConnections")
        self.saved.setAccessibleName(self.tr("Saved connections"))
        self.url = QLineEdit(self)
        self.url.setObjectName("serverUrl")
        self.url.setAccessibleName(self.tr("Server address"))
        self.url.setPlaceholderText(self.tr("e.g. http://localhost:8080/v1 or http://192.168.1.20:11434"))
        self.name = QLineEdit(self)
        self.name.setObjectName("serverName")
        self.name.setAccessibleName(self.tr("Connection name"))
        self.name.setPlaceholderText(self.tr("optional, e.g. Workstation"))
        self.key = QLineEdit(self)
        self.key.setObjectName("serverKey")
        self.key.setAccessibleName(self.tr("API key"))
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("optional; kept in the system keyring"))
        self.list_button = push_button(self, "listServerModels", self.tr("List models"), self.tr("Ask the server for its models"),
                                        self.list_models)
        self.url.returnPressed.connect(self.list_models)

        self.models = QListWidget(self)
        self.models.setObjectName("serverModels")
        self.models.setAccessibleName(self.tr("Models on the server"))
        self.models.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.models.itemSelectionChanged.connect(self._update_buttons)
        self.model_id = QLineEdit(self)
        self.model_id.setObjectName("typedModelId")
        self.model_id.setAccessibleName(self.tr("Model id"))
        self.model_id.setPlaceholderText(self.tr("or type a model id, e.g. llama3.2:3b"))
        self.model_id.textChanged.connect(self._update_buttons)

        self.key_warning = QLabel("", self)
        self.key_warning.setObjectName("keyWarning")
        self.key_warning.setAccessibleName(self.tr("Where the API key is kept"))
        self.key_warning.setWordWrap(True)
        self.key_warning.setStyleSheet(f"QLabel#keyWarning {{{MESSAGE_STYLES['info']}}}")
        self.key_warning.hide()
        self.message = QLabel("", self)
        self.message.setObjectName("remoteMessage")
        self.message.setAccessibleName(self.tr("Connection message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.add_button = push_button(self, "addRemoteModels", self.tr("Add to library"),
                                       self.tr("Save the connection and add the chosen models to the library"), self.add_models)
        self.close_button = push_button(self, "closeRemote", self.tr("Close"), self.tr("Close this window"), self.close)

        form = QFormLayout()
        form.addRow(field_label(self, self.tr("Saved")), self.saved)
        form.addRow(field_label(self, self.tr("Address")), self.url)
        form.addRow(field_label(self, self.tr("Name")), self.name)
        form.addRow(field_label(self, self.tr("API key")), self.key)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.list_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addWidget(field_label(self, self.tr("Models on the server:")))
        lay.addWidget(self.models, 1)
        lay.addWidget(self.model_id)
        lay.addWidget(self.key_warning)
        lay.addWidget(self.message)
        lay.addLayout(buttons)

        self._fill_saved()
        self.saved.currentIndexChanged.connect(self._saved_chosen)
        self._update_buttons()

    # ------------------------------------------------------------------ state
    def show_message(self, text: str, kind: str = "error") -> None:
        show_strip(self.message, text, kind)

    def message_text(self) -> str:
        return strip_text(self.message)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def chosen_ids(self) -> list[str]:
        ids = [item.data(DATA_ROLE).id for item in self.models.selectedItems()]
        typed = self.model_id.text().strip()
        if typed and typed not in ids:
            ids.append(typed)
        return ids

    def listed_ids(self) -> list[str]:
        return [self.models.item(i).data(DATA_ROLE).id for i in range(self.models.count())]

    def _update_buttons(self) -> None:
        self.list_button.setEnabled(not self.busy)
        self.add_button.setEnabled(not self.busy and bool(self.chosen_ids()))

    def _fill_saved(self) -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(self.tr("New connection"), None)
        try:
            endpoints = self.remotes.endpoints()
        except LibraryError as exc:
            endpoints = []
            self.show_message(localized(exc))
        for e in endpoints:
            self.saved.addItem(f"{e.name} — {e.base_url}", e)
        self.saved.blockSignals(False)
        for w in self.remotes.warnings:
            self.show_message(localized(w), "info")
        self.remotes.warnings.clear()

    def _saved_chosen(self, index: int) -> None:
        e = self.saved.itemData(index)
        self.models.clear()
        self._listing = None
        self.key.clear()
        if e is None:
            self.url.clear()
            self.name.clear()
            self.key.setPlaceholderText(self.tr("optional; kept in the system keyring"))
            self.key_warning.hide()
            return
        self.url.setText(e.base_url)
        self.name.setText(e.name)
        self.key.setPlaceholderText(self.tr("saved key kept (type to replace it)") if e.has_key else self.tr("none saved"))
        warning = self.remotes.key_warning(e)
        self.key_warning.setText(warning or "")
        self.key_warning.setVisible(bool(warning))

    def _saved_endpoint(self) -> Any:
        return self.saved.currentData()

    # ------------------------------------------------------------------ listing
    def list_models(self) -> None:
        """GET /v1/models on the thread pool (the user pressed List models)."""
        from chatdesk.engine import EngineError
        from chatdesk.engine.remote import fetch_models, normalize_base_url

        try:
            base = normalize_base_url(self.url.text())
        except ValueError as exc:
            self.show_message(localized(exc))
            return
        typed_key = self.key.text().strip() or None
        saved = self._saved_endpoint()
        remotes = self.remotes
        self._seq += 1
        seq = self._seq
        self.models.clear()
        self._listing = None
        self.show_message(self.tr("Asking {url} for its models…").format(url=base), "info")

        def ask() -> Any:
            key = typed_key
            if key is None and saved is not None and saved.base_url == base:
                key = remotes.api_key(saved.id)
            try:
                return fetch_models(base, key)
            except EngineError as exc:
                raise LibraryError(text_of(exc)) from exc

        def listed(listing: Any) -> None:
            if seq != self._seq:
                return
            self._end()
            self._listing = listing
            if not listing.listed:
                self.show_message(self.tr("The server at {url} does not list its models. Type the id of the model to use "
                                          "below.").format(url=base), "info")
                self.model_id.setFocus()
                return
            for m in listing.models:
                item = QListWidgetItem(m.display_name if m.display_name == m.id else f"{m.display_name}  ({m.id})")
                item.setData(DATA_ROLE, m)
                item.setToolTip(m.id)
                self.models.addItem(item)
            if listing.models:
                self.models.setCurrentRow(0)
                self.show_message(self.tr("{n} model(s) on the server. Choose the ones to add and press Add to library.").format(
                    n=len(listing.models)), "info")
            else:
                self.show_message(self.tr("The server lists no models. Type the id of the model to use below."), "info")

        def failed(exc: BaseException) -> None:
            if seq != self._seq:
                return
            self._end()
            self.show_message(localized(exc))

        self._start()
        run_in_background(ask, listed, failed, owner=self)

    def _start(self) -> None:
        self._busy += 1
        self._update_buttons()

    def _end(self) -> None:
        self._busy -= 1
        self._update_buttons()

    # ------------------------------------------------------------------ adding
    def add_models(self) -> None:
        """Save the connection (and its key) and add the chosen models to the library."""
        from chatdesk.engine.remote import normalize_base_url

        ids = self.chosen_ids()
        if not ids:
            self.show_message(self.tr("Choose a model from the list, or type its id."))
            return
        try:
            base = normalize_base_url(self.url.text())
        except ValueError as exc:
            self.show_message(localized(exc))
            return
        name = self.name.text().strip()
        key = self.key.text().strip() or None
        saved = self._saved_endpoint()
        listing = self._listing
        remotes = self.remotes
        catalog = self.catalog

        def save() -> tuple[Any, list[ModelEntry], str | None]:
            endpoint = saved
            if endpoint is None:  # the same address saved before: reuse that connection
                endpoint = next((e for e in remotes.endpoints() if e.base_url == base), None)
            if endpoint is None:
                endpoint = remotes.add(base, name, key)
            else:
                endpoint = remotes.update(endpoint.id, name=name or None, base_url=base)
                if key:
                    endpoint = remotes.set_api_key(endpoint.id, key)[0]
            warning = remotes.key_warning(endpoint)
            cat = catalog if catalog is not None else Catalog.open()
            entries = []
            for model_id in ids:
                info = listing.find(model_id) if listing is not None and listing.listed else None
                context = (info.context_length or info.trained_context or 0) if info is not None else 0
                label = info.display_name if info is not None else model_id
                entries.append(cat.add_remote(endpoint.base_url, model_id, name=label, context_length=context))
            return endpoint, entries, warning

        def saved_ok(result: tuple[Any, list[ModelEntry], str | None]) -> None:
            self._end()
            endpoint, entries, warning = result
            self.added = entries
            self.key.clear()
            self._fill_saved()
            idx = next((i for i in range(self.saved.count()) if self.saved.itemData(i) and self.saved.itemData(i).id == endpoint.id), 0)
            self.saved.blockSignals(True)
            self.saved.setCurrentIndex(idx)
            self.saved.blockSignals(False)
            self.key_warning.setText(warning or "")
            self.key_warning.setVisible(bool(warning))
            names = ", ".join(e.name for e in entries)
            self.show_message(self.tr("Added to the library: {names}. Pick it in the model list of the main window.").format(
                names=names), "info")
            self.models_added.emit(entries)

        def failed(exc: BaseException) -> None:
            self._end()
            self.show_message(localized(exc) if isinstance(exc, LibraryError) else self.tr("Saving failed: {error}").format(error=localized(exc)))

        self._start()
        run_in_background(save, saved_ok, failed, owner=self)
