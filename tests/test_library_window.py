"""The model library window (File → Models…) on a real library in the test's data folder, with
real GGUF files, real Qt widgets (offscreen) and, for the cache scan, a Hugging Face cache filled
by the real huggingface_hub client from the local Hub stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from hub_server import HubServer
from model_ui_support import fill_hf_cache, place_model, unnamed_widgets
from PySide6.QtCore import Qt

from chatdesk.library import BUNDLED_ID, Catalog, LibraryError
from chatdesk.ui.models.library_table import ENTRY_ROLE, LibraryListModel
from chatdesk.ui.models.library_window import LibraryWindow

STATUS = LibraryListModel.COLUMNS.index("status")


def open_library(qtbot, catalog=None, current_key=None) -> LibraryWindow:
    win = LibraryWindow(catalog, current_key=current_key)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.populated, timeout=30_000):
        win.show()
    return win


def row_of(win: LibraryWindow, model_id: str) -> int:
    for r in range(win.proxy.rowCount()):
        if win.proxy.index(r, 0).data(ENTRY_ROLE).id == model_id:
            return r
    raise AssertionError(f"{model_id} is not shown; rows: {win.visible_names()}")


def row_text(win: LibraryWindow, model_id: str) -> dict[str, str]:
    r = row_of(win, model_id)
    return {c: win.proxy.index(r, i).data() for i, c in enumerate(LibraryListModel.COLUMNS)}


def wait_idle(qtbot, win) -> None:
    qtbot.waitUntil(lambda: not win.busy, timeout=30_000)


@pytest.fixture
def user_model(model_path, tmp_path):
    return place_model(model_path, tmp_path / "my models" / "My-Tiny-Model.Q4_1.gguf")


def test_lists_every_detail_of_the_bundled_model(qtbot, data_dir, model_path):
    win = open_library(qtbot, current_key=model_path)
    assert len(win.visible_names()) == 1
    row = row_text(win, BUNDLED_ID)
    assert row["architecture"] == "llama" and row["quantization"] == "Q4_1" and row["context"] == "8,192"
    assert row["template"] == "yes" and row["licence"] == "apache-2.0" and row["source"] == "Bundled"
    assert row["parameters"].endswith(" M") and row["size"].endswith(" MB")
    assert "Default" in row["status"] and "In use" in row["status"]
    assert not win.remove_button.isEnabled()  # the bundled model cannot be removed
    assert win.chat_button.isEnabled()
    assert unnamed_widgets(win) == []


def test_add_filter_and_set_default(qtbot, data_dir, user_model):
    win = open_library(qtbot)
    win.choose_file = lambda: str(user_model)
    win.add_button.click()
    qtbot.waitUntil(lambda: len(win.visible_names()) == 2, timeout=30_000)
    wait_idle(qtbot, win)
    added = win.selected_entry()
    assert added is not None and added.path == str(user_model) and added.source == "added"
    assert row_text(win, added.id)["source"] == "Added file"
    assert "Added" in win.message_text()

    win.filter.setText("tiny-model")
    assert win.visible_names() == [added.name]
    win.filter.setText("no such model")
    assert win.visible_names() == []
    win.filter.clear()
    assert len(win.visible_names()) == 2

    assert win.select(added.id)
    with qtbot.waitSignal(win.default_changed, timeout=30_000) as changed:
        win.default_button.click()
    assert changed.args[0].id == added.id
    assert Catalog.open().default().id == added.id  # written to library.json, not only shown
    assert "Default" in row_text(win, added.id)["status"]
    assert not win.default_button.isEnabled()


@pytest.mark.parametrize("content", [b"this is a text file, not a model\n" * 4, b"GGUF" + b"\x00" * 40])
def test_a_bad_file_is_refused_with_the_validators_sentence(qtbot, data_dir, tmp_path, content):
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(content)
    with pytest.raises(LibraryError) as expected:  # what the validator says about this file
        Catalog(tmp_path / "other-data").add_file(bad)
    win = open_library(qtbot)
    win.choose_file = lambda: str(bad)
    win.add_button.click()
    wait_idle(qtbot, win)
    assert str(expected.value) in win.message_text()
    assert win.message.property("kind") == "error"
    assert len(win.visible_names()) == 1
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]


def click_in_confirmation(qtbot, win, button_name):
    qtbot.waitUntil(lambda: win.confirm_box is not None and win.confirm_box.isVisible(), timeout=5_000)
    box = win.confirm_box
    text = box.text()
    from PySide6.QtWidgets import QAbstractButton

    buttons = {b.objectName() or b.text(): b for b in box.findChildren(QAbstractButton) if b.isVisible()}
    buttons[button_name].click()
    wait_idle(qtbot, win)
    return text, sorted(buttons)


def test_remove_keeps_a_users_own_file_unless_asked(qtbot, data_dir, user_model):
    lib = Catalog.open()
    entry = lib.add_file(user_model)
    win = open_library(qtbot, lib)
    assert win.select(entry.id)

    win.remove_button.click()
    text, buttons = click_in_confirmation(qtbot, win, "Cancel")
    assert "stays on disk" in text and "removeKeep" in buttons and "removeDelete" in buttons
    assert entry.id in [e.id for e in Catalog.open().entries()]

    win.remove_button.click()
    click_in_confirmation(qtbot, win, "removeKeep")
    assert entry.id not in [e.id for e in Catalog.open().entries()]
    assert user_model.is_file()
    assert "still at" in win.message_text()

    entry = lib.add_file(user_model)
    win.refresh(entry.id)
    qtbot.waitUntil(lambda: win.selected_entry() is not None and win.selected_entry().id == entry.id, timeout=30_000)
    win.remove_button.click()
    click_in_confirmation(qtbot, win, "removeDelete")
    assert not user_model.exists()
    assert entry.id not in [e.id for e in Catalog.open().entries()]


def test_remove_deletes_chatdesks_own_copy_after_confirmation(qtbot, data_dir, model_path):
    own = place_model(model_path, data_dir / "models" / "converted-q8_0.gguf")
    lib = Catalog.open()
    entry = lib.entry_for_path(own)
    assert entry is not None and entry.source == "imported"
    win = open_library(qtbot, lib)
    assert win.select(entry.id)
    win.remove_button.click()
    text, buttons = click_in_confirmation(qtbot, win, "removeDelete")
    assert "delete its file" in text and "removeKeep" not in buttons
    assert not own.exists()
    assert "deleted its file" in win.message_text()


def test_a_vanished_file_is_flagged_missing(qtbot, data_dir, user_model):
    lib = Catalog.open()
    entry = lib.add_file(user_model)
    user_model.rename(user_model.with_name("moved.gguf"))
    win = open_library(qtbot)
    row = row_text(win, entry.id)
    assert "Missing" in row["status"]
    assert win.select(entry.id)
    assert not win.chat_button.isEnabled() and not win.default_button.isEnabled()
    assert "moved or been deleted" in win.details.text()
    assert win.proxy.index(row_of(win, entry.id), STATUS).data(Qt.ItemDataRole.ForegroundRole) is not None  # shown in red
    assert win.proxy.index(row_of(win, BUNDLED_ID), STATUS).data(Qt.ItemDataRole.ForegroundRole) is None


def test_scan_finds_models_in_the_hugging_face_cache(qtbot, data_dir, model_path, tmp_path, monkeypatch):
    for var in ("HF_HUB_OFFLINE", "HF_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    with HubServer() as hub:
        hub.add_repo("acme/Tiny-GGUF", {"tiny.Q4_1.gguf": Path(model_path)})
        snap = fill_hf_cache(hub, "acme/Tiny-GGUF", "tiny.Q4_1.gguf")
        requests_before = len(hub.requests())
        win = open_library(qtbot)
        win.scan_button.click()
        qtbot.waitUntil(lambda: len(win.visible_names()) == 2, timeout=30_000)
        wait_idle(qtbot, win)
        assert len(hub.requests()) == requests_before  # the scan reads the disk only
    found = win.selected_entry()
    assert found.path == str(snap) and found.source == "hf-cache"
    assert row_text(win, found.id)["source"] == "Hugging Face cache (acme/Tiny-GGUF)"
    assert "Found 1 model" in win.message_text()
