"""The Documents window: named collections of files and folders the assistant can search.

Left, the collections; right, the chosen one: its files and folders, how much of it is indexed,
and the files that could not be read with the reason (encrypted PDF, a DOCX zip bomb, a binary
file…). Indexing is the window's ``IndexRunner`` (it goes on when the panel closes and resumes
unfinished collections at the next start); the panel shows its per-file progress and has Cancel.
Only new or changed files are read again, and a cancelled or interrupted run resumes where it
stopped. Every read of the index runs off the GUI thread.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.context import AppContext
from chatdesk.ui.common.thread_job import ThreadJob
from chatdesk.ui.documents.model_choice import EmbeddingModelChoice
from chatdesk.ui.documents.runner import IndexRunner

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


_index_lock = threading.Lock()


def with_index(fn: Any) -> Any:
    """Run ``fn(index)`` with the index opened on this (pool) thread. The window's own reads and
    changes of the index take turns: two of them opening a new index file at once could both try
    to create its tables, and one would fail on the other's lock."""
    from chatdesk import paths
    from chatdesk.documents import DocumentIndex

    with _index_lock:
        paths.ensure_data_dir()
        with DocumentIndex(paths.documents_index_path()) as index:
            return fn(index)


class DocumentsPanel(QWidget):
    collections_changed = Signal(list)  # names, after any change (the chat settings panel lists them)

    def __init__(self, parent: QWidget | None = None, runner: IndexRunner | None = None,
                 ctx: AppContext | None = None) -> None:
        """Without ``runner`` the panel indexes by itself (and closing it cancels), as in a test;
        with ``ctx`` it also offers the choice of the search (embedding) model."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("documentsPanel")
        self.setWindowTitle(self.tr("Documents"))
        self.setAccessibleName(self.tr("Documents"))
        self.resize(900, 560)
        self._own_runner = runner is None
        self.runner = runner if runner is not None else IndexRunner(self)
        self.runner.started.connect(self._started)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._indexed)
        self.runner.failed.connect(self._index_failed)

        self.collections = QListWidget(self)
        self.collections.setObjectName("documentCollections")
        self.collections.setAccessibleName(self.tr("Collections"))
        self.collections.currentItemChanged.connect(lambda *_: self._show_current())
        self.new_button = QPushButton(self.tr("New collection…"), self)
        self.new_button.setObjectName("newCollection")
        self.new_button.clicked.connect(self.new_collection)
        self.delete_button = QPushButton(self.tr("Remove collection"), self)
        self.delete_button.setObjectName("removeCollection")
        self.delete_button.setToolTip(self.tr("Forget this collection and its index; your files stay where they are."))
        self.delete_button.clicked.connect(self.remove_collection)

        self.summary = QLabel(self)
        self.summary.setObjectName("collectionSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("About this collection"))
        self.roots = QListWidget(self)
        self.roots.setObjectName("collectionRoots")
        self.roots.setAccessibleName(self.tr("Files and folders in this collection"))
        self.add_files = QPushButton(self.tr("Add files…"), self)
        self.add_files.setObjectName("addFiles")
        self.add_files.clicked.connect(self._choose_files)
        self.add_folder = QPushButton(self.tr("Add folder…"), self)
        self.add_folder.setObjectName("addFolder")
        self.add_folder.clicked.connect(self._choose_folder)
        self.remove_root = QPushButton(self.tr("Remove from collection"), self)
        self.remove_root.setObjectName("removeRoot")
        self.remove_root.clicked.connect(self._remove_selected_root)
        self.index_button = QPushButton(self.tr("Index now"), self)
        self.index_button.setObjectName("indexNow")
        self.index_button.clicked.connect(self.start_indexing)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelIndexing")
        self.cancel_button.clicked.connect(self.cancel_indexing)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("indexProgress")
        self.progress.setAccessibleName(self.tr("Indexing progress"))
        self.status = QLabel(self)
        self.status.setObjectName("indexStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Indexing"))
        self.failures = QListWidget(self)
        self.failures.setObjectName("indexFailures")
        self.failures.setAccessibleName(self.tr("Files that could not be indexed"))

        left = QWidget(self)
        l_lay = QVBoxLayout(left)
        l_lay.addWidget(QLabel(self.tr("Collections"), left))
        l_lay.addWidget(self.collections, 1)
        l_lay.addWidget(self.new_button)
        l_lay.addWidget(self.delete_button)
        right = QWidget(self)
        r_lay = QVBoxLayout(right)
        self.model_choice = EmbeddingModelChoice(ctx, right) if ctx is not None else None
        if self.model_choice is not None:
            r_lay.addWidget(self.model_choice)
            r_lay.addWidget(self.model_choice.hint)
        r_lay.addWidget(self.summary)
        r_lay.addWidget(self.roots, 2)
        buttons = QHBoxLayout()
        for b in (self.add_files, self.add_folder, self.remove_root):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.index_button)
        buttons.addWidget(self.cancel_button)
        r_lay.addLayout(buttons)
        r_lay.addWidget(self.progress)
        r_lay.addWidget(self.status)
        r_lay.addWidget(QLabel(self.tr("Could not be indexed"), right))
        r_lay.addWidget(self.failures, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        if self.runner.current is not None:
            self._started(self.runner.current)
        self._update_buttons()
        self.refresh()

    @property
    def job(self) -> ThreadJob | None:
        """The indexing run in progress, if any (the runner's)."""
        return self.runner.job

    # ------------------------------------------------------------------ reading
    def current_name(self) -> str | None:
        item = self.collections.currentItem()
        return item.data(NAME_ROLE) if item is not None else None

    def refresh(self, select: str | None = None) -> None:
        keep = select or self.current_name()

        def read(index: Any) -> list[Any]:
            return index.collections()

        def show(infos: list[Any]) -> None:
            self.collections.blockSignals(True)
            self.collections.clear()
            for info in infos:
                item = QListWidgetItem(info.name)
                item.setData(NAME_ROLE, info.name)
                self.collections.addItem(item)
                if info.name == keep:
                    self.collections.setCurrentItem(item)
            if self.collections.currentItem() is None and self.collections.count():
                self.collections.setCurrentRow(0)
            self.collections.blockSignals(False)
            self._infos = {i.name: i for i in infos}
            self.collections_changed.emit([i.name for i in infos])
            self._show_current()

        run_in_background(lambda: with_index(read), show, self._failed, owner=self, key="collections")

    def _show_current(self) -> None:
        name = self.current_name()
        self.roots.clear()
        self.failures.clear()
        info = getattr(self, "_infos", {}).get(name) if name else None
        if info is None:
            self.summary.setText(self.tr("Make a collection, add files or folders to it, and index it; then turn it on "
                                         "for a chat in the chat settings (Ctrl+Shift+S)."))
            self._update_buttons()
            return
        for root in info.roots:
            self.roots.addItem(root)
        state = self.tr(" Not fully indexed: press Index now.") if info.needs_indexing else ""
        self.summary.setText(self.tr("{name}: {files} files, {indexed} indexed, {failed} could not be read, {chunks} passages.").format(
            name=info.name, files=info.files, indexed=info.indexed, failed=info.failed, chunks=info.chunks) + state)
        run_in_background(lambda: with_index(lambda index: index.failures(name)), self._show_failures, self._failed,
                          owner=self, key="failures")
        self._update_buttons()

    def _show_failures(self, failures: list[Any]) -> None:
        self.failures.clear()
        for f in failures:
            self.failures.addItem(f"{f.path} — {localized(f.message)}")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(localized(exc))

    # ------------------------------------------------------------------ changing
    def new_collection(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New collection"), self.tr("Name:"))
        if ok and name.strip():
            self.create_collection(name.strip(), [])

    def create_collection(self, name: str, paths: list[str]) -> None:
        """Make ``name`` (adding ``paths``) in the background; the list then shows and selects it."""
        run_in_background(lambda: with_index(lambda index: index.add_paths(name, paths)), lambda _n: self.refresh(name),
                          self._failed, owner=self)

    def add_paths(self, paths: list[str]) -> None:
        name = self.current_name()
        if name and paths:
            self.create_collection(name, paths)

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"), "", self.tr(
            "Documents (*.txt *.md *.html *.htm *.pdf *.docx *.py *.js *.ts *.c *.cpp *.java *.go *.rs *.json *.csv);;All files (*)"))
        self.add_paths(files)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder"))
        if folder:
            self.add_paths([folder])

    def _remove_selected_root(self) -> None:
        name, item = self.current_name(), self.roots.currentItem()
        if name and item is not None:
            root = item.text()
            run_in_background(lambda: with_index(lambda index: index.remove_paths(name, [root])), lambda _n: self.refresh(name),
                              self._failed, owner=self)

    def remove_collection(self) -> None:
        name = self.current_name()
        if name:
            run_in_background(lambda: with_index(lambda index: index.remove_collection(name)), lambda _n: self.refresh(),
                              self._failed, owner=self)

    # ------------------------------------------------------------------ indexing
    def start_indexing(self) -> None:
        name = self.current_name()
        if name and not self.runner.busy:
            self.runner.start(name)

    def cancel_indexing(self) -> None:
        if self.runner.busy:
            self.runner.cancel()
            self.status.setText(self.tr("Stopping after the current file…"))

    def _started(self, name: str) -> None:
        self.progress.setValue(0)
        self.status.setText(self.tr("Indexing {name}…").format(name=name))
        self._update_buttons()

    def _progressed(self, p: Any) -> None:
        self.progress.setMaximum(max(1, p.total))
        self.progress.setValue(p.position)
        self.status.setText(self.tr("{n} of {total}: {path}").format(n=p.position, total=p.total, path=p.path))

    def _indexed(self, _name: str, report: Any) -> None:
        if report.cancelled:
            text = self.tr("Cancelled: {indexed} files indexed so far; Index now goes on from there.").format(indexed=report.indexed)
        else:
            text = self.tr("Indexed {indexed} new or changed files ({unchanged} unchanged, {failed} could not be read) "
                           "in {seconds} s.").format(indexed=report.indexed, unchanged=report.unchanged, failed=report.failed,
                                                      seconds=f"{report.seconds:.1f}")
        self.status.setText(text)
        self._update_buttons()
        self.refresh()

    def _index_failed(self, _name: str, exc: BaseException) -> None:
        self.status.setText(self.tr("Indexing stopped: {problem}").format(problem=localized(exc)))
        self._update_buttons()
        self.refresh()

    def _update_buttons(self) -> None:
        has = self.current_name() is not None
        idle = not self.runner.busy
        for b in (self.add_files, self.add_folder, self.remove_root, self.delete_button):
            b.setEnabled(has and idle)
        self.index_button.setEnabled(has and idle)
        self.cancel_button.setEnabled(not idle)
        self.progress.setVisible(not idle)

    def closeEvent(self, event: Any) -> None:
        """A panel with its own runner cancels on close (what was indexed stays, the next run
        resumes); the window's runner goes on in the background."""
        if self._own_runner:
            self.runner.cancel()
        super().closeEvent(event)
