"""The import dialog's Tokenizer row: a path, and where GPT-2's tokenizer can come from.

nanoGPT's default training (GPT-2's BPE, no ``meta.pkl``) stores no tokenizer in the checkpoint.
When the converter says one is needed (``offer_gpt2``), this row looks for GPT-2's tokenizer in
the Hugging Face cache (``library.find_gpt2_tokenizer``, no network), offers to download it from
the Hub (``openai-community/gpt2`` through the library's resumable download, only after the user
agrees) or takes a file the user picks; whatever is chosen is what the converter gets as
``--tokenizer``. The dialog reads the checkpoint again on ``changed``.

Its words keep the dialog's translation context (``_tr``): they were the dialog's own before this
row became a module of its own, and the catalogues hold them there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QSizePolicy, QWidget

from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import push_button


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportCheckpointDialog", text)


def tokenizer_argument(found: Any) -> str:
    """What ``--tokenizer`` gets for GPT-2 files found on disk (``library.TokenizerFiles``)."""
    if found.has_bpe_pair:
        return str(found.folder)
    return str(found.tokenizer_json)


class TokenizerField(QWidget):
    """The path field and its three sources; ``note`` (a label the dialog places below the row)
    says what was found, asked or downloaded."""

    changed = Signal()  # the tokenizer was chosen or edited

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.cached: Any = None  # library.TokenizerFiles found in the Hugging Face cache
        self.confirm_box: QMessageBox | None = None  # "Download GPT-2's tokenizer?", while it is open
        self.job: Any = None  # the download under way
        # Replaced by tests and scripts that cannot drive a native file dialog.
        self.choose_file: Callable[[], str] = self._choose_file_dialog

        self.edit = QLineEdit(self)
        self.edit.setObjectName("importTokenizer")
        self.edit.setAccessibleName(_tr("Tokenizer"))
        self.edit.setPlaceholderText(_tr("the checkpoint's own (meta.pkl or tokenizer files beside it)"))
        self.edit.editingFinished.connect(self.changed)
        # A long path scrolls inside the field: the whole of it is in the tooltip.
        self.edit.textChanged.connect(self.edit.setToolTip)
        self.cache_button = push_button(
            self, "gpt2FromCache", _tr("GPT-2 from Hugging Face cache"),
            _tr("Use GPT-2's tokenizer found in the Hugging Face cache"), self.use_cached_gpt2)
        self.cache_button.setEnabled(False)
        self.hub_button = push_button(
            self, "gpt2FromHub", _tr("Download GPT-2's…"), _tr("Download GPT-2's tokenizer from Hugging Face"),
            self.ask_download_gpt2)
        self.pick_button = push_button(self, "pickTokenizer", _tr("File…"), _tr("Choose a tokenizer file"), self._pick)
        # A path must stay readable beside three buttons (it was cut to a few letters).
        self.edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 36)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.cache_button)
        row.addWidget(self.hub_button)
        row.addWidget(self.pick_button)
        self.note = QLabel("", parent)
        self.note.setObjectName("tokenizerNote")
        self.note.setAccessibleName(_tr("About the tokenizer"))
        self.note.setWordWrap(True)
        self.note.hide()

    def text(self) -> str:
        return self.edit.text().strip()

    def set_path(self, path: str) -> None:
        """Use this tokenizer (file or folder); the dialog reads the checkpoint again with it."""
        self.edit.setText(path)
        self.changed.emit()

    def offer_gpt2(self) -> None:
        """The checkpoint has none of its own: look for GPT-2's in the Hugging Face cache and say
        what there is to choose from."""
        from chatdesk.library import find_gpt2_tokenizer

        self.note.setText(_tr("Looking for GPT-2's tokenizer in the Hugging Face cache…"))
        self.note.show()

        def looked(found: Any) -> None:
            self.cached = found
            self.cache_button.setEnabled(found is not None)
            if found is not None:
                self.cache_button.setToolTip(str(found.folder))
                self.note.setText(_tr(
                    "GPT-2's tokenizer is already on this computer ({folder}). Press “GPT-2 from Hugging Face cache” "
                    "to use it.").format(folder=found.folder))
                self.cache_button.setFocus()
            else:
                self.note.setText(_tr(
                    "GPT-2's tokenizer is not in the Hugging Face cache. “Download GPT-2's…” fetches it (about 1.5 MB) "
                    "from Hugging Face, or choose a tokenizer.json, vocab.json + merges.txt or meta.pkl with “File…”."))

        def failed(exc: BaseException) -> None:
            self.note.setText(localized(exc))

        run_in_background(find_gpt2_tokenizer, looked, failed, owner=self)

    def use_cached_gpt2(self) -> None:
        if self.cached is None:
            return
        self.note.setText(_tr("Using GPT-2's tokenizer from the Hugging Face cache ({repo}).").format(
            repo=self.cached.repo_id))
        self.set_path(tokenizer_argument(self.cached))

    def _choose_file_dialog(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Tokenizer"), str(Path.home()), _tr("Tokenizers (tokenizer.json vocab.json meta.pkl);;All files (*)"))
        return path

    def _pick(self) -> None:
        path = self.choose_file()
        if not path:
            return
        p = Path(path)
        # vocab.json needs its merges.txt: the converter takes the folder holding both.
        self.set_path(str(p.parent) if p.name in ("vocab.json", "merges.txt") else str(p))

    def ask_download_gpt2(self) -> None:
        """The network is used only after the user agrees."""
        from chatdesk.library.hfcache import GPT2_REPOS

        box = QMessageBox(self)
        box.setObjectName("confirmTokenizerDownload")
        box.setAccessibleName(_tr("Confirm downloading GPT-2's tokenizer"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_tr("Download GPT-2's tokenizer"))
        box.setText(_tr("Download GPT-2's tokenizer (vocab.json and merges.txt, about 1.5 MB) from Hugging Face "
                        "({repo})? It is kept in ChatDesk's data folder for later imports.").format(repo=GPT2_REPOS[0]))
        yes = box.addButton(_tr("Download"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("downloadTokenizer")
        yes.setAccessibleName(_tr("Download"))
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        no.setAccessibleName(_tr("Cancel"))
        box.setDefaultButton(yes)

        def answered(_result: int) -> None:
            agreed = box.clickedButton() is yes
            self.confirm_box = None
            box.deleteLater()
            if agreed:
                self.download_gpt2()

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    def cancel_download(self) -> None:
        """Stop a download under way (the dialog is closing); the part so far is kept for the next try."""
        if self.job is not None:
            self.job.cancel()

    def download_gpt2(self) -> None:
        from chatdesk.library import download_gpt2_tokenizer
        from chatdesk.ui.common.thread_job import ThreadJob
        from chatdesk.ui.models.download_dialog import progress_text

        if self.job is not None:
            return

        def work(on_progress: Callable[[Any], None], cancel: threading.Event) -> Any:
            return download_gpt2_tokenizer(on_progress=on_progress, cancel=cancel)

        def progressed(p: Any) -> None:
            self.note.setText(_tr("Downloading GPT-2's tokenizer: {file}, {progress}").format(
                file=p.filename, progress=progress_text(p)))

        def done(found: Any) -> None:
            self.job = None
            self.hub_button.setEnabled(True)
            self.note.setText(_tr("Downloaded GPT-2's tokenizer to {folder}.").format(folder=found.folder))
            self.set_path(tokenizer_argument(found))

        def failed(exc: BaseException) -> None:
            self.job = None
            self.hub_button.setEnabled(True)
            self.note.setText(localized(exc))

        job = ThreadJob(work, owner=self)
        job.progress.connect(progressed)
        job.succeeded.connect(done)
        job.failed.connect(failed)
        self.job = job
        self.hub_button.setEnabled(False)
        self.note.setText(_tr("Connecting to Hugging Face…"))
        self.note.show()
        job.start()
