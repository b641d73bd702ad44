"""The side panel for the open conversation: its system prompt, sampler, seed, context limit,
probability view and the preset it started from.

Defaults live in Preferences; the panel shows what the open chat uses (its own values over the
defaults, ``chatdesk.chat.chat_settings.resolve``) and stores every change with the chat
(``ConversationFlow.save_chat_settings``), so it applies to the chat's next reply and survives a
restart. Number fields save when a value is committed; the system prompt saves shortly after
typing stops and whenever the field loses focus, so a reply sent right after an edit uses it.
Applying a preset can be undone. The panel follows the conversation the window shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatdesk.chat import ConversationFlow, FlowError
from chatdesk.chat import presets as P
from chatdesk.chat.chat_settings import ChatSettings, resolve
from chatdesk.engine import ModelInfo, SamplingSettings
from chatdesk.store import StoreError
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.sampler_form import SAMPLER_KEYS, sampler_label, sampler_spin

if TYPE_CHECKING:
    from chatdesk.store import Store

PROMPT_SAVE_DELAY_MS = 500
MAX_CONTEXT = 131072
FOLLOW_INPUT = ""  # the "Translate into" entry that leaves ChatSettings.translate_target None
PROMPT_LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}  # each in its own language


def ui_language() -> str:
    """The interface language, as the i18n setup left it in Qt's default locale."""
    return P.prompt_language(QLocale().name())


class _FocusOut(QObject):
    """Calls ``fn`` when the watched widget loses keyboard focus."""

    def __init__(self, fn: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.fn = fn

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.fn()
        return False


class ChatSettingsPanel(QWidget):
    settings_changed = Signal(object)  # conversation id whose stored settings changed
    error = Signal(str)

    def __init__(
        self,
        flow: ConversationFlow,
        store: Store,
        *,
        current_conversation: Callable[[], int | None],
        ensure_conversation: Callable[[], int | None],
        language: Callable[[], str] = ui_language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatSettingsPanel")
        self.setAccessibleName(self.tr("Chat settings"))
        self.flow = flow
        self.store = store
        self._current = current_conversation
        self._ensure = ensure_conversation
        self._ui_language = language
        self.conversation_id: int | None = None
        self._shown: ChatSettings = resolve(None, flow.defaults)
        self._loading = False
        self._prompt_dirty = False
        self._undo: tuple[int, ChatSettings] | None = None
        self._presets: list[P.Preset] = []
        self._model: ModelInfo | None = None
        self._language_choice: str | None = None  # the prompt language the user picked, if any
        self._build()
        self.reload_presets()
        self.set_conversation(current_conversation())

    # ------------------------------------------------------------------ building
    def _named(self, widget: QWidget, name: str, tip: str = "") -> QWidget:
        widget.setAccessibleName(name)
        if tip:
            widget.setToolTip(tip)
            widget.setAccessibleDescription(tip)
        return widget

    def _int(self, lo: int, hi: int, name: str, tip: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(lo, hi)
        box.setKeyboardTracking(False)
        box.setGroupSeparatorShown(True)
        self._named(box, name, tip)
        box.valueChanged.connect(self._changed)
        return box

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("chatSettingsTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self._named(self.title, self.tr("Conversation"))

        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("presetCombo")
        self._named(self.preset_combo, self.tr("Preset"), self.tr("Apply a preset: a system prompt and sampler values for one use of the model."))
        self.preset_combo.activated.connect(self._preset_chosen)
        self.manage_button = QPushButton(self.tr("Presets…"), self)
        self.manage_button.setObjectName("managePresetsButton")
        self._named(self.manage_button, self.tr("Manage presets"), self.tr("Create, change, duplicate, delete, import and export presets."))
        self.manage_button.clicked.connect(self.manage_presets)
        self.preset_state = QLabel(self)
        self.preset_state.setObjectName("presetState")
        self.preset_state.setWordWrap(True)
        self._named(self.preset_state, self.tr("Preset state"))
        self.preset_state.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("promptLanguageCombo")
        for code in P.PROMPT_LANGUAGES:
            self.language_combo.addItem(PROMPT_LANGUAGE_NAMES[code], code)
        self._named(self.language_combo, self.tr("Prompt language"), self.tr("The language of the preset's system prompt."))
        self.language_combo.activated.connect(self._prompt_language_chosen)
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("targetLanguageCombo")
        self._named(self.target_combo, self.tr("Translate into"), self.tr("The language the Translate preset translates into."))
        self.target_combo.activated.connect(self._language_chosen)
        self.target_label = QLabel(self.tr("Translate into"), self)
        self.target_label.setBuddy(self.target_combo)

        self.undo_label = QLabel(self)
        self.undo_label.setObjectName("presetUndoText")
        self.undo_label.setWordWrap(True)
        self._named(self.undo_label, self.tr("Preset applied"))
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setObjectName("presetUndoButton")
        self._named(self.undo_button, self.tr("Undo applying the preset"))
        self.undo_button.clicked.connect(self.undo_preset)

        self.system_prompt = QPlainTextEdit(self)
        self.system_prompt.setObjectName("chatSystemPrompt")
        self.system_prompt.setTabChangesFocus(True)
        self.system_prompt.setMinimumHeight(90)
        self.system_prompt.setPlaceholderText(self.tr("No system prompt"))
        self._named(self.system_prompt, self.tr("System prompt"), self.tr("Instructions the model reads before the conversation."))
        self.system_prompt.textChanged.connect(self._prompt_edited)
        self.system_prompt.installEventFilter(_FocusOut(self.flush, self))
        self._prompt_timer = QTimer(self)
        self._prompt_timer.setSingleShot(True)
        self._prompt_timer.setInterval(PROMPT_SAVE_DELAY_MS)
        self._prompt_timer.timeout.connect(self.flush)

        # One save per committed value, not per keystroke.
        self.samplers = {key: sampler_spin(key, self, tracking=False) for key in SAMPLER_KEYS}
        for box in self.samplers.values():
            box.valueChanged.connect(self._changed)
        self.temperature, self.top_p, self.top_k = self.samplers["temperature"], self.samplers["top_p"], self.samplers["top_k"]
        self.min_p, self.repeat_penalty = self.samplers["min_p"], self.samplers["repeat_penalty"]
        self.max_tokens = self.samplers["max_tokens"]
        self.fixed_seed = QCheckBox(self.tr("Fixed seed"), self)
        self.fixed_seed.setObjectName("fixedSeed")
        self._named(self.fixed_seed, self.tr("Fixed seed"), self.tr("Off: a fresh random seed for every reply. On: the same seed, so the same prompt gives the same reply."))
        self.fixed_seed.toggled.connect(self._changed)
        self.seed = self._int(0, 2**31 - 1, self.tr("Seed"), self.tr("The seed used for every reply while Fixed seed is on."))
        self.seed.setGroupSeparatorShown(False)
        self.context_limit = self._int(0, MAX_CONTEXT, self.tr("Context length"), self.tr("This chat's context limit in tokens; older turns are left out beyond it."))
        self.context_limit.setSingleStep(256)
        self.show_probabilities = QCheckBox(self.tr("Show token probabilities"), self)
        self.show_probabilities.setObjectName("showProbabilities")
        self._named(self.show_probabilities, self.tr("Show token probabilities"), self.tr("Record how likely each reply token was, and its alternatives."))
        self.show_probabilities.toggled.connect(self._changed)
        # Document collections this chat's replies are grounded in (File → Documents… makes them).
        self.collections_list = QListWidget(self)
        self.collections_list.setObjectName("chatCollections")
        self._named(self.collections_list, self.tr("Document collections"),
                    self.tr("Replies search the checked collections and cite the passages they use."))
        self.collections_list.setMaximumHeight(110)
        self.collections_list.itemChanged.connect(self._changed)

        self.save_preset_button = QPushButton(self.tr("Save as preset…"), self)
        self.save_preset_button.setObjectName("savePresetButton")
        self._named(self.save_preset_button, self.tr("Save these settings as a preset"))
        self.save_preset_button.clicked.connect(self.save_as_preset)
        self.reset_button = QPushButton(self.tr("Use defaults"), self)
        self.reset_button.setObjectName("resetChatSettingsButton")
        self._named(self.reset_button, self.tr("Use the defaults from Preferences"), self.tr("Forget this chat's own settings and use the defaults from Preferences."))
        self.reset_button.clicked.connect(self.reset_to_defaults)
        self.hint = QLabel(self.tr("Changes apply to this chat's next reply. Defaults are in Preferences."), self)
        self.hint.setObjectName("chatSettingsHint")
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._named(self.hint, self.tr("Hint"))

        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset_combo, 1)
        preset_row.addWidget(self.manage_button)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.fixed_seed)
        seed_row.addWidget(self.seed, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._buddy(self.tr("Preset"), self.preset_combo), preset_row)
        form.addRow(self.preset_state)
        form.addRow(self._buddy(self.tr("Prompt language"), self.language_combo), self.language_combo)
        form.addRow(self.target_label, self.target_combo)
        form.addRow(undo_row)
        form.addRow(self._buddy(self.tr("System prompt"), self.system_prompt))
        form.addRow(self.system_prompt)
        for key, box in self.samplers.items():
            form.addRow(self._buddy(sampler_label(key), box), box)
        form.addRow(self._buddy(self.tr("Seed"), self.seed), seed_row)
        form.addRow(self._buddy(self.tr("Context length"), self.context_limit), self.context_limit)
        form.addRow(self.show_probabilities)
        form.addRow(self._buddy(self.tr("Search these documents"), self.collections_list))
        form.addRow(self.collections_list)

        inner = QWidget(self)
        inner.setObjectName("chatSettingsForm")
        inner.setAccessibleName(self.tr("Chat settings"))
        col = QVBoxLayout(inner)
        col.addWidget(self.title)
        col.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_preset_button)
        buttons.addWidget(self.reset_button)
        col.addLayout(buttons)
        col.addWidget(self.hint)
        col.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("chatSettingsScroll")
        scroll.setAccessibleName(self.tr("Chat settings"))
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form narrows with the dock
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        for combo in (self.preset_combo, self.language_combo, self.target_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        # Never narrower than the form plus the vertical scroll bar: at the dock's narrowest the bar
        # would otherwise cover the right edge of every field (horizontal scrolling is off).
        bar = scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(max(280, inner.minimumSizeHint().width() + bar))
        self._show_undo(None)
        self._update_context_range()
        for combo in (self.preset_combo, self.language_combo, self.target_combo):
            combo.view().setAccessibleName(combo.accessibleName())  # the drop-down list

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        label.setAccessibleName(text)
        return label

    # ------------------------------------------------------------------ following the window
    @Slot(object)
    def set_conversation(self, conversation_id: int | None) -> None:
        """Show ``conversation_id``'s settings (any unsaved edit of the previous chat is saved first)."""
        self.flush()
        if conversation_id != self.conversation_id:
            self._show_undo(None)
        self.conversation_id = conversation_id
        try:
            conv = self.store.get_conversation(conversation_id) if conversation_id is not None else None
        except StoreError as exc:
            self.error.emit(localized(exc))
            return
        if conv is None:
            self.title.setText(self.tr("Settings for a new chat"))
        else:
            self.title.setText(self.tr("Settings for “{title}”").format(title=conv.title or self.tr("New chat")))
        self._show(resolve(conv, self.flow.defaults))

    def reload(self) -> None:
        """Read the open chat's settings again (after the defaults in Preferences changed)."""
        self.set_conversation(self._current())

    @Slot(object)
    def set_model(self, info: ModelInfo | None) -> None:
        """Limit the context length to the model's, and offer probabilities only where they exist."""
        self._model = info
        self._update_context_range()
        supported = info is None or info.supports_logprobs
        self.show_probabilities.setEnabled(supported)
        self.show_probabilities.setToolTip(
            self.tr("Record how likely each reply token was, and its alternatives.") if supported
            else self.tr("This model's server does not report token probabilities.")
        )

    @Slot(object)
    def model_load_failed(self, failure: object) -> None:
        """A load failed: the model still in use (if any) sets the limits."""
        self.set_model(getattr(failure, "still_loaded", None))

    def _update_context_range(self) -> None:
        limit = self._model.n_ctx if self._model is not None else MAX_CONTEXT
        self._loading, was = True, self._loading
        try:
            self.context_limit.setMaximum(limit)
            self.context_limit.setSpecialValueText(
                self.tr("Model's ({n})").format(n=QLocale().toString(limit))
                if self._model is not None else self.tr("Model's")
            )
            self.context_limit.setValue(min(self._shown.context_limit or 0, limit))
        finally:
            self._loading = was

    def _show(self, chat: ChatSettings) -> None:
        self._loading = True
        try:
            self._shown = chat
            if self.system_prompt.toPlainText() != (chat.system_prompt or ""):
                self.system_prompt.setPlainText(chat.system_prompt or "")
            self._prompt_dirty = False
            self._prompt_timer.stop()
            s = chat.sampling
            self.temperature.setValue(s.temperature)
            self.top_p.setValue(s.top_p)
            self.top_k.setValue(s.top_k)
            self.min_p.setValue(s.min_p)
            self.repeat_penalty.setValue(s.repeat_penalty)
            self.max_tokens.setValue(s.max_tokens)
            self.fixed_seed.setChecked(s.seed is not None)
            self.seed.setValue(s.seed or 0)
            self.seed.setEnabled(s.seed is not None)
            self.show_probabilities.setChecked(chat.show_probabilities)
            self._show_collections(chat.collections)
            self._update_context_range()
            self._show_preset(chat)
        finally:
            self._loading = False

    def _show_preset(self, chat: ChatSettings) -> None:
        preset = self.preset(chat.preset_id)
        index = self.preset_combo.findData(chat.preset_id if preset is not None else None)
        self.preset_combo.setCurrentIndex(max(index, 0))
        seen = P.recognise(preset, chat.system_prompt) if preset is not None else None
        language = seen[0] if seen and seen[0] in P.PROMPT_LANGUAGES else self._language_for(preset)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))
        needs_target = preset is not None and preset.needs_target
        self.target_label.setVisible(needs_target)
        self.target_combo.setVisible(needs_target)
        self._fill_targets()
        if needs_target and preset is not None:
            # The chat's own choice; without one the target follows each message's language.
            target = chat.translate_target if P.target_language(chat.translate_target or "") else FOLLOW_INPUT
            self.target_combo.setCurrentIndex(max(self.target_combo.findData(target), 0))
        multilingual = preset is not None and len(set(preset.languages()) & set(P.PROMPT_LANGUAGES)) > 1
        self.language_combo.setEnabled(preset is None or multilingual)  # without a preset: for the next one
        if preset is None:
            text = self.tr("Not from a preset.") if chat.preset_id is None else self.tr("The preset this chat used was deleted.")
        elif P.matches(preset, chat):
            text = preset.description_in(self._ui_language()) or self.tr("As the preset sets it.")
        else:
            text = self.tr("Changed since the preset was applied.")
        self.preset_state.setText(text)

    def _language_for(self, preset: P.Preset | None) -> str:
        """The prompt language: the user's pick in this panel, else the interface language."""
        return self._language_choice or self._ui_language()

    def _fill_targets(self) -> None:
        ui = self._ui_language()
        if self.target_combo.count() and self.target_combo.property("ui_language") == ui:
            return
        self.target_combo.clear()
        self.target_combo.addItem(self.tr("Follow the input"), FOLLOW_INPUT)
        self.target_combo.setItemData(0, self.tr("Chinese is translated into English, anything else into the interface "
                                                 "language."), Qt.ItemDataRole.ToolTipRole)
        for t in P.TARGET_LANGUAGES:
            shown = t.name_in(ui)
            self.target_combo.addItem(shown if shown == t.endonym else f"{shown} — {t.endonym}", t.code)
        self.target_combo.setProperty("ui_language", ui)

    # ------------------------------------------------------------------ presets
    def preset(self, preset_id: str | None) -> P.Preset | None:
        return next((p for p in self._presets if p.id == preset_id), None) if preset_id else None

    def reload_presets(self) -> None:
        try:
            self._presets = P.all_presets(self.store)
        except StoreError as exc:
            self._presets = list(P.BUILTIN_PRESETS)
            self.error.emit(localized(exc))
        ui = self._ui_language()
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        self.preset_combo.addItem(self.tr("No preset"), None)
        for p in self._presets:
            self.preset_combo.addItem(p.name_in(ui), p.id)
            self.preset_combo.setItemData(self.preset_combo.count() - 1, p.description_in(ui) or None, Qt.ItemDataRole.ToolTipRole)
        self.preset_combo.blockSignals(False)
        self._show_preset(self._shown)

    def _preset_chosen(self, index: int) -> None:
        preset = self.preset(self.preset_combo.itemData(index))
        if preset is None:
            chat = replace(self._collect(), preset_id=None)
            if self._save(chat) is not None:
                self._shown = chat
                self._show_preset(chat)
            return
        shown = self.preset(self._shown.preset_id)
        target = (self.target_combo.currentData() or None) if preset.needs_target and shown is not None and shown.needs_target else None
        self.apply_preset(preset, self._language_for(preset), target)

    def _prompt_language_chosen(self, index: int) -> None:
        self._language_choice = self.language_combo.itemData(index)
        self._language_chosen(index)

    def _language_chosen(self, _index: int) -> None:
        """A new prompt language or target language re-renders the preset's system prompt."""
        preset = self.preset(self._shown.preset_id)
        if preset is None:
            return
        target = (self.target_combo.currentData() or None) if preset.needs_target else None  # None: follow the input
        before = self._collect()
        after = replace(before, system_prompt=preset.render_prompt(self.language_combo.currentData(), target) or None,
                        translate_target=target)
        if after != before:
            self._apply(before, after, preset)

    def apply_preset(self, preset: P.Preset, language: str | None = None, target: str | None = None) -> None:
        """Apply ``preset`` to the open chat (its prompt in ``language``, translating into
        ``target``); the chat's previous settings can be restored with Undo."""
        before = self._collect()
        self._apply(before, P.apply(preset, before, language or self._language_for(preset), target), preset)

    def _apply(self, before: ChatSettings, after: ChatSettings, preset: P.Preset) -> None:
        conv = self._save(after)
        if conv is None:
            return
        self._show(after)
        if self._undo is None or self._undo[0] != conv:
            # Trying presets one after another (arrow keys in the list) undoes back to the start.
            self._undo = (conv, before)
        self._show_undo(self.tr("Applied “{name}”.").format(name=preset.name_in(self._ui_language())))

    def undo_preset(self) -> None:
        if self._undo is None:
            return
        conv, before = self._undo
        if conv == self.conversation_id and self._save(before) is not None:
            self._show(before)
        self._show_undo(None)

    def _show_undo(self, text: str | None) -> None:
        if text is None:
            self._undo = None
        self.undo_label.setText(text or "")
        self.undo_label.setVisible(text is not None)
        self.undo_button.setVisible(text is not None)

    def save_as_preset(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as preset"), self.tr("Name of the new preset:"))
        if ok:
            self.save_preset_named(name)

    def save_preset_named(self, name: str) -> P.Preset | None:
        """Store the chat's settings as a new user preset, which the chat then uses."""
        chat = self._collect()
        try:
            preset = P.save_new(self.store, P.from_chat(name, chat, self.preset(chat.preset_id)), self._ui_language())
        except P.PresetError as exc:
            self.error.emit(localized(exc))
            return None
        self.reload_presets()
        self._save(replace(chat, preset_id=preset.id))
        self._show(replace(chat, preset_id=preset.id))
        return preset

    def manage_presets(self) -> None:
        from chatdesk.ui.conversation.preset_dialog import PresetDialog  # noqa: PLC0415 - opened rarely

        self.flush()
        dlg = PresetDialog(self.store, self._ui_language(), self._collect(), self)
        dlg.use_requested.connect(lambda p: self.apply_preset(p))
        dlg.exec()
        self.reload_presets()

    def reset_to_defaults(self) -> None:
        """Forget the chat's own settings: it follows the defaults in Preferences again."""
        before = self._collect()
        defaults = resolve(None, self.flow.defaults)
        conv = self._save(defaults)
        if conv is not None:
            self._show(defaults)
            self._undo = (conv, before) if self._undo is None or self._undo[0] != conv else self._undo
            self._show_undo(self.tr("Now using the defaults."))

    # ------------------------------------------------------------------ saving
    def _collect(self) -> ChatSettings:
        prompt = self.system_prompt.toPlainText()
        sampling = SamplingSettings(
            temperature=self.temperature.value(),
            top_p=self.top_p.value(),
            top_k=self.top_k.value(),
            min_p=self.min_p.value(),
            repeat_penalty=self.repeat_penalty.value(),
            max_tokens=self.max_tokens.value(),
            seed=self.seed.value() if self.fixed_seed.isChecked() else None,
        )
        limit = self.context_limit.value() or None
        kept = self._shown.context_limit
        if limit is not None and kept and kept > limit == self.context_limit.maximum():
            limit = kept  # a larger limit set for a bigger model: this model caps it anyway
        return replace(
            self._shown,
            system_prompt=prompt if prompt.strip() else None,
            sampling=sampling,
            context_limit=limit,
            show_probabilities=self.show_probabilities.isChecked(),
            collections=tuple(self.collections_list.item(i).text() for i in range(self.collections_list.count())
                              if self.collections_list.item(i).checkState() == Qt.CheckState.Checked),
        )

    def set_collection_names(self, names: list[str]) -> None:
        """The collections there are (from the document index, read off the GUI thread)."""
        self._collection_names = list(names)
        self._loading, was = True, self._loading
        try:
            self._show_collections(self._shown.collections if self._shown is not None else ())
        finally:
            self._loading = was

    def _show_collections(self, chosen: tuple[str, ...]) -> None:
        self.collections_list.blockSignals(True)
        self.collections_list.clear()
        names = list(dict.fromkeys([*getattr(self, "_collection_names", []), *chosen]))
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.collections_list.addItem(item)
        if not names:
            item = QListWidgetItem(self.tr("No collections yet: File → Documents… makes them."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.collections_list.addItem(item)
        self.collections_list.blockSignals(False)

    def _changed(self, *_args: object) -> None:
        self.seed.setEnabled(self.fixed_seed.isChecked())
        if self._loading:
            return
        chat = self._collect()
        if self._save(chat) is not None:
            self._shown = chat
            self._show_preset(chat)
            self._show_undo(None)  # Undo would now also take back this edit: no longer offered

    def _prompt_edited(self) -> None:
        if self._loading:
            return
        self._prompt_dirty = True
        self._prompt_timer.start()

    def flush(self) -> None:
        """Save a system prompt edit that is still waiting for its delay."""
        self._prompt_timer.stop()
        if not self._prompt_dirty:
            return
        self._prompt_dirty = False
        chat = self._collect()
        if self._save(chat) is not None:
            self._shown = chat
            self._show_preset(chat)
            self._show_undo(None)

    def _save(self, chat: ChatSettings) -> int | None:
        """Store ``chat`` for the conversation shown (creating one for a new chat); the id, or
        None (and a message) when it could not be stored: the values stay in the panel.

        The shown conversation, not the window's current one: while the window switches chats,
        an edit still waiting to be saved belongs to the chat it was typed for."""
        conv = self.conversation_id if self.conversation_id is not None else self._current()
        if conv is None:
            conv = self._ensure()
            if conv is None:
                self.error.emit(self.tr("The chat could not be created, so its settings were not saved."))
                return None
            self._show(chat)  # opening the new chat showed its defaults: put the edit back
        self.conversation_id = conv
        try:
            self.flow.save_chat_settings(conv, chat)
        except (StoreError, FlowError) as exc:
            self.error.emit(self.tr("This chat's settings could not be saved: {reason}").format(reason=localized(exc)))
            return None
        self.settings_changed.emit(conv)
        return conv
