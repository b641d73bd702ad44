"""File → Import checkpoint…: inspect a trained GPT checkpoint, convert it to GGUF, chat with it.

The converter runs as a child process (``converter_child``: ``python -m converters.cli
--progress-json``), so a crash or out-of-memory there cannot take the app down, and the window
stays responsive.

nanoGPT's default training (GPT-2's BPE, no ``meta.pkl``) stores no tokenizer in the checkpoint,
so the dialog has a tokenizer row (``tokenizer_field``): when the converter says a tokenizer is
needed, it offers GPT-2's, and the converter gets it as ``--tokenizer``. The converted model
joins the library as an imported checkpoint.

Each conversion is checked in the same child (``--verify``): llama.cpp's logits on the new file
against the checkpoint's own weights; ``parity_note`` shows the figures with a pass/fail sentence.
After success the buttons are "Chat with it" and Close.

"Compare quantizations…" measures the types before the user picks one (``quant_compare``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from chatdesk import paths
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import field_label, push_button
from chatdesk.ui.models.converter_child import ConverterChild
from chatdesk.ui.models.parity_note import ParityNote
from chatdesk.ui.models.tokenizer_field import TokenizerField

DEFAULT_TYPE = "q8_0"
EXIT_VERIFY_FAILED = 3  # the converter wrote the file but the parity check failed (converters.cli)


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


class ImportCheckpointDialog(QDialog):
    chat_requested = Signal(str)  # path of the converted GGUF
    cancelled = Signal()  # the user cancelled the converter child

    def __init__(self, parent: QWidget | None = None, python: str = sys.executable,
                 compare: Callable[[QWidget, list[str], str, str], QWidget] | None = None) -> None:
        """``compare(parent, paths, reference, temporary_folder)`` opens a window that measures the
        converted files (the evaluation feature's ``comparison_window``, handed in by the shell);
        without it the dialog offers no comparison."""
        super().__init__(parent)
        self.compare = compare
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import checkpoint"))
        self.setAccessibleName(self.tr("Import a trained checkpoint"))
        self.resize(760, 460)
        self.child = ConverterChild(python, self)  # the converter child process, one at a time
        self.summary: dict | None = None
        self.output_path: str | None = None
        self.needs_tokenizer = False
        self._inspected_args: list[str] | None = None  # the last checkpoint + tokenizer read
        self.exists_box: QMessageBox | None = None  # "Keep both / Replace / Cancel", while it is open

        self.source = QLineEdit(self)
        self.source.setObjectName("importSource")
        self.source.setAccessibleName(self.tr("Checkpoint file or folder"))
        self.source.setPlaceholderText(self.tr("nanoGPT ckpt.pt, or a Hugging Face GPT-2 folder"))
        pick_file = push_button(self, "pickCheckpointFile", self.tr("File…"), self.tr("Choose a checkpoint file"), self._pick_file)
        pick_dir = push_button(self, "pickCheckpointFolder", self.tr("Folder…"), self.tr("Choose a checkpoint folder"), self._pick_dir)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(pick_file)
        row.addWidget(pick_dir)

        self.tokenizer = TokenizerField(self)
        self.tokenizer.changed.connect(self._tokenizer_edited)

        self.found = QLabel(self.tr("Choose a checkpoint to see what it contains."), self)
        self.found.setObjectName("importFound")
        self.found.setAccessibleName(self.tr("What the checkpoint contains"))
        self.found.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("importName")
        self.name.setAccessibleName(self.tr("Model name"))
        self.qtype = QComboBox(self)
        self.qtype.setObjectName("importType")
        self.qtype.setAccessibleName(self.tr("Quantization"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(self.tr("Conversion progress"))
        self.progress.setRange(0, 100)
        self.progress.hide()  # shown once a conversion starts
        self.status = QLabel("", self)
        self.status.setObjectName("importStatus")
        self.status.setAccessibleName(self.tr("Conversion status"))
        self.status.setWordWrap(True)
        self.parity = ParityNote(self)
        self.child.progressed.connect(self._progressed)
        self.child.cancelled.connect(self._child_cancelled)
        self.child.start_failed.connect(self.status.setText)
        self.convert_button = push_button(self, "convertButton", self.tr("Convert"), self.tr("Convert to GGUF"), self.start_conversion)
        self.compare_button = push_button(self, "compareQuantizations", self.tr("Compare quantizations…"),
                                           self.tr("Convert to several types and measure each before choosing"),
                                           self.compare_quantizations)
        self.comparison: Any = None  # the QuantComparison under way
        self.cancel_button = push_button(self, "cancelImport", self.tr("Cancel"), self.tr("Cancel"), self._cancel)
        self.chat_button = push_button(self, "chatWithItButton", self.tr("Chat with it"),
                                        self.tr("Start a chat with the converted model"), self._chat)
        self.chat_button.hide()
        self._set_ready(False)
        self.source.editingFinished.connect(lambda: self.inspect(self.source.text()))

        form = QFormLayout()
        form.addRow(field_label(self, self.tr("Checkpoint")), row)
        form.addRow(field_label(self, self.tr("Tokenizer")), self.tokenizer)
        form.addRow("", self.tokenizer.note)
        form.addRow(field_label(self, self.tr("Found")), self.found)
        form.addRow(field_label(self, self.tr("Name")), self.name)
        form.addRow(field_label(self, self.tr("Quantization")), self.qtype)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.chat_button)
        buttons.addWidget(self.compare_button)
        self.compare_button.setVisible(compare is not None)
        buttons.addWidget(self.convert_button)
        buttons.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.parity)
        lay.addLayout(buttons)

    # ------------------------------------------------------------------ picking and inspecting
    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Checkpoint file"), str(Path.home()),
                                              self.tr("Checkpoints (*.pt *.bin *.safetensors);;All files (*)"))
        if path:
            self.source.setText(path)
            self.inspect(path, force=True)

    def _pick_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Hugging Face model folder"), str(Path.home()))
        if path:
            self.source.setText(path)
            self.inspect(path, force=True)

    def _tokenizer_args(self) -> list[str]:
        tok = self.tokenizer.text()
        return ["--tokenizer", tok] if tok else []

    def inspect(self, src: str, force: bool = False) -> None:
        """Read the checkpoint (in the child process); again only when the source or tokenizer changed,
        since the line edits report "editing finished" whenever they merely lose focus."""
        args = [src, *self._tokenizer_args(), "--inspect", "--progress-json"]
        if not src or self.child.busy or (args == self._inspected_args and not force):
            return
        self._inspected_args = args
        self.summary = None
        self.needs_tokenizer = False
        self._set_ready(False)
        self.found.setText(self.tr("Reading the checkpoint…"))
        self.found.setToolTip("")
        self.child.run(args, self._inspected)

    def _inspected(self, events: list[dict], code: int) -> None:
        summary = next((e for e in events if "format" in e and "n_layer" in e), None)
        summary = summary or next((e.get("summary") for e in events if isinstance(e.get("summary"), dict)), None)
        if code != 0 or summary is None:
            error = self.child.error_text(events, code)
            if "--tokenizer" in error and not self.tokenizer.text():
                self._ask_for_tokenizer(error)
            else:
                self.found.setText(error)
            return
        self.summary = summary
        step = self.tr(", step {n}").format(n=summary["training_step"]) if summary.get("training_step") is not None else ""
        loss = self.tr(", val loss {loss}").format(loss=f"{summary['val_loss']:.3f}") if summary.get("val_loss") is not None else ""
        self.found.setText(
            self.tr("{format}: {layers} layers, {heads} heads, embedding {embd}, {params} M parameters, "
                    "vocabulary {vocab} ({tokenizer}), context {ctx}").format(
                format=summary["format"], layers=summary["n_layer"], heads=summary["n_head"], embd=summary["n_embd"],
                params=f"{summary['n_params'] / 1e6:.1f}", vocab=summary["vocab_size"], tokenizer=summary["tokenizer"],
                ctx=summary["context_length"]) + step + loss
        )
        self.qtype.clear()
        for qt, size in summary.get("estimated_bytes", {}).items():
            self.qtype.addItem(self.tr("{type} — about {size}").format(type=qt, size=_mb(size)), qt)
        idx = self.qtype.findData(DEFAULT_TYPE)
        self.qtype.setCurrentIndex(max(idx, 0))
        stem = Path(summary.get("source", self.source.text())).stem or "model"
        if stem in ("ckpt", "model", "pytorch_model"):
            stem = Path(summary.get("source", self.source.text())).parent.name or stem
        self.name.setText(re.sub(r"[^\w.-]+", "-", stem))
        self._set_ready(True)

    # ------------------------------------------------------------------ the tokenizer
    def _ask_for_tokenizer(self, converter_error: str) -> None:
        """The checkpoint has no tokenizer of its own: say so in the dialog's words and offer GPT-2's."""
        self.needs_tokenizer = True
        self.found.setText(self.tr(
            "This checkpoint has no tokenizer of its own. nanoGPT's default training uses GPT-2's tokenizer, which is "
            "not stored in the checkpoint: choose it under Tokenizer (from the Hugging Face cache, a download or a "
            "file), and ChatDesk reads the checkpoint again."))
        self.found.setToolTip(converter_error)
        self.tokenizer.offer_gpt2()

    def _tokenizer_edited(self) -> None:
        if self.source.text().strip():
            self.inspect(self.source.text())

    # ------------------------------------------------------------------ converting
    def start_conversion(self) -> None:
        """Choose the output file first (on the thread pool: it looks at the disk and the library);
        a model imported before under this name and type is never replaced without asking."""
        from chatdesk.library.imports import ModelExistsError, converted_model_path

        if self.summary is None or self.child.busy or self.exists_box is not None:
            return
        qt = self.qtype.currentData() or DEFAULT_TYPE
        name = self.name.text().strip() or "model"
        self._set_ready(False)
        self.status.setText(self.tr("Choosing where to save the model…"))

        def work() -> Path:
            paths.models_dir().mkdir(parents=True, exist_ok=True)
            return converted_model_path(name, qt)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ModelExistsError):
                self._ask_exists(exc, name, qt)
            else:
                self.status.setText(localized(exc))
                self._set_ready(self.summary is not None)

        run_in_background(work, lambda path: self._convert_to(path, name, qt), failed, owner=self, key="output-path")

    def _ask_exists(self, exc: Any, name: str, qt: str) -> None:
        """A model was imported before under this name and type: Keep both, Replace or Cancel."""
        box = QMessageBox(self)
        box.setObjectName("confirmReplaceModel")
        box.setAccessibleName(self.tr("A model with this name exists"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Model already imported"))
        box.setText(localized(exc))
        uses = self.tr(" The library lists it as {id}; replacing it changes the model those chats use.").format(
            id=exc.entry_id) if exc.entry_id else ""
        box.setInformativeText(self.tr("Keep both saves the new model as {file}.").format(file=exc.keep_both_path.name) + uses)
        keep = box.addButton(self.tr("Keep both"), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("keepBothModels")
        keep.setAccessibleName(self.tr("Keep both"))
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        replace.setObjectName("replaceModel")
        replace.setAccessibleName(self.tr("Replace"))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancelReplace")
        cancel.setAccessibleName(self.tr("Cancel"))
        box.setDefaultButton(keep)
        box.setEscapeButton(cancel)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            self.exists_box = None
            box.deleteLater()
            if clicked is keep:
                self._convert_to(Path(exc.keep_both_path), name, qt)
            elif clicked is replace:
                self._convert_to(Path(exc.path), name, qt)  # what converted_model_path(if_exists="replace") gives
            else:
                self.status.setText(self.tr("Not converted: the model imported before is kept."))
                self._set_ready(self.summary is not None)

        box.finished.connect(answered)
        self.exists_box = box
        box.open()

    def _convert_to(self, path: Path, name: str, qt: str) -> None:
        if self.summary is None or self.child.busy:
            return
        self.output_path = str(path)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Converting…"))
        self.parity.clear_report()
        self._set_ready(False)
        self._set_close_button(False)
        args = [self.source.text(), *self._tokenizer_args(), "-o", self.output_path, "--type", qt,
                "--name", name, "--progress-json", "--verify"]
        self.child.run(args, self._converted)

    def _set_close_button(self, finished: bool) -> None:
        """After a successful conversion there is nothing left to cancel: the button closes."""
        if finished:
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setToolTip(self.tr("Close this window"))
            self.cancel_button.setAccessibleName(self.tr("Close"))
        else:
            self.cancel_button.setText(self.tr("Cancel"))
            self.cancel_button.setToolTip(self.tr("Cancel"))
            self.cancel_button.setAccessibleName(self.tr("Cancel"))

    def _converted(self, events: list[dict], code: int) -> None:
        done = next((e for e in events if e.get("done")), None)
        if code in (0, EXIT_VERIFY_FAILED) and done:  # written either way; the parity line says how it checked
            self.parity.show_done(done)
            self.output_path = done.get("output", self.output_path)
            self.progress.setValue(100)
            self.status.setText(self.tr("Converted to {path}").format(path=self.output_path))
            self.chat_button.show()
            self._set_close_button(True)
            self._add_to_library(str(self.output_path))
        else:
            self.status.setText(self.child.error_text(events, code))
            self._set_ready(True)

    def _set_ready(self, ready: bool) -> None:
        """Convert (and Compare, unless a comparison is under way) can start."""
        self.convert_button.setEnabled(ready)
        self.compare_button.setEnabled(ready and self.comparison is None and self.compare is not None)

    # ------------------------------------------------------------------ comparing quantizations
    def compare_quantizations(self) -> None:
        """Ask which types to compare, then convert and measure them (``quant_compare``)."""
        from chatdesk.ui.models.quant_compare import SKIPPED, SUGGESTED, TypeChooser

        if self.summary is None or self.child.busy or self.comparison is not None:
            return
        choices = [(self.qtype.itemData(i), self.qtype.itemText(i)) for i in range(self.qtype.count())
                   if self.qtype.itemData(i) not in SKIPPED]
        chooser = TypeChooser(choices, {*SUGGESTED, self.qtype.currentData()}, self)
        chooser.accepted.connect(lambda: self.start_comparison(chooser.chosen()))
        chooser.finished.connect(lambda _r: chooser.deleteLater())
        self.type_chooser = chooser
        chooser.open()

    def start_comparison(self, types: list[str]) -> None:
        from chatdesk.ui.models.quant_compare import QuantComparison

        if self.summary is None or self.child.busy or self.comparison is not None or not types:
            return
        self.comparison = QuantComparison(self, types)
        self._set_ready(False)
        self.comparison.start()

    def comparison_ended(self) -> None:
        from chatdesk.ui.models.quant_compare import BASE_TEXT_ROLE

        measuring = self.comparison is not None and self.comparison.window is not None
        self.comparison = None
        self._set_ready(self.summary is not None and not self.child.busy)
        if measuring:  # "Measuring the converted files…" must not outlive the measuring
            if any(self.qtype.itemData(i, BASE_TEXT_ROLE) for i in range(self.qtype.count())):
                self.status.setText(self.tr("The figures are in, beside each type under Quantization: pick one and press "
                                            "Convert."))
            else:
                self.status.setText(self.tr("The comparison ended without figures; its window says why."))

    def _add_to_library(self, path: str) -> None:
        """List the converted model in the library as an imported checkpoint (on the thread pool)."""
        from chatdesk.library import Catalog

        def failed(exc: BaseException) -> None:
            self.status.setText(self.status.text() + "\n" + self.tr("It could not be added to the library: {error}").format(
                error=localized(exc)))

        run_in_background(lambda: Catalog.open().add_file(path, source="imported"), lambda _entry: None, failed, owner=self)

    # ------------------------------------------------------------------ the converter child
    def _progressed(self, fraction: float, message: str, stage: str) -> None:
        self.progress.setValue(int(fraction * 100))
        if stage == "verify":
            self.status.setText(self.tr("Checking that the converted model computes the same logits as the checkpoint…"))
        else:
            self.status.setText(message)

    def _child_cancelled(self) -> None:
        self._inspected_args = None  # a cancelled reading may be asked for again
        self.status.setText(self.tr("Cancelled."))
        self._set_ready(self.summary is not None)
        self.cancelled.emit()

    def _cancel(self) -> None:
        """Cancel the converter child if one runs (it removes its temporary files), else close."""
        if not self.child.cancel():
            self.reject()

    def _chat(self) -> None:
        if self.output_path:
            self.chat_requested.emit(self.output_path)
            self.accept()

    def closeEvent(self, event) -> None:
        self.child.stop_now()
        self.tokenizer.cancel_download()
        super().closeEvent(event)
