"""Chat → Presets…: the built-in presets and the user's own, to look at, use, create, change,
duplicate, delete, import and export.

Built-ins are shown read-only (duplicate one to change it). A user preset's changes are saved as
they are made — a field when it is committed, the system prompt when it loses focus or another
preset is chosen — so closing the dialog never loses an edit. Import is all-or-nothing and says
in words what is wrong with a file; files are read and written off the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from chatdesk.chat import presets as P
from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.engine import SamplingSettings
from chatdesk.store import StoreError
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.sampler_form import SAMPLER_KEYS, sampler_label, sampler_spin

if TYPE_CHECKING:
    from chatdesk.store import Store
from chatdesk.transcripts.atomic import write_atomic
from chatdesk.ui.common.background import run_in_background

PresetRole = Qt.ItemDataRole.UserRole
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_SAMPLING = SamplingSettings()


class _FocusOut(QObject):
    def __init__(self, fn, parent: QObject) -> None:
        super().__init__(parent)
        self.fn = fn

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.fn()
        return False


class PresetDialog(QDialog):
    use_requested = Signal(object)  # Preset: apply it to the open chat
    presets_changed = Signal()

    def __init__(self, store: Store, language: str, chat: ChatSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetDialog")
        self.setWindowTitle(self.tr("Presets"))
        self.setAccessibleName(self.tr("Presets"))
        self.resize(820, 560)
        self.store = store
        self.language = language  # the interface language: names are shown in it
        self.chat = chat
        self._presets: list[P.Preset] = []
        self._editing: P.Preset | None = None
        self._text_language = P.prompt_language(language)
        self._loading = False
        self._dirty = False

        self.list = QListWidget(self)
        self.list.setObjectName("presetList")
        self.list.setAccessibleName(self.tr("Presets"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self._use())

        self.name = QLineEdit(self)
        self.name.setObjectName("presetName")
        self.name.setAccessibleName(self.tr("Preset name"))
        self.name.editingFinished.connect(self._save_edit)
        self.name.textEdited.connect(self._mark_dirty)
        self.text_language = QComboBox(self)
        self.text_language.setObjectName("presetTextLanguage")
        self.text_language.setAccessibleName(self.tr("Language of the texts shown"))
        for code in P.PROMPT_LANGUAGES:
            self.text_language.addItem(LANGUAGE_NAMES[code], code)
        self.text_language.setCurrentIndex(max(self.text_language.findData(self._text_language), 0))
        self.text_language.activated.connect(self._text_language_chosen)
        self.prompt = QPlainTextEdit(self)
        self.prompt.setObjectName("presetSystemPrompt")
        self.prompt.setAccessibleName(self.tr("System prompt"))
        self.prompt.setTabChangesFocus(True)
        self.prompt.textChanged.connect(self._mark_dirty)
        self.prompt.installEventFilter(_FocusOut(self._save_edit, self))
        self.placeholder_hint = QLabel(self.tr("Write {target_language} where the chosen target language goes."), self)
        self.placeholder_hint.setObjectName("presetPlaceholderHint")
        self.placeholder_hint.setAccessibleName(self.tr("Hint"))
        self.placeholder_hint.setWordWrap(True)
        self.placeholder_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.spins: dict[str, QDoubleSpinBox | QSpinBox] = {}
        form = QFormLayout()
        form.addRow(self._buddy(self.tr("Name"), self.name), self.name)
        form.addRow(self._buddy(self.tr("Texts in"), self.text_language), self.text_language)
        form.addRow(self._buddy(self.tr("System prompt"), self.prompt))
        form.addRow(self.prompt)
        form.addRow(self.placeholder_hint)
        for key in SAMPLER_KEYS:
            box = sampler_spin(key, self, tracking=False)
            box.setObjectName(f"preset_{key}")
            box.valueChanged.connect(self._spin_changed)
            self.spins[key] = box
            form.addRow(self._buddy(sampler_label(key), box), box)
        self.read_only_note = QLabel(self.tr("Built-in presets cannot be changed or deleted. Duplicate one to make your own version."), self)
        self.read_only_note.setObjectName("presetReadOnlyNote")
        self.read_only_note.setAccessibleName(self.tr("Note"))
        self.read_only_note.setWordWrap(True)

        editor = QWidget(self)
        editor.setObjectName("presetEditor")
        editor.setAccessibleName(self.tr("Preset"))
        ecol = QVBoxLayout(editor)
        ecol.addWidget(self.read_only_note)
        ecol.addLayout(form)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("presetSplitter")
        split.setAccessibleName(self.tr("Presets"))
        split.addWidget(self.list)
        split.addWidget(editor)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 580])

        self.use_button = self._button(self.tr("Use in this chat"), "usePresetButton", self._use)
        self.use_button.setVisible(chat is not None)
        self.new_button = self._button(self.tr("New from this chat"), "newPresetButton", self._new_from_chat)
        self.new_button.setVisible(chat is not None)
        self.duplicate_button = self._button(self.tr("Duplicate"), "duplicatePresetButton", self._duplicate)
        self.delete_button = self._button(self.tr("Delete"), "deletePresetButton", self._delete)
        self.import_button = self._button(self.tr("Import…"), "importPresetsButton", self._import)
        self.export_button = self._button(self.tr("Export…"), "exportPresetsButton", self._export)
        self.close_button = self._button(self.tr("Close"), "closePresetsButton", self.accept)
        self.status = QLabel(self)
        self.status.setObjectName("presetStatus")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for b in (self.use_button, self.new_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.import_button, self.export_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        self.text_language.view().setAccessibleName(self.text_language.accessibleName())
        self.reload()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        label.setAccessibleName(text)
        return label

    def _button(self, text: str, name: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAccessibleName(text.rstrip("…"))
        b.setAutoDefault(False)
        b.clicked.connect(slot)
        return b

    # ------------------------------------------------------------------ list
    def reload(self, select: str | None = None) -> None:
        current = select or (self._editing.id if self._editing else None)
        try:
            self._presets = P.all_presets(self.store)
        except StoreError as exc:
            self._presets = list(P.BUILTIN_PRESETS)
            self.show_error(localized(exc))
        self.list.blockSignals(True)
        self.list.clear()
        for p in self._presets:
            label = p.name_in(self.language)
            if p.builtin:
                label = self.tr("{name} (built-in)").format(name=label)
            item = QListWidgetItem(label, self.list)
            item.setData(PresetRole, p.id)
            item.setToolTip(p.description_in(self.language))
        self.list.blockSignals(False)
        ids = [p.id for p in self._presets]
        row = ids.index(current) if current in ids else 0
        self._editing = None
        self.list.setCurrentRow(row)
        self._current_changed(self.list.currentItem(), None)

    def preset_ids(self) -> list[str]:
        return [p.id for p in self._presets]

    def select(self, preset_id: str) -> None:
        ids = self.preset_ids()
        if preset_id in ids:
            self.list.setCurrentRow(ids.index(preset_id))

    def selected(self) -> list[P.Preset]:
        ids = {i.data(PresetRole) for i in self.list.selectedItems()}
        return [p for p in self._presets if p.id in ids]

    def current(self) -> P.Preset | None:
        item = self.list.currentItem()
        pid = item.data(PresetRole) if item else None
        return next((p for p in self._presets if p.id == pid), None)

    def _current_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self._save_edit()
        preset = self.current() if item is not None else None
        self._editing = preset
        self._show(preset)

    def _show(self, preset: P.Preset | None) -> None:
        self._loading = True
        try:
            editable = preset is not None and not preset.builtin
            self.read_only_note.setVisible(preset is not None and preset.builtin)
            lang = self._text_language
            self.name.setText(preset.name_in(lang) if preset else "")
            self.prompt.setPlainText(preset.prompt_in(lang) if preset else "")
            self.placeholder_hint.setVisible(editable or (preset is not None and preset.needs_target))
            values = dict(preset.sampling) if preset else {}
            for key, box in self.spins.items():
                box.setValue(values.get(key, getattr(DEFAULT_SAMPLING, key)))
            for w in (self.name, self.prompt):
                w.setReadOnly(not editable)
            for box in self.spins.values():
                box.setReadOnly(not editable)
            self.text_language.setEnabled(preset is not None and len(set(preset.languages()) & set(P.PROMPT_LANGUAGES)) > 1)
            self.delete_button.setEnabled(editable)
            self.duplicate_button.setEnabled(preset is not None)
            self.use_button.setEnabled(preset is not None)
            self._dirty = False
        finally:
            self._loading = False

    # ------------------------------------------------------------------ editing
    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True

    def _spin_changed(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True
            self._save_edit()

    def _text_language_chosen(self, index: int) -> None:
        self._save_edit()
        self._text_language = self.text_language.itemData(index)
        self._show(self._editing)

    def _edited(self, preset: P.Preset) -> P.Preset:
        lang = self._text_language

        def put(texts: tuple[tuple[str, str], ...], value: str) -> tuple[tuple[str, str], ...]:
            code, _old = P.pick_text(texts, lang)
            if code not in dict(texts):
                return ((P.ANY_LANGUAGE, value),)
            return tuple((c, value if c == code else t) for c, t in texts)

        sampling = tuple((k, box.value()) for k, box in self.spins.items())
        return replace(preset, name=put(preset.name, self.name.text()), system_prompt=put(preset.system_prompt, self.prompt.toPlainText()),
                       sampling=sampling)

    def _save_edit(self) -> None:
        """Save the shown user preset if it was changed; an invalid change is refused in words."""
        preset = self._editing
        if not self._dirty or preset is None or preset.builtin:
            return
        self._dirty = False
        try:
            saved = P.update(self.store, self._edited(preset), self._text_language)
        except P.PresetError as exc:
            self.show_error(localized(exc))
            return
        self._editing = saved
        self._presets = [saved if p.id == saved.id else p for p in self._presets]
        item = self.list.currentItem()
        if item is not None and item.data(PresetRole) == saved.id:
            item.setText(saved.name_in(self.language))
        self.status.clear()
        self.presets_changed.emit()

    # ------------------------------------------------------------------ actions
    def show_error(self, text: str) -> None:
        self.status.setForegroundRole(QPalette.ColorRole.WindowText)
        self.status.setText(text)

    def show_info(self, text: str) -> None:
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.setText(text)

    def _use(self) -> None:
        self._save_edit()
        preset = self.current()
        if preset is not None and self.chat is not None:
            self.use_requested.emit(preset)
            self.show_info(self.tr("“{name}” is now used in this chat.").format(name=preset.name_in(self.language)))

    def _new_from_chat(self) -> None:
        if self.chat is None:
            return
        self._save_edit()
        try:
            preset = P.save_new(self.store, P.from_chat(self.tr("My preset"), self.chat), self.language)
        except P.PresetError as exc:
            self.show_error(localized(exc))
            return
        self.reload(select=preset.id)
        self.presets_changed.emit()
        self.name.setFocus()
        self.name.selectAll()

    def _duplicate(self) -> None:
        self._save_edit()
        preset = self.current()
        if preset is None:
            return
        try:
            copy = P.duplicate(self.store, preset, self.language)
        except P.PresetError as exc:
            self.show_error(localized(exc))
            return
        self.reload(select=copy.id)
        self.presets_changed.emit()
        self.show_info(self.tr("Made “{name}”; change it here.").format(name=copy.name_in(self.language)))

    def _delete(self) -> None:
        current = self.current()
        chosen = [p for p in self.selected() if not p.builtin] or ([current] if current else [])
        if not chosen:
            return
        self._dirty = False
        try:
            for p in chosen:
                P.delete(self.store, p.id)
        except P.PresetError as exc:
            self.show_error(localized(exc))
            return
        self.reload()
        self.presets_changed.emit()
        if len(chosen) == 1:
            self.show_info(self.tr("Deleted “{name}”.").format(name=chosen[0].name_in(self.language)))
        else:
            self.show_info(self.tr("Deleted {n} presets.").format(n=len(chosen)))

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import presets"), str(Path.home()), self.tr("ChatDesk presets (*.json);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read, check and store every preset in ``path`` off the GUI thread (all or nothing)."""
        self._save_edit()
        self.show_info(self.tr("Importing…"))
        store, language = self.store, self.language
        unreadable = self.tr("{name} could not be read ({reason}); nothing was imported.")

        def work() -> list[P.Preset]:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise P.PresetError(unreadable.format(name=path.name, reason=exc.strerror or localized(exc))) from exc
            return P.import_json(store, data, language)

        run_in_background(work, self._imported, self._failed)

    def _imported(self, added: list[P.Preset]) -> None:
        self.reload(select=added[0].id if added else None)
        self.presets_changed.emit()
        if len(added) == 1:
            self.show_info(self.tr("Imported “{name}”.").format(name=added[0].name_in(self.language)))
        else:
            self.show_info(self.tr("Imported {n} presets.").format(n=len(added)))
        self.import_finished.emit(len(added))

    def _failed(self, exc: BaseException) -> None:
        self.show_error(localized(exc) if isinstance(exc, (P.PresetError, StoreError)) else self.tr("Import failed: {reason}").format(reason=localized(exc)))
        self.import_finished.emit(-1)

    import_finished = Signal(int)  # how many presets were added; -1 on failure
    export_finished = Signal(str)  # the file written, or "" on failure

    def _export(self) -> None:
        chosen = self.selected() or [p for p in self._presets if not p.builtin] or self._presets
        default = Path.home() / "chatdesk-presets.json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export presets"), str(default), self.tr("ChatDesk presets (*.json)"))
        if path:
            self.export_file(Path(path), chosen)

    def export_file(self, path: Path, presets: list[P.Preset]) -> None:
        self._save_edit()
        current = {p.id: p for p in self._presets}
        data = P.export_json([current.get(p.id, p) for p in presets]).encode("utf-8")

        def done(_result: object) -> None:
            self.show_info(self.tr("Exported {n} preset(s) to {path}.").format(n=len(presets), path=path))
            self.export_finished.emit(str(path))

        def failed(exc: BaseException) -> None:
            reason = getattr(exc, "strerror", None) or localized(exc)
            self.show_error(self.tr("The presets could not be written to {path}: {reason}").format(path=path, reason=reason))
            self.export_finished.emit("")

        run_in_background(lambda: write_atomic(path, data), done, failed)

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:  # type: ignore[override]  # the stub names the parameter differently
        self._save_edit()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_edit()
        super().closeEvent(event)
