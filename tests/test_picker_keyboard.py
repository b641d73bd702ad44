"""Arrow keys on the model picker only move through the models; nothing loads until the user
confirms (Enter on the picker, or a choice in its open list). Real window, real llama.cpp model
(two library entries of the bundled weights), real Qt key presses."""

from __future__ import annotations

import pytest
from model_ui_support import place_model
from PySide6.QtCore import Qt
from tests_gui_support import make_window

from chatdesk.library import Catalog
from chatdesk.library.resolve import same_model
from chatdesk.ui.models.model_picker import KEY_ROLE
from chatdesk.ui.shell.model_actions import actions_of


@pytest.fixture
def second_model(model_path, tmp_path):
    p = place_model(model_path, tmp_path / "more models" / "Second-Model.Q4_1.gguf")
    return Catalog.open().add_file(p)


def test_arrow_keys_do_not_switch_models_until_enter(qtbot, data_dir, model_path, second_model):
    win, _store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        actions = actions_of(win)
        qtbot.waitUntil(lambda: len(actions.picker.entries()) == 2, timeout=30_000)
        picker = actions.picker
        loads: list[object] = []
        win.inference.load_requested.connect(loads.append)
        chosen: list[str] = []
        picker.model_chosen.connect(chosen.append)
        picker.setFocus()
        qtbot.waitUntil(picker.hasFocus, timeout=5_000)

        qtbot.keyClick(picker, Qt.Key.Key_Down)
        qtbot.keyClick(picker, Qt.Key.Key_Up)
        qtbot.keyClick(picker, Qt.Key.Key_Down)
        qtbot.wait(50)
        # The second model is shown but not loaded: no request, the model in use stays.
        assert same_model(picker.currentData(KEY_ROLE), second_model.path)
        assert picker.browsing()
        assert loads == [] and chosen == [] and win.controller.loading_key is None
        assert same_model(picker.current_key(), model_path)

        # Esc puts the model in use back, still without loading anything.
        qtbot.keyClick(picker, Qt.Key.Key_Escape)
        assert same_model(picker.currentData(KEY_ROLE), model_path) and loads == []

        qtbot.keyClick(picker, Qt.Key.Key_Down)
        with qtbot.waitSignal(win.inference.worker.load_finished, timeout=120_000) as loaded:
            qtbot.keyClick(picker, Qt.Key.Key_Return)
            assert chosen == [second_model.path] and len(loads) == 1
        assert same_model(loaded.args[0].path, second_model.path)
        qtbot.waitUntil(lambda: same_model(picker.current_key(), second_model.path), timeout=10_000)
        assert not picker.browsing()
    finally:
        win.close()


def test_choosing_in_the_open_list_loads_at_once(qtbot, data_dir, model_path, second_model):
    win, _store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        actions = actions_of(win)
        qtbot.waitUntil(lambda: len(actions.picker.entries()) == 2, timeout=30_000)
        picker = actions.picker
        loads: list[object] = []
        win.inference.load_requested.connect(loads.append)
        picker.setFocus()
        picker.showPopup()
        view = picker.view()
        qtbot.waitUntil(view.isVisible, timeout=5_000)
        qtbot.keyClick(view, Qt.Key.Key_Down)  # moving inside the open list is not a choice either
        assert loads == []
        with qtbot.waitSignal(win.inference.worker.load_finished, timeout=120_000):
            qtbot.keyClick(view, Qt.Key.Key_Return)
        assert len(loads) == 1
        qtbot.waitUntil(lambda: same_model(picker.current_key(), second_model.path), timeout=10_000)
    finally:
        win.close()


def test_a_library_refresh_or_a_finished_load_keeps_the_entry_being_browsed(qtbot, model_path, second_model):
    """The library is re-read and loads end while someone browses: the entry the arrow keys moved
    to stays shown (still not a choice) until Esc or Enter."""
    from chatdesk.ui.models.model_picker import ModelPicker

    entries = Catalog.open().entries()
    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.set_entries(entries)
    picker.show_current(model_path)
    picker.show()
    picker.setFocus()
    qtbot.waitUntil(picker.hasFocus, timeout=5_000)
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.browsing() and same_model(picker.currentData(KEY_ROLE), second_model.path)

    picker.set_entries(Catalog.open().entries())  # the library was read again
    assert picker.browsing() and same_model(picker.currentData(KEY_ROLE), second_model.path)
    picker.show_current(model_path)  # a load of the model in use ended
    assert picker.browsing() and same_model(picker.currentData(KEY_ROLE), second_model.path)

    qtbot.keyClick(picker, Qt.Key.Key_Escape)
    assert not picker.browsing() and same_model(picker.currentData(KEY_ROLE), model_path)
    picker.set_entries(Catalog.open().entries())  # not browsing: the model in use stays shown
    assert same_model(picker.currentData(KEY_ROLE), model_path)
