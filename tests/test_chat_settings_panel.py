"""The chat settings panel, the presets dialog, Preferences and their place in the main window:
real widgets (offscreen), a real SQLite store, and the real bundled model where a window runs."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from tests_gui_support import make_window

from chatdesk.chat import ConversationFlow
from chatdesk.chat import presets as P
from chatdesk.engine import SamplingSettings
from chatdesk.settings import AppSettings
from chatdesk.ui.conversation.chat_settings_panel import ChatSettingsPanel
from chatdesk.ui.conversation.preset_dialog import PresetDialog
from chatdesk.ui.shell.settings_dialog import SettingsDialog

DEFAULTS = AppSettings(system_prompt="Default prompt.", sampling=SamplingSettings(max_tokens=48))


class Chats:
    """Stands in for the window's notion of "the open chat" (the controller's current id)."""

    def __init__(self, flow: ConversationFlow) -> None:
        self.flow = flow
        self.current: int | None = None
        self.created: list[int] = []

    def ensure(self) -> int:
        conv = self.flow.new_conversation("m.gguf")
        self.created.append(conv.id)
        self.current = conv.id
        return conv.id


@pytest.fixture
def flow(store):
    return ConversationFlow(store, DEFAULTS)


@pytest.fixture
def chats(flow):
    return Chats(flow)


@pytest.fixture
def panel(qtbot, flow, store, chats):
    p = ChatSettingsPanel(flow, store, current_conversation=lambda: chats.current, ensure_conversation=chats.ensure, language=lambda: "en")
    qtbot.addWidget(p)
    p.show()
    return p


def open_chat(panel, chats, conv_id):
    chats.current = conv_id
    panel.set_conversation(conv_id)


def choose(qtbot, combo: QComboBox, data) -> None:
    """Pick an item as a user does: focus the combo and move to it with the arrow keys."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, data
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def commit(qtbot, box: QAbstractSpinBox, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


# ---------------------------------------------------------------------------- the panel
def test_changes_are_stored_with_each_conversation(qtbot, panel, flow, store, chats):
    a = flow.new_conversation("m.gguf")
    b = flow.new_conversation("m.gguf")
    open_chat(panel, chats, a.id)
    changed = []
    panel.settings_changed.connect(changed.append)
    commit(qtbot, panel.temperature, "1.35")
    commit(qtbot, panel.max_tokens, "200")
    qtbot.mouseClick(panel.fixed_seed, Qt.MouseButton.LeftButton)
    commit(qtbot, panel.seed, "77")
    commit(qtbot, panel.context_limit, "1024")
    qtbot.mouseClick(panel.show_probabilities, Qt.MouseButton.LeftButton)
    panel.system_prompt.setFocus()
    panel.system_prompt.selectAll()
    qtbot.keyClicks(panel.system_prompt, "Talk like a pirate.")
    assert store.get_conversation(a.id).system_prompt == "Default prompt."  # waiting for typing to pause
    panel.temperature.setFocus()  # leaving the field saves it at once
    assert store.get_conversation(a.id).system_prompt == "Talk like a pirate."
    got = flow.chat_settings(a.id)
    assert (got.sampling.temperature, got.sampling.max_tokens, got.sampling.seed) == (1.35, 200, 77)
    assert got.context_limit == 1024 and got.show_probabilities and got.preset_id is None
    assert set(changed) == {a.id}

    open_chat(panel, chats, b.id)  # follows the conversation: b still has the defaults
    assert panel.system_prompt.toPlainText() == "Default prompt." and panel.temperature.value() == DEFAULTS.sampling.temperature
    assert not panel.fixed_seed.isChecked() and panel.context_limit.value() == 0 and not panel.show_probabilities.isChecked()
    assert flow.chat_settings(b.id) == flow.chat_settings(None)
    open_chat(panel, chats, a.id)
    assert panel.system_prompt.toPlainText() == "Talk like a pirate." and panel.temperature.value() == 1.35
    assert panel.seed.value() == 77 and panel.context_limit.value() == 1024


def test_a_prompt_edit_is_saved_after_a_pause_and_before_switching(qtbot, panel, flow, store, chats):
    a = flow.new_conversation("m.gguf")
    b = flow.new_conversation("m.gguf")
    open_chat(panel, chats, a.id)
    panel.system_prompt.setFocus()
    panel.system_prompt.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(panel.system_prompt, " Be kind.")
    with qtbot.waitSignal(panel.settings_changed, timeout=5_000):
        pass  # the typing pause
    assert store.get_conversation(a.id).system_prompt == "Default prompt. Be kind."
    qtbot.keyClicks(panel.system_prompt, " Always.")
    open_chat(panel, chats, b.id)  # switching saves the pending edit into the chat it belongs to
    assert store.get_conversation(a.id).system_prompt == "Default prompt. Be kind. Always."
    assert store.get_conversation(b.id).system_prompt == "Default prompt."


def test_editing_before_the_first_message_creates_the_chat(qtbot, panel, flow, store, chats):
    assert panel.conversation_id is None and panel.title.text() == "Settings for a new chat"
    commit(qtbot, panel.temperature, "0.15")
    assert len(chats.created) == 1
    assert flow.chat_settings(chats.created[0]).sampling.temperature == 0.15
    assert panel.temperature.value() == 0.15


def test_a_preset_applies_and_can_be_undone(qtbot, panel, flow, store, chats):
    a = flow.new_conversation("m.gguf")
    open_chat(panel, chats, a.id)
    commit(qtbot, panel.temperature, "1.5")
    before = flow.chat_settings(a.id)
    choose(qtbot, panel.preset_combo, "builtin:summarize")
    summarize = P.builtin("builtin:summarize")
    got = flow.chat_settings(a.id)
    assert got.preset_id == "builtin:summarize" and got.system_prompt == summarize.prompt_in("en")
    assert got.sampling.temperature == 0.3 and got.sampling.max_tokens == 512
    assert panel.system_prompt.toPlainText() == summarize.prompt_in("en") and panel.temperature.value() == 0.3
    assert panel.preset_state.text() == summarize.description_in("en")
    assert panel.undo_button.isVisible() and not panel.target_combo.isVisible()
    # Arrowing through the list tried Chat and Translate on the way: Undo goes back to the start.
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert flow.chat_settings(a.id) == before and not panel.undo_button.isVisible()
    assert panel.temperature.value() == 1.5 and panel.preset_combo.currentData() is None
    choose(qtbot, panel.preset_combo, "builtin:explain")
    assert panel.undo_button.isVisible()
    commit(qtbot, panel.top_k, "5")
    assert panel.preset_state.text() == "Changed since the preset was applied."
    assert not panel.undo_button.isVisible()  # Undo would also take back the edit
    assert flow.chat_settings(a.id).preset_id == "builtin:explain" and flow.chat_settings(a.id).sampling.top_k == 5


def test_translate_target_fills_the_prompt(qtbot, panel, flow, store, chats):
    a = flow.new_conversation("m.gguf")
    b = flow.new_conversation("m.gguf")
    open_chat(panel, chats, a.id)
    choose(qtbot, panel.preset_combo, "builtin:translate")
    assert panel.target_combo.isVisible() and panel.target_combo.currentData() == ""  # follows the input
    assert panel.target_combo.currentText() == "Follow the input"
    assert flow.chat_settings(a.id).translate_target is None
    assert "into Simplified Chinese." in store.get_conversation(a.id).system_prompt
    choose(qtbot, panel.target_combo, "ja")
    assert "into Japanese." in store.get_conversation(a.id).system_prompt
    assert flow.chat_settings(a.id).translate_target == "ja"
    choose(qtbot, panel.language_combo, "zh_CN")  # the prompt in Chinese, same target
    prompt = store.get_conversation(a.id).system_prompt
    assert prompt == P.builtin("builtin:translate").render_prompt("zh_CN", "ja") and "翻译成日语" in prompt
    assert panel.system_prompt.toPlainText() == prompt
    open_chat(panel, chats, b.id)
    assert not panel.target_combo.isVisible()
    open_chat(panel, chats, a.id)  # the choices are read back from the chat's prompt
    assert panel.target_combo.currentData() == "ja" and panel.language_combo.currentData() == "zh_CN"
    assert flow.chat_settings(a.id).sampling.temperature == 0.2


def test_translate_target_follows_the_input_or_stays_chosen_per_chat(qtbot, panel, flow, store, chats, engine):
    """"Follow the input" leaves translate_target None (Chinese → English, else the interface
    language, per message); a chosen language is stored with the chat and shown when it reopens."""
    from chatdesk.chat import ModelTarget

    a = flow.new_conversation("m.gguf")
    b = flow.new_conversation("m.gguf")
    open_chat(panel, chats, a.id)
    choose(qtbot, panel.preset_combo, "builtin:translate")
    assert panel.target_combo.itemData(0) == "" and panel.target_combo.itemText(0) == "Follow the input"
    assert panel.target_combo.currentIndex() == 0 and flow.chat_settings(a.id).translate_target is None
    choose(qtbot, panel.target_combo, "fr")
    assert flow.chat_settings(a.id).translate_target == "fr"
    assert store.get_conversation(a.id).settings["translate_target"] == "fr"  # saved with the chat
    open_chat(panel, chats, b.id)
    choose(qtbot, panel.preset_combo, "builtin:translate")
    assert panel.target_combo.currentData() == "" and flow.chat_settings(b.id).translate_target is None
    open_chat(panel, chats, a.id)
    assert panel.target_combo.currentData() == "fr"  # shown again when the chat reopens
    # A fresh panel (as after a restart) reads it from the store.
    again = ChatSettingsPanel(flow, store, current_conversation=lambda: a.id, ensure_conversation=chats.ensure,
                              language=lambda: "en")
    qtbot.addWidget(again)
    assert again.target_combo.currentData() == "fr"
    target = ModelTarget(engine.info.path, None, engine.info)
    plan = flow.send(a.id, "今天天气很好。", target)
    assert "into French." in plan.request.messages[0].content  # a chosen language holds whatever the input

    # Back to following the input: Chinese input is translated into English, English into the UI language.
    open_chat(panel, chats, a.id)
    choose(qtbot, panel.target_combo, "")
    assert flow.chat_settings(a.id).translate_target is None and "translate_target" not in (store.get_conversation(a.id).settings or {})
    open_chat(panel, chats, b.id)
    open_chat(panel, chats, a.id)
    assert panel.target_combo.currentData() == ""
    plan = flow.send(b.id, "今天天气很好。", target)
    assert "into English." in plan.request.messages[0].content


def test_save_as_preset_then_use_it_elsewhere(qtbot, panel, flow, store, chats):
    a = flow.new_conversation("m.gguf")
    b = flow.new_conversation("m.gguf")
    open_chat(panel, chats, a.id)
    panel.system_prompt.setFocus()
    panel.system_prompt.selectAll()
    qtbot.keyClicks(panel.system_prompt, "Answer with one word.")
    commit(qtbot, panel.temperature, "0.05")
    mine = panel.save_preset_named("One word")
    assert mine is not None and flow.chat_settings(a.id).preset_id == mine.id
    assert panel.preset_combo.currentData() == mine.id and panel.preset_combo.currentText() == "One word"
    open_chat(panel, chats, b.id)
    choose(qtbot, panel.preset_combo, mine.id)
    got = flow.chat_settings(b.id)
    assert got.system_prompt == "Answer with one word." and got.sampling.temperature == 0.05
    assert panel.save_preset_named("One word").name_in("en") == "One word (2)"
    assert panel.save_preset_named("  ") is None


def test_context_length_is_capped_at_the_models(qtbot, panel, flow, chats, engine):
    a = flow.new_conversation("m.gguf")
    open_chat(panel, chats, a.id)
    panel.set_model(engine.info)
    assert panel.context_limit.maximum() == engine.info.n_ctx
    assert panel.context_limit.specialValueText() == f"Model's ({engine.info.n_ctx})"
    commit(qtbot, panel.context_limit, "1500")
    assert flow.chat_settings(a.id).context_limit == 1500
    panel.context_limit.setValue(10**6)  # more than the model has is not accepted
    assert flow.chat_settings(a.id).context_limit == engine.info.n_ctx
    panel.set_model(replace(engine.info, supports_logprobs=False))
    assert not panel.show_probabilities.isEnabled()


# ---------------------------------------------------------------------------- presets dialog
def test_presets_dialog_duplicates_edits_and_deletes(qtbot, store):
    dlg = PresetDialog(store, "en")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.select("builtin:write")
    assert dlg.name.isReadOnly() and not dlg.delete_button.isEnabled() and dlg.read_only_note.isVisible()
    qtbot.mouseClick(dlg.duplicate_button, Qt.MouseButton.LeftButton)
    copy = dlg.current()
    assert copy is not None and copy.name_in("en") == "Write (copy)" and not dlg.name.isReadOnly()
    dlg.name.setFocus()
    dlg.name.selectAll()
    qtbot.keyClicks(dlg.name, "Story time")
    qtbot.keyClick(dlg.name, Qt.Key.Key_Return)
    dlg.prompt.setFocus()
    dlg.prompt.selectAll()
    qtbot.keyClicks(dlg.prompt, "Tell bedtime stories.")
    commit(qtbot, dlg.spins["temperature"], "1.2")  # leaves the prompt: both are saved
    saved = P.find(store, copy.id)
    assert saved.name_in("en") == "Story time" and saved.prompt_in("en") == "Tell bedtime stories."
    assert dict(saved.sampling)["temperature"] == 1.2
    assert P.builtin("builtin:write").prompt_in("en") != "Tell bedtime stories."
    assert dict(saved.system_prompt)["zh_CN"] == P.builtin("builtin:write").prompt_in("zh_CN")  # the other language kept
    dlg.select(copy.id)
    qtbot.mouseClick(dlg.delete_button, Qt.MouseButton.LeftButton)
    assert P.find(store, copy.id) is None and copy.id not in dlg.preset_ids()
    assert dlg.status.text() == "Deleted “Story time”."


def test_presets_export_and_import_through_files(qtbot, store, tmp_path):
    P.save_new(store, P.from_chat("Mine", P.apply(P.builtin("builtin:chat"), ConversationFlow(store, DEFAULTS).chat_settings(None), "en")))
    dlg = PresetDialog(store, "en")
    qtbot.addWidget(dlg)
    out = tmp_path / "presets.json"
    with qtbot.waitSignal(dlg.export_finished, timeout=10_000) as sig:
        dlg.export_file(out, [p for p in P.all_presets(store) if not p.builtin])
    assert sig.args == [str(out)] and json.loads(out.read_text("utf-8"))["presets"][0]["name"] == "Mine"
    with qtbot.waitSignal(dlg.import_finished, timeout=10_000) as sig:
        dlg.import_file(out)
    assert sig.args == [1] and dlg.current().name_in("en") == "Mine (2)" and dlg.status.text() == "Imported “Mine (2)”."

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "chatdesk-presets", "version": 1, "presets": [{"name": "X", "system_prompt": "y", "sampling": {"top_k": -3}}]}')
    count = len(P.all_presets(store))
    with qtbot.waitSignal(dlg.import_finished, timeout=10_000) as sig:
        dlg.import_file(bad)
    assert sig.args == [-1] and len(P.all_presets(store)) == count
    assert "nothing was imported" in dlg.status.text() and "top_k must be a whole number from 0 to 1000" in dlg.status.text()
    with qtbot.waitSignal(dlg.import_finished, timeout=10_000) as sig:
        dlg.import_file(tmp_path / "missing.json")
    assert sig.args == [-1] and "missing.json could not be read" in dlg.status.text()


# ---------------------------------------------------------------------------- Preferences
def test_preferences_keep_the_defaults_and_load_settings(qtbot):
    settings = AppSettings(system_prompt="Hi.", sampling=SamplingSettings(temperature=0.6, seed=3))
    dlg = SettingsDialog(settings, None)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Preferences"
    assert [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())][:2] == ["Chat defaults", "Model"]
    assert dlg.result_settings() == settings  # opening and accepting changes nothing
    dlg.top_k.setValue(12)
    dlg.n_ctx.setValue(1024)
    new = dlg.result_settings()
    assert new.sampling.top_k == 12 and new.load.n_ctx == 1024 and new.system_prompt == "Hi."


# ---------------------------------------------------------------------------- accessibility
INTERACTIVE = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QPlainTextEdit, QAbstractItemView)


def unnamed(root: QWidget) -> list[str]:
    """Interactive widgets without an accessible name (the inner editors of spin and combo boxes,
    which take their parent's, excepted)."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, INTERACTIVE) and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox)) and not w.accessibleName():
            out.append(f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}")
    return out


def test_every_widget_has_an_accessible_name(qtbot, panel, store):
    assert unnamed(panel) == []
    dlg = PresetDialog(store, "en", panel._collect())
    qtbot.addWidget(dlg)
    assert unnamed(dlg) == []
    prefs = SettingsDialog(AppSettings(), None)
    qtbot.addWidget(prefs)
    assert unnamed(prefs) == []


# ---------------------------------------------------------------------------- in the window
def test_window_panel_and_meter_follow_the_open_conversation(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path)
    ui = win.chat_settings
    assert not ui.dock.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ui.dock.isVisible() and ui.toggle_action.isChecked()
    assert ui.panel.preset_combo.hasFocus()  # keyboard users land in the panel
    chat_menu = next(a.menu() for a in win.menuBar().actions() if a.menu() and ui.toggle_action in a.menu().actions())
    texts = [a.text() for a in chat_menu.actions()]
    assert "&Preferences…" in texts and "Prese&ts…" in texts
    column = win.composer.parentWidget().layout()
    assert column.indexOf(ui.meter) == column.indexOf(win.composer) - 1
    # load_finished crosses threads: the window's queued slots may still be on their way.
    qtbot.waitUntil(lambda: win.controller.model_info is not None and ui.panel.context_limit.maximum() == win.controller.model_info.n_ctx,
                    timeout=10_000)
    assert unnamed(ui.dock) == [] and unnamed(ui.meter) == [] and unnamed(ui.toolbar) == []

    a = store.create_conversation("A", system_prompt="Prompt A")
    b = store.create_conversation("B", system_prompt="Prompt B")
    win.open_conversation(a.id, None)
    assert ui.panel.conversation_id == a.id and ui.panel.system_prompt.toPlainText() == "Prompt A"
    choose(qtbot, ui.panel.preset_combo, "builtin:explain")
    commit(qtbot, ui.panel.max_tokens, "12")  # a short reply keeps the test quick
    win.open_conversation(b.id, None)
    assert ui.panel.system_prompt.toPlainText() == "Prompt B" and ui.panel.preset_combo.currentData() is None
    win.open_conversation(a.id, None)
    assert ui.panel.preset_combo.currentData() == "builtin:explain"

    with qtbot.waitSignal(ui.meter.plan_ready, timeout=30_000) as sig:
        qtbot.keyClicks(win.composer.edit, "Why is the sky blue?")
    assert sig.args[0].conversation_id == a.id and sig.args[0].draft == "Why is the sky blue?"
    with qtbot.waitSignal(win.controller.reply_finished, timeout=60_000):
        qtbot.keyClick(win.composer.edit, Qt.Key.Key_Return)
    reply = store.active_path(a.id)[-1]
    assert reply.provenance["preset_id"] == "builtin:explain" and reply.provenance["sampler"]["max_tokens"] == 12
    assert reply.provenance["system_prompt"] == P.builtin("builtin:explain").prompt_in("en")
    qtbot.waitUntil(lambda: ui.meter.plan is not None and ui.meter.plan.draft == "" and ui.meter.plan.prompt_tokens > sig.args[0].prompt_tokens,
                    timeout=30_000)
    win.close()
