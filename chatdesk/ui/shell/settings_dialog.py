"""Preferences (Chat → Preferences…): the defaults every chat starts from, how models load, and —
for models without a chat template — the plain prompt format (transcript labels, or plain
completion) for that model.

A chat's own values (system prompt, sampler, seed, context length, preset) live in the chat
settings side panel and are stored with the chat; what is set here reaches every chat that did
not change that value itself. The dialog edits copies of the frozen settings dataclasses and
returns a new ``AppSettings``. The Appearance page holds the interface language (it applies at the
next start: widgets take their words when they are built), the colour theme and the text size
(both apply at once, ``MainWindow.apply_settings``).
"""

from __future__ import annotations

from dataclasses import fields, replace
from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chatdesk.engine import LoadSettings, ModelInfo, PromptFormat, SamplingSettings
from chatdesk.settings import TEXT_SCALE_MAX, TEXT_SCALE_MIN, AppSettings
from chatdesk.ui.common.sampler_form import SAMPLER_KEYS, sampler_label, sampler_spin

_SETTING_NAMES = {f.name for f in fields(AppSettings)}


class SettingsDialog(QDialog):
    """The Preferences dialog (the name is kept for callers)."""

    def __init__(self, settings: AppSettings, model: ModelInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        self._settings = settings
        self._model = model
        s, ld = settings.sampling, settings.load

        # -- defaults for chats
        self.system_prompt = QPlainTextEdit(settings.system_prompt, self)
        self.system_prompt.setObjectName("defaultSystemPrompt")
        self.system_prompt.setTabChangesFocus(True)
        self.system_prompt.setFixedHeight(80)
        self._name(self.system_prompt, self.tr("Default system prompt"))
        self.samplers = {key: sampler_spin(key, self) for key in SAMPLER_KEYS}
        for key, box in self.samplers.items():
            box.setValue(getattr(s, key))
        self.temperature, self.top_p, self.top_k = self.samplers["temperature"], self.samplers["top_p"], self.samplers["top_k"]
        self.min_p, self.repeat_penalty = self.samplers["min_p"], self.samplers["repeat_penalty"]
        self.max_tokens = self.samplers["max_tokens"]
        self.fixed_seed = QCheckBox(self.tr("Fixed seed"), self)
        self._name(self.fixed_seed, self.tr("Fixed seed"))
        self.seed = self._int(s.seed or 0, 0, 2**31 - 1, self.tr("Seed"))
        self.fixed_seed.setChecked(s.seed is not None)
        self.seed.setEnabled(s.seed is not None)
        self.fixed_seed.toggled.connect(self.seed.setEnabled)
        chat_page = QWidget(self)
        chat_page.setObjectName("preferencesChatPage")
        chat_page.setAccessibleName(self.tr("Chat defaults"))
        form = QFormLayout(chat_page)
        note = QLabel(self.tr("Every chat starts from these values. A chat's own changes (Chat → Chat settings) are kept with it."), chat_page)
        note.setWordWrap(True)
        self._name(note, self.tr("About chat defaults"))
        form.addRow(note)
        form.addRow(self._label(self.tr("System prompt"), self.system_prompt), self.system_prompt)
        for key, box in self.samplers.items():
            form.addRow(self._label(sampler_label(key), box), box)
        form.addRow(self.fixed_seed, self.seed)

        # -- model loading
        self.n_ctx = self._int(ld.n_ctx, 64, 131072, self.tr("Context (tokens, capped at the model's)"))
        self.threads = self._int(ld.n_threads or 0, 0, 256, self.tr("Threads"))
        self.threads.setSpecialValueText(self.tr("physical cores"))
        self.gpu_layers = self._int(-2 if ld.n_gpu_layers is None else ld.n_gpu_layers, -2, 1000, self.tr("GPU layers"))
        self.gpu_layers.setSpecialValueText(self.tr("automatic"))
        model_page = QWidget(self)
        model_page.setObjectName("preferencesModelPage")
        model_page.setAccessibleName(self.tr("Model"))
        mcol = QVBoxLayout(model_page)
        mform = QFormLayout()
        mform.addRow(self._label(self.tr("Context (tokens, capped at the model's)"), self.n_ctx), self.n_ctx)
        mform.addRow(self._label(self.tr("Threads"), self.threads), self.threads)
        mform.addRow(self._label(self.tr("GPU layers (-1 all)"), self.gpu_layers), self.gpu_layers)
        mcol.addLayout(mform)
        self.format_box: QGroupBox | None = None
        if model is not None and not model.has_chat_template:
            self.format_box = self._format_box(model, model_page)
            mcol.addWidget(self.format_box)
        mcol.addStretch(1)

        # -- appearance (language, theme): shown once AppSettings has the fields
        self.language: QComboBox | None = None
        self.theme: QComboBox | None = None
        self.text_scale: QSpinBox | None = None
        appearance = self._appearance_page(settings)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preferencesTabs")
        self.tabs.setAccessibleName(self.tr("Preferences sections"))
        self.tabs.addTab(chat_page, self.tr("Chat defaults"))
        self.tabs.addTab(model_page, self.tr("Model"))
        if appearance is not None:
            self.tabs.addTab(appearance, self.tr("Appearance"))
        if self.format_box is not None:
            self.tabs.setCurrentWidget(model_page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("preferencesButtons")
        buttons.setAccessibleName(self.tr("Dialog buttons"))
        for b in buttons.buttons():
            b.setAccessibleName(b.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(buttons)
        for combo in self.findChildren(QComboBox):
            combo.view().setAccessibleName(combo.accessibleName())  # the drop-down list

    # ------------------------------------------------------------------ building
    @staticmethod
    def _name(widget: QWidget, name: str) -> None:
        widget.setAccessibleName(name)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        label.setAccessibleName(text)
        return label

    def _int(self, value: int, lo: int, hi: int, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(lo, hi)
        box.setValue(value)
        box.setAccessibleName(name)
        return box

    def _format_box(self, model: ModelInfo, parent: QWidget) -> QGroupBox:
        fmt = self._settings.prompt_format_for(model.path)
        box = QGroupBox(self.tr("Prompt format for {name} (no chat template)").format(name=model.name), parent)
        box.setObjectName("promptFormatBox")
        box.setAccessibleName(self.tr("Prompt format"))
        self.mode = QComboBox(box)
        self.mode.setAccessibleName(self.tr("Prompt format mode"))
        self.mode.addItem(self.tr("Transcript (User: … / Assistant:)"), "chat")
        self.mode.addItem(self.tr("Plain completion (continue my text)"), "completion")
        self.mode.setCurrentIndex(0 if fmt.mode == "chat" else 1)
        self.user_label = QLineEdit(fmt.user_label, box)
        self.user_label.setAccessibleName(self.tr("User label"))
        self.assistant_label = QLineEdit(fmt.assistant_label, box)
        self.assistant_label.setAccessibleName(self.tr("Assistant label"))
        self.preview = QLabel(box)
        self.preview.setObjectName("promptPreview")
        self.preview.setAccessibleName(self.tr("Prompt preview"))
        for w in (self.user_label, self.assistant_label):
            w.textChanged.connect(self._update_preview)
        self.mode.currentIndexChanged.connect(self._update_preview)
        f2 = QFormLayout(box)
        f2.addRow(self._label(self.tr("Mode"), self.mode), self.mode)
        f2.addRow(self._label(self.tr("User label"), self.user_label), self.user_label)
        f2.addRow(self._label(self.tr("Assistant label"), self.assistant_label), self.assistant_label)
        f2.addRow(self._label(self.tr("Prompt looks like"), self.preview), self.preview)
        self._update_preview()
        return box

    def _appearance_page(self, settings: AppSettings) -> QWidget | None:
        """Language and theme, for the interface owner to wire: each combo appears only when
        ``AppSettings`` has the field it edits, so the dialog never offers a choice that does nothing."""
        if not {"language", "theme"} & _SETTING_NAMES:
            return None
        page = QWidget(self)
        page.setObjectName("preferencesAppearancePage")
        page.setAccessibleName(self.tr("Appearance"))
        form = QFormLayout(page)
        if "language" in _SETTING_NAMES:
            self.language = QComboBox(page)
            self.language.setObjectName("languageCombo")
            self.language.setAccessibleName(self.tr("Language"))
            self.language.addItem(self.tr("Follow the system"), "system")
            self.language.addItem("English", "en")
            self.language.addItem("简体中文", "zh_CN")
            self.language.setCurrentIndex(max(self.language.findData(getattr(settings, "language", "system")), 0))
            form.addRow(self._label(self.tr("Language"), self.language), self.language)
            self.language_note = QLabel(self.tr("A new language is used the next time ChatDesk starts."), page)
            self.language_note.setObjectName("languageNote")
            self.language_note.setWordWrap(True)
            self._name(self.language_note, self.tr("When the language changes"))
            self.language.setAccessibleDescription(self.language_note.text())
            form.addRow("", self.language_note)
        if "theme" in _SETTING_NAMES:
            self.theme = QComboBox(page)
            self.theme.setObjectName("themeCombo")
            self.theme.setAccessibleName(self.tr("Theme"))
            self.theme.addItem(self.tr("Follow the system"), "system")
            self.theme.addItem(self.tr("Light"), "light")
            self.theme.addItem(self.tr("Dark"), "dark")
            self.theme.setCurrentIndex(max(self.theme.findData(getattr(settings, "theme", "system")), 0))
            form.addRow(self._label(self.tr("Theme"), self.theme), self.theme)
        if "text_scale" in _SETTING_NAMES:
            self.text_scale = self._int(getattr(settings, "text_scale", 100), TEXT_SCALE_MIN, TEXT_SCALE_MAX, self.tr("Text size"))
            self.text_scale.setObjectName("textScale")
            self.text_scale.setSuffix(" %")
            self.text_scale.setSingleStep(10)
            self.text_scale.setToolTip(self.tr("The conversation's and the message box's text, relative to the system font "
                                               "(View → Zoom in / out: Ctrl + / Ctrl −)."))
            form.addRow(self._label(self.tr("Text size"), self.text_scale), self.text_scale)
        return page

    # ------------------------------------------------------------------ values
    def _format(self) -> PromptFormat:
        return PromptFormat(
            mode=self.mode.currentData(),
            user_label=self.user_label.text().strip() or "User",
            assistant_label=self.assistant_label.text().strip() or "Assistant",
        )

    def _update_preview(self) -> None:
        f = self._format()
        if f.mode == "completion":
            self.preview.setText("<i>" + escape(self.tr("your text, continued by the model")) + "</i>")
        else:
            hello = self.tr("Hello")
            self.preview.setText(f"<pre>{escape(f.user_label)}: {escape(hello)}\n{escape(f.assistant_label)}:</pre>")

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
        extra = {}
        if self.language is not None:
            extra["language"] = self.language.currentData()
        if self.theme is not None:
            extra["theme"] = self.theme.currentData()
        if self.text_scale is not None:
            extra["text_scale"] = self.text_scale.value()
        return replace(new, **extra) if extra else new


PreferencesDialog = SettingsDialog
