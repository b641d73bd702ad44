"""The Hub search of Download from the Hub…: words, a language filter and an order; each hit with its GGUF files.

Why a widget of its own: searching is one job of the download dialog (the others: listing a
repository's files, downloading one, the unfinished downloads), with its own state (the hits, the
newest search) and its own network call. Searching (``library.hub_search.search_models``) runs
on the thread pool and the newest search wins: an older one still running is told to stop listing
files. Choosing a hit, or one of its files, emits ``chosen``; the dialog then lists that
repository's files as typing its id would. Its words are the download dialog's (same
translation context).
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatdesk.library import LibraryError
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import field_label, push_button
from chatdesk.ui.models.library_table import human_size

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 30  # hits per search: enough to choose from, few enough to list their files quickly


def _tr(text: str) -> str:
    return QCoreApplication.translate("DownloadDialog", text)


class HubSearchPanel(QWidget):
    """Search Hugging Face for GGUF repositories and choose one (or one of its files)."""

    chosen = Signal(str, object)  # repository id, file name or None
    message = Signal(str, str)  # a sentence for the dialog's message strip, its kind ("info" or "error")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hubSearchPanel")
        self._busy = False
        self._search_cancel: threading.Event | None = None
        self.hits: list[Any] = []  # the last search's SearchHits, in the order shown
        self.search = QLineEdit(self)
        self.search.setObjectName("hubSearchInput")
        self.search.setAccessibleName(_tr("Search Hugging Face for GGUF models"))
        self.search.setPlaceholderText(_tr("Words in the repository name, e.g. qwen instruct"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.search_hub)
        self.search_language = QComboBox(self)
        self.search_language.setObjectName("hubSearchLanguage")
        self.search_language.setAccessibleName(_tr("Language the models speak"))
        self.search_language.setToolTip(_tr("Only repositories the Hub tags with this language"))
        for text, code in ((_tr("Any language"), ""), (_tr("Chinese"), "zh"), (_tr("English"), "en")):
            self.search_language.addItem(text, code)
        self.search_sort = QComboBox(self)
        self.search_sort.setObjectName("hubSearchSort")
        self.search_sort.setAccessibleName(_tr("Order of the search results"))
        self.search_sort.addItem(_tr("Most downloads"), "downloads")
        self.search_sort.addItem(_tr("Most recent"), "recent")
        self.search_button = push_button(self, "searchHub", _tr("Search"), _tr("Search Hugging Face for GGUF models"),
                                          self.search_hub)
        self.results = QTreeWidget(self)
        self.results.setObjectName("hubSearchResults")
        self.results.setAccessibleName(_tr("Search results: repositories and their GGUF files"))
        self.results.setColumnCount(3)
        self.results.setHeaderLabels([_tr("Repository / file"), _tr("Downloads / quantization"), _tr("Size")])
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.header().setStretchLastSection(False)
        self.results.setMinimumHeight(120)
        self.results.itemClicked.connect(lambda item, _col: self.choose_hit(item))
        self.results.itemActivated.connect(lambda item, _col: self.choose_hit(item))

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_language)
        search_row.addWidget(self.search_sort)
        search_row.addWidget(self.search_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(field_label(self, _tr("Search Hugging Face (GGUF models):")))
        lay.addLayout(search_row)
        lay.addWidget(self.results, 1)
        self._show_results(False)

    def _show_results(self, shown: bool) -> None:
        """The hits take room in the dialog only while there are hits to show."""
        self.results.setVisible(shown)
        vertical = QSizePolicy.Policy.Expanding if shown else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)

    def set_busy(self, busy: bool) -> None:
        """While the dialog downloads, no hit can be chosen."""
        self._busy = busy
        self.results.setEnabled(not busy)

    def search_hub(self) -> None:
        """Search the Hub for the typed words (the user asked: this uses the network); the newest
        search wins, an older one still running is told to stop listing files."""
        from chatdesk.library.hub_search import search_models  # noqa: PLC0415 - huggingface_hub, loaded on demand

        text = self.search.text()
        language = self.search_language.currentData() or None
        sort = self.search_sort.currentData() or "downloads"
        if self._search_cancel is not None:
            self._search_cancel.set()
        cancel = threading.Event()
        self._search_cancel = cancel
        self.results.clear()
        self.hits = []
        self.message.emit(_tr("Searching Hugging Face for “{text}”…").format(text=text.strip()), "info")

        def work() -> list[Any]:
            return search_models(text, language=language, sort=sort, limit=SEARCH_LIMIT, cancelled=cancel.is_set)

        def done(hits: list[Any]) -> None:
            if self._search_cancel is cancel:
                self._search_cancel = None
            self._show_hits(hits, text.strip())

        def failed(exc: BaseException) -> None:
            if self._search_cancel is cancel:
                self._search_cancel = None
            self._show_results(False)
            self.message.emit(localized(exc) if isinstance(exc, LibraryError)
                              else _tr("The search failed: {error}").format(error=localized(exc)), "error")

        run_in_background(work, done, failed, owner=self, key="hub-search")

    def _show_hits(self, hits: list[Any], text: str) -> None:
        self.hits = list(hits)
        self.results.clear()
        self._show_results(True)
        languages = {"zh": _tr("Chinese"), "en": _tr("English")}
        for hit in hits:
            top = QTreeWidgetItem([hit.repo_id, _tr("{n} downloads").format(n=QLocale().toString(hit.downloads)), ""])
            top.setData(0, HIT_ROLE, (hit, None))
            tip = [hit.repo_id]
            spoken = [languages[x] for x in hit.languages if x in languages]
            if spoken:
                tip.append(_tr("Languages: {list}").format(list=", ".join(spoken)))
            if hit.quantizations:
                tip.append(_tr("Quantizations: {list}").format(list=", ".join(hit.quantizations)))
            if hit.gated:
                tip.append(_tr("Gated: accept its terms on huggingface.co and set HF_TOKEN."))
            if hit.files_error:
                tip.append(hit.files_error)
            top.setToolTip(0, "\n".join(tip))
            for f in hit.files:
                size = human_size(f.size) if f.size is not None else "?"
                if f.parts > 1:
                    size = _tr("{size} in {n} parts").format(size=size, n=f.parts)
                child = QTreeWidgetItem([f.filename, f.quantization or "—", size])
                child.setData(0, HIT_ROLE, (hit, f))
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                top.addChild(child)
            self.results.addTopLevelItem(top)
            top.setExpanded(True)
        self.results.resizeColumnToContents(1)
        self.results.resizeColumnToContents(2)
        if not hits:
            self.message.emit(_tr("No GGUF models on Hugging Face match “{text}”. Try fewer or other words, "
                                  "or another language.").format(text=text), "info")
        else:
            self.message.emit(_tr("{n} repositories found. Choose one (or one of its files) to list its files for "
                                  "download.").format(n=len(hits)), "info")

    def hit_names(self) -> list[str]:
        """The repositories the last search shows, in order."""
        return [hit.repo_id for hit in self.hits]

    def choose_hit(self, item: QTreeWidgetItem) -> None:
        """A chosen hit (or one of its files): ``chosen(repository, file or None)``."""
        data = item.data(0, HIT_ROLE)
        if not data or self._busy:
            return
        hit, f = data
        self.chosen.emit(hit.repo_id, f.filename if f is not None else None)
