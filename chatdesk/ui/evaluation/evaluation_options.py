"""The evaluation window's "what to measure on" form: the text, the window size and the reference.

Why apart from the window: these fields decide one thing, the ``RunPlan`` every model of a run is
measured with, and they are checked together before a run starts (``plan``); the window around
them keeps the models, the run and the results.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from chatdesk.ui.common.form_parts import field_label, push_button
from chatdesk.ui.evaluation.run_queue import RunPlan


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationWindow", text)


class IncompleteOptions(ValueError):
    """The form does not say yet what to measure on; the message says what is missing, in words."""


class EvaluationOptions(QWidget):
    """The text, context and reference fields, enabled while no run is going on.

    ``choose_text`` and ``choose_reference(folder)`` ask the user for a file (the window's
    replaceable dialog hooks).
    """

    def __init__(self, parent: QWidget, choose_text: Callable[[], str], choose_reference: Callable[[bool], str]) -> None:
        super().__init__(parent)
        self._choose_text = choose_text
        self._choose_reference = choose_reference
        self._idle = True

        self.text_choice = QComboBox(self)
        self.text_choice.setObjectName("evaluationTextChoice")
        self.text_choice.setAccessibleName(_tr("Text to evaluate on"))
        self.text_choice.addItem(_tr("Built-in sample (English and Chinese)"), "builtin")
        self.text_choice.addItem(_tr("A text file of mine"), "file")
        self.text_path = QLineEdit(self)
        self.text_path.setObjectName("evaluationTextFile")
        self.text_path.setAccessibleName(_tr("Text file"))
        self.text_path.setPlaceholderText(_tr("a UTF-8 text file, a few thousand words or more"))
        self.text_button = push_button(self, "chooseEvaluationText", _tr("Choose…"), _tr("Choose a text file"), self._pick_text)
        self.text_choice.currentIndexChanged.connect(lambda _i: self._update_enabled())

        self.ctx = QSpinBox(self)
        self.ctx.setObjectName("evaluationContext")
        self.ctx.setAccessibleName(_tr("Context length"))
        self.ctx.setRange(0, 131072)
        self.ctx.setSingleStep(128)
        self.ctx.setSpecialValueText(_tr("Automatic"))
        self.ctx.setSuffix(_tr(" tokens"))
        self.ctx.setToolTip(_tr("Tokens per window. Automatic: 512, or the model's trained context if that is smaller. "
                                "Each window scores its second half, as llama.cpp's llama-perplexity does; the text needs "
                                "at least two windows."))
        self.chunks = QSpinBox(self)
        self.chunks.setObjectName("evaluationChunks")
        self.chunks.setAccessibleName(_tr("Windows to evaluate"))
        self.chunks.setRange(0, 1_000_000)
        self.chunks.setSpecialValueText(_tr("All the text"))
        self.chunks.setToolTip(_tr("Evaluate only the first windows of the text, for a quicker estimate."))

        self.reference_choice = QComboBox(self)
        self.reference_choice.setObjectName("evaluationReferenceChoice")
        self.reference_choice.setAccessibleName(_tr("Reference for KL divergence and top-1 agreement"))
        self.reference_choice.addItem(_tr("Automatic: a more precise file converted from the same checkpoint"), "auto")
        self.reference_choice.addItem(_tr("None"), "none")
        self.reference_choice.addItem(_tr("This GGUF or original checkpoint:"), "path")
        self.reference_choice.setToolTip(_tr("KL divergence and top-1 agreement say how far a quantized model's next-token "
                                             "choices are from a higher-precision version of the same model."))
        self.reference_path = QLineEdit(self)
        self.reference_path.setObjectName("evaluationReference")
        self.reference_path.setAccessibleName(_tr("Reference model"))
        self.reference_path.setPlaceholderText(_tr("an F16/F32 GGUF, a Hugging Face GPT-2 folder or a nanoGPT ckpt.pt"))
        self.reference_file_button = push_button(self, "chooseReferenceFile", _tr("File…"), _tr("Choose a reference file"),
                                                  lambda: self._pick_reference(False))
        self.reference_folder_button = push_button(self, "chooseReferenceFolder", _tr("Folder…"), _tr("Choose a reference folder"),
                                                    lambda: self._pick_reference(True))
        self.reference_choice.currentIndexChanged.connect(lambda _i: self._update_enabled())
        self._layout()
        self._update_enabled()

    def _layout(self) -> None:
        text_row = QHBoxLayout()
        text_row.addWidget(self.text_choice)
        text_row.addWidget(self.text_path, 1)
        text_row.addWidget(self.text_button)
        sizes_row = QHBoxLayout()
        sizes_row.addWidget(self.ctx, 1)
        sizes_row.addWidget(field_label(self, _tr("Windows:"), self.chunks))
        sizes_row.addWidget(self.chunks, 1)
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.reference_choice)
        ref_row.addWidget(self.reference_path, 1)
        ref_row.addWidget(self.reference_file_button)
        ref_row.addWidget(self.reference_folder_button)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(field_label(self, _tr("Text:"), self.text_choice), text_row)
        form.addRow(field_label(self, _tr("Context:"), self.ctx), sizes_row)
        form.addRow(field_label(self, _tr("Reference:"), self.reference_choice), ref_row)

    # ------------------------------------------------------------------ choosing
    def _pick_text(self) -> None:
        path = self._choose_text()
        if path:
            self.text_path.setText(path)
            self.text_choice.setCurrentIndex(self.text_choice.findData("file"))

    def _pick_reference(self, folder: bool) -> None:
        path = self._choose_reference(folder)
        if path:
            self.set_reference(path)

    def set_reference(self, path: str | None) -> None:
        """Compare every model with this GGUF or checkpoint (None: find one automatically)."""
        if path:
            self.reference_path.setText(path)
            self.reference_choice.setCurrentIndex(self.reference_choice.findData("path"))
        else:
            self.reference_choice.setCurrentIndex(self.reference_choice.findData("auto"))

    def set_text_file(self, path: str | None) -> None:
        """Evaluate on this file (None: the built-in sample)."""
        self.text_path.setText(path or "")
        self.text_choice.setCurrentIndex(self.text_choice.findData("file" if path else "builtin"))

    # ------------------------------------------------------------------ state
    def set_idle(self, idle: bool) -> None:
        """The fields can be changed only while no run is going on."""
        self._idle = idle
        self._update_enabled()

    def _update_enabled(self) -> None:
        idle = self._idle
        self.text_path.setEnabled(idle and self.text_choice.currentData() == "file")
        self.text_button.setEnabled(idle)
        self.reference_path.setEnabled(idle and self.reference_choice.currentData() == "path")
        for w in (self.text_choice, self.ctx, self.chunks, self.reference_choice, self.reference_file_button,
                  self.reference_folder_button):
            w.setEnabled(idle)

    def plan(self) -> RunPlan:
        """What the form asks for; ``IncompleteOptions`` when a chosen file is missing or not named."""
        text = self.text_path.text().strip() if self.text_choice.currentData() == "file" else None
        if self.text_choice.currentData() == "file" and not text:
            raise IncompleteOptions(_tr("Choose a text file to evaluate on, or use the built-in sample."))
        reference = None
        if self.reference_choice.currentData() == "path":
            reference = self.reference_path.text().strip()
            if not reference:
                raise IncompleteOptions(_tr("Choose the reference model, or let ChatDesk find one automatically."))
            if not Path(reference).expanduser().exists():
                raise IncompleteOptions(_tr("The reference {path} does not exist.").format(path=reference))
        return RunPlan(text=str(Path(text).expanduser()) if text else None, ctx=self.ctx.value() or None,
                       chunks=self.chunks.value() or None, reference=str(Path(reference).expanduser()) if reference else None,
                       auto_reference=self.reference_choice.currentData() == "auto")
