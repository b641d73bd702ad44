"""Download from the Hub…: the dialog, with the real huggingface_hub client against the local Hub
stand-in (tests/hub_server.py, HF_ENDPOINT pointed at it) serving the bundled GGUF, real Qt
widgets and a real library. Covers listing, byte progress, Cancel then Resume (after a "restart":
a new dialog finds the partial file on disk), error sentences and offline mode."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hub_server import HubServer
from model_ui_support import unnamed_widgets
from tests_gui_support import make_window

from chatdesk.library import BUNDLED_ID, SUGGESTED_MODELS, Catalog
from chatdesk.ui.models.download_dialog import PROGRESS_STEPS, DownloadDialog
from chatdesk.ui.models.library_table import human_size

REPO = "acme/SmolLM2-135M-Instruct-GGUF"
FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture
def hub(model_path, monkeypatch):
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    with HubServer() as srv:
        srv.add_repo(REPO, {FILE: Path(model_path), "README.md": b"# tiny model\n"})
        srv.add_repo("acme/Split-GGUF", {"big-F16-00001-of-00002.gguf": b"GGUF" * 64, "big-F16-00002-of-00002.gguf": b"GGUF" * 64,
                                         "small-Q8_0.gguf": b"GGUF" * 32})
        monkeypatch.setenv("HF_ENDPOINT", srv.endpoint)
        yield srv


@pytest.fixture(scope="module")
def model_sha256(model_path):
    return hashlib.sha256(Path(model_path).read_bytes()).hexdigest()


def open_dialog(qtbot, catalog=None) -> DownloadDialog:
    dlg = DownloadDialog(catalog)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def list_repo(qtbot, dlg: DownloadDialog, text: str) -> None:
    dlg.repo.setText(text)
    dlg.list_button.click()
    qtbot.waitUntil(lambda: dlg.files.rowCount() > 0 or dlg.message.property("kind") == "error", timeout=30_000)


def wait_download_end(qtbot, dlg: DownloadDialog, timeout=120_000) -> None:
    qtbot.waitUntil(lambda: not dlg.downloading, timeout=timeout)


def test_opening_uses_no_network_and_offers_suggestions(qtbot, hub, data_dir):
    dlg = open_dialog(qtbot)
    assert dlg.suggested.count() == len(SUGGESTED_MODELS)
    texts = [dlg.suggested.item(i).text() for i in range(dlg.suggested.count())]
    assert sum("Chinese + English" in t for t in texts) >= 3
    dlg.suggested.itemClicked.emit(dlg.suggested.item(0))
    assert dlg.repo.text() == SUGGESTED_MODELS[0].repo_id
    qtbot.waitUntil(lambda: not dlg.pending.isVisible() and dlg.pending.count() == 0, timeout=5_000)
    assert hub.requests() == []  # nothing is asked until the user presses List files
    assert unnamed_widgets(dlg) == []


def test_lists_files_with_sizes_and_quantization(qtbot, hub, data_dir, model_path):
    dlg = open_dialog(qtbot)
    list_repo(qtbot, dlg, REPO)
    assert dlg.file_names() == [FILE]  # README.md is not a model
    assert dlg.files.item(0, 1).text() == "Q4_1"
    assert dlg.files.item(0, 2).text() == human_size(os.path.getsize(model_path))
    assert dlg.selected_file().filename == FILE and dlg.download_button.isEnabled()

    list_repo(qtbot, dlg, "acme/Split-GGUF")  # a split model is listed but cannot be downloaded
    assert dlg.file_names() == ["small-Q8_0.gguf", "big-F16-00001-of-00002.gguf"]
    assert "2 parts" in dlg.files.item(1, 2).text()
    dlg.files.selectRow(1)
    assert not dlg.download_button.isEnabled()

    list_repo(qtbot, dlg, f"https://huggingface.co/{REPO}/blob/main/{FILE}")  # a pasted address
    assert dlg.selected_file().filename == FILE

    list_repo(qtbot, dlg, f"{REPO}:Q8_0")  # a quantization the repository does not have
    assert dlg.file_names() == [FILE] and "has no Q8_0 file (it has: Q4_1)" in dlg.message_text()


def test_download_shows_progress_lands_in_the_library_and_can_be_chatted_with(qtbot, hub, data_dir, model_path, model_sha256):
    from chatdesk.ui.shell.model_actions import actions_of

    hub.faults.rate_bps = 60e6  # like a fast network link: the download takes about 1.5 s
    win, store = make_window(qtbot, data_dir, model_path)
    try:
        actions = actions_of(win)
        actions.show_download()
        dlg = actions.library_window._download_dialog
        list_repo(qtbot, dlg, REPO)
        values, texts = [], []
        dlg.progress.valueChanged.connect(values.append)
        dlg.download_button.click()
        dlg.job.progress.connect(lambda p: texts.append(dlg.progress_label.text()))
        wait_download_end(qtbot, dlg)
        assert dlg.entry is not None, dlg.message_text()
        assert values[-1] == PROGRESS_STEPS and any(0 < v < PROGRESS_STEPS for v in values)
        assert values == sorted(values)
        assert any("/s" in t and "left" in t and " of " in t for t in texts), texts

        entry = Catalog.open().get(dlg.entry.id)
        assert entry.source == "downloaded" and entry.repo_id == REPO and entry.sha256 == model_sha256
        assert Path(entry.path).parent == data_dir / "models"
        qtbot.waitUntil(lambda: entry.id in [e.id for e in actions.library_window.entries()], timeout=30_000)
        assert entry.id in [e.id for e in actions.picker.entries()]  # the picker offers it at once

        assert dlg.chat_button.isVisible()
        with qtbot.waitSignal(win.inference.worker.load_finished, timeout=60_000) as loaded:
            dlg.chat_button.click()
        info = loaded.args[0]
        assert os.path.samefile(info.path, entry.path)
        qtbot.waitUntil(lambda: store.get_conversation(win.controller.current_id).model_path == info.path, timeout=10_000)
    finally:
        win.close()
        store.close()


def test_cancel_then_resume_after_a_restart_transfers_only_the_rest(qtbot, hub, data_dir, model_path, model_sha256):
    size = os.path.getsize(model_path)
    hub.faults.gate_at = size // 3
    dlg = open_dialog(qtbot)
    list_repo(qtbot, dlg, REPO)
    dlg.download_button.click()
    qtbot.waitUntil(hub.gate_reached.is_set, timeout=60_000)
    qtbot.waitUntil(lambda: " of " in dlg.progress_label.text(), timeout=30_000)
    assert dlg.cancel_button.isEnabled()
    dlg.cancel_button.click()
    hub.gate_open.set()  # the next chunk arrives and the download sees Cancel
    wait_download_end(qtbot, dlg)
    assert "paused" in dlg.message_text() and "Resume" in dlg.message_text()
    qtbot.waitUntil(lambda: dlg.pending_names() == [FILE], timeout=10_000)
    [part] = (data_dir / "models" / ".downloads").glob("*.part")
    kept = part.stat().st_size
    assert 0 < kept < size
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]
    dlg.close()

    again = open_dialog(qtbot)  # a new window (as after a restart) finds the partial download on disk
    qtbot.waitUntil(lambda: again.pending_names() == [FILE], timeout=10_000)
    assert again.resume_button.isVisible() and again.resume_button.isEnabled()
    before = len(hub.bodies())
    again.resume_button.click()
    wait_download_end(qtbot, again)
    assert again.entry is not None, again.message_text()
    resumed = hub.bodies()[before:]
    assert [b.range for b in resumed] == [f"bytes={kept}-"]
    assert resumed[0].body_bytes == size - kept  # only the rest went over the wire
    assert hashlib.sha256(Path(again.entry.path).read_bytes()).hexdigest() == model_sha256
    qtbot.waitUntil(lambda: again.pending_names() == [], timeout=10_000)


def test_a_missing_repository_or_file_gets_a_sentence(qtbot, hub, data_dir):
    dlg = open_dialog(qtbot)
    list_repo(qtbot, dlg, "acme/does-not-exist")
    assert dlg.message.property("kind") == "error"
    assert "no model repository acme/does-not-exist" in dlg.message_text() and "404" not in dlg.message_text()
    dlg.start_download(REPO, "no-such-file.Q4_K_M.gguf")
    wait_download_end(qtbot, dlg)
    assert dlg.message.property("kind") == "error"
    assert "has no file named no-such-file.Q4_K_M.gguf" in dlg.message_text()
    hub.add_repo("acme/Gated-GGUF", {"g.Q4_0.gguf": b"GGUF" * 8}, access="gated", token="hf_right")
    list_repo(qtbot, dlg, "acme/Gated-GGUF")
    assert "gated" in dlg.message_text() and "HF_TOKEN" in dlg.message_text()
    dlg.repo.setText("not a repo id")
    dlg.list_button.click()
    assert "is not a Hugging Face model" in dlg.message_text()


def test_server_errors_and_dropped_connections_keep_the_part(qtbot, hub, data_dir, model_path):
    dlg = open_dialog(qtbot)
    hub.faults.fail.append(("api", 503))
    list_repo(qtbot, dlg, REPO)
    assert "server error (503)" in dlg.message_text() and "try again" in dlg.message_text()
    list_repo(qtbot, dlg, REPO)
    assert dlg.file_names() == [FILE]

    hub.faults.drop_after = 5 << 20  # every connection breaks after 5 MB, more often than ChatDesk retries
    hub.faults.drop_times = 10
    dlg.download_button.click()
    wait_download_end(qtbot, dlg)
    assert dlg.message.property("kind") == "error"
    assert "interrupted" in dlg.message_text() and "kept" in dlg.message_text()
    qtbot.waitUntil(lambda: dlg.pending_names() == [FILE], timeout=10_000)
    assert dlg.resume_button.isEnabled()


def test_a_full_disk_is_said_before_any_byte_is_fetched(qtbot, hub, data_dir):
    hub.faults.size_override[FILE] = 1 << 52  # the Hub says the file is 4 PB
    dlg = open_dialog(qtbot)
    dlg.start_download(REPO, FILE)
    wait_download_end(qtbot, dlg)
    assert "of free space" in dlg.message_text() and "Free up some space" in dlg.message_text()
    assert hub.bodies() == []


def test_offline_mode_is_explained_without_touching_the_network(qtbot, hub, data_dir, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    dlg = open_dialog(qtbot)
    assert "HF_HUB_OFFLINE" in dlg.message_text()
    list_repo(qtbot, dlg, REPO)
    assert "HF_HUB_OFFLINE" in dlg.message_text()
    dlg.start_download(REPO, FILE)
    wait_download_end(qtbot, dlg)
    assert "HF_HUB_OFFLINE" in dlg.message_text()
    assert hub.requests() == []
