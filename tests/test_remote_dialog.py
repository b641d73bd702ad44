"""Connect to a server…: the dialog against a real ``python -m llama_cpp.server`` serving the bundled
model, and against the fault-injecting OpenAI-compatible server for the cases a real server
cannot be made to show (a key it insists on, no model list, nobody listening). Keyring backends
are real ``keyring`` backends: a small in-memory one and keyring's own "fail" backend (what a
machine without a keyring service has)."""

from __future__ import annotations

import os
import stat

import pytest
from fault_server import API_KEY, MODEL_ID, FaultServer, free_port
from keyring.backends import fail
from keyring_support import MemoryKeyring
from model_ui_support import unnamed_widgets

from chatdesk.library import Catalog
from chatdesk.library.remotes import Remotes
from chatdesk.ui.models.remote_dialog import RemoteDialog


@pytest.fixture
def faults():
    server = FaultServer()
    yield server
    server.close()


def open_dialog(qtbot) -> RemoteDialog:
    dlg = RemoteDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def list_models(qtbot, dlg: RemoteDialog, url: str, key: str = "") -> None:
    dlg.url.setText(url)
    dlg.key.setText(key)
    dlg.list_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=60_000)


def add(qtbot, dlg: RemoteDialog):
    with qtbot.waitSignal(dlg.models_added, timeout=30_000) as added:
        dlg.add_button.click()
    return added.args[0]


def test_connects_to_llama_cpp_server_lists_and_adds_its_model(qtbot, data_dir, llama_server, use_keyring):
    use_keyring(fail.Keyring())  # no keyring service on this machine: the key goes to a 0600 file
    dlg = open_dialog(qtbot)
    assert unnamed_widgets(dlg) == []
    root = llama_server.base_url.removesuffix("/v1")  # typed without /v1
    dlg.name.setText("Box under the desk")
    list_models(qtbot, dlg, root, key="sk-local")
    assert dlg.listed_ids() == [llama_server.model_path], dlg.message_text()
    assert dlg.chosen_ids() == [llama_server.model_path]
    [entry] = add(qtbot, dlg)

    assert entry.source == "remote" and entry.remote_url == llama_server.base_url and entry.remote_model == llama_server.model_path
    assert entry.name == os.path.basename(llama_server.model_path)  # the file name, not the whole path
    assert Catalog.open().get(entry.id).remote_url == llama_server.base_url
    [endpoint] = Remotes().endpoints()
    assert endpoint.base_url == llama_server.base_url and endpoint.name == "Box under the desk" and endpoint.key_store == "file"
    assert Remotes().api_key(endpoint.id) == "sk-local"
    assert stat.S_IMODE(Remotes().key_file.stat().st_mode) == 0o600
    assert dlg.key_warning.isVisible() and dlg.key_warning.text() == Remotes().key_warning(endpoint)
    assert dlg.key.text() == ""  # the typed key does not linger in the window
    assert "Added to the library" in dlg.message_text()


def test_a_key_the_server_insists_on_is_kept_in_the_keyring(qtbot, data_dir, faults, use_keyring):
    ring = MemoryKeyring()
    use_keyring(ring)
    dlg = open_dialog(qtbot)
    list_models(qtbot, dlg, faults.url("auth"))
    assert dlg.listed_ids() == [] and dlg.message.property("kind") == "error"
    assert "401" in dlg.message_text() or "key" in dlg.message_text().lower()
    list_models(qtbot, dlg, faults.url("auth"), key=API_KEY)
    assert dlg.listed_ids() == [MODEL_ID]
    [entry] = add(qtbot, dlg)
    assert entry.remote_model == MODEL_ID
    [endpoint] = Remotes().endpoints()
    assert endpoint.key_store == "keyring" and list(ring.passwords.values()) == [API_KEY]
    assert not dlg.key_warning.isVisible()
    assert not Remotes().key_file.exists()

    # The saved connection is offered next time, and lists with its saved key.
    again = open_dialog(qtbot)
    assert again.saved.count() == 2
    again.saved.setCurrentIndex(1)
    assert again.url.text() == endpoint.base_url and again.key.text() == ""
    again.list_button.click()
    qtbot.waitUntil(lambda: not again.busy, timeout=30_000)
    assert again.listed_ids() == [MODEL_ID], again.message_text()


def test_a_server_without_a_model_list_takes_a_typed_id(qtbot, data_dir, faults, use_keyring):
    use_keyring(MemoryKeyring())
    dlg = open_dialog(qtbot)
    list_models(qtbot, dlg, faults.url("nolist"))
    assert dlg.listed_ids() == [] and "does not list its models" in dlg.message_text()
    assert not dlg.add_button.isEnabled()
    dlg.model_id.setText("llama3.2:3b")
    assert dlg.add_button.isEnabled()
    [entry] = add(qtbot, dlg)
    assert entry.remote_model == "llama3.2:3b" and entry.remote_url == faults.url("nolist")


def test_unreachable_or_invalid_addresses_get_sentences(qtbot, data_dir):
    dlg = open_dialog(qtbot)
    list_models(qtbot, dlg, f"http://127.0.0.1:{free_port()}")
    assert dlg.message.property("kind") == "error" and "127.0.0.1" in dlg.message_text()
    assert "Traceback" not in dlg.message_text()
    dlg.url.setText("ftp://example.com")
    dlg.list_button.click()
    assert "http://" in dlg.message_text()
    assert Remotes().endpoints() == []  # nothing is saved until Add
