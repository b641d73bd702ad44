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
(``library.hub_search.search_models``, the newest search wins) and listing run on the thread pool and a
download on its own thread (``common.thread_job.ThreadJob``), so a slow link never freezes the window; progress
arrives as signals carrying frozen ``DownloadProgress`` values. Every failure is shown as the
library's sentence (offline mode, 404, 401/gated, timeouts, dropped connections, full disk).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatdesk.library import Catalog, DownloadCancelled, HubError, LibraryError, ModelEntry
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import field_label, push_button, show_strip, strip_text
from chatdesk.ui.common.thread_job import ThreadJob
from chatdesk.ui.models.library_table import human_size

DATA_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 30  # hits per search: enough to choose from, few enough to list their files quickly
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

        self._search_cancel: threading.Event | None = None
        self.hits: list[Any] = []  # the last search's SearchHits, in the order shown
        self.search = QLineEdit(self)
        self.search.setObjectName("hubSearchInput")
        self.search.setAccessibleName(self.tr("Search Hugging Face for GGUF models"))
        self.search.setPlaceholderText(self.tr("Words in the repository name, e.g. qwen instruct"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.search_hub)
        self.search_language = QComboBox(self)
        self.search_language.setObjectName("hubSearchLanguage")
        self.search_language.setAccessibleName(self.tr("Language the models speak"))
        self.search_language.setToolTip(self.tr("Only repositories the Hub tags with this language"))
        for text, code in ((self.tr("Any language"), ""), (self.tr("Chinese"), "zh"), (self.tr("English"), "en")):
            self.search_language.addItem(text, code)
        self.search_sort = QComboBox(self)
        self.search_sort.setObjectName("hubSearchSort")
        self.search_sort.setAccessibleName(self.tr("Order of the search results"))
        self.search_sort.addItem(self.tr("Most downloads"), "downloads")
        self.search_sort.addItem(self.tr("Most recent"), "recent")
        self.search_button = push_button(self, "searchHub", self.tr("Search"),
                                          self.tr("Search Hugging Face for GGUF models"), self.search_hub)
        self.results = QTreeWidget(self)
        self.results.setObjectName("hubSearchResults")
        self.results.setAccessibleName(self.tr("Search results: repositories and their GGUF files"))
        self.results.setColumnCount(3)
        self.results.setHeaderLabels([self.tr("Repository / file"), self.tr("Downloads / quantization"), self.tr("Size")])
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.header().setStretchLastSection(False)
        self.results.setMinimumHeight(120)
        self.results.itemClicked.connect(lambda item, _col: self.choose_hit(item))
        self.results.itemActivated.connect(lambda item, _col: self.choose_hit(item))
        self.results.hide()

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

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_language)
        search_row.addWidget(self.search_sort)
        search_row.addWidget(self.search_button)
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
        lay.addWidget(field_label(self, self.tr("Search Hugging Face (GGUF models):")))
        lay.addLayout(search_row)
        lay.addWidget(self.results, 1)
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
        file_ok = self.selected_file() is not None and self.selected_file().parts == 1  # type: ignore[union-attr]
        self.download_button.setEnabled(not busy and file_ok)
        self.cancel_button.setEnabled(busy)
        self.resume_button.setEnabled(not busy and self.pending.currentItem() is not None)
        self.discard_button.setEnabled(not busy and self.pending.currentItem() is not None)
        self.list_button.setEnabled(not busy)
        self.results.setEnabled(not busy)
        self.pending_label.setVisible(self.pending.count() > 0)
        self.pending.setVisible(self.pending.count() > 0)
        self.resume_button.setVisible(self.pending.count() > 0)
        self.discard_button.setVisible(self.pending.count() > 0)

    # ------------------------------------------------------------------ searching
    def search_hub(self) -> None:
        """Search the Hub for the typed words (the user asked: this uses the network); the newest
        search wins, an older one still running is told to stop listing files."""
        from chatdesk.library.hub_search import search_models

        text = self.search.text()
        language = self.search_language.currentData() or None
        sort = self.search_sort.currentData() or "downloads"
        if self._search_cancel is not None:
            self._search_cancel.set()
        cancel = threading.Event()
        self._search_cancel = cancel
        self.results.clear()
        self.hits = []
        self.show_message(self.tr("Searching Hugging Face for “{text}”…").format(text=text.strip()), "info")

        def work() -> list[Any]:
            return search_models(text, language=language, sort=sort, limit=SEARCH_LIMIT, cancelled=cancel.is_set)

        def done(hits: list[Any]) -> None:
            if self._search_cancel is cancel:
                self._search_cancel = None
            self._show_hits(hits, text.strip())

        def failed(exc: BaseException) -> None:
            if self._search_cancel is cancel:
                self._search_cancel = None
            self.results.hide()
            self.show_message(localized(exc) if isinstance(exc, LibraryError)
                              else self.tr("The search failed: {error}").format(error=localized(exc)), "error")

        run_in_background(work, done, failed, owner=self, key="hub-search")

    def _show_hits(self, hits: list[Any], text: str) -> None:
        self.hits = list(hits)
        self.results.clear()
        self.results.setVisible(True)
        languages = {"zh": self.tr("Chinese"), "en": self.tr("English")}
        for hit in hits:
            top = QTreeWidgetItem([hit.repo_id, self.tr("{n} downloads").format(n=QLocale().toString(hit.downloads)), ""])
            top.setData(0, DATA_ROLE, (hit, None))
            tip = [hit.repo_id]
            spoken = [languages[x] for x in hit.languages if x in languages]
            if spoken:
                tip.append(self.tr("Languages: {list}").format(list=", ".join(spoken)))
            if hit.quantizations:
                tip.append(self.tr("Quantizations: {list}").format(list=", ".join(hit.quantizations)))
            if hit.gated:
                tip.append(self.tr("Gated: accept its terms on huggingface.co and set HF_TOKEN."))
            if hit.files_error:
                tip.append(hit.files_error)
            top.setToolTip(0, "\n".join(tip))
            for f in hit.files:
                size = human_size(f.size) if f.size is not None else "?"
                if f.parts > 1:
                    size = self.tr("{size} in {n} parts").format(size=size, n=f.parts)
                child = QTreeWidgetItem([f.filename, f.quantization or "—", size])
                child.setData(0, DATA_ROLE, (hit, f))
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                top.addChild(child)
            self.results.addTopLevelItem(top)
            top.setExpanded(True)
        self.results.resizeColumnToContents(1)
        self.results.resizeColumnToContents(2)
        if not hits:
            self.show_message(self.tr("No GGUF models on Hugging Face match “{text}”. Try fewer or other words, "
                                      "or another language.").format(text=text), "info")
        else:
            self.show_message(self.tr("{n} repositories found. Choose one (or one of its files) to list its files for "
                                      "download.").format(n=len(hits)), "info")

    def hit_names(self) -> list[str]:
        """The repositories the last search shows, in order."""
        return [self.results.topLevelItem(i).text(0) for i in range(self.results.topLevelItemCount())]

    def choose_hit(self, item: QTreeWidgetItem) -> None:
        """A chosen hit (or one of its files) fills the repository field and lists its files, that
        file preselected, as typing the repository and pressing List files would."""
        data = item.data(0, DATA_ROLE)
        if not data or self.downloading:
            return
        hit, f = data
        self.repo.setText(hit.repo_id)
        self._preferred_file = f.filename if f is not None else None
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
