"""Download from the Hub…: pick a GGUF file of a Hugging Face repository and fetch it, resumably.

The user searches the Hub by words (GGUF repositories only, with a language filter and most
downloaded or most recent first; each hit shows its GGUF files, sizes and quantizations), types a
repository id or pastes a Hub address (or picks one of the suggested small Chinese + English
models); choosing a search hit fills the repository (and file) as typing would. ChatDesk lists the repository's GGUF files with sizes and
quantization, and downloads the chosen one through ``chatdesk.library.download_model`` — which
resumes after Cancel, a dropped connection, a crash or a restart, checks free space, verifies the
Hub's SHA-256 and adds the file to the library. Unfinished downloads found on disk are listed so
they can be resumed (or discarded).

The network is touched only when the user presses a button (or chooses a hit). Searching
(``hub_search_panel.HubSearchPanel``, the newest search wins) and listing run on the thread pool and a
download on its own thread (``common.thread_job.ThreadJob``), so a slow link never freezes the window; progress
arrives as signals carrying frozen ``DownloadProgress`` values. Every failure is shown as the
library's sentence (offline mode, 404, 401/gated, timeouts, dropped connections, full disk).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatdesk.library import Catalog, DownloadCancelled, HubError, LibraryError, ModelEntry
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import field_label, push_button, show_strip, strip_text
from chatdesk.ui.common.thread_job import ThreadJob
from chatdesk.ui.models.hub_search_panel import HubSearchPanel
from chatdesk.ui.models.library_table import human_size

DATA_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_STEPS = 1000  # QProgressBar holds an int: bytes of a multi-GB file would overflow it



def _tr(text: str) -> str:
    return QCoreApplication.translate("DownloadDialog", text)


def human_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = int(round(seconds))
    if s < 60:
        return _tr("{n} s").format(n=s)
    if s < 3600:
        return _tr("{m} min {s} s").format(m=s // 60, s=s % 60)
    return _tr("{h} h {m} min").format(h=s // 3600, m=(s % 3600) // 60)


def progress_text(p: Any) -> str:
    """One line for a ``DownloadProgress``: bytes, speed and time left."""
    if p.phase == "checking":
        return _tr("Checking the {size} already downloaded…").format(size=human_size(p.bytes_done))
    if p.phase == "verifying":
        return _tr("Verifying the file's SHA-256…")
    if p.phase == "done":
        return _tr("Done: {size}.").format(size=human_size(p.bytes_done))
    parts = [_tr("{done} of {total}").format(done=human_size(p.bytes_done), total=human_size(p.total) if p.total else "?")]
    if p.speed_bps:
        parts.append(_tr("{speed}/s").format(speed=human_size(int(p.speed_bps))))
    if p.eta_s is not None:
        parts.append(_tr("{time} left").format(time=human_duration(p.eta_s)))
    if p.resumed_from:
        parts.append(_tr("resumed at {size}").format(size=human_size(p.resumed_from)))
    return " · ".join(parts)


class DownloadDialog(QDialog):
    downloaded = Signal(object)  # ModelEntry now in the library
    chat_requested = Signal(object)  # ModelEntry

    def __init__(self, catalog: Catalog | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("downloadDialog")
        self.setWindowTitle(self.tr("Download from Hugging Face"))
        self.setAccessibleName(self.tr("Download a model from Hugging Face"))
        self.resize(820, 760)
        self.catalog = catalog
        self.job: ThreadJob | None = None
        self.entry: ModelEntry | None = None  # the last finished download
        self._listing: Any = None
        self._preferred_file: str | None = None
        self._listing_seq = 0

        self.hub_search = HubSearchPanel(self)
        self.hub_search.chosen.connect(self._hit_chosen)
        self.hub_search.message.connect(self.show_message)

        self.repo = QLineEdit(self)
        self.repo.setObjectName("repoInput")
        self.repo.setAccessibleName(self.tr("Repository id or Hugging Face address"))
        self.repo.setPlaceholderText(self.tr("e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF, or paste an address from huggingface.co"))
        self.repo.returnPressed.connect(self.list_files)
        self.list_button = push_button(self, "listFiles", self.tr("List files"), self.tr("List the repository's GGUF files"), self.list_files)

        self.suggested = QListWidget(self)
        self.suggested.setObjectName("suggestedModels")
        self.suggested.setAccessibleName(self.tr("Suggested models that speak Chinese and English"))
        self.suggested.setMaximumHeight(118)
        from chatdesk.library import SUGGESTED_MODELS

        for s in SUGGESTED_MODELS:
            langs = " + ".join({"zh": self.tr("Chinese"), "en": self.tr("English")}.get(x, x) for x in s.languages)
            item = QListWidgetItem(f"{s.label} — {langs}. {self.tr(s.note)}")  # notes: chatdesk/ui/app/i18n_markers.py
            item.setData(DATA_ROLE, s)
            item.setToolTip(f"{s.repo_id}/{s.filename}")
            self.suggested.addItem(item)
        self.suggested.itemClicked.connect(self._suggestion_clicked)
        self.suggested.itemActivated.connect(lambda item: (self._suggestion_clicked(item), self.list_files()))

        self.files = QTableWidget(0, 3, self)
        self.files.setObjectName("repoFiles")
        self.files.setAccessibleName(self.tr("GGUF files in the repository"))
        self.files.setHorizontalHeaderLabels([self.tr("File"), self.tr("Quantization"), self.tr("Size")])
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().hide()
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.files.itemSelectionChanged.connect(self._update_buttons)
        self.files.itemDoubleClicked.connect(lambda _item: self.download_selected())

        self.pending = QListWidget(self)
        self.pending.setObjectName("pendingDownloads")
        self.pending.setAccessibleName(self.tr("Unfinished downloads"))
        self.pending.setMaximumHeight(80)
        self.pending.itemSelectionChanged.connect(self._update_buttons)
        self.pending_label = QLabel(self.tr("Unfinished downloads (kept after Cancel, an error or a restart):"), self)
        self.pending_label.setAccessibleName(self.tr("Unfinished downloads"))

        self.progress = QProgressBar(self)
        self.progress.setObjectName("downloadProgress")
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.hide()
        self.progress_label = QLabel("", self)
        self.progress_label.setObjectName("downloadProgressText")
        self.progress_label.setAccessibleName(self.tr("Downloaded bytes, speed and time left"))

        self.message = QLabel("", self)
        self.message.setObjectName("downloadMessage")
        self.message.setAccessibleName(self.tr("Download message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.download_button = push_button(self, "downloadFile", self.tr("Download"), self.tr("Download the selected file"),
                                             self.download_selected)
        self.cancel_button = push_button(self, "cancelDownload", self.tr("Cancel"),
                                          self.tr("Stop the download; the part already downloaded is kept"), self.cancel)
        self.resume_button = push_button(self, "resumeDownload", self.tr("Resume"),
                                          self.tr("Resume the selected unfinished download"), self.resume_selected)
        self.discard_button = push_button(self, "discardDownload", self.tr("Discard"),
                                           self.tr("Delete the selected unfinished download"), self.discard_selected)
        self.chat_button = push_button(self, "chatWithDownload", self.tr("Chat with it"),
                                        self.tr("Start a chat with the downloaded model"), self._chat)
        self.chat_button.hide()
        self.close_button = push_button(self, "closeDownload", self.tr("Close"), self.tr("Close this window"), self.close)

        row = QHBoxLayout()
        row.addWidget(self.repo, 1)
        row.addWidget(self.list_button)
        pending_row = QHBoxLayout()
        pending_row.addWidget(self.pending, 1)
        side = QVBoxLayout()
        side.addWidget(self.resume_button)
        side.addWidget(self.discard_button)
        side.addStretch(1)
        pending_row.addLayout(side)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.chat_button)
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hub_search, 1)
        lay.addWidget(field_label(self, self.tr("Hugging Face repository:")))
        lay.addLayout(row)
        lay.addWidget(field_label(self, self.tr("Suggested small models (Chinese and English; click one, then List files):")))
        lay.addWidget(self.suggested)
        lay.addWidget(field_label(self, self.tr("GGUF files:")))
        lay.addWidget(self.files, 1)
        lay.addWidget(self.pending_label)
        lay.addLayout(pending_row)
        lay.addWidget(self.progress)
        lay.addWidget(self.progress_label)
        lay.addWidget(self.message)
        lay.addLayout(buttons)

        self._update_buttons()
        self.refresh_pending()
        from chatdesk.library.hub import is_offline, offline_error

        if is_offline():  # say it now, before the user tries (no network is touched here)
            self.show_message(str(offline_error()), "error")

    # ------------------------------------------------------------------ state
    @property
    def downloading(self) -> bool:
        return self.job is not None

    def show_message(self, text: str, kind: str = "error") -> None:
        show_strip(self.message, text, kind)

    def message_text(self) -> str:
        return strip_text(self.message)

    def _update_buttons(self) -> None:
        busy = self.downloading
        chosen = self.selected_file()
        file_ok = chosen is not None and chosen.parts == 1
        self.download_button.setEnabled(not busy and file_ok)
        self.cancel_button.setEnabled(busy)
        self.resume_button.setEnabled(not busy and self.pending.currentItem() is not None)
        self.discard_button.setEnabled(not busy and self.pending.currentItem() is not None)
        self.list_button.setEnabled(not busy)
        self.hub_search.set_busy(busy)
        self.pending_label.setVisible(self.pending.count() > 0)
        self.pending.setVisible(self.pending.count() > 0)
        self.resume_button.setVisible(self.pending.count() > 0)
        self.discard_button.setVisible(self.pending.count() > 0)

    # ------------------------------------------------------------------ a search hit
    def _hit_chosen(self, repo_id: str, filename: str | None) -> None:
        """A chosen hit (or one of its files) fills the repository field and lists its files, that
        file preselected, as typing the repository and pressing List files would."""
        if self.downloading:
            return
        self.repo.setText(repo_id)
        self._preferred_file = filename
        self.list_files()

    # ------------------------------------------------------------------ listing
    def _suggestion_clicked(self, item: QListWidgetItem) -> None:
        s = item.data(DATA_ROLE)
        self.repo.setText(s.repo_id)
        self._preferred_file = s.filename

    def list_files(self) -> None:
        """Ask the Hub for the repository's GGUF files (the user asked: this uses the network)."""
        from chatdesk.library import list_gguf_files, parse_hub_reference

        try:
            ref = parse_hub_reference(self.repo.text())
        except HubError as exc:
            self.show_message(localized(exc), "error")
            return
        preferred = ref.filename or (self._preferred_file if self._preferred_file and self.repo.text().strip() == ref.repo_id else None)
        self._listing_seq += 1
        seq = self._listing_seq
        self.files.setRowCount(0)
        self._listing = None
        self.show_message(self.tr("Asking Hugging Face for the files of {repo}…").format(repo=ref.repo_id), "info")
        self.list_button.setEnabled(False)

        def listed(listing: Any) -> None:
            if seq != self._listing_seq:
                return
            self._show_listing(listing, preferred, ref.quantization)

        def failed(exc: BaseException) -> None:
            if seq != self._listing_seq:
                return
            self.show_message(localized(exc) if isinstance(exc, LibraryError) else self.tr("Listing failed: {error}").format(error=localized(exc)))
            self._update_buttons()

        run_in_background(lambda: list_gguf_files(ref.repo_id, ref.revision), listed, failed, owner=self)

    def _show_listing(self, listing: Any, preferred: str | None, quantization: str | None) -> None:
        self._listing = listing
        self.files.setRowCount(len(listing.files))
        select = -1
        for row, f in enumerate(listing.files):
            name = QTableWidgetItem(f.filename)
            name.setData(DATA_ROLE, f)
            quant = QTableWidgetItem(f.quantization or "—")
            size = QTableWidgetItem(human_size(f.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if f.parts > 1:
                note = self.tr("Split into {n} files; ChatDesk downloads single-file models only.").format(n=f.parts)
                for item in (name, quant, size):
                    item.setToolTip(note)
                    item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))  # muted: not downloadable
                size.setText(self.tr("{size} × {n} parts").format(size=human_size(f.size), n=f.parts))
            self.files.setItem(row, 0, name)
            self.files.setItem(row, 1, quant)
            self.files.setItem(row, 2, size)
            if preferred and f.filename == preferred:
                select = row
        note = ""
        if select < 0 and listing.files:
            from chatdesk.library import pick_file

            try:
                best = pick_file(listing, quantization)
                select = [f.filename for f in listing.files].index(best.filename)
            except HubError as exc:  # e.g. "owner/repo:Q3_K" and no such file: say so, list the others
                note = " " + localized(exc)
        self.files.resizeColumnToContents(1)
        self.files.resizeColumnToContents(2)
        if select >= 0:
            self.files.selectRow(select)
        if not listing.files:
            self.show_message(self.tr("{repo} has no GGUF files. ChatDesk runs GGUF models; look for a repository whose name "
                                      "ends in -GGUF.").format(repo=listing.repo_id), "error")
        else:
            gated = self.tr(" This repository is gated: accept its terms on huggingface.co and set HF_TOKEN before "
                            "downloading.") if listing.gated else ""
            self.show_message(self.tr("{n} GGUF file(s) in {repo}. Pick one and press Download.").format(
                n=len(listing.files), repo=listing.repo_id) + note + gated, "info")
        self._update_buttons()

    def selected_file(self) -> Any:
        rows = self.files.selectionModel().selectedRows() if self.files.selectionModel() else []
        if not rows:
            return None
        item = self.files.item(rows[0].row(), 0)
        return item.data(DATA_ROLE) if item is not None else None

    def file_names(self) -> list[str]:
        return [self.files.item(r, 0).text() for r in range(self.files.rowCount())]

    # ------------------------------------------------------------------ downloading
    def download_selected(self) -> None:
        f = self.selected_file()
        if f is None or self._listing is None or self.downloading:
            return
        if f.parts > 1:
            self.show_message(self.tr("{name} is split into {n} files, and ChatDesk downloads single-file models only. "
                                      "Pick a smaller quantization that comes as one file.").format(name=f.filename, n=f.parts))
            return
        self.start_download(self._listing.repo_id, f.filename, self._listing.commit)

    def start_download(self, repo_id: str, filename: str, revision: str | None = None) -> None:
        """Download (or resume) one file on its own thread; the library gets it when it is verified."""
        if self.downloading:
            return
        from chatdesk.library import download_model

        catalog = self.catalog

        def work(on_progress: Callable[[Any], None], cancel: threading.Event) -> Any:
            cat = catalog if catalog is not None else Catalog.open()
            return download_model(repo_id, filename, revision=revision, catalog=cat, on_progress=on_progress, cancel=cancel)

        self.entry = None
        self.chat_button.hide()
        self.progress.setValue(0)
        self.progress.show()
        self.progress_label.setText(self.tr("Connecting to Hugging Face…"))
        self.show_message(self.tr("Downloading {name} from {repo}…").format(name=filename, repo=repo_id), "info")
        job = ThreadJob(work, owner=self)  # no parent: it outlives a closed dialog until its thread ends
        job.progress.connect(self._on_progress)
        job.succeeded.connect(self._on_done)
        job.failed.connect(self._on_failed)
        self.job = job
        self._update_buttons()
        job.start()

    def cancel(self) -> None:
        """Stop the running download at its next received chunk; the partial file stays for Resume."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.progress_label.text() + " · " + self.tr("stopping…"))

    def _on_progress(self, p: Any) -> None:
        if p.total:
            self.progress.setValue(min(PROGRESS_STEPS, int(p.bytes_done * PROGRESS_STEPS / p.total)))
        self.progress_label.setText(progress_text(p))

    def _on_done(self, entry: ModelEntry) -> None:
        self.job = None
        self.entry = entry
        self.progress.setValue(PROGRESS_STEPS)
        self.progress_label.setText(self.tr("Done: {size}.").format(size=human_size(entry.file_size)))
        self.show_message(self.tr("{name} is in your library.").format(name=entry.name), "info")
        self.chat_button.show()
        self._update_buttons()
        self.refresh_pending()
        self.downloaded.emit(entry)

    def _on_failed(self, exc: BaseException) -> None:
        self.job = None
        if isinstance(exc, DownloadCancelled):
            self.show_message(localized(exc) + " " + self.tr("Select it under Unfinished downloads and press Resume."), "info")
        elif isinstance(exc, LibraryError):
            self.show_message(localized(exc), "error")
        elif isinstance(exc, OSError):
            self.show_message(self.tr("The download stopped: ChatDesk could not write the file ({error}). The part already "
                                      "downloaded is kept.").format(error=exc.strerror or localized(exc)), "error")
        else:
            self.show_message(self.tr("The download stopped unexpectedly: {error}").format(error=localized(exc)), "error")
        self.progress_label.setText("")
        self.progress.hide()
        self._update_buttons()
        self.refresh_pending()

    def _chat(self) -> None:
        if self.entry is not None:
            self.chat_requested.emit(self.entry)

    # ------------------------------------------------------------------ unfinished downloads
    def refresh_pending(self) -> None:
        """List partial downloads kept on disk (read on the thread pool)."""
        from chatdesk.library import pending_downloads

        def show(found: list[Any]) -> None:
            keep = self.pending.currentItem().data(DATA_ROLE) if self.pending.currentItem() else None
            self.pending.clear()
            for p in found:
                total = human_size(p.size) if p.size else "?"
                item = QListWidgetItem(self.tr("{repo}/{file} — {done} of {total}").format(
                    repo=p.repo_id, file=p.filename, done=human_size(p.bytes_done), total=total))
                item.setData(DATA_ROLE, p)
                self.pending.addItem(item)
                if keep is not None and (p.repo_id, p.filename) == (keep.repo_id, keep.filename):
                    self.pending.setCurrentItem(item)
            if self.pending.currentItem() is None and self.pending.count():
                self.pending.setCurrentRow(0)
            self._update_buttons()

        run_in_background(pending_downloads, show, lambda exc: None, owner=self)

    def pending_names(self) -> list[str]:
        return [self.pending.item(i).data(DATA_ROLE).filename for i in range(self.pending.count())]

    def resume_selected(self) -> None:
        item = self.pending.currentItem()
        if item is None or self.downloading:
            return
        p = item.data(DATA_ROLE)
        self.start_download(p.repo_id, p.filename, p.revision)

    def discard_selected(self) -> None:
        item = self.pending.currentItem()
        if item is None or self.downloading:
            return
        p = item.data(DATA_ROLE)
        from chatdesk.library import discard_download

        def done(_had: bool) -> None:
            self.show_message(self.tr("Deleted the unfinished download of {file}.").format(file=p.filename), "info")
            self.refresh_pending()

        def failed(exc: BaseException) -> None:
            self.show_message(localized(exc), "error")

        run_in_background(lambda: discard_download(p.repo_id, p.filename), done, failed, owner=self)
