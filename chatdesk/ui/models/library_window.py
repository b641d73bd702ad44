"""File → Models…: the model library window (every model ChatDesk knows, and what to do with it).

It shows ``chatdesk.library.Catalog`` entries — name, architecture, parameters, quantization,
context, size, chat template, licence, where each came from, and whether its file is missing —
and offers the library's actions: add a GGUF from disk (validated first; a bad file is refused
with the validator's sentence), scan the Hugging Face cache, download from the Hub, connect to a
server, remove (ChatDesk's own files are deleted after a confirmation; a user's own file only
when the user explicitly asks), set the default, chat with a model, and evaluate the selected
models side by side (``evaluation_window``).

Everything that touches the disk or the network — opening the library, validating a file,
scanning the cache, removing — runs on the thread pool; the window only shows frozen
``ModelEntry`` values, so it opens at once even with dozens of multi-gigabyte models
(``benchmarks/library_open.py`` measures the window too).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chatdesk.library import BUNDLED_ID, Catalog, LibraryError, ModelEntry
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import push_button, show_strip, strip_text
from chatdesk.ui.models.library_table import ENTRY_ROLE, FILTER_ROLE, SORT_ROLE, LibraryListModel, conversion_text
from chatdesk.ui.models.removal_question import RemovalQuestion


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryWindow", text)


class LibraryWindow(QDialog):
    """The model library. ``catalog``: a shared Catalog (else one is opened for this window)."""

    chat_requested = Signal(object)  # ModelEntry: the user wants to chat with it now
    evaluate_requested = Signal(list, list)  # local model paths, the library's entries (the shell routes it)
    default_changed = Signal(object)  # ModelEntry: the new default model
    library_changed = Signal(object)  # list[ModelEntry]: the library after any change
    populated = Signal()  # the table shows the library as read from disk

    def __init__(self, catalog: Catalog | None = None, parent: QWidget | None = None, current_key: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryWindow")
        self.setWindowTitle(self.tr("Model library"))
        self.setAccessibleName(self.tr("Model library"))
        self.resize(1080, 480)
        self.catalog = catalog
        self._pending = 0
        self._select_after: str | None = None
        self.confirm_box: QMessageBox | None = None
        self._download_dialog: QWidget | None = None
        self._remote_dialog: QWidget | None = None
        # Replaced by tests and scripts that cannot drive a native file dialog.
        self.choose_file: Callable[[], str] = self._choose_file_dialog

        self.filter = QLineEdit(self)
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Filter by name, architecture, quantization or source"))
        self.filter.setAccessibleName(self.tr("Filter models"))
        self.filter.setClearButtonEnabled(True)

        self.list_model = LibraryListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName(self.tr("Models in the library"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several models to evaluate
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The library's own order (bundled first, newest first) until a column header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in zip(range(len(LibraryListModel.COLUMNS)), (230, 90, 80, 90, 70, 80, 110, 90, 200, 110)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.chat_with_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.details = QLabel("", self)
        self.details.setObjectName("libraryDetails")
        self.details.setAccessibleName(self.tr("Details of the selected model"))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.message = QLabel("", self)
        self.message.setObjectName("libraryMessage")
        self.message.setAccessibleName(self.tr("Library message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.add_button = push_button(self, "addGguf", self.tr("Add GGUF…"), self.tr("Add a GGUF model file from disk"), self.add_from_disk)
        self.scan_button = push_button(self, "scanHfCache", self.tr("Scan Hugging Face cache"),
                                        self.tr("Find GGUF models already in the Hugging Face cache (no network)"), self.scan_hf_cache)
        self.download_button = push_button(self, "downloadFromHub", self.tr("Download from the Hub…"),
                                            self.tr("Download a GGUF model from Hugging Face"), self.show_download_dialog)
        self.connect_button = push_button(self, "connectServer", self.tr("Connect to a server…"),
                                           self.tr("Add models served by an OpenAI-compatible server"), self.show_remote_dialog)
        self.remove_button = push_button(self, "removeModel", self.tr("Remove…"), self.tr("Remove the selected model"), self.remove_selected)
        self.default_button = push_button(self, "setDefault", self.tr("Set as default"),
                                           self.tr("Start ChatDesk with the selected model"), self.set_default_selected)
        self.chat_button = push_button(self, "chatWithModel", self.tr("Chat with it"),
                                        self.tr("Start a new chat with the selected model"), self.chat_with_selected)
        self.evaluate_button = push_button(self, "evaluateModels", self.tr("Evaluate…"),
                                            self.tr("Measure the selected models: perplexity, speed, memory"), self.evaluate_selected)
        self.close_button = push_button(self, "closeLibrary", self.tr("Close"), self.tr("Close the model library"), self.close)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.scan_button)
        top.addWidget(self.download_button)
        top.addWidget(self.connect_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.default_button)
        bottom.addWidget(self.evaluate_button)
        bottom.addStretch(1)
        bottom.addWidget(self.chat_button)
        bottom.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.details)
        lay.addWidget(self.message)
        lay.addLayout(bottom)
        self._update_buttons()
        self.list_model.set_entries([], None, current_key)
        self.refresh()


    # ------------------------------------------------------------------ reading
    @property
    def busy(self) -> bool:
        """True while a library action (read, add, scan, remove...) is still running."""
        return self._pending > 0

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the library from disk (on the thread pool) and show it."""
        if select_id:
            self._select_after = select_id

        def read() -> tuple[Catalog, list[ModelEntry], str]:
            cat = self.catalog
            if cat is None:
                cat = Catalog.open()
            else:
                cat.reload()
            return cat, cat.entries(), cat.default().id

        self._run(read, self._show_read)

    def _show_read(self, result: tuple[Catalog, list[ModelEntry], str]) -> None:
        cat, entries, default_id = result
        self.catalog = cat
        self._show(entries, default_id)
        if cat.warnings:
            self.show_message(" ".join(localized(w) for w in cat.warnings), "info")
            cat.warnings.clear()
        self.populated.emit()

    def _show(self, entries: list[ModelEntry], default_id: str) -> None:
        keep = self._select_after or (self.selected_entry().id if self.selected_entry() else None)
        self._select_after = None
        self.list_model.set_entries(entries, default_id, self.list_model.current_key)
        if keep:
            self.select(keep)
        elif self.proxy.rowCount():
            self.select(self.proxy.index(0, 0).data(ENTRY_ROLE).id)
        self._update_buttons()
        self.library_changed.emit(entries)

    def set_current_key(self, key: str | None) -> None:
        """The model the window is chatting with (shown as "In use")."""
        self.list_model.set_current_key(key)

    def entries(self) -> list[ModelEntry]:
        return self.list_model.entries()

    def visible_names(self) -> list[str]:
        """The names of the rows shown now (after filtering and sorting), top to bottom."""
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def select(self, model_id: str) -> bool:
        """Select that model's row, and only it. ``QTableView.selectRow`` would consult the keyboard's
        modifiers (a Ctrl still held, or stuck after a shortcut, adds the row to the selection
        instead), so the selection is set explicitly."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(ENTRY_ROLE).id == model_id:
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.table.selectionModel().setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                return True
        return False

    def selected_entry(self) -> ModelEntry | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return rows[0].data(ENTRY_ROLE)

    def selected_entries(self) -> list[ModelEntry]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [r.data(ENTRY_ROLE) for r in sorted(rows, key=lambda r: r.row())]

    def _update_buttons(self) -> None:
        chosen = self.selected_entries()
        e = chosen[0] if len(chosen) == 1 else None  # one model: remove, set as default, chat
        idle = not self.busy
        self.remove_button.setEnabled(idle and e is not None and e.id != BUNDLED_ID)
        self.default_button.setEnabled(idle and e is not None and e.usable and e.id != self.list_model.default_id)
        self.chat_button.setEnabled(e is not None and e.usable)
        self.evaluate_button.setEnabled(any(x.usable and not x.is_remote and x.path for x in chosen))
        for b in (self.add_button, self.scan_button):
            b.setEnabled(idle)
        self.details.setText(self._details(e) if e is not None else "")

    def _details(self, e: ModelEntry) -> str:
        if e.is_remote:
            where = self.tr("Model {model} on {url}").format(model=e.remote_model, url=e.remote_url)
        else:
            where = e.path or ""
        lines = [where]
        if e.repo_id:
            lines.append(self.tr("From Hugging Face: {repo}/{file}").format(repo=e.repo_id, file=e.repo_filename or ""))
        if e.conversion:
            lines.append(conversion_text(e.conversion))
        if e.problem:
            lines.append(localized(e.problem))
        return "\n".join(x for x in lines if x)

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str, kind: str = "error") -> None:
        show_strip(self.message, text, kind)

    def message_text(self) -> str:
        return strip_text(self.message)

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None], failure_prefix: str = "") -> None:
        """Run a library call on the thread pool; its failure becomes a sentence in the window."""
        self._pending += 1
        self._update_buttons()

        def done(result: Any) -> None:
            self._pending -= 1
            on_done(result)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            self._pending -= 1
            if isinstance(exc, LibraryError):
                text = localized(exc)
            elif isinstance(exc, OSError):
                text = self.tr("ChatDesk could not read or write a file ({error}).").format(error=exc.strerror or localized(exc))
            else:
                text = self.tr("Something went wrong: {error}").format(error=localized(exc))
            self.show_message(failure_prefix + text, "error")
            self._update_buttons()

        run_in_background(fn, done, failed, owner=self)

    def _after_change(self, message: str, select_id: str | None = None) -> None:
        """A change went through: show the library as it is now, and say what happened."""
        assert self.catalog is not None
        if select_id:
            self._select_after = select_id
        self._show(self.catalog.entries(), self.catalog.default().id)
        if message:
            self.show_message(message, "info")

    # ------------------------------------------------------------------ actions
    def _choose_file_dialog(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add a GGUF model"), str(Path.home()),
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        return path

    def add_from_disk(self) -> None:
        path = self.choose_file()
        if path:
            self.add_file(path)

    def add_file(self, path: str) -> None:
        """Validate and add a GGUF file (the validator's sentence is shown when it is refused)."""
        if self.catalog is None:
            self.show_message(self.tr("The library is still being read; try again in a moment."), "info")
            return
        cat = self.catalog
        name = os.path.basename(path)

        def added(entry: ModelEntry) -> None:
            self._after_change(self.tr("Added {name} to the library.").format(name=entry.name), entry.id)

        self._run(lambda: cat.add_file(path), added,
                  self.tr("{name} was not added. ").format(name=name))

    def scan_hf_cache(self) -> None:
        if self.catalog is None:
            return
        cat = self.catalog

        def scanned(found: list[ModelEntry]) -> None:
            if found:
                text = self.tr("Found {n} model(s) in the Hugging Face cache.").format(n=len(found))
            else:
                text = self.tr("No GGUF models were found in the Hugging Face cache.")
            if cat.warnings:
                text += " " + self.tr("Skipped: {reasons}").format(reasons=" ".join(localized(w) for w in cat.warnings))
                cat.warnings.clear()
            self._after_change(text, found[0].id if found else None)

        self._run(cat.sync_hf_cache, scanned)

    def set_default_selected(self) -> None:
        e = self.selected_entry()
        if e is None or self.catalog is None:
            return
        cat = self.catalog

        def done(entry: ModelEntry) -> None:
            self._after_change(self.tr("{name} is now the default model: ChatDesk starts with it.").format(name=entry.name), entry.id)
            self.default_changed.emit(entry)

        self._run(lambda: cat.set_default(e.id), done)

    def chat_with_selected(self) -> None:
        e = self.selected_entry()
        if e is None:
            return
        if not e.usable:
            self.show_message(localized(e.problem) if e.problem else self.tr("This model's file is missing."), "error")
            return
        self.chat_requested.emit(e)

    def evaluate_selected(self) -> None:
        """Open the evaluation window with the selected local models (remote ones cannot be measured)."""
        local = [e.path for e in self.selected_entries() if e.usable and not e.is_remote and e.path]
        if local:
            self.evaluate_requested.emit(local, self.entries())

    def remove_selected(self) -> None:
        """Ask first (``RemovalQuestion``: whose file it is decides what may be deleted)."""
        e = self.selected_entry()
        if e is None or e.id == BUNDLED_ID or self.catalog is None:
            return
        box = RemovalQuestion(e, self.catalog.owns(e), self)
        box.remove.connect(lambda delete_file: self._remove(e, delete_file))

        def answered(_result: int) -> None:
            self.confirm_box = None
            box.deleteLater()

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    def _remove(self, e: ModelEntry, delete_file: bool) -> None:
        assert self.catalog is not None
        cat = self.catalog

        def removed(removal: Any) -> None:
            if removal.file_deleted:
                text = self.tr("Removed {name} and deleted its file.").format(name=e.name)
            elif e.path:
                text = self.tr("Removed {name} from the library; the file is still at {path}.").format(name=e.name, path=e.path)
            else:
                text = self.tr("Removed {name} from the library.").format(name=e.name)
            self._after_change(text)

        self._run(lambda: cat.remove(e.id, delete_file=delete_file), removed)

    # ------------------------------------------------------------------ other windows
    def show_download_dialog(self) -> Any:
        from chatdesk.ui.models.download_dialog import DownloadDialog

        if self._download_dialog is None:
            dlg = DownloadDialog(self.catalog, self)
            dlg.downloaded.connect(lambda entry: self.refresh(entry.id))
            dlg.chat_requested.connect(self.chat_requested)
            dlg.destroyed.connect(lambda *_: setattr(self, "_download_dialog", None))
            self._download_dialog = dlg
        self._download_dialog.show()
        self._download_dialog.raise_()
        return self._download_dialog

    def show_remote_dialog(self) -> None:
        from chatdesk.ui.models.remote_dialog import RemoteDialog

        if self._remote_dialog is None:
            dlg = RemoteDialog(self.catalog, parent=self)
            dlg.models_added.connect(lambda entries: self.refresh(entries[0].id if entries else None))
            dlg.destroyed.connect(lambda *_: setattr(self, "_remote_dialog", None))
            self._remote_dialog = dlg
        self._remote_dialog.show()
        self._remote_dialog.raise_()
