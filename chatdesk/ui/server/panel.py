"""The Server panel: on/off, address, API key, the requests being served (with Stop) and a log.

Safe by default, as ``chatdesk.server`` is: "This computer only" (127.0.0.1) is the default;
"Other computers too" is one explicit choice that needs an API key, created here, shown once and
kept in the system keyring. The panel never reads state back from its own labels: it follows the
controller's signals.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatdesk.server import DEFAULT_HOST, ServerConfigError
from chatdesk.server import keys as server_keys
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.form_parts import field_label
from chatdesk.ui.server.controller import OFF, ON, STARTING, STOPPING, ServerController

LAN_HOST = "0.0.0.0"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ServerPanel(QWidget):
    """A window of its own (File → Local server…)."""

    closed = Signal()

    def __init__(self, controller: ServerController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("serverPanel")
        self.setWindowTitle(self.tr("Local server"))
        self.setAccessibleName(self.tr("Local server"))
        self.resize(760, 560)
        self._key_shown: str | None = None

        self.status = QLabel(self)
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Server status"))
        self.toggle = QPushButton(self)
        self.toggle.setObjectName("serverToggle")
        self.toggle.clicked.connect(self._toggle)
        self.copy_url = QPushButton(self.tr("Copy address"), self)
        self.copy_url.setObjectName("serverCopyUrl")
        self.copy_url.setAccessibleName(self.tr("Copy the server's address"))
        self.copy_url.clicked.connect(self._copy_url)

        self.where = QComboBox(self)
        self.where.setObjectName("serverWhere")
        self.where.setAccessibleName(self.tr("Who may connect"))
        self.where.addItem(self.tr("This computer only (127.0.0.1)"), DEFAULT_HOST)
        self.where.addItem(self.tr("Other computers on the network too (needs an API key)"), LAN_HOST)
        self.port = QSpinBox(self)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setAccessibleName(self.tr("Port"))
        self.key_state = QLabel(self)
        self.key_state.setObjectName("serverKeyState")
        self.key_state.setWordWrap(True)
        self.key_state.setAccessibleName(self.tr("API key"))
        self.key_field = QLineEdit(self)
        self.key_field.setObjectName("serverKey")
        self.key_field.setReadOnly(True)
        self.key_field.setAccessibleName(self.tr("The new API key (shown once)"))
        self.key_field.hide()
        self.new_key = QPushButton(self.tr("Create a new key"), self)
        self.new_key.setObjectName("serverNewKey")
        self.new_key.setToolTip(self.tr("A random key, shown once here and kept in the system keyring; the old key stops working."))
        self.new_key.clicked.connect(self._create_key)
        self.store_requests = QCheckBox(self.tr("Keep each request as a chat (marked with its client)"), self)
        self.store_requests.setObjectName("serverStoreRequests")
        self.origins = QLineEdit(self)
        self.origins.setObjectName("serverOrigins")
        self.origins.setAccessibleName(self.tr("Browser origins allowed"))
        self.origins.setPlaceholderText(self.tr("none (e.g. http://localhost:5173, separated by spaces)"))

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("serverRequests")
        self.table.setAccessibleName(self.tr("Requests"))
        self.table.setHorizontalHeaderLabels([self.tr("Client"), self.tr("Model"), self.tr("Kind"), self.tr("State"), self.tr("Tokens")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.stop_request = QPushButton(self.tr("Stop request"), self)
        self.stop_request.setObjectName("serverStopRequest")
        self.stop_request.clicked.connect(self._stop_selected)
        self.log = QPlainTextEdit(self)
        self.log.setObjectName("serverLog")
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(500)
        self.log.setAccessibleName(self.tr("Request log"))
        self.message = QLabel(self)
        self.message.setObjectName("serverMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.copy_url)
        top.addWidget(self.toggle)
        form = QFormLayout()
        form.addRow(field_label(self, self.tr("Who may connect"), self.where), self.where)
        form.addRow(field_label(self, self.tr("Port"), self.port), self.port)
        keys = QHBoxLayout()
        keys.addWidget(self.key_state, 1)
        keys.addWidget(self.new_key)
        form.addRow(field_label(self, self.tr("API key"), self.new_key), keys)
        form.addRow("", self.key_field)
        form.addRow(field_label(self, self.tr("Browser origins"), self.origins), self.origins)
        form.addRow("", self.store_requests)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Requests"), self))
        lay.addWidget(self.table, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.stop_request)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Log"), self))
        lay.addWidget(self.log, 1)

        self._show_settings()
        controller.state_changed.connect(self._state_changed)
        controller.requests_changed.connect(self._show_requests)
        controller.log_line.connect(self.log.appendPlainText)
        controller.failed.connect(self._show_error)
        for w in (self.where, self.port, self.store_requests, self.origins):
            signal = {QComboBox: "currentIndexChanged", QSpinBox: "valueChanged", QCheckBox: "toggled", QLineEdit: "editingFinished"}[type(w)]
            getattr(w, signal).connect(self._settings_edited)
        self._state_changed(controller.state, controller.url)
        self._show_requests(controller.requests())

    # ------------------------------------------------------------------ settings
    def _show_settings(self) -> None:
        s = self.controller.settings
        for w in (self.where, self.port, self.store_requests, self.origins):
            w.blockSignals(True)
        self.where.setCurrentIndex(0 if s.host == DEFAULT_HOST else 1)
        self.port.setValue(s.port or 8765)
        self.store_requests.setChecked(s.store_requests)
        self.origins.setText(" ".join(s.cors_origins))
        for w in (self.where, self.port, self.store_requests, self.origins):
            w.blockSignals(False)
        self._show_key_state()

    def _settings_edited(self) -> None:
        s = self.controller.settings
        origins = tuple(o for o in self.origins.text().replace(",", " ").split() if o)
        new = replace(s, host=self.where.currentData(), port=self.port.value(), store_requests=self.store_requests.isChecked(),
                      cors_origins=origins)
        try:
            replace(new, api_key="x" * 32).check()  # everything but the key, which is checked at start
        except ServerConfigError as exc:
            self._show_error(localized(exc))
            return
        self.message.hide()
        self.controller.set_settings(new)
        self._show_key_state()

    def _show_key_state(self) -> None:
        lan = self.where.currentData() != DEFAULT_HOST
        has_key = server_keys.stored_key() is not None
        if not lan:
            text = self.tr("Not needed: only programs on this computer can connect.")
        elif has_key:
            text = self.tr("Every request must send the key (Authorization: Bearer …).")
        else:
            text = self.tr("Needed: create a key before starting.")
        self.key_state.setText(text)

    def _create_key(self) -> None:
        try:
            key = server_keys.create_key()
        except ServerConfigError as exc:
            self._show_error(localized(exc))
            return
        self._key_shown = key
        self.key_field.setText(key)
        self.key_field.show()
        self.key_field.selectAll()
        self.key_state.setText(self.tr("Copy the key now: it is shown only once. It is kept in the system keyring."))

    # ------------------------------------------------------------------ on / off
    def _toggle(self) -> None:
        if self.controller.state == OFF:
            self.message.hide()
            key = server_keys.stored_key() if self.controller.settings.on_lan else None
            self.controller.start(api_key=key)
        elif self.controller.state == ON:
            self.controller.stop()

    def _state_changed(self, state: str, url: str) -> None:
        words = {
            OFF: self.tr("The server is off. Other programs can use ChatDesk's models through the OpenAI API once it is on."),
            STARTING: self.tr("Starting…"),
            ON: self.tr("Serving at {url}").format(url=url),
            STOPPING: self.tr("Stopping: requests in flight end as stopped…"),
        }
        self.status.setText(words[state])
        self.status.setAccessibleName(words[state])
        self.toggle.setText(self.tr("Stop serving") if state in (ON, STOPPING) else self.tr("Start serving"))
        self.toggle.setAccessibleName(self.toggle.text())
        self.toggle.setEnabled(state in (OFF, ON))
        self.copy_url.setEnabled(state == ON)
        editable = state == OFF
        for w in (self.where, self.port, self.store_requests, self.origins, self.new_key):
            w.setEnabled(editable)

    def _copy_url(self) -> None:
        if self.controller.url:
            QGuiApplication.clipboard().setText(self.controller.url)
            self.message.setText(self.tr("Copied {url}.").format(url=self.controller.url))
            self.message.show()

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # ------------------------------------------------------------------ requests
    def _show_requests(self, requests: list[Any]) -> None:
        keep = self._selected_id()
        self.table.setRowCount(len(requests))
        for row, r in enumerate(sorted(requests, key=lambda r: r.created, reverse=True)):
            values = [r.client, r.model, r.kind, self._state_words(r), str(r.tokens)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, r.id)
                self.table.setItem(row, col, item)
            if r.id == keep:
                self.table.selectRow(row)
        self._update_buttons()

    def _state_words(self, r: Any) -> str:
        words = {"queued": self.tr("waiting"), "running": self.tr("answering"), "done": self.tr("done"),
                 "stopped": self.tr("stopped"), "failed": self.tr("failed"), "error": self.tr("failed")}
        return words.get(r.state, r.state)

    def _selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    def _update_buttons(self) -> None:
        self.stop_request.setEnabled(self._selected_id() is not None)

    def _stop_selected(self) -> None:
        request_id = self._selected_id()
        if request_id is not None and self.controller.cancel(request_id):
            self.log.appendPlainText(self.tr("Stopped request {id} at your request.").format(id=request_id))

    def closeEvent(self, event: Any) -> None:
        """Closing the panel leaves the server running (File → Local server… shows it again)."""
        self.closed.emit()
        super().closeEvent(event)
