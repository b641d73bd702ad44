"""Chat → Settings…: system prompt, sampling, context and GPU layers, and — for models without a
chat template — the plain prompt format (transcript labels, or plain completion) for that model.

The dialog edits copies of the frozen settings dataclasses and returns a new ``AppSettings``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatdesk.engine import LoadSettings, ModelInfo, PromptFormat, SamplingSettings
from chatdesk.settings import AppSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, model: ModelInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._settings = settings
        self._model = model
        s, ld = settings.sampling, settings.load

        self.system_prompt = QPlainTextEdit(settings.system_prompt, self)
        self.system_prompt.setFixedHeight(70)
        self.temperature = self._double(s.temperature, 0.0, 2.0, 0.05)
        self.top_p = self._double(s.top_p, 0.0, 1.0, 0.01)
        self.top_k = self._int(s.top_k, 0, 1000)
        self.min_p = self._double(s.min_p, 0.0, 1.0, 0.01)
        self.repeat_penalty = self._double(s.repeat_penalty, 0.5, 2.0, 0.01)
        self.max_tokens = self._int(s.max_tokens, 1, 32768)
        self.fixed_seed = QCheckBox("Fixed seed", self)
        self.seed = self._int(s.seed or 0, 0, 2**31 - 1)
        self.fixed_seed.setChecked(s.seed is not None)
        self.seed.setEnabled(s.seed is not None)
        self.fixed_seed.toggled.connect(self.seed.setEnabled)
        self.n_ctx = self._int(ld.n_ctx, 64, 131072)
        self.threads = self._int(ld.n_threads or 0, 0, 256)
        self.threads.setSpecialValueText("physical cores")
        self.gpu_layers = self._int(-2 if ld.n_gpu_layers is None else ld.n_gpu_layers, -2, 1000)
        self.gpu_layers.setSpecialValueText("automatic")

        form = QFormLayout()
        form.addRow("System prompt", self.system_prompt)
        form.addRow("Temperature", self.temperature)
        form.addRow("Top-p", self.top_p)
        form.addRow("Top-k", self.top_k)
        form.addRow("Min-p", self.min_p)
        form.addRow("Repeat penalty", self.repeat_penalty)
        form.addRow("Max reply tokens", self.max_tokens)
        form.addRow(self.fixed_seed, self.seed)
        form.addRow("Context (tokens, capped at the model's)", self.n_ctx)
        form.addRow("Threads", self.threads)
        form.addRow("GPU layers (-1 all)", self.gpu_layers)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        self.format_box: QGroupBox | None = None
        if model is not None and not model.has_chat_template:
            fmt = settings.prompt_format_for(model.path)
            box = QGroupBox(f"Prompt format for {model.name} (no chat template)", self)
            self.mode = QComboBox(box)
            self.mode.addItem("Transcript (User: … / Assistant:)", "chat")
            self.mode.addItem("Plain completion (continue my text)", "completion")
            self.mode.setCurrentIndex(0 if fmt.mode == "chat" else 1)
            self.user_label = QLineEdit(fmt.user_label, box)
            self.assistant_label = QLineEdit(fmt.assistant_label, box)
            self.preview = QLabel(box)
            self.preview.setObjectName("promptPreview")
            for w in (self.user_label, self.assistant_label):
                w.textChanged.connect(self._update_preview)
            self.mode.currentIndexChanged.connect(self._update_preview)
            f2 = QFormLayout(box)
            f2.addRow("Mode", self.mode)
            f2.addRow("User label", self.user_label)
            f2.addRow("Assistant label", self.assistant_label)
            f2.addRow("Prompt looks like", self.preview)
            self._update_preview()
            lay.addWidget(box)
            self.format_box = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _double(self, value: float, lo: float, hi: float, step: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(lo, hi)
        box.setSingleStep(step)
        box.setDecimals(2)
        box.setValue(value)
        return box

    def _int(self, value: int, lo: int, hi: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(lo, hi)
        box.setValue(value)
        return box

    def _format(self) -> PromptFormat:
        return PromptFormat(
            mode=self.mode.currentData(),
            user_label=self.user_label.text().strip() or "User",
            assistant_label=self.assistant_label.text().strip() or "Assistant",
        )

    def _update_preview(self) -> None:
        f = self._format()
        if f.mode == "completion":
            self.preview.setText("<i>your text, continued by the model</i>")
        else:
            self.preview.setText(f"<pre>{f.user_label}: Hello\n{f.assistant_label}:</pre>")

    def result_settings(self) -> AppSettings:
        sampling = SamplingSettings(
            temperature=self.temperature.value(),
            top_p=self.top_p.value(),
            top_k=self.top_k.value(),
            min_p=self.min_p.value(),
            repeat_penalty=self.repeat_penalty.value(),
            max_tokens=self.max_tokens.value(),
            seed=self.seed.value() if self.fixed_seed.isChecked() else None,
        )
        load = LoadSettings(
            n_ctx=self.n_ctx.value(),
            n_threads=self.threads.value() or None,
            n_gpu_layers=None if self.gpu_layers.value() == -2 else self.gpu_layers.value(),
            n_batch=self._settings.load.n_batch,
        )
        new = replace(self._settings, system_prompt=self.system_prompt.toPlainText().strip(), sampling=sampling, load=load)
        if self.format_box is not None and self._model is not None:
            new = new.with_prompt_format(self._model.path, self._format())
        return new
