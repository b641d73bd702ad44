"""The model picker in the main window: it lists the library (local and remote models), switching
loads in the background through the inference thread, each conversation remembers its model and
opening it switches back — for a GGUF file and for a model on an OpenAI-compatible server. Also
which model ChatDesk starts with (the library's default). Real window, real llama.cpp model, real
SQLite file, a real ``llama_cpp.server`` and the fault-injecting server for a key-protected one."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest
from fault_server import API_KEY, MODEL_ID, REPLY_PIECES, FaultServer
from model_ui_support import place_model, unnamed_widgets
from tests_gui_support import make_window

from chatdesk import paths
from chatdesk.library import Catalog
from chatdesk.library.remotes import Remotes
from chatdesk.library.resolve import entry_key, same_model
from chatdesk.settings import AppSettings, load_settings, save_settings
from chatdesk.ui.shell.model_actions import actions_of, startup_model


@pytest.fixture
def second_model(model_path, tmp_path):
    """A second local model: another file with the bundled weights, added to the library."""
    p = place_model(model_path, tmp_path / "models elsewhere" / "Second-Model.Q4_1.gguf")
    return Catalog.open().add_file(p)


def picker_ready(qtbot, win, n):
    actions = actions_of(win)
    qtbot.waitUntil(lambda: len(actions.picker.entries()) == n, timeout=30_000)
    return actions


def send_and_wait(qtbot, win, text):
    with qtbot.waitSignal(win.controller.reply_finished, timeout=120_000) as done:
        assert win.controller.send(text)
    return done.args[0]


def choose(qtbot, win, actions, key):
    with qtbot.waitSignal(win.inference.worker.load_finished, timeout=120_000) as loaded:
        assert actions.picker.choose(key)
        # The choice returns at once; the model loads on the inference thread.
        assert win.controller.loading_key == key and win.load_bar.isVisible()
    return loaded.args[0]


def open_and_wait_load(qtbot, win, conversation_id):
    with qtbot.waitSignal(win.inference.worker.load_finished, timeout=120_000) as loaded:
        win.open_conversation(conversation_id, None)
    return loaded.args[0]


def test_picker_switches_local_models_and_each_chat_keeps_its_own(qtbot, data_dir, model_path, second_model):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        actions = picker_ready(qtbot, win, 2)
        assert actions.picker.model_keys()[:2] == [model_path, second_model.path]
        assert same_model(actions.picker.current_key(), model_path)
        assert unnamed_widgets(actions.toolbar) == []

        send_and_wait(qtbot, win, "Hello")
        first = win.controller.current_id
        info = choose(qtbot, win, actions, second_model.path)
        assert same_model(info.path, second_model.path)
        qtbot.waitUntil(lambda: same_model(actions.picker.current_key(), second_model.path), timeout=10_000)
        qtbot.waitUntil(lambda: same_model(store.get_conversation(first).model_path, second_model.path), timeout=10_000)
        outcome = send_and_wait(qtbot, win, "And now?")
        assert same_model(dict(outcome.finished.provenance)["model_path"], second_model.path)

        win.new_conversation()
        info = choose(qtbot, win, actions, model_path)
        send_and_wait(qtbot, win, "A chat with the bundled model")
        second = win.controller.current_id
        assert second != first and same_model(store.get_conversation(second).model_path, model_path)

        info = open_and_wait_load(qtbot, win, first)  # opening a chat switches to its model
        assert same_model(info.path, second_model.path)
        qtbot.waitUntil(lambda: same_model(actions.picker.current_key(), second_model.path), timeout=10_000)
        info = open_and_wait_load(qtbot, win, second)
        assert same_model(info.path, model_path)
    finally:
        win.close()
        store.close()


def test_remote_model_is_picked_remembered_and_restored(qtbot, data_dir, model_path, llama_server, memory_keyring):
    endpoint = Remotes().add(llama_server.base_url, name="Local server")
    remote = Catalog.open().add_remote(endpoint.base_url, llama_server.model_path, name="SmolLM2 on the server")
    key = entry_key(remote)
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        actions = picker_ready(qtbot, win, 2)
        assert key in actions.picker.model_keys()
        assert "(remote)" in actions.picker.itemText(actions.picker.model_keys().index(key))
        send_and_wait(qtbot, win, "Hello")
        conv = win.controller.current_id
        info = choose(qtbot, win, actions, key)
        assert info.kind == "remote" and info.path == key
        qtbot.waitUntil(lambda: store.get_conversation(conv).model_path == key, timeout=10_000)
        outcome = send_and_wait(qtbot, win, "Say hi")
        assert outcome.status == "done" and outcome.finished.record.content

        win.new_conversation()
        choose(qtbot, win, actions, model_path)
        send_and_wait(qtbot, win, "A local chat")
        info = open_and_wait_load(qtbot, win, conv)
        assert info.kind == "remote" and info.path == key
        # The window's own slots run after the worker's signal reaches this test: wait for them.
        qtbot.waitUntil(lambda: actions.picker.current_key() == key, timeout=10_000)
        assert "on the server" not in win.banner.text()
    finally:
        win.close()
        store.close()


def test_the_worker_gets_the_saved_api_key(qtbot, data_dir, model_path, memory_keyring):
    server = FaultServer()
    try:
        base = server.url("authchat")  # lists models freely; chat needs the key
        endpoint = Remotes().add(base, name="Keyed", api_key=API_KEY)
        assert endpoint.key_store == "keyring" and API_KEY in memory_keyring.passwords.values()
        remote = Catalog.open().add_remote(endpoint.base_url, MODEL_ID)
        win, store = make_window(qtbot, data_dir, model_path, max_tokens=8)
        try:
            actions = picker_ready(qtbot, win, 2)
            choose(qtbot, win, actions, entry_key(remote))
            outcome = send_and_wait(qtbot, win, "Hi")
            assert outcome.status == "done", outcome.finished.error
            assert outcome.finished.record.content == "".join(REPLY_PIECES)
        finally:
            win.close()
            store.close()
    finally:
        server.close()


def test_switching_waits_for_the_reply_to_end(qtbot, data_dir, model_path, second_model):
    server = FaultServer()
    try:
        Remotes().add(server.url("hang"))
        hang = Catalog.open().add_remote(server.url("hang"), MODEL_ID)
        win, store = make_window(qtbot, data_dir, model_path, max_tokens=8)
        try:
            actions = picker_ready(qtbot, win, 3)
            choose(qtbot, win, actions, entry_key(hang))
            assert win.controller.send("Talk forever")
            qtbot.waitUntil(server.hang_started.is_set, timeout=30_000)
            assert win.controller.busy
            actions.picker.choose(model_path)
            assert win.controller.loading_key is None  # nothing was loaded
            assert "Wait for the current reply" in win.notice.text()
            assert actions.picker.current_key() == entry_key(hang)
            with qtbot.waitSignal(win.controller.reply_finished, timeout=30_000):
                win.controller.stop()
        finally:
            win.close()
            store.close()
    finally:
        server.close()


def test_library_window_from_the_menu_and_chat_with_it(qtbot, data_dir, model_path, second_model):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        [action] = [a for a in win.menuBar().actions()[0].menu().actions() if a.objectName() == "showLibrary"]
        action.trigger()
        lib = actions_of(win).library_window
        qtbot.waitUntil(lambda: len(lib.entries()) == 2 and not lib.busy, timeout=30_000)
        assert lib.isVisible()
        assert lib.select(second_model.id)
        before = win.controller.current_id
        with qtbot.waitSignal(win.inference.worker.load_finished, timeout=120_000) as loaded:
            lib.chat_button.click()
        assert same_model(loaded.args[0].path, second_model.path)
        conv = win.controller.current_id
        assert conv is not None and conv != before  # a new chat with that model
        qtbot.waitUntil(lambda: same_model(store.get_conversation(conv).model_path, second_model.path), timeout=10_000)
        assert not lib.isVisible()

        # Set as default: the library decides the start-up model; a path remembered in settings.json
        # (File → Open model…) must not override that choice at the next start.
        win.settings = replace(win.settings, model_path=model_path)
        save_settings(win.settings)
        actions_of(win).show_library()
        qtbot.waitUntil(lambda: not lib.busy, timeout=30_000)
        assert lib.select(second_model.id) and lib.default_button.isEnabled()
        with qtbot.waitSignal(lib.default_changed, timeout=30_000):
            lib.default_button.click()
        assert load_settings().model_path is None and win.settings.model_path is None
        assert startup_model(None, load_settings()).key == second_model.path
    finally:
        win.close()
        store.close()


def test_the_last_choice_wins_when_loads_queue_up(qtbot, data_dir, model_path, second_model):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        actions = picker_ready(qtbot, win, 2)
        send_and_wait(qtbot, win, "Hello")
        conv = win.controller.current_id
        loaded = []
        win.inference.worker.load_finished.connect(loaded.append)
        assert actions.picker.choose(second_model.path)
        assert actions.picker.choose(model_path)  # chosen before the first load ended
        # ``loaded.append`` runs on the worker thread as the signal is emitted; the window takes the
        # same value in later, on its own thread: wait for that, not just for the emission.
        qtbot.waitUntil(lambda: len(loaded) == 2 and win.controller.model_info is loaded[1], timeout=120_000)
        assert same_model(loaded[0].path, second_model.path)
        assert same_model(win.controller.model_info.path, model_path)
        assert same_model(store.get_conversation(conv).model_path, model_path)
        assert same_model(actions.picker.current_key(), model_path)
    finally:
        win.close()
        store.close()


# ----------------------------------------------------------------------------- start-up model


def test_startup_uses_the_librarys_default(data_dir, model_path, second_model):
    assert startup_model(None, AppSettings()).key == model_path
    Catalog.open().set_default(second_model.id)
    start = startup_model(None, AppSettings())
    assert (start.key, start.label, start.error) == (second_model.path, second_model.name, None)
    assert startup_model("/explicit/--model.gguf", AppSettings()).key == "/explicit/--model.gguf"


def test_a_path_remembered_in_settings_becomes_the_default_once(data_dir, model_path, tmp_path):
    legacy = place_model(model_path, tmp_path / "old" / "Remembered.Q4_1.gguf")
    save_settings(AppSettings(model_path=str(legacy)))
    start = startup_model(None, load_settings())
    assert start.key == str(legacy) and start.notice is None
    assert Catalog.open().default().path == str(legacy)
    assert load_settings().model_path is None
    assert json.loads(paths.settings_path().read_text("utf-8"))["model_path"] is None


def test_an_unusable_default_falls_back_to_the_bundled_model_with_a_notice(data_dir, model_path, second_model):
    Catalog.open().set_default(second_model.id)
    os.unlink(second_model.path)
    start = startup_model(None, AppSettings())
    assert start.key == model_path and start.error is None
    assert second_model.name in start.notice and "bundled" in start.notice
    assert Catalog.open().default().id == second_model.id  # the choice is kept for when the file is back
